"""reporter scaffold: blank inputs for a period: rapport.yaml, workbooks of every kind, text stubs.

Everything is made from the contract in :mod:`reporter.schema`, so a
scaffolded workbook has exactly the headers that validation expects. Files
that already exist are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from ..carry import MARK_NAME, Carried, carry_book, holds, list_name, sheet_out, window_start
from ..completeness import SERIES
from ..config import CONFIG_FILE
from ..drafts import draft_mark, without_draft_marks
from ..errors import ReporterError, error
from ..inputs import TEXT_DIR, find_workbooks
from ..kinds import ANALYSIS_TEXTS, APPENDICES, INTERIM, MONTHLY, REPORTS, delarsrapport
from ..kinds.manadsrapport import MAIN_TEXTS
from ..model import Month
from ..periods import INTERIM_DIR, folder_month, previous_period_dir
from ..plausibility import CONFIRMATIONS
from ..schema import (
    ANSTALLNINGSFORMER,
    KON,
    REQUIRED_REGION_POSTS,
    TYPICAL_COST_TYPES,
    TYPICAL_MEASURES,
    WORKBOOK_KINDS,
    Column,
    Kind,
    Sheet,
    WorkbookKind,
)
from ..validation import DivisionIndex, UnknownName
from ..values import ValueProblem, parse_month, slugify
from ..workbook import SheetOut, column_letter, gc_paused, read_tables, write_sheets

INSTRUCTIONS = "Instruktioner"
LISTS = "Listor"

WIDTHS = {Kind.DIVISION: 32, Kind.TEXT: 34, Kind.MONTH: 11, Kind.AMOUNT: 16, Kind.NUMBER: 16, Kind.SHARE: 13, Kind.CHOICE: 20}

GENERAL_RULES = (
    "Varje blad är en tabell: rad 1 är rubrikraden, varje rad under den är en post. Tomma rader hoppas över.",
    "Ändra inte rubrikerna och inte bladens namn. Extra kolumner är tillåtna men används inte.",
    "Belopp är i tkr om rubriken inte anger något annat: skriv t.ex. 'Utfall (mnkr)' eller 'Belopp (kr)' för en annan enhet.",
    "Månad: ett datum i månaden, 2021-03, 202103 eller mars 2021.",
    "Tal: skriv siffror (1234 eller 1 234,5). Formler går bra om arbetsboken sparas i Excel.",
    "Andelar är procent: kolumnerna är formaterade som procent, skriv 83 för 83 %.",
    "Division och andra listor: välj i listan; andra värden tas inte emot. Divisionernas namn kommer från rapport.yaml.",
    "Spara som Excel-arbetsbok (.xlsx) och kontrollera med: reporter validate <periodmapp>",
)

TEXT_STUBS = {
    "inledning": "[Skriv inledningen här: några stycken om månaden, undertecknas av regiondirektören.]",
    "aktuella_handelser": "[Skriv om aktuella händelser här.]",
    "namnderna": "[Skriv om nämndernas arbete här.]",
}


@dataclass
class Scaffolded:
    """What scaffold wrote, and what it left alone because it was there.

    With a previous period (``previous``): the workbooks carried from it
    (``carried``), the texts carried as drafts (``drafts``), the fields of
    rapport.yaml left to fill in (``to_fill``) and the external appendices
    that need a new file (``appendices``: title and file).
    """

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    previous: Path | None = None
    carried: list[Carried] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    to_fill: list[str] = field(default_factory=list)
    appendices: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what scaffold chose not to write, and why


def division_book(kind: str, division: str) -> str:
    """The file name of one division's workbook of a kind in a monthly period: ``ekonomi-lanssjukvard.xlsx``."""
    return f"{kind}-{slugify(division, 'division')}.xlsx"


