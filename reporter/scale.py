"""Scale per series, not per column (issue 24, item 3): shares written 0–1 among shares written 0–100.

A share column (Andel, Beläggning) holds percent 0–100; a cell formatted as
percent (0,83 shown as 83 %) or text with a percent sign says its scale
itself. A plain number or text without a sign (0,801) does not: among 80-odd
values of its own series it is 80,1 written as a fraction, and published as
0,8 procent it is a wrong figure. So it is an error at the cell, showing the
value and the scale expected; the same for a whole measure written 0–1 in a
column whose other measures are written 0–100. Only when every value of the
column is 0–1 is the scale unknowable: a warning says so, as before.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable

from .errors import Problem, error, warning
from .schema import Column
from .workbook import NumberFormat, Table, column_letter

# A series whose values (other than the cell) lie at or above this, in most of its cells, is written 0–100.
PERCENT_SCALE = 10.0


class ShareScale:
    """What a share column's cells look like, cell by cell: their values and whether each says its own scale."""

    def __init__(self) -> None:
        self.numbers = 0
        self.largest = 0.0
        self.percent = False
        self.first = ""
        self.cells: list[tuple[int, str, float, bool]] = []  # row, cell, share as read, scale written out (% format or sign)

    def add(self, found: tuple[object, tuple[NumberFormat, bool] | None], coordinate: str, row: int = 0, share: object = None) -> None:
        """One cell: ``found`` as the table gives it, and the share read from it."""
        value, marked = found
        explicit = marked is not None and marked[0].kind == "percent"
        if explicit:
            self.percent = True
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.numbers += 1
            self.largest = max(self.largest, abs(value))
            self.first = self.first or coordinate
        else:
            self.percent = True  # text such as "83 %" or "83": written as percent
            explicit = isinstance(value, str) and "%" in value
        if isinstance(share, float):
            self.cells.append((row, coordinate, share, explicit))

    def problems(self, column: Column, table: Table, index: int, series_of: dict[int, tuple], plain: Callable[[float], str]) -> list[Problem]:
        """Errors for values written 0–1 where their series or column is written 0–100; the old warning when all are 0–1.

        ``series_of``: row number → the row's series (its key without the month)."""
        where = {"file": table.file, "sheet": table.sheet}
        series: dict[tuple, list[tuple[int, str, float, bool]]] = defaultdict(list)
        for cell in self.cells:
            if cell[0] in series_of:
                series[series_of[cell[0]]].append(cell)
        problems: list[Problem] = []
        percent_series = {key: cells for key, cells in series.items() if _written_0_100(cells)}
        for key, cells in series.items():
            label = ", ".join(str(k) for k in key if k is not None)
            if key in percent_series:
                for _, coordinate, share, explicit in cells:
                    if explicit or not 0 < share <= 1:
                        continue
                    others = [c for c in cells if c[1] != coordinate and c[2] > 1]
                    typical = statistics.median(c[2] for c in others)
                    problems.append(
                        error(
                            f"{column.header}: {_fraction(share)} är skriven som andel 0–1, men serien {label} är skriven i procent 0–100 "
                            f"(i övrigt kring {plain(round(typical))}, t.ex. {others[0][1]}: {plain(others[0][2])}), så den skulle visas som "
                            f"{_fraction(share)} procent; skriv {plain(share * 100)} (eller {plain(share * 100)} %), eller formatera cellen som procent",
                            cell=coordinate, **where,
                        )
                    )
            elif percent_series and cells and all(not explicit and 0 <= share <= 1 for _, _, share, explicit in cells) and any(c[2] for c in cells):
                other_key, other = next(iter(percent_series.items()))
                first = next(c for c in cells if c[2])
                problems.append(
                    error(
                        f"{column.header}: {label} är skriven som andel 0–1 (t.ex. {first[1]}: {_fraction(first[2])}), men kolumnens andra "
                        f"{'serier' if len(percent_series) > 1 else 'serie'} är {'skrivna' if len(percent_series) > 1 else 'skriven'} i procent 0–100 (t.ex. "
                        f"{', '.join(str(k) for k in other_key if k is not None)}, {other[0][1]}: {plain(other[0][2])}), så den skulle visas som "
                        f"{_fraction(first[2])} procent; skriv {plain(first[2] * 100)} (eller formatera kolumnen som procent). Är andelen verkligen "
                        f"under 1 procent: skriv den med procenttecken, {_fraction(first[2])} %",
                        cell=first[1], **where,
                    )
                )
        if problems or self.percent or not self.numbers or self.largest > 1 or self.largest == 0:
            return problems
        header = f"{column_letter(index + 1)}{table.header_row}"
        return [
            warning(
                f"alla värden i kolumnen {column.header} ligger mellan 0 och 1 utan procentformat (t.ex. {self.first}), "
                f"så de läses som högst 1 procent. Betyder 0,83 83 %: formatera kolumnen som procent i Excel eller skriv 83; "
                f"är andelarna verkligen under 1 procent kan varningen lämnas",
                cell=header, **where,
            )
        ]


def _fraction(number: float) -> str:
    """0.801 → ``0,801``: a value 0–1 with its decimals (up to four), as written."""
    return f"{number:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def _written_0_100(cells: list[tuple[int, str, float, bool]]) -> bool:
    """True for a series that is plainly written 0–100: most of its cells above 1, typically at least PERCENT_SCALE."""
    above = [c[2] for c in cells if c[2] > 1]
    return len(above) >= 2 and len(above) * 2 > len(cells) and statistics.median(above) >= PERCENT_SCALE
