"""Incident ids minted once and kept across ingests (migration 0006).

The resolve rules name an incident after its first report in canonical order
(``Incident.id``, see :mod:`sitrep.resolve.incidents`): a *natural* id that
changes when an earlier-published report joins (a second outlet's copy) or
when two incidents merge.  A permalink, ``sitrep show ID`` and an export's
``event_id_cnty`` need an id that stays, so the store names each incident it
writes after the ids its reports' incidents had when last written
(``incident_memberships``):

* an incident whose reports all had one id keeps it: reports joining change nothing;
* incidents that merge keep the oldest of their ids (earliest minted); the
  others redirect to it (``incident_ids.redirect``, always one hop);
* when an incident splits, the part holding the report its id was minted from
  keeps the id (else the part holding most of its reports); the others take
  their own former ids or mint new ones;
* an incident without a former id mints its natural id, unless another incident
  holds it.  A retired id minted again is revived (its redirect dropped).

So ids depend on the order articles were ingested in: one ingest of
everything gives the natural ids, batches may keep older ones.  The
incidents themselves do not depend on it: the store equals a from-scratch
resolution up to renaming ids (tests/store/test_incremental_resolution.py).
These tables survive ``clear_resolution``, so a rebuild keeps the ids too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitrep.ids import stable_id
from sitrep.model import Contradiction

if TYPE_CHECKING:
    from sitrep.store.sql import SqlStore

__all__ = ["assign_ids", "redirect_of", "renamed_contradictions"]

Parts = Mapping[str, frozenset[str]]  # natural incident id -> its report keys


@dataclass(frozen=True, slots=True)
class _Former:
    """An id some of the written reports had, with the ones that had it."""

    id: str
    minted: int
    origin: str | None
    members: frozenset[str]


def assign_ids(store: SqlStore, reports: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Natural id -> stable id for the incidents about to be written; records the choice.

    ``reports`` gives each incident's (natural id's) stored report keys, in
    the incident's order.  Call it after the incidents these replace were
    deleted, inside the write's transaction.
    """
    keys = {natural: frozenset(ks) for natural, ks in reports.items()}
    formers = _formers(store, keys)
    ids = _keep_formers(formers, keys)
    minted = _mint(store, [n for n in keys if n not in ids], set(ids.values()))
    ids.update(minted)
    _retire(store, formers, keys, ids)
    origins = {n: ks[0] if ks else None for n, ks in reports.items()}
    _record(store, keys, ids, {n: (i, origins[n]) for n, i in minted.items()})
    return ids


def _formers(store: SqlStore, keys: Parts) -> list[_Former]:
    """The ids the written reports had that no incident still holds, oldest first."""
    sql = "SELECT report_id, incident_id FROM incident_memberships WHERE report_id IN ({marks})"
    members: dict[str, set[str]] = defaultdict(set)
    for row in store.select_in(sql, {k for ks in keys.values() for k in ks}):
        members[row["incident_id"]].add(row["report_id"])
    live = _live(store, members)
    sql = "SELECT id, minted, origin FROM incident_ids WHERE id IN ({marks})"
    rows = {row["id"]: row for row in store.select_in(sql, members)}
    formers = [
        _Former(
            former,
            int(rows[former]["minted"]) if former in rows else 0,
            rows[former]["origin"] if former in rows else None,
            frozenset(reports),
        )
        for former, reports in members.items()
        if former not in live
    ]
    return sorted(formers, key=lambda f: (f.minted, f.id))


def _live(store: SqlStore, ids: Iterable[str]) -> set[str]:
    return {
        row["id"] for row in store.select_in("SELECT id FROM incidents WHERE id IN ({marks})", ids)
    }


def _keep_formers(formers: list[_Former], keys: Parts) -> dict[str, str]:
    """Give each former id, oldest first, to one part not named yet (see the module doc)."""
    part_of = _part_of(keys)
    ids: dict[str, str] = {}
    for former in formers:
        free = [n for n in _holders(former, part_of) if n not in ids]
        if free:
            ids[_heir(former, free, keys)] = former.id
    return ids


def _part_of(keys: Parts) -> dict[str, str]:
    """Report key -> the natural id of the part holding it."""
    return {k: natural for natural, ks in keys.items() for k in ks}


