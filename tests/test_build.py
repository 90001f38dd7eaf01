"""The whole pipeline: the bundled period, another period, and the guarantees."""

from __future__ import annotations

import hashlib

import pytest
import yaml
from docx import Document
from helpers import dump_docx, edit_sheet, header_xml, set_cell, squash
from periods import write_other_period

import reporter
from reporter.errors import ReporterError

MAIN = "regiondirektorens-rapport-2021-03.docx"


def build(period, workspace, out=None):
    return reporter.build(period, out or workspace / "out", workspace=workspace)


@pytest.fixture(scope="module")
def example_build(example_package):
    return example_package / MAIN


@pytest.fixture(scope="module")
def example_text(example_build) -> str:
    """The bundled report as text, non-breaking spaces as plain ones."""
    return squash(dump_docx(example_build))


def test_snapshot_of_the_bundled_report(example_build, file_regression):
    """Any change in wording, figures or layout of the text shows up here."""
    file_regression.check(dump_docx(example_build), extension=".txt", encoding="utf-8")


def test_output_name_and_place(example_build):
    assert example_build.parent.name == "2021-03"
    assert example_build.name == MAIN


def test_every_header_has_page_fields_and_the_id_block(example_build):
    headers = header_xml(example_build)
    assert headers
    for xml in headers:
        assert "PAGE" in xml and "NUMPAGES" in xml
        assert xml.count('w:fldCharType="begin"') == 2
        for text in ("GÄLLER FÖR VERKSAMHET", "DOKUMENT-ID", "VERSION", "PUBLICERINGSDATUM", "ANSVARIG", "UPPRÄTTAD AV",
                     "Region Norrbotten", "ARBGRP870-1356963637-81", "0.26", "2021-04-13", "Anna-Stina Nordmark Nilsson",
                     "Kirsti Jussila"):
            assert text in xml
        assert "{{" not in xml and "[" not in xml.replace("[Content_Types]", "")


def test_no_template_tag_survives(example_text):
    text = example_text
    assert "{{" not in text and "{%" not in text and "}}" not in text


def test_appendix_numbers_come_from_the_one_list(example_text):
    text = example_text
    assert "För mer information se bilaga 1 Ekonomirapport mars 2021." in text
    assert "För mer information se bilaga 2 Produktionsrapport mars 2021." in text
    assert "För mer information se bilaga 3 Personalrapport mars 2021." in text
    assert "[Normal] 4. Måluppfyllelse mars 2021" in text
    assert "[Normal] 5. Uppföljning Vårdval primärvård mars 2021" in text


def test_figures_in_prose_agree_with_the_inputs(example_text):
    text = example_text
    assert "Periodens resultat per mars 2021 uppgår till 436 mnkr." in text
    assert "208 mnkr bättre än resultatet per februari och 793 mnkr bättre än samma period föregående år" in text
    assert "7 012 anställda, varav 6 387 tillsvidareanställda och 625 vikarier" in text
    assert "Telefontillgänglighet primärvård: 80,1 procent i mars, 2,2 procentenheter lägre än mars 2020 (82,3 procent)" in text


@pytest.mark.slow  # builds March again to compare the bytes, 0.4 s CPU
def test_same_inputs_give_identical_bytes(example_package, tmp_path):
    """Every file of the package, charts and manifest included: a second build in this process, as the first (``example_package``)."""
    from conftest import EXAMPLE, ROOT, TEMPLATES

    def digests(files):
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}

    first = digests(sorted(example_package.iterdir()))
    second = digests(reporter.build(EXAMPLE, tmp_path / "b", TEMPLATES, workspace=ROOT).files)
    assert len(first) == 8  # with the external appendix's cover page
    assert first == second


def test_document_properties_come_from_rapport_yaml(example_build):
    core = Document(example_build).core_properties
    assert core.title == "Regiondirektörens rapport mars 2021"
    assert core.author == "Kirsti Jussila"
    assert core.created.date().isoformat() == "2021-04-13"


@pytest.mark.slow  # builds a whole package, 0.3 s CPU
def test_user_text_is_content_not_code(small, workspace):
    (small / "texter").mkdir()
    (small / "texter" / "aktuella-handelser.md").write_text(
        "## Test {{ 7*7 }}\n\nSumma {{ 7*7 }} och {% if true %}ja{% endif %} & < > <w:p>x</w:p>\n", encoding="utf-8"
    )
    edit_sheet(small / "ekonomi.xlsx", "Region", lambda ws: ws.append(["Övrigt {{ 7*7 }} & <b>", 1, 1, 1, 1]))
    text = dump_docx(build(small, workspace).files[0])
    assert "[Heading 2] Test {{ 7*7 }}" in text
    assert "Summa {{ 7*7 }} och {% if true %}ja{% endif %} & < > <w:p>x</w:p>" in text
    assert "| Övrigt {{ 7*7 }} & <b> |" in text
    assert "49" not in text.split("== brödtext ==")[1].split("Aktuella händelser")[1][:200]


