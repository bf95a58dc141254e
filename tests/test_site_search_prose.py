"""The search index's prose pages: a hand-written page's front matter sets its search in the page
registry's words."""
from __future__ import annotations

from build_scripts.site.search_prose import front_matter_setting, search_setting


def test_a_hand_written_pages_front_matter_sets_its_search_as_the_registry_does():
    assert front_matter_setting("---\nsearch:\n  exclude: true\n---\n# Notes\n") == "exclude: true"
    assert front_matter_setting("---\nsearch:\n  boost: 0.5\n---\n# Notes\n") == "boost: 0.5"
    assert front_matter_setting("---\ntitle: Notes\n---\n# Notes\n") == ""
    assert front_matter_setting("# Notes\n\nNo front matter.\n") == ""
    assert front_matter_setting("---\nsearch:\n  exclude: false\n---\n# Notes\n") == ""
    assert search_setting("exclude: true") == (1.0, True)
    assert search_setting("boost: 0.5") == (0.5, False)
    assert search_setting("") == (1.0, False)

