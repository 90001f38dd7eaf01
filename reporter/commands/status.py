"""reporter status: what has come in for a period: division × workbook kind, texts, buildable.

Built from the findings of :func:`reporter.pipeline.check`, so that status and
validate can never disagree. No I/O beyond listing the period folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..bilagor import bilagor
from ..config import interim_folder
from ..errors import Problem
from ..inputs import TEXT_DIR, find_workbooks
from ..kinds import ANALYSIS_TEXTS, MONTHLY, delarsrapport, report_declaration, required_sheets
from ..kinds.manadsrapport import INTERIM_TEXT
from ..pipeline import Checked, check
from ..schema import WORKBOOK_KINDS
from ..values import slugify

REGION = "Hela regionen"
SUBMITTED, MISSING, INVALID, NOT_APPLICABLE = "inskickad", "saknas", "ogiltig", "–"
NO_ROWS = "inga rader"  # a division without rows of a kind: allowed (not every division produces care), said, not an error

# Sheets whose rows are the region's own, and sheets whose every row is a division's.
REGION_SHEETS = {kind.name: {s.name for s in kind.sheets if not s.per_division} for kind in WORKBOOK_KINDS}
DIVISION_SHEETS = {kind.name: {s.name for s in kind.sheets if s.per_division} for kind in WORKBOOK_KINDS}


@dataclass(frozen=True)
class Submission:
    """One division's (or the region's) workbooks of one kind."""

    state: str
    files: tuple[str, ...] = ()
    errors: int = 0

    def __str__(self) -> str:
        if self.state == INVALID:
            return f"ogiltig ({self.errors} fel)"
        if self.state == SUBMITTED:
            return ", ".join(self.files)
        return self.state


@dataclass(frozen=True)
class InterimStatus:
    """A division's interim report in a tertial period: its appendix, folder, state and the texts not yet written."""

    nummer: int
    division: str
    folder: str  # from the period folder; the external file for one made elsewhere
    state: str  # inskickad (giltig), ogiltig (N fel), saknas, extern
    errors: int = 0
    texts_missing: tuple[str, ...] = ()
    period: str = ""

    def __str__(self) -> str:
        if self.state == INVALID:
            return f"ogiltig ({self.errors} fel)"
        return self.state


VALID, EXTERNAL = "giltig", "gjord separat"


@dataclass
class Status:
    """The state of a period folder, for the director's office."""

    period_dir: Path
    period: str
    kinds: list[str]
    rows: list[tuple[str, dict[str, Submission]]]
    texts: dict[str, str]  # file name → finns / saknas / ej ifylld (texts of the main report)
    other_files: list[tuple[str, int]] = field(default_factory=list)  # files no division owns, with errors
    unknown: list[tuple[str, str, int]] = field(default_factory=list)  # (division as written, file, errors)
    errors: int = 0
    warnings: int = 0
    analyses: dict[str, str] = field(default_factory=dict)  # optional analysis texts: file name → finns / tom / saknas
    left_out: dict[str, int] = field(default_factory=dict)  # a division report: other divisions' rows per sheet
    interim: list[InterimStatus] = field(default_factory=list)  # a tertial report: each division's interim report
    obstacles: list[tuple[str, list[Problem]]] = field(default_factory=list)  # what stands in the way: errors by division, else by file

    @property
    def missing(self) -> list[tuple[str, str]]:
        """(division, kind) where a workbook kind the report needs is missing altogether."""
        return [(owner, kind) for owner, cells in self.rows for kind, cell in cells.items() if cell.state == MISSING]

    @property
    def without_rows(self) -> list[tuple[str, str]]:
        """(division, kind) where a division has no rows: built without them, and said so."""
        return [(owner, kind) for owner, cells in self.rows for kind, cell in cells.items() if cell.state == NO_ROWS]

    @property
    def buildable(self) -> bool:
        """True when the period can be built: no error, nothing missing."""
        return self.errors == 0 and not self.missing


