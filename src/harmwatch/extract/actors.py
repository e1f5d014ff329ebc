"""Stage 7: actors — perpetrator and victim groups as stated, and who makes each claim.

Actors are kept as the text names them ("Azerbaijani armed forces", "Russian forces", "Boko
Haram", "the Rapid Support Forces"): harmwatch attributes, it does not adjudicate, so no actor is
normalised to a party here. A perpetrator is an armed group or a force named with its country
adjective; a victim group is a population or status noun ("ethnic Armenians", "migrants",
"civilians"). ``claimed_by`` collects the sources the text attributes statements to ("the
Human Rights Defender of Artsakh", "the ministry", "Human Rights Watch") from reporting verbs
and "according to" phrases, because every figure is "what source X said".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from harmwatch.codebook.anchors import anchor
from harmwatch.extract.text import speech_verbs
from harmwatch.extract.wordindex import WordIndex, matches_at

__all__ = ["ACTOR_PATTERNS", "ActorMention", "find_actors", "find_claimants"]

#: Longest source name kept for ``claimed_by`` (longer captures are run-on sentence parts).
CLAIMANT_MAX_CHARS = 80

_NATIONALITY = (
    r"(?:Azerbaijani|Azeri|Armenian|Artsakh|Karabakh|Russian|Ukrainian|Israeli|Syrian|Iraqi|"
    r"Turkish|Iranian|Saudi(?:-led)?|Emirati|Houthi|Sudanese|Congolese|Rwandan|Nigerian|"
    r"Myanmar|Burmese|Libyan|Lebanese|Afghan|Colombian|Yemeni|American|US|U\.S\.|Palestinian|"
    r"Georgian|Belarusian|Chechen|Pakistani|Indian|Ethiopian|Eritrean|Somali|Malian|government|"
    r"enemy|opposition|rebel|separatist|eastern|pro-government|Turkish-backed)"
)
_FORCE = (
    r"(?:armed forces|forces|army|troops|military|soldiers|servicemen|units|militias?|"
    r"police|security forces|air force|navy|fighters|gunmen|militants|rebels|jets|warplanes|"
    r"drones?|artillery)"
)
_ARMED_GROUPS = (
    r"(?:Boko Haram|Islamic State(?: group)?|ISIS|ISIL|IS fighters|Daesh|al-Qaeda|al-Shabaab|"
    r"Taliban|Hezbollah|Hamas|Houthis?|Rapid Support Forces|RSF|M23(?: armed group)?|"
    r"Wagner(?: Group)?|Saudi-led coalition|jihadists|terrorist groups|gunmen|"
    r"the Tatmadaw|Janjaweed|FARDC|Rwanda Defence Force|RDF|IDF)"
)
_PERPETRATOR = re.compile(
    rf"\b(?:the\s+)?{_NATIONALITY}(?:\s+[A-Z][a-z]+)?\s+{_FORCE}\b|\b{_ARMED_GROUPS}\b"
)
_VICTIM = re.compile(
    r"\b(?:ethnic Armenians|ethnic Azerbaijanis|Rohingya(?: Muslims?)?|civilians|migrants|"
    r"refugees|displaced people|villagers|residents|children|women|prisoners of war|POWs|"
    r"captives|detainees|journalists|aid workers|medics|patients|social leaders|"
    r"human rights (?:leaders|defenders)|peaceful population|civilian population)\b",
    re.IGNORECASE,
)
#: The verbs of a named source's report beyond :data:`SPEECH_VERBS`.
_MORE_REPORTING = (
    "reports",
    "states",
    "wrote",
    "confirmed",
    "claimed",
    "added",
    "noted",
    "informs",
    "documented",
    "verified",
)
_SAID_AFTER = re.compile(
    r"((?:the\s+)?(?:[A-Z][\w’'.-]*|of|for|the|and|de|al-\w+)(?:\s+(?:[A-Z][\w’'.-]*|of|for|the|"
    r"and|de|in))*?)\s*,?\s+(?:(?:has|have|had)\s+)?(?:" + speech_verbs(*_MORE_REPORTING) + r")\b"
)
_ACCORDING = re.compile(
    r"\b(?:according to|as reported by|as per|cited by)\s+((?:the\s+)?(?:[A-Z][\w’'.-]*|of|for|"
    r"the|and)(?:\s+(?:[A-Z][\w’'.-]*|of|for|the|and|in))*)"
)
_SOURCE_NOUN = re.compile(
    r"\b(the\s+(?:\w+\s+){0,3}(?:ministry|ministry of \w+|office|spokesperson|spokesman|"
    r"spokeswoman|ombudsman|prosecutor|authorities|officials|governor|agency|army|"
    r"police|organization|organisation|committee|commission|witnesses))\s+(?:"
    + speech_verbs()
    + r")\b",
    re.IGNORECASE,
)
#: The verbs every :data:`_SAID_AFTER` match ends with, after a space.
_REPORTING_VERB = re.compile(f"(?:{speech_verbs(*_MORE_REPORTING)})")
_REPORTING_VERB_WORD = anchor(re.compile(rf"\b{_REPORTING_VERB.pattern}"))
#: How far back from a reporting verb a :data:`_SAID_AFTER` match may start, read on the
#: reversed text. A match holds only word characters, spaces, commas and ’'.-, and after a
#: space comes a capital, a comma, another space or one of its small words (of, for, the, and,
#: de, in, al-, has, have, had); this consumes exactly such text, backwards, so where it stops
#: no match reaches the verb from. (Words are tested by their start, which admits "often" for
#: "of": the region can only come out larger, never smaller.)
_CHAIN_BACKWARDS = re.compile(
    r"(?:[\w’'.\-,]|(?<=[A-Z,\s])\s|(?<=fo|ed|ni)\s|(?<=rof|eht|dna|sah|dah|-la)\s|(?<=evah)\s)*"
)
_WORD = re.compile(r"\w+")
#: The verbs every :data:`_SOURCE_NOUN` match ends with, as words. A match is "the", up to
#: three words, a noun of one word or three ("ministry of health") and the verb, one space
#: run apart: its "the" is at most :data:`SOURCE_WORDS_BEFORE` words before the verb.
_SOURCE_VERB_WORD = anchor(re.compile(rf"\b(?:{speech_verbs()})\b", re.IGNORECASE))
SOURCE_WORDS_BEFORE = 7
_PERPETRATOR_ANCHORED = anchor(_PERPETRATOR)
_ACCORDING_ANCHORED = anchor(_ACCORDING)
_SOURCE_NOUN_ANCHORED = anchor(_SOURCE_NOUN)
_VICTIM_ANCHORED = anchor(_VICTIM)
_ACTORS = (_PERPETRATOR_ANCHORED, _VICTIM_ANCHORED)
#: :func:`find_actors` finds nothing in a sentence without a word of one of these: a force
#: noun (every "<nationality> forces" ends with one), an armed group's name, a victim group.
ACTOR_PATTERNS = (
    anchor(re.compile(rf"\b{_FORCE}|\b{_ARMED_GROUPS.replace('the Tatmadaw', 'Tatmadaw')}")),
    _VICTIM_ANCHORED,
)
_LEADING_CONJUNCTION = re.compile(r"^(?:And|But|While|Meanwhile|However)\s+")
_CAPITAL = re.compile(r"[A-Z]")
_NOT_SOURCE = re.compile(
    r"^(?:the\s+)?(?:He|She|They|It|We|I|This|That|There|Officials?|"
    r"Witnesses)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as written: ``role`` is ``perpetrator`` or ``victim``."""

    name: str
    role: str
    start: int
    end: int


