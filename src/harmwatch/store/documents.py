"""Reading and writing documents, blobs, captures and rejections (one connection at a time).

These are plain functions over a SQLAlchemy connection; the transaction belongs to the caller, so
ingestion can write a blob row, its capture, the document, its LSH bands and the custody entry
atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from harmwatch.store.tables import (
    blobs,
    captures,
    custody_log,
    document_bands,
    documents,
    rejections,
)


def now() -> datetime:
    return datetime.now(UTC)


def blob_known(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha256)).first() is not None


def insert_blob(conn: Connection, sha256: str, size: int, media_type: str) -> None:
    if not blob_known(conn, sha256):
        conn.execute(
            insert(blobs).values(sha256=sha256, size=size, media_type=media_type, stored_at=now())
        )


def insert_capture(conn: Connection, **values: Any) -> int:
    return int(
        conn.execute(insert(captures).values(**values).returning(captures.c.id)).scalar_one()
    )


def insert_document(conn: Connection, **values: Any) -> int:
    return int(
        conn.execute(insert(documents).values(**values).returning(documents.c.id)).scalar_one()
    )


def insert_bands(conn: Connection, document_id: int, pairs: Iterable[tuple[int, int]]) -> None:
    rows = [{"document_id": document_id, "band": band, "hash": value} for band, value in pairs]
    if rows:
        conn.execute(insert(document_bands), rows)


def band_candidates(conn: Connection, pairs: list[tuple[int, int]]) -> list[tuple[int, bytes]]:
    """Documents sharing at least one LSH band, oldest first, with their signatures."""
    if not pairs:
        return []
    hashes = [value for _band, value in pairs]
    ids = select(document_bands.c.document_id).where(document_bands.c.hash.in_(hashes)).distinct()
    rows = conn.execute(
        select(documents.c.id, documents.c.minhash)
        .where(documents.c.id.in_(ids), documents.c.duplicate_of.is_(None))
        .order_by(documents.c.id)
    )
    return [(row.id, row.minhash) for row in rows if row.minhash]


def document_by_text(conn: Connection, text_sha256: str) -> int | None:
    row = conn.execute(
        select(documents.c.id)
        .where(documents.c.text_sha256 == text_sha256, documents.c.duplicate_of.is_(None))
        .order_by(documents.c.id)
        .limit(1)
    ).first()
    return row.id if row else None


def record_rejection(conn: Connection, source: str, reason_class: str, message: str) -> None:
    """Count a rejection; the same input rejected again for the same reason is one row."""
    stamp = now()
    updated = conn.execute(
        update(rejections)
        .where(rejections.c.source == source, rejections.c.reason_class == reason_class)
        .values(count=rejections.c.count + 1, last_at=stamp, message=message)
    )
    if updated.rowcount == 0:
        conn.execute(
            insert(rejections).values(
                source=source,
                reason_class=reason_class,
                message=message,
                first_at=stamp,
                last_at=stamp,
                count=1,
            )
        )


def clear_rejection(conn: Connection, source: str) -> None:
    """An input that now ingests is no longer counted as rejected."""
    conn.execute(rejections.delete().where(rejections.c.source == source))


LIST_COLUMNS = (
    documents.c.id,
    documents.c.title,
    documents.c.published,
    documents.c.language,
    documents.c.source,
    documents.c.duplicate_of,
    documents.c.sha256,
)


def list_documents(
    conn: Connection, *, limit: int = 50, offset: int = 0, include_duplicates: bool = False
) -> list[dict[str, Any]]:
    query = select(*LIST_COLUMNS).order_by(documents.c.id).limit(limit).offset(offset)
    if not include_duplicates:
        query = query.where(documents.c.duplicate_of.is_(None))
    return [dict(row._mapping) for row in conn.execute(query)]


def get_document(conn: Connection, document_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        select(
            documents,
            captures.c.retrieved_at,
            captures.c.http_status,
            captures.c.source_kind,
            captures.c.locator,
            captures.c.tool_version,
        )
        .join(captures, captures.c.id == documents.c.capture_id)
        .where(documents.c.id == document_id)
    ).first()
    if row is None:
        return None
    doc = dict(row._mapping)
    doc.pop("minhash", None)
    doc["copies"] = [
        r.id
        for r in conn.execute(select(documents.c.id).where(documents.c.duplicate_of == document_id))
    ]
    return doc


@dataclass(frozen=True, slots=True)
class Status:
    documents: int
    duplicates: int
    blobs: int
    blob_bytes: int
    rejections: int
    rejections_by_reason: dict[str, int]
    log_entries: int
    database: str


def status(conn: Connection, database: str) -> Status:
    def scalar(query: Any) -> int:
        return int(conn.execute(query).scalar_one() or 0)

    by_reason = {
        row.reason_class: int(row.n)
        for row in conn.execute(
            select(rejections.c.reason_class, func.count().label("n"))
            .group_by(rejections.c.reason_class)
            .order_by(rejections.c.reason_class)
        )
    }
    return Status(
        documents=scalar(
            select(func.count()).select_from(documents).where(documents.c.duplicate_of.is_(None))
        ),
        duplicates=scalar(
            select(func.count()).select_from(documents).where(documents.c.duplicate_of.is_not(None))
        ),
        blobs=scalar(select(func.count()).select_from(blobs)),
        blob_bytes=scalar(select(func.coalesce(func.sum(blobs.c.size), 0))),
        rejections=sum(by_reason.values()),
        rejections_by_reason=by_reason,
        log_entries=scalar(select(func.count()).select_from(custody_log)),
        database=database,
    )
