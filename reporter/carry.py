"""Carry a period's workbooks forward: the previous period's rows, and a row ready for the new month.

``reporter scaffold`` with a previous period writes each workbook from that
period's: every row of the months the new report can use, cell by cell as
read (values, header units, percent formats), and for every series that had
the previous month a prepared row for the new month (keys filled in, values
empty, marked with a fill colour). Sheets without a month (the accumulated
results, the scorecard) are snapshots: their keys and comments are kept and
their values emptied, marked the same way. The series' keys are the
contract's (:mod:`reporter.schema`), never named here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReporterError, error
from .model import Month
from .schema import Column, Kind, Sheet, WorkbookKind
from .validation import DivisionIndex, UnknownName
from .values import ValueProblem, name_key, parse_month, split_header, text_of
from .workbook import FormulaWithoutValue, SheetOut, Table, column_letter, read_tables
from .workbook.rowsxml import Formula

WINDOW = 36  # months kept, ending with the new period: more than any report uses (13 months, and January a year back)
MARK = "FFF2CC"  # the fill of a row to fill in: light yellow
MARK_NAME = "ljusgul"
MONTH_FORMAT = "yyyy-mm"
# Columns of a snapshot sheet that describe a row rather than report a value: kept when the values are emptied.
DESCRIBING = frozenset({"nyckeltal"})
# Text columns of a snapshot sheet that hold a period's value (a scorecard measure's outcome): emptied.
TEXT_VALUES = frozenset({"utfall"})


@dataclass
class Carried:
    """One workbook written from the previous period's: what it holds and what is left to fill in."""

    path: Path
    sources: list[str] = field(default_factory=list)
    rows: int = 0  # rows carried with their values
    prepared: int = 0  # rows for the new month: keys filled in, values empty
    emptied: int = 0  # snapshot rows whose values were emptied
    dropped: int = 0  # rows of months before the window
    first: Month | None = None
    last: Month | None = None

    @property
    def to_fill(self) -> int:
        """Marked rows: the prepared ones and the emptied snapshot rows."""
        return self.prepared + self.emptied

    def saw(self, month: Month) -> None:
        if self.first is None or month < self.first:
            self.first = month
        if self.last is None or self.last < month:
            self.last = month


@dataclass
class CarriedSheet:
    """A sheet as it will be written, before the workbook's instructions and lists are added."""

    sheet: Sheet
    rows: list[list[object]]
    formats: dict[tuple[int, int], str]
    marked: list[int]
    columns: dict[str, int]  # field → column index (0-based) in the header carried


def window_start(period: Month) -> Month:
    """The first month kept in the new period's workbooks."""
    return period.plus(1 - WINDOW)


def carry_book(
    sources: list[Path], kind: WorkbookKind, sheets: list[Sheet], period: Month, divisions: DivisionIndex,
    division: str | None, carried: Carried, since: Month | None = None,
) -> list[CarriedSheet]:
    """The sheets of one new workbook from the previous period's workbooks of its kind (``sources``).

    ``since`` is the previous period's month (the month before ``period`` when
    not given): each series that has it gets a prepared row for every month
    after it up to ``period`` (one for a month, four for an interim report
    four months on).

    ``division``: only that division's rows of sheets with a Division column.
    A sheet found in no source is left out; the same sheet in several sources
    with different headers (units) is an error, never a guess.
    """
    tables: dict[str, list[Table]] = {}
    for source in sources:
        for name, table in read_tables(source, [s.name for s in sheets]).items():
            tables.setdefault(name, []).append(table)
    out = []
    for sheet in sheets:
        found = [_located(sheet, t) for t in tables.get(sheet.name, [])]
        keep = _division_filter(sheet, divisions, division)
        used = found if division is None else [(t, columns) for t, columns in found if any(keep(t, columns, v) for _, v in t.rows)] or found[:1]
        if not used:
            continue
        headers = {tuple(_header_texts(t)) for t, _ in used}
        if len(headers) > 1:
            files = " och ".join(t.file for t, _ in used)
            raise ReporterError(error(
                f"bladet {sheet.name} har olika rubriker i {files} (t.ex. olika enheter); förra periodens rader kan inte föras över till en "
                "arbetsbok utan att gissa: ge filerna samma rubriker, eller för över utan --division", file=used[0][0].file, sheet=sheet.name,
            ))
        out.append(_carry_sheet(sheet, used, period, since or period.previous, divisions, keep, carried))
        for table, _ in used:
            if table.file not in carried.sources:
                carried.sources.append(table.file)
    return out


