"""Production and accessibility figures: the month's, and a division's interim report's.

One model for both reports: a production measure is a
:class:`~reporter.figures.common.NamedComparison` (the year to date against the same months last year),
the month's :class:`MeasureLine` adds the month, the interim report's :class:`Produktionsmatt` its
verksamheter; :class:`Produktion` and :class:`InterimProduktion` are a :class:`ProduktionBase`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Rapport
from ..model import Inputs, Month
from ..values import name_key
from .common import Comparison, MonthSeries, NamedComparison, Trend, change_pct, difference, division_groups, share_pct, sum_all, trend, year_to_date


class ProduktionBase:
    """What both reports say about production: the measures, each the year to date against last year (a mixin of frozen dataclasses)."""

    matt: Sequence[NamedComparison]


@dataclass(frozen=True)
class MeasureLine(NamedComparison):
    """A production measure: year to date and the month, against last year."""

    manad: Comparison

    @property
    def matt(self) -> str:
        """The measure (namn)."""
        return self.namn


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
class Produktion(ProduktionBase):
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


# --- a division's interim report (delårsrapport): the year to date against the same months last year ---------

DISTANCE = "Distanskontakter"
VISITS = ("Läkarbesök", "Besök övriga vårdgivare", DISTANCE)


@dataclass(frozen=True)
class Produktionsmatt(NamedComparison):
    """One production measure: the total (the year to date) and, when split, one row per verksamhet."""

    verksamheter: list[NamedComparison]

    @property
    def matt(self) -> str:
        """The measure (namn)."""
        return self.namn

    @property
    def totalt(self) -> Comparison:
        """The division's total, the year to date against the same months last year (hittills)."""
        return self.hittills


@dataclass(frozen=True)
class Tillganglighetsmatt:
    """An accessibility measure of the division: the mean share so far this year and last, and those waiting."""

    matt: str
    medel: Comparison  # mean of the months' shares Jan..period against the same months last year
    senaste: float | None  # the period's own month
    vantande: float | None  # waiting at the end of the period
    vantande_arsskifte: float | None  # waiting at the end of December
    trend: Trend

    @property
    def vantande_forandring(self) -> float | None:
        """The change of those waiting since the turn of the year, in percent."""
        return change_pct(self.vantande, self.vantande_arsskifte)


@dataclass(frozen=True)
class InterimProduktion(ProduktionBase):
    """Production and accessibility of a division, in its interim report."""

    matt: list[Produktionsmatt]
    distansandel: Comparison  # share of distance contacts among visits, percent (decision 3)
    tillganglighet: list[Tillganglighetsmatt]

    @property
    def finns(self) -> bool:
        """False for a division without care production (Service, Länsteknik): the section is left out."""
        return bool(self.matt or self.tillganglighet)

    @property
    def per_verksamhet(self) -> bool:
        """True when a measure is split by verksamhet: a table per measure; otherwise one table, a row per measure."""
        return any(m.verksamheter for m in self.matt)

    def matt_med(self, name: str) -> Produktionsmatt | None:
        """One measure by name, case ignored."""
        return next((m for m in self.matt if name_key(m.namn) == name_key(name)), None)


def _distance_share(visits: list[float | None]) -> float | None:
    """Distance contacts in percent of all visits (decision 3); None when a kind of visit is missing."""
    total = sum_all(visits)
    return share_pct(visits[2], total) if total is not None and visits[2] is not None else None



def interim_produktion(inputs: Inputs, period: Month) -> InterimProduktion:
    """A division's production and accessibility for its interim report, from its own rows."""
    current, last_year = year_to_date(period)
    rows = inputs.detalj.get("produktion", [])
    measures = MonthSeries(rows, lambda r: r.matt, lambda r: r.varde)
    lines = MonthSeries(rows, lambda r: (r.matt, r.verksamhet), lambda r: r.varde)

    def ytd(series: MonthSeries, key) -> Comparison:
        return Comparison(series.total(key, current), series.total(key, last_year))

    matt = []
    for measure in measures.keys:
        parts = [k for k in lines.keys if k[0] == measure and k[1] is not None]
        matt.append(Produktionsmatt(measure, ytd(measures, measure), [NamedComparison(k[1], ytd(lines, k)) for k in parts]))
    visits = {name_key(m): m for m in measures.keys}
    now = [measures.total(visits[name_key(v)], current) if name_key(v) in visits else None for v in VISITS]
    before = [measures.total(visits[name_key(v)], last_year) if name_key(v) in visits else None for v in VISITS]
    distans = Comparison(_distance_share(now), _distance_share(before))
    access = inputs.detalj.get("tillganglighet", [])
    shares = MonthSeries(access, lambda r: r.matt, lambda r: r.andel)
    # Antal väntande is optional: only rows that have it count (an empty cell is not 0 waiting).
    waiting = MonthSeries([r for r in access if r.antal_vantande is not None], lambda r: r.matt, lambda r: r.antal_vantande)
    december = Month(period.year - 1, 12)
    tillganglighet = [
        Tillganglighetsmatt(
            measure,
            Comparison(shares.mean(measure, current), shares.mean(measure, last_year)),
            shares.at(measure, period),
            waiting.at(measure, period),
            waiting.at(measure, december),
            trend(shares, measure, period, measure, count=16),
        )
        for measure in shares.keys
    ]
    return InterimProduktion(matt, distans, tillganglighet)

