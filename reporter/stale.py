"""Stale content: what the previous period said, left unchanged in this one.

A period folder is made from the one before it (``reporter scaffold``), so
last month's content is at hand and easily published again by mistake. With
the previous period's folder beside this one (:func:`previous_folder`):

- an external appendix file identical (sha256) to one of the previous
  period's is an error: it would publish last month's appendix as this
  month's;
- an external appendix whose title names another month than the report's is
  an error: the Bilagor list and the cover page would say that month;
- a text in ``texter/`` identical to the previous period's (NFC, white space
  folded) is a warning: the text may still be right, but nobody has said so;
- a number in a text that is one of the previous period's figures and none of
  this period's is a warning naming the line and the figure
  (``6 807 är februaris antal anställda; mars har 7 005``).

"A figure" is a number the report states: every number in the computed
figures, written as the documents write it (formatting.py) – counts as
``6 807``, amounts in mnkr (``436``, ``4,2``) or tkr, shares and changes in
percent with one decimal (``80,1``, ``92``). A number in a text is compared
with the figures of its unit: one followed by ``mnkr`` with the amounts, by
``procent`` or ``%`` with the shares, a bare one with the counts. Years,
dates, numbers up to 31 without a unit, numbers that are a figure of this
period, and numbers in a sentence that compares with the previous month
(names this month too, or says "föregående månad", "sedan februari") are left
alone. The previous period is read only when a text has a number left to
compare, and skipped silently when it cannot be read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from .bilagor import bilagor
from .config import CONFIG_FILE, DelarsrapportBilaga, ExternBilaga, Rapport
from .documents import report_kind
from .errors import Location, Problem, error, warning
from .formatting import MINUS, manad, manad_ar, prosa_tal, tal
from .inputs import MAX_TEXT_BYTES, TEXT_DIR, file_sha256, read_workbooks
from .model import Month
from .period_config import load_config_partly
from .periods import folder_month, previous_period_dir
from .text_normal import normal_prose
from .validation import validate_workbooks

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december")


def stale_content(period_dir: Path, config: Rapport, figures: object | None, parent: Rapport | None = None) -> list[Problem]:
    """The stale-content problems of a period folder, compared with the previous period's folder.

    ``figures`` are the folder's figures, as the build computed them, or None
    when its inputs have errors (the figures are then not compared). ``parent`` is the tertial report whose
    division folder this is. Appendix titles are checked with or without a
    previous folder.
    """
    problems = _appendix_titles(period_dir, config)
    previous = previous_folder(period_dir, config, parent)
    if previous is None:
        return problems
    previous_config, previous_problems = load_config_partly(previous, parent)
    if previous_config is not None and not _same_report(config, previous_config):
        return problems  # another report's folder (a division's, another division's): nothing to compare
    if previous_config is not None:
        problems += _appendix_files(period_dir, config, previous, previous_config)
    texts = _texts(period_dir, config)
    same = _same_texts(texts, config, previous)
    problems += same
    if figures is not None and previous_config is not None and not any(p.is_error for p in previous_problems):
        rewritten = {name: text for name, text in texts.items() if f"{TEXT_DIR}/{name}" not in {p.where.file for p in same}}
        problems += _old_numbers(rewritten, config, figures, previous, previous_config)  # a text left as it was is said once
    return problems


# --- the previous folder -----------------------------------------------------------------------


def previous_folder(period_dir: Path, config: Rapport, parent: Rapport | None = None) -> Path | None:
    """The folder of the same report for the period before this one, or None.

    A monthly report's is the newest earlier month folder beside it
    (:func:`periods.previous_period_dir`). A division's own interim-report
    folder (``2021-04-ovriga-lanet``) has the newest earlier folder named for
    the same division (``2020-12-ovriga-lanet``). A tertial report's division
    folder (``2020-09/delarsrapporter/service``) has the same folder in the
    newest earlier period folder that has it.
    """
    if parent is not None:
        top = next((p for p in period_dir.resolve().parents if folder_month(p) == parent.period), None)
        if top is None:
            return None
        inside = period_dir.resolve().relative_to(top)
        return next((p / inside for _, p in _earlier(top, parent.period) if (p / inside / CONFIG_FILE).is_file()), None)
    if folder_month(period_dir) is None:
        named = re.fullmatch(r"(\d{4}-\d{2})-(.+)", period_dir.name)
        if named is None:
            return None
        suffix = named.group(2)
        return next((p for _, p in _earlier(period_dir.resolve(), config.period, f"-{suffix}")), None)
    found = previous_period_dir(period_dir, config.period)
    return found if found is not None and _near(folder_month(found), config.period) else None


MAX_GAP = 4  # months: a skipped month (January, July) and the tertial cycle of interim reports; an older folder is another report


def _near(month: Month | None, period: Month) -> bool:
    return month is not None and period.plus(-MAX_GAP) <= month


def shown(folder: Path) -> str:
    """A previous folder as a person finds it: from its period's folder on (``2021-02``, ``2020-05/delarsrapporter/service``)."""
    month = next((p for p in (folder, *folder.parents) if folder_month(p) is not None), None)
    return folder.relative_to(month.parent).as_posix() if month is not None else folder.name


