"""delarsrapport.docx: "Avrundningsdifferenser kan förekomma." under each table whose rounded parts cannot add up
to its rounded total, and only then (issue 26, item 2; the rule: reporter.differences.rounding_note_needed).

Usage: python3 tools/template_edits/interimpages_01_rounding_note.py templates/

Each table is found by a tag of its own (its row loop or a figure), never by position. Where the table has a
source line (style Källa) right after it, the note is a conditional sentence at its end; where it has none, a
conditional Källa paragraph is put after the table. Running it twice changes nothing.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from interimpages_docx import edit_document
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NOTE = "Avrundningsdifferenser kan förekomma."
TEMPLATE = "delarsrapport.docx"

# (a tag only that table holds, the condition under which it needs the note)
MATRIX = "{r}.rader|avrundningsdifferens({r}.totalt, 'varden', 'summa', radsumma=('varden', 'summa'))"
TABLES = [
    ("ekonomi.brygga.planerat|mnkr_tal",
     "[ekonomi.brygga.planerat, ekonomi.brygga.handlingsplan, ekonomi.brygga.oplanerat]|avrundningsdifferens(ekonomi.brygga.resultat, "
     "decimaler=1, skala=1000) or (ekonomi.brygga_helar and [ekonomi.brygga_helar.planerat, ekonomi.brygga_helar.handlingsplan, "
     "ekonomi.brygga_helar.oplanerat]|avrundningsdifferens(ekonomi.brygga_helar.resultat, decimaler=1, skala=1000))"),
    ("for e in ekonomi.resultatpaverkan",
     "ekonomi.resultatpaverkan|avrundningsdifferens(ekonomi.resultatpaverkan_summa, 'utfall', 'prognos_helar', decimaler=1, skala=1000)"),
    ("for r in ekonomi.utfall.rader", MATRIX.format(r="ekonomi.utfall")),
    ("for r in ekonomi.forandring.rader", MATRIX.format(r="ekonomi.forandring")),
    ("for r in ekonomi.prognos.rader", MATRIX.format(r="ekonomi.prognos")),
    ("for r in ekonomi.prognos_mot_foregaende_ar.rader", MATRIX.format(r="ekonomi.prognos_mot_foregaende_ar")),
    ("for r in ekonomi.prognostabell",
     "ekonomi.prognostabell|avrundningsdifferens(ekonomi.prognostabell_totalt, 'nettokostnad', 'nettokostnad_foregaende_ar', 'utfall', "
     "'prognos_helar', decimaler=1, skala=1000)"),
    ("for g in t.rader",
     "t.rader|avrundningsdifferens(t.totalt, 'foregaende_ar_helar', 'prognos_helar', 'utfall', 'foregaende_ar')"),
    ("for i in ekonomi.investeringar",
     "ekonomi.investeringar|avrundningsdifferens(ekonomi.investeringar_totalt, 'tidigare', 'i_ar', 'summa', 'prognos_helar', "
     "decimaler=1, skala=1000)"),
    ("for k in h.rader", "h.rader|map(attribute='utfall')|list|avrundningsdifferens(h.summa)"),
]
# The action plan's two tables (per verksamhetsområde, or per åtgärd) share one source line after them.
ACTION_PLAN_SOURCE = "Minskade kostnader räknas positivt."
ACTION_PLAN = (
    "(ekonomi.handlingsplan.per_verksamhetsomrade or (ekonomi.handlingsplan.atgarder if ekonomi.handlingsplan.atgarder|length > 1 "
    "else []))|avrundningsdifferens(ekonomi.handlingsplan.totalt, 'plan_helar', 'plan', 'utfall', 'prognos_helar', decimaler=1, skala=1000)"
)


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _style(paragraph) -> str | None:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else None


def _run(text: str, like=None):
    run = etree.Element(f"{W}r")
    if like is not None and like.find(f"{W}rPr") is not None:
        run.append(copy.deepcopy(like.find(f"{W}rPr")))
    t = etree.SubElement(run, f"{W}t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _paragraph(text: str, style: str | None = None):
    paragraph = etree.Element(f"{W}p")
    if style:
        etree.SubElement(etree.SubElement(paragraph, f"{W}pPr"), f"{W}pStyle").set(f"{W}val", style)
    paragraph.append(_run(text))
    return paragraph


def _append_note(paragraph, condition: str) -> None:
    runs = paragraph.findall(f"{W}r")
    paragraph.append(_run(f"{{% if {condition} %}} {NOTE}{{% endif %}}", runs[-1] if runs else None))


def edit(root) -> None:
    body = root.find(f"{W}body")
    tables = list(body.iter(f"{W}tbl"))
    for tag, condition in TABLES:
        found = [table for table in tables if tag in _text(table)]
        if len(found) != 1:
            raise SystemExit(f"{TEMPLATE}: {len(found)} tabeller med {tag!r}, väntade en")
        table = found[0]
        after = table.getnext()
        following = [after, after.getnext() if after is not None else None]
        if any(element is not None and NOTE in _text(element) for element in following):
            continue  # already there
        if after is not None and after.tag == f"{W}p" and _style(after) == "Källa":
            _append_note(after, condition)
            continue
        anchor = table
        for paragraph in (_paragraph(f"{{%p if {condition} %}}"), _paragraph(NOTE, "Källa"), _paragraph("{%p endif %}")):
            anchor.addnext(paragraph)
            anchor = paragraph
    sources = [p for p in body.iter(f"{W}p") if _style(p) == "Källa" and _text(p).startswith(ACTION_PLAN_SOURCE)]
    if len(sources) != 1:
        raise SystemExit(f"{TEMPLATE}: {len(sources)} källrader för handlingsplanen, väntade en")
    if NOTE not in _text(sources[0]):
        _append_note(sources[0], ACTION_PLAN)


def main(folder: Path) -> None:
    edit_document(folder / TEMPLATE, edit)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
