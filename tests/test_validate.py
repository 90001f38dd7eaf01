"""Every input rule of INPUTS.md, each with the message and location it gives."""

from __future__ import annotations

import shutil

import pytest
from helpers import edit_sheet, find_row, set_cell

import reporter
from reporter.workbook import write_workbook


def findings(period) -> list[str]:
    return [str(p) for p in reporter.validate(period).problems]


def errors(period) -> list[str]:
    return [str(p) for p in reporter.validate(period).errors]


def test_the_example_is_valid(example_dir):
    checked = reporter.validate(example_dir)
    assert checked.errors == []
    assert len(checked.inputs.anstallda) > 1000


def test_header_matching_ignores_case_spaces_and_unit(period):
    def edit(ws):
        ws["A1"] = "  division "
        ws["B1"] = "UTFALL   (tkr)"

    edit_sheet(period / "ekonomi.xlsx", "Divisioner", edit)
    assert errors(period) == []


def test_amount_units_are_converted_to_tkr(period):
    before = {d.division: d.utfall for d in reporter.validate(period).inputs.divisioner}

    def edit(ws):
        ws["B1"] = "Utfall (mnkr)"
        for row in range(2, ws.max_row + 1):
            ws.cell(row, 2).value = ws.cell(row, 2).value / 1000

    edit_sheet(period / "ekonomi.xlsx", "Divisioner", edit)
    after = {d.division: d.utfall for d in reporter.validate(period).inputs.divisioner}
    assert after == pytest.approx(before)


def test_kr_column(period):
    before = reporter.validate(period).inputs.kostnader[0].belopp
    set_cell(period / "ekonomi.xlsx", "Kostnader", "D1", "Belopp (kr)")
    assert reporter.validate(period).inputs.kostnader[0].belopp == pytest.approx(before / 1000)


def test_unknown_unit_is_an_error_at_the_header_cell(period):
    set_cell(period / "ekonomi.xlsx", "Divisioner", "B1", "Utfall (kkr)")
    assert "ekonomi.xlsx, blad Divisioner, cell B1: okänd enhet '(kkr)'; skriv (kr), (tkr) eller (mnkr)" in errors(period)


def test_missing_column_names_what_the_header_row_has(period):
    set_cell(period / "personal.xlsx", "Sjukfrånvaro", "D1", "Sjuktimmar")
    (found,) = errors(period)
    assert found.startswith("personal.xlsx, blad Sjukfrånvaro, rad 1: kolumn saknas: Sjukfrånvarotimmar")
    assert "Sjuktimmar" in found


def test_extra_column_is_a_warning_and_not_used(period):
    set_cell(period / "ekonomi.xlsx", "Divisioner", "H1", "Kommentar")
    checked = reporter.validate(period)
    assert checked.errors == []
    assert [str(w) for w in checked.warnings] == [
        "ekonomi.xlsx, blad Divisioner, cell H1: kolumnen 'Kommentar' ingår inte i kontraktet och används inte"
    ]


@pytest.mark.parametrize("written", ["2021-03", "202103", "mars 2021", 202103])
def test_month_formats(period, written):
    def edit(ws):
        ws["C2"] = written
        ws["B2"] = "Nytt kostnadsslag"

    edit_sheet(period / "ekonomi.xlsx", "Kostnader", edit)
    costs = [c for c in reporter.validate(period).inputs.kostnader if c.kostnadsslag == "Nytt kostnadsslag"]
    assert str(costs[0].manad) == "2021-03"


def test_bad_month_names_the_cell(period):
    set_cell(period / "ekonomi.xlsx", "Kostnader", "C5", "marsch 2021")
    assert errors(period) == [
        "ekonomi.xlsx, blad Kostnader, cell C5: Månad: 'marsch 2021' går inte att läsa; "
        "förväntat en månad: ett datum, 2021-03, 202103 eller mars 2021"
    ]


