"""Templates saved by Word or LibreOffice build: styles by id or name, tags split over runs.

Each case edits a bundled template the way an editor saves it and checks
that the rendered document reads exactly as the one from the template as
shipped, and that `reporter mallar` finds nothing wrong with it.
"""

from __future__ import annotations

import pytest
from helpers import dump_docx, edit_docx, needs_soffice, replace_once

from reporter.commands.check_templates import check_template
from reporter.pdf import convert
from reporter.pipeline import template_context
from reporter.render import render_docx

MAIN = "regiondirektorens-rapport.docx"
PROPERTIES = {"titel": "Regiondirektörens rapport mars 2021"}
SENTENCE = "Periodens resultat per {{ period|manad_ar }} uppgår till {{ ekonomi.periodens_resultat.utfall|mnkr }}."
RUN = '</w:t></w:r>{}<w:r><w:t xml:space="preserve">'  # ends the run holding a tag, puts XML between, starts the next


@pytest.fixture(scope="module")
def context():
    from conftest import EXAMPLE

    return template_context(EXAMPLE)


@pytest.fixture(scope="module")
def shipped(context, tmp_path_factory):
    """The main report's text as rendered from the template as shipped."""
    from conftest import TEMPLATES

    out = tmp_path_factory.mktemp("shipped") / MAIN
    out.write_bytes(render_docx(TEMPLATES / MAIN, context, PROPERTIES))
    return dump_docx(out)


def _rendered_text(template, context, tmp_path) -> str:
    out = tmp_path / "rendered.docx"
    out.write_bytes(render_docx(template, context, PROPERTIES))
    return dump_docx(out)


AMOUNT, MONTH = "{{ ekonomi.periodens_resultat.utfall|mnkr }}", "{{ period|manad_ar }}"
DATE = 'w:author="Mallägare" w:date="2021-04-01T10:00:00Z"'
# The tag, and the tag as an editor saved it: split over runs with other XML between the pieces.
SPLITS = {
    "rättstavningsmarkeringar": (AMOUNT, "{{ ekonomi." + RUN.format('<w:proofErr w:type="spellStart"/>') + "periodens_resultat"
                                 + RUN.format('<w:proofErr w:type="spellEnd"/>') + ".utfall|mnkr }}"),
    "bokmärke": (MONTH, "{{ period" + RUN.format('<w:bookmarkStart w:id="7" w:name="_Hlk1"/>') + "|manad_ar }}"
                 + RUN.format('<w:bookmarkEnd w:id="7"/>')),
    "sidbrytning från senaste layouten": (MONTH, "{{ period|" + RUN.replace("<w:t ", "<w:lastRenderedPageBreak/><w:t ").format("")
                                          + "manad_ar }}"),
    "fältkod": (AMOUNT, "{{ ekonomi.periodens_resultat." + RUN.format(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD x </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>utf</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    ) + "all|mnkr }}"),
    # an insertion that goes on past the tag's end, and a deletion inside it
    "spårade ändringar": (AMOUNT + ".", "{{ ekonomi." + RUN.format(
        f'<w:del w:id="2" {DATE}><w:r><w:delText>XX}}}} {{%</w:delText></w:r></w:del>'
        f'<w:ins w:id="1" {DATE}><w:r><w:t>periodens_resultat.utfall|mnkr }}}}.</w:t></w:r></w:ins>'
    )),
    # a smart tag (or content control) holding the tag's end and the text after it
    "smarttagg": (AMOUNT + ".", "{{ ekonomi.periodens_" + RUN.format(
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
        '<w:r><w:t xml:space="preserve">resultat.utfall|mnkr }}.</w:t></w:r></w:smartTag>'
    )),
    "klamrarna i var sin körning": (MONTH, "{" + RUN.format("") + "{ period|manad_ar }" + RUN.format("") + "}"),
    "formatering mitt i taggen": (MONTH, "{{ per" + RUN.format('<w:r><w:rPr><w:b/></w:rPr><w:t>iod|ma</w:t></w:r>') + "nad_ar }}"),
}


@pytest.mark.parametrize("case", SPLITS)
def test_a_tag_split_over_runs_builds_the_same_text(case, context, shipped, tmp_path):
    from conftest import TEMPLATES

    tag, split = SPLITS[case]
    sentence = SENTENCE.replace(tag, split)
    template = edit_docx(TEMPLATES / MAIN, "word/document.xml", replace_once(SENTENCE, sentence), tmp_path / MAIN)
    assert check_template(template) == []
    assert _rendered_text(template, context, tmp_path) == shipped


