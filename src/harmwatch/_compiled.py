"""Run the compiled extractor only when it was built from the sources beside it.

``make fast`` compiles the extractor's hot path with mypyc (see ``setup.py``): a C extension
next to each ``.py`` file, which Python imports in preference to the ``.py``. In an editable
install a developer who then edits a ``.py`` file (or pulls, or switches branch) would silently
keep running the old compiled code. So the build records the SHA-256 of every source it
compiled (``harmwatch/_compiled.json``), and :func:`prefer_current_sources`, called by
``harmwatch.extract`` before any of its modules is imported, compares them with the sources as
they are now. When one differs, *all* compiled modules are imported from their ``.py`` files
instead (compiled modules call each other directly, so mixing old and new would still run old
code) and one line on stderr says so. ``HARMWATCH_PURE=1`` does the same on request, silently.

Extensions found without the record (built by hand) are not trusted either.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["compiled_modules", "prefer_current_sources"]

_PACKAGE = Path(__file__).resolve().parent
_STAMP = _PACKAGE / "_compiled.json"
#: Where compiled modules can be (searched for extensions that have no record).
_DIRS = ("extract", "extract/places")
_installed: _SourcesFirst | None = None


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Finds the listed modules' ``.py`` files ahead of their compiled extensions."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        leaf = fullname.rpartition(".")[2] + ".py"
        for entry in path or ():
            source = Path(entry) / leaf
            if source.is_file():
                return importlib.util.spec_from_file_location(fullname, source)
        return None


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _source_of(module: str) -> Path:
    return _PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py")


def _stale(module: str, recorded: dict[str, str]) -> bool:
    """Not built from the source beside it (a module without source cannot be checked)."""
    current = _digest(_source_of(module))
    return current is not None and recorded.get(module) != current


def _unrecorded() -> set[str]:
    """Modules that have a compiled extension beside them although no build recorded it."""
    found = set()
    for sub in _DIRS:
        folder = _PACKAGE / sub
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            for ext in folder.glob("*" + suffix):
                stem = ext.name[: -len(suffix)]
                found.add(".".join(("harmwatch", *sub.split("/"), stem)))
    return found


def prefer_current_sources() -> None:
    """Import the ``.py`` files instead of compiled modules that do not match them (or of all
    compiled modules with ``HARMWATCH_PURE=1``). Cheap: about 20 files hashed, once."""
    global _installed
    if _installed is not None:
        return
    try:
        recorded: dict[str, str] = json.loads(_STAMP.read_text("utf-8"))["modules"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = {}
    names = set(recorded) | _unrecorded()
    if not names:
        return  # a pure-Python install
    if os.environ.get("HARMWATCH_PURE", "") not in ("", "0"):
        stale = sorted(names)
    else:
        stale = sorted(m for m in names if _stale(m, recorded))
        if not stale:
            return
        print(
            f"harmwatch: compiled {stale[0]}{' and others' if len(stale) > 1 else ''} "
            "no longer matches its source: running pure Python (make fast rebuilds, "
            "make pure removes the compiled modules)",
            file=sys.stderr,
        )
    _installed = _SourcesFirst(names)
    sys.meta_path.insert(0, _installed)


def compiled_modules() -> list[str]:
    """The modules of ``harmwatch`` loaded from compiled extensions (empty: pure Python)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("harmwatch.")
        and not name.endswith("__mypyc")  # the library the compiled modules share
        and (getattr(module, "__file__", "") or "").endswith(suffixes)
    )
