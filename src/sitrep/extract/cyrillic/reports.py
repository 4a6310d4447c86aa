"""Sentence reports of Ukrainian and Russian news: event, place, date, killed, injured, claimant.

Each sentence that names an attack ("обстріл", "удар", "дрон", "обстрел") or counts
victims ("загинули двоє людей", "ранены трое") becomes a :class:`~sitrep.model.Report`, as
the English reader's sentences do; :func:`sitrep.extract.grouping.group_reports` then
merges an article's sentences into incidents.  Counts are read next to their casualty
word, with the qualifier before them; listed victims are added up ("чоловік і жінка" = 2);
ages, distances and dates are not counts; a count after "серед них" is part of the one
before it.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from sitrep.config import Settings
from sitrep.extract._gazetteer import transliterate_cyrillic
from sitrep.extract.cyrillic._words import Token, base_forms, count_at, given_names, tokens
from sitrep.lang import LanguageCode, vocabulary, word_key
from sitrep.model import (
    UNKNOWN_TYPE,
    Claimant,
    Document,
    Evidence,
    Number,
    PartialDate,
    Place,
    PlaceMention,
    Report,
    Sentence,
)

__all__ = ["extract_cyrillic_reports"]

NAME = "cyrillic.v1"
# How many words from its casualty word a count may stand ("загинули щонайменше 12 мирних жителів").
COUNT_REACH = 6
# Largest number read as a count of victims of one incident.
MAX_COUNT = 5_000
# Sentences on from a count sentence whose "повідомив X" still says who told it.
ATTRIBUTION_REACH = 1


@dataclass(frozen=True, slots=True)
class _Words:
    killed: tuple[str, ...]
    killed_not: tuple[str, ...]
    died_of_wounds: tuple[str, ...]
    injured: tuple[str, ...]
    injured_not: tuple[str, ...]
    people: tuple[str, ...]
    one_person: frozenset[str]
    relative_pronouns: frozenset[str]
    list_also: frozenset[str]
    among: tuple[str, ...]
    more: frozenset[str]
    toll_to: tuple[str, ...]
    toll_rose: frozenset[str]
    events: tuple[tuple[str, str | None, str | None], ...]
    landmine: tuple[str, ...]
    landmine_forms: frozenset[str]
    battle: tuple[str, ...]
    not_event: tuple[str, ...]
    during_alert: tuple[str, ...]
    idioms: tuple[tuple[str, re.Pattern[str]], ...]
    stress: tuple[re.Pattern[str], ...]
    unnamed_region: tuple[str, ...]
    age_words: frozenset[str]
    birth_words: frozenset[str]
    words_of: frozenset[str]
    the_city: tuple[str, ...]
    receive: tuple[str, ...]
    wound_nouns: tuple[str, ...]
    speech: tuple[str, ...]
    according: tuple[str, ...]
    claimants: tuple[tuple[str, str, str, str | None], ...]
    titles: tuple[str, ...]
    title_keys: tuple[str, ...]
    titles_by_first: dict[str, tuple[str, ...]]
    roles: dict[str, str]
    given_names: frozenset[str]
    authorities: frozenset[str]
    months: tuple[tuple[str, int], ...]
    month_forms: frozenset[str]
    weekdays: tuple[tuple[str, int], ...]
    relative: tuple[tuple[str, int, bool], ...]
    night_of: tuple[str, ...]
    relative_stems: tuple[tuple[str, int], ...]
    qualifiers: tuple[tuple[str, str], ...]
    actors: tuple[tuple[str, str], ...]
    tallies: tuple[str, ...]
    verdicts: tuple[str, ...]


@cache
def _words(code: LanguageCode) -> _Words:
    v = vocabulary(code)
    qualifiers = [(word_key(p), q) for q, phrases in v.data["qualifiers"].items() for p in phrases]
    return _Words(
        killed=v.words("killed"),
        killed_not=v.words("killed_not"),
        died_of_wounds=v.words("died_of_wounds"),
        injured=v.words("injured"),
        injured_not=v.words("injured_not"),
        people=v.words("people"),
        one_person=frozenset(v.words("one_person")),
        relative_pronouns=frozenset(v.words("relative_pronouns")),
        list_also=frozenset(v.words("list_also")),
        among=v.words("among"),
        more=frozenset(v.words("more")),
        toll_to=v.words("toll_to"),
        toll_rose=frozenset(v.words("toll_rose")),
        events=tuple(v.rows("events")),
        landmine=v.words("landmine"),
        landmine_forms=frozenset(v.words("landmine_forms")),
        battle=v.words("battle"),
        not_event=v.words("not_event"),
        during_alert=v.words("during_alert"),
        stress=tuple(re.compile(p) for p in v.words("stress_reaction")),
        unnamed_region=v.words("unnamed_region"),
        age_words=frozenset(v.words("age_words")),
        birth_words=frozenset(v.words("birth_words")),
        words_of=frozenset(v.words("words_of")),
        the_city=v.words("the_city"),
        receive=v.words("receive_verbs"),
        wound_nouns=v.words("wound_nouns"),
        idioms=tuple(
            (word, re.compile(pattern, re.IGNORECASE))
            for word, patterns in v.table("casualty_idioms").items()
            for pattern in patterns
        ),
        speech=v.words("speech"),
        according=v.words("according"),
        claimants=tuple(sorted(v.rows("claimants"), key=lambda r: -len(r[0]))),
        titles=tuple(sorted(v.words("titles"), key=len, reverse=True)),
        title_keys=tuple(word_key(t) for t in v.words("titles")),
        titles_by_first=_by_first_word(v.words("titles")),
        roles=v.table("person_roles"),
        given_names=given_names(),
        authorities=frozenset(v.words("authority_abbreviations")),
        months=tuple(sorted(v.table("months").items(), key=lambda kv: -len(kv[0]))),
        month_forms=frozenset(v.words("month_forms")),
        weekdays=tuple(v.table("weekdays").items()),
        relative=tuple(
            sorted(
                ((k, int(a), bool(b)) for k, (a, b) in v.table("relative_days").items()),
                key=lambda r: -len(r[0]),
            )
        ),
        night_of=v.words("night_of"),
        relative_stems=tuple((k, int(n)) for k, n in v.table("relative_day_stems").items()),
        qualifiers=tuple(sorted(qualifiers, key=lambda pq: -len(pq[0]))),
        actors=tuple(v.rows("actors")),
        tallies=v.words("tallies"),
        verdicts=v.words("verdicts"),
    )


def _by_first_word(titles: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Titles by their first word, the longest first ("міський голова" before "міський")."""
    out: dict[str, list[str]] = {}
    for title in sorted(titles, key=len, reverse=True):
        out.setdefault(title.split()[0], []).append(title)
    return {k: tuple(v) for k, v in out.items()}


def _starts(key: str, stems: tuple[str, ...]) -> bool:
    """Whether ``key`` begins with one of ``stems``."""
    return _stem_pattern(stems).match(key) is not None


@cache
def _stem_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) or "(?!)"
    )


# --- counts ------------------------------------------------------------------------------

_NOT_COUNTED_AFTER = re.compile(
    r"^(?:-?річн|рок|рік|лет|год|км|кілометр|километр|метр|м$|хвилин|минут|годин|час|дн|діб|сут|тонн|"
    r"гривен|грн|рубл|відсот|процент|будин|дом|квартир|авто|машин|поверх|этаж|обєкт|объект|ракет|дрон|"
    r"шахед|бпла|безпілот|беспилот|снаряд|мін|раз|кв|га$)"
)


@dataclass(frozen=True, slots=True)
class _Count:
    kind: str  # "killed" | "injured"
    value: int
    qualifier: str
    more: bool  # "ще двоє": victims beside those counted before
    start: int = -1  # where the count stands in the sentence


