"""Economy figures: region result lines, division results, cost types."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Rapport
from ..model import Inputs, Month
from ..schema import REQUIRED_REGION_POSTS
from ..values import name_key
from .common import (
    BudgetAndLastYear,
    Comparison,
    MonthSeries,
    Trend,
    change_pct,
    difference,
    division_groups,
    last_months,
    sum_present,
    trend,
    year_to_date,
)

COSTS_TOTAL = "Summa verksamhetens kostnader"


class _MonthEarlier:
    """The change in the month, for lines that carry the result a month earlier."""

    utfall: float | None
    foregaende_manad: float | None

    @property
    def mot_foregaende_manad(self) -> float | None:
        """Utfall − accumulated result one month earlier."""
        return difference(self.utfall, self.foregaende_manad)


@dataclass(frozen=True)
class ResultLine(BudgetAndLastYear, _MonthEarlier):
    """A region result post, accumulated, with its comparisons (tkr)."""

    post: str
    utfall: float | None
    budget: float | None
    foregaende_ar: float | None
    foregaende_manad: float | None
    prognos_helar: float | None

    @property
    def forandring_procent(self) -> float | None:
        """Change against last year in percent."""
        return change_pct(self.utfall, self.foregaende_ar)


@dataclass(frozen=True)
class DivisionLine(BudgetAndLastYear, _MonthEarlier):
    """A division's accumulated result with budget deviation and forecast (tkr)."""

    division: str
    utfall: float | None
    budget: float | None
    foregaende_ar: float | None
    prognos_helar: float | None
    budget_helar: float | None
    foregaende_manad: float | None = None  # v2: the result a month earlier (Utfall föregående månad)

    @property
    def prognosavvikelse(self) -> float | None:
        """Full-year forecast − full-year budget."""
        return difference(self.prognos_helar, self.budget_helar)


@dataclass(frozen=True)
class CostLine:
    """A cost type, year to date against the same months last year (tkr)."""

    kostnadsslag: str
    hittills: Comparison


@dataclass(frozen=True)
class CostTrendLine:
    """A cost type: the year to date, and its change against the year before at each of 13 months."""

    kostnadsslag: str
    hittills: float | None
    forandringar: list[float | None]  # newest first, like the columns of the table


@dataclass(frozen=True)
class CostTrend:
    """Cost development: year-to-date change against the year before, month by month."""

    manader: list[Month]  # newest first
    rader: list[CostTrendLine]
    totalt: CostTrendLine


@dataclass(frozen=True)
class Ekonomi:
    """Everything the report says about the economy."""

    rader: list[ResultLine]
    periodens_resultat: ResultLine
    verksamhetens_resultat: ResultLine
    finansnetto: ResultLine
    nettokostnader: ResultLine
    skatteintakter: ResultLine
    nettokostnader_storlek: Comparison
    divisioner: list[DivisionLine]
    divisioner_totalt: DivisionLine
    kostnadsslag: list[CostLine]
    kostnadsutveckling: CostTrend
    kostnader_per_manad: Trend  # all costs, the last 13 months and the year before

    @property
    def divisioner_battre_an_budget(self) -> list[DivisionLine]:
        """The divisions whose result is better than budget."""
        return [d for d in self.divisioner if d.avvikelse is not None and d.avvikelse > 0]


def _summed(name: str, lines: list[DivisionLine]) -> DivisionLine:
    fields = ("utfall", "budget", "foregaende_ar", "prognos_helar", "budget_helar")
    earlier = [d.foregaende_manad for d in lines if d.foregaende_manad is not None]
    a_month_earlier = sum(earlier) if earlier and len(earlier) == len(lines) else None  # only when every division has it
    summed = {f: sum_present([getattr(d, f) for d in lines]) for f in fields}
    return DivisionLine(name, **summed, foregaende_manad=a_month_earlier)


def ekonomi(inputs: Inputs, config: Rapport) -> Ekonomi:
    """Compute the economy figures of the period."""
    rader = [
        ResultLine(p.post, p.utfall, p.budget, p.utfall_foregaende_ar, p.utfall_foregaende_manad, p.prognos_helar)
        for p in inputs.region
    ]
    by_post = {name_key(r.post): r for r in rader}
    periodens, verksamhetens, finansnetto, netto, skatt = (by_post[name_key(post)] for post in REQUIRED_REGION_POSTS)
    storlek = Comparison(
        abs(netto.utfall) if netto.utfall is not None else None,
        abs(netto.foregaende_ar) if netto.foregaende_ar is not None else None,
    )

    results = {d.division: d for d in inputs.divisioner}
    every = [
        DivisionLine(d.namn, r.utfall, r.budget, r.utfall_foregaende_ar, r.prognos_helar, r.budget_helar, r.utfall_foregaende_manad)
        for d in config.organisation.divisioner
        if (r := results.get(d.namn)) is not None
    ]
    totalt = _summed("Totalt", every)
    listed, group = division_groups([d.division for d in every], {d.division: d.budget_helar or d.utfall for d in every})
    divisioner = [_summed(name, [d for d in every if group(d.division) == name]) for name in listed] if len(listed) < len(every) else every

    current, last_year = year_to_date(config.period)
    costs = MonthSeries(inputs.kostnader, lambda c: c.kostnadsslag, lambda c: c.belopp)
    kostnadsslag = [
        CostLine(k, Comparison(costs.total(k, current), costs.total(k, last_year))) for k in costs.keys
    ]
    all_costs = MonthSeries(inputs.kostnader, lambda c: COSTS_TOTAL, lambda c: c.belopp)
    return Ekonomi(
        rader, periodens, verksamhetens, finansnetto, netto, skatt, storlek, divisioner, totalt, kostnadsslag,
        _cost_trend(costs, all_costs, config.period),
        trend(all_costs, COSTS_TOTAL, config.period, "Kostnader"),
    )


def _cost_trend(costs: MonthSeries, all_costs: MonthSeries, period: Month) -> CostTrend:
    """Each cost type's year-to-date change at each of the last 13 months (as seed 003's table)."""
    months = list(reversed(last_months(period)))

    def line(series: MonthSeries, k: object) -> CostTrendLine:
        changes = []
        for month in months:
            months_now, months_before = year_to_date(month)
            changes.append(change_pct(series.complete_total(k, months_now), series.complete_total(k, months_before)))
        return CostTrendLine(str(k), series.complete_total(k, period.year_to_date()), changes)

    return CostTrend(months, [line(costs, k) for k in costs.keys], line(all_costs, COSTS_TOTAL))
