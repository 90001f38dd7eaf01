"""Builds started from the office's page: one at a time, in a background thread, their progress kept for the page."""

from __future__ import annotations

import inspect
import io
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import build as build_period
from ..errors import Problem, ReporterError, error
from .store import now

STRICT_SUPPORTED = "strict" in inspect.signature(build_period).parameters  # the completeness gate's --strikt, when the library has it


@dataclass
class Build:
    """One build: what it said while running, and what it wrote or why it stopped."""

    period: str
    strict: bool
    started: str
    lines: list[str] = field(default_factory=list)
    finished: str = ""
    files: list[Path] = field(default_factory=list)
    out_dir: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return not self.finished

    @property
    def ok(self) -> bool:
        return bool(self.finished) and not any(p.is_error for p in self.problems)


class Builds:
    """The office's builds: at most one running; the latest of each period kept for its page."""

    def __init__(self, inputs: Path, workspace: Path, pdf: bool = False) -> None:
        self.inputs = inputs
        self.workspace = workspace
        self.pdf = pdf
        self._lock = threading.Lock()
        self._running: Build | None = None
        self.latest: dict[str, Build] = {}

    def start(self, period: str, strict: bool) -> Build | None:
        """Start a build of the period; None when one is already running (any period)."""
        with self._lock:
            if self._running is not None and self._running.running:
                return None
            job = Build(period, strict, now(), ["Bygget har startat" + (" (slutlig: inget får saknas)" if strict else "")])
            self._running = self.latest[period] = job
        threading.Thread(target=self._run, args=(job,), name=f"bygg-{period}", daemon=True).start()
        return job

    @property
    def running(self) -> Build | None:
        job = self._running
        return job if job is not None and job.running else None

    def _run(self, job: Build) -> None:
        options: dict = {"strict": True} if job.strict and STRICT_SUPPORTED else {}
        try:
            result = build_period(self.inputs / job.period, workspace=self.workspace, pdf=self.pdf, progress=job.lines.append, **options)
            job.files, job.out_dir, job.problems = list(result.files), result.out_dir, list(result.warnings)
            job.lines.append(f"Klart: {len(job.files)} filer")
        except ReporterError as exc:
            job.problems = list(exc.problems)
            job.lines.append("Bygget stoppades av fel")
        except Exception as exc:  # noqa: BLE001 - the page says what happened; the server goes on
            job.problems = [error(f"bygget avbröts: {type(exc).__name__}: {exc}")]
            job.lines.append("Bygget avbröts")
        job.finished = now()


def package_zip(job: Build) -> bytes:
    """The package a build wrote, as one zip (its folder's name as the top folder)."""
    assert job.out_dir is not None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(job.files):
            if path.is_file():
                archive.write(path, f"{job.out_dir.name}/{path.relative_to(job.out_dir).as_posix()}")
    return buffer.getvalue()
