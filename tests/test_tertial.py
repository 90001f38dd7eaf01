"""The tertial report (seed 000): the divisions' interim reports as appendices, their summary section, appendices on an earlier month.

The figures asserted are seed 000's (Regiondirektörens rapport per September 2020, the interim reports
per August), as the bundled example inputs/2020-09 carries them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from helpers import dump_docx, squash
from openpyxl import load_workbook

import reporter
from reporter.bilagor import bilagor
from reporter.formatting import number_ranges
from reporter.period_config import load_config_partly
from reporter.pipeline import check

FOLDER = "2020-09"
MAIN = "regiondirektorens-rapport-2020-09.docx"
DIVISIONS = ["Närsjukvård Luleå-Boden", "Närsjukvård Övriga länet", "Länssjukvård", "Folktandvård", "Service", "Länsteknik"]


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The bundled tertial period built once: the package folder, read only."""
    from conftest import ROOT, TEMPLATES, built_once

    return built_once(tmp_path_factory, "tertial", lambda folder: reporter.build(ROOT / "inputs" / FOLDER, folder, TEMPLATES).out_dir)


@pytest.fixture(scope="module")
def text(package) -> str:
    return squash(dump_docx(package / MAIN))


@pytest.fixture
def tertial(tmp_path) -> Path:
    """A copy of the tertial period that a test may change."""
    from conftest import ROOT

    target = tmp_path / FOLDER
    shutil.copytree(ROOT / "inputs" / FOLDER, target)
    return target


def _section(text: str) -> str:
    """The section Divisionernas delårsrapporter of the main report's text."""
    start = text.index("[Heading 1] Divisionernas delårsrapporter")
    return text[start:text.index("[Heading 1]", start + 1)]


def _edit_config(period_dir: Path, change) -> None:
    path = period_dir / "rapport.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _messages(period_dir: Path) -> list[str]:
    return [str(p) for p in check(period_dir).problems]


# --- the package ----------------------------------------------------------------------------------------


def test_the_package_has_the_report_six_interim_reports_and_three_appendices_on_august(package):
    names = sorted(p.name for p in package.iterdir())
    assert names == sorted([
        MAIN,
        "bilaga-1-delarsrapport-narsjukvard-lulea-boden-2020-08.docx",
        "bilaga-2-delarsrapport-narsjukvard-ovriga-lanet-2020-08.docx",
        "bilaga-3-delarsrapport-lanssjukvard-2020-08.docx",
        "bilaga-4-delarsrapport-folktandvard-2020-08.docx",
        "bilaga-5-delarsrapport-service-2020-08.docx",
        "bilaga-6-delarsrapport-lansteknik-2020-08.docx",
        "bilaga-7-produktionsrapport-2020-08.docx",
        "bilaga-8-personalrapport-2020-08.docx",
        "bilaga-9-investeringsrapport-2020-08.docx",
        "manifest.json",
    ])


def test_the_bilagor_list_groups_the_interim_reports_under_one_line(text):
    listed = text[text.index("[Heading 1] Bilagor"):].splitlines()[1:]
    assert listed[:10] == [
        "[Normal] Bilaga 1–6 Divisionernas delårsrapporter augusti 2020",
        *(f"[Normal] {n}. Delårsrapport Division {name}" for n, name in enumerate(DIVISIONS, 1)),
        "[Normal] 7. Produktionsrapport augusti 2020",
        "[Normal] 8. Personalrapport augusti 2020",
        "[Normal] 9. Investeringsrapport augusti 2020",
    ]


def test_the_investments_appendix_is_bilaga_9_per_august_with_budget_and_totals(package):
    """The region's investments January–August (the Investeringar sheet of ekonomi.xlsx, with Budget helår): the cover
    names the report's month, the title the appendix's; the total row is the sum of the rows as printed."""
    shown = squash(dump_docx(package / "bilaga-9-investeringsrapport-2020-08.docx"))
    assert "[Header] Bilaga 9 Investeringsrapport augusti 2020" in shown
    assert "[Titelsida] Bilaga 9 till Regiondirektörens rapport september 2020" in shown
    assert "[Bilagetitel] Investeringsrapport augusti 2020" in shown
    assert "| Division | Investeringstyp | Budget helår | Tidigare beslut | Årets beslut | Utfall | Prognos helår |" in shown
    table = shown[shown.index("| Division | Investeringstyp"):].splitlines()[1:]
    rows = [line.split(" | ") for line in table if line.startswith("| ")]
    numbers = [[float(cell.strip(" |").replace(",", ".").replace("–", "0")) for cell in row[2:]] for row in rows]
    *lines, total = numbers
    assert rows[-1][0] == "| Totalt"
    assert [round(sum(column), 1) for column in zip(*lines, strict=True)] == total == [201.6, 36.6, 72.1, 108.7, 202.3]
    assert "investerat för 108,7 mnkr, 53,7 procent av helårsprognosen 202,3 mnkr" in shown
    assert "Helårsprognosen 202,3 mnkr är 0,7 mnkr högre än budgeten 201,6 mnkr" in shown



