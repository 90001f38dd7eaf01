"""Write the bundled example's second month, inputs/2021-04/, from inputs/2021-03/ as the monthly cycle does.

1. ``reporter scaffold inputs/2021-04 --period 2021-04 --från inputs/2021-03``:
   March's rows carried, a marked row for April per series, the snapshot
   sheets' values emptied, March's texts as drafts.
2. Only the marked cells are filled, as a division would: each April value
   within ±6 % of its own series' March value and April a year earlier
   where both allow it; where they are far apart (a series that doubled in
   the pandemic), within 15 % of March, toward last year. The accumulated
   results grow by about a month's share of the year, the sums of the
   region's accounts kept as they add up; the scorecard's assessments,
   outcomes and comments confirmed as they were.
3. New April texts, whose figures are April's (computed by the tool from the
   filled workbooks), with the draft lines gone; version and publication
   date filled in; a new external appendix file with April's title.

No randomness that changes between runs: a fixed seed, the same figures
every time (the workbooks differ from run to run only in their zip
timestamps). An existing inputs/2021-04 is removed first.

    .venv/bin/python tools/make_example_next_month.py
"""

from __future__ import annotations

import math
import random
import re
import shutil
from pathlib import Path

from make_example import ACCESS_IN_VARDVAL, economy_comment, economy_measures, write_vardval
from openpyxl import load_workbook

from reporter import scaffold
from reporter.carry import MARK
from reporter.figures import compute
from reporter.formatting import manad, manad_ar, mnkr, tal
from reporter.model import Month
from reporter.pipeline import check
from reporter.values import ValueProblem, parse_month

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "inputs" / "2021-03"
TARGET = ROOT / "inputs" / "2021-04"
PERIOD = Month(2021, 4)
SPREAD = 0.06  # a new value lies within ±6 % of its series' previous month and year-earlier month, where both allow it
FAR = 0.15  # where last month and last year are too far apart for SPREAD: at most this far from last month
REGION_PARTS = ("Skatteintäkter", "Generella statsbidrag och utjämning", "Nettokostnader", "Finansnetto")


