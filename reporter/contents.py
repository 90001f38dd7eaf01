"""A table of contents for every long document (issue 26, item 5).

A document estimated at more than :data:`PAGES_WITHOUT_CONTENTS` pages gets,
after its cover (before its first top-level heading), the heading
"Innehåll" and a Word TOC field (``TOC \\o "1-2" \\h \\z \\u``) whose result
lists the headings of outline levels 1–2, each a link to a bookmark on its
heading and a ``PAGEREF`` field for its page. settings.xml says
``updateFields``, so Word offers to update the fields when the document is
opened. LibreOffice keeps a TOC field's result as it is when it makes a PDF,
but computes a ``PAGEREF``; :func:`unwrap_for_pdf` takes the TOC field's own
markers away in the copy LibreOffice converts, so the PDF's page numbers are
those of its own layout. Bookmark names and ids are numbered in document
order: the same document gives the same bytes.

The length is estimated from the rendered body (:func:`reporter.pagefill.estimated_pages`), since
the DOCX must not depend on whether a PDF is made.

Pure functions on lxml elements and bytes; no imports from the rest of reporter.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from lxml import etree

from .docxparts import with_part
from .pagefill import estimated_pages
from .pagesections import governing_sections, text_width

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
TITLE = "Innehåll"
LEVELS = 2  # the outline levels listed: Heading 1 and Heading 2
INSTRUCTION = f' TOC \\o "1-{LEVELS}" \\h \\z \\u '
BOOKMARK_PREFIX = "_Toc"
# A document estimated at more pages than this gets a table of contents. The issue asks for one in documents over
# 10 pages; the estimate errs by about a page either way, so a document estimated at 9 or more gets one.
PAGES_WITHOUT_CONTENTS = 8

def add_table_of_contents(body, outline_level: Callable[[str | None], int | None]) -> bool:
    """Put a table of contents after the cover of a long document; True when it did.

    ``outline_level`` gives a paragraph style's outline level (0 for Heading 1), or None for body text.
    """
    if any(instr.text and instr.text.strip().startswith("TOC ") for instr in body.iter(f"{W}instrText")):
        return False  # the template has one of its own
    if estimated_pages(body) <= PAGES_WITHOUT_CONTENTS:
        return False
    headings: list[tuple[Any, int, str]] = []
    for paragraph in body.iter(f"{W}p"):
        level, text = heading_level(paragraph, outline_level), _text(paragraph).strip()
        if level is not None and text:
            headings.append((paragraph, level, text))
    first = next((paragraph for paragraph, level, _ in headings if level == 0), None)
    if first is None or first.getparent() is not body:
        return False
    width = text_width(governing_sections(body).get(list(body).index(first)))
    next_id = max((int(b.get(f"{W}id")) for b in body.iter(f"{W}bookmarkStart") if (b.get(f"{W}id") or "").isdigit()), default=0) + 1
    entries = []
    for number, (paragraph, level, text) in enumerate(headings, 1):
        name = f"{BOOKMARK_PREFIX}{number:05d}"
        _bookmark(paragraph, name, next_id + number - 1)
        entries.append((level, text, name))
    position = list(body).index(first)
    new = [_paragraph(f'<w:pPr><w:pStyle w:val="TOCHeading"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>{TITLE}</w:t></w:r>')]
    for number, (level, text, name) in enumerate(entries):
        begin = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{INSTRUCTION}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        ) if number == 0 else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if number == len(entries) - 1 else ""
        new.append(_paragraph(
            f'<w:pPr><w:pStyle w:val="TOC{level + 1}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{width}"/></w:tabs></w:pPr>'
            f'{begin}<w:hyperlink w:anchor="{name}" w:history="1"><w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r><w:r><w:tab/></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f"</w:hyperlink>{end}"
        ))
    for offset, element in enumerate(new):
        body.insert(position + offset, element)
    _page_break_before(first)
    return True


def _page_break_before(paragraph) -> None:
    """The first heading starts the page after the table of contents (``w:pageBreakBefore`` in its schema place)."""
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        properties = etree.SubElement(paragraph, f"{W}pPr")
        paragraph.insert(0, properties)
    if properties.find(f"{W}pageBreakBefore") is not None:
        return
    before = [child for child in properties if child.tag in (f"{W}pStyle", f"{W}keepNext", f"{W}keepLines")]
    properties.insert(list(properties).index(before[-1]) + 1 if before else 0, etree.Element(f"{W}pageBreakBefore"))


def heading_level(paragraph, outline_level) -> int | None:
    """The outline level of a heading listed in the table of contents, or None (also for a heading in a table or text box)."""
    properties = paragraph.find(f"{W}pPr")
    direct = properties.find(f"{W}outlineLvl") if properties is not None else None
    style = properties.find(f"{W}pStyle") if properties is not None else None
    level = int(direct.get(f"{W}val")) if direct is not None else outline_level(style.get(f"{W}val") if style is not None else None)
    if level is None or level >= LEVELS:
        return None
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag in (f"{W}tbl", f"{W}txbxContent", f"{W}hdr", f"{W}ftr"):
            return None
        parent = parent.getparent()
    return level


def _text(paragraph) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t") if _not_deleted(t))


def _not_deleted(element) -> bool:
    return all(parent.tag != f"{W}del" for parent in element.iterancestors())


def _bookmark(paragraph, name: str, number: int) -> None:
    start = etree.Element(f"{W}bookmarkStart", {f"{W}id": str(number), f"{W}name": name})
    end = etree.Element(f"{W}bookmarkEnd", {f"{W}id": str(number)})
    properties = paragraph.find(f"{W}pPr")
    paragraph.insert(0 if properties is None else list(paragraph).index(properties) + 1, start)
    paragraph.append(end)


def _paragraph(inner: str):
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>')


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# settings.xml: updateFields goes before the first of these (ECMA-376-1 §17.15.1.78, CT_Settings' order).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "m:mathPr", "attachedSchema", "themeFontLang",
    "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "sl:schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)
_FIRST_AFTER = re.compile(rb"<(?:" + b"|".join(re.escape(n if ":" in n else "w:" + n).encode() for n in _AFTER_UPDATE_FIELDS) + rb")[\s/>]")


def ask_to_update_fields(settings: bytes) -> bytes:
    """settings.xml with ``<w:updateFields w:val="true"/>``: Word offers to update the table of contents on opening."""
    if b"<w:updateFields " in settings:
        return re.sub(rb'<w:updateFields w:val="[^"]*"/>', b'<w:updateFields w:val="true"/>', settings, count=1)
    setting = b'<w:updateFields w:val="true"/>'
    found = _FIRST_AFTER.search(settings)
    if found:
        return settings[: found.start()] + setting + settings[found.start():]
    return settings.replace(b"</w:settings>", setting + b"</w:settings>", 1)


def has_table_of_contents(document_xml: bytes) -> bool:
    """Whether a document's body holds the TOC field this module writes."""
    return INSTRUCTION.encode() in document_xml