def test_the_grouped_interim_reports_stand_indented_under_their_line(package):
    """Bilaga 7 and 8 must not look as if they were part of the group: only 1–6 are indented under its line."""
    from docx import Document

    paragraphs = Document(package / MAIN).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Bilagor")
    indents = {p.text.split(".")[0]: p.paragraph_format.left_indent for p in paragraphs[start + 2:start + 10]}
    assert all(indents[str(n)] and indents[str(n)] > 0 for n in range(1, 7)), indents
    assert not indents["7"] and not indents["8"]


def test_the_aggregate_sentences_are_seed_000s(text):
    section = _section(text)
    assert "Nedan sammanfattas divisionernas delårsrapporter per augusti 2020; de finns i sin helhet som bilagorna 1–6." in section
    assert ("Divisionerna redovisar sammantaget ett resultat per augusti 2020 på −24,0 mnkr, vilket är 33,0 mnkr sämre än budget "
            "och 212 mnkr bättre än samma period föregående år. Division Länssjukvård, division Service och division Länsteknik "
            "har resultat som är bättre än budget.") in section
    assert ("Divisionernas prognoser för helåret 2020 pekar sammantaget på −139 mnkr, vilket är 150 mnkr bättre än resultatet för 2019 "
            "och 142 mnkr sämre än budget. Division Länssjukvård, division Service och division Länsteknik beräknas nå ett bättre "
            "resultat än budget för helåret.") in section


def test_each_division_in_list_order_with_its_figures_text_and_bilaga(text):
    section = _section(text)
    headings = [line.removeprefix("[Heading 2] ") for line in section.splitlines() if line.startswith("[Heading 2] ")]
    assert headings == ["Gemensamt för närsjukvårdsdivisionerna", *(f"Division {name}" for name in DIVISIONS)]
    for number, name in enumerate(DIVISIONS, 1):
        assert f"För mer information se Delårsrapport Division {name} bilaga {number}." in section
    # seed 000 l. 173–199: Luleå-Boden
    # (one decimal below 100 mnkr: the seed's −25 / +80 / −81 are −25,1 / +80,1 / −80,9 in the inputs)
    assert ("Divisionen redovisar per augusti 2020 ett resultat på −25,1 mnkr mot en budget i balans och 80,1 mnkr bättre än samma period "
            "föregående år. Prognosen för helåret är −80,9 mnkr mot en budget i balans.")  # not the figure twice in section
    assert ("Den ekonomiska handlingsplanen ger divisionen i uppdrag att sänka kostnaderna med 159 mnkr under 2020. Per augusti har "
            "åtgärderna gett 49,0 mnkr, 47 procent av det som var planerat för perioden.") in section
    assert "Verksamhetens kostnader under januari–augusti 2020 har minskat med 2,6 procent jämfört med samma period föregående år." in section
    # l. 201–227: Övriga länet
    assert "sänka kostnaderna med 112 mnkr under 2020. Per augusti har åtgärderna gett 56,0 mnkr, 81 procent" in section
    assert ("ett resultat på −43,9 mnkr mot en budget i balans och 34,1 mnkr bättre än samma period föregående år. "
            "Prognosen för helåret är −60,2 mnkr") in section
    assert "har ökat med 1,1 procent jämfört med samma period föregående år" in section
    # l. 344–372: Service: sick leave 5,6 %, a little over a percentage point higher, highest in April 8,3 %; forecast 3,5 mnkr; 104 %
    assert ("Sjukfrånvaron under samma period är 5,6 procent, 1,2 procentenheter högre än samma period föregående år; "
            "högst var den i april med 8,3 procent.") in section
    assert "ett resultat på 26,0 mnkr, 24,0 mnkr bättre än budget" in section
    assert "Prognosen för helåret är 3,5 mnkr mot en budget i balans." in section
    assert "gett 13,8 mnkr, 104 procent av det som var planerat" in section
    # l. 247–306: Folktandvård −18,3 against budget, forecast −25,9; l. 384–390: Länsteknik result 10,5, forecast 7,8
    assert "ett resultat på −18,3 mnkr mot en budget i balans" in section and "Prognosen för helåret är −25,9 mnkr" in section
    assert "ett resultat på 10,5 mnkr, 8,5 mnkr bättre än budget" in section
    assert "Prognosen för helåret är 7,8 mnkr, 4,8 mnkr bättre än budget." in section
    # an amount and the assignment it is compared with are never rounded into the same number
    assert "i uppdrag att sänka kostnaderna med 11,0 mnkr under 2020. Per augusti har åtgärderna gett 8,8 mnkr" in section
    assert "För helåret beräknas åtgärderna ge 10,5 mnkr." in section
    # the division's own text follows its figures, before the reference
    luleå = section[section.index("[Heading 2] Division Närsjukvård Luleå-Boden"):section.index("[Heading 2] Division Närsjukvård Övriga länet")]
    lines = luleå.splitlines()
    assert lines[-1] == "[Normal] För mer information se Delårsrapport Division Närsjukvård Luleå-Boden bilaga 1."
    assert "Kompensationen för kostnader till följd av covid-19" in lines[-2]