def scaffold(
    period_dir: Path, period: Month, division: str | None = None, rapport: str | None = None, source: Path | None = None
) -> Scaffolded:
    """Write inputs for a period into ``period_dir``; never overwrite.

    With a previous period (``source``, or the newest earlier period folder
    beside this one) the workbooks hold its rows and a prepared row for the
    new month per series, and its texts are carried as drafts; without one
    they are blank. ``rapport`` is the kind of report (``manadsrapport``,
    ``delarsrapport``); without it, an existing rapport.yaml says, and a
    folder inside ``delarsrapporter/`` is a division's interim report.
    """
    result = Scaffolded()
    if source is not None and not (source / CONFIG_FILE).is_file():
        raise ReporterError(error(f"--från {source}: mappen finns inte eller saknar {CONFIG_FILE}; ange förra periodens mapp, t.ex. inputs/2021-03"))
    result.previous = source or previous_period_dir(period_dir, period)
    if result.previous is not None and result.previous.resolve() == period_dir.resolve():
        raise ReporterError(error(f"--från {source} är samma mapp som den nya perioden; ange förra periodens mapp"))
    if REPORTS[rapport or _kind_of(period_dir)].division_report:
        return _division_report(period_dir, period, division, result)
    period_dir.mkdir(parents=True, exist_ok=True)
    config_path = period_dir / CONFIG_FILE
    known = _divisions(config_path, period) if config_path.is_file() else []
    if division is not None:
        division = _known(division, known or _previous_divisions(result), config_path)
    divisions = [name for name, _ in known]
    if config_path.is_file():
        result.kept.append(config_path)
    else:
        _write_config(config_path, period, [division] if division else [], result)
        # A copy of the previous period's rapport.yaml names the divisions: the lists get them now.
        known = _divisions(config_path, period)
        divisions = [name for name, _ in known] or ([division] if division else [])
    index = DivisionIndex(known or _previous_divisions(result))

    if division is None:
        carried = _carry_all(period_dir, period, index, divisions, result)
        for kind in WORKBOOK_KINDS:
            if kind.name in carried:
                continue
            sheets = [replace(s, columns=s.in_version(1)) for s in kind.sheets if s.version == 1] + _listed_sheets(config_path, kind)
            _write_book(period_dir / f"{kind.name}.xlsx", kind, sheets, divisions, period, None, result)
        _carry_texts(period_dir, period, result)
        for key, filename in MAIN_TEXTS.items():
            if key in TEXT_STUBS or key == "verksamheten":  # delarsrapporter.md belongs to a tertial report only
                _write_text(period_dir / TEXT_DIR / filename, _stub(key, divisions), result)
        for filename in ANALYSIS_TEXTS.values():  # optional: an empty file leaves its analysis out
            _write_text(period_dir / TEXT_DIR / filename, "", result)
    else:
        for kind in WORKBOOK_KINDS:
            target = period_dir / division_book(kind.name, division)
            if _carry_division(target, kind, period, index, division, divisions, result):
                continue
            sheets = [replace(s, columns=s.in_version(1)) for s in kind.sheets if s.per_division and s.version == 1]
            sheets += [s for s in _listed_sheets(config_path, kind) if s.per_division]
            if sheets:
                _write_book(target, kind, sheets, divisions, period, division, result)
    return result


def _listed_sheets(config_path: Path, kind: WorkbookKind) -> list[Sheet]:
    """The version-2 sheets of a workbook kind that the appendices listed in rapport.yaml need (the investeringsrapport's
    Investeringar), with every column: a blank workbook has them, so that the appendix can be built."""
    listed = _raw(config_path).get("bilagor") if config_path.is_file() else None
    names: set[str] = set()
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, str):
            names.add(item)
        elif isinstance(item, dict):  # {slag: …, period: …} or {<kind>: {period: …}}
            names.update(str(key) for key in item if key != "period")
            names.add(str(item.get("slag")))
    wanted = {sheet for name in names if name in APPENDICES for sheet in APPENDICES[name].sheets.get(kind.name, ())}
    return [replace(s, columns=s.in_version(2)) for s in kind.sheets if s.version == 2 and s.name in wanted]


def _previous_divisions(result: Scaffolded) -> list[tuple[str, list[str]]]:
    """The previous period's divisions and aliases, or none."""
    if result.previous is None:
        return []
    return _divisions(result.previous / CONFIG_FILE, None)


