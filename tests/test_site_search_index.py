"""The search box's words for the statuses (docs/assets/search.js, which names results in the reader's
browser) are the ones every page uses: rules.py's icon and label for each status."""
from __future__ import annotations

import re

from build_scripts.data.rules import STATUS_RULES

from .conftest import ROOT


def test_the_search_box_words_each_status_as_the_pages_do():
    script = (ROOT / "docs" / "assets" / "search.js").read_text()
    table = re.search(r"function statusLabel\(value\) \{\s*return \{(.*?)\}\[value\]", script, flags=re.S)
    assert table, "statusLabel's table in search.js"
    found = dict(re.findall(r'"([a-z-]+)": "([^"]+)"', table.group(1)))
    assert found == {rule.status.value: f"{rule.icon} {rule.label}" for rule in STATUS_RULES}