def test_the_divisions_result_against_a_month_earlier(text):
    """v2 Divisioner.Utfall föregående månad: seed 000 l. 69–71 (the example's August sum is −24, so +17, see the generator)."""
    assert "Divisionerna redovisar sammantaget ett resultat på −7,0 mnkr" in text
    assert "Det är 17,0 mnkr bättre än i augusti." in text


def test_production_and_personnel_report_on_august(text, package):
    assert "Under januari–augusti 2020 har antalet" in text and "mest jämfört med samma period föregående år, med" in text
    assert "Vid utgången av augusti 2020 hade Region Norrbotten" in text  # August, told in a September report
    assert "För mer information se bilaga 7 Produktionsrapport augusti 2020." in text
    assert "För mer information se bilaga 8 Personalrapport augusti 2020." in text
    appendix = squash(dump_docx(package / "bilaga-7-produktionsrapport-2020-08.docx"))
    assert "Bilaga 7 till Regiondirektörens rapport september 2020" in appendix  # the report it belongs to: September
    assert "september 2020" not in appendix.replace("Bilaga 7 till Regiondirektörens rapport september 2020", "")  # the rest: August
    assert "Produktionsrapport augusti 2020" in appendix


def test_an_interim_report_carries_its_own_document_id_block(package):
    from docx import Document

    main = Document(package / MAIN).core_properties
    interim = Document(package / "bilaga-5-delarsrapport-service-2020-08.docx").core_properties
    assert main.title == "Regiondirektörens rapport september 2020"
    assert interim.title == "Bilaga 5 Delårsrapport Division Service"
    header = dump_docx(package / "bilaga-5-delarsrapport-service-2020-08.docx").split("== brödtext", 1)[0]
    config = yaml.safe_load((Path(__file__).parent.parent / "inputs" / FOLDER / "delarsrapporter" / "service" / "rapport.yaml").read_text("utf-8"))
    assert config["dokument"]["dokument_id"] in header


def test_each_interim_report_says_bilaga_n_on_its_first_page_and_in_its_header(package):
    from docx import Document

    for bilaga in (b for b in bilagor(load_config_partly(Path(__file__).parent.parent / "inputs" / FOLDER)[0]) if b.delarsrapport):
        (path,) = package.glob(f"bilaga-{bilaga.nummer}-delarsrapport-*.docx")
        document = Document(path)
        first = [p.text for p in document.paragraphs[:4]]
        assert first[0] == f"Bilaga {bilaga.nummer} till Regiondirektörens rapport september 2020"
        assert f"Division {bilaga.division}" in first
        for section in document.sections:
            header = "\n".join(p.text for t in section.header.tables for row in t.rows for c in row.cells for p in c.paragraphs)
            header += "\n".join(p.text for p in section.header.paragraphs)
            assert f"Bilaga {bilaga.nummer} Delårsrapport per augusti 2020 – Division {bilaga.division}" in header


