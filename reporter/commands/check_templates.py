"""reporter mallar: each template checked against the template contract, without building.

A template is read as its owner sees it in Word (:mod:`reporter.docxparts`):
every Jinja tag with its part (brödtext, sidhuvud, sidfot …) and place
(stycke 14, tabell 2, rad 1, kolumn 3). Each tag is checked for

- where it stands: never in comments, text boxes or footnotes; ``{%tr`` in a
  table row, ``{%tc`` in a cell; no text beside a ``{%p …%}`` that would vanish;
- how it is written: straight quotes, no ``&``, Jinja's syntax;
- blocks: every ``if``/``for`` closed, in the order opened, on the level
  (paragraph, paragraphs, rows, cells) where it was opened;
- names: every name, attribute and filter against the types of
  :class:`~reporter.context.TemplateContext` (dictionary keys from
  :func:`~reporter.context.contract_for`).

Every finding is a located :class:`~reporter.errors.Problem` in Swedish with
the tag as written and, where one is close, a suggestion; none is raised.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..context import AppendixContext
from ..documents import contract_for
from ..docxparts import TAG, TAG_START, Paragraph, read_parts, visible_text, w
from ..errors import Problem, ReporterError, error
from ..kinds import templates
from ..render import HEADING_STYLES, LIST_STYLES, find_style, jinja_environment

# Where tags do nothing or break the document.
DEAD_AREAS = {"textruta": "en textruta", "fotnot": "en fotnot", "slutnot": "en slutnot", "kommentar": "en kommentar"}
CURLY_QUOTES = "“”„‘’‚«»"
PREFIXES = ("tr", "tc", "p", "r")  # docxtpl's {%tr, {%tc, {%p, {{r
OPENERS = {"for", "if", "with", "filter", "macro", "call", "autoescape", "raw"}
MIDDLES = {"else": ("if", "for"), "elif": ("if",)}
CELL_TAGS = {"cellbg", "colspan", "vm", "hm"}  # docxtpl's table-cell tags
UNSUPPORTED = {"include", "import", "from", "extends", "block"}
KNOWN_TAGS = sorted(OPENERS | set(MIDDLES) | CELL_TAGS | {"set"} | {f"end{o}" for o in OPENERS | {"set"}})
JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none", "True", "False", "None"}
LOOP_ATTRIBUTES = ("index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle", "depth", "depth0",
                   "previtem", "nextitem", "changed")


@dataclass(frozen=True)
class Template:
    """A template file and the name the build knows it by (which context it gets)."""

    path: Path
    name: str


@dataclass
class Tag:
    """A Jinja tag as its owner sees it, and what docxtpl makes of it."""

    text: str
    paragraph: Paragraph
    kind: str  # "{{", "{%" or "{#"
    prefix: str  # "", "p", "tr", "tc" or "r"
    body: str  # between the delimiters, without prefix and whitespace control, quotes straightened

    @property
    def word(self) -> str:
        """The statement's first word: ``for``, ``endif``, ``cellbg`` …; empty for ``{{ }}``."""
        match = re.match(r"\s*([A-Za-z_]\w*)", self.body) if self.kind == "{%" else None
        return match.group(1) if match else ""


def known_templates(templates_dir: Path, names: list[str] | None = None) -> list[Template]:
    """The templates of the given names, or every template the tool knows (one per report and appendix kind)."""

    chosen = [name for name, _ in templates()] if names is None else names
    return [Template(templates_dir / name, name) for name in chosen]


def find_template(templates_dir: Path, which: str) -> Template:
    """One template by path, file name or name without ``.docx``; a ReporterError says which exist."""

    given = Path(which)
    if given.is_file():
        return Template(given, given.name)
    known = known_templates(templates_dir)
    for template in known:
        if which in (template.name, template.name.removesuffix(".docx")):
            return template
    inside = templates_dir / which
    if inside.is_file():
        return Template(inside, inside.name)
    names = [t.name.removesuffix(".docx") for t in known]
    raise ReporterError(error(f"mallen {which} finns inte (mallarna i {templates_dir}: {', '.join(names)})"
                              f"{_suggest(which.removesuffix('.docx'), names)}"))


