"""Numbers that never break across lines (issue 26, item 3).

A rendered document's text holds figures from the filters, units the templates
write after a tag (``{{ x|mnkr_tal }} mnkr``) and figures the divisions wrote
in their texts (read with ordinary spaces, see :mod:`reporter.text_normal`).
:func:`bind_numbers` goes over every paragraph once, after rendering, and puts
a no-break space (U+00A0, the one Babel's ``sv_SE`` groups digits with) between
a number's digit groups (``2 056``) and between a number and its unit
(``23 %``, ``−25 mnkr``, ``14 procent``), whichever run the space sits in. Other
text is left exactly as it was. The rule is written in docs/indata.md.

Pure functions on lxml elements and strings; no imports from the rest of reporter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NBSP = "\u00a0"
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The units a figure is written with in the region's documents; a number followed by one is bound to it.
UNITS = (
    "mdkr", "mnkr", "tkr", "kr", "%", "st", "åa", "procent", "procentenhet", "procentenheter", "personer", "medarbetare",
    "årsarbetare", "anställda", "timmar", "dagar", "veckor", "månader", "ärenden", "patienter", "besök",
)
# A space inside a grouped number: 1–3 digits, then groups of three (not a year followed by a number: "2021 100").
_GROUP_SPACE = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?!\d)")
# The space between a number and its unit (the unit a whole word: "5 st" but not "5 stycken").
_UNIT_SPACE = re.compile(r"(?<=\d) (?=(?:" + "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)) + r")(?![\w]))")
# Characters that end a stretch of text within a paragraph: tabs and line breaks are not spaces.
_BREAKS = {f"{W_NS}tab", f"{W_NS}ptab", f"{W_NS}br", f"{W_NS}cr"}


def spaces_to_bind(text: str) -> list[int]:
    """The positions of the plain spaces in ``text`` that a no-break space should replace."""
    positions = {m.start() + i for m in _GROUP_SPACE.finditer(text) for i, c in enumerate(m.group()) if c == " "}
    positions.update(m.start() for m in _UNIT_SPACE.finditer(text))
    return sorted(positions)


def bind(text: str) -> str:
    """``text`` with its numbers bound: ``"2 056 st"`` → ``"2\\u00a0056\\u00a0st"``."""
    chars = list(text)
    for position in spaces_to_bind(text):
        chars[position] = NBSP
    return "".join(chars)


def bind_numbers(parts: Iterable) -> None:
    """Bind the numbers of every paragraph in ``parts`` (lxml elements: a body, headers, footers), in place."""
    for part in parts:
        for paragraph in part.iter(f"{W_NS}p"):
            _bind_paragraph(paragraph)


def _bind_paragraph(paragraph) -> None:
    pieces: list[tuple[object, int]] = []  # (w:t element or None for a break, length)
    for element in paragraph.iter(f"{W_NS}t", *_BREAKS):
        if _owner(element) is not paragraph:  # a text box's paragraph is its own
            continue
        if element.tag == f"{W_NS}t":
            pieces.append((element, len(element.text or "")))
        else:
            pieces.append((None, 1))
    text = "".join((e.text or "") if e is not None else "\n" for e, _ in pieces)  # type: ignore[attr-defined]
    if " " not in text:
        return
    positions = spaces_to_bind(text)
    if not positions:
        return
    start = 0
    for element, length in pieces:
        inside = [p - start for p in positions if start <= p < start + length]
        if inside and element is not None:
            chars = list(element.text)  # type: ignore[attr-defined]
            for p in inside:
                chars[p] = NBSP
            element.text = "".join(chars)  # type: ignore[attr-defined]
        start += length


def _owner(element):
    parent = element.getparent()
    while parent is not None and parent.tag != f"{W_NS}p":
        parent = parent.getparent()
    return parent
