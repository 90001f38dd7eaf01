"""Test helpers: a normalised text dump of a DOCX, template and period-folder editing."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from openpyxl import load_workbook

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
EMU_PER_CM = 360000
RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
NOTES = {"footnotes": ("footnote", "fotnot", "fotnoter"), "endnotes": ("endnote", "slutnot", "slutnoter"),
         "comments": ("comment", "kommentar", "kommentarer")}


def dump_docx(path: Path) -> str:
    """Everything a reader sees, as plain text lines.

    Per section its headers and footers (first-page and even-page ones when
    the document has them), then the body: paragraphs with their style,
    tables row by row, fields as ``{PAGE}``, pictures as ``[bild B × H cm:
    alternativtext]``, footnote and comment marks, text boxes after their
    paragraph; then footnotes, endnotes, comments and the number of pictures.
    """
    document = Document(path)
    dump = _Dump(document)
    sections = document.sections
    kinds = [("sidhuvud", "header", "default", lambda s: s.header)]
    if any(s.different_first_page_header_footer for s in sections):
        kinds.append(("sidhuvud, första sidan", "header", "first", lambda s: s.first_page_header))
    if document.settings.odd_and_even_pages_header_footer:
        kinds.append(("sidhuvud, jämna sidor", "header", "even", lambda s: s.even_page_header))
    kinds += [("sidfot", "footer", "default", lambda s: s.footer), ("sidfot, första sidan", "footer", "first", lambda s: s.first_page_footer),
              ("sidfot, jämna sidor", "footer", "even", lambda s: s.even_page_footer)]
    for number, section in enumerate(sections, 1):
        for title, kind, which, get in kinds:
            used = any(s._sectPr.xpath(f"w:{kind}Reference[@w:type='{which}']") for s in sections)
            if title == "sidhuvud" or (used and (which != "first" or section.different_first_page_header_footer)):
                part = get(section)
                dump.lines.append(f"== {title}, avsnitt {number} ==")
                dump.blocks(part._element, part)
    dump.lines.append("== brödtext ==")
    dump.blocks(document.element.body, document)
    parts = {rel.reltype.rsplit("/", 1)[-1]: rel.target_part for rel in document.part.rels.values() if not rel.is_external}
    for kind in NOTES:
        if kind in parts:
            dump.notes(kind, parts[kind])
    dump.lines.append(f"== bilder: {dump.pictures} ==")
    return "\n".join(dump.lines) + "\n"


class _Dump:
    def __init__(self, document) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.document = document
        self.lines: list[str] = []
        self.pictures = 0
        # A paragraph's style name as python-docx gives it (Paragraph.style.name: the default paragraph style when
        # the paragraph names none, or a style that is not a paragraph style), looked up once per document:
        # python-docx looks for the default style among all styles for every paragraph that names none.
        paragraph_styles = [s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
        self.style_names = {s.style_id: s.name for s in paragraph_styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default_style = default.name if default is not None else None

    def style_name(self, paragraph) -> str | None:
        return self.style_names.get(paragraph.style, self.default_style)

    def blocks(self, container, parent, indent: str = "") -> None:
        for element in container.iterchildren():
            if element.tag == f"{W}p":
                text = self.text(element).strip()
                if text:
                    self.lines.append(f"{indent}[{self.style_name(element)}] {text}")
                for box in self._own(element, f"{W}txbxContent"):
                    self.blocks(box, parent, indent + "  [textruta] ")
            elif element.tag == f"{W}tbl":
                for row in Table(element, parent).rows:
                    self.lines.append(indent + "| " + " | ".join(self.cell(c) for c in row.cells) + " |")
            elif element.tag == f"{W}sdt":
                content = element.find(f"{W}sdtContent")
                if content is not None:
                    self.blocks(content, parent, indent)

    def cell(self, cell) -> str:
        texts = []
        for element in cell._tc.iterchildren(f"{W}p", f"{W}tbl"):
            if element.tag == f"{W}p":
                texts.append(self.text(element))
            else:
                rows = Table(element, cell).rows
                texts.append("[" + " / ".join(" | ".join(self.cell(c) for c in row.cells) for row in rows) + "]")
        return "\n".join(texts).strip()

    def notes(self, kind: str, part) -> None:
        from docx.oxml import parse_xml

        item, word, title = NOTES[kind]
        root = parse_xml(part.blob)
        notes = [n for n in root.iterchildren(f"{W}{item}") if n.get(f"{W}type") not in ("separator", "continuationSeparator",
                                                                                           "continuationNotice")]
        if not notes:
            return
        self.lines.append(f"== {title} ==")
        for note in notes:
            author = f" ({note.get(f'{W}author')})" if note.get(f"{W}author") else ""
            text = " / ".join(t for t in (self.text(p).strip() for p in note.iter(f"{W}p")) if t)
            self.lines.append(f"[{word} {note.get(f'{W}id')}{author}] {text}")

    def _own(self, element, wanted: str):
        """Descendants with tag ``wanted`` that belong to this paragraph (not to a text box in it)."""
        for child in element:
            if child.tag == MC_FALLBACK:
                continue
            if child.tag == wanted:
                yield child
            elif child.tag not in (f"{W}txbxContent", f"{W}p"):
                yield from self._own(child, wanted)

    def text(self, paragraph) -> str:
        """A paragraph's text as shown, fields as {CODE}, pictures and note marks in brackets."""
        out: list[str] = []
        fields: list[dict] = []  # open complex fields: their code and whether the result is showing

        def walk(element) -> None:
            for child in element:
                tag = child.tag
                if tag in (MC_FALLBACK, f"{W}txbxContent", f"{W}del", f"{W}moveFrom"):
                    continue
                if tag == f"{W}fldChar":
                    kind = child.get(f"{W}fldCharType")
                    if kind == "begin":
                        fields.append({"code": "", "result": False})
                    elif kind == "separate" and fields:
                        fields[-1]["result"] = True
                        if len(fields) == 1:
                            out.append("{" + " ".join(fields[0]["code"].split()) + "}")
                    elif kind == "end" and fields:
                        field = fields.pop()
                        if not field["result"] and not fields:
                            out.append("{" + " ".join(field["code"].split()) + "}")
                    continue
                if tag == f"{W}instrText":
                    if fields:
                        fields[-1]["code"] += child.text or ""
                    continue
                if fields:  # inside a field: its code is shown, not its result
                    walk(child)
                    continue
                if tag == f"{W}fldSimple":
                    out.append("{" + " ".join((child.get(f"{W}instr") or "").split()) + "}")
                    continue
                if tag == f"{W}t":
                    out.append(child.text or "")
                elif tag in RUN_TEXT:
                    out.append(RUN_TEXT[tag])
                elif tag == f"{W}br":
                    out.append("\n" if child.get(f"{W}type") in (None, "textWrapping") else "")
                elif tag == f"{W}drawing":
                    out.append(self.picture(child))
                    continue
                elif tag in (f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference"):
                    word = {"footnoteReference": "fotnot", "endnoteReference": "slutnot", "commentReference": "kommentar"}
                    out.append(f"[{word[tag[len(W):]]} {child.get(f'{W}id')}]")
                walk(child)

        walk(paragraph)
        return "".join(out)

    def picture(self, drawing) -> str:
        self.pictures += 1
        extent = next(drawing.iter(f"{WP}extent"), None)
        size = ""
        if extent is not None:
            width, height = (int(extent.get(a, "0")) / EMU_PER_CM for a in ("cx", "cy"))
            size = f" {width:.1f} × {height:.1f} cm".replace(".", ",")
        properties = next(drawing.iter(f"{WP}docPr"), None)
        alt = properties.get("descr") if properties is not None else None
        return f"[bild{size}: {alt}]" if alt else f"[bild{size}, ingen alternativtext]"


def header_xml(path: Path) -> list[str]:
    """The XML of every section's default header."""
    document = Document(path)
    return [section.header._element.xml for section in document.sections]


def edit_docx(path: Path, member: str, edit, target: Path | None = None) -> Path:
    """Rewrite one part of a DOCX (``edit(xml) -> xml``), into ``target`` or in place."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info.filename)) for info in source.infolist()]
    target = target or path
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            if info.filename == member:
                changed = edit(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), f"nothing changed in {member}"
                data = changed.encode("utf-8")
            out.writestr(info, data)
    return target


WORD_NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                   'xmlns:v="urn:schemas-microsoft-com:vml"')


def add_footnote(document, paragraph, text: str) -> None:
    """Give a python-docx document a footnotes part with one footnote, marked at the end of ``paragraph``."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(f'<w:r {WORD_NAMESPACES}><w:footnoteReference w:id="1"/></w:r>'))
    notes = (f'<w:footnotes {WORD_NAMESPACES}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p>'
             f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    document.part.relate_to(Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), document.part.package), RT.FOOTNOTES)


