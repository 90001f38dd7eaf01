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
    """One column of a sheet: its header, what it holds, whether it may be empty.

    ``version`` 2 marks a column the contract's version 2 added: always
    optional, used when it is there, written into blank workbooks of the
    reports that use it. ``may_be_absent`` marks a column beyond the
    contract (Investeringar's Budget helår) that a sheet may leave out; when
    it is there, ``required`` says whether its cells may be empty.
    """

    header: str
    field: str
    kind: Kind
    required: bool = True
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (value, aliases)
    help: str = ""
    maximum: float = 100.0  # a share: the most a cell formatted as percent can plausibly show
    version: int = 1
    may_be_absent: bool = False

    @property
    def choice_values(self) -> list[str]:
        """The allowed values of a choice column, in their written form."""
        return [value for value, _ in self.choices]


@dataclass(frozen=True)
class Sheet:
    """A sheet of a workbook kind: its columns, the columns that key a record, and its version-1 view.

    ``v1_key`` (when the sheet has version-2 columns that split a record)
    is the key of version 1: the records the monthly report uses are the
    sums over it. ``region_only`` names the field that, when filled, takes
    a row out of the region's own figures (``division`` on Tillgänglighet).
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    record: type
    target: str  # attribute of model.Inputs
    help: str = ""
    version: int = 1  # 2: a sheet the contract's version 2 added (always optional)
    v1_key: tuple[str, ...] = ()
    region_only: tuple[str, ...] = ()  # these fields empty: a row of the region's own figures (v1's meaning)
    # All or nothing (filled.py): the rows with the same values of these fields fill each optional number column
    # on every row or on none (() every row of the sheet). None: a blank cell means "not reported" for its row alone.
    filled_together: tuple[str, ...] | None = None

    @property
    def division_column(self) -> Column | None:
        """The column naming the division, or None for the region's own sheets."""
        return next((c for c in self.columns if c.kind is Kind.DIVISION), None)

    @property
    def per_division(self) -> bool:
        """True for a sheet whose every row is a division's (a required Division column); False for the region's own."""
        column = self.division_column
        return column is not None and column.required

    def in_version(self, version: int) -> tuple[Column, ...]:
        """The columns of the contract up to this version (1: as INPUTS.md has them)."""
        return tuple(c for c in self.columns if c.version <= version)

    @property
    def sums(self) -> tuple[str, ...]:
        """The fields that add up over split rows: amounts and numbers."""
        return tuple(c.field for c in self.columns if c.kind in (Kind.AMOUNT, Kind.NUMBER))


@dataclass(frozen=True)
class WorkbookKind:
    """A kind of workbook (ekonomi, produktion, ...): file prefix and sheets."""

    name: str
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        """One of its sheets, by name."""
        return next(s for s in self.sheets if s.name == name)


def _c(header, field, kind, required=True, choices=(), help="", maximum=100.0, version=1, may_be_absent=False):
    return Column(header, field, kind, required, tuple(choices), help, maximum, version, may_be_absent)


def _v2(header, field, kind, choices=(), help=""):
    return Column(header, field, kind, False, tuple(choices), help, version=2)


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
UTVECKLING = (("Förbättrad", ()), ("Oförändrad", ()), ("Försämrad", ()), ("Nytt mått", ()))
# Figures the tool computes for a division's scorecard measure (Styrmått.Nyckeltal, v2).
NYCKELTAL = (
    "resultat", "budgetavvikelse", "prognos", "handlingsplan", "nettokostnadsutveckling", "kostnadsutveckling", "sjukfranvaro", "arbetad_tid",
)

