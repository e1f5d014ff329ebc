"""Stage 5: dates — temporal expressions resolved against the publication date.

News gives dates every way: "October 28, 2020", "28 Nov 2018", "on Tuesday (July 2)", "late
Friday", "today", "the previous day", "since December 12", "September 27-30", "last month",
"As of 8 p.m.". Each becomes a :class:`DateMention` with a resolved ``date`` (and ``date_end``
for ranges), a ``precision`` (day/week/month/year) and a ``role`` saying what the date is *of*:
an ``event``, the start of ongoing harm (``since``), a cut-off (``as_of``), or something that
is not the harm's date (``statement``, ``dateline``, ``caption``, ``header``, ``attributive``,
``state`` for the day a state was seen, ``update``, ``period`` for the bounds of a counting
period or the end of one, ``future``), so the events stage only dates events with event dates.
Nothing relative is resolved without a publication date (convention: no guessing).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise

from harmwatch.codebook.anchors import AnchoredPattern, anchor
from harmwatch.extract.numbers import parse_number_words
from harmwatch.extract.text import (
    MONTH_NAMES,
    TRIED_CAPTIVES,
    WEEKDAYS,
    speech_verbs,
    weekday_pattern,
)
from harmwatch.extract.wordindex import ODD_CASE_CHARS, Windows, WordIndex

__all__ = [
    "DATE_PATTERNS",
    "LASTED_UNTIL",
    "DateMention",
    "as_of_windows",
    "find_dates",
    "report_cut_off",
    "resolve_as_of",
    "year_hint",
]

#: A day-month date up to this many days after publication keeps the publication year
#: (datelines are in the publisher's time zone; events "on 13 September" at 00:05 local time
#: are published on the 12th in Moscow).
FUTURE_SLACK_DAYS = 2

_MONTHS = {name[:3]: n for n, name in enumerate(MONTH_NAMES, start=1)}
_WEEKDAYS = list(WEEKDAYS)
_M = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MON = _M.replace("(?P<mon>", "(?:")
#: Days of the month written as ordinal words, longest first.
_ORDINALS = {
    w: n
    for n, w in enumerate(
        (
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
            "twentieth"
        ).split(),
        start=1,
    )
}
_ORDINALS |= {f"twenty-{w}": 20 + n for w, n in list(_ORDINALS.items())[:9]}
_ORDINALS |= {"thirtieth": 30, "thirty-first": 31}
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_WD = rf"(?P<wd>{weekday_pattern()})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "2024-05-03", "2025-08-27T22:40"
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:\b|(?=T\d))")),
    # "3/5/2024", "03.05.2024": day first, one separator throughout
    (
        "dmy_num",
        re.compile(r"\b(?P<d>[0-3]?\d)(?P<sep>[/.])(?P<m>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)\b"),
    ),
    # "on 27.08.", "on 31/12": a day and month in figures without a year, after "on" (not a
    # decimal), of the year that puts it last before publication
    (
        "dm_num",
        re.compile(
            r"(?<=\bon )(?P<d>[0-3]?\d)(?P<sep>[/.])(?P<m>[01]?\d)\b(?!(?P=sep)?\d)"
            r"(?!\s*(?:million|billion|thousand|m\b|bn\b|per\s?cent|percent|%|km|kilomet|met|mile|"
            r"hectare|kg|tonne|ton))\.?",
            re.IGNORECASE,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b{_M}\s+(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:\s*(?:[-–]|and|to)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?(?![\d:])",
            re.IGNORECASE,
        ),
    ),
    (
        "dmy",
        re.compile(
            # "the night of Sunday 9 to Monday 10 June": a weekday may name the second day
            rf"\b(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*(?:[-–]|and|to)\s*"
            rf"(?:(?:{weekday_pattern()})\s+)?(?P<d2>[0-3]?\d))?\s+"
            # "the twelfth of October": an ordinal in words needs its "of"
            rf"(?:of\s+)?|(?P<dw>{_ORDINAL_WORDS})\s+of\s+)"
            rf"{_M}(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
            re.IGNORECASE,
        ),
    ),
    # not "the Friday prayer leader"
    ("weekday", re.compile(rf"\b{_WD}\b(?!\s+(?:prayers?|sermons?)\b)", re.IGNORECASE)),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>today|this (?:morning|afternoon|evening)|tonight|earlier today|"
            r"(?:the )?day before yesterday|"
            r"yesterday|last night|"
            r"the (?:previous|preceding) (?:day|evening|night|morning|afternoon)|"
            r"the (?:day|night|evening) before|"
            r"the (?:following|next) day|"
            r"(?:a|one|two|three|four|five|six|seven|\d) days? later|"
            r"last (?:week|month|year)|this (?:week|month|year))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:in|since|during|until|by|early|late|mid-?)\s+{_M}(?:\s+(?P<y>(?:19|20)\d\d))?\b",
            re.IGNORECASE,
        ),
    ),
    ("year", re.compile(r"\b(?:in|since|during|of)\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)),
    # "on the 3rd", "Earlier this month, on the 4th": a day of the month alone, of the month of
    # publication (or the month before, when the day is still to come); only after "on" and
    # before a pause or a joining word, so "the 3rd Brigade" and "the 28th anniversary" are not
    (
        "dom",
        re.compile(
            r"\bon\s+(?P<the>the)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
            r"(?=\s*[,.;]|\s+(?:at|in|when|and|as|after|before|of\s+(?:this|the|that)\s+month)\b"
            r"|\s+[a-z]+ed\b)",
            re.IGNORECASE,
        ),
    ),
    # "two days ago", "3 days ago": counted back from the publication day
    (
        "ago",
        re.compile(
            r"\b(?:(?P<n>[2-9]|10|two|three|four|five|six|seven|eight|nine|ten)\s+days|"
            r"(?P<week>a|one)\s+week)\s+ago\b",
            re.IGNORECASE,
        ),
    ),
]
_TIME = re.compile(
    r"^\s*(?:\d{1,2}(?::\d\d|\.\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|"
    rf"(?:{weekday_pattern()})?\s*"
    r"(?:morning|evening|night|afternoon|noon|midnight))",
    re.IGNORECASE,
)
_STATEMENT_BEFORE = re.compile(
    r"\b(?:"
    + speech_verbs(
        "wrote",
        "added",
        "noted",
        "posted",
        "claimed",
        "declared",
        "confirmed",
        "tweeted",
        "denied",
        "acknowledged",
        "admitted",
        "published",
        # "according to security sources quoted on Wednesday"
        "quoted",
        # "the court ruled on Thursday": the day of a ruling, not of the harm it judged
        "ruled",
    )
    + r")\s+(?:on\s+|late\s+|early\s+)?$|"
    # "the ministry's bulletin of 08/05/2024", "a statement dated 2 May"
    r"\b(?:bulletin|report|statement|communiqu[eé]|press release|update|letter|decree|order)"
    r"\s+(?:of|dated|issued\s+on)\s+$|"
    # "a statement by the information team dated 6 May"
    r"\bdated\s+$|"
    # "OCHA Flash Update No. 14 (9 May 2024)", "Report date: 2024-05-08"
    r"\b(?:update|report|bulletin|sitrep)\b[^;:()\n]{0,25}\(\s*$|"
    # "Flash Update No. 4 19 May 2023": a numbered report's date
    r"\b(?:update|report|bulletin|sitrep)\s+no\.?\s*\d+\s*[,:–-]?\s*$|"
    r"\b(?:report|publication|issue|release|posting|update)\s+date\s*:\s*$",
    re.IGNORECASE,
)
_ATTRIBUTIVE_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:ceasefire|cease-fire|agreement|deal|truce|elections?|meeting|talks|"
    r"statement|declaration|summit|referendum|session|conference|visit)\b",
    re.IGNORECASE,
)
#: "28 Nov 2018 | News": a date in a page's header bar.
_HEADER_BAR_AFTER = re.compile(r"^\s*\||^\s*·\s*\d{1,2}[:.]\d\d\b")
#: "ISLAMABAD, MARCH 10, 2001": a capitalised place and a comma mark a dateline wherever the
#: sentence splitter put it (headlines in capitals often run into it).
_CAPS_DATELINE_BEFORE = re.compile(
    r"\b[A-Z]{3,}(?:[ '’][A-Z]{2,})*\s*,\s*(?:[A-Z][a-z]+(?: [A-Z][a-z]+)*\s*,\s*)?$"
)
#: "Stepanakert, 28 September": a place and a comma opening the line (not "On Friday, 2
#: February", a weekday naming the day after a preposition).
_DATELINE_BEFORE = re.compile(
    r"(?:\b[A-Z]{3,}[A-Z'’ ,.()-]*(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)*)?,\s*"
    r"|(?:^|\n)\s*(?!(?:On|By|Since|Until|From|Before|After|Last|Early|Late|Then)\b)"
    # "Cúcuta , 21 January": translated text puts a space before the comma
    r"[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2}(?:\s*,\s*[A-Z][^\W\d_]+)?\s*,\s*)$"
)
#: "October 20, 2014 (Kyiv) —": a date before a bracketed place and a dash heads a release.
_DATELINE_AFTER = re.compile(r"\s*\([A-Z][\w .'’-]{1,30}\)\s*[—–-]")
_HEADER_BEFORE = re.compile(
    r"(?:^|\n|[|·])\s*(?:date|published|(?:last\s+)?updated?|posted|issued|dated|date of \w+)"
    r"(?: on)?:?\s+$",
    re.IGNORECASE,
)
#: "Assistance Association (Burma) — 1 October 2024", "Press release · 17 November 2021": a
#: dated line after a separator, the date closing its line (a clock time may follow).
_BYLINE_BEFORE = re.compile(
    r"[—–|·]\s*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,?\s+)?(?:[A-Z][a-z]+day,?\s+)?$"
)
_YEAR_END = re.compile(r"(?:19|20)\d\d$")
_LINE_END_AFTER = re.compile(r"(?:,?\s*\d{1,2}[:.]\d\d)?[ \t]*(?:\n|$)")
#: A speech, response or protest verb that comes, after a date opening its sentence, before any
#: verb of harm ("On Sunday, the spokesperson of the State Department demanded sanctions for the
#: massacre") dates the statement, not the harm it mentions.
#: Most words before a date that still "opens" its sentence ("The court on Friday issued").
OPENING_WORDS = 6
_DATELINE_DASH = re.compile(r"\s[–—-]\s")
_SPEECH_OR_HARM_AFTER = re.compile(
    r"(?<!-)\b(?:(?P<speech>"
    + speech_verbs("reports", "demanded", "called", "urged", "condemned")
    + "|"
    r"denounced|accused|claimed|denied|confirmed|warned|appealed|expressed|voiced|tweeted|"
    r"wrote|posted|noted|insisted|responded|rejected|blamed|welcomed|recalled|reiterated|"
    r"organi[sz]ed|protested|rallied|marched|met|visited|signed|agreed|voted|issued|"
    # "Armenia today commemorates the victims"
    r"commemorates|commemorated|mourns|mourned|marks|marked|"
    # "the authorities spoke of 3 dead", "the ministry had given a figure of 63 dead"
    r"spoke\s+of|talked\s+of|(?:gave|given|put)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:figure|toll|count|number|estimate))|"
    r"(?P<harm>killed|killing|wounded|wounding|injured|injuring|struck|striking|hit|hitting|"
    # "On Sunday the two sides exchanged 95 prisoners": a handover is a detention event
    r"exchanged|swapped|freed|released|"
    r"attacked|shelled|shelling|bombed|bombing|fired|firing|destroyed|damaged|detained|"
    r"arrested|abducted|seized|captured|died|exploded|targeted|displaced|fled|shot|raided|"
    r"stormed|burned|torched|looted|executed|massacred|opened|launched|dropped|"
    # "A court in Baku on 5 July sentenced six captives ... their lawyers called fabricated"
    r"sentenced|convicted|jailed|"
    r"were|was|is|are))\b",
    re.IGNORECASE,
)
#: "said in a new report today", "a report published today by": the day of the statement.
_REPORT_TODAY_BEFORE = re.compile(
    r"\b(?:in|by) (?:a|an|the|its|their) (?:[\w-]+\s+){0,2}(?:report|statement)\s+$|"
    r"\b(?:report|statement) (?:published|released|issued)\s+$",
    re.IGNORECASE,
)
#: "between 23 and 29 September", "between January 1 and October 1": the bounds of a counting
#: period (its end is a cut-off), not the days of the harm.
_BETWEEN_BEFORE = r"between\s+((?:[\w,]+\s+){0,3}and\s+)?$"
_PERIOD_BEFORE = re.compile(rf"\b{_BETWEEN_BEFORE}", re.IGNORECASE)
#: "the massacre committed between 30 December 1998 and 2 January 1999": the two bounds of an
#: incident named right before them (in a sentence that counts nothing), not of a period.
_INCIDENT_BETWEEN_BEFORE = re.compile(
    r"\b(?:massacres?|attacks?|raids?|sieges?|offensives?|fighting|clashes|bombings?|shelling|"
    r"pogroms?|killings)\s+(?:(?:was\s+|were\s+)?(?:committed|carried\s+out|perpetrated)\s+|"
    r"(?:that|which)\s+(?:took\s+place|occurred|lasted)\s+)?"
    rf"{_BETWEEN_BEFORE}",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
#: Between the two bounds of "between ... and ...".
_BETWEEN_AND = re.compile(r"\s+and\s+")
#: Most characters before a "Between 16 and 21 February" that opens its sentence.
OPENING_SPAN_CHARS = 12
#: A span of days inside one month ("16 and 21 February 2000", "March 3 and 9").
_SHORT_SPAN = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+and\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?(?:,?\s+\d{4})?"
    r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\s+and\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
)
#: Words of counted harm before a period's first bound (not "interviews were conducted").
_COUNTED_HARM = re.compile(
    r"\b(?:killed|injured|wounded|dead|deaths|died|displaced|fled|attacks|strikes|casualties|"
    r"detained|abducted|kidnapped|destroyed|damaged)\b",
    re.IGNORECASE,
)
#: A first bound that is one day, not the first of a month ("24 February", "April 29th").
_OPENING_BOUND = re.compile(
    rf"(?:(?!0?1(?:st)?\b)[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}|"
    rf"{_MON}\s+(?!0?1(?:st)?\b)[0-3]?\d(?:st|nd|rd|th)?)",
    re.IGNORECASE,
)
#: "until March 30", "the airlift that ended on August 30": the end of a period, not an event.
_END_BEFORE = re.compile(
    r"\b(?:until|till|ended|ends|concluded)[ \t]+(?:on[ \t]+)?$", re.IGNORECASE
)
#: The verbs of harm that went on to a day: "lasted until", "continued until", "raged until".
LASTED_UNTIL = r"(?:lasted|continued|went\s+on|raged)\s+until"
#: "a siege that lasted until 3 September", "the shelling went on until": the last day of harm.
_HARM_LASTED_UNTIL = re.compile(
    r"\b(?:siege|fighting|clashes|shelling|bombardment|occupation|assault|offensive|raids?|"
    rf"massacre|killings|hostage[- ]taking)\s+(?:that\s+|which\s+)?{LASTED_UNTIL}\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: "their case resumes on Thursday": a weekday of a future step is not resolved backwards.
_FUTURE_BEFORE = re.compile(
    r"\b(?:resumes?|will\s+\w+|would\s+go\s+ahead|next|is due|are due|scheduled)\s+"
    # "will hold an emergency meeting on Monday"
    r"(?:\w+\s+){0,3}?(?:on\s+)?$"
    # "said it would begin evacuating civilians from the town of Siversk on 1 December"
    r"|\b(?:will|would)\s+(?:begin|start)\s+(?:[\w-]+\s+){0,8}?(?:on\s+)?$"
    # "their funerals were to be held on Monday", "the trial is due to open on 3 May"
    r"|\b(?:was|were|is|are)\s+(?:due\s+)?to\s+(?:be\s+held|take\s+place|begin|start|open|"
    r"resume|meet)\s+(?:[\w-]+\s+){0,3}?(?:on\s+)?$",
    re.IGNORECASE,
)
#: "Ten years ago today": an anniversary resolved against the publication day.
_YEARS_AGO = re.compile(
    r"\b(?P<n>[\w-]+)\s+(?P<unit>year|month|week|day)s?\s+ago\s+$", re.IGNORECASE
)
#: "The toll ... rose to 35 on Wednesday", "the number of people killed by the 7.8 quake rose",
#: "The count stood at 745 yesterday": the day of a count, not of the harm.
_UPDATE_SENTENCE = re.compile(
    # "the number of people who died after drinking ...", "the number of refugees who have
    # crossed into Colombia ... reached 4,700 on Monday"
    r"\b(?:toll|count|tally|number of (?:the )?(?:[\w-]+ ){0,5}?(?:dead|deaths|victims|injured|"
    r"wounded|killed|martyrs|died|displaced|refugees|missing|evacuees|detainees|hostages|cases|"
    r"fled|crossed|arrived|evacuated))\b(?:[^.]|\.\d){0,160}?"
    r"\b(?:rose|risen|rises|climbed|increased|reached|stood|stands)\b"
    r"|\bhad counted\b|\bcounted [\d,]+ (?:dead|deaths|bodies)\b"
    # "the government raised the toll from Sunday's attacks to 141 dead on Tuesday"
    r"|\b(?:raised|revised|updated|lowered)\s+(?:the\s+|its\s+|their\s+)?(?:death\s+)?toll\b"
    r"(?:[^.]|\.\d){0,120}?\bto\s+[\d,]+",
    re.IGNORECASE,
)
#: "were still burning on Thursday", "the village was still empty on Tuesday evening": the day
#: a state was seen, not the day of the harm.
_STILL_BEFORE = re.compile(
    r"\b(?:still|remain(?:s|ed)?)\b[^.;,]{0,50}\b(?:on|by|until)\s+(?:\w+\s+)?$", re.I
)
#: The clause a date opens reaches "still" or "remain" before any verb of harm: the day a
#: lasting state is told ("Today, a decade later, some 200,000 Yazidis still live in camps").
_STILL_AFTER = re.compile(
    r"(?:(?!\b(?:killed|wounded|injured|struck|hit|attacked|shelled|bombed|destroyed|damaged|"
    r"died|fled|displaced|abducted|detained|strikes?|attacks?|raids?|bombings?|shelling|"
    r"massacre|explosions?|blasts?)\b)[^.;:]){0,60}?\b(?:still|remain(?:s|ed)?)\b",
    re.IGNORECASE,
)
_ANAPHORIC_BEFORE = re.compile(r"\b(?:that|the same|that same)\s+$", re.IGNORECASE)
#: "it was a Tuesday in May", "every Friday": a weekday that names no particular day.
#: After a date opening its sentence: the count it is the day of ("On Monday, the toll had
#: stood at 413").
_TOLL_STOOD_AFTER = re.compile(
    r"\s*,?\s*(?:the\s+)?(?:death\s+|official\s+|provisional\s+)?(?:toll|count|tally)\s+"
    r"(?:had\s+|has\s+)?(?:stood|rose|risen|reached|was|climbed)\b",
    re.IGNORECASE,
)
#: A conviction or sentence in absentia: the day of a ruling on someone who is not held.
_IN_ABSENTIA = re.compile(
    r"\b(?:convicted|sentenced|condemned|tried|found\s+guilty)\b[^.;]{0,80}?\bin\s+absentia\b",
    re.IGNORECASE,
)
#: A verdict the day governs ("the Supreme Court on Tuesday sentenced the former president"):
#: a day of the court, unless those sentenced were captives of the other side
#: (:data:`~harmwatch.extract.text.TRIED_CAPTIVES`).
_VERDICT_AFTER = re.compile(
    # (a long list of the defendants may stand between "found" and "guilty", with "Jr.,")
    r"\s*,?\s*(?:(?:sentenced|convicted|acquitted|found\b(?:[^.;]|\.(?=,)){0,200}?\bguilty)\b|"
    r"(?:handed\s+down|delivered|issued|read\s+out)\s+(?:its\s+|a\s+|the\s+)?"
    r"(?:verdict|judg(?:e)?ment|sentences?)\b)",
    re.IGNORECASE,
)
#: How far after a day :data:`_VERDICT_AFTER` reads (a list of defendants may stand between
#: "found" and "guilty").
VERDICT_WINDOW = 260
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|one|every|each|any)\s+$", re.IGNORECASE)
_AS_OF = re.compile(r"\bas of:?\s+", re.IGNORECASE)
_SO_FAR = re.compile(r"\b(?:so far|to date|thus far|up to now|until now)\b", re.IGNORECASE)
#: A time of day between "by" and its day: "by noon on Friday", "by 6 p.m. on Monday".
_BY_TIME = (
    r"(?:(?:noon|midday|midnight|nightfall|dawn|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|"
    r"hours|GMT|UTC))\s+on\s+)"
)
#: "By Monday evening the death toll had risen to 40", "by Thursday morning", "By 25 April": the
#: day a count was taken (a cut-off, as the project's conventions read "by Thursday morning").
_BY_DAY = re.compile(
    rf"\bby\s+(?:early\s+|late\s+)?{_BY_TIME}?(?:(?:{weekday_pattern()})"
    r"(?:\s+(?:morning|afternoon|evening|night))?|"
    # "By 25 April, the mission's count had risen to 53"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
_AS_OF_BEFORE = re.compile(
    rf"\bas of:?\s+(?:[\w:.]+\s+){{0,2}}$|\bas of:?\s+{_BY_TIME}$|"
    r"\bas of:?\s+the\s+(?:morning|afternoon|evening|night|end)\s+of\s+$|"
    rf"\bby\s+(?:early\s+|late\s+)?{_BY_TIME}?$",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:\w+\s+)?$", re.IGNORECASE)
_COPYRIGHT_AFTER = re.compile(r"^[.,]?\s*©")
#: "Satellite imagery from 10 July 2022 shows ...": the day a picture was taken.
_IMAGERY_BEFORE = re.compile(
    r"\b(?:imagery|images?|photos?|photographs?|pictures?|footage|videos?)\s+"
    # "Images taken by local volunteers on 29 January show ..."
    r"(?:from|dated|(?:taken|captured|recorded|filmed|shot)\s+(?:by\s+(?:[\w'’-]+\s+){1,3})?on)"
    r"\s+$",
    re.IGNORECASE,
)
#: "today counts 119 dead", "today puts the toll at": a present-day count, not a day of harm;
#: "most historians today consider that figure too high": a present-day view.
_COUNTS_AFTER = re.compile(
    r"^\s+(?:counts|puts|estimates?|lists|records|says|reports|speaks?\s+of|consider|considers|"
    r"believe|believes|think|thinks|agree|agrees|regard|regards|accept|accepts|dispute|"
    r"disputes)\b",
    re.IGNORECASE,
)
_PHOTO_AFTER = re.compile(r"^\.\s*(?:PHOTO|Photo|Credit)")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(
    r"^\s*[,(]?\s*\(?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)
#: The patterns with their anchor prefixes, for scanning through the document's word index.
_ANCHORED: list[tuple[str, AnchoredPattern]] = [(kind, anchor(pat)) for kind, pat in _PATTERNS]
_ALL_DATES = tuple(ap for _, ap in _ANCHORED)
_DOM_ANCHORED = next(ap for kind, ap in _ANCHORED if kind == "dom")
#: Words every match of a date pattern holds, where they are rarer than the pattern's first
#: word ("in", "the", "this"): a month name, a 19xx/20xx year, a day or period word.
_MONTH_WORD = anchor(re.compile(rf"\b{_M}", re.IGNORECASE))
_YEAR_WORD = anchor(re.compile(r"\b(?:19|20)\d\d"))
_PERIOD_WORD = anchor(
    re.compile(
        r"\b(?:today|tonight|yesterday|night|days?|week|month|year|morning|afternoon|evening)\b",
        re.IGNORECASE,
    )
)
#: :func:`find_dates` finds nothing in a sentence without a word of one of these.
DATE_PATTERNS = (*_ALL_DATES[:6], _DOM_ANCHORED, _PERIOD_WORD, _MONTH_WORD, _YEAR_WORD)
_AS_OF_ANCHORED = anchor(_AS_OF)
_SO_FAR_ANCHORED = anchor(_SO_FAR)
_BY_DAY_ANCHORED = anchor(_BY_DAY)
#: "Between 19 and 25 August, at least 28 civilians were killed": a counting period.
_BETWEEN_ANCHORED = anchor(re.compile(r"\bbetween\b", re.IGNORECASE))


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved temporal expression. ``date`` is None when it cannot be resolved."""

    start: int
    end: int
    # (``dt.date``: in this class body the field ``date`` hides the type)
    date: dt.date | None
    date_end: dt.date | None
    precision: str
    role: str
    #: Whether a verb or noun of an incident (harm, attack, accident) governs the date in its
    #: clause ("the truck overturned on Saturday", "the April 2 assault"), so the date is the
    #: incident's even where the sentence itself is not an event sentence.
    incident: bool = False
    #: Whether ``date``..``date_end`` is a stated span ("4 to 7 November", "24–28 July") rather
    #: than two days joined by "and" ("on 24 and 26 July").
    span: bool = False


