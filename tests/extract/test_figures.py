"""Stage 3: figures — measure, value, qualifier, subject, as_of, sub-counts, exclusions."""

from __future__ import annotations

from datetime import date

import pytest

from harmwatch.extract import extract_text


def figs(text: str, published: date | None = None) -> list[tuple[str, int, str, str]]:
    out = extract_text(text, published=published)["figures"]
    return [
        (f["measure"], f["value"], f["qualifier"], f["subject"]) for f in out if not f["derived"]
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The strike killed at least 21 civilians and wounded at least another 70.",
            [("killed", 21, "at_least", "civilians"), ("injured", 70, "at_least", "civilians")],
        ),
        (
            "Nine people were killed and 15 were wounded in the shelling.",
            [("killed", 9, "exact", "people"), ("injured", 15, "exact", "people")],
        ),
        (
            "Rockets hit the town, killing 85 civilians and injuring 1,000 others.",
            [("killed", 85, "exact", "civilians"), ("injured", 1000, "exact", "civilians")],
        ),
        (
            "More than 850,000 people have been displaced by the offensive.",
            [("displaced", 850000, "more_than", "people")],
        ),
        (
            "Troops abducted about seven women from the village.",
            [("detained", 7, "about", "women")],
        ),
        (
            "The shelling damaged 116 houses and razed 12 villages.",
            [("damaged", 116, "exact", "buildings"), ("damaged", 12, "exact", "settlements")],
        ),
        (
            "Up to 60 soldiers were wounded in the artillery attack.",
            [("injured", 60, "up_to", "soldiers")],
        ),
    ],
)
def test_figures(text: str, expected: list[tuple[str, int, str, str]]) -> None:
    assert figs(text) == expected


def test_range_gives_two_figures() -> None:
    got = figs("Officials said between 200,000 and 250,000 people were displaced by the war.")
    assert got == [
        ("displaced", 200000, "at_least", "people"),
        ("displaced", 250000, "up_to", "people"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "No civilian casualties were reported after the shelling.",
        "Dozens of people were killed and hundreds were wounded in the air strike.",
        "A civilian was killed in the drone strike.",
        "More than 100 people were killed or wounded in the air strike.",
        "The 46-year-old teacher was killed when two rockets hit the 15-storey building in 2020.",
        "Forty people survived the shelling unharmed.",
    ],
)
def test_no_figure(text: str) -> None:
    assert figs(text) == []


def test_sub_count_linked_and_subject_kept() -> None:
    out = extract_text("The missile strike killed 17 civilians, including 15 children.")["figures"]
    total, sub = out
    assert (sub["measure"], sub["value"], sub["subject"]) == ("killed", 15, "children")
    assert sub["part_of"] == total["id"]


def test_apposition_sum_is_derived() -> None:
    out = extract_text("Two women and one man were killed when shells hit the market.")["figures"]
    stated = sorted((f["value"], f["subject"]) for f in out if not f["derived"])
    derived = [f["value"] for f in out if f["derived"] == "sum"]
    assert stated == [(1, "people"), (2, "women")]
    assert derived == [3]


def test_a_list_of_three_groups_has_one_sum() -> None:
    # each group takes the verb; the sum is of the whole list, not of the first two groups
    text = (
        "Shells hit the town: 600 militants, 90 soldiers and police officers and 30 civilians died."
    )
    out = extract_text(text)["figures"]
    stated = sorted(f["value"] for f in out if not f["derived"])
    sums = [f for f in out if f["derived"] == "sum"]
    assert stated == [30, 90, 600]
    assert [s["value"] for s in sums] == [720]
    assert all(f["part_of"] == sums[0]["id"] for f in out if not f["derived"])
    assert text[sums[0]["span"][0] : sums[0]["span"][1]] == sums[0]["quote"]


def test_count_broken_down_after_a_comma_is_no_sum() -> None:
    # the list after the comma breaks the first count down: no sum of 2 + 2, none of 4 + 2
    text = "Four reporters, two Dutch and two Georgian, were wounded when shells hit the square."
    out = extract_text(text)["figures"]
    assert [f for f in out if f["derived"]] == []
    total = next(f for f in out if f["value"] == 4)
    parts = [f for f in out if f["part_of"] == total["id"]]
    assert sorted(f["value"] for f in parts) == [2, 2]


def test_a_part_names_a_total_that_can_hold_it() -> None:
    text = (
        "The blast injured 87 people, among them 10 children. "
        "Sixty of them have been taken to hospital, the ministry said."
    )
    out = {f["id"]: f for f in extract_text(text)["figures"]}
    for f in out.values():
        if f["part_of"]:
            total = out[f["part_of"]]
            assert total["measure"] == f["measure"] and total["value"] >= f["value"]


