"""How Regiondirektörens rapport is made (its declaration: reporter.kinds.manadsrapport): figures, checks, documents."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..bilagor import bilagor
from ..config import Rapport
from ..context import TemplateContext, build_context, document_properties, interim_texts
from ..errors import Problem, warning
from ..figures import Figures, compute_part, tertial
from ..figures import compute as compute_all
from ..figures.tertial import Delarsrapporter
from ..kinds import MONTHLY, PARTS
from ..kinds.manadsrapport import COVER_TEMPLATE, INTERIM_TEXT, MAIN_TEXTS, TEMPLATE
from ..model import Inputs, Month
from . import delarsrapport
from .appendices import APPENDICES
from .base import Planned, ReportKind, Texts


@dataclass(frozen=True, kw_only=True)
class Manadsrapport(ReportKind[Figures]):
    """The monthly report: its figures for each appendix's month, the divisions' interim reports in a tertial report."""

    def figures(self, inputs: Inputs, config: Rapport) -> Figures:
        """The monthly report's figures: economy, production, personnel, goal fulfilment, each for the month its appendix
        reports on; in a tertial report also the divisions' interim reports, from their folders."""
        figures = compute_all(inputs, config)
        for appendix in APPENDICES.values():
            month = config.period_of(appendix.name)
            if appendix.reports_on and month != config.period:
                figures = replace(figures, **{appendix.reports_on: compute_part(appendix.reports_on, inputs, config, month)})
        if config.interim_reports:
            figures = replace(figures, delarsrapporter=_interim_figures(inputs, config))
        own = {
            name: kind.figures(inputs, config.model_copy(update={"period": month}) if month != config.period else config)
            for name, month in config.generated
            if (kind := APPENDICES[name]).figures is not None
        }
        return replace(figures, bilagor=own) if own else figures

    def checks(self, figures: Figures, inputs: Inputs, config: Rapport, texts: Texts) -> list[Problem]:
        """texter/delarsrapporter.md: a ## naming a division without an interim report here, or the whole text without any."""
        blocks = texts.get(INTERIM_TEXT)
        if not blocks:
            return []
        label = f"texter/{MAIN_TEXTS[INTERIM_TEXT]}"
        if not config.interim_reports:
            return [warning("texten används inte: rapporten har inga delårsrapporter bland bilagorna (- delarsrapport: <division>)", file=label)]
        listed = {b.division for b in bilagor(config) if b.delarsrapport}
        found = interim_texts(config, blocks)
        return [
            warning(f"## {division} står i texten, men divisionen har ingen delårsrapport bland bilagorna; texten kommer inte med", file=label)
            for division, parts in found.parts.items()
            if parts and division not in listed
        ]

    def context(self, figures: Figures, config: Rapport, texts: Texts, period: Month | None = None) -> TemplateContext:
        """The template contract filled in; ``period``: the month of an appendix with its own period."""
        return build_context(config, figures, dict(texts), period=period)

    def plan(self, figures: Figures, config: Rapport, texts: Texts, period_dir: Path, properties: dict[str, Any]) -> list[Planned]:
        """The main report, then each appendix in the order of bilagor: rendered, or copied as it is.

        A generated appendix with its own period is rendered with the context of
        that month; a division's interim report with its own folder's context,
        document-ID block and charts.
        """
        interim = figures.delarsrapporter
        context = dict(self.context(figures, config, texts))
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
            if bilaga.slag == delarsrapport.KIND.name and bilaga.division is not None:
                division = divisions[bilaga.division]
                source = division.underlag
                assert division.figurer is not None, "an interim report built here has its figures"
                documents.append(
                    Planned(name, title, delarsrapport.TEMPLATE, dict(delarsrapport.KIND.context(division.figurer, source.config, source.texts),
                                                                 bilaga_nummer=bilaga.nummer, huvudrapport=properties["titel"]),
                            delarsrapport.KIND.name, division.figurer, properties=document_properties(source.config), keep_sections=True)
                )
            elif bilaga.generated:
                kind = APPENDICES[bilaga.slag]
                month = bilaga.period or config.period
                if month not in by_month:
                    by_month[month] = dict(self.context(figures, config, texts, period=month))
                shown = {**by_month[month], kind.key: figures.bilagor[kind.name]} if kind.figures is not None else by_month[month]
                documents.append(Planned(name, title, kind.template, shown, kind.name if kind.draw else None, drawn_from))
            elif bilaga.fil:
                cover = bilaga.cover_name(config.period)
                if cover is not None:
                    documents.append(Planned(cover, title, COVER_TEMPLATE, dict(context, extern=bilaga, extern_fil=name)))
                documents.append(Planned(name, title, source=period_dir / bilaga.fil))
        return documents

    def folder(self, config: Rapport) -> str:
        """``out/2021-03``."""
        return str(config.period)

    def contract(self) -> tuple[type, dict[str, tuple[str, ...]]]:
        """The main template's contract and the keys of its dictionaries."""
        return TemplateContext, {"texter": tuple(MONTHLY.texts), "bilaga": tuple(APPENDICES), "perioder": PARTS}


def _interim_figures(inputs: Inputs, config: Rapport) -> Delarsrapporter:
    """The section Divisionernas delårsrapporter: each listed division's interim report, its figures as computed
    when its folder was checked."""
    built = {interim.division: interim for interim in inputs.delarsrapporter}
    period = inputs.delarsrapporter[0].config.period if inputs.delarsrapporter else config.period
    listed = []
    for bilaga in bilagor(config, period):
        if bilaga.division is None:
            continue
        interim = built.get(bilaga.division)
        figures = interim.figures if interim else None
        listed.append((bilaga.division, bilaga.nummer, bilaga.titel, figures, interim))
    return tertial.compute(period, listed)


KIND = Manadsrapport(declaration=MONTHLY)
