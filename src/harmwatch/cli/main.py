"""The ``harmwatch`` command: global options and the command table.

Each command lives in its own module and calls one library function; this module only wires
them together.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer

from harmwatch import __version__
from harmwatch.cli import demo, documents, extract, gazetteer, ingest, verify
from harmwatch.cli.common import globals_of

app = typer.Typer(
    name="harmwatch",
    help="Verifiable, source-attributed incident records from conflict reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"harmwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="HARMWATCH_DB",
            help="Database URL (sqlite:///… or postgresql+psycopg://…).",
        ),
    ] = None,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home", envvar="HARMWATCH_HOME", help="Data directory (database, blobs, gazetteer)."
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options apply to every command."""
    state = globals_of(ctx)
    state.db, state.home, state.verbose = db, home, verbose
    # The flags set the settings for this whole command (and its workers), so components that
    # read settings on their own, like the gazetteer, see the same data directory; restored
    # when the command ends, so an in-process caller's environment is left as it was.
    for name, value in (("HARMWATCH_HOME", home), ("HARMWATCH_DB", db)):
        if value is not None:
            previous = os.environ.get(name)
            os.environ[name] = str(value)
            ctx.call_on_close(lambda n=name, p=previous: _restore(n, p))
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


app.command("demo")(demo.demo)
app.command("ingest")(ingest.ingest)
app.command("verify")(verify.verify)
app.command("extract")(extract.extract)
app.command("evaluate")(extract.evaluate)
app.command("search")(documents.search)
app.command("status")(documents.status)
app.add_typer(documents.app, name="documents")
app.add_typer(gazetteer.app, name="gazetteer")


def _restore(name: str, previous: str | None) -> None:
    if previous is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = previous


def run() -> None:
    app()