def check_templates(templates: list[Template]) -> list[Problem]:
    """Every finding in every template, in file order."""
    problems: list[Problem] = []
    for template in templates:
        problems += check_template(template.path, template.name)
    return problems


def check_template(path: Path, name: str | None = None) -> list[Problem]:
    """Every finding in one template; ``name`` chooses its context (default: the file's name)."""
    label = path.name
    if not path.is_file():
        return [error(f"mallen finns inte i mallmappen {path.parent}; lägg den där, eller ange mallmappen med --templates MAPP", file=label)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [error(f"mallen kan inte läsas som Word-dokument: {exc}", file=label)]
    return list(_check_content(data, label, name or label))


# The findings depend only on the file's bytes, its name and the contract: a template checked once in a
# process (a build and then verify, or a test's many builds) is not checked again.
@functools.lru_cache(maxsize=32)
def _check_content(data: bytes, label: str, name: str) -> tuple[Problem, ...]:

    try:
        parts = read_parts(data)
    except ValueError as exc:
        return (error(f"mallen kan inte läsas som Word-dokument: {exc}", file=label),)
    context_type, keys = contract_for(name)
    checker = _Checker(label, context_type, keys)
    for part in parts:
        checker.check_part(part.paragraphs)
    problems = [problem for _, problem in sorted(checker.found, key=lambda item: item[0])]
    if checker.uses_texts:
        problems += _text_styles(data, label)
    return tuple(problems)


def template_tags(path: Path) -> list[tuple[str, list[str]]]:
    """Each part's tags in order, as written: what the tag snapshots show."""
    return [(part.label, [m.group(0) for p in part.paragraphs for m in TAG.finditer(p.text)]) for part in read_parts(path)]


def _text_styles(data: bytes, label: str) -> list[Problem]:
    import io

    from docx import Document


    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx says little; the owner needs to know the file is damaged
        return [error(f"mallens formatmallar kan inte läsas: {exc}", file=label, part="formatmallar")]
    uses = [(s, "rubriker") for s in HEADING_STYLES] + [(s, "punktlistor") for s in LIST_STYLES["bullet"]]
    uses += [(s, "numrerade listor") for s in LIST_STYLES["number"]]
    problems = []
    for style, use in uses:
        try:
            find_style(document, style)
        except KeyError:
            problems.append(error(
                f"formatmallen ”{style}” saknas; texterna (texter/*.md) skrivs med den för {use}. "
                f"Lägg till den i Word (Formatmallar) eller ta bort taggarna med texter",
                file=label, part="formatmallar",
            ))
    return problems


def _shown(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:60] + " … " + text[-25:]


def _suggest(word: str, candidates) -> str:
    close = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"; menade du `{close[0]}`?" if close else ""


# --- types -------------------------------------------------------------------------------------


class _AnyType:
    """Nothing is known about the value: its attributes are not checked."""


ANY = _AnyType()
LOOP = object()


@dataclass(frozen=True)
class Keyed:
    """A dictionary whose keys are known (texter, bilaga, diagram)."""

    value: Any
    keys: tuple[str, ...]


def _without_none(kind):
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(kind) if a is not type(None)]
        return rest[0] if len(rest) == 1 else ANY
    return kind


