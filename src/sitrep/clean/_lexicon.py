"""Word lists used to repair glued words.  Small, closed and conservative.

A false split corrupts text, so each list holds only words that are safe to
split off: function words for the ``inObolon`` kind of glue, a handful of
proper names for ``cityKyiv``, and a dictionary (``english-words``: web2 and
GCIDE) to check that the pieces of a ``citywhere`` kind of glue are words and
that the glued token is not one.
"""

from __future__ import annotations

from functools import lru_cache

from english_words import get_english_words_set

__all__ = [
    "ABBREVIATIONS",
    "GLUE_WORDS",
    "HEAD_GLUE_WORDS",
    "LEAD_FUNCTION_WORDS",
    "PROPER_NAMES",
    "is_known_word",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lowercase words that, glued to a capitalised word (``inObolon``,
#: ``asUkraine's``), mark glue rather than camel case (``iPhone``, ``eBay``).
LEAD_FUNCTION_WORDS: frozenset[str] = _words(
    """a an and as at but by for from in into near of off on onto or over the than that
    to via with said says told when where while after before during amid across around
    against between including outside inside toward towards"""
)

#: Words that get glued to the end of a word in scraped text (``citywhere``,
#: ``notsay``, ``Ukraineand``).  Short words such as ``his``/``her``/``its``
#: are left out: they end too many real words.  Tuned on the seeds and on the
#: 60,000 lowercase strings of spaCy's ``en_core_web_sm`` vocabulary, where no
#: lowercase word is split any more (``over``, ``under``, ``for`` and ``with``
#: were dropped as heads: ``overkill``, ``undergone``, ``formatted``, ``withdrew``).
GLUE_WORDS: frozenset[str] = _words(
    """where and say said says the that which when who whom with from were have has had
    not but been this after before while than then there their they would could should
    will also about told because"""
)

#: The glue words that may also start a glued token (``notsay``, ``thecity``).
HEAD_GLUE_WORDS: frozenset[str] = _words(
    """not the and where which when that said says say from were have been this than then
    there their they would could should also about because told while"""
)

#: Capitalised words that may start or end a glued token (``cityKyiv``, ``Ukraineand``).
PROPER_NAMES: frozenset[str] = _words(
    """Ukraine Ukrainian Ukrainians Russia Russian Russians Kyiv Kiev Kharkiv Kharkov Mariupol
    Odesa Odessa Lviv Kherson Moscow Putin Zelensky Zelenskyy Europe European NATO Obolon
    Donetsk Luhansk Donbas Crimea Bucha Irpin Hostomel Zaporizhzhia Dnipro Mykolaiv Chernihiv
    Sumy Poland Belarus Kremlin America American Washington Biden Britain London"""
)

#: Words that end with a period without ending a sentence (``Mr.Smith``).
ABBREVIATIONS: frozenset[str] = _words(
    """mr mrs ms dr st gen lt col sgt capt cpt gov sen rep prof jr sr vs etc no nos inc ltd co
    corp dept ft mt jan feb mar apr jun jul aug sep sept oct nov dec approx est fig"""
)

# Suffixes stripped to find a dictionary stem: the word lists hold few inflections.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ers", ""),
    ("er", ""),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ly", ""),
    ("s", ""),
    ("d", ""),
)


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


def is_known_word(word: str) -> bool:
    """True when ``word`` (any case) or a stem of it is a dictionary word."""
    lower = word.lower()
    words = _dictionary()
    if lower in words:
        return True
    return any(
        lower.endswith(suffix) and lower[: -len(suffix)] + repl in words
        for suffix, repl in _SUFFIXES
        if len(lower) > len(suffix) + 2
    )
