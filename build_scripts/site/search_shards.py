"""The search index in shards (search_index.py writes them, docs/assets/search.js searches them).

Pagefind scores every match of a query against every matching word of every
matching page (its cost grows with the square of the matches: seconds for a word in 10,000 events), so
above SHARD_SIZE dated facts they are split by date into shards of at most that many, each a "language"
of its own in the one bundle ("en", the page's language, the oldest; then en-x-s2, ...), which the box
searches together (merged by score) and, sorted by date, one after the other. The undated facts and
the prose pages (which a sort by date leaves out) are dealt to the shards in turn, so that each shard
holds a like share of every kind and a word weighs about the same in each (Pagefind's scores count a
word's pages in its own shard). A small briefing is one shard, "en".
"""
from __future__ import annotations

from typing import Protocol, Sequence

SHARD_SIZE = 4000
PRIMARY = "en"


class Dated(Protocol):
    """A search record, as far as its shard goes."""

    @property
    def url(self) -> str: ...

    @property
    def sort_date(self) -> str: ...


def shards(facts: Sequence[Dated], prose: int = 0) -> list[str]:
    """The shard of the index (see SHARD_SIZE) of each record, then of each of the prose pages."""
    dated = sorted((i for i, r in enumerate(facts) if r.sort_date), key=lambda i: (facts[i].sort_date, facts[i].url))
    count = max(1, -(-len(dated) // SHARD_SIZE))
    size = -(-len(dated) // count)
    number = [0] * (len(facts) + prose)
    for rank, i in enumerate(dated):
        number[i] = rank // size
    undated = [i for i, r in enumerate(facts) if not r.sort_date] + list(range(len(facts), len(facts) + prose))
    for turn, i in enumerate(undated):
        number[i] = turn % count
    return [PRIMARY if n == 0 else f"{PRIMARY}-x-s{n + 1}" for n in number]
