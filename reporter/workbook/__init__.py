"""Excel workbooks in and out: the only package that imports python-calamine and openpyxl.

Reading gives each wanted sheet as a :class:`Table` of values exactly as the
author saw them, whatever program wrote the file (Excel, LibreOffice,
Gnumeric, pandas, SheetJS …): :mod:`.parts` reads the package and its small
parts, :mod:`.exact` reads a sheet by the standard, and :mod:`.fast` hands a
sheet to python-calamine where that is known to give the same values.
Nothing here interprets a value for the report; that is validation's work.
Writing (openpyxl, :mod:`.write`) makes a workbook from plain rows.
"""

from __future__ import annotations

import gc
import hashlib
import io
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReporterError, error
from ..text_normal import normal_name
from ..values import name_key
from .exact import read_exact
from .fast import calamine_may_read, quiet_native_errors, read_fast
from .formats import NumberFormat, classify
from .parts import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    SheetEntry,
    WorkbookParts,
    open_archive,
    read_part,
    read_workbook_parts,
    shared_strings,
    table_totals_rows,
)
from .table import Cell, ExcelError, FormulaWithoutValue, Table, Unreadable, column_letter, split_coordinate
from .write import LIST_ROWS, SheetOut, write_sheets, write_workbook

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

__all__ = [
    "Cell", "ExcelError", "FormulaWithoutValue", "LIST_ROWS", "MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS",
    "NumberFormat", "SheetOut", "Table", "Unreadable", "Workbook", "classify", "column_letter",
    "open_archive", "read_tables", "split_coordinate", "write_sheets", "write_workbook",
]


