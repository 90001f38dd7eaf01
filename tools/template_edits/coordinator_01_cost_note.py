"""Template edit: the economy appendix's cost table says "Avrundningsdifferenser kan förekomma." when it must.

Usage: python tools/template_edits/coordinator_01_cost_note.py templates/

The cost table's first row, "Summa verksamhetens kostnader", is the sum of the cost types under it, each shown in
whole mnkr; in March 2021 they add up to 2 561 against 2 562 shown (issue 26, item 2). The note joins the source
line under the table when ``avrundning.kostnader``, with its space inside the condition as the result table's note
has it (monthpages_02). Found by its text; running it twice changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from domain_docx import edit_document, replacing

TEMPLATE = "ekonomirapport.docx"
LINE = "<w:r><w:t>Förändring av ackumulerade kostnader januari till respektive månad mot samma period året innan.</w:t></w:r>"
NOTE = '<w:r><w:t xml:space="preserve">{% if avrundning.kostnader %} Avrundningsdifferenser kan förekomma.{% endif %}</w:t></w:r>'


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    changed = edit_document(path, replacing(LINE + "</w:p>", LINE + NOTE + "</w:p>"))
    print(f"{path}: kostnadstabellens not om avrundning" if changed else f"{path}: redan ändrad")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
