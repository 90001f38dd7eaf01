"""The rounding note under a table whose rounded parts cannot add up (issue 26 item 2), the result table's memo
posts apart from its sum (item 4), and production in sentences that lead with the largest change (item 8)."""

from __future__ import annotations

from types import SimpleNamespace

from reporter.context import avrundning, resultat_tabell
from reporter.figures.common import Comparison
from reporter.figures.ekonomi import CostTrendLine, ResultLine
from reporter.figures.produktion import MeasureLine
from reporter.formatting import mnkr_tal, storst_forst
from reporter.rounding import parts_of, rounding_differs


def test_a_table_needs_the_note_only_when_its_figures_as_shown_do_not_add_up():
    one = lambda v: mnkr_tal(v, 1)  # noqa: E731 - the divisions' column: one decimal
    assert rounding_differs([([1_440, 1_440], 2_880)], one)  # 1,4 + 1,4 against 2,9
    assert not rounding_differs([([1_400, 1_400], 2_800)], one)
    assert not rounding_differs([([1_440, None], 2_880)], one)  # a missing part: nothing to add up
    assert rounding_differs([([1_400, 1_400], 2_800), ([400, 400], 800), ([1_440, 1_440], 2_880)], one)
    assert rounding_differs([([1_440, 1_440], 2_880)], mnkr_tal)  # whole mnkr: 1 + 1 against 3
    assert not rounding_differs([([1_600, 1_400], 3_000)], mnkr_tal)  # 2 + 1 = 3


def test_parts_are_the_lines_that_add_up_to_the_total():
    assert parts_of(3_066, [2_353, 713])
    assert not parts_of(3_066, [2_353, 700]) and not parts_of(None, [1]) and not parts_of(5, [5, None])


def _line(post: str, utfall: float) -> ResultLine:
    return ResultLine(post, utfall, utfall, utfall, None, utfall)


class _Costs:
    def __init__(self, parts=(), total=None):
        self.rader = [CostTrendLine(f"Kostnadsslag {n}", part, []) for n, part in enumerate(parts)]
        self.totalt = CostTrendLine("Summa verksamhetens kostnader", total, [])


class _Economy:
    def __init__(self, lines, divisions=(), total=None, costs=None):
        self.rader, self.divisioner, self.divisioner_totalt = lines, list(divisions), total
        self.kostnadsutveckling = costs or _Costs()


BRIDGE = [("Skatteintäkter", 2_353_400), ("Generella statsbidrag och utjämning", 712_600),
          ("Skatteintäkter och generella statsbidrag", 3_066_000), ("Nettokostnader", -2_870_600),
          ("Verksamhetens resultat", 195_400), ("Finansnetto", 272_600), ("Periodens resultat", 468_000),
          ("Hälsocentraler i egen regi", -37_000)]


def test_the_posts_after_periodens_resultat_stand_apart_from_the_bridge():
    table = resultat_tabell(_Economy([_line(p, v) for p, v in BRIDGE]))  # type: ignore[arg-type]
    assert [r.post for r in table["ovriga"]] == ["Hälsocentraler i egen regi"]
    assert [r.post for r in table["rader"]][-1] == "Periodens resultat"


def test_the_result_table_gets_the_note_when_its_sums_do_not_add_up_as_shown():
    class _Division:
        def __init__(self, value):
            self.utfall = self.budget = self.avvikelse = self.prognos_helar = self.budget_helar = self.prognosavvikelse = value

    adds_up = _Economy([_line(p, v) for p, v in BRIDGE], [_Division(1_400), _Division(1_400)], _Division(2_800))
    assert avrundning(adds_up) == {"resultat": False, "divisioner": False, "kostnader": False}  # type: ignore[arg-type]
    # Verksamhetens resultat 195,4 and Finansnetto 272,4 make 467,8: shown 195 + 272 against 468.
    parted = _Economy([_line(p, {"Finansnetto": 272_400, "Periodens resultat": 467_800}.get(p, v)) for p, v in BRIDGE],
                      [_Division(1_440), _Division(1_440)], _Division(2_880))
    found = avrundning(parted)  # type: ignore[arg-type]
    assert found["resultat"]
    assert found["divisioner"]  # 1,4 + 1,4 against 2,9


def test_the_cost_table_gets_the_note_when_its_cost_types_do_not_add_up_as_shown():
    """March 2021's bilaga 1: the cost types shown in whole mnkr made 2 561 against a Summa of 2 562."""
    none = SimpleNamespace(utfall=0, budget=0, avvikelse=0, prognos_helar=0, budget_helar=0, prognosavvikelse=0)
    adds_up = _Economy([], [none], none, costs=_Costs([1_674_000, 128_000], 1_802_000))
    parted = _Economy([], [none], none, costs=_Costs([1_674_400, 128_400], 1_802_800))  # 1 674 + 128 against 1 803
    assert not avrundning(adds_up)["kostnader"]  # type: ignore[arg-type]
    assert avrundning(parted)["kostnader"]  # type: ignore[arg-type]


def _measure(name: str, now: float, before: float) -> MeasureLine:
    return MeasureLine(name, Comparison(now, before), Comparison(None, None))


def test_production_leads_with_the_largest_change_and_groups_the_others():
    text = storst_forst([
        _measure("Läkarbesök", 80_202, 87_051), _measure("Besök övriga vårdgivare", 238_878, 215_760),
        _measure("Distanskontakter", 52_262, 26_924), _measure("Vårdtillfällen", 14_731, 15_082),
        _measure("Operationer", 5_444, 6_021),
    ], "januari–april 2021", falt="hittills")
    assert text.startswith("Under januari–april 2021 har antalet distanskontakter ökat mest jämfört med samma period föregående år, "
                           "med 94,1 procent till 52\u00a0262.")
    assert ("Även antalet besök övriga vårdgivare (+10,7 procent, 238\u00a0878) har ökat, medan antalet operationer (−9,6 procent, "
            "5\u00a0444), antalet läkarbesök (−7,9 procent, 80\u00a0202) och antalet vårdtillfällen (−2,3 procent, 14\u00a0731) har minskat.") in text
    assert text.count("har minskat") == 1  # one sentence for the three, not the same pattern three times


def test_production_says_what_is_unchanged_and_what_cannot_be_compared():
    text = storst_forst([_measure("Operationer", 100, 100), _measure("Läkarbesök", 5, None), _measure("Vårdtillfällen", 90, 100)],
                        "mars 2021", falt="hittills")
    assert "Under mars 2021 har antalet vårdtillfällen minskat jämfört med samma period föregående år, med 10,0 procent" in text  # not "mest"
    assert "Antalet operationer (100) är oförändrat." in text and "Antalet läkarbesök under mars 2021 är 5." in text
