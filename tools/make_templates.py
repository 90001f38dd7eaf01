"""Write the first version of the Word templates in templates/.

The templates are ordinary Word documents with Jinja tags; template owners
change them in Word from here on. This script records how the first version
was made (styles, page setup, header block) and can make it again:

    python tools/make_templates.py

It overwrites the templates in templates/.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
BODY_FONT = "Cambria"
HEADING_FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_FILL = "DCE3EC"
GRID = "8A9BB0"


# --- page, styles -----------------------------------------------------------


def setup_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin, section.bottom_margin = Cm(3.9), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)


def _font(style, name: str, size: float, bold: bool | None = None, color: RGBColor | None = None) -> None:
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    style.font.color.rgb = color or RGBColor(0, 0, 0)


def setup_styles(document) -> None:
    styles = document.styles
    # Swedish language for spelling and hyphenation, on every run.
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    lang = lang if lang is not None else OxmlElement("w:lang")
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    lang.set(qn("w:bidi"), "ar-SA")
    if lang.getparent() is None:
        defaults.append(lang)

    normal = styles["Normal"]
    _font(normal, BODY_FONT, 11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    for name, size, before, after in (("Heading 1", 16, 18, 6), ("Heading 2", 13, 14, 4), ("Heading 3", 11.5, 10, 3), ("Heading 4", 11, 8, 2)):
        style = styles[name]
        _font(style, HEADING_FONT, size, True, ACCENT if name == "Heading 1" else None)
        style.font.italic = name == "Heading 4"
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True

    _font(styles["Title"], HEADING_FONT, 30, True, ACCENT)
    styles["Title"].paragraph_format.space_before = Pt(120)
    styles["Title"].paragraph_format.space_after = Pt(12)
    border = styles["Title"].element.get_or_add_pPr().find(qn("w:pBdr"))
    if border is not None:
        border.getparent().remove(border)
    _font(styles["Subtitle"], HEADING_FONT, 18, False, ACCENT)
    styles["Subtitle"].font.italic = False
    styles["Subtitle"].paragraph_format.space_after = Pt(48)

    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
        styles[name].paragraph_format.space_after = Pt(3)

    header = styles["Header"]
    _font(header, HEADING_FONT, 8)
    tabs = header.element.get_or_add_pPr().find(qn("w:tabs"))
    if tabs is not None:  # the default centre and right tabs stop short of our margin
        tabs.getparent().remove(tabs)

    def add(name: str, base: str, size: float, **kwargs) -> None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        _font(style, kwargs.get("font", HEADING_FONT), size, kwargs.get("bold"), kwargs.get("color"))
        style.paragraph_format.space_before = Pt(kwargs.get("before", 0))
        style.paragraph_format.space_after = Pt(kwargs.get("after", 0))
        style.paragraph_format.line_spacing = 1.0
        style.quick_style = True

    add("Sidhuvud etikett", "Header", 6.5, bold=True, color=RGBColor(0x44, 0x44, 0x44))
    add("Sidhuvud värde", "Header", 8.5)
    add("Tabelltext", "Normal", 9, font=BODY_FONT, before=1, after=1)
    add("Tabellrubrik", "Normal", 8.5, bold=True, before=1, after=1)
    add("Underskrift", "Normal", 11, font=BODY_FONT, before=0, after=0)
    add("Källa", "Normal", 8, font=BODY_FONT, before=2, after=10, color=RGBColor(0x55, 0x55, 0x55))
    add("Titelsida", "Normal", 13, after=6)
    add("Bilagetitel", "Normal", 22, bold=True, color=ACCENT, after=4)


# --- header -------------------------------------------------------------------


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A real Word field (PAGE, NUMPAGES), updated by Word and LibreOffice."""
    def char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def _cell_margins(table, top=40, bottom=20, left=60, right=60) -> None:
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _borders(table, sides=("top", "bottom", "insideH"), size=4, color=GRID) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        if side in sides:
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), str(size))
            element.set(qn("w:color"), color)
        else:
            element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def setup_header(document, title: str = "{{ titel }} {{ period|manad_ar }}") -> None:
    header = document.sections[0].header
    header.is_linked_to_previous = False
    line = header.paragraphs[0]
    line.style = document.styles["Header"]
    line.paragraph_format.tab_stops.add_tab_stop(Cm(16.4), WD_TAB_ALIGNMENT.RIGHT)
    line.paragraph_format.space_after = Pt(4)
    line.add_run(title)
    line.add_run("\tSida ")
    _field(line, "PAGE", "1")
    line.add_run(" (")
    _field(line, "NUMPAGES", "1")
    line.add_run(")")

    table = header.add_table(rows=4, cols=3, width=Cm(16.4))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table, sides=("top", "bottom"), size=6)
    _cell_margins(table, top=20, bottom=10, left=0, right=60)
    widths = (Cm(6.4), Cm(6.4), Cm(3.6))
    _column_widths(table, widths)
    rows = (
        ("GÄLLER FÖR VERKSAMHET", "DOKUMENT-ID", "VERSION"),
        ("{{ dokument.galler_for }}", "{{ dokument.dokument_id }}", "{{ dokument.version }}"),
        ("PUBLICERINGSDATUM", "ANSVARIG", "UPPRÄTTAD AV"),
        ("{{ dokument.publiceringsdatum|datum }}", "{{ dokument.ansvarig }}", "{{ dokument.upprattad_av }}"),
    )
    for row_index, texts in enumerate(rows):
        for column, text in enumerate(texts):
            cell = table.rows[row_index].cells[column]
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Sidhuvud etikett" if row_index % 2 == 0 else "Sidhuvud värde"]
            paragraph.add_run(text)
    spacer = header.add_paragraph(style="Header")
    spacer.paragraph_format.space_after = Pt(0)


