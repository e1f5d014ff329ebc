"""The content-addressed evidence store: original bytes, stored once, never modified.

A blob lives at ``<root>/<aa>/<bb>/<sha256>`` where ``aa`` and ``bb`` are the first two byte
pairs of its hash (so no directory grows past 65,536 entries). Writes go to a temporary file in
the same file system, are flushed to disk, then renamed into place: a crash leaves either no blob
or a whole one, never a torn one. Files are made read-only after writing.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from harmwatch.errors import BlobMissing, EvidenceError

#: Bytes read at a time when hashing a blob on disk (verify); large enough to keep syscalls few.
HASH_CHUNK = 1 << 20


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Blobs under ``root``; addresses are SHA-256 hex digests of the content."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, data: bytes) -> tuple[str, bool]:
        """Store ``data``; returns its address and whether it was new."""
        sha = sha256_hex(data)
        target = self.path(sha)
        if target.is_file():
            return sha, False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp, 0o444)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise EvidenceError(f"blob {sha}: cannot write to {self.root}: {exc}") from exc
        return sha, True

    def get(self, sha256: str) -> bytes:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError as exc:
            raise BlobMissing(f"blob {sha256} is not in {self.root}") from exc

    def rehash(self, sha256: str) -> str:
        """The SHA-256 of the bytes now stored under ``sha256`` (equal to it when intact)."""
        digest = hashlib.sha256()
        try:
            with self.path(sha256).open("rb") as handle:
                while chunk := handle.read(HASH_CHUNK):
                    digest.update(chunk)
        except FileNotFoundError as exc:
            raise BlobMissing(f"blob {sha256} is not in {self.root}") from exc
        return digest.hexdigest()

    def addresses(self) -> Iterator[str]:
        """Every address present on disk (for finding orphans)."""
        if not self.root.is_dir():
            return
        for path in self.root.glob("??/??/*"):
            if path.is_file() and not path.name.startswith("."):
                yield path.name
