"""Score an extractor against gold annotation (the format of ``shared/seeds/gold.jsonl``).

Each gold line names a document ``<id>.txt`` (or one ``<id>.<ext>`` of another kind ingestion
reads: html, pdf, json...) in the docs directory. The document goes through ingestion's decoding
and parsing (furniture removal, publication date) exactly as in production, then through the
extractor. Metrics follow the issue and ``shared/devset/README.md``:

- relevance: accuracy over all documents;
- categories: micro precision/recall/F1 over documents whose gold ``relevant`` is true;
- figures: micro P/R/F1 matching on (measure, value) as a multiset, gold-relevant documents
  only; derived figures (sums the text never states) are not scored because gold lists only
  stated counts; qualifier, subject and as_of are accuracies over the matched pairs;
- event locations: micro P/R/F1 over all documents, a prediction matching a gold name by its
  name, its mention as written or an alternate name, after case/accent folding, with the
  devset's aliases (Artsakh = Nagorno-Karabakh, Shushi = Shusha, Khankendi = Stepanakert...);
- event dates: micro P/R/F1 over all documents on full ISO days.

:func:`agreement` scores a second human annotation of the same documents with the same
metrics (inter-annotator agreement), which tells how far any extractor can be held to a gold.
"""

from __future__ import annotations

import glob
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmwatch.errors import ConfigError, UnreadableSource

__all__ = ["PRF", "EvalReport", "agreement", "evaluate", "gold_documents", "location_key"]

#: Names the devset treats as one place (README, "event_locations").
ALIASES: tuple[tuple[str, ...], ...] = (
    (
        "nagorno-karabakh",
        "artsakh",
        "nkr",
        "nagorno-karabagh",
        "karabakh",
        "nagorno karabakh",
        "republic of artsakh",
    ),
    ("shusha", "shushi", "susa"),
    ("stepanakert", "khankendi", "xankandi"),
    ("bamiyan", "bamian"),
    ("martakert", "aghdara", "agdere"),
    ("berdzor", "lachin", "laçın"),
    ("tartar", "terter"),
)
_ALIAS_KEY = {name: group[0] for group in ALIASES for name in group}
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|ash|at|az) (?=\w{3})")
#: Words for a first-level unit, which countries and writers swap freely ("Donetsk Oblast",
#: "Donetsk region", "Donetsk province"): folded to one. District- and county-level words are
#: not, nor is a bare name ("Idlib province" is not the city of Idlib).
_UNIT_WORD = re.compile(r"(?<=\w) (?:oblast|province|governorate|region|state|marz|krai)$")


def location_key(name: str) -> str:
    """Fold case, accents, 'the', a leading Arabic article, punctuation, the word for a
    first-level unit and the devset's aliases."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"['’]s\b", "", folded)
    # "Be'eri" = "Beeri", "Sa'dah" = "Sadah": an apostrophe inside a name is a transliteration's
    folded = re.sub(r"(?<=[a-z])['’ʼ`](?=[a-z])", "", folded)
    folded = re.sub(r"^the\s+", "", folded.strip())
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    folded = _ARTICLE.sub("", folded)  # "Al-Abdiyah" = "Abdiyah", as transliterations vary
    folded = _UNIT_WORD.sub(" region", folded)
    return _ALIAS_KEY.get(folded, _ALIAS_KEY.get(folded.replace(" ", "-"), folded))


@dataclass(slots=True)
class PRF:
    """True positives and the two totals; precision, recall and F1 derive from them."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass(slots=True)
class EvalReport:
    """All metrics of one evaluation run, plus per-document details for debugging."""

    extractor: str
    documents: int = 0
    relevance_correct: int = 0
    categories: PRF = field(default_factory=PRF)
    figures: PRF = field(default_factory=PRF)
    figure_attr: Counter[str] = field(default_factory=Counter)
    locations: PRF = field(default_factory=PRF)
    dates: PRF = field(default_factory=PRF)
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def relevance_accuracy(self) -> float:
        return self.relevance_correct / self.documents if self.documents else 0.0

    def attr_accuracy(self, name: str) -> float:
        matched = self.figures.tp
        return self.figure_attr[name] / matched if matched else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "extractor": self.extractor,
            "documents": self.documents,
            "relevance_accuracy": round(self.relevance_accuracy, 4),
            "categories": self.categories.as_dict(),
            "figures": {
                **self.figures.as_dict(),
                "qualifier_accuracy": round(self.attr_accuracy("qualifier"), 4),
                "subject_accuracy": round(self.attr_accuracy("subject"), 4),
                "as_of_accuracy": round(self.attr_accuracy("as_of"), 4),
            },
            "event_locations": self.locations.as_dict(),
            "event_dates": self.dates.as_dict(),
        }


