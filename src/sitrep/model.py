"""The data model: frozen values that flow through the pipeline.

One immutable :class:`Document` carries an :class:`Article` through the stages
(``pipeline.STAGES``); each stage returns a new ``Document`` with more typed
fields filled in.  Every extracted value keeps its provenance: character
offsets into ``Article.text`` (the decoded raw input), the sentence it came
from and the name of the extractor that made it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "EVENT_TYPES",
    "UNKNOWN_TYPE",
    "Article",
    "Claimant",
    "Contradiction",
    "Corpus",
    "Document",
    "EventType",
    "Evidence",
    "Failure",
    "Figure",
    "Incident",
    "Number",
    "PartialDate",
    "Place",
    "PlaceMention",
    "Precision",
    "PublishedBasis",
    "Qualifier",
    "Report",
    "Sentence",
    "Span",
    "Status",
    "Story",
]

Qualifier = Literal[
    "exact",
    "at_least",
    "more_than",
    "nearly",
    "about",
    "up_to",
    "dozens",
    "hundreds",
    "unspecified",
]
Precision = Literal["district", "settlement", "raion", "oblast", "country"]
#: The languages sitrep reads (``sitrep.lang`` detects which one an article is in).
LanguageCode = Literal["en", "uk", "ru"]
PublishedBasis = Literal["stated", "metadata", "inferred", "unknown"]
Status = Literal["reported", "claimed", "unconfirmed"]
EventType = Literal[
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic_developments",
]

#: ACLED's event types and sub-types, in snake_case (see DESIGN.md "Vocabulary").
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "battles": (
        "armed_clash",
        "government_regains_territory",
        "non_state_actor_overtakes_territory",
    ),
    "explosions_remote_violence": (
        "shelling_artillery_missile_attack",
        "air_drone_strike",
        "remote_explosive_landmine_ied",
        "grenade",
        "suicide_bomb",
        "chemical_weapon",
    ),
    "violence_against_civilians": ("attack", "abduction_forced_disappearance", "sexual_violence"),
    "protests": (
        "peaceful_protest",
        "protest_with_intervention",
        "excessive_force_against_protesters",
    ),
    "riots": ("violent_demonstration", "mob_violence"),
    "strategic_developments": (
        "agreement",
        "arrests",
        "change_to_group_activity",
        "disrupted_weapons_use",
        "headquarters_or_base_established",
        "looting_property_destruction",
        "non_violent_transfer_of_territory",
        "other",
    ),
}

#: The event type (and sub-type) of a report whose sentence names no event ("Two people were
#: killed."): unknown, never a guess. Merging in an article and across articles takes the type
#: of a report that names one; an incident told only by such reports stays unknown.
UNKNOWN_TYPE = "unknown"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar day whose year may be unknown (the text gave none)."""

    year: int | None
    month: int
    day: int

    def isoformat(self) -> str:
        """``2022-03-02``, or ``--03-02`` when the year is unknown."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self) -> dt.date | None:
        """The full date, or ``None`` when the year is unknown."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Inverse of :meth:`isoformat`."""
        if text.startswith("--"):
            month, day = text[2:].split("-")
            return cls(None, int(month), int(day))
        return cls.from_date(dt.date.fromisoformat(text))


