"""Messages that group (issue 24, rule 8): one cause is named once, with its count and a few examples; --json and
--xlsx keep every finding; counts agree with their nouns; the findings as a workbook the division opens in Excel."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from helpers import edit_sheet
from openpyxl import load_workbook

from reporter.causes import Cause, by_cause, plural, thousands
from reporter.cli import main
from reporter.errors import error, warning


def _validate(*arguments: str):
    return CliRunner().invoke(main, ["validate", *arguments])


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_a_copy_of_a_workbook_is_named_once_as_the_cause(period):
    """The slip: a stray `ekonomi - Kopia.xlsx` gave 2 103 lines of "samma post finns två gånger"."""
    shutil.copy(period / "ekonomi.xlsx", period / "ekonomi - Kopia.xlsx")
    result = _validate(str(period))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    count = int(lines[0].split(": ")[1].split(" fel")[0].replace(" ", ""))
    assert count > 2000
    assert lines[2] == ("    FEL: ekonomi - Kopia.xlsx innehåller samma poster som ekonomi.xlsx – en kopia? "
                        "Ta bort den ena filen ur periodmappen, eller rätta posterna som bara ska stå i en av dem")
    assert lines[3] == f"      {plural(count, 'fel', 'fel')} av det slaget, t.ex.:"
    assert lines[4].startswith("        blad Region, rad 2: samma post finns två gånger (Post: Skatteintäkter) (även ekonomi - Kopia.xlsx")
    assert lines[7] == f"        … och {thousands(count - 3)} till (alla: reporter validate --json, eller --xlsx FIL)"
    assert len(lines) == 8
    found = json.loads(_validate(str(period), "--json").stdout)
    assert len(found["problem"]) == count == found["fel"]


@pytest.mark.slow  # validates the whole changed period, 0.3 s CPU
def test_a_division_misspelt_on_every_row_is_one_message_with_its_cells(period):
    """The slip: a misspelt division on every row gave one identical line per row."""
    rows = []

    def misspell(sheet):
        for row in sheet.iter_rows(min_row=2):
            if row[0].value == "Länssjukvård":
                row[0].value = "Länssjukvårdd"
                rows.append(row[0].coordinate)

    edit_sheet(period / "produktion.xlsx", "Produktion", misspell)
    lines = _validate(str(period)).output.splitlines()
    assert lines[1:] == [
        "  produktion.xlsx",
        "    FEL: blad Produktion: Division: 'Länssjukvårdd' finns inte i rapport.yaml; menade du 'Länssjukvård'? kända divisioner: "
        "Närsjukvård Luleå-Boden, Närsjukvård Piteå älvdal, Närsjukvård Östra Norrbotten, Närsjukvård Västra Norrbotten, "
        "Länssjukvård, Folktandvård, Service, Länsteknik",
        f"      {len(rows)} fel av det slaget, t.ex.:",
        *(f"        cell {cell}" for cell in rows[:3]),
        f"        … och {len(rows) - 3} till (alla: reporter validate --json, eller --xlsx FIL)",
    ]


def test_a_few_findings_are_shown_one_by_one():
    problems = [error(f"Utfall: 'x{n}' är inget tal", file="ekonomi.xlsx", sheet="Divisioner", cell=f"B{n}") for n in range(2, 5)]
    problems += [error("kolumn saknas: Budget", file="ekonomi.xlsx", sheet="Region", cell="rad 1")]
    assert by_cause(problems) == problems


def test_many_findings_that_differ_only_in_their_values_are_one_cause():
    problems = [error(f"Utfall: 'x{n}' är inget tal", file="ekonomi.xlsx", sheet="Divisioner", cell=f"B{n}") for n in range(2, 14)]
    (cause,) = by_cause(problems)
    assert isinstance(cause, Cause) and cause.message == "Utfall: '…' är inget tal" and len(cause.problems) == 12
    assert cause.examples() == ["blad Divisioner, cell B2: Utfall: 'x2' är inget tal", "blad Divisioner, cell B3: Utfall: 'x3' är inget tal",
                                "blad Divisioner, cell B4: Utfall: 'x4' är inget tal"]


def test_errors_and_warnings_of_one_message_are_separate_causes():
    problems = [error("samma", file="a.xlsx", sheet="S", cell=f"A{n}") for n in range(1, 5)]
    problems += [warning("samma", file="a.xlsx", sheet="S", cell=f"A{n}") for n in range(1, 5)]
    assert [(type(item).__name__, item.is_error) for item in by_cause(problems)] == [("Cause", True), ("Cause", False)]


def test_a_count_agrees_with_its_noun():
    assert [plural(n, "varning", "varningar") for n in (0, 1, 2, 2103)] == ["0 varningar", "1 varning", "2 varningar", "2 103 varningar"]


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_one_warning_is_1_varning(period):
    """`reporter validate` said "1 varningar"."""
    edit_sheet(period / "ekonomi.xlsx", "Region", lambda sheet: sheet.cell(1, sheet.max_column + 1, "Anteckning"))
    result = _validate(str(period))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"{period}: 1 varning"


@pytest.mark.slow  # March validated with a second economy workbook (1.1 s CPU); the findings workbook's bytes are checked by the next test
def test_validate_xlsx_writes_one_row_per_finding_with_a_link_to_its_cell(period, tmp_path):
    (period / "ekonomi.xlsx").rename(period / "ekonomi - Kopia.xlsx")
    shutil.copy(period / "ekonomi - Kopia.xlsx", period / "ekonomi.xlsx")
    edit_sheet(period / "ekonomi.xlsx", "Divisioner", lambda sheet: sheet.cell(3, 2, "tolv"))
    (period / "rapport.yaml").write_text((period / "rapport.yaml").read_text("utf-8").replace('version: "0.26"', "version: 1.10"), "utf-8")
    written = tmp_path / "fynd" / "fel.xlsx"
    written.parent.mkdir()
    result = _validate(str(period), "--xlsx", str(written), "--json")
    findings = json.loads(result.stdout)["problem"]
    rows = list(load_workbook(written).active.iter_rows(values_only=True))
    assert rows[0] == ("Allvarlighet", "Division", "Fil", "Blad", "Cell", "Nyckel", "Meddelande", "Även", "Länk")
    assert len(rows) == len(findings) + 1
    assert ("fel", None, "2021-03/rapport.yaml", None, "rad 25", "dokument.version") == rows[1][:6]
    assert rows[1][8] == '=HYPERLINK("../2021-03/rapport.yaml","2021-03/rapport.yaml")'
    cell = next(row for row in rows if row[2] == "ekonomi.xlsx" and row[3] == "Divisioner" and row[4] == "B3")
    assert cell[0] == "fel" and cell[6].startswith("Utfall: ")
    assert cell[8] == "=HYPERLINK(\"[../2021-03/ekonomi.xlsx]'Divisioner'!B3\",\"ekonomi.xlsx – Divisioner!B3\")"
    twice = next(row for row in rows if row[4] == "rad 2" and row[3] == "Region")
    assert twice[7] == "ekonomi - Kopia.xlsx, blad Region, rad 2" and twice[8].startswith("=HYPERLINK(\"[../2021-03/ekonomi.xlsx]'Region'!A2\"")


def test_the_findings_workbook_is_the_same_bytes_for_the_same_findings(period, tmp_path):
    (period / "personal.xlsx").unlink()
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert _validate(str(period), "--xlsx", str(first)).exit_code == 1
    assert _validate(str(period), "--xlsx", str(second)).exit_code == 1
    assert first.read_bytes() == second.read_bytes()


def test_the_findings_workbook_is_not_written_into_the_period_folder(period):
    """There the next validate would read it as an input (or, named ekonomi-fel.xlsx, as an ekonomi workbook)."""
    result = _validate(str(period), "--xlsx", str(period / "ekonomi-fel.xlsx"))
    assert result.exit_code == 2
    assert "ligger i periodmappen, där den skulle läsas som indata" in result.output
    assert not (period / "ekonomi-fel.xlsx").exists()


def test_the_findings_workbook_gets_its_folder(example_dir, tmp_path):
    written = tmp_path / "ny" / "mapp" / "fel.xlsx"
    result = _validate(str(example_dir), "--xlsx", str(written))
    assert result.exit_code == 0 and f"Skrev {written} (0 rader)" in result.output
    assert [row for row in load_workbook(written).active.iter_rows(values_only=True)][1:] == []


def test_rows_pasted_twice_in_one_sheet_are_one_cause():
    from reporter.errors import Location, Problem, Severity

    problems = [
        Problem(Severity.ERROR, f"samma post finns två gånger (Division: Service, Mått: Läkarbesök, Månad: 2021-{month:02d})",
                Location("produktion.xlsx", "Produktion", f"rad {100 + month}"), (Location("produktion.xlsx", "Produktion", f"rad {month + 1}"),))
        for month in range(1, 13)
    ]
    (cause,) = by_cause(problems)
    assert cause.message == "samma poster står två gånger i blad Produktion – har rader klistrats in två gånger? Ta bort de upprepade raderna"
    assert cause.examples(1) == ["blad Produktion, rad 101: samma post finns två gånger (Division: Service, Mått: Läkarbesök, Månad: 2021-01) "
                                 "(även produktion.xlsx, blad Produktion, rad 2)"]
