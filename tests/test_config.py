"""rapport.yaml is read strictly: every problem named by key path and file."""

from __future__ import annotations

import pytest
import yaml

from reporter.config import load_config
from reporter.errors import ReporterError


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
    from reporter import config as configuration

    parsed: list[str] = []
    load = yaml.load
    def counted(text, Loader):
        if Loader is configuration._Loader:
            parsed.append(text)
        return load(text, Loader=Loader)

    monkeypatch.setattr(configuration.yaml, "load", counted)
    monkeypatch.setattr(configuration, "_PARSED", {})
    path = period / "rapport.yaml"
    first = configuration._read_yaml(path, "rapport.yaml")
    first["period"] = "ändrad"
    again = configuration._read_yaml(path, "rapport.yaml")
    assert len(parsed) == 1 and str(again["period"]) == "2021-03"
    rewrite(period, lambda data: data.update(titel="En annan titel"))
    assert configuration._read_yaml(path, "rapport.yaml")["titel"] == "En annan titel" and len(parsed) == 2
