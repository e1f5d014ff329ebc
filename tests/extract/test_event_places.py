"""Event-location selection (events stage + :mod:`harmwatch.extract.event_places`).

Short texts written for these tests; each checks one rule on what counts as an event location
(``shared/devset/README.md``, "event_locations").
"""

from __future__ import annotations

from datetime import date

import pytest

from harmwatch.extract import extract_text


def locations(text: str) -> set[str]:
    out = extract_text(text)
    return {loc["name"] for event in out["events"] for loc in event["locations"]}


def test_dateline_city_is_not_an_event_location() -> None:
    text = (
        "KYIV, Ukraine (AP) — A Russian missile struck an apartment building in the city of "
        "Dnipro on Saturday, killing at least 12 civilians, officials said."
    )
    names = locations(text)
    assert "Dnipro" in names
    assert "Kyiv" not in names


def test_dateline_city_referred_to_as_the_capital_is_the_event_location() -> None:
    text = (
        "MOGADISHU, Aug 3 (Wire) - Thirty people were killed when fighters attacked a crowded "
        "restaurant in the Somali capital on Friday evening, a spokesman said."
    )
    assert "Mogadishu" in locations(text)


def test_parenthesised_dateline_is_not_an_event_location() -> None:
    text = (
        "(Nairobi) – Armed groups shelled displacement camps near Goma in eastern Congo, "
        "killing at least 17 civilians, Human Rights Watch said today."
    )
    names = locations(text)
    assert "Goma" in names
    assert "Nairobi" not in names


def test_country_dropped_when_a_town_in_it_was_struck() -> None:
    text = (
        "Shelling in Ukraine: a missile strike on the town of Kramatorsk killed 35 civilians "
        "at the railway station on Friday."
    )
    names = locations(text)
    assert "Kramatorsk" in names
    assert "Ukraine" not in names


def test_across_the_country_keeps_the_country() -> None:
    text = (
        "Russian missile and drone strikes across Ukraine killed at least 20 civilians and "
        "injured 50 on Monday, and a strike on the city of Dnipro destroyed a school."
    )
    names = locations(text)
    assert "Ukraine" in names
    assert "Dnipro" in names


def test_country_alone_is_kept_when_harm_is_reported_in_it() -> None:
    text = "Cholera has killed 140 people in Cameroon since October, the prime minister said."
    assert "Cameroon" in locations(text)


def test_refugee_destination_is_not_an_event_location() -> None:
    text = (
        "Azerbaijani shelling of Stepanakert killed five civilians; more than 19,000 "
        "refugees have fled to Armenia and crossed into the town of Goris."
    )
    names = locations(text)
    assert "Stepanakert" in names
    assert "Goris" not in names
    assert "Armenia" not in names


def test_hospital_named_by_its_city_resolves_to_the_city() -> None:
    text = "A drone struck the El Fasher hospital on Friday, killing 70 patients and relatives."
    names = locations(text)
    assert "El Fasher" in names
    assert not any("hospital" in n.lower() for n in names)


def test_facility_named_after_its_town_is_a_site() -> None:
    text = "A drone strike near Kabul airport killed 10 civilians, including seven children."
    names = locations(text)
    assert "Kabul airport" in names


def test_reference_place_is_not_an_event_location() -> None:
    text = (
        "Government forces bombed the city of Douma (14 kilometers east of Damascus) with "
        "chemical weapons, killing 85 civilians."
    )
    names = locations(text)
    assert "Douma" in names
    assert "Damascus" not in names


def test_capital_speaking_for_its_government_is_not_an_event_location() -> None:
    text = (
        "Baku, for its part, acknowledged the loss of 12 soldiers and accused Armenian forces "
        "of shelling villages near Tartar."
    )
    assert "Baku" not in locations(text)


def test_compass_area_of_a_city_is_reported_as_the_city() -> None:
    text = "Air strikes on eastern Aleppo killed at least 30 civilians and destroyed a hospital."
    names = locations(text)
    assert "Aleppo" in names


def test_sentence_placing_casualties_lends_its_places_to_the_event() -> None:
    text = (
        "A massive Russian missile attack killed over 20 civilians on Monday. Most of the "
        "casualties occurred in Kyiv and the city of Kryvyi Rih."
    )
    names = locations(text)
    assert {"Kyiv", "Kryvyi Rih"} <= names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Junta troops burned about 40 homes in Ye-U township on Sunday.", "Ye-U township"),
        (
            "Sagaing Region — On 29 September, troops burned 40 homes in a village.",
            "Sagaing Region",
        ),
    ],
)
def test_administrative_units_keep_their_written_form(text: str, name: str) -> None:
    assert name in locations(text)


