"""Hostile and careless inputs: refused quickly in bounded memory, or built into a sound DOCX.

The hostile files are checked in one fresh process (``reporter validate`` on
each in turn, the peak memory reset between them), so that the time and the
peak memory measured are each command's own, not the test runner's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from helpers import PEAK_MB, edit_sheet
from periods import write_other_period

import reporter
from reporter.errors import ReporterError
from reporter.package import output_lock
from reporter.render import render_docx

SECONDS, MEGABYTES = 10, 400  # bounds for refusing one hostile file, whole command included


@pytest.fixture
def base(tmp_path: Path) -> Path:
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    return folder


@pytest.fixture
def space(tmp_path: Path) -> Path:
    root = tmp_path / "arbetsyta"
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", root / "templates")
    return root


def _replace_part(path: Path, member: str, data: bytes, compression=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts[member] = data
    with zipfile.ZipFile(path, "w", compression) as target:
        for name, content in parts.items():
            target.writestr(name, content)


def _sheet_member(path: Path, title: str) -> str:
    from reporter.workbook import sheet_parts

    return sheet_parts(path)[title]


def _add_cell(xml: bytes, cell: bytes) -> bytes:
    return xml.replace(b"</sheetData>", cell + b"</sheetData>")


def _edit_sheet_xml(base: Path, change) -> None:
    """Change the raw XML of the Anställda sheet of personal.xlsx."""
    path = base / "personal.xlsx"
    member = _sheet_member(path, "Anställda")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(member)
    _replace_part(path, member, change(xml))


def zip_bomb(base: Path) -> None:
    padding = b"<!-- " + b" " * (64 << 20) + b" -->"  # 64 MB that deflates to ~60 kB
    _edit_sheet_xml(base, lambda xml: xml.replace(b"<sheetData>", padding + b"<sheetData>"))


def entity_expansion(base: Path) -> None:
    entities = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9)
    ) + b"]>"
    laugh = b'<row r="900"><c r="A900" t="inlineStr"><is><t>&j;</t></is></c></row>'
    _edit_sheet_xml(base, lambda xml: b'<?xml version="1.0" encoding="UTF-8"?>' + entities + _add_cell(xml, laugh))


def far_row(base: Path) -> None:
    _edit_sheet_xml(base, lambda xml: _add_cell(xml, b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))


def far_column(base: Path) -> None:
    _edit_sheet_xml(base, lambda xml: xml.replace(b'<c r="A1"', b'<c r="XFD1"><v>1</v></c><c r="A1"', 1))


def many_cells(base: Path) -> None:
    _edit_sheet_xml(base, lambda xml: _add_cell(xml, b'<row r="250000"><c r="GR250000"><v>1</v></c></row>'))


def broken_zip(base: Path) -> None:
    path = base / "personal.xlsx"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt_member(base: Path) -> None:
    path = base / "personal.xlsx"
    data = bytearray(path.read_bytes())
    start = data.find(b"xl/worksheets/sheet1.xml") + 40
    data[start:start + 200] = b"\x00" * 200  # the compressed data of a sheet, overwritten
    path.write_bytes(bytes(data))


def yaml_alias_bomb(base: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    path = base / "rapport.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")


def huge_text(base: Path) -> None:
    (base / "texter").mkdir(exist_ok=True)
    (base / "texter" / "inledning.md").write_text("x" * (3 << 20), encoding="utf-8")


HOSTILE = [
    (zip_bomb, "packas upp till orimligt mycket data", "personal.xlsx"),
    (entity_expansion, "XML-DTD", "personal.xlsx"),
    (far_row, "högst 299999 rader", "personal.xlsx"),
    (far_column, "kolumn XFD", "personal.xlsx"),
    (many_cells, "10 000 000 celler", "personal.xlsx"),
    (broken_zip, "skadad", "personal.xlsx"),
    (corrupt_member, "skadad", "personal.xlsx"),
    (yaml_alias_bomb, "alias", "2022-02/rapport.yaml"),
    (huge_text, "större än 2 MB", "texter/inledning.md"),
]


# ``reporter validate --json`` on each hostile period in turn, in one fresh process: the peak memory is reset
# before each (Linux: /proc/self/clear_refs), so each case's time and peak are its own.
BATCH = """
import contextlib, io, json, os, sys, time
from reporter.cli import main
results = {}
for folder in sys.argv[1:]:
    if os.path.exists("/proc/self/clear_refs"):
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        try:
            code = main(["validate", "--json", folder], standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
    results[folder] = [code, time.perf_counter() - start, PEAK, json.loads(out.getvalue())]
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def hostile_results(tmp_path_factory) -> dict[str, list]:
    """Each hostile case's (exit code, seconds, peak MB, the JSON), by the name of the function that breaks it."""
    folders = {}
    for breaks, _, _ in HOSTILE:
        folder = tmp_path_factory.mktemp(breaks.__name__) / "2022-02"
        write_other_period(folder)
        breaks(folder)
        folders[breaks.__name__] = folder
    done = subprocess.run([sys.executable, "-c", BATCH.replace("PEAK", PEAK_MB), *map(str, folders.values())],
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    return {name: results[str(folder)] for name, folder in folders.items()}


@pytest.mark.slow  # zip bombs and entity expansions read to their limits in a process of their own (2 s CPU)
@pytest.mark.parametrize("breaks, message, file", HOSTILE, ids=lambda v: getattr(v, "__name__", None))
def test_a_hostile_file_is_refused_quickly_in_bounded_memory(hostile_results, breaks, message, file):
    code, seconds, peak, found = hostile_results[breaks.__name__]
    assert code in (1, 2)
    hits = [p for p in found["problem"] if message in p["meddelande"]]
    assert hits, found["problem"]
    assert hits[0]["fil"] == file
    assert seconds < SECONDS, f"{seconds:.1f} s"
    assert peak < MEGABYTES, f"{peak:.0f} MB"


@pytest.mark.parametrize(
    "fil, message",
    [
        ("../utanfor.pdf", "pekar utanför periodmappen"),
        ("/etc/passwd", "absolut sökväg"),
        ("bilagor/../../utanfor.pdf", "pekar utanför periodmappen"),
        ("bilagor/lank.pdf", "länk till en fil utanför periodmappen"),
    ],
)
def test_an_external_appendix_must_stay_inside_the_period_folder(base, fil, message):
    (base.parent / "utanfor.pdf").write_bytes(b"%PDF-1.4 secret")
    (base / "bilagor").mkdir()
    (base / "bilagor" / "lank.pdf").symlink_to(base.parent / "utanfor.pdf")
    config = base / "rapport.yaml"
    text = config.read_text(encoding="utf-8").replace("  - titel: Extern rapport\n", f"  - titel: Extern rapport\n    fil: {fil}\n")
    config.write_text(text, encoding="utf-8")
    problems = reporter.validate(base).problems
    assert any(message in p.message and p.where.key == "bilagor[2].fil" for p in problems), problems


def test_an_output_name_is_a_slug_whatever_the_title_and_suffix(base, space):
    (base / "bilagor").mkdir()
    (base / "bilagor" / "a.P D F").write_bytes(b"%PDF-1.4")
    config = base / "rapport.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - titel: Extern rapport\n", '  - titel: "../../Ond <titel>/x"\n    fil: "bilagor/a.P D F"\n'),
        encoding="utf-8",
    )
    result = reporter.build(base, space / "out", workspace=space)
    names = sorted(p.name for p in result.out_dir.iterdir())
    assert "bilaga-2-ond-titel-x.p-d-f" in names
    assert all(p.parent == result.out_dir for p in result.out_dir.iterdir())


