"""The template contract: every name a template may use, filled in one place.

Templates see the typed figures (``ekonomi``, ``produktion``, ``personal``),
the period's months, the document-ID block, the appendices and the texts.
Formatting happens in the templates through the filters of ``formatting``.
"""

from __future__ import annotations

from typing import TypedDict

from .bilagor import Bilaga, bilagor
from .charts import CHART_NAMES, Chart
from .config import GENERATED_BILAGOR, Dokument, Rapport, Undertecknare
from .figures import Figures
from .figures.ekonomi import Ekonomi
from .figures.maluppfyllelse import Maluppfyllelse
from .figures.personal import Personal
from .figures.produktion import Produktion
from .model import Month
from .pipeline import COVER_TEMPLATE
from .texts import TEXT_FILES, Block


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

    diagram: dict[str, Chart]  # chart name (charts.CHART_NAMES) -> chart, shown as a picture with alt text


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
    "extern": "den externa bilagan som försättsbladet står före (bara i forsattsblad.docx)",
    "extern_fil": "den externa bilagans filnamn i paketet (bara i forsattsblad.docx)",
}


def contract_for(template_name: str) -> tuple[type, dict[str, tuple[str, ...]]]:
    """The context type a template is rendered with, and the keys of its dictionaries.

    A template named after a generated appendix (``ekonomirapport.docx``)
    gets :class:`AppendixContext` with that appendix's charts, the cover page
    of an external appendix :class:`CoverContext`; any other the main report's
    :class:`TemplateContext`.
    """
    keys = {"texter": tuple(TEXT_FILES), "bilaga": tuple(GENERATED_BILAGOR)}
    kind = template_name.removesuffix(".docx")
    if template_name == COVER_TEMPLATE:
        return CoverContext, keys
    if kind in GENERATED_BILAGOR:
        return AppendixContext, {**keys, "diagram": CHART_NAMES.get(kind, ())}
    return TemplateContext, keys


def build_context(config: Rapport, figures: Figures, texts: dict[str, list[Block] | None]) -> TemplateContext:
    """Fill the template contract from the configuration, figures and texts."""
    listed = bilagor(config)
    by_kind: dict[str, Bilaga | None] = {kind: None for kind in GENERATED_BILAGOR}
    by_kind.update({b.slag: b for b in listed if b.slag in GENERATED_BILAGOR})
    return TemplateContext(
        titel=config.titel,
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
