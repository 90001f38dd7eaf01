"""delarsrapport.docx: the result paragraphs no longer begin " Åtgärderna i …" when they have no planned result
before them; the space comes only after that sentence (issue 26; review of the tertial package, bilaga 1, 2, 4, 5).

Usage: python3 tools/template_edits/tertfix_02_leading_space.py templates/   (running it twice changes nothing)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tertfix_docx import replace_texts

REPLACEMENTS = [
    (f".{{% endif %}}{{% if ekonomi.handlingsplan %}} Åtgärderna i {rest}",
     f".{{% endif %}}{{% if ekonomi.handlingsplan %}}{{% if {bridge}.planerat|mnkr_tal(1) != '0,0' %}} {{% endif %}}Åtgärderna i {rest}")
    for bridge, rest in (("ekonomi.brygga", "den ekonomiska"), ("ekonomi.brygga_helar", "handlingsplanen beräknas"))
]

if __name__ == "__main__":
    replace_texts(Path(sys.argv[1]), REPLACEMENTS)
