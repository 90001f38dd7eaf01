"""Swedish formatting of figures: the Jinja filters every template uses.

Numbers reach the templates already computed; this module only writes them
the Swedish way with Babel's ``sv_SE`` data: ``1 234`` (non-breaking space),
``5,3 procent``, ``436 mnkr``, ``mars 2021``, and the wording of comparisons
(``bättre än budget``, ``har ökat med``). A missing value is written ``–``.
Negative numbers carry a true minus sign (U+2212), which never breaks a line.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

from .differences import rounded, rounding_explains, rounding_note_needed, shown
from .model import Month
from .values import slugify

LOCALE = "sv_SE"
MISSING = "–"
MINUS = "\u2212"


_rounded = rounded  # how a figure is rounded and shown: reporter.differences, one place for the tables' rounding note too
_shown = shown


def tal(value: float | None, decimaler: int = 0) -> str:
    """``1 234`` or ``1 234,5``: grouped with a non-breaking space, decimal comma."""
    if value is None:
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimaler if decimaler else "")
    return format_decimal(_shown(value, decimaler), format=pattern, locale=LOCALE).replace("-", MINUS)


def signerat(value: float | None, decimaler: int = 0) -> str:
    """``+13``, ``−10`` or ``0``: a change with its sign."""
    if value is None:
        return MISSING
    text = tal(value, decimaler)
    return "+" + text if _shown(value, decimaler) > 0 else text


def pct(value: float | None, decimaler: int = 1) -> str:
    """``80,1 %``, ``92,0 %`` for tables: every cell of a column with the same decimals."""
    return MISSING if value is None else f"{tal(value, decimaler)}\u00a0%"


def prosa_tal(value: float, decimaler: int = 0) -> str:
    """A figure in running text: rounded as in the tables, without a zero fraction (``92``, ``80,1``, ``16``)."""
    text = tal(value, decimaler)
    if decimaler and _shown(value, decimaler) == _shown(value, 0):
        text = tal(value, 0)
    return text


def procent(value: float | None, decimaler: int = 1, signerat: bool = False) -> str:
    """``80,1 procent``, ``92,0 procent`` for prose, with the decimals of the table beside it (docs/indata.md,
    Avrundning); ``signerat=True``: ``−1,3 procent``, ``+2,0 procent``."""
    if value is None:
        return MISSING
    text = tal(value, decimaler)
    if signerat and _shown(value, decimaler) > 0:
        text = "+" + text
    return f"{text} procent"


AUTO = "auto"  # decimaler='auto': whole mnkr from 100 mnkr up, one decimal below (the rule of the v2 documents)


def _mnkr_decimals(tkr: float, decimaler: int | str) -> int:
    """The decimals of an amount in mnkr: as given, or by the rule for 'auto': −18,3 and 10,5 mnkr, 139 mnkr.

    A division's amounts are mostly below 100 mnkr; one decimal there keeps an amount and what
    it is compared with apart (10,5 against an assignment of 11 mnkr, not 11 against 11).
    Prose writes the decimals the table writes: −24 mnkr, −7,0 mnkr.
    """
    if decimaler == AUTO:
        return 0 if abs(tkr) / 1000 >= 99.95 else 1
    return int(decimaler)


def mnkr_tal(tkr: float | None, decimaler: int | str = 0) -> str:
    """An amount given in tkr written in mnkr without the unit, for a table column: ``436``, ``−4,2`` with ``decimaler=1``.

    A column gets one number of decimals for all its cells; prose about the same
    figure uses the same number (:func:`mnkr`), so both round it alike.
    """
    if tkr is None:
        return MISSING
    return tal(tkr / 1000, _mnkr_decimals(tkr, decimaler))


def mnkr(tkr: float | None, decimaler: int | str = 0) -> str:
    """An amount given in tkr written in mnkr for prose: ``436 mnkr``; ``decimaler=1``: ``7,8 mnkr``, ``16,0 mnkr`` (as the table);
    ``decimaler='auto'``: whole mnkr from 100 mnkr up, one decimal below."""
    return MISSING if tkr is None else f"{tal(tkr / 1000, _mnkr_decimals(tkr, decimaler))} mnkr"


def tkr(value: float | None) -> str:
    """An amount in tkr for tables: ``12 345``."""
    return tal(value, 0)


def _is_zero(value: float, decimals: int) -> bool:
    return _shown(value, decimals) == 0


def _compared(size: str | None, word: str, mot: str, same: str) -> str:
    return f"{same} {mot}" if size is None else f"{size} {word} än {mot}"


def jamfort(diff_tkr: float | None, mot: str, upp: str = "bättre", ned: str = "sämre", decimaler: int | str = 0) -> str:
    """``182 mnkr bättre än budget``, ``12 mnkr sämre än budget`` or ``i nivå med budget``.

    ``upp``/``ned`` are the words for a positive/negative difference, e.g.
    ``högre``/``lägre`` for costs; ``decimaler`` as in the table that shows the figure.
    """
    if diff_tkr is None:
        return f"inte jämförbart med {mot}"
    decimaler = _mnkr_decimals(diff_tkr, decimaler)
    zero = _is_zero(diff_tkr / 1000, decimaler)
    return _compared(None if zero else mnkr(abs(diff_tkr), decimaler), upp if diff_tkr > 0 else ned, mot, "i nivå med")


def mot_budget(diff_tkr: float | None, budget_tkr: float | None, decimaler: int | str = 0) -> str:
    """The result against its budget, as the clause after the result: ``, 7,2 mnkr bättre än budget``; against a
    budget of zero `` mot ett budgeterat nollresultat`` (not "−25,1 mnkr, 25,1 mnkr sämre än budget").

    ``{{ resultat.utfall|mnkr('auto') }}{{ resultat.avvikelse|mot_budget(resultat.budget, decimaler='auto') }}``.
    """
    if budget_tkr is not None and diff_tkr is not None and _is_zero(budget_tkr / 1000, _mnkr_decimals(budget_tkr, decimaler)):
        return " mot ett budgeterat nollresultat"
    return ", " + jamfort(diff_tkr, "budget", decimaler=decimaler)


def jamfort_pe(diff: float | None, mot: str, upp: str = "högre", ned: str = "lägre", decimaler: int = 1) -> str:
    """``2,2 procentenheter lägre än mars 2020``, ``20 procentenheter lägre …`` or ``i nivå med mars 2020``: shares compared."""
    if diff is None:
        return f"inte jämförbart med {mot}"
    zero = _is_zero(diff, decimaler)
    return _compared(None if zero else procentenheter(diff, decimaler), upp if diff > 0 else ned, mot, "i nivå med")


def _change(value: float | None, amount: str | None, same: str) -> str:
    if value is None:
        return "kan inte jämföras"
    if amount is None:
        return same
    return f"har {'ökat' if value > 0 else 'minskat'} med {amount}"


def forandring(value: float | None, enhet: str = "", decimaler: int = 0, oforandrat: str = "är oförändrat") -> str:
    """``har ökat med 18 medarbetare``, ``har minskat med 66 medarbetare`` or ``är oförändrat``."""
    if value is None or _is_zero(value, decimaler):
        return _change(value, None, oforandrat)
    return _change(value, f"{tal(abs(value), decimaler)} {enhet}".rstrip(), oforandrat)


def fler_farre(value: float | None, mot: str, decimaler: int = 0) -> str:
    """``79 färre än i augusti 2019``, ``12 fler än …`` or ``lika många som i augusti 2019``: a count compared.

    ``mot`` is what it is compared with, as it follows än/som (``'i ' ~ foregaende_ar|manad_ar``).
    """
    if value is None:
        return MISSING
    return f"lika många som {mot}" if _is_zero(value, decimaler) else f"{_fler_farre(value, decimaler)} än {mot}"


def _fler_farre(value: float, decimaler: int) -> str:
    """``79 färre``, ``12 fler``: a count's change, not zero as shown."""
    return f"{tal(abs(value), decimaler)} {'fler' if value > 0 else 'färre'}"


