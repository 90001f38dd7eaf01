"""Investeringsrapport: the divisions' investments per type against the year's forecast (and budget, when the sheet has the
column Budget helår), from ekonomi*.xlsx's Investeringar sheet (INPUTS-v2.md); its figures are :mod:`reporter.figures.investeringar`."""

from __future__ import annotations

from .base import AppendixDeclaration

KIND = AppendixDeclaration(
    name="investeringsrapport",
    title="Investeringsrapport",
    sheets={"ekonomi": ("Investeringar",)},
    description="divisionernas investeringar per typ: utfall på tidigare och årets beslut mot helårsprognosen och budgeten",
)
