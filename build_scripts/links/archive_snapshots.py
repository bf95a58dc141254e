"""`make archive`: a Wayback Machine snapshot for every source and read_via copy without `archived`,
written back into the YAML in place (ruamel.yaml round trip: comments, order and formatting kept;
only the new lines are added), atomically, after each batch of captures. An interrupted run leaves
every file whole and a rerun picks up where it stopped; a failed capture writes nothing and is reported.
"""
from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from build_scripts.data.loading import LoadedFile
from build_scripts.effects.writing import round_trip_yaml, write_file
from build_scripts.errors import Problem
from build_scripts.links.link_report import LinkTarget, link_targets
from build_scripts.links.wayback import SavePageNow, Snapshot
from build_scripts.logs import progress


@dataclass(frozen=True)
class ArchiveTarget:
    """An address in the data with no archived copy yet, and the file it is written back into."""

    path: Path
    source_id: str
    link: LinkTarget

    @property
    def keys(self) -> tuple:
        """Where `archived` goes inside the source: () for the source, ('read_via',) for its copy."""
        return tuple(self.link.path[2:-1])


def archive_targets(files: list[LoadedFile], data_dir: Path) -> list[ArchiveTarget]:
    """Each source url and read_via url whose mapping has no `archived` yet, in the order of the data."""
    targets = []
    for file in files:
        for link in link_targets([file]):
            index, keys = link.path[1], link.path[2:]
            source = file.data["sources"][index]
            owner = source.get("read_via") if keys[0] == "read_via" else source
            if keys[-1] == "url" and "archived" not in keys and "archived" not in owner:
                targets.append(ArchiveTarget(data_dir / Path(file.name).name, str(source.get("id")), link))
    return targets


def _insert_archived(owner: CommentedMap, snapshot: Snapshot) -> None:
    """Add `archived: {url, date}` right after `url`, as a block; a comment that followed `url`
    (the blank line and heading before the next source) moves below the new lines."""
    archived = CommentedMap([("url", snapshot.url), ("date", snapshot.day)])
    keys = list(owner.keys())
    position = keys.index("url") + 1 if "url" in keys else len(keys)
    if position == len(keys) and keys and keys[-1] in owner.ca.items:
        archived.ca.items["date"] = owner.ca.items.pop(keys[-1])
    if owner.fa.flow_style():
        archived.fa.set_flow_style()
    owner.insert(position, "archived", archived)


def write_snapshots(path: Path, found: list[tuple[ArchiveTarget, Snapshot]]) -> int:
    """Write snapshots into one file (read afresh, written atomically); how many were added."""
    yaml = round_trip_yaml()
    document = yaml.load(path.read_text(encoding="utf-8"))
    sources = {str(item.get("id")): item for item in document.get("sources") or [] if isinstance(item, dict)}
    added = 0
    for target, snapshot in found:
        owner = sources.get(target.source_id)
        for key in target.keys:
            owner = owner.get(key) if isinstance(owner, dict) else None
        if isinstance(owner, CommentedMap) and "archived" not in owner:
            _insert_archived(owner, snapshot)
            added += 1
    if added:
        out = io.StringIO()
        yaml.dump(document, out)
        write_file(path, out.getvalue())
    return added


@dataclass
class ArchiveRun:
    written: int = 0
    failures: list[str] = field(default_factory=list)


def _record(batch: list[ArchiveTarget], outcomes: dict, run: ArchiveRun, log) -> None:
    found: dict[Path, list] = defaultdict(list)
    for target in batch:
        outcome = outcomes.get(target.link.url, "no answer")
        if isinstance(outcome, Snapshot):
            found[target.path].append((target, outcome))
        else:
            t = target.link
            run.failures.append(Problem(t.file, t.line, t.column, t.field, f"no snapshot: {outcome}",
                                        "nothing was written for it; run make archive again later").format())
            log(run.failures[-1])
    for path, entries in found.items():
        run.written += write_snapshots(path, entries)
        log(f"{path.name}: {len(entries)} snapshot(s) written")


def archive_all(targets: list[ArchiveTarget], archive: SavePageNow, parallel: int, log=None) -> ArchiveRun:
    """Capture the targets a batch at a time, writing each batch's snapshots before the next starts
    (log: where each batch's lines go; by default printed above the progress bar)."""
    run = ArchiveRun()
    with progress(len(targets), "Archiving") as shown:
        for start in range(0, len(targets), parallel):
            batch = targets[start:start + parallel]
            outcomes = archive.capture(list(dict.fromkeys(t.link.url for t in batch)))
            _record(batch, outcomes, run, log or shown.write)
            shown.advance(len(batch))
    return run
