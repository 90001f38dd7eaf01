"""The template contract: every name a template may use, filled in one place.

Templates see the typed figures (``ekonomi``, ``produktion``, ``personal``),
the period's months, the document-ID block, the appendices and the texts.
Formatting happens in the templates through the filters of ``formatting``.
"""

from __future__ import annotations

from typing import Any, TypedDict

from markupsafe import Markup

from .bilagor import Bilaga, bilagor
from .charts import Chart
from .config import Dokument, Rapport, Undertecknare
from .figures import Figures
from .figures.delarsrapport import Ekonomi as DelEkonomi
from .figures.delarsrapport import Personal as DelPersonal
from .figures.delarsrapport import Produktion as DelProduktion
from .figures.delarsrapport import Styrning
from .figures.ekonomi import Ekonomi
from .figures.maluppfyllelse import Maluppfyllelse
from .figures.personal import Personal
from .figures.produktion import Produktion
from .model import Month
from .texts import Block


class TemplateContext(TypedDict):
    """What the main report template is rendered with."""

    titel: str
    organisation: str
    period: Month
    foregaende_manad: Month
    foregaende_ar: Month  # the same month a year earlier
    dokument: Dokument
    undertecknare: Undertecknare | None
    bilagor: list[Bilaga]
    bilaga: dict[str, Bilaga | None]  # generated kind -> its appendix, None when not listed
    ekonomi: Ekonomi
    produktion: Produktion
    personal: Personal
    maluppfyllelse: Maluppfyllelse
    texter: dict[str, list[Block] | None]  # None: the text file is missing


class AppendixContext(TemplateContext):
    """What a generated appendix's template is rendered with: the main context and its charts."""

    diagram: dict[str, Chart]  # chart name (the appendix kind's ChartSet) -> chart, shown as a picture with alt text


class SectionText(TypedDict):
    """A section's text split at its ## headings: text first, text after each generated subsection, other subsections."""

    inledning: Markup | None
    delar: dict[str, Markup | None]  # a generated subsection (its key) -> the text placed after it
    ovriga: list[dict[str, Any]]  # {"rubrik": the ## heading, "text": its paragraphs}


class DelarsrapportContext(TypedDict):
    """What a division's interim report (delarsrapport.docx) is rendered with."""

    titel: str
    division: str
    organisation: str
    period: Month
    foregaende_ar: Month  # the same month a year earlier
    dokument: Dokument
    undertecknare: Undertecknare | None
    ekonomi: DelEkonomi
    produktion: DelProduktion
    personal: DelPersonal
    styrning: Styrning
    texter: dict[str, SectionText | Markup | None]  # None: the text file is missing
    diagram: dict[str, Chart | None]  # None: no data for the chart (accessibility of a division without care)


class CoverContext(TemplateContext):
    """What the cover page of an external appendix (forsattsblad.docx) is rendered with: the main context and the appendix."""

    extern: Bilaga  # the external appendix this page comes before
    extern_fil: str  # its file name in the package


# What each name is, in the template owners' words (docs/mallar.md); one entry per name above.
DESCRIPTIONS = {
    "titel": "rapportens titel ur rapport.yaml",
    "organisation": "regionens namn ur rapport.yaml",
    "period": "rapportmånaden",
    "foregaende_manad": "månaden före rapportmånaden",
    "foregaende_ar": "samma månad ett år tidigare",
    "dokument": "dokument-id-blocket i sidhuvudet, ur rapport.yaml",
    "undertecknare": "den som undertecknar inledningen; tomt om rapport.yaml inte anger någon",
    "bilagor": "bilagorna i ordning, numrerade från 1",
    "bilaga": "en genererad bilaga per slag; tomt när bilagan inte är med i rapport.yaml",
    "ekonomi": "ekonomins nyckeltal (belopp i tkr)",
    "produktion": "produktion, tillgänglighet och beläggning",
    "personal": "anställda, arbetad tid och sjukfrånvaro",
    "maluppfyllelse": "styrkortets perspektiv, mål och styrmått",
    "texter": "texterna ur texter/*.md som Word-stycken; tomt när filen saknas",
    "diagram": "bilagans diagram som bilder med alternativtext (bara i bilagornas mallar)",
    "division": "divisionens namn (bara i delarsrapport.docx)",
    "styrning": "divisionens styrkort: bedömning per perspektiv och mål (bara i delarsrapport.docx)",
    "extern": "den externa bilagan som försättsbladet står före (bara i forsattsblad.docx)",
    "extern_fil": "den externa bilagans filnamn i paketet (bara i forsattsblad.docx)",
}


def contract_for(template_name: str) -> tuple[type, dict[str, tuple[str, ...]]]:
    """The context type a template is rendered with, and the keys of its dictionaries (see :func:`reporter.kinds.contract_for`)."""
    from .kinds import contract_for as of_kind

    return of_kind(template_name)


def build_context(config: Rapport, figures: Figures, texts: dict[str, list[Block] | None]) -> TemplateContext:
    """Fill the template contract from the configuration, figures and texts."""
    listed = bilagor(config)
    from .kinds import APPENDICES

    by_kind: dict[str, Bilaga | None] = {kind: None for kind in APPENDICES}
    by_kind.update({b.slag: b for b in listed if b.slag in APPENDICES})
    return TemplateContext(
        titel=config.rubrik,
        organisation=config.organisation.namn,
        period=config.period,
        foregaende_manad=config.period.previous,
        foregaende_ar=config.period.year_before,
        dokument=config.dokument,
        undertecknare=config.undertecknare,
        bilagor=listed,
        bilaga=by_kind,
        ekonomi=figures.ekonomi,
        produktion=figures.produktion,
        personal=figures.personal,
        maluppfyllelse=figures.maluppfyllelse,
        texter=texts,
    )
