"""Cell values as people type them, turned into typed values.

Pure functions: text in the Swedish way (``1 234,5``, ``−12,3``, ``mars 2021``),
Excel dates and percent-formatted cells. A value that cannot be read raises
:class:`ValueProblem` saying what was expected; the caller adds the location.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache

from .model import Month
from .text_normal import XML_ILLEGAL, normal_text

MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)
_MONTH_ABBREVIATIONS = {name[:3]: i for i, name in enumerate(MONTH_NAMES, 1)}

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009\u200b]+")
_MINUSES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-"})
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
# A number whose one separator may be a decimal sign or a thousands separator: 1–3 digits (not a lone 0),
# a dot or a comma, exactly three digits (4.200, -4,200, 123,456). Written with spaces between groups of
# three (4 200,500) the comma can only be the decimal sign.
_TWO_READINGS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}( \d{3})+([.,]\d*)?$")
_UNIT_SUFFIX = re.compile(r"\s*\(([^()]*)\)\s*$")

AMOUNT_UNITS = {"kr": 0.001, "tkr": 1.0, "mnkr": 1000.0}


class ValueProblem(ValueError):
    """A cell value that does not fit; the message says what was expected."""


class TwoReadings(ValueProblem):
    """A number written so that it can be read two ways (4.200: 4 200 or 4,2); the message is whole."""


def clean_text(text: str) -> str:
    """Remove characters XML cannot hold; keep everything else as typed."""
    return XML_ILLEGAL.sub("", text)


def squash(text: str) -> str:
    """The text's normal form (:func:`.text_normal.normal_text`): NFC, trimmed, every run of white space (NBSP too) one space."""
    return normal_text(text)


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """The form of a name used to compare names: case and spacing ignored."""
    return unicodedata.normalize("NFC", squash(text)).casefold()


MAX_SLUG = 80  # a file name of ours stays far below the 255 bytes every file system allows