def _casualty_kind(words: Sequence[Token], k: int, lower: str, w: _Words) -> str | None:
    key = word_key(lower[words[k].start : words[k].start + 40])  # stems of two words too
    if _starts(key, w.killed):
        kind = "killed"
    elif _starts(key, w.injured):
        kind = "injured"
    else:
        return None
    around = word_key(lower[max(0, words[k].start - 25) : words[k].end + 25])
    negations = w.killed_not if kind == "killed" else w.injured_not
    if any(n in around for n in negations) and not (
        kind == "injured" and any(p in around for p in w.died_of_wounds)
    ):  # "постраждалих не вдалося врятувати" is no "постраждалих немає"
        return None
    return kind


def _number_at(words: Sequence[Token], j: int, code: LanguageCode) -> tuple[int, int] | None:
    found = count_at(words, j, code)
    if found is None:
        return None
    value, after = found
    if after < len(words) and (
        _NOT_COUNTED_AFTER.match(words[after].key) or words[after].key in _words(code).month_forms
    ):
        return None  # "42 км", "17 листопада": a distance, a date
    if "-" in words[j].surface or not 0 < value <= MAX_COUNT:
        return None
    return found


def _qualifier(lower: str, start: int, w: _Words) -> str:
    before = word_key(lower[max(0, start - 30) : start]).rstrip()
    for phrase, qualifier in w.qualifiers:
        if before.endswith(phrase):
            return qualifier
    return "exact"


_AGE = re.compile(r"^\d{1,3}-?(?:річн|літн|летн)")


def _group_at(
    words: Sequence[Token], j: int, code: LanguageCode, w: _Words, text: str = ""
) -> tuple[int, int] | None:
    """Victims listed from token ``j``: "двоє людей", "чоловік і жінка", "троє дорослих та
    двоє дітей", "60-річна жінка, 30-річний чоловік, а також двоє дітей" (a sum);
    ``(count, index after)``."""
    total = 0
    i = j
    while i < len(words):
        ages = _ages_of_people(words, i, w)
        if ages is not None:  # "33-річний та 56-річний чоловіки": two men
            total += ages[0]
            i = ages[1]
            if i + 1 < len(words) and words[i].key in _AND:
                i += 1  # "... мужчины и 65-летняя женщина"
                continue
            break
        if _AGE.match(words[i].key) and i + 1 < len(words) and words[i + 1].key in w.one_person:
            i += 1  # "58-річний чоловік і 62-річна жінка": the age is no count
        if words[i].number is None and not _is_casualty(words[i].key, w):
            years = _ages_listed(words, i + 1, w) if i + 1 < len(words) else None
        else:
            years = None
        found = years or _ages_listed(words, i, w) or _number_at(words, i, code)
        if years is not None:  # "женщина 1958 и мужчины 1983 и 1985 годов рождения"
            value, i = years
        elif found is not None:
            value, i = found
            while (
                i < len(words)
                and (_starts(words[i].key, w.people) or words[i].key.endswith(("ого", "их", "их")))
                and i - j < 6
            ):
                i += 1
        elif words[i].key in w.one_person:
            value, i = 1, i + 1
        else:
            break
        total += value
        if (
            i + 1 < len(words)
            and words[i].key in {"і", "й", "та", "и", "а"}
            and (
                words[i + 1].key in w.one_person
                or _number_at(words, i + 1, code) is not None
                or (
                    _AGE.match(words[i + 1].key)
                    and i + 2 < len(words)
                    and words[i + 2].key in w.one_person
                )
                or (i + 2 < len(words) and _ages_listed(words, i + 2, w) is not None)
            )
        ):
            i += 1
            continue
        listed = _listed_after_comma(words, i, code, w, text)
        if listed is not None:
            i = listed
            continue
        break
    return (total, i) if total else None


def _ages_listed(words: Sequence[Token], i: int, w: _Words) -> tuple[int, int] | None:
    """Ages listed after the people ("мужчины 64, 65 и 58 лет"): one victim per age;
    ``(count, index after the age word)``."""
    n, count = i, 0
    while n < len(words) and words[n].number is not None:
        count += 1
        n += 1
        if n + 1 < len(words) and words[n].key in _AND and words[n + 1].number is not None:
            n += 1
    if count and n < len(words) and words[n].key in w.age_words:
        return count, n + 1
    years = [y for k in range(i, n) if (y := words[k].number) is not None]
    if count and all(_BIRTH_YEAR <= y <= _LAST_YEAR for y in years):
        return count, _past_birth_words(words, n, w)  # "мужчины 1983 и 1985 годов рождения"
    return None


# Four digits between these read after people are their birth years, one person each.
_BIRTH_YEAR, _LAST_YEAR = 1900, 2030


def _past_birth_words(words: Sequence[Token], n: int, w: _Words) -> int:
    """The token after "годов рождения", "г. р.", "року народження" (if they follow)."""
    while n < len(words) and words[n].key in w.birth_words:
        n += 1
    return n


def _ages_of_people(words: Sequence[Token], i: int, w: _Words) -> tuple[int, int] | None:
    """Two or more ages joined by "та"/"и" before one plural noun ("33-річний та 56-річний
    чоловіки"): one victim per age; ``(count, index after the noun)``."""
    n = i
    count = 0
    while n < len(words) and _AGE.match(words[n].key):
        count += 1
        if n + 2 < len(words) and words[n + 1].key in _AND and _AGE.match(words[n + 2].key):
            n += 2
            continue
        n += 1
        if n < len(words) and _AGE.match(words[n].key):
            continue  # "47-летний, 50-летний, 69-летний мужчины"
        break
    if count < 2 or n >= len(words) or not _starts(words[n].key, w.people):
        return None
    return count, n + 1


def _listed_after_comma(
    words: Sequence[Token], i: int, code: LanguageCode, w: _Words, text: str
) -> int | None:
    """Where the next victim of a comma-separated list starts: one with an age ("жінка,
    30-річний чоловік") or after "а також"; a bare noun after a comma may begin a clause
    of its own ("загинула жінка, чоловік отримав поранення")."""
    if not text or i >= len(words) or text[words[i - 1].end : words[i].start].strip() != ",":
        return None
    k, also = i, False
    if words[k].key == "а" and k + 1 < len(words) and words[k + 1].key in w.list_also:
        k, also = k + 2, True
    elif words[k].key in w.list_also:
        k, also = k + 1, True
    if k >= len(words):
        return None
    aged = (
        bool(_AGE.match(words[k].key)) and k + 1 < len(words) and words[k + 1].key in w.one_person
    )
    if not (
        aged or (also and (words[k].key in w.one_person or _number_at(words, k, code) is not None))
    ):
        return None
    for t in range(k + 1, min(len(words), k + 6)):
        if re.search(r"[,;.!?:–—]", text[words[t - 1].end : words[t].start]):
            break
        if _is_casualty(words[t].key, w):
            return None  # "загинула жінка, 47-річний водій отримав поранення": its own clause
    return k


def _counts(text: str, words: Sequence[Token], code: LanguageCode, w: _Words) -> list[_Count]:
    lower = text.lower()
    out: list[_Count] = []
    subsets = _subset_spans(lower, w)
    for k, word in enumerate(words):
        if any(a <= word.start < b for a, b in subsets):
            continue  # "34 загиблих, з них семеро дітей": the seven are among the 34
        kind = _casualty_kind(words, k, lower, w)
        if kind is None:
            continue
        found = _count_near(text, words, k, code, w)
        if found is None:
            continue
        value, j = found
        more = (j > 0 and words[j - 1].key in w.more) or (k > 0 and words[k - 1].key in w.more)
        out.append(_Count(kind, value, _qualifier(lower, words[j].start, w), more, words[j].start))
    return out


_CLAUSE_END = re.compile(r"[,;.!?]")


def _subset_spans(lower: str, w: _Words) -> list[tuple[int, int]]:
    """Where a sentence counts a part of those it has just counted: from "серед них",
    "з яких", "в том числе" to the end of that clause."""
    spans = []
    for phrase in w.among:
        for m in re.finditer(re.escape(phrase), lower):
            end = _CLAUSE_END.search(lower, m.end())
            spans.append((m.start(), end.start() if end else len(lower)))
    return spans


