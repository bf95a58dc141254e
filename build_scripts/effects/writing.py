"""Writing: the only code that writes files.

Files are written to a temporary name and renamed into place, unchanged files are left
alone (same bytes, same modification time), and whole directories are swapped in one step.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ruamel.yaml import YAML


Written = dict[str, tuple[str | bytes, int, int]]  # path -> the content written there, its size and mtime (ns)


@dataclass
class WriteReport:
    written: list[str]
    unchanged: int
    removed: list[str]


def write_file(path: Path, content: str | bytes) -> bool:
    """Write atomically; return False (and touch nothing) when the bytes are already there."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)
    return True


def _unchanged_since_last_time(path: str, content: str | bytes, written: Written) -> bool:
    """The very same content object was written (or found) here, and the file has not been touched
    since: no need to read it back. Regeneration hands back the same objects for unchanged pages."""
    last = written.get(path)
    if last is None or last[0] is not content:
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == last[1:]


def write_tree(files: Mapping[str, str | bytes], out_dir: Path, written_before: Written | None = None) -> WriteReport:
    """Make out_dir hold exactly these files, rewriting only those whose content changed.
    written_before: the session's record of what it wrote (path -> content, size, mtime), so files
    whose content is the very same object are not even read back (session.SessionCaches.written).
    (Paths are plain strings here: at thousands of files, pathlib's hashing and sorting show.)"""
    memo: Written = {} if written_before is None else written_before
    out_dir.mkdir(parents=True, exist_ok=True)
    root = str(out_dir)
    written = []
    for rel, content in sorted(files.items()):
        path = f"{root}/{rel}"
        if _unchanged_since_last_time(path, content, memo):
            continue
        if write_file(Path(path), content):
            written.append(rel)
        stat = os.stat(path)
        memo[path] = (content, stat.st_size, stat.st_mtime_ns)
    removed = []
    for folder, _, names in os.walk(root, topdown=False):  # bottom-up: a folder emptied here is removed
        for name in names:
            rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if rel not in files:
                os.unlink(os.path.join(folder, name))
                removed.append(rel)
        if folder != root and not os.listdir(folder):
            os.rmdir(folder)
    return WriteReport(written, len(files) - len(written), sorted(removed))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result: int = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def swap_in_directory(new_dir: Path, target: Path) -> None:
    """Replace target with new_dir so that at every instant target is either old or new."""
    if target.exists() and _exchange(new_dir, target):
        shutil.rmtree(new_dir)  # new_dir now holds the old tree
        return
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new_dir, target)
    if old.exists():
        shutil.rmtree(old)


def round_trip_yaml() -> YAML:
    """ruamel.yaml set to write data files back as editors wrote them: quotes, comments and order kept,
    long lines never folded, the project's indentation (make migrate, make archive). Imported here: the site
    build (and its ProperDocs venv) never needs ruamel."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 20  # never fold a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
