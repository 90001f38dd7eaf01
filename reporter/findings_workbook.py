"""``reporter validate --xlsx FIL``: the findings as a workbook a division opens in Excel.

One row per finding: severity, division, file, sheet, cell, key, message, the
other places it names, and a link that opens the file at the sheet and cell
(Excel's HYPERLINK) where the file is a workbook, or the file itself. The same
findings give the same bytes: the workbook's dates and the zip entries' times
are fixed.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from pathlib import Path

from .errors import Location, Problem
from .workbook.write import SheetOut, write_sheets

HEADER = ["Allvarlighet", "Division", "Fil", "Blad", "Cell", "Nyckel", "Meddelande", "Även", "Länk"]
WIDTHS = {"A": 11, "B": 24, "C": 28, "D": 18, "E": 10, "F": 26, "G": 90, "H": 40, "I": 40}
SHEET = "Fynd"
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
_CELL = re.compile(r"[A-Z]{1,3}[0-9]+")
_ROW = re.compile(r"rad ([0-9]+)")
MAX_FORMULA_TEXT = 255  # the longest text Excel takes in a formula
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def write_findings(path: Path, problems: list[Problem], period_dir: Path) -> None:
    """Write ``problems`` to the workbook ``path``: one row per finding, links relative to where it is written."""
    rows: list[list[object]] = [list(HEADER)]
    for problem in problems:
        where = problem.where
        rows.append([
            problem.severity.value,
            problem.division,
            _text(where.file),
            _text(where.sheet),
            _text(where.cell or where.place),
            _text(where.key),
            _text(problem.message),
            _text("; ".join(str(other) for other in problem.also)),
            _link(where, period_dir, path.parent),
        ])
    sheet = SheetOut(SHEET, rows, widths=WIDTHS, freeze="A2", header_style=True, wrap=True)
    path = path.absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        write_sheets(Path(temporary), [sheet])
        _fix_times(Path(temporary), path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _text(value: str) -> str:
    """A value as text in its cell: openpyxl would take text that starts with = for a formula."""
    return " " + value if value.startswith("=") else value


def _target(file: str, period_dir: Path) -> Path:
    """The file a finding names: from the period folder, or (rapport.yaml, named with its folder) from its parent."""
    inside = period_dir / file
    if not inside.exists() and file.startswith(f"{period_dir.name}/"):
        return period_dir.parent / file
    return inside


def _link(where: Location, period_dir: Path, written_to: Path) -> str:
    """An Excel HYPERLINK to the finding's file, at its sheet and cell when the file is a workbook; empty without a file."""
    if not where.file:
        return ""
    relative = os.path.relpath(_target(where.file, period_dir).absolute(), written_to.absolute()).replace(os.sep, "/")
    label = where.file
    target = relative
    if where.file.lower().endswith(WORKBOOKS) and where.sheet:
        cell = where.cell if _CELL.fullmatch(where.cell) else (f"A{row.group(1)}" if (row := _ROW.fullmatch(where.cell)) else "A1")
        sheet = where.sheet.replace("'", "''")
        target = f"[{relative}]'{sheet}'!{cell}"
        label = f"{where.file} – {where.sheet}!{cell}"
    if len(target) > MAX_FORMULA_TEXT or len(label) > MAX_FORMULA_TEXT:
        return _text(label)  # Excel refuses a formula with a longer text: the place as text instead
    return f'=HYPERLINK("{_quoted(target)}","{_quoted(label)}")'


def _quoted(text: str) -> str:
    return text.replace('"', '""')


def _fix_times(source: Path, target: Path) -> None:
    """Copy the workbook with its dates and the zip entries' times fixed: the same findings, the same bytes."""
    with zipfile.ZipFile(source) as read, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as write:
        for info in read.infolist():
            data = read.read(info)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(r"\g<1>2000-01-01T00:00:00Z\g<3>", data.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            write.writestr(fixed, data)
