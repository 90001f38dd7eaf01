"""Excel workbooks in and out: the only module that imports python-calamine and openpyxl.

Reading (calamine) turns each wanted sheet into a :class:`Table` of cells that know their
coordinate and number format; nothing here interprets a value. Writing (openpyxl)
makes a workbook from plain rows (used by the example and test builders).
"""

from __future__ import annotations

import html
import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple

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


class Cell(NamedTuple):
    """One non-empty cell: its value as read, where it is, its format (percent or None)."""

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


def open_archive(path: Path, label: str) -> tuple[bytes, zipfile.ZipFile]:
    """The file's bytes and zip archive, once it is known to be an .xlsx workbook within the limits.

    A file that is something else is refused, saying what it is instead.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReporterError(error(f"filen kan inte öppnas: {exc.strerror or exc}", file=label)) from None
    head = data[:8]
    if not head:
        raise ReporterError(error("filen är tom (0 byte); spara arbetsboken igen från Excel", file=label))
    if head == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data[8:8 + (1 << 20)]:
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
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReporterError(error("filen är skadad (zip-arkivet går inte att öppna); spara arbetsboken igen från Excel", file=label)) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        other = "ett OpenDocument-kalkylark (.ods)" if "content.xml" in names else "inte en Excel-arbetsbok"
        raise ReporterError(error(f"filen är {other}; öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label))
    _check_sizes(infos, label)
    return data, archive


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Limits that keep a hostile or broken file from exhausting memory or time.
# Real submissions are far below them: a scale-50 production sheet is ~25 MB
# of XML and ~75 000 rows; Excel itself compresses sheet XML 5-20 times.
MAX_PART_BYTES = 256 << 20  # uncompressed size of one part of the workbook
MAX_TOTAL_BYTES = 1 << 30  # uncompressed size of all parts together
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_ROWS = 299_999  # rows of one sheet
MAX_COLUMNS = 200  # columns of one sheet (GR)
MAX_CELLS = 10_000_000  # rows × columns of one sheet, from A1 to its last cell (26 × MAX_ROWS fits)


def read_tables(path: Path, sheet_names: Iterable[str], label: str | None = None) -> dict[str, Table]:
    """Read the named sheets of a workbook (names matched loosely) into tables.

    Returns a mapping from the wanted sheet name to its table; sheets the
    workbook does not have are left out. ``label`` names the file in messages.

    Values come from python-calamine (Rust), which reads a sheet 20-40 times
    faster than openpyxl. Calamine gives values only, so one pass of regular
    expressions over the sheet's XML adds what the contract needs besides:
    percent-formatted cells, formula cells with no saved value, error cells
    and merged ranges, each by its coordinate.
    """
    from python_calamine import CalamineWorkbook

    label = label or path.name
    data, archive = open_archive(path, label)
    parts = _sheet_parts(archive)
    percent_styles = _percent_styles(_read_part(archive, "xl/styles.xml", label))
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises its own error types for broken parts
        raise ReporterError(
            error(f"filen kan inte läsas som en Excel-arbetsbok (.xlsx); spara den igen från Excel ({exc})", file=label)
        ) from None
    wanted = {name_key(name): name for name in sheet_names}
    tables: dict[str, Table] = {}
    try:
        for meta in book.sheets_metadata:
            key = name_key(meta.name)
            if key not in wanted or wanted[key] in tables:
                continue
            xml = _read_part(archive, parts[meta.name], label) if meta.name in parts else b""
            marks = _Marks.of(xml, percent_styles, label, meta.name)
            try:
                grid = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            except Exception as exc:
                raise ReporterError(error(f"bladet kan inte läsas ({exc}); spara arbetsboken igen från Excel", file=label, sheet=meta.name)) from None
            table = _read_sheet(grid, label, meta.name, marks)
            table.hidden = str(meta.visible).rsplit(".", 1)[-1].lower() != "visible"
            tables[wanted[key]] = table
    finally:
        book.close()
    return tables


def _check_sizes(infos: list[zipfile.ZipInfo], label: str) -> None:
    """Refuse an archive whose declared sizes are beyond the limits, before anything is unpacked."""
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or (info.file_size > 1 << 20 and ratio > MAX_RATIO):
            raise ReporterError(
                error(
                    f"filen packas upp till orimligt mycket data ({info.filename}: {info.file_size >> 20} MB, "
                    f"{ratio:.0f} gånger sin packade storlek) och läses inte; är den verkligen en arbetsbok från Excel?",
                    file=label,
                )
            )


def _read_part(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    """One XML part of the workbook; b"" when it is missing. DTDs are refused."""
    try:
        xml = archive.read(name)
    except KeyError:
        return b""
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise ReporterError(error(f"filen är skadad ({name}: {exc}); spara arbetsboken igen från Excel", file=label)) from None
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ReporterError(error(f"filen innehåller en XML-DTD ({name}), vilket Excel aldrig skriver; den läses inte", file=label))
    return xml


_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
_ATTRIBUTE = re.compile(rb'([\w:]+)="([^"]*)"')


def _attributes(text: bytes) -> dict[str, str]:
    return {key.decode().rsplit(":", 1)[-1]: html.unescape(value.decode("utf-8", "replace")) for key, value in _ATTRIBUTE.findall(text)}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member holding its XML (``xl/worksheets/sheet1.xml``)."""
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, zlib.error):
        return {}
    targets = {}
    for match in _RELATIONSHIP.finditer(rels):
        attributes = _attributes(match.group(1))
        target = attributes.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[attributes.get("Id")] = target
    parts = {}
    for match in _SHEET.finditer(workbook):
        attributes = _attributes(match.group(1))
        if attributes.get("id") in targets:
            parts[attributes.get("name", "")] = targets[attributes["id"]]
    return parts


