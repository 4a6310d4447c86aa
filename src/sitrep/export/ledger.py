"""The figures ledger and the contradictions as downloadable rows (CSV, JSON).

One filter (:class:`FigureFilter`) and one row shape each, shared by
``sitrep figures`` / ``sitrep contradictions``, ``GET /api/ledger.{csv,json}``
and the ledger page's download links, so the columns cannot drift.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, Literal

from sitrep.model import Contradiction, Figure, PartialDate, Report

__all__ = [
    "CONTRADICTION_COLUMNS",
    "FIGURE_COLUMNS",
    "FigureFilter",
    "LedgerFormat",
    "contradiction_rows",
    "differing_field",
    "figure_row",
    "select_figures",
    "write_rows",
]

LedgerFormat = Literal["csv", "json"]

FIGURE_COLUMNS: tuple[str, ...] = (
    "metric", "scope", "side", "value", "qualifier", "low", "high", "claimant",
    "claimant_role", "since", "as_of", "outlet", "article_id", "url", "evidence", "extractor",
)  # fmt: skip

CONTRADICTION_COLUMNS: tuple[str, ...] = (
    "contradiction_id", "kind", "metric", "scope", "incident", "differs", "value", "qualifier",
    "low", "high", "claimant", "as_of", "article_id", "evidence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FigureFilter:
    """What the ledger selects.  Every field narrows; ``None`` means any.

    ``scope`` is exact, ``scope_prefix`` the start of the scope ignoring case
    (``--oblast kharkiv``); ``claimant`` and ``q`` match parts of the
    claimant's name and of the evidence, ignoring case; the dates bound the
    figure's as-of day (a figure without a full as-of date is in no range).
    """

    metric: str | None = None
    scope: str | None = None
    scope_prefix: str | None = None
    claimant: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None


def _in_range(day: PartialDate | None, f: FigureFilter) -> bool:
    if f.date_from is None and f.date_to is None:
        return True
    full = day.to_date() if day else None
    if full is None:
        return False
    return (f.date_from is None or full >= f.date_from) and (f.date_to is None or full <= f.date_to)


def _matches(figure: Figure, f: FigureFilter) -> bool:
    name = figure.claimant.name.lower() if figure.claimant else ""
    text = " ".join(e.text for e in figure.evidence).lower()
    return (
        (f.metric is None or figure.metric == f.metric)
        and (f.scope is None or figure.scope == f.scope)
        and (f.scope_prefix is None or figure.scope.lower().startswith(f.scope_prefix.lower()))
        and (f.claimant is None or f.claimant.lower() in name)
        and (f.q is None or f.q.lower() in text)
        and _in_range(figure.as_of, f)
    )


def select_figures(figures: Iterable[Figure], f: FigureFilter | None = None) -> list[Figure]:
    """The figures ``f`` admits, in their given order."""
    f = f or FigureFilter()
    return [figure for figure in figures if _matches(figure, f)]


def _iso(day: PartialDate | None) -> str | None:
    return day.isoformat() if day else None


def figure_row(figure: Figure, outlet: str | None, url: str | None = None) -> dict[str, Any]:
    """One figure claim, flat: every value as stated, unknowns empty."""
    claimant = figure.claimant
    return {
        "metric": figure.metric,
        "scope": figure.scope,
        "side": figure.side,
        "value": figure.value.value,
        "qualifier": figure.value.qualifier,
        "low": figure.value.low,
        "high": figure.value.high,
        "claimant": claimant.name if claimant else None,
        "claimant_role": claimant.role if claimant else None,
        "since": _iso(figure.since),
        "as_of": _iso(figure.as_of),
        "outlet": outlet,
        "article_id": figure.article_id,
        "url": url,
        "evidence": " / ".join(e.text for e in figure.evidence),
        "extractor": figure.extractor,
    }


def _interval(number: Any) -> tuple[float, float]:
    low = number.low if number.low is not None else number.value
    high = (
        number.high
        if number.high is not None
        else number.value
        if number.qualifier == "exact"
        else None
    )
    return (float("-inf") if low is None else low, float("inf") if high is None else high)


def _disjoint(numbers: list[Any]) -> bool:
    spans = [_interval(n) for n in numbers]
    return any(a[1] < b[0] or b[1] < a[0] for a in spans for b in spans)


def differing_field(contradiction: Contradiction) -> str | None:
    """Which value the sources disagree on: ``killed``/``injured`` for an incident (the one
    whose stated ranges cannot both hold, else the one whose values differ), the metric
    for a figure."""
    if contradiction.kind == "figure":
        return contradiction.metric
    reports = [c for c in contradiction.claims if isinstance(c, Report)]
    stated = {
        name: [getattr(r, name) for r in reports if getattr(r, name) is not None]
        for name in ("killed", "injured")
    }
    for name, numbers in stated.items():
        if _disjoint(numbers):
            return name
    for name, numbers in stated.items():
        if len({(n.value, n.qualifier) for n in numbers}) > 1:
            return name
    return None


def _claim_row(contradiction: Contradiction, differs: str | None, claim: Any) -> dict[str, Any]:
    if isinstance(claim, Report):
        number = getattr(claim, differs) if differs in ("killed", "injured") else claim.killed
        as_of = claim.date
    else:
        number, as_of = claim.value, claim.as_of
    return {
        "contradiction_id": contradiction.id,
        "kind": contradiction.kind,
        "metric": contradiction.metric,
        "scope": contradiction.scope,
        "incident": contradiction.incident,
        "differs": differs,
        "value": number.value if number else None,
        "qualifier": number.qualifier if number else None,
        "low": number.low if number else None,
        "high": number.high if number else None,
        "claimant": claim.claimant.name if claim.claimant else None,
        "as_of": _iso(as_of),
        "article_id": claim.article_id,
        "evidence": " / ".join(e.text for e in claim.evidence),
    }


def contradiction_rows(contradictions: Iterable[Contradiction]) -> list[dict[str, Any]]:
    """One row per claim of each contradiction, naming the value that differs."""
    rows: list[dict[str, Any]] = []
    for contradiction in contradictions:
        differs = differing_field(contradiction)
        rows.extend(_claim_row(contradiction, differs, c) for c in contradiction.claims)
    return rows


def write_rows(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str, out: BinaryIO
) -> None:
    """``rows`` as CSV (``columns`` as header, unknowns empty) or as one JSON array."""
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=1).encode() + b"\n")
        return
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    text.detach()
