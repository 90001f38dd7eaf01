"""The kinds with what they do: each report kind's figures, checks and documents, each appendix kind's charts.

Built from the declarations (:mod:`reporter.kinds`): a kind is found here by
its declared name. The pipeline, ``status``, the template check and the
guide ask these; none of them lists kinds of its own.
"""

from __future__ import annotations

from typing import TypedDict, get_type_hints

from .. import kinds
from ..config import Rapport
from ..context import AppendixContext, CoverContext
from ..figures import Figures
from ..kinds import MONTHLY
from ..kinds.manadsrapport import COVER_TEMPLATE
from . import delarsrapport, manadsrapport
from .appendices import APPENDICES
from .base import AppendixKind, ChartSet, Computed, Planned, Report, ReportKind

RETURN = "return"  # a function's return type among its type hints
REPORTS: dict[str, Report] = {kind.name: kind for kind in (manadsrapport.KIND, delarsrapport.KIND)}


def register_appendix(kind: AppendixKind[Figures]) -> None:
    """Add an appendix kind made outside the package: from now on ``bilagor:`` may name it, and its template
    (``templates/<name>.docx``) is checked and rendered with the others. A kind of the package is listed in its
    registry instead (kinds/__init__.py and :mod:`.appendices`)."""
    kinds.APPENDICES[kind.name] = kind.declaration
    APPENDICES[kind.name] = kind


def report_kind(config: Rapport) -> Report:
    """The kind of report a configuration builds."""
    return REPORTS[config.rapport]


def chart_set(name: str) -> ChartSet:
    """A chart set by name: an appendix kind's, or a report kind's own."""
    charts = APPENDICES[name].chart_set if name in APPENDICES else None
    if charts is not None:
        return charts
    for kind in REPORTS.values():
        if name in kind.chart_sets:
            return kind.chart_sets[name]
    raise KeyError(name)


def contract_for(template_name: str) -> tuple[type, dict[str, tuple[str, ...]]]:
    """The context type a template is rendered with, and the keys of its dictionaries.

    A report kind's template gets that kind's contract; an appendix's
    template the monthly report's, with its own charts as ``diagram``.
    """
    name = template_name if template_name.endswith(".docx") else f"{template_name}.docx"
    for kind in REPORTS.values():
        if kind.template == name:
            return kind.contract()
    appendix = next((kind for kind in APPENDICES.values() if kind.template == name), None)
    context_type, keys = REPORTS[MONTHLY.name].contract()
    if name == COVER_TEMPLATE:
        return CoverContext, keys
    if appendix is None:
        return context_type, keys
    if appendix.figures is not None:  # its own figures beside the report's: a contract of its own
        fields = {**get_type_hints(AppendixContext), appendix.key: get_type_hints(appendix.figures)[RETURN]}
        return TypedDict(f"{appendix.name.capitalize()}Context", fields), {**keys, "diagram": appendix.declaration.charts}  # type: ignore[operator]
    return AppendixContext, {**keys, "diagram": appendix.declaration.charts}


__all__ = [
    "APPENDICES", "REPORTS", "AppendixKind", "ChartSet", "Computed", "Planned", "Report", "ReportKind", "chart_set", "contract_for",
    "register_appendix", "report_kind",
]
