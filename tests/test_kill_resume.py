"""Crash safety: SIGKILL an ingest mid-batch, run it again, every document is stored once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import ARTICLE, page

FILES = 600
#: Seconds to wait for the first documents before giving up on killing "mid-batch".
START_TIMEOUT = 60


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_sigkill_mid_batch_then_rerun_stores_each_document_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(FILES):
        body = (
            f"Report number {i} from district {i * 7 % 13}. "
            + ARTICLE.replace("Two", f"{i + 2}")
            + f" The report closes with reference code {i:05d}."
        )
        (corpus / f"p{i:03d}.html").write_text(page(f"Report {i}", body), encoding="utf-8")
    home = tmp_path / "home"
    db = home / "harmwatch.db"
    env = {**os.environ, "HARMWATCH_HOME": str(home), "HARMWATCH_WORKERS": "2"}
    command = [sys.executable, "-m", "harmwatch", "ingest", str(corpus), "--json"]
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while _count(db) < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "ingestion finished before it could be killed mid-batch"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_before = _count(db)
    assert 0 < stored_before < FILES, "the kill did not land mid-batch"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT sha256) FROM documents"
        ).fetchone()
        captures = conn.execute("SELECT count(*) FROM captures").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM custody_log").fetchone()[0]
    assert total == distinct == captures == entries == FILES
    verify = subprocess.run(
        [sys.executable, "-m", "harmwatch", "verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
