"""Write the bundled tertial example, inputs/2020-09/: the director's report with the divisions' interim reports.

Seed 000 (line numbers below are those of ``cat -n`` on its text, and of
DELARSRAPPORT.md Part 2) is Regiondirektörens rapport for September 2020: a
monthly report whose appendices are six divisions' interim reports per August
2020 (bilaga 1–6), then the production and personnel appendices per August
(bilaga 7 and 8), and no Ekonomirapport. This script writes such a period
(INPUTS-v2.md section 6):

- ``rapport.yaml``: ``rapport: manadsrapport``, ``period: 2020-09``, Region
  Norrbotten with the six divisions of seed 000 in its order, the seed's
  document block, and ``bilagor``: six ``- delarsrapport:`` items (Övriga
  länet's with an explicit ``mapp:``), then ``produktionsrapport`` and
  ``personalrapport`` in mapping form with ``period: 2020-08``, and the
  ``investeringsrapport`` per August (bilaga 9).
- The month's own workbooks (v1 contract, INPUTS.md; the one v2 column is
  ``Divisioner.Utfall föregående månad``): ``ekonomi.xlsx`` (Region posts per
  September, the six divisions' results per September with their August
  results, Kostnader January 2018 – September 2020, and Investeringar January–August
  with the column Budget helår, for the investeringsrapport), ``produktion.xlsx`` and
  ``personal.xlsx`` January 2018 – September 2020.
- ``texter/``: inledning, aktuella händelser, verksamheten, nämnderna, and
  ``delarsrapporter.md`` (the section *Divisionernas delårsrapporter*): our own
  Swedish prose on the seed's topics, with no figure the tool computes.
- ``delarsrapporter/<slug>/`` for each division: a complete delarsrapport period
  folder (INPUTS-v2.md section 1), ``period: 2020-08``, with its own document
  block, the parent's organisation repeated word for word (decision 8), its
  economy (Divisioner, Kostnader, Handlingsplan and Resultatpåverkan where the
  seed implies them), personnel, scorecard, production (care divisions and
  Folktandvård) and short texts.

Coherence: every series exists once, per division, in this script. The month's
workbooks hold all divisions' rows through September 2020; each division folder
holds the same rows of its own division through August 2020 (plus v2-only
columns: Övertid, short- and long-term sick leave). So the divisions' sums are
the region's wherever both exist, by construction. The interim results per
August are the month file's ``Utfall föregående månad``.

The interim figures reproduce seed 000's (l. 105–117, 173–408; DELARSRAPPORT.md
Part 2 table); each constant says which figure it carries ("Seed:"). Where the
seed is silent the figures are ours but plausible; where it contradicts itself
the choice is named ("Seed contradiction:"). Everything is deterministic (each
division's drift is drawn from a generator seeded with its name): the same script always writes the same figures (the workbooks differ
from run to run only in their zip timestamps).

    .venv/bin/python tools/make_example_tertial.py
"""

from __future__ import annotations

import math
import random
import shutil
from collections.abc import Mapping
from pathlib import Path

from example_series import allocate, month_range

from reporter.model import Month
from reporter.workbook import write_workbook

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "inputs" / "2020-09"
PERIOD = Month(2020, 9)  # the director's report
INTERIM = Month(2020, 8)  # the interim reports and the production and personnel appendices (seed l. 119, 411, 474)
FIRST = Month(2018, 1)  # the first month of every series: the interim reports' 13-month cost table needs Jan–Aug 2018



MONTHS = month_range(FIRST, PERIOD)  # every series
# The last month written to the month's produktion.xlsx and personal.xlsx. Seed l. 59–67 tells September's
# headcount, but the tertial report uses these workbooks only for the appendices' month, August, and a
# September column would make `reporter validate` warn that it is not used: the bundled example builds clean.
MONTH_FILES_LAST = INTERIM
INTERIM_MONTHS = month_range(FIRST, INTERIM)  # the division folders' series



def wobble(month: Month, phase: float, amplitude: float = 0.006) -> float:
    """A small deterministic irregularity, so that months differ a little as real ledgers do."""
    return 1 + amplitude * math.sin(month.month * 0.9 + month.year * 0.37 + phase)


def sv(value: float, decimals: int = 1) -> str:
    """A number the Swedish way, for a typed scorecard cell: 6,3."""
    return f"{value:.{decimals}f}".replace(".", ",").replace("-", "−")


# =========================================================================================
# The organisation: seed 000's six divisions in the order of its Bilagor list (l. 1485–1497)
# =========================================================================================

LB, OL, LSV, FTV, SERVICE, LT = (
    "Närsjukvård Luleå-Boden", "Närsjukvård Övriga länet", "Länssjukvård", "Folktandvård", "Service", "Länsteknik",
)
DIVISIONS = [LB, OL, LSV, FTV, SERVICE, LT]
CARE = [LB, OL, LSV]
# The folder of each interim report. Övriga länet's is named by an explicit mapp: (INPUTS-v2.md section 6);
# the others are the default, delarsrapporter/<slug of the division's name>.
FOLDERS = {
    LB: "narsjukvard-lulea-boden", OL: "ovriga-lanet", LSV: "lanssjukvard", FTV: "folktandvard", SERVICE: "service",
    LT: "lansteknik",
}
EXPLICIT_FOLDER = {OL}
# Övriga länet's verksamhetsområden, as inputs/2021-04-ovriga-lanet/rapport.yaml names them; used by its
# Divisioner and Handlingsplan rows (the table per verksamhetsområde of its interim report).
OL_VO = ["Närsjukvård gemensamt", "Närsjukvård Gällivare", "Närsjukvård Kalix", "Närsjukvård Kiruna", "Närsjukvård Piteå"]
GEM, GAL, KAL, KIR, PIT = range(5)

ORGANISATION_YAML = """\
organisation:
  namn: Region Norrbotten
  divisioner:                           # ordningen här är ordningen i rapporten och i bilagelistan
    - namn: Närsjukvård Luleå-Boden
      alias: [NSV LB, Division Närsjukvård Luleå-Boden]
    - namn: Närsjukvård Övriga länet
      alias: [Division Övriga länet, Division Närsjukvård Övriga länet]
      verksamhetsomraden:               # kolumnordningen i delårsrapportens tabeller per verksamhetsområde
        - namn: Närsjukvård gemensamt
          alias: [VO Närsjukvård gemensamt, NSV gemensamt]
        - namn: Närsjukvård Gällivare
          alias: [VO Närsjukvård Gällivare, NO Gällivare]
        - namn: Närsjukvård Kalix
          alias: [VO Närsjukvård Kalix, NO Kalix]
        - namn: Närsjukvård Kiruna
          alias: [VO Närsjukvård Kiruna, NO Kiruna]
        - namn: Närsjukvård Piteå
          alias: [VO Närsjukvård Piteå, NO Piteå]
    - namn: Länssjukvård
      alias: [LSV, Division Länssjukvård]
    - namn: Folktandvård
    - namn: Service
    - namn: Länsteknik
"""


# =========================================================================================
# ekonomi: the divisions' results (tkr)
# =========================================================================================

# Per August 2020 (the interim reports): Utfall, Budget (planned result Jan–Aug), Utfall föregående år
# (Jan–Aug 2019), Prognos helår, Budget helår, Utfall föregående år helår (2019).
# Seed (l. 105–117): the six together −24 mnkr, 33 mnkr worse than budget (Σ Budget +9), 212 mnkr better
# than last year (Σ 2019 −236); forecasts together −139 mnkr, 150 mnkr better than last year (Σ 2019
# helår −289). Better than budget, in the period and in the forecast: Länssjukvård, Service, Länsteknik
# only. The sums below are exact: −24 000, 9 000, −236 000, −139 000, −289 000.
INTERIM_RESULTS = {
    # Seed l. 175–183: "budget i balans" (Budget 0); −25 mnkr against budget; +80 against Jan–Aug 2019;
    # forecast −81 mnkr.
    LB: (-25140, 0, -105260, -80900, 0, -140000),
    # Seed l. 203–211: −44 against budget (a budget in balance, as Luleå-Boden's); +34 against last year;
    # forecast −60.
    OL: (-43880, 0, -77950, -60150, 0, -90000),
    # Seed silent (l. 228–245, prose only) except: better than budget in both (l. 107–117). Länssjukvård
    # carries what is left of the sums: +26,8 mnkr against a planned +5.
    LSV: (26790, 5000, -61800, 16650, 0, -64000),
    # Seed l. 266–270: deviation from budget −18,3 mnkr (read as January–August, see ekonomi below);
    # forecast −25,9 against a budget of 0.
    FTV: (-18310, 0, -6400, -25900, 0, -9500),
    # Seed l. 352–354: 24 mnkr better than budget; forecast +3,5 mnkr (better than a year budget of 0).
    SERVICE: (26040, 2000, 9200, 3500, 0, 8000),
    # Seed l. 388–390: result +10,5 mnkr, forecast +7,8 mnkr; both better than budget (l. 107–117).
    LT: (10500, 2000, 6210, 7800, 3000, 6500),
}

# Per September 2020 (the month file's Divisioner): Utfall, Budget, Utfall föregående år (Jan–Sep 2019),
# Prognos helår, Budget helår. Utfall föregående månad is the interim Utfall above, so the month file and
# the interim reports say the same of August.
# Seed (l. 69–71): the divisions' result in September is −7 mnkr, "21 mnkr bättre än i augusti".
# Seed contradiction: 21 mnkr better would put August at −28 mnkr, but the interim reports per August add
# up to −24 mnkr (l. 105). The inputs keep September's −7 (exact) and the interim reports' August, so the
# month's change comes out +17 mnkr, not +21. The forecasts are those of the interim reports.
SEPTEMBER_RESULTS = {
    LB: (-21300, 0, -118400, -80900, 0),
    OL: (-40100, 0, -86700, -60150, 0),
    LSV: (33500, 5200, -66300, 16650, 0),
    FTV: (-17900, 0, -7500, -25900, 0),
    SERVICE: (27800, 1800, 9600, 3500, 0),
    LT: (11000, 2250, 6800, 7800, 3000),
}

# Övriga länet per verksamhetsområde (the interim report's tables per VO): Utfall, Utfall föregående år,
# Prognos helår, Utfall föregående år helår; Budget and Budget helår are 0 in every VO. Piteå is the one
# area that kept to its action plan (seed l. 217–219) and has the best result.
OL_SPLIT = {
    GEM: (-3000, -6000, -4000, -7000),
    GAL: (-12000, -20000, -16000, -23000),
    KAL: (-16880, -26000, -22150, -30000),
    KIR: (-14000, -18950, -18000, -21000),
    PIT: (2000, -7000, 0, -9000),
}
OL_VO_SIZE = [0.10, 0.22, 0.20, 0.18, 0.30]  # how the net cost spreads over the VO

# Länssjukvård per Verksamhet (no verksamhetsområden): Utfall, Budget, Utfall föregående år, Prognos helår,
# Budget helår, Utfall föregående år helår. Seed l. 229–237: planned visits, treatments and screening closed,
# intensive care and the laboratories expanded.
LSV_SPLIT = {
    "Opererande specialiteter": (9500, 1500, -25000, 6000, 0, -26000),
    "Medicinska specialiteter": (4200, 1000, -14000, 1000, 0, -15000),
    "Kvinnosjukvård och barn": (3100, 500, -6000, 2500, 0, -6500),
    "Diagnostik och laboratorier": (11800, 1000, -2800, 14150, 0, -3500),
    "Anestesi och intensivvård": (-6810, 0, -9000, -12000, 0, -9000),
    "Divisionsgemensamt": (5000, 1000, -5000, 5000, 0, -4000),
}
LSV_SIZE = [0.30, 0.25, 0.12, 0.13, 0.12, 0.08]

# External revenue as a share of the division's costs (this year, last year): the net cost
# (INPUTS-v2.md: external revenue − cost, without the budget allocation) is −cost × (1 − share).
# In 2020 the care divisions got covid compensation; Folktandvård lost patient fees.
REVENUE_SHARE = {LB: (0.15, 0.13), OL: (0.15, 0.13), LSV: (0.17, 0.16), FTV: (0.50, 0.55), SERVICE: (0.10, 0.12), LT: (0.06, 0.06)}


def check_sums() -> None:
    """The seed's aggregate figures (l. 105–117), asserted: the script fails if a constant is changed wrongly."""
    columns = list(zip(*INTERIM_RESULTS.values(), strict=True))
    utfall, budget, last_year, forecast, budget_year, last_year_full = (sum(c) for c in columns)
    assert (utfall, utfall - budget, utfall - last_year) == (-24000, -33000, 212000), "seed l. 105–107"
    assert (forecast, forecast - last_year_full) == (-139000, 150000), "seed l. 113–115"
    better = [d for d, r in INTERIM_RESULTS.items() if r[0] > r[1]]
    better_forecast = [d for d, r in INTERIM_RESULTS.items() if r[3] > r[4]]
    assert better == better_forecast == [LSV, SERVICE, LT], "seed l. 107–117"
    assert sum(r[0] for r in SEPTEMBER_RESULTS.values()) == -7000, "seed l. 69–71"
    for i, total in ((0, INTERIM_RESULTS[OL][0]), (1, INTERIM_RESULTS[OL][2]), (2, INTERIM_RESULTS[OL][3]), (3, INTERIM_RESULTS[OL][5])):
        assert sum(v[i] for v in OL_SPLIT.values()) == total
    for i in range(6):
        assert sum(v[i] for v in LSV_SPLIT.values()) == INTERIM_RESULTS[LSV][i]


# =========================================================================================
# ekonomi: the action plans and the result effects outside them (tkr)
# =========================================================================================

