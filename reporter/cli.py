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
from typing import Any

import click

import reporter as api  # the library, looked up at each call (tests stand in for its functions)

from .causes import Cause, by_cause, plural, thousands
from .changes import LISTED, compare_folders, summary
from .commands.scaffold import scaffold_report
from .errors import ReporterError
from .findings_workbook import write_findings
from .kinds import REPORTS
from .pipeline import PeriodFolderMissing, find_period_dir
from .values import ValueProblem, parse_month

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
EXIT_CLOSED_PIPE = 141  # as a shell reports a program whose reader closed the pipe (SIGPIPE)


class Stopped(BaseException):
    """The process was asked to stop (SIGTERM): unwind like Ctrl-C, so that children and temporary folders end too."""


def _stop_on_term(*_args) -> None:
    raise Stopped()


def _echo_problems(problems, heading: str, err: bool = True) -> None:
    """Problems grouped by file; on stderr, or with ``err=False`` on stdout (validate's findings are its output).

    Many findings of one cause (a copied workbook, a name misspelt on every row) are shown as the cause,
    named once, with their count and a few examples (reporter/causes.py).
    """
    if not problems:
        return
    click.echo(heading, err=err)
    by_file: dict[str, list] = {}
    for problem in problems:
        by_file.setdefault(problem.where.file or "", []).append(problem)
    for file, items in by_file.items():
        if file:
            click.echo(f"  {file}", err=err)
        for item in by_cause(items):
            label = "FEL" if item.is_error else "Varning"
            if isinstance(item, Cause):
                sheet = f"blad {item.sheet}: " if item.sheet else ""
                click.echo(f"    {label}: {sheet}{item.message}", err=err)
                count = plural(len(item.problems), "fel" if item.is_error else "varning", "fel" if item.is_error else "varningar")
                examples = item.examples()
                click.echo(f"      {count} av det slaget, t.ex.:", err=err)
                for line in examples:
                    click.echo(f"        {line}", err=err)
                rest = len(item.problems) - len(examples)
                if rest:
                    click.echo(f"        … och {thousands(rest)} till (alla: reporter validate --json, eller --xlsx FIL)", err=err)
                continue
            where = str(replace(item.where, file=""))
            also = "".join(f" (även {o})" for o in item.also)
            click.echo(f"    {label}: {where + ': ' if where else ''}{item.message}{also}", err=err)


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
    sys.exit(EXIT_UNREADABLE if isinstance(exc, PeriodFolderMissing) else EXIT_INVALID)


class _Guarded(click.Group):
    """Every command runs guarded: problems become lines and exit 1, anything
    unexpected a short message and exit 3 – never a traceback."""

    def invoke(self, ctx: click.Context):
        import signal

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
            _quiet_stdout()  # the reader of our output (| head) has gone and wanted no more: nothing more to say
            sys.exit(EXIT_CLOSED_PIPE)
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
@click.option(
    "--pdf-tidsgräns", "pdf_seconds", type=click.IntRange(min=1), metavar="SEKUNDER",
    help="Så länge LibreOffice får arbeta innan det stoppas (standard: 60 s och 5 s per dokument).",
)
@click.option("--strikt", "strict", is_flag=True, help=STRICT_HELP)
def build(
    period_dir: Path | None, out_dir: Path | None, templates_dir: Path | None, pdf: bool, soffice: Path | None, pdf_seconds: int | None, strict: bool
) -> None:
    """Bygg rapporten och bilagorna för en period (standard: senaste perioden i inputs/)."""

    given: dict[str, Any] = {"pdf_seconds": pdf_seconds} if pdf_seconds else {}  # only when given: the library's standard otherwise
    result = api.build(
        period_dir, out_dir, templates_dir, pdf=pdf, soffice=soffice, progress=lambda line: click.echo(line, err=True), strict=strict, **given
    )
    _echo_problems(result.warnings, "Varningar:")
    if result.changes is not None:
        click.echo(f"Ändringar mot förra bygget i {result.out_dir}:")
        for line in summary(result.changes):
            click.echo(line)
    for path in result.files:
        click.echo(f"Skrev {path}")


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="PERIODMAPP", type=click.Path(path_type=Path, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON på stdout.")
@click.option("--xlsx", "xlsx", metavar="FIL", type=click.Path(path_type=Path, dir_okay=False),
              help="Skriv även varje fel och varning som en rad i en arbetsbok (öppnas i Excel), med länk till cellen.")
@click.option("--strikt", "strict", is_flag=True, help=STRICT_HELP)
def validate(period_dir: Path, as_json: bool, xlsx: Path | None, strict: bool) -> None:
    """Kontrollera en periodmapp utan att bygga något.

    Slutkod 0 när perioden kan byggas, 1 vid fel, 2 när indata inte alls kan läsas.
    """

    if xlsx is not None and xlsx.absolute().resolve().is_relative_to(period_dir.absolute().resolve()):
        raise click.BadParameter(f"{xlsx} ligger i periodmappen, där den skulle läsas som indata; spara den utanför, t.ex. --xlsx fel.xlsx",
                                 param_hint="'--xlsx'")
    checked = api.validate(period_dir, strict=strict)
    code = EXIT_UNREADABLE if not checked.readable else EXIT_INVALID if checked.errors else EXIT_OK
    if xlsx is not None:
        write_findings(xlsx, checked.problems, period_dir)
        click.echo(f"Skrev {xlsx} ({plural(len(checked.problems), 'rad', 'rader')})", err=as_json)
    if as_json:
        click.echo(json.dumps(_findings(checked, code), ensure_ascii=False, indent=2))
        sys.exit(code)
    if checked.errors:
        _echo_problems(checked.problems, f"{period_dir}: {plural(len(checked.errors), 'fel', 'fel')}, "
                       f"{plural(len(checked.warnings), 'varning', 'varningar')}", err=False)
        if not checked.readable and period_dir.is_dir():
            click.echo("Arbetsböckerna kontrolleras när rapport.yaml går att läsa (period och organisation behövs).")
        sys.exit(code)
    _echo_problems(checked.warnings, f"{period_dir}: {plural(len(checked.warnings), 'varning', 'varningar')}", err=False)
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


def _columns() -> int | None:
    """The width to fit: ``COLUMNS``, or the terminal's; None into a file or a pipe (no limit)."""
    given = os.environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() else None
    except (OSError, ValueError, AttributeError):
        return None


def _echo_table(header: list[str], rows: list[list[str]]) -> None:
    """A plain text table: columns as wide as their widest cell, a rule under the header. Wider than the
    terminal (``COLUMNS``), each row becomes a list: its first cell, then each other column as ``name: value``."""
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    columns = _columns()
    if not columns or sum(widths) + 2 * (len(widths) - 1) <= columns:
        for number, row in enumerate(table):
            click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())
            if number == 0:
                click.echo("  ".join("-" * width for width in widths))
        return
    for row in rows:
        click.echo(row[0])
        for name, cell in zip(header[1:], row[1:], strict=False):
            click.echo(f"  {name}: {cell}")  # folded, if still too wide, as every line status prints


