"""Where the gazetteer file lives, and opening it from several threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from harmwatch.errors import ConfigError
from harmwatch.extract.places import Gazetteer, default_path
from harmwatch.extract.places.schema import expected_build_version, stored_build_version


def test_default_path_prefers_harmwatch_gazetteer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HARMWATCH_GAZETTEER", str(tmp_path / "g.sqlite"))
    monkeypatch.setenv("HARMWATCH_HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "g.sqlite"


def test_default_path_falls_back_to_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HARMWATCH_GAZETTEER", raising=False)
    monkeypatch.setenv("HARMWATCH_HOME", str(tmp_path))
    assert default_path() == tmp_path / "gazetteer.sqlite"
    monkeypatch.delenv("HARMWATCH_HOME")
    assert default_path() == Path("./harmwatch-data/gazetteer.sqlite")


def test_empty_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARMWATCH_GAZETTEER", " ")
    with pytest.raises(ConfigError):
        default_path()


def test_built_file_records_the_current_version(gazetteer_file: Path) -> None:
    assert stored_build_version(gazetteer_file) == expected_build_version()


def test_find_from_several_threads(gaz: Gazetteer) -> None:
    texts = [f"Shelling hit Goris, Jermuk and Kapan{'!' * i} in Armenia." for i in range(40)]
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work(chunk: list[str]) -> None:
        try:
            for text in chunk:
                results.append([m.name for m in gaz.find(text)])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(texts[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(r == ["Goris", "Jermuk", "Kapan", "Armenia"] for r in results)
