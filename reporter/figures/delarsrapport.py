"""A division's interim report (delårsrapport): every figure of seed 003, from the division's rows.

Pure functions over the validated inputs of a delarsrapport period (only the
division's rows are there). Figures are the year to date, January to the
period, against the same months last year (INPUTS-v2.md, decision 6); amounts
in tkr; the words are the template's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formatting import tal
from ..model import Inputs, Measure, Month, StrategicGoal
from ..values import name_key
from .common import (
    BudgetAndLastYear,
    Comparison,
    MonthSeries,
    Trend,
    change_pct,
    difference,
    last_months,
    plain_difference,
    share_pct,
    sum_present,
    year_to_date,
)
from .ekonomi import COSTS_TOTAL, CostTrend, _cost_trend
from .maluppfyllelse import PERSPECTIVES, Maluppfyllelse, maluppfyllelse

TOTAL = "Totalt"
NOT_SPLIT = "Övrigt"  # a row without Verksamhet in a split table
INHYRD = "Inhyrd personal"
DISTANCE = "Distanskontakter"
VISITS = ("Läkarbesök", "Besök övriga vårdgivare", DISTANCE)


# --- the result: the division, and tables of verksamhet × verksamhetsområde ------------------------------


@dataclass(frozen=True)
class Resultat(BudgetAndLastYear):
    """The division's result and what it is compared with (tkr); positive is a surplus."""

    utfall: float | None
    budget: float | None  # the planned result for the same months (målresultat)
    foregaende_ar: float | None  # the same months last year
    prognos_helar: float | None
    budget_helar: float | None
    foregaende_ar_helar: float | None  # last year's result for the whole year
    nettokostnad: float | None  # external revenue − cost, normally negative

    @property
    def mot_foregaende_ar(self) -> float | None:
        """Utfall − same period last year, as the change table's Totalt shows it (last year's result is not shown)."""
        return plain_difference(self.utfall, self.foregaende_ar)
    nettokostnad_foregaende_ar: float | None

    @property
    def prognosavvikelse(self) -> float | None:
        """Prognos helår − Budget helår."""
        return difference(self.prognos_helar, self.budget_helar)

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
class Investering:
    """Investments of one type (tkr)."""

    namn: str
    tidigare: float | None
    i_ar: float | None
    prognos_helar: float | None

    @property
    def summa(self) -> float | None:
        """Both kinds of decision together."""
        return sum_present((self.tidigare, self.i_ar))


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
class Ekonomi:
    """Everything the interim report says about the economy."""

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


# --- production and accessibility --------------------------------------------------------------------------


@dataclass(frozen=True)
class Produktionsrad:
    """A measure (or one verksamhet's part of it): the year to date against the same months last year."""

    namn: str
    hittills: Comparison


@dataclass(frozen=True)
class Produktionsmatt:
    """One production measure: the total and, when split, one row per verksamhet."""

    matt: str
    totalt: Comparison
    verksamheter: list[Produktionsrad]


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
class Produktion:
    """Production and accessibility of the division."""

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
        return next((m for m in self.matt if name_key(m.matt) == name_key(name)), None)


def _distance_share(visits: list[float | None]) -> float | None:
    """Distance contacts in percent of all visits (decision 3); None when a kind of visit is missing."""
    if any(v is None for v in visits):
        return None
    counts = [v for v in visits if v is not None]
    return share_pct(counts[2], sum(counts))


# --- personnel ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anstallningsform:
    """Employees of one form at the end of the period, against the same month last year."""

    namn: str
    antal: Comparison

    @property
    def benamning(self) -> str:
        """The employees of this form as prose names them: ``tillsvidareanställda``, ``vikarier och tillfälligt anställda``."""
        return FORM_WORDS.get(name_key(self.namn), self.namn.lower())


# The forms of employment (schema.ANSTALLNINGSFORMER, a closed list) as prose names the people in them.
FORM_WORDS = {name_key("Tillsvidare"): "tillsvidareanställda", name_key("Vikarie/tillfällig"): "vikarier och tillfälligt anställda"}


