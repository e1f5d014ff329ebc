"""The rules extractor (``extractor.rules.v1``) as a numbered cascade over one article text.

1. sentences and tokens (:mod:`.text`) — offsets into the text, never a copy; the words of the
   document indexed once (:mod:`.wordindex`) for every codebook look-up of every stage;
2. numbers (:mod:`.numbers`) — every numeral/number word, classified (count, year, age, vague...);
3. figures (:mod:`.figures`) — counts governed by a measure cue, with qualifier, subject,
   ``as_of`` and sub-count links; restatements merged document-wide; then the cut-offs that
   hold beyond a sentence: a report header's ("Situation as of ...") for cumulative counts, the
   report's day for people "still missing" or held;
4. categories (:mod:`.categories`) — codebook cues per sentence behind conflict gates; generic
   attack words resolved once the document's explicit means are known; a past habit ("...in
   the past") is not coded, a school or hospital among damaged objects is;
5. dates (:mod:`.dates`) — resolved against ``published``, each with a role;
6. places — gazetteer mentions (:mod:`harmwatch.extract.places`, when installed) plus named
   sites (:mod:`.sites`), whose trigger words are found once per document;
7. actors (:mod:`.actors`) — perpetrator/victim groups and ``claimed_by`` sources;
8. events (:mod:`.events`) — event sentences grouped, with event-only places and dates;
9. relevance (:mod:`.relevance`) — the codebook definition applied to the document categories,
   after a disaster report's single passing mention of war is set aside as background, and
   after a learned model of whole documents (:mod:`.relevance_model`) has had its say: it may
   veto the rules' relevance of a long text (a shooting spree, a depot fire), never grant it.

A document in a language the codebook does not read (``READS_LANGUAGES``) is returned with
``skipped`` saying so and nothing extracted.

Each stage reads only what the stages before it produced, so a later ML extractor can replace
one stage and keep the rest. The output is the extraction contract
(``docs/schema/extraction.schema.json``).

Speed (``docs/extraction.md``): what can be asked of the whole document is asked once — the
category cues, targets, weapons, disaster and cut-off words — and the per-sentence stages run
only on sentences holding one of their trigger words (:meth:`.Windows.touched`); a stage finds
nothing in the others, so skipping them changes no output.
"""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from harmwatch.codebook import HARM_CATEGORIES, AnchoredPattern, load_codebook
from harmwatch.codebook.anchors import anchor
from harmwatch.errors import HarmwatchError
from harmwatch.extract.actors import ACTOR_PATTERNS, find_actors, find_claimants
from harmwatch.extract.categories import DocumentCategories, resolve_generic, told_by_site
from harmwatch.extract.dates import (
    DATE_PATTERNS,
    as_of_windows,
    find_dates,
    report_cut_off,
    resolve_as_of,
    year_hint,
)
from harmwatch.extract.events import Place, SentenceFacts, group_events
from harmwatch.extract.figures import (
    Figure,
    SentenceContext,
    figures_in_sentence,
    merge_restatements,
)
from harmwatch.extract.numbers import NUMBER_PATTERNS, find_numbers
from harmwatch.extract.places import Gazetteer
from harmwatch.extract.relevance import (
    background_harm_only,
    background_in_business,
    framed_without_harm,
    no_harm_frame,
    relevance,
)
from harmwatch.extract.relevance_score import load_model
from harmwatch.extract.sites import (
    LOOSE_SITE_PATTERNS,
    SITE_PATTERNS,
    find_sites,
    list_mates,
    longer_unit_name,
    site_triggers,
)
from harmwatch.extract.text import split_sentences
from harmwatch.extract.wordindex import Windows, WordIndex, index_of

__all__ = ["EXTRACTOR_NAME", "extract_rules_v1"]

log = logging.getLogger(__name__)