def find_actors(
    text: str, start: int, end: int, words: WordIndex | None = None
) -> list[ActorMention]:
    """Perpetrator and victim groups named in ``text[start:end]``.

    ``words`` is the document's :class:`WordIndex` when the caller has one.
    """
    words = words or WordIndex(text)
    perpetrators, victims = words.finditer_each(_ACTORS, start, end)
    if not (perpetrators or victims):
        return []
    found: list[ActorMention] = []
    for m in perpetrators:
        s = m.start() + (4 if m.group().lower().startswith("the ") else 0)
        found.append(ActorMention(text[s : m.end()], "perpetrator", s, m.end()))
    for m in victims:
        if not any(a.start <= m.start() < a.end for a in found):
            found.append(ActorMention(m.group(), "victim", m.start(), m.end()))
    return sorted(found, key=lambda a: a.start)


def _clean(name: str) -> str:
    name = name.strip().strip(",")
    name = _LEADING_CONJUNCTION.sub("", name)
    return name


def _said_after(text: str, start: int, end: int, words: WordIndex) -> list[re.Match[str]]:
    """The matches of ``_SAID_AFTER.finditer(text, start, end)``, found faster.

    The pattern has no literal to anchor on and a lazy loop over capitalised words, so a plain
    scan tries that loop at every capital of the text. But every match ends with a reporting
    verb and reaches back from it only over text :data:`_CHAIN_BACKWARDS` admits: the pattern
    scans just those regions, merged where they overlap, and finds the same matches.
    """
    if not words.indexed(_REPORTING_VERB_WORD):
        return list(_SAID_AFTER.finditer(text, start, end))
    reversed_text = ""
    regions: list[list[int]] = []
    for v in words.starts(_REPORTING_VERB_WORD):
        if (
            v <= start
            or v >= end
            or not text[v - 1].isspace()
            or not _REPORTING_VERB.match(text, v)
        ):
            continue
        word = _WORD.match(text, v)
        hi = word.end() if word else v  # the whole word: the verb must end with \b
        lo = v
        while lo > start and text[lo - 1].isspace():
            lo -= 1
        if not reversed_text:
            reversed_text = text[::-1]
        back = _CHAIN_BACKWARDS.match(reversed_text, len(text) - lo)
        lo = max(start, len(text) - back.end()) if back else lo
        if regions and lo <= regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], hi)
        else:
            regions.append([lo, hi])
    out: list[re.Match[str]] = []
    for lo, hi in regions:
        out.extend(_SAID_AFTER.finditer(text, lo, min(hi, end)))
    return out


