"""The input contract of INPUTS.md, written down once.

Workbook kinds, their sheets, each sheet's columns (with what a cell must
hold) and the keys that make a record unique. Readers, validation and the
scaffold all work from this table, so the contract lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from . import model


class Kind(str, Enum):
    """What a column's cells hold, and so how they are parsed."""

    TEXT = "text"
    DIVISION = "division"
    MONTH = "month"
    AMOUNT = "amount"  # money; unit from header, default tkr
    NUMBER = "number"
    SHARE = "share"  # percent 0-100
    CHOICE = "choice"


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header, what it holds, whether it may be empty."""

    header: str
    field: str
    kind: Kind
    required: bool = True
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (value, aliases)
    help: str = ""
    maximum: float = 100.0  # a share: the most a cell formatted as percent can plausibly show

    @property
    def choice_values(self) -> list[str]:
        """The allowed values of a choice column, in their written form."""
        return [value for value, _ in self.choices]


@dataclass(frozen=True)
class Sheet:
    """A sheet of a workbook kind: its columns and the columns that key a record."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    record: type
    target: str  # attribute of model.Inputs
    help: str = ""

    @property
    def division_column(self) -> Column | None:
        """The column naming the division, or None for the region's own sheets."""
        return next((c for c in self.columns if c.kind is Kind.DIVISION), None)


@dataclass(frozen=True)
class WorkbookKind:
    """A kind of workbook (ekonomi, produktion, ...): file prefix and sheets."""

    name: str
    sheets: tuple[Sheet, ...]
    needed_by: str = ""  # when set, required only when this appendix is listed in bilagor


def _c(header, field, kind, required=True, choices=(), help="", maximum=100.0):
    return Column(header, field, kind, required, tuple(choices), help, maximum)


ANSTALLNINGSFORMER = (
    ("Tillsvidare", ("tillsvidareanställd", "tillsvidareanställda")),
    ("Vikarie/tillfällig", ("vikarie", "tillfällig", "visstid", "vikarier", "vikarie/tillfälligt anställd")),
)
KON = (("Kvinnor", ("kvinna", "k")), ("Män", ("man", "m")))
KON_KM = (("K", ("kvinnor", "kvinna")), ("M", ("män", "man")))
PERSPEKTIV = tuple(
    (p, ()) for p in ("Samhälle", "Medborgare", "Verksamhet", "Medarbetare", "Ekonomi")
)
BEDOMNING = (("Uppnått", ()), ("Delvis uppnått", ()), ("Ej uppnått", ()))
MALUPPFYLLELSE = BEDOMNING + (("Ej mätt", ()),)
UTVECKLING = (("Förbättrad", ()), ("Oförändrad", ()), ("Försämrad", ()))

DIVISION = _c("Division", "division", Kind.DIVISION, help="En division i rapport.yaml, namn eller alias.")
MANAD = _c("Månad", "manad", Kind.MONTH, help="Månaden: ett datum i månaden, 2021-03, 202103 eller mars 2021.")

EKONOMI = WorkbookKind(
    "ekonomi",
    (
        Sheet(
            "Region",
            (
                _c("Post", "post", Kind.TEXT, help="Resultatpost, t.ex. Periodens resultat."),
                _c("Utfall", "utfall", Kind.AMOUNT, False, help="Ackumulerat utfall januari till perioden."),
                _c("Budget", "budget", Kind.AMOUNT, False, help="Ackumulerad budget för samma period."),
                _c("Utfall föregående år", "utfall_foregaende_ar", Kind.AMOUNT, False),
                _c("Utfall föregående månad", "utfall_foregaende_manad", Kind.AMOUNT, False),
                _c("Prognos helår", "prognos_helar", Kind.AMOUNT, False),
            ),
            key=("post",),
            record=model.RegionPost,
            target="region",
            help="Regionens resultatposter, ackumulerade från januari. Tomma celler betyder ej rapporterat.",
        ),
        Sheet(
            "Divisioner",
            (
                DIVISION,
                _c("Utfall", "utfall", Kind.AMOUNT, help="Ackumulerat resultat (intäkter − kostnader)."),
                _c("Budget", "budget", Kind.AMOUNT, False),
                _c("Utfall föregående år", "utfall_foregaende_ar", Kind.AMOUNT, False),
                _c("Prognos helår", "prognos_helar", Kind.AMOUNT, False),
                _c("Budget helår", "budget_helar", Kind.AMOUNT, False),
            ),
            key=("division",),
            record=model.DivisionResult,
            target="divisioner",
            help="En rad per division med ackumulerat resultat för perioden.",
        ),
        Sheet(
            "Kostnader",
            (
                DIVISION,
                _c("Kostnadsslag", "kostnadsslag", Kind.TEXT),
                MANAD,
                _c("Belopp", "belopp", Kind.AMOUNT, help="Månadens kostnad, ej ackumulerad."),
            ),
            key=("division", "kostnadsslag", "manad"),
            record=model.Cost,
            target="kostnader",
            help="Kostnad per kostnadsslag och månad (ej ackumulerad).",
        ),
    ),
)

