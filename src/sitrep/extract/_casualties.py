"""Killed and injured counts in one sentence.

A casualty cue ("killed", "died", "wounded", "deaths", "shot dead") is
linked to the noun phrase that counts its victims: on the right for active
forms ("killing another person and injuring six"), on the left for passive
and intransitive ones ("at least 25 people died", "three killed", "She was
killed").  ``_victims.count_victims`` counts the phrase ("a mother, her two
children and a volunteer" = 4); companions count too ("executed the head
of the village together with her husband and son" = 3).  Tolls ("the
death toll from the strike on ... rose to 37") are read by ``_tolls``.

Asides are blanked out first, keeping every offset: an age in apposition
("his neighbour, 70, was killed"), an inclusion ("seven people, including
three children, were killed"), a parenthesis or a dash aside without a
cue, a non-restrictive "who" clause, listed ages ("two boys aged 12 and
14").  A count of zero ("no civilians were killed") and negated or feared
deaths give no mention: nothing is invented.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from sitrep.extract._numbers import find_counts, qualify
from sitrep.extract._tolls import find_tolls
from sitrep.extract._victims import count_victims, is_person_noun, is_person_word
from sitrep.lang import month_pattern, vocabulary
from sitrep.model import Number

__all__ = ["CasualtyMention", "find_casualties", "names_casualties"]

Kind = Literal["killed", "injured", "killed_or_injured"]


def _lexicon(name: str) -> frozenset[str]:
    """The English word list ``name`` (data/lang/en/vocabulary.json)."""
    return frozenset(vocabulary("en").words(name))


_KILL = _lexicon("casualty_kill")
_INJURE = _lexicon("casualty_injure")
_ACTIVE = _lexicon("casualty_active")
_NOUN_CUES = _lexicon("casualty_noun_cues")
# "sustained shrapnel wounds", "suffered serious injuries": the subject is the victim.
_SUFFERED = _lexicon("casualty_suffered")
# Past verbs that end a clause's subject: "a man stepped on a mine and died".
_PAST_VERBS = _lexicon("casualty_past_verbs")
_AUX = _lexicon("casualty_aux")
# Verbs that go with a cue: "was shot and killed", "were beaten to death".
_CO_VERBS = _lexicon("casualty_co_verbs")
_DETERMINERS = _lexicon("casualty_determiners")
_STOP = _lexicon("casualty_stop")
_PUNCT = {".", ";", ":", "(", ")", "-", "—", "–", '"', "“", "”", "!", "?", "[", "]"}
_RIGHT_STOP_VERBS = _lexicon("casualty_right_stop_verbs")
_EN = vocabulary("en")
_CHILD = re.compile("^" + _EN.alternation("child_noun") + "$", re.I)
_SOLDIER = re.compile("^" + _EN.alternation("soldier_noun") + "$", re.I)


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """``text[start:end]`` covers the count and its cue."""

    kind: Kind
    number: Number
    start: int
    end: int
    victims: str
    another: bool = False
    added: bool = False  # "two more bodies", "four other civilians": beyond those counted before


class _Tok(NamedTuple):  # a tuple: sentences are tokenised often, and tuples build fastest
    text: str
    start: int
    end: int
    low: str  # lower case, without a trailing full stop or comma


_TOKEN = re.compile(r"[\w'’-]+(?:[.,]\d+)*|[^\w\s]")


class _Tokens(list[_Tok]):
    """A sentence's tokens, with the looks left past "injured and" already made
    (:func:`_walk_left`: a chain "injured and injured and ..." was walked from every cue in it)."""

    def __init__(self, toks: Iterable[_Tok]) -> None:
        super().__init__(toks)
        self.walks: dict[int, tuple[int, int | None]] = {}
        self._clause_starts: list[int] = []

    def clause_start(self, j: int) -> int:
        """Where the clause of token ``j`` starts: after the last punctuation or comma before it."""
        if not self._clause_starts:
            for k in range(len(self)):
                opens = k == 0 or self[k - 1].low in _PUNCT or self[k - 1].low == ","
                self._clause_starts.append(k if opens else self._clause_starts[-1])
        return self._clause_starts[j]


def _tokens(text: str) -> _Tokens:
    toks = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        toks.append(_Tok(word, m.start(), m.end(), word.lower().rstrip(".,") or word))
    return _Tokens(toks)


# -- asides -------------------------------------------------------------------

_CUE_WORDS = r"\b(?:" + "|".join(sorted(_KILL | _INJURE | {"toll"}, key=len, reverse=True)) + r")\b"
_ANY_CUE = re.compile(_CUE_WORDS, re.IGNORECASE)
# The gate scans lower-cased text without IGNORECASE: four times faster on every sentence.
_ANY_CUE_LOWER = re.compile(_CUE_WORDS)
# The word starts where its run of letters starts (a start one letter in ends where that one
# ends: no other match, but a long run of letters was quadratic).
_AGE = re.compile(
    r"(?<![A-Za-z’'])(?P<word>[A-Za-z’']+)(?P<age>\s*,\s*(?:aged\s+)?\d{1,3}(?:\s*(?:,|and)\s*\d{1,3})*(?:\s+years?\s+old)?"
    r"(?:\s*,|(?=\s*[.;)])|(?=\s+and\b)))"
)
_AGES = r"\d{1,3}(?:\s*(?:,|and|&)\s*\d{1,3})*"
# "aged 12 and 14", "aged between 6 and 12", "16 and 17 years old", "in their seventies".
# (?<![\s,]): a match before "aged" starts at its comma or where its spaces start, as
# ",?\s*" let it, but is not tried again from each later space (quadratic: bench/fuzz.py).
_AGED = re.compile(
    rf"(?:,|(?<![\s,]))\s*\baged\s+(?:between\s+|from\s+)?{_AGES}(?:\s*(?:to|-|–)\s*\d{{1,3}})?\b|\b{_AGES}\s+years?\s+old\b|"
    r"\s\bin\s+(?:their|his|her)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0s)\b",
    re.I,
)
_INCLUSION = re.compile(
    r",\s*(?:including|among\s+(?:them|whom)|of\s+whom|most\s+of\s+them|mostly|"
    r"[\w-]+\s+of\s+(?:them|whom))\b[^,;:.()]*,",
    re.I,
)
_WHO_ASIDE = re.compile(r",\s*who\b[^,;:()]*?,", re.I)
_PAREN = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DASH_ASIDE = re.compile(r"\s[-–—]\s(?:(?!\s[-–—]\s)[^.;])*?\s[-–—]\s|—[^—.;]*?—")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


# A calendar date: its day number is no count ("injured on September 3 died in hospital").
_MONTHS = month_pattern()  # as written: "Sept", "March" (case-sensitive, unlike dates.py)
_CALENDAR_DATE = re.compile(
    rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b(?:,?\s+\d{{4}}\b)?"
)


def _mask(text: str) -> str:
    """``text`` with asides that hide a victim phrase from its verb replaced by spaces."""
    for m in _CALENDAR_DATE.finditer(text):
        text = _blank(text, m.start(), m.end())
    for m in _AGE.finditer(text):
        word = m.group("word")
        # after a person ("his neighbour, 70,"), a name, or anything when a verb follows
        # ("a resident of the town, 58, died"): a count never sits between commas there
        if is_person_word(word.lower()) or word[:1].isupper() or _VERB_NEXT.match(text, m.end()):
            end = m.end("age")
            if text[end - 1] == "," and _APPOSITION_NEXT.match(text, end):
                # "Ivan Melnyk, 67, a retired teacher": the comma still opens the apposition
                end -= 1
            text = _blank(text, m.start("age"), end)
    for pattern in (_AGED, _WHO_ASIDE):
        for m in pattern.finditer(text):
            text = _blank(text, m.start(), m.end())
    for pattern in (_INCLUSION, _PAREN, _DASH_ASIDE):
        for m in pattern.finditer(text):
            if _ANY_CUE.search(m.group()):
                continue
            if pattern is _INCLUSION or _VERB_NEXT.match(text, m.end()):
                # "seven people, including three children, were killed"
                text = _blank(text, m.start(), m.end())
            elif pattern is _PAREN:
                # "(formerly Stalino) a woman was killed": the bracket still ends a phrase
                text = _blank(text, m.start() + 1, m.end())
    return text


_APPOSITION_NEXT = re.compile(r"\s*(?:an?|the|his|her|their)\b", re.I)
_VERB_NEXT = re.compile(
    r"\s*(?:was|were|is|are|have|has|had|been|later|also|all|both|reportedly|"
    + "|".join(sorted(_KILL | _INJURE, key=len, reverse=True))
    + r")\b",
    re.I,
)


# -- cues ---------------------------------------------------------------------


def _kind(tok: _Tok) -> Kind | None:
    if tok.low in _KILL:
        return "killed"
    if tok.low in _INJURE:
        return "injured"
    return None


def _is_cue(toks: list[_Tok], i: int) -> bool:
    """A cue word used as one: not an adjective ("an injured woman", "the dead")."""
    if _kind(toks[i]) is None:
        return False
    if not (
        i > 0
        and toks[i - 1].low in _DETERMINERS
        and toks[i].low in ("injured", "wounded", "killed", "dead")
    ):
        return True
    nxt = toks[i + 1].low if i + 1 < len(toks) else "."
    return not nxt[:1].isalpha() or nxt in _STOP or nxt in _AUX or nxt in ("and", "or", "by")


def _cue_kind(toks: list[_Tok], i: int) -> Kind | None:
    if not _is_cue(toks, i):
        return None
    kind = _kind(toks[i])
    low = toks[i].low
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if kind == "injured" and prev in ("fatally", "mortally"):
        return "killed"
    if low == "gunned" and nxt != "down":
        return None
    if low == "life" and not (prev in ("their", "his", "her") or nxt == "of"):
        return None
    return kind


def names_casualties(text: str) -> bool:
    """Whether ``text`` has any killed or injured cue word: the cheap test before the real parse."""
    return _ANY_CUE_LOWER.search(text.lower()) is not None


# Deaths feared or denied are not stated.  ("No one was killed" is a count of zero.)
_NEGATED = _EN.word_regex("feared_or_denied")
_CLAUSE_BREAK = re.compile(r".*(?:;|\bbut\b|,)", re.S)


def find_casualties(text: str) -> list[CasualtyMention]:
    """Killed and injured counts stated in ``text``, left to right."""
    return list(_casualties(text))


@functools.lru_cache(maxsize=4096)
def _casualties(text: str) -> tuple[CasualtyMention, ...]:
    # most sentences name no casualty at all: one scan rules them out before tokenising
    if not names_casualties(text):
        return ()
    masked = _mask(text)
    toks = _tokens(masked)
    found = [
        CasualtyMention(t.kind, t.number, t.start, t.end, "people") for t in find_tolls(masked)
    ]
    tolls = [(m.start, m.end) for m in found]
    for i, tok in enumerate(toks):
        kind = _cue_kind(toks, i) if tok.low in _KILL or tok.low in _INJURE else None
        if kind is None or any(a <= tok.start < b for a, b in tolls):
            continue  # a cue inside a toll ("the number of people killed ... rose to 7") is its head
        mention = _link(masked, toks, i, kind)
        if mention is not None and not any(a < mention.end and mention.start < b for a, b in tolls):
            found.append(mention)  # "the toll rose to 6 dead": the toll already has the 6
    found = _died_of_wounds(masked, found)
    found = [_either(masked, m) for m in found]
    # "no civilians were killed" states no death
    found = [m for m in found if m.number.value != 0]
    found = [m for m, negated in zip(found, _negations(text, found), strict=True) if not negated]
    return tuple(sorted(found, key=lambda m: m.start))


# "have killed or wounded more than 25,000 civilians": one count of both, neither a death
# toll nor a count of the wounded.
_EITHER_BEFORE = re.compile(r"\b(?:killed|dead|died|deaths?)\s+or\s+(?:been\s+)?$", re.I)
_EITHER_AFTER = re.compile(r"\A\s+or\s+(?:been\s+)?(?:injured|wounded|hurt)\b", re.I)


def _either(text: str, m: CasualtyMention) -> CasualtyMention:
    either = (
        m.kind == "injured" and _EITHER_BEFORE.search(text, max(0, m.start - 30), m.start)
    ) or (m.kind == "killed" and _EITHER_AFTER.match(text[m.end : m.end + 30]))
    return replace(m, kind="killed_or_injured") if either else m


# "Another person who was injured in the attack ... died in hospital": a death, not a wound.
# Each word of "who" takes its whole run (*+: a space must follow it, so a shorter word never
# matched): "2023-05-01-01-01..." (a start after every hyphen) gave each run back letter by
# letter, 7.8 s on 21 KB; now 1.5 s (still a start per hyphen: quadratic in such a run).
_WOUNDED_THEN_DIED = re.compile(
    r"(?P<who>\b[\w-]++(?:\s+[\w-]++){0,3}?)\s+(?P<rel>(?:who|that)\s+(?:was|were|had\s+been)\s+)?"
    r"(?:seriously\s+|severely\s+|critically\s+)?(?:injured|wounded|hurt)\b(?P<gap>[^.;]{0,120}?)"
    r"\b(?P<died>died|dies|succumbed)\b",
    re.I,
)


_NOT_REDUCED = re.compile(r"\b(?:was|were|been|is|are|be|and|or)\s*$|\b(?:and|or)\b", re.I)


_GAP_COUNT = _EN.word_regex("gap_count")


def _died_of_wounds(text: str, found: list[CasualtyMention]) -> list[CasualtyMention]:
    """Victims first told as injured who then died count as killed, and not as injured."""
    for m in _WOUNDED_THEN_DIED.finditer(text):
        who = m.group("who").split()
        if not m.group("rel") and (
            _NOT_REDUCED.search(m.group("who")) or not is_person_word(who[-1].lower())
        ):
            continue  # "two were injured and one died", "59 wounded went ...": not one victim
        if _GAP_COUNT.search(m.group("gap")):
            continue  # "..., 1 person died": the death has its own count
        counted = count_victims(m.group("who"), "left")
        if counted is None:
            continue
        start = m.start("who") + counted.start
        words = m.group("who").lower().split()
        # "another ... died" adds to the attack's toll; it is no new attack
        died = CasualtyMention(
            "killed", counted.number, start, m.end("died"), "people", added="another" in words
        )
        found = [f for f in found if not (f.start < m.end() and m.start() < f.end)] + [died]
    return found


def _negated(text: str, mention: CasualtyMention) -> bool:
    """A negation or speculation in the mention or just before it, in its own clause."""
    return _NEGATED.search(text[_clause_start(text, mention.start) : mention.end]) is not None


def _clause_start(text: str, start: int) -> int:
    """Where :func:`_negated` reads from: up to 20 characters before ``start``, in its clause."""
    before = max(0, start - 20)
    cut = _CLAUSE_BREAK.match(text[before:start])
    return before + (cut.end() if cut is not None else 0)


# Whether _NEGATED, found in a text, is found in every longer text from the same start that
# ends after a word: yes without look-arounds (a match ending where the shorter text does
# ends before a non-word character in the longer one, so its last \b holds there too).
_NEGATED_GROWS = not any(a in _NEGATED.pattern for a in ("(?=", "(?!", "(?<"))
_WORD = re.compile(r"\w")


def _negations(text: str, found: list[CasualtyMention]) -> list[bool]:
    """``_negated(text, m)`` for each of ``found``, searching mentions of one clause start
    (a run-on chain of cues gives hundreds, each spanning the chain) only as often as a
    binary search over their ends needs: the answer grows with the end."""
    out = [False] * len(found)
    groups: dict[int, list[int]] = {}
    for k, m in enumerate(found):
        if _NEGATED_GROWS and (m.end == len(text) or not _WORD.match(text, m.end)):
            groups.setdefault(_clause_start(text, m.start), []).append(k)
        else:
            out[k] = _negated(text, m)
    for start, ks in groups.items():
        ks.sort(key=lambda k: found[k].end)
        lo, hi = 0, len(ks)  # the first of ks whose mention is negated
        while lo < hi:
            mid = (lo + hi) // 2
            if _NEGATED.search(text[start : found[ks[mid]].end]) is not None:
                hi = mid
            else:
                lo = mid + 1
        for n in range(lo, len(ks)):
            out[ks[n]] = True
    return out


# -- linking a cue to its victims ------------------------------------------------


def _link(text: str, toks: list[_Tok], i: int, kind: Kind) -> CasualtyMention | None:
    tok = toks[i]
    colon = _after_colon(text, toks, i, kind)
    if colon is not None:
        return colon
    if i > 1 and toks[i - 1].low == "of" and toks[i - 2].low in ("number", "toll", "count"):
        return None  # "the number of dead is unknown": a toll without a count (see _tolls)
    if tok.low in _NOUN_CUES:
        return _noun_cue(text, toks, i, kind)
    if _inverted(toks, i):  # "Killed were a man and his wife."
        right = _right_phrase(toks, i + 2)
        return _mention(text, toks, right, tok, kind, "right") if right else None
    if _acts(toks, i):
        first = i + 2 if tok.low == "gunned" else i + 1
        right = _right_phrase(toks, first)
        mention = _mention(text, toks, right, tok, kind, "right") if right else None
        if mention is not None or tok.low.endswith("ing"):
            return mention
    mention = _subject(text, toks, i, i - 1, kind)
    return _with_companions(text, toks, i, mention) if mention is not None else None


def _inverted(toks: list[_Tok], i: int) -> bool:
    """A participle opening its clause before "was"/"were": the victims follow."""
    opens = i == 0 or toks[i - 1].low in _PUNCT or toks[i - 1].low == ","
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    return opens and nxt in ("was", "were") and toks[i].low in ("killed", "injured", "wounded")


def _acts(toks: list[_Tok], i: int) -> bool:
    """The cue takes its victims as an object: "killing two", "shot dead a man", "gunned down"."""
    low = toks[i].low
    prev = toks[i - 1].low if i > 0 else ""
    if low == "dead" and prev in ("shot", "shoot", "shoots", "shooting"):
        return not (i > 1 and toks[i - 2].low in _PASSIVE_AUX)
    if low == "gunned":
        return not (i > 0 and prev in _PASSIVE_AUX)
    return low in _ACTIVE and prev not in _PASSIVE_AUX


_PASSIVE_AUX = _lexicon("casualty_passive_aux")
_HEDGED = _lexicon("casualty_hedged")


def _subject(text: str, toks: list[_Tok], i: int, j: int, kind: Kind) -> CasualtyMention | None:
    """The victims named before the cue at ``i``, looking left from token ``j``."""
    j, both = _walk_left(toks, j)
    rng = _left_phrase(toks, _before_relative_clause(toks, j))
    mention = _mention(text, toks, rng, toks[i], kind, "left") if rng else None
    if mention is None and both is not None:
        return CasualtyMention(kind, Number.exact(2), toks[both].start, toks[i].end, "people")
    if mention is None and j >= 0 and toks[j].low == "and":
        return _clause_subject(text, toks, i, j, kind)
    return mention


def _walk_left(toks: list[_Tok], j: int) -> tuple[int, int | None]:
    """Left from token ``j`` past auxiliaries and each cue before "and" ("a teenager was
    injured and later died"): where the victims' phrase ends, and a floating "both".

    A loop (a run-on "injured and injured and ..." recursed once per cue, past Python's
    stack), and each start's end is kept on the tokens, so a chain is walked once."""
    walks = toks.walks if isinstance(toks, _Tokens) else {}
    seen = []
    while j not in walks:
        seen.append(j)
        k, both = _skip_auxiliaries(toks, j)
        if not (k > 0 and toks[k].low == "and" and _is_cue(toks, k - 1) and not _acts(toks, k - 1)):
            walks[j] = (k, both)
            break
        j = k - 2
    for start in seen:
        walks[start] = walks[j]
    return walks[j]


def _clause_subject(
    text: str, toks: list[_Tok], i: int, j: int, kind: Kind
) -> CasualtyMention | None:
    """ "A man stepped on a mine and died": the victims are the subject of the clause's first verb."""
    start = j
    if isinstance(toks, _Tokens) and j >= 0:
        start = toks.clause_start(j)  # found once per sentence: a run-on clause read per cue
    while start > 0 and toks[start - 1].low not in _PUNCT and toks[start - 1].low != ",":
        start -= 1
    # a verb more than six words in names no subject: look no further
    verb = next((v for v in range(start + 1, min(j, start + 7)) if _verb_after_noun(toks, v)), None)
    if verb is None:
        return None
    return _mention(text, toks, (start, verb - 1), toks[i], kind, "left")


def _verb_after_noun(toks: list[_Tok], v: int) -> bool:
    low = toks[v].low
    if toks[v - 1].low in _DETERMINERS or is_person_noun(low):
        return False  # "a retired teacher": an adjective
    return low in _PAST_VERBS or (len(low) > 4 and low.endswith("ed"))


def _skip_auxiliaries(toks: list[_Tok], j: int) -> tuple[int, int | None]:
    """Skip "were later", "was shot and", "have both"; return the new index and a floating "both"."""
    both = None
    while j >= 0:
        low = toks[j].low
        if low == "and" and j > 0 and toks[j - 1].low in _CO_VERBS:
            j -= 1
            continue
        if low == "to" and j > 1 and toks[j - 1].low in _HEDGED and toks[j - 2].low in _PASSIVE_AUX:
            j -= 2  # "28 people were known to have died"
            continue
        if low not in _AUX and low not in _CO_VERBS:
            break
        if low == "both":
            both = j
        j -= 1
    return j, both


_REPORTING = _lexicon("casualty_reporting")


def _before_relative_clause(toks: list[_Tok], j: int) -> int:
    """Where the victims end when a "who" clause separates them from their verb.

    "a volunteer who was helping them were killed": the clause may hold
    words that end a phrase elsewhere ("them", "in"), so it is found first.
    """
    for k in range(j, max(-1, j - 12), -1):
        low = toks[k].low
        if low == "who":
            return k - 1
        if low in _PUNCT or low == "," or low in _REPORTING or _is_cue(toks, k):
            break
    return j


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


def _left_phrase(toks: list[_Tok], end: int) -> tuple[int, int] | None:
    """Token range of the victim phrase that ends at ``end``.

    A relative clause or an inclusion between the victims and their verb
    is passed over: "a volunteer who was helping them were killed".
    """
    j = end
    while j >= 0:
        low = toks[j].low
        if _in_qualifier(toks, j):
            j -= 1
            continue
        if low == "who" or (
            low == "including" and not any(t.low in ("and", ",") for t in toks[j : end + 1])
        ):
            end = j - 1
        elif low in ("he", "she") and j == end:
            return (j, j)
        elif _ends_subject(toks, j):
            break
        j -= 1
    start = j + 1
    while start <= end and toks[start].low in ("and", ",", "or"):
        start += 1
    return (start, end) if start <= end else None


def _ends_subject(toks: list[_Tok], j: int) -> bool:
    """Looking left, ``toks[j]`` is before the victims: a preposition, a cue, "and" after a verb."""
    low = toks[j].low
    if low in _STOP or low in _PUNCT or _is_cue(toks, j):
        return True
    return low == "and" and j > 0 and (_is_cue(toks, j - 1) or toks[j - 1].low in _AUX)


def _right_phrase(toks: list[_Tok], start: int) -> tuple[int, int] | None:
    j = start
    if j >= len(toks) or toks[j].low in ("and", ",") or toks[j].low in _PUNCT:
        return None
    while j < len(toks):
        low = toks[j].low
        if _in_qualifier(toks, j):
            j += 1
            continue
        joined = _companion(toks, j) if j > start else 0
        if joined:
            j += joined  # "executed the village head together with her husband"
            continue
        if low in _STOP or low in _PUNCT or low in _RIGHT_STOP_VERBS or _is_cue(toks, j):
            break
        if low in ("and", ",") and _ends_object(toks, j + 1):
            break
        j += 1
    end = j - 1
    return (start, end) if start <= end else None


def _companion(toks: list[_Tok], j: int) -> int:
    """How many tokens join a companion at ``j``: "together with", "along with", "alongside", "with his"."""
    low = toks[j].low
    nxt = toks[j + 1].low if j + 1 < len(toks) else ""
    if low in ("together", "along") and nxt == "with":
        return 2
    if low == "alongside" or (low == "with" and nxt in ("his", "her", "their")):
        return 1
    return 0


def _with_companions(
    text: str, toks: list[_Tok], i: int, mention: CasualtyMention
) -> CasualtyMention:
    """ "A man was killed together with his wife": the companions after the cue at ``i`` add to its subject."""
    j = i + 1
    while j < len(toks) and toks[j].low in _AUX:
        j += 1  # "was killed instantly along with"
    joined = _companion(toks, j) if j < len(toks) else 0
    right = _right_phrase(toks, j + joined) if joined else None
    if right is None or mention.number.value is None:
        return mention
    more = _mention(text, toks, right, toks[i], mention.kind, "right")
    if more is None or more.number.value is None:
        return mention
    number = qualify(mention.number.value + more.number.value, mention.number.qualifier)
    return replace(mention, number=number, end=max(mention.end, more.end))


def _ends_object(toks: list[_Tok], j: int) -> bool:
    """What follows "and" or a comma starts a new clause: "and injuring six", ", wounding two"."""
    if j >= len(toks):
        return True
    low = toks[j].low
    if low == "and" and j + 1 < len(toks):
        j, low = j + 1, toks[j + 1].low
    return (
        _is_cue(toks, j)
        or low in _STOP
        or (low.endswith(("ing", "ed")) and not is_person_noun(low))
    )


def _mention(
    text: str,
    toks: list[_Tok],
    rng: tuple[int, int],
    cue: _Tok,
    kind: Kind,
    direction: Literal["left", "right"],
) -> CasualtyMention | None:
    a, b = rng
    offset = toks[a].start
    counted = count_victims(text[offset : toks[b].end], direction)
    if counted is None:
        return None
    lo, hi = offset + counted.start, offset + counted.end
    words = [t.low for t in toks[a : b + 1] if lo <= t.start < hi]
    start, end = min(lo, cue.start), max(hi, cue.end)
    added = bool(_ADDED.search(text, lo, hi + 12))
    return CasualtyMention(
        kind, counted.number, start, end, _victims(words), another="another" in words, added=added
    )


_ADDED = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:more|other|additional)\s+(?!than\b)\w",
    re.I,
)


