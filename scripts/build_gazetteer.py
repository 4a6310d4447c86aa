"""Build ``src/sitrep/data/gazetteer.sqlite`` from the shared gazetteer tables.

    python scripts/build_gazetteer.py --shared ../shared --out src/sitrep/data/gazetteer.sqlite

Inputs (see ``<shared>/data/gazetteer/NOTICE.md``): the official settlement
table (OCHA cod-ab-ukr names and pcodes, Who's On First points) and the Who's
On First places of Ukraine.  Output: one small SQLite file with

- ``places``: every settlement, Kyiv and other city districts, the 139 raions,
  the 27 first-level units, Ukraine, and a few foreign countries and cities;
- ``names``: normalised lookup key -> place ids (space-separated), with official, historical,
  Russian-style and generated transliteration spellings;
- ``stopnames``: keys that are also English words or personal names, and why
  (see :func:`stop_names` for the rule);
- ``meta``: counts, sources and the command that regenerates the file.

The English word list used for the stop-list comes from the ``english-words``
package (a build-time dependency only).
"""

from __future__ import annotations

import argparse
import csv
import math
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.extract._gazetteer import (
    cyrillic_key,
    name_alternates,
    normalise_name,
    transliterate_cyrillic,
)

COMMAND = (
    "python scripts/build_gazetteer.py --shared ../shared --out src/sitrep/data/gazetteer.sqlite"
)
SCHEMA_VERSION = 1

# First-level units, keyed by OCHA pcode: English name as sitrep reports it,
# the base name news puts before "region"/"oblast", and the Ukrainian
# adjective ("Kharkivska oblast").  Forms of the base name (Kharkov, Odessa...)
# are taken from the variants of the city the unit is named after.
OBLASTS: dict[str, tuple[str, str, str]] = {
    "UA01": ("Autonomous Republic of Crimea", "Crimea", "Krym"),
    "UA05": ("Vinnytsia Oblast", "Vinnytsia", "Vinnytska"),
    "UA07": ("Volyn Oblast", "Volyn", "Volynska"),
    "UA12": ("Dnipropetrovsk Oblast", "Dnipropetrovsk", "Dnipropetrovska"),
    "UA14": ("Donetsk Oblast", "Donetsk", "Donetska"),
    "UA18": ("Zhytomyr Oblast", "Zhytomyr", "Zhytomyrska"),
    "UA21": ("Zakarpattia Oblast", "Zakarpattia", "Zakarpatska"),
    "UA23": ("Zaporizhzhia Oblast", "Zaporizhzhia", "Zaporizka"),
    "UA26": ("Ivano-Frankivsk Oblast", "Ivano-Frankivsk", "Ivano-Frankivska"),
    "UA32": ("Kyiv Oblast", "Kyiv", "Kyivska"),
    "UA35": ("Kirovohrad Oblast", "Kirovohrad", "Kirovohradska"),
    "UA44": ("Luhansk Oblast", "Luhansk", "Luhanska"),
    "UA46": ("Lviv Oblast", "Lviv", "Lvivska"),
    "UA48": ("Mykolaiv Oblast", "Mykolaiv", "Mykolaivska"),
    "UA51": ("Odesa Oblast", "Odesa", "Odeska"),
    "UA53": ("Poltava Oblast", "Poltava", "Poltavska"),
    "UA56": ("Rivne Oblast", "Rivne", "Rivnenska"),
    "UA59": ("Sumy Oblast", "Sumy", "Sumska"),
    "UA61": ("Ternopil Oblast", "Ternopil", "Ternopilska"),
    "UA63": ("Kharkiv Oblast", "Kharkiv", "Kharkivska"),
    "UA65": ("Kherson Oblast", "Kherson", "Khersonska"),
    "UA68": ("Khmelnytskyi Oblast", "Khmelnytskyi", "Khmelnytska"),
    "UA71": ("Cherkasy Oblast", "Cherkasy", "Cherkaska"),
    "UA73": ("Chernivtsi Oblast", "Chernivtsi", "Chernivetska"),
    "UA74": ("Chernihiv Oblast", "Chernihiv", "Chernihivska"),
    "UA80": ("Kyiv City", "Kyiv City", "Kyiv City"),
    "UA85": ("Sevastopol", "Sevastopol City", "Sevastopol City"),
}
# The city an oblast is named after, where it is not the base name.
OBLAST_CITIES = {"UA12": "Dnipro", "UA35": "Kropyvnytskyi"}
# Administrative centres of the units not named after one (facts).  A unit's
# point is its centre's: that is where ACLED (geo_precision 3) codes an event
# known only to the oblast ("[coded to Lutsk as the exact location is
# unknown]"), and where a reader looks for "the Volyn region"; the mean point
# of a unit's settlements lies in fields nobody names.
OBLAST_CENTRES = {"UA01": "Simferopol", "UA07": "Lutsk", "UA21": "Uzhhorod", "UA32": "Kyiv"}
# Further names news gives a first-level unit (facts, not spellings).
OBLAST_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "UA01": (
        "Crimea",
        "Crimean Peninsula",
        "Republic of Crimea",
        "Autonomous Republic of Crimea",
        "Krim",
    ),
    "UA07": ("Volhynia", "Volyn"),
    "UA21": ("Transcarpathia", "Zakarpattia", "Zakarpattya", "Transcarpathian"),
    "UA80": ("Kyiv City", "Kiev City", "City of Kyiv", "City of Kiev"),
    "UA85": ("City of Sevastopol",),
}
UKRAINE = ("Ukraine", 48.3794, 31.1656, 41_000_000, ("Ukraine", "Ukraina", "Ukrayina"))


