"""Place rules from short incident notes in the style of ACLED's coders and of news wires.

Each table row is a sentence written for the rule (not copied from any data
set) and what the place stage must make of it.
"""

from __future__ import annotations

import pytest

from sitrep.extract._gazetteer import Gazetteer, load_gazetteer, skeleton
from sitrep.extract.places import resolve_mentions
from sitrep.model import PlaceMention, Sentence


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def resolve(gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    return list(resolve_mentions([Sentence(0, 0, len(text), text, 1, 0)], gazetteer))


def first_settlement(mentions: list[PlaceMention]) -> PlaceMention | None:
    return next((m for m in mentions if m.place.precision in ("settlement", "district")), None)


# --- a trailing or bracketed oblast is a hard constraint ---------------------------------


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a bigger namesake elsewhere loses to the named oblast
        ("Artillery hit Kamianske, Zaporizhia, overnight.", "Kamianske", "Zaporizhzhia Oblast"),
        ("Troops shelled Rubizhne, Kharkiv on Tuesday.", "Rubizhne", "Kharkiv Oblast"),
        (
            "Mortar rounds fell on Pervomaisk, Luhansk. Nobody was hurt.",
            "Pervomaisk",
            "Luhansk Oblast",
        ),
        # the qualifier word is also a city: it is still the oblast
        ("A drone struck near New York, Donetsk.", "Niu-York", "Donetsk Oblast"),
        # bracketed, and with "in the ... oblast"
        ("Fighting was reported at Rubizhne (Kharkiv region).", "Rubizhne", "Kharkiv Oblast"),
        ("A shell landed in Rubizhne in the Kharkiv oblast.", "Rubizhne", "Kharkiv Oblast"),
        # every name of a list before one oblast
        ("Shells hit Zatoka, Lebedivka and Bilenke in Odesa region.", "Zatoka", "Odesa Oblast"),
    ],
)
def test_trailing_oblast_pins_the_name(
    gazetteer: Gazetteer, text: str, name: str, admin1: str
) -> None:
    place = first_settlement(resolve(gazetteer, text))
    assert place is not None
    assert (place.place.name, place.place.admin1) == (name, admin1)


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a raion or hromada with no name before it: the oblast pins it, and is no city
        ("Artillery hit Kamianske district, Zaporizhia.", "Kamianske", "Zaporizhzhia Oblast"),
        ("Mortars were fired at New York district, Donetsk.", "Niu-York", "Donetsk Oblast"),
        # a bracket before the oblast: the names in it and the one it follows
        (
            "Grad fire hit Huliaipole district (Huliaipole town), Zaporizhia region.",
            "Huliaipole",
            "Zaporizhzhia Oblast",
        ),
    ],
)
def test_trailing_oblast_pins_a_district_name(
    gazetteer: Gazetteer, text: str, name: str, admin1: str
) -> None:
    mentions = resolve(gazetteer, text)
    assert {(m.place.name, m.place.admin1) for m in mentions if m.place.precision != "oblast"} == {
        (name, admin1)
    }
    assert [m.place.precision for m in mentions][-1] == "oblast"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Shells fell across Vasylivka raion, Zaporizhzhia.",
            ["Vasylivka Raion", "Zaporizhzhia Oblast"],
        ),
        (
            "Shells hit the Saltivskyi district, Kharkiv.",
            ["Saltivka", "Kharkiv"],
        ),  # a city's district
    ],
)
def test_a_raion_before_its_oblast_stays_a_raion(
    gazetteer: Gazetteer, text: str, names: list[str]
) -> None:
    assert [m.place.name for m in resolve(gazetteer, text)] == names


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Ukrainian troops retook Topolyne, Kherso. No information on fighting.", "Kherson Oblast"),
        ("A Su-25 was shot down near Pisky, Mykoliav region.", "Mykolaiv Oblast"),  # a swap
    ],
)
def test_a_misspelt_oblast_qualifier_still_pins(
    gazetteer: Gazetteer, text: str, admin1: str
) -> None:
    mentions = resolve(gazetteer, text)
    place = first_settlement(mentions)
    assert place is not None and place.place.admin1 == admin1
    assert (mentions[-1].place.name, mentions[-1].place.precision) == (admin1, "oblast")


@pytest.mark.parametrize(
    ("key", "oblast"),
    [("kherso", "Kherson Oblast"), ("mykoliav", "Mykolaiv Oblast"), ("zaporizhzha", "Zaporizhzhia Oblast"),
     ("lvov", None), ("sumo", None), ("monday", None), ("reuters", None)],
)  # fmt: skip
def test_oblasts_spelled_like(gazetteer: Gazetteer, key: str, oblast: str | None) -> None:
    assert [e.name for e in gazetteer.oblasts_spelled_like(key)] == ([oblast] if oblast else [])


def test_a_town_just_over_the_named_oblasts_border_is_that_town(gazetteer: Gazetteer) -> None:
    mentions = resolve(gazetteer, "Mortars hit LPR positions in Debaltseve, Luhansk region.")
    assert [(m.place.name, m.place.admin1, m.place.precision) for m in mentions] == [
        ("Debaltseve", "Donetsk Oblast", "settlement")  # and the qualifier names no place
    ]


def test_a_namesake_far_from_the_named_oblast_is_not_taken(gazetteer: Gazetteer) -> None:
    mentions = resolve(gazetteer, "Shells hit Ochakiv, Luhansk. No casualties.")
    assert [(m.place.name, m.place.precision) for m in mentions] == [("Luhansk Oblast", "oblast")]


