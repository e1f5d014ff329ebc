"""Places the index cannot resolve alone: compass areas and places known only from a cue.

Why: conflict reporting names areas relative to a country ("eastern Libya", "south Lebanon")
and villages too small for any gazetteer ("Ndagu village", "the village of Shairapara"). The
text itself says these are places, so they are reported — with no coordinates when the index
does not know them — rather than silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.tokens import Doc

_ARTICLES = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "an",
        "ash",
        "at",
        "az",
        "ed",
        "en",
        "es",
        "ez",
        "ul",
        "ud",
        "ur",
        "us",
        "ut",
    }
)

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


# Administrative units written in lowercase after a name the index does not hold ("Gangaw
# township", "Djugu territory"); read here beside the lexicon's place nouns.
UNIT_NOUNS = frozenset("township territory governorate oblast county department".split())
# Head nouns of named facilities written in lowercase after their name ("Ibn al-Khatib
# hospital", "Hakari bridge", "Kabul airport"): the name and the head together are a site.
SITE_HEADS = frozenset(
    "hospital clinic school university mosque church cathedral monastery camp bridge airport "
    "port market station prison centre center museum theatre theater stadium dam shelter "
    "street square crossing".split()
)
# One lowercase modifier allowed between a site's name and its head ("Kaaj education centre",
# "Plaine Savo displacement camp").
SITE_MODIFIERS = frozenset(
    "education children's maternity teaching general district central main refugee "
    "displacement idp detention primary secondary high medical health railway train bus "
    "military".split()
)


#: Church names that describe a denomination, not one building ("the Anglican Church",
#: "a Serbian Orthodox cathedral").
DENOMINATIONS = frozenset(
    "orthodox anglican catholic protestant evangelical coptic maronite baptist lutheran "
    "methodist presbyterian pentecostal apostolic sufi shia shiite sunni ahmadi".split()
)

#: Organisations spelt out before a lower-case head ("a United Nations school", "the Red Cross
#: hospital"): whose facility, as their acronyms are.
OPERATORS = frozenset(
    {
        "united nations",
        "red cross",
        "red crescent",
        "world food programme",
        "world health organization",
    }
)


def generic_site(words: list[str], lex: Lexicon) -> bool:
    """Words before a facility head (the last of ``words``, as written) that only say who
    runs it or of which faith it is: a denomination with demonyms at most ("Serbian Orthodox
    Cathedral", "Orthodox monastery"), or an organisation's acronym before a lower-case head
    ("UNRWA school", "MSF clinic"): whose facility, not which one ("M10 hospital" is a name).
    """
    *before, head = words
    if (
        before
        and head.islower()
        and all(w.isalpha() and w.isupper() and len(w) > 2 for w in before)
    ):
        return True
    keys = [w.lower() for w in before]
    if head.islower() and " ".join(keys) in OPERATORS:
        return True
    return any(k in DENOMINATIONS for k in keys) and all(
        k in DENOMINATIONS or k in lex.demonyms for k in keys
    )


# Facilities a place has one of, so "Kabul airport" names the facility while "Baghdad
# hospital" only says where a hospital is.
UNIQUE_SITE_HEADS = frozenset("airport port harbour harbor dam bridge crossing".split())


def site_head_after(doc: Doc, end: int) -> int | None:
    """End offset of a lowercase facility head right after ``end`` ("... hospital"), if any."""
    if not doc.lowercase_after(end):
        return None
    word = doc.word_after(end)
    if word is None:
        return None
    if word.key in SITE_HEADS:
        return word.end
    if word.key in SITE_MODIFIERS and doc.lowercase_after(word.end):
        head = doc.word_after(word.end)
        if head is not None and head.key in SITE_HEADS:
            return head.end
    return None


@dataclass(frozen=True, slots=True, init=False)
class CueSpan:
    """A place recognised from the text's own words, without an index entry."""

    first: int
    last: int
    feature: str

    # Written out rather than generated (``init=False``): compiled, a dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call.
    def __init__(self, first: int, last: int, feature: str) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "feature", feature)


