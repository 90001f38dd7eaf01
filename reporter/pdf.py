"""DOCX → tagged PDF with LibreOffice, all documents in one process, and one merged PDF.

LibreOffice lays the documents out, fills in the page fields (Sida N (M)) and
tags the PDF for PDF/UA: a structure tree with headings, tables with header
cells and figures with their alternative text, the document's language and
title. The merged package is joined here with pikepdf so that it keeps all of
that: each document's structure tree becomes one part of the package's tree,
and its bookmarks are nested under one bookmark per document.
Nothing here writes to the output folder: the PDFs come back as bytes.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .contents import unwrap_for_pdf
from .errors import ReporterError, error
from .processes import DeadlinePassed, run, temporary_folder

SOFFICE_NAMES = ("soffice", "libreoffice")
START_SECONDS, SECONDS_PER_DOCUMENT = 60, 5  # LibreOffice's deadline: a minute to start, and a few seconds per document
LANGUAGE = "sv-SE"

# LibreOffice's PDF export filter, as JSON filter options: tagged, PDF/UA, bookmarks from the headings,
# the title (not the file name) in the title bar, and the bookmarks open beside the first page.
PDF_FILTER_OPTIONS = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "ExportBookmarks": True,
    "OpenBookmarkLevels": 1,
    "DisplayPDFDocumentTitle": True,
    "InitialView": 1,
    "UseLosslessCompression": True,
}

# Structure types of PDF 1.7 (ISO 32000-1, 14.8.4): any other type must be mapped to one of them (PDF/UA).
STANDARD_TYPES = frozenset(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody "
    "Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP "
    "Figure Formula Form".split()
)


def _filter(to: str) -> str:
    """The --convert-to argument: PDF with the export options above, other formats as they are."""
    if to != "pdf":
        return to
    options = {
        name: {"type": "boolean" if isinstance(value, bool) else "long", "value": str(value).lower() if isinstance(value, bool) else str(value)}
        for name, value in PDF_FILTER_OPTIONS.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def find_soffice(given: Path | None = None) -> Path:
    """LibreOffice's soffice: the given path, or the first on PATH."""
    if given is not None:
        if given.is_file() and os.access(given, os.X_OK):
            return given.absolute()  # ./soffice is this folder's, never one on PATH
        raise ReporterError(error(f"--soffice {given}: filen finns inte eller går inte att köra"))
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ReporterError(
        error(
            "LibreOffice (soffice) hittas inte, så PDF kan inte skapas. Installera LibreOffice "
            "(t.ex. apt-get install libreoffice-writer-nogui) eller ange sökvägen med --soffice. "
            "Utan --pdf byggs DOCX-filerna som vanligt."
        )
    )


def default_seconds(count: int) -> int:
    """How long LibreOffice may take for ``count`` documents: a minute to start, and a few seconds each."""
    return START_SECONDS + SECONDS_PER_DOCUMENT * count


def convert(
    documents: dict[str, bytes],
    soffice: Path,
    to: str = "pdf",
    progress: Callable[[str], None] | None = None,
    seconds: float | None = None,
) -> dict[str, bytes]:
    """Convert every DOCX (name → bytes) in one LibreOffice run; name.pdf → bytes.

    ``to`` is LibreOffice's target format: ``pdf`` (tagged, PDF/UA), or
    ``docx`` to have Writer open and save a document as a template owner's
    Writer would. ``progress`` is told the name of each file as LibreOffice
    starts writing it. LibreOffice has ``seconds`` (standard:
    :func:`default_seconds`) from its start; then it and its children are
    stopped and nothing is returned.
    """
    seconds = seconds or default_seconds(len(documents))
    with temporary_folder("pdf") as folder:
        sources = []
        for name, data in documents.items():
            path = folder / name
            path.write_bytes(unwrap_for_pdf(data) if to == "pdf" else data)  # a table of contents' page numbers from LibreOffice's layout
            sources.append(path)
        profile = folder / "profil"  # its own profile: never disturbs an open LibreOffice
        command = [
            str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", _filter(to), "--outdir", str(folder / "ut"), *map(str, sources),
        ]
        output = _run(command, to, seconds, sources, folder / "ut", progress)
        result = {}
        for source in sources:
            converted = folder / "ut" / f"{source.stem}.{to}"
            if not converted.is_file():
                detail = output.strip().splitlines()[-1:] or ["inget meddelande"]
                raise ReporterError(error(f"LibreOffice gjorde ingen {to.upper()} av {source.name} ({detail[0]})"))
            data = converted.read_bytes()
            if to == "pdf":
                if not _opens(data):
                    raise ReporterError(
                        error(f"LibreOffice ({soffice}) gjorde en trasig PDF av {source.name}; försök igen, eller uppdatera LibreOffice")
                    )
                data = _finish(data)
            result[converted.name] = data
        return result


