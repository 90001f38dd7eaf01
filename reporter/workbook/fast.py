"""python-calamine for sheets it is known to read exactly: fast, and the same values.

Calamine (Rust) reads a sheet 5-10 times faster than any Python XML pass,
but it shows neither number formats, nor formulas, nor error values (an
error cell and a formula without a saved value both come back as ""). So a
sheet is given to calamine only when it is known that nothing of that kind
can be in it, and to :mod:`reporter.workbook.exact` otherwise:

1. every cell style of the workbook has a format calamine reads as Excel
   shows it (General, the built-in number and date formats; never percent,
   thousands or a custom date format) — known from ``styles.xml``;
2. no column of the sheet has a style of its own that shows numbers
   differently, and no row has one (``customFormat``) — the part of the
   sheet before ``<sheetData>`` is parsed for that;
3. no cell is further than row 299 999 or column Z, so that calamine's dense
   grid stays small and the limits need no exact count;
4. no cell uses a cell style whose format calamine cannot read (1 may not
   hold for the workbook, as long as the sheet uses none of those styles);
5. when calamine gives any empty cell, the sheet has no formula element and
   no cell whose type is other than a string, number or boolean (``t="e"``),
   so that every empty cell is an empty cell.

The searches of 3-5 are literal (``s="7"``), so that they run at the speed
of memory; they see every attribute because a sheet that writes white space
beside an ``=`` (``r = 'A1'``, which XML allows) goes to the exact reader,
and so does a value with anything unusual in it (a character reference, a
leading zero). A search may find more than is there (``spans="1:5"`` holds
``s="1``); that only sends a sheet to the slower reader.

Each condition is checked on the file itself; when one does not hold, the
sheet is read by the exact reader. Both give the same :class:`Table` (a
test reads the whole corpus both ways).
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import threading
from contextlib import contextmanager

from lxml import etree

from .formats import GENERAL
from .parts import SheetEntry, Styles, local
from .table import Table

# The literal searches below see every attribute there is only when each is
# written ``name="value"`` or ``name='value'``: white space beside ``=`` (which
# XML allows) sends the sheet to the exact reader.
_SPACED_EQUALS = (re.compile(rb"=\s"), re.compile(rb" ="))  # two searches: each keeps its literal start, and its speed
_CONTROL_SPACE = (b"\t", b"\n", b"\r")
_TAB_EQUALS = re.compile(rb"[\t\r\n]=")
# A cell beyond column Z or row 299 999, or a reference with a character reference in it.
_FAR_OR_ODD = re.compile(rb"r=[\"'][A-Z]?+(?:[A-Z&]|[3-9][0-9]{5}|[1-9][0-9]{6}|[0-9]++&)")
# A style index written other than as plain digits: a leading zero, a space, a character reference.
_ODD_STYLE = re.compile(rb"s=[\"'](?:0[0-9]|[\s&]|[0-9]+[^0-9\"':])")
# A cell type that calamine reads as "" or in its own way: an error, a date, a character reference.
_ODD_TYPE = re.compile(rb"t=[\"'](?:[ed][\"']|&)")
# A row whose style is its cells' too (LibreOffice writes customFormat="false" on every row).
_ROW_STYLE = re.compile(rb"customFormat=[\"'](?!(?:0|false)[\"'])")
_FORMULA_AFTER = frozenset(b" \t\r\n/>")
MAX_SPECIAL_STYLES = 8  # more cell styles that calamine cannot read than this: the exact reader reads the sheet


def _plainly_spelled(xml: bytes) -> bool:
    """True when no attribute has white space beside its ``=``."""
    if any(pattern.search(xml) for pattern in _SPACED_EQUALS):
        return False
    start = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0  # the declaration's own line break
    if any(xml.find(control, start) >= 0 for control in _CONTROL_SPACE):
        return not _TAB_EQUALS.search(xml)
    return True


def calamine_may_read(xml: bytes, styles: Styles) -> bool:
    """True when calamine may be given the sheet at all: conditions 1 (in part) and 3."""
    if len(styles.not_calamine_alike) > MAX_SPECIAL_STYLES or not _plainly_spelled(xml):
        return False
    return not _FAR_OR_ODD.search(xml)


def calamine_reads_alike(xml: bytes, styles: Styles) -> bool:
    """True when calamine gives the values the author saw: conditions 1, 2 and 4 (5 is checked after reading)."""
    special = styles.not_calamine_alike
    if _ROW_STYLE.search(xml):
        return False
    if special:
        if _ODD_STYLE.search(xml):
            return False
        for index in special:
            if b's="%d"' % index in xml or b"s='%d'" % index in xml:
                return False
    return not _column_styles_differ(xml, styles)


def _column_styles_differ(xml: bytes, styles: Styles) -> bool:
    """True when a ``<col>`` before the sheet data has a style that is not General."""
    start = xml.find(b"sheetData")
    if start < 0 or b"style" not in xml[:start]:
        return False
    try:
        for _, element in etree.iterparse(io.BytesIO(xml), events=("start",), resolve_entities=False, no_network=True, load_dtd=False):
            name = local(element.tag)
            if name == "sheetData":
                return False
            if name == "col" and element.get("style") not in (None, "0"):
                try:
                    if styles.format_of(int(element.get("style"))).kind != GENERAL:
                        return True
                except ValueError:
                    return True
    except etree.XMLSyntaxError:
        return True
    return False


def has_formulas_or_errors(xml: bytes) -> bool:
    """True when the sheet may hold a formula element (``<f>``, ``<x:f>``) or an error cell (``t="e"``)."""
    if _ODD_TYPE.search(xml):
        return True
    for marker in (b"<f", b":f"):
        at = xml.find(marker)
        while at >= 0:
            follows = xml[at + 2:at + 3]
            if follows and follows[0] in _FORMULA_AFTER:
                if marker == b"<f" or xml.rfind(b"<", 0, at) > xml.rfind(b">", 0, at):
                    return True
            at = xml.find(marker, at + 2)
    return False


def read_fast(book, entry: SheetEntry, part: list[bytes], styles: Styles, label: str) -> Table | None:
    """The sheet through calamine, or None when the exact reader must read it.

    ``part`` holds the sheet's XML, taken out and dropped here once the
    checks are made, so that it is not in memory beside the cells.

    Calamine parses the sheet in a thread of its own (it lets go of Python's
    lock while it works) while this one makes the checks that need not come
    first; so they cost next to nothing.
    """
    parsed: list = []
    xml = part.pop()

    def parse() -> None:
        try:
            parsed.append(book.get_sheet_by_name(entry.name))
        except BaseException as exc:  # noqa: BLE001 - calamine panics (PanicException is a BaseException)
            parsed.append(exc)

    with quiet_native_errors():
        worker = threading.Thread(target=parse, name="calamine", daemon=True)
        worker.start()
        alike = calamine_reads_alike(xml, styles)
        may_hide = alike and has_formulas_or_errors(xml)  # known before the grid is made, so that the XML can go
        del xml
        worker.join()
        sheet = parsed.pop()
        if not alike or isinstance(sheet, BaseException):
            if isinstance(sheet, (KeyboardInterrupt, SystemExit)):
                raise sheet
            return None
        try:
            merged = sheet.merged_cell_ranges or []
            grid = sheet.to_python(skip_empty_area=False)
        except BaseException as exc:  # noqa: BLE001 - as above: a date calamine cannot convert panics
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            return None
        del sheet  # calamine's copy of the cells, before ours are used
    if sum(row.count("") for row in grid):
        if may_hide:
            return None
        rows = [(number, row) for number, row in enumerate(grid, 1) if row.count("") != len(row)]
    else:
        rows = list(enumerate(grid, 1))
    del grid
    ranges = [(c1 + 1, r1 + 1, c2 + 1, r2 + 1) for (r1, c1), (r2, c2) in merged]
    return Table.of(label, entry.name, rows, merged_ranges=ranges, hidden=entry.hidden)


@contextmanager
def quiet_native_errors():
    """Keep what a native library prints on its way down (a Rust panic's message) off the user's screen.

    The panic itself is caught as an exception and read again by our own
    reader, which says what is wrong with which cell.
    """
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    sys.stderr.flush()
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
