"""Stage 8: events — sentence facts grouped into events, with their places and dates.

A sentence is an *event sentence* when it cues a harm category, carries a harm figure, or
reports a disaster/accident toll (hard negatives still have event sites and days). Consecutive
event sentences of one paragraph form one event; a new paragraph or a non-event sentence closes
it. An event keeps only the places where harm happened: datelines ("KABUL (Pajhwok):"), places
of statements ("the Ministry of Defense in Baku said"), institutions' names ("Ministry of Defense
of Azerbaijan") and destinations ("crossed into Armenia", "to reach the town of Goris") are not
event locations; whole countries count only where the text puts harm in them ("in Ukraine",
"throughout Artsakh"). Dates are the sentence dates whose role is ``event`` or ``since``.

The local frame test (:func:`is_event_place`) runs per mention; the document-level selection
(reference places, country coverage, compass areas, dateline promotion, parent regions) lives
in :mod:`.event_places`. A sentence without a cue that still places casualties or damage, and
a known site named right after an event sentence, lend their places to the nearest event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from harmwatch.codebook.anchors import anchor
from harmwatch.extract.dates import LASTED_UNTIL, DateMention
from harmwatch.extract.event_places import (
    add_parent_regions,
    end_words,
    is_reference_place,
    late_locative,
    merge_site_names,
    merge_unit_names,
    names_a_body,
    national_countries,
    promote_dateline,
    refine_locations,
)
from harmwatch.extract.text import speech_verbs
from harmwatch.extract.wordindex import index_of

__all__ = ["Place", "SentenceFacts", "group_events", "is_event_place"]

#: Characters before a place that are inspected for a destination/statement/institution frame.
FRAME_WINDOW = 48

_DESTINATION = re.compile(
    # "slammed into Dnipro", "crashed into a building in": a strike's target, not a destination
    # "damage was done to the cathedral", "caused damage to the hospital": the harmed object
    r"\b(?:(?<!damage )(?<!damages )(?<!done )(?<!harm )to|"
    r"(?<!slammed )(?<!crashed )(?<!smashed )(?<!ploughed )(?<!plowed )(?<!rained )"
    r"(?<!fired )(?<!slamming )(?<!crashing )(?<!smashing )into|towards?|reach|reached|"
    r"arrived in|arrive in|arriving in|crossed into|"
    r"(?<!people )(?<!residents )(?<!civilians )(?<!families )sheltering in|"
    r"fled to|headed to|evacuated to|flown to|in the direction of|visit|visited|via|met in|held in|"
    r"said in|from the lands of|returned to|repatriated to|"
    r"statement (?:issued |released )?(?:from|in)|speaking(?:\s+\w+){0,3}\s+(?:from|in)|"
    r"press conference in|briefing in|visiting|(?:denied|rejected|announced|stated) in|"
    # "buried in Sloviansk", "mourners in Yerevan", "funerals were held in": where the dead are
    # mourned (not "a bombing at a funeral in")
    r"buried(?:\s+in)?|laid to rest(?:\s+in)?|mourners\s+in|"
    r"(?<!at a )(?<!at the )(?<!on a )(?<!on the )funerals?(?:\s+\w+){0,3}\s+in|"
    # "arriving first in Goris", "arrived by boat in", "now living in dormitories in Kyiv"
    r"arriv(?:ed|ing|e)(?:\s+\w+){1,3}\s+in|now\s+(?:liv(?:e|es|ing)|staying|sheltering)"
    r"(?:\s+\w+){0,3}\s+in|"
    # "air-raid sirens sounded in Mykolaiv": an alarm, not harm
    r"(?:sirens?|alerts?|alarms?)\s+(?:\w+\s+){0,2}(?:in|across|over)|"
    # "talks in Doha", "a summit held in Geneva": where parties meet, not where harm happened
    r"(?<!at a )(?<!at the )(?<!on a )(?<!on the )"
    r"(?:talks|negotiations|summits?|conferences?|meetings?)(?:\s+\w+){0,3}\s+in|"
    # "fled Khartoum for Port Sudan", "fled ... for camps in Cox's Bazar": where people went
    r"(?:fled|left)\s+(?:[\w'’-]+\s+){1,4}for|for\s+(?:(?:refugee|displacement|idp)\s+)?camps?\s+in)"
    r"\s+(?:the\s+)?"
    r"(?:(?:town|city|village|capital|country|region|border|municipal\s+seat|"
    # "fled towards the communes of Delmas and Tabarre": units named as where people went
    r"(?:communes|towns|cities|villages|districts|municipalities|provinces|regions)\s+of)"
    r"(?:\s+of\s+|,\s*|\s+))?$",
    re.IGNORECASE,
)
#: Characters before a place read for a destination list it may close.
LIST_WINDOW = 90
_NAME_WORDS = r"(?:[A-Z][\w'’.-]*\s+){0,3}?(?:[A-Z][\w'’.-]*)"
#: A list of names after a destination word, ending right before the place: "most of them
#: towards Cúcuta, Ocaña and " / "crossed into Russia's " / "flown to burn centres in ".
_DESTINATION_LIST = re.compile(
    r"\b(?:towards?|into|fled to|headed to|evacuated to|flown to|taken to|moved to|"
    r"crossed into|arrived in|sheltering in)\s+(?:the\s+)?"
    r"(?:(?:communes?|towns?|cit(?:y|ies)|villages?|districts?|municipalit(?:y|ies)|provinces?|"
    r"regions?)\s+of\s+)?"
    rf"(?:(?:{_NAME_WORDS}\s*,\s*)*{_NAME_WORDS}\s*,?\s*(?:and|or)\s+|(?:{_NAME_WORDS}\s*,\s*)+|"
    r"[A-Z][\w-]*['’]s\s+|(?:\w+\s+){1,3}in\s+)$"
)
#: Where fighters come from, and who backs a party: not where the harm happened.
_ORIGIN_OR_BACKER = re.compile(
    r"(?i:\b(?:groups?|fighters|mercenaries|members|militants|jihadists|recruits|volunteers|"
    # "a truck packed with people from Central America": where the people came from
    r"migrants|people|nationals|workers)\s+from)\s+(?:(?:[A-Z][\w'’-]*|(?i:northern|southern|eastern|western|parts|of|other|"
    r"the|and))[\s,]+)*$"
    r"|(?i:\b(?:support|backing|help|assistance|aid)\s+(?:of|from)\s+(?:the\s+)?)$"
    # "the factions supported by Ankara", "militias backed by Iran"
    r"|(?i:\b(?:supported|backed|armed|funded|sponsored)\s+by\s+(?:the\s+)?)$"
    # "rockets fired from Gaza", "shelled the city from positions near Belgorod": where fire
    # came from
    # came from ("launched from occupied Crimea", "from Russian-held Donetsk")
    r"|(?i:\b(?:fired|launched|shot)\s+from\s+(?:the\s+)?(?:occupied\s+|[\w-]+-(?:held|occupied|"
    r"controlled)\s+)?)$"
    r"|(?i:\bfrom\s+(?:\w+\s+){0,2}positions\s+(?:near|in|around|outside)\s+(?:the\s+)?)$"
    # "originally from Aleppo", "flew from Kyiv to Vilnius": where people come from
    r"|(?i:\b(?:originally|who\s+(?:came|come|hailed)|flew|travell?(?:ed|ing)|drove|returned)"
    r"\s+from\s+"
    r"(?:the\s+)?)$"
)
#: Words one of which each pattern below needs: a window without them is passed over.
_DESTINATION_WORDS = ("toward", "into", " to ", "arrived in", "sheltering in")
_ORIGIN_WORDS = ("from", "of", "by")


def _has_any(window: str, words: tuple[str, ...]) -> bool:
    return any(w in window for w in words)


_BASED_IN = re.compile(
    r"\b(?:based|headquartered|registered|exiled|living|born|stationed)\s+in\s+(?:the\s+)?$"
    r"|\b(?:garrison|barracks|headquarters)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(r"\s+time\b", re.IGNORECASE)
#: What lies between two places of one list: ", ", " and ", ", and ", a unit word.
_LIST_MATE = re.compile(
    r"(?:\s+(?:town|city|district|province|region|centre|center))?(?:\s*,\s*(?:and\s+|or\s+)?|"
    r"\s+(?:and|or)\s+)(?:the\s+)?",
    re.IGNORECASE,
)
_FIRE_WORDS = re.compile(r"\b(?:fir(?:e|ed|ing)|shell(?:ed|ing)|shots|strikes?|rockets?)\b", re.I)
#: "residents of Kabul said", "who fled the burning of Buthidaung said": the place is told of
#: its people or of the harm done there, and someone else speaks.
_RESIDENTS_BEFORE = re.compile(
    r"\b(?:residents|inhabitants|villagers|burning|shelling|bombing|bombardment|siege|fall|"
    r"destruction|storming|capture|sack|massacre)\s+of\s+(?:the\s+)?$",
    re.I,
)
_ORG_BEFORE = re.compile(r"\bIslamic\s+State(?:\s+(?:in|of))?(?:\s+the)?\s+$")
_INSTITUTION = re.compile(
    r"\b(?:ministry|ministry of \w+(?: \w+)?|president|government|prime minister|minister|mayor|"
    r"mfa|mod|ombudsman|defender|republic|embass(?:y|ies)|ambassador|parliament|representative|"
    r"representation|offices?|commissioner|committee|governor|university|diocese|"
    r"leadership|army|forces|authorities|civil defen[cs]e|police|spokes(?:man|woman|person)|"
    r"media|television|tv|radio|news agency|broadcaster|newspaper)"
    r"\s+(?:\([A-Z]+\)\s+)?(?:of|in)\s+(?:the\s+)?$"
    r"|\bpeople\s+of\s+(?:the\s+)?$"
    # "a district court in Kyiv", "went on trial last week in the Poltava region": where a
    # captive is tried, not where the harm happened
    r"|\b(?:court|tribunal)\s+(?:of|in)\s+(?:the\s+)?$"
    r"|\bon\s+trial\s+(?:\w+\s+){0,3}?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: The last word before the place in every match of _DESTINATION or _INSTITUTION: windows
#: ending otherwise skip both (end-anchored) patterns.
_FRAME_LAST_WORDS = frozenset(
    "to into towards toward reach reached in visit visited visiting via of the town city village "
    "capital country region border from for across over buried rest seat".split()
)
_COUNTRY_FRAME = re.compile(
    r"\b(?:in|throughout|across|inside|within|on|population of|of)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: A place as the speaker of a statement ("Baku, for its part, acknowledged", "Kyiv denied").
_STATEMENT_AFTER = re.compile(
    r"^\s*(?:,[^,.;]{1,30},\s*)?(?:has\s+|have\s+|had\s+)?(?:"
    + speech_verbs("acknowledged", "accused", "claimed", "claims", "denied", "denies")
    + r"|confirmed|insisted|"
    r"warned|responded|blamed|rejected|condemned|calls|called|urged|urges|demanded|demands|"
    r"welcomed|welcomes|rejects|disputes|disputed|maintains|vowed|vows|threatened|"
    r"made no comment|did not comment|declined to comment|(?:has|had|have) not (?:confirmed|"
    r"commented|disclosed))\b",
    re.IGNORECASE,
)
_DASH_AFTER = re.compile(r"^\s*[—–-]")
#: "In Kyiv, the Ukrainian foreign ministry said": a capital opening a sentence as the seat of
#: a national government that speaks (not "In Kharkiv, the governor said": local officials
#: tell what happened in their town).
_IN_OPENING = re.compile(r"\s*In\s+")
_SEAT_SPEAKS_AFTER = re.compile(
    r"^\s*,\s*(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:foreign|defen[cs]e|interior)\s+)?"
    r"(?:ministry|government|presidency|president|prime\s+minister|foreign\s+minister|"
    r"parliament|Kremlin|embassy|cabinet)\s+(?:[\w'’-]+\s+){0,2}?(?:has\s+|had\s+)?(?:"
    + speech_verbs("called", "condemned", "accused", "denied", "warned", "urged", "vowed")
    + r")\b",
    re.IGNORECASE,
)
#: The frames before a place, anchored: with the document's word index at hand
#: (:func:`index_of`) each is tried only at its candidate words of the window.
_DESTINATION_A = anchor(_DESTINATION)
_INSTITUTION_A = anchor(_INSTITUTION)
_DESTINATION_LIST_A = anchor(_DESTINATION_LIST)
_ORIGIN_OR_BACKER_A = anchor(_ORIGIN_OR_BACKER)
_BASED_IN_A = anchor(_BASED_IN)
_COUNTRY_FRAME_A = anchor(_COUNTRY_FRAME)
_ORG_BEFORE_A = anchor(_ORG_BEFORE)
#: "(Nairobi) –" opening a paragraph: the place the report was filed from.
_PAREN_DATELINE = re.compile(r"^\)\s*[:—–-]")
_DATELINE_AFTER = re.compile(
    r"^(?:,\s*[A-Z][\w .]*?)?\s*(?:\([^)]{1,30}\)\s*)?[:—–-](?![a-z])|^,\s*[A-Z][a-z]+ \d"
    # "Addis Ababa, 20 June 2022 — The commission ..."
    # "Sanaa , 3 August 2018 (Press Service) —", "VIDYAYEVO , 12 August ." (translated wires)
    r"|^\s?,\s*\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?\s*(?:\([^)]{1,60}\)\s*)?(?:[—–-]|\.(?!\d))"
    # "Depayin township (Sagaing Region) – Residents of ...": a report's place line
    r"|^\s+(?:township|district|county|municipality)\s*\([^)]{1,40}\)\s*[:—–-]"
    # "JOS, Nigeria, Dec 27 (Agency) —": the country, then the day
    r"|^,\s*[A-Z][\w .]*?,\s*[A-Z][a-z]+\.? \d"
)
#: "the Moro National Liberation Front", "the Arakan Army": a place naming an armed group or
#: a party (its words up to the group noun are capitalised).
_GROUP_AFTER = re.compile(
    r"^(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Liberation\s+)?(?:Front|Movement|Army|Brigades?|"
    r"Battalion|Militia|Party|Alliance|Coalition|Group|Forces?)\b"
)
#: A lower-case noun after "the <country>": the country qualifies it ("the US list"), except
#: the words that put harm in the country ("the Ukraine war", "the Syria border").
_ATTRIBUTIVE_AFTER = re.compile(
    r"^\s+(?!(?:war|wars|conflict|front|border|crisis|offensive|invasion|campaign|fighting)\b)"
    r"[a-z]{3,}\b(?!\s+(?:of|in|on)\s+(?:the\s+)?[A-Z])"
)
#: "(Arabian Gulf Wire)", "the Kyiv Post": a place naming a news outlet.
_MEDIA_AFTER = re.compile(
    r"^\s+(?:Press|Wire|News|Agency|Dispatch|Times|Post|Herald|Tribune|Radio|Television|TV)\b"
)
#: "the Saudi Arabia-led coalition", "a Tehran-backed militia": a party that leads or backs a
#: force, not a place of harm.
_LEADS_AFTER = re.compile(r"^[-–](?:led|backed|allied|aligned|sponsored)\b", re.IGNORECASE)
#: The unit in brackets of such a place line: "Depayin township (Sagaing Region) –".
_PAREN_UNIT_LINE = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*\($")
#: "Ayder Referral Hospital in Mekelle, where 43 of the wounded were brought": where the
#: wounded or displaced were taken, not where the harm happened.
_WHERE_TAKEN_AFTER = re.compile(
    r"^(?:\s+(?:in|at|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?,\s*where\b[^.;]{0,50}?"
    r"\b(?:were|was|had\s+been|have\s+been|are\s+being|are)\s+(?:\w+\s+)?"
    r"(?:brought|taken|treated|admitted|evacuated|rushed|transferred|sheltering|housed)\b"
)


@dataclass(slots=True)
class Place:
    """A located mention (gazetteer place or named site) in output form."""

    start: int
    end: int
    mention: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str
    feature: str
    alternates: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "precision": self.precision,
            "feature": self.feature,
            "alternates": list(self.alternates),
            "span": [self.start, self.end],
        }


@dataclass(slots=True)
class SentenceFacts:
    """Everything the earlier stages found in one sentence."""

    index: int
    start: int
    end: int
    paragraph: int
    categories: set[str] = field(default_factory=set)
    figure_ids: list[str] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    disaster: bool = False
    casualty: bool = False
    attack: bool = False

    @property
    def is_event(self) -> bool:
        # a harm category is one other than "response" (counted without a set difference:
        # asked a few times per sentence)
        cats = self.categories
        harm = len(cats) > ("response" in cats)
        return bool(
            harm
            or self.figure_ids
            or self.attack
            or (self.disaster and (self.dates or self.casualty))
        )


def _is_dateline(text: str, sent_start: int, place: Place) -> bool:
    """A city opening a report's dateline ("AMASRA, Turkey (AP) —")."""
    if place.feature not in ("city", "village") or place.start - sent_start >= 3:
        return False
    after = text[place.end : place.end + 40]
    return bool(_DATELINE_AFTER.match(after) or _PAREN_DATELINE.match(after))


