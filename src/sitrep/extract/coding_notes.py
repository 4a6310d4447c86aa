"""A coder's notes on how an event is coded, as event datasets write them into their notes.

ACLED's coders state in the note itself what they coded when the source gave
no exact figure or place:

- "Unspecified fatalities coded as 10.", "Casualties were high (coded as 10)."
  (a stated placeholder toll: the event's killed figure is that number);
- "There were also fatalities on the Russian side, coded as additional 10
  fatalities." (added to the figure the note states);
- "During the day, 20 soldiers were killed in the Luhansk region [20
  fatalities split among 5 events]." (the regional figure is shared out: this
  event's part is the total divided by the events, rounded up, as the coders
  share it; a figure the note states for this place alone is added to it);
- "(fatalities coded to Horlivka event)" (the deaths belong to another event:
  this one has no killed figure);
- "(coded to Orikhove)", "[coded to Kyiv]" (the place the event is coded at);
- a leading label naming a strategic development ("Displacement: ...",
  "Interception: ...", "Movement of forces: ..."): the sub-type it names.

This stage runs after grouping and applies the notes to the article's first
incident (a coded note describes one event).  A news article never writes
these phrases, so other text is untouched.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from sitrep.config import Settings
from sitrep.extract._casualties import find_casualties
from sitrep.extract.events import names_clash
from sitrep.lang import vocabulary
from sitrep.model import Document, Number, Place, Report

__all__ = ["apply_coding_notes", "is_coded_note"]

_N = r"(?P<n>\d[\d,]*)"
# "Unspecified fatalities coded as 10", "Unspecified number of fatalities are coded as 3",
# "Unspecified fatalities assumed, coded as 3", "(coded as 10)", "coded to 10"
_CODED_AS = re.compile(
    rf"(?:\b(?:unspecified\s+(?:number\s+of\s+)?)?(?:fatalities|casualties|deaths)\s+(?:are\s+|were\s+|is\s+)?"
    rf"(?:assumed,?\s+)?coded\s+(?:as|to)\s+{_N}(?!\s*(?:additional|more|other))|\(\s*coded\s+as\s+(?P<m>\d[\d,]*)\s*\))",
    re.I,
)
_ADDITIONAL = re.compile(rf"\bcoded\s+as\s+(?:an?\s+)?additional\s+{_N}\s+fatalit", re.I)
# "[20 fatalities split among 5 events]", "(3 fatalities split between 3 events)",
# "[10 fatalities coded, the other 11 fatalities split among 6 events]"
_SPLIT = re.compile(
    rf"{_N}\s+fatalities\s+(?:are\s+|were\s+)?split\s+(?:among|between|across)\s+(?P<k>\d+)\s+events",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\bfatalities\s+(?:are\s+|were\s+)?coded\s+to\s+(?:the\s+)?[\w' -]+?\s+event\b", re.I
)
_CODED_TO_PLACE = re.compile(
    r"[(\[]\s*coded\s+to\s+(?P<name>[^()\[\]]+?)(?:\s+as\s+[^()\[\]]*)?\s*[)\]]", re.I
)


# ACLED's labels for strategic developments, as its notes begin with them, and the sub-type each is.
_LABELS = {
    "displacement": "other",
    "other": "other",
    "mass grave": "other",
    "interception": "disrupted_weapons_use",
    "weapons seizure": "disrupted_weapons_use",
    "defusal": "disrupted_weapons_use",
    "looting": "looting_property_destruction",
    "property destruction": "looting_property_destruction",
    "movement of forces": "change_to_group_activity",
    "change to armed group": "change_to_group_activity",
    "change to group activity": "change_to_group_activity",
    "headquarters or base established": "headquarters_or_base_established",
    "non-violent transfer of territory": "non_violent_transfer_of_territory",
    "agreement": "agreement",
    "arrests": "arrests",
}
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][a-z]+(?:[ -][a-z]+){0,4}):\s")


def _labelled(text: str) -> str | None:
    m = _LABEL.match(text)
    return _LABELS.get(m["label"].lower()) if m else None


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _coded_killed(text: str, stated: Number | None) -> tuple[bool, Number | None]:
    """Whether the note codes the toll, and the toll it codes (``None``: no deaths for this event)."""
    if _ELSEWHERE.search(text):
        return True, None
    split = _SPLIT.search(text)
    if split:
        total, events = _int(split["n"]), max(1, int(split["k"]))
        share = math.ceil(total / events)
        local = stated.value if stated and stated.value and stated.value != total else 0
        return True, Number.exact(share + (local or 0))
    coded = _CODED_AS.search(text)
    if coded:
        value = _int(coded["n"] or coded["m"])
        if stated and stated.value and stated.value > value:
            return True, stated
        return True, Number(value, "about", value, None)
    extra = _ADDITIONAL.search(text)
    if extra and stated and stated.value:
        value = stated.value + _int(extra["n"])
        return True, Number(value, "about", value, None)
    return False, stated


def _coded_place(doc: Document) -> Place | None:
    """The place a "(coded to X)" note names, as the article's place mentions resolved it."""
    for sent in doc.sentences:
        for m in _CODED_TO_PLACE.finditer(sent.text):
            inside = [
                p for p in doc.places
                if p.sentence == sent.index and m.start("name") <= p.start < m.end("name")
            ]  # fmt: skip
            if inside:
                return inside[0].place
    return None


def _note_text(doc: Document) -> str:
    return " ".join(s.text for s in doc.sentences)


