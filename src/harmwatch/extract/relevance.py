"""Stage 9: relevance — does the document report conflict harm at all?

The codebook's definition is the rule: a document is relevant when it reports at least one harm
category (every category but ``response``). The conflict gates of the categories stage already
keep disasters, accidents, crime, sport and economy from cueing harm categories, so this stage
only applies the definition and records why, which analysts see when they triage.

One more guard works on the whole document: a disaster or accident report that mentions the
war once in passing ("in neighbouring Syria, where years of war have left hospitals in ruin";
"gathering sites for people displaced by the conflict" in a cholera bulletin) does not report
conflict harm. When disaster words outnumber conflict words and only one sentence cues a harm
category, that sentence is background and its harm categories are dropped.

And one on frames: a text about an exercise, a weapons test, a parade, the arms trade, a game,
sport or history that holds no word of harm at all names weapons without reporting harm.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING, Any

from harmwatch.codebook import HARM_CATEGORIES, Codebook
from harmwatch.extract.wordindex import index_of

if TYPE_CHECKING:
    from harmwatch.extract.categories import DocContext

__all__ = [
    "background_harm_only",
    "background_in_business",
    "framed_without_harm",
    "no_harm_frame",
    "relevance",
]

#: Most sentences with harm categories a disaster report may hold for them to be background.
BACKGROUND_SENTENCES = 1


def background_harm_only(ctx: DocContext, facts: list[Any]) -> bool:
    """Drop the harm categories of a disaster report's passing mention of conflict; say
    whether it did. ``facts`` are the pipeline's per-sentence facts (``.categories`` sets)."""
    if ctx.is_conflict or ctx.disaster_words <= ctx.conflict_words:
        return False
    harmful = [sf for sf in facts if sf.categories & HARM_CATEGORIES]
    if not harmful or len(harmful) > BACKGROUND_SENTENCES:
        return False
    for sf in harmful:
        sf.categories -= HARM_CATEGORIES
    return True


#: Frame words of trade that a sentence of harm may hold for other reasons ("unable to buy
#: food"): only the whole document's lack of harm makes them a frame.
_TRADE_WORDS = frozenset(
    {"to buy", "contract", "contracts", "shares", "profit", "profits", "procurement"}
)


def _lexicon_matches(cb: Codebook, text: str, name: str) -> list[re.Match[str]]:
    """The matches of codebook lexicon ``name`` in ``text``, at its candidate words when the
    document's word index is at hand."""
    words = index_of(text)
    if words is not None:
        return list(words.finditer(cb.anchors.lexicons[name]))
    return list(cb.lexicon_patterns[name].finditer(text))


def framed_without_harm(cb: Codebook, text: str, facts: list[Any]) -> None:
    """The sentence-level form of :func:`no_harm_frame`: a sentence that frames weapons without
    harm ("Iskander launchers and Yars missiles rolled across Red Square as Russia marked
    Victory Day with a parade") keeps no harm category, even in a report of harm elsewhere.

    The frame and casualty words are found once in the document (at their candidate words),
    then read per sentence."""
    harmful = [sf for sf in facts if sf.categories & HARM_CATEGORIES]
    if not harmful:
        return
    frames = [
        m.start()
        for m in _lexicon_matches(cb, text, "non_harm_frame")
        if m.group().lower() not in _TRADE_WORDS
    ]
    if not frames:
        return
    casualties = [m.start() for m in _lexicon_matches(cb, text, "casualty")]
    for sf in harmful:
        if any(sf.start <= f < sf.end for f in frames) and not any(
            sf.start <= c < sf.end for c in casualties
        ):
            sf.categories &= {"response"}


def no_harm_frame(cb: Codebook, text: str) -> bool:
    """A text that frames weapons and war words without harm: it holds a frame word (an
    exercise, a weapons test, a parade, the arms trade, a game, sport, history) and no word of
    harm at all ("Rocket launchers and howitzers pounded targets on the range"; "orders for
    artillery shells"; "Celtic laid siege to the visitors' goal")."""
    patterns = cb.lexicon_patterns
    words = index_of(text)
    # the casualty words come first: nearly every report of harm holds one early on; a
    # negated one ("no one was hurt", "without casualties") is no word of harm. With the
    # document's word index the same searches run at its words.
    found = (
        words.finditer(cb.anchors.lexicons["casualty"])
        if words is not None
        else patterns["casualty"].finditer(text)
    )
    harm = next(
        (
            m
            for m in found
            if not _NEGATED_BEFORE.search(text, max(0, m.start() - NEGATION_CHARS), m.start())
        ),
        None,
    )
    if harm is not None:
        return False
    frame = (
        words.search(cb.anchors.lexicons["non_harm_frame"])
        if words is not None
        else patterns["non_harm_frame"].search(text)
    )
    return frame is not None


#: How far before a word of harm a negation is read ("no one was hurt").
NEGATION_CHARS = 20
_NEGATED_BEFORE = re.compile(
    r"\b(?:no\s+one|nobody|no-one|none)\s+(?:was|were|has\s+been|had\s+been)\s+$|"
    r"\b(?:no|without|zero)\s+(?:reported\s+)?$",
    re.IGNORECASE,
)


#: Words of business and the economy a report needs before its single harm sentence can be
#: background.
ECONOMY_WORDS = 2


def background_in_business(cb: Codebook, text: str, facts: list[Any]) -> bool:
    """Drop the harm categories of a business or economy report's one sentence that names the
    war without any word of harm ("the eastern provinces where the government is fighting the
    M23 rebel movement have not been affected"); say whether it did."""
    harmful = [sf for sf in facts if sf.categories & HARM_CATEGORIES]
    if len(harmful) != 1:
        return False
    sf = harmful[0]
    patterns = cb.lexicon_patterns
    if patterns["casualty"].search(text, sf.start, sf.end) is not None:
        return False
    # count only as far as needed: a long report may hold many economy words
    if sum(1 for _ in islice(patterns["economy"].finditer(text), ECONOMY_WORDS)) < ECONOMY_WORDS:
        return False
    sf.categories -= HARM_CATEGORIES
    return True


def relevance(categories: set[str]) -> tuple[bool, list[str]]:
    """``(relevant, reasons)``: the harm categories that make the document relevant."""
    reasons = sorted(categories & HARM_CATEGORIES)
    return bool(reasons), reasons