#: Most items a menu segment holds ("Home | News | Pemba | Mocímboa | Economy").
MENU_SEGMENT_WORDS = 3


def _in_menu_bar(text: str, place: Place) -> bool:
    """Whether ``place`` is an item of a page's menu bar: a line of short segments between
    pipes, which the sentence splitter may join to the headline after it."""
    start = text.rfind("\n", 0, place.start) + 1
    end = text.find("\n", place.end)
    line = text[start : end if end >= 0 else len(text)]
    segments = line.split("|")
    return len(segments) >= 3 and all(
        len(seg.split()) <= MENU_SEGMENT_WORDS for seg in segments[1:-1]
    )


def is_event_place(text: str, sent_start: int, place: Place) -> bool:
    """Whether a place in an event sentence is where the harm happened.

    The frames before the place are looked up through the document's word index when it is
    at hand (:func:`index_of`): the same matches as the plain ``search`` calls, tried only at
    the window's candidate words."""
    lo_frame = max(sent_start, place.start - FRAME_WINDOW)
    before = text[lo_frame : place.start]
    after = text[place.end : place.end + 80]
    if len(place.mention) > 3 and place.mention.isupper():
        return False
    if _MEDIA_AFTER.match(after) or _GROUP_AFTER.match(after) or _LEADS_AFTER.match(after):
        return False
    region_heading = place.feature == "region" and _DASH_AFTER.match(after)
    if (
        place.start - sent_start < 3
        and not region_heading
        and _DATELINE_AFTER.match(after)
        # "Rehovot: several laboratory buildings were badly damaged": a live blog's entry
        # names its town with a colon (a dateline is in capitals or carries its date; a
        # region or country before a colon is a headline's topic)
        and not (
            after.startswith(":")
            and not place.mention.isupper()
            and place.feature in ("city", "village", "locality")
        )
    ):
        # A region opening a line is a section heading ("Sagaing Region — On 29 September,
        # troops burned..."), not the place a report was filed from.
        return False
    if place.start - sent_start < 3 and _PAREN_DATELINE.match(after):
        return False
    if (
        place.start - sent_start < 40
        and _PAREN_DATELINE.match(after)
        and _PAREN_UNIT_LINE.fullmatch(text, sent_start, place.start)
    ):
        return False  # "Depayin township (Sagaing Region) –"
    if ", where" in after[:60] and _WHERE_TAKEN_AFTER.match(after):
        return False
    if "|" in after[:40] and _in_menu_bar(text, place):
        return False
    words = index_of(text)
    last = before.rstrip().rsplit(None, 1)[-1].lower().rstrip(",") if before.strip() else ""
    if last in _FRAME_LAST_WORDS:
        dest = (
            _DESTINATION.search(before)
            if words is None
            else words.search_in(_DESTINATION_A, lo_frame, place.start, before)
        )
        if (
            dest
            and ("direction of" in dest.group() or dest.group().split()[0].lower() == "into")
            and _FIRE_WORDS.search(text, sent_start, place.start)
        ):
            # "fired in the direction of Goris", "fired cluster munitions into el-Shawahda": the
            # target, not a destination
            dest = None
        if dest or (
            _INSTITUTION.search(before)
            if words is None
            else words.search_in(_INSTITUTION_A, lo_frame, place.start, before)
        ):
            return False
    if (
        place.start - sent_start < 4
        and _IN_OPENING.fullmatch(text, sent_start, place.start)
        and _SEAT_SPEAKS_AFTER.match(after)
    ):
        return False  # "In Kyiv, the foreign ministry said ...": where a government spoke
    if _STATEMENT_AFTER.match(after) and not (
        # every match ends in "of" and an optional "the": an exact test skips the rest
        ((ends := end_words(before)) is None or ends[1].endswith("of"))
        and _RESIDENTS_BEFORE.search(before)
    ):
        return False  # "Baku accused", but "residents of Kabul said" tell what happened there
    lo = max(sent_start, place.start - LIST_WINDOW)
    window = text[lo : place.start].lower()
    if _has_any(window, _DESTINATION_WORDS) and (
        _DESTINATION_LIST.search(text, lo, place.start)
        if words is None
        else words.search(_DESTINATION_LIST_A, lo, place.start)
    ):
        return False  # "towards Sennar, Gedaref and Kassala": every town of the list
    if _has_any(window, _ORIGIN_WORDS) and (
        _ORIGIN_OR_BACKER.search(text, lo, place.start)
        if words is None
        else words.search(_ORIGIN_OR_BACKER_A, lo, place.start)
    ):
        return False  # "fighters from Libya, Afghanistan and ...", "with the support of Turkey"
    if before.endswith(" ") and (
        _ORG_BEFORE.search(before)
        if words is None
        else words.search_in(_ORG_BEFORE_A, lo_frame, place.start, before)
    ):
        return False  # "Islamic State Khorasan Province": a group named after a region
    if (
        " in" in before
        and (
            _BASED_IN.search(before)
            if words is None
            else words.search_in(_BASED_IN_A, lo_frame, place.start, before)
        )
    ) or _CLOCK_AFTER.match(after):
        return False  # "an organisation based in the United Kingdom"; "(Yerevan time)"
    if after.startswith(("-bound", "–bound")):
        return False  # "a Nairobi-bound bus": where it was going
    if place.feature == "country" and before.endswith("the ") and _ATTRIBUTIVE_AFTER.match(after):
        return False  # "the US list of most-wanted terrorists": a modifier, not a place
    if place.feature == "country" and not (
        _COUNTRY_FRAME.search(before)
        if words is None
        else words.search_in(_COUNTRY_FRAME_A, lo_frame, place.start, before)
    ):
        return False
    return not is_reference_place(text, sent_start, place)


