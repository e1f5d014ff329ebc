"""The words of one document, indexed so an anchored pattern runs only where it can match.

Built once per document by the pipeline and shared by every stage that asks the codebook, so the
text is tokenised once instead of being re-scanned by every cue pattern of every stage. The
methods return exactly what the plain ``re`` calls named in their docstrings return: they try
the pattern with ``match`` at each word that starts with one of its anchor prefixes
(:mod:`harmwatch.codebook.anchors`), in order, resuming after each match as ``finditer`` does.
That is equivalent because every match of an anchored pattern starts at such a word.

A pattern that starts with a common word and then a literal second word ("the combat") is
handed an occurrence of the first word only when one space and a word that can continue it
follow (:meth:`_PrefixTable.for_pair`); a window cut inside that second word is tried at both
words (:meth:`WordIndex.search_in`) or scanned.

Lower-casing is what makes the words comparable with the prefixes, and three characters match an
ASCII letter case-insensitively without lower-casing to it (``İ``, ``ı`` and the long ``ſ``); a
document containing one of them is scanned pattern by pattern, the slow and certain way. So is a
document with non-ASCII decimal digits for the patterns whose prefixes came from ``\\d``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import repeat

from harmwatch.codebook.anchors import MAX_PREFIX_CHARS, WHOLE_WORD, AnchoredPattern, registered

__all__ = ["ODD_CASE_CHARS", "Windows", "WordIndex", "index_of", "matches_at", "may_hold"]

#: Characters that ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower`` does not
#: turn them into it (checked against every code point by ``tests/extract/test_wordindex.py``).
ODD_CASE_CHARS = "\u0130\u0131\u017f"


def may_hold(window: str, words: tuple[str, ...]) -> bool:
    """Whether case-insensitive matching may find one of ``words`` (lower-case ASCII) in
    ``window``: a pre-test for a pattern every match of which holds one of them. A window with
    a letter of :data:`ODD_CASE_CHARS` (the long s of "ſaid") always may."""
    if not window.isascii() and any(c in window for c in ODD_CASE_CHARS):
        return True
    low = window.lower()
    return any(w in low for w in words)


_WORD_SPLIT = re.compile(r"(\w+)")
_TWO_WORD_CHARS = re.compile(r"\w\w")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Words whose patterns are remembered across documents; past this the memory starts afresh
#: (a few MB at most; English news uses far fewer distinct words).
MAX_REMEMBERED_WORDS = 50_000
#: The candidate list of a pattern that must be scanned in full (compared by identity).
_SCAN: list[int] = []
#: What :meth:`WordIndex.merged` finds in its cache for a group not merged yet.
_UNKNOWN: list[tuple[int, int]] = []


class _PrefixTable:
    """Every registered anchored pattern (:func:`harmwatch.codebook.anchors.registered`) by
    prefix: ``"shell"`` -> the patterns with that prefix, ``"a "`` -> those with the word "a"."""

    __slots__ = (
        "by_prefix",
        "heads",
        "pairs",
        "patterns",
        "refined",
        "remembered",
        "size",
        "split",
    )

    def __init__(self, patterns: list[AnchoredPattern]) -> None:
        self.size = len(patterns)
        self.patterns = frozenset(patterns)
        by_prefix: dict[str, list[AnchoredPattern]] = {}
        for ap in patterns:
            for p in ap.prefixes or ():
                by_prefix.setdefault(p, []).append(ap)
        self.by_prefix = by_prefix
        #: Every beginning of a prefix ("s", "sh", ... "shell"): a word whose first k
        #: characters are not one has no prefix longer than k either.
        self.heads = {p[:k] for p in by_prefix for k in range(1, len(p.rstrip(WHOLE_WORD)) + 1)}
        self.remembered: dict[str, tuple[AnchoredPattern, ...]] = {}
        #: Words some pattern starts with as a whole word and then a literal second word
        #: ("the" of "\\bthe combat\\b"): a pattern of theirs is handed only the places
        #: where the word after them can continue it (:meth:`for_pair`).
        self.refined = frozenset(
            p.removesuffix(WHOLE_WORD) for ap in patterns if ap.seconds for p in ap.seconds
        )
        self.pairs: dict[tuple[str, str], tuple[AnchoredPattern, ...]] = {}
        self.split: dict[
            str, tuple[tuple[AnchoredPattern, ...], dict[str, list[AnchoredPattern]]]
        ] = {}

    def for_pair(self, word: str, after: str) -> tuple[AnchoredPattern, ...]:
        """The patterns of :meth:`for_word` that can match at ``word`` when one space and the
        word ``after`` follow it (remembered: "the" is followed by the same words over and
        over). Most patterns starting with "the", "in" or "was" go on with a literal word,
        and nearly every occurrence is followed by another one."""
        found = self.pairs.get((word, after))
        if found is None:
            split = self.split.get(word)
            if split is None:
                split = self.split[word] = self._split(word)
            always, by_second = split
            more: list[AnchoredPattern] = []
            # the second-word prefixes ``after`` has, looked up as for_word looks up prefixes
            for k in range(1, min(len(after), MAX_PREFIX_CHARS) + 2):
                more.extend(by_second.get(after + WHOLE_WORD if k > len(after) else after[:k], ()))
            found = always + tuple(dict.fromkeys(more))
            if len(self.pairs) >= MAX_REMEMBERED_WORDS:
                self.pairs.clear()
                self.split.clear()
            self.pairs[(word, after)] = found
        return found

    def _split(
        self, word: str
    ) -> tuple[tuple[AnchoredPattern, ...], dict[str, list[AnchoredPattern]]]:
        """The patterns of ``word`` that any word may follow, and the others by the prefixes
        the word after must have (a pattern may also hold ``word`` by another prefix)."""
        whole = word + WHOLE_WORD
        always: list[AnchoredPattern] = []
        by_second: dict[str, list[AnchoredPattern]] = {}
        for ap in self.for_word(word):
            seconds = ap.seconds.get(whole) if ap.seconds else None
            if seconds is None or any(p != whole and _admits(p, word) for p in ap.prefixes or ()):
                always.append(ap)
            else:
                for q in seconds:
                    by_second.setdefault(q, []).append(ap)
        return tuple(always), by_second

    def for_word(self, word: str) -> tuple[AnchoredPattern, ...]:
        """The patterns with a prefix ``word`` begins with (or is), remembered: news articles
        share most of their words, so most look-ups are one dictionary hit."""
        found = self.remembered.get(word)
        if found is None:
            hits: list[AnchoredPattern] = []
            for k in range(1, min(len(word), MAX_PREFIX_CHARS) + 2):
                if k > len(word):  # every beginning matched: the whole word may be a prefix
                    key = word + WHOLE_WORD
                else:
                    key = word[:k]
                    if key not in self.heads:
                        break
                hits.extend(self.by_prefix.get(key, ()))
            if len(self.remembered) >= MAX_REMEMBERED_WORDS:
                self.remembered.clear()
            found = self.remembered[word] = tuple(hits)
        return found


def _words_of(lower: str) -> tuple[list[str], list[int]]:
    """The runs of word characters of ``lower`` and their offsets, in order: what splitting
    with ``(\\w+)`` gives (its odd items, and the offsets its lengths add up to).

    Read chunk by chunk between single spaces instead of by the pattern, which costs more per
    character than anything else here: a chunk of letters and digits alone (``str.isalnum``,
    which holds for a character exactly when ``\\w`` does, bar "_") is one word, as a space or
    the text's end lies on each side of it; only the other chunks ("said.", "(afp)",
    "2,700", a line break) are split with the pattern. Every run of word characters lies
    inside one chunk, as a space is no word character.
    """
    words: list[str] = []
    starts: list[int] = []
    pos = 0  # where the chunk starts
    for chunk in lower.split(" "):
        if chunk.isalnum():
            words.append(chunk)
            starts.append(pos)
        elif chunk:
            at = pos
            for j, part in enumerate(_WORD_SPLIT.split(chunk)):
                if j % 2:  # a group of the split: a word (the others are the gaps around it)
                    words.append(part)
                    starts.append(at)
                at += len(part)
        pos += len(chunk) + 1
    return words, starts


def _admits(prefix: str, word: str) -> bool:
    """Whether ``word`` (lower-cased) starts with ``prefix`` or, a whole-word one, is it."""
    if prefix.endswith(WHOLE_WORD):
        return word + WHOLE_WORD == prefix
    return word.startswith(prefix)


_TABLE = _PrefixTable([])


def _prefix_table() -> _PrefixTable:
    """The table of all patterns registered so far, rebuilt when more have been."""
    global _TABLE
    patterns = registered()
    if _TABLE.size != len(patterns):
        _TABLE = _PrefixTable(list(patterns))
    return _TABLE


#: The bound ``match`` of each pattern of a group, made once per group (the groups are the
#: codebook's, alive for the whole process).
_MATCHERS: dict[tuple[AnchoredPattern, ...], list[Callable[..., re.Match[str] | None]]] = {}


class _WholePlan:
    """How :meth:`WordIndex.finditer_whole` asks a group of patterns: the positions of each
    pattern in the group, those the index cannot answer (no prefixes, or made after the
    pattern table) and those found through ``\\d`` (scanned where digits are not ASCII)."""

    __slots__ = ("digits", "positions", "scanned", "table")

    def __init__(self, aps: tuple[AnchoredPattern, ...], table: _PrefixTable) -> None:
        self.table = table
        self.positions: dict[AnchoredPattern, list[int]] = {}
        for i, ap in enumerate(aps):
            self.positions.setdefault(ap, []).append(i)
        known = table.patterns
        self.scanned = [i for i, ap in enumerate(aps) if ap.prefixes is None or ap not in known]
        self.digits = [
            i for i, ap in enumerate(aps) if ap.digits and ap.prefixes is not None and ap in known
        ]


_WHOLE_PLANS: dict[tuple[AnchoredPattern, ...], _WholePlan] = {}


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], start: int, end: int
) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(text, start, end)`` when every match can only begin
    at one of ``starts`` (ascending offsets): the pattern is tried at those offsets alone, a
    match ending before the next one tried (as ``finditer`` does)."""
    out: list[re.Match[str]] = []
    pos = start
    match = pattern.match
    for c in starts:
        if c < pos:
            continue
        if c >= end:
            break
        found = match(text, c, end)
        if found is not None:
            out.append(found)
            pos = found.end()
    return out


