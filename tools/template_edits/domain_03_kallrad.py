"""Template edit: the investeringsrapport's note under the table says what the columns cover, not a file name.

Usage: python tools/template_edits/domain_03_kallrad.py templates/

"Mnkr, utfall januari–{{ period|manad }}. Källa: bladet Investeringar i ekonomi.xlsx." named a workbook in a
document for the board (tests/test_typography.py: no bundled document names a file). It becomes
"Mnkr. Utfall januari–augusti; budget och prognos för helåret 2020." (without a budget: "prognos för helåret").
The note is found by its text. Running it twice changes nothing.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

TEMPLATE = "investeringsrapport.docx"
BEFORE = "Mnkr, utfall januari–{{ period|manad }}. Källa: bladet Investeringar i ekonomi.xlsx."
AFTER = ("Mnkr. Utfall januari–{{ period|manad }}; {{ 'budget och prognos' if investeringar.med_budget else 'prognos' }} "
         "för helåret {{ period.year }}.")


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    document = dict((info.filename, data) for info, data in entries)["word/document.xml"].decode("utf-8")
    if BEFORE not in document:
        print(f"{path}: redan ändrad" if AFTER.replace("'", "&apos;") in document or AFTER in document else f"{path}: raden finns inte; ingen ändring")
        return
    edited = document.replace(BEFORE, AFTER).encode("utf-8")
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w") as target:
        for info, data in entries:
            target.writestr(info, edited if info.filename == "word/document.xml" else data)
    temporary.replace(path)
    print(f"{path}: raden under tabellen utan filnamn")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
