"""Stage 3a: the measure cue that governs a count — to its right, else to its left.

Split from :mod:`.figures`, which decides what a governed count becomes. A right-hand cue ("14
have been killed", "nine dead") wins when it is close and is not the active verb of the next
count ("killed 21 civilians and wounded another 70"); otherwise the closest left-hand cue
("killing 85", "death toll rose to 40") with no copula in between. All measures are asked in one
pass over the document's word index (:meth:`.WordIndex.merged`): their cue words in text order,
each measure's first match being what its own ``search`` would find; the one-measure-at-a-time
versions (``*_each``) answer for windows the index cannot.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from harmwatch.codebook import Codebook
from harmwatch.extract.numbers import NumberMention
from harmwatch.extract.wordindex import WordIndex

__all__ = [
    "GOVERNS_NEXT_WORDS",
    "LEFT_MAX_WORDS",
    "OF_THEM_AFTER",
    "RIGHT_MAX_WORDS",
    "THAT_CLAUSE",
    "choose_cue",
    "nearest_left",
    "nearest_left_each",
    "nearest_right",
    "nearest_right_each",
    "word_count",
]

#: Most words between a number and a right-hand cue ("two road administration employees had
#: hit a mine and were killed" needs 9).
RIGHT_MAX_WORDS = 10
#: Most words between a number and the verb that outranks a noun cue before it ("200 people,
#: most of them women and children living in displacement camps, were reported abducted").
NOUN_VERB_MAX_WORDS = 16
#: Most words between a left-hand cue and its number ("injured by suffocation has increased to").
LEFT_MAX_WORDS = 5
#: A right cue followed this closely by another count is that count's verb, not ours.
GOVERNS_NEXT_WORDS = 4
#: "four of them killed": the cue after "of them" is the count's own.
OF_THEM_AFTER = re.compile(
    r"^\s+(?:of (?:them|those|whom|the (?:dead|injured|wounded|victims|"
    r"killed|people))(?:\s+(?:killed|injured|wounded|dead))?)",
    re.IGNORECASE,
)
#: Right cues that are nouns naming a group ("political prisoners", "refugees", "victims"):
#: when a verb cue of another measure follows in the clause ("7 political prisoners have died
#: in custody"), the verb says what happened to the count and wins.
_NOUN_CUE = re.compile(
    r"(?:refugees|captives|hostages|prisoners of war|pows|political prisoners|"
    r"victims|bodies|idps|camps)$",
    re.IGNORECASE,
)
#: "six people convicted of espionage have been executed": a participle modifying the count,
#: then the clause's own verb; the verb says what happened.
_PARTICIPLE = re.compile(
    r"(?:convicted|accused|arrested|detained|abducted|kidnapped|displaced|wounded|injured|"
    r"captured|sentenced)",
    re.IGNORECASE,
)
_PARTICIPLE_PHRASE = re.compile(
    r"\s+(?:of|for|in|by|during|on|at|near|from)\s+[^,;.]{0,60}?\b(?:have|has|had)\s+been\b"
    r"|\s+(?:of|for|in|by|during|on|at|near|from)\s+[^,;.]{0,60}?\b(?:were|was|died)\b",
    re.IGNORECASE,
)
#: "25 captured government soldiers being shot dead": a participle used as an adjective
#: before the group's noun, then a passive verb; only a killing overrides it (the wounded who
#: "were evacuated" stay wounded).
_ADJECTIVE_PHRASE = re.compile(
    r"\s+(?:[\w-]+\s+){1,3}?(?:being|were|was|had been|have been)\s", re.IGNORECASE
)
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:some|many|most|all|several|none|one|two|three) of "
    r"(?:whom|which)\b",
    re.IGNORECASE,
)
#: "40 civilians, many of them children, were killed": a part in apposition leaves the cue to
#: the count it describes.
_PART_OF_GROUP = re.compile(r"[\w,.]+\s+(?:\w+\s+)?of (?:them|whom|those)\b", re.IGNORECASE)
#: A clause of its own between a count and a right cue: the cue is that clause's.
_DISPLACED_ADJECTIVE = re.compile(
    r"\s+(?:people|persons|civilians|families|children|women|men|residents|villagers)\b", re.I
)
#: Between a group and its passive harm verb: "were", "have been", "had also been".
_PASSIVE_GAP = re.compile(
    r"\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:also\s+|reportedly\s+)?",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(
    # "its count stood at 292, and the final toll, once the missing ...": a new subject
    r",\s*(?:and that|but|while|whereas|"
    r"and the (?:final |new |latest |official )?(?:toll|count))\b"
    # "put the toll at 30 and said that teams had been deployed": the speaker goes on
    r"|,?\s+and\s+(?:said|says|added|adds|told|warned|stressed)\b",
    re.IGNORECASE,
)
#: "said that four people had been killed and that 84 had been pulled out": a second reported
#: clause between a cue and a count; the cue is the first clause's.
THAT_CLAUSE = re.compile(r"\b(?:and|but|while) that\b", re.IGNORECASE)
#: A line break or bracket between a cue and the next count: the cue is not that count's verb.
_BREAK = re.compile(r"[\n()\[\]|•·]")
#: "20 civilians and several members of the armed group were killed", "30 kiosks, a shop and
#: several cars were destroyed": a count joined to ours by a list's "and" shares our verb
#: (unlike ", and that dozens of others were wounded").
_JOINED_NP = re.compile(
    r"\s+[\w-]+(?:\s+[\w-]+)?(?:,\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?){0,4},?"
    r"\s+(?:and|as well as)\s+",
    re.IGNORECASE,
)
#: "3,400 people remain confined in 14 villages": a count after a preposition counts places,
#: it is not the object of the cue verb ("killed at least 21" still is).
_PLACE_COUNT_AFTER = re.compile(
    r"\s+(?:in|across|from|into|on|near|around|among|between|outside|inside|along|throughout|"
    r"within|behind|beyond|through|towards?|by|at(?!\s+(?:least|most)\b))\s",
    re.IGNORECASE,
)
_OF_THE_GROUP = re.compile(r"\s+of\s+(?:the|those)\s+", re.IGNORECASE)
#: ", including" / ", among them" not closed by a comma before the cue.
_INCLUDING = re.compile(r",\s*(?:including|among them)\b[^,;]*$", re.IGNORECASE)
_QUANTITY_WORD = re.compile(r"(?:an?\s+)?[\w,.]+\s+")
_AND_OR = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
#: "and" followed by a verb in the past ("and shot", "and took"): a second clause.
_AND_VERB = re.compile(r"\band\s+(?:then\s+)?[a-z]+(?:ed|ot|ook|ew|ent|ung|urnt)\b")
#: Words (a hedge) that may stand between a verb and its count: "killed at least 12".
ADJACENT_LEFT_WORDS = 2
_WORD = re.compile(r"\w+(?:[-’']\w+)*")
#: A key-figure entry's label right before its number: "Killed: 14", "| Injured: 32",
#: "Civilian casualties — dead: 8", "Internally displaced persons ..... 24,500". The label
#: runs from the start of its entry (line, bar, slash, semicolon, bullet) to a colon or a
#: dotted leader; its cue names the count's measure, whatever follows the number.
_LABEL_BEFORE = re.compile(
    # "Killed: 14", "Dead: 12. Injured: 30", "Deaths - 17; injuries - 43"
    # ("- Soldiers killed: 26": a hyphen or asterisk bullet opens the line; a box drawn with
    # line characters in a plain-text bulletin, "│ Associated deaths: 9 │", is a bar)
    r"(?:^|(?<=[|/;•\n—–│┃║])|(?<=[.,][ \t]))[ \t]*(?:(?<=\n)[-*][ \t]+)?"
    r"([A-Za-z][A-Za-z ,'’()\d-]{1,98}?)[ \t]*"
    r"(?::|\.{3,}|(?<=[a-z])[ \t]+[-–—](?=[ \t]))[ \t]*"
    r"(?:(?:about|some|around|nearly|almost|over|more than|at least|up to|approximately)[ \t]+)?$"
)
LABEL_WINDOW = 120
#: What parts two key-figure entries: a line break, a bar, a closing bracket, a run of spaces.
_ENTRY_BREAK = re.compile(r"[\n|)]|\s{3,}")


def key_figure_label(text: str, lo: int, pos: int) -> re.Match[str] | None:
    """The label of the key-figure entry whose number starts at ``pos`` (group 1), if any."""
    start = max(lo, pos - LABEL_WINDOW)
    if (
        text.find(":", start, pos) < 0
        and text.find("...", start, pos) < 0
        and text.find(" -", start, pos) < 0
        and text.find(" –", start, pos) < 0
        and text.find(" —", start, pos) < 0
    ):
        return None  # every label ends in a colon, a dotted leader or a spaced dash
    return _LABEL_BEFORE.search(text, start, pos)


#: A table cell's text (group 1) from just after its bar to the next bar or line end.
_CELL = re.compile(r"[ \t]*([^|\n]*?)[ \t]*(?=\||\n|$)")
#: A count alone in its cell, with a hedge at most: "| 48 |", "| about 1,200 |".
_CELL_COUNT_BEFORE = re.compile(r"\|[ \t]*(?:[A-Za-z]+[ \t]+){0,2}$")
_CELL_COUNT_AFTER = re.compile(r"[ \t]*(?:\||\n|$)")
#: Rows above a count searched for the table's header.
TABLE_HEADER_ROWS = 40


def table_label(
    text: str, start: int, end: int, cb: Codebook | None = None
) -> re.Match[str] | None:
    """The label of the table cell holding the count at ``text[start:end]``.

    Tables reach the text as rows of cells between bars (``| Martuni | 48 | 12 |``, as
    ingestion renders an HTML table); a count alone in its cell counts what its column's
    header names ("Houses damaged"). The header is the nearest row above with as many cells
    and no digit; a ``|---|`` rule between them is passed over. In a key-figures table the
    row's first cell is the label ("| People reported killed in Ardamata | more than 800 |"
    under "| Indicator | Figure |"): with the codebook ``cb``, a first cell naming a measure
    is taken when the column's header names none. Group 1 of the match is the label's text,
    with offsets in ``text``.
    """
    if not _CELL_COUNT_BEFORE.search(text, max(0, start - 30), start):
        return None
    if not _CELL_COUNT_AFTER.match(text, end):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    header = _column_header(text, start, end, line_start)
    if cb is None or (header is not None and _names_measure(cb, header.group(1))):
        return header
    first = _CELL.match(text, text.find("|", line_start, start) + 1, start)
    if first is not None and first.end(1) < start and _names_measure(cb, first.group(1)):
        return first
    return header


def _names_measure(cb: Codebook, label: str) -> bool:
    return any(
        cb.measure_right[m].search(label) or cb.measure_left[m].search(label)
        for m in cb.measure_right
    )


def _column_header(text: str, start: int, end: int, line_start: int) -> re.Match[str] | None:
    """The header cell of the column holding ``text[start:end]`` (see :func:`table_label`)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    column = text.count("|", line_start, start)
    cells = text.count("|", line_start, line_end)
    pos = line_start - 1
    for _ in range(TABLE_HEADER_ROWS):
        if pos <= 0:
            return None
        above = text.rfind("\n", 0, pos) + 1
        row = text[above:pos]
        if "|" not in row:
            return None  # the table ended before a header was found
        if row.count("|") == cells and not any(c.isdigit() for c in row):
            if set(row) <= set("|-: \t"):
                pos = above - 1  # the rule under a header
                continue
            bar = above - 1
            for _ in range(column):
                bar = text.find("|", bar + 1, pos)
            return _CELL.match(text, bar + 1, pos) if bar >= 0 else None
        pos = above - 1
    return None