class Workbook:
    """An .xlsx file opened for reading: its sheets, read one at a time.

    Opening checks the file (what it is, its limits) and reads its small
    parts; :meth:`table` reads one sheet when asked, so that only one sheet's
    cells are in memory at a time.
    """

    def __init__(self, path: Path, label: str | None = None, exact: bool = False) -> None:
        """Open ``path``; ``label`` names it in messages; ``exact`` never uses calamine (for tests)."""
        self.label = label or path.name
        self._data, self._archive = open_archive(path, self.label)
        self._parts: WorkbookParts = read_workbook_parts(self._archive, self.label)
        self._exact = exact
        self._strings: list[str] | None = None
        self._book: CalamineWorkbook | None = None
        self._book_failed = False
        self._digest: bytes | None = None

    @property
    def sheets(self) -> list[SheetEntry]:
        """The worksheets in workbook order."""
        return self._parts.sheets

    def find(self, name: str) -> SheetEntry | None:
        """The sheet with this name, case and spacing ignored."""
        key = name_key(name)
        return next((s for s in self._parts.sheets if name_key(s.name) == key), None)

    def table(self, entry: SheetEntry) -> Table:
        """Read one sheet; ReporterError (located) when it cannot be read.

        Whatever a native reader raises on its way down (python-calamine's
        PanicException is a BaseException) becomes an error naming the file
        and the sheet here, at the library's edge.
        """
        key = self._read_key(entry)
        known = _kept(key)
        if known is not None:
            return known
        try:
            with gc_paused():  # a sheet is a million small objects and no cycles: the collector has nothing to find
                table = self._table(entry)
            table.totals_rows = table_totals_rows(self._archive, entry.part, self.label)
            table.sheet = normal_name(table.sheet)  # named in messages in NFC, as every name read
        except ReporterError:
            raise
        except (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError):
            raise
        except BaseException as exc:  # noqa: BLE001 - the library's edge: a located error, never a traceback
            raise ReporterError(
                error(f"bladet kan inte läsas ({type(exc).__name__}: {exc}); spara arbetsboken igen från Excel", file=self.label, sheet=entry.name)
            ) from None
        _keep(key, table)
        return table

    def _read_key(self, entry: SheetEntry) -> tuple:
        """What a sheet's table is read from: the file's bytes (by digest), the sheet, and how it is named and read."""
        if self._digest is None:
            self._digest = hashlib.blake2b(self._data, digest_size=20).digest()
        return (self._digest, entry.part, entry.name, entry.hidden, self.label, self._exact)

    def _table(self, entry: SheetEntry) -> Table:
        xml = read_part(self._archive, entry.part, self.label)
        if not xml:
            raise ReporterError(error(f"bladet saknar sitt innehåll ({entry.part}); spara arbetsboken igen från Excel", file=self.label, sheet=entry.name))
        if not self._exact and calamine_may_read(xml, self._parts.styles):
            book = self._calamine()
            if book is not None:
                part = [xml]
                del xml  # read_fast drops it once its checks are made
                table = read_fast(book, entry, part, self._parts.styles, self.label)
                if table is not None:
                    return table
                xml = read_part(self._archive, entry.part, self.label)
        if self._strings is None:
            self._strings = shared_strings(self._archive, self._parts.shared_strings_part, self.label)
        return read_exact(xml, self._parts.styles, self._strings, self._parts.date1904, self.label, entry.name, entry.hidden)

    def _calamine(self):
        """The calamine workbook, opened once; None when calamine cannot open the file."""
        if self._book is None and not self._book_failed:
            from python_calamine import CalamineWorkbook

            try:
                with quiet_native_errors():
                    self._book = CalamineWorkbook.from_filelike(io.BytesIO(self._data))
            except BaseException as exc:  # noqa: BLE001 - calamine's panics are BaseExceptions
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                self._book_failed = True
        return self._book

    def close(self) -> None:
        """Let go of the file's data."""
        if self._book is not None:
            self._book.close()
            self._book = None
        self._archive.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Small sheets read in this process, by what they were read from: reading the same bytes again (``verify``
# after ``build``, a test suite, a server) gives the same table, unchanged, without reading it again. A
# large sheet is not kept, so that a large period's cells are let go once validation has made its records.
# The bound is on cells, about 110 bytes each, not on sheets: a tertial period reads some 70 small sheets
# (43 000 cells), and a bound of 64 sheets, read in the same order each time, dropped every sheet just
# before it was asked for again.
READ_KEPT_CELLS = 20_000  # one sheet at most
READ_KEPT_TOTAL = 250_000  # all kept sheets together: about 28 MB
# Safe for threads (the submission pages check in several): one lock around the bookkeeping, never held while a
# sheet is read; two threads reading the same sheet at once both read it, and the second keeps its table.
_READ: OrderedDict[tuple, tuple[Table, int]] = OrderedDict()  # the table and its number of cells
_READ_LOCK = threading.Lock()


def _kept(key: tuple) -> Table | None:
    """A kept sheet's table, now the most recently read; None when it is not kept."""
    with _READ_LOCK:
        known = _READ.get(key)
        if known is None:
            return None
        _READ.move_to_end(key)
        return known[0]


def _keep(key: tuple, table: Table) -> None:
    """Keep a small sheet's table; the least recently read go first once the cells kept pass the bound."""
    cells = sum(len(values) for _, values in table.rows)
    if cells > READ_KEPT_CELLS:
        return
    with _READ_LOCK:
        _READ[key] = (table, cells)
        total = sum(kept for _, kept in _READ.values())
        while total > READ_KEPT_TOTAL:
            _, (_, kept) = _READ.popitem(last=False)
            total -= kept


_gc_lock = threading.Lock()
_gc_pausing = 0  # threads inside gc_paused
_gc_was_enabled = False


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while many acyclic objects are made (as when reading a sheet); with several
    threads reading, the collector comes back when the last of them is done, as it was before the first."""
    global _gc_pausing, _gc_was_enabled
    with _gc_lock:
        if _gc_pausing == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausing += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pausing -= 1
            if _gc_pausing == 0 and _gc_was_enabled:
                gc.enable()


class Sheets(Mapping[str, Table]):
    """The wanted sheets of one workbook, by wanted name, each read when it is looked up.

    Validation looks each sheet up once and drops it when its records are
    made, so a period's workbooks never sit in memory all at once.
    """

    def __init__(self, workbook: Workbook, wanted: Iterable[str]) -> None:
        self.workbook = workbook
        self._entries: dict[str, SheetEntry] = {}
        for name in wanted:
            entry = workbook.find(name)
            if entry is not None and entry not in self._entries.values():
                self._entries[name] = entry

    def __getitem__(self, name: str) -> Table:
        return self.workbook.table(self._entries[name])

    def __contains__(self, name: object) -> bool:
        return name in self._entries  # without reading the sheet, as Mapping's own would

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def read_tables(path: Path, sheet_names: Iterable[str], label: str | None = None, exact: bool = False) -> dict[str, Table]:
    """Read the named sheets of a workbook (names matched loosely) into tables, all at once.

    Returns a mapping from the wanted sheet name to its table; sheets the
    workbook does not have are left out.
    """
    with Workbook(path, label, exact) as workbook:
        sheets = Sheets(workbook, sheet_names)
        return {name: sheets[name] for name in sheets}


def sheet_parts(path: Path) -> dict[str, str]:
    """Sheet name → the zip member holding its XML (``xl/worksheets/sheet1.xml``)."""
    with zipfile.ZipFile(path) as archive:
        return {entry.name: entry.part for entry in read_workbook_parts(archive, path.name).sheets}
