"""reporter mallar: each kind of template mistake gives one located finding, all at once."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from docx import Document

import reporter
from reporter.cli import main
from reporter.context import contract_for
from reporter.templatecheck import check_template, template_tags

from helpers import add_footnote, add_text_box, edit_docx, replace_once

MAIN = "regiondirektorens-rapport.docx"
SENTENCE = "Periodens resultat per {{ period|manad_ar }} uppgår till {{ ekonomi.periodens_resultat.utfall|mnkr }}."
TEMPLATE_NAMES = [MAIN, "ekonomirapport.docx", "produktionsrapport.docx", "personalrapport.docx", "maluppfyllelse.docx"]


def planted(tmp_path, *edits, member: str = "word/document.xml"):
    """The main template with each (old, new) replaced once in one of its parts."""
    from conftest import TEMPLATES

    template = TEMPLATES / MAIN
    for old, new in edits:
        template = edit_docx(template, member, replace_once(old, new), tmp_path / MAIN)
    return template


def findings(template) -> list[tuple[str, str, str]]:
    return [(p.where.part, p.where.place, p.message) for p in check_template(template)]


def only(template) -> tuple[str, str, str]:
    found = findings(template)
    assert len(found) == 1, found
    return found[0]


def test_the_shipped_templates_have_no_findings():
    from conftest import TEMPLATES

    checked = reporter.check_templates(templates_dir=TEMPLATES)
    assert [t.name for t in checked.templates] == TEMPLATE_NAMES
    assert checked.problems == []


# --- names, attributes, filters ---------------------------------------------------------------


def test_an_unknown_name(tmp_path):
    template = planted(tmp_path, ("per {{ period|manad_ar }} uppgår", "per {{ perod|manad_ar }} uppgår"))
    assert only(template) == ("brödtext", "stycke 13", "okänt namn `perod` i {{ perod|manad_ar }}; menade du `period`?")


def test_an_unknown_attribute(tmp_path):
    template = planted(tmp_path, ("periodens_resultat.utfall|mnkr }}. Det", "periodens_resultat.utfal|mnkr }}. Det"))
    assert only(template) == ("brödtext", "stycke 13", "`ekonomi.periodens_resultat` har inget `utfal` i "
                              "{{ ekonomi.periodens_resultat.utfal|mnkr }}; menade du `utfall`?")


def test_an_unknown_attribute_of_a_loop_variable_in_a_table_cell(tmp_path):
    template = planted(tmp_path, ("{{ r.budget|mnkr_tal }}", "{{ r.budgett|mnkr_tal }}"))
    assert only(template) == ("brödtext", "tabell 1, rad 3, kolumn 3",
                              "`r` har inget `budgett` i {{ r.budgett|mnkr_tal }}; menade du `budget`?")


def test_an_unknown_text_or_appendix(tmp_path):
    template = planted(tmp_path, ("{%p if texter.namnderna %}", "{%p if texter.namnder %}"))
    assert only(template)[2] == "`texter` har inget `namnder` i {%p if texter.namnder %}; menade du `namnderna`?"


def test_an_unknown_filter(tmp_path):
    template = planted(tmp_path, ("periodens_resultat.utfall|mnkr }}. Det", "periodens_resultat.utfall|mnrk }}. Det"))
    assert only(template) == ("brödtext", "stycke 13", "okänt filter `mnrk` i {{ ekonomi.periodens_resultat.utfall|mnrk }}; "
                              "menade du `mnkr`?")


def test_charts_only_in_the_appendices(tmp_path):
    template = planted(tmp_path, ("{{ organisation }}</w:t>", "{{ diagram.produktion }}</w:t>"))
    assert only(template) == ("brödtext", "stycke 3", "`diagram` i {{ diagram.produktion }} finns bara i bilagornas mallar")
    assert check_template(template, "produktionsrapport.docx") == []
    [problem] = check_template(template, "ekonomirapport.docx")
    assert problem.message == "`diagram` har inget `produktion` i {{ diagram.produktion }}"


def test_an_attribute_starting_with_an_underscore_is_not_allowed(tmp_path):
    template = planted(tmp_path, ("{{ organisation }}</w:t>", "{{ organisation.__class__ }}</w:t>"))
    assert only(template)[2] == "`__class__` i {{ organisation.__class__ }}: namn som börjar med _ är inte tillåtna i mallar"


# --- blocks ------------------------------------------------------------------------------------


def test_an_unclosed_block(tmp_path):
    template = planted(tmp_path, ("<w:t>{%p endif %}</w:t>", "<w:t></w:t>"))
    assert only(template) == ("brödtext", "stycke 6", "{%p if texter.inledning %} stängs aldrig; lägg till {%p endif %} "
                              "där blocket ska sluta")


def test_an_end_without_a_block(tmp_path):
    template = planted(tmp_path, ("<w:t>{%p if bilaga.ekonomirapport %}</w:t>", "<w:t></w:t>"))
    assert only(template) == ("brödtext", "stycke 19", "{%p endif %} har inget `if` att stänga")


def test_crossed_blocks(tmp_path):
    """{%p if bilagor %} {%p for b in bilagor %} … {%p endif %} {%p endfor %}: one mistake, one finding."""
    template = planted(tmp_path, ("<w:t>{%p endfor %}</w:t></w:r></w:p><w:p><w:r><w:t>{%p endif %}</w:t>",
                                  "<w:t>{%p endif %}</w:t></w:r></w:p><w:p><w:r><w:t>{%p endfor %}</w:t>"))
    assert only(template) == ("brödtext", "stycke 59", "korsade block: {%p endif %} stänger `if` men {%p for b in bilagor %} "
                              "(stycke 57) är fortfarande öppet; stäng det först med {%p endfor %}")


def test_a_block_of_plain_tags_over_two_paragraphs(tmp_path):
    template = planted(tmp_path, ("<w:t>{%p if texter.inledning %}</w:t>", "<w:t>{% if texter.inledning %}</w:t>"),
                       ("<w:t>{%p endif %}</w:t>", "<w:t>{% endif %}</w:t>"))
    assert only(template) == ("brödtext", "stycke 11", "{% endif %} stänger {% if texter.inledning %} från brödtext, stycke 6; "
                              "ett block utan p, tr eller tc måste börja och sluta i samma stycke; skriv {%p …%} i egna stycken "
                              "för att visa eller upprepa stycken")


def test_a_block_opened_with_p_and_closed_without(tmp_path):
    template = planted(tmp_path, ("<w:t>{%p endif %}</w:t>", "<w:t>{% endif %}</w:t>"))
    assert only(template)[2] == ("{% endif %} hör till {%p if texter.inledning %} (brödtext, stycke 6) men skrivs inte likadant; "
                                 "skriv {%p endif %}")


def test_a_row_block_ending_in_another_table(tmp_path):
    """The first table's rows loop ends in the second table (whose own loop is gone: its `b` is unknown too)."""
    template = planted(tmp_path, ("<w:t>{%tr endfor %}</w:t>", "<w:t></w:t>"), ("<w:t>{%tr for b in produktion.belaggning %}</w:t>", "<w:t></w:t>"))
    found = findings(template)
    assert ("brödtext", "tabell 2, rad 4, kolumn 1", "{%tr endfor %} stänger {%tr for r in ekonomi.rader %} från brödtext, "
            "tabell 1, rad 2, kolumn 1; ett {%tr …%}-block börjar och slutar i samma tabell") in found
    assert all(message.startswith("okänt namn `b` i {{ b.") for _, _, message in found if "stänger" not in message)


