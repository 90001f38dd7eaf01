"""What the domain_* template edits share: a template's word/document.xml rewritten in place (docxparts.with_part), every other part as it was.

Not an edit itself (its name has no number): the numbered scripts beside it import it.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere: the repository's reporter
from reporter.docxparts import with_part  # noqa: E402

DOCUMENT = "word/document.xml"


def edit_document(path: Path, edit: Callable[[bytes], bytes | None]) -> bool:
    """Apply ``edit`` to the template's document part; False when it returns None (the edit is there already)."""
    with zipfile.ZipFile(path) as source:
        edited = edit(source.read(DOCUMENT))
    if edited is None:
        return False
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(with_part(path.read_bytes(), DOCUMENT, edited))
    temporary.replace(path)
    return True


def replacing(before: str, after: str) -> Callable[[bytes], bytes | None]:
    """An edit that writes ``after`` where the document has ``before``; None when it has ``after`` already.

    Raises when it has neither: the place was not found, and the template must be looked at.
    """

    def edit(document: bytes) -> bytes | None:
        text = document.decode("utf-8")
        if before in text:
            return text.replace(before, after).encode("utf-8")
        if after in text:
            return None
        raise SystemExit(f"texten att ändra finns inte i mallen: {before}")

    return edit
