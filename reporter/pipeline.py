"""The pipeline, top to bottom: read everything, check it, then write.

config → read inputs → validate → typed model → figures → context → render →
package. Nothing is written until every input has been read and every
document rendered; a problem anywhere raises :class:`ReporterError` with all
problems found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .bilagor import bilagor
from .changes import PackageChanges, compare_packages, package_files
from .charts import Drawer
from .commands.check_templates import check_templates as check_all
from .commands.check_templates import find_template, known_templates
from .config import CONFIG_FILE, DelarsrapportBilaga, ExternBilaga, Rapport, interim_folder
from .context import build_context, document_properties
from .documents import REPORTS, Computed, chart_set, report_kind
from .drafts import draft_problems
from .errors import Problem, ReporterError, Severity, error, raise_if_errors, warning
from .figures import compute
from .figures.delarsrapport import Delarsrapport
from .formatting import tal
from .inputs import read_texts, read_workbooks
from .kinds import ANALYSIS_TEXTS, APPENDICES, INTERIM, MONTHLY
from .kinds.manadsrapport import COVER_TEMPLATE
from .model import Inputs, Interim
from .package import checkpoint, manifest, output_lock, write_package
from .pdf import Part, convert, default_seconds, docx_fonts, find_soffice, installed_fonts, is_tagged, merge, missing_fonts
from .pdfcheck import MERGED_SUFFIX, package_mismatches
from .period_config import load_config_partly
from .processes import remove_stale_folders
from .render import render_docx
from .stale import stale_content
from .texts import Block
from .validation import validate_workbooks

TEMPLATE_DIR = "templates"
INPUT_DIR = "inputs"
OUTPUT_DIR = "out"


@dataclass
class Checked:
    """A period folder read and validated: what the build goes on with."""

    period_dir: Path
    config: Rapport | None
    inputs: Inputs | None
    texts: dict[str, list[Block] | None]
    problems: list[Problem] = field(default_factory=list)
    computed: Computed | None = None  # the report's figures, computed once when there are no errors

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a build."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that do not stop a build."""
        return [p for p in self.problems if not p.is_error]

    @property
    def readable(self) -> bool:
        """False when nothing could be checked: no folder, or no usable rapport.yaml."""
        return self.config is not None


