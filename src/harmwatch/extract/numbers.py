"""Stage 2: numbers — every numeral and number word in a sentence, with what kind it is.

A figure may only come from a written count (codebook: "figures come only from numerals and
number words"), so this stage finds them all — "2,700", "120 000", "1.5 million", "100 thousand",
"twenty-four", "five dozen", "half a million", ranges ("between 40 and 85", "1.3 to 4 million") —
and classifies each one by its immediate context: a ``count`` is a candidate for a harm figure;
years, ages, times, dates, percentages, money, units, rates and identifiers are not, and vague
quantities ("dozens", "hundreds of", "thousands") are kept as ``vague`` with no value, so no later
stage can turn them into a number by accident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harmwatch.codebook import OBJECT_SUBJECTS, load_codebook
from harmwatch.codebook.anchors import anchor
from harmwatch.extract.text import MONTH_NAMES
from harmwatch.extract.wordindex import ODD_CASE_CHARS, WordIndex

__all__ = ["NUMBER_PATTERNS", "NUMBER_WORD", "NumberMention", "find_numbers", "parse_number_words"]

#: Four-digit integers in this range, unseparated, are read as years ("in 2018", "1990s").
YEAR_RANGE = (1800, 2100)
#: How far (characters) after a number the unit/rate/age context is looked for.
UNIT_WINDOW = 28

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
}
_NUMWORD = "|".join(sorted([*_UNITS, *_SCALES, "dozen"], key=len, reverse=True))
#: The number words, as one alternation ("twenty", "five", "dozen", ...).
NUMBER_WORD = _NUMWORD
_WORDS_RE = re.compile(
    rf"\b(?:(?:half\s+a|a|an)\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_NUMWORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMWORD}))*\b",
    re.IGNORECASE,
)
#: Digits with English separators ("2,700", "100 514"), with the separators of translated text
#: ("2.367 people", "1,2 million": the dot groups thousands, the comma marks decimals), or plain.
_DIGITS_RE = re.compile(
    # ("1’250": Swiss texts group thousands with an apostrophe)
    r"(?<![\w.,:])(\d{1,3}(?:(?:,|[\u00a0\u202f\u2009 ’'])\d{3})+(?![\d])(?:\.\d+)?"
    r"|[1-9]\d{0,2}(?:\.\d{3})+(?![\d.,])"
    r"|\d{1,3},\d{1,2}(?=\s*(?:million|billion|mln|bn)\b|\s*(?:%|per\s?cent\b|percent\b))"
    r"|\d+(?:\.\d+)?)"
    r"(?:\s*(million|billion|thousand|hundred|mln|bn)\b"
    # "3.5m people", "1.2m refugees": a million written as "m" before a group of people
    r"|(m)(?=\s+(?:people|persons|refugees|civilians|children|residents|displaced|internally|IDPs|"
    r"Syrians|Ukrainians|Sudanese|Afghans|Palestinians|Yemenis|Rohingya)\b))?",
    re.IGNORECASE,
)
#: A vague quantifier before a bare scale word: "several hundred", "a few thousand".
_VAGUE_SCALE_BEFORE = re.compile(r"\b(?:several|a few|few|many|some)\s+$", re.IGNORECASE)
_BARE_SCALES = frozenset({"hundred", "thousand", "million", "dozen"})
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_COMMA_DECIMAL = re.compile(r"\d{1,3},\d{1,2}")
_VAGUE_RE = re.compile(
    r"\b(?:tens of thousands|hundreds of thousands|dozens|hundreds|thousands|millions|scores|"
    r"several|numerous|countless|a few|a number of|many)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
_AGE_AFTER = re.compile(
    r"^(?:-|\s)(?:years?|yrs?)(?:-|\s)old\b|^-year\b|^ years of age", re.IGNORECASE
)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age of|ages of|age|as young as|as old as)(?:\s+(?:between|from))?\s*$"
    r"|\ban?\s+(?:man|woman|boy|girl|pensioner)\s+of\s+$"
    r"|\baged\s+(?:between\s+|from\s+)?(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)\s*(?:and|to|-|–)\s*$",
    re.IGNORECASE,
)
#: A person named by a noun, then a number between commas: "the custodian, 60, and a woman",
#: "a farmer, 45.": the person's age.
_APPOSED_AGE = re.compile(
    r"\b(?:man|woman|boy|girl|son|daughter|father|mother|wife|husband|brother|sister|"
    r"grand(?:mother|father|son|daughter)|uncle|aunt|cousin|nephew|niece|farmer|driver|"
    r"custodian|caretaker|teacher|doctor|nurse|paramedic|journalist|reporter|photographer|"
    r"priest|imam|pastor|monk|resident|shepherd|worker|labourer|student|pupil|pensioner|"
    r"shopkeeper|fisherman|villager|volunteer|activist|neighbour|owner|guard|soldier|officer)"
    r",\s$",
    re.IGNORECASE,
)
_APPOSED_AGE_AFTER = re.compile(r"\s*(?:,|;|\.|\)|\band\b)")
#: The first day of a day range ("between 23 and 29 September") is a date, not a count.
_FAMILY_OF_BEFORE = re.compile(
    r"\b(?:mother|father|parent|parents|grandmother|grandfather)\s+of\s+$", re.IGNORECASE
)
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:houses|homes|buildings|apartments|people|persons|civilians|"
    r"children|residents|families|soldiers|servicemen|prisoners|hostages|refugees|victims)\b"
)
_YEAR_PREPOSITION = re.compile(
    r"\b(?:in|since|of|by|from|until|till|before|after|during|between|and|to|year|early|late|mid)"
    r"[\s-]+$",
    re.IGNORECASE,
)
#: The high end of a range after a number: "6 to 20 ", "12-15 ".
_RANGE_TAIL = re.compile(r"\s*(?:to|-|–)\s*\d[\d,.]*\s*")
_AND_TAIL = re.compile(r"\s*and\s*\d[\d,.]*\s*")
_DAY_RANGE_AFTER = re.compile(rf"^\s*(?:and|to|-|–)\s*\d{{1,2}}\s+{_MONTH}\b", re.IGNORECASE)
_NAME_AGE = re.compile(r"[A-Z][a-z]+,\s*$")
_PLACE_NAME_BEFORE = re.compile(r"\b(?:in|at|near|from)\s+[A-Z][a-z]+,\s*$")
_TIME_AFTER = re.compile(
    r"^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\s*o'clock|\s*hrs\b)", re.IGNORECASE
)
_TIME_BEFORE = re.compile(r"\b(?:at|by|until|from)\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
#: (French-style texts put spaces inside the brackets: "thirty-two ( 32 )", "four ( 04 )".)
_WORD_BEFORE_PAREN = re.compile(
    rf"\b(?:{_NUMWORD})(?:[\s-]+(?:{_NUMWORD}))*\s*\( ?$", re.IGNORECASE
)
#: Digits, then the bracket of a number word that spells them out: "16 (sixteen)", "4 ( four )".
_DIGITS_BEFORE_PAREN = re.compile(r"\d\s*\( ?$")
#: A list item's number: at the start of a line, followed by "." or ")" and a space.
_LIST_ITEM = re.compile(r"[.)]\s+\S")
_LINE_START = re.compile(r"(?:^|\n|[;:]\s)\s*$")
#: "put the dead at 20", "the toll stood at 9": a tally's value, not a clock time.
_TALLY_AT = re.compile(
    r"\b(?:dead|toll|number|count|tally|total|figure|deaths|killed|injured|wounded|"
    r"(?:stood|stands|put|puts|is|was))\s+at\s+$",
    re.IGNORECASE,
)
#: "Dead: 12. Injured: 30.": a count after a harm label, not a list item's number.
_HARM_LABEL_BEFORE = re.compile(
    r"\b(?:dead|deaths?|killed|fatalities|injured|injuries|wounded|missing|displaced|detained|"
    r"arrested|abducted|damaged|destroyed)\s*:\s*$",
    re.IGNORECASE,
)
#: "3.2 The Joint Command": a numbered section heading.
_SECTION_AFTER = re.compile(r"[ \t]+[A-Z]")
_OWN_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
#: A number after "by" counts agents, means or a change ("killed by two gunmen", "rose by 3,000"),
#: never people or things harmed.
_BY_BEFORE = re.compile(
    r"\bby\s+(?:(?:the|some|about|around|at\s+least|more\s+than|nearly|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
#: "were under 18", "below 5": an age limit, not a count.
_UNDER_BEFORE = re.compile(r"\b(?:under|below)\s+(?:the\s+age\s+of\s+)?$", re.IGNORECASE)
_AGE_LIMITS = frozenset({5, 12, 13, 14, 15, 16, 17, 18})
#: "the twenty-fourth defendant": a number word inside an ordinal is no count.
_ORDINAL_WORD_AFTER = re.compile(
    r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.IGNORECASE
)
#: "The youngest of the seven was 19": an age told through its superlative.
_YOUNGEST_BEFORE = re.compile(r"\b(?:youngest|oldest)\b[^.;]{0,40}\b(?:was|is|were)\s+$", re.I)
#: "displaced two or three times": a count of repetitions.
_OR_N_TIMES_AFTER = re.compile(r"^\s+(?:or|to)\s+[\w-]+\s+times\b", re.IGNORECASE)
#: "rose to 31 from 24", "up from 12": the earlier count of an update, not a clock time.
_UPDATE_FROM = re.compile(r"(?:\bto\s+[\d,.]+|\bup|\bdown)\s+from\s+$", re.IGNORECASE)
#: "two international courts", "two military bases": a describing word before a unit.
_UNIT_ADJECTIVE = re.compile(
    r"^(?:international|military|regional|local|separate|other|more|heavy|major|armou?red|"
    r"naval|air|army|rebel|enemy|explosive|unexploded)\s+(?=\w)",
    re.IGNORECASE,
)
_ID_BEFORE = re.compile(
    r"(?:\bno\.?\s*|#|\bnumber\s+|\barticle\s+|\bresolution\s+|\bpage\s+|"
    r"\bgrade\s+|\blevel\s+|[A-Za-z]-|\bcategory\s+|\bphase\s+|\bsector\s+|\bzone\s+|"
    r"\bblock\s+|\bgate\s+|\bward\s+|\broute\s+|\bhighway\s+|\broad\s+)$",
    re.IGNORECASE,
)
#: "week 13" of a calendar or an epidemiological bulletin: an id when no noun follows the
#: number ("Epidemiological week 13 (25-31 March)", "week 1 to week 13: 6,412"); "over the
#: past week 13 people were killed" counts the people.
_WEEK_BEFORE = re.compile(r"\bweek\s+$", re.IGNORECASE)
_WEEK_ID_AFTER = re.compile(r"\s*(?:[:;,)(]|to\b|and\b|$)", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₽]|\bUS\$|\bUSD\s?|\bAMD\s?|\bEUR\s?)$", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_RATE_AFTER = re.compile(
    r"^(?:\s+\w+){0,2}?\s+(?:a|per|each|every)\s+(?:day|week|month|year|hour)\b", re.IGNORECASE
)
#: The letters a number glued to a word starts it with ("5km", "3x"; ``^[A-Za-z]``).
_GLUED_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_RANGE_JOIN = re.compile(r"^\s*(?:to|-|–|—|and|or)\s*$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_CLOSE_AFTER = re.compile(r"^\s*[,.)]")
_FOUR_DIGITS = re.compile(r"\d{4}")
_DECADE_AFTER = re.compile(r"^s\b")
#: "3 x 4", "+ 2" (not "35,000+ people": a count with a plus for "more than")
_TIMES_AFTER = re.compile(r"^\s*(?:\+(?!\s+[A-Za-z])|\bx\b)")
_CLAUSE_END_AFTER = re.compile(r"^\s*(?:[,.;]|$)")
_NOT_NUMBER_ONE = re.compile(
    r"^\s+(?:another|day|by one|side|way|point|time|of the (?:most|\w+est|main|first|"
    r"few|best|worst|key)|of the \w+ (?:most|worst|hardest))\b"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
#: Verbs of a toll that changed, before the earlier count: "has risen from 24 to 35".
CHANGED_FROM = r"(?:grown|risen|rose|increased|climbed|jumped|fallen|fell|dropped|revised)"
_RISEN_FROM_BEFORE = re.compile(rf"\b{CHANGED_FROM}\s+(?:(?:up|down)\s+)?from\s+$", re.IGNORECASE)
_SCALE_END = re.compile(r"(million|billion|thousand)\s*$", re.IGNORECASE)
_LETTER = re.compile(r"[a-z]", re.IGNORECASE)
_NUMBER_SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009 ’']")

# Cheap tests that must hold wherever the pattern they guard matches, asked first: a pattern
# call costs ten to twenty times a string test, a number is classified with about twenty of
# them, and most numbers are plain counts that match none. The words of a case-insensitive
# pattern are looked for in the lower-cased window when it is ASCII (else it is always asked:
# case-insensitive matching takes a few non-ASCII letters for ASCII ones, see ODD_CASE_CHARS).
#: How :data:`_ORDINAL_AFTER` begins.
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
#: Every match of :data:`_DATE_AFTER` and :data:`_DAY_RANGE_AFTER` holds one (a month's name).
_MONTH_HEADS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: The first character of a match of :data:`_TIME_AFTER` after its spaces, lower-cased.
_TIME_AFTER_STARTS = frozenset(":apoh")
#: Every match of :data:`_RATE_AFTER` holds one.
_RATE_WORDS = ("day", "week", "month", "year", "hour")
#: How a match of :data:`_RANGE_TAIL` goes on after its spaces, and one of :data:`_TIMES_AFTER`.
_RANGE_TAIL_STARTS = ("to", "-", "–")
_TIMES_AFTER_STARTS = ("+", "x")
_DIGITS = anchor(_DIGITS_RE)
_WORDS = anchor(_WORDS_RE)
_VAGUE = anchor(_VAGUE_RE)
_ALL_NUMBERS = (_DIGITS, _WORDS, _VAGUE)
#: :func:`find_numbers` finds nothing in a sentence without a word of one of these: a digit,
#: a number word (also in "a hundred"), a vague quantity word (also in "a few").
NUMBER_PATTERNS = (
    _DIGITS,
    anchor(re.compile(rf"\b(?:{_NUMWORD})", re.IGNORECASE)),
    anchor(
        re.compile(
            r"\b(?:tens|hundreds|dozens|thousands|millions|scores|several|numerous|"
            r"countless|few|number|many)\b",
            re.IGNORECASE,
        )
    ),
)


@dataclass(frozen=True, slots=True, init=False)
class NumberMention:
    """A number in the text. ``value`` is None for vague quantities.

    ``kind`` is ``count`` (a harm-figure candidate), ``vague``, or what excludes it: ``year``,
    ``age``, ``time``, ``date``, ``percent``, ``money``, ``unit``, ``rate``, ``id``. A range
    yields two mentions sharing ``range_id`` with ``range_role`` ``low``/``high``.
    """

    start: int
    end: int
    value: float | None
    kind: str
    range_id: int | None
    range_role: str | None

    # Written out rather than generated (``init=False``): compiled, the dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call (docs/extraction.md, "Speed"). Same arguments and defaults.
    def __init__(
        self,
        start: int,
        end: int,
        value: float | None,
        kind: str,
        range_id: int | None = None,
        range_role: str | None = None,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "range_id", range_id)
        object.__setattr__(self, "range_role", range_role)

    @property
    def is_count(self) -> bool:
        return self.kind == "count" and self.value is not None


def parse_number_words(words: str) -> float | None:
    """Value of a number-word phrase: "twenty-four" 24, "five dozen" 60, "half a million"."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    total = 0.0
    current = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if tok == "half":
            current, seen = 0.5, True
        elif tok in ("a", "an"):
            if current == 0:
                current = 1.0
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0.0
            seen = True
        else:
            return None
        del i
    return total + current if seen else None


