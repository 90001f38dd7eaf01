"""Benchmark: build time and memory at scale 1, 10 and 50, stage by stage.

    python benchmarks/bench.py                 # scales 1 10 50, 5 runs each
    python benchmarks/bench.py --scales 1 10 --runs 3 --no-pdf

Run it from the project folder with the project installed. For each scale it
writes a synthetic period folder under ``out/bench/data/`` (the bundled
period with every division repeated: scale 10 has 80 divisions, 36 months,
every sheet of INPUTS.md filled) through the library's own writers, then
times each stage in a fresh process, five times, and takes the median:

    import    the library and what a build needs (docxtpl, python-docx, …)
    read      the workbooks (every sheet, as a build reads them) and texts, and rapport.yaml
    validate  cells → typed records, with every check
    compute   the figures
    charts    matplotlib, import and drawing
    render    every document through docxtpl
    package   normalise, manifest, write
    pdf       all documents through one LibreOffice process (once per scale)

Reading alone is also timed in fresh processes beside raw python-calamine on
the same files (``to_python`` of every sheet) and beside our exact reader
used for every sheet, with its peak memory. It also times ``reporter build`` and ``reporter validate`` as whole commands,
the time per input row, peak memory, docxtpl against our renderer on a
1 000/10 000/30 000-row table, and openpyxl against calamine on the same
inputs. It prints a table and writes ``out/bench/results.json``. No test
asserts a time; this script is where time is measured.

    python benchmarks/bench.py --scaffold --scales 1 10 50 --runs 3   # scaffolding the next month against reading (issue 23)

``--scaffold`` times ``reporter scaffold`` of the month after each period
(every row carried, a prepared row per series, written by openpyxl) in a
fresh process against reading the same period with our reader; the issue
wants scaffolding to take at most twice as long as reading.

    python benchmarks/bench.py --tertial                        # 6 and 60 divisions, best of 3
    python benchmarks/bench.py --tertial --divisions 6 30 60 --runs 2 --profile

``--tertial`` times the tertial package instead (issue 16): the bundled
``inputs/2020-09`` with its divisions repeated to N (tools/make_bench_tertial.py,
written once to ``out/bench/data/tertial-N/``), the main report with N interim
reports and the production and personnel appendices, built by
``reporter.build`` in a fresh process per run. It reports the wall time (best
run), its split (``check`` alone, templates+compute+plan, render, waiting for
charts, the rest), the documents, peak memory (VmHWM of the build and of its
chart process), and which processes drew the charts: every ``charts_for`` call
logs its process id, and a thread lists the build's child processes while it
runs. The table gives time per division and the growth from the smallest N to
the largest against N itself; ``--profile`` adds cProfile's top functions of
the largest build. It writes ``out/bench/tertial.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path.cwd()
BUNDLED = ROOT / "inputs" / "2021-03"
BENCH = ROOT / "out" / "bench"
STAGES = ("import", "read", "validate", "compute", "charts", "render", "package")


# ---------------------------------------------------------------- inputs


def make_period(scale: int, target: Path) -> int:
    """Write the bundled period with every division repeated ``scale`` times; return its data rows."""
    from reporter.period_config import load_config_partly
    from reporter.schema import WORKBOOK_KINDS
    from reporter.workbook import column_letter, read_tables, write_workbook

    config, _ = load_config_partly(BUNDLED)
    divisions = [d.namn for d in config.organisation.divisioner]
    copies = {name: [name] + [f"{name} {k}" for k in range(2, scale + 1)] for name in divisions}
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(BUNDLED, target, ignore=shutil.ignore_patterns("*.xlsx"))
    rows_written = 0
    for kind in WORKBOOK_KINDS:
        source = BUNDLED / f"{kind.name}.xlsx"
        if not source.exists():
            continue
        tables = read_tables(source, [s.name for s in kind.sheets])
        sheets, formats = {}, {}
        for sheet in kind.sheets:
            table = tables.get(sheet.name)
            if table is None:
                continue
            header = [c.value if c else None for c in table.header]
            column = next((i for i, h in enumerate(header) if sheet.division_column and h == sheet.division_column.header), None)
            rows = [header]
            percent = set()
            for number, row in table.rows:
                cells = table.cells(number, row)
                values = [c.value if c else None for c in cells]
                percent |= {i for i, c in enumerate(cells) if c and c.percent}
                names = copies.get(values[column], [values[column]]) if column is not None and column < len(values) else [None]
                for name in names:
                    row = list(values)
                    if column is not None and column < len(row):
                        row[column] = name
                    rows.append(row)
            sheets[sheet.name] = rows
            formats[sheet.name] = {column_letter(i + 1): "0%" for i in percent}
            rows_written += len(rows) - 1
        write_workbook(target / f"{kind.name}.xlsx", sheets, formats)
    text = (BUNDLED / "rapport.yaml").read_text(encoding="utf-8")
    head, _, rest = text.partition("  divisioner:")
    listed, _, tail = rest.partition("dokument:")
    entries = "".join(f"    - namn: {name}\n" for name in divisions for name in copies[name])
    (target / "rapport.yaml").write_text(f"{head}  divisioner:\n{entries}dokument:{tail}", encoding="utf-8")
    return rows_written


def data_rows(period: Path) -> int:
    from python_calamine import CalamineWorkbook

    total = 0
    for path in sorted(period.glob("*.xlsx")):
        book = CalamineWorkbook.from_path(str(path))
        total += sum(max(len(book.get_sheet_by_name(name).to_python()) - 1, 0) for name in book.sheet_names)
    return total


# ---------------------------------------------------------------- one run, in a fresh process


def run_stages(period: Path, out: Path) -> dict[str, float]:
    """Every stage of a build in this process, in order; seconds per stage and peak MB."""
    times = {}
    start = time.perf_counter()
    importlib.import_module("docxtpl")  # what a build imports, counted in this stage

    from reporter import pipeline
    from reporter.documents import chart_set, report_kind
    from reporter.inputs import read_texts, read_workbooks
    from reporter.kinds import ANALYSIS_TEXTS
    from reporter.package import manifest, normalise_docx, write_package
    from reporter.period_config import load_config_partly
    from reporter.render import render_docx
    from reporter.validation import validate_workbooks

    mark = time.perf_counter()
    times["import"] = mark - start

    def lap(name):
        nonlocal mark
        now = time.perf_counter()
        times[name] = now - mark
        mark = now

    config, _ = load_config_partly(period)
    opened, _ = read_workbooks(period)
    # A build reads each sheet when validation asks for it; here every sheet is read first, to time reading alone.
    files = [dataclasses.replace(f, tables={name: f.tables[name] for name in f.tables}) for f in opened]
    kind = report_kind(config)
    texts, _ = read_texts(period, kind.texts)
    lap("read")
    inputs, problems = validate_workbooks(files, config)
    assert not [p for p in problems if p.is_error], problems[:3]
    lap("validate")
    computed = kind.compute(inputs, config)
    lap("compute")
    from reporter.charts import charts_for

    properties = pipeline._properties(config)
    planned = computed.plan(config, texts, period, properties)
    charts = {d.name: charts_for(chart_set(d.charts).draw, d.figures) for d in planned if d.charts}
    lap("charts")
    templates = ROOT / "templates"
    rendered = {}
    for document in planned:
        if document.template:
            context = dict(document.context, **({"diagram": charts[document.name]} if document.charts else {}))
            rendered[document.name] = render_docx(templates / document.template, context, dict(properties, titel=document.title), ANALYSIS_TEXTS)
    lap("render")
    documents = {name: normalise_docx(data) for name, data in rendered.items()}
    documents["manifest.json"] = manifest(documents, pipeline.input_files(period), period)
    from reporter.package import output_lock

    with output_lock(out):
        write_package(out, documents)
    lap("package")
    times["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def fresh(args: list[str]) -> tuple[float, float, str]:
    """Run a command in a fresh process: wall seconds, its peak MB, its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024, done.stdout


