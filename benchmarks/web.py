"""Timing the submission pages (issue 28): from an upload's end to its findings on the page, and the office's page at 60+ divisions.

Run from the repository root: ``.venv/bin/python benchmarks/web.py``. Works in temporary folders; writes nothing
beside the bundled periods. Targets: the findings within 1 s for a workbook of the bundled example's size on two
cores; the office's page under 200 ms with 60 divisions.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from bench import make_period  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from web_periods import DIVISION, web_inputs  # noqa: E402

from reporter.web import create_app  # noqa: E402

PERIOD = "2021-04"


def _token(client: TestClient, url: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(url).text)
    assert found
    return found.group(1)


def upload_seconds(runs: int) -> dict[str, list[float]]:
    """Seconds per upload (the request whole: received, kept as a version, checked with the period, the page rendered)."""
    times: dict[str, list[float]] = {"utan fel": [], "med ett fel": []}
    with tempfile.TemporaryDirectory() as temp:
        inputs = web_inputs(Path(temp))
        app = create_app(inputs)
        client = TestClient(app)
        key = app.state.web.keys.division(PERIOD, DIVISION)
        token = _token(client, f"/{key}/")  # the period checked once, as the page's first view does
        for what, sheet_name, cell in (("personal", "Anställda", "E2"), ("ekonomi", "Divisioner", "B2")):
            for run in range(runs):
                book = openpyxl.load_workbook(inputs / PERIOD / f"{what}-service.xlsx")
                wrong = run % 2 == 1
                if wrong:
                    book[sheet_name][cell] = "ungefär"
                path = Path(temp) / f"{what}-{run}.xlsx"
                book.save(path)
                data = path.read_bytes()
                start = time.perf_counter()
                response = client.post(f"/{key}/lamna/{what}", data={"csrf": token}, files={"fil": (path.name, data)})
                elapsed = time.perf_counter() - start
                assert response.status_code == (422 if wrong else 200), response.text[-500:]
                times["med ett fel" if wrong else "utan fel"].append(elapsed)
                print(f"  {what}-service.xlsx ({len(data) // 1024} kB){' med ett fel' if wrong else ''}: {elapsed * 1000:.0f} ms", flush=True)
        whole = (ROOT / "inputs" / PERIOD / "personal.xlsx").read_bytes()  # the bundled example's whole workbook, every division's rows
        for _ in range(max(1, runs // 2)):
            start = time.perf_counter()
            response = client.post(f"/{key}/lamna/personal", data={"csrf": token}, files={"fil": ("personal.xlsx", whole)})
            elapsed = time.perf_counter() - start
            assert response.status_code == 422
            times.setdefault("exemplets hela personal.xlsx (allas rader: tusentals fynd)", []).append(elapsed)
            print(f"  exemplets personal.xlsx ({len(whole) // 1024} kB) som Service-fil: {elapsed * 1000:.0f} ms", flush=True)
    return times


def office_seconds(scale: int, runs: int) -> tuple[int, float, float, list[float]]:
    """(divisions, the first view in seconds (the files on disk, the period checked in the background), the background check
    in seconds, later views in seconds (the check's findings))."""
    with tempfile.TemporaryDirectory() as temp:
        inputs = Path(temp) / "inputs"
        make_period(scale, inputs / "2021-03")
        app = create_app(inputs)
        client = TestClient(app)
        key = app.state.web.keys.office()
        start = time.perf_counter()
        page = client.get(f"/{key}/period/2021-03")
        first = time.perf_counter() - start
        assert "Perioden kontrolleras nu" in page.text
        divisions = page.text.count('class="lank"')
        while app.state.web.periods.checking("2021-03"):
            time.sleep(0.01)
        checked = time.perf_counter() - start
        later = []
        for _ in range(runs):
            start = time.perf_counter()
            page = client.get(f"/{key}/period/2021-03")
            later.append(time.perf_counter() - start)
            assert page.status_code == 200 and "Perioden kontrolleras nu" not in page.text
    return divisions, first, checked, later


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--scale", type=int, default=8, help="the bundled period's 8 divisions repeated this many times (8: 64 divisions)")
    args = parser.parse_args()
    print("Inlämning: från uppladdningens slut till fynden på sidan")
    uploads = upload_seconds(args.runs)
    for what, times in uploads.items():
        print(f"  {what}: median {statistics.median(times) * 1000:.0f} ms, högst {max(times) * 1000:.0f} ms ({len(times)} st)")
    divisions, first, checked, later = office_seconds(args.scale, args.runs * 2)
    print(f"Kontorets sida, {divisions} divisioner: första visningen {first * 1000:.0f} ms (filerna som de ligger; perioden kontrolleras "
          f"i bakgrunden, klar efter {checked * 1000:.0f} ms), sedan median {statistics.median(later) * 1000:.0f} ms, "
          f"högst {max(later) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
