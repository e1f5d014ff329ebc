"""Event-location selection: which of an event's places are where the harm happened.

Stage 8 (:mod:`.events`) hands each event group its sentence places that survive the local
frame test (:func:`harmwatch.extract.events.is_event_place`: no dateline, no statement place,
no destination). This module then decides at document level, reusing only what the pipeline
already computed (sentence facts, place features and countries):

1. **reference places** — a place used to locate another one ("14 km east of Damascus",
   "15 km from the town of Batroun", "after the capital Baku") is not where harm happened;
2. **actor places** — a possessive place naming a party ("Baku's allegations", "Lebanon's
   health ministry") is not an event location;
3. **compass areas of a city or region** ("eastern Aleppo", "western Herat province") are
   reported as the city or region itself, which is what analysts file the harm under;
4. **coverage** — a country, or a compass area of a country ("northern Turkey"), is dropped
   when a more specific event location lies in it, unless the text spreads the harm over the
   whole country ("across the country", "throughout Artsakh", "nationwide"); a bare compass
   part ("South Lebanon") is kept next to the villages in it;
   4b. a region named only to say where a town lies ("Khotin, Sumy region") is its address;
   4c. so is a place in brackets after another one ("Jamundí (Valle del Cauca)");
   4d. and a region that opens a sentence as its setting ("In the Kupiansk district, a bomb hit
   the village of Kivsharivka");
5. **late locative sentences** — a sentence right after an event that places casualties or
   damage ("Most of the casualties occurred in Kyiv and the city of Kryvyi Rih") lends its
   places to that event even when it carries no category cue of its own;
6. **dateline promotion** — when only a country (or a compass area of it) is named as the
   harm place and the dateline town lies in it, the dateline town is the event location;
   6b. an event sentence that speaks of "the capital" without naming a town is about the
   dateline city;
7. **parent regions** — a region the text names is added when at least ``MIN_CHILDREN``
   harm places lie in it (by the gazetteer's parent);
8. **written forms** — "Madaya township", "San Juan river", "Gulf of Aden", "Mount Sinjar"
   are reported as written, not as the town whose name they contain; generic site matches
   ("Displacement camp", a title-case headline) and peoples ("the Lendu community") are
   dropped; a national toll keeps its country ("105 leaders murdered in Colombia"); 8b.
   "Gaza City" is reported as written;
9. **units named after a town** — "Hodeidah governorate" where Hodeidah is a harm place is
   reported under the town's name;
10. **one site written two ways** is one place, the other name an alternate.

Every rule reads at most a short window of characters around one mention, so the stage costs
a few microseconds per place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from harmwatch.codebook.anchors import anchor
from harmwatch.extract.places import Gazetteer
from harmwatch.extract.places.candidates import top_candidate
from harmwatch.extract.places.normalize import normalise
from harmwatch.extract.places.spans import ROUTE_WORDS
from harmwatch.extract.text import month_name_pattern, speech_verbs, weekday_pattern
from harmwatch.extract.wordindex import ODD_CASE_CHARS, index_of, may_hold

if TYPE_CHECKING:
    from harmwatch.extract.events import Place

__all__ = [
    "add_parent_regions",
    "is_reference_place",
    "late_locative",
    "merge_site_names",
    "merge_unit_names",
    "names_a_body",
    "national_countries",
    "promote_dateline",
    "refine_locations",
]

#: Characters before a mention read for a reference or whole-country frame.
BEFORE_WINDOW = 60
#: Characters before a mention read for a "taken to ... in X" frame (two coordinated
#: destinations fit in it).
MOVED_WINDOW = 110
#: Characters after a mention read for a possessive actor frame.
AFTER_WINDOW = 40
#: Features more specific than a country: a harm place of one of these inside a country makes
#: the bare country name redundant. Regions are not among them: reports name a province and
#: its country side by side as two levels of the same harm ("Sindh ... across Pakistan").
SPECIFIC_FEATURES = frozenset({"city", "village", "site"})

_COMPASS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
#: The frames of :data:`_REFERENCE_BEFORE` that start a word, and the two that may not; every
#: frame is followed by :data:`_REFERENCE_TAIL`, up to the place.
_REFERENCE_WORD_FRAMES = (
    rf"\b\d[\d.,]*\s*(?:nautical\s+)?(?:km|kms|kilomet(?:er|re)s?|miles?|m)\b[^.;]{{0,20}}?"
    rf"(?:{_COMPASS}\s+)?(?:of|from)",
    rf"\b{_COMPASS}\s+of",
    r"\bafter\s+the\s+capital,?",
    r"\b(?:war|conflict|dispute|talks)\s+over",
    # "protests in Yerevan" (where people protest), but not "a bombing at a rally in Peshawar"
    r"(?<!at a )(?<!at the )(?<!on a )(?<!on the )"
    # nor "a suicide bomber struck a protest by pharmacists on the Mall in Lahore"
    r"(?<!struck a )(?<!struck the )(?<!hit a )(?<!hit the )(?<!attacked a )(?<!attacked the )"
    r"(?<!targeted a )(?<!targeted the )"
    # (not the month: "killed on 25 March in El Ripial", "in March in Kidal")
    r"\b(?:protests?|demonstrations?|rall(?:y|ies)|vigils?|"
    r"(?<!\d )(?<!\d\d )(?<!in )(?<!on )(?<!of )(?<!early )(?<!late )(?<!mid-)(?<!since )"
    r"(?<!until )(?<!by )marche?s?(?!\s+\d))\b[^.;]{0,30}?\bin",
    r"\b(?:is|are|was|were|comes?|came|hails?)\s+from",
    # "a soldier from Lviv was killed near Chasiv Yar": where someone comes from
    r"\b(?:soldier|serviceman|servicemen|man|men|woman|women|resident|native|volunteer|"
    r"teacher|schoolteacher|doctor|nurse|journalist|student|pilgrim|conscript|marine|farmer|"
    r"engineer|driver|trader|shopkeeper|activist|paramedic|medic|worker|officer|policem[ae]n|"
    r"fisherm[ae]n|herder|priest|imam|pensioner|reporter|photographer)s?\s+from",
    # (not families or children "from" a place: those are mostly the displaced, and where they
    # fled from is where the harm happened)
    # "buried in their home city of Ternopil", "his native village of Chinari": where someone
    # comes from
    # (not "killed his father in their home village of Hostoun": harm told there; burials
    # there have a frame of their own)
    r"(?<!in his )(?<!in her )(?<!in their )(?<!in its )"
    r"\b(?:home|native)\s+(?:city|town|village|region|province|country|district)\s+of",
    # "were buried on Friday in their home city of Ternopil"
    r"\b(?:buried|laid\s+to\s+rest)\b[^.;]{0,30}?\bin\s+(?:his|her|their|its)\s+(?:home|native)\s+"
    r"(?:city|town|village|region|province|country|district)\s+of",
    # "firing from positions around occupied Enerhodar": where the fire came from
    r"\b(?:fir(?:ed|ing)|launch(?:ed|ing)|shell(?:ed|ing))\s+from\s+(?:(?:their|its|the)\s+)?"
    r"(?:[\w-]+\s+)?positions?\s+(?:around|near|in|at|outside)"
    r"(?:\s+(?:occupied|[\w-]+-(?:held|controlled)))?",
    # "a boat that set off from Sfax", "relief trucks set off from Kabul", "a jet arriving
    # from Bangkok": where a journey began
    r"\b(?:set\s+(?:off|out|sail)|departed|sailed|arriving|travell?ing|flying)\s+from",
    # "MSF called from Geneva for an inquiry", "a statement broadcast from Sanaa": where the
    # words were said
    r"\b(?:called|appealed|spoke|speaking|said|broadcast|statement|message)\s+"
    r"(?:[\w-]+\s+){0,3}?from",
    # "who has lived in Cairo since 2019": where someone lives now
    r"\b(?:(?:has|have|had)\s+(?:long\s+)?lived|who\s+(?:now\s+)?lives)\s+in",
    # "he will be buried in Lviv on Saturday", "was buried the next day in his native village
    # in the Nabatieh area": where the dead are buried (no harm told between)
    r"\b(?:buried|laid\s+to\s+rest)\b(?:(?!\b(?:killed|died|struck|shelled|hit|wounded)\b)"
    r"[^.;]){0,45}?\bin",
    # "a memorial service ... was held the same week at the Kyiv Pechersk Lavra", "elections
    # were held in", "the captives were held in a camp at": what was held there is no harm
    r"\b(?:was|were|is|are|being)\s+held(?:\s+[\w'’-]+){0,4}?\s+(?:at|in)",
    # "a vessel flying the flag of Panama": a ship's registry
    r"\bflag\s+of",
    # "far from the Nagorno-Karabakh conflict zone"
    r"\bfar\s+from",
    # "a town about 20 kilometres from the front line around Bakhmut", "some 300 km north of
    # the line of contact in Karabakh"
    r"\b\d[\d.,]*\s*(?:km|kilomet(?:er|re)s?|miles?)\b[^.;]{0,20}?\b(?:from|(?:north|south|"
    r"east|west)(?:-?(?:east|west))?\s+of)\s+the\s+(?:front(?:[\s-]*lines?)?|line\s+of\s+contact)"
    r"\s+(?:around|near|at|in|outside|of)",
    # "researchers at Yale University": where the sources work
    r"\b(?:researchers?|experts?|analysts?|professors?|scholars?|scientists?)\s+(?:at|from|of)",
    # "Medics at Nasser Hospital in Khan Younis said": where the sources work
    r"\b(?:medics|doctors|nurses|staff)\s+at",
    # "interviewed 87 displaced persons in Zugdidi", "interviews with 27 survivors in Bor": where
    # the witnesses were heard
    r"\binterview(?:ed|s|ing)?\b(?:\s+with)?(?:\s+[\w,-]+){0,6}?\s+(?:in|at)",
    # "the governor, reached by telephone in Maroua": where a source was reached
    r"\b(?:reached|contacted|speaking|interviewed)\s+by\s+(?:tele)?phone\s+(?:in|from|at)",
    # "the EU delegation in Manila", "the Greek Orthodox Patriarchate of Jerusalem" (not an
    # embassy or consulate: those are often what was hit)
    r"\b(?:delegation|patriarchate|think\s+tank)\s+(?:in|of)",
    # "the prisoner exchange between Kyiv and Moscow", "talks between Baku and Yerevan": the
    # parties to an exchange or to talks, named by their capitals or countries
    r"\b(?:exchanges?|swaps?|talks|negotiations|relations|dialogue)\s+between",
    # "the UN envoy in Muscat", "mediators in Juba", "talks in Doha": where diplomacy happens
    r"\b(?:envoys?|mediators?|negotiators?|talks|negotiations|summit)\s+(?:in|at)",
    # "in a statement from its headquarters at Laiza"
    r"\bfrom\s+(?:its|their|his|her|the)\s+headquarters\s+(?:in|at)",
    # "many of them remain in camps near Adré": where the displaced live now
    r"\b(?:remain|remained|remains|live|lives|living|shelter|sheltering|stay|staying|housed|"
    r"hosted)\s+in\s+(?:[\w-]+\s+){0,3}?(?:camps?|settlements?|shelters?)\s+"
    r"(?:near|in|at|around)",
    # "driven 50,000 people into camps around Baidoa": where the displaced went
    r"\b(?:into|to)\s+(?:[\w-]+\s+){0,2}?(?:camps?|settlements?|shelters?)\s+"
    r"(?:near|in|at|around|outside)",
    # "walked for days before reaching camps in Cox's Bazar": where the displaced arrived
    r"\b(?:reach(?:ed|ing)|arriv(?:ed|ing)\s+(?:at|in))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:camps?|settlements?|shelters?)\s+(?:near|in|at|around|outside)",
    # "according to a humanitarian source in Mopti", "calls to military contacts in Kabul":
    # where the informant is
    r"\b(?:sources?|contacts)\s+(?:in|at)",
    # "a peace deal was signed in Pretoria", "the accord signed in Doha": where an agreement
    # was signed
    r"\b(?:deal|agreement|accord|treaty|ceasefire|truce|protocol)s?\s+"
    r"(?:(?:was|were|had\s+been)\s+)?signed\s+(?:\w+\s+)?(?:in|at)",
    # "a ballistic missile made in North Korea", "drones manufactured in Iran": where a weapon
    # was made
    r"\b(?:missiles?|rockets?|drones?|shells?|munitions?|bombs?|weapons?|arms|ammunition|"
    r"rifles?|grenades?|mines|components|parts)\s+(?:(?:that|which)\s+)?(?:(?:was|were|had\s+been|"
    r"are|is)\s+)?(?:made|manufactured|produced|assembled|designed)\s+in",
    # "crossing back from Iraqi Kurdistan", "returning from the market in Sinjar": where a
    # journey began
    r"\b(?:back|returning)\s+from",
    # "since the war spread beyond Tigray": where a war came from
    # (not "spread from the capital Dhaka": where it began had harm too)
    r"\b(?:spread|spreading|spilled|spilling)\s+(?:[\w-]+\s+)?(?:beyond|outside)",
    # "staying with host families in towns such as Debark": where the displaced live now
    r"\bhost\s+(?:families|communities)\s+in\s+(?:(?:[\w-]+\s+){0,3}?(?:such\s+as|like|including))?",
)
_REFERENCE_OTHER_FRAMES = (
    r"(?:country|nation)['’]s\s+capital,?",
    # "Stepanakert, the capital of Nagorno-Karabakh, was shelled": the city is the place
    r",\s*the\s+(?:\w+\s+)?capital\s+of",
)
_REFERENCE_TAIL = (
    r"\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
    r"(?:(?:regional|provincial|state|district|national)\s+)?"
    r"(?:(?:town|city|village|capital|port|harbou?r)\s*,?\s+(?:of\s+)?)?$"
)
_REFERENCE_BEFORE = re.compile(
    "(?:"
    + "|".join(
        (
            *_REFERENCE_WORD_FRAMES[:3],
            _REFERENCE_OTHER_FRAMES[0],
            *_REFERENCE_WORD_FRAMES[3:10],
            _REFERENCE_OTHER_FRAMES[1],
            *_REFERENCE_WORD_FRAMES[10:],
        )
    )
    + ")"
    + _REFERENCE_TAIL,
    re.IGNORECASE,
)
#: The frames apart: a text matches :data:`_REFERENCE_BEFORE` where one of these does. The
#: word frames run at their words through the word index; the others hold "capital".
_REFERENCE_WORD_BEFORE = anchor(
    re.compile("(?:" + "|".join(_REFERENCE_WORD_FRAMES) + ")" + _REFERENCE_TAIL, re.IGNORECASE)
)
_REFERENCE_OTHER_BEFORE = re.compile(
    "(?:" + "|".join(_REFERENCE_OTHER_FRAMES) + ")" + _REFERENCE_TAIL, re.IGNORECASE
)
#: Where the wounded or the displaced were taken ("taken to the health centre in the nearby
#: town of Bule and to the general hospital in Bunia"): a destination, not a harm place.
_MOVED_TO = re.compile(
    r"(?:\b(?:taken|transported|evacuated|moved|brought|rushed|fled|transferred|relocated|"
    r"admitted|airlifted|flown|shifted)\s+(?:\w+\s+)?(?:to|into)\b"
    # "to evacuate the injured to hospitals in Jalalabad and Kabul"
    r"|\bevacuat(?:e|es|ing)\s+(?:the\s+)?(?:\w+\s+)?(?:to|into)\b"
    # "was evacuated by ferry across the Caspian Sea": the way the displaced went
    r"|\b(?:evacuated|taken|transported|moved|ferried|bussed)\s+(?:by\s+\w+\s+)?"
    r"(?:from\s+[\w'’-]+\s+)?(?:across|through|via)\b"
    # "had left for Pichari and Llochegua", "arrived by boat in Pemba": where the displaced went
    r"|\b(?:left|headed|set\s+off|bound)\s+for\b|\barrived\s+(?:by\s+\w+\s+)?(?:in|at)\b"
    # "families have left Abu Salim for relatives' homes in Janzour"
    r"|\b(?:left|fled)\s+(?:[\w'’-]+\s+){1,3}?for\s+(?:[\w'’-]+\s+){0,2}?(?:homes?|houses?|"
    r"relatives|families|friends|camps?|shelters?|safety|safer)\b"
    # "the aircraft took off from Aghdam": where a flight began
    r"|\b(?:took\s+off|taken\s+off|taking\s+off|take-?off)\s+from\b)"
    # "taken to a hospital in X after the strike on Y": Y is where the harm happened; a comma
    # only right before the place ("fled to the state capital, Gusau")
    r"(?:(?!\b(?:after|following|before|during)\b)(?:[^.;,]|,\s*$)){0,80}$",
    re.IGNORECASE,
)
#: A river, sea or strait named only to locate a bridge, a dam or a flight: "the road bridge
#: over the Desna river", "the Qara Qozak bridge on the Euphrates", "bombers that flew in over
#: the Black Sea"; and "Nikopol, across the Dnipro river from the nuclear plant".
_WATER_REFERENCE_BEFORE = re.compile(
    r"\b(?:(?:bridges?|dams?|crossings?)\s+(?:[\w-]+\s+){0,2}?(?:over|on|across)|"
    r"(?:flew|flying|flown|fly)\s+(?:in\s+)?over)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: The words before an optional "the" that every match of _WATER_REFERENCE_BEFORE ends in.
_WATER_LAST = ("over", "on", "across")
_WATER_ACROSS_BEFORE = re.compile(r"\bacross\s+the\s+$", re.IGNORECASE)
_BANK_OF_BEFORE = re.compile(r"\bbanks?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: "the first refugees crossed the Hakari bridge into Armenia", "Venezuelans who have crossed
#: the Arauca river": a bridge, river or crossing point passed on the way.
_CROSSED_BEFORE = re.compile(r"\bcross(?:ed|ing|es)?\s+(?:over\s+)?the\s+$", re.IGNORECASE)
#: The words before "the" that every match of _CROSSED_BEFORE ends in.
_CROSSED_LAST = ("cross", "crossed", "crossing", "crosses", "over")
_WATER_FROM_AFTER = re.compile(r"\s+(?:river\s+)?from\b", re.IGNORECASE)
_PORT_AFTER = re.compile(r"\s+ports?\b")
_NAMED_ON_WATER_BEFORE = re.compile(
    rf"\b(?!(?:{weekday_pattern(capitalised=True)}|{month_name_pattern(capitalised=True)})\b)"
    r"[A-Z][\w'’-]+\s+(?:on|in)\s+the\s+$"
)
_WATER_NAME = re.compile(r"\b(?:Sea|River|Gulf|Lake|Bay|Strait)\b")
#: Where the wounded are treated ("82 were still being treated in hospitals in Mosul, Erbil and
#: Qaraqosh", "airlifted to hospitals in Yerevan"): not where the harm happened, unless the
#: hospitals are what was hit.
_TREATED_IN = re.compile(
    # "investigators visited the hospitals in Mopti": a hospital visited is not where the harm
    # was either
    r"\b(?:treated|hospitali[sz]ed|admitted|airlifted|flown|are|were|remain|remained|still|"
    r"died|recovering|visited)\b"
    r"(?:(?!hit\b|struck|strike|attack|shell|bomb|raid|storm)[^.;]){0,70}?"
    r"\b(?:hospitals?|health\s+cent(?:re|er)s?|clinics?|medical\s+cent(?:re|er)s?)\s+"
    r"(?:in|of|at|near)\s+(?:(?!\b(?:after|following|before|during)\b)[\w'’ ,-]){0,60}$"
    # "six were being treated for serious injuries in Maiduguri"
    r"|\b(?:treated|receiving\s+treatment)\s+(?:for\s+[\w ,-]{1,40}?\s+)?in\s+(?:the\s+)?$"
)
#: Where the wounded are cared for, right before a hospital's name.
_CARED_IN_BEFORE = re.compile(
    r"\b(?:remain|remained|remains|treated|recovering|hospitali[sz]ed|being\s+cared\s+for|"
    # "four of the wounded were in a serious condition at al-Thawra hospital", "doctors at the
    # overcrowded Justinien University Hospital struggled to treat"
    r"receiving\s+treatment|in\s+(?:a\s+)?(?:serious|critical|stable|grave)\s+condition|"
    r"doctors|surgeons|nurses|medics)"
    r"\s+(?:(?:at|in)\s+)(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: What follows a town named as a likeness ("the Hiroshima of the Caucasus", "the Stalingrad of
#: Ukraine").
_EPITHET_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
#: A road named after the towns at its ends ("the Gyumri-Yerevan motorway", "the Kabul–Kandahar
#: highway"): the towns are not where the harm on it happened.
_ROUTE_END_AFTER = re.compile(
    rf"[-–](?:[A-Z][\w'’]*)(?:\s[A-Z][\w'’]*)?\s+{ROUTE_WORDS}\b", re.IGNORECASE
)
_ROUTE_START_BEFORE = re.compile(r"[A-Z][\w'’]*[-–]$")
_ROUTE_WORD_AFTER = re.compile(rf"\s+{ROUTE_WORDS}\b", re.IGNORECASE)
#: A site's name that says people are cared for there ("the Amai Pakpak Medical Center").
_CARE_SITE = re.compile(r"hospital|medical\s+cent(?:er|re)|clinic|infirmary", re.IGNORECASE)


#: The words one of which every match of :data:`_CARE_SITE` holds: a window without one is not
#: scanned (the pattern, with no literal to skip ahead to, is tried at every character).
_CARE_SITE_WORDS = ("hospital", "clinic", "medical", "infirmary")


def end_words(before: str) -> tuple[bool, str] | None:
    """For an exact test of the last words a pattern anchored with ``$`` at the end of
    ``before`` can match (such patterns, with no literal to skip ahead to, are otherwise tried
    at every character): whether ``before``, lower-cased and without its trailing spaces, ends
    in "the", and that string without this "the" and the spaces before it. None when
    ``before`` holds a letter of :data:`~harmwatch.extract.wordindex.ODD_CASE_CHARS`, which
    lower() does not map the way a case-insensitive pattern reads it."""
    if not before.isascii() and any(c in before for c in ODD_CASE_CHARS):
        return None
    end = before.rstrip().lower()
    if end.endswith("the"):
        return True, end[:-3].rstrip()
    return False, end


#: The rest of a care site's name after a place inside it ("Yobe [State Specialist Hospital]").
_CARE_SITE_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Hospital|Medical\s+Cent(?:er|re)|Clinic|Infirmary)\b"
)
#: "one was a citizen of Georgia", "nationals of Thailand": a country naming a nationality.
_NATIONALITY_OF_BEFORE = re.compile(
    r"\b(?:citizens?|nationals?|natives?|passport\s+holders?)\s+of\s+(?:the\s+)?$"
)
#: Words one of which every match of _MOVED_TO / _REFERENCE_BEFORE holds: a plain substring
#: test rejects most windows before the (slower, end-anchored) pattern runs.
_MOVED_WORDS = (
    "airlifted",
    "flown",
    "taken",
    "transported",
    "evacuat",
    "moved",
    "brought",
    "rushed",
    "fled",
    "transferred",
    "relocated",
    "admitted",
    "shifted",
    "left ",
    "headed for",
    "set off for",
    "bound for",
    "off from",
    "take-off from",
    "takeoff from",
    "arrived",
    "ferried",
    "bussed",
)
_REFERENCE_WORDS = (
    "signed",
    "km",
    "kilomet",
    "mile",
    " m ",
    *(f"{d}m" for d in "0123456789"),
    "north",
    "south",
    "east",
    "west",
    "capital",
    "war ",
    "conflict",
    "dispute",
    "talks",
    "exchange",
    "swap",
    "relations",
    "dialogue",
    "protest",
    "demonstration",
    "rall",
    "vigil",
    "march",
    "from",
    "research",
    "expert",
    "analyst",
    "professor",
    "scholar",
    "scientist",
    "camp",
    "settlement",
    "shelter",
    "buried",
    "laid to rest",
    "interview",
    "phone",
    "held",
    "delegation",
    "patriarchate",
    "think tank",
    "flag",
    "medics",
    "doctors",
    "nurses",
    "staff",
    "lived",
    "lives",
    "envoy",
    "mediator",
    "negotiat",
    "summit",
    "headquarters",
    "made in",
    "manufactured in",
    "produced in",
    "assembled in",
    "designed in",
    "spread",
    "spill",
    "host ",
    # (the frames "home / native city of" and "sources / contacts in" were never tried
    # without these)
    "home ",
    "native ",
    "source",
    "contacts",
)
#: "which the state calls", "what locals call": another name given to the place just named.
_CALLED_BY = r"(?:which|what)\s+(?:[\w'’-]+\s+){1,3}?calls?"
#: Another name of the place just named, not a second place: "the village of Roboski, which
#: the state calls Ortasu", "Khankendi (known as Stepanakert)"; but "Beirut's southern suburbs,
#: known as Dahiyeh" name it first. (Case-sensitive: a name's capital ends the place before.)
_ALIAS_BEFORE = re.compile(
    rf"\b[A-Z][\w'’-]*\s*(?:,|\()\s*(?:{_CALLED_BY}|"
    r"(?:also\s+|locally\s+|officially\s+|formerly\s+)?(?:known|referred\s+to)\s+as)\s+$"
)
#: An appeal naming its addressees and its scope ("called on ... Russia to hold its forces
#: accountable", "calls on the Security Council to extend the arms embargo on Darfur to the
#: whole of Sudan"): countries and regions after it are not where harm happened.
_CALL_ON = re.compile(r"\b(?:calls?|called|calling|urges?|urged|urging)\s+(?:on|upon)\b[^.;]*$")
#: A place naming a party or an institution ("Baku's allegations", "Lebanon's health
#: ministry", "Nagorno-Karabakh forces", "the United States Department of State"), or holding
#: the place where harm happened ("Nagorno-Karabakh's city of Shusha").
#: "the New Zealand pilot", "two Thailand nationals": a country naming someone's nationality.
_NATIONALITY_AFTER = re.compile(
    r"^[ -](?:born\s+)?(?:pilots?|citizens?|nationals?|journalists?|reporters?|hostages?|"
    r"tourists?|students?|engineers?|doctors?|nurses?|aid\s+workers?|missionar(?:y|ies)|"
    r"passport\s+holders?)\b"
)
_ACTOR_AFTER = re.compile(
    r"^['’]s?\s+(?:\w+\s+){0,2}?(?:allegations?|claims?|accusations?|ministry|ministers?|"
    r"government|army|"
    r"armed|forces|military|president|foreign|defen[cs]e|prosecutor|authorities|officials?|"
    r"ambassador|envoy|representatives?|leadership|troops|side|statement|position|"
    r"administration|authority|(?:city|town|village|region|province|district)s?\s+of|"
    # "Tehran's nuclear programme", "Moscow's negotiators"
    r"programme|program|regime|negotiators?|delegation|intelligence)\b"
    r"|^['’]s\s+(?:\w+\s+){0,2}(?:minority|minorities|people|population|citizens|community|"
    r"nationals|diaspora)\b"
    # "the Gaza health ministry said", "the Kharkiv emergency service"
    r"|^\s+(?:health|interior|defen[cs]e|foreign|emergenc(?:y|ies)|education|culture|information)"
    r"\s+(?:ministry|minister|department|office|authorities|officials|services?)\b"
    r"|^\s+(?:forces|troops|army|authorities|separatists|department|embassy|government|"
    r"military|officials|ministry|wing|branch|affiliate|regime)\b"
    # "28 soldiers of the Benin Armed Forces": a force named after its country
    r"|^\s+(?:Armed\s+Forces|Defen[cs]e\s+Forces|Air\s+Force|Army|Navy|National\s+Guard)\b"
    # "the self-proclaimed Donetsk People's Republic"
    r"|^\s+People['’]s\s+Republic\b"
    # "the OSCE Minsk Group", "the Minsk agreements": a body or a treaty named after a city
    r"|^\s+(?:Group|[Aa]greements?|Accords?|Protocols?|[Ff]ormat|Declaration|Summit)\b"
    # "Odesa regional governor Oleh Kiper said": the office speaking, not the harm place
    r"|^\s+(?:regional\s+|region\s+|city\s+|oblast\s+)?(?:governor|mayor|police\s+chief|"
    r"military\s+administration)\b"
    # "the Kharkiv Regional Military Administration", "the Donetsk Regional Prosecutor's
    # Office", "the Kabul Times": a body named after its place
    r"|^\s+(?-i:(?:Regional|City|Oblast|Provincial|District)\s+)?(?-i:(?:Military\s+)?"
    r"(?:Administration|Prosecutor|Court|Council|Times|Post|Herald|Tribune|Radio|Television|"
    r"Police|Liberation|Independence|Army|Organi[sz]ation|Front|Movement|Party|Brigades?))\b"
    # "a Homs native": where someone comes from
    r"|^\s+natives?\b",
    re.IGNORECASE,
)
#: A verb of speaking, gathering or publishing, then "in"/"from" and the place (a few words
#: between): where a statement was made or people gathered. The place is not one of harm
#: unless a harm word stands between ("said shelling in Kharkiv killed two" keeps Kharkiv).
_SPOKEN_FROM = re.compile(
    r"\b(?:" + speech_verbs("condemned", "demanded", "spoke", "speaking") + "|"
    r"protested|marched|rallied|demonstrated|gathered|issued|released|presented|published|"
    r"wrote|writing|posted|tweeted|(?:video\s+)?message|press\s+conference|briefing|speech|"
    # "the Security Council met in emergency session in New York", "sworn in in New Delhi"
    r"met|convened|sworn)\b"
    # "families gathered at the Rigasa station in Kaduna": at a place too
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:in|from|at)\s+(?:the\s+)?"
    # "protested in Istanbul and Amman": the places of one list
    r"(?:[\w'’-]+\s*(?:,|\band\b)\s+){0,3}"
    r"(?:(?:Thai|border|capital|city|town|[\w'’-]+\s+border)\s+(?:town\s+|city\s+)?(?:of\s+)?)?$",
    re.IGNORECASE,
)
_SPOKEN_FROM_ANCHORED = anchor(_SPOKEN_FROM)
#: The nouns of :data:`_SPOKEN_FROM` right before the place ("condemned the raid in a speech in
#: Ramallah"): read on their own when the verb before them governs a harm word.
_SPOKEN_NOUN_FROM = re.compile(
    r"\b(?:(?:video\s+)?message|press\s+conference|briefing|speech|statement)\s+(?:in|from)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being|are|is)\s+(?:\w+\s+)?$")
_COMPLEMENT_BEFORE = re.compile(r"\b(?:of|in|from|at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)
#: How far before a place a verb of speaking is looked for, and how close to the place its
#: "in"/"from" must be (three list names at most: "protested in Istanbul and Amman").
SPOKEN_WINDOW = 110
SPOKEN_LIST_CHARS = 60
#: A capital or country that speaks is its government: "Warsaw and Vilnius condemned the
#: strike", "Beijing demanded an investigation", "Rwanda denies supporting the rebels".
_SPEAKS_AFTER = re.compile(
    # the place alone, with a verb in the singular or the past ("residents of Kherson say"
    # is no government speaking); with "and" a plural one ("Kinshasa and UN experts say")
    r"^\s*,?\s+and\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+(?:say|condemn|demand|deny|accuse)\b"
    r"|^(?:\s*,?\s+and\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?\s+(?:has\s+|have\s+)?"
    # "Baku has not published its military losses", "Moscow did not comment"
    r"(?:(?:has|have|had|did|does)\s+not\s+(?:yet\s+)?(?:published|publish|confirmed|confirm|"
    r"commented|comment|disclosed|disclose|released|release|given|give)\b|"
    r"said|says|condemned|condemns|"
    r"demanded|demands|denied|denies|accused|accuses|blamed|blames|rejected|rejects|urged|urges|"
    r"warned|warns|insisted|insists|responded|protested|protests|announced|announces|"
    r"called\s+(?:for|on)|calls\s+(?:for|on))\b"
    # "In Washington, the Pentagon said": the place of the statement, then its speaker
    r"|^,\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,4}(?:said|says|announced|confirmed|denied)\b"
)
#: Verbs of a government's stance that other subjects use too ("Refugees who fled Mariupol
#: described ..."): the place is the government only as the clause's subject ("Baku
#: acknowledges holding about 40").
_STANCE_AFTER = re.compile(
    r"^\s+(?:has\s+|have\s+)?(?:described|describes|acknowledged|acknowledges|admitted|admits|"
    r"claimed|claims)\b"
)
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[.;:]\s+|;\s*|,\s+and\s+|\bbut\s+)$")
_WHOLE_COUNTRY = re.compile(
    r"(?:\b(?:across|throughout|all\s+over|all\s+of|nationwide\s+in|whole\s+of|entire|"
    r"parts\s+of|regions\s+of|provinces\s+of)\s+(?:the\s+)?"
    # "south and east Lebanon": harm spread over several parts of the country
    rf"|\b{_COMPASS}\s+and\s+)$",
    re.IGNORECASE,
)
#: "South Lebanon", "north-west Syria", "East Lebanon": a bare compass word (not "southern")
#: names a part of a country the way reports and analysts file harm (rule 4), kept next to
#: the villages in it; "southern Lebanon" stays a compass area.
_NAMED_PART = re.compile(
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+[A-Z]",
    re.IGNORECASE,
)
_COMPASS_WORD = re.compile(
    r"^(?:north|south|east|west|central|northeast|northwest|southeast|southwest)"
    r"(?:ern|-eastern|-western)?\s+",
    re.IGNORECASE,
)
#: Every match of _LOCATIVE_HARM holds one of these words (a cheap first test).
_HARM_WORD = re.compile(
    r"\b(?:casualt|victim|death|dead|died|kill|wound|injur|destr|damag|struck|shell|bomb|hit|fight|"
    r"fled|displac|detain|arrest|"
    r"clash|loss|battle|assault|attack|offensive|raid|massacr|explo|blast|storm|overran|burn|"
    r"torch|loot|blew|deton|abduct|kidnap|execut|shot|worst|hardest|most|badly|severely|"
    r"went off|came under|coming under|comes under)",
    re.IGNORECASE,
)
_HARM_WORD_ANCHORED = anchor(_HARM_WORD)
#: A coarse place right after a named one locates it ("Goma in eastern Congo", "Kramatorsk,
#: eastern Ukraine", "El Fasher, Darfur, Sudan"): the text says where the first place is.
_APPOSITION = re.compile(r"[A-Z][\w'’-]+,?\s*(?:,|\bin)\s+(?:the\s+)?(?:[a-z]+-)?$")
#: A lowercase word after a town's name that makes the name an administrative unit or a
#: natural feature ("Madaya township", "San Juan river"): the text names that, not the town.
_UNIT_AFTER = re.compile(
    r" (township|district|province|region|county|governorate|oblast|raion|rayon|municipality|"
    r"territory|department|river|valley|local government area|LGA)"
    r"s?\b"
)
_UNIT_FEATURE = {"river": "area", "valley": "area"}
#: A unit word shared by a coordinated name after the mention: "(southern Idlib) and western
#: Aleppo provinces" makes both names provinces.
_SHARED_UNIT_AFTER = re.compile(
    r" and (?:(?:north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?"
    r"\s+)?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? "
    r"(province|district|region|county|governorate|oblast|municipalit|territor|department)"
    r"(?:s|ies)\b"
)
_DEDICATION = re.compile(r"(?:Church|Cathedral|Mosque|Monastery|Chapel|Shrine|Temple)\s+of\s")
#: A sea, gulf or mountain named after a town ("the Gulf of Aden", "Mount Sinjar"): the text
#: names the natural feature, which is where the harm happened.
_NATURAL_BEFORE = re.compile(r"\b((?:Gulf|Bay|Sea|Strait|Straits|Mount|Mt\.?)\s+(?:of\s+)?)$")
#: A sentence without a category cue that still places harm ("casualties occurred in"): any
#: of these alternatives.
_LOCATIVE_HARM_BRANCHES = (
    r"\b(?:casualties|victims|deaths|dead|killed|killings?|wounded|injured|destroyed|damaged|"
    r"destruction|struck|shelled|bombed|hit|fighting|clashes|losses|battles?|assault|attack|"
    r"attacking|offensive|raid|massacre|explosion|blast|bombs?|stormed|overran|raided|"
    r"burned|burnt|torched|looted|blew|exploded|detonated|abducted|kidnapped|executed|"
    r"massacred|shot|went off|"
    r"c(?:ame|oming|omes?) under (?:\w+ )?(?:fire|shelling|attack|bombardment))\b[^.;]{0,60}?"
    r"\b(?:in|at|on|near)\b",
    # "the southern towns of A and B, where more people were killed"
    r",\s+where\b[^.;]{0,40}?\b(?:(?:was|were|had\s+been|have\s+been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|destroyed|damaged|shelled)|died)\b",
    r"\b(?:worst|hardest|most|badly|severely)[- ](?:hit|affected)\b",
    r"\b(?:attacked|shelled|bombed|struck|hit|stormed|raided|targeted|captured)\s+(?:the\s+)?"
    r"(?:towns?|city|cities|villages?|settlements?)\s+of\b",
    r"\b(?:in|at)\b[^.;]{0,60}?\b(?:casualties|victims|deaths|were\s+killed|were\s+wounded|"
    r"were\s+destroyed|were\s+damaged)\b",
)
_LOCATIVE_HARM = re.compile("|".join(_LOCATIVE_HARM_BRANCHES), re.IGNORECASE)
#: The alternatives one by one, anchored: the pattern matches in a sentence iff one of them
#: does, and those that open with a word run at their words through the word index.
_LOCATIVE_HARM_PARTS = tuple(anchor(re.compile(b, re.IGNORECASE)) for b in _LOCATIVE_HARM_BRANCHES)


#: A visit told after the place: "the president was in Sweden for talks", "in Brussels for a
#: summit".
_VISIT_AFTER = re.compile(
    r" for (?:an? )?(?:official |state |working )?(?:talks|visit|meetings?|summit|negotiations|"
    r"conference|consultations)\b"
)
#: A page's list of other stories run into the article's line: "RELATED: Aden currency falls |
#: Cholera cases rise in Hajjah" (the headlines after it are other stories).
_OTHER_STORIES = re.compile(
    r"\b(?:RELATED|Related(?:\s+(?:stories|articles|news))?|READ\s+MORE|Read\s+more|SEE\s+ALSO|"
    r"See\s+also|MORE\s+ON\s+THIS|More\s+on\s+this(?:\s+story)?|"
    # a news ticker over the page: "Breaking: Senate passes amended Army Act bill", "Flash
    # info: Kaya – water cuts · Boulsa: onion prices fall"
    r"(?<![^\n])(?:BREAKING|Breaking|LATEST|Latest|TRENDING|Trending|FLASH|Flash(?:\s+info)?))"
    r"\s*:"
)
#: Characters before a place searched for :data:`_OTHER_STORIES` on its line.
OTHER_STORIES_WINDOW = 200


def _in_other_stories(text: str, place: Place) -> bool:
    """Whether ``place`` stands after a "RELATED:" marker on its own line."""
    lo = max(0, place.start - OTHER_STORIES_WINDOW, text.rfind("\n", 0, place.start) + 1)
    return (
        ":" in text[lo : place.start] and _OTHER_STORIES.search(text, lo, place.start) is not None
    )


def is_reference_place(text: str, sent_start: int, place: Place) -> bool:
    """A place only used to locate another one, naming a party, or where people were moved
    to (rules 1 and 2), or named in a list of other stories run into the line."""
    if _in_other_stories(text, place):
        return True
    if (
        place.feature in ("city", "village")
        and text[max(0, place.start - 4) : place.start] == "the "
        and _EPITHET_AFTER.match(text, place.end)
    ):
        return True  # "called Aghdam the Hiroshima of the Caucasus": a likeness, not a place
    if _ROUTE_END_AFTER.match(text, place.end) or (
        text[place.start - 1 : place.start] in ("-", "–")
        and _ROUTE_START_BEFORE.search(text, max(0, place.start - 40), place.start)
        and _ROUTE_WORD_AFTER.match(text, place.end)
    ):
        return True  # "on the Gyumri-Yerevan motorway": the ends of a road
    lo = max(sent_start, place.start - MOVED_WINDOW)
    window = text[lo : place.start].lower()
    if any(w in window for w in _MOVED_WORDS) and _MOVED_TO.search(window):
        return True
    if (
        "treat" in window or (may_hold(window, _CARE_SITE_WORDS) and _CARE_SITE.search(window))
    ) and _TREATED_IN.search(window):
        return True
    if (
        _CARE_SITE.search(place.mention) or _CARE_SITE_AFTER.match(text, place.end)
    ) and _CARED_IN_BEFORE.search(window):
        return True  # "10 of them remain in the Government Medical College hospital"
    # the crossing, bank and water patterns below end in "the" after a known word, or in such a
    # word, right before the place: an exact test of those words skips them when they cannot
    # match (every window below ends at the place and is inside this one)
    ends = end_words(text[max(sent_start, place.start - 40) : place.start])
    if (ends is None or (ends[0] and ends[1].endswith(_CROSSED_LAST))) and _CROSSED_BEFORE.search(
        text, max(sent_start, place.start - 24), place.start
    ):
        return True
    if (ends is None or ends[1].endswith("of")) and _BANK_OF_BEFORE.search(
        text, max(sent_start, place.start - 20), place.start
    ):
        return True  # "on the right bank of the Dnipro": the river locates the harm
    if (
        (ends is None or ends[1].endswith(_WATER_LAST))
        and _WATER_REFERENCE_BEFORE.search(text, max(sent_start, place.start - 40), place.start)
    ) or (
        (ends is None or (ends[0] and ends[1].endswith("across")))
        and _WATER_ACROSS_BEFORE.search(text, max(sent_start, place.start - 12), place.start)
        and _WATER_FROM_AFTER.match(text, place.end)
    ):
        return True  # "the road bridge over the Desna river", "flew in over the Black Sea"
    if _WATER_NAME.search(place.mention) and (
        _PORT_AFTER.match(text, place.end)
        or _NAMED_ON_WATER_BEFORE.search(text, max(sent_start, place.start - 40), place.start)
    ):
        # "Georgia's main Black Sea port", "Bandar Abbas on the Strait of Hormuz", "Snake
        # Island in the Black Sea": the port, the city or the island is the place
        return True
    if text.startswith(" for ", place.end) and _VISIT_AFTER.match(text, place.end):
        return True  # "was in Sweden for talks on fighter jets": where someone visits
    if text.startswith("-based", place.end) or "-based " in place.mention:
        return True  # "the Stepanakert-based university": an attribute of an organisation
    if place.feature in ("country", "region") or text.startswith(" to ", place.end):
        # "called on Moscow to release them": a capital named as its government
        prefix = text[sent_start : place.start]
        if ("call" in prefix or "urg" in prefix) and _CALL_ON.search(prefix):
            return True
    if ("call" in window or " as " in window) and _ALIAS_BEFORE.search(
        text, max(sent_start, place.start - 60), place.start
    ):
        return True
    # The frames below are searched in the lower-cased window; with the document's word
    # index (whose words are those of the lower-cased text, at the same offsets) they are
    # tried only at their candidate words, which gives the same matches.
    words = index_of(text)
    if words is not None and not words.exact:
        words = None  # odd-case letters: every frame is scanned, none pre-tested by "capital"
    before = window[-BEFORE_WINDOW:]
    if any(w in before for w in _REFERENCE_WORDS) and (
        _REFERENCE_BEFORE.search(before)
        if words is None
        else (
            ("capital" in before and _REFERENCE_OTHER_BEFORE.search(before))
            or words.search_in(
                _REFERENCE_WORD_BEFORE, place.start - len(before), place.start, before
            )
        )
    ):
        return True
    # every match ends in "in"/"from" and up to three list names before the place
    tail = window[-SPOKEN_WINDOW:]
    near = tail[-SPOKEN_LIST_CHARS:]
    spoken = (
        None
        if " in " not in near and " from " not in near and " at " not in near
        else _SPOKEN_FROM.search(tail)
        if words is None
        else words.search_in(_SPOKEN_FROM_ANCHORED, place.start - len(tail), place.start, tail)
    )
    if spoken and _HARM_WORD.search(tail, spoken.start()):
        spoken = _SPOKEN_NOUN_FROM.search(tail, max(0, len(tail) - 40))
    if (
        spoken
        and not _HARM_WORD.search(tail, spoken.start())
        # "deaths were also reported in Takhar": a passive verb says where they happened
        and not _PASSIVE_BEFORE.search(tail, 0, spoken.start())
    ):
        # "the mayor said in a video message from Kyiv", "protested in Istanbul and Amman",
        # "a report released in Nairobi": where people speak or gather, not where harm was
        return True
    if place.feature in ("country", "city", "region"):
        after = text[place.end : place.end + AFTER_WINDOW]
        if _ACTOR_AFTER.match(after):
            return True
        if _SPEAKS_AFTER.match(after) and not _COMPLEMENT_BEFORE.search(
            text, max(sent_start, place.start - 20), place.start
        ):
            # (not "Residents of Kumbo said": there the residents speak)
            return True
        if _STANCE_AFTER.match(after) and (
            place.start <= sent_start
            or _CLAUSE_START_BEFORE.search(text[max(sent_start, place.start - 10) : place.start])
        ):
            return True
        if place.feature == "country" and (
            _NATIONALITY_AFTER.match(after)
            # (every match, case-sensitive in the lower-cased window, ends in "of" and an
            # optional "the": an exact test of those words skips the rest)
            or (
                window.rstrip().removesuffix("the").rstrip().endswith("of")
                and _NATIONALITY_OF_BEFORE.search(window)
            )
        ):
            return True
    return False


def late_locative(text: str, start: int, end: int, disaster: bool = False) -> bool:
    """Whether a sentence without a category cue places casualties or damage (rule 5); a
    sentence with a disaster word ("an explosion at a fuel depot in X") always does.

    The harm word, and then each alternative of the locative pattern, is looked up at its
    candidate words when the document's word index is at hand (:func:`index_of`), instead
    of by a scan of the whole sentence."""
    if disaster:
        return True
    words = index_of(text)
    harm = (
        _HARM_WORD.search(text, start, end)
        if words is None
        else words.search(_HARM_WORD_ANCHORED, start, end)
    )
    if harm is None:
        return False
    if words is None:
        return _LOCATIVE_HARM.search(text, start, end) is not None
    return any(words.search(ap, start, end) is not None for ap in _LOCATIVE_HARM_PARTS)


@lru_cache(maxsize=4096)
def _base_place(base: str) -> tuple[str, str, str | None] | None:
    """(name, feature, country) of the place a compass area is built on, from the gazetteer."""
    gz = Gazetteer.open()
    rows = gz.index.lookup(normalise(base))
    if not rows:
        return None
    best = top_candidate(rows)
    return best.name, best.feature, best.country


def _compass_base(place: Place) -> tuple[str, str, str | None] | None:
    """For a compass area ("eastern Aleppo"), the place it is built on."""
    if place.feature != "area":
        return None
    m = _COMPASS_WORD.match(place.mention)
    if m is None:
        return None
    base = " ".join(place.mention[m.end() :].split())
    return _base_place(base) if base else None


def _whole_country(text: str, place: Place) -> bool:
    before = text[max(0, place.start - BEFORE_WINDOW) : place.start]
    return _WHOLE_COUNTRY.search(before) is not None


def refine_locations(
    text: str, groups: list[list[Place]], national: frozenset[int] = frozenset()
) -> list[list[Place]]:
    """Rules 3 and 4 over every event's places at once (see the module docstring).

    ``national`` holds the ids of country mentions whose sentence gives a count and no more
    specific place ("105 social leaders murdered in Colombia"): a national toll is harm
    reported at the country's level, so such a country stays.
    """
    bases: dict[int, tuple[str, str, str | None] | None] = {}
    for places in groups:
        for p in places:
            if p.feature == "area":
                bases[id(p)] = _compass_base(p)
    # Countries holding a specific harm place (a city, village, site or region of their own).
    covered: set[str] = set()
    for places in groups:
        for p in places:
            if p.country and (
                p.feature in SPECIFIC_FEATURES
                or (p.feature == "area" and _is_sub_country(bases.get(id(p))))
            ):
                covered.add(p.country)
    out: list[list[Place]] = []
    for places in groups:
        kept: list[Place] = []
        for p in places:
            if _generic_site(p) or _overlaps_known_site(p, places) or _community(text, p):
                continue
            if _inside_site(p, places):
                continue
            if _inside_dedication(p, places) or _bare_compass(p) or _attribute(text, p):
                continue
            if _bracketed_address(text, p, places):
                continue
            natural = _NATURAL_BEFORE.search(text, max(0, p.start - 12), p.start)
            if natural is not None and p.feature != "site":
                begin = natural.start(1)
                kept.append(
                    replace(
                        p,
                        start=begin,
                        mention=text[begin : p.end],
                        name=" ".join(text[begin : p.end].split()),
                        feature="area",
                        alternates=(),
                    )
                )
                continue
            cue_region = p.feature == "region" and p.lat is None and p.geonameid is None
            unit = (
                _UNIT_AFTER.match(text, p.end)
                if p.feature in ("city", "village") or cue_region
                else None
            )
            if unit is not None:
                word = unit.group(1)
                as_unit = replace(
                    p,
                    end=unit.end(),
                    mention=text[p.start : unit.end()],
                    name=f"{' '.join(p.mention.split())} {word}",
                    feature=_UNIT_FEATURE.get(word, "region"),
                    alternates=_merge((p.name, *p.alternates)),
                )
                if not (
                    as_unit.feature == "region"
                    and (
                        _container(text, as_unit, places) or _setting_region(text, as_unit, places)
                    )
                ):
                    kept.append(as_unit)
                continue
            base = bases.get(id(p))
            if p.feature == "area" and _is_sub_country(base):
                assert base is not None
                name = base[0]
                unit = _UNIT_AFTER.match(text, p.end) or _SHARED_UNIT_AFTER.match(text, p.end)
                if unit is not None and unit.group(1) not in _UNIT_FEATURE:
                    # "western Aleppo province(s)", "southern Idlib and western Aleppo
                    # provinces": the province, not the city
                    name = f"{_strip_compass(p.mention)} {unit.group(1)}"
                feature = "region" if name != base[0] else base[1]
                kept.append(
                    replace(
                        p, name=name, feature=feature, alternates=_merge((p.name, *p.alternates))
                    )
                )
                continue
            named_part = p.feature == "area" and _NAMED_PART.match(p.mention) is not None
            country_level = p.feature == "country" or (
                p.feature == "area" and base is not None and base[1] == "country" and not named_part
            )
            if (
                country_level
                and p.country in covered
                and id(p) not in national
                and not _whole_country(text, p)
            ):
                continue
            coarse = p.feature == "country" or (p.feature == "area" and not named_part)
            if coarse and _APPOSITION.search(text, max(0, p.start - BEFORE_WINDOW), p.start):
                continue
            if p.feature == "region" and _container(text, p, places):
                continue
            if p.feature in ("city", "region") and _owner_of(text, p, places):
                continue  # "Khojavend's Edilli village": the district is the village's address
            if p.feature == "region" and _setting_region(text, p, places):
                continue
            if (
                p.feature in ("city", "village", "locality")
                and _TOWN_UNIT_OF_BEFORE.search(text, max(0, p.start - 30), p.start)
                and _container(text, p, places)
            ):
                continue  # "Sobane Da, in the commune of Sangha, cercle of Bandiagara": units'
                # names given as a village's address
            if (
                p.feature == "locality"
                and _UNIT_AFTER.match(text, p.end)
                and _container(text, p, places)
            ):
                continue  # "Kwahaslalek in Mangu local government area": an address
            kept.append(p)
        out.append([_written_city(text, p) for p in kept])
    return out


#: " City" written after a city's name ("Valenzuela City", "Zamboanga City").
_CITY_AFTER = re.compile(r" City\b")


def _written_city(text: str, p: Place) -> Place:
    """Rule 8b: "Gaza City", "eastern Gaza City", "Kuwait City" are reported as written: reports
    tell the city apart from the territory or country of the same name ("Gaza", "Kuwait"), and
    "Valenzuela City" or "Zamboanga City" is how the place is officially named."""
    if p.feature not in ("city", "area"):
        return p
    if p.feature == "city" and _CITY_AFTER.match(text, p.end):
        end = p.end + len(" City")
        written = text[p.start : end]
        return replace(
            p,
            end=end,
            mention=written,
            name=written,
            alternates=_merge((p.name, *p.alternates)),
        )
    if not p.mention.lower().endswith(" city"):
        return p
    written = _strip_compass(p.mention)
    if written.lower() != f"{p.name} city".lower():
        return p
    return replace(p, name=written, feature="city", alternates=_merge((p.name, *p.alternates)))


_UNIT_SUFFIX = re.compile(
    r"\s+(?:governorate|province|region|oblast|state|district|municipality|county|marz)$",
    re.IGNORECASE,
)


def merge_unit_names(groups: list[list[Place]]) -> None:
    """Rule 9: a unit named after a town the document also gives as a harm place ("floods in
    Hodeidah ... In Hodeidah governorate, camps were swept away") is reported under the town's
    name, the unit's name kept as an alternate: reports and analysts file both as one place."""
    names: dict[str, str] = {}
    for places in groups:
        for p in places:
            if not _UNIT_SUFFIX.search(p.name):
                names.setdefault(normalise(p.name), p.name)
    if not names:
        return
    for places in groups:
        for n, p in enumerate(places):
            m = _UNIT_SUFFIX.search(p.name)
            if m is None:
                continue
            town = names.get(normalise(p.name[: m.start()]))
            if town is not None:
                places[n] = replace(p, name=town, alternates=_merge((p.name, *p.alternates)))


def merge_site_names(groups: list[list[Place]]) -> None:
    """Rule 10: one site written two ways in a document ("the Al-Thawra general hospital" ...
    "Al-Thawra hospital") is reported under the name it was first given, when one name is an
    alternate of the other; the other name is kept as an alternate."""
    first: dict[str, Place] = {}
    for places in groups:
        for n, p in enumerate(places):
            if p.feature != "site":
                continue
            keys = [normalise(k) for k in (p.name, *p.alternates)]
            seen = next((first[k] for k in keys if k in first), None)
            if seen is not None and seen.name != p.name:
                places[n] = replace(
                    p, name=seen.name, alternates=_merge((p.name, *p.alternates, *seen.alternates))
                )
                continue
            for k in keys:
                first.setdefault(k, p)


#: What may stand between a place and the region holding it: "Tazakand village, Aghdam
#: district", "the Nngi village of Martuni region", "Berdzor of Kashatagh region".
_CONTAINER_GAP = re.compile(
    # "Koulogon Peul ( also written Koulogon-Peulh ) , commune of": another spelling in between
    r"(?:\s*\(\s*(?:also\s+)?(?:written|spelt|spelled|known\s+as)\s[^()]{0,40}\))?"
    # "Roboski, which the state calls Ortasu, in the Uludere district": another name of it
    rf"(?:\s*,\s*{_CALLED_BY}\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
    r"\s*(?:village|town|city|camp|settlement|neighbou?rhood|woreda|kebele|district|township|"
    r"county|municipality|locality|area)?"
    # "the Keretsky village council of the Mukachevo district"
    r"(?:\s+(?:council|administration|community|hromada))?"
    r"(?:\s*(?:,|\(|\bof\b|\bin\b))+\s*(?:the\s+)?"
    # "Machuca, a village of the municipality of Segovia in north-eastern Antioquia"
    r"(?:an?\s+(?:[a-z-]+\s+){0,2}?(?:village|town|hamlet|settlement|locality|community)\s+"
    r"(?:of|in)\s+(?:the\s+)?)?"
    r"(?:(?:north|south|east|west|central)(?:ern)?(?:[- ](?:east|west)(?:ern)?)?\s+)?"
    # "Beledweyne, the main town of Somalia's Hiiraan region"
    # "Hat Yai, the main commercial city of Songkhla province"
    r"(?:(?:main\s+|largest\s+|chief\s+)?(?:[a-z]+\s+)?(?:town|city|capital)\s+of\s+"
    r"(?:[A-Z][\w'’-]*['’]s\s+)?)?"
    # "Kuriga, Chikun local government area of Kaduna State": a unit between them
    r"(?:(?:[A-Z][\w'’-]+\s+){0,2}(?:local government area|lga|district|county|municipality|"
    r"township|woreda|zone|circle|commune|kebele|territory)\s*(?:,|\(|\bof\b|\bin\b)\s*(?:the\s+)?"
    # "Makobola, in the territory of Fizi (province of South Kivu)": the unit named after it
    r"|(?:territory|district|county|municipality|commune|cercle|circle|department)\s+of\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:,|\(|\bin\b)\s*(?:the\s+)?)?"
    r"(?:(?:department|province|region|district|governorate|state|county|oblast|municipality|"
    r"commune|cercle|circle|prefecture)\s+of\s+)?"
    # "a clinic in the city's Khatai district": the address of the place before (not "a
    # village of Armenia's Shirak Province", which the devset lists)
    r"(?:(?:city|town|capital)['’]s\s+)?"
    # "Oe Htein Kwin village in Sagaing Region's Tabayin township": a unit's possessive before
    # the lower unit holding the village
    r"(?:[A-Z][\w'’-]*\s+(?:region|state|province|division|governorate)['’]s\s+)?",
    re.IGNORECASE,
)
#: A possessive after a place, with its unit word: "Khojavend's", "Sagaing region's".
_POSSESSIVE_AFTER = re.compile(r"(?:\s+(?:region|state|province|district))?['’]s\s+")
#: "the commune of Sangha", "the municipality of Ovejas": a unit named after its town.
_TOWN_UNIT_OF_BEFORE = re.compile(
    r"\b(?:commune|cercle|circle|municipality|department|prefecture)\s+of\s+$",
    re.IGNORECASE,
)
_LOWER_UNIT = re.compile(
    r"\b(?:district|township|county|municipality|locality|woreda|commune|division|subdistrict|"
    r"raion|rayon)$",
    re.IGNORECASE,
)
#: Most characters between a place and the region named as its container.
CONTAINER_GAP_CHARS = 60


def _owner_of(text: str, p: Place, places: list[Place]) -> bool:
    """A town or region whose possessive opens the name of a smaller place named with it
    ("Khojavend's Edilli village", "Sagaing region's Tamu township"): an address."""
    m = _POSSESSIVE_AFTER.match(text, p.end)
    return m is not None and any(
        q is not p
        and q.start == m.end()
        and (
            # (not a site: "Palmyra's Temple of Bel" lists the town with the temple)
            q.feature in ("village", "locality")
            or (q.feature == "region" and _LOWER_UNIT.search(q.mention) is not None)
        )
        for q in places
    )


#: "In the Kupiansk district, ...", "Elsewhere in Sumy region, ...": a region that opens a
#: sentence as its setting.
_SETTING_BEFORE = re.compile(
    r"(?:^|[.!?:]\s+|\n\s*|\b\d{1,2}[:.]\d\d\s+)(?:(?:also|elsewhere|meanwhile|separately),?\s+)?in\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)(?:ern)?(?:[- ](?:east|west)(?:ern)?)?\s+)?$",
    re.IGNORECASE,
)
#: The end of a sentence between two places.
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
#: Most characters between a setting region and the place in it the sentence names.
SETTING_GAP_CHARS = 200


def _setting_region(text: str, p: Place, places: list[Place]) -> bool:
    """Rule 4d: a region that opens a sentence as its setting, when the sentence goes on to name
    the town or village where the harm happened ("In Sumy region, a drone hit a house in the
    village of Khotin"): the region is the village's address, as in "Khotin, Sumy region"."""
    if not text.startswith(",", p.end) or not _SETTING_BEFORE.search(
        text, max(0, p.start - 40), p.start
    ):
        return False
    return any(
        q.feature in ("city", "village", "locality")
        and q.country == p.country
        and 0 < q.start - p.end <= SETTING_GAP_CHARS
        and _SENTENCE_END.search(text, p.end, q.start) is None
        for q in places
    )


def _bracketed_address(text: str, p: Place, places: list[Place]) -> bool:
    """Rule 4c: a place in brackets right after another one is its address: "El Bordo (Patía)
    (Cauca)", "Jamundí (Valle del Cauca)"."""
    if p.feature == "site" or text[p.start - 1 : p.start] != "(" or not text.startswith(")", p.end):
        return False  # (a site in brackets is another name of the one before)
    at = p.start - 1
    while True:
        before = text[max(0, at - 2) : at]
        at -= len(before) - len(before.rstrip())  # the spaces between
        # (a place of the same name before is this one: "the Cathedral of the Holy Saviour
        # (Ghazanchetsots)")
        if any(q.end == at and q.name != p.name for q in places):
            return True
        if text[at - 1 : at] != ")":  # another bracketed place before: go on past it
            return False
        inner = text.rfind("(", max(0, at - 60), at - 1)
        if inner < 0 or not any(q.start == inner + 1 and q.end == at - 1 for q in places):
            return False
        at = inner


def _container(text: str, region: Place, places: list[Place]) -> bool:
    """Rule 4b: a region named only to say where a town or village lies is an address, not a
    level the harm was reported at (the devset lists the village, not its district)."""
    return any(
        (
            q.feature in ("city", "village", "site", "locality")
            # "Kantharalak district of Sisaket province": a lower unit named before it
            or (q.feature == "region" and _LOWER_UNIT.search(q.mention) is not None)
        )
        and q.end <= region.start
        and region.start - q.end <= CONTAINER_GAP_CHARS
        and _CONTAINER_GAP.fullmatch(text, q.end, region.start)
        for q in places
    )


def national_countries(figures: bool, places: Iterable[Place]) -> list[Place]:
    """The countries of a sentence that carry a national count (see :func:`refine_locations`)."""
    if not figures:
        return []
    places = list(places)
    if any(p.feature in SPECIFIC_FEATURES for p in places):
        return []
    return [p for p in places if p.feature == "country"]


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Capitalised words that name no particular site ("Displacement", "Historic", "Armenian")."""
    try:
        from harmwatch.extract.places.lexicon import lexicon
    except ImportError:  # pragma: no cover
        return frozenset()
    lex = lexicon()
    return lex.common_words | frozenset(lex.demonyms)


#: Words of a dedication, which name a particular church however common they are ("All Saints
#: Skete", "Holy Trinity Cathedral").
_DEDICATIONS = frozenset(
    "saint saints st holy trinity virgin saviour savior dormition resurrection transfiguration "
    "nativity ascension annunciation intercession assumption apostles".split()
)


def _generic_site(p: Place) -> bool:
    """A named-site match made only of common words and demonyms before its head noun: a
    headline in title case or a sentence-initial word ("Historic Armenian Cathedral Damaged",
    "Displacement camp shelters destroyed"), not a site's name."""
    if p.feature != "site" or p.country is not None or p.geonameid is not None:
        return False
    if " of " in p.mention and p.mention.rsplit(" of ", 1)[1][:1].isupper():
        return False  # "the Old City of Sanaa", "the Temple of Bel": named after "of"
    words = p.mention.replace("’", "'").split()[:-1]
    generic = _generic_words()
    if (
        bool(words)
        and all(w.lower().removesuffix("'s") in generic for w in words)
        and not any(w.lower() in _DEDICATIONS for w in words)
    ):
        return True
    # "airstrike on Yemen prison", "Drone strike on Tigray displacement camp": a country or a
    # region (with lower-case modifiers) and a head noun name no particular site
    named = [w for w in words if w[:1].isupper()]
    base = _base_place(" ".join(named).removesuffix("'s")) if named else None
    return base is not None and (
        base[1] == "country" or (base[1] == "region" and len(named) < len(words))
    )


def _community(text: str, p: Place) -> bool:
    """A name before the noun "community" ("the Lendu community", "the Hema community") names a
    people, not a place, even when a town elsewhere bears it."""
    return p.feature in ("city", "village", "area") and text.startswith(" community", p.end)


#: "the Druze town of Majdal Shams", "a Hazara neighbourhood of Kabul": a word before a kind of
#: place followed by that place's own name describes it (a people, a faith).
_ATTRIBUTE_AFTER = re.compile(
    r"\s+(?:town|village|city|neighbou?rhood|quarter|suburb)\s+of\s+(?:the\s+)?"
    # "the Nngi village of Martuni region": the name after "of" is the address, not the place
    r"(?!(?:[A-Z][\w-]*['’]s\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?i:region|province|district|governorate|"
    r"oblast|municipality|county|marz|state)\b)[A-Z]"
)


def _attribute(text: str, p: Place) -> bool:
    return (
        p.feature in ("city", "village", "area") and _ATTRIBUTE_AFTER.match(text, p.end) is not None
    )


_BARE_COMPASS = re.compile(
    r"(?:north|south|east|west|centre|center|central)(?:[- ]?(?:east|west))?", re.IGNORECASE
)


def _bare_compass(p: Place) -> bool:
    """A compass word alone ("the North-West", "the Centre") matched to a homonymous village
    abroad: a direction or an unnamed part of the country, not that village."""
    return p.feature in ("city", "village") and _BARE_COMPASS.fullmatch(p.mention) is not None


def _strip_compass(mention: str) -> str:
    m = _COMPASS_WORD.match(mention)
    return " ".join(mention[m.end() :].split()) if m else mention


def _inside_dedication(p: Place, places: list[Place]) -> bool:
    """A name inside "Church of St John the Baptist", "Cathedral of Ghazanchetsots": the
    dedication of a site, not a place of its own."""
    return p.feature != "site" and any(
        q.feature == "site"
        and q.start < p.start
        and p.end <= q.end
        and _DEDICATION.match(q.mention) is not None
        for q in places
    )


def _inside_site(p: Place, places: list[Place]) -> bool:
    """A town named inside a site's name ("Zhuliany airport", "Kramatorsk railway station"):
    the site is the place the text names there."""
    if p.feature == "site" and p.lat is None:
        # a cue's shorter reading of a named site ("Bargah mosque" in "the Imam Bargah
        # mosque", "Hilweh camp" in "Ein El Hilweh camp")
        return any(
            q.feature == "site" and q.start < p.start and p.end <= q.end and q is not p
            for q in places
        )
    return p.feature in ("city", "village") and any(
        q.feature == "site" and q.start <= p.start and p.end <= q.end and q is not p for q in places
    )


def _overlaps_known_site(p: Place, places: list[Place]) -> bool:
    """A named-site match holding a site the gazetteer knows ("Sudan's Saudi Hospital")."""
    return (
        p.feature == "site"
        and p.country is None
        and any(
            q is not p
            and q.feature == "site"
            and q.country is not None
            # a site the index holds, not one read from a cue ("Bargah mosque" inside "the
            # Imam Bargah mosque", its title word left out)
            and q.lat is not None
            and p.start <= q.start
            and q.end <= p.end
            for q in places
        )
    )


#: Distinct harm places inside one region (by the gazetteer's parent) that make the region,
#: when the text names it, an event location too ("Stepanakert, Shusha and Martuni" shelled in
#: a report on Nagorno-Karabakh). One place is not enough: a town's region named in passing
#: is background.
MIN_CHILDREN = 2


@lru_cache(maxsize=8192)
def _parent(name: str, lat: float | None, lon: float | None) -> str | None:
    """The gazetteer's parent region of a resolved place (curated entries carry one)."""
    try:
        from harmwatch.extract.places import Gazetteer
        from harmwatch.extract.places.normalize import normalise
    except ImportError:  # pragma: no cover
        return None
    for cand in Gazetteer.open().index.lookup(normalise(name)):
        if cand.lat == lat and cand.lon == lon:
            return cand.parent
    return None


def names_a_body(text: str, place: Place) -> bool:
    """Whether ``place`` is written as part of a party's or a body's name ("the Kachin
    Independence Organisation", "Baku's claims", "the Gaza health ministry")."""
    return _ACTOR_AFTER.match(text[place.end : place.end + AFTER_WINDOW]) is not None


def add_parent_regions(groups: list[list[Place]], mentioned: list[Place]) -> None:
    """Add a region named in the text when several harm places lie in it (see MIN_CHILDREN)."""
    regions = {p.name: p for p in mentioned if p.feature == "region"}
    if not regions:
        return
    chosen = {p.name for g in groups for p in g}
    children: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for n, places in enumerate(groups):
        for p in places:
            if p.feature in SPECIFIC_FEATURES and p.lat is not None:
                parent = _parent(p.name, p.lat, p.lon)
                if parent in regions and parent not in chosen:
                    children.setdefault(parent, set()).add(p.name)
                    first.setdefault(parent, n)
    for parent, kids in children.items():
        if len(kids) >= MIN_CHILDREN:
            groups[first[parent]].append(regions[parent])


#: "... attacked a restaurant in the Somali capital", "... in the city on Friday": the event
#: sentence refers to the dateline city instead of naming it.
_CITY_REFERENCE = re.compile(
    r"\b(?:in|on|of|across|near|outside|struck|hit|around) the "
    r"(?:[A-Z][\w-]+ )?(?:capital|city|town)\b"
)


def promote_dateline(
    groups: list[list[Place]], index: int, dateline: Place, event_text: str = ""
) -> None:
    """Rule 6: when every harm place found is a country or a compass area of one and the
    dateline city lies in that country ("AMASRA, Turkey (AP) — The death toll from a coal mine
    explosion in northern Turkey rose to 40"), the dateline city is where it happened; it
    joins event ``index``. A dateline abroad ("BEIRUT, LEBANON — ... a missile hit Ganja")
    or any town already named keeps the dateline out. Rule 6b: an event sentence that refers
    to "the (Somali) capital" or "the city" without naming a town there is about the dateline
    city."""
    if _CITY_REFERENCE.search(event_text) and not any(
        p.feature in SPECIFIC_FEATURES for p in groups[index]
    ):
        groups[index].insert(0, dateline)
        return
    places = [p for g in groups for p in g]
    if not places or dateline.country is None:
        return
    if any(p.feature not in ("country", "area", "region") for p in places):
        return
    if all(p.country == dateline.country for p in places):
        groups[index].insert(0, dateline)


def _is_sub_country(base: tuple[str, str, str | None] | None) -> bool:
    return base is not None and base[1] != "country"


def _merge(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))
