"""scaffold, status and validate's exit codes and JSON: the submission workflow."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import bundled_checked
from helpers import dump_docx, needs_soffice
from openpyxl import load_workbook
from periods import write_other_period

import reporter
from reporter import scaffold
from reporter.carry import MARK, MARK_NAME
from reporter.cli import main
from reporter.commands.scaffold import scaffold_report
from reporter.errors import ReporterError
from reporter.model import Month
from reporter.schema import WORKBOOK_KINDS, Kind
from reporter.values import parse_month
from reporter.workbook import FormulaWithoutValue, SheetOut, Table, read_tables, write_sheets, write_workbook
from reporter.workbook.rowsxml import Formula

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


@pytest.mark.slow  # scaffolds a period and reads or validates it, 0.2 s CPU
def test_the_first_scaffold_of_a_period_lists_the_divisions_of_the_copied_rapport_yaml(office, tmp_path):
    new = office.parent / "2022-03"
    made = scaffold(new, Month(2022, 3))
    assert new / "rapport.yaml" in made.written
    book = load_workbook(new / "ekonomi.xlsx")
    assert [c.value for c in book["Listor"]["A"]] == ["Division", "Primärvård", "Specialistvård"]


@pytest.mark.slow  # scaffolds a period and reads or validates it, 0.4 s CPU
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


@pytest.mark.slow  # scaffolds a period and reads or validates it, 0.5 s CPU
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
        "ekonomi.xlsx, blad Divisioner, rad 3: samma post finns två gånger (Division: Specialistvård) "
        "(även ekonomi-specialistvard.xlsx, blad Divisioner, rad 2)"
    ]


@pytest.mark.slow  # scaffolds a period twice, 0.2 s CPU
def test_scaffold_never_overwrites(office):
    scaffold(office, PERIOD)
    (office / "ekonomi.xlsx").write_bytes(b"mina siffror")
    made = scaffold(office, PERIOD)
    assert made.written == []
    assert (office / "ekonomi.xlsx").read_bytes() == b"mina siffror"
    assert office / "ekonomi.xlsx" in made.kept


@pytest.mark.slow  # scaffolds a period and reads or validates it, 0.3 s CPU
def test_scaffold_of_a_new_period_starts_from_the_previous_rapport_yaml(office):
    later = office.parent / "2022-03"
    scaffold(later, Month(2022, 3))
    text = (later / "rapport.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Kopierad av reporter scaffold från 2022-02/rapport.yaml")
    assert "period: 2022-03" in text and "Specialistvård" in text
    checked = reporter.validate(later)
    assert [str(p) for p in checked.errors if "rapport.yaml" in p.where.file] == [
        "2022-03/rapport.yaml, nyckel dokument.version: får inte vara tom",
        "2022-03/rapport.yaml, nyckel dokument.publiceringsdatum: får inte vara tom",
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


@pytest.mark.slow  # scaffolds a period through the command line, 0.2 s CPU
def test_cli_scaffold_and_bad_period(office):
    runner = CliRunner()
    result = runner.invoke(main, ["scaffold", str(office), "--period", "2022-02"])
    assert result.exit_code == 0, result.output
    assert f"Skrev {office / 'ekonomi.xlsx'}" in result.output
    assert f"Finns redan, orörd: {office / 'rapport.yaml'}" in result.output
    result = runner.invoke(main, ["scaffold", str(office), "--period", "februari"])
    assert result.exit_code == 2  # a usage error, as click's own
    assert "'--period': 'februari' är ingen månad; skriv t.ex. 2021-04" in result.output


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


@pytest.mark.slow  # scaffolds, fills and validates a period for the status table, 0.2 s CPU
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


@pytest.mark.slow  # validates a scaffolded period for the status table, 0.2 s CPU
def test_cli_status_shows_each_division_its_first_errors_and_how_many_more(filled_office):
    """Every group gets its first errors under its heading; no heading is left without one after a cap."""
    office = filled_office
    scaffold(office, PERIOD, division="Specialistvård")
    lines = CliRunner().invoke(main, ["status", str(office)]).output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Perioden kan inte byggas"))
    groups: list[list[str]] = []
    for line in lines[start + 1:-1]:
        if line.startswith("    "):
            groups[-1].append(line)
        else:
            groups.append([line])
    assert len(groups) > 1
    assert all(len(group) > 1 for group in groups), groups  # a heading always has an error under it
    assert all(len([line for line in group if "fel till" not in line]) <= 6 for group in groups)
    specialistvard = next(group for group in groups if group[0] == "  Specialistvård")
    assert specialistvard[-1] == "    … och 18 fel till."  # 23 errors: 5 shown
    assert lines[-1].startswith("Kör reporter validate")


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


# --- carrying a period forward (issue 23) ----------------------------------------------------------------------------

MARCH, APRIL = Month(2021, 3), Month(2021, 4)
EXAMPLE = Path(__file__).resolve().parent.parent / "inputs"
SKRIVARE = Path(__file__).resolve().parent / "corpus" / "skrivare"


def _tables(folder: Path) -> dict[tuple[str, str], Table]:
    """Every contract sheet of every workbook of a folder, as the reader gives it."""
    found = {}
    for kind in WORKBOOK_KINDS:
        for path in sorted(folder.glob(f"{kind.name}*.xlsx")):
            for name, table in read_tables(path, [s.name for s in kind.sheets]).items():
                found[(path.name, name)] = table
    return found


def _cells(table: Table, number: int, values: list) -> list:
    """A row as the reader gives it: each cell's value and the number format that shows it otherwise (percent)."""
    return [None if c is None else (c.value, c.number_format.code if c.number_format else None) for c in table.cells(number, values)]


