"""A short section keeps with the section after it, so that no heading ends a page with its content on the next.

A heading keeps with its next paragraph (the templates' heading styles set keepNext), but a section whose whole
content is a sentence or two, or an introduction with a legend table and its source line, then ends the page: the
reader sees a heading at the bottom and the section it opens on the next page (issue 26, item 4; "Verksamhetens
kostnader" with one sentence before the next heading). Here every paragraph of such a section keeps with the next,
so the chain runs from the heading into the next heading and on as far as that keeps (its first paragraph, or a
table's lead-in and table); LibreOffice and Word move the block to the next page together. A section holding a
table (the goal appendix's legend) is left as it is: LibreOffice does not keep a table with the paragraph after it.
"""

from __future__ import annotations

from collections.abc import Callable

from .docxparts import w
from .pagefill import CHARACTERS_PER_LINE_PER_TWIP, element_lines
from .pagesections import A4_PORTRAIT_TEXT_WIDTH

SHORT_CHARACTERS = 200  # a paragraph this short is a sentence or two, or a table's lead-in
MOST_ELEMENTS = 4  # more than this is a section of its own, never a short one
CHAIN_LINES = 24  # the most a block kept together from the next heading may hold to take a short section with it
PORTRAIT_LINE = CHARACTERS_PER_LINE_PER_TWIP * A4_PORTRAIT_TEXT_WIDTH  # characters on a line of body text


def keep_short_sections(body, outline_level: Callable[[str | None], int | None]) -> None:
    """In place: the contents of a section of at most MOST_ELEMENTS short paragraphs and tables, between a heading
    and the next heading, keep with the next. A page or section break in it leaves the section as it is."""

    def heading(element) -> bool:
        if element.tag != w("p"):
            return False
        style = element.find(f"{w('pPr')}/{w('pStyle')}")
        return style is not None and outline_level(style.get(w("val"))) is not None

    children = list(body)
    chained = []
    for index, element in enumerate(children):
        if not heading(element):
            continue
        section: list = []
        for following in children[index + 1:]:
            if heading(following) or len(section) > MOST_ELEMENTS:
                break
            section.append(following)
        nxt = index + 1 + len(section)
        if not section or len(section) > MOST_ELEMENTS or nxt + 1 >= len(children) or not heading(children[nxt]):
            continue
        if all(_short(part) for part in section) and _short_chain(children[nxt:]):
            chained.append(section)
    for section in chained:  # decided on the document as it came, then applied: no chain grows into another
        for part in section:
            for paragraph in [part] if part.tag == w("p") else part.iter(w("p")):
                properties = paragraph.get_or_add_pPr()
                if properties.keepNext is None:  # a keepNext the template set (even w:val="0") stays as it is
                    properties.keepNext_val = True


def _short_chain(elements) -> bool:
    """Whether the block that keeps together from the next heading on is short (at most CHAIN_LINES lines, as
    :func:`reporter.pagefill.element_lines` estimates them): then the short section can join it and the whole still
    moves as one, never a chain longer than a page that LibreOffice would break at a place of its own."""
    lines = 0.0
    for element in elements:
        if _breaks(element) or element.tag not in (w("tbl"), w("p")):
            return False
        lines += element_lines(element, PORTRAIT_LINE)
        # LibreOffice keeps a table with the paragraph before it, but not with the one after it
        kept = element.tag == w("p") and _keeps(element)
        if lines > CHAIN_LINES:
            return False
        if not kept:
            return True
    return False


def _keeps(paragraph) -> bool:
    """keepNext on the paragraph itself (a heading's comes from its style: headings are kept by the caller's rule)."""
    properties = paragraph.find(w("pPr"))
    found = properties.find(w("keepNext")) if properties is not None else None
    style = properties.find(w("pStyle")) if properties is not None else None
    if found is not None:
        return found.get(w("val")) not in ("0", "false")
    return style is not None and style.get(w("val"), "").startswith("Heading")


def _short(element) -> bool:
    """A paragraph of a sentence or two (a table in the section ends a chain in LibreOffice: such a section stays)."""
    if element.tag != w("p") or _breaks(element):
        return False
    return len("".join(t.text or "" for t in element.iter(w("t"))).strip()) <= SHORT_CHARACTERS


def _breaks(element) -> bool:
    """A page break, a section break, or a drawing (a chart is no short content)."""
    return (
        element.find(f".//{w('sectPr')}") is not None
        or element.find(f".//{w('pageBreakBefore')}") is not None
        or element.find(f".//{w('drawing')}") is not None
        or any(br.get(w("type")) == "page" for br in element.iter(w("br")))
    )
