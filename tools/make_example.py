"""Write the bundled example period, inputs/2021-03/.

The key figures are those of Region Norrbotten's report for March 2021
(result 436 mnkr, 7 012 employees of whom 6 387 tillsvidare and 625 vikarier,
telefontillgänglighet 80,1 procent, …); the rest is filled out with smooth,
made-up but plausible series so that every sheet of INPUTS.md is complete.
No randomness that changes between runs (a division's drift comes from a generator seeded with
its name): the same script always writes the same figures. The Vårdval appendix is made by
LibreOffice (tools/example_vardval.py) only when missing or with --vardval; the repository keeps
the committed file, since LibreOffice writes other bytes on every run.

The accounts add up as a region's do: tax income and general grants less net
costs is the operating result, plus the financial net the period's result; the
divisions' gross costs (sheet Kostnader) exceed the region's net costs by the
operating income (patient fees, sales, targeted grants), about a fifth. The
scorecard's outcomes and comments are taken from the same figures.

    python tools/make_example.py
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from example_vardval import vardval_pdf

from reporter.model import Month
from reporter.workbook import write_workbook

ROOT = Path(__file__).resolve().parent.parent
PERIOD = Month(2021, 3)
FIRST = Month(2018, 4)
MONTHS = [FIRST.plus(i) for i in range(36)]

CARE = ["Närsjukvård Luleå-Boden", "Närsjukvård Piteå älvdal", "Närsjukvård Östra Norrbotten", "Närsjukvård Västra Norrbotten", "Länssjukvård"]
DIVISIONS = CARE + ["Folktandvård", "Service", "Länsteknik"]
ALIASES = {
    "Närsjukvård Luleå-Boden": ["NSV LB", "Division Närsjukvård Luleå-Boden"],
    "Närsjukvård Piteå älvdal": ["NSV PÄ"],
    "Närsjukvård Östra Norrbotten": ["NSV ÖN"],
    "Närsjukvård Västra Norrbotten": ["NSV VN"],
    "Länssjukvård": ["LSV", "Division Länssjukvård"],
}


def allocate(total: float, weights: dict[str, float], decimals: int = 0) -> dict[str, float]:
    """Split total over the keys by weight, rounded, summing exactly to total."""
    unit = 10 ** -decimals
    units = round(total / unit)
    whole = sum(weights.values())
    raw = {k: units * w / whole for k, w in weights.items()}
    parts = {k: math.floor(v) for k, v in raw.items()}
    rest = units - sum(parts.values())
    for k in sorted(raw, key=lambda k: (parts[k] - raw[k], k))[:rest]:
        parts[k] += 1
    return {k: round(v * unit, decimals) if decimals else int(v) for k, v in parts.items() if v}


def season(month: Month, amplitude: float = 0.06) -> float:
    """A smooth yearly cycle: highest in January, lowest in July."""
    return 1 + amplitude * math.cos((month.month - 1) / 12 * 2 * math.pi)


# --- ekonomi ------------------------------------------------------------------------------

REGION_POSTS = [  # mnkr: Utfall, Budget, Utfall föregående år, Utfall föregående månad, Prognos helår
    ("Skatteintäkter", 1799.0, 1770.0, 1722.0, 1195.0, 7200.0),
    ("Generella statsbidrag och utjämning", 530.0, 457.0, 461.0, 335.0, 2300.0),
    ("Skatteintäkter och generella statsbidrag", 2329.0, 2227.0, 2183.0, 1530.0, 9500.0),
    ("Nettokostnader", -2100.0, -2180.0, -2127.0, -1400.0, -8900.0),
    ("Verksamhetens resultat", 229.0, 47.0, 56.0, 130.0, 600.0),
    ("Finansnetto", 207.0, 30.0, -413.0, 98.0, 250.0),
    ("Periodens resultat", 436.0, 77.0, -357.0, 228.0, 850.0),
]

DIVISION_RESULTS = {  # tkr: Utfall, Budget, Utfall föregående år, Prognos helår, Budget helår
    "Närsjukvård Luleå-Boden": (-4200, -6000, -12500, -25000, -24000),
    "Närsjukvård Piteå älvdal": (1800, 0, -6300, -5000, 0),
    "Närsjukvård Östra Norrbotten": (-2600, -1500, -9800, -12000, -6000),
    "Närsjukvård Västra Norrbotten": (-3100, -2000, -8400, -14000, -8000),
    "Länssjukvård": (9700, 2000, -9000, -15000, 0),
    "Folktandvård": (4600, 1500, 2100, 3000, 2000),
    "Service": (5300, 1000, 1800, 6000, 2000),
    "Länsteknik": (4500, 500, 2100, 4000, 1000),
}

COST_TYPES = {  # tkr a month in a large care division, and the yearly change
    "Personalkostnader": (190000, 0.02),
    "Inhyrd personal": (12000, 0.25),
    "Läkemedel": (28000, -0.02),
    "Köp av riks- och regionvård": (18000, -0.06),
    "Sjukvårdsmaterial": (10000, 0.03),
    "Lab och blod": (6000, 0.01),
    "Fastighetskostnader": (16000, -0.01),
    "Övriga kostnader": (14000, -0.03),
}
DIVISION_SIZE = {"Närsjukvård Luleå-Boden": 0.55, "Närsjukvård Piteå älvdal": 0.3, "Närsjukvård Östra Norrbotten": 0.27,
                 "Närsjukvård Västra Norrbotten": 0.27, "Länssjukvård": 1.0, "Folktandvård": 0.12, "Service": 0.2, "Länsteknik": 0.1}


def cost_drift(division: str, cost_type: str) -> float:
    """A division's own yearly change of a cost type beside the region's (a fraction), fixed by the two names."""
    return random.Random(f"kostnad {division} {cost_type}").uniform(-0.03, 0.03)


def ekonomi() -> dict[str, list[list[object]]]:
    region = [["Post", "Utfall (mnkr)", "Budget (mnkr)", "Utfall föregående år (mnkr)", "Utfall föregående månad (mnkr)", "Prognos helår (mnkr)"]]
    region += [list(row) for row in REGION_POSTS]
    divisioner = [["Division", "Utfall", "Budget", "Utfall föregående år", "Prognos helår", "Budget helår"]]
    divisioner += [[d, *values] for d, values in DIVISION_RESULTS.items()]
    kostnader = [["Division", "Kostnadsslag", "Månad", "Belopp (tkr)"]]
    for division in DIVISIONS:
        for cost_type, (base, growth) in COST_TYPES.items():
            if cost_type in ("Köp av riks- och regionvård", "Lab och blod") and division not in CARE:
                continue
            own = growth + cost_drift(division, cost_type)  # each division's costs change at their own pace
            for month in MONTHS:
                years = (month.year - 2020) + (month.month - 3) / 12
                # Months differ, and not the same way each year (a wobble by calendar month alone cancels out against
                # the year before and leaves the cost table's change the same in every column).
                index = month.year * 12 + month.month
                wobble = 1 + 0.012 * math.sin(index * 0.83 + len(cost_type)) + 0.006 * math.sin(index * 0.31 + len(division))
                value = base * DIVISION_SIZE[division] * (1 + own) ** years * season(month, 0.04) * wobble
                kostnader.append([division, cost_type, f"{month}", round(value)])
    return {"Region": region, "Divisioner": divisioner, "Kostnader": kostnader}


# --- produktion ---------------------------------------------------------------------------

MEASURES = {  # a month in 2020 for the whole region, and the change in 2021
    "Läkarbesök": (21000, -0.09),
    "Besök övriga vårdgivare": (52000, 0.12),
    "Distanskontakter": (6500, 1.0),
    "Vårdtillfällen": (3650, -0.03),
    "Operationer": (1450, -0.11),
}
CARE_SHARE = {"Närsjukvård Luleå-Boden": 0.24, "Närsjukvård Piteå älvdal": 0.14, "Närsjukvård Östra Norrbotten": 0.127,
              "Närsjukvård Västra Norrbotten": 0.113, "Länssjukvård": 0.38}
ACCESS = {  # mars 2020, februari 2021, mars 2021
    "Telefontillgänglighet primärvård": (82.3, 79.4, 80.1),
    "Medicinsk bedömning inom tre dagar": (93.0, 91.0, 92.0),
    "Väntat högst 90 dagar till besök": (63.0, 45.0, 43.0),
    "Väntat högst 90 dagar till operation/åtgärd": (70.0, 49.0, 47.0),
}
OCCUPANCY = {  # mars 2020, mars 2021
    "Sunderby sjukhus": (89.8, 91.2),
    "Piteå sjukhus": (78.2, 76.4),
    "Gällivare sjukhus": (82.0, 82.0),
    "Kiruna sjukhus": (83.1, 84.5),
    "Kalix sjukhus": (78.9, 80.3),
    "Patienthotellet Vistet": (47.0, 49.0),
}


def _path(month: Month, march_2020: float, february_2021: float, march_2021: float, wobble: float) -> float:
    """A series through the three anchor months, smooth elsewhere."""
    if month == PERIOD:
        return march_2021
    if month == PERIOD.previous:
        return february_2021
    if month == Month(2020, 3):
        return march_2020
    if month < Month(2020, 3):
        return march_2020 + wobble * math.sin(month.month * 1.3)
    steps = (month.year - 2020) * 12 + month.month - 3
    return march_2020 + (february_2021 - march_2020) * steps / 11 + wobble * math.sin(month.month * 1.3)


def production_tilt(division: str, measure: str) -> float:
    """How much a division's change in 2021 differs from the region's (a fraction), fixed by the two names; the tilts
    weighted by the divisions' shares add up to nothing, so the region's change stays the one in MEASURES."""
    def raw(name: str) -> float:
        spread = 0.35 if measure == "Distanskontakter" else 0.07
        return random.Random(f"produktion {name} {measure}").uniform(-spread, spread)

    mean = sum(raw(d) * w for d, w in CARE_SHARE.items()) / sum(CARE_SHARE.values())
    return raw(division) - mean


def produktion() -> tuple[dict[str, list[list[object]]], dict[str, dict[str, str]]]:
    rows = [["Division", "Mått", "Månad", "Värde"]]
    for division, share in CARE_SHARE.items():
        for measure, (base, change) in MEASURES.items():
            own = change + production_tilt(division, measure)
            for month in MONTHS:
                factor = 1 + own if month.year == 2021 else (0.99 if month.year == 2019 else 1.0)
                factor *= 1 + 0.011 * math.sin(month.month * 2.1 + len(measure) + 3 * share)  # months and divisions differ a little
                rows.append([division, measure, f"{month}", round(base * share * factor * season(month))])
    tillganglighet = [["Mått", "Månad", "Andel"]]
    for measure, anchors in ACCESS.items():
        for month in MONTHS:
            tillganglighet.append([measure, month_date(month), round(_path(month, *anchors, 1.2), 1) / 100])
    belaggning = [["Sjukhus", "Månad", "Beläggning (%)"]]
    for hospital, (before, now) in OCCUPANCY.items():
        for month in MONTHS:
            value = now if month == PERIOD else _path(month, before, (before + now) / 2, now, 2.0)
            belaggning.append([hospital, f"{month}", round(value, 1)])
    sheets = {"Produktion": rows, "Tillgänglighet": tillganglighet, "Beläggning": belaggning}
    return sheets, {"Tillgänglighet": {"C": "0.0%"}}


def month_date(month: Month):
    import datetime as dt

    return dt.date(month.year, month.month, 1)


# --- personal -----------------------------------------------------------------------------

GROUPS_MARCH_2021 = {  # (tillsvidare, vikarie/tillfällig)
    "Administration": (780, 45),
    "Administratör vård": (610, 70),
    "Chefer": (390, 5),
    "Läkare": (720, 95),
    "Sjuksköterskor": (1650, 150),
    "Undersköterskor": (1160, 140),
    "Vård och omsorgsarbete": (210, 40),
    "Rehabilitering och förebyggande arbete": (420, 35),
    "Tandvård": (300, 25),
    "Tekniskt arbete": (147, 20),
}
CHANGE_SINCE_FEBRUARY = {"Administratör vård": (6, 7), "Läkare": (5, 4), "Sjuksköterskor": (6, 3), "Vård och omsorgsarbete": (4, 4),
                         "Administration": (-8, -2), "Chefer": (-6, 0), "Undersköterskor": (-1, -2), "Tekniskt arbete": (-2, 0)}
CHANGE_SINCE_MARCH_2020 = {"Administration": (18, 2), "Sjuksköterskor": (5, 5), "Undersköterskor": (4, 8), "Läkare": (-5, -3),
                           "Administratör vård": (6, 4), "Chefer": (6, 0), "Vård och omsorgsarbete": (2, 2),
                           "Rehabilitering och förebyggande arbete": (4, 2), "Tandvård": (3, 1), "Tekniskt arbete": (2, 0)}
CARE_WEIGHTS = {"Närsjukvård Luleå-Boden": 0.22, "Närsjukvård Piteå älvdal": 0.13, "Närsjukvård Östra Norrbotten": 0.11,
                "Närsjukvård Västra Norrbotten": 0.11, "Länssjukvård": 0.43}
GROUP_WEIGHTS = {
    "Administration": {**{d: w * 0.6 for d, w in CARE_WEIGHTS.items()}, "Folktandvård": 0.07, "Service": 0.21, "Länsteknik": 0.12},
    "Chefer": {**{d: w * 0.76 for d, w in CARE_WEIGHTS.items()}, "Folktandvård": 0.08, "Service": 0.1, "Länsteknik": 0.06},
    "Tandvård": {"Folktandvård": 1.0},
    "Tekniskt arbete": {"Service": 0.55, "Länsteknik": 0.45},
}


def division_drift(division: str, spread: float = 1.0) -> float:
    """A division's own yearly drift (a fraction), fixed by its name: divisions change at their own pace, as real ones do."""
    return random.Random(f"drift {division}").uniform(-0.05, 0.05) * spread


