"""The one normal form of text read from the inputs (issue 24, item 1).

Every key and text read from a workbook, a text file, rapport.yaml or a file
or folder name passes through here once, where it is read: Unicode NFC (macOS
writes å, ä, ö decomposed, NFD, and "Läkare" in NFD is another string than
"Läkare" in NFC though they look the same), zero-width characters removed,
and every run of white space (NBSP, thin and other Unicode spaces, tabs)
folded into one ordinary space. Documents then contain NFC text only, and two
keys that differ only in normal form are the same key.

Pure functions on strings; no imports from the rest of reporter.
"""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 forbids: they come with pasted text and corrupt a DOCX.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Invisible characters that split a word without showing: zero-width space, non-joiner, joiner,
# word joiner, byte-order mark (zero-width no-break space), soft hyphen.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DROP = dict.fromkeys(map(ord, ZERO_WIDTH))
# White space of every kind (Python's \s covers NBSP U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000, tabs).
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009]+")
_LINE_SPACE = re.compile(r"[^\S\n]")  # a white-space character within a line
_INNER_SPACES = re.compile(r"(?<=\S)[^\S\n]{2,}(?=\S)")  # a doubled space between words


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text.translate(_DROP))


def normal_text(text: str) -> str:
    """A key or a cell's text in its normal form: NFC, no zero-width or XML-illegal
    characters, every run of white space one space, nothing around it.

    ``"L\\u0061\\u0308kare\\u00a0 351 "`` → ``"Läkare 351"``.
    """
    return _SPACES.sub(" ", XML_ILLEGAL.sub("", _nfc(text))).strip()


def normal_prose(text: str) -> str:
    """A text file (Markdown) in its normal form, its lines kept.

    NFC and no zero-width or XML-illegal characters, as :func:`normal_text`;
    within each line every kind of white space (NBSP too) becomes an ordinary
    space, a doubled space between words one space, and trailing spaces go
    (a line ending in two spaces, Markdown's hard line break, keeps two).
    Leading spaces stay: they nest Markdown's lists.
    """
    text = XML_ILLEGAL.sub("", _nfc(text.replace("\r\n", "\n").replace("\r", "\n")))
    lines = []
    for line in text.split("\n"):
        if not line.isascii() or "  " in line or "\t" in line:
            body = line.lstrip()
            indent = line[: len(line) - len(body)]
            hard_break = len(body) - len(body.rstrip(" ")) >= 2 and bool(body.strip())
            body = _INNER_SPACES.sub(" ", _LINE_SPACE.sub(" ", body)).rstrip()
            line = indent.replace("\u00a0", " ") + body + ("  " if hard_break else "")
        else:
            line = line.rstrip(" ")
        lines.append(line)
    return "\n".join(lines)


def normal_name(name: str) -> str:
    """A file or folder name as shown and compared: NFC (a name read from disk is kept as it is for opening it)."""
    return unicodedata.normalize("NFC", name)