def _source_nouns(text: str, start: int, end: int, words: WordIndex) -> list[re.Match[str]]:
    """The matches of ``_SOURCE_NOUN.finditer(text, start, end)``, tried only at the "the"s
    that stand at most :data:`SOURCE_WORDS_BEFORE` words before one of its verbs (the others
    cannot start a match)."""
    ap = _SOURCE_NOUN_ANCHORED
    if (
        not words.indexed(ap)
        or not words.indexed(_SOURCE_VERB_WORD)
        or (end < len(text) and words.inside_word(end))
    ):
        return words.finditer(ap, start, end)
    cands = words.starts(ap)
    if not cands:
        return []
    word_starts = words.word_starts()
    # the candidates from the SOURCE_WORDS_BEFORE-th word before each verb up to it, in order
    tried: list[int] = []
    taken = -1  # the candidates before this offset are taken already
    for v in words.starts(_SOURCE_VERB_WORD):
        if v <= start:
            continue
        k = bisect_left(word_starts, v)
        lo = max(word_starts[max(0, k - SOURCE_WORDS_BEFORE)], taken)
        for i in range(bisect_left(cands, lo), len(cands)):
            if cands[i] >= v:
                break
            tried.append(cands[i])
        taken = v
    return matches_at(ap.pattern, text, tried, start, end)


def find_claimants(
    text: str, start: int, end: int, words: WordIndex | None = None
) -> list[tuple[str, int, int]]:
    """Sources statements are attributed to in ``text[start:end]``: (name, start, end)."""
    words = words or WordIndex(text)
    out: list[tuple[str, int, int]] = []
    for group_matches in (
        words.finditer(_ACCORDING_ANCHORED, start, end),
        _said_after(text, start, end, words),
        _source_nouns(text, start, end, words),
    ):
        for m in group_matches:
            group = 1
            raw = m.group(group)
            name = _clean(raw)
            if not name or len(name) > CLAIMANT_MAX_CHARS or _NOT_SOURCE.match(name):
                continue
            if not _CAPITAL.search(name) and not name.lower().startswith("the "):
                continue
            offset = m.start(group) + raw.index(name) if name in raw else m.start(group)
            if text[offset : offset + len(name)] != name:
                continue
            if any(o[1] <= offset < o[2] or offset <= o[1] < offset + len(name) for o in out):
                continue
            out.append((name, offset, offset + len(name)))
    return sorted(out, key=lambda c: c[1])
