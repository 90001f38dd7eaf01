"""A short section keeps with the section after it (reporter/keepsections.py; issue 26: "Verksamhetens kostnader"
alone at a page's bottom in bilaga 1 and 2 of the tertial package)."""

from __future__ import annotations

from docx import Document

from reporter.keepsections import keep_short_sections


def _level(style_id: str | None) -> int | None:
    return int(style_id[-1]) - 1 if style_id and style_id.startswith("Heading") else None


def _kept(paragraph) -> bool:
    return paragraph.paragraph_format.keep_with_next is True


def test_a_section_of_one_sentence_keeps_with_the_next_heading():
    document = Document()
    document.add_heading("Verksamhetens kostnader", 2)
    sentence = document.add_paragraph("Resultatet är 80,1 mnkr bättre än samma period föregående år.")
    document.add_heading("Kostnadsutveckling", 2)
    long = document.add_paragraph("Verksamhetens kostnader för januari–augusti 2020 är 1 228 mnkr. " * 3)
    keep_short_sections(document.element.body, _level)
    assert _kept(sentence) and not _kept(long)


def test_a_long_section_a_table_or_a_long_chain_after_it_is_left_as_it_is():
    document = Document()
    document.add_heading("Lång", 2)
    long = document.add_paragraph("En mening om kostnaderna. " * 12)
    document.add_heading("Tabell", 2)
    lead = document.add_paragraph("Tabellen visar utfallet.")
    document.add_table(rows=2, cols=2)
    document.add_heading("Kort före en lång kedja", 2)
    short = document.add_paragraph("En mening.")
    heading = document.add_heading("Nästa", 2)
    for _ in range(30):  # a chain of kept paragraphs longer than a page: joining it would let LibreOffice break it anywhere
        document.add_paragraph("Kedja.").paragraph_format.keep_with_next = True
    document.add_paragraph("Slut.")
    keep_short_sections(document.element.body, _level)
    assert not _kept(long) and not _kept(lead) and not _kept(short)
    assert heading.paragraph_format.keep_with_next is None  # the heading's own keep comes from its style
