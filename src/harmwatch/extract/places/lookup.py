"""``Gazetteer``: find place mentions in text and resolve them to places.

``find`` runs the cascade: tokens and longest-match hits (:mod:`spans`) -> lexical filter,
context and scoring (:mod:`disambiguate`) -> compass areas and cue-only places (:mod:`cues`)
-> :class:`PlaceMention` with exact character offsets and a location precision.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from harmwatch.extract.places.build import ensure_built
from harmwatch.extract.places.candidates import Candidate, NameIndex, prior
from harmwatch.extract.places.cues import (
    UNIQUE_SITE_HEADS,
    compass_before,
    compass_names,
    cue_spans,
    site_head_after,
)
from harmwatch.extract.places.disambiguate import (
    MIN_COUNTRY_SHARE,
    STRONG_FEATURES,
    Context,
    Resolved,
    lexical_filter,
    resolve,
)
from harmwatch.extract.places.lexicon import Lexicon, lexicon
from harmwatch.extract.places.normalize import normalise
from harmwatch.extract.places.schema import resolve_path
from harmwatch.extract.places.spans import find_hits
from harmwatch.extract.places.tokens import Doc

log = logging.getLogger(__name__)

# A cue-only place gets the text's country when that country holds at least this share of
# the context votes; below it the text is about several countries and a guess would mislead.
UNKNOWN_COUNTRY_SHARE = 0.75
# Tokens before a name searched for a "near" cue ("near", "outside", "15 km from",
# "on the outskirts of").
NEAR_WINDOW = 3


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which made
# building a mention cost several times what finding it did (pure Python). It is a value all
# the same: compared and hashed by its fields, and no code changes one once made.
@dataclass(slots=True, unsafe_hash=True, init=False)
class PlaceMention:
    """One place mention: where it is in the text and which place it resolved to."""

    start: int  # char offsets into the text given; text[start:end] == mention
    end: int
    mention: str  # as written
    name: str  # most common English name (Nagorno-Karabakh, Shusha, Stepanakert, Kharkiv...)
    country: str | None  # ISO-3166 alpha-2
    lat: float | None
    lon: float | None
    geonameid: int | None  # None for supplement-only entries
    feature: str  # country | region | city | village | site | route | area
    precision: str  # exact | near | region | country
    alternates: tuple[str, ...]  # other names of this place (for matching another spelling)

    # Written out rather than generated (``init=False``): compiled, a dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call.
    def __init__(
        self,
        start: int,
        end: int,
        mention: str,
        name: str,
        country: str | None,
        lat: float | None,
        lon: float | None,
        geonameid: int | None,
        feature: str,
        precision: str,
        alternates: tuple[str, ...],
    ) -> None:
        self.start = start
        self.end = end
        self.mention = mention
        self.name = name
        self.country = country
        self.lat = lat
        self.lon = lon
        self.geonameid = geonameid
        self.feature = feature
        self.precision = precision
        self.alternates = alternates


class Gazetteer:
    """A built gazetteer file opened for lookups; one instance per path per process."""

    _open: ClassVar[dict[Path, Gazetteer]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self.index = NameIndex(path)
        self.lex: Lexicon = lexicon()
        #: find_hits' start limits per token key, for this lexicon and index
        self._start_limits: dict[str, int] = {}

    @classmethod
    def open(cls, path: Path | str | None = None) -> Gazetteer:
        """Open (building first if missing or outdated); cached per path, cheap to call twice."""
        target = resolve_path(path)
        with cls._lock:
            cached = cls._open.get(target)
            if cached is not None:
                return cached
            ensure_built(target)
            gazetteer = cls(target)
            cls._open[target] = gazetteer
            return gazetteer

    @classmethod
    def forget(cls, path: Path | str | None = None) -> None:
        """Drop the cached instance of ``path`` (after an import changed the file).

        The instance is not closed: whoever still holds it keeps working (with the rows it
        had cached); the next :meth:`open` returns a fresh one.
        """
        target = resolve_path(path)
        with cls._lock:
            cls._open.pop(target, None)

    def find(self, text: str) -> list[PlaceMention]:
        """All place mentions in ``text``, in order, resolved."""
        lex = self.lex
        doc = Doc(text, lex.never)
        index = self.index
        hits = find_hits(doc, lex, index.max_words, index.lookup, self._start_limits)
        plausible = lexical_filter(hits, lex)
        # the context is settled only when a cue-only place asks for its country
        resolved, ctx = resolve(plausible, doc, lex, settle=False)
        resolved = _drop_facility_names(doc, resolved, ctx)
        mentions = [self._mention(doc, r) for r in resolved]
        covered: set[int] = set()
        for r in resolved:
            covered.update(range(r.hit.first, r.hit.last + 1))  # (a set per hit, not per token)
        persons = {h.key for h in hits if h.title_before}
        mentions.extend(self._cue_mentions(doc, covered, persons, ctx, resolved))
        mentions.extend(self._site_mentions(doc, mentions))
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def candidates(self, name: str) -> list[dict[str, Any]]:
        """Every place ``name`` may refer to, most plausible first (for ``gazetteer lookup``)."""
        rows = sorted(self.index.lookup(normalise(name)), key=prior, reverse=True)
        return [
            {
                "name": c.name,
                "country": c.country,
                "feature": c.feature,
                "lat": c.lat,
                "lon": c.lon,
                "population": c.population,
                "geonameid": c.geonameid,
                "origin": c.origin,
                "parent": c.parent,
                "prior": round(prior(c), 2),
                "alternates": list(c.alternates),
            }
            for c in rows
        ]

    def _mention(self, doc: Doc, res: Resolved) -> PlaceMention:
        """Build the mention of a resolved hit: offsets, display name, precision."""
        hit, best = res.hit, res.best
        text = doc.text
        start, end = doc.tokens[hit.first].start, hit.end
        written = text[start:end]
        name, alternates = display_name(best, written)
        feature = best.feature
        precision = self._precision(doc, start, best, hit.suffix is not None)
        compass = None
        if best.feature in STRONG_FEATURES or best.feature == "city":
            compass = compass_before(doc, start, self.lex)
        if compass is not None:
            begin, direction = compass
            base = " ".join(written.split())
            base = base if base[:1].isupper() and not base.isupper() else name
            country_name = name if best.feature == "country" else None
            name, alternates = compass_names(direction, base, text[begin:start].strip(), name)
            if country_name is not None:
                # "north-west Syria", "northern Uganda": an area of the country, which readers
                # and annotators also file under the country itself
                alternates = (*alternates, country_name)
            start, written = begin, text[begin:end]
            feature, precision = "area", "region"
        return PlaceMention(
            start,
            end,
            written,
            name,
            best.country,
            best.lat,
            best.lon,
            best.geonameid,
            feature,
            precision,
            alternates,
        )

    def _site_mentions(self, doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A facility named after a place ("Kabul airport", "the Abs hospital"): the place stays
        a mention and the facility is one more, a site at the same coordinates."""
        out = []
        for m in mentions:
            if m.feature not in ("city", "village") or m.mention.isupper():
                continue
            end = site_head_after(doc, m.end)
            head = doc.word_after(m.end)
            # A village has one hospital or school ("the Abs hospital"); a city's facility
            # is named after it only when the city has one ("Kabul airport").
            if (
                end is None
                or head is None
                or (m.feature != "village" and head.key not in UNIQUE_SITE_HEADS)
            ):
                continue
            written = doc.text[m.start : end]
            name = " ".join(written.split())
            out.append(
                PlaceMention(
                    m.start, end, written, name, m.country, m.lat, m.lon, None, "site", "exact", ()
                )
            )
        return out

    def _precision(self, doc: Doc, start: int, best: Candidate, suffix: bool) -> str:
        """country > region > near (a cue before) > region (a suffix after) > exact."""
        if best.feature == "country":
            return "country"
        if best.feature in ("region", "area"):
            return "region"
        prev = doc.prev_word(start)
        near = self.lex.near_cues
        if prev is not None and prev.key in near:
            return "near"
        if prev is not None and prev.key in ("of", "from", "to"):
            before = [w.key for w in doc.words_before(start, NEAR_WINDOW)]
            if any(b in near for b in before[1:]):
                return "near"
        return "region" if suffix else "exact"

    def _cue_mentions(
        self,
        doc: Doc,
        covered: set[int],
        persons: set[str],
        ctx: Context,
        resolved: list[Resolved],
    ) -> list[PlaceMention]:
        """Places known only from a cue, then later bare mentions of the same names; they get
        the country of the context ``ctx`` settled from the ``resolved`` hits."""
        tokens = doc.tokens
        spans = cue_spans(doc, covered, self.lex, persons)
        if not spans:
            return []
        ctx.settle(resolved)
        iso, share = ctx.dominant()
        country = iso if share >= UNKNOWN_COUNTRY_SHARE else None
        learned = {
            " ".join(t.key for t in tokens[s.first : s.last + 1]): s.feature
            for s in spans
            if s.feature != "site"
        }
        found = {(s.first, s.last): s.feature for s in spans}
        # Later mentions of a learned name without the cue ("Ndagu in Lassa district").
        firsts = {key.split(" ", 1)[0] for key in learned}
        for k, tok in enumerate(tokens):
            if tok.key not in firsts or k in covered:
                continue
            for key, feature in learned.items():
                width = key.count(" ") + 1
                span = range(k, min(k + width, len(tokens)))
                if (
                    len(span) == width
                    and not any(j in covered for j in span)
                    and (" ".join(tokens[j].key for j in span) == key)
                ):
                    found.setdefault((k, k + width - 1), feature)
        mentions = []
        for (first, last), feature in sorted(found.items()):
            start, end = tokens[first].start, tokens[last].end
            bare = " ".join(doc.text[start:end].split())
            if feature == "site":
                end = site_head_after(doc, end) or end
            written = doc.text[start:end]
            mentions.append(
                PlaceMention(
                    start,
                    end,
                    written,
                    " ".join(written.split()),
                    country,
                    None,
                    None,
                    None,
                    feature,
                    "region" if feature == "region" else "exact",
                    (bare,) if feature == "site" and bare != " ".join(written.split()) else (),
                )
            )
        return mentions


