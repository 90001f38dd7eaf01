"""Handing in files: versions kept, each candidate checked with the period's other files, the period's file replaced atomically.

Everything here calls the library (``check``, ``status``, ``scaffold``,
``build``) the way the command line does; nothing below the web layer knows
of it. A candidate file is checked in an overlay of the period folder (links
to every file, the candidate in its place, the period folders beside it
linked too so that the previous period is found), so its findings are exactly
``validate``'s for the period as it would be.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..causes import plural
from ..commands.scaffold import division_book
from ..commands.status import REGION, Status, status
from ..config import CONFIG_FILE, Rapport, interim_folder
from ..errors import Problem, ReporterError, error
from ..inputs import TEXT_DIR, file_sha256
from ..kinds import INTERIM as INTERIM_REPORT
from ..kinds import report_declaration
from ..kinds.manadsrapport import INTERIM_TEXT
from ..period_config import load_config_partly
from ..periods import previous_period_dir
from ..pipeline import Checked, check
from ..schema import WORKBOOK_KINDS
from ..values import slugify
from ..workbook import Workbook
from .sections import division_names, own_headings, rebuilt
from .store import Store, Upload, now

SECTIONED = ("verksamheten", INTERIM_TEXT)  # a monthly period's texts with a ## section per division (delarsrapporter.md: a tertial report's)
STATE_DIR = ".reporter-web"  # versions and temporary files, beside the period folders
MAX_UPLOAD = 20 * 1024 * 1024
CHUNK = 1 << 16

# The library's caches are safe for threads, so checks run side by side: the office's page, a division's page and the
# uploads to other periods. A period's lock is held from a candidate's check to its replacing the period's file: two
# uploads to one period are checked one after the other, each with the other's file as it was taken. At most as many
# checks at once as there are processors (each holds a period's tables in memory).
_checks = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
_period_locks: dict[str, threading.Lock] = {}
_locks_lock = threading.Lock()


def period_lock(period: str) -> threading.Lock:
    """The lock held while a period's file is checked and replaced."""
    with _locks_lock:
        return _period_locks.setdefault(period, threading.Lock())


def open_periods(inputs: Path) -> list[str]:
    """The period folders (with rapport.yaml) under the inputs folder, newest last."""
    return sorted(p.name for p in inputs.iterdir() if not p.name.startswith(".") and (p / CONFIG_FILE).is_file())


def divisions(period_dir: Path) -> list[str]:
    """The period's divisions by name, in report order (none when rapport.yaml cannot be read)."""
    config, _ = load_config_partly(period_dir)
    if config is None:
        return []
    if config.is_division_report:
        return [config.division_namn] if config.division_namn else []
    return [d.namn for d in config.organisation.divisioner]


@dataclass(frozen=True)
class Expected:
    """A file a division hands in: a workbook (its kind) or a text (its key), and its path in the period folder."""

    kind: str
    file: str
    text: bool = False
    section: bool = False  # a text split by division headings: the division writes its own ## section only
    folder: str = ""  # a file of the division's interim report in a tertial period: that report's folder
    required: bool = True  # False: a workbook of sheets the report reads when they are there (an interim report's produktion)

    @property
    def name(self) -> str:
        """The file's name in its folder: a workbook's kind is read from it."""
        return self.file.rsplit("/", 1)[-1]


INTERIM = "delarsrapport-"  # the prefix of an interim report's files' kinds on a tertial period's page (its ekonomi beside the month's)


def expected(config: Rapport | None, division: str) -> list[Expected]:
    """The division's files: in a monthly report its workbooks named as ``scaffold --division`` names them
    (``ekonomi-<division>.xlsx``) and its section of the shared texts; in a tertial report also its interim report's
    folder (``delarsrapporter/<division>/``: workbooks and texts); in its own interim report (``rapport: delarsrapport``)
    the folder's workbooks and texts."""
    if config is not None and config.is_division_report:
        if division != config.division_namn:
            return []
        return interim_files("")
    books = [Expected(kind.name, division_book(kind.name, division)) for kind in WORKBOOK_KINDS
             if any(sheet.per_division for sheet in kind.sheets)]
    texts = report_declaration(config).texts if config is not None else {}
    sections = [Expected(key, f"{TEXT_DIR}/{texts[key]}", text=True, section=True) for key in SECTIONED
                if key in texts and (key != INTERIM_TEXT or (config is not None and config.interim_reports))]
    return books + sections + interim_part(config, division)


