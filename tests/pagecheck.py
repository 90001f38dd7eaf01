"""A built package checked page by page as a board secretary reads it (issue 26, "Measured").

Each check reads what a reader sees: the DOCX's text (``helpers.dump_docx``) for what the PDF's text loses
(no-break spaces, table cells), the PDF for what only the pages show (how full a page is, its header, its
bookmarks). A finding says the document, the page where it can be found (None when the text is not found on
a page) and what is wrong, in Swedish. ``check_package(folder)`` runs every check on a package folder
(``reporter build … --pdf``); the line checks (``period_codes``, ``plain_spaces``, ``untied``, …) take a dump's
lines and are what tests/test_typography.py and tests/test_ties.py assert on the bundled packages.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from html import unescape
from pathlib import Path

import pikepdf
from helpers import dump_docx
from PIL import Image

from reporter.typography import UNITS

# What each check finds, as the findings name it.
CHECKS = {
    "period-code": "periodkod i en tabell",
    "empty-column": "tom kolumn",
    "plain-space": "vanligt mellanslag i ett tal eller före dess enhet",
    "ties": "differens eller summa som inte stämmer med talen som visas, och ingen not om avrundningsdifferenser",
    "fullness": "sida under en tredjedel full",
    "appendix-label": "bilaga utan \"Bilaga N\"",
    "toc": "innehållsförteckning",
    "bookmarks": "bokmärken med samma titel",
    "file-names": "filnamn eller verktygets ord",
}

# A plain space inside a grouped number, or between a number and its unit: what must not be in a document.
PLAIN_GROUP = re.compile(r"(?<![\d,.])\d{1,3} \d{3}(?!\d)")
PLAIN_UNIT = re.compile(r"\d (?:" + "|".join(re.escape(u) for u in UNITS) + r")(?!\w)")
PICTURE = re.compile(r"\[bild [^\]]*\]")
# A file name or the tool's own words about its files.
TOOL_TALK = re.compile(r"\S+\.(?:pdf|docx|xlsx|md|yaml)\b|PDF:en|samlade PDF|\bfilen\b", re.IGNORECASE)
PERIOD_CODE = re.compile(r"\b(?:19|20)\d\d(?:0[1-9]|1[0-2])\b")
ROUNDING_NOTE = "Avrundningsdifferenser kan förekomma"
DIFFERENCE = re.compile(r"förändring|avvikelse|differens|skillnad", re.IGNORECASE)
NOT_BESIDE = re.compile(r"%|\bmot\b", re.IGNORECASE)  # a change in percent, or against a figure the table does not show
TOC_PAGES = 10  # a document with more pages than this has a table of contents
TOC_FIELD = re.compile(r"\{TOC\b")
FULL = 1 / 3  # no page but a document's last is less full than this
TWIPS_PER_PT = 20
INK = 200  # a pixel darker than this (0–255 grey) is content
DPI = 30


@dataclass(frozen=True)
class Finding:
    document: str
    page: int | None
    check: str
    text: str

    def __str__(self) -> str:
        where = f"s. {self.page}" if self.page is not None else "s. ?"
        return f"{self.document} {where}: {CHECKS[self.check]}: {self.text}"


# ---------------------------------------------------------------------------------------------------------------
# Checks on a dump's lines (tests/helpers.dump_docx): each returns the offending snippets.


def reader_lines(path: Path) -> list[str]:
    """What a reader sees in a DOCX, line by line, without the pictures' alt text (read aloud, never broken across lines)."""
    return [PICTURE.sub("", line) for line in dump_docx(path).splitlines()]


def _matches(lines: list[str], pattern: re.Pattern, only_tables: bool = False) -> list[str]:
    return [f"…{line[max(0, m.start() - 30):m.end() + 10]}…" for line in lines if not only_tables or line.startswith("|")
            for m in pattern.finditer(line)]


