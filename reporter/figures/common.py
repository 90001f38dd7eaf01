"""Arithmetic shared by every figure: the two sums (sum_present, sum_all), changes, sums over months, lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ..differences import Difference
from ..model import Month


def sum_present(values: Iterable[float | None]) -> float | None:
    """The sum of the values there are; None when there is none (a sum of rows, some of them blank).

    For a total over rows where a blank row adds nothing: the rows of a sheet, a division's lines.
    """
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def sum_all(values: Iterable[float | None]) -> float | None:
    """The sum when every value is there; None when any is missing or there is none.

    For a total whose parts must all be known, or a partial sum would look like the whole:
    every month of a year to date, every division of a tertial report, every kind of visit.
    """
    found = list(values)
    if not found or any(v is None for v in found):
        return None
    return sum(v for v in found if v is not None)


class _Monthly(Protocol):
    """A record of one month."""

    @property
    def manad(self) -> Month: ...


R = TypeVar("R", bound=_Monthly)
K = TypeVar("K")


def change_pct(current: float | None, comparison: float | None) -> float | None:
    """(current − comparison) / |comparison| × 100; None when it cannot be computed."""
    if current is None or comparison is None or comparison == 0:
        return None
    return (current - comparison) / abs(comparison) * 100


def difference(current: float | None, comparison: float | None) -> float | None:
    """current − comparison, or None when either is missing; a :class:`Difference`, shown as its figures are."""
    if current is None or comparison is None:
        return None
    return Difference(current, comparison)


def plain_difference(current: float | None, comparison: float | None) -> float | None:
    """current − comparison as a plain float: for a difference shown without the two figures beside it
    (an interim report's change per verksamhet), written as the difference itself rounds."""
    return None if current is None or comparison is None else current - comparison


def share_pct(part: float, whole: float) -> float | None:
    """part / whole × 100, or None when whole is zero."""
    return part / whole * 100 if whole else None


class BudgetAndLastYear:
    """Deviation from budget and change from last year, for lines that have both (a mixin of frozen dataclasses)."""

    utfall: float | None
    budget: float | None
    foregaende_ar: float | None

    @property
    def avvikelse(self) -> float | None:
        """Utfall − Budget: positive is better than budget."""
        return difference(self.utfall, self.budget)

    @property
    def mot_foregaende_ar(self) -> float | None:
        """Utfall − same period last year."""
        return difference(self.utfall, self.foregaende_ar)


@dataclass(frozen=True)
class Comparison:
    """A value with what it is compared to, the difference and the change in %."""

    varde: float | None
    jamforelse: float | None

    @property
    def skillnad(self) -> float | None:
        """värde − jämförelse."""
        return difference(self.varde, self.jamforelse)

    @property
    def procent(self) -> float | None:
        """Change in percent of the comparison."""
        return change_pct(self.varde, self.jamforelse)


@dataclass(frozen=True)
class NamedComparison:
    """A named line (a measure, one verksamhet's part of it, a yrkesgrupp): the year to date against the same months last year."""

    namn: str
    hittills: Comparison


class MonthSeries(Generic[K]):
    """Values by key and month, summed over whatever records share them."""

    def __init__(self, records: Iterable[R], key: Callable[[R], K], value: Callable[[R], float | None]) -> None:
        self._values: dict[K, dict[Month, float]] = defaultdict(dict)
        self.keys: list[K] = []
        for record in records:
            number = value(record)
            k = key(record)
            if k not in self._values:
                self.keys.append(k)
            months = self._values[k]
            if number is not None:
                months[record.manad] = months.get(record.manad, 0.0) + number
            else:
                months.setdefault(record.manad, 0.0)

    def at(self, k: K, month: Month) -> float | None:
        """The value in one month, None when there is no record for it."""
        return self._values.get(k, {}).get(month)

    def total(self, k: K, months: Iterable[Month]) -> float | None:
        """The sum over months, None when none of them has a record."""
        return sum_present(self._values.get(k, {}).get(m) for m in months)

    def complete_total(self, k: K, months: Iterable[Month]) -> float | None:
        """The sum over months, None unless every one of them has a record."""
        return sum_all(self._values.get(k, {}).get(m) for m in months)

    def mean(self, k: K, months: Iterable[Month]) -> float | None:
        """The mean over the months that have a record, None when none has."""
        found = [v for m in months if (v := self._values.get(k, {}).get(m)) is not None]
        return sum(found) / len(found) if found else None

    def months(self, k: K) -> list[Month]:
        """The months with a record for k, in order."""
        return sorted(self._values.get(k, {}))


def year_to_date(period: Month) -> tuple[list[Month], list[Month]]:
    """January to the period, and the same months a year earlier."""
    months = period.year_to_date()
    return months, [m.year_before for m in months]


def last_months(period: Month, count: int = 13) -> list[Month]:
    """The ``count`` months ending with the period, oldest first."""
    return [period.plus(i - count + 1) for i in range(count)]


@dataclass(frozen=True)
class Trend:
    """A monthly series and the same months a year earlier, for a chart."""

    namn: str
    manader: list[Month]
    varden: list[float | None]
    foregaende_ar: list[float | None]


def trend(series: MonthSeries, k: object, period: Month, name: str | None = None, count: int = 13) -> Trend:
    """The last ``count`` months of one key, with the year before."""
    months = last_months(period, count)
    return Trend(
        name if name is not None else str(k),
        months,
        [series.at(k, m) for m in months],
        [series.at(k, m.year_before) for m in months],
    )


DIVISION_LIMIT = 15  # divisions a printed table lists one by one; the rest become one line


def division_groups(names: list[str], size: Mapping[str, float | None], limit: int | None = None) -> tuple[list[str], Callable[[str], str]]:
    """Which divisions a table lists, and the line each division's figures go to.

    Up to ``limit`` divisions are listed as they are. With more, the
    ``limit - 1`` largest by ``size`` are listed (in the order of
    rapport.yaml) and the rest are added up as one line, ``Övriga 385
    divisioner``: the figures of that line are computed from their summed
    inputs, so its shares and changes are right, not averages of averages.
    """
    limit = DIVISION_LIMIT if limit is None else limit
    if len(names) <= limit:
        return list(names), lambda name: name
    ranked = sorted(range(len(names)), key=lambda i: (-abs(size.get(names[i]) or 0), i))
    largest = {names[i] for i in ranked[: limit - 1]}
    other = f"Övriga {len(names) - len(largest)} divisioner"
    return [n for n in names if n in largest] + [other], lambda name: name if name in largest else other
