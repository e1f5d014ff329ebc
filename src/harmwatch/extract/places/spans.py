"""Tokens and candidate name spans: the lexical half of place finding.

Why spans come from capitalisation: English (and transliterated) place names are written
capitalised, so only runs of capitalised tokens — with the connectors names contain ("of",
"al-", "de"), a possessive ("Cox's Bazar") and one trailing site word ("Lachin corridor") —
are looked up. The longest span that is a key of the index wins. Each hit carries the
lexical facts that later decide whether it is a place at all (title before it, capitalised
words around it, sentence start, a speech verb after it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.normalize import APOSTROPHES, HYPHENS, normalise

# Longest span the finder tries, in tokens. Names with more words ("Donetsk Academic Regional
# Drama Theater") are rare and bounded by the index's own longest key anyway.
MAX_SPAN_TOKENS = 7
# Shortest key accepted for a place that is not a country ("Of" in Turkey, "Ur" in Iraq are
# real places but two-letter capitalised words are nearly always something else).
MIN_KEY_CHARS = 3

# Lines whose words are mostly capitalised are headlines in title case ("Azerbaijani Shelling
# Hits Stepanakert"): capitalisation there says nothing about names, so the run-based
# person/organisation rules are switched off on them. 0.6 separates headlines from prose
# sentences full of names, which stay under half in practice.
HEADLINE_CAP_SHARE = 0.6
# Fewer words than this and a line is a caption or a byline, not a headline.
HEADLINE_MIN_WORDS = 4

_WORD_RE = re.compile(rf"(?:[A-Z]\.){{2,}}|[^\W\d_]+(?:[{re.escape(APOSTROPHES)}][^\W\d_]+)*")
_POSSESSIVE_RE = re.compile(rf"[{re.escape(APOSTROPHES)}][sS]$")
_HYPHEN_GAP = frozenset(HYPHENS)
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "ash", "at", "az", "ed", "en", "es"})
_SENTENCE_END = frozenset(".!?:;\"“”‘’'•*|()[]{}>")
# Particles inside personal and place names; a capitalised word after one continues the name
# ("San Antonio de Garamendi", "Ibn Saud"). Unlike "and"/"of" they never join two names.
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "los",
     "las", "van", "von", "der", "den", "bin", "ibn", "al", "el"}
)
_SMALL_WORDS = frozenset({"of", "and", "the", "in", "on", "at", "to", "a", "an", "for", "by", "as"})


@dataclass(slots=True)
class Token:
    """One word of the text with what the finder needs to know about it.

    Hyphenated words are split ("Stepanakert-based" -> "Stepanakert", "based") with
    ``clean_before`` set on the second part, so a span can still run across the hyphen and
    "Nagorno-Karabakh" keys the same as "Nagorno Karabakh".
    """

    start: int
    end: int
    text: str
    key: str
    cap: bool  # starts with a capital (or is a glued article before a capital: "al-Balah")
    sent_start: bool  # first word of a sentence, line or quotation
    clean_before: bool  # only spaces or one hyphen (no newline, no punctuation) since previous
    possessive: bool  # the token is "Kyiv" of "Kyiv's" (end excludes the "'s")
    line: int  # line number, for headline detection
    headline: bool = False


def tokenise(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets (possessive "'s" kept off the token)."""
    tokens: list[Token] = []
    prev_end = 0
    line = 0
    for m in _WORD_RE.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        possessive = len(word) > 2 and bool(_POSSESSIVE_RE.search(word))
        if possessive:
            end -= 2
            word = word[:-2]
        gap = text[prev_end:start]
        newlines = gap.count("\n")
        line += newlines
        hyphen_join = len(gap) == 1 and gap in _HYPHEN_GAP and bool(tokens)
        stripped = gap.strip()
        clean = bool(tokens) and (hyphen_join or (not stripped and not newlines))
        if not tokens or newlines:
            sent_start = True
        elif hyphen_join:
            sent_start = False
        else:
            sent_start = stripped[-1:] in _SENTENCE_END if stripped else False
        tokens.append(
            Token(start, end, word, normalise(word), word[0].isupper(), sent_start, clean,
                  possessive, line)
        )
        prev_end = m.end()
    _mark_glued_articles(tokens)
    _mark_headlines(tokens)
    return tokens


def _mark_glued_articles(tokens: list[Token]) -> None:
    """"al-Nuri", "el-Fasher": the article counts as capitalised when glued to a capital."""
    for k in range(len(tokens) - 1):
        tok, nxt = tokens[k], tokens[k + 1]
        if (
            not tok.cap
            and tok.key in _ARTICLES
            and nxt.cap
            and nxt.clean_before
            and nxt.start - tok.end == 1
        ):
            tok.cap = True


def _mark_headlines(tokens: list[Token]) -> None:
    """Flag tokens of title-case lines (see HEADLINE_CAP_SHARE)."""
    start = 0
    n = len(tokens)
    while start < n:
        end = start
        while end < n and tokens[end].line == tokens[start].line:
            end += 1
        words = [t for t in tokens[start:end] if t.key not in _SMALL_WORDS]
        if len(words) >= HEADLINE_MIN_WORDS:
            share = sum(1 for t in words if t.cap) / len(words)
            if share >= HEADLINE_CAP_SHARE:
                for t in tokens[start:end]:
                    t.headline = True
        start = end