EXTRACTOR_NAME = "extractor.rules.v1"
#: Languages whose cues the codebook holds. A page in another language (German weather news
#: speaks of "30 Grad", sports news of "Siege") would match English cues by accident, so it is
#: reported as skipped, with nothing extracted, rather than as "not relevant" by mistake.
READS_LANGUAGES = frozenset({"en"})
#: A sentence that only characterises harm done before, without an event of its own.
_PAST_HABIT = re.compile(
    r"\b(?:in the past|in previous years|in years past|over the years|historically)\b"
    r"(?!\s+(?:\d+|few|several|two|three|24|48|\w+\s+(?:hours|days|weeks)))",
    re.IGNORECASE,
)
#: Every match of :data:`_PAST_HABIT` holds one of these phrases (lower-cased).
_PAST_HABIT_PHRASES = (
    "in the past",
    "in previous years",
    "in years past",
    "over the years",
    "historically",
)


_PAST_HABIT_ANCHORED = anchor(_PAST_HABIT)


def _past_habit(text: str, start: int, end: int, words: WordIndex | None = None) -> bool:
    """``_PAST_HABIT.search(text, start, end)``, the scan skipped for an ASCII sentence without
    one of its phrases (case-insensitive matching also takes a few non-ASCII letters for ASCII
    ones, so other sentences are always scanned), and tried at its words when the document's
    ``words`` are given."""
    view = text[start:end]
    if view.isascii():
        low = view.lower()
        if not any(p in low for p in _PAST_HABIT_PHRASES):
            return False
    if words is not None:
        return words.search(_PAST_HABIT_ANCHORED, start, end) is not None
    return _PAST_HABIT.search(text, start, end) is not None


#: "21 people are still missing", "at least 23 Armenians are still held": counts of people
#: missing or held that run to the day of the report.
_STILL = re.compile(
    r"[^.;]*?\bstill\s+(?:missing|unaccounted|held|detained|in custody|in captivity|"
    r"remain)",
    re.IGNORECASE,
)
STILL_WINDOW = 60
#: Categories of attacks on a kind of site, by the target word that names the site.
SITE_OF_TARGET = {"hospital": "attack_on_health", "school": "attack_on_education"}
#: Sentences longer than this are page dumps without punctuation; they are scanned in windows
#: of this size so one runaway "sentence" cannot make cue windows span a whole page.
MAX_SENTENCE_CHARS = 2_000


#: Words that open a town's name in Spanish, Portuguese or English, before a country's name.
_OPENER_BEFORE = re.compile(r"\b(?:Puerto|Porto|San|Santa|Santo|São|Fort|Cabo|Villa|Ciudad)\s+$")


@lru_cache(maxsize=1)
def _gazetteer() -> Any | None:
    """The gazetteer, opened once; None when it cannot be opened (places from sites only)."""
    try:
        return Gazetteer.open()
    except HarmwatchError as exc:
        log.warning("gazetteer: cannot open (%s); places from sites only", exc)
        return None


def _gazetteer_places(text: str) -> list[Place]:
    gz = _gazetteer()
    if gz is None:
        return []
    out: list[Place] = []
    for pm in gz.find(text):
        if pm.feature == "country" and _OPENER_BEFORE.search(text, max(0, pm.start - 8), pm.start):
            continue  # "Puerto Jordán", "San Salvador de Jujuy": a town's name, not the country
        out.append(
            Place(
                start=pm.start,
                end=pm.end,
                mention=pm.mention,
                name=pm.name,
                country=pm.country,
                lat=pm.lat,
                lon=pm.lon,
                geonameid=pm.geonameid,
                precision=pm.precision,
                feature=pm.feature,
                alternates=tuple(getattr(pm, "alternates", ()) or ()),
            )
        )
    return out


def _places_by_window(places: list[Place], windows: Windows) -> list[list[Place]]:
    """For each window, the places lying wholly in it, in the gazetteer's order."""
    found: list[list[Place]] = [[] for _ in windows.bounds]
    for p in places:
        n = bisect_right(windows.starts, p.start) - 1
        if n >= 0 and p.end <= windows.bounds[n][1]:
            found[n].append(p)
    return found