def measured_memory(args: list[str]) -> float:
    """Peak resident MB of one command and its children, from GNU time when it is there."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if not gnu_time:
        return float("nan")
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
        subprocess.run([gnu_time, "-f", "%M", "-o", report.name, *args], capture_output=True, cwd=ROOT)
        text = Path(report.name).read_text().strip().splitlines()
    return int(text[-1]) / 1024 if text and text[-1].isdigit() else float("nan")


# ---------------------------------------------------------------- side measurements


def table_render(rows: int, ours: bool) -> float:
    """Seconds to render a four-column table of ``rows`` rows (median of 3), docxtpl or ours."""
    from docx import Document
    from docxtpl import DocxTemplate

    from reporter.render import _template_class, jinja_environment

    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "table.docx"
        document = Document()
        table = document.add_table(rows=3, cols=4)
        table.rows[0].cells[0].text = "{%tr for r in rader %}"
        for index, key in enumerate("abcd"):
            table.rows[1].cells[index].text = f"{{{{ r.{key} }}}}"
        table.rows[2].cells[0].text = "{%tr endfor %}"
        document.save(template)
        data = [{"a": f"Division {i}", "b": f"{i * 37:,}".replace(",", " "), "c": "12,3", "d": "−4,5"} for i in range(rows)]
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            engine = (_template_class() if ours else DocxTemplate)(template)
            engine.render({"rader": data}, jinja_environment(), autoescape=True)
            engine.save(Path(folder) / "out.docx")
            timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def readers(period: Path) -> dict[str, float]:
    """Seconds to read every cell of the period's workbooks: openpyxl (read_only) against calamine."""
    from openpyxl import load_workbook

    paths = sorted(period.glob("*.xlsx"))
    start = time.perf_counter()
    for path in paths:
        book = load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass
        book.close()
    return {"openpyxl_read_only": time.perf_counter() - start, "calamine": read_seconds(period, "calamine")}


