"""Write the binary files of the broken-input corpus (tests/corpus/), once.

They are checked in, so tests need neither tool: an old Excel 97-2003 file
(xlwt) and a password-protected workbook (msoffcrypto-tool), both named as an
ekonomi workbook. Run: python tools/make_corpus_files.py (needs xlwt and
msoffcrypto-tool installed).
"""

from __future__ import annotations

import io
from pathlib import Path

import xlwt
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def old_xls(path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Region")
    for column, header in enumerate(["Post", "Utfall"]):
        sheet.write(0, column, header)
    sheet.write(1, 0, "Periodens resultat")
    sheet.write(1, 1, 12.5)
    book.save(str(path))


def password_protected(path: Path) -> None:
    book = Workbook()
    book.active.title = "Region"
    book.active.append(["Post", "Utfall"])
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    source = OOXMLFile(plain)
    with path.open("wb") as out:
        source.encrypt("hemligt", out)


if __name__ == "__main__":
    CORPUS.mkdir(parents=True, exist_ok=True)
    old_xls(CORPUS / "gammal-excel.xls")
    password_protected(CORPUS / "losenordsskyddad.xlsx")
    print(*sorted(p.name for p in CORPUS.iterdir()), sep="\n")
