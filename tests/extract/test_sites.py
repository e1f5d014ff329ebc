"""Stage 6b: named sites and unlisted localities the gazetteer cannot hold."""

from __future__ import annotations

from harmwatch.extract.sites import find_sites


def found(text: str) -> list[tuple[str, str]]:
    sites = find_sites(text, 0, len(text))
    for s in sites:
        assert text[s.start : s.end] == s.mention
    return [(s.name, s.feature) for s in sites]


def test_named_facility() -> None:
    got = found("Shells hit the Republican Medical Center and Ghazanchetsots Cathedral.")
    assert ("Republican Medical Center", "site") in got
    assert ("Ghazanchetsots Cathedral", "site") in got


def test_unlisted_village_named_by_its_kind() -> None:
    got = found("Gunmen entered the village of Tilwa-Beri at dawn and burned the mill.")
    assert got == [("Tilwa-Beri", "locality")]
    got = found("Residents of the camp said strikes hit Umm Sayala village overnight.")
    assert got == [("Umm Sayala", "locality")]


def test_demonyms_and_sentence_openers_are_not_localities() -> None:
    assert found("A Palestinian refugee camp was hit.") == []
    assert found("Village elders said nothing.") == []
