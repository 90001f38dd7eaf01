"""Investment figures: each division's investments per type, summed, against the year's forecast.

One line type for both reports: the investeringsrapport's table (:class:`Investeringsrad`) and a division's
interim report (:class:`Investering`, the same line under its template's names)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..config import Rapport
from ..model import Inputs, Investment
from .common import sum_present

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

    @property
    def utfall(self) -> float | None:
        """The two outcomes together."""
        return sum_present((self.utfall_tidigare, self.utfall_i_ar))

    @property
    def kvar(self) -> float | None:
        """What is left of the year's forecast after the outcome so far."""
        return None if self.prognos_helar is None or self.utfall is None else self.prognos_helar - self.utfall


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


def investeringar(inputs: Inputs, config: Rapport) -> Investeringar:
    """The Investeringar sheet's rows, each with its summed outcome; the total row and the summary's figures."""
    order = {d.namn: i for i, d in enumerate(config.organisation.divisioner)}
    rows = investment_lines(sorted(inputs.investeringar, key=lambda i: order.get(i.division, len(order))), Investeringsrad)
    total = investment_total(TOTAL, "", rows, Investeringsrad)
    largest = max((r for r in rows if r.utfall is not None), key=lambda r: r.utfall or 0, default=None)
    share = total.utfall / total.prognos_helar * 100 if total.utfall is not None and total.prognos_helar else None
    return Investeringar(rows, total, largest, share)


L = TypeVar("L", bound=Investeringsrad)


def investment_lines(investments: Iterable[Investment], line: type[L]) -> list[L]:
    """The Investeringar sheet's rows as investment lines."""
    return [line(i.division, i.investeringstyp, i.utfall_tidigare, i.utfall_i_ar, i.prognos_helar) for i in investments]


def investment_total(division: str, investeringstyp: str, rows: list[L], line: type[L]) -> L:
    """The total line: each column summed over the rows there are."""
    return line(
        division, investeringstyp, sum_present(r.utfall_tidigare for r in rows), sum_present(r.utfall_i_ar for r in rows),
        sum_present(r.prognos_helar for r in rows),
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
