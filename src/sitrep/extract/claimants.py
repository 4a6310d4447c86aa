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
from functools import cache
from typing import Any

from sitrep.lang import month_pattern, vocabulary
from sitrep.model import Claimant

__all__ = ["NAME", "find_claimant", "normalise_claimant", "speaker_is_pronoun"]

NAME = "claimants.v2"

_EN = vocabulary("en")
_SAY = _EN.alternation("say")  # the speech verbs
_TITLE_WORDS = _EN.alternation("title_words") + r"\b"
_NAME = rf"(?!{_TITLE_WORDS})[A-Z][a-zA-Z'’-]+(?:\s+(?!{_TITLE_WORDS})[A-Z][a-zA-Z'’-]+){{1,2}}"
_SUBJECT = r"""(?P<who>
    (?:(?:the|a|an)\s+)?
    (?:(?<![A-Z])[A-Z][\w'’.-]*|(?<![a-z])[a-z][\w'’-]*)              # its first word
    (?:[\s,]+(?:[A-Z][\w'’.-]*|of|the|and|for|on|in|[a-z][\w'’-]*)){0,9}?  # up to nine more
)"""
# A subject's first word starts where its run of capitals or of small letters starts: a start
# one letter in would match where one a letter earlier matches (the same word, to the same
# end), so skipping it changes no match and keeps a long run of letters linear, not quadratic.
_SUBJECT_SAYS = re.compile(
    rf"{_SUBJECT}\s+(?:also\s+|later\s+|earlier\s+|finally\s+|has\s+|have\s+|had\s+)?{_SAY}\b",
    re.UNICODE | re.VERBOSE,
)
_ACCORDING = re.compile(
    r"""\b(?:according\s+to|citing|cited\s+by|quoted\s+by
      |(?:was|were|been)\s+(?:reported|announced|stated|confirmed|said)\s+by)
    \s+[“"«]?(?P<who>[^.;:()“”"]{2,120})""",
    re.IGNORECASE | re.VERBOSE,
)
_SAID_WHO = re.compile(
    rf"[,”\"']\s*{_SAY}\s+(?!that\b)(?P<who>(?:the\s+)?[A-Za-z][^,.;:“”\"]{{2,80}})"
)
_APPOSITIVE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<role>(?:the\s+)?(?:[^,;()“”\"]|\([^)]*\)){{3,110}}?),\s+(?:who\s+)?(?:also\s+|later\s+)?{_SAY}\b"
)
# _APPOSITIVE tried once per run of name letters, not once per capital in it: what follows a
# name's first word is the same from every capital of its run (the word ends where the run
# does), so the first capital the title check lets through decides for the run (atomic: a
# failure there is a failure at every later one).  A run of 20,000 letters was 10 s, now ms.
_NAME_LETTER = "[a-zA-Z'’-]"
_FIRST_CAPITAL = rf"(?>{_NAME_LETTER}*?(?=(?!{_TITLE_WORDS})[A-Z]))"
_APPOSITIVE_BODY = _APPOSITIVE.pattern
_APPOSITIVE_IN_RUN = re.compile(_FIRST_CAPITAL + _APPOSITIVE_BODY)  # from inside a run
_APPOSITIVE_AT_RUN = re.compile(rf"(?<!{_NAME_LETTER}){_FIRST_CAPITAL}{_APPOSITIVE_BODY}")
_PRONOUN_SAYS = re.compile(
    rf"(?:^|[,”\"—–-]\s*|\s)(?:(?:he|she)\s+(?:also\s+|later\s+)?{_SAY}|{_SAY}\s+(?:he|she))\b",
    re.IGNORECASE,
)
_CHANNEL = re.compile(
    r"\b(?:on|via|in\s+an?\s+(?:online\s+)?)\s*(?P<ch>" + _EN.alternation("channel") + r")\b",
    re.IGNORECASE,
)
_PERSON = re.compile(rf"^{_NAME}$")
_SINGLE_NAME = re.compile(r"^[A-Z][a-zA-Z'’-]{2,}$")
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "which", "who", "there", "that"}
_NOT_SPEAKERS = re.compile(
    rf"^(?:{month_pattern(abbreviations=False)}|{_EN.alternation('weekdays')}|Today|Yesterday)$"
)


def _vocabulary() -> dict[str, Any]:
    claimants: dict[str, Any] = _EN.data["claimants"]
    return claimants


