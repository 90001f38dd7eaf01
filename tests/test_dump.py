"""The snapshot dump sees what a reader sees, so losing any of it fails a snapshot."""

from __future__ import annotations

import io
import re
import struct
import zlib

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.shared import Cm
from helpers import WORD_NAMESPACES as NS
from helpers import add_footnote, add_text_box, dump_docx, edit_docx


def _png() -> bytes:
    """A one-pixel PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _field(instruction: str) -> str:
    return (f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r><w:r {NS}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r><w:r {NS}><w:t>9</w:t></w:r><w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>')


@pytest.fixture
def everything(tmp_path):
    """A document with a footer field, a footnote, a text box, a comment and a picture with alt text."""
    document = Document()
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("Sida ")
    for xml in re.findall(r"<w:r .*?</w:r>", _field("PAGE")):
        footer._p.append(parse_xml(xml))
    body = document.add_paragraph("Brödtext med fotnot")
    add_footnote(document, body, "Källa: exemplet.")
    add_text_box(body, "I rutan")
    document.add_comment(body.runs, text="Stämmer siffran?", author="Granskare")
    document.add_picture(io.BytesIO(_png()), width=Cm(4), height=Cm(2))
    document.inline_shapes[0]._inline.docPr.set("descr", "En bild av ingenting")
    path = tmp_path / "allt.docx"
    document.save(path)
    return path


def test_the_dump_shows_footers_fields_footnotes_text_boxes_comments_and_pictures(everything):
    text = dump_docx(everything)
    assert "== sidfot, avsnitt 1 ==\n[Footer] Sida {PAGE}\n" in text
    assert "[Normal] Brödtext med fotnot[fotnot 1][kommentar 0]\n" in text
    assert "  [textruta] [Normal] I rutan\n" in text
    assert "[Normal] [bild 4,0 × 2,0 cm: En bild av ingenting]\n" in text
    assert "== fotnoter ==\n[fotnot 1] Källa: exemplet.\n" in text
    assert "== kommentarer ==\n[kommentar 0 (Granskare)] Stämmer siffran?\n" in text
    assert text.endswith("== bilder: 1 ==\n")


@pytest.fixture(scope="module")
def appendix(example_package):
    return example_package / "bilaga-1-ekonomirapport-2021-03.docx"


def test_deleting_a_chart_changes_the_dump(appendix, tmp_path):
    before = dump_docx(appendix)
    changed = edit_docx(appendix, "word/document.xml", lambda xml: re.sub(r"<w:drawing>.*?</w:drawing>", "", xml, count=1, flags=re.S),
                        tmp_path / "utan-diagram.docx")
    after = dump_docx(changed)
    assert "== bilder: 2 ==" in before and "== bilder: 1 ==" in after
    assert "Stapeldiagram" in before and "Stapeldiagram" not in after


def test_deleting_a_page_field_changes_the_dump(appendix, tmp_path):
    """The field's last result ("1") is left, as Word leaves it: only the code tells."""
    def drop_numpages(xml: str) -> str:
        return re.sub(r'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText>'
                      r'</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>(<w:r><w:t>1</w:t></w:r>)<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                      r"\1", xml)

    changed = edit_docx(appendix, "word/header1.xml", drop_numpages, tmp_path / "utan-falt.docx")
    assert "Sida {PAGE} ({NUMPAGES})" in dump_docx(appendix)
    assert "Sida {PAGE} (1)" in dump_docx(changed)
