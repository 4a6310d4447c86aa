"""The daily situation report: ``build_report`` queries, ``write_report`` renders Markdown, HTML and SVG charts."""

from __future__ import annotations

from pathlib import Path

from sitrep.report.build import build_report
from sitrep.report.charts import write_charts
from sitrep.report.model import SituationReport
from sitrep.report.render import render_html, render_markdown

__all__ = ["SituationReport", "build_report", "write_report"]


def write_report(report: SituationReport, out: Path) -> list[Path]:
    """Write ``report-DATE.md``, ``report-DATE.html`` and their charts into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    stem = f"report-{report.date_to.isoformat()}"
    charts = write_charts(report, out, stem)
    md_path, html_path = out / f"{stem}.md", out / f"{stem}.html"
    md_path.write_text(render_markdown(report, charts), encoding="utf-8")
    html_path.write_text(render_html(report, charts), encoding="utf-8")
    return [md_path, html_path, *charts.values()]