def status(checked: Checked) -> Status:
    """The submission table of a checked period folder."""
    config = checked.config
    paths, _ = find_workbooks(checked.period_dir) if checked.period_dir.is_dir() else ({}, [])
    own = config.division_namn if config is not None and config.is_division_report else None
    divisions = [own] if own else [d.namn for d in config.organisation.divisioner] if config else []
    needed = set(required_sheets(config)) if config else set(MONTHLY.sheets)
    errors = checked.errors

    owners: dict[tuple[str, str], set[str]] = {}
    if checked.inputs is not None:
        for workbook in WORKBOOK_KINDS:
            for sheet in workbook.sheets:
                for record in checked.inputs.detalj.get(sheet.target, getattr(checked.inputs, sheet.target)):
                    owner = getattr(record, "division", None) or REGION
                    owners.setdefault((owner, workbook.name), set()).add(record.source.file)
    # Every file of a kind: the workbooks read, and files named like one that could not be.
    kind_of = {path.name: kind for kind, files in paths.items() for path in files}
    for problem in errors:
        name = problem.where.file
        kind = next((k.name for k in WORKBOOK_KINDS if name.casefold().startswith(k.name)), None)
        if kind and "/" not in name and name not in kind_of:
            kind_of[name] = kind
    for name, kind in kind_of.items():  # a per-division file, named by the scaffold: ekonomi-<slug>.xlsx
        stem = name.rsplit(".", 1)[0].casefold()
        for division in divisions:
            if stem.endswith("-" + slugify(division, "")):
                owners.setdefault((division, kind), set()).add(name)

    kinds = [k.name for k in WORKBOOK_KINDS if k.name in needed or any(kind == k.name for _, kind in owners)]
    missing_kinds = {k for k in kinds if not any(kind == k for _, kind in owners) and k not in kind_of.values()}
    rows = []
    for owner in [*divisions] + ([] if own else [REGION]):
        cells = {}
        for kind in kinds:
            if (owner == REGION and not REGION_SHEETS[kind]) or (owner != REGION and not DIVISION_SHEETS[kind]):
                cells[kind] = Submission(NOT_APPLICABLE)
                continue
            files = owners.get((owner, kind), set())
            count = sum(1 for p in errors if kind_of.get(p.where.file) == kind and _concerns(p, owner, files, kind))
            if count:
                cells[kind] = Submission(INVALID, tuple(sorted(files)), count)
            elif files:
                cells[kind] = Submission(SUBMITTED, tuple(sorted(files)))
            elif owner == REGION:
                cells[kind] = Submission(MISSING)
            else:
                cells[kind] = Submission(NO_ROWS if kind not in missing_kinds else MISSING)
        rows.append((owner, cells))

    owned = {f for files in owners.values() for f in files}
    other = [(name, sum(1 for p in errors if p.where.file == name)) for name in sorted(kind_of) if name not in owned]
    known = set(divisions)
    unknown: dict[tuple[str, str], int] = {}
    for problem in errors:
        if problem.division and problem.division not in known:
            key = (problem.division, problem.where.file)
            unknown[key] = unknown.get(key, 0) + 1
    texts, analyses = report_texts(config)
    return Status(
        checked.period_dir,
        str(config.period) if config else checked.period_dir.name,
        kinds,
        rows,
        _texts(checked, texts),
        other,
        [(name, file, count) for (name, file), count in unknown.items()],
        len(errors),
        len(checked.warnings),
        _texts(checked, analyses),
        dict(checked.inputs.utelamnade) if checked.inputs is not None else {},
        _interim(checked),
        obstacles(errors, divisions),
    )


def report_texts(config) -> tuple[dict[str, str], dict[str, str]]:
    """The report's texts (key → file name) and its optional analysis texts, as the table lists them."""
    declared = report_declaration(config) if config else MONTHLY
    texts, analyses = dict(declared.texts), {}
    if declared.appendices:
        texts = {key: name for key, name in texts.items() if key not in ANALYSIS_TEXTS}
        analyses = dict(ANALYSIS_TEXTS)
        if config is None or not config.interim_reports:
            texts.pop(INTERIM_TEXT)  # the section of a tertial report only
    return texts, analyses