def read_seconds(period: Path, how: str) -> float:
    """Seconds to read every wanted sheet in a fresh process: ``reporter`` (ours), ``exact`` or raw ``calamine``."""
    _, _, stdout = fresh([sys.executable, __file__, "--read-run", str(period), how])
    return float(stdout.strip().splitlines()[-1])


def read_run(period: Path, how: str) -> float:
    """Read every sheet of the period's workbooks once, in this process; seconds (imports not counted)."""
    from python_calamine import CalamineWorkbook

    from reporter.inputs import read_workbooks

    start = time.perf_counter()
    if how == "calamine":
        for path in sorted(period.glob("*.xlsx")):
            book = CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        return time.perf_counter() - start
    files, _ = read_workbooks(period)
    for file in files:
        if how == "exact":
            file.tables.workbook._exact = True
        for name in file.tables:
            file.tables[name]
    return time.perf_counter() - start


def scaffold_seconds(period: Path, what: str = "scaffold") -> tuple[float, float]:
    """Wall and CPU seconds to scaffold the next month from ``period`` (or, ``what="read"``, to read it) in a fresh process."""
    _, _, stdout = fresh([sys.executable, __file__, "--scaffold-run", str(period), what])
    wall, cpu = stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def scaffold_run(period: Path, what: str) -> tuple[float, float]:
    """``reporter scaffold`` of the month after ``period`` (named as ``--från``) into a fresh temporary folder, or reading ``period`` as
    a build does, in this process; wall and CPU seconds, imports not counted for either."""
    import openpyxl  # noqa: F401 - imported before the clock starts, as the reader's python-calamine is

    import reporter.commands.scaffold  # noqa: F401
    from reporter import scaffold
    from reporter.inputs import read_workbooks
    from reporter.values import parse_month

    month = parse_month(period.name).plus(1)
    scratch = Path(tempfile.mkdtemp(prefix="reporter-bench-"))  # never beside the period: inputs/2021-04 is there for scale 1
    target = scratch / str(month)
    wall, cpu = time.perf_counter(), time.process_time()
    if what == "read":
        files, _ = read_workbooks(period)
        for file in files:
            for name in file.tables:
                file.tables[name]
    else:
        scaffold(target, month, source=period)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    shutil.rmtree(scratch, ignore_errors=True)
    return wall, cpu


def pdf_seconds(period: Path, out: Path) -> float | None:
    from reporter.pdf import find_soffice

    try:
        find_soffice(None)
    except Exception:
        return None
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reporter", "build", str(period), "--pdf"], cwd=out, capture_output=True)
    return time.perf_counter() - start


