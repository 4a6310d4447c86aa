"""An in-memory store for tests and the demo, over the query protocol of ``sitrep.store.base``.

``FakeStore`` answers the same queries (``QueryStore``) as ``sitrep.store`` from a list of
model values, so the UI, the report and the exports can be tested without a
database (house style rule 4).  ``demo_store()`` holds a few invented
articles (no third-party text), one of them hostile (``<script>``, ``onerror=``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitrep.model import (
    Article,
    Claimant,
    Contradiction,
    Corpus,
    Document,
    Evidence,
    Figure,
    Incident,
    Number,
    PartialDate,
    Place,
    Report,
    Sentence,
    Story,
)
from sitrep.store.base import (
    IncidentFilter,
    QueryStore,
    RunStats,
    Store,
    event_type_field,
    listing_order,
)

__all__ = [
    "FakeStore",
    "IncidentFilter",
    "QueryStore",
    "demo_corpus",
    "demo_documents",
    "demo_store",
    "write_demo",
]


def _matches(incident: Incident, f: IncidentFilter, texts: dict[str, str]) -> bool:
    day = incident.date.to_date() if incident.date else None
    place = incident.place
    checks = [
        f.date_from is None or (day is not None and day >= f.date_from),
        f.date_to is None or (day is not None and day <= f.date_to),
        f.oblast is None
        or (place is not None and (place.admin1 or "").lower().startswith(f.oblast.lower())),
        f.event_type is None or getattr(incident, event_type_field(f.event_type)) == f.event_type,
        f.min_killed is None
        or (incident.killed is not None and (incident.killed.value or 0) >= f.min_killed),
        f.q is None
        or any(f.q.lower() in texts.get(r.article_id, "").lower() for r in incident.reports),
    ]
    if f.bbox is not None:
        west, south, east, north = f.bbox
        checks.append(
            place is not None
            and place.lat is not None
            and place.lon is not None
            and west <= place.lon <= east
            and south <= place.lat <= north
        )
    return all(checks)


@dataclass
class FakeStore:
    """An in-memory ``QueryStore`` over model values."""

    articles: list[Article] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    def list_incidents(self, filters: IncidentFilter | None = None) -> list[Incident]:
        f = filters or IncidentFilter()
        texts = {a.id: a.text for a in self.articles}
        ordered = listing_order(self.incidents)
        if f.after is not None:
            ids = [i.id for i in ordered]
            ordered = ordered[ids.index(f.after) + 1 :] if f.after in ids else []
        hits = [i for i in ordered if _matches(i, f, texts)]
        return hits[f.offset :] if f.limit is None else hits[f.offset : f.offset + f.limit]

    def get_incident(self, incident_id: str) -> Incident | None:
        return next((i for i in self.incidents if i.id == incident_id), None)

    def list_figures(self, metric: str | None = None, scope: str | None = None) -> list[Figure]:
        return [
            f
            for f in self.figures
            if (metric is None or f.metric == metric) and (scope is None or f.scope == scope)
        ]

    def list_contradictions(self) -> list[Contradiction]:
        return list(self.contradictions)

    def list_stories(self) -> list[Story]:
        return list(self.stories)

    def get_article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def outlets(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        by_id = {a.id: a.outlet for a in self.articles}
        return {i: by_id[i] for i in article_ids if i in by_id}

    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "incidents": len(self.incidents),
            "figures": len(self.figures),
            "contradictions": len(self.contradictions),
            "stories": len(self.stories),
        }


# --- demo data: invented text, written for these tests ------------------------------------

_KHARKIV = Place("Kharkiv", 49.9808, 36.2527, "Kharkiv Oblast", "settlement", id="UA6310100000")
_ODESA = Place("Odesa", 46.4825, 30.7233, "Odessa Oblast", "settlement", id="UA5110100000")
_KYIV = Place("Kyiv", 50.4501, 30.5234, "Kyiv City", "settlement", id="UA8000000000")

_TEXTS = {
    "a1": (
        "Strike hits Kharkiv apartment block\n"
        "A missile struck an apartment block in Kharkiv on March 2, killing 4 people and injuring 12, "
        "the regional governor said.\n"
        "Rescue work continued through the night.\n"
        "Ukraine's emergency service said more than 2,000 civilians had been killed since the invasion began.\n"
    ),
    "a2": (
        "Kharkiv shelling toll rises\n"
        "Russian shelling of Kharkiv on March 2 killed at least 5 people and injured 11, the mayor said.\n"
        "The UN human rights office said it had confirmed 249 civilian deaths so far.\n"
    ),
    "a3": (
        "Drone attack on Odesa port <script>alert('xss')</script>\n"
        "A drone attack on the port of Odesa on March 3 injured 3 workers, "
        'officials said <img src=x onerror="alert(1)"> on Telegram.\n'
        "Damage to grain silos was reported.\n"
    ),
    "a4": (
        "Missiles over Kyiv\n"
        "Air defences shot down missiles over Kyiv on March 4; debris killed 1 person, city officials said.\n"
    ),
}
_META = {
    "a1": ("Example Herald", dt.date(2022, 3, 2)),
    "a2": ("Example Times", dt.date(2022, 3, 3)),
    "a3": ("Example Wire", dt.date(2022, 3, 3)),
    "a4": ("Example Herald", dt.date(2022, 3, 4)),
}


def _evidence(article_id: str, needle: str) -> Evidence:
    text = _TEXTS[article_id]
    start = text.index(needle)
    return Evidence(text.count("\n", 0, start) + 1, start, start + len(needle), needle, 0)


def _sentence_with(article_id: str, words: str) -> Evidence:
    text = _TEXTS[article_id]
    at = text.index(words)
    start, end = text.rfind("\n", 0, at) + 1, text.index("\n", at)
    return _evidence(article_id, text[start:end])


def _articles() -> list[Article]:
    return [
        Article(
            id=aid,
            text=text,
            source=f"demo/{aid}.txt",
            title=text.split("\n", 1)[0],
            published=_META[aid][1],
            published_basis="stated",
            url=f"https://example.org/{aid}",
            outlet=_META[aid][0],
            body_start=text.index("\n") + 1,
        )
        for aid, text in _TEXTS.items()
    ]


def _report(aid: str, place: Place, day: dt.date, sub: str, words: str, **kw: object) -> Report:
    return Report(
        article_id=aid,
        date=PartialDate.from_date(day),
        place=place,
        event_type="explosions_remote_violence",
        sub_event_type=sub,
        evidence=(_sentence_with(aid, words),),
        extractor="fake.v1",
        **kw,  # type: ignore[arg-type]
    )


def _incidents() -> list[Incident]:
    kharkiv = (
        _report(
            "a1",
            _KHARKIV,
            dt.date(2022, 3, 2),
            "shelling_artillery_missile_attack",
            "apartment block in",
            killed=Number.exact(4),
            injured=Number.exact(12),
            claimant=Claimant("regional governor"),
        ),
        _report(
            "a2",
            _KHARKIV,
            dt.date(2022, 3, 2),
            "shelling_artillery_missile_attack",
            "Russian shelling",
            killed=Number(5, "at_least", 5, None),
            injured=Number.exact(11),
            actor="Russian forces",
            claimant=Claimant("mayor"),
        ),
    )
    odesa = (
        _report(
            "a3",
            _ODESA,
            dt.date(2022, 3, 3),
            "air_drone_strike",
            "drone attack on the port",
            injured=Number.exact(3),
            claimant=Claimant("officials", channel="Telegram"),
        ),
    )
    kyiv = (
        _report(
            "a4",
            _KYIV,
            dt.date(2022, 3, 4),
            "air_drone_strike",
            "debris killed",
            killed=Number.exact(1),
            claimant=Claimant("city officials"),
        ),
    )
    return [
        Incident("inc-kharkiv-0302", PartialDate(2022, 3, 2), _KHARKIV, "explosions_remote_violence",
                 "shelling_artillery_missile_attack", kharkiv, killed=Number(5, "at_least", 5, None),
                 injured=Number.exact(12), killed_range=(4, 5), injured_range=(11, 12)),
        Incident("inc-odesa-0303", PartialDate(2022, 3, 3), _ODESA, "explosions_remote_violence",
                 "air_drone_strike", odesa, injured=Number.exact(3), injured_range=(3, 3)),
        Incident("inc-kyiv-0304", PartialDate(2022, 3, 4), _KYIV, "explosions_remote_violence",
                 "air_drone_strike", kyiv, killed=Number.exact(1), killed_range=(1, 1)),
    ]  # fmt: skip


def _figures() -> list[Figure]:
    return [
        Figure("a1", "civilians_killed", "Ukraine", Number(2000, "more_than", 2001, None),
               (_sentence_with("a1", "more than 2,000"),), "fake.v1",
               claimant=Claimant("State Emergency Service of Ukraine", side="Ukraine"),
               as_of=PartialDate(2022, 3, 2)),
        Figure("a2", "civilians_killed", "Ukraine", Number.exact(249),
               (_sentence_with("a2", "249 civilian"),), "fake.v1",
               claimant=Claimant("OHCHR"), as_of=PartialDate(2022, 3, 3)),
    ]  # fmt: skip


def _sentences(text: str) -> tuple[Sentence, ...]:
    """One sentence per non-empty line (the demo texts are written that way)."""
    out: list[Sentence] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            out.append(
                Sentence(
                    len(out),
                    offset,
                    offset + len(line),
                    line,
                    line_no,
                    len(out),
                    is_title=line_no == 1,
                )
            )
        offset += len(line) + 1
    return tuple(out)


def demo_documents(store: FakeStore | None = None) -> list[Document]:
    """The demo corpus as pipeline documents (sentences, reports, figures) for a real store."""
    store = store or demo_store()
    return [
        Document(
            article=article,
            sentences=_sentences(article.text),
            reports=tuple(
                r for i in store.incidents for r in i.reports if r.article_id == article.id
            ),
            figures=tuple(f for f in store.figures if f.article_id == article.id),
        )
        for article in store.articles
    ]


def demo_corpus(store: FakeStore | None = None) -> Corpus:
    store = store or demo_store()
    return Corpus(tuple(store.stories), tuple(store.incidents), tuple(store.contradictions))


def write_demo(store: Store) -> None:
    """Write the demo corpus into a real store (tests, browser tests, benchmarks)."""
    fake = demo_store()
    run_id = store.begin_run()
    for doc in demo_documents(fake):
        store.write_document(doc, run_id)
    store.replace_resolution(demo_corpus(fake))
    store.finish_run(run_id, RunStats("finished", articles_new=len(fake.articles)))


def demo_store(
    extra: Iterable[Article] = (), extra_incidents: Sequence[Incident] = ()
) -> FakeStore:
    """A small invented corpus: three incidents, two disputed figures, one hostile article."""
    figures = _figures()
    incidents = [*_incidents(), *extra_incidents]
    return FakeStore(
        articles=[*_articles(), *extra],
        incidents=incidents,
        figures=figures,
        contradictions=[
            Contradiction(
                "figure", tuple(figures), metric="civilians_killed", scope="Ukraine", gap=1751.0
            ),
            Contradiction(
                "incident", incidents[0].reports, incident=incidents[0].id, gap=1.0, minor=True
            ),
        ],
        stories=[
            Story("story-a1", ("a1",), dt.date(2022, 3, 2)),
            Story("story-a2", ("a2",), dt.date(2022, 3, 3)),
        ],
    )
