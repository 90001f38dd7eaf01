"""What a report kind and an appendix kind declare: the shape every kind module fills in.

A kind module names, in one place, what the kind reads (the sheets it needs
and may use, its texts), what it computes, which template shows it with
which charts, and what it writes. The pipeline, ``validate``, ``status``,
``scaffold``, ``mallar`` and the template guide ask the kind; none of them
lists kinds of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Sheets by workbook kind: {"ekonomi": ("Divisioner", "Kostnader"), …}.
Sheets = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class ChartSet:
    """The charts one document shows: their names (as the template uses them) and how they are drawn.

    ``draw`` takes the report's figures and returns {name: Chart}; it is a
    module-level function, so that it can be sent to the chart process.
    """

    names: tuple[str, ...]
    draw: Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class AppendixKind:
    """An appendix the tool makes (an item of ``bilagor:``), shown by ``templates/<name>.docx``."""

    name: str  # the item in bilagor: and the template's name
    title: str  # "Ekonomirapport"
    sheets: Sheets = field(default_factory=dict)  # what it needs beyond the report's own sheets
    charts: ChartSet | None = None
    description: str = ""
    reports_on: str = ""  # the workbook kind (and figures) it shows, reported for the appendix's own period: "produktion"

    @property
    def template(self) -> str:
        """The template's file name."""
        return f"{self.name}.docx"


@dataclass(frozen=True)
class Planned:
    """One document of a package, planned before anything is rendered.

    A rendered document has a ``template`` and a ``context`` (and the name of
    the chart set it shows); a copied one (an appendix made elsewhere) has a
    ``source`` file and is written as it is.
    """

    name: str  # the output file name
    title: str  # the document's title (core properties)
    template: str | None = None
    context: dict[str, Any] | None = None
    charts: str | None = None  # the chart set's name (ReportKind.chart_sets), drawn while others render
    figures: Any = None  # what the charts are drawn from
    source: Path | None = None
    properties: dict[str, Any] | None = None  # its own document properties (an interim report's document-ID block); else the report's


@dataclass(frozen=True)
class ReportKind:
    """A report the tool builds (``rapport:`` in rapport.yaml) and everything it declares.

    ``sheets(config)`` are the sheets a period must have, by workbook kind;
    ``texts`` the known texts (key → file in ``texter/``); ``compute``
    turns validated inputs into the report's figures; ``plan`` turns them
    into the documents of the package; ``folder`` names the package's folder
    under ``out/``; ``contract`` is the template contract (a TypedDict) and
    the keys of its dictionaries, for ``reporter mallar`` and the guide.
    """

    name: str
    title: str  # the default titel
    template: str
    texts: Mapping[str, str]
    sheets: Callable[[Any], Sheets]
    compute: Callable[[Any, Any], Any]
    plan: Callable[..., list[Planned]]
    folder: Callable[[Any], str]
    contract: Callable[[], tuple[type, dict[str, tuple[str, ...]]]]
    chart_sets: Mapping[str, ChartSet] = field(default_factory=dict)
    optional_sheets: Sheets = field(default_factory=dict)  # used when there, never required
    description: str = ""
    # Checks across sheets and texts that need the figures (inputs, config, texts) -> problems; run on inputs without errors.
    checks: Callable[[Any, Any, Any], list[Any]] | None = None
