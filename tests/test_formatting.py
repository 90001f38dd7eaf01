"""Swedish formatting: every filter against worked examples."""

from __future__ import annotations

import pytest

from reporter import formatting as f
from reporter.model import Month

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234, 0, f"1{NBSP}234"),
        (1234.5, 1, f"1{NBSP}234,5"),
        (7012, 0, f"7{NBSP}012"),
        (-2100, 0, f"\u22122{NBSP}100"),
        (0.45, 0, "0"),
        (-0.04, 1, "0,0"),  # never "−0,0"
        (2.5, 0, "3"),  # half up, not half even
        (1234567.891, 2, f"1{NBSP}234{NBSP}567,89"),
        (None, 0, "–"),
    ],
)
def test_tal(value, decimals, expected):
    assert f.tal(value, decimals) == expected


def test_amounts_in_mnkr_from_tkr():
    assert f.mnkr(436_000) == "436 mnkr"
    assert f.mnkr(7_800) == "8 mnkr"  # whole mnkr unless told, as the table column
    assert f.mnkr(7_800, 1) == "7,8 mnkr"
    assert f.mnkr(8_000, 1) == "8,0 mnkr"  # prose writes the decimals the table writes (docs/indata.md, Avrundning)
    assert f.mnkr(12_500) == "13 mnkr"
    assert f.mnkr(16_000, 1) == "16,0 mnkr"
    assert f.mnkr(20_500, 1) == "20,5 mnkr"  # a meaningful decimal stays
    assert f.mnkr(9_960, 1) == "10,0 mnkr"
    assert f.mnkr_tal(16_000, 1) == "16,0"  # a table column keeps its decimals in every cell
    assert f.mnkr_tal(-25_000, 1) == "\u221225,0"
    assert f.mnkr(-413_000) == "\u2212413 mnkr"
    assert f.mnkr_tal(2_329_000) == f"2{NBSP}329"
    assert f.mnkr(None) == "–"


def test_percent_and_shares():
    assert f.procent(80.1) == "80,1 procent"
    assert f.pct(0.4088) == f"0,4{NBSP}%"
    assert f.procent(92.0) == "92,0 procent"  # as the table beside it: 92,0 %
    assert f.procent(-1.3, signerat=True) == "\u22121,3 procent"
    assert f.procent(2.0, signerat=True) == "+2,0 procent"
    assert f.pct(92.0) == f"92,0{NBSP}%"
    assert f.procentenheter(-20) == "20,0 procentenheter"
    assert f.procentenheter(1) == "1,0 procentenheter"
    assert f.procentenheter(1, 0) == "1 procentenhet"
    assert f.procentenheter(1.5) == "1,5 procentenheter"
    assert f.procentenheter(1, 0) == "1 procentenhet"


def test_compared_with_budget_is_signed_in_words():
    assert f.jamfort(182_000, "budget") == "182 mnkr bättre än budget"
    assert f.jamfort(-12_300, "budget") == "12 mnkr sämre än budget"
    assert f.jamfort(-27_000, "föregående år", "högre", "lägre") == "27 mnkr lägre än föregående år"
    assert f.jamfort(300, "budget", decimaler=1) == "0,3 mnkr bättre än budget"
    assert f.jamfort(300, "budget") == "i nivå med budget"  # whole mnkr, as the table shows it
    assert f.jamfort(30, "budget") == "i nivå med budget"
    assert f.jamfort(None, "budget") == "inte jämförbart med budget"


def test_compared_shares_in_procentenheter():
    assert f.jamfort_pe(-2.2, "mars 2020") == "2,2 procentenheter lägre än mars 2020"
    assert f.jamfort_pe(0.04, "mars 2020") == "i nivå med mars 2020"


def test_changes_in_words():
    assert f.forandring(18, "personer") == "har ökat med 18 personer"
    assert f.forandring(-66, "personer") == "har minskat med 66 personer"
    assert f.forandring(0.2, "personer") == "är oförändrat"
    assert f.forandring_procent(-9.04) == "har minskat med 9,0 procent"
    assert f.forandring_procent(100.5) == "har ökat med 100,5 procent"
    assert f.forandring_procent(None) == "kan inte jämföras"
    assert f.forandring_pe(2) == "har ökat med 2,0 procentenheter"
    assert f.forandring_mnkr(69_000) == "har ökat med 69 mnkr"


def test_signed_numbers():
    assert f.signerat(13) == "+13"
    assert f.signerat(-10) == "\u221210"
    assert f.signerat(0.3) == "0"
    assert f.signerat(-1.27, 1) == "\u22121,3"


def test_months_in_swedish():
    assert f.manad(Month(2021, 3)) == "mars"
    assert f.manad_ar(Month(2021, 12)) == "december 2021"
    assert f.hittills(Month(2021, 3)) == "januari\u2013mars 2021"
    assert f.hittills(Month(2021, 1)) == "januari 2021"
    assert f.versal("mars 2021") == "Mars 2021"


def test_list_separator_follows_swedish_usage():
    class Loop:
        def __init__(self, index, length):
            self.last = index == length - 1
            self.revindex = length - index

    words = ["a", "b", "c"]
    joined = "".join(w + f.sep(Loop(i, len(words))) for i, w in enumerate(words))
    assert joined == "a, b och c"


