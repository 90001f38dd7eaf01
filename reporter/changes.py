"""What changed between two builds of a package: which documents, which paragraphs and table cells.

A package's DOCX files are compared by their text as a reader sees it
(docxparts: body, headers and footers, notes; paragraphs and table cells in
reading order, each with its place, "stycke 4", "tabell 2, rad 4, kolumn 3").
The texts of each part are aligned (difflib), so that one paragraph added
does not make every later one "changed". Other files are compared by their
bytes; ``manifest.json`` and the PDFs made from a DOCX of the same package
are left out (they change when their sources do).

``reporter ändringar GAMMAL NY`` compares two package folders; ``reporter
build`` compares the package it is about to write with the one in the
folder, before it replaces it. Nothing of this is written to the package.
"""

from __future__ import annotations

import difflib
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .docxparts import read_parts

MANIFEST = "manifest.json"
MERGED_SUFFIX = "-med-bilagor.pdf"
LISTED = 10  # changes listed per document; the rest are counted


@dataclass(frozen=True)
class Change:
    """One paragraph or table cell: its place, and its text before and after (None: it was not there)."""

    place: str
    old: str | None
    new: str | None

    @property
    def cell(self) -> bool:
        """True for a table cell."""
        return "tabell " in self.place


@dataclass(frozen=True)
class DocumentChanges:
    """A document in both packages that differs: its changed paragraphs and cells, or a note (a file that is no DOCX)."""

    name: str
    changes: list[Change] = field(default_factory=list)
    note: str = ""
    pictures: int = 0  # pictures (charts) added, removed or changed


@dataclass(frozen=True)
class PackageChanges:
    """Two packages compared: documents added, removed, and changed."""

    added: list[str]
    removed: list[str]
    changed: list[DocumentChanges]

    @property
    def none(self) -> bool:
        """True when the packages hold the same documents with the same content."""
        return not (self.added or self.removed or self.changed)


Files = Mapping[str, "bytes | Path"]


def package_files(folder: Path) -> dict[str, bytes | Path]:
    """The files of a package folder, by name (read when compared), in the manifest's order when it has one."""
    if not folder.is_dir():
        return {}
    files: dict[str, bytes | Path] = {p.name: p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}
    try:
        listed = [entry["fil"] for entry in json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["utdata"]]
    except (OSError, ValueError, KeyError, TypeError):
        return files
    order = {name: number for number, name in enumerate(listed)}
    return dict(sorted(files.items(), key=lambda item: order.get(item[0], len(order))))


def compare_packages(old: Files, new: Files) -> PackageChanges:
    """Compare two packages given as file name → bytes or path."""
    compared = [name for name in new if name in old and _compared(name, old, new)]
    changed = []
    for name in compared:
        before, after = _bytes(old[name]), _bytes(new[name])
        if before == after:
            continue
        if name.endswith(".docx"):
            try:
                found = compare_documents(before, after)
            except ValueError as exc:  # a file in the old package that is no DOCX (any more)
                changed.append(DocumentChanges(name, note=f"kan inte jämföras: {exc}"))
                continue
            pictures = changed_pictures(before, after)
            if found or pictures:
                changed.append(DocumentChanges(name, found, pictures=pictures))
            else:
                changed.append(DocumentChanges(name, note="samma text; bara formatering eller dokumentegenskaper ändrade"))
        else:
            changed.append(DocumentChanges(name, note="filen är ändrad"))
    added = [name for name in new if name not in old and name != MANIFEST]
    removed = [name for name in old if name not in new and name != MANIFEST]
    return PackageChanges(added, removed, changed)


def compare_folders(old: Path, new: Path) -> PackageChanges:
    """``reporter ändringar``: two package folders compared, the old one first."""
    return compare_packages(package_files(old), package_files(new))


def _compared(name: str, old: Files, new: Files) -> bool:
    """False for the manifest and for PDFs made from a DOCX of the package (their DOCX is compared)."""
    if name == MANIFEST or name.endswith(MERGED_SUFFIX):
        return False
    return not (name.endswith(".pdf") and name.removesuffix(".pdf") + ".docx" in new and name.removesuffix(".pdf") + ".docx" in old)


def _bytes(item: bytes | Path) -> bytes:
    return item if isinstance(item, bytes) else item.read_bytes()


