"""``harmwatch documents list|show``, ``search`` and ``status``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from harmwatch.cli.common import archive_of, err, one_line_errors, out, print_json
from harmwatch.store import documents as docs
from harmwatch.store.search import search as run_search

app = typer.Typer(help="List and show stored documents.", no_args_is_help=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
DuplicatesFlag = Annotated[bool, typer.Option("--duplicates", help="Include near-duplicates.")]


def documents_table(rows: list[dict], title: str, *, with_source: bool = False) -> Table:
    """The table of documents that ``documents list`` and ``demo`` print."""
    table = Table(title=title)
    columns = ["id", "published", "lang", "title", "copy of"] + (["source"] if with_source else [])
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = [
            str(row["id"]),
            str(row["published"] or ""),
            row["language"] or "",
            escape((row["title"] or "")[:70]),
            str(row["duplicate_of"] or ""),
        ]
        table.add_row(*cells, *([escape(row["source"][-40:])] if with_source else []))
    return table


@app.command("list")
@one_line_errors
def list_documents(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    duplicates: DuplicatesFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Stored documents, oldest first (near-duplicates hidden unless asked for)."""
    with archive_of(ctx) as archive, archive.engine.connect() as conn:
        rows = docs.list_documents(conn, limit=limit, offset=offset, include_duplicates=duplicates)
    if as_json:
        print_json(rows)
        return
    out.print(documents_table(rows, f"documents ({len(rows)} shown)", with_source=True))


@app.command("show")
@one_line_errors
def show_document(
    ctx: typer.Context,
    document_id: Annotated[int, typer.Argument(help="Document id.")],
    as_json: JsonFlag = False,
) -> None:
    """A document's text, metadata, sha256 and what was cut as page furniture."""
    with archive_of(ctx) as archive, archive.engine.connect() as conn:
        doc = docs.get_document(conn, document_id)
    if doc is None:
        err.print(f"[red]error:[/red] document {document_id}: not found")
        raise typer.Exit(1)
    if as_json:
        print_json(doc)
        return
    for key in (
        "id",
        "title",
        "published",
        "published_source",
        "language",
        "author",
        "site_name",
        "source",
        "url",
        "sha256",
        "media_type",
        "retrieved_at",
        "http_status",
        "duplicate_of",
        "similarity",
        "copies",
    ):
        if doc.get(key) not in (None, "", []):
            out.print(
                f"[bold]{key:<17}[/bold]{escape(str(doc[key]))}", soft_wrap=True, highlight=False
            )
    out.rule("article text")
    out.print(escape(doc["text"]), highlight=False)
    out.rule(f"page furniture cut ({len(doc['furniture'])})")
    for cut in doc["furniture"]:
        snippet = cut.get("text", "").replace("\n", " ⏎ ")
        out.print(f"[dim]{cut['reason']}:[/dim] {escape(snippet[:160])}", highlight=False)


@one_line_errors
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words (all must match); "a phrase" in quotes.')],
    limit: Annotated[int, typer.Option(help="Results to show.")] = 20,
    duplicates: DuplicatesFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Full-text search over article text (FTS5 on SQLite, tsvector on PostgreSQL)."""
    with archive_of(ctx) as archive, archive.engine.connect() as conn:
        rows = run_search(conn, query, limit=limit, include_duplicates=duplicates)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} results for {query!r}")
    for column in ("id", "published", "title", "snippet"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["id"]),
            str(row["published"] or ""),
            escape((row["title"] or "")[:60]),
            escape(row["snippet"] or ""),
        )
    out.print(table)


@one_line_errors
def status(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Counts of documents, duplicates, blobs, rejections and log entries; database location."""
    with archive_of(ctx) as archive, archive.engine.connect() as conn:
        info = docs.status(conn, archive.database)
    if as_json:
        print_json({**asdict(info), "blobs_dir": str(archive.cfg.blobs)})
        return
    table = Table(title="harmwatch status", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("documents", str(info.documents))
    table.add_row("near-duplicates (linked, not counted)", str(info.duplicates))
    table.add_row("blobs", f"{info.blobs} ({info.blob_bytes:,} bytes)")
    reasons = ", ".join(f"{k} {v}" for k, v in info.rejections_by_reason.items())
    table.add_row("rejected inputs", f"{info.rejections}" + (f" ({reasons})" if reasons else ""))
    table.add_row("custody log entries", str(info.log_entries))
    table.add_row("database", info.database)
    table.add_row("blobs directory", str(archive.cfg.blobs))
    out.print(table)
