"""Issue 26, "Measured": a held-out monthly and a held-out tertial package, built with --pdf, checked page by page.

The checks are tests/pagecheck.py (also ``tools/page_check.py OUT_DIR``); the held-out periods are
tests/heldout.py's. Each check on each package is a test of its own. A check that fails on main today is marked
``xfail(strict=True)`` naming the open item: when the fix lands, the strict mark fails, and the mark goes.
Below them, each check is shown to fail on a small made-up document or PDF.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TEMPLATES, built_once
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from fakepdf import pages_pdf
from heldout import write_monthly, write_tertial
from pagecheck import CHECKS, ROUNDING_NOTE, Finding, check_document, check_package

import reporter

# What fails on main today (2026-12-07), by package and check: the open item of issue 26.
OPEN = {
}


def _case(package: str, check: str):
    marks = [pytest.mark.libreoffice]
    if (package, check) in OPEN:
        marks.append(pytest.mark.xfail(strict=True, reason=OPEN[package, check]))
    return pytest.param(package, check, marks=marks, id=f"{package}-{check}")


def _built(tmp_path_factory, name: str, write) -> list[Finding]:
    """A held-out period written and built with --pdf once per test run; its findings."""

    def make(folder: Path) -> Path:
        period = write(folder / "indata")
        return reporter.build(period, folder / "ut", TEMPLATES, workspace=ROOT, pdf=True).out_dir

    return check_package(built_once(tmp_path_factory, name, make))


@pytest.fixture(scope="session")
def manad(tmp_path_factory) -> list[Finding]:
    """The held-out monthly package (May 2021)'s findings."""
    return _built(tmp_path_factory, "sidkontroll-manad", write_monthly)


@pytest.fixture(scope="session")
def tertial(tmp_path_factory) -> list[Finding]:
    """The held-out tertial package (September 2020, seven divisions)'s findings."""
    return _built(tmp_path_factory, "sidkontroll-tertial", write_tertial)


@pytest.mark.parametrize(("package", "check"), [_case(p, c) for p in ("manad", "tertial") for c in CHECKS])
def test_a_held_out_package_passes_each_page_check(package, check, request):
    findings = request.getfixturevalue(package)
    assert [str(f) for f in findings if f.check == check] == []


# ---------------------------------------------------------------------------------------------------------------
# Each check fails on a document made to fail it (python-docx; PDFs of Helvetica lines, tests/fakepdf.py).

needs_poppler = pytest.mark.skipif(not shutil.which("pdftoppm") or not shutil.which("pdftotext"), reason="poppler (pdftotext, pdftoppm) saknas")
# python-docx's blank document: US Letter, one inch margins.
LETTER = (612, 792)
TOP = 72


def _docx(path: Path, paragraphs: list[str] = (), table: list[list[str]] | None = None, after: list[str] = (), toc: bool = False) -> Path:
    document = Document()
    if toc:
        document.add_paragraph("Innehåll")._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="TOC \\o &quot;1-3&quot;"/>'))
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    for text in after:
        document.add_paragraph(text)
    document.save(path)
    return path


def _found(docx: Path, check: str, pdf: Path | None = None) -> list[tuple[int | None, str]]:
    return [(f.page, f.text) for f in check_document(docx, pdf) if f.check == check]


def test_a_period_code_in_a_table_is_found(tmp_path):
    bad = _docx(tmp_path / "a.docx", table=[["Mått", "202103", "202003"], ["Läkarbesök", "19\u00a0473", "21\u00a0410"]])
    good = _docx(tmp_path / "b.docx", ["Perioden 202103 i löptext räknas inte."], table=[["Mått", "mars 2021", "mars 2020"], ["Läkarbesök", "1", "2"]])
    found = [text for _, text in _found(bad, "period-code")]
    assert len(found) == 2 and "202103 | 202003" in found[0]
    assert _found(good, "period-code") == []


def test_an_empty_column_is_found(tmp_path):
    bad = _docx(tmp_path / "a.docx", table=[["Mål", "Framgångsfaktor", "Utfall"], ["Nöjda patienter", "", "80\u00a0%"], ["Kortare köer", "", "70\u00a0%"]])
    good = _docx(tmp_path / "b.docx", table=[["Mål", "Framgångsfaktor", "Utfall"], ["Nöjda patienter", "", "80\u00a0%"], ["Köer", "Tillgänglighet", ""]])
    assert [text for _, text in _found(bad, "empty-column")] == ['kolumnen "Framgångsfaktor" i tabellen "Mål | Framgångsfaktor | Utfall" vid "Nöjda patienter"']
    assert _found(good, "empty-column") == []


