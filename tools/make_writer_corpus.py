"""Write the corpus of workbooks that real programs wrote (tests/corpus/skrivare/), once.

The base is the small valid period of ``tests/periods.py`` (February 2022,
written by openpyxl: percent-formatted share columns, months as text). Every
writer below reads each base workbook and writes it back the way it always
does; ``xml/`` holds hand-made variants of the base's XML, one quirk each.
The files are checked in, so the tests (tests/test_writers.py) need none of
these programs. What each file tests is in its function's docstring and in
the generated ``tests/corpus/skrivare/README.md``.

Writers (one folder each):

- ``libreoffice/``: LibreOffice Calc, ``soffice --headless --convert-to xlsx``
  with a throwaway profile.
- ``gnumeric/``: Gnumeric, ``ssconvert --export-type=Gnumeric_Excel:xlsx2``
  (the exporter ssconvert picks itself for .xlsx; ISO 29500).
- ``pandas-openpyxl/``, ``pandas-xlsxwriter/``: pandas ``read_excel`` of every
  sheet and ``DataFrame.to_excel(index=False)`` with that engine. The percent
  format is lost (``produktion.xlsx``: shares 0.9 with no format);
  ``produktion-procenttal.xlsx`` is the analyst who wrote shares as 90.
- ``sheetjs/``: SheetJS (npm ``xlsx``), ``XLSX.writeFile(XLSX.readFile(f))``
  with default options, which drop every number format (percent lost too);
  ``sheetjs-cellnf/produktion.xlsx`` is read with ``{cellNF: true}``, which
  keeps them.
- ``datum-openpyxl/``, ``datum-pandas/``: the months as real Excel dates
  (openpyxl datetime cells formatted ``yyyy-mm-dd``; pandas datetime64 columns
  through xlsxwriter, shares written as 90 since pandas loses the percent format).

Not here: Microsoft Excel itself and the .NET OpenXML SDK (neither runs on
Linux without a licence or a .NET toolchain); ``xml/`` imitates what they
write that the others do not (namespace prefixes, shared formulas, rich text,
phonetic runs, error cells, dxfs). The hand-made variants leave out the
base's theme part (colours only), to keep the corpus small.

Needs: LibreOffice (``soffice``), Gnumeric (``ssconvert``), node and npm
(SheetJS is installed into a temporary folder), and in the project's venv
pandas and xlsxwriter (``.venv/bin/pip install pandas xlsxwriter``; not a
project dependency). Run from the project root:

    .venv/bin/python tools/make_writer_corpus.py

It rewrites tests/corpus/skrivare/ entirely.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "corpus" / "skrivare"
sys.path.insert(0, str(ROOT / "tests"))

from periods import write_other_period  # noqa: E402

BOOKS = ("ekonomi.xlsx", "ekonomi-kostnader.xlsx", "produktion.xlsx", "personal.xlsx")
SHARES = {"Tillgänglighet": "Andel", "Beläggning": "Beläggning"}  # produktion's percent columns
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"m": MAIN}
SHEETJS = "xlsx@0.18.5"  # the newest SheetJS on the npm registry
STAMP = (2022, 3, 1, 0, 0, 0)  # zip member time of the hand-made variants, so reruns give the same bytes


# --- writers -----------------------------------------------------------------------------------------


def libreoffice(base: Path, out: Path) -> None:
    """LibreOffice Calc opens each workbook and saves it as .xlsx."""
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx", "--outdir", str(out),
             *(str(base / name) for name in BOOKS)],
            check=True, capture_output=True, timeout=300,
        )


def gnumeric(base: Path, out: Path) -> None:
    """Gnumeric's ssconvert with its xlsx2 exporter (ISO 29500)."""
    out.mkdir(parents=True)
    for name in BOOKS:
        subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", str(base / name), str(out / name)],
                       check=True, capture_output=True, timeout=120)


def pandas_books(base: Path, out: Path, engine: str) -> None:
    """pandas reads every sheet and writes it back with ``to_excel(index=False)``: formats are lost."""
    out.mkdir(parents=True)
    for name in BOOKS:
        _pandas_copy(base / name, out / name, engine)
    _pandas_copy(base / "produktion.xlsx", out / "produktion-procenttal.xlsx", engine, as_percent_numbers=True)


def _pandas_copy(source: Path, target: Path, engine: str, as_percent_numbers: bool = False, dates: bool = False) -> None:
    import pandas as pd

    frames = pd.read_excel(source, sheet_name=None, engine="openpyxl")
    with pd.ExcelWriter(target, engine=engine) as writer:
        for sheet, frame in frames.items():
            if as_percent_numbers and sheet in SHARES:
                frame[SHARES[sheet]] = (frame[SHARES[sheet]] * 100).round(10)  # the analyst wrote 90, not 0.9
            if dates and "Månad" in frame:
                frame["Månad"] = pd.to_datetime(frame["Månad"], format="%Y-%m")
            frame.to_excel(writer, sheet_name=sheet, index=False)


