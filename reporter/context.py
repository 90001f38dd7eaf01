"""The template contract: every name a template may use, filled in one place.

Templates see the typed figures (``ekonomi``, ``produktion``, ``personal``),
the period's months, the document-ID block, the appendices and the texts.
Formatting happens in the templates through the filters of ``formatting``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from markupsafe import Markup

from .bilagor import Bilaga, bilagor
from .charts import Chart
from .config import Dokument, Rapport, Undertecknare
from .figures import Figures
from .figures.delarsrapport import Styrning
from .figures.ekonomi import Ekonomi, InterimEkonomi, ResultLine
from .figures.maluppfyllelse import Maluppfyllelse
from .figures.personal import InterimPersonal, Personal
from .figures.produktion import InterimProduktion, Produktion
from .figures.tertial import Delarsrapporter
from .formatting import hittills, manad_ar, mnkr_tal, storst_forst
from .kinds import APPENDICES, PARTS
from .kinds.manadsrapport import INTERIM_TEXT
from .model import Month
from .periods import month_of
from .rounding import parts_of, rounding_differs
from .schema import REQUIRED_REGION_POSTS
from .texts import Block, Sections, sections
from .values import name_key


class TemplateContext(TypedDict):
    """What the main report template is rendered with."""

    titel: str
    organisation: str
    period: Month
    rapportmanad: Month  # the report's month; in an appendix with its own period, period is the appendix's
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
    texter: dict[str, list[Block] | SectionText | None]  # None: the text file is missing; delarsrapporter split at its ## headings
    perioder: dict[str, Month]  # the month each part reports on: ekonomi, produktion, personal (an appendix's own period)
    delarsrapporter: Delarsrapporter | None  # a tertial report's divisions' interim reports; None without them
    resultat: ResultatTabell  # the result table: the bridge down to Periodens resultat, and the posts outside it
    avrundning: Avrundning  # which tables' rounded parts cannot add up to their rounded total (the note under them)
    prosa: Prosa  # generated paragraphs that lead with what is worth saying


class Prosa(TypedDict):
    """Generated paragraphs (formatting.storst_forst): the largest change first, similar measures grouped."""

    produktion: str  # the production measures year to date against the same period a year earlier


class Avrundning(TypedDict):
    """Per table: True when its rounded parts cannot add up to its rounded total, so the note stands under it."""

    resultat: bool  # the result table (whole mnkr)
    divisioner: bool  # the economy appendix's divisions against Totalt (one decimal)
    kostnader: bool  # the economy appendix's cost types against Summa verksamhetens kostnader (whole mnkr)


class ResultatTabell(TypedDict):
    """The region's result table split where the bridge ends: Periodens resultat is its last line."""

    rader: list[ResultLine]  # the bridge, in the workbook's order, down to Periodens resultat
    ovriga: list[ResultLine]  # posts after it (Hälsocentraler i egen regi): shown apart, not part of the sum


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
    ekonomi: InterimEkonomi
    produktion: InterimProduktion
    personal: InterimPersonal
    styrning: Styrning
    texter: dict[str, SectionText | Markup | None]  # None: the text file is missing
    diagram: dict[str, Chart | None]  # None: no data for the chart (accessibility of a division without care)
    bilaga_nummer: int | None  # its number among the tertial report's appendices; None when built alone
    huvudrapport: str | None  # the report it is an appendix to, with its month; None when built alone


class CoverContext(TemplateContext):
    """What the cover page of an external appendix (forsattsblad.docx) is rendered with: the main context and the appendix."""

    extern: Bilaga  # the external appendix this page comes before
    extern_fil: str  # its file name in the package


# What each name is, in the template owners' words (docs/mallar.md); one entry per name above.
DESCRIPTIONS = {
    "titel": "rapportens titel ur rapport.yaml",
    "organisation": "regionens namn ur rapport.yaml",
    "period": "rapportmånaden",
    "rapportmanad": "huvudrapportens månad; i en bilaga med egen period (period: i rapport.yaml) är period bilagans månad och rapportmanad rapportens",
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
    "perioder": "månaden varje del avser (ekonomi, produktion, personal): bilagans egen period när den har en, annars rapportmånaden",
    "delarsrapporter": "divisionernas delårsrapporter i en tertialrapport: period, summor och varje division; tomt utan delårsrapporter",
    "extern": "den externa bilagan som försättsbladet står före (bara i forsattsblad.docx)",
"bilaga_nummer": "delårsrapportens nummer bland tertialrapportens bilagor; tomt när den byggs ensam (bara i delarsrapport.docx)",
    "huvudrapport": "rapporten delårsrapporten är bilaga till, med månad; tomt när den byggs ensam (bara i delarsrapport.docx)",
    "extern_fil": "den externa bilagans filnamn i paketet (bara i forsattsblad.docx)",
    "resultat": "resultattabellen: rader (ned till Periodens resultat) och ovriga (poster efter den, som Hälsocentraler i egen regi)",
    "prosa": "genererade stycken som börjar med den största förändringen: produktion (produktionsmåtten hittills i år mot samma period föregående år)",
    "avrundning": "per tabell (resultat, divisioner, kostnader): sant när de avrundade delarna inte kan ge den avrundade summan (noten under tabellen)",
}

# The columns of the result and division tables, as the templates write them (mnkr_tal; the divisions' with one decimal).
RESULT_COLUMNS = ("utfall", "budget", "avvikelse", "foregaende_ar", "mot_foregaende_ar", "prognos_helar")
DIVISION_COLUMNS = ("utfall", "budget", "avvikelse", "prognos_helar", "budget_helar", "prognosavvikelse")
REQUIRED_KEYS = tuple(name_key(p) for p in REQUIRED_REGION_POSTS)
PERIODENS, VERKSAMHETENS, FINANSNETTO, NETTOKOSTNADER, SKATT = REQUIRED_KEYS


