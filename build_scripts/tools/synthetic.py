"""A deterministic synthetic briefing (fixed seed) of any size, valid against the real schema,
with realistic text lengths: the benchmark's input. Invented data, for measuring only."""
from __future__ import annotations

import bisect
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from build_scripts.data.migrations import CURRENT
from build_scripts.data.model import Status, Tone

THEMES = ("investment", "compute", "model-access", "agi", "governance", "restructuring", "talent",
          "competition", "regulation", "litigation", "relationship")
WORDS = tuple(("partnership compute capacity model access agreement investment board cloud licence revenue "
               "share restructuring talks regulator review training research product launch data centre "
               "chips contract clause stake valuation negotiation deal exclusive rights supply rival").split())


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _day(rng: random.Random, start: date, span_days: int) -> date:
    return start + timedelta(days=rng.randrange(span_days))


def _reporting(rng: random.Random, by_date: list[dict], dates: list[str], day: date) -> list[str]:
    """Two sources dated on or soon after the event, as real reporting would be."""
    first = min(bisect.bisect_left(dates, day.isoformat()), len(by_date) - 2)
    return [s["id"] for s in rng.sample(by_date[first:first + 12], 2)]


START, SPAN, LAG = date(2000, 1, 1), 9000, 60  # events over SPAN days; sources report them up to LAG days later