#: A heading line: list numbering, place names, unit words and punctuation only.
_HEADING_WORDS = re.compile(
    r"(?:\d+[.)]|zone|district|region|province|state|governorate|county|oblast|area|and|"
    r"[,.;:–—-])",
    re.IGNORECASE,
)
#: Longest heading that can lend its places to the paragraph after it.
HEADING_MAX_CHARS = 80
#: The longest stated span of harm ("from 4 to 7 November") whose every day is an event day;
#: a longer one is a period told by its bounds.
MAX_SPAN_DAYS = 7


def _is_place_heading(text: str, sf: SentenceFacts) -> bool:
    """Whether sentence ``sf`` is a short heading made of place names ("1. Finote Selam, West
    Gojjam Zone."), which says where the paragraph after it happened."""
    if sf.end - sf.start > HEADING_MAX_CHARS:
        return False
    rest = text[sf.start : sf.end]
    for p in sorted(sf.places, key=lambda p: p.start, reverse=True):
        if sf.start <= p.start and p.end <= sf.end:
            rest = rest[: p.start - sf.start] + rest[p.end - sf.start :]
    return not _HEADING_WORDS.sub(" ", rest).strip()


#: A live blog's day heading: a line holding only a day ("Saturday 20 August", "Sunday, October
#: 4"), with a timestamped entry ("21:30 Gunfire ...") on the next line of text.
_DAY_LINE = re.compile(
    # (or in capitals: "TUESDAY 8 JULY")
    r"\s*(?:(?:[A-Z][a-z]+day|[A-Z]+DAY),?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:[A-Z][a-z]+|[A-Z]{3,})\.?"
    r"|(?:[A-Z][a-z]+|[A-Z]{3,})\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?\s*"
)
_ENTRY_AFTER = re.compile(
    # (a "Key events" list may stand between the heading and the entries)
    r"\s*\n(?:\s*(?:Key events|Key points|Highlights|Latest|Summary)\b[^\n]{0,20}\n)?"
    r"\s*\d{1,2}[:.]\d\d\b",
    re.IGNORECASE,
)


