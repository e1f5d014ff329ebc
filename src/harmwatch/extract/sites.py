"""Named sites — hospitals, cathedrals, camps, theatres — that a gazetteer does not hold.

Harm often happens at a named facility ("the Saudi Hospital", "Abu Shouk displacement camp",
"the Donetsk Academic Regional Drama Theater", "Ghazanchetsots Cathedral"), which no city-level
gazetteer lists. A site is a run of capitalised words ending in (or introduced by) a facility
head noun. Its ``alternates`` hold the usual rewordings — inner lower-case words dropped ("Abu
Shouk camp"), "Cathedral of X" as "X Cathedral", a possessive city folded in ("Mosul Old City")
— so evaluation and linking can match the way analysts write the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from harmwatch.codebook.anchors import anchor
from harmwatch.extract.wordindex import WordIndex

__all__ = ["SITE_PATTERNS", "SiteMention", "find_sites"]

_HEAD = (
    r"(?:Hospital|Cathedral|Church|Mosque|Monastery|Theat(?:er|re)|Camp|Park|Port|"
    r"Museum|University|School|Prison|Station|Airport|Stadium|Market|Bridge|Corridor|"
    r"Centre|Center|Clinic|Library|Temple|Shrine|Old City|Lake|Plant|Dam)"
)
_CAP = r"(?:[A-Z][\w’'-]*|al-[A-Z][\w’'-]*|\"[A-Z][\w’'-]*\")"
_SITE_BEFORE_HEAD = re.compile(
    rf"\b((?:{_CAP}(?:'s|’s)?\s+)+(?:(?:displacement|refugee|detention|children's|maternity|"
    rf"teaching|main|central|regional)\s+)?{_HEAD.replace('Camp', '[Cc]amp')})\b"
)
_HEAD_OF = re.compile(rf"\b({_HEAD}\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*)")
#: Every site mention holds a head noun starting a word: a window without one has no site.
_HEAD_WORD = anchor(re.compile(rf"\b{_HEAD.replace('Camp', '[Cc]amp')}"))
_HEAD_OF_ANCHORED = anchor(_HEAD_OF)
#: What :func:`find_sites` needs in a window: it finds nothing where none of these can match.
SITE_PATTERNS = (_HEAD_WORD,)
_HEAD_OF_NAME = re.compile(rf"^({_HEAD})\s+of\s+(?:the\s+)?(.+)$")
_POSSESSIVE = re.compile(r"['’]s\s")
_GENERIC_CAPS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "In", "On", "At"})


@dataclass(frozen=True, slots=True)
class SiteMention:
    """A named site as written, with rewordings an analyst may use."""

    start: int
    end: int
    mention: str
    name: str
    alternates: tuple[str, ...]


def _alternates(name: str) -> tuple[str, ...]:
    alts: list[str] = []
    words = name.split()
    capped = [w for w in words if w[:1].isupper() or w.lower() in ("camp", "of")]
    if len(capped) != len(words):
        alts.append(" ".join(capped))
    m = _HEAD_OF_NAME.match(name)
    if m:
        alts.append(f"{m.group(2)} {m.group(1)}")
    if "'s " in name or "’s " in name:
        alts.append(_POSSESSIVE.sub(" ", name))
    return tuple(dict.fromkeys(a for a in alts if a and a != name))


def find_sites(
    text: str, start: int, end: int, words: WordIndex | None = None
) -> list[SiteMention]:
    """Named sites in ``text[start:end]``.

    With the document's :class:`WordIndex` (``words``), a window without a head noun is
    passed over without scanning it.
    """
    if words is not None and words.indexed(_HEAD_WORD):
        heads = words.starts(_HEAD_WORD)
        i = bisect_left(heads, start)
        if i == len(heads) or heads[i] >= end:
            return []
    out: list[SiteMention] = []
    for pat in (_SITE_BEFORE_HEAD, _HEAD_OF):
        for m in pat.finditer(text, start, end):
            s, e = m.start(1), m.end(1)
            words = text[s:e].split()
            while words and words[0] in _GENERIC_CAPS:
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or any(o.start <= s < o.end or s <= o.start < e for o in out):
                continue
            mention = text[s:e]
            name = mention.replace('"', "")
            out.append(SiteMention(s, e, mention, name, _alternates(name)))
    return sorted(out, key=lambda x: x.start)