def test_dateline_town_is_the_event_place_when_only_its_country_is_named() -> None:
    text = (
        "AMASRA, Turkey (AP) — The death toll from a coal mine explosion in northern Turkey "
        "rose to at least 40 people Saturday, officials said."
    )
    names = locations(text)
    assert "Amasra" in names
    assert "Northern Turkey" not in names


def test_dateline_abroad_is_not_promoted() -> None:
    text = (
        "BEIRUT, LEBANON — Azerbaijan said a missile hit an apartment building in the city "
        "of Ganja, killing at least 5 people."
    )
    names = locations(text)
    assert "Ganja" in names
    assert "Beirut" not in names


def test_people_named_by_a_community_are_not_places() -> None:
    text = (
        "Militiamen from the Lendu community attacked the Plaine Savo camp, killing at least "
        "60 people from the Hema community."
    )
    names = locations(text)
    assert not {"Hama", "Lendu"} & names


def test_camps_where_refugees_remain_are_not_event_locations() -> None:
    text = (
        "Militias killed hundreds of Massalit in El Geneina; more than half a million people "
        "fled into Chad, and many of them remain in camps near Adré."
    )
    names = locations(text)
    assert "El Geneina" in names
    assert "Adré" not in names


def test_addressees_of_an_appeal_are_not_event_locations() -> None:
    text = (
        "Soldiers executed at least 20 civilians in Bucha; the group called on the "
        "International Criminal Court to investigate and on Russia to hold them accountable."
    )
    names = locations(text)
    assert "Bucha" in names
    assert "Russia" not in names


def test_area_after_the_town_keeps_the_town() -> None:
    text = "Rockets fell in the Haifa area and damaged 12 houses, rescue services said."
    assert "Haifa" in locations(text)


def test_day_told_in_the_sentence_before_dates_the_event() -> None:
    out = extract_text(
        "On 3 March 2024, a truck carrying road workers drove over a mine near the village. "
        "Two workers were killed and three were wounded.",
    )
    assert [e["date"] for e in out["events"]] == ["2024-03-03"]


def test_region_named_as_a_village_address_is_not_an_event_location() -> None:
    text = (
        "Shelling damaged 116 houses, including a school in Tazakand village, Aghdam district, "
        "and the Nngi village of Martuni region was also shelled."
    )
    names = locations(text)
    assert "Aghdam District" not in names and "Martuni Province" not in names


def test_place_heading_lends_its_places_to_the_paragraph_under_it() -> None:
    text = (
        "Weekly update\n\n1. Bahir Dar, Amhara Region.\nOn 13 August, a drone strike hit a "
        "minibus station, killing 11 civilians.\n\n2. Gondar.\nShelling damaged 20 houses."
    )
    out = extract_text(text)
    assert [[loc["mention"] for loc in e["locations"]] for e in out["events"]] == [
        ["Bahir Dar"],
        ["Gondar"],
    ]


def test_outskirts_of_a_town_are_where_the_harm_happened() -> None:
    names = locations("Regime artillery shelled the outskirts of Ariha with around 40 shells.")
    assert "Ariha" in names


def test_destination_lists_and_seats_of_organisations_are_not_event_locations() -> None:
    text = (
        "Shelling of Wad Madani killed 25 civilians, and about 250,000 people fled towards "
        "Sennar, Gedaref and Kassala, a monitoring group based in the United Kingdom said."
    )
    names = locations(text)
    assert "Wad Madani" in names
    assert not names & {"Sennar", "Al Qadarif", "Kassala", "United Kingdom"}


def test_origin_of_fighters_backers_and_speaking_cities_are_not_event_locations() -> None:
    names = locations(
        "Jihadists from Libya, Afghanistan, northern parts of Syria and other countries, with "
        "the support of Turkey, committed beheadings of captives in Hadrut."
    )
    assert "Hadrut" in names and not names & {"Libya", "Afghanistan", "Syria", "Turkey"}
    names = locations(
        "More than 100,000 residents were forcibly displaced, and the Mayor of Paris "
        "condemned it. Paris calls for the release of all captives held in Baku."
    )
    assert "Paris" not in names


def test_a_sentence_where_devices_went_off_lends_its_places() -> None:
    text = (
        "Booby-trapped radios exploded across the country on Tuesday, killing 11 people and "
        "wounding hundreds, officials said. The devices went off in shops and cars in Tyre "
        "and in villages of the Bekaa valley."
    )
    assert "Tyre" in locations(text)


def test_unlisted_towns_listed_with_a_known_one_are_event_places() -> None:
    text = (
        "Syrian government artillery shelled Ariha, Kafrlata and Marata in Idlib province on "
        "Tuesday, killing four civilians, the civil defence said."
    )
    names = locations(text)
    assert {"Ariha", "Kafrlata", "Marata"} <= names


