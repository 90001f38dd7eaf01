"""Plausibility against the series: a value far outside its own series is a warning naming its cell.

The rule (docs/indata.md): a monthly value is far outside when it is more
than :data:`FACTOR` times, or less than a :data:`FACTOR`-th of, the median of
the 12 months before it, and also of the month before and of the same month
a year earlier, each where that month has a value. A typed digit too many
(3 120 for 312) is ten times all three; a season (fewer visits in July) is
not, since last July was as low, and a series that moved over some months
(distance contacts in the spring of 2020) is not, since the month before had
moved too. Not judged: a series with fewer than
:data:`LEAST_MONTHS` months before the value, a value of 0, and values that
are all small (below :data:`SMALL` in the column's unit: 2 employees in a
group becoming 7 is no slip). A value of the other sign than its series is
judged by its size, as a minus typed by mistake.

A division confirms an unusual but right value on an optional sheet
``Bekräftelser`` in the same workbook: Blad, Cell, Värde (as the cell shows
it, rounded as it shows it) and Kommentar. A confirmation holds only while
the cell has that value, so that a later slip in the same cell is still found. No I/O.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from statistics import median

from .errors import Location, Problem, Severity
from .model import Month, Source
from .schema import Column, Kind, Sheet
from .values import name_key

FACTOR = 3.0
LEAST_MONTHS = 6  # months with a value among the 12 before, for a median worth the name
SMALL = 10.0  # below this (in the unit of the column's header), values are not judged
CONFIRMATION_SHEET = "Bekräftelser"
COORDINATE = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")
UNITS = {1.0: "tkr", 1000.0: "mnkr", 0.001: "kr"}  # an amount column's factor to tkr → its unit


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A value a division confirms as right though it is unusual: its sheet and cell in the same workbook."""

    blad: str
    cell: str
    varde: float
    kommentar: str | None
    source: Source


CONFIRMATIONS = Sheet(
    CONFIRMATION_SHEET,
    (
        Column("Blad", "blad", Kind.TEXT, help="Bladet med värdet, t.ex. Kostnader."),
        Column("Cell", "cell", Kind.TEXT, help="Cellen, t.ex. D1274 (som varningen anger)."),
        Column("Värde", "varde", Kind.NUMBER, help="Värdet som cellen visar; bekräftelsen gäller bara så länge cellen har det."),
        Column("Kommentar", "kommentar", Kind.TEXT, False, help="Varför värdet är rätt, t.ex. engångskostnad för ny röntgenutrustning."),
    ),
    key=("blad", "cell"),
    record=Confirmation,
    target="bekraftelser",
    help="Värden som är ovanliga men rätta: varningen om dem visas inte längre.",
)


@dataclass(frozen=True)
class Judged:
    """A sheet whose values are judged: its name, the fields of one series, the value fields and their kinds."""

    sheet: str
    series: tuple[str, ...]
    values: tuple[tuple[str, Kind], ...]


def judged_sheets(sheets: Iterable[Sheet], monthly: Iterable[str]) -> list[Judged]:
    """The monthly sheets' value columns (amounts, numbers, shares) and what makes one of their series."""
    wanted = set(monthly)
    return [
        Judged(
            sheet.name,
            tuple(f for f in sheet.key if f != "manad"),
            tuple((c.field, c.kind) for c in sheet.columns if c.kind in (Kind.AMOUNT, Kind.NUMBER, Kind.SHARE)),
        )
        for sheet in sheets
        if sheet.name in wanted
    ]


def implausible(
    judged: Judged,
    records: list,
    months: Iterable[Month],
    columns: Mapping[tuple[str, str], Mapping[str, tuple[str, float]]],
    confirmed: Mapping[tuple[str, str, str], Confirmation],
) -> list[Problem]:
    """A warning for each value of ``months`` far outside its own series, unless confirmed.

    ``records`` are the sheet's rows as read; ``columns``: (file, sheet) →
    field → (column letter, factor to the stored unit); ``confirmed``:
    (file, sheet name key, cell) → its confirmation.
    """
    checked = {m.year * 12 + m.month - 1 for m in months}
    if not checked:
        return []
    oldest = min(checked) - 12  # the 12 months before the first month judged
    key_of = attrgetter(*judged.series)
    series: dict[object, dict[int, object]] = defaultdict(dict)
    for record in records:
        month = record.manad
        index = month.year * 12 + month.month - 1
        if index >= oldest:
            series[key_of(record)][index] = record
    problems: list[Problem] = []
    for key, by_index in series.items():
        if len(by_index) <= LEAST_MONTHS:
            continue
        for index, record in by_index.items():
            if index not in checked:
                continue
            previous, earlier = by_index.get(index - 1), by_index.get(index - 12)
            for field, kind in judged.values:
                value = getattr(record, field)
                if not value:
                    continue  # empty, or 0: nothing to report this month
                # The month before and the year before first: nearly every value is near one of them.
                before = getattr(previous, field) if previous is not None else None
                if before is not None and not _far(value, before):
                    continue
                last_year = getattr(earlier, field) if earlier is not None else None
                if last_year is not None and not _far(value, last_year):
                    continue  # as last year: a season, not a slip
                problem = _judge(judged, key, by_index, index, record, field, kind, (before, last_year), columns, confirmed)
                if problem is not None:
                    problems.append(problem)
    return problems