def _digits_value(number: str, scale: str | None) -> float:
    # (the patterns are asked only of numbers holding their separator; digits alone hold none)
    if "," in number and _COMMA_DECIMAL.fullmatch(number):
        number = number.replace(",", ".")  # "1,2 million", "12,5 percent"
    elif not scale and "." in number and _DOT_THOUSANDS.fullmatch(number):
        number = number.replace(".", "")  # "2.367 people"
    cleaned = number if number.isdecimal() else _NUMBER_SEPARATORS.sub("", number)
    value = float(cleaned)
    if scale:
        scale = scale.lower()
        value *= _SCALES["million" if scale == "m" else scale]
    return value


#: The last words :data:`_ID_BEFORE` can end in (spaces aside), and those of
#: :data:`_MONEY_BEFORE`: text before a number that ends in none of them cannot match.
_ID_ENDINGS = (
    "no",
    "no.",
    "#",
    "-",
    "number",
    "article",
    "resolution",
    "page",
    "grade",
    "level",
    "category",
    "phase",
    "sector",
    "zone",
    "block",
    "gate",
    "ward",
    "route",
    "highway",
    "road",
)
_MONEY_ENDINGS = ("$", "usd", "amd", "eur")


#: The month words :data:`_DATE_BEFORE` can end in (before an optional dot and spaces).
_MONTH_ENDINGS = tuple(sorted({*MONTH_NAMES, *(m[:3] for m in MONTH_NAMES), "sept"}))
_TIME_ENDINGS = ("at", "by", "until", "from", "about", "around")


