"""Per-article checks every reader's output passes: sane text, a sane date, bounded size.

* Characters no database column takes (NUL, lone surrogates from ``"\\ud800"``
  escapes or undecodable file names) become U+FFFD, one for one, so offsets
  still point where they did.
* A publication date outside :mod:`sitrep.bounds` is no date: the article is
  read as undated.
* An article longer than :data:`MAX_ARTICLE_CHARS` or with more than
  :data:`MAX_ARTICLE_LINES` lines is refused with a message (the later stages'
  time grows faster than the article's length).
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.bounds import clean_chars, sane_date
from sitrep.errors import InputTooLarge
from sitrep.model import Article

__all__ = ["MAX_ARTICLE_CHARS", "MAX_ARTICLE_LINES", "check_article", "clean_chars"]

#: Longest article read, in characters.  The longest news article in the seeds,
#: the demo and the dev sets is under 60,000.  Measured on generated news sentences:
#: 1,000,000 characters take 13 s and 235 MB in `sitrep ingest`, in 1 line or in
#: 5,000 (4 MB took 16 s in place matching alone, which grows about n^1.6).
MAX_ARTICLE_CHARS = 1_000_000
#: Most lines (paragraphs) in one article.  Real articles have under 300; a page
#: of 200,000 one-word paragraphs ran past 5 minutes before this limit.
MAX_ARTICLE_LINES = 5_000


def _clean_optional(text: str | None) -> str | None:
    return None if text is None else clean_chars(text)


def _check_size(article: Article, where: str) -> None:
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputTooLarge(
            where,
            f"is an article of {len(article.text):,} characters, more than the "
            f"{MAX_ARTICLE_CHARS:,} sitrep reads. Split it into its articles.",
        )
    lines = article.text.count("\n") + 1
    if lines > MAX_ARTICLE_LINES:
        raise InputTooLarge(
            where,
            f"is an article of {lines:,} lines, more than the {MAX_ARTICLE_LINES:,} "
            "sitrep reads. Is it one article? Split it into its articles.",
        )


def check_article(article: Article, where: str | None = None) -> Article:
    """``article`` with storable text and a sane date; raises :class:`InputTooLarge`.

    ``where`` names the article in the message (default: its source).
    """
    _check_size(article, where or article.source)
    published = sane_date(article.published)
    return replace(
        article,
        text=clean_chars(article.text),
        source=clean_chars(article.source),
        title=_clean_optional(article.title),
        url=_clean_optional(article.url),
        outlet=_clean_optional(article.outlet),
        record_id=_clean_optional(article.record_id),
        published=published,
        published_basis=article.published_basis if published is not None else "unknown",
    )
