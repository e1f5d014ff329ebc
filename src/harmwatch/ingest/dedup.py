"""Near-duplicate detection: syndicated copies are linked to the first copy, not counted again.

Word 5-gram shingles of the normalised article text are summarised by a MinHash signature of
``PERMUTATIONS`` values. Locality-sensitive hashing splits it into ``BANDS`` bands; documents
sharing any band are candidates, and a candidate whose estimated Jaccard similarity reaches the
configured threshold (default 0.8) is a near duplicate. The band hashes live in the database
(``document_bands``), so lookup costs a few indexed queries whatever the corpus size.

Signatures are computed from CRC-32 shingle hashes and fixed permutation constants, so they are
the same in every process and every run (Python's ``hash`` is salted per process).
"""

from __future__ import annotations

import random
import re
import struct
import zlib

SHINGLE_WORDS = 5
PERMUTATIONS = 64
#: 16 bands of 4 rows: two texts with Jaccard 0.8 share a band with probability > 0.99, texts
#: with Jaccard 0.3 with probability ~0.12; the exact estimate then decides.
BANDS = 16
ROWS = PERMUTATIONS // BANDS
_PRIME = (1 << 61) - 1
_MASK = (1 << 32) - 1
_rng = random.Random(20201027)
_PERMS = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(PERMUTATIONS)]
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> list[int]:
    """MinHash signature of ``text`` (``PERMUTATIONS`` 32-bit values)."""
    hashes = shingles(text)
    if not hashes:
        return [_MASK] * PERMUTATIONS
    return [min(((a * h + b) % _PRIME) & _MASK for h in hashes) for a, b in _PERMS]


def pack(sig: list[int]) -> bytes:
    return struct.pack(f"<{PERMUTATIONS}I", *sig)


def unpack(blob: bytes) -> list[int]:
    return list(struct.unpack(f"<{PERMUTATIONS}I", blob))


def bands(sig: list[int]) -> list[tuple[int, int]]:
    """``(band, hash)`` pairs for the LSH index; hashes fit a signed 64-bit column."""
    out = []
    for band in range(BANDS):
        chunk = struct.pack(f"<{ROWS}I", *sig[band * ROWS : (band + 1) * ROWS])
        out.append((band, zlib.crc32(chunk) | (band << 32)))
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / PERMUTATIONS