def _run(command: list[str], to: str, seconds: float, sources: list[Path], out: Path, progress: Callable[[str], None] | None) -> str:
    """Run LibreOffice under its deadline, telling ``progress`` each file it starts writing ("convert a.docx -> a.pdf …"); its output."""
    started: list[str] = []

    def said(line: str) -> None:
        if line.startswith("convert ") and " -> " in line:
            name = Path(line.split(" -> ", 1)[1].split(" using ", 1)[0].strip()).name
            started.append(name)
            if progress:
                progress(name)

    try:
        return run(command, seconds, said).output
    except DeadlinePassed:
        raise ReporterError(
            error(
                f"LibreOffice ({command[0]}) blev inte klar med {_working_on(started, sources, out, to)} på {seconds:g} sekunder "
                f"och stoppades; inget skrevs. Ge LibreOffice mer tid med --pdf-tidsgräns SEKUNDER om datorn är långsam"
            )
        ) from None
    except OSError as exc:
        raise ReporterError(error(f"LibreOffice kunde inte startas ({command[0]}): {exc.strerror or exc}")) from None


def _working_on(started: list[str], sources: list[Path], out: Path, to: str) -> str:
    """The document LibreOffice was making: the last it began to write, or the next one once that is written."""
    if not started:
        return sources[0].name if sources else "dokumenten"
    names = [f"{source.stem}.{to}" for source in sources]
    last = started[-1]
    if (out / last).is_file() and last in names and names.index(last) + 1 < len(names):
        return sources[names.index(last) + 1].name
    return sources[names.index(last)].name if last in names else last


def _opens(data: bytes) -> bool:
    """True for a PDF that can be read and has pages."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages) > 0
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, OSError):
        return False


def _finish(data: bytes) -> bytes:
    """LibreOffice's PDF with every structure type a PDF/UA reader knows: its own types mapped to standard ones."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return data
        if not _map_roles(pdf, root):
            return data
        buffer = io.BytesIO()
        pdf.save(buffer)
        return buffer.getvalue()


def _map_roles(pdf, root) -> bool:
    """Add a RoleMap entry for every non-standard structure type used without one (LibreOffice's ``Title``); True if any."""
    import pikepdf

    role_map = root.get("/RoleMap")
    mapped = {str(k)[1:] for k in role_map.keys()} if role_map is not None else set()
    missing = {t for t in _types(root) if t not in STANDARD_TYPES and t not in mapped}
    if not missing:
        return False
    if role_map is None:
        role_map = root.RoleMap = pikepdf.Dictionary()
    for name in sorted(missing):
        role_map[pikepdf.Name("/" + name)] = pikepdf.Name.P
    return True


def _types(root) -> set[str]:
    """The structure types used in a structure tree."""
    import pikepdf

    found: set[str] = set()
    stack = [root.get("/K")]
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            if "/S" in node and node.get("/Type", pikepdf.Name.StructElem) == pikepdf.Name.StructElem:
                found.add(str(node.S)[1:])
                stack.append(node.get("/K"))
    return found


@dataclass(frozen=True)
class Part:
    """One document of the merged PDF: its bookmark title and its PDF."""

    titel: str
    pdf: bytes


