"""Nothing lost, nothing mixed, nothing silent: what an unlucky or hostile user does to a build.

A build killed anywhere leaves one whole package (the last or the new one);
a full disk, an unwritable folder, a failing LibreOffice or a closed pipe is
the environment's problem and says so (exit 1); Ctrl-C and kill end every
child process; values no report can state are errors at their cell;
``verify`` proves the package file by file.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import traceback
from pathlib import Path

import pytest
from helpers import PEAK_MB, set_cell
from periods import write_other_period

import reporter
from reporter import package as packaging

PERIOD = "2022-02"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / PERIOD
    write_other_period(folder)
    return folder


@pytest.fixture
def space(tmp_path: Path) -> Path:
    root = tmp_path / "arbetsyta"
    shutil.copytree(TEMPLATES, root / "templates")
    return root


def _files(folder: Path) -> dict[str, str]:
    """Every file of a package folder with its sha256."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _whole(folder: Path) -> dict[str, str]:
    """The package's files, after checking that they are exactly what its manifest lists."""
    files = _files(folder)
    listed = {e["fil"]: e["sha256"] for e in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["utdata"]}
    assert {name: files.get(name) for name in listed} == listed
    assert set(files) == set(listed) | {"manifest.json"}
    return files


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reporter", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, **env},
    )


# --- a package is one build or the one before ------------------------------------------------------


def _package(version: str) -> dict[str, str]:
    names = ["rapport.docx", "bilaga-1.docx", "bilaga-2.docx", "rapport.pdf"]
    documents = {name: f"{name} av bygge {version}" for name in names}
    documents["manifest.json"] = json.dumps(
        {"utdata": [{"fil": n, "sha256": hashlib.sha256(d.encode()).hexdigest()} for n, d in documents.items()]}
    )
    return documents


def _write_in_a_process(tmp_path: Path, out: Path, version: str, **env: str) -> tuple[int, list[str]]:
    """write_package, a build's last step, in a process of its own with ``env`` set, where the test hook kills it
    at the point REPORTER_TEST_AVBRYT names. Its exit status (negative: the signal) and its notes.

    A fork, not a fresh interpreter: the same code on the same files, without importing it again for each of
    the 15 to 17 processes a test runs."""
    notes_file = tmp_path / f"anteckningar-{version}.json"
    notes_file.unlink(missing_ok=True)
    documents = {name: text.encode() for name, text in _package(version).items()}
    pid = os.fork()
    if pid == 0:  # the child: never back into pytest
        code = 1
        try:
            os.environ.update(env)
            with packaging.output_lock(out):
                _, notes = packaging.write_package(out, documents)
            notes_file.write_text(json.dumps([str(n) for n in notes]))
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), json.loads(notes_file.read_text()) if notes_file.exists() else []


KILL_POINTS = ["fil 1", "fil 2", "fil 3", "fil 4", "fil 5", "före bytet", "efter bytet"]


@pytest.mark.slow  # builds in real processes killed at seven or eight moments, 0.6 s CPU
@pytest.mark.parametrize("atomic", [True, False], ids=["atomiskt-byte", "två-namnbyten"])
def test_a_build_killed_anywhere_leaves_one_whole_package(tmp_path, atomic):
    out = tmp_path / "out" / PERIOD
    swap = {} if atomic else {"REPORTER_UTAN_ATOMISKT_BYTE": "1"}
    assert _write_in_a_process(tmp_path, out, "1", **swap)[0] == 0
    first = _whole(out)
    points = KILL_POINTS + ([] if atomic else ["mitt i bytet"])
    for point in points:
        assert _write_in_a_process(tmp_path, out, "2", REPORTER_TEST_AVBRYT=point, **swap)[0] == -signal.SIGKILL, point
        if point == "efter bytet":
            assert _whole(out) != first  # the new package is whole already
        elif point == "mitt i bytet":
            assert not out.exists() and _files(packaging.previous_folder(out)) == first  # between the two renames
        else:
            assert _whole(out) == first, point
        code, notes = _write_in_a_process(tmp_path, out, "1", **swap)  # the next build clears what was left, and says so
        assert code == 0, point
        if point not in ("efter bytet",):
            assert any("avbröts" in note for note in notes), (point, notes)
        assert _whole(out) == first
        assert not packaging.staging_folder(out).exists() and not packaging.previous_folder(out).exists()


