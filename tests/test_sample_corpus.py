"""The bundled sample corpus, ingested for real, against its manifest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from harmwatch.config import load_config
from harmwatch.data import sample_corpus, sample_manifest
from harmwatch.evidence.archive import open_archive
from harmwatch.ingest.pipeline import IngestSummary, ingest
from harmwatch.store.tables import documents

MANIFEST = json.loads(sample_manifest().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[IngestSummary, dict]]:
    home = tmp_path_factory.mktemp("sample")
    archive = open_archive(load_config(environ={}, home=home, workers=2))
    summary = ingest(archive, [str(sample_corpus())])
    with archive.engine.connect() as conn:
        rows = {Path(r.source).name: r for r in conn.execute(select(documents))}
    archive.close()
    yield summary, rows


def test_every_document_stored_none_rejected(stored) -> None:  # type: ignore[no-untyped-def]
    summary, rows = stored
    assert summary.rejected_total == 0, summary.results
    assert set(rows) == {entry["file"] for entry in MANIFEST}
    assert len(MANIFEST) >= 30


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["file"] for e in MANIFEST])
def test_document_matches_manifest(stored, entry: dict) -> None:  # type: ignore[no-untyped-def]
    _summary, rows = stored
    row = rows[entry["file"]]
    for phrase in entry["article_phrases"]:
        assert phrase in row.text
    for phrase in entry["furniture_phrases"]:
        assert phrase not in row.text
    assert (row.published.isoformat() if row.published else None) == entry["published"]
    assert row.language == entry["language"]
    if entry["copy_of"]:
        assert row.duplicate_of == rows[entry["copy_of"]].id
    else:
        assert row.duplicate_of is None
