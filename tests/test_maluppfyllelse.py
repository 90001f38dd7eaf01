"""The goal-fulfilment appendix from a scorecard written by someone else."""

from __future__ import annotations

import re

import pytest
from docx import Document
from helpers import dump_docx, header_xml, set_cell, squash
from periods import write_other_period

import reporter
from reporter.figures.maluppfyllelse import Counts
from reporter.formatting import malbedomning
from reporter.workbook import write_workbook

GOALS = [
    ["Perspektiv", "Strategiskt mål", "Nämnd", "Bedömning", "Bedömning helår", "Kommentar"],
    ["Medborgare", "Vård i rätt tid", "RS", "Delvis uppnått", "Uppnått", "Köerna har minskat sedan hösten."],
    ["Medborgare", "Trygg kollektivtrafik", "RUN", "Uppnått", "Uppnått", None],
    ["Ekonomi", "Ekonomi i balans", "RS", "Ej uppnått", "Delvis uppnått", "Underskott i två divisioner."],
    ["Medarbetare", "Friska medarbetare", "RS", None, None, None],
]
MEASURES = [
    ["Perspektiv", "Strategiskt mål", "Framgångsfaktor", "Styrmått", "Nämnd", "Kön", "Mål", "Utfall", "Måluppfyllelse", "Utveckling", "Kommentar"],
    ["Medborgare", "Vård i rätt tid", "Korta väntetider", "Besök inom 90 dagar", "RS", "K", "100 %", "81 %", "Delvis uppnått", "Förbättrad", None],
    ["Medborgare", "Vård i rätt tid", "Korta väntetider", "Besök inom 90 dagar", "RS", "M", "100 %", "84 %", "Delvis uppnått", "Förbättrad", None],
    ["Medborgare", "Vård i rätt tid", "Korta väntetider", "Operation inom 90 dagar", "RS", None, "100 %", "60 %", "Ej uppnått", "Försämrad", None],
    ["Medborgare", "Trygg kollektivtrafik", None, "Nöjda resenärer", "RUN", None, "Öka", None, "Ej mätt", None, None],
    ["Ekonomi", "Ekonomi i balans", "Budget i balans", "Resultat mot budget", "RS", None, "Minst 0", "−12 mnkr", "Ej uppnått", "Oförändrad", None],
]


def _scorecard_period(root):
    folder = root / "2022-02"
    write_other_period(folder)
    path = folder / "rapport.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - personalrapport\n", "  - maluppfyllelse\n"), encoding="utf-8")
    write_workbook(folder / "styrkort.xlsx", {"Strategiska mål": GOALS, "Styrmått": MEASURES})
    return folder


@pytest.fixture
def scorecard_period(tmp_path):
    return _scorecard_period(tmp_path)


@pytest.fixture(scope="module")
def appendix(tmp_path_factory):
    """The appendix built from the scorecard, once for the tests that read it."""
    from conftest import TEMPLATES, built_once

    def make(root):
        return reporter.build(_scorecard_period(root), root / "out", TEMPLATES).out_dir / "bilaga-1-maluppfyllelse-2022-02.docx"

    return built_once(tmp_path_factory, "maluppfyllelse", make)


def test_the_summary_counts_the_goals(appendix):
    text = dump_docx(appendix)
    assert ("Den samlade bedömningen av de strategiska målen för perioden visar att ett av de fyra strategiska målen "
            "helt har uppnåtts, ett delvis har uppnåtts, ett inte har uppnåtts och ett inte har bedömts.") in text


def test_overview_per_perspective_in_contract_order(appendix):
    text = dump_docx(appendix)
    overview = [line for line in text.splitlines() if line.startswith("[Heading 2]")][:3]
    assert overview == ["[Heading 2] Medborgare", "[Heading 2] Medarbetare", "[Heading 2] Ekonomi"]
    assert "| Vård i rätt tid (RS) | Delvis uppnått | Uppnått |" in text
    assert "| Friska medarbetare (RS) | Ej bedömd | Ej bedömd |" in text
    headings = [line for line in text.splitlines() if line.startswith("[Heading 1]")]
    assert headings == ["[Heading 1] Sammanfattande bild av måluppfyllelse", "[Heading 1] Medborgare", "[Heading 1] Medarbetare", "[Heading 1] Ekonomi"]


