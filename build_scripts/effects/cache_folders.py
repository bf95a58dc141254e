"""Where the build keeps what outlives a process, each folder named once: everything under .cache/
(not in git; safe to delete: it is made again, more slowly)."""
from __future__ import annotations

from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".cache"
CHART_IMAGES = CACHE / "charts"  # drawn SVGs by the hash of their figure (effects/chart_drawing.py)
UPDATES = CACHE / "updates"  # what changed at each commit of the data (history/updates.py, corrections.py)
LINKS = CACHE / "links.json"  # the last answers of `make links` (links/)
LIGHTHOUSE = CACHE / "lighthouse"  # the Lighthouse tool, installed on first use (tools/lighthouse.py)
