"""A build session: what a run made is left out of Python's cycle collector's walks until the next
run, which thaws it first, so a long `mkdocs serve` does not keep every run's garbage."""
from __future__ import annotations

import gc
import weakref

from build_scripts import session as session_module
from build_scripts.config import BuildConfig
from build_scripts.pipeline import generate_output
from build_scripts.session import BuildSession

from .conftest import MINI


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_a_run_freezes_what_it_made_and_the_next_run_lets_go_of_what_it_no_longer_keeps(monkeypatch):
    session = BuildSession(BuildConfig(data_dir=MINI))
    garbage = Node()
    gone = weakref.ref(garbage)
    try:
        session.generate()
        assert gc.get_freeze_count() > 0
        del garbage
        gc.collect()
        assert gone() is not None, "frozen: not walked by the collector"

        def collecting_run(*args):  # the collector walks the heap while the next run allocates
            gc.collect()
            return generate_output(*args)

        monkeypatch.setattr(session_module, "generate_output", collecting_run)
        session.generate()
        assert gone() is None, "the next run thawed it first, and the collector freed it"
    finally:
        gc.unfreeze()