def compass_before(doc: Doc, start: int, lex: Lexicon) -> tuple[int, str] | None:
    """If a compass word directly precedes ``start``: its start offset and direction."""
    prev = doc.prev_word(start)
    if prev is None or (
        prev.key not in lex.compass and prev.key not in ("east", "west", "eastern", "western")
    ):
        return None
    words = doc.words_before(start, 2)
    if not words or doc.text[words[0].end : start] != " ":
        return None
    word = words[0]
    key, begin = word.key, word.start
    # "north-eastern", "north eastern": two words.
    if (
        len(words) > 1
        and key in ("east", "west", "eastern", "western")
        and words[1].key in ("north", "south")
        and doc.text[words[1].end : word.start] in ("-", " ", "\u2010", "\u2011")
    ):
        key, begin = words[1].key + key, words[1].start
    if key not in lex.compass:
        return None
    for direction in sorted(_COMPASS_FORMS, key=len, reverse=True):
        if key.startswith(direction):
            return begin, direction
    return None


def compass_names(
    direction: str, base: str, written: str, canonical: str
) -> tuple[str, tuple[str, ...]]:
    """Display name and alternates of a compass area.

    ``base`` is the place as the text wrote it ("Congo"), ``canonical`` its index name
    ("Democratic Republic of the Congo"); "east Lebanon" -> "East Lebanon" with alternate
    "Eastern Lebanon".
    """
    noun, adj = _COMPASS_FORMS[direction]
    use_adj = written.casefold().endswith(("ern", "al"))
    first, second = (adj, noun) if use_adj else (noun, adj)
    display = f"{first} {base}"
    candidates = (f"{second} {base}", f"{first} {canonical}", f"{second} {canonical}")
    alternates = tuple(dict.fromkeys(a for a in candidates if a != display))
    return display, alternates


def cue_spans(doc: Doc, covered: set[int], lex: Lexicon, persons: set[str]) -> list[CueSpan]:
    """Capitalised runs marked as places by a noun after them or a cue phrase before them."""
    tokens = doc.tokens
    spans: list[CueSpan] = []
    not_name = _not_name_tokens(lex)
    after_words = _cue_after_words(lex)
    n = len(tokens)
    k = 0
    shared: str | None = None  # the feature "the villages of X and Y" gives Y too
    while k < n:
        if k in covered or (tokens[k].key in not_name and not _glued_article(tokens, k)):
            k += 1
            continue
        last = k
        while (
            last + 1 < n
            and last + 1 - k < MAX_CUE_TOKENS
            and last + 1 not in covered
            # "Tavalia's Norgen district": a possessive name owns the run after it
            and not tokens[last].possessive
            # "the villages of Koundjili and Lemouna": two names (an unlisted name holding
            # "and" is rarer than a list of two)
            and (
                tokens[last + 1].join in (" ", "-")
                or (tokens[last + 1].join in lex.connectors and tokens[last + 1].join != "and")
            )
            and (tokens[last + 1].key not in not_name or _glued_article(tokens, last + 1))
        ):
            last += 1
        feature = None
        if _cue_possible(doc, k, last, lex, after_words) and not doc.headline(tokens[k].start):
            feature = _marked_feature(doc, k, last, lex)
        if feature is None and shared is not None and tokens[k].join == "and":
            feature = shared
        if feature is not None:
            key = " ".join(t.key for t in tokens[k : last + 1])
            plausible = not (key in persons or (k == last and key in lex.common_words))
            if plausible and feature == "site":
                written = [t.text for t in tokens[k : last + 1]]
                head = doc.word_after(tokens[last].end)
                plausible = head is None or not generic_site([*written, head.key], lex)
            if plausible:
                spans.append(CueSpan(k, last, feature))
        shared = (
            feature
            if feature is not None
            and last + 1 < n
            and tokens[last + 1].join == "and"
            and (shared is not None or _plural_cue_before(doc, tokens[k].start, lex))
            else None
        )
        k = last + 1
    return spans


def _plural_cue_before(doc: Doc, start: int, lex: Lexicon) -> bool:
    """Whether a plural cue phrase ("the villages of", "the towns of") ends right before
    ``start``."""
    if doc.text[start - 4 : start] != " of ":
        return False
    before = doc.words_before(start, 2)
    return (
        len(before) == 2
        and before[1].key.endswith("s")
        and f"{before[1].key} {before[0].key}" in lex.place_cues
    )


