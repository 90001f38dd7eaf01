"""Investment figures: each division's investments per type, summed, against the year's forecast.

One line type for both reports: the investeringsrapport's table (:class:`Investeringsrad`) and a division's
interim report (:class:`Investering`, the same line under its template's names)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..config import Rapport
from ..model import Inputs, Investment
from .common import difference, share_pct, sum_all, sum_present

TOTAL = "Totalt"


@dataclass(frozen=True)
class Investeringsrad:
    """One division's investments of one type (tkr, accumulated January to the period): the investment line of
    both reports (the investeringsrapport's table, a division's interim report as :class:`Investering`)."""

    division: str
    investeringstyp: str
    utfall_tidigare: float | None  # on decisions of earlier years
    utfall_i_ar: float | None  # on this year's decisions
    prognos_helar: float | None
    budget_helar: float | None = None  # the year's budget; None when the sheet has no Budget helår column

    @property
    def utfall(self) -> float | None:
        """The two outcomes together."""
        return sum_present((self.utfall_tidigare, self.utfall_i_ar))

    @property
    def kvar(self) -> float | None:
        """What is left of the year's forecast after the outcome so far."""
        return None if self.prognos_helar is None or self.utfall is None else self.prognos_helar - self.utfall

    @property
    def prognos_mot_budget(self) -> float | None:
        """Prognos helår − Budget helår: positive when the year's forecast is above the budget."""
        return difference(self.prognos_helar, self.budget_helar)


@dataclass(frozen=True)
class Investeringar:
    """The table (divisions in the organisation's order, types as read), its total, and what the summary says."""

    rader: list[Investeringsrad]
    totalt: Investeringsrad
    storsta: Investeringsrad | None  # the type with the largest outcome
    andel_av_prognos: float | None  # the outcome as a share of the year's forecast, percent

    @property
    def divisioner(self) -> int:
        return len({r.division for r in self.rader})

    @property
    def med_budget(self) -> bool:
        """True when the sheet has a Budget helår column (then every row has a budget): the table shows it."""
        return any(r.budget_helar is not None for r in self.rader)

    @property
    def over_budget(self) -> list[Investeringsrad]:
        """The rows whose forecast for the year is above their budget, largest excess first."""
        above = [r for r in self.rader if r.prognos_mot_budget is not None and r.prognos_mot_budget > 0]
        return sorted(above, key=lambda r: -(r.prognos_mot_budget or 0))

    @property
    def storsta_over_budget(self) -> Investeringsrad | None:
        """The row whose forecast is furthest above its budget; None when none is above."""
        return self.over_budget[0] if self.over_budget else None


def investeringar(inputs: Inputs, config: Rapport) -> Investeringar:
    """The Investeringar sheet's rows, each with its summed outcome; the total row and the summary's figures."""
    order = {d.namn: i for i, d in enumerate(config.organisation.divisioner)}
    rows = investment_lines(sorted(inputs.investeringar, key=lambda i: order.get(i.division, len(order))), Investeringsrad)
    total = investment_total(TOTAL, "", rows, Investeringsrad)
    largest = max((r for r in rows if r.utfall is not None), key=lambda r: r.utfall or 0, default=None)
    share = share_pct(total.utfall, total.prognos_helar) if total.utfall is not None and total.prognos_helar is not None else None
    return Investeringar(rows, total, largest, share)


L = TypeVar("L", bound=Investeringsrad)


def investment_lines(investments: Iterable[Investment], line: type[L]) -> list[L]:
    """The Investeringar sheet's rows as investment lines."""
    return [line(i.division, i.investeringstyp, i.utfall_tidigare, i.utfall_i_ar, i.prognos_helar, i.budget_helar) for i in investments]


def investment_total(division: str, investeringstyp: str, rows: list[L], line: type[L]) -> L:
    """The total line: each column summed over the rows there are; the budget only when every row has one."""
    return line(
        division, investeringstyp, sum_present(r.utfall_tidigare for r in rows), sum_present(r.utfall_i_ar for r in rows),
        sum_present(r.prognos_helar for r in rows), sum_all(r.budget_helar for r in rows),
    )


@dataclass(frozen=True)
class Investering(Investeringsrad):
    """A division's investments of one type in its interim report: the same line, under the names its template uses."""

    @property
    def namn(self) -> str:
        """The investment type (``Totalt`` on the total line)."""
        return self.investeringstyp

    @property
    def tidigare(self) -> float | None:
        """Outcome on decisions of earlier years."""
        return self.utfall_tidigare

    @property
    def i_ar(self) -> float | None:
        """Outcome on this year's decisions."""
        return self.utfall_i_ar

    @property
    def summa(self) -> float | None:
        """Both kinds of decision together."""
        return self.utfall
