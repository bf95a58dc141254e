"""The thin MkDocs layer: adds the generated pages to the build, in memory.

Nothing is written into docs/, so `mkdocs serve` does not rebuild forever, and hand-written
pages are never overwritten: a generated page whose path exists in docs/ is an error.
The pipeline itself (build_scripts.pipeline) knows nothing about MkDocs.
"""
from __future__ import annotations

import copy
import dataclasses
import html
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from pathspec.gitignore import GitIgnoreSpec  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402
from mkdocs.structure.toc import TableOfContents  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

from build_scripts import pipeline as build  # noqa: E402
from build_scripts.errors import DataError  # noqa: E402
from build_scripts.site.postprocess import finish_page  # noqa: E402
from build_scripts.caches import SessionCaches  # noqa: E402
from build_scripts.config import BuildConfig, data_dir_from_env  # noqa: E402
from build_scripts.session import SESSION_KEY, BuildSession  # noqa: E402
from build_scripts.plan.page_registry import not_in_nav  # noqa: E402
from build_scripts.site.search_job import IndexJob  # noqa: E402
from build_scripts.site.menu_once import MenuOnce, theme_loader  # noqa: E402
from build_scripts.site.search_prose import Setting, hand_written, prose_kind_pages  # noqa: E402
from build_scripts.site.structured_data import StructuredIndex, head_tags, structured_index  # noqa: E402
from build_scripts.render.text import html_text, page_url, unwrap_html_blocks  # noqa: E402
from build_scripts.data.trust import currency_facts  # noqa: E402
from build_scripts.render.editing import correction_form  # noqa: E402
from build_scripts.render.formats import HtmlFormat  # noqa: E402
from build_scripts.render.masthead import CORRECTIONS_ANCHOR, contact_ways, who_parts  # noqa: E402
from build_scripts.render.page_paths import METHODOLOGY, UPDATES  # noqa: E402
from build_scripts.asset_paths import BRIEFING_JSON, EVENTS_CSV, FEED  # noqa: E402

# The one module-level object in build_scripts/ (tests/test_project_layout.py allows it by name): MkDocs
# calls a hook with nothing of its own, and keeps the hook's module for the whole process, so the
# caches `mkdocs serve` reuses from one rebuild to the next lives here. The `site` command hands
# its own session instead (config[SESSION_KEY]), so its check and its build share one reading of the data.
PROCESS_CACHES = SessionCaches()
# Linked from every page's footer: what changed and how to follow it, and where a reader takes the data.
FOOTER_FILES = (("What changed", page_url(UPDATES)), ("Follow updates (Atom feed)", FEED),
                ("The briefing as JSON", BRIEFING_JSON), ("Events as CSV", EVENTS_CSV))
BUILT_KEY = "briefing_built"  # this build's output and structured-data index, for the later events
INDEX_KEY = "briefing_search_index"  # the search index being made beside this build (search_job.IndexJob)


@dataclass(frozen=True)
class Built:
    output: build.BuildOutput
    structured: StructuredIndex
    hand_written: list[tuple[str, Setting]]  # the hand-written pages in docs/ and their search settings


def _session(config, data_dir: Path) -> BuildSession:
    """The `site` command's session, at this site's address; else (`mkdocs build`, `mkdocs serve`) one
    for the data folder MkDocs was pointed at, reusing what this process did before."""
    given = config.get(SESSION_KEY)
    if given is not None:
        return BuildSession(dataclasses.replace(given.config, site_url=config.site_url or ""), caches=given.caches)
    return BuildSession(BuildConfig(data_dir=data_dir, site_url=config.site_url or ""), caches=PROCESS_CACHES)


