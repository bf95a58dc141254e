"""What a page reads, recorded while it is rendered, so that it is reused exactly while all it read
is unchanged (plan/site_plan.PageCache).

A page is rendered from the view as that one page sees it (`reading(view, reads)`): every attribute
it reads, every entry of an index it looks up and every answer a view method gives it is written
down with the path that reached it (`.events_by_actor ['openai']`). On the next generation each path
is followed again on the new view, and the page is reused only when every one gives the same value
(same_value). A template that starts reading a new field records it the first time it renders, so
no list of a page's inputs is kept by hand. Fragments shared by the pages of one run (`Made`) keep
the reads that made them, and hand them on to every page that takes them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import is_
from typing import Any, NamedTuple

Steps = tuple[tuple, ...]  # from the view: ('.', name) | ('[]', key) | ('()', args) | ('len',) | ('keys',)


class Missing:
    """What a path leads to when it no longer leads anywhere (a key gone, an attribute gone)."""


class Reads:
    """The reads of one page: each path, in the order first read, with the value it led to. A path read
    again (a page asks for an entity's address at every mention: most of what it reads) is kept once: the
    view a page is rendered from does not change while it renders."""

    def __init__(self) -> None:
        self.log: dict[Steps, Any] = {}
        self.unhashable: list[tuple[Steps, Any]] = []  # a path with an argument that cannot be hashed

    def record(self, path: Steps, value: Any) -> None:
        try:
            self.log[path] = value
        except TypeError:
            self.unhashable.append((path, value))

    def take(self, other: Reads) -> None:
        """What other recorded (a shared fragment's reads) is read here too."""
        self.log.update(other.log)
        self.unhashable += other.unhashable

    def apart(self, make: Callable[[], str]) -> tuple[str, Reads]:
        """make(), with what it reads recorded apart too (a shared fragment's reads, for the next page
        that takes it): a path this page had read already is still one the fragment rests on."""
        outer = self.log, self.unhashable
        self.log, self.unhashable = {}, []
        try:
            text = make()
        finally:
            inner = Reads()
            inner.log, inner.unhashable = self.log, self.unhashable
            self.log, self.unhashable = outer
        self.take(inner)
        return text, inner

    def unchanged(self, root: object, followed: Followed | None = None) -> bool:
        """Every path, followed again from root, leads to the same value as when it was read. followed:
        shared by the pages checked against one root (most pages read the same entities' addresses), so
        that a path is followed once per root, and a value read there is compared once."""
        now, agreed = followed if followed is not None else Followed({}, {})
        for path, value in self.log.items():
            if agreed.get(path, Missing) is value:
                continue
            try:
                current = now[path]
            except KeyError:
                current = now[path] = follow(root, path)
            if not same_value(value, current):
                return False
            agreed[path] = value
        return all(same_value(value, follow(root, path)) for path, value in self.unhashable)


class Followed(NamedTuple):
    """What the checks against one root have found so far: where each path leads from it, and the last value
    read at a path that was found the same (a value read by many pages is the very same object)."""

    now: dict[Steps, Any]
    agreed: dict[Steps, Any]


def same_value(a: Any, b: Any) -> bool:
    """The very same object (the loader hands back an unchanged item as the same object), containers of
    the same values in the same order, or equal values (a model made anew with the same fields: a default
    tone of the codebook)."""
    if a is b:
        return True
    if isinstance(a, (list, tuple)) and type(a) is type(b):  # mostly the very same items: checked at C speed first
        return len(a) == len(b) and (all(map(is_, a, b)) or all(same_value(x, y) for x, y in zip(a, b)))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return list(a) == list(b) and all(same_value(a[key], b[key]) for key in a)
    return bool(a == b)


def follow(root: object, path: Steps) -> Any:
    """Where path leads from root, or Missing."""
    value: Any = root
    try:
        for step in path:
            if step[0] == ".":
                value = getattr(value, step[1])
            elif step[0] == "[]":
                value = value[step[1]]
            elif step[0] == "()":
                value = value(*step[1])
            else:
                value = len(value) if step[0] == "len" else list(value)
    except (AttributeError, KeyError, IndexError, TypeError):
        return Missing
    return value


def reading(target: Any, reads: Reads, opened: frozenset[str] = frozenset({"briefing"})) -> Any:
    """target (the view) as one page reads it. opened: attributes whose value is read field by field
    in turn (the briefing: a page that shows the events does not rest on the quotes)."""
    return _Reading(target, (), reads, opened)


class _Reading:
    __slots__ = ("_target", "_path", "_reads", "_opened", "_readers")

    def __init__(self, target: Any, path: Steps, reads: Reads, opened: frozenset[str]) -> None:
        self._target, self._path, self._reads, self._opened = target, path, reads, opened
        self._readers: dict[str, Any] = {}  # what reads an index, a list or a method for this page, made once

    def __getattr__(self, name: str) -> Any:
        reader = self._readers.get(name)
        if reader is not None:
            return reader
        value = getattr(self._target, name)
        path = (*self._path, (".", name))
        if name in self._opened:
            reader = _Reading(value, path, self._reads, frozenset())
        elif callable(value) and hasattr(value, "__self__"):  # a method: its answers are recorded
            reader = _Asking(value, path, self._reads)
        elif isinstance(value, (dict, list)):
            reader = _handed(value, path, self._reads)
        else:
            self._reads.record(path, value)
            return value
        self._readers[name] = reader
        return reader


class _Asking:
    __slots__ = ("_method", "_path", "_reads")

    def __init__(self, method: Callable, path: Steps, reads: Reads) -> None:
        self._method, self._path, self._reads = method, path, reads

    def __call__(self, *args: Any) -> Any:
        """The method's answer, recorded. A list argument (a fact's sources) is handed to the method as a
        tuple, so that the read can be hashed and followed once per page: the view's methods read their
        arguments, never change them."""
        args = tuple(tuple(a) if type(a) is list else a for a in args)
        value = self._method(*args)
        self._reads.record((*self._path, ("()", args)), value)
        return value


class _ReadingMapping(Mapping):
    """An index of the view: each entry looked up is recorded; going through it records its keys, and
    its size, as what they are."""

    def __init__(self, target: Mapping, path: Steps, reads: Reads) -> None:
        self._target, self._path, self._reads = target, path, reads

    def __getitem__(self, key: Any) -> Any:
        value = self._target.get(key, Missing)
        path = self._path + (("[]", key),)
        if isinstance(value, (dict, list)):
            return _handed(value, path, self._reads)
        self._reads.record(path, value)
        if value is Missing:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator:
        self._reads.record((*self._path, ("keys",)), list(self._target))
        return iter(self._target)

    def __len__(self) -> int:
        self._reads.record((*self._path, ("len",)), len(self._target))
        return len(self._target)


class _ReadingList(Sequence):
    """A list of the view's (the events of a page): an item taken or the length asked is recorded as
    such; going through it records all of it."""

    def __init__(self, target: list, path: Steps, reads: Reads) -> None:
        self._target, self._path, self._reads = target, path, reads

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, int):  # a slice
            self._reads.record(self._path, self._target)
            return self._target[index]
        value = self._target[index]
        self._reads.record((*self._path, ("[]", index)), value)
        return value

    def __iter__(self) -> Iterator:
        self._reads.record(self._path, self._target)
        return iter(self._target)

    def __len__(self) -> int:
        self._reads.record((*self._path, ("len",)), len(self._target))
        return len(self._target)


def _handed(value: Any, path: Steps, reads: Reads) -> Any:
    """A value handed to the page: an index is handed on as read entry by entry; anything else is recorded."""
    if isinstance(value, dict):
        return _ReadingMapping(value, path, reads)
    if isinstance(value, list):
        return _ReadingList(value, path, reads)
    reads.record(path, value)
    return value


class Made:
    """Fragments made once in a run and shared by its pages (a badge, a source's line), each with the
    reads that made it: a page that takes a fragment made for another records what it rests on too."""

    def __init__(self, store: dict[tuple, tuple[str, Reads]] | None = None, reads: Reads | None = None) -> None:
        self.store = {} if store is None else store
        self.reads = Reads() if reads is None else reads

    def get(self, key: tuple, make: Callable[[], str]) -> str:
        """The fragment made for key in this run, or make() now."""
        hit = self.store.get(key)
        if hit is None:
            hit = self.store[key] = self.reads.apart(make)
        else:
            self.reads.take(hit[1])
        return hit[0]
