"""The link checker's memory: each address's last result and when it was checked, so a rerun within
a day asks nothing again (`.cache/links.json`, git-ignored)."""
from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path

from build_scripts.effects.writing import write_file
from build_scripts.links.link_check import LinkResult

MAX_AGE = timedelta(days=1)


def load_cache(path: Path) -> dict[str, dict]:
    """The cached entries (address -> result and 'checked'), or none when the file is missing or unreadable."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8")).get("links", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def fresh_results(cache: dict[str, dict], urls, now: datetime, max_age: timedelta = MAX_AGE) -> dict[str, LinkResult]:
    """The cached results of these addresses that were checked less than max_age ago."""
    fresh = {}
    for url in urls:
        entry = cache.get(url)
        if entry is None:
            continue
        try:
            checked = datetime.fromisoformat(entry["checked"])
            result = LinkResult(entry["kind"], entry["message"], entry.get("status"), entry.get("new_url"))
        except (TypeError, KeyError, ValueError):
            continue
        if timedelta(0) <= now - checked < max_age:
            fresh[url] = result
    return fresh


def save_cache(path: Path, cache: dict[str, dict], fresh: dict[str, LinkResult], checked: dict[str, LinkResult],
               now: datetime) -> None:
    """Keep the addresses still in the data: reused results as they were, new ones dated now."""
    entries = {url: cache[url] for url in fresh}
    entries.update({url: {**asdict(result), "checked": now.isoformat(timespec="seconds")}
                    for url, result in checked.items()})
    write_file(path, json.dumps({"links": entries}, indent=1, sort_keys=True) + "\n")