def fler_farre_antal(value: float | None, enhet: str, decimaler: int = 0) -> str:
    """``71 färre anställda``, ``12 fler anställda`` or ``lika många anställda``: a count compared, after
    "Jämfört med april 2020 är det …"."""
    if value is None:
        return MISSING
    return f"lika många {enhet}" if _is_zero(value, decimaler) else f"{_fler_farre(value, decimaler)} {enhet}"


def _attribute(item, path: str):
    for name in path.split("."):
        item = getattr(item, name, None) if item is not None else None
    return item


def forandringar(rader, varde: str, ram: str = "", i_procent: str | None = None, decimaler: int = 0, namn: str = "namn") -> str:
    """Several groups' changes in one clause, the verb written once while the direction holds:
    ``i anställningsformen tillsvidare har minskat med 47 och i anställningsformen vikarie/tillfällig med 32``.

    ``varde`` names each row's change (``'antal.skillnad'``), ``ram`` the words before each name (the
    name is written in lower case; ``namn`` names the field that holds it); ``i_procent`` names a change in
    percent written in brackets: ``(−2,4 procent)``.
    A change in the other direction keeps its verb (``… och i anställningsformen vikarie/tillfällig ökat med 49``).
    """
    parts = []
    previous = None  # the direction the last part's verb said: "ökat", "minskat", or None
    for row in rader:
        value = _attribute(row, varde)
        if value is None:
            said, direction = "kan inte jämföras", None
        elif _is_zero(value, decimaler):
            said, direction = "är oförändrat", None
        else:
            direction = "ökat" if value > 0 else "minskat"
            amount = f"med {tal(abs(value), decimaler)}"
            said = amount if direction == previous else f"{direction} {amount}" if previous else f"har {direction} {amount}"
        share = _attribute(row, i_procent) if i_procent else None
        if share is not None and direction is not None:
            said += f" ({procent(share, 1, signerat=True)})"
        parts.append(" ".join(p for p in (ram, str(_attribute(row, namn)).lower(), said) if p))
        previous = direction
    return lista(parts)


