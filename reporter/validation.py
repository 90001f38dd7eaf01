"""Tables of cells → typed records and located problems. No I/O.

Every problem is collected; nothing stops at the first. A row with a problem
is left out of the records, so later stages only see values that were read.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as default

from .completeness import SERIES, check_completeness, needed_months
from .config import ExternBilaga, Rapport
from .errors import Location, Problem, ReporterError, Severity, error, warning
from .figures.common import sum_present
from .filled import FilledColumns
from .kinds import required_sheets
from .model import Inputs, Measure, Source
from .periods import month_of
from .plausibility import CONFIRMATION_SHEET, CONFIRMATIONS, confirmation_problems, confirmations_by_cell, implausible, judged_sheets
from .scale import ShareScale
from .schema import REQUIRED_REGION_POSTS, WORKBOOK_KINDS, Column, Kind, Sheet
from .totals import TotalRow, check_totals, is_total_name
from .units import AmountUnits
from .values import (
    AMOUNT_UNITS,
    LARGEST_NUMBER,
    TwoReadings,
    ValueProblem,
    name_key,
    parse_month,
    parse_number,
    parse_share,
    split_header,
    text_of,
)
from .workbook import Cell, ExcelError, FormulaWithoutValue, NumberFormat, Table, Unreadable, column_letter, split_coordinate

# The division of a row whose Division cell is empty.
NO_DIVISION = "(tom divisionscell)"
# How many rows from the top a header row is looked for below title rows.
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class WorkbookFile:
    """One workbook of a kind: its label and its tables by sheet name.

    ``tables`` may read a sheet only when it is looked up (raising
    ReporterError for a sheet that cannot be read), so that one sheet at a
    time is in memory.
    """

    kind: str
    label: str
    tables: Mapping[str, Table]


class UnknownName(ValueProblem):
    """A name that is not in rapport.yaml; the message is whole, found and expected."""


class DivisionIndex:
    """Looks a division up by name or alias, case and spacing ignored."""

    def __init__(self, divisions: list[tuple[str, list[str]]], region: str = "") -> None:
        """``divisions``: (name, aliases) in report order; ``region``: the organisation's name."""
        self.names = [name for name, _ in divisions]
        self.region = name_key(region)
        self._units: dict[str, dict[str, str]] = {}
        self._by_key: dict[str, str] = {}
        for division, aliases in divisions:
            for name in (division, *aliases):
                self._by_key[name_key(name)] = division

    @classmethod
    def of(cls, config: Rapport) -> DivisionIndex:
        """The index of the divisions in rapport.yaml, with their verksamhetsområden (v2)."""
        organisation = config.organisation
        index = cls([(d.namn, list(d.alias)) for d in organisation.divisioner], organisation.namn or "")
        for division in organisation.divisioner:
            if division.verksamhetsomraden:
                index._units[division.namn] = {
                    name_key(name): unit.namn for unit in division.verksamhetsomraden for name in (unit.namn, *unit.alias)
                }
        return index

    def unit(self, division: str, text: str) -> str:
        """A verksamhetsområde of the division by its name in rapport.yaml; free text when the division lists none."""
        units = self._units.get(division)
        if not units:
            return text
        found = units.get(name_key(text))
        if found:
            return found
        names = list(dict.fromkeys(units.values()))
        close = difflib.get_close_matches(name_key(text), list(units), n=1, cutoff=0.6)
        hint = f"menade du '{units[close[0]]}'? " if close else ""
        raise UnknownName(f"'{text}' är inget av {division}s verksamhetsområden i rapport.yaml; {hint}de är: {', '.join(names)}")

    def is_total(self, text: str) -> bool:
        """True for a total row's name (Totalt, Summa, the region's name)."""
        key = name_key(text)
        return key not in self._by_key and is_total_name(key, self.region)

    def resolve(self, text: str) -> str:
        """The division's name as written in rapport.yaml, or ValueProblem."""
        found = self._by_key.get(name_key(text))
        if found:
            return found
        close = difflib.get_close_matches(name_key(text), list(self._by_key), n=1, cutoff=0.6)
        hint = f"menade du '{self._by_key[close[0]]}'? " if close else ""
        raise UnknownName(f"'{text}' finns inte i rapport.yaml; {hint}kända divisioner: {', '.join(self.names)}")


@dataclass
class _Reading:
    """What reading every sheet of a period shares: the divisions, the report's own division, what was left out."""

    divisions: DivisionIndex
    only: str | None  # a delarsrapport: the rows of this division only
    version_2: bool  # the configuration uses version 2: its columns are expected, not new
    skipped: dict[str, int]
    filled: FilledColumns | None = None  # the sheet being read: which rows fill its optional number columns
    units: AmountUnits | None = None  # the sheet being read: its amount columns' units against the values
    columns: dict[tuple[str, str], dict[str, tuple[str, float]]] = default(default_factory=dict)  # (file, sheet) → field → (letter, factor)


