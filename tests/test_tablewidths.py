"""Issue 26 item 4: table widths come from one rule per document and stay within the margins."""

from __future__ import annotations

import zipfile

from lxml import etree

from reporter.pagesections import governing_sections, text_width
from reporter.tablewidths import column_widths, fit_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_every_table_of_the_bundled_packages_is_as_wide_as_its_sections_text(bundled_packages):
    checked = 0
    for folder in bundled_packages:
        for document in sorted(folder.glob("*.docx")):
            body = etree.fromstring(zipfile.ZipFile(document).read("word/document.xml")).find(f"{W}body")
            sections = governing_sections(body)
            for index, table in enumerate(body):
                if table.tag != f"{W}tbl":
                    continue
                width = text_width(sections[index])
                grid = [int(column.get(f"{W}w")) for column in table.iter(f"{W}gridCol")]
                assert table.find(f"{W}tblPr/{W}tblW").get(f"{W}w") == str(width), document.name
                assert sum(grid) == width, (document.name, grid, width)
                for row in table.findall(f"{W}tr"):
                    assert sum(int(cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for cell in row.findall(f"{W}tc")) == width
                checked += 1
    assert checked > 100


def test_figure_columns_are_equally_wide_and_the_text_column_takes_the_rest():
    widths = column_widths([(False, 2000, 900), (True, 800, 800), (True, 1000, 1000)], 9000)
    assert sum(widths) == 9000 and widths[1] == widths[2] and widths[0] > widths[1]


def test_text_columns_give_way_to_their_longest_word_before_figures_shrink():
    widths = column_widths([(False, 5000, 1000), (True, 1000, 1000), (True, 1000, 1000)], 4000)
    assert widths == [2000, 1000, 1000]
    assert sum(column_widths([(False, 5000, 3000), (True, 1000, 1000)], 3000)) == 3000  # nothing fits: everything shrinks


def test_figures_give_way_before_the_longest_words_break_but_never_below_their_widest_figure():
    # the interim report's cost table on a portrait page: the cost types' names, the year's costs in mnkr ("1 356,7",
    # 894 twips) and 13 columns of small changes ("−12,3", 480 twips, wanting the 700 of a figure column)
    widths = column_widths([(False, 3041, 2051), (True, 894, 894)] + [(True, 700, 480)] * 13, 9298)
    assert sum(widths) == 9298 and widths[0] >= 2051  # the longest name whole
    assert widths[1] >= 894  # "1 356,7" on one line: before, every figure column got 540 and it broke
    assert len(set(widths[2:])) == 1 and widths[2] >= 480


def test_a_table_without_figures_keeps_its_templates_proportions():
    assert column_widths([(False, 500, 100), (False, 3000, 200)], 9000, [3000, 6000]) == [3000, 6000]


def test_a_table_past_the_margins_is_brought_within_them():
    rows = "".join(f"<w:tr><w:tc><w:p><w:r><w:t>Rad {n}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1 234,5</w:t></w:r></w:p></w:tc></w:tr>"
                   for n in range(3))
    table = etree.fromstring(f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                             f'<w:tblGrid><w:gridCol w:w="7000"/><w:gridCol w:w="4000"/></w:tblGrid>{rows}</w:tbl>')
    fit_table(table, 9298)
    assert sum(int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")) == 9298
    assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    assert [child.tag.split("}")[1] for child in table.find(f"{W}tblPr")] == ["tblW", "tblLayout"]


def test_tables_with_the_same_header_in_a_document_have_the_same_columns(bundled_packages):
    document = bundled_packages[0] / "bilaga-4-maluppfyllelse-2021-03.docx"
    body = etree.fromstring(zipfile.ZipFile(document).read("word/document.xml")).find(f"{W}body")
    grids: dict[tuple, set] = {}
    for table in body.findall(f"{W}tbl"):
        header = tuple("".join(t.text or "" for t in cell.iter(f"{W}t")) for cell in table.find(f"{W}tr").findall(f"{W}tc"))
        grids.setdefault(header, set()).add(tuple(int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")))
    assert any(len(header) > 4 for header in grids) and all(len(found) == 1 for found in grids.values())
