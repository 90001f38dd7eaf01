"""How the generated appendices' charts are drawn, from the monthly report's figures (their declarations: reporter.kinds)."""

from __future__ import annotations

from ..charts import bar_chart, lines_chart, small_multiples, trend_chart
from ..figures import Figures
from ..figures.investeringar import investeringar
from ..formatting import hittills_kort
from ..kinds import ekonomirapport, investeringsrapport, maluppfyllelse, personalrapport, produktionsrapport
from .base import AppendixKind


def draw_ekonomi(figures: Figures) -> dict:
    """Budget deviation per division, and the cost per month against last year."""
    divisions = figures.ekonomi.divisioner
    period = hittills_kort(figures.ekonomi.kostnader_per_manad.manader[-1])  # the report's months, as the table beside it
    return {
        "avvikelse_per_division": bar_chart(
            [d.division for d in divisions], [None if d.avvikelse is None else d.avvikelse / 1000 for d in divisions],
            f"Avvikelse mot budget per division, {period}", "mnkr", 1,
        ),
        "kostnader_per_manad": trend_chart(figures.ekonomi.kostnader_per_manad, "Verksamhetens kostnader per månad", "mnkr", 0, 1000),
    }


def draw_produktion(figures: Figures) -> dict:
    """Production per month (one small chart per measure), and accessibility per month."""
    return {
        "produktion": small_multiples(figures.produktion.trender, "Produktion per månad, antal"),
        "tillganglighet": lines_chart(figures.produktion.tillganglighet_trender, "Tillgänglighet", "procent"),
    }


def draw_personal(figures: Figures) -> dict:
    """Employees at the end of each month, and sick leave per month."""
    return {
        "anstallda": trend_chart(figures.personal.anstallda_trend, "Anställda vid månadens slut", "antal"),
        "sjukfranvaro": trend_chart(figures.personal.sjukfranvaro_trend, "Sjukfrånvaro", "procent av ordinarie arbetstid", 1),
    }


# The monthly report's generated appendices, in the order of their declarations: each shows the report's figures.
APPENDICES: dict[str, AppendixKind[Figures]] = {
    kind.name: kind
    for kind in (
        AppendixKind(declaration=ekonomirapport.KIND, draw=draw_ekonomi),
        AppendixKind(declaration=produktionsrapport.KIND, draw=draw_produktion),
        AppendixKind(declaration=personalrapport.KIND, draw=draw_personal),
        AppendixKind(declaration=maluppfyllelse.KIND),
        AppendixKind(declaration=investeringsrapport.KIND, figures=investeringar, key="investeringar"),
    )
}
