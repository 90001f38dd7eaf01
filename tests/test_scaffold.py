"""scaffold, status and validate's exit codes and JSON: the submission workflow."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from periods import write_other_period

import reporter
from reporter import scaffold
from reporter.cli import main
from reporter.errors import ReporterError
from reporter.model import Month
from reporter.schema import WORKBOOK_KINDS, Kind

PERIOD = Month(2022, 2)
FEBRUARY = dt.date(2022, 2, 1)


def _office(root: Path) -> Path:
    source = root / "mall" / "2022-02"
    write_other_period(source)
    folder = root / "inputs" / "2022-02"
    folder.mkdir(parents=True)
    (folder / "rapport.yaml").write_text((source / "rapport.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A period folder with the office's rapport.yaml and nothing else."""
    return _office(tmp_path)


@pytest.fixture(scope="module")
def _scaffolded(tmp_path_factory) -> tuple[Path, list[Path], list[Path]]:
    office = _office(tmp_path_factory.mktemp("tom"))
    made = scaffold(office, PERIOD)
    return office, made.written, made.kept


@pytest.fixture
def scaffolded(_scaffolded, tmp_path: Path) -> Path:
    """``scaffold(office, PERIOD)`` (made once per module), a copy a test may change."""
    folder = tmp_path / "inputs" / "2022-02"
    shutil.copytree(_scaffolded[0], folder)
    return folder


@pytest.fixture(scope="module")
def _scaffolded_and_filled(_scaffolded, tmp_path_factory) -> Path:
    office = tmp_path_factory.mktemp("ifylld") / "2022-02"
    shutil.copytree(_scaffolded[0], office)
    fill_everything(office)
    return office


@pytest.fixture
def filled_office(_scaffolded_and_filled: Path, tmp_path: Path) -> Path:
    """The office's period folder scaffolded and filled in (``fill_everything``), a copy a test may change."""
    folder = tmp_path / "inputs" / "2022-02"
    shutil.copytree(_scaffolded_and_filled, folder)
    return folder


def fill(path: Path, rows_by_sheet: dict[str, list[list[object]]], start: int = 2) -> None:
    """Write values into a scaffolded workbook: rows from ``start``, None keeps a cell."""
    book = load_workbook(path)
    for title, rows in rows_by_sheet.items():
        sheet = book[title]
        for offset, row in enumerate(rows):
            for column, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(start + offset, column, value)
    book.save(path)


def fill_everything(folder: Path) -> None:
    """What the analysts type into the blank workbooks, and the texts they write."""
    fill(folder / "ekonomi.xlsx", {
        "Region": [[None, v] for v in (12, 8, 4, -500, 508)],
        "Divisioner": [["Primärvård", 1.5], ["Specialistvård", -3]],
        "Kostnader": [["PV", "Läkemedel", FEBRUARY, 1000]],
    })
    fill(folder / "produktion.xlsx", {
        "Produktion": [["PV", "Läkarbesök", FEBRUARY, 1000]],
        "Tillgänglighet": [["Telefontillgänglighet", FEBRUARY, 0.9]],  # percent cells: Excel stores a typed 90 as 0.9
        "Beläggning": [["Centrallasarettet", FEBRUARY, 0.875]],
    })
    fill(folder / "personal.xlsx", {
        "Anställda": [["PV", "Läkare", "Tillsvidare", FEBRUARY, 104]],
        "Arbetad tid": [["PV", FEBRUARY, 110]],
        "Sjukfrånvaro": [["PV", "Kvinnor", FEBRUARY, 50, 1000]],
    })
    for text in (folder / "texter").iterdir():
        text.write_text("## Rubrik\n\nEn riktig text.\n", encoding="utf-8")


