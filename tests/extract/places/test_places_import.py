"""GeoNames dump and YAML imports: idempotent, tolerant of bad lines, kept across rebuilds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from harmwatch.errors import MalformedInput, UnreadableSource
from harmwatch.extract.places import (
    Gazetteer,
    ensure_built,
    import_geonames_dump,
    import_yaml,
)
from harmwatch.extract.places.imports import parse_geonames_line
from harmwatch.extract.places.schema import stored_build_version


def row(*cols: str) -> str:
    return "\t".join(cols)


GOOD = row(
    "9000001",
    "Testavan",
    "Testavan",
    "Testavan,Теставан,Test-avan",
    "40.1",
    "44.5",
    "P",
    "PPL",
    "AM",
    "",
    "01",
    "",
    "",
    "",
    "1200",
    "",
    "1000",
    "Asia/Yerevan",
    "2024-01-01",
)
CHURCH = row(
    "9000002",
    "Surb Testa Church",
    "Surb Testa Church",
    "",
    "40.2",
    "44.6",
    "S",
    "CH",
    "AM",
    "",
    "01",
    "",
    "",
    "",
    "0",
    "",
    "1000",
    "Asia/Yerevan",
    "2024-01-01",
)
# An existing curated place (Goris): the import may add names, never replace curated ones.
GORIS = row(
    "174895",
    "Goris",
    "Goris",
    "Gorisavan",
    "39.51",
    "46.34",
    "P",
    "PPLA",
    "AM",
    "",
    "08",
    "",
    "",
    "",
    "20000",
    "",
    "1400",
    "Asia/Yerevan",
    "2024-01-01",
)
UNDERSEA = row(
    "9000003",
    "Deep",
    "Deep",
    "",
    "10",
    "10",
    "U",
    "TRGH",
    "",
    "",
    "",
    "",
    "",
    "",
    "0",
    "",
    "",
    "",
    "2024-01-01",
)
SHORT = "9000004\tBroken\t40.0"
BAD_LAT = row(
    "9000005",
    "Nowhere",
    "Nowhere",
    "",
    "north",
    "44",
    "P",
    "PPL",
    "AM",
    "",
    "",
    "",
    "",
    "",
    "0",
    "",
    "",
    "",
    "2024-01-01",
)
BAD_ID = row(
    "x9",
    "Idless",
    "Idless",
    "",
    "40",
    "44",
    "P",
    "PPL",
    "AM",
    "",
    "",
    "",
    "",
    "",
    "0",
    "",
    "",
    "",
    "2024-01-01",
)


def write_dump(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def count(db: Path, sql: str, *args: object) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql, args).fetchone()[0])
    finally:
        conn.close()


def test_import_accepts_good_lines_and_reports_bad_ones(
    gazetteer_copy: Path, tmp_path: Path
) -> None:
    dump = write_dump(tmp_path / "AM.txt", [GOOD, SHORT, CHURCH, BAD_LAT, GORIS, UNDERSEA, BAD_ID])
    report = import_geonames_dump(dump, gazetteer_copy)
    assert (report.imported, report.merged, report.skipped) == (2, 1, 1)
    assert report.rejected == {"MalformedInput": 3}
    assert report.errors[0] == f"{dump}:2: expected 19 tab-separated columns, got 3"
    assert f"{dump}:4: coordinates" in report.errors[1]
    assert f"{dump}:7: geonameid 'x9' is not an integer" == report.errors[2]

    gaz = Gazetteer.open(gazetteer_copy)
    found = gaz.find("Shelling damaged houses in Testavan, Armenia, and the Surb Testa Church.")
    assert [m.name for m in found] == ["Testavan", "Armenia", "Surb Testa Church"]
    assert found[0].geonameid == 9000001 and found[0].feature == "village"
    assert found[2].feature == "site"
    goris = gaz.candidates("Gorisavan")
    assert goris and goris[0]["name"] == "Goris" and goris[0]["origin"] == "curated:supplement"


def test_reimport_is_idempotent_and_updates(gazetteer_copy: Path, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "AM.txt", [GOOD, CHURCH])
    import_geonames_dump(dump, gazetteer_copy)
    places = count(gazetteer_copy, "SELECT count(*) FROM place")
    names = count(gazetteer_copy, "SELECT count(*) FROM name")
    import_geonames_dump(dump, gazetteer_copy)
    assert count(gazetteer_copy, "SELECT count(*) FROM place") == places
    assert count(gazetteer_copy, "SELECT count(*) FROM name") == names
    updated = GOOD.replace("\t1200\t", "\t25000\t")
    write_dump(dump, [updated, CHURCH])
    import_geonames_dump(dump, gazetteer_copy)
    assert count(gazetteer_copy, "SELECT population FROM place WHERE geonameid = 9000001") == 25000
    assert count(gazetteer_copy, "SELECT count(*) FROM place") == places


def test_rebuild_replays_imports(gazetteer_copy: Path, tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "AM.txt", [GOOD])
    import_geonames_dump(dump, gazetteer_copy)
    conn = sqlite3.connect(gazetteer_copy)
    conn.execute("UPDATE meta SET value = 'places.v0' WHERE key = 'build_version'")
    conn.commit()
    conn.close()
    ensure_built(gazetteer_copy)  # outdated version: rebuilt, imports replayed
    assert stored_build_version(gazetteer_copy) != "places.v0"
    assert count(gazetteer_copy, "SELECT count(*) FROM place WHERE geonameid = 9000001") == 1
    Gazetteer.forget(gazetteer_copy)
    assert Gazetteer.open(gazetteer_copy).candidates("Теставан")[0]["geonameid"] == 9000001


def test_yaml_supplement_import(gazetteer_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "extra.yaml"
    source.write_text(
        "places:\n"
        "  - {name: Camp Testfield, feature: site, country: SD, lat: 13.6, lon: 25.3,"
        " parent: El Fasher, names: [Testfield camp]}\n"
        "  - {name: No Coordinates, feature: village}\n"
        "  - just a string\n",
        encoding="utf-8",
    )
    report = import_yaml(source, gazetteer_copy)
    assert report.imported == 1
    assert sum(report.rejected.values()) == 2
    assert report.errors[0].startswith(f"{source}:entry 2: ")
    again = import_yaml(source, gazetteer_copy)
    assert again.imported == 1
    assert count(gazetteer_copy, "SELECT count(*) FROM place WHERE name = 'Camp Testfield'") == 1
    found = Gazetteer.open(gazetteer_copy).find("Shells fell on Testfield camp near El Fasher.")
    assert found[0].name == "Camp Testfield" and found[0].geonameid is None


def test_missing_file_is_unreadable(gazetteer_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(UnreadableSource):
        import_geonames_dump(tmp_path / "nope.txt", gazetteer_copy)


def test_parse_line_rejects_bad_country_code() -> None:
    bad = GOOD.replace("\tAM\t", "\tArmenia\t")
    with pytest.raises(MalformedInput, match=r"AM\.txt:5: country code"):
        parse_geonames_line(bad, "AM.txt", 5)
