"""Economy figures: region result lines, division results, cost types; a division's interim report's economy.

One model for both reports: a division's result against its budget and forecast is a
:class:`ResultAgainstBudget` (the monthly :class:`DivisionLine`, the interim :class:`Resultat`), a cost
type's line is a :class:`~reporter.figures.common.NamedComparison`, and both :class:`Ekonomi` (the month)
and :class:`InterimEkonomi` (a division's interim report) are an :class:`EkonomiBase`: the cost development
and the costs per month.
"""

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
    NamedComparison,
    Trend,
    change_pct,
    difference,
    division_groups,
    last_months,
    plain_difference,
    share_pct,
    sum_all,
    sum_present,
    trend,
    year_to_date,
)
from .investeringar import Investering, investment_lines, investment_total

COSTS_TOTAL = "Summa verksamhetens kostnader"


class _MonthEarlier:
    """The change in the month, for lines that carry the result a month earlier."""

    utfall: float | None
    foregaende_manad: float | None

    @property
    def mot_foregaende_manad(self) -> float | None:
        """Utfall − accumulated result one month earlier."""
        return difference(self.utfall, self.foregaende_manad)


class ResultAgainstBudget(BudgetAndLastYear):
    """A result against its budget and last year, with the year's forecast and budget (tkr; a mixin of frozen dataclasses)."""

    prognos_helar: float | None
    budget_helar: float | None

    @property
    def prognosavvikelse(self) -> float | None:
        """Prognos helår − Budget helår."""
        return difference(self.prognos_helar, self.budget_helar)


class EkonomiBase:
    """What both reports say about the economy: the cost development and the costs per month (a mixin of frozen dataclasses)."""

    kostnadsutveckling: CostTrend
    kostnader_per_manad: Trend


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
class DivisionLine(ResultAgainstBudget, _MonthEarlier):
    """A division's accumulated result with budget deviation and forecast (tkr)."""

    division: str
    utfall: float | None
    budget: float | None
    foregaende_ar: float | None
    prognos_helar: float | None
    budget_helar: float | None
    foregaende_manad: float | None = None  # v2: the result a month earlier (Utfall föregående månad)


@dataclass(frozen=True)
class CostLine(NamedComparison):
    """A cost type, year to date against the same months last year (tkr)."""

    @property
    def kostnadsslag(self) -> str:
        """The cost type (namn)."""
        return self.namn


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
class Ekonomi(EkonomiBase):
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
    a_month_earlier = sum_all(d.foregaende_manad for d in lines)  # only when every division has it
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


# --- a division's interim report (delårsrapport) ------------------------------------------------------------

TOTAL = "Totalt"
NOT_SPLIT = "Övrigt"  # a row without Verksamhet in a split table
INHYRD = "Inhyrd personal"



@dataclass(frozen=True)
class Resultat(ResultAgainstBudget):
    """The division's result and what it is compared with (tkr); positive is a surplus."""

    utfall: float | None
    budget: float | None  # the planned result for the same months (målresultat)
    foregaende_ar: float | None  # the same months last year
    prognos_helar: float | None
    budget_helar: float | None
    foregaende_ar_helar: float | None  # last year's result for the whole year
    nettokostnad: float | None  # external revenue − cost, normally negative
    nettokostnad_foregaende_ar: float | None

    @property
    def mot_foregaende_ar(self) -> float | None:
        """Utfall − same period last year, as the change table's Totalt shows it (last year's result is not shown)."""
        return plain_difference(self.utfall, self.foregaende_ar)

    @property
    def prognos_mot_foregaende_ar(self) -> float | None:
        """Prognos helår − last year's result for the year."""
        return difference(self.prognos_helar, self.foregaende_ar_helar)

    @property
    def nettokostnadsutveckling(self) -> float | None:
        """How the net cost grew, in percent: positive when it grows (−Nettokostnad against last year's)."""
        if self.nettokostnad is None or self.nettokostnad_foregaende_ar is None:
            return None
        return change_pct(-self.nettokostnad, -self.nettokostnad_foregaende_ar)

    @property
    def nettokostnad_forandring(self) -> float | None:
        """How much the net cost grew (tkr): −Nettokostnad − −(last year's)."""
        if self.nettokostnad is None or self.nettokostnad_foregaende_ar is None:
            return None
        return -self.nettokostnad + self.nettokostnad_foregaende_ar


@dataclass(frozen=True)
class Rad:
    """One row of a verksamhet × verksamhetsområde table: a value per column and the row's sum."""

    namn: str
    varden: list[float | None]

    @property
    def summa(self) -> float | None:
        """The row's total."""
        return sum_present(self.varden)


