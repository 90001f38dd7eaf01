"""Måluppfyllelse: the region's goal fulfilment per perspective (balanced scorecard), from styrkort*.xlsx."""

from __future__ import annotations

from .base import AppendixKind

KIND = AppendixKind(
    "maluppfyllelse",
    "Måluppfyllelse",
    sheets={"styrkort": ("Strategiska mål", "Styrmått")},
    description="styrkortets strategiska mål och styrmått per perspektiv, med bedömning",
)