def unwrap_for_pdf(docx: bytes) -> bytes:
    """The document with its TOC field's begin, instruction, separator and end taken away (its entries kept), for LibreOffice.

    A document without a table of contents comes back as it is.
    """
    source = zipfile.ZipFile(io.BytesIO(docx))
    xml = source.read("word/document.xml")
    if not has_table_of_contents(xml):
        return docx
    root = etree.fromstring(xml)
    instruction = next(i for i in root.iter(f"{W}instrText") if i.text == INSTRUCTION)
    runs = [run for run in root.iter(f"{W}r") if run.find(f"{W}fldChar") is not None or run.find(f"{W}instrText") is not None]
    start = runs.index(instruction.getparent())
    begin, separate = runs[start - 1], runs[start + 1]
    depth, end = 0, None
    for run in runs[start + 2:]:
        char = run.find(f"{W}fldChar")
        kind = char.get(f"{W}fldCharType") if char is not None else None
        if kind == "begin":
            depth += 1
        elif kind == "end":
            if depth == 0:
                end = run
                break
            depth -= 1
    for run in (begin, instruction.getparent(), separate, end):
        if run is not None:
            run.getparent().remove(run)
    return with_part(docx, "word/document.xml", etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# Paragraph styles of the table of contents, added to a template that has none (Word's own names and ids).
_STYLES = {
    "TOCHeading": '<w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>'
    '<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>',
    "TOC1": '<w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/></w:rPr>',
    "TOC2": '<w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:before="0" w:after="40"/><w:ind w:left="284"/></w:pPr>',
}


def add_styles(styles) -> None:
    """The table of contents' paragraph styles in a styles part (lxml ``w:styles``) that lacks them."""
    present = {style.get(f"{W}styleId") for style in styles.iter(f"{W}style")}
    for style_id, inner in _STYLES.items():
        if style_id not in present:
            styles.append(etree.fromstring(f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="{style_id}">{inner}</w:style>'))


def outline_levels(styles) -> Callable[[str | None], int | None]:
    """A paragraph style's outline level (0 for Heading 1) from a styles part, following ``basedOn``; None for body text."""
    by_id = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style") if style.get(f"{W}type") == "paragraph"}
    default = next((s.get(f"{W}styleId") for s in by_id.values() if s.get(f"{W}default") in ("1", "true")), None)

    def level(style_id: str | None) -> int | None:
        seen = set()
        current = style_id or default
        while current and current in by_id and current not in seen:
            seen.add(current)
            found = by_id[current].find(f"{W}pPr/{W}outlineLvl")
            if found is not None:
                value = int(found.get(f"{W}val", "9"))
                return value if value < 9 else None
            based = by_id[current].find(f"{W}basedOn")
            current = based.get(f"{W}val") if based is not None else None
        return None

    return level
