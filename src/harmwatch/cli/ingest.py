"""``harmwatch ingest``: a thin layer over :func:`harmwatch.ingest.pipeline.ingest`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from harmwatch.cli.common import EXIT_PARTIAL, archive_of, err, one_line_errors, out, print_json
from harmwatch.ingest.pipeline import ingest as run_ingest


@one_line_errors
def ingest(
    ctx: typer.Context,
    sources: Annotated[
        list[str], typer.Argument(help="Files, directories, WARC files, URLs, feeds.")
    ],
    glob: Annotated[str, typer.Option(help="File-name pattern inside directories.")] = "*",
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Allow fetching loopback/private/link-local addresses."
        ),
    ] = False,
    max_bytes: Annotated[int | None, typer.Option(help="Largest input accepted, in bytes.")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Parsing processes (0: one per core).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Store sources as evidence and documents; re-running is a no-op for what is stored."""
    overrides = {"allow_private": allow_private or None, "max_bytes": max_bytes, "workers": workers}
    with (
        archive_of(ctx, **overrides) as archive,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[last]}"),
            console=err,
            transient=True,
            disable=as_json,
        ) as progress,
    ):
        task = progress.add_task("ingesting", total=None, last="")

        def on_event(kind: str, data: dict) -> None:
            progress.update(task, advance=1, last=data["source"][-50:])
            if kind == "rejected":
                progress.console.print(
                    f"[yellow]rejected[/yellow] {escape(data['source'])}: "
                    f"{escape(data['message'])} [dim]({data['reason']})[/dim]",
                    highlight=False,
                    soft_wrap=True,
                )

        summary = run_ingest(archive, sources, glob=glob, on_event=on_event)
    if as_json:
        print_json(
            {
                "stored": summary.stored,
                "duplicates": summary.duplicates,
                "unchanged": summary.unchanged,
                "rejected": summary.rejected_total,
                "rejected_by_reason": dict(summary.rejected),
                "items": summary.results,
            }
        )
    else:
        table = Table(title="ingest summary")
        for column in ("stored", "near-duplicates", "unchanged", "rejected"):
            table.add_column(column, justify="right")
        table.add_row(
            str(summary.stored),
            str(summary.duplicates),
            str(summary.unchanged),
            str(summary.rejected_total),
        )
        out.print(table)
        if summary.rejected:
            reasons = ", ".join(f"{name} {n}" for name, n in summary.rejected.most_common())
            out.print(f"rejected {summary.rejected_total} ({reasons})")
    if not summary.ok:
        raise typer.Exit(EXIT_PARTIAL)
