"""Fixtures: the bundled example period, and a fresh copy of it to change."""

from __future__ import annotations

import functools
import gc
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "2021-03"
TEMPLATES = ROOT / "templates"


@pytest.fixture(scope="session", autouse=True)
def _matplotlib_imported() -> None:
    """A build draws its charts in a forked process; with matplotlib imported once in the process that runs
    the tests, each fork has it already (a build on its own imports it in that process, in parallel with
    reading). Imported here, not when conftest is read, so that xdist's controller, which runs no test,
    starts the workers without it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.figure  # noqa: F401


@pytest.fixture(autouse=True)
def _output_as_into_a_file(monkeypatch) -> None:
    """xdist's workers set COLUMNS=80, and ``reporter status`` folds its lines to COLUMNS: the tests read the output whole,
    as a file or pipe gets it (tests/test_faults.py sets COLUMNS where it checks the folding)."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def example_dir() -> Path:
    """The bundled example period, read only."""
    return EXAMPLE


def built_once(tmp_path_factory, name: str, make) -> Path:
    """``make(folder)`` run once in this test run, whichever process asks first; the path it returns is shared.

    With pytest-xdist every worker would otherwise build the same read-only package for its own
    module- and session-scoped fixtures. The workers share the run's base folder: the first takes a
    lock, builds into ``name/`` and writes down the path; the others wait for the lock and use it.
    """
    import fcntl

    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder, not the user's
    folder, done = root / f"delad-{name}", root / f"delad-{name}.klar"
    with open(root / f"delad-{name}.lås", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            done.write_text(str(make(folder)), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


@functools.cache
def bundled_checked(name: str):
    """``reporter.validate`` of a bundled period (its folder under inputs/), once per test process: read only (the same
    three periods are validated by several modules' tests that only look at the findings or the inputs)."""
    import reporter

    return reporter.validate(ROOT / "inputs" / name)


@pytest.fixture(scope="session")
def example_package(tmp_path_factory) -> Path:
    """The bundled example period built once per test run (the package folder): read only."""
    import reporter

    return built_once(tmp_path_factory, "exempelpaket", lambda folder: reporter.build(EXAMPLE, folder, TEMPLATES, workspace=ROOT).out_dir)


@pytest.fixture(scope="session")
def second_month_package(tmp_path_factory) -> Path:
    """The bundled second month (inputs/2021-04, March carried forward and filled) built once per test run: read only."""
    import reporter

    return built_once(tmp_path_factory, "andra-manaden", lambda folder: reporter.build(ROOT / "inputs" / "2021-04", folder, TEMPLATES, workspace=ROOT).out_dir)


@pytest.fixture(scope="session")
def bundled_packages(example_package, second_month_package, tmp_path_factory) -> list[Path]:
    """The four bundled packages, each built once per test run: two monthly reports, the tertial report, a division's interim report."""
    import reporter

    tertial = built_once(tmp_path_factory, "tertial", lambda folder: reporter.build(ROOT / "inputs" / "2020-09", folder, TEMPLATES).out_dir)
    name = "delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx"  # shared with tests/test_delarsrapport_document.py
    period = ROOT / "inputs" / "2021-04-ovriga-lanet"
    interim = built_once(tmp_path_factory, "delarsrapport", lambda folder: reporter.build(period, folder, TEMPLATES).out_dir / name)
    return [example_package, second_month_package, tertial, interim.parent]


@pytest.fixture(scope="session")
def example_pdf_package(tmp_path_factory) -> Path:
    """The bundled example built once per test run with ``--pdf`` by the command line (LibreOffice): the package
    folder, read only. What the command printed is beside it, in ``utskrift.txt``."""
    from click.testing import CliRunner

    from reporter.cli import main

    def make(folder: Path) -> Path:
        result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--out", str(folder), "--templates", str(TEMPLATES), "--pdf"])
        assert result.exit_code == 0, result.output
        (folder / "utskrift.txt").write_text(result.output, encoding="utf-8")
        return folder / EXAMPLE.name

    return built_once(tmp_path_factory, "exempel-pdf", make)


@pytest.fixture
def period(tmp_path: Path) -> Path:
    """A copy of the bundled example period that a test may change."""
    target = tmp_path / "2021-03"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The small period written from scratch (``periods.write_other_period``: two divisions, February 2022), a copy a test may change."""
    from periods import write_other_period

    folder = tmp_path / "2022-02"
    write_other_period(folder)
    return folder


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace folder with templates/ and an empty out/."""
    root = tmp_path / "arbetsyta"
    root.mkdir()
    shutil.copytree(TEMPLATES, root / "templates")
    return root


def pytest_collection_finish(session) -> None:
    """Python's cycle collector, tuned for a test process: what is imported and collected by now lives to the end of
    the run and is frozen (never scanned again), and a collection runs after 100 000 new objects, not 700. The tests
    make millions of short-lived objects (openpyxl's cells, python-docx's elements, the validated rows), and the
    collector's scans took about a tenth of the run's CPU. Forks (the chart process) inherit it; the processes that
    tests start with ``sys.executable`` (memory limits, kills) do not."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def pytest_collection_modifyitems(config, items):
    """The long tests first (in collection order otherwise), so that the workers finish together.

    LibreOffice tests run in CI (REPORTER_PDF_TESTS=1) or when asked for (-m libreoffice); a missing
    LibreOffice fails them there, and they are skipped elsewhere, so that the everyday run stays fast.
    The browser tests (REPORTER_BROWSER_TESTS=1, -m browser) and the slow ones (REPORTER_SLOW_TESTS=1,
    -m slow) likewise; CI sets all three."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: the same order in every worker
    markexpr = config.option.markexpr or ""
    browser = os.environ.get("REPORTER_BROWSER_TESTS") == "1" or bool(os.environ.get("CI")) or "browser" in markexpr
    if not browser:  # the browser tests (Playwright, the system's Chromium) likewise: CI, REPORTER_BROWSER_TESTS=1 or -m browser
        skip_browser = pytest.mark.skip(reason="kör Chromium: körs i CI (REPORTER_BROWSER_TESTS=1) eller med -m browser")
        for item in items:
            if item.get_closest_marker("browser") is not None:
                item.add_marker(skip_browser)
    slow = os.environ.get("REPORTER_SLOW_TESTS") == "1" or bool(os.environ.get("CI")) or "slow" in markexpr
    if not slow:  # the slow tests (kills at many moments, concurrency stress, large scale): CI, REPORTER_SLOW_TESTS=1 or -m slow
        skip_slow = pytest.mark.skip(reason="långsamt: körs i CI (REPORTER_SLOW_TESTS=1) eller med -m slow")
        for item in items:
            if item.get_closest_marker("slow") is not None:
                item.add_marker(skip_slow)
    wanted = os.environ.get("REPORTER_PDF_TESTS") == "1" or "libreoffice" in markexpr
    if wanted:
        return
    skip = pytest.mark.skip(reason="kör LibreOffice: körs i CI (REPORTER_PDF_TESTS=1) eller med -m libreoffice")
    for item in items:
        if item.get_closest_marker("libreoffice") is not None:  # the marker, not a test id that says libreoffice
            item.add_marker(skip)

