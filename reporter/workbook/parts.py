"""The package around the sheets: the zip, its limits, and the small parts.

``open_archive`` checks that a file is an .xlsx workbook within the limits;
the part readers parse ``workbook.xml`` (sheet names, hidden sheets, the
1904 date system), its relationships, ``styles.xml`` (the number format of
every cell style, through ``cellXfs`` only: ``dxfs`` are conditional formats
and never a cell's own format) and ``sharedStrings.xml`` (rich text runs
joined, phonetic runs left out). Every part is parsed as XML, in any
namespace prefix, quoting and attribute order; none is guessed at with
patterns.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ReporterError, error
from .formats import BUILTIN, GENERAL_FORMAT, NumberFormat, calamine_reads_alike, classify

OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")

# Limits that keep a hostile or broken file from exhausting memory or time.
# Real submissions are far below them: a scale-50 production sheet is ~25 MB
# of XML and ~75 000 rows; Excel itself compresses sheet XML 5-20 times.
MAX_PART_BYTES = 256 << 20  # uncompressed size of one part of the workbook
MAX_TOTAL_BYTES = 1 << 30  # uncompressed size of all parts together
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
MAX_ROWS = 299_999  # rows of one sheet
MAX_COLUMNS = 200  # columns of one sheet (GR)
MAX_CELLS = 10_000_000  # rows × columns of one sheet, from A1 to its last cell (26 × MAX_ROWS fits)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)


_LOCAL_NAMES: dict[object, str] = {}


def local(tag: object) -> str:
    """An element's name without its namespace: ``{…main}c`` → ``c``; "" for a comment."""
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        name = _LOCAL_NAMES[tag] = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        return name


def attribute(element: etree._Element, name: str) -> str | None:
    """An attribute by local name, in no namespace or any (``r:id`` is ``id``)."""
    value = element.get(name)
    if value is not None:
        return value
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return None


