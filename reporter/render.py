"""DOCX templates + context → document bytes: the only module that imports docxtpl.

Templates run in Jinja's sandbox with autoescape on and strict undefined names,
so user text is always content and a misspelt name in a template fails the
build instead of leaving a blank. Markdown texts become Word paragraphs in the
template's own styles (headings, lists, bold, italic).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import io
import re
import zipfile
from collections.abc import Collection, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .contents import add_styles, add_table_of_contents, ask_to_update_fields, heading_level, outline_levels
from .docxparts import normalise, w
from .emptycolumns import drop_empty_columns
from .errors import ReporterError, error
from .formatting import FILTERS
from .keepsections import keep_short_sections
from .pagefill import soften_page_breaks
from .tablewidths import fit_tables
from .texts import Block, Sections
from .typography import bind_numbers
from .values import clean_text
from .version import VERSION

HEADING_STYLES = ("Heading 2", "Heading 3", "Heading 4")
LIST_STYLES = {"bullet": ("List Bullet", "List Bullet 2", "List Bullet 3"), "number": ("List Number", "List Number 2", "List Number 3")}


# Bounds that keep a template from taking the machine: a loop without end, a text multiplied a
# billion times. The largest real document part is about 100 000 pieces and 5 million characters.
MAX_RENDER_SECONDS = 20.0
MAX_PIECES = 2_000_000  # output pieces of one part (each loop turn, each tag makes some)
MAX_CHARACTERS = 64_000_000  # characters of one part's rendered XML
MAX_REPEAT = 1_000_000  # the longest text or list that * may make


class TemplateTooBig(Exception):
    """A template that would take more time or memory than any report needs; the message is whole."""


def jinja_environment():
    """The sandboxed Jinja environment every template is rendered in, with its bounds."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class Bounded(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})
        concat = staticmethod(_bounded_concat)  # how the compiled template joins its pieces

        def call_binop(self, context, operator, left, right):
            _check_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            """A template's text compiled once in a process: every environment made here compiles alike."""
            if not isinstance(source, str) or (name, filename, raw, defer_init) != (None, None, False, False):
                return super().compile(source, name, filename, raw, defer_init)
            key = (source, self.autoescape)
            code = _COMPILED.get(key)
            if code is None:
                code = _COMPILED[key] = super().compile(source)
                while len(_COMPILED) > 64:
                    del _COMPILED[next(iter(_COMPILED))]
            return code

    env = Bounded(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


# Template texts (a part of a template, as docxtpl hands it to Jinja) compiled in this process, oldest
# first: a second build (verify, or a test's many builds) renders without compiling again.
_COMPILED: dict[tuple[str, object], Any] = {}


def _check_binop(operator: str, left: object, right: object) -> None:
    """Refuse ``'x' * 10**9`` and ``10 ** 10**10`` before they are made."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_REPEAT:
                raise TemplateTooBig(f"en text eller lista gånger {times} blir {len(seq) * times:,} tecken eller delar lång".replace(",", " "))
    elif operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
        if abs(left) > 1 and abs(right) > 1000:
            raise TemplateTooBig(f"{left} ** {right} är ett orimligt stort tal")


def _bounded_concat(pieces: Iterable[str]) -> str:
    """Jinja's join of a rendered part, stopping at MAX_PIECES pieces or MAX_CHARACTERS characters."""
    kept: list[str] = []
    size = 0
    for count, piece in enumerate(pieces, 1):
        kept.append(piece)
        size += len(piece)
        if count > MAX_PIECES or size > MAX_CHARACTERS:
            raise TemplateTooBig(f"mallen ger orimligt mycket text (mer än {MAX_PIECES:,} delar eller {MAX_CHARACTERS:,} tecken)".replace(",", " "))
    return "".join(kept)


class _Deadline:
    """Stop a render that runs past MAX_RENDER_SECONDS, also a loop that writes nothing (SIGALRM, main thread)."""

    def __enter__(self):
        import signal
        import threading

        self.armed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if self.armed:
            def stop(*_args):
                raise TemplateTooBig(f"mallen tar mer än {MAX_RENDER_SECONDS:g} sekunder att fylla i")

            self.previous = signal.signal(signal.SIGALRM, stop)
            signal.setitimer(signal.ITIMER_REAL, MAX_RENDER_SECONDS)
        return self

    def __exit__(self, *exc_info):
        import signal

        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def render_docx(
    template: Path, context: dict[str, Any], properties: dict[str, Any], after_table: Collection[str] = (), keep_sections: bool = False
) -> bytes:
    """Render a template with the context; return the document as bytes.

    ``context["texter"]`` holds Markdown blocks; they are turned into Word
    paragraphs here. ``properties`` are the document's core properties.
    ``after_table``: the texts placed right after a table (an appendix's
    analysis), whose first paragraph keeps a little space from it.
    ``keep_sections``: a short section keeps with the next heading (:mod:`reporter.keepsections`; the interim report).
    """
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    label = template.name
    if not template.is_file():
        raise ReporterError(error("mallen finns inte", file=str(template)))
    try:
        document = _template_class()(template)
        document.init_docx()
    except Exception as exc:  # a broken or non-DOCX template file
        raise ReporterError(error(f"mallen kan inte öppnas som Word-dokument: {exc}", file=label)) from None
    env = jinja_environment()
    context = dict(context)
    _normalise(document.docx)
    try:
        numbering = _Numbering(document.docx)
        context["texter"] = {key: _text(document.docx, blocks, numbering, key in after_table) for key, blocks in context["texter"].items()}
        context["diagram"] = {key: _image(document, chart) if chart is not None else None for key, chart in context.get("diagram", {}).items()}
        with _Deadline():
            document.render(context, env, autoescape=True)
    except TemplateTooBig as exc:
        raise ReporterError(
            error(f"mallen stoppades: {exc}. En loop utan slut, eller en tagg som gör för mycket?{_tag_of(document, exc)}", file=label)
        ) from None
    except KeyError as exc:
        raise ReporterError(error(f"mallen saknar formatmallen \"{exc.args[0]}\" (texterna använder den)", file=label)) from None
    except SecurityError as exc:
        raise ReporterError(
            error(f"mallen försöker använda något som inte är tillåtet: {exc}{_tag_of(document, exc)}", file=label)
        ) from None
    except UndefinedError as exc:
        raise ReporterError(error(_undefined_message(document, env, context, exc) + _tag_of(document, exc), file=label)) from None
    except TemplateSyntaxError as exc:
        raise ReporterError(error(f"fel i en mallkod: {exc.message}{_around(exc)}", file=label)) from None
    except TemplateError as exc:
        raise ReporterError(error(f"fel i en mallkod: {exc}{_around(exc)}", file=label)) from None
    body = document.docx.element.body
    drop_empty_columns(body)
    keep_tables_together(body)
    fit_tables(body, document.docx.styles.element)
    bind_numbers(_text_parts(document.docx))
    styles = document.docx.styles.element
    levels = outline_levels(styles)
    if keep_sections:
        keep_short_sections(body, levels)
    soften_page_breaks(body, lambda paragraph: heading_level(paragraph, levels) == 0)
    contents = add_table_of_contents(body, levels)
    if contents:
        add_styles(styles)
    buffer = io.BytesIO()
    with _stored_zip():
        document.save(buffer)
    return word_native(buffer.getvalue(), properties, update_fields=contents)


@contextmanager
def _stored_zip():
    """python-docx writes its zip uncompressed while we save: word_native packs the document
    once, so compressing here too would only cost time (the output bytes are the same either way)."""
    from docx.opc import pkgwriter

    original = getattr(pkgwriter, "PhysPkgWriter", None)
    if original is None:  # another python-docx: save as it does
        yield
        return
    pkgwriter.PhysPkgWriter = _StoredPkgWriter  # type: ignore[misc,assignment]
    try:
        yield
    finally:
        pkgwriter.PhysPkgWriter = original  # type: ignore[misc]


class _StoredPkgWriter:
    """python-docx's physical package writer (``write``, ``close``), with stored members."""

    def __init__(self, pkg_file) -> None:
        import zipfile

        self._zip = zipfile.ZipFile(pkg_file, "w", compression=zipfile.ZIP_STORED)

    def write(self, pack_uri, blob: bytes) -> None:
        self._zip.writestr(pack_uri.membername, blob)

    def close(self) -> None:
        self._zip.close()


# A table of at most this many rows is kept on one page when it fits; a longer one keeps its last rows together.
SHORT_TABLE_ROWS = 15
LAST_ROWS_TOGETHER = 3
NOTE_STYLES = ("Källa",)  # the style of the line under a table: its source, or "Avrundningsdifferenser kan förekomma."
LEAD_CHARACTERS = 200  # a paragraph before a table this short leads into it


def keep_tables_together(body) -> None:
    """No table row stands alone at the top of a page (a Totalt under the page break).

    Every row of a short table but the last keeps with the next (Word's and
    LibreOffice's way of keeping a table on one page; when it does not fit,
    it breaks as before); a long table keeps its last three rows together.
    A short paragraph right before a table keeps with it, and a table's last
    row keeps with the source line (style Källa) under it. Nested tables are
    left as they are.
    """
    for table in body.iter(w("tbl")):
        if next(table.iterancestors(w("tbl")), None) is not None:
            continue
        rows = table.findall(w("tr"))
        kept = rows[:-1] if len(rows) <= SHORT_TABLE_ROWS else rows[-LAST_ROWS_TOGETHER:-1]
        after, before = table.getnext(), table.getprevious()
        if after is not None and after.tag == w("p") and _style_id(after) in NOTE_STYLES:
            kept = [*kept, rows[-1]]  # the source line or rounding note under the table stays with its last rows
        if before is not None and before.tag == w("p") and 0 < len("".join(t.text or "" for t in before.iter(w("t"))).strip()) <= LEAD_CHARACTERS:
            kept = [before, *kept]  # a short lead-in ("Tabellerna visar …") stays with the table
        for row in kept:
            for paragraph in row.iter(w("p")):
                properties = paragraph.get_or_add_pPr()  # python-docx's elements: keepNext goes where the schema puts it
                if properties.keepNext is None:  # a keepNext the template set (even w:val="0") stays as it is
                    properties.keepNext_val = True


def _style_id(paragraph) -> str | None:
    properties = paragraph.pPr
    return properties.pStyle.val if properties is not None and properties.pStyle is not None else None


def _normalise(docx) -> None:
    """Body, headers and footers as their owner sees them (see :mod:`reporter.docxparts`)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    normalise(docx.element.body)
    for rel in docx.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external:
            normalise(rel.target_part.element)


def _text_parts(docx) -> list:
    """The XML of the parts that hold a reader's text: the body, headers and footers."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    parts = [docx.element.body]
    parts += [rel.target_part.element for rel in docx.part.rels.values() if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external]
    return parts


def _around(exc) -> str:
    """`` (vid: …)``: the template text of the line that failed, shortened; docxtpl gives seven lines around it."""
    lines = [line.strip() for line in getattr(exc, "docx_context", [])]
    if not lines:
        return ""
    failing = lines[min(3, (getattr(exc, "lineno", 1) or 1) - 1, len(lines) - 1)] or next((line for line in lines if line), "")
    if len(failing) > 160:
        failing = failing[:120] + " … " + failing[-30:]
    return f" (vid: {failing})" if failing else ""


def _tag_of(document, exc) -> str:
    """`` (i mallkoden {{ x.__class__ }})``: the tag the error names, found in the template's text."""
    names = re.findall(r"'(\w+)'", str(exc))
    if not names:
        return _around(exc)
    try:
        parts = [document.get_xml()] + [document.get_part_xml(part) for _, part in document.get_headers_footers(document.HEADER_URI)]
    except Exception:
        return _around(exc)
    text = "".join(re.sub(r"<[^>]+>", "", part) for part in parts)
    tags = [tag for tag in _TAG.findall(text) if any(re.search(rf"\b{re.escape(n)}\b", tag) for n in names)]
    return f" (i mallkoden {html.unescape(tags[0])})" if tags else _around(exc)


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _undefined_message(document, env, context, exc) -> str:
    """Name every unknown name at once; asked only when rendering has failed."""
    try:
        unknown = document.get_undeclared_template_variables(env, context)
    except Exception:
        unknown = set()
    if unknown:
        return "mallen använder namn som inte finns i rapportens data: " + ", ".join(sorted(unknown))
    return f"mallen använder något som inte finns: {exc.message}"


@functools.lru_cache(maxsize=1)
def _template_class():
    """docxtpl's DocxTemplate with three steps made linear in the document's size.

    docxtpl renders the body to a string, then (1) scans every paragraph for
    tabs and line breaks in text (``resolve_listing``), (2) walks every table
    to repair the column grid after ``{%tc %}`` column loops (``fix_tables``)
    and (3) moves the parsed body into the original document, which lxml does
    node by node (``map_tree``). For a 10 000-row table these take 80 % of the
    time. Here (1) runs only when some text holds such a character, (2) only
    when the template has column loops, and (3) parses the body inside a copy
    of the document's root element and swaps the whole root, so nothing moves.
    docxtpl still does the patching and the Jinja rendering.
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docxtpl import DocxTemplate
    from lxml import etree

    class Template(DocxTemplate):
        def build_xml(self, context, jinja_env=None):
            self._column_loops = bool(_COLUMN_LOOP.search(self.get_xml()))
            return super().build_xml(context, jinja_env)

        def resolve_listing(self, xml):
            return super().resolve_listing(xml) if _LISTING.search(xml) else xml

        def fix_tables(self, xml):
            if self._column_loops:
                xml = etree.tostring(super().fix_tables(xml), encoding="unicode")
            shell = etree.tostring(self.docx._element, encoding="unicode")
            start, end = shell.index("<w:body"), shell.rindex("</w:body>") + len("</w:body>")
            return parse_xml(shell[:start] + xml + shell[end:])

        def fix_docpr_ids(self, tree):
            for element in tree.iter(qn("wp:docPr")):
                self.docx_ids_index += 1
                element.set("id", str(self.docx_ids_index))

        def map_tree(self, tree):
            self.docx._part._element = tree
            self.docx._element = tree
            self.docx._Document__body = None

    return Template


_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_COLUMN_LOOP = re.compile(r"\{%-?\s*tc\s")


def _image(document, chart):
    """A chart as an inline picture whose alt text (docPr descr) says what it shows."""
    from docx.oxml import parse_xml
    from docx.shared import Cm
    from docxtpl import InlineImage

    class DescribedImage(InlineImage):
        def _insert_image(self) -> str:
            inline = parse_xml(self.tpl.current_rendering_part.new_pic_inline(self.image_descriptor, self.width, None).xml)
            for element in inline.xpath(".//wp:docPr | .//pic:cNvPr"):
                element.set("descr", chart.alt)
                element.set("name", "Diagram")
            xml = inline.xml if hasattr(inline, "xml") else ""
            return f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

    return DescribedImage(document, io.BytesIO(chart.png), width=Cm(chart.width_cm))


class _Numbering:
    """Gives each numbered Markdown list its own numbering, starting where it says."""

    def __init__(self, docx) -> None:
        self._docx = docx
        self._nums: dict[int, int] = {}

    def num_id(self, block: Block, style) -> int | None:
        if block.list_id in self._nums:
            return self._nums[block.list_id]
        style_numbering = style.element.pPr.numPr if style.element.pPr is not None else None
        if style_numbering is None or style_numbering.numId is None:
            return None
        numbering = self._docx.part.numbering_part.element
        base = numbering.num_having_numId(style_numbering.numId.val)
        num = numbering.add_num(base.abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(block.start)
        self._nums[block.list_id] = num.numId
        return num.numId


def _paragraphs(docx, blocks: list[Block], numbering: _Numbering, after_table: bool = False):
    """Markdown blocks as Word paragraphs (XML) in the template's own styles.

    ``after_table``: an analysis placed after a table; its first paragraph keeps a little space from the table.
    """
    from markupsafe import Markup

    parts = []
    for number, block in enumerate(blocks):
        if block.kind == "heading":
            style_name = HEADING_STYLES[min(block.level, len(HEADING_STYLES)) - 1]
        elif block.kind in LIST_STYLES:
            names = LIST_STYLES[block.kind]
            style_name = names[min(block.level, len(names)) - 1]
        else:
            style_name = None
        properties = ""
        if style_name:
            style = find_style(docx, style_name)
            properties = f'<w:pStyle w:val="{escape(style.style_id)}"/>'
            if block.kind == "number" and block.level == 1:
                num_id = numbering.num_id(block, style)
                if num_id is not None:
                    properties += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        if after_table and number == 0:
            properties += '<w:spacing w:before="160"/>'
        runs = "".join(_run(span) for span in block.spans)
        parts.append(f"<w:p><w:pPr>{properties}</w:pPr>{runs}</w:p>" if properties else f"<w:p>{runs}</w:p>")
    return Markup("".join(parts))


def _text(docx, text, numbering, after_table: bool):
    """A text as the template uses it: Word paragraphs, or for a sectioned text (v2) its parts as paragraphs."""
    if not text:
        return None
    if not isinstance(text, Sections):
        return _paragraphs(docx, text, numbering, after_table=after_table)
    return {
        "inledning": _paragraphs(docx, text.intro, numbering) if text.intro else None,
        "delar": {key: _paragraphs(docx, blocks, numbering) if blocks else None for key, blocks in text.parts.items()},
        "ovriga": [{"rubrik": heading, "text": _paragraphs(docx, blocks, numbering) if blocks else None} for heading, blocks in text.extra],
    }


def find_style(docx, name: str):
    """A paragraph style by id or by name, whoever saved the template.

    Word writes built-in names in lower case (``heading 2``), LibreOffice as
    shown (``Heading 2``), and a Swedish Word localises the id (``Rubrik2``).
    The id without spaces wins (LibreOffice may give two styles one name);
    then the name, ignoring case. Raises KeyError naming the style.
    """
    by_id, by_name = _style_index(docx)
    found = by_id.get(name.replace(" ", "")) or by_name.get(name.casefold())
    if found is None:
        raise KeyError(name)
    return found


def _style_index(docx) -> tuple[dict, dict]:
    """The document's paragraph styles by id and by name in lower case (the first of a name), made once."""
    index = getattr(docx, "_reporter_styles", None)
    if index is None:
        from docx.enum.style import WD_STYLE_TYPE

        by_id: dict = {}
        by_name: dict = {}
        for style in docx.styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH:
                by_id.setdefault(style.style_id, style)
                by_name.setdefault((style.name or "").casefold(), style)
        index = docx._reporter_styles = (by_id, by_name)
    return index


def _run(span) -> str:
    marks = ("<w:b/>" if span.bold else "") + ("<w:i/>" if span.italic else "")
    properties = f"<w:rPr>{marks}</w:rPr>" if marks else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(clean_text(span.text))}</w:t></w:r>'


