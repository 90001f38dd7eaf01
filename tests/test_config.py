"""rapport.yaml is read strictly: every problem named by key path and file."""

from __future__ import annotations

import shutil

import pytest
import yaml

from reporter.errors import ReporterError
from reporter.period_config import load_config


def rewrite(period, change):
    path = period / "rapport.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(period) -> list[str]:
    with pytest.raises(ReporterError) as caught:
        load_config(period)
    return [str(p) for p in caught.value.problems]


def test_the_example_loads(example_dir):
    config = load_config(example_dir)
    assert str(config.period) == "2021-03"
    assert config.organisation.divisioner[0].alias == ["NSV LB", "Division Närsjukvård Luleå-Boden"]
    assert config.dokument.version == "0.26"
    assert config.dokument.publiceringsdatum == "2021-04-13"


def test_unknown_key_is_an_error_naming_path_and_file(period):
    rewrite(period, lambda d: d["dokument"].update(versoin="1"))
    assert problems(period) == ["2021-03/rapport.yaml, nyckel dokument.versoin: okänd nyckel (stavfel?)"]


def test_every_missing_and_empty_key_is_reported_at_once(period):
    def change(d):
        del d["dokument"]["dokument_id"]
        d["dokument"]["ansvarig"] = ""
        d["dokument"]["upprattad_av"] = None
        del d["undertecknare"]

    rewrite(period, change)
    found = problems(period)
    assert "2021-03/rapport.yaml, nyckel dokument.dokument_id: saknas; nyckeln är obligatorisk" in found
    assert "2021-03/rapport.yaml, nyckel dokument.ansvarig: får inte vara tom" in found
    assert any(p.startswith("2021-03/rapport.yaml, nyckel dokument.upprattad_av:") for p in found)
    assert any("nyckel undertecknare: saknas" in p for p in found)
    assert len(found) == 4


def test_placeholder_text_cannot_survive(period):
    rewrite(period, lambda d: d["dokument"].update(publiceringsdatum="[Publiceringsdatum Quickpart]"))
    (found,) = problems(period)
    assert "dokument.publiceringsdatum" in found
    assert "platshållare" in found


def test_unknown_appendix_kind(period):
    rewrite(period, lambda d: d["bilagor"].insert(0, "ekonomirapprot"))
    (found,) = problems(period)
    assert "nyckel bilagor[1]" in found
    assert "okänd bilaga 'ekonomirapprot'" in found


def test_external_appendix_file_must_exist(period):
    (period / "bilagor" / "vardval.pdf").unlink()
    (found,) = problems(period)
    assert "bilagor[5].fil" in found and "bilagor/vardval.pdf finns inte" in found


def test_bad_period_and_report_kind(period):
    rewrite(period, lambda d: d.update(period="mars", rapport="kvartalsrapport"))
    found = problems(period)
    assert any("nyckel period:" in p and "ingen månad" in p for p in found)
    assert any("nyckel rapport:" in p and "'manadsrapport'" in p for p in found)


def test_division_names_must_be_unique(period):
    rewrite(period, lambda d: d["organisation"]["divisioner"][1]["alias"].append("NSV LB"))
    (found,) = problems(period)
    assert "organisation.divisioner" in found and "NSV LB" in found


def test_yaml_syntax_error_names_the_line(period):
    (period / "rapport.yaml").write_text("rapport: manadsrapport\nperiod: [2021-03\n", encoding="utf-8")
    (found,) = problems(period)
    assert found.startswith("2021-03/rapport.yaml, rad ")
    assert "YAML-fel" in found


def test_a_rapport_yaml_read_again_is_not_parsed_again_and_each_reader_gets_its_own_copy(period, monkeypatch):
    """Every check reads rapport.yaml more than once (a tertial period its divisions' too): the same text is
    parsed once per process, and what a reader changes in its copy is not what the next reader gets."""
    from reporter import period_config as configuration

    parsed: list[str] = []
    load = configuration.load_strictly
    def counted(text):
        parsed.append(text)
        return load(text)

    monkeypatch.setattr(configuration, "load_strictly", counted)
    monkeypatch.setattr(configuration, "_PARSED", {})
    path = period / "rapport.yaml"
    first = configuration._read_yaml(path, "rapport.yaml")
    first["period"] = "ändrad"
    again = configuration._read_yaml(path, "rapport.yaml")
    assert len(parsed) == 1 and str(again["period"]) == "2021-03"
    rewrite(period, lambda data: data.update(titel="En annan titel"))
    assert configuration._read_yaml(path, "rapport.yaml")["titel"] == "En annan titel" and len(parsed) == 2


# rapport.yaml read strictly (issue 24, rule 6): what was written is what is read.

def _edit_text(period, old: str, new: str) -> None:
    path = period / "rapport.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bilagor_written_twice_is_an_error_naming_both_lines(period):
    """The slip: a second bilagor: kept only its list, and the appendices of the first disappeared without a word."""
    lines = (period / "rapport.yaml").read_text(encoding="utf-8").splitlines()
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("bilagor:"))
    with (period / "rapport.yaml").open("a", encoding="utf-8") as extra:
        extra.write("bilagor:\n  - ekonomirapport\n")
    (found,) = problems(period)
    second = len(lines) + 1
    assert found.startswith(f"2021-03/rapport.yaml, rad {second}, nyckel bilagor: står två gånger, på rad {first} och rad {second}")


