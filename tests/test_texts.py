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


# Markdown the texts do not support is an error naming file and line, not content lost without a word (issue 24, rule 7).

def test_each_unsupported_construct_is_found_at_its_line():
    from reporter.markdown_check import unsupported

    text = (
        "Inledning med en fotnot[^1] och <b>fet</b> text.\n"  # 1
        "\n"
        "| Division | Resultat |\n"  # 3
        "|---|---|\n"
        "| Service | <i>12</i> |\n"
        "\n"
        "- en punkt med ![diagram](bild.png)\n"  # 7
        "\n"
        "<div>\nblock\n</div>\n"  # 9
        "\n"
        "[^1]: Fotnotens text.\n"  # 13
        "\n"
        "Läs [mer](https://norrbotten.se), <https://norrbotten.se> och [hem][1].\n"  # 15
        "\n"
        "[1]: https://region.se\n"  # 17
    )
    found = [(line, message.split(":")[0]) for line, message in unsupported(text)]
    assert found == [
        (1, "HTML (<b>) stöds inte i texterna"),
        (1, "fotnoter stöds inte i texterna"),
        (3, "en tabell stöds inte i texterna"),
        (7, "bilder stöds inte i texterna"),
        (9, "HTML (<div>) stöds inte i texterna"),
        (13, "fotnoter stöds inte i texterna"),
        (15, "länkar stöds inte i texterna"),
        (15, "länkar stöds inte i texterna"),
        (17, "raden läses som en länkdefinition ([1]"),
    ]


def test_what_the_texts_support_and_literal_code_are_not_unsupported():
    from reporter.markdown_check import unsupported

    text = (
        "## Rubrik\n\nEn **fet** och *kursiv* mening med {{ 7*7 }}, <w:p>x</w:p>, a < b och 5 > 3.\n\n"
        "- punkt\n  - inre\n\n1. ett\n\n```\n<b>kod</b> [^2] | a | b |\n```\n"
    )
    assert unsupported(text) == []


def test_a_table_in_a_text_stops_the_build_naming_file_and_line(period):
    """The slip: a table came out as one paragraph of pipes, and a footnote disappeared."""
    from reporter.pipeline import check

    path = period / "texter" / "inledning.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "", "| Division | Resultat |", "|---|---|", "| Service | 12 |", "", "Se not[^1].", "", "[^1]: Noten."]) + "\n",
                    encoding="utf-8")
    found = [str(p) for p in check(period).problems if p.is_error]
    table, reference, note = len(lines) + 2, len(lines) + 6, len(lines) + 8
    assert found == [
        f"texter/inledning.md, rad {table}: en tabell stöds inte i texterna: den skulle bli ett stycke fullt av lodstreck. Skriv innehållet "
        "som stycken eller en punktlista (- Division: belopp); tabellerna med siffror gör rapporten själv ur arbetsböckerna",
        f"texter/inledning.md, rad {reference}: fotnoter stöds inte i texterna: fotnoten [^1] skulle försvinna ur rapporten. "
        "Skriv fotnotens text i löptexten, t.ex. inom parentes",
        f"texter/inledning.md, rad {note}: fotnoter stöds inte i texterna: fotnoten [^1] skulle försvinna ur rapporten. "
        "Skriv fotnotens text i löptexten, t.ex. inom parentes",
    ]
