"""The bundled examples say one thing: their texts and scorecards agree with their own figures (issue 26, item 9).

The examples are what every new user sees first; a scorecard that says "Ej uppnått ↓" beside a
result 20,5 mnkr better than budget, or a text that says a share has risen beside an arrow that
says it has fallen, teaches the user that the report cannot be trusted.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import bundled_checked
from openpyxl import load_workbook

from reporter.figures import compute

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
MONTHLY = ["2021-03", "2021-04"]

# Direction words of a sentence, by the arrow they agree with.
BETTER = re.compile(r"\b(bättre|högre|ökat|förbättrats|förbättrad)\b")
WORSE = re.compile(r"\b(sämre|lägre|minskat|försämrats|försämrad)\b")


@functools.cache  # a bundled period's figures, read only: computed once per process for the tests that compare them
def _figures(folder: Path):
    checked = bundled_checked(folder.name)  # check(folder), shared
    assert checked.inputs is not None and checked.config is not None, folder
    return compute(checked.inputs, checked.config)


def _measures(path: Path) -> list[dict[str, object]]:
    sheet = load_workbook(path, read_only=True)["Styrmått"]
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def _number(text: str) -> float:
    return float(re.search(r"[+−-]?\d+(?:,\d+)?", text).group().replace("−", "-").replace(",", "."))


@pytest.mark.parametrize("period", MONTHLY)
def test_the_scorecards_economy_measures_agree_with_the_economy(period):
    economy = _figures(INPUTS / period).ekonomi
    total = economy.divisioner_totalt
    posts = {line.post: line for line in economy.rader}
    measures = {m["Styrmått"]: m for m in _measures(INPUTS / period / "styrkort.xlsx")}

    result = measures["Divisionernas resultat mot budget"]
    gap = (total.utfall - total.budget) / 1000
    assert _number(result["Utfall"]) == pytest.approx(gap, abs=0.05)
    assert result["Måluppfyllelse"] == ("Uppnått" if gap >= 0 else "Ej uppnått")
    assert result["Utveckling"] == ("Förbättrad" if total.utfall > total.foregaende_ar else "Försämrad")

    forecast = measures["Divisionernas prognos mot helårsbudget"]
    gap = (total.prognos_helar - total.budget_helar) / 1000
    assert _number(forecast["Utfall"]) == pytest.approx(gap, abs=0.5)
    assert forecast["Måluppfyllelse"] == ("Uppnått" if gap >= 0 else "Ej uppnått")

    def change(line):
        return (abs(line.utfall) - abs(line.foregaende_ar)) / abs(line.foregaende_ar) * 100

    costs, income = change(posts["Nettokostnader"]), change(posts["Skatteintäkter och generella statsbidrag"])
    net = measures["Nettokostnadsutveckling"]
    assert net["Utfall"].startswith(f"{costs:+.1f}".replace(".", ",").replace("-", "−"))
    assert net["Måluppfyllelse"] == ("Uppnått" if costs < income else "Ej uppnått")


@pytest.mark.parametrize("period", MONTHLY)
def test_the_scorecards_access_measures_agree_with_the_month(period):
    """bilaga 4 gives the month's share (women a point under, men a point over) and its arrow against a year ago."""
    access = {line.namn: line for line in _figures(INPUTS / period).produktion.tillganglighet}
    for measure in _measures(INPUTS / period / "styrkort.xlsx"):
        line = access.get(measure["Styrmått"])
        if line is None or measure["Utfall"] is None:
            continue
        now = line.andel  # percent
        assert abs(_number(measure["Utfall"]) - now) <= 1.5, (period, measure, now)
        if period == "2021-03":  # the first example: against a year ago, half a point either way unchanged
            before = line.foregaende_ar
            expected = "Förbättrad" if now > before + 0.5 else "Försämrad" if now < before - 0.5 else "Oförändrad"
        else:  # the legend: against the previous measurement, the month before
            expected = _way(now, line.foregaende_manad)
        assert measure["Utveckling"] == expected, (period, measure, now)


def _way(now: float, before: float) -> str:
    """The arrow of a figure where higher is better, the two as shown with one decimal."""
    now, before = round(now, 1), round(before, 1)
    return "Förbättrad" if now > before else "Försämrad" if now < before else "Oförändrad"


