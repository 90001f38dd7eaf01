"""Produktionsrapport: the monthly report's production and accessibility appendix, from produktion*.xlsx."""

from __future__ import annotations

from .base import AppendixDeclaration

KIND = AppendixDeclaration(
    name="produktionsrapport",
    title="Produktionsrapport",
    charts=("produktion", "tillganglighet"),
    description="produktion per division och mått, tillgänglighet och beläggning",
    reports_on="produktion",
    analysis=("produktion", "divisioner", "tillganglighet", "belaggning"),
)