def test_scaffold_writes_the_contract(_scaffolded):
    office, written, kept = _scaffolded
    names = sorted(p.relative_to(office).as_posix() for p in written)
    assert names == [
        "ekonomi.xlsx", "personal.xlsx", "produktion.xlsx", "styrkort.xlsx",
        "texter/aktuella-handelser.md", "texter/ekonomirapport-divisioner.md", "texter/ekonomirapport-kostnader.md",
        "texter/ekonomirapport-resultat.md", "texter/inledning.md", "texter/maluppfyllelse-sammanfattning.md", "texter/namnderna.md",
        "texter/personalrapport-anstallda.md", "texter/personalrapport-arbetad-tid.md", "texter/personalrapport-sjukfranvaro.md",
        "texter/produktionsrapport-belaggning.md", "texter/produktionsrapport-divisioner.md", "texter/produktionsrapport-produktion.md",
        "texter/produktionsrapport-tillganglighet.md", "texter/verksamheten.md",
    ]
    assert kept == [office / "rapport.yaml"] or kept == []
    for kind in WORKBOOK_KINDS:
        book = load_workbook(office / f"{kind.name}.xlsx")
        version_1 = [s for s in kind.sheets if s.version == 1]  # a monthly report's blank workbooks: the v1 contract
        confirmations = ["Bekräftelser"] if kind.name != "styrkort" else []  # workbooks with monthly series: the optional confirmations
        assert book.sheetnames == ["Instruktioner", *(s.name for s in version_1), *confirmations, "Listor"]
        for spec in version_1:
            sheet = book[spec.name]
            assert [c.value for c in sheet[1]] == [c.header + (" (tkr)" if c.kind is Kind.AMOUNT else "") for c in spec.in_version(1)]
            formats = {c.column_letter: sheet.column_dimensions[c.column_letter].number_format for c in sheet[1]}
            for column, letter in zip(spec.in_version(1), formats, strict=False):
                expected = {Kind.SHARE: "0.0%", Kind.AMOUNT: "#,##0", Kind.MONTH: "yyyy-mm"}.get(column.kind)
                if expected:
                    assert formats[letter] == expected, (spec.name, column.header)
            assert sheet.freeze_panes == "A2"
            assert all(sheet.column_dimensions[c.column_letter].width >= 11 for c in sheet[1])
        instructions = [c.value for c in book["Instruktioner"]["A"]]
        assert all(f"Bladet {s.name}" in instructions for s in version_1)


def test_scaffold_lists_divisions_and_every_choice(_scaffolded):
    office = _scaffolded[0]
    book = load_workbook(office / "personal.xlsx")
    lists = {c.value: [x.value for x in col[1:] if x.value] for col in book["Listor"].iter_cols() for c in col[:1]}
    assert lists == {"Division": ["Primärvård", "Specialistvård"], "Anställningsform": ["Tillsvidare", "Vikarie/tillfällig"],
                     "Kön": ["Kvinnor", "Män"]}
    rules = {str(v.sqref): v.formula1 for v in book["Anställda"].data_validations.dataValidation}
    assert rules == {"A2:A2000": "Listor!$A$2:$A$3", "C2:C2000": "Listor!$B$2:$B$3"}
    book = load_workbook(office / "styrkort.xlsx")
    headers = [c.value for c in book["Listor"][1]]
    assert headers == ["Perspektiv", "Bedömning", "Bedömning helår", "Kön (K/M)", "Måluppfyllelse", "Utveckling"]
    for name, title in (("styrkort.xlsx", "Styrmått"), ("personal.xlsx", "Anställda"), ("personal.xlsx", "Sjukfrånvaro")):
        for rule in load_workbook(office / name)[title].data_validations.dataValidation:
            # Excel and Calc refuse a value that is not in the list only with both of these.
            assert (rule.errorStyle, rule.showErrorMessage) == ("stop", True), (title, str(rule.sqref))


def test_the_first_scaffold_of_a_period_lists_the_divisions_of_the_copied_rapport_yaml(office, tmp_path):
    new = office.parent / "2022-03"
    made = scaffold(new, Month(2022, 3))
    assert new / "rapport.yaml" in made.written
    book = load_workbook(new / "ekonomi.xlsx")
    assert [c.value for c in book["Listor"]["A"]] == ["Division", "Primärvård", "Specialistvård"]


def test_a_scaffolded_period_filled_in_validates(scaffolded):
    office = scaffolded
    blank = reporter.validate(office)
    assert blank.errors, "blank workbooks must not validate"
    fill_everything(office)
    checked = reporter.validate(office)
    # Only the new month typed in: the completeness gate (issue 23) names each series without its history, and nothing else.
    assert checked.errors and [str(p) for p in checked.problems if not _gate(p)] == []
    assert "ekonomi.xlsx, blad Kostnader: Primärvård saknar 2021-01–2022-01" in [str(p) for p in checked.errors]


def _gate(problem) -> bool:
    """A finding of the completeness gate: a series without a month, a division without rows."""
    return " saknar 20" in problem.message or " har inga rader" in problem.message