def _by_window(windows: Windows, patterns: dict[str, AnchoredPattern]) -> dict[int, list[str]]:
    """For each window, the keys of ``patterns`` that match in it, in codebook order."""
    found: dict[int, list[str]] = {}
    for key, ap in patterns.items():
        for n in sorted(windows.searching(ap)):
            found.setdefault(n, []).append(key)
    return found


#: "have been displaced", "has fled", "have died": a count up to the report's day.
_PRESENT_PERFECT = re.compile(r"\b(?:have|has)\s+(?:now\s+|already\s+)?(?:been\s+)?\w+", re.I)


def _counted_to_date(text: str, f: Figure) -> bool:
    """Whether a count in a report with a header cut-off runs up to that cut-off: a cumulative
    count, one in the present perfect ("10,000 people have been displaced"), or one of the
    report's key-figure line ("115 people killed | 6,270 displaced")."""
    if f.cumulative or _PRESENT_PERFECT.search(text, f.start, f.end):
        return True
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    return " | " in text[line_start : line_end if line_end >= 0 else len(text)]


def _figure_dict(f: Figure) -> dict[str, Any]:
    return {
        "id": f.id,
        "measure": f.measure,
        "value": f.value,
        "qualifier": f.qualifier,
        "subject": f.subject,
        "as_of": f.as_of.isoformat() if f.as_of else None,
        "cumulative": f.cumulative,
        "span": [f.start, f.end],
        "quote": f.quote,
        "part_of": f.part_of,
        "derived": f.derived,
        "mentions": [list(m) for m in f.mentions],
    }


def _document(
    cb: Any,
    text: str,
    published: date | None,
    title: str | None,
    language: str | None,
    source: str | None,
    sha256: str | None,
) -> dict[str, Any]:
    """The contract dict of a document with nothing extracted yet."""
    return {
        "source": source,
        "sha256": sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": title,
        "published": published.isoformat() if published else None,
        "language": language,
        "extractor": EXTRACTOR_NAME,
        "codebook_version": cb.version,
        "relevance_model": _model_version(),
        "relevant": False,
        "categories": [],
        "figures": [],
        "events": [],
        "claimed_by": [],
    }


def _keep_response_only(facts: list[SentenceFacts]) -> None:
    """Set aside every harm category of the document (its figures, places, dates stay)."""
    for sf in facts:
        sf.categories &= {"response"}


def _model_version() -> str | None:
    """The relevance model's weights as recorded in every extraction ("tfidf-lr:" and the
    first digits of the hash of its training documents), or None without a model."""
    model = load_model()
    return None if model is None else f"tfidf-lr:{model.meta['sha256'][:12]}"


def _model_vetoes(text: str) -> bool:
    """Whether the relevance model (:mod:`.relevance_model`) reads ``text`` as no report of
    conflict harm (False when the package ships no model)."""
    model = load_model()
    if model is None:
        return False
    words = index_of(text)  # the document's words, tokenised once (None: the model tokenises)
    return model.vetoes(text, words.words() if words is not None else None)


_WORD_CHAR = re.compile(r"\w")
#: The words that show a name to be a village or town where it is first told ("the village of
#: Kelmari", "Amerli, a town of ...", "Putis village"); a name met only after "in" or "at" ("at
#: Stack Overflow.") is not spread.
_PLACE_NOUN = (
    r"(?:village|villages|town|towns|city|hamlet|settlement|camp|community|locality|commune|"
    r"district|township|municipality|neighbou?rhood|quarter|suburb|area|county|site)"
)
_PLACE_NOUN_BEFORE = re.compile(rf"\b{_PLACE_NOUN}\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_NOUN_AFTER = re.compile(
    rf"(?:\s+{_PLACE_NOUN}\b|,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,4}}?{_PLACE_NOUN}\b)",
    re.IGNORECASE,
)


