"""The word index gives exactly what plain ``re`` gives, only faster.

The speed-ups of the extractor (anchor prefixes, the document word index, the reporting-verb
regions of ``claimed_by``, the grouped measure cues, the per-stage gates) are only allowed if
the output does not change; these tests compare each with the plain regex call it replaces, on
the project's test documents and on random windows and token soups (seeded, so reproducible).
"""

from __future__ import annotations

import random
import re
import sys

import pytest
from extract_testdata import PROJECT

from harmwatch.codebook import load_codebook
from harmwatch.codebook.anchors import AnchoredPattern, anchor, registered
from harmwatch.extract import actors, dates, measure_cues, numbers, sites
from harmwatch.extract.wordindex import ODD_CASE_CHARS, Windows, WordIndex

DOCS = [p.read_text("utf-8") for p in sorted((PROJECT / "docs").glob("*.txt"))[:12]]
#: Every code point but the surrogates, which a str may not hold.
ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def _spans(matches: list[re.Match[str]] | re.Match[str] | None) -> object:
    if isinstance(matches, list):
        return [m.span() for m in matches]
    return matches.span() if matches else None


def _windows(text: str, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Random windows, most with edges on word boundaries (as sentences have)."""
    out = []
    for _ in range(count):
        s = rng.randint(0, len(text))
        e = min(len(text), s + rng.randint(0, 400))
        if rng.random() < 0.7:
            while 0 < s < len(text) and text[s - 1].isalnum() and text[s].isalnum():
                s -= 1
            while 0 < e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
                e += 1
        out.append((s, e))
    return out


def test_odd_case_chars_are_all_there_are() -> None:
    for ascii_char in "abcdefghijklmnopqrstuvwxyz0123456789_":
        matching = set(re.findall(re.escape(ascii_char), ALL_CHARS, re.IGNORECASE))
        assert {c for c in matching if c.lower() != ascii_char} <= set(ODD_CASE_CHARS)


def test_word_characters_are_alnum_or_underscore() -> None:
    # WordIndex.inside_word tests "\w" with str methods instead of the pattern
    word = re.findall(r"\w", ALL_CHARS)
    assert word == [c for c in ALL_CHARS if c.isalnum() or c == "_"]


def test_lower_casing_keeps_word_characters_in_place() -> None:
    single = "".join(c for c in ALL_CHARS if len(c.lower()) == 1)
    lowered = single.lower()
    assert len(lowered) == len(single)

    def word_mask(chars: str) -> str:  # "1" for a word character, "0" for any other
        return re.sub(r"\W", "0", re.sub(r"\w", "1", chars))

    assert word_mask(single) == word_mask(lowered)


@pytest.mark.parametrize(
    "pattern,flags,prefixes",
    [
        (r"\bshell(?:ed|ing)\b", re.IGNORECASE, ("shelle", "shelli")),
        (r"\b(?:a|an)\s+x", 0, ("a ", "an ")),
        (r"(?<![\w-])(?:dead|deaths?)(?![\w])", 0, ("dead ", "death ", "deaths")),  # 6 at most
        (r"\brap(?:e|ed)\b", re.IGNORECASE, ("rape ", "raped ")),  # "rape ": only the word "rape"
        (r"\b(?:the\s+)?Boko", 0, ("boko", "the ")),
        # after "on " a match that opens with a digit opens a word
        (r"(?<=\bon )[0-3]?\d[/.]", 0, ("0", "1", "2", "3", "4 ", "5 ", "6 ", "7 ", "8 ", "9 ")),
        (r"(?<=\bon)\d", 0, None),  # may start inside a word ("on5")
        (r"foo", 0, None),  # may start inside a word
        (r"\b\w+ said", 0, None),  # no literal to start with
    ],
)
def test_anchor_prefixes(pattern: str, flags: int, prefixes: tuple[str, ...] | None) -> None:
    assert anchor(re.compile(pattern, flags)).prefixes == prefixes


@pytest.mark.parametrize(
    "pattern,seconds",
    [
        (r"\bthe combat\b", {"the ": ("combat",)}),
        (
            r"\b(?:soldiers|the army|armed (?:men|groups?)) x",
            {"armed ": ("group ", "groups", "men "), "the ": ("army ",)},
        ),
        (r"\b(?:is|was) fighting\b", {"is ": ("fighti",), "was ": ("fighti",)}),
        (r"\bthe[\s-]army", {"the ": ("army",)}),
        (r"\bthe-army", {"the ": ()}),  # no second word after one space
        (r"\bthe\b", None),  # the match may end after the first word
        (r"\bthe\s+$", None),
        (r"\bthe\s+(?:\w+\s+){0,3}office", None),  # any word may come second
        (r"\bthe(?: army)?\b", None),
        (r"\bthe\W+army", {"the ": ("army",)}),  # a non-word character takes the space
        (r"\bthe\s+(?:\w+ )?(?:army|navy)", None),  # any word may come second
    ],
)
def test_second_word_prefixes(pattern: str, seconds: dict[str, tuple[str, ...]] | None) -> None:
    assert anchor(re.compile(pattern, re.IGNORECASE)).seconds == seconds


def test_a_window_cut_inside_the_second_word_finds_what_re_finds() -> None:
    # "the" is no candidate of "the army" in "the armyfolk", but in a window ending after
    # "army" the pattern matches there
    ap = anchor(re.compile(r"\bthe army\b", re.IGNORECASE))
    text = "Residents feared the armyfolk would return."
    words = WordIndex(text)
    assert words.candidates(ap) == []
    end = text.index("armyfolk") + len("army")
    for start in (0, text.index("the"), 3):
        view = text[start:end]
        assert _spans(words.search_in(ap, start, end, view)) == _spans(ap.pattern.search(view))
        assert _spans(words.finditer_in(ap, start, end, view)) == _spans(
            list(ap.pattern.finditer(view))
        )
        assert _spans(words.search(ap, start, end)) == _spans(ap.pattern.search(text, start, end))


def test_digit_prefixes_are_flagged() -> None:
    ap = anchor(re.compile(r"\b\d+ killed"))
    assert ap.digits and ap.prefixes == tuple("0123456789")
    # a second word's prefixes from \d flag the pattern too
    ap = anchor(re.compile(r"\bin\s+(?:19|20)\d\d\b"))
    assert ap.digits and ap.seconds == {"in ": ("19", "20")}


def _patterns() -> list[AnchoredPattern]:
    load_codebook()
    return [ap for ap in registered() if ap.prefixes is not None]


@pytest.mark.parametrize("variant", ["plain", "upper", "odd"])
def test_index_answers_as_re_does(variant: str) -> None:
    rng = random.Random(f"index-{variant}")
    for text in DOCS[:4]:
        text = {"plain": text, "upper": text.upper(), "odd": text.replace("s", "ſ", 2)}[variant]
        words = WordIndex(text)
        assert words.exact is (variant != "odd")
        for s, e in _windows(text, rng, 4):
            view = text[s:e]
            for ap in _patterns():
                pat = ap.pattern
                assert _spans(words.finditer(ap, s, e)) == _spans(list(pat.finditer(text, s, e)))
                assert _spans(words.search(ap, s, e)) == _spans(pat.search(text, s, e))
                assert _spans(words.finditer_in(ap, s, e, view)) == _spans(list(pat.finditer(view)))
                assert _spans(words.search_in(ap, s, e, view)) == _spans(pat.search(view))


def test_groups_windows_and_gates_answer_as_re_does() -> None:
    rng = random.Random("groups")
    groups = [
        (dates._ALL_DATES, dates.DATE_PATTERNS),
        (numbers._ALL_NUMBERS, numbers.NUMBER_PATTERNS),
        (actors._ACTORS, actors.ACTOR_PATTERNS),
        ((sites._HEAD_OF_ANCHORED, anchor(sites._SITE_BEFORE_HEAD)), sites.SITE_PATTERNS),
    ]
    for text in DOCS:
        words = WordIndex(text)
        bounds = sorted(set(_windows(text, rng, 12)))
        bounds = [
            b for i, b in enumerate(bounds) if b[0] < b[1] and all(b[0] >= o[1] for o in bounds[:i])
        ]  # sorted, not overlapping
        windows = Windows(words, bounds)
        for group, gates in groups:
            touched = windows.touched(gates)
            for n, (s, e) in enumerate(bounds):
                plain = [_spans(list(ap.pattern.finditer(text, s, e))) for ap in group]
                assert [_spans(ms) for ms in words.finditer_each(group, s, e)] == plain
                assert n in touched or not any(plain)
        for ap in _patterns()[::7]:
            assert windows.searching(ap) == {
                n for n, (s, e) in enumerate(bounds) if ap.pattern.search(text[s:e])
            }


def test_reporting_verb_regions_find_every_claim() -> None:
    rng = random.Random("claims")
    vocab = [
        "The",
        "the",
        "Ministry",
        "of",
        "Defense",
        "said",
        "says",
        "has",
        "had",
        "told",
        "reported",
        ",",
        ".",
        "  ",
        "\n",
        "(",
        "“",
        "al-Qaeda",
        "de",
        "in",
        "often",
        "U.S.",
        "Human",
        "Rights",
        "Watch",
        "’s",
        "army",
        "officials",
        "and",
        "for",
        "saidx",
        "unsaid",
        "States",
        "states",
        "SAID",
        "-",
    ]
    for _ in range(3000):
        text = "".join(
            rng.choice(vocab) + rng.choice([" ", "", " ", "\n"]) for _ in range(rng.randint(1, 25))
        )
        s = rng.randint(0, len(text)) if rng.random() < 0.3 else 0
        e = rng.randint(s, len(text)) if rng.random() < 0.3 else len(text)
        got = actors._said_after(text, s, e, WordIndex(text))
        want = list(actors._SAID_AFTER.finditer(text, s, e))
        assert [(m.span(), m.group(1)) for m in got] == [(m.span(), m.group(1)) for m in want]


def test_grouped_measure_cues_choose_as_one_by_one() -> None:
    cb = load_codebook()
    rng = random.Random("measures")
    for text in DOCS:
        words = WordIndex(text)
        for s, e in _windows(text, rng, 30):
            for exclude in (frozenset(), frozenset({"damaged"})):
                assert measure_cues.nearest_right(
                    cb, text, s, e, exclude, words
                ) == measure_cues.nearest_right_each(cb, text, s, e, exclude, words)
                assert measure_cues.nearest_left(
                    cb, text, s, e, exclude, words
                ) == measure_cues.nearest_left_each(cb, text, s, e, exclude, words)
