"""Place names in Ukrainian and Russian sentences, found through the gazetteer's Cyrillic keys.

An inflected name ("у Харкові", "в Запорожье", "Малокатеринівці", "Кривому Розі") is
reduced to candidate base forms (:func:`~sitrep.extract.cyrillic._words.base_forms`) and
looked up as written (the gazetteer keys every Ukrainian name and the Russian names its
tables have) or, failing that, through its romanisations (KMU-2010 for Ukrainian, the
news-style one for Russian), which reach the gazetteer's Latin keys and their respellings.
Regions are read from the language's table ("на Харківщині", "Харківської області",
"Белгородской области").  The finder returns :class:`NameMatch` values, so namesakes are
settled by the same rules as in English (named oblast and raion, co-mentioned places,
the batch prior).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import cast

from sitrep.extract._gazetteer import (
    Designator,
    Gazetteer,
    GazetteerEntry,
    NameMatch,
    cyrillic_key,
    normalise_name,
    transliterate_cyrillic,
)
from sitrep.extract.cyrillic._words import Token, base_forms, given_names, tokens
from sitrep.lang import LanguageCode, vocabulary, word_key

__all__ = ["finder"]

# Longest name read, in words ("Кривий Ріг", "Велика Новосілка", "Нова Каховка").
MAX_WORDS = 3
# Smallest settlement a capitalised word may be without a preposition, a designator or a
# region before or after it: "Харків зазнав удару" reads, "Слава" (a village) does not.
BARE_POPULATION = 5_000


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of one language the finder needs, as sets."""

    designators: dict[str, Designator]
    designator_qualifiers: frozenset[str]
    prepositions: frozenset[str]
    not_places: frozenset[str]
    given_names: frozenset[str]
    titles: frozenset[str]
    regions: tuple[tuple[str, str], ...]
    need_designator: frozenset[str]
    streets: frozenset[str]
    speech: tuple[str, ...]
    conjunctions: frozenset[str]
    authorities: frozenset[str]
    capital: frozenset[str]


@cache
def _words(code: LanguageCode) -> _Words:
    vocab = vocabulary(code)
    designators: dict[str, Designator] = {}
    for kind, forms in vocab.table("designators").items():
        for form in forms:
            designators.setdefault(form.lower().rstrip("."), cast(Designator, kind))
    return _Words(
        designators,
        frozenset(vocab.words("designator_qualifiers")),
        frozenset(vocab.words("place_prepositions")),
        frozenset(vocab.words("not_places")),
        given_names(),
        frozenset(w.split()[0] for w in vocab.words("titles")),
        tuple(sorted(vocab.rows("regions"), key=lambda r: -len(r[0]))),
        frozenset(vocab.words("regions_need_designator")),
        frozenset(w.rstrip(".") for w in vocab.words("streets")),
        vocab.words("speech"),
        frozenset(vocab.words("list_conjunctions")),
        frozenset(vocab.words("authority_abbreviations")),
        frozenset(vocab.words("capital_city")),
    )


def finder(
    code: LanguageCode, gazetteer: Gazetteer, texts: Sequence[str] = ()
) -> Callable[[str], list[NameMatch]]:
    """``find(text)``: every place-name mention of a ``code`` sentence, left to right.

    ``texts`` are the article's sentences: a surname the article gives with a given name
    ("мер міста Ігор Терехов") is no place where it stands alone ("— Терехов про обстріл")."""
    surnames = _surnames(texts, code)

    def find(text: str) -> list[NameMatch]:
        return _within_units(
            text,
            [
                m
                for m in _find(text, code, gazetteer)
                if word_key(m.surface.split()[0]) not in surnames
            ],
        )

    return find


