"""What the monthpages template edits share: a plain paragraph, and "keep with next" set or taken off.

A helper of the scripts beside it (imported by them, not run on its own).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def paragraph(text: str, style: str | None = None):
    """A ``w:p`` holding ``text`` in one run, in the paragraph style ``style`` when given."""
    element = OxmlElement("w:p")
    if style:
        properties = OxmlElement("w:pPr")
        name = OxmlElement("w:pStyle")
        name.set(qn("w:val"), style)
        properties.append(name)
        element.append(properties)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    element.append(run)
    return element


def set_keep_next(element, keep: bool) -> bool:
    """Give the paragraph "keep with next" (after its style, where the schema puts it) or take it off; True when changed."""
    properties = element.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        element.insert(0, properties)
    found = properties.find(qn("w:keepNext"))
    if keep and found is None:
        added = OxmlElement("w:keepNext")
        style = properties.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(added)
        else:
            properties.insert(0, added)
        return True
    if not keep and found is not None:
        properties.remove(found)
        return True
    return False
