"""Every input rule of INPUTS.md, each with the message and location it gives.

The rules are tried on a small period written from scratch (``periods.write_other_period``:
two divisions, February 2022, amounts in mnkr, costs in kr in a file of their own), which
is quick to change; the bundled example where its own content is the point.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import bundled_checked
from helpers import edit_sheet, find_row, set_cell

import reporter
from reporter.workbook import write_workbook


def findings(period) -> list[str]:
    return [str(p) for p in reporter.validate(period).problems]


def errors(period) -> list[str]:
    return [str(p) for p in reporter.validate(period).errors]


def test_the_example_is_valid(example_dir):
    checked = bundled_checked(example_dir.name)  # reporter.validate(example_dir), shared
    assert checked.errors == []
    assert len(checked.inputs.anstallda) > 1000


def test_header_matching_ignores_case_spaces_and_unit(small):
    def edit(ws):
        ws["A1"] = "  division "
        ws["B1"] = "UTFALL   (mnkr)"  # the unit the values are in (tkr over them is an error: units.py)

    edit_sheet(small / "ekonomi.xlsx", "Divisioner", edit)
    assert errors(small) == []


def test_amount_units_are_converted_to_tkr(small):
    before = {d.division: d.utfall for d in reporter.validate(small).inputs.divisioner}

    def edit(ws):
        ws["B1"] = "Utfall (tkr)"  # mnkr before
        for row in range(2, ws.max_row + 1):
            ws.cell(row, 2).value = ws.cell(row, 2).value * 1000

    edit_sheet(small / "ekonomi.xlsx", "Divisioner", edit)
    after = {d.division: d.utfall for d in reporter.validate(small).inputs.divisioner}
    assert after == pytest.approx(before)


def test_kr_column(small):
    in_kr = reporter.validate(small).inputs.kostnader[0].belopp
    assert in_kr == pytest.approx(1000)  # 1 000 000 in a (kr) column
    set_cell(small / "ekonomi-kostnader.xlsx", "Kostnader", "D1", "Belopp (tkr)")
    assert reporter.validate(small).inputs.kostnader[0].belopp == pytest.approx(in_kr * 1000)


def test_unknown_unit_is_an_error_at_the_header_cell(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "B1", "Utfall (kkr)")
    assert "ekonomi.xlsx, blad Divisioner, cell B1: okänd enhet '(kkr)'; skriv (kr), (tkr) eller (mnkr)" in errors(small)


def test_missing_column_names_what_the_header_row_has(small):
    set_cell(small / "personal.xlsx", "Sjukfrånvaro", "D1", "Sjuktimmar")
    (found,) = errors(small)
    assert found.startswith("personal.xlsx, blad Sjukfrånvaro, rad 1: kolumn saknas: Sjukfrånvarotimmar")
    assert "Sjuktimmar" in found


def test_extra_column_is_a_warning_and_not_used(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "H1", "Kommentar")
    checked = reporter.validate(small)
    assert checked.errors == []
    assert [str(w) for w in checked.warnings] == [
        "ekonomi.xlsx, blad Divisioner, cell H1: kolumnen 'Kommentar' ingår inte i kontraktet och används inte"
    ]


@pytest.mark.parametrize("written", ["2021-03", "202103", "mars 2021", 202103])
def test_month_formats(small, written):
    def edit(ws):
        ws["C2"] = written
        ws["B2"] = "Nytt kostnadsslag"

    edit_sheet(small / "ekonomi-kostnader.xlsx", "Kostnader", edit)
    costs = [c for c in reporter.validate(small).inputs.kostnader if c.kostnadsslag == "Nytt kostnadsslag"]
    assert str(costs[0].manad) == "2021-03"


def test_bad_month_names_the_cell(small):
    set_cell(small / "ekonomi-kostnader.xlsx", "Kostnader", "C5", "marsch 2021")
    assert errors(small) == [
        "ekonomi-kostnader.xlsx, blad Kostnader, cell C5: Månad: 'marsch 2021' går inte att läsa; "
        "förväntat en månad: ett datum, 2021-03, 202103 eller mars 2021"
    ]


def test_swedish_written_numbers(small):
    row = {}

    def edit(ws):
        row["n"] = find_row(ws, "SPV")
        ws["B1"], ws["C1"] = "Utfall (tkr)", "Budget (tkr)"  # mnkr before: the numbers as written
        ws.cell(row["n"], 2).value = "9\u00a0700,5"
        ws.cell(row["n"], 3).value = "\u22122 000"

    edit_sheet(small / "ekonomi.xlsx", "Divisioner", edit)
    result = [d for d in reporter.validate(small).inputs.divisioner if d.division == "Specialistvård"][0]
    assert (result.utfall, result.budget) == (9700.5, -2000)


def test_not_a_number_names_cell_found_and_expected(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "B3", "12,3,4")
    assert errors(small) == [
        "ekonomi.xlsx, blad Divisioner, cell B3: Utfall: '12,3,4' går inte att läsa; förväntat ett tal, t.ex. 1234 eller 1 234,5"
    ]


def test_percent_formatted_cells_are_percent(example_dir):
    shares = {(a.matt, str(a.manad)): a.andel for a in reporter.validate(example_dir).inputs.tillganglighet}
    assert shares[("Telefontillgänglighet primärvård", "2021-03")] == pytest.approx(80.1)


def test_division_alias_and_case(small):
    def edit(ws):
        ws["A2"] = "spv"
        ws["A3"] = "DIVISION  Specialistvård"
        ws["B3"] = "Annat kostnadsslag"

    edit_sheet(small / "ekonomi-kostnader.xlsx", "Kostnader", edit)
    costs = reporter.validate(small).inputs.kostnader
    assert costs[0].division == costs[1].division == "Specialistvård"


def test_unknown_division_suggests_the_closest(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "A3", "Specialistvard")
    (found,) = errors(small)
    assert found.startswith("ekonomi.xlsx, blad Divisioner, cell A3: Division: 'Specialistvard' finns inte i rapport.yaml;")
    assert "menade du 'Specialistvård'?" in found


def test_formula_without_saved_value_is_an_error_not_zero(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "B2", "=SUM(C2:D2)")
    (found,) = errors(small)
    assert found.startswith("ekonomi.xlsx, blad Divisioner, cell B2: Utfall: cellen har formeln =SUM(C2:D2) men inget sparat värde")


def test_empty_region_cell_means_not_reported(small):
    assert reporter.validate(small).inputs.region[0].budget is not None
    set_cell(small / "ekonomi.xlsx", "Region", "C2", None)
    region = reporter.validate(small).inputs.region
    assert region[0].budget is None


def test_required_region_post(small):
    def edit(ws):
        ws.cell(find_row(ws, "Finansnetto"), 1).value = "Finansiellt netto"

    edit_sheet(small / "ekonomi.xlsx", "Region", edit)
    assert errors(small) == ["ekonomi.xlsx, blad Region: posten 'Finansnetto' saknas; den krävs för rapporten"]


def test_missing_sheet_names_kind_and_sheet(small):
    edit_sheet(small / "produktion.xlsx", "Beläggning", lambda ws: setattr(ws, "title", "Belaggn"))
    assert errors(small) == ["bladet 'Beläggning' saknas; det ska finnas i någon produktion*.xlsx (läste produktion.xlsx)"]


def test_missing_workbook_kind(small):
    (small / "personal.xlsx").unlink()
    (small / "personal_spv.xlsx").unlink()
    assert errors(small) == ["ingen arbetsbok av slaget personal (personal*.xlsx) finns i periodmappen"]


def test_period_month_must_be_present(small):
    def edit(ws):
        for row in range(ws.max_row, 1, -1):
            if str(ws.cell(row, 2).value).startswith("2022-02"):
                ws.delete_rows(row)

    edit_sheet(small / "produktion.xlsx", "Tillgänglighet", edit)
    assert errors(small) == ["produktion.xlsx, blad Tillgänglighet: Telefontillgänglighet saknar 2022-02"]


MONTHS = [f"{y}-{m:02d}" for y in (2021, 2022) for m in range(1, 13)][:14]  # the small period's months: its series are complete


def test_files_of_one_kind_merge(small):
    """A division's own file adds its sheets; each sheet only needs to be somewhere."""
    write_workbook(
        small / "produktion-extra.xlsx",
        {"Produktion": [["Division", "Mått", "Månad", "Värde"]] + [["Specialistvård", "Transporter", f"{m}", 120] for m in MONTHS]},
    )
    checked = reporter.validate(small)
    assert checked.errors == []
    assert [p.varde for p in checked.inputs.produktion if p.matt == "Transporter" and str(p.manad) == "2022-02"] == [120]
    assert "produktion-extra.xlsx" in checked.inputs.files


