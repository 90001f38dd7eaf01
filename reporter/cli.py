"""The command line: a thin layer over the library. The only click importer.

Problems become grouped lines on stderr and an exit code; a user never sees
a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_UNEXPECTED = 0, 1, 2, 3

# click's own words (usage, help, its error messages), in Swedish: all the command line says is Swedish.
SWEDISH = {
    "Usage:": "Användning:",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "Missing argument": "Argument saknas",
    "Missing option": "Flagga saknas",
    "Missing parameter": "Värde saknas",
    "Missing {param_type}": "{param_type} saknas",
    "Missing parameter: {param_name}": "Värde saknas: {param_name}",
    "Missing command.": "Ange ett kommando.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "No such option {name!r}.": "Flaggan {name!r} finns inte.",
    "Option {name!r} does not take a value.": "Flaggan {name!r} tar inget värde.",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Aborted!": "Avbrutet.",
    "required": "krävs",
    "default: {default}": "standard: {default}",
    "file": "fil",
    "directory": "mapp",
    "path": "sökväg",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "{name} {filename!r} is a file.": "{name} {filename!r} är en fil, inte en mapp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} är en mapp, inte en fil.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} går inte att läsa.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} går inte att skriva till.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} går inte att köra.",
    "Got unexpected extra argument ({args})": "Oväntat extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Oväntade extra argument ({args})",
    "Did you mean {possibility}?": "Menade du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Menade du någon av: {possibilities}?)",
    "Option {name!r} requires an argument.": "Flaggan {name!r} behöver ett värde.",
    "Option {name!r} requires {nargs} arguments.": "Flaggan {name!r} behöver {nargs} värden.",
    "{value!r} is not a valid {number_type}.": "{value!r} är inget giltigt {number_type}.",
}
HELP = {"help_option_names": ["-h", "--help"]}  # -h works everywhere


def _swedish(message: str) -> str:
    return SWEDISH.get(message, message)


def _swedish_plural(singular: str, plural: str, count: int) -> str:
    return _swedish(singular if count == 1 else plural)


def _install_swedish() -> None:
    """Have click speak Swedish: its modules look up their words through gettext at the moment they speak."""
    import importlib

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            setattr(module, "_", _swedish)  # noqa: B010 - the module's own name for gettext
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", _swedish_plural)  # noqa: B010


_install_swedish()
STRICT_HELP = "Varje varning som inte är bekräftad räknas som fel (versionen till styrelsen); bygget skriver då ingenting."
EXIT_INTERRUPTED = 130  # as a shell reports a program stopped with Ctrl-C


class Stopped(BaseException):
    """The process was asked to stop (SIGTERM): unwind like Ctrl-C, so that children and temporary folders end too."""


def _stop_on_term(*_args) -> None:
    raise Stopped()


def _echo_problems(problems, heading: str, err: bool = True) -> None:
    """Problems grouped by file; on stderr, or with ``err=False`` on stdout (validate's findings are its output)."""
    if not problems:
        return
    click.echo(heading, err=err)
    by_file: dict[str, list] = {}
    for problem in problems:
        by_file.setdefault(problem.where.file or "", []).append(problem)
    for file, items in by_file.items():
        if file:
            click.echo(f"  {file}", err=err)
        for problem in items:
            where = str(replace(problem.where, file=""))
            label = "FEL" if problem.is_error else "Varning"
            also = "".join(f" (även {o})" for o in problem.also)
            click.echo(f"    {label}: {where + ': ' if where else ''}{problem.message}{also}", err=err)


def _quiet_stdout() -> None:
    """Send what is left for stdout nowhere (the pipe may be gone), so that exiting prints no second error."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _fail(exc) -> None:
    errors = exc.errors
    _echo_problems(exc.problems, f"Det finns {len(errors)} fel som måste rättas:" if len(errors) != 1 else "Det finns 1 fel som måste rättas:")
    sys.exit(EXIT_INVALID)


class _Guarded(click.Group):
    """Every command runs guarded: problems become lines and exit 1, anything
    unexpected a short message and exit 3 – never a traceback."""

    def invoke(self, ctx: click.Context):
        import signal

        from .errors import ReporterError

        try:
            previous = signal.signal(signal.SIGTERM, _stop_on_term)
        except (ValueError, OSError):  # not the main thread (a test runner): leave it
            previous = None
        try:
            return super().invoke(ctx)
        except ReporterError as exc:
            _fail(exc)
        except (KeyboardInterrupt, Stopped):
            _quiet_stdout()
            click.echo("Avbrutet. Inget nytt skrevs; förra paketet är orört.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            _quiet_stdout()  # the reader of our output (| head) has gone: say nothing more there
            click.echo("Utskriften avbröts: programmet som tog emot den stängde.", err=True)
            sys.exit(EXIT_INVALID)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, GeneratorExit):
            raise
        except MemoryError:
            click.echo("Minnet tog slut. Stäng andra program och försök igen, eller bygg på en dator med mer minne.", err=True)
            sys.exit(EXIT_INVALID)
        except OSError as exc:  # the machine's problem, not the inputs' and not reporter's: say which file
            where = f" {exc.filename}" if exc.filename else ""
            click.echo(f"Filen eller mappen{where} går inte att använda: {exc.strerror or exc}.", err=True)
            sys.exit(EXIT_INVALID)
        except BaseException as exc:  # noqa: BLE001 - the user must never see a traceback (a native panic is a BaseException)
            if os.environ.get("REPORTER_DEBUG"):
                raise
            click.echo(f"Oväntat fel ({type(exc).__name__}): {exc}", err=True)
            click.echo("Detta är ett fel i reporter, inte i indata. Kör med REPORTER_DEBUG=1 för detaljer.", err=True)
            sys.exit(EXIT_UNEXPECTED)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=_Guarded, context_settings=HELP, options_metavar="[FLAGGOR]", subcommand_metavar="KOMMANDO [ARGUMENT]...")
@click.version_option(package_name="reporter", message="%(prog)s, version %(version)s")
def main() -> None:
    """Bygger Regiondirektörens rapport och dess bilagor från periodens indata."""


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="[PERIODMAPP]", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), help="Utmapp (standard: out/).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False), help="Mallmapp (standard: templates/).")
@click.option("--pdf", is_flag=True, help="Gör även PDF av varje dokument och en samlad PDF (kräver LibreOffice).")
@click.option("--soffice", type=click.Path(path_type=Path, dir_okay=False), help="Sökväg till LibreOffice soffice (standard: från PATH).")
@click.option("--strikt", "strict", is_flag=True, help=STRICT_HELP)
def build(period_dir: Path | None, out_dir: Path | None, templates_dir: Path | None, pdf: bool, soffice: Path | None, strict: bool) -> None:
    """Bygg rapporten och bilagorna för en period (standard: senaste perioden i inputs/)."""
    from . import build as build_report

    result = build_report(period_dir, out_dir, templates_dir, pdf=pdf, soffice=soffice, progress=lambda line: click.echo(line, err=True), strict=strict)
    _echo_problems(result.warnings, "Varningar:")
    for path in result.files:
        click.echo(f"Skrev {path}")


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="PERIODMAPP", type=click.Path(path_type=Path, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON på stdout.")
@click.option("--strikt", "strict", is_flag=True, help=STRICT_HELP)
def validate(period_dir: Path, as_json: bool, strict: bool) -> None:
    """Kontrollera en periodmapp utan att bygga något.

    Slutkod 0 när perioden kan byggas, 1 vid fel, 2 när indata inte alls kan läsas.
    """
    from . import validate as validate_period

    checked = validate_period(period_dir, strict=strict)
    code = EXIT_UNREADABLE if not checked.readable else EXIT_INVALID if checked.errors else EXIT_OK
    if as_json:
        click.echo(json.dumps(_findings(checked, code), ensure_ascii=False, indent=2))
        sys.exit(code)
    if checked.errors:
        _echo_problems(checked.problems, f"{period_dir}: {len(checked.errors)} fel, {len(checked.warnings)} varningar", err=False)
        if not checked.readable and period_dir.is_dir():
            click.echo("Arbetsböckerna kontrolleras när rapport.yaml går att läsa (period och organisation behövs).")
        sys.exit(code)
    _echo_problems(checked.warnings, f"{period_dir}: {len(checked.warnings)} varningar", err=False)
    click.echo(f"{period_dir}: inga fel – perioden kan byggas.")


def _findings(checked, code: int) -> dict:
    names = {"file": "fil", "sheet": "blad", "cell": "cell", "key": "nyckel", "part": "del", "place": "plats"}

    def place(location) -> dict:
        return {names[k]: v for k, v in vars(location).items() if v}

    return {
        "period_dir": str(checked.period_dir),
        "kan_byggas": code == EXIT_OK,
        "slutkod": code,
        "fel": len(checked.errors),
        "varningar": len(checked.warnings),
        "problem": [
            {
                "allvarlighet": p.severity.value,
                "meddelande": p.message,
                **place(p.where),
                **({"division": p.division} if p.division else {}),
                **({"även": [place(o) for o in p.also]} if p.also else {}),
            }
            for p in checked.problems
        ],
    }


def _echo_table(header: list[str], rows: list[list[str]]) -> None:
    """A plain text table: columns as wide as their widest cell, a rule under the header."""
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for number, row in enumerate(table):
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())
        if number == 0:
            click.echo("  ".join("-" * width for width in widths))


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="PERIODMAPP", type=click.Path(path_type=Path, file_okay=False))
def status(period_dir: Path) -> None:
    """Visa vad som har kommit in för perioden: division × arbetsbok, texter."""
    from . import status as period_status

    state = period_status(period_dir)
    click.echo(f"Period {state.period} ({period_dir})")
    click.echo("")
    _echo_table(["Division", *state.kinds], [[owner, *(str(cells[k]) for k in state.kinds)] for owner, cells in state.rows])
    if state.other_files:
        listed = ", ".join(name + (f" (ogiltig, {count} fel)" if count else "") for name, count in state.other_files)
        click.echo(f"Filer utan rader för någon division: {listed}")
    for name, file, count in state.unknown:
        click.echo(f"Rader med okänd division '{name}' i {file}: {count} fel")
    if state.left_out:
        click.echo("Rader för andra divisioner (utelämnade): " + ", ".join(f"{sheet} {count}" for sheet, count in state.left_out.items()))
    if state.interim:
        click.echo("")
        click.echo("Divisionernas delårsrapporter:")
        _echo_table(
            ["Bilaga", "Division", "Mapp", "Period", "Läge", "Texter som saknas"],
            [[str(i.nummer), i.division, i.folder, i.period or "–", str(i), ", ".join(i.texts_missing) or "inga"] for i in state.interim],
        )
    click.echo("")
    click.echo("Texter: " + ", ".join(f"{name} {state_}" for name, state_ in state.texts.items()))
    written = [name for name, state_ in state.analyses.items() if state_ == "finns"]
    click.echo(f"Analystexter (valfria): {', '.join(written) if written else 'inga'} av {len(state.analyses)} möjliga")
    click.echo("")
    if state.buildable:
        warnings = f" ({state.warnings} varningar, se reporter validate; med --strikt stoppar de bygget)" if state.warnings else ""
        click.echo(f"Perioden kan byggas{warnings}.")
        if state.without_rows:
            by_kind: dict[str, list[str]] = {}
            for owner, kind in state.without_rows:
                by_kind.setdefault(kind, []).append(owner)
            listed = "; ".join(f"{kind}: {', '.join(owners)}" for kind, owners in by_kind.items())
            click.echo(f"Utan rader, och därför inte med i rapportens tabeller: {listed}.")
    else:
        _echo_obstacles(state, period_dir)
    sys.exit(EXIT_OK if state.buildable else EXIT_INVALID)


OBSTACLES_SHOWN = 40  # lines of errors status shows; validate shows them all


def _echo_obstacles(state, period_dir: Path) -> None:
    """What stands in the way of a build: each error, grouped by division (or file), and what is missing."""
    missing = "; ".join(f"{owner}: {kind}" for owner, kind in state.missing)
    click.echo(f"Perioden kan inte byggas: {state.errors} fel" + (f", saknas: {missing}" if missing else "") + ".")
    shown = 0
    for owner, problems in state.obstacles:
        click.echo(f"  {owner}")
        for problem in problems:
            if shown == OBSTACLES_SHOWN:
                break
            click.echo(f"    {problem}")
            shown += 1
    if state.errors > shown:
        click.echo(f"  … och {state.errors - shown} fel till.")
    click.echo(f"Kör reporter validate {period_dir} för att se alla fel med var de finns.")


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="PERIODMAPP", type=click.Path(path_type=Path, file_okay=False))
@click.option("--period", "period_text", required=True, metavar="ÅÅÅÅ-MM", help="Perioden, t.ex. 2021-04.")
@click.option("--division", help="Gör en arbetsbok per slag för en division, med divisionen ifylld.")
@click.option(
    "--rapport", type=click.Choice(["manadsrapport", "delarsrapport"]),
    help="Vilken rapport mappen är för (standard: det rapport.yaml säger; en mapp i delarsrapporter/ är en delårsrapport).",
)
def scaffold(period_dir: Path, period_text: str, division: str | None, rapport: str | None) -> None:
    """Skapa tomma indata för en period: rapport.yaml, arbetsböcker och texter.

    Med --rapport delarsrapport och --division: en divisions delårsrapport, med divisionens egna
    arbetsböcker och texter. Befintliga filer skrivs aldrig över.
    """
    from . import scaffold as make
    from .errors import ReporterError, error
    from .values import ValueProblem, parse_month

    try:
        period = parse_month(period_text)
    except ValueProblem:
        raise ReporterError(error(f"--period '{period_text}' är ingen månad; skriv t.ex. 2021-04")) from None
    made = make(period_dir, period, division, rapport)
    for path in made.written:
        click.echo(f"Skrev {path}")
    for path in made.kept:
        click.echo(f"Finns redan, orörd: {path}")
    click.echo(f"Fyll i filerna och kontrollera dem med: reporter validate {period_dir}")


@main.command(options_metavar="[FLAGGOR]")
@click.argument("mall", metavar="[MALL]", required=False)
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False), help="Mallmapp (standard: templates/).")
def mallar(mall: str | None, templates_dir: Path | None) -> None:
    """Kontrollera mallarna mot mallkontraktet utan att bygga: alla, eller MALL (namn eller sökväg).

    Visar varje fel med mall, del, stycke eller tabellcell och taggen. Slutkod 0 utan fel, 1 med fel.
    """
    from . import check_templates

    result = check_templates(mall, templates_dir)
    if result.problems:
        count = len(result.problems)
        _echo_problems(result.problems, f"Det finns {count} fel i mallarna:" if count != 1 else "Det finns 1 fel i mallarna:")
        sys.exit(EXIT_INVALID)
    names = ", ".join(t.name for t in result.templates)
    click.echo(f"Inga fel i {len(result.templates)} {'mall' if len(result.templates) == 1 else 'mallar'}: {names}")


@main.command(options_metavar="[FLAGGOR]")
@click.argument("package", metavar="PAKET", type=click.Path(path_type=Path, file_okay=False))
@click.option("--inputs", "period_dir", type=click.Path(path_type=Path, file_okay=False), help="Periodmappen (standard: den manifestet anger).")
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False), help="Mallmappen (standard: den manifestet anger).")
def verify(package: Path, period_dir: Path | None, templates_dir: Path | None) -> None:
    """Bygg om ett paket (t.ex. out/2021-03) från indata i manifestet och jämför varje fil."""
    from . import verify as verify_package

    result = verify_package(package, period_dir, templates_dir)
    changed = [(name, finding) for name, finding in result.inputs if finding != "stämmer"]
    for name, finding in changed:
        click.echo(f"  indata {name}: {finding}")
    for name, finding in result.outputs:
        click.echo(f"  {name}: {finding}")
    compared = sum(1 for _, finding in result.outputs if finding == "stämmer")
    if result.ok:
        click.echo(f"{package}: alla {compared} jämförda filer stämmer med manifestet.")
    else:
        click.echo(f"{package}: paketet stämmer inte med manifestet (se ovan).", err=True)
        sys.exit(EXIT_INVALID)
