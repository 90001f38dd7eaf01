"""External programs under a deadline that never outlive the build, and the build's temporary folders.

:func:`run` starts a program (LibreOffice) through ``guard.py`` in a process
group of its own. The deadline starts with the program; its output is read in
a thread, so a program that keeps its output open never holds the deadline
off. However the run ends (done, deadline passed, Ctrl-C, SIGTERM, an error
here) the whole group is killed and gone before :func:`run` returns; if the
build itself is killed, the guard kills the group within a second.

Temporary folders are named ``reporter-<what>-<pid>-…``: a build removes its
own when it ends, and :func:`remove_stale_folders` removes those of builds
whose process no longer lives (killed with SIGKILL, the machine shut down).
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

GUARD = Path(__file__).with_name("guard.py")
START_FAILED = "reporter-guard: "  # as guard.py prints it
FOLDER_PREFIX = "reporter-"
FOLDER_KINDS = ("pdf", "verify")
GONE_SECONDS = 5  # how long a killed group may take to be gone


class DeadlinePassed(Exception):
    """The program was not done in time; it and its children have been stopped."""

    def __init__(self, output: str) -> None:
        super().__init__("deadline passed")
        self.output = output


class StartFailed(OSError):
    """The program could not be started (not executable, no interpreter for its script)."""


@dataclass(frozen=True)
class Finished:
    """A program that ended by itself: its exit code and what it printed."""

    code: int
    output: str


def run(command: list[str], seconds: float, on_line: Callable[[str], None] | None = None) -> Finished:
    """Run ``command`` for at most ``seconds``, telling ``on_line`` each line it prints (stdout and stderr).

    Raises :class:`DeadlinePassed` when time is up, :class:`StartFailed` when
    the program cannot start. The program and everything it started have ended
    when this returns or raises.
    """
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", str(GUARD), str(os.getpid()), *command],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        text=True, errors="replace",
    )
    deadline = time.monotonic() + seconds
    lines: list[str] = []
    said: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    assert process.stdout is not None
    reader = threading.Thread(target=_read, args=(process.stdout, said), daemon=True)
    reader.start()
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeadlinePassed("".join(lines))
            try:
                line = said.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                if process.poll() is not None:
                    _stop_group(process)  # the program ended but a child of it still holds its output open
                continue
            if line is None:
                break
            if line.startswith(START_FAILED):
                raise StartFailed(line.removeprefix(START_FAILED).strip())
            lines.append(line)
            if on_line is not None:
                on_line(line)
        process.wait(timeout=max(deadline - time.monotonic(), 0.01))
    except subprocess.TimeoutExpired:
        raise DeadlinePassed("".join(lines)) from None
    finally:
        _stop_group(process)
        reader.join(timeout=GONE_SECONDS)
        process.stdout.close()
    return Finished(process.returncode, "".join(lines))


def _read(stream, said: queue.SimpleQueue) -> None:
    try:
        for line in stream:
            said.put(line)
    except (OSError, ValueError):
        pass
    said.put(None)


def _stop_group(process: subprocess.Popen) -> None:
    """Kill the program's process group and wait until none of it is left."""
    if not hasattr(os, "killpg"):  # not POSIX: no process groups, the program alone
        process.kill()
        process.wait()
        return
    group = process.pid  # start_new_session: the guard leads its own group
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)
    process.wait()
    end = time.monotonic() + GONE_SECONDS
    while time.monotonic() < end and _group_runs(group):
        time.sleep(0.02)


def _group_runs(group: int) -> bool:
    """True while a process of the group still runs. A zombie (ended, not yet reaped by the system's init) does not:
    it holds no files and writes nothing."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 2 and int(fields[2]) == group and fields[0] not in ("Z", "X"):
            return True
    return False


@contextlib.contextmanager
def temporary_folder(kind: str) -> Iterator[Path]:
    """A temporary folder of this process (``reporter-<kind>-<pid>-…``), removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{kind}-{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_folders() -> list[Path]:
    """Remove the temporary folders of earlier builds whose process no longer lives; the folders removed."""
    removed = []
    try:
        entries = list(Path(tempfile.gettempdir()).iterdir())
    except OSError:
        return []
    for entry in entries:
        pid = _owner(entry.name)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        if not entry.exists():
            removed.append(entry)
    return removed


def _owner(name: str) -> int | None:
    """The pid in a temporary folder's name ``reporter-pdf-1234-abc``; None for any other name."""
    for kind in FOLDER_KINDS:
        prefix = f"{FOLDER_PREFIX}{kind}-"
        if name.startswith(prefix):
            pid = name.removeprefix(prefix).split("-", 1)[0]
            return int(pid) if pid.isdigit() else None
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
