"""Capitalised tokens and candidate name spans: the lexical half of place finding.

Why spans come from capitalisation: English (and transliterated) place names are written
capitalised, so only runs of capitalised words — joined by spaces, hyphens, the connectors
names contain ("of", "al-", "de") or a possessive ("Cox's Bazar"), and ending at most in one
lowercase site word ("Lachin corridor") — are looked up. The longest span that is a key of
the index wins.

Why only capitalised words become tokens: a news text is three-quarters lowercase words that
can never start a name; materialising them costs more than everything else. Lowercase context
("near", "village of", "said") is read from the text around a hit only when a rule asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.normalize import APOSTROPHES, HYPHENS, normalise

# Features whose names survive the person/organisation rules (see disambiguate.py).
STRONG_FEATURES = frozenset({"country", "region", "area"})
# Longest span the finder tries, in tokens. Names with more words ("Donetsk Academic Regional
# Drama Theater") are rare and bounded by the index's own longest key anyway.
MAX_SPAN_TOKENS = 7
# Shortest key accepted for a place that is not written in capitals ("Of" in Turkey, "Ur" in
# Iraq are real places but two-letter capitalised words are nearly always something else).
MIN_KEY_CHARS = 3
# Lines whose words are nearly all capitalised are headlines in title case ("Azerbaijani
# Shelling Hits Stepanakert"): capitalisation there says nothing about names, so the
# run-based person/organisation rules are switched off on them. Title case leaves only
# short function words in lowercase; prose sentences full of names ("Four of them are
# children, Artyom Dehtyarenko of the Ukrainian Security Service said") stay near 0.6-0.7.
HEADLINE_CAP_SHARE = 0.8
# Fewer words than this and a line is a caption or a byline ("AP Photo/Fernando Vergara"),
# not a headline.
HEADLINE_MIN_WORDS = 6
# Longer lines are paragraphs, never headlines (the longest news headlines run ~150 chars).
HEADLINE_MAX_CHARS = 200
# Characters looked at before a token for the words preceding it.
LOOKBACK_CHARS = 60

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff\u0400-\u042f\u0531-\u0556"
_APOS = re.escape(APOSTROPHES)
_ARTICLES = "al|el|ad|ar|as|an|ash|at|az|ed|en|es"
# One simple pattern keeps the scan in C: a capitalised word (internal apostrophes allowed).
# Dotted abbreviations ("U.S.") and glued articles ("al-" of "al-Balah") are rare and are
# recognised around its matches instead of by alternatives that slow every position down.
_CAP_RE = re.compile(rf"\b[{_UPPER}][^\W\d_]*(?:[{_APOS}][^\W\d_]+)*")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")
_ARTICLE_BEFORE_RE = re.compile(rf"(?<![^\W\d_])({_ARTICLES})[{re.escape(HYPHENS)}]$")
_WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_APOS}][^\W\d_]+)*")
_NEXT_WORD_RE = re.compile(rf"[ \t]+([^\W\d_]+)")
_CONNECTOR_GAP_RE = re.compile(r"^ ([a-z]+) $")
_POSSESSIVE_GAP_RE = re.compile(rf"^[{_APOS}][sS] $")
_HYPHEN_SET = frozenset(HYPHENS)
_APOS_SET = frozenset(APOSTROPHES)
_SENTENCE_END = frozenset(".!?:;\"“”‘’'•*|()[]{}>")
_DATELINE_MARKS = (",", "(", "-", "\u2013", "\u2014", " (", " -", " \u2013", " \u2014")
# Particles inside personal and place names; a capitalised word after one continues the name
# ("San Antonio de Garamendi", "Ibn Saud"). Unlike "and"/"of" they never join two names.
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "los",
     "las", "van", "von", "der", "den", "bin", "ibn", "al", "el"}
)
_SMALL_WORDS = frozenset(
    {"of", "and", "the", "in", "on", "at", "to", "a", "an", "for", "by", "as", "with", "from",
     "or", "but", "nor", "vs", "via", "into", "over", "off", "per", "up"}
)


@dataclass(slots=True)
class Token:
    """A capitalised word (or an article glued to one: the "al" of "al-Balah").

    ``join`` says how it attaches to the previous token: "" (it does not), " " (a space),
    "-" (a hyphen, so "Nagorno-Karabakh" keys as "nagorno karabakh"), "s" (after a
    possessive: "Cox's Bazar") or a lowercase connector key ("of", "de", "and").
    """

    start: int
    end: int
    text: str
    key: str
    join: str
    possessive: bool
    sent_start: bool | None = None  # filled in by Doc.sentence_start when first asked


@dataclass(slots=True)
class Word:
    """A word read from the text around a token (lowercase context)."""

    start: int
    end: int
    key: str
    cap: bool


class Doc:
    """The text with its capitalised tokens and lazily computed context."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenise(text)
        self._headline: dict[int, bool] = {}
        self._before: dict[int, list[Word]] = {}
        self._after: dict[int, Word | None] = {}
        self._prev: dict[int, Word | None] = {}

    def word_after(self, pos: int) -> Word | None:
        """The word right after ``pos`` when only spaces separate them (cached per position)."""
        if pos in self._after:
            return self._after[pos]
        m = _NEXT_WORD_RE.match(self.text, pos)
        word = None
        if m is not None:
            w = m.group(1)
            word = Word(m.start(1), m.end(1), normalise(w), w[0].isupper())
        self._after[pos] = word
        return word

    def prev_word(self, pos: int) -> Word | None:
        """The word right before ``pos`` when only spaces separate them (cached per position)."""
        if pos in self._prev:
            return self._prev[pos]
        text = self.text
        j = pos - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        end = j + 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        word = None
        if end < pos and end - j > 1:
            w = text[j + 1 : end]
            word = Word(j + 1, end, normalise(w), w[0].isupper())
        self._prev[pos] = word
        return word

    def lowercase_after(self, pos: int) -> bool:
        """Cheap test: a space then a lowercase ASCII letter follow ``pos``."""
        return self.text[pos : pos + 1] == " " and "a" <= self.text[pos + 1 : pos + 2] <= "z"

    def words_before(self, pos: int, count: int) -> list[Word]:
        """Up to ``count`` words before ``pos`` in the same sentence, nearest first (cached)."""
        cached = self._before.get(pos)
        if cached is None or len(cached) < count:
            lo = max(0, pos - LOOKBACK_CHARS)
            chunk = self.text[lo:pos]
            cut = max(chunk.rfind("."), chunk.rfind("!"), chunk.rfind("?"), chunk.rfind("\n"),
                      chunk.rfind(";"))
            found = _WORD_RE.findall(chunk, cut + 1)[-max(count, 3):]
            cached = []
            right = len(chunk)
            for word in reversed(found):
                begin = chunk.rfind(word, 0, right)
                cached.append(Word(lo + begin, lo + begin + len(word), normalise(word),
                                   word[0].isupper()))
                right = begin
            self._before[pos] = cached
        return cached[:count]

    def sentence_start(self, tok: Token) -> bool:
        """Whether ``tok`` opens a sentence, line or quotation (computed once per token)."""
        if tok.sent_start is None:
            tok.sent_start = _sentence_start(self.text, tok.start)
        return tok.sent_start

    def headline(self, pos: int) -> bool:
        """Whether the line holding ``pos`` is a title-case headline (cached per line)."""
        start = self.text.rfind("\n", 0, pos) + 1
        known = self._headline.get(start)
        if known is not None:
            return known
        end = self.text.find("\n", pos)
        end = end if end >= 0 else len(self.text)
        if end - start > HEADLINE_MAX_CHARS:
            self._headline[start] = False
            return False
        line = self.text[start:end]
        words = [w for w in _WORD_RE.findall(line) if w.lower() not in _SMALL_WORDS]
        share = sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0
        result = len(words) >= HEADLINE_MIN_WORDS and share >= HEADLINE_CAP_SHARE
        self._headline[start] = result
        return result


