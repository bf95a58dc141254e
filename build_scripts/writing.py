"""Writing: the only code that writes files.

Files are written to a temporary name and renamed into place, unchanged files are left
alone (same bytes, same modification time), and whole directories are swapped in one step.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from dataclasses import dataclass
from pathlib import Path


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


def write_tree(files: dict[str, str | bytes], out_dir: Path) -> WriteReport:
    """Make out_dir hold exactly these files, rewriting only those whose content changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [rel for rel, content in sorted(files.items()) if write_file(out_dir / rel, content)]
    removed = []
    for path in sorted(out_dir.rglob("*")):
        rel = path.relative_to(out_dir).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            removed.append(rel)
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return WriteReport(written, len(files) - len(written), removed)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
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
