"""One raw item to one parsed document: the work done in parsing processes.

Runs in worker processes, so it takes and returns plain picklable values and reports rejection
by returning the typed error rather than raising across the process boundary.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from harmwatch.errors import EmptyInput, MalformedInput, RejectedInput
from harmwatch.ingest import dedup
from harmwatch.ingest.decode import decode_bytes
from harmwatch.ingest.html import parse_html
from harmwatch.ingest.items import HTML, PDF, RECORD, RawItem
from harmwatch.ingest.plaintext import ParsedText, parse_plain_text

log = logging.getLogger(__name__)

#: Article text shorter than this (after furniture removal) is not a document.
MIN_TEXT_CHARS = 20
#: Pages of a PDF read at most; reports longer than this are rare and slow to parse.
MAX_PDF_PAGES = 500


@dataclass(slots=True)
class ParsedDocument:
    text: str
    text_sha256: str
    title: str | None
    published: date | None
    published_source: str | None
    language: str | None
    author: str | None
    site_name: str | None
    encoding: str | None
    furniture: list[dict[str, Any]] = field(default_factory=list)
    signature: list[int] = field(default_factory=list)


def _pdf_text(data: bytes, source: str) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise MalformedInput(source, f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise EmptyInput(source, "PDF has no text layer (scanned images need OCR first)")
    return text


def _record(item: RawItem) -> tuple[ParsedText, str]:
    record = json.loads(item.data)
    if record.get("html"):
        parsed = parse_html(str(record["html"]), item.source, item.url)
    else:
        parsed = parse_plain_text(str(record["text"]), item.url)
    if item.meta.get("title"):
        parsed.title = str(item.meta["title"])
    if item.meta.get("published"):
        try:
            parsed.published = date.fromisoformat(str(item.meta["published"])[:10])
            parsed.published_source = "record"
        except ValueError:
            log.warning(
                "%s: ignoring unreadable 'published' %r", item.source, item.meta["published"]
            )
    if item.meta.get("publisher"):
        parsed.site_name = str(item.meta["publisher"])
    return parsed, "utf-8"


def parse_item(item: RawItem) -> ParsedDocument | RejectedInput:
    """Decode, extract article text and metadata, and sign the text for near-duplicate lookup."""
    try:
        if item.hint == RECORD:
            parsed, encoding = _record(item)
        elif item.hint == PDF:
            parsed, encoding = parse_plain_text(_pdf_text(item.data, item.source), item.url), None
        else:
            text, encoding = decode_bytes(item.data, item.source)
            if item.hint == HTML:
                parsed = parse_html(text, item.source, item.url)
            else:
                parsed = parse_plain_text(text, item.url)
        if item.meta.get("title") and not parsed.title:
            parsed.title = str(item.meta["title"])
        if item.meta.get("published") and not parsed.published:
            try:
                parsed.published = date.fromisoformat(str(item.meta["published"])[:10])
                parsed.published_source = "feed"
            except ValueError:
                pass
        if len(parsed.text.strip()) < MIN_TEXT_CHARS:
            raise EmptyInput(item.source, "no article text left after removing page furniture")
    except RejectedInput as exc:
        return exc
    except Exception as exc:
        log.exception("%s: parser failure", item.source)
        return MalformedInput(item.source, f"could not be parsed ({type(exc).__name__}: {exc})")
    return ParsedDocument(
        text=parsed.text,
        text_sha256=hashlib.sha256(parsed.text.encode("utf-8")).hexdigest(),
        title=parsed.title,
        published=parsed.published,
        published_source=parsed.published_source,
        language=parsed.language,
        author=parsed.author,
        site_name=parsed.site_name,
        encoding=encoding,
        furniture=[
            {
                "start": c.start,
                "end": c.end,
                "reason": c.reason,
                "text": parsed.raw_text[c.start : c.end],
            }
            for c in parsed.furniture
        ],
        signature=dedup.signature(parsed.text),
    )