LANGUAGE = "sv-SE"
CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def core_xml(properties: dict[str, Any]) -> bytes:
    """``docProps/core.xml`` by the OPC rules (ECMA-376-2 §8.3.1): each property once, only the core namespaces,
    no empty elements, dates as W3CDTF; from the report, never from the clock, so rebuilds are identical."""
    moment = properties.get("datum") or dt.datetime(2000, 1, 1)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    values = [
        ("dc:title", properties.get("titel")),
        ("dc:subject", properties.get("amne")),
        ("dc:creator", properties.get("forfattare")),
        ("cp:lastModifiedBy", properties.get("forfattare")),
        ("dc:identifier", properties.get("dokument_id")),
        ("cp:version", properties.get("version")),
        ("dc:language", LANGUAGE),
        ("cp:revision", "1"),
    ]
    elements = "".join(f"<{name}>{escape(str(value))}</{name}>" for name, value in values if value)
    elements += f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
    elements += f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in CORE_NS.items())
    return f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<cp:coreProperties {namespaces}>{elements}</cp:coreProperties>".encode()


def app_xml() -> bytes:
    """``docProps/app.xml``: this tool made the document (not the Word that once saved the template)."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>reporter {escape(VERSION)}</Application><DocSecurity>0</DocSecurity></Properties>"
    ).encode()


_COMPAT = re.compile(rb'(<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val=")\d+(")')


def word_native(data: bytes, properties: dict[str, Any], update_fields: bool = False) -> bytes:
    """The document as Word makes its own, and its bytes finished: core and app properties of this report and
    tool, Word 2013+ layout (compatibilityMode 15, no compatibility mode), no stale thumbnail of the template;
    packed once, every entry with a fixed time and metadata (the same inputs give the same bytes).
    ``update_fields``: Word is to offer to update the fields on opening (a document with a table of contents)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    missing = [name for name in _PROPERTY_PARTS if name not in names]  # a template saved without them: add them
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            if name == "docProps/core.xml":
                content = core_xml(properties)
            elif name == "docProps/app.xml":
                content = app_xml()
            elif name == "word/settings.xml":
                content = _compatibility_15(content)
                if update_fields:
                    content = ask_to_update_fields(content)
            elif name.startswith("docProps/thumbnail"):
                continue
            elif name == "_rels/.rels":
                content = re.sub(rb'<Relationship [^>]*relationships/metadata/thumbnail"[^>]*/>', b"", content)
            write_entry(target, name, _declare(name, content, missing))
        for name in missing:
            write_entry(target, name, core_xml(properties) if name == "docProps/core.xml" else app_xml())
    return buffer.getvalue()


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_entry(target: zipfile.ZipFile, name: str, content: bytes) -> None:
    """One entry of a document's zip, packed, with a fixed time and metadata."""
    info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    target.writestr(info, content, compresslevel=6)