def validate_workbooks(files: list[WorkbookFile], config: Rapport) -> tuple[Inputs, list[Problem]]:
    """Turn every table into records, merging files of a kind; collect problems.

    The report kind says which sheets are required; a delarsrapport keeps
    the rows of its own division only (others must still name a known
    division). Each sheet's records are kept as read (``inputs.detalj``)
    and as version 1 sees them (the lists of ``inputs``): summed over the
    version-2 split by verksamhetsområde and verksamhet, the region's own
    rows where a sheet also has division rows.
    """
    required = required_sheets(config)
    reading = _Reading(DivisionIndex.of(config), config.division_namn if config.is_division_report else None, uses_version_2(config), {})
    inputs = Inputs(files=[f.label for f in files])
    problems: list[Problem] = []
    for kind in WORKBOOK_KINDS:
        needed = required.get(kind.name, ())
        of_kind = [f for f in files if f.kind == kind.name]
        if not of_kind:
            if needed:
                problems.append(error(f"ingen arbetsbok av slaget {kind.name} ({kind.name}*.xlsx) finns i periodmappen"))
            continue
        for sheet in kind.sheets:
            if sheet.version == 2 and not reading.version_2 and sheet.name not in needed:
                continue  # a version-1 report reads what version 1 read, and the version-2 sheets an appendix needs
            having = [f for f in of_kind if sheet.name in f.tables]
            if not having and sheet.name in needed:
                names = ", ".join(f.label for f in of_kind)
                problems.append(error(f"bladet '{sheet.name}' saknas; det ska finnas i någon {kind.name}*.xlsx (läste {names})"))
            seen: dict[tuple, Source] = {}
            records: list = []
            reading.filled, reading.units = FilledColumns.of(sheet), AmountUnits.of(sheet)
            for file in having:
                try:
                    table = file.tables[sheet.name]  # read now, dropped when its records are made
                except ReporterError as exc:
                    problems += exc.problems
                    continue
                problems += table.notes
                problems += _read_table(sheet, table, reading, seen, records)
            problems += _absent_in_some(sheet, [f.label for f in having], reading)
            if reading.filled is not None:
                problems += reading.filled.problems()
            if reading.units is not None:
                problems += reading.units.check()
            inputs.detalj[sheet.target] = records
            view, notes = _version_1_view(sheet, records)
            setattr(inputs, sheet.target, view)
            problems += notes
            if reading.only and having and sheet.name in needed and not records:
                labels = ", ".join(f.label for f in having)
                problems.append(error(f"bladet har inga rader för {reading.only}; det ska finnas i någon {kind.name}*.xlsx", file=labels, sheet=sheet.name))
    inputs.utelamnade = reading.skipped
    confirmations: list = []
    for file in files:
        if CONFIRMATION_SHEET in file.tables:
            try:
                found = _read_table(CONFIRMATIONS, file.tables[CONFIRMATION_SHEET], reading, {}, confirmations)
            except ReporterError as exc:
                found = exc.problems
            problems += [replace(p, severity=Severity.WARNING) for p in found]  # a confirmation changes no figure: never an error
    inputs.detalj[CONFIRMATIONS.target] = confirmations
    broken = {p.where.sheet for p in problems if p.is_error}
    problems += _check_content(inputs, config, files, required, broken)
    problems += _check_plausibility(inputs, config, reading, confirmations, broken)
    return inputs, problems


def _check_plausibility(inputs: Inputs, config: Rapport, reading: _Reading, confirmations: list, broken: set[str]) -> list[Problem]:
    """A warning for each value of the months the report uses far outside its own series, unless the division confirmed it."""
    confirmed = confirmations_by_cell(confirmations)
    problems = confirmation_problems(confirmations, SERIES)
    for kind in WORKBOOK_KINDS:
        months = needed_months(month_of(config, kind.name))
        for judged in judged_sheets((s for s in kind.sheets if s.name not in broken), SERIES):
            target = kind.sheet(judged.sheet).target
            problems += implausible(judged, inputs.detalj.get(target, []), months, reading.columns, confirmed)
    return problems


def uses_version_2(config: Rapport) -> bool:
    """True when rapport.yaml uses something of version 2 (so that its columns and sheets are expected)."""
    return config.is_division_report or any(d.verksamhetsomraden or d.verksamhetsgrupper for d in config.organisation.divisioner) or any(
        not isinstance(item, (str, ExternBilaga)) for item in config.bilagor  # a delarsrapport item, or a generated one with its own period
    )