def _date_before(before: str) -> bool:
    """``_DATE_BEFORE.search(before)``, skipped like :func:`_id_before` when ``before`` does
    not end in a month's name."""
    if before.isascii():
        tail = before.rstrip().lower()
        if not tail.removesuffix(".").endswith(_MONTH_ENDINGS):
            return False
    return _DATE_BEFORE.search(before) is not None


def _age_before(before: str) -> bool:
    """``_AGE_BEFORE.search(before)``, skipped for an ASCII ``before`` without "age", "young"
    or "old" and not ending in " of", one of which every match holds ("a woman of ")."""
    if before.isascii():
        low = before.lower()
        if (
            "age" not in low
            and "young" not in low
            and "old" not in low
            and not low.rstrip().endswith(" of")
        ):
            return False
    return _AGE_BEFORE.search(before) is not None


def _time_before(before: str) -> bool:
    """``_TIME_BEFORE.search(before)``, skipped like :func:`_id_before` when ``before`` does
    not end in one of its words."""
    if before.isascii() and not before.rstrip().lower().endswith(_TIME_ENDINGS):
        return False
    return _TIME_BEFORE.search(before) is not None


#: Characters that case-insensitive matching takes for an ASCII letter although lower-casing
#: does not make them one.
_ODD_CASE = ODD_CASE_CHARS