PRODUKTION = WorkbookKind(
    "produktion",
    (
        Sheet(
            "Produktion",
            (DIVISION, _c("Mått", "matt", Kind.TEXT), MANAD, _c("Värde", "varde", Kind.NUMBER)),
            key=("division", "matt", "manad"),
            record=model.Production,
            target="produktion",
            help="Antal per mått, division och månad.",
        ),
        Sheet(
            "Tillgänglighet",
            (_c("Mått", "matt", Kind.TEXT), MANAD, _c("Andel", "andel", Kind.SHARE)),
            key=("matt", "manad"),
            record=model.Accessibility,
            target="tillganglighet",
            help="Andel i procent (0–100) per mått och månad för hela regionen.",
        ),
        Sheet(
            "Beläggning",
            (_c("Sjukhus", "sjukhus", Kind.TEXT), MANAD, _c("Beläggning", "belaggning", Kind.SHARE, maximum=200.0)),
            key=("sjukhus", "manad"),
            record=model.Occupancy,
            target="belaggning",
            help="Beläggning i procent (0–100) per sjukhus och månad.",
        ),
    ),
)

PERSONAL = WorkbookKind(
    "personal",
    (
        Sheet(
            "Anställda",
            (
                DIVISION,
                _c("Yrkesgrupp", "yrkesgrupp", Kind.TEXT),
                _c("Anställningsform", "anstallningsform", Kind.CHOICE, choices=ANSTALLNINGSFORMER),
                MANAD,
                _c("Antal", "antal", Kind.NUMBER, help="Antal anställda vid månadens slut."),
            ),
            key=("division", "yrkesgrupp", "anstallningsform", "manad"),
            record=model.Headcount,
            target="anstallda",
            help="Antal anställda vid varje månads slut.",
        ),
        Sheet(
            "Arbetad tid",
            (
                DIVISION,
                MANAD,
                _c("Arbetad tid", "arbetad_tid", Kind.NUMBER, help="Årsarbetare."),
                _c("Extratid", "extratid", Kind.NUMBER, False, help="Årsarbetare."),
                _c("Inhyrd personal", "inhyrd_personal", Kind.NUMBER, False, help="Årsarbetare."),
            ),
            key=("division", "manad"),
            record=model.WorkedTime,
            target="arbetad_tid",
            help="Arbetad tid per månad i årsarbetare.",
        ),
        Sheet(
            "Sjukfrånvaro",
            (
                DIVISION,
                _c("Kön", "kon", Kind.CHOICE, choices=KON),
                MANAD,
                _c("Sjukfrånvarotimmar", "sjukfranvarotimmar", Kind.NUMBER),
                _c("Ordinarie arbetstid", "ordinarie_arbetstid", Kind.NUMBER, help="Timmar."),
            ),
            key=("division", "kon", "manad"),
            record=model.SickLeave,
            target="sjukfranvaro",
            help="Sjukfrånvarotimmar och ordinarie arbetstid per månad.",
        ),
    ),
)

STYRKORT = WorkbookKind(
    "styrkort",
    (
        Sheet(
            "Strategiska mål",
            (
                _c("Perspektiv", "perspektiv", Kind.CHOICE, choices=PERSPEKTIV),
                _c("Strategiskt mål", "strategiskt_mal", Kind.TEXT),
                _c("Nämnd", "namnd", Kind.TEXT, False),
                _c("Bedömning", "bedomning", Kind.CHOICE, False, BEDOMNING),
                _c("Bedömning helår", "bedomning_helar", Kind.CHOICE, False, BEDOMNING),
                _c("Kommentar", "kommentar", Kind.TEXT, False),
            ),
            key=("perspektiv", "strategiskt_mal"),
            record=model.StrategicGoal,
            target="strategiska_mal",
            help="Strategiska mål med bedömning.",
        ),
        Sheet(
            "Styrmått",
            (
                _c("Perspektiv", "perspektiv", Kind.CHOICE, choices=PERSPEKTIV),
                _c("Strategiskt mål", "strategiskt_mal", Kind.TEXT),
                _c("Framgångsfaktor", "framgangsfaktor", Kind.TEXT, False),
                _c("Styrmått", "styrmatt", Kind.TEXT),
                _c("Nämnd", "namnd", Kind.TEXT, False),
                _c("Kön", "kon", Kind.CHOICE, False, KON_KM),
                _c("Mål", "mal", Kind.TEXT, False),
                _c("Utfall", "utfall", Kind.TEXT, False),
                _c("Måluppfyllelse", "maluppfyllelse", Kind.CHOICE, False, MALUPPFYLLELSE),
                _c("Utveckling", "utveckling", Kind.CHOICE, False, UTVECKLING),
                _c("Kommentar", "kommentar", Kind.TEXT, False),
            ),
            key=("perspektiv", "strategiskt_mal", "framgangsfaktor", "styrmatt", "kon"),
            record=model.Measure,
            target="styrmatt",
            help="Styrmått per strategiskt mål och framgångsfaktor.",
        ),
    ),
    needed_by="maluppfyllelse",
)

WORKBOOK_KINDS: tuple[WorkbookKind, ...] = (EKONOMI, PRODUKTION, PERSONAL, STYRKORT)

REQUIRED_REGION_POSTS = (
    "Periodens resultat",
    "Verksamhetens resultat",
    "Finansnetto",
    "Nettokostnader",
    "Skatteintäkter och generella statsbidrag",
)

# Typical row items, listed in INPUTS.md: the scaffold pre-fills them.
TYPICAL_COST_TYPES = (
    "Personalkostnader",
    "Inhyrd personal",
    "Läkemedel",
    "Köp av riks- och regionvård",
    "Sjukvårdsmaterial",
    "Lab och blod",
    "Fastighetskostnader",
    "Övriga kostnader",
)
TYPICAL_MEASURES = ("Läkarbesök", "Besök övriga vårdgivare", "Distanskontakter", "Vårdtillfällen", "Operationer")
