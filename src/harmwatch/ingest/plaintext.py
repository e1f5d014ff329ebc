"""Plain text (a page dump, a .txt or .md file) to article text plus metadata.

Runs furniture removal (:mod:`harmwatch.ingest.furniture`), publication-date detection
(:mod:`harmwatch.ingest.published`) and language identification on decoded text. This is also
what the extractor calls on a file that is not yet stored, so a document gives the same article
text whichever way it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from harmwatch.ingest.furniture import Cut, apply_cuts, find_furniture
from harmwatch.ingest.language import detect_language
from harmwatch.ingest.published import detect_published

#: A first line longer than this is prose, not a title.
MAX_TITLE_CHARS = 200
#: A first line with fewer words is a section label ("Digest", "News"), not a title.
MIN_TITLE_WORDS = 3


@dataclass(slots=True)
class ParsedText:
    """Article text and what was learnt about it. ``furniture`` spans index the raw text."""

    text: str
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    language: str | None = None
    author: str | None = None
    site_name: str | None = None
    furniture: list[Cut] = field(default_factory=list)
    raw_text: str = ""

    def furniture_texts(self) -> list[tuple[str, str]]:
        """``(reason, text)`` for every cut, for display."""
        return [(c.reason, self.raw_text[c.start : c.end]) for c in self.furniture]


def _guess_title(text: str) -> str | None:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if not stripped:
            continue
        if len(stripped.split()) < MIN_TITLE_WORDS:
            continue
        if len(stripped) <= MAX_TITLE_CHARS and not stripped.endswith((".", ",", ";")):
            return stripped
        return None
    return None


def parse_plain_text(raw: str, url: str | None = None) -> ParsedText:
    """Split ``raw`` into article text and furniture; detect date, title and language."""
    cuts = find_furniture(raw)
    text = apply_cuts(raw, cuts)
    published, source = detect_published(raw, url)
    return ParsedText(
        text=text,
        title=_guess_title(text),
        published=published,
        published_source=source,
        language=detect_language(text),
        furniture=cuts,
        raw_text=raw,
    )
