"""The theme's menu, rendered once for the pages that only show it.

Every page of the site carries Material's menu (partials/nav.html). A page that is not in the menu (a
person's or an organisation's page, a part of the timeline or of the sources: nearly every page of a
large briefing) marks nothing in it as current, so its menu differs from another such page's only by
its links, which are relative to the page. The menu of such a page is rendered once for each set of
relative links and written again for every page with the same set (the pages of one folder); a page in
the menu renders its own, marked. The menu is still the theme's own template, unchanged: the override
(overrides/partials/nav.html) includes it by the name `theme/partials/nav.html`, which the hook's
on_env makes reach the theme's templates past the site's overrides (theme_loader).
"""
from __future__ import annotations

from typing import Any, Callable

import jinja2
from mkdocs.utils import normalize_url

THEME_PREFIX = "theme"


def theme_loader(loader: jinja2.BaseLoader, theme_dirs: list[str]) -> jinja2.BaseLoader:
    """loader, and the theme's own templates (theme_dirs, without the site's overrides) under 'theme/'."""
    return jinja2.ChoiceLoader([loader, jinja2.PrefixLoader({THEME_PREFIX: jinja2.FileSystemLoader(theme_dirs)})])


class MenuOnce:
    """`{% call menu_once(page, nav, base_url) %}…{% endcall %}`: the menu the call renders, made once per
    set of relative links for the pages not in the menu. One per build (the menu and the pages change)."""

    def __init__(self) -> None:
        self.made: dict[tuple[str, ...], Any] = {}

    def __call__(self, page: Any, nav: Any, base_url: str, caller: Callable[[], Any]) -> Any:
        if page is None or any(listed is page for listed in nav.pages):
            return caller()
        key = (base_url, *(normalize_url(listed.url, page) for listed in nav.pages))
        if key not in self.made:
            self.made[key] = caller()
        return self.made[key]
