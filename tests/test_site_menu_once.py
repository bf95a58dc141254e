"""The theme's menu rendered once for the pages that only show it (site/menu_once.py): the pages of one
folder that are not in the menu share one rendering; a page in the menu, or in another folder, has its own."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import material

from build_scripts.site.menu_once import MenuOnce, theme_loader

from .conftest import ROOT

TEMPLATE = "{% call menu_once(page, nav, base_url) %}{{ rendered.append(page.url) or '' }}<nav>{{ page.url }}</nav>" \
           "{% endcall %}"


def page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def test_the_pages_of_a_folder_that_are_not_in_the_menu_share_one_rendering():
    menu = [page(""), page("timeline/"), page("people/")]
    nav = SimpleNamespace(pages=menu)
    rendered: list[str] = []
    template = jinja2.Environment().from_string(TEMPLATE, globals={"menu_once": MenuOnce(), "rendered": rendered})
    shown = {p.url: template.render(page=p, nav=nav, base_url="../..")
             for p in (page("people/ann/"), page("people/bob/"), page("timeline/2024/"), page("timeline/2025/"))}
    shown.update({p.url: template.render(page=p, nav=nav, base_url="..") for p in menu[1:]})
    assert rendered == ["people/ann/", "timeline/2024/", "timeline/", "people/"]
    assert shown["people/bob/"] == shown["people/ann/"] == "<nav>people/ann/</nav>"
    assert shown["timeline/2025/"] == "<nav>timeline/2024/</nav>"
    assert shown["people/"] == "<nav>people/</nav>"


def test_the_theme_loader_reaches_the_themes_template_past_the_overrides():
    theme = Path(material.__file__).parent / "templates"
    overrides = ROOT / "overrides"
    env = jinja2.Environment(loader=theme_loader(jinja2.FileSystemLoader([str(overrides), str(theme)]),
                                                 [str(theme)]))
    assert env.loader.get_source(env, "partials/nav.html")[0] == (overrides / "partials/nav.html").read_text()
    assert env.loader.get_source(env, "theme/partials/nav.html")[0] == (theme / "partials/nav.html").read_text()
