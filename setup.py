"""Build hook for the optional compiled extractor; the package metadata is in pyproject.toml.

A plain install (``pip install -e .``, ``make demo``, ``make test``) builds nothing: harmwatch
is pure Python. With ``HARMWATCH_COMPILE=1`` in the environment (``make fast`` sets it), the
modules of :data:`COMPILED` are compiled to C extensions with mypyc, from the unchanged ``.py``
files, and ``harmwatch/_compiled.json`` records the SHA-256 of each source they were built from;
at import, :mod:`harmwatch._compiled` runs the ``.py`` files instead of extensions that no
longer match their sources. Whatever goes wrong in that build (no mypy in the build
environment, a type error, no C compiler) is reported as a warning and the install goes on as
pure Python: compiling is a speed-up, never a requirement.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"
#: The extractor's hot path (docs/extraction.md, "Speed"); each module must type-check with
#: mypy. relevance_model (the fitting) stays Python: ``python -m harmwatch.extract.relevance_model``
#: needs its source module; its inference is relevance_score.
COMPILED = [
    "harmwatch/extract/actors.py",
    "harmwatch/extract/categories.py",
    "harmwatch/extract/dates.py",
    "harmwatch/extract/event_places.py",
    "harmwatch/extract/events.py",
    "harmwatch/extract/figures.py",
    "harmwatch/extract/measure_cues.py",
    "harmwatch/extract/numbers.py",
    "harmwatch/extract/pipeline.py",
    "harmwatch/extract/relevance.py",
    "harmwatch/extract/relevance_score.py",
    "harmwatch/extract/sites.py",
    "harmwatch/extract/text.py",
    "harmwatch/extract/wordindex.py",
    "harmwatch/extract/places/cues.py",
    "harmwatch/extract/places/disambiguate.py",
    "harmwatch/extract/places/lookup.py",
    "harmwatch/extract/places/normalize.py",
    "harmwatch/extract/places/records.py",
    "harmwatch/extract/places/spans.py",
    "harmwatch/extract/places/tokens.py",
]
STAMP = "harmwatch/_compiled.json"


def _warn(message: str) -> None:
    print(f"harmwatch: {message}; installing pure Python", file=sys.stderr)


def _stamp() -> str:
    """What the compiled modules were built from: module name -> SHA-256 of its source."""
    modules = {
        path.removesuffix(".py").replace("/", "."): hashlib.sha256(
            (SRC / path).read_bytes()
        ).hexdigest()
        for path in COMPILED
    }
    return json.dumps({"compiler": "mypyc", "modules": modules}, indent=1, sort_keys=True) + "\n"


class OptionalBuildExt(build_ext):
    """build_ext that falls back to pure Python when compiling fails, and writes the stamp."""

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as exc:  # no compiler, a compile or link error: stay pure Python
            _warn(f"compiling the extractor failed ({exc})")
            return
        target = SRC if self.inplace else Path(self.build_lib)
        (target / STAMP).write_text(_stamp(), encoding="utf-8")


def _ext_modules() -> list:
    if os.environ.get("HARMWATCH_COMPILE", "") not in ("1", "yes", "true"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("HARMWATCH_COMPILE is set but mypy is not installed where this builds")
        return []
    try:
        return mypycify(
            [f"src/{path}" for path in COMPILED], opt_level="3", group_name="harmwatch._native"
        )
    except (Exception, SystemExit) as exc:  # mypyc exits on a type error
        _warn(f"mypyc could not compile the extractor ({exc})")
        return []


setup(ext_modules=_ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
