"""The README's first command: ``harmwatch demo`` on the bundled sample, end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from harmwatch.extract.places import Gazetteer


def test_demo_ingests_extracts_and_verifies(tmp_path: Path) -> None:
    gazetteer = Gazetteer.open().path  # built once for the suite; the demo reuses it
    env = {
        **os.environ,
        "HARMWATCH_HOME": str(tmp_path / "data"),
        "HARMWATCH_GAZETTEER": str(gazetteer),
        "COLUMNS": "200",
    }
    done = subprocess.run(
        [sys.executable, "-m", "harmwatch", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    assert "stored 33" in out and "near-duplicates linked 3" in out
    assert "extraction (extractor.rules.v1): saved 33" in out
    assert "verify: OK" in out
    # the three documents in Russian, French and Armenian are reported as not read
    assert "not read (3)" in out and "'ru'" in out and "'hy'" in out
    # a figure from the sample corpus reaches the table
    assert "killed" in out and "Stepanakert" in out
