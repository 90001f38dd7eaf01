"""The input contract, version 2 (INPUTS-v2.md): every rule of v1 applies to everything new.

A division's interim report period keeps its own division's rows; the split
by verksamhetsområde and verksamhet is summed for version 1; the new columns
and sheets are checked like the old; rapport.yaml's new keys are checked by
report kind; texts are placed by their ``##`` headings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import find_row, set_cell
from openpyxl import load_workbook

import reporter
from reporter.model import Month
from reporter.texts import parse_markdown, sections

ROOT = Path(__file__).resolve().parent.parent
DIVISION = ROOT / "inputs" / "2021-04-ovriga-lanet"


@pytest.fixture
def division(tmp_path: Path) -> Path:
    """A copy of the bundled division period that a test may change."""
    target = tmp_path / "ovriga-lanet"
    shutil.copytree(DIVISION, target)
    return target


def _yaml(folder: Path, old: str, new: str) -> None:
    path = folder / "rapport.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, sheet: str, row: list) -> int:
    book = load_workbook(path)
    book[sheet].append(row)
    book.save(path)
    return book[sheet].max_row


def _found(folder: Path, fragment: str, errors_only: bool = False):
    checked = reporter.validate(folder)
    problems = checked.errors if errors_only else checked.problems
    hits = [p for p in problems if fragment in p.message]
    assert hits, [str(p) for p in checked.problems]
    return hits[0]


# --- rapport.yaml -------------------------------------------------------------------------------------------


def test_the_bundled_division_period_is_clean():
    checked = reporter.validate(DIVISION)
    assert [str(p) for p in checked.problems] == []
    assert checked.config.is_division_report and checked.config.division_namn == "Närsjukvård Övriga länet"


def test_division_is_an_error_in_a_monthly_report(small):
    _yaml(small, "period: 2022-02", "period: 2022-02\ndivision: Primärvård")
    problem = _found(small, "används bara i delarsrapport", errors_only=True)
    assert problem.where.key == "division"


def test_an_interim_report_needs_its_division_and_has_no_bilagor(division):
    _yaml(division, "division: Närsjukvård Övriga länet\n", "bilagor:\n  - ekonomirapport\n")
    checked = reporter.validate(division)
    keys = {p.where.key: p.message for p in checked.errors}
    assert "en delårsrapport gäller en division" in keys["division"]
    assert "har inga bilagor" in keys["bilagor"]


def test_an_unknown_division_suggests_the_closest(division):
    _yaml(division, "division: Närsjukvård Övriga länet", "division: Närsjukvård Övriga lanet")
    problem = _found(division, "finns inte i organisation.divisioner", errors_only=True)
    assert "menade du 'Närsjukvård Övriga länet'?" in problem.message and problem.where.key == "division"


def test_a_verksamhet_in_two_groups_is_an_error(division):
    _yaml(division, "verksamheter: [Med/Rehab länsdelsjh]", "verksamheter: [Med/Rehab länsdelsjh, PV anslag]")
    problem = _found(division, "får höra till en grupp", errors_only=True)
    assert "PV anslag" in problem.message


# --- the division's rows only ---------------------------------------------------------------------------------


def test_rows_of_other_divisions_are_left_out_and_counted(division):
    row = _append(division / "personal.xlsx", "Arbetad tid", ["Länssjukvård", "Läkare", "2021-04", 100, 1, 0, 0])
    checked = reporter.validate(division)
    assert checked.errors == []
    assert checked.inputs.utelamnade == {"Arbetad tid": 1}
    assert all(r.division == "Närsjukvård Övriga länet" for r in checked.inputs.arbetad_tid)
    state = reporter.status(division)
    assert state.left_out == {"Arbetad tid": 1} and row > 2


def test_a_row_of_an_unknown_division_is_still_an_error(division):
    row = _append(division / "personal.xlsx", "Arbetad tid", ["Länssjukvårdd", "Läkare", "2021-04", 100, 1, 0, 0])
    problem = _found(division, "menade du 'Länssjukvård'?", errors_only=True)
    assert (problem.where.file, problem.where.sheet, problem.where.cell) == ("personal.xlsx", "Arbetad tid", f"A{row}")


def test_a_required_sheet_without_the_divisions_rows_is_an_error(division):
    book = load_workbook(division / "personal.xlsx")
    for row in book["Anställda"].iter_rows(min_row=2):
        row[0].value = "Länssjukvård"
    book.save(division / "personal.xlsx")
    problem = _found(division, "har inga rader för Närsjukvård Övriga länet", errors_only=True)
    assert (problem.where.file, problem.where.sheet) == ("personal.xlsx", "Anställda")


def test_a_verksamhetsomrade_not_in_the_list_is_an_error_with_a_suggestion(division):
    book = load_workbook(division / "ekonomi.xlsx")
    cell = book["Divisioner"]["B2"]
    cell.value = "VO Närsjukvård Gemensam"
    book.save(division / "ekonomi.xlsx")
    problem = _found(division, "är inget av Närsjukvård Övriga länets verksamhetsområden", errors_only=True)
    assert problem.where.cell == "B2" and "menade du 'Närsjukvård gemensamt'?" in problem.message


# --- parts and wholes in one row -----------------------------------------------------------------------------


def test_overtime_above_extra_time_is_an_error(division):
    set_cell(division / "personal.xlsx", "Arbetad tid", "F2", 99)  # Övertid above Extratid 6,06
    problem = _found(division, "övertiden är en del av extratiden", errors_only=True)
    assert problem.where.cell == "F2"


def test_sick_leave_subsets_above_the_whole_are_errors(division):
    set_cell(division / "personal.xlsx", "Sjukfrånvaro", "G2", 5000)  # short-term above all sick leave 1 979
    assert _found(division, "korttidssjukfrånvaron är en del av sjukfrånvaron", errors_only=True).where.cell == "G2"


def test_short_and_long_together_above_the_whole_is_an_error(division):
    set_cell(division / "personal.xlsx", "Sjukfrånvaro", "G2", 1500)
    set_cell(division / "personal.xlsx", "Sjukfrånvaro", "H2", 1000)
    assert _found(division, "kort- och långtidssjukfrånvaron är tillsammans", errors_only=True).where.cell == "H2"


# --- version 1 sees sums --------------------------------------------------------------------------------------


def _split(small: Path) -> None:
    """Primärvård's result split over two verksamheter (the same total, 1,5 mnkr)."""
    book = load_workbook(small / "ekonomi.xlsx")
    sheet = book["Divisioner"]
    sheet.insert_cols(2)
    sheet["B1"] = "Verksamhet"
    row = find_row(sheet, "PV")
    sheet.cell(row, 2, "Vårdcentraler")
    sheet.cell(row, 3, 1.0)
    sheet.append(["PV", "Jourverksamhet", 0.5, None, None])
    book.save(small / "ekonomi.xlsx")


