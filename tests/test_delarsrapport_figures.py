"""A division's interim report: every formula, worked through with seed 003's figures.

The bundled division period (inputs/2021-04-ovriga-lanet, written by
tools/make_example_division.py from seed 003) is read and computed once; each
test states a figure of the seed and where it stands there (line numbers of
seed 003 as in DELARSRAPPORT.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.documents import report_kind
from reporter.figures.common import Comparison
from reporter.figures.delarsrapport import key_figure_text
from reporter.figures.ekonomi import Atgard, Brygga, _bridge
from reporter.pipeline import check

DIVISION = Path(__file__).resolve().parent.parent / "inputs" / "2021-04-ovriga-lanet"


@pytest.fixture(scope="module")
def figures():
    checked = check(DIVISION)
    assert checked.errors == []
    return report_kind(checked.config).compute(checked.inputs, checked.config).figures


def mnkr(tkr: float | None) -> float | None:
    return None if tkr is None else round(tkr / 1000)


def test_the_result_against_budget_last_year_and_the_forecast(figures):
    """Seed l. 28-34, 465-473, 993-1001: +2 mnkr, 7 better than the planned −5, +20 on last year; forecast −40, −61 against +21, −24 on 2020."""
    r = figures.ekonomi.resultat
    assert (round(r.utfall / 1000, 1), mnkr(r.budget), mnkr(r.avvikelse), mnkr(r.mot_foregaende_ar)) == (2.2, -5, 7, 20)
    assert (mnkr(r.prognos_helar), mnkr(r.budget_helar), mnkr(r.prognosavvikelse), mnkr(r.prognos_mot_foregaende_ar)) == (-40, 21, -61, -24)


def test_net_cost_development_is_the_growth_of_minus_the_net_cost(figures):
    """Seed l. 865-867, 960: −1,9 % (the net cost shrank), 8 mnkr lower."""
    r = figures.ekonomi.resultat
    assert round(r.nettokostnadsutveckling, 1) == -1.9
    assert mnkr(r.nettokostnad_forandring) == -8


def test_the_result_table_per_verksamhet_and_verksamhetsomrade(figures):
    """Seed l. 542-626: the Totalt row 12 619 | 1 225 | −12 651 | 1 261 | −230, 2 224 in all; every row sums to its total."""
    table = figures.ekonomi.utfall
    assert table.kolumner == ["Närsjukvård gemensamt", "Närsjukvård Gällivare", "Närsjukvård Kalix", "Närsjukvård Kiruna", "Närsjukvård Piteå"]
    assert [round(v) for v in table.totalt.varden] == [12619, 1225, -12651, 1261, -230]
    assert round(table.totalt.summa) == 2224
    assert round(sum(row.summa for row in table.rader)) == 2224
    change = figures.ekonomi.forandring
    assert round(change.totalt.summa) == 20086  # l. 729
    assert round(next(r for r in change.rader if r.namn == "An/Op/IVA").summa) == -13674  # l. 709 (the prose's "−1 mnkr" is not it)


def test_the_forecast_tables(figures):
    """Seed l. 1059, 1139: forecast −40 065, forecast against 2020 −23 804; l. 916-960: Primärvård = PV anslag + PV kapitering."""
    assert round(figures.ekonomi.prognos.totalt.summa) == -40065
    assert round(figures.ekonomi.prognos_mot_foregaende_ar.totalt.summa) == -23804
    rows = {row.namn: row for row in figures.ekonomi.prognostabell}
    assert "PV anslag" not in rows and "Primärvård" in rows
    assert mnkr(rows["Primärvård"].utfall) == 10  # 9 173 + 924 tkr
    akut = rows["Akut omhänd"]
    assert (mnkr(akut.nettokostnad), mnkr(akut.nettokostnad_foregaende_ar), round(akut.nettokostnadsutveckling)) == (-93, -100, -7)


def test_the_group_table_of_the_health_centres(figures):
    """Seed l. 1297-1333: Hälsocentralernas resultat och prognos, Kiruna's Resultat 2021 Apr 860."""
    (table,) = figures.ekonomi.grupptabeller
    assert table.rubrik == "Hälsocentralernas resultat och prognos" and table.grupp == "Primärvård"
    kiruna = next(r for r in table.rader if r.namn == "Närsjukvård Kiruna")
    assert round(kiruna.utfall) == 860


def test_cost_development_is_the_year_to_date_against_the_same_months(figures):
    """Seed l. 665-667, 842: 741 mnkr, +5,3 %, +37 mnkr; the 13 columns newest first."""
    costs = figures.ekonomi.kostnader
    assert (mnkr(costs.varde), round(costs.procent, 1), mnkr(costs.skillnad)) == (741, 5.3, 37)
    trend = figures.ekonomi.kostnadsutveckling
    assert str(trend.manader[0]) == "2021-04" and len(trend.manader) == 13
    assert round(trend.totalt.forandringar[0], 1) == 5.3
    staff = next(line for line in trend.rader if line.kostnadsslag == "Personalkostnader")
    assert mnkr(staff.hittills) == 447


