"""Model values to table rows and back.

Nested values with a fixed shape (place, numbers) become columns, so they
can be filtered in SQL; open-ended ones (evidence, claimant, targets) are JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from sitrep.bounds import sane_date, sane_partial
from sitrep.fields import NUMBER_FIELDS, PLACE_FIELDS
from sitrep.ids import figure_key, report_key
from sitrep.model import (
    Article,
    Claimant,
    Evidence,
    Figure,
    Incident,
    Number,
    PartialDate,
    Place,
    PlaceMention,
    Report,
    Sentence,
)
from sitrep.store.backends import Row

__all__ = [
    "article_from",
    "article_row",
    "figure_from",
    "figure_row",
    "incident_row",
    "insert_sql",
    "mention_from",
    "mention_row",
    "report_from",
    "report_row",
    "sentence_from",
    "sentence_row",
    "sentence_text",
]

# The store's columns take the field names of sitrep.fields with a prefix: place_name ...,
# killed_value, killed_qualifier ...; a count's spread across sources is killed_range_low and
# killed_range_high (the rows' killed_min/killed_max; renaming them needs a migration).
_PLACE_FIELDS = PLACE_FIELDS
_NUMBER_FIELDS = NUMBER_FIELDS
_RANGE_ENDS = ("range_low", "range_high")


def insert_sql(table: str, row: Row) -> str:
    """``INSERT`` of ``row``'s columns that leaves an existing row alone."""
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT DO NOTHING"