def test_swedish_written_numbers(period):
    row = {}

    def edit(ws):
        row["n"] = find_row(ws, "Länssjukvård")
        ws.cell(row["n"], 2).value = "9\u00a0700,5"
        ws.cell(row["n"], 3).value = "\u22122 000"

    edit_sheet(period / "ekonomi.xlsx", "Divisioner", edit)
    result = [d for d in reporter.validate(period).inputs.divisioner if d.division == "Länssjukvård"][0]
    assert (result.utfall, result.budget) == (9700.5, -2000)


def test_not_a_number_names_cell_found_and_expected(period):
    set_cell(period / "ekonomi.xlsx", "Divisioner", "B3", "12,3,4")
    assert errors(period) == [
        "ekonomi.xlsx, blad Divisioner, cell B3: Utfall: '12,3,4' går inte att läsa; förväntat ett tal, t.ex. 1234 eller 1 234,5"
    ]


def test_percent_formatted_cells_are_percent(example_dir):
    shares = {(a.matt, str(a.manad)): a.andel for a in reporter.validate(example_dir).inputs.tillganglighet}
    assert shares[("Telefontillgänglighet primärvård", "2021-03")] == pytest.approx(80.1)


def test_division_alias_and_case(period):
    def edit(ws):
        ws["A2"] = "nsv lb"
        ws["A3"] = "DIVISION  Närsjukvård Luleå-Boden"
        ws["B3"] = "Annat kostnadsslag"

    edit_sheet(period / "ekonomi.xlsx", "Kostnader", edit)
    costs = reporter.validate(period).inputs.kostnader
    assert costs[0].division == costs[1].division == "Närsjukvård Luleå-Boden"


def test_unknown_division_suggests_the_closest(period):
    set_cell(period / "ekonomi.xlsx", "Divisioner", "A6", "Lanssjukvard")
    (found,) = errors(period)
    assert found.startswith("ekonomi.xlsx, blad Divisioner, cell A6: Division: 'Lanssjukvard' finns inte i rapport.yaml;")
    assert "menade du 'Länssjukvård'?" in found


def test_formula_without_saved_value_is_an_error_not_zero(period):
    set_cell(period / "ekonomi.xlsx", "Divisioner", "B2", "=SUM(C2:D2)")
    (found,) = errors(period)
    assert found.startswith("ekonomi.xlsx, blad Divisioner, cell B2: Utfall: cellen har formeln =SUM(C2:D2) men inget sparat värde")


def test_empty_region_cell_means_not_reported(period):
    set_cell(period / "ekonomi.xlsx", "Region", "C2", None)
    region = reporter.validate(period).inputs.region
    assert region[0].budget is None


def test_required_region_post(period):
    def edit(ws):
        ws.cell(find_row(ws, "Finansnetto"), 1).value = "Finansiellt netto"

    edit_sheet(period / "ekonomi.xlsx", "Region", edit)
    assert errors(period) == ["ekonomi.xlsx, blad Region: posten 'Finansnetto' saknas; den krävs för rapporten"]


def test_missing_sheet_names_kind_and_sheet(period):
    edit_sheet(period / "produktion.xlsx", "Beläggning", lambda ws: setattr(ws, "title", "Belaggn"))
    assert errors(period) == ["bladet 'Beläggning' saknas; det ska finnas i någon produktion*.xlsx (läste produktion.xlsx)"]


def test_missing_workbook_kind(period):
    (period / "personal.xlsx").unlink()
    assert errors(period) == ["ingen arbetsbok av slaget personal (personal*.xlsx) finns i periodmappen"]


def test_period_month_must_be_present(period):
    def edit(ws):
        for row in range(ws.max_row, 1, -1):
            if str(ws.cell(row, 2).value).startswith("2021-03"):
                ws.delete_rows(row)

    edit_sheet(period / "produktion.xlsx", "Tillgänglighet", edit)
    assert errors(period) == ["produktion.xlsx, blad Tillgänglighet: inga värden för rapportmånaden 2021-03"]


