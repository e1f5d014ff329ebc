"""Bytes to text: encodings real pages use, and what must be refused."""

from __future__ import annotations

import codecs

import pytest

from harmwatch.errors import BinaryContent, EmptyInput, EncodingError
from harmwatch.ingest.decode import decode_bytes

RUSSIAN = "Обстрел Степанакерта продолжался всю ночь; повреждены жилые дома и школа."
ARMENIAN = "Ստեփանակերտի հրթիռակոծությունը շարունակվել է ամբողջ գիշեր։"
FRENCH = "Le bombardement a endommagé l'école et l'église du village, a précisé le maire."


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (FRENCH.encode("latin-1"), FRENCH),
        (ARMENIAN.encode("utf-8"), ARMENIAN),
        (codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), RUSSIAN),
        (RUSSIAN.encode("utf-16-le"), RUSSIAN),
        (codecs.BOM_UTF8 + ARMENIAN.encode("utf-8"), ARMENIAN),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, text: str) -> None:
    decoded, _encoding = decode_bytes(data, "sample")
    assert decoded == text


def test_declared_charset_wins() -> None:
    html = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
    decoded, encoding = decode_bytes(html.encode("cp1251"), "page.html")
    assert RUSSIAN in decoded and encoding == "windows-1251"


def test_mixed_encodings_are_decoded_line_by_line() -> None:
    lines = [f"Line {i}: Ереван сообщает о новых обстрелах.".encode() for i in range(6)]
    lines.insert(3, RUSSIAN.encode("cp1251"))
    decoded, encoding = decode_bytes(b"\n".join(lines), "mixed.txt")
    assert RUSSIAN in decoded
    assert "Ереван сообщает" in decoded
    assert encoding.startswith("utf-8+")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyInput, "0 bytes"),
        (b"   \n\t  \r\n", EmptyInput, "whitespace"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), BinaryContent, "PNG"),
        (bytes(range(256)) * 20, BinaryContent, "binary"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), BinaryContent, "ELF"),
    ],
)
def test_refusals_are_typed_and_name_the_reason(data: bytes, error: type, words: str) -> None:
    with pytest.raises(error) as caught:
        decode_bytes(data, "input.bin")
    assert str(caught.value).startswith("input.bin: ")
    assert words in str(caught.value)


def test_bom_that_lies_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa broken", "liar.txt")
