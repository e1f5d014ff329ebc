"""Project-level promises: public API, documented settings and commands, the flow of imports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import typer

import harmwatch
from harmwatch.cli.main import app
from harmwatch.config import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "harmwatch"

#: Rooms of the flow, earliest first: a module may import its own room or an earlier one.
RANK = {
    "errors": 0,
    "config": 0,
    "codebook": 0,
    "data": 0,
    "store": 1,
    "evidence": 2,
    "ingest": 3,
    "extract": 4,
    "incidents": 5,
    "heritage": 5,
    "report": 6,
    "web": 6,
    "cli": 7,
    "__main__": 8,
}


def test_public_api_resolves() -> None:
    for name in harmwatch.__all__:
        assert getattr(harmwatch, name) is not None, name


def test_every_setting_is_documented() -> None:
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.env}`" in text, setting.env


def _commands(group: typer.Typer, prefix: str = "") -> list[str]:
    out = [
        prefix + (c.name or c.callback.__name__.replace("_", "-"))  # type: ignore[union-attr]
        for c in group.registered_commands
    ]
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        out.extend(_commands(sub.typer_instance, f"{prefix}{sub.name} "))
    return out


def test_every_command_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    commands = _commands(app)
    assert "ingest" in commands and "documents show" in commands
    for command in commands:
        assert f"`harmwatch {command}" in text, command


def test_readme_has_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make demo$", readme, re.M) and re.search(r"^make test$", readme, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _room(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "harmwatch" or len(parts) < 2:
        return None
    return parts[1]


def test_imports_point_down_the_flow() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        room = rel.parts[1] if len(rel.parts) > 1 else None
        if room is None or room == "__init__" or room not in RANK:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                target = _room(name)
                if target in RANK and RANK[target] > RANK[room]:
                    wrong.append(f"{rel} imports {name}")
    assert wrong == []