#: A capitalised word right after a name: the name goes on ("Gubio Local Government Area").
_NAME_GOES_ON = re.compile(r"[ -][A-Z]")


def _spread_localities(text: str, facts: list[SentenceFacts]) -> None:
    """Add, to each sentence, the unlisted villages and towns (sites of feature ``locality``)
    and the gazetteer's villages (let in by a cue, being small) other sentences found, where
    the sentence names them as written and holds no place on those words: a name a sentence
    showed to be an unlisted place ("Amerli, a town of ...") is that place in the other
    sentences naming it with no clue of their own ("The siege of Amerli was broken"); so is a
    village of the gazetteer ("on the Yeraskh section of the border", before "Yeraskh, a
    village of about 1,500 people")."""
    known: dict[str, Place] = {}
    for sf in facts:
        for p in sf.places:
            village = p.feature == "village"  # a gazetteer village its cue let in
            if p.mention != p.name or not (
                village or (p.feature == "locality" and p.geonameid is None)
            ):
                continue
            # a gazetteer village is shown by "the village of X" or "X, a village of", not by
            # "fled to X town" (a destination that may be a town's name elsewhere)
            if _PLACE_NOUN_BEFORE.search(text, max(0, p.start - 30), p.start) or (
                (not village or text.startswith(",", p.end))
                and _PLACE_NOUN_AFTER.match(text, p.end, p.end + 60)
            ):
                known.setdefault(p.mention, p)
    if not known:
        return
    for sf in facts:
        for mention, p in known.items():
            at = text.find(mention, sf.start, sf.end)
            while at != -1:
                end = at + len(mention)
                if (
                    not (at > 0 and _WORD_CHAR.match(text, at - 1))
                    and not _WORD_CHAR.match(text, end)
                    and not any(q.start < end and at < q.end for q in sf.places)
                    # a village's name opening a longer one ("Gubio Local Government Area")
                    and not (p.geonameid is not None and _NAME_GOES_ON.match(text, end))
                ):
                    sf.places.append(replace(p, start=at, end=end))
                at = text.find(mention, end, sf.end)