def test_a_division_workbook_has_the_division_filled_in(filled_office):
    office = filled_office
    made = scaffold(office, PERIOD, division="spv")
    assert sorted(p.name for p in made.written) == [
        "ekonomi-specialistvard.xlsx", "personal-specialistvard.xlsx", "produktion-specialistvard.xlsx"
    ]
    book = load_workbook(office / "personal-specialistvard.xlsx")
    assert book.sheetnames == ["Instruktioner", "Anställda", "Arbetad tid", "Sjukfrånvaro", "Bekräftelser", "Listor"]
    rows = [[c.value for c in row] for row in book["Sjukfrånvaro"].iter_rows(min_row=2)]
    rows = [row for row in rows if any(value is not None for value in row)]  # below them: formatted, empty cells
    assert rows == [["Specialistvård", "Kvinnor", dt.datetime(2022, 2, 1), None, None],
                    ["Specialistvård", "Män", dt.datetime(2022, 2, 1), None, None]]

    checked = reporter.validate(office)
    unfilled = [str(p) for p in checked.errors]
    assert "personal-specialistvard.xlsx, blad Sjukfrånvaro, cell D2: Sjukfrånvarotimmar: cellen är tom men ska ha ett värde; " \
           "fyll i den (0 om det inte finns något att rapportera) eller ta bort raden" in unfilled
    assert all(p.division == "Specialistvård" for p in checked.errors if not _gate(p))

    fill(office / "ekonomi-specialistvard.xlsx", {"Divisioner": [[None, -3]], "Kostnader": [[None, None, None, 10]] * 8})
    fill(office / "produktion-specialistvard.xlsx", {"Produktion": [[None, None, None, 5]] * 5})
    fill(office / "personal-specialistvard.xlsx", {
        "Anställda": [[None, "Sjuksköterskor", None, None, 20]] * 2,
        "Arbetad tid": [[None, None, 30]],
        "Sjukfrånvaro": [[None, None, None, 4, 100]] * 2,
    })
    checked = reporter.validate(office)
    # The office's file already has Specialistvård's result: the division file repeats it, and that is named.
    assert [str(p) for p in checked.errors if not _gate(p)] == [
        "ekonomi.xlsx, blad Divisioner, rad 3: samma post finns två gånger (division=Specialistvård) (även ekonomi-specialistvard.xlsx, blad Divisioner, rad 2)"
    ]


def test_scaffold_never_overwrites(office):
    scaffold(office, PERIOD)
    (office / "ekonomi.xlsx").write_bytes(b"mina siffror")
    made = scaffold(office, PERIOD)
    assert made.written == []
    assert (office / "ekonomi.xlsx").read_bytes() == b"mina siffror"
    assert office / "ekonomi.xlsx" in made.kept


def test_scaffold_of_a_new_period_starts_from_the_previous_rapport_yaml(office):
    later = office.parent / "2022-03"
    scaffold(later, Month(2022, 3))
    text = (later / "rapport.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Kopierad av reporter scaffold från 2022-02/rapport.yaml")
    assert "period: 2022-03" in text and "Specialistvård" in text
    checked = reporter.validate(later)
    assert [str(p) for p in checked.errors if "rapport.yaml" in p.where.file] == [
        "2022-03/rapport.yaml, nyckel dokument.publiceringsdatum: får inte vara tom"
    ]


def test_scaffold_without_rapport_yaml_writes_one_to_fill_in(tmp_path):
    folder = tmp_path / "ny" / "2022-02"
    scaffold(folder, PERIOD, division="Primärvård")
    checked = reporter.validate(folder)
    keys = [p.where.key for p in checked.errors if p.where.key]
    assert "organisation.namn" in keys and "dokument.dokument_id" in keys
    assert "Primärvård" in (folder / "rapport.yaml").read_text(encoding="utf-8")
    assert (folder / "ekonomi-primarvard.xlsx").is_file()


def test_scaffold_of_an_unknown_division_suggests_the_closest(office):
    with pytest.raises(ReporterError) as caught:
        scaffold(office, PERIOD, division="Specialistvårdd")
    assert "menade du 'Specialistvård'?" in str(caught.value)


def test_scaffold_refuses_a_rapport_yaml_of_another_period(office):
    with pytest.raises(ReporterError, match="rapport.yaml gäller perioden 2022-02, inte 2022-05"):
        scaffold(office, Month(2022, 5))


# --- the command line ----------------------------------------------------------------------------


def test_cli_scaffold_and_bad_period(office):
    runner = CliRunner()
    result = runner.invoke(main, ["scaffold", str(office), "--period", "2022-02"])
    assert result.exit_code == 0, result.output
    assert f"Skrev {office / 'ekonomi.xlsx'}" in result.output
    assert f"Finns redan, orörd: {office / 'rapport.yaml'}" in result.output
    result = runner.invoke(main, ["scaffold", str(office), "--period", "februari"])
    assert result.exit_code == 1
    assert "--period 'februari' är ingen månad; skriv t.ex. 2021-04" in result.output


