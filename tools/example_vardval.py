"""The bundled examples' external appendix, Uppföljning Vårdval primärvård: a DOCX made here, a PDF made by LibreOffice.

An external appendix is a PDF that another office delivers; the example's is
written as such an office would write it: a Word document of four pages
(a heading on each, Swedish text, tables of listed residents, accessibility and
remuneration per hälsocentral), exported to a tagged PDF with LibreOffice
(``soffice --headless --convert-to pdf``, the export options of reporter/pdf.py).

The document's figures are fixed by the month (no randomness), and the
region's accessibility row is the report's own figure for the month, so the
appendix agrees with bilaga 2. The PDF's dates and ID are removed, but
LibreOffice's bytes still differ between versions and runs: the example tools
write the file only when it is missing (or when asked with ``--vardval``), and
the repository keeps the committed file.
"""

from __future__ import annotations

import io
import math

import pikepdf
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from reporter.formatting import MINUS
from reporter.model import Month
from reporter.pdf import convert, find_soffice

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
               "december")

# Hälsocentral → (residents listed in March 2021, share of women, in own regi)
HALSOCENTRALER = {
    "Bodens hälsocentral": (14210, 0.51, True),
    "Hälsocentralen Sävast": (6830, 0.50, True),
    "Hertsöns hälsocentral": (9420, 0.50, True),
    "Mjölkuddens hälsocentral": (8960, 0.52, True),
    "Örnäsets hälsocentral": (11340, 0.51, True),
    "Gammelstads hälsocentral": (7110, 0.50, True),
    "Hälsocentralen Citykliniken Luleå": (8240, 0.53, False),
    "Piteå hälsocentral": (12650, 0.51, True),
    "Öjebyns hälsocentral": (7930, 0.50, True),
    "Hälsocentralen Norrfjärden": (4680, 0.49, True),
    "Kalix hälsocentral": (15320, 0.50, True),
    "Haparanda hälsocentral": (9680, 0.49, True),
    "Kiruna hälsocentral": (16740, 0.48, True),
    "Gällivare hälsocentral": (15890, 0.49, True),
    "Jokkmokks hälsocentral": (4870, 0.48, True),
    "Arvidsjaurs hälsocentral": (6010, 0.49, True),
    "Älvsbyns hälsocentral": (7940, 0.49, True),
    "Pajala hälsocentral": (5950, 0.47, True),
}
CAPITATION = 2.084  # tkr a listed resident and month, before the care-need weighting


def _sv(value: float, decimals: int = 0, sign: bool = False) -> str:
    """A number as the appendix's office writes it: spaces between thousands, decimal comma, a real minus."""
    text = f"{value:{'+' if sign else ''},.{decimals}f}".replace(",", "\u00a0").replace(".", ",").replace("-", MINUS)
    return text


def _wiggle(index: int, month: Month, size: float) -> float:
    """A fixed, small variation by hälsocentral and month."""
    return size * math.sin(index * 1.7 + month.month * 0.9 + month.year)


def _listed(month: Month) -> dict[str, tuple[int, int, int]]:
    """Hälsocentral → (women, men, change since the month before) in ``month``."""
    steps = (month.year - 2021) * 12 + month.month - 3
    result = {}
    for index, (name, (listed, women, _)) in enumerate(HALSOCENTRALER.items()):
        now = round(listed * (1 + 0.0015 * steps) + _wiggle(index, month, 18))
        before = round(listed * (1 + 0.0015 * (steps - 1)) + _wiggle(index, month.previous, 18))
        female = round(now * women)
        result[name] = (female, now - female, now - before)
    return result


def _access(month: Month, phone: float, assessed: float) -> dict[str, tuple[float, float]]:
    """Hälsocentral → (telefontillgänglighet, medicinsk bedömning inom tre dagar) in percent, around the region's figures."""
    return {
        name: (round(min(99.0, phone + _wiggle(index, month, 6.5)), 1), round(min(100.0, assessed + _wiggle(index + 5, month, 4.0)), 1))
        for index, name in enumerate(HALSOCENTRALER)
    }


def _remuneration(listed: dict[str, tuple[int, int, int]]) -> dict[str, tuple[int, int]]:
    """Hälsocentral → (vårdpeng, målrelaterad ersättning) in whole tkr, so that the totals add up as shown."""
    result = {}
    for index, (hc, (w, m, _)) in enumerate(listed.items()):
        base = round((w + m) * CAPITATION * (1 + 0.08 * math.sin(index * 2.3)))
        result[hc] = (base, round(base * 0.03))
    return result


def _remuneration_total(listed: dict[str, tuple[int, int, int]]) -> int:
    return sum(b + g for b, g in _remuneration(listed).values())


TEXT_WIDTH_CM = 16.6  # A4 less 2,2 cm margins


