"""The store on SQLite and PostgreSQL alike: idempotency, near-duplicates, search, status,
append-only custody log and ``verify``."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from harmwatch.evidence.archive import Archive
from harmwatch.evidence.custody import append
from harmwatch.evidence.verify import verify
from harmwatch.ingest.pipeline import ingest
from harmwatch.ingest.plaintext import parse_plain_text
from harmwatch.store import documents as docs
from harmwatch.store.search import search
from harmwatch.store.tables import custody_log, documents, metadata
from tests.helpers import ARTICLE, page

OTHER = (
    "The ministry of health said a mobile clinic was hit by a drone near the border "
    "village, wounding two medics. The clinic had been treating displaced families since "
    "the spring and was clearly marked with the red crescent emblem on its roof."
)


def _write(tmp_path: Path, name: str, content: str) -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def test_migrations_create_exactly_the_declared_schema(archive: Archive) -> None:
    with archive.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # tsvector column and FTS tables are added by migration 0002 on purpose, outside metadata
    diff = [d for d in diff if "search_vector" not in repr(d) and "documents_fts" not in repr(d)]
    assert diff == []


def test_reingest_is_a_no_op(archive: Archive, tmp_path: Path) -> None:
    sources = [_write(tmp_path, "a.txt", ARTICLE), _write(tmp_path, "b.html", page("B", OTHER))]
    first = ingest(archive, sources)
    with archive.engine.connect() as conn:
        before = docs.status(conn, "x")
    second = ingest(archive, sources)
    with archive.engine.connect() as conn:
        after = docs.status(conn, "x")
    assert (first.stored, second.stored, second.unchanged) == (2, 0, 2)
    assert before == after


def test_syndicated_copy_is_linked_not_counted(archive: Archive, tmp_path: Path) -> None:
    original = _write(tmp_path, "orig.html", page("Strike on clinic", OTHER + " " + ARTICLE))
    copy = _write(
        tmp_path,
        "copy.txt",
        "World 09:12 14/10/2020\n\nStrike on clinic\n\n"
        + OTHER
        + " "
        + ARTICLE
        + "\n\nSource: example.org\nShare |\nNewsfeed\n10:00\nA\n09:00\nB\n08:00\nC",
    )
    unrelated = _write(
        tmp_path,
        "other.txt",
        "Parliament approved the budget for next year "
        "after a long debate about taxes on fuel and the pay of teachers. " * 3,
    )
    summary = ingest(archive, [original, copy, unrelated])
    assert (summary.stored, summary.duplicates) == (2, 1)
    with archive.engine.connect() as conn:
        rows = {r.source: r for r in conn.execute(select(documents))}
        status = docs.status(conn, "x")
        shown = docs.get_document(conn, rows[original].id)
    assert rows[copy].duplicate_of == rows[original].id and rows[copy].similarity >= 0.8
    assert rows[unrelated].duplicate_of is None
    assert (status.documents, status.duplicates) == (2, 1)
    assert shown is not None and shown["copies"] == [rows[copy].id]


def test_search_words_and_phrases(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, [_write(tmp_path, "a.txt", ARTICLE), _write(tmp_path, "b.txt", OTHER)])
    with archive.engine.connect() as conn:
        assert [r["title"] for r in search(conn, "kindergarten damaged")] == [
            parse_plain_text(ARTICLE).title
        ]
        assert len(search(conn, '"mobile clinic"')) == 1
        assert search(conn, '"clinic mobile"') == []
        assert search(conn, 'AND OR "unbalanced') == []


def test_custody_log_refuses_update_and_delete(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, [_write(tmp_path, "a.txt", ARTICLE)])
    for statement in ("UPDATE custody_log SET actor = 'mallory'", "DELETE FROM custody_log"):
        with pytest.raises(DBAPIError, match="append-only"), archive.engine.begin() as conn:
            conn.execute(text(statement))
    with archive.engine.connect() as conn:
        assert conn.execute(select(custody_log.c.actor)).scalar_one() == archive.cfg.actor


def _drop_guards(conn, dialect: str) -> None:  # type: ignore[no-untyped-def]
    if dialect == "sqlite":
        conn.execute(text("DROP TRIGGER custody_log_no_update"))
        conn.execute(text("DROP TRIGGER custody_log_no_delete"))
    else:
        conn.execute(text("ALTER TABLE custody_log DISABLE TRIGGER USER"))


def test_verify_names_altered_and_missing_blobs_and_edited_log(
    archive: Archive, tmp_path: Path
) -> None:
    ingest(
        archive,
        [
            _write(tmp_path, "a.txt", ARTICLE),
            _write(tmp_path, "b.txt", OTHER),
            _write(tmp_path, "c.txt", ARTICLE.upper()),
        ],
    )
    assert verify(archive.engine, archive.blobs).ok
    with archive.engine.connect() as conn:
        shas = [r.sha256 for r in conn.execute(select(documents.c.sha256).order_by(documents.c.id))]
    altered = archive.blobs.path(shas[0])
    altered.chmod(0o644)
    altered.write_bytes(altered.read_bytes() + b" tampered")
    archive.blobs.path(shas[1]).unlink()
    with archive.engine.begin() as conn:
        _drop_guards(conn, archive.engine.dialect.name)
        conn.execute(text("UPDATE custody_log SET actor = 'mallory' WHERE seq = 2"))
    report = verify(archive.engine, archive.blobs)
    assert not report.ok
    assert any(p.startswith(f"blob {shas[0]}: altered") for p in report.problems)
    assert any(p.startswith(f"blob {shas[1]}: missing") for p in report.problems)
    assert any(
        p.startswith("custody chain broken at entry 2: its content was altered")
        for p in report.problems
    )
    assert len(report.problems) == 3


def test_verify_finds_a_deleted_log_entry(archive: Archive, tmp_path: Path) -> None:
    ingest(archive, [_write(tmp_path, "a.txt", ARTICLE), _write(tmp_path, "b.txt", OTHER)])
    with archive.engine.begin() as conn:
        append(conn, "note", actor="t", tool_version="t", detail={"n": 3})
        _drop_guards(conn, archive.engine.dialect.name)
        conn.execute(text("DELETE FROM custody_log WHERE seq = 2"))
    problems = verify(archive.engine, archive.blobs).problems
    assert "custody chain broken at entry 2: entries 2..2 are missing" in problems
    assert "custody chain broken at entry 3: it does not point to entry 2's hash" in problems


def test_rejections_counted_once_per_input_and_cleared_when_fixed(
    archive: Archive, tmp_path: Path
) -> None:
    bad = _write(tmp_path, "later.txt", "   ")
    ingest(archive, [bad])
    ingest(archive, [bad])
    with archive.engine.connect() as conn:
        assert docs.status(conn, "x").rejections_by_reason == {"EmptyInput": 1}
    Path(bad).write_text(ARTICLE)
    ingest(archive, [bad])
    with archive.engine.connect() as conn:
        assert docs.status(conn, "x").rejections == 0


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029\x85"
    ),
    min_size=30,
    max_size=400,
).filter(lambda s: len(parse_plain_text(s).text) >= 20)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(body=_TEXT)
def test_what_goes_in_comes_out(
    archive: Archive, tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    path = tmp_path_factory.mktemp("prop") / "doc.txt"
    path.write_text(body, encoding="utf-8")
    summary = ingest(archive, [str(path)])
    assert summary.rejected_total == 0, summary.results
    with archive.engine.connect() as conn:
        row = conn.execute(
            select(documents).where(documents.c.source == str(path)).order_by(documents.c.id.desc())
        ).first()
    assert row is not None
    assert archive.blobs.get(row.sha256) == body.encode("utf-8")
    assert row.text == parse_plain_text(body).text