def test_hospitals_where_the_wounded_are_treated_are_not_event_places() -> None:
    text = (
        "A fire at a wedding hall in Qaraqosh killed 107 people on Tuesday night, officials "
        "said. Another 82 were still being treated in hospitals in Mosul and Erbil."
    )
    names = locations(text)
    assert "Mosul" not in names and "Erbil" not in names


def test_hospitals_that_were_hit_keep_their_place() -> None:
    text = "An air strike hit hospitals in Khan Younis on Monday, killing 12 patients."
    assert "Khan Yunis" in locations(text) or "Khan Younis" in locations(text)


def test_state_named_as_the_address_of_a_village_through_its_local_unit() -> None:
    text = (
        "Gunmen abducted 40 pupils from a school in Kuriga, Chikun local government area of "
        "Kaduna State, on Thursday, police in Nigeria said."
    )
    names = locations(text)
    assert "Kaduna State" not in names


def test_a_city_named_with_city_is_kept_apart_from_its_territory() -> None:
    text = (
        "An air strike on a crowded market in eastern Gaza City killed 14 people on Tuesday, "
        "and shelling elsewhere in Gaza wounded at least 30 others."
    )
    names = locations(text)
    assert "Gaza City" in names
    assert "Gaza" in names


def test_a_province_named_after_a_struck_town_is_one_place() -> None:
    text = (
        "Shelling killed nine civilians in Kharkiv on Sunday. Across Kharkiv oblast, "
        "officials said, 40 houses were destroyed by the shelling."
    )
    out = extract_text(text)
    names = [loc["name"] for event in out["events"] for loc in event["locations"]]
    assert set(names) == {"Kharkiv"}


def test_the_place_of_a_police_or_civil_defence_service_is_not_an_event_location() -> None:
    text = (
        "A spokesman for the civil defence in Idlib said 11 people were killed when shells hit "
        "the market in Saraqib on Monday; the Police of Aleppo detained two suspects."
    )
    names = locations(text)
    assert "Saraqib" in names
    assert not names & {"Idlib", "Aleppo"}


def test_a_following_sentence_placing_killings_lends_its_places() -> None:
    text = (
        "Artillery shelled the city of Kharkiv on Monday, killing 12 civilians.\n\n"
        "On Wednesday troops also entered the towns of Izium and Balakliia, where more people "
        "were killed."
    )
    assert "Izium" in locations(text)


def test_a_sentence_about_the_killing_of_people_in_a_place_lends_it() -> None:
    text = (
        "Gunmen opened fire on a bus near the town of Bunia on Friday, killing seven passengers."
        " The rights group is alarmed by the killing of farmers in Djugu on Sunday."
    )
    assert {"Bunia", "Djugu"} <= locations(text)


def test_a_dateline_with_a_full_date_is_not_an_event_location() -> None:
    text = (
        "Nairobi, 12 March 2024 — The commission is alarmed by the killing of 14 civilians in "
        "the town of Bunia on Sunday."
    )
    names = locations(text)
    assert "Bunia" in names
    assert "Nairobi" not in names


def test_a_region_after_a_woreda_is_the_address_of_the_town() -> None:
    text = (
        "Gunmen killed 30 villagers in Gimbi woreda, West Wollega zone of the Oromia region, "
        "on Saturday."
    )
    names = locations(text)
    assert "Gimbi" in names
    assert "Oromia" not in names


def test_south_lebanon_is_a_named_part_kept_with_its_village() -> None:
    names = locations("Shelling hit the village of Khiam in south Lebanon on Monday, wounding 3.")
    assert {"Khiam", "South Lebanon"} <= {n.title() for n in names}
    names = locations("Shelling hit the village of Khiam in southern Lebanon, wounding 3.")
    assert "Khiam" in names
    assert not any("Lebanon" in n for n in names)


def test_a_town_whose_name_is_a_common_word_is_read_in_a_list_of_towns() -> None:
    text = "Officials said artillery shelled Tartar, Barda and Aghjabadi, wounding 6 civilians."
    assert {"Tartar", "Barda", "Aghjabadi"} <= locations(text)
    # the same word outside such a list stays a common word
    assert "Tartar" not in locations("Dentists removed the tartar of 6 wounded soldiers in Barda.")


def test_a_word_describing_a_town_before_its_name_is_not_a_place() -> None:
    text = "A rocket struck the Black Sea city of Odesa on Friday, killing 4 people."
    names = locations(text)
    assert "Odesa" in names
    assert "Black Sea" not in names
    # a village followed by its region keeps the village
    text = "A shell hit the Nngi village of Martuni region on Monday, wounding 2 civilians."
    assert "Nngi" in locations(text)