def _date(day: PartialDate | dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _partial(text: str | None) -> PartialDate | None:
    # Bounded on reading too: a database written before the bounds keeps resolving.
    return None if text is None else sane_partial(PartialDate.parse(text))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def place_columns(place: Place | None, prefix: str = "place_") -> Row:
    return {prefix + f: (None if place is None else getattr(place, f)) for f in _PLACE_FIELDS}


def place_from(row: Row, prefix: str = "place_") -> Place | None:
    if row[prefix + "name"] is None:
        return None
    return Place(**{f: row[prefix + f] for f in _PLACE_FIELDS})


def number_columns(number: Number | None, prefix: str) -> Row:
    return {prefix + f: (None if number is None else getattr(number, f)) for f in _NUMBER_FIELDS}


def number_from(row: Row, prefix: str) -> Number | None:
    if row[prefix + "qualifier"] is None:
        return None
    return Number(**{f: row[prefix + f] for f in _NUMBER_FIELDS})


def range_columns(spread: tuple[int | None, int | None], prefix: str) -> Row:
    return {prefix + end: value for end, value in zip(_RANGE_ENDS, spread, strict=True)}


def range_from(row: Row, prefix: str) -> tuple[int | None, int | None]:
    low, high = (row[prefix + end] for end in _RANGE_ENDS)
    return low, high


def claimant_json(claimant: Claimant | None) -> str | None:
    if claimant is None:
        return None
    return _dumps(
        {
            "name": claimant.name,
            "role": claimant.role,
            "channel": claimant.channel,
            "side": claimant.side,
        }
    )


def claimant_from(text: str | None) -> Claimant | None:
    return None if text is None else Claimant(**json.loads(text))


def evidence_json(evidence: tuple[Evidence, ...]) -> str:
    return _dumps(
        [
            {"line": e.line, "start": e.start, "end": e.end, "text": e.text, "sentence": e.sentence}
            for e in evidence
        ]
    )


def evidence_from(text: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(**item) for item in json.loads(text))


def article_row(article: Article, run_id: str | None) -> Row:
    return {
        "id": article.id,
        "source": article.source,
        "record_id": article.record_id,
        "title": article.title,
        "published": _date(article.published),
        "published_basis": article.published_basis,
        "url": article.url,
        "outlet": article.outlet,
        "body_start": article.body_start,
        "text": article.text,
        "run_id": run_id,
    }


def article_from(row: Row) -> Article:
    stored = None if row["published"] is None else dt.date.fromisoformat(row["published"])
    published = sane_date(stored)  # an out-of-bounds date of an older database is unknown
    return Article(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        title=row["title"],
        published=published,
        published_basis="unknown" if published != stored else row["published_basis"],
        url=row["url"],
        outlet=row["outlet"],
        body_start=row["body_start"],
        record_id=row["record_id"],
    )


def sentence_row(article_id: str, sent: Sentence, article_text: str | None = None) -> Row:
    """The row of ``sent``; given the article's text, ``text`` is NULL where it can be
    read back from it (:func:`sentence_text`): the article holds the words once."""
    derived = article_text is not None and sentence_text(article_text, sent) == sent.text
    return {
        "article_id": article_id,
        "idx": sent.index,
        "start_char": sent.start,
        "end_char": sent.end,
        "line": sent.line,
        "paragraph": sent.paragraph,
        "text": None if derived else sent.text,
        "inserts": _dumps(list(sent.inserts)),
        "boilerplate": int(sent.boilerplate),
        "repeat_of": sent.repeat_of,
        "is_title": int(sent.is_title),
    }


def sentence_text(article_text: str, sent: Sentence) -> str:
    """The article's text of ``sent``'s span with a space at each of its ``inserts``.

    That is the sentence's text unless the clean stage also normalised a character in it
    (a curly quote, a dash): such a sentence keeps its text in its row."""
    raw = article_text[sent.start : sent.end]
    pieces: list[str] = []
    last = 0
    for k, point in enumerate(sent.inserts):  # positions in the text, each after k inserts
        pieces += [raw[last : point - k], " "]
        last = point - k
    pieces.append(raw[last:])
    return "".join(pieces)


def sentence_from(row: Row, article_text: str) -> Sentence:
    """The sentence of ``row``, of the article whose text is ``article_text``."""
    sent = Sentence(
        index=row["idx"],
        start=row["start_char"],
        end=row["end_char"],
        text=row["text"] or "",
        line=row["line"],
        paragraph=row["paragraph"],
        inserts=tuple(json.loads(row["inserts"])),
        boilerplate=bool(row["boilerplate"]),
        repeat_of=row["repeat_of"],
        is_title=bool(row["is_title"]),
    )
    if row["text"] is None:
        return replace(sent, text=sentence_text(article_text, sent))
    return sent


def mention_row(article_id: str, idx: int, mention: PlaceMention) -> Row:
    place = {f: getattr(mention.place, f) for f in _PLACE_FIELDS}
    return {
        "article_id": article_id,
        "idx": idx,
        "sentence": mention.sentence,
        "start_char": mention.start,
        "end_char": mention.end,
        "surface": mention.surface,
        "place": _dumps({**place, "basis": mention.basis}),  # how the place was chosen rides along
    }


def mention_from(row: Row) -> PlaceMention:
    place = json.loads(row["place"])
    basis = place.pop("basis", "unique")
    return PlaceMention(
        sentence=row["sentence"],
        start=row["start_char"],
        end=row["end_char"],
        surface=row["surface"],
        place=Place(**place),
        basis=basis,
    )


report_id = report_key
figure_id = figure_key


def report_row(report: Report, idx: int) -> Row:
    return {
        "id": report_id(report.article_id, idx),
        "article_id": report.article_id,
        "idx": idx,
        "date": _date(report.date),
        "date_inferred": int(report.date_inferred),
        "as_of": _date(report.as_of),
        "followup": int(report.followup),
        **place_columns(report.place),
        "event_type": report.event_type,
        "sub_event_type": report.sub_event_type,
        **number_columns(report.killed, "killed_"),
        **number_columns(report.injured, "injured_"),
        "victims": report.victims,
        "weapon": report.weapon,
        "targets": _dumps(list(report.targets)),
        "actor": report.actor,
        "status": report.status,
        "claimant": claimant_json(report.claimant),
        "evidence": evidence_json(report.evidence),
        "extractor": report.extractor,
    }


def report_from(row: Row) -> Report:
    return Report(
        article_id=row["article_id"],
        date=_partial(row["date"]),
        place=place_from(row),
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        evidence=evidence_from(row["evidence"]),
        extractor=row["extractor"],
        killed=number_from(row, "killed_"),
        injured=number_from(row, "injured_"),
        victims=row["victims"],
        weapon=row["weapon"],
        targets=tuple(json.loads(row["targets"])),
        actor=row["actor"],
        status=row["status"],
        claimant=claimant_from(row["claimant"]),
        date_inferred=bool(row["date_inferred"]),
        as_of=_partial(row["as_of"]),
        followup=bool(row["followup"]),
    )


def figure_row(figure: Figure, idx: int) -> Row:
    return {
        "id": figure_id(figure.article_id, idx),
        "article_id": figure.article_id,
        "idx": idx,
        "metric": figure.metric,
        "scope": figure.scope,
        "side": figure.side,
        **number_columns(figure.value, ""),
        "claimant": claimant_json(figure.claimant),
        "since": _date(figure.since),
        "as_of": _date(figure.as_of),
        "evidence": evidence_json(figure.evidence),
        "extractor": figure.extractor,
    }


def figure_from(row: Row) -> Figure:
    value = number_from(row, "")
    assert value is not None  # qualifier is NOT NULL in the schema
    return Figure(
        article_id=row["article_id"],
        metric=row["metric"],
        scope=row["scope"],
        value=value,
        evidence=evidence_from(row["evidence"]),
        extractor=row["extractor"],
        claimant=claimant_from(row["claimant"]),
        side=row["side"],
        since=_partial(row["since"]),
        as_of=_partial(row["as_of"]),
    )


def incident_row(incident: Incident, position: int) -> Row:
    return {
        "id": incident.id,
        "position": position,
        "date": _date(incident.date),
        **place_columns(incident.place),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        **number_columns(incident.killed, "killed_"),
        **number_columns(incident.injured, "injured_"),
        **range_columns(incident.killed_range, "killed_"),
        **range_columns(incident.injured_range, "injured_"),
        "summary": incident_summary(incident),
    }


def incident_from(row: Row, reports: tuple[Report, ...]) -> Incident:
    return Incident(
        id=row["id"],
        date=_partial(row["date"]),
        place=place_from(row),
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        reports=reports,
        killed=number_from(row, "killed_"),
        injured=number_from(row, "injured_"),
        killed_range=range_from(row, "killed_"),
        injured_range=range_from(row, "injured_"),
    )


def incident_summary(incident: Incident) -> str:
    """The text an incident is found by: place, type, weapon, targets and evidence."""
    parts: list[str | None] = []
    if incident.place is not None:
        parts += [incident.place.name, incident.place.admin1]
    parts += [incident.event_type.replace("_", " "), incident.sub_event_type.replace("_", " ")]
    for report in incident.reports:
        parts += [report.weapon, report.actor, *report.targets]
        parts += [e.text for e in report.evidence]
    return " ".join(p for p in parts if p)
