"""The investments appendix's figures: each division's investments per type, summed, against the year's forecast."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Rapport
from ..model import Inputs
from .common import sum_present

TOTAL = "Totalt"


@dataclass(frozen=True)
class Investeringsrad:
    """One division's investments of one type (tkr, accumulated January to the period)."""

    division: str
    investeringstyp: str
    utfall_tidigare: float | None  # on decisions of earlier years
    utfall_i_ar: float | None  # on this year's decisions
    utfall: float | None  # the two together
    prognos_helar: float | None

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
    rows = [
        Investeringsrad(i.division, i.investeringstyp, i.utfall_tidigare, i.utfall_i_ar, sum_present([i.utfall_tidigare, i.utfall_i_ar]),
                        i.prognos_helar)
        for i in sorted(inputs.investeringar, key=lambda i: order.get(i.division, len(order)))
    ]
    total = Investeringsrad(
        TOTAL, "", sum_present(r.utfall_tidigare for r in rows), sum_present(r.utfall_i_ar for r in rows),
        sum_present(r.utfall for r in rows), sum_present(r.prognos_helar for r in rows),
    )
    largest = max((r for r in rows if r.utfall is not None), key=lambda r: r.utfall or 0, default=None)
    share = total.utfall / total.prognos_helar * 100 if total.utfall is not None and total.prognos_helar else None
    return Investeringar(rows, total, largest, share)


@dataclass(frozen=True)
class Investering:
    """A division's investments of one type, in its interim report (tkr)."""

    namn: str
    tidigare: float | None
    i_ar: float | None
    prognos_helar: float | None

    @property
    def summa(self) -> float | None:
        """Both kinds of decision together."""
        return sum_present((self.tidigare, self.i_ar))