def _compatibility_15(settings: bytes) -> bytes:
    """settings.xml with compatibilityMode 15: Word opens the document without "[Compatibility Mode]"."""
    if _COMPAT.search(settings):
        return _COMPAT.sub(rb"\g<1>15\g<2>", settings)
    setting = b'<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    if b"<w:compat>" in settings:
        return settings.replace(b"<w:compat>", b"<w:compat>" + setting, 1)
    if b"<w:compat/>" in settings:
        return settings.replace(b"<w:compat/>", b"<w:compat>" + setting + b"</w:compat>", 1)
    return re.sub(rb"(</w:settings>)", b"<w:compat>" + setting + rb"</w:compat>\1", settings, count=1)


_PROPERTY_PARTS = {  # part → (relationship type, content type)
    "docProps/core.xml": (
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "application/vnd.openxmlformats-package.core-properties+xml",
    ),
    "docProps/app.xml": (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    ),
}


def _declare(name: str, content: bytes, parts: list[str]) -> bytes:
    """A package's relationships and content types with those of the property parts it did not have."""
    for number, part in enumerate(parts):
        relationship, content_type = _PROPERTY_PARTS[part]
        if name == "_rels/.rels":
            content = content.replace(
                b"</Relationships>", f'<Relationship Id="rIdReporter{number}" Type="{relationship}" Target="{part}"/></Relationships>'.encode()
            )
        elif name == "[Content_Types].xml":
            content = content.replace(b"</Types>", f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'.encode())
    return content
