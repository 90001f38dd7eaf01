"""maluppfyllelse.docx: a goal's text keeps with its measures' table (issue 26 item 4).

The paragraphs between a goal's heading and its table (the assessment and the comment) get
"keep with next" when the goal has measures (``{%p if g.faktorer %}`` the kept paragraph
``{%p else %}`` the plain one ``{%p endif %}``: a goal without measures does not pull the next goal
along), so a goal's text never ends a page while its measures start the next one; every row of the
measures' table gets "cannot split". Idempotent: run it twice and nothing changes.

    python tools/template_edits/monthpages_01_goal_keeps.py templates/
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import docx
from _monthpages_xml import paragraph as tag_paragraph
from _monthpages_xml import set_keep_next
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# The paragraphs found by the start of their text (never by index, so the script applies to main's template too).
KEEP_WITH_NEXT = ("Den samlade bedömningen av måluppfyllelsen är att målet", "{{ g.kommentar }}")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _keep_next(paragraph) -> bool:
    """Wrap the paragraph in ``{%p if g.faktorer %}`` kept ``{%p else %}`` plain ``{%p endif %}``; False when done before."""
    previous = paragraph.getprevious()
    if previous is not None and _text(previous).strip() in ("{%p if g.faktorer %}", "{%p else %}"):
        return False
    kept = copy.deepcopy(paragraph)
    set_keep_next(kept, True)
    paragraph.addprevious(tag_paragraph("{%p if g.faktorer %}"))
    paragraph.addprevious(kept)
    paragraph.addprevious(tag_paragraph("{%p else %}"))
    paragraph.addnext(tag_paragraph("{%p endif %}"))
    return True


def _cant_split(row) -> bool:
    trpr = row.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        row.insert(0, trpr)
    if trpr.find(qn("w:cantSplit")) is not None:
        return False
    trpr.append(OxmlElement("w:cantSplit"))
    return True


def apply(templates: Path) -> bool:
    path = templates / "maluppfyllelse.docx"
    document = docx.Document(str(path))
    changed = False
    found = [p._p for p in document.paragraphs if _text(p._p).strip().startswith(KEEP_WITH_NEXT) and p._p.find(qn("w:pPr") + "/" + qn("w:keepNext")) is None]
    for paragraph in found:
        changed = _keep_next(paragraph) or changed
    for table in document.tables:
        if _text(table._tbl).find("Styrmått") >= 0:
            for row in table._tbl.findall(qn("w:tr")):
                changed = _cant_split(row) or changed
    if changed:
        document.save(str(path))
    return changed


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
