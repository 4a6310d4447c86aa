import json
from pathlib import Path

import pytest

from sitrep.extract import _remote, events
from sitrep.extract._event_cues import harmed, side_of
from sitrep.extract.events import classify, find_targets, find_weapons
from sitrep.lang import Cue, vocabulary

ROOT = Path(__file__).resolve().parents[2]
EN = vocabulary("en")

E, B, V, S, P = (
    "explosions_remote_violence",
    "battles",
    "violence_against_civilians",
    "strategic_developments",
    "protests",
)

# (sentence, event_type, sub_event_type); every sentence is our own wording.
CASES = [
    (
        "Territorial defence servicemen shot two Russian tanks in Kharkiv region.",
        "explosions_remote_violence",
        "shelling_artillery_missile_attack",
    ),
    (
        "A Russian column moved through the village, deliberately firing at civilians.",
        "explosions_remote_violence",
        "shelling_artillery_missile_attack",
    ),
    (
        "Ukrainian forces shot down a Russian Su-34 near Izium.",
        "explosions_remote_violence",
        "shelling_artillery_missile_attack",
    ),
    # remote violence, as before
    ("Russian forces shelled the village.", E, "shelling_artillery_missile_attack"),
    ("Russian forces launched a drone strike on the town.", E, "air_drone_strike"),
    ("A guided aerial bomb hit a house.", E, "air_drone_strike"),
    ("A cruise missile struck the port.", E, "shelling_artillery_missile_attack"),
    ("A civilian was killed by a landmine explosion.", E, "remote_explosive_landmine_ied"),
    (
        "The mass shelling of Kharkiv killed at least 25 people.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian missiles struck the Yavoriv military base near Lviv.",
        E,
        "shelling_artillery_missile_attack",
    ),
    ("Russia struck Kharkiv with four aerial bombs.", E, "air_drone_strike"),
    (
        "Russian forces shelled Ukrainian positions near Siversk.",
        E,
        "shelling_artillery_missile_attack",
    ),
    ("A Ukrainian drone struck an oil depot in Russia's Bryansk region.", E, "air_drone_strike"),
    (
        "Firefighters fought the blaze for hours after a missile strike on Dnipro.",
        E,
        "shelling_artillery_missile_attack",
    ),
    ("Russian shelling downed power lines in Nikopol.", E, "shelling_artillery_missile_attack"),
    (
        "Ukrainian artillery destroyed Russian targets near Kherson.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "A Russian electronic warfare station was destroyed by a Ukrainian drone.",
        E,
        "air_drone_strike",
    ),
    (
        "Drone footage captured the moment Russian missiles hit a tower block.",
        E,
        "shelling_artillery_missile_attack",
    ),
    # interceptions: disrupted weapons use, unless people were hurt or something else hit
    ("Air defence shot down two drones.", S, "disrupted_weapons_use"),
    (
        "Air defence units destroyed 14 Shahed drones over Dnipropetrovsk oblast overnight; no casualties were reported.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Ukraine's air force said it downed three Kh-59 missiles over Odesa region; fragments damaged a roof in a village.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Air defences engaged a group of drones over Zhytomyr on Tuesday night.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "A Russian drone was shot down near Bila Tserkva, and its wreckage set fire to a barn.",
        S,
        "disrupted_weapons_use",
    ),
    ("Ukraine repelled a massive drone attack on Kyiv overnight.", S, "disrupted_weapons_use"),
    (
        "Russia launched 40 drones at Ukraine overnight, of which 35 were shot down.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Russian drones attacked Odesa overnight; air defence destroyed 12 of them, and debris damaged a house.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Russian forces launched drones at Kyiv overnight, with all of them destroyed by air defence.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Two missiles were intercepted over Lviv, but debris struck a house, injuring a woman.",
        E,
        "shelling_artillery_missile_attack",
    ),
    ("A drone was downed over Kharkiv; falling debris killed a man.", E, "air_drone_strike"),
    (
        "Debris from a downed missile fell on a bus and injured three people.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Air defence shot down 20 of the 25 drones, but others hit energy facilities in Lviv oblast.",
        E,
        "air_drone_strike",
    ),
    (
        "The missile struck Odesa after air defence failed to intercept it.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "A Shahed hit a residential building in Odesa after air defence shot down 10 others, killing two.",
        E,
        "air_drone_strike",
    ),
    # ordnance defused or cleared
    (
        "Bomb disposal experts removed an unexploded shell from a school yard in Kherson.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Deminers of the State Emergency Service destroyed 40 explosive items found near Izium.",
        S,
        "disrupted_weapons_use",
    ),
    ("Police defused an explosive device found under a car in Kyiv.", S, "disrupted_weapons_use"),
    (
        "Deminers found an unexploded Smerch rocket near Kharkiv and destroyed it.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "A Russian missile hit a house in Kramatorsk; sappers later defused a second, unexploded missile nearby.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "An unexploded artillery shell was safely removed from a playground in Irpin.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "A Russian strike destroyed a house in Kupiansk; an unexploded missile lies in the garden.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "A teenager was injured by unexploded ordnance in a field near Izium.",
        E,
        "remote_explosive_landmine_ied",
    ),
    ("An old unexploded shell went off in a garden in Bucha.", E, "remote_explosive_landmine_ied"),
    (
        "A deminer was killed when an anti-personnel mine exploded while he was clearing a field near Kupiansk.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "Russian shelling killed two deminers who were clearing fields near Beryslav.",
        E,
        "shelling_artillery_missile_attack",
    ),
    # arrests by Ukrainian authorities; detentions by Russian forces are abductions
    (
        "Ukraine's security service detained a woman in Kharkiv accused of passing coordinates for Russian missile strikes.",
        S,
        "arrests",
    ),
    (
        "Police in Odesa arrested two men suspected of planning an attack with explosives on a railway line.",
        S,
        "arrests",
    ),
    (
        "A man was detained in Dnipro on suspicion of guiding Russian drones to energy facilities.",
        S,
        "arrests",
    ),
    (
        "Border guards apprehended a group of men trying to cross into Moldova near Izmail.",
        S,
        "arrests",
    ),
    ("Two Russian soldiers were detained by Ukrainian forces near Kupiansk.", S, "arrests"),
    (
        "Russian soldiers took away a local priest in Melitopol; his family has not heard from him since.",
        V,
        "abduction_forced_disappearance",
    ),
    (
        "Occupation authorities in Berdiansk detained a journalist who had refused to cooperate.",
        V,
        "abduction_forced_disappearance",
    ),
    (
        "A school director was detained by Russian forces in Kherson region and held for three weeks.",
        V,
        "abduction_forced_disappearance",
    ),
    (
        "Russian-installed police in Enerhodar arrested a plant worker.",
        V,
        "abduction_forced_disappearance",
    ),
    (
        "Russian troops kidnapped the head of a village council near Kherson.",
        V,
        "abduction_forced_disappearance",
    ),
    (
        "Russian forces captured the mayor of Melitopol and took him to an unknown location.",
        V,
        "abduction_forced_disappearance",
    ),
    (
        "Russian soldiers locked dozens of villagers in the basement of a school and kept them there for weeks.",
        V,
        "abduction_forced_disappearance",
    ),
    ("Children were deported from Kherson to Russia.", V, "abduction_forced_disappearance"),
    ("Russian soldiers raped a woman in a village near Kyiv.", V, "sexual_violence"),
    # troops shooting at people or cars: attacks on civilians
    ("Soldiers shot a civilian at a checkpoint.", V, "attack"),
    (
        "Russian soldiers opened fire on a minibus carrying evacuees near Zaporizhzhia, killing four.",
        V,
        "attack",
    ),
    ("Russian troops shot dead a cyclist in Bucha.", V, "attack"),
    ("A Russian soldier shot a 62-year-old man in his garden in Yahidne.", V, "attack"),
    (
        "Soldiers fired at residents who were trying to flee the village; two were wounded.",
        V,
        "attack",
    ),
    ("Russian forces opened fire on a civilian car near Kupiansk with a machine gun.", V, "attack"),
    (
        "Russian troops opened fire with small arms on a boat carrying residents across the river.",
        V,
        "attack",
    ),
    (
        "Russian forces fired on Nikopol with artillery, killing a man.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian forces fired missiles at a bus station in Kharkiv.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian forces fired on a crowd waiting for aid; nine people were killed.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian forces killed two civilians in Kherson with artillery fire.",
        E,
        "shelling_artillery_missile_attack",
    ),
    ("A Russian drone attacked a car in Beryslav, injuring the driver.", E, "air_drone_strike"),
    ("Russian forces struck a civilian car with an FPV drone near Kherson.", E, "air_drone_strike"),
    # clashes
    ("Clashes between the two armies continued.", B, "armed_clash"),
    (
        "Ukrainian marines clashed with Russian infantry on the left bank of the Dnipro near Krynky.",
        B,
        "armed_clash",
    ),
    (
        "Russian troops stormed Ukrainian positions near Robotyne but were pushed back.",
        B,
        "armed_clash",
    ),
    (
        "Ukrainian forces repelled a Russian assault near Vuhledar, destroying several tanks.",
        B,
        "armed_clash",
    ),
    (
        "Russian units attacked near Synkivka and were driven back, the General Staff said.",
        B,
        "armed_clash",
    ),
    ("Russian troops attacked the village of Tsyrkuny and were repulsed.", B, "armed_clash"),
    ("On 12 March, Ukrainian and Russian forces fought for control of Moshchun.", B, "armed_clash"),
    ("Russian forces tried to break through near Krynky but were stopped.", B, "armed_clash"),
    ("Fighting continued around Bakhmut as Russian artillery pounded the city.", B, "armed_clash"),
    (
        "Ukrainian forces ambushed a Russian convoy near Kyiv with anti-tank missiles.",
        B,
        "armed_clash",
    ),
    (
        "Russian forces used grenade launchers to attack Ukrainian positions near Marinka.",
        B,
        "armed_clash",
    ),
    ("Ukrainian forces advanced near Robotyne, the General Staff said.", B, "armed_clash"),
    (
        "Russian forces attacked Ukrainian positions near Kupiansk with drones and guided bombs.",
        E,
        "air_drone_strike",
    ),
    (
        "Russian troops attacked Kharkiv with artillery and rockets.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian troops attacked the village of Ocheretyne and captured part of it.",
        B,
        "armed_clash",
    ),
    (
        "Ukrainian troops withdrew from Avdiivka and Russian forces took control of the town.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    # mines and IEDs, wherever they are named
    (
        "A tractor ran over an anti-tank mine in a field near Balakliia, killing the driver.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "A Ukrainian armoured vehicle struck a mine during an assault near Robotyne.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "A car bomb killed a Russian-installed official in Nova Kakhovka.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "An explosive device planted under his car killed a collaborator in Berdiansk.",
        E,
        "remote_explosive_landmine_ied",
    ),
    ("A truck bomb damaged the Crimean bridge.", E, "remote_explosive_landmine_ied"),
    (
        "A bomb exploded outside the occupation administration in Melitopol.",
        E,
        "remote_explosive_landmine_ied",
    ),
    ("An aerial bomb exploded in a courtyard in Kharkiv.", E, "air_drone_strike"),
    ("A boy stepped on a mine near Izium and lost a leg.", E, "remote_explosive_landmine_ied"),
    (
        "Russian forces shelled Kherson; a mine exploded under a car later that day.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "A Russian missile struck a coal mine in Pokrovsk, injuring two miners.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "A shepherd was badly hurt by a mine while grazing goats near Balakliia.",
        E,
        "remote_explosive_landmine_ied",
    ),
    ("Two fishermen were killed by a mine on the riverbank.", E, "remote_explosive_landmine_ied"),
    ("A deminer was blown up on a mine in a forest belt.", E, "remote_explosive_landmine_ied"),
    (
        "An elderly man died after stepping on a mine in his garden.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "A forester was injured in a mine blast near Sviatohirsk.",
        E,
        "remote_explosive_landmine_ied",
    ),
    # air defence downing every drone: nothing hit, so no strike
    (
        "Air defence units destroyed every missile fired at Dnipro overnight; none hit the city.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "Air defences destroyed all the drones sent towards Lviv, and nothing hit the ground.",
        S,
        "disrupted_weapons_use",
    ),
    ("Air defences destroyed 20 drones, but others hit a substation.", E, "air_drone_strike"),
    (
        "All 12 missiles launched at Odesa were destroyed, the navy said.",
        S,
        "disrupted_weapons_use",
    ),
    (
        "A girl was maimed after stepping on a PFM-1 'petal' mine near Izium.",
        E,
        "remote_explosive_landmine_ied",
    ),
    (
        "A pensioner was hurt when an explosive object went off in his shed.",
        E,
        "remote_explosive_landmine_ied",
    ),
    # territory: who takes the ground decides
    ("Ukrainian forces regained control of the village.", B, "government_regains_territory"),
    (
        "Ukrainian troops entered Balakliia after Russian forces withdrew.",
        B,
        "government_regains_territory",
    ),
    ("Ukrainian forces took back the village of Robotyne.", B, "government_regains_territory"),
    (
        "Ukrainian soldiers returned to Lyman after Russian forces left the town.",
        B,
        "government_regains_territory",
    ),
    (
        "The village of Klishchiivka was liberated by Ukrainian forces.",
        B,
        "government_regains_territory",
    ),
    (
        "The Ukrainian army said it had liberated more than 20 settlements in Kherson oblast.",
        B,
        "government_regains_territory",
    ),
    ("Russian forces captured the town.", B, "non_state_actor_overtakes_territory"),
    (
        "Russian forces took Avdiivka after months of fighting.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    (
        "The Russian army took the town of Volnovakha after a long siege.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    ("Russian troops entered Kherson city on 2 March.", B, "non_state_actor_overtakes_territory"),
    ("Russian troops marched into Kherson on 1 March.", B, "non_state_actor_overtakes_territory"),
    (
        "Russia's defence ministry claimed full control of Marinka.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    ("Russia announced the capture of Vuhledar.", B, "non_state_actor_overtakes_territory"),
    ("Russian forces claimed Urozhaine on Sunday.", B, "non_state_actor_overtakes_territory"),
    (
        "Moscow said its forces had liberated Krasnohorivka.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    (
        "Ukraine said Russian forces had seized Ocheretyne.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    ("Ukrainian forces withdrew from Avdiivka.", B, "non_state_actor_overtakes_territory"),
    (
        "After weeks of shelling, Russian forces captured Popasna.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    (
        "Russian forces captured the Kherson region in March.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    (
        "Russian forces captured Vovchansk in Kharkiv oblast after crossing from Belgorod region.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    (
        "The Russian defence ministry has claimed to have captured Kherson.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    (
        "Ukrainian forces captured Sudzha in Russia's Kursk region.",
        B,
        "non_state_actor_overtakes_territory",
    ),
    ("Russian forces recaptured two villages in Kursk oblast.", B, "government_regains_territory"),
    (
        "A Russian missile hit a school in occupied Melitopol.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian artillery shelled the recently liberated village of Kyselivka.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian strikes hit the temporarily occupied city of Donetsk.",
        E,
        "shelling_artillery_missile_attack",
    ),
    (
        "Russian forces shelled and captured the village of Pisky.",
        E,
        "shelling_artillery_missile_attack",
    ),
    # protests, and how they were met
    ("Residents held a protest outside the council.", P, "peaceful_protest"),
    (
        "Hundreds of residents rallied in Kherson against the Russian occupation.",
        P,
        "peaceful_protest",
    ),
    (
        "Families of prisoners of war held a demonstration in Kyiv demanding an exchange.",
        P,
        "peaceful_protest",
    ),
    ("Relatives of captured marines held a rally in Odesa.", P, "peaceful_protest"),
    (
        "Russian soldiers dispersed a protest in Melitopol, detaining several participants.",
        P,
        "protest_with_intervention",
    ),
    (
        "Russian troops used tear gas to disperse protesters in Nova Kakhovka.",
        P,
        "protest_with_intervention",
    ),
    (
        "Troops fired stun grenades to break up a rally in Berdiansk.",
        P,
        "protest_with_intervention",
    ),
    ("Protesters in Kherson were detained by Russian soldiers.", P, "protest_with_intervention"),
    (
        "Russian soldiers opened fire on protesters in Nova Kakhovka, killing one.",
        P,
        "excessive_force_against_protesters",
    ),
    # grenades: dropped from a drone, or thrown
    (
        "A Russian quadcopter dropped a grenade on a man riding a bicycle in Kherson.",
        E,
        "air_drone_strike",
    ),
    ("A drone dropped an explosive device on a car in Nikopol.", E, "air_drone_strike"),
    (
        "A soldier threw a grenade into a basement in Lyman where civilians were sheltering.",
        E,
        "grenade",
    ),
    ("A Ukrainian soldier threw a grenade into a Russian trench near Bakhmut.", E, "grenade"),
    ("A drone dropped a gas grenade on Ukrainian positions near Avdiivka.", E, "chemical_weapon"),
    # other strategic developments
    ("Russian troops looted shops in Bucha.", S, "looting_property_destruction"),
    (
        "Russian soldiers carted off tractors and grain from farms near Melitopol.",
        S,
        "looting_property_destruction",
    ),
    ("Russia and Ukraine carried out a prisoner exchange.", S, "agreement"),
    ("Russia and Ukraine exchanged 95 prisoners of war each.", S, "agreement"),
    (
        "Russian forces turned a school in Yahidne into their headquarters.",
        S,
        "headquarters_or_base_established",
    ),
    (
        "The regional administration ordered the mandatory evacuation of children from frontline villages.",
        S,
        "other",
    ),
    ("Military authorities imposed a curfew in Odesa for the weekend.", S, "other"),
    (
        "Russian soldiers fired heavy machine guns at two cars on the road out of Makariv.",
        "violence_against_civilians",
        "attack",
    ),
    (
        "Russian troops fired with small arms on residents queueing for water in Irpin.",
        "violence_against_civilians",
        "attack",
    ),
    (
        "Russian forces in Melitopol killed one of the owners of a bakery as he tried to leave.",
        "violence_against_civilians",
        "attack",
    ),
]


@pytest.mark.parametrize(("sentence", "event_type", "sub_event_type"), CASES)
def test_classify(sentence: str, event_type: str, sub_event_type: str) -> None:
    cue = classify(sentence, EN)
    assert cue is not None
    assert (cue.event_type, cue.sub_event_type) == (event_type, sub_event_type)


NO_EVENT = [
    "A firefighter walks past a bakery.",
    "The talks ended without a breakthrough.",
    "Drone footage captured the moment.",
    "Ukrainian refugees returned to Kharkiv after the front moved east.",
    "Russian troops took away mobile phones from residents at a checkpoint.",
    "Residents of the occupied territories remain without power.",
    "Zelensky visited the recently liberated city of Izium.",
]


@pytest.mark.parametrize("sentence", NO_EVENT)
def test_no_event(sentence: str) -> None:
    assert classify(sentence, EN) is None


@pytest.mark.parametrize(
    ("sentence", "verb", "side"),
    [
        ("Ukrainian troops entered Izium after Russian forces withdrew.", "entered", "ukraine"),
        ("After Russian forces withdrew, Ukrainian troops entered Izium.", "entered", "ukraine"),
        ("Ukraine said Russian forces had captured the village.", "captured", "russia"),
        (
            "Russia's defence ministry said its forces had captured the village.",
            "captured",
            "russia",
        ),
        ("The village was captured by Wagner fighters.", "captured", "russia"),
        ("Russian-installed police detained a man.", "detained", "russia"),
        ("The SBU detained a Russian agent.", "detained", "ukraine"),
        ("Two Russian soldiers were detained.", "detained", None),
    ],
)
def test_side_of(sentence: str, verb: str, side: str | None) -> None:
    start = sentence.index(verb)
    assert side_of(sentence, start, start + len(verb), EN) == side


@pytest.mark.parametrize(
    ("sentence", "hurt"),
    [
        ("Debris damaged a roof; no one was hurt.", False),
        ("Falling debris caused minor damage but no casualties.", False),
        ("Debris fell in a field without casualties.", False),
        ("Information on casualties is being clarified.", False),
        ("Debris fell on a bus, killing one person and injuring six.", True),
        ("No one was killed, but two people were injured.", True),
    ],
)
def test_harmed(sentence: str, hurt: bool) -> None:
    assert harmed(sentence, EN) is hurt


def test_targets() -> None:
    assert find_targets("a maternity hospital and a five-storey residential building", EN) == [
        "maternity hospital",
        "residential building",
    ]
    # where the hurt are treated is not what was hit
    assert find_targets("A missile hit a house; two people died in hospital.", EN) == [
        "residential building"
    ]
    assert find_targets("Five were taken to a hospital after the strike on the market.", EN) == [
        "market"
    ]


def test_weapons() -> None:
    assert find_weapons("Drone footage shows a cruise missile and artillery fire.", EN) == [
        "cruise missile",
        "artillery",
    ]


def _cues(value: object) -> list[Cue]:
    if isinstance(value, Cue):
        return [value]
    if isinstance(value, list | tuple):
        return [c for item in value for c in _cues(item)]
    return []


def _corpus() -> list[str]:
    golden = ROOT / "tests" / "golden"
    texts = [s for s, *_ in CASES] + NO_EVENT
    texts += [p.read_text() for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))]
    for name in ("incident_notes.jsonl", "short_reports.jsonl"):
        lines = (golden / name).read_text().splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


def test_gates_never_change_a_match() -> None:
    """A cue's keyword gate only skips sentences its regex could not match."""
    built = (events._words(EN), _remote.remote_words(EN))
    cues = [c for words in built for name in words.__slots__ for c in _cues(getattr(words, name))]
    cues += [EN.cue(name) for name in EN.data["cues"]]
    assert len(cues) > 40
    for text in _corpus():
        for cue in cues:
            gated, full = cue.search(text), cue.regex.search(text)
            assert (gated and gated.span()) == (full and full.span()), (cue.keys, text)