def open_archive(path: Path, label: str) -> tuple[bytes, zipfile.ZipFile]:
    """The file's bytes and zip archive, once it is known to be an .xlsx workbook within the limits.

    A file that is something else is refused, saying what it is instead.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReporterError(error(f"filen kan inte öppnas: {exc.strerror or exc}", file=label)) from None
    head = data[:8]
    if not head:
        raise ReporterError(error("filen är tom (0 byte); spara arbetsboken igen från Excel", file=label))
    if head == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data[8:8 + (1 << 20)]:
            raise ReporterError(
                error(
                    "filen är lösenordsskyddad och kan inte läsas; ta bort lösenordet i Excel "
                    "(Arkiv > Info > Skydda arbetsbok > Kryptera med lösenord, töm fältet) och spara igen",
                    file=label,
                )
            )
        raise ReporterError(
            error("filen är en gammal Excel-fil (.xls, Excel 97–2003); öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label)
        )
    if not head.startswith(b"PK"):
        looks = "text (t.ex. CSV eller HTML)" if _is_text(head) else "något annat"
        raise ReporterError(
            error(f"filen är inte en Excel-arbetsbok (.xlsx) utan {looks}; öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label)
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReporterError(error("filen är skadad (zip-arkivet går inte att öppna); spara arbetsboken igen från Excel", file=label)) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names and _main_part(archive) is None:
        other = "ett OpenDocument-kalkylark (.ods)" if "content.xml" in names else "inte en Excel-arbetsbok"
        raise ReporterError(error(f"filen är {other}; öppna den i Excel och spara som Excel-arbetsbok (.xlsx)", file=label))
    _check_sizes(infos, label)
    return data, archive


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _check_sizes(infos: list[zipfile.ZipInfo], label: str) -> None:
    """Refuse an archive whose declared sizes are beyond the limits, before anything is unpacked."""
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or (info.file_size > 1 << 20 and ratio > MAX_RATIO):
            raise ReporterError(
                error(
                    f"filen packas upp till orimligt mycket data ({info.filename}: {info.file_size >> 20} MB, "
                    f"{ratio:.0f} gånger sin packade storlek) och läses inte; är den verkligen en arbetsbok från Excel?",
                    file=label,
                )
            )


def read_part(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    """One part of the workbook; b"" when it is missing. DTDs are refused."""
    try:
        xml = archive.read(name)
    except KeyError:
        return b""
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise ReporterError(error(f"filen är skadad ({name}: {exc}); spara arbetsboken igen från Excel", file=label)) from None
    if _declares_a_dtd(xml):
        raise ReporterError(error(f"filen innehåller en XML-DTD ({name}), vilket Excel aldrig skriver; den läses inte", file=label))
    return xml


def _declares_a_dtd(xml: bytes) -> bool:
    """True when the part's prolog (what comes before its first element) declares a DTD.

    A DTD can only stand there, so the rest of a part of many megabytes need
    not be searched; the parsers are set never to load or expand one anyway.
    """
    at = 0
    while True:
        at = xml.find(b"<", at)
        if at < 0 or xml[at + 1:at + 2] not in (b"?", b"!"):
            return False
        if xml.startswith((b"<!DOCTYPE", b"<!ENTITY"), at):
            return True
        at = xml.find(b">", at) if xml.startswith(b"<?", at) else (xml.find(b"-->", at) if xml.startswith(b"<!--", at) else at + 1)
        if at < 0:
            return False


def parse_part(archive: zipfile.ZipFile, name: str, label: str) -> etree._Element | None:
    """A small part parsed whole; None when it is missing."""
    xml = read_part(archive, name, label)
    if not xml:
        return None
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReporterError(error(f"filen är skadad ({name} är inte giltig XML: {exc}); spara arbetsboken igen från Excel", file=label)) from None


def _main_part(archive: zipfile.ZipFile) -> str | None:
    """The workbook part named by the package relationships (``xl/workbook.xml`` in nearly every file)."""
    try:
        root = etree.fromstring(archive.read("_rels/.rels"), _PARSER)
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, zlib.error):
        return None
    for relationship in root:
        if (attribute(relationship, "Type") or "").endswith("/officeDocument"):
            target = (attribute(relationship, "Target") or "").lstrip("/")
            return target if target in archive.namelist() else None
    return None


@dataclass
class SheetEntry:
    """A sheet as the workbook lists it: name, its part, whether it is hidden."""

    name: str
    part: str
    hidden: bool


@dataclass
class Styles:
    """The number format of every cell style (``cellXfs``), by index."""

    formats: list[NumberFormat] = field(default_factory=list)
    calamine_alike: list[bool] = field(default_factory=list)

    def format_of(self, index: int) -> NumberFormat:
        """The format of cell style ``index``; General for an index the file does not have."""
        return self.formats[index] if 0 <= index < len(self.formats) else GENERAL_FORMAT

    @property
    def not_calamine_alike(self) -> list[int]:
        """The cell styles whose numbers python-calamine does not read as Excel shows them."""
        return [index for index, alike in enumerate(self.calamine_alike) if not alike]


@dataclass
class WorkbookParts:
    """What the workbook's small parts say, parsed once per file."""

    sheets: list[SheetEntry]
    styles: Styles
    date1904: bool
    shared_strings_part: str | None


def read_workbook_parts(archive: zipfile.ZipFile, label: str) -> WorkbookParts:
    """Sheets, styles and date system of an opened workbook."""
    main = "xl/workbook.xml" if "xl/workbook.xml" in archive.namelist() else _main_part(archive) or "xl/workbook.xml"
    workbook = parse_part(archive, main, label)
    if workbook is None:
        raise ReporterError(error("filen saknar xl/workbook.xml; spara arbetsboken igen från Excel", file=label))
    folder = posixpath.dirname(main)
    relationships = _relationships(archive, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), folder, label)
    sheets, date1904 = [], False
    for element in workbook.iter():
        name = local(element.tag)
        if name == "workbookPr":
            date1904 = (attribute(element, "date1904") or "").strip().lower() in ("1", "true")
        elif name == "sheet":
            target = relationships.get(attribute(element, "id") or "", ("", ""))
            if target[0].endswith("/worksheet"):
                state = (attribute(element, "state") or "visible").strip()
                sheets.append(SheetEntry(attribute(element, "name") or "", target[1], state != "visible"))
    by_type = {kind.rsplit("/", 1)[-1]: target for kind, target in relationships.values()}
    styles = _styles(parse_part(archive, by_type["styles"], label) if "styles" in by_type else None)
    return WorkbookParts(sheets, styles, date1904, by_type.get("sharedStrings"))


