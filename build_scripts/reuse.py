"""What one process keeps between regenerations (`mkdocs serve`, the benchmark): the reuse memo.

The loader hands back the very same model object for an item whose text did not change, so
anything computed from that object alone can be reused while the object comes back. A memo keeps
each object alive beside its result, so an id can never be reused by another object while it is
remembered; results not asked for during a whole run are forgotten at the start of the next one.

Nothing here is module-level: a `Reuse` belongs to one build session (session.py), which hands it
to the stages that reuse work. Its fingerprint covers the templates and the pipeline's code, so a
template edit is never answered with a page rendered from the old one.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar

from pydantic import BaseModel

from build_scripts.logs import site_log

if TYPE_CHECKING:  # what the memo holds; those modules hand their results to it
    from jinja2 import Environment

    from build_scripts.data.item_validation import FileItems
    from build_scripts.data.loading import LoadedFile
    from build_scripts.data.validation import Report
    from build_scripts.errors import Problem
    from build_scripts.pipeline import BuildOutput
    from build_scripts.render.page_context import Flavour

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent


def same_inputs(a: tuple, b: tuple) -> bool:
    """The same model objects (by identity: the loader hands back unchanged items as the same
    objects), and equal plain values, in the same order."""
    return len(a) == len(b) and all(x is y or (not isinstance(x, BaseModel) and x == y) for x, y in zip(a, b))


class ObjectMemo(Generic[T]):
    """Results computed from one model object each, kept for the current run and the one before."""

    def __init__(self) -> None:
        self._current: dict[int, tuple[object, T]] = {}
        self._previous: dict[int, tuple[object, T]] = {}

    def get(self, obj: Any, compute: Callable[[Any], T]) -> T:
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


@dataclass
class ItemCache:
    """Validated items by their text, so an unchanged item comes back as the very same object."""

    items: dict[tuple[str, str], BaseModel] = field(default_factory=dict)  # (model, repr of the item) -> object
    in_use: set[int] = field(default_factory=set)  # handed out this run (two identical items get two objects)
    files: dict[str, tuple[str, FileItems]] = field(default_factory=dict)  # file name -> (digest, its validated items)


@dataclass
class Reuse:
    """Everything a process may reuse from its previous regeneration, and the code it was made by."""

    fingerprint: str = ""
    parsed: dict[str, tuple[str, LoadedFile | Problem]] = field(default_factory=dict)  # file name -> (digest, parsed)
    items: ItemCache = field(default_factory=ItemCache)
    report: tuple[tuple, Report] | None = None  # (data digests, validation report)
    output: tuple[tuple, BuildOutput] | None = None  # (inputs, build output)
    # page -> (its inputs, its text in each flavour rendered so far)
    rendered: dict[str, tuple[tuple, dict[Flavour, str]]] = field(default_factory=dict)
    memos: dict[str, ObjectMemo] = field(default_factory=dict)
    written: dict[str, tuple[str | bytes, int, int]] = field(default_factory=dict)  # path -> content, size, mtime
    said: set[str] = field(default_factory=set)  # notes given once per process (chart_images.chart_svgs)
    # the Jinja environment (render.pages.template_environment), made once per fingerprint
    templates: Environment | None = None

    def memo(self, name: str) -> ObjectMemo:
        """The object memo called name (one per kind of result)."""
        if name not in self.memos:
            self.memos[name] = ObjectMemo()
        return self.memos[name]

    def new_run(self) -> None:
        """A regeneration begins: what the last one did not use is forgotten after this one."""
        for memo in self.memos.values():
            memo.new_run()

    def check_code(self, fingerprint: str) -> None:
        """Forget everything when the templates or the pipeline's code are not what made it. Python does
        not load changed code into a running process, so a code change is also said (`make serve` must
        be restarted to run it); a template change simply shows."""
        if fingerprint == self.fingerprint:
            return
        if self.fingerprint and fingerprint.partition(":")[0] != self.fingerprint.partition(":")[0]:
            site_log().warning("The pipeline's Python code changed while this process ran; the old code is still "
                               "running: restart `make serve` to use the new code")
        self.__dict__.update(Reuse(fingerprint=fingerprint).__dict__)


def code_fingerprint(root: Path = PACKAGE) -> str:
    """Digests of the pipeline's code and of everything else under build_scripts/ (templates, the
    scaffold), as 'code:rest'."""
    code, rest = hashlib.sha256(), hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest = code if path.suffix == ".py" else rest
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{code.hexdigest()}:{rest.hexdigest()}"
