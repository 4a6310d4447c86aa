from __future__ import annotations

import pytest

from sitrep.model import Claimant
from sitrep.resolve.claimants import UNATTRIBUTED, claimant_family


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("UN", "un"),
        ("OHCHR", "un"),
        ("UN human rights office (OHCHR)", "un"),
        ("the UN monitoring mission", "un"),
        ("the United Nations", "un"),
        ("State Emergency Service of Ukraine", "ses"),
        ("Ukraine's emergency service", "ses"),
        ("Ukrainian officials", "ukraine"),
        ("Volodymyr Zelensky", "person:zelenskyy"),
        ("Zelenskyy", "person:zelenskyy"),
        ("Russia (military)", "russia"),
        ("the Russian defence ministry", "russia"),
        ("Mariupol officials", "mariupol-officials"),
        ("Roman Semenukha", "roman-semenukha"),
    ],
)
def test_claimant_family(name: str, family: str) -> None:
    assert claimant_family(Claimant(name)) == family


def test_no_claimant_is_unattributed() -> None:
    assert claimant_family(None) == UNATTRIBUTED
