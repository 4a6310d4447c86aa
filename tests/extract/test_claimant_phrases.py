import pytest

from sitrep.extract.claimants import find_claimant


@pytest.mark.parametrize(
    ("sentence", "name", "role", "channel"),
    [
        ("Strikes injured 11 people, regional Governor Ivan Petrenko said on Telegram.", "Ivan Petrenko", "regional governor", "Telegram"),
        ("More than 100 civilians have died, the State Emergency Service says.", "State Emergency Service of Ukraine", None, None),
        ("A missile hit the depot, according to the deputy governor of the region, Petro Ivanenko.", "Petro Ivanenko", "deputy governor of the region", None),
        ("More than 6,000 residents have fled, according to the UN.", "UN", None, None),
        ("The UN human rights office said that 20 civilians had been killed.", "UN human rights office (OHCHR)", None, None),
        ("Ukrainian officials put the toll at 40.", "Ukrainian officials", None, None),
        ("The Russian defence ministry has claimed to have captured the village.", "Russian defence ministry", None, None),
    ],
)
def test_find_claimant(sentence: str, name: str, role: str | None, channel: str | None) -> None:
    claimant = find_claimant(sentence)
    assert claimant is not None
    assert (claimant.name, claimant.role, claimant.channel) == (name, role, channel)


def test_no_claimant() -> None:
    assert find_claimant("On 26 February 2022, Russian forces shelled the village.") is None
