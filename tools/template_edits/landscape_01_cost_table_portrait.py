"""delarsrapport.docx: the appendix "Bilaga: Kostnadsutveckling per kostnadsslag" on portrait pages, not a landscape section
of its own (issue 26, item 4).

A section break to landscape must start a new page, so the page before the cost appendix was as empty as the
goal-fulfilment appendix happened to leave it (13–31 % full in the bundled and held-out interim reports). The cost
table fits the portrait text width when its change columns show the figure alone and the header says "i procent":
the table's fifteen columns are then about a centimetre each for the figures (7,5 pt, as before) and the rest for the
cost types' names. So the document is one portrait section: the appendix follows the one before it on the same page
and starts a new page only where that page is full (the table is short and keeps together).

What changes, each found by its text or tag, never by position:
- the paragraph holding the portrait section's break before the appendix goes, and the document's last section
  (landscape, its own header) becomes that portrait section (its header, size and margins);
- the cost table's change cells ``|pct`` become ``|tal(1)`` and the header over them says "Förändring i procent …";
  the amount column's header is "Mnkr jan–apr 2021" (no word longer than the figures' columns hold);
- the cost table's cell margins are narrower (40 twips a side instead of 60); its widths are set by the one table-width
  rule at render time (reporter/tablewidths.py).

Usage: python3 tools/template_edits/landscape_01_cost_table_portrait.py templates/
Running it twice changes nothing.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from interimpages_docx import edit_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATE = "delarsrapport.docx"
HEADING = "Bilaga: Kostnadsutveckling per kostnadsslag"
TABLE_TAG = "ekonomi.kostnadsutveckling.totalt.forandringar"
BAND_BEFORE = "Förändring av ackumulerade kostnader mot samma period året innan"
BAND_AFTER = "Förändring i procent av ackumulerade kostnader mot samma period året innan"
CELL_MARGIN = "40"
AMOUNT_BEFORE = "Kostnad {{ period|hittills_kort }}, mnkr"
AMOUNT_AFTER = "Mnkr {{ period|hittills_kort }}"


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def edit(root) -> None:
    body = root.find(f"{W}body")
    heading = next(p for p in body.iterchildren(f"{W}p") if _text(p).strip() == HEADING)
    before = heading.getprevious()
    portrait = before.find(f"{W}pPr/{W}sectPr") if before is not None and before.tag == f"{W}p" else None
    if portrait is not None and not _text(before).strip():
        final = body.find(f"{W}sectPr")
        final.getparent().replace(final, copy.deepcopy(portrait))
        body.remove(before)
    table = next(t for t in body.iterchildren(f"{W}tbl") if TABLE_TAG in _text(t))
    for t in table.iter(f"{W}t"):
        if t.text and "forandringar[" in t.text and "|pct }}" in t.text:
            t.text = t.text.replace("|pct }}", "|tal(1) }}")
        elif t.text == BAND_BEFORE:
            t.text = BAND_AFTER
        elif t.text == AMOUNT_BEFORE:
            t.text = AMOUNT_AFTER
    margins = table.find(f"{W}tblPr/{W}tblCellMar")
    if margins is not None:
        for side in ("left", "right"):
            found = margins.find(f"{W}{side}")
            if found is not None:
                found.set(f"{W}w", CELL_MARGIN)


def main(templates: Path) -> None:
    edit_document(templates / TEMPLATE, edit)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
