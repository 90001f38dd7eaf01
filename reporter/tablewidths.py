"""One table-width rule for every document, within the margins (issue 26, item 4).

Every table of a document's body (not one inside another table or a text box)
gets the text width of its section, portrait or landscape, and a fixed layout.
Its columns share that width by one rule:

- the columns of figures are equally wide: what the widest figure (or a
  header's longest word) needs, at least :data:`MIN_NUMBER_TWIPS`;
- a column of text (names, goals) wants its longest text up to
  :data:`TEXT_NEED_CHARACTERS` characters, at least its longest word;
- what is left of the width is shared in proportion to what each column
  wants; when the wants do not fit, the text columns give way down to their
  longest words, then the figure columns down to each one's own need (a wide
  table of small figures beside one larger sum, the interim report's cost
  table on a portrait page), and then only the text columns shrink: a word
  may break, a number never;
- a table without figures (a scorecard, a legend) keeps its template's
  proportions.

Each cell's own width is then the sum of the grid columns it spans. A table
whose rows do not fill its grid (a template's irregular table) is left as it is.

Pure functions on lxml elements; no imports from the rest of reporter but the sections' widths.
"""

from __future__ import annotations

import re

from lxml import etree

from .pagesections import governing_sections, text_width

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Widths in twips (1/1440 inch) of table text (8 pt Arial): a digit, a letter on average, a cell's margins.
DIGIT_TWIPS = 92
LETTER_TWIPS = 88
CELL_MARGINS_TWIPS = 170
MIN_NUMBER_TWIPS = 700
FONT_HALF_POINTS = 16  # the size the widths above are for (8 pt); a table of larger text scales them
BOLD = 1.07  # a header row's bold letters are this much wider (Arial Bold against Arial)
TEXT_NEED_CHARACTERS = 48  # a text column wants no more than this many characters on a line
# A figure as a table shows it: a sign, digits in groups, decimals, a unit or an arrow after it; or a dash for none.
_FIGURE = re.compile(r"^[−+\-–]?\s?[\d\u00a0\u202f .,]*\d[\d\u00a0\u202f .,]*\s?(?:%|mnkr|tkr|kr|st|åa|pe|procent)?\s?[↑↓→]?$|^[–—-]$")
_WORDS = re.compile(r"[\s\u00ad\-–]+")  # a line may break at a space, a soft hyphen or after a hyphen or an en dash


def fit_tables(body, styles=None) -> None:
    """Set every top-level table of ``body`` to its section's text width, its columns by the rule above, in place.

    Tables with the same header row in sections of the same width (a scorecard's table per goal) get the same
    columns: each column's need is the largest of theirs, so the tables line up down the page. With the document's
    ``styles`` part, a table's characters are measured at its text's size (the template's Tabelltext is 9 pt).
    """
    sections = governing_sections(body)
    sizes = font_sizes(styles) if styles is not None else {}
    tables = []
    for index, child in enumerate(body):
        if child.tag == f"{W}tbl" and (grid := _grid(child)) is not None:
            columns, rows = grid
            width = text_width(sections.get(index))
            tables.append((child, columns, rows, width, _needs(child, rows, len(columns), _scale(child, sizes))))
    shared: dict[tuple, list[list[tuple[bool | None, int, int]]]] = {}
    for table, _columns, rows, width, needs in tables:
        shared.setdefault(_key(table, rows, width), []).append(needs)
    for table, columns, rows, width, _ in tables:
        template = [int(c.get(f"{W}w") or 0) for c in columns]
        widths = column_widths(_combined(shared[_key(table, rows, width)]), width, template if all(template) else None)
        _apply(table, columns, rows, widths, width)


def fit_table(table, width: int) -> None:
    """One table to ``width`` twips."""
    grid = _grid(table)
    if grid is None:
        return
    columns, rows = grid
    template = [int(c.get(f"{W}w") or 0) for c in columns]
    needs = [(bool(figures), want, least) for figures, want, least in _needs(table, rows, len(columns))]
    _apply(table, columns, rows, column_widths(needs, width, template if all(template) else None), width)


def _grid(table):
    """The table's grid columns and rows (cells with their spans); None for a table whose rows do not fill its grid."""
    grid = table.find(f"{W}tblGrid")
    if grid is None:
        return None
    columns = grid.findall(f"{W}gridCol")
    found = [_cells(row) for row in table.findall(f"{W}tr")]
    rows = [row for row in found if row is not None]
    if not columns or not rows or len(rows) < len(found) or any(sum(span for _, span in row) != len(columns) for row in rows):
        return None
    return columns, rows


