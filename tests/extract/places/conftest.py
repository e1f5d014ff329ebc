"""Fixtures for the places tests: one real gazetteer built per session (about 20 s)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from harmwatch.extract.places import Gazetteer, build


@pytest.fixture(scope="session")
def gazetteer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gazetteer built from the packaged data into a session temp dir (never modified)."""
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build(path)
    return path


@pytest.fixture(scope="session")
def gaz(gazetteer_file: Path) -> Gazetteer:
    """The session gazetteer, opened."""
    return Gazetteer.open(gazetteer_file)


@pytest.fixture()
def gazetteer_copy(gazetteer_file: Path, tmp_path: Path) -> Path:
    """A private copy for tests that import into the index."""
    target = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer_file, target)
    return target
