"""The library's caches used from several threads at once, as the submission pages check uploads in parallel.

Each test forces the interleaving that broke the caches before they had a lock: one thread stops inside a cache's
look-up while another drops the entry it found.
"""

from __future__ import annotations

import gc
import shutil
import threading
from collections import OrderedDict
from pathlib import Path

import pytest
from web_periods import ROOT

from reporter import period_config, workbook
from reporter.workbook import Workbook

BOOK = ROOT / "inputs" / "2021-04" / "ekonomi.xlsx"


def _run(target, name: str, errors: list[BaseException]) -> threading.Thread:
    def guarded() -> None:
        try:
            target()
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    thread = threading.Thread(target=guarded, name=name)
    thread.start()
    return thread


def test_a_sheet_dropped_from_the_read_cache_while_another_thread_finds_it_is_still_given(monkeypatch):
    with Workbook(BOOK) as book:
        entry = book.find("Divisioner")
        assert entry is not None
        monkeypatch.setattr(workbook, "_READ", OrderedDict())
        first = book.table(entry)
        (key, kept), = workbook._READ.items()
        found, dropped = threading.Event(), threading.Event()

        class Pausing(OrderedDict):
            def get(self, wanted, default=None):
                value = super().get(wanted, default)
                if threading.current_thread().name == "läsare" and value is not None:
                    found.set()
                    dropped.wait(0.3)  # the other thread drops the entry here, unless a lock keeps it out
                return value

        monkeypatch.setattr(workbook, "_READ", Pausing([(key, kept)]))
        monkeypatch.setattr(workbook, "READ_KEPT_TOTAL", kept[1])  # keeping another sheet drops this one
        errors: list[BaseException] = []
        results: list[object] = []
        reader = _run(lambda: results.append(book.table(entry)), "läsare", errors)
        assert found.wait(5)
        other = workbook.Table.of("annan.xlsx", "blad", [(1, ["rubrik"]), (2, ["x"] * kept[1])])
        keeper = _run(lambda: (workbook._keep(("annan",), other), dropped.set()), "annan", errors)
        reader.join(5)
        keeper.join(5)
    assert not errors, errors
    assert results == [first]
    assert list(workbook._READ) == [("annan",)]


def test_the_collector_stays_paused_until_the_last_thread_reading_is_done():
    assert gc.isenabled()
    inside, leave_first, errors = threading.Barrier(2), threading.Event(), []
    first_left = threading.Event()

    def first() -> None:
        with workbook.gc_paused():
            inside.wait(5)
            leave_first.wait(5)
        first_left.set()

    def second() -> None:
        with workbook.gc_paused():
            inside.wait(5)
            leave_first.set()
            first_left.wait(5)
            assert not gc.isenabled(), "the collector came back while this thread was still reading"

    threads = [_run(first, "första", errors), _run(second, "andra", errors)]
    for thread in threads:
        thread.join(10)
    assert not errors, errors
    assert gc.isenabled()


def test_a_rapport_yaml_dropped_from_the_parse_cache_while_another_thread_finds_it_is_still_read(monkeypatch, tmp_path: Path):
    config = tmp_path / "2021-04" / "rapport.yaml"
    config.parent.mkdir()
    shutil.copyfile(ROOT / "inputs" / "2021-04" / "rapport.yaml", config)
    monkeypatch.setattr(period_config, "_PARSED", {})
    expected = period_config.load_config_partly(config.parent)[0]
    (key, kept), = period_config._PARSED.items()
    found, dropped = threading.Event(), threading.Event()

    class Pausing(dict):
        def _pause(self) -> None:
            if threading.current_thread().name == "läsare":
                found.set()
                dropped.wait(0.3)

        def __contains__(self, wanted) -> bool:
            present = super().__contains__(wanted)
            self._pause()
            return present

        def get(self, wanted, default=None):
            value = super().get(wanted, default)
            self._pause()
            return value

    monkeypatch.setattr(period_config, "_PARSED", Pausing({key: kept}))
    errors: list[BaseException] = []
    results: list[object] = []
    reader = _run(lambda: results.append(period_config.load_config_partly(config.parent)[0]), "läsare", errors)
    assert found.wait(5)
    others = []
    for number in range(33):  # as many other files as the cache keeps: the first one kept goes
        other = tmp_path / f"annan-{number}" / "rapport.yaml"
        other.parent.mkdir()
        other.write_text(config.read_text(encoding="utf-8") + f"\n# {number}\n", encoding="utf-8")
        others.append(other)

    def drop() -> None:
        for other in others:
            period_config.load_config_partly(other.parent)
        dropped.set()

    keeper = _run(drop, "annan", errors)
    reader.join(10)
    keeper.join(10)
    assert not errors, errors
    assert results == [expected]
    assert key not in dict(period_config._PARSED)


@pytest.fixture(autouse=True)
def _collector_on():
    yield
    gc.enable()


def test_the_web_layers_checks_run_side_by_side_and_no_longer_wait_for_one_lock(monkeypatch):
    """Two checks (two periods, or a page and an upload) at once: each waits here until the other has started."""
    from reporter.web import handin

    both = threading.Barrier(2, timeout=5)

    def check(folder: Path) -> str:
        both.wait()
        return folder.name

    monkeypatch.setattr(handin, "check", check)
    monkeypatch.setattr(handin, "_checks", threading.BoundedSemaphore(2))  # as on two processors
    errors: list[BaseException] = []
    results: list[object] = []
    threads = [_run(lambda name=name: results.append(handin.checked(Path(name))), name, errors) for name in ("2021-03", "2021-04")]
    for thread in threads:
        thread.join(10)
    assert not errors, errors
    assert sorted(results) == ["2021-03", "2021-04"]  # type: ignore[type-var]