#: The kinds of date that may state a year.
_FULL_DATE_KINDS = frozenset({"iso", "dmy_num", "mdy", "dmy"})


def year_hint(text: str, words: WordIndex | None = None) -> int | None:
    """The year of the first full date in the text, for day-month dates when
    ``published`` is unknown (convention: a year stated elsewhere, e.g. a photo caption)."""
    words = words or WordIndex(text)
    for kind, ap in _ANCHORED:
        if kind not in _FULL_DATE_KINDS:
            continue
        for m in words.finditer(ap):
            if m.groupdict().get("y"):
                return int(m.group("y"))
    return None


def _month(token: str) -> int:
    return _MONTHS[token.casefold()[:3]]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: The last document whose "<Month> <Year>" mentions were collected, and what they gave (the
#: pipeline works through one document's sentences at a time, so one entry is enough).
_MONTH_YEARS_MEMO: list[tuple[str, dict[int, frozenset[int]]]] = []
_MONTH_YEAR = re.compile(rf"\b{_M}\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_YEAR_ANCHORED = anchor(_MONTH_YEAR)


def _month_years(text: str, words: WordIndex | None = None) -> dict[int, frozenset[int]]:
    """Month -> years of the text's "March 2022"-style mentions: a bare "27 March" in a report
    on "the killings in March 2022" is of that March.

    ``words``, the text's :class:`WordIndex`, lets the pattern run at month words only instead
    of at every character of the document."""
    if _MONTH_YEARS_MEMO and _MONTH_YEARS_MEMO[0][0] is text:
        return _MONTH_YEARS_MEMO[0][1]
    seen: dict[int, set[int]] = {}
    found = (
        words.finditer(_MONTH_YEAR_ANCHORED)
        if words is not None and words.text is text
        else _MONTH_YEAR.finditer(text)
    )
    for m in found:
        seen.setdefault(_month(m.group("mon")), set()).add(int(m.group("y")))
    years = {mon: frozenset(ys) for mon, ys in seen.items()}
    _MONTH_YEARS_MEMO[:] = [(text, years)]
    return years


def _infer_year(
    m: int,
    d: int,
    published: date | None,
    hint: int | None,
    stated: frozenset[int] = frozenset(),
    last: date | None = None,
) -> int | None:
    """The year of a day-month date: the one year the text gives that month, else the year of
    the day told just before when this one follows it within weeks ("on 18 November 1991 ...
    Two days later, on 20 November"), else the publication year (the year before when the day
    would be after publication; then the latest earlier year the text gives that month, "7
    July" in an anniversary piece of 3 July 2021 that tells of "3 July 2016")."""
    if len(stated) == 1:
        (year,) = stated
        if published is None or date(year, m, 1) <= published:
            return year
    if last is not None and published is not None and last.year < published.year:
        follows = _safe_date(last.year, m, d)
        if follows and timedelta(0) <= follows - last <= timedelta(days=NARRATIVE_DAYS):
            return last.year
    if published is not None:
        candidate = _safe_date(published.year, m, d)
        if candidate and candidate <= published + timedelta(days=FUTURE_SLACK_DAYS):
            return published.year
        earlier = [y for y in stated if y < published.year]
        return max(earlier) if earlier else published.year - 1
    return hint


#: Days listed before a "D and D Month" pair: "on 5, 8 and 11 March" (the "5, ").
_DAY_LIST_BEFORE = re.compile(r"\b((?:[0-3]?\d(?:st|nd|rd|th)?,\s*)+)$")
_LIST_DAY = re.compile(r"([0-3]?\d)")
#: "on March 5, 8 and 11": the days listed after a month-first date are days of that month
#: (not "March 5, 8 and 11 people": a count may follow).
_DAY_LIST_AFTER = re.compile(
    r"((?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?)+\s*,?\s*(?:and|&)\s*[0-3]?\d(?:st|nd|rd|th)?)"
    r"(?![\w%])(?!\s+(?:people|persons|civilians|children|soldiers|were|killed|dead|injured|"
    r"wounded|more|other|of)\b)",
    re.IGNORECASE,
)
_LIST_YEAR = re.compile(r",?\s+((?:19|20)\d\d)\b")
#: Between the two days of a span: "27 February to 1 March", "Friday through Sunday".
_SPAN_JOIN = re.compile(r"\s*(?:,\s*)?(?:to|until|till|through|[-–])\s*(?:the\s+)?")
#: Before a span's first day: "from", "lasted from".
_SPAN_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
#: "broke out on Wednesday morning and continued until Thursday evening": one span of harm.
_CONTINUED_UNTIL = re.compile(
    rf"(?:\s+(?:morning|afternoon|evening|night))?,?\s+and\s+{LASTED_UNTIL}"
    r"\s+(?:the\s+)?(?:early\s+|late\s+)?(?:on\s+)?",
    re.IGNORECASE,
)
#: "on 21 March last year": the day-month is of the year before publication.
_LAST_YEAR_AFTER = re.compile(r",?\s+last\s+year\b", re.IGNORECASE)
#: How far after the day told last a yearless day may fall and still be of its year, and how
#: many characters after its mention ("on 18 November 1991 ... Two days later, on 20 November").
NARRATIVE_DAYS = 45
NARRATIVE_CHARS = 300
_LAST_BEFORE = re.compile(r"\blast\s+$", re.IGNORECASE)
#: Between two day names of two days: "Monday and Wednesday", "the night of Saturday to Sunday".
_AND_OR = re.compile(r"\b(?:and|or|to|into|through)\b", re.IGNORECASE)


def _weekday(name: str, published: date | None) -> date | None:
    """The most recent such weekday on or before publication."""
    if published is None:
        return None
    delta = (published.weekday() - _WEEKDAYS.index(name.casefold())) % 7
    return published - timedelta(days=delta)


def _resolve(
    kind: str,
    m: re.Match[str],
    published: date | None,
    hint: int | None,
    last: date | None,
    stated: dict[int, frozenset[int]] | None = None,
    near: bool = False,
) -> tuple[date | None, date | None, str]:
    """``near``: the day told last (``last``) ends close before this date, so a yearless day
    may take its year."""
    g = m.groupdict()
    stated = stated or {}
    if kind == "iso":
        return _safe_date(int(g["y"]), int(g["m"]), int(g["d"])), None, "day"
    if kind == "dm_num":
        day, mon = int(g["d"]), int(g["m"])
        if not 1 <= mon <= 12:
            return None, None, "day"
        year = _infer_year(mon, day, published, hint, stated.get(mon, frozenset()), None)
        return (_safe_date(year, mon, day) if year is not None else None), None, "day"
    if kind == "dmy_num":
        day, mon = int(g["d"]), int(g["m"])
        if mon > 12 >= day:
            day, mon = mon, day  # "10/25/2025": only the first can be the month
        return _safe_date(int(g["y"]), mon, day), None, "day"
    if kind in ("mdy", "dmy"):
        mon = _month(g["mon"])
        day = int(g["d"]) if g.get("d") else _ORDINALS[g["dw"].lower()]
        last_year = (
            not g.get("y")
            and published is not None
            and _LAST_YEAR_AFTER.match(m.string, m.end(), m.end() + 12) is not None
        )
        year = (
            int(g["y"])
            if g.get("y")
            else (published.year - 1)
            if last_year and published is not None
            else _infer_year(
                mon, day, published, hint, stated.get(mon, frozenset()), last if near else None
            )
        )
        if year is None:
            return None, None, "day"
        end = _safe_date(year, mon, int(g["d2"])) if g.get("d2") else None
        return _safe_date(year, mon, day), end, "day"
    if kind == "weekday":
        weekday = _weekday(g["wd"], published)
        if (
            weekday is not None
            and weekday == published
            and _LAST_BEFORE.search(m.string, max(0, m.start() - 8), m.start())
        ):
            weekday -= timedelta(days=7)  # "last Friday" in a Friday paper is the week before
        return weekday, None, "day"
    if kind == "rel":
        rel = g["rel"].lower()
        if rel.startswith(("the previous ", "the preceding ")) or (
            rel.endswith(" before") and not rel.endswith("yesterday")
        ):
            return (last - timedelta(days=1) if last else None), None, "day"
        if rel.startswith(("the following ", "the next ")):
            # "They burned its school the following day": the day after the one told last
            return (last + timedelta(days=1) if last else None), None, "day"
        if rel.endswith(" later"):
            # "Two days later, a second strike hit a fuel depot": counted from the day told last
            n = _DAYS_LATER.get(rel.split()[0], None)
            n = int(rel.split()[0]) if n is None and rel.split()[0].isdigit() else n
            return (last + timedelta(days=n) if last and n else None), None, "day"
        if published is None:
            return None, None, "day"
        if rel in ("yesterday", "last night"):
            return published - timedelta(days=1), None, "day"
        if rel.endswith("day before yesterday"):
            return published - timedelta(days=2), None, "day"
        if rel.startswith("last "):
            unit = rel.split()[1]
            if unit == "week":
                return published - timedelta(days=7), None, "week"
            if unit == "month":
                prev = published.replace(day=1) - timedelta(days=1)
                return prev.replace(day=1), None, "month"
            return date(published.year - 1, 1, 1), None, "year"
        if rel.startswith("this ") and rel.split()[1] in ("week", "month", "year"):
            unit = rel.split()[1]
            start = {
                "week": published - timedelta(days=published.weekday()),
                "month": published.replace(day=1),
                "year": date(published.year, 1, 1),
            }[unit]
            return start, None, unit
        return published, None, "day"
    if kind == "month":
        year = int(g["y"]) if g.get("y") else (_infer_year(_month(g["mon"]), 1, published, hint))
        return (date(year, _month(g["mon"]), 1) if year else None), None, "month"
    if kind == "year":
        return date(int(g["y"]), 1, 1), None, "year"
    if kind == "dom":
        if published is None:
            return None, None, "day"
        day = int(g["d"])
        month_start = published.replace(day=1)
        if day > published.day:
            month_start = (month_start - timedelta(days=1)).replace(day=1)
        return _safe_date(month_start.year, month_start.month, day), None, "day"
    if kind == "ago" and published is not None:
        if g["week"]:
            return published - timedelta(days=7), None, "day"  # "exactly a week ago"
        ago = int(g["n"]) if g["n"].isdigit() else parse_number_words(g["n"])
        return (published - timedelta(days=int(ago)) if ago else None), None, "day"
    return None, None, "day"


#: Date kinds that give a day of the month.
_DAY_KINDS = ("mdy", "dmy", "dmy_num", "dm_num", "iso")
#: What may stand between a weekday and the date it names: "Monday, 23 June", "Tuesday (July 2)".
_WEEKDAY_JOIN = re.compile(r"[\s,(]{0,4}(?:the\s+)?")


def _year_of_weekday(
    day: date, end: date | None, weekday: int, published: date | None
) -> tuple[date, date | None]:
    """``day`` (and ``end``) moved to the nearest year in which ``day`` falls on ``weekday``,
    not after publication; unchanged when no year close by fits."""
    if day.weekday() == weekday:
        return day, end
    for shift in (-1, 1, -2, 2):
        moved = _safe_date(day.year + shift, day.month, day.day)
        if moved is None or moved.weekday() != weekday:
            continue
        if published is not None and moved > published + timedelta(days=FUTURE_SLACK_DAYS):
            continue
        moved_end = _safe_date(end.year + shift, end.month, end.day) if end else None
        return moved, moved_end
    return day, end


def _years_ago(before: str, day: date) -> date | None:
    """``day`` moved back by "<N> years (months, weeks, days) ago" written before it ("Twelve
    months ago today"); None for a day that has no twin (29 February, 31 April)."""
    m = _YEARS_AGO.search(before)
    if not m:
        return day
    word = m.group("n")
    if word.lower() in ("a", "an"):
        n: float | None = 1  # "A year ago today"
    else:
        n = parse_number_words(word) if not word.isdigit() else int(word)
    if not n:
        return day
    n, unit = int(n), m.group("unit").lower()
    if unit == "day":
        return day - timedelta(days=n)
    if unit == "week":
        return day - timedelta(weeks=n)
    if unit == "month":
        months = day.year * 12 + day.month - 1 - n
        return _safe_date(months // 12, months % 12 + 1, day.day)
    return _safe_date(day.year - n, day.month, day.day)


#: Verbs of an incident: harm, attack, accident or disaster.
_INCIDENT_VERB = (
    r"(?:killed|wounded|injured|shot(?:\s+dead)?|opened\s+fire|began\s+(?:shooting|firing)|fired\s+(?:(?:up)?on|at)|"
    r"c(?:ame|ome|oming)\s+under\s+(?:heavy\s+|intense\s+)?(?:fire|attack|shelling|bombardment)|"
    r"shelled|struck|hit|bombed|dropped\s+(?:\w+\s+){0,2}(?:bombs?|explosives|munitions)|exploded|"
    r"blew\s+up|detonated|attacked|stormed|raided|overran|overrun|occupied|seized|captured|"
    r"abducted|kidnapped|executed|massacred|torched|set\s+(?:on\s+)?fire|burned|burnt|"
    r"destroyed|damaged|looted|collapsed|capsized|overturned|tipped\s+over|sank|"
    r"swept\s+away|broke\s+out|erupted|crashed|derailed|took\s+place|went\s+down|"
    r"burst\s+(?:its|their)\s+banks|"
    # a release from captivity, which the conventions date as a detention event ("forty of
    # them were released on 10 July"); a report "was released" is an act of its own
    r"(?:were|was|been)\s+(?:released|freed|set\s+free)(?!\s+on\s+(?:bail|bond|parole)\b))"
)
#: Nouns of an incident, which date it when the date follows them in a phrase ("the attack on
#: the village on 23 March") or stands right before them ("the April 2 assault").
_INCIDENT_NOUN = (
    r"(?:attacks?|assault|killings?|massacre|shelling|bombing|bombardment|air\s*strikes?|"
    r"strikes?|raids?|explosions?|blasts?|earthquake|quake|fire|shooting|ambush(?:es)?|clashes)"
)
#: A day told as a day after the harm: "searched the rubble on Tuesday, a day after a missile
#: strike", "on Sunday, two days after the raid" (the harm's own day is the one before).
_DAY_AFTER_AFTER = re.compile(
    r"^\s*(?:morning|afternoon|evening|night)?\s*,\s*(?:a|one|two|three|four|five|\d)\s+days?\s+"
    rf"after\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){{0,3}}?{_INCIDENT_NOUN}\b",
    re.IGNORECASE,
)
_INCIDENT_BEFORE = re.compile(
    # (a verb, not a compound adjective: "the worst-hit districts", "war-damaged")
    rf"\b(?:(?<!-){_INCIDENT_VERB}\b(?:(?!\bwhich\b|\bwho\b)[^;:!?]){{0,70}}|(?:the|an?|its|their)\s+"
    # "the pager explosions of 17 September", "the Hamas-led attack of 7 October"
    rf"(?:[\w'’-]+\s+){{0,2}}?{_INCIDENT_NOUN}\s+"
    r"(?:(?:carried\s+out|launched|committed|perpetrated|began|started|happened|occurred|"
    r"took\s+place)\s+)?"
    r"(?:(?:on|of|in|at|near|against)\s+(?:(?!\bwhich\b|\bwho\b)[^;:!?]){0,100})?)$",
    re.IGNORECASE,
)
_INCIDENT_AFTER = re.compile(
    rf"^(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{_INCIDENT_NOUN}|{_INCIDENT_VERB})\b",
    re.IGNORECASE,
)


#: A verb of an act that is not harm governing the date, with up to six words of object between
#: ("visited the prison on", "gathered at the memorial centre on", "filed a lawsuit ... on",
#: "told Ukrainian television on", "in its order of"): the day of that act, not of the harm.
_ACTIVITY_BEFORE = re.compile(
    r"\b(?:visited|gathered|met|laid(?!\s+siege)|filed|signed|hosted|declared|decreed|ordered|"
    # "the court delivered today its judgment in the case of the massacre"
    r"delivered|pronounced|handed\s+down|"
    r"flew\s+to|"
    # "A video that circulated on Monday shows soldiers executing ..."
    r"(?:video|footage|photos?|images?|recording)\s+(?:that\s+|which\s+)?(?:was\s+|were\s+)?"
    r"(?:circulated|surfaced|emerged|appeared|posted|shared|spread)|"
    # "held 40 people for questioning on Wednesday" (no detention, the set's convention)
    r"(?:held|detained|questioned)\s+(?:[\w-]+\s+){0,4}?for\s+questioning|"
    r"adopted|pulled\s+out|withdrew|(?:began\s+)?withdrawing|travelled|traveled|returned|"
    # "Netanyahu, visiting the base on Monday", "aircraft were arriving on Friday"
    r"visiting|arriving|"
    # "talks resumed on", but not "fighting resumed" nor "resumed its offensive on 25 June"
    r"(?<!fighting )(?<!clashes )(?<!shelling )(?<!attacks )(?<!hostilities )resumed"
    r"(?!\s+(?:its|their|the|an?)\s+(?:[\w-]+\s+)?(?:offensive|attacks?|assault|shelling|"
    r"bombing|bombardment|strikes|raids|fighting|hostilities)\b)|"
    r"convened|surveying|searching|searched|dug|digging|combed|mourning|campaign\s+started|"
    # "rescue teams pulled more bodies from the mud on Wednesday"
    r"(?:pulled|recovered|retrieved|brought)\s+(?:[\w-]+\s+){0,3}?bodies\b|"
    # "the prime minister resigned on Wednesday": an office left, not harm
    r"resigned|stepped\s+down|sworn\s+in|took\s+office|"
    # "the M23 took control of the mining town of Rubaya on 30 April": a capture, no harm told
    r"(?:took|taken|taking|seized|gained|assumed)\s+(?:full\s+)?control\s+of|"
    r"told|buried|condemned|recalled|confirmed|reported|announced|denied|learned|learnt|"
    r"issued\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?(?:statement|communiqu[eé]|report|update|bulletin)|"
    r"attended|(?:opened|launched)\s+an?\s+(?:investigation|inquiry|probe)|"
    r"rallied|protested|marched|demonstrated|presented|submitted|registering|registered|"
    r"distributing|distributed|(?:taken|rushed|flown|transferred|admitted)\s+to\s+(?:a\s+|the\s+)?"
    r"(?:[\w-]+\s+)?hospitals?|"
    # "17 wounded soldiers had been evacuated by helicopter to N'Djamena on Monday morning"
    r"evacuated\s+(?:by\s+(?:helicopter|air|road|ambulance)\s+)?to|"
    # "the last UN convoy entered the area on 30 October": aid that got through, no harm
    r"(?:convoys?|aid\s+trucks|relief\s+trucks|deliver(?:y|ies))\s+(?:[\w-]+\s+){0,3}?"
    r"(?:entered|reached|arrived|crossed|got\s+through)|"
    r"funerals?\s+(?:are|were|was|is)\s+(?:under\s+way|underway|taking\s+place)|"
    # "the toll given by local officials the day before"
    r"(?:toll|figure|count|number)s?,?\s+(?:given|provided|released|announced|reported|published)|"
    # "regional officials had given a toll of 229 on Wednesday"
    r"(?:gave|given|giving)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:toll|figure|count|tally|"
    r"estimate)|"
    r"denounced|published|"
    # "funerals were held", "memorial events were held on Tuesday"
    r"(?:funerals?|memorials?|memorial\s+(?:events?|services?)|ceremon(?:y|ies)|vigils?|"
    r"commemorations?|services?)\s+(?:[\w'’-]+\s+){0,6}?(?:was|were)\s+held|"
    # "report released", "her report on the incident was released on May 3", "the findings
    # were released on Monday"
    r"(?:report|statement|findings|results|figures|data|list)(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:(?:was|were)\s+)?released|"
    r"took\s+(?:effect|hold)|came\s+into\s+(?:force|effect)|"
    r"(?:ceasefire|cease-fire|truce|armistice|agreement|deal)\s+(?:that\s+)?(?:ended|halted)|"
    # "its order of 7 December", "its order on provisional measures of 7 December 2021"
    r"(?:order|ruling|decision|judgment|resolution)(?:\s+on(?:\s+[\w-]+){1,3}?)?\s+of|"
    # "violated the ceasefire of 5 March 2020": an agreement's day
    r"(?:ceasefire|cease-fire|truce|armistice|accord|agreement)\s+of|"
    # "blamed each other on Wednesday for an explosion", "handed back to Azerbaijan on 25 November"
    r"blamed|handed\s+(?:back|over)|"
    # "the presidential run-off of 6 June": an occasion's day
    r"(?:elections?|run-?off|referendum|vote|poll|ballot)\s+of)\b"
    # "visited the injured on Wednesday": the injured are people, not a verb of harm
    rf"(?:\s+(?:the\s+(?:injured|wounded)\b|"
    rf"(?!(?:when|after|while|as|that|say|says|said)\b|{_INCIDENT_VERB}\b|explosions?\b|blasts?\b|massacres?\b|killings\b)[\w'’-]+)){{0,9}}?"
    r"\s+(?:(?:on|from|in|of)\s+)?(?:(?:early|late)\s+)?$"
    # "Armenia commemorated on Friday the soldiers killed ...", "Azerbaijan marked on Monday the
    # anniversary of ...": the day right after the verb is the commemoration's (what follows
    # may be a massacre told with its own day)
    r"|\b(?:commemorated|marked)\s+(?:on\s+)?$"
    # "The UN condemned the massacre on 9 December": a massacre stops an act's reach ("a
    # report ... documents the massacre in Axum on 28 November"), but a day right after the
    # condemned massacre is the condemnation's
    r"|\b(?:condemned|denounced)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:massacres?|killings)\s+"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)


#: After a date opening its sentence, the main verb: a speech verb or an incident verb.
_SPEECH_OR_INCIDENT = re.compile(
    r"(?<!-)\b(?:(?P<speech>"
    + speech_verbs(
        "informs",
        "informed",
        "claimed",
        "confirmed",
        "denied",
        "accused",
        "condemned",
        "called",
        "urged",
        "visited",
        "met",
        "signed",
    )
    + ")|"
    rf"(?P<incident>{_INCIDENT_VERB}|swept\s+(?:into|through)))\b",
    re.IGNORECASE,
)
_POSSESSIVE_INCIDENT = re.compile(
    rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}?{_INCIDENT_NOUN}\b", re.IGNORECASE
)
_DAYS_LATER = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
#: The day of a report: "said in a report on Friday", "in an early warning issued on Thursday",
#: "in a report released on Wednesday" (a few words at most between the report and its day).
_REPORT_BEFORE = re.compile(
    # "the health ministry's last public update, on Sunday, gave 224 dead"
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:report|statement|update|briefing|bulletin)\s*,\s*(?:on\s+)?$|"
    # "the group's quarterly report, released on 15 April"
    r"\b(?:report|statement|update|bulletin|communiqu[eé])\s*,\s*(?:released|published|issued)\s+"
    r"(?:on\s+)?$|"
    r"\b(?:in|issued|released|published)\s+(?:a|an|its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:report|statement|update|post|warning|note|briefing|communiqu[eé]|bulletin|findings)"
    # "in a statement read on state television on Monday evening" (not "in a statement that
    # the attack on Monday ...")
    r"(?:\s+(?!(?:that|about|of|into|over|concerning|attacks?|strikes?|shelling|bombing|raids?|"
    r"killings?|massacre|explosion|blast)\b)[\w'’-]+){0,4}?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: Words one of which every match of :data:`_REPORT_BEFORE` holds (lower-cased).
_REPORT_WORDS = (
    "report",
    "statement",
    "update",
    "briefing",
    "bulletin",
    "communiqu",
    "post",
    "warning",
    "note",
    "findings",
)


def _report_before(text: str, lo: int, hi: int) -> bool:
    """``_REPORT_BEFORE.search(text, lo, hi)``, the search at every character skipped for a
    window without one of :data:`_REPORT_WORDS` (a window holding an odd-case character, which
    case-insensitive matching takes for an ASCII letter, is always searched)."""
    window = text[lo:hi]
    if not any(c in window for c in _ODD_CASE):
        low = window.lower()
        if not any(w in low for w in _REPORT_WORDS):
            return False
    return _REPORT_BEFORE.search(text, lo, hi) is not None


#: A day followed by the publication of a record of the harm: "on 2 October a video was
#: disseminated showing servicemen shooting prisoners" (the harm's own day is not told).
_PUBLISHED_AFTER = re.compile(
    r"\s*,?\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:video|footage|photos?|photographs?|images?|"
    r"recording|report|statement)\s+(?:was|were|had been)\s+(?:disseminated|circulated|published|"
    r"posted|released|shared|broadcast)\b",
    re.IGNORECASE,
)
#: "today's Ganja", "present-day": a place's name of now, not a day.
_TODAYS_NAME_AFTER = re.compile(r"^['’]s\s+[A-Z]")
#: A day between a verb of telling and the count it told: "who had given on Sunday a
#: provisional toll of 15 dead", "reported on Monday a figure of 40".
_TOLL_GIVEN_AFTER = re.compile(
    r"^\s+(?:(?:morning|afternoon|evening|night)\s+)?(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:toll|tally|figure|count|estimate)\s+of\b",
    re.IGNORECASE,
)
#: A day naming a report: "the regional administration said in its Wednesday update".
_REPORT_NOUN_AFTER = re.compile(
    r"^\s+(?:update|report|briefing|bulletin|statement|press conference|post)\b", re.IGNORECASE
)
#: A day followed by its own verb of mourning: "Mourners in Kramatorsk on Thursday buried ...".
_MOURNING_AFTER = re.compile(
    r"^\s*,?\s*(?:buried|mourned|laid\s+(?:flowers|wreaths)|commemorated|rallied|marched|"
    # "On Tuesday, mourners carried the bodies to the cemetery"
    r"(?:the\s+)?mourners\b)",
    re.IGNORECASE,
)
#: A day owning an occasion that is no harm: "Thursday's talks", "Sunday's funerals".
_POSSESSIVE_OCCASION = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+)?(?:talks|meetings?|summit|elections?|vote|session|conference|"
    r"visit|funerals?|statement|announcement|speech|briefing|ceasefire|truce|deal|agreement|"
    r"match|game|rally|march|protests?|ceremony|commemoration|service|prayers?|hearing)\b",
    re.IGNORECASE,
)
_INCIDENT_BEFORE_ANCHORED = anchor(_INCIDENT_BEFORE)
#: The verbs after a date, asked of a clause that is a slice of the text (at their words).
_SPEECH_OR_INCIDENT_ANCHORED = anchor(_SPEECH_OR_INCIDENT)
_SPEECH_OR_HARM_AFTER_ANCHORED = anchor(_SPEECH_OR_HARM_AFTER)
#: The role patterns read in the window before a date (:func:`_role`), asked at their words.
_AS_OF_BEFORE_ANCHORED = anchor(_AS_OF_BEFORE)
_SINCE_BEFORE_ANCHORED = anchor(_SINCE_BEFORE)
_END_BEFORE_ANCHORED = anchor(_END_BEFORE)
_FUTURE_BEFORE_ANCHORED = anchor(_FUTURE_BEFORE)
_STATEMENT_BEFORE_ANCHORED = anchor(_STATEMENT_BEFORE)


def _search_in(
    ap: AnchoredPattern, view: str, start: int, words: WordIndex | None
) -> re.Match[str] | None:
    """``ap.pattern.search(view)``, ``view`` being the text's slice from ``start``; tried at
    the pattern's words when the document's ``words`` are given."""
    if words is None:
        return ap.pattern.search(view)
    return words.search_in(ap, start, start + len(view), view)


_ACTIVITY_BEFORE_ANCHORED = anchor(_ACTIVITY_BEFORE)
_UPDATE_SENTENCE_ANCHORED = anchor(_UPDATE_SENTENCE)
#: Characters after a date opening its sentence searched for the sentence's main verb.
OPENING_CLAUSE_CHARS = 200


#: Characters before a date searched for the incident verb or noun that governs it.
INCIDENT_BEFORE_CHARS = 130


def _incident(
    text: str, s: int, e: int, s_start: int, s_end: int, words: WordIndex | None = None
) -> bool:
    """Whether an incident verb or noun governs the date at ``text[s:e]`` in its clause, or
    is the first main verb after a date opening its sentence ("On 11 March, at around 13:00,
    gunmen of the group blew up the track")."""
    lo = max(s_start, s - INCIDENT_BEFORE_CHARS)
    before = text[lo:s]
    after = text[e : min(s_end, e + 40)]
    if (
        _INCIDENT_BEFORE.search(before)
        if words is None
        else words.search_in(_INCIDENT_BEFORE_ANCHORED, lo, s, before)
    ) or _INCIDENT_AFTER.match(after):
        return True
    opening = _DATELINE_DASH.split(text[s_start:s])[-1]
    if len(opening.split()) > OPENING_WORDS or _SPEECH_OR_HARM_AFTER.search(opening):
        return False
    clause = text[e : min(s_end, e + OPENING_CLAUSE_CHARS)].split(";", 1)[0]
    m = (
        _SPEECH_OR_INCIDENT.search(clause)
        if words is None
        else words.search_in(_SPEECH_OR_INCIDENT_ANCHORED, e, e + len(clause), clause)
    )
    return bool(m and m.group("incident"))


def _speech_first(after: str, at: int = 0, words: WordIndex | None = None) -> bool:
    """Whether the clause after a date that opens its sentence reaches a speech verb before
    any verb of harm. ``after`` starts at offset ``at`` of the text ``words`` indexes, when
    given: the verbs are then looked up at their words."""
    clause = after[:100].split(";", 1)[0]
    m = (
        _SPEECH_OR_HARM_AFTER.search(clause)
        if words is None
        else words.search_in(_SPEECH_OR_HARM_AFTER_ANCHORED, at, at + len(clause), clause)
    )
    return bool(m and m.group("speech"))


#: People in captivity, before or after "handed over": their handover is a release, which the
#: conventions date as a detention event ("the hostage was handed over to the Red Cross on
#: Monday", "handed over 32 servicemen to Armenia on Wednesday"); bodies, maps and districts
#: handed over are not.
_CAPTIVES = re.compile(
    r"\b(?:hostages?|captives?|prisoners?|detainees?|abductees?|POWs?|servicem[ae]n|soldiers)\b",
    re.IGNORECASE,
)
#: Characters before "handed over" searched for its captives.
HANDOVER_SUBJECT_CHARS = 80


#: A return that is a release: "returned home on Wednesday in a prisoner swap", "returned from
#: captivity on Monday", "returned today after being released".
_RELEASE_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:(?:prisoners?|captives?|POWs?)\s+(?:swap|exchange)|from\s+captivity|"
    r"(?:being|been)\s+(?:released|freed))\b",
    re.IGNORECASE,
)
#: An act in the present participle right after a verb of harm and its object, in one clause:
#: "attacked villagers digging trenches around Barsalogho on Saturday" (the day is the attack's).
_HARM_BEFORE_PARTICIPLE = re.compile(rf"(?<!-)\b{_INCIDENT_VERB}\b[^,;:.]{{0,40}}$", re.IGNORECASE)