def test_a_count_compared_in_words():
    assert f.fler_farre(-79, "i augusti 2019") == "79 färre än i augusti 2019"
    assert f.fler_farre(12, "i augusti 2019") == "12 fler än i augusti 2019"
    assert f.fler_farre(0.2, "i augusti 2019") == "lika många som i augusti 2019"  # rounds to none
    assert f.fler_farre(-1234, "förra året") == f"1{NBSP}234 färre än förra året"
    assert f.fler_farre(None, "förra året") == "–"


def test_several_changes_in_one_clause():
    from types import SimpleNamespace as Row

    def form(name, change, percent=None):
        return Row(namn=name, antal=Row(skillnad=change, procent=percent))

    frame = "i anställningsformen"
    same = [form("Tillsvidare", -47, -2.43), form("Vikarie/tillfällig", -6, -10.0)]
    assert f.forandringar(same, "antal.skillnad", frame) == (
        "i anställningsformen tillsvidare har minskat med 47 och i anställningsformen vikarie/tillfällig med 6")
    assert f.forandringar(same, "antal.skillnad", frame, "antal.procent") == (
        "i anställningsformen tillsvidare har minskat med 47 (−2,4 procent) och i anställningsformen vikarie/tillfällig med 6 (−10,0 procent)")
    mixed = [form("Tillsvidare", -82), form("Vikarie/tillfällig", 49), form("Timavlönad", 0), form("Lärling", 3), form("Okänd", None)]
    assert f.forandringar(mixed, "antal.skillnad", frame) == (
        "i anställningsformen tillsvidare har minskat med 82, i anställningsformen vikarie/tillfällig ökat med 49, "
        "i anställningsformen timavlönad är oförändrat, i anställningsformen lärling har ökat med 3 och "
        "i anställningsformen okänd kan inte jämföras")
    assert f.forandringar([form("Tillsvidare", 5, 1.0)], "antal.skillnad", frame, "antal.procent") == (
        "i anställningsformen tillsvidare har ökat med 5 (+1,0 procent)")
    assert f.forandringar([], "antal.skillnad", frame) == ""


def test_several_changes_named_by_another_field():
    from reporter.figures.common import Comparison
    from reporter.figures.personal import Anstallningsform

    def form(name, change):
        return Anstallningsform(name, Comparison(100.0, 100.0 - change))

    rows = [form("Tillsvidare", -82), form("Vikarie/tillfällig", 49)]
    assert f.versal(f.forandringar(rows, "antal.skillnad", "antalet", namn="benamning")) == (
        "Antalet tillsvidareanställda har minskat med 82 och antalet vikarier och tillfälligt anställda ökat med 49")
    assert form("Timavlönad", 1).benamning == "timavlönad"  # outside the closed list: the name as written, in lower case


def test_a_list_in_running_text():
    assert f.lista([]) == ""
    assert f.lista(["verksamhet"]) == "verksamhet"
    assert f.lista(["verksamhet", "ekonomi"]) == "verksamhet och ekonomi"
    assert f.lista(["samhälle", "verksamhet", "ekonomi"]) == "samhälle, verksamhet och ekonomi"


def test_a_year_to_date_column_header_is_short_swedish():
    from reporter.formatting import hittills_kort

    assert [hittills_kort(Month(2021, m)) for m in (1, 3, 12)] == ["jan 2021", "jan–mar 2021", "jan–dec 2021"]


def test_a_count_compared_names_what_is_counted():
    """"Jämfört med april 2020 är det 71 färre anställda", not "är de 71 färre än då" (issue 26 item 8)."""
    assert f.fler_farre_antal(-71, "anställda") == "71 färre anställda"
    assert f.fler_farre_antal(12, "anställda") == "12 fler anställda"
    assert f.fler_farre_antal(0.2, "anställda") == "lika många anställda"
    assert f.fler_farre_antal(-1234, "anställda") == f"1{NBSP}234 färre anställda"
    assert f.fler_farre_antal(None, "anställda") == "–"


def test_a_goals_assessment_is_said_once_when_now_and_the_years_end_agree():
    """18 goals of 20 said "… att målet är delvis uppnått. Vid årets slut bedöms målet vara delvis uppnått." (issue 26 item 8)."""
    assert f.samlad_bedomning("Delvis uppnått", "Delvis uppnått") == "Målet bedöms vara delvis uppnått, nu och vid årets slut."
    assert f.samlad_bedomning("Uppnått", "Uppnått") == "Målet bedöms vara uppnått, nu och vid årets slut."
    assert f.samlad_bedomning("Ej uppnått", "Ej uppnått") == "Målet bedöms inte vara uppnått, varken nu eller vid årets slut."
    assert f.samlad_bedomning("Delvis uppnått", "Uppnått") == (
        "Den samlade bedömningen av måluppfyllelsen är att målet är delvis uppnått. Vid årets slut bedöms målet vara uppnått.")
    assert f.samlad_bedomning("Ej uppnått", None) == "Den samlade bedömningen av måluppfyllelsen är att målet inte är uppnått."
    assert f.samlad_bedomning(None, None) == "Den samlade bedömningen av måluppfyllelsen är att målet inte är bedömt."