# --- {%p, {%tr, {%tc where they cannot work ---------------------------------------------------


def test_a_row_tag_outside_a_table(tmp_path):
    template = planted(tmp_path, ("<w:t>{%p for m in produktion.matt %}", "<w:t>{%tr for m in produktion.matt %}"),
                       ("<w:t>{%p endfor %}", "<w:t>{%tr endfor %}"))
    found = findings(template)
    assert [(f[1], f[2].split(";")[0]) for f in found] == [
        ("stycke 23", "{%tr for m in produktion.matt %} står utanför en tabell"), ("stycke 25", "{%tr endfor %} står utanför en tabell"),
    ]
    assert "i brödtext används {%p …%}" in found[0][2]


def test_a_cell_tag_outside_a_table(tmp_path):
    template = planted(tmp_path, ("{{ organisation }}</w:t>", "{% cellbg 'FF0000' %}{{ organisation }}</w:t>"))
    assert only(template)[2] == "{% cellbg 'FF0000' %} står utanför en tabell; {% cellbg %} gäller en tabellcell"


def test_text_that_would_vanish_beside_a_paragraph_tag(tmp_path):
    template = planted(tmp_path, ("<w:t>{%p if texter.inledning %}</w:t>", "<w:t>Inledande ord {%p if texter.inledning %}</w:t>"))
    assert only(template) == ("brödtext", "stycke 6", "texten ”Inledande ord” i samma stycke som {%p if texter.inledning %} "
                              "försvinner när rapporten byggs; lägg {%p …%}-taggen i ett eget stycke")


