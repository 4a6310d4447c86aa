"""Per-article grouping: the sentence reports of one article about one incident become one report.

Rules, in order (documented here because analysts ask "why merged?"):
1. A report with no place that directly follows a report (next sentence of
   the same paragraph) continues it ("... shelled Sartana. Three people were
   killed.").
2. Otherwise a report with no place joins the incident whose targets it
   shares (a bus and a car), else it is dropped: no place, no incident.
3. A report with no date takes the date of a report about the same target
   at the same place, else of any dated report at the same place (a toll
   update in a follow-up, or a bare count, is about the attack the article
   dates), else the
   publication date, else the last date the article gave before it ("On 12
   June ... In the afternoon, ..."); all marked inferred.  A toll update
   dated only by publication stays a follow-up (``Report.followup``).
4. Reports merge when the place is the same (a district is inside its
   city), the day is the same, the types are compatible, the target sets
   do not conflict and no report says "another".  Numbers merge by the
   highest lower bound.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from sitrep.config import Settings
from sitrep.extract._date_roles import refers_back
from sitrep.extract._numbers import number_words
from sitrep.lang import vocabulary
from sitrep.model import UNKNOWN_TYPE, Claimant, Document, Number, PartialDate, Place, Report

__all__ = ["NAME", "group_reports", "merge_numbers"]

NAME = "grouping.v1"

_GENERIC_TARGETS = {"car", "residential building"}
_REMOTE = {"shelling_artillery_missile_attack", "air_drone_strike"}


_QUALIFIER_RANK = {"at_least": 3, "more_than": 2, "exact": 1}


def merge_numbers(a: Number | None, b: Number | None) -> Number | None:
    """The highest credible lower bound of two counts (ACLED's conservative convention).

    Of one value stated twice, the lower bound wins over the bare figure ("at least 50 people
    were killed" ... "Fifty dead"): the bare one is the same count said short, not a claim
    that the toll is final.  An exact figure wins over an approximate one ("about 50"), and
    any stated figure over a vague word ("at least 21 fatalities" ... "dozens were killed"):
    the word is the speaker's impression, the figure a count."""
    if a is None or b is None:
        return a or b

    def key(n: Number) -> tuple[bool, int, int]:
        return (
            n.value is not None,
            n.low if n.low is not None else (n.value or 0),
            _QUALIFIER_RANK.get(n.qualifier, 0),
        )

    return a if key(a) >= key(b) else b


def _city(place: Place | None) -> str | None:
    if place is None:
        return None
    return place.parent or place.name


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.id and b.id and a.id == b.id:
        return True
    return _city(a) == _city(b) and a.admin1 == b.admin1


def _compatible_type(a: Report, b: Report) -> bool:
    if a.event_type == b.event_type or not (a.typed and b.typed):
        return True
    kinds = {a.event_type, b.event_type}
    return (
        kinds <= {"explosions_remote_violence", "battles", "strategic_developments"}
        and "explosions_remote_violence" in kinds
    )


def _targets_conflict(a: Report, b: Report) -> bool:
    ta, tb = set(a.targets) - _GENERIC_TARGETS, set(b.targets) - _GENERIC_TARGETS
    if ta and tb and not (ta & tb):
        return True
    # a strike on a named facility is not the strike on a district's homes
    district_vs_city = {
        a.place.precision if a.place else None,
        b.place.precision if b.place else None,
    } == {"district", "settlement"}
    return district_vs_city and bool(ta ^ tb) and not (set(a.targets) & set(b.targets))


def _numbers_conflict(a: Report, b: Report) -> bool:
    for x, y in ((a.killed, b.killed), (a.injured, b.injured)):
        if x and y and x.qualifier == "exact" and y.qualifier == "exact" and x.value != y.value:
            return True
    return False


def _mergeable(a: Report, b: Report) -> bool:
    return (
        not b.separate
        and _same_place(a.place, b.place)
        and a.date == b.date
        and _compatible_type(a, b)
        and (not _targets_conflict(a, b) or _told_of(a) or _told_of(b))
        and not (_numbers_conflict(a, b) and not (not (a.typed and b.typed) or _same_event(a, b)))
    )


_EN = vocabulary("en")

# "Three more people died ...", "two more bodies were found": a toll going up, not a new attack.
_MORE_DEAD = re.compile(
    r"\b(?:\w+|\d+)\s+more\s+" + _EN.alternation("more_dead") + r"\b",
    re.I,
)


def _told_of(report: Report) -> bool:
    """A report of an attack already told: a toll update, an added death, "the strike on ..."."""
    return report.followup or any(
        _MORE_DEAD.search(e.text) or refers_back(e.text) for e in report.evidence
    )


# "Another civilian was killed", "four other civilians", "two more bodies were found", "two
# soldiers were also killed": victims beyond those already counted.
_ADDED = re.compile(
    rf"""\b(?:
        another
      | (?:\d+|{number_words(1, 12)}|several|a\s+few)\s+(?:more|other|additional)\s+(?!times|than)
      | (?:was|were)\s+also\s+(?:killed|wounded|injured|hurt)
      | also\s+(?:died|killed)
    )""",
    re.I | re.VERBOSE,
)
# "..., bringing the toll to 5": a new total, not an addition
_NEW_TOTAL = _EN.word_regex("new_total_word")


def _adds(a: Report, b: Report) -> bool:
    """``b``, one sentence, counts victims beyond ``a``'s ("Initially, four were reported dead;
    later two more bodies were found"), where no sentence of either states a total."""
    if len(b.evidence) != 1 or not (a.killed or a.injured) or not (b.killed or b.injured):
        return False
    text = b.evidence[0].text
    if _told(text).total or any(_told(e.text).total for e in a.evidence):
        return False  # a total stated beside it already counts the added victims
    if sum(1 for e in a.evidence if _told(e.text).counts) > 1:
        return False  # counts told and updated more than once: added to which of them?
    return _told(text).added


class _Told(NamedTuple):
    total: bool  # states a total (_NEW_TOTAL)
    counts: bool  # counts casualties (_COUNT_BEFORE)
    added: bool  # counts victims beyond those told before (_ADDED)


# Cached: one long sentence is the evidence of every report read in it, and a report merged
# in is checked against all the evidence merged before it (cubic in its length uncached:
# 89 s on a 47,000-character sentence of 1,400 "killed five civilians", bench/fuzz.py).
@functools.lru_cache(maxsize=64)
def _told(text: str) -> _Told:
    added = _ADDED.search(text)
    # "three people were killed and eight more injured": "more" counts beyond the sentence's
    # own first count, not beyond what was told before
    return _Told(
        _NEW_TOTAL.search(text) is not None,
        _COUNT_BEFORE.search(text) is not None,
        added is not None and not _COUNT_BEFORE.search(text[: added.start()]),
    )


# A casualty count ("three people", "4 killed", "five civilians") in a sentence's words.
_COUNT_BEFORE = re.compile(
    rf"""\b(?:\d+|{number_words(1, 12)}|dozens?)\s+
    (?:[\w-]+\s+){{0,2}}?                # at most two words between: "three more people"
    (?:people|persons?|civilians?|residents?|children|soldiers?|men|women
      |killed|dead|died|injured|wounded|hurt)\b""",
    re.I | re.VERBOSE,
)


def _add_numbers(a: Number | None, b: Number | None) -> Number | None:
    """The two counts together (either alone when the other is unknown)."""
    if a is None or b is None or a.value is None or b.value is None:
        return merge_numbers(a, b)
    total = a.value + b.value
    if a.qualifier == b.qualifier == "exact":
        return Number.exact(total)
    return Number(total, "at_least", (a.low or a.value) + (b.low or b.value), None)


def _same_event(a: Report, b: Report) -> bool:
    """Two typed reports of one place and day with one sub-type: one attack told twice, its
    toll updated in the article ("Initially, 41 were reported dead ... risen to 49")."""
    return a.sub_event_type == b.sub_event_type or {a.sub_event_type, b.sub_event_type} <= _REMOTE


def _merge(a: Report, b: Report) -> Report:
    place = a.place
    if b.place and (
        place is None or (b.place.precision == "district" and place.precision != "district")
    ):
        place = b.place
    typer = _type_source(a, b)
    # a sentence that goes on may date it; of two days told of one attack the earlier is the
    # attack's ("Rescuers combed the rubble on Wednesday ... The missile tore in on Tuesday")
    dater = a if b.date is None or (a.date is not None and _key(a.date) <= _key(b.date)) else b
    combine = _add_numbers if _adds(a, b) else merge_numbers
    killed, injured = combine(a.killed, b.killed), combine(a.injured, b.injured)
    return replace(
        a,
        date=dater.date,
        place=place,
        event_type=typer.event_type,
        sub_event_type=typer.sub_event_type,
        typed=a.typed or b.typed,
        evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
        killed=killed,
        injured=injured,
        weapon=a.weapon or b.weapon,
        targets=tuple(dict.fromkeys(a.targets + b.targets)),
        actor=a.actor or b.actor,
        claimant=_teller(a, b, killed, injured),
        victims=a.victims or b.victims,
        separate=a.separate or b.separate,
        date_inferred=dater.date_inferred
        if a.date is None
        else a.date_inferred and b.date_inferred,
        as_of=_later(a.as_of, b.as_of),
        followup=a.followup or b.followup,
    )


def _teller(a: Report, b: Report, killed: Number | None, injured: Number | None) -> Claimant | None:
    """Who the merged report's figures are told by: the source of its killed figure, else of its
    injured figure; when that sentence names nobody, the other's.  Without figures, whoever is
    named first."""
    for number, of_a, of_b in ((killed, a.killed, b.killed), (injured, a.injured, b.injured)):
        if number is None:
            continue
        if of_a == of_b:  # one figure told twice: the more specific teller
            return max((a.claimant, b.claimant), key=_specificity)
        teller, other = (b, a) if number is of_b and number is not of_a else (a, b)
        return teller.claimant or other.claimant
    return a.claimant or b.claimant


def _specificity(claimant: Claimant | None) -> int:
    """A named person with a role > a named person or body > "officials" or "an official"."""
    if claimant is None:
        return 0
    if re.match(
        r"(?i)^(?:the\s+|an?\s+|local\s+|ukrainian\s+)?(?:officials?|authorities)$", claimant.name
    ):
        return 1
    return 3 if claimant.role else 2


def _key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year or 0, date.month, date.day)


def _later(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=_key)


def _type_source(a: Report, b: Report) -> Report:
    """Whose type a merge keeps: a sentence that names the event over one that only counts
    victims, then remote violence over the rest (the strike behind a clash's casualties)."""
    if a.typed != b.typed:
        return a if a.typed else b
    return (
        a
        if a.event_type == "explosions_remote_violence"
        or b.event_type != "explosions_remote_violence"
        else b
    )


def _continues(prev: Report, report: Report) -> bool:
    """``report`` (no place) is the next sentence after ``prev`` in the same paragraph."""
    same_kind = (
        report.event_type == prev.event_type
        or UNKNOWN_TYPE in (report.event_type, prev.event_type)  # an uncued sentence between
        or report.killed is not None
        or report.injured is not None
    )
    return (
        same_kind
        and bool(prev.evidence and report.evidence)
        and report.evidence[0].sentence == prev.evidence[-1].sentence + 1
    )


class _DatedAt:
    """The first of ``reports`` dated at each place (as :func:`_same_place` compares places),
    and with each target there: one look-up per report, not a scan of the article's reports
    (a long article has thousands)."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self._reports = reports
        self._first: dict[Hashable, int] = {}
        for i, o in enumerate(reports):
            if o.date is None:
                continue
            for key in _place_keys(o.place):
                self._first.setdefault(key, i)
                for target in o.targets:
                    self._first.setdefault((key, target), i)

    def first(self, place: Place | None, targets: Iterable[str] | None = None) -> Report | None:
        """The first dated report at ``place`` (and about one of ``targets``), if any."""
        keys = _place_keys(place)
        wanted = keys if targets is None else [(k, t) for k in keys for t in targets]
        found = [self._first[k] for k in wanted if k in self._first]
        return self._reports[min(found)] if found else None


def _place_keys(place: Place | None) -> list[Hashable]:
    """What :func:`_same_place` compares: two places are the same when they share a key."""
    if place is None:
        return []
    keys: list[Hashable] = [("city", _city(place), place.admin1)]
    return [("id", place.id), *keys] if place.id else keys


def _fill_date(report: Report, default: PartialDate | None, dated: _DatedAt | None) -> Report:
    """An undated report takes the date of a dated one about the same target at the same place, else publication."""
    if report.date is not None:
        return report
    specific = set(report.targets) - _GENERIC_TARGETS
    twin = dated.first(report.place, specific) if dated is not None and specific else None
    if twin is not None:
        return replace(report, date=twin.date, date_inferred=True)
    if default is None:
        return report
    return replace(report, date=default, date_inferred=True)


def group_reports(doc: Document, settings: Settings) -> Document:
    """Stage: merge the article's sentence reports into one report per incident."""
    published = PartialDate.from_date(doc.article.published) if doc.article.published else None
    incidents: list[Report] = []
    pending: list[Report] = []
    votes = {
        r.evidence[0].sentence: (r.sub_event_type, 2 if r.weapon else 1)
        for r in doc.reports
        if r.event_type == "explosions_remote_violence" and r.typed
    }
    last_date: PartialDate | None = (
        None  # an undated sentence goes on from the last date the text gave
    )
    defaults: list[PartialDate | None] = []
    dated = _DatedAt(doc.reports)
    for report in doc.reports:
        if report.place is None:
            if incidents and _continues(incidents[-1], report):
                incidents[-1] = _merge(incidents[-1], _placed_as(report, incidents[-1]))
            else:
                pending.append(report)
            continue
        # with no publication date the article's last date comes first (captions of one day)
        incidents.append(_fill_date(report, None if published else last_date, dated))
        defaults.append(published)
        last_date = report.date or last_date
    incidents = [
        _fill_date(r, d, None)
        for r, d in zip(_place_dates(incidents, published), defaults, strict=True)
    ]
    merged = _merge_all(incidents)
    for report in pending:
        merged = _attach_by_targets(merged, report)
    counted = [r for r in pending if r.killed or r.injured]
    merged = _attach_back(_attach_to_sole(merged, counted), counted)
    merged = [_still_followup(_vote_sub_type(r, votes), published) for r in merged]
    return replace(
        doc, reports=tuple(r for r in merged if r.date is not None or not _dated_twin(r, merged))
    )


def _merge_all(reports: list[Report]) -> list[Report]:
    """Merge each report into the first earlier one it is mergeable with, in one pass (a
    second pass merged distinct captioned attacks of one city and day: seed 004)."""
    merged: list[Report] = []
    for report in reports:
        for i, existing in enumerate(merged):
            if _mergeable(existing, report):
                merged[i] = _merge(existing, report)
                break
        else:
            merged.append(report)
    return merged


def _still_followup(report: Report, published: PartialDate | None) -> Report:
    """A toll update stays a follow-up only while nothing but publication dates it."""
    if report.followup and not (
        report.date_inferred and report.date == published and published is not None
    ):
        return replace(report, followup=False)
    return report


def _vote_sub_type(report: Report, votes: dict[int, tuple[str, int]]) -> Report:
    """Shelling or air strike: a weighted vote of the merged sentences (a named weapon counts double)."""
    if report.event_type != "explosions_remote_violence":
        return report
    tally: dict[str, int] = {}
    for e in report.evidence:
        if e.sentence in votes:
            sub, weight = votes[e.sentence]
            tally[sub] = tally.get(sub, 0) + weight
    if not tally:
        return report
    best = max(tally.values())
    winner = next(
        sub
        for sub in (votes[e.sentence][0] for e in report.evidence if e.sentence in votes)
        if tally[sub] == best
    )
    return replace(report, sub_event_type=winner)


def _place_dates(reports: list[Report], published: PartialDate | None) -> list[Report]:
    """An undated report takes the date of a dated report at the same place in the article.

    When the article has a date, only a toll update or a sentence that just
    counts victims does: an undated sentence naming its own attack ("planes
    bombed Mariupol again") is the day's news, not the dated one's.
    """
    out = []
    dated = _DatedAt(reports)
    for r in reports:
        if r.date is None:
            twin = dated.first(r.place)
            told_of = published is None or r.followup or not r.typed or _refers_back(r)
            if twin is None and published is not None and _refers_back(r):
                twin = _first_dated(reports, published)  # "the bombardment also struck Dnipro"
            if twin is not None and (
                told_of or _days_before(twin.date, published) <= _SAME_NEWS_DAYS
            ):
                r = replace(r, date=twin.date, date_inferred=True)
        out.append(r)
    return out


# An undated sentence at the place of an attack the article dates this close to its
# publication is that attack's news ("... struck a local eatery" after "on Tuesday evening",
# published Wednesday); further back it may be the day's own (seed 004: captions of a
# strike five days earlier beside the day's).  0-4 separate the two; 2 allows a late filing.
_SAME_NEWS_DAYS = 2


def _days_before(date: PartialDate | None, published: PartialDate | None) -> int:
    day, pub = (date.to_date() if date else None), (published.to_date() if published else None)
    return 10**6 if day is None or pub is None else (pub - day).days


def _first_dated(reports: list[Report], published: PartialDate) -> Report | None:
    """The article's first report dated within ``_SAME_NEWS_DAYS`` before publication."""
    return next(
        (
            o
            for o in reports
            if o.date is not None and 0 <= _days_before(o.date, published) <= _SAME_NEWS_DAYS
        ),
        None,
    )


def _refers_back(report: Report) -> bool:
    return any(refers_back(e.text) for e in report.evidence)


def _dated_twin(report: Report, reports: list[Report]) -> bool:
    return any(
        o is not report and o.date is not None and _same_place(o.place, report.place)
        for o in reports
    )


def _placed_as(report: Report, host: Report) -> Report:
    """``report`` (no place) told of ``host``'s incident: its place, and its date unless it gives one."""
    if report.date is not None:
        return replace(report, place=host.place)
    return replace(report, place=host.place, date=host.date, date_inferred=host.date_inferred)


def _attach_to_sole(merged: list[Report], counts: list[Report]) -> list[Report]:
    """Counts told with no place ("at least two people were confirmed dead at the site") belong to
    the article's one incident when it has exactly one; with several they stay unplaced (dropped)."""
    if len(merged) != 1 or not counts:
        return merged
    sole = merged[0]
    for report in counts:
        if report.separate or any(e in sole.evidence for e in report.evidence):
            continue
        if (
            report.date is not None
            and sole.date is not None
            and report.date != sole.date
            and not report.date_inferred
        ):
            continue
        sole = _merge(sole, _placed_as(replace(report, date=None), sole))
    return [sole]


def _attach_back(merged: list[Report], counts: list[Report]) -> list[Report]:
    """Of several incidents, counts told of "the strike" with no place ("at least two people
    have been confirmed dead at the site of the strike") belong to the incident told last
    before them; counts that name no attack stay unplaced (dropped)."""
    if len(merged) < 2:
        return merged
    for report in counts:
        if (
            report.separate
            or not _refers_back(report)
            or any(e in m.evidence for m in merged for e in report.evidence)
        ):
            continue
        at = report.evidence[0].sentence
        told = [
            (max(e.sentence for e in m.evidence), i)
            for i, m in enumerate(merged)
            if max(e.sentence for e in m.evidence) < at
        ]
        if not told:
            continue
        host = max(told)[1]
        if (
            report.date is not None
            and merged[host].date is not None
            and report.date != merged[host].date
            and not report.date_inferred
        ):
            continue
        merged[host] = _merge(merged[host], _placed_as(replace(report, date=None), merged[host]))
    return merged


def _attach_by_targets(merged: list[Report], report: Report) -> list[Report]:
    shared = set(report.targets) - _GENERIC_TARGETS
    if not shared:
        return merged
    best = max(range(len(merged)), key=lambda i: len(shared & set(merged[i].targets)), default=None)
    if best is None or not shared & set(merged[best].targets):
        return [*merged, report] if report.date is not None else merged
    target = merged[best]
    filled = _placed_as(report, target)
    if len(merged) > 1 and (target.killed or target.injured):
        # Of a round-up of several places, the placeless sentence's counts are the whole
        # wave's ("attacks on Ukraine killed dozens ... and damaged the children's hospital"):
        # the target's own place tells its counts.
        filled = replace(filled, killed=None, injured=None)
    return [*merged[:best], _merge(target, filled), *merged[best + 1 :]]
