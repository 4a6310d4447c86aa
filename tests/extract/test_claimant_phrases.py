import pytest

from sitrep.extract.claimants import find_claimant
from sitrep.lang import vocabulary

EN = vocabulary("en")


@pytest.mark.parametrize(
    ("sentence", "name", "role", "channel"),
    [
        (
            "Strikes injured 11 people, regional Governor Ivan Petrenko said on Telegram.",
            "Ivan Petrenko",
            "regional governor",
            "Telegram",
        ),
        (
            "More than 100 civilians have died, the State Emergency Service says.",
            "State Emergency Service of Ukraine",
            None,
            None,
        ),
        (
            "A missile hit the depot, according to the deputy governor of the region, Petro Ivanenko.",
            "Petro Ivanenko",
            "deputy governor of the region",
            None,
        ),
        ("More than 6,000 residents have fled, according to the UN.", "UN", None, None),
        (
            "The UN human rights office said that 20 civilians had been killed.",
            "UN human rights office (OHCHR)",
            None,
            None,
        ),
        ("Ukrainian officials put the toll at 40.", "Ukrainian officials", None, None),
        (
            "The Russian defence ministry has claimed to have captured the village.",
            "Russian defence ministry",
            None,
            None,
        ),
        (
            "Two people died in Sumy, according to the public broadcaster Suspilne.",
            "Suspilne",
            None,
            None,
        ),
        (
            "Two people died in Sumy, Ukraine's public broadcaster Suspilne reported.",
            "Suspilne",
            None,
            None,
        ),
        ("A drone hit a school, the news agency Ukrinform said.", "Ukrinform", None, None),
    ],
)
def test_find_claimant(sentence: str, name: str, role: str | None, channel: str | None) -> None:
    claimant = find_claimant(sentence, EN)
    assert claimant is not None
    assert (claimant.name, claimant.role, claimant.channel) == (name, role, channel)


def test_no_claimant() -> None:
    assert find_claimant("On 26 February 2022, Russian forces shelled the village.", EN) is None


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "There are 12 dead and 40 injured, said railway boss Ivan Koval.",
            "Ivan Koval",
            "railway boss",
        ),
        (
            "Petro Hnatiuk, chairman of the board of the city water utility, said two shells hit the plant.",
            "Petro Hnatiuk",
            "chairman of the board of the city water utility",
        ),
        (
            "The Head of the Sumy Oblast State Administration Oleh Marchenko clarified that the missiles were cluster munitions.",
            "Oleh Marchenko",
            "head of the Sumy oblast state administration",
        ),
        (
            "The toll rose to nine, said Maria Bondar, deputy head of the regional council.",
            "Maria Bondar",
            "deputy head of the regional council",
        ),
        (
            "Four people were killed, the Odesa Oblast Military Administration reported.",
            "Odesa Oblast Military Administration",
            None,
        ),
        ("Two people died, according to Hromadske.", "Hromadske", None),
        (
            "This was reported by the head of the RMA Ivan Koval, the outlet reports.",
            "Ivan Koval",
            "head of the RMA",
        ),
        (
            "The state railway company said a rocket struck the depot.",
            "Ukrzaliznytsia (Ukrainian Railways)",
            None,
        ),
    ],
)
def test_claimant_forms(sentence: str, name: str, role: str | None) -> None:
    claimant = find_claimant(sentence, EN)
    assert claimant is not None
    assert (claimant.name, claimant.role) == (name, role)


def test_hearsay_names_nobody() -> None:
    assert (
        find_claimant("The shelling of the town is reported to have killed at least 5 people.", EN)
        is None
    )
