"""Generic reuse between the regenerations of one process (`mkdocs serve`, the benchmark): an object
memo, the test that a computation's inputs are unchanged, and the code's fingerprint.

The loader hands back the very same model object for an item whose text did not change, so
anything computed from that object alone can be reused while the object comes back. A memo keeps
each object alive beside its result, so an id can never be reused by another object while it is
remembered; results not asked for during a whole run are forgotten at the start of the next one.

Nothing here knows a stage: each stage that reuses work owns its cache type (data/validation.LoadCache,
plan/site_plan.PageCache, render/downloads.DownloadCache), and the build session holds one of each
(session.SessionCaches), forgotten when the code's fingerprint changes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

from pydantic import BaseModel

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


def code_fingerprint(root: Path = PACKAGE) -> str:
    """Digests of the pipeline's code and of everything else under build_scripts/ (templates, the
    scaffold), as 'code:rest'."""
    code, rest = hashlib.sha256(), hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest = code if path.suffix == ".py" else rest
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{code.hexdigest()}:{rest.hexdigest()}"
