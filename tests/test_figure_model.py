"""One figure model per domain: the interim report's figures are the monthly report's types or extend them,
and the two sums (over the values present, or only when every value is there) live in figures/common.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reporter.figures.common import NamedComparison, sum_all, sum_present
from reporter.figures.ekonomi import CostLine, DivisionLine, Ekonomi, EkonomiBase, InterimEkonomi, ResultAgainstBudget, Resultat
from reporter.figures.investeringar import Investering, Investeringsrad
from reporter.figures.personal import InterimPersonal, WorkedTime, WorkedTimeFigures
from reporter.figures.produktion import InterimProduktion, MeasureLine, Produktion, ProduktionBase, Produktionsmatt

FIGURES = Path(__file__).resolve().parent.parent / "reporter" / "figures"


@pytest.mark.parametrize(("month", "interim", "base"), [
    (Ekonomi, InterimEkonomi, EkonomiBase),
    (DivisionLine, Resultat, ResultAgainstBudget),
    (CostLine, NamedComparison, NamedComparison),
    (Produktion, InterimProduktion, ProduktionBase),
    (MeasureLine, Produktionsmatt, NamedComparison),
    (WorkedTimeFigures, InterimPersonal, WorkedTime),
    (Investeringsrad, Investering, Investeringsrad),
])
def test_the_interim_figures_share_the_months_domain_type(month, interim, base):
    assert issubclass(month, base) and issubclass(interim, base)


def test_an_interim_investment_is_the_appendixs_line_under_its_templates_names():
    line = Investering("Service", "Fordon", 200.0, None, 900.0)
    assert (line.namn, line.tidigare, line.i_ar, line.summa, line.prognos_helar) == ("Fordon", 200.0, None, 200.0, 900.0)
    assert line.utfall == Investeringsrad("Service", "Fordon", 200.0, None, 900.0).utfall == 200.0


def test_the_two_sums_say_what_a_missing_part_means():
    assert sum_present([1.0, None, 2.0]) == 3.0 and sum_all([1.0, None, 2.0]) is None
    assert sum_present([1.0, 2.0]) == sum_all([1.0, 2.0]) == 3.0
    assert sum_present([]) is None and sum_all([]) is None
    assert sum_present([None]) is None and sum_all([None]) is None


def test_no_figure_module_writes_a_sum_of_its_own():
    """Every sum over figures is sum_present or sum_all (figures/common.py), not a hand-written one."""
    for path in sorted(FIGURES.glob("*.py")):
        if path.name == "common.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "sum"
                 and not (isinstance(n.args[0], ast.GeneratorExp) and isinstance(n.args[0].elt, ast.Constant))]  # a count
        helpers = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name in ("_sum", "_total")]
        assert not calls and not helpers, f"{path.name}: {[ast.unparse(c) for c in calls]} {helpers}"
