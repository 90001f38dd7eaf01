"""Check a built package page by page (issue 26, "Measured"): ``python3 tools/page_check.py [--sidor] OUT_DIR …``.

OUT_DIR is a package folder that ``reporter build … --pdf`` wrote (or a folder holding such folders). Prints every
finding by document and page, and exits 1 when there is one; ``--sidor`` also prints how far down its body each
page's content reaches. A developer's tool: the checks are tests/pagecheck.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pagecheck import CHECKS, check_package, docx_margins, fullness, pdf_pages  # noqa: E402


def packages(folder: Path) -> list[Path]:
    """The package folders in ``folder``: itself when it holds documents, else its subfolders that do."""
    if any(folder.glob("*.docx")):
        return [folder]
    return sorted(sub for sub in folder.iterdir() if sub.is_dir() and any(sub.glob("*.docx")))


def reach(package: Path) -> None:
    """Each document's pages: how far down its body the content reaches."""
    for docx in sorted(package.glob("*.docx")):
        pdf = docx.with_suffix(".pdf")
        if pdf.exists():
            full = fullness(pdf, docx_margins(docx), pdf_pages(pdf))
            print(f"  {docx.stem}: " + " ".join(f"{page}:{share:.0%}" for page, share in full.items()))


def main(arguments: list[str]) -> int:
    pages = "--sidor" in arguments
    arguments = [a for a in arguments if a != "--sidor"]
    if not arguments:
        print(__doc__.strip())
        return 2
    total = 0
    for argument in arguments:
        for package in packages(Path(argument)):
            findings = check_package(package)
            total += len(findings)
            print(f"== {package}: {len(findings)} fynd ==")
            if pages:
                reach(package)
            for document in dict.fromkeys(f.document for f in findings):
                print(f"  {document}")
                for finding in sorted((f for f in findings if f.document == document), key=lambda f: (f.page or 0, f.check)):
                    page = f"s. {finding.page}" if finding.page is not None else "s. ?"
                    print(f"    {page:>6}  {CHECKS[finding.check]}: {finding.text}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
