"""Who says so: "X said", "according to X", "X told Y", "X wrote on Telegram".

A claimant is normalised to a body ("UN human rights office (OHCHR)",
"State Emergency Service of Ukraine") or a person with a role
("Oleh Synyehubov", role "regional governor", channel "Telegram").
"""

from __future__ import annotations

import re

from sitrep.model import Claimant

__all__ = ["NAME", "find_claimant", "normalise_claimant"]

NAME = "claimants.v1"

_SAY = r"(?:said|says|say|told|tells|reported|reports|wrote|writes|posted|claimed|claims|claim|confirmed|confirms|announced|stated|added|noted|warned|estimated|estimates|put|puts|recorded|has\s+recorded|have\s+recorded|has\s+claimed|have\s+claimed|has\s+said|have\s+said|had\s+said|has\s+confirmed|has\s+reported|have\s+reported)"
_SUBJECT = r"(?P<who>(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)(?:[\s,]+(?:[A-Z][\w'’.-]*|of|the|and|for|on|in|[a-z][\w'’-]*)){0,9}?)"
_SUBJECT_SAYS = re.compile(rf"{_SUBJECT}\s+(?:also\s+|later\s+|earlier\s+|finally\s+|has\s+|have\s+|had\s+)?{_SAY}\b", re.UNICODE)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^.;:()“”\"]{2,120})", re.IGNORECASE)
_SAID_WHO = re.compile(rf"[,”\"']\s*{_SAY}\s+(?!that\b)(?P<who>(?:the\s+)?[A-Za-z][^,.;:“”\"]{{2,80}})")
_CHANNEL = re.compile(r"\b(?:on|via|in\s+an?\s+(?:online\s+)?)\s*(?P<ch>Telegram|Twitter|X|Facebook|Instagram|YouTube|video(?:\s+(?:statement|message|address))?|statement|post|online\s+post|televised\s+address)\b", re.IGNORECASE)

_BODIES: list[tuple[str, str, str]] = [
    (r"\b(?:UN|U\.N\.|United Nations)\s+(?:human\s+rights|Human\s+Rights)|OHCHR|human\s+rights\s+monitoring\s+mission|High\s+Commissioner\s+for\s+Human\s+Rights", "UN human rights office (OHCHR)", "UN"),
    (r"UNHCR|(?:UN|United\s+Nations)\s+refugee\s+agency", "UNHCR", "UN"),
    (r"\bUNICEF\b", "UNICEF", "UN"),
    (r"\bWHO\b|World\s+Health\s+Organi[sz]ation", "WHO", "UN"),
    (r"\b(?:the\s+)?(?:UN|U\.N\.|United\s+Nations)\b", "UN", "UN"),
    (r"(?:State\s+)?Emergency\s+Service|emergency\s+services?|\bSES\b|rescuers", "State Emergency Service of Ukraine", "Ukraine"),
    (r"General\s+Staff", "General Staff of the Armed Forces of Ukraine", "Ukraine"),
    (r"(?:Russia['’]s|Russian)\s+(?:defen[cs]e\s+ministry|Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e|military|army)|\bMoscow\b|\bKremlin\b", "Russian defence ministry", "Russia"),
    (r"(?:Ukraine['’]s|Ukrainian)\s+(?:defen[cs]e\s+ministry|Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e)", "Ukrainian defence ministry", "Ukraine"),
    (r"(?:Ukrainian|Ukraine['’]s|Kyiv['’]s)\s+(?:officials|authorities|government)|\bKyiv\b|\bUkraine\b", "Ukrainian officials", "Ukraine"),
    (r"\bRussia\b", "Russia", "Russia"),
    (r"\bpolice\b", "National Police of Ukraine", "Ukraine"),
    (r"\bprosecutor", "Prosecutor's Office", "Ukraine"),
]
_ROLE = re.compile(
    r"(?P<role>(?:(?:the\s+)?(?:country['’]s|region['’]s|city['’]s|Ukraine['’]s|Russia['’]s|[A-Z][a-z]+['’]s)\s+)?"
    r"(?:(?:regional|deputy|local|military|presidential|chief|head|former|acting|city|district|oblast|prime|foreign|defen[cs]e|interior|state|regional\s+military)\s+)*"
    r"(?:governor|Governor|mayor|Mayor|minister|Minister|President|president|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|chief|head|commander|official|prosecutor|ombudsman|ombudswoman|administration\s+head|council\s+secretary)"
    r"(?:\s+of\s+(?:the\s+)?(?:region|city|oblast|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?)\s*,?\s+"
    r"(?P<name>[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+){1,2})"
)
_PERSON = re.compile(r"^(?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+){1,2}$")
_KNOWN_PEOPLE = {
    "zelensky": ("Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"),
    "zelenskyy": ("Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"),
    "zelenskyi": ("Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"),
    "zelenskiy": ("Volodymyr Zelenskyy", "President of Ukraine", "Ukraine"),
    "putin": ("Vladimir Putin", "President of Russia", "Russia"),
    "peskov": ("Dmitry Peskov", "Kremlin spokesman", "Russia"),
    "shoigu": ("Sergei Shoigu", "Russian defence minister", "Russia"),
    "klitschko": ("Vitali Klitschko", "Mayor of Kyiv", "Ukraine"),
}