def _victims(words: list[str]) -> str:
    """Who the victims are: "children", "soldiers", "civilians", "others", or "people" when mixed."""
    if "others" in words or "other" in words:
        return "others"
    kinds = set()
    for w in words:
        if _CHILD.match(w):
            kinds.add("children")
        elif _SOLDIER.match(w):
            kinds.add("soldiers")
        elif w in ("civilians", "civilian", "residents", "resident"):
            kinds.add("civilians")
        elif is_person_word(w):
            kinds.add("people")
    if len(kinds) == 1:
        return kinds.pop()
    return "civilians" if "civilians" in kinds and "soldiers" not in kinds else "people"


# -- noun cues and lists ----------------------------------------------------------


def _after_colon(text: str, toks: list[_Tok], i: int, kind: Kind) -> CasualtyMention | None:
    """ "Fatalities: 2", "killed: 3"."""
    if i + 2 >= len(toks) or toks[i + 1].text != ":":
        return None
    rest = text[toks[i + 1].end :]
    counts = find_counts(rest)
    if not counts or rest[: counts[0].start].strip():
        return None
    c = counts[0]
    end = toks[i + 1].end + c.end
    return CasualtyMention(kind, c.number, toks[i].start, end, "people")


def _noun_cue(text: str, toks: list[_Tok], i: int, kind: Kind) -> CasualtyMention | None:
    """ "three deaths", "the deaths of two children", "lost their lives", "41 bodies", "beaten to death"."""
    tok = toks[i]
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if nxt == "of":
        right = _right_phrase(toks, i + 2)
        mention = _mention(text, toks, right, tok, kind, "right") if right else None
        if mention is not None:
            return mention
    if tok.low in ("lives", "life") and prev in ("their", "his", "her"):
        if i > 1 and toks[i - 2].low in ("lost", "lose", "losing"):
            return _subject(text, toks, i, i - 3, kind)
        return None
    if tok.low == "death" and prev == "to" and i > 1:
        return _subject(text, toks, i, i - 3, kind)
    suffered = _suffered(toks, i)
    if suffered is not None:
        fatal = any(t.low in ("fatal", "mortal") for t in toks[suffered:i])
        return _subject(text, toks, i, suffered - 1, "killed" if fatal else kind)
    rng = _left_phrase(toks, i - 1)
    if rng is not None and find_counts(text[toks[rng[0]].start : toks[rng[1]].end]):
        mention = _mention(text, toks, rng, tok, kind, "left")
        if mention is not None:
            return mention
    return None


def _suffered(toks: list[_Tok], i: int) -> int | None:
    """Index of "sustained" in "sustained serious shrapnel wounds" before the cue at ``i``."""
    for k in range(i - 1, max(-1, i - 5), -1):
        low = toks[k].low
        if low in _SUFFERED:
            return k
        if (not low.isalpha() and "-" not in low) or low in _STOP or _is_cue(toks, k):
            return None
    return None
