"""A difference that remembers the two figures it compares, so that it can be shown as they are shown.

``Difference(1886.4, 1927.6)`` is the float −41.2; written with no decimals beside ``1 886`` and
``1 928`` it must read ``−42``, the difference of the figures as a reader sees them (docs/indata.md,
"Avrundning"). ``figures`` makes every difference with :func:`reporter.figures.common.difference`,
and ``formatting`` rounds each figure first when it writes one. Its sign, size and scale (``-``, ``abs``, ``/ 1000``)
and a sum of differences (a table's Totalt row) keep the figures; any other arithmetic gives a plain float.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal


class Difference(float):
    """current − comparison, a float that keeps both figures."""

    current: float
    comparison: float

    def __new__(cls, current: float, comparison: float) -> Difference:
        self = super().__new__(cls, current - comparison)
        self.current, self.comparison = float(current), float(comparison)
        return self

    def __neg__(self) -> Difference:
        return Difference(self.comparison, self.current)

    def __abs__(self) -> Difference:
        return -self if self < 0 else self

    def __truediv__(self, other: float) -> Difference:  # tkr / 1000: the same difference in mnkr
        return Difference(self.current / other, self.comparison / other)

    def __add__(self, other: float) -> float:  # differences summed: the difference of the sums
        if isinstance(other, Difference):
            return Difference(self.current + other.current, self.comparison + other.comparison)
        return float(self) + other

    def __radd__(self, other: float) -> float:  # sum() starts from 0
        return self if other == 0 and not isinstance(other, Difference) else float(self) + other

    def __reduce__(self):  # pickled into the chart process like a float, with its figures
        return Difference, (self.current, self.comparison)


def rounded(value: float, decimals: int) -> Decimal:
    """A figure rounded as the documents show it: half away from zero, never "−0"."""
    exponent = Decimal(1).scaleb(-decimals)
    number = Decimal(repr(float(value))).quantize(exponent, rounding=ROUND_HALF_UP)
    return number if number else abs(number)


def shown(value: float, decimals: int) -> Decimal:
    """A figure as shown with ``decimals``; a :class:`Difference` as the difference of its two figures as shown
    (1 886,4 against 1 927,6 is −42, not −41), so that it ties with them beside it."""
    if isinstance(value, Difference):
        number = rounded(value.current, decimals) - rounded(value.comparison, decimals)
        return number if number else abs(number)
    return rounded(value, decimals)


def rounding_note_needed(parts: Iterable[float | None], total: float | None, decimals: int) -> bool:
    """Whether a table's parts, each shown with ``decimals``, cannot add up to its total as shown.

    Then the table says "Avrundningsdifferenser kan förekomma" under it (issue 26, item 2; docs/indata.md,
    "Avrundning"). An empty cell (None) is no part; a table without a total needs no note.
    """
    figures = [part for part in parts if part is not None]
    if total is None or not figures:
        return False
    return sum((shown(part, decimals) for part in figures), Decimal(0)) != shown(total, decimals)


def rounding_explains(parts: Iterable[float | None], total: float | None, decimals: int) -> bool:
    """Whether ``parts``, each given rounded to ``decimals`` (a division's whole-mnkr estimates), can differ from
    ``total`` by rounding alone: by at most half a unit of the last decimal per part. A larger gap is not a rounding
    difference, and a note saying so would be false."""
    figures = [part for part in parts if part is not None]
    if total is None or not figures:
        return False
    half = Decimal(5).scaleb(-decimals - 1)
    return abs(sum((Decimal(repr(float(p))) for p in figures), Decimal(0)) - Decimal(repr(float(total)))) <= half * len(figures)