def _count_near(
    text: str, words: Sequence[Token], k: int, code: LanguageCode, w: _Words
) -> tuple[int, int] | None:
    """The victims a casualty word at ``k`` counts and the token they start at: after it
    ("загинули двоє людей", "кількість загиблих зросла до 12"), else before it ("12 людей
    дістали поранення", "двоє загинули")."""
    if k > 0 and text[words[k - 1].end : words[k].start] == " ":
        adjacent = _number_at(words, k - 1, code)  # "14 погибших и 46 пострадавших"
        if adjacent is not None:
            return adjacent[0], k - 1
    risen = _toll_risen_to(text, words, k, code, w)
    if risen is not None:
        return risen
    cut = next((a for a, _ in _subset_spans(text.lower(), w) if a > words[k].start), len(text))
    start = _received_at(text, words, k, w)  # "Ранение по улице ... получили женщина ..."
    for j in range(start + 1, min(len(words), start + 1 + COUNT_REACH)):
        gap = text[words[j - 1].end : words[j].start]
        if (
            any(c in gap for c in ".;:!?,–—(")
            or _is_casualty(words[j].key, w)
            or words[j].start >= cut
        ):
            break
        group = _group_at(words, j, code, w, text)
        if group is not None:
            e = group[1]
            if (
                e < len(words)
                and _is_casualty(words[e].key, w)
                and not text[words[e - 1].end : words[e].start].strip()
            ) or any(_is_casualty(words[x].key, w) for x in range(j + 1, min(e, len(words)))):
                break  # "четыре погибли и 34 раненых", "є загиблі та 30 поранених": the next word's
            return group[0], j
    for j in range(k - 1, max(-1, k - 1 - 4), -1):
        gap = text[words[j].end : words[j + 1].start]
        relative = gap.strip() == "," and words[j + 1].key in w.relative_pronouns
        if (any(c in gap for c in ".;:!?,–—") and not relative) or _is_casualty(words[j].key, w):
            break  # "житель Білозерки, який постраждав": the relative clause tells of him
        if words[j].key in w.one_person and j > 0 and _number_at(words, j - 1, code) is not None:
            j -= 1  # "семь человек ... получили ранения": the number before the person word
        if _number_at(words, j, code) is not None or words[j].key in w.one_person:
            first = _list_start(words, j, code, w)  # "мужчина и женщина скончались"
            group = _group_at(words, first, code, w, text)
            if group is not None:
                return group[0], first
            return 1, j  # "47-річний водій ... отримав поранення"
    return None


_AND = frozenset({"і", "й", "та", "и"})


# Most characters between a casualty word and the "зросла до" that gives its new count.
TOLL_REACH = 90


# Most words between a wound noun and the verb that gives it to its victims.
RECEIVE_REACH = 10


def _received_at(text: str, words: Sequence[Token], k: int, w: _Words) -> int:
    """Where the victims of a wound noun start being named: after the verb that gives it to
    them when one follows in the clause ("Ранение по улице Абакумова в Кировском районе
    Донецка получили женщина ..."), else right after the noun."""
    if not _starts(words[k].key, w.wound_nouns):
        return k  # "постраждали 40 людей - 36 отримали ...": a verb names its own victims
    for r in range(k + 1, min(len(words), k + 1 + RECEIVE_REACH)):
        gap = text[words[r - 1].end : words[r].start]
        if any(c in gap for c in ".;:!?,–—(") or gap.strip() == "-":
            return k
        if _is_casualty(words[r].key, w):
            return k
        if _starts(words[r].key, w.receive):
            return r if r > k + 1 else k
    return k


def _toll_risen_to(
    text: str, words: Sequence[Token], k: int, code: LanguageCode, w: _Words
) -> tuple[int, int] | None:
    """ "кількість постраждалих унаслідок ракетного удару 4 квітня збільшилася до 75 людей":
    the count after the toll's verb, a few words after the casualty word."""
    lower = text.lower()
    after = words[k].end
    for phrase in w.toll_to:
        at = lower.find(phrase, after, after + TOLL_REACH)
        if at < 0 or any(c in lower[after:at] for c in ".;:!?"):
            continue
        j = next((n for n, t in enumerate(words) if t.start >= at + len(phrase)), None)
        if j is None or any(_is_casualty(words[n].key, w) for n in range(k + 1, j)):
            continue
        found = _number_at(words, j, code)
        if found is not None:
            return found[0], j
    return None


def _list_start(words: Sequence[Token], j: int, code: LanguageCode, w: _Words) -> int:
    """The first victim of the list that ends at token ``j`` ("чоловік і жінка")."""
    while (
        j >= 2
        and words[j - 1].key in _AND
        and (words[j - 2].key in w.one_person or _number_at(words, j - 2, code) is not None)
    ):
        j -= 2
    return j


def _is_casualty(key: str, w: _Words) -> bool:
    return _starts(key, w.killed) or _starts(key, w.injured)


def _names_victims(words: Sequence[Token], lower: str, w: _Words) -> bool:
    """Whether the sentence speaks of the dead or injured, counted or not."""
    return any(_casualty_kind(words, k, lower, w) is not None for k in range(len(words)))


def _number(counts: list[_Count], kind: str) -> Number | None:
    mine = [c for c in counts if c.kind == kind]
    if not mine:
        return None
    if len(mine) > 1 and any(c.more for c in mine[1:]):
        value = mine[0].value + sum(c.value for c in mine[1:] if c.more)
        qualifier = mine[0].qualifier
    else:
        best = max(mine, key=lambda c: c.value)
        value, qualifier = best.value, best.qualifier
    return _stated(value, qualifier)


def _stated(value: int, qualifier: str) -> Number:
    if qualifier == "at_least":
        return Number(value, "at_least", value, None)
    if qualifier == "more_than":
        return Number(value, "more_than", value + 1, None)
    if qualifier == "about":
        return Number(value, "about", None, None)
    if qualifier == "up_to":
        return Number(value, "up_to", None, value)
    return Number.exact(value)


# --- event ------------------------------------------------------------------------------


def _event(words: Sequence[Token], w: _Words) -> tuple[str, str, str | None] | None:
    """(event type, sub-event type, weapon) the sentence names, or None."""
    typed: tuple[str, str, str | None] | None = None
    generic = False
    stems = tuple(stem for stem, _, _ in w.events)
    for word in words:
        if _starts(word.key, stems):
            for stem, sub, weapon in w.events:
                if word.key.startswith(stem):
                    if sub is not None and typed is None:
                        typed = ("explosions_remote_violence", sub, weapon)
                    generic = True
        if (_starts(word.key, w.landmine) or word.key in w.landmine_forms) and typed is None:
            typed = ("explosions_remote_violence", "remote_explosive_landmine_ied", None)
    if typed is not None:
        return typed
    if any(_starts(word.key, w.battle) for word in words):
        return ("battles", "armed_clash", None)
    if generic:
        return ("explosions_remote_violence", "shelling_artillery_missile_attack", None)
    return None


def _actor(words: Sequence[Token], w: _Words, default: str | None) -> str | None:
    for word in words:
        for stem, actor in w.actors:
            if word.key.startswith(stem):
                return actor
    return default


# --- dates ------------------------------------------------------------------------------

_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:\s*(?:-|–|/)\s*(\d{1,2}))?\s+([а-яіїєґё]+)(?:\s+(\d{4}))?", re.I
)


