"""The corpus of broken inputs: one case per rule, each asserting its message and place.

Every case starts from a small, valid period written from scratch
(``periods.write_other_period``), breaks one thing the way real files come
broken, and states the problem a user must see: severity, message and
location. The same corpus then runs through the command line, where no case
may ever show a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import edit_sheet, set_cell
from openpyxl import load_workbook
from openpyxl.styles import Font
from periods import write_other_period

import reporter
from reporter.cli import main
from reporter.errors import Severity

CORPUS = Path(__file__).parent / "corpus"
ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Case:
    """One broken input: how to break the base period and what the user must see."""

    name: str
    breaks: Callable[[Path], None]
    message: str  # a fragment of the message
    file: str = ""
    sheet: str = ""
    cell: str = ""
    key: str = ""
    severity: Severity = ERROR
    also: tuple[str, ...] = field(default=())  # files named by the problem's other location


def _write(name: str, content: bytes | str) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        target = folder / name
        target.write_bytes(content.encode() if isinstance(content, str) else content)

    return breaks


def _copy(source: Path, name: str) -> Callable[[Path], None]:
    return lambda folder: shutil.copyfile(source, folder / name)


def _truncated(folder: Path) -> None:
    data = (folder / "personal.xlsx").read_bytes()
    (folder / "personal-trasig.xlsx").write_bytes(data[: len(data) // 2])


def _rename(old: str, new: str) -> Callable[[Path], None]:
    return lambda folder: (folder / old).rename(folder / new)


def _cell(file: str, sheet: str, cell: str, value) -> Callable[[Path], None]:
    return lambda folder: set_cell(folder / file, sheet, cell, value)


def _edit(file: str, sheet: str, edit) -> Callable[[Path], None]:
    return lambda folder: edit_sheet(folder / file, sheet, edit)


def _hide(folder: Path) -> None:
    book = load_workbook(folder / "personal.xlsx")
    book["Arbetad tid"].sheet_state = "hidden"
    book.save(folder / "personal.xlsx")


def _title_row(sheet):
    sheet.insert_rows(1)
    sheet["A1"] = "Personal februari 2022"
    sheet.merge_cells("A1:E1")


def _merged_header(sheet):
    sheet["D1"] = None
    sheet.merge_cells("C1:D1")  # "Budget (mnkr)" spans the column of "Utfall föregående år"


def _total_row(total: float):
    def edit(sheet):
        sheet.append(["Totalt", total, 1, -6])

    return edit


def _text(name: str, content: bytes | str) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        (folder / "texter").mkdir(exist_ok=True)
        _write(f"texter/{name}", content)(folder)

    return breaks


def _yaml(old: str, new: str) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        path = folder / "rapport.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return breaks


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _second_file(folder: Path) -> None:
    shutil.copyfile(folder / "produktion.xlsx", folder / "produktion-kopia.xlsx")


CASES = [
    # --- files that are not what they say they are
    Case("inte-xlsx", _write("ekonomi-trasig.xlsx", "Post;Utfall\nPeriodens resultat;12\n"),
         "filen är inte en Excel-arbetsbok (.xlsx) utan text (t.ex. CSV eller HTML); öppna den i Excel och spara som Excel-arbetsbok (.xlsx)",
         file="ekonomi-trasig.xlsx"),
    Case("tom-fil", _write("produktion-tom.xlsx", b""), "filen är tom (0 byte)", file="produktion-tom.xlsx"),
    Case("gammal-xls", _copy(CORPUS / "gammal-excel.xls", "ekonomi-gammal.xls"),
         "filen är en gammal Excel-fil (.xls) och kan inte läsas; öppna den i Excel och spara som Excel-arbetsbok (.xlsx): ekonomi-gammal.xlsx",
         file="ekonomi-gammal.xls"),
    Case("xls-med-xlsx-namn", _copy(CORPUS / "gammal-excel.xls", "ekonomi-gammal.xlsx"),
         "filen är en gammal Excel-fil (.xls, Excel 97–2003); öppna den i Excel och spara som Excel-arbetsbok (.xlsx)",
         file="ekonomi-gammal.xlsx"),
    Case("losenord", _copy(CORPUS / "losenordsskyddad.xlsx", "ekonomi-hemlig.xlsx"),
         "filen är lösenordsskyddad och kan inte läsas; ta bort lösenordet i Excel", file="ekonomi-hemlig.xlsx"),
    Case("trasig-zip", _truncated, "filen är skadad (zip-arkivet går inte att öppna)", file="personal-trasig.xlsx"),
    Case("ods", _write("personal-ods.ods", b"PK\x03\x04"), "filen är ett OpenDocument-kalkylark (.ods) och kan inte läsas",
         file="personal-ods.ods"),
    Case("csv", _write("ekonomi-export.csv", "Post;Utfall\n"), "filen är en CSV-fil och kan inte läsas", file="ekonomi-export.csv"),
    Case("xlsm", _rename("personal.xlsx", "personal.xlsm"), "arbetsboken har makron (.xlsm); makron körs inte",
         file="personal.xlsm", severity=WARNING),
    Case("okant-namn", _copy(CORPUS / "losenordsskyddad.xlsx", "budget.xlsx"),
         "arbetsboken används inte: namnet ska börja med ekonomi, produktion, personal, styrkort", file="budget.xlsx",
         severity=WARNING),
    # --- sheets and headers as people make them
    Case("dolt-blad", _hide, "bladet är dolt i Excel men läses ändå", file="personal.xlsx", sheet="Arbetad tid",
         severity=WARNING),
    Case("titelrad", _edit("personal.xlsx", "Anställda", _title_row), "rubrikraden är rad 2; rad 1 ovanför den läses inte",
         file="personal.xlsx", sheet="Anställda", severity=WARNING),
    Case("sammanslagen-rubrik", _edit("ekonomi.xlsx", "Divisioner", _merged_header),
         "kolumn D har värden (t.ex. D2) men ingen rubrik och används inte; rubrikcellen ingår i de sammanslagna cellerna C1:D1",
         file="ekonomi.xlsx", sheet="Divisioner", cell="D1", severity=WARNING),
    Case("okand-enhet", _cell("ekonomi.xlsx", "Divisioner", "B1", "Utfall (Mkr)"),
         "okänd enhet '(mkr)'; skriv (kr), (tkr) eller (mnkr)", file="ekonomi.xlsx", sheet="Divisioner", cell="B1"),
    Case("kolumn-saknas", _cell("personal.xlsx", "Anställda", "E1", "Antal anställda"),
         "kolumn saknas: Antal (rubrikraden har: Division, Yrkesgrupp, Anställningsform, Månad, Antal anställda)",
         file="personal.xlsx", sheet="Anställda", cell="rad 1"),
    Case("extra-kolumn", _cell("personal.xlsx", "Anställda", "F1", "Kommentar"),
         "kolumnen 'Kommentar' ingår inte i kontraktet och används inte", file="personal.xlsx", sheet="Anställda",
         cell="F1", severity=WARNING),
    Case("dubbel-kolumn", _cell("personal.xlsx", "Anställda", "F1", "antal"), "kolumnen 'Antal' finns två gånger",
         file="personal.xlsx", sheet="Anställda", cell="F1"),
    Case("blad-saknas", lambda f: _edit("produktion.xlsx", "Beläggning", lambda s: setattr(s, "title", "Belaggn"))(f),
         "bladet 'Beläggning' saknas; det ska finnas i någon produktion*.xlsx"),
    Case("slag-saknas", lambda folder: [_remove(name)(folder) for name in ("personal.xlsx", "personal_spv.xlsx")],
         "ingen arbetsbok av slaget personal (personal*.xlsx) finns i periodmappen"),
    # --- cells as people fill them
    Case("excel-fel-div0", _cell("produktion.xlsx", "Produktion", "D3", "#DIV/0!"),
         "Värde: cellen innehåller Excel-felet #DIV/0!; rätta formeln eller skriv in värdet",
         file="produktion.xlsx", sheet="Produktion", cell="D3"),
    Case("excel-fel-ref", _cell("personal.xlsx", "Arbetad tid", "C4", "#REF!"), "Excel-felet #REF!",
         file="personal.xlsx", sheet="Arbetad tid", cell="C4"),
    Case("excel-fel-na", _cell("produktion.xlsx", "Tillgänglighet", "C5", "#N/A"), "Excel-felet #N/A",
         file="produktion.xlsx", sheet="Tillgänglighet", cell="C5"),
    Case("formel-utan-varde", _cell("personal.xlsx", "Arbetad tid", "C15", "=C14*2"),
         "cellen har formeln =C14*2 men inget sparat värde", file="personal.xlsx", sheet="Arbetad tid", cell="C15"),
    Case("okand-division", _cell("ekonomi.xlsx", "Divisioner", "A3", "Specialistvårdd"),
         "Division: 'Specialistvårdd' finns inte i rapport.yaml; menade du 'Specialistvård'? kända divisioner: Primärvård, Specialistvård",
         file="ekonomi.xlsx", sheet="Divisioner", cell="A3"),
    Case("tom-cell", _cell("personal.xlsx", "Arbetad tid", "C3", None),
         "Arbetad tid: cellen är tom men ska ha ett värde; fyll i den (0 om det inte finns något att rapportera) eller ta bort raden",
         file="personal.xlsx", sheet="Arbetad tid", cell="C3"),
    Case("text-i-tal", _cell("produktion.xlsx", "Produktion", "D2", "tolv"),
         "Värde: 'tolv' går inte att läsa; förväntat ett tal, t.ex. 1234 eller 1 234,5",
         file="produktion.xlsx", sheet="Produktion", cell="D2"),
    Case("sant-falskt", _cell("produktion.xlsx", "Produktion", "D2", True), "ett tal, inte SANT/FALSKT",
         file="produktion.xlsx", sheet="Produktion", cell="D2"),
    Case("fel-manad", _cell("produktion.xlsx", "Produktion", "C4", "mars-ish"),
         "Månad: 'mars-ish' går inte att läsa; förväntat en månad", file="produktion.xlsx", sheet="Produktion", cell="C4"),
    Case("fel-val", _cell("personal.xlsx", "Sjukfrånvaro", "B2", "X"), "Kön: 'X' går inte att läsa; förväntat ett av Kvinnor, Män",
         file="personal.xlsx", sheet="Sjukfrånvaro", cell="B2"),
    Case("dubbel-post", _second_file, "samma post finns två gånger (Division: Primärvård, Mått: Läkarbesök, Månad: 2021-01)",
         file="produktion.xlsx", sheet="Produktion", cell="rad 2", also=("produktion-kopia.xlsx",)),
    # --- content across rows
    Case("andel-utanfor", _cell("produktion.xlsx", "Beläggning", "C3", 1.5), "andelen 150 ligger utanför 0–100 procent",
         file="produktion.xlsx", sheet="Beläggning", cell="rad 3", severity=WARNING),
    Case("manad-efter-perioden", _edit("personal.xlsx", "Arbetad tid", lambda s: s.append(["PV", "2022-03", 1, 1, 1])),
         "värden för månader efter rapportmånaden 2022-02 används inte: 2022-03", file="personal.xlsx, personal_spv.xlsx", sheet="Arbetad tid",
         severity=WARNING),
    Case("rapportmanad-saknas", _edit("personal.xlsx", "Arbetad tid", lambda s: s.delete_rows(15)),
         "Primärvård saknar 2022-02", file="personal.xlsx", sheet="Arbetad tid"),
    Case("manad-saknas-i-serie", _edit("personal.xlsx", "Arbetad tid", lambda s: s.delete_rows(7)),
         "Primärvård saknar 2021-06", file="personal.xlsx", sheet="Arbetad tid"),
    Case("summarad-stammer-inte", _edit("ekonomi.xlsx", "Divisioner", _total_row(-2.5)),
         "raden 'Totalt' ser ut som en summarad och visar Utfall −2,5 men raderna ovanför summerar till −1,5 (skillnad −1)",
         file="ekonomi.xlsx", sheet="Divisioner", cell="B4"),
    Case("post-saknas", _edit("ekonomi.xlsx", "Region", lambda s: s.delete_rows(4)),
         "posten 'Finansnetto' saknas; den krävs för rapporten", file="ekonomi.xlsx", sheet="Region"),
    Case("post-utan-utfall", _cell("ekonomi.xlsx", "Region", "B3", None), "posten 'Verksamhetens resultat' saknar Utfall",
         file="ekonomi.xlsx", sheet="Region", cell="rad 3"),
    # --- texts and rapport.yaml
    Case("platshallare-i-text", _text("inledning.md", "Första stycket.\n\n[Skriv inledningen här.]\n"),
         "platshållaren '[Skriv inledningen här.]' är inte ersatt; skriv texten, eller ta bort filen om avsnittet ska utgå",
         file="texter/inledning.md", cell="rad 3"),
    Case("text-inte-utf8", _text("namnderna.md", "Nämnderna har sammanträtt.".encode("cp1252")),
         "texten är inte sparad som UTF-8", file="texter/namnderna.md"),
    Case("yaml-okand-nyckel", _yaml("titel: Regiondirektör", "titel: Regiondirektör\n  titell: x"),
         "okänd nyckel (stavfel?)", file="2022-02/rapport.yaml", key="undertecknare.titell"),
    Case("yaml-platshallare", _yaml("dokument_id: DOC-42", "dokument_id: '[Dokument-ID Quickpart]'"),
         "ser ut som en ej ifylld platshållare", file="2022-02/rapport.yaml", key="dokument.dokument_id"),
    Case("yaml-extern-fil-saknas", _yaml("  - titel: Extern rapport", "  - titel: Extern rapport\n    fil: bilagor/saknas.pdf"),
         "filen bilagor/saknas.pdf finns inte i periodmappen", file="2022-02/rapport.yaml", key="bilagor[2].fil"),
]

# Inputs that real files bring and that must be read without any problem.
TOLERATED = {
    "nbsp-och-mellanslag": [
        _cell("ekonomi.xlsx", "Divisioner", "A2", "\u00a0PV  "),
        _cell("personal.xlsx", "Anställda", "C2", " Tillsvidare\u00a0"),
        _cell("personal.xlsx", "Anställda", "D1", "  Månad "),
        lambda f: _edit("personal.xlsx", "Sjukfrånvaro", lambda s: setattr(s, "title", "Sjukfrånvaro\u00a0"))(f),
    ],
    "tal-och-datum-som-text": [
        _cell("produktion.xlsx", "Produktion", "D15", "1\u00a0000"),
        _cell("personal.xlsx", "Arbetad tid", "C15", "110,0"),
        _cell("personal.xlsx", "Arbetad tid", "B15", "2022-02-28"),
        _cell("ekonomi.xlsx", "Divisioner", "B2", "1,5"),
    ],
    "negativ-nolla": [_cell("ekonomi.xlsx", "Divisioner", "D2", -0.0), _cell("personal.xlsx", "Arbetad tid", "E15", "−0")],
    "formaterade-tomma-rader": [
        _edit("personal.xlsx", "Arbetad tid", lambda s: [setattr(s.cell(r, 1), "font", Font(bold=True)) for r in range(16, 3000)]),
    ],
}


@pytest.fixture
def base(tmp_path: Path) -> Path:
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    return folder


def test_the_base_period_is_clean(base):
    assert reporter.validate(base).problems == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_broken_input_names_what_and_where(case, base):
    case.breaks(base)
    checked = reporter.validate(base)
    found = [p for p in checked.problems if case.message in p.message]
    assert found, f"no problem says {case.message!r}; got:\n" + "\n".join(map(str, checked.problems))
    problem = found[0]
    assert problem.severity is case.severity
    assert (problem.where.file, problem.where.sheet, problem.where.cell, problem.where.key) == (
        case.file, case.sheet, case.cell, case.key
    )
    assert tuple(o.file for o in problem.also) == case.also


@pytest.mark.parametrize("name", TOLERATED)
def test_real_world_quirks_are_read_without_problems(name, base):
    before = reporter.validate(base).inputs
    for breaks in TOLERATED[name]:
        breaks(base)
    checked = reporter.validate(base)
    assert checked.problems == []
    assert len(checked.inputs.arbetad_tid) == len(before.arbetad_tid)
    assert len(checked.inputs.divisioner) == len(before.divisioner)


def test_numbers_and_dates_written_as_text_are_their_values(base):
    for breaks in TOLERATED["tal-och-datum-som-text"]:
        breaks(base)
    inputs = reporter.validate(base).inputs
    assert next(r.utfall for r in inputs.divisioner if r.division == "Primärvård") == 1500  # 1,5 mnkr in tkr
    assert [r.varde for r in inputs.produktion if str(r.manad) == "2022-02"] == [1000]


def test_negative_zero_is_zero(base):
    for breaks in TOLERATED["negativ-nolla"]:
        breaks(base)
    inputs = reporter.validate(base).inputs
    values = [r.utfall_foregaende_ar for r in inputs.divisioner] + [r.inhyrd_personal for r in inputs.arbetad_tid]
    assert all(str(v) != "-0.0" for v in values)


def test_a_division_merged_down_rows_is_read_on_every_row(base):
    book = load_workbook(base / "personal.xlsx")
    sheet = book["Arbetad tid"]
    sheet["A3"] = None
    sheet["A4"] = None
    sheet.merge_cells("A2:A4")
    book.save(base / "personal.xlsx")
    checked = reporter.validate(base)
    assert checked.problems == []
    assert [r.division for r in checked.inputs.arbetad_tid[:3]] == ["Primärvård"] * 3


def test_a_matching_total_row_is_a_check_not_a_record(base):
    _edit("ekonomi.xlsx", "Divisioner", _total_row(-1.5))(base)
    checked = reporter.validate(base)
    assert [(p.severity, p.where.cell) for p in checked.problems] == [(WARNING, "rad 4")]  # a note: the row is skipped
    assert [r.division for r in checked.inputs.divisioner] == ["Primärvård", "Specialistvård"]


def test_files_of_one_kind_merge_and_one_sheet_may_live_in_its_own_file(base):
    edit_sheet(base / "produktion.xlsx", "Beläggning", lambda s: setattr(s, "title", "Annat"))
    book = load_workbook(base / "produktion.xlsx")
    rows = [[c.value for c in row] for row in book["Annat"].iter_rows()]
    from reporter.workbook import write_workbook

    write_workbook(base / "produktion-belaggning.xlsx", {"Beläggning": rows}, {"Beläggning": {"C": "0.0%"}})
    checked = reporter.validate(base)
    assert [str(p) for p in checked.problems] == []
    assert {r.source.file for r in checked.inputs.belaggning} == {"produktion-belaggning.xlsx"}


# --- the whole corpus through the command line ----------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_whole_corpus_through_the_cli_never_shows_a_traceback(case, base, tmp_path):
    runner = CliRunner()
    case.breaks(base)
    for command in (["validate", str(base)], ["validate", "--json", str(base)], ["status", str(base)],
                    ["build", str(base), "--out", str(tmp_path / "out"), "--templates", str(tmp_path / "ingen-mall")]):
        result = runner.invoke(main, command)
        output = result.output
        assert "Traceback" not in output, (case.name, command, output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (case.name, command, result.exception)
        if command[0] == "validate" and "--json" not in command:
            assert case.message in output.replace("\n      ", " "), (case.name, output)
            expected = 0 if case.severity is WARNING else 1
            assert result.exit_code == expected, (case.name, result.exit_code, output)


@pytest.mark.slow  # a Python process of its own imports reporter and reads the worst files, 0.5 s CPU
def test_the_worst_files_in_a_real_process(tmp_path):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    for case in CASES:
        if case.name in ("inte-xlsx", "tom-fil", "gammal-xls", "xls-med-xlsx-namn", "losenord", "trasig-zip"):
            case.breaks(folder)
    done = subprocess.run(
        [sys.executable, "-m", "reporter", "validate", str(folder)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    for name in ("ekonomi-trasig.xlsx", "produktion-tom.xlsx", "ekonomi-gammal.xls", "ekonomi-gammal.xlsx", "ekonomi-hemlig.xlsx", "personal-trasig.xlsx"):
        assert f"  {name}\n" in done.stdout  # validate's findings are its output
    assert done.stderr == ""