def interim_files(folder: str) -> list[Expected]:
    """An interim report's workbooks and texts; ``folder`` its folder in a tertial period ("" when it is the period)."""
    read = set(INTERIM_REPORT.sheets) | set(INTERIM_REPORT.optional_sheets)
    prefix = f"{folder}/" if folder else ""
    kind = INTERIM if folder else ""
    books = [Expected(kind + book.name, f"{prefix}{book.name}.xlsx", folder=folder, required=book.name in INTERIM_REPORT.sheets)
             for book in WORKBOOK_KINDS if book.name in read]
    return books + [Expected(kind + key, f"{prefix}{TEXT_DIR}/{name}", text=True, folder=folder)
                    for key, name in INTERIM_REPORT.texts.items()]


def interim_part(config: Rapport | None, division: str) -> list[Expected]:
    """In a tertial period, the files of the division's interim report in its folder (none without one)."""
    if config is None:
        return []
    item = next((item for item in config.interim_reports if (found := config.organisation.division(item.delarsrapport)) is not None
                 and found.namn == division), None)
    if item is None:
        return []
    return interim_files(interim_folder(config, item))


def concerns(problem: Problem, file: str, division: str) -> bool:
    """Whether a finding belongs to this division's file: located in it, naming it, or (a workbook) in one of its rows in the
    same folder (an interim report's rows are not the month's)."""
    if problem.where.file == file or any(other.file == file for other in problem.also):
        return True
    return file.endswith(".xlsx") and problem.division == division and problem.where.file.rpartition("/")[0] == file.rpartition("/")[0]