@pytest.mark.parametrize(
    ("text", "oblast"),
    [
        ("Rockets hit Mine 12/3, Donetsk. No casualties.", "Donetsk Oblast"),
        ("Positions near Shakhta imeni Frunzenska, Luhansk were shelled.", "Luhansk Oblast"),
    ],
)
def test_unknown_name_before_its_oblast_is_the_oblast_not_its_capital(
    gazetteer: Gazetteer, text: str, oblast: str
) -> None:
    mentions = resolve(gazetteer, text)
    assert first_settlement(mentions) is None
    assert [(m.place.name, m.place.precision) for m in mentions] == [(oblast, "oblast")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mortars were fired at positions in Mine 6/7, Donetsk.", "Shakhta 6/7"),
        ("Grad rockets hit Shakhta 6/7 overnight. No casualties.", "Shakhta 6/7"),
        ("Shelling was reported near Mine No 6/7, Donetsk region.", "Shakhta 6/7"),
    ],
)
def test_a_numbered_name_keeps_its_number(gazetteer: Gazetteer, text: str, name: str) -> None:
    place = first_settlement(resolve(gazetteer, text))
    assert place is not None
    assert (place.place.name, place.place.admin1) == (name, "Donetsk Oblast")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Missiles hit Kyiv, Kharkiv and Odesa.", ["Kyiv", "Kharkiv", "Odesa"]),
        ("A blast in Ukraine's second city, Kharkiv, was heard at dawn.", ["Kharkiv"]),
        ("A shell hit a block in Obolon, Kyiv.", ["Obolon", "Kyiv"]),
    ],
)
def test_a_city_after_a_comma_is_not_always_a_qualifier(
    gazetteer: Gazetteer, text: str, names: list[str]
) -> None:
    settlements = [m.place.name for m in resolve(gazetteer, text) if m.place.precision != "country"]
    assert settlements == names


# --- spellings as sources write them -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Mortars were fired at Elenovka, Donetsk.", "Olenivka", "Donetsk Oblast"),  # Russian form
        ("Clashes near Kamyshevakha, Luhansk region.", "Komyshuvakha", "Luhansk Oblast"),
        ("An air strike on Privillya, Donetsk.", "Pryvillia", "Donetsk Oblast"),  # y/i, -ya/-ia
        ("Shelling of Klischiivka, Donetsk oblast.", "Klishchiivka", "Donetsk Oblast"),  # sch/shch
        ("Houses burned in Khrestysche, Donetsk.", "Khrestyshche", "Donetsk Oblast"),
    ],
)
def test_spelling_alternates_within_the_named_oblast(
    gazetteer: Gazetteer, text: str, name: str, admin1: str
) -> None:
    place = first_settlement(resolve(gazetteer, text))
    assert place is not None
    assert (place.place.name, place.place.admin1) == (name, admin1)


@pytest.mark.parametrize(
    ("a", "b"),
    [("olenivka", "elenovka"), ("komyshuvakha", "kamyshevakha"), ("chasiv yar", "czasiv yar"),
     ("klishchiivka", "klischiivka"), ("rumiantseve", "rumyantsevo"), ("hostomel", "gostomel")],
)  # fmt: skip
def test_skeleton_is_shared_by_transliterations(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_skeleton_match_needs_a_close_spelling(gazetteer: Gazetteer) -> None:
    # a shared consonant frame inside a longer, different name is no match
    assert gazetteer.spelled_like("maiorsk", "Donetsk Oblast") == ()


# --- actors, titles and machines are not places ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Mortars hit positions of the Luhansk People's Militia in Pervomaisk, Luhansk.",
            "Pervomaisk",
        ),
        ("Artillery fired on Donetsk rebel positions in Sartana, Donetsk.", "Sartana"),
        ("Gunners shelled Luhansk separatists dug in near Popasna.", "Popasna"),
    ],
)
def test_armed_group_named_after_a_city_is_not_that_city(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert [
        m.place.name for m in resolve(gazetteer, text) if m.place.precision == "settlement"
    ] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Air defence downed a Sukhoi Su-34 over the sea.",
        "A missile struck the frigate Admiral Makarov.",
        "Captain Lozova gave the order.",
    ],
)
def test_aircraft_and_titled_names_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert [m for m in resolve(gazetteer, text) if m.place.precision == "settlement"] == []


# --- fragments of unknown names, and respellings of known ones -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mortar fire was reported at Zalizna Balka overnight.",  # "Balka" is a village elsewhere
        "Troops dug in at Tykhozerna Balka and waited.",
    ],
)
def test_a_fragment_of_an_unknown_name_matches_nothing(gazetteer: Gazetteer, text: str) -> None:
    assert [m for m in resolve(gazetteer, text) if m.place.precision == "settlement"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Russian troops entered Czasiv Yar on Monday.", "Chasiv Yar"),  # machine-translated
        ("A shell hit Mali Scherbaky at noon.", "Mali Shcherbaky"),  # sch for shch
        ("A mine exploded near Sviatohirsk Lavra.", "Sviatohirsk"),  # a landmark of the town
    ],
)
def test_respelt_names_still_match(gazetteer: Gazetteer, text: str, name: str) -> None:
    place = first_settlement(resolve(gazetteer, text))
    assert place is not None and place.place.name == name