def _month_at(table: Table) -> int | None:
    return next((i for i, c in enumerate(table.header) if c is not None and str(c.value).startswith("Månad")), None)


def _marked_rows(path: Path, sheet: str) -> list[int]:
    book = load_workbook(path)
    return [row[0].row for row in book[sheet].iter_rows(min_row=2) if str(row[0].fill.fgColor.rgb).endswith(MARK)]


@pytest.fixture(scope="module")
def carried_april(tmp_path_factory) -> tuple[Path, Path, object]:
    """inputs/2021-03 copied beside a new inputs/2021-04, scaffolded from it (once per module): read only."""
    root = tmp_path_factory.mktemp("cykel") / "inputs"
    shutil.copytree(EXAMPLE / "2021-03", root / "2021-03")
    made = scaffold(root / "2021-04", APRIL)
    return root / "2021-03", root / "2021-04", made


def _assert_carried(previous: Path, new: Path, period: Month, since: Month) -> int:
    """Every row of the previous period within the window is in the new workbook, cell by cell; returns the prepared rows found."""
    old_tables, new_tables = _tables(previous), _tables(new)
    assert old_tables.keys() <= new_tables.keys()  # a kind the previous period lacked is written blank
    prepared = 0
    for where, old in old_tables.items():
        table = new_tables[where]
        assert [c.value if c else None for c in table.header] == [c.value if c else None for c in old.header], where  # units too
        at = _month_at(old)
        if at is None:
            continue  # a snapshot sheet: its own test
        kept = [_cells(old, n, v) for n, v in old.rows if parse_month(v[at]) >= period.plus(-35)]
        rows = [_cells(table, n, v) for n, v in table.rows]
        assert rows[: len(kept)] == kept, where
        new_rows = rows[len(kept):]
        series = {tuple(c for i, c in enumerate(r) if i != at and c is not None and isinstance(c[0], str)) for r in kept if parse_month(r[at][0]) == since}
        assert len(new_rows) == len(series) * (period.year * 12 + period.month - since.year * 12 - since.month), where
        for row in new_rows:
            assert parse_month(row[at][0]) > since
            keys = tuple(c for i, c in enumerate(row) if i != at and c is not None)
            assert keys in series, (where, row)  # keys filled, every value empty
        prepared += len(new_rows)
    return prepared