class _Folding:
    """Standard output with every line longer than ``width`` folded, the rest of it indented under its start."""

    def __init__(self, target, width: int) -> None:
        self.target, self.width, self.pending = target, width, ""
        self.encoding, self.errors = getattr(target, "encoding", "utf-8"), getattr(target, "errors", "strict")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.target.isatty()

    def write(self, text: str) -> int:
        import textwrap

        self.pending += text
        while "\n" in self.pending:
            line, self.pending = self.pending.split("\n", 1)
            if len(line) > self.width:
                indent = line[: len(line) - len(line.lstrip())]
                line = textwrap.fill(line, self.width, subsequent_indent=indent + "  ", break_on_hyphens=False, break_long_words=False)
            self.target.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        self.target.flush()


def _fits_terminal(command):
    """Run ``command`` with its output folded to the terminal's width (``COLUMNS``); into a file or pipe, as it is."""
    import functools

    @functools.wraps(command)
    def folded(*args, **kwargs):
        columns = _columns()
        if not columns:
            return command(*args, **kwargs)
        original = sys.stdout
        sys.stdout = _Folding(original, columns)
        try:
            return command(*args, **kwargs)
        finally:
            sys.stdout = original

    return folded


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="PERIODMAPP", type=click.Path(path_type=Path, file_okay=False))
@_fits_terminal
def status(period_dir: Path) -> None:
    """Visa vad som har kommit in för perioden: division × arbetsbok, texter."""

    state = api.status(find_period_dir(period_dir))  # a missing folder is said, not shown as a table of "saknas"
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
        warnings = f" ({plural(state.warnings, 'varning', 'varningar')}, se reporter validate; med --strikt stoppar de bygget)" if state.warnings else ""
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


OBSTACLES_SHOWN = 5  # errors status shows per division or file; validate shows them all


def _echo_obstacles(state, period_dir: Path) -> None:
    """What stands in the way of a build: each division's (or file's) first errors and how many more it has."""
    missing = "; ".join(f"{owner}: {kind}" for owner, kind in state.missing)
    click.echo(f"Perioden kan inte byggas: {state.errors} fel" + (f", saknas: {missing}" if missing else "") + ".")
    for owner, problems in state.obstacles:
        click.echo(f"  {owner}")
        for problem in problems[:OBSTACLES_SHOWN]:
            click.echo(f"    {problem}")
        if len(problems) > OBSTACLES_SHOWN:
            click.echo(f"    … och {len(problems) - OBSTACLES_SHOWN} fel till.")
    click.echo(f"Kör reporter validate {period_dir} för att se alla fel med var de finns.")