@dataclass(frozen=True)
class TemplateCheck:
    """The templates checked and what was found in them."""

    templates: list
    problems: list[Problem]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote, and the warnings it had."""

    out_dir: Path
    files: list[Path]
    warnings: list[Problem]
    changes: PackageChanges | None = None  # against the package the folder held before, if any


class PeriodFolderMissing(ReporterError):
    """The period folder named does not exist: nothing can be read (the command line's exit code 2)."""


def _from_here(folder: Path) -> str:
    """`` (sökt från /home/…)`` for a relative path: where it was looked for."""
    return "" if folder.is_absolute() else f" (sökt från {Path.cwd()})"


def find_period_dir(period_dir: Path | None = None, workspace: Path | None = None) -> Path:
    """The period folder to use: the given one, or the newest month under ``inputs/``.

    A folder named as a month (``2021-03``) is a period of the monthly report;
    the newest of them is built. Other folders (a division's interim report,
    ``2021-04-ovriga-lanet``) are built when named.
    """
    if period_dir is not None:
        if not period_dir.is_dir():
            raise PeriodFolderMissing(error(f"periodmappen {period_dir} finns inte{_from_here(period_dir)}"))
        return period_dir
    inputs = (workspace or Path.cwd()) / INPUT_DIR
    if (inputs / CONFIG_FILE).is_file():
        return inputs
    candidates = sorted(p for p in inputs.glob("*") if (p / CONFIG_FILE).is_file()) if inputs.is_dir() else []
    if not candidates:
        raise PeriodFolderMissing(
            error(f"ingen period att bygga: {inputs} saknar mappar med {CONFIG_FILE}; ange periodmappen, t.ex. reporter build inputs/2021-03")
        )
    months = [p for p in candidates if re.fullmatch(r"\d{4}-\d{2}", p.name)]
    return (months or candidates)[-1]


def check(period_dir: Path, parent: Rapport | None = None, strict: bool = False) -> Checked:
    """Read and validate a period folder; every problem is collected, none raised.

    A tertial report's division folders (``- delarsrapport: …``) are checked
    with it: their problems name the subfolder, and their validated inputs
    travel in ``inputs.delarsrapporter``. ``parent`` is the report whose
    division folder this is. ``strict`` (``--strikt``, the version for the
    board): every warning is an error.
    """
    checked = _check(period_dir, parent)
    if strict:
        checked.problems = strictly(checked.problems)
    return checked


def validate(period_dir: Path, strict: bool = False) -> Checked:
    """Read and check a period folder without writing anything; returns the findings. ``strict``: every warning is an error."""
    return check(period_dir, strict=strict)


def strictly(problems: list[Problem]) -> list[Problem]:
    """``--strikt``: every warning an error (a confirmed value gives no warning to begin with)."""
    return [p if p.is_error else replace(p, severity=Severity.ERROR, message=f"{p.message} (--strikt: varningar räknas som fel)") for p in problems]


def _check(period_dir: Path, parent: Rapport | None) -> Checked:

    if not period_dir.is_dir():
        return Checked(period_dir, None, None, {}, [error(f"periodmappen {period_dir} finns inte{_from_here(period_dir)}")])
    config, problems = load_config_partly(period_dir, parent)
    files, read_problems = read_workbooks(period_dir)
    kind = report_kind(config) if config is not None else REPORTS[MONTHLY.name]
    texts, text_problems = read_texts(period_dir, kind.texts)
    problems += read_problems + text_problems + draft_problems(period_dir, kind.texts)
    inputs = None
    computed: Computed | None = None
    if config is not None:
        inputs, input_problems = validate_workbooks(files, config)
        problems += input_problems
        if parent is None and config.interim_reports:
            inputs.delarsrapporter, interim_problems = _check_interim(period_dir, config)
            problems += interim_problems
        if not any(p.is_error for p in problems):  # the figures, once: the checks, the stale texts and the build use them
            computed = kind.compute(inputs, config)
            problems += computed.checks(inputs, config, texts)
        problems += stale_content(period_dir, config, None if any(p.is_error for p in problems) or not computed else computed.figures, parent)
    return Checked(period_dir, config, inputs, texts, problems, computed)


def _check_interim(period_dir: Path, config: Rapport) -> tuple[list, list[Problem]]:
    """Each division folder of a tertial report, checked as a period of its own; problems relabelled with the subfolder.

    The folder must hold that division's delarsrapport, and every interim
    report must have one period, not later than the report's.
    """

    found, problems = [], []
    label = f"{period_dir.name}/{CONFIG_FILE}"
    periods: dict[object, str] = {}
    for number, item in enumerate(config.bilagor, 1):
        if not isinstance(item, DelarsrapportBilaga):
            continue
        division = config.organisation.division(item.delarsrapport)
        folder = interim_folder(config, item)
        if division is None or not (period_dir / folder / CONFIG_FILE).is_file():
            continue  # said by rapport.yaml's own checks
        sub = check(period_dir / folder, parent=config)
        problems += [_in_folder(p, folder) for p in sub.problems]
        sub_config = sub.config
        if sub_config is None or sub.inputs is None:
            continue
        key = f"bilagor[{number}]"
        where = f"{folder}/{CONFIG_FILE}"
        if sub_config.rapport != INTERIM.name:
            problems.append(error(f"{where} har rapport: {sub_config.rapport}; en divisions mapp ska ha rapport: delarsrapport", file=label, key=key))
            continue
        if sub_config.division_namn not in (None, division.namn):
            problems.append(error(f"{where} är {sub_config.division_namn}s delårsrapport, men bilagan gäller {division.namn}; "
                                  f"rätta division: i {where} eller mapp: här", file=label, key=key))
            continue
        if sub_config.period > config.period:
            problems.append(error(f"{where} har period {sub_config.period}, efter rapportens {config.period}; "
                                  f"delårsrapporterna kan gälla en tidigare månad, inte en senare", file=where, key="period"))
        periods.setdefault(sub_config.period, where)
        figures = sub.computed.figures if sub.computed else None  # a division's folder is a delarsrapport (said above)
        found.append(Interim(folder, division.namn, sub_config, sub.inputs, sub.texts, figures if isinstance(figures, Delarsrapport) else None))
    if len(periods) > 1:
        shown = ", ".join(f"{month} ({where})" for month, where in periods.items())
        problems.append(error(f"delårsrapporterna har olika perioder: {shown}; alla divisioners delårsrapporter ska gälla samma månad",
                              file=label, key="bilagor"))
    return found, problems


def _in_folder(problem: Problem, folder: str) -> Problem:
    """A division folder's problem, named by its path from the tertial report's period folder."""
    where = problem.where
    name = where.file.split("/", 1)[1] if where.file.endswith(CONFIG_FILE) and "/" in where.file else where.file
    located = replace(where, file=f"{folder}/{name}" if name else folder)
    also = tuple(replace(other, file=f"{folder}/{other.file}") if other.file else other for other in problem.also)
    return replace(problem, where=located, also=also)


def template_context(period_dir: Path) -> dict:
    """The template context of a buildable period folder, without charts (the template guide, tests)."""
    checked = check(period_dir)
    raise_if_errors(checked.problems)
    config, inputs = checked.config, checked.inputs
    assert config is not None and inputs is not None, "a period without errors has its configuration and inputs"
    return dict(build_context(config, compute(inputs, config), checked.texts))


def check_templates(template: str | None = None, templates_dir: Path | None = None, workspace: Path | None = None) -> TemplateCheck:
    """``reporter mallar``: every template the build uses, or the one named, against the template contract."""

    templates_dir = templates_dir or (workspace or Path.cwd()) / TEMPLATE_DIR
    chosen = [find_template(templates_dir, template)] if template else known_templates(templates_dir)
    return TemplateCheck(chosen, check_all(chosen))


def build(
    period_dir: Path | None = None,
    out_dir: Path | None = None,
    templates_dir: Path | None = None,
    workspace: Path | None = None,
    pdf: bool = False,
    soffice: Path | None = None,
    progress: Callable[[str], None] | None = None,
    pdf_seconds: float | None = None,
    strict: bool = False,
) -> BuildResult:
    """Build the report and its appendices into ``out/<period>/``; raise on any error.

    Every document is rendered (and, with ``pdf``, converted) before anything
    is written; the package ends with ``manifest.json`` (every output and
    input with its sha256). ``progress`` is told, in Swedish, each PDF as it
    is made; LibreOffice has ``pdf_seconds`` (standard: a minute and a few
    seconds per document) before it is stopped. ``strict`` (``--strikt``):
    any warning is an error, and nothing is written.
    """

    workspace = workspace or Path.cwd()
    remove_stale_folders()  # what builds killed earlier (SIGKILL, a power cut) left in the temporary folder
    period_dir = find_period_dir(period_dir, workspace)
    templates_dir = templates_dir or workspace / TEMPLATE_DIR
    program: Path | None = None  # LibreOffice, when PDFs are made
    if pdf:
        program = find_soffice(soffice)  # before the work: a missing LibreOffice is said at once
    with Drawer() as drawer:  # charts are drawn in a second process while this one reads and renders
        checked = check(period_dir, strict=strict)
        problems = list(checked.problems)
        if checked.config is not None and not templates_dir.is_dir():
            problems.append(error(f"mallmappen {templates_dir} finns inte{_from_here(templates_dir)}; ange mallmappen med --templates MAPP"))
        elif checked.config is not None:  # the templates this build uses, checked before anything is rendered
            problems += check_all(known_templates(templates_dir, templates_used(checked.config)))
        raise_if_errors(strictly(problems) if strict else problems)
        config, inputs = checked.config, checked.inputs
        assert config is not None and inputs is not None, "a period without errors has its configuration and inputs"
        kind = report_kind(config)

        assert checked.computed is not None, "a period without errors has its figures"
        properties = _properties(config)
        planned = checked.computed.plan(config, checked.texts, period_dir, properties)
        for document in planned:
            if document.charts:
                drawer.submit(document.name, chart_set(document.charts).draw, document.figures)
        checkpoint("diagram")
        # Rendered documents come finished from render_docx (packed once, fixed zip timestamps); external ones are copied as they are.
        documents: dict[str, bytes] = {}
        for document in planned:
            if document.template is None:
                documents[document.name] = document.source.read_bytes()  # type: ignore[union-attr]
                continue
            context = dict(document.context or {})
            if document.charts:
                context["diagram"] = drawer.charts(document.name)
            documents[document.name] = render_docx(
                templates_dir / document.template, context, dict(document.properties or properties, titel=document.title), ANALYSIS_TEXTS,
                keep_sections=document.keep_sections,
            )

    notes: list[Problem] = []
    if program is not None:
        notes += font_warnings(documents)
        titles = {document.name: document.title for document in planned}
        pdfs, untagged = _pdfs(documents, titles, program, progress or (lambda _line: None), pdf_seconds)
        documents.update(pdfs)
        notes += untagged
    if strict:
        raise_if_errors(strictly(notes))  # a warning of the PDFs (a font, an untagged appendix): nothing is written
    target = (out_dir or workspace / OUTPUT_DIR) / kind.folder(config)
    used = [templates_dir / name for name in templates_used(config)]
    inputs_read = input_files(period_dir, _named_files(config))
    documents["manifest.json"] = manifest(documents, inputs_read, period_dir, used, workspace)
    notes += other_files(period_dir, inputs_read)
    with output_lock(target):
        old = package_files(target)
        changes = compare_packages(old, documents) if old else None  # before the old package is replaced; never written
        files, written_notes = write_package(target, documents)
    return BuildResult(target, files, checked.warnings + notes + written_notes, changes)


def templates_used(config: Rapport) -> list[str]:
    """The templates a build of this configuration renders, main report first."""

    names = [report_kind(config).template]
    names += [APPENDICES[item].template for item, _month in config.generated if item in APPENDICES]
    if REPORTS[config.rapport].declaration.appendices and any(b.cover_name(config.period) for b in bilagor(config)):
        names.append(COVER_TEMPLATE)
    return list(dict.fromkeys(names))


def _pdfs(
    documents: dict[str, bytes], titles: dict[str, str], soffice: Path, progress: Callable[[str], None], seconds: float | None = None
) -> tuple[dict[str, bytes], list[Problem]]:
    """Each DOCX as tagged PDF, and a package of more than one document as one tagged PDF in list order;
    warnings for untagged parts. ``titles`` names each document (its bookmark in the package)."""

    wanted = {n: d for n, d in documents.items() if n.endswith(".docx")}
    done = iter(range(1, len(wanted) + 1))
    seconds = seconds or default_seconds(len(wanted))
    progress(f"LibreOffice gör PDF av {len(wanted)} dokument (tidsgräns {seconds:g} s, --pdf-tidsgräns ändrar den)")
    converted = convert(
        wanted, soffice, progress=lambda name: progress(f"PDF {next(done, len(wanted))} av {len(wanted)}: {name}"), seconds=seconds
    )
    parts, untagged = [], []
    for name, data in documents.items():
        if name.endswith(".docx"):
            data = converted[name.removesuffix(".docx") + ".pdf"]
        elif not name.endswith(".pdf"):
            continue
        elif not is_tagged(data):  # an external appendix delivered as PDF, as it is
            untagged.append(
                warning(
                    f"{name} är inte en taggad PDF: den samlade PDF:en tar med sidorna men de är inte tillgängliga för "
                    "skärmläsare. Be den som gjort bilagan om en taggad PDF (PDF/UA), eller lämna den som DOCX",
                    file=name,
                )
            )
        parts.append(Part(titles.get(name, name), data))
    if len(parts) > 1:
        first = next(iter(documents))
        merged_name = f"{first.removesuffix('.docx')}{MERGED_SUFFIX}"
        progress(f"Samlad PDF: {merged_name}")
        converted[merged_name] = merge(parts, f"{titles.get(first, first)} med bilagor")
    wrong = package_mismatches({**documents, **converted})
    raise_if_errors([
        error(f"{name} {reason}. LibreOffice ({soffice}) gjorde fel PDF; inget skrevs. Försök igen, eller ange ett annat LibreOffice med --soffice", file=name)
        for name, reason in wrong
    ])
    return converted, untagged


def font_warnings(documents: dict[str, bytes]) -> list[Problem]:
    """A warning for each font the documents name that neither this machine nor its metric twin has."""

    installed = installed_fonts()
    if installed is None:
        return []
    named: set[str] = set()
    for name, data in documents.items():
        if name.endswith(".docx"):
            named |= docx_fonts(data)
    notes = []
    for font, twin, package in missing_fonts(named, installed):
        if twin:
            advice = f"varken det eller {twin}, som har samma mått, finns på datorn. Installera paketet {package} (apt-get install {package})"
        else:
            advice = "det finns inte på datorn och inget typsnitt med samma mått är känt. Installera typsnittet eller byt det i mallen"
        notes.append(
            warning(f"typsnittet {font} används i mallarna men {advice}; annars blir PDF:en bredare och tabellrubriker kan brytas mitt i ord")
        )
    return notes



# What a period folder's inputs are named: rapport.yaml, workbooks (and spreadsheets the build names as unreadable),
# texts, and appendices. Other files (a screen recording, a zip) are never read: they are listed with a note.
INPUT_SUFFIXES = (".yaml", ".yml", ".md", ".txt", ".pdf", ".docx", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".numbers")


def input_files(period_dir: Path, named: Iterable[str] = ()) -> list[Path]:
    """Every file of the period folder the build read or may have read, sorted: files named as inputs are,
    and those ``named`` (an external appendix's ``fil:``, a manifest's inputs) whatever their names."""
    named = set(named)
    return sorted(
        p for p in period_dir.rglob("*")
        if p.is_file() and not p.name.startswith((".", "~$"))
        and (p.suffix.casefold() in INPUT_SUFFIXES or p.relative_to(period_dir).as_posix() in named)
    )


def other_files(period_dir: Path, inputs: list[Path]) -> list[Problem]:
    """A note listing the period folder's files that are not ``inputs``: the build did not read them."""
    read = set(inputs)
    others = sorted(p for p in period_dir.rglob("*") if p.is_file() and not p.name.startswith((".", "~$")) and p not in read)
    if not others:
        return []
    listed = ", ".join(f"{p.relative_to(period_dir).as_posix()} ({_size(p.stat().st_size)})" for p in others)
    return [warning(f"filer som inte är indata lästes inte och kommer inte med i manifestet: {listed}", file=period_dir.name)]


def _size(size: float) -> str:
    """``2,1 GB``: a file's size as a user reads it."""
    for unit in ("byte", "kB", "MB"):
        if size < 1000:
            return f"{tal(size, 0 if unit == 'byte' else 1)} {unit}"
        size /= 1000
    return f"{tal(size, 1)} GB"


def _named_files(config: Rapport) -> list[str]:
    """The files rapport.yaml names as external appendices."""
    return [item.fil for item in config.bilagor if isinstance(item, ExternBilaga) and item.fil]


def _properties(config: Rapport) -> dict[str, object]:

    return document_properties(config)