def test_the_april_arrows_go_the_way_aprils_figures_went_from_march():
    """bilaga 4's legend says an arrow compares with the previous measurement: in the April example, March's figures.

    90 days to a visit rose from 43,0 to 49,0 % (↑, not ↓); sick leave rose from 6,4 to 6,8 % (↓, not ↑)."""
    april, march = _figures(INPUTS / "2021-04"), _figures(INPUTS / "2021-03")
    sick = {line.namn: line.manad for line in april.personal.sjukfranvaro_per_kon}
    sick_before = {line.namn: line.manad for line in march.personal.sjukfranvaro_per_kon}
    hired = next(line for line in april.ekonomi.kostnadsutveckling.rader if line.kostnadsslag == "Inhyrd personal")
    distance = [next(line for line in f.produktion.matt if line.matt == "Distanskontakter").hittills.procent for f in (april, march)]
    total, total_before = april.ekonomi.divisioner_totalt, march.ekonomi.divisioner_totalt

    def result(line) -> float:  # the divisions' result against budget as shown, mnkr
        return round(line.utfall / 1000, 1) - round(line.budget / 1000, 1)

    expected = {
        ("Väntat högst 90 dagar till besök", "K"): "Förbättrad",
        ("Sjukfrånvaro", "K"): _way(-sick["Kvinnor"], -sick_before["Kvinnor"]),
        ("Sjukfrånvaro", "M"): _way(-sick["Män"], -sick_before["Män"]),
        ("Kostnad för inhyrd personal", None): _way(-hired.forandringar[0], -hired.forandringar[1]),
        ("Antal distanskontakter", None): _way(*distance),
        ("Divisionernas resultat mot budget", None): _way(result(total), result(total_before)),
    }
    assert expected[("Sjukfrånvaro", "K")] == "Försämrad"
    found = {(m["Styrmått"], m["Kön"]): m["Utveckling"] for m in _measures(INPUTS / "2021-04" / "styrkort.xlsx")}
    assert {key: found[key] for key in expected} == expected


@pytest.mark.parametrize("period", MONTHLY)
def test_the_economy_goals_comment_states_the_economy_appendixs_figures(period):
    """bilaga 4's comment on God ekonomisk hushållning: the divisions' result, its difference from budget, the forecast
    and its difference, as bilaga 1 writes them (one decimal under 100 mnkr), not a month before's."""
    total = _figures(INPUTS / period).ekonomi.divisioner_totalt
    sheet = load_workbook(INPUTS / period / "styrkort.xlsx", read_only=True)["Strategiska mål"]
    rows = list(sheet.iter_rows(values_only=True))
    goal = next(dict(zip(rows[0], row, strict=False)) for row in rows[1:] if row[1] == "God ekonomisk hushållning")
    shown = [round(value / 1000, 1) for value in (total.utfall, total.budget, total.prognos_helar, total.budget_helar)]
    figures = [f"{abs(value):.1f}".replace(".", ",") for value in
               (shown[0], round(shown[0] - shown[1], 1), shown[2], round(shown[2] - shown[3], 1))]
    assert re.findall(r"\d+,\d", goal["Kommentar"]) == figures, (goal["Kommentar"], figures)


@pytest.mark.parametrize("period", MONTHLY)
def test_the_result_text_leads_with_the_largest_difference_from_budget(period):
    posts = {line.post: line for line in _figures(INPUTS / period).ekonomi.rader}
    names = {"Finansnetto": "finansnett", "Nettokostnader": "nettokostnad", "Skatteintäkter": "skatteintäkt",
             "Generella statsbidrag och utjämning": "statsbidrag"}
    largest = max(names, key=lambda post: abs(posts[post].utfall - posts[post].budget))
    text = (INPUTS / period / "texter" / "ekonomirapport-resultat.md").read_text(encoding="utf-8").lower()
    named = sorted((text.find(word), post) for post, word in names.items() if word in text)
    assert named and named[0][1] == largest, (period, named, largest)


