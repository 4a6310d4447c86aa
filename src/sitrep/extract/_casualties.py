"""Killed and injured counts in one sentence.

A casualty cue ("killed", "died", "wounded", "deaths") is linked to the
noun phrase that counts its victims: on the right for active forms
("killing another person and injuring six"), on the left for passive and
intransitive ones ("at least 25 people died", "three killed").  A noun
phrase counts by its number ("at least 25", "a dozen") or, without one, by
its conjuncts ("a mother and her child" = 2, "a 73-year-old man" = 1).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from sitrep.extract._numbers import find_counts
from sitrep.model import Number

__all__ = ["CasualtyMention", "find_casualties", "names_casualties"]

Kind = Literal["killed", "injured"]

_KILL = {
    "killed", "killing", "kill", "kills", "dead", "died", "dies", "die", "deaths", "death",
    "fatalities", "lives", "perished", "slain",
}
_INJURE = {
    "injured", "injuring", "injure", "injures", "wounded", "wounding", "wounds", "hurt",
    "injuries", "maimed", "hospitalised", "hospitalized", "injury",
}
_ACTIVE = {"killed", "killing", "kills", "kill", "injured", "injuring", "injures", "wounded", "wounding", "maimed", "hurt", "claimed"}
_NOUN_CUES = {"deaths", "death", "fatalities", "injuries", "injury", "casualties", "lives"}
_AUX = {
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "reportedly",
    "also", "later", "all", "allegedly", "seriously", "severely", "critically", "fatally",
    "lightly", "slightly", "reported", "were/was", "got", "left", "gravely", "badly",
}
_DETERMINERS_ONE = {"a", "an", "another", "one", "his", "her", "their", "its", "the"}
_STOP = {
    "in", "at", "on", "after", "when", "as", "by", "from", "with", "during", "which", "that",
    "who", "where", "while", "near", "into", "to", "for", "since", "than", "said", "says",
    "but", "if", "because", "including", "among", "there", "here", "attack", "strike",
    "strikes", "shelling", "explosion", "blast", "it", "they", "he", "she", "we",
}
_PERSON = re.compile(
    r"^(?:people|persons?|civilians?|residents?|children|child|kids?|boys?|girls?|babies|baby|infants?|"
    r"teenagers?|men|man|women|woman|mothers?|fathers?|sons?|daughters?|wife|husband|"
    r"soldiers?|servicem[ae]n|troops|fighters?|officers?|policem[ae]n|police|others?|"
    r"individuals?|victims?|pensioners?|volunteers?|workers?|employees?|medics?|doctors?|"
    r"nurses?|journalists?|rescuers?|firefighters?|drivers?|passengers?|farmers?|"
    r"councillors?|councilors?|teachers?|students?|elderly|adults?|minors?|"
    r"grandmothers?|grandfathers?|relatives?|family|members?|brothers?|sisters?|"
    r"\w+ers?|\w+ors?|\w+ists?|\w+ians?|\w+ants?|\w+ents?)$",
    re.IGNORECASE,
)
_CHILD = re.compile(r"^(?:children|child|kids?|boys?|girls?|babies|baby|infants?|teenagers?|minors?|sons?|daughters?)$", re.I)
_SOLDIER = re.compile(r"^(?:soldiers?|servicem[ae]n|troops|fighters?|servicewom[ae]n|personnel)$", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.,-]*[\w]|[A-Za-z0-9]|[;:()\"“”—–]|,", re.UNICODE)


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """``text[start:end]`` covers the count and its cue."""

    kind: Kind
    number: Number
    start: int
    end: int
    victims: str
    another: bool = False


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".,") or self.text


def _tokens(text: str) -> list[_Tok]:
    toks = []
    for m in re.finditer(r"[\w'’-]+(?:[.,]\d+)*|[^\w\s]", text):
        toks.append(_Tok(m.group(), m.start(), m.end()))
    return toks


def _kind(tok: _Tok) -> Kind | None:
    if tok.low in _KILL:
        return "killed"
    if tok.low in _INJURE:
        return "injured"
    return None


def _victims(words: list[str]) -> str:
    for w in reversed(words):
        if _CHILD.match(w):
            return "children"
        if _SOLDIER.match(w):
            return "soldiers"
        if w.lower() in ("civilians", "civilian", "residents", "resident"):
            return "civilians"
        if w.lower() in ("others", "other"):
            return "others"
    return "people"


def _count_phrase(text: str) -> Number | None:
    """Count of a noun phrase such as ``at least 25 people`` or ``a mother and her child``."""
    phrase = text.strip(" ,")
    if not phrase:
        return None
    counts = find_counts(phrase)
    words = phrase.split()
    if counts and counts[0].start <= len(phrase) and not phrase[: counts[0].start].strip(" ,").lower().strip() not in ("", "the", "some", "of", "of the", "all"):
        return counts[0].number
    if counts:
        return counts[0].number
    if words[0].lower() == "both":
        return Number.exact(2)
    conjuncts = [c for c in re.split(r"\s*(?:,|\band\b)\s*", phrase) if c.strip()]
    total = 0
    for conj in conjuncts:
        cw = conj.split()
        if not cw:
            continue
        if cw[0].lower() in _DETERMINERS_ONE and _PERSON.match(cw[-1].strip(".,")) and not cw[-1].lower().endswith("s") or (
            cw[0].lower() in ("a", "an", "another", "one") and _PERSON.match(cw[-1])
        ):
            total += 1
        else:
            return None
    return Number.exact(total) if total else None


def _in_qualifier(toks: list[_Tok], j: int) -> bool:
    """``toks[j]`` is part of a qualifier such as "at least", "more than", "up to"."""
    low = toks[j].low
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    prev = toks[j - 1].low if j > 0 else ""
    return (
        (low == "at" and nxt == "least")
        or (low == "than" and prev in ("more", "fewer", "less"))
        or (low == "to" and prev in ("up", "close"))
        or (low == "as" and (nxt in ("many", "much") or prev in ("many", "much")))
        or (low == "of" and prev in ("upwards", "excess", "dozens", "hundreds", "scores"))
        or (low == "in" and nxt == "excess")
    )


def _left_phrase(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Token range of the victim phrase ending before cue ``i`` (skipping auxiliaries)."""
    j = i - 1
    while j >= 0 and toks[j].low in _AUX:
        j -= 1
    end = j
    while j >= 0:
        low = toks[j].low
        if _in_qualifier(toks, j):
            j -= 1
            continue
        if low in _STOP or _kind(toks[j]) or low in {".", ";", ":", "(", ")", "-", "—", "–", '"', "“", "”"}:
            break
        if low == "and" and j > 0 and (_kind(toks[j - 1]) or toks[j - 1].low in _AUX):
            break
        if low == "," and (end - j > 0) and j > 0 and not _PERSON.match(toks[j - 1].low):
            break
        j -= 1
    start = j + 1
    return (start, end) if start <= end else None