def drifting(weights: dict[str, float], month: Month, spread: float = 1.0) -> dict[str, float]:
    """Weights that move apart over time, each division by its own drift, equal to ``weights`` in March 2021."""
    years = (month.year - PERIOD.year) + (month.month - PERIOD.month) / 12
    return {d: w * (1 + division_drift(d, spread)) ** years for d, w in weights.items()}


# Sick leave against the region's level, per division: care and dental care higher, the technical divisions lower.
SICK_LEVEL = {"Närsjukvård Luleå-Boden": 1.03, "Närsjukvård Piteå älvdal": 1.12, "Närsjukvård Östra Norrbotten": 0.94,
              "Närsjukvård Västra Norrbotten": 1.08, "Länssjukvård": 0.97, "Folktandvård": 1.1, "Service": 0.9, "Länsteknik": 0.72}


def _headcount(group: str, form: int, month: Month) -> int:
    march_2021 = GROUPS_MARCH_2021[group][form]
    february_2021 = march_2021 - CHANGE_SINCE_FEBRUARY.get(group, (0, 0))[form]
    march_2020 = march_2021 + CHANGE_SINCE_MARCH_2020.get(group, (0, 0))[form]
    value = _path(month, march_2020, february_2021, march_2021, (2, 1)[form])  # a real series moves a little every month
    if form == 1 and month.month in (6, 7, 8) and month < PERIOD.previous:
        value *= 1.5  # summer substitutes
    return round(value)


