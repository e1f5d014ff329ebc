"""The extraction contract: schema-valid output, spans that quote the text, stable API."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from extract_testdata import DEVSET, REPO, SAMPLE, SEEDS

import harmwatch.extract as hx
from harmwatch.codebook import CATEGORY_CODES, load_codebook
from harmwatch.errors import ConfigError
from harmwatch.extract import extract_text, extraction_schema
from harmwatch.extract.registry import available, get, register


def all_spans(result: dict) -> list[tuple[list[int], str]]:
    spans = [(f["span"], f["quote"]) for f in result["figures"]]
    for e in result["events"]:
        spans.append((e["span"], e["quote"]))
    return spans


def assert_grounded(text: str, result: dict) -> None:
    for span, quote in all_spans(result):
        assert text[span[0] : span[1]] == quote
    for e in result["events"]:
        for loc in e["locations"]:
            assert text[loc["span"][0] : loc["span"][1]] == loc["mention"]
        for actor in e["actors"]:
            assert text[actor["span"][0] : actor["span"][1]] == actor["name"]
    for claim in result["claimed_by"]:
        assert text[claim["span"][0] : claim["span"][1]] == claim["name"]
    ids = {f["id"] for f in result["figures"]}
    by_id = {f["id"]: f for f in result["figures"]}
    for f in result["figures"]:
        for s, e in f["mentions"]:
            assert 0 <= s < e <= len(text)
        # a part names a figure of the same output (also when its total was told twice), of
        # its measure and not smaller than it
        assert f["part_of"] is None or f["part_of"] in ids, (f["id"], f["part_of"])
        total = by_id.get(f["part_of"]) if f["part_of"] else None
        if total is not None and f["derived"] is None:
            assert total["measure"] == f["measure"] and total["value"] >= f["value"], f["id"]
    for e in result["events"]:
        assert set(e["figure_ids"]) <= ids


def test_sample_is_schema_valid_and_grounded() -> None:
    result = extract_text(SAMPLE, published=date(2020, 10, 4), title="t", language="en")
    jsonschema.validate(result, extraction_schema())
    assert_grounded(SAMPLE, result)
    assert result["relevant"] is True
    assert {"shelling", "attack_on_health", "property_destruction"} <= set(result["categories"])
    assert result["categories"] == sorted(result["categories"])


def test_docs_schema_is_the_packaged_schema() -> None:
    docs = json.loads((REPO / "docs" / "schema" / "extraction.schema.json").read_text())
    assert docs == extraction_schema()


def test_empty_text() -> None:
    result = extract_text("")
    jsonschema.validate(result, extraction_schema())
    assert result["relevant"] is False and result["figures"] == []


@pytest.mark.skipif(not DEVSET.exists(), reason="../shared/devset absent (user clone)")
def test_devset_outputs_are_valid_and_grounded() -> None:
    from harmwatch.ingest.plaintext import parse_plain_text

    paths = sorted((DEVSET / "articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    for path in paths:
        parsed = parse_plain_text(path.read_text("utf-8"))
        result = extract_text(parsed.text, published=parsed.published, source=str(path))
        jsonschema.validate(result, extraction_schema())
        assert_grounded(parsed.text, result)


def test_shouting_quiet_and_respaced_texts_stay_valid_and_grounded() -> None:
    # "1.7M PEOPLE" once crashed the extractor (an upper-case scale letter): every project text
    # in capitals, in lower case and with doubled spaces must still give a grounded result.
    docs = sorted((REPO / "tests" / "data" / "extract" / "docs").glob("*.txt"))[::5]
    texts = [(str(p), p.read_text("utf-8")) for p in docs]
    texts.append(("figures", "KEY FIGURES: 1.7M internally displaced; 3.5m people in need."))
    for path, raw in texts:
        for text in (raw.upper(), raw.lower(), raw.replace(" ", "  ")):
            result = extract_text(text, published=date(2024, 5, 10), source=path)
            jsonschema.validate(result, extraction_schema())
            assert_grounded(text, result)


def test_registry() -> None:
    assert "extractor.rules.v1" in available()
    with pytest.raises(ConfigError):
        get("extractor.nope.v1")
    with pytest.raises(ConfigError):
        register("rules", lambda text, **kw: {})

    @register("extractor.test_echo.v1")
    def echo(text: str, **kw: object) -> dict:
        return {"relevant": False}

    assert extract_text("x", extractor="extractor.test_echo.v1") == {"relevant": False}


def test_codebook_is_complete() -> None:
    cb = load_codebook()
    assert tuple(cb.categories) == CATEGORY_CODES
    assert all((c.cues or c.pairs) and c.definition for c in cb.categories.values())
    doc = (REPO / "docs" / "codebook.md").read_text()
    for code in CATEGORY_CODES:
        assert f"`{code}`" in doc, f"{code} undocumented in docs/codebook.md"
    assert f"v{cb.version}" in doc or cb.version in doc


def test_a_lexicon_may_name_an_earlier_lexicon() -> None:
    import copy

    from harmwatch.codebook import parse_codebook

    cb = load_codebook()
    # the disaster words hold the natural-disaster words by reference, spelled out once
    assert cb.lexicons["natural_disaster"] in cb.lexicons["disaster"]
    assert cb.lexicon_patterns["disaster"].search("Forest fires spread overnight.")
    raw = copy.deepcopy(cb.raw)
    lexicons = raw["lexicons"]
    raw["lexicons"] = {"first": "(?:{second})", **lexicons, "second": "(?:words?)"}
    with pytest.raises(ConfigError, match=r"lexicons\.first names unknown lexicon \{second\}"):
        parse_codebook(raw)


def test_exported_members() -> None:
    for name in hx.__all__:
        assert hasattr(hx, name)


def test_cli_extract_on_a_file_prints_the_contract(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from harmwatch.cli.main import app

    p = tmp_path / "a.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["--home", str(tmp_path / "home"), "extract", str(p)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    output = json.loads(lines[0])
    jsonschema.validate(output, extraction_schema())
    assert len(output["sha256"]) == 64 and output["source"] == str(p)


def test_language_the_rules_do_not_read_is_skipped_not_judged() -> None:
    from harmwatch.extract import extract_text

    out = extract_text("Bei 30 Grad gingen drei Siege an Berlin.", language="de")
    assert out["relevant"] is False and out["figures"] == [] and "'de'" in out["skipped"]
    assert "skipped" not in extract_text("Shelling hit the town.", language="en")


def test_a_count_told_again_with_its_day_links_both_events_once_each() -> None:
    # written for this test: a headline toll and the body sentence that tells it with its day
    text = (
        "Market strike toll rises to 31.\n\n"
        "Thirty-one people were killed when a missile hit the market on Tuesday, officials "
        "said. Rescue teams searched the ruins until dawn."
    )
    out = extract_text(text, published=date(2024, 5, 10))
    toll = [f for f in out["figures"] if f["measure"] == "killed" and f["value"] == 31]
    assert len(toll) == 1
    holding = [e for e in out["events"] if toll[0]["id"] in e["figure_ids"]]
    assert holding, "no event holds the toll"
    assert any("2024-05-07" in e["dates"] for e in holding)
    for e in out["events"]:
        assert len(e["figure_ids"]) == len(set(e["figure_ids"]))