def test_each_goal_with_its_assessment_comment_and_measures(appendix):
    text = squash(dump_docx(appendix))
    assert "[Heading 2] Vård i rätt tid (RS)" in text
    assert "Den samlade bedömningen av måluppfyllelsen är att målet är delvis uppnått. Vid årets slut bedöms målet vara uppnått." in text
    assert "[Normal] Köerna har minskat sedan hösten." in text
    assert "är att målet inte är uppnått. Vid årets slut bedöms målet vara delvis uppnått." in text
    assert "[Heading 2] Trygg kollektivtrafik (RUN)\n[Normal] Målet bedöms vara uppnått, nu och vid årets slut." in text  # the two agree: said once
    assert "[Heading 3] Framgångsfaktor: Korta väntetider" in text
    assert "| Styrmått | Styrelse/ nämnd | K/M | Mål | Måluppfyllelse | Utveckling |" in text
    assert "| Besök inom 90 dagar | RS | K | 100 % | Delvis uppnått | ↑ förbättrad |" in text
    assert "| Besök inom 90 dagar | RS | M | 100 % | Delvis uppnått | ↑ förbättrad |" in text
    assert "| Operation inom 90 dagar | RS |  | 100 % | Ej uppnått | ↓ försämrad |" in text
    assert "| Nöjda resenärer | RUN | Öka | Ej mätt |" in text  # its table alone: no K/M and no Utveckling, so both left out


def test_k_and_m_rows_share_one_merged_measure_cell(appendix):
    document = Document(appendix)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Styrmått" and len(t.rows) == 4)
    first, second = (row._tr.tc_lst[0] for row in table.rows[1:3])
    assert first.tcPr.vMerge.val == "restart" and second.tcPr.vMerge.val == "continue"
    assert table.rows[3]._tr.tc_lst[0].tcPr.vMerge.val == "restart"  # a measure of its own: no merge into it


def test_assessments_are_coloured_and_written(appendix):
    xml = Document(appendix).element.xml
    fills = {"A9D18E": "Uppnått", "FFE08A": "Delvis uppnått", "F4A3A3": "Ej uppnått", "D9D9D9": "Ej mätt"}
    for fill, word in fills.items():
        cells = re.findall(r'<w:tc>(?:(?!</w:tc>).)*?w:fill="' + fill + r'"(?:(?!</w:tc>).)*?</w:tc>', xml, flags=re.DOTALL)
        assert cells, word
        assert all(word in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", c)) for c in cells), word


def test_the_header_block_and_title(appendix):
    assert "Bilaga 1 Måluppfyllelse februari 2022" in header_xml(appendix)[0]
    assert "DOC-42" in header_xml(appendix)[0]


def test_summary_sentence_worked_examples():
    assert malbedomning(Counts(20, 1, 18, 1, 0)) == (
        "Den samlade bedömningen av de strategiska målen för perioden visar att ett av de 20 strategiska målen "
        "helt har uppnåtts, 18 delvis har uppnåtts och ett inte har uppnåtts."
    )
    assert malbedomning(Counts(5, 0, 3, 2, 0)).endswith("inget av de fem strategiska målen helt har uppnåtts, tre delvis har uppnåtts och två inte har uppnåtts.")
    assert malbedomning(Counts(3, 3, 0, 0, 0)).endswith("tre av de tre strategiska målen helt har uppnåtts.")


# --- validation ------------------------------------------------------------------------------------


def test_a_measure_of_an_unknown_goal_is_named(scorecard_period):
    set_cell(scorecard_period / "styrkort.xlsx", "Styrmått", "B6", "Ekonomi i balanss")
    checked = reporter.validate(scorecard_period)
    assert [str(p) for p in checked.errors] == [
        "styrkort.xlsx, blad Styrmått, rad 6: styrmåttet 'Resultat mot budget' hör till det strategiska målet 'Ekonomi i balanss', "
        "som inte finns på bladet Strategiska mål under Ekonomi; menade du 'Ekonomi i balans'?"
    ]


def test_a_k_row_without_its_m_row(scorecard_period):
    set_cell(scorecard_period / "styrkort.xlsx", "Styrmått", "F3", None)
    checked = reporter.validate(scorecard_period)
    assert [str(p) for p in checked.errors] == [
        "styrkort.xlsx, blad Styrmått, rad 2: styrmåttet 'Besök inom 90 dagar' har en rad för K men ingen för M; "
        "ett mått uppdelat på kön ska ha båda raderna (eller lämna Kön tom)"
    ]


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("A2", "Kultur", "styrkort.xlsx, blad Strategiska mål, cell A2: Perspektiv: 'Kultur' går inte att läsa; förväntat ett av Samhälle, Medborgare, Verksamhet, Medarbetare, Ekonomi"),
        ("D2", "Grönt", "styrkort.xlsx, blad Strategiska mål, cell D2: Bedömning: 'Grönt' går inte att läsa; förväntat ett av Uppnått, Delvis uppnått, Ej uppnått"),
    ],
)
def test_unknown_values_in_the_goals(scorecard_period, cell, value, message):
    set_cell(scorecard_period / "styrkort.xlsx", "Strategiska mål", cell, value)
    assert message in [str(p) for p in reporter.validate(scorecard_period).errors]


def test_scorecard_required_only_when_listed(tmp_path):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    assert reporter.validate(folder).errors == []
    path = folder / "rapport.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - personalrapport\n", "  - maluppfyllelse\n"), encoding="utf-8")
    assert [str(p) for p in reporter.validate(folder).errors] == [
        "ingen arbetsbok av slaget styrkort (styrkort*.xlsx) finns i periodmappen"
    ]