def _date(text: str, published: dt.date | None, w: _Words) -> tuple[PartialDate | None, bool]:
    """The day a sentence dates its event and whether it is a night ("у ніч на 5 травня" is
    the night of 4-5 May, dated from its first day)."""
    lower = word_key(text)
    for m in _DAY_MONTH.finditer(lower):
        if m.group(3) not in w.month_forms:
            continue
        month = next(n for stem, n in w.months if m.group(3).startswith(stem))
        day = int(m.group(1))
        year = int(m.group(4)) if m.group(4) else _year(published, month)
        night = any(_before_day(lower[: m.start()], w).endswith(n) for n in w.night_of)
        try:
            when = dt.date(year, month, day) if year else None
        except ValueError:
            continue
        if when is not None:
            return PartialDate.from_date(when - dt.timedelta(days=1) if night else when), night
        try:  # a year with a 29 February, so that every day of the text is one
            leap = dt.date(2024, month, day) - dt.timedelta(days=1 if night else 0)
        except ValueError:
            continue
        return PartialDate(None, leap.month, leap.day), night
    if published is None:
        return None, False
    said = [(offset, night) for phrase, offset, night in w.relative if _says(lower, phrase)]
    if said:  # "вчора ввечері": the day word says which day, the time of day does not
        offset, night = min(said, key=lambda s: (s[0] == 0, said.index(s)))
        return PartialDate.from_date(published + dt.timedelta(days=offset)), night
    for stem, offset in w.relative_stems:  # "вчорашнього обстрілу"
        if re.search(rf"(?<![а-яіїєґ]){stem}", lower):
            return PartialDate.from_date(published + dt.timedelta(days=offset)), False
    for stem, weekday in w.weekdays:
        named = re.search(rf"(?<![а-яіїєґ])(?:(?:у|в|во)\s+|({_PAST})\s+){stem}", lower)
        if named:
            back = (published.weekday() - weekday) % 7 or (7 if named.group(1) else 0)
            return PartialDate.from_date(published - dt.timedelta(days=back)), False
    return None, False


def _before_day(before: str, w: _Words) -> str:
    """What comes before a date, without the weekday that names it ("у ніч проти суботи,
    2 березня")."""
    before = before.rstrip(" ,")
    head, _, last = before.rpartition(" ")
    if any(last.startswith(stem[:4]) for stem, _ in w.weekdays):
        return head.rstrip(" ,")
    return before


# "минувший понедельник", "минулої неділі": a weekday said to be past.
_PAST = r"(?:минул|минувш|прошл)[а-яіїєґ]*"


@functools.lru_cache(maxsize=1024)
def _phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![а-яіїєґ]){re.escape(phrase)}(?![а-яіїєґ])")


def _says(lower: str, phrase: str) -> bool:
    """Whether the (lower-case) sentence holds the phrase as whole words."""
    return _phrase(phrase).search(lower) is not None


def _year(published: dt.date | None, month: int) -> int | None:
    if published is None:
        return None
    return published.year - 1 if month > published.month + 1 else published.year


# --- claimants --------------------------------------------------------------------------

_CAPITALISED = re.compile(r"[А-ЯІЇЄҐЁ][а-яіїєґёʼ'’-]+")


def _person(
    words: Sequence[Token], i: int, code: LanguageCode, w: _Words
) -> tuple[str, int] | None:
    """A person's name from token ``i`` ("Олег Синєгубов", "Синєгубов") in the nominative,
    romanised; and the index after it."""
    if i >= len(words) or not _CAPITALISED.fullmatch(words[i].surface):
        return None
    parts = [words[i]]
    if i + 1 < len(words) and _CAPITALISED.fullmatch(words[i + 1].surface):
        parts.append(words[i + 1])
    given = [f for f in base_forms(parts[0].key, code) if f in w.given_names]
    if len(parts) == 1 and not given:
        return None
    names = [given[0] if given else parts[0].key]
    changed = bool(given) and given[0] != parts[0].key
    for part in parts[1:]:
        names.append(_surname(part.key) if changed else part.key)
    return " ".join(_romanised(n, code) for n in names), i + len(parts)


# Oblique endings of surnames and their nominatives, longest first: genitive, then dative.
_SURNAME_CASES = (
    ("ого", "ий"), ("ому", "ий"), ("ої", "а"), ("ой", "ая"), ("ова", "ов"), ("ову", "ов"),
    ("ева", "ев"), ("еву", "ев"), ("єва", "єв"), ("єву", "єв"), ("іна", "ін"), ("іну", "ін"),
    ("ина", "ин"), ("ину", "ин"), ("ові", ""), ("ка", "ко"), ("ку", "ко"), ("а", ""), ("у", ""),
)  # fmt: skip


def _surname(key: str) -> str:
    """The nominative of a surname whose given name was in an oblique case ("Синєгубова",
    dative "Олегу Кіперу")."""
    for oblique, nominative in _SURNAME_CASES:
        if key.endswith(oblique) and len(key) > len(oblique) + 2:
            return key[: len(key) - len(oblique)] + nominative
    return key


def _romanised(key: str, code: LanguageCode) -> str:
    forms = sorted(transliterate_cyrillic(key))
    if not forms:
        return key.title()
    if code == "uk":  # KMU-2010 is the one without Russian-only letters
        from sitrep.extract._gazetteer import _ukrainian_to_latin

        form = _ukrainian_to_latin(key)
    else:
        form = min(forms, key=len)
    return "-".join(p.capitalize() for p in form.split("-"))


def _claimant(text: str, words: Sequence[Token], code: LanguageCode, w: _Words) -> Claimant | None:
    """Who the sentence says tells it: a titled person ("голова Харківської ОВА Олег
    Синєгубов"), a person before or after a speech verb, or a body ("ДСНС", "Минобороны РФ")."""
    lower = word_key(text)
    speaks = any(_starts(word.key, w.speech) for word in words) or any(
        p in lower for p in w.according
    )
    body = _body(lower, w)
    for i in range(len(words)):
        title = next(
            (
                t
                for t in w.titles_by_first.get(words[i].key, ())
                if [x.key for x in words[i : i + len(t.split())]] == t.split()
            ),
            None,
        )
        if title is None:
            continue
        j = i + len(title.split())
        for k in range(j, min(len(words), j + 6)):  # "голова Харківської ОВА Олег Синєгубов"
            person = _person(words, k, code, w)
            if person is not None and (
                any(f in w.given_names for f in base_forms(words[k].key, code))
                or (words[k - 1].key in w.authorities and " " in person[0])
            ):  # a given name, or two names after the office ("ОВА Віалій Кім", misspelt)
                role = w.roles.get(title, body[1] if body else None)
                return Claimant(person[0], role, _channel(lower), body[2] if body else None)
    if speaks:
        for i, word in enumerate(words):
            if _body(word.key, w) is not None:
                continue  # "повідомила Поліція Дніпропетровської області": a body, capitalised
            if _after_according(words, i, w) and (surname := _surname_alone(words, i, code)):
                return Claimant(surname, body[1] if body else None, _channel(lower), None)
            if word.key in w.given_names or (
                i > 0 and any(words[i - 1].key.startswith(s) for s in w.speech)
            ):
                person = _person(words, i, code, w)
                if person is not None and (word.key in w.given_names or len(person[0].split()) > 1):
                    return Claimant(
                        person[0],
                        body[1] if body else None,
                        _channel(lower),
                        body[2] if body else None,
                    )
    if body is not None and (speaks or len(words) < 12):
        return Claimant(body[0], body[1], _channel(lower), body[2])
    return None


def _after_according(words: Sequence[Token], i: int, w: _Words) -> bool:
    """Whether word ``i`` follows "за словами" / "по словам" (whose words they are)."""
    return i >= 2 and f"{words[i - 2].key} {words[i - 1].key}" in w.words_of


def _surname_alone(words: Sequence[Token], i: int, code: LanguageCode) -> str | None:
    """A capitalised surname alone in the genitive ("За словами Григорова"), in the nominative."""
    word = words[i]
    if not _CAPITALISED.fullmatch(word.surface) or (
        i + 1 < len(words) and words[i + 1].capitalised
    ):
        return None
    return _romanised(_surname(word.key), code)


def _of_oblast(doc: Document, sent: Sentence, claimant: Claimant | None) -> Claimant | None:
    """A regional body with the oblast its sentence names ("Херсонської ОВА": Kherson Oblast
    Military Administration; "поліція Харківської області": Kharkiv Oblast Police), else the
    one oblast the whole article's places lie in ("пресслужба обласної прокуратури")."""
    if claimant is None or _is_person(claimant):
        return claimant
    oblasts = {
        m.place.admin1 for m in doc.places
        if m.sentence == sent.index and m.place.precision == "oblast"
    } or {m.place.admin1 for m in doc.places if m.place.precision != "country"}  # fmt: skip
    if len(oblasts) != 1 or None in oblasts:
        return claimant
    oblast = str(next(iter(oblasts)))
    if claimant.name.startswith(_REGIONAL):
        return replace(claimant, name=f"{oblast} {_title(claimant.name.removeprefix(_REGIONAL))}")
    if claimant.role == "police" and claimant.side == "Ukraine":
        return replace(claimant, name=f"{oblast} Police")
    return claimant


