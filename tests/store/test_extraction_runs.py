"""Extraction runs of stored documents, on SQLite and PostgreSQL: saved once, replaced when the
output changes, side by side per extractor, each run in the custody log."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from harmwatch.evidence.archive import Archive
from harmwatch.evidence.verify import verify
from harmwatch.extract import extract_text
from harmwatch.extract.persist import extract_stored
from harmwatch.extract.registry import available, register
from harmwatch.ingest.pipeline import ingest
from harmwatch.store.tables import custody_log, extraction_runs, figures

REPORT = (
    "Politics 18:10 29/10/2020\n\n"
    "Shelling of Stepanakert continued on Wednesday. At least 5 civilians were killed and 12 "
    "others were wounded when rockets hit residential areas, the city administration said. "
    "The maternity hospital was also damaged, according to local officials.\n"
)


def _count(archive: Archive, table) -> int:  # type: ignore[no-untyped-def]
    with archive.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_runs_are_idempotent_versioned_and_logged(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    ingest(archive, [str(path)])
    first = extract_stored(archive)
    assert (first.saved, first.failed) == (1, {})
    stored_figures = _count(archive, figures)
    assert stored_figures == len(first.outputs[0]["figures"]) and stored_figures >= 1
    second = extract_stored(archive)
    assert (second.saved, second.unchanged) == (0, 1)
    assert _count(archive, figures) == stored_figures

    def other(text: str, **kw):  # type: ignore[no-untyped-def]
        out = extract_text(text, **kw)
        return {**out, "figures": out["figures"][:1]}

    if "extractor.test-trimmed.v1" not in available():
        register("extractor.test-trimmed.v1", other)
    third = extract_stored(archive, extractor="extractor.test-trimmed.v1")
    assert third.saved == 1
    with archive.engine.connect() as conn:
        names = sorted(r.extractor for r in conn.execute(select(extraction_runs.c.extractor)))
        actions = [
            r.action for r in conn.execute(select(custody_log.c.action).order_by(custody_log.c.seq))
        ]
    assert names == ["extractor.rules.v1", "extractor.test-trimmed.v1"]
    assert actions == ["capture", "extract", "extract"]
    assert verify(archive.engine, archive.blobs).ok


def test_missing_document_is_reported(archive: Archive) -> None:
    summary = extract_stored(archive, [404])
    assert summary.failed == {404: "document 404: not found"}