def _template(folder: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph("Rubrik")
    document.add_paragraph(text)
    path = folder / "ond.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    "tag, said",
    [
        ("{{ rapport.__class__ }}", "__class__"),
        ("{{ cycler.__init__.__globals__ }}", "__init__"),
        ("{{ rapport.__class__.__mro__ }}", "__class__"),
    ],
)
def test_a_template_reaching_for_unsafe_attributes_names_the_template_and_the_tag(tmp_path, tag, said):
    with pytest.raises(ReporterError) as caught:
        render_docx(_template(tmp_path, f"Text {tag} mer text"), {"rapport": "x", "texter": {}}, {})
    problem = caught.value.problems[0]
    assert problem.where.file == "ond.docx"
    assert "inte är tillåtet" in problem.message and said in problem.message
    assert f"(i mallkoden {tag})" in problem.message


def test_a_syntax_error_in_a_tag_names_the_template_and_shows_the_text_around_it(tmp_path):
    with pytest.raises(ReporterError) as caught:
        render_docx(_template(tmp_path, "Resultatet är {{ rapport + }} i år"), {"rapport": "x", "texter": {}}, {})
    problem = caught.value.problems[0]
    assert problem.where.file == "ond.docx"
    assert "fel i en mallkod" in problem.message and "Resultatet är {{ rapport + }} i år" in problem.message