def _live_blog_day(text: str, sf: SentenceFacts) -> list[DateMention]:
    """The day a live blog's day heading gives the entries under it, or ``[]``."""
    days = _event_days(sf.dates)
    if not days or not _DAY_LINE.fullmatch(text, sf.start, sf.end):
        return []
    return days if _ENTRY_AFTER.match(text, sf.end, sf.end + 40) else []


def _event_days(dates: list[DateMention]) -> list[DateMention]:
    """The dates of ``dates`` that can date an event to the day."""
    return [d for d in dates if d.date is not None and d.role == "event" and d.precision == "day"]


def _date_fields(dates: list[DateMention]) -> tuple[str | None, str | None, str | None, list[str]]:
    usable = [d for d in dates if d.date is not None and d.role in ("event", "since")]
    days = sorted({d.date for d in usable if d.precision == "day" and d.date is not None})
    all_days = sorted(
        {
            *(d for d in days),
            *(d.date_end for d in usable if d.date_end),
            *(day for d in usable for day in _span_days(d)),
        }
    )
    if all_days:
        first, last = all_days[0], all_days[-1]
        return (
            first.isoformat(),
            last.isoformat() if last != first else None,
            "day",
            [d.isoformat() for d in all_days],
        )
    coarse = [d for d in usable if d.precision in ("week", "month", "year")]
    if coarse:
        order = {"week": 0, "month": 1, "year": 2}
        best = min(coarse, key=lambda d: order[d.precision])
        return best.date.isoformat() if best.date else None, None, best.precision, []
    return None, None, None, []


