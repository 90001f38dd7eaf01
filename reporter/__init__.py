"""reporter: builds Regiondirektörens rapport from a period's input workbooks.

The public API: :func:`build` a period into ``out/``, :func:`validate` a
period folder. Both report problems as located :class:`Problem` values.
"""

from __future__ import annotations

from pathlib import Path

from .errors import Location, Problem, ReporterError, Severity

__version__ = "0.1.0"


def build(period_dir: Path | None = None, out_dir: Path | None = None, templates_dir: Path | None = None, workspace: Path | None = None):
    """Build the report of a period; see :func:`reporter.pipeline.build`."""
    from .pipeline import build as _build

    return _build(period_dir, out_dir, templates_dir, workspace)


def validate(period_dir: Path):
    """Read and check a period folder without writing anything; returns the findings."""
    from .pipeline import check

    return check(period_dir)


__all__ = ["Location", "Problem", "ReporterError", "Severity", "build", "validate", "__version__"]