def _within_units(text: str, matches: list[NameMatch]) -> list[NameMatch]:
    """A name right before the district or oblast that holds it ("село Сопычи Погарского
    района", "Малокатеринівка Запорізького району") is a place in that unit: its namesakes
    elsewhere go.  A name with none there is a village the gazetteer lacks when the unit is
    across the border (its Ukrainian namesake is no reading of it): the unit stands alone."""
    out: list[NameMatch] = []
    for k, match in enumerate(matches):
        unit = matches[k + 1] if k + 1 < len(matches) else None
        if (
            unit is None
            or match.designator not in (None, "settlement")
            or unit.designator not in ("raion", "oblast")
            or text[match.end : unit.start].strip()
        ):
            out.append(match)
            continue
        inside = tuple(c for c in match.candidates if _inside(c, unit))
        if inside:
            out.append(replace(match, candidates=inside))
        elif not any(u.country == c.country for u in unit.candidates for c in match.candidates):
            continue
        else:
            out.append(match)
    return out


def _inside(entry: GazetteerEntry, unit: NameMatch) -> bool:
    return any(
        (u.kind == "raion" and u.admin2 is not None and entry.admin2 == u.admin2)
        or (u.kind == "oblast" and u.admin1 is not None and entry.admin1 == u.admin1)
        for u in unit.candidates
        if u is not entry
    )


def _surnames(texts: Sequence[str], code: LanguageCode) -> frozenset[str]:
    """Every form a surname after a given name may take ("Терехов", "Терехова", "Терехову")."""
    given = _words(code).given_names
    out: set[str] = set()
    for text in texts:
        words = tokens(text)
        for a, b in itertools.pairwise(words):
            if a.capitalised and b.capitalised and any(f in given for f in base_forms(a.key, code)):
                out.update(b.key + ending for ending in _SURNAME_ENDINGS)
                out.update(base_forms(b.key, code))
    return frozenset(out)


# Case endings of surnames (Терехов: Терехова, Терехову, Тереховим, Терехові).
_SURNAME_ENDINGS = ("", "а", "у", "ом", "им", "ым", "ові", "е", "ого", "ому", "ій", "ой", "ої")


def _find(text: str, code: LanguageCode, gazetteer: Gazetteer) -> Iterator[NameMatch]:
    words = tokens(text)
    vocab = _words(code)
    i = 0
    while i < len(words):
        found = _match_at(text, words, i, code, gazetteer, vocab)
        if found is None:
            i = _past_unknown_name(words, i, vocab)
            continue
        match, after = found
        if match is not None:
            yield match
        i = after


def _match_at(
    text: str,
    words: Sequence[Token],
    i: int,
    code: LanguageCode,
    gazetteer: Gazetteer,
    vocab: _Words,
) -> tuple[NameMatch | None, int] | None:
    word = words[i]
    if not word.capitalised or word.number is not None or word.key in vocab.not_places:
        return None
    if word.key in vocab.given_names or any(  # "Олег Синєгубов": a person, both words
        f in vocab.given_names for f in base_forms(word.key, code)
    ):  # "Никиту Зеленко" too
        after = i + 2 if i + 1 < len(words) and words[i + 1].capitalised else i + 1
        return None, after
    if i > 0 and words[i - 1].key in vocab.streets:  # "вул. Сумська", "проспекте Мира"
        return None, i + 1
    if i > 0 and words[i - 1].key in vocab.authorities:  # "голова ОВА Віалій Кім": a person
        return None, i + 2 if i + 1 < len(words) and words[i + 1].capitalised else i + 1
    region = _region(text, words, i, vocab, gazetteer)
    if region is not None:
        return region
    seat = _hromada(text, words, i, code, gazetteer, vocab)
    if seat is not None:
        return seat
    for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
        span = words[i : i + n]
        if not _joinable(text, span) or not all(w.capitalised or k > 0 for k, w in enumerate(span)):
            continue
        entries = _lookup(span, code, gazetteer)
        if not entries:
            continue
        after = i + n
        if _fragment(text, words, i, after, code, gazetteer, vocab):
            return None, _past_unknown_name(words, after, vocab, force=True)
        designator = _designator(words, i, after, vocab)
        if designator is None and not _placed(text, words, i, after, entries, vocab):
            return None, after
        start, end = span[0].start, span[-1].end
        if designator == "raion":  # a city's district ("Київському районі" of Kharkiv)
            district = [
                e for e in _lookup([*span, words[after]], code, gazetteer) if e.kind == "district"
            ] or _district_of_city_named(words, i, after + 1, code, gazetteer, vocab)
            if district:
                return NameMatch(
                    start, words[after].end, text[start : words[after].end], tuple(district)
                ), after + 1
        if designator in ("oblast", "raion"):
            entries = _units(entries, designator)
            if not entries:  # "Київському районі міста": a city's district the gazetteer lacks
                return None, after + 1
        elif designator == "hromada":
            entries = _units(entries, designator) or entries
        elif designator == "settlement":  # "в селе Ясные Зори" is no city's district
            entries = tuple(e for e in entries if e.kind in ("settlement", "foreign"))
            if not entries:
                return None, _past_unknown_name(words, i, vocab)
        else:  # an oblast is named by its region words, never by a bare adjective
            entries = tuple(e for e in entries if e.kind != "oblast")
            if not entries:
                return None, after
        return NameMatch(start, end, text[start:end], entries, designator), after
    return None


