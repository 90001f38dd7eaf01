"""maluppfyllelse.docx: a goal's assessment said once when the period's and the year's agree (issue 26 item 8).

"Den samlade bedömningen av måluppfyllelsen är att målet är delvis uppnått. Vid årets slut bedöms målet
vara delvis uppnått." came word for word at 18 of 20 goals; the filter ``samlad_bedomning`` writes
"Målet bedöms vara delvis uppnått, nu och vid årets slut." when the two agree, and both sentences
otherwise. The two paragraphs (a goal with measures and one without) are found by their whole text,
never by index; the paragraph keeps its style and first run's format. Idempotent: run it twice and
nothing changes.

    python tools/template_edits/april_01_assessment_once.py templates/
"""

from __future__ import annotations

from pathlib import Path

from _april_docx import replace_paragraph, run

OLD = (
    "Den samlade bedömningen av måluppfyllelsen är att målet {{ g.bedomning|malet_ar }}."
    "{% if g.bedomning_helar %} Vid årets slut bedöms målet {{ g.bedomning_helar|bedoms_vara }}.{% endif %}"
)
NEW = "{{ g.bedomning|samlad_bedomning(g.bedomning_helar) }}"


def apply(templates: Path) -> bool:
    return replace_paragraph(templates / "maluppfyllelse.docx", OLD, NEW)


if __name__ == "__main__":
    run("maluppfyllelse.docx", OLD, NEW)