# (Verksamhetsområde, Åtgärd, Kostnadsslag, Plan helår, Plan (Jan–Aug), Utfall, Prognos helår)
HANDLINGSPLAN: dict[str, list[tuple[int | None, str, str, int, int, int, int]]] = {
    # Seed l. 175–195: uppdrag 159 mnkr; per August 47 % achieved, 49 mnkr (Σ Utfall 49 000 of Σ Plan
    # 104 300 = 47,0 %); the shortfall is mainly the cost of the division's own staff.
    LB: [
        (None, "Anpassad bemanning, egen personal", "Personalkostnader", 95000, 62300, 14000, 28000),
        (None, "Minskad inhyrd personal", "Inhyrd personal", 34000, 22300, 21500, 31000),
        (None, "Samordning av vårdplatser", "Personalkostnader", 18000, 11800, 6000, 9000),
        (None, "Läkemedel och sjukvårdsmaterial", "Läkemedel", 12000, 7900, 7500, 10000),
    ],
    # Seed l. 203–219: uppdrag 112 mnkr; 81 % achieved, 56 mnkr (56 000 / 69 100 = 81,0 %); every
    # närsjukvårdsområde but Piteå failed to cut the cost of its own and hired staff.
    OL: [
        (PIT, "Anpassad bemanning, egen personal", "Personalkostnader", 30000, 18500, 19500, 30000),
        (PIT, "Minskad inhyrd personal", "Inhyrd personal", 6000, 3700, 4000, 6000),
        (GAL, "Anpassad bemanning, egen personal", "Personalkostnader", 16000, 9900, 7500, 12000),
        (GAL, "Minskad inhyrd personal", "Inhyrd personal", 8000, 4900, 3600, 5500),
        (KAL, "Anpassad bemanning, egen personal", "Personalkostnader", 18000, 11100, 7200, 11000),
        (KAL, "Minskad inhyrd personal", "Inhyrd personal", 6000, 3700, 2900, 4500),
        (KIR, "Anpassad bemanning, egen personal", "Personalkostnader", 14000, 8600, 6300, 9500),
        (KIR, "Minskad inhyrd personal", "Inhyrd personal", 7000, 4300, 3100, 4800),
        (GEM, "Samordnad läkemedelsanvändning", "Läkemedel", 7000, 4400, 1900, 3500),
    ],
    # Seed l. 282–288: the action plan's control points nearly all green, the division does better than
    # the savings programme asks (115 %); "ytterligare kostnadsbesparingar" 1,4 mnkr beyond the plan for
    # the year, which the budgeted revenue requirement cancels (Resultatpåverkan below).
    FTV: [
        (None, "Minskade lokalkostnader", "Fastighetskostnader", 3000, 2000, 2300, 3400),
        (None, "Effektivare materialhantering", "Sjukvårdsmaterial", 2000, 1300, 1500, 2300),
        (None, "Anpassad administration", "Personalkostnader", 3000, 2000, 2300, 3700),
    ],
    # Seed l. 368–370: måluppfyllelse 104 % in August (13 830 / 13 300 = 104,0 %).
    SERVICE: [
        (None, "Effektivare lokalvård och logistik", "Personalkostnader", 9000, 6000, 6330, 9300),
        (None, "Samordnade transporter", "Övriga kostnader", 6000, 4000, 4200, 6200),
        (None, "Minskad energianvändning", "Fastighetskostnader", 5000, 3300, 3300, 5000),
    ],
    # Seed l. 382–395: 4 mnkr better than the action plan on personnel costs (8 000 − 4 000); only a few of
    # the savings identified in the review are carried out.
    LT: [
        (None, "Minskade personalkostnader", "Personalkostnader", 6000, 4000, 8000, 9000),
        (None, "Kostnadsbesparingar enligt genomlysningen", "Övriga kostnader", 5000, 3300, 800, 1500),
    ],
    # Länssjukvård: the seed names no action plan (l. 228–245); none is given.
}
# (Post, Utfall Jan–Aug, Prognos helår). Each division's sums equal the computed "oplanerat" (INPUTS-v2.md
# section 3: (Utfall − Budget) − (Σ Utfall − Σ Plan), and the same for the year) exactly.
RESULTATPAVERKAN: dict[str, list[tuple[str, int, int]]] = {
    # Seed l. 185–186: compensation for covid-19 partly counted in the forecast.
    # Oplanerat: −25 140 − (49 000 − 104 300) = +30 160; year −80 900 − (78 000 − 159 000) = +100.
    LB: [
        ("Ersättning för covid-19", 40000, 62000),
        ("Merkostnader för covid-19", -30000, -52000),
        ("Lägre kostnader vid minskad vårdproduktion", 28000, 16000),
        ("Övriga vårdintäkter", -7840, -25900),
    ],
    # Seed l. 209–211: the forecast includes the extra cost of handling the pandemic.
    # Oplanerat: −43 880 − (56 000 − 69 100) = −30 780; year −60 150 − (86 800 − 112 000) = −34 950.
    OL: [
        ("Merkostnader för covid-19", -42000, -65000),
        ("Ersättning för covid-19", 18000, 45000),
        ("Lägre kostnader vid minskad vårdproduktion", 9000, 10000),
        ("Övriga vårdintäkter", -15780, -24950),
    ],
    # Seed l. 270–274: of the forecast's deterioration 18 mnkr is the pandemic and 7,9 mnkr the lower
    # staffing; further cost savings (the action plan's +1,4 mnkr) and the budgeted revenue requirement
    # cancel out. Oplanerat: −18 310 − (6 100 − 5 300) = −19 110; year −25 900 − (9 400 − 8 000) = −27 300.
    FTV: [
        ("Produktionsbortfall på grund av pandemin", -13600, -18000),
        ("Lägre bemanning än planerat", -4600, -7900),
        ("Budgeterat intäktsbeting", -910, -1400),
    ],
    # Seed l. 354–366: the surplus is property costs, abnormally low patient-transport costs and lower staff
    # costs; the autumn brings high patient-transport costs, more property maintenance and the pandemic's
    # effect on catering and the patient hotel.
    # Oplanerat: 24 040 − (13 830 − 13 300) = +23 510; year 3 500 − (20 500 − 20 000) = +3 000.
    SERVICE: [
        ("Fastighetsrelaterade kostnader", 9000, 2000),
        ("Sjukresor", 8510, -3000),
        ("Personalkostnader", 7000, 7000),
        ("Kost och patienthotell", -1000, -3000),
    ],
}


def check_action_plans() -> None:
    """The seed's action-plan figures and the result bridge (warning otherwise), asserted."""
    def sums(division):
        rows = HANDLINGSPLAN[division]
        return [sum(r[i] for r in rows) for i in range(3, 7)]

    for division, (uppdrag, achieved, percent) in {LB: (159000, 49000, 47), OL: (112000, 56000, 81), SERVICE: (None, None, 104)}.items():
        plan_year, plan, utfall, _ = sums(division)
        assert round(utfall / plan * 100) == percent and uppdrag in (None, plan_year) and achieved in (None, utfall), division
    lt = HANDLINGSPLAN[LT][0]
    assert lt[5] - lt[4] == 4000, "seed l. 384–386"
    for division, effects in RESULTATPAVERKAN.items():
        utfall, budget, _, forecast, budget_year, _ = INTERIM_RESULTS[division]
        plan_year, plan, achieved, plan_forecast = sums(division)
        assert sum(e[1] for e in effects) == (utfall - budget) - (achieved - plan), division
        assert sum(e[2] for e in effects) == (forecast - budget_year) - (plan_forecast - plan_year), division


# =========================================================================================
# ekonomi: Kostnader, per division and cost type, January 2018 – September 2020 (tkr a month)
# =========================================================================================

COST_BASE_2019 = {  # a month of 2019
    LB: {"Personalkostnader": 92000, "Inhyrd personal": 7000, "Läkemedel": 18000, "Köp av riks- och regionvård": 9000,
         "Sjukvårdsmaterial": 7000, "Lab och blod": 7500, "Fastighetskostnader": 9500, "Övriga kostnader": 10000},
    OL: {"Personalkostnader": 98000, "Inhyrd personal": 9500, "Läkemedel": 24000, "Köp av riks- och regionvård": 3500,
         "Sjukvårdsmaterial": 7000, "Lab och blod": 8000, "Fastighetskostnader": 9000, "Övriga kostnader": 11000},
    LSV: {"Personalkostnader": 150000, "Inhyrd personal": 8000, "Läkemedel": 30000, "Köp av riks- och regionvård": 32000,
          "Sjukvårdsmaterial": 18000, "Lab och blod": 9000, "Fastighetskostnader": 11000, "Övriga kostnader": 12000},
    FTV: {"Personalkostnader": 21000, "Sjukvårdsmaterial": 2500, "Fastighetskostnader": 2800, "Övriga kostnader": 3700},
    SERVICE: {"Personalkostnader": 24000, "Sjukresor": 9000, "Fastighetskostnader": 18000, "Övriga kostnader": 9000},
    LT: {"Personalkostnader": 14000, "Fastighetskostnader": 1500, "Övriga kostnader": 14500},
}
# Seed l. 193–195 and 223–225: the cost development January–August 2020 against the same months of 2019 is
# −2,6 % for Luleå-Boden and +1,1 % for Övriga länet. The others are ours.
COST_CHANGE_TARGET = {LB: -2.6, OL: 1.1, LSV: 2.4, FTV: -3.5, SERVICE: -4.2, LT: 0.9}
COST_GROWTH_2019 = {  # 2018 → 2019
    "Personalkostnader": 0.032, "Inhyrd personal": 0.08, "Läkemedel": 0.055, "Köp av riks- och regionvård": 0.04,
    "Sjukvårdsmaterial": 0.025, "Lab och blod": 0.03, "Fastighetskostnader": 0.02, "Övriga kostnader": 0.015, "Sjukresor": 0.035,
}
COST_TYPE_2020 = {  # each type's change in 2020 before the division's own level is set
    "Personalkostnader": 0.015, "Inhyrd personal": -0.12, "Läkemedel": 0.02, "Köp av riks- och regionvård": -0.14,
    "Sjukvårdsmaterial": 0.15, "Lab och blod": 0.10, "Fastighetskostnader": 0.01, "Övriga kostnader": -0.08, "Sjukresor": -0.12,
}
# Service worked 47 årsarbetare less (seed l. 370–372) and reports lower staff costs than planned (l. 358):
# its staff costs fall, unlike the care divisions'.
COST_TYPE_2020_SERVICE = {"Personalkostnader": -0.04, "Fastighetskostnader": 0.01, "Övriga kostnader": -0.03}
PANDEMIC_2020 = {  # extra shape in the spring of 2020: month → factor
    "Köp av riks- och regionvård": {4: 0.65, 5: 0.7, 6: 0.85},
    "Sjukvårdsmaterial": {3: 1.3, 4: 1.35, 5: 1.2},
    "Lab och blod": {4: 1.2, 5: 1.15},
    "Sjukresor": {4: 0.55, 5: 0.6, 6: 0.7},
    "Personalkostnader": {3: 1.03, 4: 1.04, 5: 1.03},
}
COST_SUMMER = {"Personalkostnader": {6: 0.95, 7: 0.86, 8: 0.94}, "Inhyrd personal": {6: 1.25, 7: 1.5, 8: 1.25}}


def cost_series() -> dict[str, dict[str, dict[Month, int]]]:
    """Division → cost type → month → tkr; each division's Jan–Aug 2020 against Jan–Aug 2019 hits its target."""
    result: dict[str, dict[str, dict[Month, int]]] = {}
    for d_index, (division, types) in enumerate(COST_BASE_2019.items()):
        raw: dict[str, dict[Month, float]] = {}
        for t_index, (name, base) in enumerate(types.items()):
            values = {}
            for month in MONTHS:
                shape = (1 + 0.03 * math.cos((month.month - 1) / 12 * 2 * math.pi)) * COST_SUMMER.get(name, {}).get(month.month, 1.0)
                change = (COST_TYPE_2020_SERVICE if division == SERVICE else {}).get(name, COST_TYPE_2020[name])
                level = {2018: base / (1 + COST_GROWTH_2019[name]), 2019: base, 2020: base * (1 + change)}[month.year]
                if month.year == 2020:
                    shape *= PANDEMIC_2020.get(name, {}).get(month.month, 1.0)
                values[month] = level * shape * wobble(month, d_index * 1.7 + t_index, 0.012)
            raw[name] = values
        current, before = INTERIM.year_to_date(), [m.year_before for m in INTERIM.year_to_date()]
        now = sum(raw[n][m] for n in raw for m in current)
        then = sum(raw[n][m] for n in raw for m in before)
        scale = then * (1 + COST_CHANGE_TARGET[division] / 100) / now  # the whole of 2020 moves with it
        result[division] = {
            name: {m: round(v * (scale if m.year == 2020 else 1.0)) for m, v in values.items()} for name, values in raw.items()
        }
    return result


COSTS = cost_series()


def ytd_cost(division: str, year: int) -> int:
    return sum(v for values in COSTS[division].values() for m, v in values.items() if m.year == year and m.month <= INTERIM.month)


def net_costs(division: str) -> tuple[int, int]:
    """Nettokostnad Jan–Aug 2020 and 2019 (tkr, negative) from the costs and the revenue shares."""
    now, before = REVENUE_SHARE[division]
    return -round(ytd_cost(division, 2020) * (1 - now)), -round(ytd_cost(division, 2019) * (1 - before))


# =========================================================================================
# ekonomi: the region's posts per September 2020 (mnkr)
# =========================================================================================