def _earlier(folder: Path, period: Month, suffix: str = "") -> list[tuple[Month, Path]]:
    """The folders beside ``folder`` named for a month before ``period`` (and ending in ``suffix``), newest first."""
    found = []
    for candidate in folder.parent.glob(f"*{suffix}/{CONFIG_FILE}"):
        name = candidate.parent.name
        month = folder_month(candidate.parent.with_name(name.removesuffix(suffix))) if name.endswith(suffix) else None
        if month is not None and month < period and _near(month, period):
            found.append((month, candidate.parent))
    return sorted(found, reverse=True)


def _same_report(config: Rapport, previous: Rapport) -> bool:
    return config.rapport == previous.rapport and config.division_namn == previous.division_namn


# --- appendices ----------------------------------------------------------------------------------


def _appendix_files(period_dir: Path, config: Rapport, previous: Path, previous_config: Rapport) -> list[Problem]:
    """An external appendix file with the same bytes as one of the previous period's is an error."""
    files = [(n, item.fil) for n, item in enumerate(config.bilagor, 1) if isinstance(item, ExternBilaga) and item.fil]
    files = [(n, fil) for n, fil in files if (period_dir / fil).is_file()]
    if not files:
        return []
    before: dict[str, str] = {}
    for item in previous_config.bilagor:
        if isinstance(item, ExternBilaga) and item.fil and (previous / item.fil).is_file():
            before.setdefault(file_sha256(previous / item.fil), item.fil)
    problems = []
    label = f"{period_dir.name}/{CONFIG_FILE}"
    for number, fil in files:
        old = before.get(file_sha256(period_dir / fil))
        if old is None:
            continue
        problem = error(
            f"bilagan är samma fil, byte för byte, som förra periodens bilaga {shown(previous)}/{old}: rapporten för "
            f"{manad_ar(config.period)} skulle publicera bilagan från {manad_ar(previous_config.period)} en gång till. Lägg in bilagan för "
            f"{manad_ar(config.period)}, eller ta bort den ur bilagor: i {CONFIG_FILE} om den inte ska med",
            file=fil,
        )
        problems.append(dataclasses.replace(problem, also=(Location(file=label, key=f"bilagor[{number}].fil"),)))
    return problems


