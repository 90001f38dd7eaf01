"""The completeness gate (issue 23): a figure without all its inputs is an error, never a lower sum.

Each slip is made on a copy of a bundled period, as a division would make it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, bundled_checked
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
        assert bundled_checked(name).errors == [], name


def test_the_months_a_series_needs():
    assert month_ranges(needed_months(Month(2021, 4))) == "2020-01–2021-04"
    assert month_ranges([Month(2020, 1), Month(2020, 2), Month(2020, 5), Month(2021, 1)]) == "2020-01–2020-02, 2020-05, 2021-01"


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_only_the_new_months_rows_is_an_error_per_series(period):
    keep_rows(period / "ekonomi.xlsx", "Kostnader", lambda row: row[2] == "2021-03")
    found = errors(period)
    assert "ekonomi.xlsx, blad Kostnader: Närsjukvård Luleå-Boden saknar 2020-01–2021-02" in found
    assert len([e for e in found if "blad Kostnader" in e]) == 8  # one per division, not one per month
    result = CliRunner().invoke(main, ["build", str(period), "--out", str(period.parent / "ut")])
    assert result.exit_code == 1 and not (period.parent / "ut").exists()


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_one_cost_types_row_missing_is_an_error(period):
    keep_rows(period / "ekonomi.xlsx", "Kostnader", lambda row: row[:3] != ["Länssjukvård", "Läkemedel", "2021-03"])
    assert errors(period) == ["ekonomi.xlsx, blad Kostnader: Länssjukvård / Läkemedel saknar 2021-03 (raden finns för 2021-02)"]


@pytest.mark.slow  # validates the whole changed period, 0.6 s CPU
def test_one_divisions_personnel_rows_missing_is_an_error_and_status_says_what_stands_in_the_way(period):
    keep_rows(period / "personal.xlsx", "Anställda", lambda row: row[0] != "Service")
    assert errors(period) == [
        "personal.xlsx, blad Anställda: Service har inga rader; varje division i rapport.yaml ska ha rader för 2020-03–2021-03"
    ]
    result = CliRunner().invoke(main, ["status", str(period)])
    assert result.exit_code == 1
    assert "Perioden kan byggas" not in result.output
    assert "Perioden kan inte byggas: 1 fel.\n  Service\n    personal.xlsx, blad Anställda: Service har inga rader" in result.output


@pytest.mark.slow  # validates the whole changed period, 0.4 s CPU
def test_a_month_missing_in_the_middle_of_a_series_is_named(period):
    keep_rows(period / "personal.xlsx", "Sjukfrånvaro", lambda row: row[:3] != ["Folktandvård", "Män", "2020-06"])
    assert errors(period) == ["personal.xlsx, blad Sjukfrånvaro: Folktandvård / Män saknar 2020-06"]


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_a_division_without_its_result_row_is_an_error(period):
    keep_rows(period / "ekonomi.xlsx", "Divisioner", lambda row: row[0] != "Länsteknik")
    assert errors(period) == ["ekonomi.xlsx, blad Divisioner: Länsteknik har ingen rad; varje division i rapport.yaml ska ha sin rad"]


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_an_appendix_with_its_own_month_needs_that_months_history(tmp_path):
    """2020-09 reports production and personnel for August (bilagor: period: 2020-08)."""
    folder = tmp_path / "2020-09"
    shutil.copytree(ROOT / "inputs" / "2020-09", folder)
    keep_rows(folder / "produktion.xlsx", "Beläggning", lambda row: not str(row[1]).startswith("2019"))
    found = [e for e in errors(folder) if "Beläggning" in e]
    assert found and all(e.endswith("saknar 2019-08–2019-12") for e in found)  # shares: the last 13 months


@pytest.mark.slow  # validates the whole changed interim report folder, 0.2 s CPU
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


# --- plausibility against the series, confirmations, --strikt ---------------------------------------------------


def _typo(period: Path) -> str:
    """Länssjukvård's Läkemedel of March 2021 typed ten times too large; the cell's coordinate."""
    book = load_workbook(period / "ekonomi.xlsx")
    sheet = book["Kostnader"]
    row = next(r for r in sheet.iter_rows(min_row=2) if [c.value for c in r[:3]] == ["Länssjukvård", "Läkemedel", "2021-03"])
    row[3].value *= 10
    book.save(period / "ekonomi.xlsx")
    return row[3].coordinate


def _confirm(path: Path, rows: list[list[object]]) -> None:
    book = load_workbook(path)
    sheet = book.create_sheet("Bekräftelser")
    for row in [["Blad", "Cell", "Värde", "Kommentar"], *rows]:
        sheet.append(row)
    book.save(path)


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_a_value_typed_ten_times_too_large_is_a_warning_naming_its_cell_and_neighbours(period):
    cell = _typo(period)
    checked = reporter.validate(period)
    assert checked.errors == []
    (found,) = checked.warnings
    assert (found.where.file, found.where.sheet, found.where.cell) == ("ekonomi.xlsx", "Kostnader", cell)
    assert found.division == "Länssjukvård"
    text = found.message.replace("\u00a0", " ")
    assert text.startswith("Länssjukvård / Läkemedel 2021-03: ")
    assert " tkr; månaden före " in text and ", 2020-03 " in text and "medianen för de 12 månaderna före" in text and "ett skrivfel?" in text
    assert f"(Blad Kostnader, Cell {cell}, Värde " in text


@pytest.mark.slow  # validates the whole changed period, 0.6 s CPU
def test_a_confirmed_value_is_no_longer_reported_and_another_value_in_its_cell_is(period):
    cell = _typo(period)
    value = load_workbook(period / "ekonomi.xlsx")["Kostnader"][cell].value
    _confirm(period / "ekonomi.xlsx", [["Kostnader", cell, value, "Engångsköp av läkemedel inför vaccinationerna"]])
    assert reporter.validate(period, strict=True).problems == []

    from helpers import set_cell

    set_cell(period / "ekonomi.xlsx", "Kostnader", cell, value * 2)  # the cell changed since it was confirmed
    (found,) = reporter.validate(period).warnings
    assert found.where.cell == cell and "(bekräftelsen på bladet Bekräftelser, rad 2, gäller värdet" in found.message


@pytest.mark.slow  # validates the whole changed period, 0.5 s CPU
def test_a_confirmation_that_confirms_nothing_is_named(period):
    _confirm(period / "personal.xlsx", [["Anstallda", "E7", 3, None], ["Anställda", "sju", 3, "fel"], ["Anställda", "E8", "tre", None]])
    checked = reporter.validate(period)
    assert checked.errors == []  # a confirmation changes no figure: what is wrong with one is a warning
    unreadable, *others = [str(p) for p in checked.warnings]
    assert unreadable.startswith("personal.xlsx, blad Bekräftelser, cell C4: Värde: 'tre' går inte att läsa")
    assert others == [
        "personal.xlsx, blad Bekräftelser, rad 2: bekräftelsen gäller bladet 'Anstallda', vars värden inte bedöms; bladen som bedöms är "
        "Kostnader, Produktion, Tillgänglighet, Beläggning, Anställda, Arbetad tid, Sjukfrånvaro",
        "personal.xlsx, blad Bekräftelser, rad 3: 'sju' är ingen cell; skriv cellen som varningen anger, t.ex. D1274",
    ]


@pytest.mark.slow  # validates and builds the changed period, 0.5 s CPU
def test_strikt_refuses_a_warning_and_a_build_writes_nothing(period, workspace):
    _typo(period)
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(period)]).exit_code == 0
    strict = runner.invoke(main, ["validate", "--strikt", str(period)])
    assert strict.exit_code == 1 and "ett skrivfel? " in strict.output and "(--strikt: varningar räknas som fel)" in strict.output
    out = workspace / "out"
    built = runner.invoke(main, ["build", "--strikt", str(period), "--out", str(out), "--templates", str(workspace / "templates")])
    assert built.exit_code == 1, built.output
    assert not any(out.rglob("*"))
    with pytest.raises(reporter.ReporterError):
        reporter.build(period, out, workspace / "templates", workspace=workspace, strict=True)
    assert not any(out.rglob("*"))


def test_the_rule_leaves_seasons_and_moved_series_alone():
    from reporter.model import Production, Source
    from reporter.plausibility import implausible, judged_sheets
    from reporter.schema import PRODUKTION

    (judged,) = judged_sheets(PRODUKTION.sheets, ["Produktion"])
    months = [Month(2019, 1).plus(i) for i in range(27)]

    def series(values: dict[Month, float]) -> list:
        return [Production("A", "Besök", m, values.get(m, 100.0), Source("p.xlsx", "Produktion", i + 2)) for i, m in enumerate(months)]

    columns = {("p.xlsx", "Produktion"): {"varde": ("D", 1.0)}}

    def judged_cells(values: dict[Month, float]) -> list[str]:
        return [p.where.cell for p in implausible(judged, series(values), needed_months(Month(2021, 3)), columns, {})]

    assert judged_cells({}) == []
    assert judged_cells({Month(2021, 3): 1000.0}) == ["D28"]  # ten times: month before, median and last March
    assert judged_cells({Month(2021, 3): 25.0}) == ["D28"]  # a digit too few
    assert judged_cells({Month(2020, 7): 20.0, Month(2019, 7): 20.0}) == []  # July as low as last July: a season
    assert judged_cells({Month(2021, 2): 350.0, Month(2021, 3): 400.0}) == ["D27"]  # a step: its first month only
    assert judged_cells({Month(2021, 3): -100.0}) == ["D28"]  # a minus typed by mistake
    assert judged_cells({Month(2021, 3): 0.0}) == []  # nothing to report this month
    small = {m: 3.0 for m in months} | {Month(2021, 3): 9.0}
    assert judged_cells(small) == []  # small numbers move by more than three times


@pytest.mark.libreoffice
def test_a_workbook_resaved_by_libreoffice_names_the_same_cell_and_takes_its_confirmation(period, tmp_path):
    import subprocess

    cell = _typo(period)
    converted = tmp_path / "konverterad"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx", "--outdir",
                    str(converted), str(period / "ekonomi.xlsx")], check=True, capture_output=True, timeout=180)
    shutil.copyfile(converted / "ekonomi.xlsx", period / "ekonomi.xlsx")
    (found,) = reporter.validate(period).warnings
    assert found.where.cell == cell
    value = load_workbook(period / "ekonomi.xlsx")["Kostnader"][cell].value
    _confirm(period / "ekonomi.xlsx", [["kostnader", cell.lower(), f"{value:,}".replace(",", " "), None]])  # as people type it
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx", "--outdir",
                    str(converted), str(period / "ekonomi.xlsx")], check=True, capture_output=True, timeout=180)
    shutil.copyfile(converted / "ekonomi.xlsx", period / "ekonomi.xlsx")
    assert reporter.validate(period).problems == []


def test_a_measure_that_ended_is_not_asked_for_but_one_that_stopped_last_month_is(small):
    from helpers import edit_sheet

    def add(rows):
        edit_sheet(small / "produktion.xlsx", "Produktion", lambda sheet: [sheet.append(row) for row in rows])

    add([["PV", "Hembesök", f"2021-{m:02d}", 40] for m in range(1, 7)])  # ended in June 2021
    assert errors(small) == []
    add([["PV", "Telefonrådgivning", f"{y}-{m:02d}", 300] for y, m in [(2021, m) for m in range(1, 13)] + [(2022, 1)]])
    assert errors(small) == ["produktion.xlsx, blad Produktion: Primärvård / Telefonrådgivning saknar 2022-02"]


def test_a_units_row_missing_in_a_split_series_is_an_error(tmp_path):
    """Version 2: the division's sick leave adds its verksamhetsområden; one unit's month missing makes the sum too low."""
    folder = tmp_path / "2021-04-ovriga-lanet"
    shutil.copytree(ROOT / "inputs" / "2021-04-ovriga-lanet", folder)
    keep_rows(folder / "personal.xlsx", "Sjukfrånvaro", lambda row: row[1:4] != ["Närsjukvård Kalix", "Män", "2021-04"])
    assert errors(folder) == ["personal.xlsx, blad Sjukfrånvaro: Närsjukvård Övriga länet / Närsjukvård Kalix / Män saknar 2021-04"]
