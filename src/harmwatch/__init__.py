"""harmwatch: verifiable, source-attributed incident records from conflict reports.

The public API is ``__all__``; names are imported on first use so ``import harmwatch`` stays
cheap for the command line and for worker processes.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Config": "harmwatch.config",
    "load_config": "harmwatch.config",
    "Archive": "harmwatch.evidence.archive",
    "open_archive": "harmwatch.evidence.archive",
    "ingest": "harmwatch.ingest.pipeline",
    "IngestSummary": "harmwatch.ingest.pipeline",
    "parse_plain_text": "harmwatch.ingest.plaintext",
    "ParsedText": "harmwatch.ingest.plaintext",
    "verify": "harmwatch.evidence.verify",
    "VerifyReport": "harmwatch.evidence.verify",
    "search": "harmwatch.store.search",
    "HarmwatchError": "harmwatch.errors",
    "RejectedInput": "harmwatch.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'harmwatch' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
