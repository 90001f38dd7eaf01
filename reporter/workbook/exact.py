"""The sheet reader that follows the standard, element by element.

One streaming pass (lxml ``iterparse``, each row dropped once read) over a
worksheet part gives every cell's value, type, formula and number format as
ECMA-376 Part 1 (18.3, 18.8) defines them: cells with or without ``r``, any
quoting, namespace prefix and attribute order; shared, inline and rich
strings; shared formulas; ``t="e"`` errors with or without a formula;
``t="str"`` with an empty or missing saved value; styles through
``cellXfs``; the 1900 and 1904 date systems. A cell that no program could
show (a date before 1900, a string index the file lacks) becomes an
:class:`Unreadable` value saying why, never an exception.

This reader is the reference: python-calamine is used instead only where it
is known to give the same values (see :mod:`reporter.workbook.fast`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from lxml import etree

from ..errors import ReporterError, error, warning
from .formats import DATE, GENERAL, GENERAL_FORMAT, NumberFormat
from .parts import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, Styles, item_text, local, to_int
from .table import ExcelError, FormulaWithoutValue, Table, Unreadable, column_letter, column_number

_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 9999-12-31, the last day Excel shows
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass
class _Columns:
    """The column styles of ``<cols>``: ranges of columns and the style index of each."""

    ranges: list[tuple[int, int, int]] = field(default_factory=list)  # (first, last, style)
    starts: list[int] | None = None

    def add(self, first: int, last: int, style: int) -> None:
        self.ranges.append((first, last, style))
        self.starts = None

    def style_of(self, column: int) -> int | None:
        """The style of a column, or None when it has none of its own."""
        if not self.ranges:
            return None
        if self.starts is None:
            self.ranges.sort()
            self.starts = [first for first, _, _ in self.ranges]
        position = bisect_right(self.starts, column) - 1
        if position < 0:
            return None
        _, last, style = self.ranges[position]
        return style if column <= last else None


class _Sheet:
    """The state of one pass over a sheet."""

    def __init__(self, styles: Styles, strings: list[str], date1904: bool, label: str, name: str) -> None:
        self.styles = styles
        self.strings = strings
        self.date1904 = date1904
        self.label = label
        self.name = name
        self.rows: dict[int, list[object]] = {}
        self.formats: dict[tuple[int, int], tuple[NumberFormat, bool]] = {}
        self.empty_formulas: dict[tuple[int, int], str] = {}
        self.merged: list[tuple[int, int, int, int]] = []
        self.columns = _Columns()
        self.shared_formulas: dict[str, tuple[str, str]] = {}
        self.inherited: dict[int, list] = {}  # column index → [first coordinate, count, format, what it shows]
        self.last_row = 0
        self.last_column = 0

    def fail(self, message: str) -> None:
        raise ReporterError(error(message, file=self.label, sheet=self.name))

    def extent(self, row: int, column: int) -> None:
        """Refuse a sheet beyond the row, column or cell limits, as soon as it goes beyond them."""
        if row > self.last_row:
            self.last_row = row
            if row > MAX_ROWS:
                self.fail(f"bladet går ner till rad {row}; högst {MAX_ROWS} rader läses. Ta bort tomma eller överflödiga rader")
        self.last_column = max(self.last_column, column)
        if self.last_column > MAX_COLUMNS or self.last_row * self.last_column > MAX_CELLS:
            self.fail(
                f"bladet sträcker sig till kolumn {column_letter(self.last_column)} och rad {self.last_row}; högst {MAX_COLUMNS} kolumner "
                f"({column_letter(MAX_COLUMNS)}) och {MAX_CELLS:,} celler läses. Ta bort celler långt till höger eller nedanför tabellen".replace(",", " ")
            )


def read_exact(xml: bytes, styles: Styles, strings: list[str], date1904: bool, label: str, name: str, hidden: bool) -> Table:
    """Read one worksheet part into a table; raise ReporterError for a sheet that cannot be read."""
    state = _Sheet(styles, strings, date1904, label, name)
    row_number = 0
    try:
        for _, element in etree.iterparse(
            io.BytesIO(xml), events=("end",), tag=("{*}row", "{*}col", "{*}mergeCell"),
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        ):
            kind = local(element.tag)
            if kind == "row":
                row_number = _row(state, element, row_number)
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
            elif kind == "col":
                _column(state, element)
            elif kind == "mergeCell":
                _merge(state, element.get("ref") or "")
    except etree.XMLSyntaxError as exc:
        state.fail(f"bladet är inte giltig XML ({exc}); spara arbetsboken igen från Excel")
    rows = [(number, values) for number, values in sorted(state.rows.items()) if _has_value(values)]
    table = Table.of(label, name, rows, formats=state.formats, empty_formulas=state.empty_formulas, merged_ranges=state.merged, hidden=hidden)
    table.notes = _inherited_notes(state)
    return table


def _has_value(values: list[object]) -> bool:
    return any(not (value.__class__ is str and (not value or value.isspace())) for value in values)


def _column(state: _Sheet, element: etree._Element) -> None:
    try:
        first, last = int(element.get("min") or 0), int(element.get("max") or 0)
        style = int(element.get("style") or 0)
    except ValueError:
        return
    if style and first > 0:
        state.columns.add(first, max(first, last), style)


def _merge(state: _Sheet, ref: str) -> None:
    try:
        first, _, last = ref.partition(":")
        c1, r1 = _position(first)
        c2, r2 = _position(last or first)
    except ValueError:
        return
    state.merged.append((c1, r1, c2, r2))


def _position(reference: str) -> tuple[int, int]:
    reference = reference.strip().replace("$", "")
    split = len(reference) - len(reference.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if not split or not reference[split:].isdigit():
        raise ValueError(reference)
    return column_number(reference[:split]), int(reference[split:])


def _row(state: _Sheet, element: etree._Element, previous: int) -> int:
    """Read one ``<row>``; its number is its ``r``, or the one after the previous row."""
    attributes = element.attrib
    number = previous + 1
    if "r" in attributes:
        try:
            number = int(attributes["r"])
        except ValueError:
            state.fail(f"rad {previous + 1} har radnumret '{attributes['r']}'; spara arbetsboken igen från Excel")
    row_style = None
    if (attributes.get("customFormat") or "").strip() in ("1", "true") and "s" in attributes:
        row_style = to_int(attributes["s"])
    column = 0
    for cell in element:
        if local(cell.tag) != "c":
            continue
        reference = cell.get("r")
        cell_row = number
        if reference:
            try:
                column, cell_row = _position(reference)
            except ValueError:
                state.fail(f"en cell på rad {number} har adressen '{reference}'; spara arbetsboken igen från Excel")
        else:
            column += 1
        state.extent(cell_row, column)
        _cell(state, cell, cell_row, column, row_style)
    state.extent(number, 0)
    return number


def _cell(state: _Sheet, cell: etree._Element, row: int, column: int, row_style: int | None) -> None:
    kind = (cell.get("t") or "n").strip()
    value_text = formula = inline = None
    for child in cell:
        name = local(child.tag)
        if name == "v":
            value_text = child.text or ""
        elif name == "f":
            formula = child
        elif name == "is":
            inline = child
    formula_text = _formula(state, formula, column_letter(column) + str(row)) if formula is not None else None
    style_attribute = cell.get("s")
    value: object
    if kind == "s":
        index = to_int(value_text)
        if index is None or not 0 <= index < len(state.strings):
            value = Unreadable(f"cellen pekar på den delade texten nr {value_text}, som saknas i filen; spara arbetsboken igen från Excel")
        else:
            value = _unescape(state.strings[index])
    elif kind == "inlineStr":
        value = _unescape(item_text(inline)) if inline is not None else (value_text or "")
    elif kind == "str":
        value = _saved(value_text, formula_text, state, row, column, text=True)
        if value.__class__ is str:
            value = _unescape(value)
    elif kind == "b":
        value = _saved(value_text, formula_text, state, row, column)
        if value.__class__ is str and value:
            value = value.strip() in ("1", "true")
    elif kind == "e":
        text = (value_text or "").strip()
        if text:
            value = ExcelError(text)
        elif formula_text is not None:
            value = FormulaWithoutValue(formula_text)
        else:
            value = Unreadable("cellen är markerad som ett Excel-fel men saknar felvärde; spara arbetsboken igen från Excel")
    elif kind == "d":
        value = _iso_date(value_text, formula_text, state, row, column)
    else:
        value = _saved(value_text, formula_text, state, row, column)
        if value.__class__ is str and value:
            value = _number(state, value, style_attribute, row_style, row, column)
    if value.__class__ is str and not value:
        return
    values = state.rows.get(row)
    if values is None:
        values = state.rows[row] = []
    if len(values) < column:
        values.extend([""] * (column - len(values)))
    values[column - 1] = value


def _saved(value_text: str | None, formula_text: str | None, state: _Sheet, row: int, column: int, text: bool = False) -> object:
    """The saved text of a cell, "" for none. A formula with no saved value is said so; a text
    formula whose saved value is "" (``=IF(…;"";…)``) is an empty cell, as Excel shows it."""
    if formula_text is not None and (value_text is None or (value_text == "" and not text)):
        return FormulaWithoutValue(formula_text)
    if value_text is None:
        return ""
    if value_text == "" and formula_text is not None:
        state.empty_formulas[(row, column - 1)] = formula_text
    return value_text


def _formula(state: _Sheet, formula: etree._Element, coordinate: str) -> str:
    """The formula as Excel shows it (``=B2*2``); a shared formula's cells are translated from its first cell."""
    text = formula.text or ""
    if (formula.get("t") or "") == "shared":
        group = formula.get("si") or ""
        if text:
            state.shared_formulas[group] = (coordinate, text)
        elif group in state.shared_formulas:
            origin, first = state.shared_formulas[group]
            try:
                from openpyxl.formula.translate import Translator

                return Translator("=" + first, origin=origin).translate_formula(coordinate)
            except Exception:  # noqa: BLE001 - a formula we cannot translate is still shown
                return "=" + first
    return "=" + text