# ---------------------------------------------------------------- the tertial package (issue 16)


TERTIAL_STEPS = ("check", "prepare", "render", "charts_wait", "rest")


def tertial_period(divisions: int, again: bool) -> tuple[Path, dict[str, int]]:
    """The synthetic tertial period with ``divisions`` divisions, written once: again with ``--fresh`` or when
    a file of the bundled example (or the tool) is newer than what it was written from."""
    period = BENCH / "data" / f"tertial-{divisions}" / "2020-09"
    counts_file = period.parent / "counts.json"
    tool_file = ROOT / "tools" / "make_bench_tertial.py"
    newest = max(p.stat().st_mtime for p in [tool_file, *(ROOT / "inputs" / "2020-09").rglob("*")])
    if (period / "rapport.yaml").exists() and counts_file.exists() and not again:
        counts = json.loads(counts_file.read_text(encoding="utf-8"))
        if counts.get("source_mtime") == newest:
            return period, counts
    spec = importlib.util.spec_from_file_location("make_bench_tertial", tool_file)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    print(f"tertial {divisions}: skriver indata …", flush=True)
    counts = dict(tool.make_tertial(divisions, period), source_mtime=newest)
    counts_file.write_text(json.dumps(counts), encoding="utf-8")
    return period, counts


_CHART_LOG = "REPORTER_BENCH_CHART_LOG"
_ORIGINAL_CHARTS_FOR = None


