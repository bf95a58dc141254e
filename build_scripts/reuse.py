"""Reusing work between regenerations in one process (`mkdocs serve`, the benchmark).

The loader hands back the very same model object for an item whose text did not change, so
anything computed from that object alone can be reused while the object comes back. A memo keeps
each object alive beside its result, so an id can never be reused by another object while it is
remembered; results not asked for during a whole run are forgotten at the start of the next one.
"""
from __future__ import annotations

from typing import Callable, Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T")


def same_inputs(a: tuple, b: tuple) -> bool:
    """The same model objects (by identity: the loader hands back unchanged items as the same
    objects), and equal plain values, in the same order."""
    return len(a) == len(b) and all(x is y or (not isinstance(x, BaseModel) and x == y) for x, y in zip(a, b))


_MEMOS: list["ObjectMemo"] = []


class ObjectMemo(Generic[T]):
    """Results computed from one model object each, kept for the current run and the one before."""

    def __init__(self) -> None:
        self._current: dict[int, tuple[object, T]] = {}
        self._previous: dict[int, tuple[object, T]] = {}
        _MEMOS.append(self)

    def get(self, obj: object, compute: Callable[[object], T]) -> T:
        """compute(obj), or its result from before when obj is the very same object."""
        key = id(obj)
        hit = self._current.get(key)  # held here, obj is alive: the id is its own
        if hit is None:
            hit = self._previous.get(key)
            if hit is None or hit[0] is not obj:
                hit = (obj, compute(obj))
            self._current[key] = hit
        return hit[1]

    def new_run(self) -> None:
        self._previous, self._current = self._current, {}


def new_run() -> None:
    """A regeneration begins: what the last one did not use is forgotten after this one."""
    for memo in _MEMOS:
        memo.new_run()
