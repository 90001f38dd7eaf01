"""Issue 24, items 1–5: ordinary slips that published a wrong figure with exit 0.

Each slip the issue lists has a case here, and each rule a case of its own:
one normal form for text (NFC, white space), numbers that can be read two
ways, scale per series, all or nothing per column, totals rows. The slips
start from the bundled example (``period``) or the small period written from
scratch (``small``); a slip that must be understood builds the same DOCX,
byte for byte, as the period without it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpers import edit_sheet, set_cell

import reporter
from reporter.inputs import read_texts
from reporter.text_normal import normal_prose, normal_text
from reporter.values import TwoReadings, parse_number

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "corpus" / "slips"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def errors(period) -> list[str]:
    return [str(p) for p in reporter.validate(period).errors]


def append(path: Path, sheet: str, *rows: list) -> None:
    """Rows added at the foot of a sheet."""
    edit_sheet(path, sheet, lambda ws: [ws.append(row) for row in rows])


def documents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.docx"))}


# --- 1. One normal form for text ---------------------------------------------------------------------------


def test_normal_text_is_nfc_with_plain_single_spaces():
    assert normal_text(nfd("Läkare") + "\u00a0\u00a0351 \u200b") == "Läkare 351"
    assert normal_text("Läk\u200bare") == "Läkare"  # a zero-width space is taken out, not made a space
    assert normal_text("\tSumma\u202fregion  ") == "Summa region"
    assert unicodedata.is_normalized("NFC", normal_text(nfd("Årsprognos för Övriga länet")))


def test_normal_prose_keeps_lines_indentation_and_hard_breaks():
    text = nfd("## Årsprognos\u00a0 \n\n- en  punkt\n  - inre\u200b punkt\nrad  \nnästa\r\n")
    assert normal_prose(text) == "## Årsprognos\n\n- en punkt\n  - inre punkt\nrad  \nnästa\n"


@pytest.mark.slow  # the whole March period built again, charts drawn anew (1.6 s CPU)
def test_nfd_keys_build_the_same_documents(period, workspace, example_package):
    """The slip: "Läkare 351" and "Läkare 464", and the region's läkarbesök fell from 79 095 to 49 143.
    Keys in NFD (as macOS writes å, ä, ö) on every other row, a heading and a text in NFD, a non-breaking
    space and a zero-width space in keys: the same documents as the example."""

    def measures(ws):
        for row in range(2, ws.max_row + 1, 2):
            ws.cell(row, 2).value = nfd(ws.cell(row, 2).value)
        ws.cell(3, 2).value = ws.cell(3, 2).value.replace("ä", "ä\u200b") + "\u00a0"
        ws.cell(1, 2).value, ws.cell(1, 3).value, ws.cell(1, 4).value = nfd("Mått"), nfd(" Månad "), nfd("Värde")  # headers too

    def staff(ws):
        for row in range(2, ws.max_row + 1, 2):
            ws.cell(row, 2).value = nfd(ws.cell(row, 2).value).replace(" ", "\u00a0")

    edit_sheet(period / "produktion.xlsx", "Produktion", measures)
    edit_sheet(period / "personal.xlsx", "Anställda", staff)
    for name in ("verksamheten.md", "aktuella-handelser.md"):
        text = period / "texter" / name
        text.write_text(nfd(text.read_text(encoding="utf-8")), encoding="utf-8")
    built = reporter.build(period, workspace / "out", ROOT / "templates", workspace=ROOT)
    assert documents(built.out_dir) == documents(example_package)


@pytest.mark.slow  # large: the whole tertial period (nine documents and their charts) built again (3.5 s CPU)
@pytest.mark.long
def test_nfd_texts_of_a_tertial_period_build_the_same_documents(tmp_path, workspace, bundled_packages):
    """NFD `## Årsprognos` (Folktandvård's ekonomi.md) became a section of its own, and NFD division headings in
    texter/delarsrapporter.md lost the divisions' texts: every text of the tertial period in NFD, the same documents
    as the bundled tertial period's (built once per run)."""
    import shutil

    source = ROOT / "inputs" / "2020-09"
    bundled = bundled_packages[2]
    copy = tmp_path / "2020-09"
    shutil.copytree(source, copy)
    for text in copy.rglob("*.md"):
        text.write_text(nfd(text.read_text(encoding="utf-8")), encoding="utf-8")
    assert "## A\u030arsprognos" in (copy / "delarsrapporter" / "folktandvard" / "texter" / "ekonomi.md").read_text(encoding="utf-8")
    built = reporter.build(copy, workspace / "nfd", ROOT / "templates", workspace=ROOT).out_dir
    assert documents(built) == documents(bundled)


def test_nfd_text_reads_as_nfc(tmp_path):
    """NFD `## Årsprognos` and NFD division headings reach texts.py as NFC: the same blocks as the NFC text."""
    source = ROOT / "inputs" / "2020-09" / "texter" / "delarsrapporter.md"
    (tmp_path / "texter").mkdir()
    (tmp_path / "texter" / "delarsrapporter.md").write_text(nfd(source.read_text(encoding="utf-8") + "\n## Årsprognos\n\nText.\n"), encoding="utf-8")
    (tmp_path / "texter" / "nfc.md").write_text(source.read_text(encoding="utf-8") + "\n## Årsprognos\n\nText.\n", encoding="utf-8")
    texts, problems = read_texts(tmp_path, {"nfd": "delarsrapporter.md", "nfc": "nfc.md"})
    assert problems == []
    assert texts["nfd"] == texts["nfc"]
    assert any(block.text == "Årsprognos" for block in texts["nfd"] or [])


def test_a_month_entered_twice_one_copy_nfd_is_a_duplicate(small):
    """The slip: a month entered twice, one copy in NFD, was not seen as a duplicate."""

    append(small / "personal.xlsx", "Anställda", ["PV", nfd("Läkare"), "Tillsvidare", "2022-02", 104])
    (found,) = errors(small)
    assert "personal.xlsx, blad Anställda, rad 30: samma post finns två gånger (Division: Primärvård, Yrkesgrupp: Läkare" in found


def test_an_nfd_file_and_sheet_name_are_shown_as_nfc(small):
    (small / "personal.xlsx").rename(small / nfd("personal-läkare.xlsx"))

    def edit(ws):
        ws.title = nfd("Anställda")
        ws["E3"] = "tolv"

    edit_sheet(small / nfd("personal-läkare.xlsx"), "Anställda", edit)
    (found,) = reporter.validate(small).errors
    assert (found.where.file, found.where.sheet) == ("personal-läkare.xlsx", "Anställda")
    assert unicodedata.is_normalized("NFC", str(found))


# --- 2. Numbers that can be read two ways -------------------------------------------------------------------


@pytest.mark.parametrize("written", ["4.200", "4,200", "-4.200", "\u22124,200", "+4.200", "123,456", "1.234,5", "1,234.5", "-1.234,5"])
def test_a_number_with_two_readings_is_an_error(written):
    with pytest.raises(TwoReadings):
        parse_number(written)


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("4 200", 4200), ("4\u00a0200,5", 4200.5), ("4200", 4200), ("4,5", 4.5), ("4,25", 4.25), ("0,801", 0.801),
        ("4.5", 4.5), ("4 200,500", 4200.5), ("1234,567", 1234.567), ("\u22124 200", -4200), ("4,2000", 4.2), (",5", 0.5),
    ],
)
def test_a_number_with_one_reading_is_read(written, number):
    assert parse_number(written) == pytest.approx(number)


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_minus_4_200_as_text_is_an_error_at_the_cell_showing_both_readings(period):
    """The slip: `-4.200` typed as text was read as −4,2 tkr, the division's result showed 0,0."""
    set_cell(period / "ekonomi.xlsx", "Divisioner", "B2", "-4.200")
    assert errors(period) == [
        "ekonomi.xlsx, blad Divisioner, cell B2: Utfall: '-4.200' kan läsas på två sätt: \u22124\u00a0200 (med punkt mellan tusental) "
        "eller \u22124,2 (med punkt som decimaltecken); skriv \u22124\u00a0200 eller \u22124,2"
    ]


