"""One count stated twice in an article keeps its lower bound; an exact figure beats an approximate one."""

import datetime as dt

from sitrep.config import load_settings
from sitrep.extract.grouping import merge_numbers
from sitrep.model import Article, Number
from sitrep.runs.extraction import extract_articles


def _killed(text: str) -> tuple[int | None, str] | None:
    article = Article(id="a", source="t", published=dt.date(2024, 3, 8), text=text)
    doc = extract_articles([article], load_settings()).docs[0]
    counts = [(r.killed.value, r.killed.qualifier) for r in doc.reports if r.killed]
    return counts[0] if len(counts) == 1 else None


def test_the_bare_restatement_keeps_at_least() -> None:
    text = (
        "At least 30 people, including four children, were killed in a Russian missile strike on a market in Kostiantynivka on Friday, the regional governor said.\n\n"
        "\u201cThirty dead, four of them children,\u201d he wrote on Telegram."
    )
    assert _killed(text) == (30, "at_least")


def test_a_higher_bare_figure_still_wins() -> None:
    assert merge_numbers(Number(30, "at_least", 30, None), Number(31, "exact", 31, 31)) == Number(
        31, "exact", 31, 31
    )


def test_exact_beats_about_for_the_same_value() -> None:
    about = Number(50, "about", 50, None)
    exact = Number(50, "exact", 50, 50)
    assert merge_numbers(about, exact) == exact and merge_numbers(exact, about) == exact
