"""Tables of cells → typed records and located problems. No I/O.

Every problem is collected; nothing stops at the first. A row with a problem
is left out of the records, so later stages only see values that were read.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .config import Rapport
from .errors import Location, Problem, Severity, error, warning
from .model import Inputs, Source
from .schema import REQUIRED_REGION_POSTS, WORKBOOK_KINDS, Column, Kind, Sheet, WorkbookKind
from .values import (
    AMOUNT_UNITS,
    ValueProblem,
    name_key,
    parse_month,
    parse_number,
    parse_share,
    split_header,
    text_of,
)
from .workbook import Cell, ExcelError, FormulaWithoutValue, Table

# Sheets whose series must reach the reported month for the report to be built.
MONTHLY_SHEETS = ("Kostnader", "Produktion", "Tillgänglighet", "Beläggning", "Anställda", "Arbetad tid", "Sjukfrånvaro")


@dataclass(frozen=True)
class WorkbookFile:
    """One workbook of a kind as read: its label and its tables by sheet name."""

    kind: str
    label: str
    tables: dict[str, Table]


class DivisionIndex:
    """Looks a division up by name or alias, case and spacing ignored."""

    def __init__(self, config: Rapport) -> None:
        self.names = [d.namn for d in config.organisation.divisioner]
        self._by_key: dict[str, str] = {}
        for division in config.organisation.divisioner:
            for name in (division.namn, *division.alias):
                self._by_key[name_key(name)] = division.namn

    def resolve(self, text: str) -> str:
        """The division's name as written in rapport.yaml, or ValueProblem."""
        found = self._by_key.get(name_key(text))
        if found:
            return found
        close = difflib.get_close_matches(name_key(text), list(self._by_key), n=1, cutoff=0.6)
        hint = f"menade du '{self._by_key[close[0]]}'? " if close else ""
        raise ValueProblem(f"{hint}en division i rapport.yaml: {', '.join(self.names)}")


def required_kinds(config: Rapport) -> list[WorkbookKind]:
    """The workbook kinds this report needs (styrkort only for måluppfyllelse)."""
    return [k for k in WORKBOOK_KINDS if not k.optional or k.name in config.bilagor]


def validate_workbooks(files: list[WorkbookFile], config: Rapport) -> tuple[Inputs, list[Problem]]:
    """Turn every table into records, merging files of a kind; collect problems."""
    divisions = DivisionIndex(config)
    inputs = Inputs(files=[f.label for f in files])
    problems: list[Problem] = []
    needed = {k.name for k in required_kinds(config)}
    for kind in WORKBOOK_KINDS:
        of_kind = [f for f in files if f.kind == kind.name]
        if not of_kind:
            if kind.name in needed:
                problems.append(error(f"ingen arbetsbok av slaget {kind.name} ({kind.name}*.xlsx) finns i periodmappen"))
            continue
        for sheet in kind.sheets:
            tables = [f.tables[sheet.name] for f in of_kind if sheet.name in f.tables]
            if not tables and kind.name in needed:
                names = ", ".join(f.label for f in of_kind)
                problems.append(error(f"bladet '{sheet.name}' saknas; det ska finnas i någon {kind.name}*.xlsx (läste {names})"))
            seen: dict[tuple, Source] = {}
            records = getattr(inputs, sheet.target)
            for table in tables:
                problems += _read_table(sheet, table, divisions, seen, records)
    problems += _check_content(inputs, config, files)
    return inputs, problems


def _read_table(sheet: Sheet, table: Table, divisions: DivisionIndex, seen: dict, records: list) -> list[Problem]:
    where = {"file": table.file, "sheet": table.sheet}
    columns, problems = _match_header(sheet, table)
    if columns is None:
        return problems
    absent = {c.field: None for c in sheet.columns if c not in columns}
    for row_number, cells in table.rows:
        values: dict[str, object] = dict(absent)
        row_ok = True
        for column, (index, factor) in columns.items():
            cell = cells[index] if index < len(cells) else None
            try:
                values[column.field] = _cell_value(column, cell, factor, divisions)
            except ValueProblem as exc:
                row_ok = False
                coordinate = cell.coordinate if cell else f"{_letter_of(table, index)}{row_number}"
                problems.append(error(f"{column.header}: {exc}", cell=coordinate, **where))
        if not row_ok:
            continue
        source = Source(table.file, table.sheet, f"rad {row_number}")
        key = tuple(values[f] for f in sheet.key)
        if key in seen:
            first = seen[key]
            problems.append(
                Problem(
                    Severity.ERROR,
                    "samma post finns två gånger (" + ", ".join(f"{k}={v}" for k, v in zip(sheet.key, key)) + ")",
                    Location(table.file, table.sheet, f"rad {row_number}"),
                    (Location(first.file, first.sheet, first.cell),),
                )
            )
            continue
        seen[key] = source
        records.append(sheet.record(**values, source=source))
    return problems


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
            problems.append(warning(f"kolumnen '{text_of(cell.value)}' ingår inte i kontraktet och används inte", cell=cell.coordinate, **where))
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
    missing = [c.header for c in sheet.columns if c not in found and (c.required or c in sheet_key_columns(sheet))]
    if missing:
        headers = ", ".join(text_of(c.value) for c in table.header if c) or "ingen"
        row = f"rad {table.header_row}" if table.header_row else ""
        problems.append(error(f"kolumn saknas: {', '.join(missing)} (rubrikraden har: {headers})", cell=row, **where))
        return None, problems
    return found, problems


