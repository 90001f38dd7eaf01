"""Markdown texts (``texter/*.md``) → a list of blocks for the templates.

Headings, paragraphs, bullet and numbered lists, **bold** and *italic*. Raw
HTML is off: ``<w:p>`` or ``{{ … }}`` typed by a user stays literal text.
Heading levels are relative: the highest level used in a file becomes the
first level below the section's own heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .values import clean_text

MAIN_TEXTS = {
    "inledning": "inledning.md",
    "aktuella_handelser": "aktuella-handelser.md",
    "verksamheten": "verksamheten.md",
    "namnderna": "namnderna.md",
}

# The optional analysis after a table of an appendix: texter/<bilaga>-<avsnitt>.md, placed after the section's table.
ANALYSIS_TEXTS = {
    f"{bilaga}_{section.replace('-', '_')}": f"{bilaga}-{section}.md"
    for bilaga, sections in (
        ("ekonomirapport", ("resultat", "divisioner", "kostnader")),
        ("produktionsrapport", ("produktion", "divisioner", "tillganglighet", "belaggning")),
        ("personalrapport", ("anstallda", "arbetad-tid", "sjukfranvaro")),
        ("maluppfyllelse", ("sammanfattning",)),
    )
    for section in sections
}

TEXT_FILES = {**MAIN_TEXTS, **ANALYSIS_TEXTS}


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece: ``heading``, ``paragraph``, ``bullet`` or ``number``.

    ``level`` is the heading level (1 = first below the section) or the list
    depth (1 = outermost); ``list_id`` tells numbered lists apart so that each
    starts again at ``start``.
    """

    kind: str
    spans: tuple[Span, ...]
    level: int = 1
    list_id: int = 0
    start: int = 1

    @property
    def text(self) -> str:
        """The block's text without emphasis."""
        return "".join(s.text for s in self.spans)


@dataclass
class _ListState:
    kind: str
    list_id: int
    start: int


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    lists: list[_ListState] = field(default_factory=list)
    heading: int = 0
    next_list_id: int = 1


def parse_markdown(text: str) -> list[Block]:
    """Parse Markdown into blocks; never fails, whatever the text."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).parse(clean_text(text))
    levels = sorted({int(t.tag[1]) for t in tokens if t.type == "heading_open"})
    state = _Walker()
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            state.heading = levels.index(int(token.tag[1])) + 1
        elif kind == "heading_close":
            state.heading = 0
        elif kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            start = int(token.attrGet("start") or 1) if ordered else 1
            state.lists.append(_ListState("number" if ordered else "bullet", state.next_list_id if ordered else 0, start))
            state.next_list_id += ordered
        elif kind in ("bullet_list_close", "ordered_list_close"):
            state.lists.pop()
        elif kind == "inline":
            spans = _spans(token.children or [])
            if not spans:
                continue
            if state.heading:
                state.blocks.append(Block("heading", spans, state.heading))
            elif state.lists:
                current = state.lists[-1]
                state.blocks.append(Block(current.kind, spans, len(state.lists), current.list_id, current.start))
            else:
                state.blocks.append(Block("paragraph", spans))
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                state.blocks.append(Block("paragraph", (Span(line),)))
    return state.blocks


def _spans(children) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("text", "code_inline"):
            _add(spans, Span(child.content, bold > 0, italic > 0))
        elif kind == "softbreak":
            _add(spans, Span(" ", bold > 0, italic > 0))
        elif kind == "hardbreak":
            _add(spans, Span("\n", bold > 0, italic > 0))
        elif kind == "image":
            _add(spans, Span(child.content, bold > 0, italic > 0))
    while spans and not spans[-1].text.strip():
        spans.pop()
    return tuple(spans)


def _add(spans: list[Span], span: Span) -> None:
    """Append, joining with the previous span when the emphasis is the same."""
    if spans and (spans[-1].bold, spans[-1].italic) == (span.bold, span.italic):
        spans[-1] = Span(spans[-1].text + span.text, span.bold, span.italic)
    else:
        spans.append(span)