def _lower_role(role: str) -> str:
    """"regional Governor" → "regional governor"; place names keep their capitals."""
    words = role.split()
    return " ".join(w if (i > 0 and words[i - 1] == "of") or w[:1].islower() or (w in ("President",) and i == 0) else w.lower() for i, w in enumerate(words))


def _channel(text: str) -> str | None:
    m = _CHANNEL.search(text)
    if m is None:
        return None
    ch = m.group("ch")
    return ch[0].upper() + ch[1:] if ch.lower() in ("telegram", "twitter", "facebook") else ch


def normalise_claimant(phrase: str, context: str = "") -> Claimant | None:
    """A claimant from a subject phrase like "regional Governor Oleh Synyehubov"."""
    phrase = " ".join(phrase.replace("’", "'").split()).strip(" ,")
    phrase = re.sub(r"^(?:but|and|while|as|then|that)\s+", "", phrase, flags=re.I)
    if not phrase or phrase.lower() in {"it", "he", "she", "they", "we", "i", "you", "this", "which", "who"}:
        return None
    for key, (name, role, side) in _KNOWN_PEOPLE.items():
        if re.search(rf"\b{key}\b", phrase, re.I):
            return Claimant(name, role, _channel(context), side)
    m = _ROLE.search(phrase)
    if m:
        role = re.sub(r"^(?:the\s+)?(?:country's|region's|city's)\s+", "", m.group("role"), flags=re.I).strip()
        side = "Russia" if re.search(r"Russia|Kremlin", role) else "Ukraine"
        return Claimant(m.group("name"), _lower_role(role), _channel(context), side)
    for pattern, name, side in _BODIES:
        if re.search(pattern, phrase, re.I if name != "WHO" else 0):
            return Claimant(name, None, _channel(context), side)
    if len(phrase.split()) <= 4 and re.search(r"\bofficials?\b|\bauthorities\b|\bgovernor\b|\bmayor\b|\bcity\s+council\b", phrase, re.I):
        return Claimant(phrase[0].upper() + phrase[1:], None, _channel(context), None)
    if _PERSON.match(phrase):
        return Claimant(phrase, None, _channel(context), None)
    return None


def find_claimant(text: str) -> Claimant | None:
    """The source a sentence (or clause) attributes its statement to, if any."""
    for m in _ACCORDING.finditer(text):
        found = normalise_claimant(m.group("who"), text)
        if found:
            return found
    for m in _SAID_WHO.finditer(text):
        found = normalise_claimant(m.group("who"), text)
        if found:
            return found
    for m in _SUBJECT_SAYS.finditer(text):
        who = _trim_subject(m.group("who"))
        found = normalise_claimant(who, text)
        if found:
            return found
    return None


def _trim_subject(who: str) -> str:
    """Keep the noun phrase right before the speech verb ("..., the emergency services")."""
    parts = re.split(r"[,;:“”\"]|\s-\s|\b(?:that|and|but|as|after|when|while|which|where|who)\b", who)
    return parts[-1].strip() if parts else who
