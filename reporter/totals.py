"""Totals rows in a sheet (issue 24, item 5).

A row whose key names a total (``Summa``, ``Totalt``, ``Summa region`` …) in any
key column of any sheet, or a row that is an Excel Table's totals row, is no
record: the tool sums itself. When its figures equal the sum of the rows above
it (of the same group: the same values in the other key columns) it is skipped
with a note that changes no figure; otherwise it is an error, since either the
total or a row above it is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import Problem, error, warning
from .schema import Column, Kind, Sheet
from .workbook import Table, column_letter

# A key naming one of these (case and spacing ignored) is a total of the rows of its sheet.
TOTAL_NAMES = frozenset(
    (
        "totalt", "total", "summa", "summa totalt", "totalsumma", "hela regionen", "regionen", "region totalt",
        "regionen totalt", "summa region", "summa regionen", "totalt region", "totalt regionen", "total region",
        "summa divisioner", "summa divisionerna", "divisionerna totalt", "alla divisioner", "samtliga divisioner",
    )
)


def is_total_name(key: str, region: str = "") -> bool:
    """True for a total row's key, in its compared form (``values.name_key``); ``region`` the organisation's name, compared form.

    A colon or full stop after the name (``Summa:``) is no part of it."""
    key = key.rstrip(":. ")
    return key in TOTAL_NAMES or (bool(region) and key in (region, f"summa {region}", f"totalt {region}", f"{region} totalt"))


@dataclass(frozen=True)
class TotalRow:
    """A totals row as read: its row number, its typed values, the key field that names the total
    ("" for an Excel Table's totals row) and how the row is named in messages."""

    row: int
    values: dict[str, object]
    field: str
    label: str


def check_totals(sheet: Sheet, table: Table, columns: dict[Column, tuple[int, float]], totals: list[TotalRow], read: list,
                 plain: Callable[[float], str], complete: bool = True) -> list[Problem]:
    """Each totals row against the sum of the rows above it of its group: a note when it agrees, else an error.

    ``read`` are the records the table gave, in row order; ``plain`` formats a number for a message; ``complete``
    is false when rows of the table were left out (a division's report skips the other divisions' rows): then a
    totals row cannot be checked, and is skipped with a note.
    """
    problems: list[Problem] = []
    measured = [(c, index, factor) for c, (index, factor) in columns.items() if c.kind in (Kind.AMOUNT, Kind.NUMBER)]
    where = {"file": table.file, "sheet": table.sheet}
    for total in totals:
        if not complete:
            problems.append(warning(f"{total.label} är en summarad och hoppas över (andra divisioners rader läses inte i den här rapporten)",
                                    cell=f"rad {total.row}", **where))
            continue
        above = [r for r in read if isinstance(r.source.row, int) and r.source.row < total.row]
        if total.field:
            others = [f for f in sheet.key if f != total.field]
            above = [r for r in above if all(getattr(r, f) == total.values.get(f) for f in others)]
        compared, wrong = [], None
        for column, index, factor in measured:
            value = total.values.get(column.field)
            if not isinstance(value, float):
                continue
            parts = [getattr(r, column.field) for r in above if getattr(r, column.field) is not None]
            summed = sum(parts)
            compared.append(column.header)
            if not parts or abs(value - summed) > 0.5 * factor + 1e-9:
                wrong = (column, index, factor, value, summed, bool(parts))
                break
        if wrong is None:
            shown = f" ({', '.join(compared)} är summan av raderna ovanför)" if compared else ""
            problems.append(
                warning(
                    f"{total.label} är en summarad{shown} och hoppas över: verktyget summerar själv",
                    cell=f"rad {total.row}", **where,
                )
            )
            continue
        column, index, factor, value, summed, any_above = wrong
        found = f"men raderna ovanför summerar till {plain(summed / factor)} (skillnad {plain((value - summed) / factor)})" if any_above \
            else "men det finns inga rader ovanför den att summera"
        problems.append(
            error(
                f"{total.label} ser ut som en summarad och visar {column.header} {plain(value / factor)} {found}; "
                "en summarad används aldrig som en post: ta bort raden (verktyget summerar själv) eller rätta den eller raderna ovanför",
                cell=f"{column_letter(index + 1)}{total.row}", **where,
            )
        )
    return problems