@functools.cache
def fields_of(kind: type) -> dict[str, Any]:
    """A class's data fields (in declared order) and properties with their types: the names a template may use."""
    fields: dict[str, Any] = {}
    model_fields = getattr(kind, "model_fields", None)
    try:
        hints = typing.get_type_hints(kind)
    except Exception:  # noqa: BLE001 - a class without resolvable annotations has no typed fields
        hints = {}
    declared = [f.name for f in dataclasses.fields(kind)] if dataclasses.is_dataclass(kind) else []
    for name in declared + list(hints):
        hint = hints.get(name, ANY)
        if not name.startswith("_") and (model_fields is None or name in model_fields) and typing.get_origin(hint) is not typing.ClassVar:
            fields.setdefault(name, hint)
    for klass in reversed(kind.__mro__):
        if not klass.__module__.startswith("reporter"):  # not pydantic's or object's own properties
            continue
        for name, value in vars(klass).items():
            if isinstance(value, property) and not name.startswith("_"):
                try:
                    fields[name] = typing.get_type_hints(value.fget).get("return", ANY)
                except Exception:  # noqa: BLE001
                    fields[name] = ANY
    return fields


def _attribute(kind, name: str) -> tuple[bool, Any, list[str]]:
    """(known, type, candidates) of ``value.name``."""
    kind = _without_none(kind)
    if kind is ANY:
        return True, ANY, []
    if kind is LOOP:
        return name in LOOP_ATTRIBUTES, ANY, list(LOOP_ATTRIBUTES)
    if isinstance(kind, Keyed):
        if name in kind.keys:
            return True, kind.value, []
        return (name in ("items", "keys", "values", "get")), ANY, list(kind.keys)
    origin = typing.get_origin(kind)
    if origin is not None:
        return hasattr(origin, name) and not name.startswith("_"), ANY, []
    if isinstance(kind, type):
        if kind in (str, int, float, bool, type(None)) or kind.__module__ == "builtins":
            return hasattr(kind, name) and not name.startswith("_"), ANY, []
        fields = fields_of(kind)
        if name in fields:
            return True, fields[name], []
        if not name.startswith("_") and callable(getattr(kind, name, None)):
            return True, ANY, []
        return False, ANY, list(fields)
    return True, ANY, []


def _element(kind):
    """The type of one item of a sequence (what ``for x in …`` gives)."""
    kind = _without_none(kind)
    if isinstance(kind, Keyed):
        return str
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (list, tuple, set, frozenset) and args and (origin is not tuple or args[-1] is Ellipsis or len(set(args)) == 1):
        return args[0]
    if origin is dict and args:
        return args[0]
    if kind is str:
        return str
    return ANY


def _item(kind, key):
    kind = _without_none(kind)
    if isinstance(kind, Keyed):
        return kind.value
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is dict and len(args) == 2:
        return args[1]
    if origin in (list, tuple) and args:
        if origin is tuple and isinstance(key, int) and args[-1] is not Ellipsis and -len(args) <= key < len(args):
            return args[key]
        return _element(kind)
    return ANY


# --- the checker -------------------------------------------------------------------------------


@dataclass
class _Block:
    word: str
    tag: Tag
    level: tuple
    names: dict[str, Any] = field(default_factory=dict)


