"""Name normalisation shared by the index builder and the text matcher.

Why one function: a name is found only when the key computed from the text equals the key
stored at build time, so both sides must fold spelling variation the same way. The folding
is deliberately aggressive because conflict reporting spells the same place many ways:

* case: ``casefold`` ("KYIV", "Kyiv");
* diacritics: NFKD and drop combining marks ("Şuşa" -> "susa", "Xankəndi" -> "xankendi");
  letters that do not decompose get an explicit ASCII fold (``ə`` ``ı`` ``ł`` ``ø`` ``ß`` ...);
* hyphens and dashes become spaces ("Nagorno-Karabakh" == "Nagorno Karabakh",
  "Deir al-Balah" == "Deir al Balah");
* apostrophes and ayn/hamza marks are dropped ("Cox's" == "Coxs", "Ma'arat" == "Maarat");
* the Arabic article inside a name is written "al" whatever letter it is assimilated to
  ("Jisr ash-Shughur" == "Jisr al-Shughur", "Deir ez-Zor" == "Deir al-Zor", "Deir el-Balah" ==
  "Deir al-Balah"); an article that opens a name is kept as written, since names are looked
  up by their first word;
* runs of whitespace collapse to one space.

Letters of other scripts (Cyrillic, Armenian) are casefolded but otherwise kept, so Cyrillic
and Armenian alternate names still match text written in those scripts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD leaves alone but that readers treat as plain Latin letters.
_FOLD = str.maketrans(
    {
        "ə": "e",
        "Ə": "e",
        "ı": "i",
        "İ": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ħ": "h",
        "ŧ": "t",
    }
)

# Hyphen-like characters (hyphen-minus, hyphen, non-breaking hyphen, figure dash, en/em dash).
HYPHENS = "-\u2010\u2011\u2012\u2013\u2014"
# Apostrophe-like characters, including the ayn/hamza marks of Arabic transliteration.
APOSTROPHES = "'\u2018\u2019\u201b\u02bb\u02bc\u02bf\u02be\u00b4`\u2032"

# Removed outright: apostrophes, ayn/hamza marks and dots ("U.S." == "US").
_DROP_RE = re.compile(f"[{APOSTROPHES}.]")
# Collapsed to one space: hyphens, dashes and whitespace.
_SEP_RE = re.compile(f"[\\s{re.escape(HYPHENS)}]+")

# The assimilated forms of the Arabic article, each read as "al" between two words of a name
# (the text matcher maps a glued or connecting article word through the same table).
ARTICLE_FORMS = {
    form: "al" for form in "as ash ad adh ar at ath az an es esh ed er et ez en el".split()
}
_ARTICLE_RE = re.compile(rf" (?:{'|'.join(ARTICLE_FORMS)})(?= \S)")

# Scripts whose alternate names the index keeps (see docs/gazetteer.md): Latin (basic,
# supplements, extended, IPA-ish modifiers, Latin Extended Additional), Cyrillic, Armenian,
# plus general punctuation. Everything else (Arabic, CJK, ...) can never match English text
# and would only make the file larger.
_KEPT_SCRIPTS_RE = re.compile(
    "^[\u0000-\u02ff\u0300-\u036f\u0400-\u052f\u0531-\u058f\u1e00-\u1eff\u2010-\u2027]+$"
)


def fold(name: str) -> str:
    """Uncached :func:`normalise` (the builder calls it once per name; no cache churn)."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_FOLD))
        if not text.isascii():
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.casefold()
    text = _SEP_RE.sub(" ", _DROP_RE.sub("", text)).strip()
    return _ARTICLE_RE.sub(" al", text) if " " in text else text


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Return the index key of ``name`` (see the module docstring for what is folded)."""
    return fold(name)


def in_kept_scripts(name: str) -> bool:
    """True when every character of ``name`` is Latin, Cyrillic, Armenian or punctuation."""
    return bool(_KEPT_SCRIPTS_RE.match(name))


def looks_like_romanisation_noise(name: str) -> bool:
    """True for GeoNames alternates written entirely in lowercase.

    GeoNames carries machine romanisations of CJK/Arabic names ("swldw", "surudeu"); they are
    lowercase, never how an English text writes a place, and only produce false matches.
    """
    return name.islower()


def word_count(key: str) -> int:
    """Number of space-separated words in a normalised key."""
    return key.count(" ") + 1 if key else 0
