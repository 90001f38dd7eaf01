"""How a division's interim report is made (its declaration: reporter.kinds.delarsrapport): figures, checks, the document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..charts import lines_chart, trend_chart
from ..config import Rapport
from ..context import DelarsrapportContext
from ..errors import Problem, warning
from ..figures.delarsrapport import Delarsrapport, key_figure_text
from ..figures.delarsrapport import compute as compute_all
from ..formatting import nyckel
from ..kinds import INTERIM
from ..kinds.delarsrapport import CHARTS, SUBSECTIONS, TEMPLATE, TEXTS
from ..model import Inputs
from ..texts import sections
from ..values import name_key, slugify
from .base import ChartSet, Planned, ReportKind, Texts


def subsection_key(name: str) -> str:
    """A subsection's key in the template: ``Åtgärder för att uppnå ekonomi i balans`` → ``atgarder_for_att_uppna_ekonomi_i_balans``."""
    return nyckel(name)


def draw(figures: Delarsrapport) -> dict:
    """Costs per month and sick leave per month against last year; accessibility per month (when the division has it)."""
    access = figures.produktion.tillganglighet
    return {
        "kostnader": trend_chart(figures.ekonomi.kostnader_per_manad, "Verksamhetens kostnader per månad", "mnkr", 0, 1000),
        "sjukfranvaro": trend_chart(figures.personal.sjukfranvaro.trend, "Sjukfrånvaro", "procent av ordinarie arbetstid", 1),
        "tillganglighet": lines_chart([m.trend for m in access], "Tillgänglighet", "procent") if access else None,
    }


def texts_of(texts: Texts) -> dict[str, Any]:
    """The texts with those of sectioned sections split at their ## headings."""
    result: dict[str, object] = {}
    for key, blocks in texts.items():
        if blocks is None:
            result[key] = None
        elif key in SUBSECTIONS:
            result[key] = sections(blocks, {name: subsection_key(name) for name in SUBSECTIONS[key]})
        else:
            result[key] = blocks
    return result


def _context(figures: Delarsrapport, config: Rapport, texts: Texts) -> DelarsrapportContext:
    """The template contract filled in."""
    return (
        DelarsrapportContext(
            titel=config.rubrik,
            division=figures.division,
            organisation=config.organisation.namn,
            period=config.period,
            foregaende_ar=config.period.year_before,
            dokument=config.dokument,
            undertecknare=config.undertecknare,
            ekonomi=figures.ekonomi,
            produktion=figures.produktion,
            personal=figures.personal,
            styrning=figures.styrning,
            texter=texts_of(texts),
            diagram={},
            bilaga_nummer=None,
            huvudrapport=None,
        )
    )


def _checks(figures: Delarsrapport, inputs: Inputs, config: Rapport) -> list[Problem]:
    """What only the figures can tell: a typed Utfall against the key figure it names, the result bridge
    against Resultatpåverkan, and a verksamhet listed in a group that no row has."""
    problems = []
    for measure in inputs.detalj.get("styrmatt", []):
        if measure.nyckeltal is None or measure.utfall is None:
            continue
        computed = key_figure_text(measure.nyckeltal, figures.nyckeltal.get(measure.nyckeltal))
        if computed is not None and _number(measure.utfall) is not None and _number(measure.utfall) != _number(computed):
            source = measure.source
            problems.append(warning(
                f"styrmåttet '{measure.styrmatt}' har Utfall '{measure.utfall}' men nyckeltalet {measure.nyckeltal} är {computed}; "
                f"rapporten visar {computed} (töm Utfall, eller rätta det)", file=source.file, sheet=source.sheet, cell=source.cell,
            ))
    ekonomi = figures.ekonomi
    for bridge, effect, when in ((ekonomi.brygga, "utfall", "perioden"), (ekonomi.brygga_helar, "prognos_helar", "helåret")):
        summed = getattr(ekonomi.resultatpaverkan_summa, effect) if ekonomi.resultatpaverkan_summa else None
        if bridge is None or ekonomi.handlingsplan is None or summed is None or bridge.oplanerat is None:
            continue
        if abs(summed - bridge.oplanerat) > 1000:  # 1 mnkr
            first = inputs.resultatpaverkan[0].source
            problems.append(warning(
                f"Resultatpåverkan summerar till {summed / 1000:.1f} mnkr för {when} men det oplanerade (resultat − budget − "
                f"handlingsplanens avvikelse) är {bridge.oplanerat / 1000:.1f} mnkr; de ska stämma inom 1 mnkr".replace(".", ","),
                file=first.file, sheet=first.sheet,
            ))
    division = config.organisation.division(config.division) if config.division else None
    present = {name_key(r.verksamhet) for r in inputs.detalj.get("divisioner", []) if r.verksamhet}
    for group in division.verksamhetsgrupper if division else []:
        for verksamhet in group.verksamheter:
            if name_key(verksamhet) not in present:
                problems.append(warning(
                    f"verksamheten '{verksamhet}' i gruppen {group.namn} finns inte på någon rad av bladet Divisioner",
                    file=f"{config.period}/rapport.yaml", key="organisation.divisioner.verksamhetsgrupper",
                ))
    return problems


def _number(text: str) -> float | None:
    """The number a scorecard cell shows: ``2,2 mnkr`` → 2.2; None when it shows none."""
    match = re.search(r"[−-]?\s?\d[\d\s\u00a0]*(?:,\d+)?", text)
    if not match:
        return None
    try:
        return float(re.sub(r"[\s\u00a0]", "", match.group(0)).replace("−", "-").replace(",", "."))
    except ValueError:
        return None


def file_name(config) -> str:
    """``delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx``."""
    return f"delarsrapport-{slugify(config.division_namn or config.division or '', 'division')}-{config.period}.docx"


@dataclass(frozen=True, kw_only=True)
class DivisionReport(ReportKind[Delarsrapport]):
    """A division's interim report: one document, with its charts, in a folder of its own."""

    def figures(self, inputs: Inputs, config: Rapport) -> Delarsrapport:
        """Every figure of the division's report."""
        return compute_all(inputs, config)

    def checks(self, figures: Delarsrapport, inputs: Inputs, config: Rapport, texts: Texts) -> list[Problem]:
        return _checks(figures, inputs, config)

    def context(self, figures: Delarsrapport, config: Rapport, texts: Texts) -> DelarsrapportContext:
        return _context(figures, config, texts)

    def plan(self, figures: Delarsrapport, config: Rapport, texts: Texts, period_dir: Path, properties: dict[str, Any]) -> list[Planned]:
        """One document: the interim report, with its charts."""
        title = f"{config.rubrik} {figures.division}"
        return [Planned(file_name(config), title, TEMPLATE, dict(self.context(figures, config, texts)), INTERIM.name, figures,
                        keep_sections=True)]

    def folder(self, config: Rapport) -> str:
        """``out/2021-04-narsjukvard-ovriga-lanet``: a division's report beside the month's own."""
        return f"{config.period}-{slugify(config.division_namn or config.division or '', 'division')}"

    def contract(self) -> tuple[type, dict[str, tuple[str, ...]]]:
        """The template's contract: the context and the keys of its dictionaries."""
        return DelarsrapportContext, {"texter": tuple(TEXTS), "diagram": CHARTS}


KIND = DivisionReport(declaration=INTERIM, chart_sets={INTERIM.name: ChartSet(CHARTS, draw)})
