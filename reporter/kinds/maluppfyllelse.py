"""Måluppfyllelse: the region's goal fulfilment per perspective (balanced scorecard), from styrkort*.xlsx."""

from __future__ import annotations

from .base import AppendixDeclaration

KIND = AppendixDeclaration(
    name="maluppfyllelse",
    title="Måluppfyllelse",
    sheets={"styrkort": ("Strategiska mål", "Styrmått")},
    description="styrkortets strategiska mål och styrmått per perspektiv, med bedömning",
    analysis=("sammanfattning",),
)
