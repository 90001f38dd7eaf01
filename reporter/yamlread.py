"""YAML read strictly, for ``rapport.yaml``: what was written is what is read.

YAML quietly turns some plain values into other types and drops a key written
twice. Here:

- a key written twice in one mapping is a finding naming both lines;
- a plain (unquoted) value that YAML reads as a truth value, a number or a
  date is kept as :class:`Plain`, with the text as written, its line and the
  value YAML made of it; where text is meant, :func:`as_text` accepts it only
  when the text would be printed as written (``0.26``, ``2021-04-13``) and
  otherwise says what YAML read and how to quote it (``1.10`` → 1.1,
  ``0012`` → 10, ``NO`` → false);
- aliases (``*namn``) are refused: a small file could expand without bound.

The whole text is NFC before it is parsed: keys and values alike.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

_PLAIN_TAGS = (
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
)


@dataclass(frozen=True)
class Plain:
    """An unquoted value YAML read as another type than text: as written, where, and what YAML made of it."""

    text: str
    value: Any
    line: int

    def __str__(self) -> str:
        return self.text

    @property
    def same_as_written(self) -> bool:
        """True when taking YAML's value as text gives back exactly what was written (``0.26``, ``12``, ``2021-04-13``)."""
        return not isinstance(self.value, bool) and str(self.value) == self.text

    def explained(self) -> str:
        """What YAML made of the value and how to write it as text, in Swedish."""
        value = self.value
        quoted = f"skriv värdet inom citattecken: \"{self.text}\""
        if isinstance(value, bool):
            return f"YAML läser {self.text} som ett ja/nej-värde ({'sant' if value else 'falskt'}), inte som texten {self.text}; {quoted}"
        if isinstance(value, (int, float)):
            read = f"talet {value}"
        elif isinstance(value, dt.datetime):
            read = f"tidpunkten {value}"
        else:
            read = f"datumet {value}"
        return f"YAML läser {self.text} som {read}, så rapporten skulle visa {value} i stället för {self.text}; {quoted}"


def unwrap(value: Any) -> Any:
    """The value YAML made of a :class:`Plain`; anything else as it is."""
    return value.value if isinstance(value, Plain) else value


class StrictLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases; truth values, numbers and dates kept with their text (:class:`Plain`)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="alias (*namn) används inte i rapport.yaml; skriv ut värdet", problem_mark=event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        # A key is the text written: `yes:` is the key "yes", not True.
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            mapping = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else self.construct_object(key_node, deep=deep)
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping
        return super().construct_mapping(node, deep)


def _keep_text(original):
    def construct(loader: StrictLoader, node: yaml.ScalarNode) -> Any:
        value = original(loader, node)
        if node.style is None and node.tag in _PLAIN_TAGS:
            return Plain(node.value, value, node.start_mark.line + 1)
        return value

    return construct


for _tag in _PLAIN_TAGS:
    StrictLoader.add_constructor(_tag, _keep_text(yaml.SafeLoader.yaml_constructors[_tag]))
StrictLoader.add_constructor("tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Duplicate:
    """A key written twice in one mapping: its key path and both lines (1-based)."""

    path: str
    first: int
    second: int


def _duplicates(node: yaml.Node | None, path: str) -> list[Duplicate]:
    found: list[Duplicate] = []
    if isinstance(node, yaml.MappingNode):
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
            here = f"{path}.{key}" if path else key
            line = key_node.start_mark.line + 1
            if key in lines:
                found.append(Duplicate(here, lines[key], line))
            lines[key] = line
            found += _duplicates(value_node, here)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, 1):
            found += _duplicates(item, f"{path}[{number}]")
    return found


def load_strictly(text: str) -> tuple[Any, list[Duplicate]]:
    """The document in ``text`` (NFC first), and every key written twice. Raises :class:`yaml.YAMLError`."""
    loader = StrictLoader(unicodedata.normalize("NFC", text))
    try:
        node = loader.get_single_node()
        duplicates = _duplicates(node, "")
        document = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return document, duplicates
