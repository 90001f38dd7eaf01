"""A Word document as its owner sees it: parts, paragraphs, places and tags.

Reads the parts of a DOCX that hold text (brödtext, sidhuvud, sidfot,
fotnoter, slutnoter, kommentarer) with lxml, names each paragraph's place
the way a person finds it in Word ("stycke 14", "tabell 2, rad 1, kolumn 3",
"stycke 3, textruta 1") and gives its visible text: what Word shows with
tracked changes accepted, field results rather than field codes.

:func:`normalise` makes the XML say what the owner sees, for docxtpl: it
accepts tracked changes, drops proofing and layout marks, and puts each
Jinja tag that an editor split over several runs (spelling marks, bookmarks,
fields, revisions between its characters) back into one run. A document
without such things is left exactly as it was.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(name: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{name}"


# A Jinja tag as docxtpl finds it: {{ … }}, {% … %}, {# … #}.
TAG = re.compile(r"\{\{(?:(?!\}\}).)*\}\}|\{%(?:(?!%\}).)*%\}|\{#(?:(?!#\}).)*#\}", re.S)
TAG_START = re.compile(r"\{[{%#]")

MAX_PART_BYTES = 64 << 20  # a template part is kilobytes; refuse what cannot be one

# Marks that hold no content: proofing and the page break Word remembers from its last layout.
_MARKS = (w("proofErr"), w("lastRenderedPageBreak"))
_REVISION_RECORDS = tuple(
    w(name)
    for name in (
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "tblPrExChange", "trPrChange",
        "tcPrChange", "numberingChange", "cellIns", "cellDel", "cellMerge", "moveFromRangeStart", "moveFromRangeEnd",
        "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
        "customXmlDelRangeStart", "customXmlDelRangeEnd",
    )
)
_ANCHORS = (w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd"), w("permStart"), w("permEnd"))
_INLINE_CONTAINERS = (w("hyperlink"), w("smartTag"), w("customXml"), w("sdt"), w("sdtContent"), w("fldSimple"), w("dir"), w("bdo"))


# --- reading ---------------------------------------------------------------------------------


@dataclass
class Paragraph:
    """One paragraph of a part, where it is and what it says."""

    element: _Element
    part: str  # "brödtext", "sidhuvud", "sidfot", "fotnoter" …
    place: str  # "stycke 14", "tabell 2, rad 1, kolumn 3"
    area: str = ""  # "" for running text and tables; "textruta", "fotnot", "slutnot", "kommentar"
    text: str = ""


@dataclass
class Part:
    """A part of the document that holds text: the body, a header, a footer, the footnotes …"""

    label: str
    name: str  # the zip member, e.g. word/header1.xml
    root: _Element
    paragraphs: list[Paragraph] = field(default_factory=list)


def read_parts(source: Path | bytes, normalised: bool = True) -> list[Part]:
    """The text-holding parts of a DOCX in reading order, each with its paragraphs.

    ``normalised``: as docxtpl will read them (:func:`normalise`). Raises
    ValueError (with a Swedish message) when the file is no DOCX.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValueError("filen är inget Word-dokument (ingen zip-fil)") from None
    with archive:
        main = _main_document(archive)
        body_root = _parse(archive, main)
        rels = _relationships(archive, main)
        parts = [Part("brödtext", main, body_root)]
        parts += _headers_and_footers(archive, body_root, rels)
        for kind, label in (("footnotes", "fotnoter"), ("endnotes", "slutnoter"), ("comments", "kommentarer")):
            for target in rels.get(kind, []):
                parts.append(Part(label, target, _parse(archive, target)))
    for part in parts:
        if normalised:
            normalise(part.root)
        part.paragraphs = list(paragraphs(part.root, part.label))
    return parts


