"""A period folder on disk → workbook tables and Markdown texts.

The reading stage: it finds the files of each kind, reads them, and hands
everything to validation. Unreadable files become problems, not exceptions,
so that every file is tried.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from .errors import Problem, ReporterError, error, warning
from .markdown_check import unsupported
from .plausibility import CONFIRMATION_SHEET
from .schema import WORKBOOK_KINDS
from .text_normal import normal_name, normal_prose
from .texts import Block, parse_markdown
from .validation import WorkbookFile
from .workbook import Sheets, Workbook

TEXT_DIR = "texter"
# A line that is only a bracketed placeholder, as scaffold writes and Word leaves:
# "[Skriv inledningen här]". A Markdown link definition "[x]: url" is not one.
PLACEHOLDER_LINE = re.compile(r"^\s*\[[^\]]*\]\s*$")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Spreadsheets the tool cannot read: named like an input, so surely meant as one.
OTHER_SPREADSHEETS = {
    ".xls": "en gammal Excel-fil (.xls)",
    ".xlsb": "en binär Excel-arbetsbok (.xlsb)",
    ".ods": "ett OpenDocument-kalkylark (.ods)",
    ".csv": "en CSV-fil",
    ".numbers": "ett Numbers-dokument",
}


def find_workbooks(period_dir: Path) -> tuple[dict[str, list[Path]], list[Problem]]:
    """The workbooks of each kind (``ekonomi*.xlsx`` …), sorted by name, and the
    files that look meant as input but cannot be used."""
    found: dict[str, list[Path]] = {kind.name: [] for kind in WORKBOOK_KINDS}
    problems: list[Problem] = []
    for path in sorted(period_dir.iterdir()):
        label = normal_name(path.name)  # NFC as every name shown; the path on disk is opened as it is
        name = label.casefold()
        if not path.is_file() or name.startswith(("~$", ".")):
            continue  # ~$ is Excel's lock file for an open workbook
        kind = next((k.name for k in WORKBOOK_KINDS if name.startswith(k.name)), None)
        suffix = path.suffix.casefold()
        if suffix in WORKBOOK_SUFFIXES:
            if kind is None:
                problems.append(
                    warning(
                        "arbetsboken används inte: namnet ska börja med "
                        + ", ".join(k.name for k in WORKBOOK_KINDS) + " (t.ex. ekonomi-division.xlsx)",
                        file=label,
                    )
                )
                continue
            found[kind].append(path)
            if suffix == ".xlsm":
                problems.append(warning("arbetsboken har makron (.xlsm); makron körs inte, de sparade värdena läses", file=label))
        elif kind is not None and suffix in OTHER_SPREADSHEETS:
            problems.append(
                error(
                    f"filen är {OTHER_SPREADSHEETS[suffix]} och kan inte läsas; "
                    f"öppna den i Excel och spara som Excel-arbetsbok (.xlsx): {normal_name(path.stem)}.xlsx",
                    file=label,
                )
            )
    return found, problems


def read_workbooks(period_dir: Path) -> tuple[list[WorkbookFile], list[Problem]]:
    """Open every workbook of the period; collect the ones that cannot be opened.

    A workbook's sheets are read when validation looks them up, one at a time.
    """
    files: list[WorkbookFile] = []
    paths, problems = find_workbooks(period_dir)
    for kind in WORKBOOK_KINDS:
        sheet_names = [s.name for s in kind.sheets] + [CONFIRMATION_SHEET]  # a division's confirmations of unusual values
        for path in paths[kind.name]:
            try:
                workbook = Workbook(path, normal_name(path.name))
            except ReporterError as exc:
                problems += exc.problems
                continue
            files.append(WorkbookFile(kind.name, workbook.label, Sheets(workbook, sheet_names)))
    return files, problems


MAX_TEXT_BYTES = 2 << 20  # a text of the report is a few pages; 2 MB is far more than any


def read_texts(period_dir: Path, files: Mapping[str, str]) -> tuple[dict[str, list[Block] | None], list[Problem]]:
    """Each known text (``files``: key → file in ``texter/``, the report kind's) as blocks, or None when missing."""
    texts: dict[str, list[Block] | None] = {}
    problems: list[Problem] = []
    for key, filename in files.items():
        path = period_dir / TEXT_DIR / filename
        if not path.is_file():
            texts[key] = None
            continue
        label = f"{TEXT_DIR}/{filename}"
        if path.stat().st_size > MAX_TEXT_BYTES:
            texts[key] = None
            problems.append(error(f"texten är större än {MAX_TEXT_BYTES >> 20} MB; är det rätt fil?", file=label))
            continue
        try:
            text = normal_prose(path.read_text(encoding="utf-8-sig"))  # NFC and plain spaces, once, here
        except UnicodeDecodeError:
            texts[key] = None
            problems.append(error("texten är inte sparad som UTF-8; spara den som UTF-8 i textredigeraren", file=label))
            continue
        texts[key] = parse_markdown(text)
        problems += [error(message, file=label, cell=f"rad {number}") for number, message in unsupported(text)]
        problems += [
            error(f"platshållaren '{line.strip()}' är inte ersatt; skriv texten, eller ta bort filen om avsnittet ska utgå", file=label, cell=f"rad {number}")
            for number, line in enumerate(text.splitlines(), 1)
            if PLACEHOLDER_LINE.match(line)
        ]
    return texts, problems


def file_sha256(path: Path) -> str:
    """A file's sha256, read in blocks: a file of any size takes no more memory than a block."""
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except MemoryError:
        raise ReporterError(error("minnet tog slut när filen lästes", file=str(path))) from None