def personal() -> dict[str, list[list[object]]]:
    anstallda = [["Division", "Yrkesgrupp", "Anställningsform", "Månad", "Antal"]]
    forms = ("Tillsvidare", "Vikarie/tillfällig")
    for month in MONTHS:
        for group in GROUPS_MARCH_2021:
            weights = GROUP_WEIGHTS.get(group, CARE_WEIGHTS)
            for form_index, form in enumerate(forms):
                for division, count in allocate(_headcount(group, form_index, month), drifting(weights, month, 0.6 + form_index)).items():
                    anstallda.append([division, group, form, f"{month}", count])

    fte_weights = {d: DIVISION_SIZE[d] for d in DIVISIONS}
    arbetad = [["Division", "Månad", "Arbetad tid", "Extratid", "Inhyrd personal"]]
    for month in MONTHS:
        worked = 6150 * season(month, 0.05) * (0.991 if month.year == 2021 else 1.0)
        extra = {PERIOD: 174.0, PERIOD.previous: 208.0}.get(month, 150 + 20 * math.sin(month.month))
        hired = (52.0 if month.year == 2021 else 41.0) + 3 * math.sin(month.month)
        worked_parts = allocate(worked, drifting(fte_weights, month, 0.5), 1)
        extra_parts = allocate(extra, drifting(fte_weights, month, 4), 1)
        hired_parts = allocate(hired, drifting({d: w for d, w in fte_weights.items() if d in CARE}, month, 8), 1)
        for division in DIVISIONS:
            arbetad.append([division, f"{month}", worked_parts.get(division, 0.0), extra_parts.get(division, 0.0), hired_parts.get(division)])

    sjuk = [["Division", "Kön", "Månad", "Sjukfrånvarotimmar", "Ordinarie arbetstid"]]
    size = sum(DIVISION_SIZE.values())
    mean_level = sum(SICK_LEVEL[d] * DIVISION_SIZE[d] for d in DIVISIONS) / size  # the region's level stays as it was
    for month in MONTHS:
        for division in DIVISIONS:
            level = SICK_LEVEL[division] / mean_level * (1 + division_drift(division)) ** ((month.year - 2021) + (month.month - 3) / 12)
            for sex, share, rate in (("Kvinnor", 0.78, 7.0), ("Män", 0.22, 4.1)):
                hours = round(165 * 880 * DIVISION_SIZE[division] * share)
                covid = 1.15 if month.year == 2020 and month.month in (3, 4, 11, 12) else 1.0
                sick = round(hours * rate / 100 * level * covid * (1 + 0.08 * math.cos(month.month / 2)))
                sjuk.append([division, sex, f"{month}", sick, hours])
    return {"Anställda": anstallda, "Arbetad tid": arbetad, "Sjukfrånvaro": sjuk}


