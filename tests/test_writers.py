"""Workbooks that real programs wrote, and hand-made XML variants: each must read as its author saw it.

The corpus (tests/corpus/skrivare/, written once by tools/make_writer_corpus.py)
holds the base period's workbooks (``periods.write_other_period``) as
LibreOffice, Gnumeric, pandas and SheetJS write them back, and one XML quirk
per file under ``xml/``. Each case puts its file(s) into a fresh base period
in place of the workbook(s) of the same name, and states what validation must
give: the base's records, field by field, or the problems a user must see.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

import pytest
from helpers import dump_docx, set_cell, squash
from openpyxl import load_workbook
from periods import write_other_period

import reporter
from reporter.errors import Problem, Severity

SKRIVARE = Path(__file__).parent / "corpus" / "skrivare"
ERROR, WARNING = Severity.ERROR, Severity.WARNING
BOOKS = ("ekonomi.xlsx", "ekonomi-kostnader.xlsx", "produktion.xlsx", "personal.xlsx")


@dataclass(frozen=True)
class Expected:
    """A problem the user must see: severity, place (``cell`` a pattern such as ``C*``) and a message fragment."""

    severity: Severity
    sheet: str
    cell: str
    message: str
    file: str = ""  # "" is the case's only replaced workbook

    def matches(self, problem: Problem, file: str) -> bool:
        return (
            problem.severity is self.severity
            and problem.where.file == (self.file or file)
            and problem.where.sheet == self.sheet
            and fnmatch(problem.where.cell or "", self.cell)
            and squash(self.message) in squash(problem.message).replace("\u2009", " ")
        )


@dataclass(frozen=True)
class Case:
    """Corpus files put into the base period, and how the period must then read.

    ``files`` maps a workbook of the base period to the corpus file that takes
    its place. With ``same`` the records equal those of the base period as
    changed by ``reference`` (an ordinary openpyxl edit, or nothing) and every
    problem is one of ``expect``; without it, only the ``expect`` problems are
    checked.
    """

    name: str
    files: tuple[tuple[str, str], ...]
    expect: tuple[Expected, ...] = ()
    same: bool = True
    reference: Callable[[Path], None] | None = field(default=None, compare=False)

    @property
    def file(self) -> str:
        return self.files[0][0]


def _writer(folder: str, produktion: str = "produktion.xlsx", books: tuple[str, ...] = BOOKS) -> tuple[tuple[str, str], ...]:
    return tuple((book, f"{folder}/{produktion if book == 'produktion.xlsx' else book}") for book in books)


def _one(book: str, corpus: str) -> tuple[tuple[str, str], ...]:
    return ((book, corpus),)


def _shares_without_percent(folder: Path) -> None:
    """The base period with its share columns in General format: 0.9 read as 0.9."""
    book = load_workbook(folder / "produktion.xlsx")
    for sheet in ("Tillgänglighet", "Beläggning"):
        for (cell,) in book[sheet].iter_rows(min_row=2, min_col=3, max_col=3):
            cell.number_format = "General"
        book[sheet].column_dimensions["C"].number_format = "General"
    book.save(folder / "produktion.xlsx")


def _blank_budgets(folder: Path) -> None:
    for cell in ("C2", "C3"):
        set_cell(folder / "ekonomi.xlsx", "Divisioner", cell, None)


def _shares_lost(sheet_file: str = "produktion.xlsx") -> tuple[Expected, ...]:
    return (
        Expected(WARNING, "Tillgänglighet", "C*", "utan procentformat", sheet_file),
        Expected(WARNING, "Beläggning", "C*", "utan procentformat", sheet_file),
    )


COLUMN_STYLE = (
    Expected(WARNING, "Tillgänglighet", "C*", "kolumnens format"),
    Expected(WARNING, "Beläggning", "C*", "kolumnens format"),
)

# --- 1. files real writers wrote -------------------------------------------------------------------------------

WRITER_CASES = [
    *(Case(f"libreoffice-{book}", _one(book, f"libreoffice/{book}")) for book in BOOKS),
    # Gnumeric gives percent cells no style of their own: the percent format is the column's only.
    *(Case(f"gnumeric-{book}", _one(book, f"gnumeric/{book}"), COLUMN_STYLE if book == "produktion.xlsx" else ()) for book in BOOKS),
    *(
        Case(f"{writer}-{book}", _one(book, f"{writer}/{book}"))
        for writer in ("pandas-openpyxl", "pandas-xlsxwriter", "sheetjs")
        for book in BOOKS
        if book != "produktion.xlsx"
    ),
    # pandas and SheetJS (default options) lose the percent format: 0.9 stays 0.9, with a warning.
    *(
        Case(f"{writer}-produktion-utan-procentformat", _one("produktion.xlsx", f"{writer}/produktion.xlsx"), _shares_lost(),
             reference=_shares_without_percent)
        for writer in ("pandas-openpyxl", "pandas-xlsxwriter", "sheetjs")
    ),
    # ... unless the analyst wrote shares as 90, or SheetJS was asked to keep number formats.
    Case("pandas-openpyxl-produktion-procenttal", _one("produktion.xlsx", "pandas-openpyxl/produktion-procenttal.xlsx")),
    Case("pandas-xlsxwriter-produktion-procenttal", _one("produktion.xlsx", "pandas-xlsxwriter/produktion-procenttal.xlsx")),
    Case("sheetjs-cellnf-produktion", _one("produktion.xlsx", "sheetjs-cellnf/produktion.xlsx")),
    # Months as real Excel dates.
    *(Case(f"{writer}-{book}", _one(book, f"{writer}/{book}")) for writer in ("datum-openpyxl", "datum-pandas") for book in BOOKS[1:]),
]

# Whole periods as one writer gives them, for the build (with the files that read as the base).
BUILDS = {
    "libreoffice": _writer("libreoffice"),
    "gnumeric": _writer("gnumeric"),
    "pandas-openpyxl": _writer("pandas-openpyxl", "produktion-procenttal.xlsx"),
    "pandas-xlsxwriter": _writer("pandas-xlsxwriter", "produktion-procenttal.xlsx"),
    "sheetjs": tuple((b, f"sheetjs-cellnf/{b}" if b == "produktion.xlsx" else f"sheetjs/{b}") for b in BOOKS),
    "datum-openpyxl": _writer("datum-openpyxl", books=BOOKS[1:]),
    "datum-pandas": _writer("datum-pandas", books=BOOKS[1:]),
}

# --- 2. hand-made XML variants (what each file holds: its function in tools/make_writer_corpus.py) -------------


def _xml(name: str, *expect: Expected, same: bool = True, reference: Callable[[Path], None] | None = None) -> Case:
    book = name.split("-")[0] + ".xlsx"
    return Case(f"xml-{name}", _one(book, f"xml/{name}.xlsx"), tuple(expect), same, reference)


XML_CASES = [
    # a. cells (and rows) without r
    _xml("produktion-celler-utan-r"),
    _xml("personal-celler-utan-r"),
    _xml("produktion-rader-och-celler-utan-r"),
    _xml("personal-rader-och-celler-utan-r"),
    # b. single quotes, attribute order, white space inside tags
    _xml("produktion-citat-och-mellanrum"),
    _xml("personal-citat-och-mellanrum"),
    # c. x: prefix on every element (.NET OpenXML SDK)
    _xml("produktion-prefix-x"),
    _xml("personal-prefix-x"),
    # d. percent from built-in 9 and 10 and from custom formats
    _xml("produktion-procent-id9"),
    _xml("produktion-procent-id10"),
    _xml("produktion-procent-eget-format"),
    # e. dxfs (conditional-format styles) never give a cell its format
    _xml("produktion-dxf-eget-id"),
    _xml("produktion-dxf-samma-id"),
    _xml("produktion-dxf-procent-pa-tal"),
    # f. rich text and phonetic runs, shared and inline
    _xml("produktion-rik-text"),
    _xml("personal-rik-text"),
    _xml("produktion-inline-rik-text"),
    # g. formulas with saved values, shared and plain
    _xml("produktion-delade-formler"),
    _xml("personal-delade-formler"),
    _xml("ekonomi-formler"),
    # h. error cells
    _xml("produktion-felceller",
         Expected(ERROR, "Produktion", "D3", "Excel-felet #DIV/0!"), Expected(ERROR, "Produktion", "D4", "Excel-felet #N/A"), same=False),
    _xml("personal-felceller",
         Expected(ERROR, "Arbetad tid", "C3", "Excel-felet #DIV/0!"), Expected(ERROR, "Arbetad tid", "C4", "Excel-felet #N/A"), same=False),
    # i. a formula's empty string is a blank cell; a formula with no saved value is an error
    _xml("ekonomi-formel-tom-text-valfri", reference=_blank_budgets),
    _xml("personal-formel-tom-text-kravd", Expected(ERROR, "Arbetad tid", "C3", "cellen är tom"), same=False),
    _xml("personal-formel-utan-varde",
         Expected(ERROR, "Arbetad tid", "C15", "men inget sparat värde"), Expected(ERROR, "Arbetad tid", "E15", "men inget sparat värde"),
         same=False),
    # j. dates in the 1900 and 1904 date systems
    _xml("produktion-datum-1900"),
    _xml("produktion-datum-1904"),
    _xml("personal-datum-1904"),
    # k. percent from the column's style only
    _xml("produktion-procent-fran-kolumn", *COLUMN_STYLE),
    # l. a share shown above 100 %
    _xml("produktion-andel-over-100", Expected(ERROR, "Tillgänglighet", "C3", "8 010"), same=False),
    # m. a date calamine panics on
    _xml("produktion-datum-minus-1e12", Expected(ERROR, "Produktion", "C4", ""), same=False),
    _xml("personal-datum-minus-1e12", Expected(ERROR, "Arbetad tid", "B4", ""), same=False),
]

CASES = WRITER_CASES + XML_CASES


def records(inputs) -> dict[str, list]:
    """Every list of records of an Inputs (``source`` is not part of a record's equality); not ``files``."""
    return {f.name: getattr(inputs, f.name) for f in dataclasses.fields(inputs) if f.name != "files"}


def _period(root: Path, files: tuple[tuple[str, str], ...] = (), reference: Callable[[Path], None] | None = None) -> Path:
    folder = root / "2022-02"
    write_other_period(folder)
    if reference is not None:
        reference(folder)
    for book, corpus in files:
        shutil.copyfile(SKRIVARE / corpus, folder / book)
    return folder


@pytest.fixture(scope="module")
def base_records(tmp_path_factory) -> dict[str, list]:
    checked = reporter.validate(_period(tmp_path_factory.mktemp("bas")))
    assert checked.problems == []
    return records(checked.inputs)


def test_every_corpus_file_has_a_case():
    used = {corpus for case in CASES for _, corpus in case.files} | {c for files in BUILDS.values() for _, c in files}
    present = {p.relative_to(SKRIVARE).as_posix() for p in SKRIVARE.rglob("*.xlsx")}
    assert present == used


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_file_reads_as_its_author_saw_it(case, tmp_path, base_records):
    checked = reporter.validate(_period(tmp_path / "fall", case.files))
    shown = "\n".join(f"{p.severity.name} {p.where.file}!{p.where.sheet}!{p.where.cell}: {p.message}" for p in checked.problems)
    for expected in case.expect:
        assert any(expected.matches(p, case.file) for p in checked.problems), f"missing {expected}; got:\n{shown}"
    if not case.same:
        return
    unexpected = [p for p in checked.problems if not any(e.matches(p, case.file) for e in case.expect)]
    assert not unexpected, f"unexpected problems:\n{shown}"
    expected_records = base_records
    if case.reference is not None:
        expected_records = records(reporter.validate(_period(tmp_path / "referens", reference=case.reference)).inputs)
    got = records(checked.inputs)
    for name, rows in expected_records.items():
        assert got[name] == rows, name


def test_lost_percent_format_reads_shares_as_written(tmp_path):
    """The pandas file that lost its percent format gives 0.9, not 90: the warning says so, nothing guesses."""
    checked = reporter.validate(_period(tmp_path, _one("produktion.xlsx", "pandas-openpyxl/produktion.xlsx")))
    assert [r.andel for r in checked.inputs.tillganglighet if str(r.manad) == "2022-02"] == [0.9]
    assert {r.belaggning for r in checked.inputs.belaggning} == {0.875}


def test_the_1904_and_1900_files_give_the_same_months(tmp_path):
    months = []
    for name in ("produktion-datum-1900", "produktion-datum-1904"):
        inputs = reporter.validate(_period(tmp_path / name, _one("produktion.xlsx", f"xml/{name}.xlsx"))).inputs
        months.append([str(r.manad) for r in inputs.produktion + inputs.tillganglighet + inputs.belaggning])
    assert months[0] == months[1]
    assert months[0][:2] == ["2021-01", "2021-02"]


# --- the whole build, one writer's files at a time --------------------------------------------------------------


def _texts(result) -> dict[str, str]:
    return {path.name: dump_docx(path) for path in result.files if path.suffix == ".docx"}


@pytest.fixture(scope="module")
def base_texts(tmp_path_factory) -> dict[str, str]:
    from conftest import TEMPLATES

    root = tmp_path_factory.mktemp("basbygge")
    return _texts(reporter.build(_period(root), root / "out", TEMPLATES))


@pytest.mark.parametrize("writer", BUILDS)
def test_a_period_written_by_each_writer_builds_the_same_report(writer, tmp_path, workspace, base_texts):
    folder = _period(tmp_path / "period", BUILDS[writer])
    texts = _texts(reporter.build(folder, workspace / "out", workspace=workspace))
    assert texts.keys() == base_texts.keys()
    for name, text in base_texts.items():
        assert texts[name] == text, name