def _number(state: _Sheet, text: str, style_attribute: str | None, row_style: int | None, row: int, column: int) -> object:
    """A numeric cell's value: a number, or the date its format shows."""
    try:
        number = float(text)
    except ValueError:
        return text  # as python-calamine reads it; validation says it is no number
    inherited = False
    if style_attribute is not None:
        number_format = state.styles.format_of(to_int(style_attribute) or 0)
    else:
        style = row_style if row_style is not None else state.columns.style_of(column)
        number_format = state.styles.format_of(style) if style is not None else GENERAL_FORMAT
        inherited = number_format.kind != GENERAL
    if inherited:
        _note_inherited(state, row, column, number, number_format)
    if number_format.kind == DATE:
        return _date(state, number, number_format)
    if number_format.shows_differently:
        state.formats[(row, column - 1)] = (number_format, inherited)
    return number


def _date(state: _Sheet, serial: float, number_format: NumberFormat) -> object:
    """A date serial as the date Excel shows; python-calamine's types (date, datetime or time)."""
    shown = f"{serial:g}".replace(".", ",").replace("-", "−")
    if serial != serial or serial in (float("inf"), float("-inf")) or serial < 0 or serial > _LAST_SERIAL:
        return Unreadable(f"cellen är formaterad som datum ({number_format.code}) men värdet {shown} är inget datum Excel kan visa (####)")
    if not state.date1904 and 60 <= serial < 61:
        return Unreadable("cellen visar datumet 1900-02-29, som inte finns (Excel räknar 1900 som skottår); skriv in rätt datum")
    if serial < 1:
        milliseconds = round(serial * 86_400_000)
        return (dt.datetime.min + dt.timedelta(milliseconds=milliseconds)).time()
    whole = int(serial)
    milliseconds = round((serial - whole) * 86_400_000)
    if state.date1904:
        moment = _EPOCH_1904 + dt.timedelta(days=whole, milliseconds=milliseconds)
    else:
        moment = _EPOCH_1900 + dt.timedelta(days=whole + (1 if whole < 60 else 0), milliseconds=milliseconds)
    return moment.date() if not milliseconds else moment