def _key(_table, rows, width: int) -> tuple:
    """What makes two tables the same kind: their width and their first row's texts."""
    return (width, tuple(_text(cell) for cell, _ in rows[0]))


def _combined(tables: list[list[tuple[bool | None, int, int]]]) -> list[tuple[bool, int, int]]:
    """One need per column for tables of one kind: figures where every table with values there has figures."""
    needs = []
    for column in zip(*tables, strict=True):
        kinds = {figures for figures, _, _ in column if figures is not None}
        needs.append((kinds == {True}, max(want for _, want, _ in column), max(least for _, _, least in column)))
    return needs


def _apply(table, columns, rows, widths: list[int], width: int) -> None:
    for column, twips in zip(columns, widths, strict=True):
        column.set(f"{W}w", str(twips))
    for row in rows:
        start = 0
        for cell, span in row:
            _set_width(_properties(cell, "tcPr"), "tcW", sum(widths[start:start + span]))
            start += span
    properties = _properties(table, "tblPr")
    _set_width(properties, "tblW", width)
    layout = properties.find(f"{W}tblLayout")
    if layout is None:
        layout = _insert_in_order(properties, "tblLayout")
    layout.set(f"{W}type", "fixed")


def column_widths(needs: list[tuple[bool, int, int]], width: int, template: list[int] | None = None) -> list[int]:
    """Column widths in twips that sum to ``width``, from each column's (holds figures, wanted, least) need.

    The figure columns are equally wide (the widest one's need); what is left over after every column has
    what it wants is shared in proportion to it. A table without figures keeps the ``template``'s proportions.
    """
    if not any(figures for figures, _, _ in needs):
        return _exact(_at_least(_scaled(template or [want for _, want, _ in needs], width), [least for _, _, least in needs]), width)
    figure = max(want for figures, want, _ in needs if figures)
    widths = [figure if figures else want for figures, want, _ in needs]
    if sum(widths) <= width:
        return _exact(_scaled(widths, width), width)
    texts = [i for i, (figures, _, _) in enumerate(needs) if not figures]
    room = width - figure * (len(needs) - len(texts))
    least = sum(needs[i][2] for i in texts)
    if room < least:  # the longest words do not fit beside the figures: the figures give way first, never below their own
        own = sum(least_ for figures, _, least_ in needs if figures)  # each figure column's widest figure: a number never breaks
        if own + least <= width:
            share = (width - least - own) // (len(needs) - len(texts))
            return _exact([least_ + share if figures else least_ for figures, _, least_ in needs], width)
        return _exact(_scaled([least_ for _, _, least_ in needs], width), width)  # nothing fits: everything shrinks
    wanted = sum(needs[i][1] for i in texts)
    for i in texts:  # each text column keeps its longest word and gets a share of the rest
        _, want, least_ = needs[i]
        widths[i] = least_ + (want - least_) * (room - least) // max(wanted - least, 1)
    return _exact(widths, width)


