"""regiondirektorens-rapport.docx: production in a few generated sentences, not one bullet per measure (issue 26 item 8).

The paragraph "Produktionen under … jämfört med samma period föregående år:" and its bullet loop
(``{%p for m in produktion.matt %}`` … ``{%p endfor %}``, "Läkarbesök har minskat med 9,0 procent (…)" five
times in a row) become one paragraph, ``{{ prosa.produktion }}``: the largest change first with its
figures, the others grouped by direction (formatting.storst_forst, given to the template as prosa.produktion).

Places are found by their text, never by index. Idempotent: run it twice and nothing changes.

    python tools/template_edits/monthpages_04_production_prose.py templates/
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

INTRO = "Produktionen under {{ perioder.produktion|hittills }} jämfört med samma period föregående år:"
LOOP, END = "{%p for m in produktion.matt %}", "{%p endfor %}"
PROSE = "{{ prosa.produktion }}"


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def apply(templates: Path) -> bool:
    path = templates / "regiondirektorens-rapport.docx"
    document = docx.Document(str(path))
    body = document.element.body
    intro = next((p for p in body.iterchildren(qn("w:p")) if _text(p).strip() == INTRO), None)
    if intro is None:
        return False
    loop = intro.getnext()
    if loop is None or _text(loop).strip() != LOOP:
        raise SystemExit(f"regiondirektorens-rapport.docx: {LOOP} följer inte efter stycket om produktionen")
    removed = [loop]
    following = loop.getnext()
    while following is not None and _text(following).strip() != END:
        removed.append(following)
        following = following.getnext()
    if following is None:
        raise SystemExit(f"regiondirektorens-rapport.docx: {LOOP} saknar {END}")
    removed.append(following)
    for element in removed:
        body.remove(element)
    runs = intro.findall(qn("w:r"))
    for run in runs[1:]:
        intro.remove(run)
    t = runs[0].find(qn("w:t"))
    t.text = PROSE
    document.save(str(path))
    return True


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