def resultat_tabell(ekonomi: Ekonomi) -> ResultatTabell:
    """The result table's bridge and the posts after Periodens resultat (memo items, not part of its sum)."""
    keys = [name_key(r.post) for r in ekonomi.rader]
    end = keys.index(PERIODENS) + 1 if PERIODENS in keys else len(keys)
    later = list(zip(ekonomi.rader[end:], keys[end:], strict=True))
    bridge = ekonomi.rader[:end] + [r for r, key in later if key in REQUIRED_KEYS]
    return ResultatTabell(rader=bridge, ovriga=[r for r, key in later if key not in REQUIRED_KEYS])


def _result_sums(ekonomi: Ekonomi, column: str) -> list[tuple[list[float | None], float | None]]:
    """The result table's sums in one column: Skatteintäkter och generella statsbidrag from the lines above it
    that add up to it, Verksamhetens resultat, Periodens resultat."""
    by_key = {name_key(r.post): r for r in ekonomi.rader}

    def value(key: str) -> float | None:
        return getattr(by_key[key], column) if key in by_key else None

    sums: list[tuple[list[float | None], float | None]] = [
        ([value(SKATT), value(NETTOKOSTNADER)], value(VERKSAMHETENS)),
        ([value(VERKSAMHETENS), value(FINANSNETTO)], value(PERIODENS)),
    ]
    keys = [name_key(r.post) for r in ekonomi.rader]
    if SKATT in keys:
        above = [r for r, key in zip(ekonomi.rader[: keys.index(SKATT)], keys, strict=False) if key not in REQUIRED_KEYS]
        if parts_of(by_key[SKATT].utfall, [r.utfall for r in above]):
            sums.append(([getattr(r, column) for r in above], value(SKATT)))
    return sums


def avrundning(ekonomi: Ekonomi) -> Avrundning:
    """Which tables need the rounding note: the result table (whole mnkr), the divisions' table (one decimal), the
    cost table (whole mnkr)."""
    costs = ekonomi.kostnadsutveckling
    divisions = [
        ([getattr(d, column) for d in ekonomi.divisioner], getattr(ekonomi.divisioner_totalt, column)) for column in DIVISION_COLUMNS
    ]
    return Avrundning(
        resultat=rounding_differs((s for c in RESULT_COLUMNS for s in _result_sums(ekonomi, c)), mnkr_tal),
        divisioner=rounding_differs(divisions, lambda v: mnkr_tal(v, 1)),
        kostnader=rounding_differs([([line.hittills for line in costs.rader], costs.totalt.hittills)], mnkr_tal),
    )


def build_context(config: Rapport, figures: Figures, texts: dict[str, list[Block] | None], period: Month | None = None) -> TemplateContext:
    """Fill the template contract from the configuration, figures and texts.

    ``period`` is the month of an appendix with its own period (its context's
    ``period`` and the months around it); the appendices are the report's.
    """
    interim = figures.delarsrapporter
    listed = bilagor(config, interim.period if interim else None)
    by_kind: dict[str, Bilaga | None] = {kind: None for kind in APPENDICES}
    by_kind.update({b.slag: b for b in listed if b.slag in APPENDICES})
    month = period or config.period
    return TemplateContext(
        titel=config.rubrik,
        organisation=config.organisation.namn,
        period=month,
        rapportmanad=config.period,
        foregaende_manad=month.previous,
        foregaende_ar=month.year_before,
        dokument=config.dokument,
        undertecknare=config.undertecknare,
        bilagor=listed,
        bilaga=by_kind,
        ekonomi=figures.ekonomi,
        produktion=figures.produktion,
        personal=figures.personal,
        maluppfyllelse=figures.maluppfyllelse,
        texter=_sectioned(config, texts),
        perioder={part: month_of(config, part) for part in PARTS},
        delarsrapporter=interim,
        resultat=resultat_tabell(figures.ekonomi),
        avrundning=avrundning(figures.ekonomi),
        prosa=Prosa(produktion=storst_forst(figures.produktion.matt, hittills(month_of(config, "produktion")), falt="hittills")),
    )


def _sectioned(config: Rapport, texts: dict) -> dict:
    """The texts, with texter/delarsrapporter.md split at its ## headings (a division's text, common texts)."""
    blocks = texts.get(INTERIM_TEXT)
    if not blocks or not isinstance(blocks, list):
        return texts
    return {**texts, INTERIM_TEXT: interim_texts(config, blocks)}


def interim_texts(config: Rapport, blocks: list[Block]) -> Sections:
    """texter/delarsrapporter.md split at its ## headings: a heading naming a division (its name, an alias,
    or "Division <namn>") is that division's text; the others are common texts after the sums."""
    names = {}
    for division in config.organisation.divisioner:
        for name in (division.namn, *division.alias):
            names[name] = names[f"Division {name}"] = division.namn
    return sections(blocks, names)


def document_properties(config: Rapport) -> dict[str, object]:
    """A document's properties (core.xml) and document-ID block from its rapport.yaml: title, subject, author, ID, version, date."""
    try:
        published = dt.datetime.fromisoformat(config.dokument.publiceringsdatum)
    except ValueError:
        published = dt.datetime(config.period.year, config.period.month, 1)
    return {
        "titel": f"{config.rubrik} {manad_ar(config.period)}",
        "amne": config.organisation.namn,
        "forfattare": config.dokument.upprattad_av,
        "dokument_id": config.dokument.dokument_id,
        "version": config.dokument.version,
        "datum": published,
    }