def test_no_interim_report_has_a_column_empty_in_every_row(package):
    """The goal table's Framgångsfaktor column, empty in all six, is left out (issue 26)."""
    from docx import Document

    for path in sorted(package.glob("bilaga-*-delarsrapport-*.docx")):
        for table in Document(path).tables:
            header = [c.text for c in table.rows[0].cells]
            for i, name in enumerate(header):
                if len(table.rows) > 1:
                    assert any(row.cells[i].text.strip() for row in table.rows[1:]), (path.name, header, name)


# --- numbering --------------------------------------------------------------------------------------------


def test_number_ranges():
    assert number_ranges([1, 2, 3, 4, 5, 6]) == "1–6"
    assert number_ranges([1, 2, 3, 5]) == "1–3, 5"
    assert number_ranges([4]) == "4"
    assert number_ranges([]) == ""


def test_interim_reports_after_another_appendix_are_numbered_from_the_one_list(tertial):
    _edit_config(tertial, lambda raw: raw["bilagor"].insert(0, "maluppfyllelse"))
    config, _ = load_config_partly(tertial)
    listed = bilagor(config)
    assert [b.nummer for b in listed if b.delarsrapport] == [2, 3, 4, 5, 6, 7]
    assert listed[1].grupp == "Bilaga 2–7 Divisionernas delårsrapporter"
    assert listed[1].file_name(config.period) == "bilaga-2-delarsrapport-narsjukvard-lulea-boden-2020-09.docx"
    assert listed[0].grupp is None and listed[0].titel == "Måluppfyllelse september 2020"


def test_a_v1_list_has_no_group_line(example_dir):
    config, _ = load_config_partly(example_dir)
    assert all(b.grupp is None and not b.delarsrapport for b in bilagor(config))


# --- bilagor: forms and their errors --------------------------------------------------------------------


def test_the_mapping_forms_of_a_generated_appendix(tertial):
    def change(raw):
        raw["bilagor"][6] = {"produktionsrapport": {"period": "2020-07"}}
        raw["bilagor"][7] = {"slag": "personalrapport"}

    _edit_config(tertial, change)
    config, problems = load_config_partly(tertial)
    assert [p for p in problems if p.is_error] == []
    assert config.generated == [
        ("produktionsrapport", config.period.plus(-2)), ("personalrapport", config.period), ("investeringsrapport", config.period.plus(-1)),
    ]


@pytest.mark.slow  # validates the whole changed tertial period with its division folders, 0.2 s CPU
def test_an_unknown_or_repeated_division_and_a_later_period_are_errors(tertial):
    def change(raw):
        raw["bilagor"][0] = {"delarsrapport": "Närsjukvård Luleå-Bodn"}
        raw["bilagor"][2] = {"delarsrapport": "Folktandvård"}
        raw["bilagor"][6] = {"produktionsrapport": None, "period": "2020-10"}

    _edit_config(tertial, change)
    messages = _messages(tertial)
    assert any("nyckel bilagor[1].delarsrapport" in m and "menade du 'Närsjukvård Luleå-Boden'?" in m for m in messages)
    assert any("nyckel bilagor[4].delarsrapport" in m and "står redan som bilaga 3" in m for m in messages)
    assert any("nyckel bilagor[7].period" in m and "2020-10 är efter rapportens period 2020-09" in m for m in messages)


@pytest.mark.slow  # validates the whole changed tertial period with its division folders, 0.2 s CPU
def test_a_missing_folder_and_a_folder_of_another_division_are_errors(tertial):
    shutil.rmtree(tertial / "delarsrapporter" / "lansteknik")
    _edit_config(tertial, lambda raw: raw["bilagor"][4].update(mapp="delarsrapporter/folktandvard"))
    messages = _messages(tertial)
    assert any("bilagor[6].mapp" in m and "mappen delarsrapporter/lansteknik finns inte" in m for m in messages)
    assert any("bilagor[5]" in m and "är Folktandvårds delårsrapport, men bilagan gäller Service" in m for m in messages)