# --- body helpers ---------------------------------------------------------------


def para(document, text: str = "", style: str | None = None):
    paragraph = document.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)
    return paragraph


def tag(document, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %}); it disappears."""
    return para(document, text)


def data_table(document, columns: list[tuple[str, str, float, bool]], loop: str, note: str | None = None,
               total: list[str] | None = None, first: list[str] | None = None):
    """A table: header row (repeats on every page), one looped row, numbers right-aligned.

    ``columns``: (heading, cell expression, width in cm, numeric). ``total``: the
    cells of a bold totals row after the loop; ``first``: a bold row before it.
    """
    table = document.add_table(rows=4, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table, sides=("top", "bottom", "insideH"), size=4)
    _cell_margins(table)
    header_row = table.rows[0]
    tr_pr = header_row._tr.get_or_add_trPr()
    for element_name in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(element_name)
        tr_pr.append(element)
    _column_widths(table, [Cm(width) for _, _, width, _ in columns])
    for index, (heading, expression, width, numeric) in enumerate(columns):
        head = header_row.cells[index]
        _shade(head, HEADER_FILL)
        head_paragraph = head.paragraphs[0]
        head_paragraph.style = document.styles["Tabellrubrik"]
        head_paragraph.add_run(heading)
        body = table.rows[2].cells[index].paragraphs[0]
        body.style = document.styles["Tabelltext"]
        body.add_run(expression)
        if numeric:
            head_paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            body.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    if total:
        _bold_row(document, table, columns, total, table.add_row())
    if first:
        row = table.add_row()
        _bold_row(document, table, columns, first, row)
        table.rows[1]._tr.addprevious(row._tr)
    if note:
        para(document, note, "Källa")
    return table


def _bold_row(document, table, columns, texts, row) -> None:
    """An emphasised row (a total): bold, with a rule above it."""
    for index, ((_, _, _, numeric), text) in enumerate(zip(columns, texts)):
        paragraph = row.cells[index].paragraphs[0]
        paragraph.style = document.styles["Tabelltext"]
        run = paragraph.add_run(text)
        run.bold = True
        if numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        tc_pr = row.cells[index]._tc.get_or_add_tcPr()
        borders = OxmlElement("w:tcBorders")
        top = OxmlElement("w:top")
        for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:color", "333333")):
            top.set(qn(key), value)
        borders.append(top)
        tc_pr.append(borders)


def landscape(document, on: bool) -> None:
    """Start a new section on a new page, landscape (on) or portrait; same header."""
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(29.7), Cm(21)) if on else (Cm(21), Cm(29.7))
    section.left_margin = section.right_margin = Cm(2.0) if on else Cm(2.3)
    section.top_margin, section.bottom_margin = (Cm(3.9), Cm(1.8)) if on else (Cm(3.9), Cm(2.2))
    section.header.is_linked_to_previous = True


def chart(document, key: str) -> None:
    """A chart from the context's diagram, centred."""
    paragraph = para(document, "{{ diagram." + key + " }}")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = False


def _column_widths(table, widths) -> None:
    """Widths in the table grid too: LibreOffice lays tables out from the grid."""
    for grid_column, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths):
        grid_column.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def see_appendix(document, kind: str) -> None:
    tag(document, "{%p if bilaga." + kind + " %}")
    paragraph = para(document, "För mer information se bilaga {{ bilaga." + kind + ".nummer }} {{ bilaga." + kind + ".titel }}.")
    paragraph.paragraph_format.space_before = Pt(8)
    tag(document, "{%p endif %}")