def words(text: str) -> tuple[str, ...]:
    """A word list written as text, which reads better than a column of strings."""
    return tuple(text.split())


# Foreign places Ukraine war news mentions: (name, country, lat, lon,
# population, kind, other names).  Facts, written here.
FOREIGN: tuple[tuple[str, str, float, float, int, str, tuple[str, ...]], ...] = (
    (
        "Russia",
        "Russia",
        61.524,
        105.3188,
        144_000_000,
        "country",
        ("Russian Federation", "Росія", "Россия"),
    ),
    ("Moscow", "Russia", 55.7558, 37.6173, 13_000_000, "foreign", ("Moskva", "Москва")),
    (
        "Saint Petersburg",
        "Russia",
        59.9343,
        30.3351,
        5_600_000,
        "foreign",
        ("St Petersburg", "St. Petersburg"),
    ),
    ("Belgorod", "Russia", 50.5954, 36.5873, 340_000, "foreign", ("Белгород", "Бєлгород")),
    ("Shebekino", "Russia", 50.4000, 36.8911, 40_000, "foreign", ("Шебекино", "Шебекіно")),
    ("Graivoron", "Russia", 50.4822, 35.6733, 6_000, "foreign", ("Грайворон",)),
    ("Valuyki", "Russia", 50.2111, 38.1000, 33_000, "foreign", ("Валуйки", "Валуйки")),
    ("Sudzha", "Russia", 51.1947, 35.2725, 5_000, "foreign", ("Суджа",)),
    ("Kursk", "Russia", 51.7304, 36.1926, 440_000, "foreign", ("Курск", "Курськ")),
    ("Bryansk", "Russia", 53.2521, 34.3717, 380_000, "foreign", ("Брянск", "Брянськ")),
    ("Voronezh", "Russia", 51.672, 39.1843, 1_050_000, "foreign", ("Воронеж",)),
    (
        "Rostov-on-Don",
        "Russia",
        47.2357,
        39.7015,
        1_140_000,
        "foreign",
        ("Rostov", "Rostov-na-Donu", "Ростов-на-Дону", "Ростов"),
    ),
    ("Taganrog", "Russia", 47.2362, 38.8969, 250_000, "foreign", ("Таганрог",)),
    ("Krasnodar", "Russia", 45.0355, 38.9753, 950_000, "foreign", ("Краснодар",)),
    (
        "Novorossiysk",
        "Russia",
        44.7239,
        37.7688,
        270_000,
        "foreign",
        ("Новороссийск", "Новоросійськ"),
    ),
    ("Engels", "Russia", 51.4989, 46.1211, 230_000, "foreign", ("Энгельс", "Енгельс")),
    (
        "Belarus",
        "Belarus",
        53.7098,
        27.9534,
        9_200_000,
        "country",
        ("Byelorussia", "Білорусь", "Беларусь"),
    ),
    ("Minsk", "Belarus", 53.9006, 27.559, 2_000_000, "foreign", ("Мінськ", "Минск")),
    ("Poland", "Poland", 51.9194, 19.1451, 38_000_000, "country", ("Польща", "Польша")),
    ("Warsaw", "Poland", 52.2297, 21.0122, 1_800_000, "foreign", ()),
    ("Rzeszow", "Poland", 50.0412, 21.9991, 196_000, "foreign", ()),
    ("Przewodow", "Poland", 50.4739, 23.9394, 500, "foreign", ()),
    ("Moldova", "Moldova", 47.4116, 28.3699, 2_500_000, "country", ()),
    ("Chisinau", "Moldova", 47.0105, 28.8638, 640_000, "foreign", ()),
    ("Transnistria", "Moldova", 46.85, 29.6, 470_000, "foreign", ("Pridnestrovie",)),
    ("Romania", "Romania", 45.9432, 24.9668, 19_000_000, "country", ()),
    ("Bucharest", "Romania", 44.4268, 26.1025, 1_800_000, "foreign", ()),
    ("Hungary", "Hungary", 47.1625, 19.5033, 9_600_000, "country", ()),
    ("Budapest", "Hungary", 47.4979, 19.0402, 1_700_000, "foreign", ()),
    ("Slovakia", "Slovakia", 48.669, 19.699, 5_400_000, "country", ()),
    ("Lithuania", "Lithuania", 55.1694, 23.8813, 2_800_000, "country", ()),
    ("Latvia", "Latvia", 56.8796, 24.6032, 1_900_000, "country", ()),
    ("Estonia", "Estonia", 58.5953, 25.0136, 1_300_000, "country", ()),
    ("Finland", "Finland", 61.9241, 25.7482, 5_500_000, "country", ()),
    ("Germany", "Germany", 51.1657, 10.4515, 83_000_000, "country", ()),
    ("Berlin", "Germany", 52.52, 13.405, 3_700_000, "foreign", ()),
    ("France", "France", 46.2276, 2.2137, 68_000_000, "country", ()),
    ("Paris", "France", 48.8566, 2.3522, 2_100_000, "foreign", ()),
    ("Brussels", "Belgium", 50.8503, 4.3517, 1_200_000, "foreign", ()),
    ("The Hague", "Netherlands", 52.0705, 4.3007, 550_000, "foreign", ()),
    ("Geneva", "Switzerland", 46.2044, 6.1432, 200_000, "foreign", ()),
    (
        "United Kingdom",
        "United Kingdom",
        55.3781,
        -3.436,
        67_000_000,
        "country",
        ("UK", "Britain", "Great Britain"),
    ),
    ("London", "United Kingdom", 51.5074, -0.1278, 8_900_000, "foreign", ()),
    (
        "United States",
        "United States",
        37.0902,
        -95.7129,
        330_000_000,
        "country",
        ("US", "USA", "America", "United States of America"),
    ),
    ("Washington", "United States", 38.9072, -77.0369, 700_000, "foreign", ("Washington DC",)),
    ("New York", "United States", 40.7128, -74.006, 8_300_000, "foreign", ("New York City",)),
    ("China", "China", 35.8617, 104.1954, 1_400_000_000, "country", ()),
    ("Beijing", "China", 39.9042, 116.4074, 21_000_000, "foreign", ()),
    ("Turkey", "Turkey", 38.9637, 35.2433, 85_000_000, "country", ("Turkiye",)),
    ("Istanbul", "Turkey", 41.0082, 28.9784, 15_000_000, "foreign", ()),
    ("Iran", "Iran", 32.4279, 53.688, 88_000_000, "country", ()),
    ("North Korea", "North Korea", 40.3399, 127.5101, 26_000_000, "country", ()),
    ("Georgia", "Georgia", 42.3154, 43.3569, 3_700_000, "country", ()),
    ("Kazakhstan", "Kazakhstan", 48.0196, 66.9237, 19_000_000, "country", ()),
)

