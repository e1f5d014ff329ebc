"""The custody log: an append-only, hash-chained record of everything done to the evidence.

Each entry's ``entry_hash`` is the SHA-256 of its canonical content (sequence number, time,
action, actor, tool version, blob hash, subject, detail) together with the previous entry's hash,
so changing, removing or reordering any entry breaks every hash after it. The database refuses
UPDATE and DELETE on the table (triggers, migration 0002); :mod:`harmwatch.evidence.verify`
catches what was done behind the triggers' back.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select, text

from harmwatch.store.tables import custody_log

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class Entry:
    seq: int
    at: str
    action: str
    actor: str
    tool_version: str
    sha256: str | None
    subject: str | None
    detail: str
    prev_hash: str
    entry_hash: str


def entry_hash(
    seq: int,
    at: str,
    action: str,
    actor: str,
    tool_version: str,
    sha256: str | None,
    subject: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    """The hash an entry with this content must carry."""
    payload = json.dumps(
        [seq, at, action, actor, tool_version, sha256, subject, detail, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    conn: Connection,
    action: str,
    *,
    actor: str,
    tool_version: str,
    sha256: str | None = None,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
) -> Entry:
    """Append one entry inside the caller's transaction and return it."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE custody_log IN SHARE ROW EXCLUSIVE MODE"))
    last = conn.execute(
        select(custody_log.c.seq, custody_log.c.entry_hash)
        .order_by(custody_log.c.seq.desc())
        .limit(1)
    ).first()
    seq = (last.seq + 1) if last else 1
    prev = last.entry_hash if last else GENESIS
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    detail_text = json.dumps(
        detail or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )
    digest = entry_hash(seq, at, action, actor, tool_version, sha256, subject, detail_text, prev)
    row = Entry(seq, at, action, actor, tool_version, sha256, subject, detail_text, prev, digest)
    conn.execute(custody_log.insert().values(**{f: getattr(row, f) for f in row.__slots__}))
    return row


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(custody_log)).scalar_one())
