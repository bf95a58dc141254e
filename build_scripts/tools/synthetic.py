"""A deterministic synthetic briefing (fixed seed) of any size, valid against the real schema,
with realistic text lengths: the benchmark's input. Invented data, for measuring only."""
from __future__ import annotations

import bisect
import random
from datetime import date, timedelta
from pathlib import Path

import yaml

from build_scripts.data.model import Status, Tone

THEMES = ["investment", "compute", "model-access", "agi", "governance", "restructuring", "talent",
          "competition", "regulation", "litigation", "relationship"]
WORDS = ("partnership compute capacity model access agreement investment board cloud licence revenue "
         "share restructuring talks regulator review training research product launch data centre "
         "chips contract clause stake valuation negotiation deal exclusive rights supply rival").split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _day(rng: random.Random, start: date, span_days: int) -> date:
    return start + timedelta(days=rng.randrange(span_days))


def _reporting(rng: random.Random, by_date: list[dict], dates: list[str], day: date) -> list[str]:
    """Two sources dated on or soon after the event, as real reporting would be."""
    first = min(bisect.bisect_left(dates, day.isoformat()), len(by_date) - 2)
    return [s["id"] for s in rng.sample(by_date[first:first + 12], 2)]


def synthetic_briefing(events: int, entities: int, seed: int = 42) -> dict:
    rng = random.Random(seed)
    start, span, lag = date(2000, 1, 1), 9000, 60  # sources report events up to `lag` days later
    as_of = start + timedelta(days=span + lag + 1)
    n_sources = max(2, events // 2)
    sources = [{
        "id": f"source-{i:05d}", "outlet": f"Outlet {i % 40}", "title": _sentence(rng, 8),
        "date": _day(rng, start, span + lag).isoformat(), "url": f"https://example.com/news/{i:05d}",
    } for i in range(n_sources)]
    by_date = sorted(sources, key=lambda s: s["date"])
    dates = [s["date"] for s in by_date]
    n_orgs = max(2, entities // 3)
    orgs = [{"id": f"org-{i:04d}", "name": f"Organisation {i}", "kind": "company",
             "description": _sentence(rng, 14), "sources": [sources[i % n_sources]["id"]]} for i in range(n_orgs)]
    people = [{"id": f"person-{i:04d}", "name": f"Person {i}", "role": _sentence(rng, 6),
               "organisations": [orgs[i % n_orgs]["id"]], "sources": [sources[i % n_sources]["id"]]}
              for i in range(max(1, entities - n_orgs))]
    actor_ids = [o["id"] for o in orgs] + [p["id"] for p in people]
    themes, statuses, tones = THEMES, [s.value for s in Status], [t.value for t in Tone]
    event_items = []
    for i in range(events):
        day = _day(rng, start, span)
        item = {
            "id": f"{day.year}-event-{i:05d}", "date": day.isoformat(), "title": _sentence(rng, 9)[:-1],
            "summary": _sentence(rng, 45), "actors": rng.sample(actor_ids, min(3, len(actor_ids))),
            "themes": rng.sample(themes, 2), "tone": rng.choice(tones), "status": rng.choice(statuses),
            "sources": _reporting(rng, by_date, dates, day),
        }
        outlets = {sources[int(sid[-5:])]["outlet"] for sid in item["sources"]}
        if item["status"] == "confirmed" and len(outlets) < 2:  # the status rules hold in synthetic data too
            item["status"] = "single-source"
        if i % 10 == 0:
            item["amounts"] = [{"value": rng.choice([5e8, 1e9, 2.5e9, 1e10, 1e11]), "currency": "USD", "label": "investment"}]
        event_items.append(item)
    event_ids = [e["id"] for e in event_items]
    claims = [{"id": f"claim-{i}", "text": _sentence(rng, 16), "reported_by": sources[0]["id"],
               "reported_on": sources[0]["date"][:7], "attribution": "citing people familiar with the matter",
               "status": "anonymous", "sources": [sources[0]["id"]], "events": event_ids[:2]} for i in range(5)]
    conflicts = [{"id": f"conflict-{i}", "title": f"Conflict {i}", "summary": _sentence(rng, 30),
                  "positions": [{"party": orgs[0]["id"], "position": _sentence(rng, 20), "sources": [sources[0]["id"]],
                                 "events": event_ids[:1]},
                                {"party": orgs[1]["id"], "position": _sentence(rng, 20), "sources": [sources[1]["id"]],
                                 "events": event_ids[1:2]}],
                  "events": rng.sample(event_ids, min(20, len(event_ids))), "claims": ["claim-0"],
                  "last_reviewed": as_of.isoformat()} for i in range(3)]
    leverage = [{"id": f"lever-{i}", "holder": orgs[0]["id"], "over": orgs[1]["id"], "title": f"Lever {i}",
                 "summary": _sentence(rng, 20), "status": "single-source", "sources": [sources[0]["id"]],
                 "last_reviewed": as_of.isoformat()} for i in range(3)]
    quotes = [{"id": f"quote-{i:04d}", "speaker": people[i % len(people)]["id"], "text": _sentence(rng, 10),
               "date": event_items[i]["date"], "context": _sentence(rng, 6)[:-1],
               "source": event_items[i]["sources"][0]} for i in range(max(1, events // 20))]
    relationships = [{"from": orgs[i]["id"], "to": orgs[(i + 1) % n_orgs]["id"], "kind": "partners-with",
                      "note": _sentence(rng, 6), "sources": [sources[i % n_sources]["id"]]} for i in range(min(n_orgs, 30))]
    return {
        "briefing": {"title": f"Synthetic briefing, {events} events", "description": "Benchmark data.",
                     "as_of": as_of.isoformat(), "last_reviewed": as_of.isoformat(),
                     "codebook": {"themes": [{"id": t, "label": t.replace("-", " ").capitalize(),
                                              "definition": _sentence(rng, 12), "apply_when": _sentence(rng, 12)}
                                             for t in themes],
                                  "relations": [{"id": "partners-with", "label": "partners with",
                                                 "definition": _sentence(rng, 10), "apply_when": _sentence(rng, 10)}]},
                     "seed_source": sources[0]["id"], "summary": _sentence(rng, 60),
                     "summary_events": event_ids[:3], "takeaways": [{"text": _sentence(rng, 25), "events": event_ids[:2]}]},
        "sources": sources, "organisations": orgs, "people": people, "events": event_items, "claims": claims,
        "conflicts": conflicts, "leverage": leverage, "quotes": quotes, "relationships": relationships,
    }


def write_synthetic(folder: Path, events: int, entities: int, seed: int = 42) -> None:
    """Write the briefing as several files, the way editors split a large one."""
    data = synthetic_briefing(events, entities, seed)
    folder.mkdir(parents=True, exist_ok=True)
    events_part = data.pop("events")
    (folder / "briefing.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120))
    chunk = 2000
    for index in range(0, len(events_part), chunk):
        part = {"events": events_part[index:index + chunk]}
        (folder / f"events-{index // chunk:02d}.yaml").write_text(yaml.safe_dump(part, sort_keys=False, width=120))