def test_cli_validate_exit_codes(tmp_path):
    runner = CliRunner()
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    assert runner.invoke(main, ["validate", str(folder)]).exit_code == 0
    (folder / "personal.xlsx").write_text("trasig")
    assert runner.invoke(main, ["validate", str(folder)]).exit_code == 1
    (folder / "rapport.yaml").write_text("period: [", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(folder)])
    assert result.exit_code == 2
    assert "YAML-fel" in result.output
    assert runner.invoke(main, ["validate", str(tmp_path / "finns-inte")]).exit_code == 2


def test_cli_validate_json(tmp_path):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    from helpers import set_cell

    set_cell(folder / "ekonomi.xlsx", "Divisioner", "A3", "Specialistvårdd")
    set_cell(folder / "personal.xlsx", "Anställda", "F1", "Kommentar")
    result = CliRunner().invoke(main, ["validate", "--json", str(folder)])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert findings["kan_byggas"] is False and findings["fel"] == 1 and findings["varningar"] == 1
    assert findings["problem"][0] == {
        "allvarlighet": "fel",
        "meddelande": "Division: 'Specialistvårdd' finns inte i rapport.yaml; menade du 'Specialistvård'? "
                      "kända divisioner: Primärvård, Specialistvård",
        "fil": "ekonomi.xlsx",
        "blad": "Divisioner",
        "cell": "A3",
        "division": "Specialistvårdd",
    }
    assert findings["problem"][1]["allvarlighet"] == "varning"


def test_cli_status_table(filled_office):
    office = filled_office
    scaffold(office, PERIOD, division="Specialistvård")
    result = CliRunner().invoke(main, ["status", str(office)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"Period 2022-02 ({office})"
    table = [line.split("  ") for line in lines[2:7]]
    cells = [[c.strip() for c in row if c.strip()] for row in table]
    assert cells[0] == ["Division", "ekonomi", "produktion", "personal"]
    assert cells[2] == ["Primärvård", "ekonomi.xlsx", "produktion.xlsx", "personal.xlsx"]
    assert cells[3] == ["Specialistvård", "ogiltig (9 fel)", "ogiltig (5 fel)", "ogiltig (9 fel)"]
    assert cells[4] == ["Hela regionen", "ekonomi.xlsx", "ogiltig (2 fel)", "–"]  # one month typed in: no history (issue 23)
    assert "Texter: inledning.md finns, aktuella-handelser.md finns, verksamheten.md finns, namnderna.md finns" in result.output
    assert "Perioden kan inte byggas: 25 fel." in result.output
    assert "  Specialistvård\n    ekonomi-specialistvard.xlsx, blad Divisioner, cell B2: Utfall: cellen är tom" in result.output
    assert "    produktion.xlsx, blad Beläggning: Centrallasarettet saknar 2021-02–2022-01\n" in result.output
    assert "Perioden kan byggas" not in result.output


def test_status_counts_missing_and_submitted(tmp_path):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    state = reporter.status(folder)
    rows = {owner: {k: str(v) for k, v in cells.items()} for owner, cells in state.rows}
    assert rows["Primärvård"] == {"ekonomi": "ekonomi-kostnader.xlsx, ekonomi.xlsx", "produktion": "produktion.xlsx", "personal": "personal.xlsx"}
    assert rows["Specialistvård"] == {"ekonomi": "ekonomi.xlsx, ekonomi_spv.xlsx", "produktion": "inga rader", "personal": "personal.xlsx, personal_spv.xlsx"}
    assert state.texts == {"inledning.md": "saknas", "aktuella-handelser.md": "saknas", "verksamheten.md": "saknas", "namnderna.md": "saknas"}
    assert state.buildable


def test_status_names_unknown_divisions_and_unreadable_division_files(tmp_path):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    from helpers import set_cell

    set_cell(folder / "ekonomi.xlsx", "Divisioner", "A3", "Specialistvårdd")
    (folder / "produktion-specialistvard.xls").write_bytes(b"gammal")
    state = reporter.status(folder)
    rows = {owner: {k: str(v) for k, v in cells.items()} for owner, cells in state.rows}
    assert rows["Specialistvård"]["produktion"] == "ogiltig (1 fel)"
    assert rows["Primärvård"]["ekonomi"] == "ekonomi-kostnader.xlsx, ekonomi.xlsx"  # the unknown row is not Primärvård's
    assert state.unknown == [("Specialistvårdd", "ekonomi.xlsx", 1)]
    assert state.errors == 2 and not state.buildable