def test_a_sum_keeps_a_part_told_before() -> None:
    # the two children were counted once before; the sum of the later list still adds up
    text = (
        "Shells hit the village of Lysky on Monday. Two children were killed in the first "
        "blast, officials said. In all, one woman and two children were killed."
    )
    out = extract_text(text)["figures"]
    total = next(f for f in out if f["derived"] == "sum")
    parts = [f for f in out if f["part_of"] == total["id"]]
    assert total["value"] == 3 and sorted(f["value"] for f in parts) == [1, 2]


@pytest.mark.parametrize("link", ["among them", "including"])
def test_siblings_of_a_part_are_parts_of_the_same_total(link: str) -> None:
    text = f"Shelling killed at least 30 people in the town, {link} 12 children and 8 women."
    out = extract_text(text)["figures"]
    total = next(f for f in out if f["value"] == 30)
    parts = [f for f in out if f["part_of"] == total["id"]]
    assert sorted(f["value"] for f in parts) == [8, 12]


def test_restatement_merged_keeping_hedge() -> None:
    text = (
        "At least 70 killed in drone strike on hospital\n\n"
        "The drone strike on the hospital resulted in 70 deaths, the ministry said."
    )
    assert figs(text) == [("killed", 70, "at_least", "people")]


def test_as_of_and_so_far() -> None:
    text = "As of October 30, 44 civilians were killed. So far, 12 journalists have been injured."
    out = extract_text(text, published=date(2020, 10, 31))["figures"]
    assert [(f["value"], f["as_of"], f["cumulative"]) for f in out] == [
        (44, "2020-10-30", True),
        (12, "2020-10-31", True),
    ]


