"""Runs one external program for a build and ends it, with all its children, when the build ends.

Started by :mod:`reporter.processes` as ``python guard.py BUILD_PID PROGRAM ARG…``
in a process group of its own, so that one signal to the group reaches the
program and every process it starts (LibreOffice's soffice starts
soffice.bin). The guard asks the system for SIGTERM when the build dies
(Linux's PR_SET_PDEATHSIG), checks at once that the build is still its parent
(it may have died before the request), and looks again every half second where
the system has no such request. Either way it then kills the whole group,
itself included: nothing the build started outlives it by more than a second.

A script, not a module of the package: it imports nothing of reporter, so it
starts in a few hundredths of a second.
"""

import os
import signal
import subprocess
import sys

START_FAILED = "reporter-guard: "  # the first words of the line it prints when the program cannot start
POLL_SECONDS = 0.5


def _stop(*_args) -> None:
    os.killpg(0, signal.SIGKILL)  # the guard, the program and all its children


def main() -> None:
    parent = int(sys.argv[1])
    signal.signal(signal.SIGTERM, _stop)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the loop below looks for the parent instead
    if os.getppid() != parent:
        _stop()  # the build died before the request was made
    try:
        child = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL)
    except OSError as exc:
        print(f"{START_FAILED}{exc.strerror or exc}", flush=True)
        sys.exit(127)
    while True:
        try:
            code = child.wait(timeout=POLL_SECONDS)
        except subprocess.TimeoutExpired:
            if os.getppid() != parent:
                _stop()
            continue
        sys.exit(code if code >= 0 else 128 - code)


if __name__ == "__main__":
    main()
