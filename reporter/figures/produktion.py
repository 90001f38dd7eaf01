"""Production and accessibility figures."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Rapport
from ..model import Inputs, Month
from .common import Comparison, MonthSeries, Trend, difference, division_groups, trend, year_to_date


@dataclass(frozen=True)
class MeasureLine:
    """A production measure: year to date and the month, against last year."""

    matt: str
    hittills: Comparison
    manad: Comparison


@dataclass(frozen=True)
class DivisionMeasures:
    """One division's production measures."""

    division: str
    matt: list[MeasureLine]


@dataclass(frozen=True)
class ShareLine:
    """A share in percent for the month, with changes in procentenheter."""

    namn: str
    andel: float | None
    foregaende_manad: float | None
    foregaende_ar: float | None

    @property
    def mot_foregaende_manad(self) -> float | None:
        """Change from the month before, in procentenheter."""
        return difference(self.andel, self.foregaende_manad)

    @property
    def mot_foregaende_ar(self) -> float | None:
        """Change from the same month last year, in procentenheter."""
        return difference(self.andel, self.foregaende_ar)


@dataclass(frozen=True)
class Produktion:
    """Everything the report says about production and accessibility."""

    matt: list[MeasureLine]
    per_division: list[DivisionMeasures]
    tillganglighet: list[ShareLine]
    belaggning: list[ShareLine]
    trender: list[Trend]  # each measure, the last 13 months and the year before
    tillganglighet_trender: list[Trend]


def _measures(series: MonthSeries, keys: list, period: Month, name=lambda k: k) -> list[MeasureLine]:
    current, last_year = year_to_date(period)
    return [
        MeasureLine(
            name(k),
            Comparison(series.total(k, current), series.total(k, last_year)),
            Comparison(series.at(k, period), series.at(k, period.year_before)),
        )
        for k in keys
    ]


def _shares(series: MonthSeries, period: Month) -> list[ShareLine]:
    return [
        ShareLine(k, series.at(k, period), series.at(k, period.previous), series.at(k, period.year_before))
        for k in series.keys
    ]


def produktion(inputs: Inputs, config: Rapport) -> Produktion:
    """Compute the production and accessibility figures of the period."""
    period = config.period
    region = MonthSeries(inputs.produktion, lambda r: r.matt, lambda r: r.varde)
    reporting = {r.division for r in inputs.produktion if r.division}
    names = [d.namn for d in config.organisation.divisioner if d.namn in reporting]
    size: dict[str, float] = {}
    for r in inputs.produktion:
        if r.division and r.manad == period:
            size[r.division] = size.get(r.division, 0) + (r.varde or 0)
    listed, group = division_groups(names, size)
    by_division = MonthSeries(
        [r for r in inputs.produktion if r.division], lambda r: (group(r.division), r.matt), lambda r: r.varde
    )
    per_division = []
    for name in listed:
        keys = [k for k in by_division.keys if k[0] == name]
        if keys:
            per_division.append(DivisionMeasures(name, _measures(by_division, keys, period, lambda k: k[1])))
    access = MonthSeries(inputs.tillganglighet, lambda r: r.matt, lambda r: r.andel)
    beds = MonthSeries(inputs.belaggning, lambda r: r.sjukhus, lambda r: r.belaggning)
    return Produktion(
        _measures(region, region.keys, period), per_division, _shares(access, period), _shares(beds, period),
        [trend(region, k, period) for k in region.keys],
        [trend(access, k, period) for k in access.keys],
    )
