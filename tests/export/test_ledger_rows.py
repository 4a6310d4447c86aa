"""The ledger and contradiction rows: which value differs, filters, CSV and JSON."""

from __future__ import annotations

import datetime as dt
import io
import json

from sitrep.export._sources import outlet_label
from sitrep.export.ledger import (
    FIGURE_COLUMNS,
    FigureFilter,
    contradiction_rows,
    differing_field,
    figure_row,
    select_figures,
    write_rows,
)
from sitrep.model import Contradiction, Number, PartialDate, Report
from sitrep.serve.fake import demo_store


def _report(article: str, killed: Number | None, injured: Number | None) -> Report:
    return Report(
        article, PartialDate(2024, 5, 1), None, "explosions_remote_violence",
        "air_drone_strike", (), "t.v1", killed=killed, injured=injured,
    )  # fmt: skip


def test_the_differing_value_is_the_injured_one_when_killed_agree() -> None:
    c = Contradiction(
        "incident",
        (
            _report("a", Number.exact(3), Number.exact(14)),
            _report("b", Number.exact(3), Number.exact(40)),
        ),
        incident="inc-1",
    )
    assert differing_field(c) == "injured"
    rows = contradiction_rows([c])
    assert [(r["differs"], r["value"]) for r in rows] == [("injured", 14), ("injured", 40)]


def test_qualifiers_that_allow_both_are_not_the_difference() -> None:
    c = Contradiction(
        "incident",
        (
            _report("a", Number(18, "at_least", 18, None), Number.exact(2)),
            _report("b", Number(20, "at_least", 20, None), Number.exact(40)),
        ),
        incident="inc-1",
    )
    assert differing_field(c) == "injured"


def test_figure_filter_and_rows() -> None:
    store = demo_store()
    figures = store.list_figures()
    day = next(f.as_of for f in figures if f.as_of).to_date()
    dated = select_figures(figures, FigureFilter(date_from=day, date_to=day))
    assert dated and all(f.as_of and f.as_of.to_date() == day for f in dated)
    assert select_figures(figures, FigureFilter(claimant="ohchr"))
    assert not select_figures(
        figures, FigureFilter(date_from=dt.date(1990, 1, 1), date_to=dt.date(1990, 1, 2))
    )
    rows = [figure_row(f, "X") for f in figures]
    assert all(tuple(r) == FIGURE_COLUMNS for r in rows)
    out = io.BytesIO()
    write_rows(rows, FIGURE_COLUMNS, "json", out)
    assert len(json.loads(out.getvalue())) == len(figures)
    out = io.BytesIO()
    write_rows(rows, FIGURE_COLUMNS, "csv", out)
    assert out.getvalue().decode().splitlines()[0] == ",".join(FIGURE_COLUMNS)


def test_outlet_from_the_url_domain_when_unknown() -> None:
    assert (
        outlet_label(None, "https://www.example-gazette.com.ua/news/1.html")
        == "example-gazette.com.ua"
    )
    assert outlet_label("Reuters", "https://x.test/") == "Reuters"
    assert outlet_label(None, None) is None


def test_one_outlet_has_one_name() -> None:
    assert outlet_label("Kyiv Independent", None) == "The Kyiv Independent"
    assert (
        outlet_label("kyiv independent", "https://kyivindependent.com/x") == "The Kyiv Independent"
    )
    assert outlet_label("Some Feed Title", "https://www.reuters.com/world/x") == "Reuters"
