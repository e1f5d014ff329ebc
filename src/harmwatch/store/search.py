"""Full-text search over article text: FTS5 on SQLite, ``tsvector`` on PostgreSQL.

The query language is deliberately small and the same on both: words are ANDed, a quoted
phrase matches as a phrase. User input is turned into the engine's syntax here, never passed raw
(an unbalanced quote or an FTS5 operator in a query must not become a syntax error).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from harmwatch.errors import ConfigError

_TERMS = re.compile(r'"([^"]+)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
#: Characters of context around the first hit in a result.
SNIPPET_TOKENS = 16


def _terms(query: str) -> list[list[str]]:
    """Phrases (lists of words) of ``query``; single words are one-word phrases."""
    out = []
    for phrase, word in _TERMS.findall(query):
        words = _WORD.findall(phrase or word)
        if words:
            out.append(words)
    return out


def search(
    conn: Connection, query: str, *, limit: int = 20, include_duplicates: bool = False
) -> list[dict[str, Any]]:
    """Documents matching ``query``, best first, with a snippet of the matching text."""
    terms = _terms(query)
    if not terms:
        raise ConfigError(f"search query {query!r}: no words to search for")
    dup = "" if include_duplicates else " AND d.duplicate_of IS NULL"
    if conn.dialect.name == "sqlite":
        match = " AND ".join('"' + " ".join(words) + '"' for words in terms)
        sql = text(
            "SELECT d.id, d.title, d.published, d.source, d.duplicate_of, "
            f"snippet(documents_fts, 1, '[', ']', '…', {SNIPPET_TOKENS}) AS snippet "
            "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            f"WHERE documents_fts MATCH :q{dup} ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT :n"
        )
        params = {"q": match, "n": limit}
    else:
        tsquery = " & ".join("(" + " <-> ".join(words) + ")" for words in terms)
        sql = text(
            "SELECT d.id, d.title, d.published, d.source, d.duplicate_of, "
            "ts_headline('simple', d.text, to_tsquery('simple', :q), "
            "'StartSel=[,StopSel=],MaxWords=30,MinWords=10') AS snippet "
            "FROM documents d WHERE d.search_vector @@ to_tsquery('simple', :q)"
            f"{dup} ORDER BY ts_rank(d.search_vector, to_tsquery('simple', :q)) DESC, d.id "
            "LIMIT :n"
        )
        params = {"q": tsquery, "n": limit}
    return [dict(row._mapping) for row in conn.execute(sql, params)]
