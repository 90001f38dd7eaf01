"""regiondirektorens-rapport.docx: a division's result against a budget in balance (issue 26 item 8).

"ett resultat på −25,1 mnkr, 25,1 mnkr sämre än budget" says the figure twice when the budget is zero; it
becomes "ett resultat på −25,1 mnkr mot en budget i balans", and the forecast likewise. Another budget keeps
"… sämre än budget". Found by the paragraph's text, never by index. Idempotent.

    python tools/template_edits/monthpages_06_balanced_budget.py templates/
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx

START = "Divisionen redovisar per {{ delarsrapporter.period|manad_ar }} ett resultat på"
RESULT = "{{ d.resultat.avvikelse|jamfort('budget', decimaler='auto') }}"
FORECAST = "{{ d.resultat.prognosavvikelse|jamfort('budget', decimaler='auto') }}"
BALANCED = "{% if d.resultat.budget == 0 %} mot en budget i balans{% else %}, " + RESULT + "{% endif %}"
BALANCED_FORECAST = "{% if d.resultat.budget_helar == 0 %} mot en budget i balans{% else %}, " + FORECAST + "{% endif %}"


def apply(templates: Path) -> bool:
    path = templates / "regiondirektorens-rapport.docx"
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        text = paragraph.text
        if not text.startswith(START) or len(paragraph.runs) != 1 or "budget i balans" in text:
            continue
        text = text.replace(", " + RESULT, BALANCED, 1).replace(", " + FORECAST, BALANCED_FORECAST, 1)
        paragraph.runs[0].text = text
        document.save(str(path))
        return True
    return False


if __name__ == "__main__":
    print("ändrad" if apply(Path(sys.argv[1])) else "oförändrad")