def test_a_monthly_report_sees_the_sum_of_split_rows(small):
    before = reporter.validate(small).inputs.divisioner
    _split(small)
    checked = reporter.validate(small)
    assert [p for p in checked.errors] == []
    after = checked.inputs.divisioner
    assert [(r.division, r.utfall) for r in after] == [(r.division, r.utfall) for r in before]
    assert len(checked.inputs.detalj["divisioner"]) == 3


def test_a_v2_column_in_a_v1_report_is_said_to_be_used_now(small):
    _split(small)
    problem = _found(small, "är ny i version 2 och används nu")
    assert (problem.where.sheet, problem.where.cell) == ("Divisioner", "B1")


def test_an_unsplit_row_beside_split_rows_is_a_check_total(small):
    _split(small)
    _append(small / "ekonomi.xlsx", "Divisioner", ["PV", None, 9, None, None])  # 9 mnkr, the split rows say 1,5
    checked = reporter.validate(small)
    problem = next(p for p in checked.warnings if "de uppdelade raderna används" in p.message)
    assert "9 000" in problem.message.replace("\u00a0", " ") and "1 500" in problem.message.replace("\u00a0", " ")
    assert next(r.utfall for r in checked.inputs.divisioner if r.division == "Primärvård") == 1500


def test_a_v2_sheet_is_not_read_by_a_v1_report(small):
    book = load_workbook(small / "ekonomi.xlsx")
    book.create_sheet("Handlingsplan").append(["Anteckningar"])  # v1 ignored any other sheet
    book.save(small / "ekonomi.xlsx")
    assert reporter.validate(small).problems == []


# --- key figures and the result bridge --------------------------------------------------------------------------


def test_an_unknown_key_figure_lists_the_known(division):
    book = load_workbook(division / "styrkort.xlsx")
    sheet = book["Styrmått"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 11).value)
    sheet.cell(row, 11, "vinst")
    book.save(division / "styrkort.xlsx")
    problem = _found(division, "förväntat ett av resultat, budgetavvikelse", errors_only=True)
    assert problem.where.cell == f"K{row}"


def test_a_typed_value_against_its_key_figure_is_a_warning(division):
    book = load_workbook(division / "styrkort.xlsx")
    sheet = book["Styrmått"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 11).value == "resultat")
    sheet.cell(row, 8, "31 mnkr")  # the seed's other figure
    book.save(division / "styrkort.xlsx")
    problem = _found(division, "nyckeltalet resultat är 2,2 mnkr")
    assert problem.where.cell == f"rad {row}" and not problem.is_error


def test_result_effects_that_do_not_add_up_to_the_unplanned_are_a_warning(division):
    set_cell(division / "ekonomi.xlsx", "Resultatpåverkan", "D2", 0)  # −25 mnkr of personnel costs taken out
    problem = _found(division, "Resultatpåverkan summerar till 41,0 mnkr för perioden")
    assert "oplanerade" in problem.message and "15,7 mnkr" in problem.message


# --- texts placed by their ## headings ---------------------------------------------------------------------------