def storst_forst(rader, under: str, namn: str = "matt", falt: str = "totalt", decimaler: int = 1) -> str:
    """Several measures' change against the same period last year, the largest change first and the measures that
    moved the same way in one sentence: ``Under januari–april 2021 har antalet distanskontakter ökat mest jämfört med
    samma period föregående år, med 94 procent till 38 047. Även antalet besök övriga vårdgivare (+4,4 procent,
    98 136) och antalet vårdtillfällen (+0,4 procent, 3 684) har ökat, medan antalet läkarbesök har minskat med
    4,4 procent till 44 932.``

    ``namn`` names each row's name, ``falt`` its figures (``varde``, ``procent``); ``under`` is the period.
    A measure without last year's figure is stated on its own; one without figures is left out. The one prose of
    several measures' changes, in the interim report (as a filter) and the monthly report (``prosa.produktion``).
    """
    rows = [(str(_attribute(row, namn)).lower(), _attribute(row, falt)) for row in rader]
    compared = [(name, f) for name, f in rows if f is not None and f.procent is not None and not _is_zero(f.procent, decimaler)]
    compared.sort(key=lambda item: -abs(float(item[1].procent)))
    same = [(name, f) for name, f in rows if f is not None and f.procent is not None and _is_zero(f.procent, decimaler)]
    alone = [(name, f) for name, f in rows if f is not None and f.procent is None]  # no figures at all: nothing to say
    sentences = []
    if compared:
        (lead, figures), rest = compared[0], compared[1:]
        up = figures.procent > 0
        verb = "ökat" if up else "minskat"
        most = " mest" if rest else ""  # the only change is not the largest of anything
        sentences.append(f"Under {under} har antalet {lead} {verb}{most} jämfört med samma period föregående år, med "
                         f"{procent(abs(figures.procent), decimaler)} till {tal(figures.varde)}.")
        along = [(name, f) for name, f in rest if (f.procent > 0) == up]
        other = [(name, f) for name, f in rest if (f.procent > 0) != up]

        def bracketed(items) -> str:
            return lista(f"antalet {name} ({procent(f.procent, decimaler, signerat=True)}, {tal(f.varde)})" for name, f in items)

        def against(items) -> str:
            opposite = "minskat" if up else "ökat"
            if len(items) == 1:
                name, f = items[0]
                return f"antalet {name} har {opposite} med {procent(abs(f.procent), decimaler)} till {tal(f.varde)}"
            return f"{bracketed(items)} har {opposite}"

        if along:
            sentence = f"Även {bracketed(along)} har {verb}"
            sentences.append(sentence + (f", medan {against(other)}." if other else "."))
        elif other:
            sentences.append(versal(against(other)).replace(" har ", " har däremot ", 1) + ".")
    if same:
        sentences.append(versal(lista(f"antalet {name} ({tal(f.varde)})" for name, f in same)) + " är oförändrat.")
    for name, f in alone:
        sentences.append(f"Antalet {name} under {under} är {tal(f.varde)}.")
    return " ".join(sentences)


