"""Report charts as SVG, drawn with matplotlib's Agg backend (no display needed).

Only the top charts: casualties by oblast (the worst :data:`MAX_OBLASTS`),
incidents per day, and the :data:`MAX_SERIES_CHARTS` figure series that
matter most (contested first, then the most claimants).  The HTML report
inlines them; the Markdown report links the same SVG written beside it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure as PlotFigure

from sitrep.export.words import label
from sitrep.report.model import SeriesSummary, SituationReport, low

__all__ = ["MAX_OBLASTS", "MAX_SERIES_CHARTS", "draw_charts", "top_series", "write_charts"]

#: A one-day synthetic report drew 73 charts; an analyst reads the first few.
MAX_SERIES_CHARTS = 3
MAX_OBLASTS = 12

KILLED, INJURED, CONTESTED, PLAIN = "#b3261e", "#f2b134", "#b3261e", "#1f3a5f"
plt.rcParams.update(
    {"font.size": 9, "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "sitrep"}
)


def _svg(fig: PlotFigure) -> str:
    fig.tight_layout()
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    text = out.getvalue()
    return text[text.index("<svg") :]  # inline: no XML prolog or doctype


def oblast_chart(report: SituationReport) -> str:
    """Killed and injured per oblast (low ends of the stated counts), the worst first."""
    rows = list(reversed(report.oblasts[:MAX_OBLASTS]))
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 1.2))
    y = range(len(rows))
    ax.barh(
        [v + 0.2 for v in y],
        [o.killed or 0 for o in rows],
        height=0.4,
        color=KILLED,
        label="killed (at least)",
    )
    ax.barh(
        [v - 0.2 for v in y],
        [o.injured or 0 for o in rows],
        height=0.4,
        color=INJURED,
        label="injured (at least)",
    )
    ax.set_yticks(list(y), [o.oblast for o in rows])
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(
        f"Casualties in new incidents by oblast, {report.date_from} – {report.date_to}", loc="left"
    )
    return _svg(fig)


def daily_chart(report: SituationReport) -> str:
    """Incidents per day over the period."""
    fig, ax = plt.subplots(figsize=(7, 2.4))
    ax.bar([d.isoformat()[5:] for d, _ in report.daily], [n for _, n in report.daily], color=PLAIN)
    ax.set_title("New incidents per day", loc="left")
    ax.tick_params(axis="x", labelrotation=45)
    return _svg(fig)


def series_chart(series: SeriesSummary) -> str:
    """Each claimant's latest value for one figure; contested claims in red."""
    claims = [c for c in series.claims if low(c.figure.value) is not None]
    fig, ax = plt.subplots(figsize=(7, 0.5 * len(claims) + 1.2))
    ax.barh(
        [c.claimant for c in claims],
        [low(c.figure.value) or 0 for c in claims],
        color=[CONTESTED if c.contested else PLAIN for c in claims],
    )
    ax.set_title(
        f"{label(series.metric)} — {series.scope} (latest claim per source; red: contested)",
        loc="left",
    )
    return _svg(fig)


def _chartable(series: SeriesSummary) -> bool:
    return any(low(c.figure.value) is not None for c in series.claims)


def top_series(report: SituationReport) -> list[int]:
    """Indexes of the series worth a chart: contested first, then the most claimants."""
    ranked = sorted(
        (n for n, s in enumerate(report.series) if _chartable(s)),
        key=lambda n: (not report.series[n].contested, -len(report.series[n].claims), n),
    )
    return sorted(ranked[:MAX_SERIES_CHARTS])


def draw_charts(report: SituationReport) -> dict[str, str]:
    """The top charts as SVG text: ``oblasts``, ``daily``, ``series-N``."""
    charts: dict[str, str] = {}
    if report.oblasts:
        charts["oblasts"] = oblast_chart(report)
    if len(report.daily) > 1:
        charts["daily"] = daily_chart(report)
    for n in top_series(report):
        charts[f"series-{n}"] = series_chart(report.series[n])
    return charts


def _file_name(stem: str, name: str) -> str:
    if name.startswith("series-"):
        return f"{stem}-figure-{int(name.split('-')[1]) + 1}.svg"
    return f"{stem}-{name}.svg"


def write_charts(charts: dict[str, str], out: Path, stem: str) -> dict[str, Path]:
    """Write each chart beside the Markdown report; return name -> file."""
    written = {}
    for name, svg in charts.items():
        path = out / _file_name(stem, name)
        path.write_text(re.sub(r"\s+$", "\n", svg), encoding="utf-8")
        written[name] = path
    return written
