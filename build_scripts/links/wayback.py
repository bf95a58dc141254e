"""The Wayback Machine's Save Page Now 2 API (SPN2), as documented by the Internet Archive.

A capture is requested with `POST {base}/save` (form field `url`, headers `Accept: application/json` and
`Authorization: LOW accesskey:secret`), which answers `{"url": ..., "job_id": ...}`; then
`GET {base}/save/status/<job_id>` is polled until `status` is "success" (with `timestamp` and
`original_url`) or "error" (with `status_ext` and `message`). A 429 or 503 is waited out (its
`Retry-After` honoured, capped) and retried. The snapshot's address is `{base}/web/<timestamp>/<original_url>`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

import httpx

from build_scripts.links.link_check import reason, retry_after

DEFAULT_BASE = "https://web.archive.org"
USER_AGENT = "briefing-archive/1 (+{contact})"


class CaptureFailed(Exception):
    """The archive would not take (or did not finish) one capture; nothing is written for it."""


@dataclass(frozen=True)
class Snapshot:
    url: str
    timestamp: str  # YYYYMMDDhhmmss

    @property
    def day(self) -> date:
        return date(int(self.timestamp[:4]), int(self.timestamp[4:6]), int(self.timestamp[6:8]))


@dataclass(frozen=True)
class SaveSettings:
    access_key: str
    secret: str
    base: str = DEFAULT_BASE
    poll_interval: float = 5.0
    max_wait: float = 600.0  # seconds a batch of captures may take before the rest are given up
    retries: int = 4  # for 429 / 503 / network errors on each request
    backoff: float = 10.0
    max_retry_after: float = 300.0
    contact: str = "a news briefing's archive request"


class SavePageNow:
    """An SPN2 client: submit captures, poll them, hand back snapshots (or why there is none)."""

    def __init__(self, settings: SaveSettings):
        self.settings = settings
        headers = {"Accept": "application/json", "Authorization": f"LOW {settings.access_key}:{settings.secret}",
                   "User-Agent": USER_AGENT.format(contact=settings.contact)}
        self.client = httpx.Client(base_url=settings.base.rstrip("/"), headers=headers, timeout=120.0)

    def close(self) -> None:
        self.client.close()

    def _request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """One API request, waiting out 429 / 503 answers and network errors a few times."""
        for attempt in range(self.settings.retries + 1):
            wait = self.settings.backoff * 2 ** attempt
            try:
                response = self.client.request(method, path, **kwargs)
            except httpx.HTTPError as err:
                if attempt == self.settings.retries:
                    raise CaptureFailed(f"the archive could not be reached ({type(err).__name__})") from None
            else:
                if response.status_code not in (429, 503) or attempt == self.settings.retries:
                    return response
                wait = retry_after(response.headers.get("retry-after"), self.settings.max_retry_after) or wait
            time.sleep(wait)
        raise AssertionError("unreachable")

    def _json(self, response: httpx.Response) -> dict:
        if response.status_code != 200:
            raise CaptureFailed(f"the archive answered {reason(response.status_code)}")
        try:
            data = response.json()
        except ValueError:
            raise CaptureFailed("the archive's answer was not JSON") from None
        if not isinstance(data, dict):
            raise CaptureFailed("the archive's answer was not a JSON object")
        return data

    def submit(self, url: str) -> str:
        """Ask for a capture of url; its job id."""
        data = self._json(self._request("POST", "/save", data={"url": url}))
        if not data.get("job_id"):
            raise CaptureFailed(_error_text(data) or "the archive gave no job id")
        return str(data["job_id"])

    def status(self, job_id: str) -> Snapshot | str | None:
        """A finished job's snapshot, its error text, or None while it is still pending."""
        data = self._json(self._request("GET", f"/save/status/{job_id}"))
        if data.get("status") == "success":
            timestamp, original = str(data.get("timestamp", "")), data.get("original_url")
            if not (timestamp.isdigit() and len(timestamp) == 14 and isinstance(original, str)):
                return "the archive reported success without a timestamp and address"
            return Snapshot(f"{self.settings.base.rstrip('/')}/web/{timestamp}/{original}", timestamp)
        if data.get("status") == "error":
            return _error_text(data) or "the capture failed"
        return None

    def capture(self, urls: list[str]) -> dict[str, Snapshot | str]:
        """Capture several addresses at once: each one's snapshot, or why there is none."""
        outcomes: dict[str, Snapshot | str] = {}
        jobs: dict[str, str] = {}
        for url in urls:
            try:
                jobs[self.submit(url)] = url
            except CaptureFailed as err:
                outcomes[url] = str(err)
        outcomes.update(self._wait_for(jobs))
        return outcomes

    def _wait_for(self, jobs: dict[str, str]) -> dict[str, Snapshot | str]:
        outcomes: dict[str, Snapshot | str] = {}
        deadline = time.monotonic() + self.settings.max_wait
        while jobs and time.monotonic() < deadline:
            time.sleep(self.settings.poll_interval)
            for job_id, url in list(jobs.items()):
                try:
                    outcome = self.status(job_id)
                except CaptureFailed as err:
                    outcome = str(err)
                if outcome is not None:
                    outcomes[url] = outcome
                    del jobs[job_id]
        outcomes.update({url: f"no result after {self.settings.max_wait:g} s (job {job_id})"
                         for job_id, url in jobs.items()})
        return outcomes


def _error_text(data: dict) -> str:
    parts = [str(data[key]) for key in ("status_ext", "message") if data.get(key)]
    return ": ".join(parts)