def test_both_separators_is_an_error_at_the_cell(small):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "B3", "1.234,5")
    (found,) = errors(small)
    assert found.startswith("ekonomi.xlsx, blad Divisioner, cell B3: Utfall: '1.234,5' har både punkt och komma")
    assert "1\u00a0234,5" in found


# --- 5. Totals rows -------------------------------------------------------------------------------------------


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_a_summa_row_in_region_is_an_error_not_a_result_row(period):
    """The slip: an Excel totals row `Summa` in Region was printed as a result row of 3 430 mnkr."""

    append(period / "ekonomi.xlsx", "Region", ["Summa", 3430, 3300, 3200, 2100, 13000])
    (found,) = errors(period)
    # Utfall 3 430 is the sum of the posts above; the budget is not
    assert found.startswith("ekonomi.xlsx, blad Region, cell C9: raden 'Summa' ser ut som en summarad och visar Budget 3\u00a0300 men raderna ovanför")


def test_a_totals_row_that_sums_the_rows_above_is_skipped_with_a_note(small, workspace):
    append(small / "ekonomi.xlsx", "Divisioner", ["Summa region", -1.5, 1, -6])  # PV 1,5 + SPV −3; 1 + 0; −2 + −4
    checked = reporter.validate(small)
    assert checked.errors == []
    assert [str(w) for w in checked.warnings] == [
        "ekonomi.xlsx, blad Divisioner, rad 4: raden 'Summa region' är en summarad (Utfall, Budget, Utfall föregående år är summan "
        "av raderna ovanför) och hoppas över: verktyget summerar själv"
    ]
    assert [d.division for d in checked.inputs.divisioner] == ["Primärvård", "Specialistvård"]