_XF_BLOCK = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
_NUMFMT = re.compile(rb"<(?:\w+:)?numFmt\b([^>]*)/?>")
_QUOTED = re.compile(r'"[^"]*"|\\.')
PERCENT_FORMAT = "0%"


def _percent_styles(styles: bytes) -> frozenset[str]:
    """Indexes (as in a cell's ``s``) of the cell styles that show a number as percent."""
    custom = {}
    for match in _NUMFMT.finditer(styles):
        attributes = _attributes(match.group(1))
        custom[attributes.get("numFmtId")] = attributes.get("formatCode", "")
    block = _XF_BLOCK.search(styles)
    percent = set()
    for index, match in enumerate(_XF.finditer(block.group(0) if block else b"")):
        number_format = _attributes(match.group(1)).get("numFmtId", "0")
        if number_format in ("9", "10") or "%" in _QUOTED.sub("", custom.get(number_format, "")):
            percent.add(str(index))
    return frozenset(percent)


_CELL_TAG = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>\s*<(?:\w+:)?v>([^<]*)<')
_FORMULA_ONLY = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*(?:/>|>([^<]*)</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]+)"')
_FAR_ROW = re.compile(rb' r="[A-Z]*((?:[3-9][0-9]{5}|[1-9][0-9]{6,}))"')  # row 300 000 or further
_WIDE_CELL = re.compile(rb' r="([A-Z]{2,3})[0-9]+"')  # a literal start: the search runs in C
_REFERENCE = re.compile(rb'\sr="([A-Z]+[0-9]+)"')
_STYLE = re.compile(rb'\bs="([0-9]+)"')


@dataclass
class _Marks:
    """What the sheet's XML says about cells beyond their values, by coordinate."""

    percent: set[str] = field(default_factory=set)
    errors: dict[str, str] = field(default_factory=dict)
    formulas: dict[str, str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, xml: bytes, percent_styles: frozenset[str], label: str, sheet: str) -> _Marks:
        _check_extent(xml, label, sheet)
        marks = cls()
        if percent_styles:
            # Find the style attribute (a literal: fast), then the cell tag around it.
            wanted = re.compile(rb' s="(?:' + b"|".join(s.encode() for s in sorted(percent_styles)) + rb')"')
            for match in wanted.finditer(xml):
                start = xml.rfind(b"<", 0, match.start())
                end = xml.find(b">", match.end())
                tag = xml[start:end + 1]
                if _CELL_TAG.match(tag) and not tag.endswith(b"/>"):  # a self-closing tag is an empty cell
                    reference = _REFERENCE.search(tag)
                    if reference:
                        marks.percent.add(reference.group(1).decode())
        if b't="e"' in xml:
            for match in _ERROR_CELL.finditer(xml):
                reference = _REFERENCE.search(match.group(1))
                if reference:
                    marks.errors[reference.group(1).decode()] = html.unescape(match.group(2).decode("utf-8", "replace"))
        if b"<f>" in xml or b"<f " in xml or b":f>" in xml or b":f " in xml:
            for match in _FORMULA_ONLY.finditer(xml):
                reference = _REFERENCE.search(match.group(1))
                if reference:
                    marks.formulas[reference.group(1).decode()] = "=" + html.unescape((match.group(2) or b"").decode("utf-8", "replace"))
        marks.merges = [
            (_column_number(a.decode()), int(b), _column_number(c.decode()), int(d))
            for a, b, c, d in _MERGE.findall(xml)
        ]
        return marks


