"""The cells of the office's matrix and of a division's list of files: a state, its words, and the last hand-in."""

from __future__ import annotations

from ..causes import plural
from ..commands.status import INVALID, MISSING, NO_ROWS, NOT_APPLICABLE, SUBMITTED, Submission
from .handin import Expected
from .store import Upload

UNCHECKED = "ej kontrollerad"  # a file on disk the period's check has not yet looked at (the office's first view)
STATE_WORDS = {SUBMITTED: "inlämnad", MISSING: "saknas", INVALID: "ogiltig", NO_ROWS: "inga rader", NOT_APPLICABLE: "–",
               UNCHECKED: "finns, inte kontrollerad än"}


def file_cell(submission: Submission | None, item: Expected | None, uploads: list[Upload]) -> dict:
    """One cell of the matrix: the state in words, and the last upload's time and version (numbered from 1 per file)."""
    state = submission.state if submission is not None else NOT_APPLICABLE
    mine = [u for u in uploads if item is not None and u.file == item.file]
    taken = [(number, u) for number, u in enumerate(mine, 1) if u.accepted]
    kept = f"version {taken[-1][0]} från {taken[-1][1].time} UTC" if taken else "sin tidigare fil"
    detail = ""
    if mine and not mine[-1].accepted:
        state = INVALID
        detail = f"{plural(mine[-1].errors, 'fel', 'fel')} i version {len(mine)}; perioden behåller {kept}"
    elif state == INVALID and submission is not None:
        detail = plural(submission.errors, "fel", "fel")
    elif state == SUBMITTED and taken:
        detail = f"{taken[-1][1].time} UTC, version {taken[-1][0]}"
    return {"state": state, "words": STATE_WORDS.get(state, state), "detail": detail, "file": item.file if item else ""}