class _Checker:
    def __init__(self, label: str, context_type: type, keys: dict[str, tuple[str, ...]]) -> None:
        self.label = label
        self.env = _environment()

        self.names: dict[str, Any] = {}
        self.appendix_names = set(typing.get_type_hints(AppendixContext)) - set(typing.get_type_hints(context_type))
        self.misplaced: set[int] = set()
        for name, hint in typing.get_type_hints(context_type).items():
            self.names[name] = Keyed(typing.get_args(hint)[1], keys[name]) if name in keys else hint
        self.found: list[tuple[int, Problem]] = []  # (paragraph's number in the template, problem)
        self.order: dict[int, int] = {}
        self.uses_texts = False

    def finding(self, where: Paragraph, message: str) -> None:
        """A problem at a paragraph; findings come out in document order."""
        self.found.append((self.order.get(id(where), 0), error(message, file=self.label, part=where.part, place=where.place)))

    # a part: its tags in order --------------------------------------------------------------

    def check_part(self, paragraphs: list[Paragraph]) -> None:
        tags = []
        for paragraph in paragraphs:
            self.order[id(paragraph)] = len(self.order)
            found = self._tags(paragraph)
            if paragraph.area in DEAD_AREAS:
                for tag in found:
                    self.finding(paragraph, f"{_shown(tag.text)} står i {DEAD_AREAS[paragraph.area]}, där taggar inte fungerar; "
                                            "flytta taggen till brödtexten, en tabell, sidhuvudet eller sidfoten")
                continue
            tags += found
        self.misplaced = self._placement(tags)  # their blocks still bind names, but say nothing more
        self._blocks(tags)

    def _tags(self, paragraph: Paragraph) -> list[Tag]:
        tags = []
        text = paragraph.text
        for match in TAG.finditer(text):
            tags.append(self._tag(match.group(0), paragraph))
        rest = TAG.sub(" ", text)
        for unclosed in TAG_START.finditer(rest):
            closing = {"{{": "}}", "{%": "%}", "{#": "#}"}[unclosed.group(0)]
            self.finding(paragraph, f"taggen ”{_shown(rest[unclosed.start():], 40)}” stängs inte i samma stycke; "
                                    f"skriv {closing} i slutet av taggen")
        return tags

    def _tag(self, text: str, paragraph: Paragraph) -> Tag:
        kind, inner = text[:2], text[2:-2]
        prefix = ""
        match = re.match(r"(tr|tc|p|r) ", inner)
        if match and kind in ("{{", "{%", "{#"):
            prefix, inner = match.group(1), inner[match.end():]
        inner = re.sub(r"^[-+]|[-+]$", "", inner)  # whitespace control: {%- … -%}
        for quote in sorted(set(c for c in inner if c in CURLY_QUOTES)):
            self.finding(paragraph, f"typografiskt citattecken {quote} i {_shown(text)}; skriv raka citattecken ' eller \" "
                                    "(Word byter dem när ”Ersätt raka citattecken med typografiska” är på i Autokorrigering)")
        if "&" in inner:
            self.finding(paragraph, f"& i {_shown(text)}; Jinja sätter ihop text med ~ och villkor med and")
        for quote in CURLY_QUOTES:
            inner = inner.replace(quote, '"' if quote in "“”„«»" else "'")
        return Tag(text, paragraph, kind, prefix, inner.replace("&", "~"))

    # where tags stand -----------------------------------------------------------------------

    def _placement(self, tags: list[Tag]) -> set[int]:
        """Tags where they cannot work; the ids of those that cannot take part in a block."""
        misplaced = set()
        kept: dict[int, tuple] = {}  # per paragraph, row or cell (kept alive, so ids stay): the prefixed tag docxtpl keeps
        for tag in tags:
            if tag.kind == "{#" and not tag.prefix:
                continue
            if tag.prefix in ("tr", "tc", "p"):
                container = self._container(tag)
                if container is None:
                    does = (
                        "upprepar eller tar bort tabellrader och måste stå i en rad" if tag.prefix == "tr"
                        else "upprepar eller tar bort celler och måste stå i en cell"
                    )
                    where = f"{{%{tag.prefix} …%}} {does} i tabellen; i brödtext används {{%p …%}}"
                    self.finding(tag.paragraph, f"{_shown(tag.text)} står utanför en tabell; {where}")
                    misplaced.add(id(tag))
                    continue
                if re.search(r"[}%]", tag.body):
                    self.finding(tag.paragraph, f"{_shown(tag.text)}: en {{%{tag.prefix} …%}}-tagg kan inte innehålla }} eller %")
                if id(container) not in kept:
                    kept[id(container)] = (container, tag)
                    self._vanishing(tag, container)
            if tag.word in CELL_TAGS and _ancestor(tag.paragraph.element, w("tc")) is None:
                self.finding(tag.paragraph, f"{_shown(tag.text)} står utanför en tabell; {{% {tag.word} %}} gäller en tabellcell")
        return misplaced

    def _container(self, tag: Tag):
        element = tag.paragraph.element
        if tag.prefix == "p":
            return element
        return _ancestor(element, w("tr") if tag.prefix == "tr" else w("tc"))

    def _vanishing(self, tag: Tag, container) -> None:
        paragraphs = [container] if container.tag == w("p") else list(container.iter(w("p")))
        text = " ".join(visible_text(p) for p in paragraphs)
        rest = text.replace(tag.text, " ", 1)
        if not rest.strip():
            return
        where = {"p": "samma stycke", "tr": "samma tabellrad", "tc": "samma tabellcell"}[tag.prefix]
        own = {"p": "ett eget stycke", "tr": "en egen rad", "tc": "en egen cell"}[tag.prefix]
        self.finding(tag.paragraph, f"texten ”{_shown(rest, 60)}” i {where} som {_shown(tag.text)} försvinner när rapporten byggs; "
                                    f"lägg {{%{tag.prefix} …%}}-taggen i {own}")

    # blocks and names -----------------------------------------------------------------------

    def _level(self, tag: Tag) -> tuple:
        """The element a block's tags must share: lxml gives one node the same proxy while it is referenced."""
        element = tag.paragraph.element
        if tag.prefix == "p":
            return ("p", element.getparent())
        if tag.prefix in ("tr", "tc"):
            return (tag.prefix, _ancestor(element, w("tbl") if tag.prefix == "tr" else w("tr")))
        return ("", element)

    def _blocks(self, tags: list[Tag]) -> None:
        stack: list[_Block] = []
        self.crossed: list[_Block] = []  # blocks closed early by a crossing end tag; their own end is no new finding
        top_names: dict[str, Any] = {}
        for tag in tags:
            if tag.kind == "{#":
                continue
            scope = self._scope(stack, top_names)
            if tag.kind == "{{":
                node = self._parse(tag, "{{" + tag.body + "}}")
                if node is not None:
                    self._expressions(tag, node, scope)
                continue
            word = tag.word
            if word in OPENERS or (word == "set" and "=" not in tag.body):
                stack.append(self._open(tag, word, scope))
            elif word in MIDDLES:
                self._middle(tag, word, stack, scope)
            elif word.startswith("end") and word[3:] in OPENERS | {"set"}:
                self._close(tag, word[3:], stack)
            elif word == "set":
                node = self._parse(tag, "{%" + tag.body + "%}")
                if node is not None:
                    self._expressions(tag, node, scope)
                    for assign in node.find_all(_nodes().Assign):
                        for target in assign.target.find_all(_nodes().Name):
                            (stack[-1].names if stack else top_names)[target.name] = ANY
            elif word in CELL_TAGS:
                self._cell_tag(tag, word, scope)
            elif word in UNSUPPORTED:
                self.finding(tag.paragraph, f"{_shown(tag.text)}: taggen `{word}` fungerar inte i reporters mallar "
                                            "(mallen kan inte hämta andra filer)")
            elif not word:
                self.finding(tag.paragraph, f"{_shown(tag.text)} är tom eller börjar inte med ett ord (som if, for, endif)")
            else:
                hint = " (skriv {%p …%} utan mellanslag efter %)" if word in PREFIXES else _suggest(word, KNOWN_TAGS)
                self.finding(tag.paragraph, f"okänd tagg `{word}` i {_shown(tag.text)}{hint}")
        for block in reversed(stack):
            self.finding(block.tag.paragraph, f"{_shown(block.tag.text)} stängs aldrig; lägg till "
                                              f"{_end_tag(block)} där blocket ska sluta")

    def _scope(self, stack: list[_Block], top_names: dict[str, Any]) -> dict[str, Any]:
        scope = dict(self.names)
        scope.update(top_names)
        for block in stack:
            scope.update(block.names)
        return scope

    def _open(self, tag: Tag, word: str, scope: dict[str, Any]) -> _Block:
        block = _Block(word, tag, self._level(tag))
        if word == "raw":
            return block
        end = "endset" if word == "set" else f"end{word}"
        node = self._parse(tag, "{%" + tag.body + "%}{% " + end + " %}")
        if node is None:
            return block
        nodes = _nodes()
        head = node.body[0] if node.body else None
        if isinstance(head, nodes.For):
            element = _element(self._infer(tag, head.iter, scope))
            targets = [head.target] if isinstance(head.target, nodes.Name) else list(head.target.find_all(nodes.Name))
            for target in targets:
                block.names[target.name] = element if isinstance(head.target, nodes.Name) else ANY
            block.names["loop"] = LOOP
            if head.test is not None:
                self._infer(tag, head.test, {**scope, **block.names})
        elif isinstance(head, nodes.If):
            self._infer(tag, head.test, scope)
        elif isinstance(head, nodes.With):
            for target, value in zip(head.targets, head.values, strict=False):
                self._infer(tag, value, scope)
                for name in target.find_all(nodes.Name):
                    block.names[name.name] = ANY
        elif isinstance(head, nodes.Macro):
            scope[head.name] = ANY
            block.names.update({a.name: ANY for a in head.args} | {"caller": ANY, "varargs": ANY, "kwargs": ANY})
            for default in head.defaults:
                self._infer(tag, default, scope)
        elif isinstance(head, nodes.CallBlock):
            self._infer(tag, head.call, scope)
            block.names.update({a.name: ANY for a in head.args})
        elif isinstance(head, (nodes.FilterBlock, nodes.AssignBlock)):
            if getattr(head, "filter", None) is not None:
                self._infer(tag, head.filter, scope)
            if isinstance(head, nodes.AssignBlock):
                for name in head.target.find_all(nodes.Name):
                    block.names[name.name] = ANY
        return block

    def _middle(self, tag: Tag, word: str, stack: list[_Block], scope: dict[str, Any]) -> None:
        if word == "else" and tag.body.strip() != "else":
            self.finding(tag.paragraph, f"{_shown(tag.text)}: efter else får inget stå (skriv elif för ett nytt villkor)")
        elif word == "elif":
            node = self._parse(tag, "{% if true %}{%" + tag.body + "%}{% endif %}")
            if node is not None:
                self._infer(tag, node.body[0].elif_[0].test, scope)
        if not stack or stack[-1].word not in MIDDLES[word]:
            opened = " eller ".join(f"`{o}`" for o in MIDDLES[word])
            self.finding(tag.paragraph, f"{_shown(tag.text)} står utanför ett {opened}-block")
        else:
            self._same_level(tag, stack[-1])

    def _close(self, tag: Tag, word: str, stack: list[_Block]) -> None:
        if tag.body.strip() != f"end{word}":
            self.finding(tag.paragraph, f"{_shown(tag.text)}: efter end{word} får inget stå")
        if not stack or all(b.word != word for b in stack):
            crossed = next((b for b in self.crossed if b.word == word), None)
            if crossed is not None:
                self.crossed.remove(crossed)
            else:
                self.finding(tag.paragraph, f"{_shown(tag.text)} har inget `{word}` att stänga")
            return
        while stack[-1].word != word:
            inner = stack.pop()
            self.crossed.append(inner)
            self.finding(tag.paragraph, f"korsade block: {_shown(tag.text)} stänger `{word}` men "
                                        f"{_shown(inner.tag.text)} ({inner.tag.paragraph.place}) är fortfarande öppet; "
                                        f"stäng det först med {_end_tag(inner)}")
        self._same_level(tag, stack.pop())

    def _same_level(self, tag: Tag, block: _Block) -> None:
        opener = block.tag
        if id(tag) in self.misplaced or id(opener) in self.misplaced:
            return
        if opener.prefix != tag.prefix and {opener.prefix, tag.prefix} != {"", "r"}:
            self.finding(tag.paragraph, f"{_shown(tag.text)} hör till {_shown(opener.text)} ({opener.paragraph.part}, "
                                        f"{opener.paragraph.place}) men skrivs inte likadant; skriv {_end_tag(block)}")
        elif not _same(self._level(tag), block.level):
            advice = {
                "": "ett block utan p, tr eller tc måste börja och sluta i samma stycke; skriv {%p …%} i egna stycken "
                    "för att visa eller upprepa stycken",
                "r": "ett block utan p, tr eller tc måste börja och sluta i samma stycke",
                "p": "ett {%p …%}-block börjar och slutar i samma tabellcell eller båda utanför tabeller",
                "tr": "ett {%tr …%}-block börjar och slutar i samma tabell",
                "tc": "ett {%tc …%}-block börjar och slutar i samma tabellrad",
            }[opener.prefix]
            self.finding(tag.paragraph, f"{_shown(tag.text)} stänger {_shown(opener.text)} från {opener.paragraph.part}, "
                                        f"{opener.paragraph.place}; {advice}")

    def _cell_tag(self, tag: Tag, word: str, scope: dict[str, Any]) -> None:
        rest = tag.body.strip()[len(word):]
        if word in ("vm", "hm"):
            if rest.strip():
                self.finding(tag.paragraph, f"{_shown(tag.text)}: efter {word} får inget stå")
            return
        node = self._parse(tag, "{{" + rest + "}}")
        if node is not None:
            self._expressions(tag, node, scope)

    # parsing and names ----------------------------------------------------------------------

    def _parse(self, tag: Tag, source: str):
        from jinja2 import TemplateSyntaxError

        try:
            return _parsed(source)
        except TemplateSyntaxError as exc:
            self.finding(tag.paragraph, f"{_shown(tag.text)} går inte att läsa: {_syntax_message(exc.message or '')}")
            return None

    def _expressions(self, tag: Tag, node, scope: dict[str, Any]) -> None:
        nodes = _nodes()
        for output in node.find_all(nodes.Output):
            for expression in output.nodes:
                if not isinstance(expression, nodes.TemplateData):
                    self._infer(tag, expression, scope)
        for assign in node.find_all(nodes.Assign):
            self._infer(tag, assign.node, scope)

    def _infer(self, tag: Tag, node, scope: dict[str, Any]):
        """The type of an expression; each unknown name, attribute or filter becomes a finding."""
        nodes = _nodes()
        if isinstance(node, nodes.Name):
            if node.name in scope:
                if node.name == "texter":
                    self.uses_texts = True
                return scope[node.name]
            if node.name in self.appendix_names:
                self.finding(tag.paragraph, f"`{node.name}` i {_shown(tag.text)} finns bara i bilagornas mallar")
            elif node.name not in JINJA_GLOBALS and node.name not in self.env.globals:
                self.finding(tag.paragraph, f"okänt namn `{node.name}` i {_shown(tag.text)}{_suggest(node.name, scope)}")
            return ANY
        if isinstance(node, nodes.Getattr):
            return self._attribute(tag, node.node, node.attr, scope)
        if isinstance(node, nodes.Getitem):
            self._infer(tag, node.arg, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._attribute(tag, node.node, node.arg.value, scope)
            base = self._infer(tag, node.node, scope)
            return _item(base, node.arg.value if isinstance(node.arg, nodes.Const) else None)
        if isinstance(node, (nodes.Filter, nodes.Test)):
            if node.node is not None:
                self._infer(tag, node.node, scope)
            for child in list(node.args) + [k.value for k in node.kwargs] + [node.dyn_args, node.dyn_kwargs]:
                if child is not None:
                    self._infer(tag, child, scope)
            known = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
            if node.name not in known:
                what = "filter" if isinstance(node, nodes.Filter) else "test"
                self.finding(tag.paragraph, f"okänt {what} `{node.name}` i {_shown(tag.text)}{_suggest(node.name, known)}")
                return ANY
            return _returns(known[node.name]) if isinstance(node, nodes.Filter) else bool
        if isinstance(node, nodes.Const):
            return type(node.value)
        if isinstance(node, nodes.List):
            kinds = [self._infer(tag, item, scope) for item in node.items]
            return types.GenericAlias(list, (kinds[0],)) if kinds and all(k == kinds[0] for k in kinds) and kinds[0] is not ANY else list
        if isinstance(node, nodes.Concat):
            for child in node.nodes:
                self._infer(tag, child, scope)
            return str
        for child in node.iter_child_nodes():
            self._infer(tag, child, scope)
        return ANY

    def _attribute(self, tag: Tag, base_node, name: str, scope: dict[str, Any]):
        base = self._infer(tag, base_node, scope)
        if name.startswith("_"):
            self.finding(tag.paragraph, f"`{name}` i {_shown(tag.text)}: namn som börjar med _ är inte tillåtna i mallar")
            return ANY
        known, kind, candidates = _attribute(base, name)
        if not known:
            self.finding(tag.paragraph, f"`{_path(base_node)}` har inget `{name}` i {_shown(tag.text)}{_suggest(name, candidates)}")
        return kind


def _returns(function):
    try:
        return typing.get_type_hints(function).get("return", ANY)
    except Exception:  # noqa: BLE001 - Jinja's own filters carry no usable hints
        return ANY


def _path(node) -> str:
    """``ekonomi.periodens_resultat``: an expression as written, for messages."""
    nodes = _nodes()
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_path(node.node)}[{node.arg.value!r}]"
    if isinstance(node, nodes.Filter):
        return f"{_path(node.node)}|{node.name}"
    return "värdet"