RAPPORT_YAML = """\
# Regiondirektörens rapport, mars 2021: vad som byggs och för vem.
rapport: manadsrapport
period: 2021-03
titel: Regiondirektörens rapport

organisation:
  namn: Region Norrbotten
  divisioner:                   # ordningen här är ordningen i rapporten
{divisioner}
dokument:                       # dokument-ID-blocket i varje sidhuvud
  galler_for: Region Norrbotten
  dokument_id: ARBGRP870-1356963637-81
  version: "0.26"
  publiceringsdatum: 2021-04-13
  ansvarig: Anna-Stina Nordmark Nilsson
  upprattad_av: Kirsti Jussila

undertecknare:
  namn: Anna-Stina Nordmark Nilsson
  titel: Regiondirektör

bilagor:                        # numreras 1, 2, 3 … i denna ordning
  - ekonomirapport
  - produktionsrapport
  - personalrapport
  - maluppfyllelse
  - titel: Uppföljning Vårdval primärvård mars 2021
    fil: bilagor/vardval.pdf
"""


# The region's scorecard: goals and their committees as in seed 002; assessments
# counted like it (one goal achieved, 18 partly, one not); measures and comments our own.
GOALS = {
    "Samhälle": [
        ("Hållbart nyttjande av resurser", "RS, RUN"),
        ("Ett brett, starkt näringsliv och civilsamhälle", "RUN"),
        ("God livskvalitet, jämlik och jämställd hälsa", "RS, RUN"),
        ("Tydligt regionalt ledarskap", "RS, RUN"),
    ],
    "Medborgare": [
        ("Goda kommunikationer", "RUN"),
        ("Ett rikt och brett kulturliv", "RUN"),
        ("Stöd och motivation för att främja jämlik och jämställd hälsa", "RS"),
        ("En god, jämlik och samordnad vård för kvinnor och män", "RS"),
    ],
    "Verksamhet": [
        ("Nära vård på nya sätt", "RS"),
        ("En effektiv, säker och hälsofrämjande verksamhet med god jämställd kvalitet oavsett leverantör", "RS"),
        ("Nöjda och delaktiga patienter och invånare", "RS, PN"),
        ("En välkomnande, nytänkande, hållbar och attraktiv verksamhet", "RS, RUN, PN"),
    ],
    "Medarbetare": [
        ("Hållbar kompetensförsörjning oavsett leverantör", "RS"),
        ("Tydlig ledning och styrning", "RS"),
        ("Delaktighet, ansvar, uppskattning och inflytande", "RS"),
        ("Skapa incitament för innovation och nyskapande inom verksamheterna", "RS"),
    ],
    "Ekonomi": [
        ("God ekonomisk hushållning", "RS, RUN, PN"),
        ("Ökade intäkter", "RS, RUN"),
        ("Effektiv verksamhet minst i paritet med rikssnittet", "RS, RUN, PN"),
        ("Investeringar i takt med ekonomin", "RS"),
    ],
}
ACHIEVED = {"Goda kommunikationer": "Uppnått", "En god, jämlik och samordnad vård för kvinnor och män": "Ej uppnått"}


