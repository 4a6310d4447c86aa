"""The gazetteer: every populated place in Ukraine, its units, and the names news gives them.

:func:`load_gazetteer` opens the SQLite file that ``scripts/build_gazetteer.py``
builds (``sitrep/data/gazetteer.sqlite``; sources and licences in
``sitrep/data/NOTICE.md``) and keeps it in memory.  :meth:`Gazetteer.find`
finds place-name mentions in a sentence; choosing among same-named places is
:mod:`sitrep.extract.places`' job.

Names are looked up by a normalised key (:func:`normalise_name`): ASCII,
lower case, no apostrophes, hyphens as spaces.  The build script imports the
same function, so text and table can never disagree.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from sitrep.lang import vocabulary

__all__ = [
    "Designator",
    "Gazetteer",
    "GazetteerEntry",
    "NameMatch",
    "PlaceKind",
    "load_gazetteer",
    "name_alternates",
    "normalise_name",
    "skeleton",
    "transliterate_cyrillic",
]


def _lexicon(name: str) -> frozenset[str]:
    """The English word list ``name`` (data/lang/en/vocabulary.json)."""
    return frozenset(vocabulary("en").words(name))


# Letters NFKD does not decompose into ASCII plus a combining mark.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"})
_APOSTROPHES = re.compile(r"['’ʼ`‘ʹ′´]")
_SEPARATORS = re.compile(r"[-‐‑‒–—_/.,]+")
_NOT_KEY = re.compile(r"[^a-z0-9 ]")
_SPACES = re.compile(r" {2,}")


def normalise_name(text: str) -> str:
    """Lookup key of a name: ASCII lowercase, no apostrophes, hyphens as spaces.

    ``"Kam’yanets-Podil's'kyi"`` and ``"Kamyanets Podilskyi"`` share a key.
    Digits stay, slashes become spaces: the mine settlement "Shakhta 6/7" is
    ``"shakhta 6 7"``, not the word "shakhta".
    Returns ``""`` when nothing Latin is left (e.g. a Cyrillic name).
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    key = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", ascii_only))
    key = _NOT_KEY.sub("", key) if key.isascii() else ""
    return _SPACES.sub(" ", key).strip()


_NOT_CYRILLIC_KEY = re.compile(r"[^а-щьюяіїєґыэъ ]")


def cyrillic_key(text: str) -> str:
    """Lookup key of a Ukrainian or Russian name: lowercase, ``ё`` as ``е``, no apostrophes,
    hyphens as spaces.  ``"Кам'янське"`` and ``"Камʼянське"`` share a key; ``""`` unless
    every letter is Cyrillic."""
    folded = _APOSTROPHES.sub("", text.lower().replace("ё", "е"))
    key = _SPACES.sub(" ", _SEPARATORS.sub(" ", folded)).strip()
    return "" if _NOT_CYRILLIC_KEY.search(key) else key


# Each rule rewrites one spelling habit of the official KMU-2010 romanisation
# into one news outlets also use.  Rules apply one at a time and all together,
# never in every combination, to keep the key table small.
_ALTERNATE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"yi\b"), "iy"),  # Kryvyi -> Kryviy
    (re.compile(r"yi\b"), "y"),  # Khmelnytskyi -> Khmelnytsky
    (re.compile(r"yi\b"), "i"),  # Khmelnytskyi -> Khmelnytski
    (re.compile(r"ii"), "iyi"),  # Andriivka -> Andriyivka
    (re.compile(r"ii"), "iy"),  # Avdiivka -> Avdiyvka
    (re.compile(r"ia\b"), "ya"),  # Balakliia -> Balakliya
    (re.compile(r"iia\b"), "ia"),  # Balakliia -> Balaklia
    (re.compile(r"zhzh"), "zh"),  # Zaporizhzhia -> Zaporizhia
    (re.compile(r"\bkh"), "h"),  # Kharkiv -> Harkiv
    (re.compile(r"(?<![kzsc])h"), "g"),  # Hostomel -> Gostomel
    (re.compile(r"ie"), "ye"),  # Sievierodonetsk -> Syeverodonetsk
    (re.compile(r"iu"), "yu"),  # Izium -> Izyum
    (re.compile(r"ia"), "ya"),  # Sloviansk -> Slovyansk
    (
        re.compile(r"shch"),
        "sch",
    ),  # Klishchiivka -> Klischiivka (German-style and machine spellings)
)


