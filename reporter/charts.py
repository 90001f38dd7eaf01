"""Charts for the appendices: figures → PNG bytes and alt text. The only matplotlib importer.

One palette, dark against light with different line styles and markers, so a
chart reads in grayscale print. Swedish month names and numbers. The same
data always gives the same PNG bytes: no timestamps, no software tag, fixed
size and resolution, matplotlib's own defaults rather than a user's settings.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .figures.common import Trend
from .formatting import MONTH_ABBREVIATIONS, manad_ar, tal
from .model import Month

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# (colour, line style, marker): distinct in lightness and in shape.
PALETTE = (
    ("#1F3A5F", "-", "o"),
    ("#C0702A", "--", "s"),
    ("#5E8C31", "-.", "^"),
    ("#8C8C8C", ":", "D"),
    ("#7A4E9C", (0, (5, 1, 1, 1)), "v"),
)
LAST_YEAR = ("#9DB0C8", "--", None)
WIDTH_CM, HEIGHT_CM, DPI = 16.0, 7.0, 150
CHART_SECONDS = 60  # how long a document's charts may take in the chart process before it is stopped


@dataclass(frozen=True)
class Chart:
    """A finished chart: the PNG, the text that says what it shows, its width in the document."""

    png: bytes
    alt: str
    width_cm: float = WIDTH_CM


@lru_cache(maxsize=1)
def _figure_class():
    """matplotlib's Figure, set up once per process: matplotlib's defaults, our style.

    pyplot is never imported: a Figure drawn on the Agg canvas needs neither
    a GUI backend nor pyplot's figure manager, and importing pyplot costs more
    than drawing a chart.
    """
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcdefaults()  # never a user's matplotlibrc: the same bytes everywhere
    matplotlib.rcParams.update({
        "font.family": "DejaVu Sans",
        "font.size": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": "#555555",
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "legend.frameon": False,
    })
    return Figure


def _new_figure(width_cm: float, height_cm: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = _figure_class()(figsize=(width_cm / 2.54, height_cm / 2.54))
    FigureCanvasAgg(figure)
    return figure


def _fit(figure, left_chars: int, bottom_in: float, top_in: float = 0.32, right_in: float = 0.15) -> None:
    """Fixed margins, in inches, from the length of the longest tick label.

    Cheaper than ``tight_layout``, which draws the whole figure once more to
    measure it: at 8 pt, a character of DejaVu Sans is about 0.07 inch wide.
    """
    width, height = figure.get_size_inches()
    left = 0.12 + 0.07 * left_chars
    figure.subplots_adjust(left=left / width, right=1 - right_in / width, bottom=bottom_in / height, top=1 - top_in / height)


def _inches_below_edge(figure, artist, margin_in: float = 0.03) -> float:
    """How far, in inches, ``artist`` reaches below the figure's bottom edge less a small margin (0 or less: it fits)."""
    box = artist.get_window_extent(figure.canvas.get_renderer())
    return margin_in - box.y0 / figure.dpi


def _monthly(title: str) -> str:
    """What a monthly chart shows, for its alt text: ``sjukfrånvaro per månad``; a title that says
    ``per månad`` already keeps it once (``verksamhetens kostnader per månad``)."""
    subject = title.lower()
    return subject if subject.endswith("per månad") else f"{subject} per månad"


def _widest(values, decimals: int) -> int:
    """Characters in the widest number an axis will show for these values (with a minus sign)."""
    numbers = [abs(v) for v in values if v is not None] or [0]
    return len(tal(max(numbers) * 1.15, decimals)) + 1


def _month_labels(months: list[Month]) -> list[str]:
    """``mar`` under each tick, with the year under the first and where the year changes."""
    labels, year = [], None
    for month in months:
        name = MONTH_ABBREVIATIONS[month.month - 1]
        labels.append(f"{name}\n{month.year}" if month.year != year else name)
        year = month.year
    return labels


def _number_axis(axis, decimals: int) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.yaxis.set_major_formatter(FuncFormatter(lambda value, _: tal(value, decimals)))


