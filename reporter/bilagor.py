"""The numbered list of appendices: the one source of every "bilaga N".

The main report's Bilagor list, each "För mer information se bilaga N" and
the appendix file names are all taken from :func:`bilagor`, so they cannot
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import GENERATED_BILAGOR, ExternBilaga, Rapport
from .formatting import manad_ar
from .values import slugify


@dataclass(frozen=True)
class Bilaga:
    """One appendix: its number, kind (``extern`` when produced elsewhere), title."""

    nummer: int
    slag: str
    titel: str
    fil: str | None = None

    @property
    def slug(self) -> str:
        """The title as a file-name part: ``ekonomirapport``."""
        return slugify(GENERATED_BILAGOR.get(self.slag) or self.titel)


def bilagor(config: Rapport) -> list[Bilaga]:
    """The appendices in the order of ``rapport.yaml``, numbered from 1."""
    result = []
    for nummer, item in enumerate(config.bilagor, start=1):
        if isinstance(item, ExternBilaga):
            result.append(Bilaga(nummer, "extern", item.titel, item.fil))
        else:
            result.append(Bilaga(nummer, item, f"{GENERATED_BILAGOR[item]} {manad_ar(config.period)}"))
    return result
