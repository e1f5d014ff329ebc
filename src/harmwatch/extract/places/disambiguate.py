"""Decide which hits are places and which place each one is.

The cascade, run once per text (each step only sees what the previous one kept):

1. **lexical filter** — drop hits that are people or parts of names: after a title ("President
   Aliyev"), inside a run of other capitalised words ("Victoria Nuland", "Paris Hilton"),
   before a speech verb ("Gava said"), a common word opening a sentence ("Hope", "Police"),
   or a word already seen as a person's name in the text. Countries, regions and areas
   survive the run rule ("Azerbaijan State Border Service" still mentions Azerbaijan).
2. **context, pass 1** — countries mentioned, demonyms ("Armenian") and places with a single
   candidate vote for their country; single-candidate places become distance anchors.
3. **score** — each candidate gets a prior (feature type, curated entry, capital, population)
   plus context (its country's share of the votes, nearness to anchors, its parent place
   mentioned); the best candidate wins.
4. **context, pass 2** — every resolved place now votes and anchors; step 3 runs again, each
   hit without its own vote, so a lone ambiguous name cannot vote itself in.
5. **acceptance** — a hit that is neither curated, a country/region/area, a multi-word name
   nor a large city needs its country in context or an anchor nearby; a hit that is a common
   English word ("Sake", "Littoral") needs that *and* a locative cue ("in", "village of").

Every threshold is an UPPER_CASE constant below with the reason for its value.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter

from harmwatch.extract.places.candidates import Candidate, prior, top_candidate
from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.normalize import normalise
from harmwatch.extract.places.spans import STRONG_FEATURES, Hit
from harmwatch.extract.places.tokens import Doc, Token

# Weight of the candidate country's share of the context votes (0..1).
COUNTRY_CONTEXT_WEIGHT = 4.0
# A candidate within NEAR_KM of another place of the text is very likely the one meant
# (co-mentioned places cluster: "Askeran", "Stepanakert", "Martuni" are 10–40 km apart).
NEAR_KM = 60.0
NEAR_BONUS = 2.5
# Within REGION_KM it is at least in the same region; a smaller bonus.
REGION_KM = 200.0
REGION_BONUS = 1.0
# The candidate's parent (a site's city, a village's region) is mentioned in the text.
PARENT_BONUS = 3.0
# Votes: a country named outright says most about the text's setting; a place with a single
# candidate says something; a demonym ("Armenian forces") says less (the other side is
# often named by its demonym too).
COUNTRY_MENTION_VOTE = 3.0
PLACE_VOTE = 1.0
DEMONYM_VOTE = 1.0
# Repeated mentions of one name stop adding votes after this many (a long text about one
# city should not drown every other country).
MAX_VOTES_PER_NAME = 3
# Step 5: a non-curated single-word place this populous is accepted without context
# ("Aleppo", "Mosul" need no country named beside them).
CONTEXT_FREE_POPULATION = 100_000
# Step 5: a town with a name no other place bears, after a locative ("in", "near", "town of"),
# is accepted without context from this many people (a village below it may be a surname).
UNIQUE_NAME_POPULATION = 5_000
# Step 5: a place whose country has at least this share of the votes is in context.
MIN_COUNTRY_SHARE = 0.2
# Features that survive the capitalised-run rule of step 1 and need no context in step 5
# (defined with the span finder, which reads fewer surroundings for them).
# Features of curated-looking specificity that need no context in step 5.
SPECIFIC_FEATURES = frozenset({"site", "route"})
# Share of the country votes that makes a text "about" one country, against which a town
# reached only through an alternate name of a place abroad is dropped.
ELSEWHERE_SHARE = 0.5
# Candidates scored per hit: the best by prior, plus every candidate in a voted country.
# "Victoria" or "San Antonio" have 40+ candidates; beyond the top few by prior only context
# can lift one, and context is what the country test keeps.
SCORED_BY_PRIOR = 8
EARTH_RADIUS_KM = 6371.0
_BOX_DEG = REGION_KM / 111.0
# Margin added to the latitude window looked up by bisection; the exact box test still runs
# on what it returns, so the window only has to be a superset of the box.
_BOX_MARGIN_DEG = 1e-6
# Rounding allowance when a score bound rules a candidate out (scores are sums of a few terms
# of order 1..20, so rounding differences are ~1e-15).
_SCORE_SLACK = 1e-9
# Most the distance term of :func:`score` can add.
_MAX_DISTANCE_BONUS = max(NEAR_BONUS, REGION_BONUS, 0.0)


_TOKEN_KEY = attrgetter("key")
_HIT_ROWS = attrgetter("rows")


@dataclass(slots=True, init=False)
class Resolved:
    """A hit with its chosen candidate."""

    hit: Hit
    best: Candidate
    score: float

    # Written out rather than generated (``init=False``): compiled, a dataclass's own
    # ``__init__`` is interpreted Python called with a tuple and a dict of arguments, this one
    # a direct native call.
    def __init__(self, hit: Hit, best: Candidate, score: float) -> None:
        self.hit = hit
        self.best = best
        self.score = score


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=50_000)
def _one_country(rows: tuple[Candidate, ...]) -> bool:
    """Whether every candidate of a name lies in the same country (cached per row tuple)."""
    return len({c.country for c in rows}) == 1


def lexical_filter(hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """Step 1 (see module docstring). Returns the hits that may be places."""
    persons: set[str] = set()
    kept: list[Hit] = []
    for hit in hits:
        strong = hit.strong
        single = hit.first == hit.last
        if hit.title_before:
            persons.add(hit.key)
            continue
        if (hit.names_before or hit.names_after) and not strong:
            if hit.names_before and single:
                persons.add(hit.key)
            continue
        if single and hit.sent_start and hit.key in lex.common_words and not strong:
            continue
        if hit.speech_after and not strong:
            persons.add(hit.key)
            continue
        kept.append(hit)
    return [h for h in kept if h.key not in persons or h.strong]


class Context:
    """Country votes, distance anchors and mentioned names of one text.

    Votes are kept per name key, so scoring a hit can leave out everything its own name
    contributed: a name repeated five times must not make its own country "the context".
    """

    def __init__(self, demonym_votes: dict[str, float]) -> None:
        self.base = demonym_votes
        #: Votes per country (a plain dict: a ``Counter`` is typed to hold whole numbers).
        self.votes: dict[str, float] = dict(demonym_votes)
        self.by_key: dict[str, tuple[str, float]] = {}
        self.total = float(sum(self.votes.values()))
        self.anchors: list[tuple[float, float, str]] = []
        self.names: set[str] = set()
        #: How many hits the last :meth:`rebuild` counted (see :meth:`settle`).
        self.built_from = 0
        self._sorted_anchors()

    @classmethod
    def from_tokens(cls, tokens: Iterable[Token], lex: Lexicon) -> Context:
        """Demonym votes (capped per demonym) are the starting context."""
        seen: dict[str, int] = {}  # (a Counter costs more to make than all of its counting)
        votes: dict[str, float] = {}
        demonyms = lex.demonyms
        # Few tokens are demonyms: the keys are read and filtered in C, and only the demonyms
        # reach the loop (in text order, which orders the votes: see dominant()).
        for key in filter(demonyms.__contains__, map(_TOKEN_KEY, tokens)):
            iso = demonyms[key]
            times = seen.get(key, 0)
            if iso and times < MAX_VOTES_PER_NAME:
                seen[key] = times + 1
                votes[iso] = votes.get(iso, 0) + DEMONYM_VOTE
        return cls(votes)

    def rebuild(self, resolved: Iterable[tuple[Hit, Candidate]], *, firm_only: bool) -> None:
        """Recompute votes and anchors from hits (pass 1: single-country hits only)."""
        self.votes = dict(self.base)
        self.by_key = {}
        self.anchors = []
        self.names = set()
        # One entry per name: its first choice and how often it occurs (repeats vote up to a
        # cap), counted in place.
        unique: dict[str, list] = {}
        count = 0
        for hit, best in resolved:
            count += 1
            seen = unique.get(hit.key)
            if seen is None:
                unique[hit.key] = [hit, best, 1]
            else:
                seen[2] += 1
        votes, by_key, anchors, names = self.votes, self.by_key, self.anchors, self.names
        for key, (hit, best, times) in unique.items():
            rows: tuple[Candidate, ...] = hit.rows  # type: ignore[assignment]
            if firm_only and not _one_country(rows):
                continue
            if not firm(hit, best):
                # Small single-word places do not make context for each other: capitalised
                # words that happen to be villages would otherwise vote each other in.
                continue
            names.add(key)
            names.add(normalise(best.name))
            if best.country:
                each = COUNTRY_MENTION_VOTE if best.feature == "country" else PLACE_VOTE
                vote = each * min(times, MAX_VOTES_PER_NAME)
                votes[best.country] = votes.get(best.country, 0) + vote
                by_key[key] = (best.country, vote)
            if best.feature != "country" and best.lat is not None and best.lon is not None:
                if not firm_only or len(rows) == 1:
                    anchors.append((best.lat, best.lon, key))
        self.total = float(sum(self.votes.values()))
        self.built_from = count
        self._sorted_anchors()

    def settle(self, accepted: list[Resolved]) -> None:
        """Step 5's last word: rebuilt from the ``accepted`` hits when step 5 rejected some of
        the hits the context was last built from (rejected hits must not vote or anchor for
        the ones that stay); unchanged when it rejected none."""
        if len(accepted) != self.built_from:
            self.rebuild(((r.hit, r.best) for r in accepted), firm_only=False)

    def _sorted_anchors(self) -> None:
        """Index :attr:`anchors` for :meth:`nearest_km`: sorted by latitude, each with the
        radians and cosine of its latitude (the haversine terms that depend on it alone), and
        an empty memo of distances (valid until the anchors change)."""
        ordered = sorted(self.anchors, key=itemgetter(0))
        self._lats = [lat for lat, _, _ in ordered]
        self._anchor_terms = [
            (lat, lon, key, p, math.cos(p))
            for lat, lon, key in ordered
            for p in (math.radians(lat),)
        ]
        self._nearest: dict[tuple[Candidate, str], float] = {}

    def in_context(self, cand: Candidate, key: str) -> bool:
        """The candidate's country holds enough votes, or another place of the text is near."""
        return (
            self.share(cand.country, without=key) >= MIN_COUNTRY_SHARE
            or self.nearest_km(cand, key) <= REGION_KM
        )

    def share(self, country: str | None, without: str | None = None) -> float:
        """Share of the votes for ``country``, leaving out what name key ``without`` gave."""
        if not country:
            return 0.0
        total, mine = self.total, self.votes.get(country, 0.0)
        if without is not None and without in self.by_key:
            own_country, own = self.by_key[without]
            total -= own
            if own_country == country:
                mine -= own
        return max(0.0, mine) / total if total > 0 else 0.0

    def dominant(self) -> tuple[str | None, float]:
        """The country with most votes and its share."""
        if not self.votes or self.total <= 0:
            return None, 0.0
        iso, votes = max(self.votes.items(), key=itemgetter(1))  # the first of equals
        return iso, votes / self.total

    def nearest_km(self, cand: Candidate, own_key: str) -> float:
        """Distance to the closest anchor that is not this hit itself (inf when none).

        The same value :func:`km` gives, computed with the anchor's latitude terms prepared
        once per context and remembered per candidate and key until the anchors change.
        """
        if cand.lat is None or cand.lon is None or cand.feature == "country":
            return math.inf
        memo_key = (cand, own_key)
        best = self._nearest.get(memo_key)
        if best is not None:
            return best
        best = math.inf
        lat0, lon0 = cand.lat, cand.lon
        lats = self._lats
        # Cheap box test first: beyond REGION_KM the exact distance is never used. Only the
        # anchors in a latitude window around the box are looked at (they are sorted).
        lo = bisect_left(lats, lat0 - _BOX_DEG - _BOX_MARGIN_DEG)
        hi = bisect_right(lats, lat0 + _BOX_DEG + _BOX_MARGIN_DEG)
        if lo < hi:
            p1 = math.radians(lat0)
            cos1 = math.cos(p1)
            sin, asin, sqrt = math.sin, math.asin, math.sqrt
            for lat, lon, key, p2, cos2 in self._anchor_terms[lo:hi]:
                if key == own_key or abs(lat - lat0) > _BOX_DEG:
                    continue
                # km(lat0, lon0, lat, lon), term for term
                dp, dl = p2 - p1, math.radians(lon - lon0)
                a = sin(dp / 2) ** 2 + cos1 * cos2 * sin(dl / 2) ** 2
                d = 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a)))
                if d < best:
                    best = d
        self._nearest[memo_key] = best
        return best


