"""Turning what the user names (files, directories, WARC archives, JSON records, URLs, feeds)
into :class:`~harmwatch.ingest.items.RawItem` s, one per document-to-be.

Everything that can go wrong with one input becomes a typed rejection yielded in its place, so
the batch goes on: the caller receives ``RawItem | RejectedInput`` in input order.
"""

from __future__ import annotations

import json
import logging
import re
import stat
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import httpx
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from harmwatch.config import Config
from harmwatch.errors import (
    BinaryContent,
    CompressionBomb,
    EmptyInput,
    MalformedInput,
    RejectedInput,
    TooLarge,
    UnreadableSource,
    UnsupportedType,
)
from harmwatch.ingest import fetch as fetching
from harmwatch.ingest.decode import sniff_binary
from harmwatch.ingest.items import HTML, MARKDOWN, PDF, RECORD, TEXT, RawItem

log = logging.getLogger(__name__)

Produced = RawItem | RejectedInput

_BY_SUFFIX = {
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".pdf": PDF,
}
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}
#: File kinds people will try to ingest that harmwatch does not read (yet): told apart from
#: junk so the message says what to do.
_UNSUPPORTED = {
    ".doc",
    ".docx",
    ".odt",
    ".rtf",
    ".xls",
    ".xlsx",
    ".ods",
    ".ppt",
    ".pptx",
    ".epub",
    ".zip",
    ".tar",
    ".7z",
    ".rar",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".tif",
    ".tiff",
    ".mp3",
    ".mp4",
    ".wav",
    ".ogg",
    ".webm",
    ".mov",
}
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_WARC_SUFFIXES = (".warc", ".warc.gz")
_RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}