def name_alternates(key: str) -> set[str]:
    """Spelling alternates of a normalised key (without the key itself)."""
    singles = {pattern.sub(repl, key) for pattern, repl in _ALTERNATE_RULES}
    combined = key
    for pattern, repl in _ALTERNATE_RULES[::3]:  # one rule per habit, not contradictory ones
        combined = pattern.sub(repl, combined)
    return (singles | {combined}) - {key, ""}


# Letter groups that transliterations of one Cyrillic letter write differently
# ("Klischiivka"/"Klishchiivka", "Czasiv"/"Chasiv", Russian g for Ukrainian h),
# longest first; each becomes one consonant class of :func:`skeleton`.
_CONSONANT_CLASSES: tuple[tuple[str, str], ...] = (
    ("shch", "S"), ("sch", "S"), ("szcz", "S"), ("zh", "Z"), ("kh", "H"), ("ch", "C"),
    ("cz", "C"), ("tch", "C"), ("sh", "X"), ("sz", "X"), ("ts", "T"), ("tz", "T"),
    ("c", "T"), ("h", "H"), ("g", "H"), ("w", "v"), ("x", "ks"), ("q", "k"),
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouyj ]")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(key: str) -> str:
    """The consonants of a normalised key, one class per transliterated letter.

    Spellings of one name in different romanisations, Russian or Ukrainian,
    share it: "olenivka" and "elenovka", "komyshuvakha" and "kamyshevakha",
    "rumiantseve" and "rumyantsevo" all reduce to the same string.
    """
    out = key
    for group, cls in _CONSONANT_CLASSES:
        out = out.replace(group, cls)
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", out))


_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "'": "", "’": "", "ʼ": "", "-": "-", " ": " ",
}  # fmt: skip
# KMU-2010, the official Ukrainian romanisation (word-initial forms handled below).
_UKRAINIAN = {**_COMMON, "г": "h", "ґ": "g", "и": "y", "і": "i", "ї": "i", "й": "i",
              "є": "ie", "ю": "iu", "я": "ia", "ь": ""}  # fmt: skip
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# The Russian-style romanisation English-language news used for decades:
# Киев -> Kiev, Харьков -> Kharkov, Запорожье -> Zaporozhye.
_RUSSIAN = {**_COMMON, "г": "g", "и": "i", "й": "y", "ы": "y", "э": "e", "ё": "yo",
            "ю": "yu", "я": "ya", "ъ": "", "ь": ""}  # fmt: skip
_RUSSIAN_ONLY = set("ыэъё")
_UKRAINIAN_ONLY = set("іїєґ")
_SOFT_BEFORE_VOWEL = re.compile(r"ь(?=[еёюяи])")


def transliterate_cyrillic(text: str) -> set[str]:
    """Latin spellings of a Ukrainian or Russian name (empty for other scripts).

    A name with letters only Ukrainian has (і ї є ґ) gets KMU-2010, one with
    letters only Russian has gets the news-style Russian spelling, anything
    else gets both.  Names with letters of neither alphabet get nothing.
    """
    lower = text.lower()
    known = set(_UKRAINIAN) | set(_RUSSIAN)
    if not lower or any(c not in known for c in lower):
        return set()
    out: set[str] = set()
    if not set(lower) & _RUSSIAN_ONLY:
        out.add(_ukrainian_to_latin(lower))
    if not set(lower) & _UKRAINIAN_ONLY:
        out.update(_russian_to_latin(lower))
    return {s for s in out if s}


def _ukrainian_to_latin(text: str) -> str:
    out = []
    text = text.replace("зг", "з\u0000")  # KMU writes зг as "zgh", not "zh"
    for i, c in enumerate(text):
        if c == "\u0000":
            out.append("gh")
            continue
        initial = i == 0 or not text[i - 1].isalpha()
        out.append(_UKRAINIAN_INITIAL[c] if initial and c in _UKRAINIAN_INITIAL else _UKRAINIAN[c])
    return "".join(out)