def test_every_kind_of_split_at_once_in_a_paragraph_tag(context, shipped, tmp_path):
    """{%p … %} tags need the whole paragraph: proofing, bookmark, revision and field in one tag."""
    from conftest import TEMPLATES

    split = (
        "{%p " + RUN.format('<w:proofErr w:type="gramStart"/>') + "if"
        + RUN.format('<w:proofErr w:type="gramEnd"/><w:bookmarkStart w:id="3" w:name="_GoBack"/>')
        + " texter." + RUN.format(f'<w:ins w:id="9" {DATE}><w:r><w:t>inled</w:t></w:r></w:ins>')
        + "ning %" + RUN.format('<w:bookmarkEnd w:id="3"/>') + "}"
    )
    template = edit_docx(TEMPLATES / MAIN, "word/document.xml",
                         replace_once("<w:t>{%p if texter.inledning %}</w:t>", f"<w:t>{split}</w:t>"), tmp_path / MAIN)
    assert check_template(template) == []
    assert _rendered_text(template, context, tmp_path) == shipped


def test_tracked_changes_outside_tags_are_accepted(context, shipped, tmp_path):
    """The document built reads as the template with its changes accepted, and carries no revisions."""
    from conftest import TEMPLATES

    template = edit_docx(TEMPLATES / MAIN, "word/document.xml", replace_once(
        "<w:t>Rapport till regionstyrelsen</w:t></w:r>",
        f'<w:t>Rapport till </w:t></w:r><w:del w:id="4" {DATE}><w:r><w:delText>landstings</w:delText></w:r></w:del>'
        f'<w:ins w:id="5" {DATE}><w:r><w:t>regionstyrelsen</w:t></w:r></w:ins>',
    ), tmp_path / MAIN)
    out = tmp_path / "rendered.docx"
    out.write_bytes(render_docx(template, context, PROPERTIES))
    assert dump_docx(out) == shipped
    import zipfile

    body = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "<w:ins " not in body and "<w:del " not in body


# --- styles -----------------------------------------------------------------------------------


def _styles_renamed(tmp_path, *edits) -> object:
    from conftest import TEMPLATES

    template = TEMPLATES / MAIN
    for old, new in edits:
        template = edit_docx(template, "word/styles.xml", replace_once(old, new), tmp_path / MAIN)
    return template


def test_styles_named_as_libreoffice_names_them(context, shipped, tmp_path):
    """LibreOffice writes `Heading 2` where Word writes `heading 2`."""
    template = _styles_renamed(tmp_path, ('<w:name w:val="heading 2"/>', '<w:name w:val="Heading 2"/>'),
                               ('<w:name w:val="heading 3"/>', '<w:name w:val="Heading 3"/>'))
    assert check_template(template) == []
    assert _rendered_text(template, context, tmp_path) == shipped


def test_styles_with_ids_a_swedish_word_gives_them(context, shipped, tmp_path):
    """A Swedish Word names the id `Rubrik2` (and uses it everywhere); the name is still `heading 2`."""
    from conftest import TEMPLATES

    template = TEMPLATES / MAIN
    for member in ("word/styles.xml", "word/document.xml"):
        template = edit_docx(template, member, lambda xml: xml.replace('w:val="Heading2"', 'w:val="Rubrik2"')
                             .replace('w:styleId="Heading2"', 'w:styleId="Rubrik2"'), tmp_path / MAIN)
    assert check_template(template) == []
    assert _rendered_text(template, context, tmp_path) == shipped


def test_a_missing_style_is_named_by_the_check(tmp_path):
    template = _styles_renamed(tmp_path, ('w:styleId="Heading3"', 'w:styleId="Egen"'), ('<w:name w:val="heading 3"/>', '<w:name w:val="Egen"/>'))
    problems = check_template(template)
    assert [(p.where.file, p.where.part) for p in problems] == [(MAIN, "formatmallar")]
    assert "formatmallen ”Heading 3” saknas" in problems[0].message and "rubriker" in problems[0].message


# --- LibreOffice -------------------------------------------------------------------------------


@needs_soffice
def test_every_template_resaved_by_libreoffice_builds_the_same_text(tmp_path):
    """Open and save each template in LibreOffice Writer (headless); the package reads the same."""
    from conftest import EXAMPLE, TEMPLATES

    import reporter
    from reporter.pdf import find_soffice

    shipped = {p.name: p.read_bytes() for p in sorted(TEMPLATES.glob("*.docx"))}
    resaved = convert(shipped, find_soffice(), to="docx")
    assert sorted(resaved) == sorted(shipped) and resaved != shipped
    folder = tmp_path / "libreoffice"
    folder.mkdir()
    for name, data in resaved.items():
        (folder / name).write_bytes(data)
    assert reporter.check_templates(templates_dir=folder).problems == []
    before = reporter.build(EXAMPLE, tmp_path / "före", TEMPLATES)
    after = reporter.build(EXAMPLE, tmp_path / "efter", folder)
    documents = [p.name for p in before.files if p.suffix == ".docx"]
    assert len(documents) == 6  # the report, four appendices and the cover page of the external one
    for name in documents:
        assert dump_docx(after.out_dir / name) == dump_docx(before.out_dir / name), name