def text_section(document, key: str, heading: str) -> None:
    tag(document, "{%p if texter." + key + " %}")
    para(document, heading, "Heading 1")
    para(document, "{{p texter." + key + " }}")
    tag(document, "{%p endif %}")


# --- the main report ----------------------------------------------------------------


def main_report() -> Document:
    document = Document()
    setup_page(document)
    setup_styles(document)
    setup_header(document)
    # python-docx's Document() starts with no paragraphs in the body.

    para(document, "{{ titel }}", "Title")
    para(document, "{{ period|manad_ar|versal }}", "Subtitle")
    para(document, "{{ organisation }}", "Titelsida")
    para(document, "Rapport till regionstyrelsen", "Titelsida")
    para(document).add_run().add_break(WD_BREAK.PAGE)

    # Inledning, signed.
    tag(document, "{%p if texter.inledning %}")
    para(document, "Inledning", "Heading 1")
    para(document, "{{p texter.inledning }}")
    signature = para(document, "{{ undertecknare.namn }}", "Underskrift")
    signature.paragraph_format.space_before = Pt(12)
    para(document, "{{ undertecknare.titel }}", "Underskrift")
    tag(document, "{%p endif %}")

    # Resultat.
    para(document, "Resultat {{ period|manad_ar }}", "Heading 1")
    para(
        document,
        "Periodens resultat per {{ period|manad_ar }} uppgår till {{ ekonomi.periodens_resultat.utfall|mnkr }}. "
        "Det är {{ ekonomi.periodens_resultat.mot_foregaende_manad|jamfort('resultatet per ' ~ foregaende_manad|manad) }} "
        "och {{ ekonomi.periodens_resultat.mot_foregaende_ar|jamfort('samma period föregående år') }}. "
        "Resultatet är {{ ekonomi.periodens_resultat.avvikelse|jamfort('budget') }}.",
    )
    para(
        document,
        "Verksamhetens resultat är {{ ekonomi.verksamhetens_resultat.utfall|mnkr }}, vilket är "
        "{{ ekonomi.verksamhetens_resultat.avvikelse|jamfort('budget') }} och "
        "{{ ekonomi.verksamhetens_resultat.mot_foregaende_ar|jamfort('föregående år') }}. "
        "Nettokostnaderna uppgår till {{ ekonomi.nettokostnader_storlek.varde|mnkr }}, "
        "{{ ekonomi.nettokostnader_storlek.skillnad|jamfort('samma period föregående år', 'högre', 'lägre') }} "
        "({{ ekonomi.nettokostnader_storlek.procent|signerat(1) }} procent). "
        "Skatteintäkter och generella statsbidrag {{ ekonomi.skatteintakter.mot_foregaende_ar|forandring_mnkr }} "
        "jämfört med samma period föregående år. Finansnettot är {{ ekonomi.finansnetto.utfall|mnkr }} "
        "({{ ekonomi.finansnetto.foregaende_ar|mnkr }} föregående år).",
    )
    para(
        document,
        "Divisionerna redovisar sammantaget ett resultat på {{ ekonomi.divisioner_totalt.utfall|mnkr }}, "
        "{{ ekonomi.divisioner_totalt.avvikelse|jamfort('budget') }} och "
        "{{ ekonomi.divisioner_totalt.mot_foregaende_ar|jamfort('samma period föregående år') }}."
        "{% if ekonomi.divisioner_battre_an_budget %} Resultat bättre än budget har "
        "{% for d in ekonomi.divisioner_battre_an_budget %}{{ d.division }}{{ loop|sep }}{% endfor %}.{% endif %}",
    )
    data_table(
        document,
        [
            ("Mnkr", "{{ r.post }}", 5.4, False),
            ("Utfall", "{{ r.utfall|mnkr_tal }}", 2.0, True),
            ("Budget", "{{ r.budget|mnkr_tal }}", 2.0, True),
            ("Avvikelse", "{{ r.avvikelse|mnkr_tal }}", 2.2, True),
            ("Föreg. år", "{{ r.foregaende_ar|mnkr_tal }}", 2.2, True),
            ("Prognos helår", "{{ r.prognos_helar|mnkr_tal }}", 2.6, True),
        ],
        "r in ekonomi.rader",
        note="Ackumulerat januari–{{ period|manad_ar }}. Avvikelse = utfall − budget; positivt är bättre än budget.",
    )
    see_appendix(document, "ekonomirapport")

    # Produktion och tillgänglighet.
    para(document, "Produktion och tillgänglighet", "Heading 1")
    para(document, "Produktion", "Heading 2")
    para(
        document,
        "Produktionen under {{ period|hittills }} jämfört med samma period föregående år:",
    )
    tag(document, "{%p for m in produktion.matt %}")
    para(
        document,
        "{{ m.matt }} {{ m.hittills.procent|forandring_procent }} "
        "({{ m.hittills.varde|tal }} mot {{ m.hittills.jamforelse|tal }}).",
        "List Bullet",
    )
    tag(document, "{%p endfor %}")
    para(document, "Tillgänglighet", "Heading 2")
    tag(document, "{%p for a in produktion.tillganglighet %}")
    para(
        document,
        "{{ a.namn }}: {{ a.andel|procent }} i {{ period|manad }}, "
        "{{ a.mot_foregaende_ar|jamfort_pe(foregaende_ar|manad_ar) }} "
        "({{ a.foregaende_ar|procent }}) och {{ a.mot_foregaende_manad|jamfort_pe(foregaende_manad|manad) }} "
        "({{ a.foregaende_manad|procent }}).",
        "List Bullet",
    )
    tag(document, "{%p endfor %}")
    para(document, "Beläggning", "Heading 2")
    para(document, "Beläggningen på sjukhusen i {{ period|manad_ar }} jämfört med samma månad föregående år:")
    data_table(
        document,
        [
            ("Sjukhus", "{{ b.namn }}", 6.8, False),
            ("{{ period|manad_ar|versal }}", "{{ b.andel|pct }}", 3.0, True),
            ("{{ foregaende_ar|manad_ar|versal }}", "{{ b.foregaende_ar|pct }}", 3.0, True),
            ("Förändring, procentenheter", "{{ b.mot_foregaende_ar|signerat(1) }}", 3.6, True),
        ],
        "b in produktion.belaggning",
    )
    see_appendix(document, "produktionsrapport")

    # Personalrapport.
    para(document, "Personalrapport", "Heading 1")
    para(
        document,
        "Vid utgången av {{ period|manad_ar }} har {{ organisation }} {{ personal.anstallda.antal|tal }} anställda, "
        "varav {{ personal.tillsvidare.antal|tal }} tillsvidareanställda och {{ personal.vikarier.antal|tal }} "
        "vikarier och tillfälligt anställda. Antalet anställda "
        "{{ personal.anstallda.mot_foregaende_manad|forandring('personer') }} sedan föregående månad "
        "({{ personal.tillsvidare.mot_foregaende_manad|signerat }} tillsvidareanställda, "
        "{{ personal.vikarier.mot_foregaende_manad|signerat }} vikarier och tillfälligt anställda)."
        "{% if personal.storsta_okningar %} Störst är ökningen inom "
        "{% for g in personal.storsta_okningar %}{{ g.namn|lower }} ({{ g.mot_foregaende_manad|signerat }}){{ loop|sep }}{% endfor %}.{% endif %}"
        "{% if personal.storsta_minskningar %} Minskat har "
        "{% for g in personal.storsta_minskningar %}{{ g.namn|lower }} ({{ g.mot_foregaende_manad|signerat }}){{ loop|sep }}{% endfor %}.{% endif %}",
    )
    para(
        document,
        "Antalet anställda {{ personal.anstallda.mot_foregaende_ar|forandring('personer') }} jämfört med "
        "{{ foregaende_ar|manad_ar }}.",
    )
    para(
        document,
        "Den arbetade tiden motsvarar i genomsnitt {{ personal.arbetad_tid.arbetad_tid.varde|tal }} årsarbetare under "
        "{{ period|hittills }} och {{ personal.arbetad_tid.arbetad_tid.procent|forandring_procent(oforandrat='är oförändrad') }} jämfört med samma "
        "period föregående år. Extratiden – jour, beredskap, övertid och fyllnadstid – uppgick i {{ period|manad_ar }} "
        "till {{ personal.arbetad_tid.extratid.varde|tal }} årsarbetare och "
        "{{ personal.arbetad_tid.extratid.skillnad|forandring('årsarbetare', oforandrat='är oförändrad') }} jämfört med föregående månad. "
        "Inhyrd personal motsvarar i genomsnitt {{ personal.arbetad_tid.inhyrd_personal.varde|tal }} årsarbetare och "
        "{{ personal.arbetad_tid.inhyrd_personal.procent|forandring_procent(oforandrat='är oförändrad') }} jämfört med samma period föregående år.",
    )
    para(
        document,
        "Sjukfrånvaron under {{ period|hittills }} är {{ personal.sjukfranvaro.hittills|procent }} av den ordinarie "
        "arbetstiden, {{ personal.sjukfranvaro.mot_foregaende_ar|jamfort_pe('samma period föregående år') }} "
        "({{ personal.sjukfranvaro.hittills_foregaende_ar|procent }})."
        "{% if personal.sjukfranvaro_per_kon %} Fördelat på kön: "
        "{% for s in personal.sjukfranvaro_per_kon %}{{ s.namn|lower }} {{ s.hittills|procent }}{{ loop|sep }}{% endfor %}.{% endif %}",
    )
    see_appendix(document, "personalrapport")

    # Texts from the divisions and committees.
    text_section(document, "aktuella_handelser", "Aktuella händelser")
    text_section(document, "verksamheten", "Information från verksamheten")
    text_section(document, "namnderna", "Information från nämnderna")

    # Bilagor: the one numbered list.
    tag(document, "{%p if bilagor %}")
    para(document, "Bilagor", "Heading 1")
    tag(document, "{%p for b in bilagor %}")
    para(document, "{{ b.nummer }}. {{ b.titel }}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endif %}")
    return document