def _carry_all(period_dir: Path, period: Month, index: DivisionIndex, divisions: list[str], result: Scaffolded) -> set[str]:
    """Each workbook of the previous period, carried forward under its own name; the kinds carried."""
    if result.previous is None:
        return set()
    paths, _ = find_workbooks(result.previous)
    kinds = set()
    for kind in WORKBOOK_KINDS:
        for source in paths[kind.name]:
            if _carry(period_dir / source.name, [source], kind, list(kind.sheets), period, index, None, divisions, result):
                kinds.add(kind.name)
    return kinds


def _carry_division(target: Path, kind: WorkbookKind, period: Month, index: DivisionIndex, division: str, divisions: list[str], result: Scaffolded) -> bool:
    """A division's workbook of one kind from its rows in the previous period's workbooks; False when there were none."""
    if result.previous is None:
        return False
    sources = find_workbooks(result.previous)[0][kind.name]
    sheets = [s for s in kind.sheets if s.per_division]
    if not target.exists() and sources and sheets:
        holder = _holding(target.parent, kind, sheets, index, division, target)
        if holder is not None:  # carried into the period's own workbook already: a copy would make every row twice
            result.notes.append(f"{division}s rader finns redan i {holder}; {target.name} skrevs inte (samma rader två gånger är ett fel)")
            return True
    return bool(sources and sheets) and _carry(target, sources, kind, sheets, period, index, division, divisions, result)


def _holding(period_dir: Path, kind: WorkbookKind, sheets: list[Sheet], index: DivisionIndex, division: str, target: Path) -> str | None:
    """The name of a workbook of this kind in the new period that has rows of ``division`` already, or None."""
    if not period_dir.is_dir():
        return None
    for path in find_workbooks(period_dir)[0][kind.name]:
        if path == target:
            continue
        try:
            tables = read_tables(path, [s.name for s in sheets])
        except ReporterError:
            continue  # not readable: validate names it
        for sheet in sheets:
            table = tables.get(sheet.name)
            if table is not None and holds(sheet, table, index, division):
                return path.name
    return None


def _carry(
    target: Path, sources: list[Path], kind: WorkbookKind, sheets: list[Sheet], period: Month, index: DivisionIndex,
    division: str | None, divisions: list[str], result: Scaffolded,
) -> bool:
    """Write ``target`` from the previous period's ``sources``; True when it was written or is there already."""
    if target.exists():
        result.kept.append(target)
        return True
    carried = Carried(target)
    with gc_paused():  # a large period is a million small lists and no cycles: the collector has nothing to find
        return _carried(target, sources, kind, sheets, period, index, division, divisions, result, carried)


def _carried(
    target: Path, sources: list[Path], kind: WorkbookKind, sheets: list[Sheet], period: Month, index: DivisionIndex,
    division: str | None, divisions: list[str], result: Scaffolded, carried: Carried,
) -> bool:
    made = carry_book(sources, kind, sheets, period, index, division, carried, _previous_month(result))
    if division is not None and not carried.rows + carried.emptied:
        return False
    if not made:
        return False
    lists, list_sheet = _lists([m.sheet for m in made], divisions)
    shown = [replace(m.sheet, columns=tuple(c for c in m.sheet.columns if c.field in m.columns)) for m in made]
    out = [_instructions(kind, shown, division, period=period)]
    out += [sheet_out(m, lists) for m in made]
    out.append(list_sheet)
    write_sheets(target, out)
    result.written.append(target)
    result.carried.append(carried)
    return True