def test_a_plain_space_in_a_number_or_before_its_unit_is_found(tmp_path):
    bad = _docx(tmp_path / "a.docx", ["Antalet besök är 2 056 st.", "Resultatet är −25 mnkr."])
    good = _docx(tmp_path / "b.docx", ["Antalet besök är 2\u00a0056\u00a0st och resultatet −25\u00a0mnkr.", "Bilaga 5 Uppföljning, mars 2021 100 gånger."])
    assert len(_found(bad, "plain-space")) == 3  # 2 056 (digit groups), 056 st and 25 mnkr (units)
    assert _found(good, "plain-space") == []


def test_a_difference_or_sum_that_does_not_tie_is_found_unless_the_table_says_so(tmp_path):
    table = [["Mått", "2021", "2020", "Förändring"], ["Inhyrd personal", "90", "105", "−14"], ["Extratid", "100,3", "95,4", "+4,9"]]
    summed = [["Division, mnkr", "Utfall", "Budget"], ["Norr", "1,4", "2,0"], ["Söder", "1,4", "1,0"], ["Totalt", "2,9", "3,0"]]
    assert [text for _, text in _found(_docx(tmp_path / "a.docx", table=table), "ties")] == ["Inhyrd personal: 90 mot 105 visas som −14 (Förändring)"]
    assert [text for _, text in _found(_docx(tmp_path / "b.docx", table=summed), "ties")] == ["Totalt: 1,4 + 1,4 = 2,8 men visas som 2,9 (Utfall)"]
    assert _found(_docx(tmp_path / "c.docx", table=summed, after=[f"{ROUNDING_NOTE}."]), "ties") == []
    assert _found(_docx(tmp_path / "d.docx", table=[row[:3] for row in table[:1]] + [["Extratid", "100,3", "95,4"]]), "ties") == []


def test_a_file_name_or_tool_talk_is_found(tmp_path):
    bad = _docx(tmp_path / "a.docx", ["Bilagan följer i filen vardval.pdf.", "Se den samlade PDF:en."])
    assert len(_found(bad, "file-names")) == 3  # filen, vardval.pdf, PDF:en
    good = _docx(tmp_path / "b.docx", ["Bilagan följer efter denna sida."])
    assert _found(good, "file-names") == []


@needs_poppler
def test_a_file_name_only_the_pdf_shows_is_found(tmp_path):
    """A field's result (FILENAME in a header) is in the PDF, not in the DOCX's text."""
    docx = _docx(tmp_path / "a.docx", ["Bilagan följer efter denna sida."])
    full = [(TOP + 12 * i, "Rad") for i in range(40)]
    docx.with_suffix(".pdf").write_bytes(pages_pdf([full, [(30, "regiondirektorens-rapport-2021-03.docx"), *full]], LETTER))
    assert _found(docx, "file-names") == [(2, "…regiondirektorens-rapport-2021-03.docx… (i PDF:en)")]


@needs_poppler
def test_a_page_under_a_third_full_is_found_but_not_the_last(tmp_path):
    docx = _docx(tmp_path / "a.docx", ["Text"])
    pdf = tmp_path / "a.pdf"
    body = [(TOP + 12 * i, f"Rad {i}") for i in range(40)]  # reaches down 480 pt of the 648 pt body
    pdf.write_bytes(pages_pdf([body, [(TOP, "Tre rader"), (TOP + 12, "och inte mer"), (TOP + 24, "på sidan")], body, [(TOP, "Sista")]], LETTER))
    found = _found(docx, "fullness", pdf)
    assert [page for page, _ in found] == [2]
    assert "ned på sidan" in found[0][1]


@needs_poppler
def test_an_appendix_without_its_number_on_its_first_page_or_in_a_header_is_found(tmp_path):
    docx = _docx(tmp_path / "bilaga-3-personalrapport-2021-03.docx", ["Text"])
    pdf = docx.with_suffix(".pdf")
    full = [(TOP + 12 * i, "Rad") for i in range(40)]
    pdf.write_bytes(pages_pdf([[(30, "Bilaga 3 Personalrapport mars 2021"), (TOP, "Personalrapport mars 2021"), *full],
                               [(30, "Personalrapport mars 2021"), *full], [(30, "Bilaga 3 Personalrapport"), *full]], LETTER))
    assert _found(docx, "appendix-label", pdf) == [(1, '"Bilaga 3" står inte på första sidan'), (2, '"Bilaga 3" står inte i sidhuvudet')]
    other = _docx(tmp_path / "personalrapport-2021-03.docx", ["Text"])  # not an appendix
    shutil.copy(pdf, other.with_suffix(".pdf"))
    assert _found(other, "appendix-label") == []