def sheetjs(base: Path, out: Path) -> None:
    """SheetJS reads and writes each workbook with default options; ``sheetjs-cellnf`` keeps number formats."""
    out.mkdir(parents=True)
    keeping = out.parent / "sheetjs-cellnf"
    keeping.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", SHEETJS], cwd=folder, check=True,
                       capture_output=True, timeout=300)
        script = Path(folder) / "roundtrip.js"
        script.write_text(
            "const XLSX = require('xlsx');\n"
            "const [src, dst, nf] = process.argv.slice(2);\n"
            "XLSX.writeFile(nf ? XLSX.readFile(src, {cellNF: true}) : XLSX.readFile(src), dst);\n",
            encoding="utf-8",
        )
        for name in BOOKS:
            subprocess.run(["node", str(script), str(base / name), str(out / name)], cwd=folder, check=True, timeout=60)
        subprocess.run(["node", str(script), str(base / "produktion.xlsx"), str(keeping / "produktion.xlsx"), "nf"],
                       cwd=folder, check=True, timeout=60)


def dates_openpyxl(base: Path, out: Path) -> None:
    """openpyxl with the months as datetime cells formatted ``yyyy-mm-dd`` (the first of each month)."""
    from openpyxl import load_workbook

    out.mkdir(parents=True)
    for name in BOOKS[1:]:
        book = load_workbook(base / name)
        for sheet in book.worksheets:
            headers = [c.value for c in sheet[1]]
            if "Månad" not in headers:
                continue
            for (cell,) in sheet.iter_rows(min_row=2, min_col=headers.index("Månad") + 1, max_col=headers.index("Månad") + 1):
                year, month = map(int, cell.value.split("-"))
                cell.value = dt.datetime(year, month, 1)
                cell.number_format = "yyyy-mm-dd"
        book.save(out / name)


def dates_pandas(base: Path, out: Path) -> None:
    """pandas with datetime64 month columns, through xlsxwriter (datetime format ``yyyy-mm-dd hh:mm:ss``)."""
    out.mkdir(parents=True)
    for name in BOOKS[1:]:
        _pandas_copy(base / name, out / name, "xlsxwriter", as_percent_numbers=True, dates=True)


# --- the package of a workbook, for hand-made variants ------------------------------------------------


class Package:
    """The zip members of an .xlsx, to change and save under another name."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.members = {name: archive.read(name) for name in archive.namelist()}

    def sheet(self, name: str) -> str:
        """The zip member holding the named sheet."""
        workbook = etree.fromstring(self.members["xl/workbook.xml"])
        rels = etree.fromstring(self.members["xl/_rels/workbook.xml.rels"])
        rid = next(s.get(f"{{{_R}}}id") for s in workbook.iter(f"{{{MAIN}}}sheet") if s.get("name") == name)
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        return target.lstrip("/") if target.startswith("/") else "xl/" + target

    def sheets(self) -> list[str]:
        """Every worksheet member."""
        return sorted(n for n in self.members if n.startswith("xl/worksheets/") and n.endswith(".xml"))

    def tree(self, member: str) -> etree._Element:
        return etree.fromstring(self.members[member])

    def put(self, member: str, root: etree._Element) -> None:
        self.members[member] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def edit(self, member: str, change: Callable[[etree._Element], None]) -> None:
        """Parse a member, let ``change`` edit it, store it again."""
        root = self.tree(member)
        change(root)
        self.put(member, root)

    def drop_theme(self) -> None:
        """Leave out the theme part (10 KB of colours that no reader of values needs), to keep the corpus small."""
        themes = {name for name in self.members if name.startswith("xl/theme/")}
        for name in themes:
            del self.members[name]

        def part(target: str) -> str:
            return target.lstrip("/") if target.startswith("/") else "xl/" + target

        self.edit("xl/_rels/workbook.xml.rels", lambda root: [root.remove(r) for r in list(root) if part(r.get("Target", "")) in themes])
        self.edit("[Content_Types].xml", lambda root: [root.remove(o) for o in list(root) if o.get("PartName", "").lstrip("/") in themes])

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.members.items():
                archive.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _m(tag: str) -> str:
    return f"{{{MAIN}}}{tag}"


def _cells(root: etree._Element, column: str, first_row: int = 2) -> list[etree._Element]:
    """The cells of one column from ``first_row`` down (the base writes ``r`` on every cell)."""
    found = []
    for cell in root.iter(_m("c")):
        letters, number = re.fullmatch(r"([A-Z]+)(\d+)", cell.get("r")).groups()
        if letters == column and int(number) >= first_row:
            found.append(cell)
    return found


def _cell(root: etree._Element, reference: str) -> etree._Element:
    return next(c for c in root.iter(_m("c")) if c.get("r") == reference)


def _set(cell: etree._Element, *, t: str | None = None, formula: str | None = None, value: str | None = None,
         shared: dict[str, str] | None = None, keep_value: bool = True) -> None:
    """Rewrite a cell's type, formula and saved value (``value=None`` with keep_value=False: no ``<v>``)."""
    old = cell.findtext(_m("v"))
    for child in list(cell):
        cell.remove(child)
    cell.attrib.pop("t", None)
    if t:
        cell.set("t", t)
    if formula is not None or shared is not None:
        f = etree.SubElement(cell, _m("f"), shared or {})
        if formula:
            f.text = formula
    if value is not None or (keep_value and old is not None):
        etree.SubElement(cell, _m("v")).text = value if value is not None else old


