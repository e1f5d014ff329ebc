"""Stage 9: relevance — does the document report conflict harm at all?

The codebook's definition is the rule: a document is relevant when it reports at least one harm
category (every category but ``response``). The conflict gates of the categories stage already
keep disasters, accidents, crime, sport and economy from cueing harm categories, so this stage
only applies the definition and records why, which analysts see when they triage.
"""

from __future__ import annotations

from harmwatch.codebook import HARM_CATEGORIES

__all__ = ["relevance"]


def relevance(categories: set[str]) -> tuple[bool, list[str]]:
    """``(relevant, reasons)``: the harm categories that make the document relevant."""
    reasons = sorted(categories & HARM_CATEGORIES)
    return bool(reasons), reasons
