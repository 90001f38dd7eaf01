"""reporter mallar: each kind of template mistake gives one located finding, all at once."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from docx import Document
from helpers import add_footnote, add_text_box, edit_docx, replace_once

import reporter
from reporter.cli import main
from reporter.commands.check_templates import check_template, template_tags
from reporter.documents import contract_for

MAIN = "regiondirektorens-rapport.docx"
SENTENCE = "Periodens resultat per {{ period|manad_ar }} uppgår till {{ ekonomi.periodens_resultat.utfall|mnkr }}."
TEMPLATE_NAMES = [
    MAIN, "ekonomirapport.docx", "produktionsrapport.docx", "personalrapport.docx", "maluppfyllelse.docx", "investeringsrapport.docx",
    "forsattsblad.docx", "delarsrapport.docx",
]


def planted(tmp_path, *edits):
    """The main template with each (old, new) replaced once in its body, or each (part, old, new) in that part."""
    from conftest import TEMPLATES

    template = TEMPLATES / MAIN
    for edit in edits:
        member, old, new = edit if len(edit) == 3 else ("word/document.xml", *edit)
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


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_shipped_templates_name_only_fonts_with_a_metric_twin(name):
    """A font without a metric-compatible twin on Linux (the python-docx default's Courier) makes a PDF build warn."""
    from conftest import TEMPLATES

    from reporter.pdf import METRIC_COMPATIBLE, docx_fonts

    assert docx_fonts((TEMPLATES / name).read_bytes()) <= set(METRIC_COMPATIBLE)


# --- each kind of mistake, one finding with its place ------------------------------------------


INLEDNING = "{%p if texter.inledning %}"
# Each kind of mistake: the edits that make it (in the body unless a part is named) and the one finding it gives.
MISTAKES = {
    "okänt namn": ([("per {{ period|manad_ar }} uppgår", "per {{ perod|manad_ar }} uppgår")],
                   ("brödtext", "stycke 13", "okänt namn `perod` i {{ perod|manad_ar }}; menade du `period`?")),
    "okänt fält": ([("periodens_resultat.utfall|mnkr }}. Det", "periodens_resultat.utfal|mnkr }}. Det")],
                   ("brödtext", "stycke 13", "`ekonomi.periodens_resultat` har inget `utfal` i {{ ekonomi.periodens_resultat.utfal|mnkr }}; "
                    "menade du `utfall`?")),
    "okänt fält på en loopvariabel i en tabellcell": (
        [("{{ r.budget|mnkr_tal }}", "{{ r.budgett|mnkr_tal }}")],
        ("brödtext", "tabell 1, rad 3, kolumn 3", "`r` har inget `budgett` i {{ r.budgett|mnkr_tal }}; menade du `budget`?")),
    "okänd text": ([("{%p if texter.namnderna %}", "{%p if texter.namnder %}")],
                   ("brödtext", "stycke 92", "`texter` har inget `namnder` i {%p if texter.namnder %}; menade du `namnderna`?")),
    "okänt filter": ([("periodens_resultat.utfall|mnkr }}. Det", "periodens_resultat.utfall|mnrk }}. Det")],
                     ("brödtext", "stycke 13", "okänt filter `mnrk` i {{ ekonomi.periodens_resultat.utfall|mnrk }}; menade du `mnkr`?")),
    "namn som börjar med _": ([("{{ organisation }}</w:t>", "{{ organisation.__class__ }}</w:t>")],
                              ("brödtext", "stycke 3", "`__class__` i {{ organisation.__class__ }}: namn som börjar med _ är inte "
                               "tillåtna i mallar")),
    "block som aldrig stängs": ([("<w:t>{%p endif %}</w:t>", "<w:t></w:t>")],
                                ("brödtext", "stycke 6", f"{INLEDNING} stängs aldrig; lägg till {{%p endif %}} där blocket ska sluta")),
    "slut utan block": ([("<w:t>{%p if bilaga.ekonomirapport %}</w:t>", "<w:t></w:t>")],
                        ("brödtext", "stycke 19", "{%p endif %} har inget `if` att stänga")),
    "korsade block": (  # {%p if bilagor %} {%p for b in bilagor %} … {%p endif %} {%p endfor %}
        [("<w:t>{%p endfor %}</w:t></w:r></w:p><w:p><w:r><w:t>{%p endif %}</w:t>",
          "<w:t>{%p endif %}</w:t></w:r></w:p><w:p><w:r><w:t>{%p endfor %}</w:t>")],
        ("brödtext", "stycke 107", "korsade block: {%p endif %} stänger `if` men {%p for b in bilagor %} (stycke 98) är fortfarande "
         "öppet; stäng det först med {%p endfor %}")),
    "block utan p över två stycken": (
        [(f"<w:t>{INLEDNING}</w:t>", "<w:t>{% if texter.inledning %}</w:t>"), ("<w:t>{%p endif %}</w:t>", "<w:t>{% endif %}</w:t>")],
        ("brödtext", "stycke 11", "{% endif %} stänger {% if texter.inledning %} från brödtext, stycke 6; ett block utan p, tr eller tc "
         "måste börja och sluta i samma stycke; skriv {%p …%} i egna stycken för att visa eller upprepa stycken")),
    "p-block som stängs utan p": ([("<w:t>{%p endif %}</w:t>", "<w:t>{% endif %}</w:t>")],
                                  ("brödtext", "stycke 11", f"{{% endif %}} hör till {INLEDNING} (brödtext, stycke 6) men skrivs inte "
                                   "likadant; skriv {%p endif %}")),
    "celltagg utanför en tabell": ([("{{ organisation }}</w:t>", "{% cellbg 'FF0000' %}{{ organisation }}</w:t>")],
                                   ("brödtext", "stycke 3", "{% cellbg 'FF0000' %} står utanför en tabell; {% cellbg %} gäller en tabellcell")),
    "text som försvinner bredvid {%p": ([(f"<w:t>{INLEDNING}</w:t>", f"<w:t>Inledande ord {INLEDNING}</w:t>")],
                                        ("brödtext", "stycke 6", f"texten ”Inledande ord” i samma stycke som {INLEDNING} försvinner "
                                         "när rapporten byggs; lägg {%p …%}-taggen i ett eget stycke")),
    "text som försvinner bredvid {%tr": ([("{%tr for r in resultat.rader %}", "{%tr for r in resultat.rader %} Rader:")],
                                         ("brödtext", "tabell 1, rad 2, kolumn 1", "texten ”Rader:” i samma tabellrad som {%tr for r in "
                                          "resultat.rader %} försvinner när rapporten byggs; lägg {%tr …%}-taggen i en egen rad")),
    "typografiska citattecken": ([("avvikelse|jamfort('budget')", "avvikelse|jamfort(”budget”)")],
                                 ("brödtext", "stycke 13", "typografiskt citattecken ” i {{ ekonomi.periodens_resultat.avvikelse|"
                                  "jamfort(”budget”) }}; skriv raka citattecken ' eller \" (Word byter dem när ”Ersätt raka "
                                  "citattecken med typografiska” är på i Autokorrigering)")),
    "& i en tagg (sidhuvudet)": ([("word/header1.xml", "{{ dokument.version }}", "{{ dokument.version &amp; dokument.dokument_id }}")],
                                 ("sidhuvud", "tabell 1, rad 2, kolumn 3", "& i {{ dokument.version & dokument.dokument_id }}; "
                                  "Jinja sätter ihop text med ~ och villkor med and")),
    "tagg som inte går att läsa": ([("{{ organisation }}</w:t>", "{{ organisation|mnkr( }}</w:t>")],
                                   ("brödtext", "stycke 3", "{{ organisation|mnkr( }} går inte att läsa: väntade ) men fick }")),
    "okänd tagg": ([("{%p if bilaga.ekonomirapport %}", "{%p iff bilaga.ekonomirapport %}"),
                    ('<w:t>{%p endif %}</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading1"/>',
                     '<w:t></w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading1"/>')],
                   ("brödtext", "stycke 17", "okänd tagg `iff` i {%p iff bilaga.ekonomirapport %}; menade du `if`?")),
    "tagg som inte stängs i sitt stycke": ([("{{ organisation }}</w:t>", "{{ organisation </w:t>")],
                                           ("brödtext", "stycke 3", "taggen ”{{ organisation” stängs inte i samma stycke; skriv }} i "
                                            "slutet av taggen")),
}


@pytest.mark.parametrize("kind", MISTAKES)
def test_each_kind_of_mistake_gives_its_located_finding(kind, tmp_path):
    edits, expected = MISTAKES[kind]
    template = planted(tmp_path, *edits)
    assert findings(template) == [expected]


def test_charts_only_in_the_appendices(tmp_path):
    template = planted(tmp_path, ("{{ organisation }}</w:t>", "{{ diagram.produktion }}</w:t>"))
    assert only(template) == ("brödtext", "stycke 3", "`diagram` i {{ diagram.produktion }} finns bara i bilagornas mallar")
    assert check_template(template, "produktionsrapport.docx") == []
    [problem] = check_template(template, "ekonomirapport.docx")
    assert problem.message == "`diagram` har inget `produktion` i {{ diagram.produktion }}"


# --- findings that bring others -----------------------------------------------------------------


def test_a_row_block_ending_in_another_table(tmp_path):
    """The first table's rows loop ends in the second table (whose own loop is gone: its `b` is unknown too)."""
    template = planted(tmp_path, ("<w:t>{%tr endfor %}</w:t>", "<w:t></w:t>"), ("<w:t>{%tr for b in produktion.belaggning %}</w:t>", "<w:t></w:t>"))
    found = findings(template)
    assert ("brödtext", "tabell 2, rad 4, kolumn 1", "{%tr endfor %} stänger {%tr for r in resultat.rader %} från brödtext, "
            "tabell 1, rad 2, kolumn 1; ett {%tr …%}-block börjar och slutar i samma tabell") in found
    assert all(message.startswith("okänt namn `b` i {{ b.") for _, _, message in found if "stänger" not in message)


def test_a_row_tag_outside_a_table(tmp_path):
    loop = "for o in texter.delarsrapporter.ovriga %}"  # the first loop of the main template: its endfor is the first
    template = planted(tmp_path, ("<w:t>{%p " + loop, "<w:t>{%tr " + loop), ("<w:t>{%p endfor %}", "<w:t>{%tr endfor %}"))
    found = findings(template)
    assert [(f[1], f[2].split(";")[0]) for f in found] == [
        ("stycke 33", "{%tr for o in texter.delarsrapporter.ovriga %} står utanför en tabell"), ("stycke 36", "{%tr endfor %} står utanför en tabell"),
    ]
    assert "i brödtext används {%p …%}" in found[0][2]


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


@pytest.mark.slow  # builds a whole package, 0.2 s CPU
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
    from conftest import bundled_checked

    from reporter.charts import charts_for
    from reporter.documents import APPENDICES
    from reporter.figures import compute
    from reporter.pipeline import template_context

    context = template_context(example_dir)
    _, keys = contract_for(MAIN)
    assert set(keys) == {"texter", "bilaga", "perioder"}
    assert all(tuple(context[name]) == keys[name] for name in keys)
    checked = bundled_checked(example_dir.name)  # check(example_dir), shared
    figures = compute(checked.inputs, checked.config)
    drawn = [(kind, kind.chart_set) for kind in APPENDICES.values() if kind.chart_set]
    assert len(drawn) == 3
    for kind, charts in drawn:
        assert contract_for(kind.template)[1]["diagram"] == charts.names
        assert tuple(charts_for(charts.draw, figures)) == charts.names


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_tags_of_each_template(name, file_regression):
    """Review a template edit here: a tag dropped or changed in Word shows in this list."""
    from conftest import TEMPLATES

    lines = []
    for part, tags in template_tags(TEMPLATES / name):
        lines.append(f"== {part} ==")
        lines += tags
    file_regression.check("\n".join(lines) + "\n", extension=".txt", encoding="utf-8", basename=name.removesuffix(".docx"))


def test_a_file_that_is_no_template_is_a_finding_not_a_traceback(tmp_path):
    from conftest import TEMPLATES

    not_a_docx = tmp_path / "anteckning.docx"
    not_a_docx.write_text("hej", encoding="utf-8")
    broken_styles = edit_docx(TEMPLATES / MAIN, "word/styles.xml", lambda xml: xml[:500], tmp_path / "trasig.docx")
    assert [(p.where.file, p.where.part, p.message.split(":")[0]) for p in check_template(not_a_docx) + check_template(broken_styles)] == [
        ("anteckning.docx", "", "mallen kan inte läsas som Word-dokument"), ("trasig.docx", "formatmallar", "mallens formatmallar kan inte läsas"),
    ]
