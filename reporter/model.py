"""Typed records read from a period folder.

Amounts are in tkr, shares in percent (0-100), counts as numbers. Every record
keeps its :class:`Source` so that any figure can be traced to a cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import total_ordering
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the model is below the figures: their type only
    from .figures.delarsrapport import Delarsrapport


@total_ordering
@dataclass(frozen=True, slots=True)
class Month:
    """A calendar month, the unit of every series and of the period."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1-12, not {self.month}")

    def __lt__(self, other: Month) -> bool:
        return (self.year, self.month) < (other.year, other.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def plus(self, months: int) -> Month:
        """The month ``months`` later (earlier when negative)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def previous(self) -> Month:
        """The month before."""
        return self.plus(-1)

    @property
    def year_before(self) -> Month:
        """The same month a year earlier."""
        return Month(self.year - 1, self.month)

    def year_to_date(self) -> list[Month]:
        """January through this month of the same year."""
        return [Month(self.year, m) for m in range(1, self.month + 1)]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: file, sheet and row number (or a place as text)."""

    file: str
    sheet: str
    row: int | str

    @property
    def cell(self) -> str:
        """The place as a message names it: ``rad 7``."""
        return f"rad {self.row}" if isinstance(self.row, int) else self.row


@dataclass(frozen=True, slots=True)
class RegionPost:
    """A region-level result line, accumulated January to the period (tkr)."""

    post: str
    utfall: float | None
    budget: float | None
    utfall_foregaende_ar: float | None
    utfall_foregaende_manad: float | None
    prognos_helar: float | None
    source: Source = field(compare=False)


@dataclass(frozen=True, slots=True)
class DivisionResult:
    """A division's accumulated result for the period (tkr)."""

    division: str
    utfall: float
    budget: float | None
    utfall_foregaende_ar: float | None
    prognos_helar: float | None
    budget_helar: float | None
    source: Source = field(compare=False)
    # Version 2: where in the division, and more of the result.
    verksamhetsomrade: str | None = None
    verksamhet: str | None = None
    utfall_foregaende_manad: float | None = None
    utfall_foregaende_ar_helar: float | None = None
    nettokostnad: float | None = None
    nettokostnad_foregaende_ar: float | None = None


@dataclass(frozen=True, slots=True)
class Cost:
    """One month's cost of one cost type in one division (tkr, not accumulated)."""

    division: str
    kostnadsslag: str
    manad: Month
    belopp: float
    source: Source = field(compare=False)
    verksamhetsomrade: str | None = None
    verksamhet: str | None = None


@dataclass(frozen=True, slots=True)
class Production:
    """One month's count of one production measure in one division."""

    division: str
    matt: str
    manad: Month
    varde: float
    source: Source = field(compare=False)
    verksamhetsomrade: str | None = None
    verksamhet: str | None = None


@dataclass(frozen=True, slots=True)
class Accessibility:
    """One month's share (percent) of one accessibility measure, whole region."""

    matt: str
    manad: Month
    andel: float
    source: Source = field(compare=False)
    division: str | None = None  # None: the whole region (v1)
    antal_vantande: float | None = None


@dataclass(frozen=True, slots=True)
class Occupancy:
    """One month's bed occupancy (percent) at one hospital."""

    sjukhus: str
    manad: Month
    belaggning: float
    source: Source = field(compare=False)


@dataclass(frozen=True, slots=True)
class Headcount:
    """Employees at the end of a month, by division, group and form."""

    division: str
    yrkesgrupp: str
    anstallningsform: str
    manad: Month
    antal: float
    source: Source = field(compare=False)
    verksamhetsomrade: str | None = None
    verksamhet: str | None = None


@dataclass(frozen=True, slots=True)
class WorkedTime:
    """One month's worked time, extra time and hired staff (årsarbetare)."""

    division: str
    manad: Month
    arbetad_tid: float
    extratid: float | None
    inhyrd_personal: float | None
    source: Source = field(compare=False)
    verksamhetsomrade: str | None = None
    verksamhet: str | None = None
    yrkesgrupp: str | None = None
    overtid: float | None = None


@dataclass(frozen=True, slots=True)
class SickLeave:
    """One month's sick hours and ordinary hours, by division and sex."""

    division: str
    kon: str
    manad: Month
    sjukfranvarotimmar: float
    ordinarie_arbetstid: float
    source: Source = field(compare=False)
    verksamhetsomrade: str | None = None
    verksamhet: str | None = None
    korttid: float | None = None  # hours in spells' days 1-14
    langtid: float | None = None  # hours in spells of 60 days or more


@dataclass(frozen=True, slots=True)
class StrategicGoal:
    """A strategic goal of the scorecard with its assessments."""

    perspektiv: str
    strategiskt_mal: str
    namnd: str | None
    bedomning: str | None
    bedomning_helar: str | None
    kommentar: str | None
    source: Source = field(compare=False)
    division: str | None = None  # None: the region's scorecard (v1)
    framgangsfaktor: str | None = None  # None: the goal's own row


@dataclass(frozen=True, slots=True)
class Measure:
    """A scorecard measure (styrmått) under a strategic goal."""

    perspektiv: str
    strategiskt_mal: str
    framgangsfaktor: str | None
    styrmatt: str
    namnd: str | None
    kon: str | None
    mal: str | None
    utfall: str | None
    maluppfyllelse: str | None
    utveckling: str | None
    kommentar: str | None
    source: Source = field(compare=False)
    division: str | None = None
    nyckeltal: str | None = None


@dataclass(frozen=True, slots=True)
class ActionPlanItem:
    """One measure of the economic action plan (tkr, reductions as positive amounts)."""

    division: str
    verksamhetsomrade: str | None
    atgard: str
    kostnadsslag: str | None
    plan_helar: float
    plan: float | None
    utfall: float | None
    prognos_helar: float | None
    source: Source = field(compare=False)


@dataclass(frozen=True, slots=True)
class ResultEffect:
    """An effect on the result outside the action plan (tkr; positive improves it)."""

    division: str
    verksamhetsomrade: str | None
    post: str
    utfall: float | None
    prognos_helar: float | None
    source: Source = field(compare=False)


@dataclass(frozen=True, slots=True)
class Investment:
    """Investments of one type (tkr, accumulated January to the period)."""

    division: str
    investeringstyp: str
    utfall_tidigare: float | None
    utfall_i_ar: float | None
    prognos_helar: float | None
    budget_helar: float | None  # None: the sheet has no Budget helår column (it may leave it out)
    source: Source = field(compare=False)


@dataclass(frozen=True, slots=True)
class SpecialCost:
    """Cost or lost revenue of an extraordinary event, by category (tkr; None: not reported)."""

    division: str
    handelse: str
    kategori: str
    utfall: float | None
    source: Source = field(compare=False)


@dataclass
class Inputs:
    """Everything read from the workbooks of one period, merged over files."""

    region: list[RegionPost] = field(default_factory=list)
    divisioner: list[DivisionResult] = field(default_factory=list)
    kostnader: list[Cost] = field(default_factory=list)
    produktion: list[Production] = field(default_factory=list)
    tillganglighet: list[Accessibility] = field(default_factory=list)
    belaggning: list[Occupancy] = field(default_factory=list)
    anstallda: list[Headcount] = field(default_factory=list)
    arbetad_tid: list[WorkedTime] = field(default_factory=list)
    sjukfranvaro: list[SickLeave] = field(default_factory=list)
    strategiska_mal: list[StrategicGoal] = field(default_factory=list)
    styrmatt: list[Measure] = field(default_factory=list)
    handlingsplan: list[ActionPlanItem] = field(default_factory=list)
    resultatpaverkan: list[ResultEffect] = field(default_factory=list)
    investeringar: list[Investment] = field(default_factory=list)
    sarskilda_kostnader: list[SpecialCost] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # Every row as read, split by verksamhetsområde and verksamhet and with the division's own rows
    # of Tillgänglighet and the scorecard (v2); the lists above are the sums and rows version 1 uses.
    detalj: dict[str, list] = field(default_factory=dict)
    # Rows of other divisions than a delarsrapport's own, left out: sheet name -> count.
    utelamnade: dict[str, int] = field(default_factory=dict)
    # A tertial report's division folders (bilagor: - delarsrapport: …), each read and validated with it.
    delarsrapporter: list[Interim] = field(default_factory=list)


@dataclass
class Interim:
    """A division's interim report folder inside a tertial period, read and validated with the report."""

    folder: str  # from the period folder: delarsrapporter/service
    division: str  # the division's name in the organisation
    config: Any  # its Rapport
    inputs: Inputs
    texts: dict[str, Any]
    figures: Delarsrapport | None = None  # its figures, computed once when its folder was checked