DIVISION = _c("Division", "division", Kind.DIVISION, help="En division i rapport.yaml, namn eller alias.")
MANAD = _c("Månad", "manad", Kind.MONTH, help="Månaden: ett datum i månaden, 2021-03, 202103 eller mars 2021.")
# Version 2: the division's units and activity lines, on every sheet with a Division column.
VERKSAMHETSOMRADE = _v2("Verksamhetsområde", "verksamhetsomrade", Kind.TEXT, help="Divisionens verksamhetsområde (VO), enligt rapport.yaml.")
VERKSAMHET = _v2("Verksamhet", "verksamhet", Kind.TEXT, help="Verksamhetsgren, t.ex. Akut omhänd eller Primärvård.")
SPLIT = (VERKSAMHETSOMRADE, VERKSAMHET)
SPLIT_KEY = ("verksamhetsomrade", "verksamhet")
# Version 2: a Division column that may be empty (empty: the region's own row, as in version 1).
DIVISION_OR_REGION = Column(
    "Division", "division", Kind.DIVISION, False, help="Tom: hela regionen. En division: divisionens egen rad (delårsrapport).", version=2
)

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
                *SPLIT,
                _c("Utfall", "utfall", Kind.AMOUNT, help="Ackumulerat resultat (intäkter − kostnader)."),
                _c("Budget", "budget", Kind.AMOUNT, False),
                _c("Utfall föregående år", "utfall_foregaende_ar", Kind.AMOUNT, False),
                _v2("Utfall föregående månad", "utfall_foregaende_manad", Kind.AMOUNT, help="Resultatet ackumulerat till månaden före perioden."),
                _c("Prognos helår", "prognos_helar", Kind.AMOUNT, False),
                _c("Budget helår", "budget_helar", Kind.AMOUNT, False),
                _v2("Utfall föregående år helår", "utfall_foregaende_ar_helar", Kind.AMOUNT, help="Förra årets resultat för hela året."),
                _v2("Nettokostnad", "nettokostnad", Kind.AMOUNT, help="Externa intäkter − kostnader utan budgettilldelning, ackumulerat."),
                _v2("Nettokostnad föregående år", "nettokostnad_foregaende_ar", Kind.AMOUNT, help="Detsamma för samma månader förra året."),
            ),
            key=("division", *SPLIT_KEY),
            record=model.DivisionResult,
            target="divisioner",
            help="En rad per division med ackumulerat resultat för perioden.",
            v1_key=("division",),
            filled_together=(),
        ),
        Sheet(
            "Kostnader",
            (
                DIVISION,
                *SPLIT,
                _c("Kostnadsslag", "kostnadsslag", Kind.TEXT),
                MANAD,
                _c("Belopp", "belopp", Kind.AMOUNT, help="Månadens kostnad, ej ackumulerad."),
            ),
            key=("division", *SPLIT_KEY, "kostnadsslag", "manad"),
            record=model.Cost,
            target="kostnader",
            help="Kostnad per kostnadsslag och månad (ej ackumulerad).",
            v1_key=("division", "kostnadsslag", "manad"),
        ),
        Sheet(
            "Handlingsplan",
            (
                DIVISION,
                VERKSAMHETSOMRADE,
                _c("Åtgärd", "atgard", Kind.TEXT, help="Åtgärden, eller 'Ekonomisk handlingsplan' när bara summorna finns."),
                _c("Kostnadsslag", "kostnadsslag", Kind.TEXT, False, help="Kostnadsslaget som åtgärden sänker, t.ex. Inhyrd personal."),
                _c("Plan helår", "plan_helar", Kind.AMOUNT, help="Årets uppdrag som en positiv minskning."),
                _c("Plan", "plan", Kind.AMOUNT, False, help="Uppdraget för januari till perioden."),
                _c("Utfall", "utfall", Kind.AMOUNT, False, help="Uppnått januari till perioden."),
                _c("Prognos helår", "prognos_helar", Kind.AMOUNT, False, help="Förväntat för året."),
            ),
            key=("division", "verksamhetsomrade", "atgard"),
            record=model.ActionPlanItem,
            target="handlingsplan",
            help="Den ekonomiska handlingsplanen: åtgärder, uppdrag, utfall och prognos.",
            version=2,
        ),
        Sheet(
            "Resultatpåverkan",
            (
                DIVISION,
                VERKSAMHETSOMRADE,
                _c("Post", "post", Kind.TEXT, help="T.ex. Personalkostnader, Läkemedel, Övriga vårdintäkter."),
                _c("Utfall", "utfall", Kind.AMOUNT, False, help="Påverkan på resultatet januari till perioden (positiv förbättrar)."),
                _c("Prognos helår", "prognos_helar", Kind.AMOUNT, False, help="Detsamma för helåret."),
            ),
            key=("division", "verksamhetsomrade", "post"),
            record=model.ResultEffect,
            target="resultatpaverkan",
            help="Det som påverkar resultatet utanför handlingsplanen.",
            version=2,
        ),
        Sheet(
            "Investeringar",
            (
                DIVISION,
                _c("Investeringstyp", "investeringstyp", Kind.TEXT, help="T.ex. MT-utrustning, IT-utrustning, Fordon."),
                _c("Utfall tidigare beslut", "utfall_tidigare", Kind.AMOUNT, False, help="På beslut från tidigare år, ackumulerat."),
                _c("Utfall årets beslut", "utfall_i_ar", Kind.AMOUNT, False, help="På årets beslut, ackumulerat."),
                _c("Prognos helår", "prognos_helar", Kind.AMOUNT, False),
                _c("Budget helår", "budget_helar", Kind.AMOUNT, help="Årets investeringsbudget. Kolumnen får saknas; finns den ska varje rad ha ett värde.",
                   may_be_absent=True),
            ),
            key=("division", "investeringstyp"),
            record=model.Investment,
            target="investeringar",
            help="Investeringar per typ.",
            version=2,
        ),
        Sheet(
            "Särskilda kostnader",
            (
                DIVISION,
                _c("Händelse", "handelse", Kind.TEXT, help="T.ex. Covid-19: en tabell per händelse."),
                _c("Kategori", "kategori", Kind.TEXT, help="T.ex. Personalkostnader, Förlorade patientintäkter."),
                _c("Utfall", "utfall", Kind.AMOUNT, False, help="Bokfört januari till perioden; tom = ej rapporterat."),
            ),
            key=("division", "handelse", "kategori"),
            record=model.SpecialCost,
            target="sarskilda_kostnader",
            help="Uppföljning av kostnader och förlorade intäkter för en särskild händelse.",
            version=2,
        ),
    ),
)

