"""Period folders written from scratch by tests: small, fast, and not ours."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from reporter.workbook import write_workbook

_written: Path | None = None  # the period as first written in this process; later ones are copies of it


def write_other_period(folder):
    """Another region, two divisions, February 2022, mnkr columns, aliases, percent cells.

    The workbooks are written once per process (openpyxl takes most of the time) and copied from then on.
    """
    global _written
    if _written is None:
        scratch = Path(tempfile.mkdtemp(prefix="reporter-test-period-"))
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)
        _write(scratch / "2022-02")
        _written = scratch / "2022-02"
    folder.mkdir(parents=True)
    shutil.copytree(_written, folder, dirs_exist_ok=True)


def _write(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "rapport.yaml").write_text(
        """\
rapport: manadsrapport
period: 2022-02
organisation:
  namn: Region Exempel
  divisioner:
    - namn: Primärvård
      alias: [PV]
    - namn: Specialistvård
      alias: [SPV, Division Specialistvård]
dokument:
  galler_for: Region Exempel
  dokument_id: DOC-42
  version: 1.3
  publiceringsdatum: 2022-03-20
  ansvarig: Eva Ek
  upprattad_av: Per Berg
undertecknare:
  namn: Eva Ek
  titel: Regiondirektör
bilagor:
  - personalrapport
  - titel: Extern rapport
""",
        encoding="utf-8",
    )
    months = [f"{y}-{m:02d}" for y in (2021, 2022) for m in range(1, 13)][:14]
    posts = [
        ["Periodens resultat", 12.5, 10, -3.5, 6],
        ["Verksamhetens resultat", 8, 9, -1, 4],
        ["Finansnetto", 4.5, 1, -2.5, 2],
        ["Nettokostnader", -500, -505, -480, -250],
        ["Skatteintäkter och generella statsbidrag", 508, 514, 479, 254],
    ]
    write_workbook(
        folder / "ekonomi.xlsx",
        {
            "Region": [["Post", "Utfall (mnkr)", "Budget (mnkr)", "Utfall föregående år (mnkr)", "Utfall föregående månad (mnkr)"], *posts],
            "Divisioner": [["Division", "Utfall (mnkr)", "Budget (mnkr)", "Utfall föregående år (mnkr)"], ["PV", 1.5, 1, -2], ["SPV", -3, 0, -4]],
        },
    )
    write_workbook(
        folder / "ekonomi-kostnader.xlsx",
        {"Kostnader": [["Division", "Kostnadsslag", "Månad", "Belopp (kr)"]] + [["pv", "Läkemedel", m, 1_000_000] for m in months]},
    )
    production = [["Division", "Mått", "Månad", "Värde"]]
    for m in months:
        production.append(["Primärvård", "Läkarbesök", m, 1000 if m.startswith("2022") else 800])
    write_workbook(
        folder / "produktion.xlsx",
        {
            "Produktion": production,
            "Tillgänglighet": [["Mått", "Månad", "Andel"]] + [["Telefontillgänglighet", m, 0.9 if m == "2022-02" else 0.85] for m in months],
            "Beläggning": [["Sjukhus", "Månad", "Beläggning"]] + [["Centrallasarettet", m, 0.875] for m in months],
        },
        {"Tillgänglighet": {"C": "0%"}, "Beläggning": {"C": "0.0%"}},
    )
    staff = [["Division", "Yrkesgrupp", "Anställningsform", "Månad", "Antal"]]
    for m in months:
        staff.append(["PV", "Läkare", "Tillsvidare", m, 100 if m != "2022-02" else 104])
        staff.append(["SPV", "Sjuksköterskor", "Visstid", m, 20])
    write_workbook(
        folder / "personal.xlsx",
        {
            "Anställda": staff,
            "Arbetad tid": [["Division", "Månad", "Arbetad tid", "Extratid", "Inhyrd personal"]] + [["PV", m, 110, 5, 1] for m in months],
            "Sjukfrånvaro": [["Division", "Kön", "Månad", "Sjukfrånvarotimmar", "Ordinarie arbetstid"]]
            + [["PV", "K", m, 50, 1000] for m in months],
        },
    )
    # Specialistvård's costs, worked time and sick leave, in files of their own (the files above are those the writer corpus re-saves).
    costs = [["Division", "Kostnadsslag", "Månad", "Belopp (tkr)"]] + [["SPV", "Läkemedel", m, 2000] for m in months]
    write_workbook(folder / "ekonomi_spv.xlsx", {"Kostnader": costs})
    write_workbook(
        folder / "personal_spv.xlsx",
        {
            "Arbetad tid": [["Division", "Månad", "Arbetad tid", "Extratid", "Inhyrd personal"]] + [["SPV", m, 20, 1, 0] for m in months],
            "Sjukfrånvaro": [["Division", "Kön", "Månad", "Sjukfrånvarotimmar", "Ordinarie arbetstid"]] + [["SPV", "K", m, 10, 200] for m in months],
        },
    )
