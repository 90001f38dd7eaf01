"""The web application's log: keys (as hashes), uploads, ready marks, deadlines, in SQLite.

One file under the inputs folder (``.reporter-web.sqlite3``), opened with WAL
and a busy timeout so that threads writing at once wait rather than fail. The
files handed in stay in the period folders, where ``build`` reads them; the
log only says who handed in what, when.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DB_NAME = ".reporter-web.sqlite3"
OFFICE = "kontoret"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS keys (
    hash TEXT PRIMARY KEY, role TEXT NOT NULL, period TEXT NOT NULL DEFAULT '', division TEXT NOT NULL DEFAULT '',
    nonce TEXT NOT NULL, created TEXT NOT NULL, revoked TEXT
);
CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT, period TEXT NOT NULL, division TEXT NOT NULL, file TEXT NOT NULL,
    time TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
    accepted INTEGER NOT NULL, version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ready (period TEXT NOT NULL, division TEXT NOT NULL, time TEXT NOT NULL, PRIMARY KEY (period, division));
CREATE TABLE IF NOT EXISTS deadlines (period TEXT PRIMARY KEY, deadline TEXT NOT NULL);
"""


def now() -> str:
    """The time now, UTC, to the second: how every time in the log is written."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class KeyRow:
    """What a key opens: the office, or one division's page for one period."""

    role: str  # OFFICE or "division"
    period: str
    division: str
    nonce: str


@dataclass(frozen=True)
class Upload:
    """One file handed in: kept as a version whether or not the period took it."""

    id: int
    period: str
    division: str
    file: str
    time: str
    sha256: str
    size: int
    errors: int
    warnings: int
    accepted: bool
    version: str


class Store:
    """The SQLite log; one connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        with closing(sqlite3.connect(self.path, timeout=30)) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=True)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=30000")
            db.execute("PRAGMA synchronous=FULL")
            self._local.db = db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # --- keys ------------------------------------------------------------------------------

    def add_key(self, digest: str, role: str, nonce: str, period: str = "", division: str = "") -> None:
        """Record a key's hash; any earlier key for the same role, period and division is revoked."""
        self.add_keys([(digest, role, nonce, period, division)])

    def add_keys(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        """Record several keys' hashes (digest, role, nonce, period, division) at once: one transaction, one write to disk."""
        with self._db() as db:
            for digest, role, nonce, period, division in rows:
                db.execute("UPDATE keys SET revoked = ? WHERE role = ? AND period = ? AND division = ? AND revoked IS NULL",
                           (now(), role, period, division))
                db.execute("INSERT INTO keys (hash, role, period, division, nonce, created) VALUES (?, ?, ?, ?, ?, ?)",
                           (digest, role, period, division, nonce, now()))

    def nonces(self, role: str, period: str) -> dict[str, str]:
        """The nonces of the live keys for this role and period, by division."""
        with self._db() as db:
            rows = db.execute("SELECT division, nonce FROM keys WHERE role = ? AND period = ? AND revoked IS NULL", (role, period)).fetchall()
        return dict(rows)

    def key(self, digest: str) -> KeyRow | None:
        """The live key with this hash, or None (unknown or revoked)."""
        with self._db() as db:
            row = db.execute("SELECT role, period, division, nonce FROM keys WHERE hash = ? AND revoked IS NULL", (digest,)).fetchone()
        return KeyRow(*row) if row else None

    def nonce(self, role: str, period: str = "", division: str = "") -> str | None:
        """The nonce of the live key for this role, period and division, or None when there is none."""
        with self._db() as db:
            row = db.execute("SELECT nonce FROM keys WHERE role = ? AND period = ? AND division = ? AND revoked IS NULL",
                             (role, period, division)).fetchone()
        return row[0] if row else None

    # --- uploads ---------------------------------------------------------------------------

    def add_upload(self, upload: Upload) -> int:
        """Log an upload; its id."""
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO uploads (period, division, file, time, sha256, size, errors, warnings, accepted, version) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (upload.period, upload.division, upload.file, upload.time, upload.sha256, upload.size, upload.errors, upload.warnings,
                 int(upload.accepted), upload.version),
            )
            db.execute("DELETE FROM ready WHERE period = ? AND division = ?", (upload.period, upload.division))
            return int(cursor.lastrowid or 0)

    def uploads(self, period: str, division: str | None = None) -> list[Upload]:
        """Every upload for the period (or one division's), oldest first."""
        query = "SELECT id, period, division, file, time, sha256, size, errors, warnings, accepted, version FROM uploads WHERE period = ?"
        args: tuple = (period,)
        if division is not None:
            query += " AND division = ?"
            args += (division,)
        with self._db() as db:
            rows = db.execute(query + " ORDER BY id", args).fetchall()
        return [Upload(id=row[0], period=row[1], division=row[2], file=row[3], time=row[4], sha256=row[5], size=row[6], errors=row[7],
                       warnings=row[8], accepted=bool(row[9]), version=row[10]) for row in rows]

    # --- ready marks and deadlines -----------------------------------------------------------

    def mark_ready(self, period: str, division: str) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO ready (period, division, time) VALUES (?, ?, ?)", (period, division, now()))

    def ready(self, period: str) -> dict[str, str]:
        """Division → when it marked the period ready (cleared by its next upload)."""
        with self._db() as db:
            return dict(db.execute("SELECT division, time FROM ready WHERE period = ?", (period,)).fetchall())

    def set_deadline(self, period: str, deadline: str) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO deadlines (period, deadline) VALUES (?, ?)", (period, deadline))

    def deadline(self, period: str) -> str:
        """The period's deadline (ÅÅÅÅ-MM-DD), or an empty string when none is set."""
        with self._db() as db:
            row = db.execute("SELECT deadline FROM deadlines WHERE period = ?", (period,)).fetchone()
        return row[0] if row else ""
