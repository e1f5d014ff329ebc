"""Capitalised tokens of a text and the lowercase context read around them on demand.

Why only capitalised words become tokens: a news text is three-quarters lowercase words that
can never start a name; materialising them costs more than everything else the finder does.
Lowercase context ("near", "village of", "said") is read from the text around a hit only when
a rule asks, through :class:`Doc`'s cached helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harmwatch.extract.places.normalize import APOSTROPHES, HYPHENS, normalise

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
# Characters searched back for the space before the word preceding a position (longer words
# are read letter by letter).
PREV_WORD_CHARS = 24

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff\u0400-\u042f\u0531-\u0556"
_APOS = re.escape(APOSTROPHES)
_ARTICLES = "al|el|ad|ar|as|an|ash|at|az|ed|en|es|ez|ul|ud|ur|us|ut"
# One simple pattern keeps the scan in C: a capitalised word (internal apostrophes allowed).
# Dotted abbreviations ("U.S.") and glued articles ("al-" of "al-Balah") are rare and are
# recognised around its matches instead of by alternatives that slow every position down.
# The word boundary before the capital is tested after it, as "no word character before the
# capital" (every character of the class is a word character, so that is ``\b``): a pattern
# that opens with a character class lets the regex engine skip ahead to the next capital.
_CAP_RE = re.compile(rf"[{_UPPER}](?<!\w.)[^\W\d_]*(?:[{_APOS}][^\W\d_]+)*")
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")
_ARTICLE_BEFORE_RE = re.compile(rf"(?<![^\W\d_])({_ARTICLES})[{re.escape(HYPHENS)}]$")
_WORD_RE = re.compile(rf"[^\W\d_]+(?:[{_APOS}][^\W\d_]+)*")
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")
# " of ", and a connector between hyphens ("Port-au-Prince", "Rostov-on-Don")
_CONNECTOR_GAP_RE = re.compile(
    rf"^(?: ([a-z]+) |[{re.escape(HYPHENS)}]([a-z]+)[{re.escape(HYPHENS)}])$"
)
_POSSESSIVE_GAP_RE = re.compile(rf"^[{_APOS}][sS] $")
_HYPHEN_SET = frozenset(HYPHENS)
_APOS_SET = frozenset(APOSTROPHES)
_SENTENCE_END = frozenset(".!?:;\"“”‘’'•*|()[]{}>")
_SMALL_WORDS = frozenset(
    "of and the in on at to a an for by as with from or but nor vs via into over off per up".split()
)


@dataclass(slots=True, init=False)
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
    sent_start: bool | None  # filled in by Doc.sentence_start when first asked

    # Written out rather than generated (``init=False``): compiled, a dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call (docs/extraction.md, "Speed"). Same arguments and defaults.
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        key: str,
        join: str,
        possessive: bool,
        sent_start: bool | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.key = key
        self.join = join
        self.possessive = possessive
        self.sent_start = sent_start


@dataclass(slots=True, init=False)
class Word:
    """A word read from the text around a token (lowercase context)."""

    start: int
    end: int
    key: str
    cap: bool

    def __init__(self, start: int, end: int, key: str, cap: bool) -> None:  # (as Token's)
        self.start = start
        self.end = end
        self.key = key
        self.cap = cap


#: What the per-position caches of :class:`Doc` return for a position not looked at yet.
_UNSEEN = Word(-1, -1, "", False)


class Doc:
    """The text with its capitalised tokens and lazily computed context."""

    def __init__(self, text: str, skip: frozenset[str] = frozenset()) -> None:
        """``skip``: keys of capitalised words never worth a token ("The", "In", "May")."""
        self.text = text
        self.tokens = _tokenise(text, skip)
        self._headline: dict[int, bool] = {}
        self._before: dict[int, list[Word]] = {}
        self._after: dict[int, Word | None] = {}
        self._prev: dict[int, Word | None] = {}

    def word_after(self, pos: int) -> Word | None:
        """The word right after ``pos`` when only spaces separate them (cached per position)."""
        word = self._after.get(pos, _UNSEEN)
        if word is not _UNSEEN:
            return word
        m = _NEXT_WORD_RE.match(self.text, pos)
        word = None
        if m is not None:
            w = m.group(1)
            begin, end = m.span(1)
            word = Word(begin, end, normalise(w), w[0].isupper())
        self._after[pos] = word
        return word

    def prev_word(self, pos: int) -> Word | None:
        """The word right before ``pos`` when only spaces separate them (cached per position)."""
        word: Word | None = self._prev.get(pos, _UNSEEN)
        if word is not _UNSEEN:
            return word
        text = self.text
        j = pos - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        end = j + 1
        if end == pos:
            self._prev[pos] = None  # no space before pos: no word either
            return None
        word = None
        # Most words before a name are short and follow a space ("in", "of the"): when all
        # between the last space and ``end`` are letters, the word starts after that space;
        # else it is read back letter by letter.
        space = text.rfind(" ", max(0, end - PREV_WORD_CHARS), end)
        if space >= 0 and text[space + 1 : end].isalpha():
            j = space
        else:
            while j >= 0 and text[j].isalpha():
                j -= 1
        if end - j > 1:
            w = text[j + 1 : end]
            word = Word(j + 1, end, normalise(w), w[0].isupper())
        self._prev[pos] = word
        return word

    def lowercase_after(self, pos: int) -> bool:
        """Cheap test: a space then a lowercase ASCII letter follow ``pos``."""
        text = self.text
        return text.startswith(" ", pos) and "a" <= text[pos + 1 : pos + 2] <= "z"

    def words_before(self, pos: int, count: int) -> list[Word]:
        """Up to ``count`` words before ``pos`` in the same sentence, nearest first (cached)."""
        cached = self._before.get(pos)
        if cached is None or len(cached) < count:
            lo = max(0, pos - LOOKBACK_CHARS)
            chunk = self.text[lo:pos]
            cut = max(
                chunk.rfind("."),
                chunk.rfind("!"),
                chunk.rfind("?"),
                chunk.rfind("\n"),
                chunk.rfind(";"),
            )
            found: list[str] = _WORD_RE.findall(chunk, cut + 1)[-max(count, 3) :]
            cached = []
            right = len(chunk)
            for word in reversed(found):
                begin = chunk.rfind(word, 0, right)
                cached.append(
                    Word(lo + begin, lo + begin + len(word), normalise(word), word[0].isupper())
                )
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


#: What :func:`_tokenise` needs of a matched word apart from where it is: the word without a
#: possessive "'s", its key and whether it had one; None when it opens with a lowercase letter
#: of the uppercase class. Pure functions of the word, remembered across documents (news
#: repeats its names and sentence openers): one dictionary hit instead of four tests and a
#: cached ``normalise`` call per capitalised word. Started afresh past MAX_WORD_FACTS words.
_WORD_FACTS: dict[str, tuple[str, str, bool] | None] = {}
MAX_WORD_FACTS = 100_000


def _word_facts(word: str) -> tuple[str, str, bool] | None:
    """``(word without "'s", key, possessive)`` of a matched word, or None (remembered)."""
    facts: tuple[str, str, bool] | None = None
    if word[0].isupper():
        possessive = word[-1] in "sS" and len(word) > 2 and word[-2] in _APOS_SET
        base = word[:-2] if possessive else word
        facts = (base, normalise(base), possessive)
    if len(_WORD_FACTS) >= MAX_WORD_FACTS:
        _WORD_FACTS.clear()
    _WORD_FACTS[word] = facts
    return facts


def _tokenise(text: str, skip: frozenset[str]) -> list[Token]:
    """Capitalised tokens with their joins; words whose key is in ``skip`` are left out."""
    tokens: list[Token] = []
    append = tokens.append
    prev_end = -1  # end of the previous word taken (-10 after a skipped one)
    prev_poss = False
    last_end = -1  # end of the last token made (-1 before the first)
    for m in _CAP_RE.finditer(text):
        word = m.group()
        try:
            facts = _WORD_FACTS[word]
        except KeyError:
            facts = _word_facts(word)
        if facts is None:
            continue  # a lowercase letter inside the uppercase class (Latin Extended-A)
        start, end = m.span()
        if end - start == 1 and text[end : end + 1] == ".":
            dotted = _DOTTED_RE.match(text, start)
            if dotted is not None:
                if last_end > start:
                    continue
                end = dotted.end()
                facts = _word_facts(dotted.group())
        elif start and text[start - 1] in _HYPHEN_SET:
            article = _ARTICLE_BEFORE_RE.search(text, max(0, start - 5), start)
            if article is not None and last_end <= article.start():
                a_start, a_end = article.span(1)
                glued = article.group(1)
                join = _join(text, tokens, prev_end, prev_poss, a_start)
                append(Token(a_start, a_end, glued, glued, join, False))
                prev_end = last_end = a_end
                prev_poss = False
        if last_end > start:
            continue  # inside a dotted abbreviation already taken
        word, key, possessive = facts  # type: ignore[misc]
        if possessive:
            end -= 2
        if (
            key in skip
            and not _touches_capital(text, start, end, prev_end)
            and not (
                0 <= prev_end
                and start - prev_end <= 6
                and _CONNECTOR_GAP_RE.match(text[prev_end:start])
            )
        ):  # "Viña del Mar": a stop word after a connector ends a name
            prev_end = -10  # the next token does not join across a skipped word
            continue
        if prev_end == start - 1 and text[prev_end] == " ":
            join = " "
        elif prev_end < 0 or start - prev_end > 6:
            join = ""  # what _join says without looking at the gap
        else:
            join = _join(text, tokens, prev_end, prev_poss, start)
        append(Token(start, end, word, key, join, possessive))
        prev_end = last_end = end
        prev_poss = possessive
    return tokens


def _touches_capital(text: str, start: int, end: int, prev_end: int) -> bool:
    """Whether a word is glued to a capitalised neighbour ("United Arab Emirates",
    "Zinda Jan", "DR Congo"): such a stop word stays a token so the name stays whole."""
    if (
        prev_end >= 0
        and start - prev_end == 1
        and (text[prev_end] == " " or text[prev_end] in _HYPHEN_SET)
    ):
        return True
    nxt = text[end : end + 2]
    return len(nxt) == 2 and (nxt[0] == " " or nxt[0] in _HYPHEN_SET) and nxt[1].isupper()


def _join(text: str, tokens: list[Token], prev_end: int, prev_poss: bool, start: int) -> str:
    """How a token at ``start`` attaches to the previous one (see :class:`Token`)."""
    if not tokens or prev_end < 0 or start - prev_end > 6:
        return ""
    gap = text[prev_end:start]
    if gap == " ":
        return " "
    if len(gap) == 1 and gap in _HYPHEN_SET:
        return "-"
    if prev_poss and _POSSESSIVE_GAP_RE.match(gap):
        return "s"
    cm = _CONNECTOR_GAP_RE.match(gap)
    return (cm.group(1) or cm.group(2)) if cm else ""


_ARTICLE_SET = frozenset(_ARTICLES.split("|"))


def _sentence_start(text: str, pos: int) -> bool:
    """True when only spaces separate ``pos`` from a line start or sentence punctuation."""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\n\r" or text[j] in _SENTENCE_END
