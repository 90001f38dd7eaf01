"""What the april template edits share: a paragraph found by its whole text given new text.

A helper of the scripts beside it (imported by them, not run on its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx


def replace_paragraph(path: Path, old: str, new: str) -> bool:
    """Every body paragraph of ``path`` whose whole text is ``old`` gets ``new`` in its first run (its style and
    the first run's format kept, the other runs removed); True when something changed. Found by text, never by
    index, so it applies to main's template as well; a second run finds nothing and changes nothing."""
    document = docx.Document(str(path))
    changed = False
    for paragraph in document.paragraphs:
        if paragraph.text == old and paragraph.runs:
            first, *rest = paragraph.runs
            first.text = new
            for run in rest:
                run._r.getparent().remove(run._r)
            changed = True
    if changed:
        document.save(str(path))
    return changed


def run(name: str, old: str, new: str) -> None:
    """The command line of a script beside this one: ``python SCRIPT templates/``."""
    print("ändrad" if replace_paragraph(Path(sys.argv[1]) / name, old, new) else "oförändrad")