def _tokenise(text: str) -> list[Token]:
    """Capitalised tokens with their joins."""
    tokens: list[Token] = []
    prev_end = -1
    prev_poss = False
    for m in _CAP_RE.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        if not word[0].isupper():
            continue  # a lowercase letter inside the uppercase class (Latin Extended-A)
        if end - start == 1 and text[end : end + 1] == ".":
            dotted = _DOTTED_RE.match(text, start)
            if dotted is not None:
                if tokens and tokens[-1].end > start:
                    continue
                end, word = dotted.end(), dotted.group()
        elif start and text[start - 1] in _HYPHEN_SET:
            article = _ARTICLE_BEFORE_RE.search(text, max(0, start - 5), start)
            if article is not None and (not tokens or tokens[-1].end <= article.start()):
                a_start = article.start(1)
                tokens.append(Token(a_start, article.end(1), article.group(1),
                                    article.group(1), _join(text, tokens, prev_end, prev_poss,
                                                            a_start), False))
                prev_end, prev_poss = article.end(1), False
        if tokens and tokens[-1].end > start:
            continue  # inside a dotted abbreviation already taken
        possessive = len(word) > 2 and word[-2] in _APOS_SET and word[-1] in "sS"
        if possessive:
            end -= 2
            word = word[:-2]
        join = _join(text, tokens, prev_end, prev_poss, start)
        tokens.append(Token(start, end, word, normalise(word), join, possessive))
        prev_end, prev_poss = end, possessive
    return tokens


