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
