"""A tertial period on the submission pages: a division hands in its interim report's workbooks and texts on its page, the
office's matrix shows each division's interim report."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import test_web
from test_web import csrf, resaved, text, upload, with_cell
from web_periods import ROOT

import reporter

PERIOD = "2020-09"
FOLDER = "delarsrapporter/service"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "inputs" / PERIOD, tmp_path / "inputs" / PERIOD)
    return tmp_path / "inputs"


app, client = test_web.app, test_web.client  # test_web's fixtures, over this module's inputs


def keys(app, division: str = "Service") -> tuple[str, str]:
    return app.state.web.keys.office(), app.state.web.keys.division(PERIOD, division)


@pytest.mark.slow  # requests to the web app that validate the whole tertial period, 0.5 s CPU
def test_a_division_of_a_tertial_period_is_asked_for_its_interim_reports_files(client, app):
    office, key = keys(app)
    page = text(client.get(f"/{key}/"))
    assert "Delårsrapporten: arbetsböcker" in page and f"mappen {FOLDER}" in page
    for name in ("ekonomi.xlsx", "personal.xlsx", "styrkort.xlsx", "texter/sammanfattning.md", "texter/internkontroll.md"):
        assert f"{FOLDER}/{name}" in page
    assert "texter/delarsrapporter.md: avsnittet Service" in page  # its section of the tertial report's text on the reports
    assert re.search(rf"{FOLDER}/texter/produktion.md Läge: behövs inte", page)  # Service has no care production
    assert client.get(f"/{key}/hamta/delarsrapport-ekonomi").content == (app.state.web.inputs / PERIOD / FOLDER / "ekonomi.xlsx").read_bytes()
    assert client.get(f"/{key}/hamta/delarsrapport-produktion").status_code == 200  # a blank one to fill in
    matrix = text(client.get(f"/{office}/period/{PERIOD}"))
    assert "delårsrapport Klar" in matrix and re.search(r"Service inlämnad inga rader inlämnad inlämnad –", matrix)
    other = keys(app, "Länssjukvård")[1]
    assert "delarsrapporter/lanssjukvard/ekonomi.xlsx" in text(client.get(f"/{other}/")) and FOLDER not in text(client.get(f"/{other}/"))


@pytest.mark.slow  # the tertial period checked whole three times (1.1 s CPU); test_web's upload tests check the same flow on a monthly period
def test_an_interim_workbook_with_an_error_is_kept_as_a_version_and_a_corrected_one_replaces_the_folders(client, app, inputs, tmp_path):
    office, key = keys(app)
    current = inputs / PERIOD / FOLDER / "ekonomi.xlsx"
    before = current.read_bytes()
    wrong = with_cell(current, "Divisioner", "B2", "ungefär 40", tmp_path / "fel.xlsx")
    response = upload(client, key, wrong, kind="delarsrapport-ekonomi")
    assert response.status_code == 422, text(response)
    assert f"{FOLDER}/ekonomi.xlsx, blad Divisioner, cell B2" in text(response)
    assert current.read_bytes() == before
    matrix = text(client.get(f"/{office}/period/{PERIOD}"))
    assert re.search(r"Service .*?ogiltig \d+ fel i ekonomi.xlsx \(\S+ \S+ UTC\); perioden behåller sin tidigare fil", matrix)

    right = resaved(current, tmp_path / "rätt.xlsx")
    response = upload(client, key, right, kind="delarsrapport-ekonomi")
    assert response.status_code == 200, text(response)
    assert current.read_bytes() == right
    assert [(u.file, u.accepted) for u in app.state.web.store.uploads(PERIOD, "Service")] == [(f"{FOLDER}/ekonomi.xlsx", False),
                                                                                              (f"{FOLDER}/ekonomi.xlsx", True)]
    assert re.search(r"Service inlämnad inga rader inlämnad inlämnad senast \S+ \S+ UTC", text(client.get(f"/{office}/period/{PERIOD}")))
    assert "Historik: 2 versioner" in text(client.get(f"/{key}/"))
    assert not reporter.validate(inputs / PERIOD).errors  # build reads what was handed in


@pytest.mark.slow  # requests to the web app that validate the whole tertial period, 0.4 s CPU
def test_another_divisions_workbook_in_the_interim_folder_is_not_taken(client, app, inputs, tmp_path):
    _, key = keys(app)
    response = upload(client, key, (inputs / PERIOD / "delarsrapporter/lanssjukvard/ekonomi.xlsx").read_bytes(), kind="delarsrapport-ekonomi")
    assert response.status_code == 422 and "ogiltig" in text(response)


@pytest.mark.slow  # the tertial period checked whole at each save (1.3 s CPU); test_web's text tests check the same flow on a monthly period
def test_an_interim_text_and_the_divisions_section_of_delarsrapporter_are_saved_with_the_checks(client, app, inputs):
    office, key = keys(app)
    path = inputs / PERIOD / FOLDER / "texter" / "sammanfattning.md"
    before = path.read_text(encoding="utf-8")
    token = csrf(client, f"/{key}/")
    response = client.post(f"/{key}/text/delarsrapport-sammanfattning", data={"csrf": token, "innehall": before + "\nSe [sidan](https://example.org).\n"})
    assert response.status_code == 422 and f"{FOLDER}/texter/sammanfattning.md" in text(response)
    assert path.read_text(encoding="utf-8") == before
    response = client.post(f"/{key}/text/delarsrapport-sammanfattning", data={"csrf": token, "innehall": before + "\nEn mening till.\n"})
    assert response.status_code == 200, text(response)
    assert path.read_text(encoding="utf-8") == before + "\nEn mening till.\n"

    shared = inputs / PERIOD / "texter" / "delarsrapporter.md"
    whole = shared.read_text(encoding="utf-8")
    response = client.post(f"/{key}/text/delarsrapporter", data={"csrf": token, "innehall": "Service har en ny text om sin delårsrapport.\n"})
    assert response.status_code == 200, text(response)
    now = shared.read_text(encoding="utf-8")
    assert "## Service\n\nService har en ny text om sin delårsrapport.\n" in now and now != whole
    assert now.split("## Service")[0] == whole.split("## Service")[0]  # the other divisions' sections as they were
    assert not reporter.validate(inputs / PERIOD).errors


@pytest.mark.slow  # requests to the web app that validate the whole tertial period, 0.3 s CPU
def test_the_office_sees_an_interim_report_that_is_missing(client, app, inputs):
    shutil.rmtree(inputs / PERIOD / FOLDER)
    office, key = keys(app)
    assert re.search(r"Service (finns, inte kontrollerad än ){3}saknas", text(client.get(f"/{office}/period/{PERIOD}")))
    app.state.web.periods.status(PERIOD)  # the period checked: the office's page shows what the check says
    matrix = text(client.get(f"/{office}/period/{PERIOD}"))
    assert re.search(r"Service inlämnad inga rader inlämnad saknas", matrix)
