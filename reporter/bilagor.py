"""The numbered list of appendices: the one source of every "bilaga N".

The main report's Bilagor list, each "För mer information se bilaga N" and
the appendix file names are all taken from :func:`bilagor`, so they cannot
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .config import ExternBilaga, Rapport
from .formatting import manad_ar
from .kinds import APPENDICES
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
        return slugify(APPENDICES[self.slag].title if self.slag in APPENDICES else self.titel)

    @property
    def generated(self) -> bool:
        """True when the tool makes this appendix from the inputs."""
        return self.slag in APPENDICES

    def file_name(self, period) -> str | None:
        """``bilaga-1-ekonomirapport-2021-03.docx``, ``bilaga-4-vardval.pdf``; None when nothing is delivered."""
        if self.generated:
            return f"bilaga-{self.nummer}-{self.slug}-{period}.docx"
        if self.fil:
            suffix = slugify(Path(self.fil).suffix, default="")  # output names are slugs, whatever fil: says
            return f"bilaga-{self.nummer}-{self.slug}" + (f".{suffix}" if suffix else "")
        return None

    def cover_name(self, period) -> str | None:
        """``bilaga-5-vardval-forsattsblad.docx``: the cover page made for an external appendix delivered as a file."""
        if self.generated or not self.fil:
            return None
        return f"bilaga-{self.nummer}-{self.slug}-forsattsblad.docx"

    def file_names(self, period) -> list[str]:
        """The files of this appendix in the package, in reading order: its cover page (if any), then the appendix."""
        return [name for name in (self.cover_name(period), self.file_name(period)) if name]


def bilagor(config: Rapport) -> list[Bilaga]:
    """The appendices in the order of ``rapport.yaml``, numbered from 1."""
    result = []
    for nummer, item in enumerate(config.bilagor, start=1):
        if isinstance(item, ExternBilaga):
            result.append(Bilaga(nummer, "extern", item.titel, item.fil))
        else:
            result.append(Bilaga(nummer, item, f"{APPENDICES[item].title} {manad_ar(config.period)}"))
    return result
