"""The cycle collector and the pipeline (collector.py): paused while a run allocates, and what the run
made frozen afterwards; the next run thaws it first, so a long `mkdocs serve` does not keep every run's
garbage."""
from __future__ import annotations

import gc
import weakref

from build_scripts.collector import collector_paused


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_a_run_pauses_the_collector_and_freezes_what_it_made():
    @collector_paused
    def run() -> bool:
        return gc.isenabled()

    try:
        assert run() is False and gc.isenabled(), "paused during the run only"
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_next_run_lets_go_of_what_the_last_one_made_and_no_longer_keeps():
    kept = []

    @collector_paused
    def run(collect: bool) -> None:
        if collect:  # the collector walks the heap while the next run allocates
            gc.enable()
            gc.collect()
            gc.disable()
        kept.append(Node())

    try:
        run(False)
        gone = weakref.ref(kept.pop())
        gc.collect()
        assert gone() is not None, "frozen: not walked by the collector"
        run(True)
        assert gone() is None, "the next run thawed it first, and the collector freed it"
    finally:
        gc.unfreeze()


def test_a_run_inside_another_leaves_the_freezing_to_the_outer_one():
    @collector_paused
    def inner() -> int:
        return gc.get_freeze_count()

    @collector_paused
    def outer() -> tuple[int, int]:
        before = gc.get_freeze_count()
        return before, inner()

    try:
        gc.unfreeze()
        before, during = outer()
        assert before == during == 0, "the outermost run thawed, and the inner one froze nothing"
    finally:
        gc.unfreeze()
