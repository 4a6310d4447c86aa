"""Cumulative figures: running tallies claimed by a named source.

"More than 2,000 civilians have died in a week of war, Ukraine's State
Emergency Service says" → ``civilians_killed`` over Ukraine, more than
2,000, as of the publication date, claimed by the State Emergency Service.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace

from sitrep.config import Settings
from sitrep.extract._casualties import find_casualties, names_casualties
from sitrep.extract._numbers import find_counts
from sitrep.extract.claimants import find_claimant
from sitrep.extract.dates import INVASION_START, find_dates
from sitrep.extract.tallies import is_tally, ranks_an_attack
from sitrep.lang import Vocabulary, vocabulary
from sitrep.model import Claimant, Document, Evidence, Figure, Number, PartialDate, Sentence

__all__ = ["NAME", "extract_figures"]

NAME = "figures.v1"

_LOSSES = re.compile(
    r"""
    (?P<who>Putin['’]s\s+forces|Russian\s+(?:forces|troops|army|military)|Russia|Moscow
      |Ukrainian\s+(?:forces|troops|army|military)|Ukraine|its\s+(?:forces|troops))\s+
    (?:have\s+|has\s+|had\s+)?lost\s+
    (?P<count>(?:more\s+than|over|at\s+least|nearly|about|around|some|up\s+to)?\s*[\d,]+
      (?:\s+(?:troops|soldiers|servicemen|personnel|men))?)
    """,
    re.I | re.VERBOSE,
)
# A count's digits start where their run does and take all of it (a space must follow): a start
# one digit in matches only where one at the run's start does, but each start read the run and
# gave it back digit by digit, so a run of 56,000 digits took 200 s (a fuzzed '2' repeated).
_FLED = re.compile(
    r"""
    (?P<count>(?:(?:more\s+than|over|at\s+least|nearly|about|around|some|almost)\s+)?
      (?:(?<![\d,.])[\d,.]++(?:\s+(?:million|thousand))?|a\s+million|one\s+million))
    (?:\s+(?:people|residents|Ukrainians|refugees|civilians|women\s+and\s+children))?
    \s+(?:have\s+|had\s+|has\s+)?(?:already\s+)?
    (?:fled|crossed|crossing|left|escaped)\b
    """,
    re.I | re.VERBOSE,
)
# (?!\s): a match starts at its first word, not at the spaces before it (the same matches but
# for leading spaces, which _count strips); from each of a run of spaces it read the whole run
# (59,000 spaces: 270 s, bench/fuzz.py).
_IDP = re.compile(
    r"""
    (?P<count>(?!\s)(?:another|a|one|more\s+than|over|nearly|about|some)?\s*
      (?:(?<![\d,.])[\d,.]++\s+)?(?:million|thousand|(?<![\d,])[\d,]++))
    \s+(?:people\s+)?(?:are|were|have\s+been|remain)\s+(?:considered\s+|now\s+)?
    internally\s+displaced
    """,
    re.I | re.VERBOSE,
)
_INCLUDING = re.compile(r"including\s+(?P<count>(?:at\s+least\s+)?[\d,]+|\w+)\s+children", re.I)


def _count(text: str) -> Number | None:
    text = text.strip()
    low = text.lower()
    if low.endswith("million") and re.match(r"^(?:another|a|one)\s+million$", low):
        return Number(1_000_000, "about" if low.startswith("another") else "exact", None, None)
    counts = find_counts(text)
    return counts[0].number if counts else None


def _metric(kind: str, victims: str) -> str:
    if victims == "soldiers":
        return {"killed": "military_killed", "injured": "military_injured"}.get(
            kind, "military_killed_or_injured"
        )
    if victims == "children":
        return f"children_{kind}"
    if victims == "civilians":
        return f"civilians_{kind}"
    return f"people_{kind}"


def _side(text: str, claimant: Claimant | None) -> str | None:
    if re.search(r"Russian|Putin['’]s|Russia['’]s", text) or (
        re.search(r"\bits\s+(?:troops|forces|soldiers)", text)
        and claimant
        and claimant.side == "Russia"
    ):
        return "Russia"
    if re.search(r"Ukrainian|Ukraine['’]s", text):
        return "Ukraine"
    return claimant.side if claimant else None


def _clauses(text: str) -> list[tuple[int, str]]:
    bounds = (
        [0]
        + [m.start() for m in re.finditer(r";|,\s+(?:but|while|whereas)\b|\.\s", text)]
        + [len(text)]
    )
    return [(a, text[a:b]) for a, b in itertools.pairwise(bounds) if b > a]


_SINCE = re.compile(r"\bsince\s+(?P<what>[^.;,]{3,60})", re.I)
# "since the start of the full-scale invasion", "since the war began", "since February 24, 2022"
_WAR_START = re.compile(
    r"""
      (?:the\s+)?(?:(?:start|beginning|outbreak)\s+of\s+(?:the\s+|Russia['’]s\s+)?)?
      (?:full[\s-]scale\s+)?(?:Russian\s+)?(?:invasion|war|aggression)\b
    | (?:the\s+)?(?:war|invasion)\s+(?:began|started)\b
    | (?:24\s+February|February\s+24)(?:,?\s+2022)?\b
    """,
    re.I | re.VERBOSE,
)
_NEXT_CLAUSE = re.compile(r",\s+(?:and|as|whereas|although)\s|\bthan\b")


class _Builder:
    def __init__(self, doc: Document, sent: Sentence) -> None:
        self.doc, self.sent = doc, sent
        self.published = doc.article.published
        self.figures: list[Figure] = []
        self._reads: dict[str, tuple[Claimant | None, PartialDate | None, PartialDate | None]] = {}

    def scope(self, clause_start: int, clause: str) -> str:
        for m in self.doc.places:
            inside = m.sentence == self.sent.index and clause_start <= m.start < clause_start + len(
                clause
            )
            if inside and m.place.precision != "country" and m.place.country == "Ukraine":
                return (
                    m.place.parent or m.place.name
                )  # a city, or "Kharkiv Oblast" for the region's tally
        return "Ukraine"

    def since(self, clause: str) -> PartialDate | None:
        """The start of the period the tally counts, as the text states it ("since the full-scale
        invasion", "since January 1"); ``None`` when it states none."""
        m = _SINCE.search(clause) or _SINCE.search(self.sent.text)
        if m is None:
            return None
        if _WAR_START.match(m.group("what")):
            return PartialDate.from_date(INVASION_START)
        dates = find_dates(m.group("what"), self.published)
        return dates[0].date if dates and dates[0].start == 0 else None

    def as_of(self, clause: str) -> PartialDate | None:
        dates = [
            d
            for d in find_dates(clause, self.published)
            if not re.search(r"\bsince\b[^.;]{0,40}$", clause[: d.start], re.I)
        ]
        if dates:
            return dates[-1].date
        return PartialDate.from_date(self.published) if self.published else None

    def add(
        self, metric: str, value: Number, clause_start: int, clause: str, side: str | None = None
    ) -> None:
        if value.value is None:
            return  # a vague tally ("hundreds of thousands") is no figure a ledger can hold
        claimant, since, as_of = self._read(clause)
        scope = self.scope(clause_start, clause)
        if (
            claimant
            and claimant.name.lower() in ("officials", "local officials", "city officials")
            and scope != "Ukraine"
        ):
            claimant = replace(claimant, name=f"{scope} officials")
        if metric.startswith("military") and side is None:
            side = _side(clause, claimant)
        evidence = Evidence(
            self.sent.line,
            self.sent.start,
            self.sent.end,
            self.doc.article.text[self.sent.start : self.sent.end],
            self.sent.index,
        )
        self.figures.append(
            Figure(
                article_id=self.doc.article.id,
                metric=metric,
                scope=scope,
                value=value,
                evidence=(evidence,),
                extractor=NAME,
                claimant=claimant,
                side=side,
                since=since,
                as_of=as_of,
            )
        )

    def _read(self, clause: str) -> tuple[Claimant | None, PartialDate | None, PartialDate | None]:
        """Who tells the tallies of ``clause``, since and as of when: read once per clause (a
        clause of 1,300 counts was read 1,300 times, 139 s on 33,000 characters: bench/fuzz.py)."""
        if clause not in self._reads:
            vocab = vocabulary(self.doc.language)
            claimant = find_claimant(clause, vocab) or find_claimant(self.sent.text, vocab)
            self._reads[clause] = (claimant, self.since(clause), self.as_of(clause))
        return self._reads[clause]


_CIVILIAN = re.compile(r"civilian", re.I)
_CIVILIAN_WORD = re.compile(r"\bcivilian\b", re.I)
_CIVILIAN_START = re.compile(r"\bcivilian", re.I)


def _civilian_by(clause: str, end: int, word_ends: list[int]) -> bool:
    """``re.search(r"\bcivilian\b", clause[:end], re.I)`` without reading the clause again: a
    whole word ``civilian`` ending by ``end`` (``word_ends``: where each ends), or its letters
    ending right at ``end`` (a word boundary there once cut)."""
    if word_ends and word_ends[0] <= end:
        return True
    return end >= 8 and _CIVILIAN_START.match(clause, end - 8, end) is not None


class _NextMatch:
    """``pattern.search(text, pos)`` for positions that grow, each search run once: the
    match from an earlier position stands while it starts at or after the new one."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self.pos: int | None = None
        self.match: re.Match[str] | None = None

    def __call__(self, pos: int) -> re.Match[str] | None:
        stale = self.pos is None or pos < self.pos
        if stale or (self.match is not None and self.match.start() < pos):
            self.pos, self.match = pos, self.pattern.search(self.text, pos)
        return self.match


@functools.cache
def _tally_verb(vocab: Vocabulary) -> re.Pattern[str]:
    """The verbs of a tally that is no casualty ("fled", "crossed", "displaced")."""
    return vocab.word_regex("tally_verb")


def _sentence_figures(doc: Document, sent: Sentence) -> list[Figure]:
    b = _Builder(doc, sent)
    text = sent.text
    vocab = vocabulary(doc.language)
    if not names_casualties(text) and not _tally_verb(vocab).search(text):
        return []
    if ranks_an_attack(text):
        return []  # "the strike killed 52, one of the deadliest since ...": one attack's toll
    civilian = _CIVILIAN.search(text)  # "others" after it are civilians
    for start, clause in _clauses(text):
        # Each read once, not once per count: a clause of 1,300 counts (bench/fuzz.py)
        civilian_words = [m.end() for m in _CIVILIAN_WORD.finditer(clause)]
        next_clause, including = _NextMatch(_NEXT_CLAUSE, clause), _NextMatch(_INCLUDING, clause)
        for c in find_casualties(clause):
            if not is_tally(text, c, vocabulary(doc.language)):
                continue
            victims = c.victims
            if victims == "others":
                civilians = civilian is not None and civilian.end() <= start + c.start
                victims = "civilians" if civilians else "people"
            if victims == "people" and _civilian_by(clause, c.end, civilian_words):
                victims = "civilians"
            # up to the next coordinated clause after the count: "..., and casualty counts are
            # often higher than the losses in Hroza" names no scope of the tally before it
            told = clause[: m.start()] if (m := next_clause(c.end)) else clause
            b.add(_metric(c.kind, victims), c.number, start, told)
            inc = including(c.end)
            if inc and c.kind == "killed":
                child = _count(inc.group("count"))
                if child:
                    b.add("children_killed", child, start, clause)
        for m in _LOSSES.finditer(clause):
            value = _count(m.group("count"))
            if value:
                b.add(
                    "military_killed",
                    value,
                    start,
                    clause,
                    _side(m.group("who"), find_claimant(clause, vocabulary(doc.language))),
                )
        for m in _FLED.finditer(clause):
            value = _count(m.group("count"))
            if value and (value.value or 0) >= 1000:
                b.add("refugees", value, start, clause)
        for m in _IDP.finditer(clause):
            value = _count(m.group("count"))
            if value:
                b.add("internally_displaced", value, start, clause)
    return b.figures


def extract_figures(doc: Document, settings: Settings) -> Document:
    """Stage: every cumulative figure the article states (English text only, for now)."""
    if doc.language != "en":
        return doc
    figures: list[Figure] = []
    for sent in doc.sentences:
        if sent.boilerplate or sent.repeat_of is not None or sent.is_title:
            continue
        figures.extend(_sentence_figures(doc, sent))
    return replace(doc, figures=tuple(figures))
