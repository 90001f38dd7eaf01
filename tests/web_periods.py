"""Period folders for the web tests: the bundled April with one division's rows in workbooks of its own.

``scaffold --division`` names a division's workbooks ``<slag>-<division>.xlsx``; the web page hands in exactly
those. The bundled periods hold every division in one workbook per kind, so here one division's rows are moved
out into its own files (openpyxl, values and number formats kept), leaving a period that validates as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl

from reporter.schema import WORKBOOK_KINDS
from reporter.values import slugify

ROOT = Path(__file__).resolve().parent.parent
DIVISION = "Service"


def split_division(period_dir: Path, division: str = DIVISION, kinds: tuple[str, ...] | None = None) -> list[Path]:
    """Move ``division``'s rows out of each workbook (or those of ``kinds``) into ``<slag>-<division>.xlsx``; the files written."""
    written = []
    for kind in WORKBOOK_KINDS:
        if kinds is not None and kind.name not in kinds:
            continue
        source = period_dir / f"{kind.name}.xlsx"
        if not source.is_file():
            continue
        book = openpyxl.load_workbook(source)
        own = openpyxl.Workbook()
        own.remove(own.active)
        for sheet in kind.sheets:
            if not sheet.per_division or sheet.name not in book.sheetnames:
                continue
            ws = book[sheet.name]
            header = [cell.value for cell in ws[1]]
            if not header or header[0] != "Division":
                continue
            rows = [[(cell.value, cell.number_format) for cell in row] for row in ws.iter_rows(min_row=2)]
            mine = [row for row in rows if row and row[0][0] == division]
            kept = [row for row in rows if not (row and row[0][0] == division)]
            target = own.create_sheet(sheet.name)
            target.append(header)
            _append(target, mine)
            ws.delete_rows(2, ws.max_row)
            _append(ws, kept)
        if own.sheetnames:
            path = period_dir / f"{kind.name}-{slugify(division, 'division')}.xlsx"
            own.save(path)
            book.save(source)
            written.append(path)
    return written


def _append(ws, rows) -> None:
    for row in rows:
        ws.append([value for value, _ in row])
        for cell, (_, number_format) in zip(ws[ws.max_row], row, strict=False):
            cell.number_format = number_format


def web_inputs(target: Path, kinds: tuple[str, ...] | None = None) -> Path:
    """An inputs folder with March as it is bundled and April with Service's rows in files of its own (of every kind, or of
    ``kinds``); the templates beside it."""
    inputs = target / "inputs"
    for name in ("2021-03", "2021-04"):
        shutil.copytree(ROOT / "inputs" / name, inputs / name)
    shutil.copytree(ROOT / "templates", target / "templates")
    split_division(inputs / "2021-04", kinds=kinds)
    return inputs
