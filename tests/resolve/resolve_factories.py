"""Hand-made Documents for resolve tests (values from ../shared/gold/seeds.json, no seed text)."""

from __future__ import annotations

import datetime as dt

from sitrep.model import (
    Article,
    Claimant,
    Document,
    Evidence,
    Figure,
    Number,
    PartialDate,
    Place,
    Report,
)

KHARKIV = Place("Kharkiv", 49.9935, 36.2304, "Kharkiv Oblast", "settlement", id="UA6310100000")
KYIV = Place("Kyiv", 50.4501, 30.5234, "Kyiv City", "settlement", id="UA8000000000")
OBOLON = Place("Obolon", 50.5167, 30.4985, "Kyiv City", "district", parent="Kyiv")
IZIUM = Place("Izium", 49.2128, 37.2567, "Kharkiv Oblast", "settlement", id="izium")
BUCHA = Place("Bucha", 50.5435, 30.2124, "Kyiv Oblast", "settlement", id="bucha")
IRPIN = Place("Irpin", 50.5218, 30.2506, "Kyiv Oblast", "settlement", id="irpin")
KHARKIV_OBLAST = Place("Kharkiv Oblast", None, None, "Kharkiv Oblast", "oblast")
KYIV_OBLAST = Place("Kyiv Oblast", None, None, "Kyiv Oblast", "oblast")
SHELLING = ("explosions_remote_violence", "shelling_artillery_missile_attack")
MARCH_2 = PartialDate(2022, 3, 2)


def evidence(text: str = "a sentence") -> tuple[Evidence, ...]:
    return (Evidence(1, 0, len(text), text, 0),)


def report(
    article_id: str,
    place: Place | None = KHARKIV,
    day: PartialDate | None = MARCH_2,
    killed: Number | None = None,
    injured: Number | None = None,
    kind: tuple[str, str] = SHELLING,
    text: str = "a sentence",
) -> Report:
    return Report(
        article_id,
        day,
        place,
        kind[0],
        kind[1],
        evidence(text),
        "test",
        killed=killed,
        injured=injured,
    )


def at_least(value: int) -> Number:
    return Number(value, "at_least", value, None)


def doc(
    article_id: str,
    published: dt.date | None = None,
    reports: tuple[Report, ...] = (),
    figures: tuple[Figure, ...] = (),
    text: str = "",
) -> Document:
    article = Article(
        article_id, text or f"text of {article_id}", f"{article_id}.txt", published=published
    )
    return Document(article, reports=reports, figures=figures)


def figure(
    article_id: str,
    metric: str,
    value: Number,
    claimant: str | None,
    as_of: str | None,
    side: str | None = None,
) -> Figure:
    who = Claimant(claimant) if claimant else None
    return Figure(
        article_id,
        metric,
        "Ukraine",
        value,
        evidence(),
        "test",
        who,
        side,
        PartialDate(2022, 2, 24),
        PartialDate.parse(as_of) if as_of else None,
    )


def seed_documents() -> list[Document]:
    """Seeds 000/001 (Kharkiv 2022-03-02 in both), 003 and 004 as the extractor should see them."""
    d000 = doc(
        "000",
        None,
        (report("000", killed=at_least(25), injured=at_least(121)),),
        (
            figure(
                "000",
                "civilians_killed",
                Number(2000, "more_than"),
                "State Emergency Service of Ukraine",
                "2022-03-02",
            ),
            figure("000", "refugees", Number(600000, "more_than"), "UN", "2022-03-02"),
        ),
    )
    d001 = doc(
        "001",
        dt.date(2022, 3, 2),
        (report("001", killed=at_least(25), injured=at_least(120)),),
        (
            figure(
                "001",
                "civilians_killed",
                Number(2000, "more_than"),
                "Ukraine's emergency service",
                "2022-03-02",
            ),
        ),
    )
    d003 = doc(
        "003",
        None,
        (),
        (
            figure(
                "003",
                "civilians_killed",
                Number(2000, "more_than"),
                "Ukrainian officials",
                "2022-03-03",
            ),
            figure("003", "children_killed", Number.exact(21), "Ukrainian officials", "2022-03-03"),
            figure(
                "003",
                "civilians_killed",
                Number.exact(249),
                "UN human rights office (OHCHR)",
                "2022-03-02",
            ),
            figure(
                "003",
                "civilians_injured",
                Number.exact(553),
                "UN human rights office (OHCHR)",
                "2022-03-02",
            ),
            figure("003", "refugees", Number(1000000, "more_than"), None, "2022-03-03"),
            figure("003", "internally_displaced", Number(1000000, "about"), None, "2022-03-03"),
            figure(
                "003",
                "military_killed",
                Number(500, "nearly"),
                "Russia (military)",
                "2022-03-02",
                side="Russia",
            ),
            figure(
                "003",
                "military_killed",
                Number(9000, "more_than"),
                "Volodymyr Zelenskyy",
                "2022-03-03",
                side="Russia",
            ),
        ),
    )
    d004 = doc(
        "004",
        dt.date(2022, 3, 14),
        (
            report("004", OBOLON, PartialDate(2022, 3, 14), Number.exact(1), at_least(12)),
            report("004", KYIV, PartialDate(2022, 3, 14), Number.exact(1), Number.exact(6)),
        ),
        (
            figure("004", "civilians_killed", at_least(596), "UN", "2022-03-14"),
            figure("004", "refugees", Number(2800000, "more_than"), None, "2022-03-14"),
        ),
    )
    return [d000, d001, d003, d004]
