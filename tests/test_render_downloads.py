"""The published downloads load back into the same briefing."""
from __future__ import annotations

import csv
import io
import json

import jsonschema

from build_scripts.data.loading import LoadedFile
from build_scripts.data.validation import load_briefing, validate
from build_scripts.render.downloads import CSV_COLUMNS, briefing_json, events_csv, schema_json
from build_scripts.render.views import build_view

from .conftest import FIXTURES, ROOT


def test_json_download_round_trips_to_the_same_model():
    for folder in (ROOT / "data", FIXTURES / "hostile"):
        briefing = load_briefing(folder)
        document = json.loads(briefing_json(briefing))
        jsonschema.Draft202012Validator(json.loads(schema_json())).validate(document)
        again = validate([LoadedFile("downloads/briefing.json", document)], [])
        assert again == briefing


def test_events_csv_has_one_row_per_event_with_the_same_fields():
    briefing = load_briefing(ROOT / "data")
    events = build_view(briefing).events
    rows = list(csv.DictReader(io.StringIO(events_csv(events, build_view(briefing).origins_of))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [e.id for e in events]
    by_id = {e.id: e for e in events}
    for row in rows:
        event = by_id[row["id"]]
        assert row["title"] == event.title and row["summary"] == event.summary
        assert row["sources"].split(";") == list(event.sources)
        assert row["date"] == event.date.text and row["status"] == event.status.value


def test_csv_neutralises_spreadsheet_formulas():
    view = build_view(load_briefing(FIXTURES / "mini"))
    hostile = view.events[0].model_copy(update={"title": "=HYPERLINK(\"http://x\")"})
    row = next(csv.DictReader(io.StringIO(events_csv([hostile], view.origins_of))))
    assert row["title"] == "'=HYPERLINK(\"http://x\")"