def extract_rules_v1(
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    language: str | None = None,
    source: str | None = None,
    sha256: str | None = None,
) -> dict[str, Any]:
    """Run the cascade on one article text and return the contract dict."""
    cb = load_codebook()
    out = _document(cb, text, published, title, language, source, sha256)
    if language is not None and language not in READS_LANGUAGES:
        # a page in a language the cues do not read is reported, not judged
        out["skipped"] = (
            f"language {language!r} is not read by {EXTRACTOR_NAME} (reads: "
            + ", ".join(sorted(READS_LANGUAGES))
            + ")"
        )
        return out
    # 1. words and sentences
    words = WordIndex(text)
    hint = year_hint(text, words)
    sentences = split_sentences(text)
    windows = Windows(
        words, [(st.start, min(st.end, st.start + MAX_SENTENCE_CHARS)) for st in sentences]
    )
    # 7a. targets, weapons and disaster words: each codebook pattern asked once per document
    targets_in = _by_window(windows, cb.anchors.targets)
    weapons_in = _by_window(windows, cb.anchors.weapons)
    disaster_hits = windows.searching(cb.anchors.disaster)
    # 4a. category cues, matched once per document
    categories = DocumentCategories(cb, text, words, windows)
    # in a report of a disaster or accident (not of war), a sentence with a disaster word and
    # a word of casualties ("killed dozens of miners") is an event even without a count or a day
    casualty_hits = (
        windows.searching(cb.anchors.lexicons["people_harmed"]) & disaster_hits
        if disaster_hits and not categories.ctx.is_conflict
        else set()
    )
    # 5a. the sentences that may state a cut-off ("as of", "so far")
    as_of_sentences = as_of_windows(windows)
    # 2, 5, 6, 7: the stages below run only on sentences holding one of their trigger words
    with_numbers = windows.touched(NUMBER_PATTERNS)
    with_dates = windows.touched(DATE_PATTERNS)
    with_sites = windows.touched(SITE_PATTERNS)
    with_loose_sites = windows.touched(LOOSE_SITE_PATTERNS)
    with_actors = windows.touched(ACTOR_PATTERNS)
    # 6a. places are looked up once per document and assigned to sentences by offset; the
    # site finder's trigger words are found once per document too
    places_in = _places_by_window(_gazetteer_places(text), windows)
    site_words_in = site_triggers(windows)
    figures: list[Figure] = []
    facts: list[SentenceFacts] = []
    generic_spans: dict[int, list[tuple[int, int]]] = {}
    previous: SentenceContext | None = None
    last_day: date | None = None
    last_at: int | None = None
    explicit: set[str] = set()
    for n, sent in enumerate(sentences):
        s, e = windows.bounds[n]
        sf = SentenceFacts(sent.index, s, e, sent.paragraph)
        # 2. numbers  3. figures
        numbers = find_numbers(text, s, e, words) if n in with_numbers else []
        marker, as_of = (
            resolve_as_of(text, s, e, published, hint, words)
            if n in as_of_sentences
            else (False, None)
        )
        sent_figs = (
            figures_in_sentence(
                cb,
                text,
                s,
                e,
                sent.index,
                numbers,
                previous,
                marker,
                as_of,
                len(figures) + 1,
                words,
            )
            if numbers
            else []
        )
        figures.extend(sent_figs)
        previous = SentenceContext(sent_figs, marker, as_of)
        # 4. categories
        hits, generic = categories.sentence(n)
        sf.categories = {h.code for h in hits}
        if sf.categories and _past_habit(text, s, e, words):
            # "has carried out several attacks on their schools and hospitals in the past": a
            # characterisation of earlier harm without an event is not coded.
            sf.categories &= {"response"}
            generic = []
        explicit |= sf.categories
        generic_spans[sent.index] = generic
        # 5. dates
        sf.dates = (
            find_dates(text, s, e, published, hint, last_day, words, last_at)
            if n in with_dates
            else []
        )
        for d in sf.dates:
            if d.date is not None and d.precision == "day":
                last_day, last_at = d.date, d.end
        # 6b. places and sites
        sf.places = places_in[n]
        # unlisted names placed only by a preposition ("near Aranpur") or by a known place after
        # them: every sentence with one of their prepositions (a sentence without harm may lend
        # its places to the event after it)
        loose = n in with_loose_sites
        sites = (
            find_sites(text, s, e, words, loose, site_words_in[n])
            if n in with_sites or loose
            else []
        )
        # an unlisted place lies in the one country the sentence's gazetteer places share
        countries = {p.country for p in sf.places if p.country}
        home = countries.pop() if len(countries) == 1 else None
        mates = list_mates(text, s, e, sf.places) if sf.places else []
        for site in [*sites, *mates]:
            if site.feature == "locality":
                # An unlisted village or camp: only where the gazetteer found nothing, unless
                # the gazetteer read only the last word of a district's name ("in Kuz Kunar
                # district" is not Kunar province).
                inside = [p for p in sf.places if p.start < site.end and site.start < p.end]
                if inside and longer_unit_name(text, site, inside):
                    sf.places = [p for p in sf.places if p not in inside]
                elif inside:
                    continue
            elif any(p.start <= site.start < p.end and p.end >= site.end for p in sf.places):
                continue
            else:
                # a shorter site inside it is a piece of its name ("Paix church" of "Notre-Dame
                # de la Paix church")
                sf.places = [
                    p
                    for p in sf.places
                    if not (p.feature == "site" and site.start <= p.start and p.end <= site.end)
                ]
            sf.places.append(
                Place(
                    site.start,
                    site.end,
                    site.mention,
                    site.name,
                    site.country or (home if site.feature == "locality" else None),
                    None,
                    None,
                    None,
                    "exact",
                    site.feature,
                    site.alternates,
                )
            )
        # 7b. actors, targets, weapons
        sf.actors = [
            {"name": a.name, "role": a.role, "span": [a.start, a.end]}
            for a in (find_actors(text, s, e, words) if n in with_actors else ())
        ]
        sf.targets = targets_in.get(n, [])
        if "property_destruction" in sf.categories:
            # "116 houses and 26 facilities, including a school building, were damaged": a
            # school or hospital among the damaged objects is an attack on it too.
            # (not a hospital that only names who speaks: "..., said a nurse at the hospital")
            sf.categories |= {
                SITE_OF_TARGET[t]
                for t in sf.targets
                if t in SITE_OF_TARGET
                and not told_by_site(
                    text,
                    [
                        (s + m.start(), s + m.end())
                        for m in words.finditer_in(cb.anchors.targets[t], s, e, text[s:e])
                    ],
                )
            }
        sf.weapons = weapons_in.get(n, [])
        sf.disaster = n in disaster_hits
        sf.casualty = n in casualty_hits
        sf.attack = categories.bare_attack(n)
        facts.append(sf)
    _spread_localities(text, facts)
    generic_code = resolve_generic(explicit)
    for sf in facts:
        if generic_spans.get(sf.index):
            sf.categories.add(generic_code)
    figures = merge_restatements(figures)
    for f in figures:
        if (
            f.as_of is None
            and published is not None
            and f.measure in ("missing", "detained")
            and _STILL.match(text, f.number_end, f.number_end + STILL_WINDOW)
        ):
            f.as_of = published  # "150 people are still missing": as of the report's day
    cut_off = report_cut_off(text, published)
    if cut_off is not None:
        # A report's header cut-off ("Situation as of 2 October 2023") dates its counts.
        for f in figures:
            if f.as_of is None and f.start >= cut_off[1] and _counted_to_date(text, f):
                f.as_of = cut_off[0]
    by_sentence: dict[int, list[str]] = {}
    fact_starts = [sf.start for sf in facts]
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f.id)
        for m_start, _ in f.mentions[1:]:
            # a count told again with its day ("51 dead as bus plunges" over "Fifty-one
            # people were killed ... on Tuesday"): that telling's sentence holds the figure too
            n = bisect_right(fact_starts, m_start) - 1
            if n >= 0 and facts[n].start <= m_start < facts[n].end and facts[n].dates:
                ids = by_sentence.setdefault(facts[n].index, [])
                if f.id not in ids:
                    ids.append(f.id)
    for sf in facts:
        sf.figure_ids = by_sentence.get(sf.index, [])
    background_harm_only(categories.ctx, facts)  # a disaster report's passing war mention
    background_in_business(cb, text, facts)  # an economy report's passing war mention
    if any(sf.categories & HARM_CATEGORIES for sf in facts) and no_harm_frame(cb, text):
        _keep_response_only(facts)  # "howitzers pounded targets on the range": weapons, no harm
    framed_without_harm(cb, text, facts)  # a parade of missiles in a report of a strike
    # 9b. the learned second opinion on relevance, asked before events are grouped (it can
    # only take harm categories away: a lone gunman's shooting spree, a depot fire)
    if any(sf.categories & HARM_CATEGORIES for sf in facts) and _model_vetoes(text):
        _keep_response_only(facts)
    # 8. events
    events = group_events(text, facts)
    # 9. relevance
    doc_categories: set[str] = set().union(*(sf.categories for sf in facts)) if facts else set()
    relevant, _ = relevance(doc_categories)
    claimed: list[dict[str, Any]] = []
    seen_claims: set[str] = set()
    for name, cs, ce in find_claimants(text, 0, len(text), words):
        if name not in seen_claims:
            seen_claims.add(name)
            claimed.append({"name": name, "span": [cs, ce]})
    out.update(
        relevant=relevant,
        categories=sorted(doc_categories),
        figures=[_figure_dict(f) for f in figures],
        events=events,
        claimed_by=claimed,
    )
    return out
