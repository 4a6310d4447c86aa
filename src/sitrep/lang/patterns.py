"""The one pattern builder: a language's word lists and cue alternatives made into regexes.

A vocabulary file lists a cue as its alternatives, one a line, in the order the regex tries
them (the first that matches at a position wins, so the order is the data's).  An alternative
is a regex fragment written for reading:

- a space stands for any run of white space (``\\s+``); ``\\s`` stays one character
  (lookbehinds need a fixed width);
- ``{name}`` puts in the named list of the same vocabulary, as a group of its alternatives
  (``{person}``); a quantifier such as ``{0,2}`` is no name and stays a quantifier.

:func:`gate_keys` derives a cue's cheap keyword gate from the same alternatives: for each, the
literal text every match of it contains (its rarest: the longest shortest key).  Nothing
restates a gate by hand, so a new alternative cannot be skipped by a gate that forgot it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "WHOLE_WORD",
    "Cue",
    "alternation",
    "compile_words",
    "expand",
    "gate_keys",
    "word_pattern",
]

# Where a word ends: neither a letter, digit nor hyphen follows ("firefighter" is no
# "firefight", "bombardment" no "bomb", "Kh-22" no "Kh").
WHOLE_WORD = r"(?![\w-])"

_NAME = re.compile(r"\{([a-z_]+)\}")
Lists = Mapping[str, Sequence[str]]


def expand(alternative: str, lists: Lists | None = None) -> str:
    """``alternative`` as a regex: spaces outside ``[...]`` become ``\\s+``, ``{name}`` the
    named list of ``lists`` as a non-capturing group."""
    out: list[str] = []
    in_class = escaped = False
    for char in alternative:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == " ":
            out.append(r"\s+")
            continue
        out.append(char)
    return _NAME.sub(lambda m: _group(m.group(1), lists), "".join(out))


def _group(name: str, lists: Lists | None) -> str:
    if lists is None or name not in lists:
        raise KeyError(f"the vocabulary names no list {name!r} for {{{name}}}")
    return alternation(lists[name], lists)


def alternation(alternatives: Sequence[str], lists: Lists | None = None) -> str:
    """The alternatives as one non-capturing group, in their order."""
    return "(?:" + "|".join(expand(a, lists) for a in alternatives) + ")"


def word_pattern(
    alternatives: Sequence[str],
    lists: Lists | None = None,
    *,
    before: str = r"\b",
    after: str = WHOLE_WORD,
) -> str:
    """The alternatives between a word start (``before``) and a word end (``after``)."""
    return before + alternation(alternatives, lists) + after


def compile_words(
    alternatives: Sequence[str],
    lists: Lists | None = None,
    *,
    before: str = r"\b",
    after: str = WHOLE_WORD,
    flags: re.RegexFlag = re.IGNORECASE,
) -> re.Pattern[str]:
    """:func:`word_pattern` compiled, case-insensitive unless ``flags`` says otherwise."""
    return re.compile(word_pattern(alternatives, lists, before=before, after=after), flags)


# --- the gate -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Atom:
    """One element of a regex sequence: a literal character, a group, or anything else."""

    kind: str  # "literal", "group", "zero" (matches no text) or "other"
    text: str  # the literal character, or a group's inside
    optional: bool  # its quantifier allows zero repeats
    repeated: bool  # it has a quantifier at all


_ZERO_WIDTH_GROUPS = ("(?=", "(?!", "(?<=", "(?<!")
_CLASS_ESCAPES = frozenset("sSwWdD")
_ZERO_ESCAPES = frozenset("bBAZ")


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """The index just past the bracket that closes the one at ``start``."""
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[" and opening == "(":
            i = _closing(text, i, "[", "]")
            continue
        if char == opening and (opening == "(" or depth == 0):
            depth += 1
        elif char == closing and not (opening == "[" and i == start + 1):
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced {opening} in {text!r}")


_QUANTIFIER = re.compile(r"(?:[?*+]|\{(\d*)(?:,(\d*))?\})\??")


def _atoms(text: str) -> Iterator[_Atom]:
    """The atoms of one regex sequence (no top-level ``|``), with their quantifiers."""
    i = 0
    while i < len(text):
        kind, inner, end = _atom_at(text, i)
        quantifier = _QUANTIFIER.match(text, end)
        optional = False
        if quantifier:
            end = quantifier.end()
            token = quantifier.group(0)
            optional = token[0] in "?*" or (token[0] == "{" and int(quantifier.group(1) or 0) == 0)
        yield _Atom(kind, inner, optional, quantifier is not None)
        i = end


def _atom_at(text: str, i: int) -> tuple[str, str, int]:
    char = text[i]
    if char == "\\":
        escaped = text[i + 1]
        if escaped in _ZERO_ESCAPES:
            return "zero", "", i + 2
        if escaped in _CLASS_ESCAPES or escaped.isalnum():
            return "other", "", i + 2
        return "literal", escaped, i + 2
    if char == "[":
        return "other", "", _closing(text, i, "[", "]")
    if char == "(":
        end = _closing(text, i, "(", ")")
        if text.startswith(_ZERO_WIDTH_GROUPS, i):
            return "zero", "", end
        body = text[i + 1 : end - 1]
        if body.startswith("?:"):
            body = body[2:]
        elif body.startswith("?P<"):
            body = body[body.index(">") + 1 :]
        return "group", body, end
    if char in "^$":
        return "zero", "", i + 1
    if char == ".":
        return "other", "", i + 1
    return "literal", char, i + 1


def _branches(text: str) -> list[str]:
    """``text`` split at its top-level ``|``."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _closing(text, i, "[", "]")
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(text[start:i])
            start = i + 1
        i += 1
    return [*branches, text[start:]]