_REGIONAL = "regional "


def _title(words: str) -> str:
    return " ".join(p[:1].upper() + p[1:] for p in words.split())


@cache
def _oblast_bodies() -> tuple[str, ...]:
    """The endings of a regional body named with its oblast ("… Oblast Police")."""
    regional = {_title(n.removeprefix(_REGIONAL)) for n in _body_names() if n.startswith(_REGIONAL)}
    return tuple(f" Oblast {body}" for body in sorted(regional | {"Police"}))


def _body(lower: str, w: _Words) -> tuple[str, str, str | None] | None:
    """The body named first in the sentence (the longest form where two start together)."""
    m = _bodies(w.claimants).search(lower)
    if m is None:
        return None
    form = m.group(1)
    return next((name, role, side) for f, name, role, side in w.claimants if f == form)


@cache
def _bodies(claimants: tuple[tuple[str, str, str, str | None], ...]) -> re.Pattern[str]:
    forms = "|".join(re.escape(row[0]) for row in claimants)  # longest first, as sorted
    return re.compile(rf"(?<![а-яіїєґa-z])({forms})")


def _channel(lower: str) -> str | None:
    return "Telegram" if "telegram" in lower or "телеграм" in lower else None


# --- the stage --------------------------------------------------------------------------


def _evidence(doc: Document, sent: Sentence) -> Evidence:
    text = doc.article.text[sent.start : sent.end]
    return Evidence(line=sent.line, start=sent.start, end=sent.end, text=text, sentence=sent.index)


_AUTHORITY_AFTER = re.compile(
    r"^\s*(?:ОВА|ОДА|ВГА|ОГА|МВА|РВА|обласн|областн|військов|военн|поліц|полиц|прокурат|ДСНС|ГСЧС|"
    r"(?:міськ|городск)(?!\w*\s+(?:округ|окруз))|рад[аиі]|совет)",  # not "городском округе"
    re.I,
)
_RANK = {"district": 0, "settlement": 0, "raion": 1, "oblast": 2, "country": 3}


_ADMINISTRATION = re.compile(
    r"(?<![А-ЯІЇЄҐа-яіїєґ])(?:ОВА|ОДА|ВГА|ОГА|МВА|РВА)(?![А-ЯІЇЄҐа-яіїєґ])"
)
# What follows a dateline's city: a date, or nothing (the city alone as its sentence).
_DATELINE = re.compile(r"[.,]\s*(?:\d{1,2}\s+[А-ЯІЇЄҐа-яіїєґ]+|$)")


def _is_authority(text: str, m: PlaceMention, w: _Words) -> bool:
    """Whether a mention names a speaker's office, not where something happened: "голова
    Харківської ОВА", "губернатора Белгородской области", "Запорізька ОДА"."""
    if _AUTHORITY_AFTER.match(text[m.end :]) or _ADMINISTRATION.search(m.surface):
        return True
    if m.start == 0 and (
        (m.surface.isupper() and text[m.end : m.end + 1] == ",") or _DATELINE.match(text[m.end :])
    ):
        return True  # a dateline: "БЕЛГОРОД, 18 декабря. /ТАСС/.", "Москва. 19 февраля."
    before = word_key(text[: m.start]).rstrip()
    return any(  # "мэр города Суджа" is an office, "жительница города Суджа" no title
        before.endswith(title) and not before[: len(before) - len(title)][-1:].isalpha()
        for title in w.title_keys
    )


def _event_place(doc: Document, sent: Sentence, w: _Words) -> PlaceMention | None:
    """The most specific place of the sentence that is not an authority's seat ("голова
    Харківської ОВА")."""
    mine = [
        m for m in doc.places
        if m.sentence == sent.index and not _is_authority(sent.text, m, w)
        and m.place.precision != "country"
    ]  # fmt: skip
    if not mine:
        return None
    return min(mine, key=lambda m: (_RANK.get(m.place.precision, 3), m.start))


# Sentences either side whose place a placeless report of an attack takes.
PLACE_REACH = 2


def _nearby_place(
    doc: Document, sents: list[Sentence], i: int, w: _Words, untold: frozenset[int]
) -> Place | None:
    """The place of the nearest sentence before (then after) ``i`` that names one where
    something can happen: "Дрон пытался атаковать губернатора ... «В Грайвороне ...»".
    A tally or an alert (``untold``) lends none, nor does a round-up of several oblasts:
    its toll is theirs together."""
    if _names_the_city(sents[i].text, w):  # "ударів по місту": the town told of last
        for j in range(i - 1, -1, -1):
            mention = _event_place(doc, sents[j], w)
            if mention is not None and mention.place.precision == "settlement" and j not in untold:
                return _as_written(mention)
    order = [
        *range(i - 1, max(-1, i - 1 - PLACE_REACH), -1),
        *range(i + 1, min(len(sents), i + 1 + PLACE_REACH)),
    ]
    for j in order:
        if sents[j].paragraph != sents[i].paragraph and abs(j - i) > 1:
            continue
        if _rounds_up_oblasts(doc, sents[j], w):
            return None
        if j in untold:
            continue
        mention = _event_place(doc, sents[j], w)
        if mention is not None:
            return _as_written(mention)
    return None


def _names_the_city(text: str, w: _Words) -> bool:
    lower = word_key(text)
    return any(_says(lower, p) for p in w.the_city)


def _rounds_up_oblasts(doc: Document, sent: Sentence, w: _Words) -> bool:
    """Whether the sentence names several oblasts where things happened and nothing finer:
    "російські війська атакували Донецьку, Запорізьку та Харківську області"."""
    mine = [
        m.place for m in doc.places
        if m.sentence == sent.index and not _is_authority(sent.text, m, w)
        and m.place.precision != "country"
    ]  # fmt: skip
    return all(p.precision == "oblast" for p in mine) and len({p.admin1 for p in mine}) > 1


def _lists_towns(doc: Document, sent: Sentence, w: _Words) -> bool:
    """Whether the sentence names several towns in one list ("атак окупантів на Херсон,
    Антонівку та Білозерку"): a toll it gives is theirs together."""
    towns = sorted(
        (
            m for m in doc.places
            if m.sentence == sent.index and m.place.precision == "settlement"
            and not _is_authority(sent.text, m, w)
        ),
        key=lambda m: m.start,
    )  # fmt: skip
    return any(
        a.place.id != b.place.id and _LIST_GAP.fullmatch(sent.text[a.end : b.start])
        for a, b in itertools.pairwise(towns)
    )


# Between two names of one list: a comma, "та", "і", "и", "а также".
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:та|і|й|и|а також|а также))\s+(?:(?:у|в|на)\s+)?", re.I)


def _totals_a_round_up(doc: Document, sents: list[Sentence], i: int, w: _Words) -> bool:
    """Whether placeless sentence ``i`` follows a round-up of oblasts or towns in its paragraph."""
    before = sents[i - 1] if i > 0 else None
    return (
        before is not None
        and before.paragraph == sents[i].paragraph
        and (_rounds_up_oblasts(doc, before, w) or _lists_towns(doc, before, w))
    )


def _as_written(mention: PlaceMention | None) -> Place | None:
    """The mention's place with the form the text used ("Харкові" for Kharkiv)."""
    return None if mention is None else replace(mention.place, text=mention.surface)


