"""Benchmark ``extractor.rules.v1``: start-up time, documents/s on one core, peak memory.

Texts are generated from ``../shared/devset`` (never stored): each synthetic document joins
paragraphs of several devset articles in a shuffled order, with every number changed, until it
is 2–6 KB. Run from the repository root with any Python that has harmwatch's dependencies::

    python benchmarks/extract.py [--docs 3000] [--seed 7] [--repeat 3] [--no-gazetteer]

The process is pinned to one CPU (where the OS allows it), so the figure is one core's
throughput. Start-up is the import plus the first document (codebook, regexes and, when
installed, the gazetteer are loaded then); throughput is measured afterwards, ``--repeat``
times over the same documents, and the median and best pass are printed. When the gazetteer is
loaded its ``find()`` is also timed alone, so the rules' own share can be read off.

Targets (issue 3): >= 200 documents/s after start-up, start-up < 2 s, peak RSS < 400 MB with
the gazetteer loaded.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset" / "articles"
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
    paragraphs = [
        p.strip()
        for f in sorted(DEVSET.glob("*.txt"))
        for p in re.split(r"\n\s*\n", f.read_text("utf-8"))
        if len(p.strip()) > 40
    ]
    docs: list[str] = []
    while len(docs) < n:
        target = rng.randint(MIN_BYTES, MAX_BYTES)
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < target:
            para = re.sub(r"\d+", lambda m: _vary_number(m, rng), rng.choice(paragraphs))
            parts.append(para)
        docs.append("\n\n".join(parts)[:MAX_BYTES])
    return docs


def _idle_ticks() -> dict[int, int]:
    """Idle time per CPU so far, from /proc/stat (empty where there is none)."""
    try:
        lines = Path("/proc/stat").read_text().splitlines()
    except OSError:
        return {}
    return {
        int(f[0][3:]): int(f[4])
        for f in (ln.split() for ln in lines)
        if f[0].startswith("cpu") and f[0] != "cpu"
    }


def _one_core() -> str:
    """Pin this process to one CPU, the idlest over a short look; say which (or why not)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    allowed = os.sched_getaffinity(0)
    before = _idle_ticks()
    time.sleep(0.3)
    after = _idle_ticks()
    idle = {c: after[c] - before.get(c, 0) for c in after if c in allowed}
    cpu = max(idle, key=idle.__getitem__) if idle else max(allowed)
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the documents")
    parser.add_argument(
        "--no-gazetteer",
        action="store_true",
        help="leave the gazetteer out, to time the rules alone",
    )
    args = parser.parse_args()
    if not DEVSET.exists():
        print(f"devset not found at {DEVSET}; nothing to benchmark", file=sys.stderr)
        return 1
    core = _one_core()
    docs = generate(args.docs, args.seed)
    if args.no_gazetteer:
        # the gazetteer is left out by replacing a pipeline function, which a compiled
        # pipeline (make fast) would not see: the rules alone are timed as Python
        os.environ["HARMWATCH_PURE"] = "1"
    t0 = time.perf_counter()
    from datetime import date

    try:
        import harmwatch  # noqa: F401
    except ImportError:  # not installed: use the source tree
        sys.path.insert(0, str(ROOT / "src"))
    from harmwatch.extract import extract_text, pipeline

    if args.no_gazetteer:
        pipeline._gazetteer = lambda: None  # what the pipeline does when places is absent
    published = date(2020, 10, 30)
    extract_text(docs[0], published=published)  # loads codebook, regexes, gazetteer
    startup = time.perf_counter() - t0
    passes: list[float] = []
    for _ in range(max(1, args.repeat)):
        t1 = time.perf_counter()
        for text in docs:
            extract_text(text, published=published)
        passes.append(len(docs) / (time.perf_counter() - t1))
    gazetteer = pipeline._gazetteer()
    gaz_line = "gazetteer: not loaded" + (
        " (--no-gazetteer)" if args.no_gazetteer else " (harmwatch.extract.places not available)"
    )
    if gazetteer is not None:
        t2 = time.perf_counter()
        for text in docs:
            gazetteer.find(text)
        gaz_ms = (time.perf_counter() - t2) / len(docs) * 1000
        gaz_line = f"gazetteer: loaded; its find() alone takes {gaz_ms:.2f} ms/document"
    from harmwatch._compiled import compiled_modules

    compiled = len(compiled_modules())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_kb = sum(len(d.encode()) for d in docs) / len(docs) / 1024
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"documents: {len(docs)} (mean {size_kb:.1f} KB), one core: {core}")
    print(gaz_line)
    print(f"compiled modules (make fast): {compiled or 'none, pure Python'}")
    print(f"start-up (import + first document): {startup:.2f} s")
    print(
        f"throughput: {statistics.median(passes):.0f} documents/s median of {len(passes)} "
        f"passes (best {max(passes):.0f})"
    )
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