def _relationships(archive: zipfile.ZipFile, name: str, folder: str, label: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, part name) of one part's relationships."""
    root = parse_part(archive, name, label)
    found = {}
    for relationship in root if root is not None else []:
        if local(relationship.tag) != "Relationship" or (attribute(relationship, "TargetMode") or "") == "External":
            continue
        target = attribute(relationship, "Target") or ""
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[attribute(relationship, "Id") or ""] = (attribute(relationship, "Type") or "", part)
    return found


def table_totals_rows(archive: zipfile.ZipFile, sheet_part: str, label: str) -> dict[int, str]:
    """The rows of a sheet that are an Excel Table's totals rows (``totalsRowCount`` in ``xl/tables/*.xml``),
    each with its table's name: row number → name. Empty for a sheet without tables."""
    folder = posixpath.dirname(sheet_part)
    rels = posixpath.join(folder, "_rels", posixpath.basename(sheet_part) + ".rels")
    if rels not in archive.namelist():
        return {}
    rows: dict[int, str] = {}
    for kind, part in _relationships(archive, rels, folder, label).values():
        if not kind.endswith("/table"):
            continue
        root = parse_part(archive, part, label)
        count = to_int(attribute(root, "totalsRowCount")) if root is not None else None
        ref = (attribute(root, "ref") or "") if root is not None else ""
        last = ref.rpartition(":")[2].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ").replace("$", "")
        if root is None or not count or count < 0 or not last.isdigit():
            continue
        name = attribute(root, "displayName") or attribute(root, "name") or ""
        rows.update({row: name for row in range(int(last) - count + 1, int(last) + 1)})
    return rows


def _styles(root: etree._Element | None) -> Styles:
    """Each cell style's number format: ``numFmts`` for custom codes, ``cellXfs`` for the styles.

    Only the ``numFmts`` and ``cellXfs`` that are children of the stylesheet
    count: a ``numFmt`` inside ``dxfs`` belongs to a conditional format.
    """
    styles = Styles()
    if root is None:
        return styles
    custom: dict[int, str] = {}
    cell_xfs = None
    for child in root:
        name = local(child.tag)
        if name == "numFmts":
            for number_format in child:
                if local(number_format.tag) == "numFmt":
                    number = to_int(attribute(number_format, "numFmtId"))
                    if number is not None:
                        custom[number] = attribute(number_format, "formatCode") or ""
        elif name == "cellXfs":
            cell_xfs = child
    for xf in cell_xfs if cell_xfs is not None else []:
        if local(xf.tag) != "xf":
            continue
        number = to_int(attribute(xf, "numFmtId")) or 0
        code = custom.get(number, BUILTIN.get(number, "General"))
        number_format = classify(code)
        styles.formats.append(number_format)
        styles.calamine_alike.append(calamine_reads_alike(number, number in custom, number_format))
    return styles


def to_int(text: str | None) -> int | None:
    """An attribute's whole number (``" 7 "`` is 7), or None."""
    try:
        return int((text or "").strip())
    except ValueError:
        return None


def shared_strings(archive: zipfile.ZipFile, part: str | None, label: str) -> list[str]:
    """Every shared string: plain text, or rich text runs joined; phonetic runs (``rPh``) left out."""
    if not part:
        return []
    xml = read_part(archive, part, label)
    if not xml:
        return []
    strings: list[str] = []
    try:
        for _, item in etree.iterparse(io.BytesIO(xml), events=("end",), tag="{*}si", resolve_entities=False, no_network=True, load_dtd=False):
            strings.append(item_text(item))
            item.clear()
            while item.getprevious() is not None:
                del item.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise ReporterError(error(f"filen är skadad ({part} är inte giltig XML: {exc}); spara arbetsboken igen från Excel", file=label)) from None
    return strings


def item_text(item: etree._Element) -> str:
    """The text of a string item (``si`` or an inline ``is``): its ``t``, or its runs' ``t``; never ``rPh``."""
    parts = []
    for child in item:
        name = local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if local(t.tag) == "t")
    return "".join(parts)
