"""regiondirektorens-rapport.docx: the headcount against a year earlier as a person would say it (issue 26 item 8).

"Jämfört med april 2020 är de 71 färre än då." (monthpages_05) becomes "Jämfört med april 2020 är det
71 färre anställda." with the filter ``fler_farre_antal``. The paragraph is found by its whole text,
never by index. Idempotent: run it twice and nothing changes.

    python tools/template_edits/april_02_headcount_sentence.py templates/
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

OLD = (
    "Jämfört med {{ perioder.personal.year_before|manad_ar }} är de "
    "{{ personal.anstallda.mot_foregaende_ar|fler_farre('då') }}."
)
NEW = (
    "Jämfört med {{ perioder.personal.year_before|manad_ar }} är det "
    "{{ personal.anstallda.mot_foregaende_ar|fler_farre_antal('anställda') }}."
)


def apply(templates: Path) -> bool:
    path = templates / "regiondirektorens-rapport.docx"
    document = docx.Document(str(path))
    changed = False
    for paragraph in document.paragraphs:
        if paragraph.text == OLD and paragraph.runs:
            first, *rest = paragraph.runs
            first.text = NEW
            for run in rest:
                run._r.getparent().remove(run._r)
            changed = True
    if changed:
        document.save(str(path))
    return changed


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