def _judge(judged, key, by_index, index, record, field, kind, neighbours, columns, confirmed) -> Problem | None:
    """A value far from the month before and the year before (each where there): against the median of the 12 months before."""
    value = getattr(record, field)
    previous_value, last_year = neighbours
    past = [v for i in range(index - 12, index) if (r := by_index.get(i)) is not None and (v := getattr(r, field)) is not None]
    if len(past) < LEAST_MONTHS:
        return None
    letter, factor = columns.get((record.source.file, record.source.sheet), {}).get(field, ("", 1.0))
    scale = factor if kind is Kind.AMOUNT else 1.0
    middle = median(past)
    if max(abs(value), abs(middle)) < SMALL * scale or not _far(value, middle):
        return None
    cell = f"{letter}{record.source.row}" if letter else record.source.cell
    shown = value / scale
    confirmation = confirmed.get((record.source.file, name_key(record.source.sheet), cell))
    if confirmation is not None and abs(confirmation.varde - shown) <= max(0.5, 1e-3 * abs(shown)):  # as the cell shows it, rounded
        return None
    month = record.manad
    unit = f" {UNITS.get(factor, 'tkr')}" if kind is Kind.AMOUNT else " %" if kind is Kind.SHARE else ""
    shown_neighbours = [f"månaden före {plain(previous_value / scale)}" if previous_value is not None else "ingen månaden före"]
    if last_year is not None:
        shown_neighbours.append(f"{month.year_before} {plain(last_year / scale)}")
    shown_neighbours.append(f"medianen för de 12 månaderna före {plain(middle / scale)}")
    label = " / ".join(str(k) for k in (key if isinstance(key, tuple) else (key,)) if k is not None)
    stale = (f" (bekräftelsen på bladet {CONFIRMATION_SHEET}, {confirmation.source.cell}, gäller värdet {plain(confirmation.varde)})"
             if confirmation is not None else "")
    return Problem(
        Severity.WARNING,
        f"{label} {month}: {plain(shown)}{unit}; {', '.join(shown_neighbours)} – ett skrivfel? Rätta cellen, eller bekräfta värdet på bladet "
        f"{CONFIRMATION_SHEET} i samma arbetsbok (Blad {judged.sheet}, Cell {cell}, Värde {plain(shown)}, Kommentar){stale}",
        Location(record.source.file, record.source.sheet, cell),
        division=getattr(record, "division", None) or "",
    )


def _far(value: float, reference: float) -> bool:
    """More than FACTOR times the reference or less than a FACTOR-th of it (by size; another sign counts as far)."""
    if reference == 0:
        return abs(value) > 0
    ratio = value / reference
    return ratio <= 0 or ratio > FACTOR or ratio < 1 / FACTOR


def confirmations_by_cell(records: list[Confirmation]) -> dict[tuple[str, str, str], Confirmation]:
    """The confirmations by (file, sheet name key, cell)."""
    return {(r.source.file, name_key(r.blad), _coordinate(r.cell)): r for r in records}


def _coordinate(text: str) -> str:
    return text.strip().upper().replace("$", "")


def confirmation_problems(records: list[Confirmation], sheets: Iterable[str]) -> list[Problem]:
    """A confirmation that can confirm nothing: a sheet whose values are not judged, or no cell."""
    names = list(sheets)
    known = {name_key(name) for name in names}
    problems = []
    for record in records:
        where = Location(record.source.file, record.source.sheet, record.source.cell)
        if name_key(record.blad) not in known:
            problems.append(Problem(Severity.WARNING, f"bekräftelsen gäller bladet '{record.blad}', vars värden inte bedöms; "
                                    f"bladen som bedöms är {', '.join(names)}", where))
        elif not COORDINATE.fullmatch(_coordinate(record.cell)):
            problems.append(Problem(Severity.WARNING, f"'{record.cell}' är ingen cell; skriv cellen som varningen anger, t.ex. D1274", where))
    return problems


def plain(number: float) -> str:
    """3120 → ``3 120``, 12.25 → ``12,25``: Swedish, without Babel."""
    text = f"{abs(number):,.2f}".rstrip("0").rstrip(".").replace(",", "\u00a0").replace(".", ",")
    return ("\u2212" if round(number, 2) < 0 else "") + text
