"""`make screenshots`: pictures of a built site, for the README and for review (a tool, not a test).

Writes into OUT (default screenshots/): home, timeline and a conflict page in light and dark
(home-light.png, home-dark.png, timeline-light.png, ...), and the leverage page's relationship view in
light, dark and at phone width (leverage-light.png, leverage-dark.png, leverage-phone.png). The site is
served gzipped on 127.0.0.1 (tools/serving.py) and photographed in Debian's Chromium ($CHROMIUM_PATH,
default /usr/bin/chromium) driven by Playwright. Exits non-zero when a picture came out (nearly) blank.

    python -m build_scripts.tools.screenshots SITE_DIR [OUT] [--port N]
"""
from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType

from build_scripts.config import chromium_path
from build_scripts.tools.serving import serve

CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update")
PAGES = MappingProxyType({"home": "", "timeline": "timeline/"})
CONFLICT = "conflicts/computing-power/"  # the shipped briefing's; another briefing's first conflict otherwise
LEVERAGE = MappingProxyType({"light": ("light", 1280), "dark": ("dark", 1280), "phone": ("light", 375)})
MIN_BYTES = 10_000  # smaller than this, a picture is of an empty or unstyled page
RELATIONS_DRAWN = ("() => [...document.querySelectorAll('#chart-relationships img')]"
                   ".some(i => i.complete && i.naturalWidth > 0 && i.offsetParent)")


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def pages_to_take(site: Path) -> dict[str, str]:
    """Name -> address of the whole pages to picture: home, timeline and a conflict page, if any."""
    conflicts = sorted(p.parent.name for p in site.glob("conflicts/*/index.html"))
    chosen = CONFLICT if (site / CONFLICT).is_dir() else f"conflicts/{conflicts[0]}/" if conflicts else None
    return {**PAGES, **({"conflict": chosen} if chosen else {})}


def take_pages(browser, url: str, pages: dict[str, str], out: Path) -> list[Path]:
    taken = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, color_scheme=scheme)
        page = context.new_page()
        for name, address in pages.items():
            page.goto(url + address, wait_until="networkidle")
            taken.append(out / f"{name}-{scheme}.png")
            page.screenshot(path=str(taken[-1]))
        context.close()
    return taken


def take_leverage(browser, url: str, out: Path) -> list[Path]:
    """The relationship view as a reader first sees it: its static image, drawn and in view."""
    taken = []
    for name, (scheme, width) in LEVERAGE.items():
        context = browser.new_context(viewport={"width": width, "height": 1000}, color_scheme=scheme)
        page = context.new_page()
        page.goto(url + "leverage/", wait_until="networkidle")
        chart = page.locator("#chart-relationships")
        chart.scroll_into_view_if_needed()
        page.wait_for_function(RELATIONS_DRAWN)
        taken.append(out / f"leverage-{name}.png")
        chart.screenshot(path=str(taken[-1]))
        context.close()
    return taken


def run(site: Path, out: Path, port: int = 0) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with serve(site, port) as url, chromium() as browser:
        taken = take_pages(browser, url, pages_to_take(site), out)
        if (site / "leverage" / "index.html").exists():
            taken += take_leverage(browser, url, out)
    blank = [p for p in taken if p.stat().st_size < MIN_BYTES]
    for path in taken:
        print(f"{path} ({path.stat().st_size // 1000} kB)")
    for path in blank:
        print(f"{path} is under {MIN_BYTES // 1000} kB: an empty or unstyled page?", file=sys.stderr)
    return 1 if blank else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.tools.screenshots", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site (make site)")
    parser.add_argument("out", type=Path, nargs="?", default=Path("screenshots"))
    parser.add_argument("--port", type=int, default=0, help="serve on this port (the one the site was built for)")
    args = parser.parse_args(argv)
    return run(args.site, args.out, args.port)


if __name__ == "__main__":
    sys.exit(main())