@dataclass(frozen=True)
class Matris:
    """A table of verksamheter (rows) by verksamhetsområden (columns), with the Totalt row (tkr).

    ``rader`` is empty for a division that does not split by verksamhet;
    ``totalt`` then still holds the division's figure per column.
    """

    kolumner: list[str]
    rader: list[Rad]
    totalt: Rad

    @property
    def delad(self) -> bool:
        """True when the table has more than one column (the division reports per verksamhetsområde)."""
        return len(self.kolumner) > 1

    @property
    def uppdelning(self) -> str | None:
        """What the table is split by, as prose says it after "per": ``verksamhet och verksamhetsområde``,
        ``verksamhet`` (rows only), ``verksamhetsområde`` (columns only); None when it shows only the total."""
        parts = [word for word, present in (("verksamhet", self.rader), ("verksamhetsområde", self.delad)) if present]
        return " och ".join(parts) or None

    @property
    def tomma_celler(self) -> bool:
        """True when a verksamhet has an empty cell: it is not in that verksamhetsområde."""
        return self.delad and any(v is None for row in self.rader for v in row.varden)

    @property
    def negativa(self) -> list[Rad]:
        """The rows whose sum is below zero (in the change table: the verksamheter worse than last year)."""
        return [row for row in self.rader if row.summa is not None and row.summa < 0]

    @property
    def alla_positiva(self) -> bool:
        """True when there are rows and every row's sum is above zero (every verksamhet better than last year)."""
        return bool(self.rader) and all(row.summa is not None and row.summa > 0 for row in self.rader)


@dataclass(frozen=True)
class PrognosRad:
    """A row of the forecast table: a verksamhet, or a group of them (Primärvård = PV anslag + PV kapitering)."""

    namn: str
    nettokostnad: float | None
    nettokostnad_foregaende_ar: float | None
    utfall: float | None
    prognos_helar: float | None

    @property
    def nettokostnadsutveckling(self) -> float | None:
        """Growth of the net cost in percent (positive when it grows)."""
        if self.nettokostnad is None or self.nettokostnad_foregaende_ar is None:
            return None
        return change_pct(-self.nettokostnad, -self.nettokostnad_foregaende_ar)


@dataclass(frozen=True)
class GruppRad:
    """A verksamhetsområde's line of a group's own table (Hälsocentralernas resultat och prognos)."""

    namn: str
    foregaende_ar_helar: float | None
    prognos_helar: float | None
    utfall: float | None
    foregaende_ar: float | None


@dataclass(frozen=True)
class Grupptabell:
    """A verksamhetsgrupp's table per verksamhetsområde, under the heading rapport.yaml gives it."""

    rubrik: str
    grupp: str
    rader: list[GruppRad]
    totalt: GruppRad


# --- the action plan and what else moved the result ------------------------------------------------------


@dataclass(frozen=True)
class Atgard:
    """One line of the action plan (tkr, reductions positive)."""

    namn: str
    plan_helar: float | None
    plan: float | None
    utfall: float | None
    prognos_helar: float | None

    @property
    def maluppfyllelse(self) -> float | None:
        """Achieved in percent of the plan for the months so far."""
        return share_pct(self.utfall, self.plan) if self.utfall is not None and self.plan else None

    @property
    def avvikelse(self) -> float | None:
        """Utfall − Plan."""
        return difference(self.utfall, self.plan)

    @property
    def prognosavvikelse(self) -> float | None:
        """Prognos helår − Plan helår."""
        return difference(self.prognos_helar, self.plan_helar)


@dataclass(frozen=True)
class Handlingsplan:
    """The economic action plan: its total, per measure, per verksamhetsområde, and for hired staff."""

    totalt: Atgard
    atgarder: list[Atgard]
    per_verksamhetsomrade: list[Atgard]
    inhyrd_personal: list[Atgard]  # rows with Kostnadsslag Inhyrd personal, per verksamhetsområde

    @property
    def uppdrag(self) -> float | None:
        """The year's assignment (Σ Plan helår)."""
        return self.totalt.plan_helar


@dataclass(frozen=True)
class Brygga:
    """How the result came about: planned result, the action plan's deviation, and the rest (tkr)."""

    planerat: float | None  # Budget (or Budget helår)
    handlingsplan: float | None  # Σ Utfall − Σ Plan (or the forecasts)
    oplanerat: float | None  # the rest: (Utfall − Budget) − the action plan's deviation
    resultat: float | None  # Utfall (or Prognos helår)


