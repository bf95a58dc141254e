"""`make screenshots` (a developer tool, tools/screenshots.py): which pages it pictures."""
from __future__ import annotations

from build_scripts.tools.screenshots import pages_to_take


def site_with(tmp_path, *addresses):
    for address in addresses:
        (tmp_path / address).mkdir(parents=True)
        (tmp_path / address / "index.html").write_text("<html></html>")
    return tmp_path


def test_the_shipped_conflict_page_is_pictured_when_the_site_has_it(tmp_path):
    site = site_with(tmp_path, "conflicts/access", "conflicts/computing-power")
    assert pages_to_take(site) == {"home": "", "timeline": "timeline/", "conflict": "conflicts/computing-power/"}


def test_another_briefing_pictures_its_first_conflict_or_none(tmp_path):
    taken = pages_to_take(site_with(tmp_path / "a", "conflicts/zeta", "conflicts/alpha"))
    assert taken["conflict"] == "conflicts/alpha/"
    assert pages_to_take(site_with(tmp_path / "b", "timeline")) == {"home": "", "timeline": "timeline/"}