def _end_tag(block: _Block) -> str:
    prefix = block.tag.prefix
    return "{%" + (prefix + " " if prefix else " ") + ("end" + block.word) + " %}"


def _same(one: tuple, other: tuple) -> bool:
    return one[0] == other[0] and one[1] is other[1]


def _ancestor(element, tag: str):
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


@functools.lru_cache(maxsize=1)
def _nodes():
    from jinja2 import nodes

    return nodes


_TOKENS = {
    "end of print statement": "}}", "end of statement block": "%}", "end of template": "slutet av taggen",
    "name": "ett namn", "string": "en text", "integer": "ett tal", "float": "ett tal", "comma": "komma", "colon": "kolon",
    "rparen": ")", "lparen": "(", "rbracket": "]", "lbracket": "[", "rbrace": "}", "lbrace": "{", "pipe": "|",
    "dot": "punkt", "assign": "=", "in": "in",
}


def _syntax_message(message: str) -> str:
    """Jinja's syntax messages in Swedish, the common ones; others quoted as they are."""
    match = re.match(r"expected token '([^']*)', got '([^']*)'", message)
    if match:
        expected, got = (_TOKENS.get(m, f"”{m}”") for m in match.groups())
        return f"väntade {expected} men fick {got}"
    match = re.match(r"unexpected '([^']*)', expected '([^']*)'", message)
    if match:
        got, expected = (_TOKENS.get(m, m if len(m) <= 2 else f"”{m}”") for m in match.groups())
        return f"väntade {expected} men fick {got}"
    match = re.match(r"unexpected char '(.*)' at \d+", message)
    if match:
        return f"tecknet {match.group(1)} kan inte stå här"
    if message.startswith("unexpected end of template"):
        return "taggen tar slut för tidigt (saknas ett villkor, en parentes eller ett citattecken?)"
    match = re.match(r"unexpected '(.*)'", message)
    if match:
        return f"{_TOKENS.get(match.group(1), match.group(1))} kan inte stå här"
    if message.startswith("expected name or number"):
        return "väntade ett namn eller tal"
    if "is not a valid" in message or "can't assign to" in message:
        return "det går inte att sätta ett värde så här"
    return f"Jinja: {message}"


@functools.lru_cache(maxsize=4096)
def _parsed(source: str):
    """One tag's source parsed by Jinja: the tree is only read, so a tag met again (the same template checked
    again, or a tag that many templates share) is not parsed again. A syntax error is raised each time."""
    return _environment().parse(source)


@functools.lru_cache(maxsize=1)
def _environment():
    """The environment templates are rendered with, made once: tags are parsed with it and names looked up in it
    (its filters, tests and globals), never changed."""

    return jinja_environment()
