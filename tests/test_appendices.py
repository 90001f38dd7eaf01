"""The generated appendices and the package: numbering, tables, charts, manifest."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest
import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from helpers import dump_docx, header_xml, squash
from periods import write_other_period

import reporter
from reporter.figures.common import MonthSeries
from reporter.figures.ekonomi import _cost_trend
from reporter.model import Cost, Month, Source

APPENDICES = (
    "bilaga-1-ekonomirapport-2021-03.docx", "bilaga-2-produktionsrapport-2021-03.docx",
    "bilaga-3-personalrapport-2021-03.docx", "bilaga-4-maluppfyllelse-2021-03.docx",
)
TITLES = {"ekonomirapport": "Ekonomirapport", "produktionsrapport": "Produktionsrapport", "personalrapport": "Personalrapport",
          "maluppfyllelse": "Måluppfyllelse"}
EXTERNAL = "bilaga-5-uppfoljning-vardval-primarvard-mars-2021.pdf"
COVER = "bilaga-5-uppfoljning-vardval-primarvard-mars-2021-forsattsblad.docx"
DESCR = re.compile(r'<wp:docPr [^>]*descr="([^"]*)"')


@pytest.fixture(scope="module")
def package(example_package):
    return example_package


def test_the_package_has_every_document_of_the_list(package):
    assert sorted(p.name for p in package.iterdir()) == sorted([
        "regiondirektorens-rapport-2021-03.docx", *APPENDICES,
        COVER, EXTERNAL, "manifest.json",
    ])


def test_an_external_appendix_has_a_cover_page_with_the_header_block(package):
    text = dump_docx(package / COVER)
    assert "[Titelsida] Bilaga 5 till Regiondirektörens rapport mars 2021" in text
    assert "[Bilagetitel] Uppföljning Vårdval primärvård mars 2021" in text
    # What the appendix is and where a reader finds it, in a secretary's words: no file name, no "PDF:en" (issue 26, item 7).
    assert "bifogas ärendet som ett eget dokument med rubriken Uppföljning Vårdval primärvård mars 2021" in text
    assert EXTERNAL not in text and "PDF" not in text
    header = header_xml(package / COVER)[0]
    assert "Bilaga 5 Uppföljning Vårdval primärvård mars 2021" in header and "ARBGRP870-1356963637-81" in header


def test_the_main_report_refers_to_every_appendix_by_its_number(package):
    main = squash(dump_docx(package / "regiondirektorens-rapport-2021-03.docx"))
    for number, title in enumerate(("Ekonomirapport mars 2021", "Produktionsrapport mars 2021", "Personalrapport mars 2021",
                                    "Måluppfyllelse mars 2021", "Uppföljning Vårdval primärvård mars 2021"), 1):
        assert f"se bilaga {number} {title}." in main


@pytest.mark.parametrize("name", APPENDICES)
def test_snapshot_of_each_appendix(package, name, file_regression):
    file_regression.check(dump_docx(package / name), extension=".txt", encoding="utf-8", basename=name.removesuffix(".docx"))


@pytest.mark.parametrize("name", APPENDICES)
def test_each_appendix_has_the_header_block_and_its_own_title(package, name):
    number, kind = re.match(r"bilaga-(\d)-(\w+)-", name).groups()
    for xml in header_xml(package / name):
        assert "ARBGRP870-1356963637-81" in xml and " PAGE " in xml and " NUMPAGES " in xml
        assert f"Bilaga {number} {TITLES[kind]} mars 2021" in xml
    text = dump_docx(package / name)
    assert f"[Titelsida] Bilaga {number} till Regiondirektörens rapport mars 2021" in text
    assert f"[Bilagetitel] {TITLES[kind]} mars 2021" in text


@pytest.mark.parametrize("name", APPENDICES[:3])
def test_every_chart_says_what_it_shows(package, name):
    document = Document(package / name)
    descriptions = DESCR.findall(document.element.xml)
    assert descriptions, "no chart"
    assert all(d.startswith(("Linjediagram", "Stapeldiagram")) and len(d) > 60 for d in descriptions)
    pictures = [r for r in document.part.rels.values() if "image" in r.reltype]
    assert len(pictures) == len(descriptions)
    assert all(r.target_part.blob.startswith(b"\x89PNG") for r in pictures)


def test_tables_have_bold_totals_and_right_aligned_numbers(package):
    document = Document(package / APPENDICES[0])
    divisions = document.tables[1]
    total = divisions.rows[-1]
    assert total.cells[0].text == "Totalt"
    assert all(run.bold for cell in total.cells for run in cell.paragraphs[0].runs)
    assert total.cells[1].paragraphs[0].alignment == 2  # RIGHT
    assert divisions.rows[0]._tr.trPr.xpath("./w:tblHeader")  # the header row repeats on every page
    assert "−" in "".join(c.text for c in total.cells)  # negatives with a real minus sign


def test_the_wide_cost_table_is_on_a_landscape_page(package):
    document = Document(package / APPENDICES[0])
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    costs = document.tables[-1]
    assert len(costs.columns) == 15
    assert costs.rows[0].cells[2].text == "Förändring mot samma period året innan, procent"  # over the monthly columns
    assert [c.text for c in costs.rows[1].cells[:3]] == ["Kostnadsslag", "Kostnad jan–mar 2021, mnkr", "jan–mar 2021"]
    assert costs.rows[2].cells[0].text == "Summa verksamhetens kostnader"
    assert costs.rows[-1].cells[-1].text.endswith("%")


def test_manifest_lists_every_output_and_input_with_its_hash(package):
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["verktyg"] == "reporter" and manifest["version"] == reporter.__version__
    outputs = {o["fil"]: o["sha256"] for o in manifest["utdata"]}
    assert set(outputs) == {p.name for p in package.iterdir()} - {"manifest.json"}
    for name, digest in outputs.items():
        assert hashlib.sha256((package / name).read_bytes()).hexdigest() == digest
    inputs = {i["fil"] for i in manifest["indata"]}
    assert {"rapport.yaml", "ekonomi.xlsx", "produktion.xlsx", "personal.xlsx", "texter/inledning.md", "bilagor/vardval.pdf"} <= inputs


def test_the_external_appendix_is_copied_as_it_was(package, example_dir):
    copied = package / EXTERNAL
    assert copied.read_bytes() == (example_dir / "bilagor" / "vardval.pdf").read_bytes()


@pytest.mark.slow  # builds a whole package, 0.6 s CPU
def test_numbers_follow_the_list_everywhere(small, example_dir, workspace):
    (small / "bilagor").mkdir()
    shutil.copyfile(example_dir / "bilagor" / "vardval.pdf", small / "bilagor" / "vardval.pdf")
    path = small / "rapport.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["bilagor"] = ["personalrapport", {"titel": "Vårdval", "fil": "bilagor/vardval.pdf"}, "ekonomirapport", {"titel": "Utan fil"}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = reporter.build(small, workspace / "out", workspace=workspace)
    assert [p.name for p in result.files] == [
        "regiondirektorens-rapport-2022-02.docx", "bilaga-1-personalrapport-2022-02.docx", "bilaga-2-vardval-forsattsblad.docx",
        "bilaga-2-vardval.pdf", "bilaga-3-ekonomirapport-2022-02.docx", "manifest.json",
    ]
    main = squash(dump_docx(result.files[0]))
    assert "se bilaga 3 Ekonomirapport februari 2022" in main and "se bilaga 1 Personalrapport februari 2022" in main
    assert "[Normal] 2. Vårdval" in main and "[Normal] 4. Utan fil" in main
    assert "se bilaga 2 Vårdval." in main and "se bilaga 4 Utan fil." in main
    assert "Bilaga 3 Ekonomirapport februari 2022" in header_xml(result.files[4])[0]
    assert "[Titelsida] Bilaga 1 till" in dump_docx(result.files[1])


def test_the_package_of_a_period_written_by_someone_else(tmp_path, workspace):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    result = reporter.build(folder, workspace / "out", workspace=workspace)
    assert [p.name for p in result.files] == [
        "regiondirektorens-rapport-2022-02.docx", "bilaga-1-personalrapport-2022-02.docx", "manifest.json"
    ]
    text = squash(dump_docx(result.files[1]))
    assert "[Bilagetitel] Personalrapport februari 2022" in text
    assert "| Tillsvidare | 104 | +4 | +4 |" in text
    assert "| Totalt | 124 | +4 | +4 |" in text
    assert "| Kvinnor | 5,0 % | 5,0 % | 5,0 % | 0,0 |" in text


def test_cost_development_is_the_year_to_date_change_at_each_month():
    """A worked example: 100 a month in 2020, 110 a month from January 2021."""
    source = Source("e.xlsx", "Kostnader", "rad 1")
    months = [Month(2019, 1).plus(i) for i in range(27)]  # January 2019 – March 2021
    costs = [Cost("D", "Läkemedel", m, 110.0 if m.year == 2021 else 100.0, source) for m in months]
    by_type = MonthSeries(costs, lambda c: c.kostnadsslag, lambda c: c.belopp)
    total = MonthSeries(costs, lambda c: "Summa", lambda c: c.belopp)
    trend = _cost_trend(by_type, total, Month(2021, 3))
    assert [str(m) for m in trend.manader[:4]] == ["2021-03", "2021-02", "2021-01", "2020-12"]
    line = trend.rader[0]
    assert line.hittills == 330
    assert [round(x, 1) for x in line.forandringar[:4]] == [10.0, 10.0, 10.0, 0.0]
    assert line.forandringar[-1] == 0.0  # March 2020 against March 2019


def test_a_cost_month_missing_gives_no_change_rather_than_a_wrong_one():
    source = Source("e.xlsx", "Kostnader", "rad 1")
    months = [Month(2020, 1).plus(i) for i in range(15)]  # January 2020 – March 2021: no 2019
    costs = [Cost("D", "Läkemedel", m, 100.0, source) for m in months]
    trend = _cost_trend(MonthSeries(costs, lambda c: c.kostnadsslag, lambda c: c.belopp),
                        MonthSeries(costs, lambda c: "Summa", lambda c: c.belopp), Month(2021, 3))
    assert trend.rader[0].forandringar[:3] == [0.0, 0.0, 0.0]
    assert trend.rader[0].forandringar[3:] == [None] * 10