def _at_least(widths: list[int], least: list[int]) -> list[int]:
    """The widths with each column given its least (its longest word), taken from the columns wider than theirs in
    proportion to what they have over it. When the leasts do not fit together, the column of the longest word (a
    compound of 40 letters) gets what the others leave, and only its word breaks."""
    if sum(least) > sum(widths):
        longest = least.index(max(least))
        rest = sum(widths) - sum(least) + least[longest]
        if rest < widths[longest]:
            return widths
        least = [rest if i == longest else need for i, need in enumerate(least)]
    short = sum(max(0, need - have) for have, need in zip(widths, least, strict=True))
    spare = sum(max(0, have - need) for have, need in zip(widths, least, strict=True))
    if not short or spare < short:
        return widths
    return [need if have <= need else have - (have - need) * short // spare for have, need in zip(widths, least, strict=True)]


def _scaled(widths: list[int], width: int) -> list[int]:
    total = sum(widths) or 1
    return [max(1, w * width // total) for w in widths]


def _exact(widths: list[int], width: int) -> list[int]:
    """The widths with the rounding left over given to the widest column, so that they sum to ``width``."""
    widest = widths.index(max(widths))
    widths = list(widths)
    widths[widest] += width - sum(widths)
    return widths


def font_sizes(styles) -> dict[str | None, int]:
    """Each paragraph style's font size in half-points, following ``basedOn`` (None: the default paragraph style)."""
    by_id = {style.get(f"{W}styleId"): style for style in styles.iter(f"{W}style") if style.get(f"{W}type") == "paragraph"}
    default = next((i for i, style in by_id.items() if style.get(f"{W}default") in ("1", "true")), None)
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    base = int(defaults.get(f"{W}val")) if defaults is not None else FONT_HALF_POINTS

    def size(style_id: str | None, seen: frozenset = frozenset()) -> int:
        style = by_id.get(style_id)
        if style is None or style_id in seen:
            return base
        found = style.find(f"{W}rPr/{W}sz")
        if found is not None:
            return int(found.get(f"{W}val"))
        parent = style.find(f"{W}basedOn")
        return size(parent.get(f"{W}val") if parent is not None else None, seen | {style_id})

    sizes = {style_id: size(style_id) for style_id in by_id}
    sizes[None] = sizes.get(default, base)
    return sizes


def _scale(table, sizes: dict[str | None, int]) -> float:
    """How much wider than 8 pt the table's text is: its cells' largest paragraph style or run size."""
    if not sizes:
        return 1.0
    found = [sizes.get(style.get(f"{W}val"), sizes[None]) for style in table.iter(f"{W}pStyle")]
    found += [int(size.get(f"{W}val")) for size in table.iter(f"{W}sz") if size.getparent().tag == f"{W}rPr"]
    return max(found or [sizes[None]]) / FONT_HALF_POINTS


def _needs(table, rows, count: int, scale: float = 1.0) -> list[tuple[bool | None, int, int]]:
    """Per grid column: whether it holds figures (None: no values under its header), the width it wants and the least;
    characters measured ``scale`` times as wide as 8 pt, a header's (bold) :data:`BOLD` times more."""
    headers = sum(1 for row in table.findall(f"{W}tr") if row.find(f"{W}trPr/{W}tblHeader") is not None) or 1
    longest_word = [0.0] * count
    longest_text = [0] * count
    figures = [True] * count
    any_value = [False] * count
    for number, row in enumerate(rows):
        start = 0
        for cell, span in row:
            text = _text(cell)
            if span == 1:
                words = [len(word) * (BOLD if number < headers else 1.0) for word in _WORDS.split(text) if word]
                longest_word[start] = max([longest_word[start], *words])
                if number >= headers and text:
                    any_value[start] = True
                    longest_text[start] = max(longest_text[start], len(text))
                    figures[start] = figures[start] and bool(_FIGURE.match(text))
            start += span
    needs: list[tuple[bool | None, int, int]] = []
    for column in range(count):
        digit, letter = DIGIT_TWIPS * scale, LETTER_TWIPS * scale
        if figures[column] and any_value[column]:
            own = round(max(longest_text[column], longest_word[column]) * digit) + CELL_MARGINS_TWIPS  # its widest figure
            needs.append((True, max(own, MIN_NUMBER_TWIPS), own))
        else:
            least = round(longest_word[column] * letter) + CELL_MARGINS_TWIPS
            want = max(round(min(max(longest_text[column], longest_word[column]), TEXT_NEED_CHARACTERS) * letter) + CELL_MARGINS_TWIPS, least)
            needs.append((False if any_value[column] else None, want, least))
    return needs


def _cells(row) -> list[tuple[object, int]] | None:
    """A row's cells with the number of grid columns each spans; None for a row that skips grid columns."""
    properties = row.find(f"{W}trPr")
    if properties is not None and (properties.find(f"{W}gridBefore") is not None or properties.find(f"{W}gridAfter") is not None):
        return None
    cells: list[tuple[object, int]] = []
    for cell in row.findall(f"{W}tc"):
        span = cell.find(f"{W}tcPr/{W}gridSpan")
        cells.append((cell, int(span.get(f"{W}val", "1")) if span is not None else 1))
    return cells


def _text(cell) -> str:
    return "".join(t.text or "" for t in cell.iter(f"{W}t")).strip()


# The order of a table's and a cell's properties (ECMA-376-1 §17.4.60, §17.4.66): a new one goes in its place.
_ORDER = {
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
              "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
             "tcFitText", "vAlign", "hideMark"),
}


def _properties(element, name: str):
    found = element.find(f"{W}{name}")
    if found is None:
        found = etree.Element(f"{W}{name}")
        element.insert(0, found)
    return found


def _insert_in_order(properties, name: str):
    order = _ORDER[etree.QName(properties).localname]
    new = etree.Element(f"{W}{name}")
    later = set(order[order.index(name) + 1:])
    for position, child in enumerate(properties):
        if etree.QName(child).localname in later:
            properties.insert(position, new)
            return new
    properties.append(new)
    return new


def _set_width(properties, name: str, twips: int) -> None:
    found = properties.find(f"{W}{name}")
    if found is None:
        found = _insert_in_order(properties, name)
    found.set(f"{W}w", str(twips))
    found.set(f"{W}type", "dxa")
