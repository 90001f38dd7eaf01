"""Template edit: the investeringsrapport's cover names the report it belongs to with the report's month.

Usage: python tools/template_edits/domain_02_rapportmanad.py templates/

"Bilaga N till Regiondirektörens rapport {{ period|manad_ar }}" named the appendix's own month when the appendix
has one (``- investeringsrapport: {period: 2020-08}`` in a September report); the other appendices write
``{{ rapportmanad|manad_ar }}``, the report's month. The cover paragraph is found by its text. Running it twice
changes nothing.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

TEMPLATE = "investeringsrapport.docx"
BEFORE = "Bilaga {{ bilaga.investeringsrapport.nummer }} till {{ titel }} {{ period|manad_ar }}"
AFTER = "Bilaga {{ bilaga.investeringsrapport.nummer }} till {{ titel }} {{ rapportmanad|manad_ar }}"


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    document = dict((info.filename, data) for info, data in entries)["word/document.xml"].decode("utf-8")
    if BEFORE not in document:
        print(f"{path}: redan ändrad" if AFTER in document else f"{path}: omslagets rad finns inte; ingen ändring")
        return
    edited = document.replace(BEFORE, AFTER).encode("utf-8")
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w") as target:
        for info, data in entries:
            target.writestr(info, edited if info.filename == "word/document.xml" else data)
    temporary.replace(path)
    print(f"{path}: omslaget nämner rapportens månad")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
