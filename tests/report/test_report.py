"""The situation report: contents, citations, contested figures, escaping, charts, CLI."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.export.words import describe_count
from sitrep.report import build_report, write_report
from sitrep.serve.fake import demo_store, write_demo
from sitrep.store import open_store


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("report")
    paths = write_report(build_report(demo_store(), dt.date(2022, 3, 4), days=3), out)
    return {p.suffix if p.suffix != ".svg" else p.stem.split("2022-03-04-")[1]: p for p in paths}


def test_one_day_has_only_that_days_incidents() -> None:
    report = build_report(demo_store(), dt.date(2022, 3, 3))
    assert [i.id for i in report.incidents] == ["inc-odesa-0303"]
    assert report.oblasts[0].oblast == "Odessa Oblast"
    assert report.oblasts[0].unknown_killed == 1


def test_period_groups_incidents_by_oblast_worst_first() -> None:
    report = build_report(demo_store(), dt.date(2022, 3, 4), days=3)
    assert [o.oblast for o in report.oblasts] == ["Kharkiv Oblast", "Kyiv City", "Odessa Oblast"]
    assert (report.oblasts[0].killed, report.oblasts[0].injured) == (5, 12)
    assert [n for _, n in report.daily] == [1, 1, 1]


def test_figures_are_the_latest_claim_per_claimant_up_to_the_date() -> None:
    early = build_report(demo_store(), dt.date(2022, 3, 2))
    assert [c.claimant for s in early.series for c in s.claims] == [
        "State Emergency Service of Ukraine"
    ]
    later = build_report(demo_store(), dt.date(2022, 3, 3))
    (series,) = later.series
    assert series.contested
    assert {c.claimant: c.outlet for c in series.claims} == {
        "OHCHR": "Example Times",
        "State Emergency Service of Ukraine": "Example Herald",
    }


def test_markdown_cites_every_value(written: dict[str, Path]) -> None:
    text = written[".md"].read_text(encoding="utf-8")
    assert text.startswith("# Situation report — 2022-03-02 to 2022-03-04")
    assert "OHCHR: 249 (as of 2022-03-03; reported by Example Times) **(contested)**" in text
    assert "Example Times citing mayor: killed at least 5, injured 11" in text
    assert "State Emergency Service of Ukraine says more than 2,000 vs OHCHR says 249" in text
    assert "![oblasts](report-2022-03-04-oblasts.svg)" in text


def test_html_is_self_contained_with_inline_svg(written: dict[str, Path]) -> None:
    html = written[".html"].read_text(encoding="utf-8")
    assert "<script" not in html
    assert "<img" not in html and ".svg" not in html  # nothing to lose when mailed alone
    assert html.count("<svg") == 3  # oblasts, daily, the one figure series
    assert 'class="contested"' in html


def test_charts_are_svg(written: dict[str, Path]) -> None:
    for name in ("oblasts", "daily", "figure-1"):
        root = ET.parse(written[name]).getroot()
        assert root.tag.endswith("svg")


def test_empty_period_says_so(tmp_path: Path) -> None:
    report = build_report(demo_store(), dt.date(2021, 1, 1))
    (md, _html) = write_report(report, tmp_path)[:2]
    assert "No new incidents recorded in this period." in md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "qualifier", "text"),
    [
        (5, "at_least", "at least 5"),
        (2000, "more_than", "more than 2,000"),
        (None, "dozens", "dozens"),
        (3, "exact", "3"),
    ],
)
def test_counts_are_described_as_stated(value: int | None, qualifier: str, text: str) -> None:
    assert describe_count(value, qualifier) == text


def test_cli_report_writes_files(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    with open_store(Settings(db=str(db))) as store:
        write_demo(store)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["report", "--date", "2022-03-03", "--db", str(db), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (out / "report-2022-03-03.md").exists()
    assert "Odesa" in (out / "report-2022-03-03.html").read_text(encoding="utf-8")


def test_cli_report_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["report", "--date", "2022-03-03", "--db", str(tmp_path / "none.db")]
    )
    assert result.exit_code == 1
    assert "No database at" in result.output


def test_unknown_counts_say_unknown_never_at_least_0(tmp_path: Path) -> None:
    report = build_report(demo_store(), dt.date(2022, 3, 3))  # Odesa: injured 3, killed unknown
    (md, html) = write_report(report, tmp_path)[:2]
    for text in (md.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert "at least 0" not in text
        assert "killed unknown, at least 3 injured" in text


def test_totals_and_change_against_the_previous_period() -> None:
    report = build_report(
        demo_store(), dt.date(2022, 3, 4), days=2
    )  # Odesa + Kyiv; before: Kharkiv
    assert (report.totals.incidents, report.totals.killed, report.totals.injured) == (2, 1, 3)
    assert report.previous is not None
    assert (report.previous.incidents, report.previous.killed) == (1, 5)
    from sitrep.report.render import totals_text

    assert totals_text(report) == (
        "2 new incidents (+1), at least 1 killed (−4), at least 3 injured (−9) in 2 oblast(s); "
        "change against the previous 2 days."
    )


def test_only_the_top_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.report import charts
    from sitrep.report.model import SeriesSummary

    report = build_report(demo_store(), dt.date(2022, 3, 4), days=3)
    many = tuple(
        SeriesSummary(s.metric, f"{s.scope} {n}", s.claims)
        for n in range(40)
        for s in report.series
    )
    crowded = type(report)(
        **{**{f: getattr(report, f) for f in report.__dataclass_fields__}, "series": many}
    )
    drawn = charts.draw_charts(crowded)
    assert len([n for n in drawn if n.startswith("series")]) == charts.MAX_SERIES_CHARTS
