"""Extractors by versioned name — the one place extension points are declared.

An extractor is any callable ``(text, *, published, title, language, source, sha256) -> dict``
returning the extraction contract. Built-ins register here the same way a plug-in would
(``register("extractor.llm.v1", fn)``), so ``harmwatch evaluate --extractor NAME`` scores an ML or
LLM extractor with exactly the same gold and metrics as the rules. Names carry their version so
stored extractions of different extractors can sit side by side and be compared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from harmwatch.errors import ConfigError

__all__ = ["Extractor", "available", "get", "register"]


class Extractor(Protocol):
    """The call signature every registered extractor implements."""

    def __call__(
        self,
        text: str,
        *,
        published: Any = None,
        title: str | None = None,
        language: str | None = None,
        source: str | None = None,
        sha256: str | None = None,
    ) -> dict[str, Any]: ...


_REGISTRY: dict[str, Callable[..., dict[str, Any]]] = {}


def register(name: str, fn: Callable[..., dict[str, Any]] | None = None) -> Any:
    """Register ``fn`` under ``name`` (usable as a decorator). Names look like
    ``extractor.<family>.v<N>``; registering a taken name is a configuration error."""
    if not name.startswith("extractor.") or ".v" not in name:
        raise ConfigError(f"extractor name {name!r} must look like 'extractor.<family>.v<N>'")

    def add(f: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        if name in _REGISTRY and _REGISTRY[name] is not f:
            raise ConfigError(f"extractor {name!r} is already registered")
        _REGISTRY[name] = f
        return f

    return add(fn) if fn is not None else add


def get(name: str) -> Callable[..., dict[str, Any]]:
    """The extractor registered as ``name``; :class:`ConfigError` listing the known ones."""
    _builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown extractor {name!r}; known: {', '.join(available())}") from None


def available() -> list[str]:
    """Registered extractor names, sorted."""
    _builtins()
    return sorted(_REGISTRY)


def _builtins() -> None:
    if "extractor.rules.v1" not in _REGISTRY:
        from harmwatch.extract.pipeline import EXTRACTOR_NAME, extract_rules_v1

        register(EXTRACTOR_NAME, extract_rules_v1)
