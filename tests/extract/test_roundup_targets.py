"""A placeless lead of a multi-city round-up lends its target, not its counts, to one city;
an undated article's report stays dated by publication when a target joins it."""

import datetime as dt

from sitrep.config import load_settings
from sitrep.model import Article
from sitrep.runs.extraction import extract_articles

ROUNDUP = (
    "Russian missile attacks on Ukraine killed dozens of people, injured hundreds, and damaged a maternity hospital, officials said. "
    "Apartment blocks were struck in Sumy, Poltava and Odesa. "
    "In Sumy, the maternity hospital was damaged, with at least 9 injured and three dead."
)


def _reports(text: str) -> list[object]:
    article = Article(id="a", source="t", published=dt.date(2024, 5, 20), text=text)
    return list(extract_articles([article], load_settings()).docs[0].reports)


def test_the_city_keeps_its_own_counts() -> None:
    sumy = [r for r in _reports(ROUNDUP) if r.place and r.place.name == "Sumy"]  # type: ignore[attr-defined]
    assert [(r.killed.value, r.injured.value) for r in sumy] == [(3, 9)]  # type: ignore[attr-defined]


def test_a_report_dated_only_by_publication_stays_inferred() -> None:
    sumy = [r for r in _reports(ROUNDUP) if r.place and r.place.name == "Sumy"]  # type: ignore[attr-defined]
    assert [r.date_inferred for r in sumy] == [True]  # type: ignore[attr-defined]
