"""The submission pages over HTTP (Starlette's TestClient): keys, CSRF, uploads, versions, the office's matrix, builds."""

from __future__ import annotations

import io
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from browser import free_port
from conftest import built_once
from starlette.datastructures import Headers
from starlette.testclient import TestClient
from web_periods import DIVISION, ROOT, web_inputs

import reporter
from reporter.causes import plural
from reporter.inputs import file_sha256
from reporter.web import create_app
from reporter.web.handin import MAX_UPLOAD
from reporter.web.serve import start_lines

PERIOD = "2021-04"
FILE = "ekonomi-service.xlsx"


@pytest.fixture(scope="session")
def prepared(tmp_path_factory) -> Path:
    """Written once per test run, whichever xdist worker asks first: read only."""
    return built_once(tmp_path_factory, "web", lambda folder: web_inputs(folder, kinds=("ekonomi",)))  # the economy workbook alone: quick to write


@pytest.fixture
def inputs(prepared: Path, tmp_path: Path) -> Path:
    shutil.copytree(prepared.parent, tmp_path / "ws", symlinks=True)
    return tmp_path / "ws" / "inputs"


@pytest.fixture
def app(inputs: Path):
    return create_app(inputs)


@pytest.fixture
def client(app) -> TestClient:
    return TestClient(app)


def office(app) -> str:
    return app.state.web.keys.office()


def division_key(app, division: str = DIVISION, period: str = PERIOD) -> str:
    return app.state.web.keys.division(period, division)


def csrf(client: TestClient, url: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(url).text)
    assert found, url
    return found.group(1)


def upload(client: TestClient, key: str, data: bytes, filename: str = "min fil.xlsx", kind: str = "ekonomi", token: str | None = None):
    token = csrf(client, f"/{key}/") if token is None else token
    return client.post(f"/{key}/lamna/{kind}", data={"csrf": token} if token else {}, files={"fil": (filename, data, "application/octet-stream")})


def with_cell(path: Path, sheet: str, cell: str, value, target: Path) -> bytes:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(target)
    return target.read_bytes()


def resaved(path: Path, target: Path) -> bytes:
    """The same workbook saved again: the same values, other bytes."""
    openpyxl.load_workbook(path).save(target)
    return target.read_bytes()


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))


# --- keys ----------------------------------------------------------------------------------------


def test_keys_are_random_long_and_stored_only_as_hashes(app, inputs):
    key, other = office(app), division_key(app)
    assert len(key) >= 26 and len(other) >= 26 and key != other  # 160 bits, base64url
    log = (inputs / ".reporter-web.sqlite3").read_bytes() + b"".join(p.read_bytes() for p in inputs.glob(".reporter-web.sqlite3-*"))
    assert key.encode() not in log and other.encode() not in log
    assert reporter.web.keys.digest(key).encode() in log


def test_a_wrong_key_and_any_other_address_get_the_same_404(client, app):
    wrong = client.get("/" + "A" * 27 + "/")
    assert wrong.status_code == 404
    for url in ["/x/", f"/{'B' * 27}/period/{PERIOD}", f"/{'C' * 27}/hamta/ekonomi", "/nothing"]:
        response = client.get(url)
        assert (response.status_code, response.text) == (404, wrong.text)
    assert PERIOD not in wrong.text and DIVISION not in wrong.text


def test_a_division_key_opens_no_office_page_and_no_other_period(client, app):
    key = division_key(app)
    assert client.get(f"/{key}/").status_code == 200
    for url in [f"/{key}/period/{PERIOD}", f"/{key}/period/2021-03", f"/{key}/period/{PERIOD}/kontroll", f"/{key}/period/{PERIOD}/bygg"]:
        assert client.get(url).status_code == 404, url
    token = csrf(client, f"/{key}/")
    assert client.post(f"/{key}/nasta-manad", data={"csrf": token}).status_code == 404
    assert client.post(f"/{key}/period/{PERIOD}/bygg", data={"csrf": token}).status_code == 404
    assert client.post(f"/{key}/period/{PERIOD}/ny-lank", data={"csrf": token, "division": DIVISION}).status_code == 404


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.3 s CPU
def test_another_divisions_key_cannot_touch_this_divisions_file(client, app, inputs):
    before = (inputs / PERIOD / FILE).read_bytes()
    other = division_key(app, "Länssjukvård")
    page = client.get(f"/{other}/")
    assert FILE not in page.text and "ekonomi-lanssjukvard.xlsx" in page.text
    upload(client, other, before)
    assert (inputs / PERIOD / FILE).read_bytes() == before  # the other division's upload went to its own file, or nowhere
    assert not app.state.web.store.uploads(PERIOD, DIVISION)
    march = division_key(app, DIVISION, "2021-03")  # the same division, another period: another key, another page
    assert march != division_key(app) and "inlämning för mars 2021" in client.get(f"/{march}/").text