def plain_spaces(lines: list[str]) -> list[str]:
    """Every number whose digit groups or unit a plain space separates (it can break across lines)."""
    return _matches(lines, PLAIN_GROUP) + _matches(lines, PLAIN_UNIT)


def tool_talk(lines: list[str]) -> list[str]:
    """Every file name and every "PDF:en" a document shows."""
    return _matches(lines, TOOL_TALK)


def period_codes(lines: list[str]) -> list[str]:
    """Every period code (``202103``) in a table."""
    return _matches(lines, PERIOD_CODE, only_tables=True)


def tables(lines: list[str]) -> list[tuple[list[list[str]], list[str]]]:
    """Every table of a dump: its rows of cells, and up to three lines under it before the next table or heading."""
    found: list[tuple[list[list[str]], list[str]]] = []
    rows: list[list[str]] = []
    under = False  # collecting the lines under the last table
    for line in [*lines, ""]:
        if line.startswith("| "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
            continue
        if rows:
            found.append((rows, []))
            rows, under = [], True
        if line.startswith(("[Heading", "[Rubrik", "[Title", "==")):
            under = False
        if under and line and len(found[-1][1]) < 3:
            found[-1][1].append(line)
    return found


def empty_columns(lines: list[str]) -> list[str]:
    """Every table column that is empty in every row below its header."""
    found = []
    for rows, _ in tables(lines):
        body = rows[1:]
        width = len(rows[0])
        if not body or any(len(row) != width for row in body):
            continue
        first = next((row[0] for row in body if row[0]), rows[0][0])
        for column in range(width):
            if all(not row[column] for row in body):
                found.append(f"kolumnen \"{rows[0][column] or column + 1}\" i tabellen \"{' | '.join(rows[0])}\" vid \"{first}\"")
    return found


def number(cell: str) -> tuple[Decimal, int] | None:
    """A shown figure and its decimals: ``−1 234,5`` → (−1234.5, 1); None for a cell that is no number."""
    text = re.sub(r"[\s\u00a0\u202f%+]", "", cell).replace("\u2212", "-")
    if not re.fullmatch(r"-?\d+(,\d+)?", text):
        return None
    try:
        return Decimal(text.replace(",", ".")), len(text.partition(",")[2])
    except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
        return None


def _compared(header: list[str], column: int) -> tuple[int, int] | None:
    """The two columns a difference column compares: the two before it, or the first figure and the one before it
    when a difference stands between (``Utfall | Budget | Avvikelse | Föreg. år | Förändring``)."""
    before = [i for i in range(1, column) if header[i] != header[column]]
    if len(before) < 2 or DIFFERENCE.search(header[column - 1]):
        return None
    if not DIFFERENCE.search(header[column - 2]):
        return column - 2, column - 1
    return 1, column - 1


def _untied_rows(rows: list[list[str]]) -> list[str]:
    header, found = rows[0], []
    for column, title in enumerate(header):
        if column == 0 or not DIFFERENCE.search(title) or NOT_BESIDE.search(title):
            continue
        pair = _compared(header, column)
        if pair is None:
            continue
        for row in rows[1:]:
            if len(row) != len(header):
                continue
            shown, a, b = number(row[column]), number(row[pair[0]]), number(row[pair[1]])
            if shown is None or a is None or b is None or row[column].endswith("%"):  # a change in percent
                continue
            if shown[0] != a[0] - b[0]:
                found.append(f"{row[0]}: {row[pair[0]]} mot {row[pair[1]]} visas som {row[column]} ({title})")
    return found


TOTAL = re.compile(r"^(?:Summa|Totalt|Total)\b", re.IGNORECASE)
RATE = re.compile(r"%|p\.e\.|procent|andel", re.IGNORECASE)  # a column of shares or their changes: its total is no sum


def _swedish(value: Decimal) -> str:
    return str(value).replace(".", ",").replace("-", "\u2212")


def _unsummed_rows(rows: list[list[str]]) -> list[str]:
    """A last row "Totalt"/"Summa …" whose figures are not the sums of the figures shown above it (amounts, not percent)."""
    header, total = rows[0], rows[-1]
    if len(rows) < 3 or not TOTAL.match(total[0]) or len(total) != len(header):
        return []
    parts = [row for row in rows[1:-1] if len(row) == len(header)]
    found = []
    for column in range(1, len(header)):
        cells = [row[column] for row in parts if row[column]]
        shown = number(total[column])
        if shown is None or RATE.search(header[column]) or not cells or any("%" in c for c in [total[column], *cells]):
            continue
        values = [number(c) for c in cells]
        if any(v is None for v in values):
            continue
        added = sum((v[0] for v in values if v is not None), Decimal(0))
        if added != shown[0]:
            found.append(f"{total[0]}: {' + '.join(cells)} = {_swedish(added)} men visas som {total[column]} ({header[column] or column + 1})")
    return found


def untied(lines: list[str], noted: bool = False, sums: bool = False) -> list[str]:
    """Every row whose shown difference is not the difference of the figures shown beside it, from a dump's lines.

    With ``sums`` also a last row "Totalt" or "Summa" that is not the sum of the rows above it. With ``noted`` a
    table that carries the note "Avrundningsdifferenser kan förekomma" (in a row or in the lines under it) is let through."""
    found: list[str] = []
    for rows, after in tables(lines):
        if noted and any(ROUNDING_NOTE in text for text in [*after, *(" ".join(row) for row in rows)]):
            continue
        found += _untied_rows(rows) + (_unsummed_rows(rows) if sums else [])
    return found


# ---------------------------------------------------------------------------------------------------------------
# The PDF: its pages' text, header text and how full each page is.


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[tuple[float, float, str]]  # (yMin, yMax, text) of every text line

    def text(self, top: float = 0.0, bottom: float = 1e9) -> str:
        return "\n".join(text for y0, y1, text in self.lines if y0 >= top - 1 and y1 <= bottom + 1)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r"<word[^>]*>(.*?)</word>", re.S)


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page of a PDF with its text lines and their positions (``pdftotext -bbox-layout``)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    pages = []
    for number, match in enumerate(_PAGE.finditer(xml), 1):
        lines = [(float(y0), float(y1), " ".join(unescape(w) for w in _WORD.findall(body)))
                 for y0, y1, body in _LINE.findall(match.group(3))]
        pages.append(Page(number, float(match.group(1)), float(match.group(2)), lines))
    return pages


