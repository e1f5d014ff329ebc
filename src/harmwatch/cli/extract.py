"""``harmwatch extract`` and ``harmwatch evaluate``: thin layers over the library.

``extract`` takes files (parsed as ingestion would, nothing stored) and stored document ids or
``--all`` (extracted and saved as runs, see :mod:`harmwatch.extract.persist`); it prints one JSON
object per document. ``evaluate`` scores an extractor against gold annotation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from harmwatch.cli.common import (
    EXIT_PARTIAL,
    archive_of,
    err,
    globals_of,
    one_line_errors,
    out,
)
from harmwatch.errors import ExtractionError, RejectedInput
from harmwatch.extract import DEFAULT_EXTRACTOR, extract_text
from harmwatch.ingest.load import load_sources

__all__ = ["evaluate", "extract"]

#: Exit code when a score is below a floor given on the command line (a check failed).
EXIT_BELOW_FLOOR = EXIT_PARTIAL

ExtractorOption = Annotated[str, typer.Option(help="Registered extractor name.")]


def _emit(result: dict[str, Any], fmt: str, collected: list[dict[str, Any]]) -> None:
    if fmt == "jsonl":
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    elif fmt == "json":
        collected.append(result)


@one_line_errors
def extract(
    ctx: typer.Context,
    targets: Annotated[
        list[str] | None,
        typer.Argument(help="Files or directories (not stored) and/or stored document ids."),
    ] = None,
    all_documents: Annotated[
        bool,
        typer.Option(
            "--all", help="Extract every stored document (near-duplicates excepted) and save."
        ),
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, json or none.")] = "jsonl",
    extractor: ExtractorOption = DEFAULT_EXTRACTOR,
) -> None:
    """Extract figures, categories, places, dates and actors; one JSON object per document.

    Stored documents (ids, ``--all``) get their run saved, versioned by extractor name;
    re-running is idempotent. Files are parsed exactly as ingestion would, and not stored.
    """
    if fmt not in {"jsonl", "json", "none"}:
        err.print(f"[red]error:[/red] --format {fmt!r}: use jsonl, json or none")
        raise typer.Exit(2)
    targets = targets or []
    ids = [int(t) for t in targets if t.isdigit() and not Path(t).exists()]
    paths = [t for t in targets if not (t.isdigit() and not Path(t).exists())]
    if not (targets or all_documents):
        err.print("[red]error:[/red] name files, document ids, or --all")
        raise typer.Exit(2)
    collected: list[dict[str, Any]] = []
    failures = 0
    if paths:
        for loaded in load_sources(paths, globals_of(ctx).config()):
            if isinstance(loaded, RejectedInput):
                err.print(f"[yellow]rejected[/yellow] {escape(str(loaded))}", soft_wrap=True)
                failures += 1
                continue
            parsed = loaded.parsed
            try:
                result = extract_text(
                    parsed.text,
                    published=parsed.published,
                    title=parsed.title,
                    language=parsed.language,
                    source=loaded.item.source,
                    sha256=loaded.sha256,
                    extractor=extractor,
                )
            except ExtractionError as exc:
                err.print(f"[red]failed[/red] {escape(str(exc))}", soft_wrap=True)
                failures += 1
                continue
            _emit(result, fmt, collected)
    if ids or all_documents:
        from harmwatch.extract.persist import extract_stored

        with archive_of(ctx) as archive:
            summary = extract_stored(archive, None if all_documents else ids, extractor=extractor)
        for output in summary.outputs:
            _emit(output, fmt, collected)
        for message in summary.failed.values():
            err.print(f"[red]failed[/red] {escape(message)}", soft_wrap=True)
        failures += len(summary.failed)
        err.print(
            f"{extractor}: saved {summary.saved} · replaced {summary.replaced} · "
            f"unchanged {summary.unchanged} · failed {len(summary.failed)}",
            soft_wrap=True,
        )
    if fmt == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    if failures:
        raise typer.Exit(EXIT_PARTIAL)


def _table(summary: dict) -> Table:
    table = Table(title=f"{summary['extractor']} on {summary['documents']} documents")
    for col in ("field", "precision", "recall", "F1", "tp/pred/gold", "notes"):
        table.add_column(col)
    table.add_row("relevance", "", "", f"{summary['relevance_accuracy']:.3f}", "", "accuracy")
    for key, label in (
        ("categories", "categories"),
        ("figures", "figures"),
        ("event_locations", "event locations"),
        ("event_dates", "event dates"),
    ):
        m = summary[key]
        notes = ""
        if key == "figures":
            notes = (
                f"qualifier {m['qualifier_accuracy']:.2f} · subject "
                f"{m['subject_accuracy']:.2f} · as_of {m['as_of_accuracy']:.2f}"
            )
        table.add_row(
            label,
            f"{m['precision']:.3f}",
            f"{m['recall']:.3f}",
            f"{m['f1']:.3f}",
            f"{m['tp']}/{m['pred']}/{m['gold']}",
            notes,
        )
    return table


@one_line_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (id = document file stem).")],
    docs: Annotated[
        Path | None,
        typer.Option("--docs", help="Directory of <id>.txt (or .html, .pdf...) files."),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            help="Score a second annotation (gold format) of some of the gold documents instead of "
            "an extractor: inter-annotator agreement.",
        ),
    ] = None,
    extractor: ExtractorOption = DEFAULT_EXTRACTOR,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_relevance: Annotated[float, typer.Option(help="Floor for relevance accuracy.")] = 0.0,
    min_categories_f1: Annotated[float, typer.Option(help="Floor for categories F1.")] = 0.0,
    min_figures_f1: Annotated[float, typer.Option(help="Floor for figures F1.")] = 0.0,
    min_locations_f1: Annotated[float, typer.Option(help="Floor for event-location F1.")] = 0.0,
    min_dates_f1: Annotated[float, typer.Option(help="Floor for event-date F1.")] = 0.0,
) -> None:
    """Score an extractor against gold and exit non-zero when a score is below its floor.

    With ``--against OTHER.jsonl`` no extractor runs: a second annotation of the same
    documents is scored against the first (how far two annotators agree).
    """
    from harmwatch.extract.evaluate import agreement
    from harmwatch.extract.evaluate import evaluate as run

    if (docs is None) == (against is None):
        err.print("[red]error:[/red] give either --docs DIR (score an extractor) or --against FILE")
        raise typer.Exit(2)
    if against is not None:
        summary = agreement(gold, against).summary()
    else:
        summary = run(gold, docs, extractor=extractor).summary()
    if json_out:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    else:
        out.print(_table(summary))
    floors = {
        "relevance accuracy": (summary["relevance_accuracy"], min_relevance),
        "categories F1": (summary["categories"]["f1"], min_categories_f1),
        "figures F1": (summary["figures"]["f1"], min_figures_f1),
        "event-location F1": (summary["event_locations"]["f1"], min_locations_f1),
        "event-date F1": (summary["event_dates"]["f1"], min_dates_f1),
    }
    below = [
        f"{name} {value:.3f} < {floor:.3f}"
        for name, (value, floor) in floors.items()
        if value < floor
    ]
    if below:
        err.print("below floor: " + "; ".join(below), soft_wrap=True)
        raise typer.Exit(EXIT_BELOW_FLOOR)
