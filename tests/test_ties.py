"""Issue 26 item 2: a difference shown beside the two figures it compares is their difference as shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dump_docx
from pagecheck import untied

from reporter.differences import Difference
from reporter.figures.common import difference
from reporter.formatting import fler_farre, jamfort, mnkr_tal, procentenheter, signerat, tal


@pytest.fixture(scope="module")
def packages(bundled_packages) -> list[Path]:
    """The four bundled packages (conftest.bundled_packages)."""
    return bundled_packages


@pytest.mark.slow  # reads every table of the four bundled packages (three more built than March), 0.4 s CPU
def test_every_difference_in_a_bundled_table_ties_with_the_figures_beside_it(packages):
    found = [f"{document.name}: {row}" for folder in packages for document in sorted(folder.glob("*.docx"))
             for row in untied(dump_docx(document).splitlines())]
    assert found == []


def test_the_checker_finds_a_difference_that_does_not_tie():
    lines = ["| Mått | 2021 | 2020 | Förändring | Förändring % |", "| Inhyrd personal | 90 | 105 | −14 | −13,9 % |",
             "| Extratid | 100,3 | 95,4 | +4,9 | 5,1 % |"]
    assert untied(lines) == ["Inhyrd personal: 90 mot 105 visas som −14 (Förändring)"]
    budget = ["| Mnkr | Utfall | Budget | Avvikelse | Föreg. år | Förändring |", "| Resultat | 15,7 | 10,0 | 5,7 | 12,0 | 3,6 |"]
    assert untied(budget) == ["Resultat: 15,7 mot 12,0 visas som 3,6 (Förändring)"]


@pytest.mark.parametrize(("current", "comparison", "decimals", "shown"), [
    (1886.4, 1927.6, 0, "−42"),   # 1 886 against 1 928, not −41
    (89.6, 104.4, 0, "−14"),
    (90.4, 104.6, 0, "−15"),      # 90 against 105, not −14
    (3.04, 2.96, 1, "0,0"),        # 3,0 against 3,0, not +0,1
    (6.74, 7.05, 1, "−0,4"),       # 6,7 against 7,1, not −0,3
])
def test_a_difference_is_shown_as_the_difference_of_its_figures_as_shown(current, comparison, decimals, shown):
    value = difference(current, comparison)
    assert isinstance(value, Difference) and value == pytest.approx(current - comparison)
    assert signerat(value, decimals).lstrip("+") == shown
    assert tal(value, decimals) == shown


def test_prose_and_amounts_say_the_same_difference():
    value = difference(1886.4, 1927.6)
    assert fler_farre(value, "i fjol") == "42 färre än i fjol"
    assert mnkr_tal(difference(15_740.0, 15_660.0), 1) == "0,0"  # 15,7 against 15,7
    assert jamfort(difference(15_740.0, 15_660.0), "budget", decimaler=1) == "i nivå med budget"
    assert jamfort(difference(5_732_400.0, 5_970_400.0), "budget") == "238 mnkr sämre än budget"  # 5 732 against 5 970
    assert procentenheter(difference(6.74, 7.04)) == "0,3 procentenheter"
    assert difference(None, 1.0) is None
