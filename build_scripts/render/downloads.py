"""Data downloads published with the site (pure): the validated briefing as JSON (the same shape as
the data files, so it validates against the schema and loads back), the schema, and events as CSV."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from build_scripts.asset_paths import BRIEFING_JSON, BRIEFING_SCHEMA, EVENTS_CSV, PROVENANCE_JSON
from build_scripts.data.model import COLLECTIONS, Briefing, Event
from build_scripts.data.schema import schema_text
from build_scripts.render.citations import cited
from build_scripts.reuse import ObjectMemo

CSV_COLUMNS = ("id", "date", "until", "precision", "start", "end", "title", "summary", "actors", "themes", "tone",
               "status", "status_note", "sources", "amounts", "independent_origins")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class DownloadCache:
    """What the downloads keep for the next run of a build session: each unchanged item's JSON and
    each unchanged event's CSV row."""

    item_json: ObjectMemo[str] = field(default_factory=ObjectMemo)
    event_row: ObjectMemo[list] = field(default_factory=ObjectMemo)

    def new_run(self) -> None:
        self.item_json.new_run()
        self.event_row.new_run()


def briefing_json(briefing: Briefing, memo: ObjectMemo | None = None) -> str:
    """The briefing in the shape of a data file ({"briefing": ..., "sources": [...], ...}), written by
    pydantic's compiled JSON writer: one line per item, so the file diffs well and is quick to make."""
    memo = memo if memo is not None else ObjectMemo()  # the session's, to reuse unchanged items' JSON
    parts = [f'"briefing":{memo.get(briefing.info, _item_json)}']
    for name in COLLECTIONS:
        items = ",\n".join(memo.get(item, _item_json) for item in getattr(briefing, name))
        parts.append(f'"{name}":[\n{items}\n]' if items else f'"{name}":[]')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _item_json(item: BaseModel) -> str:
    """An item as in a data file; its corrections only when it has some (most items have none)."""
    exclude = {"corrections"} if not getattr(item, "corrections", None) else None
    return item.model_dump_json(by_alias=True, exclude_none=True, exclude=exclude)


def schema_json() -> str:
    return schema_text()


def _cell(value: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _event_row(event: Event) -> list[str]:
    """An event's row but its last cell (its independent origins, which depend on other sources too)."""
    end = (event.until or event.date).end
    amounts = "; ".join(f"{a.value:.0f} {a.currency} {a.label}" for a in event.amounts)
    return [_cell(v) for v in (
        event.id, event.date.text, event.until.text if event.until else "", event.date.precision,
        event.date.start.isoformat(), end.isoformat(), event.title, event.summary, ";".join(event.actors),
        ";".join(event.themes), event.tone.value, event.status.value, event.status_note or "",
        ";".join(event.sources), amounts)]


def events_csv(events, origins_of: Callable[[Sequence[str]], Sequence[str]], memo: ObjectMemo | None = None) -> str:
    """origins_of: the independent origins behind some sources (BriefingView.origins_of)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    memo = memo if memo is not None else ObjectMemo()
    for event in events:
        origins = _cell(";".join(origins_of(event.sources)))
        writer.writerow([*memo.get(event, _event_row), origins])
    return out.getvalue()


def provenance_json(briefing: Briefing, view) -> str:
    """What the build computed about the evidence: the briefing's coverage and review dates, each sourced
    item's independent origins and citations (the passage behind each, where it was read, or why there
    is none), and the weakest status under each piece of prose that rests on events alone (the summary,
    the takeaways)."""
    info = briefing.info
    sources = view.sources

    def about(entries) -> dict:
        return {"independent_origins": list(view.origins_of(entries)),
                "citations": [citation_record(entry, sources) for entry in entries]}

    items = [{"collection": name, "id": item.id, "status": item.status.value, **about(item.sources)}
             for name in ("events", "claims", "leverage") for item in getattr(briefing, name)]
    items += [{"collection": "quotes", "id": q.id, **about([q.source])} for q in briefing.quotes]
    items += [{"collection": "relationships", "index": n, **about(r.sources)}
              for n, r in enumerate(briefing.relationships)]
    items += [{"collection": "conflicts", "id": c.id, "position": n, **about(p.sources)}
              for c in briefing.conflicts for n, p in enumerate(c.positions)]
    prose = [("summary", info.summary_events)] + [(f"takeaways[{n}]", t.events) for n, t in enumerate(info.takeaways)]
    # positions and leverage items rest on their own sources (listed under items); their events are related
    rests_on = [{"text": where, "events": list(ids), "weakest_status": view.weakest_event(ids).status.value}
                for where, ids in prose]
    document = {"covers_events_to": info.as_of.text, "last_reviewed": info.last_reviewed.text,
                "review_window_days": info.review_window_days, "items": items, "prose": rests_on,
                "corrections": corrections_record(briefing, view)}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def corrections_record(briefing: Briefing, view) -> list[dict]:
    """Every correction, with what the corrected fields said before where the data's history has it."""
    out = []
    for name in COLLECTIONS:
        for item in getattr(briefing, name):
            for index, correction in enumerate(getattr(item, "corrections", ())):
                earlier = view.editing.earlier.get((name, item.id, index), ())
                out.append({"collection": name, "id": item.id, "date": correction.date.text, "note": correction.note,
                            "before": {e.field: e.value for e in earlier}})
    return out


def citation_record(entry, sources) -> dict[str, str]:
    """A citation as the provenance file gives it: the source, and the passage with where it was read
    (the default filled in), or why no passage was recorded."""
    citation = cited(entry, sources)
    record = {"source": citation.source}
    if citation.passage:
        record.update(passage=citation.passage, read_in=citation.read_in)
    elif citation.no_passage:
        record["no_passage"] = citation.no_passage
    if citation.note:
        record["note"] = citation.note
    return record


def download_files(briefing: Briefing, view, cache: DownloadCache | None = None) -> dict[str, str]:
    cache = cache if cache is not None else DownloadCache()
    return {BRIEFING_JSON: briefing_json(briefing, cache.item_json), BRIEFING_SCHEMA: schema_json(),
            EVENTS_CSV: events_csv(view.events, view.origins_of, cache.event_row),
            PROVENANCE_JSON: provenance_json(briefing, view)}
