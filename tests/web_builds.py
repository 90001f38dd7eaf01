"""A stand-in for a build in the build process (tests/test_web_builds.py): it starts a child, as a build starts LibreOffice,
says both process ids, and waits long."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def slow_build(period_dir: Path, workspace: Path, pdf: bool, options: dict, messages) -> None:
    child = subprocess.Popen(["sleep", "300"])  # as LibreOffice, started by the build
    messages.put(("rad", f"pid {os.getpid()} {child.pid}"))
    time.sleep(300)
