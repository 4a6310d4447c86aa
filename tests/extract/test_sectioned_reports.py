"""Sectioned news pages: "projectiles" are weapons, counts told later of "the strike" belong to the
incident told last before them, and a quoted outlet after "according to" is the claimant."""

import datetime as dt

from sitrep.config import load_settings
from sitrep.extract.claimants import find_claimant
from sitrep.lang import vocabulary
from sitrep.model import Article
from sitrep.runs.extraction import extract_articles

EN = vocabulary("en")

PAGE = """Strike on the City
Overnight, Russian forces launched missiles and drones across Ukraine. One of the projectiles hit a nine-storey residential building in Khmelnytskyi, starting a fire.
Photos from the scene show collapsed floors.
Casualties
According to \u201cSuspilne,\u201d at least three people have been confirmed dead at the site of the strike.
Other Regions
Odesa also came under a drone attack, with damage to a warehouse.
"""


def _reports() -> dict[str, tuple[object, object]]:
    article = Article(id="a", source="t", published=dt.date(2025, 3, 4), text=PAGE)
    doc = extract_articles([article], load_settings()).docs[0]
    return {
        r.place.name: (
            r.killed and (r.killed.value, r.killed.qualifier),
            r.claimant and r.claimant.name,
        )
        for r in doc.reports
        if r.place
    }


def test_the_strike_of_the_projectile_is_an_incident_with_the_later_count() -> None:
    reports = _reports()
    assert reports["Khmelnytskyi"] == ((3, "at_least"), "Suspilne")
    assert reports["Odesa"][0] is None


def test_a_count_naming_no_attack_is_not_attached() -> None:
    text = PAGE.replace("at the site of the strike", "in the region")
    article = Article(id="a", source="t", published=dt.date(2025, 3, 4), text=text)
    doc = extract_articles([article], load_settings()).docs[0]
    assert [r.killed for r in doc.reports if r.place] == [None, None]


def test_a_quoted_outlet_is_the_claimant() -> None:
    found = find_claimant("According to \u201cUkrainska Pravda,\u201d two people died.", EN)
    assert found is not None and found.name == "Ukrainska Pravda"