@dataclass(frozen=True)
class Post:
    """An effect on the result outside the action plan (tkr; positive improves it)."""

    namn: str
    utfall: float | None
    prognos_helar: float | None


@dataclass(frozen=True)
class Handelse:
    """An extraordinary event's costs and lost revenue, by category (tkr; None: not reported)."""

    namn: str
    rader: list[Post]

    @property
    def summa(self) -> float | None:
        """The reported categories together."""
        return sum_present(r.utfall for r in self.rader)


@dataclass(frozen=True)
class InterimEkonomi(EkonomiBase):
    """Everything a division's interim report says about its economy."""

    resultat: Resultat
    utfall: Matris
    forandring: Matris  # Utfall − the same months last year
    prognos: Matris
    prognos_mot_foregaende_ar: Matris  # Prognos helår − last year's result for the year
    prognostabell: list[PrognosRad]
    prognostabell_totalt: PrognosRad
    grupptabeller: list[Grupptabell]
    kostnadsutveckling: CostTrend
    kostnader: Comparison  # all costs, the year to date against the same months last year
    kostnader_per_manad: Trend
    handlingsplan: Handlingsplan | None
    brygga: Brygga | None  # the period
    brygga_helar: Brygga | None  # the year (forecasts)
    resultatpaverkan: list[Post]
    resultatpaverkan_summa: Post | None
    investeringar: list[Investering]
    investeringar_totalt: Investering | None
    sarskilda_kostnader: list[Handelse]



def _units(rows, division) -> list[str]:
    """The verksamhetsområden as columns: rapport.yaml's order, or the names in alphabetical order."""
    present = {r.verksamhetsomrade for r in rows if r.verksamhetsomrade is not None}
    if division.verksamhetsomraden:
        listed = [unit.namn for unit in division.verksamhetsomraden]
        return [u for u in listed if u in present] + sorted(present - set(listed))
    return sorted(present)


def _lines(rows) -> list[str]:
    """The verksamheter in the order they first appear (decision 5); rows without one last."""
    names = list(dict.fromkeys(r.verksamhet for r in rows if r.verksamhet is not None))
    return names + ([NOT_SPLIT] if any(r.verksamhet is None for r in rows) and names else [])


def _matrix(rows, columns: list[str], lines: list[str], value) -> Matris:
    cells: dict[tuple[str, str | None], float | None] = {}
    totals: dict[str | None, float | None] = {}
    for row in rows:
        line = row.verksamhet if row.verksamhet is not None else NOT_SPLIT
        cells[(line, row.verksamhetsomrade)] = sum_present((cells.get((line, row.verksamhetsomrade)), value(row)))
        totals[row.verksamhetsomrade] = sum_present((totals.get(row.verksamhetsomrade), value(row)))
    keys: list[str | None] = list(columns) or [None]
    return Matris(
        list(columns) or [TOTAL],
        [Rad(name, [cells.get((name, k)) for k in keys]) for name in lines],
        Rad(TOTAL, [totals.get(k) for k in keys]),
    )


