"""The commands that talk to the internet, kept out of `make site` and `make test`:
`python -m build_scripts links` (check every address in the data) and `archive` (ask the Wayback
Machine for snapshots and write them back)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from build_scripts.data.validation import load_report
from build_scripts.effects.cache_folders import LINKS
from build_scripts.effects.writing import write_file

ROOT = Path(__file__).resolve().parents[2]


def _data_dir(args) -> Path:
    from build_scripts.config import data_dir_from_env

    return Path(args.data).resolve() if args.data else data_dir_from_env(ROOT)


def _wait_arguments(p, backoff: float, max_retry_after: float) -> None:
    p.add_argument("--backoff", type=float, default=backoff,
                   help=f"first wait before a retry, doubled each time (default {backoff:g})")
    p.add_argument("--max-retry-after", type=float, default=max_retry_after,
                   help=f"longest Retry-After honoured, in seconds (default {max_retry_after:g})")


def add_network_commands(sub: argparse._SubParsersAction) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add `links` and `archive` to the command line; their handlers by name."""
    _links_parser(sub)
    _archive_parser(sub)
    return {"links": cmd_links, "archive": cmd_archive}


def _valid_files(args):
    """The data files, once the data is known to be valid (a DataError lists every problem otherwise)."""
    from build_scripts.data.loading import read_data_dir

    data_dir = _data_dir(args)
    load_report(data_dir, label=data_dir.name)
    return read_data_dir(data_dir, data_dir.name)[0]


def cmd_links(args) -> int:
    """Check every source, copy and archive address; print the findings against the data."""
    from datetime import datetime, timedelta, timezone

    from build_scripts.config import link_check_contact
    from build_scripts.links.link_check import CheckSettings
    from build_scripts.links.link_report import markdown_report, run_link_check

    contact = args.contact or link_check_contact()
    settings = CheckSettings(timeout=args.timeout, retries=args.retries, per_host=args.per_host,
                             total=args.concurrency, backoff=args.backoff, max_retry_after=args.max_retry_after,
                             **({"contact": contact} if contact else {}))
    run = run_link_check(_valid_files(args), settings, Path(args.cache), datetime.now(timezone.utc),
                         timedelta(hours=args.max_age_hours))
    for finding in run.findings:
        print(finding.format())
    print(run.summary)
    if args.markdown:
        write_file(Path(args.markdown), markdown_report(run.findings, run.summary))
    return run.exit_code


def _links_parser(sub) -> None:
    p = sub.add_parser("links", help="check every source, copy and archive address (dead, moved, blocked, ...)")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")
    p.add_argument("--retries", type=int, default=2, help="retries after a timeout, 429 or 5xx (default 2)")
    p.add_argument("--per-host", type=int, default=2, help="requests to one host at a time (default 2)")
    p.add_argument("--concurrency", type=int, default=8, help="requests at a time overall (default 8)")
    _wait_arguments(p, backoff=1.0, max_retry_after=60.0)
    p.add_argument("--cache", default=str(LINKS))
    p.add_argument("--max-age-hours", type=float, default=24.0, help="reuse results this recent (0: ask again)")
    p.add_argument("--markdown", help="also write the findings as Markdown to this file")
    p.add_argument("--contact", help="URL or address in the User-Agent (default: $LINK_CHECK_CONTACT)")


def cmd_archive(args) -> int:
    """Ask the Wayback Machine for a snapshot of every source and copy without one; write them back."""
    from build_scripts.config import ARCHIVE_ACCESS_ENV, ARCHIVE_SECRET_ENV, archive_settings_from_env
    from build_scripts.links.archive_snapshots import archive_all, archive_targets
    from build_scripts.links.wayback import DEFAULT_BASE, SavePageNow, SaveSettings

    targets = archive_targets(_valid_files(args), _data_dir(args))
    if not targets:
        print("Every source and copy already has an archived copy: nothing to do.")
        return 0
    targets = targets[:args.limit] if args.limit else targets
    access, secret, base = archive_settings_from_env()
    if not (access and secret):
        print(f"make archive needs Internet Archive keys: set {ARCHIVE_ACCESS_ENV} and {ARCHIVE_SECRET_ENV} (from "
              f"https://archive.org/account/s3.php). {len(targets)} addresses have no archived copy; "
              "nothing was requested or written.", file=sys.stderr)
        return 2
    settings = SaveSettings(access, secret, base=args.archive_base or base or DEFAULT_BASE,
                            poll_interval=args.poll_interval, max_wait=args.max_wait, backoff=args.backoff,
                            max_retry_after=args.max_retry_after)
    archive = SavePageNow(settings)
    try:
        run = archive_all(targets, archive, args.parallel)
    finally:
        archive.close()
    print(f"{run.written} snapshot(s) written; {len(run.failures)} capture(s) failed.")
    return 1 if run.failures else 0


def _archive_parser(sub) -> None:
    p = sub.add_parser("archive", help="request Wayback Machine snapshots for sources without one; write them back")
    p.add_argument("--archive-base",
                   help="the archive's address (default: $WAYBACK_BASE_URL or https://web.archive.org)")
    p.add_argument("--parallel", type=int, default=4, help="captures requested at a time (default 4)")
    p.add_argument("--limit", type=int, default=0, help="at most this many captures in this run (default: all)")
    p.add_argument("--poll-interval", type=float, default=5.0, help="seconds between status checks (default 5)")
    p.add_argument("--max-wait", type=float, default=600.0, help="seconds a batch may take (default 600)")
    _wait_arguments(p, backoff=10.0, max_retry_after=300.0)
