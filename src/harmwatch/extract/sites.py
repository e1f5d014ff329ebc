"""Named sites — hospitals, cathedrals, camps, theatres — that a gazetteer does not hold.

Harm often happens at a named facility ("the Saudi Hospital", "Abu Shouk displacement camp",
"the Donetsk Academic Regional Drama Theater", "Ghazanchetsots Cathedral"), which no city-level
gazetteer lists. A site is a run of capitalised words ending in (or introduced by) a facility
head noun. Its ``alternates`` hold the usual rewordings — inner lower-case words dropped ("Abu
Shouk camp"), "Cathedral of X" as "X Cathedral", a possessive city folded in ("Mosul Old City")
— so evaluation and linking can match the way analysts write the name.

The same goes for villages, neighbourhoods and camps too small for the gazetteer, when the
text says what they are: "the village of Kocho", "in the Dasht-e-Barchi neighbourhood",
"Urum al-Kubra village", "the Zaid al-Mushki area of Taiz", "Ramree island", or when the name
itself is built like a place name ("Kafr Nabl", "Deir Hafer", "Wadi Derna", "Lake Kivu").
These come out with ``feature`` ``locality``; the pipeline keeps one only where the gazetteer
found nothing on the same words.

:func:`list_mates` reads one more clue: a name listed with gazetteer towns ("Ariha and
Kansafra", "Quelimane, Namacurra and Nicoadala") is a town of the same country.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise
from typing import Any

from harmwatch.codebook.anchors import AnchoredPattern, anchor
from harmwatch.extract.places.cues import generic_site
from harmwatch.extract.places.lexicon import lexicon
from harmwatch.extract.text import ABBREVIATIONS, MONTH_NAMES, WEEKDAYS
from harmwatch.extract.wordindex import Windows, WordIndex, index_of, matches_at

__all__ = [
    "LOOSE_SITE_PATTERNS",
    "SITE_PATTERNS",
    "SiteMention",
    "find_sites",
    "list_mates",
    "longer_unit_name",
    "site_triggers",
]

_HEAD = (
    r"(?:Hospital|Cathedral|Church|Mosque|Monastery|Theat(?:er|re)|Camp|Park|Port|"
    r"Museum|University|School|Prison|Station|Airport|Stadium|Market|Bridge|Corridor|"
    r"Centre|Center|Clinic|Library|Temple|Shrine|Old City|Lake|Plant|Dam|Beach|Square|Gorge|"
    r"Tunnel|Highway|Air Base|Airbase|Oil Field|Gas Field|Lavra|Skete|Basilica|Chapel|Synagogue|"
    r"Citadel|Fortress|Castle|Mausoleum|Abbey|Valley|Junction|Meadow|Forest|Plain|"
    r"Oil Refinery|Refinery)"
)
_CAP = r"(?:[A-Z][\w’'-]*|al-[A-Z][\w’'-]*|\"[A-Z][\w’'-]*\")"
#: Heads also written in lower case after a name ("Abu Shouk camp", "Lido beach").
_HEAD_LOOSE = _HEAD
for _head in (
    "Camp",
    "Beach",
    "Prison",
    "Hospital",
    "Mosque",
    "Shrine",
    "Temple",
    "Church",
    "Monastery",
    "Tunnel",
    "Air Base",
    "Airbase",
    "Oil Field",
    "Gas Field",
    "Cathedral",
    "Gorge",
    "Valley",
    "Junction",
    "Meadow",
    "Forest",
    "Plain",
    "Oil Refinery",
    "Refinery",
):
    # every word of a head in either case: "Khor Mor gas field", "Ain al-Asad air base"
    _HEAD_LOOSE = _HEAD_LOOSE.replace(
        _head, " ".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _head.split())
    )
#: The opening of a dedication, kept in a site's name: "Our Lady of Salvation Cathedral",
#: "Notre-Dame de Fatima church".
_DEDICATION_OPENING = (
    r"(?:Our\s+Lady\s+of\s+(?:the\s+)?|Notre[- ]Dame\s+(?:de\s+(?:la\s+)?|du\s+|des\s+)?)"
)
#: A saint's epithet inside a dedication: "John the Baptist", "Gregory the Illuminator".
_EPITHET = rf"(?:\s+the\s+{_CAP})?"
_SITE_BEFORE_HEAD = re.compile(
    rf"\b({_DEDICATION_OPENING}?(?:{_CAP}(?:'s|’s)?{_EPITHET}\s+)+(?:(?:displacement|refugee|detention|children's|maternity|"
    rf"teaching|main|central|regional|general|girls['’]?|boys['’]?)\s+)?{_HEAD_LOOSE})\b"
)
_HEAD_OF = re.compile(
    rf"\b({_HEAD}\s+of\s+(?:the\s+)?"
    # "the Church of Saints Philip and James": two saints of one dedication
    rf"(?:(?:Saints|Sts\.?)\s+{_CAP}\s+and\s+{_CAP}"
    rf"|{_DEDICATION_OPENING}?{_CAP}{_EPITHET}(?:\s+{_CAP}{_EPITHET})*))"
)
#: "the shrine of Lal Shahbaz Qalandar", "the tomb of Sheikh Zuwayed": a place of worship or a
#: tomb named after a saint, its head in lower case.
_HEAD_OF_LOOSE = re.compile(
    rf"\b((?:shrine|mausoleum|tomb|temple|mosque|church|monastery|cathedral)\s+of\s+"
    rf"(?:the\s+)?{_CAP}(?:\s+{_CAP})*)"
)
#: A place name: capitalised words, joined by spaces or hyphens, with Arabic/Persian particles.
_NAME = (
    r"(?:al-|el-|ad-|ar-|as-|an-)?[A-Z][\w’']*"
    r"(?:(?:-|\s|[-\s](?:e|i|al|el|ul|ad|ash|as|an|ar|at|az)-)[A-Z][\w’']*){0,3}"
)
_LOCALITY_HEAD = (
    r"(?:villages?|towns?|hamlets?|settlements?|neighbou?rhoods?|districts?|suburbs?|quarter|"
    r"camps?|refugee camp|displacement camp|communes?|townships?|locality|counties|county|"
    r"provinces|municipalities|administrative posts?|area|island|peninsula|kebele|woreda|"
    r"local government area|zones?|barangays?|localities)"
)
#: "the village of Kocho", "the town of Bakhmut", "the Jabalia refugee camp", "Kocho village".
_LOCALITY_HEAD_PLURAL = re.compile(
    r"\b(?:villages|towns|hamlets|settlements|camps|communes|districts|counties|provinces|"
    r"municipalities|posts|neighbou?rhoods|townships|barangays|localities)\b"
)
_LOCALITY_OF = re.compile(
    # "the village of Kocho", "in villages including Kurta, Kekhvi and Tamarasheni"
    rf"\b{_LOCALITY_HEAD}(?:\s+of|,?\s+(?:including|such\s+as|among\s+them))\s+({_NAME})"
)
_LOCALITY_BEFORE_HEAD = re.compile(rf"(?<![\w’'-])({_NAME})\s+{_LOCALITY_HEAD}\b")
#: "the towns of Dhiban, Al-Busayrah and Al-Shuhayl": more names after the first.
_LOCALITY_MORE = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)({_NAME})")
#: Words for an administrative unit.
_UNIT = (
    r"(?:province|district|region|municipality|governorate|county|oblast|state|township|"
    r"department|marz|local government area|woreda|zone|circle|commune|territory|chiefdom)"
)
#: "a resident of Khurvaleti, in the Gori municipality", "near Ishkhanasar in Syunik province",
#: "in Kuriga, Chikun local government area": a name placed inside a named unit is a place.
_LOCALITY_IN_UNIT = re.compile(
    # not "in Siberia's Kemerovo region": a possessive name holds the unit, it is not in it
    # "that of Kasika, in the territory of Mwenga" (a translation's space before the comma too)
    rf"\b(?:in|near|of|at|outside)\s+({_NAME})(?<!['’]s)\s*,?\s+(?:in\s+)?(?:the\s+)?"
    rf"(?:[A-Z][\w'’-]*(?<!['’]s)(?:\s+[A-Z][\w'’-]*(?<!['’]s)){{0,2}}\s+{_UNIT}\b"
    rf"|(?<=the\s){_UNIT}\s+of\s+[A-Z])"
)
#: "Kabkabiya, a town in North Darfur": a name in apposition to a kind of place.
_LOCALITY_APPOSED = re.compile(
    rf"(?<![\w’'-])({_NAME}),\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:town|village|city|"
    r"hamlet|settlement|locality|district|suburb|neighbou?rhood|camp)\s+"
    # "Kelemba, a village 20 km from the border", "a town north of the capital"
    r"(?:in|of|near|on|outside|\d[\d.,]*\s*(?:km|kilomet\w+|miles?)|"
    r"(?:north|south|east|west)(?:ern)?(?:-(?:east|west)(?:ern)?)?\s+of)\b"
)
#: "a shopping centre in Karrada, one of the capital's few mixed districts": a name in apposition
#: to "one of" a plural kind of place.
_LOCALITY_ONE_OF = re.compile(
    rf"(?<![\w’'-])({_NAME}),\s+one\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w,'’-]+\s+){0,4}?(?:districts|neighbou?rhoods|towns|villages|suburbs|quarters|camps)\b"
)
#: "stopped a bus at Omar Jillo, about 30 kilometres from Mandera", "a quarry at Koromei, on the
#: outskirts of Mandera town": a name placed by a distance or by the outskirts of another.
_LOCALITY_PLACED = re.compile(
    rf"\b(?:at|in|near|outside)\s+({_NAME}),\s+(?:(?:about|some|around|roughly|nearly)\s+)?"
    r"(?:\d[\d.,]*\s*(?:km|kilomet(?:er|re)s?|miles?)\s+(?:from|north|south|east|west|outside)|"
    r"on\s+the\s+outskirts\s+of)\b"
)
#: "attacked Intazayene, Bakorat, Wistane and several nearby hamlets": names listed before
#: "and" and a plural kind of place are places of that kind.
_LIST_AND_KIND = re.compile(
    rf"(?<![\w’'-])((?:{_NAME}\s*,\s*)*{_NAME})\s*,?\s+and\s+(?:[a-z]+\s+){{0,2}}"
    r"(?:villages|hamlets|towns|settlements|localities|communities)\b"
)
_LIST_NAME_SPLIT = re.compile(r"\s*,\s*")
#: What every match of :data:`_LIST_AND_KIND` ends with (a cheap test before the pattern).
_AND_KIND = re.compile(
    r"\band\s+(?:[a-z]+\s+){0,2}(?:villages|hamlets|towns|settlements|localities|communities)\b"
)
#: "a camp for displaced people in Dedebit, in north-western Tigray": a name placed inside a
#: region given with a compass word right after it.
_LOCALITY_IN_COMPASS = re.compile(
    rf"\b(?:in|near|at|outside)\s+({_NAME}),\s+in\s+(?:the\s+)?"
    r"(?:far\s+)?(?:north|south|east|west|central)(?:ern)?(?:[- ](?:east|west)(?:ern)?)?\s+[A-Z]"
)
#: "an army post in Makeen, in South Waziristan", "the market in al-Mawasi, west of Khan
#: Younis", "a building in Douris, on the southern outskirts of the city", "near Songho, in the
#: neighbouring circle": a name placed by a known place right after it (the second group must
#: be a gazetteer place; see :func:`_localities`).
_LOCALITY_BY_PLACE = re.compile(
    # "hit Moadamiyeh, in Western Ghouta", "capsized off Kuala Bubon, near the town of Meulaboh"
    rf"\b(?:in|near|at|outside|off|hit|struck|attacked|shelled|bombed|stormed|raided)\s+"
    rf"({_NAME}),\s+(?:"
    # "near Songho, in the neighbouring circle of Bankass"
    rf"in\s+the\s+(?:[\w-]+\s+){{0,2}}?{_UNIT}\s+of\s+|(?:in|near)\s+|"
    r"(?:(?:just|about|some)\s+)?(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest)(?:ern)?\s+of\s+|on\s+the\s+(?:[\w-]+\s+)?outskirts\s+of\s+)?(?:the\s+)?"
    r"(?:([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)|(?:city|town|capital)\b)"
)
_BY_PLACE_WORD = anchor(_LOCALITY_BY_PLACE)
#: "attacked an army post near Aranpur on Saturday", "killed in Lethpora, Pulwama": an unlisted
#: name right after a preposition of place, ending its phrase (a comma or stop, or a word that
#: opens a time or another place), and the names listed after it ("near Hin Tagher and
#: Khtsaberd"). The pipeline keeps one only where the gazetteer found nothing on the same
#: words, and an event takes it only from its own sentences; not a title ("Up in Flames:"), not
#: a list of facilities ("died at Madina and Erdogan hospitals"), not a continent or an
#: acronym.
_BARE = re.compile(
    # "In Nanjaba, insurgents burned houses": a sentence may open with the place
    # "Gangs attacked Mirebalais on Monday", "Fighters raided Marte and Dikwa": a name right
    # after an attack verb, ending its phrase, is the town attacked
    rf"\b(?:[Ii]n|near|at|outside|off|attacked|raided|stormed|overran|shelled|bombed|besieged)\s+"
    rf"({_NAME})(?=\s*[,.;]|\s+(?:on|in|at|after|before|when|where|"
    r"during|last|this|and|early|late|overnight|over|since|amid|yesterday|today|with)\b)"
    rf"(?!\s+and\s+{_NAME}\s+(?:hospitals|schools|camps|clinics|centres|centers|markets)\b)"
)
#: A second name after a bare one: "near Hin Tagher and Khtsaberd whom Baku calls ...", and
#: the names of a list ending in "and" ("in Makobola, Bangwe, Katuta and Mikunga", also with
#: the space a translation leaves before each comma).
_BARE_MORE = re.compile(
    rf"\s+and\s+({_NAME})(?=\s*[,.;]|\s+(?:on|in|at|whom|who|which|where|were|was|after|"
    r"before|when|during)\b)"
    rf"|\s*,\s*({_NAME})(?=(?:\s*,\s*{_NAME})*\s+and\s+{_NAME}(?:\s*[,.;]|\s+(?:on|in|at|"
    r"after|before|when|during|last|this|early|late|overnight|since|yesterday|today)\b))"
)


def _month_like(name: str) -> bool:
    """A misspelt month of five letters or more ("Jaunary", "Febuary"): its letters swapped, or
    one letter more or fewer; no place."""
    low = name.lower()
    for month in MONTH_NAMES:
        if len(month) < 5 or low[:1] != month[0] or abs(len(low) - len(month)) > 1:
            continue  # "Mayo", "Juni" may be places
        if len(low) == len(month):
            if sorted(low) == sorted(month):
                return True
            continue
        longer, shorter = (low, month) if len(low) > len(month) else (month, low)
        if any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))):
            return True
    return False


_CONTINENTS = frozenset(
    "africa asia europe america americas oceania antarctica arctic eurasia".split()
)
#: What every match of :data:`_LOCALITY_IN_COMPASS` holds (a cheap test before the pattern).
_IN_COMPASS_WORD = re.compile(r",\s+in\s+(?:the\s+)?(?:far\s+)?(?:north|south|east|west|central)")
_PLACED_WORD = anchor(re.compile(r"\b(?:km|kilomet(?:er|re)s?|miles?|outskirts)\b"))
#: What every match of :data:`_LOCALITY_APPOSED` holds after the name (a fast literal scan).
_APPOSED_OPENER = re.compile(r",\s+(?:an?|the)\s")
_AFTER_AND = re.compile(r"(?:,|\band)\s+$")
#: The names before "and Dorvani villages": "Kelemba and ", "Kelemba, Tashkuri and ".
_LOCALITY_LESS = re.compile(rf"(?<![\w’'-])({_NAME})(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
#: Words that open an Arabic or Kurdish place name ("Kafr Nabl", "Deir Hafer", "Tal Abyad",
#: "Ras Isa", "Ein Tarma", "Jabal al-Zawiya", "Wadi Derna", "Beit Hanoun"), and "Lake X".
_TOPONYM_FIRST = re.compile(
    r"(?<![\w’'-])((?:Kafr|Kfar|Deir|Dayr|Tal|Tell|Ein|Ain|Ras|Jabal|Jebel|Wadi|Khirbet|Beit|"
    r"Bir|Umm|Lake|Mount|Camp|Fort)\s+(?:(?:al|el|ad|ar|as|ash|an|at|az)-)?[A-Z][\w’']*"
    r"(?:[\s-](?:(?:al|el|ad|ar|as|ash|an|at|az)-)?[A-Z][\w’']*){0,2})"
)
#: Every site mention holds a head noun starting a word: a window without one has no site.
_HEAD_WORD = anchor(re.compile(rf"\b{_HEAD_LOOSE}"))
_HEAD_OF_ANCHORED = anchor(_HEAD_OF)
#: What :func:`find_sites` needs in a window: it finds nothing where none of these can match.
_LOCALITY_WORD = anchor(re.compile(rf"\b{_LOCALITY_HEAD}\b"))
_TOPONYM_WORD = anchor(_TOPONYM_FIRST)
_UNIT_WORD = anchor(re.compile(rf"\b{_UNIT}\b"))
SITE_PATTERNS = (_HEAD_WORD, _LOCALITY_WORD, _TOPONYM_WORD, _UNIT_WORD, _PLACED_WORD)
#: The trigger words of the patterns :func:`find_sites` runs only when asked (``loose``).
LOOSE_SITE_PATTERNS = (_BY_PLACE_WORD,)
#: Every trigger :func:`find_sites` asks a window for (:func:`site_triggers`).
_TRIGGERS = (*SITE_PATTERNS, *LOOSE_SITE_PATTERNS)
#: The locality patterns that open with a word, anchored: the word index tries them at those
#: words instead of at every character of the window (the same matches).
_WORD_LED = {
    pat: anchor(pat) for pat in (_LOCALITY_OF, _LOCALITY_IN_UNIT, _LOCALITY_BY_PLACE, _BARE)
}
#: The patterns that open with a name after "no word character, apostrophe or hyphen before"
#: (:data:`_NAME`, a toponym): every match starts a word of the word index, with one of
#: :data:`_NAME_FIRST`; they are tried at those words only (the same matches).
_NAME_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZae")


def _name_led_finditer(
    pat: re.Pattern[str], text: str, start: int, end: int, words: WordIndex | None
) -> list[re.Match[str]]:
    """The matches of ``pat.finditer(text, start, end)`` for a name-led pattern (above)."""
    if words is None or not words.exact or (end < len(text) and words.inside_word(end)):
        return list(pat.finditer(text, start, end))
    word_starts = words.word_starts()
    first = bisect_left(word_starts, start)
    inside = word_starts[first : bisect_left(word_starts, end, first)]
    # the words of the window that open with one of _NAME_FIRST, picked in C
    named = compress(inside, map(_NAME_FIRST.__contains__, map(text.__getitem__, inside)))
    return matches_at(pat, text, named, start, end)


_NAME_LED = frozenset((_LOCALITY_APPOSED, _LOCALITY_ONE_OF, _TOPONYM_FIRST, _LIST_AND_KIND))
#: What a :data:`_LOCALITY_BEFORE_HEAD` match holds before its head word (the name and the
#: spaces after it), read backwards from the head on the reversed text.
_BEFORE_HEAD_BACK = re.compile(r"[\w’'\s-]*")
#: The last text reversed (for :func:`_before_head_finditer`), and that text.
_REVERSED: list[str] = ["", ""]


def _before_head_finditer(
    text: str, start: int, end: int, words: WordIndex | None
) -> list[re.Match[str]]:
    """The matches of ``_LOCALITY_BEFORE_HEAD.finditer(text, start, end)``, tried only at the
    capitalised words (see :func:`_name_led_finditer`) that a locality head word follows with
    nothing but name characters and spaces between: every match ends in such a head."""
    if (
        words is None
        or not words.exact
        or not words.indexed(_LOCALITY_WORD)
        or (end < len(text) and words.inside_word(end))
    ):
        return _name_led_finditer(_LOCALITY_BEFORE_HEAD, text, start, end, words)
    if _REVERSED[0] is not text:
        _REVERSED[:] = [text, text[::-1]]
    reversed_text = _REVERSED[1]
    heads = words.starts(_LOCALITY_WORD)
    word_starts = words.word_starts()
    tried: list[int] = []
    taken = start  # the words before this offset are taken already
    for k in range(bisect_left(heads, start + 1), len(heads)):
        h = heads[k]
        if h >= end:
            break
        back = _BEFORE_HEAD_BACK.match(reversed_text, len(text) - h)
        lo = max(taken, h - (back.end() - back.start()) if back else h)
        first = bisect_left(word_starts, lo)
        inside = word_starts[first : bisect_left(word_starts, h, first)]
        tried.extend(compress(inside, map(_NAME_FIRST.__contains__, map(text.__getitem__, inside))))
        taken = max(taken, h)
    return matches_at(_LOCALITY_BEFORE_HEAD, text, tried, start, end)


_DEDICATION_AT = re.compile(_DEDICATION_OPENING)
_HEAD_OF_NAME = re.compile(rf"^({_HEAD})\s+of\s+(?:the\s+)?(.+)$")
_POSSESSIVE = re.compile(r"['’]s\s")
_OF_NAME_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_GENERIC_CAPS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "In", "On", "At"})
#: Nouns that open a sentence after a capital "In" without naming a place ("In Brief,").
_IN_OPENERS = frozenset(
    "Brief Summary Short Addition Total Particular Response Conclusion Contrast Turn Fact "
    "Practice Reality General Theory Principle Pictures Photos Depth Focus Numbers Detail "
    "Context Memoriam Full Part Return Exchange Sum Effect Essence Retrospect Hindsight "
    "Parallel Public Private Solidarity Memory".split()
)
#: Common adjectives that open many towns' names ("Old Fangak", "New Halfa", "Upper Dir").
_NAME_ADJECTIVES = frozenset({"Old", "New", "Upper", "Lower", "Great", "Little", "Greater"})
#: Capitalised words before a locality head that are not names ("Palestinian refugee camp").
_NOT_NAMES = frozenset(
    {
        "Palestinian",
        "Syrian",
        "Rohingya",
        "Sudanese",
        "Afghan",
        "Ukrainian",
        "Armenian",
        "Azerbaijani",
        "Israeli",
        "Lebanese",
        "Yazidi",
        "Kurdish",
        "Christian",
        "Muslim",
        "Arab",
        "Jewish",
        "Druze",
        "Border",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Refugee",
        "Displacement",
        "Camp",
        "Village",
        "Town",
        "District",
        "Each",
        "Every",
        "One",
        "Another",
        "Which",
        "What",
        "Our",
        "His",
        "Her",
        "Some",
        "Many",
        "Most",
    }
)


@dataclass(frozen=True, slots=True)
class SiteMention:
    """A named site as written, with rewordings an analyst may use."""

    start: int
    end: int
    mention: str
    name: str
    alternates: tuple[str, ...]
    feature: str = "site"
    country: str | None = None


def _alternates(name: str) -> tuple[str, ...]:
    alts: list[str] = []
    words = name.split()
    capped = [w for w in words if w[:1].isupper() or w.lower() in ("camp", "of")]
    while capped and not capped[0][:1].isupper():
        capped = capped[1:]  # not "of Dablo" from "church of Dablo"
    if len(capped) != len(words):
        alts.append(" ".join(capped))
    m = _HEAD_OF_NAME.match(name)
    if m:
        alts.append(f"{m.group(2)} {m.group(1)}")
    if len(words) > 2 and _DEDICATION_AT.match(name):
        alts.append(" ".join(words[:-1]))  # "Notre-Dame de Fatima church": "Notre-Dame de Fatima"
    if "'s " in name or "’s " in name:
        alts.append(_POSSESSIVE.sub(" ", name))
        # "Tehran's Evin prison" is also "Evin prison"
        alts.append(_POSSESSIVE.split(name, maxsplit=1)[1])
    return tuple(dict.fromkeys(a for a in alts if a and a != name))


def site_triggers(windows: Windows) -> list[set[AnchoredPattern]]:
    """For each window of a document, the trigger patterns of :func:`find_sites` that hold a
    candidate word starting in it (every trigger, in every window, for one that must be
    scanned): what :func:`find_sites` would ask the word index per window and trigger, asked
    once per document and trigger."""
    found: list[set[AnchoredPattern]] = [set() for _ in windows.bounds]
    for ap in _TRIGGERS:
        held = windows.holding(ap)
        for n in range(len(found)) if held is None else held:
            found[n].add(ap)
    return found


def find_sites(
    text: str,
    start: int,
    end: int,
    words: WordIndex | None = None,
    loose: bool = True,
    triggers: set[AnchoredPattern] | None = None,
) -> list[SiteMention]:
    """Named sites in ``text[start:end]``.

    1. the window's trigger words: ``triggers`` when the pipeline computed them for all its
       windows at once (:func:`site_triggers`), else asked of the document's
       :class:`WordIndex` (``words``) here; without one, every pattern runs;
    2. named sites, where a head noun is: a window without one is passed over unscanned;
    3. localities, each pattern only where its own trigger word is. Names placed only by a
       preposition ("near Aranpur") or by a known place after them ("in Makeen, in South
       Waziristan") are looked for only when ``loose`` (the pipeline asks where one of their
       prepositions is).
    """
    if triggers is None:
        triggers = {ap for ap in _TRIGGERS if _any_head(words, ap, start, end)}
    out: list[SiteMention] = []
    if _HEAD_WORD in triggers and (
        words is None or not words.indexed(_HEAD_WORD) or words.search(_HEAD_WORD, start, end)
    ):
        # Both site patterns need a head noun ("Hospital", or in lower case after a name:
        # "Abu Shouk camp", "the Sayid Mohammed shrine", "the Mushkaf tunnel").
        out = _named_sites(text, start, end, words)
    # each locality pattern runs only where its own trigger word is
    patterns: list[re.Pattern[str]] = []
    if _LOCALITY_WORD in triggers:
        patterns += [_LOCALITY_OF, _LOCALITY_BEFORE_HEAD, _LOCALITY_APPOSED, _LOCALITY_IN_UNIT]
        if ", one of " in text[start:end]:
            patterns.append(_LOCALITY_ONE_OF)
    elif _UNIT_WORD in triggers:
        patterns.append(_LOCALITY_IN_UNIT)
    if _TOPONYM_WORD in triggers:
        patterns.append(_TOPONYM_FIRST)
    if _PLACED_WORD in triggers:
        patterns.append(_LOCALITY_PLACED)
    if ", in " in text[start:end] and _IN_COMPASS_WORD.search(text, start, end):
        patterns.append(_LOCALITY_IN_COMPASS)
    if _LOCALITY_WORD in triggers and _AND_KIND.search(text, start, end):
        patterns.append(_LIST_AND_KIND)
    if loose and _BY_PLACE_WORD in triggers:
        if ", " in text[start:end]:
            patterns.append(_LOCALITY_BY_PLACE)
        patterns.append(_BARE)
    if patterns:
        out += _localities(text, start, end, out, patterns, words)
    return sorted(out, key=lambda x: x.start)


def _any_head(words: WordIndex | None, head: AnchoredPattern, start: int, end: int) -> bool:
    """Whether a candidate word of ``head`` starts in the window (True when it is scanned)."""
    if words is None or not words.indexed(head):
        return True
    heads = words.starts(head)
    i = bisect_left(heads, start)
    return i < len(heads) and heads[i] < end


def _localities(
    text: str,
    start: int,
    end: int,
    sites: list[SiteMention],
    patterns: list[re.Pattern[str]],
    words: WordIndex | None = None,
) -> list[SiteMention]:
    out: list[SiteMention] = []
    spans: list[tuple[int, int]] = []
    toponyms: set[tuple[int, int]] = set()
    for pat in patterns:
        if pat is _LOCALITY_APPOSED and _APPOSED_OPENER.search(text, start, end) is None:
            continue  # no ", a" / ", the" in the window: no apposition to find
        ap = _WORD_LED.get(pat) if words is not None else None
        found = (
            words.finditer(ap, start, end)
            if ap is not None and words is not None
            else _before_head_finditer(text, start, end, words)
            if pat is _LOCALITY_BEFORE_HEAD
            else _name_led_finditer(pat, text, start, end, words)
            if pat in _NAME_LED
            else pat.finditer(text, start, end)
        )
        for m in found:
            if pat is _LOCALITY_BEFORE_HEAD:
                if m.start(1) == start:
                    continue  # a capitalised word opening the sentence need not be a name
                if m.group().endswith("s") and not _AFTER_AND.search(text, start, m.start(1)):
                    # "Massalit neighbourhoods", "Turkish provinces": before a plural head a
                    # lone capitalised word describes; "Poonch and Rajouri districts" names
                    continue
                if m.group().endswith("s"):
                    # every name of "Kelemba and Dorvani villages" is one
                    pos = m.start(1)
                    while (less := _LOCALITY_LESS.search(text, start, pos)) is not None:
                        spans.append(less.span(1))
                        pos = less.start(1)
            if (
                pat is _LOCALITY_BY_PLACE
                and m.group(2) is not None
                and not _known_place(_POSSESSIVE_END.sub("", m.group(2)))
            ):
                continue  # the place after the comma must be one the gazetteer knows
            if pat is _BARE and (
                m.group(1).lower() in _CONTINENTS
                or _month_like(m.group(1))
                or m.group(1).isupper()  # "in API", "at NATO": an acronym, not a village
                # "in St. Peter's Square": an abbreviation opens a longer name
                or (text.startswith(".", m.end(1)) and m.group(1).lower() in ABBREVIATIONS)
            ):
                continue
            if pat is _BARE:
                spans.append(m.span(1))
                pos = m.end(1)
                while (more := _BARE_MORE.match(text, pos, end)) is not None:
                    group = 1 if more.group(1) is not None else 2
                    spans.append(more.span(group))  # "near Hin Tagher and Khtsaberd"
                    pos = more.end(group)
                continue
            if pat is _LIST_AND_KIND:
                # each name of the list, not the list as one name
                pos = m.start(1)
                for part in _LIST_NAME_SPLIT.split(m.group(1)):
                    at = text.find(part, pos, m.end(1))
                    spans.append((at, at + len(part)))
                    pos = at + len(part)
                continue
            spans.append(m.span(1))
            if pat is _TOPONYM_FIRST:
                toponyms.add(m.span(1))  # "Lake Sev Lich": its opener is a common word
            if pat is _LOCALITY_OF and _LOCALITY_HEAD_PLURAL.search(m.group()):
                pos = m.end(1)
                while (more := _LOCALITY_MORE.match(text, pos, end)) is not None:
                    spans.append(more.span(1))
                    pos = more.end(1)
    stop = _not_place_words()
    for s, e in spans:
        toponym = (s, e) in toponyms
        if (own := _POSSESSIVE.search(text, s, e)) is not None:
            s = own.end()  # "Kaduna State's Igabi local government area": Igabi
        name = text[s:e]
        first = name.split()[0]
        if first in _GENERIC_CAPS and " " in name:
            s += len(first) + 1  # "In Kelemba, a village ...": the name after the opener
            name = text[s:e]
            first = name.split()[0]
        if first in _GENERIC_CAPS or first in _NOT_NAMES:
            continue
        if name in _IN_OPENERS and text[max(0, s - 3) : s] == "In ":
            continue  # "In Brief,", "In Summary,": a sentence adverb, not a place
        if (
            first.lower() in stop
            and not toponym
            and not (first in _NAME_ADJECTIVES and " " in name)
        ):
            continue  # not "Old Fangak", "Upper Dir": an adjective that opens a town's name
        if any(o.start < e and s < o.end for o in (*sites, *out)):
            continue
        numbered = _NUMBERED.match(name)  # "Makobola II", "Krinding 1": also the place itself
        alternates = (numbered.group(1),) if numbered else ()
        out.append(SiteMention(s, e, name, name, alternates, "locality"))
    return out


#: A place name with a number after it ("Makobola II", "Krinding 2"), and the name alone.
_NUMBERED = re.compile(r"(.+?)\s+(?:[IVX]{1,4}|\d{1,2})$")


#: The two head-led site patterns, run at their candidate words (the same matches).
_HEAD_LED = {pat: anchor(pat) for pat in (_HEAD_OF, _HEAD_OF_LOOSE)}


def _site_matches(
    pat: re.Pattern[str], text: str, start: int, end: int, index: WordIndex | None
) -> Iterable[re.Match[str]]:
    """The matches of ``pat.finditer(text, start, end)`` for a pattern of :func:`_named_sites`,
    found without scanning every character of the window where the word index can tell."""
    if index is None:
        return pat.finditer(text, start, end)
    if pat is _SITE_BEFORE_HEAD:
        # Name-led ("Abu Shouk camp"): a match opens a word with a capital or "al-", or else
        # with a quote (its name quoted), a character that starts no word of the index; a
        # window without one is searched at its names only.
        if text.find('"', start, end) >= 0:
            return pat.finditer(text, start, end)
        return _name_led_finditer(pat, text, start, end, index)
    return index.finditer(_HEAD_LED[pat], start, end)


def _named_sites(
    text: str, start: int, end: int, index: WordIndex | None = None
) -> list[SiteMention]:
    """Sites named by a head noun in ``text[start:end]`` (``index``: the document's words)."""
    out: list[SiteMention] = []
    for pat in (_SITE_BEFORE_HEAD, _HEAD_OF, _HEAD_OF_LOOSE):
        for m in _site_matches(pat, text, start, end, index):
            s, e = m.start(1), m.end(1)
            if text[e - 2 : e] in ("'s", "’s"):
                e -= 2  # "the University of Haifa's dormitories": the site is the university
            words = text[s:e].split()
            # Before a head written in lower case, a never-word opening the run is a sentence
            # opener, not a name ("Despite camp guards ..."); a capitalised head keeps it
            # ("Freedom Square", "Peace Bridge").
            never = lexicon().never if words and words[-1].islower() else frozenset()
            dedicated = _DEDICATION_AT.match(text, s) is not None  # "Our Lady of ..."
            while (
                words
                and not dedicated
                and (
                    words[0] in _GENERIC_CAPS or words[0] in _NOT_NAMES or words[0].lower() in never
                )
            ):
                s += len(words[0]) + 1
                words = words[1:]
            if (
                len(words) > 2
                and _POSSESSIVE_END.search(words[0])
                and _known_place(_POSSESSIVE_END.sub("", words[0]))
            ):
                # "Gaza's Jabalia camp": the site is the camp; its owner is a place of its own
                s += len(words[0]) + 1
                words = words[1:]
            if len(words) < 2 or generic_site(words, lexicon()):
                continue
            if not words[0][:1].isupper() and pat is not _HEAD_OF_LOOSE:
                continue
            if (
                pat is _SITE_BEFORE_HEAD
                and _POSSESSIVE.search(text, s, e)
                and _OF_NAME_AFTER.match(text, e)
            ):
                continue  # "Palmyra's Temple of Bel": the site is "Temple of Bel", in Palmyra
            if words[-1].islower() and words[-1] not in _LOOSE_OF_OLD and _placed_facility(words):
                continue
            if any(o.start <= s < o.end or s <= o.start < e for o in out):
                continue
            mention = text[s:e]
            name = mention.replace('"', "")
            alternates = _alternates(name)
            if pat is _HEAD_OF_LOOSE and len(words) == 3 and words[2] not in alternates:
                # "the church of Dablo": the church of a village is also found by the village
                alternates = (*alternates, words[2])
            out.append(SiteMention(s, e, mention, name, alternates))
    return sorted(out, key=lambda x: x.start)


#: Lower-case heads whose sites are kept whatever names them ("Lido beach", "Qarchak prison").
_LOOSE_OF_OLD = frozenset(
    {"camp", "beach", "prison", "gorge", "valley", "junction", "meadow", "forest", "plain"}
)
_POSSESSIVE_END = re.compile(r"['’]s$")
_RUN_BY = re.compile(r"-(?:supported|run|backed|funded|owned|operated|built|controlled|held)$")


def _placed_facility(words: list[str]) -> bool:
    """Capitalised words before a lower-case head that only say where or whose the facility
    is: a known place ("Kano mosque", "Sudan El Fasher hospital"), a people ("Khmer temple") or
    who runs it ("MSF-supported hospital")."""
    first = _POSSESSIVE_END.sub("", words[0])
    if first.lower() in lexicon().demonyms or any(_RUN_BY.search(w) for w in words[:-1]):
        return True
    if first != words[0] and _known_place(first):
        return True  # "Sudan's El Fasher hospital"
    return _known_place(" ".join(words[:-1]))


@lru_cache(maxsize=1024)
def _gazetteer_rows(name: str) -> tuple[Any, ...]:
    """The gazetteer's places named ``name`` (none without a gazetteer: sites only)."""
    try:
        from harmwatch.extract.places import Gazetteer
        from harmwatch.extract.places.normalize import normalise

        return tuple(Gazetteer.open().index.lookup(normalise(name)))
    except Exception:  # no gazetteer: sites only
        return ()


def _known_place(name: str) -> bool:
    """Whether the gazetteer holds any place named ``name``."""
    return bool(_gazetteer_rows(name))


_LIST_NAME = re.compile(rf"(?<![\w’'-]){_NAME}")
#: What may stand between two names of one list: ", ", " and ", ", and ", " or ".
_LIST_SEP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
#: Features of a gazetteer place that vouch for its list-mates being towns too.
_SETTLEMENTS = frozenset({"city", "village", "locality"})
_AND_OR = re.compile(r"\b(?:and|or)\b")
_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_NUMBER_AFTER = re.compile(r"\s*\d")
#: Plural nouns after a list that make its names something other than towns.
_NOT_TOWN_HEADS = frozenset(
    "hospitals schools mosques churches camps forces fighters militias brigades units clans "
    "tribes communities families streets roads rivers airports universities groups".split()
)
_MONTHS_DAYS = frozenset((*MONTH_NAMES, *WEEKDAYS))


def _settlement_in(name: str, country: str | None) -> bool:
    """Whether the gazetteer holds a town or village ``name`` in ``country``."""
    if country is None:
        return False
    return any(r.country == country and r.feature in _SETTLEMENTS for r in _gazetteer_rows(name))


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    """Lower-case words that make a capitalised list item something other than a town."""
    lex = lexicon()
    return (
        lex.common_words
        | frozenset(lex.demonyms)
        | lex.titles
        | lex.never
        | _MONTHS_DAYS
        | frozenset(w.lower() for w in _NOT_NAMES | _GENERIC_CAPS)
    )


def list_mates(text: str, start: int, end: int, places: Sequence[Any]) -> list[SiteMention]:
    """Unlisted towns named in one list with gazetteer towns of the sentence.

    "fighters shelled the outskirts of Ariha and Kansafra", "cases in Juba, Rubkona and
    Malakal": when a list of capitalised names holds a town or village the gazetteer resolved
    (``places``: objects with ``start``, ``end``, ``feature`` and ``country``) and every town
    of the list lies in one country, the other names of the list are towns of that country.
    A name made of common words, demonyms, titles, months or days, or opening the sentence,
    is left alone.
    """
    towns = [p for p in places if p.feature in _SETTLEMENTS and start <= p.start < end]
    if not towns or not _AND_OR.search(text, start, end):
        return []
    out: list[SiteMention] = []
    chain: list[re.Match[str]] = []
    for m in _name_led_finditer(_LIST_NAME, text, start, end, index_of(text)):
        if chain and _LIST_SEP.fullmatch(text, chain[-1].end(), m.start()):
            chain.append(m)
            continue
        out += _mates(text, start, chain, places, towns)
        chain = [m]
    out += _mates(text, start, chain, places, towns)
    return out


def _mates(
    text: str, start: int, chain: list[re.Match[str]], places: Sequence[Any], towns: list[Any]
) -> list[SiteMention]:
    if len(chain) < 2 or not any(
        _AND_OR.search(text, a.end(), b.start()) for a, b in pairwise(chain)
    ):
        return []  # "Saada, Yemen": an address or an apposition, not a list
    after = _WORD_AFTER.match(text, chain[-1].end())
    if after and after.group(1).lower() in _NOT_TOWN_HEADS:
        return []  # "Madina and Erdogan hospitals": a list of something else
    found = [t for t in towns if any(m.start() <= t.start and t.end <= m.end() for m in chain)]
    if not found or len({t.country for t in found}) != 1:
        return []
    stop = _not_place_words()
    out: list[SiteMention] = []
    for m in chain:
        s, e = m.span()
        if s == start or any(p.start < e and s < p.end for p in places):
            continue
        if any(w.lower() in stop for w in re.split(r"[\s-]+", m.group())):
            # "shelling Tartar, Barda and Aghjabadi": a common word is a town of the list
            # when the gazetteer holds a settlement of that name in the list's country
            if not _settlement_in(m.group(), found[0].country):
                continue
        if text.startswith(("'s", "’s"), e) or _NUMBER_AFTER.match(text, e):
            continue  # a party ("Moscow and Kadyrov's forces"), a date ("Jaunary 21")
        out.append(SiteMention(s, e, m.group(), m.group(), (), "locality", found[0].country))
    return out


#: A unit word after a name: "Kuz Kunar district", "Madaya township".
_UNIT_NAME_END = re.compile(r"\s+(?:district|sub-district|township|county|commune|municipality)\b")


def longer_unit_name(text: str, site: SiteMention, inside: Sequence[Any]) -> bool:
    """Whether unlisted locality ``site`` is a unit's name whose last word(s) the gazetteer
    read as places of their own: the name starts before them, ends with them and a unit word
    follows ("Kuz Kunar district")."""
    unit = _UNIT_NAME_END.match(text, site.end)
    return unit is not None and all(
        site.start < p.start < site.end and p.end in (site.end, unit.end()) for p in inside
    )
