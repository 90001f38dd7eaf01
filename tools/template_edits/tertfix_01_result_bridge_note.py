"""delarsrapport.docx: the Resultatpåverkan table says "Avrundningsdifferenser kan förekomma." also when its Summa,
as shown, differs from the result bridge's unplanned figure as shown (16,0 against 15,7; issue 26, item 2). The items
are the division's whole-mnkr estimates, the bridge's figure is computed; a gap larger than the items' rounding is a
validation error (reporter.documents.delarsrapport), so the note is true wherever it shows. One rule:
reporter.differences.rounding_note_needed through the avrundningsdifferens filter.

Usage: python3 tools/template_edits/tertfix_01_result_bridge_note.py templates/   (running it twice changes nothing)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tertfix_docx import replace_texts

OLD = "ekonomi.resultatpaverkan|avrundningsdifferens(ekonomi.resultatpaverkan_summa, 'utfall', 'prognos_helar', decimaler=1, skala=1000) %}"
NEW = (
    "ekonomi.resultatpaverkan|avrundningsdifferens(ekonomi.resultatpaverkan_summa, 'utfall', 'prognos_helar', decimaler=1, skala=1000) "
    "or (ekonomi.handlingsplan and ekonomi.brygga and [ekonomi.resultatpaverkan_summa.utfall]|avrundningsdifferens(ekonomi.brygga.oplanerat, "
    "decimaler=1, skala=1000)) or (ekonomi.handlingsplan and ekonomi.brygga_helar and [ekonomi.resultatpaverkan_summa.prognos_helar]"
    "|avrundningsdifferens(ekonomi.brygga_helar.oplanerat, decimaler=1, skala=1000)) %}"
)

if __name__ == "__main__":
    replace_texts(Path(sys.argv[1]), [(OLD, NEW)])
