"""Where the extraction tests find their data (tests skip when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DEVSET = SHARED / "devset"
SEEDS = SHARED / "seeds"
PROJECT = REPO / "tests" / "data" / "extract"
REALWORLD = SHARED / "corpora" / "realworld-html"

#: An article written for these tests (not third-party text): figures, dates, places, furniture.
SAMPLE = """Shelling kills five civilians in Martuni as hospital is hit

STEPANAKERT, Oct 4 (Harmwatch Wire) - At least five civilians were killed and 12 others were
wounded on Saturday when Azerbaijani forces shelled residential areas of Martuni, the Human
Rights Ombudsman of Artsakh said. Among the dead were two children.

The town's hospital was struck by a rocket, and 40 houses were damaged. About 2,000 residents
fled to Stepanakert. No medical staff were injured.

Since September 27, at least 44 civilians have been killed, the ombudsman said, as of October 3.
A 46-year-old teacher survived; the attack used cluster munitions costing $2 million.
"""
