"""Data shipped with the package: the sample corpus (written for the project) and supplements."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent


def sample_corpus() -> Path:
    """The directory of the bundled sample documents (what ``harmwatch demo`` ingests)."""
    return DATA / "sample" / "docs"


def sample_manifest() -> Path:
    """The sample corpus manifest: per document its format, relevance, copies and phrases."""
    return DATA / "sample" / "manifest.json"
