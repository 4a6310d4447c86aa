"""The place stage: resolving names to places with the sentence and document as context."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.config import Settings
from sitrep.extract._gazetteer import Gazetteer, load_gazetteer
from sitrep.extract.places import PlacePrior, find_places, resolve_mentions
from sitrep.model import Article, Document, Place, PlaceMention, Sentence


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def sentences(*texts: str) -> list[Sentence]:
    out, start = [], 0
    for i, text in enumerate(texts):
        out.append(Sentence(i, start, start + len(text), text, i + 1, i))
        start += len(text) + 1
    return out


def resolve(
    gazetteer: Gazetteer, *texts: str, prior: PlacePrior | None = None
) -> list[PlaceMention]:
    return list(resolve_mentions(sentences(*texts), gazetteer, prior))


def km(place: Place, lat: float, lon: float) -> float:
    assert place.lat is not None and place.lon is not None
    dy = math.radians(place.lat - lat)
    dx = math.radians(place.lon - lon) * math.cos(math.radians(lat))
    return 6371 * math.hypot(dx, dy)


@pytest.mark.parametrize(
    ("text", "surface", "name", "precision", "admin1", "country"),
    [
        (
            "Kyiv's mayor said the city was calm.",
            "Kyiv",
            "Kyiv",
            "settlement",
            "Kyiv City",
            "Ukraine",
        ),
        ("Russian troops are near Kiev.", "Kiev", "Kyiv", "settlement", "Kyiv City", "Ukraine"),
        (
            "Shelling in the Kharkiv region killed two.",
            "Kharkiv region",
            "Kharkiv Oblast",
            "oblast",
            "Kharkiv Oblast",
            "Ukraine",
        ),
        (
            "Strikes hit Donetsk Oblast overnight.",
            "Donetsk Oblast",
            "Donetsk Oblast",
            "oblast",
            "Donetsk Oblast",
            "Ukraine",
        ),
        (
            "Shells fell on Donetsk oblast.",
            "Donetsk oblast",
            "Donetsk Oblast",
            "oblast",
            "Donetsk Oblast",
            "Ukraine",
        ),
        (
            "Donetsk was shelled again.",
            "Donetsk",
            "Donetsk",
            "settlement",
            "Donetsk Oblast",
            "Ukraine",
        ),
        (
            "Zaporizhia came under attack.",
            "Zaporizhia",
            "Zaporizhzhia",
            "settlement",
            "Zaporizhzhia Oblast",
            "Ukraine",
        ),
        (
            "Zaporozhye came under attack.",
            "Zaporozhye",
            "Zaporizhzhia",
            "settlement",
            "Zaporizhzhia Oblast",
            "Ukraine",
        ),
        (
            "Drones hit Kharkiv city at night.",
            "Kharkiv city",
            "Kharkiv",
            "settlement",
            "Kharkiv Oblast",
            "Ukraine",
        ),
        (
            "Kharkiv regional governor Oleh Syniehubov said.",
            "Kharkiv regional",
            "Kharkiv Oblast",
            "oblast",
            "Kharkiv Oblast",
            "Ukraine",
        ),
        (
            "Fighting continued in Crimea.",
            "Crimea",
            "Autonomous Republic of Crimea",
            "oblast",
            "Autonomous Republic of Crimea",
            "Ukraine",
        ),
        ("Fighting continued in Irpen.", "Irpen", "Irpin", "settlement", "Kyiv Oblast", "Ukraine"),
        (
            "Paratroopers landed at Gostomel.",
            "Gostomel",
            "Hostomel",
            "settlement",
            "Kyiv Oblast",
            "Ukraine",
        ),
        ("A missile hit Brovary.", "Brovary", "Brovary", "settlement", "Kyiv Oblast", "Ukraine"),
        (
            "Missiles were fired from Belgorod.",
            "Belgorod",
            "Belgorod",
            "settlement",
            "Belgorod Oblast",
            "Russia",
        ),
        ("Officials in Moscow denied it.", "Moscow", "Moscow", "settlement", None, "Russia"),
        ("Refugees crossed into Poland.", "Poland", "Poland", "country", None, "Poland"),
        ("Ukraine's army said.", "Ukraine", "Ukraine", "country", None, "Ukraine"),
        (
            "Donetsk Oblast's Pokrovsk district was hit.",
            "Pokrovsk district",
            "Pokrovsk Raion",
            "raion",
            "Donetsk Oblast",
            "Ukraine",
        ),
        (
            "Shells hit Bakhmut raion.",
            "Bakhmut raion",
            "Bakhmut Raion",
            "raion",
            "Donetsk Oblast",
            "Ukraine",
        ),
    ],
)
def test_resolves(
    gazetteer: Gazetteer,
    text: str,
    surface: str,
    name: str,
    precision: str,
    admin1: str | None,
    country: str,
) -> None:
    (mention,) = [m for m in resolve(gazetteer, text) if m.surface == surface]
    place = mention.place
    assert (place.name, place.precision, place.admin1, place.country) == (
        name,
        precision,
        admin1,
        country,
    )


@pytest.mark.parametrize(
    "text",
    [
        "President Volodymyr Zelensky said.",
        "A shell hit a house on Mira Avenue.",
        "Police officers said.",
        "It happened on March 9.",
        "Vladimir Putin and Defence Minister Reznikov spoke.",
    ],
)
def test_no_place(gazetteer: Gazetteer, text: str) -> None:
    assert resolve(gazetteer, text) == []


def test_kyiv_district(gazetteer: Gazetteer) -> None:
    obolon, kyiv = resolve(gazetteer, "A shell hit a block in the Obolon district of Kyiv.")
    assert obolon.place.precision == "district"
    assert (obolon.place.parent, obolon.place.admin1) == ("Kyiv", "Kyiv City")
    assert kyiv.place.name == "Kyiv"


def test_village_qualified_by_city_name_of_its_oblast(gazetteer: Gazetteer) -> None:
    sartana, donetsk = resolve(gazetteer, "Sartana, Donetsk, came under fire on Monday.")
    assert sartana.place.admin1 == "Donetsk Oblast"
    assert km(sartana.place, 47.17, 37.66) < 10
    assert donetsk.place.precision == "oblast"


def test_a_list_of_cities_is_not_a_qualifier(gazetteer: Gazetteer) -> None:
    names = [m.place.name for m in resolve(gazetteer, "Sirens sounded in Kyiv, Kharkiv and Odesa.")]
    assert names == ["Kyiv", "Kharkiv", "Odesa"]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Two people were killed in Oleksandrivka, Donetsk oblast.", "Donetsk Oblast"),
        ("Two people were killed in Oleksandrivka in the Donetsk oblast.", "Donetsk Oblast"),
        ("Two people were killed in Oleksandrivka, Kharkiv oblast.", "Kharkiv Oblast"),
        ("Kharkiv oblast: shelling killed two in Oleksandrivka.", "Kharkiv Oblast"),
    ],
)
def test_shared_name_follows_the_oblast_in_the_sentence(
    gazetteer: Gazetteer, text: str, admin1: str
) -> None:
    (village,) = [m for m in resolve(gazetteer, text) if m.surface == "Oleksandrivka"]
    assert village.place.admin1 == admin1
    assert village.place.precision == "settlement"


def test_short_report_of_a_small_village(gazetteer: Gazetteer) -> None:
    (village, oblast) = resolve(
        gazetteer, "A drone attack on Velyka Pysarivka in the Sumy region injured a woman."
    )
    assert (village.place.name, village.place.admin1) == ("Velyka Pysarivka", "Sumy Oblast")
    assert village.place.admin2 == "Okhtyrka Raion"
    assert oblast.place.precision == "oblast"


def test_oblast_named_elsewhere_in_the_document(gazetteer: Gazetteer) -> None:
    mentions = resolve(
        gazetteer, "Russian forces shelled the Kharkiv region.", "In Oleksandrivka two died."
    )
    assert mentions[-1].place.admin1 == "Kharkiv Oblast"


def test_nearest_to_the_documents_other_places(gazetteer: Gazetteer) -> None:
    mentions = resolve(gazetteer, "Shelling hit Bakhmut and Soledar.", "In Oleksandrivka two died.")
    village = mentions[-1].place
    assert village.admin1 == "Donetsk Oblast"
    assert km(village, 48.6, 38.0) < 100


@pytest.mark.parametrize("point", [(48.0, 37.8), (46.6, 32.6), (50.0, 36.25)])
def test_prior_breaks_ties_before_population(
    gazetteer: Gazetteer, point: tuple[float, float]
) -> None:
    (village,) = resolve(gazetteer, "In Oleksandrivka two died.", prior=PlacePrior((point,)))
    located = [
        c for c in gazetteer.candidates("Oleksandrivka") if c.lat is not None and c.lon is not None
    ]
    nearest = min(
        located, key=lambda c: km(Place(c.name, c.lat, c.lon, None, "settlement"), *point)
    )
    assert village.place.id == nearest.ref
    assert km(village.place, *point) < 60


def test_document_places_outrank_the_prior(gazetteer: Gazetteer) -> None:
    prior = PlacePrior(((46.6, 32.6),))  # Kherson
    mentions = resolve(
        gazetteer, "Shelling hit Bakhmut and Soledar.", "In Oleksandrivka two died.", prior=prior
    )
    assert mentions[-1].place.admin1 == "Donetsk Oblast"


def test_without_context_the_largest_wins(gazetteer: Gazetteer) -> None:
    (village,) = resolve(gazetteer, "In Oleksandrivka two died.")
    largest = gazetteer.candidates("Oleksandrivka")[0]
    assert village.place.id == largest.ref


def test_prior_from_places_keeps_points_in_ukraine() -> None:
    kyiv = Place("Kyiv", 50.45, 30.52, "Kyiv City", "settlement")
    moscow = Place("Moscow", 55.75, 37.61, None, "settlement", country="Russia")
    nowhere = Place("Somewhere", None, None, None, "settlement")
    assert PlacePrior.from_places([kyiv, moscow, nowhere]).points == ((50.45, 30.52),)


def test_find_places_fills_the_document_and_skips_boilerplate() -> None:
    text = "Shelling hit Kharkiv. Donate to our Kyiv bureau."
    first = Sentence(0, 0, 21, "Shelling hit Kharkiv.", 1, 0)
    second = Sentence(1, 22, len(text), "Donate to our Kyiv bureau.", 1, 0, boilerplate=True)
    doc = Document(Article("a1", text, "test.txt"), sentences=(first, second))
    out = find_places(doc, Settings())
    assert [(m.sentence, m.surface, m.place.name) for m in out.places] == [
        (0, "Kharkiv", "Kharkiv")
    ]
    assert out.article is doc.article and out.sentences == doc.sentences


_WORDS = st.sampled_from(
    ["Kyiv's", "Oleksandrivka,", "Donetsk", "oblast", "Kharkiv region", "Police", "the", "in",
     "Obolon district of Kyiv", "Moscow", "Sartana,", "shelled", "President Volodymyr Zelensky"]
)  # fmt: skip


@settings(deadline=None)  # the first example loads the gazetteer
@given(st.lists(st.lists(_WORDS, max_size=8).map(" ".join), max_size=4))
def test_mentions_point_into_their_sentence(texts: list[str]) -> None:
    sents = sentences(*texts)
    for mention in resolve_mentions(sents, load_gazetteer()):
        text = sents[mention.sentence].text
        assert text[mention.start : mention.end] == mention.surface
        assert mention.place.precision in {"district", "settlement", "raion", "oblast", "country"}


GOLD_PLACES = [
    "Kharkiv",
    "Kyiv",
    "Obolon",
    "Brovary",
    "Irpin",
    "Bucha",
    "Hostomel",
    "Mariupol",
    "Odesa",
    "Kherson",
]


def test_seed_places_are_found(seed_paths: list[Path], gazetteer: Gazetteer) -> None:
    found: set[str] = set()
    for path in seed_paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        found |= {m.place.name for m in resolve(gazetteer, *lines)}
    assert set(GOLD_PLACES) <= found
    assert not {name for name in found if name in {"Putiatyntsi", "Nataliia", "Reznikov"}}


def test_mentions_are_frozen(gazetteer: Gazetteer) -> None:
    (mention,) = resolve(gazetteer, "Kyiv.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.place.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "surface", "admin1", "admin2"),
    [
        # the units right after a name outrank the size of a namesake city
        (
            "Artillery hit Kamianske, Vasylivka raion, at dawn.",
            "Kamianske",
            "Zaporizhzhia Oblast",
            "Vasylivka Raion",
        ),
        (
            "A shell landed in Novoselivka, Lyman hromada (Kramatorsk raion).",
            "Novoselivka",
            "Donetsk Oblast",
            "Kramatorsk Raion",
        ),
        (
            "Guided bombs fell on Oleksandrivka (Kupiansk raion, Kharkiv oblast).",
            "Oleksandrivka",
            "Kharkiv Oblast",
            "Kupiansk Raion",
        ),
        (
            "A drone hit Andriivka in the Khotin hromada of Sumy raion.",
            "Andriivka",
            "Sumy Oblast",
            "Sumy Raion",
        ),
        (
            "Troops moved on Semenivka, Chernihiv oblast, overnight.",
            "Semenivka",
            "Chernihiv Oblast",
            "Novhorod-Siverskyi Raion",
        ),
        # a landmark named next to a village locates it
        (
            "Fighting went on near Stepove, north of Avdiivka.",
            "Stepove",
            "Donetsk Oblast",
            "Pokrovsk Raion",
        ),
        # a place's own name outranks a variant another place lists
        ("Shelling hit Bakhmut again.", "Bakhmut", "Donetsk Oblast", "Bakhmut Raion"),
        (
            "Missiles struck Zaporozhye at night.",
            "Zaporozhye",
            "Zaporizhzhia Oblast",
            "Zaporizhzhia Raion",
        ),
    ],
)
def test_units_and_landmarks_decide_namesakes(
    gazetteer: Gazetteer, text: str, surface: str, admin1: str, admin2: str
) -> None:
    mention = next(m for m in resolve(gazetteer, text) if m.surface == surface)
    assert (mention.place.admin1, mention.place.admin2) == (admin1, admin2)


@pytest.mark.parametrize(
    "text",
    [
        "Marines held a bridgehead on the left bank of the Dnipro.",
        "A missile was downed over the Dnipro river at noon.",
        "Troops tried to cross the Oskil river in boats.",
    ],
)
def test_rivers_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    assert [m.surface for m in resolve(gazetteer, text)] == []


def test_basis_says_how_sure_the_place_is(gazetteer: Gazetteer) -> None:
    bases = {
        m.surface: m.basis
        for m in resolve(gazetteer, "Shelling hit Sartana, Donetsk, and Kharkiv.")
    }
    assert bases["Kharkiv"] in ("unique", "dominant")
    assert bases["Sartana"] in ("unique", "context")
    (bare,) = resolve(gazetteer, "In Marinka two died.")
    assert bare.basis == "largest"


@pytest.mark.parametrize(
    "text", ["The UN Human Rights office counted them.", "Just hours later it ended."]
)
def test_english_words_that_are_only_foreign_variants_are_no_places(
    gazetteer: Gazetteer, text: str
) -> None:
    assert resolve(gazetteer, text) == []


def test_a_namesake_the_batch_pinned_down_outranks_where_the_batch_crowds(
    gazetteer: Gazetteer,
) -> None:
    # Another article placed this very village by its region; the batch's other places
    # crowd round a namesake elsewhere (a city's strikes) and must not pull it there.
    located = [
        c for c in gazetteer.candidates("Oleksandrivka") if c.lat is not None and c.lon is not None
    ]
    crowded, pinned = located[0], located[-1]
    assert crowded.lat is not None and crowded.lon is not None
    assert pinned.lat is not None and pinned.lon is not None
    crowd = tuple((crowded.lat + k * 0.01, crowded.lon) for k in range(20))
    prior = PlacePrior((*crowd, (pinned.lat, pinned.lon)), ((pinned.lat, pinned.lon),))
    (village,) = resolve(gazetteer, "In Oleksandrivka two died.", prior=prior)
    assert village.place.id == pinned.ref
    (unpinned,) = resolve(gazetteer, "In Oleksandrivka two died.", prior=PlacePrior(prior.points))
    assert unpinned.place.id == crowded.ref
