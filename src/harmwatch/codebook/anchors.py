"""Anchor words of cue patterns: the literal word starts every match must begin with.

Python's ``re`` cannot skip ahead for a pattern that opens with ``\\b`` and a case-insensitive
word: it tries the whole pattern at every character, so one cue costs a pass over the document
and the codebook's ~170 cues made the extractor crawl. Nearly every cue, though, can only match
at the start of a word that begins with a known literal ("\\bshell(?:ed|ing)" only where a word
starts with ``shell``). :func:`anchor` works that set of *anchor prefixes* out of the compiled
pattern once, at codebook load; :class:`harmwatch.extract.wordindex.WordIndex` then tries the
pattern only at the words of a document that begin with one of them, which gives the very same
matches as ``finditer`` at a fraction of the cost.

The analysis is conservative: a lookaround other than a word-start or word-end assertion is
passed over (it takes no characters), and so is a group that only turns case-insensitivity
on or off; whatever it does not understand (a wide class, a group that changes other flags)
ends the prefix there, and a pattern with an alternative that has no
literal prefix, or that may start inside a word, gets ``None`` and is always scanned in full.
A word start is asserted by ``\\b``, by a lookbehind that excludes word characters
(``(?<![\\w-])``) or by a lookbehind ending in a character that is not one (the space of
``(?<=\\bon )``, the date "on 27.08."); ``\\d`` counts as the ten ASCII digits, which holds for
a document without other decimal digits (the word index checks). A prefix marked
:data:`WHOLE_WORD` is a whole word ("a " is the word "a" only), because a space, ``\\b`` or
``(?!\\w)`` follows it in the pattern; a window that ends inside a word can still match there,
so the word index scans such windows in full.

A whole-word prefix that is a common word ("the ", "in ", "was ") admits a pattern at a fifth of
a text's words, where it nearly never matches: "\\bthe combat\\b" needs "combat" after "the".
For such a prefix the analysis goes on past one space to the literal prefixes of the second word
(``AnchoredPattern.seconds``); the word index then hands the pattern an occurrence of the first
word only when one space and a word with one of them follow, and every occurrence otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The regex parser's tree and opcodes: internal to ``re`` but stable since Python 3.11 (before,
# the same modules were sre_parse and sre_constants). Only read, never patched.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

__all__ = ["WHOLE_WORD", "AnchoredPattern", "anchor", "anchor_prefixes", "registered"]

#: Prefixes are cut at this many characters: longer ones select hardly fewer words, and a cap
#: keeps alternations of alternations ("(?:a|b) (?:c|d)") from multiplying out.
MAX_PREFIX_CHARS = 6
#: Past the first character, a class wider than this ends the prefix instead of branching:
#: "19\\d\\d" would otherwise be a hundred prefixes that select no fewer words than "19".
MAX_CLASS_BRANCHES = 4
#: A pattern with more distinct prefixes than this is scanned in full; the look-up would cost
#: more than it saves.
MAX_PREFIXES = 400

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_DIGITS = "0123456789"
_WORD_CHAR = re.compile(r"\w")
_NOT_WORD_CATEGORIES = frozenset({sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD})
#: Marks a prefix that is the whole word ("a " is the word "a", not every word starting "a").
WHOLE_WORD = " "
#: Ends a prefix where a repeat leaves off (see :func:`_walk`).
_STOP = (None, None)


class _TooBroad(Exception):
    """The pattern has too many prefixes to be worth indexing."""


@dataclass(frozen=True, slots=True, eq=False)
class AnchoredPattern:
    """A compiled pattern and the lower-cased word prefixes every match starts with.

    ``prefixes`` is None when no such set is known: the pattern is then scanned in full.
    Compared and hashed by identity, so a document's word index can cache look-ups per
    pattern cheaply.
    """

    pattern: re.Pattern[str]
    prefixes: tuple[str, ...] | None
    #: Whether ``\\d`` gave prefixes: they then hold only where all digits are ASCII.
    digits: bool = False
    #: For a whole-word prefix after which the pattern goes on to a literal word ("the " of
    #: "\\bthe combat\\b"): the prefixes of that second word, when the two words are
    #: separated by one space (:func:`second_prefixes`). A prefix not listed admits any word
    #: after it.
    seconds: dict[str, tuple[str, ...]] | None = None


def _class_chars(items: list[tuple[Any, Any]], flags: dict[str, bool]) -> str | None:
    """The word characters a small class ``[0-3]``, ``[sz]``, ``\\d`` stands for, else None."""
    chars = ""
    for op, av in items:
        if op is sre.LITERAL and chr(av).lower() in _WORD_CHARS:
            chars += chr(av).lower()
        elif op is sre.RANGE and all(
            chr(c).lower() in _WORD_CHARS for c in range(av[0], av[1] + 1)
        ):
            chars += "".join(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars += _DIGITS
            flags["digits"] = True
        else:
            return None
    return chars


def _excludes_word(av: tuple[int, Any], direction: int) -> bool:
    """Whether a negative assertion rules out a word character before (-1) or after (1)."""
    where, sub = av
    if where != direction or len(sub.data) != 1:
        return False
    op, items = sub.data[0]
    return (
        op is sre.IN
        and (sre.CATEGORY, sre.CATEGORY_WORD) in items
        and all(item_op is not sre.NEGATE for item_op, _ in items)
    )


def _follows_non_word(av: tuple[int, Any]) -> bool:
    """Whether a positive lookbehind ends in a character that is no word character (the space
    of ``(?<=\\bon )``): a match it admits that opens with a word character opens a word."""
    where, sub = av
    if where != -1 or not sub.data:
        return False
    op, item = sub.data[-1]
    return op in (sre.LITERAL, sre.IN) and _ends_word(op, item)


def _ends_word(op: Any, av: Any) -> bool:
    """Whether the element can only match where a word has ended (a space, ``\\b``, ...)."""
    if op is sre.LITERAL:
        return _WORD_CHAR.match(chr(av)) is None
    if op is sre.IN:
        return all(
            (item_op is sre.LITERAL and _WORD_CHAR.match(chr(item_av)) is None)
            or (item_op is sre.CATEGORY and item_av in _NOT_WORD_CATEGORIES)
            for item_op, item_av in av
        )
    if op is sre.AT:
        return av is sre.AT_BOUNDARY  # right after a word character
    return op is sre.ASSERT_NOT and _excludes_word(av, 1)


def _walk(
    ops: list[tuple[Any, Any]],
    acc: str,
    anchored: bool,
    out: set[tuple[str, bool]],
    flags: dict[str, bool],
    after: dict[str, list[list[tuple[Any, Any]]]] | None = None,
) -> None:
    """Add to ``out`` each (literal prefix, starts at a word boundary) the ops can begin with;
    and to ``after``, for each whole-word prefix, the ops that follow the word."""
    if len(out) > MAX_PREFIXES:
        raise _TooBroad
    if not ops or len(acc) >= MAX_PREFIX_CHARS or ops[0] is _STOP:
        out.add((acc, anchored))
        return
    op, av = ops[0]
    rest = ops[1:]
    if op is sre.LITERAL and chr(av).lower() in _WORD_CHARS:
        _walk(rest, acc + chr(av).lower(), anchored, out, flags, after)
    elif op is sre.IN and (chars := _class_chars(av, flags)) is not None:
        if acc and len(chars) > MAX_CLASS_BRANCHES:
            out.add((acc, anchored))
            return
        for ch in dict.fromkeys(chars):  # "[sz]", "[0-3]", "\d": one branch per character
            _walk(rest, acc + ch, anchored, out, flags, after)
    elif not acc and (
        (op is sre.AT and av is sre.AT_BOUNDARY)
        or (op is sre.ASSERT_NOT and _excludes_word(av, -1))
        or (op is sre.ASSERT and _follows_non_word(av))
    ):
        _walk(rest, acc, True, out, flags, after)
    elif acc and _ends_word(op, av):
        out.add((acc + WHOLE_WORD, anchored))
        if after is not None:
            after.setdefault(acc + WHOLE_WORD, []).append(ops)
    elif op in (sre.ASSERT, sre.ASSERT_NOT):
        # any other lookaround: it reads characters but takes none, so the literals after it
        # still start the match; passing over it only widens the prefixes' admission
        _walk(rest, acc, anchored, out, flags, after)
    elif op is sre.SUBPATTERN and not (av[1] | av[2]) & ~sre.SRE_FLAG_IGNORECASE:
        # a group that keeps the flags, or only turns case-insensitivity on or off: prefixes
        # are lower-cased and compared with lower-cased words either way
        _walk([*av[3].data, *rest], acc, anchored, out, flags, after)
    elif op is sre.BRANCH:
        for branch in av[1]:
            _walk([*branch.data, *rest], acc, anchored, out, flags, after)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        # the optional part present, and absent
        _walk([*av[2].data, *rest], acc, anchored, out, flags, after)
        _walk(rest, acc, anchored, out, flags, after)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        body = av[2].data
        if acc and len(body) == 1 and _ends_word(*body[0]):
            # "the\\s+": the word ends here, as its first repetition would say; the ops from
            # the repeat on are kept whole for the word after it
            out.add((acc + WHOLE_WORD, anchored))
            if after is not None:
                after.setdefault(acc + WHOLE_WORD, []).append(ops)
        else:
            _walk([*body, _STOP], acc, anchored, out, flags, after)  # its first repetition
    else:
        out.add((acc, anchored))


#: Categories of a set that take a space, and categories that do not.
_SPACE_CATEGORIES = frozenset({sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_NOT_DIGIT})
_NOT_SPACE_CATEGORIES = frozenset({sre.CATEGORY_WORD, sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_SPACE})


class _AnyWord(Exception):
    """The ops after a first word admit any second word (or none is needed)."""


def _takes_space(op: Any, av: Any) -> bool | None:
    """Whether a one-character element matches a space: True, False, or None (not such an
    element)."""
    if op is sre.LITERAL:
        return av == ord(" ")
    if op is sre.NOT_LITERAL:
        return av != ord(" ")
    if op is sre.IN:
        takes: set[bool | None] = set()
        for item_op, item_av in av:
            if item_op is sre.LITERAL:
                takes.add(item_av == ord(" "))
            elif item_op is sre.RANGE:
                takes.add(item_av[0] <= ord(" ") <= item_av[1])
            elif item_op is sre.CATEGORY and item_av in _SPACE_CATEGORIES:
                takes.add(True)
            elif item_op is sre.CATEGORY and item_av in _NOT_SPACE_CATEGORIES:
                takes.add(False)
            else:
                takes.add(None)  # a negated set or a category not sorted out here
        if None in takes:
            return None
        return True in takes
    if op is sre.ANY:
        return True
    return None


def _after_space(ops: list[tuple[Any, Any]], out: list[list[tuple[Any, Any]]]) -> None:
    """Add to ``out`` the ops left once ``ops`` have taken exactly one space, for each way they
    can; raise :class:`_AnyWord` where they can end, or do what is not worked out, there."""
    if not ops or ops[0] is _STOP:
        raise _AnyWord  # the match may end at the space: any word may follow
    op, av = ops[0]
    rest = ops[1:]
    takes = _takes_space(op, av)
    if takes is not None:
        if takes:
            out.append(rest)
        return  # an element that cannot take the space: no match this way
    if op is sre.AT and av is sre.AT_BOUNDARY:
        _after_space(rest, out)  # true between a word and a space
    elif op in (sre.ASSERT, sre.ASSERT_NOT):
        _after_space(rest, out)  # passed over, which only widens what is admitted
    elif op is sre.SUBPATTERN and not (av[1] | av[2]) & ~sre.SRE_FLAG_IGNORECASE:
        _after_space([*av[3].data, *rest], out)
    elif op is sre.BRANCH:
        for branch in av[1]:
            _after_space([*branch.data, *rest], out)
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and len(av[2].data) == 1:
        low, high = av[0], av[1]
        item_op, item_av = av[2].data[0]
        takes = _takes_space(item_op, item_av)
        if takes is None:
            raise _AnyWord
        if low == 0:
            _after_space(rest, out)  # none of it
        if takes and low <= 1 <= high:
            out.append(rest)  # it takes the space, and the word after it must match the rest
    else:
        raise _AnyWord


def second_prefixes(
    after: list[list[tuple[Any, Any]]], flags: dict[str, bool] | None = None
) -> tuple[str, ...] | None:
    """The literal prefixes the word after a first word must start with (lower-cased, a whole
    word marked as in :func:`anchor_prefixes`), when one space separates the two words and
    ``after`` are the ways the pattern goes on after the first word; None when any word may
    follow (or it is not worked out).

    The second word starts where the space ends, so the prefixes are those of the ops left
    once a space is taken; a way that cannot take a space admits no word at all. ``flags``
    gets ``digits`` set when ``\\d`` gave some of them.
    """
    walked = {"digits": False}
    try:
        rests: list[list[tuple[Any, Any]]] = []
        for ops in after:
            _after_space(ops, rests)
        found: set[tuple[str, bool]] = set()
        for rest in rests:
            _walk(rest, "", True, found, walked)
    except (_AnyWord, _TooBroad, RecursionError):
        return None
    if any(not acc for acc, _ in found):
        return None
    if flags is not None and walked["digits"]:
        flags["digits"] = True
    prefixes = {acc for acc, _ in found}
    return tuple(
        sorted(p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes))
    )


def anchor_prefixes(pattern: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    """The lower-cased literal prefixes a match of ``pattern`` must start a word with, and
    whether ``\\d`` contributed to them.

    None when some match could start elsewhere (no word start asserted before its first
    literal) or with no literal at all.
    """
    prefixes, digits, _ = _analyse(pattern)
    return prefixes, digits


def _analyse(
    pattern: re.Pattern[str],
) -> tuple[tuple[str, ...] | None, bool, dict[str, tuple[str, ...]] | None]:
    """:func:`anchor_prefixes`, and the second-word prefixes of its whole-word prefixes (those
    that admit any word left out; None when there are none)."""
    flags = {"digits": False}
    after: dict[str, list[list[tuple[Any, Any]]]] = {}
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        found: set[tuple[str, bool]] = set()
        _walk(list(parsed.data), "", False, found, flags, after)
    except (_TooBroad, re.error, RecursionError):
        return None, False, None
    if not found or any(not acc or not anchored for acc, anchored in found):
        return None, False, None
    prefixes = {acc for acc, _ in found}
    # "shell" already admits every word "shelling" would: keep only the shortest prefixes.
    kept = tuple(
        sorted(p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes))
    )
    # A second word's prefixes from "\\d" hold only for ASCII digits, like the first's: the
    # pattern is then flagged, and scanned in a document with other digits.
    seconds = {
        p: second
        for p in kept
        if p.endswith(WHOLE_WORD)
        and (second := second_prefixes(after.get(p, []), flags)) is not None
    }
    return kept, flags["digits"], seconds or None


#: Every anchored pattern made so far, so a word index can look up all of them in one pass
#: over a document's words (:mod:`harmwatch.extract.wordindex`): one per distinct pattern text
#: and flags, a few hundred in all however often a codebook is loaded.
_REGISTRY: list[AnchoredPattern] = []
_BY_SOURCE: dict[tuple[str, int], AnchoredPattern] = {}


def anchor(pattern: re.Pattern[str]) -> AnchoredPattern:
    """``pattern`` with its anchor prefixes worked out (see :func:`anchor_prefixes`); the same
    object for the same pattern text and flags."""
    key = (pattern.pattern, pattern.flags)
    ap = _BY_SOURCE.get(key)
    if ap is None:
        prefixes, digits, seconds = _analyse(pattern)
        ap = _BY_SOURCE[key] = AnchoredPattern(pattern, prefixes, digits, seconds)
        if prefixes is not None:
            _REGISTRY.append(ap)
    return ap


def registered() -> list[AnchoredPattern]:
    """The anchored patterns made so far (with prefixes), oldest first; do not modify."""
    return _REGISTRY
