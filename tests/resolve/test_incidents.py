from __future__ import annotations

import datetime as dt
from dataclasses import replace

from resolve_factories import (
    BUCHA,
    IRPIN,
    IZIUM,
    KHARKIV,
    KHARKIV_OBLAST,
    KYIV,
    KYIV_OBLAST,
    MARCH_2,
    OBOLON,
    at_least,
    doc,
    evidence,
    report,
    seed_documents,
)

from sitrep.config import Settings
from sitrep.model import UNKNOWN_TYPE, Document, Number, PartialDate, Place
from sitrep.resolve import Resolution, resolve

AIR = ("explosions_remote_violence", "air_drone_strike")
CLASH = ("battles", "armed_clash")
UNKNOWN = (UNKNOWN_TYPE, UNKNOWN_TYPE)


def test_kharkiv_reports_of_two_outlets_are_one_incident() -> None:
    corpus = resolve(seed_documents(), Settings())
    kharkiv = [i for i in corpus.incidents if i.place is not None and i.place.name == "Kharkiv"]
    assert len(kharkiv) == 1
    incident = kharkiv[0]
    assert {r.article_id for r in incident.reports} == {"000", "001"}
    assert incident.killed == at_least(25)
    assert incident.injured == at_least(121)  # ACLED: the highest credible lower bound
    assert incident.injured_range == (120, 121)
    assert incident.date == PartialDate(2022, 3, 2)


def test_two_incidents_of_one_article_stay_apart() -> None:
    corpus = resolve(seed_documents(), Settings())
    kyiv = [i for i in corpus.incidents if i.place is not None and i.place.admin1 == "Kyiv City"]
    assert len(kyiv) == 2


def test_another_outlet_joins_the_incident_it_shares_numbers_with() -> None:
    other = doc(
        "005",
        dt.date(2022, 3, 14),
        (report("005", KYIV, PartialDate(2022, 3, 14), Number.exact(1), Number.exact(6)),),
    )
    corpus = resolve([*seed_documents(), other], Settings())
    debris = [i for i in corpus.incidents if any(r.article_id == "005" for r in i.reports)]
    assert [sorted(r.article_id for r in i.reports) for i in debris] == [["004", "005"]]
    assert debris[0].place == KYIV


def test_district_report_joins_the_city_report_and_keeps_the_precise_place() -> None:
    docs = [
        doc(
            "a",
            dt.date(2022, 3, 14),
            (report("a", KYIV, PartialDate(2022, 3, 14), Number.exact(1)),),
        ),
        doc(
            "b",
            dt.date(2022, 3, 14),
            (report("b", OBOLON, PartialDate(2022, 3, 14), Number.exact(1)),),
        ),
    ]
    (incident,) = resolve(docs, Settings()).incidents
    assert incident.place == OBOLON


def test_shelling_and_air_strike_are_compatible_but_a_battle_is_not() -> None:
    docs = [
        doc("a", dt.date(2022, 3, 2), (report("a", killed=Number.exact(3)),)),
        doc("b", dt.date(2022, 3, 2), (report("b", killed=Number.exact(3), kind=AIR),)),
        doc("c", dt.date(2022, 3, 2), (report("c", killed=Number.exact(3), kind=CLASH),)),
    ]
    groups = sorted(
        sorted(r.article_id for r in i.reports) for i in resolve(docs, Settings()).incidents
    )
    assert groups == [["a", "b"], ["c"]]


def test_a_report_of_unknown_type_joins_a_typed_incident_which_keeps_its_type() -> None:
    docs = [
        doc("a", dt.date(2022, 3, 2), (report("a", killed=Number.exact(3), kind=CLASH),)),
        doc("b", dt.date(2022, 3, 2), (report("b", killed=Number.exact(3), kind=UNKNOWN),)),
        doc("c", dt.date(2022, 3, 2), (report("c", killed=Number.exact(3), kind=UNKNOWN),)),
    ]
    (incident,) = resolve(docs, Settings()).incidents
    assert sorted(r.article_id for r in incident.reports) == ["a", "b", "c"]
    assert (incident.event_type, incident.sub_event_type) == CLASH


def test_an_incident_only_reports_of_unknown_type_tell_stays_unknown() -> None:
    docs = [
        doc("a", dt.date(2022, 3, 2), (report("a", killed=Number.exact(3), kind=UNKNOWN),)),
        doc("b", dt.date(2022, 3, 2), (report("b", killed=Number.exact(3), kind=UNKNOWN),)),
    ]
    (incident,) = resolve(docs, Settings()).incidents
    assert (incident.event_type, incident.sub_event_type) == UNKNOWN


def test_reports_without_place_or_date_stay_alone() -> None:
    docs = [doc("a", None, (report("a", place=None),)), doc("b", None, (report("b", day=None),))]
    assert len(resolve(docs, Settings()).incidents) == 2


