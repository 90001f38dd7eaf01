"""Markdown texts become blocks; user text is never code."""

from __future__ import annotations

from reporter.texts import Span, parse_markdown


def test_headings_paragraphs_and_emphasis():
    blocks = parse_markdown("## Rubrik\n\nEn **fet** och *kursiv* mening\nsom fortsätter.\n\n### Under\n\nText.")
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "Rubrik"),
        ("paragraph", 1, "En fet och kursiv mening som fortsätter."),
        ("heading", 2, "Under"),
        ("paragraph", 1, "Text."),
    ]
    assert blocks[1].spans[1] == Span("fet", bold=True)
    assert blocks[1].spans[3] == Span("kursiv", italic=True)


def test_lists_number_separately():
    blocks = parse_markdown("- a\n- b\n\nText\n\n1. ett\n2. två\n\nMer\n\n3. tre\n")
    kinds = [(b.kind, b.text, b.list_id, b.start) for b in blocks]
    assert kinds[:2] == [("bullet", "a", 0, 1), ("bullet", "b", 0, 1)]
    assert kinds[3:5] == [("number", "ett", 1, 1), ("number", "två", 1, 1)]
    assert kinds[6] == ("number", "tre", 2, 3)


def test_nested_list_depth():
    blocks = parse_markdown("- ett\n  - inre\n")
    assert [(b.text, b.level) for b in blocks] == [("ett", 1), ("inre", 2)]


def test_template_code_and_xml_stay_literal():
    blocks = parse_markdown("Summa {{ 7*7 }} och <w:p>x</w:p> & < >\n")
    assert blocks[0].text == "Summa {{ 7*7 }} och <w:p>x</w:p> & < >"


def test_characters_xml_forbids_are_removed():
    blocks = parse_markdown("Inklistrad\x0btext\x01 här")
    assert blocks[0].text == "Inklistradtext här"
