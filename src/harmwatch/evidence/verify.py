"""``harmwatch verify``: prove the evidence is intact, or name exactly what is not.

Two walks:

1. every blob the database knows is re-hashed against its address (missing, altered);
2. the custody chain is walked in sequence order, recomputing each entry's hash and checking it
   points to its predecessor (a gap, an edited entry, a broken link).

Blobs on disk that the database does not know are reported as orphans but do not fail the check:
a crash between writing a blob and committing its row leaves one, and the next ingest adopts it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from harmwatch.evidence.blobs import BlobStore
from harmwatch.evidence.custody import GENESIS, entry_hash
from harmwatch.store.tables import blobs, custody_log


@dataclass
class VerifyReport:
    blobs_checked: int = 0
    entries_checked: int = 0
    problems: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(
    engine: Engine, store: BlobStore, progress: Callable[[int, int], None] | None = None
) -> VerifyReport:
    """Re-hash every blob and walk the custody chain; see the module docstring."""
    report = VerifyReport()
    with engine.connect() as conn:
        known = [
            row.sha256 for row in conn.execute(select(blobs.c.sha256).order_by(blobs.c.sha256))
        ]
        entries = conn.execute(select(custody_log).order_by(custody_log.c.seq)).all()
    total = len(known) + len(entries)
    for index, sha in enumerate(known, 1):
        report.blobs_checked += 1
        if not store.has(sha):
            report.problems.append(f"blob {sha}: missing from {store.root}")
        else:
            actual = store.rehash(sha)
            if actual != sha:
                report.problems.append(f"blob {sha}: altered (its bytes now hash to {actual})")
        if progress:
            progress(index, total)
    known_set = set(known)
    report.orphans = [sha for sha in store.addresses() if sha not in known_set]
    prev, expected_seq = GENESIS, 1
    for index, row in enumerate(entries, len(known) + 1):
        report.entries_checked += 1
        if row.seq != expected_seq:
            report.problems.append(
                f"custody chain broken at entry {expected_seq}: entries {expected_seq}.."
                f"{row.seq - 1} are missing"
            )
        if row.prev_hash != prev:
            report.problems.append(
                f"custody chain broken at entry {row.seq}: it does not point to entry "
                f"{row.seq - 1}'s hash"
            )
        recomputed = entry_hash(
            row.seq,
            row.at,
            row.action,
            row.actor,
            row.tool_version,
            row.sha256,
            row.subject,
            row.detail,
            row.prev_hash,
        )
        if recomputed != row.entry_hash:
            report.problems.append(
                f"custody chain broken at entry {row.seq}: its content was altered "
                f"(stored hash {row.entry_hash[:12]}…, content hashes to {recomputed[:12]}…)"
            )
        prev, expected_seq = row.entry_hash, row.seq + 1
        if progress:
            progress(index, total)
    return report