def test_incident_id_is_kept_when_a_later_article_joins() -> None:
    resolution = Resolution(Settings())
    resolution.add(seed_documents())
    before = {i.id for i in resolution.corpus().incidents}
    late = doc("late", dt.date(2022, 3, 5), (report("late", killed=at_least(26)),))
    delta = resolution.add([late])
    assert {i.id for i in resolution.corpus().incidents} == before
    assert delta.removed == ()
    (changed,) = delta.incidents
    assert len(changed.reports) == 3


def _one(
    article_id: str,
    place: Place,
    killed: int,
    injured: int,
    published: dt.date = dt.date(2022, 3, 2),
    day: PartialDate = MARCH_2,
    text: str = "a sentence",
) -> Document:
    counts = (Number.exact(killed), Number.exact(injured))
    return doc(article_id, published, (report(article_id, place, day, *counts, text=text),))


def _groups(docs: list[Document]) -> list[list[str]]:
    incidents = resolve(docs, Settings()).incidents
    return sorted(sorted(r.article_id for r in i.reports) for i in incidents)


def test_overnight_report_on_28_february_meets_1_march_of_a_common_year() -> None:
    # Blocking once used month-day cells of a leap year, where 28 February
    # and 1 March are two days apart: the pair was never compared.
    docs = [
        _one("a", KHARKIV, 1, 10, dt.date(2025, 3, 1), PartialDate(2025, 3, 1)),
        _one("b", KHARKIV, 0, 10, dt.date(2025, 3, 1), PartialDate(2025, 2, 28), "overnight"),
    ]
    assert _groups(docs) == [["a", "b"]]


def test_region_level_report_joins_the_town_whose_counts_it_restates() -> None:
    # Two region-level reports name the same oblast: that is no shared detail.
    docs = [
        _one("a1", KHARKIV, 2, 9),
        _one("a2", KHARKIV_OBLAST, 2, 9),
        _one("b1", IZIUM, 3, 12),
        _one("b2", KHARKIV_OBLAST, 3, 12),
    ]
    assert _groups(docs) == [["a1", "a2"], ["b1", "b2"]]


def test_region_level_report_with_counts_no_town_states_stays_apart() -> None:
    later = dt.date(2022, 3, 3)
    docs = [
        _one("a1", KHARKIV, 4, 10),
        _one("a2", KHARKIV, 4, 10),
        _one("o", KHARKIV_OBLAST, 6, 10, later),
    ]
    assert _groups(docs) == [["a1", "a2"], ["o"]]


def test_report_joins_the_incident_whose_reports_all_agree_with_it() -> None:
    # Bucha's incident holds a later, higher toll that the region-level
    # report (published later still, with the first counts) contradicts.
    docs = [
        _one("b1", BUCHA, 2, 9),
        _one("b2", BUCHA, 3, 11, dt.date(2022, 3, 4)),
        _one("i1", IRPIN, 2, 9),
        _one("o", KYIV_OBLAST, 2, 9, dt.date(2022, 3, 5)),
    ]
    assert _groups(docs) == [["b1", "b2"], ["i1", "o"]]


def test_an_update_dated_by_its_publication_does_not_date_the_attack() -> None:
    # Real coverage: the first article out ("the toll rose to 21 on Sunday") is a follow-up
    # dated by its day of publication; two later ones say the strike was on Saturday.
    sunday, saturday = PartialDate(2023, 1, 15), PartialDate(2023, 1, 14)
    update = replace(report("a", KHARKIV, sunday, Number.exact(21)), followup=True)
    strike = [
        replace(report(x, KHARKIV, saturday, Number.exact(35)), date_inferred=True)
        for x in ("b", "c")
    ]
    docs = [
        doc("a", dt.date(2023, 1, 15), (update,)),
        doc("b", dt.date(2023, 1, 16), (strike[0],)),
        doc("c", dt.date(2023, 1, 16), (strike[1],)),
    ]
    incidents = resolve(docs, Settings()).incidents
    assert [sorted(r.article_id for r in i.reports) for i in incidents] == [["a", "b", "c"]]
    assert incidents[0].date == saturday


def test_a_report_no_sentence_of_which_tells_a_day_joins_the_strike_days_before() -> None:
    # A feature two days after a strike names no day: it took its publication date, so
    # the attack it tells of may be that day or days before.
    thursday, saturday = PartialDate(2023, 10, 5), PartialDate(2023, 10, 7)
    first = report("a", IZIUM, thursday, at_least(52), text="A missile hit a cafe on Thursday.")
    feature = replace(
        report("b", IZIUM, saturday, at_least(52), text="The missile killed 52 at a wake."),
        date_inferred=True,
    )
    docs = [
        doc("a", dt.date(2023, 10, 5), (first,)),
        doc("b", dt.date(2023, 10, 7), (feature,)),
    ]
    incidents = resolve(docs, Settings()).incidents
    assert [sorted(r.article_id for r in i.reports) for i in incidents] == [["a", "b"]]
    assert incidents[0].date == thursday
    # told "on Saturday", the same report is another day's attack
    told = replace(feature, evidence=evidence("The missile killed 52 at a wake on Saturday."))
    docs[1] = doc("b", dt.date(2023, 10, 7), (told,))
    assert len(resolve(docs, Settings()).incidents) == 2