@pytest.mark.slow  # validates the whole changed tertial period with its division folders, 0.2 s CPU
def test_a_problem_in_a_division_folder_names_the_subfolder_file_and_cell(tertial):
    path = tertial / "delarsrapporter" / "service" / "ekonomi.xlsx"
    book = load_workbook(path)
    sheet = book["Divisioner"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value)
    column = next(c for c in range(1, sheet.max_column + 1) if str(sheet.cell(1, c).value).startswith("Utfall"))
    sheet.cell(row, column).value = "många"
    book.save(path)
    errors = [p for p in check(tertial).problems if p.is_error]
    assert errors, "a word in an amount column is an error"
    located = errors[0].where
    assert (located.file, located.sheet, located.cell) == ("delarsrapporter/service/ekonomi.xlsx", "Divisioner", f"{sheet.cell(row, column).coordinate}")


@pytest.mark.slow  # validates the whole changed tertial period with its division folders, 0.2 s CPU
def test_interim_reports_on_different_months_are_an_error(tertial):
    _edit_config(tertial / "delarsrapporter" / "service", lambda raw: raw.update(period="2020-04"))
    messages = _messages(tertial)
    assert any("delårsrapporterna har olika perioder" in m and "2020-04 (delarsrapporter/service/rapport.yaml)" in m for m in messages)


@pytest.mark.slow  # validates the whole tertial period with its division folders, 0.5 s CPU
def test_a_division_folders_own_organisation_must_be_the_reports(tertial):
    parent = yaml.safe_load((tertial / "rapport.yaml").read_text("utf-8"))["organisation"]
    other = dict(parent, namn="Region Västerbotten")
    _edit_config(tertial / "delarsrapporter" / "service", lambda raw: raw.update(organisation=other))
    messages = _messages(tertial)
    assert any(m.startswith("delarsrapporter/service/rapport.yaml, nyckel organisation.namn") and "'Region Västerbotten'" in m for m in messages)
    _edit_config(tertial / "delarsrapporter" / "service", lambda raw: raw.update(organisation=parent))
    assert not [m for m in _messages(tertial) if "organisation" in m]
    _edit_config(tertial / "delarsrapporter" / "service", lambda raw: raw.pop("organisation"))  # left out: the report's is used
    checked = check(tertial)
    assert checked.errors == [] and checked.inputs.delarsrapporter[4].config.organisation.namn == "Region Norrbotten"


# --- texts, external interim reports, status ------------------------------------------------------------


@pytest.mark.slow  # validates the whole changed tertial period with its division folders, 0.2 s CPU
def test_a_heading_naming_a_division_without_an_interim_report_is_a_warning(tertial):
    path = tertial / "texter" / "delarsrapporter.md"
    path.write_text(path.read_text("utf-8") + "\n## Division Länsteknik\n\nEn andra text.\n\n## Kultur\n\nInte en division.\n", "utf-8")
    _edit_config(tertial, lambda raw: raw["bilagor"].pop(5))
    warnings = [str(p) for p in check(tertial).warnings]
    assert any("## Länsteknik står i texten, men divisionen har ingen delårsrapport bland bilagorna" in w for w in warnings)
    assert not any("Kultur" in w for w in warnings)