def test_a_compass_word_alone_is_not_a_village() -> None:
    names = locations("Armed separatists burned 40 schools in the North-West, the commission said.")
    assert not any(n.lower().replace("-", "") == "northwest" for n in names)


def test_a_country_before_a_facility_noun_names_no_site() -> None:
    names = locations("Dozens killed in air strike on Sudan prison, medics say 40 died.")
    assert not any("prison" in n.lower() for n in names)


def test_a_town_inside_a_site_name_gives_way_to_the_site() -> None:
    text = "Two missiles hit the Zhuliany airport in Kyiv on Monday, wounding 5 workers."
    names = locations(text)
    assert "Zhuliany airport" in names
    assert not any(n.startswith("Zhuly") for n in names)


def test_a_governor_named_by_the_place_is_not_an_event_location() -> None:
    text = (
        "Kherson regional governor Ivan Petrenko said shelling damaged a school in the village "
        "of Bilozerka, wounding 2 teachers."
    )
    names = locations(text)
    assert "Bilozerka" in names
    assert "Kherson" not in names


def test_a_front_line_a_town_lies_near_is_not_an_event_location() -> None:
    text = (
        "A missile hit the centre of Kramatorsk, a city about 20 kilometres from the front line "
        "around Bakhmut, killing 3 people."
    )
    names = locations(text)
    assert "Kramatorsk" in names
    assert "Bakhmut" not in names


def test_a_backer_or_a_body_named_after_a_city_is_not_an_event_location() -> None:
    text = (
        "Fighting between factions supported by Ankara and Kurdish forces near Aleppo killed 9 "
        "fighters; the OSCE Minsk Group urged restraint after shelling killed 4 in Martuni."
    )
    names = locations(text)
    assert {"Aleppo", "Martuni"} <= names
    assert not names & {"Ankara", "Minsk"}


def test_a_dateline_with_a_yearless_date_and_an_agency_is_not_an_event_location() -> None:
    for line in ("Beirut, 4 March 2025 (Agency, translated from French) — ", "Beirut, 4 March — "):
        names = locations(line + "Artillery shelling killed 5 civilians in Aleppo on Monday.")
        assert "Aleppo" in names
        assert "Beirut" not in names


def test_the_place_of_a_trial_is_not_an_event_location() -> None:
    text = (
        "A district court in Lviv sentenced a soldier for killing a civilian in the village of "
        "Bilozerka; two more captured soldiers went on trial on Friday in the Poltava region."
    )
    names = locations(text)
    assert "Bilozerka" in names
    assert not any(n.startswith(("Lviv", "Poltava")) for n in names)


def test_a_municipal_seat_people_fled_to_is_not_an_event_location() -> None:
    text = "Clashes in Aleppo displaced 1,200 people towards the municipal seat of Azaz."
    out = extract_text(text)
    mentions = {loc["mention"] for event in out["events"] for loc in event["locations"]}
    assert "Aleppo" in mentions
    assert "Azaz" not in mentions


def test_a_hospital_where_the_wounded_were_brought_is_not_an_event_location() -> None:
    text = (
        "An air strike on a market in Kherson killed 9 people. At the Regional Hospital in "
        "Mykolaiv, where 20 of the wounded were later brought, doctors worked all night."
    )
    names = locations(text)
    assert "Kherson" in names
    assert "Mykolaiv" not in names


def test_a_township_place_line_is_not_an_event_location() -> None:
    text = (
        "Kalay township (Sagaing Region) – Military jets bombed the village of Nyaung Pin "
        "on Friday, killing 8 civilians."
    )
    names = locations(text)
    assert "Nyaung Pin" in names
    assert not any("Sagaing" in n or "Kalay" in n for n in names)


def test_a_regional_capital_used_as_a_reference_is_not_an_event_location() -> None:
    text = "Shelling hit Bilozerka, 20 km west of the regional capital Kherson, killing 5 people."
    names = locations(text)
    assert "Bilozerka" in names
    assert "Kherson" not in names


def test_a_place_named_twice_in_an_event_is_listed_once() -> None:
    text = (
        "Shelling hit Kharkiv on Monday, killing two people. "
        "In Kharkiv, three more were wounded by the shells on Monday."
    )
    events = extract_text(text, published=date(2024, 5, 10))["events"]
    assert len(events) == 1
    assert [loc["name"] for loc in events[0]["locations"]] == ["Kharkiv"]


def test_a_compass_area_of_a_country_is_also_filed_under_the_country() -> None:
    text = (
        "Rebels have fought the army there since 1987. The insurgency drove nearly "
        "2 million people in northern Uganda into camps."
    )
    events = extract_text(text, published=date(2024, 5, 10))["events"]
    area = next(loc for e in events for loc in e["locations"] if loc["name"] == "Northern Uganda")
    assert "Uganda" in area["alternates"]
