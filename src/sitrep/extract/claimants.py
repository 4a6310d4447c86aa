"""Who says so: "X said", "according to X", "X told Y", "X, the regional governor, said".

A claimant is normalised to a body ("UN human rights office (OHCHR)",
"State Emergency Service of Ukraine", "Poltava regional military administration")
or a person with a role ("Oleh Synyehubov", role "regional governor", channel
"Telegram").  The vocabulary (office-holders known by surname, bodies, role
words, speech verbs) is data: the ``claimants`` table and the phrases of
``data/lang/en/vocabulary.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sitrep.lang import Vocabulary, month_pattern
from sitrep.model import Claimant

__all__ = ["NAME", "find_claimant", "normalise_claimant", "speaker_is_pronoun"]

NAME = "claimants.v2"

_SUBJECT = r"""(?P<who>
    (?:(?:the|a|an)\s+)?
    (?:(?<![A-Z])[A-Z][\w'’.-]*+|(?<![a-z])[a-z][\w'’-]*+)              # its first word
    (?:[\s,]+(?:[A-Z][\w'’.-]*+|of|the|and|for|on|in|[a-z][\w'’-]*+)){0,9}?  # up to nine more
)"""
# A subject's first word starts where its run of capitals or of small letters starts: a start
# one letter in would match where one a letter earlier matches (the same word, to the same
# end), so skipping it changes no match and keeps a long run of letters linear, not quadratic.
# Each word takes all its letters (*+): a space or comma must follow it, so a shorter word
# never matched, but giving letters back one by one made "KharkivKharkiv..." (a start at
# every capital) 9.4 s on 38,000 letters; now 0.9 s.
# The subject is also tried once per run of word letters, not at every capital or small letter
# that follows a letter of the other case ("KharkivKharkiv...": 27,000 starts, each reading the
# run): a first word takes its run to the end, so from every start in a run what follows is the
# same, and the first start decides (atomic).  Only "the", "a" or "an" closing a run starts
# otherwise (before the next run's word), never before that first start: it is tried next.
_WORD_LETTER = "[\\w'’.-]"
_STARTS_WORD = r"(?:(?<![A-Z])[A-Z]|(?<![a-z])[a-z][\w'’-]*+(?!\.))"  # to the end of its run
_ACCORDING = re.compile(
    r"""\b(?:according\s+to|citing|cited\s+by|quoted\s+by
      |(?:was|were|been)\s+(?:reported|announced|stated|confirmed|said)\s+by)
    \s+[“"«]?(?P<who>[^.;:()“”"]{2,120})""",
    re.IGNORECASE | re.VERBOSE,
)
# The appositive is tried once per run of name letters, not once per capital in it: what
# follows a name's first word is the same from every capital of its run (the word ends where
# the run does), so the first capital the title check lets through decides for the run
# (atomic: a failure there is a failure at every later one).  A run of 20,000 letters was
# 10 s, now ms.
_NAME_LETTER = "[a-zA-Z'’-]"
_SINGLE_NAME = re.compile(r"^[A-Z][a-zA-Z'’-]{2,}$")
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "which", "who", "there", "that"}


def _name(title_words: str) -> str:
    """A person's name: two or three capitalised words, none a title word ("Oblast", "City")."""
    word = rf"(?!{title_words}\b)[A-Z][a-zA-Z'’-]+"
    return rf"{word}(?:\s+{word}){{1,2}}"