def test_files_of_one_kind_merge(period):
    """A division's own file adds its sheets; each sheet only needs to be somewhere."""
    write_workbook(
        period / "produktion-extra.xlsx",
        {"Produktion": [["Division", "Mått", "Månad", "Värde"], ["Service", "Transporter", "2021-03", 120]]},
    )
    checked = reporter.validate(period)
    assert checked.errors == []
    assert [p.varde for p in checked.inputs.produktion if p.matt == "Transporter"] == [120]
    assert "produktion-extra.xlsx" in checked.inputs.files


def test_same_record_in_two_files_names_both(period):
    write_workbook(
        period / "ekonomi-ls.xlsx",
        {"Divisioner": [["Division", "Utfall"], ["Länssjukvård", 1]]},
    )
    (found,) = errors(period)
    assert "samma post finns två gånger (division=Länssjukvård)" in found
    assert "ekonomi-ls.xlsx, blad Divisioner, rad 2" in found
    assert "ekonomi.xlsx, blad Divisioner, rad 6" in found


def test_share_outside_0_100_is_a_warning(period):
    set_cell(period / "produktion.xlsx", "Beläggning", "C2", 180)
    checked = reporter.validate(period)
    assert checked.errors == []
    assert "produktion.xlsx, blad Beläggning, rad 2: andelen 180 ligger utanför 0–100 procent" in [str(w) for w in checked.warnings]


def test_all_problems_are_shown_together(period):
    set_cell(period / "ekonomi.xlsx", "Divisioner", "B3", "x")
    set_cell(period / "personal.xlsx", "Anställda", "E2", "y")
    (period / "rapport.yaml").write_text(
        (period / "rapport.yaml").read_text(encoding="utf-8").replace("ansvarig: Anna", "ansvarg: Anna"), encoding="utf-8"
    )
    found = errors(period)
    assert len(found) == 4  # the typo gives: unknown key + missing key
    assert sum("rapport.yaml" in f for f in found) == 2


def test_copy_with_another_workspace_layout(tmp_path, example_dir):
    """Validation does not depend on where the folder is."""
    target = tmp_path / "någon" / "annan plats"
    shutil.copytree(example_dir, target)
    assert reporter.validate(target).errors == []


def test_scorecard_is_read_and_typed(period):
    write_workbook(
        period / "styrkort.xlsx",
        {
            "Strategiska mål": [
                ["Perspektiv", "Strategiskt mål", "Nämnd", "Bedömning", "Bedömning helår", "Kommentar"],
                ["Medborgare", "God tillgänglighet", "RS", "delvis uppnått", "Uppnått", "Förbättras"],
            ],
            "Styrmått": [
                ["Perspektiv", "Strategiskt mål", "Framgångsfaktor", "Styrmått", "Nämnd", "Kön", "Mål", "Utfall",
                 "Måluppfyllelse", "Utveckling", "Kommentar"],
                ["Medborgare", "God tillgänglighet", "Vård i tid", "Väntetid", "RS", "K", "100 %", 0.87, "Ej mätt", "Försämrad", None],
                ["Samhällе", "God tillgänglighet", "Vård i tid", "Väntetid", "RS", "M", "100 %", 0.9, "Ej mätt", "Bättre", None],
            ],
        },
    )
    checked = reporter.validate(period)
    (goal,) = checked.inputs.strategiska_mal
    assert (goal.perspektiv, goal.bedomning, goal.bedomning_helar) == ("Medborgare", "Delvis uppnått", "Uppnått")
    measure = checked.inputs.styrmatt[0]
    assert (measure.kon, measure.mal, measure.maluppfyllelse, measure.utveckling) == ("K", "100 %", "Ej mätt", "Försämrad")
    found = [str(p) for p in checked.errors]
    assert any("cell A3: Perspektiv: 'Samhällе' går inte att läsa; förväntat ett av Samhälle, Medborgare" in f for f in found)
    assert any("cell J3: Utveckling: 'Bättre' går inte att läsa; förväntat ett av Förbättrad, Oförändrad, Försämrad" in f for f in found)
