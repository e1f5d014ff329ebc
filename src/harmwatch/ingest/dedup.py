"""Near-duplicate detection: syndicated copies are linked to the first copy, not counted again.

Word 5-gram shingles of the normalised article text are summarised by a MinHash signature of
``PERMUTATIONS`` values (one-permutation hashing). Locality-sensitive hashing splits it into
``BANDS`` bands; documents sharing any band are candidates, and a candidate whose estimated
Jaccard similarity reaches the configured threshold (default 0.8) is a near duplicate. The band
hashes live in the database (``document_bands``), so lookup costs a few indexed queries whatever
the corpus size.

Signatures are computed from CRC-32 shingle hashes and fixed scrambling constants, so they are
the same in every process and every run (Python's ``hash`` is salted per process).
"""

from __future__ import annotations

import re
import struct
import zlib

SHINGLE_WORDS = 5
PERMUTATIONS = 64
#: 16 bands of 4 rows: two texts with Jaccard 0.8 share a band with probability > 0.99, texts
#: with Jaccard 0.3 with probability ~0.12; the exact estimate then decides.
BANDS = 16
ROWS = PERMUTATIONS // BANDS
_MASK = (1 << 32) - 1
_MASK64 = (1 << 64) - 1
#: Odd multiplier (2^64 / golden ratio) and a fixed salt: a cheap, stable 64-bit scramble.
_GOLDEN = 0x9E3779B97F4A7C15
_SALT = 0x5851F42D4C957F2D
_BIN_SHIFT = 64 - (PERMUTATIONS.bit_length() - 1)
#: Value of a bin no shingle fell into.
EMPTY = _MASK
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
    """MinHash signature of ``text`` by one-permutation hashing: one pass over the shingles.

    Each shingle hash is scrambled to 64 bits; its top bits choose one of ``PERMUTATIONS`` bins
    and the bin keeps the smallest remaining value. This estimates Jaccard similarity like
    ``PERMUTATIONS`` independent hash functions at the cost of one (measured: about 15x faster
    than 64 permutations in pure Python on 20 KB texts).
    """
    sig = [EMPTY] * PERMUTATIONS
    for h in shingles(text):
        mixed = (h * _GOLDEN + _SALT) & _MASK64
        slot = mixed >> _BIN_SHIFT
        value = (mixed >> 16) & _MASK
        if value < sig[slot]:
            sig[slot] = value
    return sig


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
    """Estimated Jaccard similarity of the shingle sets behind two signatures.

    Bins empty in both signatures say nothing about similarity and are left out.
    """
    used = [(x, y) for x, y in zip(a, b, strict=True) if x != EMPTY or y != EMPTY]
    if not used:
        return 1.0
    return sum(x == y for x, y in used) / len(used)