def _phrase(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+")


def _role(table: dict[str, Any], name: str) -> re.Pattern[str]:
    """A role phrase right before a name: "regional Governor", "railway boss", "Head of the X Administration"."""
    nouns = "|".join(_phrase(w) for w in sorted(table["role_words"], key=len, reverse=True))
    mods = "|".join(re.escape(w) for w in sorted(table["role_modifiers"], key=len, reverse=True))
    return re.compile(
        r"(?P<role>(?:(?:the\s+)?(?:(?i:country['’]s|region['’]s|city['’]s)|[A-Z][a-z]+['’]s)\s+)?"
        rf"(?:(?:[A-Z][a-z]+(?:-[a-z]+)?|(?i:{mods}))\s+){{0,4}}?"
        rf"(?i:{nouns})"
        r"(?:\s+of\s+(?:the\s+)?(?:(?i:region|city|oblast)|[A-Z][\w-]+(?:\s+(?:[A-Z][\w-]+|of|the)){0,4}))?)\s*,?\s+"
        rf"(?P<name>{name})"
    )


@dataclass(frozen=True, slots=True)
class _Words:
    """How one language attributes a statement: speech verbs, names, roles and bodies (its
    vocabulary's phrases and claimants table), built once."""

    subject_says: re.Pattern[str]
    said_who: re.Pattern[str]
    appositive: re.Pattern[str]
    # the appositive tried once per run of name letters, not once per capital in it (see
    # _appositives): from inside a run, and where a run starts
    appositive_in_run: re.Pattern[str]
    appositive_at_run: re.Pattern[str]
    # subject_says tried once per run of word letters (see _subjects_saying), the same two ways
    subject_in_run: re.Pattern[str]
    subject_at_run: re.Pattern[str]
    pronoun_says: re.Pattern[str]
    channel: re.Pattern[str]
    person: re.Pattern[str]
    not_speakers: re.Pattern[str]
    trim_according: re.Pattern[str]
    bodies: tuple[tuple[re.Pattern[str], str, str], ...]
    administration: re.Pattern[str]
    role: re.Pattern[str]
    role_word: re.Pattern[str]
    people: dict[str, tuple[str, str, str]]
    role_vocabulary: frozenset[str]


@cache
def _words(vocab: Vocabulary) -> _Words:
    say = vocab.alternation("say")  # the speech verbs
    title_words = vocab.alternation("title_words")
    name = _name(title_words)
    table: dict[str, Any] = vocab.data["claimants"]
    appositive = re.compile(
        rf"(?P<name>{name}),\s+(?P<role>(?:the\s+)?(?:[^,;()“”\"]|\([^)]*\)){{3,110}}?),\s+(?:who\s+)?(?:also\s+|later\s+)?{say}\b"
    )
    first_capital = rf"(?>{_NAME_LETTER}*?(?=(?!{title_words}\b)[A-Z]))"
    subject_says = re.compile(
        rf"{_SUBJECT}\s+(?:also\s+|later\s+|earlier\s+|finally\s+|has\s+|have\s+|had\s+)?{say}\b",
        re.UNICODE | re.VERBOSE,
    )
    subject_in_run = re.compile(
        rf"(?>{_WORD_LETTER}*?(?={_STARTS_WORD}))"
        + subject_says.pattern.replace("(?P<who>", "(?P<who1>", 1)
        + rf"|(?>{_WORD_LETTER}*?(?=(?:the|a|an)\s))"
        + subject_says.pattern.replace("(?P<who>", "(?P<who2>", 1),
        re.UNICODE | re.VERBOSE,
    )
    return _Words(
        subject_says=subject_says,
        subject_in_run=subject_in_run,
        subject_at_run=re.compile(
            rf"(?<!{_WORD_LETTER})(?:{subject_in_run.pattern})", re.UNICODE | re.VERBOSE
        ),
        said_who=re.compile(
            rf"[,”\"']\s*{say}\s+(?!that\b)(?P<who>(?:the\s+)?[A-Za-z][^,.;:“”\"]{{2,80}})"
        ),
        appositive=appositive,
        appositive_in_run=re.compile(first_capital + appositive.pattern),
        appositive_at_run=re.compile(rf"(?<!{_NAME_LETTER}){first_capital}{appositive.pattern}"),
        pronoun_says=re.compile(
            rf"(?:^|[,”\"—–-]\s*|\s)(?:(?:he|she)\s+(?:also\s+|later\s+)?{say}|{say}\s+(?:he|she))\b",
            re.IGNORECASE,
        ),
        channel=re.compile(
            r"\b(?:on|via|in\s+an?\s+(?:online\s+)?)\s*(?P<ch>"
            + vocab.alternation("channel")
            + r")\b",
            re.IGNORECASE,
        ),
        person=re.compile(rf"^{name}$"),
        not_speakers=re.compile(
            rf"^(?:{month_pattern(abbreviations=False)}|{vocab.alternation('weekdays')}|Today|Yesterday)$"
        ),
        trim_according=re.compile(
            r",|\s(?:who|which|that|and\s+(?:a|the)\s)\b|\s(?:on|in|at)\s+"
            + vocab.alternation("weekdays")
            + r"\b"
        ),
        bodies=tuple(
            (re.compile(b["pattern"], re.IGNORECASE), b["name"], b["side"]) for b in table["bodies"]
        ),
        administration=re.compile(table["administrations"]),
        role=_role(table, name),
        role_word=re.compile(
            rf"\b(?:{'|'.join(_phrase(w) for w in table['role_words'])})\b", re.IGNORECASE
        ),
        people={k: (p["name"], p["role"], p["side"]) for p in table["people"] for k in p["keys"]},
        role_vocabulary=frozenset(
            w for phrase in table["role_words"] + table["role_modifiers"] for w in phrase.split()
        ),
    )


def _lower_role(role: str, w: _Words) -> str:
    """ "regional Governor" → "regional governor"; names of places and bodies keep their capitals."""
    words = role.split()
    common = w.role_vocabulary
    return " ".join(
        w.lower()
        if w.lower() in common and not (i == 0 and w == "President") and not w.isupper()
        else w
        for i, w in enumerate(words)
    )


def _channel(text: str, w: _Words) -> str | None:
    m = w.channel.search(text)
    if m is None:
        return None
    ch = m.group("ch")
    return ch[0].upper() + ch[1:] if ch.lower() in ("telegram", "twitter", "facebook") else ch


def _side(text: str) -> str:
    return "Russia" if re.search(r"Russia|Kremlin|Moscow", text) else "Ukraine"


def _known_person(phrase: str, context: str, w: _Words) -> Claimant | None:
    for key, (name, role, side) in w.people.items():
        if re.search(rf"\b{key}\b", phrase, re.I):
            return Claimant(name, role, _channel(context, w), side)
    return None


def _person_with_role(phrase: str, context: str, w: _Words) -> Claimant | None:
    m = w.role.search(phrase)
    if m is None:
        return None
    role = re.sub(
        r"^(?:the\s+)?(?:(?:country's|region's|city's)\s+)?",
        "",
        m.group("role").replace("’", "'"),
        flags=re.I,
    ).strip()
    return Claimant(m.group("name"), _lower_role(role, w), _channel(context, w), _side(role))


def _body(phrase: str, context: str, w: _Words) -> Claimant | None:
    m = w.administration.search(phrase)
    if m is not None:
        name = " ".join(m.group(0).split())
        return Claimant(name[0].upper() + name[1:], None, _channel(context, w), _side(name))
    for pattern, name, side in w.bodies:
        if pattern.search(phrase):
            return Claimant(name, None, _channel(context, w), side)
    return None


# A medium named after what it is: "the public broadcaster Suspilne", "news agency Ukrinform".
_NAMED_OUTLET = re.compile(
    r"(?i:(?:the\s+|(?:Ukraine|Russia)'s\s+|a\s+|(?:Ukrainian|Russian|state|local)\s+)*(?:[\w-]+\s+)?"
    r"(?:broadcaster|news\s+agency|agency|newspaper|outlet|media\s+outlet|(?:TV\s+)?channel|news\s+site|website|daily)\s+)"
    r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
)


def normalise_claimant(
    phrase: str, vocab: Vocabulary, context: str = "", *, single_name: bool = False
) -> Claimant | None:
    """A claimant from a subject phrase like "regional Governor Oleh Synyehubov".

    ``single_name`` admits one capitalised word ("according to Suspilne").
    """
    w = _words(vocab)
    phrase = " ".join(phrase.replace("’", "'").split()).strip(" ,")
    phrase = re.sub(r"^(?:but|and|while|as|then|that)\s+", "", phrase, flags=re.I)
    if not phrase or phrase.lower() in _PRONOUNS:
        return None
    outlet = _NAMED_OUTLET.fullmatch(phrase)
    if outlet is not None:
        return Claimant(
            outlet["name"], None, _channel(context, w), None
        )  # "Ukraine's public broadcaster Suspilne"
    found = (
        _known_person(phrase, context, w)
        or _person_with_role(phrase, context, w)
        or _body(phrase, context, w)
    )
    if found is not None:
        return found
    if len(phrase.split()) <= 5 and re.search(
        r"\bofficials?\b|\bauthorities\b|\bgovernor\b|\bmayor\b|\bcity\s+council\b", phrase, re.I
    ):
        return Claimant(phrase[0].upper() + phrase[1:], None, _channel(context, w), None)
    if w.person.match(phrase) or (
        single_name and _SINGLE_NAME.match(phrase) and not w.not_speakers.match(phrase)
    ):
        return Claimant(phrase, None, _channel(context, w), None)
    return None


def _appositive(text: str, w: _Words) -> Claimant | None:
    """ "Oleksandr Kamyshin, chairman of the board of the railway, said ..." → the person and role."""
    for m in _appositives(text, w):
        role = re.sub(r"^the\s+", "", " ".join(m.group("role").split()))
        if w.role_word.search(role) or _body(role, "", w):
            return Claimant(m.group("name"), _lower_role(role, w), _channel(text, w), _side(role))
    return None


def _appositives(text: str, w: _Words) -> Iterator[re.Match[str]]:
    """The matches of ``w.appositive.finditer(text)``, each run of name letters tried once."""
    return _per_run(text, w.appositive_at_run, w.appositive_in_run, _NAME_LETTER)


def _subjects_saying(text: str, w: _Words) -> Iterator[str]:
    """The ``who`` of each match of ``w.subject_says.finditer(text)``, each run tried once."""
    for m in _per_run(text, w.subject_at_run, w.subject_in_run, _WORD_LETTER):
        yield m.group("who1") if m.group("who1") is not None else m.group("who2")


def _per_run(
    text: str, at_run: re.Pattern[str], in_run: re.Pattern[str], letter: str
) -> Iterator[re.Match[str]]:
    """Matches of ``at_run`` (tried where a run of ``letter`` starts) one after another, as
    finditer finds them; a search from inside a run (after a match: "said-Kyiv ...") first
    tries ``in_run`` there."""
    pos = 0
    while pos <= len(text):
        inside = pos > 0 and re.match(letter, text[pos - 1]) is not None
        m = (in_run.match(text, pos) if inside else None) or at_run.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.end()


def find_claimant(text: str, vocab: Vocabulary) -> Claimant | None:
    """The source a sentence (or clause) attributes its statement to, if any."""
    w = _words(vocab)
    for m in _ACCORDING.finditer(text):
        who = m.group("who")
        found = normalise_claimant(who, vocab, text) or normalise_claimant(
            w.trim_according.split(who)[0], vocab, text, single_name=True
        )
        if found:
            return found
    found = _appositive(text, w)
    if found:
        return found
    for m in w.said_who.finditer(text):
        found = normalise_claimant(m.group("who"), vocab, text)
        if found:
            return _with_trailing_role(found, text[m.end() :], w)
    for who in _subjects_saying(text, w):
        found = normalise_claimant(_trim_subject(who), vocab, text)
        if found:
            return found
    return None


_TRAILING_ROLE = re.compile(r"^\s*,\s+(?:the\s+)?(?P<role>[^.,;:“”\"]{3,90})")


def _with_trailing_role(found: Claimant, rest: str, w: _Words) -> Claimant:
    """ "said Taras Pastukh, deputy head of the OVA" → the person with that role."""
    m = _TRAILING_ROLE.match(rest)
    if found.role is not None or m is None or not w.role_word.search(m.group("role")):
        return found
    role = m.group("role").strip()
    return Claimant(found.name, _lower_role(role, w), found.channel, found.side or _side(role))


def speaker_is_pronoun(text: str, vocab: Vocabulary) -> bool:
    """Whether the sentence is attributed to "he" or "she" ("..., he said")."""
    return _words(vocab).pronoun_says.search(text) is not None


def _trim_subject(who: str) -> str:
    """Keep the noun phrase right before the speech verb ("..., the emergency services")."""
    parts = re.split(
        r"[,;:“”\"]|\s-\s|\b(?:that|and|but|as|after|when|while|which|where|who)\b", who
    )
    return parts[-1].strip() if parts else who