def obstacles(errors: list[Problem], divisions: list[str]) -> list[tuple[str, list[Problem]]]:
    """The errors grouped by whose they are: a division (its rows, in the order of rapport.yaml), else the file, else the period."""
    groups: dict[str, list[Problem]] = {}
    for problem in errors:
        owner = problem.division or problem.where.file or "Perioden"
        groups.setdefault(owner, []).append(problem)
    order = {name: number for number, name in enumerate(divisions)}
    return sorted(groups.items(), key=lambda group: order.get(group[0], len(order)))


def _wanted(interim, key: str) -> bool:
    """Whether an interim report needs this text: produktion.md only from a division with care production."""
    return key != "produktion" or bool(interim.inputs.produktion or interim.inputs.tillganglighet)


def _interim(checked: Checked) -> list[InterimStatus]:
    """Each division folder of a tertial period: submitted and valid, invalid (its errors), missing; texts not written."""
    config = checked.config
    if config is None or not config.interim_reports:
        return []
    read = {interim.division: interim for interim in checked.inputs.delarsrapporter} if checked.inputs is not None else {}
    items = {number: item for number, item in enumerate(config.bilagor, 1)}
    result = []
    for bilaga in bilagor(config):
        if not bilaga.delarsrapport or bilaga.division is None:
            continue
        if bilaga.slag == "extern":
            result.append(InterimStatus(bilaga.nummer, bilaga.division, bilaga.fil or "", EXTERNAL))
            continue
        folder = interim_folder(config, items[bilaga.nummer])  # type: ignore[arg-type]
        errors = [p for p in checked.errors if p.where.file.startswith(folder + "/") or p.where.file == folder
                  or (p.where.key.startswith(f"bilagor[{bilaga.nummer}]") and not p.where.file.startswith(folder))]
        interim = read.get(bilaga.division)
        missing = tuple(name for key, name in delarsrapport.TEXTS.items() if interim is None or (interim.texts.get(key) is None and _wanted(interim, key)))
        period = str(interim.config.period) if interim else ""
        if interim is None and not (checked.period_dir / folder).is_dir():
            result.append(InterimStatus(bilaga.nummer, bilaga.division, folder, MISSING, len(errors)))
        elif errors:
            result.append(InterimStatus(bilaga.nummer, bilaga.division, folder, INVALID, len(errors), missing, period))
        else:
            result.append(InterimStatus(bilaga.nummer, bilaga.division, folder, VALID, 0, missing, period))
    return result


def _concerns(problem: Problem, owner: str, files: set[str], kind: str) -> bool:
    """Whether an error in a workbook of this kind belongs to this row of the table."""
    if problem.division:
        return problem.division == owner
    sheet = problem.where.sheet
    if owner == REGION:
        return sheet in REGION_SHEETS[kind]
    # A file-wide error (unreadable, a missing column) counts for the divisions in that file.
    return problem.where.file in files and sheet not in REGION_SHEETS[kind]


def _texts(checked: Checked, files: dict[str, str]) -> dict[str, str]:
    unfilled = {p.where.file for p in checked.errors if p.where.file.startswith(f"{TEXT_DIR}/")}
    result = {}
    for key, filename in files.items():
        label = f"{TEXT_DIR}/{filename}"
        if label in unfilled:
            result[filename] = "ej ifylld"
        elif checked.texts.get(key) is None:
            result[filename] = "saknas"
        elif not checked.texts.get(key):
            result[filename] = "tom"
        else:
            result[filename] = "finns"
    return result


def folder_status(period_dir: Path) -> Status:
    """What has come in for a period folder: division × workbook kind, texts, buildable (``reporter status``)."""
    return status(check(period_dir))