# --- the generated appendices ------------------------------------------------------------


def appendix(kind: str, title: str) -> Document:
    """An appendix: the same page, styles and header block; its own title."""
    document = Document()
    setup_page(document)
    setup_styles(document)
    setup_header(document, "Bilaga {{ bilaga." + kind + ".nummer }} " + title + " {{ period|manad_ar }}")
    para(document, "Bilaga {{ bilaga." + kind + ".nummer }} till " + "{{ titel }} {{ period|manad_ar }}", "Titelsida")
    para(document, title + " {{ period|manad_ar }}", "Bilagetitel")
    para(document, "{{ organisation }}", "Titelsida")
    return document


def ekonomirapport() -> Document:
    document = appendix("ekonomirapport", "Ekonomirapport")
    e = "ekonomi"
    para(document, "Resultat", "Heading 1")
    para(
        document,
        "Periodens resultat per {{ period|manad_ar }} är {{ " + e + ".periodens_resultat.utfall|mnkr }}, "
        "{{ " + e + ".periodens_resultat.avvikelse|jamfort('budget') }}. Helårsprognosen är "
        "{{ " + e + ".periodens_resultat.prognos_helar|mnkr }}.",
    )
    data_table(
        document,
        [
            ("Mnkr", "{{ r.post }}", 5.0, False),
            ("Utfall", "{{ r.utfall|mnkr_tal }}", 1.9, True),
            ("Budget", "{{ r.budget|mnkr_tal }}", 1.9, True),
            ("Avvikelse", "{{ r.avvikelse|mnkr_tal }}", 2.0, True),
            ("Föreg. år", "{{ r.foregaende_ar|mnkr_tal }}", 2.0, True),
            ("Förändring", "{{ r.mot_foregaende_ar|mnkr_tal }}", 2.1, True),
            ("Prognos helår", "{{ r.prognos_helar|mnkr_tal }}", 1.9, True),
        ],
        "r in " + e + ".rader",
        note="Ackumulerat januari–{{ period|manad_ar }}. Avvikelse = utfall − budget; förändring = utfall − föregående år.",
    )
    para(document, "Resultat per division", "Heading 1")
    para(
        document,
        "Divisionerna redovisar sammantaget {{ " + e + ".divisioner_totalt.utfall|mnkr }}, "
        "{{ " + e + ".divisioner_totalt.avvikelse|jamfort('budget') }}. Prognosen för helåret är "
        "{{ " + e + ".divisioner_totalt.prognos_helar|mnkr }} mot en budget på {{ " + e + ".divisioner_totalt.budget_helar|mnkr }}.",
    )
    data_table(
        document,
        [
            ("Mnkr", "{{ d.division }}", 5.0, False),
            ("Utfall", "{{ d.utfall|mnkr_tal }}", 1.8, True),
            ("Budget", "{{ d.budget|mnkr_tal }}", 1.8, True),
            ("Avvikelse", "{{ d.avvikelse|mnkr_tal }}", 2.0, True),
            ("Prognos helår", "{{ d.prognos_helar|mnkr_tal }}", 2.0, True),
            ("Budget helår", "{{ d.budget_helar|mnkr_tal }}", 2.0, True),
            ("Prognos-avvikelse", "{{ d.prognosavvikelse|mnkr_tal }}", 2.2, True),
        ],
        "d in " + e + ".divisioner",
        total=[
            "Totalt",
            *("{{ " + e + ".divisioner_totalt." + f + "|mnkr_tal }}" for f in ("utfall", "budget", "avvikelse", "prognos_helar", "budget_helar", "prognosavvikelse")),
        ],
    )
    chart(document, "avvikelse_per_division")
    chart(document, "kostnader_per_manad")

    landscape(document, True)
    para(document, "Kostnadsutveckling", "Heading 1")
    para(
        document,
        "Verksamhetens kostnader under {{ period|hittills }} är {{ " + e + ".kostnadsutveckling.totalt.hittills|mnkr }} och "
        "{{ " + e + ".kostnadsutveckling.totalt.forandringar[0]|forandring_procent }} jämfört med samma period föregående år. "
        "Tabellen visar förändringen av de ackumulerade kostnaderna mot året innan, per månad de senaste tretton månaderna.",
    )
    trend = e + ".kostnadsutveckling"
    columns = [("Kostnadsslag", "{{ k.kostnadsslag }}", 4.6, False), ("{{ period|manad_kod }} mnkr", "{{ k.hittills|mnkr_tal }}", 1.6, True)]
    columns += [
        ("{{ " + trend + ".manader[" + str(i) + "]|manad_kod }}–{{ " + trend + ".manader[" + str(i) + "].year_before|manad_kod }}",
         "{{ k.forandringar[" + str(i) + "]|pct }}", 1.47, True)
        for i in range(13)
    ]
    first = ["{{ " + trend + ".totalt.kostnadsslag }}", "{{ " + trend + ".totalt.hittills|mnkr_tal }}"]
    first += ["{{ " + trend + ".totalt.forandringar[" + str(i) + "]|pct }}" for i in range(13)]
    table = data_table(document, columns, "k in " + trend + ".rader", first=first,
                       note="Förändring av ackumulerade kostnader januari till respektive månad mot samma period året innan.")
    _small_text(table)
    return document


