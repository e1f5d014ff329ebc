"""Benchmark ``extractor.rules.v1``: start-up time, documents/s on one core, peak memory.

Texts are generated from ``../shared/devset`` (never stored): each synthetic document joins
paragraphs of several devset articles in a shuffled order, with every number changed, until it
is 2–6 KB. Run from the repository root::

    .venv/bin/python benchmarks/extract.py [--docs 3000] [--seed 7]

Targets (issue 3): >= 200 documents/s after start-up, start-up < 2 s, peak RSS < 400 MB with
the gazetteer loaded.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1].parent / "shared" / "devset" / "articles"
MIN_BYTES, MAX_BYTES = 2_000, 6_000


def _vary_number(m: re.Match[str], rng: random.Random) -> str:
    digits = m.group()
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return digits
    value = max(1, int(int(digits) * rng.uniform(0.5, 1.8)))
    return str(value)


def generate(n: int, seed: int) -> list[str]:
    """``n`` synthetic article texts of 2–6 KB built from shuffled devset paragraphs."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for f in sorted(DEVSET.glob("*.txt"))
                  for p in re.split(r"\n\s*\n", f.read_text("utf-8")) if len(p.strip()) > 40]
    docs: list[str] = []
    while len(docs) < n:
        target = rng.randint(MIN_BYTES, MAX_BYTES)
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < target:
            para = re.sub(r"\d+", lambda m: _vary_number(m, rng), rng.choice(paragraphs))
            parts.append(para)
        docs.append("\n\n".join(parts)[:MAX_BYTES])
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not DEVSET.exists():
        print(f"devset not found at {DEVSET}; nothing to benchmark", file=sys.stderr)
        return 1
    docs = generate(args.docs, args.seed)
    t0 = time.perf_counter()
    from datetime import date

    from harmwatch.extract import extract_text

    extract_text(docs[0], published=date(2020, 10, 30))  # loads codebook, regexes, gazetteer
    startup = time.perf_counter() - t0
    t1 = time.perf_counter()
    for text in docs:
        extract_text(text, published=date(2020, 10, 30))
    elapsed = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_kb = sum(len(d.encode()) for d in docs) / len(docs) / 1024
    try:
        from harmwatch.extract.places import Gazetteer  # noqa: F401

        gaz = "yes"
    except ImportError:
        gaz = "no (harmwatch.extract.places not installed)"
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"documents: {len(docs)} (mean {size_kb:.1f} KB), gazetteer: {gaz}")
    print(f"start-up (import + first document): {startup:.2f} s")
    print(f"throughput: {len(docs) / elapsed:.0f} documents/s ({elapsed:.1f} s, one core)")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
