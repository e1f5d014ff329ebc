"""Stage 9b, inference: the shipped relevance model's probability for one text.

The model and why it exists are described in :mod:`.relevance_model`, which also fits it
again (``python -m harmwatch.extract.relevance_model``, with scikit-learn). This module holds
only what extraction needs: the weights, read once from ``relevance_model.json``, and the
TF-IDF and logistic-regression arithmetic of scikit-learn, re-done in plain Python. It is kept
apart from the fitting code so that ``make fast`` can compile it with the rest of the hot path
(a module run with ``python -m`` must stay Python).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import compress, islice, repeat
from operator import add, mul
from typing import Any

__all__ = ["MIN_WORDS", "MODEL_FILE", "THRESHOLD", "RelevanceModel", "load_model"]

#: Below this probability of relevance the model vetoes the rules' relevance (the decision
#: boundary of a logistic regression; not tuned).
THRESHOLD = 0.5
#: Texts with fewer words are not read by the model.
MIN_WORDS = 150
#: scikit-learn's default token pattern: runs of two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")

MODEL_FILE = "relevance_model.json"


class RelevanceModel:
    """Fitted weights: per term its inverse document frequency and coefficient."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.meta: dict[str, Any] = data["trained_on"]
        self.intercept: float = data["intercept"]
        if data["settings"]["ngram_range"] != [1, 2]:
            raise ValueError(f"{MODEL_FILE}: only words and word pairs are read")
        # Every word of the model's terms is numbered, and a pair is keyed by one int made
        # from its two numbers: a text's words are then counted as ints, and its pairs as
        # ints too, without a tuple of two strings per pair of the text (faster to build,
        # hash and compare). Words the model does not know all get the number ``unknown``,
        # whose pairs are no key of the table.
        self.ids: dict[str, int] = {}
        for term in data["terms"]:
            for word in term.split(" "):
                self.ids.setdefault(word, len(self.ids))
        self.unknown = len(self.ids)
        self.base = self.unknown + 1  # pair key: first * base + second, one per pair
        self.words: list[tuple[float, float] | None] = [None] * self.unknown
        self.pairs: dict[int, tuple[float, float]] = {}
        for term, (idf, coef) in data["terms"].items():
            first, _, second = term.partition(" ")
            if second:
                self.pairs[self.ids[first] * self.base + self.ids[second]] = (idf, coef)
            else:
                self.words[self.ids[first]] = (idf, coef)

    def probability(self, text: str, words: list[str] | None = None) -> float | None:
        """Probability that ``text`` reports conflict harm; None when it is too short to say.

        ``words`` are the runs of word characters of ``text.lower()`` in order, when the
        caller has them (:meth:`.WordIndex.words`): the tokens are those two characters long
        or longer, and the text need not be tokenised again."""
        if words is None:
            tokens = _TOKEN.findall(text.lower())
        else:  # scikit-learn's tokens are the runs of two or more word characters
            tokens = list(compress(words, map((1).__lt__, map(len, words))))
        if len(tokens) < MIN_WORDS:
            return None
        ids = list(map(self.ids.get, tokens, repeat(self.unknown)))
        squares = dot = 0.0
        # Summed in the order strings were counted in before: words, then pairs, each by
        # first occurrence (so the very same floats).
        counts = Counter(ids)
        counts.pop(self.unknown, None)
        weights = self.words
        for i, n in counts.items():
            found = weights[i]
            if found is not None:
                w = (1.0 + math.log(n)) * found[0] if n > 1 else found[0]
                squares += w * w
                dot += w * found[1]
        pairs = self.pairs
        keys = map(add, map(mul, ids, repeat(self.base)), islice(ids, 1, None))
        # only the pairs the model knows are counted (filtered in C: most are not)
        for key, n in Counter(filter(pairs.__contains__, keys)).items():
            idf, coef = pairs[key]
            w = (1.0 + math.log(n)) * idf if n > 1 else idf
            squares += w * w
            dot += w * coef
        z = self.intercept + dot / (math.sqrt(squares) or 1.0)
        if z >= 0:  # the logistic function, without overflow for a large |z|
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def vetoes(self, text: str, words: list[str] | None = None) -> bool:
        """Whether the model says ``text`` does not report conflict harm (``words`` as for
        :meth:`probability`)."""
        p = self.probability(text, words)
        return p is not None and p < THRESHOLD


@lru_cache(maxsize=1)
def load_model() -> RelevanceModel | None:
    """The shipped model, or None when the package holds none."""
    ref = resources.files("harmwatch.extract").joinpath(MODEL_FILE)
    if not ref.is_file():
        return None
    return RelevanceModel(json.loads(ref.read_text("utf-8")))