def _add_xf(styles: etree._Element, number_format: int) -> int:
    """Append a cellXfs entry with this number format; its index."""
    xfs = styles.find("m:cellXfs", NS)
    etree.SubElement(xfs, _m("xf"), numFmtId=str(number_format), fontId="0", fillId="0", borderId="0", xfId="0",
                     applyNumberFormat="1")
    xfs.set("count", str(len(xfs)))
    return len(xfs) - 1


def _custom_format(styles: etree._Element, format_id: int, code: str) -> None:
    """Add (or replace) a custom number format in ``<numFmts>``."""
    formats = styles.find("m:numFmts", NS)
    if formats is None:
        formats = etree.Element(_m("numFmts"))
        styles.insert(0, formats)
    for old in formats.findall("m:numFmt", NS):
        if old.get("numFmtId") == str(format_id):
            formats.remove(old)
    etree.SubElement(formats, _m("numFmt"), numFmtId=str(format_id), formatCode=code)
    formats.set("count", str(len(formats)))


def _dxfs(styles: etree._Element, formats: list[tuple[int, str]]) -> None:
    """Add a ``<dxfs>`` block (conditional-format styles), one dxf per number format, where the schema puts it."""
    dxfs = etree.Element(_m("dxfs"), count=str(len(formats)))
    for format_id, code in formats:
        dxf = etree.SubElement(dxfs, _m("dxf"))
        etree.SubElement(dxf, _m("font"), ).append(etree.Element(_m("b")))
        etree.SubElement(dxf, _m("numFmt"), numFmtId=str(format_id), formatCode=code)
    after = styles.find("m:cellStyles", NS)
    after.addnext(dxfs)


def _conditional(sheet: etree._Element, area: str, dxf_ids: list[int]) -> None:
    """A conditional format over ``area`` using the given dxfs, after the sheet data (schema order).

    Its condition (greater than a million) holds for no cell, so Excel shows every cell with its own format.
    """
    block = etree.Element(_m("conditionalFormatting"), sqref=area)
    for priority, dxf in enumerate(dxf_ids, 1):
        rule = etree.SubElement(block, _m("cfRule"), type="cellIs", dxfId=str(dxf), priority=str(priority), operator="greaterThan")
        etree.SubElement(rule, _m("formula")).text = str(10 ** 6 + priority)
    sheet.find("m:sheetData", NS).addnext(block)


def _share_xfs(package: Package) -> set[str]:
    """The style indexes the base gives the share cells."""
    found = set()
    for name in SHARES:
        found |= {c.get("s") for c in _cells(package.tree(package.sheet(name)), "C")}
    return found


def _set_share_formats(package: Package, format_ids: dict[str, int]) -> None:
    """Give each share sheet's cells (and column) its own xf with the given number format id."""
    styles = package.tree("xl/styles.xml")
    indexes = {name: _add_xf(styles, format_id) for name, format_id in format_ids.items()}
    package.put("xl/styles.xml", styles)
    for name, index in indexes.items():
        def change(root: etree._Element, index: int = index) -> None:
            for cell in _cells(root, "C"):
                cell.set("s", str(index))
            for col in root.iter(_m("col")):
                col.set("style", str(index))
        package.edit(package.sheet(name), change)


def _to_shared_strings(package: Package) -> None:
    """Turn openpyxl's inline strings into a shared-string table, as Excel writes text."""
    table: dict[str, int] = {}
    count = 0
    for member in package.sheets():
        root = package.tree(member)
        for cell in root.iter(_m("c")):
            if cell.get("t") != "inlineStr":
                continue
            text = "".join(cell.find("m:is", NS).itertext())
            _set(cell, t="s", value=str(table.setdefault(text, len(table))), keep_value=False)
            count += 1
        package.put(member, root)
    sst = etree.Element(_m("sst"), nsmap={None: MAIN}, count=str(count), uniqueCount=str(len(table)))
    for text in table:
        t = etree.SubElement(etree.SubElement(sst, _m("si")), _m("t"))
        t.text = text
    package.put("xl/sharedStrings.xml", sst)
    types = package.tree("[Content_Types].xml")
    etree.SubElement(types, "{http://schemas.openxmlformats.org/package/2006/content-types}Override",
                     PartName="/xl/sharedStrings.xml",
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
    package.put("[Content_Types].xml", types)
    rels = package.tree("xl/_rels/workbook.xml.rels")
    etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship", Id="rIdSst",
                     Type=f"{_R}/sharedStrings", Target="sharedStrings.xml")
    package.put("xl/_rels/workbook.xml.rels", rels)