def firm(hit: Hit, best: Candidate) -> bool:
    """A hit sure enough to vote and anchor: trusted feature, curated, big or multi-word."""
    return (
        best.feature in STRONG_FEATURES
        or best.feature in SPECIFIC_FEATURES
        or best.curated
        or best.population >= CONTEXT_FREE_POPULATION
        or hit.first != hit.last
    )


def score(cand: Candidate, hit: Hit, ctx: Context) -> float:
    """Prior plus context (step 3), without the votes of the hit's own name."""
    total = prior(cand)
    total += COUNTRY_CONTEXT_WEIGHT * ctx.share(cand.country, without=hit.key)
    dist = ctx.nearest_km(cand, hit.key)
    if dist <= NEAR_KM:
        total += NEAR_BONUS
    elif dist <= REGION_KM:
        total += REGION_BONUS
    if cand.parent and normalise(cand.parent) in ctx.names:
        total += PARENT_BONUS
    return total


#: A pass's choice per name (key, region suffix): the candidate and its score.
Choices = dict[tuple[str, str | None], tuple[Candidate, float]]


def choose(hit: Hit, ctx: Context, memo: Choices) -> Resolved:
    """The best-scoring candidate of ``hit`` (a region suffix prefers region candidates).

    ``memo`` holds this pass's choice per name: repeated names resolve once per pass.
    """
    best, best_score = _choice(hit, ctx, memo)
    return Resolved(hit, best, best_score)