@pytest.mark.slow  # writes two eleven-page PDFs and reads them, 0.3 s CPU
@needs_poppler
def test_a_long_document_without_a_right_table_of_contents_is_found(tmp_path):
    full = [(TOP + 14 + 12 * i, "Rad") for i in range(40)]
    pages = [[(TOP, f"Rubrik {n}"), *full] for n in range(1, 12)]
    bare = _docx(tmp_path / "a.docx", ["Text"])
    bare.with_suffix(".pdf").write_bytes(pages_pdf(pages, LETTER))
    assert [text for _, text in _found(bare, "toc")] == [
        "11 sidor utan innehållsförteckning (inget TOC-fält i DOCX)",
        '11 sidor, ingen innehållsförteckning med "Innehåll" och sidnummer på sidorna 1–3 i PDF']
    listed = _docx(tmp_path / "b.docx", ["Text"], toc=True)
    contents = [(TOP, "Innehåll"), (TOP + 14, "Rubrik 2 ........2"), (TOP + 28, "Rubrik 3 ........ 5")]  # leaders as LibreOffice's
    listed.with_suffix(".pdf").write_bytes(pages_pdf([contents + full[2:], *pages[1:]], LETTER))
    assert _found(listed, "toc") == [(5, 'innehållsförteckningen säger s. 5 för "Rubrik 3", men rubriken står inte där')]
    short = _docx(tmp_path / "c.docx", ["Text"])
    short.with_suffix(".pdf").write_bytes(pages_pdf(pages[:10], LETTER))
    assert _found(short, "toc") == []


@needs_poppler
def test_sibling_bookmarks_with_one_title_are_found(tmp_path):
    docx = _docx(tmp_path / "a.docx", ["Text"])
    full = [(TOP + 12 * i, "Rad") for i in range(40)]
    docx.with_suffix(".pdf").write_bytes(pages_pdf([full, full, full], LETTER, outline=[
        ("Bilaga 5 Vårdval", 0, [("Resultat", 0, []), ("Kostnader", 1, [])]),
        ("Bilaga 6 Annat", 1, [("Resultat", 1, [])]),  # the same title under another parent: not a sibling
        ("Bilaga 5 Vårdval", 2, []),
    ]))
    assert _found(docx, "bookmarks") == [(3, '"Bilaga 5 Vårdval" igen bland syskonen')]


def test_every_check_has_a_test_that_makes_it_fail():
    made_to_fail = {"period-code", "empty-column", "plain-space", "ties", "file-names", "fullness", "appendix-label", "toc", "bookmarks"}
    assert set(CHECKS) == made_to_fail


def test_the_command_prints_the_findings_by_document_and_page(tmp_path, capsys):
    """tools/page_check.py OUT_DIR: each document's findings, the merged PDF's bookmarks too; exit 1 when any."""
    spec = importlib.util.spec_from_file_location("page_check", ROOT / "tools" / "page_check.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    package = tmp_path / "2021-03"
    package.mkdir()
    _docx(package / "bilaga-2-produktionsrapport-2021-03.docx", table=[["Mått", "Framgångsfaktor"], ["Läkarbesök", ""]])
    (package / "rapport-2021-03-med-bilagor.pdf").write_bytes(pages_pdf([[(TOP, "Text")]], LETTER, outline=[("Bilaga 5", 0, []), ("Bilaga 5", 0, [])]))
    assert tool.main([str(tmp_path)]) == 1
    said = capsys.readouterr().out.splitlines()
    assert said == [
        f"== {package}: 2 fynd ==",
        "  bilaga-2-produktionsrapport-2021-03",
        '      s. ?  tom kolumn: kolumnen "Framgångsfaktor" i tabellen "Mått | Framgångsfaktor" vid "Läkarbesök"',
        "  rapport-2021-03-med-bilagor",
        '      s. 1  bokmärken med samma titel: "Bilaga 5" igen bland syskonen',
    ]
    (package / "rapport-2021-03-med-bilagor.pdf").unlink()
    (package / "bilaga-2-produktionsrapport-2021-03.docx").unlink()
    _docx(package / "bilaga-2-produktionsrapport-2021-03.docx", ["Text"])
    assert tool.main([str(package)]) == 0
