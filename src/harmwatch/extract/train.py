"""Train the learned place model (:mod:`.learned`) on annotated documents.

    python -m harmwatch.extract.train GOLD.jsonl DOCS_DIR [--out PATH] [--folds 5]

Every gold document is run through the rules; each candidate place is labelled by whether it
matches one of the gold event locations the way ``harmwatch evaluate`` matches them (name,
mention or alternate name, folded). A logistic regression with an L2 penalty is fitted by
full-batch gradient descent (no third-party library: the data is a few thousand rows of a few
dozen features). The threshold is the one with the best event-location F1 over
cross-validated scores (documents split into folds by their order, every fold scored by a
model that never saw it); the final weights are then fitted on every document. Training is
deterministic: the same gold and code give the same file.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from harmwatch.extract.learned import PLACE_MODEL, Candidate, LogisticModel, place_candidates

__all__ = ["Example", "collect", "cross_validate", "fit", "main"]

L2 = 0.01
ITERATIONS = 300
RATE = 0.3
FOLDS = 5


@dataclass(slots=True)
class Example:
    """One candidate place of one gold document, labelled."""

    doc: str
    features: dict[str, float]
    label: int
    addable: bool  # the rules' choice, or a place an event of the document can take


def fit(rows: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    """Logistic regression weights for ``rows`` of (features, label), by Adagrad steps."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    n = max(1, len(rows))
    for _ in range(ITERATIONS):
        grad: dict[str, float] = {}
        for feats, label in rows:
            z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
            err = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - label
            for k, v in feats.items():
                grad[k] = grad.get(k, 0.0) + err * v
        for k, g in grad.items():
            g = g / n + (L2 * weights.get(k, 0.0) if k != "bias" else 0.0)
            squares[k] = squares.get(k, 0.0) + g * g
            weights[k] = weights.get(k, 0.0) - RATE * g / (math.sqrt(squares[k]) + 1e-9)
    return weights


def _keys(c: Candidate) -> set[str]:
    from harmwatch.extract.evaluate import location_key

    names = {c.name}
    if c.location:
        names |= {c.location.get("mention") or c.name, *c.location.get("alternates", [])}
    for _, p in c.mentions:
        names |= {p.mention, *p.alternates}
    return {location_key(n) for n in names}


def collect(gold_path: Path, docs_dir: Path) -> tuple[list[Example], int]:
    """The labelled candidates of every gold document, and the number of gold locations."""
    from harmwatch.config import load_config
    from harmwatch.extract.evaluate import _document_path, _parse, _read_gold, location_key
    from harmwatch.extract.pipeline import cascade

    cfg = load_config()
    examples: list[Example] = []
    n_gold = 0
    for g in _read_gold(gold_path):
        parsed = _parse(_document_path(docs_dir, g["id"]), g.get("url"), cfg)
        out, facts = cascade(
            parsed.text,
            published=parsed.published,
            title=parsed.title,
            language=parsed.language,
        )
        gold = {location_key(n) for n in g.get("event_locations", [])}
        n_gold += len(gold)
        taken: set[str] = set()
        for c in place_candidates(parsed.text, facts, out):
            hit = sorted((_keys(c) & gold) - taken)
            if hit:
                taken.add(hit[0])  # one gold name is earned once, as in evaluate
            examples.append(
                Example(g["id"], c.features, int(bool(hit)), c.chosen or bool(out["events"]))
            )
    return examples, n_gold


def _f1(scored: list[tuple[float, Example]], threshold: float, n_gold: int) -> float:
    picked = [ex for p, ex in scored if p >= threshold and ex.addable]
    tp = sum(ex.label for ex in picked)
    return 2 * tp / (len(picked) + n_gold) if picked or n_gold else 1.0


def cross_validate(
    examples: list[Example], n_gold: int, folds: int = FOLDS
) -> tuple[float, float, float]:
    """(best threshold, its F1 out of fold, the rules' F1) over document folds."""
    docs = sorted({ex.doc for ex in examples})
    fold_of = {d: n % folds for n, d in enumerate(docs)}
    scored: list[tuple[float, Example]] = []
    for k in range(folds):
        model = LogisticModel(
            fit([(ex.features, ex.label) for ex in examples if fold_of[ex.doc] != k]), 0.5, {}
        )
        scored += [(model.score(ex.features), ex) for ex in examples if fold_of[ex.doc] == k]
    best = max((_f1(scored, t / 100, n_gold), t / 100) for t in range(10, 91, 2))
    rules = [(ex.features.get("chosen", 0.0), ex) for ex in examples]
    return best[1], best[0], _f1(rules, 1.0, n_gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(PLACE_MODEL))
    parser.add_argument("--folds", type=int, default=FOLDS)
    args = parser.parse_args(argv)
    examples, n_gold = collect(args.gold, args.docs)
    threshold, cv_f1, rules_f1 = cross_validate(examples, n_gold, args.folds)
    weights = fit([(ex.features, ex.label) for ex in examples])
    meta = {
        "trained_on": args.gold.name,
        "documents": len({ex.doc for ex in examples}),
        "candidates": len(examples),
        "gold_locations": n_gold,
        "folds": args.folds,
        "cv_location_f1": round(cv_f1, 4),
        "rules_location_f1": round(rules_f1, 4),
    }
    model = LogisticModel(weights, threshold, meta)
    args.out.write_text(json.dumps(model.as_dict(), indent=1, sort_keys=True) + "\n", "utf-8")
    print(json.dumps({"threshold": threshold, **meta}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
