"""A column empty in every row is left out of the rendered table (issue 26 item 4), and an external
appendix's cover page and the appendix share one bookmark in the merged PDF (unique sibling bookmarks)."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from reporter.emptycolumns import drop_empty_columns
from reporter.pdf import _shared


def _table(rows: list[list[str]]):
    document = docx.Document()
    table = document.add_table(rows=0, cols=len(rows[0]))
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        if index == 0:
            table.rows[0]._tr.get_or_add_trPr().append(docx.oxml.OxmlElement("w:tblHeader"))
    return document


def _texts(document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


def test_a_column_empty_under_its_header_is_left_out_and_its_width_goes_to_the_first():
    document = _table([["Styrmått", "K/M", "Mål", "Utveckling"], ["Sjukfrånvaro", "", "5 %", ""], ["Flygresor", "", "−15 %", "↑"]])
    grid = document.tables[0]._tbl.find(qn("w:tblGrid"))
    before = sum(int(c.get(qn("w:w"))) for c in grid.findall(qn("w:gridCol")))
    drop_empty_columns(document.element.body)
    assert _texts(document) == [["Styrmått", "Mål", "Utveckling"], ["Sjukfrånvaro", "5 %", ""], ["Flygresor", "−15 %", "↑"]]
    assert sum(int(c.get(qn("w:w"))) for c in grid.findall(qn("w:gridCol"))) == before  # the table keeps its width


def test_a_table_with_every_column_filled_or_only_a_header_is_left_as_it_is():
    full = _table([["Mått", "Värde"], ["Läkarbesök", "12"]])
    drop_empty_columns(full.element.body)
    assert _texts(full) == [["Mått", "Värde"], ["Läkarbesök", "12"]]
    header_only = _table([["Mått", "Värde"]])
    drop_empty_columns(header_only.element.body)
    assert _texts(header_only) == [["Mått", "Värde"]]


def test_a_cover_page_and_its_appendix_share_one_bookmark():
    bookmarks = [("Rapport", 0, [("Inledning", 1, None, [])]), ("Bilaga 5 Vårdval", 9, []), ("Bilaga 5 Vårdval", 10, [("Nyckeltal", 10, None, [])])]
    assert _shared(bookmarks) == [("Rapport", 0, [("Inledning", 1, None, [])]), ("Bilaga 5 Vårdval", 9, [("Nyckeltal", 10, None, [])])]
