"""Places the index cannot resolve alone: compass areas and places known only from a cue.

Why: conflict reporting names areas relative to a country ("eastern Libya", "south Lebanon")
and villages too small for any gazetteer ("Ndagu village", "the village of Shairapara"). The
text itself says these are places, so they are reported — with no coordinates when the index
does not know them — rather than silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.spans import Token

# Most tokens of a place name recognised only by a cue ("Azad Garagoyunlu", "López de Micay").
MAX_CUE_TOKENS = 4
# Compass word -> (noun form, adjective form) used to spell the area name and its alternates.
_COMPASS_FORMS = {
    "north": ("North", "Northern"),
    "south": ("South", "Southern"),
    "east": ("East", "Eastern"),
    "west": ("West", "Western"),
    "northeast": ("Northeast", "Northeastern"),
    "northwest": ("Northwest", "Northwestern"),
    "southeast": ("Southeast", "Southeastern"),
    "southwest": ("Southwest", "Southwestern"),
    "central": ("Central", "Central"),
}
# Feature reported for a cue-only place, by the noun that marked it.
_NOUN_FEATURE = {
    "village": "village",
    "hamlet": "village",
    "settlement": "village",
    "town": "city",
    "city": "city",
    "camp": "site",
    "district": "region",
    "region": "region",
    "province": "region",
    "municipality": "region",
    "community": "area",
    "neighbourhood": "area",
    "neighborhood": "area",
}


@dataclass(frozen=True, slots=True)
class CueSpan:
    """A place recognised from the text's own words, without an index entry."""

    first: int
    last: int
    feature: str


def compass_before(tokens: list[Token], index: int, lex: Lexicon) -> tuple[int, str] | None:
    """If the token before ``index`` is a compass word, its index and canonical direction."""
    if index == 0 or not tokens[index].clean_before:
        return None
    k = index - 1
    key = tokens[k].key
    # "north-eastern" and "north eastern" are two tokens after hyphen splitting.
    if (
        k > 0
        and tokens[k].clean_before
        and tokens[k - 1].key in ("north", "south")
        and key in ("east", "west", "eastern", "western")
    ):
        key = tokens[k - 1].key + key
        k -= 1
    if key not in lex.compass:
        return None
    for direction in sorted(_COMPASS_FORMS, key=len, reverse=True):
        if key.startswith(direction):
            return k, direction
    return None


def compass_names(direction: str, name: str, written: str) -> tuple[str, tuple[str, ...]]:
    """Display name and alternates of a compass area ("east Lebanon" -> "East Lebanon")."""
    noun, adj = _COMPASS_FORMS[direction]
    use_adj = written.casefold().endswith(("ern", "al"))
    display = f"{adj if use_adj else noun} {name}"
    other = f"{noun if use_adj else adj} {name}"
    alternates = tuple(dict.fromkeys(a for a in (other,) if a != display))
    return display, alternates


def cue_spans(
    tokens: list[Token], covered: set[int], lex: Lexicon, persons: set[str]
) -> list[CueSpan]:
    """Capitalised runs marked as places by a noun after them or a cue phrase before them."""
    spans: list[CueSpan] = []
    n = len(tokens)
    k = 0
    while k < n:
        tok = tokens[k]
        if not _name_token(tok, lex) or k in covered:
            k += 1
            continue
        last = k
        while (
            last + 1 < n
            and last + 1 - k < MAX_CUE_TOKENS
            and tokens[last + 1].clean_before
            and last + 1 not in covered
            and (
                _name_token(tokens[last + 1], lex)
                or (
                    tokens[last + 1].key in lex.connectors
                    and last + 2 < n
                    and _name_token(tokens[last + 2], lex)
                    and tokens[last + 2].clean_before
                )
            )
        ):
            last += 1
        if not tokens[last].cap:
            last -= 1
        feature = _marked_feature(tokens, k, last, lex)
        key = " ".join(t.key for t in tokens[k : last + 1])
        plausible = not (
            key in persons
            or (k == last and key in lex.common_words)
            or tokens[k].key in lex.never
        )
        if feature is not None and plausible:
            spans.append(CueSpan(k, last, feature))
        k = last + 1
    return spans


def _name_token(tok: Token, lex: Lexicon) -> bool:
    """A capitalised token that may be part of an unknown place name."""
    return (
        tok.cap
        and not tok.headline
        and tok.key not in lex.never
        and tok.key not in lex.demonyms
        and tok.key not in lex.titles
        and tok.key not in lex.place_nouns
        and tok.key not in lex.descriptors
    )


def _marked_feature(tokens: list[Token], first: int, last: int, lex: Lexicon) -> str | None:
    """The feature implied by a cue around tokens ``first..last``, or None without a cue."""
    if last + 1 < len(tokens):
        nxt = tokens[last + 1]
        if nxt.clean_before and nxt.key in lex.place_nouns:
            return _NOUN_FEATURE.get(nxt.key, "village")
    if first >= 2 and not tokens[first].sent_start:
        phrase = f"{tokens[first - 2].key} {tokens[first - 1].key}"
        if phrase in lex.place_cues and tokens[first - 1].clean_before:
            noun = tokens[first - 2].key.rstrip("s")
            return _NOUN_FEATURE.get(noun, "village")
    return None
