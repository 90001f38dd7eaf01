"""Page layout the templates cannot say themselves: no table row stranded alone under a page break."""

from __future__ import annotations

from docx import Document
from docx.oxml import parse_xml
from lxml import etree

from reporter.docxparts import W_NS, w
from reporter.render import LAST_ROWS_TOGETHER, SHORT_TABLE_ROWS, keep_tables_together


def _table(rows: int, styled: bool = False, nested: str = "") -> str:
    style = '<w:pPr><w:pStyle w:val="Tabelltext"/><w:jc w:val="right"/></w:pPr>' if styled else ""
    row = f"<w:tr><w:tc><w:p>{style}<w:r><w:t>x</w:t></w:r></w:p>{nested}</w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
    return f"<w:tbl>{row * rows}</w:tbl>"


def _body(*tables: str):
    """A document body as python-docx parses it (its element classes), as render gives it."""
    return parse_xml(f'<w:body xmlns:w="{W_NS}">' + "<w:p/>".join(tables) + "</w:body>")


def _kept(table) -> list[bool]:
    """Per row: every paragraph keeps with the next."""
    return [all(p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in row.iter(w("p"))) for row in table.findall(w("tr"))]


def test_a_short_table_keeps_every_row_but_the_last_with_the_next():
    body = _body(_table(7))
    keep_tables_together(body)
    assert _kept(body.find(w("tbl"))) == [True] * 6 + [False]


def test_a_long_table_keeps_only_its_last_rows_together():
    rows = SHORT_TABLE_ROWS + 15
    body = _body(_table(rows))
    keep_tables_together(body)
    assert _kept(body.find(w("tbl"))) == [False] * (rows - LAST_ROWS_TOGETHER) + [True] * (LAST_ROWS_TOGETHER - 1) + [False]


def test_keep_next_stands_where_the_schema_puts_it_and_only_once():
    body = _body(_table(3, styled=True))
    keep_tables_together(body)
    keep_tables_together(body)  # a second pass changes nothing
    first = body.find(f"{w('tbl')}/{w('tr')}/{w('tc')}/{w('p')}/{w('pPr')}")
    assert [etree.QName(child).localname for child in first] == ["pStyle", "keepNext", "jc"]


def test_a_nested_table_is_not_kept_as_a_table_of_its_own():
    """A table inside the last row of another: its rows go with that row, they get no keep of their own."""
    body = _body(_table(2, nested=_table(4)))
    keep_tables_together(body)
    outer = body.find(w("tbl"))
    last_inner = outer.findall(w("tr"))[-1].find(f".//{w('tbl')}")
    assert _kept(outer) == [True, False]
    assert _kept(last_inner) == [False] * 4


def test_the_personnel_appendix_keeps_its_division_table_on_one_page(example_package):
    document = Document(example_package / "bilaga-3-personalrapport-2021-03.docx")
    for table in document.tables:
        rows = table._tbl.findall(w("tr"))
        if len(rows) <= SHORT_TABLE_ROWS:
            assert _kept(table._tbl)[:-1] == [True] * (len(rows) - 1), table.rows[0].cells[0].text


def test_a_short_lead_in_keeps_with_its_table_and_the_table_with_its_source_line():
    lead = '<w:p><w:r><w:t xml:space="preserve">\n  Tabellerna visar produktionen.  </w:t></w:r></w:p>'
    source = '<w:p><w:pPr><w:pStyle w:val="Källa"/></w:pPr><w:r><w:t>Avrundningsdifferenser kan förekomma.</w:t></w:r></w:p>'
    long_lead = f'<w:p><w:r><w:t>{"Lång text. " * 40}</w:t></w:r></w:p>'
    body = parse_xml(f'<w:body xmlns:w="{W_NS}">{lead}{_table(3)}{source}{long_lead}{_table(3)}<w:p/></w:body>')
    keep_tables_together(body)
    first, second = body.findall(w("tbl"))
    paragraphs = body.findall(w("p"))
    assert paragraphs[0].find(f"{w('pPr')}/{w('keepNext')}") is not None  # the lead-in
    assert _kept(first) == [True, True, True]  # down to the source line under it
    assert paragraphs[2].find(f"{w('pPr')}/{w('keepNext')}") is None  # a long paragraph is not a lead-in
    assert _kept(second) == [True, True, False]  # nothing under it to keep with
