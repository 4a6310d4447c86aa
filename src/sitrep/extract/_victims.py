"""How many people a victim noun phrase names.

``count_victims("a mother, her two children and a volunteer")`` is 4: the
phrase is split into conjuncts, each counted on its own and summed.  A
conjunct counts by the number it starts with ("two children", "all
three"), as one person when it is a singular person noun with its
modifiers ("a 73-year-old man", "the head of the community", "his wife")
or a personal name ("grain businessman Oleksiy Vadaturskyi"), as two for a
couple, and not at all when it is plural without a number ("civilians")
or a group ("a family", unless "a family of four").

Commas join conjuncts only in a list that ends with "and" ("A, B and C");
otherwise what follows a comma is an apposition that adds nobody
("Yurii Prylypko, the head of the community"), and so is a full name after
a common noun inside such a list ("the head, Ivan Koval, and his deputy" = 2).
"Together with", "along with" and "with her" join like "and"; "both A and
B" is two.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from sitrep.extract._gazetteer import load_gazetteer, normalise_name
from sitrep.extract._numbers import CountMention, find_counts, qualify
from sitrep.lang import vocabulary
from sitrep.model import Number, Qualifier

__all__ = ["VictimCount", "count_victims", "is_person_noun", "is_person_word"]

Direction = Literal["left", "right"]


def _lexicon(name: str) -> frozenset[str]:
    """The English word list ``name`` (data/lang/en/vocabulary.json)."""
    return frozenset(vocabulary("en").words(name))


_SINGULAR = _lexicon("victim_singular")
_IRREGULAR_PLURAL = _lexicon("victim_irregular_plural")
# Nouns that end like a person noun ("-er", "-or", "-ist", "-ian", "-man") but name no person.
_NOT_PERSON = _lexicon("victim_not_person")
_PERSON_SUFFIX = re.compile(r"^[a-z]{3,}(?:er|or|ist|ian|man|woman)$")
_DETERMINER = _lexicon("victim_determiner")
_PRE_COUNT = _lexicon("victim_pre_count")
_COLLECTIVE = _lexicon("victim_collective")
_PAIR = _lexicon("victim_pair")
# Words that end a victim's noun phrase and start what is said about it.
_TAIL = _lexicon("victim_tail")
_VERBISH = _lexicon("victim_verbish")
# Plural nouns counted near casualty cues that are not people.
_THINGS = _lexicon("victim_things")
_ALONE_ONE = frozenset({"he", "she", "him", "her", "another"})
# Capitalised words that make a name an organisation, a building or a place, not a person.
_NOT_NAME = _lexicon("victim_not_name")


@dataclass(frozen=True, slots=True)
class VictimCount:
    """The count of a victim phrase; ``phrase[start:end]`` are the conjuncts counted."""

    number: Number
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Conjunct:
    text: str
    start: int
    end: int
    sep_before: str  # "and", "," or "" for the first


def is_person_noun(word: str) -> bool:
    """Whether ``word`` (lower case, singular) names a person: "volunteer", "regiment commander"'s head."""
    if word in _SINGULAR:
        return True
    if word in _NOT_PERSON:
        return False
    return bool(_PERSON_SUFFIX.match(word)) or word.endswith("-year-old")


def is_person_word(word: str) -> bool:
    """Whether ``word`` (lower case) names one person or several: "neighbour", "men", "residents"."""
    return is_person_noun(word) or _is_plural_person(word)


def _is_plural_person(word: str) -> bool:
    if word in _IRREGULAR_PLURAL:
        return True
    return (word.endswith("s") and is_person_noun(word[:-1])) or (
        word.endswith("ies") and word[:-3] + "y" in _SINGULAR
    )


# A comma between digits is a thousands separator ("2,000"), not a list.
# "Together with", "along with", "alongside" and "with his/her/their" join companions.
_SPLIT = re.compile(
    r"\s*(?:(?<!\d),|,(?!\d))\s*(?:and\s+)?|\s+(?:and|as\s+well\s+as|plus|alongside)\s+|\s*&\s*|"
    r"\s+(?:together\s+|along\s+)with\s+|\s+with\s+(?=(?:his|her|their)\b)",
    re.I,
)


def _conjuncts(phrase: str) -> list[_Conjunct]:
    out: list[_Conjunct] = []
    pos, sep = 0, ""
    for m in _SPLIT.finditer(phrase):
        if m.start() > pos:
            out.append(_Conjunct(phrase[pos : m.start()], pos, m.start(), sep))
            sep = ""
        joins = re.search(r"and|plus|&|well|with|alongside", m.group(), re.I)
        sep = "and" if joins or sep == "and" else ","
        pos = m.end()
    if pos < len(phrase):
        out.append(_Conjunct(phrase[pos:], pos, len(phrase), sep))
    return out