def _join(text: str, tokens: list[Token], prev_end: int, prev_poss: bool, start: int) -> str:
    """How a token at ``start`` attaches to the previous one (see :class:`Token`)."""
    if not tokens or start - prev_end > 6:
        return ""
    gap = text[prev_end:start]
    if gap == " ":
        return " "
    if len(gap) == 1 and gap in _HYPHEN_SET:
        return "-"
    if prev_poss and _POSSESSIVE_GAP_RE.match(gap):
        return "s"
    cm = _CONNECTOR_GAP_RE.match(gap)
    return cm.group(1) if cm else ""


_ARTICLE_SET = frozenset(_ARTICLES.split("|"))


def _sentence_start(text: str, pos: int) -> bool:
    """True when only spaces separate ``pos`` from a line start or sentence punctuation."""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\n\r" or text[j] in _SENTENCE_END


@dataclass(slots=True)
class Hit:
    """A span whose key is in the index, with the lexical facts about its surroundings."""

    first: int  # token indexes, inclusive
    last: int
    key: str
    rows: Sequence[object]  # Candidate rows from the index (see candidates.Candidate)
    end: int  # character end of the span (past a trailing site word)
    title_before: bool = False  # "President X", "Mr X", "spokesman X"
    names_before: bool = False  # capitalised name-like words before it in the same run
    names_after: bool = False  # capitalised name-like words after it in the same run
    sent_start: bool = False
    speech_after: bool = False  # "X said"
    modifier: bool = False  # "the X defense plant": X names something else after "the"
    foreign_script: bool = False  # not Latin script (a language menu, a quoted name)
    shouting: bool = False  # written in capitals ("WOLA"): an acronym unless a dateline
    dateline: bool = False  # capitals opening a line, then "," "(" or a dash ("KYIV, Ukraine")
    strong: bool = False  # some candidate is a country, region or area
    suffix: str | None = None  # region suffix right after ("Kharkiv region")
    after: Word | None = None  # the word right after the span, if on the same line
    flags: set[str] = field(default_factory=set)


def find_hits(
    doc: Doc,
    lex: Lexicon,
    max_words: Callable[[str], int],
    lookup: Callable[[str], Sequence[object]],
) -> list[Hit]:
    """Longest-match scan: at each startable token, try the longest span down to one word."""
    tokens = doc.tokens
    hits: list[Hit] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.key in lex.never:
            i += 1
            continue
        limit = max_words(tok.key.split(" ", 1)[0])
        if limit == 0:
            i += 1
            continue
        # A demonym starts a name only with more words ("Saudi Hospital"), never alone.
        min_len = 2 if tok.key in lex.demonyms else 1
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
        _describe(found, doc, lex)
        hits.append(found)
        i = found.last + 1
    return hits


