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
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
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
    from reporter.config import load_config_partly
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
    from reporter.config import load_config_partly
    from reporter.inputs import read_texts, read_workbooks
    from reporter.kinds import report_kind
    from reporter.package import manifest, normalise_docx, write_package
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
    figures = kind.compute(inputs, config)
    lap("compute")
    from reporter.charts import charts_for

    properties = pipeline._properties(config)
    planned = kind.plan(config, figures, texts, period, properties)
    charts = {d.name: charts_for(d.charts, d.figures) for d in planned if d.charts}
    lap("charts")
    templates = ROOT / "templates"
    rendered = {}
    for document in planned:
        if document.template:
            context = dict(document.context, **({"diagram": charts[document.name]} if document.charts else {}))
            rendered[document.name] = render_docx(templates / document.template, context, dict(properties, titel=document.title))
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


def pdf_seconds(period: Path, out: Path) -> float | None:
    from reporter.pdf import find_soffice

    try:
        find_soffice(None)
    except Exception:
        return None
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reporter", "build", str(period), "--pdf"], cwd=out, capture_output=True)
    return time.perf_counter() - start


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-pdf", action="store_true", help="skip LibreOffice")
    parser.add_argument("--fresh", action="store_true", help="write the synthetic periods again")
    parser.add_argument("--stage-run", nargs=2, metavar=("PERIOD", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--read-run", nargs=2, metavar=("PERIOD", "HOW"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_run:
        print(json.dumps(run_stages(Path(args.stage_run[0]), Path(args.stage_run[1]))))
        return
    if args.read_run:
        print(read_run(Path(args.read_run[0]), args.read_run[1]))
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
