"""Saving extractions of stored documents: one run per (document, extractor), idempotently.

A run keeps the whole contract output (JSON) and its hash, and spreads figures, events and event
locations into their tables for querying. Running the same extractor again on the same text gives
the same output hash and changes nothing; a changed output (a newer version of the rules, a
changed text) replaces the run's rows. Every saved or replaced run is a custody-log entry naming
the document's blob and the output hash, so an extraction can be traced to the evidence and the
tool version that produced it. Different extractors' runs sit side by side.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from harmwatch import __version__
from harmwatch.errors import ExtractionError
from harmwatch.evidence import custody
from harmwatch.evidence.archive import Archive
from harmwatch.extract import DEFAULT_EXTRACTOR, extract_text
from harmwatch.store.tables import documents, event_locations, events, extraction_runs, figures

TOOL = f"harmwatch/{__version__}"


@dataclass
class ExtractSummary:
    saved: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: dict[int, str] = field(default_factory=dict)
    outputs: list[dict[str, Any]] = field(default_factory=list)


def _digest(output: dict[str, Any]) -> str:
    canonical = json.dumps(output, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _write_rows(conn: Connection, run_id: int, output: dict[str, Any]) -> None:
    for figure in output.get("figures", []):
        conn.execute(
            insert(figures).values(
                run_id=run_id,
                measure=figure["measure"],
                value=figure["value"],
                qualifier=figure["qualifier"],
                subject=figure.get("subject"),
                as_of=_day(figure.get("as_of")),
                cumulative=bool(figure.get("cumulative")),
                span_start=figure["span"][0],
                span_end=figure["span"][1],
                quote=figure["quote"],
            )
        )
    for event in output.get("events", []):
        detail = {
            k: event.get(k)
            for k in ("actors", "targets", "weapons", "figure_ids", "dates")
            if k in event
        }
        event_id = conn.execute(
            insert(events)
            .values(
                run_id=run_id,
                categories=event["categories"],
                date=_day(event.get("date")),
                date_end=_day(event.get("date_end")),
                date_precision=event.get("date_precision"),
                span_start=event["span"][0],
                span_end=event["span"][1],
                detail=detail,
            )
            .returning(events.c.id)
        ).scalar_one()
        for place in event.get("locations", []):
            conn.execute(
                insert(event_locations).values(
                    event_id=event_id,
                    mention=place["mention"],
                    name=place["name"],
                    country=place.get("country"),
                    lat=place.get("lat"),
                    lon=place.get("lon"),
                    geonameid=place.get("geonameid"),
                    precision=place["precision"],
                )
            )


def _clear_rows(conn: Connection, run_id: int) -> None:
    event_ids = select(events.c.id).where(events.c.run_id == run_id)
    conn.execute(delete(event_locations).where(event_locations.c.event_id.in_(event_ids)))
    conn.execute(delete(events).where(events.c.run_id == run_id))
    conn.execute(delete(figures).where(figures.c.run_id == run_id))


def save_run(
    conn: Connection,
    document_id: int,
    text_sha256: str,
    blob_sha256: str,
    output: dict[str, Any],
    extractor: str,
    actor: str,
) -> str:
    """Store ``output`` as the document's ``extractor`` run: saved, replaced or unchanged."""
    digest = _digest(output)
    existing = conn.execute(
        select(extraction_runs.c.id, extraction_runs.c.output_sha256).where(
            extraction_runs.c.document_id == document_id, extraction_runs.c.extractor == extractor
        )
    ).first()
    now = datetime.now(UTC)
    if existing and existing.output_sha256 == digest:
        return "unchanged"
    if existing:
        _clear_rows(conn, existing.id)
        conn.execute(
            update(extraction_runs)
            .where(extraction_runs.c.id == existing.id)
            .values(created_at=now, text_sha256=text_sha256, output=output, output_sha256=digest)
        )
        run_id, outcome = existing.id, "replaced"
    else:
        run_id = conn.execute(
            insert(extraction_runs)
            .values(
                document_id=document_id,
                extractor=extractor,
                created_at=now,
                text_sha256=text_sha256,
                output=output,
                output_sha256=digest,
            )
            .returning(extraction_runs.c.id)
        ).scalar_one()
        outcome = "saved"
    _write_rows(conn, run_id, output)
    custody.append(
        conn,
        "extract",
        actor=actor,
        tool_version=TOOL,
        sha256=blob_sha256,
        subject=f"document {document_id}",
        detail={
            "extractor": extractor,
            "run": run_id,
            "outcome": outcome,
            "output_sha256": digest,
            "text_sha256": text_sha256,
        },
    )
    return outcome


def extract_stored(
    archive: Archive,
    document_ids: Iterable[int] | None = None,
    *,
    extractor: str = DEFAULT_EXTRACTOR,
    on_done: Callable[[int, str], None] | None = None,
) -> ExtractSummary:
    """Run ``extractor`` on stored documents (all originals when ``document_ids`` is None)."""
    summary = ExtractSummary()
    query = select(
        documents.c.id,
        documents.c.text,
        documents.c.text_sha256,
        documents.c.sha256,
        documents.c.published,
        documents.c.title,
        documents.c.language,
        documents.c.source,
    ).order_by(documents.c.id)
    if document_ids is None:
        query = query.where(documents.c.duplicate_of.is_(None))
    else:
        wanted = list(document_ids)
        query = query.where(documents.c.id.in_(wanted))
    with archive.engine.connect() as conn:
        rows = conn.execute(query).all()
    if document_ids is not None:
        for missing in sorted(set(wanted) - {row.id for row in rows}):
            summary.failed[missing] = f"document {missing}: not found"
    for row in rows:
        try:
            output = extract_text(
                row.text,
                published=row.published,
                title=row.title,
                language=row.language,
                source=row.source,
                sha256=row.sha256,
                extractor=extractor,
            )
        except ExtractionError as exc:
            summary.failed[row.id] = str(exc)
            if on_done:
                on_done(row.id, "failed")
            continue
        with archive.engine.begin() as conn:
            outcome = save_run(
                conn, row.id, row.text_sha256, row.sha256, output, extractor, archive.cfg.actor
            )
        setattr(summary, outcome, getattr(summary, outcome) + 1)
        summary.outputs.append({"document_id": row.id, **output})
        if on_done:
            on_done(row.id, outcome)
    return summary
