"""regiondirektorens-rapport.docx: the headcount against a year earlier as a person would say it (issue 26 item 8).

"Jämfört med april 2020 är de 71 färre än då." (monthpages_05) becomes "Jämfört med april 2020 är det
71 färre anställda." with the filter ``fler_farre_antal``. The paragraph is found by its whole text,
never by index. Idempotent: run it twice and nothing changes.

    python tools/template_edits/april_02_headcount_sentence.py templates/
"""

from __future__ import annotations

from pathlib import Path

from _april_docx import replace_paragraph, run

OLD = (
    "Jämfört med {{ perioder.personal.year_before|manad_ar }} är de "
    "{{ personal.anstallda.mot_foregaende_ar|fler_farre('då') }}."
)
NEW = (
    "Jämfört med {{ perioder.personal.year_before|manad_ar }} är det "
    "{{ personal.anstallda.mot_foregaende_ar|fler_farre_antal('anställda') }}."
)


def apply(templates: Path) -> bool:
    return replace_paragraph(templates / "regiondirektorens-rapport.docx", OLD, NEW)


if __name__ == "__main__":
    run("regiondirektorens-rapport.docx", OLD, NEW)