def _rich(item: etree._Element, text: str) -> None:
    """Write ``text`` into a string item as two formatted runs plus a phonetic run (which is not text)."""
    half = max(1, len(text) // 2)
    for part, bold in ((text[:half], True), (text[half:], False)):
        if not part:
            continue
        run = etree.SubElement(item, _m("r"))
        if bold:
            properties = etree.SubElement(run, _m("rPr"))
            etree.SubElement(properties, _m("b"))
            etree.SubElement(properties, _m("sz"), val="11")
            etree.SubElement(properties, _m("rFont"), val="Calibri")
        t = etree.SubElement(run, _m("t"))
        t.text = part
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    phonetic = etree.SubElement(item, _m("rPh"), sb="0", eb=str(half))
    etree.SubElement(phonetic, _m("t")).text = "ヨミガナ"
    etree.SubElement(item, _m("phoneticPr"), fontId="0", type="noConversion")


# --- lexical rewrites (what lxml would normalise away) ------------------------------------------------

_START_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*\"[^\"]*\")+)\s*(/?)>")
_ATTRIBUTE = re.compile(r"([^\s=/>]+)\s*=\s*\"([^\"]*)\"")


def _quirky_tags(xml: bytes) -> bytes:
    """Single quotes, reversed attribute order, spaces around ``=`` and newlines inside every start tag."""
    counter = iter(range(10 ** 9))

    def rewrite(match: re.Match[str]) -> str:
        name, attributes, empty = match.groups()
        pairs = _ATTRIBUTE.findall(attributes)[::-1]
        style = next(counter) % 3
        if style == 0:
            inner = "".join(f"  {k} = '{v.replace(chr(39), '&apos;')}'" for k, v in pairs) + "\n"
        elif style == 1:
            inner = "".join(f"\n {k}='{v.replace(chr(39), '&apos;')}'" for k, v in pairs) + " "
        else:
            inner = "".join(f"\t{k}\n=\n'{v.replace(chr(39), '&apos;')}'" for k, v in pairs)
        return f"<{name}{inner}{'/' if empty else ''}>"

    text = _START_TAG.sub(rewrite, xml.decode("utf-8"))
    text = re.sub(r"</([A-Za-z_][\w.:-]*)>", lambda m: f"</{m.group(1)}\n  >", text)  # whitespace in end tags
    return text.encode("utf-8")


_UNPREFIXED = re.compile(r"<(/?)([A-Za-z_][\w.-]*)(?=[\s/>])")


def _prefixed(xml: bytes) -> bytes:
    """Every element of the main namespace written with the prefix ``x:``, as the .NET OpenXML SDK does."""
    text = xml.decode("utf-8")
    assert text.count(f'xmlns="{MAIN}"') == 1, "one default namespace declaration expected"
    text = text.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"')
    return _UNPREFIXED.sub(lambda m: f"<{m.group(1)}x:{m.group(2)}", text).encode("utf-8")


# --- the hand-made variants ---------------------------------------------------------------------------
# Each function makes one file of xml/ from the base; its docstring says what it tests and how it must read.


def cells_without_r(base: Path, book: str) -> Package:
    """No ``r`` on any cell of any sheet (rows keep theirs): each cell is the column after the previous one.

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    for member in package.sheets():
        package.edit(member, lambda root: [c.attrib.pop("r") for c in root.iter(_m("c"))])
    return package


def rows_and_cells_without_r(base: Path, book: str) -> Package:
    """No ``r`` on any row or cell: each row follows the previous one, each cell the previous cell.

    Must read to the base's records with no problem.
    """
    package = cells_without_r(base, book)
    for member in package.sheets():
        package.edit(member, lambda root: [r.attrib.pop("r") for r in root.iter(_m("row"))])
    return package


def quotes_and_whitespace(base: Path, book: str) -> Package:
    """Attributes in single quotes, in reverse order, with spaces around ``=`` and newlines inside tags,
    in every sheet, styles.xml and workbook.xml (``<c  r = 'C2'\\n s='1' >``).

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    for member in [*package.sheets(), "xl/styles.xml", "xl/workbook.xml"]:
        package.members[member] = _quirky_tags(package.members[member])
    return package


