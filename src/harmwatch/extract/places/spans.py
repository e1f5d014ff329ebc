"""Candidate name spans: the lexical half of place finding.

Why spans come from capitalisation: English (and transliterated) place names are written
capitalised, so only runs of capitalised words (:mod:`tokens`) — joined by spaces, hyphens,
the connectors names contain ("of", "al-", "de") or a possessive ("Cox's Bazar"), and ending
at most in one lowercase site word ("Lachin corridor") — are looked up. The longest span that
is a key of the index wins, and each hit records the lexical facts the next stage judges it by.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from harmwatch.extract.places.candidates import top_candidate
from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.normalize import ARTICLE_FORMS
from harmwatch.extract.places.tokens import Doc, Token, Word

# Features whose names survive the person/organisation rules (see disambiguate.py).
STRONG_FEATURES = frozenset({"country", "region", "area"})
# Longest span the finder tries, in tokens. Names with more words ("Donetsk Academic Regional
# Drama Theater") are rare and bounded by the index's own longest key anyway.
MAX_SPAN_TOKENS = 7
# Shortest key accepted for a place that is not written in capitals ("Of" in Turkey, "Ur" in
# Iraq are real places but two-letter capitalised words are nearly always something else).
MIN_KEY_CHARS = 3
# Token keys whose start limits a caller's dict of :func:`find_hits` keeps before it is started
# afresh (a few MB at most).
MAX_START_KEYS = 100_000
_DATELINE_MARKS = (",", "(", "-", "\u2013", "\u2014", " (", " -", " \u2013", " \u2014")
# Words after "the X" that keep X a place ("the Haifa area", "the Kherson countryside"):
# unlike "the Azerbaijan defense plant", they name the surroundings of the place itself.
AREA_WORDS = frozenset("area areas countryside outskirts suburbs vicinity environs".split())
# Particles inside personal and place names; a capitalised word after one continues the name
# ("San Antonio de Garamendi", "Ibn Saud"). Unlike "and"/"of" they never join two names.
NAME_PARTICLES = frozenset(
    "de del della di da do dos das du des la le los las van von der den bin ibn al el".split()
)


@dataclass(slots=True, init=False)
class Hit:
    """A span whose key is in the index, with the lexical facts about its surroundings."""

    first: int  # token indexes, inclusive
    last: int
    key: str
    rows: Sequence[object]  # Candidate rows from the index (see candidates.Candidate)
    end: int  # character end of the span (past a trailing site word)
    title_before: bool  # "President X", "Mr X", "spokesman X"
    names_before: bool  # capitalised name-like words before it in the same run
    names_after: bool  # capitalised name-like words after it in the same run
    sent_start: bool
    speech_after: bool  # "X said"
    modifier: bool  # "the X defense plant": X names something else after "the"
    foreign_script: bool  # not Latin script (a language menu, a quoted name)
    shouting: bool  # written in capitals ("WOLA"): an acronym unless a dateline
    dateline: bool  # capitals opening a line, then "," "(" or a dash ("KYIV, Ukraine")
    strong: bool  # some candidate is a country, region or area
    suffix: str | None  # region suffix right after ("Kharkiv region")
    after: Word | None  # the word right after the span, if on the same line

    # Written out rather than generated (``init=False``): compiled, a dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call (docs/extraction.md, "Speed"). Same arguments and defaults.
    def __init__(
        self,
        first: int,
        last: int,
        key: str,
        rows: Sequence[object],
        end: int,
        title_before: bool = False,
        names_before: bool = False,
        names_after: bool = False,
        sent_start: bool = False,
        speech_after: bool = False,
        modifier: bool = False,
        foreign_script: bool = False,
        shouting: bool = False,
        dateline: bool = False,
        strong: bool = False,
        suffix: str | None = None,
        after: Word | None = None,
    ) -> None:
        self.first = first
        self.last = last
        self.key = key
        self.rows = rows
        self.end = end
        self.title_before = title_before
        self.names_before = names_before
        self.names_after = names_after
        self.sent_start = sent_start
        self.speech_after = speech_after
        self.modifier = modifier
        self.foreign_script = foreign_script
        self.shouting = shouting
        self.dateline = dateline
        self.strong = strong
        self.suffix = suffix
        self.after = after


@lru_cache(maxsize=4)
def _first_words(names: frozenset[str]) -> frozenset[str]:
    """The first word of each name (``lex.world_regions``), to test a token cheaply."""
    return frozenset(name.split(" ", 1)[0] for name in names)


#: The most tokens a world region's name spans ("horn of africa" is two: "of" joins them).
_WORLD_REGION_TOKENS = 3


def _past_world_region(tokens: list[Token], i: int, names: frozenset[str]) -> int | None:
    """The index after a world region's name starting at token ``i`` ("Middle East", "Horn
    of Africa", "Sub-Saharan Africa"), or None when none starts there."""
    key = tokens[i].key
    found = None
    for k in range(i + 1, min(i + _WORLD_REGION_TOKENS, len(tokens))):
        join = tokens[k].join
        if join in (" ", "-"):
            key = f"{key} {tokens[k].key}"
        elif join == "of":
            key = f"{key} of {tokens[k].key}"
        else:
            break
        if key in names:
            found = k + 1
    return found