def _harm_act(text: str, act: re.Match[str], s_start: int, e: int) -> bool:
    """Whether the act ``act`` found before the date ending at ``e`` is in fact harm: captives
    handed over or returned in an exchange (a release, which the conventions date as a
    detention event), or an act in the participle that only describes the victims of a verb
    of harm before it."""
    found = act.group().lower()
    at = found.find("handed over")
    if at >= 0:
        lo = max(s_start, act.start() + at - HANDOVER_SUBJECT_CHARS)
        return _CAPTIVES.search(text, lo, act.end()) is not None
    if found.startswith("returned"):
        return _RELEASE_AFTER.match(text, e, e + 100) is not None
    if found.split(None, 1)[0].endswith("ing"):
        return _HARM_BEFORE_PARTICIPLE.search(text, s_start, act.start()) is not None
    return False


def _is_offset(rel: str) -> bool:
    """Whether a relative day (lower case, as the "rel" pattern matched it) counts days from a
    day told before: "two days later", "the following day"."""
    return rel.endswith(" later") or rel.startswith(("the following ", "the next "))


def _role(
    text: str,
    s: int,
    e: int,
    kind: str,
    sentence: str,
    s_start: int,
    words: WordIndex | None = None,
) -> str:
    """The role of the date at ``text[s:e]`` in ``sentence`` (which starts at ``s_start``).

    ``words``, the document's :class:`WordIndex`, lets the activity and update patterns run
    at their words instead of at every character."""
    b_lo = max(0, s - 40)
    before = text[b_lo:s]
    after = text[e : e + 40]
    if _HEADER_BEFORE.search(before) or _HEADER_BAR_AFTER.match(after):
        return "header"
    if (
        kind in _DAY_KINDS
        and _BYLINE_BEFORE.search(before)
        and _LINE_END_AFTER.match(after)
        and _YEAR_END.search(text, s, e)
    ):
        return "header"
    if kind == "rel" and _is_offset(text[s:e].lower()):
        # "Two days later, a second strike damaged the hospital": a day counted from another
        # is not told (the conventions leave relative offsets unresolved); it still dates the
        # narrative for the yearless days after it
        return "offset"
    if kind == "rel" and _TODAYS_NAME_AFTER.match(after):
        return "attributive"  # "Kirovabad (today's Ganja)": a name of now, not a day
    if after[:1] in ("'", "’"):
        # a day owning a noun: "the toll from Tuesday's strike", "overshadowed by Monday's
        # strike" (not a cut-off "by Monday"), "Thursday's talks in Cairo"
        if _POSSESSIVE_INCIDENT.match(after):
            return "event"
        if _POSSESSIVE_OCCASION.match(after):
            return "attributive"
    if _REPORT_NOUN_AFTER.match(after) or _report_before(text, max(s_start, s - 90), s):
        return "statement"  # "in its Wednesday update", "said in a report on Friday"
    if _DAY_AFTER_AFTER.match(after) and not _incident(
        text, s, e, s_start, s_start + len(sentence), words
    ):
        return "activity"  # "searched the rubble on Tuesday, a day after a missile strike"
    if _TOLL_GIVEN_AFTER.match(after):
        return "statement"  # "who had given on Sunday a provisional toll of 15 dead"
    if _PUBLISHED_AFTER.match(text, e, min(len(text), e + 80)):
        return "statement"  # "on 2 October a video was disseminated showing ..."
    if kind == "weekday" and _MOURNING_AFTER.match(after):
        return "activity"  # "Mourners in Kramatorsk on Thursday buried three rescuers"
    if _search_in(_AS_OF_BEFORE_ANCHORED, before, b_lo, words):
        return "as_of"
    if _search_in(_SINCE_BEFORE_ANCHORED, before, b_lo, words):
        return "since"
    if kind in ("mdy", "dmy") and (period := _PERIOD_BEFORE.search(before)):
        if _INCIDENT_BETWEEN_BEFORE.search(text, max(s_start, s - 90), s) and not (
            _COUNTED_HARM.search(sentence)
        ):
            return "event"
        if (
            period.group(1) is None
            and _OPENING_BOUND.fullmatch(text, s, e)
            and _COUNTED_HARM.search(text, s_start, s)
        ):
            # "recorded 5,587 civilians killed between 24 February and 21 August 2022": a first
            # bound written as its own day is the day the counted harm began (a "since"), unless
            # it only opens a calendar period ("between 1 January and 15 August")
            return "since"
        if (
            period.group(1) is None
            and s - s_start < OPENING_SPAN_CHARS
            and _SHORT_SPAN.fullmatch(text, s, e)
            and not _COUNTED_HARM.search(sentence, e - s_start)
            and _incident(text, s, e, s_start, s_start + len(sentence), words)
        ):
            # "Between 16 and 21 February 2000, some 450 paramilitaries occupied the village":
            # a few days opening a sentence that counts nothing are the days of what it tells
            return "event"
        return "period"
    if _HARM_LASTED_UNTIL.search(before):
        return "event"  # "a siege that lasted until 3 September 2004": its last day
    if _search_in(_END_BEFORE_ANCHORED, before, b_lo, words):
        return "period"
    if kind in ("weekday", "mdy", "dmy") and _search_in(
        _FUTURE_BEFORE_ANCHORED, before, b_lo, words
    ):
        return "future"  # "the trial will open on 20 May", "resumes on Thursday"
    if kind == "weekday" and _ANAPHORIC_BEFORE.search(before):
        return "anaphoric"  # "121 people died that Saturday": the day told before, not a new one
    if kind == "weekday" and _INDEFINITE_BEFORE.search(before):
        return "indefinite"
    if _TOLL_STOOD_AFTER.match(after) and len(sentence[: s - s_start].split()) <= 2:
        return "update"  # "On Monday, the toll had stood at 413": the day of a count
    if "absentia" in sentence and _IN_ABSENTIA.search(sentence):
        return "activity"  # "the tribunal on Tuesday convicted him in absentia": no captive
    if _VERDICT_AFTER.match(text, e, e + VERDICT_WINDOW) and not TRIED_CAPTIVES.search(sentence):
        return "activity"  # "the Supreme Court on Tuesday sentenced the former president"
    if _COPYRIGHT_AFTER.match(after) or _PHOTO_AFTER.match(after):
        return "caption"
    if _IMAGERY_BEFORE.search(before):
        return "caption"  # "satellite imagery from 10 July shows": the day of a picture
    if kind == "rel" and _COUNTS_AFTER.match(after):
        return "statement"  # "the victims' association today counts 119 dead"
    if _search_in(_STATEMENT_BEFORE_ANCHORED, before, b_lo, words):
        return "statement"
    if kind == "rel" and _REPORT_TODAY_BEFORE.search(before):
        return "statement"
    lo = max(s_start, s - 70)
    act = (
        _ACTIVITY_BEFORE.search(text, lo, s)
        if words is None
        else words.search(_ACTIVITY_BEFORE_ANCHORED, lo, s)
    )
    if act and not _harm_act(text, act, s_start, e):
        return "activity"
    window = text[max(s_start, s - 60) : s]
    if ("still" in window or "remain" in window) and _STILL_BEFORE.search(
        text, max(s_start, s - 60), s
    ):
        return "state"  # "bodies were still lying in the streets on Tuesday": a later look
    if len(_DATELINE_DASH.split(sentence[: s - s_start])[-1].split()) <= 2 and _STILL_AFTER.match(
        text, e, min(len(text), e + 80)
    ):
        return "state"  # "Today, a decade later, some 200,000 still live in camps"
    # the clause the date opens: after a dateline's dash or a semicolon ("...; the next day
    # the navy said")
    opening = _DATELINE_DASH.split(sentence[: s - s_start])[-1].rsplit(";", 1)[-1]
    if (
        len(opening.split()) <= OPENING_WORDS
        and not _SPEECH_OR_HARM_AFTER.search(opening)
        and _speech_first(sentence[e - s_start :], e, words)
    ):
        return "statement"
    if _THE_BEFORE.search(before) and _ATTRIBUTIVE_AFTER.match(after):
        return "attributive"
    if kind in ("mdy", "dmy", "dmy_num") and _DATELINE_BEFORE.search(
        text[max(s_start, s - 40) : s]
    ):
        line_start = max(s_start, text.rfind("\n", 0, s) + 1)
        if s - line_start < 60 or _CAPS_DATELINE_BEFORE.search(before):
            return "dateline"
    if kind in ("mdy", "dmy") and _DATELINE_AFTER.match(text, e, e + 40):
        return "dateline"
    update = (
        _UPDATE_SENTENCE.search(sentence)
        if words is None
        else words.search_in(_UPDATE_SENTENCE_ANCHORED, s_start, s_start + len(sentence), sentence)
    )
    if update and s - s_start >= update.end():
        # "rose to 35 on Wednesday": the day of the count; a day before the verb ("the toll
        # from the bombings on Saturday has risen to 32") is the attack's
        return "update"
    return "event"


