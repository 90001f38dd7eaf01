"""Board-ready typography and wording in every document of the bundled packages (issue 26, items 3 and 7).

A number never breaks across lines: a no-break space between its digit groups and before its unit, whether the
figure came from a filter, a unit the template writes after a tag, or a division's text. No document talks
about files or "PDF:en".
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from pagecheck import period_codes, plain_spaces, reader_lines, tool_talk

from reporter.typography import NBSP, bind, bind_numbers


@pytest.mark.parametrize("text, expected", [
    ("2 056 st", "2\u00a0056\u00a0st"),
    ("23 %", "23\u00a0%"),
    ("resultat på −25 mnkr, 1 234 567 kr", "resultat på −25\u00a0mnkr, 1\u00a0234\u00a0567\u00a0kr"),
    ("ökat med 9,2 procent (5 450 mot 6 005)", "ökat med 9,2\u00a0procent (5\u00a0450 mot 6\u00a0005)"),
    ("12 345,6 tkr och 174 årsarbetare", "12\u00a0345,6\u00a0tkr och 174\u00a0årsarbetare"),
])
def test_a_number_is_bound_to_its_groups_and_its_unit(text, expected):
    assert bind(text) == expected


@pytest.mark.parametrize("text", ["mars 2021 100 gånger", "5 stycken", "Bilaga 5 Uppföljning", "sidan 12 av 30", "0920 123 45", "år 2020 och 2021"])
def test_other_spaces_are_left_as_they_were(text):
    assert bind(text) == text


def test_a_space_in_another_run_than_the_number_is_bound():
    """``{{ x|mnkr_tal }} mnkr``: the unit the template writes after a tag sits in a run of its own."""
    from docx.oxml.ns import qn

    document = Document()
    paragraph = document.add_paragraph("Resultatet är ")
    paragraph.add_run("1 8")
    paragraph.add_run("86")
    paragraph.add_run(" mnkr, jämfört med 23")
    paragraph.add_run(" %.")
    bind_numbers([document.element.body])
    assert paragraph.text == "Resultatet är 1\u00a0886\u00a0mnkr, jämfört med 23\u00a0%."
    assert [r.text for r in paragraph.runs] == ["Resultatet är ", "1\u00a08", "86", "\u00a0mnkr, jämfört med 23", "\u00a0%."]
    assert all(t.text for t in paragraph._p.iter(qn("w:t")))


def _documents(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.docx"))


@pytest.fixture(scope="module")
def packages(bundled_packages) -> list[Path]:
    """The four bundled packages (conftest.bundled_packages)."""
    return bundled_packages


def _found(packages: list[Path], check) -> list[str]:
    """Every place in the packages' documents that a check of tests/pagecheck.py finds, with its document and context."""
    return [f"{document.name}: {place}" for folder in packages for document in _documents(folder) for place in check(reader_lines(document))]


@pytest.mark.slow  # reads every paragraph of the four bundled packages (three more built than March), 0.6 s CPU
def test_no_number_in_a_bundled_document_can_break_across_lines(packages):
    assert _found(packages, plain_spaces) == []
    assert NBSP in "".join(reader_lines(_documents(packages[0])[0]))


@pytest.mark.slow  # reads every paragraph of the four bundled packages (three more built than March), 0.6 s CPU
def test_no_bundled_document_names_a_file_or_a_pdf(packages):
    assert _found(packages, tool_talk) == []


def test_no_template_hyphenates_words_automatically():
    """Numbers and names are never split by a hyphen at the end of a line: automatic hyphenation stays off."""
    from conftest import TEMPLATES

    for template in sorted(TEMPLATES.glob("*.docx")):
        with zipfile.ZipFile(template) as archive:
            settings = archive.read("word/settings.xml").decode("utf-8")
        assert "autoHyphenation" not in settings or 'autoHyphenation w:val="0"' in settings or 'autoHyphenation w:val="false"' in settings, template.name


@pytest.mark.slow  # reads every paragraph of the four bundled packages (three more built than March), 0.6 s CPU
def test_no_table_names_a_period_by_its_code(packages):
    """Period columns are named in Swedish (``jan–mar 2021``), never as ``202103–202003`` (issue 26, item 1)."""
    assert _found(packages, period_codes) == []