def _district_of_city_named(
    words: Sequence[Token],
    i: int,
    j: int,
    code: LanguageCode,
    gazetteer: Gazetteer,
    vocab: _Words,
) -> list[GazetteerEntry]:
    """The districts named by word ``i`` of the city word ``j`` after the designator names
    ("у Шевченківському районі столиці", "Дніпровського району Херсона")."""
    keys = {
        key
        for form in base_forms(words[i].key, code)
        for key in (cyrillic_key(form), *_romanised(form))
        if key
    }
    districts = list(
        dict.fromkeys(
            e for key in sorted(keys) for e in gazetteer.lookup(key) if e.kind == "district"
        )
    )
    if not districts or j >= len(words):
        return []
    if words[j].key in vocab.capital:
        cities = {"Kyiv"}
    elif words[j].capitalised:
        cities = {e.name for e in _lookup([words[j]], code, gazetteer) if e.kind == "settlement"}
    else:
        return []
    return [e for e in districts if e.parent in cities]


def _hromada(
    text: str,
    words: Sequence[Token],
    i: int,
    code: LanguageCode,
    gazetteer: Gazetteer,
    vocab: _Words,
) -> tuple[NameMatch, int] | None:
    """A hromada by its adjective ("Великописарівській громаді", "Білопільської громади"): the
    settlement that seats it, as the English reading takes "Velykopysarivska hromada"."""
    if i + 1 >= len(words) or vocab.designators.get(words[i + 1].key) != "hromada":
        return None
    forms = [latin for form in base_forms(words[i].key, code) for latin in _romanised(form)]
    lookups = [gazetteer.hromada_seats]
    if code == "ru":  # a Ukrainian hromada's name in Russian: its vowels differ
        lookups.append(gazetteer.hromada_seats_spelled_like)
    for lookup in lookups:
        for latin in forms:
            seats = lookup(latin)
            if seats:
                end = words[i + 1].end
                return NameMatch(words[i].start, end, text[words[i].start : end], seats), i + 2
    return None


def _joinable(text: str, span: Sequence[Token]) -> bool:
    """Words of one name: separated by one space (or a hyphen inside a token)."""
    return all(text[a.end : b.start] == " " for a, b in itertools.pairwise(span))