def merge(parts: list[Part], title: str) -> bytes:
    """One tagged PDF of the given PDFs, in order.

    Each part's structure tree becomes a ``Part`` element of the package's
    ``Document`` (its marked-content keys renumbered), each part gets one
    bookmark named by its title with its own bookmarks under it, and the
    package carries the language, title and PDF/UA marks of its parts.
    """
    import pikepdf
    from pikepdf import Array, Dictionary, Name, OutlineItem

    merged = pikepdf.new()
    tree = merged.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = merged.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=tree, K=Array(), Lang=LANGUAGE))
    tree.K = document
    role_map = Dictionary()
    numbers = Array()
    next_key = 0
    bookmarks = []
    opened = []
    try:
        for part in parts:
            source = pikepdf.open(io.BytesIO(part.pdf))
            opened.append(source)
            first = len(merged.pages)
            merged.pages.extend(source.pages)
            page_index = {page.objgen: first + number for number, page in enumerate(source.pages)}
            bookmarks.append((part.titel, first, _outline(source, page_index)))
            root = source.Root.get("/StructTreeRoot")
            if root is None:
                continue  # an untagged external appendix: its pages come along, untagged (the build warns)
            _map_roles(source, root)
            for name, value in (root.get("/RoleMap") or {}).items():
                role_map[name] = value
            offset = next_key
            entries = _number_tree(root.get("/ParentTree"))
            for key, entry in entries:
                numbers.append(key + offset)
                numbers.append(_copy(merged, source, entry))
            next_key = offset + (max((key for key, _ in entries), default=-1) + 1)
            for page in merged.pages[first:]:
                if "/StructParents" in page.obj:
                    page.obj.StructParents = int(page.obj.StructParents) + offset
                for annotation in page.obj.get("/Annots") or []:
                    if "/StructParent" in annotation:
                        annotation.StructParent = int(annotation.StructParent) + offset
            element = merged.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Part, P=document, T=pikepdf.String(part.titel), K=Array()))
            kids = root.get("/K")
            for kid in (kids if isinstance(kids, Array) else [kids]) if kids is not None else []:
                copied = _copy(merged, source, kid)
                if isinstance(copied, Dictionary) and copied.get("/S") == Name.Document:
                    copied.S = Name.Sect  # the part's own Document: a section of the package's part
                if isinstance(copied, Dictionary):
                    copied.P = element
                element.K.append(copied)
            document.K.append(element)
        tree.ParentTree = merged.make_indirect(Dictionary(Nums=numbers))
        tree.ParentTreeNextKey = next_key
        if role_map:
            tree.RoleMap = role_map
        merged.Root.StructTreeRoot = tree
        merged.Root.MarkInfo = Dictionary(Marked=True)
        merged.Root.Lang = pikepdf.String(LANGUAGE)
        merged.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        merged.Root.PageMode = Name.UseOutlines
        with merged.open_outline() as outline:
            for titel, first, children in _shared(bookmarks):
                item = OutlineItem(titel, first)
                item.children.extend(_items(children))
                outline.root.append(item)
        merged.docinfo[Name.Title] = pikepdf.String(title)
        with merged.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["dc:language"] = [LANGUAGE]
            meta["pdfuaid:part"] = "1"
        buffer = io.BytesIO()
        merged.save(buffer, deterministic_id=True)
        return buffer.getvalue()
    finally:
        for source in opened:
            source.close()


def _copy(merged, source, obj):
    """An object of ``source`` in ``merged``: objects already copied (its pages) are the same copies."""
    import pikepdf

    if not isinstance(obj, pikepdf.Object):
        return obj  # a number
    if not obj.is_indirect:
        obj = source.make_indirect(obj)
    return merged.copy_foreign(obj)


def _number_tree(node) -> list[tuple[int, object]]:
    """The (key, value) pairs of a PDF number tree (the ParentTree), leaves and kids alike."""
    if node is None:
        return []
    pairs = []
    numbers = node.get("/Nums")
    if numbers is not None:
        pairs += [(int(numbers[i]), numbers[i + 1]) for i in range(0, len(numbers) - 1, 2)]
    for kid in node.get("/Kids") or []:
        pairs += _number_tree(kid)
    return pairs


def _shared(bookmarks: list) -> list:
    """Consecutive parts with the same title (an external appendix's cover page and the appendix) share one
    bookmark, at the first one's page, with the bookmarks of both under it: sibling bookmarks stay unique."""
    shared: list = []
    for titel, first, children in bookmarks:
        if shared and shared[-1][0] == titel:
            shared[-1][2].extend(children)
        else:
            shared.append((titel, first, list(children)))
    return shared


def _outline(source, page_index: dict) -> list[tuple[str, int | None, float | None, list]]:
    """A document's bookmarks as (title, page in the merged PDF, top, children)."""
    with source.open_outline() as outline:
        return [_bookmark(item, source, page_index) for item in outline.root]