def _id_before(before: str) -> bool:
    """``_ID_BEFORE.search(before)``, its scan of every position skipped when ``before`` does
    not end in one of :data:`_ID_ENDINGS` (the pattern is ASCII; a text with an odd-case
    letter, which case-insensitive matching takes for an ASCII one, is always scanned)."""
    if (before.isascii() or not any(c in before for c in _ODD_CASE)) and not (
        before.rstrip().lower().endswith(_ID_ENDINGS)
    ):
        return False
    return _ID_BEFORE.search(before) is not None


def _money_before(before: str) -> bool:
    """``_MONEY_BEFORE.search(before)``, skipped like :func:`_id_before` when ``before`` does
    not end in a currency sign or code (the other signs are not ASCII)."""
    if before.isascii() and not before.rstrip().lower().endswith(_MONEY_ENDINGS):
        return False
    return _MONEY_BEFORE.search(before) is not None


def _names_people(text: str, pos: int) -> bool:
    """Whether a person noun of the codebook's subjects follows ``pos`` after one space: a unit
    word opening a compound that names people ("12 truck drivers", "four gold miners", "two
    tank crew members") does not make the count a unit."""
    if text[pos : pos + 1] != " ":
        return False
    subjects = load_codebook().subjects
    return any(
        pat.match(text, pos + 1) is not None
        for code, pat in subjects.items()
        if code not in OBJECT_SUBJECTS
    )