def test_text_that_would_vanish_beside_a_row_tag(tmp_path):
    template = planted(tmp_path, ("{%tr for r in ekonomi.rader %}", "{%tr for r in ekonomi.rader %} Rader:"))
    assert only(template)[2].startswith("texten ”Rader:” i samma tabellrad som {%tr for r in ekonomi.rader %} försvinner")


# --- where tags do nothing ---------------------------------------------------------------------


def _with_python_docx(tmp_path, change):
    from conftest import TEMPLATES

    document = Document(TEMPLATES / MAIN)
    change(document)
    path = tmp_path / MAIN
    document.save(path)
    return path


def test_a_tag_in_a_comment(tmp_path):
    def comment(document):
        document.add_comment(document.paragraphs[3].runs, text="Ska det stå {{ period|manad_ar }} här?", author="Mallägare")

    assert only(_with_python_docx(tmp_path, comment)) == (
        "kommentarer", "kommentar 1", "{{ period|manad_ar }} står i en kommentar, där taggar inte fungerar; "
        "flytta taggen till brödtexten, en tabell, sidhuvudet eller sidfoten")


def test_a_tag_in_a_text_box(tmp_path):
    template = _with_python_docx(tmp_path, lambda document: add_text_box(document.paragraphs[3], "Period: {{ period|manad_ar }}"))
    assert only(template)[:2] == ("brödtext", "stycke 4, textruta 1")
    assert "står i en textruta, där taggar inte fungerar" in only(template)[2]


def test_a_tag_in_a_footnote(tmp_path):
    template = _with_python_docx(tmp_path, lambda document: add_footnote(document, document.paragraphs[3], "Källa {{ organisation }}"))
    assert only(template)[:2] == ("fotnoter", "fotnot 1")
    assert only(template)[2].startswith("{{ organisation }} står i en fotnot, där taggar inte fungerar")


# --- how tags are written ----------------------------------------------------------------------


def test_curly_quotes_in_a_tag(tmp_path):
    template = planted(tmp_path, ("avvikelse|jamfort('budget')", "avvikelse|jamfort(”budget”)"))
    assert only(template) == ("brödtext", "stycke 13", "typografiskt citattecken ” i {{ ekonomi.periodens_resultat.avvikelse|"
                              "jamfort(”budget”) }}; skriv raka citattecken ' eller \" (Word byter dem när ”Ersätt raka citattecken "
                              "med typografiska” är på i Autokorrigering)")


def test_an_ampersand_in_a_tag(tmp_path):
    template = planted(tmp_path, ("{{ dokument.version }}", "{{ dokument.version &amp; dokument.dokument_id }}"), member="word/header1.xml")
    assert only(template) == ("sidhuvud", "tabell 1, rad 2, kolumn 3",
                              "& i {{ dokument.version & dokument.dokument_id }}; Jinja sätter ihop text med ~ och villkor med and")


def test_a_tag_that_does_not_parse(tmp_path):
    template = planted(tmp_path, ("{{ organisation }}</w:t>", "{{ organisation|mnkr( }}</w:t>"))
    assert only(template) == ("brödtext", "stycke 3", "{{ organisation|mnkr( }} går inte att läsa: väntade ) men fick }")


def test_an_unknown_tag(tmp_path):
    template = planted(tmp_path, ("{%p if bilaga.ekonomirapport %}", "{%p iff bilaga.ekonomirapport %}"),
                       ("<w:t>{%p endif %}</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>",
                        "<w:t></w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>"))
    assert only(template) == ("brödtext", "stycke 17", "okänd tagg `iff` i {%p iff bilaga.ekonomirapport %}; menade du `if`?")


def test_a_tag_not_closed_in_its_paragraph(tmp_path):
    template = planted(tmp_path, ("{{ organisation }}</w:t>", "{{ organisation </w:t>"))
    assert only(template) == ("brödtext", "stycke 3", "taggen ”{{ organisation” stängs inte i samma stycke; skriv }} i slutet av taggen")


# --- all at once, in the CLI and in the build ------------------------------------------------------


