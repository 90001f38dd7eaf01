"""The part the tertfix template edits share: a text replaced inside one run of delarsrapport.docx, found by its text."""

from __future__ import annotations

from pathlib import Path

from interimpages_docx import edit_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATE = "delarsrapport.docx"


def replace_texts(folder: Path, replacements: list[tuple[str, str]]) -> None:
    """Each ``old`` becomes ``new`` in the one run text that holds it; an edit already made (``new`` found, ``old``
    gone) is skipped, so running twice changes nothing. Stops when ``old`` is in no run or in more than one."""

    def edit(root) -> None:
        texts = list(root.iter(f"{W}t"))
        for old, new in replacements:
            holding = [t for t in texts if old in (t.text or "")]
            if not holding and any(new in (t.text or "") for t in texts):
                continue  # already made
            if len(holding) != 1:
                raise SystemExit(f"{TEMPLATE}: {len(holding)} textrutor med {old!r}, väntade en")
            holding[0].text = holding[0].text.replace(old, new)

    edit_document(folder / TEMPLATE, edit)