def test_a_new_link_revokes_the_old_key(client, app):
    old = division_key(app)
    key = office(app)
    assert client.get(f"/{old}/").status_code == 200
    token = csrf(client, f"/{key}/period/{PERIOD}")
    page = client.post(f"/{key}/period/{PERIOD}/ny-lank", data={"csrf": token, "division": DIVISION})
    assert page.status_code == 200 and "Ny länk för Service" in page.text
    new = division_key(app)
    assert new != old and new in page.text and old not in page.text
    gone = client.get(f"/{old}/")
    assert gone.status_code == 404 and DIVISION not in gone.text
    assert client.get(f"/{new}/").status_code == 200


def test_every_form_needs_its_csrf_token(client, app, inputs):
    key = division_key(app)
    before = (inputs / PERIOD / FILE).read_bytes()
    assert upload(client, key, before, token="").status_code == 403
    other_token = csrf(client, f"/{division_key(app, 'Länssjukvård')}/")  # another key's token is no token here
    assert upload(client, key, before, token=other_token).status_code == 403
    assert client.post(f"/{key}/klar", data={}).status_code == 403
    assert client.post(f"/{office(app)}/period/{PERIOD}/sista-dag", data={"deadline": "2021-05-10"}).status_code == 403
    assert not app.state.web.store.uploads(PERIOD) and not app.state.web.store.deadline(PERIOD)
    for form in re.findall(r"<form.*?</form>", client.get(f"/{office(app)}/period/{PERIOD}").text + client.get(f"/{key}/").text, re.S):
        assert 'name="csrf"' in form


def test_every_response_carries_the_security_headers(client, app):
    for url in [f"/{office(app)}/period/{PERIOD}", f"/{division_key(app)}/", "/nothing", "/static/sida.css"]:
        headers = client.get(url).headers
        assert "default-src 'none'" in headers["content-security-policy"] and "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src" not in headers["content-security-policy"]  # no script at all
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


# --- uploads -------------------------------------------------------------------------------------


def test_an_upload_over_20_mb_is_refused_while_received(client, app, inputs):
    before = (inputs / PERIOD / FILE).read_bytes()
    response = upload(client, division_key(app), b"PK" + b"\0" * (25 * 1024 * 1024))
    assert response.status_code == 413 and "större än 20 MB" in response.text
    assert (inputs / PERIOD / FILE).read_bytes() == before and not app.state.web.store.uploads(PERIOD)
    assert not list((inputs / ".reporter-web" / "tmp").iterdir())


def test_an_upload_over_the_limit_without_a_length_is_cut_off_at_the_limit(app):
    """A body sent in chunks (no Content-Length) stops being read once it passes the limit."""
    from reporter.web.app import TooLarge, Web

    web: Web = app.state.web
    read = 0

    class Request:
        headers = Headers({"content-type": "multipart/form-data; boundary=x"})

        async def stream(self):
            nonlocal read
            yield b'--x\r\nContent-Disposition: form-data; name="fil"; filename="a.xlsx"\r\n\r\n'
            while True:
                read += 1 << 20
                yield b"\0" * (1 << 20)

    import anyio

    with pytest.raises(TooLarge):
        anyio.run(web.form, Request(), office(app))
    assert read <= MAX_UPLOAD + 2 * (1 << 20)


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.5 s CPU
def test_a_zip_bomb_is_refused_by_the_bounded_reader_and_kept_as_an_invalid_version(client, app, inputs, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    shutil.copyfile(inputs / PERIOD / FILE, bomb)
    with zipfile.ZipFile(bomb) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet].replace(b"<sheetData>", b"<!-- " + b" " * (64 << 20) + b" --><sheetData>")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert bomb.stat().st_size < MAX_UPLOAD
    before = (inputs / PERIOD / FILE).read_bytes()
    response = upload(client, division_key(app), bomb.read_bytes())
    assert response.status_code == 422 and "orimligt mycket data" in response.text and 'role="alert"' in response.text
    assert (inputs / PERIOD / FILE).read_bytes() == before
    [logged] = app.state.web.store.uploads(PERIOD, DIVISION)
    assert not logged.accepted and logged.errors >= 1 and (inputs / logged.version).is_file()


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.3 s CPU
def test_the_uploaded_files_name_is_never_a_path(client, app, inputs, tmp_path):
    rapport = (inputs / PERIOD / "rapport.yaml").read_bytes()
    key = division_key(app)
    refused = upload(client, key, rapport, filename="../../rapport.yaml")
    assert refused.status_code == 400 and "Excel-arbetsbok (.xlsx)" in refused.text
    good = resaved(inputs / PERIOD / FILE, tmp_path / "x.xlsx")
    taken = upload(client, key, good, filename="../../rapport.xlsx")
    assert taken.status_code == 200
    assert (inputs / PERIOD / "rapport.yaml").read_bytes() == rapport and (inputs / PERIOD / FILE).read_bytes() == good
    assert not (inputs / "rapport.xlsx").exists() and not (inputs.parent / "rapport.xlsx").exists()
    assert [u.file for u in app.state.web.store.uploads(PERIOD)] == [FILE]