def squash(text: str) -> str:
    """Text with every run of spaces (plain, no-break, thin, line breaks) as one plain space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def page_of(pages: list[Page], *snippets: str) -> int | None:
    """The first page whose text holds every snippet (spaces of every kind alike), or None."""
    wanted = [squash(snippet.strip("…")) for snippet in snippets]
    if not all(wanted):
        return None
    for page in pages:
        text = squash(page.text().replace("\n", " "))
        if all(w in text for w in wanted):
            return page.number
    return None


@dataclass(frozen=True)
class Margins:
    width: float  # page size and margins in points
    height: float
    top: float
    bottom: float


_SECTION = re.compile(r"<w:sectPr\b.*?</w:sectPr>", re.S)


def docx_margins(docx: Path) -> list[Margins]:
    """Each section's page size, top and bottom margin."""
    with zipfile.ZipFile(docx) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    found = []
    for section in _SECTION.findall(xml):
        size = re.search(r'<w:pgSz[^>]*w:w="(\d+)"[^>]*w:h="(\d+)"', section)
        margin = re.search(r"<w:pgMar[^>]*>", section)
        if not size or not margin:
            continue
        top, bottom = (re.search(rf'w:{side}="(-?\d+)"', margin.group(0)) for side in ("top", "bottom"))
        found.append(Margins(int(size.group(1)) / TWIPS_PER_PT, int(size.group(2)) / TWIPS_PER_PT,
                             abs(int(top.group(1))) / TWIPS_PER_PT if top else 72.0,
                             abs(int(bottom.group(1))) / TWIPS_PER_PT if bottom else 72.0))
    return found or [Margins(595.3, 841.9, 72.0, 72.0)]