def _bookmark(item, source, page_index: dict):
    import pikepdf

    target = item.destination
    if target is None and item.action is not None and item.action.get("/S") == pikepdf.Name.GoTo:
        target = item.action.get("/D")
    if isinstance(target, (pikepdf.String, pikepdf.Name)):
        target = _named_destination(source, target)
    page, top = None, None
    if isinstance(target, pikepdf.Array) and len(target) > 0:
        destination = target[0]
        if isinstance(destination, pikepdf.Dictionary) and destination.is_indirect:
            page = page_index.get(destination.objgen)
        elif isinstance(destination, int):
            page = page_index.get(source.pages[int(destination)].objgen)
        if len(target) > 3 and target[1] == pikepdf.Name.XYZ:
            try:
                top = float(target[3])
            except (TypeError, ValueError):
                top = None  # null: keep the reader's position
    return (str(item.title), page, top, [_bookmark(child, source, page_index) for child in item.children])


def _named_destination(source, name):
    """A named destination's array, or None."""
    from pikepdf import NameTree

    names = source.Root.get("/Names")
    if names is not None and "/Dests" in names:
        found = NameTree(names.Dests).get(str(name))
        if found is not None:
            return found.get("/D", found) if hasattr(found, "get") else found
    return None


def _items(bookmarks) -> list:
    from pikepdf import OutlineItem, PageLocation

    items = []
    for title, page, top, children in bookmarks:
        if page is None:
            items.extend(_items(children))
            continue
        item = OutlineItem(title, page, PageLocation.XYZ, top=top) if top is not None else OutlineItem(title, page)
        item.children.extend(_items(children))
        items.append(item)
    return items


# --- fonts --------------------------------------------------------------------------------

# A font a template may name, the font with the same metrics that a Linux machine has instead,
# and the Debian package that installs it. With neither, LibreOffice lays the page out with a
# wider font and table headers break mid-word.
METRIC_COMPATIBLE = {
    "Arial": ("Liberation Sans", "fonts-liberation2"),
    "Helvetica": ("Liberation Sans", "fonts-liberation2"),
    "Times New Roman": ("Liberation Serif", "fonts-liberation2"),
    "Courier New": ("Liberation Mono", "fonts-liberation2"),
    "Calibri": ("Carlito", "fonts-crosextra-carlito"),
    "Cambria": ("Caladea", "fonts-crosextra-caladea"),
}


def installed_fonts() -> set[str] | None:
    """The font families fontconfig knows (``fc-list``), in lower case; None when fc-list is not there."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        done = subprocess.run([program, "--format", "%{family}\n"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {family.strip().casefold() for line in done.stdout.splitlines() for family in line.split(",") if family.strip()}


def missing_fonts(named: set[str], installed: set[str]) -> list[tuple[str, str | None, str | None]]:
    """The named fonts neither installed nor replaceable by their metric twin: (font, twin, package)."""
    missing = []
    for font in sorted(named):
        twin, package = METRIC_COMPATIBLE.get(font, (None, None))
        if font.casefold() in installed or (twin and twin.casefold() in installed):
            continue
        missing.append((font, twin, package))
    return missing


def docx_fonts(data: bytes) -> set[str]:
    """The fonts a DOCX names for its text: in styles, document, headers and footers, theme fonts resolved.

    East Asian and complex-script fonts are left out (the reports are Swedish).
    """
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        theme = next((n for n in names if n.startswith("word/theme/") and n.endswith(".xml")), None)
        theme_xml = archive.read(theme).decode("utf-8", "replace") if theme else ""
        parts = [n for n in names if re.fullmatch(r"word/(styles|document|header\d*|footer\d*|numbering)\.xml", n)]
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in parts)
    themes = {}
    for kind in ("major", "minor"):
        found = re.search(rf"<a:{kind}Font>\s*<a:latin typeface=\"([^\"]*)\"", theme_xml)
        if found and found.group(1):
            themes[kind] = found.group(1)
    fonts = set(re.findall(r"<w:rFonts\b[^>]*?\bw:(?:ascii|hAnsi)=\"([^\"]+)\"", text))
    for kind in re.findall(r"\bw:(?:asciiTheme|hAnsiTheme)=\"(major|minor)HAnsi\"", text):
        if kind in themes:
            fonts.add(themes[kind])
    return {f for f in fonts if f not in ("Symbol", "Wingdings")}


def is_tagged(data: bytes) -> bool:
    """True for a PDF with a structure tree that says it is tagged (MarkInfo /Marked)."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            info = pdf.Root.get("/MarkInfo")
            marked = info.get("/Marked", False) if info is not None else False
            return "/StructTreeRoot" in pdf.Root and bool(marked)
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, OSError):
        return False
