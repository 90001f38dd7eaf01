"""The numbered list of appendices: the one source of every "bilaga N".

The main report's Bilagor list, each "För mer information se bilaga N" and
the appendix file names are all taken from :func:`bilagor`, so they cannot
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .config import DelarsrapportBilaga, ExternBilaga, Rapport
from .formatting import manad_ar, number_ranges
from .kinds import APPENDICES
from .kinds import INTERIM as INTERIM_KIND
from .model import Month
from .values import name_key, slugify


@dataclass(frozen=True)
class Bilaga:
    """One appendix: its number, kind, title and the month it reports on.

    ``slag`` is a generated kind (``ekonomirapport``), ``delarsrapport`` (a
    division's interim report built from its folder) or ``extern`` (made
    elsewhere). ``division`` names the division of an interim report, built
    here or (an external one whose title names a division) elsewhere.
    ``grupp`` is the group line that the first of consecutive interim reports
    carries in the Bilagor list.
    """

    nummer: int
    slag: str
    titel: str
    fil: str | None = None
    period: Month | None = None  # the month a generated appendix or an interim report reports on
    division: str | None = None
    grupp: str | None = None  # "Bilaga 1–6 Divisionernas delårsrapporter augusti 2020"

    @property
    def slug(self) -> str:
        """The title as a file-name part: ``ekonomirapport``, ``delarsrapport-service``."""
        if self.slag == INTERIM:
            return f"{INTERIM}-{slugify(self.division or '', 'division')}"
        return slugify(APPENDICES[self.slag].title if self.slag in APPENDICES else self.titel)

    @property
    def generated(self) -> bool:
        """True when the tool makes this appendix from the inputs (an interim report too)."""
        return self.slag in APPENDICES or self.slag == INTERIM

    @property
    def delarsrapport(self) -> bool:
        """True for a division's interim report, built here or made elsewhere."""
        return self.division is not None

    def file_name(self, period) -> str | None:
        """``bilaga-1-ekonomirapport-2021-03.docx``, ``bilaga-4-vardval.pdf``; None when nothing is delivered.

        A generated appendix carries the month it reports on (its own, else ``period``, the report's).
        """
        if self.generated:
            return f"bilaga-{self.nummer}-{self.slug}-{self.period or period}.docx"
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


INTERIM = INTERIM_KIND.name  # a division's interim report, built from its folder


def interim_title(division: str) -> str:
    """``Delårsrapport Division Service``: an interim report's title in the Bilagor list and its own title."""
    return f"Delårsrapport Division {division}"


def _division_of_external(config: Rapport, titel: str) -> str | None:
    """The division whose interim report an external appendix is: its title says "delårsrapport" and names the division."""
    key = name_key(titel)
    if INTERIM not in slugify(titel):  # the title says "delårsrapport"
        return None
    for division in config.organisation.divisioner:
        if any(name_key(name) in key for name in (division.namn, *division.alias)):
            return division.namn
    return None


def bilagor(config: Rapport, interim_period: Month | None = None) -> list[Bilaga]:
    """The appendices in the order of ``rapport.yaml``, numbered from 1.

    ``interim_period`` is the month of the divisions' interim reports (their
    folders' period), shown in the group line; without it the line names none.
    """
    result = []
    for nummer, item in enumerate(config.bilagor, start=1):
        if isinstance(item, ExternBilaga):
            result.append(Bilaga(nummer, "extern", item.titel, item.fil, division=_division_of_external(config, item.titel)))
        elif isinstance(item, DelarsrapportBilaga):
            found = config.organisation.division(item.delarsrapport)
            namn = found.namn if found else item.delarsrapport
            result.append(Bilaga(nummer, INTERIM, interim_title(namn), period=interim_period, division=namn))
        else:
            kind, month = (item, config.period) if isinstance(item, str) else (item.slag, item.period or config.period)
            result.append(Bilaga(nummer, kind, f"{APPENDICES[kind].title} {manad_ar(month)}", period=month))
    return _grouped(result, interim_period)


def _grouped(listed: list[Bilaga], period: Month | None) -> list[Bilaga]:
    """The first of each run of consecutive interim reports carries the run's group line."""
    result = list(listed)
    i = 0
    while i < len(result):
        j = i
        while j < len(result) and result[j].delarsrapport:
            j += 1
        if j > i:
            numbers = number_ranges([b.nummer for b in result[i:j]])  # as the section's "bilagorna 1–6"
            line = f"Bilaga {numbers} Divisionernas delårsrapporter" + (f" {manad_ar(period)}" if period else "")
            result[i] = replace(result[i], grupp=line)
            i = j
        else:
            i += 1
    return result
