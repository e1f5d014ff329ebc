"""Publication date detection from text headers, bylines and URL paths.

Many pages reach us as plain text, where the date lives in a header line ("Politics 22:31
30/10/2020"), a page-store marker (" date 2023-01-17"), a byline ("By X | Monday, 04 April 2016"),
a "Published January 22, 2022" line, or the URL path (``/2023/01/17/``, ``/27-Sep-2023/``).
The cascade tries the most explicit signals first:

1. a page-store ``date YYYY-MM-DD`` marker at the very start;
2. a date in one of the first ``HEADER_LINES`` lines (headers, bylines, datelines);
3. a date in the URL path.

A month-only or year-less date gives nothing: guessing a year would silently shift every
relative date ("yesterday") resolved against it.
"""

from __future__ import annotations

import re
from datetime import date

#: Lines at the top of a page dump searched for a header or byline date. Bylines sit within the
#: first dozen lines on every layout we have seen; deeper dates are event dates, not publication.
HEADER_LINES = 14
#: Only the first characters of the text are searched, so a long first paragraph cannot donate
#: an event date as the publication date.
HEADER_CHARS = 700
#: Header, byline and dateline lines are short; a date inside a longer line is usually the date
#: of an event told in prose or a photo caption ("... on July 3, 2019."), not of publication.
MAX_DATE_LINE = 100

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
#: Month names of the other languages our sources write dates in (es, pt, fr, de); a page
#: header in Spanish or a translated wire keeps its original dateline.
FOREIGN_MONTHS = {
    **dict.fromkeys(("enero", "janeiro", "janvier", "januar"), 1),
    **dict.fromkeys(("febrero", "fevereiro", "février", "fevrier", "februar"), 2),
    **dict.fromkeys(("marzo", "março", "marco", "mars", "märz", "marz"), 3),
    **dict.fromkeys(("abril", "avril"), 4),
    **dict.fromkeys(("mayo", "maio", "mai"), 5),
    **dict.fromkeys(("junio", "junho", "juin", "juni"), 6),
    **dict.fromkeys(("julio", "julho", "juillet", "juli"), 7),
    **dict.fromkeys(("agosto", "août", "aout"), 8),
    **dict.fromkeys(("septiembre", "setiembre", "setembro", "septembre"), 9),
    **dict.fromkeys(("octubre", "outubro", "octobre", "oktober"), 10),
    **dict.fromkeys(("noviembre", "novembro", "novembre"), 11),
    **dict.fromkeys(("diciembre", "dezembro", "décembre", "decembre", "dezember"), 12),
}
MONTHS.update(FOREIGN_MONTHS)
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

_STORE_MARKER = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_PATTERNS = [
    # 2025-01-27 02:57:00 / 2020-10-30 / 2023/05/12 / 2023.05.12
    re.compile(
        r"(?<![\d/.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
    ),
    # 22:31 30/10/2020, 30.10.2020, 30-10-2020 (day first, as European news sites write it;
    # 05/13/2023 can only be month first)
    re.compile(
        r"(?<![\d/.-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?!\d)"
    ),
    # 28 October 2020 / Monday, 04 April 2016 / 28 Nov 2018
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:de\s+|of\s+)?"
        + _MON
        + r",?\s+(?:de\s+)?(?P<y>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    ),
    # January 22, 2022 / September 27, 2023 / MARCH 10, 2001
    re.compile(
        r"\b" + _MON + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b",
        re.IGNORECASE,
    ),
]
#: A wire dateline opening a paragraph of any length: "BAKU, 23 November 2020 –",
#: "KYIV, Ukraine, March 3, 2022 (Reuters) -". The date is the filing day, so it is the
#: publication date even though the line is long.
_DATELINE_LEAD = re.compile(
    # "Bogotá D.C., June 11, 2025.—": a name may end in an abbreviation's full stop
    r"^\s*[A-Z][^\W\d_]*(?:[ /.'’-]+[A-Z][^\W\d_]*){0,3}\.?"
    # "Sanaa , 3 August 2018": translated wires put a space before the comma
    r"(?:\s?,\s*[A-Z][^\W\d_]*(?:[ .'’-]+[^\W\d_]+)*)?\s?,\s+"
)
#: What follows a dateline's date: a dash or colon (after a full stop too: "2025.—"), or an
#: agency in brackets closed by a dash, colon or full stop ("(Vostok-Inform) .", "(Agency,
#: translated from Spanish).").
_DATELINE_TAIL = re.compile(r"\s*(?:\.?\s*[-–—:]|\([^()\n]{1,60}\)\s*[-–—:.])")
#: A header line that says the page's own date ("Published 5 November 2015 by ...", "Issued 9
#: October 2024", "Posted on"): it outranks any date in the lines above it.
_PUBLISHED_WORD = re.compile(
    r"\b(?:published|issued|posted|released|updated|dated)\b(?:\s+on)?\s*:?\s*$", re.IGNORECASE
)
#: Words right before a date that make it the date of something the header tells about ("The
#: attacks of 21 August 2013", "valid as of 31 March 2022"), not the page's own.
_TOLD_DATE_BEFORE = re.compile(
    r"(?<!\bas )\bof\s*$|\b(?:since|until|from|between|to|on|in)\s*$|\b(?:19|20)\d{2}\s*[-–]\s*$",
    re.IGNORECASE,
)
#: A dateline that gives only a month ("Bangui, May 2022"): the page is dated to the month, so
#: no day below it is the publication day.
_MONTH_DATELINE = re.compile(
    r"^\s*[A-Z][^\W\d_]*(?:[ '’-]+[A-Z][^\W\d_]*){0,3},\s+" + _MON + r"\s+(?:19|20)\d{2}\s*$",
    re.IGNORECASE,
)
_URL_PATTERNS = [
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})/" + _MON + r"/(?P<d>\d{1,2})(?:/|$)", re.IGNORECASE),
    re.compile(r"[/_](?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:[-_/.]|$)"),
    re.compile(r"/(?P<d>\d{1,2})-" + _MON + r"-(?P<y>(?:19|20)\d{2})(?:/|$)", re.IGNORECASE),
    # an archive's slug: "/archives/la-xpm-1999-jun-16-mn-46936-story.html"
    re.compile(
        r"[/_-](?P<y>(?:19|20)\d{2})-" + _MON + r"-(?P<d>\d{1,2})(?:[-_/.]|$)", re.IGNORECASE
    ),
]


