"""A small grammar for counts as news states them.

Handles digits ("2,000", "1.4 million"), words ("twenty-five", "a dozen"),
vague amounts ("dozens", "hundreds of thousands") and qualifiers ("at least",
"more than", "nearly", "up to", "about").  No library covers this mix.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from sitrep.bounds import MAX_COUNT
from sitrep.lang import month_pattern, vocabulary
from sitrep.lang.patterns import expand
from sitrep.model import Number, Qualifier

__all__ = ["CountMention", "find_counts", "number_words", "parse_count", "qualify", "word_value"]

_EN = vocabulary("en")
_NUMBERS: dict[str, dict[str, int]] = _EN.data["numbers"]
_UNITS = _NUMBERS["units"]  # "zero" ... "nineteen"
_TENS = _NUMBERS["tens"]  # "twenty" ... "ninety"
_SCALES = _NUMBERS["scales"]  # "hundred", "thousand", "million", "billion"
# (pattern, qualifier), in the order the count pattern tries them: "at least" before "at"
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    ("|".join(expand(a) for a in alternatives), qualifier)
    for qualifier, alternatives in _EN.data["qualifiers"]
]
_QUALIFIER_RE = "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_QUALIFIERS))

_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}|and|hundred|thousand|million))*)"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:million|thousand|hundred|billion|mln|m\b|k\b|bn\b))?"

# A count starts a word: "one" in "someone" or "none", "22" in "Kh-22" are none.
_COUNT_RE = re.compile(
    rf"""
    (?<![\w'’-])
    (?:(?:{_QUALIFIER_RE})\s+)?
    (?P<core>
        (?P<zero>no(?:[\s-]+one)?(?![\w.])|none|nobody)
      | (?P<digits>{_DIGITS}){_SCALE}
      | (?P<dozen>(?:a|one|half\s+a)\s+dozen)
      | (?P<vague>hundreds\s+of\s+thousands|tens\s+of\s+thousands|dozens|scores|hundreds|thousands|millions)(?:\s+of\s+(?:thousands|people))?
      | (?P<words>{_WORD_NUMBER})
    )\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class CountMention:
    """A count found in text: ``text[start:end]`` is the whole phrase."""

    start: int
    end: int
    number: Number


def number_words(low: int, high: int) -> str:
    """The spelled-out units from ``low`` to ``high`` as a regex alternation, in order:
    ``number_words(1, 3)`` is ``"one|two|three"``."""
    return "|".join(word for word, n in _UNITS.items() if low <= n <= high)


def word_value(text: str) -> int | None:
    """Value of a spelled-out number: ``"twenty-five"`` → 25; ``None`` if not one."""
    total, current = 0, 0
    seen = False
    for token in re.split(r"[\s-]+", text.lower().strip()):
        if token in ("and", ""):
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(digits: str, tail: str) -> int:
    value = float(digits.replace(",", ""))
    scale = tail.strip().lower()
    factor = _NUMBERS["digit_scales"].get(scale, 1)
    total = value * factor
    # 310 digits are no float: a count over every bound, which bounded_document drops
    return round(total) if math.isfinite(total) else MAX_COUNT + 1


def _vague(word: str) -> Number:
    word = " ".join(word.lower().split())
    if word.startswith("hundreds of thousands"):
        return Number(None, "hundreds", 200_000, None)
    if word.startswith("tens of thousands"):
        return Number(None, "dozens", 20_000, None)
    low = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000}
    qualifier: Qualifier = "dozens" if word.startswith(("dozens", "scores")) else "hundreds"
    return Number(None, qualifier, low.get(word.split()[0]), None)


def qualify(value: int, qualifier: Qualifier) -> Number:
    """``value`` with ``qualifier`` and the bounds it implies: ``qualify(25, "at_least")``."""
    if qualifier == "exact":
        return Number.exact(value)
    if qualifier in ("at_least",):
        return Number(value, qualifier, value, None)
    if qualifier == "more_than":
        return Number(value, qualifier, value + 1, None)
    if qualifier == "nearly":
        return Number(value, qualifier, None, value)
    if qualifier == "up_to":
        return Number(value, qualifier, 0, value)
    return Number(value, qualifier, None, None)


def _match_number(m: re.Match[str]) -> Number | None:
    qualifier: Qualifier = "exact"
    for i, (_, name) in enumerate(_QUALIFIERS):
        if m.group(f"q{i}"):
            qualifier = name
    if m.group("zero"):
        return Number.exact(0)
    if m.group("digits"):
        tail = m.group("core")[len(m.group("digits")) :]
        return qualify(_digits_value(m.group("digits"), tail), qualifier)
    if m.group("dozen"):
        value = 6 if m.group("dozen").lower().startswith("half") else 12
        return qualify(value, qualifier)
    if m.group("vague"):
        return _vague(m.group("vague"))
    spelled = word_value(m.group("words"))
    return None if spelled is None else qualify(spelled, qualifier)


def find_counts(text: str) -> list[CountMention]:
    """Every count phrase in ``text``, left to right.

    Years, times and ordinals are not counts: "in 2022", "5am", "second".
    """
    found: list[CountMention] = []
    for m in _COUNT_RE.finditer(text):
        if _looks_like_non_count(text, m):
            continue
        number = _match_number(m)
        if number is not None:
            found.append(CountMention(m.start(), m.end(), number))
    return found


# A number right after a month ("March 9") or right before a month's full name ("9 March") is
# a day (the text around it is lower-cased first).
_MONTH_BEFORE = re.compile(rf"{month_pattern()}\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s+{month_pattern(abbreviations=False)}\b", re.I)


def _looks_like_non_count(text: str, m: re.Match[str]) -> bool:
    digits = m.group("digits")
    after = text[m.end() : m.end() + 12].lower()
    before = text[max(0, m.start() - 12) : m.start()].lower()
    if (
        digits
        and "," not in digits
        and "." not in digits
        and len(digits) == 4
        and 1900 <= int(digits) <= 2100
    ):
        return True  # a year
    if re.search(r"\baged\s*$", before) or re.match(
        r"[\s-]*(?:(?:years?|months?)[\s-]+old\b|y\.\s?o\.|yo\b)", after
    ):
        return True  # an age: "aged 70", "70 years old"
    if re.match(
        r"\s*(?:am|pm|a\.m|p\.m|:\d|h\b|%|per\s*cent|km|kilomet|miles?\b|-year|-storey|-story|-floor|st\b|nd\b|rd\b|th\b)",
        after,
    ):
        return True
    if _MONTH_BEFORE.search(before):
        return True  # "March 9"
    if _MONTH_AFTER.match(after):
        return True  # "9 March"
    return bool(re.search(r"[$€£]\s*$", before))


def parse_count(text: str) -> Number | None:
    """The count of a phrase that is exactly one count: ``"at least 25"``."""
    counts = find_counts(text)
    if len(counts) == 1 and counts[0].start == 0 and counts[0].end == len(text.rstrip()):
        return counts[0].number
    return None
