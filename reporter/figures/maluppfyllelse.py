"""Goal fulfilment from the balanced scorecard: perspectives, goals, success factors, measures.

Pure grouping and counting; the words (green/yellow/red, ↑ → ↓) are in the
template and the filters. Order is the order of the workbook, perspectives in
the order of the contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Inputs, Measure, StrategicGoal
from ..schema import BEDOMNING, PERSPEKTIV
from ..values import name_key

PERSPECTIVES = [name for name, _ in PERSPEKTIV]
ASSESSMENTS = [name for name, _ in BEDOMNING]


@dataclass(frozen=True)
class MeasureRow:
    """One row of a measure table: the whole measure, or its K or M part."""

    kon: str | None
    mal: str | None
    utfall: str | None
    maluppfyllelse: str | None
    utveckling: str | None


@dataclass(frozen=True)
class MeasureGroup:
    """A measure (styrmått) with one row, or a K and an M row shown under one name."""

    styrmatt: str
    namnd: str | None
    rader: list[MeasureRow]


@dataclass(frozen=True)
class FactorRow:
    """A row of a success factor's measure table: the measure's name on its first row only (its K and M rows share it)."""

    styrmatt: str | None
    rad: MeasureRow


@dataclass(frozen=True)
class SuccessFactor:
    """A success factor (framgångsfaktor) and its measures; namn None for measures without one."""

    namn: str | None
    matt: list[MeasureGroup]

    @property
    def rader(self) -> list[FactorRow]:
        """Every measure's rows in order, for a table whose first column spans the whole factor."""
        return [FactorRow(group.styrmatt if i == 0 else None, row) for group in self.matt for i, row in enumerate(group.rader)]


@dataclass(frozen=True)
class Goal:
    """A strategic goal with its assessments, comment and success factors."""

    namn: str
    namnd: str | None
    bedomning: str | None
    bedomning_helar: str | None
    kommentar: str | None
    faktorer: list[SuccessFactor]


@dataclass(frozen=True)
class Perspective:
    """One of the five perspectives and its goals."""

    namn: str
    mal: list[Goal]


@dataclass(frozen=True)
class Counts:
    """How many strategic goals have each assessment."""

    totalt: int
    uppnatt: int
    delvis_uppnatt: int
    ej_uppnatt: int
    ej_bedomda: int


@dataclass(frozen=True)
class Maluppfyllelse:
    """The scorecard of the period."""

    perspektiv: list[Perspective]
    antal: Counts
    antal_helar: Counts


def _counts(goals: list[StrategicGoal], field: str) -> Counts:
    values = [getattr(g, field) for g in goals]
    return Counts(
        len(values),
        values.count("Uppnått"),
        values.count("Delvis uppnått"),
        values.count("Ej uppnått"),
        sum(1 for v in values if v is None),
    )


def _groups(measures: list[Measure]) -> list[MeasureGroup]:
    """Measures in order; the K and M rows of one measure become one group."""
    groups: dict[str, list[Measure]] = {}
    for measure in measures:
        groups.setdefault(name_key(measure.styrmatt), []).append(measure)
    result = []
    for rows in groups.values():
        rows = sorted(rows, key=lambda m: {"K": 0, "M": 1}.get(m.kon or "", 2))
        result.append(
            MeasureGroup(
                rows[0].styrmatt,
                rows[0].namnd,
                [MeasureRow(m.kon, m.mal, m.utfall, m.maluppfyllelse, m.utveckling) for m in rows],
            )
        )
    return result


def maluppfyllelse(inputs: Inputs) -> Maluppfyllelse:
    """Group the scorecard into perspectives, goals and success factors, and count."""
    perspectives = []
    for perspective in PERSPECTIVES:
        goals = []
        for goal in (g for g in inputs.strategiska_mal if g.perspektiv == perspective):
            measures = [
                m for m in inputs.styrmatt
                if m.perspektiv == perspective and name_key(m.strategiskt_mal) == name_key(goal.strategiskt_mal)
            ]
            factors: dict[str | None, list[Measure]] = {}
            for measure in measures:
                factors.setdefault(measure.framgangsfaktor, []).append(measure)
            goals.append(
                Goal(
                    goal.strategiskt_mal, goal.namnd, goal.bedomning, goal.bedomning_helar, goal.kommentar,
                    [SuccessFactor(name, _groups(items)) for name, items in factors.items()],
                )
            )
        if goals:
            perspectives.append(Perspective(perspective, goals))
    return Maluppfyllelse(
        perspectives,
        _counts(inputs.strategiska_mal, "bedomning"),
        _counts(inputs.strategiska_mal, "bedomning_helar"),
    )