def test_a_text_is_split_at_the_subsections_it_names():
    text = "Inledning.\n\n## Resultatutveckling\n\nOm resultatet.\n\n### Detaljer\n\nMer.\n\n## Eget avsnitt\n\nEget.\n\n## årsprognos\n\nPrognosen.\n"
    split = sections(parse_markdown(text), {"Resultatutveckling": "resultatutveckling", "Årsprognos": "arsprognos", "Investeringar": "investeringar"})
    assert [b.text for b in split.intro] == ["Inledning."]
    assert [b.text for b in split.parts["resultatutveckling"]] == ["Om resultatet.", "Detaljer", "Mer."]
    assert [b.text for b in split.parts["arsprognos"]] == ["Prognosen."]  # case ignored
    assert split.parts["investeringar"] == []
    assert [(h, [b.text for b in blocks]) for h, blocks in split.extra] == [("Eget avsnitt", ["Eget."])]
    heading = split.parts["resultatutveckling"][1]
    assert (heading.kind, heading.level) == ("heading", 2)  # ### under a subsection: one level below it


# --- scaffold and status on a division folder --------------------------------------------------------------------


@pytest.mark.slow  # scaffolds, fills and builds a division's folder (1.4 s CPU)
def test_a_scaffolded_division_folder_filled_by_a_script_validates_and_builds(tmp_path):
    folder = tmp_path / "inputs" / "2021-04" / "delarsrapporter" / "lansteknik"
    (tmp_path / "inputs" / "2021-04").mkdir(parents=True)
    shutil.copyfile(ROOT / "inputs" / "2021-03" / "rapport.yaml", tmp_path / "inputs" / "2021-04" / "rapport.yaml")
    _yaml(tmp_path / "inputs" / "2021-04", "period: 2021-03", "period: 2021-04")
    made = reporter.scaffold(folder, Month(2021, 4), "Länsteknik")
    names = sorted(p.relative_to(folder).as_posix() for p in made.written)
    assert "rapport.yaml" in names and "ekonomi.xlsx" in names and "texter/ekonomi.md" in names
    assert "delarsrapport" in (folder / "rapport.yaml").read_text(encoding="utf-8")
    assert reporter.validate(folder).errors, "a blank folder must not validate"
    _fill(folder)
    checked = reporter.validate(folder)
    assert [str(p) for p in checked.errors] == []
    assert checked.config.division_namn == "Länsteknik"
    from conftest import TEMPLATES

    built = reporter.build(folder, tmp_path / "out", TEMPLATES)
    assert sorted(p.name for p in built.files) == ["delarsrapport-lansteknik-2021-04.docx", "manifest.json"]


def _fill(folder: Path) -> None:
    """What a division types into its blank workbooks: a year and four months of figures."""
    _yaml(folder, 'galler_for: ""', "galler_for: Division Länsteknik")
    for key, value in (("dokument_id", "DOC-1"), ("version", '"1.0"'), ("publiceringsdatum", "2021-05-17"), ("ansvarig", "Ann"), ("upprattad_av", "Bo")):
        _yaml(folder, f'{key}: ""', f"{key}: {value}")
    months = [f"{y}-{m:02d}" for y in (2020, 2021) for m in range(1, 13)][:16]
    book = load_workbook(folder / "ekonomi.xlsx")
    divisioner = book["Divisioner"]
    for row in divisioner.iter_rows(min_row=2):
        for cell in row:
            cell.value = None
    divisioner.append(["Länsteknik", None, None, 4500, 500, 2100])
    costs = book["Kostnader"]
    for row in costs.iter_rows(min_row=2):
        for cell in row:
            cell.value = None
    for m in [f"2019-{i:02d}" for i in range(1, 13)] + months:
        costs.append(["Länsteknik", None, None, "Personalkostnader", m, 9000])
    book.save(folder / "ekonomi.xlsx")
    book = load_workbook(folder / "personal.xlsx")
    for title in ("Anställda", "Arbetad tid", "Sjukfrånvaro"):
        for row in book[title].iter_rows(min_row=2):
            for cell in row:
                cell.value = None
    for m in months:
        book["Anställda"].append(["Länsteknik", None, None, "Tekniker", "Tillsvidare", m, 120])
        book["Arbetad tid"].append(["Länsteknik", None, None, None, m, 110, 4, 1, 0])
        book["Sjukfrånvaro"].append(["Länsteknik", None, None, "Män", m, 500, 18000, 200, 150])
    book.save(folder / "personal.xlsx")
    book = load_workbook(folder / "produktion.xlsx")
    for title in book.sheetnames:
        if title in ("Produktion", "Tillgänglighet"):
            for row in book[title].iter_rows(min_row=2):
                for cell in row:
                    cell.value = None
    book.save(folder / "produktion.xlsx")
    book = load_workbook(folder / "styrkort.xlsx")
    book["Strategiska mål"].append(["Länsteknik", "Ekonomi", "Långsiktigt hållbar ekonomi", None, None, "Uppnått"])
    book["Styrmått"].append(["Länsteknik", "Ekonomi", "Långsiktigt hållbar ekonomi", "Ekonomi i balans", "Resultat", None, None, "≥ 0", None, "Uppnått"])
    book.save(folder / "styrkort.xlsx")
    for text in (folder / "texter").iterdir():
        text.write_text("## Annat\n\nEn riktig text.\n", encoding="utf-8")