def _logged_charts_for(kind, figures):
    """reporter.charts.charts_for, logging the process that draws, and its CPU seconds (runs in the chart process)."""
    start = time.process_time()
    drawn = _ORIGINAL_CHARTS_FOR(kind, figures)  # type: ignore[misc]
    with open(os.environ[_CHART_LOG], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {getattr(kind, '__name__', kind)} {time.process_time() - start:.4f}\n")
    return drawn


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _vm_hwm(pid: int | str = "self") -> float:
    """Peak resident MB of a process (VmHWM), 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children() -> set[int]:
    """This process's child processes now (Linux: /proc/self/task/*/children)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").glob("*"):
        try:
            found |= {int(pid) for pid in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def tertial_run(period: Path, out: Path, profile: Path | None = None) -> dict:
    """One build of a tertial period by ``reporter.build``, in this process, instrumented; seconds, counts, peak MB."""
    global _ORIGINAL_CHARTS_FOR
    import threading
    from collections import defaultdict

    import reporter
    from reporter import charts, package, pipeline, render

    spent: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)  # CPU seconds of this process (all its threads): unlike wall time, not slowed by other load
    by_template: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])  # template → documents, render CPU seconds
    marks: dict[str, float] = {}
    counts: dict[str, int] = defaultdict(int)
    depth = 0

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start, processor = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
                cpu[name] += time.process_time() - processor
                counts[name] += 1
                if name == "render":
                    by_template[Path(args[0]).name][0] += 1
                    by_template[Path(args[0]).name][1] += time.process_time() - processor

        return wrapper

    check = pipeline.check

    def outer_check(period_dir, parent=None):  # the division folders' checks run inside: only the outermost is timed
        nonlocal depth
        depth += 1
        start, processor = time.perf_counter(), time.process_time()
        try:
            return check(period_dir, parent)
        finally:
            depth -= 1
            counts["check_calls"] += 1
            if depth == 0:
                spent["check"] += time.perf_counter() - start
                cpu["check"] += time.process_time() - processor
                marks["checked"] = time.perf_counter()

    submit, drawer_init = charts.Drawer.submit, charts.Drawer.__init__

    def first_submit(self, document, kind, figures):
        marks.setdefault("submitted", time.perf_counter())
        counts["chart_documents"] += 1
        return submit(self, document, kind, figures)

    def counted_init(self):
        counts["drawers"] += 1
        drawer_init(self)
        counts["pools"] += self._pool is not None

    pipeline.check = outer_check
    render.render_docx = timed("render", render.render_docx)
    package.normalise_docx = timed("normalise", package.normalise_docx)
    package.write_package = timed("write", package.write_package)
    charts.Drawer.charts = timed("charts_wait", charts.Drawer.charts)  # type: ignore[method-assign]
    charts.Drawer.submit = first_submit  # type: ignore[method-assign]
    charts.Drawer.__init__ = counted_init  # type: ignore[method-assign]
    _ORIGINAL_CHARTS_FOR = charts.charts_for
    charts.charts_for = _logged_charts_for

    seen: set[int] = set()
    most, child_peak = 0, 0.0
    running = True

    def watch() -> None:  # the build's child processes, every 20 ms
        nonlocal most, child_peak
        while running:
            now = _children()
            seen.update(now)
            most = max(most, len(now))
            child_peak = max([child_peak] + [_vm_hwm(pid) for pid in now])
            time.sleep(0.02)

    with tempfile.NamedTemporaryFile("r", suffix=".log") as log:
        os.environ[_CHART_LOG] = log.name
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        profiler = None
        if profile is not None:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        load = os.getloadavg()[0]
        start, processor, children = time.perf_counter(), _cpu(), _cpu(resource.RUSAGE_CHILDREN)
        result = reporter.build(period, out)
        wall = time.perf_counter() - start
        build_cpu, children_cpu = _cpu() - processor, _cpu(resource.RUSAGE_CHILDREN) - children  # the chart process is reaped by now
        if profiler is not None and profile is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        running = False
        watcher.join()
        drawn = [line.split() for line in Path(log.name).read_text().splitlines()]
    prepare = marks.get("submitted", marks["checked"]) - marks["checked"]
    steps = {"check": spent["check"], "prepare": prepare, "render": spent["render"], "charts_wait": spent["charts_wait"]}
    steps["rest"] = wall - sum(steps.values())
    me = os.getpid()
    return {
        "wall": wall,
        "load_before": load,
        "steps": steps,
        "cpu": {"build": build_cpu, "chart_process": children_cpu, "check": cpu["check"], "render": cpu["render"]},
        "render_cpu_per_document": {name: seconds / documents for name, (documents, seconds) in by_template.items()},
        "normalise": spent["normalise"],
        "write": spent["write"],
        "documents": sum(1 for f in result.files if f.suffix == ".docx"),
        "files": len(result.files),
        "rendered": counts["render"],
        "check_calls": counts["check_calls"],
        "drawers": counts["drawers"],
        "pools": counts["pools"],
        "chart_documents": counts["chart_documents"],
        "chart_sets_drawn": len(drawn),
        "chart_pids": sorted({int(pid) for pid, _kind, _s in drawn if int(pid) != me}),
        "charts_drawn_here": sum(1 for pid, _kind, _s in drawn if int(pid) == me),
        "charts_seconds": sum(float(s) for _pid, _kind, s in drawn),
        "children_seen": len(seen),
        "children_at_once": most,
        "peak_mb": _vm_hwm(),
        "chart_process_peak_mb": child_peak,
    }


