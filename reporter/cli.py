"""The command line: a thin layer over the library. The only click importer.

Problems become grouped lines on stderr and an exit code; a user never sees
a traceback.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

EXIT_OK, EXIT_INVALID, EXIT_UNEXPECTED = 0, 1, 3


def _echo_problems(problems, heading: str) -> None:
    if not problems:
        return
    click.echo(heading, err=True)
    by_file: dict[str, list] = {}
    for problem in problems:
        by_file.setdefault(problem.where.file or "", []).append(problem)
    for file, items in by_file.items():
        if file:
            click.echo(f"  {file}", err=True)
        for problem in items:
            where = str(replace(problem.where, file=""))
            label = "FEL" if problem.is_error else "Varning"
            also = "".join(f" (även {o})" for o in problem.also)
            click.echo(f"    {label}: {where + ': ' if where else ''}{problem.message}{also}", err=True)


def _fail(exc) -> None:
    errors = exc.errors
    _echo_problems(exc.problems, f"Det finns {len(errors)} fel som måste rättas:" if len(errors) != 1 else "Det finns 1 fel som måste rättas:")
    sys.exit(EXIT_INVALID)


@click.group()
@click.version_option(package_name="reporter")
def main() -> None:
    """Bygger Regiondirektörens rapport och dess bilagor från periodens indata."""


@main.command()
@click.argument("period_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), help="Utmapp (standard: out/).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False), help="Mallmapp (standard: templates/).")
def build(period_dir: Path | None, out_dir: Path | None, templates_dir: Path | None) -> None:
    """Bygg rapporten för en period (standard: senaste perioden i inputs/)."""
    from . import build as build_report
    from .errors import ReporterError

    try:
        result = _guard(lambda: build_report(period_dir, out_dir, templates_dir))
    except ReporterError as exc:
        _fail(exc)
    _echo_problems(result.warnings, "Varningar:")
    for path in result.files:
        click.echo(f"Skrev {path}")


@main.command()
@click.argument("period_dir", type=click.Path(path_type=Path, file_okay=False))
def validate(period_dir: Path) -> None:
    """Kontrollera en periodmapp utan att bygga något."""
    from . import validate as validate_period
    from .errors import ReporterError

    try:
        checked = _guard(lambda: validate_period(period_dir))
    except ReporterError as exc:
        _fail(exc)
    if checked.errors:
        _echo_problems(checked.problems, f"{period_dir}: {len(checked.errors)} fel, {len(checked.warnings)} varningar")
        sys.exit(EXIT_INVALID)
    _echo_problems(checked.warnings, "Varningar:")
    click.echo(f"{period_dir}: inga fel – perioden kan byggas.")


def _guard(action):
    """Run an action; an unexpected failure becomes a short message, not a traceback."""
    from .errors import ReporterError

    try:
        return action()
    except ReporterError:
        raise
    except Exception as exc:  # noqa: BLE001 - the user must never see a traceback
        click.echo(f"Oväntat fel ({type(exc).__name__}): {exc}", err=True)
        click.echo("Detta är ett fel i reporter, inte i indata. Kör med REPORTER_DEBUG=1 för detaljer.", err=True)
        if os.environ.get("REPORTER_DEBUG"):
            raise
        sys.exit(EXIT_UNEXPECTED)
