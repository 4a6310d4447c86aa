"""Score extraction output against a gold file, as ``../shared/gold/SCORING.md`` describes.

Incidents are matched one-to-one (maximum matching; casualty agreement
breaks ties) on date (± the gold tolerance; month-day when the gold year is
not stated) and place (same settlement after transliteration, a district
counts as its city, or within 30 km).  Figures match on metric, scope,
value and as-of ± 1 day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import GoldError
from sitrep.geo import OLD_SPELLINGS, haversine_km

__all__ = ["Scores", "score"]

Json = dict[str, Any]


def _norm_place(name: str | None) -> str:
    key = re.sub(r"[^a-z]", "", (name or "").lower())
    return OLD_SPELLINGS.get(key, key)


def _date_ok(gold: Json, pred: Json) -> bool:
    pd = pred.get("date")
    if not pd:
        return False
    tol = int(gold.get("date_tolerance_days") or 0)
    g = dt.date.fromisoformat(gold["date"])
    if pd.startswith("--"):
        return gold.get("year_stated") is False and pd == g.strftime("--%m-%d")
    p = dt.date.fromisoformat(pd)
    if gold.get("year_stated") is False:
        return (p.month, p.day) == (g.month, g.day)
    return abs((p - g).days) <= tol


def _place_ok(gold: Json, pred: Json) -> bool:
    place = pred.get("place")
    if gold.get("place") is None:
        return place is None or place.get("precision") in ("oblast", "country")
    if place is None:
        return False
    names = {_norm_place(gold["place"]), *(_norm_place(a) for a in gold.get("aliases", []))}
    if _norm_place(place.get("name")) in names or _norm_place(place.get("parent")) in names:
        return True
    if place.get("lat") is not None and gold.get("lat") is not None:
        return haversine_km(gold["lat"], gold["lon"], place["lat"], place["lon"]) <= 30
    return False


_LOWER = {"at_least", "more_than", "dozens", "hundreds"}


def _qclass(q: str | None) -> str:
    return "lower" if q in _LOWER else "approx" if q in ("nearly", "about") else q or "none"


def _number_ok(gold: Json | None, pred: Json | None) -> bool:
    if gold is None:
        return True
    options = [gold, *gold.get("alternatives", [])]
    return pred is not None and any(
        o.get("value") == pred.get("value")
        and _qclass(o.get("qualifier")) == _qclass(pred.get("qualifier"))
        for o in options
    )


def _counted(number: Json | None) -> bool:
    return number is not None and (number.get("value") is not None or number.get("low") is not None)


def _match(
    golds: list[Json],
    preds: list[Json],
    ok: Callable[[Json, Json], bool],
    weight: Callable[[Json, Json], int],
) -> dict[int, int]:
    """Maximum one-to-one matching gold→pred (augmenting paths, preferred edges first)."""
    edges = {
        g: sorted(
            (p for p in range(len(preds)) if ok(golds[g], preds[p])),
            key=lambda p: -weight(golds[g], preds[p]),
        )
        for g in range(len(golds))
    }
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    def best(g: int) -> int:
        return max((weight(golds[g], preds[p]) for p in edges[g]), default=0)

    for g in sorted(edges, key=lambda g: (-best(g), len(edges[g]))):
        augment(g, set())
    return {g: p for p, g in owner.items()}


@dataclass
class Scores:
    values: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _incident_scores(gold: Json, preds: list[Json], s: Scores) -> dict[int, int]:
    golds = gold["incidents"]

    def ok(g: Json, p: Json) -> bool:
        return _date_ok(g, p) and _place_ok(g, p)

    def weight(g: Json, p: Json) -> int:
        same_name = _norm_place(g.get("place")) in (
            _norm_place((p.get("place") or {}).get("name")),
            _norm_place((p.get("place") or {}).get("parent")),
        )
        numbers = int(_number_ok(g.get("killed"), p.get("killed"))) + int(
            _number_ok(g.get("injured"), p.get("injured"))
        )
        return 4 * same_name + numbers

    matched = _match(golds, preds, ok, weight)
    for level in ("core", "standard", "hard"):
        idx = [i for i, g in enumerate(golds) if g.get("difficulty") == level]
        s.values[f"incident_recall_{level}"] = _ratio(sum(1 for i in idx if i in matched), len(idx))
    s.values["incident_recall"] = _ratio(len(matched), len(golds))
    s.values["incident_precision"] = _ratio(len(matched), len(preds))
    right = total = 0
    core_exact = True
    for g, p in matched.items():
        for key in ("killed", "injured"):
            if _counted(golds[g].get(key)):
                total += 1
                good = _number_ok(golds[g][key], preds[p].get(key))
                right += good
                core_exact &= good or golds[g].get("difficulty") != "core"
                if not good:
                    s.details.setdefault("casualty_misses", []).append(
                        f"{golds[g]['id']}.{key}: {preds[p].get(key)}"
                    )
    s.values["casualty_accuracy"] = _ratio(right, total)
    s.values["type_accuracy"] = _ratio(
        sum(
            1
            for g, p in matched.items()
            if (golds[g]["event_type"], golds[g]["sub_event_type"])
            == (preds[p]["event_type"], preds[p]["sub_event_type"])
        ),
        len(matched),
    )
    core = [i for i, g in enumerate(golds) if g.get("difficulty") == "core"]
    s.values["core_exact"] = 1.0 if all(i in matched for i in core) and core_exact else 0.0
    s.details["unmatched_gold"] = [golds[i]["id"] for i in range(len(golds)) if i not in matched]
    s.details["unmatched_pred"] = [
        f"{p.get('date')} {(p.get('place') or {}).get('name')} {p.get('sub_event_type')}"
        for i, p in enumerate(preds)
        if i not in matched.values()
    ]
    return matched


_BODIES = [
    ("un", r"\bUN\b|OHCHR|United Nations|human rights office"),
    ("ses", r"Emergency Service"),
    ("russia", r"Russia|Kremlin|Moscow"),
    ("ukraine", r"Ukrain|Kyiv"),
]


def _body(name: str | None) -> str | None:
    if not name:
        return None
    for key, pattern in _BODIES:
        if re.search(pattern, name):
            return key
    return name.split()[-1].lower().rstrip("y").replace("yy", "y")


def _figure_scores(gold: Json, preds: list[Json], s: Scores) -> dict[int, int]:
    golds = gold["figures"]

    def ok(g: Json, p: Json) -> bool:
        if (g["metric"], _norm_place(g["scope"]), g["value"]) != (
            p["metric"],
            _norm_place(p["scope"]),
            p["value"],
        ):
            return False
        if g.get("side") and p.get("side") and g["side"] != p["side"]:
            return False
        if not p.get("as_of") or p["as_of"].startswith("--"):
            return False
        return (
            abs((dt.date.fromisoformat(p["as_of"]) - dt.date.fromisoformat(g["as_of"])).days) <= 1
        )

    def claim_ok(g: Json, p: Json) -> bool:
        return _body(g.get("claimant")) == _body((p.get("claimant") or {}).get("name"))

    matched = _match(golds, preds, ok, lambda g, p: int(claim_ok(g, p)))
    extra = sum(
        1 for i, p in enumerate(preds) if i not in matched.values() and any(ok(g, p) for g in golds)
    )
    s.values["figure_recall"] = _ratio(len(matched), len(golds))
    s.values["figure_precision"] = _ratio(len(matched) + extra, len(preds))
    s.values["claimant_accuracy"] = _ratio(
        sum(1 for g, p in matched.items() if claim_ok(golds[g], preds[p])), len(matched)
    )
    s.details["unmatched_gold_figures"] = [
        golds[i]["id"] for i in range(len(golds)) if i not in matched
    ]
    s.details["unmatched_pred_figures"] = [
        f"{p['metric']} {p['scope']} {p['value']} {p.get('as_of')}"
        for i, p in enumerate(preds)
        if i not in matched.values() and not any(ok(g, p) for g in golds)
    ]
    return matched


def score(gold_path: Path, records: list[Json]) -> Scores:
    """Scores of ``records`` (output of `sitrep extract`, corpus line last) against a gold file."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["incidents"], gold["figures"], gold["documents"]
    except (OSError, ValueError, KeyError) as e:
        raise GoldError(
            f"Cannot read gold file {gold_path}: {e}. It must have documents, incidents and figures."
        ) from e
    articles = [r for r in records if "corpus" not in r]
    corpus: dict[str, Any] = next(
        (r["corpus"] for r in records if "corpus" in r),
        {"incidents": [], "contradictions": [], "stories": []},
    )
    by_file = {Path(r.get("file") or r["id"]).name: r for r in articles}
    by_id = {r["id"]: Path(r.get("file") or r["id"]).name for r in articles}
    s = Scores()
    preds = corpus["incidents"] or [i for r in articles for i in r["incidents"]]
    inc_match = _incident_scores(gold, preds, s)
    figures = [
        dict(f, file=Path(r.get("file") or r["id"]).name) for r in articles for f in r["figures"]
    ]
    fig_match = _figure_scores(gold, figures, s)
    _contradiction_scores(gold, corpus, preds, inc_match, figures, fig_match, s)
    _cleaning_scores(gold, by_file, corpus, by_id, s)
    return s


