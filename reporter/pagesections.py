"""A rendered document's sections: which section governs a body element, and its text width.

Word keeps a section's page size and margins in the ``w:sectPr`` that ends it:
in the properties of the section's last paragraph, or the body's last child for
the last section. The width a table or a tab stop may use is the page width
minus the left and right margins (and the gutter), in twips.

Pure functions on lxml elements; no imports from the rest of reporter.
"""

from __future__ import annotations

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A4_PORTRAIT_TEXT_WIDTH = 9298  # twips: A4 with 2,3 cm margins, what a section without a size gets


def text_width(sect_pr) -> int:
    """The text width of the section ``sect_pr`` describes, in twips."""
    if sect_pr is None:
        return A4_PORTRAIT_TEXT_WIDTH
    size, margins = sect_pr.find(f"{W_NS}pgSz"), sect_pr.find(f"{W_NS}pgMar")
    if size is None or margins is None or size.get(f"{W_NS}w") is None:
        return A4_PORTRAIT_TEXT_WIDTH
    width = _twips(size.get(f"{W_NS}w"))
    for side in ("left", "right", "gutter"):
        width -= _twips(margins.get(f"{W_NS}{side}"))
    return max(width, 1)


def governing_sections(body) -> dict[int, object]:
    """For each direct child of ``body`` (by position), the ``w:sectPr`` of the section it is in."""
    children = list(body)
    result: dict[int, object] = {}
    pending: list[int] = []
    for index, child in enumerate(children):
        pending.append(index)
        sect_pr = child if child.tag == f"{W_NS}sectPr" else child.find(f"{W_NS}pPr/{W_NS}sectPr") if child.tag == f"{W_NS}p" else None
        if sect_pr is not None:
            for waiting in pending:
                result[waiting] = sect_pr
            pending = []
    for waiting in pending:  # a body without a final sectPr: Word's default page
        result[waiting] = None
    return result


def _twips(value: str | None) -> int:
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0
