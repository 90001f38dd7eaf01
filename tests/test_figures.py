"""Figure computations against worked examples (the seeds' tables among them)."""

from __future__ import annotations

import copy

import pytest

from reporter.figures import compute
from reporter.figures.common import Comparison, change_pct
from reporter.model import Headcount, Month, Production, SickLeave, Source

SRC = Source("test.xlsx", "Blad", "rad 1")


def test_change_in_percent_seed_003():
    """Seed 003: Vårdtillfällen 3 684 (2021-04) against 3 669 (2020-04) → 0,4 %."""
    assert round(change_pct(3684, 3669), 1) == 0.4


def test_change_against_a_negative_comparison_uses_its_size():
    # Result −357 → 436: an improvement, so the change is positive.
    assert change_pct(436, -357) == pytest.approx(222.1, abs=0.05)


def test_change_undefined_without_comparison():
    assert change_pct(5, 0) is None
    assert change_pct(5, None) is None
    assert Comparison(5, None).skillnad is None


@pytest.fixture(scope="module")
def example():
    from conftest import bundled_checked

    checked = bundled_checked(reporter_example().name)  # reporter.validate(reporter_example()), shared
    return checked.config, checked.inputs, compute(checked.inputs, checked.config)


def reporter_example():
    from conftest import EXAMPLE

    return EXAMPLE


def test_region_result_lines_seed_004(example):
    """Seed 004, March 2021: result 436 mnkr, 208 better than February, 793 better than last year."""
    _, _, figures = example
    result = figures.ekonomi.periodens_resultat
    assert result.utfall == 436_000
    assert result.mot_foregaende_manad == 208_000
    assert result.mot_foregaende_ar == 793_000
    business = figures.ekonomi.verksamhetens_resultat
    assert (business.utfall, business.mot_foregaende_ar, business.avvikelse) == (229_000, 173_000, 182_000)
    costs = figures.ekonomi.nettokostnader_storlek
    assert costs.skillnad == -27_000
    assert round(costs.procent, 1) == -1.3


def test_division_results_and_budget_deviation(example):
    _, _, figures = example
    total = figures.ekonomi.divisioner_totalt
    assert total.utfall == 16_000  # seed 004: divisions +16 mnkr
    assert total.mot_foregaende_ar == 56_000  # … 56 mnkr better than last year
    lsv = [d for d in figures.ekonomi.divisioner if d.division == "Länssjukvård"][0]
    assert lsv.avvikelse == 9700 - 2000
    assert lsv.prognosavvikelse == -15_000


def test_headcount_seed_004(example):
    """Seed 004: 7 012 employees, 6 387 tillsvidare, 625 vikarier; +18 on the month (+4, +14); −66 on the year."""
    _, _, figures = example
    p = figures.personal
    assert (p.anstallda.antal, p.tillsvidare.antal, p.vikarier.antal) == (7012, 6387, 625)
    assert (p.anstallda.mot_foregaende_manad, p.tillsvidare.mot_foregaende_manad, p.vikarier.mot_foregaende_manad) == (18, 4, 14)
    assert p.anstallda.mot_foregaende_ar == -66
    assert [(g.namn, g.mot_foregaende_manad) for g in p.storsta_okningar] == [
        ("Administratör vård", 13), ("Läkare", 9), ("Sjuksköterskor", 9), ("Vård och omsorgsarbete", 8)
    ]
    assert [(g.namn, g.mot_foregaende_manad) for g in p.storsta_minskningar][:2] == [("Administration", -10), ("Chefer", -6)]


def test_accessibility_in_procentenheter_seed_004(example):
    _, _, figures = example
    shares = {s.namn: s for s in figures.produktion.tillganglighet}
    phone = shares["Telefontillgänglighet primärvård"]
    assert phone.andel == pytest.approx(80.1)
    assert phone.mot_foregaende_ar == pytest.approx(80.1 - 82.3)
    visits = shares["Väntat högst 90 dagar till besök"]
    assert visits.mot_foregaende_ar == pytest.approx(-20)


