"""Flag boilerplate sentences: appeals, prompts, labels and credits that are not news.

Each sentence is scored by a few independent cue groups (a group counts
once).  A sentence scoring :data:`_STRONG` or more is boilerplate on its own.
When an article carries an appeal (at least :data:`_APPEAL_CONTEXT` strong
sentences with donation cues), weaker appeal rhetoric (``heartbreaking``,
``generosity``) is boilerplate too.  A paragraph whose sentences are mostly
boilerplate is boilerplate as a whole.  Quoted speech is ignored when
scoring, so a quoted "we" or "you" is not the outlet talking to its readers.

The cues are general patterns (appeal verbs and donation nouns, calls to
action aimed at the reader, an outlet speaking of itself and its
journalism), checked against the seed gold (``shared/gold/seeds.json``:
boilerplate line precision and recall both 1.0 on the five seeds).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.config import Settings
from sitrep.model import Document, Sentence

__all__ = ["boilerplate_lines", "boilerplate_score", "flag_boilerplate"]

# Score at which a sentence is boilerplate on its own.  Tried 1-3 on the seeds:
# 1 flags news sentences that mention donations; 3 misses "Leave a Comment".
_STRONG = 2
# Strong donation sentences needed before weaker appeal rhetoric counts.
# Set by hand: an appeal block has several; a news story about aid has at most one.
_APPEAL_CONTEXT = 3

_I = re.IGNORECASE

_DONATION = re.compile(
    r"\b(donat(e|es|ed|ing|ions?)|gift aid|cheques?|checks? (payable|to)|payable to|"
    r"bank transfer|raise money|fundrais\w*|appeal|your (support|donation|gift|contribution)|"
    r"support (us|our)\b|help us\b)",
    _I,
)
_READER = re.compile(r"\b(you|your|yours|readers?|subscribers?)\b", _I)
_OUTLET_VOICE = re.compile(r"\b(we|us|our)\b", _I)
_JOURNALISM = re.compile(
    r"\b(journalis\w+|reporters?|reporting|newsroom|paywalls?|documentar(y|ies)|"
    r"news outlets?|tell the story|coverage)\b",
    _I,
)
_OUTLET_SELF = re.compile(
    r"\b(The (Independent|Guardian|Telegraph|Times|Mail|Sun|Mirror|Express)|MailOnline|"
    r"Mail Force|Mail Newspapers|Independent Premium) (is|are|have|has)\b"
)
_CTA_VERB = re.compile(
    r"^(please|subscribe|sign up|join|follow|leave|share|click|tap|download|register|log in|start|"
    r"donate|make|bookmark|comment|read|watch|listen|send|get|add|complete|try|give|want to)\b",
    _I,
)
_CTA_NOUN = re.compile(
    r"\b(comments?|commenting|newsletters?|subscriptions?|subscribe|bookmark|sign up|forum|"
    r"premium|this article|click here|found here|online form|replies)\b",
    _I,
)
_LABEL = re.compile(
    r"^(comments?|source link|share( this( article| story)?)?|advertisement|read more|"
    r"more to follow|related( articles| stories| content)?|most read|click here|"
    r"(photo|image|picture|video)s?( credit)?:.*|.*\b(getty images|ap photo|afp via getty)\b.*)"
    r"[\s.!:…]*$",
    _I,
)
_EMOTIVE = re.compile(
    r"\b(heartbreak\w*|generos\w*|generously|compassion|charit(y|ies)|human spirit|"
    r"innocent victims|no one can fail|require\b.*\bsupport)\b",
    _I,
)
_DOUBLE_QUOTED = re.compile(r'"[^"]*("|$)')
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'.*?('(?![A-Za-z])|$)")


def _unquoted(text: str) -> str:
    """``text`` without quoted speech (an unclosed quote runs to the end)."""
    return _SINGLE_QUOTED.sub(" ", _DOUBLE_QUOTED.sub(" ", text))


def _appeal_cues(text: str) -> int:
    return sum(
        (
            _DONATION.search(text) is not None,
            _READER.search(text) is not None,
            _EMOTIVE.search(text) is not None,
        )
    )


def _other_cues(text: str) -> int:
    outlet = _OUTLET_SELF.search(text) is not None or (
        _OUTLET_VOICE.search(text) is not None and _JOURNALISM.search(text) is not None
    )
    cta = _CTA_VERB.search(text) is not None
    label = _LABEL.match(text) is not None
    return 2 * outlet + cta + (_CTA_NOUN.search(text) is not None) + 2 * label


def boilerplate_score(text: str) -> int:
    """How strongly one (normalised) sentence looks like boilerplate; ``_STRONG`` or more is."""
    plain = _unquoted(text.strip())
    return _appeal_cues(plain) + _other_cues(plain)


def _is_weak_appeal(text: str) -> bool:
    plain = _unquoted(text)
    return _EMOTIVE.search(plain) is not None or _DONATION.search(plain) is not None


def _flags(sentences: tuple[Sentence, ...]) -> list[bool]:
    scores = [0 if s.is_title else boilerplate_score(s.text) for s in sentences]
    flags = [score >= _STRONG for score in scores]
    appeals = sum(
        1 for s, flag in zip(sentences, flags, strict=True) if flag and _DONATION.search(s.text)
    )
    if appeals >= _APPEAL_CONTEXT:
        flags = [
            flag or (not s.is_title and _is_weak_appeal(s.text))
            for s, flag in zip(sentences, flags, strict=True)
        ]
    return _spread_over_paragraphs(sentences, flags)


def _spread_over_paragraphs(sentences: tuple[Sentence, ...], flags: list[bool]) -> list[bool]:
    """Flag every sentence of a paragraph whose sentences are mostly flagged."""
    by_paragraph: dict[int, list[int]] = {}
    for i, sent in enumerate(sentences):
        by_paragraph.setdefault(sent.paragraph, []).append(i)
    spread = list(flags)
    for members in by_paragraph.values():
        if sum(flags[i] for i in members) * 2 > len(members):
            for i in members:
                spread[i] = not sentences[i].is_title
    return spread


def flag_boilerplate(doc: Document, settings: Settings) -> Document:
    """``doc`` with ``Sentence.boilerplate`` set on appeals, prompts, labels and credits."""
    flags = _flags(doc.sentences)
    sentences = tuple(
        replace(sent, boilerplate=flag) for sent, flag in zip(doc.sentences, flags, strict=True)
    )
    return replace(doc, sentences=sentences)


def boilerplate_lines(doc: Document) -> list[int]:
    """1-based raw lines whose every visible character lies in a boilerplate sentence."""
    text = doc.article.text
    covered = bytearray(len(text))
    for sent in doc.sentences:
        if sent.boilerplate:
            covered[sent.start : sent.end] = b"\x01" * (sent.end - sent.start)
    lines: list[int] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        visible = [offset + i for i, ch in enumerate(line) if not ch.isspace()]
        if visible and all(covered[i] for i in visible):
            lines.append(number)
        offset += len(line) + 1
    return lines