#: :func:`choose_cue`'s ``label`` when the caller has not looked it up: it is looked up then.
#: (A match object of its own, told apart by identity.)
LABEL_NOT_ASKED = re.compile("").match("")


_COPULA = re.compile(r"\b(?:was|were|is|are|been|being|be|a member)\b", re.IGNORECASE)
# (a subordinate clause too: "23 soldiers were killed when several hundred fighters attacked")
_CONJ = re.compile(
    r",|;|\b(?:and|or|while|but|when|as|after|before|because|where)\b", re.IGNORECASE
)


def word_count(s: str) -> int:
    """How many words ``s`` holds."""
    return len(_WORD.findall(s))


#: An apposition between a count and its verb ("Two journalists, a French reporter and a
#: British photographer, were wounded") does not count towards the distance.
_APPOSITION = re.compile(r",[^,;.]{1,120},")


_SUB_PHRASE = re.compile(
    r",\s*(?:including|among them|among whom|of whom)\b[^;]{0,160},", re.IGNORECASE
)
#: Most words outside the apposition for it to be left out of the distance: the count's own
#: noun phrase and an auxiliary ("other foreign journalists, ..., were").
APPOSITION_FRAME_WORDS = 5


_NAME_LIST = re.compile(r"[A-Z][\w’'-]*(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s+)[A-Z][\w’'-]*)+")
#: A relative clause between a count and its verb ("36 civilians who were believed to have been
#: in the area remain unaccounted for"): its pronoun, then the clause up to the main verb.
_RELATIVE = re.compile(r"\b(?:who|whom|which)\b", re.IGNORECASE)


