"""``harmwatch extract`` and ``harmwatch evaluate``: thin layers over the library.

Both parse options, call :func:`harmwatch.extract.extract_text` / :func:`harmwatch.extract.
evaluate.evaluate`, and turn harmwatch errors into a one-line message and a non-zero exit code.
The lead registers them on the main app (``app.command("extract")(extract)``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from harmwatch.errors import HarmwatchError, RejectedInput, UnreadableSource

__all__ = ["evaluate", "extract", "extract_file"]

#: Exit code when a score is below a floor given on the command line.
EXIT_BELOW_FLOOR = 3
#: Exit code for a harmwatch error (bad input, unknown extractor, unreadable gold file).
EXIT_ERROR = 2


def extract_file(path: Path, extractor: str = "extractor.rules.v1") -> dict:
    """Extract one text file that is not (yet) in the store: decode, remove furniture, extract."""
    from harmwatch.extract import extract_text
    from harmwatch.ingest.plaintext import parse_plain_text

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableSource(str(path), str(exc)) from exc
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        decoded = raw.decode("latin-1")
    parsed = parse_plain_text(decoded)
    return extract_text(parsed.text, published=parsed.published, title=parsed.title,
                        language=parsed.language, source=str(path),
                        sha256=hashlib.sha256(raw).hexdigest(), extractor=extractor)


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text files to extract (not yet stored).")],
    format: Annotated[str, typer.Option("--format", help="Output format: jsonl or json.")] = "jsonl",
    extractor: Annotated[str, typer.Option(help="Registered extractor name.")] = "extractor.rules.v1",
) -> None:
    """Print one extraction JSON object per document."""
    failures = 0
    results = []
    for path in paths:
        try:
            result = extract_file(path, extractor)
        except RejectedInput as exc:
            typer.echo(f"error: {exc}", err=True)
            failures += 1
            continue
        except HarmwatchError as exc:
            typer.echo(f"error: {path}: {exc}", err=True)
            raise typer.Exit(EXIT_ERROR) from exc
        if format == "jsonl":
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            results.append(result)
    if format != "jsonl":
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if failures:
        raise typer.Exit(EXIT_ERROR)


def _table(summary: dict) -> Table:
    table = Table(title=f"{summary['extractor']} on {summary['documents']} documents")
    for col in ("field", "precision", "recall", "F1", "tp/pred/gold", "notes"):
        table.add_column(col)
    table.add_row("relevance", "", "", f"{summary['relevance_accuracy']:.3f}", "", "accuracy")
    for key, label in (("categories", "categories"), ("figures", "figures"),
                       ("event_locations", "event locations"), ("event_dates", "event dates")):
        m = summary[key]
        notes = ""
        if key == "figures":
            notes = (f"qualifier {m['qualifier_accuracy']:.2f} · subject "
                     f"{m['subject_accuracy']:.2f} · as_of {m['as_of_accuracy']:.2f}")
        table.add_row(label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      f"{m['tp']}/{m['pred']}/{m['gold']}", notes)
    return table


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (id = document file stem).")],
    docs: Annotated[Path, typer.Option("--docs", help="Directory holding <id>.txt files.")],
    extractor: Annotated[str, typer.Option(help="Registered extractor name.")] = "extractor.rules.v1",
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    min_relevance: Annotated[float, typer.Option(help="Floor for relevance accuracy.")] = 0.0,
    min_categories_f1: Annotated[float, typer.Option(help="Floor for categories F1.")] = 0.0,
    min_figures_f1: Annotated[float, typer.Option(help="Floor for figures F1.")] = 0.0,
    min_locations_f1: Annotated[float, typer.Option(help="Floor for event-location F1.")] = 0.0,
    min_dates_f1: Annotated[float, typer.Option(help="Floor for event-date F1.")] = 0.0,
) -> None:
    """Score an extractor against gold and exit non-zero when a score is below its floor."""
    from harmwatch.extract.evaluate import evaluate as run

    try:
        report = run(gold, docs, extractor=extractor)
    except HarmwatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from exc
    summary = report.summary()
    if json_out:
        typer.echo(json.dumps(summary, indent=2))
    else:
        Console().print(_table(summary))
    floors = {
        "relevance accuracy": (summary["relevance_accuracy"], min_relevance),
        "categories F1": (summary["categories"]["f1"], min_categories_f1),
        "figures F1": (summary["figures"]["f1"], min_figures_f1),
        "event-location F1": (summary["event_locations"]["f1"], min_locations_f1),
        "event-date F1": (summary["event_dates"]["f1"], min_dates_f1),
    }
    below = [f"{name} {value:.3f} < {floor:.3f}" for name, (value, floor) in floors.items()
             if value < floor]
    if below:
        typer.echo("below floor: " + "; ".join(below), err=True)
        raise typer.Exit(EXIT_BELOW_FLOOR)
