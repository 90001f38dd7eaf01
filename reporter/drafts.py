"""Texts carried from the previous period as drafts: the mark scaffold puts on them, and the check that refuses them.

``reporter scaffold`` carries each text of the previous period with a first
line that says it is a draft. The office rewrites the text for the new
period, or confirms it as it is, and removes the line; until then the text
is an error naming the file and the line, so last month's words are never
published by mistake.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from .errors import Problem, error
from .inputs import TEXT_DIR
from .model import Month

# A paragraph of its own, plain text: no HTML comment, which the texts' Markdown check refuses with a message of its own.
DRAFT_LINE = re.compile(r"^\s*UTKAST från (?P<since>\S+?): skriv om eller bekräfta texten")


def draft_mark(since: str, period: Month) -> str:
    """The first line of a text carried from period ``since`` into ``period`` (a paragraph: a blank line follows)."""
    return f"UTKAST från {since}: skriv om eller bekräfta texten för {period}, ta sedan bort den här raden.\n"


def without_draft_marks(text: str) -> str:
    """A text with its draft lines taken out (a text carried twice gets one mark, not two)."""
    return "".join(line for line in text.splitlines(keepends=True) if not DRAFT_LINE.match(unicodedata.normalize("NFC", line)))


def draft_problems(period_dir: Path, files: Mapping[str, str]) -> list[Problem]:
    """An error for each text (``files``: key → file in ``texter/``) still marked as a draft, naming the file and the line."""
    problems = []
    for filename in files.values():
        path = period_dir / TEXT_DIR / filename
        try:
            text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
        except (OSError, UnicodeDecodeError):
            continue  # reading the texts says why
        for number, line in enumerate(text.splitlines(), 1):
            match = DRAFT_LINE.match(unicodedata.normalize("NFC", line))
            if match:
                problems.append(error(
                    f"texten är ett utkast från {match.group('since')}, förd över av reporter scaffold: skriv om den för perioden "
                    "eller bekräfta att den gäller som den är, och ta sedan bort raden",
                    file=f"{TEXT_DIR}/{filename}", cell=f"rad {number}",
                ))
    return problems
