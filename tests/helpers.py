"""Test helpers: a normalised text dump of a DOCX, and period-folder editing."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _block_lines(container, parent) -> list[str]:
    lines = []
    for element in container.iterchildren():
        if element.tag == f"{W}p":
            paragraph = Paragraph(element, parent)
            text = paragraph.text.strip()
            if text:
                lines.append(f"[{paragraph.style.name}] {text}")
        elif element.tag == f"{W}tbl":
            for row in Table(element, parent).rows:
                lines.append("| " + " | ".join(c.text.strip() for c in row.cells) + " |")
    return lines


def dump_docx(path: Path) -> str:
    """Headings, paragraphs (with style), tables and headers as plain text lines."""
    document = Document(path)
    lines = []
    for number, section in enumerate(document.sections, 1):
        lines.append(f"== sidhuvud, avsnitt {number} ==")
        lines += _block_lines(section.header._element, section.header)
    lines.append("== brödtext ==")
    lines += _block_lines(document.element.body, document)
    return "\n".join(lines) + "\n"


def header_xml(path: Path) -> list[str]:
    """The XML of every section's default header."""
    document = Document(path)
    return [section.header._element.xml for section in document.sections]


def edit_sheet(path: Path, sheet: str, edit) -> None:
    """Open a workbook, let ``edit(worksheet)`` change one sheet, save it."""
    book = load_workbook(path)
    edit(book[sheet])
    book.save(path)


def set_cell(path: Path, sheet: str, cell: str, value) -> None:
    """Write one value into one cell of a workbook."""
    edit_sheet(path, sheet, lambda worksheet: worksheet.__setitem__(cell, value))


def find_row(worksheet, column_value: str, column: int = 1) -> int:
    """The row number whose cell in ``column`` equals ``column_value``."""
    for row in worksheet.iter_rows(min_col=column, max_col=column):
        if row[0].value == column_value:
            return row[0].row
    raise LookupError(column_value)


def squash(text: str) -> str:
    """Non-breaking spaces as plain spaces, for readable assertions."""
    return re.sub("[\u00a0\u202f]", " ", text)