def _post(name: str) -> tuple[float, ...]:
    return next(row[1:] for row in REGION_POSTS if row[0] == name)


def _change(name: str) -> float:
    """Outcome against the year before, in percent, of a region post (net costs as a size)."""
    now, _, before, *_ = _post(name)
    return (abs(now) - abs(before)) / abs(before) * 100


def _sv(value: float, decimals: int = 1) -> str:
    text = f"{value:+.{decimals}f}".replace(".", ",").replace("-", "−")
    return text


DIVISIONS_TOTAL = [sum(values[i] for values in DIVISION_RESULTS.values()) / 1000 for i in range(5)]  # mnkr


def _shown(mnkr: float) -> float:
    """An amount in mnkr as the tables show it (docs/indata.md, Avrundning): one decimal under 100 mnkr, whole mnkr above."""
    return round(mnkr, 1 if abs(mnkr) < 99.95 else 0)


def _trend(now: float, before: float) -> str:
    """The scorecard's arrow: a larger figure (as shown, one decimal) than the previous measurement's is better."""
    now, before = round(now, 1), round(before, 1)
    return "Förbättrad" if now > before else "Försämrad" if now < before else "Oförändrad"


def _margins(net_costs: tuple[float, float], income: tuple[float, float], divisions: list[float]) -> tuple[float, float, float]:
    """What each economy measure's arrow compares, as shown: income growth less cost growth (percentage points), the
    divisions' result against budget and their forecast against the full-year budget (mnkr)."""
    outcome, budget, _, forecast, full_year = divisions
    return (round(_growth(*income), 1) - round(_growth(*net_costs), 1), _shown(outcome) - _shown(budget),
            _shown(forecast) - _shown(full_year))


