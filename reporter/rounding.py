"""Whether a table's rounded parts add up to its rounded total (issue 26 item 2).

A table that shows parts and their total, each rounded, cannot always add up as shown: 1,4 + 1,4 is
2,8, shown 1 + 1 against 3. Such a table says "Avrundningsdifferenser kan förekomma" under it, and
only such a table. The figures are compared as the template writes them (the same filter, the same
decimals), so the note follows what a reader can add up on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation

from .differences import rounding_note_needed
from .formatting import MINUS, MISSING

NOTE = "Avrundningsdifferenser kan förekomma."

Shown = Callable[[float | None], str]  # a figure as the table writes it (mnkr_tal with its decimals)


def _number(text: str) -> Decimal | None:
    """A figure as written (``−2 871``, ``22,5``) back to a number; None for a missing value."""
    if text == MISSING:
        return None
    plain = "".join(c for c in text if c not in " \u00a0\u202f").replace(MINUS, "-").replace(",", ".")
    try:
        return Decimal(plain)
    except InvalidOperation:
        return None


def _adds_up(parts: Sequence[float | None], total: float | None, shown: Shown) -> bool:
    """True unless every figure is there and the figures as shown do not add up (the one rule,
    :func:`reporter.differences.rounding_note_needed`, applied to the figures read back from the page)."""
    if total is None or not parts or any(p is None for p in parts):
        return True
    numbers = [_number(shown(p)) for p in parts]
    shown_total = _number(shown(total))
    if shown_total is None or any(n is None for n in numbers):
        return True
    decimals = max(-int(n.as_tuple().exponent) for n in [shown_total, *numbers] if n is not None)
    return not rounding_note_needed([float(n) for n in numbers if n is not None], float(shown_total), max(decimals, 0))


def rounding_differs(sums: Iterable[tuple[Sequence[float | None], float | None]], shown: Shown) -> bool:
    """True when some ``(parts, total)`` of a table does not add up as shown: the table needs :data:`NOTE`."""
    return not all(_adds_up(parts, total, shown) for parts, total in sums)


def parts_of(total: float | None, candidates: Sequence[float | None], tolerance: float = 0.5) -> bool:
    """True when the candidates are the total's parts: every one there and their sum the total (within ``tolerance``)."""
    if total is None or not candidates or any(c is None for c in candidates):
        return False
    return abs(sum(c for c in candidates if c is not None) - total) <= tolerance
