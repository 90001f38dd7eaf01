"""Fixtures: the bundled example period, and a fresh copy of it to change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "2021-03"
TEMPLATES = ROOT / "templates"


@pytest.fixture
def example_dir() -> Path:
    """The bundled example period, read only."""
    return EXAMPLE


@pytest.fixture
def period(tmp_path: Path) -> Path:
    """A copy of the bundled example period that a test may change."""
    target = tmp_path / "2021-03"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace folder with templates/ and an empty out/."""
    root = tmp_path / "arbetsyta"
    root.mkdir()
    shutil.copytree(TEMPLATES, root / "templates")
    return root
