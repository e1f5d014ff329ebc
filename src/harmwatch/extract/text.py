"""Stage 1: sentences and tokens, with character offsets into the article text.

Every later stage reports spans into the *original* text, so nothing here normalises or copies:
a :class:`Sentence` is an offset pair plus its paragraph number, a :class:`Token` an offset pair.
News text breaks the usual rules (headlines without a full stop, hard-wrapped lines, "said.The"
with no space, "5.40 p.m."), so the splitter is a small set of explicit rules rather than a
trained model, chosen to keep captions, headlines and datelines as sentences of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MONTH_NAMES",
    "SPEECH_VERBS",
    "WEEKDAYS",
    "Sentence",
    "Token",
    "month_name_pattern",
    "speech_verbs",
    "split_sentences",
    "tokenize",
    "weekday_pattern",
]

#: The calendar's names, lower case, in order (Monday is weekday 0, as in :mod:`datetime`).
#: Every stage that reads or skips a day or month name takes them from here.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def weekday_pattern(*, capitalised: bool = False) -> str:
    """The weekday names as a regex alternation ("monday|tuesday|..."), optionally capitalised
    for case-sensitive patterns."""
    return "|".join(w.capitalize() if capitalised else w for w in WEEKDAYS)


def month_name_pattern(*, capitalised: bool = False) -> str:
    """The full month names as a regex alternation, optionally capitalised."""
    return "|".join(m.capitalize() if capitalised else m for m in MONTH_NAMES)


#: The verbs every frame of attribution starts from ("the ministry said", "said on Monday",
#: "Kyiv told"); each frame adds the verbs of its own purpose with :func:`speech_verbs`.
SPEECH_VERBS = ("said", "says", "told", "announced", "stated", "reported")


def speech_verbs(*more: str) -> str:
    """:data:`SPEECH_VERBS` and ``more`` (words or regex fragments) as one alternation, without
    a group: a frame reads "(?:" + speech_verbs(...) + ")"."""
    return "|".join((*SPEECH_VERBS, *more))


#: Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "u.s",
        "u.n",
        "a.m",
        "p.m",
        "approx",
        "fig",
        "art",
        "vol",
        "dept",
        "gov",
        "rev",
    ]
)
#: A line shorter than this with no final punctuation is a headline/caption: its own sentence.
HEADLINE_MAX_CHARS = 160

#: Words that say people tried or sentenced were captives of the other side (the devset lists
#: sentenced captives as detained and dates their sentencing; defendants tried for their own
#: crimes are neither): read by the figures and dates stages.
TRIED_CAPTIVES = re.compile(
    r"\b(?:captiv\w*|captured|prisoners?\s+of\s+war|pows?|hostages?|detainees?|held\s+by|"
    # a soldier of the other side tried by the side holding him is its captive
    r"soldiers?|servicem[ae]n|servicemembers?|marines?|tank\s+commanders?|armed\s+forces)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
#: A sentence end: punctuation, closing quotes/brackets, then a capital or digit after a space, a
#: capital and a small letter ("said.The"), or an opening quote and a capital. Every branch
#: starts with the punctuation mark, written once in front so the regex engine can skip
#: straight to the next ``.``, ``!`` or ``?`` instead of trying each character of the text.
#: The Armenian full stop "։" (U+0589), kept by translations from Armenian, ends a sentence too.
_BOUNDARY = re.compile(
    r"[.!?։](?:[.!?։]*[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|[\"”]?(?=[A-Z][a-z])|(?=[“\"][A-Z]))"
)
_PARA = re.compile(r"\n[ \t]*\n+|\n(?=[ \t]*[•\-*]\s)")


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    """A sentence: ``text[start:end]``, its index and the paragraph it belongs to."""

    index: int
    start: int
    end: int
    paragraph: int

    # Written out rather than generated (``init=False``): compiled, a dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call (docs/extraction.md, "Speed").
    def __init__(self, index: int, start: int, end: int, paragraph: int) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "paragraph", paragraph)

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]


@dataclass(frozen=True, slots=True, init=False)
class Token:
    """A token: ``text[start:end]`` and its lower-cased form."""

    start: int
    end: int
    lower: str

    def __init__(self, start: int, end: int, lower: str) -> None:  # (see :class:`Sentence`)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "lower", lower)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text`` with offsets shifted by ``offset`` (the sentence start)."""
    return [
        Token(m.start() + offset, m.end() + offset, m.group().lower())
        for m in _TOKEN.finditer(text)
    ]


