"""The section *Divisionernas delårsrapporter* of a tertial report: the divisions' interim reports summed up.

Every figure comes from the interim reports' own folders (their period),
never from the monthly report's workbooks (INPUTS-v2.md section 6). The
aggregate is the sum over the divisions whose interim report is built here;
a sum with a missing part is not published (None), as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..formatting import number_ranges
from ..model import Month
from .common import Comparison, sum_all
from .delarsrapport import Delarsrapport
from .ekonomi import Handlingsplan, Resultat
from .personal import Sjukfranvaro


@dataclass(frozen=True)
class Division:
    """One division in the section: its appendix, and its interim report's figures (None when made elsewhere)."""

    namn: str  # the division's name in the organisation
    nummer: int  # its appendix number (the one Bilagor list)
    bilaga: str  # the appendix's title: "Delårsrapport Division Service"
    figurer: Delarsrapport | None
    underlag: Any = field(default=None, repr=False, compare=False)  # its folder read (model.Interim), for building its appendix

    @property
    def rubrik(self) -> str:
        """The heading: ``Division Service``."""
        return f"Division {self.namn}"

    @property
    def resultat(self) -> Resultat | None:
        """Result, budget, last year and forecasts (tkr)."""
        return self.figurer.ekonomi.resultat if self.figurer else None

    @property
    def handlingsplan(self) -> Handlingsplan | None:
        """The action plan: assignment, achievement and forecast; None without one."""
        return self.figurer.ekonomi.handlingsplan if self.figurer else None

    @property
    def kostnader(self) -> Comparison | None:
        """All costs of the year to date against the same months last year (the cost development)."""
        return self.figurer.ekonomi.kostnader if self.figurer else None

    @property
    def sjukfranvaro(self) -> Sjukfranvaro | None:
        """Sick leave of the year to date, its change and its highest month."""
        return self.figurer.personal.sjukfranvaro if self.figurer else None

    @property
    def genererad(self) -> bool:
        """True when the tool builds this division's interim report (its figures are here)."""
        return self.figurer is not None


@dataclass(frozen=True)
class Delarsrapporter:
    """The divisions' interim reports of a tertial report: their period, the sums, and each division."""

    period: Month  # the interim reports' month (may be earlier than the report's)
    divisioner: list[Division]  # in the order of the Bilagor list
    totalt: Resultat  # sums over the divisions built here

    @property
    def genererade(self) -> list[Division]:
        """The divisions whose interim report is built here."""
        return [d for d in self.divisioner if d.genererad]

    @property
    def alla_genererade(self) -> bool:
        """True when every listed interim report is built here (the sums cover every division)."""
        return all(d.genererad for d in self.divisioner)

    @property
    def battre_an_budget(self) -> list[Division]:
        """The divisions whose result is better than budget (Utfall > Budget)."""
        return [d for d in self.genererade if d.resultat and (d.resultat.avvikelse or 0) > 0]

    @property
    def prognos_battre_an_budget(self) -> list[Division]:
        """The divisions whose forecast for the year is better than budget (Prognos helår > Budget helår)."""
        return [d for d in self.genererade if d.resultat and (d.resultat.prognosavvikelse or 0) > 0]

    @property
    def bilagor(self) -> str:
        """The appendix numbers as a range or list: ``1–6``, ``1–3, 5``."""
        return number_ranges([d.nummer for d in self.divisioner])


def compute(period: Month, divisions: list[tuple[str, int, str, Delarsrapport | None, Any]]) -> Delarsrapporter:
    """The section's figures from the interim reports, in list order: (division, appendix number, title,
    its figures or None when made elsewhere, its folder read)."""
    listed = [Division(*division) for division in divisions]
    results = [d.resultat for d in listed if d.resultat is not None]
    totalt = Resultat(**{name: sum_all(getattr(r, name) for r in results) for name in (f.name for f in fields(Resultat))})
    return Delarsrapporter(period, listed, totalt)
