"""The harmwatch exception tree.

Every error harmwatch raises on purpose derives from :class:`HarmwatchError`. Third-party
errors (lxml, httpx, psycopg, warcio, pypdf) are re-raised as one of these ``from exc`` at the
point where they enter, so callers catch one tree and the batch summary can count rejections by
class name.

::

    HarmwatchError
    ├── ConfigError                 a setting or CLI option is unusable
    ├── StoreError                  the database cannot be opened, migrated or written
    │   └── IntegrityViolation      custody log tampering, a write the triggers refused
    ├── EvidenceError               the evidence store does not hold what it should
    │   ├── BlobMissing             a blob named by the database is not on disk
    │   └── BlobAltered             a blob's bytes no longer hash to its address
    ├── RejectedInput               one input was refused; the batch goes on
    │   ├── UnreadableSource        path missing, permission denied, not a regular file
    │   ├── EmptyInput              0 bytes, whitespace only, or no text after extraction
    │   ├── TooLarge                over the size cap (raw or decompressed)
    │   │   └── CompressionBomb     decompression ratio or size beyond the cap
    │   ├── BinaryContent           bytes that are not text, HTML, PDF, WARC or JSON
    │   ├── EncodingError           bytes that decode to no plausible text
    │   ├── MalformedInput          broken HTML/PDF/JSON/WARC record beyond repair
    │   ├── UnsupportedType         a file kind harmwatch does not ingest
    │   └── FetchError              a URL or feed could not be fetched
    │       └── BlockedAddress      the URL resolves to a private/loopback/link-local address
    └── ExtractionError             an extractor failed on a document
"""

from __future__ import annotations


class HarmwatchError(Exception):
    """Base of every error harmwatch raises on purpose."""


class ConfigError(HarmwatchError):
    """A setting, environment variable or CLI option cannot be used."""


class StoreError(HarmwatchError):
    """The database cannot be opened, migrated or written."""


class IntegrityViolation(StoreError):
    """A write that would change history (custody log update/delete) was refused."""


class EvidenceError(HarmwatchError):
    """The evidence store does not hold what the database says it holds."""


class BlobMissing(EvidenceError):
    """A blob the database names is absent from the blob directory."""


class BlobAltered(EvidenceError):
    """A blob's bytes no longer hash to the address it is stored under."""


class RejectedInput(HarmwatchError):
    """One input was refused. ``source`` names it, ``reason`` says why in one line."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Rejections cross process boundaries (parsing workers); keep both fields on the way.
        return (self.__class__, (self.source, self.reason))


class UnreadableSource(RejectedInput):
    """The path does not exist, cannot be read, or is not a regular file."""


class EmptyInput(RejectedInput):
    """Zero bytes, whitespace only, or no article text left after extraction."""


class TooLarge(RejectedInput):
    """The input is over the configured size cap."""


class CompressionBomb(TooLarge):
    """Decompressed data grows beyond the cap (a gzip bomb or a runaway archive)."""


class BinaryContent(RejectedInput):
    """The bytes are not text, HTML, PDF, WARC or JSON."""


class EncodingError(RejectedInput):
    """No encoding turns the bytes into plausible text."""


class MalformedInput(RejectedInput):
    """HTML, PDF, JSON or a WARC record is broken beyond repair."""


class UnsupportedType(RejectedInput):
    """A file kind harmwatch does not ingest."""


class FetchError(RejectedInput):
    """A URL or feed could not be fetched (timeout, HTTP error, too many redirects)."""


class BlockedAddress(FetchError):
    """The URL resolves to a loopback, private or link-local address (SSRF guard)."""


class ExtractionError(HarmwatchError):
    """An extractor failed on a document."""


__all__ = [
    "BinaryContent",
    "BlobAltered",
    "BlobMissing",
    "BlockedAddress",
    "CompressionBomb",
    "ConfigError",
    "EmptyInput",
    "EncodingError",
    "EvidenceError",
    "ExtractionError",
    "FetchError",
    "HarmwatchError",
    "IntegrityViolation",
    "MalformedInput",
    "RejectedInput",
    "StoreError",
    "TooLarge",
    "UnreadableSource",
    "UnsupportedType",
]