def _version_1_view(sheet: Sheet, records: list) -> tuple[list, list[Problem]]:
    """The records as version 1 sees them: the region's own rows, and sums over the version-2 split.

    A division with both an unsplit row (Verksamhetsområde and Verksamhet
    empty) and split rows of the same version-1 key has the unsplit row as a
    check total: it must equal the split rows' sum (a warning names both),
    and the split rows are used.
    """
    if sheet.region_only:
        records = [r for r in records if all(getattr(r, f) is None for f in sheet.region_only)]
    if not sheet.v1_key:
        return records, []
    split = [f for f in sheet.key if f not in sheet.v1_key]
    if all(getattr(r, f) is None for r in records for f in split):
        return records, []  # nothing split: version 1's rows as they are
    groups: dict[tuple, list] = {}
    for record in records:
        groups.setdefault(tuple(getattr(record, f) for f in sheet.v1_key), []).append(record)
    view, problems = [], []
    for rows in groups.values():
        parts = [r for r in rows if any(getattr(r, f) is not None for f in split)]
        whole = [r for r in rows if r not in parts]
        if parts and whole:
            problems += _split_check(sheet, whole[0], parts)
        used = parts or whole
        if len(used) == 1 and not parts:
            view.append(used[0])
            continue
        sums = {f: sum_present(getattr(r, f) for r in used) for f in sheet.sums}
        view.append(replace(used[0], **sums, **{f: None for f in split}))
    return view, problems


def _split_check(sheet: Sheet, whole, parts: list) -> list[Problem]:
    """An unsplit row beside split rows is a check total: it must equal their sum."""
    problems = []
    for field in sheet.sums:
        total, summed = getattr(whole, field), sum_present(getattr(r, field) for r in parts)
        if total is None or summed is None or abs(total - summed) <= 0.5:
            continue
        header = next(c.header for c in sheet.columns if c.field == field)
        source = whole.source
        problems.append(
            Problem(
                Severity.WARNING,
                f"raden utan verksamhetsområde och verksamhet visar {header} {_plain(total)} men de uppdelade raderna "
                f"summerar till {_plain(summed)}; de uppdelade raderna används, rätta summaraden eller raderna",
                Location(source.file, source.sheet, source.cell),
                tuple(Location(r.source.file, r.source.sheet, r.source.cell) for r in parts[:1]),
                division=getattr(whole, "division", "") or "",
            )
        )
    return problems


