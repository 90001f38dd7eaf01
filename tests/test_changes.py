"""What changed between two builds (issue 23 item 6): reporter ändringar, and build's own report of it."""

from __future__ import annotations

import io
import shutil

import pytest
from click.testing import CliRunner
from docx import Document
from helpers import edit_sheet

import reporter
from reporter.changes import Change, DocumentChanges, PackageChanges, compare_documents, compare_packages, counts, excerpt, package_files, summary
from reporter.cli import main


def _docx(paragraphs: list[str], cells: list[list[str]] | None = None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if cells:
        table = document.add_table(rows=len(cells), cols=len(cells[0]))
        for r, row in enumerate(cells):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_paragraph_added_leaves_the_ones_after_it_unchanged():
    old = _docx(["Inledning.", "Resultatet är 436 mnkr.", "Slut."], [["Läkemedel", "318"], ["Övrigt", "12"]])
    new = _docx(["Inledning.", "Ny mening.", "Resultatet är 436 mnkr.", "Slut."], [["Läkemedel", "289"], ["Övrigt", "12"]])
    assert compare_documents(old, new) == [
        Change("stycke 2", None, "Ny mening."),
        Change("tabell 1, rad 1, kolumn 2", "318", "289"),
    ]
    assert compare_documents(old, old) == []


def test_the_summary_counts_and_bounds_what_it_lists():
    changes = [Change(f"tabell 2, rad {n}, kolumn 3", str(n), str(n + 1)) for n in range(1, 14)] + [Change("stycke 4", "a.", "b.")]
    assert counts(changes) == "1 stycke och 13 tabellceller ändrade"
    assert counts(changes[:1]) == "1 tabellcell ändrad"
    assert counts([Change("stycke 1", None, "Ny.")]) == "1 stycke tillagt"
    assert counts([Change("stycke 1", "a", None), Change("stycke 2", "b", None)]) == "2 stycken borttagna"
    new = {"a.docx": _docx(["x"]), "b.pdf": b"%PDF ny"}
    old = {"a.docx": _docx(["y"]), "b.pdf": b"%PDF gammal", "c.docx": b""}
    lines = summary(compare_packages(old, new))
    assert lines == ["  Borttaget dokument: c.docx", "  a.docx: 1 stycke ändrat", "    stycke 1: y → x", "  b.pdf: filen är ändrad"]
    many = summary(PackageChanges([], [], [DocumentChanges("r.docx", changes)]), listed=10)
    assert many[-1] == "    … och 4 ändringar till" and len(many) == 12
    assert summary(compare_packages(new, new)) == ["Inga ändringar: samma dokument med samma innehåll."]


def test_a_long_sentence_is_cut_around_what_changed():
    before = "Vid utgången av mars 2021 har Region Norrbotten " + "mycket många ord " * 10 + "7 012 anställda, varav " + "fler ord " * 10 + "slut."
    old, new = excerpt(before, before.replace("7 012", "7 005"))
    assert old.startswith("…") and old.endswith("…") and "7 012 anställda" in old and "7 005 anställda" in new
    assert len(old) < len(before) / 2


@pytest.mark.slow  # two whole builds through the command line and their comparison (1.3 s CPU)
@pytest.mark.long
def test_a_second_build_says_what_changed_and_writes_the_same_package(small, workspace, tmp_path):
    out = workspace / "out"
    first = reporter.build(small, out, workspace=workspace)
    assert first.changes is None  # nothing to compare with
    saved = tmp_path / "förra"
    shutil.copytree(first.out_dir, saved)

    def more_doctors(sheet) -> None:
        for row in sheet.iter_rows(min_row=2):
            if row[0].value == "PV" and str(row[3].value) == "2022-02":
                row[4].value = 105

    edit_sheet(small / "personal.xlsx", "Anställda", more_doctors)
    built = CliRunner().invoke(main, ["build", str(small), "--out", str(out), "--templates", str(workspace / "templates")])
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in first.out_dir.iterdir()) == sorted(p.name for p in saved.iterdir())  # nothing of it in the package
    changes = compare_packages(package_files(saved), package_files(first.out_dir))
    assert not changes.added and not changes.removed
    assert any(c.cell and (c.old, c.new) == ("124", "125") for d in changes.changed for c in d.changes), summary(changes)
    lines = summary(changes)
    line = next(line for line in lines if line.startswith("  bilaga-1-personalrapport-2022-02.docx: "))
    assert "tabellceller ändrade" in line and line.endswith(", 1 bild ändrad"), line  # the headcount chart
    said = built.output.splitlines()
    start = said.index(f"Ändringar mot förra bygget i {first.out_dir}:")
    assert said[start + 1:start + 1 + len(lines)] == lines  # build says it before the files it wrote

    result = CliRunner().invoke(main, ["ändringar", str(saved), str(first.out_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == lines
    assert reporter.compare_folders(saved, saved).none