@dataclass(slots=True)
class Hit:
    """A span whose key is in the index, with the lexical facts about its surroundings."""

    first: int  # token indexes, inclusive
    last: int
    key: str
    rows: Sequence[object]  # Candidate rows from the index (see lookup.Candidate)
    title_before: bool = False  # "President X", "Mr X", "spokesman X"
    names_before: bool = False  # capitalised name-like words before it in the same run
    names_after: bool = False  # capitalised name-like words after it in the same run
    sent_start: bool = False
    speech_after: bool = False  # "X said"
    suffix: str | None = None  # region suffix right after ("Kharkiv region")
    flags: set[str] = field(default_factory=set)


def find_hits(
    tokens: list[Token],
    lex: Lexicon,
    max_words: Callable[[str], int],
    lookup: Callable[[str], Sequence[object]],
) -> list[Hit]:
    """Longest-match scan: at each startable token, try the longest span down to one word."""
    hits: list[Hit] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if not _startable(tok, lex):
            i += 1
            continue
        first_word = tok.key.split(" ", 1)[0]
        limit = max_words(first_word)
        if limit == 0:
            i += 1
            continue
        ends = _span_ends(tokens, i, lex, limit)
        found = None
        for j in reversed(ends):
            key = span_key(tokens, i, j)
            if len(key) < MIN_KEY_CHARS and not tokens[j].text.isupper():
                continue
            rows = lookup(key)
            if rows:
                found = Hit(i, j, key, rows)
                break
        if found is None:
            i += 1
            continue
        _describe(found, tokens, lex)
        hits.append(found)
        i = found.last + 1
    return hits


def _startable(tok: Token, lex: Lexicon) -> bool:
    """A span may start here: capitalised, not a stop word, not a demonym."""
    if not tok.cap:
        return False
    return tok.key not in lex.never and tok.key not in lex.demonyms


def _span_ends(tokens: list[Token], i: int, lex: Lexicon, limit: int) -> list[int]:
    """Token indexes where a span starting at ``i`` may end, shortest first."""
    ends = [i]
    words = tokens[i].key.count(" ") + 1
    j = i
    n = len(tokens)
    while j + 1 < n and j + 1 - i < MAX_SPAN_TOKENS:
        nxt = tokens[j + 1]
        if not nxt.clean_before and not (
            tokens[j].possessive and nxt.start - tokens[j].end <= 3
        ):
            break
        if tokens[j].possessive and nxt.start - tokens[j].end > 3:
            break
        words += nxt.key.count(" ") + 1
        if words > limit:
            break
        j += 1
        if nxt.cap:
            ends.append(j)
        elif nxt.key in lex.site_words:
            ends.append(j)
            break
        elif nxt.key not in lex.connectors:
            break
    return ends


def span_key(tokens: list[Token], i: int, j: int) -> str:
    """Index key of tokens ``i..j``; a possessive inside the span keeps its "s" ("coxs")."""
    parts = []
    for k in range(i, j + 1):
        tok = tokens[k]
        parts.append(tok.key + "s" if tok.possessive and k < j else tok.key)
    return " ".join(parts)


def _name_like(tok: Token, lex: Lexicon) -> bool:
    """A capitalised word that could be part of a person's or an organisation's name."""
    return (
        tok.cap
        and tok.key not in lex.descriptors
        and tok.key not in lex.demonyms
        and tok.key not in lex.never
        and tok.key not in lex.region_suffixes
        and tok.key not in lex.titles
    )


def _describe(hit: Hit, tokens: list[Token], lex: Lexicon) -> None:
    """Record the lexical surroundings of ``hit`` (see :class:`Hit`)."""
    first, last = tokens[hit.first], tokens[hit.last]
    hit.sent_start = first.sent_start
    # Walk back over the capitalised run (without crossing a lowercase word or punctuation).
    k = hit.first
    while k > 0 and tokens[k].clean_before and tokens[k - 1].cap and not tokens[k - 1].possessive:
        k -= 1
        prev = tokens[k]
        if prev.key in lex.titles:
            hit.title_before = True
            break
        if _name_like(prev, lex) and not prev.headline:
            hit.names_before = True
    if not hit.title_before and k > 0 and tokens[k].clean_before:
        before = tokens[k - 1]
        if before.key in lex.titles and not before.possessive:
            hit.title_before = True
    # Look ahead.
    if hit.last + 1 < len(tokens):
        nxt = tokens[hit.last + 1]
        if nxt.clean_before and not last.possessive:
            if nxt.key in lex.region_suffixes:
                hit.suffix = nxt.key
            elif nxt.cap and _name_like(nxt, lex) and not nxt.headline:
                hit.names_after = True
            elif (
                nxt.key in NAME_PARTICLES
                and hit.last + 2 < len(tokens)
                and tokens[hit.last + 2].clean_before
                and _name_like(tokens[hit.last + 2], lex)
                and not tokens[hit.last + 2].headline
            ):
                # "San Antonio de Garamendi": the name goes on past a connector.
                hit.names_after = True
            if nxt.key in lex.speech_verbs:
                hit.speech_after = True


def preceding_keys(tokens: list[Token], index: int, count: int) -> list[str]:
    """Keys of up to ``count`` tokens before ``index`` in the same sentence, nearest first."""
    keys: list[str] = []
    k = index
    while k > 0 and len(keys) < count:
        if tokens[k].sent_start:
            break
        k -= 1
        keys.append(tokens[k].key)
    return keys