# Post, Utfall, Budget, Utfall föregående år, Utfall föregående månad (per August), Prognos helår.
# Seed l. 45–57: periodens resultat 431 mnkr, 84 better than August (347); net costs 1,6 % lower than last
# year (6 554 against 6 661: −1,61 %) and 257 lower than budget (6 811); verksamhetens resultat 656, 54 better
# than August (602) and 355 better than budget (301); the pension portfolio's value up (finansnetto −255 →
# −225). Seed l. 72–74: hälsocentralerna i egen regi −37 mnkr, 1 mnkr better than August. The rest is ours,
# and the accounts add up: skatter och bidrag − nettokostnader = verksamhetens resultat; + finansnetto =
# periodens resultat, in every column.
REGION_POSTS = [
    ("Skatteintäkter", 5340, 5420, 5205, 4760, 7150),
    ("Generella statsbidrag och utjämning", 1870, 1692, 1745, 1660, 2530),
    ("Skatteintäkter och generella statsbidrag", 7210, 7112, 6950, 6420, 9680),
    ("Nettokostnader", -6554, -6811, -6661, -5818, -8860),
    ("Verksamhetens resultat", 656, 301, 289, 602, 820),
    ("Finansnetto", -225, -200, -310, -255, -320),
    ("Periodens resultat", 431, 101, -21, 347, 500),
    ("Hälsocentraler i egen regi", -37, -24, -52, -38, -50),
]


def check_region() -> None:
    posts = {p[0]: p[1:] for p in REGION_POSTS}
    for i in range(5):
        assert posts["Skatteintäkter"][i] + posts["Generella statsbidrag och utjämning"][i] == posts["Skatteintäkter och generella statsbidrag"][i]
        assert posts["Skatteintäkter och generella statsbidrag"][i] + posts["Nettokostnader"][i] == posts["Verksamhetens resultat"][i]
        assert posts["Verksamhetens resultat"][i] + posts["Finansnetto"][i] == posts["Periodens resultat"][i]
    assert round((6554 - 6661) / 6661 * 100, 1) == -1.6


def ekonomi_month() -> dict[str, list[list[object]]]:
    region: list[list[object]] = [["Post", "Utfall (mnkr)", "Budget (mnkr)", "Utfall föregående år (mnkr)",
                                   "Utfall föregående månad (mnkr)", "Prognos helår (mnkr)"]]
    region += [list(p) for p in REGION_POSTS]
    divisioner: list[list[object]] = [["Division", "Utfall (tkr)", "Budget (tkr)", "Utfall föregående år (tkr)",
                                       "Utfall föregående månad (tkr)", "Prognos helår (tkr)", "Budget helår (tkr)"]]
    for division in DIVISIONS:
        utfall, budget, last_year, forecast, budget_year = SEPTEMBER_RESULTS[division]
        divisioner.append([division, utfall, budget, last_year, INTERIM_RESULTS[division][0], forecast, budget_year])
    return {"Region": region, "Divisioner": divisioner, "Kostnader": kostnader_rows(DIVISIONS, PERIOD), "Investeringar": investeringar_rows()}


# The region's investments January–August 2020 per division and type (tkr), for the investeringsrapport (bilaga 9,
# per August like the interim reports): (type, outcome on earlier years' decisions, on this year's, forecast for the
# year, budget for the year). Not in seed 000; ours, plausible for a region of Norrbotten's size: about 200 mnkr of
# equipment a year, a little over half spent by August, Länssjukvård's medical equipment above budget (intensive
# care equipment bought for covid-19), vehicles a little above (Service's transport fleet, Övriga länet's cars).
# Whole hundreds of tkr, so that the table's one decimal in mnkr adds up as printed (0,2 + 1,0 = 1,2, not 1,1).
# None: nothing on earlier years' decisions.
INVESTMENTS: dict[str, list[tuple[str, int | None, int, int, int]]] = {
    LB: [("MT-utrustning", 4900, 7300, 24600, 26000), ("IT-utrustning", 600, 1500, 3900, 4200),
         ("Övriga inventarier", 300, 1100, 2800, 3000)],
    OL: [("MT-utrustning", 3900, 6200, 21300, 22500), ("IT-utrustning", 400, 1300, 3400, 3500),
         ("Fordon", None, 1900, 2600, 2400), ("Övriga inventarier", 200, 1000, 2500, 2800)],
    LSV: [("MT-utrustning", 11300, 21900, 64800, 58000), ("IT-utrustning", 900, 2300, 5900, 6500),
          ("Fordon", 2200, 3500, 9400, 9800), ("Övriga inventarier", 500, 1600, 4100, 4500)],
    FTV: [("MT-utrustning", 1100, 2700, 7200, 7500), ("IT-utrustning", 100, 500, 1300, 1400),
          ("Övriga inventarier", None, 300, 800, 900)],
    SERVICE: [("Fordon", 3400, 4900, 12900, 12500), ("IT-utrustning", 200, 800, 2000, 2100),
              ("Övriga inventarier", 800, 2100, 5600, 5800)],
    LT: [("IT-utrustning", 4800, 8900, 20400, 21000), ("MT-utrustning", 900, 1900, 5700, 6000),
         ("Övriga inventarier", 100, 400, 1100, 1200)],
}


def check_investments() -> None:
    """The investeringsrapport's figures as the generated summary states them (mnkr, one decimal)."""
    rows = [row for division in DIVISIONS for row in INVESTMENTS[division]]
    outcome = sum((earlier or 0) + this_year for _, earlier, this_year, _, _ in rows)
    forecast = sum(row[3] for row in rows)
    budget = sum(row[4] for row in rows)
    assert (outcome, forecast, budget) == (108700, 202300, 201600)  # 108,7 of 202,3 mnkr, 53,7 %; 0,7 mnkr above budget
    assert all(value is None or value % 100 == 0 for row in rows for value in row[1:])
    assert round(outcome / forecast * 100, 1) == 53.7
    above = [(division, row[0]) for division in DIVISIONS for row in INVESTMENTS[division] if row[3] > row[4]]
    assert above == [(OL, "Fordon"), (LSV, "MT-utrustning"), (SERVICE, "Fordon")]


def investeringar_rows() -> list[list[object]]:
    rows: list[list[object]] = [["Division", "Investeringstyp", "Utfall tidigare beslut (tkr)", "Utfall årets beslut (tkr)",
                                 "Prognos helår (tkr)", "Budget helår (tkr)"]]
    for division in DIVISIONS:
        rows += [[division, kind, earlier, this_year, forecast, budget] for kind, earlier, this_year, forecast, budget in INVESTMENTS[division]]
    return rows


def kostnader_rows(divisions: list[str], last: Month) -> list[list[object]]:
    rows: list[list[object]] = [["Division", "Kostnadsslag", "Månad", "Belopp (tkr)"]]
    for division in divisions:
        for name, values in COSTS[division].items():
            rows += [[division, name, str(m), v] for m, v in values.items() if m <= last]
    return rows


def ekonomi_division(division: str) -> dict[str, list[list[object]]]:
    """The interim report's economy: Divisioner (split for Övriga länet and Länssjukvård), Kostnader, plan, effects."""
    header: list[object] = ["Division", "Utfall (tkr)", "Budget (tkr)", "Utfall föregående år (tkr)", "Prognos helår (tkr)", "Budget helår (tkr)",
              "Utfall föregående år helår (tkr)", "Nettokostnad (tkr)", "Nettokostnad föregående år (tkr)"]
    net_now, net_before = net_costs(division)
    if division == OL:
        rows: list[list[object]] = [header[:1] + ["Verksamhetsområde"] + header[1:]]
        for o, now, before in zip(OL_SPLIT, allocate(net_now, OL_VO_SIZE), allocate(net_before, OL_VO_SIZE), strict=True):
            utfall, last_year, forecast, last_year_full = OL_SPLIT[o]
            rows.append([division, "VO " + OL_VO[o], utfall, 0, last_year, forecast, 0, last_year_full, now, before])
    elif division == LSV:
        rows = [header[:1] + ["Verksamhet"] + header[1:]]
        for name, now, before in zip(LSV_SPLIT, allocate(net_now, LSV_SIZE), allocate(net_before, LSV_SIZE), strict=True):
            rows.append([division, name, *LSV_SPLIT[name], now, before])
    else:
        rows = [header, [division, *INTERIM_RESULTS[division], net_now, net_before]]
    sheets = {"Divisioner": rows, "Kostnader": kostnader_rows([division], INTERIM)}
    if division in HANDLINGSPLAN:
        plan: list[list[object]] = [["Division", "Verksamhetsområde", "Åtgärd", "Kostnadsslag", "Plan helår (tkr)", "Plan (tkr)",
                                     "Utfall (tkr)", "Prognos helår (tkr)"]]
        plan += [[division, None if vo is None else "VO " + OL_VO[vo], *rest] for vo, *rest in HANDLINGSPLAN[division]]
        sheets["Handlingsplan"] = plan
    if division in RESULTATPAVERKAN:
        effects: list[list[object]] = [["Division", "Post", "Utfall (tkr)", "Prognos helår (tkr)"]]
        effects += [[division, *row] for row in RESULTATPAVERKAN[division]]
        sheets["Resultatpåverkan"] = effects
    return sheets


# =========================================================================================
# produktion: per division and month; the region's figures are their sums
# =========================================================================================

PRODUCTION_BASE_2019 = {  # a month of 2019 before the season
    LB: {"Läkarbesök": 7800, "Besök övriga vårdgivare": 18500, "Distanskontakter": 1600, "Vårdtillfällen": 950},
    OL: {"Läkarbesök": 9200, "Besök övriga vårdgivare": 21000, "Distanskontakter": 1900, "Vårdtillfällen": 1250, "Operationer": 330},
    LSV: {"Läkarbesök": 8600, "Besök övriga vårdgivare": 13500, "Distanskontakter": 1300, "Vårdtillfällen": 1700, "Operationer": 1120},
    # Folktandvård counts dental visits and the patients who did not come (seed l. 256–262: "patienter
    # uteblivit i större omfattning än normalt").
    FTV: {"Tandvårdsbesök": 15500, "Uteblivna besök": 650},
}
PRODUCTION_SEASON = {1: 1.0, 2: 1.02, 3: 1.04, 4: 0.98, 5: 1.0, 6: 0.86, 7: 0.6, 8: 0.85, 9: 1.03, 10: 1.05, 11: 1.04, 12: 0.88}
# 2020 against the same month of 2019, January–September. Seed l. 76–80 and 415–423: visits and care
# episodes lower than last year through September; distance contacts sharply up (l. 144–147).
PRODUCTION_2020 = {
    "Läkarbesök": [1.01, 1.0, 0.84, 0.66, 0.74, 0.84, 0.9, 0.92, 0.94],
    "Besök övriga vårdgivare": [1.01, 1.0, 0.86, 0.7, 0.77, 0.86, 0.91, 0.93, 0.95],
    "Distanskontakter": [1.05, 1.1, 1.9, 3.0, 2.8, 2.5, 2.2, 2.3, 2.4],
    "Vårdtillfällen": [1.0, 0.99, 0.88, 0.74, 0.8, 0.88, 0.92, 0.93, 0.95],
    # The spring's shape; the deficit is scaled so that January–August comes out at the seed's −19 %.
    "Operationer": [1.0, 0.99, 0.78, 0.5, 0.55, 0.68, 0.82, 0.78, 0.9],
    "Tandvårdsbesök": [1.0, 0.98, 0.75, 0.45, 0.6, 0.78, 0.85, 0.86, 0.88],
    "Uteblivna besök": [1.05, 1.1, 1.9, 1.6, 1.4, 1.3, 1.25, 1.3, 1.25],
}
OPERATIONS_CHANGE = -19.0  # Seed l. 421–425: operations January–August −19 % against last year
# How much deeper (or shallower) each division's 2020 drop is than the factors above; not for Operationer,
# whose drop is fixed by the seed's −19 %.
PRODUCTION_TILT = {LB: 0.9, OL: 1.1, LSV: 1.0, FTV: 1.0}


def _operations_factors() -> list[float]:
    """The 2020 factors of Operationer, their deficit scaled so that Jan–Aug is −19 % against 2019 (season-weighted)."""
    factors = PRODUCTION_2020["Operationer"]
    weights = [PRODUCTION_SEASON[m] for m in range(1, 9)]
    deficit = sum(w * (1 - f) for w, f in zip(weights, factors, strict=False))
    k = -OPERATIONS_CHANGE / 100 * sum(weights) / deficit
    return [1 - k * (1 - f) for f in factors]


def production_series() -> dict[str, dict[str, dict[Month, int]]]:
    factors = dict(PRODUCTION_2020, Operationer=_operations_factors())
    series: dict[str, dict[str, dict[Month, int]]] = {}
    for d_index, (division, measures) in enumerate(PRODUCTION_BASE_2019.items()):
        series[division] = {}
        for m_index, (measure, base) in enumerate(measures.items()):
            values = {}
            for month in MONTHS:
                level = base * PRODUCTION_SEASON[month.month] * wobble(month, d_index + 2.3 * m_index, 0.01)
                if month.year == 2018:
                    level *= 1.01
                elif month.year == 2020:
                    factor = factors[measure][month.month - 1]
                    tilt = 1.0 if measure == "Operationer" else PRODUCTION_TILT[division]
                    level *= 1 - tilt * (1 - factor)
                values[month] = round(level)
            series[division][measure] = values
    return series


PRODUCTION = production_series()

# The region's accessibility (Tillgänglighet, whole region), percent. Seed l. 425–431 (per August): within
# 90 days 42 % to a specialist visit and 27 % to an operation — the seed gives July's, the latest it had;
# telephone access to the health centres 83 %, contact within three days 91 %. Seed l. 82–84: all but the
# three-day measure improved in September.
ACCESS_ANCHORS = {  # measure → (2018–2019 level, {2020 month: value})
    "Telefontillgänglighet primärvård": (87.0, {1: 86, 2: 85, 3: 78, 4: 80, 5: 81, 6: 82, 7: 82, 8: 83, 9: 84}),
    "Medicinsk bedömning inom tre dagar": (93.0, {1: 93, 2: 92, 3: 89, 4: 90, 5: 90, 6: 91, 7: 91, 8: 91, 9: 91}),
    "Väntat högst 90 dagar till besök": (61.0, {1: 59, 2: 58, 3: 55, 4: 50, 5: 47, 6: 44, 7: 42, 8: 43, 9: 45}),
    "Väntat högst 90 dagar till operation/åtgärd": (58.0, {1: 56, 2: 55, 3: 48, 4: 40, 5: 33, 6: 29, 7: 27, 8: 28, 9: 30}),
}
# Seed l. 431–437: Sunderbyn and Piteå high, the other hospitals lower, the observation beds low, the
# patient hotel Vistet 47 % in August.
OCCUPANCY = {  # (2018–2019 level, August 2020)
    "Sunderby sjukhus": (93.0, 96.0), "Piteå sjukhus": (90.0, 94.0), "Gällivare sjukhus": (82.0, 78.0),
    "Kiruna sjukhus": (80.0, 74.0), "Kalix sjukhus": (81.0, 76.0), "Obs-platser": (68.0, 55.0), "Patienthotellet Vistet": (62.0, 47.0),
}


