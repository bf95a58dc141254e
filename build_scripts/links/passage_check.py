"""`make links`, part two: each page a passage was read on is fetched (within the same polite limits as
the link check, and cached the same way), and a passage no longer found in the page's text is reported:
the page changed, or the passage was not copied exactly.

The page's text is its HTML without scripts, styles and tags, entities decoded, normalised as the build
normalises prose (data/passages.py: quotes, dashes, ellipses and white space; case kept). A passage cut
with an ellipsis is found when each of its pieces is.
"""
from __future__ import annotations

import asyncio
import hashlib
import html
import re
from dataclasses import dataclass

import httpx

from build_scripts.data.loading import LoadedFile, format_path
from build_scripts.data.passages import normalise, quotation_found
from build_scripts.links.link_check import CheckSettings, HostLimits, LinkResult

MAX_PAGE = 4 * 1024 * 1024  # a long article page, with its scripts
_DROP = re.compile(r"<(script|style|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_INLINE = re.compile(r"</?(?:a|abbr|b|cite|em|i|mark|q|s|small|span|strong|sub|sup|time|u)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
MISSING_HINT = ("the page changed, or the passage was not copied exactly: read the page again and correct the "
                "passage, or record where it was read (read_in: archive for an archived copy)")


@dataclass(frozen=True)
class PassageTarget:
    """A recorded passage and the address of the page it was read on, with its place in the data."""

    file: str
    line: int
    column: int
    field: str
    url: str
    passage: str

    @property
    def key(self) -> str:
        """The cache's key: the page and a digest of the passage."""
        return f"passage {hashlib.sha256(self.passage.encode()).hexdigest()[:16]} {self.url}"


def _sources(files: list[LoadedFile]) -> dict[str, dict]:
    return {s["id"]: s for f in files for s in (f.data.get("sources") or [])
            if isinstance(s, dict) and isinstance(s.get("id"), str)}


def read_at(source: dict, read_in: object) -> str | None:
    """The address of the page a passage was read on: original (url), copy (read_via) or archive (archived)."""
    via = source.get("read_via")
    copy: dict = via if isinstance(via, dict) else {}
    place = read_in if isinstance(read_in, str) else ("copy" if copy else "original")
    archived = source.get("archived") if isinstance(source.get("archived"), dict) else copy.get("archived")
    url = {"original": source.get("url"), "copy": copy.get("url"),
           "archive": archived.get("url") if isinstance(archived, dict) else None}.get(place)
    return url.strip() if isinstance(url, str) and url.strip().startswith(("http://", "https://")) else None


def _entries(value: object, path: tuple):
    """Every citation mapping with a passage inside value, with its path."""
    if isinstance(value, dict):
        if isinstance(value.get("source"), str) and isinstance(value.get("passage"), str):
            yield path, value
        for key, inner in value.items():
            yield from _entries(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _entries(inner, path + (index,))


def passage_targets(files: list[LoadedFile]) -> list[PassageTarget]:
    """Every recorded passage whose page has an address, in the order of the data."""
    sources = _sources(files)
    targets = []
    for file in files:
        for path, entry in _entries(file.data, ()):
            source = sources.get(entry["source"])
            url = read_at(source, entry.get("read_in")) if source else None
            if url is not None:
                line, column = file.where(path + ("passage",))
                targets.append(PassageTarget(file.name, line, column, format_path(path + ("passage",)), url,
                                             entry["passage"]))
    return targets


def page_text(body: bytes) -> str:
    """A page's readable text, normalised."""
    text = _DROP.sub(" ", body.decode("utf-8", "replace"))
    text = _TAG.sub(" ", _INLINE.sub("", text))
    return normalise(html.unescape(text))


async def _fetch(client: httpx.AsyncClient, url: str, limits: HostLimits) -> str | None:
    """The page's text, or None when it could not be read (the link check reports why)."""
    try:
        async with limits.slot(url), client.stream("GET", url) as response:
            if response.status_code != 200:
                return None
            body = b""
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) >= MAX_PAGE:
                    break
    except httpx.HTTPError:
        return None
    return page_text(body)


async def _fetch_all(urls: list[str], settings: CheckSettings) -> dict[str, str | None]:
    limits = HostLimits(settings.per_host, settings.total)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    async with httpx.AsyncClient(follow_redirects=True, timeout=settings.timeout, headers=headers,
                                 max_redirects=10) as client:
        texts = await asyncio.gather(*(_fetch(client, url, limits) for url in urls))
    return dict(zip(urls, texts))


def check_passages(targets: list[PassageTarget], settings: CheckSettings) -> dict[str, LinkResult]:
    """Each target's result by its key: ok, passage-missing, or error when the page could not be read
    (an error is not cached, so the next run asks again)."""
    if not targets:
        return {}
    texts = asyncio.run(_fetch_all(list(dict.fromkeys(t.url for t in targets)), settings))
    results = {}
    for target in targets:
        text = texts[target.url]
        if text is None:
            continue
        found = quotation_found(target.passage, [text])
        results[target.key] = LinkResult("ok" if found else "passage-missing",
                                         "ok" if found else f"the passage is no longer found on {target.url}")
    return results