@pytest.mark.slow  # the whole tertial period built again (1.1 s CPU)
def test_an_interim_report_made_elsewhere_gets_its_text_and_reference_only(tertial, tmp_path):
    (tertial / "bilagor").mkdir(exist_ok=True)
    (tertial / "bilagor" / "lsv.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    _edit_config(tertial, lambda raw: raw["bilagor"].__setitem__(2, {"titel": "Delårsrapport Division Länssjukvård", "fil": "bilagor/lsv.pdf"}))
    from conftest import TEMPLATES

    out = reporter.build(tertial, tmp_path / "out", TEMPLATES).out_dir
    section = _section(squash(dump_docx(out / MAIN)))
    part = section[section.index("[Heading 2] Division Länssjukvård"):section.index("[Heading 2] Division Folktandvård")]
    assert "Divisionen redovisar" not in part and "Tertial 2 präglas av pandemins effekter" in part
    assert part.splitlines()[-1] == "[Normal] För mer information se Delårsrapport Division Länssjukvård bilaga 3."
    assert "Divisionerna vars delårsrapporter byggs ur indata redovisar sammantaget" in section
    text = squash(dump_docx(out / MAIN))
    assert "[Heading 1] Delårsrapport Division Länssjukvård" not in text  # not a section of its own, as other external appendices
    assert (out / "bilaga-3-delarsrapport-division-lanssjukvard.pdf").is_file()


@pytest.mark.slow  # validates the tertial period for the status table, 0.2 s CPU
def test_status_lists_each_division_folder(tertial):
    (tertial / "delarsrapporter" / "service" / "texter" / "internkontroll.md").unlink()
    shutil.rmtree(tertial / "delarsrapporter" / "lansteknik")
    state = reporter.status(tertial)
    rows = {i.division: i for i in state.interim}
    assert list(rows) == DIVISIONS
    assert str(rows["Folktandvård"]) == "giltig" and rows["Folktandvård"].period == "2020-08"
    assert rows["Service"].texts_missing == ("internkontroll.md",)
    assert str(rows["Länsteknik"]) == "saknas"
    assert "delarsrapporter.md" in state.texts


@pytest.mark.slow  # validates the tertial period for the status table, 0.2 s CPU
def test_cli_status_shows_the_division_folders(tertial):
    from click.testing import CliRunner

    from reporter.cli import main

    result = CliRunner().invoke(main, ["status", str(tertial)])
    lines = result.output.splitlines()
    start = lines.index("Divisionernas delårsrapporter:")
    assert lines[start + 1].split() == ["Bilaga", "Division", "Mapp", "Period", "Läge", "Texter", "som", "saknas"]
    assert lines[start + 3].split()[:2] == ["1", "Närsjukvård"] and "delarsrapporter/narsjukvard-lulea-boden" in lines[start + 3]


def test_an_interim_report_of_a_division_without_verksamheter_or_hired_staff(package):
    """Service has neither: no per-verksamhet tables promised, no "Övrigt" line equal to Totalt, no "0 årsarbetare … oförändrad"."""
    text = squash(dump_docx(package / "bilaga-5-delarsrapport-service-2020-08.docx"))
    assert "Tabellerna visar resultatet per verksamhet" not in text
    assert "| Övrigt |" not in text
    assert "| Totalt | −407,8 | −416,2 | −2,0 % | 26,0 | 3,5 |" in text  # the forecast table keeps its total
    assert "Inhyrd personal motsvarar 0 " not in text and "Inhyrd personal motsvarar 0,0" not in text
    assert "Divisionen har inte haft någon inhyrd personal, varken i år eller samma period föregående år." in text


def _interim(package: Path, number: int) -> str:
    """The text of bilaga ``number``, one of the six interim reports."""
    (path,) = package.glob(f"bilaga-{number}-delarsrapport-*.docx")
    return squash(dump_docx(path))


# The six interim reports' headcount: (now, change against August 2019, Tillsvidare, Vikarie/tillfällig), seed 000's inputs.
# August 2020 as the seed; a year earlier each division by its own drift (tools/make_example_tertial.py, drifting).
HEADCOUNT = {1: ("1 568", 66, 52, 14), 2: ("2 154", 114, 73, 41), 3: ("2 267", 45, 12, 33), 4: ("432", 14, 11, 3), 5: ("643", 14, 7, 7),
             6: ("276", 6, 5, 1)}


@pytest.mark.parametrize("number", sorted(HEADCOUNT))
def test_the_interim_reports_tell_the_headcount_in_words(package, number):
    """'2 154 anställda, 79 färre än i augusti 2019', not '−79 jämfört med'; the forms named as people (seed 003:
    'Antalet tillsvidareanställda har minskat med 82 anställda, medan vikarier …'), in one clause, the verb said once."""
    text = _interim(package, number)
    total, fewer, permanent, temporary = HEADCOUNT[number]
    assert f"I slutet av augusti 2020 har divisionen {total} anställda, {fewer} färre än i augusti 2019." in text
    assert (f"Antalet tillsvidareanställda har minskat med {permanent} och antalet vikarier och tillfälligt anställda med {temporary} "
            "sedan augusti 2019.") in text  # the summary: the verb once, the direction being the same
    assert f"Antalet tillsvidareanställda har minskat med {permanent} (−" in text  # the section, with percentages
    assert "jämfört med augusti 2019" not in text and " personer " not in text and "anställningsformen" not in text


def test_every_verksamhet_better_than_last_year_is_said_so(package):
    """Länssjukvård: no verksamhet worse than last year, so no 'Sämre än föregående år är ingen verksamhet'."""
    text = _interim(package, 3)
    assert "Resultatet är 88,6 mnkr bättre än samma period föregående år. Alla verksamheter har ett bättre resultat än föregående år." in text
    assert "Sämre än föregående år" not in text and "ingen verksamhet" not in text


def test_the_result_tables_are_described_as_they_are_split(package):
    """Övriga länet: columns per verksamhetsområde, only a Totalt row; Länssjukvård: rows per verksamhet, no columns;
    the others: no split at all. Words, headers and captions follow."""
    columns_only, rows_only = _interim(package, 2), _interim(package, 3)
    assert "Tabellerna visar resultatet per verksamhetsområde för januari–augusti 2020" in columns_only
    assert "| Tkr | Närsjukvård gemensamt | Närsjukvård Gällivare |" in columns_only and "| Verksamhet, tkr |" not in columns_only
    assert "Tabellerna visar resultatet per verksamhet för januari–augusti 2020" in rows_only
    assert "| Verksamhet, tkr | Totalt |" in rows_only
    for text in (columns_only, rows_only):
        assert "Tom cell" not in text  # no verksamhet is missing from a verksamhetsområde
        assert "per verksamhet och verksamhetsområde" not in text
    assert "[Heading 3] Nettokostnad, resultat och prognos per verksamhet\n" in rows_only
    for number in (1, 2, 4, 5, 6):  # the forecast table has only its Totalt row
        text = _interim(package, number)
        assert "[Heading 3] Nettokostnad, resultat och prognos\n" in text and "prognos per verksamhet" not in text
        if number != 2:
            assert "Tabellerna visar resultatet" not in text


@pytest.mark.parametrize("number", [4, 5, 6])
def test_no_hired_staff_row_without_hired_staff(package, number):
    text = _interim(package, number)
    assert "Divisionen har inte haft någon inhyrd personal, varken i år eller samma period föregående år." in text
    worked = text[text.index("[Heading 3] Arbetad tid"):text.index("[Heading 2] Frånvaro")]
    assert "Inhyrd personal |" not in worked.replace("| Arbetad tid inklusive inhyrd personal |", "")


def test_measures_not_split_by_verksamhet_share_one_production_table(package):
    text = _interim(package, 2)
    appendix = text[text.index("[Heading 1] Bilaga: Produktion och tillgänglighet"):]
    assert "| Mått | jan–aug 2020 | jan–aug 2019 | Förändring % |" in appendix
    assert "| Läkarbesök | 57 457 | 67 693 | −15,1 % |" in appendix and "| Operationer | 1 960 | 2 422 | −19,1 % |" in appendix
    assert "| Totalt |" not in appendix.split("[Heading 2] Tillgänglighet")[0]
    # the chart stands under its heading, before the measures it shows
    access = appendix[appendix.index("[Heading 2] Tillgänglighet"):].splitlines()
    assert access[1].startswith("[Normal] [bild") and access[2] == "[Heading 3] Telefontillgänglighet primärvård"


@pytest.mark.slow  # validates the whole changed tertial period with its division folders, 0.2 s CPU
def test_division_folders_in_a_tertial_report_have_the_appendix_month(tertial):
    """All six interim reports per July in the report for September: one month each, none later than the report,
    and still not the tertial's last month (August), so their accumulated figures would be labelled July."""
    for folder in (tertial / "delarsrapporter").iterdir():
        _edit_config(folder, lambda raw: raw.update(period="2020-07"))
    found = [m for m in _messages(tertial) if "tertialets sista månad" in m]
    assert len(found) == 6
    assert "delarsrapporter/service/rapport.yaml, nyckel period: period: 2020-07, men delårsrapporterna i rapporten för 2020-09 " \
           "gäller tertialets sista månad, 2020-08" in "\n".join(found)


@pytest.mark.slow  # validates the whole tertial period with its division folders, 0.3 s CPU
def test_a_division_folder_named_in_nfc_is_found_when_its_name_on_disk_is_nfd(tertial):
    import unicodedata

    (tertial / "delarsrapporter" / "ovriga-lanet").rename(tertial / "delarsrapporter" / unicodedata.normalize("NFD", "övriga-länet"))
    _edit_config(tertial, lambda raw: raw["bilagor"][1].update(mapp="delarsrapporter/övriga-länet"))
    assert [m for m in _messages(tertial) if "fel" in m or "finns inte" in m] == []
    assert check(tertial).inputs.delarsrapporter[1].division == "Närsjukvård Övriga länet"
