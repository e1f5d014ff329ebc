"""Language identification for article text, small and deterministic.

A script pass decides the non-Latin languages we meet in this domain (Armenian, Georgian,
Arabic, Hebrew, Cyrillic with Ukrainian letters told apart from Russian); Latin text is decided by
counting very frequent function words per language. This is enough for routing and display, and
it loads no model: ingestion must work offline and start fast.
"""

from __future__ import annotations

import re
from collections import Counter

#: Fewer letters than this and we do not guess.
MIN_LETTERS = 20
#: Share of letters a script needs to decide the language on script alone.
SCRIPT_SHARE = 0.5

_SCRIPTS = [
    ("hy", re.compile(r"[\u0531-\u0587]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
]
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")

_FUNCTION_WORDS = {
    "en": "the of and to in is was that for on with by as were from said have has at are".split(),
    "de": "der die und das den nicht ist mit ein eine auf für von zu sich dem des im wurde".split(),
    "fr": "le la les des et est une un du que dans pour pas par sur qui au aux ont été".split(),
    "es": "el la los las de y que en un una por con para del se fue son al como más".split(),
    "it": "il di che la e un una per non sono del della con gli le nel anche è".split(),
    "pl": "i w z na się nie do że to jest o jak po przez dla od ich oraz był".split(),
    "tr": "ve bir bu da de için ile olarak olan çok gibi daha sonra ama en".split(),
    "az": "və bir bu da ilə üçün olan edib olub isə görə daha ki artıq".split(),
    "pt": "o a os as de e que em um uma para com não por mais do da foi".split(),
    "nl": "de het een en van in is dat op te zijn met voor niet die aan er".split(),
}
_WORD = re.compile(r"[^\W\d_]+")
_LOOKUP: dict[str, list[str]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words:
        _LOOKUP.setdefault(_w, []).append(_lang)


def detect_language(text: str, sample: int = 5000) -> str | None:
    """ISO 639-1 code of the main language of ``text``, or ``None`` when unsure."""
    chunk = text[:sample]
    letters = sum(1 for ch in chunk if ch.isalpha())
    if letters < MIN_LETTERS:
        return None
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(chunk)) / letters >= SCRIPT_SHARE:
            if code == "ru" and len(_UKRAINIAN.findall(chunk)) > 3:
                return "uk"
            return code
    votes: Counter[str] = Counter()
    for word in _WORD.findall(chunk.lower()):
        for lang in _LOOKUP.get(word, ()):
            votes[lang] += 1
    if not votes:
        return None
    if "ə" in chunk.lower() and votes["az"]:
        return "az"
    best, count = votes.most_common(1)[0]
    return best if count >= 3 else None
