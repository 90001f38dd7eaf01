"""Template edit: the interim report's cost appendix says "Avrundningsdifferenser kan förekomma." when it must.

Usage: python tools/template_edits/coordinator_02_interim_cost_note.py templates/

The appendix "Kostnadsutveckling per kostnadsslag" shows each cost type's year to date in mnkr with one decimal
under its sum; in the tertial example the cost types of Närsjukvård Övriga länet add up to 1 356,8 against 1 356,7
shown (issue 26, item 2). The note joins the source line under the table when the filter ``avrundningsdifferens``
says so (the one rule, differences.rounding_note_needed). Found by its text; running it twice changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from domain_docx import edit_document, replacing

TEMPLATE = "delarsrapport.docx"
LINE = ("de ackumulerade kostnaderna januari till respektive månad mot samma period året innan.</w:t></w:r>")
NOTE = ('<w:r><w:t xml:space="preserve">{% if ekonomi.kostnadsutveckling.rader|avrundningsdifferens('
        "ekonomi.kostnadsutveckling.totalt, 'hittills', decimaler=1, skala=1000) %} Avrundningsdifferenser kan förekomma."
        "{% endif %}</w:t></w:r>")


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    changed = edit_document(path, replacing(LINE + "</w:p>", LINE + NOTE + "</w:p>"))
    print(f"{path}: kostnadsbilagans not om avrundning" if changed else f"{path}: redan ändrad")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