@pytest.mark.parametrize("name", ["Totalt", "Total", "SUMMA", "Summa:", "Summa  region", "Summa Region Exempel", "Alla divisioner"])
def test_a_total_is_recognised_in_every_key_column(small, name):
    """Today the Division column skipped totals and the Post column did not: every key column does now."""

    append(small / "produktion.xlsx", "Produktion", ["PV", name, "2022-02", 999])
    (found,) = errors(small)
    assert found.startswith(f"produktion.xlsx, blad Produktion, cell D16: raden '{normal_text(name)}' ser ut som en summarad och visar Värde 999")


def test_a_total_in_a_key_column_sums_its_own_group(small):
    """Kostnadsslag = Summa for one month and division: the rows above of that month and division."""

    append(small / "ekonomi-kostnader.xlsx", "Kostnader", ["SPV", "Lab", "2022-02", 500_000], ["SPV", "Summa", "2022-02", 500_000])
    checked = reporter.validate(small)
    assert checked.errors == []
    assert [str(w) for w in checked.warnings] == [
        "ekonomi-kostnader.xlsx, blad Kostnader, rad 17: raden 'Summa' är en summarad (Belopp är summan av raderna ovanför) "
        "och hoppas över: verktyget summerar själv"
    ]


def test_an_excel_table_totals_row_is_recognised(small):
    """An Excel Table with its totals row on (Table Design > Total Row): the row is a total whatever its label says."""
    from openpyxl import load_workbook
    from openpyxl.worksheet.table import Table as ExcelTable

    book = load_workbook(small / "ekonomi.xlsx")
    sheet = book["Divisioner"]
    sheet.append([None, -1.5, 1, -7])
    table = ExcelTable(displayName="Resultat", ref="A1:D4")
    table.totalsRowCount = 1
    sheet.add_table(table)
    book.save(small / "ekonomi.xlsx")
    (found,) = errors(small)
    assert found.startswith(
        "ekonomi.xlsx, blad Divisioner, cell D4: rad 4, summaraden i Excel-tabellen Resultat, ser ut som en summarad och visar "
        "Utfall föregående år −7 men raderna ovanför summerar till −6 (skillnad −1)"
    )


