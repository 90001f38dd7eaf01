"""All or nothing per column (issue 24, item 4).

An optional number column that some rows fill and others leave blank is an
error naming the blank cells: a blank cell is not a zero, and eight divisions'
utfall compared with seven divisions' budget is a wrong figure. Which rows
must agree is the sheet's (``Sheet.filled_together`` in schema.py): on
Divisioner every row, on a monthly sheet every row of one series (a division
without hired staff leaves Inhyrd personal blank in every month). Sheets where
a blank cell means "not reported" for that row alone (Region, Särskilda
kostnader …) are not checked. Rows split by verksamhetsområde or verksamhet
(version 2) count together: a division fills a column when any of its rows
for the same version-1 key does, as the version-1 view sums them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .errors import Location, Problem, Severity
from .schema import Column, Kind, Sheet
from .workbook import Table, column_letter, split_coordinate

NAMED_CELLS = 6  # blank cells named in one message


@dataclass(frozen=True)
class _Place:
    file: str
    sheet: str
    cell: str  # a cell, or "rad 1" for a column the file does not have
    merged: str  # the merged range the blank cell is in, or ""
    division: str


class FilledColumns:
    """Collects, for one sheet over all its files, which rows fill each optional number column."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.columns = [c for c in sheet.columns if not c.required and c.kind in (Kind.AMOUNT, Kind.NUMBER, Kind.SHARE)]
        self._letters: dict[str, str | None] = {}
        self._table: Table | None = None
        self._unit = sheet.v1_key or sheet.key
        self._group = tuple(f for f in sheet.filled_together or () if f in self._unit)
        # (group, field) → unit (the record's version-1 key) → the places it fills, and the blank ones
        self._units: dict[tuple[tuple, str], dict[tuple, tuple[list[_Place], list[_Place]]]] = defaultdict(dict)

    @staticmethod
    def of(sheet: Sheet) -> FilledColumns | None:
        """The collector of a sheet whose optional number columns are all or nothing; None for the others."""
        return FilledColumns(sheet) if sheet.filled_together is not None else None

    def table(self, table: Table, columns: dict[Column, tuple[int, float]]) -> None:
        """The table whose records come next, and where its columns are."""
        self._table = table
        at = {c.field: index for c, (index, _) in columns.items()}
        self._letters = {c.field: column_letter(at[c.field] + 1) if c.field in at else None for c in self.columns}

    def add(self, record) -> None:
        """One record of the current table."""
        table = self._table
        if table is None or not isinstance(record.source.row, int):
            return
        group = tuple(getattr(record, f) for f in self._group)
        unit = tuple(getattr(record, f) for f in self._unit)
        division = getattr(record, "division", None) or ""
        for column in self.columns:
            letter = self._letters[column.field]
            cell = f"{letter}{record.source.row}" if letter else f"rad {table.header_row}"
            place = _Place(table.file, table.sheet, cell, _merged(table, cell) if letter else "", division)
            filled, blank = self._units[(group, column.field)].setdefault(unit, ([], []))
            (filled if getattr(record, column.field) is not None else blank).append(place)

    def problems(self) -> list[Problem]:
        """An error for each column (and group) that some rows fill and others leave blank, at its first blank cell."""
        problems: list[Problem] = []
        headers = {c.field: c.header for c in self.columns}
        for (group, field), units in self._units.items():
            filled = [p for places, _ in units.values() for p in places]
            blank = [p for places, empty in units.values() if not places for p in empty]
            if not filled or not blank:
                continue
            header = headers[field]
            first = blank[0]
            cells = [p.cell for p in blank if p.file == first.file and p.cell != first.cell and not p.cell.startswith("rad ")]
            more = f" och i {_listed(cells)}" if cells else ""
            missing = sorted({p.file for p in blank if p.cell.startswith("rad ")})
            where = (f"kolumnen {header} saknas i {', '.join(missing)}" if first.cell.startswith("rad ")
                     else f"{header} är tom här{more}")
            merged = f"; cellen ingår i de sammanslagna cellerna {first.merged}: dela upp sammanslagningen och fyll i varje cell" if first.merged else ""
            label = ", ".join(str(k) for k in group if k is not None)
            of = f" i serien {label}" if label and self.sheet.filled_together else ""
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"{where}{merged}, men ifylld på {len(filled)} {'rad' if len(filled) == 1 else 'rader'}{of} (t.ex. {filled[0].cell}); "
                    f"en tom cell är inte 0 och jämförelser och summor blir fel: fyll i {header} på alla rader (0 om det är noll), "
                    f"eller lämna kolumnen tom på alla",
                    Location(first.file, first.sheet, first.cell),
                    tuple(Location(p.file, p.sheet, p.cell) for p in blank[1:2] if p.file != first.file),
                    division=first.division,
                )
            )
        return problems


def _listed(cells: list[str]) -> str:
    shown = ", ".join(cells[:NAMED_CELLS])
    return shown + (f" och {len(cells) - NAMED_CELLS} celler till" if len(cells) > NAMED_CELLS else "")


def _merged(table: Table, cell: str) -> str:
    if not table.merged_ranges:
        return ""
    column, row = split_coordinate(cell)
    return next(
        (f"{column_letter(c1)}{r1}:{column_letter(c2)}{r2}" for c1, r1, c2, r2 in table.merged_ranges if c1 <= column <= c2 and r1 <= row <= r2),
        "",
    )
