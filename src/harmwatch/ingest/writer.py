"""Storing one parsed document: blob, capture, document row, LSH bands and custody entry.

The blob is written first (atomic rename), then everything else in one transaction. A crash
between the two leaves an orphan blob that the next run adopts; a crash inside the transaction
leaves nothing. Re-running a batch therefore ends with every document stored exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from harmwatch import __version__
from harmwatch.config import Config
from harmwatch.errors import RejectedInput
from harmwatch.evidence import custody
from harmwatch.evidence.blobs import BlobStore
from harmwatch.ingest import dedup
from harmwatch.ingest.items import RawItem
from harmwatch.ingest.parse import ParsedDocument
from harmwatch.store import documents as docs
from harmwatch.store.tables import documents

TOOL = f"harmwatch/{__version__}"


@dataclass(frozen=True, slots=True)
class Stored:
    source: str
    document_id: int
    sha256: str
    duplicate_of: int | None
    similarity: float | None
    new: bool


def existing_document(engine: Engine, sha256: str) -> int | None:
    with engine.connect() as conn:
        row = conn.execute(select(documents.c.id).where(documents.c.sha256 == sha256)).first()
    return row.id if row else None


def store_document(
    engine: Engine, blobs: BlobStore, cfg: Config, item: RawItem, parsed: ParsedDocument
) -> Stored:
    sha, _new_blob = blobs.put(item.data)
    with engine.begin() as conn:
        found = conn.execute(
            select(documents.c.id, documents.c.duplicate_of, documents.c.similarity).where(
                documents.c.sha256 == sha
            )
        ).first()
        if found:
            return Stored(item.source, found.id, sha, found.duplicate_of, found.similarity, False)
        docs.insert_blob(conn, sha, len(item.data), item.media_type)
        capture_id = docs.insert_capture(
            conn,
            sha256=sha,
            source=item.source,
            source_kind=item.kind,
            locator=item.locator,
            retrieved_at=item.retrieved_at,
            http_status=item.http_status,
            http_headers=item.http_headers,
            size=len(item.data),
            media_type=item.media_type,
            tool_version=TOOL,
        )
        duplicate_of, similarity = _near_duplicate(conn, parsed, cfg.near_duplicate)
        document_id = docs.insert_document(
            conn,
            sha256=sha,
            capture_id=capture_id,
            source=item.source,
            url=item.url,
            title=parsed.title,
            published=parsed.published,
            published_source=parsed.published_source,
            author=parsed.author,
            site_name=parsed.site_name,
            language=parsed.language,
            media_type=item.media_type,
            text=parsed.text,
            text_sha256=parsed.text_sha256,
            furniture=parsed.furniture,
            minhash=dedup.pack(parsed.signature),
            duplicate_of=duplicate_of,
            similarity=similarity,
            ingested_at=docs.now(),
        )
        if duplicate_of is None:
            docs.insert_bands(conn, document_id, dedup.bands(parsed.signature))
        custody.append(
            conn,
            "capture",
            actor=cfg.actor,
            tool_version=TOOL,
            sha256=sha,
            subject=f"document {document_id}",
            detail={
                "source": item.source,
                "kind": item.kind,
                "size": len(item.data),
                "media_type": item.media_type,
                "http_status": item.http_status,
                "url": item.url,
                "duplicate_of": duplicate_of,
                "similarity": similarity,
            },
        )
        docs.clear_rejection(conn, item.source)
    return Stored(item.source, document_id, sha, duplicate_of, similarity, True)


def _near_duplicate(
    conn, parsed: ParsedDocument, threshold: float
) -> tuple[int | None, float | None]:  # type: ignore[no-untyped-def]
    exact = docs.document_by_text(conn, parsed.text_sha256)
    if exact is not None:
        return exact, 1.0
    best: tuple[int | None, float | None] = (None, None)
    for candidate, packed in docs.band_candidates(conn, dedup.bands(parsed.signature)):
        score = dedup.similarity(parsed.signature, dedup.unpack(packed))
        if score >= threshold and (best[1] is None or score > best[1]):
            best = (candidate, score)
    return best


def record_rejection(engine: Engine, error: RejectedInput) -> None:
    with engine.begin() as conn:
        docs.record_rejection(conn, error.source, type(error).__name__, error.reason)