def _contradiction_scores(
    gold: Json,
    corpus: Json,
    preds: list[Json],
    inc_match: dict[int, int],
    figures: list[Json],
    fig_match: dict[int, int],
    s: Scores,
) -> None:
    gold_fig = {g["id"]: g for g in gold["figures"]}
    gold_inc = {g["id"]: i for i, g in enumerate(gold["incidents"])}
    found = 0
    for c in gold.get("contradictions", []):
        if "figures" in c:
            wanted = [gold_fig[f] for f in c["figures"]]
            found += any(
                k.get("kind") == "figure"
                and all(any(cl.get("value") == w["value"] for cl in k["claims"]) for w in wanted)
                and k.get("metric") == wanted[0]["metric"]
                for k in corpus.get("contradictions", [])
            )
        elif c.get("incident") in gold_inc and gold_inc[c["incident"]] in inc_match:
            pred = preds[inc_match[gold_inc[c["incident"]]]]
            found += any(
                k.get("kind") == "incident" and k.get("incident") == pred.get("id")
                for k in corpus.get("contradictions", [])
            )
    s.values["contradictions_found"] = _ratio(found, len(gold.get("contradictions", [])))


def _cleaning_scores(
    gold: Json, by_file: dict[str, Json], corpus: Json, by_id: dict[str, str], s: Scores
) -> None:
    tp = fp = fn = 0
    rep_found = rep_total = dup_found = dup_total = 0
    stories = [{by_id.get(a, a) for a in story} for story in corpus.get("stories", [])]
    for d in gold["documents"]:
        rec = by_file.get(d["file"])
        if rec is None:
            continue
        gold_lines, pred_lines = set(d.get("boilerplate_lines", [])), set(rec["boilerplate"])
        tp += len(gold_lines & pred_lines)
        fp += len(pred_lines - gold_lines)
        fn += len(gold_lines - pred_lines)
        pairs = {tuple(p) for p in rec["repeats"]}
        for pair in d.get("repeated_lines", []) + d.get("near_repeated_lines", []):
            rep_total += 1
            rep_found += tuple(pair) in pairs
        for other in d.get("near_duplicate_of", []):
            dup_total += 1
            dup_found += any(d["file"] in st and other in st for st in stories)
    s.values["boilerplate_precision"] = _ratio(tp, tp + fp)
    s.values["boilerplate_recall"] = _ratio(tp, tp + fn)
    s.values["repeats_found"] = _ratio(rep_found, rep_total)
    s.values["near_duplicates_linked"] = _ratio(dup_found, dup_total)
