"""Report charts as SVG files, drawn with matplotlib's Agg backend (no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure as PlotFigure

from sitrep.report.model import SeriesSummary, SituationReport, low
from sitrep.report.text import label

__all__ = ["write_charts"]

KILLED, INJURED, CONTESTED, PLAIN = "#b3261e", "#f2b134", "#b3261e", "#1f3a5f"
plt.rcParams.update(
    {"font.size": 9, "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "sitrep"}
)


def _save(fig: PlotFigure, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)
    return path


def oblast_chart(report: SituationReport, path: Path) -> Path:
    """Killed and injured per oblast (low ends of the stated counts)."""
    rows = list(reversed(report.oblasts))
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 1.2))
    y = range(len(rows))
    ax.barh(
        [v + 0.2 for v in y],
        [o.killed for o in rows],
        height=0.4,
        color=KILLED,
        label="killed (at least)",
    )
    ax.barh(
        [v - 0.2 for v in y],
        [o.injured for o in rows],
        height=0.4,
        color=INJURED,
        label="injured (at least)",
    )
    ax.set_yticks(list(y), [o.oblast for o in rows])
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(
        f"Casualties in new incidents by oblast, {report.date_from} – {report.date_to}", loc="left"
    )
    return _save(fig, path)


def daily_chart(report: SituationReport, path: Path) -> Path:
    """Incidents per day over the period."""
    fig, ax = plt.subplots(figsize=(7, 2.4))
    ax.bar([d.isoformat()[5:] for d, _ in report.daily], [n for _, n in report.daily], color=PLAIN)
    ax.set_title("New incidents per day", loc="left")
    ax.tick_params(axis="x", labelrotation=45)
    return _save(fig, path)


def series_chart(series: SeriesSummary, path: Path) -> Path:
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
    return _save(fig, path)


def write_charts(report: SituationReport, out: Path, stem: str) -> dict[str, Path]:
    """Draw every chart the report has data for; return name -> file."""
    charts: dict[str, Path] = {}
    if report.oblasts:
        charts["oblasts"] = oblast_chart(report, out / f"{stem}-oblasts.svg")
    if len(report.daily) > 1:
        charts["daily"] = daily_chart(report, out / f"{stem}-daily.svg")
    for n, series in enumerate(report.series):
        if any(low(c.figure.value) is not None for c in series.claims):
            charts[f"series-{n}"] = series_chart(series, out / f"{stem}-figure-{n + 1}.svg")
    return charts
