"""Markdown texts (``texter/*.md``) → a list of blocks for the templates.

Headings, paragraphs, bullet and numbered lists, **bold** and *italic*. Raw
HTML is off: ``<w:p>`` or ``{{ … }}`` typed by a user stays literal text.
Heading levels are relative: the highest level used in a file becomes the
first level below the section's own heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .values import clean_text


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
    depth: int = 0  # a heading's level as written: 2 for ##

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
    depth: int = 0
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
            state.depth = int(token.tag[1])
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
                state.blocks.append(Block("heading", spans, state.heading, depth=state.depth))
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


@dataclass(frozen=True)
class Sections:
    """A text of a report section, split at its ``##`` headings (INPUTS-v2.md section 4).

    ``intro`` is the text before the first ``##``; ``parts`` the text under a
    ``##`` that names one of the section's generated subsections (its key),
    placed after that subsection's figures; ``extra`` the other ``##``
    headings with their text, as subsections of their own after the
    generated ones. Headings below ``##`` keep their place, one level down.
    """

    intro: list[Block]
    parts: dict[str, list[Block]]
    extra: list[tuple[str, list[Block]]]


def sections(blocks: list[Block], names: dict[str, str]) -> Sections:
    """Split a text's blocks at its ``##`` headings; ``names`` maps a subsection's heading to its key."""
    known = {name.casefold().strip(): key for name, key in names.items()}
    intro: list[Block] = []
    parts: dict[str, list[Block]] = {key: [] for key in names.values()}
    extra: list[tuple[str, list[Block]]] = []
    current = intro
    for block in blocks:
        if block.kind == "heading" and block.depth <= 2:
            heading = block.text.strip()
            key = known.get(heading.casefold())
            if key is not None:
                current = parts.setdefault(key, [])
            else:
                extra.append((heading, []))
                current = extra[-1][1]
            continue
        if block.kind == "heading":
            block = Block("heading", block.spans, max(block.depth - 1, 1), depth=block.depth)  # ### under a subsection: Heading 3
        current.append(block)
    return Sections(intro, parts, extra)