@cache
def _bodies() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    return tuple(
        (re.compile(b["pattern"], re.IGNORECASE), b["name"], b["side"])
        for b in _vocabulary()["bodies"]
    )


@cache
def _administration() -> re.Pattern[str]:
    return re.compile(_vocabulary()["administrations"])


@cache
def _role() -> re.Pattern[str]:
    """A role phrase right before a name: "regional Governor", "railway boss", "Head of the X Administration"."""
    vocab = _vocabulary()
    nouns = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(vocab["role_words"], key=len, reverse=True)
    )
    mods = "|".join(re.escape(w) for w in sorted(vocab["role_modifiers"], key=len, reverse=True))
    return re.compile(
        r"(?P<role>(?:(?:the\s+)?(?:(?i:country['’]s|region['’]s|city['’]s)|[A-Z][a-z]+['’]s)\s+)?"
        rf"(?:(?:[A-Z][a-z]+(?:-[a-z]+)?|(?i:{mods}))\s+){{0,4}}?"
        rf"(?i:{nouns})"
        r"(?:\s+of\s+(?:the\s+)?(?:(?i:region|city|oblast)|[A-Z][\w-]+(?:\s+(?:[A-Z][\w-]+|of|the)){0,4}))?)\s*,?\s+"
        rf"(?P<name>{_NAME})"
    )


@cache
def _role_word() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _vocabulary()["role_words"])
    return re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)


@cache
def _people() -> dict[str, tuple[str, str, str]]:
    return {
        k: (p["name"], p["role"], p["side"]) for p in _vocabulary()["people"] for k in p["keys"]
    }


@cache
def _role_vocabulary() -> frozenset[str]:
    vocab = _vocabulary()
    return frozenset(
        w for phrase in vocab["role_words"] + vocab["role_modifiers"] for w in phrase.split()
    )


def _lower_role(role: str) -> str:
    """ "regional Governor" → "regional governor"; names of places and bodies keep their capitals."""
    words = role.split()
    common = _role_vocabulary()
    return " ".join(
        w.lower()
        if w.lower() in common and not (i == 0 and w == "President") and not w.isupper()
        else w
        for i, w in enumerate(words)
    )


def _channel(text: str) -> str | None:
    m = _CHANNEL.search(text)
    if m is None:
        return None
    ch = m.group("ch")
    return ch[0].upper() + ch[1:] if ch.lower() in ("telegram", "twitter", "facebook") else ch


def _side(text: str) -> str:
    return "Russia" if re.search(r"Russia|Kremlin|Moscow", text) else "Ukraine"


def _known_person(phrase: str, context: str) -> Claimant | None:
    for key, (name, role, side) in _people().items():
        if re.search(rf"\b{key}\b", phrase, re.I):
            return Claimant(name, role, _channel(context), side)
    return None


def _person_with_role(phrase: str, context: str) -> Claimant | None:
    m = _role().search(phrase)
    if m is None:
        return None
    role = re.sub(
        r"^(?:the\s+)?(?:(?:country's|region's|city's)\s+)?",
        "",
        m.group("role").replace("’", "'"),
        flags=re.I,
    ).strip()
    return Claimant(m.group("name"), _lower_role(role), _channel(context), _side(role))


def _body(phrase: str, context: str) -> Claimant | None:
    m = _administration().search(phrase)
    if m is not None:
        name = " ".join(m.group(0).split())
        return Claimant(name[0].upper() + name[1:], None, _channel(context), _side(name))
    for pattern, name, side in _bodies():
        if pattern.search(phrase):
            return Claimant(name, None, _channel(context), side)
    return None


# A medium named after what it is: "the public broadcaster Suspilne", "news agency Ukrinform".
_NAMED_OUTLET = re.compile(
    r"(?i:(?:the\s+|(?:Ukraine|Russia)'s\s+|a\s+|(?:Ukrainian|Russian|state|local)\s+)*(?:[\w-]+\s+)?"
    r"(?:broadcaster|news\s+agency|agency|newspaper|outlet|media\s+outlet|(?:TV\s+)?channel|news\s+site|website|daily)\s+)"
    r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
)


