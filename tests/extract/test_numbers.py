"""Stage 2: numbers found, valued and classified."""

from __future__ import annotations

import pytest

from harmwatch.extract.numbers import find_numbers, parse_number_words


def values(text: str) -> list[tuple[str, float | None, str]]:
    return [(text[n.start : n.end], n.value, n.kind) for n in find_numbers(text)]


@pytest.mark.parametrize(
    "text,value",
    [
        ("2,700 people", 2700),
        ("120 000 people", 120000),
        ("1.5 million people", 1_500_000),
        ("100 thousand refugees", 100_000),
        ("twenty-four were hurt", 24),
        ("five dozen captives", 60),
        ("half a million fled", 500_000),
        ("Eleven died", 11),
        ("one hundred and twenty homes", 120),
    ],
)
def test_counts(text: str, value: float) -> None:
    found = [n for n in find_numbers(text) if n.is_count]
    assert found and found[0].value == value
    assert text[found[0].start : found[0].end] in text


def test_ranges_give_low_and_high() -> None:
    found = find_numbers("between 40 and 85 were killed; 1.3 to 4 million cases")
    pairs = [(n.value, n.range_role) for n in found]
    assert pairs == [(40, "low"), (85, "high"), (1_300_000, "low"), (4_000_000, "high")]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("a 46-year-old man", "age"),
        ("in 2018", "year"),
        ("35 percent", "percent"),
        ("14 kilometers east", "unit"),
        ("at 8 p.m.", "time"),
        ("on October 28", "date"),
        ("$2 million", "money"),
        ("16,000 a day", "rate"),
        ("122mm rockets", "unit"),
        ("six years in prison", "unit"),
        ("School No. 2", "id"),
    ],
)
def test_non_counts(text: str, kind: str) -> None:
    assert next(n.kind for n in find_numbers(text)) == kind


@pytest.mark.parametrize("text", ["dozens of people", "hundreds of homes", "tens of thousands"])
def test_vague_has_no_value(text: str) -> None:
    found = find_numbers(text)
    assert found and all(n.kind == "vague" and n.value is None for n in found)


def test_number_words_parser() -> None:
    assert parse_number_words("twenty-four") == 24
    assert parse_number_words("half a million") == 500_000
    assert parse_number_words("banana") is None
