"""Findings grouped by their cause, for people to read.

One cause often gives many findings: a copy of a workbook left in the period
folder (``ekonomi - Kopia.xlsx``) repeats every record of the original, a
division misspelt on every row gives the same message for each row. Shown one
by one, the cause drowns in thousands of lines. Here such findings become one
:class:`Cause`: a first line naming the cause once, then the count and a few
examples. The findings themselves are unchanged (``validate --json`` and
``--xlsx`` keep every one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .errors import Problem

GROUP_AT = 4  # findings with one message, or the repeats of a copied file: fewer are shown one by one
GROUP_MANY = 10  # findings that differ in their values (a quoted value, the record repeated): fewer are shown one by one
EXAMPLES = 3  # the examples shown under a cause

DUPLICATE = "samma post finns två gånger"
# A file name as Windows, macOS and Office write a copy: "ekonomi - Kopia.xlsx", "ekonomi (1).xlsx", "ekonomi copy.xlsx".
_COPY_NAME = re.compile(r"kopia|copy|\(\d+\)|~\$", re.IGNORECASE)
_QUOTED = re.compile(r"'[^']*'")


@dataclass(frozen=True)
class Cause:
    """Findings that have one cause: ``message`` names it once; ``problems`` are the findings, in order."""

    message: str
    problems: tuple[Problem, ...]
    same_message: bool  # every finding says the cause's message: the examples need only their places

    @property
    def is_error(self) -> bool:
        """True when the findings stop the build."""
        return self.problems[0].is_error

    @property
    def sheet(self) -> str:
        """The sheet every finding stands in, when they say one message in one sheet: it is named with the cause."""
        sheets = {problem.where.sheet for problem in self.problems}
        return next(iter(sheets)) if self.same_message and len(sheets) == 1 else ""

    def examples(self, count: int = EXAMPLES) -> list[str]:
        """The first few findings as lines, without the file (the cause is shown under it) and the cause's sheet."""
        lines = []
        for problem in self.problems[:count]:
            where = str(replace(problem.where, file="", sheet="" if self.sheet else problem.where.sheet))
            also = "".join(f" (även {other})" for other in problem.also)
            lines.append(where + also if self.same_message and where else f"{where + ': ' if where else ''}{problem.message}{also}")
        return lines


def plural(count: int, singular: str, plural_form: str) -> str:
    """``1 varning``, ``2 varningar``, ``2 103 fel``: the count with its noun in agreement."""
    return f"{thousands(count)} {singular if count == 1 else plural_form}"


def thousands(count: int) -> str:
    """A count with a space between thousands, as Swedish writes it: ``2 103``."""
    return f"{count:,}".replace(",", " ")


def _copy_pair(problem: Problem) -> tuple[str, str] | None:
    """(copy, original) when the finding is a record that another file repeats."""
    if not problem.message.startswith(DUPLICATE) or not problem.also:
        return None
    here, there = problem.where.file, problem.also[0].file
    if not here or not there or here == there:
        return None
    if _COPY_NAME.search(here) and not _COPY_NAME.search(there):
        return here, there
    if _COPY_NAME.search(there) and not _COPY_NAME.search(here):
        return there, here
    return here, there  # the later of the two, in reading order, holds the repeats


def _key(problem: Problem) -> tuple:
    pair = _copy_pair(problem)
    if pair is not None:
        return ("kopia", problem.severity, pair)
    if problem.message.startswith(DUPLICATE):
        return ("dubblett", problem.severity, problem.where.file, problem.where.sheet)
    return ("samma", problem.severity, problem.where.file, problem.where.sheet, _QUOTED.sub("'…'", problem.message))


def _message(key: tuple, problems: list[Problem]) -> str:
    if key[0] == "kopia":
        copy, original = key[2]
        return (f"{copy} innehåller samma poster som {original} – en kopia? Ta bort den ena filen ur periodmappen, "
                f"eller rätta posterna som bara ska stå i en av dem")
    if key[0] == "dubblett":
        sheet = f" i blad {key[3]}" if key[3] else ""
        return f"samma poster står två gånger{sheet} – har rader klistrats in två gånger? Ta bort de upprepade raderna"
    messages = {problem.message for problem in problems}
    return problems[0].message if len(messages) == 1 else key[4]


def by_cause(problems: list[Problem]) -> list[Problem | Cause]:
    """The findings in their order; those of one cause, when there are many (GROUP_AT, GROUP_MANY), as one
    :class:`Cause` where the first of them stood."""
    keys = [_key(problem) for problem in problems]
    groups: dict[tuple, list[Problem]] = {}
    for key, problem in zip(keys, problems, strict=True):
        groups.setdefault(key, []).append(problem)
    many = {
        key for key, members in groups.items()
        if len(members) >= (GROUP_AT if key[0] == "kopia" or len({member.message for member in members}) == 1 else GROUP_MANY)
    }
    shown: list[Problem | Cause] = []
    for key, problem in zip(keys, problems, strict=True):
        if key not in many:
            shown.append(problem)
        elif key in groups:
            members = groups.pop(key)
            message = _message(key, members)
            shown.append(Cause(message, tuple(members), all(member.message == message for member in members)))
    return shown
