"""PDFs a stand-in for LibreOffice writes: a page that shows what a DOCX's first page shows, with its title.

A fake soffice imports this (``sys.path`` has tests/) to write, for each DOCX
it is given, a PDF that the build's check (reporter/pdfcheck.py) takes for
that document, or, to test the check, the same PDF under every name.
"""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from reporter.pdfcheck import expected


def document_pdf(docx: bytes) -> bytes:
    """A one-page PDF showing the DOCX's title, document ID and first paragraph, titled as the DOCX."""
    want = expected(docx)
    return text_pdf(want.title, list(want.first_page))


def text_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF with these lines in Helvetica and this title."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    shown = b"".join(b"(" + _escaped(line) + b") Tj 0 -14 Td " for line in lines)
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 10 Tf 50 800 Td " + shown + b"ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _escaped(text: str) -> bytes:
    return text.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pages_pdf(pages: list[list[tuple[float, str]]], size: tuple[float, float] = (612, 792),
              outline: list[tuple[str, int, list]] | None = None) -> bytes:
    """A PDF of several pages, each line in Helvetica at its distance (pt) from the page's top; ``outline`` is
    its bookmarks as (title, page index, children) with children of the same form."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))
    for lines in pages:
        page = writer.add_blank_page(*size)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        shown = b"".join(b"BT /F1 10 Tf 50 %.1f Td (" % (size[1] - top - 10) + _escaped(text) + b") Tj ET " for top, text in lines)
        content = DecodedStreamObject()
        content.set_data(shown)
        page[NameObject("/Contents")] = writer._add_object(content)

    def add(items: list[tuple[str, int, list]], parent=None) -> None:
        for title, index, children in items:
            add(children, writer.add_outline_item(title=title, page_number=index, parent=parent))

    add(outline or [])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