def _toll_told_next(
    doc: Document, report: Report, sent: Sentence, after: Sentence, code: LanguageCode, w: _Words
) -> Report:
    """'Возросло количество пострадавших. Сейчас медики сообщают о 7 человек': a toll said
    to rise with no number, and the next sentence counts people without naming them, is
    that toll."""
    words = tokens(sent.text)
    if not any(t.key in w.toll_rose for t in words):
        return report
    lower = sent.text.lower()
    kinds = {_casualty_kind(words, k, lower, w) for k in range(len(words))}
    if kinds not in ({"killed"}, {"injured"}, {"killed", None}, {"injured", None}):
        return report
    injured = "injured" in kinds
    if (report.injured if injured else report.killed) is not None:
        return report
    nexts = tokens(after.text)
    if _names_victims(nexts, after.text.lower(), w):
        return report  # the next sentence has its own casualty words
    for j in range(len(nexts) - 1):
        found = _number_at(nexts, j, code)
        if found is None or not _starts(
            nexts[found[1]].key if found[1] < len(nexts) else "", w.people
        ):
            continue  # a number of people: "о 7 человек", "вже 12 людей"
        count = _stated(found[0], _qualifier(after.text.lower(), nexts[j].start, w))
        evidence = (*report.evidence, _evidence(doc, after))
        if injured:
            return replace(report, injured=count, evidence=evidence)
        return replace(report, killed=count, evidence=evidence)
    return report


def _adds_to(before: Report, report: Report, sent: Sentence, w: _Words) -> bool:
    """Whether the sentence counts victims beside those of the report just before it ("Серед
    постраждалих вагітна жінка. Ще троє людей ... госпіталізовані"): it opens with "ще"."""
    return (
        word_key(sent.text).split(" ", 1)[0] in w.more
        and before.evidence[-1].sentence == sent.index - 1
        and bool(before.killed or before.injured)
        and bool(report.killed or report.injured)
        and (report.place is None or report.place == before.place)
    )


def _added(before: Report, report: Report) -> Report:
    return replace(
        before,
        killed=_sum(before.killed, report.killed),
        injured=_sum(before.injured, report.injured),
        evidence=(*before.evidence, *report.evidence),
    )


def _sum(a: Number | None, b: Number | None) -> Number | None:
    if a is None or b is None or a.value is None or b.value is None:
        return a or b
    return _stated(
        a.value + b.value, "exact" if a.qualifier == b.qualifier == "exact" else "at_least"
    )


def _tells_no_event(sents: list[Sentence], i: int, w: _Words) -> bool:
    """A tally, its continuation, or an alert, a habit or mourning: no event's sentence."""
    lower = word_key(sents[i].text)
    return _is_tally(lower, w) or _goes_on_tallying(sents, i, w) or _only_alert(lower, w)


def _goes_on_tallying(sents: list[Sentence], i: int, w: _Words) -> bool:
    """Whether sentence ``i`` adds to the tally before it in its paragraph ("Более 200
    жителей погибли за время СВО. Еще свыше 1,1 тысячи человек ранены")."""
    if i == 0 or sents[i - 1].paragraph != sents[i].paragraph:
        return False
    lower = word_key(sents[i].text)
    adds = lower.split(" ", 1)[0] in w.more or any(lower.startswith(p) for p in w.list_also)
    return adds and _is_tally(word_key(sents[i - 1].text), w)


def _is_tally(lower: str, w: _Words) -> bool:
    return any(t in lower for t in w.tallies)


# "у"/"в"/"на" between a count and the place it is shared out to.
_SHARE_PREPOSITIONS = frozenset({"у", "в", "во", "на"})


def _shared_out(
    doc: Document, sent: Sentence, words: Sequence[Token], counts: list[_Count], code: LanguageCode
) -> list[tuple[PlaceMention, list[_Count]]]:
    """A total shared out among places after a colon ("вбили 3 мирних мешканців Донеччини:
    2 у Богородичному і 1 у Кераміку"): each place with its own part as the count."""
    kinds = {c.kind for c in counts}
    colon = sent.text.find(":")
    if len(kinds) != 1 or colon < 0:
        return _clause_parts(doc, sent, counts)
    kind = kinds.pop()
    mentions = {m.start: m for m in doc.places if m.sentence == sent.index}
    parts = _clause_parts(doc, sent, counts)
    if parts:
        return parts
    parts = []
    for j, word in enumerate(words[:-2]):
        if word.start < colon:
            continue
        found = _number_at(words, j, code)
        if found is None or found[1] != j + 1 or words[j + 1].key not in _SHARE_PREPOSITIONS:
            continue
        mention = mentions.get(words[j + 2].start)
        if mention is not None:
            parts.append((mention, [_Count(kind, found[0], "exact", False)]))
    return parts


def _clause_parts(
    doc: Document, sent: Sentence, counts: list[_Count]
) -> list[tuple[PlaceMention, list[_Count]]]:
    """A sentence that moves from town to town, each clause with its own toll ("В Курахово
    убили мужчину, еще один человек ранен, а в Покровске - четверо погибших и 34 раненых"):
    each town with the counts of its clause.  Empty unless two towns have counts."""
    mine = sorted(
        (m for m in doc.places if m.sentence == sent.index and m.place.precision in _SPECIFIC),
        key=lambda m: m.start,
    )
    starts: list[tuple[int, PlaceMention]] = []
    for m in mine:
        if starts and m.place == starts[-1][1].place:
            continue
        cut = _clause_before(sent.text, m.start)
        if starts and cut is None:
            return []  # two towns in one clause ("у Сумах і Харкові"): not shared out
        starts.append((0 if not starts else cut or 0, m))
    if len(starts) < 2:
        return []
    parts = []
    for n, (begin, mention) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(sent.text)
        own = [c for c in counts if begin <= c.start < end or (n == 0 and c.start < begin)]
        parts.append((mention, own))
    if sum(1 for _, own in parts if own) < 2:
        return []
    return [(m, own) for m, own in parts if own]


def _clause_before(text: str, at: int) -> int | None:
    """Where the clause holding offset ``at`` begins, when a clause break stands in the few
    words before it ("..., а в Покровске"); None when the place is mid-clause."""
    head = text[max(0, at - 12) : at]
    m = re.search(
        r"(?:[,;]\s*(?:а|і|и|та)?\s*|\s[–—-]\s*)(?:(?:у|в|во|на)\s+)?(?:(?:місті|городе|селі|селе|смт|с\.|м\.|г\.)\s+)?$",
        head,
    )
    return None if m is None else max(0, at - 12) + m.start()


def _shared_parts(doc: Document, sent: Sentence, first: Report, code: LanguageCode) -> list[Report]:
    """The report of each place after the first a shared-out total names."""
    words = tokens(sent.text)
    counts = _counts(sent.text, words, code, _words(code))
    out = []
    for mention, own in _shared_out(doc, sent, words, counts, code)[1:]:
        out.append(
            replace(
                first,
                place=_as_written(mention),
                killed=_number(own, "killed"),
                injured=_number(own, "injured"),
            )
        )
    return out


def _injured_who_died(counts: list[_Count], lower: str, w: _Words) -> list[_Count]:
    """ "Двох постраждалих ... не вдалося врятувати": the injured the sentence counts are its
    dead when it says they died of their wounds and counts no dead of its own; when it does,
    an injured count as large is the same people ("не вдалося врятувати життя двох людей,
    які зазнали поранень")."""
    if not any(p in lower for p in w.died_of_wounds):
        return counts
    dead = {c.value for c in counts if c.kind == "killed"}
    if not dead:
        return [replace(c, kind="killed") if c.kind == "injured" else c for c in counts]
    return [c for c in counts if not (c.kind == "injured" and c.value in dead)]


def _without_stress(
    counts: list[_Count], lower: str, code: LanguageCode, w: _Words
) -> list[_Count]:
    """Without those who had an acute stress reaction, who are no injured: a count whose own
    clause says so ("дівчинка, яка зазнала гострої реакції на стрес") goes, and people counted
    with it in a clause of their own are taken from the one injured total before them
    ("постраждали 57 пацієнтів - 51 людина отримала гостру реакцію на стрес": 6)."""
    stress = [m.start() for p in w.stress for m in p.finditer(lower)]
    if not stress or not counts:
        return counts
    starts = sorted(c.start for c in counts)
    stressed = {
        id(c) for c in counts
        if c.kind == "injured" and any(c.start < at < _clause_end(lower, c.start, starts, w) for at in stress)
    }  # fmt: skip
    kept = [c for c in counts if id(c) not in stressed]
    injured = [c for c in kept if c.kind == "injured"]
    apart = sum(_stressed_people(lower, at, code, w) for at in stress)
    if stressed or not injured or apart <= 0:
        return kept
    total = max(injured, key=lambda c: c.value)
    rest = sum(c.value for c in injured if c is not total)
    if rest and total.value == apart + rest:  # "57 ... - 51 ... стрес, ще шестеро - поранені"
        return [c for c in kept if c is not total]
    if not rest and apart < total.value:
        return [replace(c, value=total.value - apart) if c is total else c for c in kept]
    return kept


