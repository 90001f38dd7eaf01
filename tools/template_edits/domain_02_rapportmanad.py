"""Template edit: the investeringsrapport's cover names the report it belongs to with the report's month.

Usage: python tools/template_edits/domain_02_rapportmanad.py templates/

"Bilaga N till Regiondirektörens rapport {{ period|manad_ar }}" named the appendix's own month when the appendix
has one (``- investeringsrapport: {period: 2020-08}`` in a September report); the other appendices write
``{{ rapportmanad|manad_ar }}``, the report's month. The cover paragraph is found by its text. Running it twice
changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from domain_docx import edit_document, replacing

TEMPLATE = "investeringsrapport.docx"
BEFORE = "Bilaga {{ bilaga.investeringsrapport.nummer }} till {{ titel }} {{ period|manad_ar }}"
AFTER = "Bilaga {{ bilaga.investeringsrapport.nummer }} till {{ titel }} {{ rapportmanad|manad_ar }}"


def main(folder: Path) -> None:
    path = folder / TEMPLATE
    changed = edit_document(path, replacing(BEFORE, AFTER))
    print(f"{path}: omslaget nämner rapportens månad" if changed else f"{path}: redan ändrad")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