@pytest.mark.slow  # reads every cell of March and the carried April, 0.4 s CPU
def test_a_carried_period_holds_every_row_of_the_previous_cell_by_cell_and_one_prepared_row_per_series(carried_april):
    previous, new, made = carried_april
    prepared = _assert_carried(previous, new, APRIL, MARCH)
    assert prepared == sum(c.prepared for c in made.carried) == 58 + 35 + 118
    assert sorted(c.path.name for c in made.carried) == ["ekonomi.xlsx", "personal.xlsx", "produktion.xlsx", "styrkort.xlsx"]
    economy = next(c for c in made.carried if c.path.name == "ekonomi.xlsx")
    assert (economy.first, economy.last, economy.dropped) == (Month(2018, 5), APRIL, 58)  # 36 months kept, April 2018 left out
    # The prepared rows are marked, and the Instruktioner sheet says what the mark means.
    assert len(_marked_rows(new / "ekonomi.xlsx", "Kostnader")) == 58
    instructions = " ".join(str(c.value) for row in load_workbook(new / "ekonomi.xlsx")["Instruktioner"].iter_rows() for c in row if c.value)
    assert f"Rader med {MARK_NAME} bakgrund ska fyllas i" in instructions


def test_snapshot_sheets_keep_their_keys_and_comments_and_lose_their_values(carried_april):
    previous, new, _ = carried_april
    old = read_tables(previous / "styrkort.xlsx", ["Strategiska mål", "Styrmått"])
    carried = read_tables(new / "styrkort.xlsx", ["Strategiska mål", "Styrmått"])
    for name in old:
        header = [c.value for c in old[name].header]
        emptied = {header.index(h) for h in ("Bedömning", "Bedömning helår", "Utfall", "Måluppfyllelse", "Utveckling") if h in header}
        kept_rows = [[v if i not in emptied else "" for i, v in enumerate(values)] for _, values in old[name].rows]
        assert [[v for v in values] + [""] * (len(header) - len(values)) for _, values in carried[name].rows] == [
            r + [""] * (len(header) - len(r)) for r in kept_rows
        ]
        if name == "Strategiska mål":
            assert any(header[i] == "Kommentar" and v for r in kept_rows for i, v in enumerate(r))  # March's comments are there
    region = read_tables(new / "ekonomi.xlsx", ["Region"])["Region"]
    assert [values[0] for _, values in region.rows] == [values[0] for _, values in read_tables(previous / "ekonomi.xlsx", ["Region"])["Region"].rows]
    assert all(v == "" for _, values in region.rows for v in values[1:])
    assert len(_marked_rows(new / "styrkort.xlsx", "Styrmått")) == len(carried["Styrmått"].rows)


def test_a_carried_period_says_what_is_left_to_fill_in(carried_april):
    _, new, made = carried_april
    assert made.to_fill == ["dokument.version", "dokument.publiceringsdatum"]
    assert made.appendices == [("Uppföljning Vårdval primärvård mars 2021", "bilagor/vardval.pdf")]
    assert not (new / "bilagor").exists()  # last month's appendix is not copied
    assert sorted(p.name for p in made.drafts) == sorted(p.name for p in (EXAMPLE / "2021-03" / "texter").glob("*.md"))
    lines = scaffold_report(made, new)
    assert "  ekonomi.xlsx: 58 rader för den nya månaden, 15 rader med tömda värden" in lines
    assert "  texter/inledning.md: skriv om eller bekräfta utkastet, ta sedan bort första raden" in lines
    assert "  bilagor/vardval.pdf: ny fil för bilagan 'Uppföljning Vårdval primärvård mars 2021' (förra periodens följer inte med); kontrollera titeln" in lines
    text = (new / "rapport.yaml").read_text(encoding="utf-8")
    assert "period: 2021-04" in text and 'version: ""' in text and 'publiceringsdatum: ""' in text


