"""Personalrapport: the monthly report's personnel appendix, from personal*.xlsx."""

from __future__ import annotations

from .base import AppendixDeclaration

KIND = AppendixDeclaration(
    name="personalrapport",
    title="Personalrapport",
    charts=("anstallda", "sjukfranvaro"),
    description="anställda, arbetad tid och sjukfrånvaro",
    reports_on="personal",
    analysis=("anstallda", "arbetad-tid", "sjukfranvaro"),
)
