"""A period folder on disk → workbook tables and Markdown texts.

The reading stage: it finds the files of each kind, reads them, and hands
everything to validation. Unreadable files become problems, not exceptions,
so that every file is tried.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, ReporterError, error
from .schema import WORKBOOK_KINDS
from .texts import TEXT_FILES, Block, parse_markdown
from .validation import WorkbookFile
from .workbook import read_tables

TEXT_DIR = "texter"


def workbook_paths(period_dir: Path) -> dict[str, list[Path]]:
    """The workbooks of each kind (``ekonomi*.xlsx`` …), sorted by name."""
    found: dict[str, list[Path]] = {kind.name: [] for kind in WORKBOOK_KINDS}
    for path in sorted(period_dir.iterdir()):
        name = path.name.casefold()
        if not path.is_file() or name.startswith(("~$", ".")):
            continue
        for kind in WORKBOOK_KINDS:
            if name.startswith(kind.name) and name.endswith(".xlsx"):
                found[kind.name].append(path)
    return found


def read_workbooks(period_dir: Path) -> tuple[list[WorkbookFile], list[Problem]]:
    """Read every workbook of the period; collect the ones that cannot be read."""
    files: list[WorkbookFile] = []
    problems: list[Problem] = []
    paths = workbook_paths(period_dir)
    for kind in WORKBOOK_KINDS:
        sheet_names = [s.name for s in kind.sheets]
        for path in paths[kind.name]:
            try:
                tables = read_tables(path, sheet_names)
            except ReporterError as exc:
                problems += exc.problems
                continue
            files.append(WorkbookFile(kind.name, path.name, tables))
    return files, problems


def read_texts(period_dir: Path) -> tuple[dict[str, list[Block] | None], list[Problem]]:
    """Each known text as blocks, or None when its file is missing."""
    texts: dict[str, list[Block] | None] = {}
    problems: list[Problem] = []
    for key, filename in TEXT_FILES.items():
        path = period_dir / TEXT_DIR / filename
        if not path.is_file():
            texts[key] = None
            continue
        try:
            texts[key] = parse_markdown(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            texts[key] = None
            problems.append(error("texten är inte sparad som UTF-8", file=f"{TEXT_DIR}/{filename}"))
    return texts, problems