def slugify(text: str, default: str = "bilaga") -> str:
    """Lower case ASCII letters, digits and dashes: ``Uppföljning Vårdval`` → ``uppfoljning-vardval``.

    At most MAX_SLUG characters, cut at a dash where there is one.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or default
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG // 2:] else cut
    return slug


def split_header(text: str) -> tuple[str, str | None]:
    """Split ``Utfall (tkr)`` into the matching key ``utfall`` and the unit ``tkr``."""
    text = squash(text)
    unit = None
    match = _UNIT_SUFFIX.search(text)
    if match and match.start() > 0:
        unit = squash(match.group(1)).casefold()
        text = text[: match.start()]
    return name_key(text), unit


def parse_number(value: object) -> float:
    """A number from a numeric cell or Swedish-written text (``1 234,5``, ``−12,3``)."""
    if isinstance(value, bool):
        raise ValueProblem("ett tal, inte SANT/FALSKT")
    if isinstance(value, (int, float)):
        return _plausible(float(value))
    if isinstance(value, str):
        return _plausible(_number_in_text(value))
    raise ValueProblem("ett tal, t.ex. 1234 eller 1 234,5")


def _number_in_text(value: str) -> float:
    """A number written as text, read only where it has one reading (docs/indata.md, "Tal som text").

    Spaces (NBSP too) group digits; a comma or a dot is the decimal sign. A lone
    separator followed by exactly three digits (``4.200``, ``-4,200``) could also
    separate thousands, and a number with both a dot and a comma (``1.234,5``)
    uses one of them for thousands: both raise :class:`TwoReadings`.
    """
    spaced = _SPACES.sub(" ", value.translate(_MINUSES)).strip()
    text = spaced.replace(" ", "")
    if _NUMBER.match(text):
        if _TWO_READINGS.match(text) and not _GROUPED.match(spaced.replace("- ", "-").replace("+ ", "+")):
            whole, decimals = text.replace(".", ",").split(",")
            sign = "\u2212" if whole.startswith("-") else ""
            digits = whole.lstrip("+-")
            thousands = f"{sign}{digits}\u00a0{decimals}"
            decimal = f"{sign}{digits}" + ("," + decimals.rstrip("0") if decimals.rstrip("0") else "")
            raise TwoReadings(
                f"'{value.strip()}' kan läsas på två sätt: {thousands} (med {_separator(text)} mellan tusental) "
                f"eller {decimal} (med {_separator(text)} som decimaltecken); skriv {thousands} eller {decimal}"
            )
        return float(text.replace(",", "."))
    if "." in text and "," in text:
        dot_first = text.index(".") < text.index(",")
        swedish = text.replace(".", "") if dot_first else text.replace(",", "").replace(".", ",")
        if not _NUMBER.match(swedish):
            raise ValueProblem("ett tal, t.ex. 1234 eller 1 234,5")
        swedish = _grouped(swedish)
        raise TwoReadings(
            f"'{value.strip()}' har både punkt och komma: det ena skiljer tusental och det andra är decimaltecken, "
            f"så talet kan vara {swedish} men det går inte att veta säkert; skriv {swedish} (mellanslag mellan tusental, komma som decimaltecken)"
        )
    raise ValueProblem("ett tal, t.ex. 1234 eller 1 234,5")


def _separator(text: str) -> str:
    return "punkt" if "." in text else "komma"


def _grouped(text: str) -> str:
    """``-1234,5`` → ``−1 234,5``."""
    sign = "\u2212" if text.startswith("-") else ""
    whole, _, decimals = text.lstrip("+-").partition(",")
    groups = f"{int(whole):,}".replace(",", "\u00a0") if whole else "0"
    return sign + groups + ("," + decimals if decimals else "")


# No amount (tkr) or count of a region comes near this: 10^12 tkr is a thousand times the world's GDP in kronor.
LARGEST_NUMBER = 1e12


def _plausible(number: float) -> float:
    """A number a report can state: finite and within any plausible size."""
    if not math.isfinite(number):
        raise ValueProblem("ett tal; cellen har inget tal utan " + ("NaN (inte ett tal)" if number != number else "ett oändligt värde"))
    if abs(number) > LARGEST_NUMBER:
        raise ValueProblem(f"ett tal av rimlig storlek; {number:.3g} är större än något belopp eller antal i en region".replace("e+", "·10^"))
    return _no_negative_zero(number)


def parse_share(value: object, percent: bool = False) -> float:
    """A percentage 0-100; a cell formatted as percent (0,83 shown as 83 %) is 83."""
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            return parse_number(text[:-1])
        return parse_number(text)
    number = parse_number(value)
    if percent:
        return _no_negative_zero(round(number * 100, 10))
    return number


@lru_cache(maxsize=4096)
def parse_month(value: object) -> Month:
    """A month from an Excel date or text ``2021-03``, ``202103`` or ``mars 2021``.

    Cached: a sheet repeats the same few months thousands of times.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        if (value.year, value.month) < (1900, 3):
            raise ValueProblem(
                "ett datum från mars 1900 och senare (Excel visar inga tidigare datum rätt: det räknar 1900 som skottår); "
                "skriv in månaden, t.ex. 2021-03"
            )
        return Month(value.year, value.month)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer():
            return _month_from_digits(str(int(value)))
    if isinstance(value, str):
        text = squash(value).casefold()
        if re.fullmatch(r"\d{6}", text):
            return _month_from_digits(text)
        match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if match.group(3):
                try:
                    dt.date(year, month, int(match.group(3)))
                except ValueError:
                    raise ValueProblem(f"ett datum som finns ({text} finns inte i kalendern)") from None
            return _month(year, month)
        match = re.fullmatch(r"([a-zåäö]+)\.?\s+(\d{4})", text)
        if match:
            number = _month_number(match.group(1))
            if number:
                return Month(int(match.group(2)), number)
    raise ValueProblem("en månad: ett datum, 2021-03, 202103 eller mars 2021")


def _month_number(name: str) -> int | None:
    if name in MONTH_NAMES:
        return MONTH_NAMES.index(name) + 1
    return _MONTH_ABBREVIATIONS.get(name) if len(name) == 3 else None


def _month_from_digits(text: str) -> Month:
    if len(text) != 6:
        raise ValueProblem("en månad: ett datum, 2021-03, 202103 eller mars 2021")
    return _month(int(text[:4]), int(text[4:]))


def _month(year: int, month: int) -> Month:
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ValueProblem("en månad: ett datum, 2021-03, 202103 eller mars 2021")
    return Month(year, month)


def _no_negative_zero(number: float) -> float:
    return 0.0 if number == 0 else number


def text_of(value: object) -> str:
    """A cell's value as text, for columns that hold free text."""
    if value.__class__ is str:
        return _text(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return squash(str(value))


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    """Cached: a sheet repeats the same few names thousands of times, and every record then shares one string."""
    return squash(value)
