"""Date rules added for unseen text: phrasings and layouts of real reports.

Every sentence here is written for this test; none is taken from an annotated document.
"""

from __future__ import annotations

from datetime import date

from harmwatch.extract import extract_text
from harmwatch.extract.dates import find_dates


def roles(text: str, published: date | None) -> list[tuple[str, str | None, str]]:
    return [
        (text[d.start : d.end], d.date.isoformat() if d.date else None, d.role)
        for d in find_dates(text, 0, len(text), published)
    ]


def test_weekday_naming_a_date_is_one_day_and_fixes_its_year() -> None:
    # The text also speaks of "May 2022", but Sunday 5 May is a day of 2024.
    text = "Since May 2022 the area was calm. In the night of Sunday 5 May, rockets hit the port."
    got = roles(text, date(2024, 5, 9))
    assert [g for g in got if g[2] == "event"] == [("5 May", "2024-05-05", "event")]
    assert roles("Fighting resumed on Sunday, 3 May, near the dam", date(2020, 5, 6)) == [
        ("3 May", "2020-05-03", "event")
    ]


def test_count_updates_with_decimals_or_count_nouns_are_update_days() -> None:
    pub = date(2023, 3, 6)
    text = "The number of people killed by Friday's 6.1 earthquake rose to 410 on Sunday"
    assert [g[2] for g in roles(text, pub) if g[0] == "Sunday"] == ["update"]
    assert roles("The count of the dead stood at 88 yesterday.", pub)[0][2] == "update"


def event_days(text: str, published: date) -> list[str]:
    out = extract_text(text, published=published)
    return sorted({d for e in out["events"] for d in e["dates"]})


def test_start_of_ongoing_harm_outside_an_event_sentence_dates_the_event() -> None:
    text = (
        "Shelling killed four civilians in the town, the governor said.\n\n"
        "The valley has been without electricity since 3 March."
    )
    assert event_days(text, date(2024, 3, 14)) == ["2024-03-03"]


def test_day_an_incident_verb_governs_outside_an_event_sentence_dates_the_event() -> None:
    pub = date(2024, 3, 14)
    text = (
        "Seven passengers died and 12 were hurt on the mountain road, the police said.\n\n"
        "Their minibus overturned near the pass on Saturday evening."
    )
    assert event_days(text, pub) == ["2024-03-09"]
    # A day no incident governs stays out.
    text = text.replace("Their minibus overturned near the pass", "The driver was questioned")
    assert event_days(text, pub) == []


def test_incident_cues_in_the_date_clause() -> None:
    pub = date(2024, 3, 14)
    incident = [
        (text[d.start : d.end], d.incident)
        for text in (
            "Witnesses said a jet dropped two bombs on the square at noon on Monday.",
            "He was filming the aftermath of the March 2 assault on the hamlet.",
            "The convoy came under heavy fire near the bridge on the night of 4 to 5 March.",
            "Officials visited the camp on Monday, a week after the truce, which began on 1 March.",
            "Ministers met in the capital on Monday.",
        )
        for d in find_dates(text, 0, len(text), pub)
    ]
    assert incident == [
        ("Monday", True),
        ("March 2", True),
        ("4 to 5 March", True),
        ("Monday", False),
        ("1 March", False),
        ("Monday", False),
    ]


def test_day_of_an_act_that_is_not_harm_is_not_an_event_day() -> None:
    pub = date(2024, 6, 8)
    for text in (
        "Relatives gathered outside the town hall on Friday to remember the 30 dead of the raid.",
        "Inspectors visited the clinic on 4 June and found two wards destroyed.",
        "The mayor told local radio on Thursday that 11 people had been killed in the strikes.",
        "The tribunal, in its order of 2 June, required the army to stop the demolitions.",
        "Families filed a complaint against the militia on Wednesday over the burned homes.",
    ):
        assert [r for r in roles(text, pub) if r[2] == "event"] == [], text
    # A verb of harm between the act and the date keeps the date the harm's.
    text = "Villagers gathered in the square when a drone struck it on Friday."
    assert roles(text, pub)[0][2] == "event"


