"""HTML to article text and metadata with trafilatura, tuned for recall.

trafilatura removes navigation, comments and other boilerplate and reads metadata (title, date,
author, site name). Its output still passes through our plain-text furniture pass, because
newsfeed blocks and "Also read" teasers inside the content area survive boilerplate removal on
some layouts.
"""

from __future__ import annotations

import logging
from datetime import date

import trafilatura
from lxml.etree import LxmlError

from harmwatch.errors import EmptyInput, MalformedInput
from harmwatch.ingest.plaintext import ParsedText, parse_plain_text

log = logging.getLogger(__name__)

#: Fewer characters of article text than this and the page holds no article to speak of.
MIN_ARTICLE_CHARS = 40


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_html(html: str, source: str, url: str | None = None) -> ParsedText:
    """Article text and metadata of ``html``; raises EmptyInput when there is no article."""
    head = html[:4096].lower()
    if "<html" not in head and "<body" not in head:
        # a fragment (feed content, a JSON record's html): trafilatura needs a document
        html = f"<html><body><article>{html}</article></body></html>"
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            # Only the page's own metadata: a date found in the article body is an event date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (LxmlError, ValueError, TypeError) as exc:
        raise MalformedInput(source, f"malformed HTML ({type(exc).__name__}: {exc})") from exc
    text = (doc.text or "") if doc is not None else ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise EmptyInput(source, "no article text found in the HTML")
    parsed = parse_plain_text(text, url=url or getattr(doc, "url", None))
    published = _as_date(getattr(doc, "date", None))
    if published:
        parsed.published, parsed.published_source = published, "metadata"
    title = getattr(doc, "title", None)
    if title:
        parsed.title = title.strip()
    parsed.author = getattr(doc, "author", None)
    parsed.site_name = getattr(doc, "sitename", None)
    if not parsed.language:
        parsed.language = getattr(doc, "language", None)
    return parsed
