"""What a report kind and an appendix kind do: figures, checks given the figures, context, charts, documents.

A kind's declaration (:mod:`reporter.kinds`) says what it is; the kind here
adds how it is made. ``ReportKind[F]`` is typed by its figures ``F``: mypy
checks every kind's ``figures``, ``checks``, ``context`` and ``plan``
against each other. The pipeline holds a kind as a :class:`Report` and its
computed figures as a :class:`Computed`, so that it never sees ``F``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from ..charts import Chart
from ..config import Rapport
from ..errors import Problem
from ..kinds import AppendixDeclaration, ReportDeclaration
from ..model import Inputs
from ..texts import Block

Texts = Mapping[str, list[Block] | None]  # texter/*.md by key; None: the file is missing
FiguresT = TypeVar("FiguresT")


@dataclass(frozen=True)
class ChartSet:
    """The charts one document shows: their names (as the template uses them) and how they are drawn.

    ``draw`` takes the figures and returns {name: Chart}; it is a
    module-level function, so that it can be sent to the chart process.
    """

    names: tuple[str, ...]
    draw: Callable[[Any], dict[str, Chart]]


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
    figures: object = None  # what the charts are drawn from
    source: Path | None = None
    properties: dict[str, Any] | None = None  # its own document properties (an interim report's document-ID block); else the report's
    # A section of a sentence or two keeps with the next heading (render.keep_sections). The interim report's short
    # sections want it; in the monthly goal appendix the chains it makes would leave a page under a third full.
    keep_sections: bool = False


class _Declared(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def template(self) -> str: ...


class _Named:
    """What a kind takes from its declaration: its name, title and template."""

    declaration: _Declared

    @property
    def name(self) -> str:
        return self.declaration.name

    @property
    def title(self) -> str:
        return self.declaration.title

    @property
    def template(self) -> str:
        return self.declaration.template


@dataclass(frozen=True, kw_only=True)
class AppendixKind(_Named, Generic[FiguresT]):
    """An appendix the tool makes (an item of ``bilagor:``): its declaration and how its charts are drawn from ``FiguresT``.

    The generated appendices of the monthly report show the report's
    figures (of their own month) with the report's context.
    """

    declaration: AppendixDeclaration
    draw: Callable[[FiguresT], dict[str, Chart]] | None = None
    # Its own figures, when it shows more than the report's (investeringsrapport): computed once with the report's,
    # for its own month, and given to its template as ``key``.
    figures: Callable[[Inputs, Rapport], object] | None = None
    key: str = ""

    @property
    def reports_on(self) -> str:
        return self.declaration.reports_on

    def charts(self, figures: FiguresT) -> dict[str, Chart]:
        """Its charts, drawn from the figures (none when it has none)."""
        return self.draw(figures) if self.draw is not None else {}

    @property
    def chart_set(self) -> ChartSet | None:
        """Its charts: the declared names, drawn by ``draw``; None when it has none."""
        return ChartSet(self.declaration.charts, self.draw) if self.draw is not None else None


class Computed(Protocol):
    """A report's figures, computed once, with what needs them: the checks and the documents."""

    @property
    def figures(self) -> object: ...

    def checks(self, inputs: Inputs, config: Rapport, texts: Texts) -> list[Problem]: ...

    def plan(self, config: Rapport, texts: Texts, period_dir: Path, properties: dict[str, Any]) -> list[Planned]: ...


@dataclass(frozen=True, kw_only=True)
class ReportKind(_Named, ABC, Generic[FiguresT]):
    """A report the tool builds (``rapport:`` in rapport.yaml): its declaration and how it is made.

    ``figures`` turns validated inputs into the report's figures, once;
    ``checks`` says what only the figures can tell; ``context`` fills the
    template contract; ``plan`` turns the figures into the documents of the
    package; ``folder`` names the package's folder under ``out/``;
    ``contract`` is the template contract (a TypedDict) and the keys of its
    dictionaries, for ``reporter mallar`` and the guide.
    """

    declaration: ReportDeclaration
    chart_sets: Mapping[str, ChartSet] = field(default_factory=dict)

    @property
    def texts(self) -> Mapping[str, str]:
        return self.declaration.texts

    @abstractmethod
    def figures(self, inputs: Inputs, config: Rapport) -> FiguresT:
        """Every figure of the report."""

    @abstractmethod
    def checks(self, figures: FiguresT, inputs: Inputs, config: Rapport, texts: Texts) -> list[Problem]:
        """What only the figures (and the texts) can tell; run on inputs without errors."""

    @abstractmethod
    def context(self, figures: FiguresT, config: Rapport, texts: Texts) -> Mapping[str, object]:
        """The template contract filled in."""

    @abstractmethod
    def plan(self, figures: FiguresT, config: Rapport, texts: Texts, period_dir: Path, properties: dict[str, Any]) -> list[Planned]:
        """The documents of the package, in order."""

    @abstractmethod
    def folder(self, config: Rapport) -> str:
        """The package's folder under ``out/``."""

    @abstractmethod
    def contract(self) -> tuple[type, dict[str, tuple[str, ...]]]:
        """The template's context type and the keys of its dictionaries."""

    def compute(self, inputs: Inputs, config: Rapport) -> Bound[FiguresT]:
        """The figures, computed once, bound to this kind."""
        return Bound(self, self.figures(inputs, config))


@dataclass(frozen=True)
class Bound(Generic[FiguresT]):
    """A kind's figures with the kind: a :class:`Computed`."""

    kind: ReportKind[FiguresT]
    figures: FiguresT

    def checks(self, inputs: Inputs, config: Rapport, texts: Texts) -> list[Problem]:
        return self.kind.checks(self.figures, inputs, config, texts)

    def plan(self, config: Rapport, texts: Texts, period_dir: Path, properties: dict[str, Any]) -> list[Planned]:
        return self.kind.plan(self.figures, config, texts, period_dir, properties)


class Report(Protocol):
    """A report kind as the pipeline sees it, whatever its figures: every ``ReportKind[F]`` is one."""

    @property
    def declaration(self) -> ReportDeclaration: ...

    @property
    def name(self) -> str: ...

    @property
    def template(self) -> str: ...

    @property
    def texts(self) -> Mapping[str, str]: ...

    @property
    def chart_sets(self) -> Mapping[str, ChartSet]: ...

    def compute(self, inputs: Inputs, config: Rapport) -> Computed: ...

    def folder(self, config: Rapport) -> str: ...

    def contract(self) -> tuple[type, dict[str, tuple[str, ...]]]: ...
