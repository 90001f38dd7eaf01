"""Key figures computed from the typed model: pure functions, no formatting."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Rapport
from ..model import Inputs
from .common import Comparison, change_pct
from .ekonomi import Ekonomi, ekonomi
from .maluppfyllelse import Maluppfyllelse, maluppfyllelse
from .personal import Personal, personal
from .produktion import Produktion, produktion


@dataclass(frozen=True)
class Figures:
    """All figures of the monthly report."""

    ekonomi: Ekonomi
    produktion: Produktion
    personal: Personal
    maluppfyllelse: Maluppfyllelse


def compute(inputs: Inputs, config: Rapport) -> Figures:
    """Compute every figure of the report from validated inputs."""
    return Figures(ekonomi(inputs, config), produktion(inputs, config), personal(inputs, config), maluppfyllelse(inputs))


__all__ = ["Comparison", "Figures", "change_pct", "compute"]
