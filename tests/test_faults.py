"""Issue 27: no hang, no orphan, no stale file, a PDF that is its document, bounded memory, paths in messages.

The faults as a user meets them: a fake LibreOffice that never ends or
writes the wrong PDFs, a build killed with SIGKILL at many moments or
stopped with SIGTERM, a lost manifest, a large unrelated file in the period
folder, commands run from another folder. Where a process boundary is what
is tested, the command line runs in a process of its own; elsewhere the
library is called. Deadlines are short and the fake programs quick: no test
waits longer than it must.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "2021-03"
TEMPLATES = ROOT / "templates"
PERIOD = "2021-03"
SMALL = "2022-02"
MARK = "REPORTER_TEST_MARKE"  # in the environment of every process a test's build starts
HAS_PROC = Path("/proc/self/environ").exists()


@pytest.fixture
def space(tmp_path: Path) -> Path:
    """A workspace: the example period and the templates, a temporary folder of its own (TMPDIR)."""
    root = tmp_path / "arbetsyta"
    shutil.copytree(EXAMPLE, root / "inputs" / PERIOD)
    shutil.copytree(TEMPLATES, root / "templates")
    (root / "tmp").mkdir()
    return root


@pytest.fixture
def small(space: Path) -> str:
    """A smaller period in the workspace (two divisions, two documents): for the cases that build only to stop the build."""
    from periods import write_other_period

    write_other_period(space / "inputs" / SMALL)
    return f"inputs/{SMALL}"


def _env(space: Path, mark: str, **more: str) -> dict[str, str]:
    return {**os.environ, MARK: mark, "TMPDIR": str(space / "tmp"), **more}


def _reporter(space: Path, *args: str, mark: str = "", timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reporter", *args], cwd=space, capture_output=True, text=True, timeout=timeout,
        env=_env(space, mark or uuid.uuid4().hex, **env),
    )


def _marked(mark: str) -> list[int]:
    """The processes whose environment carries ``mark``: everything a build started, however deep."""
    found = []
    needle = f"{MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle in (entry / "environ").read_bytes() and b"State:\tZ" not in (entry / "status").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _gone(mark: str, within: float = 3) -> list[int]:
    """The marked processes still alive after ``within`` seconds (none, when all is well)."""
    end = time.monotonic() + within
    while _marked(mark) and time.monotonic() < end:
        time.sleep(0.05)
    return _marked(mark)


def _fake_soffice(folder: Path, body: str, name: str = "soffice") -> Path:
    script = folder / name
    script.write_text(f"#!{sys.executable}\n" + textwrap.dedent(body), encoding="utf-8")
    script.chmod(0o755)
    return script


# A LibreOffice that starts a child (as soffice starts soffice.bin) and never ends: both hold the output open.
HUNG = """\
    import subprocess, sys, time
    from pathlib import Path
    first, out = sys.argv[sys.argv.index("--outdir") + 2], sys.argv[sys.argv.index("--outdir") + 1]
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(100000)"])  # before the build hears of it
    print(f"convert {first} -> {out}/{Path(first).stem}.pdf using filter : pdf", flush=True)
    time.sleep(100000)
    """


# --- 1. bounded waits, with progress -------------------------------------------------------------------


@pytest.mark.slow  # a real build process waits out a hung LibreOffice's deadline (1.7 s CPU, 6 s wall)
@pytest.mark.long
@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to find the processes")
def test_a_hung_libreoffice_is_stopped_at_its_deadline_with_its_children(space, small):
    soffice = _fake_soffice(space, HUNG)
    mark = uuid.uuid4().hex
    done = _reporter(space, "build", small, "--pdf", "--soffice", str(soffice), "--pdf-tidsgräns", "1", mark=mark)
    assert done.returncode == 1, done.stderr
    assert "LibreOffice gör PDF av 2 dokument (tidsgräns 1 s" in done.stderr  # the user sees it working
    assert "PDF 1 av 2: regiondirektorens-rapport-2022-02.pdf" in done.stderr
    message = done.stderr.split("FEL: ", 1)[1]
    assert "LibreOffice" in message and "--pdf-tidsgräns" in message
    assert "regiondirektorens-rapport-2022-02.docx" in message  # the document it was making
    assert not (space / "out").exists() or not any((space / "out").iterdir())
    assert _gone(mark, within=1) == []
    assert list((space / "tmp").iterdir()) == []


def test_the_deadline_runs_while_the_program_keeps_its_output_open(tmp_path):
    from reporter.processes import DeadlinePassed, run

    lines: list[str] = []
    with pytest.raises(DeadlinePassed) as raised:
        run([sys.executable, "-c", "import time; print('convert a -> b', flush=True); time.sleep(100000)"], 0.5, lines.append)
    assert lines == ["convert a -> b\n"] and raised.value.output == "convert a -> b\n"


def test_a_soffice_given_in_this_folder_is_this_folders(tmp_path, monkeypatch):
    from reporter.pdf import find_soffice

    _fake_soffice(tmp_path, HUNG, name="s")
    monkeypatch.chdir(tmp_path)
    assert find_soffice(Path("s")) == tmp_path / "s"  # as ./s: run from here, not looked up on PATH


def test_the_standard_deadline_is_a_minute_and_a_few_seconds_per_document():
    from reporter.pdf import default_seconds

    assert default_seconds(0) == 60 and 60 < default_seconds(6) <= 60 + 10 * 6


# --- 2. no orphans, whatever kills the build -----------------------------------------------------------


@pytest.mark.slow  # kills a real build process at nine moments (3 s CPU, 8 s wall)
@pytest.mark.long
@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to find the processes")
def test_a_build_killed_at_any_moment_leaves_no_process(space, small):
    soffice = _fake_soffice(space, HUNG)
    moments = [0.05 + 0.95 * i / 7 for i in range(8)] + [None]  # None: once LibreOffice runs
    survivors = {}
    for moment in moments:
        mark = uuid.uuid4().hex
        build = subprocess.Popen(
            [sys.executable, "-m", "reporter", "build", small, "--out", "ut", "--pdf", "--soffice", str(soffice)],
            cwd=space, env=_env(space, mark), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        if moment is None:
            assert build.stderr is not None
            for line in build.stderr:
                if line.startswith("PDF 1 av"):
                    break
        else:
            time.sleep(moment)
        build.kill()
        build.wait()
        left = _gone(mark, within=2)
        if left:
            survivors[moment] = left
            for pid in left:
                os.kill(pid, signal.SIGKILL)
    assert survivors == {}
    assert not (space / "ut" / SMALL).exists()


_TEST_PROCESS = os.getpid()


def _draw_slowly(kind, figures):
    """Charts that take the chart process far longer than its deadline; drawn at once in the build's own process."""
    if os.getpid() != _TEST_PROCESS:
        time.sleep(5)
        return {"diagram": "ritat i ritprocessen"}
    return {"diagram": "ritat i byggets process"}


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the chart process runs where there are two cores")
def test_a_stuck_chart_process_is_stopped_at_its_deadline_and_the_charts_drawn_here(monkeypatch):
    from reporter import charts

    monkeypatch.setattr(charts, "charts_for", _draw_slowly)
    monkeypatch.setattr(charts, "CHART_SECONDS", 0.5)
    monkeypatch.setattr(charts, "_DRAWN", {})
    with charts.Drawer() as drawer:
        drawer.submit("rapport.docx", "ekonomirapport", ("figurer",))
        assert drawer.charts("rapport.docx") == {"diagram": "ritat i byggets process"}
        assert drawer._pool is None  # the stuck process was stopped


