"""Builds started from the office's page: one at a time, each in a process of its own followed by a thread, their progress kept for the page."""

from __future__ import annotations

import io
import multiprocessing
import queue
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import build as build_period
from ..errors import Problem, ReporterError, error
from .store import now


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
        """Run the build in a process of its own (spawned: it shares no read cache or lock with the server's threads) and
        follow what it says."""
        options = {"strict": job.strict}  # "Bygg slutlig": build --strikt, every warning an error
        context = multiprocessing.get_context("spawn")
        messages = context.Queue()
        process = context.Process(target=build_in_process, args=(self.inputs / job.period, self.workspace, self.pdf, options, messages),
                                  name=f"reporter-bygg-{job.period}")
        process.start()
        try:
            while True:
                try:
                    message = messages.get(timeout=1)
                except queue.Empty:
                    if process.is_alive():
                        continue
                    job.problems = [error(f"bygget avbröts: byggprocessen slutade med kod {process.exitcode} utan att säga varför")]
                    job.lines.append("Bygget avbröts")
                    break
                if message[0] == "rad":
                    job.lines.append(message[1])
                    continue
                if message[0] == "klart":
                    _, files, out_dir, job.problems = message
                    job.files, job.out_dir = [Path(name) for name in files], Path(out_dir)
                    job.lines.append(f"Klart: {len(job.files)} filer")
                else:
                    job.problems = message[1]
                    job.lines.append("Bygget stoppades av fel")
                break
        finally:
            process.join(30)
            job.finished = now()


def build_in_process(period_dir: Path, workspace: Path, pdf: bool, options: dict, messages) -> None:
    """The build, in the build process: each progress line, then what it wrote or why it stopped, on ``messages``."""
    try:
        result = build_period(period_dir, workspace=workspace, pdf=pdf, progress=lambda line: messages.put(("rad", line)), **options)
        messages.put(("klart", [str(path) for path in result.files], str(result.out_dir), list(result.warnings)))
    except ReporterError as exc:
        messages.put(("fel", list(exc.problems)))
    except Exception as exc:  # noqa: BLE001 - the page says what happened; the server goes on
        messages.put(("fel", [error(f"bygget avbröts: {type(exc).__name__}: {exc}")]))


def package_zip(job: Build) -> bytes:
    """The package a build wrote, as one zip (its folder's name as the top folder)."""
    assert job.out_dir is not None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(job.files):
            if path.is_file():
                archive.write(path, f"{job.out_dir.name}/{path.relative_to(job.out_dir).as_posix()}")
    return buffer.getvalue()