def _span_days(d: DateMention) -> list[date]:
    """Every day of a stated span of harm ("the killings continued from 4 to 7 November"),
    when it is short enough to be one event's days (the set's convention lists them all)."""
    if not d.span or d.role != "event" or d.precision != "day" or d.date is None:
        return []
    assert d.date_end is not None  # a span has its end
    length = (d.date_end - d.date).days
    if not 0 < length <= MAX_SPAN_DAYS:
        return []
    return [d.date + timedelta(days=n) for n in range(1, length)]


#: "... that lasted until 3 September": an event sentence telling how long harm went on.
_LASTED_UNTIL = re.compile(rf"\b{LASTED_UNTIL}\b", re.IGNORECASE)


def _runs_on(told: list[DateMention], sf: SentenceFacts, text: str) -> date | None:
    """The last day, when event sentence ``sf`` carries on the days told just before it ("On 1
    September armed men drove into the school. It was the beginning of a siege that lasted
    until 3 September."): its own days end what began then, within a span of one event."""
    own = [d.date for d in _event_days(sf.dates) if d.date is not None]
    first = [d.date for d in told if d.date is not None and d.precision == "day"]
    if (
        own
        and first
        and _LASTED_UNTIL.search(text, sf.start, sf.end) is not None
        and all(0 < (o - max(first)).days <= MAX_SPAN_DAYS for o in own)
    ):
        return max(own)
    return None


