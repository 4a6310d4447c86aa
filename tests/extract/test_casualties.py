from typing import Literal

import pytest

from sitrep.extract._casualties import CasualtyMention, find_casualties
from sitrep.extract._victims import count_victims
from sitrep.extract.tallies import is_tally
from sitrep.lang import vocabulary

Found = list[tuple[str, int | None, str]]


def _found(sentence: str) -> Found:
    return [(c.kind, c.number.value, c.number.qualifier) for c in find_casualties(sentence)]


def _killed(sentence: str) -> int | None:
    values = [c.number.value for c in find_casualties(sentence) if c.kind == "killed"]
    return values[0] if values else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At least 25 people died and at least 121 were injured in the city.",
            [("killed", 25, "at_least"), ("injured", 121, "at_least")],
        ),
        (
            "Strikes killed a 73-year-old man and injured 11 others on Monday.",
            [("killed", 1, "exact"), ("injured", 11, "exact")],
        ),
        (
            "Debris fell on a tram, killing another person and injuring six.",
            [("killed", 1, "exact"), ("injured", 6, "exact")],
        ),
        (
            "One person was killed and a dozen were injured.",
            [("killed", 1, "exact"), ("injured", 12, "exact")],
        ),
        (
            "Fighting raged, with two killed and seven injured at a depot.",
            [("killed", 2, "exact"), ("injured", 7, "exact")],
        ),
        (
            "Three people were wounded and three killed.",
            [("injured", 3, "exact"), ("killed", 3, "exact")],
        ),
        ("A mother and her child died.", [("killed", 2, "exact")]),
        ("On 12 May 2022, a civilian was killed by a landmine.", [("killed", 1, "exact")]),
        (
            "The shelling left four people dead and five injured.",
            [("killed", 4, "exact"), ("injured", 5, "exact")],
        ),
        ("Shelling killed more than 10 civilians in the town.", [("killed", 10, "more_than")]),
        (
            "The bombs killed at least two people and injured dozens.",
            [("killed", 2, "at_least"), ("injured", None, "dozens")],
        ),
        ("No one was killed in the attack.", []),
        ("Thousands are feared dead.", []),
        ("The strike damaged a school.", []),
    ],
)
def test_find_casualties(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


# An age in apposition is not a count; a hyphenated or "aged" age neither.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A drone hit a yard in Stanislav; an elderly man was hurt and his wife, 66, was killed.",
            [("injured", 1, "exact"), ("killed", 1, "exact")],
        ),
        ("A pensioner, 81, died when the shell hit her kitchen.", [("killed", 1, "exact")]),
        (
            "A farmer, 59, was wounded and his son was killed.",
            [("injured", 1, "exact"), ("killed", 1, "exact")],
        ),
        ("A woman, 72, and her husband, 75, were killed.", [("killed", 2, "exact")]),
        ("Two men, 45 and 50, were killed near the bridge.", [("killed", 2, "exact")]),
        ("A woman aged 72 was killed in her garden.", [("killed", 1, "exact")]),
        ("The strike killed a man, 40, in the market.", [("killed", 1, "exact")]),
        ("A 58-year-old man was wounded by shrapnel.", [("injured", 1, "exact")]),
        ("A 10-year-old boy died of his injuries the next day.", [("killed", 1, "exact")]),
        ("Russian forces struck the district, wounding a 14-year-old.", [("injured", 1, "exact")]),
    ],
)
def test_ages_are_not_counts(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


def test_a_share_of_a_village_is_no_count() -> None:
    assert _found("The strike killed every 6th resident of the village.") == []
    assert _found("The strike killed every tenth resident.") == []


# "including ...", "two of them ...", a parenthesis or a dash aside does not change the count.
@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Missiles hit the centre of Uman; nine people, including two children, were killed.", 9),
        ("Five people, three of them children, died in the fire.", 5),
        ("Eleven people, among them a nurse, were killed at the hospital.", 11),
        ("Four people (two women and two men) were killed.", 4),
        ("Four people including a toddler were killed.", 4),
        ("The strike killed five people, among them two teenagers.", 5),
        ("The strike killed six people, including a baby, and wounded 30.", 6),
        ("Three civilians, two men and a woman, were killed.", 3),
        (
            "A woman and her unborn baby - whose photograph went around the world - have both died.",
            2,
        ),
        ("Shelling hit the village of Ivanivka (formerly Stalino) and a man was killed.", 1),
    ],
)
def test_asides_are_skipped(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A drone attack on their car killed a family of three.", 3),
        ("A family of five died when the house collapsed.", 5),
        ("A retired couple died when their flat caught fire.", 2),
        ("The couple were killed instantly.", 2),
        ("A shell killed a married couple in their yard.", 2),
        ("A mother of three was killed in the strike.", 1),
        ("Both residents of the house were killed.", 2),
        ("Both drivers died.", 2),
        ("A drone struck a car, killing both occupants.", 2),
        ("A drone struck a van, killing all three passengers.", 3),
    ],
)
def test_families_couples_and_both(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fatalities: 3.", [("killed", 3, "exact")]),
        ("The village was shelled overnight; fatalities: 1", [("killed", 1, "exact")]),
        ("Casualties: 4 killed, 9 injured.", [("killed", 4, "exact"), ("injured", 9, "exact")]),
        ("Casualties: 1 dead, 3 wounded.", [("killed", 1, "exact"), ("injured", 3, "exact")]),
        ("Killed: 2. Injured: 7.", [("killed", 2, "exact"), ("injured", 7, "exact")]),
        ("Fatalities: none.", []),
        ("Deaths: unknown.", []),
    ],
)
def test_coded_lists(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


# A capitalised personal name is one person; an apposition adds nobody; a place is no one.
@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The strike on Odesa killed shipping magnate Petro Kovalenko and his daughter.", 2),
        ("Occupying soldiers shot dead Ivan Melnyk, the village headman, at a checkpoint.", 1),
        ("Police officer Andrii Bondar was killed when his car came under fire.", 1),
        ("The head of the village council, Mykola Sydorenko, was killed.", 1),
        ("Volunteer Oksana Shevchuk and two other volunteers were killed.", 3),
        ("In Kryvyi Rih, a woman and her son were killed.", 2),
        ("On Monday, a man was killed in Nikopol.", 1),
        ("Kherson, Beryslav and Kozatske were shelled, and a man was killed.", 1),
    ],
)
def test_named_victims(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A father, his two sons and a neighbour who had come to help were killed.", 4),
        ("Two women and a child were killed when a shell landed in their yard.", 3),
        ("A child and two adults died in the fire that followed.", 3),
        ("The strike killed a woman and her 10-year-old grandson.", 2),
        ("The attack killed three civilians and a soldier.", 4),
        ("The driver and a passenger were killed.", 2),
        ("Husband and wife died in the attack.", 2),
        ("A father and son were killed by a mine.", 2),
        ("Two people, a man and a woman, were killed.", 2),
        ("Shelling killed two residents, a man and a woman, on Lesi Ukrainky street.", 2),
        ("Building 5 was hit and a man died.", 1),
        ("In the town of Marhanets a woman was killed.", 1),
        ("People who fled the village said three were killed.", 3),
    ],
)
def test_lists_sum_their_conjuncts(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Soldiers shot dead a pensioner walking his dog near the church.", 1),
        ("Soldiers shot dead three men who had tried to leave the village.", 3),
        ("Russian troops shot and killed a cyclist.", 1),
        ("A man was shot dead at a checkpoint.", 1),
        ("A woman was shot and killed outside her home.", 1),
        ("Russian soldiers gunned down a cyclist on the highway.", 1),
        ("Russian troops executed a civilian in the village.", 1),
        ("A woman was beaten to death by occupying soldiers.", 1),
        ("A man was fatally wounded by shrapnel.", 1),
        ("An elderly woman succumbed to her injuries in hospital.", 1),
    ],
)
def test_shootings_and_other_kill_verbs(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Emergency workers later recovered the bodies of 17 people.", 17),
        ("Rescuers found 12 bodies under the rubble.", 12),
        ("Twenty-two bodies were found in the forest.", 22),
        ("The body of a woman was found under the rubble.", 1),
        ("The shelling claimed the lives of three people.", 3),
        ("Two residents lost their lives.", 2),
        ("An 80-year-old man lost his life in the shelling.", 1),
        ("The strike resulted in the death of a nurse.", 1),
        ("The attack caused four deaths.", 4),
        ("The death toll rose to 14.", 14),
        ("The number of dead rose to 9 on Tuesday.", 9),
        ("The death toll rose to 11 on Monday, four of them children.", 11),
        ("The governing body met on Monday.", None),
        ("Volunteers risked their lives to evacuate residents.", None),
    ],
)
def test_bodies_lives_and_tolls(sentence: str, killed: int | None) -> None:
    assert _killed(sentence) == killed