@dataclass(frozen=True)
class Sjukfranvaro:
    """Sick leave the year to date in percent of ordinary hours, against the same months last year."""

    totalt: Comparison
    kvinnor: Comparison
    man: Comparison
    korttid: Comparison  # days 1-14
    langtid: Comparison  # 60 days or more
    hogsta_manad: Month | None  # the highest month of the year to date
    hogsta_andel: float | None
    trend: Trend  # the monthly share, the last 16 months and the year before


@dataclass(frozen=True)
class Personal:
    """Headcount, worked time and sick leave of the division."""

    anstallda: list[Anstallningsform]
    anstallda_totalt: Comparison
    arbetad_tid: Comparison  # mean årsarbetare Jan..period, hired staff included
    extratid: Comparison
    overtid: Comparison
    inhyrd_personal: Comparison
    inhyrd_per_yrkesgrupp: list[Produktionsrad]
    sjukfranvaro: Sjukfranvaro


# --- the scorecard ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Faktor:
    """One row of the summary table: a region's success factor under a goal, with its assessment."""

    perspektiv: str
    mal: str
    bedomning: str | None
    framgangsfaktor: str | None


@dataclass(frozen=True)
class Malgrupp:
    """A goal of the summary table with its success factors: the rows that share its Perspektiv and Mål cells."""

    perspektiv: str
    mal: str
    faktorer: list[Faktor]


@dataclass(frozen=True)
class Perspektivbedomning:
    """A perspective's assessment for the division (its goal row), for the sentence that opens it."""

    perspektiv: str
    bedomning: str | None


@dataclass(frozen=True)
class Bedomningsgrupp:
    """The perspectives that share one assessment, for the sentence that names them together."""

    perspektiv: list[str]
    bedomning: str | None


@dataclass(frozen=True)
class Styrning:
    """The division's scorecard: the summary per perspective, and its goals and measures."""

    sammanfattning: list[Faktor]
    perspektiv: list[Perspektivbedomning]
    maluppfyllelse: Maluppfyllelse

    @property
    def mal(self) -> list[Malgrupp]:
        """The summary's rows grouped by perspective and goal, in their order (a goal's rows are consecutive)."""
        groups: list[Malgrupp] = []
        for row in self.sammanfattning:
            if not groups or (groups[-1].perspektiv, groups[-1].mal) != (row.perspektiv, row.mal):
                groups.append(Malgrupp(row.perspektiv, row.mal, []))
            groups[-1].faktorer.append(row)
        return groups

    @property
    def bedomningar(self) -> list[Bedomningsgrupp]:
        """The perspectives grouped by their assessment, in the order each assessment first appears:
        'i perspektiven verksamhet och ekonomi delvis har uppnåtts', not the same verb three times."""
        groups: dict[str | None, list[str]] = {}
        for item in self.perspektiv:
            groups.setdefault(item.bedomning, []).append(item.perspektiv)
        return [Bedomningsgrupp(names, assessment) for assessment, names in groups.items()]


@dataclass(frozen=True)
class Delarsrapport:
    """Every figure of a division's interim report."""

    division: str
    period: Month
    ekonomi: Ekonomi
    produktion: Produktion
    personal: Personal
    styrning: Styrning
    nyckeltal: dict[str, float | None] = field(default_factory=dict)  # Styrmått.Nyckeltal → its value


def compute(inputs: Inputs, config) -> Delarsrapport:
    """Every figure of the division's report from its validated inputs."""
    division = config.organisation.division(config.division)
    ekonomi = _ekonomi(inputs, config, division)
    produktion = _produktion(inputs, config.period)
    personal = _personal(inputs, config.period)
    nyckeltal = key_figures(ekonomi, personal)
    styrning = _styrning(inputs, nyckeltal)
    return Delarsrapport(division.namn, config.period, ekonomi, produktion, personal, styrning, nyckeltal)


# --- economy ------------------------------------------------------------------------------------------------


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


