"""A division's own section of a text split by division headings (``## Närsjukvård`` in texter/verksamheten.md).

In a monthly period the texts ``verksamheten.md`` and (a tertial report's)
``delarsrapporter.md`` hold one ``##`` section per division. A division
writes its own section on its page: the whole text is rebuilt with that
section replaced, the other sections kept byte for byte. A heading names a
division as the report reads it (context.py ``interim_texts``): its name, an
alias, or "Division <namn>", in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Rapport
from ..errors import Problem, error

HEADING = re.compile(r"^ {0,3}(#{1,2})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")  # an ATX heading of level 1 or 2: a section starts
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def division_names(config: Rapport | None, division: str) -> set[str]:
    """The headings (casefolded) that name ``division``: its name, its aliases, and "Division <namn>" of each."""
    found = next((d for d in config.organisation.divisioner if d.namn == division), None) if config is not None else None
    names = [division, *(found.alias if found is not None else [])]
    return {form.casefold().strip() for name in names for form in (name, f"Division {name}")}


def _headings(lines: list[str]) -> list[tuple[int, str]]:
    """The section headings (level 1 or 2) outside fenced code: their line index and their text."""
    found = []
    fence = ""
    for index, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = HEADING.match(line)
        if heading:
            found.append((index, (heading.group(2) or "").strip()))
    return found


@dataclass(frozen=True)
class Section:
    """Where a division's section is in a text: its heading's line and the lines of its body (0-based, end exclusive)."""

    heading: int | None
    start: int
    end: int


def find(text: str, names: set[str]) -> Section:
    """The division's section in ``text``; ``heading`` None (and an empty body at the end) when it has none."""
    lines = text.split("\n")
    headings = _headings(lines)
    for number, (index, heading) in enumerate(headings):
        if heading.casefold() in names:
            end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
            return Section(index, index + 1, end)
    return Section(None, len(lines), len(lines))


def body(text: str, names: set[str]) -> str:
    """The division's section without its heading, as the division writes it."""
    section = find(text, names)
    return "\n".join(text.split("\n")[section.start:section.end]).strip("\n") + "\n" if section.heading is not None else ""


def rebuilt(text: str, names: set[str], division: str, written: str) -> tuple[str, range]:
    """``text`` with the division's section's body replaced by ``written`` (a new section at the end when it had none; the
    section left out when ``written`` is empty); and the lines (1-based) the section's body takes in the new text."""
    lines = text.split("\n")
    section = find(text, names)
    new = written.strip("\n").split("\n") if written.strip() else []
    if section.heading is None:
        if not new:
            return text, range(0)
        before = lines[:-1] if lines and lines[-1] == "" else lines
        head = before + ([""] if before and before[-1].strip() else []) + [f"## {division}", ""]
        return "\n".join(head + new + [""]), range(len(head) + 1, len(head) + len(new) + 1)
    after = lines[section.end:]
    if not new:
        head = lines[:section.heading]
        return "\n".join(head + after), range(0)
    head = lines[:section.start] + [""]
    tail = [""] + after if after else [""]
    return "\n".join(head + new + tail), range(len(head) + 1, len(head) + len(new) + 1)


def own_headings(written: str, file: str, first: int) -> list[Problem]:
    """An error for each heading of level 1 or 2 in a division's section: it would start a section of its own, outside the
    division's (``first`` is the file line of the section's first line)."""
    return [error(f"rubriken '{heading}' skulle bli ett eget avsnitt utanför ditt; skriv underrubriker med ###", file=file,
                  cell=f"rad {first + index}")
            for index, heading in _headings(written.strip("\n").split("\n"))]
