"""Builds started from the office's page: one at a time, each in a process of its own followed by a thread, their progress kept for the page.

A build's process never outlives the server that started it. It leads a process group of its own (with the
LibreOffice it starts for PDFs), which the server stops when it stops (SIGTERM, SIGINT: ``Builds.stop`` from the
application's shutdown). When the server is killed without a word, the build process sees it: the kernel sends it
SIGTERM when its parent dies (Linux, prctl PR_SET_PDEATHSIG), and elsewhere a thread of its own notices that its
parent is gone. Either way it stops its whole group. The build writes its package in a staging folder and puts it in
place at the end, so a stopped build leaves the last good package as it was.
"""

from __future__ import annotations

import ctypes
import io
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
import zipfile
from collections.abc import Callable
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

    def __init__(self, inputs: Path, workspace: Path, pdf: bool = False, target: Callable | None = None) -> None:
        self.inputs = inputs
        self.workspace = workspace
        self.pdf = pdf
        self.target = target or build_in_process  # what the build process runs (tests: something slow and harmless)
        self._lock = threading.Lock()
        self._running: Build | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
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
        process = context.Process(target=in_own_group, args=(os.getpid(), self.target, self.inputs / job.period, self.workspace, self.pdf, options,
                                                             messages), name=f"reporter-bygg-{job.period}")
        process.start()
        self._process = process
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


    def stop(self) -> None:
        """Stop the running build's process and everything it started (the server stops); nothing when none runs."""
        process = self._process
        if process is None or process.pid is None or not process.is_alive():
            return
        for sent in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(process.pid, sent)  # the build's group: the process and the LibreOffice it started
            except (ProcessLookupError, PermissionError):  # not yet a group of its own: the process alone
                process.kill() if sent == signal.SIGKILL else process.terminate()
            process.join(5)
            if not process.is_alive():
                return


PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 0.5


def in_own_group(parent: int, target: Callable, *args) -> None:
    """The build process: a process group of its own, stopped whole when it is told to or when ``parent`` (the server) is gone."""
    os.setpgid(0, 0)
    signal.signal(signal.SIGTERM, _stop_group)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)  # the kernel says when the parent dies
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), name="förälder", daemon=True).start()  # elsewhere, or if prctl failed
    target(*args)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os.killpg(0, signal.SIGTERM)  # the group, this process too: its main thread stops it (_stop_group)
    time.sleep(2)
    os.killpg(0, signal.SIGKILL)  # unless the main thread is stuck where no signal reaches it


def _stop_group(*_: object) -> None:
    """On SIGTERM: stop this build's process group, what it started and then itself."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.killpg(0, signal.SIGTERM)


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