def _located(sheet: Sheet, table: Table) -> tuple[Table, dict[str, int]]:
    """The table from its header row on (title rows above it skipped), and where each contract column is."""
    wanted = {name_key(c.header): c for c in sheet.columns}
    candidates = [(table.header_row, [c.value if c else "" for c in table.header])] + table.rows[:10]
    best = 0
    for position, (_, values) in enumerate(candidates):
        known = sum(1 for v in values if split_header(text_of(v))[0] in wanted) if values else 0
        if known >= min(2, len(sheet.columns)):
            best = position
            break
    if best:
        number, values = candidates[best]
        table = Table.of(table.file, table.sheet, [(number, values), *table.rows[best:]], formats=table.formats, merged_ranges=table.merged_ranges)
    columns = {}
    for index, cell in enumerate(table.header):
        if cell is not None:
            column = wanted.get(split_header(text_of(cell.value))[0])
            if column is not None and column.field not in columns:
                columns[column.field] = index
    return table, columns


def _header_texts(table: Table) -> list[str]:
    return [text_of(c.value) if c else "" for c in table.header]


def _division_filter(sheet: Sheet, divisions: DivisionIndex, division: str | None) -> Callable[[Table, dict[str, int], list], bool]:
    """Which rows a new workbook takes: all, or one division's."""
    column = sheet.division_column
    if division is None or column is None:
        return lambda table, columns, values: True

    def keep(table: Table, columns: dict[str, int], values: list) -> bool:
        index = columns.get(column.field)
        if index is None or index >= len(values):
            return False
        try:
            return divisions.resolve(text_of(values[index])) == division
        except (UnknownName, ValueProblem):
            return False

    return keep


def holds(sheet: Sheet, table: Table, divisions: DivisionIndex, division: str) -> bool:
    """True when the table has a row of ``division``."""
    located, columns = _located(sheet, table)
    keep = _division_filter(sheet, divisions, division)
    return any(keep(located, columns, values) for _, values in located.rows)


def _month_column(sheet: Sheet) -> Column | None:
    return next((c for c in sheet.columns if c.kind is Kind.MONTH), None)


def value_columns(sheet: Sheet) -> list[Column]:
    """A snapshot sheet's columns that hold the period's values: emptied when carried."""
    return [
        c for c in sheet.columns
        if c.field not in sheet.key and c.field not in DESCRIBING
        and (c.kind in (Kind.AMOUNT, Kind.NUMBER, Kind.SHARE, Kind.CHOICE) or c.field in TEXT_VALUES)
    ]


def _carry_sheet(
    sheet: Sheet, used: list[tuple[Table, dict[str, int]]], period: Month, since: Month, divisions: DivisionIndex,
    keep: Callable[[Table, dict[str, int], list], bool], carried: Carried,
) -> CarriedSheet:
    first_table, columns = used[0]
    header = [c.value if c is not None else None for c in first_table.header]
    width = len(header)
    rows: list[list[object]] = [header]
    formats: dict[tuple[int, int], str] = {}
    marked: list[int] = []
    month_column = _month_column(sheet)
    month_at = columns.get(month_column.field) if month_column else None
    start = window_start(period)
    emptied = {columns[c.field] for c in value_columns(sheet) if c.field in columns} if month_column is None else set()
    series_at = [columns[f] for f in sheet.key if f in columns and f != (month_column.field if month_column else None)]
    division_field = sheet.division_column.field if sheet.division_column else None
    division_at = columns.get(division_field) if division_field else None
    last_month: dict[tuple, tuple[list[object], dict[int, str]]] = {}  # series → its row of the previous period's month
    new_months = [m for m in (since.plus(i) for i in range(1, 1 + max(0, _months_between(since, period)))) if m <= period]
    has_new: set[tuple[tuple, Month]] = set()
    months: dict[tuple[type, object], tuple[Month | None, str | None]] = {}  # a month cell's value → its month and role: a sheet repeats 36
    series_of: dict[tuple, tuple] = {}  # the key cells as written → the series, as validation compares them
    for table, _ in used:
        for number, values in table.rows:
            if not keep(table, columns, values):
                continue
            row, row_formats = _row(table, number, values, width, month_at)
            raw = row[month_at] if month_at is not None else None
            found = months.get((raw.__class__, raw))
            if found is None:
                month = _month(row, month_at)
                role = None if month is None else OLD if month < start else SINCE if month == since else NEW if month in new_months else KEPT
                found = months[(raw.__class__, raw)] = (month, role)
            month, role = found
            if month is not None:
                if role is OLD:
                    carried.dropped += 1
                    continue
                key = tuple([row[i] for i in series_at])  # the row is as wide as the header, and the keys are in it
                series = series_of.get(key)
                if series is None:
                    series = series_of[key] = _series(row, series_at, division_at, divisions)
                if role is SINCE:
                    last_month[series] = (row, row_formats)
                elif role is NEW:
                    has_new.add((series, month))
            line = len(rows) + 1
            if emptied:
                for index in emptied:
                    if index < len(row):
                        row[index] = None
                        row_formats.pop(index, None)
                marked.append(line)
                carried.emptied += 1
            else:
                carried.rows += 1
            rows.append(row)
            formats.update({(line, index + 1): code for index, code in row_formats.items()})
    for month, role in months.values():
        if month is not None and role is not OLD:
            carried.saw(month)
    if month_at is not None:
        assert month_column is not None
        for series, (row, row_formats) in last_month.items():
            for month in new_months:
                if (series, month) in has_new:
                    continue
                line = len(rows) + 1
                prepared: list[object] = [None] * len(row)
                for index in series_at:
                    if index < len(row):
                        prepared[index] = row[index]
                prepared[month_at] = _new_month(row[month_at], month)
                rows.append(prepared)
                marked.append(line)
                carried.prepared += 1
                carried.saw(month)
                for index, code in row_formats.items():
                    if index != month_at or isinstance(prepared[month_at], dt.date):
                        formats[(line, index + 1)] = code
    return CarriedSheet(sheet, rows, formats, marked, columns)