def _growth(now: float, before: float) -> float:
    return (abs(now) - abs(before)) / abs(before) * 100


def economy_measures(net_costs: tuple[float, float], income: tuple[float, float], divisions: list[float],
                     before: tuple | None = None) -> dict[str, tuple[str, ...]]:
    """The scorecard's economy measures from the economy's own figures: measure → (target, outcome, fulfilment, trend).

    ``net_costs`` and ``income`` are (outcome, last year's) of the region; ``divisions`` the divisions' sums in
    mnkr (outcome, budget, last year, forecast, full-year budget). So bilaga 4 says what bilaga 1 shows.
    ``before``: the same three arguments of the previous measurement (the month before); with it each arrow
    compares with that measurement, as bilaga 4's legend says ("jämfört med föregående mätning").
    """
    cost, revenue = _growth(*net_costs), _growth(*income)
    outcome, budget, last_year, forecast, full_year = divisions
    margins = _margins(net_costs, income, divisions)
    if before is None:  # the first example: the arrows as the March example has always had them
        trends = ("Förbättrad" if cost < revenue else "Försämrad", "Förbättrad" if outcome > last_year else "Försämrad",
                  "Förbättrad" if forecast >= full_year else "Försämrad")
    else:
        trends = tuple(_trend(now, then) for now, then in zip(margins, _margins(*before), strict=True))
    return {
        "Nettokostnadsutveckling": ("Lägre än intäktsutvecklingen", f"{_sv(cost)} % mot {_sv(revenue)} %",
                                    "Uppnått" if cost < revenue else "Ej uppnått", trends[0]),
        "Divisionernas resultat mot budget": ("Minst budget", f"{_sv(margins[1])} mnkr",
                                              "Uppnått" if outcome >= budget else "Ej uppnått", trends[1]),
        "Divisionernas prognos mot helårsbudget": ("Minst budget", f"{_sv(margins[2])} mnkr",
                                                   "Uppnått" if forecast >= full_year else "Ej uppnått", trends[2]),
    }


