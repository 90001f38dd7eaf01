"""Cell values as people type them."""

from __future__ import annotations

import datetime as dt

import pytest

from reporter.model import Month
from reporter.values import ValueProblem, parse_month, parse_number, parse_share, split_header


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1\u202f234", 1234.0),
        ("-12,3", -12.3),
        ("\u221212,3", -12.3),
        ("–12,3", -12.3),
        (" 42 ", 42.0),
        ("3.5", 3.5),
        (17, 17.0),
        (-0.0, 0.0),
    ],
)
def test_numbers_written_the_swedish_way(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["12,3,4", "abc", "1 234 kr", "", True])
def test_not_numbers(text):
    with pytest.raises(ValueProblem):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2021, 3, 17), Month(2021, 3)),
        (dt.date(2020, 12, 1), Month(2020, 12)),
        ("2021-03", Month(2021, 3)),
        ("2021-3", Month(2021, 3)),
        ("202103", Month(2021, 3)),
        (202103, Month(2021, 3)),
        ("mars 2021", Month(2021, 3)),
        ("Mars 2021", Month(2021, 3)),
        ("jan 2021", Month(2021, 1)),
        ("2021-03-31", Month(2021, 3)),
    ],
)
def test_months(value, expected):
    assert parse_month(value) == expected


@pytest.mark.parametrize("value", ["2021-13", "marsch 2021", "21-03", 2021, "q1 2021"])
def test_not_months(value):
    with pytest.raises(ValueProblem):
        parse_month(value)


def test_percent_formatted_cell_means_percent():
    assert parse_share(0.83, percent=True) == 83
    assert parse_share(0.801, percent=True) == pytest.approx(80.1)
    assert parse_share(83) == 83
    assert parse_share("80,1 %") == pytest.approx(80.1)


def test_header_matching_ignores_case_spacing_and_unit():
    assert split_header("  Utfall   föregående ÅR (tkr) ") == ("utfall föregående år", "tkr")
    assert split_header("Utfall (mnkr)") == ("utfall", "mnkr")
    assert split_header("Belopp") == ("belopp", None)
    assert split_header("Utfall\u00a0(kr)") == ("utfall", "kr")


def test_month_arithmetic():
    assert Month(2021, 1).previous == Month(2020, 12)
    assert Month(2021, 3).year_before == Month(2020, 3)
    assert Month(2021, 3).year_to_date() == [Month(2021, 1), Month(2021, 2), Month(2021, 3)]
    assert str(Month(2021, 3).plus(10)) == "2022-01"
