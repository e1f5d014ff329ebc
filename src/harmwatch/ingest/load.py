"""Reading sources into parsed documents without storing them.

``harmwatch extract FILE`` works on documents that are not (yet) in the store; it must see the
same article text ingestion would store (same decoding, same furniture removal, same metadata),
so it goes through the same sources and parser, minus the writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from harmwatch.config import Config
from harmwatch.errors import RejectedInput
from harmwatch.evidence.blobs import sha256_hex
from harmwatch.ingest.items import RawItem
from harmwatch.ingest.parse import ParsedDocument, parse_item
from harmwatch.ingest.sources import iter_sources


@dataclass(slots=True)
class Loaded:
    """A parsed document and the bytes it came from."""

    item: RawItem
    parsed: ParsedDocument

    @property
    def sha256(self) -> str:
        return sha256_hex(self.item.data)


def load_sources(
    sources: list[str], cfg: Config, glob: str = "*"
) -> Iterator[Loaded | RejectedInput]:
    """Parsed documents (or typed rejections) for ``sources``, in order, nothing stored."""
    for produced in iter_sources(sources, cfg, glob):
        if isinstance(produced, RejectedInput):
            yield produced
            continue
        parsed = parse_item(produced)
        yield parsed if isinstance(parsed, RejectedInput) else Loaded(produced, parsed)
