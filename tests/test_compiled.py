"""The guard that keeps compiled extractor modules (make fast) from running stale code."""

from __future__ import annotations

import hashlib
import importlib.machinery
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harmwatch import _compiled


def test_a_module_is_stale_only_when_its_source_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "figures.py"
    source.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(_compiled, "_source_of", lambda module: tmp_path / f"{module}.py")
    built = {"figures": hashlib.sha256(source.read_bytes()).hexdigest()}
    assert not _compiled._stale("figures", built)
    source.write_text("X = 2\n", encoding="utf-8")
    assert _compiled._stale("figures", built)
    assert _compiled._stale("figures", {})  # an extension no build recorded
    assert not _compiled._stale("gone", built)  # no source to run instead


def test_the_finder_takes_the_source_before_the_extension(tmp_path: Path) -> None:
    (tmp_path / "mod.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / ("mod" + importlib.machinery.EXTENSION_SUFFIXES[0])).write_bytes(b"")
    finder = _compiled._SourcesFirst({"pkg.mod"})
    spec = finder.find_spec("pkg.mod", [str(tmp_path)])
    assert spec is not None and spec.origin == str(tmp_path / "mod.py")
    assert finder.find_spec("pkg.other", [str(tmp_path)]) is None


def test_harmwatch_pure_runs_no_compiled_module() -> None:
    code = (
        "import harmwatch.extract.pipeline, harmwatch.extract.places.lookup\n"
        "from harmwatch._compiled import compiled_modules\n"
        "print(compiled_modules())"
    )
    env = {**os.environ, "HARMWATCH_PURE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
    assert out.stderr == ""