def _glued_article(tokens: list, k: int) -> bool:
    """An article glued by a hyphen to the capitalised word after it ("al-Khatib")."""
    return tokens[k].key in _ARTICLES and k + 1 < len(tokens) and tokens[k + 1].join == "-"


def _cue_possible(
    doc: Doc, first: int, last: int, lex: Lexicon, after_words: frozenset[str] | None = None
) -> bool:
    """Whether :func:`_marked_feature` can find a cue around the run: the tests it makes,
    reduced to a character test before the run and a set look-up of the words after it.

    Most runs are followed by some lowercase word; only the few that are a place noun, a unit
    noun or a facility word are worth the headline test and the full reading of the cue.
    ``after_words``: :func:`_cue_after_words` of ``lex``, when the caller has it at hand.
    """
    text, tokens = doc.text, doc.tokens
    start, end = tokens[first].start, tokens[last].end
    if text[start - 4 : start] in (" of ", " in "):
        return True
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and nxt.join == " " and nxt.key in lex.place_nouns:
        return True
    if tokens[last].possessive or not doc.lowercase_after(end):
        return False
    after = doc.word_after(end)
    if after is None:
        return False
    return after.key in (_cue_after_words(lex) if after_words is None else after_words)


#: Per lexicon (by identity, the lexicon kept alive beside it): the lowercase words right
#: after a run that :func:`_marked_feature` reads as a cue, as one set.
_CUE_AFTER_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _cue_after_words(lex: Lexicon) -> frozenset[str]:
    """Place nouns, unit nouns, facility heads and the modifiers before a head, in one set."""
    entry = _CUE_AFTER_WORDS.get(id(lex))
    if entry is None or entry[0] is not lex:
        words = frozenset().union(lex.place_nouns, UNIT_NOUNS, SITE_HEADS, SITE_MODIFIERS)
        entry = _CUE_AFTER_WORDS[id(lex)] = (lex, words)
    return entry[1]


def _name_token(key: str, lex: Lexicon) -> bool:
    """A capitalised token that may be part of an unknown place name."""
    return key not in _not_name_tokens(lex)


#: Per lexicon (by identity, the lexicon kept alive beside it): the keys
#: :func:`_name_token` rejects, as one set.
_NOT_NAME_TOKENS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _not_name_tokens(lex: Lexicon) -> frozenset[str]:
    """Never-words, demonyms, titles, place nouns, descriptors and articles, in one set."""
    entry = _NOT_NAME_TOKENS.get(id(lex))
    if entry is None or entry[0] is not lex:
        words = frozenset().union(
            lex.never, lex.demonyms, lex.titles, lex.place_nouns, lex.descriptors, _ARTICLES
        )
        entry = _NOT_NAME_TOKENS[id(lex)] = (lex, words)
    return entry[1]


def _marked_feature(doc: Doc, first: int, last: int, lex: Lexicon) -> str | None:
    """The feature implied by a cue around tokens ``first..last``, or None without a cue."""
    tokens = doc.tokens
    end = tokens[last].end
    if (
        last + 1 < len(tokens)
        and tokens[last + 1].join == " "
        and (tokens[last + 1].key in lex.place_nouns)
    ):
        return _NOUN_FEATURE.get(tokens[last + 1].key, "village")
    after = doc.word_after(end) if doc.lowercase_after(end) else None
    if after is not None and after.key in lex.place_nouns and not tokens[last].possessive:
        return _NOUN_FEATURE.get(after.key, "village")
    if after is not None and after.key in UNIT_NOUNS and not tokens[last].possessive:
        return "region"
    if after is not None and not tokens[last].possessive and site_head_after(doc, end):
        return "site"
    start = tokens[first].start
    # Every cue phrase ends in "of" or "in": test the characters before reading words.
    if doc.text[start - 4 : start] in (" of ", " in ") and not doc.sentence_start(tokens[first]):
        before = doc.words_before(start, 2)
        if len(before) == 2:
            phrase = f"{before[1].key} {before[0].key}"
            if phrase in lex.place_cues:
                return _NOUN_FEATURE.get(before[1].key.rstrip("s"), "village")
    return None