def _classify(text: str, start: int, end: int, raw: str, value: float, digits: bool) -> str:
    before = text[max(0, start - 24) : start]
    after = text[end : end + UNIT_WINDOW]
    # (each pattern below is asked only where its cheap pre-test, see _ORDINAL_SUFFIXES, holds)
    ordinal = _ORDINAL_AFTER.match(after) if after.startswith(_ORDINAL_SUFFIXES) else None
    if digits and not ordinal and after[:1] in _GLUED_LETTERS:
        return "unit"
    # the windows lower-cased for the word pre-tests; None when not ASCII (always asked)
    low_after = after.lower() if after.isascii() else None
    low_before = before.lower() if before.isascii() else None
    month_after = low_after is None or any(m in low_after for m in _MONTH_HEADS)
    if ordinal:
        dated = (month_after and _DATE_AFTER.match(after)) or _date_before(before)
        return "date" if dated else "id"
    if (low_after is None or "%" in low_after or "per" in low_after) and _PERCENT_AFTER.match(
        after
    ):
        return "percent"
    if _money_before(before):
        return "money"
    # every match of _AGE_AFTER has "y" second ("-year", " years old")
    if (after[1:2] in ("y", "Y") and _AGE_AFTER.match(after)) or _age_before(before):
        return "age"
    if digits and value <= 110 and before.endswith(", ") and _APPOSED_AGE.search(before):
        if _APPOSED_AGE_AFTER.match(after):
            return "age"  # "the parish custodian, 60, and ...": a person's age in apposition
    if before.endswith(" of ") and _FAMILY_OF_BEFORE.search(before):
        return "id"  # "a mother of five": the size of a family, not a count of harmed people
    if (
        digits
        and (text[start - 1 : start] == "(" or text[start - 2 : start] == "( ")
        and (text[end : end + 1] == ")" or text[end : end + 2] == " )")
    ):
        if _WORD_BEFORE_PAREN.search(text, max(0, start - 30), start):
            return "id"  # "ninety-two (92) of our soldiers": the word already counted them
    if (
        not digits
        and text[start - 1 : start] in ("(", " ")
        and _DIGITS_BEFORE_PAREN.search(text, max(0, start - 20), start)
        and text[end : end + 2].strip().startswith(")")
    ):
        return "id"  # "16 (sixteen) houses": the digits already counted them
    if digits and text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return "id"  # a footnote marker: "... for eleven days.[18]"
    if (
        digits
        and text.startswith((".", ")"), end)
        and _LIST_ITEM.match(text, end)
        and _LINE_START.search(text, max(0, start - 4), start)
        and not _HARM_LABEL_BEFORE.search(before)
    ):
        return "id"  # "3. ensure the victims' families...": an item number of a list
    if (
        digits
        and "." in raw
        and _SECTION_AFTER.match(text, end)
        and _OWN_LINE_START.search(text, max(0, start - 4), start)
    ):
        return "id"  # "3.2 The Joint Command ...": a section number opening its line
    if (
        before.endswith(" ")
        and (low_before is None or "by" in low_before)
        and _BY_BEFORE.search(before)
    ):
        return "id"  # "killed by two gunmen", "hit by 40 drones", "won by 60 runs": no count harmed
    if value in _AGE_LIMITS and _UNDER_BEFORE.search(before) and _CLAUSE_END_AFTER.match(after):
        return "age"  # "most of the dead were under 18"
    if "est" in text[max(0, start - 60) : start] and _YOUNGEST_BEFORE.search(
        text, max(0, start - 60), start
    ):
        return "age"
    if (low_after is None or "times" in low_after) and _OR_N_TIMES_AFTER.match(after):
        return "unit"
    if (
        digits
        and value < 120
        and before.rstrip().endswith(",")  # every match of _NAME_AGE does
        and _NAME_AGE.search(before)
        and _CLOSE_AFTER.match(after)
        and not _PLACE_NAME_BEFORE.search(before)
    ):
        return "age"  # "Ali Hassan, 34,", but not "in Zaporizhzhia, 2."
    if after.lstrip()[:1].lower() in _TIME_AFTER_STARTS and (
        _TIME_AFTER.match(after) or (digits and "." in raw and _TIME_AFTER.match(after[:8]))
    ):
        return "time"
    if (digits and _date_before(before) and value <= 31) or (
        month_after and _DATE_AFTER.match(after)
    ):
        return "date"
    if digits and value <= 31 and month_after and _DAY_RANGE_AFTER.match(after):
        return "date"
    if (
        digits
        and len(raw) == 4
        and raw.isdecimal()  # _FOUR_DIGITS.fullmatch(raw): \d is a decimal digit
        and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
        and not (_COUNT_NOUN_AFTER.match(after) and not _YEAR_PREPOSITION.search(before))
    ):
        # "1927 private houses were damaged" counts houses; "in 1990 civilians fled" is a year
        return "year"
    if digits and after.startswith("s") and _DECADE_AFTER.match(after):
        return "year"
    if _id_before(before) or (before.endswith("/") and before[-2:-1].isdigit()):
        return "id"  # "No. 14", "note 2022/07"
    if after.startswith("/") and after[1:2].isdigit():
        return "id"
    if (
        digits
        and before.endswith(" ")
        and (low_before is None or "week" in low_before)
        and _WEEK_BEFORE.search(before)
        and _WEEK_ID_AFTER.match(after)
    ):
        return "id"  # "week 1 to week 13: 6,412 cases"
    rest = after.lstrip()
    tail = (
        _RANGE_TAIL.match(text, end, end + UNIT_WINDOW)
        if rest.startswith(_RANGE_TAIL_STARTS)
        else None
    ) or (
        # "between 13 and 75 years old": the low end of a range of ages or units
        _AND_TAIL.match(text, end, end + UNIT_WINDOW) if before.endswith("between ") else None
    )
    if tail and load_codebook().non_count_units.match(text, tail.end()):
        return "unit"  # "prison terms of 6 to 20 years": the low end of a range of units
    # _UNIT_ADJECTIVE.sub("", ..., 1): the pattern is anchored, so only a match at 0 is cut
    unit_text = after.lstrip(" -")
    adjective = _UNIT_ADJECTIVE.match(unit_text)
    if adjective is not None:
        unit_text = unit_text[adjective.end() :]
    unit = load_codebook().non_count_units.match(unit_text)
    if (
        unit
        and after[: len(after) - len(after.lstrip(" -"))] in ("", " ", "-", " -")
        and not _names_people(unit_text, unit.end())
    ):
        return "unit"
    if (rest.startswith(_TIMES_AFTER_STARTS) and _TIMES_AFTER.match(after)) or before.endswith("+"):
        return "unit"
    if (low_after is None or any(w in low_after for w in _RATE_WORDS)) and _RATE_AFTER.match(after):
        return "rate"
    if (
        _time_before(before)
        and digits
        and value <= 24
        and _CLAUSE_END_AFTER.match(after)
        and not _UPDATE_FROM.search(before)
        and not _TALLY_AT.search(before)
    ):
        return "time"
    return "count"


