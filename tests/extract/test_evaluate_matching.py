"""Location matching in ``evaluate`` pairs each prediction with at most one gold name."""

from __future__ import annotations

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