PRODUKTION = WorkbookKind(
    "produktion",
    (
        Sheet(
            "Produktion",
            (DIVISION, *SPLIT, _c("Mått", "matt", Kind.TEXT), MANAD, _c("Värde", "varde", Kind.NUMBER)),
            key=("division", *SPLIT_KEY, "matt", "manad"),
            record=model.Production,
            target="produktion",
            help="Antal per mått, division och månad.",
            v1_key=("division", "matt", "manad"),
        ),
        Sheet(
            "Tillgänglighet",
            (
                DIVISION_OR_REGION,
                _c("Mått", "matt", Kind.TEXT),
                MANAD,
                _c("Andel", "andel", Kind.SHARE),
                _v2("Antal väntande", "antal_vantande", Kind.NUMBER, help="Patienter som väntar vid månadens slut."),
            ),
            key=("division", "matt", "manad"),
            record=model.Accessibility,
            target="tillganglighet",
            help="Andel i procent (0–100) per mått och månad, för hela regionen (Division tom) eller en division.",
            region_only=("division",),
            filled_together=("division", "matt"),
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
                *SPLIT,
                _c("Yrkesgrupp", "yrkesgrupp", Kind.TEXT),
                _c("Anställningsform", "anstallningsform", Kind.CHOICE, choices=ANSTALLNINGSFORMER),
                MANAD,
                _c("Antal", "antal", Kind.NUMBER, help="Antal anställda vid månadens slut."),
            ),
            key=("division", *SPLIT_KEY, "yrkesgrupp", "anstallningsform", "manad"),
            record=model.Headcount,
            target="anstallda",
            help="Antal anställda vid varje månads slut.",
            v1_key=("division", "yrkesgrupp", "anstallningsform", "manad"),
        ),
        Sheet(
            "Arbetad tid",
            (
                DIVISION,
                *SPLIT,
                _v2("Yrkesgrupp", "yrkesgrupp", Kind.TEXT, help="T.ex. Läkare: skiljer inhyrda läkare från sjuksköterskor."),
                MANAD,
                _c("Arbetad tid", "arbetad_tid", Kind.NUMBER, help="Årsarbetare."),
                _c("Extratid", "extratid", Kind.NUMBER, False, help="Årsarbetare."),
                _v2("Övertid", "overtid", Kind.NUMBER, help="Den del av extratiden som är övertid, årsarbetare."),
                _c("Inhyrd personal", "inhyrd_personal", Kind.NUMBER, False, help="Årsarbetare."),
            ),
            key=("division", *SPLIT_KEY, "yrkesgrupp", "manad"),
            record=model.WorkedTime,
            target="arbetad_tid",
            help="Arbetad tid per månad i årsarbetare.",
            v1_key=("division", "manad"),
            filled_together=("division", *SPLIT_KEY, "yrkesgrupp"),
        ),
        Sheet(
            "Sjukfrånvaro",
            (
                DIVISION,
                *SPLIT,
                _c("Kön", "kon", Kind.CHOICE, choices=KON),
                MANAD,
                _c("Sjukfrånvarotimmar", "sjukfranvarotimmar", Kind.NUMBER),
                _c("Ordinarie arbetstid", "ordinarie_arbetstid", Kind.NUMBER, help="Timmar."),
                _v2("Korttidssjukfrånvarotimmar", "korttid", Kind.NUMBER, help="Timmar i sjukfallens dag 1–14."),
                _v2("Långtidssjukfrånvarotimmar", "langtid", Kind.NUMBER, help="Timmar i sjukfall om 60 dagar eller mer."),
            ),
            key=("division", *SPLIT_KEY, "kon", "manad"),
            record=model.SickLeave,
            target="sjukfranvaro",
            help="Sjukfrånvarotimmar och ordinarie arbetstid per månad.",
            v1_key=("division", "kon", "manad"),
            filled_together=("division", *SPLIT_KEY, "kon"),
        ),
    ),
)

