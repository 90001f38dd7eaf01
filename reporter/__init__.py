"""reporter: builds Regiondirektörens rapport from a period's input workbooks.

The public API: :func:`build` a period into ``out/``, :func:`validate` a
period folder, :func:`check_templates` the Word templates. All report
problems as located :class:`Problem` values.
"""

from __future__ import annotations

from pathlib import Path

from .changes import compare_folders
from .errors import Location, Problem, ReporterError, Severity

__version__ = "0.1.0"


def build(
    period_dir: Path | None = None,
    out_dir: Path | None = None,
    templates_dir: Path | None = None,
    workspace: Path | None = None,
    pdf: bool = False,
    soffice: Path | None = None,
    progress=None,
    pdf_seconds: float | None = None,
    strict: bool = False,
):
    """Build the report and its appendices; see :func:`reporter.pipeline.build`. ``strict``: any warning stops it, nothing is written."""
    from .pipeline import build as _build

    return _build(period_dir, out_dir, templates_dir, workspace, pdf, soffice, progress, pdf_seconds, strict)


def validate(period_dir: Path, strict: bool = False):
    """Read and check a period folder without writing anything; returns the findings. ``strict``: every warning is an error."""
    from .pipeline import check

    return check(period_dir, strict=strict)


def status(period_dir: Path):
    """What has come in for a period: division × workbook kind, texts, buildable."""
    from .pipeline import check
    from .submissions import status as _status

    return _status(check(period_dir))


def check_templates(template: str | None = None, templates_dir: Path | None = None, workspace: Path | None = None):
    """Check every template (or one, by name or path) against the template contract, without building.

    Returns the templates checked and every finding; see :mod:`reporter.templatecheck`.
    """
    from .pipeline import check_templates as _check

    return _check(template, templates_dir, workspace)


def verify(package: Path, period_dir: Path | None = None, templates_dir: Path | None = None):
    """Rebuild a package from the inputs its manifest names and compare; see :mod:`reporter.verification`."""
    from .verification import verify as _verify

    return _verify(package, period_dir, templates_dir)


def scaffold(period_dir: Path, period, division: str | None = None, rapport: str | None = None, source: Path | None = None):
    """Write the inputs of a period, carried from the previous one when there is one (never overwriting); see :mod:`reporter.blank`."""
    from .blank import scaffold as _scaffold

    return _scaffold(period_dir, period, division, rapport, source)


__all__ = [
    "Location", "Problem", "ReporterError", "Severity", "build", "check_templates", "compare_folders", "scaffold", "status", "validate",
    "verify",
    "__version__",
]
