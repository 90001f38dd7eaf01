"""Problems found in the inputs, as values with a location.

The library collects :class:`Problem` values and raises :class:`ReporterError`
with all of them at once; only ``cli.py`` turns that into text and an exit code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: errors stop the build, warnings do not."""

    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, inside it, a sheet and cell, a key, or a
    template's part (brödtext, sidhuvud …) and place (stycke 14, tabell 2, rad 1, kolumn 3)."""

    file: str = ""
    sheet: str = ""
    cell: str = ""
    key: str = ""
    part: str = ""
    place: str = ""

    def __str__(self) -> str:
        parts = [self.file] if self.file else []
        parts += [text for text in (self.part, self.place) if text]
        if self.sheet:
            parts.append(f"blad {self.sheet}")
        if self.cell:
            parts.append(f"cell {self.cell}" if re.fullmatch(r"[A-Z]+[0-9]+", self.cell) else self.cell)
        if self.key:
            parts.append(f"nyckel {self.key}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the inputs, and where."""

    severity: Severity
    message: str
    where: Location = field(default_factory=Location)
    also: tuple[Location, ...] = ()
    # The division of the row the problem is in: its name in rapport.yaml, or the
    # name as written when it is not a known division. Empty for file-wide problems.
    division: str = ""

    def __str__(self) -> str:
        where = str(self.where)
        text = f"{where}: {self.message}" if where else self.message
        for other in self.also:
            text += f" (även {other})"
        return text

    @property
    def is_error(self) -> bool:
        """True when this problem stops the build."""
        return self.severity is Severity.ERROR


def error(message: str, **where: str) -> Problem:
    """Make an error at the given location (file=, sheet=, cell=, key=, part=, place=)."""
    return Problem(Severity.ERROR, message, Location(**where))


def warning(message: str, **where: str) -> Problem:
    """Make a warning at the given location (file=, sheet=, cell=, key=)."""
    return Problem(Severity.WARNING, message, Location(**where))


class ReporterError(Exception):
    """The build cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [error(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        """Only the problems that stop the build."""
        return [p for p in self.problems if p.is_error]


def raise_if_errors(problems: list[Problem]) -> None:
    """Raise :class:`ReporterError` with all problems when any is an error."""
    if any(p.is_error for p in problems):
        raise ReporterError(problems)
