"""The schema, declared once with SQLAlchemy Core.

Tables follow the flow of the brief: evidence (``blobs``, ``captures``, ``custody_log``) →
``documents`` → extraction (``extraction_runs``, ``figures``, ``events``, ``event_locations``) →
``incidents`` (linked reports, figure series) → review (``users``, ``review_decisions``) and the
heritage registry (``heritage_sites``, ``heritage_assessments``). Ingestion fills the first group;
the rest is declared now so later stages add rows, not schema upheavals.

Identity is derived from content: a blob's key is its SHA-256, a document's is the SHA-256 of the
bytes it came from, so re-ingesting is an upsert that finds the row already there.
Migrations (``store/migrations``) create exactly this; a test compares the two.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

SHA = String(64)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", SHA, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

captures = Table(
    "captures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", SHA, ForeignKey("blobs.sha256"), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("source_kind", String(20), nullable=False),
    Column("locator", Text),
    Column("retrieved_at", DateTime(timezone=True), nullable=False),
    Column("http_status", Integer),
    Column("http_headers", JSON),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("tool_version", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", SHA, ForeignKey("blobs.sha256"), nullable=False, unique=True),
    Column("capture_id", Integer, ForeignKey("captures.id"), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("published_source", String(20)),
    Column("author", Text),
    Column("site_name", Text),
    Column("language", String(8)),
    Column("media_type", String(100), nullable=False),
    Column("text", Text, nullable=False),
    Column("text_sha256", SHA, nullable=False, index=True),
    Column("furniture", JSON, nullable=False),
    Column("minhash", LargeBinary),
    Column("duplicate_of", Integer, ForeignKey("documents.id"), index=True),
    Column("similarity", Float),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("band", SmallInteger, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Index("ix_document_bands_band_hash", "band", "hash"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("reason_class", String(60), nullable=False),
    Column("message", Text, nullable=False),
    Column("first_at", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
    Column("count", Integer, nullable=False),
    UniqueConstraint("source", "reason_class", name="uq_rejections_source_reason"),
)

custody_log = Table(
    "custody_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("action", String(40), nullable=False),
    Column("actor", Text, nullable=False),
    Column("tool_version", String(40), nullable=False),
    Column("sha256", SHA),
    Column("subject", Text),
    Column("detail", Text, nullable=False),
    Column("prev_hash", SHA, nullable=False),
    Column("entry_hash", SHA, nullable=False, unique=True),
)

# --- extraction: one run per (document, extractor); figures and events point into its text ---
extraction_runs = Table(
    "extraction_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("extractor", String(80), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("text_sha256", SHA, nullable=False),
    Column("output", JSON, nullable=False),
    Column("output_sha256", SHA, nullable=False),
    UniqueConstraint("document_id", "extractor", name="uq_extraction_runs_doc_extractor"),
)

figures = Table(
    "figures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("extraction_runs.id"), nullable=False, index=True),
    Column("measure", String(20), nullable=False),
    Column("value", BigInteger, nullable=False),
    Column("qualifier", String(20), nullable=False),
    Column("subject", String(30)),
    Column("as_of", Date),
    Column("cumulative", Boolean, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("extraction_runs.id"), nullable=False, index=True),
    Column("categories", JSON, nullable=False),
    Column("date", Date),
    Column("date_end", Date),
    Column("date_precision", String(10)),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("detail", JSON, nullable=False),
)

event_locations = Table(
    "event_locations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False, index=True),
    Column("mention", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", BigInteger),
    Column("precision", String(10), nullable=False),
)

# --- incidents: events from several reports linked as one; figures as a time series ---
incidents = Table(
    "incidents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text, nullable=False),
    Column("categories", JSON, nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place_name", Text),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

incident_reports = Table(
    "incident_reports",
    metadata,
    Column("incident_id", Integer, ForeignKey("incidents.id"), primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id"), primary_key=True),
    Column("origin_document_id", Integer, ForeignKey("documents.id")),
    Column("linked_by", String(80), nullable=False),
    Column("score", Float),
)

# --- review: analysts' decisions survive re-extraction ---
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

review_decisions = Table(
    "review_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_type", String(20), nullable=False),
    Column("target_key", Text, nullable=False),
    Column("decision", String(20), nullable=False),
    Column("payload", JSON),
    Column("reason", Text),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# --- heritage registry ---
heritage_sites = Table(
    "heritage_sites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("alternate_names", JSON, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("country", String(2)),
    Column("lat", Float),
    Column("lon", Float),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

heritage_assessments = Table(
    "heritage_assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("site_id", Integer, ForeignKey("heritage_sites.id"), nullable=False, index=True),
    Column("observed_on", Date),
    Column("status", String(20), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id")),
    Column("notes", Text),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("at", DateTime(timezone=True), nullable=False),
)
