"""Stage 8b: a learned choice of event places over the rules' candidates.

The rules (:mod:`.events`, :mod:`.event_places`) decide place by place whether a mention is
where harm happened. Their precision on text they were not written against is low: every
new phrasing of a destination, a statement's place or an address needs a new rule. This stage
looks at the whole document instead. Every place the document names (and every place the
rules chose, such as a parent region they added) is a *candidate*, described by a few dozen
general features — the rules' own verdict, its feature type, how often and where it is named,
the word before it, whether its sentences carry harm or figures, how it relates to the other
candidates — and a logistic model trained on the project's annotated development split
(:mod:`.train`) scores it. Candidates scored at or above the model's threshold are the
document's event places: a rules' choice below it is dropped; a place the rules passed over
above it is added to the event nearest to its first mention in an event sentence.

No feature names a place, a word of a particular article or a document: the model weighs
kinds of evidence, so it carries to text it has not seen. The weights are data
(``learned_places.json``), rebuilt by ``python -m harmwatch.extract.train``; the file records
the training set, its size and the cross-validated scores that chose the threshold.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from harmwatch.errors import ConfigError
from harmwatch.extract.events import Place, SentenceFacts, is_event_place

__all__ = [
    "PLACE_MODEL",
    "Candidate",
    "LogisticModel",
    "place_candidates",
    "place_model",
    "select_places",
]

PLACE_MODEL = "learned_places.json"
#: Words right before a mention that say what the place is to the sentence.
_BEFORE_WORDS = frozenset(
    "in near at on of from to into across throughout outside around inside within and the "
    "over toward towards by between".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")
_POSSESSIVE = re.compile(r"^['’]s\b")
_UNIT_AFTER = re.compile(
    r"^\s+(?:region|province|oblast|governorate|district|state|county|city|town|village|"
    r"area|zone|municipality|township|camp)\b",
    re.IGNORECASE,
)
#: A mention followed by a comma or "and": one of a list of places.
_LISTED = re.compile(r"^(?:,|\s+and\b|\s+or\b)")
_UNIT_BEFORE = re.compile(r"\b(?:town|city|village|region|province|district|camp|area) of\s*$")


@dataclass(slots=True)
class Candidate:
    """One place a document names, with every mention of it and its features."""

    name: str
    chosen: bool
    mentions: list[tuple[SentenceFacts, Place]] = field(default_factory=list)
    location: dict[str, Any] | None = None  # the rules' output dict when they chose it
    features: dict[str, float] = field(default_factory=dict)


class LogisticModel:
    """Weights over named features; ``score`` is the probability of the positive class."""

    def __init__(self, weights: dict[str, float], threshold: float, meta: dict[str, Any]):
        self.weights = weights
        self.threshold = threshold
        self.meta = meta

    def score(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str) -> LogisticModel:
        try:
            return cls(
                {str(k): float(v) for k, v in data["weights"].items()},
                float(data["threshold"]),
                dict(data.get("meta", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: not a model file ({exc})") from exc

    def as_dict(self) -> dict[str, Any]:
        return {
            "threshold": round(self.threshold, 4),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
            "meta": self.meta,
        }


@lru_cache(maxsize=1)
def place_model() -> LogisticModel | None:
    """The packaged place model, or None when the package ships none (rules alone)."""
    try:
        raw = resources.files("harmwatch.extract").joinpath(PLACE_MODEL).read_text("utf-8")
    except FileNotFoundError:
        return None
    return LogisticModel.from_dict(json.loads(raw), PLACE_MODEL)


def _word_before(text: str, start: int, floor: int) -> str:
    m = _WORD_BEFORE.search(text, max(floor, start - 30), start)
    word = m.group(1).lower() if m else ""
    return word if word in _BEFORE_WORDS else ("<start>" if start - floor < 3 else "other")


def _gap(p: Place, spans: list[tuple[int, int]]) -> int | None:
    """Characters between the mention and the nearest of ``spans`` (None when there are none)."""
    gaps = [max(s - p.end, p.start - e, 0) for s, e in spans]
    return min(gaps) if gaps else None


def _near(gap: int | None, name: str) -> dict[str, float]:
    if gap is None:
        return {f"{name}:none": 1.0}
    if gap <= 25:
        return {f"{name}:25": 1.0}
    if gap <= 80:
        return {f"{name}:80": 1.0}
    return {f"{name}:far": 1.0}


def _mention_features(
    text: str, sf: SentenceFacts, p: Place, figure_spans: list[tuple[int, int]]
) -> dict[str, float]:
    harm = bool(sf.categories - {"response"})
    before = _word_before(text, p.start, sf.start)
    out = {
        "event_sentence": float(sf.is_event),
        "harm_sentence": float(harm),
        "figure_sentence": float(bool(sf.figure_ids)),
        "dated_sentence": float(bool(sf.dates)),
        "frame_ok": float(sf.is_event and is_event_place(text, sf.start, p)),
        "frame_ok_any": float(is_event_place(text, sf.start, p)),
        f"before={before}": 1.0,
        "possessive": float(bool(_POSSESSIVE.match(text, p.end, p.end + 3))),
        "unit_after": float(bool(_UNIT_AFTER.match(text, p.end, p.end + 16))),
        "unit_before": float(bool(_UNIT_BEFORE.search(text, max(0, p.start - 20), p.start))),
        "upper": float(len(p.mention) > 3 and p.mention.isupper()),
        "in_brackets": float(
            text.rfind("(", sf.start, p.start) > text.rfind(")", sf.start, p.start)
        ),
        "listed": float(bool(_LISTED.match(text, p.end, p.end + 4))),
    }
    inside = [(s, e) for s, e in figure_spans if sf.start <= s < sf.end]
    out.update(_near(_gap(p, sf.cues), "cue"))
    out.update(_near(_gap(p, inside), "figure"))
    if harm:
        out[f"harm&before={before}"] = 1.0
    return out


def place_candidates(text: str, facts: list[SentenceFacts], out: dict[str, Any]) -> list[Candidate]:
    """Every place the document names or the rules chose (in ``out``), with its features."""
    events: list[dict[str, Any]] = out["events"]
    figure_spans = [tuple(f["span"]) for f in out["figures"]]
    by_name: dict[str, Candidate] = {}
    for event in events:
        for loc in event["locations"]:
            c = by_name.setdefault(loc["name"], Candidate(loc["name"], True))
            c.location = c.location or loc
    for sf in facts:
        for p in sf.places:
            by_name.setdefault(p.name, Candidate(p.name, False)).mentions.append((sf, p))
    candidates = list(by_name.values())
    n_sentences = max(1, len(facts))
    countries = Counter(p.country for c in candidates for _, p in c.mentions[:1] if p.country)
    event_countries = Counter(
        p.country
        for c in candidates
        for _, p in c.mentions[:1]
        if p.country and p.feature != "country" and any(sf.is_event for sf, _ in c.mentions)
    )
    doc = {
        "bias": 1.0,
        "doc_relevant": float(out["relevant"]),
        "doc_log_candidates": math.log1p(len(candidates)),
        "doc_log_events": math.log1p(len(events)),
    }
    for order, c in enumerate(sorted(candidates, key=_first_offset)):
        f = dict(doc)
        first = c.mentions[0][1] if c.mentions else None
        feature = first.feature if first else (c.location or {}).get("feature", "none")
        country = first.country if first else (c.location or {}).get("country")
        f[f"feature={feature}"] = 1.0
        f["unlisted"] = float(first is not None and first.lat is None)
        f["log_mentions"] = math.log1p(len(c.mentions))
        f["first_rank"] = math.log1p(order)
        if c.mentions:
            sf0 = c.mentions[0][0]
            f["first_position"] = sf0.index / n_sentences
            f["in_first_sentence"] = float(sf0.index == 0)
            per = [_mention_features(text, sf, p, figure_spans) for sf, p in c.mentions]
            keys = {k for m in per for k in m}
            for k in keys:
                values = [m.get(k, 0.0) for m in per]
                f[f"any:{k}"] = max(values)
                f[f"share:{k}"] = sum(values) / len(values)
                f[f"{feature}&any:{k}"] = max(values)
            f["log_event_mentions"] = math.log1p(sum(m["event_sentence"] for m in per))
        same = countries.get(country, 0) - (1 if c.mentions and country else 0)
        f["log_same_country"] = math.log1p(max(0, same))
        if feature in ("country", "region"):
            own = feature != "country" and any(sf.is_event for sf, _ in c.mentions)
            f["log_event_places_inside"] = math.log1p(max(0, event_countries[country] - own))
        c.features = f
    return candidates


def _first_offset(c: Candidate) -> int:
    return c.mentions[0][1].start if c.mentions else 1 << 30


def _nearest_event(events: list[dict[str, Any]], c: Candidate) -> dict[str, Any] | None:
    """The event whose span holds or lies nearest to the candidate's first event mention."""
    if not events:
        return None
    eventful = [p for sf, p in c.mentions if sf.is_event] or [p for _, p in c.mentions]
    at = eventful[0].start if eventful else 0
    return min(events, key=lambda e: max(e["span"][0] - at, at - e["span"][1], 0))


