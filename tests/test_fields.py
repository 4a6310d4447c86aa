"""Every output names a record's fields as sitrep.fields does (no killed_min in one output
and killed_range_low in another by accident)."""

from __future__ import annotations

import pytest

from sitrep.export import ROW_COLUMNS, incident_row
from sitrep.fields import (
    COUNTS,
    NUMBER_FIELDS,
    PLACE_FIELDS,
    count_columns,
    count_row,
    place_fields,
    range_columns,
)
from sitrep.model import Figure, Incident, Number, PartialDate, Place
from sitrep.serialize import figure_json, number_json
from sitrep.serve.schemas import NumberOut, PlaceOut, number_out, place_out
from sitrep.store._codec import incident_from
from sitrep.store._codec import incident_row as stored_row

KHARKIV = Place("Kharkiv", 49.99, 36.23, "Kharkiv Oblast", "settlement", id="UA63", admin2="x")
INCIDENT = Incident(
    id="i1",
    date=PartialDate(2024, 5, 1),
    place=KHARKIV,
    event_type="explosions_remote_violence",
    sub_event_type="air_drone_strike",
    reports=(),
    killed=Number(3, "at_least", 3, None),
    injured=Number.exact(12),
    killed_range=(3, 4),
    injured_range=(11, 12),
)


def test_a_count_has_the_same_fields_in_json_the_api_and_a_row() -> None:
    number = Number(25, "at_least", 25, None)
    assert tuple(number_json(number) or {}) == NUMBER_FIELDS
    assert tuple(NumberOut.model_fields) == NUMBER_FIELDS
    assert number_out(number) == NumberOut(value=25, qualifier="at_least", low=25, high=None)
    assert count_row("killed", number) == {
        "killed": 25,
        "killed_qualifier": "at_least",
        "killed_low": 25,
        "killed_high": None,
    }
    assert count_row("injured", None) == dict.fromkeys(count_columns("injured"))


def test_the_api_place_is_fields_of_the_record_place() -> None:
    assert set(PlaceOut.model_fields) <= set(PLACE_FIELDS)
    out = place_out(KHARKIV)
    assert out is not None and out.id == "UA63" and out.admin2 == "x"
    with pytest.raises(ValueError, match="not fields of a place"):
        place_fields(KHARKIV, ("name", "population"))


def test_a_figure_states_its_value_by_the_count_fields() -> None:
    figure = Figure("a1", "killed", "civilians", Number(9, "more_than", 10, None), (), "t")
    out = figure_json(figure)
    assert {k: out[k] for k in NUMBER_FIELDS} == {
        "value": 9,
        "qualifier": "more_than",
        "low": 10,
        "high": None,
    }


def test_the_flat_row_has_each_count_and_its_spread_by_the_shared_names() -> None:
    row = incident_row(INCIDENT, ["Outlet"])
    assert tuple(row) == ROW_COLUMNS
    for count in COUNTS:
        assert set(count_columns(count)) | set(range_columns(count)) <= set(ROW_COLUMNS)
    assert (row["killed"], row["killed_min"], row["killed_max"]) == (3, 3, 4)
    assert (row["injured_qualifier"], row["injured_min"], row["injured_max"]) == ("exact", 11, 12)


def test_the_store_keeps_every_field_and_reads_it_back() -> None:
    row = stored_row(INCIDENT, 0)
    assert {f"killed_{f}" for f in NUMBER_FIELDS} <= set(row)
    assert {f"place_{f}" for f in PLACE_FIELDS} <= set(row)
    assert incident_from(row, ()) == INCIDENT
