"""Plain text (a page dump, a .txt or .md file) to article text plus metadata.

Runs furniture removal (:mod:`harmwatch.ingest.furniture`), publication-date detection
(:mod:`harmwatch.ingest.published`) and language identification on decoded text. This is also
what the extractor calls on a file that is not yet stored, so a document gives the same article
text whichever way it arrives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from harmwatch.ingest.furniture import Cut, apply_cuts, find_furniture
from harmwatch.ingest.language import detect_language
from harmwatch.ingest.published import detect_published

#: A first line longer than this is prose, not a title.
MAX_TITLE_CHARS = 200
#: A first line with fewer words is a section label ("Digest", "News"), not a title.
MIN_TITLE_WORDS = 3
#: Hard-wrapped copy (wire text, e-mail bulletins) breaks its lines at a fixed width in this
#: range; a line at least WRAP_FULL of that width, without a sentence end, was wrapped.
WRAP_WIDTH_MIN, WRAP_WIDTH_MAX = 40, 120
WRAP_FULL = 0.8
#: A paragraph is wrapped when at least this many of its lines (and this share of all but its
#: last) are full.
WRAP_MIN_FULL_LINES, WRAP_FULL_SHARE = 3, 2 / 3
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_CLOSED = (".", "!", "?", ":", ";", '"', "”")
#: Dot leaders, tabs or runs of spaces: columns of a table, whose lines are of one width too.
_COLUMNS = re.compile(r"\.{4,}|(?:\. ){3,}|\t|\S {3,}\S")
_BULLETS = ("-", "–", "—", "•", "*", "·", "►", "▪", "|")


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


def unwrap_lines(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped paragraphs turned into spaces.

    Wire copy and e-mailed bulletins break lines at a fixed width ("... said on Monday that
    27\npeople were killed"); the extractor reads a line break as the end of a headline,
    a list entry or a label's count, so a count on one line lost its verb on the next. A
    paragraph is wrapped when at least three lines, and two thirds of all but its last, fill the
    width of its longest one; each full line that ends no sentence is joined to the next one (a
    bullet or a label's line is not). One character stands for one, so every offset holds.
    """
    chars: list[str] | None = None
    start = 0
    for end in [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        para, para_start, start = text[start:end], start, end
        lines = para.split("\n")
        if len(lines) < 3:
            continue
        if _COLUMNS.search(para):
            continue  # a table of figures ("People injured ........ 217") is padded, not wrapped
        stripped = [ln.strip() for ln in lines]
        width = max(len(ln) for ln in stripped)
        if not WRAP_WIDTH_MIN <= width <= WRAP_WIDTH_MAX:
            continue
        full = [len(ln) >= WRAP_FULL * width for ln in stripped]
        # (short lines opening the paragraph, a title or a time stamp, are left out of the count)
        body = len(lines) - 1 - next(i for i, f in enumerate(full) if f)
        if sum(full[:-1]) < max(WRAP_MIN_FULL_LINES, WRAP_FULL_SHARE * body):
            continue  # (a title, a subtitle and a dateline are no wrapped paragraph)
        offset = para_start
        for i, line in enumerate(lines[:-1]):
            offset += len(line)  # the newline after this line
            nxt = stripped[i + 1]
            if (
                full[i]
                and not stripped[i].endswith(_LINE_CLOSED)
                and nxt
                and not nxt.startswith(_BULLETS)
            ):
                chars = chars if chars is not None else list(text)
                chars[offset] = " "
            offset += 1
    return text if chars is None else "".join(chars)


def parse_plain_text(raw: str, url: str | None = None) -> ParsedText:
    """Split ``raw`` into article text and furniture; detect date, title and language."""
    cuts = find_furniture(raw)
    text = unwrap_lines(apply_cuts(raw, cuts))
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