def synthetic_briefing(events: int, entities: int, seed: int = 42, passages: bool = True) -> dict:
    """The whole briefing, one part after another from one random stream (the order of the draws is
    the data: the same seed gives the same briefing, byte for byte once written); passages=False leaves
    every citation a bare id (to measure what passages cost)."""
    rng = random.Random(seed)
    as_of = (START + timedelta(days=SPAN + LAG + 1)).isoformat()
    sources = _sources(rng, max(2, events // 2))
    orgs, people = _entities(rng, entities, sources)
    event_items = _events(rng, events, sources, [o["id"] for o in orgs] + [p["id"] for p in people])
    event_ids = [e["id"] for e in event_items]
    parts = {
        "claims": _claims(rng, sources, event_ids),
        "conflicts": _conflicts(rng, orgs, sources, event_ids, as_of),
        "leverage": _leverage(rng, orgs, sources, as_of),
        "quotes": _quotes(rng, people, event_items),
        "relationships": _relationships(rng, orgs, sources),
    }
    data = {"briefing": _info(rng, events, as_of, sources, event_ids), "sources": sources, "organisations": orgs,
            "people": people, "events": event_items, **parts}
    return with_passages(rng, data) if passages else data


def _cite(rng: random.Random, source_id: str) -> dict:
    """A citation with the passage behind it: 20 to 45 words, as real passages run (the limit is 60)."""
    return {"source": source_id, "passage": _sentence(rng, rng.randint(20, 45))}


def with_passages(rng: random.Random, data: dict) -> dict:
    """Every citation given a passage (drawn after everything else, so the rest of the data is unchanged)."""
    for name in ("organisations", "people", "events", "claims", "leverage", "relationships"):
        for item in data[name]:
            item["sources"] = [_cite(rng, sid) for sid in item["sources"]]
    for conflict in data["conflicts"]:
        for position in conflict["positions"]:
            position["sources"] = [_cite(rng, sid) for sid in position["sources"]]
    for quote in data["quotes"]:
        quote["source"] = _cite(rng, quote["source"])
    return data


def _sources(rng: random.Random, count: int) -> list[dict]:
    return [{
        "id": f"source-{i:05d}", "outlet": f"Outlet {i % 40}", "title": _sentence(rng, 8),
        "date": _day(rng, START, SPAN + LAG).isoformat(), "url": f"https://example.com/news/{i:05d}",
    } for i in range(count)]


def _entities(rng: random.Random, entities: int, sources: list[dict]) -> tuple[list[dict], list[dict]]:
    """Organisations (a third) and people, each citing one source."""
    n_orgs, n_sources = max(2, entities // 3), len(sources)
    orgs = [{"id": f"org-{i:04d}", "name": f"Organisation {i}", "kind": "company",
             "description": _sentence(rng, 14), "sources": [sources[i % n_sources]["id"]]} for i in range(n_orgs)]
    people = [{"id": f"person-{i:04d}", "name": f"Person {i}", "role": _sentence(rng, 6),
               "organisations": [orgs[i % n_orgs]["id"]], "sources": [sources[i % n_sources]["id"]]}
              for i in range(max(1, entities - n_orgs))]
    return orgs, people


def _events(rng: random.Random, count: int, sources: list[dict], actor_ids: list[str]) -> list[dict]:
    by_date = sorted(sources, key=lambda s: s["date"])
    dates = [s["date"] for s in by_date]
    return [_event(rng, i, sources, by_date, dates, actor_ids) for i in range(count)]


def _event(rng: random.Random, i: int, sources: list[dict], by_date: list[dict], dates: list[str],
           actor_ids: list[str]) -> dict:
    day = _day(rng, START, SPAN)
    item: dict[str, Any] = {
        "id": f"{day.year}-event-{i:05d}", "date": day.isoformat(), "title": _sentence(rng, 9)[:-1],
        "summary": _sentence(rng, 45), "actors": rng.sample(actor_ids, min(3, len(actor_ids))),
        "themes": rng.sample(THEMES, 2), "tone": rng.choice([t.value for t in Tone]),
        "status": rng.choice([s.value for s in Status]), "sources": _reporting(rng, by_date, dates, day),
    }
    outlets = {sources[int(sid[-5:])]["outlet"] for sid in item["sources"]}
    if item["status"] == "confirmed" and len(outlets) < 2:  # the status rules hold in synthetic data too
        item["status"] = "single-source"
    if i % 10 == 0:
        item["amounts"] = [{"value": rng.choice([5e8, 1e9, 2.5e9, 1e10, 1e11]), "currency": "USD",
                            "label": "investment"}]
    return item


def _claims(rng: random.Random, sources: list[dict], event_ids: list[str]) -> list[dict]:
    return [{"id": f"claim-{i}", "text": _sentence(rng, 16), "reported_by": sources[0]["id"],
             "reported_on": sources[0]["date"][:7], "attribution": "citing people familiar with the matter",
             "status": "anonymous", "sources": [sources[0]["id"]], "events": event_ids[:2]} for i in range(5)]


def _conflicts(rng: random.Random, orgs: list[dict], sources: list[dict], event_ids: list[str],
               as_of: str) -> list[dict]:
    return [{"id": f"conflict-{i}", "title": f"Conflict {i}", "summary": _sentence(rng, 30),
             "positions": [{"party": orgs[0]["id"], "position": _sentence(rng, 20), "sources": [sources[0]["id"]],
                            "events": event_ids[:1]},
                           {"party": orgs[1]["id"], "position": _sentence(rng, 20), "sources": [sources[1]["id"]],
                            "events": event_ids[1:2]}],
             "events": rng.sample(event_ids, min(20, len(event_ids))), "claims": ["claim-0"],
             "last_reviewed": as_of} for i in range(3)]


def _leverage(rng: random.Random, orgs: list[dict], sources: list[dict], as_of: str) -> list[dict]:
    return [{"id": f"lever-{i}", "holder": orgs[0]["id"], "over": orgs[1]["id"], "title": f"Lever {i}",
             "summary": _sentence(rng, 20), "status": "single-source", "sources": [sources[0]["id"]],
             "last_reviewed": as_of} for i in range(3)]


def _quotes(rng: random.Random, people: list[dict], event_items: list[dict]) -> list[dict]:
    return [{"id": f"quote-{i:04d}", "speaker": people[i % len(people)]["id"], "text": _sentence(rng, 10),
             "date": event_items[i]["date"], "context": _sentence(rng, 6)[:-1],
             "source": event_items[i]["sources"][0]} for i in range(max(1, len(event_items) // 20))]


def _relationships(rng: random.Random, orgs: list[dict], sources: list[dict]) -> list[dict]:
    return [{"from": orgs[i]["id"], "to": orgs[(i + 1) % len(orgs)]["id"], "kind": "partners-with",
             "note": _sentence(rng, 6), "sources": [sources[i % len(sources)]["id"]]}
            for i in range(min(len(orgs), 30))]


def _info(rng: random.Random, events: int, as_of: str, sources: list[dict], event_ids: list[str]) -> dict:
    """The briefing block (drawn last, though it comes first in the file)."""
    codebook = {"themes": [{"id": t, "label": t.replace("-", " ").capitalize(),
                            "definition": _sentence(rng, 12), "apply_when": _sentence(rng, 12)} for t in THEMES],
                "relations": [{"id": "partners-with", "label": "partners with",
                               "definition": _sentence(rng, 10), "apply_when": _sentence(rng, 10)}]}
    return {"schema_version": CURRENT,  # as `make new` writes it: data of today's schema
            "title": f"Synthetic briefing, {events} events", "description": "Benchmark data.",
            "as_of": as_of, "last_reviewed": as_of, "codebook": codebook,
            "seed_source": sources[0]["id"], "summary": _sentence(rng, 60),
            "summary_events": event_ids[:3], "takeaways": [{"text": _sentence(rng, 25), "events": event_ids[:2]}]}


def write_synthetic(folder: Path, events: int, entities: int, seed: int = 42, passages: bool = True) -> None:
    """Write the briefing as several files, the way editors split a large one."""
    data = synthetic_briefing(events, entities, seed, passages)
    folder.mkdir(parents=True, exist_ok=True)
    events_part = data.pop("events")
    (folder / "briefing.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120))
    chunk = 2000
    for index in range(0, len(events_part), chunk):
        part = {"events": events_part[index:index + chunk]}
        (folder / f"events-{index // chunk:02d}.yaml").write_text(yaml.safe_dump(part, sort_keys=False, width=120))