@pytest.mark.slow  # kills a real build process while it writes, and builds twice more (1.8 s CPU)
@pytest.mark.long
def test_a_real_build_killed_while_writing_leaves_the_last_package(base, space):
    first = reporter.build(base, space / "out", workspace=space).out_dir
    before = _whole(first)
    set_cell(base / "personal.xlsx", "Arbetad tid", "C2", 111)
    killed = _run(["build", str(base), "--out", str(space / "out")], space, REPORTER_TEST_AVBRYT="fil 2")
    assert killed.returncode == -signal.SIGKILL
    assert _whole(first) == before
    result = reporter.build(base, space / "out", workspace=space)
    assert any("halvfärdiga mapp" in str(w) for w in result.warnings)
    assert _whole(first) != before


def test_a_full_disk_leaves_the_last_package_and_says_so(base, space, monkeypatch):
    first = reporter.build(base, space / "out", workspace=space).out_dir
    before = _whole(first)
    written = []
    original = packaging._write_file

    def fills_up(path, data):
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        written.append(path)
        original(path, data)

    monkeypatch.setattr(packaging, "_write_file", fills_up)
    with pytest.raises(reporter.ReporterError) as raised:
        reporter.build(base, space / "out", workspace=space)
    assert "disken är full" in str(raised.value) and str(first) in str(raised.value)
    assert _whole(first) == before
    assert not packaging.staging_folder(first).exists()


@pytest.mark.slow  # builds twice, 0.2 s CPU
def test_a_user_file_in_the_package_folder_is_kept(base, space):
    first = reporter.build(base, space / "out", workspace=space).out_dir
    (first / "mina anteckningar.txt").write_text("min egen fil", encoding="utf-8")
    reporter.build(base, space / "out", workspace=space)
    assert (first / "mina anteckningar.txt").read_text(encoding="utf-8") == "min egen fil"


# --- errors are the user's or the tool's ------------------------------------------------------------


def _cli(args: list[str]):
    from click.testing import CliRunner

    from reporter.cli import main

    return CliRunner().invoke(main, args)


def test_an_output_folder_that_cannot_be_made_is_the_environments_problem(base, space):
    blocker = space / "fil"
    blocker.write_text("en fil, inte en mapp")
    done = _cli(["build", str(base), "--out", str(blocker / "ut"), "--templates", str(space / "templates")])
    assert done.exit_code == 1, done.output
    assert "paketet kunde inte skrivas" in done.output and str(blocker) in done.output
    assert "Oväntat fel" not in done.output and "Traceback" not in done.output