def _stressed_people(lower: str, at: int, code: LanguageCode, w: _Words) -> int:
    """How many of those counted before the clause that ends in a stress reaction at ``at``
    it counts (0 if none, or if they are more: "ще двоє отримали гостру реакцію на стрес")."""
    begin = max((m.end() for m in _CLAUSE_BREAK.finditer(lower, 0, at)), default=0)
    words = tokens(lower[begin:at])
    if words and words[0].key in w.more:
        return 0
    for j in range(len(words)):
        found = count_at(words, j, code)
        if found is not None:
            return found[0]
    return 0


def _clause_end(lower: str, start: int, starts: list[int], w: _Words) -> int:
    """Where the clause of a count at ``start`` ends: at the next count, or at a comma or dash
    that no relative clause about the counted follows ("дівчинка, яка зазнала ...")."""
    end = next((s for s in starts if s > start), len(lower))
    for m in _CLAUSE_BREAK.finditer(lower, start, end):
        if lower[m.end() :].split(" ", 1)[0] not in w.relative_pronouns:
            return m.start()
    return end


_CLAUSE_BREAK = re.compile(r"\s*[,;–—-]\s+")


def _idioms_read(text: str, w: _Words) -> str:
    """The sentence with each casualty idiom as its plain word, and times and numeric dates as
    blanks, padded to their length so that offsets stay: "Травми, несумісні із життям, отримав
    55-річний чоловік" counts him dead, "на 21:30 ... обратились три человека" three."""
    for word, pattern in w.idioms:
        text = pattern.sub(functools.partial(_padded, word), text)
    return _CLOCK.sub(functools.partial(_padded, ""), text)


# A time or a numeric date ("станом на 21:30", "17.02.2024"): no count of anyone.
_CLOCK = re.compile(r"(?<![\d.:])(?:\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4})(?![\d:])")


def _padded(word: str, m: re.Match[str]) -> str:
    return word.ljust(len(m.group()))


def _only_alert(lower: str, w: _Words) -> bool:
    """Whether the sentence tells of an alert, a threat or mourning ("оголошено повітряну
    тривогу"), not of a strike made during one ("під час повітряної тривоги ... атакувала")."""
    for phrase in w.during_alert:
        lower = lower.replace(phrase, " ")
    return any(p in lower for p in w.not_event)


def _sentence_report(doc: Document, sent: Sentence, code: LanguageCode, w: _Words) -> Report | None:
    words = tokens(sent.text)
    lower = word_key(sent.text)
    plain = _idioms_read(sent.text, w)
    counts = _injured_who_died(_counts(plain, tokens(plain), code, w), lower, w)
    counts = _without_stress(counts, plain.lower(), code, w)
    event = _event(words, w)
    victims_placed = event is None and not counts and _names_victims(words, lower, w)
    if event is None and not counts and not victims_placed:
        return None
    if _is_tally(lower, w) or (not counts and _only_alert(lower, w)):
        return None
    if _rounds_up_oblasts(doc, sent, w):
        return None  # a round-up of several oblasts: its towns, if named, are told apart
    mention = _event_place(doc, sent, w)
    shared = _shared_out(doc, sent, words, counts, code)
    if shared:  # "вбили 3 мирних мешканців: 2 у Богородичному і 1 у Кераміку"
        mention, counts = shared[0]
    elif counts and _lists_towns(doc, sent, w):
        counts = []  # "на Херсон, Антонівку та Білозерку ... постраждало шестеро": all three
    if mention is None and counts and any(_says(lower, p) for p in w.unnamed_region):
        return None  # "Еще семь человек в области получили ранения": the oblast's, no town's
    if event is None and mention is None and not counts:
        return None
    if victims_placed and (mention is None or mention.place.precision not in _SPECIFIC):
        return None  # "Все погибшие проживали в Красногоровке" places the victims counted before
    date, _night = _date(sent.text, doc.article.published, w)
    if _only_alert(lower, w):
        date = None  # "6 квітня оголосили день жалоби за 19 загиблими": the mourning's day
    # no event cue: the type is unknown, as in the English reader (merging takes the type
    # from a sentence that names the event)
    kind, sub, weapon = event or (UNKNOWN_TYPE, UNKNOWN_TYPE, None)
    published = PartialDate.from_date(doc.article.published) if doc.article.published else None
    return Report(
        article_id=doc.article.id,
        date=date,
        place=_as_written(mention),
        event_type=kind,
        sub_event_type=sub,
        evidence=(_evidence(doc, sent),),
        extractor=NAME,
        killed=_number(counts, "killed"),
        injured=_number(counts, "injured"),
        weapon=weapon,
        actor=_actor(words, w, "Russian forces" if code == "uk" else None),
        claimant=_claimant(sent.text, words, code, w),
        typed=event is not None,
        as_of=published,
    )


_SPECIFIC = frozenset({"settlement", "district"})


@cache
def _body_names() -> frozenset[str]:
    return frozenset(row[1] for code in ("uk", "ru") for row in vocabulary(code).rows("claimants"))


def _is_person(claimant: Claimant) -> bool:
    """A person the reader named (given name and surname), not a body of the vocabulary
    (nor one named with its oblast)."""
    return claimant.name not in _body_names() and not claimant.name.endswith(_oblast_bodies())


def _summaries_dropped(reports: list[Report]) -> list[Report]:
    """Without the oblast- or raion-wide sentences ("ворог обстріляв Харківщину, є загиблі",
    "двоє цивільних постраждали в Сумській області") when the article goes on to name the
    towns (or, for an oblast, the districts) of that oblast that were hit: they sum up those
    reports, or count nobody."""
    out = list(reports)
    for summary in reports:
        if summary.place is None or summary.place.precision in _SPECIFIC or summary not in out:
            continue  # a district's report already told with its oblast's is not told again
        if not any(_is_finer(r, summary) for r in reports):
            if not (summary.killed or summary.injured) and any(
                _finer_place(r, summary) for r in reports
            ):
                out.remove(summary)  # towns elsewhere were hit; this oblast counts nobody
            continue  # nothing finer in its oblast: its own report
        out.remove(summary)
        hits = [k for k, r in enumerate(out) if _is_town_of(r, summary)] or [
            k for k, r in enumerate(out) if _is_finer(r, summary)
        ]  # towns first; an oblast's districts where it names no town
        after = [k for k in hits if out[k].evidence[0].sentence > summary.evidence[0].sentence]
        if len({out[k].place for k in hits}) == 1:  # one town: the summary tells of it
            out[hits[0]] = _told_of_town(out[hits[0]], summary)
        elif after and not (out[after[0]].killed or out[after[0]].injured):
            out[after[0]] = _told_of_town(out[after[0]], summary)  # "... проживали в X"
    return sorted(out, key=lambda r: r.evidence[0].sentence)


# How fine a place is: a summary gives way to the reports finer than it in its oblast.
_FINENESS = {"district": 0, "settlement": 0, "raion": 1, "oblast": 2, "country": 3}


def _finer_place(report: Report, summary: Report) -> bool:
    return (
        report.place is not None
        and summary.place is not None
        and _FINENESS[report.place.precision] < _FINENESS[summary.place.precision]
    )


def _is_finer(report: Report, summary: Report) -> bool:
    """Whether the report's place lies inside the summary's, finer (a raion's towns are its
    own: "Пологівський район" sums up no village of Vasylivka Raion)."""
    return (
        _finer_place(report, summary)
        and report.place is not None
        and summary.place is not None
        and report.place.admin1 == summary.place.admin1
        and (summary.place.precision != "raion" or report.place.admin2 == summary.place.admin2)
    )