def _read_table(sheet: Sheet, table: Table, reading: _Reading, seen: dict, records: list) -> list[Problem]:
    divisions = reading.divisions
    where = {"file": table.file, "sheet": table.sheet}
    table, problems = _locate_header(sheet, table)
    if table.hidden:
        problems.append(
            warning("bladet är dolt i Excel men läses ändå; visa det (högerklicka på en bladflik > Ta fram) och kontrollera innehållet", **where)
        )
    columns, header_problems = _match_header(sheet, table)
    problems += header_problems
    if columns is None:
        return problems
    reading.columns[(table.file, table.sheet)] = {c.field: (column_letter(index + 1), factor) for c, (index, factor) in columns.items()}
    if not reading.version_2:
        problems += _new_columns(sheet, table, columns)
    problems += _headerless_columns(table)
    absent = {c.field: None for c in sheet.columns if c not in columns}
    named_by = sheet.division_column
    division_column = columns.get(named_by) if named_by is not None else None
    division_required = sheet.per_division
    shares = {column: ShareScale() for column in columns if column.kind is Kind.SHARE}
    # Each column once, as the loop below needs it. ``plain`` marks a number column of a sheet where no cell's
    # format shows another number than it holds: there a cell holding a number is taken as it is, without the
    # general path's calls (nearly every cell of a large sheet is such a cell).
    formatted = bool(table.formats)
    # ``memo``: a month or choice column's values by the text in the cell, as _typed reads them (a sheet repeats the
    # same few months and choices thousands of times; neither reading depends on the cell's number format).
    plan = [
        (column, column.field, index, factor, column.kind is Kind.DIVISION, column.kind is Kind.AMOUNT,
         not formatted and column.kind in (Kind.AMOUNT, Kind.NUMBER), column.kind is Kind.TEXT and not is_unit,
         shares.get(column), is_unit, dict[str, object]() if column.kind in (Kind.MONTH, Kind.CHOICE) else None)
        for column, (index, factor) in columns.items()
        for is_unit in (column.field == "verksamhetsomrade",)
    ]
    parts = _parts_of(columns)
    filled = reading.filled
    if filled is not None:
        filled.table(table, columns)
    read: list = []
    totals: list[TotalRow] = []
    # The key columns other than Division whose cell may name a totals row (Post = Summa), and the Excel Table totals rows.
    # (A total in a choice column, Kön = Totalt, is no choice: an error already.)
    total_keys = [(c.field, index) for c, (index, _) in columns.items() if c.field in sheet.key and c.kind is Kind.TEXT]
    excel_totals = table.totals_rows
    total_named: dict[str, bool] = {}  # a key cell's text → whether it names a total, once per text
    skipped_before = sum(reading.skipped.values())
    for row_number, cells in table.rows:
        values: dict[str, object] = dict(absent)
        row_problems: list[Problem] = []
        division = ""
        is_total = False
        total_field = ""
        total_label = ""
        if excel_totals and row_number in excel_totals:
            is_total, total_label = True, f"rad {row_number}, summaraden i Excel-tabellen {excel_totals[row_number]},"
        if division_column is not None:
            # Known first, so that every problem of the row can say whose row it is.
            found = table.value(row_number, cells, division_column[0])
            text = text_of(found[0]) if found is not None and isinstance(found[0], (str, int, float)) else ""
            if not is_total and text and divisions.is_total(text):
                is_total, total_field, total_label = True, "division", f"raden '{text}'"
            if not is_total and (text or division_required):
                try:
                    division = values["division"] = divisions.resolve(text)
                except ValueProblem:
                    division = text or NO_DIVISION  # as written: status lists it as unknown
            if reading.only is not None and not is_total and "division" in values and division != reading.only:
                reading.skipped[sheet.name] = reading.skipped.get(sheet.name, 0) + 1
                continue  # another division's row: it named a known division, and is left out
            if reading.only is not None and not text and not division_required and not is_total:
                if _has_any(table, row_number, cells, columns):
                    reading.skipped[sheet.name] = reading.skipped.get(sheet.name, 0) + 1
                continue  # the region's own row: not a division report's
        if not is_total:
            for key_field, key_index in total_keys:
                raw = cells[key_index] if key_index < len(cells) else ""
                if raw.__class__ is str:
                    named = total_named.get(raw)
                    if named is None:
                        named = total_named[raw] = is_total_name(name_key(raw), divisions.region)
                    if named:
                        is_total, total_field, total_label = True, key_field, f"raden '{text_of(raw)}'"
                        break
        empty = 0
        width = len(cells)
        for column, field_name, index, factor, is_division, is_amount, plain, free_text, share, is_unit, memo in plan:
            if is_division and (is_total or "division" in values):
                continue
            if is_total and (field_name == total_field or (not total_field and column.kind not in (Kind.AMOUNT, Kind.NUMBER))):
                continue  # the cell naming the total, or an Excel Table totals row's labels
            if plain and index < width:
                raw = cells[index]
                if raw.__class__ is float or raw.__class__ is int:
                    number = float(raw)
                    if -LARGEST_NUMBER <= number <= LARGEST_NUMBER:  # finite and plausible, as parse_number asks
                        if number == 0:
                            number = 0.0  # never -0
                        values[field_name] = number * factor if is_amount else number
                        continue
            elif free_text and index < width:
                raw = cells[index]
                if raw.__class__ is str and raw and not raw.isspace():  # text, not an error value (a str subclass)
                    values[field_name] = text_of(raw)
                    continue
            elif memo is not None and index < width:
                raw = cells[index]
                if raw.__class__ is str and raw and not raw.isspace():
                    known = memo.get(raw)
                    if known is None:
                        try:
                            known = memo[raw] = _typed(column, raw, None, factor, divisions)
                        except ValueProblem:
                            known = None  # the general path below says what is wrong, where
                    if known is not None:
                        values[field_name] = known
                        continue
            found = table.value(row_number, cells, index)
            if found is None:
                empty += 1
            try:
                value = _cell_value(column, found, factor, divisions, table.empty_formulas.get((row_number, index)) if found is None else None)
                if is_unit and isinstance(value, str) and division:
                    value = divisions.unit(division, value)
                values[field_name] = value
            except ValueProblem as exc:
                coordinate = f"{column_letter(index + 1)}{row_number}"
                row_problems.append(replace(error(f"{column.header}: {exc}", cell=coordinate, **where), division=division))
                continue
            if share is not None and found is not None:
                share.add(found, f"{column_letter(index + 1)}{row_number}", row_number, value)
        if empty == len(plan):
            continue  # a row whose cells hold only spaces is a blank row
        if parts and not row_problems:
            row_problems = [replace(problem, division=division) for problem in _row_checks(values, parts, row_number, where)]
        if row_problems:
            problems += row_problems
            continue
        if is_total:
            totals.append(TotalRow(row_number, values, total_field, total_label))
            continue
        source = Source(table.file, table.sheet, row_number)
        key = tuple(values[f] for f in sheet.key)
        if key in seen:
            first = seen[key]
            headers = {c.field: c.header for c in sheet.columns}  # the sheet's column headings, never the model's field names
            problems.append(
                Problem(
                    Severity.ERROR,
                    "samma post finns två gånger (" + ", ".join(f"{headers[k]}: {v}" for k, v in zip(sheet.key, key, strict=True) if v is not None) + ")",
                    Location(table.file, table.sheet, f"rad {row_number}"),
                    (Location(first.file, first.sheet, first.cell),),
                    division=division,
                )
            )
            continue
        seen[key] = source
        record = sheet.record(**values, source=source)
        records.append(record)
        read.append(record)
        if filled is not None:
            filled.add(record)
    problems += check_totals(sheet, table, columns, totals, read, _plain, complete=sum(reading.skipped.values()) == skipped_before)
    if reading.units is not None:
        reading.units.table(table, columns, read, _plain)
    if shares:
        series_of = {r.source.row: tuple(getattr(r, f) for f in sheet.key if f != "manad") for r in read}
        for column, share in shares.items():
            problems += share.problems(column, table, columns[column][0], series_of, _plain)
    return problems


