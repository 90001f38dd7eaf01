"""The bundled interim reports as a board secretary reads them (issue 26; review of the tertial package 2020-09
and the division report 2021-04-ovriga-lanet): no paragraph begins with a space, årsarbetare in prose with the
table's decimals, and the result bridge's breakdown carries the rounding note where its Summa differs as shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from reporter.formatting import avrundning_forklarar
from reporter.tablewidths import _FIGURE, _WORDS, BOLD, CELL_MARGINS_TWIPS, LETTER_TWIPS, _combined, _grid, _key, _needs, _scale, font_sizes


@pytest.fixture(scope="module")
def interim_reports(bundled_packages) -> list[Path]:
    tertial, interim = bundled_packages[2], bundled_packages[3]
    reports = sorted(tertial.glob("bilaga-*-delarsrapport-*.docx")) + sorted(interim.glob("delarsrapport-*.docx"))
    assert len(reports) >= 7
    return reports


def _paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_no_paragraph_of_an_interim_report_begins_with_a_space(interim_reports):
    starts = [(path.name, p.text[:40]) for path in interim_reports for p in _paragraphs(Document(path)) if p.text[:1].isspace()]
    assert not starts


def _extra_time(path: Path) -> tuple[str, str]:
    document = Document(path)
    prose = next(p.text for p in document.paragraphs if p.text.startswith("Extratiden motsvarar"))
    row = next(r for t in document.tables for r in t.rows if r.cells[0].text == "Extratid")
    said = re.search(r"\(([+−]?[\d\s,]+?)\s+årsarbetare\)", prose)
    assert said, prose
    return said.group(1), row.cells[3].text


def test_the_extra_time_in_prose_has_the_tables_decimals(interim_reports):
    pairs = [_extra_time(path) for path in interim_reports]
    assert all(said == shown for said, shown in pairs), pairs
    assert all("," in said for said, _ in pairs)  # one decimal, like the table


def test_the_result_effects_carry_the_rounding_note_when_their_sum_differs_from_the_bridge(bundled_packages):
    document = Document(next(bundled_packages[3].glob("delarsrapport-*.docx")))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Post, mnkr")
    assert [c.text for c in table.rows[-1].cells[1:]] == ["16,0", "−33,0"]  # the bridge says 15,7 / −33,1
    after = table._tbl.getnext()
    assert "Avrundningsdifferenser kan förekomma." in "".join(after.itertext())


def test_a_gap_beyond_the_items_rounding_is_no_rounding_difference():
    items = [-25000, -46000, 17000, 75000, -5000]  # 2021-04-ovriga-lanet, whole mnkr in tkr: Summa 16,0
    assert avrundning_forklarar(items, 15700, skala=1000)  # the bridge's 15,7: 0,3 within 5 × 0,5
    assert avrundning_forklarar(items, 13500, skala=1000)  # 2,5: the most five rounded items can be off
    assert not avrundning_forklarar(items, 13400, skala=1000)
    assert not avrundning_forklarar([None], 13400, skala=1000) and not avrundning_forklarar(items, None, skala=1000)


def test_no_word_in_a_table_cell_is_wider_than_its_column(interim_reports):
    """Estimated with the width rule's own metrics (reporter/tablewidths.py: the table's text size, bold headers);
    tables whose longest words cannot all fit side by side (a 40-letter compound with a slash in the goal tables of
    2021-04-ovriga-lanet) are left out. Figure columns give way first, so their headers may break (at a hyphen)."""
    too_wide = []
    for path in interim_reports:
        document = Document(path)
        sizes = font_sizes(document.styles.element)
        tables = [(table, grid) for table in document.element.body.iter(qn("w:tbl"))
                  if next(table.iterancestors(qn("w:tbl")), None) is None and (grid := _grid(table)) is not None]
        kinds: dict[tuple, list] = {}  # tables of one kind share their columns (the rule's _key and _combined)
        for table, (columns, rows) in tables:
            width = sum(int(c.get(qn("w:w"))) for c in columns)
            kinds.setdefault(_key(table, rows, width), []).append(_needs(table, rows, len(columns), _scale(table, sizes)))
        for table, (columns, rows) in tables:
            scale = _scale(table, sizes)
            width = sum(int(c.get(qn("w:w"))) for c in columns)
            needs = _combined(kinds[_key(table, rows, width)])
            leasts = [least for _, _, least in needs]
            if sum(leasts) > width:
                continue  # the longest words cannot all stand side by side: something must break
            headers = sum(1 for row in table.findall(qn("w:tr")) if row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None) or 1
            for number, row in enumerate(rows):
                start = 0
                for cell, span in row:
                    column, start = start, start + span
                    if span > 1 or needs[column][0]:
                        continue  # the figure columns give way first: their headers may break
                    twips = int(cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w")))
                    for word in _WORDS.split("".join(t.text or "" for t in cell.iter(qn("w:t")))):
                        need = len(word) * LETTER_TWIPS * scale * (BOLD if number < headers else 1) + CELL_MARGINS_TWIPS
                        if word and need > twips + 20 and not _FIGURE.match(word):  # 20: the rule rounds
                            too_wide.append((path.name, word, round(need), twips))
    assert not too_wide