# --- 4. All or nothing per column -----------------------------------------------------------------------------


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_one_divisions_budget_left_blank_is_an_error_at_the_blank_cell(period):
    """The slip: the utfall of eight divisions was compared with the budget of seven ("14,5 mnkr bättre än budget", truly 20,5)."""
    set_cell(period / "ekonomi.xlsx", "Divisioner", "C4", None)
    assert errors(period) == [
        "ekonomi.xlsx, blad Divisioner, cell C4: Budget är tom här, men ifylld på 7 rader (t.ex. C2); en tom cell är inte 0 "
        "och jämförelser och summor blir fel: fyll i Budget på alla rader (0 om det är noll), eller lämna kolumnen tom på alla"
    ]


def test_a_horizontal_merge_over_budget_is_an_error_naming_the_merge(small):
    """The same slip as LibreOffice Calc saves it: Utfall merged over the Budget cell (tests/corpus/slips/README.md)."""
    (small / "ekonomi.xlsx").write_bytes((CORPUS / "ekonomi-sammanslagen-budget.xlsx").read_bytes())
    (found,) = errors(small)
    assert found.startswith(
        "ekonomi.xlsx, blad Divisioner, cell C3: Budget är tom här; cellen ingår i de sammanslagna cellerna B3:C3: "
        "dela upp sammanslagningen och fyll i varje cell, men ifylld på 1 rad (t.ex. C2)"
    )


def test_a_column_some_files_have_and_others_not_is_an_error(small):
    """Two divisions' files: one has Budget, the other not."""
    from reporter.workbook import write_workbook

    edit_sheet(small / "ekonomi.xlsx", "Divisioner", lambda ws: ws.delete_rows(3))
    write_workbook(small / "ekonomi-spv.xlsx", {"Divisioner": [["Division", "Utfall (mnkr)", "Utfall föregående år (mnkr)"], ["SPV", -3, -4]]})
    (found,) = errors(small)
    assert found.startswith("ekonomi-spv.xlsx, blad Divisioner, rad 1: kolumnen Budget saknas i ekonomi-spv.xlsx, men ifylld på 1 rad (t.ex. C2)")


def test_blank_in_one_month_of_a_series_is_an_error_blank_in_every_month_is_not(small):
    """Inhyrd personal: a division without hired staff leaves every month blank (the bundled example does); one month blank is a slip."""
    edit_sheet(small / "personal.xlsx", "Arbetad tid", lambda ws: [setattr(ws.cell(row, 5), "value", None) for row in range(2, ws.max_row + 1)])
    assert errors(small) == []
    set_cell(small / "personal.xlsx", "Arbetad tid", "E5", 1)
    (found,) = errors(small)
    assert found.startswith("personal.xlsx, blad Arbetad tid, cell E2: Inhyrd personal är tom här och i E3, E4, E6, E7, E8, E9 och 6 celler till, "
                            "men ifylld på 1 rad i serien Primärvård (t.ex. E5)")


def test_a_blank_region_cell_still_means_not_reported(small):
    """Region is not all or nothing: INPUTS.md says a blank cell there means "not reported"."""
    set_cell(small / "ekonomi.xlsx", "Region", "C2", None)
    assert errors(small) == []