def _lookup(
    span: Sequence[Token], code: LanguageCode, gazetteer: Gazetteer
) -> tuple[GazetteerEntry, ...]:
    """Places named by ``span`` in any base form, the form with the largest place first."""
    forms = [base_forms(w.key, code) for w in span]
    if len(span) > 1:  # only words that begin some name of several words can begin this one
        first = gazetteer.first_words()
        forms[0] = tuple(f for f in forms[0] if cyrillic_key(f) in first)
    combinations = [" ".join(c) for c in itertools.islice(itertools.product(*forms), 400)]
    # A name as written before any respelling of it; a Ukrainian name is written as the
    # gazetteer writes it, so only Russian names of several words need their respellings.
    passes = (False, True) if len(span) == 1 or code == "ru" else (False,)
    for romanised in passes:
        best: tuple[GazetteerEntry, ...] = ()
        for form in combinations:
            entries = _entries(form, code, gazetteer, romanised)
            if entries and (not best or entries[0].population > best[0].population):
                best = entries
        if best:
            return best
    return ()


def _entries(
    form: str, code: LanguageCode, gazetteer: Gazetteer, romanised: bool
) -> tuple[GazetteerEntry, ...]:
    if not romanised:
        key = cyrillic_key(form)
        return gazetteer.lookup(key) if key else ()
    if len(form) < 4:
        return ()
    for latin in _romanised(form):
        found = gazetteer.lookup(latin)
        if found and (code == "ru" or found[0].population >= BARE_POPULATION):
            return found
    return ()


@lru_cache(maxsize=65536)
def _romanised(form: str) -> tuple[str, ...]:
    """Latin lookup keys of a Cyrillic form (a word's respellings, cached as words repeat)."""
    return tuple(sorted({normalise_name(latin) for latin in transliterate_cyrillic(form)} - {""}))


def _fragment(
    text: str,
    words: Sequence[Token],
    i: int,
    after: int,
    code: LanguageCode,
    gazetteer: Gazetteer,
    vocab: _Words,
) -> bool:
    """Whether one matched word only begins a longer name the gazetteer lacks ("Новая" of
    "Новая Таволжанка" is no village Nova): it begins names of several words, and a
    capitalised word that is no given name and begins no unit follows it (the two together
    name nothing known, or the longer name would have matched)."""
    if after != i + 1 or after >= len(words):
        return False
    nxt = words[after]
    if not nxt.capitalised or text[words[i].end : nxt.start] != " " or nxt.key in vocab.designators:
        return False
    first = gazetteer.first_words()
    if not any(cyrillic_key(f) in first for f in base_forms(words[i].key, code)):
        return False
    return not (
        any(f in vocab.given_names for f in base_forms(nxt.key, code))
        or _before_unit(words, after, vocab)
    )


def _past_unknown_name(
    words: Sequence[Token], i: int, vocab: _Words, *, force: bool = False
) -> int:
    """The token after an unknown name a designator announces ("в селе Ясные Зори": no
    part of it is a place of its own), else the next token.  The unit after the name is no
    part of it ("в селе Кульбаки Глушковского района")."""
    if not force and not (
        words[i].capitalised and i > 0 and vocab.designators.get(words[i - 1].key) == "settlement"
    ):
        return i + 1
    i += 1
    while (
        i < len(words)
        and words[i].capitalised
        and words[i - 1].end + 1 == words[i].start
        and not _before_unit(words, i, vocab)
    ):
        i += 1
    return i


def _before_unit(words: Sequence[Token], i: int, vocab: _Words) -> bool:
    """Whether word ``i`` is followed by a unit's designator ("Глушковского района")."""
    j = i + 1
    if j + 1 < len(words) and words[j].key in vocab.designator_qualifiers:
        j += 1
    return j < len(words) and vocab.designators.get(words[j].key) in ("raion", "oblast", "hromada")


def _designator(words: Sequence[Token], i: int, after: int, vocab: _Words) -> Designator | None:
    """What a word beside the name says it is: "село Малокатеринівка", "Бахмутського району"."""
    if after + 1 < len(words) and words[after].key in vocab.designator_qualifiers:
        after += 1  # "Валуйском муниципальном округе", "Шебекінському міському окрузі"
    if after < len(words) and words[after].key in vocab.designators:
        kind = vocab.designators[words[after].key]
        if kind != "settlement":
            return kind
    if i > 0 and vocab.designators.get(words[i - 1].key) == "settlement":
        return "settlement"
    return _listed_unit(words, i, after, vocab)


