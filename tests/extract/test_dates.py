"""Stage 5: dates resolved against the publication date, with roles."""

from __future__ import annotations

from datetime import date

from harmwatch.extract.dates import find_dates, resolve_as_of


def roles(
    text: str, published: date | None, hint: int | None = None
) -> list[tuple[str, str | None, str]]:
    return [
        (text[d.start : d.end], d.date.isoformat() if d.date else None, d.role)
        for d in find_dates(text, 0, len(text), published, hint)
    ]


def test_weekday_and_today() -> None:
    pub = date(2024, 10, 13)  # a Sunday
    assert roles("Strikes killed 15 people Saturday", pub) == [("Saturday", "2024-10-12", "event")]
    assert roles("Shelling continued today", pub) == [("today", "2024-10-13", "event")]


def test_day_month_takes_year_before_publication() -> None:
    assert roles("the attack on May 3", date(2024, 9, 26))[0][1] == "2024-05-03"
    assert roles("taken captive on 11 November", date(2021, 7, 30))[0][1] == "2020-11-11"


def test_nothing_relative_without_publication() -> None:
    assert roles("killed on Tuesday", None) == [("Tuesday", None, "event")]
    assert roles("late on Tuesday (July 2)", None, hint=2019)[0][1] == "2019-07-02"


def test_roles() -> None:
    pub = date(2025, 1, 27)
    got = roles("The WHO said on Sunday that the hospital was hit late Friday", pub)
    assert got == [("Sunday", "2025-01-26", "statement"), ("Friday", "2025-01-24", "event")]
    assert roles("since December 12", date(2023, 1, 17))[0][1:] == ("2022-12-12", "since")
    assert roles("after the 9 November ceasefire agreement", pub)[0][2] == "attributive"


def test_date_opening_a_statement_dates_the_statement() -> None:
    pub = date(2024, 3, 11)
    got = roles("On Sunday, the envoy of the council condemned the massacre in the camp", pub)
    assert got == [("Sunday", "2024-03-10", "statement")]
    got = roles("On Sunday, residents marched through the town to mourn the victims", pub)
    assert got[0][2] == "statement"
    # A verb of harm first: the date is the event's, whoever reports it afterwards.
    got = roles("On Sunday, drones struck the market, the governor said", pub)
    assert got[0][2] == "event"
    # The date closes the harm clause; the attribution that follows does not move it.
    got = roles("A strike killed 90 people on Saturday, the civil defence agency said", pub)
    assert got[0][2] == "event"


def test_range() -> None:
    d = find_dates("shelling on September 27-30", 0, 27, date(2020, 10, 30))[0]
    assert (d.date.isoformat(), d.date_end.isoformat()) == ("2020-09-27", "2020-09-30")


def test_as_of() -> None:
    text = "As of 8 p.m., there are 25 victims"
    assert resolve_as_of(text, 0, len(text), date(2023, 9, 19)) == (True, date(2023, 9, 19))
    text = "As of March, 62 deaths"
    assert resolve_as_of(text, 0, len(text), date(2022, 5, 26)) == (True, None)


def test_night_of_two_days_is_a_range() -> None:
    got = roles("shelling hit the town on the night of 10 to 11 September 2023", None)
    assert got[0][1:] == ("2023-09-10", "event")


def test_toll_updates_and_release_headers_are_not_event_days() -> None:
    pub = date(2023, 8, 16)
    got = roles("The toll from the blast at the depot near the city rose to 35 on Wednesday", pub)
    assert got[0][2] == "update"
    got = roles("Fired Banned Weapons on Donetsk October 20, 2014 (Kyiv) — Forces used", None)
    assert got[0][2] == "dateline"
    got = roles("COX'S BAZAR, Bangladesh, Aug 10, 2024 - Drones hit crowds", None)
    assert got[0][2] == "dateline"


def test_report_header_cut_off() -> None:
    from harmwatch.extract.dates import report_cut_off

    text = "FLASH UPDATE No. 4\nSituation as of 2 October 2023, 12:00\n\nKEY FIGURES\n"
    assert report_cut_off(text + "100 514 refugees", date(2023, 10, 3))[0] == date(2023, 10, 2)
    text = "Key figures (to date)\nSince the coup, 5,712 people have been killed."
    assert report_cut_off(text, date(2024, 10, 1))[0] == date(2024, 10, 1)
    prose = (
        "Officials said on Monday that as of 2 October the count of the missing, which had "
        "been rising for days, stood at 21 people in the district."
    )
    assert report_cut_off(prose, date(2023, 10, 3)) is None


def test_report_cut_off_dates_cumulative_counts_only() -> None:
    from harmwatch.extract import extract_text

    text = (
        "SITUATION REPORT No. 9\nAs of 14 October 2021\n\nMore than 10,000 people have been "
        "displaced since September. On 3 October a missile hit a school, killing four people."
    )
    figs = {
        f["value"]: f["as_of"] for f in extract_text(text, published=date(2021, 10, 15))["figures"]
    }
    assert figs[10000] == "2021-10-14" and figs[4] is None


def test_by_a_day_is_a_cut_off_and_still_missing_runs_to_publication() -> None:
    from harmwatch.extract import extract_text

    pub = date(2023, 1, 16)  # a Monday
    out = extract_text(
        "By Monday evening the death toll had risen to 40, the governor said. "
        "About 30 residents are still missing.",
        published=pub,
    )
    as_of = {f["value"]: f["as_of"] for f in out["figures"]}
    assert as_of == {40: "2023-01-16", 30: "2023-01-16"}
    assert roles("hit by gunfire on 6 October", pub)[0][2] == "event"


def test_update_day_follows_the_verb_and_that_weekday_is_not_resolved() -> None:
    pub = date(2024, 7, 1)
    got = roles("The toll from the bombings in Gwoza on Saturday has risen to 32 on Monday", pub)
    assert [(q, r) for q, _d, r in got] == [("Saturday", "event"), ("Monday", "update")]
    got = roles("The number of people killed rose to 94 on Friday from 71", pub)
    assert got[0][2] == "update"
    assert roles("121 people died that Saturday", pub)[0][2] == "anaphoric"