def write_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` so that ``target`` is always the old file or the whole new one (temp, fsync, rename)."""
    fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            shutil.copyfileobj(handle, out, CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    directory = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def overlay(inputs: Path, period: str, replacements: dict[str, Path]) -> Iterator[Path]:
    """A period folder as it would be with ``replacements`` (path in the folder → file) in place: hard links to its files, the
    period folders beside it linked (the previous period is found there)."""
    root = Path(tempfile.mkdtemp(prefix="overlay-", dir=state_dir(inputs) / "tmp"))
    try:
        for sibling in inputs.iterdir():
            if sibling.name != period and not sibling.name.startswith("."):
                (root / sibling.name).symlink_to(sibling.resolve())
        _mirror(inputs / period, root / period, {tuple(name.split("/")): path for name, path in replacements.items()})
        yield root / period
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _mirror(source: Path, target: Path, replacements: dict[tuple[str, ...], Path]) -> None:
    """``source`` again at ``target``: folders made, files hard-linked (a snapshot: a file replaced meanwhile keeps its old
    content here), a link as a link (the library refuses links that leave the folder, here as there)."""
    target.mkdir()
    for entry in source.iterdir() if source.is_dir() else []:
        if (entry.name,) in replacements or any(parts[0] == entry.name and len(parts) > 1 for parts in replacements):
            continue
        _place(entry, target / entry.name)
    for parts, path in replacements.items():
        if len(parts) == 1:
            _place(path, target / parts[0], follow=True)
    for head in {parts[0] for parts in replacements if len(parts) > 1}:
        _mirror(source / head, target / head, {parts[1:]: path for parts, path in replacements.items() if len(parts) > 1 and parts[0] == head})


def _place(entry: Path, target: Path, follow: bool = False) -> None:
    if entry.is_symlink() and not follow:
        target.symlink_to(os.readlink(entry))
    elif entry.is_dir():
        _mirror(entry, target, {})
    else:
        try:
            os.link(entry, target)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(entry, target)


def state_dir(inputs: Path) -> Path:
    folder = inputs / STATE_DIR
    (folder / "tmp").mkdir(parents=True, exist_ok=True)
    return folder


def checked(period_dir: Path) -> Checked:
    """``validate``'s findings for a period folder."""
    with _checks:
        return check(period_dir)


@dataclass
class Outcome:
    """What an upload came to: its version, whether the period took it, and its findings."""

    upload: Upload
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class Periods:
    """The period folders under one inputs folder, with the log."""

    def __init__(self, inputs: Path, store: Store) -> None:
        self.inputs = inputs
        self.store = store
        self._status: dict[str, tuple[tuple, Checked, Status]] = {}
        self._status_lock = threading.Lock()
        self._checking: set[str] = set()  # periods being checked in the background

    def dir(self, period: str) -> Path:
        return self.inputs / period

    def versions_dir(self, period: str, division: str) -> Path:
        folder = state_dir(self.inputs) / "versions" / period / slugify(division, "division")
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def status(self, period: str) -> tuple[Checked, Status]:
        """The period's findings and submission table, checked again only when a file in the folder, or in the previous
        period's folder (the checks for stale content read it), changed."""
        fingerprint = self._fingerprint(period)
        known = self._known(period, fingerprint)
        if known is not None:
            return known
        result = checked(self.dir(period))
        table = status(result)
        with self._status_lock:
            self._status[period] = (fingerprint, result, table)
        return result, table

    def fresh(self, period: str) -> tuple[Checked, Status] | None:
        """The period's last check while no file has changed since; None when it must be checked (again)."""
        return self._known(period, self._fingerprint(period))

    def check_soon(self, period: str) -> None:
        """Check the period in a thread of its own, unless it is being checked: a page shows what it has meanwhile."""
        with self._status_lock:
            if period in self._checking:
                return
            self._checking.add(period)

        def run() -> None:
            try:
                self.status(period)
            finally:
                with self._status_lock:
                    self._checking.discard(period)

        threading.Thread(target=run, name=f"kontroll-{period}", daemon=True).start()

    def checking(self, period: str) -> bool:
        """Whether the period is being checked in the background."""
        with self._status_lock:
            return period in self._checking

    def _fingerprint(self, period: str) -> tuple:
        return _fingerprint(self.dir(period)), _fingerprint(self.previous_dir(period))

    def _known(self, period: str, fingerprint: tuple) -> tuple[Checked, Status] | None:
        with self._status_lock:
            known = self._status.get(period)
        return (known[1], known[2]) if known is not None and known[0] == fingerprint else None

    def previous_dir(self, period: str) -> Path | None:
        """The folder of the period before this one, as the checks find it (none when rapport.yaml cannot be read)."""
        config, _ = load_config_partly(self.dir(period))
        return previous_period_dir(self.dir(period), config.period) if config is not None else None

    def hand_in(self, period: str, division: str, file: str, received: Path) -> Outcome:
        """Keep ``received`` as a version of the division's ``file``, check it with the period's other files, and put it in
        the period folder when it could be read and has no errors."""
        version = self._keep(period, division, file, received)
        with period_lock(period):
            return self._take(period, division, file, version, self._findings(period, division, file, version))

    def hand_in_section(self, period: str, division: str, file: str, written: str) -> tuple[Outcome, int]:
        """Replace the division's ``##`` section of the text ``file`` by ``written``, the other sections as they are in the
        period's text at this moment; checked as a whole, with the findings in the section's lines (and those of the whole
        text) the division's. Also the line of the file where the section's text starts."""
        names = division_names(load_config_partly(self.dir(period))[0], division)
        with period_lock(period):  # no other save between reading the text and replacing it
            current = self.dir(period) / file
            text = current.read_text(encoding="utf-8") if current.is_file() else ""
            whole, lines = rebuilt(text, names, division, written)
            with tempfile.NamedTemporaryFile(dir=state_dir(self.inputs) / "tmp", suffix=".md") as received:
                received.write(whole.encode("utf-8"))
                received.flush()
                version = self._keep(period, division, file, Path(received.name))
            problems = [p for p in self._findings(period, division, file, version) if line_of(p) is None or line_of(p) in lines]
            problems += own_headings(written, file, lines.start)
            return self._take(period, division, file, version, problems), lines.start

    def _keep(self, period: str, division: str, file: str, received: Path) -> Path:
        """``received`` kept as a version of the division's ``file``."""
        sha = file_sha256(received)
        version = self.versions_dir(period, division) / f"{now().replace(' ', 'T').replace(':', '')}-{sha[:12]}-{file.replace('/', '-')}"
        write_atomically(received, version)
        return version

    def _take(self, period: str, division: str, file: str, version: Path, problems: list[Problem]) -> Outcome:
        """The version put in the period folder when it has no errors, and logged (the period's lock held)."""
        size = version.stat().st_size
        sha = file_sha256(version)
        errors = sum(1 for p in problems if p.is_error)
        accepted = errors == 0
        if accepted:
            (self.dir(period) / file).parent.mkdir(parents=True, exist_ok=True)
            write_atomically(version, self.dir(period) / file)
        upload = Upload(0, period, division, file, now(), sha, size, errors, len(problems) - errors, accepted,
                        version.relative_to(self.inputs).as_posix())
        upload_id = self.store.add_upload(upload)
        return Outcome(replace(upload, id=upload_id), problems)

    def _findings(self, period: str, division: str, file: str, candidate: Path) -> list[Problem]:
        if file.endswith(".xlsx"):
            try:
                with _checks:
                    book = Workbook(candidate, label=file)  # the bounded reader: what the file is, zip bombs, entities
            except ReporterError as exc:
                return list(exc.problems) or [error("filen kan inte läsas", file=file)]
            name = file.rsplit("/", 1)[-1]  # an interim report's workbook is in its folder
            kind = next(k for k in WORKBOOK_KINDS if name.startswith(k.name))
            wanted = [sheet.name for sheet in kind.sheets if sheet.per_division or name == f"{kind.name}.xlsx"]
            if not any(book.find(name) for name in wanted):
                return [error(f"filen har inget av arbetsbokens blad ({', '.join(wanted)}): är det rätt fil? "
                              "Hämta arbetsboken på sidan, fyll i den och lämna in den", file=file)]
        with overlay(self.inputs, period, {file: candidate}) as folder:
            result = checked(folder)
        own = any(file == division_book(kind.name, division) for kind in WORKBOOK_KINDS)  # a division's file in a monthly period: its rows only
        return [p for p in result.problems if concerns(p, file, division)] + (others_rows(result, file, division) if own else [])


def others_rows(result: Checked, file: str, division: str) -> list[Problem]:
    """An error when a division's file holds rows of another division or of the region: a division hands in its own figures only."""
    if result.inputs is None:
        return []
    others: Counter[str] = Counter()
    for kind in WORKBOOK_KINDS:
        for sheet in kind.sheets:
            for record in result.inputs.detalj.get(sheet.target, getattr(result.inputs, sheet.target, [])):
                owner = getattr(record, "division", None) or REGION
                if record.source.file == file and owner != division:
                    others[owner] += 1
    if not others:
        return []
    listed = ", ".join(f"{owner} ({plural(count, 'rad', 'rader')})" for owner, count in others.items())
    return [error(f"filen har rader för andra än {division}: {listed}; lämna bara {division}s egna rader här", file=file)]


def line_of(problem: Problem) -> int | None:
    """The line a finding in a text names (``rad 12``), if any."""
    match = re.fullmatch(r"rad (\d+)", problem.where.cell)
    return int(match.group(1)) if match else None


def _fingerprint(folder: Path | None) -> tuple:
    """Every file of a period folder with its size and time: a change anywhere means checking again."""
    entries: list[tuple[str, int, int]] = []
    if folder is None:
        return ()
    for path in sorted(folder.rglob("*")):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)
