"""``harmwatch verify``: a thin layer over :func:`harmwatch.evidence.verify.verify`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import Progress

from harmwatch.cli.common import EXIT_PARTIAL, archive_of, err, one_line_errors, out, print_json
from harmwatch.evidence.verify import verify as run_verify


@one_line_errors
def verify(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Re-hash every blob and walk the custody chain; exit 0 only when everything holds."""
    with (
        archive_of(ctx) as archive,
        Progress(console=err, transient=True, disable=as_json) as progress,
    ):
        task = progress.add_task("verifying", total=None)
        report = run_verify(
            archive.engine,
            archive.blobs,
            lambda done, total: progress.update(task, completed=done, total=total),
        )
    if as_json:
        print_json(
            {
                "ok": report.ok,
                "blobs_checked": report.blobs_checked,
                "entries_checked": report.entries_checked,
                "problems": report.problems,
                "orphans": report.orphans,
            }
        )
    else:
        for problem in report.problems:
            out.print(f"[red]FAIL[/red] {problem}", highlight=False)
        verdict = (
            "[green]OK[/green]" if report.ok else f"[red]{len(report.problems)} problems[/red]"
        )
        out.print(
            f"{verdict}: {report.blobs_checked} blobs re-hashed, "
            f"{report.entries_checked} custody entries checked"
            + (f", {len(report.orphans)} orphan blobs" if report.orphans else "")
        )
    if not report.ok:
        raise typer.Exit(EXIT_PARTIAL)
