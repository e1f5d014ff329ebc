"""Stage 4: categories — codebook cues per sentence, gated by conflict context.

Each sentence is matched against every category's cue patterns (codebook.yaml). Cues that also
describe disasters, accidents and crime ("killed", "destroyed homes", "detained", "fled") belong
to categories with ``gate: conflict``: they count only in a sentence that itself mentions the
conflict (forces, shelling, captives...) or in a document whose conflict vocabulary clearly
outweighs its disaster/accident vocabulary. That is what keeps a flood, a crowd crush or a police
case irrelevant while their death tolls are still extracted.

Generic attack words ("strike", "bombing", "bombardment") say an attack happened but not with
what; they resolve to the document's explicit means — shelling when only artillery, rockets or
missiles are named, air_strike when aircraft or drones are named or nothing is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from harmwatch.codebook import Codebook
from harmwatch.codebook.anchors import AnchoredPattern, anchor
from harmwatch.extract.wordindex import Windows, WordIndex

__all__ = [
    "CategoryHit",
    "DocContext",
    "DocumentCategories",
    "doc_context",
    "document_cues",
    "ground_bombing_only",
    "resolve_generic",
    "sentence_categories",
]

#: A document is a conflict document when it has at least this many conflict words ...
DOC_CONFLICT_MIN = 3
#: Categories that tell an armed attack whatever the context (their codebook gate is none):
#: a sentence telling one opens the conflict gate for itself and the sentence after it.
ARMED_CATEGORIES = frozenset({"shelling", "air_strike"})
#: A text under this many characters (a post or a bulletin item of a few sentences) needs only
#: SHORT_CONFLICT_MIN different conflict words for the document-wide gate.
SHORT_TEXT_CHARS = 700
SHORT_CONFLICT_MIN = 2
#: ... and conflict words outnumber disaster/accident words by at least this factor.
DOC_CONFLICT_RATIO = 1.5
#: Generic attack words, resolved per document by :func:`resolve_generic`.
GENERIC_ATTACK = re.compile(
    # "no strikes were reported", "without any bombardment": a denied attack is no attack
    r"\b(?<!\bno )(?<!\bany )(?:(?:israeli|russian|saudi|us|american|turkish|azerbaijani|"
    r"armenian|coalition|enemy|deadly|new|separate)\s+)?"
    # not "a suicide bomber strikes a procession", "gunman strikes again": a verb of their act
    r"(?<!bomber )(?<!bombers )(?<!gunman )(?<!gunmen )(?<!attacker )(?<!attackers )"
    # not "to show it could still strike": a verb of what may happen ("attempted to strike"
    # is an attack)
    r"(?:(?<!could )(?<!can )(?<!still )(?<!would )(?<!will )(?<!might )"
    r"strike\b|strikes\b)(?!\s+(?:action|workers|committee))|"
    r"\bbomb(?:ed|ing|ings)\b|\b(?<!as if under )bombard(?:ed|ing|ment|ments)\b"
    # "a bombardment of shots", "bombarded with questions": figurative
    r"(?! (?:of|with) (?:\w+ )?(?:shots|questions|criticism|messages|e-?mails|calls|insults|"
    r"complaints|adverts|advertising|information|crosses|corners|requests|letters))",
    re.IGNORECASE,
)
#: A strike attributed to a state or party is an attack even outside a conflict-worded context.
ATTRIBUTED_STRIKE = re.compile(
    r"\b(?:israeli|russian|saudi(?:-led)?|us|american|turkish|azerbaijani|armenian|coalition|"
    r"enemy|ukrainian|syrian|iranian)\s+(?:air\s*)?strikes?\b",
    re.IGNORECASE,
)
#: Bombs set off on the ground: car and truck bombs, suicide bombings, roadside bombs and IEDs.
#: In a document that names one of these and no aircraft or drones, "the bombing" is that
#: bomb (coded ``killing`` by its own cue), not an air strike.
GROUND_BOMB = re.compile(
    r"\b(?:(?:car|truck|lorry|vehicle)[ -]bomb\w*|suicide (?:bomb\w*|attack\w*|blasts?)|"
    r"(?:cars?|trucks?|vehicles?) (?:packed|loaded|laden|filled) with explosives|"
    r"improvised explosive devices?|ieds?|roadside bombs?|"
    r"(?:explosive devices?|bombs?) (?:(?:was|were|had been) )?(?:buried|planted|hidden|placed)|"
    # "a series of blasts hit churches", "an explosive charge under the pipeline": with no
    # aircraft or drone named, the bombings were set off on the ground
    r"blasts?|explosions?|explosives|explosive charges?|exploded|detonat(?:ed|ion|ions))\b",
    re.IGNORECASE,
)
#: Words that put aircraft or drones in a document.
AERIAL = re.compile(
    r"\b(?:air ?strikes?|air raids?|aerial|aircraft|warplanes?|(?:fighter )?jets?|"
    r"helicopters?|drones?|uavs?|(?<!passenger )(?<!airliner )planes?)\b"
    # not aircraft sent to carry the wounded ("sent helicopters and a C-130 aircraft to carry
    # the most serious cases to Karachi")
    r"(?!(?:\s+[\w-]+){0,5}?\s+to\s+(?:carry|evacuate|fly|transport|airlift|ferry)\b)",
    re.IGNORECASE,
)


_GROUND_BOMB_ANCHORED = anchor(GROUND_BOMB)
_AERIAL_ANCHORED = anchor(AERIAL)


def ground_bombing_only(text: str, words: WordIndex | None = None) -> bool:
    """Does the document name a bomb set off on the ground and no aircraft or drones?

    With the document's :class:`WordIndex` the two patterns are asked through it."""
    if words is None:
        return GROUND_BOMB.search(text) is not None and AERIAL.search(text) is None
    return (
        words.search(_GROUND_BOMB_ANCHORED) is not None and words.search(_AERIAL_ANCHORED) is None
    )


