"""The investments appendix (investeringsrapport): contract v2's Investeringar sheet as a numbered appendix of the monthly report."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from helpers import dump_docx

import reporter
from reporter.errors import ReporterError
from reporter.figures.investeringar import investeringar
from reporter.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["Division", "Investeringstyp", "Utfall tidigare beslut", "Utfall årets beslut", "Prognos helår"]
ROWS = [  # tkr, accumulated January–March
    ["Närsjukvård Piteå älvdal", "IT-utrustning", 300, 450, 2500],
    ["Närsjukvård Luleå-Boden", "MT-utrustning", 1200, 2300, 9000],
    ["Närsjukvård Luleå-Boden", "Fordon", None, 400, 800],
]


def _period(tmp_path: Path, rows: list | None = ROWS, header: list = HEADER) -> Path:
    """The bundled March with the investments appendix listed after the goal fulfilment, and (unless None) an Investeringar sheet."""
    period = tmp_path / "2021-03"
    shutil.copytree(ROOT / "inputs" / "2021-03", period)
    config = period / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - maluppfyllelse\n", "  - maluppfyllelse\n  - investeringsrapport\n"), encoding="utf-8")
    if rows is not None:
        book = openpyxl.load_workbook(period / "ekonomi.xlsx")
        sheet = book.create_sheet("Investeringar")
        for row in [header, *rows]:
            sheet.append(row)
        book.save(period / "ekonomi.xlsx")
    return period


@pytest.mark.slow  # validates a v2 period with the investments sheet, 0.4 s CPU
def test_the_figures_are_the_rows_in_the_organisations_order_their_sums_and_the_summarys_largest(tmp_path):
    checked = check(_period(tmp_path))
    assert not checked.errors, checked.errors
    assert checked.inputs is not None and checked.config is not None
    figures = investeringar(checked.inputs, checked.config)
    assert [(r.division, r.investeringstyp, r.utfall) for r in figures.rader] == [
        ("Närsjukvård Luleå-Boden", "MT-utrustning", 3500), ("Närsjukvård Luleå-Boden", "Fordon", 400), ("Närsjukvård Piteå älvdal", "IT-utrustning", 750),
    ]
    assert (figures.totalt.utfall_tidigare, figures.totalt.utfall_i_ar, figures.totalt.utfall, figures.totalt.prognos_helar) == (1500, 3150, 4650, 12300)
    assert figures.storsta is not None and figures.storsta.investeringstyp == "MT-utrustning"
    assert figures.andel_av_prognos == pytest.approx(4650 / 12300 * 100)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``_period``'s March (the appendix listed, three rows, no budget) built once per module: read only."""
    folder = tmp_path_factory.mktemp("investeringar")
    return reporter.build(_period(folder), folder / "out", ROOT / "templates", workspace=folder)


def test_the_appendix_is_built_with_its_number_table_and_summary(built):
    result = built
    names = [path.name for path in result.files]
    assert "bilaga-5-investeringsrapport-2021-03.docx" in names
    text = dump_docx(result.out_dir / "bilaga-5-investeringsrapport-2021-03.docx")
    assert "Bilaga 5" in text and "Investeringsrapport mars 2021" in text
    assert "MT-utrustning" in text and "Närsjukvård Luleå-Boden" in text
    assert "Mest har gått till MT-utrustning i division Närsjukvård Luleå-Boden" in text
    assert "5. Investeringsrapport mars 2021" in dump_docx(result.out_dir / "regiondirektorens-rapport-2021-03.docx")  # its Bilagor list


def test_listed_without_an_investeringar_sheet_is_an_error_naming_the_sheet(tmp_path):
    with pytest.raises(ReporterError) as raised:
        reporter.build(_period(tmp_path, rows=None), tmp_path / "out", ROOT / "templates", workspace=tmp_path)
    assert any("Investeringar" in p.message for p in raised.value.problems)


BUDGET = [*HEADER, "Budget helår"]
BUDGETED = [[*row, budget] for row, budget in zip(ROWS, [2000, 9500, 700], strict=True)]


@pytest.mark.slow  # March built again with a budget column (1.2-1.7 s CPU); the fast tests below check its reading
def test_a_budget_helar_column_adds_the_budget_to_the_table_total_and_summary(tmp_path):
    result = reporter.build(_period(tmp_path, BUDGETED, BUDGET), tmp_path / "out", ROOT / "templates", workspace=tmp_path)
    text = dump_docx(result.out_dir / "bilaga-5-investeringsrapport-2021-03.docx")
    assert "| Division | Investeringstyp | Budget helår | Tidigare beslut | Årets beslut | Utfall | Prognos helår |" in text
    assert "| Närsjukvård Luleå-Boden | MT-utrustning | 9,5 | 1,2 | 2,3 | 3,5 | 9,0 |" in text
    assert "| Totalt |  | 12,2 | 1,5 | 3,2 | 4,7 | 12,3 |" in text
    text = text.replace("\u00a0", " ")
    assert "Helårsprognosen 12,3 mnkr är 0,1 mnkr högre än budgeten 12,2 mnkr." in text
    assert "överstiger budgeten för två av tre investeringsposter, mest för IT-utrustning i division Närsjukvård Piteå älvdal (0,5 mnkr över)" in text


def test_without_the_budget_column_the_table_has_none(built):
    result = built
    text = dump_docx(result.out_dir / "bilaga-5-investeringsrapport-2021-03.docx")
    assert "| Division | Investeringstyp | Tidigare beslut | Årets beslut | Utfall | Prognos helår |" in text
    assert "Budget" not in text and "budget" not in text


def test_an_empty_budget_cell_is_an_error_naming_the_cell(tmp_path):
    rows = [*BUDGETED[:2], [*ROWS[2], None]]
    checked = check(_period(tmp_path, rows, BUDGET))
    found = [p for p in checked.errors if p.where.sheet == "Investeringar"]
    assert [(p.where.file, p.where.cell) for p in found] == [("ekonomi.xlsx", "F4")], checked.errors
    assert "tom" in found[0].message


@pytest.mark.slow  # validates a v2 period with the investments sheet, 0.3 s CPU
def test_a_budget_column_in_one_workbook_but_not_another_is_an_error_naming_the_one_without(tmp_path):
    period = _period(tmp_path, BUDGETED[:2], BUDGET)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Investeringar"
    for row in [HEADER, ROWS[2]]:
        sheet.append(row)
    book.save(period / "ekonomi-pitea.xlsx")
    checked = check(period)
    found = [p for p in checked.errors if "Budget helår" in p.message]
    assert [(p.where.file, p.where.sheet) for p in found] == [("ekonomi-pitea.xlsx", "Investeringar")], checked.errors
    assert "ekonomi.xlsx" in found[0].message