# City districts news names that Who's On First lacks: (name, parent city,
# lat, lon, other names).  Points are the districts' approximate centres.
EXTRA_DISTRICTS: tuple[tuple[str, str, float, float, tuple[str, ...]], ...] = (
    (
        "Saltivka",
        "Kharkiv",
        50.035,
        36.32,
        ("Saltivskyi", "Saltovka", "North Saltivka", "Pivnichna Saltivka"),
    ),
    ("Troieshchyna", "Kyiv", 50.51, 30.6, ("Troyeshchyna", "Troeshchina")),
    ("Kholodna Hora", "Kharkiv", 49.985, 36.19, ("Kholodnohirskyi", "Kholodnaya Gora")),
    # Mining settlements and quarters of Horlivka that front-line reports of 2022 name
    # (the mines of Horlivka's city council area).  The point is Horlivka's centre: each
    # lies within about 15 km of it, and neither source table lists them.
    (
        "Shakhta imeni Gagarina",
        "Horlivka",
        48.30,
        38.05,
        ("Gagarin mine", "Shakhta Gagarina", "Shakhta im. Gagarina"),
    ),
    (
        "Shakhta imeni Izotova",
        "Horlivka",
        48.30,
        38.05,
        ("Izotov mine", "Shakhta Izotova", "Shakhta im. Izotova"),
    ),
    ("Shakhta imeni Lenina", "Horlivka", 48.30, 38.05, ("Shakhta Lenina", "Shakhta im. Lenina")),
    ("Shakhta 6/7", "Horlivka", 48.30, 38.05, ("Mine 6/7", "Mine No 6/7")),  # north-west edge
    ("Zalizna Balka", "Horlivka", 48.30, 38.05, ("Zheleznaya Balka",)),
    ("Bairak", "Horlivka", 48.30, 38.05, ("Bayrak",)),
    ("Rumiantseve", "Horlivka", 48.30, 38.05, ("Rumyantsevo", "Rumyantseve", "Rumiantsevo")),
)

# Places news names that neither source table lists, with their oblast and raion:
# (name, oblast, raion, lat, lon, other names).
EXTRA_PLACES: tuple[tuple[str, str, str, float, float, tuple[str, ...]], ...] = (
    (
        "Zmiinyi Island",
        "Odesa Oblast",
        "Izmail Raion",
        45.255,
        30.204,
        (
            "Zmiyinyy Island",
            "Zmiinyi",
            "Snake Island",
            "Zmeinyi Island",
            "Zmeiny Island",
            "Zmiiny Island",
        ),
    ),
)

# Words news capitalises that a gazetteer also lists as places: months,
# weekdays, titles and street types.  Only those that really collide with a
# key end up in ``stopnames`` (see :func:`stop_names`).
ENGLISH_CAPITALISED = words(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday President Police Avenue Street "
    "Square Boulevard Lane Road Highway Prospekt Park Station Victory Peace Liberty Freedom "
    "Independence Mira Lenin Soviet Communist October Red Star General Governor Mayor "
    "Minister Army Navy Guard Prosecutor Court Council Parliament"
)
# Given names and surnames common in Ukraine war news.  A collision with a
# place key makes that key "personal": it is a place only when no surname or
# title says it is a person (see ``_gazetteer.Gazetteer.find``).
PERSONAL_NAMES = words(
    "Volodymyr Vladimir Oleksandr Aleksandr Alexander Oleksiy Olena Olha Olga Iryna Tetiana "
    "Yulia Andriy Serhiy Sergei Mykola Nikolai Petro Pyotr Dmytro Dmitry Vitali Vitaliy Oleh "
    "Oleg Yuriy Ivan Maria Mariia Anna Kateryna Natalia Natalya Nataliya Nataliia Svitlana "
    "Lyudmila Liudmyla Vasyl Vasily Ihor Igor Denys Denis Pavlo Pavel Roman Viktor Mikhail "
    "Mykhailo Bohdan Taras Yevhen Maksym Anton Ruslan Valeriy Valery Kyrylo Kirill Arseniy "
    "Rustem Ramzan Sergey Yevgeny Yevgeniy Sviatoslav Zelensky Zelenskyy Putin Lenin "
    "Shevchenko Klitschko Kuleba Reznikov Umerov Syrskyi Zaluzhnyi Shmyhal Yermak Budanov "
    "Lavrov Shoigu Peskov Medvedev Prigozhin Kadyrov Lukashenko Biden Trump Antonov Stalin "
    "Bandera Khmelnytsky Franko Skovoroda Hrushevsky Gagarin Pushkin Kirov Frunze"
)
# Population at which a collision stops mattering: a town this large is
# usually what the word means.  Set by reading the resulting stop-list (184
# keys), not tuned on annotated text: at 20k Volodymyr (38k) and Lyman (28k)
# stay places while every English-word village stays stopped.
STOP_MAX_POPULATION = 20_000
# Variant spellings that are rare English words but what news calls the place
# (the Saky airbase is "Saki" in most English reports).
NEWS_SPELLINGS = frozenset({"saki"})


