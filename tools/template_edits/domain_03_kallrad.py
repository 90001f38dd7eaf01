"""Template edit: the investeringsrapport's note under the table says what the columns cover, not a file name.

Usage: python tools/template_edits/domain_03_kallrad.py templates/

"Mnkr, utfall januari–{{ period|manad }}. Källa: bladet Investeringar i ekonomi.xlsx." named a workbook in a
document for the board (tests/test_typography.py: no bundled document names a file). It becomes
"Mnkr. Utfall januari–augusti; budget och prognos för helåret 2020." (without a budget: "prognos för helåret").
The note is found by its text. Running it twice changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from domain_docx import edit_document, replacing

TEMPLATE = "investeringsrapport.docx"
BEFORE = "Mnkr, utfall januari–{{ period|manad }}. Källa: bladet Investeringar i ekonomi.xlsx."
AFTER = ("Mnkr. Utfall januari–{{ period|manad }}; {{ 'budget och prognos' if investeringar.med_budget else 'prognos' }} "
         "för helåret {{ period.year }}.")


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    changed = edit_document(path, replacing(BEFORE, AFTER))
    print(f"{path}: raden under tabellen utan filnamn" if changed else f"{path}: redan ändrad")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
