"""Stale content: last period's appendix, texts and figures left in this period (issue 23 item 5)."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from reporter.period_config import load_config
from reporter.pipeline import check
from reporter.stale import previous_folder

TEXT = "Regionen har {antal} anställda vid utgången av månaden.\n\nVården är fortsatt hårt pressad.\n"


def _previous(current: Path, month: str) -> Path:
    """A copy of ``current`` beside it as the period ``month``: last period, as the next one was made from it."""
    previous = current.with_name(month)
    shutil.copytree(current, previous)
    config = previous / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"period: {current.name}", f"period: {month}"), encoding="utf-8")
    return previous


def _stale(folder: Path) -> list[str]:
    """What check says of stale content: the findings that name the previous period or its figures."""
    return [str(p) for p in check(folder).problems if "förra periodens" in p.message or "är januaris" in p.message or "nämner" in p.message]


def _with_appendix(folder: Path, content: bytes, titel: str = "Extern rapport") -> None:
    (folder / "bilagor").mkdir(exist_ok=True)
    (folder / "bilagor" / "extern.pdf").write_bytes(content)
    config = folder / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - titel: Extern rapport\n", f"  - titel: {titel}\n    fil: bilagor/extern.pdf\n"),
                      encoding="utf-8")


def test_last_months_appendix_file_left_in_place_is_an_error(small):
    previous = _previous(small, "2022-01")
    _with_appendix(small, b"%PDF-1.4 januari\n")
    assert not [p for p in check(small).problems if "byte för byte" in p.message]  # last month had no file
    _with_appendix(previous, b"%PDF-1.4 januari\n")  # … and now the one this month has
    found = [p for p in check(small).problems if "byte för byte" in p.message]
    assert len(found) == 1 and found[0].is_error
    assert found[0].where.file == "bilagor/extern.pdf"
    assert "2022-01/bilagor/extern.pdf" in found[0].message and "publicera bilagan från januari 2022 en gång till" in found[0].message
    assert found[0].also[0].key == "bilagor[2].fil"
    (small / "bilagor" / "extern.pdf").write_bytes(b"%PDF-1.4 februari\n")
    assert not [p for p in check(small).problems if "byte för byte" in p.message]


@pytest.mark.parametrize(
    ("titel", "wrong"),
    [
        ("Uppföljning vårdval januari 2022", "januari 2022"),
        ("Uppföljning vårdval Januari", "Januari"),
        ("Uppföljning vårdval 2022-01", "2022-01"),
        ("Uppföljning vårdval februari 2021", "februari 2021"),
        ("Uppföljning vårdval februari 2022", None),
        ("Uppföljning vårdval januari–februari 2022", None),
        ("Uppföljning vårdval mars 2021 – februari 2022", None),
        ("Uppföljning vårdval 2022-02", None),
        ("Majoritetens budget", None),
    ],
)
def test_an_appendix_title_naming_another_month_is_an_error(small, titel, wrong):
    _with_appendix(small, b"%PDF-1.4\n", titel)
    found = [p for p in check(small).problems if "nämner" in p.message]
    if wrong is None:
        assert not found
        return
    assert len(found) == 1 and found[0].is_error
    assert (found[0].where.file, found[0].where.key) == ("2022-02/rapport.yaml", "bilagor[2].titel")
    assert f"nämner {wrong}," in found[0].message and "februari 2022" in found[0].message


def test_a_text_left_unchanged_is_a_warning(small):
    (small / "texter").mkdir()
    (small / "texter" / "inledning.md").write_text(TEXT.format(antal=124), encoding="utf-8")
    previous = _previous(small, "2022-01")
    # The same text, saved by another editor: decomposed å and ä, other line breaks and spaces.
    same = unicodedata.normalize("NFD", TEXT.format(antal=124)).replace("\n\n", "\r\n\r\n  ").replace(" har ", " har  ")
    (previous / "texter" / "inledning.md").write_bytes(same.encode("utf-8"))
    found = [p for p in check(small).problems if "förra periodens" in p.message]
    assert [(p.severity.value, p.where.file) for p in found] == [("varning", "texter/inledning.md")]
    assert "2022-01/texter/inledning.md" in found[0].message
    (small / "texter" / "inledning.md").write_text(TEXT.format(antal=124) + "\nNytt för februari.\n", encoding="utf-8")
    assert not [p for p in check(small).problems if "förra periodens" in p.message]


def test_last_months_headcount_in_a_text_is_a_warning(small):
    previous = _previous(small, "2022-01")
    (small / "texter").mkdir()
    (previous / "texter").mkdir()
    (previous / "texter" / "inledning.md").write_text("Januari.\n", encoding="utf-8")
    # January: 100 + 20 = 120 employees; February 104 + 20 = 124.
    (small / "texter" / "inledning.md").write_text("Februari.\n\n" + TEXT.format(antal=120), encoding="utf-8")
    found = [p for p in check(small).problems if p.where.file == "texter/inledning.md"]
    assert [str(p) for p in found] == ["texter/inledning.md, rad 3: 120 är januaris antal anställda; februari har 124"]
    assert not found[0].is_error
    # January's share, written with its unit: 85 % answered (February 90 %).
    (small / "texter" / "inledning.md").write_text("Telefontillgängligheten var 85 procent.", encoding="utf-8")
    assert [p.message for p in check(small).problems if p.where.file == "texter/inledning.md"] == [
        "85 procent är januaris Telefontillgänglighet, andel; februari har 90 procent",
    ]
    for fine in (
        TEXT.format(antal=124),  # this month's figure
        "Antalet anställda var 120 i januari och är 124 i februari.",  # last month's, set against this month's
        "Regionen har ökat från 120 anställda sedan föregående månad.",
        "Kostnaderna hittills är 1 mnkr.",  # January's costs so far, but also Primärvård's budget this month
        "Under 2021 fick 150 personer vaccin mot covid-19, och 20 av 31 enheter.",  # a year; a number that is no figure; small counts
    ):
        (small / "texter" / "inledning.md").write_text(fine, encoding="utf-8")
        assert not [p for p in check(small).problems if p.where.file == "texter/inledning.md"], fine


def test_a_previous_period_that_cannot_be_read_is_skipped(small):
    previous = _previous(small, "2022-01")
    (previous / "personal.xlsx").write_bytes(b"not a workbook")
    (small / "texter").mkdir()
    (small / "texter" / "inledning.md").write_text(TEXT.format(antal=120), encoding="utf-8")
    checked = check(small)
    assert not checked.errors
    assert not [p for p in checked.problems if p.where.file == "texter/inledning.md"]


@pytest.mark.slow  # validates the period and compares it with the previous one, 0.3 s CPU
def test_the_bundled_example_has_nothing_stale_against_its_own_previous_month(period):
    """March's texts against February made from the same inputs, with February's own texts and appendix: no finding."""
    previous = _previous(period, "2021-02")
    for text in (previous / "texter").iterdir():
        text.write_text("Februari.\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    (previous / "bilagor" / "vardval.pdf").write_bytes(b"%PDF-1.4 februari\n")
    assert _stale(period) == []
    assert check(period).errors == []


def test_a_month_made_from_the_last_one_names_what_was_left(period):
    """March made from February by copying: the appendix, its title and every text are February's."""
    previous = _previous(period, "2021-02")
    config = period / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("primärvård mars 2021", "primärvård februari 2021"), encoding="utf-8")
    found = _stale(period)
    assert any("nämner februari 2021" in line for line in found)
    assert any(line.startswith("bilagor/vardval.pdf: bilagan är samma fil") for line in found)
    texts = sorted(p.name for p in (previous / "texter").iterdir())
    assert sorted(line.split(":")[0].removeprefix("texter/") for line in found if "texten är densamma" in line) == texts


