"""The curated data files of the gazetteer, loaded and checked once.

``lexicon.yaml`` holds the words the finder reads around names (titles, connectors, cues);
``countries.yaml`` the country aliases and demonyms; ``regions.yaml`` and ``supplement.yaml``
the places. They are data so that analysts can read and extend them without reading code;
this module is the single boundary where a broken file becomes a :class:`ConfigError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from harmwatch.errors import ConfigError
from harmwatch.extract.places.normalize import normalise
from harmwatch.extract.places.schema import data_dir

log = logging.getLogger(__name__)

_LEXICON_KEYS = (
    "titles",
    "connectors",
    "site_words",
    "region_suffixes",
    "place_nouns",
    "place_cues",
    "near_cues",
    "locatives",
    "compass",
    "speech_verbs",
    "never",
    "descriptors",
    "world_regions",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Normalised word sets used by the finder (see ``lexicon.yaml`` for what each is for)."""

    titles: frozenset[str]
    connectors: frozenset[str]
    site_words: frozenset[str]
    region_suffixes: tuple[str, ...]
    place_nouns: frozenset[str]
    place_cues: frozenset[str]
    near_cues: frozenset[str]
    locatives: frozenset[str]
    compass: frozenset[str]
    speech_verbs: frozenset[str]
    never: frozenset[str]
    descriptors: frozenset[str]
    world_regions: frozenset[str]
    demonyms: dict[str, str]  # normalised demonym -> ISO-2
    common_words: frozenset[str]


def load_yaml(name: str) -> Any:
    """Parse one packaged data file; a broken file is a configuration error, not a crash."""
    path = data_dir() / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"gazetteer data file {name} cannot be read: {exc}") from exc


def load_common_words() -> frozenset[str]:
    """``common_words.txt``: one lowercase word a line, ``#`` comments."""
    text = (data_dir() / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and normalise ``lexicon.yaml`` and the demonyms of ``countries.yaml`` (cached)."""
    raw = load_yaml("lexicon.yaml")
    if not isinstance(raw, dict) or any(k not in raw for k in _LEXICON_KEYS):
        missing = [k for k in _LEXICON_KEYS if not isinstance(raw, dict) or k not in raw]
        raise ConfigError(f"lexicon.yaml lacks sections: {', '.join(missing)}")

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(str(w)) for w in raw[key] if str(w).strip())

    demonyms: dict[str, str] = {}
    for iso, entry in (load_yaml("countries.yaml") or {}).items():
        for dem in (entry or {}).get("demonyms", []) or []:
            demonyms[normalise(dem)] = str(iso)
    return Lexicon(
        titles=words("titles"),
        connectors=words("connectors") | {"s"},
        site_words=words("site_words"),
        region_suffixes=tuple(normalise(str(w)) for w in raw["region_suffixes"]),
        place_nouns=words("place_nouns"),
        place_cues=words("place_cues"),
        near_cues=words("near_cues"),
        locatives=words("locatives"),
        compass=words("compass"),
        speech_verbs=words("speech_verbs"),
        never=words("never"),
        descriptors=words("descriptors"),
        world_regions=words("world_regions"),
        demonyms=demonyms,
        common_words=load_common_words(),
    )