def _gap_words(gap: str) -> int:
    """Words between a count and a right-hand cue, a short frame's apposition or relative
    clause left out (as long as the whole stays within :data:`NOUN_VERB_MAX_WORDS`); a list of
    names counts as one word ("people in Istmina, Medio San Juan and Sipí are confined")."""
    words = word_count(gap)
    if words > RIGHT_MAX_WORDS:
        words = word_count(_NAME_LIST.sub("X", gap))
    if words <= RIGHT_MAX_WORDS:
        return words
    if "," in gap:
        outside = word_count(_APPOSITION.sub(" ", gap))
        if outside <= APPOSITION_FRAME_WORDS:
            return outside
        # "120,000 people, among them 30,000 children, 20,000 elderly persons and 9,000
        # persons with disabilities, have been deprived": the sub-counts' phrase is set off
        without_subs = word_count(_SUB_PHRASE.sub(" ", gap))
        if without_subs <= APPOSITION_FRAME_WORDS:
            return without_subs
    rel = _RELATIVE.search(gap)
    if rel and words <= NOUN_VERB_MAX_WORDS and word_count(gap[: rel.start()]) <= 3:
        return word_count(gap[: rel.start()]) + 1  # the noun phrase and the main verb
    return words


def nearest_right(
    cb: Codebook,
    text: str,
    pos: int,
    limit: int,
    exclude: frozenset[str] = frozenset(),
    words: WordIndex | None = None,
) -> tuple[str, int, int] | None:
    """The right-hand cue closest after ``pos``: each measure's first cue in the clause, if
    within :data:`RIGHT_MAX_WORDS`; the earliest wins, then the longest, then codebook order."""
    words = words or WordIndex(text)
    names = tuple(cb.anchors.measure_right)
    aps = tuple(cb.anchors.measure_right.values())
    merged = words.merged(aps)
    if merged is None or words.inside_word(limit):
        return nearest_right_each(cb, text, pos, limit, exclude, words)
    # All measures' candidates in text order: the first match of a measure is its search
    # result, and once a match is found nothing further right can beat it.
    best: tuple[str, int, int] | None = None
    done: set[int] = set()
    for j in range(bisect_left(merged, (pos, -1)), len(merged)):
        c, i = merged[j]
        if c >= limit or (best is not None and c > best[1]):
            break
        if i in done or names[i] in exclude:
            continue
        m = aps[i].pattern.match(text, c, limit)
        if m is None:
            continue
        done.add(i)
        if _gap_words(text[pos:c]) > RIGHT_MAX_WORDS:
            break  # and every later cue is further away
        if best is None or (c == best[1] and m.end() > best[2]):
            best = (names[i], c, m.end())
    return best