@main.command(options_metavar="[FLAGGOR]")
@click.argument("period_dir", metavar="PERIODMAPP", type=click.Path(path_type=Path, file_okay=False))
@click.option("--period", "period_text", required=True, metavar="ÅÅÅÅ-MM", help="Perioden, t.ex. 2021-04.")
@click.option("--division", help="Gör en arbetsbok per slag för en division, med divisionen ifylld.")
@click.option(
    "--rapport", type=click.Choice(list(REPORTS)),
    help="Vilken rapport mappen är för (standard: det rapport.yaml säger; en mapp i delarsrapporter/ är en delårsrapport).",
)
@click.option(
    "--från", "source", type=click.Path(path_type=Path, file_okay=False), metavar="MAPP",
    help="Förra periodens mapp (standard: den senaste tidigare perioden bredvid PERIODMAPP).",
)
def scaffold(period_dir: Path, period_text: str, division: str | None, rapport: str | None, source: Path | None) -> None:
    """Skapa indata för en period: rapport.yaml, arbetsböcker och texter.

    Finns förra perioden bredvid (eller anges med --från) förs dess rader över, med en
    förberedd rad för den nya månaden per serie, och dess texter som utkast; annars blir
    arbetsböckerna tomma. Med --rapport delarsrapport och --division: en divisions
    delårsrapport. Befintliga filer skrivs aldrig över.
    """

    try:
        period = parse_month(period_text)
    except ValueProblem:
        raise click.BadParameter(f"'{period_text}' är ingen månad; skriv t.ex. 2021-04", param_hint="'--period'") from None
    made = api.scaffold(period_dir, period, division, rapport, source)
    for line in scaffold_report(made, period_dir):
        click.echo(line)


@main.command(options_metavar="[FLAGGOR]")
@click.argument("inputs", metavar="[INPUTSMAPP]", required=False, default=Path("inputs"),
                type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Porten servern lyssnar på.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adressen servern lyssnar på; en annan än 127.0.0.1 ska stå bakom HTTPS.")
@click.option("--pdf", is_flag=True, help="Byggen från webbsidan gör även PDF (kräver LibreOffice).")
def serve(inputs: Path, port: int, host: str, pdf: bool) -> None:
    """Starta inlämningssidorna: divisionerna lämnar in på webben, kontoret ser månaden.

    Skriver kontorets länk (med dess hemliga nyckel). Allt sparas under INPUTSMAPP (standard: inputs/).
    """
    from .web.serve import serve as run  # the web stack is loaded only by this command

    run(inputs, host, port, click.echo, pdf)


@main.command("ändringar", options_metavar="[FLAGGOR]")
@click.argument("old", metavar="GAMMAL", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.argument("new", metavar="NY", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--alla", is_flag=True, help="Visa varje ändring (standard: högst 10 per dokument).")
def andringar(old: Path, new: Path, alla: bool) -> None:
    """Visa vad som ändrats mellan två paket (t.ex. en sparad kopia av out/2021-03 och out/2021-03 efter ett nytt bygge):
    dokument, meningar och tabellceller, gammalt → nytt."""
    changes = compare_folders(old, new)
    click.echo(f"Ändringar från {old} till {new}:")
    for line in summary(changes, listed=sys.maxsize if alla else LISTED):
        click.echo(line)


@main.command(options_metavar="[FLAGGOR]")
@click.argument("mall", metavar="[MALL]", required=False)
@click.option("--templates", "templates_dir", type=click.Path(path_type=Path, file_okay=False), help="Mallmapp (standard: templates/).")
def mallar(mall: str | None, templates_dir: Path | None) -> None:
    """Kontrollera mallarna mot mallkontraktet utan att bygga: alla, eller MALL (namn eller sökväg).

    Visar varje fel med mall, del, stycke eller tabellcell och taggen. Slutkod 0 utan fel, 1 med fel.
    """

    result = api.check_templates(mall, templates_dir)
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

    result = api.verify(package, period_dir, templates_dir)
    changed = [(name, finding) for name, finding in result.inputs if finding != "stämmer"]
    for name, finding in changed:
        click.echo(f"  indata {name}: {finding}")
    for name, finding in result.outputs:
        click.echo(f"  {name}: {finding}")
    compared = sum(1 for _, finding in result.outputs if finding == "stämmer")
    if result.ok:
        click.echo(f"{package}: alla {compared} jämförda filer stämmer med manifestet.")
    else:
        differ = result.differing
        which = f"; {len(differ)} {'fil' if len(differ) == 1 else 'filer'} skiljer sig: {', '.join(differ)}" if differ else ""
        click.echo(f"{package}: paketet stämmer inte med manifestet{which} (se ovan).", err=True)
        sys.exit(EXIT_INVALID)