def tertial(args) -> None:
    """``--tertial``: the tertial package at each number of divisions, best of ``--runs`` fresh processes."""
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "divisions": {}}
    largest = max(args.divisions)
    for divisions in args.divisions:
        period, counts = tertial_period(divisions, args.fresh)
        out = BENCH / "out" / f"tertial-{divisions}"
        runs = []
        for _ in range(args.runs):
            _, _, stdout = fresh([sys.executable, __file__, "--tertial-run", str(period), str(out)])
            runs.append(json.loads(stdout.strip().splitlines()[-1]))
        best = min(runs, key=lambda r: r["wall"])
        entry = dict(best, walls=[r["wall"] for r in runs], rows=counts["interim_rows"] + counts["month_rows"])
        if args.profile and divisions == largest:
            stats_file = BENCH / f"tertial-{divisions}.prof"
            fresh([sys.executable, __file__, "--tertial-run", str(period), str(out), "--profile-to", str(stats_file)])
            entry["profile"] = str(stats_file)
        results["divisions"][str(divisions)] = entry
        print(f"tertial {divisions}: bygge {best['wall']:.2f} s (körningar {', '.join(f'{w:.2f}' for w in entry['walls'])}), "
              f"{best['documents']} dokument", flush=True)
    BENCH.mkdir(parents=True, exist_ok=True)
    (BENCH / "tertial.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(tertial_report(results))
    if args.profile:
        import pstats

        stats = pstats.Stats(str(BENCH / f"tertial-{largest}.prof"))
        print(f"\ncProfile, {largest} divisioner (bygget med profilering), mest egen tid:")
        stats.sort_stats("tottime").print_stats(25)
        print(f"\ncProfile, {largest} divisioner, mest kumulativ tid:")
        stats.sort_stats("cumulative").print_stats(40)
    print(f"\nSkrev {BENCH / 'tertial.json'}")


def tertial_report(results: dict) -> str:
    """The tertial results as Markdown: one row per number of divisions, then the growth and the chart processes."""
    entries = results["divisions"]
    lines = [
        "| divisioner | rader | dokument | bygge s | check s | mallar+compute+plan s | render s | väntan diagram s | övrigt s "
        "| s/division | CPU bygge s | CPU check s | CPU render s | CPU diagramprocess s | topp MB bygge | topp MB diagramprocess "
        "| diagramprocesser | last |",
        "|" + "---|" * 18,
    ]
    for divisions, e in entries.items():
        s, c = e["steps"], e["cpu"]
        lines.append(
            f"| {divisions} | {e['rows']} | {e['documents']} | {e['wall']:.2f} | {s['check']:.2f} | {s['prepare']:.2f} | {s['render']:.2f} "
            f"| {s['charts_wait']:.2f} | {s['rest']:.2f} | {e['wall'] / int(divisions):.3f} | {c['build']:.2f} | {c['check']:.2f} "
            f"| {c['render']:.2f} | {c['chart_process']:.2f} | {e['peak_mb']:.0f} | {e['chart_process_peak_mb']:.0f} | {len(e['chart_pids'])} "
            f"| {e['load_before']:.1f} |"
        )
    if len(entries) > 1:
        ordered = sorted(entries.items(), key=lambda item: int(item[0]))
        (n0, first), (n1, last) = (int(ordered[0][0]), ordered[0][1]), (int(ordered[-1][0]), ordered[-1][1])
        lines.append(f"\nTillväxt {n0} → {n1} divisioner ({n1 / n0:.0f}× divisionerna):")
        growth = [("bygge (vägg)", first["wall"], last["wall"])]
        growth += [(f"{step} (vägg)", first["steps"][step], last["steps"][step]) for step in TERTIAL_STEPS]
        growth += [(f"CPU {part}", first["cpu"][part], last["cpu"][part]) for part in ("build", "check", "render", "chart_process")]
        for name, a, b in growth:
            per = (b - a) / (n1 - n0)
            lines.append(f"- {name}: {a:.2f} → {b:.2f} s, {b / a if a else float('nan'):.1f}×; "
                         f"{per * 1000:.0f} ms per tillkommen division, fast del {a - per * n0:.2f} s")
        documents = (first["documents"], last["documents"])
        lines.append(f"- dokument: {documents[0]} → {documents[1]}; CPU att fylla i ett dokument per mall: "
                     + "; ".join(f"{name} {first['render_cpu_per_document'].get(name, float('nan')):.3f} → {seconds:.3f} s"
                                 for name, seconds in last["render_cpu_per_document"].items()))
        for n, e in ordered[1:-1]:  # a straight line through the ends predicts the middle
            per = (last["wall"] - first["wall"]) / (n1 - n0)
            predicted = first["wall"] + per * (int(n) - n0)
            lines.append(f"- {n} divisioner: {e['wall']:.2f} s, en rät linje genom ändarna ger {predicted:.2f} s")
    lines.append("\nDiagrammen:")
    for divisions, e in entries.items():
        lines.append(
            f"- {divisions} divisioner: {e['drawers']} Drawer, {e['pools']} processpool; {e['chart_documents']} dokument med diagram, "
            f"{e['chart_sets_drawn']} diagramuppsättningar ritade ({e['charts_seconds']:.2f} s CPU) i process(er) {e['chart_pids']}, "
            f"{e['charts_drawn_here']} i byggprocessen; barnprocesser under bygget: {e['children_seen']} "
            f"(högst {e['children_at_once']} samtidigt)"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--runs", type=int, help="runs of each measurement (5; 3 with --tertial)")
    parser.add_argument("--no-pdf", action="store_true", help="skip LibreOffice")
    parser.add_argument("--fresh", action="store_true", help="write the synthetic periods again")
    parser.add_argument("--stage-run", nargs=2, metavar=("PERIOD", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--read-run", nargs=2, metavar=("PERIOD", "HOW"), help=argparse.SUPPRESS)
    parser.add_argument("--scaffold-run", nargs=2, metavar=("PERIOD", "WHAT"), help=argparse.SUPPRESS)
    parser.add_argument("--scaffold", action="store_true", help="only time scaffolding the next month against reading the period (issue 23)")
    parser.add_argument("--tertial", action="store_true", help="time the tertial package (issue 16) instead of the scales")
    parser.add_argument("--divisions", type=int, nargs="+", default=[6, 60], help="with --tertial: the numbers of divisions")
    parser.add_argument("--profile", action="store_true", help="with --tertial: cProfile the largest build too")
    parser.add_argument("--tertial-run", nargs=2, metavar=("PERIOD", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tertial_run:
        print(json.dumps(tertial_run(Path(args.tertial_run[0]), Path(args.tertial_run[1]), args.profile_to)))
        return
    args.runs = args.runs or (3 if args.tertial else 5)
    if args.tertial:
        tertial(args)
        return
    if args.stage_run:
        print(json.dumps(run_stages(Path(args.stage_run[0]), Path(args.stage_run[1]))))
        return
    if args.read_run:
        print(read_run(Path(args.read_run[0]), args.read_run[1]))
        return
    if args.scaffold_run:
        print(*scaffold_run(Path(args.scaffold_run[0]), args.scaffold_run[1]))
        return
    if args.scaffold:
        print(scaffold_report(args))
        return

    results = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "scales": {}}
    reporter_command = [sys.executable, "-m", "reporter"]
    for scale in args.scales:
        period = BENCH / "data" / f"scale-{scale}" / "2021-03"
        if scale == 1:
            period = BUNDLED
            rows = data_rows(period)
        elif (period / "rapport.yaml").exists() and not args.fresh:
            rows = data_rows(period)  # written by an earlier run; --fresh writes it again
        else:
            print(f"skala {scale}: skriver indata …", flush=True)
            rows = make_period(scale, period)
        out = BENCH / "out" / f"scale-{scale}"
        runs = []
        for _ in range(args.runs):
            _, _, stdout = fresh([sys.executable, __file__, "--stage-run", str(period), str(out)])
            runs.append(json.loads(stdout.strip().splitlines()[-1]))
        stages = {name: statistics.median(r[name] for r in runs) for name in STAGES}
        build_wall = statistics.median(fresh(reporter_command + ["build", str(period)])[0] for _ in range(args.runs))
        validate_wall = statistics.median(fresh(reporter_command + ["validate", str(period)])[0] for _ in range(args.runs))
        entry = {
            "divisions": 8 * scale,
            "rows": rows,
            "stages": stages,
            "stage_sum": sum(stages.values()),
            "build_wall": build_wall,
            "build_peak_mb": measured_memory(reporter_command + ["build", str(period)]),
            "validate_wall": validate_wall,
            "peak_mb_in_process": statistics.median(r["peak_mb"] for r in runs),
            "us_per_row": 1e6 * sum(stages.values()) / rows,
            "reading": {
                how: statistics.median(read_seconds(period, how) for _ in range(args.runs)) for how in ("reporter", "calamine", "exact")
            },
            "read_peak_mb": measured_memory([sys.executable, __file__, "--read-run", str(period), "reporter"]),
        }
        entry["scaffold"] = statistics.median(scaffold_seconds(period)[0] for _ in range(args.runs))
        if scale == max(args.scales):
            entry["readers"] = readers(period)
        if not args.no_pdf:
            entry["pdf_build_wall"] = pdf_seconds(period, out)
        results["scales"][str(scale)] = entry
        print(_row(scale, entry), flush=True)
    results["help_wall"] = statistics.median(fresh(reporter_command + ["--help"])[0] for _ in range(args.runs))
    results["tables"] = {
        str(n): {"docxtpl": table_render(n, ours=False), "reporter": table_render(n, ours=True)} for n in (1000, 10000, 30000)
    }
    BENCH.mkdir(parents=True, exist_ok=True)
    (BENCH / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(report(results))
    print(f"\nSkrev {BENCH / 'results.json'}")


def _period_at(scale: int, fresh_data: bool) -> Path:
    """The bundled period (scale 1) or the synthetic one, written when it is not there yet."""
    period = BENCH / "data" / f"scale-{scale}" / "2021-03"
    if scale == 1:
        return BUNDLED
    if fresh_data or not (period / "rapport.yaml").exists():
        print(f"skala {scale}: skriver indata …", flush=True)
        make_period(scale, period)
    return period


def scaffold_report(args) -> str:
    """Scaffolding the next month against reading the period, per scale (wall and CPU, medians): the issue wants at most 2×."""
    lines = [
        "| skala | rader | läsa (s) | scaffold (s) | scaffold/läsa | läsa CPU (s) | scaffold CPU (s) | scaffold/läsa CPU |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for scale in args.scales:
        period = _period_at(scale, args.fresh)
        reading = [scaffold_seconds(period, "read") for _ in range(args.runs)]
        scaffolding = [scaffold_seconds(period) for _ in range(args.runs)]
        read_wall, read_cpu = (statistics.median(r[i] for r in reading) for i in (0, 1))
        wall, cpu = (statistics.median(r[i] for r in scaffolding) for i in (0, 1))
        lines.append(
            f"| {scale} | {data_rows(period)} | {read_wall:.2f} | {wall:.2f} | {wall / read_wall:.2f} | "
            f"{read_cpu:.2f} | {cpu:.2f} | {cpu / read_cpu:.2f} |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines)


def _row(scale: int, entry: dict) -> str:
    stages = " ".join(f"{name} {entry['stages'][name]:.2f}" for name in STAGES)
    return f"skala {scale}: {entry['rows']} rader; {stages}; build {entry['build_wall']:.2f} s"


def report(results: dict) -> str:
    """The results as a Markdown table, as pasted into a note."""
    lines = [
        "| skala | divisioner | rader | " + " | ".join(STAGES) + " | summa | µs/rad | `reporter build` | `validate` | topp MB | PDF-bygge |",
        "|" + "---|" * (len(STAGES) + 10),
    ]
    for scale, entry in results["scales"].items():
        pdf = entry.get("pdf_build_wall")
        lines.append(
            f"| {scale} | {entry['divisions']} | {entry['rows']} | "
            + " | ".join(f"{entry['stages'][name]:.2f}" for name in STAGES)
            + f" | {entry['stage_sum']:.2f} | {entry['us_per_row']:.0f} | {entry['build_wall']:.2f} | {entry['validate_wall']:.2f}"
            + f" | {entry['build_peak_mb']:.0f} | {'–' if pdf is None else f'{pdf:.1f}'} |"
        )
    lines.append(f"\n`reporter --help`: {results['help_wall']:.2f} s")
    lines.append("\n| tabellrader | docxtpl | reporter |\n|---|---|---|")
    for rows, entry in results["tables"].items():
        lines.append(f"| {rows} | {entry['docxtpl']:.2f} | {entry['reporter']:.2f} |")
    lines.append("\n| skala | läsa (reporter) | python-calamine rått | kvot | exakta läsaren ensam | topp MB läsa | topp MB bygge |")
    lines.append("|---|---|---|---|---|---|---|")
    for scale, entry in results["scales"].items():
        reading = entry["reading"]
        lines.append(
            f"| {scale} | {reading['reporter']:.2f} | {reading['calamine']:.2f} | {reading['reporter'] / reading['calamine']:.2f} | "
            f"{reading['exact']:.2f} | {entry['read_peak_mb']:.0f} | {entry['build_peak_mb']:.0f} |"
        )
    for scale, entry in results["scales"].items():
        if "readers" in entry:
            lines.append(f"\nLäsa alla celler, skala {scale}: " + ", ".join(f"{k} {v:.2f} s" for k, v in entry["readers"].items()))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
