"""`harmwatch gazetteer` commands, called through Typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from harmwatch.cli.gazetteer import app

runner = CliRunner()


def test_lookup_json(gazetteer_file: Path) -> None:
    result = runner.invoke(app, ["lookup", "Khankendi", "--json", "-g", str(gazetteer_file)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["name"] == "Stepanakert" and rows[0]["country"] == "AZ"


def test_lookup_table_and_unknown(gazetteer_file: Path) -> None:
    result = runner.invoke(app, ["lookup", "Martuni", "-g", str(gazetteer_file)])
    assert result.exit_code == 0 and "Martuni" in result.output
    missing = runner.invoke(app, ["lookup", "Qwxzplace", "-g", str(gazetteer_file)])
    assert missing.exit_code == 1


def test_import_reports_rejected_lines(gazetteer_copy: Path, tmp_path: Path) -> None:
    dump = tmp_path / "AZ.txt"
    good = "\t".join(
        [
            "9100001",
            "Testkend",
            "Testkend",
            "",
            "40.3",
            "46.9",
            "P",
            "PPL",
            "AZ",
            "",
            "57",
            "",
            "",
            "",
            "800",
            "",
            "",
            "Asia/Baku",
            "2024-01-01",
        ]
    )
    dump.write_text(good + "\nonly\ttwo\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(dump), "-g", str(gazetteer_copy)])
    assert result.exit_code == 0, result.output
    assert f"rejected: {dump}:2: expected 19 tab-separated columns, got 2" in result.output
    assert "imported 1" in result.output and "MalformedInput 1" in result.output


def test_import_missing_file_fails_with_one_line(gazetteer_copy: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", str(tmp_path / "XX.txt"), "-g", str(gazetteer_copy)])
    assert result.exit_code == 1
    assert "error:" in result.output and "XX.txt" in result.output
