"""personalrapport.docx and regiondirektorens-rapport.docx: the headcount's changes in words (issue 26 item 8).

"6 972 anställda, −40 sedan föregående månad och −71 sedan april 2020" becomes "6 972 anställda, 40 färre
än i mars och 71 färre än i april 2020"; in the main report the second "Antalet anställda har minskat med …"
of the section becomes "Jämfört med april 2020 är de 71 färre än då". The paragraphs are found by their
whole text, never by index. Idempotent: run it twice and nothing changes.

    python tools/template_edits/monthpages_05_headcount_prose.py templates/
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

EDITS = {
    "personalrapport.docx": (
        "Vid utgången av {{ period|manad_ar }} finns {{ personal.anstallda.antal|tal }} anställda, "
        "{{ personal.anstallda.mot_foregaende_manad|signerat }} sedan föregående månad och "
        "{{ personal.anstallda.mot_foregaende_ar|signerat }} sedan {{ foregaende_ar|manad_ar }}.",
        "Vid utgången av {{ period|manad_ar }} finns {{ personal.anstallda.antal|tal }} anställda, "
        "{{ personal.anstallda.mot_foregaende_manad|fler_farre('i ' ~ foregaende_manad|manad) }} och "
        "{{ personal.anstallda.mot_foregaende_ar|fler_farre('i ' ~ foregaende_ar|manad_ar) }}.",
    ),
    "regiondirektorens-rapport.docx": (
        "Antalet anställda {{ personal.anstallda.mot_foregaende_ar|forandring('personer') }} jämfört med "
        "{{ perioder.personal.year_before|manad_ar }}.",
        "Jämfört med {{ perioder.personal.year_before|manad_ar }} är de "
        "{{ personal.anstallda.mot_foregaende_ar|fler_farre('då') }}.",
    ),
}


def apply(templates: Path) -> bool:
    changed = False
    for name, (old, new) in EDITS.items():
        path = templates / name
        document = docx.Document(str(path))
        for paragraph in document.paragraphs:
            if paragraph.text == old and len(paragraph.runs) == 1:
                paragraph.runs[0].text = new
                document.save(str(path))
                changed = True
    return changed


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
