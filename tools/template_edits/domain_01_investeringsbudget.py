"""Template edit: the investeringsrapport shows the year's budget when the Investeringar sheet has Budget helår.

Usage: python tools/template_edits/domain_01_investeringsbudget.py templates/

Adds, to templates/investeringsrapport.docx:
- a copy of the investments table with a Budget helår column after Investeringstyp, shown
  ``{%p if investeringar.med_budget %}``; the table without it stays as it is in the ``{%p else %}``
  branch (a sheet without the column builds the same document as before);
- a sentence of the summary comparing the year's forecast with the budget, and naming the largest
  excess, under the same condition.
Places are found by their text, never by position. Running it twice changes nothing.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from domain_docx import edit_document
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEMPLATE = "investeringsrapport.docx"
DONE = "investeringar.med_budget"  # present once the edit is applied
SUMMARY_AFTER = "Mest har gått till"
BUDGET_SENTENCE = (
    "Helårsprognosen {{ investeringar.totalt.prognos_helar|mnkr(1) }} är "
    "{{ investeringar.totalt.prognos_mot_budget|jamfort('budgeten ' ~ investeringar.totalt.budget_helar|mnkr(1), 'högre', 'lägre', decimaler=1) }}."
    "{% if investeringar.storsta_over_budget %} Prognosen överstiger budgeten för "
    "{{ investeringar.over_budget|length|antal_ord }} av {{ investeringar.rader|length|antal_ord }} investeringsposter, mest för "
    "{{ investeringar.storsta_over_budget.investeringstyp }} i division {{ investeringar.storsta_over_budget.division }} "
    "({{ investeringar.storsta_over_budget.prognos_mot_budget|mnkr(1) }} över).{% endif %}"
)
BUDGET_HEADER = "Budget helår"
BUDGET_WIDTH = "1020"
# The budget table's column widths (dxa): Division, Investeringstyp and five amounts, within the text width (9 298 dxa),
# wide enough that a division's name stays on one line.
WIDTHS = ("2400", "1770", "1020", "1020", "1020", "1020", "1020")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


def paragraph(text: str):
    """A plain paragraph holding one run of text (a docxtpl {%p %} tag is removed with its paragraph)."""
    p = etree.Element(w("p"))
    r = etree.SubElement(p, w("r"))
    t = etree.SubElement(r, w("t"))
    t.text = text
    return p


def budget_cell(after):
    """A copy of the Tidigare beslut column's cell, showing the budget instead."""
    cell = copy.deepcopy(after)
    width = cell.find(f"{w('tcPr')}/{w('tcW')}")
    if width is not None:
        width.set(w("w"), BUDGET_WIDTH)
    texts = list(cell.iter(w("t")))
    for t in texts:
        value = t.text or ""
        if value == "Tidigare beslut":
            t.text = BUDGET_HEADER
        elif "utfall_tidigare" in value:
            t.text = value.replace("utfall_tidigare", "budget_helar")
        elif value.startswith("{%tr"):
            t.text = ""
    return cell


def edit(document: bytes) -> bytes | None:
    """The edited document.xml, or None when the edit is already there."""
    root = etree.fromstring(document)
    if DONE in text_of(root):
        return None
    table = next(t for t in root.iter(w("tbl")) if "investeringar.rader" in text_of(t))
    budget = copy.deepcopy(table)
    grid = budget.find(w("tblGrid"))
    columns = grid.findall(w("gridCol"))
    added = etree.Element(w("gridCol"))
    added.set(w("w"), BUDGET_WIDTH)
    columns[1].addnext(added)
    for row in budget.iter(w("tr")):
        cells = row.findall(w("tc"))
        cells[1].addnext(budget_cell(cells[2]))
    for column, width in zip(grid.findall(w("gridCol")), WIDTHS, strict=True):
        column.set(w("w"), width)
    for row in budget.iter(w("tr")):
        for cell, width in zip(row.findall(w("tc")), WIDTHS, strict=True):
            cell_width = cell.find(f"{w('tcPr')}/{w('tcW')}")
            if cell_width is not None:
                cell_width.set(w("w"), width)
    table.addprevious(paragraph("{%p if investeringar.med_budget %}"))
    table.addprevious(budget)
    table.addprevious(paragraph("{%p else %}"))
    table.addnext(paragraph("{%p endif %}"))

    summary = next(p for p in root.iter(w("p")) if text_of(p).startswith(SUMMARY_AFTER))
    end = summary.getnext()  # its {%p endif %}
    sentence = copy.deepcopy(summary)
    runs = list(sentence.iter(w("t")))
    runs[0].text = BUDGET_SENTENCE
    for t in runs[1:]:
        t.getparent().getparent().remove(t.getparent())
    end.addnext(paragraph("{%p endif %}"))
    end.addnext(sentence)
    end.addnext(paragraph("{%p if investeringar.med_budget %}"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    changed = edit_document(path, edit)
    print(f"{path}: Budget helår tillagd" if changed else f"{path}: redan ändrad")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
