"""Number formats: what a cell's format code does to the number the author sees.

Pure functions over format codes (ECMA-376 Part 1, 18.8.30-31). A code has up
to four sections separated by ``;`` (positive, negative, zero, text); inside a
section, text in quotes, a character after ``\\`` and brackets (``[Red]``,
``[$kr-41D]``) are literal, not placeholders. What matters to the report:

- ``%`` outside literals multiplies by 100: 0,83 is shown as 83 %;
- commas right after the last digit placeholder divide by 1 000 each:
  ``#,##0,`` shows 1 234 000 as 1 234;
- ``y m d h s`` (and ``[h]``, ``AM/PM``) make the number a date or time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# The built-in formats (ECMA-376 Part 1, 18.8.30) that have no <numFmt> entry.
BUILTIN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"kr"#,##0_);("kr"#,##0)', 6: '"kr"#,##0_);[Red]("kr"#,##0)',
    7: '"kr"#,##0.00_);("kr"#,##0.00)', 8: '"kr"#,##0.00_);[Red]("kr"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm",
    37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
# Ids Excel shows as dates in East Asian locales; with no <numFmt> of their own.
for _id in (*range(27, 37), *range(50, 59)):
    BUILTIN.setdefault(_id, "yyyy-mm-dd")
# Built-in ids whose meaning python-calamine knows as Excel does: numbers and
# the date formats 14-22 and 45-47. Everything else is read by our own reader.
CALAMINE_SAFE_IDS = frozenset({0, 1, 2, 3, 4, 11, 12, 13, 37, 38, 39, 40, 48, 49})
CALAMINE_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})

GENERAL, NUMBER, PERCENT, DATE, TEXT = "general", "number", "percent", "date", "text"

_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_ELAPSED = re.compile(r"\[(?:h+|m+|s+)\]", re.I)
_DATE_LETTERS = re.compile(r"[ymdhs]|am/pm|a/p", re.I)
_PLACEHOLDER = re.compile(r"[0#?]")
_TRAILING_COMMAS = re.compile(r"[0#?](,+)(?![^0#?]*[0#?])")


@dataclass(frozen=True)
class NumberFormat:
    """What a format code does: its kind, and how much it divides by (``#,##0,`` → 1000)."""

    code: str
    kind: str
    scale: int = 1

    @property
    def shows_differently(self) -> bool:
        """True when the author sees another number than the one stored: percent or scaled."""
        return self.kind == PERCENT or self.scale != 1


GENERAL_FORMAT = NumberFormat("General", GENERAL)


@lru_cache(maxsize=1024)
def classify(code: str) -> NumberFormat:
    """The kind of a format code, judged from the section for positive numbers.

    A code whose sections disagree (``0;0%``) is judged by the first section
    that has digit placeholders or date letters; mixed codes are rare enough
    not to guess further.
    """
    if code.strip().casefold() == "general" or not code.strip():
        return NumberFormat(code, GENERAL)
    sections = _sections(code)
    elapsed = any(_ELAPSED.search(section) for section in sections[:3])
    for section in sections[:3]:
        plain = _LITERAL.sub("", section)
        if elapsed or _DATE_LETTERS.search(plain.replace("General", "").replace("general", "")):
            if not re.search(r"[eE][+-]", plain):  # 0.00E+00 is scientific, not a date
                return NumberFormat(code, DATE)
        if "%" in plain:
            return NumberFormat(code, PERCENT, _scale(plain))
        if _PLACEHOLDER.search(plain):
            return NumberFormat(code, NUMBER, _scale(plain))
        if "@" in plain:
            return NumberFormat(code, TEXT)
        if plain.strip().casefold() == "general":
            return NumberFormat(code, GENERAL)
    return NumberFormat(code, NUMBER) if sections and sections[0].strip() else NumberFormat(code, GENERAL)


def _sections(code: str) -> list[str]:
    """The ``;``-separated sections of a code, literals kept whole."""
    sections, current, index = [], [], 0
    while index < len(code):
        match = _LITERAL.match(code, index)
        if match:
            current.append(match.group(0))
            index = match.end()
            continue
        if code[index] == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(code[index])
        index += 1
    sections.append("".join(current))
    return sections


def _scale(plain: str) -> int:
    """1000 for each comma right after the last digit placeholder: ``#,##0,,`` → 1 000 000."""
    match = _TRAILING_COMMAS.search(plain)
    return 1000 ** len(match.group(1)) if match else 1


def calamine_reads_alike(format_id: int, custom: bool, number_format: NumberFormat) -> bool:
    """True when python-calamine gives the number the author sees for this format.

    Calamine knows the built-in number and date formats; a percent, a scaled
    or a custom format (whose date detection is calamine's own) is left to our
    reader, which follows the standard.
    """
    if number_format.shows_differently:
        return False
    if custom:
        return number_format.kind in (GENERAL, NUMBER, TEXT) and not _DATE_LETTERS.search(
            _LITERAL.sub("", number_format.code).replace("General", "")
        ) and not re.search(r'["\\\[_*]', number_format.code)
    return format_id in CALAMINE_SAFE_IDS or format_id in CALAMINE_DATE_IDS