def forandring_procent(value: float | None, decimaler: int = 1, oforandrat: str = "är oförändrat") -> str:
    """``har ökat med 0,4 procent`` or ``har minskat med 9,0 procent`` (as the table)."""
    return forandring(value, "procent", decimaler, oforandrat)


def procentenheter(value: float | None, decimaler: int = 1) -> str:
    """``2,2 procentenheter``, ``20,0 procentenheter``, ``1 procentenhet`` with no decimals (size only; the template
    says the direction)."""
    if value is None:
        return MISSING
    size = tal(abs(value), decimaler)
    return f"{size} procentenhet" if size == "1" else f"{size} procentenheter"


def forandring_pe(value: float | None, decimaler: int = 1, oforandrat: str = "är oförändrad") -> str:
    """``har ökat med 2 procentenheter``: a change of a share."""
    if value is None or _is_zero(value, decimaler):
        return _change(value, None, oforandrat)
    return _change(value, procentenheter(value, decimaler), oforandrat)


def forandring_mnkr(diff_tkr: float | None, oforandrat: str = "är oförändrat", decimaler: int = 0) -> str:
    """``har ökat med 69 mnkr``: a change of an amount given in tkr."""
    if diff_tkr is None or _is_zero(diff_tkr / 1000, decimaler):
        return _change(diff_tkr, None, oforandrat)
    return _change(diff_tkr, mnkr(abs(diff_tkr), decimaler), oforandrat)


def _date(month: Month) -> dt.date:
    return dt.date(month.year, month.month, 1)


def manad(month: Month) -> str:
    """``mars``."""
    return format_date(_date(month), "LLLL", locale=LOCALE)


def manad_ar(month: Month) -> str:
    """``mars 2021``."""
    return f"{manad(month)} {month.year}"


def datum(value: dt.date | str) -> str:
    """``2021-04-13``: dates as the document-ID block shows them."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def hittills(month: Month) -> str:
    """``januari–mars 2021``: the months a year-to-date figure covers."""
    if month.month == 1:
        return manad_ar(month)
    return f"{manad(Month(month.year, 1))}\u2013{manad_ar(month)}"


MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def hittills_kort(month: Month) -> str:
    """``jan–mar 2021``: the months a year-to-date figure covers, short, for a table's column header (``jan 2021`` in January)."""
    last = f"{MONTH_ABBREVIATIONS[month.month - 1]} {month.year}"
    return last if month.month == 1 else f"{MONTH_ABBREVIATIONS[0]}\u2013{last}"


def sep(loop) -> str:
    """Between items of a Jinja loop: ``, `` ... `` och `` ... nothing after the last."""
    if loop.last:
        return ""
    return " och " if loop.revindex == 2 else ", "


