"""The situation report as Markdown and as HTML, from one ``SituationReport``.

Article-derived text is escaped in both (HTML by Jinja2's autoescape; Markdown
by escaping the characters a renderer would treat as markup or raw HTML).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment, select_autoescape

from sitrep.export.words import describe_number, label
from sitrep.model import Contradiction, Figure, Incident, Report
from sitrep.report.model import Claim, OblastSummary, SituationReport

__all__ = [
    "contradiction_text",
    "incident_text",
    "oblast_text",
    "render_html",
    "render_markdown",
    "totals_text",
]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def md(text: str) -> str:
    """Escape Markdown/HTML specials in text that came from an article."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _sources(incident: Incident, outlets: Mapping[str, str | None]) -> str:
    parts = []
    for report in incident.reports:
        outlet = outlets.get(report.article_id) or "unknown outlet"  # never a hex id
        who = f" citing {report.claimant.name}" if report.claimant else ""
        parts.append(
            f"{outlet}{who}: killed {describe_number(report.killed)}, injured {describe_number(report.injured)}"
        )
    return "; ".join(parts)


def _change(now: int | None, before: int | None) -> str:
    if now is None or before is None:
        return (
            ""
            if now is None and before is None
            else " (none known before)"
            if before is None
            else ""
        )
    diff = now - before
    return f" ({'+' if diff > 0 else '−' if diff < 0 else '±'}{abs(diff):,})"


def _at_least(value: int | None, word: str) -> str:
    return f"{word} unknown" if value is None else f"at least {value:,} {word}"


def totals_text(report: SituationReport) -> str:
    """``3 new incidents (+1), at least 6 killed (−2), injured unknown; change against the
    previous 3 days.``"""
    now, before = report.totals, report.previous
    days = (report.date_to - report.date_from).days + 1
    count = f"{now.incidents:,} new incident{'s' if now.incidents != 1 else ''}"
    parts = [
        count + (_change(now.incidents, before.incidents) if before else ""),
        _at_least(now.killed, "killed") + (_change(now.killed, before.killed) if before else ""),
        _at_least(now.injured, "injured")
        + (_change(now.injured, before.injured) if before else ""),
    ]
    span = "day" if days == 1 else f"{days} days"
    against = f"; change against the previous {span}" if before else ""
    return f"{', '.join(parts)} in {len(report.oblasts)} oblast(s){against}."


def oblast_text(oblast: OblastSummary) -> str:
    """``at least 5 killed, at least 12 injured, 1 with unknown deaths`` (never "at least 0")."""
    unknown = f", {oblast.unknown_killed} with unknown deaths" if oblast.unknown_killed else ""
    if oblast.killed is None:
        unknown = ""
    return f"{_at_least(oblast.killed, 'killed')}, {_at_least(oblast.injured, 'injured')}{unknown}"


def incident_text(incident: Incident, outlets: Mapping[str, str | None]) -> str:
    """One line: date, place, type, the summary counts and every source's own numbers."""
    place = incident.place.name if incident.place else "unknown place"
    day = incident.date.isoformat() if incident.date else "date unknown"
    return (
        f"{day} — {place}: {label(incident.sub_event_type).lower()}; killed {describe_number(incident.killed)},"
        f" injured {describe_number(incident.injured)} (sources — {_sources(incident, outlets)})"
    )


def claim_text(claim: Claim) -> str:
    as_of = claim.as_of.isoformat() if claim.as_of else "date unknown"
    outlet = claim.outlet or "an unknown outlet"
    return f"{claim.claimant}: {describe_number(claim.figure.value)} (as of {as_of}; reported by {outlet})"


def _claim_of(claim: Figure | Report) -> str:
    who = claim.claimant.name if claim.claimant else "unattributed"
    number = claim.value if isinstance(claim, Figure) else (claim.killed or claim.injured)
    return f"{who} says {describe_number(number)}"


def contradiction_text(contradiction: Contradiction) -> str:
    """``Civilians killed in Ukraine: X says more than 2,000 vs Y says 249``."""
    if contradiction.kind == "figure":
        subject = f"{label(contradiction.metric)} in {contradiction.scope}"
    else:
        subject = f"Incident {contradiction.incident}"
    minor = " (minor)" if contradiction.minor else ""
    return f"{subject}{minor}: " + " vs ".join(_claim_of(c) for c in contradiction.claims)


