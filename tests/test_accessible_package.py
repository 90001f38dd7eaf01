"""The bundled period built with --pdf, checked on the files: accessible PDFs, Word-native DOCX, fonts that keep the layout.

Reads each PDF's structure tree (pikepdf): tagged, /Lang sv-SE, title shown,
headings H1–H3 without skipped levels, alt text on every figure, header cells
in every table; the merged package keeps its parts' trees and nests its
bookmarks. Reads each DOCX's parts: every XML part parses, compatibilityMode
15, core properties by the OPC rules, app.xml names reporter. And every font in
every PDF is one the templates name or its metric twin.
"""

from __future__ import annotations

import re
import zipfile

import pikepdf
import pytest
from lxml import etree

from reporter.pdf import METRIC_COMPATIBLE, STANDARD_TYPES

pytestmark = pytest.mark.libreoffice

MERGED = "regiondirektorens-rapport-2021-03-med-bilagor.pdf"
CORE_NAMESPACES = {
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://purl.org/dc/dcmitype/",
    "http://www.w3.org/2001/XMLSchema-instance",
}
CORE_ELEMENTS = {  # ECMA-376-2 §8.3.1: the only properties of core.xml
    "category", "contentStatus", "created", "creator", "description", "identifier", "keywords", "language",
    "lastModifiedBy", "lastPrinted", "modified", "revision", "subject", "title", "version",
}


@pytest.fixture(scope="module")
def package(example_pdf_package):
    return example_pdf_package


def test_the_pdf_build_says_each_document_and_the_merged_pdf(package):
    said = (package.parent / "utskrift.txt").read_text(encoding="utf-8")
    assert "PDF 1 av 6: regiondirektorens-rapport-2021-03.pdf" in said  # progress per document
    assert f"Samlad PDF: {MERGED}" in said


def _elements(node):
    """Every structure element under a node, in reading order."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from _elements(kid)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
        yield from _elements(node.get("/K"))


def _role(element, role_map) -> str:
    kind = str(element.S)[1:]
    seen = set()
    while kind not in STANDARD_TYPES and kind not in seen and role_map is not None and pikepdf.Name("/" + kind) in role_map:
        seen.add(kind)
        kind = str(role_map[pikepdf.Name("/" + kind)])[1:]
    return kind


def _check_accessible(path, title_part: str) -> list[str]:
    """The structure of one PDF: returns its roles in order, after asserting the PDF/UA basics."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True, path.name
        assert str(root.Lang) == "sv-SE", path.name
        assert root.ViewerPreferences.DisplayDocTitle is True, path.name
        assert title_part in str(pdf.docinfo.Title), path.name
        with pdf.open_metadata() as meta:
            assert title_part in meta["dc:title"] and meta["pdfuaid:part"] == "1", path.name
        tree = root.StructTreeRoot
        role_map = tree.get("/RoleMap")
        roles = []
        for element in _elements(tree.K):
            role = _role(element, role_map)
            assert role in STANDARD_TYPES, (path.name, str(element.S))
            roles.append(role)
            if role == "Figure":
                assert str(element.get("/Alt", "")).strip(), (path.name, "a figure without alt text")
            if role == "Table":
                cells = [_role(e, role_map) for e in _elements(element.get("/K"))]
                assert "TH" in cells, (path.name, "a table without header cells")
        for number, page in enumerate(pdf.pages, 1):  # a page with marked content has its key into the tree
            content = b"".join(part.read_bytes() for part in ([page.obj.Contents] if isinstance(page.obj.Contents, pikepdf.Stream) else page.obj.Contents))
            assert b"/MCID" not in content or "/StructParents" in page.obj, (path.name, number)
        headings = [int(r[1]) for r in roles if re.fullmatch(r"H[1-6]", r)]
        assert headings and headings[0] == 1 and max(headings) <= 3, (path.name, headings)
        for before, after in zip(headings, headings[1:], strict=False):
            assert after <= before + 1, (path.name, "a heading level skipped", headings)
        return roles


def test_every_pdf_is_tagged_swedish_titled_with_headings_alt_texts_and_header_cells(package):
    titles = {
        "regiondirektorens-rapport-2021-03.pdf": "Regiondirektörens rapport mars 2021",
        "bilaga-1-ekonomirapport-2021-03.pdf": "Bilaga 1 Ekonomirapport mars 2021",
        "bilaga-2-produktionsrapport-2021-03.pdf": "Bilaga 2 Produktionsrapport mars 2021",
        "bilaga-3-personalrapport-2021-03.pdf": "Bilaga 3 Personalrapport mars 2021",
        "bilaga-4-maluppfyllelse-2021-03.pdf": "Bilaga 4 Måluppfyllelse mars 2021",
        MERGED: "Regiondirektörens rapport mars 2021 med bilagor",
    }
    figures = 0
    for name, title in titles.items():
        roles = _check_accessible(package / name, title)
        figures += roles.count("Figure") if name != MERGED else 0
    assert figures == 6  # two charts in each of ekonomi-, produktions- and personalrapporten


