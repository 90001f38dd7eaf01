"""The pictures of the submission pages in the README: Chromium (the system's) photographs a division's page.

Run from the repository root: ``.venv/bin/python tools/make_web_pictures.py``. Works in a temporary copy of the
bundled March and April, with Service's rows in files of its own (as ``scaffold --division`` names them), hands in
a workbook with a planted error, and saves the page with its findings as docs/bilder/inlamning-division.png (and
the office's page as docs/bilder/inlamning-kontoret.png).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, server, swedish_page  # noqa: E402
from web_periods import DIVISION, web_inputs  # noqa: E402

PERIOD = "2021-04"
OUT = ROOT / "docs" / "bilder"


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        inputs = web_inputs(Path(temp))
        with server(inputs) as (base, app), chromium() as browser:
            page = swedish_page(browser, viewport={"width": 1100, "height": 900})
            page.goto(f"{base}/{app.state.web.keys.division(PERIOD, DIVISION)}/")
            book = openpyxl.load_workbook(inputs / PERIOD / "ekonomi-service.xlsx")
            book["Divisioner"]["C2"] = "ca 40"
            book.save(Path(temp) / "ekonomi.xlsx")
            page.get_by_label(re.compile("Välj arbetsbok att lämna in som ekonomi-service.xlsx")).set_input_files(Path(temp) / "ekonomi.xlsx")
            page.get_by_role("button", name="Lämna in ekonomi", exact=True).click()
            page.screenshot(path=OUT / "inlamning-division.png", full_page=False)
            office = swedish_page(browser, viewport={"width": 1300, "height": 900})
            office.goto(f"{base}/{app.state.web.keys.office()}/")
            office.screenshot(path=OUT / "inlamning-kontoret.png", full_page=True)
    print(f"Skrev {OUT / 'inlamning-division.png'} och {OUT / 'inlamning-kontoret.png'}")


if __name__ == "__main__":
    main()
