import pytest

from sitrep.extract.events import classify, find_targets


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        ("Russian forces shelled the village.", "explosions_remote_violence", "shelling_artillery_missile_attack"),
        ("Russian forces launched a drone strike on the town.", "explosions_remote_violence", "air_drone_strike"),
        ("A guided aerial bomb hit a house.", "explosions_remote_violence", "air_drone_strike"),
        ("A cruise missile struck the port.", "explosions_remote_violence", "shelling_artillery_missile_attack"),
        ("A civilian was killed by a landmine explosion.", "explosions_remote_violence", "remote_explosive_landmine_ied"),
        ("Clashes between the two armies continued.", "battles", "armed_clash"),
        ("Ukrainian forces regained control of the village.", "battles", "government_regains_territory"),
        ("Russian forces captured the town.", "battles", "non_state_actor_overtakes_territory"),
        ("Air defence shot down two drones.", "strategic_developments", "disrupted_weapons_use"),
        ("Soldiers shot a civilian at a checkpoint.", "violence_against_civilians", "attack"),
        ("Residents held a protest outside the council.", "protests", "peaceful_protest"),
    ],
)
def test_classify(sentence: str, event_type: str, sub_event_type: str) -> None:
    cue = classify(sentence)
    assert cue is not None
    assert (cue.event_type, cue.sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize("sentence", ["A firefighter walks past a bakery.", "The talks ended without a breakthrough.", "Drone footage captured the moment."])
def test_no_event(sentence: str) -> None:
    cue = classify(sentence)
    assert cue is None or cue.weapon == "drone"


def test_targets() -> None:
    assert find_targets("a maternity hospital and a five-storey residential building") == ["maternity hospital", "residential building"]