def margins_of(page: Page, sections: list[Margins]) -> Margins:
    """The margins of the section a page belongs to: the first with the page's orientation, nearest in size."""
    landscape = page.width > page.height
    fitting = [m for m in sections if (m.width > m.height) == landscape]
    return min(fitting or sections, key=lambda m: abs(m.width - page.width) + abs(m.height - page.height))


def fullness(pdf: Path, sections: list[Margins], pages: list[Page]) -> dict[int, float]:
    """How far down its body area (between the top and bottom margins) each page's content reaches, 0–1.

    The pages are rendered in grey at low resolution (pdftoppm); content is any pixel darker than INK."""
    found: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="pagecheck-") as scratch:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), f"{scratch}/s"], check=True, capture_output=True)
        images = sorted(Path(scratch).glob("s-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for page, path in zip(pages, images, strict=True):
            margins = margins_of(page, sections)
            with Image.open(path) as image:
                grey = image.convert("L")
                scale = grey.height / page.height
                top, bottom = int(margins.top * scale), int((page.height - margins.bottom) * scale)
                band = grey.crop((0, top, grey.width, bottom))
                # the box around every pixel darker than INK
                dark = band.point(lambda v: 255 if v < INK else 0).getbbox()
            found[page.number] = 0.0 if dark is None else min(1.0, dark[3] / max(1, bottom - top))
    return found


# ---------------------------------------------------------------------------------------------------------------
# The table of contents


_ENTRY = re.compile(r"^(?P<title>\S.*?)[\s.…]+(?P<page>\d{1,3})$")  # a dot leader or a space before the page number


def contents(pages: list[Page]) -> list[tuple[str, int]]:
    """The entries (title, page) of the contents list on a PDF's first three pages: the lines after "Innehåll"."""
    for page in pages[:3]:
        lines = [squash(text) for _, _, text in page.lines]
        if "Innehåll" not in lines:
            continue
        entries = []
        for line in lines[lines.index("Innehåll") + 1:]:
            match = _ENTRY.match(line)
            if match and not line.startswith("Sida "):
                entries.append((match.group("title").rstrip(" ."), int(match.group("page"))))
        return entries
    return []


def contents_problems(lines: list[str], pages: list[Page]) -> list[tuple[int | None, str]]:
    """What is wrong with a long document's table of contents: no TOC field in the DOCX (Word users update it),
    no contents list on the PDF's first three pages, or an entry whose heading is not on the page it names."""
    found: list[tuple[int | None, str]] = []
    if not any(TOC_FIELD.search(line) for line in lines):
        found.append((None, f"{len(pages)} sidor utan innehållsförteckning (inget TOC-fält i DOCX)"))
    entries = contents(pages)
    if not entries:
        found.append((None, f"{len(pages)} sidor, ingen innehållsförteckning med \"Innehåll\" och sidnummer på sidorna 1–3 i PDF"))
    for title, number in entries:
        shown = 1 <= number <= len(pages)
        if not shown or squash(title) not in squash(pages[number - 1].text().replace("\n", " ")):
            found.append((number if shown else None, f"innehållsförteckningen säger s. {number} för \"{title}\", men rubriken står inte där"))
    return found


# ---------------------------------------------------------------------------------------------------------------
# Bookmarks


def duplicate_bookmarks(pdf: Path) -> list[tuple[int | None, str]]:
    """Every bookmark whose title a sibling before it has, with the page it points to."""
    found: list[tuple[int | None, str]] = []
    with pikepdf.open(pdf) as document:
        pages = {page.objgen: number for number, page in enumerate(document.pages, 1)}

        def target(item) -> int | None:
            destination = item.destination
            if destination is None and item.action is not None and "/D" in item.action:
                destination = item.action.D
            if isinstance(destination, pikepdf.Array) and len(destination) and isinstance(destination[0], pikepdf.Dictionary):
                return pages.get(destination[0].objgen)
            return None

        def walk(items) -> None:
            seen: set[str] = set()
            for item in items:
                if item.title in seen:
                    found.append((target(item), item.title))
                seen.add(item.title)
                walk(item.children)

        with document.open_outline() as outline:
            walk(outline.root)
    return found


# ---------------------------------------------------------------------------------------------------------------
# A document and a package


APPENDIX = re.compile(r"^bilaga-(\d+)-")


def check_document(docx: Path, pdf: Path | None = None) -> list[Finding]:
    """Every finding in one document: its DOCX, and the PDF beside it (``pdf`` or the same name) when there is one."""
    pdf = pdf or docx.with_suffix(".pdf")
    pages = pdf_pages(pdf) if pdf.exists() else []
    lines = reader_lines(docx)
    name = docx.stem
    found: list[Finding] = []

    def add(check: str, snippets: list[str], locate=lambda s: (s,)) -> None:
        found.extend(Finding(name, page_of(pages, *locate(s)), check, s) for s in snippets)

    add("period-code", period_codes(lines), lambda s: (PERIOD_CODE.search(s).group(0),))
    add("empty-column", empty_columns(lines), lambda s: (s.split('"')[5],))
    add("plain-space", plain_spaces(lines), lambda s: ((PLAIN_GROUP.search(s) or PLAIN_UNIT.search(s) or re.search(".+", s)).group(0),))
    add("ties", untied(lines, noted=True, sums=True), lambda s: (s.split(":")[0], s.split(" visas som ")[1].rsplit(" (", 1)[0]))
    add("file-names", tool_talk(lines), lambda s: (TOOL_TALK.search(s).group(0),))
    said = {(f.page, TOOL_TALK.search(f.text).group(0)) for f in found if f.check == "file-names"}  # type: ignore[union-attr]
    for page in pages:  # what only the PDF shows: a field's result (FILENAME), a picture's text layer
        for match in TOOL_TALK.finditer(page.text().replace("\n", " ")):
            if (page.number, match.group(0)) not in said:
                said.add((page.number, match.group(0)))
                found.append(Finding(name, page.number, "file-names", f"…{match.group(0)}… (i PDF:en)"))
    appendix = APPENDIX.match(docx.name)
    if pages:
        sections = docx_margins(docx)
        full = fullness(pdf, sections, pages)
        for page in pages[:-1]:
            if full[page.number] < FULL:
                found.append(Finding(name, page.number, "fullness", f"innehållet når {full[page.number]:.0%} ned på sidan"))
        if appendix:
            label = f"Bilaga {appendix.group(1)}"
            if label not in squash(pages[0].text(margins_of(pages[0], sections).top)):
                found.append(Finding(name, 1, "appendix-label", f"\"{label}\" står inte på första sidan"))
            for page in pages:
                if label not in squash(page.text(0, margins_of(page, sections).top)):
                    found.append(Finding(name, page.number, "appendix-label", f"\"{label}\" står inte i sidhuvudet"))
        if len(pages) > TOC_PAGES:
            found += [Finding(name, page, "toc", text) for page, text in contents_problems(lines, pages)]
        found += [Finding(pdf.stem, page, "bookmarks", f"\"{title}\" igen bland syskonen") for page, title in duplicate_bookmarks(pdf)]
    return found


def check_package(folder: Path) -> list[Finding]:
    """Every finding in a built package: each DOCX with its PDF, and the merged PDF's bookmarks."""
    found: list[Finding] = []
    for docx in sorted(folder.glob("*.docx")):
        found += check_document(docx)
    for merged in sorted(folder.glob("*-med-bilagor.pdf")):
        found += [Finding(merged.stem, page, "bookmarks", f"\"{title}\" igen bland syskonen") for page, title in duplicate_bookmarks(merged)]
    return found