def _config_file(folder: Path, text: str = "rapport: delarsrapport\n") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rapport.yaml").write_text(text, encoding="utf-8")


def test_the_previous_folder_of_each_kind_of_folder(tmp_path, example_dir):
    for name in ("2020-08", "2020-05", "2020-05/delarsrapporter/service", "2020-12-ovriga-lanet", "2020-04-ovriga-lanet", "2021-03", "2019-12"):
        _config_file(tmp_path / name)
    shutil.copytree(example_dir.with_name("2020-09"), tmp_path / "2020-09")
    tertial = load_config(tmp_path / "2020-09")
    # A month: the newest month folder before it, not older than four months.
    assert previous_folder(tmp_path / "2020-09", tertial) == tmp_path / "2020-08"
    assert previous_folder(tmp_path / "2020-05", tertial.model_copy(update={"period": tertial.period.plus(-4)})) is None
    # A tertial report's division folder: the same folder in the newest period that has it.
    assert previous_folder(tmp_path / "2020-09" / "delarsrapporter" / "service", tertial, parent=tertial) == (
        tmp_path / "2020-05" / "delarsrapporter" / "service"
    )
    # A division's own folder: the one named for the same division, not the month folder beside it.
    division = load_config(example_dir.with_name("2021-04-ovriga-lanet"))
    shutil.copytree(example_dir.with_name("2021-04-ovriga-lanet"), tmp_path / "2021-04-ovriga-lanet")
    assert previous_folder(tmp_path / "2021-04-ovriga-lanet", division) == tmp_path / "2020-12-ovriga-lanet"


@pytest.mark.slow  # validates the period and compares it with the previous one, 0.3 s CPU
def test_a_tertial_reports_division_folder_is_compared_with_its_own_last_report(tmp_path, example_dir):
    """September's interim reports against May's: each division folder with the same folder four months earlier."""
    september = tmp_path / "2020-09"
    shutil.copytree(example_dir.with_name("2020-09"), september)
    may = _previous(september, "2020-05")
    for config in (may / "delarsrapporter").glob("*/rapport.yaml"):
        config.write_text(config.read_text(encoding="utf-8").replace("period: 2020-08", "period: 2020-04"), encoding="utf-8")
    for text in (may / "texter").iterdir():
        text.write_text("Maj.\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    for text in (may / "delarsrapporter").glob("*/texter/*.md"):
        if not (text.parent.parent.name == "service" and text.name == "ekonomi.md"):
            text.write_text("April.\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    found = [p for p in check(september).problems if "förra periodens" in p.message]
    assert [(p.where.file, p.is_error) for p in found] == [("delarsrapporter/service/texter/ekonomi.md", False)]
    assert "(2020-05/delarsrapporter/service/texter/ekonomi.md)" in found[0].message and "augusti 2020" in found[0].message
