"""Words of a Cyrillic sentence: tokens with offsets, counts, and the base forms of names."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from sitrep.lang import LanguageCode, Vocabulary, vocabulary, word_key

__all__ = ["Token", "base_forms", "count_at", "given_names", "tokens"]

_TOKEN = re.compile(r"[0-9A-Za-zА-Яа-яІіЇїЄєҐґЁё]+(?:['’ʼ`‐-][0-9A-Za-zА-Яа-яІіЇїЄєҐґЁё]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word: ``text[start:end]``, its matching key and whether it starts with a capital."""

    start: int
    end: int
    surface: str
    key: str

    @property
    def capitalised(self) -> bool:
        return self.surface[0].isupper()

    @property
    def number(self) -> int | None:
        return int(self.surface) if self.surface.isdigit() and len(self.surface) <= 6 else None


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text`` (cached: each stage of the reader reads a sentence's words)."""
    return tuple(
        Token(m.start(), m.end(), m.group(), word_key(m.group())) for m in _TOKEN.finditer(text)
    )


# --- counts ------------------------------------------------------------------------------


@cache
def _number_words(code: LanguageCode) -> dict[str, int]:
    table = vocabulary(code).data["numbers"]
    return {word_key(form): int(value) for value, forms in table.items() for form in forms}


def count_at(words: Sequence[Token], i: int, code: LanguageCode) -> tuple[int, int] | None:
    """The count that starts at token ``i`` and the index after it: digits ("12"), number
    words ("двоє", "трьох") and compounds ("двадцять пять" = 25)."""
    first = words[i].number
    if first is not None:
        return _thousands(words, i, first, code)
    numbers = _number_words(code)
    value = numbers.get(words[i].key)
    if value is None:
        return None
    j = i + 1
    if value % 10 == 0 and 20 <= value <= 90 and j < len(words):
        unit = numbers.get(words[j].key)
        if unit is not None and unit < 10:
            return value + unit, j + 1
    if value == 100 and j < len(words):
        rest = count_at(words, j, code)
        if rest is not None and rest[0] < 100 and words[j].number is None:
            return 100 + rest[0], rest[1]
    return value, j


@cache
def _thousand_words(code: LanguageCode) -> frozenset[str]:
    return frozenset(vocabulary(code).words("thousands"))


def _thousands(words: Sequence[Token], i: int, value: int, code: LanguageCode) -> tuple[int, int]:
    """Digits with their scale: "2 тисячі" is 2,000 and "1,1 тысячи" 1,100 (a decimal comma
    or point between two runs of digits)."""
    j, fraction = i + 1, ""
    if j + 1 < len(words) and words[j].number is not None and words[j].start == words[i].end + 1:
        j, fraction = j + 1, words[j].surface  # "1,1": the tokens either side of the comma
    if j < len(words) and words[j].key.rstrip(".") in _thousand_words(code):
        return round(float(f"{value}.{fraction or 0}") * 1000), j + 1
    return value, i + 1


# --- base forms of inflected names -----------------------------------------------------------

# Oblique ending -> nominative ending, tried one at a time on the last letters of a word.
# Ukrainian: "Харкові" -> "Харков" (then о -> і: "Харків"), "Малокатеринівці" ->
# "Малокатеринівка", "Запоріжжі" -> "Запоріжжя", "Кривому Розі" -> "Кривий Ріг".
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "uk": (
        ("ові", ""), ("еві", ""), ("єві", "й"), ("ом", ""), ("ем", ""), ("а", ""), ("у", ""),
        ("і", ""), ("ю", ""), ("ці", "ка"), ("ки", "ка"), ("ку", "ка"), ("кою", "ка"),
        ("зі", "га"), ("ги", "га"), ("гу", "га"), ("гою", "га"), ("зі", "г"), ("ці", "к"),
        ("сі", "ха"), ("хи", "ха"), ("ху", "ха"), ("і", "а"), ("и", "а"), ("у", "а"),
        ("ою", "а"), ("ій", "а"), ("ої", "а"), ("ії", "ія"), ("ію", "ія"), ("ією", "ія"),
        ("і", "я"), ("ям", "я"), ("ю", "я"), ("ею", "я"), ("ї", "я"), ("і", "о"), ("а", "о"),
        ("ом", "о"), ("у", "о"), ("ого", "е"), ("ому", "е"), ("ім", "е"), ("им", "е"),
        ("ого", "ий"), ("ому", "ий"), ("ім", "ий"), ("им", "ий"), ("ього", "ій"),
        ("ьому", "ій"), ("ого", "ій"), ("ому", "ій"), ("ах", "и"), ("ам", "и"), ("ами", "и"),
        ("ях", "і"), ("ям", "і"), ("ями", "і"), ("ах", "і"), ("", "и"), ("", "і"),
        ("я", "ь"), ("і", "ь"), ("ем", "ь"), ("ю", "ь"), ("ого", "ої"), ("ої", "ій"),
        ("і", "е"), ("я", "е"),  # neuter: "Гуляйполі", "Гуляйполя" of Гуляйполе
    ),
    "ru": (
        ("е", ""), ("а", ""), ("у", ""), ("ом", ""), ("ем", ""), ("е", "а"), ("ы", "а"),
        ("и", "а"), ("у", "а"), ("ой", "а"), ("ою", "а"), ("ей", "я"), ("е", "я"), ("и", "я"),
        ("ю", "я"), ("ке", "ка"), ("ки", "ка"), ("ку", "ка"), ("кой", "ка"), ("ья", "ье"),
        ("ьем", "ье"), ("ью", "ье"), ("ии", "ия"), ("ию", "ия"), ("ией", "ия"), ("е", "о"),
        ("а", "о"), ("ом", "о"), ("ого", "ое"), ("ом", "ое"), ("ому", "ое"), ("ого", "ий"),
        ("ом", "ий"), ("ому", "ий"), ("ого", "ый"), ("ом", "ый"), ("ому", "ый"), ("ого", "ой"),
        ("ом", "ой"), ("ому", "ой"), ("ой", "ая"), ("ую", "ая"), ("ах", "ы"), ("ам", "ы"),
        ("ами", "ы"), ("ах", "и"), ("ях", "и"), ("ам", "и"), ("", "ы"), ("", "и"), ("и", "ь"),
        ("е", "ь"), ("я", "ь"), ("ем", "ь"), ("ю", "ь"), ("я", "е"),  # "Гуляйполя"
    ),
}  # fmt: skip
_CLOSED_VOWEL = re.compile(r"[оеє](?=[бвгґджзклмнпрстфхцчшщ]{1,2}ь?$)")
_ALTERNATE = {"о": "і", "е": "і", "є": "ї"}


