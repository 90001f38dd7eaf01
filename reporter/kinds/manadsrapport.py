"""Regiondirektörens rapport: the monthly report to the regional board, with its numbered appendices.

Reads every v1 sheet (INPUTS.md); the appendices listed in ``bilagor:`` are
made by their appendix kinds (ekonomirapport …) or copied in (an appendix
made elsewhere). The package is written to ``out/<period>/``.
"""

from __future__ import annotations

from pathlib import Path

from .base import Planned, ReportKind

SHEETS = {
    "ekonomi": ("Region", "Divisioner", "Kostnader"),
    "produktion": ("Produktion", "Tillgänglighet", "Beläggning"),
    "personal": ("Anställda", "Arbetad tid", "Sjukfrånvaro"),
}
MAIN_TEXTS = {
    "inledning": "inledning.md",
    "aktuella_handelser": "aktuella-handelser.md",
    "verksamheten": "verksamheten.md",
    "namnderna": "namnderna.md",
}
# The optional analysis after a table of an appendix: texter/<bilaga>-<avsnitt>.md, placed after the section's table.
ANALYSIS_TEXTS = {
    f"{bilaga}_{section.replace('-', '_')}": f"{bilaga}-{section}.md"
    for bilaga, sections in (
        ("ekonomirapport", ("resultat", "divisioner", "kostnader")),
        ("produktionsrapport", ("produktion", "divisioner", "tillganglighet", "belaggning")),
        ("personalrapport", ("anstallda", "arbetad-tid", "sjukfranvaro")),
        ("maluppfyllelse", ("sammanfattning",)),
    )
    for section in sections
}
TEXTS = {**MAIN_TEXTS, **ANALYSIS_TEXTS}
TEMPLATE = "regiondirektorens-rapport.docx"
COVER_TEMPLATE = "forsattsblad.docx"  # the cover page of an appendix made elsewhere


def sheets(config) -> dict[str, tuple[str, ...]]:
    """The v1 sheets, and those of the appendices the report lists (styrkort for måluppfyllelse)."""
    from . import APPENDICES

    required = {kind: list(names) for kind, names in SHEETS.items()}
    for item in config.bilagor:
        if isinstance(item, str) and item in APPENDICES:
            for kind, names in APPENDICES[item].sheets.items():
                required.setdefault(kind, [])
                required[kind] += [n for n in names if n not in required[kind]]
    return {kind: tuple(names) for kind, names in required.items()}


def compute(inputs, config):
    """The monthly report's figures: economy, production, personnel, goal fulfilment."""
    from ..figures import compute as compute_all

    return compute_all(inputs, config)


def plan(config, figures, texts, period_dir: Path, properties: dict) -> list[Planned]:
    """The main report, then each appendix in the order of bilagor: rendered, or copied as it is."""
    from ..bilagor import bilagor
    from ..context import build_context
    from . import APPENDICES

    context = dict(build_context(config, figures, texts))
    documents = [Planned(f"regiondirektorens-rapport-{config.period}.docx", properties["titel"], TEMPLATE, context)]
    for bilaga in bilagor(config):
        name = bilaga.file_name(config.period)
        if name is None:  # an appendix delivered elsewhere: listed, no file
            continue
        if bilaga.generated:
            kind = APPENDICES[bilaga.slag]
            documents.append(
                Planned(name, f"Bilaga {bilaga.nummer} {bilaga.titel}", kind.template, context, kind.name if kind.charts else None, figures)
            )
        elif bilaga.fil:
            cover = bilaga.cover_name(config.period)
            if cover is not None:
                title = f"Bilaga {bilaga.nummer} {bilaga.titel}"
                documents.append(Planned(cover, title, COVER_TEMPLATE, dict(context, extern=bilaga, extern_fil=name)))
            documents.append(Planned(name, f"Bilaga {bilaga.nummer} {bilaga.titel}", source=period_dir / bilaga.fil))
    return documents


def folder(config) -> str:
    """``out/2021-03``."""
    return str(config.period)


def contract():
    """The main template's contract and the keys of its dictionaries."""
    from ..context import TemplateContext
    from . import APPENDICES

    return TemplateContext, {"texter": tuple(TEXTS), "bilaga": tuple(APPENDICES)}


def _chart_sets():
    from . import APPENDICES

    return {name: kind.charts for name, kind in APPENDICES.items() if kind.charts}


KIND = ReportKind(
    "manadsrapport",
    "Regiondirektörens rapport",
    TEMPLATE,
    TEXTS,
    sheets,
    compute,
    plan,
    folder,
    contract,
    description="månadsrapporten till regionstyrelsen, med bilagor",
)
