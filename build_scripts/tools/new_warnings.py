"""The data warnings new since a base commit, as Markdown for a pull request's summary.

    python -m build_scripts.tools.new_warnings base.json head.json

Both files are `python -m build_scripts check --format json` outputs. A warning is the same warning when
its code, file and message are (lines and list positions move as data is added around it). A base that
could not list its warnings (an older commit, broken data) counts as having none.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def _key(entry: dict) -> tuple[str, str, str]:
    return entry.get("code", ""), entry.get("file", ""), entry.get("message", "")


def read_warnings(path: Path) -> list[dict] | None:
    """The warnings still shown (not acknowledged) in a check's JSON output, or None if it has none."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    warnings = document.get("warnings") if isinstance(document, dict) else None
    return warnings if isinstance(warnings, list) else None


def new_warnings(base: list[dict], head: list[dict]) -> list[dict]:
    """Head's warnings beyond base's, counting repeats (two identical new warnings are two)."""
    left = Counter(_key(entry) for entry in base)
    out = []
    for entry in head:
        if left[_key(entry)] > 0:
            left[_key(entry)] -= 1
        else:
            out.append(entry)
    return out


def format_markdown(base: list[dict] | None, head: list[dict] | None) -> str:
    lines = ["## Data warnings new in this pull request", ""]
    if head is None:
        return "\n".join(lines + ["The head commit's data could not be checked: see the `make test` step.", ""])
    if base is None:
        lines += ["(The base commit could not list its warnings; every unacknowledged warning is listed.)", ""]
    found = new_warnings(base or [], head)
    if not found:
        return "\n".join(lines + ["None: no unacknowledged warning is new.", ""])
    for entry in found:
        where = f"{entry.get('file')}:{entry.get('line')}"
        lines.append(f"- **{entry.get('code')} {entry.get('name')}** `{where}` {entry.get('field')}: "
                     f"{entry.get('message')} ([guide]({entry.get('guide')}))")
    return "\n".join(lines + ["", "Fix each, or acknowledge it on its item with a reason "
                                  "(docs/editors.md#acknowledging-a-warning).", ""])


def main(argv: list[str] | None = None) -> int:
    base, head = (Path(a) for a in (argv if argv is not None else sys.argv[1:]))
    sys.stdout.write(format_markdown(read_warnings(base), read_warnings(head)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