# Pronoun subjects: the sentence before names the victim; "they" is not counted.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He was killed.", [("killed", 1, "exact")]),
        ("She died in hospital two days later.", [("killed", 1, "exact")]),
        ("He died of his wounds.", [("killed", 1, "exact")]),
        ("She died at the scene.", [("killed", 1, "exact")]),
        ("Both were killed.", [("killed", 2, "exact")]),
        ("They were both killed.", [("killed", 2, "exact")]),
        ("They died.", []),
        ("He was wounded.", [("injured", 1, "exact")]),
        ("He said he was not injured.", []),
        ("The victim died in hospital.", [("killed", 1, "exact")]),
        (
            "A drone wounded a man, who later died in hospital.",
            [("injured", 1, "exact"), ("killed", 1, "exact")],
        ),
        (
            "A teenager was injured and later died.",
            [("injured", 1, "exact"), ("killed", 1, "exact")],
        ),
    ],
)
def test_pronoun_subjects(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A glide bomb hit the town, killing 1.", [("killed", 1, "exact")]),
        ("Drones attacked the suburb, killing two.", [("killed", 2, "exact")]),
        (
            "A strike hit the station, killing one and injuring 4.",
            [("killed", 1, "exact"), ("injured", 4, "exact")],
        ),
        (
            "Troops fired on the column; four were killed and two injured.",
            [("killed", 4, "exact"), ("injured", 2, "exact")],
        ),
        (
            "Three killed, seven injured in strike on Sumy.",
            [("killed", 3, "exact"), ("injured", 7, "exact")],
        ),
        ("Russian strike kills 3 in Kharkiv.", [("killed", 3, "exact")]),
        ("3 dead after strike on Odesa.", [("killed", 3, "exact")]),
        ("Killed 1,200 and 5 wounded.", [("killed", 1200, "exact"), ("injured", 5, "exact")]),
        (
            "One person was killed, another injured.",
            [("killed", 1, "exact"), ("injured", 1, "exact")],
        ),
        (
            "Shelling hit the village, killing one resident and wounding another.",
            [("killed", 1, "exact"), ("injured", 1, "exact")],
        ),
        (
            "At least three people were killed, including a child, and 11 were wounded.",
            [("killed", 3, "at_least"), ("injured", 11, "exact")],
        ),
    ],
)
def test_bare_numerals(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike killed the commander of a Russian artillery battalion.", (1, "exact")),
        ("Shelling killed a Russian battalion commander.", (1, "exact")),
        ("A dozen Ukrainian marines were killed on the left bank.", (12, "exact")),
        ("Kyiv said about 40 Russian soldiers were killed in the assault.", (40, "about")),
        ("Two Ukrainian servicemen were killed in action near Klishchiivka.", (2, "exact")),
        ("A landmine killed a tractor driver in a field.", (1, "exact")),
        ("A civilian tractor driver was killed when his tractor hit a mine.", (1, "exact")),
        ("A resident of Stepnohirsk was killed by a drone.", (1, "exact")),
    ],
)
def test_soldiers_and_roles(sentence: str, expected: tuple[int, str]) -> None:
    (mention,) = [c for c in find_casualties(sentence) if c.kind == "killed"]
    assert (mention.number.value, mention.number.qualifier) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 16-year-old boy sustained injuries.", [("injured", 1, "exact")]),
        ("Two residents sustained shrapnel wounds.", [("injured", 2, "exact")]),
        ("A woman suffered fatal shrapnel wounds.", [("killed", 1, "exact")]),
        ("A shepherd stepped on a mine and died.", [("killed", 1, "exact")]),
        ("On 3 May, two soldiers drove over a mine and were killed.", [("killed", 2, "exact")]),
        ("The driver lost control and died.", [("killed", 1, "exact")]),
        ("The strike hit a house and collapsed it, and nobody died.", []),
        ("3 people were found dead in a basement.", [("killed", 3, "exact")]),
        ("1 fatality reported.", [("killed", 1, "exact")]),
        ("The shelling resulted in 2 fatalities.", [("killed", 2, "exact")]),
        ("A man (born 1965) was killed.", [("killed", 1, "exact")]),
        ("A woman (58) was killed.", [("killed", 1, "exact")]),
        ("A 47 y.o. man was killed.", [("killed", 1, "exact")]),
    ],
)
def test_subjects_of_other_verbs(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


# Nothing invented: no number where none is stated.
@pytest.mark.parametrize(
    "sentence",
    [
        "No casualties were reported.",
        "Casualties unknown.",
        "The village was shelled without casualties.",
        "Nobody was hurt.",
        "Nobody died.",
        "No civilians were killed.",
        "There were no fatalities.",
        "Killed in action numbers not given.",
        "Several people were injured.",
        "Russian forces shelled the district, killing civilians.",
        "A family was killed when the shell hit.",
        "A dead Russian soldier was found in the yard.",
        "A Shahed drone hit the kill zone.",
        "Troops of the 93rd brigade repelled 12 assaults.",
        "Ukrainian artillery hit Russian positions, killing an unspecified number of soldiers.",
        "The strike killed several Russian soldiers.",
        "Fatalities: unknown.",
        "A child was among the dead.",
        "The Kh-22 missile killed.",
        "the injured were taken to hospital",
        "Officials said no one was hurt and no buildings were damaged.",
    ],
)
def test_nothing_invented(sentence: str) -> None:
    assert [c for c in find_casualties(sentence) if c.kind == "killed"] == []


# A toll's verb may sit far from its head; a count in between is not the toll.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The death toll from the cruise missile that slammed into a shopping centre in the "
            "city centre on 27 June 2022 rose to 21.",
            [("killed", 21, "exact")],
        ),
        (
            "The death toll from the attack on Chernihiv, a city of 280,000, rose to 18 on Friday.",
            [("killed", 18, "exact")],
        ),
        ("The death toll from Saturday's strike has risen to 46.", [("killed", 46, "exact")]),
        ("The death toll from the strike now stands at 14.", [("killed", 14, "exact")]),
        ("The death toll rose on Monday to 15.", [("killed", 15, "exact")]),
        ("The death toll rose by two to 9.", [("killed", 9, "exact")]),
        ("The death toll climbed to at least 30.", [("killed", 30, "at_least")]),
        ("The toll from the strike reached 9, the mayor said.", [("killed", 9, "exact")]),
        ("The number of people killed in the attack rose to 7.", [("killed", 7, "exact")]),
        ("The number of those killed reached 12.", [("killed", 12, "exact")]),
        (
            "The death toll rose to 8 and the number of injured to 31.",
            [("killed", 8, "exact"), ("injured", 31, "exact")],
        ),
        (
            "The toll rose to 6 dead and 20 injured.",
            [("killed", 6, "exact"), ("injured", 20, "exact")],
        ),
        (
            "Rescuers pulled out another body, bringing the death toll from the strike to 19.",
            [("killed", 19, "exact")],
        ),
        (
            "The toll in the region stands at 40 civilians injured, officials said.",
            [("injured", 40, "exact")],
        ),
        ("The death toll from the strike is not yet known.", []),
        ("The death toll from the strike on a town of 40,000 is unclear.", []),
    ],
)
def test_tolls(sentence: str, expected: Found) -> None:
    assert _found(sentence) == expected