def test_a_key_written_twice_deeper_down_is_named_by_its_path(period):
    _edit_text(period, '  version: "0.26"', '  version: "0.26"\n  version: "0.27"')
    (found,) = problems(period)
    assert "nyckel dokument.version: står två gånger, på rad 25 och rad 26" in found


@pytest.mark.parametrize(
    ("old", "new", "key", "said"),
    [
        ('version: "0.26"', "version: 1.10", "dokument.version",
         'YAML läser 1.10 som talet 1.1, så rapporten skulle visa 1.1 i stället för 1.10; skriv värdet inom citattecken: "1.10"'),
        ("dokument_id: ARBGRP870-1356963637-81", "dokument_id: 0012", "dokument.dokument_id",
         "YAML läser 0012 som talet 10, så rapporten skulle visa 10 i stället för 0012"),
        ("alias: [NSV LB,", "alias: [NO, NSV LB,", "organisation.divisioner[1].alias[1]",
         "YAML läser NO som ett ja/nej-värde (falskt), inte som texten NO"),
        ("galler_for: ", "galler_for: yes #", "dokument.galler_for",
         'YAML läser yes som ett ja/nej-värde (sant), inte som texten yes; skriv värdet inom citattecken: "yes"'),
        ("publiceringsdatum: 2021-04-13", "publiceringsdatum: 2021-04-13 9:30:00", "dokument.publiceringsdatum",
         "YAML läser 2021-04-13 9:30:00 som tidpunkten 2021-04-13 09:30:00, så rapporten skulle visa 2021-04-13 09:30:00 i stället för 2021-04-13 9:30:00"),
        ("  ansvarig: ", "  ansvarig: 1_000 #", "dokument.ansvarig", "YAML läser 1_000 som talet 1000"),
    ],
)
def test_a_value_yaml_reads_as_another_type_is_an_error_showing_what_was_written(period, old, new, key, said):
    _edit_text(period, old, new)
    (found,) = problems(period)
    line = next(number for number, text in enumerate((period / "rapport.yaml").read_text("utf-8").splitlines(), 1) if new.split("#")[0] in text)
    assert found.startswith(f"2021-03/rapport.yaml, rad {line}, nyckel {key}: {said}")


def test_an_unquoted_value_that_reads_back_as_written_is_text(period):
    """v1 periods write publiceringsdatum: 2021-04-13 unquoted; version: 0.26 and dokument_id: 42 print as written."""
    _edit_text(period, 'version: "0.26"', "version: 0.26")
    _edit_text(period, "dokument_id: ARBGRP870-1356963637-81", "dokument_id: 42")
    config = load_config(period)
    assert (config.dokument.version, config.dokument.dokument_id, config.dokument.publiceringsdatum) == ("0.26", "42", "2021-04-13")


def test_every_text_of_rapport_yaml_is_nfc_with_its_white_space_folded(period):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Regiondirektörens  rapport\u200b ")
    _edit_text(period, "titel: Regiondirektörens rapport", f'titel: "{nfd}"')
    assert load_config(period).titel == "Regiondirektörens rapport"


def test_a_folder_whose_name_starts_with_a_month_must_have_that_period(tmp_path):
    """The slip: 2021-04-ovriga-lanet with period: 2021-03 published April's accumulated figures as March's."""
    from conftest import ROOT

    folder = tmp_path / "2021-04-ovriga-lanet"
    shutil.copytree(ROOT / "inputs" / folder.name, folder)
    _edit_text(folder, "period: 2021-04", "period: 2021-03")
    found = [p for p in problems(folder) if "nyckel period" in p]
    assert found == ["2021-04-ovriga-lanet/rapport.yaml, nyckel period: mappen heter 2021-04-ovriga-lanet men rapport.yaml säger "
                     "period: 2021-03; rätta perioden eller byt namn på mappen (rapporten skulle annars skrivas till out/2021-03/)"]


def test_an_appendix_file_named_in_nfc_is_found_when_its_name_on_disk_is_nfd(period):
    """macOS writes å in file names as a + ring (NFD); rapport.yaml's fil: is read as NFC (issue 27)."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "vårdval.pdf")
    (period / "bilagor" / "vardval.pdf").rename(period / "bilagor" / nfd)
    _edit_text(period, "fil: bilagor/vardval.pdf", "fil: bilagor/vårdval.pdf")
    config = load_config(period)
    (extern,) = [item for item in config.bilagor if getattr(item, "fil", None)]
    assert (period / extern.fil).is_file()


def test_an_appendix_file_that_is_not_there_names_the_closest_file(period):
    _edit_text(period, "fil: bilagor/vardval.pdf", "fil: bilagor/Vardval.pdf")
    assert problems(period) == ["2021-03/rapport.yaml, nyckel bilagor[5].fil: filen bilagor/Vardval.pdf finns inte i periodmappen; "
                                "menade du bilagor/vardval.pdf?"]
