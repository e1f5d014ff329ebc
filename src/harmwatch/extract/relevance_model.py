"""Stage 9b: a learned second opinion on relevance, which can only take it away.

The rules decide relevance from cues: a document is relevant when a sentence cues a harm
category behind the conflict gates. Their typical error is the hard negative that reads like
conflict harm sentence by sentence — a mass shooting by a lone gunman, a cartel massacre, an
ammunition-depot fire, a fuel-tank explosion — where no single sentence says "this is crime" or
"this is an accident", but the document as a whole does.

This stage reads the document as a whole: a logistic regression over TF-IDF weights of its
words and word pairs, fit on the project's annotated dev split (``tests/data/extract``, written
for the project; never on held-aside or third-party text). When the rules call a document
relevant and the model gives it a probability of relevance below :data:`THRESHOLD` (its own
decision boundary), the document's harm categories are dropped: it keeps its figures, places,
dates and ``response``, as the other background guards of :mod:`.relevance` do. The model never
makes a document relevant, and it does not read texts shorter than :data:`MIN_WORDS` words (it
was fit on articles of 1,200-4,400 characters; a sentence or a paragraph says too little about
the whole).

The fitted weights ship as ``relevance_model.json`` beside this module, with the hash of the
data they were fit on; inference is plain Python in :mod:`.relevance_score` (the TF-IDF and
logistic-regression arithmetic of scikit-learn, re-done). This module fits: ``python -m
harmwatch.extract.relevance_model`` (or ``make relevance-model``) fits them again, with
scikit-learn from the dev extras; a test fails when the dev split changes and the shipped
weights were not refit on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from harmwatch.extract.relevance_score import (
    MIN_WORDS,
    MODEL_FILE,
    THRESHOLD,
    RelevanceModel,
    load_model,
)

__all__ = [
    "MIN_WORDS",
    "THRESHOLD",
    "RelevanceModel",
    "data_fingerprint",
    "fit",
    "load_model",
]

#: Fit settings (scikit-learn names): words and word pairs seen in at least ``min_df`` dev
#: documents, sublinear term frequency, L2-normalised; inverse regularisation ``C``.
SETTINGS: dict[str, Any] = {"ngram_range": [1, 2], "min_df": 3, "sublinear_tf": True, "C": 10.0}
#: Digits kept in the shipped weights (the file stays small; probabilities move < 1e-6).
DIGITS = 7


def data_fingerprint(texts: list[str], labels: list[bool]) -> str:
    """A hash of the training documents and their labels, kept with the weights."""
    h = hashlib.sha256()
    for text, label in zip(texts, labels, strict=True):
        h.update(hashlib.sha256(text.encode("utf-8")).digest())
        h.update(b"1" if label else b"0")
    return h.hexdigest()


def training_data(gold: Path, docs: Path) -> tuple[list[str], list[bool]]:
    """The texts (as the extractor receives them) and gold relevance of a gold file."""
    from harmwatch.extract.evaluate import gold_documents

    texts: list[str] = []
    labels: list[bool] = []
    for g, _path, parsed in gold_documents(gold, docs):
        texts.append(parsed.text)
        labels.append(bool(g["relevant"]))
    return texts, labels


def fit(texts: list[str], labels: list[bool], source: str) -> dict[str, Any]:
    """Fit the model with scikit-learn (dev extras) and return it in the shipped format."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - only without the dev extras
        raise SystemExit(
            "fitting the relevance model needs scikit-learn: pip install -e '.[dev]'"
        ) from exc
    vec = TfidfVectorizer(
        sublinear_tf=SETTINGS["sublinear_tf"],
        min_df=SETTINGS["min_df"],
        ngram_range=tuple(SETTINGS["ngram_range"]),
    )
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=SETTINGS["C"], max_iter=5000)
    clf.fit(x, labels)
    idf = vec.idf_
    coef = clf.coef_[0]
    terms = {
        term: [round(float(idf[i]), DIGITS), round(float(coef[i]), DIGITS)]
        for term, i in sorted(vec.vocabulary_.items())
    }
    return {
        "model": "tfidf-logistic-regression",
        "trained_on": {
            "source": source,
            "documents": len(texts),
            "relevant": sum(labels),
            "sha256": data_fingerprint(texts, labels),
        },
        "settings": SETTINGS,
        "intercept": round(float(clf.intercept_[0]), DIGITS),
        "terms": terms,
    }


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[3]
    data = root / "tests" / "data" / "extract"
    parser = argparse.ArgumentParser(description="Fit the relevance model on the dev split.")
    parser.add_argument("--gold", type=Path, default=data / "gold-dev.jsonl")
    parser.add_argument("--docs", type=Path, default=data / "docs")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name(MODEL_FILE))
    args = parser.parse_args(argv)
    texts, labels = training_data(args.gold, args.docs)
    try:
        source = str(args.gold.resolve().relative_to(root))
    except ValueError:
        source = args.gold.name
    model = fit(texts, labels, source)
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{args.out}: {len(model['terms'])} terms, fit on {len(texts)} documents")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
