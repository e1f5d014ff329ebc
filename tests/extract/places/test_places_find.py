"""Gazetteer.find on texts written for these tests: spans, aliases, disambiguation, noise."""

from __future__ import annotations

import pytest

from harmwatch.extract.places import Gazetteer, PlaceMention


def names(mentions: list[PlaceMention]) -> list[str]:
    return [m.name for m in mentions]


def only(mentions: list[PlaceMention], mention: str) -> PlaceMention:
    found = [m for m in mentions if m.mention == mention]
    assert len(found) == 1, f"{mention!r} in {[m.mention for m in mentions]}"
    return found[0]


TEXT = (
    "STEPANAKERT, Nagorno-Karabakh (Reuters) — Shelling hit Khankendi and the village of "
    "Talish on Tuesday, the Human Rights Defender of Artsakh said. Kyiv's mayor spoke of "
    "strikes near Kharkov, in the Kharkiv region and in eastern Ukraine; refugees reached "
    "Cox's Bazar. The Ghazanchetsots Cathedral in Shushi was damaged twice, and aid trucks "
    "waited at the Lachin corridor. In Deir al-Balah and Kiev, officials counted the dead."
)


def test_every_span_is_exact(gaz: Gazetteer) -> None:
    mentions = gaz.find(TEXT)
    assert mentions, "no mention found"
    for m in mentions:
        assert TEXT[m.start : m.end] == m.mention
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Khankendi", "Stepanakert"),
        ("Shushi", "Shusha"),
        ("Artsakh", "Nagorno-Karabakh"),
        ("Kharkov", "Kharkiv"),
        ("Kiev", "Kyiv"),
        ("STEPANAKERT", "Stepanakert"),
        ("Nagorno-Karabakh", "Nagorno-Karabakh"),
        ("Cox's Bazar", "Cox's Bazar"),
        ("Lachin corridor", "Lachin corridor"),
        ("Ghazanchetsots Cathedral", "Ghazanchetsots Cathedral"),
        ("Deir al-Balah", "Deir al-Balah"),
    ],
)
def test_aliases_resolve_to_the_common_english_name(
    gaz: Gazetteer, written: str, name: str
) -> None:
    assert only(gaz.find(TEXT), written).name == name


def test_alternates_carry_the_other_spellings(gaz: Gazetteer) -> None:
    shusha = only(gaz.find(TEXT), "Shushi")
    assert "Shushi" in shusha.alternates
    assert shusha.country == "AZ" and shusha.geonameid == 147105
    karabakh = only(gaz.find(TEXT), "Artsakh")
    assert {"Artsakh", "NKR"} <= set(karabakh.alternates)
    assert karabakh.geonameid is None  # supplement-only entry


def test_possessive_is_not_part_of_the_mention(gaz: Gazetteer) -> None:
    kyiv = only(gaz.find(TEXT), "Kyiv")
    assert TEXT[kyiv.end : kyiv.end + 2] == "'s"


def test_precision(gaz: Gazetteer) -> None:
    mentions = gaz.find(TEXT)
    assert only(mentions, "Kharkov").precision == "near"
    assert only(mentions, "Kharkiv region").precision == "region"
    assert only(mentions, "Kharkiv region").feature == "region"
    assert only(mentions, "Khankendi").precision == "exact"
    assert only(mentions, "Artsakh").precision == "region"
    east = only(mentions, "eastern Ukraine")
    assert (east.name, east.country, east.precision) == ("Eastern Ukraine", "UA", "region")


def test_site_and_route_features(gaz: Gazetteer) -> None:
    mentions = gaz.find(TEXT)
    assert only(mentions, "Ghazanchetsots Cathedral").feature == "site"
    assert only(mentions, "Lachin corridor").feature == "route"
    assert only(mentions, "Talish").feature == "village"


def test_martuni_in_karabakh_context(gaz: Gazetteer) -> None:
    text = (
        "Azerbaijani forces shelled Martuni and Askeran overnight, the ombudsman of "
        "Nagorno-Karabakh said, adding that Stepanakert was also hit."
    )
    martuni = only(gaz.find(text), "Martuni")
    assert (martuni.country, martuni.geonameid) == ("AZ", 146969)


def test_martuni_in_armenia_context(gaz: Gazetteer) -> None:
    text = (
        "Heavy rain flooded streets in Martuni, a town on the shore of Lake Sevan in Armenia's "
        "Gegharkunik province, and in nearby Gavar, officials in Yerevan said."
    )
    martuni = only(gaz.find(text), "Martuni")
    assert martuni.country == "AM"
    assert martuni.geonameid == 616438  # the town, not the village of the same name


