"""Delårsrapport: one division's interim report (seed 003), from a period folder of its own (INPUTS-v2.md).

Reads the division's rows of the v1 sheets with their v2 columns, and the v2
sheets of the economy (Handlingsplan, Resultatpåverkan, Investeringar,
Särskilda kostnader); texts per section, placed by their ``##`` headings.
One document, written to ``out/<period>-<division>/``.
"""

from __future__ import annotations

from ..schema import PERSPEKTIV
from .base import ReportDeclaration

SHEETS = {
    "ekonomi": ("Divisioner", "Kostnader"),
    "personal": ("Anställda", "Arbetad tid", "Sjukfrånvaro"),
    "styrkort": ("Strategiska mål", "Styrmått"),
}
OPTIONAL = {
    "ekonomi": ("Handlingsplan", "Resultatpåverkan", "Investeringar", "Särskilda kostnader"),
    "produktion": ("Produktion", "Tillgänglighet"),
}
TEXTS = {
    "sammanfattning": "sammanfattning.md",
    "styrning": "styrning.md",
    "produktion": "produktion.md",
    "personal": "personal.md",
    "ekonomi": "ekonomi.md",
    "maluppfyllelse": "maluppfyllelse.md",
    "internkontroll": "internkontroll.md",
}
PERSPECTIVES = tuple(name for name, _ in PERSPEKTIV)
# The generated subsections a ## heading of a text names, by text (INPUTS-v2.md section 4).
SUBSECTIONS = {
    "styrning": PERSPECTIVES,
    "produktion": ("Produktion", "Övrig produktion", "Tillgänglighet"),
    "personal": ("Anställda och arbetad tid", "Frånvaro"),
    "ekonomi": (
        "Resultatutveckling", "Verksamhetens kostnader", "Kostnadsutveckling", "Nettokostnadsutveckling", "Årsprognos",
        "Riskanalys för årsprognosen", "Ekonomiska handlingsplaner", "Åtgärder för att uppnå ekonomi i balans", "Investeringar",
        "Särskilda kostnader",
    ),
    "maluppfyllelse": PERSPECTIVES,
}
TEMPLATE = "delarsrapport.docx"
CHARTS = ("kostnader", "sjukfranvaro", "tillganglighet")

KIND = ReportDeclaration(
    name="delarsrapport",
    title="Delårsrapport",
    template=TEMPLATE,
    texts=TEXTS,
    sheets=SHEETS,
    optional_sheets=OPTIONAL,
    charts=CHARTS,
    description="en divisions delårsrapport (styrning, produktion, personal, ekonomi, bilagedel)",
    division_report=True,
    subsections=SUBSECTIONS,
)
