"""Charts: what the picture holds must be inside it (a legend below the axes is not cut off at the edge)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from reporter.charts import lines_chart, trend_chart
from reporter.figures.common import Trend
from reporter.model import Month

NAMES = ["Väntat högst 90 dagar till besök", "Väntat högst 90 dagar till operation/åtgärd", "Telefontillgänglighet primärvård",
         "Medicinsk bedömning inom tre dagar"]


def _months(first: Month, count: int) -> list[Month]:
    return [first.plus(i) for i in range(count)]


def _bottom_rows_are_blank(png: bytes, rows: int = 2) -> bool:
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    return all(image.getpixel((x, y)) > 250 for y in range(height - rows, height) for x in range(width))


@pytest.mark.parametrize("series", [1, 2, 3, 4])
@pytest.mark.parametrize("first, count", [(Month(2020, 3), 13), (Month(2019, 5), 16)], ids=["13-månader", "16-månader"])
def test_the_legend_of_a_lines_chart_is_inside_the_picture(series, first, count):
    """The interim report's accessibility chart (two series, May 2019–August 2020) had its legend cut in half."""
    months = _months(first, count)
    trends = [Trend(NAMES[i], months, [40.0 + i * 5 + j % 3 for j in range(count)], [None] * count) for i in range(series)]
    chart = lines_chart(trends, "Tillgänglighet", "procent")
    assert _bottom_rows_are_blank(chart.png)


def test_the_legend_of_a_trend_chart_is_inside_the_picture():
    months = _months(Month(2020, 9), 13)
    chart = trend_chart(Trend("Sjukfrånvaro", months, [6.0 + j / 10 for j in range(13)], [5.5 + j / 10 for j in range(13)]), "Sjukfrånvaro",
                        "procent av ordinarie arbetstid", 1)
    assert _bottom_rows_are_blank(chart.png)


def test_a_stopped_drawer_leaves_no_pool_thread_behind():
    """Stopped (Ctrl-C, SIGTERM), the chart process is killed and the pool's own thread has ended when close
    returns; left running, it races the interpreter's exit and Python prints a traceback after 'Avbrutet.'."""
    import threading
    from concurrent.futures import process

    from reporter.charts import Drawer

    drawer = Drawer()
    drawer._start()
    if drawer._pool is None:
        pytest.skip("no forked chart process on this machine")
    months = _months(Month(2020, 3), 13)
    drawer.submit("test", "personalrapport", Trend("x", months, [1.0] * 13, [1.0] * 13))  # work in flight
    drawer.close(stop=True)
    alive = [t for t in threading.enumerate() if isinstance(t, process._ExecutorManagerThread) and t.is_alive()]
    assert alive == []


WARM_UP = """
import sys
from reporter.charts import Drawer
drawer = Drawer()
if drawer._pool is None:
    print("ingen process")
else:
    drawer.close()  # waits for the warm-up: matplotlib imported in the chart process
    print("matplotlib" in sys.modules)
"""


@pytest.mark.slow  # a Python process of its own imports reporter and builds (0.8 s CPU)
def test_matplotlib_is_imported_by_the_chart_process_only():
    """The chart process imports matplotlib while the build reads its inputs. Its warm-up returned matplotlib's
    Figure class, and unpickling that result imported matplotlib in the build's process as well: 0.3 s of CPU
    and 40 MB in every build."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", WARM_UP], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() == "ingen process":
        pytest.skip("no forked chart process on this machine")
    assert done.stdout.strip() == "False"


def test_the_alt_text_says_per_month_once():
    months = _months(Month(2020, 9), 13)
    costs = trend_chart(Trend("Kostnader", months, [50.0] * 13, [49.0] * 13), "Verksamhetens kostnader per månad", "mnkr")
    assert costs.alt.startswith("Linjediagram: verksamhetens kostnader per månad i mnkr, ")
    sick = trend_chart(Trend("Sjukfrånvaro", months, [6.0] * 13, [5.0] * 13), "Sjukfrånvaro", "procent av ordinarie arbetstid", 1)
    assert sick.alt.startswith("Linjediagram: sjukfrånvaro per månad i procent av ordinarie arbetstid, ")


def _tick_labels(axes) -> list[str]:
    return [t.get_text().replace("\n", " ") for t in axes.get_xticklabels()]


def test_the_x_axis_spans_the_data_shown_and_no_more():
    """The interim report's accessibility chart ran January 2020–April 2021 while its data began in December 2020."""
    from reporter.charts import lines_figure, trend_figure

    months = _months(Month(2020, 1), 16)
    late = [None] * 11 + [70.0, 72.0, 74.0, 76.0, 78.0]
    figure, alt = lines_figure([Trend(NAMES[0], months, late, [None] * 16)], "Tillgänglighet", "procent")
    axes = figure.axes[0]
    assert axes.get_xlim() == (-0.5, 4.5)
    assert _tick_labels(axes) == ["dec 2020", "jan 2021", "feb", "mar", "apr"]
    assert "december 2020–april 2021" in alt and "januari 2020" not in alt
    figure, alt = trend_figure(Trend("Kostnader", months, [None] * 3 + [float(i) for i in range(13)], [None] * 16), "Kostnader", "mnkr")
    assert figure.axes[0].get_xlim() == (-0.5, 12.5) and _tick_labels(figure.axes[0])[0] == "apr 2020"


def test_the_legend_states_the_period_of_the_data():
    from reporter.charts import lines_figure, small_multiples_figure, trend_figure

    months = _months(Month(2020, 1), 16)
    values = [None] * 2 + [100.0 + i for i in range(14)]
    before = [None] * 5 + [90.0 + i for i in range(11)]
    figure, _ = trend_figure(Trend("x", months, values, before), "Anställda", "antal")
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["mars 2020–april 2021", "året innan, juni 2019–april 2020"]
    figure, _ = small_multiples_figure([Trend("Läkarbesök", months, values, before)], "Produktion")
    assert [t.get_text() for t in figure.legends[0].get_texts()] == legend
    figure, _ = lines_figure([Trend(NAMES[0], months, values, before)], "Tillgänglighet", "procent")
    assert figure.axes[0].get_legend().get_title().get_text() == "mars 2020–april 2021"


def test_bars_start_at_zero():
    from reporter.charts import bar_figure

    for values in ([120.0, 130.0, 125.0], [-80.0, -95.0], [40.0, -10.0]):
        figure, _ = bar_figure(["A", "B", "C"][: len(values)], values, "Avvikelse", "mnkr")
        low, high = figure.axes[0].get_xlim()
        assert low <= 0 <= high


def test_a_truncated_value_axis_is_marked():
    """Lines may zoom in on their data, but the reader is told: a break on the axis, a note above it and in the alt text."""
    from reporter.charts import TRUNCATED, trend_figure

    months = _months(Month(2020, 4), 13)
    figure, alt = trend_figure(Trend("x", months, [1500.0 - 10 * i for i in range(13)], [1490.0] * 13), "Operationer", "antal")
    assert figure.axes[0].get_ylim()[0] > 0
    assert TRUNCATED in alt.lower() and TRUNCATED in [t.get_text() for t in figure.axes[0].texts]
    figure, alt = trend_figure(Trend("x", months, [float(i) for i in range(13)], [0.0] * 13), "Avvikelse", "antal")
    assert figure.axes[0].get_ylim()[0] <= 0 and TRUNCATED not in alt.lower() and not figure.axes[0].texts