@pytest.mark.slow  # builds a whole package, 0.4 s CPU
def test_a_missing_text_leaves_its_section_out(period, workspace):
    (period / "texter" / "namnderna.md").unlink()
    (period / "texter" / "inledning.md").unlink()
    text = dump_docx(build(period, workspace).files[0])
    assert "Information från nämnderna" not in text
    assert "Inledning" not in text and "Regiondirektör\n" not in text
    assert "[Heading 1] Information från verksamheten" in text


def test_appendix_not_listed_has_no_reference(small, workspace):
    path = small / "rapport.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["bilagor"] = ["personalrapport", "ekonomirapport"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = squash(dump_docx(build(small, workspace).files[0]))
    assert "se bilaga 2 Ekonomirapport februari 2022" in text
    assert "se bilaga 1 Personalrapport februari 2022" in text
    assert "Produktionsrapport" not in text


def test_failed_build_leaves_the_previous_output(small, workspace):
    (small / "texter").mkdir()
    (small / "texter" / "inledning.md").write_text("Inledningen som byggdes.", encoding="utf-8")
    files = build(small, workspace).files
    before = {path.name: path.read_bytes() for path in files}
    set_cell(small / "ekonomi.xlsx", "Divisioner", "B2", "fel")
    (small / "texter" / "inledning.md").write_text("Ny text som inte får synas.", encoding="utf-8")
    with pytest.raises(ReporterError):
        build(small, workspace)
    after = {path.name: path.read_bytes() for path in files[0].parent.iterdir()}
    assert after == before  # every file as it was, and no temporary file left


@pytest.mark.slow  # builds a whole package, 0.3 s CPU
def test_building_another_month_needs_no_code_change(small, workspace):
    """The same inputs reported as January: other months, other figures (124 employees in February)."""
    january = small.rename(small.parent / "2022-01")
    path = january / "rapport.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("period: 2022-02", "period: 2022-01"), encoding="utf-8")
    result = reporter.build(january, workspace / "out", workspace=workspace)
    text = squash(dump_docx(result.files[0]))
    assert result.files[0].name == "regiondirektorens-rapport-2022-01.docx"
    assert "Vid utgången av januari 2022 har Region Exempel 120 anställda" in text
    assert "se bilaga 1 Personalrapport januari 2022" in text
    assert any("efter rapportmånaden" in str(w) for w in result.warnings)


# --- a period folder written by someone else -------------------------------------------------


def test_a_period_written_by_someone_else(tmp_path, workspace):
    folder = tmp_path / "exempel" / "2022-02"
    write_other_period(folder)
    result = reporter.build(folder, workspace / "out", workspace=workspace)
    text = squash(dump_docx(result.files[0]))
    assert "Periodens resultat per februari 2022 uppgår till 13 mnkr." in text
    assert "| Periodens resultat | 13 | 10 | 3 | −4 | – |" in text  # one decimal rule per column: whole mnkr
    assert "Resultatet är 3 mnkr bättre än budget." in text  # the prose rounds as the table does
    assert "7 mnkr bättre än resultatet per januari och 17 mnkr bättre än samma period föregående år" in text  # 13 − (−4) as shown
    assert "Divisionerna redovisar sammantaget ett resultat på −1,5 mnkr" in text  # divisions: one decimal, as in bilaga 1
    assert "Under januari–februari 2022 har antalet läkarbesök ökat jämfört med samma period föregående år, med 25,0 procent till 2 000." in text
    assert "Telefontillgänglighet: 90,0 procent i februari, 5,0 procentenheter högre än februari 2021" in text
    assert "| Centrallasarettet | 87,5 % | 87,5 % | 0,0 |" in text
    assert "124 anställda, varav 104 tillsvidareanställda och 20 vikarier" in text
    assert "har ökat med 4 personer sedan föregående månad" in text
    assert "Sjukfrånvaron under januari–februari 2022 är 5,0 procent" in text
    assert "se bilaga 1 Personalrapport februari 2022" in text
    assert "[Normal] 2. Extern rapport" in text
    assert "DOC-42" in header_xml(result.files[0])[0]
