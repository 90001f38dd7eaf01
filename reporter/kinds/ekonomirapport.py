"""Ekonomirapport: the monthly report's economy appendix (bilaga), from ekonomi*.xlsx."""

from __future__ import annotations

from .base import AppendixDeclaration

KIND = AppendixDeclaration(
    name="ekonomirapport",
    title="Ekonomirapport",
    charts=("avvikelse_per_division", "kostnader_per_manad"),
    description="regionens och divisionernas resultat, kostnadsutvecklingen och kostnaderna per månad",
    reports_on="ekonomi",
    analysis=("resultat", "divisioner", "kostnader"),
)