def changed_pictures(old: bytes, new: bytes) -> int:
    """How many pictures (``word/media/…``) differ between two DOCX files: changed, added or removed."""
    def media(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {n: archive.read(n) for n in archive.namelist() if n.startswith("word/media/")}

    before, after = media(old), media(new)
    return sum(1 for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def document_text(data: bytes) -> list[tuple[str, list[tuple[str, str]]]]:
    """A DOCX as (part, [(place, text)]) in reading order; empty paragraphs outside tables left out."""
    result = []
    for part in read_parts(data, normalised=False):
        items = [(p.place, p.text) for p in part.paragraphs if p.text.strip() or "tabell " in p.place]
        result.append((part.label, items))
    return result


def compare_documents(old: bytes, new: bytes) -> list[Change]:
    """The paragraphs and table cells that differ between two DOCX files, in the new document's order."""
    before = dict(document_text(old))
    changes = []
    after = document_text(new)
    for part, items in after:
        changes += _compare_part(part, before.pop(part, []), items)
    for part, items in before.items():  # a part only the old document had
        changes += _compare_part(part, items, [])
    return changes


def _compare_part(part: str, old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[Change]:
    prefix = "" if part == "brödtext" else f"{part}, "
    matcher = difflib.SequenceMatcher(None, [t for _, t in old], [t for _, t in new], autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1)
        for k in range(pairs):
            changes.append(Change(prefix + new[j1 + k][0], old[i1 + k][1], new[j1 + k][1]))
        changes += [Change(prefix + place, None, text) for place, text in new[j1 + pairs:j2]]
        changes += [Change(prefix + place, text, None) for place, text in old[i1 + pairs:i2]]
    return changes


# --- the summary a person reads ------------------------------------------------------------------


def summary(changes: PackageChanges, listed: int = LISTED) -> list[str]:
    """The changes in Swedish, a line each: documents, then per document its changed paragraphs and cells (at most ``listed``)."""
    if changes.none:
        return ["Inga ändringar: samma dokument med samma innehåll."]
    lines = [f"  Nytt dokument: {name}" for name in changes.added]
    lines += [f"  Borttaget dokument: {name}" for name in changes.removed]
    for document in changes.changed:
        if not document.changes and not document.pictures:
            lines.append(f"  {document.name}: {document.note}")
            continue
        pictures = f"{document.pictures} {'bild' if document.pictures == 1 else 'bilder'} {'ändrad' if document.pictures == 1 else 'ändrade'}"
        said = [counts(document.changes)] if document.changes else []
        lines.append(f"  {document.name}: {', '.join(said + ([pictures] if document.pictures else []))}")
        for change in document.changes[:listed]:
            lines += [f"    {change.place}: {shown}" for shown in _shown(change)]
        rest = len(document.changes) - listed
        if rest > 0:
            lines.append(f"    … och {rest} {'ändring' if rest == 1 else 'ändringar'} till")
    return lines


def counts(changes: list[Change]) -> str:
    """``2 stycken och 3 tabellceller ändrade``, ``1 stycke tillagt``: what changed in a document."""
    said = []
    for kind, (one, many) in (("ändrade", ("ändrat", "ändrad")), ("tillagda", ("tillagt", "tillagd")), ("borttagna", ("borttaget", "borttagen"))):
        chosen = [c for c in changes if _kind(c) == kind]
        paragraphs = sum(1 for c in chosen if not c.cell)
        cells = len(chosen) - paragraphs
        parts = ([f"{paragraphs} {'stycke' if paragraphs == 1 else 'stycken'}"] if paragraphs else [])
        parts += [f"{cells} {'tabellcell' if cells == 1 else 'tabellceller'}"] if cells else []
        if not parts:
            continue
        word = kind if len(parts) > 1 or len(chosen) > 1 else (one if paragraphs else many)
        said.append(f"{' och '.join(parts)} {word}")
    return ", ".join(said)


def _kind(change: Change) -> str:
    return "tillagda" if change.old is None else "borttagna" if change.new is None else "ändrade"


WIDTH = 50  # characters of context kept on each side of what changed in a long paragraph


def _shown(change: Change) -> list[str]:
    """``318 → 289``; in a paragraph each changed sentence, a long one cut around what changed; ``(nytt)``/``(borttaget)``."""
    if change.old is None:
        return [f"(nytt) {_short(change.new or '')}"]
    if change.new is None:
        return [f"{_short(change.old)} (borttaget)"]
    old, new = _sentences(change.old), _sentences(change.new)
    shown = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = zip(old[i1:i2], new[j1:j2], strict=True) if i2 - i1 == j2 - j1 else [(" ".join(old[i1:i2]), " ".join(new[j1:j2]))]
        for one, other in pairs:
            before, after = excerpt(one, other)
            shown.append(f"{before or '(tomt)'} → {after or '(tomt)'}")
    return shown


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s] or [text]


def excerpt(old: str, new: str, width: int = WIDTH) -> tuple[str, str]:
    """Both texts cut to what differs and ``width`` characters around it, with … where they were cut."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    begin = max(0, start - width)
    if begin:
        begin = old.rfind(" ", 0, begin) + 1  # a word begins there

    def cut(text: str) -> str:
        stop = len(text) - max(0, end - width)
        if stop < len(text):
            space = text.find(" ", stop)
            stop = len(text) if space == -1 else space
        return ("…" if begin else "") + text[begin:stop] + ("…" if stop < len(text) else "")

    return cut(old), cut(new)


def _short(text: str, width: int = 2 * WIDTH) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"
