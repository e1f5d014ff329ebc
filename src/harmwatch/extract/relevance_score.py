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
from functools import lru_cache
from importlib import resources
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
        # from its two numbers: a text's pairs are then counted as ints, without a tuple of
        # two strings per pair of the text (faster to build, hash and compare). Words the
        # model does not know all get the number ``unknown``, whose pairs are no key of the
        # table.
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
            words = _TOKEN.findall(text.lower())
        # One pass over the words (scikit-learn's tokens are the runs of two or more word
        # characters): the known words and the known pairs of tokens are counted, each in
        # the order of its first occurrence. A pair with an unknown word is no term, so an
        # unknown word ends the pair before it and starts none. (One loop does less than
        # the chained iterators and two counters did, compiled or not.)
        ids, unknown, base, pairs = self.ids, self.unknown, self.base, self.pairs
        word_counts: dict[str, int] = {}
        pair_counts: dict[int, int] = {}
        tokens = 0
        prev = -1  # the id of the token before, -1 after an unknown one
        for word in words:
            if len(word) < 2:
                continue
            tokens += 1
            i = ids.get(word, unknown)
            if i == unknown:
                prev = -1
                continue
            word_counts[word] = word_counts.get(word, 0) + 1
            if prev >= 0:
                key = prev * base + i
                if key in pairs:
                    pair_counts[key] = pair_counts.get(key, 0) + 1
            prev = i
        if tokens < MIN_WORDS:
            return None
        squares = dot = 0.0
        # Summed in the order strings were counted in before: words, then pairs, each by
        # first occurrence (so the very same floats).
        weights = self.words
        for word, n in word_counts.items():
            found = weights[ids[word]]
            if found is not None:
                w = (1.0 + math.log(n)) * found[0] if n > 1 else found[0]
                squares += w * w
                dot += w * found[1]
        for key, n in pair_counts.items():
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