@pytest.mark.slow  # builds a whole package, 0.4 s CPU
def test_user_text_is_content_control_characters_removed_long_texts_built(base, space):
    (base / "texter").mkdir(exist_ok=True)
    pasted = "Inklistrad\x0btext\x01 med {{ rapport.titel }} och {% for x in y %} och <w:p> & \"citat\"."
    (base / "texter" / "inledning.md").write_text(pasted + "\n\n" + "Lång text. " * 10000, encoding="utf-8")
    long_name = "Yrke " + "y" * 100_000

    def edit(sheet):
        for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
            if row[0].value == "Läkare":
                row[0].value = "Lä_x000B_kare"  # as Excel stores a pasted vertical tab
            elif row[0].value == "Sjuksköterskor":
                row[0].value = long_name

    edit_sheet(base / "personal.xlsx", "Anställda", edit)
    result = reporter.build(base, space / "out", workspace=space)
    texts = []
    for path in result.files:
        if path.suffix == ".docx":
            document = Document(path)  # python-docx opens it: the XML is sound
            texts.append("\n".join(p.text for p in document.paragraphs))
            texts.append("\n".join(c.text for t in document.tables for r in t.rows for c in r.cells))
    text = "\n".join(texts)
    assert "Inklistradtext med {{ rapport.titel }} och {% for x in y %} och <w:p> & \"citat\"." in text
    assert "\x0b" not in text and "\x01" not in text
    assert "Läkare" in text and long_name[:32767] in text  # Excel’s own limit for one cell: 32 767 characters


@pytest.mark.slow  # concurrency: two whole builds in processes of their own at once (1.5 s CPU)
@pytest.mark.long
def test_two_builds_of_one_period_at_once_both_finish_and_leave_one_complete_build(base, space):
    command = [sys.executable, "-m", "reporter", "build", str(base), "--out", str(space / "out")]
    other = subprocess.Popen(command, cwd=space, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reporter.build(base, space / "out", workspace=space)  # this process builds the same period meanwhile
    outcome = other.communicate(timeout=300)
    assert other.returncode == 0, outcome
    check = reporter.verify(space / "out" / "2022-02", base, space / "templates")
    assert check.ok, check.outputs + check.inputs
    assert not list((space / "out" / "2022-02").glob(".*.tmp"))


@pytest.mark.slow  # builds the period, waiting for the lock, 0.2 s CPU
def test_a_build_waits_for_the_lock_and_says_so_when_it_cannot_get_it(base, space, monkeypatch):
    monkeypatch.setattr("reporter.package.LOCK_WAIT_SECONDS", 0.3)
    with output_lock(space / "out" / "2022-02"):
        with pytest.raises(ReporterError) as caught:
            reporter.build(base, space / "out", workspace=space)
    assert "en annan körning skriver till" in caught.value.problems[0].message
    assert not (space / "out" / "2022-02").exists()  # nothing written while another held the folder
    reporter.build(base, space / "out", workspace=space)  # and the lock is free again


@pytest.mark.slow  # two whole builds in fresh processes with other hash seeds (1.4 s CPU)
@pytest.mark.long
def test_builds_in_separate_processes_are_byte_identical(base, space):
    """A build in a fresh process, with another hash seed and its own chart process, writes the bytes this process writes."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"  # not this process's seed
    command = [sys.executable, "-m", "reporter", "build", str(base), "--out", str(space / "a")]
    subprocess.run(command, cwd=space, env=dict(os.environ, PYTHONHASHSEED=seed), check=True, capture_output=True)
    reporter.build(base, space / "b", workspace=space)
    outputs = [{p.name: p.read_bytes() for p in sorted((space / folder / "2022-02").iterdir())} for folder in ("a", "b")]
    assert outputs[0].keys() == outputs[1].keys()
    assert [name for name in outputs[0] if outputs[0][name] != outputs[1][name]] == []


@pytest.mark.slow  # builds a package and verifies it, 0.7 s CPU
def test_verify_finds_a_changed_input_and_a_changed_output(base, space):
    reporter.build(base, space / "out", workspace=space)
    package = space / "out" / "2022-02"
    assert reporter.verify(package, base, space / "templates").ok
    document = next(package.glob("bilaga-1-*.docx"))
    document.write_bytes(document.read_bytes() + b"\0")
    found = dict(reporter.verify(package, base, space / "templates").outputs)
    assert found[document.name] == "ändrad sedan bygget (sha256 stämmer inte med manifestet)"
    reporter.build(base, space / "out", workspace=space)
    edit_sheet(base / "personal.xlsx", "Anställda", lambda sheet: sheet.__setitem__("E2", 999))
    result = reporter.verify(package, base, space / "templates")
    assert not result.ok and ("personal.xlsx", "skiljer sig") in result.inputs