def select_places(
    text: str,
    facts: list[SentenceFacts],
    out: dict[str, Any],
    model: LogisticModel,
) -> None:
    """Re-decide the event places of ``out``'s events in place with ``model``."""
    events = out["events"]
    keep: set[str] = set()
    add: list[Candidate] = []
    for c in place_candidates(text, facts, out):
        if model.score(c.features) >= model.threshold:
            keep.add(c.name)
            if not c.chosen:
                add.append(c)
    for event in events:
        event["locations"] = [loc for loc in event["locations"] if loc["name"] in keep]
    for c in add:
        event = _nearest_event(events, c)
        if event is not None:
            p = next((p for sf, p in c.mentions if sf.is_event), c.mentions[0][1])
            event["locations"].append(p.as_dict())


HYBRID_NAME = "extractor.hybrid.v1"


def extract_hybrid_v1(
    text: str,
    *,
    published: Any = None,
    title: str | None = None,
    language: str | None = None,
    source: str | None = None,
    sha256: str | None = None,
) -> dict[str, Any]:
    """The rules' cascade, with the event places chosen by the learned place model."""
    from harmwatch.extract.pipeline import cascade

    out, facts = cascade(
        text, published=published, title=title, language=language, source=source, sha256=sha256
    )
    out["extractor"] = HYBRID_NAME
    model = place_model()
    if model is not None and facts:
        select_places(text, facts, out, model)
    return out
