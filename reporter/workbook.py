"""Excel workbooks in and out: the only module that imports openpyxl.

Reading turns each wanted sheet into a :class:`Table` of cells that know their
coordinate and number format; nothing here interprets a value. Writing makes a
workbook from plain rows (used by the example and test builders).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import ReporterError, error
from .values import name_key


class FormulaWithoutValue:
    """A formula cell whose value was never calculated and saved."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __repr__(self) -> str:
        return f"FormulaWithoutValue({self.formula!r})"


class ExcelError(str):
    """An Excel error value in a cell, e.g. ``#DIV/0!``."""


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: its value as openpyxl read it, where it is, its format."""

    value: object
    coordinate: str
    number_format: str | None = None


@dataclass
class Table:
    """A sheet as a header row and the non-empty rows below it.

    ``hidden`` is true for a sheet hidden in Excel; ``merged`` lists the
    merged ranges (``A2:A5``). A vertically merged range in the data is read
    as its value repeated on every row, as Excel shows it.
    """

    file: str
    sheet: str
    header: list[Cell | None] = field(default_factory=list)
    header_row: int = 0
    rows: list[tuple[int, list[Cell | None]]] = field(default_factory=list)
    hidden: bool = False
    merged: list[str] = field(default_factory=list)


OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


def sniff(path: Path, label: str) -> None:
    """Refuse a file that is not an .xlsx workbook, saying what it is instead."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == OLE_MAGIC:
                encrypted = "EncryptedPackage".encode("utf-16-le") in handle.read(1 << 20)
    except OSError as exc:
        raise ReporterError(error(f"filen kan inte öppnas: {exc.strerror or exc}", file=label)) from None
    if not head:
        raise ReporterError(error("filen är tom (0 byte); spara arbetsboken igen från Excel", file=label))
    if head == OLE_MAGIC:
        if encrypted:
            raise ReporterError(
                error(
                    "filen är lösenordsskyddad och kan inte läsas; ta bort lösenordet i Excel "
                    "(Arkiv > Info > Skydda arbetsbok > Kryptera med lösenord, töm fältet) och spara igen",
                    file=label,
                )
            )
        raise ReporterError(
            error("filen är en gammal Excel-fil (.xls, Excel 97–2003); öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label)
        )
    if not head.startswith(b"PK"):
        looks = "text (t.ex. CSV eller HTML)" if _is_text(head) else "något annat"
        raise ReporterError(
            error(f"filen är inte en Excel-arbetsbok (.xlsx) utan {looks}; öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label)
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise ReporterError(error("filen är skadad (zip-arkivet går inte att öppna); spara arbetsboken igen från Excel", file=label)) from None
    if "xl/workbook.xml" not in names:
        other = "ett OpenDocument-kalkylark (.ods)" if "content.xml" in names else "inte en Excel-arbetsbok"
        raise ReporterError(error(f"filen är {other}; öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label))


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_tables(path: Path, sheet_names: Iterable[str], label: str | None = None) -> dict[str, Table]:
    """Read the named sheets of a workbook (names matched loosely) into tables.

    Returns a mapping from the wanted sheet name to its table; sheets the
    workbook does not have are left out. ``label`` names the file in messages.
    """
    from openpyxl import load_workbook

    label = label or path.name
    sniff(path, label)
    wanted = {name_key(name): name for name in sheet_names}
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ReporterError(
            error(f"filen kan inte läsas som en Excel-arbetsbok (.xlsx); spara den igen från Excel ({exc})", file=label)
        ) from None
    try:
        tables: dict[str, Table] = {}
        formulas: dict[str, set[str]] = {}
        for sheet in book.worksheets:
            key = name_key(sheet.title)
            if key not in wanted:
                continue
            merges = _merged_ranges(path, getattr(sheet, "_worksheet_path", ""))
            table, sheet_formulas = _read_sheet(sheet, label, merges)
            table.hidden = sheet.sheet_state != "visible"
            tables[wanted[key]] = table
            if sheet_formulas:
                formulas[sheet.title] = sheet_formulas
    finally:
        book.close()
    if formulas:
        _fill_formula_values(path, tables, formulas)
    return tables


def _merged_ranges(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet as (first column, first row, last column, last row)."""
    if not member:
        return []
    with zipfile.ZipFile(path) as archive:
        try:
            xml = archive.read(member)
        except KeyError:
            return []
    return [
        (_column_number(a.decode()), int(b), _column_number(c.decode()), int(d))
        for a, b, c, d in _MERGE.findall(xml)
    ]


def _read_sheet(sheet, label: str, merges: list[tuple[int, int, int, int]] = ()) -> tuple[Table, set[str]]:
    table = Table(file=label, sheet=sheet.title)
    table.merged = [f"{_column_letter(c1)}{r1}:{_column_letter(c2)}{r2}" for c1, r1, c2, r2 in merges]
    # A range merged down one column shows its value on every row: read it so.
    down = [(c1, r1, r2) for c1, r1, c2, r2 in merges if c1 == c2 and r2 > r1]
    fill_down = {(column, r): top for column, top, bottom in down for r in range(top + 1, bottom + 1)}
    tops = {(column, top) for column, top, _ in down}
    above: dict[tuple[int, int], Cell] = {}
    formulas: set[str] = set()
    for row_number, row in enumerate(sheet.iter_rows(), start=1):
        cells: list[Cell | None] = []
        for column_number, raw in enumerate(row, start=1):
            value = getattr(raw, "value", None)
            if value is None and (column_number, row_number) in fill_down:
                first = above.get((column_number, fill_down[column_number, row_number]))
                if first is not None:
                    cells.append(Cell(first.value, f"{_column_letter(column_number)}{row_number}", first.number_format))
                    continue
            if value is None or (isinstance(value, str) and not value.strip()):
                cells.append(None)
                continue
            coordinate = f"{_column_letter(column_number)}{row_number}"
            data_type = getattr(raw, "data_type", None)
            if data_type == "f":
                formulas.add(coordinate)
                value = FormulaWithoutValue(str(value))
            elif data_type == "e":
                value = ExcelError(str(value))
            cell = Cell(value, coordinate, getattr(raw, "number_format", None))
            if (column_number, row_number) in tops:
                above[(column_number, row_number)] = cell
            cells.append(cell)
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            continue
        if not table.header_row:
            table.header, table.header_row = cells, row_number
        else:
            table.rows.append((row_number, cells))
    return table, formulas


def _fill_formula_values(path: Path, tables: dict[str, Table], formulas: dict[str, set[str]]) -> None:
    """Replace formula cells by the values Excel saved, where it saved one."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        saved: dict[tuple[str, str], object] = {}
        for title, coordinates in formulas.items():
            for row_number, row in enumerate(book[title].iter_rows(), start=1):
                for column_number, raw in enumerate(row, start=1):
                    coordinate = f"{_column_letter(column_number)}{row_number}"
                    if coordinate in coordinates:
                        saved[(title, coordinate)] = getattr(raw, "value", None)
    finally:
        book.close()

    def fill(cell: Cell | None, title: str) -> Cell | None:
        if cell is None or not isinstance(cell.value, FormulaWithoutValue):
            return cell
        value = saved.get((title, cell.coordinate))
        if value is None:
            return cell
        return Cell(value, cell.coordinate, cell.number_format)

    for table in tables.values():
        table.header = [fill(c, table.sheet) for c in table.header]
        table.rows = [(n, [fill(c, table.sheet) for c in cells]) for n, cells in table.rows]


def split_coordinate(coordinate: str) -> tuple[int, int]:
    """``C7`` → (3, 7): column and row numbers."""
    match = re.fullmatch(r"([A-Z]+)([0-9]+)", coordinate)
    return _column_number(match.group(1)), int(match.group(2))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class SheetOut:
    """A sheet to write: rows (the first is the header) and how it should look.

    ``lists`` maps a column letter to a drop-down list: a range such as
    ``Listor!$A$2:$A$9`` and whether other values are refused (``strict``).
    """

    title: str
    rows: list[list[object]]
    widths: dict[str, float] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    lists: dict[str, tuple[str, bool]] = field(default_factory=dict)
    freeze: str | None = None
    header_style: bool = False
    wrap: bool = False


LIST_ROWS = 2000  # how far down a drop-down list reaches


def write_sheets(path: Path, sheets: list[SheetOut]) -> None:
    """Write a workbook with the given sheets, in one go."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec.title)
        for row in spec.rows:
            sheet.append(list(row))
        for column, number_format in spec.formats.items():
            for cell in sheet[column][1:]:
                cell.number_format = number_format
            sheet.column_dimensions[column].number_format = number_format
        for column, width in spec.widths.items():
            sheet.column_dimensions[column].width = width
        for column, (source, strict) in spec.lists.items():
            rule = DataValidation(type="list", formula1=source, allow_blank=True, errorStyle="stop" if strict else "warning")
            rule.error = "Välj ett värde i listan." if strict else "Värdet finns inte i listan. Använd det ändå?"
            rule.errorTitle = "Ogiltigt värde"
            rule.add(f"{column}2:{column}{LIST_ROWS}")
            sheet.add_data_validation(rule)
        if spec.header_style and spec.rows:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="DDE4EE")
        if spec.wrap:
            for row in sheet.iter_rows():
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        if spec.freeze:
            sheet.freeze_panes = spec.freeze
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def write_workbook(path: Path, sheets: dict[str, list[list[object]]], formats: dict[str, dict[str, str]] | None = None) -> None:
    """Write a workbook with one sheet per entry: the first row is the header.

    ``formats`` maps a sheet to {column letter: number format}, e.g. a percent
    format. Used by the example and test builders.
    """
    write_sheets(path, [SheetOut(title, rows, formats=(formats or {}).get(title, {})) for title, rows in sheets.items()])


def column_letter(number: int) -> str:
    """1 → ``A``, 27 → ``AA``."""
    return _column_letter(number)
