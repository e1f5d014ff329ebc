"""Full-text search and the custody log's append-only guard, per dialect.

SQLite: an FTS5 table over documents (title, text) kept in step by triggers; triggers that abort
any UPDATE or DELETE on custody_log. PostgreSQL: a generated ``tsvector`` column with a GIN index;
a trigger function that raises on UPDATE, DELETE and TRUNCATE of custody_log.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log BEGIN "
    "SELECT RAISE(ABORT, 'custody_log is append-only'); END",
    "CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log BEGIN "
    "SELECT RAISE(ABORT, 'custody_log is append-only'); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER custody_log_no_delete",
    "DROP TRIGGER custody_log_no_update",
    "DROP TRIGGER documents_fts_au",
    "DROP TRIGGER documents_fts_ad",
    "DROP TRIGGER documents_fts_ai",
    "DROP TABLE documents_fts",
]
POSTGRES_UP = [
    "ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(text, '')), 'B')) STORED",
    "CREATE INDEX ix_documents_search_vector ON documents USING GIN (search_vector)",
    "CREATE FUNCTION custody_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'custody_log is append-only'; END $$",
    "CREATE TRIGGER custody_log_no_change BEFORE UPDATE OR DELETE ON custody_log "
    "FOR EACH ROW EXECUTE FUNCTION custody_log_append_only()",
    "CREATE TRIGGER custody_log_no_truncate BEFORE TRUNCATE ON custody_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION custody_log_append_only()",
]
POSTGRES_DOWN = [
    "DROP TRIGGER custody_log_no_truncate ON custody_log",
    "DROP TRIGGER custody_log_no_change ON custody_log",
    "DROP FUNCTION custody_log_append_only()",
    "DROP INDEX ix_documents_search_vector",
    "ALTER TABLE documents DROP COLUMN search_vector",
]


def _statements(up: bool) -> list[str]:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        return SQLITE_UP if up else SQLITE_DOWN
    if dialect == "postgresql":
        return POSTGRES_UP if up else POSTGRES_DOWN
    raise NotImplementedError(f"no search/custody DDL for dialect {dialect}")


def upgrade() -> None:
    for statement in _statements(up=True):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(up=False):
        op.execute(statement)