def count_victims(phrase: str, direction: Direction = "right") -> VictimCount | None:
    """The number of people ``phrase`` names, or ``None`` when it names none or an unknown number.

    ``direction`` says which end the phrase is anchored to: ``"left"`` for
    the subject of a verb that follows it (the last conjunct is kept first),
    ``"right"`` for the object of a verb before it.
    """
    if _PROPORTION.search(phrase):
        return None  # "every sixth resident", "one in six residents": a share, not a count
    parts = _drop_named_appositions(_both_and(_conjuncts(phrase)))
    if not parts:
        return None
    counted = _take(parts, direction)
    if not counted:
        return None
    numbers = [n for _, n in counted]
    first, last = counted[0][0], counted[-1][0]
    return VictimCount(_sum(numbers), first.start, last.end)


_PROPORTION = re.compile(
    r"\bevery\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"|\b(?:one|1)\s+(?:in|out\s+of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.I,
)
_BOTH = re.compile(r"both\s+(?=\S)", re.I)


def _both_and(parts: list[_Conjunct]) -> list[_Conjunct]:
    """ "both the driver and the passenger": "both" pairs two conjuncts and counts nobody itself."""
    both = _BOTH.match(parts[0].text) if len(parts) == 2 else None
    if both is None or parts[1].sep_before != "and" or parts[0].text.lower().startswith("both of"):
        return parts
    first = parts[0]
    trimmed = _Conjunct(first.text[both.end() :], first.start + both.end(), first.end, "")
    return [trimmed, parts[1]]


def _drop_named_appositions(parts: list[_Conjunct]) -> list[_Conjunct]:
    """ "the head of the village, Oleksandr Koval, and his deputy": the name is who the head is, not a third person."""
    return parts[:1] + [p for k, p in enumerate(parts) if k and not _names_previous(parts, k)]


def _names_previous(parts: list[_Conjunct], k: int) -> bool:
    """Conjunct ``k`` is a full name after a comma, naming the common noun before it, in a list ending "and"."""
    part, before = parts[k], _words(parts[k - 1].text)
    return (
        part.sep_before == ","
        and _list_ends_with_and(parts, k)
        and _is_full_name(part.text)
        and bool(before)
        and before[0].lower() in _DETERMINER
        and not _is_full_name(parts[k - 1].text)
    )


def _is_full_name(text: str) -> bool:
    words = _words(text)
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _take(parts: list[_Conjunct], direction: Direction) -> list[tuple[_Conjunct, Number]]:
    """The conjuncts that count, from the anchored end until one does not."""
    order = range(len(parts)) if direction == "right" else range(len(parts) - 1, -1, -1)
    taken: list[tuple[_Conjunct, Number]] = []
    prev: int | None = None
    for k in order:
        if prev is not None:
            joint = parts[max(k, prev)].sep_before
            if joint == "," and not _list_ends_with_and(parts, max(k, prev)):
                break
            if _bare_count(parts[k].text) or _bare_count(parts[prev].text):
                break  # "killed 1,200 and 5 wounded": a bare number belongs to its own cue
        number = _count_conjunct(parts[k].text)
        if number is None and direction == "left" and prev is None:
            trimmed = _last_noun_phrase(parts[k])
            if trimmed is not None:
                taken.append(trimmed)
            break
        if number is None:
            break
        taken.append((parts[k], number))
        prev = k
    taken.sort(key=lambda item: item[0].start)
    return _drop_elaboration(taken)


def _last_noun_phrase(part: _Conjunct) -> tuple[_Conjunct, Number] | None:
    """The victims at the end of a run-on subject: "in the town of Pokrov a woman" is "a woman"."""
    # Found once for the phrase, not once per word: a run-on phrase is linear, not quadratic.
    matches = list(_WORD.finditer(part.text))
    words = [m.group() for m in matches]
    lows = [w.lower() for w in words]
    counts: list[CountMention] | None = None
    for k, m in enumerate(matches):
        if m.start() == 0 or (lows[k] not in _DETERMINER and not find_counts(m.group())):
            continue
        if counts is None:
            counts = find_counts(part.text)
            count_starts = [c.start for c in counts]
        # a count starts at its qualifier: "claimed over 20" is "over 20", not "20"
        # (counts are left to right and apart: only the last starting before can hold it)
        at = bisect.bisect_left(count_starts, m.start()) - 1
        start = counts[at].start if at >= 0 and m.start() < counts[at].end else m.start()
        # from a word's start the words are the phrase's from there on
        rest = (words[k:], lows[k:]) if start == m.start() else (None, None)
        number = _count_conjunct(part.text[start:], *rest)
        if number is not None:
            return _Conjunct(part.text[start:], part.start + start, part.end, ","), number
    return None


def _bare_count(text: str) -> bool:
    counts = find_counts(text)
    return (
        len(counts) == 1
        and not text[counts[0].end :].strip()
        and not text[: counts[0].start].strip()
    )


def _list_ends_with_and(parts: list[_Conjunct], k: int) -> bool:
    return any(p.sep_before == "and" for p in parts[k + 1 :])


def _drop_elaboration(taken: list[tuple[_Conjunct, Number]]) -> list[tuple[_Conjunct, Number]]:
    """ "two people, a man and a woman": the list after the comma spells out the count before it."""
    if len(taken) < 3 or taken[1][0].sep_before != ",":
        return taken
    head = taken[0][1].value
    rest = [n.value for _, n in taken[1:]]
    if head is not None and head > 1 and None not in rest and sum(v for v in rest if v) == head:
        return taken[:1]
    return taken


def _sum(numbers: list[Number]) -> Number:
    if len(numbers) == 1:
        return numbers[0]
    if any(n.value is None for n in numbers):
        return next(n for n in numbers if n.value is None)
    total = sum(n.value for n in numbers if n.value is not None)
    qualifier: Qualifier = next((n.qualifier for n in numbers if n.qualifier != "exact"), "exact")
    return qualify(total, qualifier)


_WORD = re.compile(r"[\w'’-]+(?:[.,]\d+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _count_conjunct(
    text: str, words: list[str] | None = None, lows: list[str] | None = None
) -> Number | None:
    """The count ``text`` names; ``words`` and ``lows`` are its words and theirs lowercased
    when the caller has them."""
    words = _words(text) if words is None else words
    if not words:
        return None
    lows = [w.lower() for w in words] if lows is None else lows
    if (len(lows) == 1 and lows[0] in _ALONE_ONE) or lows == ["the", "other"]:
        return Number.exact(1)
    if lows[0] == "both" and (len(lows) == 1 or lows[1] == "of"):
        return Number.exact(2)
    number = _leading_count(text, lows)
    if number is not None:
        return number
    return _single(words, lows)


def _leading_count(text: str, lows: list[str]) -> Number | None:
    """ "two children", "all three", "his two sons", "a family of four"."""
    if not _VERBISH.isdisjoint(lows):  # asked first: cheaper than finding the counts
        return None
    counts = find_counts(text)
    if not counts:
        return None
    first = counts[0]
    before = [w.lower() for w in _words(text[: first.start])]
    after = [w.lower() for w in _words(text[first.end :])]
    if any(w in _THINGS for w in after[:3]):
        return None  # "3 tanks", "two Shahed drones": not people
    if len(before) <= 1 and all(w in _PRE_COUNT for w in before):
        return first.number
    if (
        len(before) >= 2
        and before[-1] == "of"
        and (before[-2] in _COLLECTIVE or before[-2] == "bodies")
    ):
        return first.number
    return None


def _single(words: list[str], lows: list[str]) -> Number | None:
    """One person ("a civilian tractor driver", "the head of the community", "Yurii Prylypko"), or two ("a couple").

    The noun phrase runs up to its first tail word ("of", "in", "who") or,
    once a person has been named, its first participle ("riding a bike");
    its last word is the head.
    """
    if lows[0] == "both":
        return None if any(w in _VERBISH for w in lows) else Number.exact(2)
    first = 1 if lows[0] in _DETERMINER else 0
    end, person = first, False
    while end < len(words):
        low = lows[end]
        if (low in _TAIL and end > first) or (person and _participle(low)):
            break
        if low in _VERBISH:
            return None
        person = person or is_person_noun(low) or words[end][:1].isupper()
        end += 1
    core, core_lows = words[first:end], lows[first:end]
    if not core:
        return None
    if any(w in _PAIR for w in core_lows):
        vague = core_lows[-1] in _PAIR and end < len(lows) and lows[end] == "of"
        return qualify(2, "about") if vague else Number.exact(2)
    if any(w in _COLLECTIVE for w in core_lows):
        return None
    head = core_lows[-1]
    if core[-1][:1].isupper() and not is_person_noun(head):
        return _name(core, core_lows, introduced=first == 1)
    if _is_plural_person(head):
        return None
    if is_person_noun(head):
        return Number.exact(1)
    return None


def _participle(low: str) -> bool:
    return len(low) > 4 and low.endswith(("ing", "ed"))


def _name(core: list[str], core_lows: list[str], introduced: bool) -> Number | None:
    """A personal name counts one person; a place ("Kryvyi Rih") or a body ("the Defence Ministry") nobody.

    A single capitalised word is a name only after a determiner or a title
    ("volunteer Ivan"): alone it is more often a place or a month.
    """
    n = 0
    while n < len(core) and core[-1 - n][:1].isupper():
        n += 1
    run, before = core[len(core) - n :], core_lows[: len(core) - n]
    if before:
        introduced = is_person_noun(before[-1]) or before[-1] in _DETERMINER
    if (len(run) < 2 and not introduced) or any(w.lower() in _NOT_NAME | _NOT_PERSON for w in run):
        return None
    if load_gazetteer().has_key(normalise_name(" ".join(run))):
        return None
    return Number.exact(1)
