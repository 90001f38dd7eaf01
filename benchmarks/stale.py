"""Benchmark: what comparing with the previous period costs ``reporter validate`` (issue 23 item 5).

    python benchmarks/stale.py                    # scales 1 and 10, 3 runs each
    python benchmarks/stale.py --scales 1 10 50 --runs 5

For each scale it writes the synthetic period of bench.py (the bundled period
with every division repeated) to ``out/bench/data/stale-N/2021-03`` and a copy
of it beside it as February (``2021-02``, its period moved, its texts and
appendix its own). March's introduction gets a number that is no figure of
March, so that the previous period is read and its figures computed: the
dearest case. ``check`` is timed in this process with the previous folder and
without it (renamed away), median of the runs. No test asserts a time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import BENCH, make_period  # noqa: E402

from reporter.pipeline import check  # noqa: E402


def prepare(scale: int) -> Path:
    """March of the given scale and February beside it; returns March's folder."""
    root = BENCH / "data" / f"stale-{scale}"
    march, february = root / "2021-03", root / "2021-02"
    if not march.exists():
        make_period(scale, march)
    if february.exists():
        shutil.rmtree(february)
    shutil.copytree(march, february)
    config = february / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("period: 2021-03", "period: 2021-02"), encoding="utf-8")
    for text in (february / "texter").iterdir():
        text.write_text("Februari.\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    (february / "bilagor" / "vardval.pdf").write_bytes(b"%PDF-1.4 februari\n")
    introduction = march / "texter" / "inledning.md"
    introduction.write_text(introduction.read_text(encoding="utf-8").split("\n\n§")[0] + "\n\n§ Fler än 54 321 länsinvånare.\n", encoding="utf-8")
    return march


def timed(period: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        checked = check(period)
        times.append(time.perf_counter() - start)
        assert not checked.errors, [str(p) for p in checked.errors]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'skala':>6} {'utan förra':>11} {'med förra':>10} {'skillnad':>9}")
    for scale in args.scales:
        march = prepare(scale)
        february = march.with_name("2021-02")
        check(march)  # imports and caches warm
        with_previous = timed(march, args.runs)
        hidden = february.with_name("gömd-2021-02")
        february.rename(hidden)
        try:
            without = timed(march, args.runs)
        finally:
            hidden.rename(february)
        print(f"{scale:>6} {without:>10.2f}s {with_previous:>9.2f}s {with_previous / without:>8.2f}×")


if __name__ == "__main__":
    main()
