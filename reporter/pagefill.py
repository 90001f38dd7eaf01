"""How many pages a rendered document fills, estimated from its body; no forced page break that leaves a page near empty.

Reporter writes the DOCX without laying it out, and the DOCX must be the same
whether or not a PDF is made; so page fill is estimated from the body: lines of
text by the section's text width, table rows, pictures by their height, and the
page breaks the body asks for. Measured against the bundled packages' PDFs the
estimate of a whole document is within about a page, and of a stretch between
two forced breaks within a few lines.

:func:`soften_page_breaks` (issue 26, item 4): a section starts on a new page
only where a full page comes before it. A forced break after the document's
first top-level heading (a paragraph's "page break before", or a paragraph
holding only a page break) left the page before it as empty as the section
before happened to leave it, three lines in the interim reports; it is taken
away, so the section follows on the same page, its heading kept with what
follows it (the heading styles' "keep with next"). Where a page is full, the
section starts on the next page anyway. Section breaks (a change to landscape)
are never touched, nor the breaks up to the first heading (the cover's, the
table of contents').

Pure functions on lxml elements; no imports from the rest of reporter but the sections' widths.
"""

from __future__ import annotations

from .pagesections import governing_sections, text_width

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

# The estimate's measures, from the bundled packages' PDFs (A4, 11 pt body text, 2,3 cm margins).
LINES_PER_PAGE = 52
CHARACTERS_PER_LINE_PER_TWIP = 100 / 9298  # about 100 characters on a line of the portrait text width
LINES_PER_PARAGRAPH = 0.6  # the space before and after a paragraph
LINES_PER_TABLE_ROW = 1.3
LINES_PER_HEADING = 2.2
LINE_EMU = 190_500  # a line of body text, in EMU (15 pt)


def estimated_pages(body) -> float:
    """About how many pages the body fills: lines of text, table rows, pictures, and the page breaks it asks for."""
    pages, lines = 0.0, 0.0
    for child, per_line in _children(body):
        if child.tag == f"{W}p" and breaks_page_before(child) and lines:
            pages, lines = pages + 1, 0.0
        lines += element_lines(child, per_line)
        if _breaks_page_after(child):
            pages, lines = pages + 1, 0.0
        while lines > LINES_PER_PAGE:
            pages, lines = pages + 1, lines - LINES_PER_PAGE
    return pages + lines / LINES_PER_PAGE


def soften_page_breaks(body, is_top_heading) -> None:
    """Take away the forced page breaks after the first top-level heading, in place.

    ``is_top_heading(paragraph)``: whether a paragraph is a top-level heading (the breaks up to it stay).
    """
    started = False
    for child in list(body):
        if child.tag != f"{W}p":
            continue
        if not started:
            started = is_top_heading(child)  # the first heading starts a page: after the cover's break, or its own
        elif breaks_page_before(child):
            found = child.find(f"{W}pPr/{W}pageBreakBefore")
            found.getparent().remove(found)
        elif _page_break_paragraph(child):
            body.remove(child)


def _children(body):
    """The body's children with the characters a line of their section holds."""
    sections = governing_sections(body)
    for index, child in enumerate(list(body)):
        yield child, CHARACTERS_PER_LINE_PER_TWIP * text_width(sections.get(index))


def breaks_page_before(paragraph) -> bool:
    """Whether a paragraph starts a new page (its own "page break before")."""
    properties = paragraph.find(f"{W}pPr")
    return properties is not None and properties.find(f"{W}pageBreakBefore") is not None


def _breaks_page_after(child) -> bool:
    if child.tag != f"{W}p":
        return False
    return child.find(f"{W}pPr/{W}sectPr") is not None or any(br.get(f"{W}type") == "page" for br in child.iter(f"{W}br"))


def _page_break_paragraph(child) -> bool:
    """A paragraph that holds nothing but a page break."""
    if child.tag != f"{W}p" or child.find(f"{W}pPr/{W}sectPr") is not None:
        return False
    breaks = [br for br in child.iter(f"{W}br") if br.get(f"{W}type") == "page"]
    return bool(breaks) and not "".join(t.text or "" for t in child.iter(f"{W}t")).strip() and child.find(f".//{W}drawing") is None


def element_lines(child, per_line: float) -> float:
    """About how many lines of body text a paragraph or table takes."""
    if child.tag == f"{W}tbl":
        return LINES_PER_PARAGRAPH + sum(max(LINES_PER_TABLE_ROW, _row_lines(row, per_line)) for row in child.findall(f"{W}tr"))
    if child.tag != f"{W}p":
        return 0.0
    text = "".join(t.text or "" for t in child.iter(f"{W}t"))
    style = child.find(f"{W}pPr/{W}pStyle")
    heading = style is not None and style.get(f"{W}val", "").lower().startswith(("heading", "rubrik"))
    pictures = sum(int(extent.get("cy", "0")) for extent in child.iter(f"{WP}extent"))
    if pictures:
        return pictures / LINE_EMU + LINES_PER_PARAGRAPH
    if not text.strip():
        return 1.0 if child.find(f".//{W}br") is None else 0.0
    return (LINES_PER_HEADING if heading else 0.0) + -(-len(text) // max(per_line, 1)) + LINES_PER_PARAGRAPH


def _row_lines(row, per_line: float) -> float:
    cells = row.findall(f"{W}tc")
    if not cells:
        return 0.0
    width = per_line * 1.15 / len(cells)  # table text is smaller than body text
    return max(-(-len("".join(t.text or "" for t in cell.iter(f"{W}t"))) // max(width, 1)) for cell in cells) * 0.9
