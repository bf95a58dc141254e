"""Python's cycle collector, kept off what the pipeline makes.

Loading and generation allocate millions of small objects (values with their positions, model
objects, page text) that live until the build ends. The cycle collector would scan them again and
again, finding nothing to free: about a tenth of the time at 10,000 events. So it is paused while the
pipeline runs (reference counting still frees everything as usual), and what the run made is then
frozen: left out of the collector's walks, which would otherwise go over all of it each time the site
engine, or the next run, allocates enough. The next run thaws it first, so that what it lets go is
collected, and a long `mkdocs serve` does not keep every run's garbage. README, "Scale" gives what
each saves.
"""
from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Run function with the cycle collector paused (nesting is fine: the outermost call thaws what the
    last run froze, and freezes what there is when it ends)."""
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        outermost = gc.isenabled()
        if outermost:
            gc.unfreeze()
            gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if outermost:
                gc.freeze()
                gc.enable()
    return wrapper
