"""The gazetteer artifact, name keys and the place-name finder."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract._gazetteer import (
    DEFAULT_PATH,
    Gazetteer,
    load_gazetteer,
    name_alternates,
    normalise_name,
    transliterate_cyrillic,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kyiv", "kyiv"),
        ("Kam’yanets-Podil's'kyi", "kamyanets podilskyi"),
        ("Kryvyi  Rih", "kryvyi rih"),
        ("Zaporizhzhia", "zaporizhzhia"),
        ("Bila Tserkva", "bila tserkva"),
        ("Kharkiv's", "kharkivs"),  # possessives are the finder's business
        ("Київ", ""),
        ("Łódź", "lodz"),
        ("Shakhta 6/7", "shakhta 6 7"),  # a numbered mine settlement keeps its number
    ],
)
def test_normalise_name(name: str, key: str) -> None:
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    ("cyrillic", "expected"),
    [
        ("Киев", "kiev"),
        ("Харьков", "kharkov"),
        ("Запорожье", "zaporozhye"),
        ("Гостомель", "gostomel"),
        ("Ирпень", "irpen"),
        ("Чернигов", "chernigov"),
        ("Днепр", "dnepr"),
        ("Николаев", "nikolayev"),
        ("Артемовск", "artemovsk"),
        ("Ірпінь", "irpin"),
        ("Згурівка", "zghurivka"),
    ],
)
def test_transliterate_cyrillic(cyrillic: str, expected: str) -> None:
    assert expected in transliterate_cyrillic(cyrillic)


def test_transliterate_ignores_other_scripts() -> None:
    assert transliterate_cyrillic("Горад Кіеў") == set()  # Belarusian ў
    assert transliterate_cyrillic("Kyiv") == set()


@pytest.mark.parametrize(
    ("key", "alternate"),
    [
        ("zaporizhzhia", "zaporizhia"),
        ("khmelnytskyi", "khmelnytsky"),
        ("kryvyi rih", "kryviy rih"),
        ("andriivka", "andriyivka"),
        ("hostomel", "gostomel"),
        ("izium", "izyum"),
        ("balakliia", "balakliya"),
    ],
)
def test_name_alternates(key: str, alternate: str) -> None:
    assert alternate in name_alternates(key)
    assert key not in name_alternates(key)


@given(st.text(max_size=40))
def test_normalise_name_is_idempotent_and_plain(text: str) -> None:
    key = normalise_name(text)
    assert normalise_name(key) == key
    assert set(key) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ")
    assert key == key.strip() and "  " not in key


def test_artifact_is_small_and_says_how_it_was_made() -> None:
    assert DEFAULT_PATH.stat().st_size < 10_000_000
    db = sqlite3.connect(f"file:{DEFAULT_PATH}?mode=ro", uri=True)
    meta = dict(db.execute("SELECT key, value FROM meta"))
    kinds = dict(
        db.execute("SELECT kind, count(*) FROM places WHERE country = 'Ukraine' GROUP BY kind")
    )
    russian = dict(
        db.execute("SELECT kind, count(*) FROM places WHERE country = 'Russia' GROUP BY kind")
    )
    db.close()
    assert meta["command"].startswith("python scripts/build_gazetteer.py")
    assert "Who's On First" in meta["sources"]
    assert kinds["oblast"] == 27
    assert kinds["raion"] == 137
    assert kinds["settlement"] > 29_000
    assert kinds["district"] >= 50
    assert russian["oblast"] == 3  # the border oblasts, and their districts
    assert russian["raion"] >= 30


@pytest.mark.parametrize(
    ("name", "kind", "admin1"),
    [
        ("Donetsk Oblast", None, None),
        ("Kharkivska", "oblast", "Kharkiv Oblast"),
        ("Kharkov", "settlement", "Kharkiv Oblast"),
        ("Odessa", "settlement", "Odesa Oblast"),
        ("Nikolaev", "settlement", "Mykolaiv Oblast"),
        ("Lugansk", "settlement", "Luhansk Oblast"),
        ("Artemovsk", "settlement", "Donetsk Oblast"),
        ("Chernigov", "settlement", "Chernihiv Oblast"),
        ("Dnepr", "settlement", "Dnipropetrovsk Oblast"),
        ("Dnipropetrovsk", "oblast", "Dnipropetrovsk Oblast"),
        ("Zaporozhye", "settlement", "Zaporizhzhia Oblast"),
        ("Kryvyi Rih", "settlement", "Dnipropetrovsk Oblast"),
        ("Kryvyy Rih", "settlement", "Dnipropetrovsk Oblast"),
        ("Crimea", "oblast", "Autonomous Republic of Crimea"),
        ("Sevastopol", "settlement", "Sevastopol"),
        ("Obolon", "district", "Kyiv City"),
        ("Saltivka", "district", "Kharkiv Oblast"),
        ("Bakhmutskyi", "raion", "Donetsk Oblast"),
    ],
)
def test_candidates(gazetteer: Gazetteer, name: str, kind: str | None, admin1: str | None) -> None:
    found = gazetteer.candidates(name)
    if kind is None:  # designators are the finder's, not the table's
        assert found == ()
        return
    assert any(c.kind == kind and c.admin1 == admin1 for c in found)


def test_oleksandrivka_is_shared_by_many_places(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Oleksandrivka")
    assert sum(c.admin1 == "Donetsk Oblast" for c in found) >= 5
    assert [c.population for c in found] == sorted((c.population for c in found), reverse=True)


def test_districts_know_their_city(gazetteer: Gazetteer) -> None:
    (obolon,) = [c for c in gazetteer.candidates("Obolon") if c.kind == "district"]
    assert obolon.parent == "Kyiv"


def test_places_neither_table_lists_are_added(gazetteer: Gazetteer) -> None:
    (mine,) = gazetteer.candidates("Shakhta imeni Gagarina")
    assert (mine.kind, mine.parent, mine.admin1) == ("district", "Horlivka", "Donetsk Oblast")
    (island,) = gazetteer.candidates("Snake Island")
    assert island.admin1 == "Odesa Oblast" and island.lat is not None and 45 < island.lat < 45.5


def test_a_raions_point_is_its_centre(gazetteer: Gazetteer) -> None:
    found = gazetteer.candidates("Shostka")
    (raion,) = [c for c in found if c.kind == "raion"]
    town = max((c for c in found if c.kind == "settlement"), key=lambda c: c.population)
    assert (raion.lat, raion.lon) == (round(town.lat or 0, 5), round(town.lon or 0, 5))


def test_foreign_places_are_outside_ukraine(gazetteer: Gazetteer) -> None:
    (moscow,) = gazetteer.candidates("Moscow")
    assert (moscow.kind, moscow.country, moscow.admin1) == ("foreign", "Russia", None)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Kyiv's mayor said the city was calm.", ["Kyiv"]),
        ("Russian troops are near Kiev.", ["Kiev"]),
        ("Shelling in the Kharkiv region killed two.", ["Kharkiv region"]),
        ("Strikes hit Donetsk Oblast overnight.", ["Donetsk Oblast"]),
        ("Donetsk Oblast's Pokrovsk district was hit.", ["Donetsk Oblast", "Pokrovsk district"]),
        ("A strike on the Obolon district of Kyiv.", ["Obolon district", "Kyiv"]),
        ("Sartana, Donetsk, came under fire.", ["Sartana", "Donetsk"]),
        ("Kharkiv regional governor Oleh Syniehubov said.", ["Kharkiv regional"]),
        ("Separatists of the Donetsk People's Republic said.", ["Donetsk People's Republic"]),
        ("A Kyiv-based analyst said.", ["Kyiv"]),
        ("It is in the Autonomous Republic of Crimea.", ["Autonomous Republic of Crimea"]),
        ("Kryvyi Rih and Bila Tserkva were hit.", ["Kryvyi Rih", "Bila Tserkva"]),
        ("President Volodymyr Zelensky said.", []),
        ("Vladimir Putin said.", []),
        ("Putin said.", []),
        ("A shell hit a house on Mira Avenue.", []),
        ("Police officers said.", []),
        ("It happened on March 9.", []),
        ("The attack came on Sunday in May.", []),
        ("He met the mayor in Volodymyr.", ["Volodymyr"]),
        ("", []),
    ],
)
def test_find(gazetteer: Gazetteer, text: str, surfaces: list[str]) -> None:
    assert [m.surface for m in gazetteer.find(text)] == surfaces


def test_find_designators(gazetteer: Gazetteer) -> None:
    text = "In the city of Kharkiv, the Kharkiv region and Bakhmut raion."
    assert [m.designator for m in gazetteer.find(text)] == ["settlement", "oblast", "raion"]


_PIECES = st.sampled_from(
    ["Kyiv's", "Kharkiv region", "Sartana,", "Donetsk", "Police", "President Volodymyr",
     "the", "shelling", "in", "Obolon district", "Mira Avenue", "March", "Bucha-based", "(", ";", "’s"]
)  # fmt: skip


@settings(deadline=None)  # the first example loads the gazetteer
@given(st.lists(_PIECES, max_size=12))
def test_find_offsets_slice_to_surface(pieces: list[str]) -> None:
    gazetteer = load_gazetteer()
    text = " ".join(pieces)
    previous_end = 0
    for match in gazetteer.find(text):
        assert text[match.start : match.end] == match.surface
        assert match.start >= previous_end and match.candidates
        previous_end = match.end
