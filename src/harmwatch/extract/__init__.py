"""Extraction: article text in, evidence-linked harm records out.

``extract_text`` runs a registered extractor (default ``extractor.rules.v1``, the numbered cascade
in :mod:`harmwatch.extract.pipeline`) and returns the contract dict documented in
``docs/extraction.md`` and ``docs/schema/extraction.schema.json``. ``evaluate`` scores any
registered extractor against gold annotation.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from harmwatch._compiled import prefer_current_sources

# Before any module of this package is imported: compiled modules (make fast) run only while
# they match their sources.
prefer_current_sources()

from harmwatch.errors import ExtractionError, HarmwatchError  # noqa: E402
from harmwatch.extract.registry import available, get, register  # noqa: E402

__all__ = [
    "DEFAULT_EXTRACTOR",
    "available",
    "extract_text",
    "extraction_schema",
    "get",
    "register",
]

DEFAULT_EXTRACTOR = "extractor.rules.v1"


def extract_text(
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    language: str | None = None,
    source: str | None = None,
    sha256: str | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
) -> dict[str, Any]:
    """Extract one article text with the extractor registered as ``extractor``.

    Any failure inside the extractor is re-raised as :class:`ExtractionError` naming the
    source, so a batch can count it and move on.
    """
    fn = get(extractor)
    try:
        return fn(
            text, published=published, title=title, language=language, source=source, sha256=sha256
        )
    except HarmwatchError:
        raise
    except Exception as exc:  # an extractor bug must not kill a batch: typed, with the source
        raise ExtractionError(f"{source or '<text>'}: {extractor} failed: {exc!r}") from exc


@lru_cache(maxsize=1)
def extraction_schema() -> dict[str, Any]:
    """The JSON Schema of the extraction contract (shipped with the package)."""
    raw = resources.files(__name__).joinpath("extraction.schema.json").read_text("utf-8")
    return json.loads(raw)