def _has_any(table: Table, row_number: int, cells: list, columns: dict) -> bool:
    return any(table.value(row_number, cells, index) is not None for index, _ in columns.values())


# Parts that may not exceed their whole, in one row (v2): (part, whole, what it is).
PARTS = (
    ("overtid", "extratid", "övertiden är en del av extratiden"),
    ("korttid", "sjukfranvarotimmar", "korttidssjukfrånvaron är en del av sjukfrånvaron"),
    ("langtid", "sjukfranvarotimmar", "långtidssjukfrånvaron är en del av sjukfrånvaron"),
)


_PART_FIELDS = frozenset(field for part, whole, _ in PARTS for field in (part, whole))


def _parts_of(columns: dict) -> dict[str, tuple[Column, int]]:
    """The columns of a sheet by field, for :func:`_row_checks`; empty when the sheet has no part or whole."""
    at = {column.field: (column, index) for column, (index, _) in columns.items()}
    return at if _PART_FIELDS.intersection(at) else {}


def _row_checks(values: dict, at: dict[str, tuple[Column, int]], row_number: int, where: dict) -> list[Problem]:
    """A part larger than its whole in one row: overtime above extra time, sick-leave subsets above all sick leave.

    ``at`` is :func:`_parts_of` the sheet's columns."""
    problems = []
    for part, whole, meaning in PARTS:
        if values.get(part) is not None and values.get(whole) is not None and values[part] > values[whole] + 1e-9:
            column, index = at[part]
            total = at[whole][0].header
            problems.append(
                error(
                    f"{column.header} {_plain(values[part])} är mer än {total} {_plain(values[whole])}; {meaning}",
                    cell=f"{column_letter(index + 1)}{row_number}", **where,
                )
            )
    short, long_, sick = values.get("korttid"), values.get("langtid"), values.get("sjukfranvarotimmar")
    if short is not None and long_ is not None and sick is not None and short <= sick and long_ <= sick and short + long_ > sick + 1e-9:
        column, index = at["langtid"]
        problems.append(
            error(
                f"kort- och långtidssjukfrånvaron är tillsammans {_plain(short + long_)} timmar, mer än sjukfrånvaron {_plain(sick)}; "
                f"de är delar av den (dag 15–59 hör till ingen av dem)",
                cell=f"{column_letter(index + 1)}{row_number}", **where,
            )
        )
    return problems


def _absent_in_some(sheet: Sheet, labels: list[str], reading: _Reading) -> list[Problem]:
    """A column a sheet may leave out, there in some files and not in others: its rows could not be summed (a budget
    that some rows lack would look like the whole)."""
    problems = []
    for column in (c for c in sheet.columns if c.may_be_absent):
        having = [label for label in labels if column.field in reading.columns.get((label, sheet.name), {})]
        if having:
            problems += [
                error(
                    f"kolumnen {column.header} saknas, men finns på samma blad i {', '.join(having)}; lägg till den här med ett "
                    "värde på varje rad, eller ta bort den där (annars summeras den bara för en del av raderna)",
                    file=label, sheet=sheet.name,
                )
                for label in labels if label not in having and (label, sheet.name) in reading.columns
            ]
    return problems


def _new_columns(sheet: Sheet, table: Table, columns: dict) -> list[Problem]:
    """A version-2 column in a report that uses nothing else of version 2: version 1 ignored it, now it counts."""
    return [
        warning(
            f"kolumnen {column.header} är ny i version 2 och används nu (version 1 läste den inte); kontrollera att den innehåller det som avses",
            file=table.file, sheet=table.sheet, cell=f"{column_letter(index + 1)}{table.header_row}",
        )
        for column, (index, _) in columns.items()
        if column.version == 2
    ]


def _locate_header(sheet: Sheet, table: Table) -> tuple[Table, list[Problem]]:
    """Skip title rows above the header row, when the first row is not the header."""
    if _known_headers(sheet, table.header):
        return table, []
    for position, (row_number, values) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        cells = table.cells(row_number, values)
        if _known_headers(sheet, cells) >= min(2, len(sheet.columns)):
            skipped = f"rad {table.header_row}" if position == 0 else f"raderna {table.header_row}–{table.rows[position - 1][0]}"
            found = replace(table, header=cells, header_row=row_number, rows=table.rows[position + 1:])
            message = f"rubrikraden är rad {row_number}; {skipped} ovanför den läses inte"
            return found, [warning(message, file=table.file, sheet=table.sheet)]
    return table, []


