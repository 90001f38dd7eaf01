"""ekonomirapport.docx and regiondirektorens-rapport.docx: the result table and its notes (issue 26 items 2 and 4).

- The result table loops over ``resultat.rader`` (the bridge down to Periodens resultat); the posts after it
  (Hälsocentraler i egen regi) follow under a label row of their own, "Ingår inte i periodens resultat",
  so they no longer read as part of the sum.
- The note under the result table says "Avrundningsdifferenser kan förekomma." when ``avrundning.resultat``;
  in the economy appendix the divisions' table gets the same note when ``avrundning.divisioner``.
- The economy appendix's result table names its comparison columns by period ("Jan–apr 2020",
  "Förändring mot jan–apr 2020"), and the cost table gets a header row over its monthly columns
  ("Förändring mot samma period året innan, procent").

Places are found by their text, never by index. Idempotent: run it twice and nothing changes.

    python tools/template_edits/monthpages_02_result_table.py templates/
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import docx
from _monthpages_xml import paragraph as new_paragraph
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OLD_LOOP, NEW_LOOP = "{%tr for r in ekonomi.rader %}", "{%tr for r in resultat.rader %}"
LABEL = "Ingår inte i periodens resultat"
NOTE = "Avrundningsdifferenser kan förekomma."
RESULT_NOTE = "{% if avrundning.resultat %} " + NOTE + "{% endif %}"  # the space inside: no trailing space without the note
EARLIER_NOTE = " {% if avrundning.resultat %}" + NOTE + "{% endif %}"  # this script's first form, put right where found
COST_HEADER = "Förändring mot samma period året innan, procent"


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _set_text(cell, text: str, italic: bool = False) -> None:
    """The cell's first paragraph holds ``text`` in one run; its other paragraphs and runs go."""
    paragraphs = cell.findall(qn("w:p"))
    for extra in paragraphs[1:]:
        cell.remove(extra)
    paragraph = paragraphs[0]
    for run in paragraph.findall(qn("w:r")):
        paragraph.remove(run)
    run = OxmlElement("w:r")
    if italic:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:i"))
        run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    paragraph.append(run)


def _tag_row(model, text: str):
    """A copy of ``model`` (a row holding only a tag) with ``text`` as its tag."""
    row = copy.deepcopy(model)
    _set_text(row.findall(qn("w:tc"))[0], text)
    return row


def _result_table(body):
    for table in body.iter(qn("w:tbl")):
        text = _text(table)
        if OLD_LOOP in text or NEW_LOOP in text:
            return table
    return None


def _memo_rows(table) -> bool:
    """The loop over the bridge, and the posts after it under their label row."""
    if LABEL in _text(table):
        return False
    rows = table.findall(qn("w:tr"))
    start = next(i for i, row in enumerate(rows) if OLD_LOOP in _text(row))
    loop, data, end = rows[start], rows[start + 1], rows[start + 2]
    _set_text(loop.findall(qn("w:tc"))[0], NEW_LOOP)
    label = copy.deepcopy(data)
    cells = label.findall(qn("w:tc"))
    _set_text(cells[0], LABEL, italic=True)
    for cell in cells[1:]:
        for paragraph in cell.findall(qn("w:p")):
            for run in paragraph.findall(qn("w:r")):
                paragraph.remove(run)
    memo = copy.deepcopy(data)
    added = [
        _tag_row(end, "{%tr if resultat.ovriga %}"), label, _tag_row(end, "{%tr for r in resultat.ovriga %}"),
        memo, _tag_row(end, "{%tr endfor %}"), _tag_row(end, "{%tr endif %}"),
    ]
    anchor = end
    for row in added:
        anchor.addnext(row)
        anchor = row
    return True


def _result_note(table) -> bool:
    """The note in the source line under the result table (its next paragraph, style Källa)."""
    source = table.getnext()
    if source is None or source.tag != qn("w:p") or "Ackumulerat" not in _text(source):
        return False
    if "avrundning.resultat" in _text(source):
        earlier = [t for t in source.iter(qn("w:t")) if t.text == EARLIER_NOTE]
        for t in earlier:
            t.text = RESULT_NOTE
        return bool(earlier)
    runs = source.findall(qn("w:r"))
    run = copy.deepcopy(runs[-1])
    for t in run.findall(qn("w:t")):
        run.remove(t)
    t = OxmlElement("w:t")
    t.text = RESULT_NOTE
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    runs[-1].addnext(run)
    return True