def _word_is_number(text: str, m: re.Match[str]) -> bool:
    phrase = m.group().lower()
    if text.startswith("-", m.end()) and _ORDINAL_WORD_AFTER.match(text, m.end()):
        return False
    if phrase in ("a dozen", "an dozen", "dozen"):
        return False  # "a dozen children": as vague as "dozens" (the devset lists no such count)
    if phrase in ("one",):
        after = text[m.end() : m.end() + 20].lower()
        before = text[max(0, m.start() - 6) : m.start()].lower()
        if _NOT_NUMBER_ONE.match(after):
            return False
        if before.endswith("no "):
            return False
        if before.endswith(("of ", "from ", " in ")) and after.startswith(
            (" family", " household")
        ):
            # "nine members of one family", "5 from one family": the family is no count
            return False
    return True


def find_numbers(
    text: str, start: int = 0, end: int | None = None, words: WordIndex | None = None
) -> list[NumberMention]:
    """All numbers and vague quantities in ``text[start:end]``, offsets into ``text``.

    ``words`` is the document's :class:`WordIndex`, when the caller has one: the three number
    patterns then run only at the words they can start with.
    """
    end = len(text) if end is None else end
    words = words or WordIndex(text)
    digit_matches, word_matches, vague_matches = words.finditer_each(_ALL_NUMBERS, start, end)
    if not (digit_matches or word_matches or vague_matches):
        return []
    found: list[tuple[int, int, float | None, str]] = []
    taken: list[tuple[int, int]] = []
    for m in digit_matches:
        value = _digits_value(m.group(1), m.group(2) or m.group(3))
        kind = _classify(text, m.start(), m.end(), m.group(1), value, digits=True)
        found.append((m.start(), m.end(), value, kind))
        taken.append((m.start(), m.end()))
    for m in word_matches:
        if any(s < m.end() and m.start() < e for s, e in taken) or not _word_is_number(text, m):
            continue
        if m.group().lower() in _BARE_SCALES and _VAGUE_SCALE_BEFORE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # "several hundred", "a few thousand": as vague as "hundreds"
        spelled = parse_number_words(m.group())
        if spelled is None:
            continue
        kind = _classify(text, m.start(), m.end(), m.group(), spelled, digits=False)
        found.append((m.start(), m.end(), spelled, kind))
        taken.append((m.start(), m.end()))
    for m in vague_matches:
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), None, "vague"))
    found.sort()
    return _link_ranges(text, found)