def _match_figures(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], report: EvalReport
) -> tuple[list[Any], list[Any]]:
    free = [p for p in pred if not p.get("derived")]
    report.figures.gold += len(gold)
    report.figures.pred += len(free)
    missed: list[Any] = []
    for g in gold:
        candidates = [p for p in free if p["measure"] == g["measure"] and p["value"] == g["value"]]
        if not candidates:
            missed.append((g["measure"], g["value"]))
            continue
        best = max(
            candidates,
            key=lambda p: (
                (p["subject"] == g["subject"])
                + (p["qualifier"] == g["qualifier"])
                + (p["as_of"] == g["as_of"])
            ),
        )
        free.remove(best)
        report.figures.tp += 1
        for attr in ("qualifier", "subject", "as_of"):
            report.figure_attr[attr] += best[attr] == g[attr]
    return missed, [(p["measure"], p["value"]) for p in free]


def _pred_locations(result: dict[str, Any]) -> dict[str, set[str]]:
    """Predicted event locations: display key -> every key it may match by."""
    out: dict[str, set[str]] = {}
    for event in result.get("events", []):
        for loc in event.get("locations", []):
            keys = {location_key(loc["name"]), location_key(loc.get("mention") or loc["name"])}
            keys |= {location_key(a) for a in loc.get("alternates", [])}
            out.setdefault(location_key(loc["name"]), set()).update(keys)
    return out


def _match_locations(gold: set[str], pred: dict[str, set[str]]) -> dict[str, str]:
    """Pair gold names with predicted places, each used at most once (a place whose alternates
    cover two gold names, such as a city and its district, earns one match, not two).

    Gold names with fewest candidates are served first, which finds the largest pairing in the
    small sets a document has.
    """
    candidates = {g: [p for p, keys in pred.items() if g in keys] for g in gold}
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for g in sorted(gold, key=lambda name: (len(candidates[name]), name)):
        free = [p for p in candidates[g] if p not in used]
        if free:
            pairs[g] = free[0]
            used.add(free[0])
    return pairs


def _pred_dates(result: dict[str, Any]) -> set[str]:
    days: set[str] = set()
    for event in result.get("events", []):
        days.update(event.get("dates") or [])
        if event.get("date_precision") == "day":
            days.update(d for d in (event.get("date"), event.get("date_end")) if d)
    return days


def _read_gold(gold_path: Path) -> list[dict[str, Any]]:
    try:
        lines = gold_path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise UnreadableSource(str(gold_path), f"cannot read gold file: {exc}") from exc
    gold = []
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                gold.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{gold_path}:{n}: not JSON: {exc}") from exc
    return gold


def _document_path(docs_dir: Path, doc_id: str) -> Path:
    """``<id>.txt`` in ``docs_dir``, else the one file named ``<id>.<ext>`` (html, pdf, ...)."""
    path = docs_dir / f"{doc_id}.txt"
    if path.is_file():
        return path
    others = sorted(p for p in docs_dir.glob(f"{glob.escape(doc_id)}.*") if p.is_file())
    if len(others) == 1:
        return others[0]
    reason = "gold names a missing document" if not others else "several files share the id"
    raise UnreadableSource(str(path), reason)


def _parse(path: Path, url: str | None, cfg: Any) -> Any:
    """The document as ingestion would store it: a text file decoded as ingestion decodes it
    (with the gold's url, which may date the article), any other kind through the sources and
    parser of ingestion."""
    from harmwatch.errors import RejectedInput
    from harmwatch.ingest.decode import decode_bytes
    from harmwatch.ingest.load import Loaded, load_sources
    from harmwatch.ingest.plaintext import parse_plain_text

    if path.suffix == ".txt":
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise UnreadableSource(str(path), f"cannot read: {exc}") from exc
        return parse_plain_text(decode_bytes(raw, str(path))[0], url)
    found = next(iter(load_sources([str(path)], cfg)), None)
    if isinstance(found, Loaded):
        return found.parsed
    if isinstance(found, RejectedInput):
        raise found
    raise UnreadableSource(str(path), "no document in this file")