@lru_cache(maxsize=65536)
def base_forms(word: str, code: LanguageCode) -> tuple[str, ...]:
    """Nominative forms a word of a name may be an inflection of, the word itself first
    (lower-cased key).  Over-generates on purpose: the gazetteer decides which exist.  Both
    halves of a hyphenated name inflect ("Каменке-Днепровской": Каменка-Днепровская)."""
    head, hyphen, tail = word.partition("-")
    if hyphen and head and tail and "-" not in tail:
        whole = _word_forms(word, code)
        pairs = itertools.islice(
            (f"{a}-{b}" for a in _word_forms(head, code) for b in _word_forms(tail, code)),
            HYPHENATED_FORMS,
        )
        return tuple(dict.fromkeys((*whole, *pairs)))
    return _word_forms(word, code)


# Most forms of a hyphenated name tried (the two halves' forms combined).
HYPHENATED_FORMS = 120


@lru_cache(maxsize=65536)
def _word_forms(word: str, code: LanguageCode) -> tuple[str, ...]:
    out = [word]
    for oblique, nominative in _ENDINGS[code]:
        if word.endswith(oblique) and len(word) - len(oblique) >= 2:
            stem = word[: len(word) - len(oblique)] + nominative
            out.append(stem)
    if code == "uk":  # the і of a closed last syllable is о/е/є in every other case
        out.extend(_CLOSED_VOWEL.sub(lambda m: _ALTERNATE[m.group()], form) for form in list(out))
    seen: dict[str, None] = {}
    for form in out:
        seen.setdefault(form, None)
    return tuple(seen)


def vocab(code: LanguageCode) -> Vocabulary:
    return vocabulary(code)


@cache
def given_names() -> frozenset[str]:
    """Given names of both languages: Russian-language news names Ukrainian officials in
    their own forms ("Павла Кириленко", of Павло) and Ukrainian news Russian ones."""
    return frozenset(
        name for code in ("uk", "ru") for name in vocabulary(code).words("given_names")
    )
