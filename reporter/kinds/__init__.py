"""Report kinds and appendix kinds, declared: the registry every stage lists the kinds from.

- a report kind (``rapport:`` in rapport.yaml): :mod:`.manadsrapport`, :mod:`.delarsrapport`;
- an appendix kind (an item of ``bilagor:``): :mod:`.ekonomirapport`, :mod:`.produktionsrapport`,
  :mod:`.personalrapport`, :mod:`.maluppfyllelse`, :mod:`.investeringsrapport`.

A declaration is data (name, title, template, sheets, texts, charts by
name); it imports only the input contract, so config, validation, status,
scaffold and the guide read it without importing what the kinds compute.
What each kind computes, checks and shows is in :mod:`reporter.documents`.
"""

from __future__ import annotations

from typing import Any

from . import delarsrapport, ekonomirapport, investeringsrapport, maluppfyllelse, manadsrapport, personalrapport, produktionsrapport
from .base import AppendixDeclaration, ReportDeclaration, Sheets

APPENDICES: dict[str, AppendixDeclaration] = {
    kind.name: kind
    for kind in (ekonomirapport.KIND, produktionsrapport.KIND, personalrapport.KIND, maluppfyllelse.KIND, investeringsrapport.KIND)
}
MONTHLY = manadsrapport.KIND.with_appendices(list(APPENDICES.values()))  # the default kind: a folder without a readable rapport:
INTERIM = delarsrapport.KIND  # a division's interim report; also an item of a tertial report's bilagor:
REPORTS: dict[str, ReportDeclaration] = {kind.name: kind for kind in (MONTHLY, INTERIM)}
# The parts of the monthly report that may report on their appendix's month (perioder): the workbooks the appendices show.
PARTS = tuple(kind.reports_on for kind in APPENDICES.values() if kind.reports_on)
ANALYSIS_TEXTS = {key: name for kind in APPENDICES.values() for key, name in kind.analysis_texts.items()}


def report_declaration(config: Any) -> ReportDeclaration:
    """The declaration of the report a configuration builds."""
    return REPORTS[config.rapport]


def required_sheets(config: Any) -> dict[str, tuple[str, ...]]:
    """The sheets a period must have, by workbook kind: the report's own, and those of the appendices it lists."""
    kind = report_declaration(config)
    if not kind.appendices:
        return dict(kind.sheets)
    required = {name: list(sheets) for name, sheets in kind.sheets.items()}
    for item, _month in config.generated:
        if item in APPENDICES:
            for name, sheets in APPENDICES[item].sheets.items():
                required.setdefault(name, [])
                required[name] += [s for s in sheets if s not in required[name]]
    return {name: tuple(sheets) for name, sheets in required.items()}


def templates() -> list[tuple[str, str]]:
    """Every template the tool knows: (file name, the kind's description)."""
    found = [(MONTHLY.template, MONTHLY.description)]
    found += [(kind.template, kind.description) for kind in APPENDICES.values()]
    found += [(manadsrapport.COVER_TEMPLATE, manadsrapport.COVER_DESCRIPTION)]
    found += [(kind.template, kind.description) for kind in REPORTS.values() if kind.template != MONTHLY.template]
    return found


__all__ = [
    "ANALYSIS_TEXTS", "APPENDICES", "INTERIM", "MONTHLY", "PARTS", "REPORTS", "AppendixDeclaration", "ReportDeclaration", "Sheets",
    "report_declaration", "required_sheets", "templates",
]
