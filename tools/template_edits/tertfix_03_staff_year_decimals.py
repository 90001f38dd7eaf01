"""delarsrapport.docx: the prose states årsarbetare with the decimals of the Arbetad tid table beside it (extratid,
övertid and inhyrd personal with one, arbetad tid with none): "+17,3 årsarbetare", not "+18" (docs/indata.md,
"Avrundning"; issue 26, item 2).

Usage: python3 tools/template_edits/tertfix_03_staff_year_decimals.py templates/   (running it twice changes nothing)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tertfix_docx import replace_texts

REPLACEMENTS = [
    ("Extratiden motsvarar i genomsnitt {{ personal.extratid.varde|tal }} årsarbetare",
     "Extratiden motsvarar i genomsnitt {{ personal.extratid.varde|tal(1) }} årsarbetare"),
    ("({{ personal.extratid.skillnad|signerat }} årsarbetare)", "({{ personal.extratid.skillnad|signerat(1) }} årsarbetare)"),
    ("det vill säga {{ personal.overtid.skillnad|signerat }} årsarbetare", "det vill säga {{ personal.overtid.skillnad|signerat(1) }} årsarbetare"),
    ("Inhyrd personal motsvarar {{ personal.inhyrd_personal.varde|tal }} årsarbetare och "
     "{{ personal.inhyrd_personal.skillnad|forandring('årsarbetare', 0, 'är oförändrad') }}",
     "Inhyrd personal motsvarar {{ personal.inhyrd_personal.varde|tal(1) }} årsarbetare och "
     "{{ personal.inhyrd_personal.skillnad|forandring('årsarbetare', 1, 'är oförändrad') }}"),
]

if __name__ == "__main__":
    replace_texts(Path(sys.argv[1]), REPLACEMENTS)
