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
    "delarsrapporter": "delarsrapporter.md",  # v2: the section Divisionernas delårsrapporter of a tertial report
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
PARTS = ("ekonomi", "produktion", "personal")  # the parts of the report that may report on their appendix's month (perioder)
TEMPLATE = "regiondirektorens-rapport.docx"
COVER_TEMPLATE = "forsattsblad.docx"  # the cover page of an appendix made elsewhere


def sheets(config) -> dict[str, tuple[str, ...]]:
    """The v1 sheets, and those of the appendices the report lists (styrkort for måluppfyllelse)."""
    from . import APPENDICES

    required = {kind: list(names) for kind, names in SHEETS.items()}
    for item, _month in config.generated:
        if item in APPENDICES:
            for kind, names in APPENDICES[item].sheets.items():
                required.setdefault(kind, [])
                required[kind] += [n for n in names if n not in required[kind]]
    return {kind: tuple(names) for kind, names in required.items()}


def compute(inputs, config):
    """The monthly report's figures: economy, production, personnel, goal fulfilment, each for the month its appendix
    reports on; in a tertial report also the divisions' interim reports, from their folders."""
    from dataclasses import replace

    from ..figures import compute as compute_all
    from ..figures import compute_part
    from . import APPENDICES

    figures = compute_all(inputs, config)
    for appendix in APPENDICES.values():
        month = config.period_of(appendix.name)
        if appendix.reports_on and month != config.period:
            figures = replace(figures, **{appendix.reports_on: compute_part(appendix.reports_on, inputs, config, month)})
    if config.interim_reports:
        figures = replace(figures, delarsrapporter=_interim_figures(inputs, config))
    return figures


def _interim_figures(inputs, config):
    """The section Divisionernas delårsrapporter: each listed division's interim report computed from its folder."""
    from ..bilagor import bilagor
    from ..figures import tertial
    from . import delarsrapport

    built = {interim.division: interim for interim in inputs.delarsrapporter}
    period = inputs.delarsrapporter[0].config.period if inputs.delarsrapporter else config.period
    listed = []
    for bilaga in bilagor(config, period):
        if bilaga.division is None:
            continue
        interim = built.get(bilaga.division)
        figures = delarsrapport.compute(interim.inputs, interim.config) if interim else None
        listed.append((bilaga.division, bilaga.nummer, bilaga.titel, figures, interim))
    return tertial.compute(period, listed)


def plan(config, figures, texts, period_dir: Path, properties: dict) -> list[Planned]:
    """The main report, then each appendix in the order of bilagor: rendered, or copied as it is.

    A generated appendix with its own period is rendered with the context of
    that month; a division's interim report with its own folder's context,
    document-ID block and charts.
    """
    from dataclasses import replace

    from ..bilagor import bilagor
    from ..context import build_context, document_properties
    from . import APPENDICES, delarsrapport

    interim = figures.delarsrapporter
    context = dict(build_context(config, figures, texts))
    by_month = {config.period: context}
    documents = [Planned(f"regiondirektorens-rapport-{config.period}.docx", properties["titel"], TEMPLATE, context)]
    divisions = {d.namn: d for d in interim.divisioner} if interim else {}
    # What an appendix's charts are drawn from, sent to the chart process: without the interim reports' inputs.
    drawn_from = replace(figures, delarsrapporter=None)
    for bilaga in bilagor(config, interim.period if interim else None):
        name = bilaga.file_name(config.period)
        if name is None:  # an appendix delivered elsewhere: listed, no file
            continue
        title = f"Bilaga {bilaga.nummer} {bilaga.titel}"
        if bilaga.slag == "delarsrapport":
            division = divisions[bilaga.division]
            source = division.underlag
            documents.append(
                Planned(name, title, delarsrapport.TEMPLATE, delarsrapport.context(source.config, division.figurer, source.texts),
                        "delarsrapport", division.figurer, properties=document_properties(source.config))
            )
        elif bilaga.generated:
            kind = APPENDICES[bilaga.slag]
            month = bilaga.period or config.period
            if month not in by_month:
                by_month[month] = dict(build_context(config, figures, texts, period=month))
            documents.append(Planned(name, title, kind.template, by_month[month], kind.name if kind.charts else None, drawn_from))
        elif bilaga.fil:
            cover = bilaga.cover_name(config.period)
            if cover is not None:
                documents.append(Planned(cover, title, COVER_TEMPLATE, dict(context, extern=bilaga, extern_fil=name)))
            documents.append(Planned(name, title, source=period_dir / bilaga.fil))
    return documents


def interim_texts(config, blocks):
    """texter/delarsrapporter.md split at its ## headings: a heading naming a division (its name, an alias,
    or "Division <namn>") is that division's text; the others are common texts after the sums."""
    from ..texts import sections

    names = {}
    for division in config.organisation.divisioner:
        for name in (division.namn, *division.alias):
            names[name] = names[f"Division {name}"] = division.namn
    return sections(blocks, names)


def checks(inputs, config, texts) -> list:
    """texter/delarsrapporter.md: a ## naming a division without an interim report here, or the whole text without any."""
    from ..bilagor import bilagor
    from ..errors import warning

    blocks = (texts or {}).get("delarsrapporter")
    if not blocks:
        return []
    label = f"texter/{MAIN_TEXTS['delarsrapporter']}"
    if not config.interim_reports:
        return [warning("texten används inte: rapporten har inga delårsrapporter bland bilagorna (- delarsrapport: <division>)", file=label)]
    listed = {b.division for b in bilagor(config) if b.delarsrapport}
    found = interim_texts(config, blocks)
    return [
        warning(f"## {division} står i texten, men divisionen har ingen delårsrapport bland bilagorna; texten kommer inte med", file=label)
        for division, parts in found.parts.items()
        if parts and division not in listed
    ]


def folder(config) -> str:
    """``out/2021-03``."""
    return str(config.period)


def contract():
    """The main template's contract and the keys of its dictionaries."""
    from ..context import TemplateContext
    from . import APPENDICES

    return TemplateContext, {"texter": tuple(TEXTS), "bilaga": tuple(APPENDICES), "perioder": PARTS}


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
    checks=checks,
)
