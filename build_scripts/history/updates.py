"""What changed, from the git history of the data: the Updates page's entries and the Atom feed.

Each commit that touched the data folder is compared with its parent; the result for a commit never
changes, so it is cached in .cache/updates/. Only the pure parts live here and in diffing.py; git is
read by git_history.py.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from build_scripts.data.dates import day_label
from build_scripts.errors import DataError
from build_scripts.history.diffing import LABELS, compare, item_label
from build_scripts.history.git_history import (
    data_commits,
    git_root,
    load_briefing_at,
    parent_of,
)
from build_scripts.site.writing import write_file

FEED_PATH = "feed.xml"  # where the Atom feed is published, relative to the site root

CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "updates"
LIMIT = 20


@dataclass(frozen=True)
class Change:
    kind: str      # "events", "sources", ...
    verb: str      # "added", "corrected", "removed"
    item_id: str
    label: str


@dataclass(frozen=True)
class Update:
    sha: str
    when: int      # commit time, seconds since the epoch
    changes: tuple[Change, ...]
    first: bool = False  # the start of the history that is available (the initial data, or a shallow clone)

    @property
    def label(self) -> str:
        """'24 November 2026'."""
        return day_label(datetime.fromtimestamp(self.when, timezone.utc).date())


def changes_between(old, new) -> tuple[Change, ...]:
    out = []
    for kind, change in compare(old, new).items():
        out += [Change(kind, "added", i.id, item_label(i)) for i in change.added]
        out += [Change(kind, "corrected", i.id, item_label(i)) for i, _ in change.changed]
        out += [Change(kind, "removed", i.id, item_label(i)) for i in change.removed]
    return tuple(out)


def _changes_for(repo: Path, data_dir: str, sha: str, load) -> tuple[tuple[Change, ...], bool] | None:
    """What the commit sha changed in the data (cached on disk), or None when its data did not
    validate. load(revision): the briefing at a revision, or None."""
    cache = CACHE_DIR / f"{sha}-{data_dir.replace('/', '_')}.json"
    if cache.exists():
        stored = json.loads(cache.read_text())
        return tuple(Change(**c) for c in stored["changes"]), stored["first"]
    new = load(sha)
    if new is None:
        return None  # the data did not validate at that commit: nothing published from it
    parent = parent_of(repo, sha)
    old = load(parent) if parent is not None else None
    changes = changes_between(old, new) if old is not None else tuple(
        Change("events", "added", e.id, e.title) for e in new.events)
    first = old is None
    write_file(cache, json.dumps({"changes": [asdict(c) for c in changes], "first": first}, sort_keys=True))
    return changes, first


def _history(data_dir: Path, limit: int) -> tuple[Path, str, list[tuple[str, int, str]]] | None:
    """(repository, the data folder within it, its latest commits), or None when the data is not in
    a git repository (or git cannot read it)."""
    repo = git_root(data_dir)
    if repo is None:
        return None
    relative = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    try:
        return repo, relative, data_commits(repo, relative, limit)
    except DataError:
        return None


def history_head(data_dir: Path) -> str | None:
    """The latest commit that changed the data folder (what the Updates page and feed start from), or
    None when the data is not in a git repository."""
    found = _history(data_dir, 1)
    return found[2][0][0] if found and found[2] else None


def data_updates(data_dir: Path) -> list[Update] | None:
    """Updates, newest first, or None when the data is not in a git repository."""
    history = _history(data_dir, LIMIT)
    if history is None:
        return None
    repo, relative, commits = history
    loaded: dict[str, object] = {}  # revision -> its briefing (or None): a commit's parent is often the next commit

    def load(revision: str):
        if revision not in loaded:
            try:
                loaded[revision] = load_briefing_at(repo, revision, relative)
            except DataError:
                loaded[revision] = None
        return loaded[revision]

    updates = []
    for sha, when, _subject in commits:
        found = _changes_for(repo, relative, sha, load)
        if found is not None and found[0]:
            updates.append(Update(sha, when, found[0], found[1]))
    return updates


def atom_feed(info, site_url: str, updates: list[Update], link_for) -> str:
    """An Atom feed of the updates (newest first); link_for(change) gives a change's page address. Its
    subtitle carries the coverage and review dates (the entries' dates are when the data changed)."""
    title = info.title
    base = site_url if site_url.endswith("/") else site_url + "/"
    updated = (datetime.fromtimestamp(updates[0].when, timezone.utc).isoformat() if updates
               else "1970-01-01T00:00:00+00:00")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(title)}: updates</title>",
             f"<subtitle>Covers events to {escape(info.as_of.label)}; last reviewed for news "
             f"{escape(info.last_reviewed.label)}</subtitle>", f'<link href="{escape(base)}"/>',
             f'<link rel="self" href="{escape(base)}{FEED_PATH}"/>', f"<id>{escape(base)}{FEED_PATH}</id>",
             f"<updated>{updated}</updated>"]
    for update in updates:
        stamp = datetime.fromtimestamp(update.when, timezone.utc).isoformat()
        for change in update.changes:
            label = f"{LABELS[change.kind]} {change.verb}: {change.label}"
            link = link_for(change)
            lines += ["<entry>", f"<title>{escape(label)}</title>",
                      f"<id>{escape(base)}updates/#{update.sha[:12]}-{escape(change.kind)}-"
                      f"{escape(change.item_id)}</id>",
                      f"<updated>{stamp}</updated>",
                      f'<link href="{escape(base + (link or "updates/"))}"/>',
                      f"<summary>{escape(label)}</summary>", "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