def _russian_to_latin(text: str) -> set[str]:
    # News writes both "Zaporozhe" and "Zaporozhye", "Nikolaev" and "Nikolayev".
    soft = _SOFT_BEFORE_VOWEL.sub("й", text)
    plain = "".join(_RUSSIAN[c] for c in text)
    yotated = "".join(_RUSSIAN[c] for c in soft)
    iotated_e = re.sub(r"(?<=[aeiouy])e", "ye", plain)
    # ...and "Khmelnitsky", "Novgorod-Seversky" for -ский / -ий.
    short_adjective = {re.sub(r"[iy]y\b", "y", form) for form in (plain, yotated)}
    return {plain, yotated, iotated_e} | short_adjective


# --- the loaded gazetteer -------------------------------------------------------------

PlaceKind = Literal["settlement", "district", "raion", "oblast", "country", "foreign"]
#: What a word next to a name says it is: "the Kharkiv *region*", "*the town of* Bucha".
Designator = Literal["oblast", "raion", "hromada", "settlement"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place of the gazetteer.  ``ref`` is its OCHA pcode, ``wof:<id>`` or a slug."""

    id: int
    ref: str
    name: str
    kind: PlaceKind
    admin1: str | None
    admin2: str | None
    hromada: str | None
    parent: str | None
    country: str
    lat: float | None
    lon: float | None
    population: int


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place name found in a text: ``text[start:end] == surface``.

    ``surface`` includes a designator that follows the name ("Donetsk
    Oblast", "Obolon district") but not a possessive "'s".
    """

    start: int
    end: int
    surface: str
    candidates: tuple[GazetteerEntry, ...]
    designator: Designator | None = None


# Shortest skeleton :meth:`Gazetteer.spelled_like` matches: two consonants
# ("Lozove" -> "lzv" has three) say too little even inside one oblast.
MIN_SKELETON = 3
# Smallest town a respelt name may match anywhere in the country (not pinned to an oblast).
MIN_TOWN = 2_000
# Edits a misspelt oblast qualifier may be off by: "Kherso" (1), "Mykoliav" (2, a swap).
# Set from the qualifier typos seen on ACLED's dev notes (all one or two edits), not swept.
# Names shorter than OBLAST_TYPO_LONG get one edit, below OBLAST_TYPO_MIN letters none
# ("Sumo" is too short to tell from a word).
OBLAST_TYPO = 2
OBLAST_TYPO_LONG = 7
OBLAST_TYPO_MIN = 5


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


DEFAULT_PATH = Path(str(resources.files("sitrep") / "data" / "gazetteer.sqlite"))


class Gazetteer:
    """Place names and places, in memory.  Build one with :func:`load_gazetteer`."""

    def __init__(self, rows: dict[int, _Row], names: dict[str, str], stops: dict[str, str]) -> None:
        self._rows = rows
        self._names = names  # key -> space-separated ids, parsed on first use
        self._entries: dict[int, GazetteerEntry] = {}
        self.stops = stops
        self._bones: dict[tuple[str, str], tuple[int, ...]] | None = None
        self._first: frozenset[str] | None = None
        self._seats: dict[str, tuple[GazetteerEntry, ...]] | None = None
        self._seat_bones: dict[str, tuple[str, ...]] | None = None
        self._oblasts: list[tuple[str, GazetteerEntry]] | None = None
        self._points: dict[str, tuple[tuple[float, float], ...]] | None = None
        self.max_words = max((key.count(" ") + 1 for key in names), default=1)

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, place_id: int) -> GazetteerEntry:
        """The place with gazetteer row id ``place_id``."""
        entry = self._entries.get(place_id)
        if entry is None:
            entry = self._entries[place_id] = GazetteerEntry(*self._rows[place_id])
        return entry

    def hromada_seats(self, key: str) -> tuple[GazetteerEntry, ...]:
        """The settlement that seats each hromada called ``key`` (normalised, "velykopysarivska"):
        the one that gives it its name, else its largest; one per raion."""
        if self._seats is None:
            best: dict[tuple[str, str | None], GazetteerEntry] = {}
            for i, row in self._rows.items():
                if row[3] != "settlement" or not row[6]:
                    continue
                entry = self.entry(i)
                slot = (normalise_name(row[6]), row[5])
                rank = (_hromada_centre(entry), entry.population)
                if slot not in best or rank > (_hromada_centre(best[slot]), best[slot].population):
                    best[slot] = entry
            seats: dict[str, list[GazetteerEntry]] = {}
            for (name, _), entry in best.items():
                seats.setdefault(name, []).append(entry)
            self._seats = {
                k: tuple(sorted(v, key=lambda e: -e.population)) for k, v in seats.items()
            }
        return self._seats.get(key, ())

    def hromada_seats_spelled_like(self, key: str) -> tuple[GazetteerEntry, ...]:
        """The seats of the hromadas whose name has ``key``'s :func:`skeleton`, closest spelling
        first: a Ukrainian hromada named in Russian ("Белозерской общины", belozerska, is
        Bilozerska) keeps its consonants and changes its vowels."""
        bone = skeleton(key)
        if len(bone) < MIN_SKELETON:
            return ()
        if self._seat_bones is None:
            self.hromada_seats("")
            bones: dict[str, list[str]] = {}
            for name in self._seats or {}:
                bones.setdefault(skeleton(name), []).append(name)
            self._seat_bones = {k: tuple(v) for k, v in bones.items()}
        names = self._seat_bones.get(bone, ())
        distance = {n: _edit_distance(key, n) for n in names}
        near = [n for n in names if distance[n] <= len(key) // 3 + 1]
        best = min((distance[n] for n in near), default=0)
        return tuple(e for n in sorted(near) if distance[n] == best for e in self.hromada_seats(n))

    def first_words(self) -> frozenset[str]:
        """The first word of every name of more than one word, built on first use."""
        if self._first is None:
            self._first = frozenset(key.split(" ", 1)[0] for key in self._names if " " in key)
        return self._first

    def has_key(self, key: str) -> bool:
        """Whether a normalised key names any place."""
        return key in self._names

    def lookup(self, key: str) -> tuple[GazetteerEntry, ...]:
        """Places whose names include the normalised ``key``, largest first."""
        ids = self._names.get(key)
        if not ids:
            return ()
        entries = (self.entry(int(i)) for i in ids.split())
        return tuple(sorted(entries, key=lambda e: (-e.population, not _hromada_centre(e))))

    def spelled_like(self, key: str, admin1: str | None) -> tuple[GazetteerEntry, ...]:
        """Settlements of oblast ``admin1`` whose name has ``key``'s :func:`skeleton`, closest spelling first.

        The last resort for a name the text pins to an oblast ("Elenovka,
        Donetsk"): restricted to one oblast, a shared skeleton is rarely a
        coincidence.  ``admin1=None`` looks everywhere.  Skeletons shorter than ``MIN_SKELETON`` match nothing.
        """
        bone = skeleton(key)
        if len(bone) < MIN_SKELETON:
            return ()
        entries = {self.entry(i) for i in self._skeletons().get((admin1 or "", bone), ())}
        distance = {e: _edit_distance(key, normalise_name(e.name)) for e in entries}
        # A shared skeleton with a spelling this far off is another name ("maiorsk", "staromaiorske").
        near = [e for e in entries if distance[e] <= len(key) // 3 + 1]
        best = min((distance[e] for e in near), default=0)
        return tuple(
            sorted((e for e in near if distance[e] == best), key=lambda e: (-e.population, e.id))
        )

    def oblasts_spelled_like(self, key: str) -> tuple[GazetteerEntry, ...]:
        """The oblast a misspelt one-word name stands for ("kherso", "mykoliav"), if just one.

        Compared with the oblasts' own names and their spelling alternates only (never the
        many foreign variants), within ``OBLAST_TYPO`` edits for names of ``OBLAST_TYPO_LONG``
        letters or more and one edit below that; shorter keys than ``OBLAST_TYPO_MIN`` match nothing.
        """
        if len(key) < OBLAST_TYPO_MIN or " " in key:
            return ()
        most = OBLAST_TYPO if len(key) >= OBLAST_TYPO_LONG else 1
        near = {e for name, e in self._oblast_names() if _edit_distance(key, name) <= most}
        return tuple(near) if len(near) == 1 else ()

    def settlement_points(self, admin1: str) -> tuple[tuple[float, float], ...]:
        """Points of every settlement of oblast ``admin1``, built on first use."""
        if self._points is None:
            points: dict[str, list[tuple[float, float]]] = {}
            for row in self._rows.values():
                if row[3] == "settlement" and row[4] and row[9] is not None and row[10] is not None:
                    points.setdefault(row[4], []).append((row[9], row[10]))
            self._points = {k: tuple(v) for k, v in points.items()}
        return self._points.get(admin1, ())

    def _oblast_names(self) -> list[tuple[str, GazetteerEntry]]:
        if self._oblasts is None:
            oblasts = [self.entry(i) for i, row in self._rows.items() if row[3] == "oblast"]
            self._oblasts = [
                (name, e)
                for e in oblasts
                for own in [normalise_name(e.name).removesuffix(" oblast")]
                for name in {own, *name_alternates(own)}
            ]
        return self._oblasts

    def _misspelt_with_previous(
        self, text: str, tokens: list[_Token], i: int, after: int
    ) -> NameMatch | None:
        """ "Czasiv Yar": an unknown word before a known one, together spelled like a town.

        Machine translation and foreign-language outlets respell names; with
        the word before it the fragment ("Yar") is a town of some size whose
        consonants the whole matches ("Chasiv Yar").  Only towns of at least
        ``MIN_TOWN`` people, and only one of them, to keep this a last resort.
        """
        prev = tokens[i - 1] if i > 0 and tokens[i].adjacent else None
        if prev is None or not prev.capitalised or self.has_key(normalise_name(prev.core)):
            return None
        if _starts_sentence(text, prev.start) or prev.core.lower() in _NOT_NAME_WORDS:
            return None
        start, end = prev.start, tokens[after - 1].end
        key = normalise_name(text[start:end])
        towns = [e for e in self.spelled_like(key, None) if e.population >= MIN_TOWN]
        if len(towns) != 1:
            return None
        return NameMatch(start, end, text[start:end], tuple(towns))

    def _skeletons(self) -> dict[tuple[str, str], tuple[int, ...]]:
        """(oblast, skeleton) -> settlement ids, built on first use from every name key."""
        if self._bones is None:
            bones: dict[tuple[str, str], set[int]] = {}
            for key, ids in self._names.items():
                if not key.isascii():  # a Cyrillic key: read through its own lookups
                    continue
                bone = skeleton(key)
                for i in map(int, ids.split()):
                    row = self._rows[i]
                    if row[3] in ("settlement", "district") and row[4]:
                        bones.setdefault((row[4], bone), set()).add(i)
                        bones.setdefault(("", bone), set()).add(i)  # anywhere
            self._bones = {k: tuple(sorted(v)) for k, v in bones.items()}
        return self._bones

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every place called ``name`` (any spelling the gazetteer knows), largest first."""
        return self.lookup(normalise_name(name))

    def find(self, text: str) -> list[NameMatch]:
        """Every place-name mention in ``text``, longest match first, left to right."""
        tokens = _tokens(text)
        matches: list[NameMatch] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(text, tokens, i)
            if found is None:
                i += 1
                continue
            match, after = found
            joined = (
                self._misspelt_with_previous(text, tokens, i, after) if match is not None else None
            )
            if joined is not None:
                matches.append(joined)
            elif match is not None and not _fragment(text, tokens, i, after, self):
                matches.append(match)
            i = after
        return matches

    def _match_at(
        self, text: str, tokens: list[_Token], i: int
    ) -> tuple[NameMatch | None, int] | None:
        """The longest name starting at token ``i`` and the index after it.

        ``(None, j)`` means tokens ``i..j`` form a name that is not a place here
        (a street, a person), so the caller skips them all.
        """
        if not tokens[i].capitalised:
            return None
        for n in range(min(self.max_words, len(tokens) - i), 0, -1):
            span = tokens[i : i + n]
            if not _joinable(text, span):
                continue
            start, end, key = _span_key(text, span)
            key, end = _numbered(self, text, key, end)
            if not self.has_key(key):
                continue
            after = i + n
            if self._not_a_place(key, tokens, i, after) or _MODEL_AFTER.match(text, end):
                return None, after
            designator, end, after = _designator(text, tokens, after, end)
            designator = designator or _designator_before(tokens, i)
            if designator is None and self.stops.get(key) in {"word", "name"}:
                return None, after
            return NameMatch(start, end, text[start:end], self.lookup(key), designator), after
        return _hyphen_prefix_match(self, text, tokens, i)

    def _not_a_place(self, key: str, tokens: list[_Token], i: int, after: int) -> bool:
        """A street ("Mira Avenue"), or a person ("President Volodymyr Zelensky")."""
        nxt = tokens[after] if after < len(tokens) and tokens[after].adjacent else None
        prev = tokens[i - 1] if i > 0 and tokens[i].adjacent else None
        if nxt is not None and nxt.core.lower() in _STREET_WORDS | _NATURE_WORDS | _ACTOR_WORDS:
            return True
        if (
            nxt is not None
            and nxt.core.lower() in ("people", "peoples")
            and _actor_after(tokens, after + 1)
        ):
            return True  # "the Luhansk People's Militia": an armed group, not the city
        if prev is not None and prev.core.lower() in ("river", "the") and key in _RIVERS:
            return nxt is None or nxt.core.lower() not in _DESIGNATORS
        if prev is not None and prev.core.lower().rstrip(".") in _TITLES and " " not in key:
            return True
        if (
            prev is not None
            and prev.capitalised
            and " " not in key
            and prev.core.lower() in given_names()
        ):
            return True  # "acting mayor Artem Kobzar": a surname after a given name
        if nxt is not None and nxt.capitalised and " " not in key and key in given_names():
            return True  # "Serhii Lysenko": a given name before a surname, though a village has it
        if self.stops.get(key) != "person" or nxt is None:
            return False
        nxt_key = normalise_name(nxt.core)
        surname = nxt_key in self.stops or not self.has_key(nxt_key)
        return nxt.capitalised and nxt_key not in _DESIGNATORS and surname


# A capitalised word ending like a Ukrainian adjective or noun ("Zalizna", "Mali",
# "Shyroka", "Scherbaky") right beside a known name makes one unknown name with
# it ("Zalizna Balka"), so the known part is a fragment, not a place.  English
# words that end so and stand capitalised before or after a place name are not.
_NAME_LIKE = re.compile(r"^[A-Z][a-z]{2,}(?:a|i|e|y|yi|ii|ia|ka|ky)$")
_NOT_NAME_WORDS = _lexicon("place_not_name")
_DAYS = re.compile(r"day$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\[—-])\s*$")
_STARTERS = frozenset('.!?:;"“([—-')


def _starts_sentence(text: str, end: int) -> bool:
    """``_SENTENCE_START.search(text[:end])``, read back from ``end`` over spaces only (a long
    sentence names many places: each reading it from its start made it quadratic)."""
    i = end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _STARTERS


def _fragment(text: str, tokens: list[_Token], i: int, after: int, gazetteer: Gazetteer) -> bool:
    """Whether the name at tokens ``i..after`` is part of a longer name the gazetteer lacks."""
    prev = tokens[i - 1] if i > 0 and tokens[i].adjacent else None
    if (
        prev is not None
        and not _starts_sentence(text, prev.start)
        and _unknown_word(prev, gazetteer)
    ):
        return True
    # After the name, only a plural-like ending ("Mali Scherbaky"): "Sviatohirsk Lavra" is a
    # landmark of the town, "Kherson's Korabelnyi district" a district of the city.
    nxt = tokens[after] if after < len(tokens) and tokens[after].adjacent else None
    if (
        nxt is None
        or text[tokens[after - 1].end : nxt.start].strip()
        or nxt.core[-1:] not in ("y", "i")
    ):
        return False
    beyond = tokens[after + 1].core.lower() if after + 1 < len(tokens) else ""
    return beyond not in _DESIGNATORS and _unknown_word(nxt, gazetteer)


def _unknown_word(token: _Token, gazetteer: Gazetteer) -> bool:
    word = token.core
    lower = word.lower()
    if not _NAME_LIKE.match(word) or lower in _NOT_NAME_WORDS or _DAYS.search(lower):
        return False
    return (
        lower not in _DESIGNATORS
        and lower not in _TITLES
        and not gazetteer.has_key(normalise_name(word))
    )


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int  # end of the word without a possessive "'s"
    core: str  # the word without a possessive "'s"
    capitalised: bool
    adjacent: bool  # only spaces separate it from the previous token


_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*(?:['’]s\b)?")
_POSSESSIVE = re.compile(r"['’]s$")


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    prev_end: int | None = None
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        adjacent = prev_end is not None and text[prev_end : m.start()].isspace()
        out.append(_Token(m.start(), m.start() + len(word), word, word[:1].isupper(), adjacent))
        prev_end = m.end()
    return out


# Lower-case words allowed inside a multi-word name ("Autonomous Republic of Crimea").
_CONNECTORS = _lexicon("place_connector")


def _joinable(text: str, span: list[_Token]) -> bool:
    """Capitalised words (or connectors inside) separated only by spaces, no possessive inside."""
    for k, token in enumerate(span):
        inner = 0 < k < len(span) - 1
        if not (token.capitalised or (inner and token.core in _CONNECTORS)):
            return False
        if k > 0 and not token.adjacent:
            return False
        if k < len(span) - 1 and text[token.end : token.end + 1] in {"'", "’"}:
            return False
    return True


# A number that ends a name: "Mine 6/7", "Chornobyl-2".
_NUMBER_AFTER = re.compile(r"(?:[ \t]+|-)\d+(?:[/-]\d+)*(?![\w/-])")


def _numbered(gazetteer: Gazetteer, text: str, key: str, end: int) -> tuple[str, int]:
    """``key`` and ``end`` extended over a number after the words when the gazetteer has the
    numbered name ("Mine 6/7": tokens are letters only, so the finder sees "Mine")."""
    number = _NUMBER_AFTER.match(text, end)
    if number is None:
        return key, end
    numbered = f"{key} {normalise_name(number.group())}"
    return (numbered, number.end()) if gazetteer.has_key(numbered) else (key, end)


def _hromada_centre(entry: GazetteerEntry) -> bool:
    """Whether a settlement gives its hromada its name (Serhiivka of Serhiivska hromada): the larger of namesakes."""
    if entry.hromada is None:
        return False
    name, hromada = normalise_name(entry.name), normalise_name(entry.hromada)
    return hromada[:4] == name[:4] and hromada.startswith(
        name.rstrip("aeiouy")[: max(4, len(name) - 3)]
    )


def _span_key(text: str, span: list[_Token]) -> tuple[int, int, str]:
    start, end = span[0].start, span[-1].end
    return start, end, normalise_name(text[start:end])


# "Kharkiv oblast", "the region of Kherson", "Obolon district": the words that say what a name is
_DESIGNATORS: dict[str, Designator] = {
    word: designator
    for designator, words in vocabulary("en").data["place_designators"].items()
    for word in words
}
# "Donetsk People's Republic": the occupied part of the oblast.
_PEOPLES_REPUBLIC = ("people", "republic")
_STREET_WORDS = _lexicon("place_street")
# Words after a name that make it a river, a lake or a forest, not a settlement:
# "the Oskil river", "the Kakhovka reservoir", "the Serebrianka forest".
_NATURE_WORDS = _lexicon("place_nature")
# Rivers that share a name with a settlement ("Dnipro", "Irpin"): "the Dnipro",
# "the left bank of the Dnipro" are the river.  Facts, not tuning.
_RIVERS = _lexicon("place_river")
# Words after a name that make it an armed group: "Luhansk rebels", "Donetsk separatist positions".
# (units too: "the Azov Battalion", "Aidar battalion")
_ACTOR_WORDS = _lexicon("place_actor")
# ...and after "<name> People's": "the Donetsk People's Militia" (but "People's Republic" is the occupied oblast).
_PEOPLES_ACTORS = _lexicon("place_peoples_actor")


def _actor_after(tokens: list[_Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].adjacent and tokens[i].core.lower() in _PEOPLES_ACTORS


# A model designation after a name makes it an aircraft or a weapon: "Sukhoi Su-25", "Tupolev Tu-22".
_MODEL_AFTER = re.compile(r"\s+(?:Su|Tu|Il|Ka|Mi|MiG|Yak|An|Be)-?\d")

_TITLES = _lexicon("place_title")


def _designator(
    text: str, tokens: list[_Token], after: int, end: int
) -> tuple[Designator | None, int, int]:
    """A designator right after a name: extends the match over it."""
    if after >= len(tokens) or not tokens[after].adjacent:
        return None, end, after
    word = tokens[after].core.lower()
    if word == "regional" and _names_a_building(tokens, after + 1):
        return (
            "settlement",
            tokens[after].end,
            after + 1,
        )  # the oblast's institutions stand in its centre
    if word in _DESIGNATORS:
        return _DESIGNATORS[word], tokens[after].end, after + 1
    nxt = after + 1
    if (word, tokens[nxt].core.lower() if nxt < len(tokens) else "") == _PEOPLES_REPUBLIC:
        return "oblast", tokens[nxt].end, nxt + 1
    return None, end, after


# "the Kherson regional art museum", "the Mykolaiv regional administration building"
_BUILDINGS = _lexicon("place_building")


def _names_a_building(tokens: list[_Token], i: int) -> bool:
    return any(t.core.lower() in _BUILDINGS for t in tokens[i : i + 3])


def _designator_before(tokens: list[_Token], i: int) -> Designator | None:
    """ "the city of Kharkiv", "the region of Kherson" (but "the Obolon district of Kyiv" names the city)."""
    if i < 2 or tokens[i - 1].core != "of" or not tokens[i].adjacent:
        return None
    designator = _DESIGNATORS.get(tokens[i - 2].core.lower())
    return None if designator == "raion" else designator


def _hyphen_prefix_match(
    gazetteer: Gazetteer, text: str, tokens: list[_Token], i: int
) -> tuple[NameMatch | None, int] | None:
    """ "Kyiv-based", "Kharkiv-born": the name before a lower-case hyphenated part."""
    token = tokens[i]
    parts = token.core.split("-")
    if len(parts) < 2 or not parts[-1][:1].islower():
        return None
    head = parts[0]
    entries = gazetteer.lookup(normalise_name(head))
    if not entries or normalise_name(head) in gazetteer.stops:
        return None
    start = token.start
    return NameMatch(start, start + len(head), head, entries), i + 1


# --- loading ----------------------------------------------------------------------------


_Row = tuple[
    int,
    str,
    str,
    PlaceKind,
    str | None,
    str | None,
    str | None,
    str | None,
    str,
    float | None,
    float | None,
    int,
]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names (``data/lang/en/given_names.txt``)."""
    text = (
        resources.files("sitrep")
        .joinpath("data/lang/en/given_names.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer in ``path`` (default: the one shipped in the package), cached.

    Entries are built on first use, so loading reads two tables and nothing more.
    """
    db = sqlite3.connect(f"file:{path or DEFAULT_PATH}?mode=ro", uri=True)
    try:
        rows: dict[int, _Row] = {row[0]: row for row in db.execute(_PLACES_SQL)}
        names = dict(db.execute("SELECT key, places FROM names"))
        stops = dict(db.execute("SELECT key, reason FROM stopnames"))
    finally:
        db.close()
    return Gazetteer(rows, names, stops)


_PLACES_SQL = (
    "SELECT id, ref, name, kind, admin1, admin2, hromada, parent, country, lat, lon, population "
    "FROM places"
)
