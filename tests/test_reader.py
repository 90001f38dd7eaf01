"""The workbook reader itself: number formats, both readers alike, native failures.

``test_writers.py`` checks that every real writer's file reads to the right
records; this module checks the reader's own promises: the exact reader and
python-calamine give the same table wherever calamine is used, a format is
judged as Excel judges it, and nothing a native library does reaches the user
as a traceback or as noise on the screen.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import set_cell
from periods import write_other_period

import reporter
from reporter.cli import main
from reporter.workbook import Workbook, classify, fast, read_tables

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "corpus" / "skrivare"
WORKBOOKS = sorted(CORPUS.rglob("*.xlsx")) + sorted((ROOT / "inputs").rglob("*.xlsx"))


def _dump(table):
    """A table as what a reader of it sees: every row's cells, merged ranges, hidden."""
    return (table.header_row, table.header, [(n, table.cells(n, v)) for n, v in table.rows], table.merged_ranges, table.hidden)


def _all_sheets(path: Path) -> list[str]:
    with Workbook(path) as workbook:
        return [entry.name for entry in workbook.sheets]


@pytest.fixture(autouse=True)
def read_afresh():
    """These tests watch the readers at work: no sheet comes from the tables this process has read before."""
    from reporter import workbook

    workbook._READ.clear()


@pytest.fixture
def calamine_reads(monkeypatch) -> list[str]:
    """The sheets python-calamine read (rather than the exact reader), as they are read."""
    read: list[str] = []
    original = fast.read_fast

    def spy(book, entry, *args, **kwargs):
        table = original(book, entry, *args, **kwargs)
        if table is not None:
            read.append(entry.name)
        return table

    monkeypatch.setattr("reporter.workbook.read_fast", spy)
    return read


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_calamine_and_the_exact_reader_give_the_same_table(path):
    names = _all_sheets(path)
    try:
        either = read_tables(path, names)
    except reporter.ReporterError:
        with pytest.raises(reporter.ReporterError):
            read_tables(path, names, exact=True)
        return
    exact = read_tables(path, names, exact=True)
    for name in names:
        assert _dump(either[name]) == _dump(exact[name]), name


@pytest.mark.slow  # reads every plain sheet of the corpus twice, 0.5 s CPU
def test_calamine_reads_the_plain_sheets_of_the_corpus(calamine_reads):
    """The comparison above compares something: calamine does read most plain sheets."""
    for path in WORKBOOKS:
        try:
            read_tables(path, _all_sheets(path))
        except reporter.ReporterError:
            pass
    assert len(calamine_reads) >= 60, calamine_reads


@pytest.mark.parametrize(
    "code, kind, scale",
    [
        ("General", "general", 1),
        ("0", "number", 1),
        ("#,##0", "number", 1),
        ("#,##0.00_);[Red](#,##0.00)", "number", 1),
        ("0%", "percent", 1),
        ("0.0%", "percent", 1),
        ('0" %"', "number", 1),  # a quoted % is text: 52 is shown as "52 %"
        ("0\\%", "number", 1),  # so is an escaped one
        ("#,##0,", "number", 1000),  # thousands: 1 234 000 shown as 1 234
        ('#,##0,"k"', "number", 1000),
        ("0.0,,", "number", 1_000_000),
        ("#,##0 ;(#,##0)", "number", 1),
        ("yyyy-mm-dd", "date", 1),
        ("[$-41D]mmmm yyyy", "date", 1),
        ("mmm-yy", "date", 1),
        ("[h]:mm:ss", "date", 1),
        ('0 "dagar"', "number", 1),  # the d of dagar is quoted
        ("0.00E+00", "number", 1),
        ("@", "text", 1),
        ("[Red]0.0", "number", 1),
    ],
)
def test_a_number_format_is_judged_as_excel_shows_it(code, kind, scale):
    judged = classify(code)
    assert (judged.kind, judged.scale) == (kind, scale)


def test_a_native_panic_is_a_located_error_and_nothing_on_the_screen(tmp_path, capfd):
    """python-calamine panics (a BaseException) on a date cell holding −1e12; the user sees one located error."""
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    shutil.copyfile(CORPUS / "xml" / "personal-datum-minus-1e12.xlsx", folder / "personal.xlsx")
    capfd.readouterr()
    checked = reporter.validate(folder)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""
    found = [p for p in checked.errors if p.where.file == "personal.xlsx"]
    assert [(p.where.sheet, p.where.cell) for p in found] == [("Arbetad tid", "B4")]
    assert "inget datum Excel kan visa" in found[0].message