# A large toll is a running total, unless it names the one strike it counts.
@pytest.mark.parametrize(
    ("sentence", "tally"),
    [
        ("The death toll from the missile strike on the theatre rose to 300.", False),
        ("The death toll from Sunday's attack on the market rose to 105.", False),
        ("The death toll in the besieged city rose to 300.", True),
        ("The death toll from Russian strikes this month rose to 120.", True),
        ("The death toll of the war has reached 10,000.", True),
        ("The death toll from the strike rose to 37.", False),
    ],
)
def test_large_tolls(sentence: str, tally: bool) -> None:
    (mention,) = find_casualties(sentence)
    assert is_tally(sentence, mention, vocabulary("en")) is tally


# Ages listed after the victims count nobody; companions joined by "with" do.
@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Two sisters aged 9 and 13 were killed in the strike.", 2),
        ("Three men aged 30, 41 and 55 died at the bus stop.", 3),
        ("Four children aged between 5 and 11 were killed.", 4),
        ("Two teenagers, 15 and 16 years old, died.", 2),
        ("An elderly couple in their eighties were killed.", 2),
        ("The shelling killed a man, 52, and his daughter, 23.", 2),
        ("Shelling killed Petro Bondar, 71, a retired miner.", 1),
        ("A man was killed together with his wife.", 2),
        ("A woman was killed along with her two sons.", 3),
        ("The strike killed a nurse along with her husband and daughter.", 3),
        ("Occupying troops shot dead the village head together with her husband and son.", 3),
        ("Occupying troops executed the village head and her husband and son.", 3),
        ("The shell killed a grandmother with her two grandchildren.", 3),
        ("A drone killed a man with a grenade.", 1),
        ("The strike killed the starosta alongside two of his deputies.", 3),
        ("Both the driver and the passenger were killed.", 2),
        ("Killed were a 60-year-old man and his 58-year-old wife.", 2),
        ("The strike killed the head of the hromada, Ivan Koval, and his deputy.", 2),
        ("The strike killed Ivan Koval, Olha Koval and their son.", 3),
    ],
)
def test_ages_and_companions(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_wounded_age_gives_no_death() -> None:
    assert _found("A 65-year-old woman was wounded in the shelling.") == [("injured", 1, "exact")]


def test_zero_is_no_mention_but_other_counts_stand() -> None:
    assert _found("A missile hit a hotel; the strike killed nobody but injured 12.") == [
        ("injured", 12, "exact")
    ]


def test_offsets_cover_count_and_cue() -> None:
    text = "Officials said at least 25 people died."
    (mention,) = find_casualties(text)
    assert text[mention.start : mention.end] == "at least 25 people died"


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Later, his neighbour, 70, was killed.", "his neighbour, 70, was killed"),
        ("Shelling killed two residents, a man and a woman.", "killed two residents"),
        ("Kherson was shelled and a man died.", "a man died"),
    ],
)
def test_offsets_point_into_the_original_text(text: str, evidence: str) -> None:
    (mention,) = find_casualties(text)
    assert text[mention.start : mention.end] == evidence


