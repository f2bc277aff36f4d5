import datetime as dt

import pytest

from planner.io.log_fields import FILLED_COLUMNS, LOG_COLUMNS, REQUIRED_COLUMNS, field_name, parse_field_name


def test_required_and_filled_columns_are_log_columns():
    assert set(REQUIRED_COLUMNS) <= set(LOG_COLUMNS)
    assert set(FILLED_COLUMNS) <= set(LOG_COLUMNS)
    assert "planned" not in FILLED_COLUMNS


@pytest.mark.parametrize("column", FILLED_COLUMNS)
def test_field_names_round_trip(column):
    day = dt.date(2027, 1, 4)
    name = field_name(day, 2, "goblet-squat", column)
    assert parse_field_name(name) == (day, 2, "goblet-squat", column)


def test_field_name_refuses_printed_columns():
    with pytest.raises(ValueError):
        field_name(dt.date(2027, 1, 4), 0, "goblet-squat", "planned")


@pytest.mark.parametrize("name", ["", "Text1", "2027-01-04~0~squat~planned", "2027-13-04~0~squat~done", "x~y~z~done"])
def test_other_fields_are_not_log_fields(name):
    assert parse_field_name(name) is None