def access_value(measure: str, month: Month, index: int) -> float:
    level, anchors = ACCESS_ANCHORS[measure]
    if month.year == 2020:
        return float(anchors[month.month])
    return round(level + 1.2 * math.sin(month.month * 1.3 + index) - (0.5 if month.year == 2019 else 0.0), 1)


def produktion_month() -> dict[str, list[list[object]]]:
    rows: list[list[object]] = [["Division", "Mått", "Månad", "Värde"]]
    for division, measures in PRODUCTION.items():
        for measure, values in measures.items():
            rows += [[division, measure, str(m), v] for m, v in values.items() if m <= MONTH_FILES_LAST]
    months = month_range(FIRST, MONTH_FILES_LAST)
    access: list[list[object]] = [["Mått", "Månad", "Andel"]]
    for index, measure in enumerate(ACCESS_ANCHORS):
        access += [[measure, str(m), access_value(measure, m, index)] for m in months]
    beds: list[list[object]] = [["Sjukhus", "Månad", "Beläggning"]]
    for index, (hospital, (level, august)) in enumerate(OCCUPANCY.items()):
        for month in months:
            if month.year < 2020:
                value = level + 1.5 * math.sin(month.month * 0.8 + index) - 3.0 * (month.month == 7)
            else:  # from last year's level towards August's, the spring's dip in planned care
                value = level + (august - level) * month.month / 8 - (6.0 if month.month in (4, 5) else 0.0)
            if month == INTERIM:
                value = august
            beds.append([hospital, str(month), round(value, 1)])
    return {"Produktion": rows, "Tillgänglighet": access, "Beläggning": beds}


# A division's own accessibility (the interim reports' Tillgänglighet, Division filled in): shares, and
# those waiting for the waiting-time measures. January 2019 – August 2020.
DIVISION_ACCESS: dict[str, dict[str, tuple[float, int | None]]] = {
    LB: {"Telefontillgänglighet primärvård": (1.0, None), "Medicinsk bedömning inom tre dagar": (-1.0, None)},
    OL: {"Telefontillgänglighet primärvård": (-2.0, None), "Medicinsk bedömning inom tre dagar": (0.5, None),
         "Väntat högst 90 dagar till besök": (3.0, 2400)},
    LSV: {"Väntat högst 90 dagar till besök": (-2.0, 9800), "Väntat högst 90 dagar till operation/åtgärd": (0.0, 3100)},
}


def division_access(division: str) -> list[list[object]]:
    rows: list[list[object]] = [["Division", "Mått", "Månad", "Andel", "Antal väntande"]]
    for index, (measure, (offset, waiting)) in enumerate(DIVISION_ACCESS.get(division, {}).items()):
        for month in month_range(Month(2019, 1), INTERIM):
            share = round(min(99.0, access_value(measure, month, index) + offset), 1)
            # those waiting grow as the share waiting at most 90 days falls
            count = None if waiting is None else round(waiting * (1 + (ACCESS_ANCHORS[measure][0] - share) / 60))
            rows.append([division, measure, str(month), share, count])
    return rows


def produktion_division(division: str) -> dict[str, list[list[object]]] | None:
    if division not in PRODUCTION:
        return None  # Service and Länsteknik have no care production (INPUTS-v2.md section 5)
    rows: list[list[object]] = [["Division", "Mått", "Månad", "Värde"]]
    for measure, values in PRODUCTION[division].items():
        rows += [[division, measure, str(m), v] for m, v in values.items() if m <= INTERIM]
    sheets: dict[str, list[list[object]]] = {"Produktion": rows}
    if division in DIVISION_ACCESS:
        sheets["Tillgänglighet"] = division_access(division)
    return sheets


def distance_share(division: str) -> float:
    """Distance contacts in percent of all visits, January–August 2020 (INPUTS-v2.md decision 3)."""
    months = INTERIM.year_to_date()
    values = PRODUCTION[division]
    total = {k: sum(values[k][m] for m in months) for k in ("Läkarbesök", "Besök övriga vårdgivare", "Distanskontakter")}
    return total["Distanskontakter"] / sum(total.values()) * 100


# =========================================================================================
# personal: headcount, worked time and sick leave per division
# =========================================================================================

# Headcount of the whole region at the end of each month, by form. Seed l. 451–458 (per August): −275 since
# July, of which 13 tillsvidare and 262 vikarier; −259 against a year earlier ("sedan september 2019" in the
# seed — see below). Seed l. 61–65 (per September): −46 in September, vikarier −54 (so tillsvidare +8);
# −305 since September 2019.
# Seed contradiction: the August personnel summary compares with "september 2019"; the personnel appendix
# per August compares August with August, so the inputs make August 2020 − August 2019 = −259.
TILLSVIDARE_ANCHORS = {Month(2018, 1): 6700, Month(2019, 8): 6620, Month(2019, 9): 6630, Month(2020, 7): 6473,
                       Month(2020, 8): 6460, Month(2020, 9): 6468}
VIKARIER = {  # explicit where the seed fixes them; otherwise base × summer
    Month(2019, 7): 1230, Month(2019, 8): 979, Month(2019, 9): 969,
    Month(2020, 7): 1142, Month(2020, 8): 880, Month(2020, 9): 826,
}
VIKARIER_BASE = {2018: 985, 2019: 960, 2020: 905}
VIKARIER_SUMMER = {6: 1.22, 7: 1.28, 8: 1.02}
VIKARIER_COVID = {3: 40, 4: 85, 5: 70}  # spring 2020: temporary staff for the pandemic


def _anchored(anchors: Mapping[Month, float], month: Month) -> float:
    points = sorted(anchors)
    if month <= points[0]:
        return anchors[points[0]]
    for a, b in zip(points, points[1:], strict=False):
        if a <= month <= b:
            span = (b.year - a.year) * 12 + b.month - a.month
            step = (month.year - a.year) * 12 + month.month - a.month
            return anchors[a] + (anchors[b] - anchors[a]) * step / span
    return anchors[points[-1]]


def headcount_totals(month: Month) -> tuple[int, int]:
    permanent = round(_anchored(TILLSVIDARE_ANCHORS, month))
    if month in VIKARIER:
        temporary = VIKARIER[month]
    else:
        temporary = round(VIKARIER_BASE[month.year] * VIKARIER_SUMMER.get(month.month, 1.0)
                          + (VIKARIER_COVID.get(month.month, 0) if month.year == 2020 else 0))
    return permanent, temporary


GROUPS: dict[str, tuple[float, float, dict[str, float]]] = {  # division → (share of the region's permanent staff, of its temporary staff, {yrkesgrupp: share})
    LB: (0.21, 0.24, {"Läkare": 0.14, "Sjuksköterskor": 0.30, "Undersköterskor": 0.22, "Administratör vård": 0.10,
                      "Rehabilitering och förebyggande arbete": 0.08, "Administration": 0.06, "Chefer": 0.04,
                      "Vård och omsorgsarbete": 0.06}),
    OL: (0.29, 0.32, {"Läkare": 0.13, "Sjuksköterskor": 0.31, "Undersköterskor": 0.24, "Administratör vård": 0.10,
                      "Rehabilitering och förebyggande arbete": 0.08, "Administration": 0.05, "Chefer": 0.04,
                      "Vård och omsorgsarbete": 0.05}),
    LSV: (0.31, 0.30, {"Läkare": 0.17, "Sjuksköterskor": 0.33, "Undersköterskor": 0.20, "Administratör vård": 0.09,
                       "Rehabilitering och förebyggande arbete": 0.06, "Administration": 0.06, "Chefer": 0.03,
                       "Tekniskt arbete": 0.02, "Vård och omsorgsarbete": 0.04}),
    FTV: (0.06, 0.05, {"Tandvård": 0.80, "Administratör vård": 0.07, "Administration": 0.08, "Chefer": 0.05}),
    SERVICE: (0.09, 0.07, {"Service och hantverk": 0.32, "Tekniskt arbete": 0.30, "Administration": 0.30, "Chefer": 0.08}),
    LT: (0.04, 0.02, {"Tekniskt arbete": 0.75, "Administration": 0.17, "Chefer": 0.08}),
}
FORMS = ("Tillsvidare", "Vikarie/tillfällig")


def drift(division: str, what: str, spread: float) -> float:
    """A division's own yearly drift of one measure (a fraction within ±spread), fixed by its name: divisions
    change at their own pace, as real divisions do, so that each interim report shows its own changes."""
    return random.Random(f"{what} {division}").uniform(-spread, spread)


def drifting(shares: list[float], divisions: list[str], month: Month, what: str, spread: float) -> list[float]:
    """Shares that move apart over time, each division by its own drift; as given in August 2020 (the interim period)."""
    years = (month.year - INTERIM.year) + (month.month - INTERIM.month) / 12
    return [share * (1 + drift(d, what, spread)) ** years for share, d in zip(shares, divisions, strict=True)]


def headcount_rows() -> dict[str, list[list[object]]]:
    """Division → rows of Anställda (Division, Yrkesgrupp, Anställningsform, Månad, Antal); the region's totals exactly."""
    rows: dict[str, list[list[object]]] = {d: [] for d in DIVISIONS}
    for month in MONTHS:
        for form_index, (form, total) in enumerate(zip(FORMS, headcount_totals(month), strict=True)):
            shares = drifting([GROUPS[d][1] if form_index else GROUPS[d][0] for d in DIVISIONS], DIVISIONS, month, form, 0.025 + 0.02 * form_index)
            for division, count in zip(DIVISIONS, allocate(total, shares), strict=True):
                groups = GROUPS[division][2]
                for group, part in zip(groups, allocate(count, list(groups.values())), strict=True):
                    rows[division].append([division, group, form, str(month), part])
    return rows


# Worked time (årsarbetare) of the whole region in 2019, before the season; 2018 a little higher.
WORKED_2019 = 6300.0
WORKED_SEASON = {1: 1.0, 2: 1.0, 3: 1.0, 4: 0.97, 5: 0.98, 6: 0.88, 7: 0.72, 8: 0.88, 9: 1.0, 10: 1.0, 11: 1.0, 12: 0.9}
WORKED_SHARE = {LB: 0.21, OL: 0.29, LSV: 0.31, FTV: 0.06, SERVICE: 0.09, LT: 0.04}
# 2020 − 2019, the whole region, January–September (årsarbetare). Seed l. 470–476: −124 in August against
# August 2019. Seed l. 65–67: "Antalet årsarbetare är 277 färre än föregående år" per September — read as the
# mean of January–September, which the monthly report states (−2 493 / 9 = −277). The spring's large drop is
# the pandemic's sick leave and reduced planned care.
WORKED_DIFF = [-60, -120, -380, -580, -500, -360, -259, -124, -110]
# Service's own 2020 − 2019. Seed l. 370–372: worked hours down by 47 årsarbetare so far this year (the mean of
# January–August: −376 / 8 = −47).
WORKED_DIFF_SERVICE = [-20, -25, -55, -75, -70, -50, -41, -40, -38]
# Extra time (jour, beredskap, övertid, fyllnadstid) of the whole region. Seed l. 460–462: rising again in
# August after a lull in June and July.
EXTRA = {2018: [285, 290, 292, 280, 285, 258, 238, 278, 290, 295, 292, 270],
         2019: [290, 295, 298, 285, 290, 260, 240, 280, 292, 298, 295, 272],
         2020: [295, 300, 380, 420, 360, 300, 280, 330, 340]}
# Overtime, the part of the extra time that is övertid (v2 column; in the interim reports only). Seed l. 462–464:
# +32 årsarbetare in August against August 2019 (116 against 84).
OVERTIME_SHARE = 0.3
OVERTIME = {Month(2019, 8): 84.0, Month(2020, 8): 116.0}
HIRED = {2018: 100.0, 2019: 95.0, 2020: 82.0}  # hired staff, the care divisions (Seed l. 750–756: fewer hired in 2020)
HIRED_SUMMER = {6: 1.2, 7: 1.4, 8: 1.2}
HIRED_SHARE = {LB: 0.30, OL: 0.45, LSV: 0.25}


def worked_rows() -> dict[str, list[list[object]]]:
    """Division → rows of Arbetad tid (Division, Månad, Arbetad tid, Extratid, Övertid, Inhyrd personal)."""
    rows: dict[str, list[list[object]]] = {d: [] for d in DIVISIONS}
    shares = [WORKED_SHARE[d] for d in DIVISIONS]
    others = [d for d in DIVISIONS if d != SERVICE]
    base: dict[tuple[str, int], float] = {}
    for number in range(1, 13):
        for division, value in zip(DIVISIONS, allocate(WORKED_2019 * WORKED_SEASON[number], shares, 1), strict=True):
            base[(division, number)] = value
    for month in MONTHS:
        worked: dict[str, float] = {}
        for division in DIVISIONS:
            value = base[(division, month.month)]
            worked[division] = round(value * 1.004 * wobble(month, 3.1, 0.002), 1) if month.year == 2018 else value
        if month.year == 2020:
            diff = WORKED_DIFF[month.month - 1]
            service = WORKED_DIFF_SERVICE[month.month - 1]
            worked[SERVICE] = round(worked[SERVICE] + service, 1)
            for division, part in zip(others, allocate(diff - service, [WORKED_SHARE[d] for d in others], 1), strict=True):
                worked[division] = round(worked[division] + part, 1)
        extra_total = EXTRA[month.year][month.month - 1]
        overtime_total = OVERTIME.get(month, round(extra_total * OVERTIME_SHARE, 1))
        extra_shares = drifting(shares, DIVISIONS, month, "Extratid", 0.14)
        extra = dict(zip(DIVISIONS, allocate(extra_total, extra_shares, 1), strict=True))
        overtime = dict(zip(DIVISIONS, allocate(overtime_total, drifting(extra_shares, DIVISIONS, month, "Övertid", 0.05), 1), strict=True))
        hired_total = HIRED[month.year] * HIRED_SUMMER.get(month.month, 1.0)
        hired_shares = drifting([HIRED_SHARE[d] for d in CARE], CARE, month, "Inhyrd personal", 0.2)
        hired = dict(zip(CARE, allocate(hired_total, hired_shares, 1), strict=True))
        for division in DIVISIONS:
            rows[division].append([division, str(month), worked[division], extra[division], overtime[division], hired.get(division)])
    return rows