@dataclass(frozen=True, slots=True)
class Number:
    """A count as stated: ``at least 25`` is ``Number(25, "at_least", 25, None)``.

    ``value`` is ``None`` for vague counts (``dozens``: low 24) and for
    ``unspecified`` ("significant casualties").
    """

    value: int | None
    qualifier: Qualifier
    low: int | None = None
    high: int | None = None

    @classmethod
    def exact(cls, value: int) -> Number:
        return cls(value, "exact", value, value)


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, as decoded.  ``text`` is never modified afterwards.

    ``id`` is a hash of the normalised text, so ingesting the same article
    twice yields the same id.  ``body_start`` is the offset where the body
    begins (after a title, date or URL header).
    """

    id: str
    text: str
    source: str
    title: str | None = None
    published: dt.date | None = None
    published_basis: PublishedBasis = "unknown"
    url: str | None = None
    outlet: str | None = None
    body_start: int = 0
    record_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article.

    ``start``/``end`` are offsets into ``Article.text``; ``text`` is the
    cleaned form (quotes normalised one character for one, glued words split
    by inserting spaces).  ``inserts`` lists the positions in ``text`` where a
    space was inserted, so :meth:`raw_offset` maps any position back.
    """

    index: int
    start: int
    end: int
    text: str
    line: int
    paragraph: int
    inserts: tuple[int, ...] = ()
    boilerplate: bool = False
    repeat_of: int | None = None
    is_title: bool = False

    def raw_offset(self, pos: int) -> int:
        """Offset into ``Article.text`` of position ``pos`` in ``self.text``."""
        shift = sum(1 for p in self.inserts if p < pos)
        return self.start + pos - shift

    def raw_span(self, start: int, end: int) -> Span:
        return Span(self.raw_offset(start), self.raw_offset(end))


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location.  ``id`` is the gazetteer key (OCHA pcode or WOF id)."""

    name: str
    lat: float | None
    lon: float | None
    admin1: str | None
    precision: Precision
    id: str | None = None
    admin2: str | None = None
    country: str = "Ukraine"
    parent: str | None = None  # for a district: the city it belongs to
    # The form the text used where it is not the name ("у Харкові" -> "Харкові"); not part
    # of what the place is, so two mentions of one place in two forms are equal.
    text: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a sentence, with the place it resolved to."""

    sentence: int
    start: int  # offsets into Sentence.text
    end: int
    surface: str
    place: Place
    # How the place was chosen among same-named ones: "unique", "context" (the text
    # names its unit), "dominant" (by far the largest), "nearby" (nearest the
    # article's other places), "cluster" (where the batch's places are), "largest".
    basis: str = "unique"


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who a value is attributed to: a body or a person with a role."""

    name: str
    role: str | None = None
    channel: str | None = None
    side: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that supports a value: 1-based raw line and raw offsets."""

    line: int
    start: int
    end: int
    text: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Report:
    """What one article says about one incident."""

    article_id: str
    date: PartialDate | None
    place: Place | None
    event_type: str
    sub_event_type: str
    evidence: tuple[Evidence, ...]
    extractor: str
    killed: Number | None = None
    injured: Number | None = None
    victims: str | None = None
    weapon: str | None = None
    targets: tuple[str, ...] = ()
    actor: str | None = None
    status: Status = "reported"
    claimant: Claimant | None = None
    date_inferred: bool = False
    separate: bool = (
        False  # "another person was killed": a new incident, never merged into one before
    )
    # False when the sentence only counts victims ("Two were killed.") and the type is
    # UNKNOWN_TYPE: merging then takes the type from a sentence that names the event.
    typed: bool = True
    # The day the report's numbers are stated for ("rose to 57 on Sunday"; else the
    # article's date): report time, never the incident's date.
    as_of: PartialDate | None = None
    # The report updates a toll ("the death toll rose to 46") without dating the attack:
    # its date is only the day of telling, and it may follow an incident days earlier.
    followup: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A cumulative tally claimed by someone: ``metric`` over ``scope`` as of a date."""

    article_id: str
    metric: str
    scope: str
    value: Number
    evidence: tuple[Evidence, ...]
    extractor: str
    claimant: Claimant | None = None
    side: str | None = None
    since: PartialDate | None = None
    as_of: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, and why.  The batch goes on."""

    source: str
    reason: str
    kind: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Document:
    """The value that flows through ``pipeline.STAGES``."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    reports: tuple[Report, ...] = ()
    figures: tuple[Figure, ...] = ()
    # Where the other places of the batch lie (lat, lon): the place stage's
    # last tie-breaker among same-named villages.  Input, not output.
    batch_points: tuple[tuple[float, float], ...] = ()
    # The places among them another article pinned down by name and region.
    batch_pinned: tuple[tuple[float, float], ...] = ()
    # The language the article is written in ("en", "uk", "ru"; see ``sitrep.lang``).
    language: LanguageCode = "en"


@dataclass(frozen=True, slots=True)
class Story:
    """Near-duplicate articles: copies of one piece, possibly edited."""

    id: str
    article_ids: tuple[str, ...]
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """One event at one place on one day, with every report that describes it.

    ``killed``/``injured`` are the summary figure (see ``resolve``), and
    ``killed_range``/``injured_range`` the spread across sources.
    """

    id: str
    date: PartialDate | None
    place: Place | None
    event_type: str
    sub_event_type: str
    reports: tuple[Report, ...]
    killed: Number | None = None
    injured: Number | None = None
    killed_range: tuple[int | None, int | None] = (None, None)
    injured_range: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Sources that disagree beyond what their qualifiers allow."""

    kind: Literal["figure", "incident"]
    claims: tuple[Figure | Report, ...]
    metric: str | None = None
    scope: str | None = None
    incident: str | None = None
    gap: float | None = None
    minor: bool = False
    id: str = ""  # stable id (sitrep.resolve); "" when built by hand


@dataclass(frozen=True, slots=True)
class Corpus:
    """The cross-document record that ``resolve`` builds."""

    stories: tuple[Story, ...] = ()
    incidents: tuple[Incident, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    inferred_published: dict[str, dt.date] = field(default_factory=dict)
