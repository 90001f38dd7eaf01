"""What a report kind and an appendix kind do: compute their figures, check them, plan their documents, draw.

A kind's declaration (:mod:`reporter.kinds`) says what it is; the kind here
adds how it is made. The pipeline, ``status``, the template check and the
guide ask the kind; none of them lists kinds of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..kinds import AppendixDeclaration, ReportDeclaration


@dataclass(frozen=True)
class ChartSet:
    """The charts one document shows: their names (as the template uses them) and how they are drawn.

    ``draw`` takes the report's figures and returns {name: Chart}; it is a
    module-level function, so that it can be sent to the chart process.
    """

    names: tuple[str, ...]
    draw: Callable[[Any], dict[str, Any]]


@dataclass(frozen=True, kw_only=True)
class AppendixKind:
    """An appendix the tool makes (an item of ``bilagor:``): its declaration and how its charts are drawn."""

    declaration: AppendixDeclaration
    draw: Callable[[Any], dict[str, Any]] | None = None

    @property
    def name(self) -> str:
        return self.declaration.name

    @property
    def title(self) -> str:
        return self.declaration.title

    @property
    def template(self) -> str:
        return self.declaration.template

    @property
    def reports_on(self) -> str:
        return self.declaration.reports_on

    @property
    def charts(self) -> ChartSet | None:
        """Its charts: the declared names, drawn by ``draw``."""
        return ChartSet(self.declaration.charts, self.draw) if self.draw is not None else None


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


@dataclass(frozen=True, kw_only=True)
class ReportKind:
    """A report the tool builds (``rapport:`` in rapport.yaml): its declaration and how it is made.

    ``compute`` turns validated inputs into the report's figures; ``checks``
    what only the figures can tell; ``plan`` turns them into the documents of
    the package; ``folder`` names the package's folder under ``out/``;
    ``contract`` is the template contract (a TypedDict) and the keys of its
    dictionaries, for ``reporter mallar`` and the guide.
    """

    declaration: ReportDeclaration
    compute: Callable[[Any, Any], Any]
    plan: Callable[..., list[Planned]]
    folder: Callable[[Any], str]
    contract: Callable[[], tuple[type, dict[str, tuple[str, ...]]]]
    chart_sets: Mapping[str, ChartSet] = field(default_factory=dict)
    # Checks across sheets and texts that need the figures (inputs, config, texts) -> problems; run on inputs without errors.
    checks: Callable[[Any, Any, Any], list[Any]] | None = None

    @property
    def name(self) -> str:
        return self.declaration.name

    @property
    def title(self) -> str:
        return self.declaration.title

    @property
    def template(self) -> str:
        return self.declaration.template

    @property
    def texts(self) -> Mapping[str, str]:
        return self.declaration.texts