def _ekonomi(inputs: Inputs, config, division) -> Ekonomi:
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
    investments = [Investering(i.investeringstyp, i.utfall_tidigare, i.utfall_i_ar, i.prognos_helar) for i in inputs.investeringar]
    events: dict[str, list[Post]] = {}
    for cost in inputs.sarskilda_kostnader:
        events.setdefault(cost.handelse, []).append(Post(cost.kategori, cost.utfall, None))
    return Ekonomi(
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
        _monthly(all_costs, COSTS_TOTAL, period, "Kostnader"),
        plan,
        _bridge(resultat.budget, plan.totalt.plan if plan else None, plan.totalt.utfall if plan else None, resultat.utfall),
        _bridge(resultat.budget_helar, plan.totalt.plan_helar if plan else None, plan.totalt.prognos_helar if plan else None, resultat.prognos_helar),
        effects,
        Post("Summa", sum_present(e.utfall for e in effects), sum_present(e.prognos_helar for e in effects)) if effects else None,
        investments,
        Investering(
            TOTAL, sum_present(i.tidigare for i in investments), sum_present(i.i_ar for i in investments),
            sum_present(i.prognos_helar for i in investments),
        )
        if investments else None,
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


def _monthly(series: MonthSeries, key, period: Month, name: str, count: int = 16) -> Trend:
    months = last_months(period, count)
    return Trend(name, months, [series.at(key, m) for m in months], [series.at(key, m.year_before) for m in months])


# --- production ----------------------------------------------------------------------------------------------


def _produktion(inputs: Inputs, period: Month) -> Produktion:
    current, last_year = year_to_date(period)
    rows = inputs.detalj.get("produktion", [])
    measures = MonthSeries(rows, lambda r: r.matt, lambda r: r.varde)
    lines = MonthSeries(rows, lambda r: (r.matt, r.verksamhet), lambda r: r.varde)

    def ytd(series: MonthSeries, key) -> Comparison:
        return Comparison(series.total(key, current), series.total(key, last_year))

    matt = []
    for measure in measures.keys:
        parts = [k for k in lines.keys if k[0] == measure and k[1] is not None]
        matt.append(Produktionsmatt(measure, ytd(measures, measure), [Produktionsrad(k[1], ytd(lines, k)) for k in parts]))
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
            _monthly(shares, measure, period, measure),
        )
        for measure in shares.keys
    ]
    return Produktion(matt, distans, tillganglighet)


# --- personnel --------------------------------------------------------------------------------------------------


def _personal(inputs: Inputs, period: Month) -> Personal:
    current, last_year = year_to_date(period)
    year_before = period.year_before
    forms = MonthSeries(inputs.anstallda, lambda r: r.anstallningsform, lambda r: r.antal)
    everyone = MonthSeries(inputs.anstallda, lambda r: TOTAL, lambda r: r.antal)
    anstallda = [Anstallningsform(form, Comparison(forms.at(form, period), forms.at(form, year_before))) for form in forms.keys]

    worked = inputs.arbetad_tid
    def mean(value) -> Comparison:
        series = MonthSeries(worked, lambda r: TOTAL, value)
        return Comparison(series.mean(TOTAL, current), series.mean(TOTAL, last_year))

    hired_rows = inputs.detalj.get("arbetad_tid", [])
    by_group = MonthSeries([r for r in hired_rows if r.yrkesgrupp is not None], lambda r: r.yrkesgrupp, lambda r: r.inhyrd_personal)
    inhyrda = [Produktionsrad(g, Comparison(by_group.mean(g, current), by_group.mean(g, last_year))) for g in by_group.keys]
    return Personal(
        anstallda,
        Comparison(everyone.at(TOTAL, period), everyone.at(TOTAL, year_before)),
        mean(lambda r: sum_present((r.arbetad_tid, r.inhyrd_personal))),
        mean(lambda r: r.extratid),
        mean(lambda r: r.overtid),
        mean(lambda r: r.inhyrd_personal),
        inhyrda,
        _sick_leave(inputs, period),
    )


def _sick_leave(inputs: Inputs, period: Month) -> Sjukfranvaro:
    current, last_year = year_to_date(period)
    rows = inputs.sjukfranvaro

    def share(part, months, who=None) -> float | None:
        chosen = [r for r in rows if r.manad in set(months) and (who is None or r.kon == who)]
        hours = [part(r) for r in chosen]
        if not chosen or any(h is None for h in hours):
            return None
        return share_pct(sum(hours), sum(r.ordinarie_arbetstid for r in chosen))

    def compare(part, who=None) -> Comparison:
        return Comparison(share(part, current, who), share(part, last_year, who))

    monthly = {m: share(lambda r: r.sjukfranvarotimmar, [m]) for m in current}
    present = {m: v for m, v in monthly.items() if v is not None}
    highest = max(present, key=lambda m: (present[m], m)) if present else None
    months = last_months(period, 16)
    trend = Trend(
        "Sjukfrånvaro", months,
        [share(lambda r: r.sjukfranvarotimmar, [m]) for m in months],
        [share(lambda r: r.sjukfranvarotimmar, [m.year_before]) for m in months],
    )
    return Sjukfranvaro(
        compare(lambda r: r.sjukfranvarotimmar),
        compare(lambda r: r.sjukfranvarotimmar, "Kvinnor"),
        compare(lambda r: r.sjukfranvarotimmar, "Män"),
        compare(lambda r: r.korttid),
        compare(lambda r: r.langtid),
        highest,
        present.get(highest) if highest else None,
        trend,
    )


