"""Draw the pictures of docs/mallar.md: template pages as LibreOffice lays them out.

    .venv/bin/python tools/make_guide_pictures.py

Needs LibreOffice (soffice) and poppler (pdftoppm). Run it when a template's
look changes; the pictures are committed (docs/bilder/*.png). Which pictures
the guide shows, and what they show, is reporter.guide.PICTURES.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter.guide import PICTURES  # noqa: E402
from reporter.pdf import convert, find_soffice  # noqa: E402

DPI = 72
# picture → (template, page, share of the page's height to show from the top)
PAGES = {
    "mall-inledning.png": ("regiondirektorens-rapport.docx", 2, 0.62),
    "mall-tabell.png": ("ekonomirapport.docx", 1, 0.66),
}


def main() -> None:
    assert set(PAGES) == set(PICTURES), "PAGES and reporter.guide.PICTURES must name the same pictures"
    names = sorted({template for template, _, _ in PAGES.values()})
    pdfs = convert({name: (ROOT / "templates" / name).read_bytes() for name in names}, find_soffice())
    target = ROOT / "docs" / "bilder"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        for picture, (template, page, share) in PAGES.items():
            pdf = Path(temporary) / template.replace(".docx", ".pdf")
            pdf.write_bytes(pdfs[pdf.name])
            width, height = round(21 / 2.54 * DPI), round(29.7 / 2.54 * DPI * share)
            out = target / picture
            subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), "-x", "0", "-y", "0",
                            "-W", str(width), "-H", str(height), "-singlefile", str(pdf), str(out.with_suffix(""))], check=True)
            print(f"Skrev {out.relative_to(ROOT)} ({out.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
