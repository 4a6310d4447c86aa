"""The Ukrainian/Russian scorer on a tiny hand-written gold and fake extract output.

Nothing here reads the real excerpts: the gold below and the texts are made up.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def us() -> ModuleType:
    return load("uk_ru_score", ROOT / "bench" / "uk_ru_score.py")


@pytest.fixture(scope="module")
def dd() -> ModuleType:
    return load("devdata_uk_ru", ROOT / "scripts" / "devdata_uk_ru.py")


def place(name: str, lat: float, lon: float) -> dict[str, Any]:
    return {"name": name, "text": name, "lat": lat, "lon": lon, "admin1": "X"}


GOLD: list[dict[str, Any]] = [
    {
        "id": "uk001",
        "lang": "uk",
        "split": "dev",
        "incident": {
            "date": "2024-05-04",
            "place": place("Kharkiv", 49.98081, 36.25272),
            "killed": 1,
            "injured": 2,
            "claimant": {"name": "Oleh Syniehubov", "text": "Олег Синєгубов", "kind": "person"},
        },
    },
    {"id": "uk002", "lang": "uk", "split": "dev", "incident": None},
    {
        "id": "ru001",
        "lang": "ru",
        "split": "dev",
        "incident": {
            "date": "2024-06-01",
            "place": place("Belgorod", 50.5954, 36.5873),
            "killed": None,
            "injured": 3,
            "claimant": {
                "name": "State Emergency Service",
                "text": "ГСЧС",
                "kind": "body",
            },
        },
    },
    {
        "id": "ru002",
        "lang": "ru",
        "split": "sealed",
        "incident": {
            "date": None,
            "place": place("Sumy", 50.923856, 34.79148),
            "killed": 4,
            "injured": None,
            "claimant": None,
        },
    },
]


def incident(
    lat: float,
    lon: float,
    date: str | None,
    killed: int | None,
    injured: int | None,
    claimant: Any = None,
) -> dict[str, Any]:
    return {
        "date": date,
        "place": {"name": "somewhere", "lat": lat, "lon": lon},
        "killed": None if killed is None else {"value": killed, "qualifier": "exact"},
        "injured": None if injured is None else {"value": injured, "qualifier": "exact"},
        "claimant": claimant,
    }


def perfect() -> dict[str, dict[str, Any]]:
    return {
        "uk001": {
            "incidents": [
                incident(49.99, 36.23, "2024-05-04", 1, 2, {"name": "Oleg Sinegubov", "role": "x"}),
                incident(50.9, 34.8, "2024-05-03", 9, 9),
            ]
        },
        "uk002": {"incidents": []},
        "ru001": {
            "incidents": [
                incident(50.6, 36.6, "2024-06-01", None, 3, {"name": "ГСЧС"}),
            ]
        },
        "ru002": {"incidents": [incident(50.92, 34.79, None, 4, None)]},
    }


def values(us: ModuleType, output: dict[str, Any], key: str = "all") -> dict[str, Any]:
    result: dict[str, Any] = us.score(GOLD, output)[key].values()
    return result


def test_perfect_output_scores_one(us: ModuleType) -> None:
    scores = us.score(GOLD, perfect())
    assert list(scores) == ["ru", "uk", "all"]
    for key in scores:
        got = scores[key].values()
        for metric in us.METRICS:
            assert got[metric] in (1.0, None), (key, metric)
        assert got["non_incident_given_incident"] == 0
    assert values(us, perfect())["claimant_n"] == "2/2"
    assert values(us, perfect())["incident_found_n"] == "3/3"


@pytest.mark.parametrize(
    ("metric", "rid", "change"),
    [
        ("incident_found", "ru002", lambda out: out["ru002"].update(incidents=[])),
        ("place", "uk001", lambda out: out["uk001"]["incidents"][0]["place"].update(lat=50.3)),
        ("date", "ru001", lambda out: out["ru001"]["incidents"][0].update(date="2024-05-31")),
        ("date", "ru002", lambda out: out["ru002"]["incidents"][0].update(date="2024-06-02")),
        ("killed", "ru001", lambda out: out["ru001"]["incidents"][0].update(killed={"value": 1})),
        ("killed", "uk001", lambda out: out["uk001"]["incidents"][0].update(killed=None)),
        ("injured", "uk001", lambda out: out["uk001"]["incidents"][0].update(injured=3)),
        ("injured", "ru002", lambda out: out["ru002"]["incidents"][0].update(injured={"value": 0})),
        (
            "claimant",
            "uk001",
            lambda out: out["uk001"]["incidents"][0].update(claimant={"name": "Ihor Terekhov"}),
        ),
        ("claimant", "ru001", lambda out: out["ru001"]["incidents"][0].update(claimant=None)),
    ],
)
def test_each_metric_can_fail(us: ModuleType, metric: str, rid: str, change: Any) -> None:
    out = copy.deepcopy(perfect())
    change(out)
    scores = us.score(GOLD, out)["all"]
    assert scores.values()[metric] < 1.0
    assert [m[0] for m in scores.misses[metric]] == [rid]
    others = [m for m in us.METRICS if m != metric and m != "incident_found"]
    if metric != "incident_found":
        assert all(scores.values()[m] == 1.0 for m in others)


def test_non_incident_given_an_incident_is_counted(us: ModuleType) -> None:
    out = perfect()
    out["uk002"] = {"incidents": [incident(1.0, 1.0, None, None, None)]}
    got = values(us, out)
    assert got["non_incident_given_incident"] == 1
    assert got["non_incident_n"] == 1
    assert values(us, out, "ru")["non_incident_given_incident"] == 0


def test_nothing_found_scores_zero(us: ModuleType) -> None:
    for out in ({}, {g["id"]: {"incidents": []} for g in GOLD}):
        got = values(us, out)
        assert all(got[m] == 0.0 for m in us.METRICS)
        assert got["non_incident_given_incident"] == 0


def test_incidents_lacking_fields_do_not_crash(us: ModuleType) -> None:
    out: dict[str, Any] = {
        "uk001": {"incidents": [{}]},
        "ru001": {"incidents": [{"place": None, "killed": "many", "claimant": "x"}]},
        "ru002": {"incidents": [{"place": {"name": "Sumy"}, "injured": {"value": None}}, "junk"]},
        "uk002": {},
    }
    got = values(us, out)
    assert got["incident_found"] == 1.0
    assert got["place"] == 0.0
    # null == null: ru001 killed null, ru002 date and injured null
    assert got["killed_n"] == "1/3"
    assert got["date_n"] == "1/3"
    assert got["injured_n"] == "1/3"
    assert got["claimant"] == 0.0


def test_claimant_rule(us: ModuleType) -> None:
    person = {"name": "Oleksandr Prokudin", "text": "Олександра Прокудіна", "kind": "person"}
    assert us.claimant_right(person, "Oleksandr Prokudin")
    assert us.claimant_right(person, {"name": "Prokudin"})
    assert us.claimant_right(person, "Олександр Прокудін")
    assert us.claimant_right(person, "Aleksandr Prokudin")
    assert not us.claimant_right(person, "Roman Mrochko")
    assert not us.claimant_right(person, None)
    body = {"name": "Kharkiv Oblast Police", "text": "поліція Харківської області", "kind": "body"}
    assert us.claimant_right(body, "Kharkiv Oblast Police")
    assert us.claimant_right(body, "the Kharkiv Oblast Police press service")
    assert us.claimant_right(body, "Поліція Харківської області")
    assert not us.claimant_right(body, "Police")
    assert not us.claimant_right(body, "Kharkiv Regional Military Administration")


def test_select_split_and_language(us: ModuleType) -> None:
    assert [g["id"] for g in us.select(GOLD, "dev", "all")] == ["uk001", "uk002", "ru001"]
    assert [g["id"] for g in us.select(GOLD, "sealed", "all")] == ["ru002"]
    assert [g["id"] for g in us.select(GOLD, "all", "ru")] == ["ru001", "ru002"]
    later = [{**g, "split": split} for g, split in zip(GOLD, ["fresh", "sealed2"] * 2, strict=True)]
    assert [g["id"] for g in us.select(later, "fresh", "all")] == ["uk001", "ru001"]
    assert [g["id"] for g in us.select(later, "sealed2", "uk")] == ["uk002"]


def test_every_split_of_the_real_gold_can_be_chosen(us: ModuleType) -> None:
    excerpts = json.loads(us.GOLD.read_text(encoding="utf-8"))["excerpts"]
    assert {e["split"] for e in excerpts} <= set(us.SPLITS)


def write_gold(tmp: Path, texts: dict[str, str]) -> Path:
    excerpts = [
        {
            "id": rid,
            "lang": rid[:2],
            "url": f"http://127.0.0.1/{rid}",
            "outlet": "Test",
            "published": "2024-05-04",
            "chars": len(text),
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "split": "dev",
            "incident": None,
        }
        for rid, text in texts.items()
    ]
    path = tmp / "gold.json"
    path.write_text(json.dumps({"note": "", "excerpts": excerpts}), encoding="utf-8")
    return path


TEXTS = {
    "uk001": "Вигаданий текст: у Харкові двоє поранених.\n",
    "ru001": "Выдуманный текст: в Белгороде трое раненых.",
}


def test_main_runs_when_the_reader_finds_nothing(
    us: ModuleType, dd: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    gold = write_gold(tmp_path, TEXTS)
    data = json.loads(gold.read_text())
    for e, g in zip(data["excerpts"], GOLD[::2], strict=True):
        e["incident"] = g["incident"]
    gold.write_text(json.dumps(data), encoding="utf-8")
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for rid, text in TEXTS.items():
        (mirror / f"{rid}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert dd.main(["--gold", str(gold), "--out", str(out), "--mirror", str(mirror)]) == 0
    fake = tmp_path / "fake_sitrep.py"
    fake.write_text(
        "import json, sys\n"
        "for line in open(sys.argv[1], encoding='utf-8'):\n"
        "    print(json.dumps({'id': json.loads(line)['id'], 'incidents': []}))\n"
        "print(json.dumps({'corpus': {}}))\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(us, "sitrep_command", lambda: [sys.executable, str(fake)])
    capsys.readouterr()
    corpus = out / "excerpts.jsonl"
    assert us.main(["--gold", str(gold), "--corpus", str(corpus), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["all"]["incident_found"] == 0.0
    assert result["all"]["excerpts"] == 2
    assert result["articles_per_s"] > 0
    assert us.main(["--gold", str(gold), "--corpus", str(corpus), "--misses"]) == 0
    assert "incident found: uk001" in capsys.readouterr().out
    data["excerpts"][0]["split"] = "fresh"
    gold.write_text(json.dumps(data), encoding="utf-8")
    assert us.main(["--gold", str(gold), "--corpus", str(corpus), "--split", "fresh"]) == 0
    assert "split fresh, lang all: 1 excerpts" in capsys.readouterr().out


def test_rebuild_from_mirror_is_byte_exact_and_checked(dd: ModuleType, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, TEXTS)
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for rid, text in TEXTS.items():
        (mirror / f"{rid}.txt").write_bytes(text.encode("utf-8"))
    out = tmp_path / "out"
    assert dd.main(["--gold", str(gold), "--out", str(out), "--mirror", str(mirror)]) == 0
    for rid, text in TEXTS.items():
        assert (out / "pages" / f"{rid}.txt").read_bytes() == text.encode("utf-8")
    rows = [json.loads(line) for line in (out / "excerpts.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == list(TEXTS)
    assert set(rows[0]) == {"id", "text", "published", "url", "outlet", "lang"}
    assert dd.main(["--gold", str(gold), "--out", str(out), "--check"]) == 0
    (mirror / "ru001.txt").write_text("changed", encoding="utf-8")
    assert dd.main(["--gold", str(gold), "--out", str(out), "--mirror", str(mirror)]) == 1
    assert dd.main(["--gold", str(gold), "--out", str(out), "--check"]) == 1
    (mirror / "ru001.txt").unlink()
    assert dd.main(["--gold", str(gold), "--out", str(out), "--mirror", str(mirror)]) == 1


def test_rebuild_leaves_unchanged_pages_alone(dd: ModuleType, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, TEXTS)
    out = tmp_path / "out"
    pages = out / "pages"
    pages.mkdir(parents=True)
    for rid, text in TEXTS.items():
        (pages / f"{rid}.txt").write_text(text, encoding="utf-8")
    kept = pages / "uk001.txt"
    os.utime(kept, ns=(1_000_000_000, 1_000_000_000))
    (pages / "ru001.txt").write_text("stale", encoding="utf-8")
    assert dd.main(["--gold", str(gold), "--out", str(out), "--mirror", str(tmp_path)]) == 1
    assert kept.stat().st_mtime_ns == 1_000_000_000
    assert dd.main(["--gold", str(gold), "--out", str(out), "--mirror", str(pages)]) == 1
    assert kept.stat().st_mtime_ns == 1_000_000_000
    assert (pages / "ru001.txt").read_text(encoding="utf-8") == "stale"


def test_leading_characters(dd: ModuleType) -> None:
    assert dd.leading("абвгд", 3) == "абв"
    assert dd.leading("", 3) is None