def add_text_box(paragraph, text: str) -> None:
    """A text box (VML, as Word writes for compatibility) holding ``text``, anchored in ``paragraph``."""
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(f'<w:r {WORD_NAMESPACES}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
                                  f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))


def replace_once(old: str, new: str):
    """An edit for :func:`edit_docx`: ``old`` (which must be there) becomes ``new``."""
    def edit(xml: str) -> str:
        assert old in xml, old
        return xml.replace(old, new, 1)

    return edit


HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
# The slow tests that run LibreOffice: run by CI (REPORTER_PDF_TESTS=1, where a missing LibreOffice
# fails them) or asked for with -m libreoffice; skipped otherwise (see conftest.py).
needs_soffice = pytest.mark.libreoffice


def edit_sheet(path: Path, sheet: str, edit) -> None:
    """Open a workbook, let ``edit(worksheet)`` change one sheet, save it."""
    book = load_workbook(path)
    edit(book[sheet])
    book.save(path)


def set_cell(path: Path, sheet: str, cell: str, value) -> None:
    """Write one value into one cell of a workbook."""
    edit_sheet(path, sheet, lambda worksheet: worksheet.__setitem__(cell, value))


def find_row(worksheet, column_value: str, column: int = 1) -> int:
    """The row number whose cell in ``column`` equals ``column_value``."""
    for row in worksheet.iter_rows(min_col=column, max_col=column):
        if row[0].value == column_value:
            return row[0].row
    raise LookupError(column_value)


def squash(text: str) -> str:
    """Non-breaking spaces as plain spaces, for readable assertions."""
    return re.sub("[\u00a0\u202f]", " ", text)


# The peak memory of the process that runs this, in MB, as a snippet for a child process to print.
# /proc's VmHWM belongs to the process's own memory since it started its program; getrusage's
# ru_maxrss would also count the peak of the process that started it (Linux carries it over exec).
PEAK_MB = (
    "(lambda s: int(s.split('VmHWM:')[1].split()[0]) // 1024 if 'VmHWM:' in s else "
    "__import__('resource').getrusage(__import__('resource').RUSAGE_SELF).ru_maxrss // 1024)"
    "(open('/proc/self/status').read() if __import__('os').path.exists('/proc/self/status') else '')"
)