def _title(report: SituationReport) -> str:
    if report.date_from == report.date_to:
        return f"Situation report — {report.date_to}"
    return f"Situation report — {report.date_from} to {report.date_to}"


def render_markdown(report: SituationReport, charts: Mapping[str, Path]) -> str:
    lines = [f"# {_title(report)}", ""]
    lines += [totals_text(report), ""]
    lines += [
        f"![{name}]({path.name})" for name, path in charts.items() if not name.startswith("series")
    ]
    lines += ["", "## New incidents by oblast", ""]
    for oblast in report.oblasts:
        lines.append(f"### {md(oblast.oblast)} — {oblast_text(oblast)}")
        lines += [f"- {md(incident_text(i, report.outlets))}" for i in oblast.incidents] + [""]
    if not report.oblasts:
        lines += ["No new incidents recorded in this period.", ""]
    lines += ["## Figures", ""]
    for n, series in enumerate(report.series):
        flag = " — **contested**" if series.contested else ""
        lines += [f"### {md(label(series.metric))}, {md(series.scope)}{flag}", ""]
        lines += [
            f"- {md(claim_text(c))}{' **(contested)**' if c.contested else ''}{' *(new)*' if c.new else ''}"
            for c in series.claims
        ]
        if f"series-{n}" in charts:
            lines += ["", f"![{md(series.metric)}]({charts[f'series-{n}'].name})"]
        lines.append("")
    lines += ["## Contested", ""]
    lines += [f"- {md(contradiction_text(c))}" for c in report.contradictions] or [
        "Nothing contested."
    ]
    return "\n".join(lines).rstrip() + "\n"


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b2430;line-height:1.5}
h1{border-bottom:3px solid #f2b134;padding-bottom:.3rem}h2{margin-top:2rem;color:#1f3a5f}
li{margin:.3rem 0}.contested{color:#b3261e;font-weight:600}.muted{color:#5d6b7a}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
</style></head><body>
<h1>{{ title }}</h1>
<p>{{ totals_text(report) }}</p>
{% for name, svg in charts.items() if not name.startswith('series') %}<figure role="img" aria-label="{{ name }} chart">{{ svg|safe }}</figure>{% endfor %}
<h2>New incidents by oblast</h2>
{% for o in report.oblasts %}
<h3>{{ o.oblast }} <span class="muted">— {{ oblast_text(o) }}</span></h3>
<ul>{% for i in o.incidents %}<li>{{ incident_text(i, report.outlets) }}</li>{% endfor %}</ul>
{% else %}<p>No new incidents recorded in this period.</p>{% endfor %}
<h2>Figures</h2>
{% for s in report.series %}
<h3>{{ label(s.metric) }}, {{ s.scope }}{% if s.contested %} <span class="contested">— contested</span>{% endif %}</h3>
<ul>{% for c in s.claims %}<li>{{ claim_text(c) }}{% if c.contested %} <span class="contested">(contested)</span>{% endif %}{% if c.new %} <em>(new)</em>{% endif %}</li>{% endfor %}</ul>
{% set key = 'series-' ~ loop.index0 %}{% if key in charts %}<figure role="img" aria-label="{{ s.metric }} chart">{{ charts[key]|safe }}</figure>{% endif %}
{% endfor %}
<h2>Contested</h2>
<ul>{% for c in report.contradictions %}<li class="contested">{{ contradiction_text(c) }}</li>{% else %}<li>Nothing contested.</li>{% endfor %}</ul>
<p class="muted">Generated by sitrep from its store; every value is a claim by the named source, as reported by the named outlet.</p>
</body></html>
"""
_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_template = _env.from_string(_HTML)


def render_html(report: SituationReport, charts: Mapping[str, str]) -> str:
    """The report as one self-contained HTML page; ``charts`` are SVG texts (our own, drawn
    by matplotlib from numbers, so inlined unescaped; every text from articles is escaped)."""
    return _template.render(
        title=_title(report),
        totals_text=totals_text,
        oblast_text=oblast_text,
        report=report,
        charts=charts,
        incident_text=incident_text,
        claim_text=claim_text,
        contradiction_text=contradiction_text,
        label=label,
    )
