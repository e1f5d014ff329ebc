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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from harmwatch.extract.places.candidates import Candidate
from harmwatch.extract.places.lexicon import Lexicon
from harmwatch.extract.places.normalize import normalise
from harmwatch.extract.places.spans import Hit, Token, preceding_keys

# Prior by feature type: a country or region name is rarely anything else, a village name
# often is (and small places share names far more than large ones).
FEATURE_PRIOR = {
    "country": 3.0,
    "region": 2.0,
    "site": 2.0,
    "route": 2.0,
    "area": 1.5,
    "city": 1.0,
    "village": 0.5,
}
# Curated entries were written for conflict reporting: when a conflict text says "Martuni",
# the Karabakh town is more likely than an equally named village elsewhere.
CURATED_BONUS = 2.0
# Seats of government are the default reading of a shared name ("Tripoli", "Beirut").
CAPITAL_BONUS = 1.0
# Weight of log10(population): 1,000,000 -> 2.4, 10,000 -> 1.6, 500 -> 1.1. Population is the
# classic tie-breaker, but it must not outvote context (a country share is worth up to 4).
POPULATION_WEIGHT = 0.4
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
# Step 5: a place whose country has at least this share of the votes is in context.
MIN_COUNTRY_SHARE = 0.2
# Features that survive the capitalised-run rule of step 1 and need no context in step 5.
STRONG_FEATURES = frozenset({"country", "region", "area"})
# Features of curated-looking specificity that need no context in step 5.
SPECIFIC_FEATURES = frozenset({"site", "route"})
EARTH_RADIUS_KM = 6371.0


@dataclass(slots=True)
class Resolved:
    """A hit with its chosen candidate."""

    hit: Hit
    best: Candidate
    score: float


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def lexical_filter(hits: list[Hit], lex: Lexicon) -> list[Hit]:
    """Step 1 (see module docstring). Returns the hits that may be places."""
    persons: set[str] = set()
    kept: list[Hit] = []
    for hit in hits:
        strong = any(c.feature in STRONG_FEATURES for c in hit.rows)  # type: ignore[attr-defined]
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
    return [
        h
        for h in kept
        if h.key not in persons or any(c.feature in STRONG_FEATURES for c in h.rows)  # type: ignore[attr-defined]
    ]


class Context:
    """Country votes, distance anchors and mentioned names of one text."""

    def __init__(self, demonym_votes: Counter[str]) -> None:
        self.base = demonym_votes
        self.votes: Counter[str] = Counter(demonym_votes)
        self.total = float(sum(self.votes.values()))
        self.anchors: list[tuple[float, float, str]] = []
        self.names: set[str] = set()

    @classmethod
    def from_tokens(cls, tokens: Iterable[Token], lex: Lexicon) -> Context:
        """Demonym votes (capped per demonym) are the starting context."""
        seen: Counter[str] = Counter()
        votes: Counter[str] = Counter()
        for tok in tokens:
            iso = lex.demonyms.get(tok.key)
            if iso and tok.cap and seen[tok.key] < MAX_VOTES_PER_NAME:
                seen[tok.key] += 1
                votes[iso] += DEMONYM_VOTE
        return cls(votes)

    def rebuild(self, resolved: Iterable[tuple[Hit, Candidate]], *, firm_only: bool) -> None:
        """Recompute votes and anchors from hits (pass 1: single-country hits only)."""
        self.votes = Counter(self.base)
        self.anchors = []
        self.names = set()
        per_name: Counter[str] = Counter()
        for hit, best in resolved:
            rows: tuple[Candidate, ...] = hit.rows  # type: ignore[assignment]
            if firm_only and len({c.country for c in rows}) != 1:
                continue
            self.names.add(hit.key)
            self.names.add(normalise(best.name))
            if per_name[hit.key] < MAX_VOTES_PER_NAME and best.country:
                per_name[hit.key] += 1
                self.votes[best.country] += _vote(best)
            if best.feature != "country" and best.lat is not None and best.lon is not None:
                if not firm_only or len(rows) == 1:
                    self.anchors.append((best.lat, best.lon, hit.key))
        self.total = float(sum(self.votes.values()))

    def share(self, country: str | None, minus: float = 0.0, own: str | None = None) -> float:
        """Share of the votes for ``country``, optionally without one hit's own vote."""
        if not country:
            return 0.0
        total = self.total - minus
        if total <= 0:
            return 0.0
        mine = self.votes.get(country, 0.0) - (minus if own == country else 0.0)
        return max(0.0, mine) / total

    def nearest_km(self, cand: Candidate, own_key: str) -> float:
        """Distance to the closest anchor that is not this hit itself (inf when none)."""
        if cand.lat is None or cand.lon is None or cand.feature == "country":
            return math.inf
        best = math.inf
        for lat, lon, key in self.anchors:
            if key == own_key:
                continue
            d = km(cand.lat, cand.lon, lat, lon)
            if d < best:
                best = d
        return best