def _required(text: str) -> set[str]:
    """Lower-case literals one of which every match of ``text`` (a regex) contains."""
    return {key for branch in _branches(text) for key in _sequence_keys(list(_atoms(branch)))}


def _score(keys: set[str]) -> tuple[int, int]:
    """How well ``keys`` gate: the longer the shortest key and the fewer keys, the rarer a hit."""
    return min(len(k) for k in keys), -len(keys)


def _candidates(atoms: list[_Atom]) -> Iterator[set[str]]:
    """Each key set one of which a match of the sequence must contain: its runs of required
    literal characters, and its required groups."""
    run = ""
    for atom in atoms:
        if atom.kind == "zero":
            continue
        if atom.kind == "literal" and not atom.optional:
            run += atom.text.lower()
            if not atom.repeated:
                continue
        if run:
            yield {run}
            run = ""
        if atom.kind == "group" and not atom.optional:
            try:
                yield _required(atom.text)
            except ValueError:
                continue
    if run:
        yield {run}


def _sequence_keys(atoms: list[_Atom]) -> set[str]:
    found = list(_candidates(atoms))
    if not found:
        raise ValueError("an alternative has no literal text every match contains")
    return max(found, key=_score)


def gate_keys(regex: str) -> tuple[str, ...]:
    """Literals, lower case, none containing another, longest first, one of which every match
    of ``regex`` (case-insensitive) contains.

    Raises ``ValueError`` when an alternative has no literal text every match of it contains
    (``\\w+``): such an alternative cannot be gated; name its words."""
    try:
        keys = _required(regex)
    except ValueError as e:
        raise ValueError(f"{e}: {regex[:120]!r}") from e
    kept = {k for k in keys if not any(other != k and other in k for other in keys)}
    return tuple(sorted(kept, key=lambda k: (-len(k), k)))


@lru_cache(maxsize=16)
def _lower(text: str) -> str:
    return text.lower()


class Cue:
    """A whole-word, case-insensitive pattern behind a cheap gate derived from it.

    ``keys`` are the lower-case literals one of which every match contains (:func:`gate_keys`);
    a sentence without any of them is skipped before the regex runs.  The gate only saves time
    (a sentence is checked against some 60 patterns, and Python's ``re`` scans every position
    of an alternation); the tests check that it never changes a result.
    """

    __slots__ = ("gate", "keys", "pattern", "regex")

    def __init__(self, pattern: str, *, after: str = WHOLE_WORD) -> None:
        self.pattern = pattern
        self.keys = gate_keys(pattern)
        self.regex = re.compile(f"(?:{pattern}){after}", re.IGNORECASE)
        # one scan of the lower-cased text for any key (a C loop, not a Python one per key)
        self.gate = re.compile("|".join(re.escape(k) for k in self.keys))

    @classmethod
    def of(
        cls, alternatives: Sequence[str], lists: Lists | None = None, *, before: str = r"\b"
    ) -> Cue:
        """The cue matching any of ``alternatives`` (see :func:`expand`) after ``before``."""
        return cls(before + alternation(alternatives, lists))

    def present(self, text: str) -> bool:
        """Whether the gate lets ``text`` through to the regex."""
        return self.gate.search(_lower(text)) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in ``text``."""
        return self.regex.search(text) if self.present(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in ``text``."""
        return self.regex.finditer(text) if self.present(text) else iter(())