def _carry_texts(period_dir: Path, period: Month, result: Scaffolded) -> None:
    """The previous period's texts, each marked as a draft to rewrite or confirm (an empty one is carried empty)."""
    if result.previous is None:
        return
    since = _period_of(result.previous)
    for source in sorted((result.previous / TEXT_DIR).glob("*.md")):
        try:
            text = without_draft_marks(source.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            result.notes.append(f"{TEXT_DIR}/{source.name} i {result.previous.name} kunde inte läsas som UTF-8 och fördes inte över")
            continue
        draft = bool(text.strip())
        target = period_dir / TEXT_DIR / source.name
        _write_text(target, draft_mark(since, period) + "\n" + text if draft else text, result)
        if draft and result.written and result.written[-1] == target:
            result.drafts.append(target)


def _previous_month(result: Scaffolded) -> Month | None:
    """The previous period's month, from its rapport.yaml or its folder's name; None when neither says."""
    if result.previous is None:
        return None
    try:
        return parse_month(_period_of(result.previous))
    except ValueProblem:
        return None


def _period_of(folder: Path) -> str:
    """The period of a previous period folder: its rapport.yaml's, or its name's."""
    raw = _raw(folder / CONFIG_FILE).get("period")
    return str(raw)[:7] if raw else str(folder_month(folder) or folder.name)


def _kind_of(period_dir: Path) -> str:
    """The report a folder is for: its rapport.yaml's, or a division's interim report inside delarsrapporter/."""
    config_path = period_dir / CONFIG_FILE
    if config_path.is_file():
        try:
            raw = _parsed(config_path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            raw = None
        if isinstance(raw, dict) and isinstance(raw.get("rapport"), str) and raw["rapport"] in REPORTS:
            return str(raw["rapport"])
    return INTERIM.name if period_dir.resolve().parent.name == INTERIM_DIR else MONTHLY.name


def _division_report(period_dir: Path, period: Month, division: str | None, result: Scaffolded) -> Scaffolded:
    """A division's interim report folder: rapport.yaml, its workbooks with the v2 columns and sheets, its texts."""
    config_path = period_dir / CONFIG_FILE
    source = config_path if config_path.is_file() else (result.previous / CONFIG_FILE if result.previous else _organisation_source(period_dir, period))
    known = _divisions(source, None) if source is not None else []
    if division is None:
        listed = [name for name, _ in known] if config_path.is_file() else []
        named = _raw(source).get("division") if source is not None else None
        if len(listed) == 1 or named:
            division = str(named or listed[0])
        else:
            raise ReporterError(error("ange divisionen med --division: en delårsrapport gäller en division", file=CONFIG_FILE))
    division = _known(division, known, source or config_path)
    period_dir.mkdir(parents=True, exist_ok=True)
    if config_path.is_file():
        result.kept.append(config_path)
    elif result.previous is not None:
        _write_config(config_path, period, [division], result)
    else:
        _write_text(config_path, _division_config_text(period, division, source), result)
    if result.previous is not None:
        index = DivisionIndex(known)
        for kind in WORKBOOK_KINDS:
            for path in find_workbooks(result.previous)[0][kind.name]:
                _carry(period_dir / path.name, [path], kind, list(kind.sheets), period, index, None, [division], result)
        _carry_texts(period_dir, period, result)
    wanted = {kind: set(names) | set(delarsrapport.OPTIONAL.get(kind, ())) for kind, names in delarsrapport.SHEETS.items()}
    wanted.setdefault("produktion", set()).update(delarsrapport.OPTIONAL["produktion"])
    for kind in WORKBOOK_KINDS:
        sheets = [replace(s, columns=s.in_version(2)) for s in kind.sheets if s.name in wanted.get(kind.name, set())]
        if sheets:
            _write_book(period_dir / f"{kind.name}.xlsx", kind, sheets, [division], period, division, result)
    for key, filename in delarsrapport.TEXTS.items():
        headings = "".join(f"## {name}\n\n[Skriv om {name.lower()} här, eller ta bort rubriken.]\n\n" for name in delarsrapport.SUBSECTIONS.get(key, ()))
        stub = f"[Skriv {filename.removesuffix('.md')} för {division} här.]\n\n{headings}"
        _write_text(period_dir / TEXT_DIR / filename, stub, result)
    return result


@lru_cache(maxsize=8)
def _parsed(text: str) -> object:
    """A rapport.yaml's text parsed leniently, once: scaffold looks at the same one or two files several times (never changed)."""
    return yaml.safe_load(text)


def _raw(path: Path) -> dict:
    try:
        raw = _parsed(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _organisation_source(period_dir: Path, period: Month) -> Path | None:
    """Where a new interim report's organisation comes from: the monthly report's folder around it, or an earlier period's."""
    parent = period_dir.resolve().parent
    if parent.name == "delarsrapporter" and (parent.parent / CONFIG_FILE).is_file():
        return parent.parent / CONFIG_FILE
    return _previous_config(period_dir, period)


def _dokument_stub(period: Month, comment: str) -> str:
    """The empty document-ID block of a scaffolded rapport.yaml."""
    return f"""\
dokument:                       # {comment}
  galler_for: ""
  dokument_id: ""
  version: ""
  publiceringsdatum: ""         # t.ex. {period.plus(1)}-15
  ansvarig: ""
  upprattad_av: ""
"""


def _division_config_text(period: Month, division: str, source: Path | None) -> str:
    """rapport.yaml of a division's interim report, the organisation taken from ``source`` when there is one."""
    raw = _raw(source) if source is not None else {}
    organisation = raw.get("organisation") if isinstance(raw.get("organisation"), dict) else {"namn": "", "divisioner": [{"namn": division}]}
    block = yaml.safe_dump({"organisation": organisation}, allow_unicode=True, sort_keys=False, width=200)
    return f"""\
# rapport.yaml för {division}s delårsrapport per {period}, skapad av reporter scaffold.
# Fyll i alla tomma värden; reporter validate säger vad som saknas.
rapport: delarsrapport
period: {period}                 # den sista månaden som rapporten gäller; januari–{period} är året hittills
division: {yaml.safe_dump(division, allow_unicode=True).strip().removesuffix('...').strip()}
titel: Delårsrapport

{block}
{_dokument_stub(period, "delårsrapportens eget dokument-ID-block")}"""


def _known(division: str, known: list[tuple[str, list[str]]], config_path: Path) -> str:
    """The division's name as in rapport.yaml (an alias is accepted), by the same lookup as validation."""
    if not known:
        return division.strip()
    try:
        return DivisionIndex(known).resolve(division)
    except UnknownName as exc:
        raise ReporterError(error(f"divisionen {exc}", file=config_path.name, key="organisation.divisioner")) from None


def _divisions(config_path: Path, period: Month | None) -> list[tuple[str, list[str]]]:
    """Division names and aliases from an existing rapport.yaml, read leniently (``period``: it must be this one's)."""
    try:
        raw = _parsed(config_path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ReporterError(error(f"rapport.yaml kan inte läsas: {exc}; rätta den först", file=config_path.name)) from None
    raw = raw if isinstance(raw, dict) else {}
    if period is not None and "period" in raw and str(raw["period"])[:7] != str(period):
        raise ReporterError(
            error(f"rapport.yaml gäller perioden {raw['period']}, inte {period}; välj rätt mapp eller rätt --period", file=config_path.name, key="period")
        )
    organisation = raw.get("organisation")
    if not isinstance(organisation, dict):
        organisation = {}
    found = []
    for item in organisation.get("divisioner") or []:
        if isinstance(item, dict) and item.get("namn"):
            found.append((str(item["namn"]), [str(a) for a in item.get("alias") or []]))
    return found


def _write_config(config_path: Path, period: Month, divisions: list[str], result: Scaffolded) -> None:
    """rapport.yaml: the previous period's with the new period (and what must be filled in said), or a blank one."""
    if result.previous is None:
        _write_text(config_path, _config_text(period, divisions), result)
        return
    previous = result.previous / CONFIG_FILE
    text = previous.read_text(encoding="utf-8-sig")
    text = re.sub(r"(?m)^period:.*$", f"period: {period}", text, count=1)
    for key in FILL_IN:
        text, found = re.subn(rf"(?m)^([ \t]+{key}:).*$", rf'\1 ""   # fyll i för {period}', text, count=1)
        if found:
            result.to_fill.append(f"dokument.{key}")
    bilagor = _raw(previous).get("bilagor")
    for item in bilagor if isinstance(bilagor, list) else []:
        if isinstance(item, dict) and item.get("fil"):
            result.appendices.append((str(item.get("titel") or ""), str(item["fil"])))
    text = re.sub(
        r"(?m)^([ \t]*(?:-[ \t]+)?fil:.*?)[ \t]*$",
        rf"\1   # lägg in {period}s fil här; förra periodens fil följer inte med. Kontrollera titeln.",
        text,
    )
    head = (
        f"# Kopierad av reporter scaffold från {result.previous.name}/{CONFIG_FILE} till {period}: fyll i "
        + " och ".join(result.to_fill or ["publiceringsdatum och version"])
        + (", och lägg in de externa bilagornas nya filer" if result.appendices else "")
        + ".\n"
    )
    _write_text(config_path, head + text, result)


# Fields of the document-ID block that belong to one issue of the report: emptied when rapport.yaml is carried.
FILL_IN = ("version", "publiceringsdatum")


def _config_text(period: Month, divisions: list[str]) -> str:
    """A blank rapport.yaml."""
    bilagor = "".join(f"  - {kind}\n" for kind in APPENDICES if not APPENDICES[kind].sheets)
    empty_division = '    - namn: ""\n'
    listed = "".join(f"    - namn: {yaml.safe_dump(name, allow_unicode=True).strip().removesuffix('...').strip()}\n" for name in divisions)
    return f"""\
# rapport.yaml för {period}, skapad av reporter scaffold.
# Fyll i alla tomma värden; reporter validate säger vad som saknas.
rapport: manadsrapport
period: {period}
titel: Regiondirektörens rapport

organisation:
  namn: ""                      # t.ex. Region Norrbotten
  divisioner:                   # ordningen här är ordningen i rapporten; alias: [kortnamn]
{listed or empty_division}
{_dokument_stub(period, "dokument-ID-blocket överst på varje sida")}
undertecknare:                  # undertecknar inledningen
  namn: ""
  titel: Regiondirektör

bilagor:                        # numreras 1, 2, 3 … i denna ordning
{bilagor}"""


def _previous_config(period_dir: Path, period: Month) -> Path | None:
    """The newest rapport.yaml of an earlier period beside this one."""
    previous = previous_period_dir(period_dir, period)
    return previous / CONFIG_FILE if previous is not None else None


def _stub(key: str, divisions: list[str]) -> str:
    if key == "verksamheten":
        names = divisions or ["Division"]
        return "".join(f"## {name}\n\n[Skriv om {name} här.]\n\n" for name in names)
    return TEXT_STUBS[key] + "\n"


def _write_text(path: Path, text: str, result: Scaffolded) -> None:
    if path.exists():
        if path not in result.written:  # written a moment ago, from the previous period
            result.kept.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result.written.append(path)


def _write_book(path, kind: WorkbookKind, sheets: list[Sheet], divisions: list[str], period: Month, division: str | None, result: Scaffolded) -> None:
    if path.exists():
        if path not in result.written:
            result.kept.append(path)
        return
    lists, list_sheet = _lists(sheets, divisions)
    out = [_instructions(kind, sheets, division)]
    out += [_sheet(sheet, lists, _prefill(sheet, period, division)) for sheet in sheets]
    if any(sheet.name in SERIES for sheet in sheets):
        out.append(_sheet(CONFIRMATIONS, lists, []))  # optional: the division's confirmations of unusual but right values
    out.append(list_sheet)
    write_sheets(path, out)
    result.written.append(path)


def _lists(sheets: list[Sheet], divisions: list[str]) -> tuple[dict[str, tuple[str, bool]], SheetOut]:
    """The drop-down lists of these sheets, as columns of the Listor sheet."""
    wanted: dict[str, tuple[list[str], bool]] = {}
    for sheet in sheets:
        for column in sheet.columns:
            if column.kind is Kind.DIVISION and divisions:
                wanted["Division"] = (divisions, True)
            elif column.kind is Kind.CHOICE:
                wanted.setdefault(list_name(column), (column.choice_values, True))
    rows: list[list[object]] = [list(wanted)]
    depth = max((len(values) for values, _ in wanted.values()), default=0)
    for i in range(depth):
        rows.append([values[i] if i < len(values) else None for values, _ in wanted.values()])
    ranges = {}
    for number, (name, (values, strict)) in enumerate(wanted.items(), 1):
        letter = column_letter(number)
        ranges[name] = (f"{LISTS}!${letter}$2:${letter}${len(values) + 1}", strict)
    widths = {column_letter(n): 30 for n in range(1, len(wanted) + 1)}
    return ranges, SheetOut(LISTS, rows, widths=widths, header_style=True)


# How a blank workbook shows what is typed: months as 2021-04, shares as percent
# (Excel turns a typed 83 into 83 %), amounts with thousands separated.
FORMATS = {Kind.MONTH: "yyyy-mm", Kind.SHARE: "0.0%", Kind.AMOUNT: "#,##0", Kind.NUMBER: "#,##0.##"}


def _heading(column: Column) -> str:
    """A column's heading in a blank workbook: amounts say their unit, ``Utfall (tkr)``."""
    return f"{column.header} (tkr)" if column.kind is Kind.AMOUNT else column.header


def _sheet(sheet: Sheet, lists: dict[str, tuple[str, bool]], rows: list[list[object]]) -> SheetOut:
    header = [_heading(c) for c in sheet.columns]
    widths, formats, validations = {}, {}, {}
    for number, column in enumerate(sheet.columns, 1):
        letter = column_letter(number)
        widths[letter] = max(WIDTHS[column.kind], len(header[number - 1]) + 4)
        if column.kind in FORMATS:
            formats[letter] = FORMATS[column.kind]
        name = "Division" if column.kind is Kind.DIVISION else list_name(column)
        if (column.kind in (Kind.DIVISION, Kind.CHOICE)) and name in lists:
            validations[letter] = lists[name]
    return SheetOut(sheet.name, [header, *rows], widths=widths, formats=formats, lists=validations, freeze="A2", header_style=True, form=True)


def _prefill(sheet: Sheet, period: Month, division: str | None) -> list[list[object]]:
    """Rows to start from: the required region posts, or a division's rows for the month."""
    fields = [c.field for c in sheet.columns]
    month = dt.date(period.year, period.month, 1)  # shown as 2021-04 by the column's format
    if sheet.name == "Region":
        return [[post] + [None] * (len(fields) - 1) for post in REQUIRED_REGION_POSTS]
    if division is None:
        return []
    by_sheet: dict[str, list[dict[str, object]]] = {
        "Divisioner": [{}],
        "Kostnader": [{"kostnadsslag": c, "manad": month} for c in TYPICAL_COST_TYPES],
        "Produktion": [{"matt": m, "manad": month} for m in TYPICAL_MEASURES],
        "Anställda": [{"anstallningsform": form, "manad": month} for form, _ in ANSTALLNINGSFORMER],
        "Arbetad tid": [{"manad": month}],
        "Sjukfrånvaro": [{"kon": kon, "manad": month} for kon, _ in KON],
    }
    items = by_sheet.get(sheet.name, [])
    return [[{"division": division, **item}.get(f) for f in fields] for item in items]


def _instructions(kind: WorkbookKind, sheets: list[Sheet], division: str | None, period: Month | None = None) -> SheetOut:
    """The Instruktioner sheet; ``period``: the workbook is carried from the previous period, and its marked rows are explained."""
    whose = f" för {division}" if division else ""
    rows: list[list[object]] = [[f"{kind.name}{whose}: så fyller du i arbetsboken", "", "", ""], ["", "", "", ""]]
    if period is not None:
        rows += [[f"• {line}", "", "", ""] for line in _carried_rules(period)]
    rows += [[f"• {rule}", "", "", ""] for rule in GENERAL_RULES]
    if division and period is None:
        rows.append([f"• Divisionen är redan ifylld. Lägg till rader för fler månader eller poster; ta bort rader som inte gäller {division}.", "", "", ""])
    for sheet in sheets:
        rows += [["", "", "", ""], [f"Bladet {sheet.name}", sheet.help, "", ""], ["Kolumn", "Vad den ska innehålla", "Måste fyllas i", "Tillåtna värden"]]
        for column in sheet.columns:
            rows.append([column.header, _describe(column), "ja" if column.required else "nej", ", ".join(column.choice_values)])
    return SheetOut(INSTRUCTIONS, rows, widths={"A": 30, "B": 70, "C": 16, "D": 40}, wrap=True)


def _carried_rules(period: Month) -> tuple[str, ...]:
    """What a carried workbook's marked rows mean, first on the Instruktioner sheet."""
    return (
        f"Arbetsboken bär med sig förra periodens rader (från {window_start(period)}); ändra dem inte.",
        f"Rader med {MARK_NAME} bakgrund ska fyllas i: på bladen med Månad är det en förberedd rad för {period} per serie "
        "(division, mått, kostnadsslag, yrkesgrupp …) med nycklarna ifyllda; fyll i de tomma cellerna. "
        "På bladen utan månad (ackumulerat resultat, styrkort) är förra periodens värden tömda; nycklar och kommentarer står kvar.",
        "Ta bort färgen när raden är ifylld om du vill; den påverkar inte rapporten.",
    )


def _describe(column: Column) -> str:
    base = {
        Kind.TEXT: "Text.",
        Kind.DIVISION: "Divisionens namn enligt rapport.yaml; välj i listan.",
        Kind.MONTH: "Månaden: ett datum i månaden, 2021-03, 202103 eller mars 2021.",
        Kind.AMOUNT: "Belopp i tkr, som rubriken säger; skriv (kr) eller (mnkr) i rubriken för en annan enhet.",
        Kind.NUMBER: "Tal, t.ex. 1234 eller 1 234,5.",
        Kind.SHARE: "Procent: kolumnen är formaterad som procent, så skriv 83 för 83 %.",
        Kind.CHOICE: "Välj i listan.",
    }[column.kind]
    extra = column.help if column.help and column.kind not in (Kind.DIVISION, Kind.MONTH) else ""
    empty = "" if column.required else " Tom cell betyder ej rapporterat."
    return " ".join(part for part in (extra, base) if part) + empty


def scaffold_report(made: Scaffolded, period_dir: Path) -> list[str]:
    """What scaffold did, in Swedish: the files written and kept, what was carried, and what is left to fill in."""
    lines = [f"Skrev {path}" for path in made.written if path not in {c.path for c in made.carried} | set(made.drafts)]
    for carried in made.carried:
        months = f", {carried.first}–{carried.last}" if carried.first and carried.last else ""
        dropped = f"; {carried.dropped} rader före {carried.first} togs inte med" if carried.dropped else ""
        what = [f"{_rows(carried.rows)}{months}"] if carried.rows or not carried.emptied else []
        what += [f"{_rows(carried.emptied)} på blad utan månad, värdena tömda"] if carried.emptied else []
        lines.append(f"Förde över {carried.path} från {', '.join(carried.sources)}: {'; '.join(what)}{dropped}")
    for path in made.drafts:
        lines.append(f"Förde över {path} som utkast")
    lines += [f"Finns redan, orörd: {path}" for path in made.kept]
    lines += made.notes
    todo = [f"  {c.path.name}: " + ", ".join(
        ([f"{_rows(c.prepared)} för den nya månaden"] if c.prepared else []) + ([f"{_rows(c.emptied)} med tömda värden"] if c.emptied else [])
    ) for c in made.carried if c.to_fill]
    todo += [f"  {path.relative_to(period_dir).as_posix()}: skriv om eller bekräfta utkastet, ta sedan bort första raden" for path in made.drafts]
    todo += [f"  {CONFIG_FILE}: {field_}" for field_ in made.to_fill]
    todo += [f"  {fil}: ny fil för bilagan '{titel}' (förra periodens följer inte med); kontrollera titeln" for titel, fil in made.appendices]
    if todo:
        lines += ["", f"Att fylla i ({MARK_NAME} bakgrund i arbetsböckerna):", *todo]
    lines.append(f"Fyll i filerna och kontrollera dem med: reporter validate {period_dir}")
    return lines


def _rows(count: int) -> str:
    return f"{count} rad" if count == 1 else f"{count} rader"