def find_hits(
    doc: Doc,
    lex: Lexicon,
    max_words: Callable[[str], int],
    lookup: Callable[[str], Sequence[object]],
    limits: dict[str, int] | None = None,
) -> list[Hit]:
    """Longest-match scan: at each startable token, try the longest span down to one word.

    ``limits`` remembers, per token key, the most words a name starting with it may have (0
    when none can start there: a never-word, or no key of the index starts with it); a caller
    that keeps one ``lex`` and one index passes the same dict for every text (news repeats its
    capitalised words), which saves two set look-ups and an index call per token.
    """
    if limits is None:
        limits = {}
    tokens = doc.tokens
    never, demonyms = lex.never, lex.demonyms  # (never-words are remembered in ``limits``)
    hits: list[Hit] = []
    not_name = _not_name_like(lex)
    suffixes = _suffix_set(lex)
    world_firsts = _first_words(lex.world_regions)
    n = len(tokens)
    i = 0
    while i < n:
        first = tokens[i].key
        if first in world_firsts:
            past = _past_world_region(tokens, i, lex.world_regions)
            if past is not None:
                i = past  # "the Middle East", "Latin America": no place, no word of it either
                continue
        limit = limits.get(first)
        if limit is None:
            limit = 0 if first in never else max_words(first.split(" ", 1)[0])
            if len(limits) >= MAX_START_KEYS:
                limits.clear()
            limits[first] = limit
        if limit == 0:
            i += 1
            continue
        # A demonym starts a name only with more words ("Saudi Hospital"), never alone.
        min_len = 2 if first in demonyms else 1
        found = None
        for j, key, end, words in reversed(_spans_from(doc, i, lex, limit)):
            if words < min_len:
                continue
            if len(key) < MIN_KEY_CHARS and not tokens[j].text.isupper():
                continue
            rows = lookup(key)
            if rows:
                found = Hit(i, j, key, rows, end)
                break
        if found is None:
            i += 1
            continue
        _describe(found, doc, lex, not_name, suffixes)
        if found.suffix is None and found.end == tokens[found.last].end:
            _unit_of_list(found, doc, lookup)
        if found.suffix is None:
            _unit_before(found, doc, lookup)
        if (
            hits
            and tokens[found.first].join in ("-", "–")
            and hits[-1].last == found.first - 1
            and _ROUTE_AFTER.match(doc.text, found.end)
        ):
            # "the Gyumri-Yerevan motorway", "the Kabul–Kandahar highway": two places joined,
            # not one person's double name ("Lvova-Belova")
            hits[-1].names_after = found.names_before = False
        hits.append(found)
        i = found.last + 1
    return hits


#: "the Tartar and Aghdam districts", "Nasir, Ulang and Maiwut counties": names listed before a
#: plural unit word are each a unit of that kind.
_UNIT_LIST = re.compile(
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)*\s+"
    r"(districts|provinces|regions|counties|governorates|oblasts|states|municipalities|"
    r"rayons|raions|departments|prefectures|marzes)\b"
)
_SINGULAR = {"counties": "county", "municipalities": "municipality", "marzes": "marz"}


def _unit_of_list(hit: Hit, doc: Doc, lookup: Callable[[str], Sequence[object]]) -> None:
    """Give ``hit`` the unit a list of names ends in ("Aghdam districts", "Tartar and Aghdam
    districts"), when the index knows the name as such a unit ("tartar district")."""
    m = _UNIT_LIST.match(doc.text, hit.end)
    if m is None:
        return
    plural = m.group(1)
    unit = _SINGULAR.get(plural, plural[:-1])
    rows = lookup(f"{hit.key} {unit}")
    if rows:
        hit.rows = rows
        hit.suffix = unit
        hit.strong = top_candidate(rows).feature in STRONG_FEATURES  # type: ignore[arg-type]


