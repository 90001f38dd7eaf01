"""Writing workbooks (openpyxl): the blank workbooks of scaffold, the example and test builders."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .rowsxml import put_rows, rows_xml
from .table import column_letter


@dataclass
class SheetOut:
    """A sheet to write: rows (the first is the header) and how it should look.

    ``lists`` maps a column letter to a drop-down list: a range such as
    ``Listor!$A$2:$A$9`` and whether other values are refused (``strict``).
    """

    title: str
    rows: Sequence[Sequence[object]]
    widths: Mapping[str, float] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    lists: dict[str, tuple[str, bool]] = field(default_factory=dict)
    freeze: str | None = None
    header_style: bool = False
    wrap: bool = False
    form: bool = False  # a blank form: the formatted columns' cells are formatted down to FORM_ROWS
    bulk: bool = False  # many rows: those below the header written by rowsxml, with only cell_formats and marked applied
    cell_formats: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column), both from 1 → number format
    marked: Sequence[int] = ()  # rows (from 1) filled with ``mark``: rows to fill in
    mark: str = ""


LIST_ROWS = 2000  # how far down a drop-down list reaches
FORM_ROWS = 500  # how far down a blank form's cells carry their column's format (Excel carries it on by itself)


def write_sheets(path: Path, sheets: list[SheetOut]) -> None:
    """Write a workbook with the given sheets, in one go."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    bulk = {}
    for spec in sheets:
        sheet = book.create_sheet(spec.title)
        for row in spec.rows[:1] if spec.bulk else spec.rows:
            sheet.append(list(row))
        if spec.bulk:
            bulk[spec.title] = _bulk_rows(sheet, spec)
        for column, number_format in spec.formats.items():
            # Each cell gets the format, not only the column: a cell without a format of its own is
            # shown with the column's by LibreOffice but not by Excel (and a script filling the form
            # writes into the cells as they are).
            last = max(FORM_ROWS if spec.form else 0, len(spec.rows))
            for number in range(2, last + 1):
                sheet[f"{column}{number}"].number_format = number_format
            sheet.column_dimensions[column].number_format = number_format
        for (row_number, column_number), number_format in spec.cell_formats.items() if not spec.bulk else ():
            sheet.cell(row_number, column_number).number_format = number_format
        if spec.marked and not spec.bulk:
            fill = PatternFill("solid", fgColor=spec.mark)
            last_column = max(len(spec.rows[0]) if spec.rows else 1, 1)
            for row_number in spec.marked:
                for column_number in range(1, last_column + 1):
                    sheet.cell(row_number, column_number).fill = fill
        for column, width in spec.widths.items():
            sheet.column_dimensions[column].width = width
        for column, (source, strict) in spec.lists.items():
            # showErrorMessage: without it Excel and Calc take any value and show no alert at all.
            rule = DataValidation(
                type="list", formula1=source, allow_blank=True, showErrorMessage=True, errorStyle="stop" if strict else "warning"
            )
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
    if not bulk:
        book.save(path)
        return
    saved = io.BytesIO()
    book.save(saved)
    path.write_bytes(put_rows(saved.getvalue(), {book[title].path.lstrip("/"): rows for title, rows in bulk.items()}))


def _bulk_rows(sheet, spec: SheetOut) -> tuple[str, str]:
    """The XML of a bulk sheet's rows below the header, and its dimension; the styles they use registered in the workbook."""
    from openpyxl.styles import PatternFill

    ids: dict[tuple[str, bool], int] = {}

    def style(number_format: str, marked: bool) -> int:
        if (number_format, marked) not in ids:
            probe = sheet.cell(1, MAX_PROBE_COLUMN)  # a cell made to register a style, taken out again
            probe.number_format = number_format
            if marked:
                probe.fill = PatternFill("solid", fgColor=spec.mark)
            ids[(number_format, marked)] = probe.style_id
            del sheet._cells[(1, MAX_PROBE_COLUMN)]
        return ids[(number_format, marked)]

    marked = set(spec.marked)
    styles = {(r, c): style(code, r in marked) for (r, c), code in spec.cell_formats.items() if r > 1}
    row_styles = {r: style("General", True) for r in marked}
    width = max((len(row) for row in spec.rows), default=1) or 1
    letters = [column_letter(n) for n in range(1, len(spec.rows[0]) + 1)] if spec.rows else []
    xml = rows_xml(spec.rows[1:], 2, letters, styles, row_styles)
    return xml, f"A1:{column_letter(width)}{max(len(spec.rows), 1)}"


MAX_PROBE_COLUMN = 16384


def write_workbook(path: Path, sheets: dict[str, list[list[object]]], formats: dict[str, dict[str, str]] | None = None) -> None:
    """Write a workbook with one sheet per entry: the first row is the header.

    ``formats`` maps a sheet to {column letter: number format}, e.g. a percent
    format. Used by the example and test builders.
    """
    write_sheets(path, [SheetOut(title, rows, formats=(formats or {}).get(title, {})) for title, rows in sheets.items()])