def _known_headers(sheet: Sheet, cells: list[Cell | None]) -> int:
    keys = {name_key(c.header) for c in sheet.columns}
    return sum(1 for cell in cells if cell is not None and split_header(text_of(cell.value))[0] in keys)


def _headerless_columns(table: Table) -> list[Problem]:
    """Values in a column that has no header are never used: say so."""
    named = {index for index, cell in enumerate(table.header) if cell is not None}
    width = max((len(values) for _, values in table.rows), default=0)
    problems = []
    for index in range(width):
        if index in named:
            continue
        coordinate = next(
            (f"{column_letter(index + 1)}{row}" for row, values in table.rows if table.value(row, values, index) is not None), None
        )
        if coordinate is None:
            continue
        letter = column_letter(index + 1)
        header_cell = f"{letter}{table.header_row}"
        merged = next((r for r in table.merged if _in_range(header_cell, r)), None)
        why = (
            f"; rubrikcellen ingår i de sammanslagna cellerna {merged} – dela upp sammanslagningen och ge varje kolumn en egen rubrik"
            if merged
            else "; skriv en rubrik i rubrikraden eller ta bort värdena"
        )
        message = f"kolumn {letter} har värden (t.ex. {coordinate}) men ingen rubrik och används inte{why}"
        problems.append(warning(message, file=table.file, sheet=table.sheet, cell=header_cell))
    return problems


def _in_range(coordinate: str, cells: str) -> bool:
    column, row = split_coordinate(coordinate)
    (c1, r1), (c2, r2) = (split_coordinate(c) for c in cells.split(":"))
    return c1 <= column <= c2 and r1 <= row <= r2


def _plain(number: float) -> str:
    """1234.5 → ``1 234,5``, −2 → ``−2``: Swedish, without Babel (validation stays light)."""
    text = f"{abs(number):,.2f}".rstrip("0").rstrip(".")
    text = text.replace(",", "\u00a0").replace(".", ",")
    return ("\u2212" if round(number, 2) < 0 else "") + text


def _letter_of(table: Table, index: int) -> str:
    cell = table.header[index] if index < len(table.header) else None
    return "".join(ch for ch in cell.coordinate if ch.isalpha()) if cell else "?"


def _match_header(sheet: Sheet, table: Table) -> tuple[dict[Column, tuple[int, float]] | None, list[Problem]]:
    """Find each contract column in the header row; None when one is missing."""
    where = {"file": table.file, "sheet": table.sheet}
    by_key = {name_key(c.header): c for c in sheet.columns}
    found: dict[Column, tuple[int, float]] = {}
    problems: list[Problem] = []
    for index, cell in enumerate(table.header):
        if cell is None:
            continue
        key, unit = split_header(text_of(cell.value))
        column = by_key.get(key)
        if column is None:
            present = {split_header(text_of(c.value))[0] for c in table.header if c is not None}
            problems.append(_unknown_header(text_of(cell.value), key, {k: c for k, c in by_key.items() if k not in present}, cell.coordinate, where))
            continue
        if column in found:
            problems.append(error(f"kolumnen '{column.header}' finns två gånger", cell=cell.coordinate, **where))
            continue
        factor = 1.0
        if column.kind is Kind.AMOUNT and unit is not None:
            if unit not in AMOUNT_UNITS:
                problems.append(error(f"okänd enhet '({unit})'; skriv (kr), (tkr) eller (mnkr)", cell=cell.coordinate, **where))
                continue
            factor = AMOUNT_UNITS[unit]
        found[column] = (index, factor)
    missing = [c.header for c in sheet.columns
               if c not in found and ((c.required and not c.may_be_absent) or (c.version == 1 and c in sheet_key_columns(sheet)))]
    if missing:
        headers = ", ".join(text_of(c.value) for c in table.header if c) or "ingen"
        row = f"rad {table.header_row}" if table.header_row else ""
        problems.append(error(f"kolumn saknas: {', '.join(missing)} (rubrikraden har: {headers})", cell=row, **where))
        return None, problems
    return found, problems


# A unit written after a column's name without parentheses: "Budget i mnkr", "Budget, tkr", "Andel %".
_BARE_UNIT = re.compile(r"^(?P<name>.+?)[\s,]+(?:i\s+)?(?P<unit>kr|tkr|mnkr|mkr|procent|%)\.?$")