# The ending of a region's adjective ("Донецьку", "Харківській", "Курской"): the words of a
# list that one designator ends ("Донецьку, Запорізьку та Харківську області") share it.
_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк)(?:а|у|ій|ої|ая|ую|ой|ей)$")
# Most region adjectives a list may hold before its designator.
LIST_ITEMS = 5


def _listed_unit(words: Sequence[Token], i: int, after: int, vocab: _Words) -> Designator | None:
    """The unit a list of region adjectives ends with: each of "Донецьку, Запорізьку та
    Харківську області" is an oblast, as the last one is, not the city "Донецьк"."""
    ending = _ADJECTIVE.search(words[i].key)
    if ending is None or after != i + 1:
        return None
    j = after
    for _ in range(LIST_ITEMS):
        if j < len(words) and words[j].key in vocab.conjunctions:
            j += 1
        if (
            j >= len(words)
            or not words[j].capitalised
            or not words[j].key.endswith(ending.group()[-2:])
        ):
            return None
        if not _ADJECTIVE.search(words[j].key):
            return None
        j += 1
        kind = vocab.designators.get(words[j].key) if j < len(words) else None
        if kind in ("oblast", "raion"):
            return kind
    return None


def _placed(
    text: str,
    words: Sequence[Token],
    i: int,
    after: int,
    entries: tuple[GazetteerEntry, ...],
    vocab: _Words,
) -> bool:
    """Whether a capitalised name reads as a place here: after a preposition ("у Харкові"),
    in a list or pinned by a comma ("Сумах, Харківщина"), or a town of some size; never the
    surname after a given name or a title ("голова ОВА Федоров")."""
    before = words[i - 1] if i > 0 else None
    if before is not None and (
        before.key in vocab.given_names or before.key in vocab.titles or before.key in vocab.streets
    ):
        return False
    if before is not None and before.key in vocab.prepositions:
        return True
    if any(t.key.startswith(vocab.speech) for t in words[max(0, i - 3) : i]):
        return False  # "написал в телеграм-канале Гладков": the speaker
    if before is not None and before.key in _SAID_BY:  # "за словами Кириленка"
        return False
    if before is not None and not re.search(r"[.!?:«\"“„(]\s*$", text[: words[i].start]):
        return True  # capitalised inside a sentence: a proper name, and not a person's
    return entries[0].population >= BARE_POPULATION


_SAID_BY = frozenset({"словами", "словам", "слова"})


def _units(
    entries: tuple[GazetteerEntry, ...], designator: Designator
) -> tuple[GazetteerEntry, ...]:
    kind = {"oblast": "oblast", "raion": "raion", "hromada": "settlement"}[designator]
    return tuple(e for e in entries if e.kind == kind)


def _region(
    text: str, words: Sequence[Token], i: int, vocab: _Words, gazetteer: Gazetteer
) -> tuple[NameMatch | None, int] | None:
    """An oblast by its adjective or regional noun: "Харківщині", "Донецької області",
    "Белгородской области"; the adjective alone only with a designator after it."""
    word = words[i]
    for stem, name in vocab.regions:
        if not word.key.startswith(stem):
            continue
        has_designator = i + 1 < len(words) and vocab.designators.get(words[i + 1].key) == "oblast"
        if stem in vocab.need_designator and not has_designator:
            return None  # "Донецке", "Курска": the city, read as any other name
        entries = tuple(
            e
            for e in gazetteer.candidates(name)
            or gazetteer.candidates(name.removesuffix(" Oblast"))
            if e.kind in ("oblast", "foreign")
        )
        if not entries:
            return None
        end = words[i + 1].end if has_designator else word.end
        after = i + 2 if has_designator else i + 1
        return NameMatch(word.start, end, text[word.start : end], entries, "oblast"), after
    return None