#: A road, line or pipeline named after the towns it joins ("Gyumri-Yerevan motorway").
ROUTE_WORDS = r"(?:motorway|highway|road|railway|rail\s+line|pipeline|corridor|route|expressway)"
_ROUTE_AFTER = re.compile(rf"\s+{ROUTE_WORDS}\b", re.IGNORECASE)
#: "the department of Risaralda", "the province of Idlib": a unit word and "of" before a name
#: (not "district", as "the Saltivka district of Kharkiv" is a part of a city).
_UNIT_OF_BEFORE = re.compile(
    r"\b(department|province|state|governorate|region|oblast|county|prefecture)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: Characters read before a name for :data:`_UNIT_OF_BEFORE`.
_UNIT_OF_WINDOW = 28


def _unit_before(hit: Hit, doc: Doc, lookup: Callable[[str], Sequence[object]]) -> None:
    """Give ``hit`` the unit a phrase before it names ("the department of Risaralda"), when
    the index knows the name as such a unit: the unit, not a town of the same name."""
    start = doc.tokens[hit.first].start
    if doc.text[max(0, start - 4) : start] not in (" of ", "the "):
        return  # a cheap test before the pattern: "... of X", "... of the X"
    m = _UNIT_OF_BEFORE.search(doc.text, max(0, start - _UNIT_OF_WINDOW), start)
    if m is None:
        return
    unit = m.group(1).lower()
    rows = lookup(f"{hit.key} {unit}")
    if rows:
        hit.rows = rows
        hit.suffix = unit
        hit.strong = top_candidate(rows).feature in STRONG_FEATURES  # type: ignore[arg-type]


def _spans_from(doc: Doc, i: int, lex: Lexicon, limit: int) -> list[tuple[int, str, int, int]]:
    """Spans starting at token ``i``, shortest first: (last token, key, char end, words)."""
    tokens, text = doc.tokens, doc.text
    site_words = lex.site_words
    out: list[tuple[int, str, int, int]] = []
    key = tokens[i].key
    words = key.count(" ") + 1
    j = i
    n = len(tokens)
    while True:
        tok = tokens[j]
        if words <= limit:
            end = tok.end
            out.append((j, key, end, words))
            after = (
                doc.word_after(end)
                # doc.lowercase_after(end), spelled out: it is asked for most tokens
                if words < limit
                and not tok.possessive
                and text.startswith(" ", end)
                and "a" <= text[end + 1 : end + 2] <= "z"
                else None
            )
            if after is not None and after.key in site_words:
                out.append((j, f"{key} {after.key}", after.end, words + 1))
        if words >= limit or j + 1 >= n or j + 1 - i >= MAX_SPAN_TOKENS:
            break  # (a longer span has more words than any key starting with this word)
        nxt = tokens[j + 1]
        join = nxt.join
        if not join:
            break
        if join == " " or join == "-":
            glue = ""
        elif join == "s":
            glue = "s"
        elif join in lex.connectors:
            glue = " " + ARTICLE_FORMS.get(join, join)
        else:
            break
        key = f"{key}{glue} {ARTICLE_FORMS.get(nxt.key, nxt.key)}"
        words = key.count(" ") + 1
        if words > limit:
            break
        j += 1
    return out


def _name_like(key: str, lex: Lexicon) -> bool:
    """A capitalised word that could be part of a person's or an organisation's name."""
    return key not in _not_name_like(lex)


#: Per lexicon (by identity, the lexicon kept alive beside it): the keys :func:`_name_like`
#: rejects, as one set.
_NOT_NAME_LIKE: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _not_name_like(lex: Lexicon) -> frozenset[str]:
    """Descriptors, demonyms, never-words, region suffixes and titles, in one set."""
    entry = _NOT_NAME_LIKE.get(id(lex))
    if entry is None or entry[0] is not lex:
        words = frozenset().union(
            lex.descriptors, lex.demonyms, lex.never, lex.region_suffixes, lex.titles
        )
        entry = _NOT_NAME_LIKE[id(lex)] = (lex, words)
    return entry[1]


def _suffix_set(lex: Lexicon) -> frozenset[str]:
    """``lex.region_suffixes`` as a set (a tuple there: the builder reads it in order)."""
    entry = _SUFFIX_SETS.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _SUFFIX_SETS[id(lex)] = (lex, frozenset(lex.region_suffixes))
    return entry[1]


_SUFFIX_SETS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _describe(
    hit: Hit,
    doc: Doc,
    lex: Lexicon,
    not_name: frozenset[str] | None = None,
    suffixes: frozenset[str] | None = None,
) -> None:
    """Record the lexical surroundings of ``hit`` (see :class:`Hit`).

    Countries, regions and areas survive every lexical rule but the title one, so for them
    only the title and a region suffix are read (half the hits of a text are such names).
    """
    tokens, text = doc.tokens, doc.text
    first, last = tokens[hit.first], tokens[hit.last]
    if not_name is None:
        not_name = _not_name_like(lex)
    if suffixes is None:
        suffixes = _suffix_set(lex)
    hit.strong = top_candidate(hit.rows).feature in STRONG_FEATURES  # type: ignore[arg-type]
    if hit.strong:
        hit.title_before = _title_before(hit, doc, lex)
        end = last.end
        if hit.end == end and not last.possessive and doc.lowercase_after(end):
            after = doc.word_after(end)
            hit.after = after
            if after is not None and after.key in suffixes:
                hit.suffix = after.key
        return
    hit.sent_start = doc.sentence_start(first)
    # Walk back over the capitalised run (spaces and hyphens only).
    k = hit.first
    while k > 0 and tokens[k].join in (" ", "-"):
        k -= 1
        prev = tokens[k]
        if prev.key in lex.titles:
            hit.title_before = True
            break
        if prev.key not in not_name and not prev.possessive and not doc.headline(prev.start):
            hit.names_before = True
    if not hit.title_before:
        if tokens[k].join in NAME_PARTICLES and k > 0 and tokens[k - 1].key not in not_name:
            hit.names_before = hit.names_before or not doc.headline(tokens[k].start)
        before = doc.prev_word(tokens[k].start)
        if before is not None and before.key in lex.titles:
            hit.title_before = True
    hit.foreign_script = not _latin(first.text)
    if len(first.text) > 1:
        hit.shouting = (
            first.text.isupper()
            if hit.first == hit.last
            else all(tokens[x].text.isupper() for x in range(hit.first, hit.last + 1))
        )
    if hit.shouting and hit.sent_start:
        hit.dateline = text[hit.end : hit.end + 2].startswith(_DATELINE_MARKS)
    # Look ahead.
    if hit.end != last.end or last.possessive:
        return  # ends in a site word or a possessive: nothing more is read after it
    nxt_tok = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    if nxt_tok is not None and nxt_tok.join in (" ", "-") and nxt_tok.key not in not_name:
        hit.names_after = not doc.headline(nxt_tok.start)
    elif (
        nxt_tok is not None
        and nxt_tok.join == " "
        and nxt_tok.key in lex.titles
        and hit.last + 2 < len(tokens)
        and tokens[hit.last + 2].join == " "
        and tokens[hit.last + 2].key not in not_name
    ):
        # "Hassan Sheikh Mohamud": a title inside a person's name, between two names
        hit.names_after = not doc.headline(nxt_tok.start)
    elif nxt_tok is not None and nxt_tok.join in NAME_PARTICLES and nxt_tok.key not in not_name:
        # "San Antonio de Garamendi": the name goes on past a particle.
        hit.names_after = not doc.headline(nxt_tok.start)
    after = doc.word_after(last.end)
    hit.after = after
    if after is None:
        return
    if after.key in suffixes:
        hit.suffix = after.key
    if after.key in lex.speech_verbs:
        # "Gava said" is a person; "residents of Kabul said", "in Kabul said" a place
        before = doc.prev_word(first.start)
        hit.speech_after = before is None or (
            before.key != "of" and before.key not in lex.locatives
        )
    if not after.cap and after.key not in lex.site_words and after.key not in lex.connectors:
        before = doc.prev_word(first.start)
        hit.modifier = (
            before is not None
            and before.key == "the"
            and after.key not in suffixes
            and after.key not in AREA_WORDS
        )


def _title_before(hit: Hit, doc: Doc, lex: Lexicon) -> bool:
    """A title right before the name or its capitalised run ("Colonel Jordan Smith").

    Two-letter titles in capitals ("DR Congo") abbreviate a name here; they are no titles.
    """
    tokens = doc.tokens
    k = hit.first
    while k > 0 and tokens[k].join in (" ", "-"):
        k -= 1
        if tokens[k].key in lex.titles and not _caps_abbreviation(tokens[k].text):
            return True
    before = doc.prev_word(tokens[k].start)
    if before is None or before.key not in lex.titles:
        return False
    return not _caps_abbreviation(doc.text[before.start : before.end])


def _caps_abbreviation(word: str) -> bool:
    return len(word) <= 2 and word.isupper()


def _latin(word: str) -> bool:
    """True when the word's first letter is Latin (basic, extended or Latin Extended Additional)."""
    code = ord(word[0])
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF
