"""The office's matrix before the period's check is done: from the log and the files on disk, shown at once.

The office's first view of a period does not wait for its check (seconds for a large period): each division's
files are "finns, inte kontrollerad än" or "saknas", a file the division handed in keeps its state from the log
(inlämnad with time and version when it is the file in the period; ogiltig when its last version was refused),
while the period is checked in the background.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..commands.status import DIVISION_SHEETS, MISSING, NOT_APPLICABLE, REGION, REGION_SHEETS, SUBMITTED, InterimStatus, Submission, report_texts
from ..inputs import TEXT_DIR, file_sha256, find_workbooks
from ..kinds import MONTHLY, required_sheets
from ..period_config import load_config_partly
from ..schema import WORKBOOK_KINDS
from .cells import UNCHECKED, file_cell
from .handin import divisions, expected, interim_part
from .interim import interim_cell
from .store import Upload

INTERIM_COLUMN = "delårsrapport"


@dataclass
class Unchecked:
    """The matrix from disk: its columns, its rows' names (the divisions, then the region's row), their cells, the texts."""

    columns: list[str]
    names: list[str]
    texts: dict[str, str]
    cells: dict[str, list[dict]] = field(default_factory=dict)


def unchecked(period_dir: Path, uploads: list[Upload]) -> Unchecked:
    """The period's matrix as the files on disk and the log say, without checking anything."""
    config, _ = load_config_partly(period_dir)
    found, _ = find_workbooks(period_dir) if period_dir.is_dir() else ({}, [])
    needed = set(required_sheets(config)) if config is not None else set(MONTHLY.sheets)
    kinds = [kind.name for kind in WORKBOOK_KINDS if kind.name in needed or found.get(kind.name)]
    interim = bool(config is not None and config.interim_reports)
    own_report = config is not None and config.is_division_report
    names = divisions(period_dir) + ([] if own_report else [REGION])
    texts, _ = report_texts(config)
    matrix = Unchecked(kinds + ([INTERIM_COLUMN] if interim else []), names,
                       {name: "finns" if _written(period_dir / TEXT_DIR / name) else MISSING for name in texts.values()})
    for name in names:
        if name == REGION:
            matrix.cells[name] = [file_cell(Submission(NOT_APPLICABLE if not REGION_SHEETS[kind] else UNCHECKED if found.get(kind) else MISSING),
                                            None, []) for kind in kinds] + ([file_cell(None, None, [])] if interim else [])
            continue
        mine = [u for u in uploads if u.division == name]
        items = {e.kind: e for e in expected(config, name) if not e.text}
        row = []
        for kind in kinds:
            item = items.get(kind)
            if not DIVISION_SHEETS[kind] or item is None:
                row.append(file_cell(Submission(NOT_APPLICABLE), item, mine))
                continue
            path = period_dir / item.file
            taken = [u for u in mine if u.file == item.file and u.accepted]
            if taken and path.is_file() and file_sha256(path) == taken[-1].sha256:
                state = SUBMITTED  # the file in the period is the one checked when it was handed in
            else:
                state = UNCHECKED if path.is_file() or found.get(kind) else MISSING
            row.append(file_cell(Submission(state), item, mine))
        if interim:
            part = interim_part(config, name)
            folder = part[0].folder if part else ""
            report = InterimStatus(0, name, folder, UNCHECKED if folder and (period_dir / folder).is_dir() else MISSING) if folder else None
            row.append(interim_cell(report, mine))
        matrix.cells[name] = row
    return matrix


def _written(path: Path) -> bool:
    try:
        return bool(path.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return False