STYRKORT = WorkbookKind(
    "styrkort",
    (
        Sheet(
            "Strategiska mål",
            (
                DIVISION_OR_REGION,
                _c("Perspektiv", "perspektiv", Kind.CHOICE, choices=PERSPEKTIV),
                _c("Strategiskt mål", "strategiskt_mal", Kind.TEXT),
                _v2("Framgångsfaktor", "framgangsfaktor", Kind.TEXT, help="Tom: målets egen rad. Ifylld: en av regionens framgångsfaktorer under målet."),
                _c("Nämnd", "namnd", Kind.TEXT, False),
                _c("Bedömning", "bedomning", Kind.CHOICE, False, BEDOMNING),
                _c("Bedömning helår", "bedomning_helar", Kind.CHOICE, False, BEDOMNING),
                _c("Kommentar", "kommentar", Kind.TEXT, False),
            ),
            key=("division", "perspektiv", "strategiskt_mal", "framgangsfaktor"),
            record=model.StrategicGoal,
            target="strategiska_mal",
            help="Strategiska mål med bedömning.",
            region_only=("division", "framgangsfaktor"),
        ),
        Sheet(
            "Styrmått",
            (
                DIVISION_OR_REGION,
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
                _v2(
                    "Nyckeltal", "nyckeltal", Kind.CHOICE, tuple((n, ()) for n in NYCKELTAL),
                    help="Ett nyckeltal som verktyget räknar ut och skriver som Utfall.",
                ),
            ),
            key=("division", "perspektiv", "strategiskt_mal", "framgangsfaktor", "styrmatt", "kon"),
            record=model.Measure,
            target="styrmatt",
            help="Styrmått per strategiskt mål och framgångsfaktor.",
            region_only=("division",),
        ),
    ),
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