def test_the_action_plan_and_its_achievement(figures):
    """Seed l. 28, 471-477, 1362-1368, 3484: assignment 37, plan 12, achieved 3,5 (29 %), forecast 9; Kalix holds 23."""
    plan = figures.ekonomi.handlingsplan
    total = plan.totalt
    assert (mnkr(plan.uppdrag), mnkr(total.plan), total.utfall / 1000, round(total.maluppfyllelse)) == (37, 12, 3.5, 29)
    assert (mnkr(total.prognos_helar), mnkr(total.prognosavvikelse)) == (9, -28)
    assert mnkr(next(a for a in plan.per_verksamhetsomrade if a.namn == "Närsjukvård Kalix").plan_helar) == 23


def test_achievement_is_achieved_over_planned():
    assert Atgard("x", 37000, 12000, 3500, 9000).maluppfyllelse == pytest.approx(29.17, abs=0.01)
    assert Atgard("x", 37000, 0, 3500, 9000).maluppfyllelse is None  # no plan for the months: no share
    assert Atgard("x", 37000, 12000, None, 9000).maluppfyllelse is None


def test_the_result_bridge_is_planned_plus_the_plans_deviation_plus_the_rest(figures):
    """Seed l. 471-487, 1001, 1170-1238: 2 = −5 + (3,5 − 12) + 16; the year −40 = 21 + (9 − 37) − 33."""
    period, year = figures.ekonomi.brygga, figures.ekonomi.brygga_helar
    assert (mnkr(period.planerat), period.handlingsplan / 1000, mnkr(period.oplanerat), round(period.resultat / 1000, 1)) == (-5, -8.5, 16, 2.2)
    assert (mnkr(year.planerat), mnkr(year.handlingsplan), mnkr(year.oplanerat), mnkr(year.resultat)) == (21, -28, -33, -40)
    assert figures.ekonomi.resultatpaverkan_summa.utfall == 16000  # −25 − 46 + 17 + 75 − 5
    assert figures.ekonomi.resultatpaverkan_summa.prognos_helar == -33000


def test_a_bridge_without_an_action_plan_puts_all_the_deviation_in_the_rest():
    assert _bridge(-5000, None, None, 2000) == Brygga(-5000, None, 7000, 2000)
    assert _bridge(None, 12000, 3500, 2000) is None


def test_investments_and_special_costs(figures):
    """Seed l. 1431-1439: 5,6 + 1,0 = 6,6, forecast 35,3 mnkr; l. 1454-1468: Covid-19 49 766 tkr, empty categories not 0."""
    total = figures.ekonomi.investeringar_totalt
    assert (total.tidigare / 1000, total.i_ar / 1000, total.summa / 1000, total.prognos_helar / 1000) == (5.6, 1.0, 6.6, 35.3)
    (covid,) = figures.ekonomi.sarskilda_kostnader
    assert covid.namn == "Covid-19" and covid.summa == 49766
    assert [r.utfall for r in covid.rader].count(None) == 4


def test_production_the_year_to_date_per_verksamhet(figures):
    """Seed l. 1479-1490: Vårdtillfällen 3 684 vs 3 669 → 0,4 %; Primärvård 492 vs 396 → 24,2 %; Psykiatri −9,3 %."""
    stays = figures.produktion.matt_med("vårdtillfällen")
    assert (stays.totalt.varde, stays.totalt.jamforelse, round(stays.totalt.procent, 1)) == (3684, 3669, 0.4)
    rows = {r.namn: r.hittills for r in stays.verksamheter}
    assert (rows["Primärvård"].varde, rows["Primärvård"].jamforelse, round(rows["Primärvård"].procent, 1)) == (492, 396, 24.2)
    assert round(rows["Psykiatri"].procent, 1) == -9.3
    assert round(figures.produktion.matt_med("Läkarbesök").totalt.procent, 1) == -4.4


def test_the_share_of_distance_contacts_changes_in_procentenheter(figures):
    """Seed l. 1500-1502, decision 3: +8,8 procentenheter."""
    share = figures.produktion.distansandel
    assert round(share.skillnad, 1) == 8.8


def test_accessibility_is_the_mean_of_the_months_and_those_waiting(figures):
    """Seed l. 1550-1554: 75,5 % on average, 471 waiting, −25 % since the turn of the year; l. 1583: 99 %."""
    visit, operation = figures.produktion.tillganglighet
    assert (round(visit.medel.varde, 1), visit.vantande, round(visit.vantande_forandring)) == (75.5, 471, -25)
    assert round(operation.medel.varde) == 99


