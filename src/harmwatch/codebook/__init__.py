"""The codebook v1 as data: categories, measures, qualifiers, subjects and their cues.

``codebook.yaml`` is the single place the vocabulary is spelled out; this loader validates it
once, expands ``{lexicon}`` references inside cue patterns and compiles every pattern, so the
extraction stages only ever ask the codebook ("which categories does this sentence cue?")
instead of carrying their own word lists. A malformed file raises :class:`ConfigError` with the
offending key, because a silent half-loaded codebook would skew every extraction.

Next to each compiled cue the loader keeps its anchor prefixes (:mod:`.anchors`), the word starts
a match must begin with, so the extractor tries a cue only at the few words where it can match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from harmwatch.codebook.anchors import AnchoredPattern, anchor
from harmwatch.errors import ConfigError

__all__ = [
    "CATEGORY_CODES",
    "HARM_CATEGORIES",
    "MEASURES",
    "OBJECT_SUBJECTS",
    "QUALIFIERS",
    "SUBJECTS",
    "AnchoredPattern",
    "Category",
    "Codebook",
    "CodebookAnchors",
    "load_codebook",
]

#: The fixed code lists of codebook v1 (brief.md); the YAML must define exactly these.
CATEGORY_CODES: tuple[str, ...] = (
    "armed_clash",
    "shelling",
    "air_strike",
    "killing",
    "torture",
    "detention",
    "displacement",
    "blockade",
    "attack_on_health",
    "attack_on_education",
    "heritage_destruction",
    "property_destruction",
    "prohibited_weapons",
    "hate_speech",
    "sexual_violence",
    "response",
)
HARM_CATEGORIES: frozenset[str] = frozenset(c for c in CATEGORY_CODES if c != "response")
MEASURES: tuple[str, ...] = (
    "killed",
    "injured",
    "displaced",
    "detained",
    "missing",
    "affected",
    "damaged",
)
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "more_than", "about", "up_to")
SUBJECTS: tuple[str, ...] = (
    "civilians",
    "children",
    "women",
    "elderly",
    "soldiers",
    "prisoners_of_war",
    "officials",
    "journalists",
    "medical_staff",
    "people",
    "buildings",
    "settlements",
    "monuments",
    "schools",
    "hospitals",
)

#: The subjects that are things, not people (a count of them is of damaged objects).
OBJECT_SUBJECTS: frozenset[str] = frozenset(
    {"buildings", "settlements", "monuments", "schools", "hospitals"}
)

_LEXICON_REF = re.compile(r"\{([a-z_]+)\}")
_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Category:
    """One category: its definition, whether it is harm, its conflict gate and compiled cues."""

    code: str
    definition: str
    harm: bool
    gate: str
    cues: tuple[re.Pattern[str], ...]
    pairs: tuple[tuple[str, str, int], ...] = ()
    #: ``cues`` with their anchor prefixes, in the same order.
    anchored: tuple[AnchoredPattern, ...] = ()


@dataclass(frozen=True, slots=True)
class CodebookAnchors:
    """The codebook's patterns with their anchor prefixes (:mod:`.anchors`), same keys.

    The extractor scans with these through a document's word index; the plain patterns stay
    for everything else.
    """

    lexicons: dict[str, AnchoredPattern]
    targets: dict[str, AnchoredPattern]
    weapons: dict[str, AnchoredPattern]
    conflict: AnchoredPattern
    disaster: AnchoredPattern
    measure_right: dict[str, AnchoredPattern]
    measure_left: dict[str, AnchoredPattern]
    subjects: dict[str, AnchoredPattern]


@dataclass(frozen=True, slots=True)
class Codebook:
    """The loaded, compiled codebook. Immutable and shared by every extraction."""

    version: str
    name: str
    lexicons: dict[str, str]
    categories: dict[str, Category]
    measure_definitions: dict[str, str]
    measure_right: dict[str, re.Pattern[str]]
    measure_left: dict[str, re.Pattern[str]]
    qualifiers: dict[str, re.Pattern[str]]
    subjects: dict[str, re.Pattern[str]]
    negators: re.Pattern[str]
    combined: re.Pattern[str]
    non_count_units: re.Pattern[str]
    targets: dict[str, re.Pattern[str]]
    weapons: dict[str, re.Pattern[str]]
    conflict: re.Pattern[str]
    disaster: re.Pattern[str]
    lexicon_patterns: dict[str, re.Pattern[str]]
    anchors: CodebookAnchors
    raw: dict[str, Any] = field(repr=False, compare=False)


def _expand(pattern: str, lexicons: dict[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lexicons:
            raise ConfigError(f"codebook: {where} names unknown lexicon {{{name}}}")
        return lexicons[name]

    return _LEXICON_REF.sub(sub, pattern)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise ConfigError(f"codebook: bad pattern in {where}: {exc}") from exc


def _alternation(words: list[str], where: str, anchored: str = "word") -> re.Pattern[str]:
    """One regex that matches any of ``words`` as whole words."""
    if not words:
        return re.compile(r"(?!x)x")
    body = "|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True))
    if anchored == "word":
        body = rf"(?<![\w-])(?:{body})(?![\w])"
    return _compile(body, where)


def _anchor_all(patterns: dict[str, re.Pattern[str]]) -> dict[str, AnchoredPattern]:
    return {k: anchor(p) for k, p in patterns.items()}


def _require(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise ConfigError(f"codebook: '{key}' missing or not a {kind.__name__}")
    return value


def parse_codebook(data: dict[str, Any]) -> Codebook:
    """Validate and compile a codebook mapping (the parsed YAML)."""
    lexicons: dict[str, str] = {}
    for k, v in _require(data, "lexicons", dict).items():  # a lexicon may name earlier ones
        lexicons[k] = _expand(str(v), lexicons, f"lexicons.{k}")
    cats_raw = _require(data, "categories", dict)
    if set(cats_raw) != set(CATEGORY_CODES):
        missing = sorted(set(CATEGORY_CODES) - set(cats_raw))
        extra = sorted(set(cats_raw) - set(CATEGORY_CODES))
        raise ConfigError(f"codebook: categories differ from v1 (missing {missing}, extra {extra})")
    categories: dict[str, Category] = {}
    for code in CATEGORY_CODES:
        spec = cats_raw[code]
        cues = tuple(
            _compile(_expand(p, lexicons, f"categories.{code}"), f"categories.{code}")
            for p in spec.get("cues", [])
        )
        pairs = []
        for pair in spec.get("pairs", []) or []:
            for key in ("first", "then"):
                if pair.get(key) not in lexicons:
                    raise ConfigError(f"codebook: categories.{code}.pairs names unknown lexicon")
            pairs.append((str(pair["first"]), str(pair["then"]), int(pair.get("within", 60))))
        categories[code] = Category(
            code=code,
            definition=str(spec.get("definition", "")),
            harm=bool(spec.get("harm", code != "response")),
            gate=str(spec.get("gate", "none")),
            cues=cues,
            pairs=tuple(pairs),
            anchored=tuple(anchor(p) for p in cues),
        )
    measures = _require(data, "measures", dict)
    if set(measures) != set(MEASURES):
        raise ConfigError("codebook: measures differ from v1")
    cues = _require(data, "measure_cues", dict)
    right = {m: _alternation(cues[m].get("right", []), f"measure_cues.{m}") for m in MEASURES}
    left = {m: _alternation(cues[m].get("left", []), f"measure_cues.{m}") for m in MEASURES}
    quals = _require(data, "qualifiers", dict)
    if set(quals) != set(QUALIFIERS):
        raise ConfigError("codebook: qualifiers differ from v1")
    subjects = _require(data, "subjects", dict)
    if set(subjects) != set(SUBJECTS):
        raise ConfigError("codebook: subjects differ from v1")
    targets = {
        k: _compile(rf"\b{_expand(v, lexicons, 'targets')}\b", f"targets.{k}")
        for k, v in data.get("targets", {}).items()
    }
    weapons = {
        k: _compile(rf"\b{_expand(v, lexicons, 'weapons')}\b", f"weapons.{k}")
        for k, v in data.get("weapons", {}).items()
    }
    subjects_re = {s: _alternation(w, f"subjects.{s}") for s, w in subjects.items()}
    conflict = _compile(rf"\b{lexicons['conflict']}\b", "lexicons.conflict")
    disaster = _compile(rf"\b{lexicons['disaster']}\b", "lexicons.disaster")
    lexicon_patterns = {k: _compile(rf"\b{v}\b", f"lexicons.{k}") for k, v in lexicons.items()}
    return Codebook(
        version=str(_require(data, "version", str)),
        name=str(data.get("name", "harmwatch-codebook")),
        lexicons=lexicons,
        categories=categories,
        measure_definitions={m: str(v.get("definition", "")) for m, v in measures.items()},
        measure_right=right,
        measure_left=left,
        qualifiers={q: _alternation(w, f"qualifiers.{q}") for q, w in quals.items()},
        subjects=subjects_re,
        negators=_alternation(data.get("negators", []), "negators"),
        combined=_alternation(data.get("combined", []), "combined"),
        non_count_units=_alternation(data.get("non_count_units", []), "non_count_units"),
        targets=targets,
        weapons=weapons,
        conflict=conflict,
        disaster=disaster,
        lexicon_patterns=lexicon_patterns,
        anchors=CodebookAnchors(
            lexicons=_anchor_all(lexicon_patterns),
            targets=_anchor_all(targets),
            weapons=_anchor_all(weapons),
            conflict=anchor(conflict),
            disaster=anchor(disaster),
            measure_right=_anchor_all(right),
            measure_left=_anchor_all(left),
            subjects=_anchor_all(subjects_re),
        ),
        raw=data,
    )


@lru_cache(maxsize=8)
def load_codebook(path: str | None = None) -> Codebook:
    """Load the packaged codebook (or the YAML file at ``path``), compiled and cached."""
    try:
        if path is None:
            text = resources.files(__name__).joinpath("codebook.yaml").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"codebook: cannot read {path or 'codebook.yaml'}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError("codebook: top level is not a mapping")
    return parse_codebook(data)
