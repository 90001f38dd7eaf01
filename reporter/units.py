"""A header's amount unit against the values' magnitude (issue 24, item 3).

``Utfall (mnkr)`` over values in tkr publishes a thousand times the figure.
A unit in a header is honoured, and converted, only where the values agree
with it: against the other amount columns of the same rows (the budget, the
previous year, the previous month) and against the same column in the other
files of the sheet (the other divisions). A column whose values are of the
same size as columns in another unit, so that its unit makes them a thousand
times larger or smaller, is an error naming its header cell.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .errors import Problem, error
from .schema import Column, Kind, Sheet
from .values import split_header, text_of
from .workbook import Table, column_letter

# Ratios beyond this (a hundredfold) are no budget deviation or difference between divisions; a unit is a thousandfold.
APART = 2.0  # log10
UNIT_NAMES = {0.001: "kr", 1.0: "tkr", 1000.0: "mnkr"}


def _family(field: str) -> str:
    """Columns that measure the same kind of amount: results, budgets and forecasts beside each other; net costs apart."""
    return "nettokostnad" if field.startswith("nettokostnad") else "resultat"


@dataclass
class _Column:
    file: str
    sheet: str
    column: Column
    header: str  # as written
    cell: str  # the header cell
    factor: float
    explicit: bool
    typical: float | None  # median of the values' size, in tkr after conversion


class AmountUnits:
    """Collects a sheet's amount columns over its files, and checks each unit against the values."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.columns: list[_Column] = []
        self.problems: list[Problem] = []

    @staticmethod
    def of(sheet: Sheet) -> AmountUnits | None:
        """The collector of a sheet with an amount column; None for the others."""
        return AmountUnits(sheet) if any(c.kind is Kind.AMOUNT for c in sheet.columns) else None

    def table(self, table: Table, columns: dict[Column, tuple[int, float]], read: list, plain: Callable[[float], str]) -> None:
        """One table's amount columns and records: its columns against each other, row by row."""
        found = []
        for column, (index, factor) in columns.items():
            if column.kind is not Kind.AMOUNT:
                continue
            cell = table.header[index] if index < len(table.header) else None
            written = text_of(cell.value) if cell is not None else column.header
            sizes = [abs(v) for r in read if (v := getattr(r, column.field)) is not None and v]
            found.append(_Column(table.file, table.sheet, column, written, f"{column_letter(index + 1)}{table.header_row}", factor,
                                 split_header(written)[1] is not None, statistics.median(sizes) if sizes else None))
        self.columns += found
        blamed = set()
        for one in found:
            if not one.explicit or one.column.field in blamed:
                continue
            against = [o for o in found if o is not one and o.factor != one.factor and _family(o.column.field) == _family(one.column.field)]
            disagree = []
            for other in against:
                ratios = [abs(a) / abs(b) for r in read if (a := getattr(r, one.column.field)) and (b := getattr(r, other.column.field))]
                if ratios and _same_raw_size(statistics.median(ratios), one.factor / other.factor):
                    disagree.append(other)
            if not disagree or len(disagree) * 2 < len(against):
                continue
            units = Counter(o.factor for o in found if _family(o.column.field) == _family(one.column.field))
            if units[one.factor] > units[disagree[0].factor]:
                continue  # the other column's unit is the odd one: it is named when its turn comes
            blamed.add(one.column.field)
            other = disagree[0]
            row = next((r for r in read if getattr(r, one.column.field) and getattr(r, other.column.field)), None)
            example = (f" (t.ex. {row.source.cell}: {one.column.header} {plain(getattr(row, one.column.field) / one.factor)}, "
                       f"{other.column.header} {plain(getattr(row, other.column.field) / other.factor)})") if row is not None else ""
            self.problems.append(_disagrees(one, f"värdena är av samma storlek som i kolumnen '{other.header}'{example}", other.factor))

    def check(self) -> list[Problem]:
        """The table checks' problems, and each explicit unit against the same column of the sheet's other files."""
        problems = list(self.problems)
        named = {(p.where.file, p.where.cell) for p in problems}
        for one in self.columns:
            if not one.explicit or one.typical is None or (one.file, one.cell) in named:
                continue
            others = [o for o in self.columns if o.column is one.column and o.file != one.file and o.typical is not None]
            against = [o for o in others if o.factor != one.factor]
            disagree = [o for o in against if o.typical and _same_raw_size(one.typical / o.typical, one.factor / o.factor)]
            if not disagree or len(disagree) * 2 < len(against):
                continue
            mine = 1 + sum(o.factor == one.factor for o in others)
            if mine > len(disagree) or (mine == len(disagree) and one.file > min(o.file for o in disagree)):
                continue  # the others are the odd ones; or as many each way, and the first file's message names both
            files = ", ".join(sorted({o.file for o in disagree})[:3])
            unit = UNIT_NAMES.get(disagree[0].factor, "tkr")
            problems.append(_disagrees(one, f"värdena är av samma storlek som samma kolumn i {files}, där enheten är {unit}", disagree[0].factor))
        return problems


def _same_raw_size(ratio: float, factors: float) -> bool:
    """True when converted values ``ratio`` apart were, as written, of about the same size (the units ``factors`` apart)."""
    if ratio <= 0 or factors == 1:
        return False
    apart, expected = math.log10(ratio), math.log10(factors)
    return abs(apart) >= APART and abs(apart - expected) < abs(apart)


def _disagrees(one: _Column, why: str, other_factor: float) -> Problem:
    unit = UNIT_NAMES.get(one.factor, "")
    times = one.factor / other_factor
    size = f"{round(max(times, 1 / times)):,} gånger {'större' if times > 1 else 'mindre'}".replace(",", "\u00a0")
    return error(
        f"rubriken '{one.header}' säger att beloppen är i {unit}, men {why}; med enheten {unit} blir de {size}. "
        f"Skriv den enhet värdena är i ({UNIT_NAMES.get(other_factor, 'tkr')}?) i rubriken, eller rätta värdena",
        file=one.file, sheet=one.sheet, cell=one.cell,
    )
