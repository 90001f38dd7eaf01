"""Issue 26 item 5: every document over 10 pages has a table of contents that is right when the PDF is made."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reporter.contents import INSTRUCTION, add_table_of_contents, ask_to_update_fields, estimated_pages, unwrap_for_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parent.parent


def _documents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.docx"))}


def _part(document: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(document)).read(name)


@pytest.fixture(scope="module")
def documents(bundled_packages) -> dict[str, bytes]:
    return {name: data for folder in bundled_packages for name, data in _documents(folder).items()}


def test_the_long_documents_of_the_bundled_packages_have_a_table_of_contents_and_the_short_ones_none(documents):
    with_contents = sorted(name for name, data in documents.items() if INSTRUCTION.encode() in _part(data, "word/document.xml"))
    assert with_contents == sorted(
        # Länsteknik's interim report is seven pages (its cost table on a portrait page, no landscape page of its own)
        [name for name in documents if "delarsrapport" in name and "lansteknik" not in name] + ["regiondirektorens-rapport-2020-09.docx"]
    )
    for name in with_contents:
        assert b'<w:updateFields w:val="true"/>' in _part(documents[name], "word/settings.xml"), name
    for name in set(documents) - set(with_contents):
        assert b"updateFields" not in _part(documents[name], "word/settings.xml"), name


def test_the_table_of_contents_lists_every_heading_of_levels_one_and_two_with_a_link_to_its_bookmark(documents):
    xml = _part(documents["delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx"], "word/document.xml")
    body = etree.fromstring(xml).find(f"{W}body")
    entries = [p for p in body.iter(f"{W}p") if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") in ("TOC1", "TOC2")]
    headings = [p for p in body.iter(f"{W}p") if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") in ("Heading1", "Heading2")
                and next(p.iterancestors(f"{W}tbl"), None) is None]
    assert len(entries) == len(headings) > 20
    for entry, heading in zip(entries, headings, strict=True):
        anchor = entry.find(f"{W}hyperlink").get(f"{W}anchor")
        assert heading.find(f"{W}bookmarkStart").get(f"{W}name") == anchor
        assert f" PAGEREF {anchor} \\h " in [i.text for i in entry.iter(f"{W}instrText")]
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))


def test_a_short_document_gets_none_and_a_long_one_one_after_its_cover():
    heading = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Avsnitt</w:t></w:r></w:p>'
    text = f'<w:p><w:r><w:t>{"Brödtext " * 60}</w:t></w:r></w:p>'
    cover = '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Rapport</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>'

    def body(sections: int):
        return etree.fromstring(f'<w:body xmlns:w="{W[1:-1]}">{cover}{(heading + text * 10) * sections}</w:body>')

    def level(style):
        return 0 if style == "Heading1" else None

    short, long = body(3), body(20)
    assert estimated_pages(short) < 8 < estimated_pages(long)
    assert not add_table_of_contents(short, level)
    assert add_table_of_contents(long, level)
    children = list(long)
    assert children[2].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "TOCHeading"  # right after the cover and its page break
    assert children[3].find(f".//{W}instrText").text == INSTRUCTION
    first_heading = children[2 + 1 + 20]
    assert first_heading.find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert not add_table_of_contents(long, level)  # once


def test_update_fields_goes_in_its_schema_place_in_settings():
    settings = b'<w:settings xmlns:w="x"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:compat/><w:rsids/></w:settings>'
    updated = ask_to_update_fields(settings)
    assert updated.index(b"<w:updateFields") < updated.index(b"<w:compat/>")
    assert ask_to_update_fields(updated) == updated


def test_the_copy_for_libreoffice_has_the_entries_without_the_toc_field(documents):
    data = documents["delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx"]
    unwrapped = _part(unwrap_for_pdf(data), "word/document.xml")
    assert INSTRUCTION.encode() not in unwrapped
    original = _part(data, "word/document.xml")
    assert unwrapped.count(b"PAGEREF") == original.count(b"PAGEREF") > 20
    assert original.count(b'w:fldCharType="begin"') - unwrapped.count(b'w:fldCharType="begin"') == 1
    assert original.count(b'w:fldCharType="end"') - unwrapped.count(b'w:fldCharType="end"') == 1
    short = documents["regiondirektorens-rapport-2021-03.docx"]
    assert unwrap_for_pdf(short) is short


@pytest.mark.libreoffice
def test_the_pdf_table_of_contents_shows_the_page_each_heading_is_on(documents, tmp_path):
    from reporter.pdf import convert, find_soffice

    name = "delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx"
    pdf = convert({name: documents[name]}, find_soffice())[name.replace(".docx", ".pdf")]
    path = tmp_path / "d.pdf"
    path.write_bytes(pdf)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    listed = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", pages[1], re.M)
    assert len(listed) > 20
    for title, page in listed:
        lines = [line.strip() for line in pages[int(page) - 1].splitlines()]
        assert title in lines, (title, page)


def test_a_forced_page_break_after_the_first_heading_is_taken_away_and_the_covers_stays():
    from reporter.pagefill import soften_page_breaks

    xml = (
        f'<w:body xmlns:w="{W[1:-1]}"><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Rapport</w:t></w:r></w:p>'
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr><w:r><w:t>Första</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>Tre rader.</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore/></w:pPr><w:r><w:t>Bilaga</w:t></w:r></w:p>'
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>'
        '<w:p><w:r><w:t>Liggande</w:t></w:r></w:p></w:body>'
    )
    body = etree.fromstring(xml)
    soften_page_breaks(body, lambda p: (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == "Heading1")
    texts = [("".join(t.text or "" for t in p.iter(f"{W}t")), p.find(f"{W}pPr/{W}pageBreakBefore") is not None,
              p.find(f".//{W}br") is not None, p.find(f".//{W}sectPr") is not None) for p in body]
    assert texts == [("Rapport", False, False, False), ("", False, True, False), ("Första", True, False, False),
                     ("Tre rader.", False, False, False), ("Bilaga", False, False, False), ("", False, False, True),
                     ("Liggande", False, False, False)]