# --- the scorecard ------------------------------------------------------------------------------------------------


def key_figures(ekonomi: Ekonomi, personal: Personal) -> dict[str, float | None]:
    """The figures a Styrmått may name in its Nyckeltal column (INPUTS-v2.md, decision 4)."""
    plan = ekonomi.handlingsplan
    return {
        "resultat": ekonomi.resultat.utfall,
        "budgetavvikelse": ekonomi.resultat.avvikelse,
        "prognos": ekonomi.resultat.prognos_helar,
        "handlingsplan": plan.totalt.maluppfyllelse if plan else None,
        "nettokostnadsutveckling": ekonomi.resultat.nettokostnadsutveckling,
        "kostnadsutveckling": ekonomi.kostnader.procent,
        "sjukfranvaro": personal.sjukfranvaro.totalt.varde,
        "arbetad_tid": personal.arbetad_tid.varde,
    }


def _styrning(inputs: Inputs, nyckeltal: dict[str, float | None]) -> Styrning:
    goals: list[StrategicGoal] = inputs.detalj.get("strategiska_mal", [])
    own = [g for g in goals if g.framgangsfaktor is None]
    summary = []
    for goal in own:
        factors = [g for g in goals if g.framgangsfaktor is not None and g.perspektiv == goal.perspektiv
                   and name_key(g.strategiskt_mal) == name_key(goal.strategiskt_mal)]
        if not factors:
            summary.append(Faktor(goal.perspektiv, goal.strategiskt_mal, goal.bedomning, None))
        for factor in factors:
            summary.append(Faktor(goal.perspektiv, goal.strategiskt_mal, factor.bedomning or goal.bedomning, factor.framgangsfaktor))
    assessed = {g.perspektiv: g.bedomning for g in own}
    perspektiv = [Perspektivbedomning(p, assessed.get(p)) for p in PERSPECTIVES if p in assessed]
    measures: list[Measure] = [_with_key_figure(m, nyckeltal) for m in inputs.detalj.get("styrmatt", [])]
    card = maluppfyllelse(Inputs(strategiska_mal=own, styrmatt=measures))
    return Styrning(summary, perspektiv, card)


KEY_FIGURE_UNITS = {
    "resultat": "mnkr", "budgetavvikelse": "mnkr", "prognos": "mnkr", "handlingsplan": "%", "nettokostnadsutveckling": "%",
    "kostnadsutveckling": "%", "sjukfranvaro": "%", "arbetad_tid": "åa",
}


def key_figure_text(name: str, value: float | None) -> str | None:
    """A key figure as a scorecard cell shows it: ``2,2 mnkr``, ``29 %``, ``6,2 %``."""
    if value is None:
        return None
    unit = KEY_FIGURE_UNITS[name]
    if unit == "mnkr":
        return f"{tal(value / 1000, 1)} mnkr"
    if unit == "%":
        return f"{tal(value, 0 if name == 'handlingsplan' else 1)} %"
    return f"{tal(value, 0)} åa"


def _with_key_figure(measure: Measure, nyckeltal: dict[str, float | None]) -> Measure:
    """A measure whose Utfall the tool computes (Nyckeltal) gets the computed value."""
    if measure.nyckeltal is None:
        return measure
    from dataclasses import replace

    return replace(measure, utfall=key_figure_text(measure.nyckeltal, nyckeltal.get(measure.nyckeltal)) or measure.utfall)


__all__ = ["Delarsrapport", "compute", "key_figure_text", "key_figures", "PERSPECTIVES"]
