"""The situation report as Markdown and as HTML, from one ``SituationReport``.

Article-derived text is escaped in both (HTML by Jinja2's autoescape; Markdown
by escaping the characters a renderer would treat as markup or raw HTML).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment, select_autoescape

from sitrep.model import Contradiction, Figure, Incident, Report
from sitrep.report.model import Claim, SituationReport
from sitrep.report.text import describe_number, label

__all__ = ["contradiction_text", "incident_text", "render_html", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#])")


def md(text: str) -> str:
    """Escape Markdown/HTML specials in text that came from an article."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _sources(incident: Incident, outlets: Mapping[str, str | None]) -> str:
    parts = []
    for report in incident.reports:
        outlet = outlets.get(report.article_id) or report.article_id
        who = f" citing {report.claimant.name}" if report.claimant else ""
        parts.append(
            f"{outlet}{who}: killed {describe_number(report.killed)}, injured {describe_number(report.injured)}"
        )
    return "; ".join(parts)


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
    outlet = claim.outlet or claim.figure.article_id
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
    total = len(report.incidents)
    lines += [
        f"{total} new incident{'s' if total != 1 else ''} in {len(report.oblasts)} oblast(s).",
        "",
    ]
    lines += [
        f"![{name}]({path.name})" for name, path in charts.items() if not name.startswith("series")
    ]
    lines += ["", "## New incidents by oblast", ""]
    for oblast in report.oblasts:
        unknown = f", {oblast.unknown_killed} with unknown deaths" if oblast.unknown_killed else ""
        lines.append(
            f"### {md(oblast.oblast)} — at least {oblast.killed} killed, {oblast.injured} injured{unknown}"
        )
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
li{margin:.3rem 0}.contested{color:#b3261e;font-weight:600}.muted{color:#5d6b7a}img{max-width:100%}
</style></head><body>
<h1>{{ title }}</h1>
<p>{{ total }} new incident{{ '' if total == 1 else 's' }} in {{ report.oblasts|length }} oblast(s).</p>
{% for name, path in charts.items() if not name.startswith('series') %}<p><img src="{{ path.name }}" alt="{{ name }} chart"></p>{% endfor %}
<h2>New incidents by oblast</h2>
{% for o in report.oblasts %}
<h3>{{ o.oblast }} <span class="muted">— at least {{ o.killed }} killed, {{ o.injured }} injured{% if o.unknown_killed %}, {{ o.unknown_killed }} with unknown deaths{% endif %}</span></h3>
<ul>{% for i in o.incidents %}<li>{{ incident_text(i, report.outlets) }}</li>{% endfor %}</ul>
{% else %}<p>No new incidents recorded in this period.</p>{% endfor %}
<h2>Figures</h2>
{% for s in report.series %}
<h3>{{ label(s.metric) }}, {{ s.scope }}{% if s.contested %} <span class="contested">— contested</span>{% endif %}</h3>
<ul>{% for c in s.claims %}<li>{{ claim_text(c) }}{% if c.contested %} <span class="contested">(contested)</span>{% endif %}{% if c.new %} <em>(new)</em>{% endif %}</li>{% endfor %}</ul>
{% set key = 'series-' ~ loop.index0 %}{% if key in charts %}<p><img src="{{ charts[key].name }}" alt="{{ s.metric }} chart"></p>{% endif %}
{% endfor %}
<h2>Contested</h2>
<ul>{% for c in report.contradictions %}<li class="contested">{{ contradiction_text(c) }}</li>{% else %}<li>Nothing contested.</li>{% endfor %}</ul>
<p class="muted">Generated by sitrep from its store; every value is a claim by the named source, as reported by the named outlet.</p>
</body></html>
"""
_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
_template = _env.from_string(_HTML)


def render_html(report: SituationReport, charts: Mapping[str, Path]) -> str:
    return _template.render(
        title=_title(report),
        total=len(report.incidents),
        report=report,
        charts=charts,
        incident_text=incident_text,
        claim_text=claim_text,
        contradiction_text=contradiction_text,
        label=label,
    )