def _holders(former: _Former, part_of: Mapping[str, str]) -> list[str]:
    """The parts holding one of ``former``'s reports, by natural id."""
    return sorted({part_of[k] for k in former.members if k in part_of})


def _heir(former: _Former, candidates: list[str], keys: Parts) -> str:
    """The part that holds ``former``'s origin, else most of its reports (then the first key)."""
    holding = [n for n in candidates if former.origin in keys[n]]
    if holding:
        return holding[0]
    return min(candidates, key=lambda n: (-len(keys[n] & former.members), min(keys[n])))


def _mint(store: SqlStore, naturals: list[str], taken: set[str]) -> dict[str, str]:
    """Natural id -> a new id for it: itself, unless an incident holds it already."""
    live = _live(store, naturals)
    minted: dict[str, str] = {}
    for natural in sorted(naturals):
        candidate, salt = natural, 0
        while candidate in taken or candidate in live:
            salt += 1
            candidate = stable_id("incident", natural, str(salt))
            live |= _live(store, [candidate])
        taken.add(candidate)
        minted[natural] = candidate
    return minted


def _retire(store: SqlStore, formers: list[_Former], keys: Parts, ids: Mapping[str, str]) -> None:
    """Point each former id nobody kept (and every id redirected to it) at its heir."""
    kept = set(ids.values())
    part_of = _part_of(keys)
    for former in formers:
        if former.id in kept:
            continue
        heir = ids[_heir(former, _holders(former, part_of), keys)]
        store.db.execute(
            "UPDATE incident_ids SET redirect = ? WHERE id = ? OR redirect = ?",
            [heir, former.id, former.id],
        )


def _record(
    store: SqlStore,
    keys: Parts,
    ids: Mapping[str, str],
    minted: Mapping[str, tuple[str, str | None]],
) -> None:
    """Store new ids (with their origin report) and every written report's id; an id named
    again redirects no more."""
    sql = "SELECT id FROM incident_ids WHERE id IN ({marks})"
    known = {row["id"] for row in store.select_in(sql, [i for i, _ in minted.values()])}
    fresh = sorted((i, origin) for i, origin in minted.values() if i not in known)
    if fresh:
        generation = _next_generation(store)
        store.insert_rows(
            "incident_ids",
            [
                {"id": i, "minted": generation, "origin": origin, "redirect": None}
                for i, origin in fresh
            ],
        )
    sql = "UPDATE incident_ids SET redirect = NULL WHERE redirect IS NOT NULL AND id IN ({marks})"
    store.execute_in(sql, ids.values())
    written = [k for ks in keys.values() for k in ks]
    store.execute_in("DELETE FROM incident_memberships WHERE report_id IN ({marks})", written)
    store.insert_rows(
        "incident_memberships",
        [{"report_id": k, "incident_id": ids[n]} for n, ks in keys.items() for k in sorted(ks)],
    )


def _next_generation(store: SqlStore) -> int:
    rows = store.db.query("SELECT value FROM incident_id_generation WHERE name = 'last'")
    generation = int(rows[0]["value"]) + 1
    store.db.execute(
        "UPDATE incident_id_generation SET value = ? WHERE name = 'last'", [generation]
    )
    return generation


def renamed_contradictions(
    contradictions: Iterable[Contradiction], ids: Mapping[str, str]
) -> list[Contradiction]:
    """``contradictions`` with their incident named by its stable id.

    An incident contradiction's id hashes its incident's id (see
    :func:`sitrep.resolve.contradictions.incident_contradictions`); it is made
    again from the stable id, so it stays put too.
    """
    return [_renamed(c, ids) for c in contradictions]


def _renamed(c: Contradiction, ids: Mapping[str, str]) -> Contradiction:
    if c.incident is None or ids.get(c.incident, c.incident) == c.incident:
        return c
    current = ids[c.incident]
    natural_id = stable_id("contradiction", "incident", c.incident, c.metric or "")
    if c.id == natural_id:
        return replace(
            c, incident=current, id=stable_id("contradiction", "incident", current, c.metric or "")
        )
    return replace(c, incident=current)


def redirect_of(store: SqlStore, incident_id: str) -> str | None:
    """The id of the incident ``incident_id`` was merged into, if it was."""
    rows = store.db.query("SELECT redirect FROM incident_ids WHERE id = ?", [incident_id])
    return rows[0]["redirect"] if rows and rows[0]["redirect"] else None