def main(target: Path = TARGET, source: Path = SOURCE, period: Month = PERIOD) -> None:
    """The bundled second month; or another month from the one before it into another folder (tests/heldout.py:
    ``main(folder / "2021-05", inputs/2021-04, Month(2021, 5))``), its values drawn from a generator seeded with the month."""
    global PERIOD
    PERIOD = period
    appendix = target / "bilagor" / "vardval.pdf"
    kept = appendix.read_bytes() if appendix.is_file() else None  # LibreOffice's bytes differ run to run: the committed file stays
    if target.exists():
        shutil.rmtree(target)
    made = scaffold(target, PERIOD, source=source)
    rng = random.Random(2104 if period == Month(2021, 4) else period.year * 100 + period.month)
    for carried in made.carried:
        fill_book(carried.path, source / carried.path.name, rng)
    fill_config(target / "rapport.yaml")
    figures = april_figures(target)
    fill_economy_measures(target / "styrkort.xlsx", figures, april_figures(source))
    if kept is not None:
        appendix.parent.mkdir(exist_ok=True)
        appendix.write_bytes(kept)
    access = {line.namn: line.andel for line in figures.produktion.tillganglighet}
    write_vardval(appendix, PERIOD, *(_percent(access[name]) for name in ACCESS_IN_VARDVAL))
    write_texts(target)
    print(f"Skrev {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


# ---------------------------------------------------------------- workbooks


def _marked(cell) -> bool:
    fill = cell.fill
    return fill is not None and fill.fill_type == "solid" and str(fill.fgColor.rgb).upper().endswith(MARK)


def fill_book(path: Path, previous: Path, rng: random.Random) -> None:
    """Fill the marked rows of one carried workbook, and nothing else."""
    book = load_workbook(path)
    before = load_workbook(previous)
    for sheet in book.worksheets:
        if sheet.title in ("Instruktioner", "Listor"):
            continue
        header = [c.value for c in sheet[1]]
        if "Månad" in header:
            _fill_series(sheet, header.index("Månad"), rng)
        elif sheet.title == "Region":
            _fill_region(sheet, before[sheet.title], header, rng)
        else:
            _fill_snapshot(sheet, before[sheet.title], header, rng)
    book.save(path)


def _month(value) -> Month | None:
    try:
        return parse_month(value)
    except (ValueProblem, ValueError, TypeError):
        return None


def _fill_series(sheet, month_at: int, rng: random.Random) -> None:
    """Each prepared row: its empty cells from the same series' previous month and the same month a year earlier."""
    rows = list(sheet.iter_rows(min_row=2))
    known: dict[tuple, dict[Month, list]] = {}
    prepared = []
    for row in rows:
        if _marked(row[0]):
            prepared.append(row)
            continue
        month = _month(row[month_at].value)
        if month is not None:
            key = tuple(c.value for i, c in enumerate(row) if i != month_at and isinstance(c.value, str))
            known.setdefault(key, {})[month] = [c.value for c in row]
    for row in prepared:
        key = tuple(c.value for i, c in enumerate(row) if i != month_at and isinstance(c.value, str))
        series = known[key]
        last, year_ago = series.get(PERIOD.previous), series.get(PERIOD.year_before)
        for index, cell in enumerate(row):
            if cell.value is not None or last is None or not isinstance(last[index], (int, float)):
                continue
            ago = year_ago[index] if year_ago is not None and isinstance(year_ago[index], (int, float)) else None
            cell.value = _near(last[index], ago, rng, share=cell.number_format.endswith("%"))


def _near(last: float, ago: float | None, rng: random.Random, share: bool = False) -> float:
    """A value close to ``last`` and ``ago``, written with as many decimals as ``last``."""
    if last == 0:
        return last
    if ago is None or ago == 0 or (ago < 0) != (last < 0):
        low, high = abs(last) * (1 - SPREAD), abs(last) * (1 + SPREAD)
    else:
        low = max(abs(last), abs(ago)) * (1 - SPREAD)
        high = min(abs(last), abs(ago)) * (1 + SPREAD)
        if low > high:  # the two are far apart (a series that doubled in the pandemic): toward last year, within 15 % of last month
            middle = math.sqrt(abs(last) * abs(ago))
            low = high = min(max(middle, abs(last) * (1 - FAR)), abs(last) * (1 + FAR))
    value = rng.uniform(low, high) * (1 if last > 0 else -1)
    if share:
        value = min(value, 0.999)
    return _like(value, last)


def _like(value: float, example: float) -> float:
    """``value`` rounded as ``example`` is written: a whole number, or its decimals."""
    if isinstance(example, int):
        return int(round(value))
    decimals = len(repr(example).split(".")[1]) if "." in repr(example) else 0
    return round(value, min(decimals, 3))


def _fill_snapshot(sheet, before, header: list, rng: random.Random) -> None:
    """A division's accumulated result: a month more of the year; the year's forecast and budget as they were; the scorecard confirmed."""
    old = {r: [c.value for c in row] for r, row in enumerate(before.iter_rows(min_row=2), 2)}
    for r, row in enumerate(sheet.iter_rows(min_row=2), 2):
        if not _marked(row[0]):
            continue
        for index, cell in enumerate(row):
            was = old[r][index] if index < len(old[r]) else None
            if cell.value is not None or was is None:
                continue
            title = str(header[index])
            if not isinstance(was, (int, float)) or "helår" in title:
                cell.value = was
            else:
                cell.value = _like(was * PERIOD.month / PERIOD.previous.month * rng.uniform(0.95, 1.05), was)


def _fill_region(sheet, before, header: list, rng: random.Random) -> None:
    """The region's accounts: the parts grow by a month's share, the sums are their sums, last month is March's outcome."""
    old = {row[0].value: [c.value for c in row] for row in before.iter_rows(min_row=2)}
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    columns = {str(h).split(" (")[0]: i for i, h in enumerate(header)}
    new: dict[str, dict[str, float]] = {}
    for post in REGION_PARTS:
        new[post] = {}
        for title, i in columns.items():
            was = old[post][i]
            if title == "Post":
                continue
            if title == "Utfall föregående månad":
                value = old[post][columns["Utfall"]]
            elif "helår" in title:
                value = was
            else:
                value = round(was * PERIOD.month / PERIOD.previous.month * rng.uniform(0.97, 1.03))
            new[post][title] = value
    sums = {
        "Skatteintäkter och generella statsbidrag": ("Skatteintäkter", "Generella statsbidrag och utjämning"),
        "Verksamhetens resultat": ("Skatteintäkter", "Generella statsbidrag och utjämning", "Nettokostnader"),
        "Periodens resultat": ("Skatteintäkter", "Generella statsbidrag och utjämning", "Nettokostnader", "Finansnetto"),
    }
    for post, parts in sums.items():
        new[post] = {title: sum(new[p][title] for p in parts) for title in new[REGION_PARTS[0]]}
    for post, row in rows.items():
        for title, value in new[post].items():
            row[columns[title]].value = value


# ---------------------------------------------------------------- rapport.yaml and texts


def fill_config(path: Path) -> None:
    """Version, publication date, April's appendix title; the scaffold's reminders taken out."""
    text = path.read_text(encoding="utf-8")
    text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# Kopierad av reporter scaffold"))
    text = text.replace(manad_ar(PERIOD.previous), manad_ar(PERIOD))
    text = re.sub(r'(?m)^(\s+version:).*$', r'\1 "0.27"', text)
    text = re.sub(r"(?m)^(\s+publiceringsdatum:).*$", r"\1 2021-05-11", text)
    text = re.sub(r"(?m)^(\s+fil: \S+).*$", r"\1", text)
    path.write_text(text, encoding="utf-8")


def april_figures(target: Path):
    """The figures of the filled April folder, as the report computes them."""
    checked = check(target)
    assert checked.inputs is not None and checked.config is not None
    return compute(checked.inputs, checked.config)


def _percent(share: float) -> float:
    """A share as the report states it, in percent with one decimal."""
    return round(share * 100 if share <= 1 else share, 1)


def _economy_arguments(figures) -> tuple:
    """make_example.economy_measures's arguments from a month's figures."""
    economy = figures.ekonomi
    posts = {line.post: line for line in economy.rader}
    total = economy.divisioner_totalt
    return (
        (posts["Nettokostnader"].utfall, posts["Nettokostnader"].foregaende_ar),
        (posts["Skatteintäkter och generella statsbidrag"].utfall, posts["Skatteintäkter och generella statsbidrag"].foregaende_ar),
        [value / 1000 for value in (total.utfall, total.budget, total.foregaende_ar, total.prognos_helar, total.budget_helar)],
    )


def fill_economy_measures(path: Path, figures, before) -> None:
    """The scorecard's measures from this month's figures, each arrow against the month before (``before``, its
    figures), as bilaga 4's legend says: the economy's (make_example.economy_measures) and its goal's comment,
    accessibility, sick leave, hired staff and distance contacts; nothing carried from the month before that the
    month's figures contradict."""
    arguments = _economy_arguments(figures)
    measures = economy_measures(*arguments, before=_economy_arguments(before))
    book = load_workbook(path)
    sheet = book["Styrmått"]
    header = [c.value for c in sheet[1]]
    access = {line.namn: line for line in figures.produktion.tillganglighet}
    sick = {line.namn: line for line in figures.personal.sjukfranvaro_per_kon}
    sick_before = {line.namn: line for line in before.personal.sjukfranvaro_per_kon}
    hired = next(line for line in figures.ekonomi.kostnadsutveckling.rader if line.kostnadsslag == "Inhyrd personal")
    distance, distance_before = (next(line for line in f.produktion.matt if line.matt == "Distanskontakter") for f in (figures, before))
    for row in sheet.iter_rows(min_row=2):
        measure = row[header.index("Styrmått")].value
        sex = row[header.index("Kön")].value
        if measure in measures:
            _, outcome, fulfilment, trend = measures[measure]
        elif measure in ACCESS_MEASURES:  # the month's share, women a point under it and men a point over, as in March
            line = access[measure]
            outcome = f"{round(_percent(line.andel)) + (-1 if sex == 'K' else 1)} %"
            fulfilment = row[header.index("Måluppfyllelse")].value
            trend = _trend(_percent(line.andel), _percent(line.foregaende_manad))
        elif measure == "Sjukfrånvaro":  # the sex's share so far this year; the arrow: the month's share against the month before (lower is better)
            name = "Kvinnor" if sex == "K" else "Män"
            outcome = f"{tal(sick[name].hittills, 1)} %"
            fulfilment = "Uppnått" if round(sick[name].hittills, 1) <= SICK_LEAVE_TARGET else "Ej uppnått"
            trend = _trend(-sick[name].manad, -sick_before[name].manad)
        elif measure == "Kostnad för inhyrd personal":  # the cost table's change so far this year against last year (lower is better)
            change, change_before = hired.forandringar[0], hired.forandringar[1]
            outcome = f"{'+' if round(change, 1) > 0 else ''}{tal(change, 1)} %"
            fulfilment = "Uppnått" if round(change, 1) < 0 else "Ej uppnått"
            trend = _trend(-change, -change_before)
        elif measure == "Antal distanskontakter":  # the change so far this year against last year, against the month before's
            outcome = f"+{tal(distance.hittills.procent, 1)} %"
            fulfilment = row[header.index("Måluppfyllelse")].value
            trend = _trend(distance.hittills.procent, distance_before.hittills.procent)
        else:
            continue
        row[header.index("Utfall")].value = outcome
        row[header.index("Måluppfyllelse")].value = fulfilment
        row[header.index("Utveckling")].value = trend
    goals = book["Strategiska mål"]
    header = [c.value for c in goals[1]]
    comments = {"God ekonomisk hushållning": economy_comment(arguments[2]),
                "Nära vård på nya sätt": distance_comment(distance.hittills.procent)}
    for row in goals.iter_rows(min_row=2):
        goal = row[header.index("Strategiskt mål")].value
        if goal in comments:
            row[header.index("Kommentar")].value = comments[goal]
    book.save(path)


ACCESS_MEASURES = ("Medicinsk bedömning inom tre dagar", "Väntat högst 90 dagar till besök")
SICK_LEAVE_TARGET = 5.5  # the scorecard's "Högst 5,5 %"


def _trend(now: float, before: float) -> str:
    """The scorecard's arrow against the previous measurement: higher is better; the two compared as shown, one decimal."""
    now, before = round(now, 1), round(before, 1)
    return "Förbättrad" if now > before else "Försämrad" if now < before else "Oförändrad"


def distance_comment(change: float) -> str:
    """The distance contacts' goal comment from their change against the same period last year, in percent."""
    if round(change, 1) >= 100:
        how = "mer än fördubblats" if round(change, 1) > 100 else "fördubblats"
    elif change >= 85:
        how = "nästan fördubblats"
    else:
        how = f"ökat med {tal(change, 1)} procent"
    return f"Distanskontakterna har {how} jämfört med samma period föregående år."


def access_text(figures) -> str:
    """The accessibility text: which way the primary care's two measures went against April a year ago."""
    access = {line.namn: line for line in figures.produktion.tillganglighet}

    def went(name: str) -> str:
        now, before = _percent(access[name].andel), _percent(access[name].foregaende_ar)
        return "högre" if now > before + 0.5 else "lägre" if now < before - 0.5 else "i nivå med"

    def against(word: str) -> str:
        return "i nivå med april förra året" if word == "i nivå med" else f"{word} än i april förra året"

    phone, assessed = went("Telefontillgänglighet primärvård"), went("Medicinsk bedömning inom tre dagar")
    return (
        f"Telefontillgängligheten till hälsocentralerna är {against(phone)}, {'och' if phone == assessed else 'medan'} andelen som får en medicinsk "
        f"bedömning inom tre dagar är {against(assessed)}. "
        "Inom den specialiserade vården är väntetiderna fortfarande längre än före pandemin, men de planerade besöken ökar igen.\n"
    )


def budget_text(figures) -> str:
    """Why the result differs from budget, the largest of the region's items first, as the table shows them."""
    economy = figures.ekonomi
    posts = {line.post: line for line in economy.rader}
    names = {"Finansnetto": "finansnettot", "Nettokostnader": "nettokostnaderna", "Skatteintäkter": "skatteintäkterna",
             "Generella statsbidrag och utjämning": "de generella statsbidragen"}
    gaps = sorted(((posts[p].utfall - posts[p].budget, p) for p in names), key=lambda item: -abs(item[0]))
    (first, name), *rest = gaps
    better = "bättre" if first > 0 else "sämre"
    text = f"Den största delen av avvikelsen mot budget kommer från {names[name]}, som är {mnkr(abs(first))} {better} än budget"
    text += "; den posten kan svänga snabbt och bedöms inte hålla i sig över året." if name == "Finansnetto" else "."
    said = []
    for gap, post in rest[:2]:
        direction = ("lägre" if gap > 0 else "högre") if post == "Nettokostnader" else ("högre" if gap > 0 else "lägre")
        said.append(f"{names[post]}{' är' if not said else ''} {mnkr(abs(gap))} {direction}")
    rest_text = " och ".join(said)
    return f"{text} {rest_text[:1].upper()}{rest_text[1:]} än budget.\n"


def write_texts(target: Path) -> None:
    """April's texts, their figures computed from April's inputs; no draft line left."""
    figures = april_figures(target)
    result = figures.ekonomi.periodens_resultat.utfall
    headcount = figures.personal.anstallda.antal
    texts = {
        "inledning.md": f"""\
Här är min rapport till regionstyrelsen för april. Periodens resultat är {mnkr(result)}, och regionen har {tal(headcount)} anställda.

Pandemin präglar fortfarande vården, men trycket på intensivvården har lättat något under månaden. Nu kan vi börja ta igen den planerade vård som har fått vänta, vaccinationerna når nya grupper och den nya organisationen är redo att ta över i maj.
""",
        "aktuella-handelser.md": """\
## Planerad vård tas upp igen

Sjukhusen har under april kunnat öppna fler platser för planerad vård. Operationsprogrammet byggs ut stegvis där personalen räcker till, patienter som väntat längst prioriteras och köerna följs vecka för vecka.

## Ny organisation den 1 maj

Den nya organisationen börjar gälla den 1 maj. Cheferna i stabs- och stödorganisationen är på plats, medarbetarna har fått besked om sina nya enheter och övergången har förberetts under hela våren.
""",
        "verksamheten.md": """\
## Närsjukvård

### Provtagning nära hemmet

Egenprovtagningen för covid finns nu i alla länets kommuner. Efterfrågan har minskat något under månaden.

## Regiongemensamt

### Vaccinationerna mot covid

Vaccinationerna fortsätter enligt Folkhälsomyndighetens prioriteringsordning, i den takt leveranserna medger. Under april har fler vaccinationsmottagningar öppnat, och nästa steg är att bjuda in dem som är yngre än 65 år i de prioriterade grupperna.
""",
        "namnderna.md": """\
## Regionala utvecklingsnämnden

### Norrbotniabanan

Arbetet med finansieringen av Norrbotniabanan fortsätter. Regionen för samtal med staten och kommunerna längs sträckan om nästa etapp.

### Persontåg till Haparanda

Persontågen på Haparandabanan har gått i en månad. Resandet följs upp under våren tillsammans med kommunerna längs banan.
""",
        "ekonomirapport-resultat.md": budget_text(figures),
        "produktionsrapport-tillganglighet.md": access_text(figures),
        "personalrapport-sjukfranvaro.md": """\
Sjukfrånvaron är lägre än samma period föregående år, då pandemins första våg gav en topp under våren. Skillnaden mellan kvinnor och män är fortsatt stor och följs upp i arbetsmiljöarbetet.
""",
    }
    for name, text in texts.items():
        (target / "texter" / name).write_text(text.replace("april", manad(PERIOD)), encoding="utf-8")


if __name__ == "__main__":
    main()