def _check_extent(xml: bytes, label: str, sheet: str) -> None:
    """Refuse a sheet beyond the row, column or cell limit before its cells are read.

    Calamine holds a sheet as a dense grid from A1 to its last cell, so one
    stray cell far down or to the right would cost memory for every cell
    before it. Rows come in order in the XML, so the last rows give the extent;
    two searches that find nothing in a normal sheet catch the rest.
    """
    far = _FAR_ROW.search(xml)
    rows = _ROW_NUMBER.findall(xml[-65536:]) or _ROW_NUMBER.findall(xml)
    last_row = max(max(map(int, rows), default=0), int(far.group(1)) if far else 0)
    wide = [_column_number(letters.decode()) for letters in _WIDE_CELL.findall(xml)]
    last_column = max(wide, default=26)
    if wide:
        last_row = max(last_row, max(map(int, _ROW_NUMBER.findall(xml)), default=0))
    if last_row > MAX_ROWS:
        raise ReporterError(
            error(f"bladet går ner till rad {last_row}; högst {MAX_ROWS} rader läses. Ta bort tomma eller överflödiga rader", file=label, sheet=sheet)
        )
    if last_column > MAX_COLUMNS or last_row * last_column > MAX_CELLS:
        raise ReporterError(
            error(
                f"bladet sträcker sig till kolumn {_column_letter(last_column)} och rad {last_row}; högst {MAX_COLUMNS} kolumner "
                f"({_column_letter(MAX_COLUMNS)}) och {MAX_CELLS:,} celler läses. Ta bort celler långt till höger eller nedanför tabellen".replace(",", " "),
                file=label,
                sheet=sheet,
            )
        )


def _read_sheet(grid: list[list[object]], label: str, title: str, marks: _Marks) -> Table:
    table = Table(file=label, sheet=title)
    table.merged = [f"{_column_letter(c1)}{r1}:{_column_letter(c2)}{r2}" for c1, r1, c2, r2 in marks.merges]
    # A range merged down one column shows its value on every row: read it so.
    down = [(c1, r1, r2) for c1, r1, c2, r2 in marks.merges if c1 == c2 and r2 > r1]
    fill_down = {(column, r): top for column, top, bottom in down for r in range(top + 1, bottom + 1)}
    tops = {(column, top) for column, top, _ in down}
    above: dict[tuple[int, int], Cell] = {}
    special = marks.percent or marks.errors or marks.formulas
    letters = [_column_letter(n) for n in range(1, max(map(len, grid), default=0) + 1)]
    new, percent = tuple.__new__, marks.percent  # a cell per value: the fastest way to make one
    for row_number, row in enumerate(grid, start=1):
        cells: list[Cell | None] = []
        for column_number, value in enumerate(row, start=1):
            if value == "" or (isinstance(value, str) and not value.strip()):
                if fill_down and (column_number, row_number) in fill_down:
                    first = above.get((column_number, fill_down[column_number, row_number]))
                    if first is not None:
                        cells.append(Cell(first.value, f"{letters[column_number - 1]}{row_number}", first.number_format))
                        continue
                coordinate = f"{letters[column_number - 1]}{row_number}" if special else ""
                if coordinate in marks.formulas:
                    cells.append(Cell(FormulaWithoutValue(marks.formulas[coordinate]), coordinate))
                elif coordinate in marks.errors:
                    cells.append(Cell(ExcelError(marks.errors[coordinate]), coordinate))
                else:
                    cells.append(None)
                continue
            coordinate = f"{letters[column_number - 1]}{row_number}"
            if coordinate in marks.errors:
                value = ExcelError(marks.errors[coordinate])
            cell = new(Cell, (value, coordinate, PERCENT_FORMAT if coordinate in percent else None))
            if tops and (column_number, row_number) in tops:
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
    return table


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