def _table(document, header: list[str], rows: list[list[str]], first_cm: float = 6.8) -> None:
    """A table as a report sets one: the names' column wide, the figures' columns narrower and right-aligned,
    the whole within the margins (not the equal columns a new Word table gets)."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    others = (TEXT_WIDTH_CM - first_cm) / max(1, len(header) - 1)
    widths = [Cm(first_cm)] + [Cm(others)] * (len(header) - 1)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    header_row = table.rows[0]._tr.get_or_add_trPr()
    header_row.append(OxmlElement("w:tblHeader"))  # a header row, repeated on a new page: header cells (TH) in the tagged PDF
    for index, (cell, text) in enumerate(zip(table.rows[0].cells, header, strict=True)):
        cell.text = text
        cell.width = widths[index]
        cell.paragraphs[0].runs[0].bold = True
        if index:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            cell.width = widths[index]
            if index:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _new_page(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def vardval_docx(month: Month, phone: float, assessed: float) -> bytes:
    """The appendix as a Word document: four pages, a heading on each."""
    name = f"{MONTH_NAMES[month.month - 1]} {month.year}"
    document = Document()
    document.core_properties.title = f"Uppföljning Vårdval primärvård {name}"
    document.core_properties.language = "sv-SE"
    document.core_properties.author = "Hälsovalskontoret, Region Norrbotten"
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    style = document.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(11)
    listed = _listed(month)
    total = sum(w + m for w, m, _ in listed.values())
    change = sum(c for *_, c in listed.values())
    own = sum(w + m for hc, (w, m, _) in listed.items() if HALSOCENTRALER[hc][2])

    document.add_heading(f"Uppföljning Vårdval primärvård {name}", level=1)
    document.add_paragraph(
        f"Hälsovalskontoret följer varje månad upp vårdvalet i primärvården: hur många invånare som är listade på "
        f"länets hälsocentraler, hur tillgängliga hälsocentralerna är och vilken ersättning de får. Uppföljningen "
        f"avser {name} och omfattar {len(HALSOCENTRALER)} hälsocentraler, varav en i privat regi."
    )
    document.add_paragraph(
        f"I slutet av {MONTH_NAMES[month.month - 1]} var {_sv(total)} invånare listade, {_sv(change, sign=True)} jämfört med "
        f"månaden före. Hälsocentralerna i egen regi har {_sv(own / total * 100, 1)} procent av de listade. "
        f"Telefontillgängligheten i länet är {_sv(phone, 1)} procent och andelen som får en medicinsk bedömning inom "
        f"tre dagar {_sv(assessed, 1)} procent."
    )
    document.add_heading("Nyckeltal", level=2)
    _table(document, ["Nyckeltal", name[:1].upper() + name[1:]], [
        ["Listade invånare", _sv(total)],
        ["Förändring sedan föregående månad", _sv(change, sign=True)],
        ["Andel listade i egen regi", _sv(own / total * 100, 1) + "\u00a0%"],
        ["Telefontillgänglighet samma dag", _sv(phone, 1) + "\u00a0%"],
        ["Medicinsk bedömning inom tre dagar", _sv(assessed, 1) + "\u00a0%"],
        ["Vårdpeng och målrelaterad ersättning, tkr", _sv(_remuneration_total(listed))],
    ], first_cm=11.0)
    closing = document.add_paragraph(
        "Sidorna som följer redovisar listningen, tillgängligheten och ersättningen per hälsocentral. "
        "Uppgifterna kommer från listningssystemet och från telefoniplattformen."
    )
    closing.paragraph_format.space_before = Pt(10)

    _new_page(document)
    document.add_heading("Listade invånare per hälsocentral", level=1)
    document.add_paragraph(f"Antal listade invånare i slutet av {name}, kvinnor och män, och förändringen sedan föregående månad.")
    rows = [[hc, _sv(w), _sv(m), _sv(w + m), (_sv(c, sign=True) if c else "0")] for hc, (w, m, c) in listed.items()]
    rows.append(["Länet totalt", _sv(sum(v[0] for v in listed.values())), _sv(sum(v[1] for v in listed.values())), _sv(total),
                 _sv(change, sign=True)])
    _table(document, ["Hälsocentral", "Kvinnor", "Män", "Totalt", "Förändring"], rows)

    _new_page(document)
    document.add_heading("Tillgänglighet", level=1)
    document.add_paragraph(
        "Telefontillgänglighet: andelen samtal som besvaras samma dag. Medicinsk bedömning: andelen patienter som får "
        "en medicinsk bedömning av legitimerad personal inom tre dagar. Målet för båda är 100 procent."
    )
    access = _access(month, phone, assessed)
    rows = [[hc, _sv(a, 1) + "\u00a0%", _sv(b, 1) + "\u00a0%"] for hc, (a, b) in access.items()]
    rows.append(["Länet", _sv(phone, 1) + "\u00a0%", _sv(assessed, 1) + "\u00a0%"])
    _table(document, ["Hälsocentral", "Telefontillgänglighet", "Medicinsk bedömning inom tre dagar"], rows)

    _new_page(document)
    document.add_heading("Ersättning", level=1)
    document.add_paragraph(
        "Hälsocentralerna ersätts per listad invånare, viktat efter vårdbehov (ACG) och socioekonomi (CNI), och "
        f"med en målrelaterad ersättning. Belopp i tkr för {name}."
    )
    rows = [[hc, _sv(base), _sv(goal), _sv(base + goal)] for hc, (base, goal) in _remuneration(listed).items()]
    rows.append(["Länet totalt", _sv(sum(b for b, _ in _remuneration(listed).values())),
                 _sv(sum(g for _, g in _remuneration(listed).values())), _sv(_remuneration_total(listed))])
    _table(document, ["Hälsocentral", "Vårdpeng", "Målrelaterad ersättning", "Summa"], rows)
    document.add_paragraph("Åtgärder följs upp med varje hälsocentral vid nästa uppföljningsmöte.")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def vardval_pdf(month: Month, phone: float, assessed: float) -> bytes:
    """The appendix exported by LibreOffice, tagged; its dates and document ID taken out."""
    converted = convert({"vardval.docx": vardval_docx(month, phone, assessed)}, find_soffice())
    with pikepdf.open(io.BytesIO(converted["vardval.pdf"])) as pdf:
        for key in ("/CreationDate", "/ModDate", "/Producer", "/Creator"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        if "/Metadata" in pdf.Root:
            with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate", "pdf:Producer", "xmp:CreatorTool"):
                    if key in meta:
                        del meta[key]
        buffer = io.BytesIO()
        pdf.save(buffer, deterministic_id=True)
        return buffer.getvalue()