def test_a_chart_process_whose_build_died_before_it_was_set_up_ends_at_once():
    from reporter.charts import _worker_setup

    pid = os.fork()
    if pid == 0:
        try:
            _worker_setup(os.getppid() + 100000)  # not its parent: as if the build had died already
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1


# --- 6. clean up, also after the fact ------------------------------------------------------------------


@pytest.mark.slow  # stops a real build process with SIGTERM during its PDF step (1.5 s CPU)
@pytest.mark.long
@pytest.mark.skipif(not HAS_PROC, reason="needs /proc to find the processes")
def test_a_build_stopped_with_sigterm_during_pdf_leaves_no_temporary_folder(space, small):
    soffice = _fake_soffice(space, HUNG)
    mark = uuid.uuid4().hex
    build = subprocess.Popen(
        [sys.executable, "-m", "reporter", "build", small, "--pdf", "--soffice", str(soffice)],
        cwd=space, env=_env(space, mark), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert build.stderr is not None
    for line in build.stderr:
        if line.startswith("PDF 1 av"):
            break
    assert [p.name.startswith("reporter-pdf-") for p in (space / "tmp").iterdir()] == [True]
    build.terminate()
    rest = build.communicate(timeout=30)[1]
    assert build.returncode == 130, rest
    assert _gone(mark, within=1) == []
    assert list((space / "tmp").iterdir()) == []


@pytest.mark.slow  # a real process builds, then a build and a verify, 0.3 s CPU
def test_the_next_start_removes_the_folders_of_builds_that_no_longer_run(space, small, monkeypatch):
    import tempfile

    import reporter

    monkeypatch.setattr(tempfile, "tempdir", str(space / "tmp"))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale = space / "tmp" / f"reporter-pdf-{dead}-abc"
    (stale / "profil").mkdir(parents=True)
    (stale / "ut.pdf").write_bytes(b"%PDF halv")
    running = space / "tmp" / f"reporter-verify-{os.getpid()}-def"  # this process's: it lives
    running.mkdir()
    other = space / "tmp" / "reporter-pdf-utan-pid"
    other.mkdir()
    reporter.build(space / small, space / "ut", space / "templates", workspace=space)
    assert sorted(p.name for p in (space / "tmp").iterdir()) == sorted([running.name, other.name])


# --- 3. a PDF is the document it claims to be ----------------------------------------------------------

# A LibreOffice that writes the first document's PDF under every name.
SAME_PDF_EVERYWHERE = f"""\
    import sys
    from pathlib import Path
    sys.path.insert(0, {str(Path(__file__).parent)!r})
    from fakepdf import document_pdf
    args = sys.argv[1:]
    out = Path(args[args.index("--outdir") + 1]); out.mkdir(parents=True, exist_ok=True)
    sources = args[args.index("--outdir") + 2:]
    for name in sources:
        print(f"convert {{name}} -> {{out / (Path(name).stem + '.pdf')}} using filter : pdf", flush=True)
        (out / (Path(name).stem + ".pdf")).write_bytes(document_pdf(Path(sources[0]).read_bytes()))
    """


@pytest.mark.slow  # a whole build with PDFs from a stand-in LibreOffice in processes of its own (1.3 s CPU)
def test_a_libreoffice_that_writes_another_documents_pdf_is_refused(space):
    from reporter import ReporterError, build

    soffice = _fake_soffice(space, SAME_PDF_EVERYWHERE)
    with pytest.raises(ReporterError) as raised:
        build(space / "inputs" / PERIOD, space / "out", space / "templates", workspace=space, pdf=True, soffice=soffice)
    said = "\n".join(f"{p.where.file}: {p.message}" for p in raised.value.problems)
    assert "bilaga-1-ekonomirapport-2021-03.pdf är inte PDF:en av bilaga-1-ekonomirapport-2021-03.docx" in said
    assert "har titeln 'Regiondirektörens rapport mars 2021', inte 'Bilaga 1 Ekonomirapport mars 2021'" in said
    assert "regiondirektorens-rapport-2021-03.pdf är inte" not in said  # the one PDF that is its document
    assert "delen bilaga-2-produktionsrapport-2021-03.pdf" in said  # the merged PDF, part by part
    assert not (space / "out").exists()


def test_a_part_of_the_merged_pdf_that_is_not_its_document_is_named():
    from fakepdf import text_pdf

    from reporter.pdf import Part, merge
    from reporter.pdfcheck import Expected, merged_mismatches

    first, second = text_pdf("Ett", ["Ett dokument"]), text_pdf("Två", ["Två dokument"])
    merged = merge([Part("Ett", first), Part("Två", first)], "Ett med bilagor")  # the second part is the first again
    found = merged_mismatches(merged, [("ett.pdf", first, Expected("Ett", ("Ett dokument",))), ("tva.pdf", second, Expected("Två", ("Två dokument",)))])
    assert found == [("tva.pdf", "visar inte 'Två dokument' på första sidan")]


def test_a_pdf_whose_first_page_counts_other_pages_is_not_its_document():
    from fakepdf import text_pdf

    from reporter.pdfcheck import Expected, mismatch

    pdf = text_pdf("Rapport", ["Rapport Sida 1 (6)"])
    assert mismatch(pdf, Expected("Rapport", ("Rapport",))) == "har 1 sidor, men första sidan säger att dokumentet har 6"


@pytest.mark.slow  # a whole build with PDFs from a stand-in LibreOffice in processes of its own, then verify (1.6 s CPU)
def test_verify_finds_a_pdf_that_is_another_documents(space):
    import hashlib
    import json

    import reporter

    soffice = _fake_soffice(space, SAME_PDF_EVERYWHERE.replace("sources[0]", "name"))  # a LibreOffice that works
    package = reporter.build(space / "inputs" / PERIOD, space / "out", space / "templates", workspace=space, pdf=True, soffice=soffice).out_dir
    swapped = package / "bilaga-3-personalrapport-2021-03.pdf"
    swapped.write_bytes((package / "bilaga-1-ekonomirapport-2021-03.pdf").read_bytes())
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))  # and the manifest made to agree
    for entry in manifest["utdata"]:
        if entry["fil"] == swapped.name:
            entry["sha256"] = hashlib.sha256(swapped.read_bytes()).hexdigest()
    (package / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    result = reporter.verify(package, space / "inputs" / PERIOD, space / "templates")
    assert not result.ok
    findings = dict(result.outputs)
    assert findings[swapped.name].startswith("är inte PDF:en av bilaga-3-personalrapport-2021-03.docx: den har titeln 'Bilaga 1")
    assert findings["regiondirektorens-rapport-2021-03-med-bilagor.pdf"].startswith("stämmer")  # built before the swap


# --- 4. the output folder is the tool's to manage ------------------------------------------------------


def _appendices(space: Path, kept: int) -> None:
    """rapport.yaml's bilagor: cut to the first ``kept``."""
    config = space / "inputs" / PERIOD / "rapport.yaml"
    text = config.read_text(encoding="utf-8")
    head, tail = text.split("bilagor:", 1)
    lines = tail.splitlines(keepends=True)
    items = [i for i, line in enumerate(lines) if line.startswith("  - ")]
    config.write_text(head + "bilagor:" + "".join(lines[: items[kept]]), encoding="utf-8")


@pytest.mark.slow  # builds twice, 0.5 s CPU
@pytest.mark.parametrize("manifest", ["kvar", "borttaget"])
def test_a_smaller_package_leaves_no_stale_appendix_with_or_without_a_manifest(space, manifest):
    import reporter

    period, templates = space / "inputs" / PERIOD, space / "templates"
    first = reporter.build(period, space / "out", templates, workspace=space).out_dir
    assert len(list(first.glob("bilaga-*"))) == 6  # five appendices, one with a cover page
    (first / "mina anteckningar.docx").write_bytes(b"egen")
    (first / "bilaga-2-anteckningar.txt").write_bytes(b"egen")  # not a document the tool makes
    if manifest == "borttaget":
        (first / "manifest.json").unlink()
    _appendices(space, 1)
    result = reporter.build(period, space / "out", templates, workspace=space)
    names = sorted(p.name for p in result.out_dir.iterdir())
    assert names == sorted(["bilaga-1-ekonomirapport-2021-03.docx", "bilaga-2-anteckningar.txt", "manifest.json",
                            "mina anteckningar.docx", "regiondirektorens-rapport-2021-03.docx"])
    said = " ".join(p.message for p in result.warnings)
    if manifest == "borttaget":
        assert "manifest.json saknades" in said and "bilaga-5-uppfoljning-vardval-primarvard-mars-2021.pdf" in said
    else:
        assert "togs bort" not in said  # the last manifest listed them: they were the last package's


@pytest.mark.slow  # builds a whole package, 0.3 s CPU
def test_an_earlier_months_report_in_the_package_folder_is_the_tools(space):
    import reporter

    folder = space / "out" / PERIOD
    folder.mkdir(parents=True)
    (folder / "regiondirektorens-rapport-2021-02-med-bilagor.pdf").write_bytes(b"%PDF")
    (folder / "regiondirektorens-rapport-kommentarer.docx").write_bytes(b"egen")
    result = reporter.build(space / "inputs" / PERIOD, space / "out", space / "templates", workspace=space)
    assert not (folder / "regiondirektorens-rapport-2021-02-med-bilagor.pdf").exists()
    assert (folder / "regiondirektorens-rapport-kommentarer.docx").read_bytes() == b"egen"
    assert any("regiondirektorens-rapport-2021-02-med-bilagor.pdf" in p.message for p in result.warnings)


# --- 5. streaming: what is not an input is not read ----------------------------------------------------


@pytest.mark.slow  # large scale: a 2 GB file beside a whole build in a process of its own (2 s CPU)
@pytest.mark.long
@pytest.mark.skipif(sys.platform != "linux", reason="a sparse file and getrusage's peak in kB")
def test_a_large_file_in_the_period_folder_is_not_read_and_memory_stays_bounded(space):
    import json

    recording = space / "inputs" / PERIOD / "skarminspelning.mp4"
    subprocess.run(["truncate", "-s", "2G", str(recording)], check=True)
    (space / "inputs" / PERIOD / "bilagor" / "stor.pdf").write_bytes(b"%PDF-1.4\n")  # named as an input: in the manifest
    measure = (
        "import resource, subprocess, sys; "
        "done = subprocess.run([sys.executable, '-m', 'reporter', 'build', 'inputs/2021-03', '--out', 'ut'], capture_output=True, text=True); "
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); print(done.stderr, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", measure], cwd=space, capture_output=True, text=True, timeout=300, env=_env(space, "minne"))
    code, peak_mb = map(int, done.stdout.split())
    assert code == 0, done.stderr
    assert peak_mb < 400, peak_mb
    assert "skarminspelning.mp4 (2,1 GB)" in done.stderr and "lästes inte" in done.stderr
    listed = [e["fil"] for e in json.loads((space / "ut" / PERIOD / "manifest.json").read_text(encoding="utf-8"))["indata"]]
    assert "bilagor/stor.pdf" in listed and "skarminspelning.mp4" not in listed
    print(f"toppminne med en fil på 2 GB i periodmappen: {peak_mb} MB")


def test_running_out_of_memory_while_hashing_names_the_file(tmp_path, monkeypatch):
    import hashlib

    from reporter import ReporterError
    from reporter.package import file_sha256

    path = tmp_path / "inspelning.mov"
    path.write_bytes(b"x")
    monkeypatch.setattr(hashlib, "file_digest", lambda *_args: (_ for _ in ()).throw(MemoryError()))
    with pytest.raises(ReporterError) as raised:
        file_sha256(path)
    assert raised.value.problems[0].where.file == str(path) and "minnet tog slut" in raised.value.problems[0].message


def test_a_file_is_hashed_a_block_at_a_time(tmp_path, monkeypatch):
    import hashlib

    from reporter.package import file_sha256

    path = tmp_path / "fil"
    path.write_bytes(b"x" * 3_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    assert file_sha256(path) == hashlib.sha256(b"x" * 3_000_000).hexdigest()


# --- 7. messages that carry their path and their option -------------------------------------------------


def _cli(args: list[str], **env: str):
    from click.testing import CliRunner

    from reporter.cli import main

    return CliRunner(env=env or None).invoke(main, args)


def test_a_missing_templates_folder_is_named_with_its_option(space):
    from reporter import ReporterError, build

    shutil.rmtree(space / "templates")
    with pytest.raises(ReporterError) as raised:
        build(space / "inputs" / PERIOD, space / "ut", workspace=space)
    assert [p.message for p in raised.value.problems] == [f"mallmappen {space / 'templates'} finns inte; ange mallmappen med --templates MAPP"]


def test_a_missing_template_names_its_folder_and_the_option(space):
    from reporter import ReporterError, build

    (space / "templates" / "ekonomirapport.docx").unlink()
    with pytest.raises(ReporterError) as raised:
        build(space / "inputs" / PERIOD, space / "ut", workspace=space)
    message = raised.value.problems[0].message
    assert str(space / "templates") in message and "--templates" in message


# verify is slow: it builds the period first, 0.6 s CPU
@pytest.mark.parametrize("command", ["build", "validate", "status", pytest.param("verify", marks=pytest.mark.slow)])
def test_a_missing_period_folder_is_exit_2_in_every_command(space, command, monkeypatch):
    import reporter

    if command == "verify":  # the folder the manifest names is gone
        reporter.build(space / "inputs" / PERIOD, space / "ut", workspace=space)
        shutil.move(space / "inputs" / PERIOD, space / "flyttad")
        monkeypatch.chdir(space)
        done = _cli(["verify", str(space / "ut" / PERIOD)])
    else:
        done = _cli([command, str(space / "inputs" / "2021-13")])
    assert done.exit_code == 2, done.output
    assert "periodmappen" in done.output and "finns inte" in done.output
    assert "saknas" not in done.output  # no table of what is missing in a folder that is not there


def test_no_period_folder_to_build_is_exit_2_as_well(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = _cli(["build"])
    assert done.exit_code == 2 and "ingen period att bygga" in done.output


@pytest.mark.slow  # builds a package and verifies it, 0.7 s CPU
def test_verify_from_another_folder_names_the_folder_and_its_option(space, monkeypatch):
    import reporter

    monkeypatch.chdir(space)
    reporter.build(Path("inputs") / PERIOD, Path("ut"))  # the manifest names inputs/2021-03 from the workspace
    elsewhere = space / "tmp"
    monkeypatch.chdir(elsewhere)
    done = _cli(["verify", str(space / "ut" / PERIOD)])
    assert done.exit_code == 2
    assert f"periodmappen {elsewhere / 'inputs' / PERIOD}, som paketet byggdes från" in done.output
    assert "--inputs MAPP" in done.output and f"sökt från {elsewhere}" in done.output
    assert _cli(["verify", str(space / "ut" / PERIOD), "--inputs", str(space / "inputs" / PERIOD),
                 "--templates", str(space / "templates")]).exit_code == 0


def test_a_month_that_does_not_exist_is_a_usage_error(tmp_path):
    done = _cli(["scaffold", str(tmp_path / "2021-13"), "--period", "2021-13"])
    assert done.exit_code == 2
    assert "Ogiltigt värde för '--period': '2021-13' är ingen månad" in done.output and "Det finns 1 fel" not in done.output


def test_status_fits_the_terminals_width(space, monkeypatch):
    monkeypatch.chdir(space)  # a path is never broken: one longer than the terminal stays whole on a line of its own
    wide = _cli(["status", f"inputs/{PERIOD}"])
    assert max(map(len, wide.output.splitlines())) > 80  # a file or pipe gets the whole table
    done = _cli(["status", f"inputs/{PERIOD}"], COLUMNS="80")
    lines = done.output.splitlines()
    assert max(map(len, lines)) <= 80, [line for line in lines if len(line) > 80]
    assert "Länssjukvård" in lines and "  ekonomi: ekonomi.xlsx" in lines  # each division, then its workbooks


@pytest.mark.slow  # builds a package and verifies it, 0.7 s CPU
def test_verify_names_the_documents_and_parts_a_template_change_changed(space):
    import zipfile

    import reporter

    package = reporter.build(space / "inputs" / PERIOD, space / "ut", space / "templates", workspace=space).out_dir
    template = space / "templates" / "ekonomirapport.docx"
    with zipfile.ZipFile(template) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    for name in ("word/header1.xml", "word/header2.xml", "word/document.xml"):
        parts[name] = parts[name].replace("GÄLLER FÖR VERKSAMHET".encode(), "GÄLLER FÖR".encode()).replace(b">Resultat<", b">Resultatet<")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = reporter.verify(package, space / "inputs" / PERIOD, space / "templates")
    findings = dict(result.outputs)
    assert findings["bilaga-1-ekonomirapport-2021-03.docx"] == "skiljer sig: brödtext, sidhuvud"
    assert findings["bilaga-2-produktionsrapport-2021-03.docx"] == "stämmer"
    assert ("mall ekonomirapport.docx", "skiljer sig") in result.inputs
    assert result.differing == ["bilaga-1-ekonomirapport-2021-03.docx"]