def _parse(archive: zipfile.ZipFile, name: str):
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ValueError(f"delen {name} saknas i dokumentet") from None
    if info.file_size > MAX_PART_BYTES:
        raise ValueError(f"delen {name} är för stor för en mall")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(archive.read(name), parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"delen {name} är inte giltig XML ({exc})") from None


def _main_document(archive: zipfile.ZipFile) -> str:
    for kind, target in _rel_targets(archive, "_rels/.rels", ""):
        if kind == "officeDocument":
            return target
    return "word/document.xml"


def _rel_targets(archive: zipfile.ZipFile, rels_name: str, base: str) -> Iterator[tuple[str, str]]:
    try:
        root = _parse(archive, rels_name)
    except ValueError:
        return
    for rel in root.iter(f"{{{PACKAGE_RELS_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        yield rel.get("Type", "").rsplit("/", 1)[-1], path


def _relationships(archive: zipfile.ZipFile, main: str) -> dict[str, list[str]]:
    """Relationship kind → targets; also rId → target under the key ``id:rId``."""
    base = posixpath.dirname(main)
    rels_name = posixpath.join(base, "_rels", posixpath.basename(main) + ".rels")
    result: dict[str, list[str]] = {}
    try:
        root = _parse(archive, rels_name)
    except ValueError:
        return result
    for rel in root.iter(f"{{{PACKAGE_RELS_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(base, rel.get("Target", "")))
        result.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], []).append(target)
        result[f"id:{rel.get('Id')}"] = [target]
    return result


_KIND_WORDS = {"first": "första sidan", "even": "jämna sidor"}


def _headers_and_footers(archive, body_root, rels) -> list[Part]:
    """Headers, then footers, in the order the sections use them, labelled for a person."""
    parts = []
    sections = list(body_root.iter(w("sectPr")))
    for kind, label in (("header", "sidhuvud"), ("footer", "sidfot")):
        uses: list[tuple[int, str, str]] = []  # section number, type, target
        for number, section in enumerate(sections, 1):
            for reference in section.iterchildren(w(f"{kind}Reference")):
                target = rels.get(f"id:{reference.get(f'{{{R_NS}}}id')}", [None])[0]
                if target:
                    uses.append((number, reference.get(w("type"), "default"), target))
        targets = list(dict.fromkeys(t for _, _, t in uses)) + [t for t in rels.get(kind, []) if t not in {u[2] for u in uses}]
        several_sections = len({n for n, _, _ in uses}) > 1
        for target in targets:
            first_use = next(((n, t) for n, t, tt in uses if tt == target), None)
            qualifiers = []
            if first_use and several_sections:
                qualifiers.append(f"avsnitt {first_use[0]}")
            if first_use and first_use[1] in _KIND_WORDS:
                qualifiers.append(_KIND_WORDS[first_use[1]])
            if first_use is None and len(targets) > 1:
                qualifiers.append(posixpath.basename(target))
            parts.append(Part(label + (f" ({', '.join(qualifiers)})" if qualifiers else ""), target, _parse(archive, target)))
    return parts


