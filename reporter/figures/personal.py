"""Personnel figures: headcount, worked time, sick leave; the month's, and a division's interim report's.

One model for both reports: worked time, extra time and hired staff are a :class:`WorkedTime` (the month's
:class:`WorkedTimeFigures`, the interim :class:`InterimPersonal`), and a yrkesgrupp's line in the interim
report is a :class:`~reporter.figures.common.NamedComparison`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Rapport
from ..model import Inputs, Month
from ..values import name_key
from .common import (
    Comparison,
    MonthSeries,
    NamedComparison,
    Trend,
    difference,
    division_groups,
    last_months,
    share_pct,
    sum_all,
    sum_present,
    trend,
    year_to_date,
)

TOTAL = "Totalt"


@dataclass(frozen=True)
class HeadcountLine:
    """Employees at the end of the period and the changes."""

    namn: str
    antal: float | None
    foregaende_manad: float | None
    foregaende_ar: float | None

    @property
    def mot_foregaende_manad(self) -> float | None:
        """Change since the end of the month before."""
        return difference(self.antal, self.foregaende_manad)

    @property
    def mot_foregaende_ar(self) -> float | None:
        """Change since the same month last year."""
        return difference(self.antal, self.foregaende_ar)


@dataclass(frozen=True)
class SickLeaveLine:
    """Sick leave in percent of ordinary hours: the month and year to date."""

    namn: str
    manad: float | None
    hittills: float | None
    hittills_foregaende_ar: float | None

    @property
    def mot_foregaende_ar(self) -> float | None:
        """Change of the year-to-date share from last year, in procentenheter."""
        return difference(self.hittills, self.hittills_foregaende_ar)


class WorkedTime:
    """Worked time, extra time and hired staff in årsarbetare, each with what it is compared with (a mixin of frozen dataclasses)."""

    arbetad_tid: Comparison
    extratid: Comparison
    inhyrd_personal: Comparison


@dataclass(frozen=True)
class WorkedTimeFigures(WorkedTime):
    """Worked time, extra time and hired staff in årsarbetare."""

    arbetad_tid: Comparison  # mean Jan..period against the same months last year
    extratid: Comparison  # the month against the month before
    extratid_foregaende_ar: float | None  # the same month last year
    inhyrd_personal: Comparison  # mean Jan..period against the same months last year


@dataclass(frozen=True)
class Personal:
    """Everything the report says about personnel."""

    anstallda: HeadcountLine
    tillsvidare: HeadcountLine
    vikarier: HeadcountLine
    yrkesgrupper: list[HeadcountLine]
    divisioner: list[HeadcountLine]
    storsta_okningar: list[HeadcountLine]
    storsta_minskningar: list[HeadcountLine]
    arbetad_tid: WorkedTimeFigures
    sjukfranvaro: SickLeaveLine
    sjukfranvaro_per_kon: list[SickLeaveLine]
    sjukfranvaro_per_division: list[SickLeaveLine]
    anstallda_trend: Trend  # employees at the end of each of the last 13 months
    sjukfranvaro_trend: Trend  # sick leave % each month, and the year before


def _headcount(series: MonthSeries, keys: list, period: Month) -> list[HeadcountLine]:
    return [
        HeadcountLine(k, series.at(k, period), series.at(k, period.previous), series.at(k, period.year_before))
        for k in keys
    ]


def _change(line: HeadcountLine) -> float:
    """The change since the month before; a line without one counts as unchanged."""
    return line.mot_foregaende_manad or 0.0


def _sick_leave(inputs: Inputs, key, keys: list, period: Month) -> list[SickLeaveLine]:
    sick = MonthSeries(inputs.sjukfranvaro, key, lambda r: r.sjukfranvarotimmar)
    hours = MonthSeries(inputs.sjukfranvaro, key, lambda r: r.ordinarie_arbetstid)
    current, last_year = year_to_date(period)

    def pct(k, months):
        s, h = sick.total(k, months), hours.total(k, months)
        return share_pct(s, h) if s is not None and h is not None else None

    return [SickLeaveLine(k, pct(k, [period]), pct(k, current), pct(k, last_year)) for k in keys]


def personal(inputs: Inputs, config: Rapport, top: int = 4) -> Personal:
    """Compute the personnel figures of the period."""
    period = config.period
    division_order = [d.namn for d in config.organisation.divisioner]

    total = MonthSeries(inputs.anstallda, lambda r: TOTAL, lambda r: r.antal)
    forms = MonthSeries(inputs.anstallda, lambda r: r.anstallningsform, lambda r: r.antal)
    groups = MonthSeries(inputs.anstallda, lambda r: r.yrkesgrupp, lambda r: r.antal)
    headcount = MonthSeries(inputs.anstallda, lambda r: r.division, lambda r: r.antal)
    listed, group = division_groups([d for d in division_order if d in headcount.keys], {d: headcount.at(d, period) for d in headcount.keys})
    divisions = MonthSeries(inputs.anstallda, lambda r: group(r.division), lambda r: r.antal)
    yrkesgrupper = _headcount(groups, sorted(groups.keys), period)
    changed = [g for g in yrkesgrupper if g.mot_foregaende_manad]
    okningar = sorted((g for g in changed if _change(g) > 0), key=lambda g: (-_change(g), g.namn))
    minskningar = sorted((g for g in changed if _change(g) < 0), key=lambda g: (_change(g), g.namn))

    current, last_year = year_to_date(period)
    worked = MonthSeries(inputs.arbetad_tid, lambda r: TOTAL, lambda r: r.arbetad_tid)
    extra = MonthSeries(inputs.arbetad_tid, lambda r: TOTAL, lambda r: r.extratid)
    hired = MonthSeries(inputs.arbetad_tid, lambda r: TOTAL, lambda r: r.inhyrd_personal)
    arbetad_tid = WorkedTimeFigures(
        Comparison(worked.mean(TOTAL, current), worked.mean(TOTAL, last_year)),
        Comparison(extra.at(TOTAL, period), extra.at(TOTAL, period.previous)),
        extra.at(TOTAL, period.year_before),
        Comparison(hired.mean(TOTAL, current), hired.mean(TOTAL, last_year)),
    )

    sexes = sorted({r.kon for r in inputs.sjukfranvaro})
    sick_hours = MonthSeries(inputs.sjukfranvaro, lambda r: r.division, lambda r: r.ordinarie_arbetstid)
    sick_listed, sick_group = division_groups(
        [d for d in division_order if d in sick_hours.keys], {d: sick_hours.at(d, period) for d in sick_hours.keys}
    )
    return Personal(
        anstallda=_headcount(total, [TOTAL], period)[0],
        tillsvidare=_headcount(forms, ["Tillsvidare"], period)[0],
        vikarier=_headcount(forms, ["Vikarie/tillfällig"], period)[0],
        yrkesgrupper=yrkesgrupper,
        divisioner=_headcount(divisions, listed, period),
        storsta_okningar=okningar[:top],
        storsta_minskningar=minskningar[:top],
        arbetad_tid=arbetad_tid,
        sjukfranvaro=_sick_leave(inputs, lambda r: TOTAL, [TOTAL], period)[0],
        sjukfranvaro_per_kon=_sick_leave(inputs, lambda r: r.kon, sexes, period),
        sjukfranvaro_per_division=_sick_leave(inputs, lambda r: sick_group(r.division), sick_listed, period),
        anstallda_trend=trend(total, TOTAL, period, "Anställda"),
        sjukfranvaro_trend=_sick_leave_trend(inputs, period),
    )


def _sick_leave_trend(inputs: Inputs, period: Month) -> Trend:
    months = last_months(period)
    sick = MonthSeries(inputs.sjukfranvaro, lambda r: TOTAL, lambda r: r.sjukfranvarotimmar)
    hours = MonthSeries(inputs.sjukfranvaro, lambda r: TOTAL, lambda r: r.ordinarie_arbetstid)

    def pct(month: Month) -> float | None:
        s, h = sick.at(TOTAL, month), hours.at(TOTAL, month)
        return share_pct(s, h) if s is not None and h is not None else None

    return Trend("Sjukfrånvaro", months, [pct(m) for m in months], [pct(m.year_before) for m in months])


# --- a division's interim report (delårsrapport) ------------------------------------------------------------


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
class InterimPersonal(WorkedTime):
    """Headcount, worked time and sick leave of a division, in its interim report."""

    anstallda: list[Anstallningsform]
    anstallda_totalt: Comparison
    arbetad_tid: Comparison  # mean årsarbetare Jan..period, hired staff included
    extratid: Comparison
    overtid: Comparison
    inhyrd_personal: Comparison
    inhyrd_per_yrkesgrupp: list[NamedComparison]
    sjukfranvaro: Sjukfranvaro



def interim_personal(inputs: Inputs, period: Month) -> InterimPersonal:
    """A division's personnel figures for its interim report, from its own rows."""
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
    inhyrda = [NamedComparison(g, Comparison(by_group.mean(g, current), by_group.mean(g, last_year))) for g in by_group.keys]
    return InterimPersonal(
        anstallda,
        Comparison(everyone.at(TOTAL, period), everyone.at(TOTAL, year_before)),
        mean(lambda r: sum_present((r.arbetad_tid, r.inhyrd_personal))),
        mean(lambda r: r.extratid),
        mean(lambda r: r.overtid),
        mean(lambda r: r.inhyrd_personal),
        inhyrda,
        _interim_sick_leave(inputs, period),
    )


def _interim_sick_leave(inputs: Inputs, period: Month) -> Sjukfranvaro:
    current, last_year = year_to_date(period)
    rows = inputs.sjukfranvaro

    def share(part, months, who=None) -> float | None:
        chosen = [r for r in rows if r.manad in set(months) and (who is None or r.kon == who)]
        hours = sum_all(part(r) for r in chosen)
        ordinary = sum_all(r.ordinarie_arbetstid for r in chosen)
        return share_pct(hours, ordinary) if hours is not None and ordinary is not None else None

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

