"""Quality gate on the shared devset: gold event locations must be among find() results.

The devset is third-party text kept outside the repository (``../shared/devset``); the test
is skipped when it is absent. Only recall is gated here: deciding which found places are
*event* locations is the pipeline's job, so this module's duty is to find real places and
resolve them, with their spellings, so that any gold spelling matches a name or alternate.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from harmwatch.extract.places import Gazetteer

SHARED = Path(
    os.environ.get("HARMWATCH_SHARED", Path(__file__).resolve().parents[3].parent / "shared")
)
DEVSET = SHARED / "devset"
# Pinned floor with a small noise margin under the measured 104/108 = 0.963 (the four misses
# are not written in the texts as place names: "the city's port area", a truncated "lake Sev",
# Cameroon's "the West" and "the English-speaking Southwest").
RECALL_FLOOR = 0.95

pytestmark = pytest.mark.skipif(not (DEVSET / "gold.jsonl").is_file(), reason="no ../shared/devset")


def _documents() -> list[dict]:
    return [json.loads(line) for line in (DEVSET / "gold.jsonl").read_text().splitlines() if line]


def test_event_location_recall(gaz: Gazetteer) -> None:
    total = matched = 0
    misses: list[str] = []
    for doc in _documents():
        text = (DEVSET / "articles" / f"{doc['id']}.txt").read_text(encoding="utf-8")
        found: set[str] = set()
        for m in gaz.find(text):
            assert text[m.start : m.end] == m.mention
            found.add(m.name.casefold())
            found.update(a.casefold() for a in m.alternates)
        for location in doc["event_locations"]:
            total += 1
            if location.casefold() in found:
                matched += 1
            else:
                misses.append(f"{doc['id']}:{location}")
    recall = matched / total
    print(f"devset event-location recall {matched}/{total} = {recall:.3f}; misses: {misses}")
    assert recall >= RECALL_FLOOR, misses


def test_hard_negatives_stay_quiet(gaz: Gazetteer) -> None:
    """Documents without gold locations produce few mentions, all of them real countries/cities."""
    for doc in _documents():
        if doc["event_locations"]:
            continue
        text = (DEVSET / "articles" / f"{doc['id']}.txt").read_text(encoding="utf-8")
        for m in gaz.find(text):
            assert m.feature in {"country", "region", "city", "area"}, (doc["id"], m)