def test_extra_time_seed_004(example):
    _, _, figures = example
    extra = figures.personal.arbetad_tid.extratid
    assert (extra.varde, extra.skillnad) == (pytest.approx(174), pytest.approx(-34))
    assert round(figures.personal.arbetad_tid.arbetad_tid.procent, 1) == -0.9


def _config(example):
    return example[0]


def test_year_to_date_production_is_january_to_period(example):
    config = _config(example)
    rows = [
        Production("Länssjukvård", "Operationer", Month(2021, m), v, SRC) for m, v in ((1, 100), (2, 110), (3, 120), (4, 999))
    ] + [
        Production("Länssjukvård", "Operationer", Month(2020, m), v, SRC) for m, v in ((1, 90), (2, 100), (3, 110), (12, 999))
    ]
    inputs = copy.copy(example[1])  # the module's validated example; a test sets its own rows on a copy
    inputs.produktion = rows
    line = compute(inputs, config).produktion.matt[0]
    assert (line.hittills.varde, line.hittills.jamforelse) == (330, 300)
    assert round(line.hittills.procent, 1) == 10.0
    assert (line.manad.varde, line.manad.jamforelse) == (120, 110)


def test_sick_leave_is_hours_over_hours_not_mean_of_percentages(example):
    config = _config(example)
    inputs = copy.copy(example[1])  # the module's validated example; a test sets its own rows on a copy
    inputs.sjukfranvaro = [
        SickLeave("Länssjukvård", "Kvinnor", Month(2021, 3), 100, 1000, SRC),  # 10 %
        SickLeave("Service", "Män", Month(2021, 3), 10, 500, SRC),  # 2 %
    ]
    sick = compute(inputs, config).personal.sjukfranvaro
    assert sick.manad == pytest.approx(110 / 1500 * 100)  # 7,33 %, not (10 + 2) / 2 = 6 %
    assert sick.hittills_foregaende_ar is None


def test_headcount_change_without_previous_month(example):
    config = _config(example)
    inputs = copy.copy(example[1])  # the module's validated example; a test sets its own rows on a copy
    inputs.anstallda = [Headcount("Service", "Chefer", "Tillsvidare", Month(2021, 3), 5, SRC)]
    p = compute(inputs, config).personal
    assert p.anstallda.antal == 5
    assert p.anstallda.mot_foregaende_manad is None


def test_division_groups_list_all_up_to_the_limit():
    from reporter.figures.common import division_groups

    names = [f"D{i}" for i in range(15)]
    listed, group = division_groups(names, {})
    assert listed == names and group("D3") == "D3"


def test_division_groups_keep_the_largest_in_their_order_and_sum_the_rest():
    from reporter.figures.common import division_groups

    names = ["A", "B", "C", "D", "E"]
    listed, group = division_groups(names, {"A": 1, "B": -50, "C": 3, "D": 40, "E": 2}, limit=3)
    assert listed == ["B", "D", "Övriga 3 divisioner"]  # by size, not sign; in the order of rapport.yaml
    assert [group(n) for n in names] == ["Övriga 3 divisioner", "B", "Övriga 3 divisioner", "D", "Övriga 3 divisioner"]


def test_sick_leave_of_the_other_divisions_is_their_hours_over_their_hours(example, monkeypatch):
    monkeypatch.setattr("reporter.figures.common.DIVISION_LIMIT", 2)
    config = _config(example)
    inputs = copy.copy(example[1])  # the module's validated example; a test sets its own rows on a copy
    inputs.sjukfranvaro = [
        SickLeave("Länssjukvård", "Kvinnor", Month(2021, 3), 100, 10000, SRC),  # the largest: listed
        SickLeave("Service", "Män", Month(2021, 3), 100, 1000, SRC),  # 10 %
        SickLeave("Folktandvård", "Män", Month(2021, 3), 10, 500, SRC),  # 2 %
    ]
    lines = compute(inputs, config).personal.sjukfranvaro_per_division
    assert [line.namn for line in lines] == ["Länssjukvård", "Övriga 2 divisioner"]
    assert lines[1].manad == pytest.approx(110 / 1500 * 100)  # 7,33 %, not (10 + 2) / 2