def on_config(config):
    """Load and validate the data (every rebuild, so `mkdocs serve` sees edits), then name and
    lay out the site from it."""
    if not config.use_directory_urls:
        raise PluginError("the briefing's pages link each other by directory address: set use_directory_urls: true")
    session = _session(config, data_dir_from_env(Path(config.config_file_path).parent))
    data_dir = session.config.data_dir
    if str(data_dir) not in [str(Path(w).resolve()) for w in config.watch]:
        config.watch.append(str(data_dir))
    try:
        output = session.generate()
    except (DataError, build.MissingTool) as err:
        raise PluginError(str(err)) from None
    config[BUILT_KEY] = built = Built(output, structured_index(output.briefing, output.described),
                                      hand_written(Path(config.docs_dir)))
    info = output.briefing.info
    config.site_name = html_text(info.title, attribute=True)  # the theme prints it unescaped
    config.site_description = html_text(info.description, attribute=True)
    config.extra["briefing_currency"] = currency_facts(info, session.config.build_date)
    config.extra["briefing_corrections"] = correction_form(info)
    config.extra["briefing_masthead"] = " · ".join(who_parts(HtmlFormat(""), info))  # escaped HTML, or ''
    config.extra["briefing_contact"] = contact_ways(HtmlFormat(""), info)  # escaped HTML, or ''
    config.extra["briefing_corrections_policy"] = f"{page_url(METHODOLOGY)}#{CORRECTIONS_ANCHOR}"
    config.extra["briefing_files"] = FOOTER_FILES
    config.nav = output.nav
    # Pages kept out of the reader's menu: the registry's, and the hand-written pages in docs/ (the editors'
    # guide is for editors; the methodology links to it).
    config.not_in_nav = GitIgnoreSpec.from_lines([*not_in_nav(), *("/" + path for path, _ in built.hand_written)])
    return config


def on_files(files, config):
    """Every file of the output plan joins the build: pages are rendered, assets published as they are.
    The search index's prose pages come first, so that they are converted first: the index is written
    beside the rest of the build (search_job.IndexJob)."""
    plan = config[BUILT_KEY].output.plan
    first = {path for path, _ in prose_kind_pages()}
    for path, content in sorted(plan.items(), key=lambda item: (item[0] not in first, item[0])):
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is hand-written, but the data also generates {path} "
                              f"({plan.claimant(path)}); rename one of them")
        file = File.generated(config, path, content=content)
        if not plan.is_page(path) and path.endswith(".md"):
            file.__class__ = _CopiedFile  # a plain-Markdown copy: published as is, not a page
        files.append(file)
    return files


class _CopiedFile(File):
    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def _as_is(self) -> str:
        return self.src_uri

    # published as it stands in the docs folder, under its own name (cached properties, as MkDocs' File declares them)
    url = cached_property(_as_is)
    dest_uri = cached_property(_as_is)


def on_page_markdown(markdown, page, config, files):
    try:
        return build.place_charts(markdown, config[BUILT_KEY].output, page.url)
    except DataError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None


def on_page_content(html_content, page, config, files):
    """The pipeline's HTML blocks, carried through Markdown as comments, put in place; a prose page's
    content is handed to the search index as soon as it is converted."""
    content = unwrap_html_blocks(html_content)
    config[INDEX_KEY].page_converted(page.url, content, page.title or "", Path(config.site_dir))
    return content


def on_env(env, config, files):
    """The theme's menu is rendered once for the pages that only show it (site/menu_once.py)."""
    env.loader = theme_loader(env.loader, [d for d in config.theme.dirs if d != config.theme.custom_dir])
    env.globals["menu_once"] = MenuOnce()
    return env


def on_page_context(context, page, config, nav):
    """A page that hides its table of contents does not carry it either (a timeline page's would
    repeat every event's title): only the first heading stays, for the theme's "skip to content" link."""
    if "toc" in (page.meta.get("hide") or []) and page.toc:
        first = copy.copy(page.toc.items[0])
        first.children = []
        page.toc = TableOfContents([first])
    return context


def page_url_to_root(page: Page) -> str:
    depth = page.url.count("/")
    return "../" * depth


def on_post_page(output, page, config):
    built = config[BUILT_KEY]
    briefing = built.output.briefing
    meta = page.meta or {}
    title = briefing.info.title if page.is_homepage else html.unescape(str(meta.get("title") or page.title))
    description = html.unescape(str(meta.get("description") or briefing.info.description))
    url = page.canonical_url or page.abs_url or ""
    tags = head_tags(built.structured, page.file.src_uri, title, description, url)
    feed = html_text(page_url_to_root(page), attribute=True) + FEED
    tags += f'<link rel="alternate" type="application/atom+xml" title="Updates" href="{feed}">'

    return finish_page(output.replace("</head>", tags + "</head>", 1))


def on_post_template(output_content, template_name, config):
    return finish_page(output_content) if template_name.endswith(".html") else output_content


def on_pre_build(config):
    """The search index is started from the model now and made beside the build: one record per fact
    (build_scripts/site/search_index.py), and the prose pages as they are converted."""
    built = config[BUILT_KEY]
    config[INDEX_KEY] = IndexJob(built.output.briefing, built.hand_written, built.output.view)


def on_post_build(config):
    """The search index is written into the built site (and with it, before the `site` command swaps
    the new site in)."""
    config[INDEX_KEY].finish(Path(config.site_dir))

