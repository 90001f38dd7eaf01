"""Excel workbooks in and out: the only module that imports openpyxl.

Reading turns each wanted sheet into a :class:`Table` of cells that know their
coordinate and number format; nothing here interprets a value. Writing makes a
workbook from plain rows (used by the example and test builders).
"""

from __future__ import annotations

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
    """A sheet as a header row and the non-empty rows below it."""

    file: str
    sheet: str
    header: list[Cell | None] = field(default_factory=list)
    header_row: int = 0
    rows: list[tuple[int, list[Cell | None]]] = field(default_factory=list)


def read_tables(path: Path, sheet_names: Iterable[str], label: str | None = None) -> dict[str, Table]:
    """Read the named sheets of a workbook (names matched loosely) into tables.

    Returns a mapping from the wanted sheet name to its table; sheets the
    workbook does not have are left out. ``label`` names the file in messages.
    """
    from openpyxl import load_workbook

    label = label or path.name
    wanted = {name_key(name): name for name in sheet_names}
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ReporterError(
            error(f"filen kan inte läsas som en Excel-arbetsbok (.xlsx): {exc}", file=label)
        ) from None
    try:
        tables: dict[str, Table] = {}
        formulas: dict[str, set[str]] = {}
        for sheet in book.worksheets:
            key = name_key(sheet.title)
            if key not in wanted:
                continue
            table, sheet_formulas = _read_sheet(sheet, label)
            tables[wanted[key]] = table
            if sheet_formulas:
                formulas[sheet.title] = sheet_formulas
    finally:
        book.close()
    if formulas:
        _fill_formula_values(path, tables, formulas)
    return tables


def _read_sheet(sheet, label: str) -> tuple[Table, set[str]]:
    table = Table(file=label, sheet=sheet.title)
    formulas: set[str] = set()
    for row_number, row in enumerate(sheet.iter_rows(), start=1):
        cells: list[Cell | None] = []
        for column_number, raw in enumerate(row, start=1):
            value = getattr(raw, "value", None)
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
            cells.append(Cell(value, coordinate, getattr(raw, "number_format", None)))
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


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_workbook(path: Path, sheets: dict[str, list[list[object]]], formats: dict[str, dict[str, str]] | None = None) -> None:
    """Write a workbook with one sheet per entry: the first row is the header.

    ``formats`` maps a sheet to {column letter: number format}, e.g. a percent
    format. The file is written in one go; used by examples and tests.
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        for column, number_format in (formats or {}).get(title, {}).items():
            for cell in sheet[column][1:]:
                cell.number_format = number_format
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