def _make(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    day = int(groups["d"])
    if month > 12 >= day and not groups.get("mon"):
        month, day = day, month  # "05/13/2023": only the first can be the month
    try:
        return date(int(groups["y"]), month, day)
    except ValueError:
        return None


def date_from_url(url: str | None) -> date | None:
    """The date in a URL path, when the path states one unambiguously."""
    if not url:
        return None
    for pattern in _URL_PATTERNS:
        match = pattern.search(url)
        if match and (found := _make(match)):
            return found
    return None


def _dateline_date(line: str) -> tuple[date, tuple[int, int]] | None:
    """The date of a wire dateline opening ``line``, with its span in the line."""
    lead = _DATELINE_LEAD.match(line)
    if not lead:
        return None
    for pattern in _PATTERNS[2:]:
        match = pattern.match(line, lead.end())
        if match and _DATELINE_TAIL.match(line, match.end()) and (found := _make(match)):
            return found, match.span()
    return None


def _short_line_dates(line: str) -> list[tuple[re.Match[str], date]]:
    """The dates of a header line short enough to be a header, byline or dateline."""
    if len(line.strip()) > MAX_DATE_LINE:
        return []
    return [
        (match, found)
        for pattern in _PATTERNS
        for match in pattern.finditer(line)
        if (found := _make(match))
    ]


def date_from_header(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """The publication date stated at the top of ``text`` and the span it was read from."""
    marker = _STORE_MARKER.match(text)
    if marker:
        found = _make(marker)
        if found:
            return found, marker.span()
    head = text[:HEADER_CHARS]
    lines: list[tuple[int, str, list[tuple[re.Match[str], date]]]] = []
    offset = 0
    for line in head.splitlines(keepends=True)[:HEADER_LINES]:
        lines.append((offset, line, _short_line_dates(line)))
        offset += len(line)
    # a date right after "Published", "Issued", "Posted"... outranks every other
    for offset, line, dates in lines:
        for match, found in dates:
            if _PUBLISHED_WORD.search(line, 0, match.start()):
                return found, (offset + match.start(), offset + match.end())
    for offset, line, dates in lines:
        if _MONTH_DATELINE.match(line):
            return None, None
        if len(line.strip()) > MAX_DATE_LINE:
            dated = _dateline_date(line)
            if dated:
                return dated[0], (offset + dated[1][0], offset + dated[1][1])
            continue
        told = [
            (match, found)
            for match, found in dates
            if not _TOLD_DATE_BEFORE.search(line, 0, match.start())
        ]
        if told:
            match, found = min(told, key=lambda mf: mf[0].start())
            return found, (offset + match.start(), offset + match.end())
    return None, None


def detect_published(text: str, url: str | None = None) -> tuple[date | None, str | None]:
    """Publication date and where it came from (``header`` or ``url``), or ``(None, None)``."""
    found, _span = date_from_header(text)
    if found:
        return found, "header"
    found = date_from_url(url)
    if found:
        return found, "url"
    return None, None
