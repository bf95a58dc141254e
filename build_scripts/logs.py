"""Where the build's messages go: two loggers, and how the command line prints them.

- Editorial notes on the data (drafts at INFO, warnings at WARNING) go to the project's own logger,
  `build_scripts.data`. They never fail a site build, strict or not.
- Problems that leave the built site degraded (static chart images that failed to draw) go to the site
  engine's plugin namespace, `mkdocs.plugins.briefing`, at WARNING, so that a strict build counts them.
  ProperDocs serves every `mkdocs` import itself; under it the namespace is `properdocs.plugins.briefing`.

Long work says how far it has got with `progress` (a bar on a terminal, one summary line otherwise).

Nothing here is printed unless someone listens: `mkdocs build` and `mkdocs serve` show the plugin's
messages with their own; the command line (`python -m build_scripts`) listens with `messages_on_stderr`.
"""
from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TextIO

from tqdm import tqdm

from build_scripts.data.acknowledgements import acknowledged_line

DATA_LOGGER = "build_scripts.data"
PLUGIN = "briefing"
ENGINES = ("mkdocs", "properdocs")


def data_log() -> logging.Logger:
    return logging.getLogger(DATA_LOGGER)


def site_log() -> logging.Logger:
    """The logger of the site engine that is running (MkDocs unless ProperDocs has taken its name)."""
    engine = sys.modules.get("mkdocs")
    return logging.getLogger(f"{engine.__name__ if engine else 'mkdocs'}.plugins.{PLUGIN}")


def log_report(report) -> None:
    """A data report's drafts and warnings, through the data logger."""
    for draft in report.drafts:
        data_log().info(draft.format())
    for warning in report.warnings:
        data_log().warning(warning.format())
    if report.acknowledged:  # counted in one line: an editor checked each, and said why on the item
        data_log().info(acknowledged_line(report.acknowledged))


class _Stderr(logging.Handler):
    """Prints to sys.stderr as it is when the message comes (a test's capture replaces it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr)
        except Exception:
            self.handleError(record)


def _data_line(record: logging.LogRecord) -> str:
    """`warning: data/events.yaml:42:5: ...` for a warning; a draft's line as it is."""
    return f"warning: {record.getMessage()}" if record.levelno >= logging.WARNING else record.getMessage()


def _engine_line(record: logging.LogRecord) -> str:
    """Warnings and errors as MkDocs prints them (`WARNING -  ...`); the plugin's notes as they are."""
    if record.levelno >= logging.WARNING:
        return f"{record.levelname:<8}-  {record.getMessage()}"
    return record.getMessage()


class _Lines(logging.Formatter):
    def __init__(self, line: Callable[[logging.LogRecord], str]) -> None:
        super().__init__()
        self.line = line

    def format(self, record: logging.LogRecord) -> str:
        return self.line(record)


@contextmanager
def _listening(name: str, line: Callable[[logging.LogRecord], str], level: int = logging.INFO,
               keep: Callable[[logging.LogRecord], bool] | None = None) -> Iterator[None]:
    """Print what reaches the logger `name` at `level` and up (and `keep` accepts) while the block runs."""
    logger, handler = logging.getLogger(name), _Stderr(level)
    handler.setFormatter(_Lines(line))
    if keep is not None:
        handler.addFilter(keep)
    saved = logger.level
    logger.addHandler(handler)
    if level < logger.getEffectiveLevel():
        logger.setLevel(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved)


def _not_from(name: str) -> Callable[[logging.LogRecord], bool]:
    """Keeps the records of every logger but `name` (whose own listener prints them)."""
    return lambda record: record.name != name


@contextmanager
def messages_on_stderr() -> Iterator[None]:
    """While a command runs: the data's notes, the plugin's notes and warnings, and the site engine's
    own warnings and errors (which a strict build would otherwise count without showing), on stderr."""
    with ExitStack() as stack:
        stack.enter_context(_listening(DATA_LOGGER, _data_line))
        for engine in ENGINES:
            plugin = f"{engine}.plugins.{PLUGIN}"
            stack.enter_context(_listening(plugin, _engine_line))
            stack.enter_context(_listening(engine, _engine_line, logging.WARNING,
                                           keep=_not_from(plugin)))
        yield


class Progress:
    """How far a long task has got (drawing chart images, checking links, archiving, the benchmark): on a
    terminal a bar with done/total, elapsed time and an estimate (tqdm); otherwise (CI logs, a pipe) one
    summary line when it ends. `write` prints a message without breaking the bar."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.bar = tqdm(total=total, desc=label, file=self.stream, leave=True, dynamic_ncols=True, unit="",
                        bar_format="{desc}: {bar} {n_fmt}/{total_fmt} [{elapsed}<{remaining}]") \
            if total and self.stream.isatty() else None

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.bar is not None:
            self.bar.update(count)

    def write(self, message: str, file: TextIO | None = None) -> None:
        """Print a line (to stdout unless file says otherwise) above the bar, which stays whole."""
        if self.bar is not None:
            tqdm.write(message, file=file or sys.stdout)
        else:
            print(message, file=file or sys.stdout)

    def close(self, stopped: bool = False) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.total:
            done = f"stopped at {self.done}/{self.total} after" if stopped else f"{self.done}/{self.total} in"
            print(f"{self.label}: {done} {time.monotonic() - self.started:.1f} s", file=self.stream)


@contextmanager
def progress(total: int, label: str, stream: TextIO | None = None) -> Iterator[Progress]:
    """A Progress for the block: nothing at all when there is nothing to do (total 0)."""
    shown = Progress(total, label, stream)
    try:
        yield shown
    except BaseException:
        shown.close(stopped=True)
        raise
    shown.close()
