"""DOCX templates + context → document bytes: the only module that imports docxtpl.

Templates run in Jinja's sandbox with autoescape on and strict undefined names,
so user text is always content and a misspelt name in a template fails the
build instead of leaving a blank. Markdown texts become Word paragraphs in the
template's own styles (headings, lists, bold, italic).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from .errors import ReporterError, error
from .formatting import FILTERS
from .texts import Block

HEADING_STYLES = ("Heading 2", "Heading 3", "Heading 4")
LIST_STYLES = {"bullet": ("List Bullet", "List Bullet 2", "List Bullet 3"), "number": ("List Number", "List Number 2", "List Number 3")}


def jinja_environment():
    """The sandboxed Jinja environment every template is rendered in."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def render_docx(template: Path, context: dict[str, Any], properties: dict[str, Any]) -> bytes:
    """Render a template with the context; return the document as bytes.

    ``context["texter"]`` holds Markdown blocks; they are turned into Word
    paragraphs here. ``properties`` are the document's core properties.
    """
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    label = template.name
    if not template.is_file():
        raise ReporterError(error("mallen finns inte", file=str(template)))
    try:
        document = DocxTemplate(template)
        document.init_docx()
    except Exception as exc:  # a broken or non-DOCX template file
        raise ReporterError(error(f"mallen kan inte öppnas som Word-dokument: {exc}", file=label)) from None
    env = jinja_environment()
    context = dict(context)
    try:
        unknown = document.get_undeclared_template_variables(env, context)
    except TemplateSyntaxError as exc:
        raise ReporterError(error(f"fel i en mallkod: {exc.message}", file=label)) from None
    if unknown:
        names = ", ".join(sorted(unknown))
        raise ReporterError(error(f"mallen använder namn som inte finns i rapportens data: {names}", file=label))
    try:
        numbering = _Numbering(document.docx)
        context["texter"] = {
            key: _subdoc(document, blocks, numbering) if blocks else None
            for key, blocks in context["texter"].items()
        }
        context["diagram"] = {key: _image(document, chart) for key, chart in context.get("diagram", {}).items()}
        document.render(context, env, autoescape=True)
    except KeyError as exc:
        raise ReporterError(error(f"mallen saknar formatmallen {exc}", file=label)) from None
    except SecurityError as exc:
        raise ReporterError(error(f"mallen försöker använda något som inte är tillåtet: {exc}", file=label)) from None
    except UndefinedError as exc:
        raise ReporterError(error(f"mallen använder något som inte finns: {exc.message}", file=label)) from None
    except TemplateError as exc:
        around = " | ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
        message = f"fel i en mallkod: {exc}" + (f" (vid: {around})" if around else "")
        raise ReporterError(error(message, file=label)) from None
    _set_properties(document.docx, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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


def _subdoc(document, blocks: list[Block], numbering: _Numbering):
    subdoc = document.new_subdoc()
    for block in blocks:
        if block.kind == "heading":
            style_name = HEADING_STYLES[min(block.level, len(HEADING_STYLES)) - 1]
        elif block.kind in LIST_STYLES:
            names = LIST_STYLES[block.kind]
            style_name = names[min(block.level, len(names)) - 1]
        else:
            style_name = None
        paragraph = subdoc.add_paragraph(style=style_name)
        if block.kind == "number" and block.level == 1:
            num_id = numbering.num_id(block, paragraph.style)
            if num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
        for span in block.spans:
            run = paragraph.add_run(span.text)
            run.bold = span.bold or None
            run.italic = span.italic or None
    return subdoc


def _set_properties(docx, properties: dict[str, Any]) -> None:
    """Core properties from the report, never from the clock: rebuilds are identical."""
    core = docx.core_properties
    moment = properties.get("datum") or dt.datetime(2000, 1, 1)
    core.title = properties.get("titel", "")
    core.subject = properties.get("amne", "")
    core.author = properties.get("forfattare", "")
    core.last_modified_by = properties.get("forfattare", "")
    core.identifier = properties.get("dokument_id", "")
    core.version = properties.get("version", "")
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = moment
    core.modified = moment
