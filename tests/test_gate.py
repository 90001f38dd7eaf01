"""The completeness gate (issue 23): a figure without all its inputs is an error, never a lower sum.

Each slip is made on a copy of a bundled period, as a division would make it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from openpyxl import load_workbook

import reporter
from reporter.cli import main
from reporter.completeness import month_ranges, needed_months
from reporter.model import Month


def keep_rows(path: Path, sheet: str, keep) -> None:
    """Rewrite one sheet with its header and the rows ``keep(row)`` accepts (openpyxl deletes rows slowly)."""
    book = load_workbook(path)
    worksheet = book[sheet]
    rows = [[c.value for c in row] for row in worksheet.iter_rows()]
    worksheet.delete_rows(1, worksheet.max_row)
    for row in [rows[0], *(r for r in rows[1:] if keep(r))]:
        worksheet.append(row)
    book.save(path)


def errors(folder: Path) -> list[str]:
    return [str(p) for p in reporter.validate(folder).errors]


def test_the_bundled_examples_are_complete():
    for name in ("2021-03", "2020-09", "2021-04-ovriga-lanet"):
        assert reporter.validate(ROOT / "inputs" / name).errors == [], name


def test_the_months_a_series_needs():
    assert month_ranges(needed_months(Month(2021, 4))) == "2020-01–2021-04"
    assert month_ranges([Month(2020, 1), Month(2020, 2), Month(2020, 5), Month(2021, 1)]) == "2020-01–2020-02, 2020-05, 2021-01"


def test_only_the_new_months_rows_is_an_error_per_series(period):
    keep_rows(period / "ekonomi.xlsx", "Kostnader", lambda row: row[2] == "2021-03")
    found = errors(period)
    assert "ekonomi.xlsx, blad Kostnader: Närsjukvård Luleå-Boden saknar 2020-01–2021-02" in found
    assert len([e for e in found if "blad Kostnader" in e]) == 8  # one per division, not one per month
    result = CliRunner().invoke(main, ["build", str(period), "--out", str(period.parent / "ut")])
    assert result.exit_code == 1 and not (period.parent / "ut").exists()


def test_one_cost_types_row_missing_is_an_error(period):
    keep_rows(period / "ekonomi.xlsx", "Kostnader", lambda row: row[:3] != ["Länssjukvård", "Läkemedel", "2021-03"])
    assert errors(period) == ["ekonomi.xlsx, blad Kostnader: Länssjukvård / Läkemedel saknar 2021-03 (raden finns för 2021-02)"]


def test_one_divisions_personnel_rows_missing_is_an_error_and_status_says_what_stands_in_the_way(period):
    keep_rows(period / "personal.xlsx", "Anställda", lambda row: row[0] != "Service")
    assert errors(period) == [
        "personal.xlsx, blad Anställda: Service har inga rader; varje division i rapport.yaml ska ha rader för 2020-01–2021-03"
    ]
    result = CliRunner().invoke(main, ["status", str(period)])
    assert result.exit_code == 1
    assert "Perioden kan byggas" not in result.output
    assert "Perioden kan inte byggas: 1 fel.\n  Service\n    personal.xlsx, blad Anställda: Service har inga rader" in result.output


def test_a_month_missing_in_the_middle_of_a_series_is_named(period):
    keep_rows(period / "personal.xlsx", "Sjukfrånvaro", lambda row: row[:3] != ["Folktandvård", "Män", "2020-06"])
    assert errors(period) == ["personal.xlsx, blad Sjukfrånvaro: Folktandvård / Män saknar 2020-06"]


def test_a_division_without_its_result_row_is_an_error(period):
    keep_rows(period / "ekonomi.xlsx", "Divisioner", lambda row: row[0] != "Länsteknik")
    assert errors(period) == ["ekonomi.xlsx, blad Divisioner: Länsteknik har ingen rad; varje division i rapport.yaml ska ha sin rad"]


def test_an_appendix_with_its_own_month_needs_that_months_history(tmp_path):
    """2020-09 reports production and personnel for August (bilagor: period: 2020-08)."""
    folder = tmp_path / "2020-09"
    shutil.copytree(ROOT / "inputs" / "2020-09", folder)
    keep_rows(folder / "produktion.xlsx", "Beläggning", lambda row: not str(row[1]).startswith("2019"))
    found = [e for e in errors(folder) if "Beläggning" in e]
    assert found and all(e.endswith("saknar 2019-01–2019-12") for e in found)


@pytest.mark.parametrize("month", ["2020-02", "2020-08"])
def test_an_interim_reports_folder_is_checked_for_its_own_period(tmp_path, month):
    folder = tmp_path / "2020-09"
    shutil.copytree(ROOT / "inputs" / "2020-09", folder)
    keep_rows(folder / "delarsrapporter" / "service" / "personal.xlsx", "Arbetad tid", lambda row: str(row[1]) != month)
    assert errors(folder) == [f"delarsrapporter/service/personal.xlsx, blad Arbetad tid: Service saknar {month}"]


def test_a_division_report_states_a_measure_new_this_year_without_last_year(tmp_path):
    """The interim report's accessibility of a model new in 2021 has no 2020 (December counts the waiting); a hole is still an error."""
    folder = tmp_path / "2021-04-ovriga-lanet"
    shutil.copytree(ROOT / "inputs" / "2021-04-ovriga-lanet", folder)
    assert errors(folder) == []
    keep_rows(folder / "produktion.xlsx", "Tillgänglighet", lambda row: not (row[1] == "Väntat högst 90 dagar till besök" and str(row[2])[:7] == "2021-02"))
    assert errors(folder) == ["produktion.xlsx, blad Tillgänglighet: Närsjukvård Övriga länet / Väntat högst 90 dagar till besök saknar 2021-02"]