class WordIndex:
    """The words of ``text``, lower-cased, each with its offsets, and the candidate offsets of
    every registered anchored pattern."""

    __slots__ = (
        "_candidates",
        "_cuts",
        "_merged",
        "_offsets",
        "_table",
        "_words",
        "ascii_digits",
        "exact",
        "length",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self._cuts: dict[int, bool] = {}
        lower = text.lower()
        odd = set(_NON_ASCII.findall(text))
        #: False when the text holds an odd-case character: then nothing is skipped.
        self.exact = len(lower) == len(text) and not odd.intersection(ODD_CASE_CHARS)
        #: False when the text has decimal digits other than 0-9, which ``\d`` also matches.
        self.ascii_digits = not any(c.isdecimal() for c in odd)
        #: The words in text order and their offsets.
        self._words: tuple[list[str], list[int]] = ([], [])
        self._candidates: dict[AnchoredPattern, list[int]] = {}
        self._merged: dict[tuple[AnchoredPattern, ...], list[tuple[int, int]] | None] = {}
        #: The offsets of each indexed group's :meth:`merged` pairs, for bisecting.
        self._offsets: dict[tuple[AnchoredPattern, ...], list[int]] = {}
        self._table = _prefix_table()
        if self.exact:
            self._index(lower)
        _LAST[:] = [self]

    def _index(self, lower: str) -> None:
        """Hand each word's offset to every pattern that has the word, or one of its first six
        characters, as a prefix (which patterns, is remembered per word across documents)."""
        # Lower-casing keeps every character's place and whether it is a word character
        # (checked for every code point by the tests), so the words of ``lower`` are words of
        # ``text`` at the same offsets.
        words, starts = self._words = _words_of(lower)
        table = self._table
        remembered = table.remembered
        distinct = set(words)
        new = distinct.difference(remembered)
        patterns_of: dict[str, tuple[AnchoredPattern, ...]] = remembered
        if new and len(remembered) + len(new) >= MAX_REMEMBERED_WORDS:
            # the memory may start afresh while the new words are looked up: ask word by word
            patterns_of = {w: table.for_word(w) for w in distinct}
        else:
            for word in new:  # each adds one entry; no clearing below MAX_REMEMBERED_WORDS
                table.for_word(word)
        # A word some pattern must be followed by a literal word after ("the combat"):
        # where one space and a word follow it, only the patterns that word continues. (Any
        # other gap keeps them all; a window cut inside the word after is scanned, or tried
        # at both words, see :meth:`search_in`.)
        refined = table.refined if not table.refined.isdisjoint(distinct) else frozenset()
        pairs = table.pairs
        last = len(words) - 1
        # A defaultdict while filling: one subscript per (word, pattern) instead of a get, a
        # test and a store; a plain mapping again afterwards (a missing pattern is no entry).
        # One loop over the words, in text order (so each pattern's offsets are sorted); half
        # of a text's words have no pattern and are passed over.
        candidates: defaultdict[AnchoredPattern, list[int]] = defaultdict(list)
        for k in range(len(words)):
            word = words[k]
            patterns = patterns_of[word]
            if not patterns:
                continue
            if (
                word in refined
                and k < last
                # one space, and only that, between word k and the next
                and starts[k + 1] - (end := starts[k] + len(word)) == 1
                and lower[end] == " "
            ):
                after = words[k + 1]
                found = pairs.get((word, after))
                patterns = table.for_pair(word, after) if found is None else found
            start = starts[k]
            for ap in patterns:
                candidates[ap].append(start)
        candidates.default_factory = None
        self._candidates = candidates
        # in text order already: each pattern's offsets were appended word by word
        if not self.ascii_digits:  # \d also matches other digits: scan those patterns
            for ap in candidates:
                if ap.digits:
                    candidates[ap] = _SCAN

    def words(self) -> list[str] | None:
        """The runs of word characters of ``text.lower()`` in text order (what
        ``re.findall(r"\\w+", text.lower())`` gives), or None when the text was not indexed
        (it holds an odd-case character). Do not modify."""
        return self._words[0] if self.exact else None

    def indexed(self, ap: AnchoredPattern) -> bool:
        """Whether ``ap`` can be looked up here rather than scanned."""
        return self.candidates(ap) is not _SCAN

    def candidates(self, ap: AnchoredPattern) -> list[int]:
        """Sorted offsets of the words that begin with a prefix of ``ap``; the ``_SCAN``
        list when ``ap`` has to be scanned instead."""
        found = self._candidates.get(ap)
        if found is not None:
            return found
        if ap.prefixes is None or not self.exact or (ap.digits and not self.ascii_digits):
            found = _SCAN
        elif ap in self._table.patterns:
            found = []  # registered, and no word of the document has its prefixes
        else:  # made after this index: look its prefixes up word by word
            found = [
                start
                for word, start in zip(*self._words, strict=True)
                if any(
                    word + WHOLE_WORD == p if p.endswith(WHOLE_WORD) else word.startswith(p)
                    for p in ap.prefixes
                )
            ]
        self._candidates[ap] = found
        return found

    def merged(self, aps: tuple[AnchoredPattern, ...]) -> list[tuple[int, int]] | None:
        """``(offset, i)`` for every candidate of every ``aps[i]``, sorted (cached); None when
        one of them has to be scanned. For asking a group of patterns in one pass."""
        found = self._merged.get(aps, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        found = []  # once per document and group
        for i, ap in enumerate(aps):
            cands = self.candidates(ap)
            if cands is _SCAN:
                found = None
                break
            found.extend(zip(cands, repeat(i)))
        if found is not None:
            found.sort()
        self._merged[aps] = found
        return found

    def starts(self, ap: AnchoredPattern) -> list[int]:
        """:meth:`candidates`, for a pattern known to be :meth:`indexed`."""
        return self.candidates(ap)

    def word_starts(self) -> list[int]:
        """The offsets of the text's words in order (empty when the text is scanned instead,
        see :attr:`exact`); do not modify."""
        return self._words[1]

    def inside_word(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a word (memoised: stages share their windows).

        The index knows whole words only; a window that ends inside one can match there where
        the whole word would not ("camp\\b" in "camp|aign"), so such windows are scanned; a
        slice that begins inside one has a word the index lacks at its offset 0, where
        :meth:`search_in` and :meth:`finditer_in` try the pattern before the index's words.
        """
        cut = self._cuts.get(offset)
        if cut is None:
            # _TWO_WORD_CHARS.match(text, offset - 1, offset + 1), spelled out: ``\w`` is a
            # character ``str.isalnum`` holds for, or "_"
            cut = False
            if 0 < offset < self.length:
                a, b = self.text[offset - 1], self.text[offset]
                cut = (a.isalnum() or a == "_") and (b.isalnum() or b == "_")
            self._cuts[offset] = cut
        return cut

    def cuts_word(self, start: int, end: int) -> bool:
        """Whether the slice ``text[start:end]`` begins or ends inside a word."""
        cuts = self._cuts  # inside_word's memo, read here first: most offsets are known
        cut = cuts.get(end)
        if cut is None:
            cut = self.inside_word(end)
        if cut or start >= end:
            return cut
        cut = cuts.get(start)
        return self.inside_word(start) if cut is None else cut

    def finditer(
        self, ap: AnchoredPattern, start: int = 0, end: int | None = None
    ) -> list[re.Match[str]]:
        """The matches of ``ap.pattern.finditer(text, start, end)``."""
        text = self.text
        if end is None:
            end = len(text)
        cands = self._candidates.get(ap)
        if cands is None:  # asked once per document and pattern, then remembered
            cands = self.candidates(ap)
        if cands is _SCAN or (
            end < self.length
            and ((cut := self._cuts.get(end)) or (cut is None and self.inside_word(end)))
        ):
            return list(ap.pattern.finditer(text, start, end))
        # :func:`matches_at` over ``cands[i:]``, spelled out: the candidates are read by
        # index, not through an iterator over a copy or a slice (compiled, a native loop)
        out: list[re.Match[str]] = []
        pos = start
        match = ap.pattern.match
        for k in range(bisect_left(cands, start), len(cands)):
            c = cands[k]
            if c >= end:
                break
            if c < pos:
                continue
            found = match(text, c, end)
            if found is not None:
                out.append(found)
                pos = found.end()
        return out

    def finditer_whole(self, aps: tuple[AnchoredPattern, ...]) -> dict[int, list[re.Match[str]]]:
        """``{i: finditer(aps[i])}`` for every pattern of ``aps`` that matches, each over the
        whole text (the others are left out).

        For asking many patterns once per document (the category cues), where most have no
        candidate word in the text: only the patterns the index holds candidates for (and
        those it cannot answer) are asked, found by intersecting the index's patterns with
        the group's, instead of a look-up and an empty answer for each of the group's.
        """
        plan = _WHOLE_PLANS.get(aps)
        if plan is None or plan.table is not self._table:  # once per group and pattern table
            plan = _WHOLE_PLANS[aps] = _WholePlan(aps, self._table)
        if not self.exact:
            asked: Iterable[int] = range(len(aps))
        else:
            present = self._candidates.keys() & plan.positions.keys()
            asked = [i for ap in present for i in plan.positions[ap]]
            asked.extend(plan.scanned)
            if not self.ascii_digits:
                asked.extend(plan.digits)
            asked = sorted(set(asked))
        out: dict[int, list[re.Match[str]]] = {}
        known = self._candidates
        text = self.text
        for i in asked:
            ap = aps[i]
            cands = known.get(ap)
            if cands is None or cands is _SCAN:
                found = self.finditer(ap)
            else:  # :meth:`finditer` over the whole text, without its window tests
                found = []
                pos = 0
                match = ap.pattern.match
                for c in cands:
                    if c < pos:
                        continue
                    m = match(text, c)
                    if m is not None:
                        found.append(m)
                        pos = m.end()  # anchored matches are never empty
            if found:
                out[i] = found
        return out

    def finditer_each(
        self, aps: tuple[AnchoredPattern, ...], start: int, end: int
    ) -> list[list[re.Match[str]]]:
        """``[finditer(ap, start, end) for ap in aps]``, found in one pass over the group's
        candidates (a stage with several patterns asks per sentence; most find nothing)."""
        merged = self._merged.get(aps, _UNKNOWN)
        if merged is _UNKNOWN:
            merged = self.merged(aps)
        if merged is None:
            return [self.finditer(ap, start, end) for ap in aps]
        if end < self.length:
            cut = self._cuts.get(end)
            if cut or (cut is None and self.inside_word(end)):
                return [self.finditer(ap, start, end) for ap in aps]
        offsets = self._offsets.get(aps)
        if offsets is None:  # once per document and group: bisect on ints, not on pairs
            offsets = self._offsets[aps] = [c for c, _ in merged]
        first = bisect_left(offsets, start)
        if first == len(offsets) or offsets[first] >= end:
            return [[] for _ in aps]
        found: list[list[re.Match[str]]] = [[] for _ in aps]
        resume = [start] * len(aps)  # each pattern goes on after its own last match
        matchers = _MATCHERS.get(aps)
        if matchers is None:  # once per pattern group per process
            matchers = _MATCHERS[aps] = [ap.pattern.match for ap in aps]
        text = self.text
        for j in range(first, len(merged)):
            c, i = merged[j]
            if c >= end:
                break
            if c < resume[i]:
                continue
            m = matchers[i](text, c, end)
            if m is not None:
                found[i].append(m)
                resume[i] = m.end()
        return found

    def may_match(self, aps: tuple[AnchoredPattern, ...], start: int, end: int) -> bool:
        """False only when none of ``aps`` can match in ``text[start:end]`` (searched with
        bounds or as a slice): every one of them is indexed, no candidate word of theirs
        starts in the window and the window cuts no word. A cheap test before a stage runs
        a group of patterns over a short window with plain ``re`` calls."""
        merged = self._merged.get(aps, _UNKNOWN)
        if merged is _UNKNOWN:
            merged = self.merged(aps)
        if merged is None or self.cuts_word(start, end):
            return True
        offsets = self._offsets.get(aps)
        if offsets is None:  # once per document and group: bisect on ints, not on pairs
            offsets = self._offsets[aps] = [c for c, _ in merged]
        i = bisect_left(offsets, start)
        return i < len(offsets) and offsets[i] < end

    def search(
        self, ap: AnchoredPattern, start: int = 0, end: int | None = None
    ) -> re.Match[str] | None:
        """The match of ``ap.pattern.search(text, start, end)``."""
        text = self.text
        if end is None:
            end = len(text)
        cands = self._candidates.get(ap)
        if cands is None:
            cands = self.candidates(ap)
        if cands is _SCAN or (
            end < self.length
            and ((cut := self._cuts.get(end)) or (cut is None and self.inside_word(end)))
        ):
            return ap.pattern.search(text, start, end)
        match = ap.pattern.match
        for i in range(bisect_left(cands, start), len(cands)):
            c = cands[i]
            if c >= end:
                return None
            m = match(text, c, end)
            if m is not None:
                return m
        return None

    def finditer_in(
        self, ap: AnchoredPattern, start: int, end: int, view: str
    ) -> list[re.Match[str]]:
        """The matches of ``ap.pattern.finditer(view)``, ``view`` being ``text[start:end]``.

        Offsets are in ``view``, as they would be. A slice has its own start and end, which
        lookarounds and ``\\b`` see, so this is not :meth:`finditer` with bounds.
        """
        cands = self._candidates.get(ap)
        if cands is None:
            cands = self.candidates(ap)
        if cands is _SCAN or (
            (cut := self._cuts.get(end)) or (cut is None and self.inside_word(end))
        ):
            return list(ap.pattern.finditer(view))
        out: list[re.Match[str]] = []
        pos = 0
        match = ap.pattern.match
        if start < end and (
            (cut := self._cuts.get(start)) or (cut is None and self.inside_word(start))
        ):
            first = match(view)  # the slice's own first word (see :meth:`search_in`)
            if first is not None:
                out.append(first)
                pos = first.end()
        for i in range(bisect_left(cands, start), len(cands)):
            c = cands[i] - start
            if c >= end - start:
                break
            if c < pos:
                continue
            m = match(view, c)
            if m is not None:
                out.append(m)
                pos = m.end()
        return out

    def search_in(
        self, ap: AnchoredPattern, start: int, end: int, view: str
    ) -> re.Match[str] | None:
        """The match of ``ap.pattern.search(view)``, ``view`` being ``text[start:end]``.

        A slice that opens inside a word (the look-back windows of the event-place frames,
        cut at a fixed number of characters) has a word of its own at offset 0, the tail of
        the text's word, which the index lacks: the pattern is tried there first. Every
        other match starts at a word of the index, as an anchored pattern asserts a word
        start and the slice's other word starts are the text's; so the slice need not be
        scanned in full, as it must be when it ends inside a word.
        """
        cands = self._candidates.get(ap)
        if cands is None:
            cands = self.candidates(ap)
        if cands is _SCAN:
            return ap.pattern.search(view)
        match = ap.pattern.match
        if start < end and (
            (cut := self._cuts.get(start)) or (cut is None and self.inside_word(start))
        ):
            first = match(view)
            if first is not None:
                return first
        # A slice that ends inside a word (a clause cut at a fixed length) has that word's
        # head as its last word, which may match where the whole word does not ("camp\\b"):
        # the index's words are tried before it, and it last.
        # The word before it is tried there too: the index may have left it out for what
        # the whole word after it says ("the arm|y": "the" is no candidate of "the arm\\b").
        last = before = end
        if end < self.length and (
            (cut := self._cuts.get(end)) or (cut is None and self.inside_word(end))
        ):
            starts = self._words[1]
            n = bisect_right(starts, end - 1) - 1
            last = before = max(start, starts[n])
            if n > 0 and starts[n - 1] >= start:
                before = starts[n - 1]
        for i in range(bisect_left(cands, start), len(cands)):
            c = cands[i]
            if c >= before:
                break
            m = match(view, c - start)
            if m is not None:
                return m
        if before < last:
            m = match(view, before - start)
            if m is not None:
                return m
        return match(view, last - start) if start <= last < end else None


#: The index built last. The pipeline builds one per document and works through that
#: document's sentences before the next, so one entry is enough for :func:`index_of`.
_LAST: list[WordIndex] = []


def index_of(text: str) -> WordIndex | None:
    """The word index of ``text`` (the very object) when it is the one built last, else None.

    For stages called without the document's index: they can still run an anchored pattern at
    its candidate words, and scan with the plain pattern when this gives None.
    """
    last = _LAST[0] if _LAST else None
    return last if last is not None and last.text is text else None


class Windows:
    """Sorted, non-overlapping windows of a document (the pipeline's sentences) and their
    slices, for asking once per document which windows a pattern matches in.

    Asking per sentence and pattern costs sentences x patterns look-ups; asking per pattern
    visits only the pattern's candidate words, and there are few.
    """

    __slots__ = ("_cut", "bounds", "starts", "views", "words")

    def __init__(self, words: WordIndex, bounds: list[tuple[int, int]]) -> None:
        self.words = words
        self.bounds = bounds
        self.starts = [s for s, _ in bounds]
        self.views = [words.text[s:e] for s, e in bounds]
        #: Windows that cut a word are scanned (see :meth:`WordIndex.cuts_word`).
        self._cut = [i for i, (s, e) in enumerate(bounds) if words.cuts_word(s, e)]

    def touched(self, aps: tuple[AnchoredPattern, ...]) -> set[int]:
        """Indices of the windows where one of ``aps`` may match: those holding a candidate,
        those that cut a word and, when one of ``aps`` must be scanned, all of them. A stage
        built on ``aps`` finds nothing in the other windows and need not run there."""
        found = set(self._cut)
        starts, bounds = self.starts, self.bounds
        for ap in aps:
            cands = self.words.candidates(ap)
            if cands is _SCAN:
                return set(range(len(bounds)))
            for c in cands:
                i = bisect_right(starts, c) - 1
                if i >= 0 and c < bounds[i][1]:
                    found.add(i)
        return found

    def holding(self, ap: AnchoredPattern) -> set[int] | None:
        """Indices of the windows where a candidate word of ``ap`` starts (whatever the window
        cuts); None when ``ap`` must be scanned. Asked once per document, it answers for every
        window what bisecting the candidates by the window's bounds would."""
        cands = self.words.candidates(ap)
        if cands is _SCAN:
            return None
        found: set[int] = set()
        starts, bounds = self.starts, self.bounds
        for c in cands:
            i = bisect_right(starts, c) - 1
            if i >= 0 and c < bounds[i][1]:
                found.add(i)
        return found

    def searching(self, ap: AnchoredPattern) -> set[int]:
        """Indices of the windows whose slice ``ap.pattern.search`` finds a match in."""
        cands = self.words.candidates(ap)
        if cands is _SCAN:
            return {i for i, view in enumerate(self.views) if ap.pattern.search(view)}
        found: set[int] = set()
        match = ap.pattern.match
        for c in cands:
            i = bisect_right(self.starts, c) - 1
            if i < 0 or i in found:
                continue
            s, e = self.bounds[i]
            if c < e and match(self.views[i], c - s) is not None:
                found.add(i)
        for i in self._cut:
            if ap.pattern.search(self.views[i]):
                found.add(i)
            else:
                found.discard(i)
        return found
