"""The unit of ingestion: one original byte string and where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

#: Media hints a source can give; the parser also sniffs the bytes.
HTML, TEXT, MARKDOWN, PDF, RECORD = "html", "text", "markdown", "pdf", "record"

MEDIA_TYPES = {
    HTML: "text/html",
    TEXT: "text/plain",
    MARKDOWN: "text/markdown",
    PDF: "application/pdf",
    RECORD: "application/json",
}


@dataclass(slots=True)
class RawItem:
    """Bytes to store as one blob and parse as one document."""

    source: str  # path, URL, or "path#locator" for records inside a file
    kind: str  # file | record | warc | url | feed
    data: bytes
    hint: str  # one of HTML, TEXT, MARKDOWN, PDF, RECORD
    url: str | None = None
    locator: str | None = None
    retrieved_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    http_status: int | None = None
    http_headers: dict[str, str] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.hint]
