"""The completeness gate: every figure the report states has all its inputs.

A missing row is never a lower sum: it is an error naming the workbook, the
sheet, the series and the months it lacks (``Kostnader: Närsjukvård / Läkemedel
saknar 2021-04``), one message per series. What a series must have:

- every month from January of the year before through the month the sheet is
  reported for (:func:`needed_months`): the month itself, the month before, the
  same month a year earlier, and the year so far, this year and last year; the
  shares (accessibility, occupancy) and the headcount, which state the month
  against the month before and a year before, the last 13 months;
- every division of the organisation has rows on the sheets every division
  reports (costs, staff, worked time, sick leave, the division results);
- a part of a series that may start and stop (a cost type, an occupational
  group): a row last month means a row this month;
- a production or accessibility measure is asked for when it has the month
  or the month before (one that ended earlier is not in the report);
- rows split by verksamhetsområde or verksamhet (version 2) have no hole from
  a unit's first month on.

The year-before lines of the charts and the oldest rows of the cost
development may go without (the contract lets them show "–"). No I/O; works
on the validated records (``reporter.validation``), which leaves out a sheet
whose rows have errors (a row left out would look like a hole).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from .errors import Location, Problem, Severity, error
from .model import Inputs, Month

if TYPE_CHECKING:
    from .config import Rapport

REGION = "hela regionen"  # a series of the region's own rows (Division empty)
SERIES_NAMED = 25  # series named one by one per sheet; the rest are counted in one more message


@dataclass(frozen=True)
class Series:
    """What makes one series of a monthly sheet, and what it must have."""

    fields: tuple[str, ...]  # the fields of one series, division first
    every_division: bool = False  # every division of the organisation must have rows
    parts: tuple[str, ...] = ()  # fields of a part that may start and stop (a cost type): a row last month, a row this month
    new_this_year: bool = False  # a series without last year (a measure new this year) is stated without the comparison
    last_13: bool = False  # only the month, the month before and a year back are stated (shares, headcount): the last 13 months

    def needed(self, period: Month) -> list[Month]:
        """The months each series must have."""
        return [period.plus(i - 12) for i in range(13)] if self.last_13 else needed_months(period)


# The monthly sheets, by name. Production and accessibility are not every division's (Service has no care production).
SERIES: dict[str, Series] = {
    "Kostnader": Series(("division",), True, ("kostnadsslag",)),
    "Produktion": Series(("division", "matt")),
    "Tillgänglighet": Series(("division", "matt"), last_13=True),
    "Beläggning": Series(("sjukhus",), last_13=True),
    "Anställda": Series(("division",), True, ("yrkesgrupp", "anstallningsform"), last_13=True),
    "Arbetad tid": Series(("division",), True),
    "Sjukfrånvaro": Series(("division", "kon"), True),
}
# A division's interim report states its accessibility measures without last year's when last year has none:
# a measure of a model new this year (seed 003: the national model of 2021). Its December counts the waiting.
DIVISION_REPORT_SERIES = {**SERIES, "Tillgänglighet": Series(("division", "matt"), new_this_year=True)}
# Snapshot sheets (one row per division, no month) where every division must have its row.
EVERY_DIVISION = {"Divisioner": "divisioner"}


def needed_months(period: Month) -> list[Month]:
    """January of the year before through the period: the year so far and the same months a year earlier,
    the month before, and the 13 months of the cost development and the charts."""
    first = Month(period.year - 1, 1)
    return [first.plus(i) for i in range((period.year - first.year) * 12 + period.month - first.month + 1)]


def month_ranges(months: Iterable[Month]) -> str:
    """``2020-01–2020-12, 2021-03``: consecutive months as one range."""
    ordered = sorted(set(months))
    runs: list[list[Month]] = []
    for month in ordered:
        if runs and runs[-1][-1].plus(1) == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def check_completeness(
    inputs: Inputs, config: Rapport, required: Mapping[str, tuple[str, ...]], month_of, sheets: Iterable[tuple[str, str, str]]
) -> list[Problem]:
    """Errors for every series of the report's sheets that lacks a month a stated figure needs.

    ``sheets``: (workbook kind, sheet name, target) of every sheet read;
    ``month_of(config, kind)``: the month a workbook kind is reported for;
    ``required``: the report kind's sheets by workbook kind.
    """
    own = config.division_namn if config.is_division_report else None
    divisions = [own] if own else [d.namn for d in config.organisation.divisioner]
    problems: list[Problem] = []
    for kind, sheet, target in sheets:
        in_report = sheet in required.get(kind, ())
        records = _records(inputs, config, target)
        if sheet in EVERY_DIVISION and in_report and records and not config.is_division_report:
            problems += _every_division(sheet, records, divisions)
        series = (DIVISION_REPORT_SERIES if config.is_division_report else SERIES).get(sheet)
        if series is None or not (records or in_report):
            continue
        if not records:
            continue  # the sheet missing, or without rows, is said where it is read
        period = month_of(config, kind)
        problems += _check_sheet(sheet, series, records, period, divisions)
        if not (target == "tillganglighet" and not config.is_division_report):
            problems += _check_split(sheet, series, inputs.detalj.get(target, []), period)
    return problems


SPLIT = ("verksamhetsomrade", "verksamhet")  # version 2: a division's rows split by unit and activity


def _check_split(sheet: str, series: Series, records: list, period: Month) -> list[Problem]:
    """A series split by verksamhetsområde or verksamhet (version 2) without a hole: the division's sums add its parts.

    A part in the report (a row the month before or this month) has every month from its first in the
    months the report uses (a unit may be new) through this month."""
    if not records or not hasattr(records[0], SPLIT[0]):
        return []
    needed = series.needed(period)
    window = set(needed)
    key_of = attrgetter(series.fields[0], *SPLIT, *series.fields[1:])  # division / unit / activity / the rest
    by_key: dict[tuple, set[Month]] = defaultdict(set)
    first: dict[tuple, Any] = {}
    for record in records:
        key = key_of(record)
        if record.manad in window and (key[1] is not None or key[2] is not None):
            by_key[key].add(record.manad)
            first.setdefault(key, record)
    problems = []
    for key, months in by_key.items():
        if period not in months and period.previous not in months:
            continue
        start = min(months)
        missing = [m for m in needed if start <= m and m not in months]
        if missing:
            problems.append(Problem(Severity.ERROR, f"{_label(key)} saknar {month_ranges(missing)}", Location(first[key].source.file, sheet),
                                    division=_division(series, key)))
    return problems[:SERIES_NAMED]


def _records(inputs: Inputs, config: Rapport, target: str) -> list:
    """The records the report's figures are made from: a division report's own accessibility rows, else the version-1 view."""
    if config.is_division_report and target == "tillganglighet":
        return inputs.detalj.get(target, [])
    return getattr(inputs, target)


def _label(key: tuple) -> str:
    return " / ".join(str(value) for value in key if value is not None) or REGION


def _division(series: Series, key: tuple) -> str:
    """The division a series is a division's (status counts its errors there); empty for the region's and a hospital's."""
    return (key[0] or "") if series.fields[0] == "division" else ""