def paragraphs(root, part: str) -> Iterator[Paragraph]:
    """Every paragraph of a part with its place, in reading order (text boxes after their paragraph)."""
    if root.tag in (w("footnotes"), w("endnotes"), w("comments")):
        item, area, word = {
            w("footnotes"): ("footnote", "fotnot", "fotnot"),
            w("endnotes"): ("endnote", "slutnot", "slutnot"),
            w("comments"): ("comment", "kommentar", "kommentar"),
        }[root.tag]
        number = 0
        for note in root.iterchildren(w(item)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            number += 1
            yield from _container(note, part, [f"{word} {number}"], area)
        return
    container = root.find(w("body")) if root.tag == w("document") else root
    if container is not None:
        yield from _container(container, part, [], "")


def _blocks(container) -> Iterator:
    for child in container:
        if child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag == w("customXml"):
            yield from _blocks(child)
        elif child.tag in (w("p"), w("tbl"), w("tr"), w("tc")):
            yield child


def _container(container, part: str, prefix: list[str], area: str) -> Iterator[Paragraph]:
    blocks = list(_blocks(container))
    paragraph_count = sum(1 for b in blocks if b.tag == w("p"))
    inside = bool(prefix)  # a cell, text box, note or comment: its paragraph needs no number when it is the only one
    paragraph_number = table_number = 0
    for block in blocks:
        if block.tag == w("p"):
            paragraph_number += 1
            place = prefix + ([] if inside and paragraph_count == 1 else [f"stycke {paragraph_number}"])
            yield Paragraph(block, part, ", ".join(place), area, visible_text(block))
            for box_number, box in enumerate(_text_boxes(block), 1):
                yield from _container(box, part, place + [f"textruta {box_number}"], "textruta")
        elif block.tag == w("tbl"):
            table_number += 1
            for row_number, row in enumerate((r for r in _blocks(block) if r.tag == w("tr")), 1):
                for cell_number, cell in enumerate((c for c in _blocks(row) if c.tag == w("tc")), 1):
                    where = [f"tabell {table_number}", f"rad {row_number}", f"kolumn {cell_number}"]
                    yield from _container(cell, part, prefix + where, area)


def _walk(element, prune: tuple[str, ...]) -> Iterator:
    """Descendants in document order, not looking inside the pruned tags (which are yielded)."""
    for child in element:
        yield child
        if child.tag not in prune:
            yield from _walk(child, prune)


_OWN = (w("txbxContent"), f"{{{MC_NS}}}Fallback", w("p"))


def _own(paragraph) -> Iterator:
    """The paragraph's own descendants: not text boxes inside it, nor compatibility copies."""
    for element in _walk(paragraph, _OWN):
        if element.tag == f"{{{MC_NS}}}Fallback":
            continue
        yield element


def _text_boxes(paragraph) -> list:
    return [e for e in _own(paragraph) if e.tag == w("txbxContent")]


def _atoms(paragraph) -> list:
    """The paragraph's w:t elements, in order: its visible text."""
    return [e for e in _own(paragraph) if e.tag == w("t")]


def visible_text(paragraph) -> str:
    """What Word shows of a paragraph's text (tabs, breaks and pictures aside)."""
    return "".join(t.text or "" for t in _atoms(paragraph))


def tags_in(text: str) -> list[re.Match]:
    """The Jinja tags in a paragraph's text."""
    return list(TAG.finditer(text))


# --- normalising -----------------------------------------------------------------------------


def normalise(root) -> None:
    """Make a part's XML say what its owner sees, in place (see the module docstring)."""
    accept_revisions(root)
    for mark in [e for e in root.iter(*_MARKS)]:
        mark.getparent().remove(mark)
    for paragraph in list(root.iter(w("p"))):
        join_split_tags(paragraph)


def accept_revisions(root) -> None:
    """Accept every tracked change: insertions stay, deletions go, change records go."""
    merge_into_next = []
    for element in list(root.iter(w("del"), w("moveFrom"))):
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag == w("rPr"):
            properties = parent.getparent()
            if properties is not None and properties.tag == w("pPr") and properties.find(w("sectPr")) is None:
                merge_into_next.append(properties.getparent())
            parent.remove(element)
        elif parent.tag == w("trPr"):
            row = parent.getparent()
            if row.getparent() is not None:
                row.getparent().remove(row)
        else:
            parent.remove(element)
    for element in list(root.iter(w("ins"), w("moveTo"))):
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag in (w("rPr"), w("trPr"), w("tcPr")):
            parent.remove(element)
        else:
            _unwrap(element)
    for element in list(root.iter(*_REVISION_RECORDS)):
        if element.getparent() is not None:
            element.getparent().remove(element)
    for paragraph in reversed(merge_into_next):  # a deleted paragraph mark: the text joins the next paragraph
        following = paragraph.getnext()
        if paragraph.getparent() is None or following is None or following.tag != w("p"):
            continue
        anchor = following.find(w("pPr"))
        for child in [c for c in paragraph if c.tag != w("pPr")]:
            if anchor is None:
                following.insert(0, child)
                anchor = child
            else:
                anchor.addnext(child)
                anchor = child
        paragraph.getparent().remove(paragraph)


def _unwrap(element) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def join_split_tags(paragraph) -> None:
    """Put every tag that spans several runs of the paragraph into the run where it starts.

    What lay between its pieces goes: proofing marks, empty runs, the codes
    of a field whose result was part of the tag; bookmarks and comment
    anchors move in front of the tag.
    """
    atoms = _atoms(paragraph)
    if len(atoms) < 2:
        return
    texts = [t.text or "" for t in atoms]
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text)
    joined = "".join(texts)
    spans = []
    for match in reversed(tags_in(joined)):
        first = _atom_at(starts, match.start())
        last = _atom_at(starts, match.end() - 1)
        if first == last:
            continue
        head, tail = atoms[first], atoms[last]
        head.text = texts[first][: match.start() - starts[first]] + match.group(0)
        for middle in atoms[first + 1:last]:
            middle.text = ""
        tail.text = texts[last][match.end() - starts[last]:]
        texts[first], texts[last] = head.text, tail.text  # a tag before this one may share these atoms
        for atom in (head, tail):
            atom.set(XML_SPACE, "preserve")
        spans.append((head, tail))
    for head, tail in spans:
        _clear_between(paragraph, head, tail)


