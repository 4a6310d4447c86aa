"""Find words glued together in scraped text: where a space is missing.

Every function returns insertion points: offsets ``p`` such that a space
belongs between ``text[p - 1]`` and ``text[p]``.  Nothing is ever deleted.
The rules, most to least certain:

* sentence glue -- ``difference.More``, ``Europe.The``: a word of two or more
  letters ending in lowercase, sentence punctuation (and maybe a closing
  quote), then a capitalised word.  Not after abbreviations (``Mr.Smith``) or
  inside URLs and e-mail addresses.  This is also a sentence boundary.
* quote glue -- ``post“Kyiv``: an opening curly quote stuck to the previous
  word, or a closing one stuck to the next.
* lower-upper glue -- ``inObolon``, ``asUkraine's``: a lowercase token start
  followed by a capitalised word, when the lowercase part is a function word
  (``LEAD_FUNCTION_WORDS``), or it is a dictionary word and the capitalised
  part a known name (``PROPER_NAMES``).  Camel case such as ``iPhone``,
  ``McDonald``, ``YouTube``, ``MailOnline`` or ``DeSantis`` never matches:
  either the token starts uppercase or the lowercase part is no function word.
* lower-lower glue -- ``citywhere``, ``notsay``, ``Ukraineand``: a token that
  is not a dictionary word (stems included) and splits into a closed-list
  glue word (``GLUE_WORDS``) plus a dictionary word of four or more letters,
  or into two glue words; a capitalised token only when its head is a known
  name.
"""

from __future__ import annotations

import re

from sitrep.clean._lexicon import (
    ABBREVIATIONS,
    GLUE_WORDS,
    HEAD_GLUE_WORDS,
    LEAD_FUNCTION_WORDS,
    PROPER_NAMES,
    is_known_word,
)

__all__ = ["sentence_glue_points", "word_glue_points"]

# The word starts at a word's start: a match one letter in would end where this one ends, so
# trying there changes nothing but made a long run of letters quadratic.
_SENTENCE_GLUE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)([.!?]+[\"']?)(?=[A-Z][a-z])")
_OPEN_QUOTE_GLUE = re.compile(r"(?<=[A-Za-z0-9,.!?])\u201c(?=[A-Za-z])")
_CLOSE_QUOTE_GLUE = re.compile(r"(?<=[A-Za-z0-9,.!?])\u201d(?=[A-Za-z])")
_LOWER_UPPER = re.compile(r"(?<![A-Za-z'])([a-z]{2,})([A-Z][a-z]+)")
_TOKEN = re.compile(r"(?<![A-Za-z'])[A-Za-z][a-z]{4,}(?![A-Za-z])")
_URLISH = re.compile(r"/|@|#|_|www|\.[a-z]{2,3}\b")


def _run_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited run of ``text`` that contains ``[start, end)``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right_space = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(right_space, default=len(text))]


def _looks_like_address(text: str, start: int, end: int) -> bool:
    return _URLISH.search(_run_around(text, start, end)) is not None


def sentence_glue_points(norm: str, start: int = 0, end: int | None = None) -> list[int]:
    """Insertion points in ``norm[start:end]`` where two sentences are glued."""
    points = []
    for m in _SENTENCE_GLUE.finditer(norm, start, len(norm) if end is None else end):
        word = m.group(1)
        if len(word) < 2 or not word[-2:].islower() or word.lower() in ABBREVIATIONS:
            continue
        if not _looks_like_address(norm, m.start(), m.end()):
            points.append(m.end())
    return points


def _quote_points(raw: str, start: int, end: int) -> list[int]:
    opening = [m.start() for m in _OPEN_QUOTE_GLUE.finditer(raw, start, end)]
    closing = [m.end() for m in _CLOSE_QUOTE_GLUE.finditer(raw, start, end)]
    return opening + closing


def _is_lower_upper_glue(lower: str, upper: str) -> bool:
    if lower in LEAD_FUNCTION_WORDS:
        return True
    return upper in PROPER_NAMES and len(lower) >= 3 and is_known_word(lower)


def _lower_upper_points(norm: str, start: int, end: int) -> list[int]:
    points = []
    for m in _LOWER_UPPER.finditer(norm, start, end):
        if _is_lower_upper_glue(m.group(1), m.group(2)) and not _looks_like_address(
            norm, m.start(), m.end()
        ):
            points.append(m.start(2))
    return points


def _is_glue_split(head: str, tail: str, capitalised: bool) -> bool:
    if capitalised:
        return head in PROPER_NAMES and tail in GLUE_WORDS
    if head in HEAD_GLUE_WORDS and tail in GLUE_WORDS:
        return True
    if head in HEAD_GLUE_WORDS:
        return len(tail) >= 4 and is_known_word(tail)
    return tail in GLUE_WORDS and len(head) >= 4 and is_known_word(head)


def split_glued_token(token: str) -> int | None:
    """Where to split a glued ``token`` such as ``citywhere`` (4), or ``None``."""
    if is_known_word(token):
        return None
    capitalised = token[0].isupper()
    for cut in range(3, len(token) - 2):
        if _is_glue_split(token[:cut], token[cut:], capitalised):
            return cut
    return None


def _lower_lower_points(norm: str, start: int, end: int) -> list[int]:
    points = []
    for m in _TOKEN.finditer(norm, start, end):
        cut = split_glued_token(m.group())
        if cut is not None and not _looks_like_address(norm, m.start(), m.end()):
            points.append(m.start() + cut)
    return points


def word_glue_points(raw: str, norm: str, start: int, end: int) -> list[int]:
    """Sorted insertion points inside one sentence ``[start, end)`` of ``raw``/``norm``."""
    points = (
        _quote_points(raw, start, end)
        + _lower_upper_points(norm, start, end)
        + _lower_lower_points(norm, start, end)
    )
    return sorted({p for p in points if start < p < end})