def test_a_text_carried_as_a_draft_is_an_error_until_it_is_rewritten(carried_april, tmp_path):
    _, new, _ = carried_april
    folder = tmp_path / "2021-04"
    shutil.copytree(new, folder)
    drafts = [p for p in reporter.validate(folder).errors if "utkast" in p.message]
    assert {(p.where.file, p.where.cell) for p in drafts} == {(f"texter/{p.name}", "rad 1") for p in (folder / "texter").glob("*.md") if p.stat().st_size}
    assert "utkast från 2021-03" in drafts[0].message
    text = folder / "texter" / "inledning.md"
    text.write_text(text.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # confirmed: the mark line taken out
    assert "texter/inledning.md" not in {p.where.file for p in reporter.validate(folder).errors if "utkast" in p.message}


def test_an_existing_file_is_never_replaced_by_a_carried_one(tmp_path):
    root = tmp_path / "inputs"
    shutil.copytree(EXAMPLE / "2021-03", root / "2021-03")
    new = root / "2021-04"
    (new / "texter").mkdir(parents=True)
    (new / "ekonomi.xlsx").write_bytes(b"inte en arbetsbok")
    (new / "texter" / "inledning.md").write_text("Aprils egen text.\n", encoding="utf-8")
    made = scaffold(new, APRIL)
    assert (new / "ekonomi.xlsx").read_bytes() == b"inte en arbetsbok"
    assert (new / "texter" / "inledning.md").read_text(encoding="utf-8") == "Aprils egen text.\n"
    assert {new / "ekonomi.xlsx", new / "texter" / "inledning.md"} <= set(made.kept)
    assert "ekonomi.xlsx" not in {c.path.name for c in made.carried}
    again = scaffold(new, APRIL)
    assert again.written == [] and not again.carried


def test_scaffold_from_a_named_previous_period_and_for_a_division(tmp_path):
    source = tmp_path / "arkiv" / "mars"
    shutil.copytree(EXAMPLE / "2021-03", source)
    new = tmp_path / "inputs" / "2021-04"
    with pytest.raises(ReporterError, match="--från"):
        scaffold(new, APRIL, source=tmp_path / "finns-inte")
    made = scaffold(new, APRIL, division="LSV", source=source)
    names = sorted(c.path.name for c in made.carried)
    assert names == ["ekonomi-lanssjukvard.xlsx", "personal-lanssjukvard.xlsx", "produktion-lanssjukvard.xlsx"]
    costs = read_tables(new / "ekonomi-lanssjukvard.xlsx", ["Kostnader"])["Kostnader"]
    march = read_tables(source / "ekonomi.xlsx", ["Kostnader"])["Kostnader"]
    mine = [v for _, v in march.rows if v[0] == "Länssjukvård" and parse_month(v[2]) >= Month(2018, 5)]
    assert [v for _, v in costs.rows][: len(mine)] == mine
    assert {v[0] for _, v in costs.rows} == {"Länssjukvård"}
    assert [tuple((v + [""] * 4)[1:4]) for _, v in costs.rows][len(mine):] == [(t, "2021-04", "") for t in dict.fromkeys(v[1] for v in mine)]


@pytest.mark.slow  # carries a division folder and validates it, 0.2 s CPU
def test_a_division_interim_report_folder_is_carried_with_a_row_for_each_month_since(tmp_path):
    previous = EXAMPLE / "2021-04-ovriga-lanet"
    new = tmp_path / "2021-08-ovriga-lanet"
    made = scaffold(new, Month(2021, 8), rapport="delarsrapport", source=previous)
    assert {c.path.name for c in made.carried} == {p.name for p in previous.glob("*.xlsx")}
    _assert_carried(previous, new, Month(2021, 8), APRIL)  # May, June, July and August for each series
    text = (new / "rapport.yaml").read_text(encoding="utf-8")
    assert "rapport: delarsrapport" in text and "period: 2021-08" in text
    assert sorted(p.name for p in made.drafts) == sorted(p.name for p in (previous / "texter").glob("*.md") if p.read_text(encoding="utf-8").strip())
    handlingsplan = read_tables(new / "ekonomi.xlsx", ["Handlingsplan"])["Handlingsplan"]
    assert all(values[4:] == [""] * len(values[4:]) or not any(values[4:]) for _, values in handlingsplan.rows)


def test_a_period_libreoffice_saved_is_carried_as_it_reads(tmp_path):
    """The previous period's workbooks as LibreOffice Calc re-saved them (tests/corpus/skrivare/libreoffice)."""
    previous = tmp_path / "inputs" / "2022-02"
    write_other_period(previous)
    for name in ("ekonomi.xlsx", "personal.xlsx", "produktion.xlsx"):
        shutil.copyfile(SKRIVARE / "libreoffice" / name, previous / name)
    new = tmp_path / "inputs" / "2022-03"
    made = scaffold(new, Month(2022, 3))
    assert _assert_carried(previous, new, Month(2022, 3), PERIOD) == sum(c.prepared for c in made.carried) > 0
    shares = read_tables(new / "produktion.xlsx", ["Tillgänglighet"])["Tillgänglighet"]
    assert any(c is not None and c.percent for n, v in shares.rows for c in shares.cells(n, v))  # the percent format kept


@pytest.mark.slow  # reads every cell of the March and April workbooks, 0.3 s CPU
def test_the_bundled_second_month_is_march_carried_and_filled_only_in_the_prepared_cells():
    """inputs/2021-04 (tools/make_example_next_month.py): March's rows unchanged, April's values close to their series."""
    march, april = _tables(EXAMPLE / "2021-03"), _tables(EXAMPLE / "2021-04")
    for where, old in march.items():
        new = april[where]
        at = _month_at(old)
        if at is None:
            assert [v[0] for _, v in new.rows] == [v[0] for _, v in old.rows]
            continue
        kept = [_cells(old, n, v) for n, v in old.rows if parse_month(v[at]) >= Month(2018, 5)]
        rows = [_cells(new, n, v) for n, v in new.rows]
        assert rows[: len(kept)] == kept, where
        by_series: dict[tuple, dict[Month, list]] = {}
        for row in rows:
            key = tuple(c for i, c in enumerate(row) if i != at and c is not None and isinstance(c[0], str))
            by_series.setdefault(key, {})[parse_month(row[at][0])] = row
        for row in rows[len(kept):]:
            assert parse_month(row[at][0]) == APRIL
            key = tuple(c for i, c in enumerate(row) if i != at and c is not None and isinstance(c[0], str))
            series = by_series[key]
            for index, cell in enumerate(row):
                if cell is None or isinstance(cell[0], str) or index == at:
                    continue
                value = float(cell[0])
                history = [float(series[m][index][0]) for m in (APRIL.plus(-k) for k in range(1, 13)) if m in series and series[m][index]]
                median = sorted(history)[len(history) // 2]
                for other in (median, float(series[APRIL.year_before][index][0])):
                    assert other / 3 <= value <= other * 3 or value == other, (where, row)
    assert bundled_checked("2021-04").problems == []  # reporter.validate(EXAMPLE / "2021-04"), shared


def test_the_bundled_second_month_builds_a_report_for_april(second_month_package):
    names = sorted(p.name for p in second_month_package.iterdir())
    assert "regiondirektorens-rapport-2021-04.docx" in names
    assert "bilaga-5-uppfoljning-vardval-primarvard-april-2021.pdf" in names
    text = dump_docx(second_month_package / "regiondirektorens-rapport-2021-04.docx")
    assert "april 2021" in text and "mars 2021" not in text
    assert "Här är min rapport till regionstyrelsen för april" in text
    appendix = (second_month_package / "bilaga-5-uppfoljning-vardval-primarvard-april-2021.pdf").read_bytes()
    assert appendix != (EXAMPLE / "2021-03" / "bilagor" / "vardval.pdf").read_bytes()


def test_a_division_scaffolded_after_the_whole_period_gets_no_second_copy_of_its_rows(carried_april, tmp_path):
    _, new, _ = carried_april
    folder = tmp_path / "inputs" / "2021-04"
    shutil.copytree(new, folder)
    shutil.copytree(EXAMPLE / "2021-03", tmp_path / "inputs" / "2021-03")
    made = scaffold(folder, APRIL, division="Länssjukvård")
    assert not any(p.name.endswith("-lanssjukvard.xlsx") for p in made.written)
    assert "Länssjukvårds rader finns redan i ekonomi.xlsx; ekonomi-lanssjukvard.xlsx skrevs inte (samma rader två gånger är ett fel)" in made.notes


def test_a_division_folder_inside_delarsrapporter_is_carried_from_the_previous_tertial_report(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(EXAMPLE / "2020-09" / "delarsrapporter" / "service", inputs / "2020-09" / "delarsrapporter" / "service")
    (inputs / "2020-09" / "rapport.yaml").write_text((EXAMPLE / "2020-09" / "rapport.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    new = inputs / "2020-12" / "delarsrapporter" / "service"
    made = scaffold(new, Month(2020, 12))
    assert made.previous == (inputs / "2020-09" / "delarsrapporter" / "service").resolve()
    assert made.carried and all(c.prepared for c in made.carried if c.path.name != "styrkort.xlsx")


def test_the_scaffold_command_prints_what_it_carried_and_what_is_left(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE / "2021-03", tmp_path / "inputs" / "2021-03")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["scaffold", "inputs/2021-04", "--period", "2021-04"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Förde över inputs/2021-04/personal.xlsx från personal.xlsx: 4153 rader, 2018-05–2021-04; 117 rader före 2018-05 togs inte med" in lines
    assert "  personal.xlsx: 118 rader för den nya månaden" in lines
    assert "  rapport.yaml: dokument.version" in lines
    assert lines[-1] == "Fyll i filerna och kontrollera dem med: reporter validate inputs/2021-04"


def test_bulk_rows_read_back_as_written_by_both_readers(tmp_path):
    """The rows a carried sheet writes as XML directly (rowsxml): each kind of value, read back by calamine and by the exact reader."""
    rows = [
        ["Text", "Tal", "Månad", "Andel"],
        [" inledande blanksteg", 105, dt.datetime(2021, 4, 1), 0.875],
        ["A & B <c> \"d\"", 105.5, "2021-04", None],
        ["rad\x01med styrtecken", -0.1, 202104, 1.0],
        ["#DIV/0!", True, dt.date(2020, 2, 29), 12345678901234.0],
        ["Sjukfrånvaro – Kvinnor", 0, None, 0.5],
        ["=> en text, ingen formel", Formula("SUM(B2:B3)")],
    ]
    formats = {(2, 3): "yyyy-mm", (5, 3): "yyyy-mm-dd", (2, 4): "0.0%", (4, 4): "0%"}
    path = tmp_path / "bulk.xlsx"
    write_sheets(path, [SheetOut("Blad", rows, cell_formats=formats, marked=[6], mark=MARK, bulk=True)])
    for exact in (False, True):
        table = read_tables(path, ["Blad"], exact=exact)["Blad"]
        read = [[c and c.value for c in table.cells(n, v)] for n, v in table.rows]
        assert read[0] == [" inledande blanksteg", 105, dt.date(2021, 4, 1), 0.875]
        assert read[1] == ['A & B <c> "d"', 105.5, "2021-04"]
        assert read[2] == ["rad\x01med styrtecken", -0.1, 202104, 1]
        assert read[3][:2] == ["#DIV/0!", True] and read[3][2:] == [dt.date(2020, 2, 29), 12345678901234]
        assert read[5] == ["=> en text, ingen formel", FormulaWithoutValue("=SUM(B2:B3)")]  # never calculated: validate says so
        assert table.cells(*table.rows[0])[3].percent and table.cells(*table.rows[2])[3].percent
    assert _marked_rows(path, "Blad") == [6]
    book = load_workbook(path)
    assert book["Blad"]["B5"].value is True and book["Blad"]["A2"].value == " inledande blanksteg"


@needs_soffice
def test_a_carried_workbook_opened_and_saved_in_libreoffice_reads_the_same(carried_april, tmp_path):
    """The carried workbooks (rows written by rowsxml) as LibreOffice Calc opens and saves them: the same rows, formats and marks."""
    import subprocess

    from reporter.pdf import find_soffice

    _, new, _ = carried_april
    names = ["ekonomi.xlsx", "produktion.xlsx", "personal.xlsx", "styrkort.xlsx"]
    command = [
        str(find_soffice()), f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless", "--norestore",
        "--convert-to", "xlsx", "--outdir", str(tmp_path / "ut"), *(str(new / name) for name in names),
    ]
    subprocess.run(command, check=True, timeout=300, capture_output=True)

    def rounded(cells: list) -> list:  # LibreOffice keeps 15 significant digits: 0.8270000000000001 is saved as 0.827
        return [c if c is None or not isinstance(c[0], float) else (float(f"{c[0]:.15g}"), c[1]) for c in cells]

    for name in names:
        kind = next(k for k in WORKBOOK_KINDS if name.startswith(k.name))
        ours = read_tables(new / name, [s.name for s in kind.sheets])
        theirs = read_tables(tmp_path / "ut" / name, [s.name for s in kind.sheets])
        assert ours.keys() == theirs.keys()
        for sheet, table in ours.items():
            again = theirs[sheet]
            assert [rounded(_cells(table, n, v)) for n, v in table.rows] == [rounded(_cells(again, n, v)) for n, v in again.rows], (name, sheet)
            assert _marked_rows(tmp_path / "ut" / name, sheet) == _marked_rows(new / name, sheet)


def test_scaffolding_the_same_period_twice_writes_the_same_bytes(carried_april, tmp_path):
    previous, new, _ = carried_april
    again = tmp_path / "2021-04"
    scaffold(again, APRIL, source=previous)
    for path in sorted(new.glob("*.xlsx")):
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_previous_text_that_is_not_utf8_is_named_not_carried(tmp_path):
    previous = tmp_path / "inputs" / "2021-03"
    shutil.copytree(EXAMPLE / "2021-03", previous)
    (previous / "texter" / "namnderna.md").write_bytes("Nämnderna".encode("cp1252"))
    made = scaffold(tmp_path / "inputs" / "2021-04", APRIL)
    assert "texter/namnderna.md i 2021-03 kunde inte läsas som UTF-8 och fördes inte över" in made.notes
    assert "namnderna.md" not in {p.name for p in made.drafts}


def test_title_rows_above_the_header_are_left_behind_and_two_headers_for_one_division_are_an_error(tmp_path):
    previous = tmp_path / "inputs" / "2022-02"
    write_other_period(previous)
    book = load_workbook(previous / "ekonomi-kostnader.xlsx")
    book["Kostnader"].insert_rows(1, 2)
    book["Kostnader"]["A1"] = "Kostnader per kostnadsslag, Region Exempel"
    book.save(previous / "ekonomi-kostnader.xlsx")
    new = tmp_path / "inputs" / "2022-03"
    scaffold(new, Month(2022, 3))
    costs = read_tables(new / "ekonomi-kostnader.xlsx", ["Kostnader"])["Kostnader"]
    assert [c.value for c in costs.header] == ["Division", "Kostnadsslag", "Månad", "Belopp (kr)"]  # the unit kept: kr, not tkr
    assert [v for _, v in costs.rows][-1] == ["pv", "Läkemedel", "2022-03"]  # the prepared row: keys as written, value empty
    # The division's cost rows in two workbooks, one in kr and one in tkr: carried into one workbook they would need a guess.
    write_workbook(previous / "ekonomi-tkr.xlsx", {"Kostnader": [["Division", "Kostnadsslag", "Månad", "Belopp (tkr)"], ["PV", "Lab", "2022-02", 10]]})
    with pytest.raises(ReporterError) as caught:
        scaffold(tmp_path / "inputs" / "division" / "2022-03", Month(2022, 3), division="PV", source=previous)
    assert "bladet Kostnader har olika rubriker i ekonomi-kostnader.xlsx och ekonomi-tkr.xlsx" in str(caught.value)


INVESTMENT_HEADER = ["Division", "Investeringstyp", "Utfall tidigare beslut", "Utfall årets beslut", "Prognos helår", "Budget helår"]


def _sheet_names(path: Path) -> list[str]:
    return load_workbook(path, read_only=True).sheetnames


@pytest.mark.slow  # scaffolds a period and reads or validates it, 0.4 s CPU
def test_a_carried_investeringar_sheet_keeps_its_keys_and_loses_its_values(tmp_path):
    """Investeringar has no month: carried like the other snapshot sheets (Region, Divisioner), keys kept, values emptied and marked."""
    root = tmp_path / "inputs"
    shutil.copytree(EXAMPLE / "2021-03", root / "2021-03")
    rows = [["Närsjukvård Piteå älvdal", "IT-utrustning", 300, 450, 2500, 2000], ["Närsjukvård Luleå-Boden", "Fordon", None, 400, 800, 700]]
    book = load_workbook(root / "2021-03" / "ekonomi.xlsx")
    sheet = book.create_sheet("Investeringar")
    for row in [INVESTMENT_HEADER, *rows]:
        sheet.append(row)
    book.save(root / "2021-03" / "ekonomi.xlsx")
    made = scaffold(root / "2021-04", APRIL)
    carried = read_tables(root / "2021-04" / "ekonomi.xlsx", ["Investeringar"])["Investeringar"]
    assert [c.value for c in carried.header] == INVESTMENT_HEADER
    assert [values[:2] for _, values in carried.rows] == [row[:2] for row in rows]
    assert all(v == "" for _, values in carried.rows for v in values[2:])
    assert _marked_rows(root / "2021-04" / "ekonomi.xlsx", "Investeringar") == [2, 3]
    economy = next(c for c in made.carried if c.path.name == "ekonomi.xlsx")
    assert economy.emptied >= 2


def _listing_investments(office: Path) -> None:
    config = office / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("bilagor:\n", "bilagor:\n  - investeringsrapport:\n      period: 2022-01\n"), encoding="utf-8")


@pytest.mark.slow  # scaffolds a period and reads or validates it, 0.4 s CPU
def test_a_blank_scaffold_writes_the_investeringar_sheet_when_the_investeringsrapport_is_listed(office):
    _listing_investments(office)
    scaffold(office, PERIOD)
    scaffold(office, PERIOD, division="Primärvård")
    for name in ("ekonomi.xlsx", "ekonomi-primarvard.xlsx"):
        assert "Investeringar" in _sheet_names(office / name), name
        table = read_tables(office / name, ["Investeringar"])["Investeringar"]
        assert [c.value for c in table.header] == [INVESTMENT_HEADER[0], INVESTMENT_HEADER[1], *(f"{h} (tkr)" for h in INVESTMENT_HEADER[2:])]
    assert "Investeringar" not in _sheet_names(office / "produktion.xlsx")


def test_a_blank_scaffold_without_the_investeringsrapport_writes_no_investeringar_sheet(_scaffolded):
    office = _scaffolded[0]
    assert "Investeringar" not in _sheet_names(office / "ekonomi.xlsx")