def _unknown_header(written: str, key: str, missing: dict[str, Column], coordinate: str, where: dict) -> Problem:
    """A header not in the contract: a warning, unless it is a column's name with a unit outside parentheses or
    misspelt (``missing``: the contract's columns the header row lacks), which would leave the column unread
    (a budget left out with only a warning)."""
    bare = _BARE_UNIT.match(key)
    column = missing.get(bare.group("name")) if bare else None
    if column is None or bare is None:
        close = difflib.get_close_matches(key, list(missing), n=1, cutoff=0.8)
        if close:
            return error(
                f"kolumnen '{written}' känns inte igen; menade du '{missing[close[0]].header}'? Rätta rubriken, annars läses kolumnen inte",
                cell=coordinate, **where,
            )
        return warning(f"kolumnen '{written}' ingår inte i kontraktet och används inte", cell=coordinate, **where)
    unit = {"mkr": "mnkr"}.get(bare.group("unit"), bare.group("unit"))
    return error(
        f"kolumnen '{written}' känns inte igen: enheten ska stå inom parentes sist, '{column.header} ({unit})'; "
        "rätta rubriken, annars läses kolumnen inte",
        cell=coordinate, **where,
    )


def sheet_key_columns(sheet: Sheet) -> list[Column]:
    """The columns that make a record unique."""
    return [c for c in sheet.columns if c.field in sheet.key]


def _cell_value(
    column: Column, found: tuple[object, tuple[NumberFormat, bool] | None] | None, factor: float, divisions: DivisionIndex, formula: str | None = None
) -> object:
    if found is None:
        if column.required:
            zero = " (0 om det inte finns något att rapportera)" if column.kind in (Kind.AMOUNT, Kind.NUMBER) else ""
            given = f"; formeln {formula} ger en tom text" if formula else ""
            raise ValueProblem(f"cellen är tom men ska ha ett värde{given}; fyll i den{zero} eller ta bort raden")
        return None
    value, marked = found
    if isinstance(value, FormulaWithoutValue):
        raise ValueProblem(
            f"cellen har formeln {value.formula} men inget sparat värde (filen är skriven av ett program "
            "och har aldrig öppnats i Excel); öppna och spara den i Excel, eller skriv in värdet"
        )
    if isinstance(value, ExcelError):
        raise ValueProblem(f"cellen innehåller Excel-felet {value}; rätta formeln eller skriv in värdet")
    if isinstance(value, Unreadable):
        raise ValueProblem(str(value))
    number_format = marked[0] if marked is not None else None
    try:
        return _typed(column, value, number_format, factor, divisions)
    except (UnknownName, ShownProblem, TwoReadings):
        raise
    except ValueProblem as exc:
        raise ValueProblem(f"'{text_of(value)}' går inte att läsa; förväntat {exc}") from None


class ShownProblem(ValueProblem):
    """A number the author saw otherwise than it is stored; the message is whole."""


def _typed(column: Column, value: object, number_format: NumberFormat | None, factor: float, divisions: DivisionIndex) -> object:
    kind = column.kind
    if kind is Kind.TEXT:
        return text_of(value)
    if kind is Kind.DIVISION:
        return divisions.resolve(text_of(value))
    if kind is Kind.MONTH:
        return parse_month(value)
    if kind in (Kind.AMOUNT, Kind.NUMBER):
        number = parse_number(value)
        if number_format is not None:
            _shown_as_is(number, number_format)
        return number * factor if kind is Kind.AMOUNT else number
    if kind is Kind.SHARE:
        percent = number_format is not None and number_format.kind == "percent"
        share = parse_share(value, percent)
        if percent and share > column.maximum:
            raise ShownProblem(
                f"cellen visar {_plain(share)} % (värdet {_plain(share / 100)} i en cell formaterad som procent); "
                f"skriv andelen som {_plain(share / 100)} % eller {_plain(share / 100 / 100)}, eller ta bort procentformatet"
            )
        return share
    if kind is Kind.CHOICE:
        key = name_key(text_of(value))
        for written, aliases in column.choices:
            if key == name_key(written) or key in (name_key(a) for a in aliases):
                return written
        raise ValueProblem("ett av " + ", ".join(column.choice_values))
    raise AssertionError(kind)


def _shown_as_is(number: float, number_format: NumberFormat) -> None:
    """A number shown as a percentage or in thousands is not the number the author saw: refuse it."""
    if number_format.kind == "percent":
        raise ShownProblem(
            f"cellen är formaterad som procent ({number_format.code}) och visar {_plain(number * 100)} %, men kolumnen ska ha ett tal; "
            f"ta bort procentformatet (Formatera celler > Tal) och skriv talet"
        )
    raise ShownProblem(
        f"cellen visar talet i {'tusental' if number_format.scale == 1000 else 'miljoner'} (talformatet {number_format.code}): "
        f"Excel visar {_plain(number / number_format.scale)} men värdet är {_plain(number)}. Skriv talet i den enhet rubriken anger "
        f"(t.ex. 'Utfall (tkr)') och ta bort formatet"
    )


