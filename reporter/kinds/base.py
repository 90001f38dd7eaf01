"""What a report kind and an appendix kind declare: names, titles, templates, sheets, texts, charts by name.

A declaration is data. It imports nothing of the package but the input
contract, so that every stage (config, validation, status, scaffold, the
guide) can list the kinds without importing what they compute; how a kind
computes, checks and shows its figures is in :mod:`reporter.documents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

# Sheets by workbook kind: {"ekonomi": ("Divisioner", "Kostnader"), …}.
Sheets = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, kw_only=True)
class AppendixDeclaration:
    """An appendix the tool makes (an item of ``bilagor:``), shown by ``templates/<name>.docx``."""

    name: str  # the item in bilagor: and the template's name
    title: str  # "Ekonomirapport"
    sheets: Sheets = field(default_factory=dict)  # what it needs beyond the report's own sheets
    charts: tuple[str, ...] = ()  # the names of its charts, as the template uses them (diagram.<namn>)
    description: str = ""
    reports_on: str = ""  # the workbook kind (and figures) it shows, reported for the appendix's own period: "produktion"
    analysis: tuple[str, ...] = ()  # its sections that may have an analysis text after the table: texter/<name>-<section>.md

    @property
    def template(self) -> str:
        """The template's file name."""
        return f"{self.name}.docx"

    @property
    def analysis_texts(self) -> dict[str, str]:
        """The analysis texts: ``ekonomirapport_resultat`` → ``ekonomirapport-resultat.md``."""
        return {f"{self.name}_{section.replace('-', '_')}": f"{self.name}-{section}.md" for section in self.analysis}


@dataclass(frozen=True, kw_only=True)
class ReportDeclaration:
    """A report the tool builds (``rapport:`` in rapport.yaml).

    ``appendices``: it has the list ``bilagor:`` (and the generated
    appendices' sheets and analysis texts); ``division_report``: it is about
    one division (``division:`` required); ``signed``: ``undertecknare:``
    required.
    """

    name: str
    title: str  # the default titel
    template: str
    texts: Mapping[str, str]  # key -> file in texter/
    sheets: Sheets  # what a period must have, by workbook kind
    optional_sheets: Sheets = field(default_factory=dict)  # used when there, never required
    charts: tuple[str, ...] = ()  # its own charts, by name
    description: str = ""
    appendices: bool = False
    division_report: bool = False
    signed: bool = False
    subsections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # a text's generated subsections (## headings)

    def with_appendices(self, appendices: list[AppendixDeclaration]) -> ReportDeclaration:
        """The declaration with the appendices' analysis texts among its texts (a report that has bilagor:)."""
        if not self.appendices:
            return self
        analysis = {key: name for kind in appendices for key, name in kind.analysis_texts.items()}
        return replace(self, texts={**self.texts, **analysis})
