"""``harmwatch demo``: the one command that shows the product on the bundled sample corpus."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from harmwatch.cli.common import EXIT_PARTIAL, archive_of, one_line_errors, out
from harmwatch.cli.documents import documents_table
from harmwatch.data import sample_corpus
from harmwatch.evidence.verify import verify
from harmwatch.extract import DEFAULT_EXTRACTOR
from harmwatch.extract.persist import extract_stored
from harmwatch.ingest.pipeline import ingest
from harmwatch.store import documents as docs
from harmwatch.store.search import search

#: The example query the demo runs, to show full-text search over what was stored.
DEMO_QUERY = '"cluster munitions"'
#: Figures shown per document in the demo table (the full list is in `extract --all`).
DEMO_FIGURES = 4


@one_line_errors
def demo(ctx: typer.Context) -> None:
    """Ingest the bundled sample corpus, extract it, show documents, figures, a search, verify."""
    with archive_of(ctx) as archive:
        out.rule(f"ingesting the sample corpus from {sample_corpus()}")
        summary = ingest(archive, [str(sample_corpus())])
        out.print(
            f"stored {summary.stored} · near-duplicates linked {summary.duplicates} · "
            f"already stored {summary.unchanged} · rejected {summary.rejected_total}"
        )
        with archive.engine.connect() as conn:
            rows = docs.list_documents(conn, limit=100, include_duplicates=True)
            hits = search(conn, DEMO_QUERY, limit=5)
        out.print(documents_table(rows, "documents"))
        out.rule(f"search {DEMO_QUERY}")
        for hit in hits:
            out.print(f"[bold]{hit['id']}[/bold] {escape(hit['title'] or '')}", highlight=False)
        extracted = extract_stored(archive)
        out.rule(
            f"extraction ({DEFAULT_EXTRACTOR}): saved {extracted.saved}, "
            f"unchanged {extracted.unchanged}, failed {len(extracted.failed)}"
        )
        figures_table = Table(title="what the reports say (relevant documents)")
        for column in (
            "id",
            "categories",
            "places",
            "figures (measure value qualifier subject as_of)",
        ):
            figures_table.add_column(column, overflow="fold")
        for result in extracted.outputs:
            if not result["relevant"]:
                continue
            figures = "; ".join(
                f"{f['measure']} {f['value']:,} {f['qualifier']} {f['subject'] or ''}"
                + (f" as of {f['as_of']}" if f["as_of"] else "")
                for f in result["figures"][:DEMO_FIGURES]
            )
            places = sorted({p["name"] for e in result["events"] for p in e["locations"]})
            figures_table.add_row(
                str(result["document_id"]),
                ", ".join(result["categories"]),
                escape(", ".join(places)),
                escape(figures),
            )
        out.print(figures_table)
        skipped = [r for r in extracted.outputs if r.get("skipped")]
        if skipped:
            out.print(
                f"not read ({len(skipped)}): "
                + "; ".join(f"{r['document_id']} {r['skipped']}" for r in skipped),
                highlight=False,
            )
        report = verify(archive.engine, archive.blobs)
        with archive.engine.connect() as conn:
            info = docs.status(conn, archive.database)
        out.rule("evidence")
        out.print(
            f"{info.documents} documents, {info.duplicates} near-duplicates, {info.blobs} "
            f"blobs, {info.log_entries} custody entries in {info.database}"
        )
        out.print(
            f"verify: {'OK' if report.ok else 'FAILED'} ({report.blobs_checked} blobs "
            f"re-hashed, {report.entries_checked} custody entries checked)"
        )
        out.print("next: harmwatch documents show ID · harmwatch search WORDS · harmwatch status")
    if not summary.ok or not report.ok or extracted.failed:
        raise typer.Exit(EXIT_PARTIAL)