def _fake_soffice(folder: Path, kind: str) -> Path:
    """A stand-in for LibreOffice: writes good PDFs, broken ones, or none (``kind``)."""
    script = folder / f"soffice-{kind}"
    script.write_text(
        textwrap.dedent(
            f"""\
            #!{sys.executable}
            import sys
            from pathlib import Path
            args = sys.argv[1:]
            out = Path(args[args.index("--outdir") + 1]); out.mkdir(parents=True, exist_ok=True)
            if "{kind}" == "ingen":
                sys.exit(1)
            for name in args[args.index("--outdir") + 2:]:
                target = out / (Path(name).stem + ".pdf")
                if "{kind}" == "trasig":
                    target.write_bytes(b"%PDF-1.7 inte mer")
                else:
                    sys.path.insert(0, {str(Path(__file__).parent)!r})
                    from fakepdf import document_pdf
                    target.write_bytes(document_pdf(Path(name).read_bytes()))
            """
        ),
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.mark.slow  # builds the period up to a PDF step that fails, 0.2 s CPU
@pytest.mark.parametrize("kind, said", [("trasig", "gjorde en trasig PDF"), ("ingen", "gjorde ingen PDF")])
def test_a_failing_libreoffice_is_said_with_the_program_and_nothing_is_written(base, space, kind, said):
    soffice = _fake_soffice(space, kind)
    done = _cli(["build", str(base), "--out", str(space / "out"), "--templates", str(space / "templates"), "--pdf", "--soffice", str(soffice)])
    assert done.exit_code == 1
    assert said in done.output and "Oväntat fel" not in done.output
    assert not (space / "out" / PERIOD).exists()


@pytest.mark.slow  # a Python process of its own imports reporter and builds, 0.5 s CPU
def test_a_closed_pipe_ends_quietly(base, space):
    set_cell(base / "personal.xlsx", "Anställda", "F1", "Kommentar")  # a warning to print
    process = subprocess.Popen(
        [sys.executable, "-m", "reporter", "status", str(base)], cwd=space, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader (| head) has gone before anything was printed
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 141  # as a shell reports a program whose reader has gone
    assert stderr == b""  # the reader wanted no more: nothing to say


def test_a_very_long_title_gives_a_file_name_every_system_can_hold(base, space):
    config = base / "rapport.yaml"
    title = "Uppföljning av " + "mycket " * 60 + "lång titel"
    config.write_text(config.read_text(encoding="utf-8").replace("titel: Extern rapport", f"titel: {title}"), encoding="utf-8")
    (base / "bilagor").mkdir()
    (base / "bilagor" / "extern.pdf").write_bytes(b"%PDF-1.4\n")
    config.write_text(config.read_text(encoding="utf-8").replace(f"titel: {title}", f"titel: {title}\n    fil: bilagor/extern.pdf"), encoding="utf-8")
    result = reporter.build(base, space / "out", workspace=space)
    names = [p.name for p in result.files]
    assert all(len(name.encode()) <= 120 for name in names), names


# --- Ctrl-C and kill end every child ----------------------------------------------------------------


def _processes_mentioning(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.slow  # stops a real build process with each signal (2.3 s CPU for the three)
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the processes")
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_a_stopped_build_ends_its_chart_process_and_writes_nothing(base, space, how):
    done = _run(["build", str(base), "--out", str(space / "out")], space, REPORTER_TEST_AVBRYT=f"{how}@diagram")
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(base)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_mentioning(str(base)) == []
    assert not (space / "out" / PERIOD).exists()
    if how == "SIGKILL":
        assert done.returncode == -signal.SIGKILL  # and communicate() returned: no child held the pipes
    else:
        assert done.returncode == 130, done.stderr
        assert done.stderr.strip() == "Avbrutet. Inget nytt skrevs; förra paketet är orört."


# --- every value a report can state -----------------------------------------------------------------


def _saved_value(path: Path, sheet: str, cell: str, raw: str, number_format: str | None = None) -> None:
    """Put ``raw`` as the saved value of a numeric cell, as another program could have written it (``NaN``, ``INF``)."""
    import zipfile

    from openpyxl import load_workbook

    from reporter.workbook import sheet_parts

    book = load_workbook(path)
    book[sheet][cell] = 0
    if number_format:
        book[sheet][cell].number_format = number_format
    book.save(path)
    member = sheet_parts(path)[sheet]
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts[member].decode()
    value = xml.index("<v>", xml.index(f'<c r="{cell}"'))
    parts[member] = (xml[:value] + f"<v>{raw}</v>" + xml[xml.index("</v>", value) + 4:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    "raw, said",
    [("NaN", "NaN"), ("INF", "oändligt"), ("-INF", "oändligt"), ("1e300", "rimlig storlek"), ("-2.5E+13", "rimlig storlek")],
)
def test_a_number_no_report_can_state_is_an_error_at_its_cell(base, raw, said):
    _saved_value(base / "personal.xlsx", "Arbetad tid", "C3", raw)
    found = [p for p in reporter.validate(base).errors if p.where.cell == "C3"]
    assert found and said in found[0].message, [str(p) for p in reporter.validate(base).problems]
    assert (found[0].where.file, found[0].where.sheet) == ("personal.xlsx", "Arbetad tid")


@pytest.mark.parametrize("text, said", [("2021-04-31", "2021-04-31 finns inte i kalendern"), ("1899-12", "förväntat en månad")])
def test_a_date_that_does_not_exist_is_an_error_at_its_cell(base, text, said):
    set_cell(base / "personal.xlsx", "Arbetad tid", "B3", text)
    found = [p for p in reporter.validate(base).errors if p.where.cell == "B3"]
    assert found and said in found[0].message


def test_excels_fictitious_1900_02_29_is_an_error_showing_that_date(base):
    _saved_value(base / "personal.xlsx", "Arbetad tid", "B3", "60", number_format="yyyy-mm-dd")  # serial 60: 1900-02-29 in Excel
    found = [p for p in reporter.validate(base).errors if p.where.cell == "B3"]
    assert found and "1900-02-29" in found[0].message


def test_a_date_before_march_1900_is_an_error(base):
    import datetime as dt

    set_cell(base / "personal.xlsx", "Arbetad tid", "B3", dt.datetime(1900, 1, 15))
    found = [p for p in reporter.validate(base).errors if p.where.cell == "B3"]
    assert found and "mars 1900" in found[0].message


def test_a_folder_named_for_another_month_is_an_error(tmp_path):
    folder = tmp_path / "2022-03"
    write_other_period(folder)  # rapport.yaml says 2022-02
    found = [p for p in reporter.validate(folder).errors if p.where.key == "period"]
    assert found and "mappen heter 2022-03 men rapport.yaml säger period: 2022-02" in found[0].message


# --- verify proves the package ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def _pdf_build(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pdf-paket")
    base = root / "inputs" / PERIOD
    write_other_period(base)
    space = root / "arbetsyta"
    shutil.copytree(TEMPLATES, space / "templates")
    soffice = _fake_soffice(space, "bra")
    return reporter.build(base, space / "out", workspace=space, pdf=True, soffice=soffice).out_dir


@pytest.fixture
def pdf_package(_pdf_build, base, space) -> Path:
    """A package built with (stand-in) PDFs from ``base`` (the same inputs, built once per module): the manifest lists them with their sha256."""
    package = space / "out" / PERIOD
    shutil.copytree(_pdf_build, package)
    return package


def _verify(package: Path, base: Path, space: Path):
    return reporter.verify(package, base, space / "templates")


def test_verify_passes_a_whole_package(pdf_package, base, space):
    result = _verify(pdf_package, base, space)
    assert result.ok, result.outputs + result.inputs
    assert any(name.endswith(".pdf") for name, _ in result.outputs)


def test_verify_finds_an_appendix_removed_from_folder_and_manifest(pdf_package, base, space):
    manifest = json.loads((pdf_package / "manifest.json").read_text(encoding="utf-8"))
    gone = next(e["fil"] for e in manifest["utdata"] if e["fil"].startswith("bilaga-1"))
    manifest["utdata"] = [e for e in manifest["utdata"] if e["fil"] != gone]
    (pdf_package / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (pdf_package / gone).unlink()
    result = _verify(pdf_package, base, space)
    assert not result.ok and (gone, "bygget gör filen men manifestet saknar den") in result.outputs


def test_verify_finds_an_extra_file(pdf_package, base, space):
    (pdf_package / "bilaga-9-okand.docx").write_bytes(b"PK")
    result = _verify(pdf_package, base, space)
    assert not result.ok and ("bilaga-9-okand.docx", "extra fil i paketet, inte i manifestet") in result.outputs


def test_verify_finds_a_replaced_pdf(pdf_package, base, space):
    pdf = next(pdf_package.glob("bilaga-1-*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"\n% utbytt")
    result = _verify(pdf_package, base, space)
    assert not result.ok and (pdf.name, "ändrad sedan bygget (sha256 stämmer inte med manifestet)") in result.outputs


def test_verify_finds_a_package_built_from_other_inputs(pdf_package, base, space):
    (base / "texter").mkdir(exist_ok=True)
    (base / "texter" / "namnderna.md").write_text("Nämnderna har sammanträtt.\n", encoding="utf-8")
    result = _verify(pdf_package, base, space)
    assert not result.ok
    assert ("indatamappen", "indatamappens innehåll stämmer inte med manifestets indata_sha256") in result.inputs
    assert ("texter/namnderna.md", "ny fil, inte i manifestet") in result.inputs


# --- bounded templates -------------------------------------------------------------------------------


# Every runaway template in turn, in one fresh process: the peak memory is reset before each (Linux:
# /proc/self/clear_refs), so each case's time and peak are its own, as in test_hostile's BATCH.
RUNAWAY = textwrap.dedent(
    """
    import json, os, sys, time
    from pathlib import Path
    from docx import Document
    import reporter.render as render
    render.MAX_RENDER_SECONDS = 0.2
    folder, results = Path(sys.argv[1]), {}
    for number, tag in enumerate(sys.argv[2:]):
        template = folder / f"mall-{number}.docx"
        document = Document()
        document.add_paragraph(tag)
        document.save(template)
        if os.path.exists("/proc/self/clear_refs"):
            with open("/proc/self/clear_refs", "w") as handle:
                handle.write("5")
        start = time.monotonic()
        try:
            render.render_docx(template, {"texter": {}}, {})
            said = "BYGGDES"
        except render.ReporterError as exc:
            said = str(exc)
        results[tag] = [said, time.monotonic() - start, PEAK]
    print(json.dumps(results))
    """
)
RUNAWAYS = [
    ("{{ 'x' * 10**9 }}", "gånger 1000000000"),
    ("{{ [1, 2] * 10**8 }}", "gånger 100000000"),
    ("{{ 7 ** 100000000 }}", "orimligt stort tal"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}", "orimligt mycket text|sekunder"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "mer än 0.2 sekunder"),
]


@pytest.fixture(scope="module")
def runaway_results(tmp_path_factory) -> dict[str, list]:
    """Each runaway template's (message, seconds, peak MB), by its tag."""
    folder = tmp_path_factory.mktemp("skenande")
    done = subprocess.run(
        [sys.executable, "-c", RUNAWAY.replace("PEAK", PEAK_MB), str(folder), *(tag for tag, _ in RUNAWAYS)],
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow  # runaway templates run to their limits in a process of their own (1 s CPU)
@pytest.mark.parametrize("tag, said", RUNAWAYS, ids=["text-gånger", "lista-gånger", "potens", "loop-som-skriver", "loop-utan-utdata"])
def test_a_runaway_template_is_stopped_in_seconds_and_bounded_memory(runaway_results, tag, said):
    message, seconds, peak = runaway_results[tag]
    assert "mall-" in message and "mallen stoppades" in message, message
    assert any(alternative in message for alternative in said.split("|")), message
    assert seconds < 8, seconds
    assert peak < 600, peak


# --- the pinned dependency whose private steps we override ------------------------------------------


def test_docxtpl_is_in_the_pinned_range_and_has_the_steps_render_overrides():
    """render.py overrides private steps of DocxTemplate; the pin in pyproject.toml keeps them, and this says when not."""
    import inspect
    import re
    import tomllib
    from importlib.metadata import version

    from docxtpl import DocxTemplate

    from reporter.render import _template_class

    pins = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pin = next(p for p in pins if p.startswith("docxtpl"))
    low, high = re.fullmatch(r"docxtpl>=([\d.]+),<([\d.]+)", pin).groups()
    installed = tuple(int(n) for n in version("docxtpl").split(".")[:2])
    assert tuple(int(n) for n in low.split(".")[:2]) <= installed < tuple(int(n) for n in high.split(".")[:2])
    ours = _template_class()
    overridden = [name for name, member in vars(ours).items() if inspect.isfunction(member) and not name.startswith("__")]
    assert overridden, "render.py overrides nothing?"
    for name in overridden:
        theirs = getattr(DocxTemplate, name, None)
        assert theirs is not None, f"DocxTemplate.{name} is gone: render.py's override must change"
        assert list(inspect.signature(theirs).parameters) == list(inspect.signature(getattr(ours, name)).parameters), name
