"""The submission pages in Chromium: the office, a division handing in, the office building; axe-core on every page."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from browser import axe_findings, chromium, server, swedish_page
from web_periods import ROOT, web_inputs

pytestmark = pytest.mark.browser

PERIOD = "2021-04"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    return web_inputs(tmp_path)


def checked(page, seen: list[tuple[str, list[str]]]) -> None:
    """axe on the page as it is now: no serious or critical finding."""
    seen.append((page.title(), axe_findings(page)))


def test_a_division_hands_in_and_the_office_builds(inputs: Path, tmp_path: Path):
    seen: list[tuple[str, list[str]]] = []
    with server(inputs) as (base, app), chromium() as browser:
        office_page = swedish_page(browser, accept_downloads=True)
        office_page.goto(f"{base}/{app.state.web.keys.office()}/")
        assert office_page.locator("h1").inner_text() == "Kontoret: april 2021"
        checked(office_page, seen)
        link = office_page.get_by_role("textbox", name="Länk för Service").input_value()  # what the office copies into an e-mail

        division = swedish_page(browser, accept_downloads=True)
        division.goto(link)
        assert division.locator("h1").inner_text() == "Service: inlämning för april 2021"
        assert division.evaluate("navigator.language") == "sv-SE"  # a Swedish browser, as the users' are
        checked(division, seen)
        with division.expect_download() as download:
            division.get_by_role("link", name="Hämta ekonomi-service.xlsx").click()
        workbook = tmp_path / "hamtad.xlsx"
        download.value.save_as(workbook)

        book = openpyxl.load_workbook(workbook)
        book["Divisioner"]["C2"] = "saknas"  # a planted error: text where the budget goes
        book.save(tmp_path / "med-fel.xlsx")
        division.get_by_label(re.compile("Välj arbetsbok att lämna in som ekonomi-service.xlsx")).set_input_files(tmp_path / "med-fel.xlsx")
        division.get_by_role("button", name="Lämna in ekonomi", exact=True).click()
        alert = division.get_by_role("alert")
        assert "ekonomi-service.xlsx, blad Divisioner, cell C2" in alert.inner_text()
        checked(division, seen)

        openpyxl.load_workbook(workbook).save(tmp_path / "rattad.xlsx")
        division.get_by_label(re.compile("Välj arbetsbok att lämna in som ekonomi-service.xlsx")).set_input_files(tmp_path / "rattad.xlsx")
        division.get_by_role("button", name="Lämna in ekonomi", exact=True).click()
        assert "inlämnad" in division.get_by_role("status").inner_text()

        office_page.reload()
        row = office_page.get_by_role("row", name=re.compile("^Service"))
        assert "inlämnad" in row.inner_text() and "version 2" in row.inner_text()

        office_page.get_by_role("link", name="Kontrollera perioden").click()
        checked(office_page, seen)
        office_page.go_back()
        office_page.get_by_role("button", name="Bygg", exact=True).click()
        office_page.get_by_role("heading", name="Bygget är klart").wait_for(timeout=120_000)
        checked(office_page, seen)
        with office_page.expect_download() as download:
            office_page.get_by_role("link", name="Hela paketet som zip").click()
        names = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes())).namelist()
        assert f"{PERIOD}/manifest.json" in names and any(name.endswith(".docx") for name in names)
    assert len(seen) == 5 and not any(found for _, found in seen), seen


def test_every_field_has_a_label_and_the_pages_work_by_keyboard(inputs: Path):
    with server(inputs) as (base, app), chromium() as browser:
        page = swedish_page(browser)
        page.goto(f"{base}/{app.state.web.keys.division(PERIOD, 'Service')}/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
        page.keyboard.press("Enter")
        for _ in range(6):  # the first link and the first file field are reached by Tab alone
            page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.outerHTML")
        assert focused.startswith(("<a ", "<input ", "<button")), focused
        unlabelled = page.evaluate(
            "[...document.querySelectorAll('input:not([type=hidden]), textarea, select')].filter(e => !e.labels || !e.labels.length).length"
        )
        assert unlabelled == 0
        seen: list[tuple[str, list[str]]] = []
        shutil.copytree(ROOT / "inputs" / "2021-04-ovriga-lanet", inputs / "2021-04-ovriga-lanet")
        page.goto(f"{base}/{app.state.web.keys.division('2021-04-ovriga-lanet', 'Närsjukvård Övriga länet')}/")
        assert page.get_by_label("Texten texter/sammanfattning.md", exact=False).count() == 1
        checked(page, seen)  # the page with text areas
        page.goto(f"{base}/{'A' * 27}/")
        assert page.locator("h1").inner_text() == "Sidan finns inte"
        checked(page, seen)
    assert len(seen) == 2 and not any(found for _, found in seen), seen