def _spans_from(doc: Doc, i: int, lex: Lexicon, limit: int) -> list[tuple[int, str, int, int]]:
    """Spans starting at token ``i``, shortest first: (last token, key, char end, words)."""
    tokens = doc.tokens
    out: list[tuple[int, str, int, int]] = []
    key = tokens[i].key
    words = key.count(" ") + 1
    j = i
    while True:
        tok = tokens[j]
        if words <= limit:
            out.append((j, key, tok.end, words))
            after = (
                doc.word_after(tok.end)
                if words < limit and not tok.possessive and doc.lowercase_after(tok.end)
                else None
            )
            if after is not None and after.key in lex.site_words:
                out.append((j, f"{key} {after.key}", after.end, words + 1))
        if j + 1 >= len(tokens) or j + 1 - i >= MAX_SPAN_TOKENS:
            break
        nxt = tokens[j + 1]
        if not nxt.join:
            break
        if nxt.join in (" ", "-"):
            glue = ""
        elif nxt.join == "s":
            glue = "s"
        elif nxt.join in lex.connectors:
            glue = " " + nxt.join
        else:
            break
        key = f"{key}{glue} {nxt.key}"
        words = key.count(" ") + 1
        if words > limit:
            break
        j += 1
    return out


def _name_like(key: str, lex: Lexicon) -> bool:
    """A capitalised word that could be part of a person's or an organisation's name."""
    return not (
        key in lex.descriptors
        or key in lex.demonyms
        or key in lex.never
        or key in lex.region_suffixes
        or key in lex.titles
    )


def _describe(hit: Hit, doc: Doc, lex: Lexicon) -> None:
    """Record the lexical surroundings of ``hit`` (see :class:`Hit`).

    Countries, regions and areas survive every lexical rule but the title one, so for them
    only the title and a region suffix are read (half the hits of a text are such names).
    """
    tokens, text = doc.tokens, doc.text
    first, last = tokens[hit.first], tokens[hit.last]
    hit.strong = any(getattr(c, "feature", "") in STRONG_FEATURES for c in hit.rows)
    if hit.strong:
        before = doc.prev_word(first.start)
        hit.title_before = before is not None and before.key in lex.titles and not (
            first.join in (" ", "-") and hit.first > 0
        )
        if hit.end == last.end and not last.possessive and doc.lowercase_after(last.end):
            after = doc.word_after(last.end)
            hit.after = after
            if after is not None and after.key in lex.region_suffixes:
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
        if _name_like(prev.key, lex) and not prev.possessive and not doc.headline(prev.start):
            hit.names_before = True
    if not hit.title_before:
        if tokens[k].join in NAME_PARTICLES and k > 0 and _name_like(tokens[k - 1].key, lex):
            hit.names_before = hit.names_before or not doc.headline(tokens[k].start)
        before = doc.prev_word(tokens[k].start)
        if before is not None and before.key in lex.titles:
            hit.title_before = True
    hit.foreign_script = not _latin(first.text)
    hit.shouting = len(first.text) > 1 and all(
        tokens[x].text.isupper() for x in range(hit.first, hit.last + 1)
    )
    if hit.shouting and hit.sent_start:
        hit.dateline = text[hit.end : hit.end + 2].startswith(_DATELINE_MARKS)
    # Look ahead.
    if hit.end != last.end or last.possessive:
        return  # ends in a site word or a possessive: nothing more is read after it
    nxt_tok = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
    if nxt_tok is not None and nxt_tok.join in (" ", "-") and _name_like(nxt_tok.key, lex):
        hit.names_after = not doc.headline(nxt_tok.start)
    elif (
        nxt_tok is not None
        and nxt_tok.join in NAME_PARTICLES
        and _name_like(nxt_tok.key, lex)
    ):
        # "San Antonio de Garamendi": the name goes on past a particle.
        hit.names_after = not doc.headline(nxt_tok.start)
    after = doc.word_after(last.end)
    hit.after = after
    if after is None:
        return
    if after.key in lex.region_suffixes:
        hit.suffix = after.key
    if after.key in lex.speech_verbs:
        hit.speech_after = True
    if not after.cap and after.key not in lex.site_words and after.key not in lex.connectors:
        before = doc.prev_word(first.start)
        hit.modifier = before is not None and before.key == "the" and not (
            after.key in lex.region_suffixes
        )


def _latin(word: str) -> bool:
    """True when the word's first letter is Latin (basic, extended or Latin Extended Additional)."""
    code = ord(word[0])
    return code < 0x250 or 0x1E00 <= code <= 0x1EFF