def _division_note(body) -> bool:
    """``{%p if avrundning.divisioner %}`` the note ``{%p endif %}`` after the divisions' table."""
    for table in body.iter(qn("w:tbl")):
        if "{%tr for d in ekonomi.divisioner %}" not in _text(table):
            continue
        following = table.getnext()
        if following is not None and "avrundning.divisioner" in _text(following):
            return False
        style = _source_style(body)
        anchor = table
        for paragraph in (new_paragraph("{%p if avrundning.divisioner %}"), new_paragraph(NOTE, style), new_paragraph("{%p endif %}")):
            anchor.addnext(paragraph)
            anchor = paragraph
        return True
    return False


def _source_style(body) -> str | None:
    """The style id of the source line under the result table (Källa)."""
    for paragraph in body.iter(qn("w:p")):
        if _text(paragraph).startswith("Ackumulerat"):
            style = paragraph.find(qn("w:pPr") + "/" + qn("w:pStyle"))
            return None if style is None else style.get(qn("w:val"))
    return None


def _period_headers(table) -> bool:
    """The appendix's result table: "Föreg. år" and "Förändring" named by their period."""
    header = table.findall(qn("w:tr"))[0]
    changed = False
    for cell in header.findall(qn("w:tc")):
        text = _text(cell).strip()
        if text == "Föreg. år":
            _keep_format_set(cell, "{{ period.year_before|hittills_kort|versal }}")
            changed = True
        elif text == "Förändring":
            _keep_format_set(cell, "Förändring mot {{ period.year_before|hittills_kort }}")
            changed = True
    return changed


def _keep_format_set(cell, text: str) -> None:
    """Replace a header cell's text, keeping its first run's format."""
    paragraph = cell.find(qn("w:p"))
    runs = paragraph.findall(qn("w:r"))
    for run in runs[1:]:
        paragraph.remove(run)
    t = runs[0].find(qn("w:t"))
    t.text = text


def _cost_header(body) -> bool:
    """A header row over the cost table's monthly columns: what their percentages are."""
    for table in body.iter(qn("w:tbl")):
        if "ekonomi.kostnadsutveckling.manader[0]" not in _text(table):
            continue
        if COST_HEADER in _text(table):
            return False
        first = table.findall(qn("w:tr"))[0]
        row = copy.deepcopy(first)
        cells = row.findall(qn("w:tc"))
        keep, span = cells[:2], cells[2:]
        for cell in keep:
            _keep_format_set(cell, "")
        top = span[0]
        _keep_format_set(top, COST_HEADER)
        tcpr = top.find(qn("w:tcPr"))
        width = tcpr.find(qn("w:tcW"))
        width.set(qn("w:w"), str(sum(int(c.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w"))) for c in span)))
        grid = OxmlElement("w:gridSpan")
        grid.set(qn("w:val"), str(len(span)))
        width.addnext(grid)
        jc = top.find(qn("w:p") + "/" + qn("w:pPr") + "/" + qn("w:jc"))
        if jc is not None:
            jc.set(qn("w:val"), "center")
        for cell in span[1:]:
            row.remove(cell)
        first.addprevious(row)
        return True
    return False


def apply(templates: Path) -> bool:
    changed = False
    for name in ("ekonomirapport.docx", "regiondirektorens-rapport.docx"):
        path = templates / name
        document = docx.Document(str(path))
        body = document.element.body
        table = _result_table(body)
        edited = False
        if table is not None:
            edited = _memo_rows(table) or edited
            edited = _result_note(table) or edited
            if name == "ekonomirapport.docx":
                edited = _period_headers(table) or edited
        if name == "ekonomirapport.docx":
            edited = _division_note(body) or edited
            edited = _cost_header(body) or edited
        if edited:
            document.save(str(path))
        changed = changed or edited
    return changed


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
