"""The search index's prose pages: a hand-written page's front matter sets its search in the page
registry's words, and the editors' guide is kept out of the reader's search."""
from __future__ import annotations

from build_scripts.site.search_prose import (
    Setting,
    front_matter_setting,
    hand_written,
    prose_pages,
    search_setting,
)

from .conftest import ROOT

ARTICLE = '<article class="md-content__inner md-typeset"><h1 id="t">{}</h1><p>Corrections and errors</p></article>'


def test_a_hand_written_pages_front_matter_sets_its_search_as_the_registry_does():
    assert front_matter_setting("---\nsearch:\n  exclude: true\n---\n# Notes\n") == search_setting("exclude: true")
    assert front_matter_setting("---\nsearch:\n  boost: 0.5\n---\n# Notes\n") == search_setting("boost: 0.5")
    assert front_matter_setting("---\ntitle: Notes\n---\n# Notes\n") == search_setting("")
    assert front_matter_setting("# Notes\n\nNo front matter.\n") == search_setting("")
    assert front_matter_setting("---\nsearch:\n  exclude: false\n---\n# Notes\n") == search_setting("")
    assert search_setting("exclude: true") == Setting(boost=1.0, excluded=True)
    assert search_setting("boost: 0.5") == Setting(boost=0.5, excluded=False)
    assert search_setting("") == Setting(boost=1.0, excluded=False)


def test_the_editors_guide_is_kept_out_of_the_readers_search(tmp_path):
    pages = dict(hand_written(ROOT / "docs"))
    assert pages["editors.md"].excluded
    for url, title in (("methodology", "Methodology"), ("editors", "Editors' guide"), ("notes", "Notes")):
        (tmp_path / url).mkdir()
        (tmp_path / url / "index.html").write_text(ARTICLE.format(title))
    indexed = prose_pages(tmp_path, [("editors.md", pages["editors.md"]), ("notes.md", Setting(boost=0.5))])
    assert [(url, boost) for url, _, boost in indexed] == [("methodology/", 1.0), ("notes/", 0.5)]