# --- 3. Scale per series ----------------------------------------------------------------------------------------


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_a_share_typed_as_text_0_801_in_a_series_of_80_is_an_error(period):
    """The slip: "Telefontillgänglighet primärvård: 0,8 procent … 81,5 procentenheter lägre"."""
    book_row = {}

    def edit(ws):
        book_row["n"] = row = max(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Telefontillgänglighet primärvård")
        ws.cell(row, 3).value = "0,801"

    edit_sheet(period / "produktion.xlsx", "Tillgänglighet", edit)
    (found,) = errors(period)
    assert found.startswith(
        f"produktion.xlsx, blad Tillgänglighet, cell C{book_row['n']}: Andel: 0,801 är skriven som andel 0–1, men serien "
        "Telefontillgänglighet primärvård är skriven i procent 0–100 (i övrigt kring "
    )
    assert "skriv 80,1 (eller 80,1 %)" in found


def _accessibility(folder: Path, rows) -> None:
    """produktion.xlsx written anew with these Tillgänglighet rows, plain numbers (no percent format)."""
    from openpyxl import load_workbook

    from reporter.workbook import write_workbook

    book = load_workbook(folder / "produktion.xlsx")
    sheets = {name: [[c.value for c in row] for row in book[name].iter_rows()] for name in ("Produktion", "Beläggning")}
    write_workbook(folder / "produktion.xlsx", {**sheets, "Tillgänglighet": [["Mått", "Månad", "Andel"], *rows]}, {"Beläggning": {"C": "0.0%"}})


MONTHS = [f"{y}-{m:02d}" for y in (2021, 2022) for m in range(1, 13)][:14]


def test_a_plain_0_801_among_plain_80s_is_an_error(small):
    rows = [["Telefontillgänglighet", m, 85.5] for m in MONTHS]
    rows[-1][2] = 0.801
    _accessibility(small, rows)
    (found,) = errors(small)
    assert found.startswith("produktion.xlsx, blad Tillgänglighet, cell C15: Andel: 0,801 är skriven som andel 0–1, men serien Telefontillgänglighet")


def test_a_whole_measure_written_0_1_beside_measures_written_0_100_is_an_error(small):
    rows = [["Telefontillgänglighet", m, 85.5] for m in MONTHS] + [["Besök inom 90 dagar", m, 0.62] for m in MONTHS]
    _accessibility(small, rows)
    (found,) = errors(small)
    assert found.startswith(
        "produktion.xlsx, blad Tillgänglighet, cell C16: Andel: Besök inom 90 dagar är skriven som andel 0–1 (t.ex. C16: 0,62), "
        "men kolumnens andra serie är skriven i procent 0–100"
    )
    assert "skriv 62" in found


def test_a_share_under_1_percent_with_a_percent_sign_is_read(small):
    """The way out for a share that truly is under 1 percent: the sign says the scale."""
    rows = [["Telefontillgänglighet", m, 85.5] for m in MONTHS]
    rows[-1][2] = "0,8 %"
    _accessibility(small, rows)
    assert errors(small) == []


def test_a_column_all_0_1_is_still_only_a_warning(small):
    rows = [["Telefontillgänglighet", m, 0.855] for m in MONTHS]
    _accessibility(small, rows)
    checked = reporter.validate(small)
    assert checked.errors == []
    assert [w.where.cell for w in checked.warnings] == ["C1"]


@pytest.mark.slow  # validates the whole changed period, 0.2 s CPU
def test_utfall_mnkr_over_values_in_tkr_is_an_error_at_the_header(period):
    """The slip: the header `Utfall (mnkr)` over values in tkr published 16 000 mnkr."""
    set_cell(period / "ekonomi.xlsx", "Divisioner", "B1", "Utfall (mnkr)")
    (found,) = errors(period)
    assert found.startswith(
        "ekonomi.xlsx, blad Divisioner, cell B1: rubriken 'Utfall (mnkr)' säger att beloppen är i mnkr, men värdena är av samma storlek "
        "som i kolumnen 'Budget' (t.ex. rad 2: Utfall \u22124\u00a0200, Budget \u22126\u00a0000); med enheten mnkr blir de 1\u00a0000 gånger större."
    )


def test_a_unit_the_values_agree_with_is_converted(small):
    """The small period's amounts are in mnkr throughout; one column in tkr with values a thousand times larger agrees."""

    def edit(ws):
        ws["C1"] = "Budget (tkr)"
        for row in range(2, ws.max_row + 1):
            ws.cell(row, 3).value = ws.cell(row, 3).value * 1000

    edit_sheet(small / "ekonomi.xlsx", "Region", edit)
    assert errors(small) == []


def test_one_divisions_file_in_another_unit_than_its_values_is_an_error(small):
    """The other divisions: Specialistvård's own file says mnkr like the others' but holds tkr."""
    from reporter.workbook import write_workbook

    edit_sheet(small / "ekonomi.xlsx", "Divisioner", lambda ws: ws.delete_rows(3))
    write_workbook(small / "ekonomi-spv.xlsx", {"Divisioner": [["Division", "Utfall (tkr)", "Budget (tkr)", "Utfall föregående år (tkr)"],
                                                              ["SPV", -3, 0, -4]]})
    found, also = errors(small)  # Utfall and Utfall föregående år (Budget is 0: no size to compare)
    assert also.startswith("ekonomi-spv.xlsx, blad Divisioner, cell D1: rubriken 'Utfall föregående år (tkr)'")
    assert found.startswith("ekonomi-spv.xlsx, blad Divisioner, cell B1: rubriken 'Utfall (tkr)' säger att beloppen är i tkr, men värdena är av "
                            "samma storlek som samma kolumn i ekonomi.xlsx, där enheten är mnkr")


def test_a_total_in_a_sheet_of_text_is_skipped_with_a_note(period):
    """Styrmått has no amounts: a Totalt row there is no measure, and nothing to compare."""
    append(period / "styrkort.xlsx", "Styrmått", ["Ekonomi", "Totalt", None, "Totalt"])
    checked = reporter.validate(period)
    assert checked.errors == []
    assert [str(w) for w in checked.warnings][-1].endswith("raden 'Totalt' är en summarad och hoppas över: verktyget summerar själv")


@pytest.mark.parametrize("written", ["Budget i mnkr", "Budget, mnkr", "Budget mkr"])
def test_a_unit_outside_parentheses_is_an_error_not_a_column_left_out(small, written):
    """`Budget i mnkr` matched no column: the budget was left out of the report with only a warning."""
    set_cell(small / "ekonomi.xlsx", "Divisioner", "C1", written)
    assert errors(small) == [
        f"ekonomi.xlsx, blad Divisioner, cell C1: kolumnen '{written}' känns inte igen: enheten ska stå inom parentes sist, "
        "'Budget (mnkr)'; rätta rubriken, annars läses kolumnen inte"
    ]


@pytest.mark.parametrize(("written", "meant"), [("Budjet", "Budget"), ("Utfall föreg. år", "Utfall föregående år")])
def test_a_misspelt_optional_column_is_an_error_not_a_column_left_out(small, written, meant):
    set_cell(small / "ekonomi.xlsx", "Divisioner", "D1" if meant != "Budget" else "C1", written)
    (found,) = errors(small)
    assert found.endswith(f"kolumnen '{written}' känns inte igen; menade du '{meant}'? Rätta rubriken, annars läses kolumnen inte")


def test_a_totals_row_over_other_divisions_in_a_division_report_is_skipped_with_a_note(tmp_path):
    """A region-wide sheet reused in a division's report: the other divisions' rows are left out, so its Totalt
    row cannot be checked against the rows read; it is skipped with a note, not an error."""
    import shutil

    folder = tmp_path / "2021-04-ovriga-lanet"
    shutil.copytree(ROOT / "inputs" / "2021-04-ovriga-lanet", folder)
    append(folder / "ekonomi.xlsx", "Divisioner", ["Närsjukvård Luleå-Boden", None, None, -1000], ["Totalt", None, None, 123])
    checked = reporter.validate(folder)
    assert checked.errors == []
    assert any(w.message.startswith("raden 'Totalt' är en summarad och hoppas över (andra divisioners rader") for w in checked.warnings)