def test_paris_france_versus_paris_texas(gaz: Gazetteer) -> None:
    france = only(
        gaz.find("Thousands marched in Paris as France debated the pension law."), "Paris"
    )
    assert france.country == "FR"
    texas = only(
        gaz.find(
            "A tornado damaged homes in Paris, Texas, and emergency crews from Dallas helped."
        ),
        "Paris",
    )
    assert texas.country == "US"
    assert abs(texas.lat - 33.66) < 0.2


def test_georgia_country_versus_us_state(gaz: Gazetteer) -> None:
    country = only(
        gaz.find("Protests continued in Tbilisi as Georgia's parliament voted."), "Georgia"
    )
    assert (country.country, country.feature) == ("GE", "country")
    state = only(
        gaz.find("Voters queued for hours in Atlanta, Georgia, on election day."), "Georgia"
    )
    assert (state.country, state.feature) == ("US", "region")


@pytest.mark.parametrize(
    "text",
    [
        "President Ilham Aliyev met Prime Minister Nikol Pashinyan and Mr Gava.",
        "Victoria Nuland arrived on Tuesday; Paris Hilton did not.",
        "Mayor Vitali Klitschko said the shelters were open.",
        "In March and May, on Monday and Friday, Police said Hope was not lost.",
        "Azerbaijani, Armenian, Ukrainian and Russian officials met.",
        "The NGO WOLA said the Artyom defense plant was closed.",
    ],
)
def test_false_positives_are_rejected(gaz: Gazetteer, text: str) -> None:
    assert gaz.find(text) == []


def test_person_name_does_not_hide_a_real_place(gaz: Gazetteer) -> None:
    mentions = gaz.find("Victoria Nuland visited Kyiv on Tuesday.")
    assert names(mentions) == ["Kyiv"]


def test_place_known_only_from_a_cue(gaz: Gazetteer) -> None:
    text = (
        "Gunmen attacked Zarbuktu village in Borno State, Nigeria, witnesses said. "
        "Residents of Zarbuktu fled to Maiduguri."
    )
    mentions = gaz.find(text)
    unknown = [m for m in mentions if m.mention == "Zarbuktu"]
    assert len(unknown) == 2
    assert unknown[0].feature == "village" and unknown[0].lat is None
    assert unknown[0].geonameid is None
    assert "Borno State" in names(mentions) and "Maiduguri" in names(mentions)


def test_candidates_lists_every_reading(gaz: Gazetteer) -> None:
    rows = gaz.candidates("Martuni")
    countries = {r["country"] for r in rows}
    assert {"AM", "AZ"} <= countries
    assert rows[0]["prior"] >= rows[-1]["prior"]
    assert gaz.candidates("no such place anywhere") == []


def test_open_is_cached_per_path(gazetteer_file, gaz: Gazetteer) -> None:
    assert Gazetteer.open(gazetteer_file) is gaz
    assert Gazetteer.open(str(gazetteer_file)) is gaz


def test_empty_and_lowercase_text(gaz: Gazetteer) -> None:
    assert gaz.find("") == []
    assert gaz.find("nothing here is capitalised, not even kyiv.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fires swept through hillside neighbourhoods of Viña del Mar overnight.", "Viña del Mar"),
        ("Clashes spread in the east of Deir ez-Zor on Sunday.", "Deir ez-Zor"),
    ],
)
def test_names_with_stop_words_and_glued_articles(gaz: Gazetteer, text: str, name: str) -> None:
    assert name in names(gaz.find(text))


def test_names_listed_before_a_plural_unit_are_units(gaz: Gazetteer) -> None:
    found = gaz.find("Shells fell on villages in the Tartar and Aghdam districts overnight.")
    assert {(m.mention, m.feature) for m in found} >= {
        ("Tartar", "region"),
        ("Aghdam", "region"),
    }
    found = gaz.find("Fighting spread across the Kharkiv and Sumy regions.")
    assert [(m.name, m.feature) for m in found] == [
        ("Kharkiv Oblast", "region"),
        ("Sumy Oblast", "region"),
    ]


@pytest.mark.parametrize(
    "text,mention",
    [
        ("Gangs burned houses in Port-au-Prince.", "Port-au-Prince"),
        ("A drone hit a depot in Stratford-upon-Avon.", "Stratford-upon-Avon"),
    ],
)
def test_connector_between_hyphens_joins_the_name(gaz: Gazetteer, text: str, mention: str) -> None:
    found = gaz.find(text)
    assert [p.mention for p in found] == [mention]
    assert all(text[p.start : p.end] == p.mention for p in found)


def test_arabic_article_is_read_as_al_inside_a_name(gaz: Gazetteer) -> None:
    # GeoNames writes "Jisr ash Shughur"; reports write the article both ways
    text = "Strikes hit Jisr al-Shughur on Monday and Jisr ash-Shughur again on Tuesday."
    found = gaz.find(text)
    assert [p.mention for p in found] == ["Jisr al-Shughur", "Jisr ash-Shughur"]
    assert found[0].geonameid == found[1].geonameid is not None
