"""Held-out periods for the page checks (tests/test_pages.py): written by the example tools, never bundled.

- A monthly period, May 2021: tools/make_example_next_month.py carries inputs/2021-04 forward a month as it
  carries March to April, its values drawn from a generator seeded with the month (the Vårdval appendix made
  by LibreOffice).
- A tertial period, September 2020 with seven divisions: tools/make_bench_tertial.py repeats the bundled
  tertial example's divisions (Närsjukvård Luleå-Boden 2 is bilaga 7, so the production and personnel
  appendices are bilaga 8 and 9).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from reporter.model import Month

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
MONTHLY = Month(2021, 5)
TERTIAL_DIVISIONS = 7


def _tool(name: str) -> ModuleType:
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))  # the tools import each other by name
    return importlib.import_module(name)


def write_monthly(folder: Path) -> Path:
    """The held-out monthly period in ``folder``; its path."""
    period = folder / str(MONTHLY)
    _tool("make_example_next_month").main(period, ROOT / "inputs" / "2021-04", MONTHLY)
    return period


def write_tertial(folder: Path) -> Path:
    """The held-out tertial period in ``folder``; its path."""
    period = folder / "2020-09"
    _tool("make_bench_tertial").make_tertial(TERTIAL_DIVISIONS, period)
    return period