def normalise_claimant(
    phrase: str, context: str = "", *, single_name: bool = False
) -> Claimant | None:
    """A claimant from a subject phrase like "regional Governor Oleh Synyehubov".

    ``single_name`` admits one capitalised word ("according to Suspilne").
    """
    phrase = " ".join(phrase.replace("’", "'").split()).strip(" ,")
    phrase = re.sub(r"^(?:but|and|while|as|then|that)\s+", "", phrase, flags=re.I)
    if not phrase or phrase.lower() in _PRONOUNS:
        return None
    outlet = _NAMED_OUTLET.fullmatch(phrase)
    if outlet is not None:
        return Claimant(
            outlet["name"], None, _channel(context), None
        )  # "Ukraine's public broadcaster Suspilne"
    found = (
        _known_person(phrase, context)
        or _person_with_role(phrase, context)
        or _body(phrase, context)
    )
    if found is not None:
        return found
    if len(phrase.split()) <= 5 and re.search(
        r"\bofficials?\b|\bauthorities\b|\bgovernor\b|\bmayor\b|\bcity\s+council\b", phrase, re.I
    ):
        return Claimant(phrase[0].upper() + phrase[1:], None, _channel(context), None)
    if _PERSON.match(phrase) or (
        single_name and _SINGLE_NAME.match(phrase) and not _NOT_SPEAKERS.match(phrase)
    ):
        return Claimant(phrase, None, _channel(context), None)
    return None


def _appositive(text: str) -> Claimant | None:
    """ "Oleksandr Kamyshin, chairman of the board of the railway, said ..." → the person and role."""
    for m in _appositives(text):
        role = re.sub(r"^the\s+", "", " ".join(m.group("role").split()))
        if _role_word().search(role) or _body(role, ""):
            return Claimant(m.group("name"), _lower_role(role), _channel(text), _side(role))
    return None


def _appositives(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_APPOSITIVE.finditer(text)``, each run of name letters tried once."""
    pos = 0
    while pos <= len(text):
        # a search from inside a run (after a match: "said-Kyiv ...") first tries that run
        inside = pos > 0 and re.match(_NAME_LETTER, text[pos - 1]) is not None
        m = (_APPOSITIVE_IN_RUN.match(text, pos) if inside else None) or (
            _APPOSITIVE_AT_RUN.search(text, pos)
        )
        if m is None:
            return
        yield m
        pos = m.end()


def find_claimant(text: str) -> Claimant | None:
    """The source a sentence (or clause) attributes its statement to, if any."""
    for m in _ACCORDING.finditer(text):
        who = m.group("who")
        found = normalise_claimant(who, text) or normalise_claimant(
            _trim_according(who), text, single_name=True
        )
        if found:
            return found
    found = _appositive(text)
    if found:
        return found
    for m in _SAID_WHO.finditer(text):
        found = normalise_claimant(m.group("who"), text)
        if found:
            return _with_trailing_role(found, text[m.end() :])
    for m in _SUBJECT_SAYS.finditer(text):
        found = normalise_claimant(_trim_subject(m.group("who")), text)
        if found:
            return found
    return None


_TRAILING_ROLE = re.compile(r"^\s*,\s+(?:the\s+)?(?P<role>[^.,;:“”\"]{3,90})")


def _with_trailing_role(found: Claimant, rest: str) -> Claimant:
    """ "said Taras Pastukh, deputy head of the OVA" → the person with that role."""
    m = _TRAILING_ROLE.match(rest)
    if found.role is not None or m is None or not _role_word().search(m.group("role")):
        return found
    role = m.group("role").strip()
    return Claimant(found.name, _lower_role(role), found.channel, found.side or _side(role))


def speaker_is_pronoun(text: str) -> bool:
    """Whether the sentence is attributed to "he" or "she" ("..., he said")."""
    return _PRONOUN_SAYS.search(text) is not None


def _trim_according(who: str) -> str:
    """ "the regional governor, who added ..." → "the regional governor"; drop a trailing clause."""
    return re.split(
        r",|\s(?:who|which|that|and\s+(?:a|the)\s)\b|\s(?:on|in|at)\s+"
        + _EN.alternation("weekdays")
        + r"\b",
        who,
    )[0]


def _trim_subject(who: str) -> str:
    """Keep the noun phrase right before the speech verb ("..., the emergency services")."""
    parts = re.split(
        r"[,;:“”\"]|\s-\s|\b(?:that|and|but|as|after|when|while|which|where|who)\b", who
    )
    return parts[-1].strip() if parts else who