def nearest_right_each(
    cb: Codebook, text: str, pos: int, limit: int, exclude: frozenset[str], words: WordIndex
) -> tuple[str, int, int] | None:
    """:func:`nearest_right` asking each measure in turn (for windows the index cannot
    answer)."""
    best: tuple[str, int, int] | None = None
    for measure, ap in cb.anchors.measure_right.items():
        if measure in exclude:
            continue
        m = words.search(ap, pos, limit)
        if m and _gap_words(text[pos : m.start()]) <= RIGHT_MAX_WORDS:
            if best is None or m.start() < best[1] or (m.start() == best[1] and m.end() > best[2]):
                best = (measure, m.start(), m.end())
    return best


def nearest_left(
    cb: Codebook,
    text: str,
    lo: int,
    pos: int,
    exclude: frozenset[str] = frozenset(),
    words: WordIndex | None = None,
) -> tuple[str, int, int] | None:
    """The left-hand cue ending closest before ``pos`` with no copula or semicolon and at most
    :data:`LEFT_MAX_WORDS` words between; ties go to the measure first in the codebook."""
    words = words or WordIndex(text)
    names = tuple(cb.anchors.measure_left)
    aps = tuple(cb.anchors.measure_left.values())
    merged = words.merged(aps)
    if merged is None or words.inside_word(pos):
        return nearest_left_each(cb, text, lo, pos, exclude, words)
    # Every measure's matches, interleaved in text order (each measure resumes after its own
    # last match, as its finditer would).
    best: tuple[str, int, int] | None = None
    best_key = (-1, 0)
    resume: dict[int, int] = {}
    for j in range(bisect_left(merged, (lo, -1)), len(merged)):
        c, i = merged[j]
        if c >= pos:
            break
        if c < resume.get(i, lo) or names[i] in exclude:
            continue
        m = aps[i].pattern.match(text, c, pos)
        if m is None:
            continue
        resume[i] = m.end()
        gap = text[m.end() : pos]
        if ";" in gap or _COPULA.search(gap) or word_count(gap) > LEFT_MAX_WORDS:
            continue
        key = (m.end(), -i)
        if key > best_key:
            best, best_key = (names[i], c, m.end()), key
    return best