def _is_town_of(report: Report, summary: Report) -> bool:
    return (
        _is_finer(report, summary)
        and report.place is not None
        and report.place.precision in _SPECIFIC
    )


def _told_of_town(town: Report, summary: Report) -> Report:
    """The one town's report with what the oblast-wide sentence adds ("2 августа ... погибли
    четыре жителя Донецкой области. Все погибшие проживали в Красногоровке")."""
    return replace(
        town,
        date=town.date or summary.date,
        killed=town.killed or summary.killed,
        injured=town.injured or summary.injured,
        claimant=town.claimant or summary.claimant,
        evidence=tuple(sorted({*summary.evidence, *town.evidence}, key=lambda e: e.sentence)),
    )


def extract_cyrillic_reports(doc: Document, settings: Settings) -> Document:
    """Stage (for ``doc.language`` ``uk`` or ``ru``): every sentence-level report."""
    code: LanguageCode = doc.language
    w = _words(code)
    sents = [s for s in doc.sentences if not s.boilerplate and s.repeat_of is None]
    reports: list[Report] = []
    claimants = [_of_oblast(doc, s, _claimant(s.text, tokens(s.text), code, w)) for s in sents]
    first = next((c for c in claimants if c is not None), None)
    person = next((c for c in claimants if c is not None and _is_person(c) and c.role), None)
    made = [
        None if _goes_on_tallying(sents, i, w) else _sentence_report(doc, sent, code, w)
        for i, sent in enumerate(sents)
    ]
    untold = frozenset(i for i, sent in enumerate(sents) if _tells_no_event(sents, i, w))
    for i, sent in enumerate(sents):
        report = made[i]
        if report is None:
            continue
        if i + 1 < len(sents):
            report = _toll_told_next(doc, report, sent, sents[i + 1], code, w)
        if reports and _adds_to(reports[-1], report, sent, w):
            reports[-1] = _added(reports[-1], report)  # before a place is borrowed for it
            continue
        if report.place is None and _totals_a_round_up(doc, sents, i, w):
            continue  # "...атакували Донецьку, Запорізьку та Харківську області. Загинули п'ятеро"
        if report.place is None:
            report = replace(report, place=_nearby_place(doc, sents, i, w, untold))
        if report.claimant is None and (report.killed or report.injured or i == 0 or sent.is_title):
            near = [claimants[j] for j in range(i + 1, min(len(sents), i + 1 + ATTRIBUTION_REACH))]
            near += [claimants[j] for j in range(i - 1, max(-1, i - 2), -1)]
            found = next((c for c in near if c is not None), first)
            report = replace(report, claimant=found)
        if person is not None and report.claimant is not None and not _is_person(report.claimant):
            report = replace(report, claimant=person)  # the official the body speaks through
        reports.append(report)
        reports.extend(_shared_parts(doc, sent, report, code))
    if _leads_with_a_tally(sents, doc.article.published, w):
        return replace(doc, reports=())
    reports = _lead_dated(_nights_dated(reports, sents, doc.article.published, w), sents, doc, w)
    return replace(doc, reports=tuple(_died_of_wounds(_summaries_dropped(reports), w)))


def _nights_dated(
    reports: list[Report], sents: list[Sentence], published: dt.date | None, w: _Words
) -> list[Report]:
    """A night told only as "цієї ночі" (dated from its first day) is the night before the
    day another report of that place dates ("Вночі та зранку середи, 22 жовтня"): that day,
    so that the two tell one attack."""
    by_index = {s.index: s for s in sents}
    relative = {
        k for k, r in enumerate(reports)
        if r.date is not None and _night_said_relatively(by_index[r.evidence[0].sentence].text, published, w)
    }  # fmt: skip
    out = list(reports)
    for k in relative:
        date = out[k].date
        assert date is not None
        later = next(
            (
                r.date for j, r in enumerate(reports)
                if j not in relative and r.date is not None and _same_place_of(r, out[k])
                and _next_day(date, r.date)
            ),
            None,
        )  # fmt: skip
        if later is not None:
            out[k] = replace(out[k], date=later)
    return out


# Sentences at the top of an article whose date dates the article's undated reports.
LEAD_DATE_SENTENCES = 3
# Most words of a dateline ("14 квітня, 16:14", "17.02.2024, Понеділок").
DATELINE_WORDS = 6


def _lead_dated(
    reports: list[Report], sents: list[Sentence], doc: Document, w: _Words
) -> list[Report]:
    """Undated reports take the day the article's lead gives ("Унаслідок ракетного обстрілу 16
    грудня загинули 5 людей" ... "У Кривому Розі ... зруйновано під'їзд"; "Минувший понедельник
    стал для Погарского района ... тяжелым"), not the publication day."""
    published = doc.article.published
    lead = next(
        (
            d
            for s in sents[:LEAD_DATE_SENTENCES]
            if (_event(tokens(s.text), w) is not None or len(tokens(s.text)) > DATELINE_WORDS)
            and not _only_alert(word_key(s.text), w)
            and (d := _date(s.text, published, w)[0]) is not None
        ),
        None,
    )  # a strike's sentence: no dateline ("14 квітня, 16:14"), no day of mourning
    if lead is None:
        return reports
    dated = {r.place.id for r in reports if r.date is not None and r.place is not None}
    return [
        replace(r, date=lead, date_inferred=True)
        if r.date is None and r.place is not None and r.place.id not in dated
        else r
        for r in reports
    ]  # a placeless report, or one with a dated twin, is dated as it merges


def _night_said_relatively(text: str, published: dt.date | None, w: _Words) -> bool:
    lower = word_key(text)
    if any(m.group(3) in w.month_forms for m in _DAY_MONTH.finditer(lower)):
        return False
    return _date(text, published, w)[1]


def _same_place_of(a: Report, b: Report) -> bool:
    return a.place is not None and b.place is not None and a.place.id == b.place.id


def _next_day(day: PartialDate, later: PartialDate) -> bool:
    first, second = day.to_date(), later.to_date()
    return first is not None and second is not None and (second - first).days == 1


def _died_of_wounds(reports: list[Report], w: _Words) -> list[Report]:
    """ "Поранені двоє чоловіків ... один із чоловіків помер від отриманих травм": the dead
    were among the injured another sentence counted, so that count loses them (killed 1,
    injured 1).  Only where one report of the article counts more injured than died."""
    out = list(reports)
    for died in reports:
        if died.killed is None or died.killed.value is None:
            continue
        text = word_key(" ".join(e.text for e in died.evidence))
        if not any(p in text for p in w.died_of_wounds):
            continue
        k = died.killed.value
        hurt = [
            n for n, r in enumerate(out)
            if r is not died and r.injured is not None and r.injured.value is not None
            and r.injured.value > k and (r.place is None or died.place is None or r.place == died.place)
        ]  # fmt: skip
        if len(hurt) == 1:
            r = out[hurt[0]]
            assert r.injured is not None and r.injured.value is not None
            out[hurt[0]] = replace(r, injured=_stated(r.injured.value - k, r.injured.qualifier))
    return out


# Sentences at the head of an article (title and lead) that say what it is about.
LEAD_SENTENCES = 2


def _leads_with_a_tally(sents: list[Sentence], published: dt.date | None, w: _Words) -> bool:
    """An article whose title or lead gives a total since the invasion ("Від початку
    вторгнення загинуло 177 дітей", "2025 рік став найважчим від початку війни") or a
    court's verdict reports no new incident: its counts are the tally's, or the past
    strike's.  Not where a dated strike comes first ("масований удар по Львову в ніч на 5
    жовтня. Це була найбільша атака за весь час війни")."""
    lead = sents[:LEAD_SENTENCES]
    if any(v in word_key(s.text) for s in lead for v in w.verdicts):
        return True  # "суд признал виновным ...": a verdict on a past strike
    for n, sent in enumerate(lead):
        if _is_tally(word_key(sent.text), w):
            return not any(_dated_event(s, published, w) for s in lead[:n])
    return False


def _dated_event(sent: Sentence, published: dt.date | None, w: _Words) -> bool:
    return (
        _event(tokens(sent.text), w) is not None and _date(sent.text, published, w)[0] is not None
    )