def test_the_merged_package_keeps_every_part_and_nests_its_bookmarks(package):
    parts = [
        "regiondirektorens-rapport-2021-03.pdf", "bilaga-1-ekonomirapport-2021-03.pdf", "bilaga-2-produktionsrapport-2021-03.pdf",
        "bilaga-3-personalrapport-2021-03.pdf", "bilaga-4-maluppfyllelse-2021-03.pdf",
        "bilaga-5-uppfoljning-vardval-primarvard-mars-2021-forsattsblad.pdf", "bilaga-5-uppfoljning-vardval-primarvard-mars-2021.pdf",
    ]
    counts = {}
    for name in parts:
        with pikepdf.open(package / name) as pdf:
            counts[name] = (len(pdf.pages), sum(1 for _ in _elements(pdf.Root.StructTreeRoot.K)))
    with pikepdf.open(package / MERGED) as merged:
        assert len(merged.pages) == sum(pages for pages, _ in counts.values())
        tree = merged.Root.StructTreeRoot
        document = tree.K
        assert str(document.S) == "/Document"
        assert [str(part.S) for part in document.K] == ["/Part"] * len(parts)
        # every element of every part is in the package's tree: the parts' elements and one Part each, one Document
        assert sum(1 for _ in _elements(tree.K)) == sum(elements for _, elements in counts.values()) + len(parts) + 1
        pages = {page.objgen for page in merged.pages}
        keys = set()
        numbers = tree.ParentTree.Nums
        for index in range(0, len(numbers), 2):
            keys.add(int(numbers[index]))
        for element in _elements(tree.K):
            if "/Pg" in element:
                assert element.Pg.objgen in pages
        for page in merged.pages:
            if "/StructParents" in page.obj:
                assert int(page.obj.StructParents) in keys  # each page's marked content finds its elements
        assert len(keys) == int(tree.ParentTreeNextKey)
        with merged.open_outline() as outline:
            top = [item.title for item in outline.root]
            children = {item.title: [child.title for child in item.children] for item in outline.root}
    assert top == [
        "Regiondirektörens rapport mars 2021", "Bilaga 1 Ekonomirapport mars 2021", "Bilaga 2 Produktionsrapport mars 2021",
        "Bilaga 3 Personalrapport mars 2021", "Bilaga 4 Måluppfyllelse mars 2021", "Bilaga 5 Uppföljning Vårdval primärvård mars 2021",
    ]  # the cover page and the appendix itself share one bookmark: sibling bookmarks are unique
    assert children["Bilaga 1 Ekonomirapport mars 2021"] == ["Resultat", "Resultat per division", "Kostnadsutveckling"]
    assert "Inledning" in children["Regiondirektörens rapport mars 2021"]


def test_every_docx_is_word_native_with_core_properties_by_the_opc_rules(package):
    documents = sorted(package.glob("*.docx"))
    assert len(documents) == 6
    for path in documents:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(name))  # every XML part parses
            settings = archive.read("word/settings.xml").decode()
            assert re.search(r'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"', settings), path.name
            app = etree.fromstring(archive.read("docProps/app.xml"))
            application = app.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Application")
            assert application is not None and application.text.startswith("reporter"), path.name
            assert "docProps/thumbnail.jpeg" not in archive.namelist()
            core = etree.fromstring(archive.read("docProps/core.xml"))
        assert core.tag == "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties"
        names = []
        for element in core:
            namespace, local = element.tag[1:].split("}")
            assert namespace in CORE_NAMESPACES and local in CORE_ELEMENTS, (path.name, element.tag)
            assert "{http://www.w3.org/XML/1998/namespace}lang" not in element.attrib, path.name  # M4.4
            xsi_type = element.get("{http://www.w3.org/2001/XMLSchema-instance}type")
            if local in ("created", "modified"):
                assert xsi_type == "dcterms:W3CDTF" and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", element.text), path.name  # M4.5
            else:
                assert xsi_type is None, path.name
            names.append(local)
        assert len(names) == len(set(names)), (path.name, "a property twice")  # M4.1
        values = {element.tag.split("}")[1]: element.text for element in core}
        assert values["language"] == "sv-SE" and values["title"] and values["identifier"] == "ARBGRP870-1356963637-81"
        assert set(core.nsmap.values()) <= CORE_NAMESPACES, path.name


def test_every_pdf_uses_the_templates_fonts_or_their_metric_twins(package):
    allowed = {name.replace(" ", "") for name in METRIC_COMPATIBLE} | {twin.replace(" ", "") for twin, _ in METRIC_COMPATIBLE.values()}
    for path in sorted(package.glob("*.pdf")):
        if path.name == "bilaga-5-uppfoljning-vardval-primarvard-mars-2021.pdf":
            continue  # the external appendix, as delivered
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                for font in (page.obj.Resources.get("/Font") or {}).values():
                    base = str(font.get("/BaseFont", "")).lstrip("/")
                    family = re.sub(r"^[A-Z]{6}\+", "", base).split("-")[0].split(",")[0]
                    assert family in allowed, (path.name, base)
