"""A division's interim report (delårsrapport): every figure of seed 003, from the division's rows.

The report's own composition: its economy, production, personnel and
investments are computed beside the monthly ones (figures/ekonomi.py,
produktion.py, personal.py, investeringar.py); the scorecard and its key
figures are here. Pure functions over the validated inputs of a
delarsrapport period (only the division's rows are there). Figures are the
year to date, January to the period, against the same months last year
(INPUTS-v2.md, decision 6); amounts in tkr; the words are the template's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formatting import tal
from ..model import Inputs, Measure, Month, StrategicGoal
from ..values import name_key
from .ekonomi import InterimEkonomi, interim_ekonomi
from .maluppfyllelse import PERSPECTIVES, Maluppfyllelse, maluppfyllelse
from .personal import InterimPersonal, interim_personal
from .produktion import InterimProduktion, interim_produktion

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
    ekonomi: InterimEkonomi
    produktion: InterimProduktion
    personal: InterimPersonal
    styrning: Styrning
    nyckeltal: dict[str, float | None] = field(default_factory=dict)  # Styrmått.Nyckeltal → its value


def compute(inputs: Inputs, config) -> Delarsrapport:
    """Every figure of the division's report from its validated inputs."""
    division = config.organisation.division(config.division)
    ekonomi = interim_ekonomi(inputs, config, division)
    produktion = interim_produktion(inputs, config.period)
    personal = interim_personal(inputs, config.period)
    nyckeltal = key_figures(ekonomi, personal)
    styrning = _styrning(inputs, nyckeltal)
    return Delarsrapport(division.namn, config.period, ekonomi, produktion, personal, styrning, nyckeltal)


# --- the scorecard ------------------------------------------------------------------------------------------------


def key_figures(ekonomi: InterimEkonomi, personal: InterimPersonal) -> dict[str, float | None]:
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