def nearest_left_each(
    cb: Codebook, text: str, lo: int, pos: int, exclude: frozenset[str], words: WordIndex
) -> tuple[str, int, int] | None:
    """:func:`nearest_left` asking each measure in turn (for windows the index cannot
    answer)."""
    best: tuple[str, int, int] | None = None
    for measure, ap in cb.anchors.measure_left.items():
        if measure in exclude:
            continue
        for m in words.finditer(ap, lo, pos):
            gap = text[m.end() : pos]
            if ";" in gap or _COPULA.search(gap):
                continue
            if word_count(gap) <= LEFT_MAX_WORDS and (best is None or m.end() > best[2]):
                best = (measure, m.start(), m.end())
    return best


def _is_duration(cb: Codebook, text: str, pos: int) -> bool:
    """Whether the quantity at ``pos`` measures time or a unit ("for several days"), so a cue
    before it is not its verb."""
    m = _QUANTITY_WORD.match(text, pos)
    return bool(m and cb.non_count_units.match(text, m.end()))


def choose_cue(
    cb: Codebook,
    text: str,
    num: NumberMention,
    lo: int,
    hi_clause: int,
    starts: list[int],
    exclude: frozenset[str],
    words: WordIndex | None = None,
    label: re.Match[str] | None = LABEL_NOT_ASKED,
) -> tuple[str | None, tuple[int, int] | None]:
    """The measure cue governing ``num``: the label of a key-figure entry ("Killed: 14 |
    Injured: 32"), else a close right cue unless it is the verb of the next number ("killed 21
    civilians and wounded another 70"), else a left cue.

    ``label`` is ``key_figure_label(text, lo, num.start)`` when the caller has it already."""
    if label is LABEL_NOT_ASKED:
        label = key_figure_label(text, lo, num.start) or table_label(text, num.start, num.end, cb)
    if label is not None:
        cue = nearest_right(cb, text, label.start(1), label.end(1), exclude, words)
        if cue is None:
            cue = nearest_left(cb, text, label.start(1), label.end(1), exclude, words)
        if cue is not None:
            return cue[0], (cue[1], cue[2])
    right = nearest_right(cb, text, num.end, hi_clause, exclude, words)
    if (
        right
        and text.startswith(":", right[2])
        and (
            _ENTRY_BREAK.search(text, num.end, right[1])
            or _NOUN_CUE.search(text, right[1], right[2])
        )
    ):
        # "killed: 5,996 (of whom 382 children)   injured: 8,848": the next entry's label;
        # "claimed 355 victims: 67 were killed and 288 injured": a total the breakdown after
        # the colon splits into its measures
        right = None
    participle = right is not None and _PARTICIPLE.fullmatch(text, right[1], right[2])
    adjective = bool(
        participle
        and right is not None
        and not _PARTICIPLE_PHRASE.match(text, right[2])
        and _ADJECTIVE_PHRASE.match(text, right[2])
    )
    if right and (
        _NOUN_CUE.search(text, right[1], right[2])
        or (participle and _PARTICIPLE_PHRASE.match(text, right[2]))
        or adjective
    ):
        verb = nearest_right(cb, text, right[2], hi_clause, exclude | {right[0]}, words)
        if (
            verb
            and (not adjective or verb[0] == "killed")
            and word_count(text[num.end : verb[1]]) <= NOUN_VERB_MAX_WORDS
            and not _AND_OR.search(text, right[2], verb[1])
            # "30 hostages, according to a foundation that assists victims' families": a
            # noun after a comma is no verb of ours
            and not (_NOUN_CUE.search(text, verb[1], verb[2]) and "," in text[right[2] : verb[1]])
        ):
            right = verb
    if right and _OF_THE_GROUP.fullmatch(text, num.end, right[1]):
        # "3 of the wounded died in hospital": the cue names the group the count is taken
        # from; the verb after it says what happened to them
        verb = nearest_right(cb, text, right[2], hi_clause, exclude | {right[0]}, words)
        if verb and word_count(text[right[2] : verb[1]]) <= GOVERNS_NEXT_WORDS:
            right = verb
    if right and _NEW_CLAUSE.search(text, num.end, right[1]):
        right = None  # "the toll was 400, and that residents were searching for missing ..."
    rel = _RELATIVE_CLAUSE.search(text, num.end, right[1]) if right else None
    if right and rel and "," not in text[rel.end() : right[1]]:
        right = None  # "40 women, some of whom were held captive": the cue is the clause's
    if right and _INCLUDING.search(text, num.end, right[1]):
        # "took away about 20 people, including injured children": a cue inside the
        # sub-group's phrase describes the sub-group; the count's own cue is on its left
        left = nearest_left(cb, text, lo, num.start, exclude, words)
        if left:
            return left[0], (left[1], left[2])
    if right and any(
        num.end < s < right[1]
        and not _PART_OF_GROUP.match(text, s)
        and not _JOINED_NP.fullmatch(text, num.end, s)
        for s in starts
    ):
        right = None  # a vague or other count in between owns the cue ("dozens of others")
    if (
        right
        and right[0] == "displaced"
        and word_count(text[num.end : right[1]]) == 0
        and _DISPLACED_ADJECTIVE.match(text, right[2])
    ):
        # "killed at least 19 displaced people": the adjective names the group; the verb
        # right before the count says what happened to it
        left = nearest_left(cb, text, lo, num.start, exclude | {"displaced"}, words)
        if left and word_count(text[left[2] : num.start]) <= ADJACENT_LEFT_WORDS:
            return left[0], (left[1], left[2])
        # "12 displaced people were wounded": the passive verb after the group says what
        # happened to it
        group = _DISPLACED_ADJECTIVE.match(text, right[2])
        if group is not None:
            verb = nearest_right(cb, text, group.end(), hi_clause, exclude | {"displaced"}, words)
            if verb and _PASSIVE_GAP.fullmatch(text, group.end(), verb[1]):
                return verb[0], (verb[1], verb[2])
    if (
        right
        and word_count(text[num.end : right[1]]) == 0
        and _NOUN_CUE.search(text, right[1], right[2])
    ):
        # "killed three refugees", "abducted 12 hostages": the noun right after the count is
        # who the people are; a verb of harm right before it says what happened to them
        left = nearest_left(cb, text, lo, num.start, exclude | {right[0]}, words)
        if (
            left
            and word_count(text[left[2] : num.start]) <= ADJACENT_LEFT_WORDS
            # "62 wounded people and 14 bodies": a cue of the count before is not this one's
            and "," not in text[left[2] : num.start]
            and not _AND_OR.search(text, left[2], num.start)
        ):
            return left[0], (left[1], left[2])
    if right and _AND_VERB.search(text, num.end, right[1]):
        # "abducted 17 passengers and shot the driver dead": the verb right before the count
        # is its own; the cue after "and" belongs to the next clause's object
        left = nearest_left(cb, text, lo, num.start, exclude, words)
        if left and word_count(text[left[2] : num.start]) <= ADJACENT_LEFT_WORDS:
            return left[0], (left[1], left[2])
    if right and "," in text[num.end : right[1]]:
        # "Gunmen killed five soldiers, and several hundred people fled": the verb right before
        # the count is its own; a cue past a comma is another clause's
        left = nearest_left(cb, text, lo, num.start, exclude, words)
        if (
            left
            and word_count(text[left[2] : num.start]) <= ADJACENT_LEFT_WORDS
            and "," not in text[left[2] : num.start]
        ):
            return left[0], (left[1], left[2])
    if right:
        nxt = next((s for s in starts if s > right[2]), None)
        after_cue = text[right[2] : nxt] if nxt is not None else ""
        governs = (
            nxt is not None
            and word_count(after_cue) <= GOVERNS_NEXT_WORDS
            and not _CONJ.search(after_cue)
            and not _is_duration(cb, text, nxt)
            and not _BREAK.search(after_cue)
            # ("injured around 2,800": "around" right before the count is its hedge)
            and not (_PLACE_COUNT_AFTER.match(after_cue) and after_cue.strip() != "around")
        )
        if (
            not governs
            or OF_THEM_AFTER.match(text[num.end : right[2]])
            or word_count(text[num.end : right[1]]) == 0
        ):
            return right[0], (right[1], right[2])
    left = nearest_left(cb, text, lo, num.start, exclude, words)
    if left and not THAT_CLAUSE.search(text, left[2], num.start):
        return left[0], (left[1], left[2])
    return None, None
