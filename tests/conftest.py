"""Shared fixtures: archives on SQLite and on the local PostgreSQL server, and the shared data.

PostgreSQL tests use the server on 127.0.0.1:5432 (trust auth) for real: each test gets a fresh
database, dropped afterwards. Locally they are skipped when no server answers; under CI
(``CI`` set) an absent server is a failure, so the PostgreSQL half cannot silently vanish.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from harmwatch.config import load_config
from harmwatch.evidence.archive import Archive, open_archive

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = Path(__file__).resolve().parents[1] / "src" / "harmwatch" / "data" / "sample"
PG_ADMIN = os.environ.get("HARMWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (shared data sits beside the repository)")
    return path


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return None
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture(scope="session")
def pg_admin() -> str:
    problem = _pg_available()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {PG_ADMIN} is required under CI: {problem}")
        pytest.skip(f"no PostgreSQL at {PG_ADMIN}: {problem}")
    return PG_ADMIN


@pytest.fixture
def pg_url(pg_admin: str) -> Iterator[str]:
    import psycopg

    name = f"harmwatch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = pg_admin.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'harmwatch.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def archive(db_url: str, tmp_path: Path) -> Iterator[Archive]:
    arch = open_archive(load_config(environ={}, home=tmp_path / "home", db=db_url, workers=1))
    try:
        yield arch
    finally:
        arch.close()


@pytest.fixture
def sqlite_archive(tmp_path: Path) -> Iterator[Archive]:
    arch = open_archive(load_config(environ={}, home=tmp_path / "home", workers=1))
    try:
        yield arch
    finally:
        arch.close()