OLD, SINCE, NEW, KEPT = "old", "since", "new", "kept"  # a month: before the window, the previous period's, one to prepare, any other
DATES = frozenset({dt.date, dt.datetime})


def _row(table: Table, number: int, values: list, width: int, month_at: int | None) -> tuple[list[object], dict[int, str]]:
    """A row's cells as they are written again (None for an empty cell), and the number formats they need."""
    if table.merged_ranges:  # an empty cell in a range merged down its column shows the range's value: the table's own lookup
        found = [table.value(number, values, index) for index in range(len(values))]
        row = [None if f is None else _written(f[0]) for f in found]
        marks = {index: f[1] for index, f in enumerate(found) if f is not None and f[1] is not None}
    else:
        row = [None if v.__class__ is str and (not v or v.isspace()) else v for v in values]
        marks = {index: table.formats[(number, index)] for index in range(len(values)) if (number, index) in table.formats} if table.formats else {}
    types = set(map(type, row))
    if FormulaWithoutValue in types:
        row = [_written(v) for v in row]
    if len(row) < width:
        row += [None] * (width - len(row))
    formats = {index: mark[0].code for index, mark in marks.items()} if marks else {}
    if not DATES.isdisjoint(types):
        for index, value in enumerate(row):
            if value.__class__ in DATES and index not in formats:
                formats[index] = MONTH_FORMAT if index == month_at else "yyyy-mm-dd"
    return row, formats


def _months_between(first: Month, last: Month) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def _written(value: object) -> object:
    """A value as it is written again: a formula never calculated keeps its formula."""
    if isinstance(value, FormulaWithoutValue):
        return Formula(value.formula.removeprefix("="))
    return value


def _month(row: list[object], at: int | None) -> Month | None:
    if at is None or at >= len(row) or row[at] is None:
        return None
    try:
        return parse_month(row[at])
    except (ValueProblem, ValueError, TypeError):
        return None  # carried as it is; validation names it


def _series(row: list[object], at: list[int], division_at: int | None, divisions: DivisionIndex) -> tuple:
    """A row's series: its key cells other than the month, compared as validation compares them."""
    key = []
    for index in at:
        value = row[index] if index < len(row) else None
        text = "" if value is None else text_of(value)
        if index == division_at and text:
            try:
                text = divisions.resolve(text)
            except (UnknownName, ValueProblem):
                pass
        key.append(name_key(text))
    return tuple(key)


def _new_month(previous: object, period: Month) -> object:
    """The new month written as the series' previous month is: a date, 202104, or text 2021-04."""
    if isinstance(previous, (dt.date, dt.datetime)):
        return dt.datetime(period.year, period.month, 1) if isinstance(previous, dt.datetime) else dt.date(period.year, period.month, 1)
    if isinstance(previous, (int, float)) and not isinstance(previous, bool):
        return period.year * 100 + period.month
    return str(period)


def sheet_out(carried: CarriedSheet, lists: dict[str, tuple[str, bool]]) -> SheetOut:
    """The carried sheet as written: its rows, their formats and marks, the drop-down lists on its columns."""
    validations = {}
    for column in carried.sheet.columns:
        index = carried.columns.get(column.field)
        name = "Division" if column.kind is Kind.DIVISION else list_name(column)
        if index is not None and column.kind in (Kind.DIVISION, Kind.CHOICE) and name in lists:
            validations[column_letter(index + 1)] = lists[name]
    widths = {column_letter(n): max(12, min(40, len(text_of(h)) + 4)) for n, h in enumerate(carried.rows[0], 1) if h is not None}
    return SheetOut(
        carried.sheet.name, carried.rows, widths=widths, lists=validations, freeze="A2", header_style=True,
        cell_formats=carried.formats, marked=carried.marked, mark=MARK, bulk=True,
    )


def list_name(column: Column) -> str:
    """The name of a choice column's list on the Listor sheet."""
    return "Kön (K/M)" if column.choices and column.choice_values == ["K", "M"] else column.header