def _small_text(table) -> None:
    """A wide table's text in 7.5 pt so that fifteen columns fit."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(7.5)


def share_table(document, first: str, shares: str, note: str | None = None) -> None:
    """Shares for the month, the month before and a year before, with changes in procentenheter."""
    data_table(
        document,
        [
            (first, "{{ a.namn }}", 6.0, False),
            ("{{ period|manad_ar|versal }}", "{{ a.andel|pct }}", 2.1, True),
            ("{{ foregaende_manad|manad_ar|versal }}", "{{ a.foregaende_manad|pct }}", 2.1, True),
            ("Förändring, p.e.", "{{ a.mot_foregaende_manad|signerat(1) }}", 1.9, True),
            ("{{ foregaende_ar|manad_ar|versal }}", "{{ a.foregaende_ar|pct }}", 2.1, True),
            ("Förändring, p.e.", "{{ a.mot_foregaende_ar|signerat(1) }}", 1.9, True),
        ],
        "a in " + shares,
        note=note,
    )


def produktionsrapport() -> Document:
    document = appendix("produktionsrapport", "Produktionsrapport")
    p = "produktion"
    measure_columns = [
        ("Mått", "{{ m.matt }}", 4.6, False),
        ("{{ period|hittills|versal }}", "{{ m.hittills.varde|tal }}", 2.3, True),
        ("Föreg. år", "{{ m.hittills.jamforelse|tal }}", 1.9, True),
        ("Förändring", "{{ m.hittills.procent|pct }}", 1.9, True),
        ("{{ period|manad_ar|versal }}", "{{ m.manad.varde|tal }}", 1.9, True),
        ("{{ foregaende_ar|manad_ar|versal }}", "{{ m.manad.jamforelse|tal }}", 1.9, True),
        ("Förändring", "{{ m.manad.procent|pct }}", 1.9, True),
    ]
    para(document, "Produktion", "Heading 1")
    para(document, "Produktionen i hela regionen under {{ period|hittills }} och i {{ period|manad_ar }}, jämfört med samma period föregående år.")
    data_table(document, measure_columns, "m in " + p + ".matt")
    chart(document, "produktion")
    para(document, "Produktion per division", "Heading 1")
    tag(document, "{%p for d in " + p + ".per_division %}")
    para(document, "{{ d.division }}", "Heading 2")
    data_table(document, measure_columns, "m in d.matt")
    tag(document, "{%p endfor %}")
    para(document, "Tillgänglighet", "Heading 1")
    share_table(document, "Mått", p + ".tillganglighet", note="p.e. = procentenheter.")
    chart(document, "tillganglighet")
    para(document, "Beläggning", "Heading 1")
    share_table(document, "Sjukhus", p + ".belaggning")
    return document


def personalrapport() -> Document:
    document = appendix("personalrapport", "Personalrapport")
    s = "personal"

    def headcount(first: str, loop: str, total: list[str] | None = None):
        data_table(
            document,
            [
                (first, "{{ h.namn }}", 6.4, False),
                ("{{ period|manad_ar|versal }}", "{{ h.antal|tal }}", 2.4, True),
                ("Förändring mot {{ foregaende_manad|manad }}", "{{ h.mot_foregaende_manad|signerat }}", 3.0, True),
                ("Förändring mot {{ foregaende_ar|manad_ar }}", "{{ h.mot_foregaende_ar|signerat }}", 3.0, True),
            ],
            loop,
            total=total,
        )

    total = ["Totalt", "{{ " + s + ".anstallda.antal|tal }}", "{{ " + s + ".anstallda.mot_foregaende_manad|signerat }}",
             "{{ " + s + ".anstallda.mot_foregaende_ar|signerat }}"]
    para(document, "Anställda", "Heading 1")
    para(
        document,
        "Vid utgången av {{ period|manad_ar }} finns {{ " + s + ".anstallda.antal|tal }} anställda, "
        "{{ " + s + ".anstallda.mot_foregaende_manad|signerat }} sedan föregående månad och "
        "{{ " + s + ".anstallda.mot_foregaende_ar|signerat }} sedan {{ foregaende_ar|manad_ar }}.",
    )
    headcount("Anställningsform", "h in [" + s + ".tillsvidare, " + s + ".vikarier]", total)
    para(document, "Per yrkesgrupp", "Heading 2")
    headcount("Yrkesgrupp", "h in " + s + ".yrkesgrupper", total)
    para(document, "Per division", "Heading 2")
    headcount("Division", "h in " + s + ".divisioner", total)
    chart(document, "anstallda")

    para(document, "Arbetad tid, extratid och inhyrd personal", "Heading 1")
    a = s + ".arbetad_tid"
    table = data_table(
        document,
        [
            ("Årsarbetare", "{{ w[0] }}", 6.4, False),
            ("Utfall", "{{ w[1].varde|tal }}", 2.6, True),
            ("Jämförelse", "{{ w[1].jamforelse|tal }}", 2.6, True),
            ("Förändring", "{{ w[1].skillnad|signerat }}", 2.6, True),
        ],
        "w in [('Arbetad tid, medel ' ~ (period|hittills), " + a + ".arbetad_tid), "
        "('Extratid ' ~ (period|manad_ar) ~ ' mot föregående månad', " + a + ".extratid), "
        "('Inhyrd personal, medel ' ~ (period|hittills), " + a + ".inhyrd_personal)]",
        note="Medelvärden jämförs med samma period föregående år; extratiden med föregående månad.",
    )
    del table

    para(document, "Sjukfrånvaro", "Heading 1")
    para(
        document,
        "Sjukfrånvaron under {{ period|hittills }} är {{ " + s + ".sjukfranvaro.hittills|procent }} av den ordinarie arbetstiden, "
        "{{ " + s + ".sjukfranvaro.mot_foregaende_ar|jamfort_pe('samma period föregående år') }}.",
    )

    def sick(first: str, loop: str):
        data_table(
            document,
            [
                (first, "{{ l.namn }}", 5.6, False),
                ("{{ period|manad_ar|versal }}", "{{ l.manad|pct }}", 2.3, True),
                ("{{ period|hittills|versal }}", "{{ l.hittills|pct }}", 2.6, True),
                ("Samma period föreg. år", "{{ l.hittills_foregaende_ar|pct }}", 2.6, True),
                ("Förändring, p.e.", "{{ l.mot_foregaende_ar|signerat(1) }}", 2.1, True),
            ],
            loop,
            total=["Totalt", "{{ " + s + ".sjukfranvaro.manad|pct }}", "{{ " + s + ".sjukfranvaro.hittills|pct }}",
                   "{{ " + s + ".sjukfranvaro.hittills_foregaende_ar|pct }}", "{{ " + s + ".sjukfranvaro.mot_foregaende_ar|signerat(1) }}"],
        )

    para(document, "Per kön", "Heading 2")
    sick("Kön", "l in " + s + ".sjukfranvaro_per_kon")
    para(document, "Per division", "Heading 2")
    sick("Division", "l in " + s + ".sjukfranvaro_per_division")
    chart(document, "sjukfranvaro")
    return document


def _plain_table(document, headings: list[tuple[str, float]], rows: list[list[str]], header: bool = True):
    """A table with a repeating header row (unless ``header`` is false) and the given template rows."""
    table = document.add_table(rows=1 + len(rows), cols=len(headings))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table, sides=("top", "bottom", "insideH", "insideV"), size=4)
    _cell_margins(table)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    _column_widths(table, [Cm(width) for _, width in headings])
    for index, (heading, _) in enumerate(headings):
        cell = table.rows[0].cells[index]
        _shade(cell, HEADER_FILL)
        paragraph = cell.paragraphs[0]
        paragraph.style = document.styles["Tabellrubrik"]
        paragraph.add_run(heading)
    for row, texts in zip(table.rows[1:], rows):
        for index, text in enumerate(texts):
            paragraph = row.cells[index].paragraphs[0]
            paragraph.style = document.styles["Tabelltext"]
            paragraph.add_run(text)
    if not header:
        table._tbl.remove(table.rows[0]._tr)
    return table


ASSESSED = "{% cellbg X|bedomningsfarg %}{{ X|bedomning }}"


def maluppfyllelse() -> Document:
    document = appendix("maluppfyllelse", "Måluppfyllelse")
    m = "maluppfyllelse"
    para(document, "Sammanfattande bild av måluppfyllelse", "Heading 1")
    para(document, "{{ " + m + ".antal|malbedomning }}")
    para(document, "Förklaring", "Heading 3")
    _plain_table(
        document,
        [("", 3.6)] * 4,
        [[ASSESSED.replace("X", f"'{word}'") for word in ("Uppnått", "Delvis uppnått", "Ej uppnått", "Ej mätt")]],
        header=False,
    )
    legend = para(document, "Utveckling: {{ 'Förbättrad'|pil }}, {{ 'Oförändrad'|pil }}, {{ 'Försämrad'|pil }} jämfört med föregående mätning.", "Källa")
    legend.runs[0].font.name = HEADING_FONT  # the arrows
    tag(document, "{%p for p in " + m + ".perspektiv %}")
    para(document, "{{ p.namn }}", "Heading 3")
    _plain_table(
        document,
        [("Strategiskt mål", 8.4), ("Bedömning {{ period|manad_ar }}", 3.8), ("Bedömning helår", 3.8)],
        [["{%tr for g in p.mal %}", "", ""],
         ["{{ g.namn }}{% if g.namnd %} ({{ g.namnd }}){% endif %}", ASSESSED.replace("X", "g.bedomning"), ASSESSED.replace("X", "g.bedomning_helar")],
         ["{%tr endfor %}", "", ""]],
    )
    tag(document, "{%p endfor %}")

    tag(document, "{%p for p in " + m + ".perspektiv %}")
    para(document, "{{ p.namn }}", "Heading 1")
    tag(document, "{%p for g in p.mal %}")
    para(document, "{{ g.namn }}{% if g.namnd %} ({{ g.namnd }}){% endif %}", "Heading 2")
    para(
        document,
        "Den samlade bedömningen av måluppfyllelsen är att målet är {{ g.bedomning|malet_ar }}. "
        "Vid årets slut bedöms målet vara {{ g.bedomning_helar|malet_ar }}.",
    )
    tag(document, "{%p if g.kommentar %}")
    para(document, "{{ g.kommentar }}")
    tag(document, "{%p endif %}")
    tag(document, "{%p for f in g.faktorer %}")
    tag(document, "{%p if f.namn %}")
    para(document, "Framgångsfaktor: {{ f.namn }}", "Heading 3")
    tag(document, "{%p endif %}")
    measures = _plain_table(
        document,
        [("Styrmått", 5.4), ("Styrelse/ nämnd", 1.8), ("K/M", 1.0), ("Mål", 3.2), ("Måluppfyllelse", 2.8), ("Utveckling", 2.2)],
        [["{%tr for s in f.matt %}", "", "", "", "", ""],
         ["{%tr for r in s.rader %}", "", "", "", "", ""],
         ["{% vm %}{{ s.styrmatt }}", "{% vm %}{{ s.namnd or '' }}", "{{ r.kon or '' }}", "{{ r.mal or '' }}",
          ASSESSED.replace("X", "r.maluppfyllelse"), "{{ r.utveckling|pil }}"],
         ["{%tr endfor %}", "", "", "", "", ""],
         ["{%tr endfor %}", "", "", "", "", ""]],
    )
    data_row = measures.rows[3]
    for cell in data_row.cells:  # a measure's K and M rows stay on one page with its table
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    for run in data_row.cells[5].paragraphs[0].runs:
        run.font.name = HEADING_FONT  # Arial has the arrows ↑ → ↓; the body font may not
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    return document


TEMPLATES = {
    "regiondirektorens-rapport.docx": main_report,
    "ekonomirapport.docx": ekonomirapport,
    "produktionsrapport.docx": produktionsrapport,
    "personalrapport.docx": personalrapport,
    "maluppfyllelse.docx": maluppfyllelse,
}


def main() -> None:
    target = ROOT / "templates"
    target.mkdir(exist_ok=True)
    for name, make in TEMPLATES.items():
        make().save(target / name)
        print(f"Skrev {(target / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
