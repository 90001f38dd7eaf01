"""The PDF path: every document through one LibreOffice run, and one merged PDF.

These tests need LibreOffice. Where it is missing they are skipped, except
when REPORTER_PDF_TESTS=1 (set by CI), where a missing LibreOffice fails.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import needs_soffice
from pypdf import PdfReader

from reporter.cli import main

DOCUMENT_ID = "ARBGRP870-1356963637-81"


@pytest.fixture(scope="module")
def pdf_package(example_pdf_package):
    return example_pdf_package


@needs_soffice
def test_every_docx_has_its_pdf_with_the_id_and_right_page_numbers_on_every_page(pdf_package):
    docx = sorted(p.stem for p in pdf_package.glob("*.docx"))
    assert len(docx) == 6  # with the external appendix's cover page
    for stem in docx:
        pages = PdfReader(pdf_package / f"{stem}.pdf").pages
        assert len(pages) >= (1 if stem.endswith("forsattsblad") else 2)
        for number, page in enumerate(pages, 1):
            text = page.extract_text()
            assert DOCUMENT_ID in text, (stem, number)
            assert f"Sida {number} ({len(pages)})" in text, (stem, number)


@needs_soffice
def test_the_merged_pdf_is_the_package_in_list_order(pdf_package):
    merged = PdfReader(pdf_package / "regiondirektorens-rapport-2021-03-med-bilagor.pdf").pages
    parts = [
        "regiondirektorens-rapport-2021-03.pdf", "bilaga-1-ekonomirapport-2021-03.pdf", "bilaga-2-produktionsrapport-2021-03.pdf",
        "bilaga-3-personalrapport-2021-03.pdf", "bilaga-4-maluppfyllelse-2021-03.pdf",
        "bilaga-5-uppfoljning-vardval-primarvard-mars-2021-forsattsblad.pdf", "bilaga-5-uppfoljning-vardval-primarvard-mars-2021.pdf",
    ]
    counts = [len(PdfReader(pdf_package / name).pages) for name in parts]
    assert len(merged) == sum(counts)
    first_pages = [sum(counts[:i]) for i in range(len(parts))]
    assert "Regiondirektörens rapport" in merged[first_pages[0]].extract_text()
    assert "Ekonomirapport mars 2021" in merged[first_pages[1]].extract_text()
    assert "Personalrapport mars 2021" in merged[first_pages[3]].extract_text()
    assert "Måluppfyllelse mars 2021" in merged[first_pages[4]].extract_text()
    assert "Bilaga 5 till Regiondirektörens rapport mars 2021" in merged[first_pages[5]].extract_text()  # the cover page
    assert "Uppföljning Vårdval primärvård mars 2021" in merged[first_pages[6]].extract_text()  # the appendix as delivered
    manifest = json.loads((pdf_package / "manifest.json").read_text(encoding="utf-8"))
    assert {o["fil"] for o in manifest["utdata"]} >= {*parts, "regiondirektorens-rapport-2021-03-med-bilagor.pdf"}


def test_a_missing_libreoffice_is_said_plainly(example_dir, tmp_path):
    result = CliRunner().invoke(main, ["build", str(example_dir), "--out", str(tmp_path), "--pdf", "--soffice", str(tmp_path / "soffice")])
    assert result.exit_code == 1
    assert "--soffice" in result.output and "går inte att köra" in result.output
    assert not list(tmp_path.iterdir())  # nothing written


def test_no_libreoffice_on_path(example_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "tom"))
    result = CliRunner().invoke(main, ["build", str(example_dir), "--out", str(tmp_path / "ut"), "--pdf"])
    assert result.exit_code == 1
    assert "LibreOffice (soffice) hittas inte, så PDF kan inte skapas" in result.output