def test_a_docx_is_not_taken_as_a_workbook(client, app, inputs):
    docx = next((ROOT / "templates").glob("*.docx")).read_bytes()
    before = (inputs / PERIOD / FILE).read_bytes()
    by_name = upload(client, division_key(app), docx, filename="ekonomi.docx")
    assert by_name.status_code == 400 and "ekonomi.docx" in text(by_name)
    by_content = upload(client, division_key(app), docx, filename="ekonomi.xlsx")
    assert by_content.status_code == 422 and "ogiltig" in by_content.text
    assert (inputs / PERIOD / FILE).read_bytes() == before


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.5 s CPU
def test_an_upload_with_an_error_names_the_cell_and_the_period_keeps_its_file_then_a_corrected_one_is_taken(client, app, inputs, tmp_path):
    key = division_key(app)
    current = inputs / PERIOD / FILE
    before = current.read_bytes()
    wrong = with_cell(current, "Divisioner", "B2", "ungefär 40", tmp_path / "fel.xlsx")
    response = upload(client, key, wrong)
    assert response.status_code == 422
    assert "ekonomi-service.xlsx, blad Divisioner, cell B2" in text(response) and "ogiltig" in text(response)
    assert current.read_bytes() == before  # the period keeps its earlier valid file
    matrix = text(client.get(f"/{office(app)}/period/{PERIOD}"))
    assert re.search(r"Service.*?ogiltig 1 fel i version 1; perioden behåller sin tidigare fil", matrix)

    right = resaved(current, tmp_path / "rätt.xlsx")
    response = upload(client, key, right)
    assert response.status_code == 200 and 'role="status"' in response.text and "inlämnad" in text(response)
    assert current.read_bytes() == right
    history = app.state.web.store.uploads(PERIOD, DIVISION)
    assert [(u.accepted, u.sha256) for u in history] == [(False, file_sha256(tmp_path / "fel.xlsx")), (True, file_sha256(tmp_path / "rätt.xlsx"))]
    assert all((inputs / u.version).read_bytes() in (wrong, right) for u in history)
    assert re.search(r"Service inlämnad \S+ \S+ UTC, version 2", text(client.get(f"/{office(app)}/period/{PERIOD}")))
    page = text(client.get(f"/{key}/"))
    assert "Historik: 2 versioner" in page
    first = client.get(f"/{key}/version/{history[0].id}")
    assert first.status_code == 200 and first.content == wrong  # each version as it was handed in
    assert client.get(f"/{division_key(app, 'Länssjukvård')}/version/{history[0].id}").status_code == 404  # never another division's
    assert not reporter.validate(inputs / PERIOD).errors  # the command line reads what was handed in


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.2 s CPU
def test_the_findings_take_the_divisions_other_files_into_account(client, app, inputs, tmp_path):
    """Service's economy rows also in the shared ekonomi.xlsx: the same records twice, said for the file handed in."""
    shared = inputs / PERIOD / "ekonomi.xlsx"
    copy = tmp_path / "copy.xlsx"
    shutil.copyfile(shared, copy)
    response = upload(client, division_key(app), copy.read_bytes())
    assert response.status_code == 422 and "samma post" in response.text