@pytest.mark.parametrize(
    ("sentence", "victims"),
    [
        ("Three children were killed.", "children"),
        ("Two soldiers were wounded.", "soldiers"),
        ("Three civilians, two men and a woman, were killed.", "civilians"),
        ("A woman and her baby died.", "people"),
        ("The strike killed one and injured two others.", "people"),
    ],
)
def test_victims(sentence: str, victims: str) -> None:
    mention: CasualtyMention = find_casualties(sentence)[0]
    assert mention.victims == victims


@pytest.mark.parametrize(
    ("phrase", "direction", "value"),
    [
        ("a mother, her two children and a volunteer", "left", 4),
        ("grain trader Serhii Lytvyn and his wife", "right", 2),
        ("Serhii Lytvyn, the head of the community", "right", 1),
        ("the head of the community", "left", 1),
        ("a man riding a bicycle", "right", 1),
        ("two people, a man and a woman", "right", 2),
        ("civilians", "right", None),
        ("a family", "right", None),
        ("Kryvyi Rih", "left", None),
        ("the Defence Ministry", "left", None),
        ("a couple of soldiers", "right", 2),
    ],
)
def test_count_victims(phrase: str, direction: Literal["left", "right"], value: int | None) -> None:
    counted = count_victims(phrase, direction)
    assert (counted.number.value if counted else None) == value


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        (
            "The death toll from a Russian missile strike on a technical college in the southern city of Kherson on Tuesday rose to 41 as rescuers finished, officials said.",
            "killed",
            41,
        ),
        ("The death toll of the attack on Odesa on Sept. 3 has risen to 19.", "killed", 19),
        ("Details: The dead toll has increased to 22.", "killed", 22),
        ("As of 9 PM, 17 people were known to have died.", "killed", 17),
    ],
)
def test_toll_phrasings(sentence: str, kind: str, value: int) -> None:
    found = [c for c in find_casualties(sentence) if c.kind == kind]
    assert [c.number.value for c in found] == [value]


def test_the_day_of_a_date_is_no_count() -> None:
    assert _found("A man injured in the strike on September 3 died in hospital.") == [
        ("killed", 1, "exact")
    ]


def test_injured_victims_who_then_died_are_killed() -> None:
    assert _found("Two men who were injured on Monday died overnight.") == [("killed", 2, "exact")]
    (died,) = find_casualties(
        "Another person who was injured in the attack died in hospital today."
    )
    assert (died.kind, died.number.value, died.added, died.another) == ("killed", 1, True, False)


def test_the_wounded_and_a_death_with_its_own_count_stay_apart() -> None:
    text = "59 wounded went to the hospital on Monday, 25 of them were hospitalized, 1 person died there."
    assert _found(text) == [("injured", 59, "exact"), ("killed", 1, "exact")]
    assert _found("Two people were injured and one died.") == [
        ("injured", 2, "exact"),
        ("killed", 1, "exact"),
    ]