def _mnkr(value: float) -> str:
    """An amount in mnkr in prose, as the tables show it: ``16,0 mnkr``, ``139 mnkr``."""
    shown = _shown(abs(value))
    return f"{shown:.{1 if shown < 99.95 else 0}f}".replace(".", ",") + " mnkr"


def economy_comment(divisions: list[float]) -> str:
    """The economy goal's comment from the divisions' sums in mnkr (outcome, budget, last year, forecast, full-year
    budget), each figure as the tables show it and each difference the difference of the shown figures."""
    outcome, budget, _, forecast, full_year = divisions

    def against(now: float, plan: float) -> str:
        gap = _shown(now) - _shown(plan)
        return "i nivå med budget" if round(gap, 1) == 0 else f"{_mnkr(gap)} {'bättre' if gap > 0 else 'sämre'} än budget"

    def result(value: float) -> str:
        return f"ett {'överskott' if value >= 0 else 'underskott'} på {_mnkr(value)}"

    return (f"Divisionerna redovisar sammantaget {result(outcome)} för perioden, {against(outcome, budget)}, "
            f"{'men' if (forecast < full_year) != (outcome < budget) else 'och'} prognosen för helåret är {result(forecast)}, "
            f"{against(forecast, full_year)}."
            + (" Divisionerna med underskott tar fram åtgärdsplaner." if forecast < full_year else ""))


ECONOMY_MEASURES = economy_measures(
    (_post("Nettokostnader")[0], _post("Nettokostnader")[2]),
    (_post("Skatteintäkter och generella statsbidrag")[0], _post("Skatteintäkter och generella statsbidrag")[2]),
    DIVISIONS_TOTAL,
)
# Outcome, budget, last year, forecast, full-year budget of all divisions: 16, −4,5, …, −58, −33.
GOAL_COMMENTS = {  # each goal its own account, or none; the economy's from the economy's figures
    "Hållbart nyttjande av resurser": "Flygresorna har fortsatt att minska sedan pandemins början, men verksamhetsytan är oförändrad.",
    "Goda kommunikationer": "Resandet med länstrafiken har återhämtat sig och persontrafiken till Haparanda har startat.",
    "En god, jämlik och samordnad vård för kvinnor och män": (
        "Väntetiderna till besök och operation har ökat under pandemin när planerad vård har fått stå tillbaka."
    ),
    "Nära vård på nya sätt": "Distanskontakterna har fördubblats jämfört med samma period föregående år.",
    "Hållbar kompetensförsörjning oavsett leverantör": "Sjukfrånvaron bland kvinnor är fortsatt över målet, och kostnaden för inhyrd personal har ökat.",
    "Tydlig ledning och styrning": "Medarbetarenkäten genomförs under hösten; målet bedöms utifrån chefernas redovisning.",
    "God ekonomisk hushållning": economy_comment(DIVISIONS_TOTAL),
}
SCORECARD_MEASURES = [
    # (goal, success factor, measure, committee, split by sex, target, outcome(s), fulfilment(s), trend)
    ("Hållbart nyttjande av resurser", "Minskning av klimatpåverkande utsläpp", "Tjänsteresor med flyg (antal personmil)", "RS", False, "Minskning med 15 %", "−22 %", "Uppnått", "Förbättrad"),
    ("Hållbart nyttjande av resurser", "Minskning av klimatpåverkande utsläpp", "Verksamhetsyta", "RS", False, "Minska", "Oförändrad", "Ej uppnått", "Oförändrad"),
    ("God livskvalitet, jämlik och jämställd hälsa", "Unga kvinnor och män är delaktiga i samhällets utveckling", "Andel unga som deltar i projekt", "RUN", True, "Öka", ("34 %", "29 %"), ("Delvis uppnått", "Ej uppnått"), "Förbättrad"),
    ("Goda kommunikationer", "En väl fungerande kollektivtrafik", "Resor med länstrafiken", "RUN", False, "Öka", "+4 %", "Uppnått", "Förbättrad"),
    ("En god, jämlik och samordnad vård för kvinnor och män", "Hög tillgänglighet och effektiva flöden", "Medicinsk bedömning inom tre dagar", "RS", True, "100 %", ("91 %", "93 %"), ("Delvis uppnått", "Delvis uppnått"), "Försämrad"),
    ("En god, jämlik och samordnad vård för kvinnor och män", "Hög tillgänglighet och effektiva flöden", "Väntat högst 90 dagar till besök", "RS", True, "100 %", ("42 %", "44 %"), ("Ej uppnått", "Ej uppnått"), "Försämrad"),
    ("Nära vård på nya sätt", "Nya vårdtjänster med digitala lösningar används", "Antal distanskontakter", "RS", False, "Öka", "+100 %", "Uppnått", "Förbättrad"),
    ("Hållbar kompetensförsörjning oavsett leverantör", "Attraktiv arbetsgivare", "Sjukfrånvaro", "RS", True, "Högst 5,5 %", ("7,3 %", "4,3 %"), ("Ej uppnått", "Uppnått"), "Förbättrad"),
    ("Hållbar kompetensförsörjning oavsett leverantör", "Attraktiv arbetsgivare", "Kostnad för inhyrd personal", "RS", False, "Minska", "+25 %", "Ej uppnått", "Försämrad"),
    ("Tydlig ledning och styrning", None, "Medarbetarenkät: styrning", "RS", False, "Öka", None, "Ej mätt", None),
    *(("God ekonomisk hushållning", "Verksamheten är anpassad till den aktuella intäktsnivån", measure, "RS", False, target, *assessed)
      for measure, (target, *assessed) in ECONOMY_MEASURES.items()),
]


