"""Personalrapport: the monthly report's personnel appendix, from personal*.xlsx."""

from __future__ import annotations

from .base import AppendixKind, ChartSet


def draw(figures) -> dict:
    """Employees at the end of each month, and sick leave per month."""
    from ..charts import trend_chart

    return {
        "anstallda": trend_chart(figures.personal.anstallda_trend, "Anställda vid månadens slut", "antal"),
        "sjukfranvaro": trend_chart(figures.personal.sjukfranvaro_trend, "Sjukfrånvaro", "procent av ordinarie arbetstid", 1),
    }


KIND = AppendixKind(
    "personalrapport",
    "Personalrapport",
    charts=ChartSet(("anstallda", "sjukfranvaro"), draw),
    description="anställda, arbetad tid och sjukfrånvaro",
    reports_on="personal",
)
