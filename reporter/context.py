"""The template contract: every name a template may use, filled in one place.

Templates see the typed figures (``ekonomi``, ``produktion``, ``personal``),
the period's months, the document-ID block, the appendices and the texts.
Formatting happens in the templates through the filters of ``formatting``.
"""

from __future__ import annotations

from typing import TypedDict

from .bilagor import Bilaga, bilagor
from .config import GENERATED_BILAGOR, Dokument, Rapport, Undertecknare
from .figures import Figures
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