def _files(records: list) -> str:
    return ", ".join(dict.fromkeys(r.source.file for r in records))


def _every_division(sheet: str, records: list, divisions: list[str]) -> list[Problem]:
    having = {r.division for r in records}
    missing = [d for d in divisions if d not in having]
    return [
        Problem(Severity.ERROR, f"{division} har ingen rad; varje division i rapport.yaml ska ha sin rad", Location(_files(records), sheet),
                division=division)
        for division in missing
    ]


def _check_sheet(sheet: str, series: Series, records: list, period: Month, divisions: list[str]) -> list[Problem]:
    needed = series.needed(period)
    window = set(needed)
    key_of = attrgetter(*series.fields) if len(series.fields) > 1 else lambda r: (getattr(r, series.fields[0]),)
    part_of = attrgetter(*series.parts) if len(series.parts) > 1 else (lambda r: (getattr(r, series.parts[0]),)) if series.parts else None
    by_series: dict[tuple, set[Month]] = defaultdict(set)
    by_part: dict[tuple, set[Month]] = defaultdict(set)
    first: dict[tuple, Any] = {}
    for record in records:
        month = record.manad
        if month not in window:
            continue  # a month no figure of the report uses
        key = key_of(record)
        by_series[key].add(month)
        if key not in first:
            first[key] = record
        if part_of is not None:
            part = key + part_of(record)
            by_part[part].add(month)
            if part not in first:
                first[part] = record
    found: list[tuple[str, str, str]] = []  # (message, file, division)
    if series.every_division:
        having = {key[0] for key in by_series}
        for division in divisions:
            if division not in having:
                found.append((f"{division} har inga rader; varje division i rapport.yaml ska ha rader för "
                              f"{month_ranges(needed)}", _files(records), division))
    for key, months in by_series.items():
        if not series.every_division and period not in months and period.previous not in months:
            continue  # a measure that ended before the month before: not in the report
        wanted = needed
        if series.new_this_year and not any(m in months for m in needed[:11]):
            wanted = needed[11:]  # nothing of last year before December: a series new this year
        missing = [m for m in wanted if m not in months]
        if missing:
            found.append((f"{_label(key)} saknar {month_ranges(missing)}", first[key].source.file, _division(series, key)))
    for part, months in by_part.items():
        division_months = by_series.get(part[: len(series.fields)], set())
        if period.previous in months and period not in months and period in division_months:
            found.append((f"{_label(part)} saknar {period} (raden finns för {period.previous})", first[part].source.file, _division(series, part)))
    problems = [Problem(Severity.ERROR, message, Location(file, sheet), division=division) for message, file, division in found[:SERIES_NAMED]]
    if len(found) > SERIES_NAMED:
        problems.append(error(f"ytterligare {len(found) - SERIES_NAMED} serier saknar månader (de första visas ovan)",
                              file=_files(records), sheet=sheet))
    return problems
