"""Bytes to text, tolerating what real pages send, rejecting what is not text.

The cascade (each step runs only when the one before could not decide):

1. **Sniff**: magic numbers of binary formats (images, archives, executables) -> BinaryContent;
   a byte-order mark decides UTF-8/16/32 outright.
2. **Declared**: an HTML ``<meta charset>`` or XML declaration is tried strictly.
3. UTF-16 without a BOM when the high bytes take very few values, then **UTF-8** strictly.
4. **Mixed**: when most non-ASCII lines are valid UTF-8 and a few are not (a page assembled from
   sources in different encodings), lines are decoded one by one, the others with a guess.
5. **Guess** with charset-normalizer (cp1251, latin-1, ...).
6. **Sanity**: decoded text with too many control or replacement characters -> EncodingError or
   BinaryContent.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from harmwatch.errors import BinaryContent, EmptyInput, EncodingError

#: Share of control characters (other than tab/newline/CR/FF) above which bytes are binary.
MAX_CONTROL_SHARE = 0.02
#: Share of U+FFFD replacement characters above which a decoding is not plausible text.
MAX_REPLACEMENT_SHARE = 0.01
#: Bytes sniffed for a declared charset.
DECLARATION_WINDOW = 4096

_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "ELF executable",
    b"MZ": "Windows executable",
    b"Rar!": "RAR archive",
    b"7z\xbc\xaf": "7-Zip archive",
    b"\x00\x00\x01\x00": "icon",
    b"RIFF": "RIFF media",
    b"OggS": "Ogg media",
    b"ID3": "MP3 audio",
    b"\x1f\x8b": "gzip data",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"SQLite format 3": "SQLite database",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
#: In UTF-16 text without a BOM, the high byte of each code unit takes very few values, and the
#: most common one names a script block: 0x00 Latin, 0x03 Greek, 0x04 Cyrillic, 0x05 Armenian
#: and Hebrew, 0x06 Arabic, 0x10 Georgian. ASCII text ("0000...") must not pass for UTF-16.
UTF16_HIGH_BYTE_VALUES = 3
UTF16_SCRIPT_BLOCKS = {0x00, 0x03, 0x04, 0x05, 0x06, 0x10}


def _utf16_candidates(data: bytes) -> list[str]:
    if len(data) < 8 or len(data) % 2:
        return []
    sample = data[:4000]
    out = []
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        top = max(set(high), key=high.count)
        if top in UTF16_SCRIPT_BLOCKS and (
            len(set(high)) <= UTF16_HIGH_BYTE_VALUES or high.count(top) > 0.9 * len(high)
        ):
            out.append(encoding)
    return out


def sniff_binary(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or ``None``."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    return None


def _check(text: str, source: str, encoding: str) -> str:
    if not text.strip():
        raise EmptyInput(source, "no text (whitespace only)")
    sample = text[:200_000]
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise BinaryContent(
            source, f"binary content (control characters after {encoding} decoding)"
        )
    if sample.count("\ufffd") > MAX_REPLACEMENT_SHARE * len(sample):
        raise EncodingError(
            source, f"undecodable bytes (too many invalid sequences for {encoding})"
        )
    return text


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes) -> str | None:
    best = from_bytes(data).best()
    return best.encoding if best else None


def _mixed(data: bytes) -> tuple[str, str] | None:
    lines = data.splitlines(keepends=True)
    non_ascii = [line for line in lines if not line.isascii()]
    bad = [line for line in non_ascii if _strict(line, "utf-8") is None]
    if not non_ascii or len(bad) * 2 > len(non_ascii):
        return None
    other = _guess(b"".join(bad)) or "cp1252"
    if other.lower().replace("_", "-") in {"utf-8", "utf8", "ascii"}:
        other = "cp1252"
    parts = [
        decoded
        if (decoded := _strict(line, "utf-8")) is not None
        else line.decode(other, errors="replace")
        for line in lines
    ]
    return "".join(parts), f"utf-8+{other}"


def decode_bytes(data: bytes, source: str, *, declared_ok: bool = True) -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)`` or raises a typed rejection."""
    if not data:
        raise EmptyInput(source, "empty file (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise EncodingError(
                    source, f"byte-order mark says {encoding} but bytes do not decode"
                )
            return _check(text.lstrip("\ufeff"), source, encoding), encoding
    binary = sniff_binary(data)
    if binary:
        raise BinaryContent(source, f"binary content ({binary})")
    if declared_ok:
        match = _DECLARED.search(data[:DECLARATION_WINDOW])
        if match:
            declared = match.group(1).decode("ascii").lower()
            text = _strict(data, declared)
            if text is not None:
                return _check(text, source, declared), declared
    for encoding in _utf16_candidates(data):
        text = _strict(data, encoding)
        if text is not None and not _CONTROL.search(text[:2000]):
            return _check(text, source, encoding), encoding
    text = _strict(data, "utf-8")
    if text is not None:
        return _check(text, source, "utf-8"), "utf-8"
    if len(_CONTROL_BYTES.findall(data[:200_000])) > MAX_CONTROL_SHARE * min(len(data), 200_000):
        raise BinaryContent(source, "binary content (control bytes)")
    mixed = _mixed(data)
    if mixed:
        return _check(mixed[0], source, mixed[1]), mixed[1]
    guess = _guess(data)
    if guess:
        text = _strict(data, guess)
        if text is not None:
            return _check(text, source, guess), guess
    raise EncodingError(source, "no encoding decodes these bytes to plausible text")