def _borrowed_days(sf: SentenceFacts) -> list[DateMention]:
    """The days a sentence that is not an event sentence still gives an event: the start of
    ongoing harm ("Since 12 December the road has been closed") and the day an incident verb or
    noun governs ("The truck overturned on Saturday afternoon")."""
    return [
        d
        for d in sf.dates
        if d.date is not None
        and d.precision == "day"
        and (d.role == "since" or (d.role == "event" and d.incident))
    ]


def _nearest_group(groups: list[list[SentenceFacts]], index: int) -> int | None:
    """The group of event sentences closest to sentence ``index`` (the earlier one on a tie)."""
    best: tuple[int, int] | None = None
    for n, group in enumerate(groups):
        gap = max(group[0].index - index, index - group[-1].index, 0)
        if best is None or gap < best[0]:
            best = (gap, n)
    return best[1] if best else None


def group_events(text: str, facts: list[SentenceFacts]) -> list[dict[str, Any]]:
    """Group consecutive event sentences of a paragraph into event records."""
    groups: list[list[SentenceFacts]] = []
    # Sentences without a cue that still place casualties or damage lend their places to the
    # event before them (or after them, when none precedes).
    lent: dict[int, list[SentenceFacts]] = {}
    pending: list[SentenceFacts] = []
    # "On 3 March, a truck drove over a mine. Two workers were killed.": the day told in a
    # sentence before an event, in its paragraph and with no event sentence between, is the
    # event's when it has none of its own.
    lent_dates: dict[int, list[DateMention]] = {}
    lenders: set[int] = set()
    told: tuple[SentenceFacts, list[DateMention]] | None = None
    # "Gunmen stopped a bus at Omar Jillo. Twenty-eight people were killed.": the places of a
    # sentence before an event, in its paragraph, are the event's when it names none.
    placed: SentenceFacts | None = None
    place_teller: dict[int, SentenceFacts] = {}
    # A live blog's entries take the day of the heading above them.
    live_day: list[DateMention] = []
    heading: SentenceFacts | None = None
    for sf in facts:
        event = sf.is_event  # asked at each step below, and nothing in this loop changes it
        if not event and sf.places and _is_place_heading(text, sf):
            heading = sf  # "1. Finote Selam, West Gojjam Zone." over the paragraph it heads
            continue
        if heading is not None and event and heading.index == sf.index - 1:
            lent.setdefault(len(groups), []).append(heading)
        heading = None
        if told is not None and told[0].paragraph != sf.paragraph:
            told = None
        if not event and (heading_day := _live_blog_day(text, sf)):
            live_day, told = heading_day, None
            lenders.add(sf.index)
            continue
        if (
            event
            and live_day
            and not _event_days(sf.dates)
            and not (groups and groups[-1][-1].index == sf.index - 1)
        ):
            lent_dates[len(groups)] = live_day
        ends: date | None = None
        if (
            event
            and told is not None
            and (not _event_days(sf.dates) or (ends := _runs_on(told[1], sf, text)))
            and not (groups and groups[-1][-1].index == sf.index - 1)
        ):
            lent_dates[len(groups)] = told[1]
            if ends is not None:
                # one span from the day told to the last day the event sentence gives
                lent_dates[len(groups)] = [
                    replace(d, date_end=ends, span=True, role="event", incident=True)
                    for d in told[1]
                ]
            lenders.add(told[0].index)
        if (
            event
            and placed is not None
            and placed.paragraph == sf.paragraph
            and not (groups and groups[-1][-1].index == sf.index - 1)
        ):
            place_teller[len(groups)] = placed
        if event:
            told = placed = None
        else:
            if _event_days(sf.dates):
                told = (sf, _event_days(sf.dates))
            if sf.places:
                placed = sf
        if not event:
            if sf.places and late_locative(text, sf.start, sf.end, sf.disaster):
                if groups:
                    lent.setdefault(len(groups) - 1, []).append(sf)
                else:
                    pending.append(sf)
            elif (
                sf.places
                and groups
                and groups[-1][-1].index == sf.index - 1
                and groups[-1][-1].paragraph == sf.paragraph
            ):
                # 'The hospital, known as "Okhmatdyt," is...': a known site named right after
                # the event sentence is the site the event hit.
                sites = [p for p in sf.places if p.feature == "site" and p.lat is not None]
                if sites:
                    lent.setdefault(len(groups) - 1, []).append(
                        SentenceFacts(sf.index, sf.start, sf.end, sf.paragraph, places=sites)
                    )
            continue
        if (
            groups
            and groups[-1][-1].paragraph == sf.paragraph
            and groups[-1][-1].index == sf.index - 1
        ):
            groups[-1].append(sf)
        else:
            groups.append([sf])
    if pending and groups:
        lent.setdefault(0, [])[:0] = pending
    for n, teller in place_teller.items():
        if groups[n][0].places or any(t is teller for t in lent.get(n, ())):
            continue
        if not any(g.places for g in groups[n]):
            lent.setdefault(n, []).append(teller)
            continue
        # "Settlers descended on Burin and Asira. They set fire to houses. In Za'tara, a man was
        # shot dead.": an event opening without a place of its own takes the towns told just
        # before it even when a later sentence names another; not a country there, which is
        # more often a party ("the court held that Russia exercised control over ...").
        towns = [p for p in teller.places if p.feature != "country"]
        if towns:
            lent.setdefault(n, []).append(
                SentenceFacts(
                    teller.index, teller.start, teller.end, teller.paragraph, places=towns
                )
            )
    # Days told outside event sentences go to the nearest event.
    borrowed: dict[int, list[DateMention]] = {}
    for sf in facts:
        days = [] if sf.is_event or sf.index in lenders else _borrowed_days(sf)
        near = _nearest_group(groups, sf.index) if days else None
        if near is not None:
            borrowed.setdefault(near, []).extend(days)
    per_group: list[list[Place]] = []
    national: set[int] = set()
    dateline: tuple[int, Place] | None = None
    for n, group in enumerate(groups):
        seen: set[tuple[str, int]] = set()
        chosen: list[Place] = []
        for g in (*group, *lent.get(n, ())):
            national.update(id(p) for p in national_countries(bool(g.figure_ids), g.places))
            framed_end = -1  # end of the last mention a frame ruled out, for its list-mates
            for p in sorted(g.places, key=lambda q: q.start):
                if (p.name, p.start) in seen:
                    continue
                if (
                    framed_end >= 0
                    and p.start >= framed_end  # (not a longer name that holds the mention)
                    and _LIST_MATE.fullmatch(text, framed_end, p.start)
                ):
                    framed_end = p.end  # "hospitals in Mopti and Bankass": the list shares it
                    continue
                if not is_event_place(text, g.start, p):
                    if dateline is None and g.is_event and _is_dateline(text, g.start, p):
                        dateline = (n, p)
                    # a list shares the frame, except "(fire) in the direction of X, Y and Z"
                    lead = text[max(g.start, p.start - 24) : p.start]
                    shared = p.feature != "country" and "direction of" not in lead
                    framed_end = p.end if shared else -1
                    continue
                framed_end = -1
                seen.add((p.name, p.start))
                chosen.append(p)
        per_group.append(chosen)
    if dateline is not None:
        n_dl = dateline[0]
        promote_dateline(per_group, *dateline, text[groups[n_dl][0].start : groups[n_dl][-1].end])
    per_group = refine_locations(text, per_group, frozenset(national))
    # (parents are looked for among the regions alone, so only they are read for a body's name)
    add_parent_regions(
        per_group,
        [
            p
            for sf in facts
            for p in sf.places
            if p.feature == "region" and not names_a_body(text, p)
        ],
    )
    merge_unit_names(per_group)
    merge_site_names(per_group)
    events: list[dict[str, Any]] = []
    for group, places in zip(groups, per_group, strict=True):
        categories = sorted(set().union(*(g.categories for g in group)) - {"response"})
        dates = [d for g in group for d in g.dates]
        lent_days = lent_dates.get(len(events), [])
        if not _event_days(dates):
            dates += lent_days
        else:
            # "The attacks lasted from Friday to Sunday. In Nanjaba, insurgents burned houses
            # ... and regained control on Monday": days an incident governs, told before the
            # event's first sentence, stay the event's when a later sentence tells another day
            dates += [d for d in lent_days if d.incident]
        dates += borrowed.get(len(events), [])
        date, date_end, precision, day_list = _date_fields(dates)
        # a place named twice in an event ("Shelling hit Kharkiv ... In Kharkiv, ...") is listed
        # once, as first written
        once = {(p.name, p.geonameid, p.country): p for p in reversed(places)}
        locations = [p.as_dict() for p in places if once[(p.name, p.geonameid, p.country)] is p]
        start, end = group[0].start, group[-1].end
        events.append(
            {
                "categories": categories,
                "date": date,
                "date_end": date_end,
                "date_precision": precision,
                "dates": day_list,
                "locations": locations,
                "actors": [a for g in group for a in g.actors],
                "targets": sorted({t for g in group for t in g.targets}),
                "weapons": sorted({w for g in group for w in g.weapons}),
                "figure_ids": list(dict.fromkeys(f for g in group for f in g.figure_ids)),
                "span": [start, end],
                "quote": text[start:end],
            }
        )
    return events
