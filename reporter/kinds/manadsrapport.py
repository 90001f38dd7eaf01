"""Regiondirektörens rapport: the monthly report to the regional board, with its numbered appendices.

Reads every v1 sheet (INPUTS.md); the appendices listed in ``bilagor:`` are
made by their appendix kinds (ekonomirapport …) or copied in (an appendix
made elsewhere). The package is written to ``out/<period>/``.
"""

from __future__ import annotations

from .base import ReportDeclaration

SHEETS = {
    "ekonomi": ("Region", "Divisioner", "Kostnader"),
    "produktion": ("Produktion", "Tillgänglighet", "Beläggning"),
    "personal": ("Anställda", "Arbetad tid", "Sjukfrånvaro"),
}
MAIN_TEXTS = {
    "inledning": "inledning.md",
    "delarsrapporter": "delarsrapporter.md",  # v2: the section Divisionernas delårsrapporter of a tertial report
    "aktuella_handelser": "aktuella-handelser.md",
    "verksamheten": "verksamheten.md",
    "namnderna": "namnderna.md",
}
INTERIM_TEXT = "delarsrapporter"  # the text of a tertial report's section on the divisions' interim reports
TEMPLATE = "regiondirektorens-rapport.docx"
COVER_TEMPLATE = "forsattsblad.docx"  # the cover page of an appendix made elsewhere
COVER_DESCRIPTION = "försättsblad för en bilaga som gjorts någon annanstans"

KIND = ReportDeclaration(
    name="manadsrapport",
    title="Regiondirektörens rapport",
    template=TEMPLATE,
    texts=MAIN_TEXTS,
    sheets=SHEETS,
    description="månadsrapporten till regionstyrelsen, med bilagor",
    appendices=True,
    signed=True,
)
