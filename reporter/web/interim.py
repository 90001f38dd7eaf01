"""A tertial period's interim reports on the pages: the state of a division's files in its folder, and its column in the matrix.

A tertial report (``bilagor:`` with ``- delarsrapport: …``) reads each
division's interim report from a folder of its own (``delarsrapporter/<division>/``).
The division hands in that folder's workbooks and texts on its page; the
state of each comes from the period's check, as ``status`` says it.
"""

from __future__ import annotations

from pathlib import Path

from ..causes import plural
from ..commands.status import EXTERNAL, INVALID, MISSING, NOT_APPLICABLE, SUBMITTED, VALID, InterimStatus, Status, Submission
from ..pipeline import Checked
from .cells import STATE_WORDS, UNCHECKED
from .handin import Expected
from .store import Upload


def _errors(checked: Checked, file: str) -> int:
    return sum(1 for p in checked.errors if p.where.file == file or any(other.file == file for other in p.also))


def interim_book(item: Expected, checked: Checked, period_dir: Path) -> Submission:
    """A workbook of the division's interim report: invalid (its errors), handed in, missing, or (an optional one) not needed."""
    errors = _errors(checked, item.file)
    if errors:
        return Submission(INVALID, (item.file,), errors)
    if (period_dir / item.file).is_file():
        return Submission(SUBMITTED, (item.file,))
    return Submission(MISSING if item.required else NOT_APPLICABLE)


def interim_text_state(item: Expected, checked: Checked, table: Status, present: bool) -> str:
    """A text of the division's interim report as ``status`` words it: ej ifylld (its errors), saknas (the report needs it), finns,
    or – (not needed: produktion.md from a division without care production)."""
    if _errors(checked, item.file):
        return "ej ifylld"
    report = next((i for i in table.interim if i.folder == item.folder), None)
    if report is not None and item.name in report.texts_missing:
        return MISSING
    if present:
        return "finns"
    return MISSING if report is None else NOT_APPLICABLE


def interim_cell(report: InterimStatus | None, uploads: list[Upload]) -> dict:
    """The division's interim report in the office's matrix: its state, the last hand-in, and the texts it lacks."""
    if report is None:
        return {"state": NOT_APPLICABLE, "words": "–", "detail": "", "file": ""}
    mine = [u for u in uploads if u.file.startswith(report.folder + "/")]
    if mine and not mine[-1].accepted:
        last = mine[-1]
        detail = f"{plural(last.errors, 'fel', 'fel')} i {last.file.rsplit('/', 1)[-1]} ({last.time} UTC); perioden behåller sin tidigare fil"
        return {"state": INVALID, "words": STATE_WORDS[INVALID], "detail": detail, "file": report.folder}
    taken = [u for u in mine if u.accepted]
    details = [f"senast {taken[-1].time} UTC" if taken else ""]
    if report.state == EXTERNAL:
        return {"state": SUBMITTED, "words": "gjord separat", "detail": report.folder, "file": report.folder}
    if report.state == INVALID:
        state, details = INVALID, [plural(report.errors, "fel", "fel")]
    elif report.state == VALID:
        state = SUBMITTED
        if report.texts_missing:
            details.append("texter saknas: " + ", ".join(report.texts_missing))
    elif report.state == UNCHECKED:  # the office's first view, before the check
        state = UNCHECKED
    else:
        state = MISSING
    return {"state": state, "words": STATE_WORDS[state], "detail": "; ".join(d for d in details if d), "file": report.folder}
