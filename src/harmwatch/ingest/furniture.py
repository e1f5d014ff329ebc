"""Page furniture in plain-text page dumps: find it, so it stays out of the article text.

Pages often reach us as the text a browser copy or a page store made of them: the article plus
navigation, share links, "Also read" teasers, a newsfeed of unrelated time-stamped headlines,
language switchers and the leftovers of scripts. The raw bytes keep all of it (evidence); the
article text must not, or a hotel fire in a newsfeed becomes a toll of the war.

The cascade, over lines:

1. **Line furniture** anywhere: navigation words alone on a line, "Also read: ..." teasers,
   share/print/follow links, cookie-consent banners, script leftovers (JSON, ``{{template}}``
   tags), language switchers.
2. **Inline furniture**: "Also read: <headline>" and template tags inside a paragraph are cut up
   to the end of their sentence.
3. **Header**: before the first prose line, short lines that are furniture or a header with a
   category, time and date ("Politics 22:31 30/10/2020 Armenia") are cut.
4. **Tail**: below the first line of running text (when the page has one) and after at least
   ``MIN_ARTICLE_CHARS`` of article text, the first *terminator* ("Source
   Panorama.am", "Share |", "Newsfeed", "Most popular", "Related articles", "Follow us", "All
   news", "More on this story", a heading "MORE FOOTBALL") or the start of a newsfeed
   (``NEWSFEED_MIN_STAMPS`` time stamps close together) ends the article: everything from there
   on is furniture.

Each cut is a :class:`Cut` with its span in the raw text and a reason, so ``documents show`` can
display what was removed and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Article text needed before a terminator may end the article; a "Share" or "Newsfeed" line
#: above the story (site header) must not swallow the whole page.
MIN_ARTICLE_CHARS = 250
#: Time stamps within ``NEWSFEED_WINDOW`` lines that make a newsfeed block.
NEWSFEED_MIN_STAMPS = 3
NEWSFEED_WINDOW = 12
#: Furniture lines are short; a long line is prose even when it starts like a teaser.
MAX_FURNITURE_LINE = 160
#: A line with this many "|" separators is a bar of links, never running text.
NAV_BAR_MIN_PIPES = 4
#: A header line (category, time, date, nav) is short.
MAX_HEADER_LINE = 90


@dataclass(frozen=True, slots=True)
class Cut:
    """A span of the raw text that is not article text."""

    start: int
    end: int
    reason: str


_NAV_WORDS = (
    r"skip to (?:main )?content|show (?:news ?feed|more)|back to top(?: button)?|logo|menu|"
    r"search|home|user|categories|news content|log ?in|sign ?in|sign up|subscribe(?: now)?|"
    r"advertisement|advertising|sponsored(?: content)?|print(?: this)?|e-?mail|tweet|"
    r"share(?: this)?(?: article| story| page)?(?: on \w+)?|facebook|twitter|telegram|whatsapp|"
    r"linkedin|vk|comments?|donate(?: now)?|live|all news|news|more|close|loading\.*|"
    r"become a member|listen(?: to this article)?|copy link|view comments|photo|video|"
    r"stay informed|je m'abonne|\|+"
)
_NAV_LINE = re.compile(rf"^(?:{_NAV_WORDS})(?:\s*[|/·•]\s*(?:{_NAV_WORDS}))*\s*[|:]?$", re.I)
_TEASER_LABELS = (
    r"also read|read also|read more|see also|related(?: [\w ]{0,30})?|recommended|more on this|"
    r"you may also like|read next|up next|watch|listen|lire aussi|à lire aussi|voir aussi|"
    r"lee también|lea también|te puede interesar|leia também|veja também|"
    r"lesen sie auch|mehr zum thema|читайте также|смотрите также|подробнее|по теме|"
    r"նաև կարդացեք|կարդացեք նաև"
)
_TEASER = re.compile(rf"^[\[(]?(?:{_TEASER_LABELS})(?:\b|(?=\s|$))\s*[:>»\-–—]?", re.I)
_TEASER_LABEL_ONLY = re.compile(
    rf"^(?:{_TEASER_LABELS}|latest|trending(?: now)?|popular(?: now)?|most read|top stories|"
    rf"more stories|editor['’]?s picks)\s*[:>»\-–—]?\s*$",
    re.I,
)
_SHARE_LINE = re.compile(
    r"^(?:share|follow us|subscribe|sign up|print|tweet|partager|abonnez-vous|teilen|"
    r"compartir|compartilhar|"
    r"поделиться|подписывайтесь|подпишитесь|կիսվել|բաժանորդագրվեք)\b.{0,80}$",
    re.I,
)
#: Subscription boxes and syndication credits: short lines about the outlet, not the events.
_SUBSCRIPTION = re.compile(
    r"\b(?:newsletter|inbox|subscribe|sign up|abonnez-vous|je m'abonne|"
    r"(?:receive|get|delivered)\b.{0,60}\bby e-?mail)\b",
    re.I,
)
_SYNDICATION = re.compile(
    r"^(?:this (?:story|article|report) (?:was|is|has been) (?:distributed|republished|reprinted|"
    r"syndicated|originally published)|republished with permission|"
    r"originally published (?:by|on|at|in))\b",
    re.I,
)
_PLAYER = re.compile(
    r"^(?:your browser does not support|enable javascript to|"
    r"this video (?:is|has been) (?:unavailable|removed))\b",
    re.I,
)
#: Subscription lines are short; longer ones may be news about an email.
MAX_SUBSCRIPTION_LINE = 140
#: "We use cookies to personalise content. By continuing to browse you agree to our cookie
#: policy. [OK]": a consent banner, which may run longer than other furniture lines.
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONSENT = re.compile(
    r"\b(?:accept|agree|consent|polic(?:y|ies)|settings|preferences|personali[sz]e|experience|"
    r"continu(?:e|ing) to (?:browse|use))",
    re.I,
)
MAX_COOKIE_LINE = 300
#: A ticker holds several headlines on one line.
MAX_TICKER_LINE = 600
#: "⚡ LIVE: War updates — Lviv: ... · Kharkiv: ...", "TRENDING: Council | Airport | Cholera",
#: "NEWSFEED 08:55 ... · 08:30 ...", "POPULAR NOW › Wrestling: ... › Futsal: ...", "Flash info:
#: Kaya – water cuts · Boulsa: onion prices fall": a site-wide
#: ticker of other stories (several items on one line), not the article's own headline.
_TICKER = re.compile(
    r"^\W{0,3}\s*(?:live|breaking|trending|latest|just in|updates?|ticker|(?:news )?alerts?|"
    r"headlines|news ?feed|also in (?:the )?news|in other news|"
    r"popular(?: now)?|most (?:read|popular|viewed)|top stories|more stories|read next|"
    # "Flash info: Kaya – water cuts · Boulsa: onion prices fall" (not "Flash floods:")
    r"flash(?:\s+(?:info|news))?(?=\s*:))\b"
    r"[^\n]{0,40}?[:—–-]",
    re.I,
)
_TICKER_SEPARATOR = re.compile(r"\s[·|•›»▸►]\s")
_JSON_LINE = re.compile(r'^\s*[\[{].*"\s*:\s*.*[}\]]\s*$')
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,80}\}\}")
_INLINE_TEASER = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?:Also read|Read also|Read more|READ MORE|ALSO READ|See also)\s*:"
    r"[^\n]*?(?:[.!?](?=\s+[A-Z“\"])|$)",
    re.M,
)
_LANGUAGE_NAMES = re.compile(
    r"\b(?:english|русский|հայերեն|français|deutsch|español|türkçe|azərbaycan(?:ca)?|"
    r"ქართული|українська|العربية|italiano|polski)\b",
    re.I,
)
_TERMINATOR = re.compile(
    r"^(?:(?:source|источник|աղբյուր)\s*:?\s*[\w.\-]+(?:\.[a-z]{2,})?\s*$|"
    r"share\s*[|:]|news ?feed\b|newsfeed\b|лента новостей|все новости|լրահոս|"
    r"les plus lus|dans la même rubrique|mots-clés\s*:|самое читаемое|"
    # Spanish and Portuguese pages: "LO MÁS LEÍDO", "Etiquetas:", "MAIS LIDAS"
    r"lo más (?:leído|visto)|más leíd[oa]s|noticias relacionadas|etiquetas\s*:|"
    r"mais lid[oa]s|notícias relacionadas|"
    r"most (?:popular|read|viewed|commented)\b|related (?:articles|news|stories|posts)\b|"
    # (not a live blog's own line "More from just south of Beirut.", a sentence)
    r"latest news\b|follow us\b|all news\s*$|more from\b(?!.*[.!?]$)|also from [\w’'& -]{1,40}:?$|"
    r"more on [\w’'& -]{1,40}$|more live(?: coverage| blogs?| updates)?\s*$|more coverage\s*$|"
    r"you may also like\b|top stories\s*$|"
    r"(?:popular|trending)(?: now)?\s*$|read next\b|more stories\b|recommended(?: for you)?\s*$|"
    r"editor['’]?s picks\b|"
    r"tags?\s*:|comments\s*\(?\d*\)?\s*$|©|copyright\b|all rights reserved\b)",
    re.I,
)
#: "MORE FOOTBALL", "MORE HAITI NEWS", "MORE OPINION": a section's heading over links to its
#: other stories, written in capitals on a line of its own.
_MORE_HEADING = re.compile(r"^MORE(?: [A-Z][A-Z’'&-]*){1,4}\s*[:›»>]?$")
_STORE_MARKER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}[ \t]*")
_SENTENCE_END = re.compile(r"[.!?]\s+\S+.*[.!?]$")
_TIME_STAMP = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*(?:am|pm))?\s*(?:$|\S)", re.I)
#: A time stamp on a line of its own, with a time zone or "local time" at most ("18:15 IST",
#: "09:30 GMT+3", "14:05 local time").
_STAMP_ALONE = re.compile(
    r"^\d{1,2}:\d{2}(?:\s*(?:am|pm))?(?:\s+(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|local time))?$", re.I
)
_HEADER_LINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}|[A-Z][\w&,' ]{0,30}\s+\d{1,2}:\d{2}\s+\d{1,2}[/.]\d{1,2}"
    r"[/.]\d{2,4}\b.*)$"
)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(raw)
    return out


def _is_line_furniture(line: str) -> str | None:
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) <= MAX_FURNITURE_LINE:
        if _NAV_LINE.match(stripped):
            return "navigation"
        if _TEASER.match(stripped) or _TEASER_LABEL_ONLY.match(stripped):
            return "teaser link"
        if _SHARE_LINE.match(stripped):
            return "share/follow link"
        if len(stripped) <= MAX_SUBSCRIPTION_LINE and _SUBSCRIPTION.search(stripped):
            return "subscription box"
        if _PLAYER.match(stripped):
            return "media player message"
        if _SYNDICATION.match(stripped):
            return "syndication credit"
        if len(_LANGUAGE_NAMES.findall(stripped)) >= 2 and len(stripped.split()) <= 8:
            return "language switcher"
    if (
        len(stripped) <= MAX_COOKIE_LINE
        and _COOKIE.search(stripped)
        and _COOKIE_CONSENT.search(stripped)
    ):
        return "cookie notice"
    if (
        len(stripped) <= MAX_TICKER_LINE
        and _TICKER.match(stripped)
        and len(_TICKER_SEPARATOR.findall(stripped)) >= 1
    ):
        return "news ticker"  # one line of several headlines: longer than other furniture
    if _JSON_LINE.match(stripped):
        return "script leftover"
    if _TEMPLATE.fullmatch(stripped) or not _TEMPLATE.sub("", stripped).strip():
        return "script leftover" if _TEMPLATE.search(stripped) else None
    return None


def _is_prose(line: str) -> bool:
    """A line of running text: long enough, with lower-case words and a sentence end."""
    stripped = line.strip()
    if stripped.count("|") >= NAV_BAR_MIN_PIPES:
        return False  # "SITE NAME  |  Bosnia  |  Serbia  |  Croatia ...": a navigation bar
    return len(stripped) > MAX_HEADER_LINE and sum(c.islower() for c in stripped) > 40


#: A site's call to follow it, which some pages insert inside the article as well as below it.
_PROMO_LINE = re.compile(r"follow us\b", re.IGNORECASE)


def _prose_follows(lines: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the first non-blank line after line ``index`` is running text."""
    after = next((b for _s, _e, b in lines[index + 1 :] if b.strip()), None)
    return after is not None and _is_prose(after)


