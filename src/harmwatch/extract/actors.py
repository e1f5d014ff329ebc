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
from dataclasses import dataclass

__all__ = ["ActorMention", "find_actors", "find_claimants"]

#: Longest source name kept for ``claimed_by`` (longer captures are run-on sentence parts).
CLAIMANT_MAX_CHARS = 80

_NATIONALITY = (
    r"(?:Azerbaijani|Azeri|Armenian|Artsakh|Karabakh|Russian|Ukrainian|Israeli|Syrian|Iraqi|"
    r"Turkish|Iranian|Saudi(?:-led)?|Emirati|Houthi|Sudanese|Congolese|Rwandan|Nigerian|"
    r"Myanmar|Burmese|Libyan|Lebanese|Afghan|Colombian|Yemeni|American|US|U\.S\.|Palestinian|"
    r"Georgian|Belarusian|Chechen|Pakistani|Indian|Ethiopian|Eritrean|Somali|Malian|government|"
    r"enemy|opposition|rebel|separatist|eastern|pro-government|Turkish-backed)"
)
_FORCE = (r"(?:armed forces|forces|army|troops|military|soldiers|servicemen|units|militias?|"
          r"police|security forces|air force|navy|fighters|gunmen|militants|rebels|jets|warplanes|"
          r"drones?|artillery)")
_PERPETRATOR = re.compile(
    rf"\b(?:the\s+)?{_NATIONALITY}(?:\s+[A-Z][a-z]+)?\s+{_FORCE}\b"
    r"|\b(?:Boko Haram|Islamic State(?: group)?|ISIS|ISIL|IS fighters|Daesh|al-Qaeda|al-Shabaab|"
    r"Taliban|Hezbollah|Hamas|Houthis?|Rapid Support Forces|RSF|M23(?: armed group)?|"
    r"Wagner(?: Group)?|Saudi-led coalition|jihadists|terrorist groups|gunmen|"
    r"the Tatmadaw|Janjaweed|FARDC|Rwanda Defence Force|RDF|IDF)\b"
)
_VICTIM = re.compile(
    r"\b(?:ethnic Armenians|ethnic Azerbaijanis|Rohingya(?: Muslims?)?|civilians|migrants|"
    r"refugees|displaced people|villagers|residents|children|women|prisoners of war|POWs|"
    r"captives|detainees|journalists|aid workers|medics|patients|social leaders|"
    r"human rights (?:leaders|defenders)|peaceful population|civilian population)\b",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"((?:the\s+)?(?:[A-Z][\w’'.-]*|of|for|the|and|de|al-\w+)(?:\s+(?:[A-Z][\w’'.-]*|of|for|the|"
    r"and|de|in))*?)\s*,?\s+(?:(?:has|have|had)\s+)?(?:said|says|reported|reports|stated|states|told|"
    r"announced|wrote|confirmed|claimed|added|noted|informs|documented|verified)\b"
)
_ACCORDING = re.compile(
    r"\b(?:according to|as reported by|as per|cited by)\s+((?:the\s+)?(?:[A-Z][\w’'.-]*|of|for|"
    r"the|and)(?:\s+(?:[A-Z][\w’'.-]*|of|for|the|and|in))*)"
)
_SOURCE_NOUN = re.compile(
    r"\b(the\s+(?:\w+\s+){0,3}(?:ministry|ministry of \w+|office|spokesperson|spokesman|"
    r"spokeswoman|ombudsman|prosecutor|authorities|officials|governor|agency|army|"
    r"police|organization|organisation|committee|commission|witnesses))\s+(?:said|says|reported|"
    r"stated|told|announced)\b",
    re.IGNORECASE,
)
_NOT_SOURCE = re.compile(r"^(?:the\s+)?(?:He|She|They|It|We|I|This|That|There|Officials?|"
                         r"Witnesses)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as written: ``role`` is ``perpetrator`` or ``victim``."""

    name: str
    role: str
    start: int
    end: int


def find_actors(text: str, start: int, end: int) -> list[ActorMention]:
    """Perpetrator and victim groups named in ``text[start:end]``."""
    found: list[ActorMention] = []
    for m in _PERPETRATOR.finditer(text, start, end):
        s = m.start() + (4 if m.group().lower().startswith("the ") else 0)
        found.append(ActorMention(text[s : m.end()], "perpetrator", s, m.end()))
    for m in _VICTIM.finditer(text, start, end):
        if not any(a.start <= m.start() < a.end for a in found):
            found.append(ActorMention(m.group(), "victim", m.start(), m.end()))
    return sorted(found, key=lambda a: a.start)


def _clean(name: str) -> str:
    name = name.strip().strip(",")
    name = re.sub(r"^(?:And|But|While|Meanwhile|However)\s+", "", name)
    return name


def find_claimants(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Sources statements are attributed to in ``text[start:end]``: (name, start, end)."""
    out: list[tuple[str, int, int]] = []
    for pat, group in ((_ACCORDING, 1), (_SAID_AFTER, 1), (_SOURCE_NOUN, 1)):
        for m in pat.finditer(text, start, end):
            raw = m.group(group)
            name = _clean(raw)
            if not name or len(name) > CLAIMANT_MAX_CHARS or _NOT_SOURCE.match(name):
                continue
            if not re.search(r"[A-Z]", name) and not name.lower().startswith("the "):
                continue
            offset = m.start(group) + raw.index(name) if name in raw else m.start(group)
            if text[offset : offset + len(name)] != name:
                continue
            if any(o[1] <= offset < o[2] or offset <= o[1] < offset + len(name) for o in out):
                continue
            out.append((name, offset, offset + len(name)))
    return sorted(out, key=lambda c: c[1])
