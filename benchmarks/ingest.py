"""Ingestion speed and memory on real pages, against trafilatura alone in the same run.

    python benchmarks/ingest.py [--corpus ../shared/corpora/realworld-html] [--repeat 3]

Measures, on the same pages:

* **baseline**: single-process ``trafilatura.extract(html, with_metadata=True,
  output_format="json")`` over every page (the corpus README's reference measurement);
* **harmwatch**: ``harmwatch ingest DIR`` into a fresh SQLite archive with the default
  settings (one parsing process per core), including decoding, furniture removal, MinHash,
  blob writes, the custody log and FTS indexing.

Each runs in its own subprocess so peak memory (max RSS, from ``wait4``) is its own; for
harmwatch the peak of the largest single process (writer or a parsing worker) is reported. The
median of ``--repeat`` runs is printed as a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "realworld-html"

BASELINE = r"""
import sys, pathlib, trafilatura
pages = sorted(pathlib.Path(sys.argv[1]).glob("*"))
for page in pages:
    trafilatura.extract(page.read_bytes(), with_metadata=True, output_format="json")
print(len(pages))
"""


def _run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS of the largest process (MB), stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{command[:3]} failed ({proc.returncode}): {stderr[-2000:]}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, peak_kb / 1024, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = sorted(p for p in args.corpus.glob("*") if p.is_file())
    if not pages:
        raise SystemExit(f"no pages in {args.corpus}")
    size = sum(p.stat().st_size for p in pages)
    results: dict[str, list[tuple[float, float]]] = {"baseline": [], "harmwatch": []}
    summary: dict = {}
    for _ in range(args.repeat):
        # ru_maxrss of RUSAGE_CHILDREN is a running maximum, so each measurement runs in a
        # fresh interpreter that reports its own children's peak.
        wall, peak, _out = _measure([sys.executable, "-c", BASELINE, str(args.corpus)])
        results["baseline"].append((wall, peak))
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "HARMWATCH_HOME": home}
            wall, peak, out = _measure(
                [sys.executable, "-m", "harmwatch", "ingest", str(args.corpus), "--json"], env
            )
            summary = json.loads(out)
        results["harmwatch"].append((wall, peak))
    print(
        f"corpus: {args.corpus} ({len(pages)} pages, {size / 1e6:.1f} MB), cores: "
        f"{os.cpu_count()}, runs: {args.repeat} (median)"
    )
    print(
        f"harmwatch stored {summary['stored']}, near-duplicates {summary['duplicates']}, "
        f"rejected {summary['rejected']} {summary['rejected_by_reason']}"
    )
    print("\n| pipeline | pages/s | MB/s | peak memory (largest process) |")
    print("| --- | ---: | ---: | ---: |")
    for name, label in (
        ("baseline", "trafilatura alone, 1 process"),
        ("harmwatch", "harmwatch ingest (parse + store)"),
    ):
        wall = statistics.median(w for w, _ in results[name])
        peak = statistics.median(p for _, p in results[name])
        print(f"| {label} | {len(pages) / wall:.1f} | {size / 1e6 / wall:.2f} | {peak:.0f} MB |")


def _measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "w = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'wall': w, 'peak': peak, 'rc': p.returncode, 'out': p.stdout,"
        " 'err': p.stderr[-2000:]}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, env=env
    )
    data = json.loads(proc.stdout)
    if data["rc"] not in (0, 1):
        raise SystemExit(f"{command[:4]} failed ({data['rc']}): {data['err']}")
    return data["wall"], data["peak"], data["out"]


if __name__ == "__main__":
    main()
