"""``harmwatch ingest``: sources in, evidence and documents stored, a summary out.

1. **Enumerate** sources into raw items in input order (:mod:`.sources`); rejections flow along.
2. **Skip** items whose bytes are already stored (re-ingesting is a no-op) without parsing them.
3. **Parse** in a pool of processes (trafilatura is CPU-bound; every core gets work), writing
   each document's blob there too, at most
   ``IN_FLIGHT_PER_WORKER`` items per worker ahead, so memory stays flat on big directories.
4. **Store** each result in input order from this process (one writer: SQLite's way, and it
   makes "first copy" well-defined for near-duplicates).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from harmwatch.errors import RejectedInput
from harmwatch.evidence.archive import Archive
from harmwatch.evidence.blobs import BlobStore, sha256_hex
from harmwatch.ingest.items import RawItem
from harmwatch.ingest.parse import ParsedDocument, parse_item
from harmwatch.ingest.sources import iter_sources
from harmwatch.ingest.writer import Stored, existing_document, record_rejection, store_document

log = logging.getLogger(__name__)

#: Items handed to the pool ahead of the writer, per worker: enough to keep workers busy while
#: the writer commits, few enough that a directory of 100,000 files is not read into memory.
IN_FLIGHT_PER_WORKER = 4
#: Below this many items a pool costs more to start than it saves.
MIN_ITEMS_FOR_POOL = 8


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    results: list[dict] = field(default_factory=list)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    @property
    def ok(self) -> bool:
        return self.rejected_total == 0


Event = Callable[[str, dict], None]


def ingest(
    archive: Archive, sources: list[str], *, glob: str = "*", on_event: Event | None = None
) -> IngestSummary:
    """Ingest ``sources`` into ``archive``; see the module docstring for the steps."""
    summary = IngestSummary()
    emit = on_event or (lambda _kind, _data: None)
    seen: set[str] = set()

    def pending() -> Iterable[RawItem]:
        for produced in iter_sources(sources, archive.cfg, glob):
            if isinstance(produced, RejectedInput):
                _reject(archive, summary, produced, emit)
                continue
            sha = sha256_hex(produced.data)
            existing = existing_document(archive.engine, sha)
            if existing is not None or sha in seen:
                summary.unchanged += 1
                summary.results.append(
                    {
                        "source": produced.source,
                        "status": "unchanged",
                        "sha256": sha,
                        "document_id": existing,
                    }
                )
                emit("unchanged", {"source": produced.source})
                continue
            seen.add(sha)
            yield produced

    root = str(archive.blobs.root)
    for item, parsed in _parse_all(pending(), archive.cfg.effective_workers(), root):
        if isinstance(parsed, RejectedInput):
            _reject(archive, summary, parsed, emit)
            continue
        stored = store_document(archive.engine, archive.blobs, archive.cfg, item, parsed)
        _count(summary, stored, emit)
    return summary


def prepare(item: RawItem, blob_root: str) -> ParsedDocument | RejectedInput:
    """Parse ``item`` and, when it is a document, write its blob (in the worker, in parallel:
    hashing, writing and flushing the original bytes need not wait for the single writer)."""
    parsed = parse_item(item)
    if not isinstance(parsed, RejectedInput):
        BlobStore(blob_root).put(item.data)
    return parsed


def _parse_all(items: Iterable[RawItem], workers: int, blob_root: str):  # type: ignore[no-untyped-def]
    """``(item, prepare(item))`` in input order, prepared by ``workers`` processes."""
    iterator = iter(items)
    head: list[RawItem] = []
    for item in iterator:
        head.append(item)
        if len(head) >= MIN_ITEMS_FOR_POOL:
            break
    if workers <= 1 or len(head) < MIN_ITEMS_FOR_POOL:
        for item in [*head, *iterator]:
            yield item, prepare(item, blob_root)
        return
    context = multiprocessing.get_context("fork")
    window: deque[tuple[RawItem, Future[ParsedDocument | RejectedInput]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:

        def submit(item: RawItem) -> None:
            window.append((item, pool.submit(prepare, item, blob_root)))

        for item in head:
            submit(item)
        for item in iterator:
            while len(window) >= workers * IN_FLIGHT_PER_WORKER:
                done_item, future = window.popleft()
                yield done_item, future.result()
            submit(item)
        while window:
            done_item, future = window.popleft()
            yield done_item, future.result()


def _reject(archive: Archive, summary: IngestSummary, error: RejectedInput, emit: Event) -> None:
    log.warning("%s", error)
    summary.rejected[type(error).__name__] += 1
    summary.results.append(
        {
            "source": error.source,
            "status": "rejected",
            "reason": type(error).__name__,
            "message": error.reason,
        }
    )
    record_rejection(archive.engine, error)
    emit(
        "rejected",
        {"source": error.source, "reason": type(error).__name__, "message": error.reason},
    )


def _count(summary: IngestSummary, stored: Stored, emit: Event) -> None:
    if not stored.new:
        summary.unchanged += 1
        status = "unchanged"
    elif stored.duplicate_of is not None:
        summary.duplicates += 1
        status = "duplicate"
    else:
        summary.stored += 1
        status = "stored"
    summary.results.append(
        {
            "source": stored.source,
            "status": status,
            "sha256": stored.sha256,
            "document_id": stored.document_id,
            "duplicate_of": stored.duplicate_of,
            "similarity": stored.similarity,
        }
    )
    emit(status, {"source": stored.source, "document_id": stored.document_id})