# Sick leave in percent of ordinary hours, per division and month (2019: January–December; 2020:
# January–September). 2018 is 2019's a little lower.
SICK_CARE_2019 = [7.2, 7.6, 7.0, 6.6, 6.2, 5.6, 4.9, 5.6, 6.3, 6.8, 7.0, 7.3]
SICK_CARE_2020 = [7.3, 7.9, 10.4, 11.6, 8.9, 6.9, 5.8, 6.2, 6.8]
SICK = {  # the care divisions around a common profile, each with its own level in each year
    LB: ([round(v * 1.03, 1) for v in SICK_CARE_2019], [round(v * 1.00, 1) for v in SICK_CARE_2020]),
    OL: ([round(v * 1.06, 1) for v in SICK_CARE_2019], [round(v * 1.08, 1) for v in SICK_CARE_2020]),
    LSV: ([round(v * 0.97, 1) for v in SICK_CARE_2019], [round(v * 0.99, 1) for v in SICK_CARE_2020]),
    # Seed l. 256–258: the staff's sick leave has been high.
    FTV: ([6.6, 7.0, 6.4, 6.1, 5.8, 5.2, 4.6, 5.5, 6.0, 6.4, 6.6, 6.8], [7.0, 7.8, 10.8, 10.2, 8.4, 7.0, 6.0, 6.8, 7.0]),
    # Seed l. 344–350: 5,6 % January–August (the mean of the months below, ordinary hours being equal each
    # month), "drygt en procentenhet" above last year (4,4 %: +1,2); highest in April, 8,3 %, then falling
    # to normal levels.
    SERVICE: ([5.0, 5.2, 4.8, 4.5, 4.2, 3.8, 3.3, 4.4, 4.6, 4.8, 5.0, 5.1], [5.1, 5.5, 7.4, 8.3, 6.2, 4.6, 3.6, 4.1, 4.4]),
    # Seed l. 380–382: the rise of tertial 1 has fallen in tertial 2 but is still above the target (4,0 %).
    LT: ([3.8, 4.0, 3.6, 3.5, 3.3, 3.0, 2.6, 3.4, 3.6, 3.8, 3.9, 4.0], [4.8, 5.5, 6.4, 6.1, 5.2, 4.6, 4.2, 4.4, 4.3]),
}
ORDINARY_HOURS = 1_125_000  # a month, the whole region; the same every month so that shares are plain means
WOMEN_SHARE = {LB: 0.80, OL: 0.80, LSV: 0.80, FTV: 0.85, SERVICE: 0.55, LT: 0.25}
WOMEN_TO_MEN = 1.6  # women's sick leave against men's
SHORT, LONG = 0.45, 0.35  # of the sick hours: days 1–14, and spells of 60 days or more (v2 columns)
SHORT_SPRING, LONG_SPRING = 0.60, 0.25  # March–May 2020: short spells of the pandemic


def sick_rate(division: str, month: Month) -> float:
    before, now = SICK[division]
    if month.year == 2020:
        return now[month.month - 1]
    return before[month.month - 1] * (0.98 if month.year == 2018 else 1.0)


def sick_rows() -> dict[str, list[list[object]]]:
    """Division → rows of Sjukfrånvaro (Division, Kön, Månad, Sjukfrånvarotimmar, Ordinarie arbetstid, Korttid, Långtid)."""
    rows: dict[str, list[list[object]]] = {d: [] for d in DIVISIONS}
    hours_of = dict(zip(DIVISIONS, allocate(ORDINARY_HOURS, [WORKED_SHARE[d] for d in DIVISIONS]), strict=True))
    for month in MONTHS:
        for division in DIVISIONS:
            women = WOMEN_SHARE[division]
            men_factor = 1 / (WOMEN_TO_MEN * women + (1 - women))
            rate = sick_rate(division, month)
            spring = month.year == 2020 and month.month in (3, 4, 5)
            short, long = (SHORT_SPRING, LONG_SPRING) if spring else (SHORT, LONG)
            for sex, share, factor in (("Kvinnor", women, men_factor * WOMEN_TO_MEN), ("Män", 1 - women, men_factor)):
                hours = round(hours_of[division] * share)
                sick = round(hours * rate * factor / 100)
                rows[division].append([division, sex, str(month), sick, hours, round(sick * short), round(sick * long)])
    return rows


HEADCOUNT = headcount_rows()
WORKED = worked_rows()
SICKNESS = sick_rows()


def personal_month() -> dict[str, list[list[object]]]:
    """The region's personal.xlsx (v1 columns only): all divisions' rows through MONTH_FILES_LAST."""
    last = str(MONTH_FILES_LAST)
    anstallda: list[list[object]] = [["Division", "Yrkesgrupp", "Anställningsform", "Månad", "Antal"]]
    arbetad: list[list[object]] = [["Division", "Månad", "Arbetad tid", "Extratid", "Inhyrd personal"]]
    sjuk: list[list[object]] = [["Division", "Kön", "Månad", "Sjukfrånvarotimmar", "Ordinarie arbetstid"]]
    for division in DIVISIONS:
        anstallda += [r for r in HEADCOUNT[division] if str(r[3]) <= last]
        arbetad += [[d, m, w, e, h] for d, m, w, e, _, h in WORKED[division] if str(m) <= last]
        sjuk += [row[:5] for row in SICKNESS[division] if str(row[2]) <= last]
    return {"Anställda": anstallda, "Arbetad tid": arbetad, "Sjukfrånvaro": sjuk}


def personal_division(division: str) -> dict[str, list[list[object]]]:
    """The division's own rows through August 2020, the same as the region's, with the v2 columns added."""
    last = str(INTERIM)
    anstallda: list[list[object]] = [["Division", "Yrkesgrupp", "Anställningsform", "Månad", "Antal"]]
    anstallda += [r for r in HEADCOUNT[division] if str(r[3]) <= last]
    arbetad: list[list[object]] = [["Division", "Månad", "Arbetad tid", "Extratid", "Övertid", "Inhyrd personal"]]
    arbetad += [r for r in WORKED[division] if str(r[1]) <= last]
    sjuk: list[list[object]] = [["Division", "Kön", "Månad", "Sjukfrånvarotimmar", "Ordinarie arbetstid", "Korttidssjukfrånvarotimmar",
                                 "Långtidssjukfrånvarotimmar"]]
    sjuk += [r for r in SICKNESS[division] if str(r[2]) <= last]
    return {"Anställda": anstallda, "Arbetad tid": arbetad, "Sjukfrånvaro": sjuk}


# =========================================================================================
# styrkort: each division's assessment of the region's 2020 goals (seed 002) and its own measures
# =========================================================================================

# The region's strategic goals of 2020, as seed 002 (and tools/make_example.py) name them.
MAL = {
    "Samhälle": "God livskvalitet, jämlik och jämställd hälsa",
    "Samhälle, resurser": "Hållbart nyttjande av resurser",
    "Medborgare": "En god, jämlik och samordnad vård för kvinnor och män",
    "Verksamhet, nära": "Nära vård på nya sätt",
    "Verksamhet, effektiv": "En effektiv, säker och hälsofrämjande verksamhet med god jämställd kvalitet oavsett leverantör",
    "Medarbetare": "Hållbar kompetensförsörjning oavsett leverantör",
    "Ekonomi": "God ekonomisk hushållning",
}
TILLGANGLIG = "Befolkningen upplever att vården är tillgänglig"
DIGITAL = "Fler vårdkontakter sker på distans"
TRIVS = "Våra medarbetare trivs och utvecklas på sin arbetsplats"
INHYRD = "Minskat beroende av inhyrd personal"
BALANS = "Ekonomi i balans"
KOSTNAD = "Kostnadsutvecklingen ska minska"
SAMVERKAN = "Nära samverkan med kommunerna"


def _typed_measures(division: str) -> dict[str, str]:
    """Outcomes the tool does not compute but the data shows: typed from the same figures, so they agree."""
    typed = {}
    if division in (LB, OL, LSV):
        typed["distans"] = f"{sv(distance_share(division))} %"
    if division == FTV:
        months = INTERIM.year_to_date()
        visits = sum(PRODUCTION[FTV]["Tandvårdsbesök"][m] for m in months)
        missed = sum(PRODUCTION[FTV]["Uteblivna besök"][m] for m in months)
        typed["uteblivna"] = f"{sv(missed / (visits + missed) * 100)} %"
    return typed


