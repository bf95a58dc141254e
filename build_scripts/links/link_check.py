"""Checking links over HTTP (httpx): concurrent but polite, and what each answer means for an editor.

Politeness: at most `per_host` requests to one host at a time and `total` overall, a timeout on every
request, a few retries with backoff for timeouts, failed connections, 429 and 5xx (honouring
`Retry-After`, capped), redirects followed, and a User-Agent that says who is asking.
"""
from __future__ import annotations

import asyncio
import email.utils
import re
import time
from collections import defaultdict
from collections.abc import Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

import httpx

from build_scripts.logs import Progress, progress

USER_AGENT = "briefing-link-check/1 (+{contact})"
MAX_BODY = 64 * 1024  # enough for a page's <title>
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
PERMANENT_REDIRECTS = frozenset({301, 308})
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.I | re.S)
_ERROR_TITLE = re.compile(r"\b(404|not found|page (?:does not|doesn't|cannot be|can't be) (?:exist|found)|"
                          r"no longer (?:exists|available))\b", re.I)
_ERROR_PATH = re.compile(r"(^|[/._-])(404|not-?found|notfound|page-not-found|error)([/._-]|$)", re.I)


@dataclass(frozen=True)
class CheckSettings:
    timeout: float = 15.0
    retries: int = 2
    per_host: int = 2
    total: int = 8
    backoff: float = 1.0
    max_retry_after: float = 60.0
    contact: str = "a news briefing's source check"

    @property
    def user_agent(self) -> str:
        return USER_AGENT.format(contact=self.contact)


@dataclass(frozen=True)
class LinkResult:
    """What a link's check found. kind: ok, dead, moved, blocked, timeout, soft-404, rate-limited, error."""

    kind: str
    message: str
    status: int | None = None
    new_url: str | None = None


def reason(status: int) -> str:
    """'404 Not Found'."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def classify(status: int, history: list[int], original: str, final: str, body: bytes) -> LinkResult:
    """The meaning of the final answer to a GET of `original` that ended at `final` after `history`."""
    if status in (404, 410):
        return LinkResult("dead", reason(status), status)
    if status in (401, 402, 403, 451):
        return LinkResult("blocked", reason(status), status)
    if status == 429:
        return LinkResult("rate-limited", reason(status), status)
    if status >= 400:
        return LinkResult("error", reason(status), status)
    soft = soft_404(original, final, body)
    if soft:
        return LinkResult("soft-404", f"{reason(status)} but {soft}", status)
    if history and history[0] in PERMANENT_REDIRECTS:
        return LinkResult("moved", f"{reason(history[0])} to {final}", history[0], final)
    return LinkResult("ok", reason(status), status)


def soft_404(original: str, final: str, body: bytes) -> str:
    """Why a 200 looks like an error page ('' when it does not)."""
    path, was = urlsplit(final).path, urlsplit(original).path
    if final != original and _ERROR_PATH.search(path):
        return f"it ended at an error page ({final})"
    if final != original and path in ("", "/") and was not in ("", "/"):
        return f"it sent us to the home page ({final})"
    match = _TITLE.search(body)
    title = " ".join(match.group(1).decode("utf-8", "replace").split()) if match else ""
    if _ERROR_TITLE.search(title):
        return f"the page's title is '{title[:80]}'"
    return ""


def retry_after(value: str | None, cap: float) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), at most cap."""
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(when.timestamp() - time.time(), cap))


class HostLimits:
    """At most per_host requests to one host at a time, and total overall."""

    def __init__(self, per_host: int, total: int):
        self.total = asyncio.Semaphore(total)
        self.hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(per_host))

    @asynccontextmanager
    async def slot(self, url: str):
        async with self.hosts[urlsplit(url).hostname or ""], self.total:
            yield


async def _get(client: httpx.AsyncClient, url: str) -> tuple[httpx.Response, bytes]:
    """GET url (redirects followed), reading at most MAX_BODY bytes of an HTML answer."""
    async with client.stream("GET", url) as response:
        body = b""
        if response.status_code == 200 and "html" in response.headers.get("content-type", "html"):
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) >= MAX_BODY:
                    break
        return response, body


async def _attempt(client, url: str, settings: CheckSettings, attempt: int) -> tuple[LinkResult, float | None]:
    """One GET: its result, and how long to wait before trying again (None: do not retry)."""
    backoff = settings.backoff * 2 ** attempt
    try:
        response, body = await _get(client, url)
    except httpx.TimeoutException:
        return LinkResult("timeout", f"no answer within {settings.timeout:g} s"), backoff
    except httpx.TooManyRedirects:
        return LinkResult("error", "too many redirects"), None
    except httpx.HTTPError as err:
        return LinkResult("error", f"could not connect ({type(err).__name__})"), backoff
    history = [r.status_code for r in response.history]
    result = classify(response.status_code, history, url, str(response.url), body)
    if response.status_code not in RETRY_STATUSES:
        return result, None
    wait = retry_after(response.headers.get("retry-after"), settings.max_retry_after)
    return result, backoff if wait is None else wait


async def check_url(client, url: str, settings: CheckSettings, limits: HostLimits) -> LinkResult:
    """Check one address, retrying what may pass (the wait is spent outside the host's slot)."""
    for attempt in range(settings.retries + 1):
        async with limits.slot(url):
            result, wait = await _attempt(client, url, settings, attempt)
        if wait is None or attempt == settings.retries:
            return result
        await asyncio.sleep(wait)
    raise AssertionError("unreachable")


async def _counted(check: Awaitable[LinkResult], shown: Progress) -> LinkResult:
    result = await check
    shown.advance()
    return result


async def _check_all(urls: list[str], settings: CheckSettings, shown: Progress) -> dict[str, LinkResult]:
    limits = HostLimits(settings.per_host, settings.total)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    async with httpx.AsyncClient(follow_redirects=True, timeout=settings.timeout, headers=headers,
                                 max_redirects=10) as client:
        results = await asyncio.gather(*(_counted(check_url(client, url, settings, limits), shown) for url in urls))
    return dict(zip(urls, results))


def check_urls(urls: list[str], settings: CheckSettings) -> dict[str, LinkResult]:
    """Check every address (each once), concurrently within the limits, saying how far it has got."""
    if not urls:
        return {}
    unique = list(dict.fromkeys(urls))
    with progress(len(unique), "Checking links") as shown:
        return asyncio.run(_check_all(unique, settings, shown))