def _headline_stamp(lines: list[tuple[int, int, str]], index: int) -> bool:
    """Whether line ``index`` is a time stamp introducing a headline, not a live-blog entry.

    A newsfeed stamps short headlines ("22:31 Hotel fire in ..."); a live blog stamps
    paragraphs of running text, which are the article itself.
    """
    body = lines[index][2]
    stamp = _TIME_STAMP.match(body)
    if not stamp:
        return False
    entry = body.strip()
    if _STAMP_ALONE.match(entry):  # the stamp alone: its entry is the next line with text
        entry = next((b for _s, _e, b in lines[index + 1 : index + 3] if b.strip()), "")
    return not _is_prose(entry)


def _newsfeed_start(lines: list[tuple[int, int, str]], index: int) -> bool:
    if not _headline_stamp(lines, index):
        return False
    end = min(len(lines), index + NEWSFEED_WINDOW)
    stamps = sum(1 for i in range(index, end) if _headline_stamp(lines, i))
    return stamps >= NEWSFEED_MIN_STAMPS


def find_furniture(text: str) -> list[Cut]:
    """Spans of ``text`` that are page furniture, sorted and non-overlapping."""
    lines = _lines(text)
    cuts: list[Cut] = []
    marker = _STORE_MARKER.match(text)
    if marker:
        cuts.append(Cut(marker.start(), marker.end(), "page-store date marker"))
    # 3. header: before the first prose line
    first_prose = next(
        (i for i, (_s, _e, b) in enumerate(lines) if _is_prose(b) and not _is_line_furniture(b)),
        len(lines),
    )
    for start, end, body in lines[:first_prose]:
        if _HEADER_LINE.match(body) and len(body.strip()) <= MAX_HEADER_LINE:
            cuts.append(Cut(start, end, "header"))
    # a newsfeed above the story ("Newsfeed", then stamped headlines): the stamped lines and
    # their heading, not the story's own headline under them
    feed = next((i for i in range(first_prose) if _newsfeed_start(lines, i)), None)
    if feed is not None:
        last = feed
        for i in range(feed, min(len(lines), feed + NEWSFEED_WINDOW)):
            if _headline_stamp(lines, i):
                last = i + 1 if _STAMP_ALONE.match(lines[i][2].strip()) else i
        first = feed - 1 if feed and _TERMINATOR.match(lines[feed - 1][2].strip()) else feed
        cuts.append(Cut(lines[first][0], lines[min(last, len(lines) - 1)][1], "newsfeed"))
    # 4. tail, and 1. line furniture on the way
    article_chars = 0
    in_teaser_list = False
    for index, (start, end, body) in enumerate(lines):
        stripped = body.strip()
        if in_teaser_list:
            if stripped and not _is_prose(body) and not _SENTENCE_END.search(stripped):
                cuts.append(Cut(start, end, "teaser list"))
                continue
            in_teaser_list = False
        if (
            article_chars >= MIN_ARTICLE_CHARS
            # a "Share:" bar between the headline and the first paragraph is no end: where the
            # page has a line of running text, the article cannot end above it
            and (index > first_prose or first_prose == len(lines))
            and stripped
            and (
                (_TERMINATOR.match(stripped) and len(stripped) <= MAX_FURNITURE_LINE)
                or _MORE_HEADING.match(stripped)
                or _newsfeed_start(lines, index)
            )
        ):
            if _PROMO_LINE.match(stripped) and _prose_follows(lines, index):
                # "Follow us on WhatsApp | LinkedIn for the latest headlines" inserted between
                # two paragraphs of the article: the line goes, the article goes on
                cuts.append(Cut(start, end, "promotion"))
                continue
            cuts.append(Cut(start, len(text), "tail: " + stripped[:40]))
            break
        reason = _is_line_furniture(body)
        if reason:
            cuts.append(Cut(start, end, reason))
            in_teaser_list = bool(_TEASER_LABEL_ONLY.match(stripped))
        elif index >= first_prose or not any(c.start == start for c in cuts):
            article_chars += len(stripped)
    # 2. inline furniture inside kept lines
    for pattern, reason in ((_INLINE_TEASER, "inline teaser"), (_TEMPLATE, "script leftover")):
        for match in pattern.finditer(text):
            cuts.append(Cut(match.start(), match.end(), reason))
    return _merge(cuts)


def _merge(cuts: list[Cut]) -> list[Cut]:
    merged: list[Cut] = []
    for cut in sorted(cuts, key=lambda c: (c.start, -c.end)):
        if merged and cut.start <= merged[-1].end:
            last = merged[-1]
            if cut.end > last.end:
                merged[-1] = Cut(last.start, cut.end, last.reason)
            continue
        merged.append(cut)
    return merged


def apply_cuts(text: str, cuts: list[Cut]) -> str:
    """The text with the cut spans removed, blank-line runs collapsed, ends stripped."""
    kept, pos = [], 0
    for cut in cuts:
        kept.append(text[pos : cut.start])
        pos = cut.end
    kept.append(text[pos:])
    joined = "".join(kept)
    joined = re.sub(r"[ \t]+\n", "\n", joined)
    joined = re.sub(r"\n{3,}", "\n\n", joined)
    return joined.strip()
