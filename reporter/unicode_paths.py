"""A path named in an input file, found on disk whatever Unicode form either is written in.

macOS writes å, ä and ö in file names decomposed (NFD); rapport.yaml is read as
NFC. ``bilagor/vårdval.pdf`` must find the file whichever form its name has.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def on_disk(base: Path, relative: str) -> str:
    """``relative`` (parts separated by /) as it is spelt on disk under ``base``: each part that does not exist
    as written is replaced by the one entry of its folder that is the same name in NFC. Unchanged when the path
    exists as written, or when a part is missing or matches more than one entry."""
    parts = relative.split("/")
    found: list[str] = []
    current = base
    for part in parts:
        if part in ("", ".") or os.path.lexists(current / part):
            found.append(part)
            current = current / part
            continue
        try:
            names = os.listdir(current)
        except OSError:
            return relative
        same = [name for name in names if _nfc(name) == _nfc(part)]
        if len(same) != 1:
            return relative
        found.append(same[0])
        current = current / same[0]
    return "/".join(found)