def test_headcount_worked_time_and_hired_staff(figures):
    """Seed l. 365-408: tillsvidare −82, vikarier +49 (+36 %); worked time incl. hired +58 åa (+3,5 %); extratid 67 (+12,9 %); övertid +29,9 %."""
    personal = figures.personal
    forms = {f.namn: f.antal for f in personal.anstallda}
    assert forms["Tillsvidare"].skillnad == -82
    assert (forms["Vikarie/tillfällig"].skillnad, round(forms["Vikarie/tillfällig"].procent)) == (49, 36)
    assert (personal.arbetad_tid.skillnad, round(personal.arbetad_tid.procent, 1)) == (58, 3.5)
    assert (personal.extratid.varde, round(personal.extratid.procent, 1)) == (67, 12.9)
    assert round(personal.overtid.procent, 1) == 29.9
    doctors = next(g for g in personal.inhyrd_per_yrkesgrupp if g.namn == "Läkare").hittills
    assert (round(doctors.jamforelse), round(doctors.varde)) == (31, 29)


def test_sick_leave_the_year_to_date_with_its_subsets(figures):
    """Seed l. 430-434, 3380-3384: 6,2 % (K 6,8, M 3,9); short 2,0 against 4,8; long 3,2 against 3,7 — not a partition."""
    sick = figures.personal.sjukfranvaro
    assert (round(sick.totalt.varde, 1), round(sick.kvinnor.varde, 1), round(sick.man.varde, 1)) == (6.2, 6.8, 3.9)
    assert (round(sick.korttid.varde, 1), round(sick.korttid.jamforelse, 1)) == (2.0, 4.8)
    assert (round(sick.langtid.varde, 1), round(sick.langtid.jamforelse, 1)) == (3.2, 3.7)
    assert sick.korttid.varde + sick.langtid.varde < sick.totalt.varde
    assert sick.hogsta_manad is not None and sick.hogsta_manad.year == 2021


def test_the_scorecard_per_perspective(figures):
    """Seed l. 48-54: Samhälle uppnås, Verksamhet and Ekonomi delvis, Medborgare and Medarbetare ej; the region's success factors under each goal."""
    assessed = {p.perspektiv: p.bedomning for p in figures.styrning.perspektiv}
    assert assessed == {
        "Samhälle": "Uppnått", "Medborgare": "Ej uppnått", "Verksamhet": "Delvis uppnått", "Medarbetare": "Ej uppnått", "Ekonomi": "Delvis uppnått",
    }
    factors = [f for f in figures.styrning.sammanfattning if f.perspektiv == "Medarbetare"]
    assert len(factors) >= 3 and all(f.framgangsfaktor for f in factors)


def test_a_key_figure_is_computed_once_and_stated_alike_everywhere(figures):
    """Seed l. 3461, 3484, 3500: the Ekonomi measures the seed typed by hand (2,2 mnkr; 29 %; −1,9 %) come from the figures."""
    assert key_figure_text("resultat", figures.nyckeltal["resultat"]) == "2,2 mnkr"
    assert key_figure_text("handlingsplan", figures.nyckeltal["handlingsplan"]) == "29 %"
    assert key_figure_text("nettokostnadsutveckling", figures.nyckeltal["nettokostnadsutveckling"]) == "−1,9 %"
    shown = [row.utfall for p in figures.styrning.maluppfyllelse.perspektiv for g in p.mal for f in g.faktorer for m in f.matt for row in m.rader]
    assert "2,2 mnkr" in shown and "29 %" in shown


def test_comparisons_are_none_where_there_is_nothing_to_compare():
    assert Comparison(5, 0).procent is None
    assert Comparison(None, 3).skillnad is None


def test_perspectives_grouped_by_their_assessment_in_order_of_first_appearance():
    from reporter.figures.delarsrapport import Perspektivbedomning, Styrning

    said = [("Samhälle", "Uppnått"), ("Medborgare", "Ej uppnått"), ("Verksamhet", "Delvis uppnått"), ("Medarbetare", "Ej uppnått"),
            ("Ekonomi", "Delvis uppnått"), ("Övrigt", None)]
    styrning = Styrning([], [Perspektivbedomning(p, b) for p, b in said], None)  # type: ignore[arg-type]
    assert [(g.perspektiv, g.bedomning) for g in styrning.bedomningar] == [
        (["Samhälle"], "Uppnått"), (["Medborgare", "Medarbetare"], "Ej uppnått"), (["Verksamhet", "Ekonomi"], "Delvis uppnått"), (["Övrigt"], None),
    ]