def _iso_date(value_text: str | None, formula_text: str | None, state: _Sheet, row: int, column: int) -> object:
    text = _saved(value_text, formula_text, state, row, column)
    if text.__class__ is not str or not text:
        return text
    try:
        return dt.datetime.fromisoformat(text.strip().rstrip("Z"))
    except ValueError:
        return text


def _note_inherited(state: _Sheet, row: int, column: int, number: float, number_format: NumberFormat) -> None:
    """Remember a cell shown with its column's (or row's) format: Excel and LibreOffice differ there."""
    if not (number_format.kind == DATE or number_format.shows_differently):
        return
    seen = state.inherited.get(column)
    if seen is None:
        state.inherited[column] = [f"{column_letter(column)}{row}", 1, number_format, number]
    else:
        seen[1] += 1


def _inherited_notes(state: _Sheet) -> list:
    notes = []
    for _, (first, count, number_format, number) in sorted(state.inherited.items()):
        shown = {"percent": "procent", DATE: "datum"}.get(number_format.kind, "tusental")
        plain = f"{number:g}".replace(".", ",")
        cells = "cellen" if count == 1 else f"{count} celler i kolumnen, t.ex. {first},"
        notes.append(
            warning(
                f"{cells} saknar eget talformat, så kolumnens format ({shown}, {number_format.code}) gäller: "
                f"LibreOffice visar {plain} som {shown} men Excel visar talet {plain}. Cellen läses som {shown}; "
                f"formatera cellerna i kolumnen i Excel (Formatera celler) så att de visar det som avses",
                file=state.label, sheet=state.name, cell=first,
            )
        )
    return notes


def _unescape(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes (for characters XML cannot hold) as the characters."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)
