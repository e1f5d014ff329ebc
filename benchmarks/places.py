"""Benchmark: Gazetteer.find() per document and peak memory.

Runs find() over the devset articles (../shared/devset/articles/*.txt) repeated, reports the
open time, the first (cold-cache) pass and the best of several warm passes in ms per document,
the same for 4 KB documents made by joining consecutive articles, and the peak RSS.

    python benchmarks/places.py [--gazetteer PATH] [--rounds N] [--articles DIR]

Plain Python (the harmwatch package importable, e.g. the project's .venv). CPU time of this
process is measured (time.process_time), so other processes on the machine disturb it less.
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import sys
import time
from pathlib import Path

from harmwatch.extract.places import Gazetteer, ensure_built

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = ROOT.parent / "shared" / "devset" / "articles"
TARGET_BYTES = 4000


def best_ms_per_doc(gaz: Gazetteer, docs: list[str], rounds: int) -> float:
    """Best (least disturbed) of ``rounds`` passes, in milliseconds per document."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for doc in docs:
            gaz.find(doc)
        best = min(best, (time.process_time() - started) / len(docs) * 1000)
    return best


def reference_ms() -> float:
    """CPU time of a fixed pure-Python loop, best of 5: a yardstick for the machine's speed."""
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        sum(i * i for i in range(10**6))
        best = min(best, time.process_time() - started)
    return best * 1000


def four_kb_documents(docs: list[str]) -> list[str]:
    """Documents of 4 KB: consecutive articles joined, cut at the last space before 4,000 bytes."""
    out = []
    for i in range(len(docs)):
        text, j = "", i
        while len(text.encode()) < TARGET_BYTES:
            text += docs[j % len(docs)] + "\n\n"
            j += 1
        cut = text.encode()[:TARGET_BYTES].decode("utf-8", errors="ignore")
        out.append(cut[: cut.rfind(" ")])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", default=os.environ.get("HARMWATCH_GAZETTEER"))
    parser.add_argument("--articles", default=str(DEFAULT_ARTICLES))
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    paths = sorted(glob.glob(os.path.join(args.articles, "*.txt")))
    if not paths:
        print(f"no articles in {args.articles}", file=sys.stderr)
        return 1
    docs = [Path(p).read_text(encoding="utf-8") for p in paths]

    started = time.perf_counter()
    path = ensure_built(args.gazetteer)
    print(
        f"gazetteer ready ({path}) in {time.perf_counter() - started:.1f} s, "
        f"{path.stat().st_size / 1e6:.1f} MB"
    )
    started = time.perf_counter()
    gaz = Gazetteer.open(path)
    print(f"open: {(time.perf_counter() - started) * 1000:.0f} ms")

    started = time.process_time()
    mentions = sum(len(gaz.find(d)) for d in docs)
    cold = (time.process_time() - started) / len(docs) * 1000
    size = sum(len(d.encode()) for d in docs) / len(docs) / 1000
    print(f"{len(docs)} articles, {size:.1f} KB average, {mentions / len(docs):.1f} mentions/doc")
    print(f"cold pass: {cold:.2f} ms/doc")
    print(f"warm, best of {args.rounds}: {best_ms_per_doc(gaz, docs, args.rounds):.2f} ms/doc")
    big = four_kb_documents(docs)
    big_kb = sum(len(d.encode()) for d in big) / len(big) / 1000
    print(
        f"{big_kb:.1f} KB documents, best of {args.rounds}: "
        f"{best_ms_per_doc(gaz, big, args.rounds):.2f} ms/doc"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    print(
        f"reference loop (sum of 10**6 squares): {reference_ms():.0f} ms "
        "(compare runs on different or busy machines by this figure)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
