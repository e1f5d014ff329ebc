"""One settings object for harmwatch: defaults, ``HARMWATCH_*`` environment variables, CLI flags.

Every setting is declared once in :data:`SETTINGS` with its type, default and help text; the CLI
and ``docs/settings.md`` are checked against this table by the test suite, so a setting cannot
exist undocumented.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from harmwatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "home",
        "HARMWATCH_HOME",
        "harmwatch-data",
        "Data directory: the SQLite database, blobs and the gazetteer live here by default.",
    ),
    Setting(
        "db",
        "HARMWATCH_DB",
        None,
        "Database URL. Default sqlite:///<home>/harmwatch.db; a postgresql+psycopg:// URL "
        "selects PostgreSQL.",
    ),
    Setting(
        "blobs",
        "HARMWATCH_BLOBS",
        None,
        "Directory of the content-addressed evidence blobs. Default <home>/blobs.",
    ),
    Setting(
        "gazetteer",
        "HARMWATCH_GAZETTEER",
        None,
        "Place index (SQLite) used by extraction; built on first use. Default "
        "<home>/gazetteer.sqlite.",
    ),
    Setting(
        "max_bytes",
        "HARMWATCH_MAX_BYTES",
        25 * 1024 * 1024,
        "Largest input accepted, in bytes (files, fetched bodies, WARC records).",
    ),
    Setting(
        "max_decompressed",
        "HARMWATCH_MAX_DECOMPRESSED",
        200 * 1024 * 1024,
        "Largest decompressed size of a .gz input, in bytes; beyond it the input is a "
        "compression bomb.",
    ),
    Setting(
        "fetch_timeout",
        "HARMWATCH_FETCH_TIMEOUT",
        20.0,
        "Seconds allowed for connecting to and reading from a URL.",
    ),
    Setting(
        "max_redirects",
        "HARMWATCH_MAX_REDIRECTS",
        5,
        "Redirects followed before a fetch is refused.",
    ),
    Setting(
        "user_agent",
        "HARMWATCH_USER_AGENT",
        "harmwatch/{version} (+documentation ingestion; contact your operator)",
        "User-Agent header sent with every fetch.",
    ),
    Setting(
        "allow_private",
        "HARMWATCH_ALLOW_PRIVATE",
        False,
        "Allow fetching loopback, private and link-local addresses (off: SSRF guard).",
    ),
    Setting(
        "workers",
        "HARMWATCH_WORKERS",
        0,
        "Parsing processes for ingestion; 0 means one per CPU core.",
    ),
    Setting(
        "actor",
        "HARMWATCH_ACTOR",
        None,
        "Who is recorded in the custody log. Default: the operating-system user.",
    ),
    Setting(
        "near_duplicate",
        "HARMWATCH_NEAR_DUPLICATE",
        0.8,
        "Estimated Jaccard similarity of word shingles above which a document is a near "
        "duplicate (syndicated copy) of an earlier one.",
    ),
)


def _coerce(setting: Setting, raw: str) -> Any:
    kind = type(setting.default)
    try:
        if kind is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if kind in (int, float):
            return kind(raw)
    except ValueError as exc:
        raise ConfigError(f"{setting.env}={raw!r}: expected {kind.__name__}") from exc
    return raw


@dataclass(frozen=True, slots=True)
class Config:
    """Resolved settings. Build with :func:`load_config`; override with :meth:`with_`."""

    home: Path = Path("harmwatch-data")
    db: str = ""
    blobs: Path = Path("harmwatch-data/blobs")
    gazetteer: Path = Path("harmwatch-data/gazetteer.sqlite")
    max_bytes: int = 25 * 1024 * 1024
    max_decompressed: int = 200 * 1024 * 1024
    fetch_timeout: float = 20.0
    max_redirects: int = 5
    user_agent: str = ""
    allow_private: bool = False
    workers: int = 0
    actor: str = ""
    near_duplicate: float = 0.8
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied; ``None`` values are ignored (flag not given)."""
        given = {k: v for k, v in changes.items() if v is not None}
        updated = replace(self, **given)
        if "home" in given:
            if "db" not in given and self.db == default_db(self.home):
                updated = replace(updated, db=default_db(updated.home))
            if "blobs" not in given and self.blobs == self.home / "blobs":
                updated = replace(updated, blobs=updated.home / "blobs")
        return updated

    @property
    def is_sqlite(self) -> bool:
        return self.db.startswith("sqlite")

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


def default_db(home: Path) -> str:
    return f"sqlite:///{home / 'harmwatch.db'}"


def load_config(environ: dict[str, str] | None = None, **overrides: Any) -> Config:
    """Settings from defaults, then ``environ`` (default ``os.environ``), then ``overrides``."""
    from harmwatch import __version__

    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        value = setting.default
        if setting.env in env:
            value = _coerce(setting, env[setting.env])
        values[setting.name] = value
    values.update({k: v for k, v in overrides.items() if v is not None})
    home = Path(values["home"])
    db = values["db"] or default_db(home)
    if not (db.startswith("sqlite") or db.startswith("postgresql")):
        raise ConfigError(f"database URL {db!r}: only sqlite:/// and postgresql+psycopg:// work")
    if db.startswith("postgresql://"):
        db = "postgresql+psycopg://" + db[len("postgresql://") :]
    known = {f.name for f in fields(Config)}
    return Config(
        home=home,
        db=db,
        blobs=Path(values["blobs"]) if values["blobs"] else home / "blobs",
        gazetteer=Path(values["gazetteer"]) if values["gazetteer"] else home / "gazetteer.sqlite",
        max_bytes=int(values["max_bytes"]),
        max_decompressed=int(values["max_decompressed"]),
        fetch_timeout=float(values["fetch_timeout"]),
        max_redirects=int(values["max_redirects"]),
        user_agent=str(values["user_agent"]).format(version=__version__),
        allow_private=bool(values["allow_private"]),
        workers=int(values["workers"]),
        actor=values["actor"] or _default_actor(),
        near_duplicate=float(values["near_duplicate"]),
        extra={k: v for k, v in overrides.items() if k not in known},
    )


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