def gold_documents(gold_path: str | Path, docs_dir: str | Path) -> Iterator[tuple[Any, Path, Any]]:
    """Each annotation of ``gold_path`` with its document's path in ``docs_dir`` and the
    document as ingestion would store it (``.text``, ``.published``, ...)."""
    from harmwatch.config import load_config

    docs_dir = Path(docs_dir)
    cfg = load_config()
    for g in _read_gold(Path(gold_path)):
        path = _document_path(docs_dir, g["id"])
        yield g, path, _parse(path, g.get("url"), cfg)


def evaluate(
    gold_path: str | Path, docs_dir: str | Path, extractor: str = "extractor.rules.v1"
) -> EvalReport:
    """Run ``extractor`` on every gold document and score it."""
    from harmwatch.extract import extract_text

    report = EvalReport(extractor=extractor)
    for g, path, parsed in gold_documents(gold_path, docs_dir):
        result = extract_text(
            parsed.text,
            published=parsed.published,
            title=parsed.title,
            language=parsed.language,
            source=str(path),
            extractor=extractor,
        )
        _score(g, result, report)
    return report


def agreement(gold_path: str | Path, other_path: str | Path) -> EvalReport:
    """Score a second annotation (gold format) of some of the gold documents against the first.

    This is inter-annotator agreement measured with the extractor's own metrics: the
    ceiling an extractor can be held to on that data. The documents scored are those of
    ``other_path`` (a second annotation may cover a sample); each must be in ``gold_path``.
    """
    gold_path, other_path = Path(gold_path), Path(other_path)
    gold = {g["id"]: g for g in _read_gold(gold_path)}
    report = EvalReport(extractor=f"annotation:{other_path.name}")
    for other in _read_gold(other_path):
        first = gold.get(other["id"])
        if first is None:
            raise ConfigError(f"{gold_path}: no annotation of {other['id']!r}")
        _score(first, _as_result(other), report)
    return report


def _as_result(annotation: dict[str, Any]) -> dict[str, Any]:
    """A gold-format annotation in the shape of an extraction result (one event holding every
    location and date), so the same scoring reads both."""
    return {
        "relevant": annotation["relevant"],
        "categories": annotation["categories"],
        "figures": annotation["figures"],
        "events": [
            {
                "locations": [{"name": n} for n in annotation.get("event_locations", [])],
                "dates": annotation.get("event_dates", []),
            }
        ],
    }


def _score(g: dict[str, Any], result: dict[str, Any], report: EvalReport) -> None:
    """Add one document's comparison (gold ``g`` against ``result``) to ``report``."""
    report.documents += 1
    report.relevance_correct += result["relevant"] == g["relevant"]
    detail: dict[str, Any] = {"id": g["id"], "relevant": [g["relevant"], result["relevant"]]}
    if g["relevant"]:
        gc, pc = set(g["categories"]), set(result["categories"])
        report.categories.tp += len(gc & pc)
        report.categories.gold += len(gc)
        report.categories.pred += len(pc)
        detail["categories_missed"] = sorted(gc - pc)
        detail["categories_extra"] = sorted(pc - gc)
        missed, extra = _match_figures(g["figures"], result["figures"], report)
        detail["figures_missed"], detail["figures_extra"] = missed, extra
    gold_locs = {location_key(n) for n in g.get("event_locations", [])}
    pred_locs = _pred_locations(result)
    pairs = _match_locations(gold_locs, pred_locs)
    report.locations.tp += len(pairs)
    report.locations.gold += len(gold_locs)
    report.locations.pred += len(pred_locs)
    detail["locations_missed"] = sorted(gold_locs - set(pairs))
    detail["locations_extra"] = sorted(set(pred_locs) - set(pairs.values()))
    gold_days, pred_days = set(g.get("event_dates", [])), _pred_dates(result)
    report.dates.tp += len(gold_days & pred_days)
    report.dates.gold += len(gold_days)
    report.dates.pred += len(pred_days)
    detail["dates_missed"] = sorted(gold_days - pred_days)
    detail["dates_extra"] = sorted(pred_days - gold_days)
    report.details.append(detail)