def prefixed(base: Path, book: str) -> Package:
    """Every element prefixed ``x:`` (``<x:worksheet xmlns:x="…/main">``, ``<x:c>``) as the .NET OpenXML SDK
    writes, in the sheets, styles.xml, workbook.xml and sharedStrings.xml (text moved into shared strings first).

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    _to_shared_strings(package)
    for member in [*package.sheets(), "xl/styles.xml", "xl/workbook.xml", "xl/sharedStrings.xml"]:
        package.members[member] = _prefixed(package.members[member])
    return package


def percent_id(format_id: int) -> Callable[[Path, str], Package]:
    def make(base: Path, book: str) -> Package:
        package = Package(base / book)
        _set_share_formats(package, {name: format_id for name in SHARES})
        return package

    make.__doc__ = (
        f"Both share columns formatted with the built-in percent format {format_id} "
        f"({'0%' if format_id == 9 else '0.00%'}), no custom format.\n\n    Must read to the base's records (0.9 is 90) with no problem.\n"
    )
    return make


def percent_custom(base: Path, book: str) -> Package:
    """Percent from custom formats: Tillgänglighet ``numFmtId=164 formatCode="0.0%"``, Beläggning 165
    ``0.0\\ %;[Red]\\-0.0\\ %`` (a Swedish Excel's ``0,0 %`` with a negative section).

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    styles = package.tree("xl/styles.xml")
    _custom_format(styles, 164, "0.0%")
    _custom_format(styles, 165, "0.0\\ %;[Red]\\-0.0\\ %")
    package.put("xl/styles.xml", styles)
    _set_share_formats(package, {"Tillgänglighet": 164, "Beläggning": 165})
    return package


def dxf_other_id(base: Path, book: str) -> Package:
    """Share cells use custom format 165 ``0.0%``; a ``<dxfs>`` block (conditional-format styles, used by a
    conditional format on the share columns) defines format 166 ``0``. Dxfs never give a cell its format.

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    styles = package.tree("xl/styles.xml")
    _custom_format(styles, 165, "0.0%")
    _dxfs(styles, [(166, "0")])
    package.put("xl/styles.xml", styles)
    _set_share_formats(package, {name: 165 for name in SHARES})
    for name in SHARES:
        package.edit(package.sheet(name), lambda root: _conditional(root, "C2:C15", [0]))
    return package


def dxf_same_id(base: Path, book: str) -> Package:
    """Share cells use custom format 164 ``0.0%``; a dxf reuses id 164 with the non-percent code ``0``.
    A reader that lets the dxf's numFmt replace the cell format's would read 0.9 as 0.9.

    Must read to the base's records (0.9 is 90) with no problem.
    """
    package = Package(base / book)
    styles = package.tree("xl/styles.xml")
    _custom_format(styles, 164, "0.0%")
    _dxfs(styles, [(164, "0")])
    package.put("xl/styles.xml", styles)
    _set_share_formats(package, {name: 164 for name in SHARES})
    for name in SHARES:
        package.edit(package.sheet(name), lambda root: _conditional(root, "C2:C15", [0]))
    return package


def dxf_percent_on_numbers(base: Path, book: str) -> Package:
    """Produktion's Värde cells use custom format 165 with the code ``General`` (as LibreOffice writes);
    dxfs define 165 as ``0%`` and built-in 0 as ``0%``. Only a reader that lets dxfs override the cell
    formats sees a percent there (and reads 800 as 80000 %, or refuses it).

    Must read to the base's records (Värde 800 and 1000) with no problem.
    """
    package = Package(base / book)
    styles = package.tree("xl/styles.xml")
    _custom_format(styles, 165, "General")
    index = _add_xf(styles, 165)
    _dxfs(styles, [(165, "0%"), (0, "0%")])
    package.put("xl/styles.xml", styles)

    def change(root: etree._Element) -> None:
        for cell in _cells(root, "D"):
            cell.set("s", str(index))
        _conditional(root, "D2:D15", [0, 1])

    package.edit(package.sheet("Produktion"), change)
    return package


def rich_shared_strings(base: Path, book: str) -> Package:
    """Every shared string written as rich text (two runs, the first bold: ``<r><rPr>…</rPr><t>Prim</t></r>
    <r><t>ärvård</t></r>``) with a phonetic run ``<rPh><t>ヨミガナ</t></rPh>``, which is not part of the text.

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    _to_shared_strings(package)
    sst = package.tree("xl/sharedStrings.xml")
    for item in sst:
        text = item.findtext("m:t", namespaces=NS)
        item.remove(item[0])
        _rich(item, text)
    package.put("xl/sharedStrings.xml", sst)
    return package


def rich_inline_strings(base: Path, book: str) -> Package:
    """Every inline string (``t="inlineStr"><is>…``) as rich text runs plus a phonetic run.

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    for member in package.sheets():
        def change(root: etree._Element) -> None:
            for item in root.iter(_m("is")):
                text = "".join(item.itertext())
                for child in list(item):
                    item.remove(child)
                _rich(item, text)
        package.edit(member, change)
    return package


def shared_formulas(base: Path, book: str) -> Package:
    """Columns of formulas as Excel writes them: ``<f t="shared" ref="D2:D15" si="0">…</f>`` on the first
    cell, ``<f t="shared" si="0"/>`` on the rest, every cell with its saved value. produktion: Värde,
    Andel and Beläggning; personal: Arbetad tid's Arbetad tid; ekonomi: plain formulas in Region.

    Must read to the base's records (the saved values) with no problem.
    """
    package = Package(base / book)
    columns = {
        "produktion.xlsx": {"Produktion": ("D", 'IF(LEFT(C2,4)="2022",1000,800)'), "Tillgänglighet": ("C", 'IF(B2="2022-02",0.9,0.85)'),
                            "Beläggning": ("C", "0.875+0*ROW(B2)")},
        "personal.xlsx": {"Arbetad tid": ("C", "110*E2")},
    }.get(book, {})
    for index, (sheet, (column, formula)) in enumerate(columns.items()):
        def change(root: etree._Element, column: str = column, formula: str = formula, index: int = index) -> None:
            cells = _cells(root, column)
            area = f"{column}2:{column}{len(cells) + 1}"
            _set(cells[0], t=cells[0].get("t"), formula=formula, shared={"t": "shared", "ref": area, "si": str(index)})
            for cell in cells[1:]:
                _set(cell, t=cell.get("t"), shared={"t": "shared", "si": str(index)})
        package.edit(package.sheet(sheet), change)
    if book == "ekonomi.xlsx":
        def totals(root: etree._Element) -> None:
            for column in "BCDE":  # Periodens resultat = Verksamhetens resultat + Finansnetto
                _set(_cell(root, f"{column}2"), t="n", formula=f"{column}3+{column}4")
        package.edit(package.sheet("Region"), totals)
    return package


def error_cells(base: Path, book: str) -> Package:
    """Excel error cells: ``<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>`` (with its formula) and
    ``<c r="D4" t="e"><v>#N/A</v></c>`` (produktion: Produktion D3, D4; personal: Arbetad tid C3, C4).

    Must give an ERROR at each cell whose message contains ``Excel-felet #DIV/0!`` / ``Excel-felet #N/A``.
    """
    package = Package(base / book)
    sheet, column = {"produktion.xlsx": ("Produktion", "D"), "personal.xlsx": ("Arbetad tid", "C")}[book]

    def change(root: etree._Element) -> None:
        _set(_cell(root, f"{column}3"), t="e", formula="1/0", value="#DIV/0!")
        _set(_cell(root, f"{column}4"), t="e", value="#N/A", keep_value=False)

    package.edit(package.sheet(sheet), change)
    return package


def empty_string_optional(base: Path, book: str) -> Package:
    """Formulas returning the empty string in an optional column: ekonomi Divisioner Budget C2
    ``<c t="str"><f>IF(1,"","")</f><v></v></c>`` and C3 the same with ``<v/>``.

    Must read exactly as if C2 and C3 were blank (deleted), with no problem.
    """
    package = Package(base / book)

    def change(root: etree._Element) -> None:
        for reference in ("C2", "C3"):
            _set(_cell(root, reference), t="str", formula='IF(1,"","")', value="")

    package.edit(package.sheet("Divisioner"), change)
    member = package.sheet("Divisioner")
    head, c3, tail = package.members[member].partition(b'r="C3"')
    package.members[member] = head.replace(b"<v/>", b"<v></v>") + c3 + tail.replace(b"<v></v>", b"<v/>", 1)
    return package


def empty_string_required(base: Path, book: str) -> Package:
    """A formula returning the empty string (``t="str"``, ``<v></v>``) in a required column: personal
    Arbetad tid C3.

    Must give an ERROR at C3 whose message contains ``cellen är tom``.
    """
    package = Package(base / book)
    package.edit(package.sheet("Arbetad tid"), lambda root: _set(_cell(root, "C3"), t="str", formula='IF(1,"","")', value=""))
    xml = package.members[package.sheet("Arbetad tid")]
    package.members[package.sheet("Arbetad tid")] = xml.replace(b"<v/>", b"<v></v>")
    return package


def formula_without_value(base: Path, book: str) -> Package:
    """Formulas with no ``<v>`` at all (a program wrote them, nothing calculated them): personal Arbetad tid
    C15 ``<c r="C15"><f>C14*2</f></c>`` and E15 ``<c r="E15" t="str"><f>"1"</f></c>``.

    Must give an ERROR at C15 and at E15 whose message contains ``men inget sparat värde``.
    """
    package = Package(base / book)

    def change(root: etree._Element) -> None:
        _set(_cell(root, "C15"), formula="C14*2", keep_value=False)
        _set(_cell(root, "E15"), t="str", formula='"1"', keep_value=False)

    package.edit(package.sheet("Arbetad tid"), change)
    return package


def _date_months(package: Package, format_id: int, code: str | None, epoch: dt.date, date1904: bool) -> None:
    """Every Månad cell as a date serial (the first of the month) from ``epoch`` with a date format."""
    styles = package.tree("xl/styles.xml")
    if code:
        _custom_format(styles, format_id, code)
    index = _add_xf(styles, format_id)
    package.put("xl/styles.xml", styles)
    for member in package.sheets():
        def change(root: etree._Element) -> None:
            header = [c for c in root.iter(_m("c")) if re.fullmatch(r"[A-Z]+1", c.get("r"))]
            column = next((c.get("r")[:-1] for c in header if "".join(c.itertext()) == "Månad"), None)
            if column is None:
                return
            for cell in _cells(root, column):
                year, month = map(int, "".join(cell.find("m:is", NS).itertext()).split("-"))
                _set(cell, value=str((dt.date(year, month, 1) - epoch).days), keep_value=False)
                cell.set("s", str(index))
        package.edit(member, change)
    if date1904:
        def flag(root: etree._Element) -> None:
            properties = root.find("m:workbookPr", NS)
            properties.set("date1904", "1")
        package.edit("xl/workbook.xml", flag)


def dates_1900(base: Path, book: str) -> Package:
    """Månad cells as dates (serials from 1899-12-30, the 1900 date system) formatted with custom 170
    ``yyyy-mm`` (produktion) — the twin of the 1904 file.

    Must read to the base's records with no problem.
    """
    package = Package(base / book)
    _date_months(package, 170 if book == "produktion.xlsx" else 14, "yyyy-mm" if book == "produktion.xlsx" else None,
                 dt.date(1899, 12, 30), date1904=False)
    return package


def dates_1904(base: Path, book: str) -> Package:
    """``<workbookPr date1904="1"/>``: Månad serials count from 1904-01-01 (produktion: custom ``yyyy-mm``;
    personal: built-in 14). The same dates as the 1900 file, 1462 lower.

    Must read to the base's records (the same months as the 1900-based file) with no problem.
    """
    package = Package(base / book)
    _date_months(package, 170 if book == "produktion.xlsx" else 14, "yyyy-mm" if book == "produktion.xlsx" else None,
                 dt.date(1904, 1, 1), date1904=True)
    return package


def percent_from_column(base: Path, book: str) -> Package:
    """Share cells without ``s``: the percent format comes only from ``<col min="3" max="3" style="N"/>``
    (as Gnumeric writes). LibreOffice shows them as percent, Excel as plain numbers.

    Must read to the base's records (as percent: 0.9 is 90) with a WARNING for each of Tillgänglighet and
    Beläggning, in column C, whose message contains ``kolumnens format``.
    """
    package = Package(base / book)
    for name in SHARES:
        def change(root: etree._Element) -> None:
            assert any(col.get("min") == "3" and col.get("style") for col in root.iter(_m("col")))
            for cell in _cells(root, "C"):
                cell.attrib.pop("s")
        package.edit(package.sheet(name), change)
    return package


def share_above_100(base: Path, book: str) -> Package:
    """Tillgänglighet C3 holds 80.1 in a percent-formatted cell: Excel shows 8010 %.

    Must give an ERROR at C3 whose message contains ``8 010`` (Swedish thousands separator).
    """
    package = Package(base / book)
    package.edit(package.sheet("Tillgänglighet"), lambda root: _set(_cell(root, "C3"), value="80.1", keep_value=False))
    return package


def date_minus_1e12(base: Path, book: str) -> Package:
    """A date-formatted (built-in 14) cell holding −1e12 (python-calamine panics on it with a
    PanicException, a BaseException): produktion Produktion C4, personal Arbetad tid B4.

    Must give an ERROR naming the file, the sheet and the cell; never an exception.
    """
    package = Package(base / book)
    sheet, reference = {"produktion.xlsx": ("Produktion", "C4"), "personal.xlsx": ("Arbetad tid", "B4")}[book]
    styles = package.tree("xl/styles.xml")
    index = _add_xf(styles, 14)
    package.put("xl/styles.xml", styles)

    def change(root: etree._Element) -> None:
        cell = _cell(root, reference)
        _set(cell, value="-1000000000000", keep_value=False)
        cell.set("s", str(index))

    package.edit(package.sheet(sheet), change)
    return package


VARIANTS: list[tuple[str, Callable[[Path, str], Package], str]] = [
    ("produktion-celler-utan-r.xlsx", cells_without_r, "produktion.xlsx"),
    ("personal-celler-utan-r.xlsx", cells_without_r, "personal.xlsx"),
    ("produktion-rader-och-celler-utan-r.xlsx", rows_and_cells_without_r, "produktion.xlsx"),
    ("personal-rader-och-celler-utan-r.xlsx", rows_and_cells_without_r, "personal.xlsx"),
    ("produktion-citat-och-mellanrum.xlsx", quotes_and_whitespace, "produktion.xlsx"),
    ("personal-citat-och-mellanrum.xlsx", quotes_and_whitespace, "personal.xlsx"),
    ("produktion-prefix-x.xlsx", prefixed, "produktion.xlsx"),
    ("personal-prefix-x.xlsx", prefixed, "personal.xlsx"),
    ("produktion-procent-id9.xlsx", percent_id(9), "produktion.xlsx"),
    ("produktion-procent-id10.xlsx", percent_id(10), "produktion.xlsx"),
    ("produktion-procent-eget-format.xlsx", percent_custom, "produktion.xlsx"),
    ("produktion-dxf-eget-id.xlsx", dxf_other_id, "produktion.xlsx"),
    ("produktion-dxf-samma-id.xlsx", dxf_same_id, "produktion.xlsx"),
    ("produktion-dxf-procent-pa-tal.xlsx", dxf_percent_on_numbers, "produktion.xlsx"),
    ("produktion-rik-text.xlsx", rich_shared_strings, "produktion.xlsx"),
    ("personal-rik-text.xlsx", rich_shared_strings, "personal.xlsx"),
    ("produktion-inline-rik-text.xlsx", rich_inline_strings, "produktion.xlsx"),
    ("produktion-delade-formler.xlsx", shared_formulas, "produktion.xlsx"),
    ("personal-delade-formler.xlsx", shared_formulas, "personal.xlsx"),
    ("ekonomi-formler.xlsx", shared_formulas, "ekonomi.xlsx"),
    ("produktion-felceller.xlsx", error_cells, "produktion.xlsx"),
    ("personal-felceller.xlsx", error_cells, "personal.xlsx"),
    ("ekonomi-formel-tom-text-valfri.xlsx", empty_string_optional, "ekonomi.xlsx"),
    ("personal-formel-tom-text-kravd.xlsx", empty_string_required, "personal.xlsx"),
    ("personal-formel-utan-varde.xlsx", formula_without_value, "personal.xlsx"),
    ("produktion-datum-1900.xlsx", dates_1900, "produktion.xlsx"),
    ("produktion-datum-1904.xlsx", dates_1904, "produktion.xlsx"),
    ("personal-datum-1904.xlsx", dates_1904, "personal.xlsx"),
    ("produktion-procent-fran-kolumn.xlsx", percent_from_column, "produktion.xlsx"),
    ("produktion-andel-over-100.xlsx", share_above_100, "produktion.xlsx"),
    ("produktion-datum-minus-1e12.xlsx", date_minus_1e12, "produktion.xlsx"),
    ("personal-datum-minus-1e12.xlsx", date_minus_1e12, "personal.xlsx"),
]

WRITERS: list[tuple[str, Callable[[Path, Path], None]]] = [
    ("libreoffice", libreoffice),
    ("gnumeric", gnumeric),
    ("pandas-openpyxl", lambda base, out: pandas_books(base, out, "openpyxl")),
    ("pandas-xlsxwriter", lambda base, out: pandas_books(base, out, "xlsxwriter")),
    ("sheetjs", sheetjs),
    ("datum-openpyxl", dates_openpyxl),
    ("datum-pandas", dates_pandas),
]


def _versions() -> list[str]:
    import openpyxl
    import pandas
    import xlsxwriter

    def first_line(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.stdout or done.stderr).strip().splitlines()[0]

    return [first_line(["soffice", "--version"]), "Gnumeric " + first_line(["ssconvert", "--version"]),
            f"pandas {pandas.__version__}", f"xlsxwriter {xlsxwriter.__version__}", f"openpyxl {openpyxl.__version__}",
            f"SheetJS {SHEETJS}", "node " + first_line(["node", "--version"])]


def _readme(versions: list[str]) -> str:
    lines = ["# Workbooks real programs wrote, and hand-made XML variants", "",
             "Generated by `tools/make_writer_corpus.py` from the base period of `tests/periods.py`;",
             "read by `tests/test_writers.py`. Do not edit by hand: change the script and rerun it.", "",
             "Versions: " + "; ".join(versions) + ".", "", "## Writers", ""]
    writers = (__doc__ or "").split("Writers (one folder each):")[1].split("Not here:")[0]
    lines += [line[:1] and line for line in writers.strip("\n").splitlines()]
    lines += ["", "## xml/", ""]
    for name, make, book in VARIANTS:
        doc = " ".join((make.__doc__ or "").split())
        lines.append(f"- `{name}` (replaces `{book}`): {doc}")
    return "\n".join(lines) + "\n"


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "2022-02"
        write_other_period(base)
        for name, write in WRITERS:
            write(base, OUT / name)
            print(name, *sorted(p.name for p in (OUT / name).iterdir()))
        for name, make, book in VARIANTS:
            package = make(base, book)
            package.drop_theme()
            package.save(OUT / "xml" / name)
        print("xml", len(VARIANTS), "variants")
    (OUT / "README.md").write_text(_readme(_versions()), encoding="utf-8")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"{total // 1024} KB in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
