"""Report kinds and appendix kinds: each declares, in one module, what it reads, computes, shows and writes.

- a report kind (``rapport:`` in rapport.yaml): :mod:`.manadsrapport`, :mod:`.delarsrapport`;
- an appendix kind (an item of ``bilagor:``): :mod:`.ekonomirapport`, :mod:`.produktionsrapport`,
  :mod:`.personalrapport`, :mod:`.maluppfyllelse`.

Everything else (pipeline, validate, status, scaffold, the template check and
guide) asks these; adding a kind is one module here and one template. The
modules import what they compute with only when asked, so that reading the
registry costs nothing.
"""

from __future__ import annotations

from . import delarsrapport, ekonomirapport, maluppfyllelse, manadsrapport, personalrapport, produktionsrapport
from .base import AppendixKind, ChartSet, Planned, ReportKind

APPENDICES: dict[str, AppendixKind] = {
    kind.name: kind for kind in (ekonomirapport.KIND, produktionsrapport.KIND, personalrapport.KIND, maluppfyllelse.KIND)
}
REPORTS: dict[str, ReportKind] = {kind.name: kind for kind in (manadsrapport.KIND, delarsrapport.KIND)}


def report_kind(config) -> ReportKind:
    """The kind of report a configuration builds."""
    return REPORTS[config.rapport]


def chart_set(name: str) -> ChartSet:
    """A chart set by name: an appendix kind's, or a report kind's own."""
    if name in APPENDICES and APPENDICES[name].charts is not None:
        return APPENDICES[name].charts  # type: ignore[return-value]
    for kind in REPORTS.values():
        if name in kind.chart_sets:
            return kind.chart_sets[name]
    raise KeyError(name)


def templates() -> list[tuple[str, str]]:
    """Every template the tool knows: (file name, the kind's description)."""
    found = [(manadsrapport.TEMPLATE, manadsrapport.KIND.description)]
    found += [(kind.template, kind.description) for kind in APPENDICES.values()]
    found += [(manadsrapport.COVER_TEMPLATE, "försättsblad för en bilaga som gjorts någon annanstans")]
    found += [(kind.template, kind.description) for kind in REPORTS.values() if kind.template != manadsrapport.TEMPLATE]
    return found


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
    context_type, keys = manadsrapport.contract()
    if name == manadsrapport.COVER_TEMPLATE:
        from ..context import CoverContext

        return CoverContext, keys
    if appendix is None:
        return context_type, keys
    from ..context import AppendixContext

    return AppendixContext, {**keys, "diagram": appendix.charts.names if appendix.charts else ()}


__all__ = ["APPENDICES", "REPORTS", "AppendixKind", "ChartSet", "Planned", "ReportKind", "chart_set", "contract_for", "report_kind", "templates"]
