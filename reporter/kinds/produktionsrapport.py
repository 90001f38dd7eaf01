"""Produktionsrapport: the monthly report's production and accessibility appendix, from produktion*.xlsx."""

from __future__ import annotations

from .base import AppendixKind, ChartSet


def draw(figures) -> dict:
    """Production per month (one small chart per measure), and accessibility per month."""
    from ..charts import lines_chart, small_multiples

    return {
        "produktion": small_multiples(figures.produktion.trender, "Produktion per månad, antal"),
        "tillganglighet": lines_chart(figures.produktion.tillganglighet_trender, "Tillgänglighet", "procent"),
    }


KIND = AppendixKind(
    "produktionsrapport",
    "Produktionsrapport",
    charts=ChartSet(("produktion", "tillganglighet"), draw),
    description="produktion per division och mått, tillgänglighet och beläggning",
    reports_on="produktion",
)