def _vote(cand: Candidate) -> float:
    return COUNTRY_MENTION_VOTE if cand.feature == "country" else PLACE_VOTE


def prior(cand: Candidate) -> float:
    """Context-free plausibility of a candidate (step 3, first half)."""
    score = FEATURE_PRIOR.get(cand.feature, 1.0)
    if cand.curated:
        score += CURATED_BONUS
    if cand.capital:
        score += CAPITAL_BONUS
    return score + POPULATION_WEIGHT * math.log10(1 + max(0, cand.population))


def score(cand: Candidate, hit: Hit, ctx: Context, own: Candidate | None) -> float:
    """Prior plus context (step 3); ``own`` is the hit's previous choice, whose vote is removed."""
    minus = _vote(own) if own is not None and own.country else 0.0
    total = prior(cand)
    total += COUNTRY_CONTEXT_WEIGHT * ctx.share(cand.country, minus, own.country if own else None)
    dist = ctx.nearest_km(cand, hit.key)
    if dist <= NEAR_KM:
        total += NEAR_BONUS
    elif dist <= REGION_KM:
        total += REGION_BONUS
    if cand.parent and normalise(cand.parent) in ctx.names:
        total += PARENT_BONUS
    return total


def choose(hit: Hit, ctx: Context, own: Candidate | None = None) -> Resolved:
    """The best-scoring candidate of ``hit`` (a region suffix prefers region candidates)."""
    rows: tuple[Candidate, ...] = hit.rows  # type: ignore[assignment]
    if hit.suffix is not None:
        regional = tuple(c for c in rows if c.feature == "region")
        rows = regional or rows
    scored = [(score(c, hit, ctx, own), c) for c in rows]
    best_score, best = max(scored, key=lambda sc: (sc[0], sc[1].population))
    return Resolved(hit, best, best_score)


def resolve(hits: list[Hit], tokens: list[Token], lex: Lexicon) -> tuple[list[Resolved], Context]:
    """Steps 2–5 on lexically plausible hits."""
    ctx = Context.from_tokens(tokens, lex)
    first = [choose(h, ctx) for h in hits]
    ctx.rebuild(((r.hit, r.best) for r in first), firm_only=True)
    second = [choose(r.hit, ctx) for r in first]
    ctx.rebuild(((r.hit, r.best) for r in second), firm_only=False)
    final = [choose(r.hit, ctx, own=r.best) for r in second]
    accepted = [r for r in final if accept(r, ctx, tokens, lex)]
    if len(accepted) != len(final):
        # Rejected hits must not vote or anchor for the ones that stay.
        ctx.rebuild(((r.hit, r.best) for r in accepted), firm_only=False)
    return accepted, ctx


def accept(res: Resolved, ctx: Context, tokens: list[Token], lex: Lexicon) -> bool:
    """Step 5: is this hit a place at all, given its context?"""
    best, hit = res.best, res.hit
    common = hit.first == hit.last and hit.key in lex.common_words
    in_context = ctx.share(best.country, _vote(best), best.country) >= MIN_COUNTRY_SHARE or (
        ctx.nearest_km(best, hit.key) <= REGION_KM
    )
    if common and not best.feature in STRONG_FEATURES:
        before = preceding_keys(tokens, hit.first, 2)
        cue = bool(before) and (before[0] in lex.locatives or " ".join(reversed(before)) in lex.place_cues)
        after = tokens[hit.last + 1].key if hit.last + 1 < len(tokens) else ""
        cue = cue or after in lex.place_nouns or hit.suffix is not None
        return cue and (in_context or best.curated)
    if best.curated or best.feature in STRONG_FEATURES or best.feature in SPECIFIC_FEATURES:
        return True
    if hit.first != hit.last or best.population >= CONTEXT_FREE_POPULATION:
        return True
    return in_context
