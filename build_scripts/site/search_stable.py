"""Pagefind's index, made the same bytes for the same data.

Pagefind 1.5 writes its fragments and word index deterministically, but its filter files and its
metadata file list filter values in a hash map's order, which changes from run to run (upstream:
Pagefind issue 638). Both are gzipped CBOR; this rewrites them with their lists sorted, and renames
them (and the entry file's reference) by a hash of their new content. A tiny CBOR codec for the
subset Pagefind writes (integers, strings, arrays, maps, simple values) keeps this free of new
dependencies.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, value)
    raise ValueError(value)


class _Simple(bytes):
    """A CBOR simple value or float, kept as its own bytes."""


def decode(data: bytes, at: int = 0):
    first = data[at]
    major, info = first >> 5, first & 31
    at += 1
    if major == 7:
        size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info, 0)
        return _Simple(data[at - 1:at + size]), at + size
    if info < 24:
        value = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        value = int.from_bytes(data[at:at + size], "big")
        at += size
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major == 2:
        return bytes(data[at:at + value]), at + value
    if major == 3:
        return data[at:at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(value):
            key, at = decode(data, at)
            item, at = decode(data, at)
            pairs.append((key, item))
        return dict(pairs), at
    raise ValueError(f"CBOR major type {major} is not expected in a Pagefind file")


def encode(item) -> bytes:
    if isinstance(item, _Simple):
        return bytes(item)
    if isinstance(item, bool) or item is None:
        raise ValueError("booleans are read as simple values")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(encode(i) for i in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(encode(k) + encode(v) for k, v in item.items())
    raise TypeError(type(item))


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    item, end = decode(data, len(SIGNATURE))
    assert end == len(data), path
    return item


def _write(path: Path, item) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + encode(item), compresslevel=9, mtime=0))


def _sort_key(item) -> bytes:
    return encode(item)


def stabilise(folder: Path) -> None:
    """Sort the filter files' values and the metadata's filter list; rename both by content."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = folder / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        renamed: dict[str, str] = {}
        for path in sorted((folder / "filter").glob(f"{language}_*.pf_filter")):
            name, values = _read(path)
            item = [name, sorted(values, key=_sort_key)]
            digest = hashlib.sha256(encode(item)).hexdigest()[:7]
            new = path.with_name(f"{language}_{digest}.pf_filter")
            path.unlink()
            _write(new, item)
            renamed[path.stem] = new.stem
        meta = _rename_filters(meta, renamed)
        digest = hashlib.sha256(encode(meta)).hexdigest()[:10]
        meta_path.unlink()
        _write(folder / f"pagefind.{language}_{digest}.pf_meta", meta)
        info["hash"] = f"{language}_{digest}"
    entry["languages"] = dict(sorted(entry["languages"].items()))  # listed in a hash map's order too
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _rename_filters(meta: list, renamed: dict[str, str]) -> list:
    """The metadata's list of [filter name, file] pairs, pointing at the renamed files, sorted by name."""
    out = []
    for part in meta:
        if (isinstance(part, list) and part and all(isinstance(p, list) and len(p) == 2 and isinstance(p[1], str) and p[1] in renamed
                                                   for p in part)):
            part = sorted([[name, renamed[file]] for name, file in part], key=_sort_key)
        out.append(part)
    return out
