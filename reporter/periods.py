"""Period folders side by side: which folder holds the period before this one.

The monthly cycle starts each period from the one before it (``reporter
scaffold``), and the checks for stale content compare a period with the one
before it. Both find that folder here, by the folders' names (``2021-03``).
"""

from __future__ import annotations

from pathlib import Path

from .config import CONFIG_FILE, Rapport
from .kinds import APPENDICES
from .model import Month

INTERIM_DIR = "delarsrapporter"  # a tertial report's folder of the divisions' interim reports


def folder_month(folder: Path) -> Month | None:
    """The month a folder is named for (``2021-03``), or None."""
    try:
        year, month = folder.name.split("-")
        if len(year) != 4 or len(month) != 2:
            return None
        return Month(int(year), int(month))
    except (TypeError, ValueError):
        return None


def previous_period_dir(period_dir: Path, period: Month) -> Path | None:
    """The newest period folder beside ``period_dir`` whose month comes before ``period`` and that has a rapport.yaml.

    A division's folder inside a tertial report's ``delarsrapporter/`` has
    its previous one in the previous period's ``delarsrapporter/``, under
    the same name.
    """
    here = period_dir.resolve()
    parent = here.parent
    if parent.name == INTERIM_DIR:
        outer = folder_month(parent.parent) or period
        earlier = [
            (other, candidate.parent)
            for candidate in parent.parent.parent.glob(f"*/{INTERIM_DIR}/{here.name}/{CONFIG_FILE}")
            if (other := folder_month(candidate.parent.parent.parent)) is not None and other < outer
        ]
        return max(earlier)[1] if earlier else None
    earlier = []
    for candidate in parent.glob(f"*/{CONFIG_FILE}"):
        other = folder_month(candidate.parent)
        if other is not None and other < period and candidate.parent.resolve() != here:
            earlier.append((other, candidate.parent))
    return max(earlier)[1] if earlier else None


def month_of(config: Rapport, workbook: str) -> Month:
    """The month a workbook kind's figures are reported for: that of the appendix showing them
    (``- produktionsrapport: {period: 2020-08}``), else the report's."""
    shown_by = [kind.name for kind in APPENDICES.values() if kind.reports_on == workbook]
    return config.period_of(shown_by[0]) if shown_by else config.period