def _atom_at(starts: list[int], position: int) -> int:
    index = 0
    for number, start in enumerate(starts):
        if start <= position:
            index = number
    return index


def _clear_between(paragraph, head, tail) -> None:
    order = list(_own(paragraph))
    position = {id(e): n for n, e in enumerate(order)}
    low, high = position[id(head)], position[id(tail)]
    head_run = head.getparent()
    for field_elements in _fields(order):
        indices = [position[id(e)] for e in field_elements]
        if max(indices) > low and min(indices) < high:  # the field overlaps the tag: keep its result as text
            for element in field_elements:
                if element.getparent() is not None:
                    element.getparent().remove(element)
    touched = set()
    for element in order[low + 1:high]:
        parent = element.getparent()
        if parent is None:
            continue
        if element.tag in _ANCHORS:
            head_run.addprevious(element)
        elif element.tag == w("fldSimple"):
            _unwrap(element)
        elif element.tag == w("r"):
            touched.add(element)
    touched.add(tail.getparent())
    for run in touched:
        if run.getparent() is not None and _is_empty_run(run):
            container = run.getparent()
            container.remove(run)
            while container is not paragraph and container.tag in _INLINE_CONTAINERS and not _has_content(container):
                outer = container.getparent()
                outer.remove(container)
                container = outer


def _fields(order: list) -> list[list]:
    """Complex fields (begin … separate … end) as lists of their code elements."""
    fields, stack = [], []
    for element in order:
        if element.tag == w("fldChar"):
            kind = element.get(w("fldCharType"))
            if kind == "begin":
                stack.append([element])
            elif stack:
                stack[-1].append(element)
                if kind == "end":
                    fields.append(stack.pop())
        elif element.tag == w("instrText") and stack:
            stack[-1].append(element)
    return fields


def _is_empty_run(run) -> bool:
    for child in run:
        if child.tag == w("rPr"):
            continue
        if child.tag == w("t") and not child.text:
            continue
        return False
    return True


def _has_content(container) -> bool:
    return any(child.tag not in (w("rPr"), w("sdtPr"), w("sdtEndPr"), w("hyperlinkPr")) for child in container)


def with_part(docx: bytes, name: str, content: bytes) -> bytes:
    """The document with one part (``word/document.xml``) replaced; every other entry as it was."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info.filename))
    return buffer.getvalue()