def styrkort() -> dict[str, list[list[object]]]:
    goals = [["Perspektiv", "Strategiskt mål", "Nämnd", "Bedömning", "Bedömning helår", "Kommentar"]]
    perspective_of = {}
    for perspective, items in GOALS.items():
        for goal, committee in items:
            perspective_of[goal] = perspective
            assessment = ACHIEVED.get(goal, "Delvis uppnått")
            goals.append([perspective, goal, committee, assessment, assessment, GOAL_COMMENTS.get(goal)])
    measures = [["Perspektiv", "Strategiskt mål", "Framgångsfaktor", "Styrmått", "Nämnd", "Kön", "Mål", "Utfall",
                 "Måluppfyllelse", "Utveckling", "Kommentar"]]
    for goal, factor, measure, committee, split, target, outcome, fulfilment, trend in SCORECARD_MEASURES:
        rows = [("K", outcome[0], fulfilment[0]), ("M", outcome[1], fulfilment[1])] if split else [(None, outcome, fulfilment)]
        for sex, result, assessed in rows:
            measures.append([perspective_of[goal], goal, factor, measure, committee, sex, target, result, assessed, trend, None])
    return {"Strategiska mål": goals, "Styrmått": measures}


def rapport_yaml() -> str:
    lines = []
    for division in DIVISIONS:
        lines.append(f"    - namn: {division}")
        if division in ALIASES:
            lines.append(f"      alias: [{', '.join(ALIASES[division])}]")
    return RAPPORT_YAML.format(divisioner="\n".join(lines))


ACCESS_IN_VARDVAL = ("Telefontillgänglighet primärvård", "Medicinsk bedömning inom tre dagar")


def write_vardval(path: Path, month: Month, phone: float, assessed: float) -> None:
    """The Vårdval appendix (tools/example_vardval.py), made by LibreOffice: only when missing or asked for with --vardval.

    LibreOffice writes other bytes on every run, so the repository keeps the committed file and a rerun
    leaves it alone.
    """
    if path.is_file() and "--vardval" not in sys.argv[1:]:
        return
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(vardval_pdf(month, phone, assessed))


def main() -> None:
    target = ROOT / "inputs" / str(PERIOD)
    target.mkdir(parents=True, exist_ok=True)
    (target / "rapport.yaml").write_text(rapport_yaml(), encoding="utf-8")
    write_workbook(target / "ekonomi.xlsx", ekonomi())
    sheets, formats = produktion()
    write_workbook(target / "produktion.xlsx", sheets, formats)
    write_workbook(target / "personal.xlsx", personal())
    write_workbook(target / "styrkort.xlsx", styrkort())
    write_vardval(target / "bilagor" / "vardval.pdf", PERIOD, *(ACCESS[m][2] for m in ACCESS_IN_VARDVAL))
    print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
