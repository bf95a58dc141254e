"""`make links`: every source, copy and archive address in the data, checked (or taken from the cache),
and each finding reported against the data as `file:line:column: field: message (hint: ...)`.

Exit status: 1 when a link is dead (404/410) or a soft 404, the findings an editor must fix; moved,
blocked, timing-out, rate-limited and failing links are reported but do not fail the run.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType

from build_scripts.data.loading import LoadedFile
from build_scripts.errors import Problem
from build_scripts.links.link_cache import MAX_AGE, fresh_results, load_cache, save_cache
from build_scripts.links.link_check import CheckSettings, LinkResult, check_urls
from build_scripts.links.passage_check import MISSING_HINT, check_passages, passage_targets

URL_FIELDS = (("url",), ("archived", "url"), ("read_via", "url"), ("read_via", "archived", "url"))
FAILING = ("dead", "soft-404")
KINDS = ("dead", "soft-404", "passage-missing", "moved", "blocked", "timeout", "rate-limited", "error")
HINTS = MappingProxyType({
    "dead": "the page is gone: link an archived copy or another copy, or replace the source",
    "soft-404": "the address answers with an error page: open it in a browser, then fix or replace it",
    "moved": "the page moved for good: put the new address in the data",
    "blocked": "a paywall or a site refusing automated clients: check it in a browser; a read_via copy helps readers",
    "timeout": "the site is slow or down: it is checked again on the next run",
    "rate-limited": "the site asked us to slow down: run the check again later",
    "error": "the server failed or could not be reached: check it again later",
    "passage-missing": MISSING_HINT,
})


@dataclass(frozen=True)
class LinkTarget:
    """One address in the data and where it stands: ('data/sources.yaml', 12, 10, 'sources[x].url', url)."""

    file: str
    line: int
    column: int
    field: str
    url: str
    path: tuple = ()  # where in the file: ('sources', 3, 'read_via', 'url')


@dataclass(frozen=True)
class Finding:
    target: LinkTarget
    result: LinkResult

    def format(self) -> str:
        t = self.target
        return Problem(t.file, t.line, t.column, t.field, self.result.message, HINTS[self.result.kind]).format()


def _dig(item: object, keys: tuple[str, ...]) -> object:
    for key in keys:
        item = item.get(key) if isinstance(item, dict) else None
    return item


def link_targets(files: list[LoadedFile]) -> list[LinkTarget]:
    """Every http(s) address of every source, its archived copy, its read_via copy and that copy's archive."""
    targets = []
    for file in files:
        sources = file.data.get("sources")
        for index, item in enumerate(sources if isinstance(sources, list) else []):
            if not isinstance(item, dict):
                continue
            label = f"sources[{item.get('id', index)}]"
            for keys in URL_FIELDS:
                url = _dig(item, keys)
                if isinstance(url, str) and url.strip().startswith(("http://", "https://")):
                    line, column = file.where(("sources", index, *keys))
                    targets.append(LinkTarget(file.name, line, column, ".".join((label, *keys)), url.strip(),
                                              ("sources", index, *keys)))
    return targets


def find_problems(targets: list[LinkTarget], results: dict[str, LinkResult]) -> list[Finding]:
    """The links that are not simply fine, in the order of the data."""
    found = [Finding(t, results[t.url]) for t in targets if results[t.url].kind != "ok"]
    return sorted(found, key=lambda f: (f.target.file, f.target.line, f.target.column))


def summary_line(findings: list[Finding], checked: int, cached: int) -> str:
    counts = [f"{sum(f.result.kind == kind for f in findings)} {kind}" for kind in KINDS
              if any(f.result.kind == kind for f in findings)]
    return (f"{checked} links checked ({cached} from the last day's cache): "
            + (", ".join(counts) if counts else "no problems found") + ".")


def markdown_report(findings: list[Finding], summary: str) -> str:
    """The findings as Markdown, for the job summary and the review issue (remote text stays in code spans)."""
    lines = ["## Link check", "", summary, ""]
    for kind in KINDS:
        found = [f for f in findings if f.result.kind == kind]
        if found:
            lines += [f"### {kind} ({len(found)})", ""]
            lines += [f"- `{f.format().replace('`', chr(39))}`" for f in found] + [""]
    return "\n".join(lines)


@dataclass(frozen=True)
class LinkRun:
    findings: list[Finding]
    summary: str

    @property
    def exit_code(self) -> int:
        return 1 if any(f.result.kind in FAILING for f in self.findings) else 0


def run_link_check(files: list[LoadedFile], settings: CheckSettings, cache_path: Path, now: datetime,
                   max_age: timedelta = MAX_AGE) -> LinkRun:
    """Check every address in the files, then every recorded passage on its page (when the page answers),
    asking only for what was not checked within max_age."""
    targets = link_targets(files)
    urls = list(dict.fromkeys(t.url for t in targets))
    cache = load_cache(cache_path)
    fresh = fresh_results(cache, urls, now, max_age)
    checked = check_urls([u for u in urls if u not in fresh], settings)
    results = {**fresh, **checked}
    passages = [p for p in passage_targets(files) if results.get(p.url, LinkResult("ok", "")).kind in ("ok", "moved")]
    fresh_passages = fresh_results(cache, [p.key for p in passages], now, max_age)
    checked_passages = check_passages([p for p in passages if p.key not in fresh_passages], settings)
    save_cache(cache_path, cache, {**fresh, **fresh_passages}, {**checked, **checked_passages}, now)
    findings = find_problems(targets, results)
    findings += [Finding(LinkTarget(p.file, p.line, p.column, p.field, p.url), outcome) for p in passages
                 if (outcome := {**fresh_passages, **checked_passages}.get(p.key)) and outcome.kind != "ok"]
    findings.sort(key=lambda f: (f.target.file, f.target.line, f.target.column))
    return LinkRun(findings, summary_line(findings, len(urls), len(fresh)))