def test_spans_quote_the_text() -> None:
    text = "Shelling killed 14 civilians and wounded 46 in Tartar, the prosecutor said."
    for f in extract_text(text)["figures"]:
        assert text[f["span"][0] : f["span"][1]] == f["quote"]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The death toll from the shelling rose to 31 from 24, the regional governor said.",
            [("killed", 31, "exact", "people"), ("killed", 24, "exact", "people")],
        ),
        (
            "Artillery fire destroyed 15 to 20 homes in the town.",
            [("damaged", 15, "at_least", "buildings"), ("damaged", 20, "up_to", "buildings")],
        ),
        (
            "Three hospitals were struck by missiles overnight.",
            [("damaged", 3, "exact", "hospitals")],
        ),
        ("Two Russian rockets struck the station.", []),
        (
            "The ministry reported the death of one soldier and injury of four others.",
            [("killed", 1, "exact", "soldiers"), ("injured", 4, "exact", "soldiers")],
        ),
        (
            "The toll of the Tuesday strike on the market rose to 47, officials said.",
            [("killed", 47, "exact", "people")],
        ),
        (
            "The total number of agency staff killed since the start of the war is 194.",
            [("killed", 194, "exact", "people")],
        ),
        (
            "The M1 and M4 clinics, the two largest in the district, were struck and closed.",
            [("damaged", 2, "exact", "hospitals")],
        ),
        (
            # the elliptical second count shares the hedge (tests/data/extract/README.md)
            "Of the 120 sites under watch, at least 9 have been destroyed and 11 damaged.",
            [("damaged", 9, "at_least", "monuments"), ("damaged", 11, "at_least", "monuments")],
        ),
    ],
)
def test_updates_ranges_appositions_and_object_counts(
    text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Some 100,000 people crossed into Armenia. Of them, some 30,000 are children and "
            "about 18,000 are older persons.",
            [
                ("displaced", 100000, "about", "people"),
                ("displaced", 30000, "about", "children"),
                ("displaced", 18000, "about", "elderly"),
            ],
        ),
        (
            "Thirteen other pupils were wounded, including four in a serious condition.",
            [("injured", 13, "exact", "children"), ("injured", 4, "exact", "children")],
        ),
        ("Rescuers saved 21 people, including one fisherman, and treated the injured.", []),
        (
            "Partners provided food and shelter kits to 6,800 newly displaced households.",
            [],
        ),
        (
            "More than 8,000 men and boys were killed in the space of a few days.",
            [("killed", 8000, "more_than", "people")],
        ),
        (
            "Strikes killed 338 people, including 106 children, and 846 were injured.",
            [
                ("killed", 338, "exact", "people"),
                ("killed", 106, "exact", "children"),
                ("injured", 846, "exact", "people"),
            ],
        ),
        (
            "Around 25,000 women, children and elderly people were expelled by bus.",
            [("displaced", 25000, "about", "people")],
        ),
        (
            "The number of servicemen killed has risen to 105. Thirteen servicemen were captured.",
            [("killed", 105, "exact", "soldiers"), ("detained", 13, "exact", "prisoners_of_war")],
        ),
        (
            "The offensive has displaced 24,000 households, about 168,000 people.",
            [("displaced", 168000, "about", "people")],
        ),
        ("Most of the town's population of about 50,000 has fled.", []),
        ("The memorial cemetery holds the graves of 6,765 victims.", []),
        ("The youngest of the seven was 19 when he was killed.", []),
        (
            "The toll has risen to 32, the agency said on Monday, up from 18 announced earlier.",
            [("killed", 32, "exact", "people"), ("killed", 18, "exact", "people")],
        ),
        (
            "Thirteen servicemen were captured and the whereabouts of 24 servicemen are unknown.",
            [("detained", 13, "exact", "prisoners_of_war"), ("missing", 24, "exact", "soldiers")],
        ),
        (
            "More than 30 people have been taken to hospitals in the north.",
            [("injured", 30, "more_than", "people")],
        ),
    ],
)
def test_sub_counts_bases_and_updates_from_unseen_phrasings(
    text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "According to the ministry, 2.367 people have been killed and 10.984 wounded.",
            [("killed", 2367, "exact", "people"), ("injured", 10984, "exact", "people")],
        ),
        (
            "The government estimates that some 1,2 million people have been forced from their "
            "homes.",
            [("displaced", 1200000, "about", "people")],
        ),
        (
            "Some 170,000 people, about half of the state's population, had been displaced.",
            [("displaced", 170000, "about", "people")],
        ),
        (
            "The army said 15 attackers had been killed and about 20 suspects detained.",
            [("killed", 15, "exact", "soldiers"), ("detained", 20, "about", "people")],
        ),
        (
            "Gunmen stormed the school and took away at least 15 pupils, some as young as eight.",
            [("detained", 15, "at_least", "children")],
        ),
        (
            "More than 200 people, most of them women living in displacement camps, were "
            "reported abducted.",
            [("detained", 200, "more_than", "people")],
        ),
        (
            "Traders say more than 40 shops were reduced to rubble.",
            [("damaged", 40, "more_than", "buildings")],
        ),
        ("We call on the state to:\n1. free the pupils;\n3. help the victims' families.", []),
    ],
)
def test_translated_separators_appositions_and_list_numbers(
    text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Two other foreign journalists, a French reporter and a British photographer, were "
            "wounded.",
            [("injured", 2, "exact", "journalists")],
        ),
        (
            "27 civilians were killed , 141 civilians were injured , more than 300 private "
            "houses and 40 other civilian facilities were damaged .",
            [
                ("killed", 27, "exact", "civilians"),
                ("injured", 141, "exact", "civilians"),
                ("damaged", 300, "more_than", "buildings"),
                ("damaged", 40, "exact", "buildings"),
            ],
        ),
        ("He was detained and held for eleven days.[18] Others were held too.", []),
        ("Teams have neutralised over 32,000 mines and 80,000 items of ordnance.", []),
        (
            "The army said its forces had eliminated ten fighters of the group.",
            [("killed", 10, "exact", "soldiers")],
        ),
    ],
)
def test_appositions_objects_footnotes_and_military_claims(
    text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Regrettably, ninety-two (92) of our soldiers fell on the field of honour.",
            [("killed", 92, "exact", "soldiers")],
        ),
        (
            "The attackers killed at least 40 civilians. Of the dead whose identity we could "
            "confirm, 17 were children.",
            [("killed", 40, "at_least", "civilians"), ("killed", 17, "exact", "children")],
        ),
        ("The agency said 47 children had been killed or maimed since the truce.", []),
        ("A resident said a dozen children were among the dead.", []),
        ("The Division conducted 51 interviews with victims and witnesses.", []),
        ("A workshop was held on 30 July with 25 prison officials.", []),
        (
            "15 schools are closed, leaving about 14,000 pupils without classes.",
            [("affected", 15, "exact", "schools"), ("affected", 14000, "about", "children")],
        ),
        (
            "The government said that about 400 terrorists were neutralised.",
            [("killed", 400, "about", "soldiers")],
        ),
    ],
)
def test_parenthesised_numerals_opening_groups_and_non_counts(
    text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert figs(text) == expected
