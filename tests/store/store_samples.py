"""Hand-built documents and corpora for the store tests (invented text), and Hypothesis strategies."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator

from hypothesis import strategies as st

from sitrep.config import Settings
from sitrep.model import (
    Article,
    Claimant,
    Contradiction,
    Corpus,
    Document,
    Evidence,
    Failure,
    Figure,
    Incident,
    Number,
    PartialDate,
    Place,
    PlaceMention,
    Report,
    Sentence,
    Story,
)
from sitrep.runs.extraction import Stored

ZOLOCHIV = Place(
    "Zolochiv", 50.2803, 35.9786, "Kharkivska", "settlement", id="UA6320", admin2="Bohodukhivskyi"
)
NIKOPOL = Place("Nikopol", 47.5667, 34.4, "Dnipropetrovska", "settlement", id="UA1206")


def _sentences(text: str) -> tuple[Sentence, ...]:
    """One sentence per non-empty line."""
    out, offset = [], 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            out.append(Sentence(len(out), offset, offset + len(line), line, line_no, len(out)))
        offset += len(line) + 1
    return tuple(out)


def evidence(text: str, needle: str, sentence: int) -> Evidence:
    start = text.index(needle)
    return Evidence(text.count("\n", 0, start) + 1, start, start + len(needle), needle, sentence)


def article(text: str, outlet: str, published: dt.date, source: str) -> Article:
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        text=text,
        source=source,
        title=text.split("\n", 1)[0],
        published=published,
        published_basis="stated",
        url=f"https://www.{outlet.lower().replace(' ', '-')}.test/{source}",
        outlet=outlet,
        body_start=text.index("\n") + 1,
    )


TEXT_A = (
    "Shelling hits Zolochiv\n"
    "Russian shelling of Zolochiv on Monday killed 2 people and injured 14, the governor said.\n"
    "Support our reporting: donate today.\n"
)
TEXT_B = (
    "Zolochiv shelled overnight\n"
    "Russian shelling of Zolochiv on Monday killed 2 people and injured 15, officials said.\n"
    "Regional authorities say 310 civilians have been killed in the region since February.\n"
)
TEXT_C = (
    "Drone strike on Nikopol\n"
    "A drone struck a bus depot in Nikopol, injuring 3 workers, the mayor said.\n"
    "The UN monitoring mission said it had verified 187 civilian deaths in the region.\n"
)


def _report(
    doc_article: Article, day: PartialDate, place: Place, needle: str, **kw: object
) -> Report:
    return Report(
        article_id=doc_article.id,
        date=day,
        place=place,
        event_type="explosions_remote_violence",
        sub_event_type=str(kw.pop("sub", "shelling_artillery_missile_attack")),
        evidence=(evidence(doc_article.text, needle, 1),),
        extractor="casualties.v1",
        **kw,  # type: ignore[arg-type]
    )


def sample_documents() -> list[Document]:
    """Three articles: two copies of one shelling story (14 vs 15 injured), one drone strike."""
    a = article(TEXT_A, "Example Herald", dt.date(2024, 5, 6), "a.txt")
    b = article(TEXT_B, "Example Wire", dt.date(2024, 5, 6), "b.txt")
    c = article(TEXT_C, "Example Times", dt.date(2024, 5, 8), "c.txt")
    day = PartialDate(2024, 5, 6)
    report_a = _report(
        a, day, ZOLOCHIV, "Russian shelling of Zolochiv", killed=Number.exact(2),
        injured=Number.exact(14), claimant=Claimant("Oleh Syniehubov", role="governor"),
        targets=("residential",), actor="Russian forces", weapon="artillery",
    )  # fmt: skip
    report_b = _report(
        b, day, ZOLOCHIV, "Russian shelling of Zolochiv", killed=Number.exact(2),
        injured=Number.exact(15), claimant=Claimant("officials"),
    )  # fmt: skip
    report_c = _report(
        c, PartialDate(None, 5, 8), NIKOPOL, "A drone struck a bus depot", sub="air_drone_strike",
        injured=Number.exact(3), claimant=Claimant("mayor", channel="Telegram"),
        targets=("transport", "workers"), weapon="drone",
    )  # fmt: skip
    figure_b = Figure(
        b.id, "civilians_killed", "Kharkivska", Number(310, "exact", 310, 310),
        (evidence(TEXT_B, "310 civilians have been killed", 2),), "figures.v1",
        claimant=Claimant("regional authorities", side="Ukraine"), since=PartialDate(2022, 2, 24),
        as_of=PartialDate(2024, 5, 6),
    )  # fmt: skip
    figure_c = Figure(
        c.id, "civilians_killed", "Kharkivska", Number(187, "at_least", 187, None),
        (evidence(TEXT_C, "verified 187 civilian deaths", 2),), "figures.v1",
        claimant=Claimant("UN HRMMU"), as_of=PartialDate(2024, 5, 8),
    )  # fmt: skip
    mention = PlaceMention(1, 18, 26, "Zolochiv", ZOLOCHIV)
    sents_a = _sentences(TEXT_A)
    sents_a = (
        *sents_a[:2],
        Sentence(2, sents_a[2].start, sents_a[2].end, sents_a[2].text, 3, 2, boilerplate=True),
    )
    return [
        Document(a, sents_a, (mention,), (report_a,)),
        Document(b, _sentences(TEXT_B), (mention,), (report_b,), (figure_b,)),
        Document(c, _sentences(TEXT_C), (), (report_c,), (figure_c,)),
    ]


def sample_corpus(docs: list[Document]) -> Corpus:
    """What resolve would make of :func:`sample_documents`."""
    a, b, c = docs
    shelling = Incident(
        "inc-zolochiv", PartialDate(2024, 5, 6), ZOLOCHIV, "explosions_remote_violence",
        "shelling_artillery_missile_attack", (a.reports[0], b.reports[0]), killed=Number.exact(2),
        injured=Number(14, "at_least", 14, 15), killed_range=(2, 2), injured_range=(14, 15),
    )  # fmt: skip
    drone = Incident(
        "inc-nikopol", PartialDate(None, 5, 8), NIKOPOL, "explosions_remote_violence",
        "air_drone_strike", c.reports, injured=Number.exact(3), injured_range=(3, 3),
    )  # fmt: skip
    return Corpus(
        stories=(Story("story-1", (a.article.id, b.article.id), dt.date(2024, 5, 6)),),
        incidents=(shelling, drone),
        contradictions=(
            Contradiction("figure", (b.figures[0], c.figures[0]), "civilians_killed", "Kharkivska", gap=0.4, id="c-fig"),
            Contradiction("incident", (a.reports[0], b.reports[0]), "people_injured", incident="inc-zolochiv", gap=0.07, minor=True, id="c-inc"),
        ),
        inferred_published={c.article.id: dt.date(2024, 5, 8)},
    )  # fmt: skip


def fake_process(
    items: Iterable[Article | Failure | Stored], settings: Settings
) -> Iterator[Document | Failure]:
    """Stands in for ``pipeline.process_all``: one sentence per line, nothing extracted."""
    for item in items:
        if isinstance(item, Failure):
            yield item
        elif isinstance(item, Article):
            yield Document(item, _sentences(item.text))


# -- Hypothesis ---------------------------------------------------------------------------

_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
_opt_text = st.none() | _text
_count = st.integers(0, 10**12)
_partial = st.builds(
    PartialDate, st.none() | st.integers(1900, 2100), st.integers(1, 12), st.integers(1, 28)
)
_places = st.builds(
    Place,
    _text,
    st.none() | st.floats(-90, 90),
    st.none() | st.floats(-180, 180),
    _opt_text,
    st.sampled_from(["district", "settlement", "raion", "oblast", "country"]),
    id=_opt_text,
    admin2=_opt_text,
    parent=_opt_text,
)
_numbers = st.builds(
    Number,
    st.none() | _count,
    st.sampled_from(["exact", "at_least", "about", "dozens", "unspecified"]),
    st.none() | _count,
    st.none() | _count,
)
_claimants = st.none() | st.builds(Claimant, _text, _opt_text, _opt_text, _opt_text)
_evidence = st.lists(
    st.builds(
        Evidence,
        st.integers(1, 999),
        st.integers(0, 9999),
        st.integers(0, 9999),
        _text,
        st.integers(0, 99),
    ),
    max_size=2,
).map(tuple)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Any document: every field the store keeps, with awkward values."""
    art = Article(
        id=draw(st.uuids()).hex,
        text=draw(_text),
        source=draw(_text),
        title=draw(_opt_text),
        published=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
        published_basis=draw(st.sampled_from(["stated", "metadata", "inferred", "unknown"])),
        url=draw(_opt_text),
        outlet=draw(_opt_text),
        body_start=draw(st.integers(0, 100)),
        record_id=draw(_opt_text),
    )
    sentences = tuple(
        Sentence(
            i, draw(st.integers(0, 999)), draw(st.integers(0, 999)), draw(_text), draw(st.integers(1, 99)),
            draw(st.integers(0, 99)), tuple(draw(st.lists(st.integers(0, 99), max_size=3))),
            draw(st.booleans()), draw(st.none() | st.integers(0, 9)), draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 3)))
    )  # fmt: skip
    report = st.builds(
        Report,
        st.just(art.id),
        st.none() | _partial,
        st.none() | _places,
        st.sampled_from(["battles", "explosions_remote_violence"]),
        _text,
        _evidence,
        _text,
        killed=st.none() | _numbers,
        injured=st.none() | _numbers,
        victims=_opt_text,
        weapon=_opt_text,
        targets=st.lists(_text, max_size=2).map(tuple),
        actor=_opt_text,
        status=st.sampled_from(["reported", "claimed", "unconfirmed"]),
        claimant=_claimants,
        date_inferred=st.booleans(),
    )
    figure = st.builds(
        Figure,
        st.just(art.id),
        _text,
        _text,
        _numbers,
        _evidence,
        _text,
        claimant=_claimants,
        side=_opt_text,
        since=st.none() | _partial,
        as_of=st.none() | _partial,
    )
    mention = st.builds(
        PlaceMention, st.integers(0, 9), st.integers(0, 99), st.integers(0, 99), _text, _places
    )
    return Document(
        art,
        sentences,
        tuple(draw(st.lists(mention, max_size=2))),
        tuple(draw(st.lists(report, max_size=3))),
        tuple(draw(st.lists(figure, max_size=2))),
    )
