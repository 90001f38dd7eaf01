"""Ekonomirapport: the monthly report's economy appendix (bilaga), from ekonomi*.xlsx."""

from __future__ import annotations

from .base import AppendixKind, ChartSet


def draw(figures) -> dict:
    """Budget deviation per division, and the cost per month against last year."""
    from ..charts import bar_chart, trend_chart

    divisions = figures.ekonomi.divisioner
    return {
        "avvikelse_per_division": bar_chart(
            [d.division for d in divisions], [None if d.avvikelse is None else d.avvikelse / 1000 for d in divisions],
            "Avvikelse mot budget per division", "mnkr", 1,
        ),
        "kostnader_per_manad": trend_chart(figures.ekonomi.kostnader_per_manad, "Verksamhetens kostnader per månad", "mnkr", 0, 1000),
    }


KIND = AppendixKind(
    "ekonomirapport",
    "Ekonomirapport",
    charts=ChartSet(("avvikelse_per_division", "kostnader_per_manad"), draw),
    description="regionens och divisionernas resultat, kostnadsutvecklingen och kostnaderna per månad",
    reports_on="ekonomi",
)
