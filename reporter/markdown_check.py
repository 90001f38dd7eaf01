"""Markdown the report's texts do not support, found with its line.

The texts are CommonMark without HTML (reporter/texts.py). A table, a footnote,
raw HTML, an image or a link would otherwise be lost without a word: a table
became one paragraph of pipes, a footnote's text disappeared, an image left only
its alt text, a link only its text. Each is found here by parsing the text once more with tables and HTML on,
and named by its line so that the text's author can write it another way.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)|<!--")

_DETECTOR = MarkdownIt("commonmark", {"html": True}).enable("table")

TABLE = ("en tabell stöds inte i texterna: den skulle bli ett stycke fullt av lodstreck. Skriv innehållet som stycken "
         "eller en punktlista (- Division: belopp); tabellerna med siffror gör rapporten själv ur arbetsböckerna")
FOOTNOTE = ("fotnoter stöds inte i texterna: fotnoten {note} skulle försvinna ur rapporten. Skriv fotnotens text i "
            "löptexten, t.ex. inom parentes")
IMAGE = ("bilder stöds inte i texterna: bara bildtexten '{alt}' skulle komma med. Ta bort bilden; diagrammen gör "
         "rapporten själv ur arbetsböckerna")
LINK = ("länkar stöds inte i texterna: adressen {href} skulle försvinna ur rapporten och bara länktexten '{text}' komma med. "
        "Skriv adressen i texten, t.ex. {text} ({href})")
DEFINITION = ("raden läses som en länkdefinition ([{label}]: …) och skulle försvinna ur rapporten. Skriv den som vanlig "
              "text, utan hakparentes först på raden")
HTML = ("HTML ({tag}) stöds inte i texterna: koden skulle stå kvar som text i rapporten. Skriv med Markdown i stället: "
        "**fet**, *kursiv*, rubriker med ## och listor med -")


def unsupported(text: str) -> list[tuple[int, str]]:
    """Each table, footnote, raw HTML, image and link in ``text``: its line (1-based) and what to do instead, in Swedish."""
    env: dict = {}
    found: list[tuple[int, str]] = []
    in_table = False  # a table cell's text: the table is said once, at its first line
    for token in _DETECTOR.parse(text, env):
        first = token.map[0] if token.map else 0
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
            if in_table:
                found.append((first + 1, TABLE))
        elif token.type == "html_block":
            found.append((first + 1, HTML.format(tag=_tag(token.content))))
        elif token.type == "inline" and not in_table:
            found += _inline(token, first)
    for label, reference in (env.get("references") or {}).items():
        line = (reference.get("map") or [0])[0] + 1
        if label.startswith("^"):
            found.append((line, FOOTNOTE.format(note=f"[{label}]")))
        else:
            found.append((line, DEFINITION.format(label=label)))
    return sorted(set(found))


def _inline(token, first: int) -> list[tuple[int, str]]:
    lines = token.content.split("\n")

    def line_of(pattern: str) -> int:
        return first + 1 + next((number for number, line in enumerate(lines) if pattern in line), 0)

    found = []
    link: list = []  # the open link and its text so far
    for child in token.children or []:
        if child.type == "link_open":
            link = [child, ""]
        elif link and child.type in ("text", "code_inline"):
            link[1] += child.content
        elif link and child.type == "link_close":
            opened, text = link
            href = str(opened.attrGet("href") or "")
            if opened.markup != "autolink" and href.removeprefix("mailto:") != text and not text.startswith("^"):
                found.append((line_of(f"]({href}") if f"]({href}" in token.content else line_of(text), LINK.format(href=href, text=text)))
            link = []
        if child.type == "html_inline":
            found.append((line_of(child.content), HTML.format(tag=_tag(child.content))))
        elif child.type == "image":
            found.append((line_of("!["), IMAGE.format(alt=child.content)))
    for match in _FOOTNOTE.finditer(token.content):
        found.append((line_of(match.group()), FOOTNOTE.format(note=match.group())))
    return found


def _tag(html: str) -> str:
    match = _HTML_TAG.search(html)
    if match is None:
        return html.strip()[:20]
    return "<!-- -->" if match.group() == "<!--" else f"<{match.group(1)}>"
