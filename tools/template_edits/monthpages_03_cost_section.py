"""ekonomirapport.docx: the section Kostnadsutveckling starts on the portrait page, before its chart (issue 26 item 4).

Before, the two charts stood alone on a page between the divisions' table and the landscape cost
table. Now the heading "Kostnadsutveckling" and its opening paragraph come before the chart of the
costs per month, and the landscape page holds the cost table: the page of the charts carries the
section's text as well. The bar chart no longer keeps with the next paragraph (the heading keeps
with its text, the text with its chart).

Places are found by their text, never by index. Idempotent: run it twice and nothing changes.

    python tools/template_edits/monthpages_03_cost_section.py templates/
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from _monthpages_xml import set_keep_next
from docx.oxml.ns import qn

BAR_CHART, COST_CHART = "{{ diagram.avvikelse_per_division }}", "{{ diagram.kostnader_per_manad }}"
HEADING, OPENING = "Kostnadsutveckling", "Verksamhetens kostnader under {{ period|hittills }}"


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _find(body, test):
    return next((p for p in body.iterchildren(qn("w:p")) if test(_text(p).strip())), None)


def apply(templates: Path) -> bool:
    path = templates / "ekonomirapport.docx"
    document = docx.Document(str(path))
    body = document.element.body
    bar = _find(body, lambda t: t == BAR_CHART)
    chart = _find(body, lambda t: t == COST_CHART)
    heading = _find(body, lambda t: t == HEADING)
    opening = _find(body, lambda t: t.startswith(OPENING))
    if bar is None or chart is None or heading is None or opening is None:
        raise SystemExit("ekonomirapport.docx: diagrammen, rubriken Kostnadsutveckling eller dess första stycke saknas")
    changed = False
    if chart.getprevious() is not opening:
        chart.addprevious(heading)
        chart.addprevious(opening)
        changed = True
    changed = set_keep_next(bar, False) or changed
    changed = set_keep_next(opening, True) or changed
    changed = set_keep_next(chart, False) or changed
    if changed:
        document.save(str(path))
    return changed


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