def sheet_key_columns(sheet: Sheet) -> list[Column]:
    """The columns that make a record unique."""
    return [c for c in sheet.columns if c.field in sheet.key]


def _cell_value(column: Column, cell: Cell | None, factor: float, divisions: DivisionIndex) -> object:
    if cell is None:
        if column.required:
            raise ValueProblem("cellen är tom men ska ha ett värde")
        return None
    value = cell.value
    if isinstance(value, FormulaWithoutValue):
        raise ValueProblem(
            f"cellen har formeln {value.formula} men inget sparat värde (filen är skriven av ett program "
            "och har aldrig öppnats i Excel); öppna och spara den i Excel, eller skriv in värdet"
        )
    if isinstance(value, ExcelError):
        raise ValueProblem(f"cellen innehåller Excel-felet {value}; rätta formeln eller skriv in värdet")
    try:
        return _typed(column, value, cell.number_format, factor, divisions)
    except ValueProblem as exc:
        raise ValueProblem(f"'{text_of(value)}' går inte att läsa; förväntat {exc}") from None


def _typed(column: Column, value: object, number_format: str | None, factor: float, divisions: DivisionIndex) -> object:
    kind = column.kind
    if kind is Kind.TEXT:
        return text_of(value)
    if kind is Kind.DIVISION:
        return divisions.resolve(text_of(value))
    if kind is Kind.MONTH:
        return parse_month(value)
    if kind is Kind.AMOUNT:
        return parse_number(value) * factor
    if kind is Kind.NUMBER:
        return parse_number(value)
    if kind is Kind.SHARE:
        return parse_share(value, number_format)
    if kind is Kind.CHOICE:
        key = name_key(text_of(value))
        for written, aliases in column.choices:
            if key == name_key(written) or key in (name_key(a) for a in aliases):
                return written
        raise ValueProblem("ett av " + ", ".join(column.choice_values))
    raise AssertionError(kind)


def _check_content(inputs: Inputs, config: Rapport, files: list[WorkbookFile]) -> list[Problem]:
    """Checks across rows: required posts, the period's month present, ranges."""
    period = config.period
    problems: list[Problem] = []
    labels = {f.kind: ", ".join(g.label for g in files if g.kind == f.kind) for f in files}
    if "ekonomi" in labels:
        posts = {name_key(p.post): p for p in inputs.region}
        for post in REQUIRED_REGION_POSTS:
            found = posts.get(name_key(post))
            if found is None:
                problems.append(error(f"posten '{post}' saknas; den krävs för rapporten", file=labels["ekonomi"], sheet="Region"))
            elif found.utfall is None:
                problems.append(error(f"posten '{post}' saknar Utfall", file=found.source.file, sheet="Region", cell=found.source.cell))
    for kind in WORKBOOK_KINDS:
        for sheet in kind.sheets:
            records = getattr(inputs, sheet.target)
            if not records:
                continue
            if sheet.name in MONTHLY_SHEETS and not any(r.manad == period for r in records):
                problems.append(error(f"inga värden för rapportmånaden {period}", file=labels.get(kind.name, ""), sheet=sheet.name))
            later = sorted({r.manad for r in records if getattr(r, "manad", period) > period})
            if later:
                problems.append(
                    warning(
                        f"värden för månader efter rapportmånaden {period} används inte: {', '.join(map(str, later))}",
                        file=labels.get(kind.name, ""), sheet=sheet.name,
                    )
                )
    shares = [(r, r.andel) for r in inputs.tillganglighet] + [(r, r.belaggning) for r in inputs.belaggning]
    for record, share in shares:
        if not 0 <= share <= 100:
            source = record.source
            problems.append(warning(f"andelen {share:g} ligger utanför 0–100 procent", file=source.file, sheet=source.sheet, cell=source.cell))
    return problems