def number_ranges(numbers: list[int]) -> str:
    """``1–6`` for consecutive numbers, ``1–3, 5`` otherwise."""
    parts: list[str] = []
    start = previous = None
    for n in sorted(numbers):
        if previous is not None and n == previous + 1:
            previous = n
            continue
        if start is not None:
            parts.append(f"{start}–{previous}" if previous != start else str(start))
        start = previous = n
    if start is not None:
        parts.append(f"{start}–{previous}" if previous != start else str(start))
    return ", ".join(parts)


def lista(items) -> str:
    """Items as Swedish lists them: ``a``, ``a och b``, ``a, b och c``."""
    words = [str(item) for item in items]
    return ", ".join(words[:-1]) + " och " + words[-1] if len(words) > 1 else "".join(words)


def versal(text: str) -> str:
    """The text with its first letter capitalised (``Mars 2021``)."""
    return text[:1].upper() + text[1:]


def manad_kod(month: Month) -> str:
    """A month as Excel and the ledgers write it: ``202103``."""
    return f"{month.year:04d}{month.month:02d}"


NUMBER_WORDS = ("inget", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")
# Assessment → cell colour: green, yellow, red; grey for not measured. The word is always written too.
ASSESSMENT_COLOURS = {"Uppnått": "A9D18E", "Delvis uppnått": "FFE08A", "Ej uppnått": "F4A3A3", "Ej mätt": "D9D9D9"}
TREND_ARROWS = {"Förbättrad": "↑", "Oförändrad": "→", "Försämrad": "↓"}


def antal_ord(value: int) -> str:
    """A count as Swedish writes it in running text: words up to twelve (neuter), digits above."""
    return NUMBER_WORDS[value] if 0 <= value < len(NUMBER_WORDS) else tal(value)


def bedomningsfarg(assessment: str | None) -> str:
    """The cell colour of an assessment (hex); white when there is none."""
    return ASSESSMENT_COLOURS.get(assessment or "", "FFFFFF")


def bedomning(assessment: str | None) -> str:
    """The assessment as a word for a table cell; "Ej bedömd" when empty."""
    return assessment or "Ej bedömd"


def pil(trend: str | None) -> str:
    """A trend as an arrow and its word: ``↑ Förbättrad``; empty when there is none."""
    return f"{TREND_ARROWS[trend]} {trend.lower()}" if trend in TREND_ARROWS else ""


def malbedomning(counts) -> str:
    """The summary sentence of a scorecard, from its counts (seed 002's wording, in the word order of a subordinate clause)."""
    parts = [f"{antal_ord(counts.uppnatt)} av de {antal_ord(counts.totalt)} strategiska målen helt har uppnåtts"]
    if counts.delvis_uppnatt:
        parts.append(f"{antal_ord(counts.delvis_uppnatt)} delvis har uppnåtts")
    if counts.ej_uppnatt:
        parts.append(f"{antal_ord(counts.ej_uppnatt)} inte har uppnåtts")
    if counts.ej_bedomda:
        parts.append(f"{antal_ord(counts.ej_bedomda)} inte har bedömts")
    return f"Den samlade bedömningen av de strategiska målen för perioden visar att {lista(parts)}."


def malet_ar(assessment: str | None) -> str:
    """What follows "att målet": ``är delvis uppnått``, ``är uppnått``, ``inte är uppnått``, ``inte är bedömt``."""
    if assessment is None:
        return "inte är bedömt"
    return "inte är uppnått" if assessment == "Ej uppnått" else f"är {assessment.lower()}"


def bedoms_vara(assessment: str | None) -> str:
    """What follows "bedöms målet": ``vara delvis uppnått``, ``inte vara uppnått``; empty without an assessment."""
    if assessment is None:
        return ""
    return "inte vara uppnått" if assessment == "Ej uppnått" else f"vara {assessment.lower()}"


def samlad_bedomning(assessment: str | None, full_year: str | None = None) -> str:
    """A goal's assessment for the period and for the year's end: one sentence when the two agree
    (``Målet bedöms vara delvis uppnått, nu och vid årets slut.``), otherwise a sentence each, so that a
    scorecard of twenty goals does not say the same two sentences twenty times."""
    if assessment is not None and assessment == full_year and assessment in ("Uppnått", "Delvis uppnått", "Ej uppnått"):
        if assessment == "Ej uppnått":
            return "Målet bedöms inte vara uppnått, varken nu eller vid årets slut."
        return f"Målet bedöms {bedoms_vara(assessment)}, nu och vid årets slut."
    text = f"Den samlade bedömningen av måluppfyllelsen är att målet {malet_ar(assessment)}."
    return f"{text} Vid årets slut bedöms målet {bedoms_vara(full_year)}." if full_year else text


def har_uppnatts(assessment: str | None) -> str:
    """An assessment as the verb of an att-clause: "har uppnåtts", "delvis har uppnåtts", "inte har uppnåtts"."""
    return {
        "Uppnått": "har uppnåtts", "Delvis uppnått": "delvis har uppnåtts", "Ej uppnått": "inte har uppnåtts", "Ej mätt": "inte har mätts",
    }.get(assessment or "", "inte har bedömts")


def nyckel(name: str) -> str:
    """A heading as the key of its text part: ``Samhälle`` → ``samhalle``, ``Övrig produktion`` → ``ovrig_produktion``."""
    return slugify(name, "del").replace("-", "_")


def avrundningsdifferens(rader, totalt, *falt: str, decimaler: int = 0, skala: float = 1, radsumma: tuple[str, str] | None = None) -> bool:
    """Whether a table needs the note "Avrundningsdifferenser kan förekomma": its rows' ``falt`` (each a figure,
    or a list of figures, one per column), shown with ``decimaler`` after dividing by ``skala`` (1000: tkr shown
    in mnkr), do not add up to ``totalt``'s as shown; with ``radsumma=('varden', 'summa')`` also a row's
    figures against its own sum; without ``falt``, ``rader`` are the figures themselves. The rule is :func:`reporter.differences.rounding_note_needed`."""
    def scaled(value):
        return None if value is None else value / skala

    def needed(parts, total) -> bool:
        return rounding_note_needed([scaled(part) for part in parts], scaled(total), decimaler)

    rows = list(rader or [])
    if not falt and radsumma is None:  # the figures themselves: [a, b, c]|avrundningsdifferens(summa)
        return needed(rows, totalt)
    for name in falt:
        total = getattr(totalt, name, None) if totalt is not None else None
        values = [getattr(row, name, None) for row in rows]
        if isinstance(total, (list, tuple)):
            columns = [[v[i] for v in values if v is not None and i < len(v)] for i in range(len(total))]
            if any(needed(parts, column_total) for parts, column_total in zip(columns, total, strict=True)):
                return True
        elif needed(values, total):
            return True
    if radsumma is not None:
        figures, summa = radsumma
        for row in [*rows, totalt] if totalt is not None else rows:
            if getattr(row, figures, None) and needed(getattr(row, figures), getattr(row, summa, None)):
                return True
    return False


def avrundning_forklarar(delar, totalt, decimaler: int = 0, skala: float = 1) -> bool:
    """Whether ``delar`` (figures given rounded to ``decimaler`` after dividing by ``skala``: a division's whole-mnkr
    estimates in tkr) can differ from ``totalt`` by their rounding alone (:func:`reporter.differences.rounding_explains`):
    then, and only then, a note may call the gap a rounding difference."""
    return rounding_explains([None if d is None else d / skala for d in delar or []], None if totalt is None else totalt / skala, decimaler)


FILTERS = {
    f.__name__: f
    for f in (
        tal, signerat, pct, procent, prosa_tal, mnkr, mnkr_tal, tkr, jamfort, forandring, fler_farre, fler_farre_antal, forandringar, forandring_procent,
        procentenheter, forandring_pe, forandring_mnkr, jamfort_pe, manad, manad_ar, hittills, hittills_kort,
        datum, sep, lista, versal, manad_kod, antal_ord, bedomningsfarg, bedomning, pil, malbedomning, malet_ar, bedoms_vara,
        samlad_bedomning, har_uppnatts, nyckel,
        avrundningsdifferens, avrundning_forklarar, mot_budget, storst_forst,
    )
}
