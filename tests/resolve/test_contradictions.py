from __future__ import annotations

import datetime as dt
from dataclasses import replace

from resolve_factories import doc, figure, seed_documents

from sitrep.config import Settings
from sitrep.model import Document, Figure, Number, Report
from sitrep.resolve import Resolution, resolve


def _claimants(claims: tuple[Figure | Report, ...]) -> set[str]:
    return {c.claimant.name for c in claims if c.claimant is not None}


def test_seed_contradictions_and_no_others() -> None:
    corpus = resolve(seed_documents(), Settings())
    figures = [c for c in corpus.contradictions if c.kind == "figure"]
    incidents = [c for c in corpus.contradictions if c.kind == "incident"]
    by_metric = {c.metric: c for c in figures}
    assert sorted(by_metric) == ["civilians_killed", "military_killed"]
    civilians = by_metric["civilians_killed"]
    assert {"State Emergency Service of Ukraine", "UN human rights office (OHCHR)"} <= _claimants(
        civilians.claims
    )
    assert civilians.gap == 1751
    assert _claimants(by_metric["military_killed"].claims) == {
        "Russia (military)",
        "Volodymyr Zelenskyy",
    }
    (kharkiv,) = incidents
    assert kharkiv.metric == "injured" and kharkiv.minor and kharkiv.gap == 1
    assert all(c.id for c in corpus.contradictions)


def _claim(article_id: str, day: dt.date, value: Number, claimant: str) -> Document:
    """An article published on ``day`` with one civilians-killed figure as of that day."""
    claimed = figure(article_id, "civilians_killed", value, claimant, day.isoformat())
    return doc(article_id, day, figures=(claimed,))


def test_agreeing_ukrainian_sources_are_not_a_contradiction() -> None:
    docs = [
        _claim("a", dt.date(2022, 3, 2), Number(2000, "more_than"), "State Emergency Service"),
        _claim("b", dt.date(2022, 3, 3), Number(2000, "more_than"), "Ukrainian officials"),
    ]
    assert resolve(docs, Settings()).contradictions == ()


def test_a_claimant_revising_its_own_figure_is_not_a_contradiction() -> None:
    docs = [
        _claim("a", dt.date(2022, 3, 2), Number.exact(249), "OHCHR"),
        _claim("b", dt.date(2022, 3, 4), Number.exact(596), "UN"),
    ]
    resolution = Resolution(Settings())
    resolution.add(docs)
    assert resolution.corpus().contradictions == ()
    (series,) = resolution.ledger()
    (line,) = series.lines
    assert line.family == "un" and [f.value.value for f in line.figures] == [249, 596]


def test_claims_far_apart_in_time_do_not_contradict() -> None:
    docs = [
        _claim("a", dt.date(2022, 3, 2), Number.exact(249), "OHCHR"),
        _claim("b", dt.date(2022, 4, 2), Number.exact(2000), "Ukrainian officials"),
    ]
    assert resolve(docs, Settings()).contradictions == ()


def test_a_toll_rising_in_a_later_article_is_a_revision() -> None:
    from resolve_factories import report

    docs = [
        doc("a", dt.date(2022, 3, 2), (report("a", killed=Number.exact(5)),)),
        doc("b", dt.date(2022, 3, 3), (report("b", killed=Number.exact(8)),)),
    ]
    corpus = resolve(docs, Settings())
    assert len(corpus.incidents) == 1 and corpus.contradictions == ()


STORY = " ".join(f"word{i}" for i in range(60))  # one body: its articles are one story


def test_a_claim_moves_with_the_date_its_story_gives_its_article() -> None:
    # The copy's claim states no as-of date: it stands for its article's date.
    ses = figure("copy", "civilians_killed", Number(2000, "more_than"), "SES", None)
    undated = doc("copy", None, figures=(ses,), text=STORY)
    un = _claim("un", dt.date(2022, 3, 10), Number.exact(249), "OHCHR")
    dated = doc("orig", dt.date(2022, 3, 10), text=STORY)
    resolution = Resolution(Settings())
    assert resolution.add([undated, un]).contradictions == ()  # the copy has no day yet
    (found,) = resolution.add([dated]).contradictions  # dated 2022-03-10 by its story
    assert found.kind == "figure" and found.gap == 1751
    earlier = doc("early", dt.date(2022, 3, 1), text=STORY)  # the story now dates it 03-01
    delta = resolution.add([earlier])
    assert delta.contradictions == () and found.id in delta.removed
    assert resolution.corpus() == resolve([undated, un, dated, earlier], Settings())


def test_one_sides_tolls_through_one_day_are_a_series_the_two_sides_a_dispute() -> None:
    # Real coverage: Uman's toll went 7, 16, 23 in one day, told by the minister, the
    # police and the emergency service: revisions.  Moscow's figure is a dispute.
    from resolve_factories import report

    from sitrep.model import Claimant

    def told(article_id: str, killed: int, who: str) -> Document:
        said = replace(report(article_id, killed=Number.exact(killed)), claimant=Claimant(who))
        return doc(article_id, dt.date(2022, 3, 2), (said,))

    docs = [
        told("a", 7, "Interior Minister Ihor Klymenko"),
        told("b", 16, "National Police of Ukraine"),
        told("c", 23, "State Emergency Service of Ukraine"),
    ]
    corpus = resolve(docs, Settings())
    assert len(corpus.incidents) == 1 and corpus.contradictions == ()
    docs.append(told("d", 2, "Russian Defence Ministry"))
    (dispute,) = resolve(docs, Settings()).contradictions
    assert dispute.metric == "killed"
