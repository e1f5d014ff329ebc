"""Location matching in ``evaluate`` pairs each prediction with at most one gold name."""

from __future__ import annotations

import json

from harmwatch.extract.evaluate import _match_locations, location_key


def test_one_prediction_cannot_satisfy_two_gold_names() -> None:
    gold = {location_key("Gaza City"), location_key("Gaza Strip")}
    pred = {"gaza": {location_key("Gaza"), location_key("Gaza City"), location_key("Gaza Strip")}}
    assert len(_match_locations(gold, pred)) == 1


def test_pairs_found_when_each_gold_has_its_own_prediction() -> None:
    gold = {location_key("Shushi"), location_key("Stepanakert")}
    pred = {
        "shusha": {location_key("Shusha"), location_key("Shushi")},
        "stepanakert": {location_key("Khankendi")},
        "baku": {location_key("Baku")},
    }
    pairs = _match_locations(gold, pred)
    assert pairs == {"shusha": "shusha", "stepanakert": "stepanakert"}


def test_scarce_gold_names_are_served_first() -> None:
    gold = {"a", "b"}
    pred = {"p1": {"a", "b"}, "p2": {"a"}}
    assert _match_locations(gold, pred) == {"a": "p2", "b": "p1"}


def test_gold_documents_may_be_html_or_legacy_encoded(tmp_path) -> None:
    from harmwatch.extract.evaluate import evaluate

    body = (
        "Shelling killed 12 civilians in the town of Martuni on Saturday, officials said. "
        "Rescuers searched the rubble of two houses for hours."
    )
    (tmp_path / "a1.html").write_text(
        f"<html><head><title>Town shelled</title></head><body><article><p>{body}</p>"
        "</article></body></html>",
        "utf-8",
    )
    (tmp_path / "a2.txt").write_bytes(body.replace("Martuni", "Мартуни").encode("cp1251"))
    line = {
        "url": None,
        "published": None,
        "relevant": True,
        "categories": ["shelling"],
        "figures": [
            {
                "measure": "killed",
                "value": 12,
                "qualifier": "exact",
                "subject": "civilians",
                "as_of": None,
            }
        ],
        "event_locations": [],
        "event_dates": [],
        "notes": "",
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"id": i, **line}) for i in ("a1", "a2")) + "\n", "utf-8")
    report = evaluate(gold, tmp_path)
    assert report.documents == 2
    assert report.figures.tp == 2 and report.relevance_correct == 2


def test_first_level_unit_words_are_one_word() -> None:
    assert location_key("Donetsk Oblast") == location_key("Donetsk region")
    assert location_key("Hajjah Governorate") == location_key("Hajjah province")
    assert location_key("Idlib province") != location_key("Idlib")
    assert location_key("Tartar district") != location_key("Tartar region")


def test_an_apostrophe_inside_a_name_is_a_transliteration() -> None:
    assert location_key("Be'eri") == location_key("Beeri") == location_key("Be’eri")
    assert location_key("Sa'dah") == location_key("Sadah")
    # a possessive still goes, and two words stay two
    assert location_key("Gaza's") == location_key("Gaza")
