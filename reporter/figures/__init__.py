"""Key figures computed from the typed model: pure functions, no formatting."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Rapport
from ..model import Inputs, Month
from .common import Comparison, change_pct
from .ekonomi import Ekonomi, ekonomi
from .maluppfyllelse import Maluppfyllelse, maluppfyllelse
from .personal import Personal, personal
from .produktion import Produktion, produktion
from .tertial import Delarsrapporter


@dataclass(frozen=True)
class Figures:
    """All figures of the monthly report."""

    ekonomi: Ekonomi
    produktion: Produktion
    personal: Personal
    maluppfyllelse: Maluppfyllelse
    # A tertial report's divisions' interim reports (bilagor: - delarsrapport: …); None in a monthly report without them.
    delarsrapporter: Delarsrapporter | None = None
    # The figures of the generated appendices that compute their own (investeringsrapport), by kind.
    bilagor: dict[str, object] = field(default_factory=dict)


PARTS = {"ekonomi": ekonomi, "produktion": produktion, "personal": personal}  # the parts computed for a month


def compute(inputs: Inputs, config: Rapport) -> Figures:
    """Compute every figure of the report from validated inputs."""
    return Figures(ekonomi(inputs, config), produktion(inputs, config), personal(inputs, config), maluppfyllelse(inputs))


def compute_part(name: str, inputs: Inputs, config: Rapport, month: Month):
    """One part of the figures (``produktion``) for another month than the report's: an appendix with its own period."""
    return PARTS[name](inputs, config.model_copy(update={"period": month}))


__all__ = ["Comparison", "Figures", "change_pct", "compute"]