def _right_phrase(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    j = i + 1
    start = j
    if j >= len(toks) or toks[j].low == "and":
        return None
    while j < len(toks):
        low = toks[j].low
        if _in_qualifier(toks, j):
            j += 1
            continue
        if low in _STOP or _kind(toks[j]) or low in {".", ";", ":", "(", ")", "-", "—", "–", ","}:
            break
        if low == "and" and j + 1 < len(toks) and (_kind(toks[j + 1]) or toks[j + 1].low.endswith(("ing", "ed"))):
            break
        j += 1
        if _PERSON.match(low) and low not in ("other",) and j - start >= 1 and (j >= len(toks) or toks[j].low not in ("and",) ):
            break
    end = j - 1
    return (start, end) if start <= end else None


def _mention(text: str, toks: list[_Tok], rng: tuple[int, int], cue: _Tok, kind: Kind) -> CasualtyMention | None:
    a, b = rng
    phrase = text[toks[a].start : toks[b].end]
    number = _count_phrase(phrase)
    if number is None:
        return None
    words = [t.low for t in toks[a : b + 1]]
    start, end = min(toks[a].start, cue.start), max(toks[b].end, cue.end)
    return CasualtyMention(kind, number, start, end, _victims(words), another="another" in words)


def _passive(toks: list[_Tok], i: int) -> bool:
    return i > 0 and toks[i - 1].low in {"was", "were", "been", "being", "be", "is", "are", "got"}


_NEGATED = re.compile(r"\b(?:feared|fear|may\s+have|could\s+have|no one|nobody|no casualties|no deaths|no injuries|no fatalities|without casualties|no-one|not (?:been )?(?:killed|injured))\b", re.I)


_ANY_CUE = re.compile(r"\b(?:" + "|".join(sorted(_KILL | _INJURE, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def names_casualties(text: str) -> bool:
    """Whether ``text`` has any killed or injured cue word: the cheap test before the real parse."""
    return _ANY_CUE.search(text) is not None


def find_casualties(text: str) -> list[CasualtyMention]:
    """Killed and injured counts stated in ``text``, left to right."""
    return list(_casualties(text))


@functools.lru_cache(maxsize=4096)
def _casualties(text: str) -> tuple[CasualtyMention, ...]:
    # most sentences name no casualty at all: one scan rules them out before tokenising
    if not names_casualties(text):
        return ()
    toks = _tokens(text)
    found: list[CasualtyMention] = []
    for i, tok in enumerate(toks):
        kind = _kind(tok)
        if kind is None:
            continue
        if tok.low == "lives" and not (i > 0 and toks[i - 1].low in ("their", "his", "her")):
            continue
        mention = _link(text, toks, i, kind)
        if mention is not None and not _NEGATED.search(text[max(0, mention.start - 20) : mention.end]):
            found.append(mention)
    return tuple(found)


def _link(text: str, toks: list[_Tok], i: int, kind: Kind) -> CasualtyMention | None:
    tok = toks[i]
    if tok.low in _NOUN_CUES:
        rng = _left_phrase(toks, i)
        if rng is not None and not find_counts(text[toks[rng[0]].start : toks[rng[1]].end]):
            rng = None
        return _mention(text, toks, rng, tok, kind) if rng else _toll(text, toks, i, kind)
    if tok.low in _ACTIVE and not _passive(toks, i):
        right = _right_phrase(toks, i)
        if right is not None:
            m = _mention(text, toks, right, tok, kind)
            if m is not None:
                return m
    left = _left_phrase(toks, i)
    if left is not None:
        return _mention(text, toks, left, tok, kind)
    return None


_TOLL_RE = re.compile(r"\btoll\b[^.;]{0,40}?\b(?:to|at|of|reached|is|stands at|was)\s+", re.I)


def _toll(text: str, toks: list[_Tok], i: int, kind: Kind) -> CasualtyMention | None:
    tok = toks[i]
    m = _TOLL_RE.search(text, tok.start)
    if m is None or m.start() - tok.end > 3:
        return None
    counts = find_counts(text[m.end() :])
    if not counts or counts[0].start != 0:
        return None
    c = counts[0]
    return CasualtyMention(kind, c.number, tok.start, m.end() + c.end, "people")