_MONTH_NAME = re.compile(r"\b(" + "|".join(MONTHS) + r")\b(?:\s+(\d{4})\b)?", re.IGNORECASE)
_ISO_MONTH = re.compile(r"(?<![\d-])(\d{4})-(\d{2})(?![\d-])")
_RANGE = re.compile(r"(?:\s+\d{4})?\s*[–—-]\s*(?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def _appendix_titles(period_dir: Path, config: Rapport) -> list[Problem]:
    """An external appendix's title that names another month than the one it is for is an error.

    An external appendix is for the report's month; one that is a division's
    interim report may be for any of the four months up to it (the tertial
    report of September has August's interim reports). The first month of a
    range (``januari–mars 2021``, ``april 2020–mars 2021``) is not a month of its own.
    """
    problems = []
    label = f"{period_dir.name}/{CONFIG_FILE}"
    listed = {b.nummer: b for b in bilagor(config)}
    for number, item in enumerate(config.bilagor, 1):
        if not isinstance(item, ExternBilaga):
            continue
        allowed = [config.period.plus(-k) for k in range(4 if listed[number].division else 1)]
        for named, month, year in _months_named(item.titel):
            if any(month == m.month and year in (None, m.year) for m in allowed):
                continue
            wanted = manad_ar(config.period) if year is not None else manad(config.period)
            if named[0].isdigit():
                wanted = str(config.period)
            problems.append(error(
                f"titeln '{item.titel}' nämner {named}, men bilagan hör till rapporten för {manad_ar(config.period)}; "
                f"skriv bilagans egen månad i titeln ({item.titel.replace(named, wanted)})" + (", och lägg in månadens fil" if item.fil else ""),
                file=label, key=f"bilagor[{number}].titel",
            ))
            break
    return problems


def _months_named(text: str) -> Iterator[tuple[str, int, int | None]]:
    """The months a text names: (as written, month, year or None); not the first month of a range."""
    for match in _MONTH_NAME.finditer(text):
        if _RANGE.match(text, match.end(1)):
            continue
        yield match.group(0), MONTHS.index(match.group(1).lower()) + 1, int(match.group(2)) if match.group(2) else None
    for match in _ISO_MONTH.finditer(text):
        if 1 <= int(match.group(2)) <= 12:
            yield match.group(0), int(match.group(2)), int(match.group(1))


# --- texts ---------------------------------------------------------------------------------------


def _texts(period_dir: Path, config: Rapport) -> dict[str, str]:
    """The folder's known texts as written (NFC), by file name; unreadable ones are left to the reading stage."""
    texts = {}
    for name in report_kind(config).texts.values():
        text = _read_text(period_dir / TEXT_DIR / name)
        if text is not None:
            texts[name] = text
    return texts


def _read_text(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_TEXT_BYTES:
            return None
        return normal_prose(path.read_bytes().decode("utf-8-sig"))  # as inputs.read_texts reads it
    except (OSError, UnicodeDecodeError):
        return None


def _same_texts(texts: dict[str, str], config: Rapport, previous: Path) -> list[Problem]:
    """A text identical to the previous period's (NFC, white space folded) is a warning."""
    problems = []
    for name, text in texts.items():
        before = _read_text(previous / TEXT_DIR / name)
        if before is not None and " ".join(text.split()) and " ".join(text.split()) == " ".join(before.split()):
            problems.append(warning(
                f"texten är densamma som förra periodens ({shown(previous)}/{TEXT_DIR}/{name}); skriv den för "
                f"{manad_ar(config.period)}, eller ändra det som inte längre stämmer",
                file=f"{TEXT_DIR}/{name}",
            ))
    return problems


# --- numbers in texts against the figures -------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One number the report states: where it is in the figures, its value and unit.

    ``unit`` is ``tkr`` (an amount), ``procent`` (a share or a change in
    percent) or ``antal`` (a count). ``own`` is False for the values a figure
    is compared with (last year's, last month's): they are not this period's.
    """

    path: tuple[str, ...]
    value: float
    unit: str
    own: bool


# Fields that hold no figure of their own (inputs, duplicates of other lists), and types that are chart series.
_SKIPPED_FIELDS = {"underlag", "source", "storsta_okningar", "storsta_minskningar", "delarsrapporter"}
_SKIPPED_TYPES = {"Trend", "Month"}
_NAME_FIELDS = ("namn", "post", "division", "kostnadsslag", "matt", "styrmatt", "rubrik")
_PERCENT_PARTS = {"sjukfranvaro", "sjukfranvaro_per_kon", "sjukfranvaro_per_division", "tillganglighet", "belaggning", "distansandel"}


def figures_of(figures: object) -> list[Figure]:
    """Every number in computed figures (dataclasses, lists, numeric properties), with its path and unit."""
    return list(_walk(figures, ()))


def _walk(item: object, path: tuple[str, ...]) -> Iterator[Figure]:
    if isinstance(item, bool) or item is None:
        return
    if isinstance(item, (int, float)):
        if path:
            yield Figure(path, float(item), _unit(path), _own(path[-1]))
        return
    if isinstance(item, list):
        for number, element in enumerate(item, 1):
            yield from _walk(element, path + (_name(element) or str(number),))
        return
    if not dataclasses.is_dataclass(item) or type(item).__name__ in _SKIPPED_TYPES:
        return
    names = [f.name for f in dataclasses.fields(item)]
    if "source" in names:
        return  # an input record, not a figure
    for name in names:
        if name not in _SKIPPED_FIELDS and name not in _NAME_FIELDS:
            yield from _walk(getattr(item, name), path + (name,))
    for name in dir(type(item)):
        if isinstance(getattr(type(item), name, None), property):
            value = getattr(item, name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                yield Figure(path + (name,), float(value), _unit(path + (name,)), _own(name))


def _name(item: object) -> str | None:
    for field_name in _NAME_FIELDS:
        value = getattr(item, field_name, None)
        if isinstance(value, str):
            return value
    return None


def _unit(path: tuple[str, ...]) -> str:
    if "procent" in path[-1] or _PERCENT_PARTS.intersection(path):
        return "procent"
    return "tkr" if "ekonomi" in path else "antal"


def _own(leaf: str) -> bool:
    return leaf != "jamforelse" and ("mot_foregaende" in leaf or not re.search(r"(^|_)foregaende", leaf))


def _canonical(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f+]", "", text).replace(MINUS, "").replace("-", "")


# The unit a text's number is written in, and the unit of the figures it may be.
_FIGURE_UNITS = {"mnkr": "tkr", "tkr": "tkr", "procent": "procent", "antal": "antal"}


def _size(figure: Figure, unit: str) -> float:
    """The figure's size as a text in ``unit`` writes it: mnkr from tkr, the rest as it is."""
    return abs(figure.value) / 1000 if unit == "mnkr" else abs(figure.value)


def _rounded(value: float, decimals: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _keys(figure: Figure) -> Iterator[tuple[str, int, Decimal]]:
    """The figure as the documents may write it: in each unit of its kind, rounded to no and to one decimal
    (``6 807``; ``436`` and ``4,2`` mnkr; ``80,1`` and ``92`` procent, which is 92,0)."""
    for unit, kind in _FIGURE_UNITS.items():
        if kind == figure.unit:
            for decimals in (0, 1):
                yield unit, decimals, _rounded(_size(figure, unit), decimals)


def _key(number: _Number) -> tuple[str, int, Decimal]:
    """What a number in a text is compared with: a share written without decimals is one whose decimal is 0 (``92`` is 92,0)."""
    decimals = len(number.canonical.partition(",")[2])
    value = Decimal(number.canonical.replace(",", "."))
    return number.unit, 1 if number.unit == "procent" and decimals == 0 else min(decimals, 1), value


def _shown(figure: Figure, unit: str, decimals: int) -> str:
    """The figure written as the text wrote the number: ``7 005``, ``289 mnkr``, ``80,1 procent``."""
    size = _size(figure, unit)
    text = (tal(size, decimals) if unit != "procent" else prosa_tal(size, 1)).replace("\u00a0", " ")
    return text if unit == "antal" else f"{text} {unit}"


_UNITS = {
    "mnkr": "mnkr", "mkr": "mnkr", "miljoner kronor": "mnkr", "miljoner": "mnkr", "tkr": "tkr", "tusen kronor": "tkr",
    "procentenheter": "procent", "procentenhet": "procent", "procent": "procent", "%": "procent",
}
_NUMBER = re.compile(
    r"(?<![\w,.:/])(?<!\d[-–])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(,\d+)?(?![\w\-/:]|[.,]\d)"
    r"(?:[ \u00a0]?(" + "|".join(re.escape(u) for u in _UNITS) + r")(?!\w))?",
    re.IGNORECASE,
)
# A number followed by one of these is an age, a duration or a sum of money, not a figure of the report.
_NOT_FIGURES = re.compile(r"[ \u00a0](år|års|månader|veckor|dagar|dygn|timmar|minuter|kronor)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class _Number:
    line: int
    written: str  # as in the text, with its unit
    canonical: str
    unit: str  # mnkr, tkr, procent or antal


def _numbers(text: str, period: Month, before: Month) -> list[_Number]:
    """The numbers of a text that could be a figure: not years, dates, small counts, nor last month's on purpose."""
    found = []
    for line_number, line in enumerate(text.splitlines(), 1):
        for sentence in _SENTENCE.split(line):
            if _compares_with_before(sentence, period, before):
                continue
            for match in _NUMBER.finditer(sentence):
                whole, decimals, unit_word = match.group(1), match.group(2) or "", match.group(3)
                unit = _UNITS[unit_word.lower()] if unit_word else "antal"
                value = float(_canonical(whole) + decimals.replace(",", "."))
                if unit == "antal" and (value <= 31 or _NOT_FIGURES.match(sentence, match.end()) or (re.fullmatch(r"(19|20)\d\d", whole) and not decimals)):
                    continue
                found.append(_Number(line_number, match.group(0).strip(), _canonical(whole) + decimals, unit))
    return found


def _compares_with_before(sentence: str, period: Month, before: Month) -> bool:
    """True for a sentence that sets a number against the month before: it names this month too,
    or says "föregående månad", "förra månaden", "sedan februari", "jämfört med februari"."""
    lower = sentence.lower()
    if re.search(rf"\b{manad(period)}\b", lower) or re.search(r"\b(föregående|förra) månad", lower):
        return True
    return bool(re.search(rf"\b(sedan|jämfört med|mot|från|än)( i| med)? {manad(before)}\b", lower))


def _index(figures: list[Figure]) -> dict[tuple[str, int, Decimal], Figure]:
    index: dict[tuple[str, int, Decimal], Figure] = {}
    for figure in figures:
        for key in _keys(figure):
            index.setdefault(key, figure)
    return index


def _old_numbers(texts: dict[str, str], config: Rapport, figures: object, previous: Path, previous_config: Rapport) -> list[Problem]:
    """A number in a text that is a figure of the previous period and none of this one's is a warning."""
    before = previous_config.period
    numbers = {name: _numbers(text, config.period, before) for name, text in texts.items()}
    if not any(numbers.values()):
        return []
    if getattr(figures, "delarsrapporter", None) is not None:  # the divisions' interim reports are compared on their own
        figures = dataclasses.replace(figures, delarsrapporter=None)  # type: ignore[type-var]
    current = figures_of(figures)
    now = _index([f for f in current if f.own])
    left = {name: [n for n in found if _key(n) not in now] for name, found in numbers.items()}
    if not any(left.values()):
        return []
    old = _previous_figures(previous, previous_config)
    if old is None:
        return []
    then = _index([f for f in old if f.own])
    by_path = {f.path: f for f in current}
    problems = []
    for name, found in left.items():
        for number in found:
            figure = then.get(_key(number))
            if figure is None:
                continue
            message = f"{number.written} är {_genitive(manad(before))} {label(figure.path)}"
            same = by_path.get(figure.path)
            if same is not None:
                message += f"; {manad(config.period)} har {_shown(same, number.unit, _key(number)[1])}"
            problems.append(warning(message, file=f"{TEXT_DIR}/{name}", cell=f"rad {number.line}"))
    return problems


def _previous_figures(previous: Path, config: Rapport) -> list[Figure] | None:
    """The previous period's figures, read as a build would; None when its inputs have errors."""
    config = _without_interim(config)
    files, problems = read_workbooks(previous)
    inputs, input_problems = validate_workbooks(files, config)
    if any(p.is_error for p in problems + input_problems):
        return None
    return figures_of(report_kind(config).compute(inputs, config).figures)


def _without_interim(config: Rapport) -> Rapport:
    """The report without its divisions' interim reports: their folders are compared on their own."""
    if not config.interim_reports:
        return config
    return config.model_copy(update={"bilagor": [b for b in config.bilagor if not isinstance(b, DelarsrapportBilaga)]})


def _genitive(word: str) -> str:
    """``februaris``, ``mars``: a month's name as the owner of something."""
    return word if word.endswith(("s", "x", "z")) else word + "s"


# The words of a figure's path as a reader names it; an empty word is left out.
WORDS = {
    "ekonomi": "", "produktion": "", "personal": "", "maluppfyllelse": "", "rader": "", "varde": "", "matt": "", "per_division": "",
    "divisioner": "", "tillganglighet": "", "nyckeltal": "",
    "anstallda": "anställda", "tillsvidare": "tillsvidareanställda", "vikarier": "vikarier och tillfälligt anställda",
    "yrkesgrupper": "anställda", "arbetad_tid": "arbetad tid", "extratid": "extratid", "inhyrd_personal": "inhyrd personal",
    "sjukfranvaro": "sjukfrånvaro", "sjukfranvaro_per_kon": "sjukfrånvaro", "sjukfranvaro_per_division": "sjukfrånvaro",
    "periodens_resultat": "periodens resultat", "verksamhetens_resultat": "verksamhetens resultat", "finansnetto": "finansnetto",
    "nettokostnader": "nettokostnader", "skatteintakter": "skatteintäkter och generella statsbidrag",
    "nettokostnader_storlek": "nettokostnader", "divisioner_totalt": "divisionerna sammantaget", "kostnadsslag": "kostnader",
    "kostnadsutveckling": "kostnadsutveckling", "belaggning": "beläggning", "totalt": "totalt", "antal_helar": "helår",
    "utfall": "utfall", "budget": "budget", "prognos_helar": "prognos helår", "budget_helar": "budget helår",
    "avvikelse": "avvikelse mot budget", "prognosavvikelse": "prognosens avvikelse mot budget",
    "mot_foregaende_manad": "förändring sedan föregående månad", "mot_foregaende_ar": "förändring mot föregående år",
    "foregaende_manad": "föregående månad", "foregaende_ar": "föregående år",
    "skillnad": "förändring", "procent": "förändring i procent", "forandring_procent": "förändring i procent",
    "andel": "andel", "manad": "månaden", "hittills": "hittills i år", "forandringar": "förändring",
    "uppnatt": "uppnådda mål", "delvis_uppnatt": "delvis uppnådda mål", "ej_uppnatt": "ej uppnådda mål", "ej_bedomda": "ej bedömda mål",
}


# Words that depend on the part of the report.
PART_WORDS = {("personal", "divisioner"): "anställda", ("ekonomi", "divisioner"): "resultat"}


def label(path: tuple[str, ...]) -> str:
    """A figure's name for a reader: ``antal anställda``, ``Läkarbesök, hittills i år``, ``periodens resultat, utfall``."""
    named = [PART_WORDS.get((path[0], part), WORDS.get(part, part.replace("_", " "))) for part in path if not part.isdigit()]
    words = [w for w in named if w]
    if path and path[-1] == "antal":
        return "antal " + ", ".join(words[:-1])
    return ", ".join(words)
