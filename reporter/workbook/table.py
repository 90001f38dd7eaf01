"""A sheet as read: its rows of values, and what the file says about some cells.

Both readers (python-calamine for plain sheets, our own for the rest) give
the same :class:`Table`: non-blank rows as lists of values, ``""`` for an
empty cell, and beside them the few cells whose number format shows another
number than the one stored (percent, thousands). A :class:`Cell` with its
coordinate is made only when validation asks for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import Problem
from .formats import NumberFormat


class FormulaWithoutValue:
    """A formula cell whose value was never calculated and saved."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __repr__(self) -> str:
        return f"FormulaWithoutValue({self.formula!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FormulaWithoutValue) and other.formula == self.formula

    def __hash__(self) -> int:
        return hash(self.formula)


class ExcelError(str):
    """An Excel error value in a cell, e.g. ``#DIV/0!``."""


class Unreadable(str):
    """A cell that no program could show as a value; the text says why, in Swedish."""


class Cell(NamedTuple):
    """One non-empty cell: its value as read, where it is, and its number format
    when that shows another number than the value (percent, thousands).

    ``inherited`` is true when the format is the column's or row's, not the
    cell's own: LibreOffice shows the cell with it, Excel without.
    """

    value: object
    coordinate: str
    number_format: NumberFormat | None = None
    inherited: bool = False

    @property
    def percent(self) -> bool:
        """True for a cell shown as a percentage: 0,83 is 83 %."""
        return self.number_format is not None and self.number_format.kind == "percent"


@dataclass
class Table:
    """A sheet: its non-blank rows, the first of them taken as the header row.

    ``formats`` holds, by (row number, column index), the cells whose number
    format shows another number than their value; ``empty_formulas`` the
    cells whose formula gave the empty string (read as empty, as Excel shows
    them). ``merged`` lists merged ranges as (first column, first row, last
    column, last row); a range merged down one column is read as its value on
    every row, as Excel shows it. ``totals_rows`` are the rows that are an Excel
    Table's totals row, with the table's name. ``notes`` are the reader's warnings.
    """

    file: str
    sheet: str
    header: list[Cell | None] = field(default_factory=list)
    header_row: int = 0
    rows: list[tuple[int, list[object]]] = field(default_factory=list)
    formats: dict[tuple[int, int], tuple[NumberFormat, bool]] = field(default_factory=dict)
    empty_formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    merged_ranges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False
    notes: list[Problem] = field(default_factory=list)
    totals_rows: dict[int, str] = field(default_factory=dict)
    _fill: dict[tuple[int, int], tuple[int, object]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, file: str, sheet: str, rows: list[tuple[int, list[object]]], **marks) -> Table:
        """A table from its non-blank rows, in order; the first is the header."""
        table = cls(file, sheet, **marks)
        if rows:
            table.header_row, values = rows[0]
            table.rows = rows[1:]
            table.header = table.cells(table.header_row, values)
        return table

    @property
    def merged(self) -> list[str]:
        """The merged ranges as Excel names them: ``A2:A5``."""
        return [f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}" for c1, r1, c2, r2 in self.merged_ranges]

    def cell(self, row: int, values: list[object], index: int) -> Cell | None:
        """The cell in column ``index`` (0-based) of a row, or None when it is empty."""
        value = values[index] if index < len(values) else ""
        if value.__class__ is str and (not value or value.isspace()):
            if self.merged_ranges:
                return self._filled(row, index)
            return None
        marked = self.formats.get((row, index)) if self.formats else None
        if marked is not None:
            return Cell(value, f"{column_letter(index + 1)}{row}", marked[0], marked[1])
        return Cell(value, f"{column_letter(index + 1)}{row}")

    def value(self, row: int, values: list[object], index: int) -> tuple[object, tuple[NumberFormat, bool] | None] | None:
        """The value in column ``index`` of a row and its format mark (None for a plain number);
        None when the cell is empty. The lean form of :meth:`cell`, for every cell of a sheet."""
        value = values[index] if index < len(values) else ""
        if value.__class__ is str and (not value or value.isspace()):
            if self.merged_ranges:
                filled = self._filled(row, index)
                if filled is not None:
                    return filled.value, (filled.number_format, filled.inherited) if filled.number_format else None
            return None
        return value, self.formats.get((row, index)) if self.formats else None

    def cells(self, row: int, values: list[object]) -> list[Cell | None]:
        """Every cell of a row, trailing empty ones left out."""
        cells = [self.cell(row, values, index) for index in range(len(values))]
        while cells and cells[-1] is None:
            cells.pop()
        return cells

    def _filled(self, row: int, index: int) -> Cell | None:
        """An empty cell inside a range merged down its column shows the range's value."""
        if self._fill is None:
            self._fill = {}
            by_row = dict(self.rows)
            by_row[self.header_row] = []
            for c1, r1, c2, r2 in self.merged_ranges:
                if c1 == c2 and r2 > r1 and r1 in by_row:
                    top = by_row[r1]
                    value = top[c1 - 1] if c1 - 1 < len(top) else ""
                    for below in range(r1 + 1, r2 + 1):
                        self._fill[(c1 - 1, below)] = (r1, value)
        found = self._fill.get((index, row))
        if found is None:
            return None
        top_row, value = found
        if value.__class__ is str and (not value or value.isspace()):
            return None
        marked = self.formats.get((top_row, index))
        return Cell(value, f"{column_letter(index + 1)}{row}", *(marked or ()))


_COORDINATE = re.compile(r"([A-Z]+)([0-9]+)")


def split_coordinate(coordinate: str) -> tuple[int, int]:
    """``C7`` → (3, 7): column and row numbers."""
    match = _COORDINATE.fullmatch(coordinate)
    if match is None:
        raise ValueError(coordinate)
    return column_number(match.group(1)), int(match.group(2))


def column_number(letters: str) -> int:
    """``A`` → 1, ``AA`` → 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, digit = divmod(number - 1, 26)
        letters = chr(65 + digit) + letters
    return letters


_LETTERS = [_letters(n) for n in range(1, 703)]  # A … ZZ, the columns a sheet of ours may have


def column_letter(number: int) -> str:
    """1 → ``A``, 27 → ``AA``."""
    return _LETTERS[number - 1] if 0 < number <= len(_LETTERS) else _letters(number)