def _sentences(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted((folder / "texter").glob("*.md")):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        found += [(path.name, sentence) for sentence in re.split(r"(?<=[.!?])\s+", text)]
    return found


def _interim_folders() -> list[Path]:
    return [INPUTS / "2021-04-ovriga-lanet", *sorted((INPUTS / "2020-09" / "delarsrapporter").iterdir())]


@pytest.mark.parametrize("folder", [*(INPUTS / p for p in MONTHLY), *_interim_folders()], ids=lambda p: p.name)
def test_texts_about_medical_assessment_go_the_way_of_the_scorecards_arrow(folder):
    """A sentence about the three-day measure that only says it improved, beside an arrow that says it got worse, is wrong."""
    if not (folder / "styrkort.xlsx").is_file():
        pytest.skip("no scorecard")
    trends = {m["Utveckling"] for m in _measures(folder / "styrkort.xlsx") if "edicinsk bedömning" in str(m["Styrmått"] or "")}
    trends.discard(None)
    if len(trends) != 1:
        pytest.skip("no single arrow for the measure")
    (trend,) = trends
    agree, disagree = (BETTER, WORSE) if trend == "Förbättrad" else (WORSE, BETTER)
    for name, sentence in _sentences(folder):
        if "medicinsk bedömning" in sentence.lower():
            assert agree.search(sentence) or not disagree.search(sentence), (folder.name, name, trend, sentence)


def test_hired_nurses_are_one_figure():
    """The measure's typed outcome is the change the worked-time table computes (4,2 against 1,9 åa)."""
    measures = _measures(INPUTS / "2021-04-ovriga-lanet" / "styrkort.xlsx")
    nurses = next(m for m in measures if "sjukskötersketimmar" in str(m["Styrmått"]))
    assert nurses["Utfall"] == "+121,1 %"


def _sick_leave_by_division(path: Path, year: int, last_month: int) -> dict[str, float]:
    sheet = load_workbook(path, read_only=True)["Sjukfrånvaro"]
    sick: dict[str, list[float]] = {}
    for row in list(sheet.iter_rows(values_only=True))[1:]:
        month = str(row[2])
        if month.startswith(f"{year}-") and int(month[5:7]) <= last_month:
            parts = sick.setdefault(row[0], [0.0, 0.0])
            parts[0] += row[3]
            parts[1] += row[4]
    return {division: round(s / h * 100, 1) for division, (s, h) in sick.items()}


def test_divisions_differ_in_sick_leave():
    rates = _sick_leave_by_division(INPUTS / "2021-03" / "personal.xlsx", 2021, 3)
    assert len(rates) == 8 and len(set(rates.values())) >= 6, rates


def test_interim_reports_differ_in_extra_time_and_permanent_staff():
    extra_changes, staff_changes = set(), set()
    for folder in (INPUTS / "2020-09" / "delarsrapporter").iterdir():
        book = load_workbook(folder / "personal.xlsx", read_only=True)
        worked = list(book["Arbetad tid"].iter_rows(values_only=True))[1:]
        extra = {year: sum(r[3] for r in worked if str(r[1]).startswith(f"{year}-") and int(str(r[1])[5:7]) <= 8) for year in (2019, 2020)}
        extra_changes.add(round(extra[2020] / extra[2019] * 100 - 100, 1))
        staff = list(book["Anställda"].iter_rows(values_only=True))[1:]
        count = {m: sum(r[4] for r in staff if r[2] == "Tillsvidare" and str(r[3]) == m) for m in ("2019-08", "2020-08")}
        staff_changes.add(round(count["2020-08"] / count["2019-08"] * 100 - 100, 1))
    assert len(extra_changes) >= 5 and len(staff_changes) >= 5, (extra_changes, staff_changes)  # one a coincidence, as real ones are


def test_prior_year_production_is_not_round():
    rows = list(load_workbook(INPUTS / "2021-04-ovriga-lanet" / "produktion.xlsx", read_only=True)["Produktion"].iter_rows(values_only=True))
    header = rows[0]
    totals: dict[str, int] = {}
    for row in rows[1:]:
        record = dict(zip(header, row, strict=False))
        if str(record["Månad"]).startswith("2020-0") and int(str(record["Månad"])[5:7]) <= 4:
            totals[record["Mått"]] = totals.get(record["Mått"], 0) + record["Värde"]
    assert all(value % 1000 for value in totals.values()), totals


@pytest.mark.parametrize("period", MONTHLY)
def test_the_vardval_appendix_is_a_real_document(period):
    path = INPUTS / period / "bilagor" / "vardval.pdf"
    month = {"2021-03": "mars 2021", "2021-04": "april 2021"}[period]
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) >= 3
        assert str(pdf.docinfo["/Title"]) == f"Uppföljning Vårdval primärvård {month}"
        types = []

        def walk(node, depth=0):
            if depth > 40:
                return
            if isinstance(node, pikepdf.Dictionary) and "/S" in node:
                types.append(str(node.S))
            kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid, depth + 1)

        walk(pdf.Root.StructTreeRoot)
        headings = [t for t in types if re.fullmatch(r"/H\d?|/Heading_20_1|/Heading 1", t)]
        assert len(headings) >= len(pdf.pages) and "/Table" in types, types[:40]
    if shutil.which("pdftotext"):
        pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
        assert all(page.strip() for page in pages[: len(pages) - 1])
        assert "Hälsocentral" in pages[1] and "Länet" in pages[2] and "Ersättning" in pages[3]


SPELLED_OUT = re.compile(r"\b\w*(tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra)\w*\b", re.IGNORECASE)


@pytest.mark.parametrize("period", MONTHLY)
def test_example_texts_write_numbers_in_digits(period):
    """"yngre än 65 år", not "yngre än sextiofem år": a number above twelve in digits, as the documents write figures."""
    for name, sentence in _sentences(INPUTS / period):
        assert not SPELLED_OUT.search(sentence), (period, name, sentence)


# What the April example's news items are about, by a word each sentence about them has.
APRIL_TOPICS = {"planerad vård": r"planerad|operation", "vaccinationerna": r"vaccin", "den nya organisationen": r"organisation"}


def test_the_april_introduction_summarises_what_the_news_items_tell():
    """The introduction says each of the month's subjects once, in a word; the news items and the division's
    texts carry the detail, each subject under one heading (a reviewer read 'the new organisation from 1 May'
    twice on p. 2 and again on p. 4)."""
    texts = INPUTS / "2021-04" / "texter"
    intro = re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", (texts / "inledning.md").read_text(encoding="utf-8")))
    sections = [part for name in ("aktuella-handelser.md", "verksamheten.md")
                for part in re.split(r"(?m)^#+ .*$", (texts / name).read_text(encoding="utf-8")) if part.strip()]
    for topic, word in APRIL_TOPICS.items():
        said = [sentence for sentence in intro if re.search(word, sentence, re.IGNORECASE)]
        assert len(said) <= 1, (topic, said)
        told = [section for section in sections if re.search(word, section, re.IGNORECASE)]
        assert len(told) == 1, (topic, told)
