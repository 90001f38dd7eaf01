"""docs/mallar.md is written from the template contract and the filters, so it cannot drift."""

from __future__ import annotations

import re
import typing

from conftest import EXAMPLE, ROOT

from reporter.context import DESCRIPTIONS, AppendixContext, CoverContext, DelarsrapportContext
from reporter.formatting import FILTERS
from reporter.guide import FILTER_GUIDE, GUIDE, PICTURES, guide


def test_the_guide_is_the_one_the_code_writes(file_regression):
    """After a change to the contract or the filters: `pytest tests/test_guide.py --force-regen` and review docs/mallar.md."""
    file_regression.check(guide(EXAMPLE), fullpath=ROOT / GUIDE, encoding="utf-8")


def test_every_name_and_filter_has_its_words():
    contexts = (AppendixContext, CoverContext, DelarsrapportContext)
    assert set(DESCRIPTIONS) == set().union(*(typing.get_type_hints(context) for context in contexts))
    assert list(FILTER_GUIDE) == list(FILTERS)


def test_the_guide_shows_names_types_examples_and_filters():
    text = (ROOT / GUIDE).read_text(encoding="utf-8")
    assert "| `period` | [Month](#month) | `2021-03` | rapportmånaden |" in text
    assert "| `utfall` | tal eller tomt | `1799000.0` |" in text
    assert "`{{ ekonomi.divisioner_totalt.avvikelse\\|mnkr(1) }}` | 20,5 mnkr |" in text
    for name in typing.get_type_hints(AppendixContext):
        assert f"| `{name}` |" in text
    for name in FILTERS:
        assert f"| `{name}` |" in text


def test_the_pictures_are_there_and_shown():
    text = (ROOT / GUIDE).read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]+\]\(bilder/([^)]+)\)", text)
    assert sorted(shown) == sorted(PICTURES)
    for name in PICTURES:
        data = (ROOT / "docs" / "bilder" / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 200_000
