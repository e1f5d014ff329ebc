"""``harmwatch evaluate GOLD --against OTHER``: a second annotation scored like an extractor."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli.main import app
from harmwatch.errors import ConfigError
from harmwatch.extract.evaluate import agreement

FIRST = [
    {
        "id": "x1",
        "url": None,
        "published": "2024-03-02",
        "relevant": True,
        "categories": ["displacement", "shelling"],
        "figures": [
            {"measure": "killed", "value": 4, "qualifier": "exact", "subject": "civilians",
             "as_of": None},
            {"measure": "displaced", "value": 900, "qualifier": "about", "subject": "people",
             "as_of": "2024-03-01"},
        ],
        "event_locations": ["Stepanakert", "Martuni"],
        "event_dates": ["2024-03-01"],
        "notes": "",
    },
    {
        "id": "x2",
        "url": None,
        "published": None,
        "relevant": False,
        "categories": [],
        "figures": [],
        "event_locations": ["Lake Sevan"],
        "event_dates": [],
        "notes": "",
    },
]  # fmt: skip


def _write(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    return path


def test_identical_annotations_agree_fully(tmp_path: Path) -> None:
    gold = _write(tmp_path / "a.jsonl", FIRST)
    summary = agreement(gold, gold).summary()
    assert summary["relevance_accuracy"] == 1.0
    for key in ("categories", "figures", "event_locations", "event_dates"):
        assert summary[key]["f1"] == 1.0, key


def test_each_disagreement_lowers_its_own_score(tmp_path: Path) -> None:
    second = copy.deepcopy(FIRST)
    second[0]["categories"] = ["shelling"]  # one category fewer
    second[0]["figures"][1]["value"] = 950  # another value: no match
    second[0]["figures"][0]["subject"] = "people"  # a match with another subject
    second[0]["event_locations"] = ["Khankendi", "Hadrut"]  # alias of one, one other place
    second[1]["relevant"] = True
    summary = agreement(
        _write(tmp_path / "a.jsonl", FIRST), _write(tmp_path / "b.jsonl", second)
    ).summary()
    assert summary["relevance_accuracy"] == 0.5
    assert summary["categories"]["recall"] == 0.5 and summary["categories"]["precision"] == 1.0
    assert summary["figures"]["tp"] == 1 and summary["figures"]["subject_accuracy"] == 0.0
    # Khankendi is Stepanakert; Lake Sevan agrees in x2; Martuni and Hadrut do not
    assert summary["event_locations"]["tp"] == 2 and summary["event_locations"]["gold"] == 3
    assert summary["event_dates"]["f1"] == 1.0


def test_a_second_annotation_may_cover_a_sample_of_the_first(tmp_path: Path) -> None:
    gold = _write(tmp_path / "a.jsonl", FIRST)
    assert agreement(gold, _write(tmp_path / "b.jsonl", FIRST[:1])).documents == 1
    with pytest.raises(ConfigError, match="no annotation of 'x2'"):
        agreement(_write(tmp_path / "c.jsonl", FIRST[:1]), gold)


def test_cli_takes_docs_or_against_not_both(tmp_path: Path) -> None:
    gold = _write(tmp_path / "a.jsonl", FIRST)
    runner = CliRunner()
    both = runner.invoke(app, ["evaluate", str(gold), "--docs", str(tmp_path), "--against",
                               str(gold)])  # fmt: skip
    assert both.exit_code == 2
    ok = runner.invoke(app, ["evaluate", str(gold), "--against", str(gold), "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["event_locations"]["f1"] == 1.0