def _link_ranges(text: str, found: list[tuple[int, int, float | None, str]]) -> list[NumberMention]:
    """Join "A to B", "between A and B", "A-B" into a low/high pair sharing a scale."""
    out: list[NumberMention] = []
    i = 0
    range_id = 0
    while i < len(found):
        s, e, v, k = found[i]
        if i + 1 < len(found) and k == "count" and v is not None:
            s2, e2, v2, k2 = found[i + 1]
            joiner = text[e:s2]
            window = text[max(0, s - 12) : s]
            # (both patterns asked only where their word may be, as in _classify)
            between = (
                _BETWEEN_BEFORE.search(window)
                if not window.isascii() or "between" in window.lower()
                else None
            )
            back = text[max(0, s - 30) : s]
            if (not back.isascii() or "from" in back.lower()) and _RISEN_FROM_BEFORE.search(
                text, max(0, s - 30), s
            ):
                # "has risen from 24 to 35": an earlier toll and the new one, not a range
                out.append(NumberMention(s, e, v, k))
                i += 1
                continue
            is_and = joiner.strip().lower() in ("and", "or")
            if (
                v2 is not None
                and k2 == "count"
                and _RANGE_JOIN.match(joiner)
                and (not is_and or between)
            ):
                scale = _SCALE_END.search(text[s2:e2])
                if scale and v < 1000 and v2 >= 1000 and not _LETTER.search(text[s:e]):
                    v = v * _SCALES[scale.group(1).lower()]
                if v < v2:
                    range_id += 1
                    out.append(NumberMention(s, e, v, k, range_id, "low"))
                    out.append(NumberMention(s2, e2, v2, k2, range_id, "high"))
                    i += 2
                    continue
        out.append(NumberMention(s, e, v, k))
        i += 1
    return out
