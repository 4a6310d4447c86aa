"""The daily situation report: ``build_report`` queries, ``write_report`` renders it.

The HTML file is self-contained (charts inline as SVG, styles inline), so it
can be mailed alone; the Markdown file links the same charts written beside it.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.report.build import build_report
from sitrep.report.charts import draw_charts, write_charts
from sitrep.report.model import SituationReport
from sitrep.report.render import render_html, render_markdown

__all__ = ["SituationReport", "build_report", "write_report"]


def write_report(report: SituationReport, out: Path) -> list[Path]:
    """Write ``report-DATE.md``, ``report-DATE.html`` and their charts into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    stem = f"report-{report.date_to.isoformat()}"
    svgs = draw_charts(report)
    charts = write_charts(svgs, out, stem)
    md_path, html_path = out / f"{stem}.md", out / f"{stem}.html"
    md_path.write_text(render_markdown(report, charts), encoding="utf-8")
    html_path.write_text(render_html(report, svgs), encoding="utf-8")
    return [md_path, html_path, *charts.values()]
