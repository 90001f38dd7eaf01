"""Issue 26 item 8: generated sentences a person would write (the interim report's filters)."""

from __future__ import annotations

from types import SimpleNamespace as N

from reporter.formatting import mot_budget, procent, storst_forst


def test_a_result_against_a_budget_of_zero_says_so_instead_of_its_own_size_again():
    assert mot_budget(-25_100, 0, decimaler="auto") == " mot ett budgeterat nollresultat"
    assert mot_budget(-25_100, 40, decimaler="auto") == " mot ett budgeterat nollresultat"  # 0,0 mnkr as shown
    assert mot_budget(7_200, -5_000, decimaler="auto").replace("\u00a0", " ") == ", 7,2 mnkr bättre än budget"


def _measure(name, value, percent):
    return N(matt=name, totalt=N(varde=value, procent=percent))


def test_measures_lead_with_the_largest_change_and_group_those_that_moved_the_same_way():
    rows = [_measure("Vårdtillfällen", 3684, 0.4), _measure("Läkarbesök", 44932, -4.4), _measure("Distanskontakter", 38047, 94.0)]
    assert storst_forst(rows, "januari–april 2021").replace("\u00a0", " ") == (
        f"Under januari–april 2021 har antalet distanskontakter ökat mest jämfört med samma period föregående år, med {procent(94.0)} "
        f"till 38 047. Även antalet vårdtillfällen ({procent(0.4, signerat=True)}, 3 684) har ökat, medan antalet läkarbesök har "
        f"minskat med {procent(4.4)} till 44 932."
    )


def test_a_single_other_direction_an_unchanged_measure_and_one_without_last_year():
    rows = [_measure("Läkarbesök", 100, -9.0), _measure("Besök", 50, 2.0), _measure("Operationer", 7, 0.0), _measure("Nytt", 3, None),
            N(matt="Inget", totalt=None)]
    assert storst_forst(rows, "jan–aug 2020").replace("\u00a0", " ") == (
        f"Under jan–aug 2020 har antalet läkarbesök minskat mest jämfört med samma period föregående år, med {procent(9.0)} till 100. "
        f"Antalet besök har däremot ökat med {procent(2.0)} till 50. Antalet operationer (7) är oförändrat. "
        "Antalet nytt under jan–aug 2020 är 3."
    )
