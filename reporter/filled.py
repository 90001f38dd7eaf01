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
from typing import Any

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
        self._unit = sheet.v1_key or sheet.key
        self._group = tuple(f for f in sheet.filled_together or () if f in self._unit)
        self._tables: list[tuple[Table, dict[str, str | None]]] = []  # each table read, and its columns' letters
        self._records: list[tuple[int, Any]] = []  # each record read, with the number of its table

    @staticmethod
    def of(sheet: Sheet) -> FilledColumns | None:
        """The collector of a sheet whose optional number columns are all or nothing; None for the others."""
        return FilledColumns(sheet) if sheet.filled_together is not None else None

    def table(self, table: Table, columns: dict[Column, tuple[int, float]]) -> None:
        """The table whose records come next, and where its columns are."""
        at = {c.field: index for c, (index, _) in columns.items()}
        self._tables.append((table, {c.field: column_letter(at[c.field] + 1) if c.field in at else None for c in self.columns}))

    def add(self, record) -> None:
        """One record of the current table."""
        if self._tables:
            self._records.append((len(self._tables) - 1, record))

    def _place(self, table_number: int, record, field: str) -> _Place:
        table, letters = self._tables[table_number]
        letter = letters[field]
        cell = f"{letter}{record.source.row}" if letter else f"rad {table.header_row}"
        return _Place(table.file, table.sheet, cell, _merged(table, cell) if letter else "", getattr(record, "division", None) or "")

    def problems(self) -> list[Problem]:
        """An error for each column (and group) that some rows fill and others leave blank, at its first blank cell."""
        problems: list[Problem] = []
        records = [(t, r) for t, r in self._records if isinstance(r.source.row, int)]
        for column in self.columns:
            field = column.field
            blanks = sum(1 for _, r in records if getattr(r, field) is None)
            if blanks in (0, len(records)):
                continue  # filled on every row, or on none: so in every group too
            units: dict[tuple, dict[tuple, bool]] = defaultdict(dict)  # group → unit → filled on any of its rows
            for _, r in records:
                seen = units[tuple(getattr(r, f) for f in self._group)]
                unit = tuple(getattr(r, f) for f in self._unit)
                seen[unit] = seen.get(unit, False) or getattr(r, field) is not None
            for group, filled_units in units.items():
                if all(filled_units.values()) or not any(filled_units.values()):
                    continue
                rows = [(t, r) for t, r in records if tuple(getattr(r, f) for f in self._group) == group]
                filled = [self._place(t, r, field) for t, r in rows if getattr(r, field) is not None]
                blank = [self._place(t, r, field) for t, r in rows if not filled_units[tuple(getattr(r, f) for f in self._unit)]]
                problems.append(self._problem(column, group, filled, blank))
        return problems

    def _problem(self, column: Column, group: tuple, filled: list[_Place], blank: list[_Place]) -> Problem:
        header = column.header
        first = blank[0]
        cells = [p.cell for p in blank if p.file == first.file and p.cell != first.cell and not p.cell.startswith("rad ")]
        more = f" och i {_listed(cells)}" if cells else ""
        missing = sorted({p.file for p in blank if p.cell.startswith("rad ")})
        where = (f"kolumnen {header} saknas i {', '.join(missing)}" if first.cell.startswith("rad ")
                 else f"{header} är tom här{more}")
        merged = f"; cellen ingår i de sammanslagna cellerna {first.merged}: dela upp sammanslagningen och fyll i varje cell" if first.merged else ""
        label = ", ".join(str(k) for k in group if k is not None)
        of = f" i serien {label}" if label and self.sheet.filled_together else ""
        return Problem(
            Severity.ERROR,
            f"{where}{merged}, men ifylld på {len(filled)} {'rad' if len(filled) == 1 else 'rader'}{of} (t.ex. {filled[0].cell}); "
            f"en tom cell är inte 0 och jämförelser och summor blir fel: fyll i {header} på alla rader (0 om det är noll), "
            f"eller lämna kolumnen tom på alla",
            Location(first.file, first.sheet, first.cell),
            tuple(Location(p.file, p.sheet, p.cell) for p in blank[1:2] if p.file != first.file),
            division=first.division,
        )


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
