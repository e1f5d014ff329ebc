"""The command line: exit codes, one-line errors, JSON twins of every listing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli.main import app
from tests.helpers import ARTICLE, page


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    home = tmp_path / "home"

    def invoke(*args: str) -> tuple[int, str, str]:
        result = runner.invoke(app, ["--home", str(home), *args], env={"HARMWATCH_WORKERS": "1"})
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_ingest_status_list_show_search_verify(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(page("Shelling hits eastern districts"))
    (tmp_path / "in" / "b.txt").write_text(
        "World 10:05 14/10/2020\n\n"
        + ARTICLE.replace("Tuesday", "Friday")
        + "\n\nSource: example.org\nShare |\nNewsfeed\n10:00\nA\n09:00\nB\n08:00\nC\n"
    )
    code, out, _ = run("ingest", str(tmp_path / "in"), "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["stored"] + summary["duplicates"] == 2 and summary["rejected"] == 0

    code, out, _ = run("status", "--json")
    status = json.loads(out)
    assert code == 0 and status["blobs"] == 2 and status["log_entries"] == 2

    code, out, _ = run("documents", "list", "--json", "--duplicates")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    txt = next(r for r in rows if r["source"].endswith("b.txt"))

    code, out, _ = run("documents", "show", str(txt["id"]), "--json")
    shown = json.loads(out)
    assert shown["sha256"] == txt["sha256"] and "Newsfeed" not in shown["text"]
    assert any("Newsfeed" in cut["text"] for cut in shown["furniture"])

    code, out, _ = run("documents", "show", str(txt["id"]))
    assert code == 0 and "page furniture cut" in out and txt["sha256"] in out

    code, out, _ = run("search", "kindergarten", "--json", "--duplicates")
    assert code == 0 and len(json.loads(out)) == 2

    code, out, _ = run("verify", "--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_rejections_give_one_line_each_and_exit_1(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(ARTICLE)
    code, out, err = run(
        "ingest",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "good.txt"),
        str(tmp_path / "nope.txt"),
    )
    assert code == 1
    assert "rejected 2 (EmptyInput 1, UnreadableSource 1)" in out
    lines = [line for line in err.splitlines() if line.startswith("rejected")]
    assert len(lines) == 2 and any("empty.txt: empty file (0 bytes)" in line for line in lines)


def test_bad_settings_and_missing_document_are_one_line_errors(run) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run("--db", "mysql://nope", "status")
    assert code == 2 and err.strip().startswith("error: database URL") and "\n" not in err.strip()
    code, _out, err = run("documents", "show", "999")
    assert code == 1 and "document 999: not found" in err


def test_module_entry_point_prints_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "harmwatch", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("harmwatch ")
