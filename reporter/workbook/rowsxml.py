"""A large sheet's rows written as worksheet XML directly, beside openpyxl's workbook.

openpyxl makes a Python object per cell and writes some 100 000 cells a
second; a period carried forward at scale 50 has two million. For a sheet
marked ``bulk``, openpyxl writes everything but the rows below the header
(styles, lists, widths, panes, the other sheets), and this module writes
those rows as the same ``<row>``/``<c>`` elements openpyxl would (numbers,
inline strings, booleans, dates as serial numbers, :class:`Formula`, error
values; a text that begins with ``=`` stays text),
with the style ids openpyxl gave their number formats and fills, and puts
them into the saved package. The same rows give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

from .table import column_letter

ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})  # as openpyxl: text that is an error value
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EPOCH = dt.datetime(1899, 12, 30)


class Formula(str):
    """A formula to write as one (without its leading ``=``); any other text, ``=`` first or not, is written as text."""


def rows_xml(
    rows: Sequence[Sequence[object]], first: int, letters: Sequence[str], styles: Mapping[tuple[int, int], int], row_styles: Mapping[int, int],
) -> str:
    """``<row>`` elements for ``rows``, the first numbered ``first``.

    ``styles`` gives a cell's style id by (row, column), both from 1;
    ``row_styles`` the style id of every cell of a row (a marked row), up to
    the width of ``letters``.
    """
    out = []
    columns = [f'<c r="{letter}' for letter in letters]  # each column's opening, the row number to follow
    styled = {r for r, _ in styles}
    endings: dict[object, str] = {}  # a value's XML after the reference and style: a sheet repeats its names and months
    for offset, row in enumerate(rows):
        number = first + offset
        whole = row_styles.get(number)
        width = len(row) if whole is None else max(len(row), len(columns))
        while len(columns) < width:
            columns.append(f'<c r="{column_letter(len(columns) + 1)}')
        cells = [f'<row r="{number}">']
        look = number in styled
        values = row if len(row) == width else [*row, *[None] * (width - len(row))]
        for index, value in enumerate(values):
            style = styles.get((number, index + 1), whole) if look else whole
            if value is None:
                if style:
                    cells.append(f'{columns[index]}{number}" s="{style}"/>')
                continue
            key = (value.__class__, value)
            ending = endings.get(key)
            if ending is None:
                ending = endings[key] = _ending(value)
            if ending:
                cells.append(f'{columns[index]}{number}" s="{style}"{ending}' if style else f'{columns[index]}{number}"{ending}')
        cells.append("</row>")
        out.append("".join(cells))
    return "".join(out)


def _ending(value: object) -> str:
    """A cell's XML after its reference and style: its type and value; "" for a value a sheet cannot hold (NaN)."""
    if value is True or value is False:
        return f' t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return f' t="n"><v>{int(value)}</v></c>'  # 105, not 105.0: as Excel writes a whole number
        return f' t="n"><v>{value!r}</v></c>'
    if isinstance(value, (dt.datetime, dt.date)):
        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        serial = (moment - _EPOCH).total_seconds() / 86400
        return f' t="n"><v>{int(serial) if serial.is_integer() else serial!r}</v></c>'
    text = str(value)
    if isinstance(value, Formula):
        return f"><f>{_text(text)}</f><v></v></c>"
    if text in ERROR_CODES:
        return f' t="e"><v>{text}</v></c>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"><is><t{space}>{_text(text)}</t></is></c>'


def _text(text: str) -> str:
    text = escape(text)
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text) if _ILLEGAL.search(text) else text


_SHEET_DATA_END = "</sheetData>"
CORE = "docProps/core.xml"
_WHEN = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")  # when the file was written: optional, left out
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')


def put_rows(package: bytes, parts: Mapping[str, tuple[str, str]]) -> bytes:
    """The saved package with each part's rows added after its header row, and its dimension set; no time in it.

    ``parts`` maps a worksheet part (``xl/worksheets/sheet2.xml``) to the
    rows' XML and the sheet's dimension (``A1:D2089``).
    """
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            info.date_time = FIXED_TIME  # the same rows give the same bytes: no clock in the package
            if info.filename == CORE:
                data = _WHEN.sub(b"", data)
            if info.filename in parts:
                rows, dimension = parts[info.filename]
                text = data.decode("utf-8")
                head, found, tail = text.rpartition(_SHEET_DATA_END)
                if not found:
                    raise ValueError(f"{info.filename}: no <sheetData> with a header row to add rows after")
                text = _DIMENSION.sub(f'<dimension ref="{dimension}"/>', head, count=1) + rows + _SHEET_DATA_END + tail
                data = text.encode("utf-8")
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)  # large and plain: the fast level
                continue
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