def iter_sources(sources: list[str], cfg: Config, glob: str = "*") -> Iterator[Produced]:
    """Items from every source in order; directories recurse (``glob`` filters file names)."""
    client = fetching.make_client(cfg)
    try:
        for source in sources:
            if _URL.match(source):
                yield from _from_url(source, cfg, client)
                continue
            path = Path(source)
            if path.is_dir():
                for file in sorted(
                    p
                    for p in path.rglob(glob)
                    if not _hidden(p, path) and (p.is_file() or p.is_symlink())
                ):
                    yield from _from_file(file, cfg, client)
            else:
                yield from _from_file(path, cfg, client)
    finally:
        client.close()


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read(path: Path, cfg: Config) -> bytes:
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise UnreadableSource(name, "no such file or directory") from exc
    except OSError as exc:
        raise UnreadableSource(name, f"cannot read ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableSource(name, "not a regular file")
    if info.st_size > cfg.max_bytes:
        raise TooLarge(name, f"{info.st_size:,} bytes is over the cap of {cfg.max_bytes:,}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableSource(name, f"cannot read ({exc.strerror})") from exc


def gunzip_capped(data: bytes, source: str, cap: int) -> bytes:
    """Decompress gzip ``data``, refusing output beyond ``cap`` bytes (gzip bombs)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
    try:
        out = inflater.decompress(data, cap + 1)
    except zlib.error as exc:
        raise MalformedInput(source, f"broken gzip data ({exc})") from exc
    if len(out) > cap or inflater.unconsumed_tail:
        raise CompressionBomb(source, f"decompresses to more than {cap:,} bytes")
    return out


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _from_file(path: Path, cfg: Config, client: httpx.Client) -> Iterator[Produced]:
    name = str(path)
    suffix = _suffix(path)
    if suffix in _WARC_SUFFIXES:
        yield from _from_warc(path, cfg)
        return
    if suffix in _UNSUPPORTED:
        yield UnsupportedType(
            name, f"unsupported file type {suffix} (convert it to PDF, HTML or text first)"
        )
        return
    try:
        data = _read(path, cfg)
        if not data:
            raise EmptyInput(name, "empty file (0 bytes)")
        if suffix == ".gz":
            data = gunzip_capped(data, name, cfg.max_decompressed)
            if len(data) > cfg.max_bytes:
                raise TooLarge(name, f"decompressed size {len(data):,} is over the cap")
            suffix = Path(path.stem).suffix.lower()
    except RejectedInput as exc:
        yield exc
        return
    if suffix in _RECORD_SUFFIXES:
        yield from _from_records(name, data, _RECORD_SUFFIXES[suffix])
    elif suffix in _FEED_SUFFIXES and _looks_like_feed(data):
        yield from _from_feed(name, data, cfg, client)
    else:
        hint = _BY_SUFFIX.get(suffix) or _sniff_hint(data)
        if hint is None:
            binary = sniff_binary(data)
            yield (
                BinaryContent(name, f"binary content ({binary})")
                if binary
                else RawItem(source=name, kind="file", data=data, hint=TEXT)
            )
            return
        yield RawItem(source=name, kind="file", data=data, hint=hint)


def _sniff_hint(data: bytes) -> str | None:
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return PDF
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return HTML
    return None


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _from_records(name: str, data: bytes, kind: str) -> Iterator[Produced]:
    """JSON Lines (one record a line, its bytes kept as they are) or a JSON object/array."""
    if kind == "jsonl":
        lines = data.splitlines()
        records = [(f"#{i}", line) for i, line in enumerate(lines) if line.strip()]
    else:
        try:
            parsed = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            yield MalformedInput(name, f"invalid JSON ({exc})")
            return
        items = parsed if isinstance(parsed, list) else [parsed]
        records = [
            (f"#{i}", json.dumps(r, ensure_ascii=False, sort_keys=True).encode())
            for i, r in enumerate(items)
        ]
    if not records:
        yield EmptyInput(name, "no records")
    for locator, raw in records:
        source = name + locator
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            yield MalformedInput(source, f"invalid JSON record ({exc.__class__.__name__})")
            continue
        if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
            yield MalformedInput(source, "record has no 'text' or 'html' field")
            continue
        meta = {k: record.get(k) for k in ("title", "published", "publisher") if record.get(k)}
        yield RawItem(
            source=source,
            kind="record",
            data=raw,
            hint=RECORD,
            url=record.get("url"),
            locator=locator,
            meta=meta,
        )


def _from_warc(path: Path, cfg: Config) -> Iterator[Produced]:
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableSource(name, "not a regular file")
        handle = path.open("rb")
    except FileNotFoundError:
        yield UnreadableSource(name, "no such file or directory")
        return
    except OSError as exc:
        yield UnreadableSource(name, f"cannot read ({exc.strerror})")
        return
    except RejectedInput as exc:
        yield exc
        return
    found = 0
    with handle:
        iterator = ArchiveIterator(handle)
        try:
            for record in iterator:
                if record.rec_type not in ("response", "resource"):
                    continue
                ctype = (
                    record.http_headers.get_header("Content-Type")
                    if record.http_headers
                    else record.rec_headers.get_header("Content-Type")
                ) or ""
                if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                    continue
                body = record.content_stream().read(cfg.max_bytes + 1)
                offset = iterator.get_record_offset()
                source = f"{name}#{offset}"
                if len(body) > cfg.max_bytes:
                    yield TooLarge(source, f"WARC record over the cap of {cfg.max_bytes:,} bytes")
                    continue
                found += 1
                status = record.http_headers.get_statuscode() if record.http_headers else None
                headers = dict(record.http_headers.headers) if record.http_headers else None
                yield RawItem(
                    source=source,
                    kind="warc",
                    data=body,
                    hint=HTML if "html" in ctype.lower() else TEXT,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    locator=f"#{offset}",
                    retrieved_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
                    http_status=int(status) if status and status.isdigit() else None,
                    http_headers={k.lower(): v for k, v in headers.items()} if headers else None,
                )
        except (
            ArchiveLoadFailed,
            ValueError,
            EOFError,
            OSError,
            zlib.error,
            AttributeError,
            KeyError,
            TypeError,
        ) as exc:
            # warcio surfaces broken records as any of these (an AttributeError for a record
            # with no target URI); all mean "this archive cannot be read past here".
            yield MalformedInput(
                name,
                f"broken WARC record after {found} good records "
                f"({type(exc).__name__}: {str(exc)[:120]})",
            )
            return
    if not found:
        yield EmptyInput(name, "WARC holds no HTML or text response records")


def _warc_date(value: str | None) -> datetime:
    if value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    return datetime.now(UTC)


def _fetched_item(fetched: fetching.Fetched, kind: str, meta: dict | None = None) -> RawItem:
    ctype = fetched.content_type
    hint = (
        PDF
        if "pdf" in ctype
        else TEXT
        if ctype.startswith("text/plain")
        else _sniff_hint(fetched.content) or HTML
    )
    return RawItem(
        source=fetched.url,
        kind=kind,
        data=fetched.content,
        hint=hint,
        url=fetched.final_url,
        retrieved_at=fetched.retrieved_at,
        http_status=fetched.status,
        http_headers=fetched.headers,
        meta=meta or {},
    )


def _from_url(url: str, cfg: Config, client: httpx.Client) -> Iterator[Produced]:
    try:
        fetched = fetching.fetch(url, cfg, client)
    except RejectedInput as exc:
        yield exc
        return
    if (
        "xml" in fetched.content_type
        or "rss" in fetched.content_type
        or _looks_like_feed(fetched.content)
    ):
        yield from _from_feed(url, fetched.content, cfg, client)
        return
    yield _fetched_item(fetched, "url")


def _from_feed(name: str, data: bytes, cfg: Config, client: httpx.Client) -> Iterator[Produced]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield MalformedInput(name, f"unreadable feed ({parsed.bozo_exception})")
        return
    if not parsed.entries:
        yield EmptyInput(name, "feed has no entries")
    for index, entry in enumerate(parsed.entries):
        meta = {
            "title": entry.get("title"),
            "published": _entry_date(entry),
            "publisher": parsed.feed.get("title"),
        }
        meta = {k: v for k, v in meta.items() if v}
        link = entry.get("link")
        if link and link.startswith(("http://", "https://")):
            try:
                yield _fetched_item(fetching.fetch(link, cfg, client), "feed", meta)
            except RejectedInput as exc:
                yield exc
            continue
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        if body:
            yield RawItem(
                source=f"{name}#{index}",
                kind="feed",
                data=body.encode("utf-8"),
                hint=HTML,
                locator=f"#{index}",
                meta=meta,
            )
        else:
            yield MalformedInput(f"{name}#{index}", "feed entry has neither a link nor content")


def _entry_date(entry) -> str | None:  # type: ignore[no-untyped-def]
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}" if stamp else None