# A coded note opens with its date ("On 15 May 2022, ...", "Around 13 March 2022 (between ...)"),
# after an optional label; a news article opens with a headline or a dateline.
_NOTE_START = re.compile(
    r"^\s*(?:[A-Z][a-z]+(?:[ -][a-z]+){0,4}:\s+)?(?:On|Around|Between|Overnight\s+on|During|From)\s+"
    r"(?:the\s+night\s+of\s+)?\d{1,2}(?:\s*-\s*\d{1,2})?\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}\b"
)
# Longest text still read as one note: ACLED's notes run to about 1,000 characters.
_NOTE_MAX_CHARS = 1500
# "No information on whether fighting took place": the ground changed hands without a fight told.
_NO_FIGHT_TOLD = re.compile(
    r"\bno\s+information\s+(?:on|about)\s+whether\s+(?:any\s+)?fighting\s+took\s+place\b", re.I
)
_TAKEN = frozenset({"government_regains_territory", "non_state_actor_overtakes_territory"})


def is_coded_note(text: str) -> bool:
    """Whether ``text`` reads as one event dataset's coded note rather than a news article."""
    return len(text) <= _NOTE_MAX_CHARS and bool(_NOTE_START.match(text))


# A coder's note is written in English whatever the language of what it codes.
_CODERS = vocabulary("en")


def _coded_type(doc: Document, first: Report) -> Report:
    """The coders' precedence within one note: an armed clash told anywhere in it makes the
    event a battle, whatever else was fired ("Russian forces shelled Marinka. Ukrainian forces
    responded with fire."); ground taken with no fighting told is a non-violent transfer."""
    if first.sub_event_type in _TAKEN and _NO_FIGHT_TOLD.search(doc.article.text):
        return replace(
            first,
            event_type="strategic_developments",
            sub_event_type="non_violent_transfer_of_territory",
        )
    if first.event_type != "explosions_remote_violence":
        return first
    # The clash need not lead its sentence: "carried out an airstrike ... and tried to storm the
    # plant, inciting clashes" is a battle to the coders (on 2,000 of their notes, 448 of the 456
    # violent notes that name fighting anywhere are coded Battles).
    if any(names_clash(sent.text, _CODERS) for sent in doc.sentences):
        return replace(first, event_type="battles", sub_event_type="armed_clash", typed=True)
    return first


def _one_event(first: Report, rest: tuple[Report, ...]) -> tuple[Report, ...]:
    """A note codes one event: counts the grouping put at another place it names ("fired at
    DPR positions in Donetsk - Petrovskyi. 1 civilian died.") are the event's, when the
    event has none of its own."""
    same_day = [r for r in rest if r.date == first.date or r.date is None]
    killed = first.killed or next((r.killed for r in same_day if r.killed), None)
    injured = first.injured or next((r.injured for r in same_day if r.injured), None)
    if killed is first.killed and injured is first.injured:
        return (first, *rest)
    moved = tuple(
        replace(
            r,
            killed=None if first.killed is None else r.killed,
            injured=None if first.injured is None else r.injured,
        )
        if r in same_day
        else r
        for r in rest
    )
    return (replace(first, killed=killed, injured=injured), *moved)


def _victims_summed(doc: Document, first: Report) -> Report:
    """A note's deaths of different sides told in different sentences add up ("A civilian woman
    died ... At least 4 Russian soldiers were killed." is 5), as the coders total an event's
    fatalities.  Not where the note shares a regional figure out ("split among", "coded")."""
    if (
        first.killed is None
        or first.killed.value is None
        or "coded" in doc.article.text
        or "split" in doc.article.text
    ):
        return first
    per_sentence: list[tuple[str, Number]] = []
    for sent in doc.sentences:
        killed = [
            m
            for m in find_casualties(sent.text)
            if m.kind == "killed" and m.number.value is not None
        ]
        if killed:
            top = max(killed, key=lambda m: m.number.value or 0)
            per_sentence.append(("soldiers" if top.victims == "soldiers" else "others", top.number))
    if len(per_sentence) < 2 or len({side for side, _ in per_sentence}) < 2:
        return first
    total = sum(n.value or 0 for _, n in per_sentence)
    if total <= first.killed.value:
        return first
    exact = all(n.qualifier == "exact" for _, n in per_sentence)
    return replace(
        first,
        killed=Number(total, "exact" if exact else "at_least", total, total if exact else None),
    )


def apply_coding_notes(doc: Document, settings: Settings) -> Document:
    """Stage: a coder's stated toll, place and label decide the article's first incident."""
    if not doc.reports:
        return doc
    label = _labelled(doc.article.text)
    if label is not None:
        doc = replace(
            doc,
            reports=(
                replace(doc.reports[0], event_type="strategic_developments", sub_event_type=label),
                *doc.reports[1:],
            ),
        )
    if is_coded_note(doc.article.text):
        doc = replace(doc, reports=_one_event(doc.reports[0], doc.reports[1:]))
        typed = doc.reports[0] if label is not None else _coded_type(doc, doc.reports[0])
        doc = replace(doc, reports=(_victims_summed(doc, typed), *doc.reports[1:]))
    if "coded" not in doc.article.text and "split" not in doc.article.text:
        return doc
    text = _note_text(doc)
    first: Report = doc.reports[0]
    coded, killed = _coded_killed(text, first.killed)
    place = _coded_place(doc)
    if not coded and place is None:
        return doc
    first = replace(first, killed=killed if coded else first.killed)
    rest = doc.reports[1:]
    if place is not None:
        first = replace(first, place=place)
        # the note codes one event at that place: the other places it names only locate it
        rest = tuple(r for r in rest if r.date != first.date)
    return replace(doc, reports=(first, *rest))
