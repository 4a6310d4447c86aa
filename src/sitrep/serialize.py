"""JSON shapes of the command contract (DESIGN.md): one object per article, one corpus line.

The same functions serve `sitrep extract`, the JSON Lines export and the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitrep.fields import number_fields, place_fields
from sitrep.model import (
    Claimant,
    Contradiction,
    Corpus,
    Document,
    Evidence,
    Figure,
    Incident,
    Number,
    Place,
    Report,
)

__all__ = [
    "corpus_json",
    "document_json",
    "figure_json",
    "incident_json",
    "number_json",
    "output_id",
]

Json = dict[str, Any]


#: The place fields of the command contract (DESIGN.md); ``parent``, ``text`` and
#: ``country`` follow when they say something.
_PLACE = ("name", "lat", "lon", "admin1", "precision")


def number_json(number: Number | None) -> Json | None:
    """A count as the fields of :data:`sitrep.fields.NUMBER_FIELDS`."""
    return number_fields(number)


def place_json(place: Place | None) -> Json | None:
    out = place_fields(place, _PLACE)
    if place is None or out is None:
        return None
    if place.parent:
        out["parent"] = place.parent
    if place.text:
        out["text"] = place.text
    if place.country != "Ukraine":
        out["country"] = place.country
    return out


def claimant_json(claimant: Claimant | None) -> Json | None:
    if claimant is None:
        return None
    return {"name": claimant.name, "role": claimant.role, "channel": claimant.channel}


def evidence_json(evidence: tuple[Evidence, ...]) -> list[Json]:
    return [{"line": e.line, "start": e.start, "end": e.end, "text": e.text} for e in evidence]


def incident_json(report: Report) -> Json:
    """One incident as an article reports it."""
    return {
        "date": report.date.isoformat() if report.date else None,
        "place": place_json(report.place),
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        "weapon": report.weapon,
        "killed": number_json(report.killed),
        "injured": number_json(report.injured),
        "victims": report.victims,
        "actor": report.actor,
        "targets": list(report.targets),
        "status": report.status,
        "claimant": claimant_json(report.claimant),
        "as_of": report.as_of.isoformat() if report.as_of else None,
        "evidence": evidence_json(report.evidence),
        "extractor": report.extractor,
    }


def figure_json(figure: Figure) -> Json:
    return {
        "metric": figure.metric,
        "scope": figure.scope,
        "side": figure.side,
        **(number_fields(figure.value) or {}),
        "claimant": claimant_json(figure.claimant),
        "since": figure.since.isoformat() if figure.since else None,
        "as_of": figure.as_of.isoformat() if figure.as_of else None,
        "evidence": evidence_json(figure.evidence),
        "extractor": figure.extractor,
    }


def output_id(doc: Document) -> str:
    """The id a user knows the article by: the record id, else the file name stem."""
    article = doc.article
    if article.record_id:
        return article.record_id
    if article.source and article.source != "-":
        return Path(article.source).stem
    return article.id


def document_json(doc: Document, boilerplate: list[int], repeats: list[tuple[int, int]]) -> Json:
    article = doc.article
    out: Json = {"id": output_id(doc), "article_id": article.id}
    if article.source and not article.record_id:
        out["file"] = article.source
    out.update(
        {
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "published_basis": article.published_basis,
            "incidents": [incident_json(r) for r in doc.reports],
            "figures": [figure_json(f) for f in doc.figures],
            "boilerplate": boilerplate,
            "repeats": [list(p) for p in repeats],
        }
    )
    return out


def _claim_json(claim: Figure | Report, ids: dict[str, str], metric: str | None = None) -> Json:
    if isinstance(claim, Figure):
        return {
            "value": claim.value.value,
            "qualifier": claim.value.qualifier,
            "claimant": claim.claimant.name if claim.claimant else None,
            "as_of": claim.as_of.isoformat() if claim.as_of else None,
            "id": ids.get(claim.article_id, claim.article_id),
        }
    # the contested count as the contract's value/qualifier, beside both counts of the report
    contested = claim.injured if metric == "injured" else claim.killed
    return {
        "value": contested.value if contested else None,
        "qualifier": contested.qualifier if contested else None,
        "killed": number_json(claim.killed),
        "injured": number_json(claim.injured),
        "claimant": claim.claimant.name if claim.claimant else None,
        "as_of": claim.date.isoformat() if claim.date else None,
        "id": ids.get(claim.article_id, claim.article_id),
    }


def merged_incident_json(incident: Incident, ids: dict[str, str]) -> Json:
    first = incident.reports[0]
    out = incident_json(first)
    out.update(
        {
            "id": incident.id,
            "date": incident.date.isoformat() if incident.date else None,
            "place": place_json(incident.place),
            "event_type": incident.event_type,
            "sub_event_type": incident.sub_event_type,
            "killed": number_json(incident.killed),
            "injured": number_json(incident.injured),
            "killed_range": list(incident.killed_range),
            "injured_range": list(incident.injured_range),
            "evidence": [e for r in incident.reports for e in evidence_json(r.evidence)],
            "reports": [_toll_json(r, ids) for r in incident.reports],
            # the toll over time: each report's numbers by the day they were stated
            "toll_series": [_toll_json(r, ids) for r in sorted(incident.reports, key=_as_of_key)],
        }
    )
    return out


def _as_of_key(report: Report) -> str:
    return report.as_of.isoformat() if report.as_of else "9999"


def _toll_json(report: Report, ids: dict[str, str]) -> Json:
    return {
        "id": ids.get(report.article_id, report.article_id),
        "killed": number_json(report.killed),
        "injured": number_json(report.injured),
        "claimant": claimant_json(report.claimant),
        "as_of": report.as_of.isoformat() if report.as_of else None,
    }


def contradiction_json(c: Contradiction, ids: dict[str, str]) -> Json:
    out: Json = {
        "kind": c.kind,
        "claims": [_claim_json(x, ids, c.metric) for x in c.claims],
        "gap": c.gap,
        "minor": c.minor,
    }
    if c.metric:
        out["metric"] = c.metric
    if c.scope:
        out["scope"] = c.scope
    if c.incident:
        out["incident"] = c.incident
    return out


def corpus_json(corpus: Corpus, docs: list[Document]) -> Json:
    ids = {d.article.id: output_id(d) for d in docs}
    return {
        "corpus": {
            "stories": [[ids.get(a, a) for a in s.article_ids] for s in corpus.stories],
            "incidents": [merged_incident_json(i, ids) for i in corpus.incidents],
            "contradictions": [contradiction_json(c, ids) for c in corpus.contradictions],
            "inferred_published": {
                ids.get(k, k): v.isoformat() for k, v in corpus.inferred_published.items()
            },
        }
    }