def interim_ekonomi(inputs: Inputs, config, division) -> InterimEkonomi:
    """A division's economy for its interim report, from its own rows (the year to date against the same months last year)."""
    rows = inputs.detalj.get("divisioner", [])
    fields = ("utfall", "budget", "utfall_foregaende_ar", "prognos_helar", "budget_helar", "utfall_foregaende_ar_helar", "nettokostnad",
              "nettokostnad_foregaende_ar")
    total = {f: sum_present(getattr(r, f) for r in _used(rows)) for f in fields}
    resultat = Resultat(*(total[f] for f in fields))
    used = _used(rows)
    columns, lines = _units(used, division), _lines(used)

    def matrix(value) -> Matris:
        return _matrix(used, columns, lines, value)

    groups = {name_key(v): g for g in division.verksamhetsgrupper for v in g.verksamheter}
    prognos: dict[str, list] = {}
    for row in used:
        name = row.verksamhet if row.verksamhet is not None else NOT_SPLIT
        group = groups.get(name_key(name))
        prognos.setdefault(group.namn if group else name, []).append(row)
    # A division without Verksamhet has one line, the total: the table shows only its Totalt row.
    prognostabell = [_forecast_row(name, items) for name, items in prognos.items()] if list(prognos) != [NOT_SPLIT] else []
    grupptabeller = []
    for group in division.verksamhetsgrupper:
        if group.tabell:
            members = [r for r in used if r.verksamhet is not None and name_key(r.verksamhet) in {name_key(v) for v in group.verksamheter}]
            if members:
                per_unit = [_group_line(unit, [r for r in members if r.verksamhetsomrade == unit]) for unit in _units(members, division)]
                grupptabeller.append(Grupptabell(group.tabell, group.namn, per_unit, _group_line(division.namn, members)))

    period = config.period
    current, last_year = year_to_date(period)
    costs = MonthSeries(inputs.kostnader, lambda c: c.kostnadsslag, lambda c: c.belopp)
    all_costs = MonthSeries(inputs.kostnader, lambda c: COSTS_TOTAL, lambda c: c.belopp)
    plan = _action_plan(inputs)
    effects = [Post(e.post, e.utfall, e.prognos_helar) for e in inputs.resultatpaverkan]
    investments = investment_lines(inputs.investeringar, Investering)
    events: dict[str, list[Post]] = {}
    for cost in inputs.sarskilda_kostnader:
        events.setdefault(cost.handelse, []).append(Post(cost.kategori, cost.utfall, None))
    return InterimEkonomi(
        resultat,
        matrix(lambda r: r.utfall),
        matrix(lambda r: plain_difference(r.utfall, r.utfall_foregaende_ar)),
        matrix(lambda r: r.prognos_helar),
        matrix(lambda r: plain_difference(r.prognos_helar, r.utfall_foregaende_ar_helar)),
        prognostabell,
        _forecast_row(TOTAL, used),
        grupptabeller,
        _cost_trend(costs, all_costs, period),
        Comparison(all_costs.complete_total(COSTS_TOTAL, current), all_costs.complete_total(COSTS_TOTAL, last_year)),
        trend(all_costs, COSTS_TOTAL, period, "Kostnader", count=16),
        plan,
        _bridge(resultat.budget, plan.totalt.plan if plan else None, plan.totalt.utfall if plan else None, resultat.utfall),
        _bridge(resultat.budget_helar, plan.totalt.plan_helar if plan else None, plan.totalt.prognos_helar if plan else None, resultat.prognos_helar),
        effects,
        Post("Summa", sum_present(e.utfall for e in effects), sum_present(e.prognos_helar for e in effects)) if effects else None,
        investments,
        investment_total(division.namn, TOTAL, investments, Investering) if investments else None,
        [Handelse(name, items) for name, items in events.items()],
    )


def _used(rows) -> list:
    """The rows a division's figures add up: the split rows where a division also has an unsplit check total."""
    split = [r for r in rows if r.verksamhetsomrade is not None or r.verksamhet is not None]
    return split or list(rows)


def _forecast_row(name: str, rows) -> PrognosRad:
    return PrognosRad(
        name,
        sum_present(r.nettokostnad for r in rows),
        sum_present(r.nettokostnad_foregaende_ar for r in rows),
        sum_present(r.utfall for r in rows),
        sum_present(r.prognos_helar for r in rows),
    )


def _group_line(name: str, rows) -> GruppRad:
    return GruppRad(
        name,
        sum_present(r.utfall_foregaende_ar_helar for r in rows),
        sum_present(r.prognos_helar for r in rows),
        sum_present(r.utfall for r in rows),
        sum_present(r.utfall_foregaende_ar for r in rows),
    )


def _action_plan(inputs: Inputs) -> Handlingsplan | None:
    items = inputs.handlingsplan
    if not items:
        return None

    def summed(name: str, rows) -> Atgard:
        return Atgard(
            name, sum_present(r.plan_helar for r in rows), sum_present(r.plan for r in rows), sum_present(r.utfall for r in rows),
            sum_present(r.prognos_helar for r in rows),
        )

    by_measure: dict[str, list] = {}
    by_unit: dict[str, list] = {}
    hired: dict[str, list] = {}
    for item in items:
        by_measure.setdefault(item.atgard, []).append(item)
        if item.verksamhetsomrade is not None:
            by_unit.setdefault(item.verksamhetsomrade, []).append(item)
            if item.kostnadsslag is not None and name_key(item.kostnadsslag) == name_key(INHYRD):
                hired.setdefault(item.verksamhetsomrade, []).append(item)
    return Handlingsplan(
        summed("Ekonomisk handlingsplan", items),
        [summed(name, rows) for name, rows in by_measure.items()],
        [summed(name, rows) for name, rows in by_unit.items()],
        [summed(name, rows) for name, rows in hired.items()],
    )


def _bridge(planned: float | None, plan: float | None, achieved: float | None, result: float | None) -> Brygga | None:
    """Result = planned + the action plan's deviation + the unplanned rest (seed 003: 2 = −5 + (3 − 12) + 16)."""
    if planned is None or result is None:
        return None
    deviation = difference(achieved, plan)
    rest = result - planned - (deviation or 0)
    return Brygga(planned, deviation, rest, result)