def _aerial_generic(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Generic attack spans without the "bomb..." words of a ground-bombing document."""
    return [(s, e) for s, e in spans if not text[s:e].lower().startswith("bomb")]


_CLAUSE_BREAK = re.compile(r"[.;]")
_NOT_ATTACK = re.compile(
    r"\b(?:hunger|general|labou?r|workers'?|armed)\s+strikes?\b|\bstruck a deal\b", re.IGNORECASE
)
#: Arrests for ordinary crime ("detained five officials suspected of corruption") are police
#: cases, not conflict detention, even in a war country's news: in a document that speaks of
#: such crime, detention needs a conflict word (captives, soldiers, forces...) in its own
#: sentence.
ORDINARY_CRIME = re.compile(
    r"\b(?:corruption|bribe(?:s|ry)?|embezzl(?:ed|ement|ing)|fraud|money laundering|"
    r"drug(?:s| trafficking| dealers?)|smuggling|illegal(?:ly)? enrich\w*|tax evasion|"
    r"suspected of having (?:acquired|taken|received|stolen)|hold-ups?|holdups?|robber(?:y|ies)|"
    r"heists?|burglar(?:y|ies)|theft)\b",
    re.IGNORECASE,
)
_ORDINARY_CRIME = anchor(ORDINARY_CRIME)
#: Police named as "forces" ("the Internal Security Forces arrested three people") are not a
#: conflict word in a document about ordinary crime.
POLICE_FORCES = re.compile(
    r"\b(?:internal security|police|security|law enforcement) forces\b", re.IGNORECASE
)


def _conflict_beyond_police(conflict: re.Pattern[str], view: str) -> bool:
    """Does ``view`` hold a conflict word outside its police-force names?"""
    return conflict.search(POLICE_FORCES.sub(lambda m: " " * len(m.group()), view)) is not None


#: Categories an ordinary-crime sentence cannot give.
CRIME_BLIND = frozenset({"detention"})
#: Object words that say nothing of their own ("building", "facilities", "roof"): in a sentence
#: that already codes a hospital, school or heritage site hit, they are that site's, not homes.
GENERIC_OBJECT = re.compile(
    r"\b(?:buildings?|facilit(?:y|ies)|roof|premises|structures?)\b", re.IGNORECASE
)
#: Property cues that name no object ("found the monastery in ruins"): in a sentence coding a
#: site hit, the site's state.
_OBJECTLESS = re.compile(
    r"in ruins|much destruction|mass destructions?|material damages?", re.IGNORECASE
)
#: The categories whose sites GENERIC_OBJECT words describe.
SITE_CATEGORIES = frozenset({"attack_on_health", "attack_on_education", "heritage_destruction"})


#: Characters after a generic property cue searched for another object damaged with it.
OTHER_OBJECT_AFTER = 80


def _drop_site_property(text: str, hits: list[CategoryHit], end: int) -> list[CategoryHit]:
    """Without ``property_destruction`` when its only evidence is a generic object word of a
    site the sentence codes otherwise ("the partially destroyed building of the hospital"),
    unless another object follows it in the sentence ("leaving several of its buildings burned
    out and the surrounding neighbourhood heavily damaged")."""
    codes = {h.code for h in hits}
    if "property_destruction" not in codes or not codes & SITE_CATEGORIES:
        return hits
    prop = next(h for h in hits if h.code == "property_destruction")
    cue = text[prop.start : prop.end]
    if (GENERIC_OBJECT.search(cue) or _OBJECTLESS.fullmatch(cue)) and not _OTHER_OBJECT.search(
        text, prop.start, min(end, prop.end + OTHER_OBJECT_AFTER)
    ):
        return [h for h in hits if h.code != "property_destruction"]
    return hits


_DISASTER_DONE_CODES = frozenset({"displacement", "killing", "property_destruction"})


def _without(hits: list[CategoryHit], drop: Callable[[CategoryHit], bool]) -> list[CategoryHit]:
    """``hits`` without those ``drop`` names (the very list when it names none)."""
    kept = [h for h in hits if not drop(h)]
    return kept if len(kept) != len(hits) else hits


@lru_cache(maxsize=4)
def _disaster_did(lexicon: str) -> re.Pattern[str]:
    """A natural disaster (a word of ``lexicon``, the codebook's ``natural_disaster``) as the
    subject of the harm verb right after it ("Floods displaced 20,000 people", "the earthquake
    has also destroyed")."""
    return re.compile(
        rf"\b{lexicon}\s+(?:have\s+|has\s+|had\s+)?(?:also\s+)?$",
        re.IGNORECASE,
    )


def _drop_disaster_done(
    cb: Codebook, text: str, start: int, hits: list[CategoryHit]
) -> list[CategoryHit]:
    """Without the harm a disaster did ("Floods displaced more than 20,000 people")."""
    did = _disaster_did(cb.lexicons["natural_disaster"])
    return _without(
        hits,
        lambda h: (
            h.code in _DISASTER_DONE_CODES
            and did.search(text, max(start, h.start - 40), h.start) is not None
        ),
    )


#: A harm cue named only to be ruled out ("Police ruled out any link to the air attacks").
_RULED_OUT_BEFORE = re.compile(
    r"\b(?:ruled\s+out|rules\s+out|denied|no)\s+(?:any\s+|a\s+)?(?:links?|connections?)\s+"
    r"(?:to|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
#: A bomb made safe ("defused a Second World War bomb after 13,000 residents were evacuated"):
#: the people moved out of its way are not displaced by conflict.
_BOMB_MADE_SAFE = re.compile(
    r"\b(?:defus(?:ed|ing|e)|bomb\s+disposal|unexploded\s+(?:[\w-]+\s+){0,3}(?:bombs?|shells?|"
    r"ordnance)|(?:second\s+world\s+war|world\s+war\s+(?:ii|two)|wwii)\s+(?:[\w-]+\s+)?bombs?)\b",
    re.IGNORECASE,
)
#: A weapon named as stock, not as fire: "stores all types of ammunition ..., including
#: artillery shells", "will supply 50,000 artillery shells", "the plant produces mortars" (the
#: rocket and missile cues of the codebook leave out the same frames by their own look-behinds).
_ARSENAL_CUE = re.compile(
    r"(?:artillery\s+)?(?:artillery|shells?|mortars?|rockets?|missiles?)(?:\s+shells?)?",
    re.IGNORECASE,
)
_ARSENAL_BEFORE = re.compile(
    r"\b(?:suppl(?:y|ies|ied|ying)|deliver(?:y|ies|ed|ing|s)?|stor(?:e|es|ed|ing|age)|"
    r"stockpil(?:e|es|ed|ing)|stocks?\s+of|produc(?:e|es|ed|ing|tion)|manufactur(?:e|es|ed|ing)|"
    r"purchas(?:e|es|ed|ing)|buy(?:s|ing)?|bought|sell(?:s|ing)?|sold|shipments?|"
    r"export(?:s|ed|ing)?|import(?:s|ed|ing)?|procur(?:e|es|ed|ing|ement)|arsenals?|depots?|"
    r"warehouses?|factor(?:y|ies)|plants?)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
#: Nobody held ("so far no one had been arrested", "No arrests have been made"): the arrest of
#: attackers is looked for, nobody is in captivity.
_NOBODY_HELD_BEFORE = re.compile(
    r"\b(?:no\s+one|nobody|none\s+of\s+(?:them|the\s+\w+))\s+(?:(?:has|had|have)\s+)?"
    r"(?:yet\s+)?(?:been\s+|was\s+|were\s+)?$|\bno\s+$",
    re.IGNORECASE,
)
_ARREST_CUE = re.compile(r"arrest(?:s|ed)?|detain(?:ed)?|detentions?", re.IGNORECASE)
#: The arrest of those who did the harm, done or called for ("urged authorities to investigate
#: and arrest the killers"): justice for the victims, no captivity told.
_PERPETRATORS_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|those\s+)?(?:killers|perpetrators|attackers|assailants|culprits|"
    r"murderers|(?:those\s+)?responsible)\b",
    re.IGNORECASE,
)
#: A sentence that says nobody died ("destroying nine classrooms but causing no casualties"):
#: its killing cue ("detonated explosives inside two empty girls' schools") killed nobody.
_NO_CASUALTIES = re.compile(
    r"\b(?:(?:caus(?:ed|ing)|left|were|was|with|reported)\s+no\s+(?:casualties|deaths|"
    r"fatalities|injuries)|no\s+(?:one|body)\s+was\s+(?:killed|hurt|injured)|nobody\s+was\s+"
    r"(?:killed|hurt|injured))\b",
    re.IGNORECASE,
)
#: A siege of gunmen in one building ("security forces fought gunmen who had been barricaded
#: many hours after the siege began"): an operation against attackers, no blockade of people.
_BUILDING_SIEGE = re.compile(r"\b(?:barricaded|holed\s+up)\b", re.IGNORECASE)


def _drop_ruled_out(text: str, start: int, end: int, hits: list[CategoryHit]) -> list[CategoryHit]:
    """Without a cue that is ruled out or names a weapon as stock, a killing in a sentence that
    says nobody died, an arrest nobody underwent or of the perpetrators, a siege of gunmen
    holed up in a building, and the evacuation around a bomb made safe."""
    return _without(
        hits,
        lambda h: (
            _RULED_OUT_BEFORE.search(text, max(start, h.start - 50), h.start) is not None
            or (h.code == "displacement" and _BOMB_MADE_SAFE.search(text, start, end) is not None)
            or (h.code == "killing" and _NO_CASUALTIES.search(text, start, end) is not None)
            or (
                h.code == "detention"
                and _ARREST_CUE.fullmatch(text, h.start, h.end) is not None
                and (
                    _NOBODY_HELD_BEFORE.search(text, max(start, h.start - 30), h.start) is not None
                    or _PERPETRATORS_AFTER.match(text, h.end) is not None
                )
            )
            or (
                h.code == "blockade"
                and text[h.start : h.end].lower().startswith("siege")
                and _BUILDING_SIEGE.search(text, start, end) is not None
            )
            or (
                h.code == "shelling"
                and _ARSENAL_CUE.fullmatch(text, h.start, h.end) is not None
                and _ARSENAL_BEFORE.search(text, max(start, h.start - 80), h.start) is not None
            )
        ),
    )


#: The head of a body's name whose remit follows ("the State Commission on Prisoners of War,
#: Hostages and Missing Persons", "the Office for Missing Persons"), with the capitalised words
#: of the remit told before the cue.
_BODY_REMIT_BEFORE = re.compile(
    r"\b(?:Commission|Committee|Office|Bureau|Council|Cent(?:re|er)|Agency|Department|Ministry|"
    r"Working Group|Association|Union|Fund|Foundation|Institute)\s+(?:on|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*,?\s+(?:(?:and|of|the)\s+)*)*$"
)


def _drop_body_names(text: str, start: int, hits: list[CategoryHit]) -> list[CategoryHit]:
    """Without the hits whose cue is the capitalised remit in a body's name ("the State
    Commission on Prisoners of War, Hostages and Missing Persons" holds no detention)."""
    return _without(
        hits,
        lambda h: (
            h.code != "response"
            and text[h.start : h.start + 1].isupper()
            and _BODY_REMIT_BEFORE.search(text, max(start, h.start - 80), h.start) is not None
        ),
    )


#: Rockets or missiles an aircraft or drone fired ("a helicopter fired rockets at the village",
#: "the air force fired rockets"): an air strike's weapon, not artillery fire.
_AIR_LAUNCHED = re.compile(
    r"\b(?:helicopters?|gunships?|(?:fighter )?jets?|warplanes?|aircraft|planes?|air force|"
    r"drones?|uavs?)\s+(?:[\w-]+\s+){0,2}?(?:fired|launched|shot)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:rockets?|missiles?)\b",
    re.IGNORECASE,
)
#: Words of ground fire that keep ``shelling`` in a sentence with air-launched rockets.
_GROUND_FIRE = re.compile(
    r"\b(?:artillery|shell(?:s|ed|ing)?|mortars?|howitzers?|grad|mlrs|multiple(?: launch)? rocket|"
    r"ballistic|cruise)\b",
    re.IGNORECASE,
)


def _drop_air_launched(
    text: str, start: int, end: int, hits: list[CategoryHit]
) -> list[CategoryHit]:
    """Without ``shelling`` when its cue is the rocket or missile an aircraft or drone fired
    in a sentence coding the air strike, and no ground fire is named."""
    shell = next((h for h in hits if h.code == "shelling"), None)
    if shell is None or not any(h.code == "air_strike" for h in hits):
        return hits
    launched = _AIR_LAUNCHED.search(text, start, end)
    if (
        launched is None
        or not launched.start() <= shell.start < launched.end()
        or _GROUND_FIRE.search(text, start, end)
    ):
        return hits
    return [h for h in hits if h is not shell]


#: "Fled" whose subject is the attackers ("the gunmen fled towards the lake") or whose object
#: is a burning building or the scene is not the flight of a population.
_FLED_CUE = re.compile(r"fle(?:d|e|eing)$", re.IGNORECASE)
_ATTACKERS_FLED = re.compile(
    r"\b(?:attackers?|assailants?|gunm[ae]n|perpetrators|raiders|bandits|suspects|"
    r"(?:the )?(?:militants|insurgents|terrorists|fighters|militias?|militiamen))\b[^.;]{0,60}$",
    re.IGNORECASE,
)
#: What only attackers flee from or with: "fled the scene", "fled from the burning building";
#: "fled before police arrived", "fled on motorcycles", "fled in two pickup trucks".
_FLED_PLACE = re.compile(
    r"\s+(?:(?:from )?(?:the|a) (?:burning |burnt |collapsing )?"
    r"(?:building|scene|flames|fire|vehicle|car|bus)\b"
    r"|(?:the (?:area|village|town) )?before (?:the )?(?:police|security forces|soldiers|troops|"
    r"help|reinforcements)\b"
    r"|(?:on|by) (?:motorcycles|motorbikes)\b"
    r"|in (?:a|an|their|two|three) (?:[\w-]+ )?(?:cars?|vehicles?|trucks?|pickups?|vans?)\b)",
    re.IGNORECASE,
)


#: Hospitals that receive the wounded ("airlifted to hospitals", "hospitals were overwhelmed")
#: are not hospitals attacked, whatever attack word stands nearby.
_CARE_NOT_ATTACK = re.compile(
    r"\b(?:taken|airlifted|rushed|transferred|evacuated|admitted|brought|flown|sent) to "
    r"(?:\w+ ){0,2}(?:hospitals?|clinics?)\b|\bhospitals? (?:were|was|are|is) overwhelmed\b",
    re.IGNORECASE,
)


#: "Murder" named as a legal qualification ("a criminal case under the articles on terrorism
#: and murder", "the crimes against humanity of murder") is not itself a killing.
_MURDER_CUE = re.compile(r"murder(?:ed|s)?$", re.IGNORECASE)
_LEGAL_CHARGE = re.compile(
    r"\b(?:articles?|crimes? against humanity|war crimes? of|charged with|charges? of|"
    r"accused of|convicted of|indicted for|tried for)\b[^.;]{0,80}$",
    re.IGNORECASE,
)


def _drop_charge(text: str, start: int, hits: list[CategoryHit]) -> list[CategoryHit]:
    """Without ``killing`` when its only cue is "murder" as a charge."""
    kill = next((h for h in hits if h.code == "killing"), None)
    if kill is None or not _MURDER_CUE.search(text[kill.start : kill.end]):
        return hits
    if _LEGAL_CHARGE.search(text[max(start, kill.start - 120) : kill.start]):
        return [h for h in hits if h is not kill]
    return hits


#: People killed or wounded in the sentence of an attack at a place of worship ...
_PEOPLE_HARMED = re.compile(
    r"\b(?:kill(?:ed|ing)|dead|died|worshippers|wound(?:ed|ing)|injur(?:ed|ing))\b", re.IGNORECASE
)
#: ... by no weapon that strikes the building itself ...
_EXPLOSIVE = re.compile(
    r"\b(?:hit|hits|struck|strikes?|bomb\w*|shell\w*|missiles?|rockets?|blasts?|explo\w*|"
    r"drones?|artillery|mortars?|grenades?|air\s*strikes?|jets?)\b",
    re.IGNORECASE,
)
#: ... and with nothing said of the building's damage, in the sentence or just after it.
_BUILDING_DAMAGED = re.compile(
    r"\b(?:damag\w*|destr(?:oy|uct)\w*|collaps\w*|burn\w*|blew|blown|raz\w*|gutted|ruins?|"
    r"levell?ed|demolish\w*|torch\w*|fire|loot\w*|vandal\w*|smash\w*|desecrat\w*|roof|dome|"
    r"minaret|walls?|shattered|ransack\w*|bulldoz\w*|flatten\w*)\b",
    re.IGNORECASE,
)
#: How far after the sentence the building's damage may still be told.
DAMAGE_AFTER_CHARS = 200


def _drop_worship_attack(
    text: str, start: int, end: int, hits: list[CategoryHit]
) -> list[CategoryHit]:
    """Without ``heritage_destruction`` when gunmen attacked the people at a mosque, church or
    shrine and nothing is said of damage to the building ("troops stormed the mosque, killing
    32"; "gunmen opened fire on worshippers in the chapel"): the harm was to the people there. A
    building struck by a bomb, a shell or a missile stays heritage destruction."""
    heritage = next((h for h in hits if h.code == "heritage_destruction"), None)
    if heritage is None or not _PEOPLE_HARMED.search(text, start, end):
        return hits
    if _EXPLOSIVE.search(text, start, end) or _BUILDING_DAMAGED.search(
        text, start, min(len(text), end + DAMAGE_AFTER_CHARS)
    ):
        return hits
    return [h for h in hits if h is not heritage]


#: A heritage word that names something else: a holiday, a leader, an organisation, a place
#: a speech or a journey started from ("residents mark a church holiday", "the hospital, run by
#: the Anglican Church", "a speech from a mosque in Damascus", "pilgrims from the shrine to").
_HERITAGE_WORD_NAMES_OTHER = re.compile(
    r"\s+(?:holidays?|feasts?|leaders?|officials?|choirs?|elders?|spokesm[ae]n|authorities)\b",
    re.IGNORECASE,
)
_HERITAGE_WORD_AS_OWNER = re.compile(
    r"\b(?:run|owned|managed|founded)\s+by\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$"
    r"|\b(?:speech|sermon|address|statement)\s+(?:\w+\s+){0,2}from\s+(?:a|the)\s+"
    r"(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:pilgrims|worshippers)\s+(?:\w+\s+){0,2}from\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\bfrom\s+the\s+(?:[\w'’-]+\s+){0,3}(?=\w+\s+to\b)",
)


def _drop_heritage_by_name(
    cb: Codebook, text: str, start: int, end: int, hits: list[CategoryHit]
) -> list[CategoryHit]:
    """Without ``heritage_destruction`` when every heritage word of the sentence names
    something other than a harmed building (:data:`_HERITAGE_WORD_NAMES_OTHER`,
    :data:`_HERITAGE_WORD_AS_OWNER`)."""
    words = list(cb.lexicon_patterns["heritage"].finditer(text, start, end))
    if not words or not all(
        _HERITAGE_WORD_NAMES_OTHER.match(text, m.end(), end)
        or _HERITAGE_WORD_AS_OWNER.search(text, max(start, m.start() - 60), m.start())
        for m in words
    ):
        return hits
    return [h for h in hits if h.code != "heritage_destruction"]


def _drop_care(text: str, hits: list[CategoryHit]) -> list[CategoryHit]:
    """Without ``attack_on_health`` when its cue only tells of the wounded taken to care."""
    health = next((h for h in hits if h.code == "attack_on_health"), None)
    if health is None or not _CARE_NOT_ATTACK.search(text, health.start, health.end):
        return hits
    return [h for h in hits if h is not health]


def _drop_non_flight(text: str, start: int, hits: list[CategoryHit]) -> list[CategoryHit]:
    """Without ``displacement`` when its cue is a "fled" of attackers or of a burning building."""
    disp = next((h for h in hits if h.code == "displacement"), None)
    if disp is None or not _FLED_CUE.search(text[disp.start : disp.end]):
        return hits
    if _ATTACKERS_FLED.search(text[max(start, disp.start - 80) : disp.start]) or _FLED_PLACE.match(
        text, disp.end
    ):
        return [h for h in hits if h is not disp]
    return hits


def _site_property_only(
    text: str, first: list[dict[str, tuple[int, int]]], bounds: list[tuple[int, int]]
) -> bool:
    """Is every property cue of a document a generic object word ("the building", "its roof")
    in a document that codes a hospital, school or heritage site hit? Those words then describe
    that site ("nine photographs of the partially destroyed building"), not homes."""
    props = [
        (c[0], c[1], end)
        for cues, (_start, end) in zip(first, bounds, strict=True)
        if (c := cues.get("property_destruction"))
    ]
    if not props:
        return False
    sites = False
    for cues, (start, _end) in zip(first, bounds, strict=True):
        if cues.keys() & SITE_CATEGORIES:
            hits = [CategoryHit(code, s, e) for code, (s, e) in cues.items()]
            hits = _drop_care(text, _drop_charge(text, start, _drop_non_flight(text, start, hits)))
            sites = sites or any(h.code in SITE_CATEGORIES for h in hits)
    if not sites:
        return False
    return all(
        GENERIC_OBJECT.search(text, start, end)
        and not _OTHER_OBJECT.search(text, start, min(sentence_end, end + OTHER_OBJECT_AFTER))
        for start, end, sentence_end in props
    )


_OTHER_OBJECT = re.compile(
    r"\b(?:houses?|homes?|apartments?|residential|dwellings?|villages?|"
    r"shelters?|bridges?|power|factor(?:y|ies)|plants?|markets?|"
    r"neighbou?rhoods?|settlements?|offices?|shops?|installations?|"
    r"infrastructures?)\b",
    re.IGNORECASE,
)
_GENERIC_ATTACK = anchor(GENERIC_ATTACK)
_ATTRIBUTED_STRIKE = anchor(ATTRIBUTED_STRIKE)
_NOT_ATTACK_ANCHORED = anchor(_NOT_ATTACK)


@dataclass(frozen=True, slots=True)
class CategoryHit:
    """A category cued in a sentence, with the cue's span in the document."""

    code: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DocContext:
    """Document-wide evidence used by the gates."""

    conflict_words: int
    disaster_words: int
    #: In a short note (a post, a bulletin item of a few sentences): how many different
    #: conflict words it holds (0 for a longer text).
    short_distinct: int = 0

    @property
    def is_conflict(self) -> bool:
        # a short note has room for fewer conflict words than an article: two different ones
        # will do ("prisoners of war" and "military"; not "gang" twice)
        enough = (
            self.conflict_words >= DOC_CONFLICT_MIN or self.short_distinct >= SHORT_CONFLICT_MIN
        )
        return enough and self.conflict_words >= DOC_CONFLICT_RATIO * self.disaster_words


def doc_context(cb: Codebook, text: str, words: WordIndex | None = None) -> DocContext:
    """Count conflict and disaster words over the whole article text."""
    words = words or WordIndex(text)
    conflict = words.finditer(cb.anchors.conflict)
    short = len(text) < SHORT_TEXT_CHARS
    return DocContext(
        conflict_words=len(conflict),
        disaster_words=len(words.finditer(cb.anchors.disaster)),
        short_distinct=len({m.group().lower() for m in conflict}) if short else 0,
    )


#: The codebook's cue patterns in codebook order and the category of each, made once per
#: codebook (the categories mapping it was made from is kept to tell).
_CUE_PLAN: list[tuple[object, tuple[AnchoredPattern, ...], tuple[str, ...]]] = []


def _cue_plan(cb: Codebook) -> tuple[tuple[AnchoredPattern, ...], tuple[str, ...]]:
    """Every category cue of ``cb`` in codebook order, and the code of each."""
    if not _CUE_PLAN or _CUE_PLAN[0][0] is not cb.categories:
        pairs = [(ap, code) for code, cat in cb.categories.items() for ap in cat.anchored]
        _CUE_PLAN[:] = [
            (cb.categories, tuple(ap for ap, _ in pairs), tuple(code for _, code in pairs))
        ]
    return _CUE_PLAN[0][1], _CUE_PLAN[0][2]


#: A denial between the two words of a pair: "the churches were not hit", "the mosque escaped
#: damage", "no school was damaged" is read where the object comes first.
_PAIR_DENIED = re.compile(
    r"\b(?:not|never|escaped|spared|avoided)\b(?!\s+only\b)|\bn['’]t\b", re.IGNORECASE
)
#: A denial right before a pair's first word: "no civilian infrastructure in the city was
#: damaged", "no schools were hit".
_PAIR_DENIED_BEFORE = re.compile(r"\bno\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
#: A health word that only says who speaks: "said a health care worker at the local medical
#: center", "a doctor at Al-Aqsa hospital told reporters", "hospital officials said". With a
#: speech verb between it and an attack word ("The attack lasted hours, said a doctor at the
#: local hospital"), the two make no pair: the attack is what is told, the place who tells it
#: ("a doctor at Gori's military hospital, which had been hit" still pairs; the explicit cues,
#: "a doctor was killed", are read on their own).
_WORKER_AT_BEFORE = re.compile(
    r"\b(?:workers?|doctors?|nurses?|physicians?|surgeons?|officials?|director|head|chief|"
    r"spokes(?:man|woman|person)|staff(?:ers?)?|employees?|volunteers?|sources?)\s+"
    r"(?:at|of|from|in)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"(?:\s+(?:officials?|sources?|staff|authorities|director|spokes(?:man|woman|person)))?"
    r"\s+(?:said|says|told|reported|confirmed)\b",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|according\s+to)\b", re.IGNORECASE)


def _names_speaker(text: str, end: int) -> bool:
    """Whether the health or site word ending at ``end`` names who speaks ("hospital officials
    said", "the clinic reported")."""
    return _SOURCE_AFTER.match(text, end) is not None


def _speakers_workplace(text: str, start: int, speech_lo: int, speech_hi: int) -> bool:
    """Whether the health or site word starting at ``start`` is the workplace of a person ("a
    nurse at the district hospital") with a speech verb in ``text[speech_lo:speech_hi]``."""
    return (
        _WORKER_AT_BEFORE.search(text, max(0, start - 60), start) is not None
        and _SPEECH.search(text, speech_lo, speech_hi) is not None
    )


def _told_by_health(text: str, health: tuple[int, int], e1: int, s2: int) -> bool:
    """Whether a pair whose health word is ``text[health[0]:health[1]]`` and whose two words
    lie apart from ``e1`` to ``s2`` has the health word only as who tells of the attack: the
    workplace of a speaker with a speech verb between the two words, or a speaker after the
    attack word ("shelled the town on Monday, hospital officials said")."""
    start, end = health
    return (start >= s2 and _names_speaker(text, end)) or _speakers_workplace(text, start, e1, s2)


def told_by_site(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether every one of a sentence's site words (``spans``: "hospital", "clinic") only
    names the workplace of who speaks ("..., said a nurse at the district hospital") or the
    speaker ("hospital officials said"): such a site is no object of the harm told."""
    return bool(spans) and all(
        _names_speaker(text, end) or _speakers_workplace(text, start, max(0, start - 80), start)
        for start, end in spans
    )


def document_cues(
    cb: Codebook, text: str, words: WordIndex | None = None
) -> dict[str, list[tuple[int, int]]]:
    """Every cue match of every category over the whole text, found once per document.

    Each cue is tried only at the words its anchor prefixes admit (``words``, the document's
    :class:`WordIndex`); :func:`sentence_categories` then only looks up offsets.
    """
    words = words or WordIndex(text)
    lexicon_hits: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}

    def hits(name: str) -> tuple[list[int], list[tuple[int, int]]]:
        if name not in lexicon_hits:
            spans = [m.span() for m in words.finditer(cb.anchors.lexicons[name])]
            lexicon_hits[name] = ([s for s, _ in spans], spans)
        return lexicon_hits[name]

    # Each cue over the whole text, at its own candidate words. Asked once per document, so
    # :meth:`WordIndex.finditer_each` would only add the cost of merging and sorting every
    # cue's candidates into one list (it pays off for groups asked sentence by sentence).
    cues, codes = _cue_plan(cb)
    found: dict[str, list[tuple[int, int]]] = {code: [] for code in cb.categories}
    for i, matches in words.finditer_whole(cues).items():  # most cues find nothing
        found[codes[i]].extend(m.span() for m in matches)
    for code, cat in cb.categories.items():
        spans = found[code]
        for first, then, within in cat.pairs:
            second_starts, seconds = hits(then)
            for s1, e1 in hits(first)[1]:
                # Only the first ``then`` hit at or after e1 can pair: a later one is further
                # away and has the same clause break in between, if any.
                i = bisect_left(second_starts, e1)
                if i < len(seconds):
                    s2, e2 = seconds[i]
                    if (
                        s2 - e1 <= within
                        and not _CLAUSE_BREAK.search(text, e1, s2)
                        and not _PAIR_DENIED.search(text, e1, s2)
                        and not _PAIR_DENIED_BEFORE.search(text, max(0, s1 - 24), s1)
                        and not (
                            (first == "health" or then == "health")
                            and _told_by_health(
                                text, (s1, e1) if first == "health" else (s2, e2), e1, s2
                            )
                        )
                    ):
                        spans.append((s1, e2))
        found[code] = sorted(spans)
    return found


def sentence_categories(
    cb: Codebook,
    text: str,
    start: int,
    end: int,
    ctx: DocContext,
    cues: dict[str, list[tuple[int, int]]] | None = None,
    words: WordIndex | None = None,
) -> tuple[list[CategoryHit], list[tuple[int, int]]]:
    """Category hits of ``text[start:end]`` and spans of generic attack words in it.

    ``cues`` are the document's cue matches (:func:`document_cues`); without them the sentence
    is scanned on its own. A cue counts for the sentence it starts in. ``words`` is the
    document's :class:`WordIndex` (built here when not given).
    """
    sentence = text[start:end]
    words = words or WordIndex(text)
    gate_open = (
        ctx.is_conflict or words.search_in(cb.anchors.conflict, start, end, sentence) is not None
    )
    if cues is None:
        cues = document_cues(cb, sentence)
        start_offset = start
    else:
        start_offset = 0
    hits: list[CategoryHit] = []
    crime = words.search(_ORDINARY_CRIME, 0, len(text)) is not None and not (
        _conflict_beyond_police(cb.anchors.conflict.pattern, sentence)
    )
    for code, cat in cb.categories.items():
        if (cat.gate == "conflict" and not gate_open) or (crime and code in CRIME_BLIND):
            continue
        spans = cues.get(code, ())
        # the first cue starting in the sentence (spans are sorted by start)
        i = bisect_left(spans, (start - start_offset, -1))
        if i < len(spans):
            s2, e2 = spans[i][0] + start_offset, spans[i][1] + start_offset
            if start <= s2 < end:
                hits.append(CategoryHit(code, s2, min(e2, end)))
    generic: list[tuple[int, int]] = []
    if gate_open and words.search_in(_NOT_ATTACK_ANCHORED, start, end, sentence) is None:
        generic = [
            (start + m.start(), start + m.end())
            for m in words.finditer_in(_GENERIC_ATTACK, start, end, sentence)
        ]
    elif not gate_open:
        generic = [
            (start + m.start(), start + m.end())
            for m in words.finditer_in(_ATTRIBUTED_STRIKE, start, end, sentence)
        ]
    if ground_bombing_only(text):
        generic = _aerial_generic(text, generic)
    hits = _drop_care(text, _drop_charge(text, start, _drop_non_flight(text, start, hits)))
    return _drop_site_property(text, hits, end), generic


class DocumentCategories:
    """Stage 4 for one document: the cues and gates worked out once, then read per sentence.

    Gives what :func:`sentence_categories` gives for each window of ``windows`` (the
    pipeline's sentences), without a per-sentence pass over every category and gate pattern.
    """

    def __init__(self, cb: Codebook, text: str, words: WordIndex, windows: Windows) -> None:
        self.cb = cb
        self.words = words
        self.windows = windows
        self.ctx = doc_context(cb, text, words)
        cues = document_cues(cb, text, words)
        bounds, starts = windows.bounds, windows.starts
        # per window, the first cue of each category starting in it, in codebook order
        self._first: list[dict[str, tuple[int, int]]] = [{} for _ in bounds]
        for code in cb.categories:
            for s, e in cues.get(code, ()):
                n = bisect_right(starts, s) - 1
                if n >= 0 and s < bounds[n][1] and code not in self._first[n]:
                    self._first[n][code] = (s, e)
        self._site_property = _site_property_only(text, self._first, bounds)
        self._conflict_here = (
            set() if self.ctx.is_conflict else windows.searching(cb.anchors.conflict)
        )
        if self._conflict_here and self.ctx.disaster_words > self.ctx.conflict_words:
            # In a disaster report, a sentence about the disaster that names the war in passing
            # ("floodwaters ripped through camps for people displaced by the war") does not
            # report conflict harm.
            self._conflict_here -= windows.searching(cb.anchors.disaster)
        self._not_attack = windows.searching(_NOT_ATTACK_ANCHORED)
        self._ground_bombing = ground_bombing_only(text, words)
        # "Missiles struck the town. Twenty homes were damaged.": the damage a sentence telling
        # a shelling or an air strike (its cue not ruled out, as :func:`_drop_ruled_out` reads
        # it) tells, or the sentence after it, is conflict harm however few conflict words the
        # document holds
        self._armed_damage: set[int] = set()
        if not self.ctx.is_conflict:
            armed = {
                n
                for n, first in enumerate(self._first)
                if n not in self._not_attack
                and any(
                    _RULED_OUT_BEFORE.search(text, max(bounds[n][0], at - 50), at) is None
                    for code, (at, _) in first.items()
                    if code in ARMED_CATEGORIES
                )
            }
            self._armed_damage = armed | {n + 1 for n in armed if n + 1 < len(bounds)}
        self._crime: set[int] = set()
        if words.search(_ORDINARY_CRIME, 0, len(text)) is not None:
            conflict = cb.anchors.conflict.pattern
            self._crime = {
                i
                for i in range(len(bounds))
                if not _conflict_beyond_police(conflict, windows.views[i])
            }

    def _gate_open(self, n: int) -> bool:
        """Whether window ``n`` reads conflict-gated cues: the document, or the sentence, is
        about conflict."""
        return self.ctx.is_conflict or n in self._conflict_here

    def bare_attack(self, n: int) -> bool:
        """Whether window ``n`` tells an attack without its means (codebook lexicon
        ``bare_attack``) of armed men or on a place or post (``armed_or_post``), in a conflict
        context."""
        if not self._gate_open(n) or n in self._not_attack:
            return False
        start, end = self.windows.bounds[n]
        return (
            self.words.search(self.cb.anchors.lexicons["bare_attack"], start, end) is not None
            and self.words.search(self.cb.anchors.lexicons["armed_or_post"], start, end) is not None
        )

    def sentence(self, n: int) -> tuple[list[CategoryHit], list[tuple[int, int]]]:
        """Category hits and generic attack spans of window ``n``."""
        start, end = self.windows.bounds[n]
        gate_open = self._gate_open(n)
        categories = self.cb.categories
        hits = [
            CategoryHit(code, s, min(e, end))
            for code, (s, e) in self._first[n].items()
            if (
                gate_open
                or categories[code].gate != "conflict"
                or (code == "property_destruction" and n in self._armed_damage)
            )
            and not (code in CRIME_BLIND and n in self._crime)
            and not (code == "property_destruction" and self._site_property)
        ]
        view = self.windows.views[n]
        generic: list[tuple[int, int]] = []
        if gate_open and n not in self._not_attack:
            generic = [
                (start + m.start(), start + m.end())
                for m in self.words.finditer_in(_GENERIC_ATTACK, start, end, view)
            ]
        elif not gate_open:
            generic = [
                (start + m.start(), start + m.end())
                for m in self.words.finditer_in(_ATTRIBUTED_STRIKE, start, end, view)
            ]
        if self._ground_bombing:
            generic = _aerial_generic(self.words.text, generic)
        if generic and ("link" in view or "connection" in view):
            generic = [
                (s, e)
                for s, e in generic
                if not _RULED_OUT_BEFORE.search(self.words.text, max(start, s - 50), s)
            ]
        if not hits:  # most sentences: the checks below would hand back the empty list
            return hits, generic
        text = self.words.text
        hits = _drop_care(text, _drop_charge(text, start, _drop_non_flight(text, start, hits)))
        hits = _drop_worship_attack(text, start, end, hits)
        if any(h.code == "heritage_destruction" for h in hits):
            hits = _drop_heritage_by_name(self.cb, text, start, end, hits)
        hits = _drop_body_names(text, start, hits)
        hits = _drop_disaster_done(self.cb, text, start, hits)
        hits = _drop_ruled_out(text, start, end, hits)
        return _drop_air_launched(text, start, end, _drop_site_property(text, hits, end)), generic


def resolve_generic(doc_codes: set[str]) -> str:
    """The category a generic attack word takes in a document with ``doc_codes`` cued."""
    if "shelling" in doc_codes and "air_strike" not in doc_codes:
        return "shelling"
    return "air_strike"
