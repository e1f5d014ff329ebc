"""Read side of the index: point lookups of normalised names, cached.

Why no name list in memory: the index holds ~700,000 keys; loading them per process would
cost seconds and hundreds of megabytes. A key lookup is one B-tree probe in SQLite (a few
microseconds) and the LRU cache keeps the names a corpus repeats (its countries, its cities,
the capitalised words of its boilerplate) in memory.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
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
# most populous ones (after countries, regions and curated entries) are the only ones with a
# chance, and a cap keeps scoring cheap.
MAX_CANDIDATES = 40

_SELECT = (
    "SELECT p.id, p.geonameid, p.name, p.country, p.admin1, p.parent, p.lat, p.lon,"
    " p.feature, p.population, p.capital, p.origin, p.alternates"
    " FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?"
    # Countries, regions and curated entries first: their population is often 0 and they
    # must never fall off the end of a long list of equally named villages.
    " ORDER BY (p.feature IN ('country', 'region') OR p.origin LIKE 'curated:%') DESC,"
    f" p.population DESC LIMIT {MAX_CANDIDATES}"
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
    #: Written by a person (our YAML or a user's), not derived from GeoNames: see
    #: :func:`is_curated` (a field, not a property: the scoring and acceptance steps ask it
    #: for every hit, and a property runs Python code each time).
    curated: bool

    @property
    def alternates(self) -> tuple[str, ...]:
        """Other names of the place (split lazily: most candidates are never reported)."""
        return _split(self.alternates_raw)


def is_curated(origin: str) -> bool:
    """Whether a row of this ``origin`` was written by a person (our YAML or a user's)."""
    return origin.startswith(("curated:", "user:"))


@lru_cache(maxsize=20_000)
def _split(raw: str) -> tuple[str, ...]:
    return tuple(a for a in raw.split(ALT_SEP) if a)


# Prior by feature type: a country or region name is rarely anything else, a village name
# often is (and small places share names far more than large ones).
FEATURE_PRIOR = {
    "country": 3.0,
    "region": 2.0,
    "site": 2.0,
    "route": 2.0,
    "area": 1.5,
    "city": 1.0,
    "village": 0.5,
}
# Curated entries were written for conflict reporting: when a conflict text says "Martuni",
# the Karabakh town is more likely than an equally named village elsewhere.
CURATED_BONUS = 2.0
# Seats of government are the default reading of a shared name ("Tripoli", "Beirut").
CAPITAL_BONUS = 1.0
# Weight of log10(population): 1,000,000 -> 4.8, 10,000 -> 3.2, 500 -> 2.2. Population is the
# classic tie-breaker; at 0.8 a city a hundred times larger outweighs a nearby namesake's
# proximity bonus ("New York" is not York, Nebraska, beside Lincoln) but not a country share.
POPULATION_WEIGHT = 0.8
# Regions and areas carry no population in our sources; a first-level region holds hundreds
# of thousands of people, so it is scored as if it had this many (else any village named
# "Nebraska" or "Antioquia" would outrank the region).
REGION_NOMINAL_POPULATION = 200_000


@lru_cache(maxsize=200_000)
def prior(cand: Candidate) -> float:
    """Context-free plausibility of a candidate; cached per (identity-hashed) candidate."""
    score = FEATURE_PRIOR.get(cand.feature, 1.0)
    if cand.curated:
        score += CURATED_BONUS
    if cand.capital:
        score += CAPITAL_BONUS
    people = cand.population
    if cand.feature in ("region", "area"):
        people = max(people, REGION_NOMINAL_POPULATION)
    return score + POPULATION_WEIGHT * math.log10(1 + max(0, people))


@lru_cache(maxsize=50_000)
def top_candidate(rows: tuple[Candidate, ...]) -> Candidate:
    """The most plausible candidate before context (cached per candidate tuple)."""
    return max(rows, key=prior)


class NameIndex:
    """Cached point lookups on one gazetteer file (read-only connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._conn = self._connect()
        self.lookup = lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup)
        self.max_words = lru_cache(maxsize=FIRST_TOKEN_CACHE_SIZE)(self._max_words)

    def _connect(self) -> sqlite3.Connection:
        conn = connect(self.path, readonly=True)
        conn.execute("PRAGMA query_only = 1")
        return conn

    def _query(self, sql: str, key: str) -> list[tuple[object, ...]]:
        """Run one lookup; safe across threads (one lock) and across fork (reconnects)."""
        with self._lock:
            if os.getpid() != self._pid:
                # A SQLite connection must not be shared with a forked child.
                self._pid = os.getpid()
                self._conn = self._connect()
            try:
                return self._conn.execute(sql, (key,)).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: gazetteer lookup failed: {exc}") from exc

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        rows = self._query(_SELECT, key)
        return tuple(
            Candidate(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                bool(r[10]),
                r[11],
                r[12],
                is_curated(r[11]),
            )
            for r in rows
        )

    def _max_words(self, first_word: str) -> int:
        """Longest key (in words) starting with ``first_word``; 0 when none does."""
        rows = self._query("SELECT max_words FROM first_token WHERE token = ?", first_word)
        return int(rows[0][0]) if rows else 0  # type: ignore[call-overload]

    def close(self) -> None:
        """Close the connection (the cached rows stay valid Python objects)."""
        with self._lock:
            self._conn.close()