def _save(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _plot(axes, x, values, style, label) -> None:
    colour, line, marker = style
    points = [(i, v) for i, v in zip(x, values, strict=False) if v is not None]
    if points:
        xs, ys = zip(*points, strict=False)
        axes.plot(xs, ys, color=colour, linestyle=line, marker=marker, markersize=3.5, linewidth=1.8, label=label)


def _data_range(series: list[list[float | None]]) -> tuple[int, int] | None:
    """The first and last index at which any of the series holds a value; None when none does."""
    filled = [i for values in series for i, v in enumerate(values) if v is not None]
    return (min(filled), max(filled)) if filled else None


def _trimmed(trend: Trend, both: bool = True) -> Trend:
    """The trend's months from the first to the last that has a value (in either series when ``both``):
    the x-axis spans the data shown and no more."""
    found = _data_range([trend.varden, trend.foregaende_ar] if both else [trend.varden])
    if found is None:
        return trend
    first, last = found[0], found[1] + 1
    return Trend(trend.namn, trend.manader[first:last], trend.varden[first:last], trend.foregaende_ar[first:last])


def _data_span(months: list[Month], values: list[float | None], year_before: bool = False) -> str:
    """``mars 2020–mars 2021``: the months of the data (not of the report's window); ``year_before``: a year earlier."""
    shown = [m.year_before if year_before else m for m, v in zip(months, values, strict=False) if v is not None]
    return _span(shown)


def _last_year_label(trend: Trend) -> str:
    return f"året innan, {_data_span(trend.manader, trend.foregaende_ar, year_before=True)}"


def _month_axis(axes, x: list[int], labels: list[str], every: int = 1) -> None:
    """Month ticks, and an x-axis from the first to the last month shown (half a step either side)."""
    axes.set_xticks(x[::every], labels)
    if x:
        axes.set_xlim(x[0] - 0.5, x[-1] + 0.5)


TRUNCATED = "y-axeln börjar inte på noll"


def _mark_truncated(axes, note: bool = True) -> bool:
    """Mark a value axis that does not reach zero: a break on the axis and (``note``) a note above it. True when marked."""
    low, high = axes.get_ylim()
    if low <= 0 <= high:
        return False
    style = {"transform": axes.transAxes, "clip_on": False, "color": "#555555", "linewidth": 0.9}
    end = 0.0 if low > 0 else 1.0  # the end of the axis where zero would be
    for offset in (0.025, 0.055):
        y = abs(end - offset)
        axes.plot([-0.012, 0.012], [y - 0.015, y + 0.015], **style)
    if note:
        axes.text(1.0, 1.02, TRUNCATED, transform=axes.transAxes, ha="right", va="bottom", fontsize=6.5, style="italic", color="#555555")
    return True


def _truncated_note(marked: bool) -> str:
    return f" {TRUNCATED.capitalize()}." if marked else ""


def trend_figure(trend: Trend, title: str, unit: str, decimals: int = 0, scale: float = 1):
    """The figure of :func:`trend_chart` and its alt text (tests look at the axes)."""
    trend = _trimmed(Trend(trend.namn, trend.manader, _scaled(trend.varden, scale), _scaled(trend.foregaende_ar, scale)))
    figure = _new_figure(WIDTH_CM, HEIGHT_CM)
    axes = figure.subplots()
    x = list(range(len(trend.manader)))
    _plot(axes, x, trend.varden, PALETTE[0], _data_span(trend.manader, trend.varden))
    _plot(axes, x, trend.foregaende_ar, LAST_YEAR, _last_year_label(trend))
    _month_axis(axes, x, _month_labels(trend.manader))
    axes.set_title(f"{title}, {unit}", loc="left", fontsize=9, fontweight="bold")
    _number_axis(axes, decimals)
    marked = _mark_truncated(axes)
    axes.legend(loc="lower left", ncols=2, fontsize=7.5, bbox_to_anchor=(0, -0.38))
    _fit(figure, _widest(trend.varden + trend.foregaende_ar, decimals), bottom_in=0.78)
    last, before = trend.varden[-1], trend.foregaende_ar[-1]
    alt = (
        f"Linjediagram: {_monthly(title)} i {unit}, {_data_span(trend.manader, trend.varden)}, jämfört med samma månader året innan. "
        f"{manad_ar(trend.manader[-1]).capitalize()}: {tal(last, decimals)}; {manad_ar(trend.manader[-1].year_before)}: {tal(before, decimals)}."
        + _truncated_note(marked)
    )
    return figure, alt


def trend_chart(trend: Trend, title: str, unit: str, decimals: int = 0, scale: float = 1) -> Chart:
    """A line chart of the last 13 months against the same months a year earlier.

    ``scale`` divides every value, e.g. 1000 to show tkr as mnkr.
    """
    figure, alt = trend_figure(trend, title, unit, decimals, scale)
    return Chart(_save(figure), alt)


def lines_figure(trends: list[Trend], title: str, unit: str, decimals: int = 0):
    """The figure of :func:`lines_chart` and its alt text."""
    found = _data_range([t.varden for t in trends])
    if found is not None:
        first, last = found[0], found[1] + 1
        trends = [Trend(t.namn, t.manader[first:last], t.varden[first:last], t.foregaende_ar[first:last]) for t in trends]
    figure = _new_figure(WIDTH_CM, HEIGHT_CM + 1.2)
    axes = figure.subplots()
    months = trends[0].manader if trends else []
    x = list(range(len(months)))
    for index, item in enumerate(trends):
        _plot(axes, x, item.varden, PALETTE[index % len(PALETTE)], item.namn)
    _month_axis(axes, x, _month_labels(months))
    axes.set_title(f"{title}, {unit}", loc="left", fontsize=9, fontweight="bold")
    _number_axis(axes, decimals)
    marked = _mark_truncated(axes)
    span = _span([m for i, m in enumerate(months) if any(i < len(t.varden) and t.varden[i] is not None for t in trends)])
    legend = axes.legend(loc="upper left", ncols=2, fontsize=7, bbox_to_anchor=(0, -0.18), title=span, title_fontsize=7,
                         alignment="left")
    left_chars = _widest([v for t in trends for v in t.varden], decimals)
    bottom_in = 0.58 + 0.16 * ((len(trends) + 1) // 2)
    _fit(figure, left_chars, bottom_in=bottom_in)
    for _ in range(4):  # a legend hanging below the figure's edge is cut off in the picture: raise the axes until it fits
        below = _inches_below_edge(figure, legend)
        if below <= 0:
            break
        bottom_in += below / 1.18 + 0.03  # the legend hangs 0.18 axes-heights below the axes: it rises less than the axes
        _fit(figure, left_chars, bottom_in=bottom_in)
    latest = "; ".join(f"{t.namn} {tal(t.varden[-1], decimals)}" for t in trends)
    alt = (f"Linjediagram: {_monthly(title)} i {unit}, {span}. {manad_ar(months[-1]).capitalize() if months else ''}: {latest}."
           + _truncated_note(marked))
    return figure, alt


def lines_chart(trends: list[Trend], title: str, unit: str, decimals: int = 0) -> Chart:
    """Several series over the same months in one chart (e.g. accessibility shares)."""
    figure, alt = lines_figure(trends, title, unit, decimals)
    return Chart(_save(figure), alt)


def small_multiples_figure(trends: list[Trend], title: str):
    """The figure of :func:`small_multiples` and its alt text."""
    # Five or six measures in three columns: two rows fit below the region's table on the appendix's first page.
    columns = 3 if len(trends) > 4 else 2
    rows = max(1, (len(trends) + columns - 1) // columns)
    height = 4.6 * rows + 1.4
    figure = _new_figure(WIDTH_CM, height)
    grid = figure.subplots(rows, columns, squeeze=False)
    trends = [_trimmed(t) for t in trends]
    marked = False
    for index, axes in enumerate(grid.flat):
        if index >= len(trends):
            axes.set_visible(False)
            continue
        item = trends[index]
        x = list(range(len(item.manader)))
        _plot(axes, x, item.varden, PALETTE[0], _data_span(item.manader, item.varden))
        _plot(axes, x, item.foregaende_ar, LAST_YEAR, _last_year_label(item))
        _month_axis(axes, x, _month_labels(item.manader[::3]), every=3)
        axes.set_title(item.namn, loc="left", fontsize=8, fontweight="bold")
        _number_axis(axes, 0)
        marked = _mark_truncated(axes, note=False) or marked
    handles, labels = grid.flat[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncols=2, fontsize=7.5)
    figure.suptitle(title, x=0.01, ha="left", fontsize=9, fontweight="bold")
    if marked:
        figure.text(0.99, 1 - 0.12 / (height / 2.54), "Egen skala per diagram; y-axlarna börjar inte på noll", ha="right", va="top", fontsize=6.5,
                    style="italic", color="#555555")
    widest = max((_widest(t.varden + t.foregaende_ar, 0) for t in trends), default=1)
    _fit(figure, widest, bottom_in=0.72, top_in=0.58, right_in=0.1)
    figure.subplots_adjust(wspace=(0.2 + 0.07 * widest) / (WIDTH_CM / 2.54 / columns), hspace=0.9)
    names = ", ".join(t.namn.lower() for t in trends)
    span = _data_span(trends[0].manader, trends[0].varden) if trends else ""
    note = " Varje diagram har sin egen skala, och y-axlarna börjar inte på noll." if marked else ""
    alt = f"Linjediagram, ett per mått ({names}): antal per månad {span} jämfört med samma månader året innan.{note}"
    return figure, alt


def small_multiples(trends: list[Trend], title: str) -> Chart:
    """One small line chart per series, each against the year before, on its own scale."""
    figure, alt = small_multiples_figure(trends, title)
    return Chart(_save(figure), alt)


def bar_figure(labels: list[str], values: list[float | None], title: str, unit: str, decimals: int = 0):
    """The figure of :func:`bar_chart` and its alt text: every bar starts at zero, which the value axis always shows."""
    height = 1.4 + 0.55 * len(labels)
    figure = _new_figure(WIDTH_CM, height)
    axes = figure.subplots()
    shown = [v or 0 for v in values]
    y = list(range(len(labels)))[::-1]
    colours = [PALETTE[0][0] if v >= 0 else PALETTE[1][0] for v in shown]
    hatches = ["" if v >= 0 else "////" for v in shown]
    bars = axes.barh(y, shown, color=colours, edgecolor="white", height=0.6)
    for bar, hatch in zip(bars, hatches, strict=False):
        bar.set_hatch(hatch)
    axes.set_yticks(y, labels)
    axes.axvline(0, color="#555555", linewidth=0.8)
    axes.grid(axis="x", color="#DDDDDD")
    axes.grid(axis="y", visible=False)
    from matplotlib.ticker import FuncFormatter

    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: tal(value, decimals)))
    span = max((abs(v) for v in shown), default=1) or 1
    for position, value in zip(y, values, strict=False):
        text = tal(value, decimals)
        offset = span * 0.02 * (1 if (value or 0) >= 0 else -1)
        axes.text((value or 0) + offset, position, text, va="center", ha="left" if (value or 0) >= 0 else "right", fontsize=7.5)
    axes.set_xlim(min(min(shown, default=0), 0) - span * 0.25, max(max(shown, default=0), 0) + span * 0.25)
    _fit(figure, max(map(len, labels), default=1), bottom_in=0.35, right_in=0.2)
    # The title from the figure's left edge, not the axes': a title with its period is longer than the plot is wide.
    figure.text(0.01, 1 - 0.08 / (height / 2.54), f"{title}, {unit}", ha="left", va="top", fontsize=9, fontweight="bold")
    listed = "; ".join(f"{label} {tal(value, decimals)}" for label, value in zip(labels, values, strict=False))
    alt = f"Stapeldiagram i {unit}: {title.lower()}. Positiva värden mörka, negativa ljusare och randade. {listed}."
    return figure, alt


def bar_chart(labels: list[str], values: list[float | None], title: str, unit: str, decimals: int = 0) -> Chart:
    """Horizontal bars, positive and negative, with the value written at each bar."""
    figure, alt = bar_figure(labels, values, title, unit, decimals)
    return Chart(_save(figure), alt)


def _span(months: list[Month]) -> str:
    if not months:
        return ""
    return f"{manad_ar(months[0])}–{manad_ar(months[-1])}"


def _scaled(values: list[float | None], scale: float) -> list[float | None]:
    return [None if v is None else v / scale for v in values]


# How one document's charts are drawn: a module-level function of the figures (sent to the chart process).
Draw = Callable[[Any], "dict[str, Chart]"]


# The charts of each generated appendix, by the names its template uses (``diagram.<namn>``).
def charts_for(draw: Draw, figures) -> dict[str, Chart]:
    """The charts of one chart set (an appendix kind's, or a report kind's own: its ``draw``), drawn from the figures."""
    return draw(figures)


class Drawer:
    """Draws charts in a second process while this one reads and renders.

    ``Drawer()`` starts the process and has it import matplotlib at once, so
    the import overlaps with reading the inputs; ``submit`` hands it the
    figures of one appendix, ``charts`` waits for its charts. Where a process
    cannot be forked (one CPU, no ``fork``) or the process fails, the charts
    are drawn here instead, with the same bytes. After a first build in this
    process (``verify``, a test) the process is started only when a chart is
    not drawn already.
    """

    def __init__(self) -> None:
        import multiprocessing
        import os

        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[str, Future[dict[str, Chart]]] = {}
        self._figures: dict[str, tuple[Draw, object]] = {}
        self._forks = (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()
        if not _DRAWN:
            self._start()

    def _start(self) -> None:
        if self._forks and self._pool is None:
            import multiprocessing
            import os
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=_worker_setup, initargs=(os.getpid(),)
            )
            self._pool.submit(_import_matplotlib)

    def submit(self, document: str, kind: Draw, figures) -> None:
        """Start drawing one document's charts: chart set ``kind`` (its draw function) from ``figures``."""
        self._figures[document] = (kind, figures)
        if _drawn_key(kind, figures) in _DRAWN:
            return
        self._start()
        if self._pool is not None:
            self._pending[document] = self._pool.submit(charts_for, kind, figures)

    def charts(self, document: str) -> dict[str, Chart]:
        """One document's charts, waiting for them if they are being drawn."""
        kind, figures = self._figures[document]
        key = _drawn_key(kind, figures)
        if key in _DRAWN:
            return _DRAWN[key]
        drawn = None
        future = self._pending.pop(document, None)
        if future is not None:
            try:
                drawn = future.result(timeout=CHART_SECONDS)
            except TimeoutError:  # the process is stuck: it is stopped, and this build's charts are drawn here
                self.close(stop=True)
                self._forks = False
            except Exception:  # the process died or could not take the data: draw here
                pass
        if drawn is None:
            drawn = charts_for(kind, figures)
        _DRAWN[key] = drawn
        while len(_DRAWN) > 16:
            del _DRAWN[next(iter(_DRAWN))]
        return drawn

    def close(self, stop: bool = False) -> None:
        """End the process: after its work, or at once (``stop``: the build failed or was interrupted)."""
        if self._pool is None:
            return
        if not stop:
            self._pool.shutdown(wait=True, cancel_futures=True)
        else:
            processes = list((getattr(self._pool, "_processes", None) or {}).values())
            manager = getattr(self._pool, "_executor_manager_thread", None)
            for process in processes:
                process.kill()
            self._pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.join(timeout=5)
            if manager is not None:
                # The pool's thread ends once it sees the process gone. Left running, it could close its wake-up
                # pipe while the interpreter's exit writes to it, and Python would print a traceback
                # ("Exception ignored in: <module 'threading'> … Bad file descriptor") after "Avbrutet.".
                manager.join(timeout=5)
        self._pool = None

    def __enter__(self) -> Drawer:
        return self

    def __exit__(self, kind, *exc_info) -> None:
        self.close(stop=kind is not None)


# Charts already drawn in this process, by what they show: the same figures give the same PNG bytes,
# so a second build of a period (``verify``, or a test) draws nothing again.
_DRAWN: dict[bytes, dict[str, Chart]] = {}


def _drawn_key(kind: Draw, figures) -> bytes:
    import hashlib
    import pickle

    return hashlib.sha256(pickle.dumps((kind, figures), protocol=5)).digest()


def _import_matplotlib() -> None:
    """In the chart process: matplotlib imported and set up before the first chart is asked for.

    Returns nothing: the Figure class as a result would be unpickled by the build's own process, which would
    then import matplotlib too (0.3 s of CPU, in a thread that holds the GIL while the inputs are read).
    """
    _figure_class()


def _worker_setup(parent: int) -> None:
    """In the chart process: leave Ctrl-C to the build (which ends this process), and die with it.

    The system kills it when the build dies (Linux's PR_SET_PDEATHSIG); the build may have died before the
    request was made, so the parent is looked at once after it, and every half second where the system has
    no such request.
    """
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the build's handler, inherited by fork
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: killed when the build is (Linux)
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _watch_parent(parent: int) -> None:
    import os
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
