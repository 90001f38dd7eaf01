"""Is a PDF the document it claims to be? Its title, first page and page count against its DOCX.

A LibreOffice that is broken, or is not LibreOffice at all, may write one
document's PDF under every name, or an empty page. So each PDF is held
against the DOCX it was made from: its title (the PDF's metadata, which
LibreOffice takes from the DOCX's properties) is the DOCX's title, and its
first page shows what the DOCX shows on its first page: the title and the
document ID where the first page's header has them, and the body's first
paragraph. A first page that says ``Sida 1 (N)`` belongs to a PDF of N pages.
The merged PDF is held part by part against the same DOCX files. Text is
compared without spaces, hyphens and case: a PDF's text has its lines broken
where the page breaks them.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CORE = {"dc": "http://purl.org/dc/elements/1.1/", "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}
FIRST_WORDS = 30  # characters of the body's first paragraph looked for on the first page
PAGE_OF = re.compile(r"Sida\s*1\s*\((\d+)\)")


@dataclass(frozen=True)
class Expected:
    """What a DOCX's PDF must show: its title (metadata) and texts of its first page."""

    title: str
    first_page: tuple[str, ...]


def expected(docx: bytes) -> Expected:
    """What the PDF of this DOCX must show."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())
        core = etree.fromstring(archive.read("docProps/core.xml")) if "docProps/core.xml" in names else None
        document = etree.fromstring(archive.read("word/document.xml"))
        relations = (
            {r.get("Id"): r.get("Target") for r in etree.fromstring(archive.read("word/_rels/document.xml.rels")).iter(RELATIONSHIP)}
            if "word/_rels/document.xml.rels" in names else {}
        )
        header_target = _first_page_header(document, relations)
        header = _text(etree.fromstring(archive.read(header_target))) if header_target and header_target in names else ""
    title = _clean(core.findtext("dc:title", "", CORE) if core is not None else "")
    identifier = _clean(core.findtext("dc:identifier", "", CORE) if core is not None else "")
    paragraph = _first_paragraph(document)
    shown = _compact(header + paragraph)
    wanted = [text for text in (title, identifier) if text and _compact(text) in shown]
    if paragraph:
        wanted.append(paragraph[:FIRST_WORDS])
    return Expected(title, tuple(dict.fromkeys(wanted)))


def mismatch(pdf, want: Expected, first_page: int = 0, pages: int | None = None) -> str | None:
    """Why this PDF (bytes, or a pypdf reader of them), or its part of ``pages`` pages from ``first_page``, is not the
    document ``want`` describes; None when it is. The title is compared for a whole PDF only: a merged PDF has its own.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf)) if isinstance(pdf, bytes) else pdf
        count = len(reader.pages)
        if pages is None:
            pages = count - first_page
            title = _clean(str(reader.metadata.title or "")) if reader.metadata is not None else ""
            if want.title and title != want.title:
                return f"har titeln '{title}', inte '{want.title}'" if title else f"har ingen titel; dokumentets titel är '{want.title}'"
        if pages < 1 or first_page + pages > count:
            return "har inga sidor"
        text = reader.pages[first_page].extract_text() or ""
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        return f"går inte att läsa ({exc})"
    found = _compact(text)
    for wanted in want.first_page:
        if _compact(wanted) not in found:
            return f"visar inte '{wanted}' på första sidan"
    said = PAGE_OF.search(text)
    if said and int(said.group(1)) != pages:
        return f"har {pages} sidor, men första sidan säger att dokumentet har {said.group(1)}"
    return None


def merged_mismatches(merged: bytes, parts: list[tuple[str, bytes, Expected | None]]) -> list[tuple[str, str]]:
    """The parts of a merged PDF that are not their documents: (part's name, why).

    ``parts`` are in the merged PDF's order: each part's name, its own PDF (for
    its page count) and what it must show (None for an external appendix,
    which has no DOCX to hold it against).
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(merged))
        total = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        return [("", f"går inte att läsa ({exc})")]
    found = []
    first = 0
    for name, pdf, want in parts:
        pages = _page_count(pdf)
        if want is not None and (reason := mismatch(reader, want, first, pages)):
            found.append((name, reason))
        first += pages
    if total != first:
        found.append(("", f"har {total} sidor, men dess delar har {first} tillsammans"))
    return found


def _page_count(pdf: bytes) -> int:
    """The number of pages of a PDF (0 when it cannot be read)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(pdf)).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError):
        return 0


def _first_page_header(document, relations: dict[str, str]) -> str | None:
    """The part name of the header on the first page: the first section's first-page header, or its default one."""
    section = next(document.iter(f"{W}sectPr"), None)
    if section is None:
        return None
    references = {ref.get(f"{W}type"): ref.get(f"{R}id") for ref in section.iter(f"{W}headerReference")}
    title_page = section.find(f"{W}titlePg") is not None and section.find(f"{W}titlePg").get(f"{W}val", "1") not in ("0", "false")
    chosen = references.get("first") if title_page else references.get("default")
    target = relations.get(chosen or "")
    return f"word/{target.lstrip('/').removeprefix('word/')}" if target else None


def _first_paragraph(document) -> str:
    """The text of the body's first paragraph that shows text (not in a text box, no field)."""
    body = document.find(f"{W}body")
    for paragraph in body.iter(f"{W}p") if body is not None else []:
        if any(a.tag == f"{W}txbxContent" for a in paragraph.iterancestors()):
            continue
        if paragraph.find(f".//{W}fldChar") is not None or paragraph.find(f".//{W}fldSimple") is not None:
            continue
        text = _clean(_text(paragraph))
        if text:
            return text
    return ""


def _text(element) -> str:
    """The visible text under an element: its runs' text, hidden runs left out."""
    parts = []
    for run in element.iter(f"{W}r"):
        if run.find(f"{W}rPr/{W}vanish") is not None:
            continue
        parts += [t.text or "" for t in run.iter(f"{W}t")]
    return " ".join(parts)


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _compact(text: str) -> str:
    """Text as compared: compatibility forms (ligatures) resolved, case folded, no spaces or hyphens."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", unicodedata.normalize("NFKC", text).casefold())


MERGED_SUFFIX = "-med-bilagor.pdf"  # the merged PDF: the first document's name and this


def package_mismatches(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """Every PDF of a package (name → bytes, in the package's order) held against its DOCX; (PDF, why) for each that is not its document.

    A PDF is a DOCX's when it has the DOCX's name; the merged PDF's parts are
    the package's documents in order (a DOCX by its PDF, an external appendix as it is).
    """
    wants = {name.removesuffix(".docx"): expected(data) for name, data in files.items() if name.endswith(".docx")}
    found = []
    for name, data in files.items():
        stem = name.removesuffix(".pdf")
        if name.endswith(".pdf") and stem in wants and (reason := mismatch(data, wants[stem])):
            found.append((name, f"är inte PDF:en av {stem}.docx: den {reason}"))
    for merged in (name for name in files if name.endswith(MERGED_SUFFIX)):
        parts: list[tuple[str, bytes, Expected | None]] = []
        for name in files:
            stem = name.rsplit(".", 1)[0]
            if name.endswith(".docx") and f"{stem}.pdf" in files:
                parts.append((f"{stem}.pdf", files[f"{stem}.pdf"], wants[stem]))
            elif name.endswith(".pdf") and stem not in wants and name != merged:
                parts.append((name, files[name], None))
        for part, reason in merged_mismatches(files[merged], parts):
            found.append((merged, f"delen {part} {reason}" if part else reason))
    return found
