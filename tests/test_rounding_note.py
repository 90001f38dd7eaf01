"""Issue 26 item 2: a table whose rounded parts cannot add up to its rounded total says so under it, and only then."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from helpers import dump_docx

from reporter.differences import Difference, rounding_note_needed
from reporter.formatting import avrundningsdifferens

NOTE = "Avrundningsdifferenser kan förekomma."


@pytest.mark.parametrize(("parts", "total", "decimals", "needed"), [
    ([0.34, 0.34, 0.34], 1.02, 1, True),     # 0,3 + 0,3 + 0,3 = 0,9, shown total 1,0
    ([0.3, 0.3, 0.4], 1.0, 1, False),
    ([12619.6, -0.4], 12619.2, 0, True),     # 12 620 + 0 against 12 619
    ([1.0, None, 2.0], 3.0, 0, False),       # an empty cell is no part
    ([], 5.0, 0, False),
    ([1.0, 2.0], None, 0, False),            # no total: nothing to add up to
    ([Difference(10.4, 5.2), Difference(1.4, 0.6)], Difference(11.8, 5.8), 0, True),  # (10 − 5) + (1 − 1) against 12 − 6
])
def test_rounding_note_needed(parts, total, decimals, needed):
    assert rounding_note_needed(parts, total, decimals) is needed


def test_the_templates_filter_checks_each_column_and_each_rows_own_sum():
    rows = [SimpleNamespace(varden=[1000.4, 2000.4], summa=3000.8), SimpleNamespace(varden=[10.0, 20.0], summa=30.0)]
    total = SimpleNamespace(varden=[1010.4, 2020.4], summa=3030.8)
    assert not avrundningsdifferens(rows, total, "varden", "summa")
    assert avrundningsdifferens(rows, total, "varden", "summa", radsumma=("varden", "summa"))  # 1 000 + 2 000 against 3 001
    amounts = [SimpleNamespace(utfall=340.0), SimpleNamespace(utfall=340.0), SimpleNamespace(utfall=340.0)]
    assert avrundningsdifferens(amounts, SimpleNamespace(utfall=1020.0), "utfall", decimaler=1, skala=1000)
    assert not avrundningsdifferens(amounts, SimpleNamespace(utfall=1020.0), "utfall", decimaler=2, skala=1000)
    assert avrundningsdifferens([340.0, 340.0, 340.0], 1020.0, decimaler=1, skala=1000)


def test_the_interim_report_has_the_note_under_exactly_the_tables_that_need_it(bundled_packages):
    lines = dump_docx(bundled_packages[3] / "delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx").splitlines()
    noted = [lines[number - 1 if lines[number].startswith("[Källa] Avrundning") else number][:60]
             for number, line in enumerate(lines) if NOTE in line]
    # the four VO × verksamhet tables (tkr), net cost per verksamhet, the health centres' table, the action plan's table,
    # and Resultatpåverkan: its items add up to their Summa 16,0 / −33,0, which the bridge shows as 15,7 / −33,1
    assert len(noted) == 8
    assert sum(line.startswith("[Källa] Tkr. Resultat") for line in noted) == 4
    assert sum(line.startswith("[Källa] Positiva belopp") for line in noted) == 1
    assert not any("Resultat = planerat" in line or "Bokfört" in line for line in noted)


def test_the_cost_appendix_of_an_interim_report_has_the_note_when_its_cost_types_do_not_add_up_as_shown(bundled_packages):
    """The tertial example: Övriga länet's cost types make 1 356,8 against a Summa of 1 356,7 shown, and so on."""
    noted = {}
    for path in sorted(bundled_packages[2].glob("bilaga-[1-6]-delarsrapport-*.docx")):
        source = [line for line in dump_docx(path).splitlines() if line.startswith("[Källa] Kostnader januari")]
        noted[path.name.split("-")[1]] = source[-1].endswith(NOTE)
    assert noted == {"1": False, "2": True, "3": True, "4": False, "5": True, "6": False}
