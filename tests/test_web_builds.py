"""A build started from the office's page never outlives the server: stopped with it, or when the server is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from web_builds import slow_build

from reporter.web.builds import Builds

TESTS = Path(__file__).resolve().parent


def _gone(pid: int) -> bool:
    """The process has ended (a zombie waiting for a parent that does not reap it counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in {"Z", "X"}


def _wait_gone(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not all(_gone(pid) for pid in pids):
        time.sleep(0.05)
    return [pid for pid in pids if not _gone(pid)]


def _pids(job, seconds: float = 30) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        said = [line for line in job.lines if line.startswith("pid ")]
        if said:
            return [int(part) for part in said[0].split()[1:]]
        time.sleep(0.05)
    raise AssertionError(f"the build process said nothing: {job.lines}")


@pytest.mark.slow  # a build process started (a Python interpreter importing the library): about 1 s
def test_the_server_stopping_stops_the_build_and_what_it_started(tmp_path: Path):
    builds = Builds(tmp_path / "inputs", tmp_path, target=slow_build)
    job = builds.start("2021-04", strict=False)
    assert job is not None
    pids = _pids(job)
    assert not any(_gone(pid) for pid in pids)  # running
    builds.stop()
    assert _wait_gone(pids) == []
    for _ in range(200):
        if not job.running:
            break
        time.sleep(0.05)
    assert job.lines[-1] == "Bygget avbröts"


SERVER = """
import sys, time
from pathlib import Path
sys.path.insert(0, {tests!r})
from web_builds import slow_build
from reporter.web.builds import Builds
builds = Builds(Path({inputs!r}), Path({workspace!r}), target=slow_build)
job = builds.start("2021-04", strict=False)
while not any(line.startswith("pid ") for line in job.lines):
    time.sleep(0.05)
print(next(line for line in job.lines if line.startswith("pid ")), flush=True)
time.sleep(300)
"""


@pytest.mark.slow  # two Python processes started: about 2 s
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_build_stops_when_the_server_that_started_it_is_killed(tmp_path: Path, how: signal.Signals):
    """Killed without a word (SIGKILL), or stopped while it has no shutdown of its own (SIGTERM to a bare process)."""
    code = SERVER.format(tests=str(TESTS), inputs=str(tmp_path / "inputs"), workspace=str(tmp_path))
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()  # type: ignore[union-attr]
        pids = [int(part) for part in line.split()[1:]]
        assert len(pids) == 2 and not any(_gone(pid) for pid in pids), line
        os.kill(server.pid, how)
        server.wait(10)
        assert _wait_gone(pids) == []
    finally:
        server.kill()
        server.wait()


@pytest.mark.slow  # a build process started: about 1 s
def test_the_application_stopping_stops_the_build_it_started(tmp_path: Path):
    """uvicorn stops on SIGTERM or SIGINT by ending the application: its shutdown stops the running build."""
    import re
    import shutil

    from starlette.testclient import TestClient
    from web_periods import ROOT

    from reporter.web import create_app

    inputs = tmp_path / "inputs"
    (inputs / "2021-04").mkdir(parents=True)
    shutil.copyfile(ROOT / "inputs" / "2021-04" / "rapport.yaml", inputs / "2021-04" / "rapport.yaml")
    app = create_app(inputs)
    app.state.web.builds.target = slow_build
    key = app.state.web.keys.office()
    with TestClient(app) as client:  # the application's startup and, at the end of the block, its shutdown
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(f"/{key}/period/2021-04").text)
        assert token
        assert client.post(f"/{key}/period/2021-04/bygg", data={"csrf": token.group(1), "slutlig": "0"}, follow_redirects=False).status_code == 303
        pids = _pids(app.state.web.builds.latest["2021-04"])
        assert not any(_gone(pid) for pid in pids)
    assert _wait_gone(pids) == []