def test_calamine_is_asked_first_and_its_panic_sends_the_sheet_to_the_exact_reader(tmp_path, monkeypatch):
    """The panic above really happens in calamine, and the exact reader takes over."""
    path = CORPUS / "xml" / "personal-datum-minus-1e12.xlsx"
    outcomes = []
    original = fast.read_fast
    monkeypatch.setattr("reporter.workbook.read_fast", lambda *a, **k: outcomes.append(original(*a, **k)) or outcomes[-1])
    tables = read_tables(path, ["Arbetad tid"])
    assert outcomes == [None]
    row = dict(tables["Arbetad tid"].rows)[4]
    assert "inget datum" in row[1]


def test_what_escapes_a_native_reader_is_located_at_the_library_edge(tmp_path, monkeypatch):
    class Panic(BaseException):
        """Like pyo3's PanicException: not an Exception."""

    def explode(self, entry):
        raise Panic("called `Option::unwrap()` on a `None` value")

    folder = tmp_path / "2022-02"
    write_other_period(folder)
    monkeypatch.setattr(Workbook, "_table", explode)
    checked = reporter.validate(folder)
    assert {(p.where.file, p.message.split(" (")[0]) for p in checked.errors} >= {("personal.xlsx", "bladet kan inte läsas")}
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "Panic: called" in result.output


def test_a_shared_formula_without_a_value_is_shown_as_its_own_cell_has_it(tmp_path):
    """The cells of a shared formula hold no text of their own: the message shows the formula translated to the cell."""
    import zipfile

    path = tmp_path / "personal.xlsx"
    with zipfile.ZipFile(CORPUS / "xml" / "personal-delade-formler.xlsx") as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    member = next(name for name, data in parts.items() if b'<c r="C3" t="n"><f t="shared" si="0"/><v>110</v></c>' in data)
    parts[member] = parts[member].replace(b'<c r="C3" t="n"><f t="shared" si="0"/><v>110</v></c>', b'<c r="C3" t="n"><f t="shared" si="0"/></c>')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    shutil.copyfile(path, folder / "personal.xlsx")
    found = [(p.where.sheet, p.where.cell, p.message) for p in reporter.validate(folder).errors]
    assert found == [("Arbetad tid", "C3", "Arbetad tid: cellen har formeln =110*E3 men inget sparat värde (filen är skriven av ett program "
                      "och har aldrig öppnats i Excel); öppna och spara den i Excel, eller skriv in värdet")]


def test_the_tables_kept_are_bounded_by_cells_not_by_sheets(monkeypatch):
    """A tertial period reads some 70 small sheets. Kept by number (64 at most) and read in the same order
    each time, every sheet was dropped just before it was asked for again, and a second check read them all.
    Now 70 small sheets are all kept, and the oldest go once the cells kept pass the bound."""
    from collections import OrderedDict

    from reporter import workbook
    from reporter.workbook.table import Table

    monkeypatch.setattr(workbook, "_READ", OrderedDict())  # this test's own, let go after it
    monkeypatch.setattr(workbook, "READ_KEPT_TOTAL", 70 * 100)
    sheet = [(n, ["x"] * 10) for n in range(2, 12)]  # 100 cells
    for n in range(70):
        workbook._keep(("bok", n), Table.of("bok.xlsx", f"blad {n}", [(1, ["rubrik"]), *sheet]))
    assert [key[1] for key in workbook._READ] == list(range(70))
    workbook._keep(("bok", 70), Table.of("bok.xlsx", "blad 70", [(1, ["rubrik"]), *sheet]))
    assert [key[1] for key in workbook._READ] == list(range(1, 71))


def test_a_sheet_read_again_from_the_same_bytes_is_the_same_table_and_other_bytes_are_read_anew(tmp_path, calamine_reads):
    """verify after build, or a second check in one process, reads nothing twice; a changed file is read again."""
    from reporter import workbook

    folder = tmp_path / "2022-02"
    write_other_period(folder)
    first = read_tables(folder / "personal.xlsx", ["Arbetad tid"])["Arbetad tid"]
    again = read_tables(folder / "personal.xlsx", ["Arbetad tid"])["Arbetad tid"]
    assert again is first and calamine_reads == ["Arbetad tid"]
    set_cell(folder / "personal.xlsx", "Arbetad tid", "C3", 123)
    changed = read_tables(folder / "personal.xlsx", ["Arbetad tid"])["Arbetad tid"]
    assert changed is not first and calamine_reads == ["Arbetad tid", "Arbetad tid"]
    assert dict(changed.rows)[3][2] == 123
    big = workbook.READ_KEPT_CELLS
    workbook.READ_KEPT_CELLS = 1  # a large sheet is not kept
    try:
        (folder / "copy.xlsx").write_bytes((folder / "produktion.xlsx").read_bytes())
        read_tables(folder / "copy.xlsx", ["Produktion"])
        read_tables(folder / "copy.xlsx", ["Produktion"])
    finally:
        workbook.READ_KEPT_CELLS = big
    assert calamine_reads.count("Produktion") == 2