_FUNCTION_WORD_END = re.compile(
    r"\b(?:the|of|a|an|and|or|for|to|in|on|at|by|with|from|had|has|have|was|were|is|are|that|"
    r"which|who|as|its|their|his|her)$",
    re.IGNORECASE,
)
#: A line this long or longer, not ending a sentence, is part of hard-wrapped prose.
WRAPPED_LINE_MIN_CHARS = 30
#: Characters before a line end that can hold a function word and the boundary before it
#: ("which" is the longest, plus one): only this tail of the line is searched for one.
FUNCTION_WORD_TAIL = 8
_DOTTED_END = re.compile(r"(?<![\w.])((?:\w\.)+\w)$")
_WORD_END = re.compile(r"(\w+)$")


def _hard_wrapped(text: str, start: int, end: int) -> bool:
    """True when most lines of a paragraph are wrapped prose (AFP copy, e-mail bulletins)."""
    lines = [ln.strip() for ln in text[start:end].split("\n") if ln.strip()]
    if len(lines) < 3:
        return False
    open_lines = [
        ln
        for ln in lines[:-1]
        if len(ln) >= WRAPPED_LINE_MIN_CHARS and not ln.endswith((".", "!", "?", ":", '"', "”"))
    ]
    return len(open_lines) * 2 >= len(lines) - 1


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets where a single newline ends a sentence (headline, caption, list line)."""
    cuts: list[int] = []
    pos = start
    if text.find("\n", pos, end) < 0:
        return cuts  # one line: nothing to cut (most paragraphs)
    wrapped = _hard_wrapped(text, start, end)
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            return cuts
        # The paragraph so far, right-stripped, is text[start:prev_end]; only its last
        # characters matter, and slicing all of it at every newline is quadratic.
        prev_end = nl
        while prev_end > start and text[prev_end - 1].isspace():
            prev_end -= 1
        prev = text[max(start, prev_end - FUNCTION_WORD_TAIL) : prev_end]
        line_start = (
            text.rfind("\n", start, nl) + 1 if text.rfind("\n", start, nl) >= start else start
        )
        line = text[line_start:nl].strip()
        nxt_start = nl + 1  # the next line, left-stripped, starts here
        while nxt_start < end and text[nxt_start].isspace():
            nxt_start += 1
        nxt = text[nxt_start : nxt_start + 1]
        continues = bool(nxt) and (
            nxt[0].islower()
            or prev.endswith((",", "-", "–", "—", "("))
            or bool(
                _FUNCTION_WORD_END.search(text, max(start, prev_end - FUNCTION_WORD_TAIL), prev_end)
            )
            or (wrapped and not prev.endswith((".", "!", "?", ":", "”", '"')))
        )
        if (
            line
            and not continues
            and (
                prev.endswith((".", "!", "?", ":", "”", '"'))
                or len(line) <= HEADLINE_MAX_CHARS
                or nxt[:1].isupper()
            )
        ):
            cuts.append(nl)
        pos = nl + 1


def _is_abbreviation(text: str, dot: int) -> bool:
    window = text[max(0, dot - 12) : dot]
    dotted = _DOTTED_END.search(window)
    if dotted:
        return True
    m = _WORD_END.search(window)
    if not m:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper())


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (offsets into ``text``), paragraph-aware."""
    sentences: list[Sentence] = []
    para_start = 0
    paragraphs: list[tuple[int, int]] = []
    for m in _PARA.finditer(text):
        paragraphs.append((para_start, m.start()))
        para_start = m.end()
    paragraphs.append((para_start, len(text)))
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        cuts = set(_line_breaks(text, p_start, p_end))
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            dot = m.start()
            if text[dot] == "." and (
                _is_abbreviation(text, dot)
                or (dot > 0 and text[dot - 1].isdigit() and text[dot + 1 : dot + 2].isdigit())
            ):
                continue
            cuts.add(m.end())
        bounds = sorted(c for c in cuts if p_start < c < p_end)
        seg_start = p_start
        for cut in [*bounds, p_end]:
            s, e = seg_start, cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append(Sentence(len(sentences), s, e, p_index))
            seg_start = cut
    return sentences
