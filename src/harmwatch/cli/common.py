"""What every command shares: the archive from the global options, JSON output, error exits."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from harmwatch.config import Config, load_config
from harmwatch.errors import HarmwatchError
from harmwatch.evidence.archive import Archive, open_archive

out = Console()
err = Console(stderr=True)

#: Exit codes: 0 all good, 1 something in the batch was refused / check failed, 2 usage or
#: configuration error, 3 the store itself failed.
EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE = 1, 2, 3


@dataclass
class Globals:
    db: str | None = None
    home: Path | None = None
    verbose: bool = False

    def config(self, **overrides: Any) -> Config:
        return load_config(db=self.db, home=self.home, **overrides)


def globals_of(ctx: typer.Context) -> Globals:
    root = ctx.find_root()
    if not isinstance(root.obj, Globals):
        root.obj = Globals()
    return root.obj


@contextmanager
def archive_of(ctx: typer.Context, **overrides: Any) -> Iterator[Archive]:
    archive = open_archive(globals_of(ctx).config(**overrides))
    try:
        yield archive
    finally:
        archive.close()


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_default) + "\n")


F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(func: F) -> F:
    """Turn our errors into one line on stderr and an exit code; never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from harmwatch.errors import ConfigError, StoreError

        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_USAGE) from exc
        except StoreError as exc:
            err.print(f"[red]store error:[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_STORE) from exc
        except HarmwatchError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(EXIT_PARTIAL) from exc

    return wrapper  # type: ignore[return-value]
