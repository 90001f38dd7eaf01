"""The command line passes its arguments on and turns problems into messages."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner

import reporter
from reporter.cli import main
from reporter.errors import ReporterError, error


def test_build_passes_paths_to_the_library():
    runner = CliRunner()
    result_value = mock.Mock(files=[Path("out/2021-03/x.docx")], warnings=[])
    with mock.patch.object(reporter, "build", autospec=True, return_value=result_value) as build:
        result = runner.invoke(main, ["build", "inputs/2021-03", "--out", "ut", "--templates", "mallar"])
    assert result.exit_code == 0, result.output
    build.assert_called_once_with(Path("inputs/2021-03"), Path("ut"), Path("mallar"), pdf=False, soffice=None, progress=mock.ANY, strict=False)
    assert "Skrev out/2021-03/x.docx" in result.output


def test_build_without_arguments_uses_defaults():
    runner = CliRunner()
    with mock.patch.object(reporter, "build", autospec=True, return_value=mock.Mock(files=[], warnings=[])) as build:
        runner.invoke(main, ["build"])
    build.assert_called_once_with(None, None, None, pdf=False, soffice=None, progress=mock.ANY, strict=False)


def test_problems_become_messages_and_exit_1():
    runner = CliRunner()
    problem = error("Utfall: 'x' går inte att läsa", file="ekonomi.xlsx", sheet="Divisioner", cell="B3")
    with mock.patch.object(reporter, "build", autospec=True, side_effect=ReporterError([problem])):
        result = runner.invoke(main, ["build"])
    assert result.exit_code == 1
    assert "Det finns 1 fel som måste rättas:" in result.output
    assert "ekonomi.xlsx" in result.output
    assert "FEL: blad Divisioner, cell B3: Utfall: 'x' går inte att läsa" in result.output
    assert "Traceback" not in result.output


def test_unexpected_failure_is_a_message_not_a_traceback():
    runner = CliRunner()
    with mock.patch.object(reporter, "build", autospec=True, side_effect=RuntimeError("oj")):
        result = runner.invoke(main, ["build"])
    assert result.exit_code == 3
    assert "Oväntat fel (RuntimeError): oj" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow  # builds a whole package, 0.4 s CPU
def test_build_end_to_end_in_a_workspace(tmp_path, example_dir, monkeypatch):
    """`reporter build` with no arguments finds inputs/ and templates/ in the current folder."""
    from conftest import TEMPLATES

    shutil.copytree(example_dir, tmp_path / "inputs" / "2021-03")
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "2021-03" / "regiondirektorens-rapport-2021-03.docx").is_file()


def test_validate_reports_errors_with_exit_1(period):
    (period / "personal.xlsx").unlink()
    result = CliRunner().invoke(main, ["validate", str(period)])
    assert result.exit_code == 1
    assert "ingen arbetsbok av slaget personal" in result.output


def test_validate_ok(example_dir):
    result = CliRunner().invoke(main, ["validate", str(example_dir)])
    assert result.exit_code == 0
    assert "inga fel" in result.output


def test_missing_period_folder_is_a_message():
    result = CliRunner().invoke(main, ["build", "finns/inte"])
    assert result.exit_code == 2  # as validate and status: nothing can be read
    assert "periodmappen finns/inte finns inte" in result.output


def test_mallar_passes_the_template_and_folder_to_the_library():
    checked = mock.Mock(templates=[mock.Mock()], problems=[])
    checked.templates[0].name = "ekonomirapport.docx"
    with mock.patch.object(reporter, "check_templates", autospec=True, return_value=checked) as check:
        result = CliRunner().invoke(main, ["mallar", "ekonomirapport", "--templates", "mallar"])
    check.assert_called_once_with("ekonomirapport", Path("mallar"))
    assert (result.exit_code, result.output) == (0, "Inga fel i 1 mall: ekonomirapport.docx\n")


def test_mallar_findings_become_lines_with_part_and_place_and_exit_1():
    problem = error("okänt namn `perod` i {{ perod }}; menade du `period`?", file="mall.docx", part="sidfot", place="stycke 2")
    checked = mock.Mock(templates=[], problems=[problem, problem])
    with mock.patch.object(reporter, "check_templates", autospec=True, return_value=checked) as check:
        result = CliRunner().invoke(main, ["mallar"])
    check.assert_called_once_with(None, None)
    assert result.exit_code == 1
    assert result.output.splitlines() == ["Det finns 2 fel i mallarna:", "  mall.docx"] + [
        "    FEL: sidfot, stycke 2: okänt namn `perod` i {{ perod }}; menade du `period`?"] * 2