def test_two_mistakes_give_two_findings(tmp_path):
    template = planted(tmp_path, ("per {{ period|manad_ar }} uppgår", "per {{ perod|manad_ar }} uppgår"),
                       ("<w:t>{%p endif %}</w:t>", "<w:t></w:t>"))
    assert [(place, message.split(";")[0]) for _, place, message in findings(template)] == [
        ("stycke 6", "{%p if texter.inledning %} stängs aldrig"), ("stycke 13", "okänt namn `perod` i {{ perod|manad_ar }}"),
    ]


THREE = (("per {{ period|manad_ar }} uppgår", "per {{ perod|manad_ar }} uppgår"),
         ("<w:t>{%p endif %}</w:t>", "<w:t></w:t>"),
         ("avvikelse|jamfort('budget')", "avvikelse|jamfort(’budget’)"))


def test_reporter_mallar_shows_every_finding_and_exits_1(tmp_path):
    template = planted(tmp_path, *THREE)
    result = CliRunner().invoke(main, ["mallar", str(template)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:2] == ["Det finns 3 fel i mallarna:", f"  {MAIN}"]
    assert lines[2].startswith("    FEL: brödtext, stycke 6: {%p if texter.inledning %} stängs aldrig")
    assert lines[3].startswith("    FEL: brödtext, stycke 13: typografiskt citattecken ’")
    assert lines[4] == "    FEL: brödtext, stycke 13: okänt namn `perod` i {{ perod|manad_ar }}; menade du `period`?"
    assert len(lines) == 5


def test_reporter_mallar_by_name_in_a_templates_folder(tmp_path):
    from conftest import TEMPLATES

    runner = CliRunner()
    good = runner.invoke(main, ["mallar", "ekonomirapport", "--templates", str(TEMPLATES)])
    assert (good.exit_code, good.output) == (0, "Inga fel i 1 mall: ekonomirapport.docx\n")
    unknown = runner.invoke(main, ["mallar", "ekonomirapprt", "--templates", str(TEMPLATES)])
    assert unknown.exit_code == 1 and "mallen ekonomirapprt finns inte" in unknown.output and "menade du `ekonomirapport`?" in unknown.output


def test_build_checks_the_templates_first_and_fails_the_same_way(example_dir, tmp_path):
    templates = _templates_with(tmp_path, *THREE)
    result = CliRunner().invoke(main, ["build", str(example_dir), "--out", str(tmp_path / "ut"), "--templates", str(templates)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Det finns 3 fel som måste rättas:"
    assert lines[1:] == CliRunner().invoke(main, ["mallar", "--templates", str(templates)]).output.splitlines()[1:]
    assert len(lines) == 5 and all(len(line) < 300 for line in lines)  # a line per finding, no pages of template text
    assert not (tmp_path / "ut").exists()


def _templates_with(tmp_path, *edits):
    from conftest import TEMPLATES

    folder = tmp_path / "mallar"
    shutil.copytree(TEMPLATES, folder)
    (folder / MAIN).unlink()
    edited = tmp_path / "redigerad"
    edited.mkdir()
    shutil.copy(planted(edited, *edits), folder / MAIN)
    return folder


# --- the contract and the tags of each template ----------------------------------------------------


def test_the_dictionaries_keys_are_those_of_the_bundled_period(example_dir):
    from reporter.charts import CHART_NAMES, charts_for
    from reporter.figures import compute
    from reporter.pipeline import check, template_context

    context = template_context(example_dir)
    _, keys = contract_for(MAIN)
    assert set(keys) == {"texter", "bilaga"}
    assert tuple(context["texter"]) == keys["texter"] and tuple(context["bilaga"]) == keys["bilaga"]
    checked = check(example_dir)
    figures = compute(checked.inputs, checked.config)
    for kind, names in CHART_NAMES.items():
        assert contract_for(f"{kind}.docx")[1]["diagram"] == names
        assert tuple(charts_for(kind, figures)) == names


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_tags_of_each_template(name, file_regression):
    """Review a template edit here: a tag dropped or changed in Word shows in this list."""
    from conftest import TEMPLATES

    lines = []
    for part, tags in template_tags(TEMPLATES / name):
        lines.append(f"== {part} ==")
        lines += tags
    file_regression.check("\n".join(lines) + "\n", extension=".txt", encoding="utf-8", basename=name.removesuffix(".docx"))
