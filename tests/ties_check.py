"""Every difference a table shows beside the two figures it compares, checked against those figures as shown."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIFFERENCE = re.compile(r"förändring|avvikelse|differens|skillnad", re.IGNORECASE)
NOT_BESIDE = re.compile(r"%|\bmot\b", re.IGNORECASE)  # a change in percent, or against a figure the table does not show


def number(cell: str) -> tuple[Decimal, int] | None:
    """A shown figure and its decimals: ``−1 234,5`` → (−1234.5, 1); None for a cell that is no number."""
    text = re.sub(r"[\s\u00a0\u202f%+]", "", cell).replace("\u2212", "-")
    if not re.fullmatch(r"-?\d+(,\d+)?", text):
        return None
    try:
        return Decimal(text.replace(",", ".")), len(text.partition(",")[2])
    except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
        return None


def _compared(header: list[str], column: int) -> tuple[int, int] | None:
    """The two columns a difference column compares: the two before it, or the first figure and the one before it
    when a difference stands between (``Utfall | Budget | Avvikelse | Föreg. år | Förändring``)."""
    before = [i for i in range(1, column) if header[i] != header[column]]
    if len(before) < 2 or DIFFERENCE.search(header[column - 1]):
        return None
    if not DIFFERENCE.search(header[column - 2]):
        return column - 2, column - 1
    return 1, column - 1


def untied(lines: list[str]) -> list[str]:
    """Every row whose shown difference is not the difference of the figures shown beside it, from a dump's lines."""
    found: list[str] = []
    table: list[list[str]] = []
    for line in [*lines, ""]:
        if line.startswith("| "):
            table.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
            continue
        if table:
            found += _table(table)
        table = []
    return found


def _table(rows: list[list[str]]) -> list[str]:
    header, found = rows[0], []
    for column, title in enumerate(header):
        if column == 0 or not DIFFERENCE.search(title) or NOT_BESIDE.search(title):
            continue
        pair = _compared(header, column)
        if pair is None:
            continue
        for row in rows[1:]:
            if len(row) != len(header):
                continue
            shown, a, b = number(row[column]), number(row[pair[0]]), number(row[pair[1]])
            if shown is None or a is None or b is None or row[column].endswith("%"):  # a change in percent
                continue
            if shown[0] != a[0] - b[0]:
                found.append(f"{row[0]}: {row[pair[0]]} mot {row[pair[1]]} visas som {row[column]} ({title})")
    return found