@pytest.mark.slow  # concurrency stress: twenty uploads in threads, each read and validated (6 s CPU)
@pytest.mark.long
def test_twenty_uploads_at_once_lose_nothing(client, app, inputs, tmp_path):
    current = inputs / PERIOD / FILE
    variants = [resaved(current, tmp_path / f"v{i}.xlsx") for i in range(10)]
    others = [(division_key(app, name), resaved(current, tmp_path / f"o{n}.xlsx"))
              for n, name in enumerate(["Länssjukvård", "Folktandvård", "Länsteknik", "Närsjukvård Piteå älvdal", "Närsjukvård Östra Norrbotten"] * 2)]
    key = division_key(app)
    token = csrf(client, f"/{key}/")
    results: list[int] = []

    def send(who: str, data: bytes, token: str) -> None:
        results.append(upload(TestClient(app), who, data, token=token).status_code)

    threads = [threading.Thread(target=send, args=(key, data, token)) for data in variants]
    threads += [threading.Thread(target=send, args=(who, data, csrf(client, f"/{who}/"))) for who, data in others]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 20 and set(results) <= {200, 422}
    logged = app.state.web.store.uploads(PERIOD)
    assert len(logged) == 20 and all((inputs / u.version).is_file() for u in logged)
    assert results.count(200) == sum(u.accepted for u in logged) >= 10
    assert current.read_bytes() in variants  # one whole upload, the last taken
    assert not reporter.validate(inputs / PERIOD).errors or all(not u.accepted for u in logged if u.division != DIVISION)


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.4 s CPU
def test_the_log_and_versions_survive_a_restart(client, app, inputs, tmp_path):
    key = division_key(app)
    upload(client, key, resaved(inputs / PERIOD / FILE, tmp_path / "a.xlsx"))
    again = TestClient(create_app(inputs))
    page = text(again.get(f"/{key}/"))
    assert "Historik: 1 version" in page
    assert again.get(f"/{office(app)}/period/{PERIOD}").status_code == 200


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.3 s CPU
def test_a_division_downloads_its_current_workbook_or_one_carried_forward(client, app, inputs):
    key = division_key(app)
    response = client.get(f"/{key}/hamta/ekonomi")
    assert response.status_code == 200 and response.content == (inputs / PERIOD / FILE).read_bytes()
    assert 'filename="ekonomi-service.xlsx"' in response.headers["content-disposition"]
    (inputs / PERIOD / FILE).unlink()
    carried = client.get(f"/{key}/hamta/ekonomi")
    book = openpyxl.load_workbook(io.BytesIO(carried.content))
    divisions = {row[0] for row in book["Kostnader"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert carried.status_code == 200 and divisions == {DIVISION}
    assert client.get(f"/{key}/hamta/styrkort").status_code == 404  # not a division's workbook


@pytest.mark.slow  # requests to the web app that validate the period, 0.3 s CPU
def test_mark_ready_only_when_clean_and_the_office_sees_who_is_late(client, app, inputs, tmp_path):
    key, office_key = division_key(app), office(app)
    token = csrf(client, f"/{office_key}/period/{PERIOD}")
    assert client.post(f"/{office_key}/period/{PERIOD}/sista-dag", data={"csrf": token, "deadline": "2021-05-10"}, follow_redirects=False).status_code == 303
    matrix = text(client.get(f"/{office_key}/period/{PERIOD}"))
    assert "Sena" in matrix and "Service (sen)" in matrix
    assert "Sista dag: 2021-05-10" in text(client.get(f"/{key}/"))
    assert client.post(f"/{key}/klar", data={"csrf": csrf(client, f"/{key}/")}, follow_redirects=False).status_code == 303
    matrix = text(client.get(f"/{office_key}/period/{PERIOD}"))
    assert re.search(r"Service( \S+){3,9} klar 20\d\d-", matrix) and "Service (sen)" not in matrix and "Ingen är sen" not in matrix
    assert "Du markerade perioden som klar" in text(client.get(f"/{key}/"))


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.3 s CPU
def test_check_the_period_shows_validates_findings(client, app, inputs):
    shutil.copyfile(inputs / PERIOD / "ekonomi.xlsx", inputs / PERIOD / "ekonomi - Kopia.xlsx")
    expected = reporter.validate(inputs / PERIOD)
    page = client.get(f"/{office(app)}/period/{PERIOD}/kontroll")
    assert page.status_code == 200 and f"{plural(len(expected.errors), 'fel', 'fel')}" in text(page)
    assert "ekonomi - Kopia.xlsx innehåller samma poster som ekonomi.xlsx" in text(page)


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.2 s CPU
def test_the_checked_period_is_checked_again_when_the_previous_periods_folder_changes(client, app, inputs):
    url = f"/{office(app)}/period/{PERIOD}/kontroll"
    assert "densamma som förra periodens" not in text(client.get(url))
    shutil.copyfile(inputs / PERIOD / "texter" / "namnderna.md", inputs / "2021-03" / "texter" / "namnderna.md")
    assert "texter/namnderna.md" in text(client.get(url)) and "densamma som förra periodens" in text(client.get(url))


def test_one_build_at_a_time_and_a_second_click_is_told(client, app, monkeypatch):
    from reporter.web import builds

    release = threading.Event()

    def held(self, job) -> None:  # a build that runs until the test lets it end
        release.wait(30)
        job.finished = "nu"

    monkeypatch.setattr(builds.Builds, "_run", held)
    key = office(app)
    token = csrf(client, f"/{key}/period/{PERIOD}")
    first = client.post(f"/{key}/period/{PERIOD}/bygg", data={"csrf": token, "slutlig": "0"}, follow_redirects=False)
    assert first.status_code == 303
    progress = client.get(f"/{key}/period/{PERIOD}/bygg")
    assert "Bygget pågår" in progress.text and 'http-equiv="refresh"' in progress.text
    second = client.post(f"/{key}/period/2021-03/bygg", data={"csrf": token, "slutlig": "1"})
    assert second.status_code == 409 and "Ett bygge pågår redan (2021-04)" in second.text
    release.set()


@pytest.mark.slow  # a whole build in a process of its own, as the page starts it (2.5 s CPU)
@pytest.mark.long
def test_the_office_builds_and_downloads_the_package(client, app, inputs):
    key = office(app)
    token = csrf(client, f"/{key}/period/{PERIOD}")
    client.post(f"/{key}/period/{PERIOD}/bygg", data={"csrf": token, "slutlig": "0"})
    job = app.state.web.builds.latest[PERIOD]
    for _ in range(600):
        if not job.running:
            break
        threading.Event().wait(0.1)
    page = client.get(f"/{key}/period/{PERIOD}/bygg")
    assert "Bygget är klart" in page.text, text(page)
    package = client.get(f"/{key}/period/{PERIOD}/fil/paket.zip")
    names = zipfile.ZipFile(io.BytesIO(package.content)).namelist()
    assert "2021-04/regiondirektorens-rapport.docx" in names or any(n.endswith(".docx") for n in names)
    assert "2021-04/manifest.json" in names
    one = client.get(f"/{key}/period/{PERIOD}/fil/manifest.json")
    assert one.status_code == 200 and FILE in one.text
    assert client.get(f"/{key}/period/{PERIOD}/fil/../rapport.yaml").status_code == 404


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.4 s CPU
def test_the_office_creates_the_next_month(client, app, inputs):
    key = office(app)
    page = client.post(f"/{key}/nasta-manad", data={"csrf": csrf(client, f"/{key}/period/{PERIOD}")})
    assert page.status_code == 200 and (inputs / "2021-05" / "rapport.yaml").is_file()
    assert "Kontoret: maj 2021" in text(page)


def test_serve_says_the_office_link_and_warns_off_this_computer():
    assert start_lines("127.0.0.1", 8000, "K")[0] == "Kontoret: http://127.0.0.1:8000/K/"
    assert not any("HTTPS" in line for line in start_lines("localhost", 8000, "K"))
    assert any("HTTPS" in line for line in start_lines("0.0.0.0", 8000, "K"))


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.5 s CPU
def test_a_divisions_file_with_another_divisions_rows_is_refused(client, app, inputs, tmp_path):
    wrong = with_cell(inputs / PERIOD / FILE, "Divisioner", "A2", "Länsteknik", tmp_path / "annan.xlsx")
    response = upload(client, division_key(app), wrong)
    assert response.status_code == 422
    assert "filen har rader för andra än Service: Länsteknik (1 rad)" in text(response)


@pytest.fixture
def division_report(inputs: Path) -> Path:
    """The bundled interim report of one division beside the months: the division owns its workbooks and its texts."""
    shutil.copytree(ROOT / "inputs" / "2021-04-ovriga-lanet", inputs / "2021-04-ovriga-lanet")
    return inputs / "2021-04-ovriga-lanet"


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.2 s CPU
def test_a_text_is_saved_with_the_same_checks_and_kept_only_without_errors(client, app, division_report):
    key = division_key(app, "Närsjukvård Övriga länet", "2021-04-ovriga-lanet")
    page = client.get(f"/{key}/")
    assert page.status_code == 200 and "texter/sammanfattning.md" in page.text and "<textarea" in page.text
    assert "ekonomi.xlsx" in page.text and "ekonomi-narsjukvard" not in page.text
    path = division_report / "texter" / "sammanfattning.md"
    before = path.read_text(encoding="utf-8")
    token = csrf(client, f"/{key}/")
    wrong = before + "\nSe [regionens sida](https://example.org) för mer.\n"
    response = client.post(f"/{key}/text/sammanfattning", data={"csrf": token, "innehall": wrong})
    assert response.status_code == 422 and "texter/sammanfattning.md" in text(response) and "rad" in text(response)
    assert path.read_text(encoding="utf-8") == before
    assert "regionens sida" in response.text  # the text written stays in the field, to be corrected
    right = before.replace("\n", "\r\n") + "\r\nEn mening till.\r\n"
    response = client.post(f"/{key}/text/sammanfattning", data={"csrf": token, "innehall": right})
    assert response.status_code == 200, text(response)
    assert path.read_text(encoding="utf-8") == before + "\nEn mening till.\n"
    assert [u.accepted for u in app.state.web.store.uploads("2021-04-ovriga-lanet")] == [False, True]
    assert client.post(f"/{key}/text/sammanfattning", data={"innehall": right}).status_code == 403


@pytest.mark.slow  # requests to the web app that validate a division's period, 0.2 s CPU
def test_in_a_divisions_own_report_its_workbooks_are_the_folders(client, app, division_report, tmp_path):
    key = division_key(app, "Närsjukvård Övriga länet", "2021-04-ovriga-lanet")
    data = resaved(division_report / "ekonomi.xlsx", tmp_path / "e.xlsx")
    assert upload(client, key, data).status_code == 200
    assert (division_report / "ekonomi.xlsx").read_bytes() == data


def _serve(inputs: Path, port: int) -> subprocess.Popen:
    code = ("import sys, uvicorn; from pathlib import Path; from reporter.web import create_app; "
            f"uvicorn.run(create_app(Path({str(inputs)!r})), host='127.0.0.1', port={port}, log_level='error')")
    process = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("the server did not start")


def _half_upload(port: int, key: str, token: str, data: bytes) -> socket.socket:
    """An upload whose body stops halfway: the connection stays open, as a browser's mid-upload."""
    boundary = "grans"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="fil"; filename="e.xlsx"\r\n\r\n').encode() + data + f"\r\n--{boundary}--\r\n".encode()
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall((f"POST /{key}/lamna/ekonomi HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n"
                        f"Content-Length: {len(body)}\r\n\r\n").encode() + body[: len(body) // 2])
    time.sleep(0.5)
    return connection


@pytest.mark.slow  # starts a real server and kills it mid-upload (1 s CPU, 2 s wall)
@pytest.mark.long
def test_a_browser_closed_or_the_server_killed_mid_upload_leave_the_period_whole(app, inputs, tmp_path):
    key, token = division_key(app), app.state.web.keys.csrf(division_key(app))
    current = inputs / PERIOD / FILE
    before = current.read_bytes()
    data = resaved(current, tmp_path / "ny.xlsx") + b"\0" * (2 << 20)  # large enough to be cut in the middle
    port = free_port()
    server = _serve(inputs, port)
    try:
        _half_upload(port, key, token, data).close()  # the browser closed
        time.sleep(0.3)
        _half_upload(port, key, token, data)  # and then the server killed, mid-upload
        server.send_signal(signal.SIGKILL)
        server.wait(10)
    finally:
        server.kill()
    assert current.read_bytes() == before
    again = create_app(inputs)  # a restart: the log as it was, nothing half-received left
    assert again.state.web.store.uploads(PERIOD) == []
    assert not list((inputs / ".reporter-web" / "tmp").iterdir())
    assert not [p for p in (inputs / PERIOD).iterdir() if p.name.startswith(".")]
    assert not reporter.validate(inputs / PERIOD).errors


def test_the_serve_command_prints_the_office_link_and_starts_the_server(inputs, monkeypatch):
    from click.testing import CliRunner

    from reporter import cli
    from reporter.web import serve

    started = []
    monkeypatch.setattr(serve.uvicorn, "run", lambda app, **options: started.append(options))
    result = CliRunner().invoke(cli.main, ["serve", str(inputs), "--port", "8123"])
    assert result.exit_code == 0, result.output
    office_key = create_app(inputs).state.web.keys.office()  # the same key after a restart
    assert result.output.splitlines()[0] == f"Kontoret: http://127.0.0.1:8123/{office_key}/"
    assert "Ctrl+C" in result.output and "HTTPS" not in result.output
    assert started[0]["host"] == "127.0.0.1" and started[0]["port"] == 8123
    outside = CliRunner().invoke(cli.main, ["serve", str(inputs), "--host", "0.0.0.0"])
    assert "VARNING: servern lyssnar på 0.0.0.0" in outside.output and "måste stå bakom HTTPS" in outside.output


@pytest.mark.slow  # validates the period in its folder and in an overlay with a candidate file, 0.4 s CPU
def test_a_candidate_is_checked_in_an_overlay_that_validate_cannot_tell_from_the_folder(inputs, tmp_path):
    """The period folder mirrored by links (the folders beside it too, for the previous period): the same findings."""
    from reporter.web.handin import checked, overlay

    period = inputs / PERIOD
    (period / "texter" / "inledning.md").write_text((inputs / "2021-03" / "texter" / "inledning.md").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copyfile(period / "ekonomi.xlsx", tmp_path / "kopia.xlsx")
    expected = [str(p) for p in reporter.validate(period).problems]
    assert any("inledning.md" in line for line in expected)  # the text left as March's: found only with March beside it
    with overlay(inputs, PERIOD, {}) as folder:
        assert [str(p) for p in checked(folder).problems] == expected
    with overlay(inputs, PERIOD, {"ekonomi - Kopia.xlsx": tmp_path / "kopia.xlsx"}) as folder:
        shutil.copyfile(tmp_path / "kopia.xlsx", period / "ekonomi - Kopia.xlsx")
        assert [str(p) for p in checked(folder).problems] == [str(p) for p in reporter.validate(period).problems]


@pytest.mark.slow  # builds in processes of their own, as the page starts them (1.8 s CPU)
@pytest.mark.long
def test_the_final_build_is_strict_a_warning_stops_it(client, app, inputs):
    """"Bygg slutlig" is build --strikt: the text left as March's, a warning for "Bygg", stops the final build."""
    march = (inputs / "2021-03" / "texter" / "inledning.md").read_text(encoding="utf-8")
    (inputs / PERIOD / "texter" / "inledning.md").write_text(march, encoding="utf-8")
    key = office(app)
    client.post(f"/{key}/period/{PERIOD}/bygg", data={"csrf": csrf(client, f"/{key}/period/{PERIOD}"), "slutlig": "1"})
    job = app.state.web.builds.latest[PERIOD]
    for _ in range(600):
        if not job.running:
            break
        threading.Event().wait(0.1)
    page = text(client.get(f"/{key}/period/{PERIOD}/bygg"))
    assert "Bygget stoppades" in page and "texter/inledning.md" in page and job.strict and not job.files


def test_a_period_is_named_as_a_reader_names_it_not_by_its_folder_code() -> None:
    from reporter.web.app import period_name

    assert period_name("2021-04") == "april 2021"
    assert period_name("2021-04-ovriga-lanet") == "april 2021 (ovriga-lanet)"
    assert period_name("inlamning") == "inlamning"


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.6 s CPU
def test_a_division_writes_its_own_section_of_verksamheten_and_nothing_else(client, app, inputs):
    texts = inputs / PERIOD / "texter"
    before = {path.name: path.read_text(encoding="utf-8") for path in texts.iterdir()}
    key = division_key(app)
    page = client.get(f"/{key}/")
    assert page.status_code == 200 and 'id="innehall-verksamheten"' in page.text and "avsnittet ## Service" in text(page)
    token = csrf(client, f"/{key}/")
    response = client.post(f"/{key}/text/verksamheten", data={"csrf": token, "innehall": "Städningen i Sunderbyn är upphandlad.\r\n"})
    assert response.status_code == 200, text(response)
    saved = (texts / "verksamheten.md").read_text(encoding="utf-8")
    assert saved == before["verksamheten.md"] + "\n## Service\n\nStädningen i Sunderbyn är upphandlad.\n"
    assert {path.name: path.read_text(encoding="utf-8") for path in texts.iterdir() if path.name != "verksamheten.md"} == \
        {name: content for name, content in before.items() if name != "verksamheten.md"}

    other = division_key(app, "Länssjukvård")
    response = client.post(f"/{other}/text/verksamheten", data={"csrf": csrf(client, f"/{other}/"), "innehall": "Fler operationer.\n"})
    assert response.status_code == 200, text(response)
    both = (texts / "verksamheten.md").read_text(encoding="utf-8")
    assert both == saved + "\n## Länssjukvård\n\nFler operationer.\n"

    table = "Så här gick det:\n\n| Enhet | Antal |\n|---|---|\n| Kök | 3 |\n"
    response = client.post(f"/{key}/text/verksamheten", data={"csrf": token, "innehall": table})
    line = both.split("\n").index("## Service") + 5  # the heading, a blank line, two lines of text, then the table
    assert response.status_code == 422 and "en tabell stöds inte" in text(response) and f"rad {line}" in text(response)
    assert (texts / "verksamheten.md").read_text(encoding="utf-8") == both
    assert "| Kök | 3 |" in response.text  # what was written stays in the field
    assert client.get(f"/{key}/").text.count("Fler operationer") == 0  # another division's section is not shown here


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.4 s CPU
def test_a_text_handed_in_as_a_markdown_file_has_the_same_checks(client, app, inputs):
    key = division_key(app)
    token = csrf(client, f"/{key}/")
    path = inputs / PERIOD / "texter" / "verksamheten.md"
    before = path.read_text(encoding="utf-8")
    send = lambda name, data: client.post(f"/{key}/textfil/verksamheten", data={"csrf": token},  # noqa: E731
                                          files={"fil": (name, data, "application/octet-stream")})
    response = send("service.md", "\ufeffSe [sidan](https://example.org).\r\n".encode())
    assert response.status_code == 422 and "texter/verksamheten.md" in text(response) and path.read_text(encoding="utf-8") == before
    response = send("service.md", "Städningen är upphandlad.\n".encode())
    assert response.status_code == 200, text(response)
    assert path.read_text(encoding="utf-8") == before + "\n## Service\n\nStädningen är upphandlad.\n"
    for name, data in (("service.docx", b"PK\x03\x04"), ("service.md", "Åäö".encode("cp1252"))):
        response = send(name, data)
        assert response.status_code == 400 and "UTF-8" in text(response)
    assert path.read_text(encoding="utf-8") == before + "\n## Service\n\nStädningen är upphandlad.\n"
    assert client.post(f"/{key}/textfil/verksamheten", files={"fil": ("a.md", b"x")}).status_code == 403


def test_the_deadline_is_a_text_field_in_the_form_its_label_states_and_the_server_checks_it(client, app):
    office_key = office(app)
    page = client.get(f"/{office_key}/period/{PERIOD}").text
    field = re.search(r'<input type="text" id="sista-dag"[^>]*>', page)
    assert field and 'pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}"' in field.group(0) and 'aria-describedby="sista-dag-hur"' in field.group(0)
    assert re.search(r'id="sista-dag-hur"[^>]*>Skriv som ÅÅÅÅ-MM-DD, t.ex. 2021-05-10<', page) and 'type="date"' not in page  # no browser's own format
    token = csrf(client, f"/{office_key}/period/{PERIOD}")
    for written, said in (("10/05/2021", "Sista dag ska skrivas som ÅÅÅÅ-MM-DD, t.ex. 2021-05-10, inte som 10/05/2021"),
                          ("2021-02-30", "Sista dag 2021-02-30 finns inte i kalendern")):
        response = client.post(f"/{office_key}/period/{PERIOD}/sista-dag", data={"csrf": token, "deadline": written})
        assert response.status_code == 400 and said in text(response) and f'value="{written}"' in response.text
    assert not app.state.web.store.deadline(PERIOD)
    response = client.post(f"/{office_key}/period/{PERIOD}/sista-dag", data={"csrf": token, "deadline": " 2021-05-10 "}, follow_redirects=False)
    assert response.status_code == 303 and app.state.web.store.deadline(PERIOD) == "2021-05-10"


def test_every_file_field_has_a_visible_swedish_label_saying_what_to_choose(client, app):
    page = client.get(f"/{division_key(app)}/").text
    fields = re.findall(r'<input type="file" id="([^"]+)"', page)
    assert fields
    for field in fields:
        label = re.search(rf'<label for="{field}">([^<]+)</label>', page)
        assert label and label.group(1).startswith(("Välj arbetsbok", "Välj textfil")), field


@pytest.mark.slow  # requests to the web app, each upload or save validating the period, 0.6 s CPU
def test_the_offices_first_view_shows_the_files_at_once_and_checks_the_period_in_the_background(client, app, inputs, tmp_path, monkeypatch):
    key = division_key(app)
    right = resaved(inputs / PERIOD / FILE, tmp_path / "rätt.xlsx")
    assert upload(client, key, right).status_code == 200
    restarted = create_app(inputs)  # nothing checked yet in this server
    office_client = TestClient(restarted)
    from reporter.web import handin

    real, started, release = handin.check, threading.Event(), threading.Event()

    def slow_check(folder: Path):
        started.set()
        release.wait(10)
        return real(folder)

    monkeypatch.setattr(handin, "check", slow_check)
    url = f"/{office(restarted)}/period/{PERIOD}"
    page = text(office_client.get(url))  # answered while the check waits
    assert "Perioden kontrolleras nu" in page and "Visa sidan igen" in page and not release.is_set()
    assert re.search(r"Service inlämnad \S+ \S+ UTC, version 1 finns, inte kontrollerad än finns, inte kontrollerad än", page)  # the log, the disk
    assert re.search(r"Hela regionen finns, inte kontrollerad än", page)
    assert started.wait(5)
    release.set()
    for _ in range(600):
        if not restarted.state.web.periods.checking(PERIOD):
            break
        time.sleep(0.05)
    page = text(office_client.get(url))
    assert "Perioden kontrolleras nu" not in page and "Perioden har 0 fel" in page
    assert re.search(r"Service inlämnad \S+ \S+ UTC, version 1 inga rader inlämnad", page)
