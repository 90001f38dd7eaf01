"""What the example generators share: month ranges and splitting a total into parts that add up exactly."""

from __future__ import annotations

import math

from reporter.model import Month


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from first to last, both included."""
    months = [first]
    while months[-1] < last:
        months.append(months[-1].plus(1))
    return months


def allocate(total: float, weights: list[float], decimals: int = 0) -> list[float]:
    """Split a (possibly negative) total by weight, rounded, summing exactly to the total."""
    unit = 10**-decimals
    units = round(total / unit)
    whole = sum(weights)
    raw = [units * w / whole for w in weights]
    parts = [math.floor(v) for v in raw]
    for i in sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))[: units - sum(parts)]:
        parts[i] += 1
    return [round(p * unit, decimals) if decimals else int(p) for p in parts]