@dataclass
class Place:
    ref: str
    name: str
    kind: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    admin2: str | None = None
    hromada: str | None = None
    parent: str | None = None
    country: str = "Ukraine"
    names: set[str] = field(default_factory=set)
    rowid: int = 0


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def spellings(raw: Iterable[str]) -> set[str]:
    """Normalised keys of every Latin or transliterated spelling in ``raw``."""
    keys: set[str] = set()
    for name in raw:
        name = name.strip()
        if not name:
            continue
        latin = normalise_name(name)
        candidates = {latin} if latin else {normalise_name(t) for t in transliterate_cyrillic(name)}
        candidates.add(cyrillic_key(name))  # the name itself, for Ukrainian and Russian text
        keys.update(k for k in candidates if 3 <= len(k) <= 40 and k.count(" ") < 4)
    return keys


def with_alternates(keys: set[str]) -> set[str]:
    out = set(keys)
    for key in keys:
        out.update(name_alternates(key))
    return out


def to_float(text: str) -> float | None:
    return float(text) if text.strip() else None


def to_int(text: str) -> int:
    return int(float(text)) if text.strip() else 0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance: good to well under 1 % at Ukraine's scale."""
    mean_lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(mean_lat)
    dy = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(dx, dy)


class Grid:
    """Places bucketed by 0.1° cells, for nearest-place look-ups."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.cells: dict[tuple[int, int], list[Place]] = defaultdict(list)
        for place in places:
            if place.lat is not None and place.lon is not None:
                self.cells[self.cell(place.lat, place.lon)].append(place)

    @staticmethod
    def cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat * 10), math.floor(lon * 10)

    def near(self, lat: float, lon: float, rings: int = 1) -> Iterator[tuple[float, Place]]:
        ci, cj = self.cell(lat, lon)
        for di in range(-rings, rings + 1):
            for dj in range(-rings, rings + 1):
                for place in self.cells.get((ci + di, cj + dj), ()):
                    assert place.lat is not None and place.lon is not None
                    yield distance_km((lat, lon), (place.lat, place.lon)), place

    def nearest(self, lat: float, lon: float, rings: int = 3) -> tuple[float, Place] | None:
        return min(self.near(lat, lon, rings), key=lambda pair: pair[0], default=None)


def official_settlements(path: Path, wof_points: dict[str, tuple[float, float]]) -> list[Place]:
    """One place per row of the official table; points only when matched to WOF.

    The table gives WOF's label point where there is one; sitrep uses WOF's
    own point, the city centre (Kyiv's label point is 8 km west of it).
    """
    places = []
    for row in read_tsv(path):
        lat, lon = wof_points.get(row["wof_id"], (to_float(row["lat"]), to_float(row["lon"])))
        oblast = OBLASTS[row["adm1_pcode"]][0]
        place = Place(
            ref=row["adm4_pcode"],
            name=row["name_en"],
            kind="settlement",
            admin1=oblast,
            lat=lat,
            lon=lon,
            population=to_int(row["gn_population"]),
            admin2=row["adm2_pcode"],  # replaced by the raion's English name below
            hromada=row["adm3_en"] or None,
        )
        place.names = spellings([row["name_en"], row["name_kmu2010"], row["name_uk"]])
        place.names |= spellings(row["variants"].split("|"))
        places.append(place)
    return places


def raions(settlements: list[Place], path: Path) -> list[Place]:
    """The raions, named after their centre, with the centre's point.

    The centre is the largest settlement of the hromada whose adjective
    matches the raion's (Bakhmutskyi raion -> Bakhmutska hromada -> Bakhmut);
    that is how Ukraine names raions, and it handles Kryvyi Rih and
    Zaporizhzhia, whose adjectives are irregular.
    """
    adjective: dict[str, str] = {}
    ukrainian: dict[str, str] = {}  # "Бахмутський"
    for row in read_tsv(path):
        adjective[row["adm2_pcode"]] = row["adm2_en"]
        ukrainian[row["adm2_pcode"]] = row["adm2_uk"]
    members: dict[str, list[Place]] = defaultdict(list)
    for place in settlements:
        assert place.admin2 is not None
        members[place.admin2].append(place)
    out = []
    for pcode, places in sorted(members.items()):
        adj = adjective[pcode]
        if pcode in {"UA8000", "UA8500"}:  # Kyiv and Sevastopol are not split
            for place in places:
                place.admin2 = None
            continue
        town = raion_centre(adj, places)
        centre = town.name if town else None
        name = f"{centre} Raion" if centre else adj
        pointed = [p for p in places if p.lat is not None and p.lon is not None]
        # The raion's point is its administrative centre where it has one (where ACLED
        # codes raion-level events, as for oblasts), else the mean of its settlements.
        at = (
            (town.lat, town.lon)
            if town and town.lat is not None and town.lon is not None
            else (
                sum(p.lat for p in pointed) / len(pointed),  # type: ignore[misc]
                sum(p.lon for p in pointed) / len(pointed),  # type: ignore[misc]
            )
        )
        raion = Place(
            ref=pcode,
            name=name,
            kind="raion",
            admin1=places[0].admin1,
            lat=round(at[0], 5),
            lon=round(at[1], 5),
            population=sum(p.population for p in places),
        )
        raion.admin2 = name
        raion.names = with_alternates(spellings([adj, centre or ""]))
        raion.names |= {k for k in [cyrillic_key(ukrainian[pcode])] if k}
        for place in places:
            place.admin2 = name
        out.append(raion)
    return out


def raion_centre(adjective: str, places: list[Place]) -> Place | None:
    if not adjective.endswith("kyi"):
        return None
    hromada = adjective[:-2] + "a"  # Bakhmutskyi -> Bakhmutska
    in_hromada = [p for p in places if p.hromada == hromada]
    if not in_hromada:
        return None
    # The settlement the adjective is made from (Kupianskyi -> Kupiansk), even
    # where the tables give it no population and a village of the hromada one.
    stem = normalise_name(adjective)
    namesakes = [p for p in in_hromada if stem.startswith(normalise_name(p.name).rstrip("aeiouy"))]
    return max(namesakes or in_hromada, key=lambda p: p.population)


def oblasts(settlements: list[Place]) -> list[Place]:
    """The 27 first-level units, at the point of their administrative centre."""
    by_oblast: dict[str, list[Place]] = defaultdict(list)
    for place in settlements:
        by_oblast[place.admin1 or ""].append(place)
    out = []
    for pcode, (name, base, adjective) in OBLASTS.items():
        places = by_oblast[name]
        pointed = [p for p in places if p.lat is not None and p.lon is not None]
        city_name = OBLAST_CITIES.get(pcode, base.removesuffix(" City"))
        city = max(
            (p for p in places if p.name == city_name), key=lambda p: p.population, default=None
        )
        forms = {base, adjective, *OBLAST_EXTRA_NAMES.get(pcode, ())}
        # Kyiv City and Sevastopol share the city's names only with the city.
        city_keys = city.names if city is not None and pcode not in {"UA80", "UA85"} else set()
        keys = spellings(forms) | city_keys
        keys |= {normalise_name(adjective) + suffix for suffix in ("", "ya")}  # Kharkivskaya
        unit = Place(
            ref=pcode,
            name=name,
            kind="oblast",
            admin1=name,
            lat=round(sum(p.lat for p in pointed) / len(pointed), 5),  # type: ignore[misc]
            lon=round(sum(p.lon for p in pointed) / len(pointed), 5),  # type: ignore[misc]
            population=sum(p.population for p in places),
        )
        centre = _centre(settlements, OBLAST_CENTRES.get(pcode)) or city
        if centre is not None and centre.lat is not None:
            unit.lat, unit.lon = centre.lat, centre.lon
        unit.names = with_alternates(keys)
        out.append(unit)
    return out


def _centre(settlements: list[Place], name: str | None) -> Place | None:
    """The largest settlement called ``name`` (an oblast's administrative centre)."""
    if name is None:
        return None
    return max((p for p in settlements if p.name == name), key=lambda p: p.population, default=None)


def wof_places(path: Path, settlements: list[Place], gn_oblast: dict[str, str]) -> list[Place]:
    """Places only Who's On First has: city districts and missing settlements.

    A WOF place within 1.5 km of an official settlement, or within 15 km and
    sharing a name with it, is that settlement: its names go to it.
    """
    grid = Grid(settlements)
    cities = Grid(p for p in settlements if p.population >= 100_000)
    out = []
    for row in read_tsv(path):
        if row["matched_to_ocha"] != "0" or row["is_current"] == "0" or row["deprecated"]:
            continue
        lat, lon = to_float(row["lat"]), to_float(row["lon"])
        oblast = gn_oblast.get(row["admin1_gn"])
        if lat is None or lon is None or oblast is None:
            continue
        names = spellings([row["name"], row["name_en"], row["name_uk"], row["name_ru"]])
        names |= spellings(row["variants"].split("|"))
        nearest = grid.nearest(lat, lon)
        is_district = row["placetype"] == "neighbourhood" or oblast == "Kyiv City"
        if not is_district and absorbed(grid, lat, lon, names):
            continue
        out.append(wof_place(row, lat, lon, oblast, names, nearest, cities, is_district))
    return without_district_twins(out)


def absorbed(grid: Grid, lat: float, lon: float, names: set[str]) -> bool:
    """Give ``names`` to the official settlement this WOF place duplicates, if any."""
    for km, twin in sorted(grid.near(lat, lon, rings=2), key=lambda pair: pair[0]):
        # Same point, other (often older) name; or a second point for the same
        # name, which WOF has for some cities (Mariupol twice, 9 km apart).
        if km < 1.5 or (km < 15 and names & twin.names):
            twin.names |= names
            return True
    return False


def without_district_twins(places: list[Place]) -> list[Place]:
    """Drop a district that repeats an earlier one of the same city (WOF has Obolon twice)."""
    kept: list[Place] = []
    for place in places:
        twin = next((k for k in kept if k.kind == "district" and k.parent == place.parent
                     and k.names & place.names), None) if place.kind == "district" else None  # fmt: skip
        if twin is None:
            kept.append(place)
        else:
            twin.names |= place.names
    return kept


def wof_place(
    row: dict[str, str],
    lat: float,
    lon: float,
    oblast: str,
    names: set[str],
    nearest: tuple[float, Place] | None,
    cities: Grid,
    is_district: bool,
) -> Place:
    place = Place(
        ref=f"wof:{row['wof_id']}",
        name=row["name_en"] or row["name"],
        kind="settlement",
        admin1=oblast,
        lat=lat,
        lon=lon,
        population=to_int(row["gn_population"]),
        names=names,
    )
    if nearest is not None:
        place.admin2, place.hromada = nearest[1].admin2, nearest[1].hromada
    city = cities.nearest(lat, lon, rings=3)
    if is_district and city is not None and city[0] < 25:
        place.kind, place.parent, place.population = "district", city[1].name, 0
        place.admin1, place.admin2 = city[1].admin1, city[1].admin2
    return place


def extra_districts(settlements: list[Place]) -> list[Place]:
    out = []
    for name, parent, lat, lon, others in EXTRA_DISTRICTS:
        city = max((p for p in settlements if p.name == parent), key=lambda p: p.population)
        place = Place(f"district:{normalise_name(name).replace(' ', '-')}", name, "district",
                      city.admin1, lat, lon, 0, city.admin2, None, parent)  # fmt: skip
        place.names = spellings([name, *others])
        out.append(place)
    return out


def extra_places() -> list[Place]:
    out = []
    for name, oblast, raion, lat, lon, others in EXTRA_PLACES:
        place = Place(
            f"extra:{normalise_name(name).replace(' ', '-')}",
            name,
            "settlement",
            oblast,
            lat,
            lon,
            0,
            raion,
        )
        place.names = spellings([name, *others])
        out.append(place)
    return out


# Russia's oblasts on the border: (name, capital, the capital's point, population, names).
RUSSIAN_OBLASTS: tuple[tuple[str, str, float, float, int, tuple[str, ...]], ...] = (
    ("Belgorod Oblast", "Belgorod", 50.5954, 36.5873, 1_530_000, ("Белгородская область",)),
    ("Kursk Oblast", "Kursk", 51.7304, 36.1926, 1_080_000, ("Курская область",)),
    ("Bryansk Oblast", "Bryansk", 53.2521, 34.3717, 1_150_000, ("Брянская область",)),
)

# Districts (raions and municipal okrugs) of Russia's oblasts on the border, which Russian
# reports name for villages no table here lists ("деревня Обеста Рыльского района", "в
# Климовском районе"): (oblast, centre, Russian and Ukrainian names of the centre or ""
# where the name is also a Ukrainian village's, the district's adjective in Russian and
# Ukrainian, lat, lon of the centre, its population).  The district is placed at its
# centre, as raions of Ukraine are.  Facts (names, centres, points to about a km), recorded by hand.
# fmt: off
BORDER_DISTRICTS: tuple[tuple[str, str, str, str, str, str, float, float, int], ...] = (
    # Kursk Oblast
    ("Kursk Oblast", "Glushkovo", "Глушково", "Глушково", "глушковский", "глушковський", 51.338, 34.636, 4_800),
    ("Kursk Oblast", "Rylsk", "Рыльск", "Рильськ", "рыльский", "рильський", 51.568, 34.680, 15_000),
    ("Kursk Oblast", "Korenevo", "Коренево", "Коренево", "кореневский", "кореневський", 51.411, 34.906, 5_300),
    ("Kursk Oblast", "Sudzha", "", "", "суджанский", "суджанський", 51.1947, 35.2725, 5_000),
    ("Kursk Oblast", "Khomutovka", "Хомутовка", "", "хомутовский", "хомутовський", 51.918, 34.563, 4_000),
    ("Kursk Oblast", "Lgov", "Льгов", "Льгов", "льговский", "льговський", 51.661, 35.266, 19_000),
    ("Kursk Oblast", "Kurchatov", "Курчатов", "Курчатов", "курчатовский", "курчатовський", 51.660, 35.657, 38_000),
    ("Kursk Oblast", "Oboyan", "Обоянь", "Обоянь", "обоянский", "обоянський", 51.212, 36.276, 13_000),
    ("Kursk Oblast", "Dmitriev", "Дмитриев", "Дмитрієв", "дмитриевский", "дмитрієвський", 52.128, 35.073, 7_000),
    ("Kursk Oblast", "Belaya", "", "", "беловский", "біловський", 51.070, 35.730, 3_000),
    # Belgorod Oblast
    ("Belgorod Oblast", "Krasnaya Yaruga", "Красная Яруга", "Красна Яруга", "краснояружский", "краснояружський", 50.700, 35.667, 7_000),
    ("Belgorod Oblast", "Graivoron", "", "", "грайворонский", "грайворонський", 50.4822, 35.6733, 6_000),
    ("Belgorod Oblast", "Borisovka", "", "", "борисовский", "борисівський", 50.599, 36.016, 18_000),
    ("Belgorod Oblast", "Rakitnoye", "", "", "ракитянский", "ракитянський", 50.838, 35.858, 10_000),
    ("Belgorod Oblast", "Stroitel", "", "", "яковлевский", "яковлівський", 50.788, 36.489, 24_000),
    ("Belgorod Oblast", "Shebekino", "", "", "шебекинский", "шебекінський", 50.4000, 36.8911, 40_000),
    ("Belgorod Oblast", "Volokonovka", "Волоконовка", "Волоконівка", "волоконовский", "волоконівський", 50.483, 37.855, 11_000),
    ("Belgorod Oblast", "Valuyki", "", "", "валуйский", "валуйський", 50.2111, 38.1000, 33_000),
    ("Belgorod Oblast", "Veydelevka", "Вейделевка", "Вейделівка", "вейделевский", "вейделівський", 50.153, 38.447, 7_000),
    ("Belgorod Oblast", "Novy Oskol", "Новый Оскол", "Новий Оскол", "новооскольский", "новооскольський", 50.760, 37.868, 19_000),
    ("Belgorod Oblast", "Stary Oskol", "Старый Оскол", "Старий Оскол", "старооскольский", "старооскольський", 51.297, 37.842, 220_000),
    ("Belgorod Oblast", "Gubkin", "Губкин", "Губкін", "губкинский", "губкінський", 51.284, 37.549, 87_000),
    ("Belgorod Oblast", "Korocha", "Короча", "Короча", "корочанский", "корочанський", 50.812, 37.193, 6_000),
    ("Belgorod Oblast", "Alekseyevka", "", "", "алексеевский", "олексіївський", 50.630, 38.689, 38_000),
    ("Belgorod Oblast", "Rovenki", "", "", "ровеньский", "ровеньський", 49.912, 38.880, 10_000),
    # Bryansk Oblast
    ("Bryansk Oblast", "Klimovo", "Климово", "Климово", "климовский", "климівський", 52.382, 32.191, 13_000),
    ("Bryansk Oblast", "Novozybkov", "Новозыбков", "Новозибків", "новозыбковский", "новозибківський", 52.537, 31.936, 38_000),
    ("Bryansk Oblast", "Zlynka", "Злынка", "", "злынковский", "злинківський", 52.427, 31.738, 5_000),
    ("Bryansk Oblast", "Starodub", "Стародуб", "Стародуб", "стародубский", "стародубський", 52.585, 32.760, 18_000),
    ("Bryansk Oblast", "Pogar", "Погар", "Погар", "погарский", "погарський", 52.557, 33.263, 9_000),
    ("Bryansk Oblast", "Suzemka", "Суземка", "Суземка", "суземский", "суземський", 52.316, 34.070, 8_000),
    ("Bryansk Oblast", "Sevsk", "Севск", "Севськ", "севский", "севський", 52.150, 34.496, 7_000),
    ("Bryansk Oblast", "Trubchevsk", "Трубчевск", "Трубчевськ", "трубчевский", "трубчевський", 52.580, 33.769, 13_000),
    ("Bryansk Oblast", "Klintsy", "Клинцы", "Клинці", "клинцовский", "клинцівський", 52.753, 32.236, 60_000),
    ("Bryansk Oblast", "Unecha", "Унеча", "Унеча", "унечский", "унецький", 52.847, 32.679, 25_000),
)
# fmt: on


def border_districts() -> list[Place]:
    """Russia's border oblasts (kind oblast, at their capital, as Ukraine's are), each border
    district (kind raion, so "Рыльского района" reads as it) and its centre as a town where
    the centre is not already a foreign entry; all carry their oblast and district, so a
    village named with its district is looked for there."""
    known = {normalise_name(row[0]) for row in FOREIGN}
    out: list[Place] = []
    for oblast, capital, lat, lon, population, names in RUSSIAN_OBLASTS:
        place = Place(f"foreign-oblast:{normalise_name(capital)}", oblast, "oblast", oblast, lat,
                      lon, population, country="Russia")  # fmt: skip
        place.names = spellings([oblast, *names])
        out.append(place)
    for oblast, centre, ru, uk, adj_ru, adj_uk, lat, lon, population in BORDER_DISTRICTS:
        slug = normalise_name(centre).replace(" ", "-")
        name = f"{centre} District"
        district = Place(f"foreign-raion:{slug}", name, "raion", oblast, lat, lon, population,
                         admin2=name, country="Russia")  # fmt: skip
        district.names = {cyrillic_key(adj_ru), cyrillic_key(adj_uk)} - {""}
        out.append(district)
        if normalise_name(centre) not in known and ru:
            town = Place(f"foreign:{slug}", centre, "foreign", oblast, lat, lon, population,
                         admin2=name, country="Russia")  # fmt: skip
            town.names = spellings([centre, ru, uk])
            out.append(town)
    return out


def outside_ukraine() -> list[Place]:
    name, lat, lon, population, aliases = UKRAINE
    ukraine = Place("country:ukraine", name, "country", None, lat, lon, population)
    ukraine.names = spellings(aliases)
    out = [ukraine]
    units = russian_units()
    for name, country, lat, lon, population, kind, others in FOREIGN:
        admin1, admin2 = units.get(name, (None, None))
        place = Place(f"foreign:{normalise_name(name).replace(' ', '-')}", name, kind, admin1,
                      lat, lon, population, admin2=admin2, country=country)  # fmt: skip
        place.names = spellings([name, *others])
        out.append(place)
    return [*out, *border_districts()]


def russian_units() -> dict[str, tuple[str, str | None]]:
    """The oblast and district of each border town and capital of Russia the tables name."""
    units: dict[str, tuple[str, str | None]] = {
        capital: (oblast, None) for oblast, capital, *_ in RUSSIAN_OBLASTS
    }
    for oblast, centre, *_ in BORDER_DISTRICTS:
        units[centre] = (oblast, f"{centre} District")
    return units


def stop_names(places: list[Place], english_words: set[str]) -> dict[str, str]:
    """Keys that are English words or personal names before they are places.

    The rule, decided from the data: a one-word key of a settlement or
    district (never of an oblast, raion, country or foreign city) is stopped
    when it is an English word (lower-case in both the ``web2`` and ``gcide`` lists, or one of
    ``ENGLISH_CAPITALISED``) and no place with that key has
    ``STOP_MAX_POPULATION`` people or more, or when no place has it as its own
    name (a variant only: "Human", Polish for Uman).  A personal name (``PERSONAL_NAMES``)
    is stopped as ``name`` below that population; above it (Volodymyr, a
    town of 38k) it is marked ``person``, and the finder drops it only when a
    surname follows or a title precedes it.
    """
    max_population: dict[str, int] = defaultdict(int)
    protected: set[str] = set()
    own: set[str] = set()  # keys that are some place's own name, not only a variant of it
    for place in places:
        own.add(normalise_name(place.name))
        own.update(name_alternates(normalise_name(place.name)))
        for key in place.names:
            if place.kind in {"settlement", "district"}:
                max_population[key] = max(max_population[key], place.population)
            else:
                protected.add(key)
    capitalised = {normalise_name(w) for w in ENGLISH_CAPITALISED}
    persons = {normalise_name(w) for w in PERSONAL_NAMES}
    stops: dict[str, str] = {}
    for key, population in max_population.items():
        if " " in key or key in protected:
            continue
        if key in persons:
            stops[key] = "person" if population >= STOP_MAX_POPULATION else "name"
        elif key in NEWS_SPELLINGS:
            continue
        elif (key in english_words or key in capitalised) and (
            population < STOP_MAX_POPULATION or key not in own
        ):
            stops[key] = (
                "word"  # a large town's foreign variant ("Human", Polish for Uman) is still the word
            )
    return stops


def load_english_words() -> set[str]:
    from english_words import get_english_words_set  # build-time only

    # Lower-case web2 words that gcide also lists: in both dictionaries means
    # a real English word, not a rare spelling (web2 alone stopped Pisky and Buda).
    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    gcide = get_english_words_set(["gcide"], lower=True, alpha=True)
    return {w for w in web2 if w.islower() and len(w) >= 3 and w in gcide}


def write_sqlite(
    out: Path, places: list[Place], stops: dict[str, str], meta: dict[str, str]
) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, ref TEXT NOT NULL, name TEXT NOT NULL,
            kind TEXT NOT NULL, admin1 TEXT, admin2 TEXT, hromada TEXT, parent TEXT,
            country TEXT NOT NULL, lat REAL, lon REAL, population INTEGER NOT NULL);
        CREATE TABLE names (key TEXT PRIMARY KEY, places TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE stopnames (key TEXT PRIMARY KEY, reason TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        """
    )
    for rowid, place in enumerate(places, start=1):
        place.rowid = rowid
    db.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(p.rowid, p.ref, p.name, p.kind, p.admin1, p.admin2, p.hromada, p.parent, p.country,
          p.lat, p.lon, p.population) for p in places],
    )  # fmt: skip
    db.executemany("INSERT INTO names VALUES (?, ?)", sorted(name_rows(places).items()))
    db.executemany("INSERT INTO stopnames VALUES (?, ?)", sorted(stops.items()))
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)


def name_rows(places: list[Place]) -> dict[str, str]:
    """Key -> space-separated place ids: one row per key loads several times faster."""
    ids: dict[str, list[int]] = defaultdict(list)
    for place in places:
        for key in place.names:
            ids[key].append(place.rowid)
    return {key: " ".join(map(str, sorted(set(v)))) for key, v in ids.items()}


def build(shared: Path, out: Path) -> dict[str, str]:
    """Build the gazetteer file; returns the ``meta`` table it wrote."""
    folder = shared / "data" / "gazetteer"
    official = folder / "ua_settlements_merged.tsv"
    wof = folder / "wof_ua_places_enriched.tsv"
    wof_points = {
        row["wof_id"]: (float(row["lat"]), float(row["lon"]))
        for row in read_tsv(wof)
        if row["lat"] and row["lon"]
    }
    settlements = official_settlements(official, wof_points)
    gn_oblast = {row["adm1_geonames"]: OBLASTS[row["adm1_pcode"]][0] for row in read_tsv(official)}
    raion_places = raions(settlements, official)
    for place in settlements:
        place.names = with_alternates(place.names)
    units = oblasts(settlements)
    extra = wof_places(wof, settlements, gn_oblast)
    for place in extra:
        place.names = with_alternates(place.names)
    places = [
        *outside_ukraine(),
        *units,
        *raion_places,
        *settlements,
        *extra,
        *extra_districts(settlements),
        *extra_places(),
    ]
    stops = stop_names(places, load_english_words())
    counts: dict[str, int] = defaultdict(int)
    for place in places:
        counts[place.kind] += 1
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "command": COMMAND,
        "sources": "OCHA/HDX cod-ab-ukr (CC BY-IGO); Who's On First (CC0) with GeoNames (CC BY 4.0) and Quattroshapes (CC BY)",
        **{f"count_{kind}": str(n) for kind, n in sorted(counts.items())},
        "count_stopnames": str(len(stops)),
    }
    write_sqlite(out, places, stops, meta)
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], epilog=f"Example: {COMMAND}"
    )
    parser.add_argument(
        "--shared", type=Path, required=True, help="the shared folder (holds data/gazetteer)"
    )
    parser.add_argument("--out", type=Path, required=True, help="SQLite file to write")
    args = parser.parse_args(argv)
    meta = build(args.shared, args.out)
    for key, value in meta.items():
        print(f"{key}: {value}")
    print(f"size: {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
