"""Columns empty in every row are left out of a rendered table (issue 26 item 4).

A goal-fulfilment table whose measures are not split by sex has nothing in its "K/M" column; a
measure without a development arrow nothing under "Utveckling". Such a column is removed after
rendering, header included, and its width goes to the table's first column (the names), so the
table keeps its width. A table with merged columns (``gridSpan``) is left as it is: its columns
cannot be told apart cell by cell.
"""

from __future__ import annotations

from docx.oxml.ns import qn


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _is_header(row) -> bool:
    properties = row.find(qn("w:trPr"))
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def _width(element, tag: str) -> int | None:
    found = element if element.tag == qn("w:gridCol") else element.find(qn("w:tcPr") + "/" + qn(tag))
    value = None if found is None else found.get(qn("w:w"))
    return int(value) if value and value.lstrip("-").isdigit() else None


def _widen(element, extra: int) -> None:
    found = element if element.tag == qn("w:gridCol") else element.find(qn("w:tcPr") + "/" + qn("w:tcW"))
    width = _width(element, "w:tcW")
    if found is not None and width is not None:
        found.set(qn("w:w"), str(width + extra))


def drop_empty_columns(body) -> None:
    """Remove from every top-level table each column whose cells are empty in all rows below the header rows."""
    for table in list(body.iter(qn("w:tbl"))):
        if next(table.iterancestors(qn("w:tbl")), None) is not None or table.find(".//" + qn("w:gridSpan")) is not None:
            continue
        rows = table.findall(qn("w:tr"))
        grid = table.find(qn("w:tblGrid"))
        columns = [] if grid is None else grid.findall(qn("w:gridCol"))
        cells = [row.findall(qn("w:tc")) for row in rows]
        body_rows = [c for row, c in zip(rows, cells, strict=True) if not _is_header(row)]
        if not body_rows or not columns or any(len(c) != len(columns) for c in cells):
            continue
        empty = [i for i in range(1, len(columns)) if all(not _text(c[i]).strip() for c in body_rows)]
        for index in reversed(empty):
            extra = _width(columns[index], "w:gridCol") or 0
            _widen(columns[0], extra)
            grid.remove(columns[index])
            for row, row_cells in zip(rows, cells, strict=True):
                _widen(row_cells[0], extra)
                row.remove(row_cells[index])