def _drop_facility_names(doc: Doc, resolved: list[Resolved], ctx: Context) -> list[Resolved]:
    """Leave out a place read from another name of it in another country than the text's, when
    a facility head follows: "the gate of al-Thawra hospital" in a report from Yemen names a
    hospital, not the Syrian town once called al-Thawra. The words are then read as the
    facility's own name (a site, see :meth:`Gazetteer._cue_mentions`)."""
    suspects = [
        r
        for r in resolved
        if r.best.feature not in ("village", "country")
        and site_head_after(doc, r.hit.end) is not None
        and normalise(doc.text[doc.tokens[r.hit.first].start : r.hit.end]) != normalise(r.best.name)
    ]
    if not suspects:
        return resolved
    ctx.settle(resolved)
    drop = {
        r.hit.key
        for r in suspects
        # the rest of the text votes for other countries (what the name itself gave left out)
        if ctx.total > ctx.by_key.get(r.hit.key, ("", 0.0))[1]
        and ctx.share(r.best.country, without=r.hit.key) < MIN_COUNTRY_SHARE
    }
    # the name is the facility's wherever it recurs ("Al-Thawra is the largest hospital")
    return [r for r in resolved if r.hit.key not in drop] if drop else resolved


@lru_cache(maxsize=50_000)
def display_name(best: Candidate, written: str) -> tuple[str, tuple[str, ...]]:
    """The name to report and the alternates (the spelling the text used included).

    Curated names are already the common English form. A GeoNames name with diacritics or
    transliteration marks ("Dūmā", "Batroûn") gives way to the plain ASCII spelling the text
    used when it folds to the same key, or to an ASCII alternate equal to it ("Douma"): that
    is the spelling English readers know.
    """
    alternates = best.alternates
    name = best.name
    written = " ".join(written.split())
    if not best.curated and not name.isascii() and written.isascii():
        folded = written.casefold()
        match = next((a for a in alternates if a.isascii() and a.casefold() == folded), None)
        if match is not None:
            name = match
        elif normalise(written) == normalise(name) or (
            # "Maaloula" for "Ma‘lūlā": an ASCII spelling the index knows the place by
            not written.isupper() and any(normalise(a) == normalise(written) for a in alternates)
        ):
            name = written.title() if written.isupper() else written
    extra = [best.name] if name != best.name else []
    if written.casefold() != name.casefold() and not written.isupper():
        extra.append(written)
    if extra:
        seen = {name.casefold()}
        merged = []
        for alt in (*extra, *alternates):
            if alt.casefold() not in seen:
                seen.add(alt.casefold())
                merged.append(alt)
        alternates = tuple(merged)
    return name, alternates