def _choice(hit: Hit, ctx: Context, memo: Choices) -> tuple[Candidate, float]:
    """:func:`choose` without the :class:`Resolved` (the first pass only needs the candidate)."""
    key = (hit.key, hit.suffix)
    known = memo.get(key)
    if known is not None:
        return known
    rows: tuple[Candidate, ...] = hit.rows  # type: ignore[assignment]
    if len(rows) == 1 or hit.dateline:
        # A dateline ("GENEVA (AP) —") names a well-known city whatever the story is about.
        return top_candidate(rows), 0.0
    if hit.suffix is not None:
        regional = tuple(c for c in rows if c.feature == "region")
        rows = regional or rows
    if len(rows) > SCORED_BY_PRIOR:
        ranked = _ranked(rows)
        rows = ranked[:SCORED_BY_PRIOR] + tuple(
            c for c in ranked[SCORED_BY_PRIOR:] if ctx.votes.get(c.country or "")
        )
    choice = memo[key] = _best_scored(rows, hit.key, ctx)
    return choice


@lru_cache(maxsize=50_000)
def _ranked(rows: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """``rows`` by prior, highest first, ties in row order (cached per row tuple)."""
    return tuple(sorted(rows, key=prior, reverse=True))


def _best_scored(rows: tuple[Candidate, ...], own: str, ctx: Context) -> tuple[Candidate, float]:
    """The candidate ``max`` picks by (:func:`score`, population), first of equals, and its
    score, computing the distance term only for candidates that can still win.

    The prior, country share and parent terms are cheap; the distance term adds at most
    NEAR_BONUS. A candidate whose cheap terms plus that bonus stay below the best full score
    found so far cannot win, so candidates are visited by that bound and the rest skipped.
    Each full score is summed exactly as :func:`score` sums it.
    """
    names = ctx.names
    # Context.share(country, without=own), its own-name part worked out once for all rows.
    votes, total_votes = ctx.votes, ctx.total
    own_country, own_votes = ctx.by_key.get(own, (None, 0.0))
    if own in ctx.by_key:
        total_votes -= own_votes
    bounds: list[tuple[float, int, float, bool]] = []
    for i, cand in enumerate(rows):
        country = cand.country
        if not country:
            share = 0.0
        else:
            mine = votes.get(country, 0.0)
            if country == own_country:
                mine -= own_votes
            share = max(0.0, mine) / total_votes if total_votes > 0 else 0.0
        cheap = prior(cand) + COUNTRY_CONTEXT_WEIGHT * share
        parent = bool(cand.parent) and normalise(cand.parent) in names
        bound = cheap + _MAX_DISTANCE_BONUS + (PARENT_BONUS if parent else 0.0)
        bounds.append((bound, i, cheap, parent))
    # highest bound first, equal bounds in row order (a stable sort keeps it when reversed)
    bounds.sort(key=itemgetter(0), reverse=True)
    best_i = -1
    best_score = -math.inf
    best_pop = 0
    for bound, i, total, parent in bounds:
        if best_i >= 0 and bound + _SCORE_SLACK < best_score:
            break  # sorted by bound: no later candidate can reach the best either
        cand = rows[i]
        dist = ctx.nearest_km(cand, own)
        if dist <= NEAR_KM:
            total += NEAR_BONUS
        elif dist <= REGION_KM:
            total += REGION_BONUS
        if parent:
            total += PARENT_BONUS
        pop = cand.population
        if (
            best_i < 0
            or total > best_score
            or (total == best_score and (pop > best_pop or (pop == best_pop and i < best_i)))
        ):
            best_i, best_score, best_pop = i, total, pop
    return rows[best_i], best_score


def resolve(
    hits: list[Hit], doc: Doc, lex: Lexicon, *, settle: bool = True
) -> tuple[list[Resolved], Context]:
    """Steps 2–5 on lexically plausible hits.

    The context returned is settled (:meth:`Context.settle`) from the accepted hits; with
    ``settle=False`` it is left as step 4 built it, for a caller that may never read it to
    settle first (rebuilding costs as much as a pass).
    """
    ctx = Context.from_tokens(doc.tokens, lex)
    # Pass 1 needs no scoring: only hits whose candidates share one country vote, and for
    # those the most plausible candidate by prior is as good as any.
    # (the pairs are made in C: zip and map, no generator resumed per hit)
    ctx.rebuild(zip(hits, map(top_candidate, map(_HIT_ROWS, hits)), strict=True), firm_only=True)
    memo: Choices = {}
    second = [_choice(h, ctx, memo)[0] for h in hits]
    ctx.rebuild(zip(hits, second, strict=True), firm_only=False)
    memo = {}
    final = [choose(h, ctx, memo) for h in hits]
    accepted = [r for r in final if accept(r, ctx, doc, lex)]
    if settle:
        ctx.settle(accepted)
    return accepted, ctx


#: Verbs of attack or capture whose object, a town's unique name, is that town.
_TAKEN_VERBS = frozenset(
    "attacked shelled stormed raided captured seized entered bombed struck overran besieged "
    "encircled recaptured retook shelling attacking storming raiding capturing".split()
)
#: A place noun in apposition right after a name: ", a town 25 km west of", ", the village".
_APPOSED_PLACE_NOUN = re.compile(
    r",\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}?(?:town|village|city|hamlet|settlement|suburb|"
    r"district|commune|municipality|port|border\s+town|island)\b"
)


def accept(res: Resolved, ctx: Context, doc: Doc, lex: Lexicon) -> bool:
    """Step 5: is this hit a place at all, given its context?"""
    best, hit = res.best, res.hit
    trusted = best.curated or best.feature in STRONG_FEATURES or best.feature in SPECIFIC_FEATURES
    single = hit.first == hit.last
    if hit.modifier and not trusted:
        return False
    # Whether the hit is in context is asked only where the answer matters (most hits are
    # trusted or multi-word): it costs a share and a distance look-up.
    if single and hit.shouting and not trusted and not hit.dateline:
        if not ctx.in_context(best, hit.key):
            return False
    if (
        single
        and (hit.key in lex.common_words or hit.foreign_script)
        and best.feature not in STRONG_FEATURES
    ):
        in_context = ctx.in_context(best, hit.key)
        before = [w.key for w in doc.words_before(doc.tokens[hit.first].start, 2)]
        cue = bool(before) and (
            before[0] in lex.locatives or " ".join(reversed(before)) in lex.place_cues
        )
        after = hit.after.key if hit.after is not None else ""
        cue = (
            cue
            or after in lex.place_nouns
            or hit.suffix is not None
            # "M23 rebels shelled Sake, a town west of Goma": a place noun in apposition
            or _APPOSED_PLACE_NOUN.match(doc.text, hit.end) is not None
        )
        if hit.foreign_script:
            # A word in another script inside an English text (a language menu, a quoted
            # name): only context, not a curated entry, makes it a place.
            return in_context
        return cue and (in_context or best.curated)
    if (
        not single
        and hit.key != normalise(best.name)
        and all(w in lex.common_words for w in hit.key.split())
        and ctx.share(best.country, without=hit.key) == 0
        and not ctx.in_context(best, hit.key)
    ):
        return False  # "the Old Town" of Dubrovnik is no other name of Las Vegas
    if single and not trusted and hit.key != normalise(best.name) and _elsewhere(best, hit, ctx):
        # "Enguri" is also an old name of Ankara and "Banjska" a spelling of Bansko: a town
        # reached only through another of its names, in a text about another country, is
        # some other place of that name ("Bombay" or "Saigon" alone stay what they are).
        return False
    if trusted or not single or best.population >= CONTEXT_FREE_POPULATION:
        return True
    if ctx.in_context(best, hit.key):
        return True
    # "Shelling damaged houses in Vovchansk": a town whose name no other place bears, after a
    # locative, is that town even when the text names neither its country nor a neighbour.
    # So is one a verb of attack or capture governs ("Jihadists attacked Monguno").
    if len(hit.rows) == 1 and best.population >= UNIQUE_NAME_POPULATION:  # type: ignore[arg-type]
        before = [w.key for w in doc.words_before(doc.tokens[hit.first].start, 2)]
        return bool(before) and (
            before[0] in lex.locatives
            or before[0] in _TAKEN_VERBS
            or " ".join(reversed(before)) in lex.place_cues
        )
    return False


def _elsewhere(best: Candidate, hit: Hit, ctx: Context) -> bool:
    """The text is about another country than ``best``'s (one holds most of the votes) and
    names nothing near ``best``."""
    iso, share = ctx.dominant()
    return (
        iso is not None
        and iso != best.country
        and share >= ELSEWHERE_SHARE
        and not ctx.in_context(best, hit.key)
    )