def styrkort(division: str) -> dict[str, list[list[object]]]:
    """Strategiska mål (the goal rows with the division's assessment) and Styrmått (the division's measures)."""
    typed = _typed_measures(division)
    goals: list[tuple[str, str, str]]  # perspektiv, mål, bedömning
    # (perspektiv, mål, divisionens mål, styrmått, kön, mål, utfall, måluppfyllelse, utveckling, nyckeltal)
    measures: list[tuple[str, str, str, str, str | None, str, str | None, str | None, str | None, str | None]]
    if division in (LB, OL):
        name = "Luleå-Boden" if division == LB else "Övriga länet"
        goals = [("Samhälle", MAL["Samhälle"], "Delvis uppnått"), ("Medborgare", MAL["Medborgare"], "Delvis uppnått"),
                 ("Verksamhet", MAL["Verksamhet, nära"], "Uppnått"), ("Medarbetare", MAL["Medarbetare"], "Ej uppnått"),
                 ("Ekonomi", MAL["Ekonomi"], "Ej uppnått")]
        measures = [
            ("Samhälle", MAL["Samhälle"], SAMVERKAN, "Antal kommuner med gemensam handlingsplan för nära vård", None,
             "2" if division == LB else "8", "2" if division == LB else "5", "Uppnått" if division == LB else "Delvis uppnått", "Oförändrad", None),
            ("Medborgare", MAL["Medborgare"], TILLGANGLIG, "Medicinsk bedömning inom tre dagar", "K", "100 %", "90 %", "Delvis uppnått",
             "Försämrad", None),
            ("Medborgare", MAL["Medborgare"], TILLGANGLIG, "Medicinsk bedömning inom tre dagar", "M", "100 %", "91 %", "Delvis uppnått",
             "Försämrad", None),
            ("Verksamhet", MAL["Verksamhet, nära"], DIGITAL, "Andel distanskontakter av alla besök, januari–augusti", None, "10 %",
             typed["distans"], "Uppnått", "Förbättrad", None),
            ("Medarbetare", MAL["Medarbetare"], TRIVS, "Sjukfrånvaro, januari–augusti", None, "Högst 6,0 %", None, "Ej uppnått", "Försämrad",
             "sjukfranvaro"),
            ("Medarbetare", MAL["Medarbetare"], INHYRD, "Kostnad för inhyrd personal", None, "Minska", "Minskad", "Uppnått", "Förbättrad", None),
            ("Ekonomi", MAL["Ekonomi"], BALANS, f"Ekonomisk handlingsplan {name}, måluppfyllelse mot periodiserat uppdrag", None, "100 %",
             None, "Ej uppnått", None, "handlingsplan"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Resultat, januari–augusti", None, "Minst budget", None, "Ej uppnått", "Förbättrad", "resultat"),
            # Luleå-Boden's costs fall (seed l. 193–195), Övriga länet's grow (l. 223–225)
            ("Ekonomi", MAL["Ekonomi"], KOSTNAD, "Kostnadsutveckling januari–augusti mot samma period 2019", None, "Högst 0 %", None,
             "Uppnått" if division == LB else "Ej uppnått", None, "kostnadsutveckling"),
        ]
    elif division == LSV:
        goals = [("Medborgare", MAL["Medborgare"], "Ej uppnått"), ("Verksamhet", MAL["Verksamhet, effektiv"], "Delvis uppnått"),
                 ("Medarbetare", MAL["Medarbetare"], "Delvis uppnått"), ("Ekonomi", MAL["Ekonomi"], "Delvis uppnått")]
        measures = [
            ("Medborgare", MAL["Medborgare"], TILLGANGLIG, "Väntat högst 90 dagar till första besök i specialiserad vård", None, "100 %",
             f"{sv(division_access_value(LSV, 'Väntat högst 90 dagar till besök'), 0)} %", "Ej uppnått", "Försämrad", None),
            ("Medborgare", MAL["Medborgare"], TILLGANGLIG, "Väntat högst 90 dagar till operation/åtgärd", None, "100 %",
             f"{sv(division_access_value(LSV, 'Väntat högst 90 dagar till operation/åtgärd'), 0)} %", "Ej uppnått", "Försämrad", None),
            ("Verksamhet", MAL["Verksamhet, effektiv"], "Vården är säker", "Andel vårdtillfällen med vårdrelaterad infektion", None,
             "Högst 6 %", "5,4 %", "Uppnått", "Förbättrad", None),
            ("Verksamhet", MAL["Verksamhet, effektiv"], DIGITAL, "Andel distanskontakter av alla besök, januari–augusti", None, "10 %",
             typed["distans"], "Uppnått", "Förbättrad", None),
            ("Medarbetare", MAL["Medarbetare"], TRIVS, "Sjukfrånvaro, januari–augusti", None, "Högst 6,0 %", None, "Ej uppnått", "Försämrad",
             "sjukfranvaro"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Resultat, januari–augusti", None, "Minst budget", None, "Uppnått", "Förbättrad", "resultat"),
            ("Ekonomi", MAL["Ekonomi"], KOSTNAD, "Kostnadsutveckling januari–augusti mot samma period 2019", None, "Högst 2 %", None,
             "Ej uppnått", None, "kostnadsutveckling"),
        ]
    elif division == FTV:
        goals = [("Medborgare", MAL["Medborgare"], "Ej uppnått"), ("Verksamhet", MAL["Verksamhet, effektiv"], "Ej uppnått"),
                 ("Medarbetare", MAL["Medarbetare"], "Ej uppnått"), ("Ekonomi", MAL["Ekonomi"], "Delvis uppnått")]
        measures = [
            ("Medborgare", MAL["Medborgare"], "Barn och unga undersöks enligt sitt revisionsintervall",
             "Andel barn och unga som undersökts enligt plan", None, "95 %", "71 %", "Ej uppnått", "Försämrad", None),
            ("Verksamhet", MAL["Verksamhet, effektiv"], "Produktion enligt plan", "Andel uteblivna besök, januari–augusti", None,
             "Högst 4 %", typed["uteblivna"], "Ej uppnått", "Försämrad", None),
            ("Medarbetare", MAL["Medarbetare"], TRIVS, "Sjukfrånvaro, januari–augusti", None, "Högst 6,0 %", None, "Ej uppnått", "Försämrad",
             "sjukfranvaro"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Resultat, januari–augusti", None, "Minst budget", None, "Ej uppnått", "Försämrad", "resultat"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Ekonomisk handlingsplan, måluppfyllelse mot periodiserat uppdrag", None, "100 %", None,
             "Uppnått", "Förbättrad", "handlingsplan"),
        ]
    elif division == SERVICE:
        goals = [("Samhälle", MAL["Samhälle, resurser"], "Delvis uppnått"), ("Verksamhet", MAL["Verksamhet, effektiv"], "Uppnått"),
                 ("Medarbetare", MAL["Medarbetare"], "Ej uppnått"), ("Ekonomi", MAL["Ekonomi"], "Uppnått")]
        measures = [
            ("Samhälle", MAL["Samhälle, resurser"], "Minskad klimatpåverkan", "Andel ekologiska livsmedel i kostverksamheten", None,
             "30 %", "27 %", "Delvis uppnått", "Förbättrad", None),
            ("Verksamhet", MAL["Verksamhet, effektiv"], "Säker materialförsörjning", "Beredskapslager av skyddsutrustning, månaders förbrukning",
             None, "3", "3", "Uppnått", "Nytt mått", None),
            ("Medarbetare", MAL["Medarbetare"], TRIVS, "Sjukfrånvaro, januari–augusti", None, "Högst 4,5 %", None, "Ej uppnått", "Försämrad",
             "sjukfranvaro"),
            ("Medarbetare", MAL["Medarbetare"], "Bemanning efter uppdrag", "Arbetad tid, årsarbetare i genomsnitt januari–augusti", None,
             "Minska", None, "Uppnått", "Förbättrad", "arbetad_tid"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Resultat, januari–augusti", None, "Minst budget", None, "Uppnått", "Förbättrad", "resultat"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Ekonomisk handlingsplan, måluppfyllelse mot periodiserat uppdrag", None, "100 %", None,
             "Uppnått", "Förbättrad", "handlingsplan"),
        ]
    else:  # Länsteknik
        goals = [("Verksamhet", MAL["Verksamhet, effektiv"], "Uppnått"), ("Medarbetare", MAL["Medarbetare"], "Ej uppnått"),
                 ("Ekonomi", MAL["Ekonomi"], "Uppnått")]
        measures = [
            ("Verksamhet", MAL["Verksamhet, effektiv"], "Tillgänglig och säker IT- och MT-miljö",
             "Tillgänglighet i verksamhetskritiska IT-system", None, "99,5 %", "99,7 %", "Uppnått", "Oförändrad", None),
            ("Verksamhet", MAL["Verksamhet, effektiv"], "Tillgänglig och säker IT- och MT-miljö",
             "Andel medicinteknisk utrustning med genomfört förebyggande underhåll", None, "95 %", "93 %", "Delvis uppnått", "Försämrad", None),
            ("Medarbetare", MAL["Medarbetare"], TRIVS, "Sjukfrånvaro, januari–augusti", None, "Högst 4,0 %", None, "Ej uppnått", "Försämrad",
             "sjukfranvaro"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Resultat, januari–augusti", None, "Minst budget", None, "Uppnått", "Förbättrad", "resultat"),
            ("Ekonomi", MAL["Ekonomi"], BALANS, "Ekonomisk handlingsplan, måluppfyllelse mot periodiserat uppdrag", None, "100 %", None,
             "Uppnått", None, "handlingsplan"),
        ]
    goal_rows: list[list[object]] = [["Division", "Perspektiv", "Strategiskt mål", "Framgångsfaktor", "Bedömning"]]
    goal_rows += [[division, perspective, goal, None, assessment] for perspective, goal, assessment in goals]
    measure_rows: list[list[object]] = [["Division", "Perspektiv", "Strategiskt mål", "Framgångsfaktor", "Styrmått", "Kön", "Mål", "Utfall",
                                         "Måluppfyllelse", "Utveckling", "Nyckeltal"]]
    measure_rows += [[division, *m] for m in measures]
    return {"Strategiska mål": goal_rows, "Styrmått": measure_rows}


def division_access_value(division: str, measure: str) -> float:
    """The division's share for a measure in the interim period's month."""
    for row in division_access(division)[1:]:
        if row[1] == measure and row[2] == str(INTERIM) and isinstance(row[3], float):
            return row[3]
    raise KeyError(measure)


# =========================================================================================
# rapport.yaml
# =========================================================================================

MAIN_YAML = """\
# Regiondirektörens rapport, september 2020, med divisionernas delårsrapporter per augusti (seed 000).
# Skriven av tools/make_example_tertial.py.
rapport: manadsrapport
period: 2020-09
titel: Regiondirektörens rapport

{organisation}
dokument:                               # dokument-ID-blocket i varje sidhuvud (seed 000 l. 1034–1040)
  galler_for: Region Norrbotten
  dokument_id: ARBGRP583-382524020-993
  version: "0.84"                       # seed 000 skriver "0.840.84"
  publiceringsdatum: 2020-10-13         # platshållare i seed 000, ifylld här
  ansvarig: Anna-Stina Nordmark Nilsson
  upprattad_av: Kirsti Jussila

undertecknare:
  namn: Anna-Stina Nordmark Nilsson
  titel: Regiondirektör

bilagor:                                # numreras 1, 2, 3 … i denna ordning (seed 000 l. 1484–1503)
  - delarsrapport: Närsjukvård Luleå-Boden        # delarsrapporter/narsjukvard-lulea-boden/
  - delarsrapport: Närsjukvård Övriga länet
    mapp: delarsrapporter/ovriga-lanet
  - delarsrapport: Länssjukvård
  - delarsrapport: Folktandvård
  - delarsrapport: Service
  - delarsrapport: Länsteknik
  - produktionsrapport:                           # per augusti, som delårsrapporterna
    period: 2020-08
  - personalrapport:
    period: 2020-08
  - investeringsrapport:                          # bladet Investeringar i ekonomi.xlsx, januari–augusti
    period: 2020-08
"""

# Each interim report's own document block (invented, in the style of seed 003's): the division's
# controller drew it up, the division director is responsible, published before the board's October meeting.
DOKUMENT = {
    LB: ("Division Närsjukvård Luleå-Boden", "ARBGRP588-1356963637-41", "1.0", "2020-09-24", "Maria Lindqvist", "Henrik Sundström"),
    OL: ("Division Närsjukvård Övriga länet", "ARBGRP870-1356963637-62", "0.9", "2020-09-24", "Anna Alm Andersson", "Carina Wribe"),
    LSV: ("Division Länssjukvård", "ARBGRP591-1356963637-37", "1.0", "2020-09-25", "Erik Holmgren", "Lena Nyström"),
    FTV: ("Division Folktandvård", "ARBGRP602-1356963637-19", "1.0", "2020-09-23", "Karin Öhman", "Per Lundberg"),
    SERVICE: ("Division Service", "ARBGRP615-1356963637-28", "1.1", "2020-09-22", "Tomas Eriksson", "Sara Backman"),
    LT: ("Division Länsteknik", "ARBGRP620-1356963637-12", "1.0", "2020-09-22", "Jonas Wikström", "Emma Granberg"),
}

DIVISION_YAML = """\
# Delårsrapport per augusti 2020 för Division {name}: bilaga till regiondirektörens rapport 2020-09 (seed 000).
# Skriven av tools/make_example_tertial.py. Organisationen är densamma som i ../../rapport.yaml.
rapport: delarsrapport
period: 2020-08
division: {division}
titel: Delårsrapport

{organisation}
dokument:                               # delårsrapportens eget dokument-ID-block
  galler_for: {galler_for}
  dokument_id: {dokument_id}
  version: "{version}"
  publiceringsdatum: {datum}
  ansvarig: {ansvarig}
  upprattad_av: {upprattad_av}
"""


def division_yaml(division: str) -> str:
    galler_for, dokument_id, version, datum, ansvarig, upprattad_av = DOKUMENT[division]
    return DIVISION_YAML.format(name=division, division=division, organisation=ORGANISATION_YAML, galler_for=galler_for,
                                dokument_id=dokument_id, version=version, datum=datum, ansvarig=ansvarig, upprattad_av=upprattad_av)


# =========================================================================================
# texter: our own Swedish prose on the seed's topics; no figure the tool computes, and the seed's own figures
# where it states them (Patientnämnden's 194 ärenden, l. 1105; 100 kr a test, l. 526; 48 patients, l. 692)
# =========================================================================================

MAIN_TEXTS = {
    "inledning.md": """\
Här är min rapport till regionstyrelsen för september. Den är omfattande den här gången: utöver
månadens ekonomi och de vanliga bilagorna redovisar divisionerna sina delårsrapporter per augusti.
Jag hoppas att den blir till stöd i ert arbete.

Coronapandemin har satt sin prägel på hela hälso- och sjukvården. Verksamhet har fått dras ned,
men pandemin har också tvingat fram nya arbetssätt och gjort att de digitala lösningarna används
mycket mer än tidigare. Nu lägger regionen stor kraft på att återstarta den vård som fått vänta och
på att möta de vårdbehov som har vuxit under pandemin.

Samtidigt planerar vi för att kunna erbjuda självtest för PCR som ett alternativ till
drop-in-mottagningarna. Självtesterna ska korta köerna, göra provtagningen lättare att nå för
patienterna och frigöra personal till annat.

De genomlysningar och analyser som gjorts, både internt och med hjälp av konsulter, visar att det
finns stora möjligheter att effektivisera verksamheterna. Arbetet med att bygga upp en
projektorganisation för den kommande organisationsförändringen har börjat.
""",
    "aktuella-handelser.md": """\
## Omställningsarbetet

Konsultföretaget har lämnat sin slutrapport om översynen av regionens sjukvårdssystem, och
rapporten är offentlig. Engagemanget bland medarbetarna är fortsatt stort. Två brevlådor har
öppnats där medarbetare kan lämna synpunkter på rapporterna, och förslagen om effektivare
arbetssätt fortsätter att komma in – drygt 500 till och med vecka 39. De fördelas till de
verksamheter som berörs för analys.

Projektorganisationen för den kommande organisationsförändringen utgår från konsultrapporterna och
de interna genomlysningarna. Medarbetarnas förslag och synpunkter blir underlag i
genomförandefasen.

## Fler covidpositiva i länet

Antalet personer som testar positivt för covid-19 ökar i länet, och provtagningen med PCR görs nu
vintersäker. Kommunerna har fått information om serologiska prover för sina medarbetare inom vård
och omsorg. Arjeplog, Pajala, Kiruna, Övertorneå och Haparanda har avtalat med regionen om att
provta personalen i den kommunala hälso- och sjukvården, äldreomsorgen och omsorgen om personer
med funktionsnedsättning. Kommunerna får 100 kronor för varje utfört test.

## Egen provhantering och självtest

Regionen har provtagit för covid-19 med PCR sedan juni, med drop-in-mottagningar utomhus vid 18
hälsocentraler. Sedan augusti har flödet av patienter ökat kraftigt, och antalet tester per vecka
närmar sig nu nivån under utbrottet i Gällivare i juni.

Som alternativ till drop-in införs självtest. Testet beställs via 1177.se genom Ineras tjänst för
egenprovtagning och hämtas och lämnas på apotek eller vid mobila enheter. Lösningen tas fram
tillsammans med Folkhälsomyndigheten, som står för planering, utbildning, logistik och de mobila
enheterna. De flesta regioner har valt samma lösning.

## Nationellt läkemedelsförråd

I våras rådde brist på vissa kritiska läkemedel, framför allt inom intensivvården. Regionerna gick
därför samman genom SKR, och Fyrlänsgruppen – Skåne, Stockholm, Västra Götaland och Östergötland –
fick i uppdrag att köpa in och fördela läkemedlen efter behov. Fördelningen samordnades i det så
kallade kontrolltornet, där alla regioner deltar, och tillsammans med de nationella
programområdena. På så sätt kunde bland annat tillgången till propofol säkras.

Nu finns läkemedlen åter hos grossisterna och inga nya inköp görs. Regionerna är överens om att
samverkan i kontrolltornet bör fortsätta, medan ansvaret för beredskapslager i första hand bör
ligga på statliga myndigheter.

## PVConny samlar smittspårningen

När den utökade provtagningen startade i juni bildades en liten enhet under närsjukvårdsstaben,
PVConny, som tar hand om provsvaren och smittspårningen och avlastar hälsocentralerna. Enheten har
fungerat mycket bra. När klustersmittan i samhället nu ökar flyttas all smittspårning dit, och
enheten bemannas upp. Det ger en snabbare samlad bild av smittan och underlättar samarbetet med
smittskydd och vårdhygien.

## Nytt pensionsadministrationssystem

Från den 1 oktober sköter KPA regionens pensionsadministration, efter en gemensam upphandling med
Västernorrland, Västerbotten och Jämtland Härjedalen. Avtalet gäller i tre år med möjlighet till
förlängning och ger de fyra regionerna en gemensam besparing varje år.

## Vårdval i barn- och ungdomstandvården

Flora tandklinik i Luleå har sagt upp sitt LOV-avtal, som upphör den 23 oktober. Klinikens 48
patienter har fått information om att de kan välja en annan klinik eller föras över till
folktandvården.

## Förlagslånet hos Kommuninvest

Kommuninvest har beslutat om en ny kapitalisering med lika insatskapital per invånare för alla
medlemmar, och regionens insats höjs stegvis under fyra år från 2021. Samtidigt löses
förlagslånet från medlemmarna i förtid. Regionen fick sin del utbetald den 30 september och har
inga lån hos Kommuninvest.

## Analysrapport: digital mognad i kommunerna

Regionen har undersökt den digitala mognaden i länets kommuner med en enkät till ledande
befattningshavare. Analysen visar att flera kommuner har låg eller medelhög digital förmåga och
äldre system som begränsar möjligheterna till förnyelse, och att det saknas både kunskap och
resurser. Analysen föreslår utbildningsinsatser, en gemensam digitaliseringsagenda, mer samverkan
om upphandlingar och en kraftsamling kring den digitala infrastrukturen.
""",
    "verksamheten.md": """\
## Regiongemensamt

### Mindre beroende av inhyrd personal

Regiondirektörerna har beslutat att alla regioner ska delta i en gemensam upphandling av inhyrd
personal, för bättre kontroll över kvalitet och kostnader. Ett minskat beroende ger patienterna
mer kontinuitet och medarbetarna en bättre arbetsmiljö. Regionerna har tillsammans minskat
kostnaden för inhyrd personal under första halvåret, och Region Norrbotten är en av dem som
minskat. Ett visst behov kommer att finnas kvar, till exempel vid tillfälliga toppar och för att
ersätta medarbetare som är lediga.

### Regulatoriskt ansvarig för medicintekniska produkter

De europeiska förordningarna för medicintekniska produkter ersätter successivt de äldre
reglerna. Införandet sköts upp ett år på grund av pandemin, och senast i maj 2021 ska varje region
ha utsett en regulatoriskt ansvarig person. Regionen är registrerad som tillverkare både av
CE-märkta produkter och av specialanpassade produkter.

### IT-säkerhetstest

Under oktober testar en extern konsult säkerheten i regionens interna och externa nätverk. Testet
omfattar även HR-systemet och ekonomisystemet och ger en lista med rekommenderade åtgärder.

### Införandet av nytt vårdinformationsstöd

Direktivet för införandet av det nya vårdinformationsstödet är undertecknat, och
projektorganisationen är till största delen bemannad. Projektet består av sex delprojekt och
drivs tillsammans med de övriga avtalsregionerna. Målet är att stödet ska vara i drift under 2023.

### Privata nätläkare

Norrbotten hade den lägsta ökningen i landet av besök hos privata nätläkare i början av
pandemin. En trolig förklaring är att regionens egen digitala vårdtjänst, Digitalen, tog hand om en
del av vårdbehovet.

## Närsjukvård

### Kalix sjukhus årets strokeenhet

Strokeenheten vid Kalix sjukhus har länge hört till de bästa i landet och har nu utsetts till
årets strokeenhet i kvalitetsregistret Riksstroke.

### Patienter och närstående delaktiga i planeringen

På Örnäsets hälsocentral i Luleå prövas en metod, framtagen tillsammans med patienter och
anhöriga, som gör dem delaktiga i planeringen av vården. Den har gett både tryggare patienter och
bättre använda resurser.

## Service

### Ombyggnader under pandemin

Lokaler har byggts om och återställts på alla sjukhus och på flera hälsocentraler i Luleå och
Piteå med anledning av pandemin.

### Medicinska gasanläggningar

Regionfastigheter sammanställer regionens ansvar för medicinska gaser i de fastigheter som regionen
hyr. Ett ledningssystem för egentillverkning av medicinska gasanläggningar har tagits fram och en
särskild organisation har bildats.

## Länssjukvård

### Tillbaka till normal produktion

Divisionens verksamheter arbetar för att återgå till normal produktion. Operationsavdelningen i
Piteå har öppnat igen, och i Gällivare och Sunderbyn opereras det åter i normal omfattning.
Regionen för också samtal med externa leverantörer om hur tillgängligheten till kirurgisk
behandling kan förbättras snabbare.

### Automatiserad PCR-analys

Behovet av PCR-analyser är fortsatt stort, och divisionen förbereder, på styrelsens uppdrag, en
upphandling av automatiserad PCR-utrustning.
""",
    "namnderna.md": """\
## Patientnämnden

Patientnämnden stödjer patienter och närstående och hjälper dem att föra fram klagomål. Under
tertial 2 registrerades 194 ärenden, 21 procent färre än samma period förra året. De flesta, 101
ärenden, gäller vård och behandling, medan kommunikation och ekonomi har fått något fler
anmälningar än vanligt. Av ärendena har 25 direkt samband med covidvården eller med pandemins
följder.

Pandemin har gjort de digitala verktygen viktigare i mötet med medborgarna, och de bör finnas kvar
och utvecklas. Under hösten arbetar nämnden med kommunikationsavdelningen för att förbättra
kommunikationen om sitt arbete.

## Regionala utvecklingsnämnden

### Statliga förstärkningsmedel till kulturen

Norrbotten har fått en del av regeringens tillskott till de regionala kulturverksamheterna, som
ska kompensera för pandemins effekter. Fördelningen bland de verksamheter som omfattas beslutas av
nämnden i oktober.

### Verksamhetsbidrag 2021

Handläggningen av verksamhetsbidrag till länsövergripande organisationer har anpassats till
pandemin, med ett digitalt informationsmöte i stället för fysiska dialogmöten.

### Scenkonst under hösten

Trots restriktionerna erbjuder regionens scenkonstverksamheter ett brett utbud i höst, planerat
tillsammans med smittskyddsläkarna. Norrbottensteatern sätter upp en nyskriven pjäs byggd på Hans
Roslings böcker, Dans i Nord firar 20 år och Norrbottensmusiken turnerar i länets skolor.

### Gränsregionerna under pandemin

Nationella beslut under pandemin har försvårat den fria rörligheten, också mellan de nordiska
länderna. Regionen har svarat på EU:s samråd om gränshinder.

### Översyn av den regionala kollektivtrafiken

Nämnden och regionstyrelsen har beslutat att det nuvarande samarbetsavtalet med länets kommuner
ska sägas upp, och fullmäktige väntas besluta i oktober. Regiondirektören tar fram förslag på hur
kollektivtrafikmyndigheten kan organiseras och på ett nytt samarbetsavtal.

### Programarbetet

Ett första utkast till det regionala programmet för Europeiska regionala utvecklingsfonden är
inlämnat för synpunkter. Regionen tar tillsammans med Lapplands förbund fram ett nytt
Interregprogram och bistår Tillväxtverket med programmet för Fonden för en rättvis omställning.
""",
    # The section "Divisionernas delårsrapporter" (INPUTS-v2.md section 6): the opening text, the common
    # subsection, and one subsection per division with what the data does not carry (seed l. 86–408).
    "delarsrapporter.md": """\
Divisionerna rapporterar till regiondirektören och regionstyrelsen genom uppföljningen av de
ekonomiska handlingsplanerna, månadsrapporter och delårsrapporter per april och augusti. I
delårsrapporterna följer divisionerna upp sin verksamhet mot divisionsplanen och dess styrkort,
analyserar sin ekonomi och verksamhet och lämnar en prognos för året.

Regionens delårsrapport per augusti behandlas i ett eget ärende vid dagens sammanträde.

## Gemensamt för närsjukvårdsdivisionerna

Covid-19 har påverkat det påbörjade omställningsarbetet kraftigt, och resultaten har påverkats åt
båda hållen. Pandemin har drivit fram nya arbetssätt och mer digitala lösningar. En gemensam
målbild och ett enat sätt att prioritera resurserna har varit framgångsrikt för patienterna, och
samverkan med kommunerna har varit närmare och mer beslutsinriktad än vanligt.

Den planerade vården minskade från mitten av mars, i både öppen- och slutenvården, medan
distansbesöken ökade kraftigt när verksamheterna snabbt ställde om till digitala vårdformer.
Vårdgarantin uppnås inte totalt sett, men tillgängligheten till medicinsk bedömning inom tre dagar
i primärvården har blivit bättre. Alla verksamheter ska planera för hur den uppskjutna vården ska
tas igen, och produktions- och kapacitetsplaneringen behöver intensifieras under hösten.

Under årets två första månader låg fokus i omställningen på effektivare bemanning och mindre inhyrd personal.
Under andra tertialet har pandemin präglat medarbetarnas situation, vilket också syns i
sjukfrånvaron. Bättre bemanningsplanering och en bättre helhetssyn tas med i det fortsatta
omställningsarbetet.

## Närsjukvård Luleå-Boden

Divisionens uppdrag är att sänka kostnaderna så mycket att budgeten är i balans under året.
Kompensationen för kostnader till följd av covid-19 ingår delvis i prognosen. Att handlingsplanen
inte har nått längre beror främst på att verksamheterna inte har klarat att minska kostnaderna för
den egna personalen.

## Närsjukvård Övriga länet

Prognosen innefattar merkostnaderna för att hantera pandemin. Utom Piteå har
närsjukvårdsområdena inte klarat att minska kostnaderna för egen och inhyrd personal. Från mitten
av mars låg omställningsarbetet i stort sett stilla, men det har återupptagits nu när
verksamheterna återgår till det normala.

## Länssjukvård

Tertial 2 präglas av pandemins effekter på verksamheten. Stora delar av de planerade besöken,
behandlingarna och screeningen stängdes ned, medan intensivvården och laboratorierna byggdes ut
kraftigt. Under augusti har verksamheterna och personalen stegvis återgått till sina vanliga
uppgifter. Sammantaget har ekonomin blivit bättre än under tertial 1, men till priset av en kraftigt
försämrad tillgänglighet till besök och behandling.

## Folktandvård

Pandemin har fortsatt att påverka verksamheten genomgripande, med minskad verksamhet och sämre
tillgänglighet för norrbottningarna. Sjukfrånvaron har varit hög samtidigt som fler patienter än
vanligt har uteblivit, och bemanningen har varit lägre än planerat. Den största delen av den
prognostiserade försämringen beror på pandemin, resten på den lägre bemanningen; ytterligare
besparingar och det budgeterade intäktsbetinget tar ut varandra.

Produktionsbortfallet kan divisionen inte parera med nuvarande tandläkarbemanning,
klinikstruktur och prioriteringsordning. De kostnader som verksamheten själv kan påverka är lägre
än budget, och i stort sett alla kontrollpunkter i handlingsplanen är gröna. Resultatet påverkas
i övrigt av

- klinikstrukturen i länet,
- tillgången på legitimerad tandvårdspersonal och rekryteringen av den,
- arbetssätten, med flödesbaserad teamtandvård,
- analysen och planeringen av produktion och kapacitet, och
- arbetet med att öka intäkterna.

## Service

De flesta enheter har under augusti återgått till mer eller mindre normal drift. Flera av
divisionsplanens uppdrag har pausats under tertialet: sjukreseuppdragen ingår nu i genomlysningen
av sjukreseprocessen, och digitaliseringsprojekten – robotisering av administrativa tjänster,
självservice och städrobotar – återupptas under årets sista tertial om läget med pandemin tillåter.

Materialförsörjningen har fungerat bra under sommaren. Skyddsutrustning och sjukvårdsmaterial till
intensivvården finns i lager, och ett beredskapslager byggs upp för att klara tre månaders
förbrukning; handskar och kortärmade förkläden är fortfarande svåra att få tag på. Regionen har
både lånat ut och tagit emot material från andra regioner. Hotell- och kostverksamheterna har haft
färre kunder under pandemin, och alternativa driftsformer för kosten på Sunderby och Piteå sjukhus
har utretts och presenterats för regiondirektören.

Överskottet för perioden förklaras främst av lägre fastighetsrelaterade kostnader, ovanligt låga
kostnader för sjukresor och lägre personalkostnader än planerat. Under hösten väntas resultatet bli
sämre, med högre kostnader för sjukresor, mer fastighetsunderhåll och pandemins fortsatta påverkan
på kosten och patienthotellet.

## Länsteknik

Divisionen uppfyller i stort sett alla mål för en tillgänglig och säker IT- och MT-miljö.
Sjukfrånvaron har sjunkit sedan tertial 1 men ligger fortfarande över målnivån. Personalkostnaderna
är lägre än handlingsplanen räknade med, och divisionen når sina ekonomiska mål med god marginal.

Bara ett fåtal av de besparingar som genomlysningen identifierade är genomförda, och läget är
ansträngt, mycket på grund av bemanningen. Divisionen är beroende av ett antal nyckelpersoner, och
sårbarheten ökar när medarbetarna blir färre och sjukfrånvaron stiger. På sikt finns en risk att
leveranserna och driftsäkerheten mot regionens verksamheter inte kan upprätthållas, och det
särskilda verksamhetsuppdraget har fortsatt att prioriteras ned.
""",
}

# Each division's own texts (INPUTS-v2.md section 4): short, in the division's voice, no computed figure.
DIVISION_TEXTS: dict[str, dict[str, str]] = {
    LB: {
        "sammanfattning.md": """\
Tertialet har präglats av pandemin. Under årets två första månader låg fokus på omställningen
till en effektivare bemanning och mindre inhyrd personal; från mitten av mars fick arbetet i
stället inriktas på covidvården, provtagningen och smittspårningen.

Den planerade vården har minskat i både öppen- och slutenvården, medan distansbesöken har ökat
kraftigt. Divisionen har ett uppdrag att sänka kostnaderna så att budgeten är i balans under året,
och den största utmaningen är kostnaderna för den egna personalen.
""",
        "styrning.md": """\
## Medborgare

Tillgängligheten till medicinsk bedömning inom tre dagar har blivit bättre sedan våren men är
lägre än förra året, och vårdgarantin nås inte totalt sett.

## Verksamhet

Omställningen till digitala vårdformer har gått snabbt och distanskontakterna har blivit en
naturlig del av hälsocentralernas arbete.

## Ekonomi

Handlingsplanens åtgärder för den egna personalen har inte fått avsedd effekt, medan minskningen
av inhyrd personal går enligt plan.
""",
        "produktion.md": """\
Den planerade vården minskade från mitten av mars. Alla verksamheter har i uppdrag att planera
för hur den uppskjutna vården ska tas igen under hösten.
""",
        "personal.md": """\
## Frånvaro

Sjukfrånvaron steg kraftigt under våren i samband med pandemin och har sedan sjunkit, men ligger
fortfarande över förra årets nivå.
""",
        "ekonomi.md": """\
## Årsprognos

Kompensationen för kostnader till följd av covid-19 är delvis beaktad i prognosen.

## Ekonomiska handlingsplaner

Avvikelsen mot handlingsplanen beror främst på att verksamheterna inte har klarat att minska
kostnaderna för den egna personalen. Minskningen av inhyrd personal går i stort sett enligt plan.
""",
        "maluppfyllelse.md": """\
## Medborgare

Hälsocentralerna har prioriterat medicinsk bedömning inom tre dagar under pandemin. Andelen har
hämtat sig efter nedgången i våras men är fortfarande lägre än samma period förra året.

## Medarbetare

Den höga sjukfrånvaron under våren hänger samman med pandemin och med rekommendationen att stanna
hemma vid minsta symtom.
""",
        "internkontroll.md": """\
Internkontrollplanen följs upp per augusti. Kontrollerna av attest och av behörigheter i
journalsystemet är genomförda utan anmärkning.
""",
    },
    OL: {
        "sammanfattning.md": """\
Omställningsarbetet låg i stort sett stilla från mitten av mars, när verksamheterna ställde om
till covidvård, och har återupptagits nu när verksamheterna återgår till det normala.

Divisionens ekonomiska uppdrag är att genom åtgärder sänka kostnaderna. Närsjukvårdsområdet Piteå
har klarat sin del; de övriga har inte lyckats minska kostnaderna för egen och inhyrd personal.
""",
        "styrning.md": """\
## Samhälle

Samverkan med kommunerna om den nära vården har varit tätare under pandemin, men arbetet med
gemensamma handlingsplaner har gått långsammare än planerat.

## Ekonomi

Handlingsplanen nås bara i Piteå. Övriga närsjukvårdsområden har inte kunnat minska kostnaderna
för egen och inhyrd personal under pandemin.
""",
        "produktion.md": """\
Produktionen minskade i både öppen- och slutenvården under våren. Distanskontakterna har ökat i
alla närsjukvårdsområden.
""",
        "personal.md": """\
## Frånvaro

Sjukfrånvaron var som högst under våren och har därefter sjunkit.
""",
        "ekonomi.md": """\
## Årsprognos

Prognosen innefattar merkostnaderna för att hantera pandemin och den ersättning för covid-19 som
divisionen räknar med.

## Ekonomiska handlingsplaner

Piteå har nått sin del av uppdraget. I Gällivare, Kalix och Kiruna har kostnaderna för egen och
inhyrd personal inte minskat som planerat, bland annat eftersom omställningen pausades under våren.
""",
        "maluppfyllelse.md": """\
## Samhälle

Arbetet med gemensamma handlingsplaner för nära vård har kommit längst i Piteå älvdal. I övriga
kommuner har arbetet skjutits upp under pandemin.

## Verksamhet

Alla hälsocentraler i divisionen erbjuder nu videobesök.
""",
        "internkontroll.md": """\
Internkontrollplanen följs upp per augusti utan väsentliga avvikelser.
""",
    },
    LSV: {
        "sammanfattning.md": """\
Tertial 2 präglas av pandemins effekter. Stora delar av de planerade besöken, behandlingarna och
screeningverksamheten stängdes ned, medan intensivvården och laboratorierna byggdes ut kraftigt.
Under augusti har personalen stegvis återgått till sina vanliga arbetsuppgifter.

Ekonomin är bättre än under tertial 1, men tillgängligheten till besök och behandling har blivit
kraftigt sämre.
""",
        "styrning.md": """\
## Medborgare

Väntetiderna till första besök och till operation har ökat när den planerade vården fått stå
tillbaka.

## Verksamhet

Intensivvårdens kapacitet kunde snabbt utökas, och laboratorierna har hanterat ett mycket stort
antal analyser.
""",
        "produktion.md": """\
Operationsverksamheten drogs ned under våren. Operationsavdelningen i Piteå återstartar i
september och i Gällivare och Sunderbyn har normal produktion påbörjats.
""",
        "personal.md": """\
## Anställda och arbetad tid

Många medarbetare har under våren flyttats till intensivvården och till provtagningen och har
under augusti återgått till sina ordinarie arbetsplatser.
""",
        "ekonomi.md": """\
## Resultatutveckling

Den minskade planerade vården har gett lägre kostnader, och laboratorierna har fått ersättning för
covidanalyserna. Intensivvården har haft höga personalkostnader.

## Riskanalys för årsprognosen

Prognosen förutsätter att den planerade vården kan öka under hösten utan en ny våg av covidvård.
""",
        "maluppfyllelse.md": """\
## Medborgare

Köerna till första besök och till operation har vuxit under våren. En plan för att ta igen den
uppskjutna vården tas fram tillsammans med närsjukvårdsdivisionerna.

## Verksamhet

Andelen vårdrelaterade infektioner har minskat, bland annat genom en bättre följsamhet till de
basala hygienrutinerna under pandemin.
""",
        "internkontroll.md": """\
Internkontrollplanen följs upp per augusti utan väsentliga avvikelser.
""",
    },
    FTV: {
        "sammanfattning.md": """\
Verksamheten har under tertial 2 fortsatt att påverkas genomgripande av pandemin. Verksamheten har
minskat och tillgängligheten för norrbottningarna har blivit sämre.

Sjukfrånvaron har varit hög och fler patienter än vanligt har uteblivit från sina besök. De
besparingsåtgärder som divisionen genomfört har fortsatt att ge effekt.
""",
        "styrning.md": """\
## Medborgare

Barn och unga har inte kunnat undersökas enligt sina revisionsintervall, och köerna till
vuxentandvården har vuxit.

## Ekonomi

Kostnaderna som verksamheten kan påverka är lägre än budget, men produktionsbortfallet ger
lägre intäkter.
""",
        "produktion.md": """\
Produktionsbortfallet kan inte pareras med nuvarande tandläkarbemanning, klinikstruktur och
prioriteringsordning.
""",
        "personal.md": """\
## Frånvaro

Sjukfrånvaron har varit hög under hela perioden, med en topp under våren.
""",
        "ekonomi.md": """\
## Årsprognos

Av den prognostiserade försämringen beror den största delen på pandemin och resten på lägre
bemanning än planerat. Ytterligare kostnadsbesparingar och det budgeterade intäktsbetinget tar ut
varandra.

## Ekonomiska handlingsplaner

I stort sett alla kontrollpunkter i handlingsplanen är gröna; divisionen lyckas bättre än
besparingsprogrammet har anvisat.

## Åtgärder för att uppnå ekonomi i balans

Resultatet påverkas av klinikstrukturen i länet, tillgången på legitimerad tandvårdspersonal,
arbetssätten med flödesbaserad teamtandvård, planeringen av produktion och kapacitet och arbetet
med att öka intäkterna.
""",
        "maluppfyllelse.md": """\
## Medborgare

Undersökningar av barn och unga har fått skjutas upp när verksamheten minskades under våren. De
prioriteras under hösten.

## Verksamhet

Uteblivna besök har ökat, eftersom patienter med symtom har uppmanats att stanna hemma.
""",
        "internkontroll.md": """\
Internkontrollplanen följs upp per augusti utan väsentliga avvikelser.
""",
    },
    SERVICE: {
        "sammanfattning.md": """\
De flesta enheter har under augusti återgått till mer eller mindre normal drift efter pandemin.
Flera av divisionsplanens uppdrag har pausats under tertialet och digitaliseringsprojekten
återupptas under årets sista tertial om läget tillåter.

Materialförsörjningen har fungerat bra under sommaren, och ett beredskapslager av
skyddsutrustning byggs upp.
""",
        "styrning.md": """\
## Verksamhet

Beredskapslagret ska räcka till tre månaders förbrukning. Handskar och kortärmade förkläden är
fortfarande en utmaning, och regionen har både lånat ut och tagit emot material från andra
regioner.
""",
        "personal.md": """\
## Frånvaro

Sjukfrånvaron steg kraftigt under våren och har därefter successivt sjunkit till normala nivåer.
""",
        "ekonomi.md": """\
## Resultatutveckling

Överskottet förklaras framför allt av lägre fastighetsrelaterade kostnader, ovanligt låga
kostnader för sjukresor och lägre personalkostnader än planerat. Hotell- och kostverksamheterna på
sjukhusen har haft färre kunder och ett sämre resultat på grund av pandemin.

## Årsprognos

Resultatet väntas bli sämre under hösten: kostnaderna för sjukresor beräknas bli höga,
fastighetsunderhållet ökar och pandemin påverkar fortsatt kosten och patienthotellet.

## Ekonomiska handlingsplaner

Arbetet med handlingsplanen har gått över förväntan.
""",
        "maluppfyllelse.md": """\
## Samhälle

Andelen ekologiska livsmedel har ökat, men målet nås inte ännu.

## Verksamhet

Beredskapslagret av skyddsutrustning är ett nytt mått i år.
""",
        "internkontroll.md": """\
Internkontrollplanen följs upp per augusti. Alternativa driftsformer för kosten på Sunderby och
Piteå sjukhus har utretts och presenterats för regiondirektören.
""",
    },
    LT: {
        "sammanfattning.md": """\
Divisionen uppfyller i stort sett alla mål för en tillgänglig och säker IT- och MT-miljö, och
arbetet fortsätter för att säkra måluppfyllelsen. Divisionen når sina ekonomiska mål med god
marginal.

Läget är ändå ansträngt, mycket beroende på bemanningen. Divisionen är beroende av ett antal
nyckelpersoner, och sårbarheten ökar när medarbetarna blir färre och sjukfrånvaron stiger.
""",
        "styrning.md": """\
## Verksamhet

Divisionen uppfyller i stort sett alla mål för en tillgänglig och säker IT- och MT-miljö.

## Medarbetare

Bemanningen är ansträngd, och divisionen är sårbar när nyckelpersoner är frånvarande.
""",
        "personal.md": """\
## Frånvaro

Sjukfrånvaron steg under tertial 1 och har sjunkit under tertial 2, men ligger fortfarande över
målnivån.
""",
        "ekonomi.md": """\
## Ekonomiska handlingsplaner

Personalkostnaderna är lägre än handlingsplanen räknade med. Bara ett fåtal av de
kostnadsbesparingar som genomlysningen identifierade är genomförda.

## Riskanalys för årsprognosen

På sikt finns en risk att leveranserna och driftsäkerheten mot regionens verksamheter inte kan
upprätthållas, och det särskilda verksamhetsuppdraget har fortsatt att prioriteras ned.
""",
        "maluppfyllelse.md": """\
## Verksamhet

De verksamhetskritiska IT-systemen har haft hög tillgänglighet under hela perioden. Det
förebyggande underhållet av medicinteknisk utrustning ligger något efter plan.
""",
        "internkontroll.md": """\
Internkontrollplanen följs upp per augusti utan väsentliga avvikelser.
""",
    },
}


# =========================================================================================
# main
# =========================================================================================


def write_texts(folder: Path, texts: dict[str, str]) -> None:
    texter = folder / "texter"
    texter.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (texter / name).write_text(text, encoding="utf-8")


def main() -> None:
    check_sums()
    check_action_plans()
    check_region()
    check_investments()
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "rapport.yaml").write_text(MAIN_YAML.format(organisation=ORGANISATION_YAML.rstrip("\n") + "\n"), encoding="utf-8")
    write_workbook(TARGET / "ekonomi.xlsx", ekonomi_month())
    write_workbook(TARGET / "produktion.xlsx", produktion_month())
    write_workbook(TARGET / "personal.xlsx", personal_month())
    write_texts(TARGET, MAIN_TEXTS)
    interim = TARGET / "delarsrapporter"
    if interim.exists():
        shutil.rmtree(interim)  # a renamed folder must not linger
    for division in DIVISIONS:
        folder = interim / FOLDERS[division]
        folder.mkdir(parents=True)
        (folder / "rapport.yaml").write_text(division_yaml(division), encoding="utf-8")
        write_workbook(folder / "ekonomi.xlsx", ekonomi_division(division))
        write_workbook(folder / "personal.xlsx", personal_division(division))
        write_workbook(folder / "styrkort.xlsx", styrkort(division))
        production = produktion_division(division)
        if production is not None:
            write_workbook(folder / "produktion.xlsx", production)
        write_texts(folder, DIVISION_TEXTS[division])
    print(f"Skrev {TARGET.relative_to(ROOT)} och {len(DIVISIONS)} delårsrapporter i {interim.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