def test_issue_lines_bylines_and_place_date_lines_are_not_event_days() -> None:
    for text in (
        "Situation report No. 7\nIssued 3 May 2024\nShelling killed 4 people in the town.",
        "Site note\nDate of visit: 2 May 2024\nThe shrine was burned.",
        "Monitoring Network for the Valley — 1 May 2024\nTroops burned 30 homes.",
        "Weekly bulletin: arrests in the north\nLakeside City, 3 May 2024\nPolice detained 40.",
    ):
        got = roles(text, None)
        assert got and got[0][2] in ("header", "dateline"), (text, got)
    # A line that tells the event, not the page, keeps its day.
    got = roles("The attack of 2 May 2024\nShells killed 9 people.", None)
    assert got[0][2] == "event"


def test_months_weeks_and_days_ago_today() -> None:
    pub = date(2024, 5, 31)
    assert roles("Twelve months ago today, a bomb tore through the market.", pub)[0][1] == (
        "2023-05-31"
    )
    assert roles("Three months ago today the dam burst.", pub)[0][1] is None  # 31 February
    assert roles("Two weeks ago today, shells hit the school.", pub)[0][1] == "2024-05-17"


def test_a_date_opening_its_sentence_is_an_incident_day_when_the_main_verb_is_harm() -> None:
    pub = date(2024, 5, 31)
    text = "On 11 May, at about 09:00, gunmen of a so-called self-defence group stormed the mine."
    assert [(d.role, d.incident) for d in find_dates(text, 0, len(text), pub)] == [("event", True)]
    text = (
        "On 11 May, at about 09:00, officials of the so-called provincial council met the elders."
    )
    assert [(d.role, d.incident) for d in find_dates(text, 0, len(text), pub)] == [
        ("statement", False)
    ]


def test_a_headline_ending_in_an_end_verb_does_not_make_the_next_line_a_period_end() -> None:
    text = "Siege of the Depot Ended\n\nOn 4 May 2024, gunmen stormed the fuel depot."
    assert roles(text, None) == [("4 May 2024", "2024-05-04", "event")]
    assert roles("The curfew ended on 4 May 2024.", None)[0][2] == "period"


def test_end_of_a_counting_period_is_the_cut_off_of_its_counts() -> None:
    from datetime import date

    from harmwatch.extract import extract_text

    out = extract_text(
        "Between 3 and 9 March, at least 17 civilians were killed and 40 injured in the region.",
        published=date(2024, 3, 12),
    )["figures"]
    assert {f["value"]: f["as_of"] for f in out} == {17: "2024-03-09", 40: "2024-03-09"}
    out = extract_text(
        "Between January 1 and June 30, 2023, 64 community leaders were killed.",
        published=date(2023, 7, 4),
    )["figures"]
    assert [f["as_of"] for f in out] == ["2023-06-30"]


def test_last_weekday_in_a_paper_of_that_weekday_is_the_week_before() -> None:
    from datetime import date

    from harmwatch.extract.dates import find_dates

    text = "The attack last Friday killed 30 people; the one on Friday killed two."
    days = [d.date for d in find_dates(text, 0, len(text), date(2024, 5, 10))]
    assert days == [date(2024, 5, 3), date(2024, 5, 10)]


def test_odd_letters_in_day_and_month_names_do_not_crash() -> None:
    # A long s ("ſ") matches the case-insensitive patterns but is not lower-cased to "s".
    assert event_days("Shelling killed two civilians on ſunday.", date(2024, 5, 10)) == [
        "2024-05-05"
    ]
    assert event_days("Shelling killed two civilians on 3 ſeptember.", date(2024, 5, 10)) == [
        "2023-09-03"
    ]
