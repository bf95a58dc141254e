"""Command line: `python -m build_scripts check|build|site|schema|diff|new|migrate|links|archive`."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from build_scripts import pipeline as build
from build_scripts.config import BuildConfig, build_date_from_env, data_dir_from_env, date_of_epoch, epoch_for_engine
from build_scripts.data.acknowledgements import report_json
from build_scripts.effects.git_history import commit_time
from build_scripts.effects.writing import swap_in_directory, write_file, write_tree
from build_scripts.errors import DataError
from build_scripts.links.network_commands import add_network_commands
from build_scripts.logs import log_report, messages_on_stderr
from build_scripts.session import SESSION_KEY, BuildSession

ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _data_dir(args) -> Path:
    return Path(args.data).resolve() if args.data else data_dir_from_env(ROOT)


def _label(args) -> str:
    """How problems name the data folder: as the editor gave it (`--data briefings/eu-ai-act`)."""
    return os.path.normpath(args.data) if args.data else _data_dir(args).name


def _session(args, **options) -> BuildSession:
    """The one build session of this command."""
    return BuildSession(BuildConfig(data_dir=_data_dir(args), label=_label(args), **options))


def cmd_check(args) -> int:
    started = time.perf_counter()
    session = _session(args, static_charts=False, bundle=False)
    try:
        output = session.generate()
    except DataError as err:
        if args.format != "json":
            raise
        print(json.dumps(report_json(err.problems, [], []), indent=1))
        return 1
    report = session.report()  # the same reading of the data: nothing is read or validated again
    if args.format == "json":
        print(json.dumps(report_json([], report.warnings, report.acknowledged), indent=1))
        return _strict(args, report)
    log_report(report)
    b = output.briefing
    print(f"OK: {len(b.events)} events, {len(b.sources)} sources, {len(b.people)} people, "
          f"{len(b.organisations)} organisations, {len(b.claims)} claims, {len(output.pages)} pages "
          f"({time.perf_counter() - started:.2f} s); {len(report.warnings)} warnings "
          f"({len(report.acknowledged)} more acknowledged), {len(report.drafts)} drafts")
    return _strict(args, report)


def _strict(args, report) -> int:
    """STRICT=1 (--strict): unacknowledged warnings fail the command."""
    if args.strict and report.warnings:
        n = len(report.warnings)
        print(f"Strict: {n} unacknowledged warning{'s' if n != 1 else ''}; fix {'them' if n != 1 else 'it'} or "
              "acknowledge on the item with a reason (docs/editors.md#acknowledging-a-warning)", file=sys.stderr)
        return 1
    return 0


def cmd_build(args) -> int:
    started = time.perf_counter()
    output = _session(args).generate()
    report = write_tree(output.plan, Path(args.out))
    print(f"{len(report.written)} written, {report.unchanged} unchanged, {len(report.removed)} removed "
          f"in {args.out} ({time.perf_counter() - started:.2f} s)")
    return 0


ENGINES = ("mkdocs", "properdocs")


def _engine(name: str):
    """The engine's (load_config, build). ProperDocs, the maintained MkDocs 1.x fork, serves every
    `mkdocs.*` import (Material's and our hook's) from its own modules once `properdocs.replacement`
    is imported, so the same mkdocs.yml, theme and hook build the same site."""
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401
        from properdocs.commands.build import build as engine_build
        from properdocs.config import load_config
    else:
        from mkdocs.commands.build import build as engine_build
        from mkdocs.config import load_config
    return load_config, engine_build


def _engine_aborts(name: str) -> tuple[type, ...]:
    """The engine's own ways of stopping a build with a message (a plugin's error, a strict warning)."""
    if name == "properdocs":
        from properdocs.exceptions import MkDocsException
    else:
        from mkdocs.exceptions import MkDocsException
    return (MkDocsException,)


def cmd_site(args) -> int:
    """Check the data, build the site into a temporary folder, and swap it in only on success."""
    load_config, engine_build = _engine(args.engine)
    epoch = epoch_for_engine(commit_time(ROOT))  # MkDocs dates the sitemap from it too
    session = _session(args, build_date=date_of_epoch(epoch))
    log_report(session.report())  # fail fast, with every problem, before MkDocs
    if _strict(args, session.report()):
        return 1
    target = Path(args.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*"):  # left by an interrupted build
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(staging), strict=True)
        config[SESSION_KEY] = session  # the hook builds this session's data, reusing its reading of it
        _say_if_local(config.site_url or "")
        engine_build(config)
    except BaseException as err:  # MkDocs aborts with SystemExit, Abort or PluginError (data errors among them)
        shutil.rmtree(staging, ignore_errors=True)
        if not isinstance(err, (SystemExit, KeyboardInterrupt, _engine_aborts(args.engine))):
            traceback.print_exc()  # not a data error: keep the traceback, it is a bug to report
        print(f"Site build failed; {target} was left as it was.\n{err}", file=sys.stderr)
        return 1
    swap_in_directory(staging, target)
    print(f"Site built into {target}")
    return 0


def _say_if_local(site_url: str) -> None:
    """Once per build: a site whose links point to this machine is for previewing, not for publishing."""
    if urlsplit(site_url).hostname in LOCAL_HOSTS:
        print(f"note: links in the feed, canonical addresses and sitemap point to a local address ({site_url}); "
              "set SITE_URL to the published address to build a site to deploy.", file=sys.stderr)


def cmd_schema(args) -> int:
    from build_scripts.data.schema import schema_text

    text = schema_text()
    if args.out:
        write_file(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_diff(args) -> int:
    """What changed in the briefing between two git revisions, as Markdown (for a PR's job summary)."""
    from build_scripts.effects.git_history import load_briefing_at
    from build_scripts.history.diffing import compare, format_markdown

    repo = Path(args.repo).resolve()
    data = os.path.relpath(_data_dir(args), repo) if args.data else "data"
    versions = []
    for revision in (args.base, args.head):
        try:
            versions.append(load_briefing_at(repo, revision, data))
        except DataError as err:
            print(f"## What changed in the briefing\n\nThe data at `{revision}` could not be loaded:\n\n"
                  f"```\n{err}\n```")
            return 0 if revision == args.base else 1
    old, new = versions
    title = f"What changed in the briefing ({args.base[:10]}..{args.head[:10]})"
    print(format_markdown(compare(old, new), old, new, title))
    return 0


def cmd_new(args) -> int:
    """A minimal briefing to start from: it passes `check` as it is."""
    from build_scripts.data.scaffold import ScaffoldRefused, write_scaffold

    try:
        written = write_scaffold(Path(args.folder), build_date_from_env())
    except ScaffoldRefused as err:
        print(err, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"Next: make check DATA={args.folder}, "
          f"then make site DATA={args.folder} SITE_DIR=site-{Path(args.folder).name}")
    return 0


def cmd_migrate(args) -> int:
    """Bring the data folder forward to today's schema, in place; print what changed."""
    from build_scripts.data.migrating import migrate_folder, write_migrated

    migrated = migrate_folder(_data_dir(args), _label(args))
    write_migrated(migrated)
    for item in migrated:
        print("\n".join(item.changes))
    if not migrated:
        print("Nothing to migrate: the data is written for today's schema.")
        return 0
    print(f"{sum(len(m.changes) for m in migrated)} changes in {len(migrated)} files. Next: make check"
          f"{'' if _label(args) == 'data' else ' DATA=' + _label(args)} lists each TODO left for you to answer.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    parser.add_argument("--data", help="data folder (default: $BRIEFING_DATA or data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="validate the data; print every problem")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="json: errors, warnings and acknowledged warnings, for a machine (CI compares two)")
    p.add_argument("--strict", action="store_true", help="fail on unacknowledged warnings (make check STRICT=1)")
    p = sub.add_parser("build", help="write the generated Markdown pages to a folder")
    p.add_argument("--out", default="build/generated")
    p = sub.add_parser("site", help="check, build the whole site, swap it in only on success")
    p.add_argument("--site-dir", default=str(ROOT / "site"))
    p.add_argument("--engine", choices=ENGINES, default="mkdocs",
                   help="mkdocs (default), or properdocs, the maintained MkDocs 1.x fork (see README)")
    p.add_argument("--strict", action="store_true", help="fail on unacknowledged warnings (make site STRICT=1)")
    p = sub.add_parser("schema", help="print (or write) the JSON Schema of the data files")
    p.add_argument("--out")
    p = sub.add_parser("diff", help="what changed in the briefing between two git revisions (Markdown)")
    p.add_argument("base")
    p.add_argument("head", nargs="?", default="HEAD")
    p.add_argument("--repo", default=str(ROOT), help="the git repository (default: this project)")
    sub.add_parser("migrate", help="bring data written for an older schema forward, in place")
    p = sub.add_parser("new", help="write a minimal, valid briefing into a new folder")
    p.add_argument("folder")
    network = add_network_commands(sub)
    args = parser.parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": cmd_check, "build": cmd_build, "site": cmd_site, "schema": cmd_schema, "diff": cmd_diff,
        "new": cmd_new, "migrate": cmd_migrate, **network}
    handler = handlers[args.command]
    try:
        # data warnings as `warning: file:line:col: ...`, the site engine's as it prints them
        with messages_on_stderr():
            return handler(args)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    except build.MissingTool as err:
        print(err, file=sys.stderr)
        return 1