def test_same_record_in_two_files_names_both(small):
    write_workbook(
        small / "ekonomi-spv.xlsx",
        {"Divisioner": [["Division", "Utfall"], ["Specialistvård", 1]]},
    )
    found = next(e for e in errors(small) if "samma post" in e)  # and: the file has no Budget column, which ekonomi.xlsx fills
    assert "samma post finns två gånger (Division: Specialistvård)" in found
    assert "ekonomi-spv.xlsx, blad Divisioner, rad 2" in found
    assert "ekonomi.xlsx, blad Divisioner, rad 3" in found


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_share_outside_0_100_is_a_warning(period):
    set_cell(period / "produktion.xlsx", "Beläggning", "C2", 180)  # a (%) column of plain numbers
    checked = reporter.validate(period)
    assert checked.errors == []
    assert "produktion.xlsx, blad Beläggning, rad 2: andelen 180 ligger utanför 0–100 procent" in [str(w) for w in checked.warnings]


def test_all_problems_are_shown_together(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "B3", "x")
    set_cell(small / "personal.xlsx", "Anställda", "E2", "y")
    (small / "rapport.yaml").write_text(
        (small / "rapport.yaml").read_text(encoding="utf-8").replace("ansvarig: Eva", "ansvarg: Eva"), encoding="utf-8"
    )
    found = errors(small)
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


@pytest.mark.parametrize("folder", ["2021-03", "2020-09", "2021-04-ovriga-lanet"])
def test_the_bundled_examples_have_no_findings(folder):
    """The examples are what a user tries first: a warning there would read as a fault in the tool."""
    checked = bundled_checked(folder)  # reporter.validate(ROOT / "inputs" / folder), shared
    assert [str(p) for p in checked.problems] == []