def find_dates(
    text: str,
    start: int,
    end: int,
    published: date | None,
    hint: int | None = None,
    last: date | None = None,
    words: WordIndex | None = None,
    last_at: int | None = None,
) -> list[DateMention]:
    """Dates in ``text[start:end]`` (one sentence), resolved and given a role.

    ``last`` is the day told last before the sentence and ``last_at`` where its mention ends;
    ``words`` is the document's :class:`WordIndex` when the caller has one.
    """
    words = words or WordIndex(text)
    found = words.finditer_each(_ALL_DATES, start, end)
    if not any(found):
        return []
    sentence = text[start:end]
    spans: list[tuple[int, int, str, re.Match[str]]] = []
    for (kind, _ap), matches in zip(_ANCHORED, found, strict=True):
        for m in matches:
            s, e = m.start(), m.end()
            if kind in ("month", "year", "dom"):
                s = m.start({"month": "mon", "year": "y", "dom": "the"}[kind])
            if any(s < e2 and s2 < e for s2, e2, _, _ in spans):
                continue
            spans.append((s, e, kind, m))
    spans.sort(key=lambda x: x[0])
    # "Saturday 12 October", "Monday, 23 June": the weekday names the day the date gives; it is
    # not a second date, and it tells the date's year when the text does not.
    named_day: dict[int, int] = {}
    named_at: dict[int, int] = {}  # the date's start -> its weekday's start
    joined: set[int] = set()
    for (s, e, kind, m), nxt in pairwise(spans):
        if kind == "weekday" and nxt[2] in _DAY_KINDS and _WEEKDAY_JOIN.fullmatch(text, e, nxt[0]):
            named_day[nxt[0]] = _WEEKDAYS.index(m.group("wd").casefold())
            named_at[nxt[0]] = s
            joined.add(s)
    out: list[DateMention] = []
    for s, e, kind, m in spans:
        if kind == "weekday" and (
            s in joined
            or any(
                o.date is not None
                and o.precision == "day"
                and abs(s - o.end) < 6
                and not _AND_OR.search(text, o.end, s)
                for o in out
            )
        ):
            continue  # "May 9 (Thursday)" names one day; "Monday and Wednesday" two, and so
            # does "the night of Saturday to Sunday"
        stated = _month_years(text, words) if kind in ("mdy", "dmy") and not m.group("y") else None
        near = last_at is not None and s - last_at <= NARRATIVE_CHARS
        d, d_end, precision = _resolve(kind, m, published, hint, last, stated, near)
        if s in named_day and d is not None and not m.groupdict().get("y"):
            d, d_end = _year_of_weekday(d, d_end, named_day[s], published)
        if kind == "rel" and d is not None and precision == "day":
            d = _years_ago(text[max(start, s - 30) : s], d)
        if kind == "weekday":
            after = text[e : e + 12]
            if _MONTH_AFTER.match(after):
                continue
        role = _role(text, s, e, kind, sentence, start, words)
        if role == "event" and s in named_at:
            # "laid flowers on Sunday, 28 April": the words before the weekday say what the day is
            role = _role(text, named_at[s], e, kind, sentence, start, words)
        incident = role == "event" and _incident(text, s, e, start, end, words)
        span = (
            d_end is not None
            and kind in ("mdy", "dmy")
            and m.group("d2") is not None
            and (
                "and" not in text[m.end("d") : m.start("d2")].lower()
                # "between 16 and 21 February": the two bounds of one span
                or text[max(start, s - 8) : s].lower().endswith("between ")
            )
        )
        if kind == "dmy" and d is not None and d_end is not None and not span:
            # "on 5, 8 and 11 March": the days listed before the pair are days of that month
            listed = _DAY_LIST_BEFORE.search(text, start, s)
            if listed is not None:
                out += _listed_days(text, listed, d, role, incident)
        listed = (
            _DAY_LIST_AFTER.match(text, e, end)
            if kind == "mdy" and d is not None and d_end is None and not m.group("y")
            else None
        )
        if listed is not None and d is not None:
            year = _LIST_YEAR.match(text, listed.end(), end)
            if year is not None:  # "March 5, 8 and 11, 2023": the year closes the list
                d = _safe_date(int(year.group(1)), d.month, d.day) or d
        out.append(DateMention(s, e, d, d_end, precision, role, incident, span))
        if listed is not None and d is not None:
            out += _listed_days(text, listed, d, role, incident)
        if d is not None and precision == "day":
            last, last_at = d, e
    return _joined_spans(text, out)