def _check_content(
    inputs: Inputs, config: Rapport, files: list[WorkbookFile], required: Mapping[str, tuple[str, ...]], broken: set[str]
) -> list[Problem]:
    """Checks across rows: required posts, every series complete (not on ``broken`` sheets, whose errors left rows out), ranges."""
    problems: list[Problem] = []
    labels = {sheet: ", ".join(f.label for f in files if sheet in f.tables) for f in files for sheet in f.tables}
    if "Region" in labels and "Region" in required.get("ekonomi", ()):
        posts = {name_key(p.post): p for p in inputs.region}
        for post in REQUIRED_REGION_POSTS:
            found = posts.get(name_key(post))
            if found is None:
                problems.append(error(f"posten '{post}' saknas; den krävs för rapporten", file=labels["Region"], sheet="Region"))
            elif found.utfall is None:
                problems.append(error(f"posten '{post}' saknar Utfall", file=found.source.file, sheet="Region", cell=found.source.cell))
    for kind in WORKBOOK_KINDS:
        period = month_of(config, kind.name)
        for sheet in kind.sheets:
            records = getattr(inputs, sheet.target)
            if not records:
                continue
            later = sorted({r.manad for r in records if getattr(r, "manad", period) > period})
            if later:
                problems.append(
                    warning(
                        (f"värden för månader efter rapportmånaden {period} används inte: {', '.join(map(str, later))}" if period == config.period
                         else f"värden för månader efter {period}, den månad bilagan om {kind.name} gäller (period: i rapport.yaml), "
                              f"används inte: {', '.join(map(str, later))}"),
                        file=labels.get(sheet.name, ""), sheet=sheet.name,
                    )
                )
    read = [(kind.name, sheet.name, sheet.target) for kind in WORKBOOK_KINDS for sheet in kind.sheets if sheet.name not in broken]
    problems += check_completeness(inputs, config, required, month_of, read)
    problems += _check_scorecard(inputs)
    shares = [(r, r.andel) for r in inputs.tillganglighet] + [(r, r.belaggning) for r in inputs.belaggning]
    for record, share in shares:
        if not 0 <= share <= 100:
            source = record.source
            problems.append(warning(f"andelen {share:g} ligger utanför 0–100 procent", file=source.file, sheet=source.sheet, cell=source.cell))
    return problems




def _check_scorecard(inputs: Inputs) -> list[Problem]:
    """Every measure belongs to a strategic goal; a measure split by sex has both K and M."""
    problems: list[Problem] = []
    goals = {(g.perspektiv, name_key(g.strategiskt_mal)): g for g in inputs.strategiska_mal}
    if inputs.styrmatt and not inputs.strategiska_mal:
        return problems  # the missing sheet is reported on its own
    for measure in inputs.styrmatt:
        if (measure.perspektiv, name_key(measure.strategiskt_mal)) not in goals:
            known = [g.strategiskt_mal for (p, _), g in goals.items() if p == measure.perspektiv]
            close = difflib.get_close_matches(measure.strategiskt_mal, known, n=1, cutoff=0.6)
            hint = f"; menade du '{close[0]}'?" if close else f"; målen i perspektivet {measure.perspektiv}: {', '.join(known) or 'inga'}"
            source = measure.source
            problems.append(
                error(
                    f"styrmåttet '{measure.styrmatt}' hör till det strategiska målet '{measure.strategiskt_mal}', "
                    f"som inte finns på bladet Strategiska mål under {measure.perspektiv}{hint}",
                    file=source.file, sheet=source.sheet, cell=source.cell,
                )
            )
    sexes: dict[tuple, dict[str, Measure]] = defaultdict(dict)
    for measure in inputs.styrmatt:
        if measure.kon:
            key = (measure.perspektiv, name_key(measure.strategiskt_mal), name_key(measure.framgangsfaktor or ""), name_key(measure.styrmatt))
            sexes[key][measure.kon] = measure
    for rows in sexes.values():
        for present, missing in (("K", "M"), ("M", "K")):
            if present in rows and missing not in rows:
                source = rows[present].source
                problems.append(
                    error(
                        f"styrmåttet '{rows[present].styrmatt}' har en rad för {present} men ingen för {missing}; "
                        f"ett mått uppdelat på kön ska ha båda raderna (eller lämna Kön tom)",
                        file=source.file, sheet=source.sheet, cell=source.cell,
                    )
                )
    return problems + _repeated_comments(inputs.strategiska_mal)


REPEATED_COMMENT = 3  # the same comment under this many goals is boilerplate, not an account of each goal


def _repeated_comments(goals) -> list[Problem]:
    """A warning when one comment stands under several strategic goals: the appendix would repeat it under each."""
    by_text: dict[str, list] = defaultdict(list)
    for goal in goals:
        if goal.kommentar:
            by_text[" ".join(goal.kommentar.split()).casefold()].append(goal)
    problems = []
    for same in by_text.values():
        if len(same) >= REPEATED_COMMENT:
            source = same[0].source
            problems.append(
                warning(
                    f"samma kommentar står vid {len(same)} strategiska mål och upprepas under vart och ett i bilagan; "
                    "skriv vad som gäller för varje mål, eller lämna Kommentar tom",
                    file=source.file, sheet=source.sheet, cell=source.cell,
                )
            )
    return problems
