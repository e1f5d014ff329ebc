"""Read side of the index: point lookups of normalised names, cached.

Why no name list in memory: the index holds ~700,000 keys; loading them per process would
cost seconds and hundreds of megabytes. A key lookup is one B-tree probe in SQLite (a few
microseconds) and the LRU cache keeps the names a corpus repeats (its countries, its cities,
the capitalised words of its boilerplate) in memory.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from harmwatch.errors import StoreError
from harmwatch.extract.places.schema import ALT_SEP, connect

log = logging.getLogger(__name__)

# Distinct keys remembered per open gazetteer. A key's entry is a few hundred bytes, so
# 100,000 keys stay within ~30 MB while covering every capitalised word of a large corpus.
LOOKUP_CACHE_SIZE = 100_000
# First words remembered (with the longest key they start), same reasoning.
FIRST_TOKEN_CACHE_SIZE = 200_000
# Most candidate rows returned for one key: "San Antonio" or "Victoria" name 50+ places; the
# most populous ones are the only ones with a chance, and a cap keeps scoring cheap.
MAX_CANDIDATES = 40

_SELECT = (
    "SELECT p.id, p.geonameid, p.name, p.country, p.admin1, p.parent, p.lat, p.lon,"
    " p.feature, p.population, p.capital, p.origin, p.alternates"
    " FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?"
    f" ORDER BY p.population DESC LIMIT {MAX_CANDIDATES}"
)


@dataclass(frozen=True, slots=True, eq=False)
class Candidate:
    """One place a name may refer to (identity-hashed: lookups return cached instances)."""

    id: int
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    parent: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int
    capital: bool
    origin: str
    alternates_raw: str

    @property
    def curated(self) -> bool:
        """Written by a person (our YAML or a user's), not derived from GeoNames."""
        return self.origin.startswith(("curated:", "user:"))

    @property
    def alternates(self) -> tuple[str, ...]:
        """Other names of the place (split lazily: most candidates are never reported)."""
        return _split(self.alternates_raw)


@lru_cache(maxsize=20_000)
def _split(raw: str) -> tuple[str, ...]:
    return tuple(a for a in raw.split(ALT_SEP) if a)


class NameIndex:
    """Cached point lookups on one gazetteer file (read-only connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn = connect(path, readonly=True)
        self._conn.execute("PRAGMA query_only = 1")
        self.lookup = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup)
        self.max_words = lru_cache(maxsize=FIRST_TOKEN_CACHE_SIZE)(self._max_words)

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        try:
            rows = self._conn.execute(_SELECT, (key,)).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: gazetteer lookup failed: {exc}") from exc
        return tuple(
            Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], bool(r[10]),
                      r[11], r[12])
            for r in rows
        )

    def _max_words(self, first_word: str) -> int:
        """Longest key (in words) starting with ``first_word``; 0 when none does."""
        try:
            row = self._conn.execute(
                "SELECT max_words FROM first_token WHERE token = ?", (first_word,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: gazetteer lookup failed: {exc}") from exc
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close the connection (the cached rows stay valid Python objects)."""
        self._conn.close()