def _listed_days(
    text: str, listed: re.Match[str], d: date, role: str, incident: bool
) -> list[DateMention]:
    """The days of the month of ``d`` listed in ``listed``'s first group ("5, 8 and" before
    "11 March", ", 8 and 11" after "March 5"), each a mention of its own."""
    out = []
    for n in _LIST_DAY.finditer(text, listed.start(1), listed.end(1)):
        day = _safe_date(d.year, d.month, int(n.group(1)))
        if day is not None:
            out.append(DateMention(n.start(1), n.end(1), day, None, "day", role, incident))
    return out


def _joined_spans(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Two event days joined as a span ("from 27 February to 1 March", "from 30 December 2024
    to 2 January 2025", "from Friday to Sunday", "broke out on Wednesday and continued until
    Friday"): the first gets the second as its end."""
    out = list(dates)
    for n, (a, b) in enumerate(pairwise(dates)):
        if not (
            a.role == "event"
            and a.precision == b.precision == "day"
            and a.date is not None
            and b.date is not None
            and a.date_end is None
            and a.date < b.date
        ):
            continue
        if (
            (
                b.role == "event"
                and _SPAN_JOIN.fullmatch(text, a.end, b.start)
                and _SPAN_FROM.search(text, max(0, a.start - 12), a.start)
            )
            or (b.role == "period" and _CONTINUED_UNTIL.fullmatch(text, a.end, b.start))
            or (
                # "the massacre committed between 30 December 1998 and 2 January 1999" (two
                # written dates; "between Thursday and Sunday" names its days only)
                b.role == "event"
                and _BETWEEN_AND.fullmatch(text, a.end, b.start)
                and text[max(0, a.start - 8) : a.start].lower().endswith("between ")
                and _DIGIT.search(text, a.start, a.end) is not None
                and _DIGIT.search(text, b.start, b.end) is not None
            )
        ):
            out[n] = replace(a, date_end=b.date, span=True)
    return out


def as_of_windows(windows: Windows) -> set[int]:
    """The windows :func:`resolve_as_of` can find a cut-off in (it finds none elsewhere)."""
    return (
        windows.searching(_AS_OF_ANCHORED)
        | windows.searching(_SO_FAR_ANCHORED)
        | windows.searching(_BY_DAY_ANCHORED)
        | windows.searching(_BETWEEN_ANCHORED)
    )


def resolve_as_of(
    text: str,
    start: int,
    end: int,
    published: date | None,
    hint: int | None = None,
    words: WordIndex | None = None,
) -> tuple[bool, date | None]:
    """Whether the sentence marks a cut-off, and its day if known.

    "As of 16 October 2024", "by Monday evening" and the end of a counting period ("between
    23 and 29 September") give that day; "as of 8 p.m.", "as of
    Sunday evening", "so far", "to date" give the publication day (or the weekday before
    it); "As of March" marks a cut-off without a day, so ``as_of`` stays null as the
    convention asks.
    """
    sentence = text[start:end]
    words = words or WordIndex(text)
    m = words.search_in(_AS_OF_ANCHORED, start, end, sentence)
    if m:
        for dm in find_dates(text, start, end, published, hint, words=words):
            if dm.role == "as_of":
                return True, dm.date if dm.precision == "day" else None
        if _TIME.match(sentence[m.end() :]):
            return True, published
        return True, None
    if words.search_in(_SO_FAR_ANCHORED, start, end, sentence):
        return True, published
    if words.search_in(_BY_DAY_ANCHORED, start, end, sentence):
        for dm in find_dates(text, start, end, published, hint, words=words):
            if dm.role == "as_of" and dm.precision == "day":
                return True, dm.date
    if words.search_in(_BETWEEN_ANCHORED, start, end, sentence):
        # the end of an explicit counting period is the counts' cut-off (convention)
        periods = [
            dm
            for dm in find_dates(text, start, end, published, hint, words=words)
            if dm.role == "period" and dm.precision == "day" and dm.date is not None
        ]
        if periods:
            last = max(periods, key=lambda dm: dm.start)  # the bound written last ends it
            return True, last.date_end or last.date
    return False, None


#: Characters at the top of a report searched for its cut-off header.
REPORT_HEADER_CHARS = 600
#: "All information valid as of 1 July 2024", "Situation as of 2 October 2023, 12:00", a line
#: "As of 14 October 2021", "Figures as at 5 May": the cut-off of every count in the report.
_REPORT_CUT_OFF = re.compile(
    r"(?:\b(?:situation|information|data|figures|numbers|status|statistics)\b[^.\n]{0,30}?"
    r"\b(?:valid\s+)?as\s+(?:of|at)\b|(?:^|\n)[ \t]*as\s+(?:of|at)\b)",
    re.IGNORECASE,
)
#: "Key figures (to date)": the report's counts run to its publication day.
_TO_DATE_HEADER = re.compile(r"(?:^|\n)[^\n.]{0,40}\(to date\)[ \t]*(?:\n|$)", re.IGNORECASE)
#: A header line is short; a cut-off inside running prose belongs to its sentence only.
REPORT_HEADER_LINE = 90


#: "as of" / "as at", which every match of :data:`_REPORT_CUT_OFF` holds, in lower-cased text.
_AS_OF_LOWER = re.compile(r"as\s+(?:of|at)")
#: Characters that case-insensitive matching takes for an ASCII letter although lower-casing
#: does not make them one.
_ODD_CASE = ODD_CASE_CHARS


def _may_state_as_of(head: str) -> bool:
    """False when ``head`` cannot hold a match of :data:`_REPORT_CUT_OFF`: it has no "as of"
    or "as at" in any case (a cheap scan for a literal instead of the pattern's at every
    character). Text with an odd-case character is always searched."""
    if any(c in head for c in _ODD_CASE):
        return True
    return _AS_OF_LOWER.search(head.lower()) is not None


def report_cut_off(text: str, published: date | None) -> tuple[date, int] | None:
    """The cut-off a report states in its header for all its counts, and where the header
    ends; None when the top of the text states none.

    Conventions (``tests/data/extract/README.md``, "Cut-offs"): a header "All information
    valid as of 1 July 2024" applies to the cumulative counts of that report; "(to date)"
    in a heading gives the publication day.
    """
    head = text[:REPORT_HEADER_CHARS]
    for m in _REPORT_CUT_OFF.finditer(head) if _may_state_as_of(head) else ():
        line_start = head.rfind("\n", 0, m.end()) + 1
        line_end = head.find("\n", m.end())
        line_end = line_end if line_end >= 0 else len(head)
        if line_end - line_start > REPORT_HEADER_LINE:
            continue
        for dm in find_dates(text, m.end(), line_end, published):
            if dm.date is not None and dm.precision == "day":
                return dm.date, line_end
    to_date = _TO_DATE_HEADER.search(head)
    if to_date and published is not None:
        return published, to_date.end()
    return None
