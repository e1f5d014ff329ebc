"""Stage 3: harm figures — which counts are tolls, of what, of whom, hedged how, as of when.

A count becomes a figure only when a measure cue from the codebook governs it inside its clause:
a predicate to its right ("14 have been killed", "nine dead", "19,000 refugees") or an active
verb / head noun to its left ("killing 85", "death toll rose to 40", "damage to 457 sites").
Right cues win when close, unless they are the active verb of the *next* number ("killed 21
civilians and wounded another 70"). Counts without a cue of their own take one from a linked
count: a sub-count ("including 13 volunteers", "four of them are children", "of whom 15"), a
continuation ("another two", "twelve others", "the other twenty-five"), a coordinated count
("21 were Afro-Colombians and 17 indigenous"), or, for objects (houses, sites, villages), the
sentence's damage cue. Combined measures ("killed or wounded", "casualties") and negated or
unharmed counts are dropped. Restatements are merged document-wide (:func:`merge_restatements`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from harmwatch.codebook import OBJECT_SUBJECTS, Codebook
from harmwatch.codebook.anchors import AnchoredPattern, anchor
from harmwatch.extract.measure_cues import (
    OF_THEM_AFTER,
    THAT_CLAUSE,
    choose_cue,
    key_figure_label,
    table_label,
    word_count,
)
from harmwatch.extract.numbers import CHANGED_FROM, NUMBER_WORD, NumberMention
from harmwatch.extract.text import TRIED_CAPTIVES
from harmwatch.extract.wordindex import ODD_CASE_CHARS, WordIndex, may_hold

__all__ = ["Figure", "SentenceContext", "figures_in_sentence", "merge_restatements"]

#: Most words between two coordinated counts that share a measure.
COORD_MAX_WORDS = 7
#: When several subject words describe a count, the most specific wins in this order.
SUBJECT_PRIORITY = (
    "prisoners_of_war",
    "medical_staff",
    "journalists",
    "officials",
    "children",
    "women",
    "elderly",
    "soldiers",
    "civilians",
    "monuments",
    "schools",
    "hospitals",
    "buildings",
    "settlements",
    "people",
)
#: "lost 80 servicemen", "lost two of his brothers": people a side or a family lost are dead
#: (not "lost 40 tanks", "lost 300 hectares").
_LOST_BEFORE = re.compile(
    r"\blost\s+"
    # "lost his wife and three of his children", "lost her mother and two brothers": a relative
    # named before the count
    r"(?:(?:his|her|their|my|our)\s+(?:wife|husband|mother|father|son|daughter|brother|sister|"
    r"child|baby|grandmother|grandfather|uncle|aunt|cousin)\s+and\s+)?"
    r"(?:(?:about|some|around|nearly|almost|at least|more than|over)\s+)?$",
    re.IGNORECASE,
)
#: The fate told last of people first taken or hurt ("... and then killed").
_THEN_KILLED = re.compile(
    r"[^.;]{0,80}?\b(?:and\s+)?(?:then|later|subsequently|afterwards)\s+"
    r"(?P<k>killed|executed|shot\s+dead|murdered)\b",
    re.IGNORECASE,
)
_LOST_PEOPLE_AFTER = re.compile(
    # ("ninety-eight ( 98 ) of its inhabitants": the digits in brackets repeat the count)
    r"(?:\s*\(\s*[\d.,]+\s*\))?\s+(?:of\s+(?:his|her|their|my|our|its)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:servicemen|servicemembers|soldiers|troops|fighters|officers|policemen|men|civilians|"
    r"members|brothers|sisters|sons|daughters|children|relatives|cousins|citizens|personnel|"
    r"inhabitants|residents|villagers|people|persons|crew(?:\s+members)?)\b",
    re.IGNORECASE,
)
#: Between two sub-counts of one list: a short noun phrase and a comma or "and".
_SUB_LIST_GAP = re.compile(r"\s+[\w\s-]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
_SUB_BEFORE = re.compile(
    r"\b(?:including|among them|among whom|of whom|of which|incl\.?)\s+"
    # "among them - 1 child" (translated bulletins)
    r"(?:[-–—:]\s*)?"
    # "including the village chief and his two sons": a part named after other members
    r"(?:[\w'’]+\s+){0,6}$|[–—:]\s*$|"
    r"^\W*(?:of|among) (?:them|these|those|whom)\s*,?\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


#: Up to the gap's last character that no match opening after its start holds.
_SUB_LAST_OTHER = re.compile(r".*[^\w\s'’\-–—:.]", re.DOTALL)
#: The pattern's non-ASCII dashes, and the characters case-insensitive matching takes for an
#: ASCII letter although lower-casing does not make them one (see
#: :data:`harmwatch.extract.wordindex.ODD_CASE_CHARS`): a gap holding one is always searched.
_SUB_UNSURE = ("\u2013", "\u2014", *ODD_CASE_CHARS)


#: A part told as an aside between commas: ", of whom", ", among them", ", including".
#: A hedge that may stand between an aside's opening and its count ("of whom at least four").
_ASIDE_HEDGE = r"(?:(?:at\s+least|about|some|nearly|more\s+than)\s+)?"
_ASIDE_OPEN = re.compile(
    rf",\s*(?:of\s+(?:whom|them)|among\s+(?:whom|them)|including)\s+{_ASIDE_HEDGE}$",
    re.IGNORECASE,
)
#: A comma opening an aside whose count is followed by "of them" ("..., two of them critically,").
_ASIDE_COMMA = re.compile(rf",\s*{_ASIDE_HEDGE}$", re.IGNORECASE)


def _sub_before(gap: str) -> bool:
    """``_SUB_BEFORE.search(gap)``, skipped for a ``gap`` without the words or colon every
    match has (case-insensitive matching also takes a few non-ASCII letters for ASCII ones,
    and two dashes are not ASCII: a gap holding one of those is always searched)."""
    if (gap.isascii() or not any(c in gap for c in _SUB_UNSURE)) and ":" not in gap:
        low = gap.lower()
        if "of " not in low and "among" not in low and "incl" not in low:
            return False
    # A match opening after the gap's start is all words, spaces, apostrophes, dashes, a
    # colon or the dot of "incl." up to the end, so it opens after the last other character
    # (" civilians, including " is searched from "including"); one opening at the start
    # ("of them, ...") is tried there. (``\b`` still sees the character before ``pos``.)
    other = _SUB_LAST_OTHER.match(gap)
    if other is None:
        return _SUB_BEFORE.search(gap) is not None
    return _SUB_BEFORE.match(gap) is not None or _SUB_BEFORE.search(gap, other.end()) is not None


#: The words one of which every match of these patterns holds (their last alternation).
_SPEAKERS_WORDS = ("said", "says", "told", "recalled", "explained", "described")
_RELEASE_WORDS = (
    "released",
    "freed",
    "repatriated",
    "returned",
    "unharmed",
    "rescued",
    "survived",
    "alive",
    "brought back",
)
_NEGATED_WORDS = ("not", "n't")


_SHARE_OF_WHOM_AFTER = re.compile(
    r"\s+[\w ’'-]{0,30}?,\s*(?:about\s+|some\s+|nearly\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:per\s*cent|percent|%)|"
    r"half|a third|a quarter|two[- ]thirds|three[- ]quarters)\s+of\s+(?:whom|which|them)\b",
    re.IGNORECASE,
)
_OF_THESE_OPENING = re.compile(
    r"\s*(?:of|among) (?:these|them|those|the total)\s*,?\s*(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
#: "80 or so", "50-odd": a hedge after the count.
_HEDGE_AFTER = re.compile(r"(?:\s+or so|-odd|\s+odd)\b", re.IGNORECASE)
#: How far before a count's cue a combined phrase ("killed or injured") is looked for.
COMBINED_LOOKBACK = 15
_AFFECTED_WORD = re.compile(r"(?:affected|impacted)\b", re.IGNORECASE)
_QUESTIONING_AFTER = re.compile(
    # "13 suspects have been arrested in Colombo for questioning"
    r"\s+(?:[\w'’-]+\s+){0,8}?(?:for questioning|in connection with)\b",
    re.IGNORECASE,
)
#: A count of the people who speak: "one aid worker said", "two witnesses told AFP".
_SPEAKERS_AFTER = re.compile(
    r"\s+(?:(?!(?:and|or|but|of|whom|who|which|that|it|he|she|they|we|had|has|have|was|were|"
    r"is|are|dead|killed|wounded|injured|missing)\b)[\w'’-]+\s+){0,3}?"
    r"(?:said|says|told|recalled|explained|described)\b",
    re.IGNORECASE,
)
_PAREN_OPEN = re.compile(r"\s*\(\s*")
_CONT_BEFORE = re.compile(
    r"\b(?:another|the other|other|a further|an additional|also)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_CONT_AFTER = re.compile(r"^\s+(?:others?|more|other)\b", re.IGNORECASE)
#: "the real number was higher, more than 100": another estimate of the count told before.
_OTHER_ESTIMATE = re.compile(
    r"\b(?:real|actual|true|final|overall)\s+(?:number|toll|figure|count)\s+"
    r"(?:was|is|could\s+be|may\s+be|might\s+be|would\s+be)\s+(?:much\s+|far\s+)?"
    r"(?:higher|lower|greater)?\s*,?\s*(?:at\s+)?"
    r"(?:(?:more\s+than|over|at\s+least|about|nearly|close\s+to|around|some)\s+)?$",
    re.IGNORECASE,
)
_OF_THE = re.compile(r"\b(?:of|out of) the\s+$", re.IGNORECASE)
#: "Among the 12 wounded were three police officers", "the 70 dead included 11 children": a
#: definite total, then what stands between it and its part.
_DEFINITE_TOTAL_BEFORE = re.compile(r"\b(?:[Aa]mong|[Oo]f)?\s*\b[Tt]he\s+$")
_TOTAL_INCLUDES_GAP = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:were|was|are|is|included|include|includes)\s+"
    r"(?:(?:at\s+least|about|some|nearly|more\s+than|also)\s+)?",
    re.IGNORECASE,
)
#: A sentence opening on the group its parts are counted from ("Of the 45 people wounded, ...").
_OPENING_OF_THE = re.compile(r"\s*(?:of|out of) the\s+", re.IGNORECASE)
#: "rose to 31 from 24", "up from 12", "compared with 40 a day earlier": the count before an
#: update is an earlier toll of the same measure and group.
_EARLIER = (
    r"(?:an earlier |a previous |the previous |an initial |the earlier )?"
    r"(?:(?:around|about|some|roughly|nearly|almost|approximately|more than|over|at least)\s+)?"
)
#: "up from around 310,000", "The number has grown from 65,000 on Wednesday"
_UP_FROM = re.compile(
    rf"\b(?:up|down|(?:has |had |have )?{CHANGED_FROM}) from\s+{_EARLIER}$",
    re.IGNORECASE,
)
_EARLIER_COUNT = re.compile(
    rf"\s*(?:\w+\s+){{0,4}}?(?:,\s*)?(?:up |down )?(?:from|compared with|compared to)\s+{_EARLIER}",
    re.IGNORECASE,
)
_COORD_GAP = re.compile(
    r"^[^;.]*?(?:\band\b|,|\bas well as\b|\bwhile\b|\bto\b)[^;.]*$", re.IGNORECASE
)
_RELEASE_AFTER = re.compile(
    r"^\W*(?:(?!but\b)\w+\W+){0,3}?(?:released|freed|repatriated|returned|"
    r"unharmed|rescued|survived|alive|brought back)\b",
    re.IGNORECASE,
)
#: "Three others survived", "two were freed": a count without a cue of its own whose predicate
#: is survival takes no measure from the count before it.
_SURVIVED_AFTER = re.compile(
    r"\s+(?:[^\W\d][\w-]*\s+){0,6}?(?:survived|escaped|(?:were|was)\s+(?:released|freed|rescued|unharmed|"
    r"unhurt))\b",
    re.IGNORECASE,
)
#: Freed or exchanged captives are counted as detained (the set's convention): a detention
#: count keeps its count past a word of release.
_RELEASE_WORD = re.compile(r"released|freed|repatriated|returned|rescued", re.IGNORECASE)
#: "three others survived with injuries", "30 survivors were left with burns": hurt survivors.
_SURVIVED_WITH = re.compile(r"survived\s+with\s+(?:[\w-]+\s+){0,2}|survivors\s+", re.IGNORECASE)
#: "40 schools remain closed", "six schools occupied by armed groups": closed or occupied schools
#: and health facilities are `affected` (the set's convention); nothing else closed is.
_CLOSURE = re.compile(r"\b(?:clos|shut|occupied)", re.IGNORECASE)
_CLOSABLE = frozenset({"schools", "hospitals"})
#: "31 sites could not be assessed": a count whose own predicate is negated is no figure.
#: A relative pronoun on the way starts a clause of its own ("Two villagers who had not been
#: able to flee were found dead"): its negation is not the count's.
_NEGATED_PREDICATE = re.compile(
    r"^\s+(?:(?!(?:who|which|that)\b)[\w-]+\s+){0,3}?(?:could|can|were|was|have|has|had|"
    r"did|are|is)\s*(?:not|n't)\b",
    re.IGNORECASE,
)
#: "only 308 of them have been brought back": a part that escaped the harm is no figure.
_RELEASED_PART = re.compile(
    r"^\s+of (?:them|those|whom)\s+(?:\w+\s+){0,3}?(?:released|freed|"
    r"repatriated|returned|rescued|survived|brought back|identified|reburied)\b",
    re.IGNORECASE,
)
#: Subjects that are people; such counts are never ``damaged``.
PERSON_EXCLUDES = frozenset({"damaged"})
#: Measures only people suffer: a count of houses or schools is never one of them.
PEOPLE_ONLY = frozenset({"killed", "injured", "detained", "missing"})
_PREDICATE = re.compile(
    r"^\s+(?:of (?:them|whom|those)\s+)?(?:\w+\s+){0,1}(?:were|are|was|is)\s+", re.IGNORECASE
)
_QUALIFIER_TAIL = re.compile(r"\s*(?:another\s+|a total of\s+|the\s+|some\s+)?", re.IGNORECASE)
_NP_END = re.compile(
    r"[,;.()\[\]“”\"]|\b(?:were|was|are|is|have|has|had|who|that|which|in|at|on|said|says|told|"
    r"from|during|after|before|until|by|as|to|into|and|or|with|while|when|since|near|outside|"
    r"inside|around|across|along|between|behind|beyond|through|throughout|towards?|amid|within)\b",
    re.IGNORECASE,
)
#: A verb cue followed by its object or a place ("fled the village", "fled to Chad"), unlike an
#: adjective cue before the group ("three wounded reporters").
_OBJECT_AFTER_CUE = re.compile(
    r"\s+(?:the|a|an|their|his|her|its|our|this|that|these|those|to|into|from|towards?|"
    r"across|in|at|on)\b",
    re.IGNORECASE,
)
_PEOPLE_OF = re.compile(
    r"\s*(?:[\w-]+\s+)?(residents|inhabitants|people|families|villagers|civilians|men|women|"
    r"children|boys|girls|youths|farmers|workers)\s+of\b",
    re.IGNORECASE,
)
_OWNER = re.compile(r"\b\w+['’]s\s+(?=\w)")
#: A count's own gloss in brackets, digits or words: "ninety-two (92)", "16 (sixteen)", "4 ( 04 )".
_PAREN_NUMERAL = re.compile(
    rf"\s*\( ?(?:\d[\d,.]*|(?i:(?:{NUMBER_WORD})(?:[\s-]+(?:{NUMBER_WORD}))*)) ?\)"
    r"(?:\s+of\s+(?:our|the|their|its)\b)?"
)
_OF_THE_NP = re.compile(r"\b(?:of|out of) the\s+(\w+(?:[- ]\w+)??)\s+(\w+)", re.IGNORECASE)
_OF_THE_NP_ANCHORED = anchor(_OF_THE_NP)
_COMBINED_HEAD = re.compile(
    r"\b([\w-]+(?:\s+[\w-]+)?)\s+(?:casualties|victims)\b[^:;.]{0,40}(?::|\s[-–—]\s|\()",
    re.IGNORECASE,
)
#: Where a breakdown of a combined count starts: a colon, a dash between spaces, a bracket.
_BREAKDOWN_START = re.compile(r":|\s[-–—]\s|\(")
#: "the M10 and M2 hospitals, the two largest in the city, were struck": a count in apposition
#: takes its group from the noun before the comma.
_APPOSED_TO = re.compile(r"(\w+),\s+(?:the|all|both|its|their)\s+$", re.IGNORECASE)
_DAMAGE_STEM = re.compile(r"\bdestr|\bdamag|\bdisrepair\b", re.IGNORECASE)
_DAMAGE_STEM_ANCHORED = anchor(_DAMAGE_STEM)
_PLAIN_NEGATOR = re.compile(r"no|not|none", re.IGNORECASE)
_NEGATOR_WORD = re.compile(r"\b(?:no|not|none)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"\b(?:half|third|quarter|most|much|part) of the\s+$", re.IGNORECASE)
#: "a town of 25,000 inhabitants", "with 40,000 inhabitants": a population, not the count of
#: people a verb says something about.
_POPULATION_BEFORE = re.compile(r"\b(?:of|with|has|had|home to|population of)\s+$", re.I)
PEOPLE_MEASURES = frozenset({"killed", "injured", "displaced", "detained", "missing", "affected"})
_MEDICAL_MOVE = re.compile(
    r"[^.;]{0,60}?\b(?:for (?:further )?(?:surgery|treatment|medical (?:care|treatment))|"
    r"to (?:a |the )?"
    r"(?:\w+ )?hospitals?)\b",
    re.IGNORECASE,
)
_TARGETED = re.compile(r"(?:hit|struck|shelled|attacked|targeted|bombed)", re.IGNORECASE)
_TARGETED_BEFORE = re.compile(
    r"\b(?:hit|struck|shelled|attacked|targeted|bombed)\s+(?:the\s+)?$", re.IGNORECASE
)
_INTERVIEWED = re.compile(
    r"\b(?:interviewed|surveyed|spoke (?:to|with)|met with|consulted)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "15 attackers were killed and about 20 suspects detained": a count with a noun of its own
#: and its own cue names its own group, even one the codebook has no subject for.
_OWN_NOUN = re.compile(
    r"\s+(?!(?:in|at|on|of|were|was|are|is|and|or|from|by|more|other|others|people|persons|"
    r"have|has|had|with|who|the|a|an)\b)(?![a-z]+ly\b)[a-z]{3,}\b"
)
_SHARED_HEDGES = frozenset({"at_least", "more_than", "about"})
_AND_BEFORE = re.compile(r"\band\s+$", re.IGNORECASE)
_VERB_BETWEEN = re.compile(
    r"\b(?:were|was|are|is|have|has|had|killed|wounded|injured|died|dead|displaced|fled|"
    r"detained|arrested|abducted|missing|damaged|destroyed)\b",
    re.IGNORECASE,
)
#: The second count with a noun and a verb of its own ("and 28 others were wounded"), unlike
#: "and 141 were injured" or "and 2,800 injured".
_OWN_VERB_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){1,3}?(?:were|was|are|is|have|has|had)\b", re.IGNORECASE
)
_AS_WERE = re.compile(r",\s+as\s+(?:was|were)\s+[^,;.]{0,40}$", re.IGNORECASE)
_AND_BARE = re.compile(r"\s(?:and|while|but)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"\s+(?:in|from|on|at)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"(?:\s+(?:side|bank|part|coast|border))?|(?:northern|southern|eastern|western|other)\s+"
    r"(?:side|bank|part|coast|border))\s*[.;,]"
)
#: (and "near two villages", "clashes between two clans": the count after these words is of
#: places or bodies, not of people harmed)
_AT_PLACES_BEFORE = re.compile(
    r"\b(?:in|across|at|near|between|outside|inside|within)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
#: After a count "from": bodies and places ("from two television channels"), not the earlier
#: toll of an update ("rose to 240 from 198 on Sunday").
_BODIES_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:channels|outlets|newspapers|organi[sz]ations|agencies|groups|units|"
    r"families|villages|towns|countries|districts|provinces|regions|companies|brigades|"
    r"battalions|clans|tribes|communities|schools|hospitals)\b",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|at|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SEMI_PLACE = re.compile(
    r";\s*(?:and\s+)?in\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,?\s*$"
)
_CLAUSE_END = re.compile(r"\s*(?:[.;]|$)")
_ALSO_BEFORE = re.compile(r"\balso\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:since|total|toll|in all|so far)\b", re.IGNORECASE)
_CUMULATIVE_WORDS = ("since", "total", "toll", "in all", "so far")


def _cumulative(sentence: str) -> bool:
    """``_CUMULATIVE.search(sentence)``, skipped for an ASCII sentence without its words."""
    if sentence.isascii():
        low = sentence.lower()
        if not any(w in low for w in _CUMULATIVE_WORDS):
            return False
    return _CUMULATIVE.search(sentence) is not None


_PART_GAP = re.compile(
    r"\s+(?:of|out of)\s+(?:the\s+)?"
    r"|\s+(?:[\w-]+\s+){0,2}?(?:were|was|are|is)\s+among\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: Between two sibling parts: "12 children and 8 women", "12 children, 8 women".
_AND_SIBLING = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s*(?:,\s*and|,|and)\s+", re.IGNORECASE)
#: (after a count's own gloss in brackets: "Six (06) soldiers and two (02) civilians"; a
#: group may itself join two nouns: "920 militants, 165 soldiers and police officers and 47
#: civilians")
_APPOSITION_GAP = re.compile(
    r"\s*(?:\( ?[\w,.-]+ ?\)\s*)?"
    r"(?:[\w-]+(?:\s+[\w-]+)?(?:\s+and\s+[\w-]+(?:\s+[\w-]+)?)?"
    # ("125 members of the government's security forces and 148 fighters": one word and an
    # "of" phrase; not "30 people out of the rubble, seven of whom")
    r"|[\w-]+\s+of\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?(?:[\w-]+\s+){0,2}[\w-]+)"
    # "13 civilians, including women and children, and five soldiers": an aside with no count
    r"(?:\s*,\s*(?:including|among\s+them)\s+[^\d,;.]{1,40}(?=,))?"
    r"\s*(?:,|and|,\s*and)\s*"
)
#: The aside of :data:`_APPOSITION_GAP`, which names no group of the count before it.
_GAP_ASIDE = re.compile(r",\s*(?:including|among\s+them)\s+[^\d,;.]{1,40}(?=,)")
#: "63 of the 67 mosques", "Of the 161 sites", "all of Gaza's 2.3 million people": the number
#: is the base a part is taken from (a population, not a harmed group) and is not a figure;
#: so are the places a people count comes from ("1,500 residents of the two villages").
_BASE_GAP = re.compile(
    # "three of the camp's six schools", "two of its four clinics": an owner before the base
    r"^\s+(?:of|out of)\s+(?:the\s+(?:[\w-]+['’]s\s+)?|all\s+(?:the\s+)?|its\s+|their\s+|"
    r"[A-Z][\w-]*['’]s\s+)?$",
    re.IGNORECASE,
)
_ONE_OF_GAP = re.compile(r"\s+(?:of|among)\s+(?:the\s+)?", re.IGNORECASE)
_PEOPLE_OF_GAP = re.compile(
    r"\s+(?:residents|inhabitants|villagers|families|households)\s+of\s+(?:the\s+|all\s+)?",
    re.IGNORECASE,
)
_BASE_OPENER = re.compile(
    r"(?:^|[^\w\s]\s*|\s)Of the\s+$|\b(?:[Aa]ll|[Mm]ost|[Hh]alf|[Mm]uch) of "
    r"[A-Z][\w-]*['’]s $|"
    r"\b(?:[Pp]opulation|[Gg]raves?|[Tt]ombs?) of (?:about |some |around |nearly |roughly )?$|"
    # "40 percent of the 2,000 houses", "15% of the 60,000 residents": a share's base
    r"(?:\b[Pp]er ?cent|%) of (?:the |its |their |all )?$|"
    r"\b(?:youngest|oldest|eldest|rest|remainder|last|first|each|none|either|neither|both|"
    r"third|quarter|fifth|tenth|half|majority|minority) of the $|\ball but $"
)
_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: Patterns of :func:`figures_in_sentence` asked at their words through the document's index.
_CONT_BEFORE_ANCHORED = anchor(_CONT_BEFORE)
_INTERVIEWED_ANCHORED = anchor(_INTERVIEWED)
_DEFINITE_BEFORE_ANCHORED = anchor(_DEFINITE_BEFORE)
_UP_FROM_ANCHORED = anchor(_UP_FROM)
_OTHER_ESTIMATE_ANCHORED = anchor(_OTHER_ESTIMATE)
#: "Of the 45 people wounded, 12 ...", "12 of the 70 dead": a base that is itself a harmed group
#: (its noun followed by the harm) is a figure, as the devset lists totals with their parts.
_HARMED_GROUP_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:wounded|injured|killed|dead|detained|displaced|missing|abducted|"
    r"arrested|kidnapped|taken (?:hostage|captive|prisoner)|held|admitted|hospitali[sz]ed|"
    r"hostages|captives|detainees)\b",
    re.IGNORECASE,
)


def _base_opener(before: str) -> bool:
    """``_BASE_OPENER.search(before)``, skipped when ``before`` holds none of the words every
    match has (the pattern is case-sensitive: "Of the", " of ", "all but ")."""
    if "Of the" not in before and " of " not in before and "all but " not in before:
        return False
    return _BASE_OPENER.search(before) is not None


#: "provided food and shelter kits to 6,800 newly displaced households": people reached by aid
#: are counted by the aid, not as a harmed group of the report.
_AID_RECIPIENTS_BEFORE = re.compile(
    r"\b(?:provided|distributed|delivered|assisted|reached|supported|served|helped|registered|"
    # "trucks carrying food for 4,000 displaced people"
    r"carrying|carried)"
    r"\b[^.;]{0,80}\b(?:to|for)\s+(?:about |some |around |nearly |more than |over |at least )?$",
    re.IGNORECASE,
)
#: The verbs one of which every match of :data:`_AID_RECIPIENTS_BEFORE` holds.
_AID_WORDS = (
    "provided",
    "distributed",
    "delivered",
    "assisted",
    "reached",
    "supported",
    "served",
    "helped",
    "registered",
    "carrying",
    "carried",
)
_OF_THE_MEASURE = re.compile(
    r"\W*(?:of|among) the (?:[\d,]+ )?(dead|killed|victims|bodies|wounded|injured|displaced|"
    r"detainees|detained|missing)\b[^,.;]{0,60},",
    re.IGNORECASE,
)
_OPENING_MEASURES = {
    "dead": "killed",
    "killed": "killed",
    "victims": "killed",
    "bodies": "killed",
    "wounded": "injured",
    "injured": "injured",
    "displaced": "displaced",
    "detainees": "detained",
    "detained": "detained",
    "missing": "missing",
}
#: "24,000 households, about 168,000 people": households restated as people are the people.
_AS_PEOPLE_AFTER = re.compile(
    r"\s+(?:households|families),\s+(?:or\s+)?(?:about |some |around |nearly |roughly "
    r"|an estimated |approximately )?[\d,.]+(?:\s+(?:million|thousand))?\s+(?:people|persons"
    r"|individuals)\b",
    re.IGNORECASE,
)
#: "18 of the 31 trucks": a part of a non-count unit (vehicles, weapons) is no figure either.
_PART_OF_AFTER = re.compile(r"^\s+(?:of|out of)\s+(?:the\s+|all\s+)?[\d,.]+\s+", re.IGNORECASE)
#: "civilian houses": the adjective must not make an object count a count of civilians.
#: "16 workers building a bridge", "40 families fleeing the town": a participle with its own
#: object ends the group; the object is not the count's.
_PARTICIPLE_CLAUSE = re.compile(
    r"\s\w+ing\s+(?:a|an|the|their|his|her|its|new)\b.*$", re.IGNORECASE | re.DOTALL
)
_CIVILIAN_ADJECTIVE = re.compile(
    r"\bcivil(?:ian)?\s+(?=(?:houses?|homes?|buildings?|objects?|facilit(?:y|ies)|infrastructure|"
    r"structures?|dwellings?|settlements?|apartments?|shelters?)\b)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Figure:
    """One harm figure with its evidence span (``text[start:end] == quote``)."""

    id: str
    measure: str
    value: int
    qualifier: str
    subject: str | None
    as_of: date | None
    cumulative: bool
    start: int
    end: int
    quote: str
    sentence: int
    number_start: int
    number_end: int
    part_of: str | None = None
    derived: str | None = None
    additive: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    #: "the 105 dead", "the 45 wounded": a definite count without a group of its own points
    #: back to a count told before, whatever group that one named.
    anaphoric: bool = False


@dataclass(slots=True)
class SentenceContext:
    """What a sentence hands to the next: its figures and its as_of marker."""

    figures: list[Figure]
    as_of_marker: bool
    as_of: date | None


#: What the codebook writes for a list of no words: a pattern that never matches.
_NEVER = r"(?!x)x"
#: Per qualifier mapping (by identity, kept alive beside it): each qualifier's pattern
#: anchored (None for one that never matches), and all of those together; None when one of
#: them cannot be anchored.
_QUALIFIER_ANCHORS: dict[
    int,
    tuple[
        dict[str, re.Pattern[str]],
        tuple[list[tuple[str, AnchoredPattern | None]], tuple[AnchoredPattern, ...]] | None,
    ],
] = {}


def _qualifier_anchors(
    cb: Codebook,
) -> tuple[list[tuple[str, AnchoredPattern | None]], tuple[AnchoredPattern, ...]] | None:
    quals = cb.qualifiers
    entry = _QUALIFIER_ANCHORS.get(id(quals))
    if entry is None or entry[0] is not quals:
        each = [(q, None if p.pattern == _NEVER else anchor(p)) for q, p in quals.items()]
        aps = tuple(ap for _, ap in each if ap is not None)
        known = all(ap.prefixes is not None for ap in aps)
        entry = _QUALIFIER_ANCHORS[id(quals)] = (quals, (each, aps) if known else None)
    return entry[1]


def _qualifier(
    cb: Codebook, before: str, words: WordIndex | None = None, start: int = 0
) -> tuple[str, int]:
    """The hedge ending right before the number, and how many characters it spans.

    ``before`` is ``words.text[start:start + len(before)]`` when the document's ``words`` are
    given: the patterns then run only at their candidate words, and a window with none
    (most) is answered without a scan."""
    best = ("exact", 0)
    anchored = _qualifier_anchors(cb) if words is not None else None
    if anchored is None or words is None:
        for q, pat in cb.qualifiers.items():
            best = _longest_qualifier(best, q, pat.finditer(before), before)
        return best
    each, aps = anchored
    end = start + len(before)
    if not words.may_match(aps, start, end):
        return best
    for q, ap in each:
        if ap is not None:  # None never matches
            best = _longest_qualifier(best, q, words.finditer_in(ap, start, end, before), before)
    return best


def _longest_qualifier(
    best: tuple[str, int], q: str, matches: Iterable[re.Match[str]], before: str
) -> tuple[str, int]:
    """``best`` or qualifier ``q`` if one of its ``matches`` in ``before`` reaches the count
    (only a qualifier tail after it) from further back."""
    for m in matches:
        if _QUALIFIER_TAIL.fullmatch(before[m.end() :]):
            length = len(before) - m.start()
            if length > best[1]:
                best = (q, length)
    return best


#: "25,000 women, children and elderly people": three groups listed after a count make a
#: mixed group, ``people``.
_PEOPLE_HEAD = re.compile(r"\s*(?:people|persons|individuals)\b", re.IGNORECASE)
_GROUP_WORD = r"(?:women|men|children|boys|girls|elderly(?:\s+people)?|old people|infants)"
_MIXED_LIST = re.compile(
    rf"\s+{_GROUP_WORD}\s*,\s*{_GROUP_WORD}(?:\s*,\s*{_GROUP_WORD})*\s*,?\s+and\s+{_GROUP_WORD}\b",
    re.IGNORECASE,
)
#: Past this many phrases the subject memo starts afresh.
SUBJECT_MEMO_SIZE = 20_000
#: Subjects of recent phrases (phrases recur within and across articles), and the codebook
#: subject patterns they were found with: another codebook starts the memo afresh.
_SUBJECT_MEMO: dict[str, str | None] = {}
_SUBJECT_MEMO_OWNER: list[dict[str, re.Pattern[str]]] = []


def _subject(cb: Codebook, phrase: str) -> str | None:
    """The most specific subject (:data:`SUBJECT_PRIORITY`) a subject word of ``phrase`` names."""
    subjects = cb.subjects
    if (
        not _SUBJECT_MEMO_OWNER
        or _SUBJECT_MEMO_OWNER[0] is not subjects
        or len(_SUBJECT_MEMO) >= SUBJECT_MEMO_SIZE
    ):
        _SUBJECT_MEMO.clear()
        _SUBJECT_MEMO_OWNER[:] = [subjects]
    elif phrase in _SUBJECT_MEMO:
        return _SUBJECT_MEMO[phrase]
    key = phrase
    found = None
    phrase = _CIVILIAN_ADJECTIVE.sub("", phrase)
    phrase = _PARTICIPLE_CLAUSE.sub("", phrase)
    named = [
        code
        for code in SUBJECT_PRIORITY
        if (pat := subjects.get(code)) is not None and pat.search(phrase)
    ]
    if named:
        found = named[0]
        if found in OBJECT_SUBJECTS and _PEOPLE_HEAD.match(phrase):
            found = None  # "2.1 million people need shelter": the people are the group
        people = [c for c in named if c not in OBJECT_SUBJECTS]
        if found in OBJECT_SUBJECTS and people:
            # "two hotel employees", "school pupils": a person noun after the object noun is
            # the head of the phrase, and the count is of people
            at = {c: m.start() for c in named if (m := subjects[c].search(phrase)) is not None}
            if max(at.get(c, -1) for c in people) > at.get(found, -1):
                found = people[0]
    _SUBJECT_MEMO[key] = found
    return found


#: One adjective right after a number, before "and" ("60 historical and", "40 residential and").
_ADJECTIVE_BEFORE_AND = re.compile(
    r"\s*(?:[a-z]+(?:al|ic|ous|ive|ful|ent|ant|ern|ish|less|able|ible|ary|ory)|public|private|"
    r"civilian|old|new|small|large|local|foreign)\s+"
)
#: The second adjective and the noun it shares with the first ("and cultural monuments").
_ADJECTIVE_AFTER_AND = re.compile(r"\s+[a-z]+\s+(?=[a-z])")


def _np_after(text: str, pos: int, limit: int) -> str:
    """The noun phrase after a number: up to the first verb, clause mark or preposition."""
    paren = _PAREN_NUMERAL.match(text, pos, limit)
    if paren:
        pos = paren.end()  # "ninety-two (92) of our soldiers"
    m = _NP_END.search(text[pos:limit])
    if (
        m is not None
        and m.group() == "and"
        and _ADJECTIVE_BEFORE_AND.fullmatch(text, pos, pos + m.start())
        and (after := _ADJECTIVE_AFTER_AND.match(text, pos + m.end(), limit)) is not None
    ):
        # "60 historical and cultural monuments", "40 residential and commercial buildings":
        # two adjectives of one noun, not two groups
        rest = _NP_END.search(text[after.end() : limit])
        end = after.end() + (rest.start() if rest else min(60, limit - after.end()))
        return _np_tail(text[pos:end])
    np = text[pos : pos + (m.start() if m else min(60, limit - pos))]
    return _np_tail(np)


def _np_tail(np: str) -> str:
    """The noun phrase ``np`` without an owner or a place it names after its people."""
    people_of = _PEOPLE_OF.match(np)
    if people_of:
        return np[: people_of.end(1)]  # "residents of the villages": people
    # every owner holds an apostrophe: without one the scan would find nothing
    owner = _OWNER.search(np) if "'" in np or "’" in np else None
    return np[owner.end() :] if owner else np  # "of the town's residents": the residents


#: What may open a line before a key-figure label: spaces and a bullet or dash.
_BULLET_LINE_START = re.compile(r"[ \t]*(?:[-–—•*·][ \t]*)?")
#: The end of a key-figure entry right after its number ("Killed: 14 | ...", "... 62\n").
#: A separator between two key-figure entries on one line.
_ENTRY_SEPARATOR = re.compile(r"\s[/|•]\s")
#: What may end a key-figure entry after its count: a separator, or a unit of people first
#: ("Returned: 1,100 persons.").
_ENTRY_END = re.compile(
    r"[ \t]*(?:(?:people|persons|individuals|families|households)\b[ \t]*)?(?:[|/;•\n.]|$)"
)


def figures_in_sentence(
    cb: Codebook,
    text: str,
    s_start: int,
    s_end: int,
    s_index: int,
    numbers: list[NumberMention],
    previous: SentenceContext | None,
    as_of_marker: bool,
    as_of: date | None,
    first_id: int,
    words: WordIndex | None = None,
) -> list[Figure]:
    """Figures of one sentence; ``previous`` links continuations to the sentence before.

    ``words`` is the document's :class:`WordIndex` when the caller has one. Most sentences
    hold no count and cost nothing; the sentence-wide tests (damage words, cumulative words)
    run only when a count needs them.
    """
    counts = [n for n in numbers if n.is_count and n.value and n.value >= 1]
    if not counts:
        return []
    kept = _drop_bases(cb, text, s_start, counts)
    # a base's own noun does not stand between the count before it and that count's cue
    bases = {n.start for n in counts} - {n.start for n in kept}
    counts = kept
    words = words or WordIndex(text)
    starts_all = sorted(
        n.start for n in numbers if (n.is_count or n.kind == "vague") and n.start not in bases
    )
    out: list[Figure] = []
    attached: dict[int, Figure] = {}
    sentence = text[s_start:s_end]
    context_subject = None
    # "Of the dead whose identity we could confirm, 17 were children": the parts take the
    # measure of the group the sentence opens with.
    opening = _OF_THE_MEASURE.match(sentence)
    opening_measure = _OPENING_MEASURES.get(opening.group(1).lower()) if opening else None
    m_of = words.search_in(_OF_THE_NP_ANCHORED, s_start, s_end, sentence)
    if m_of:
        context_subject = _subject(cb, m_of.group(2))
    # "1,060 civilian casualties in April: 188 killed and 872 injured": the breakdown after
    # the colon counts the group of the combined count
    # every start holds a colon, a bracket or a dash: most sentences have none ("Three
    # civilians were killed in the shelling of Avdiivka."), and are not scanned
    breakdown = (
        _BREAKDOWN_START.search(sentence)
        if ":" in sentence
        or "(" in sentence
        or "-" in sentence
        or "–" in sentence
        or "—" in sentence
        else None
    )
    if (
        breakdown is not None
        and breakdown.start() > 0
        # (every head is of "casualties" or "victims": a sentence without them is not scanned)
        and may_hold(sentence[: breakdown.end()], ("casualties", "victims"))
        and (head := _COMBINED_HEAD.search(sentence, 0, breakdown.end())) is not None
    ):
        # (also "1,659 civilian casualties - 520 killed and 1,139 injured", "(520 killed ...)")
        context_subject = _subject(cb, head.group(1)) or context_subject

    def damage_in_sentence() -> bool:
        return bool(
            words.search_in(cb.anchors.measure_right["damaged"], s_start, s_end, sentence)
            or words.search_in(cb.anchors.measure_left["damaged"], s_start, s_end, sentence)
            or words.search_in(_DAMAGE_STEM_ANCHORED, s_start, s_end, sentence)
        )

    # the codebook's combined phrases and negators, run at their words (same matches)
    combined_ap, negators_ap = anchor(cb.combined), anchor(cb.negators)

    cumulative_words: list[bool] = []  # computed at the first figure, then reused
    carried: tuple[str | None, tuple[int, int] | None] = (None, None)
    pending: list[tuple[int, NumberMention, str]] = []
    for i, num in enumerate(counts):
        lo = counts[i - 1].end if i > 0 else s_start
        hi = counts[i + 1].start if i + 1 < len(counts) else s_end
        semi = text.find(";", num.end, hi)
        hi_clause = semi if semi >= 0 else hi
        # "Detained 15 / Missing 3": an entry ends at the separator before the next one; a
        # cue on the next line is that line's ("... about 1,000 women\nPalestinians injured:")
        sep = _ENTRY_SEPARATOR.search(text, num.end, hi_clause)
        hi_clause = sep.start() if sep else hi_clause
        newline = text.find("\n", num.end, hi_clause)
        hi_clause = newline if newline >= 0 else hi_clause
        # the key-figure label before the count, looked up once for every use below
        label = key_figure_label(text, lo, num.start) or table_label(text, num.start, num.end, cb)
        measure, cue_span = choose_cue(
            cb, text, num, lo, hi_clause, starts_all, frozenset(), words, label
        )
        # "Azerbaijan says it lost 80 servicemen", "a villager who lost two brothers"; also
        # after another count's cue ("20 wounded, while Azerbaijan lost two servicemen"), so
        # "lost" is looked for between that cue and the count (a cue after the count, "who lost
        # two brothers said the army had shelled", leaves the whole stretch before it)
        lost_lo = (
            lo if measure is None or cue_span is None or cue_span[1] > num.start else cue_span[1]
        )
        if (
            lost_lo <= num.start
            # (a non-ASCII gap may spell it with a long s, which matching takes for "s")
            and (
                not (lost_gap := text[lost_lo : num.start]).isascii() or "lost" in lost_gap.lower()
            )
            and (lost := _LOST_BEFORE.search(text, lost_lo, num.start)) is not None
            and _LOST_PEOPLE_AFTER.match(text, num.end, hi_clause)
        ):
            measure, cue_span = "killed", (lost.start(), lost.start() + len("lost"))
            bereaved = True  # the count is of those lost, not of who speaks after it
        else:
            bereaved = False
        if (
            measure in ("detained", "affected")
            and cue_span is not None
            and cue_span[1] <= hi_clause
            and (then := _THEN_KILLED.match(text, cue_span[1], hi_clause)) is not None
        ):
            # "Two young women were taken away by the soldiers, raped during several days and
            # then killed": the count is of the dead, as victims found tortured are
            measure, cue_span = "killed", then.span("k")
        if measure is None and num.range_role == "low" and i + 1 < len(counts):
            high = counts[i + 1]
            hi2 = counts[i + 2].start if i + 2 < len(counts) else s_end
            measure, cue_span = choose_cue(cb, text, high, lo, hi2, starts_all, frozenset(), words)
            if measure is not None:
                hi = hi2
        if (
            measure is None
            and i + 1 < len(counts)
            and _sub_before(text[num.end : counts[i + 1].start])
            # a colon on the next line ends that line's label, not a breakdown of this count
            and "\n" not in text[num.end : counts[i + 1].start]
        ):
            # "40 civilians, including 12 children, were killed", "4,000 civilians, including
            # 1,200 children and 800 women, were displaced": the cue after the sub-counts is
            # the total's too.
            last = i + 1
            while last + 1 < len(counts) and _SUB_LIST_GAP.fullmatch(
                text, counts[last].end, counts[last + 1].start
            ):
                last += 1
            subs = {counts[k].start for k in range(i + 1, last + 1)}
            hi2 = counts[last + 1].start if last + 1 < len(counts) else s_end
            semi2 = text.find(";", num.end, hi2)
            measure, cue_span = choose_cue(
                cb,
                text,
                num,
                lo,
                semi2 if semi2 >= 0 else hi2,
                [p for p in starts_all if p not in subs],
                frozenset(),
                words,
                label,
            )
        if measure == "damaged":
            # (not past the line: "Houses burned: about 10,000\n– Deaths reported: 128")
            np_subject = _subject(cb, _np_after(text, num.end, hi_clause))
            if np_subject is not None and np_subject not in OBJECT_SUBJECTS:
                measure, cue_span = choose_cue(
                    cb, text, num, lo, hi_clause, starts_all, PERSON_EXCLUDES, words, label
                )
        elif measure in PEOPLE_ONLY:
            # the group ends where a cue after it starts ("207 Ukrainians came home from ...")
            np_hi = cue_span[0] if cue_span and num.end < cue_span[0] < hi else hi_clause
            np_subject = _subject(cb, _np_after(text, num.end, np_hi))
            if np_subject in OBJECT_SUBJECTS:
                # "more than 300 private houses ... were damaged" after "141 were injured ,"
                measure, cue_span = choose_cue(
                    cb, text, num, num.start, hi_clause, starts_all, PEOPLE_ONLY, words
                )
        window_lo = min(num.start, cue_span[0]) if cue_span else num.start
        window_hi = max(num.end, cue_span[1]) if cue_span else num.end
        # "killed or injured 2,505 people": a cue that ends a combined phrase is part of it
        combined = words.search(
            combined_ap, max(lo, window_lo - COMBINED_LOOKBACK), min(hi_clause, window_hi + 40)
        )
        if combined and combined.end() <= window_lo and cue_span and combined.end() < cue_span[1]:
            combined = None  # a combined phrase wholly before the cue is another count's
        if combined and (cue_span is None or combined.start() <= cue_span[1] + 1):
            continue
        # (the look back stops at a clause break: "pulled out alive, and 25 are missing")
        neg_lo = max(s_start, window_lo - 12)
        neg_lo = max(
            neg_lo, text.rfind(",", neg_lo, window_lo) + 1, text.rfind(";", neg_lo, window_lo) + 1
        )
        negated = words.search(negators_ap, neg_lo, window_hi)
        if negated and (
            (cue_span and cue_span[0] <= negated.start() < cue_span[1])
            or _SHARE_OF.search(text, max(s_start, negated.start() - 20), negated.start())
        ):
            negated = None  # "left without water"; "roughly half of the population"
        if (
            negated
            and cue_span
            and num.end < negated.start() < cue_span[0]
            and "," in text[num.end : negated.start()]
            and "," in text[negated.end() : cue_span[0]]
        ):
            negated = None  # "170,000 people, about half of the population, were displaced"
        if (
            negated
            and negated.group().lower() == "inhabitants"
            and not text[num.end : negated.start()].strip()
            and cue_span
            and cue_span[0] > negated.end()
            and measure in PEOPLE_MEASURES
            and not _POPULATION_BEFORE.search(text, max(s_start, num.start - 20), num.start)
        ):
            negated = None  # "some 25,000 inhabitants of the villages have fled"
        if (
            negated
            and cue_span
            and measure == "injured"
            and _SURVIVED_WITH.fullmatch(text, negated.start(), cue_span[0])
        ):
            negated = None  # "three others survived with injuries"
        if negated and measure in ("detained", None) and _RELEASE_WORD.fullmatch(negated.group()):
            # "346 hostages have been freed", "released 14 of the 60 hostages": their captivity
            # is the harm told
            negated = None
        if negated and not _PLAIN_NEGATOR.fullmatch(negated.group()):
            continue
        if negated and _NEGATOR_WORD.search(text[max(s_start, num.start - 12) : num.start]):
            continue
        if (
            cue_span
            and may_hold(
                release_window := text[cue_span[1] : min(hi_clause, cue_span[1] + 40)],
                _RELEASE_WORDS,
            )
            and _RELEASE_AFTER.match(release_window)
            and measure != "detained"
        ):
            continue
        if _RELEASED_PART.match(text[num.end : min(hi, num.end + 60)]) and not (
            out and out[-1].measure == "detained"
        ):
            continue  # (freed captives are detention counts: "31 abducted, 12 of whom ...")
        # most counts have no "not" after them ("12 civilians were killed"): not scanned
        neg_window = text[num.end : min(hi_clause, num.end + 60)]
        neg = _NEGATED_PREDICATE.match(neg_window) if may_hold(neg_window, _NEGATED_WORDS) else None
        if neg and not (cue_span and cue_span[0] <= num.end + neg.end() - 1 < cue_span[1]):
            continue  # unless the negation is the cue's own ("have not been able to return")
        if measure == "detained" and _QUESTIONING_AFTER.match(text, num.end, hi_clause):
            continue  # "detained more than 20 people for questioning": an inquiry, no captivity
        share = _SHARE_OF_WHOM_AFTER.match(text, num.end, hi_clause)
        if share and (
            cue_span is None
            or (cue_span[0] >= share.end() and "," not in text[share.end() : cue_span[0]])
        ):
            # "48,000 residents, 12 per cent of whom were displaced": the cue is the share's,
            # the count its base ("40,000 people fled, half of whom ..." keeps its own cue)
            continue
        if (
            not bereaved
            and may_hold(text[num.end : s_end], _SPEAKERS_WORDS)
            and _SPEAKERS_AFTER.match(text, num.end, s_end)
        ):
            continue  # "one aid worker said", "two survivors told reporters": who speaks
        if _AS_PEOPLE_AFTER.match(text, num.end, s_end):
            carried = (measure, cue_span)  # the people count after it takes the measure
            continue
        own_measure = measure is not None
        if (
            not own_measure
            and _ENTRY_END.match(text, num.end)
            and label is not None
            and (
                label.start() in (0, s_start)
                or text[label.start() - 1] == "\n"
                # "– Schools used as evacuation centres: 43": a bulleted entry
                or _BULLET_LINE_START.fullmatch(
                    text, text.rfind("\n", 0, label.start()) + 1, label.start()
                )
                is not None
            )
        ):
            # "People reached with assistance: 830,000", "Returned: 1,100 persons": a line or
            # sentence counting no harm
            continue
        if measure is None and carried[0] is not None:
            measure, cue_span = carried
        carried = (None, None)
        gap_before = text[counts[i - 1].end : num.start] if i > 0 else ""
        if (
            i > 0
            and i - 1 not in attached
            and counts[i - 1].range_id is None
            and _sub_before(gap_before)
            and not (own_measure and gap_before.rstrip().endswith(":"))
        ):
            # a part of a count that is no figure ("rescued 21, including one"); a breakdown
            # after a colon with its own cue is not ("claimed 355 victims: 67 were killed")
            continue
        before = text[lo : num.start]
        q_start = max(lo, num.start - 40)
        qual, qlen = _qualifier(cb, text[q_start : num.start], words, q_start)
        if qual == "exact" and text.startswith("+", num.end):
            qual = "more_than"  # "35,000+ people had been killed"
        if qual == "exact" and _HEDGE_AFTER.match(text, num.end):
            qual = "about"
        if num.range_role == "low":
            qual = "at_least"
        elif num.range_role == "high":
            qual = "up_to"
        elif (
            qual == "exact"
            and out
            and out[-1].qualifier in _SHARED_HEDGES
            and out[-1].number_end == lo
            and _AND_BEFORE.search(text, max(lo, num.start - 8), num.start)
            and not _CONT_AFTER.match(text[num.end : hi])  # "and 40 other facilities"
            and (
                # "at least 10 schools and 6 clinics were damaged": one verb for both
                not _VERB_BETWEEN.search(text, lo, num.start)
                # "at least 700 killed and 2,800 injured", "and 141 were injured": the second
                # has no noun and verb of its own
                or not _OWN_VERB_AFTER.match(text[num.end : min(hi, num.end + 40)])
            )
        ):
            # "At least 700 people have been killed and 2,800 injured", "at least 10 schools
            # and 6 clinics": the second count has no verb before it and shares the hedge
            # (the set's convention); "killed at least 82 and injured 110" and "at least 5
            # were killed and 28 others were wounded" do not
            qual = out[-1].qualifier
        # the noun phrase ends with the count's own right-hand cue ("200 families fled the
        # village": the village is not the group; "13 Armenian captives": the cue may be it)
        np_end = (
            cue_span[1]
            if cue_span
            and num.end < cue_span[0]
            and cue_span[1] < hi
            and _OBJECT_AFTER_CUE.match(text, cue_span[1], hi)
            else hi
        )
        subj_phrase = _np_after(text, num.end, np_end)
        if num.range_role == "low" and i + 1 < len(counts) and not _subject(cb, subj_phrase):
            hi_high = counts[i + 2].start if i + 2 < len(counts) else s_end
            subj_phrase = _np_after(text, counts[i + 1].end, hi_high)
        if not subj_phrase.strip() and cue_span and cue_span[0] >= num.end:
            subj_phrase = _np_after(text, cue_span[1], hi)
        if cue_span and cue_span[1] <= num.start and _ENTRY_END.match(text, num.end):
            if label is not None:  # "Houses damaged: 1,045 /": the label names the group
                subj_phrase = label.group(1)
        pred = _PREDICATE.match(text[num.end : hi])
        if pred and not _subject(cb, subj_phrase):
            subj_phrase = _np_after(text, num.end + pred.end(), hi)
        subject = _subject(cb, subj_phrase)
        if measure == "displaced" and subject == "soldiers":
            continue  # "20 armed paramilitaries arrived in": a force's moves are no displacement
        if measure in PEOPLE_ONLY and subject in OBJECT_SUBJECTS:
            if _LOCATIVE_BEFORE.search(text, max(lo, num.start - qlen - 12), num.start - qlen):
                continue  # "killed ... in two hamlets": where the people were, not a count
            subject = None  # "207 Ukrainians came home from captivity": no building was held
        if (
            measure is None
            and subject in OBJECT_SUBJECTS
            and damage_in_sentence()
            and not _AT_PLACES_BEFORE.search(text, max(lo, num.start - qlen - 12), num.start - qlen)
        ):
            measure = "damaged"
        if subject in OBJECT_SUBJECTS and text[num.start : num.end].lower() == "one":
            continue
        kind = "own"
        link: Figure | None = None
        if (
            _sub_before(before)
            or OF_THEM_AFTER.match(text[num.end : hi])
            # "31 killed (8 children)": a count opening a bracket after a figure is its part
            or (out and _PAREN_OPEN.fullmatch(text, out[-1].end, num.start))
            # "Among the 12 wounded were three police officers", "the 70 dead included 11
            # children": a count right after a definite total and "were"/"included" is its part
            or (
                out
                and _DEFINITE_TOTAL_BEFORE.search(
                    text, max(s_start, out[-1].number_start - 16), out[-1].number_start
                )
                is not None
                and _TOTAL_INCLUDES_GAP.fullmatch(text, out[-1].number_end, num.start) is not None
            )
            # "Of the 45 people wounded in the attack, 11 are in intensive care": the first
            # count after the comma closing the opening group is its part
            or (
                len(out) == 1
                and _OPENING_OF_THE.fullmatch(text, s_start, out[0].number_start)
                and "," in text[out[0].number_end : num.start]
            )
        ):
            kind = "sub"
        elif (out and _EARLIER_COUNT.fullmatch(text[out[-1].number_end : num.start])) or (
            # "The number has grown from 65,000 on Wednesday": also after the last sentence's
            (out or (previous and previous.figures))
            and (
                words.search(_UP_FROM_ANCHORED, max(lo, num.start - 30), num.start)
                # "The government put the toll at 87. Local leaders said the real number was
                # higher, more than 100": another estimate of the same count
                or words.search(_OTHER_ESTIMATE_ANCHORED, max(s_start, num.start - 80), num.start)
            )
        ):
            kind = "earlier"
        elif words.search_in(
            _CONT_BEFORE_ANCHORED,
            max(lo, num.start - 30),
            num.start,
            text[max(lo, num.start - 30) : num.start],
        ) or _CONT_AFTER.match(text[num.end : hi]):
            kind = "cont"
        if out:
            link = out[-1]
        elif previous and previous.figures:
            link = previous.figures[-1]
        if (
            link is not None
            and link.part_of is not None
            and (
                kind == "earlier"
                or (kind == "sub" and _OF_THESE_OPENING.match(text, s_start, num.start))
            )
        ):
            # "488 were killed, among them 122 children. Of these, 474 were killed by
            # forces", "100,417 ..., among them 30,000 children. The number has grown from
            # 65,000": the part or earlier toll is of the total, not of its last part
            link = next(
                (
                    f
                    for f in (*(previous.figures if previous else ()), *out)
                    if f.id == link.part_of
                ),
                link,
            )
        if (
            kind == "sub"
            and link is not None
            and measure is not None
            and cue_span is not None
            and link.sentence == s_index
            and (
                # "334 hostages were dead, among them 186 children": a cue inside the total's
                # own phrase is the total's
                (link.start <= cue_span[0] and cue_span[1] <= link.end)
                # "Eighteen wounded persons, of whom four in a serious state, were evacuated",
                # "19 people were hurt, two of them critically, when the missile hit": the
                # verb after an aside is the total's
                or (
                    num.end < cue_span[0]
                    and "," in text[num.end : cue_span[0]]
                    and (
                        _ASIDE_OPEN.search(before) is not None
                        or (
                            _ASIDE_COMMA.search(before) is not None
                            and OF_THEM_AFTER.match(text[num.end : hi]) is not None
                        )
                    )
                )
            )
        ):
            measure = link.measure  # the part shares its total's measure
        own_cue = measure is not None
        if not own_cue and (
            _AT_PLACES_BEFORE.search(text, max(lo, num.start - qlen - 12), num.start - qlen)
            or (
                _FROM_BEFORE.search(text, max(lo, num.start - qlen - 12), num.start - qlen)
                and _BODIES_AFTER.match(text, num.end)
            )
        ):
            continue  # "struck 85 targets at seven sites": where, not a harmed group
        sibling_of: str | None = None
        if measure is None and link is not None:
            same_sentence = link.sentence == s_index
            gap = text[link.number_end : num.start]
            gap_ok = same_sentence and (
                (
                    word_count(gap) <= COORD_MAX_WORDS
                    and _COORD_GAP.match(gap)
                    and not THAT_CLAUSE.search(gap)  # "... killed and that 84 had been"
                )
                # "One crew member was killed, as were a general and some 27 soldiers"
                or _AS_WERE.search(gap) is not None
                or (
                    # "138,000 people were evacuated in Thailand and about 135,000 in Cambodia":
                    # a bare count after "and", with a place and no noun of its own
                    _AND_BARE.search(gap) is not None
                    and _PLACE_AFTER.match(text, num.end, s_end) is not None
                )
                # "4 people were killed in Kherson; in Zaporizhzhia, 2.": a place-led ellipsis
                or (
                    _SEMI_PLACE.search(gap) is not None
                    and _CLAUSE_END.match(text, num.end, s_end) is not None
                )
            )
            # "wounded 12-15 workers": the high end of a range is the low end's count
            same_range = (
                num.range_role == "high"
                and attached.get(i - 1) is link
                and counts[i - 1].range_id == num.range_id
            )
            if kind in ("sub", "cont", "earlier") or gap_ok or same_range:
                measure = link.measure
                if gap_ok and link.part_of is not None and _AND_SIBLING.fullmatch(gap):
                    # "among them 12 children and 8 women": the sibling of a part is a part of
                    # the same total
                    sibling_of = link.part_of
        if kind == "earlier" and link is not None and link.sentence == s_index:
            # "rose to 107 from 65 announced on Monday, as more of the wounded died": the count
            # an update starts from is the same toll, whatever cue follows it
            measure, cue_span = link.measure, None
        if kind == "earlier" and link is not None and subject is None:
            subject = link.subject
        if (
            measure is None
            and opening_measure
            and opening is not None
            and num.start > s_start + opening.end()
        ):
            measure, kind = opening_measure, "sub"
        if not own_cue and _SURVIVED_AFTER.match(text, num.end, s_end):
            continue  # "Three others survived": no share of the measure it would borrow
        if measure is None:
            pending.append((i, num, qual))
            continue
        if any(f.value == int(num.value or 0) for f in out) and _OF_THE.search(before):
            continue
        if (
            subject in (None, "people")
            and context_subject
            and context_subject != "people"
            and not _PEOPLE_OF.match(text, num.end, hi)
        ):
            subject = context_subject
        additive = kind == "cont" and not _ALSO_BEFORE.search(
            text[max(lo, num.start - 30) : num.start]
        )
        if link is not None and subject in (None, "people"):
            if (additive and link.part_of is None) or (
                subject is None
                and (
                    kind == "sub"
                    or (
                        link.sentence == s_index
                        and (link.part_of is None or not own_cue)
                        and not (
                            own_cue
                            and (own := _OWN_NOUN.match(text, num.end, hi)) is not None
                            and cue_span is not None
                            and own.end() <= cue_span[0]
                        )
                    )
                )
            ):
                # A sub-count's group ("including 106 children") is not that of the next total
                # with a verb of its own ("and 846 were injured"), only of its siblings
                # ("18 in Hadrut, five in Shushi").
                subject = link.subject
        if subject is None and (apposed := _APPOSED_TO.search(before)):
            subject = _subject(cb, apposed.group(1))
        if subject is None and cue_span and cue_span[1] <= num.start:
            # "the number of servicemen killed has risen to 105": the group is in the cue
            # ("the number of people killed when insurgents attacked ...", "the death toll
            # from a wave of attacks by gunmen": the attackers after it are not the group)
            cue_text = text[cue_span[0] : cue_span[1]]
            attackers = _CUE_CIRCUMSTANCE.search(cue_text)
            in_cue = _subject(cb, cue_text[: attackers.start()] if attackers else cue_text)
            subject = in_cue if in_cue not in OBJECT_SUBJECTS else None
        if _MIXED_LIST.match(text, num.end, s_end):
            subject = "people"  # "25,000 women, children and elderly people"
        if (
            measure == "detained"
            and cue_span is not None
            and _VERDICT_CUE.fullmatch(text, cue_span[0], cue_span[1])
            and not TRIED_CAPTIVES.search(text, s_start, s_end)
        ):
            continue  # "the court convicted three members of the armed group": defendants
        if measure == "detained" and subject == "soldiers":
            subject = "prisoners_of_war"  # captured servicemen are prisoners of war
        if (
            measure == "displaced"
            and cue_span
            and _MEDICAL_MOVE.match(text, cue_span[1], min(s_end, cue_span[1] + 80))
        ):
            if not (kind == "sub" and link is not None and link.measure == "injured"):
                continue  # "evacuated to Yerevan for surgery": the wounded moved for care
            measure = "injured"  # "40 were wounded, eight of whom were flown out for treatment"

        if subject == "settlements" and (
            (cue_span and _TARGETED.fullmatch(text, cue_span[0], cue_span[1]))
            or _TARGETED_BEFORE.search(text, max(s_start, num.start - qlen - 20), num.start - qlen)
        ):
            continue  # "strikes hit four villages": places attacked, not damage counted
        if words.search(_INTERVIEWED_ANCHORED, max(s_start, num.start - 30), num.start):
            continue  # "interviewed 87 displaced persons": the sources, not the harm
        if measure == "damaged" and subject not in OBJECT_SUBJECTS:
            continue  # "two Russian rockets struck": only objects are damaged
        if (
            measure == "affected"
            and cue_span
            and subject not in _CLOSABLE
            and _CLOSURE.search(text, cue_span[0], cue_span[1])
        ):
            continue  # "two border crossings were closed": only schools and clinics count
        span_start = min(num.start - qlen, cue_span[0] if cue_span else num.start)
        span_end = max(num.end, cue_span[1] if cue_span else num.end)
        fig_as_of = as_of if as_of_marker else None
        if link is not None and kind in ("sub", "cont") and not as_of_marker:
            fig_as_of = link.as_of
        elif not as_of_marker and previous and previous.as_of_marker and not previous.figures:
            fig_as_of = previous.as_of
        if not cumulative_words:
            cumulative_words.append(_cumulative(sentence))
        cumulative = as_of_marker or cumulative_words[0]
        if measure in PEOPLE_ONLY and subject in OBJECT_SUBJECTS:
            # "recovered 14 bodies from the rubble of the apartment block": the block is where
            # the dead were found, a building is never killed
            subject = None
        if (
            measure == "affected"
            and subject in ("buildings", "monuments", "settlements")
            and cue_span is not None
            and _AFFECTED_WORD.match(text, cue_span[0], cue_span[1])
        ):
            measure = "damaged"  # "290 heritage sites affected by the war": harm to things
        fig = Figure(
            id=f"f{first_id + len(out)}",
            measure=measure,
            value=round(num.value or 0),
            qualifier=qual,
            subject=subject or "people",
            as_of=fig_as_of,
            cumulative=cumulative,
            start=span_start,
            end=span_end,
            quote=text[span_start:span_end],
            sentence=s_index,
            number_start=num.start,
            number_end=num.end,
            part_of=link.id if (kind == "sub" and link is not None) else sibling_of,
            mentions=[(num.start, num.end)],
            # ("killed 12 villagers and abducted about 50 others": others than the dead, not
            # more of one count, so a later "about 50 abducted" is the same count told again)
            additive=additive and (link is None or link.measure == measure),
            anaphoric=subject in (None, "people")
            and words.search(_DEFINITE_BEFORE_ANCHORED, lo, num.start) is not None,
        )
        if link is not None and kind == "sub" and fig.as_of is None:
            fig.as_of = link.as_of
        out.append(fig)
        attached[i] = fig
    out.extend(_apposition(cb, text, pending, attached, first_id + len(out)))
    return out


def _drop_bases(
    cb: Codebook, text: str, s_start: int, counts: list[NumberMention]
) -> list[NumberMention]:
    """Counts that are not harmed groups: the base of a part ("63 of the 67 mosques", "Of the
    161 sites") and parts of a non-count unit ("18 of the 31 trucks")."""
    kept: list[NumberMention] = []
    for i, num in enumerate(counts):
        prev = counts[i - 1] if i > 0 else None
        if (
            prev is not None
            and text[prev.start : prev.end].lower() == "one"
            and _ONE_OF_GAP.fullmatch(text, prev.end, num.start)
        ):
            # "one of 23 people killed": the group is the figure, the one is not
            if kept and kept[-1] is prev:
                kept.pop()
            kept.append(num)
            continue
        based = (prev is not None and _BASE_GAP.match(text[prev.end : num.start])) or _base_opener(
            text[max(s_start, num.start - 30) : num.start]
        )
        if based and not _HARMED_GROUP_AFTER.match(text, num.end, num.end + 60):
            continue  # a base, unless it is a harmed group itself ("Of the 45 people wounded")
        if prev is not None and _PEOPLE_OF_GAP.fullmatch(text, prev.end, num.start):
            continue  # the harm is the people's, not their villages'

        aid_lo = max(s_start, num.start - 120)
        window = text[aid_lo : num.start]
        if (
            (" to " in window or " for " in window)
            # and one of its verbs ("aid was delivered to 1,200 families")
            and may_hold(window, _AID_WORDS)
            and _AID_RECIPIENTS_BEFORE.search(text, aid_lo, num.start)
        ):
            continue
        after = text[num.end : num.end + 60]
        part = _PART_OF_AFTER.match(after)
        if part and cb.non_count_units.match(after, part.end()):
            continue
        kept.append(num)
    return kept


def _apposition(
    cb: Codebook,
    text: str,
    pending: list[tuple[int, NumberMention, str]],
    attached: dict[int, Figure],
    next_id: int,
) -> list[Figure]:
    """Cue-less counts coordinated with a following figure share its measure
    ("one woman and two children were killed"); their sum is added as a derived figure."""
    out: list[Figure] = []
    # last first, so a count can join one that itself only now took a measure ("7 soldiers
    # and 3 police officers were among the 15 people killed")
    for i, num, qual in reversed(pending):
        nxt = attached.get(i + 1)
        if nxt is None:
            continue
        # "Eight soldiers and at least 12 civilians": the next count's hedge is its own
        _, qlen = _qualifier(cb, text[max(num.end, nxt.number_start - 40) : nxt.number_start])
        gap = text[num.end : nxt.number_start - qlen]
        if _PART_GAP.fullmatch(gap):
            # "Nine of the 15 abducted pupils", "40 children were among the 120 injured": a
            # part of the next count, with its measure and no sum
            part = _borrowing(
                text, nxt, num, qual, _subject(cb, gap) or nxt.subject, f"f{next_id + len(out)}"
            )
            part.part_of = nxt.id
            out.append(part)
            attached[i] = part
            continue
        if not _APPOSITION_GAP.fullmatch(gap):
            continue
        subject = _subject(cb, _GAP_ASIDE.sub("", gap) if "," in gap else gap) or "people"
        if cb.negators.search(gap):
            continue  # "11 survivors and 6 bodies": the first count escaped the harm
        if nxt.measure in PEOPLE_ONLY and subject in OBJECT_SUBJECTS:
            continue  # "killed ... in two hamlets, and five ...": places, not people
        summed = next((f for f in out if f.id == nxt.part_of and f.derived == "sum"), None)
        if summed is not None and summed.value == round(num.value or 0) and "," in gap:
            # "Four journalists, two French and two Armenian, were wounded": the list after
            # the comma breaks this count down; this count takes its sum's place (and id, so
            # the parts' links hold)
            fig = _borrowing(text, nxt, num, qual, subject, summed.id)
            out[out.index(summed)] = fig
            attached[i] = fig
            continue
        fig = _borrowing(text, nxt, num, qual, subject, f"f{next_id + len(out)}")
        out.append(fig)
        attached[i] = fig
        if OF_THEM_AFTER.match(text[nxt.number_end : nxt.number_end + 30]):
            # "Thirty-five civilians, 31 of them women, were killed": the next count is this
            # one's part, not a group to add to it
            nxt.part_of = fig.id
            continue
        if summed is not None:
            # "920 militants, 165 soldiers and 47 civilians were killed": a third group joins
            # the sum of the two after it (one sum of the whole list)
            summed.value += fig.value
            summed.start = num.start
            summed.quote = text[num.start : summed.end]
            summed.mentions = [(num.start, summed.mentions[0][1])]
            fig.part_of = summed.id
            continue
        total = replace(
            nxt,
            id=f"f{next_id + len(out)}",
            value=fig.value + nxt.value,
            subject="people",
            start=num.start,
            quote=text[num.start : nxt.end],
            derived="sum",
            mentions=[(num.start, nxt.number_end)],
        )
        out.append(total)
        fig.part_of = total.id
        nxt.part_of = total.id
    return sorted(out, key=lambda f: (f.number_start, f.derived is not None))


def _borrowing(
    text: str, nxt: Figure, num: NumberMention, qual: str, subject: str | None, fig_id: str
) -> Figure:
    """Count ``num`` as a figure taking the measure (and the rest) of the figure ``nxt`` after
    it, with its own value, hedge and group, spanning from it to the end of ``nxt``."""
    return replace(
        nxt,
        id=fig_id,
        value=round(num.value or 0),
        qualifier=qual,
        subject=subject,
        start=num.start,
        end=nxt.end,
        quote=text[num.start : nxt.end],
        number_start=num.start,
        number_end=num.end,
        mentions=[(num.start, num.end)],
        part_of=None,
    )


_ROUND = re.compile(r"0+$")


def _is_round(value: int) -> bool:
    return value >= 10 and bool(_ROUND.search(str(value)))


#: Below this a hedged round count and a precise one near it are usually two facts ("at least
#: 20 bodies recovered", "21 patients died"); above it, one restated ("more than 150", "153").
RESTATED_MIN = 100


def _restates(rounded: Figure, precise: int) -> bool:
    """Whether a hedged round count says the precise one again: "more than 150" for 153,
    "nearly 1,000" for 973."""
    if rounded.qualifier == "about":
        return abs(precise - rounded.value) <= rounded.value * 0.05
    return rounded.value < precise < rounded.value * 1.1


#: A verdict as a detention cue ("convicted three members", "three men were acquitted"): a
#: count of captives only when the sentence says so (``text.TRIED_CAPTIVES``).
_VERDICT_CUE = re.compile(
    r"(?:(?:were|was|have been|had been)\s+)?(?:convicted|acquitted|found\s+guilty)",
    re.IGNORECASE,
)
#: Where a toll cue turns from the group counted to the circumstances of its death.
_CUE_CIRCUMSTANCE = re.compile(
    r"\s(?:when|by|from|after|during|as|since|in|at|on)\s", re.IGNORECASE
)
#: From this value on, two equal counts of one measure in different sentences, one of them
#: without a group ("people"), are one count told twice; below it, small equal counts of
#: different groups are common ("two civilians", "two soldiers").
RESTATED_GENERIC_MIN = 10


def merge_restatements(figures: list[Figure]) -> list[Figure]:
    """One figure per restated count, keeping the hedge, the as_of and every mention.

    Two figures are one when measure, value and subject agree and they come from different
    sentences (two equal counts in one sentence are two groups). A rounded, hedged count that
    a more precise count of the same measure satisfies ("more than 150" and "153") is dropped.
    """
    by_id = {f.id: f for f in figures}

    def parent(f: Figure) -> tuple[str, int] | None:
        p = by_id.get(f.part_of) if f.part_of else None
        return (p.measure, p.value) if p else None

    kept: list[Figure] = []
    merged: dict[str, str] = {}  # the id of a figure told again -> the id it is kept under
    sums = {f.id for f in figures if f.derived == "sum"}
    for fig in figures:
        twin = next(
            (
                k
                for k in kept
                if k.measure == fig.measure
                and k.value == fig.value
                and (
                    k.subject == fig.subject
                    or fig.anaphoric
                    # "Death toll rises to 83" over "the number of soldiers killed ... rose to
                    # 83": a count told without its group is the same count told with it
                    or (
                        "people" in (k.subject, fig.subject)
                        and fig.value >= RESTATED_GENERIC_MIN
                        and not (k.part_of or fig.part_of)
                    )
                )
                and k.sentence != fig.sentence
                and not (k.part_of and fig.part_of and parent(k) != parent(fig))
                and k.derived == fig.derived
                and not fig.additive
                and not k.additive
            ),
            None,
        )
        if twin is None:
            kept.append(fig)
            continue
        merged[fig.id] = twin.id
        twin.mentions.extend(fig.mentions)
        if twin.subject == "people":
            twin.subject = fig.subject  # the group, where one telling names it
        if twin.qualifier == "exact" and fig.qualifier != "exact":
            twin.qualifier = fig.qualifier
        if twin.as_of is None and fig.as_of is not None:
            twin.as_of = fig.as_of
        twin.cumulative = twin.cumulative or fig.cumulative
        if twin.part_of is None and fig.part_of in sums:
            # "Two children were killed ... one woman and two children were killed": the
            # count kept is still a part of the sum its second telling adds up to
            twin.part_of = fig.part_of
    result: list[Figure] = []
    for fig in kept:
        precise = (
            next(
                (
                    o
                    for o in kept
                    if o is not fig
                    and o.measure == fig.measure
                    and not _is_round(o.value)
                    and _restates(fig, o.value)
                    and o.derived is None
                ),
                None,
            )
            if fig.qualifier in ("more_than", "at_least", "about")
            and fig.value >= RESTATED_MIN
            and _is_round(fig.value)
            else None
        )
        if precise is not None:
            merged[fig.id] = precise.id
            continue
        result.append(fig)
    for fig in result:
        # a part of a count told twice is a part of the count kept
        while fig.part_of in merged:
            fig.part_of = merged[fig.part_of]
        if fig.part_of == fig.id:
            fig.part_of = None
    _hold_parts(result)
    return result


def _hold_parts(figures: list[Figure]) -> None:
    """Give each part a total that can hold it: the one it was linked to when that has the
    part's measure and is not smaller, else that total's own total, else the nearest earlier
    figure that can ("87 people were injured, among them 10 children; 60 of them have been
    hospitalised": 60 is a part of the 87, not of the 10), else none."""
    by_id = {f.id: f for f in figures}
    for n, fig in enumerate(figures):
        if fig.part_of is None or fig.derived is not None:
            continue
        total = by_id.get(fig.part_of)
        while total is not None and not (total.measure == fig.measure and total.value >= fig.value):
            total = by_id.get(total.part_of) if total.part_of else None
        if total is None:
            total = next(
                (
                    f
                    for f in reversed(figures[:n])
                    if f.measure == fig.measure and f.value >= fig.value and f.derived is None
                ),
                None,
            )
        fig.part_of = total.id if total is not None else None
