"""The archive a command works on: database engine, blob store and settings, opened together."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from harmwatch.config import Config
from harmwatch.evidence.blobs import BlobStore
from harmwatch.store.engine import make_engine, migrate


@dataclass
class Archive:
    cfg: Config
    engine: Engine
    blobs: BlobStore

    @property
    def database(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def open_archive(cfg: Config) -> Archive:
    """Open (creating and migrating when needed) the database and blob store of ``cfg``."""
    engine = make_engine(cfg.db)
    migrate(engine)
    cfg.blobs.mkdir(parents=True, exist_ok=True)
    return Archive(cfg, engine, BlobStore(cfg.blobs))
