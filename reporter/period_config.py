"""A period folder's ``rapport.yaml``: read from disk, parsed into the typed configuration (:mod:`reporter.config`,
which touches no file), and checked against the folder: the files and folders it names are there, inside it.
"""

from __future__ import annotations

import difflib
import hashlib
import pickle
import re
import threading
from pathlib import Path

import yaml
from pydantic import ValidationError

from .config import (
    CONFIG_FILE,
    DelarsrapportBilaga,
    ExternBilaga,
    Rapport,
    appendix_problems,
    folder_problems,
    interim_folder,
    kind_problems,
    partial,
    problems_of,
    same_organisation,
)
from .errors import Problem, ReporterError, error
from .unicode_paths import on_disk
from .values import clean_text
from .yamlread import load_strictly


def load_config(period_dir: Path) -> Rapport:
    """Read ``rapport.yaml`` of a period folder; raise with every problem found."""
    config, problems = load_config_partly(period_dir)
    if problems:
        raise ReporterError(problems)
    assert config is not None, "rapport.yaml without problems is a configuration"
    return config


def load_config_partly(period_dir: Path, parent: Rapport | None = None) -> tuple[Rapport | None, list[Problem]]:
    """Read ``rapport.yaml``; with problems, still return what the workbooks need.

    When the file has errors but its period, organisation and bilagor are
    sound, a partial configuration is returned with the problems, so that the
    workbooks can be checked in the same run and every problem shown at once.

    ``parent`` is the tertial report whose division folder this is: a folder
    without ``organisation`` uses the parent's, and one with it must have the same.
    """
    label = f"{period_dir.name}/{CONFIG_FILE}"
    try:
        raw, twice = _read_yaml_partly(period_dir / CONFIG_FILE, label)
    except ReporterError as exc:
        return None, exc.problems
    inherited: list[Problem] = []
    if parent is not None and isinstance(raw, dict):
        if raw.get("organisation") is None:
            raw = {**raw, "organisation": parent.organisation.model_dump()}
        else:
            inherited = same_organisation(raw["organisation"], parent.organisation, label)
    try:
        config = Rapport.model_validate(raw)
    except ValidationError as exc:
        found = partial(raw)
        return found, twice + problems_of(exc, label) + kind_problems(raw, found.organisation if found else None, label) + inherited
    config = _files_as_on_disk(period_dir, config)
    missing = [
        problem
        for i, b in enumerate(config.bilagor, 1)
        if isinstance(b, ExternBilaga) and b.fil and (problem := _check_appendix_file(period_dir, b.fil, label, f"bilagor[{i}].fil"))
    ]
    appendices = appendix_problems(config, label, lambda folder, key: _check_appendix_file(period_dir, folder, label, key, folder_wanted=True))
    return config, (twice + kind_problems(raw, config.organisation, label) + folder_problems(period_dir.name, config, label, parent)
                    + missing + appendices + inherited)


def _files_as_on_disk(period_dir: Path, config: Rapport) -> Rapport:
    """External appendices' ``fil:`` and interim reports' ``mapp:`` as spelt on disk: a name written in NFC finds
    a file or folder whose name macOS wrote in NFD (and the other way round)."""
    bilagor = [
        item.model_copy(update={"fil": on_disk(period_dir, item.fil)}) if isinstance(item, ExternBilaga) and item.fil
        else item.model_copy(update={"mapp": on_disk(period_dir, interim_folder(config, item))})
        if isinstance(item, DelarsrapportBilaga) and item.mapp else item
        for item in config.bilagor
    ]
    return config.model_copy(update={"bilagor": bilagor}) if bilagor != config.bilagor else config


MAX_APPENDIX_BYTES = 200 << 20  # an external appendix is copied into the package as it is


def _check_appendix_file(period_dir: Path, fil: str, label: str, key: str, folder_wanted: bool = False) -> Problem | None:
    """An external appendix must be a file inside the period folder (an interim report's ``mapp:`` a folder there):
    no ``..``, no absolute path, no link out."""
    path = Path(fil)
    if path.is_absolute() or fil.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", fil):
        return error(f"fil: {fil} är en absolut sökväg; lägg filen i periodmappen och skriv sökvägen från den, t.ex. bilagor/vardval.pdf", file=label, key=key)
    if ".." in re.split(r"[\\/]", fil):
        return error(f"fil: {fil} pekar utanför periodmappen (..); lägg filen i periodmappen, t.ex. i bilagor/", file=label, key=key)
    target = period_dir / path
    try:
        inside = target.resolve().is_relative_to(period_dir.resolve())
    except OSError:
        inside = False
    if not inside:
        return error(f"fil: {fil} är en länk till en fil utanför periodmappen; kopiera in själva filen", file=label, key=key)
    if folder_wanted:
        if not (target / CONFIG_FILE).is_file():
            what = "finns inte" if not target.exists() else f"saknar {CONFIG_FILE}"
            return error(f"mappen {fil} {what} i periodmappen; divisionens delårsrapport ska ligga där (reporter scaffold {fil} "
                         f"--period ÅÅÅÅ-MM --division NAMN gör en)", file=label, key=key)
        return None
    if not target.is_file():
        return error(f"filen {fil} finns inte i periodmappen{_closest_file(period_dir, fil)}", file=label, key=key)
    if target.stat().st_size > MAX_APPENDIX_BYTES:
        return error(f"filen {fil} är större än {MAX_APPENDIX_BYTES >> 20} MB; minska den (t.ex. spara PDF:en för skärm)", file=label, key=key)
    return None


def _closest_file(period_dir: Path, fil: str) -> str:
    """``; menade du bilagor/vardval.pdf?`` for the file beside the one named whose name is closest (case, a typo)."""
    folder = (period_dir / fil).parent
    try:
        names = sorted(entry.relative_to(period_dir).as_posix() for entry in (folder if folder.is_dir() else period_dir).iterdir()
                       if entry.is_file())[:1000]
    except (OSError, ValueError):
        return ""
    same_case = [name for name in names if name.casefold() == fil.casefold()]
    close = same_case or difflib.get_close_matches(fil, names, n=1, cutoff=0.6)
    return f"; menade du {close[0]}?" if close else ""


MAX_CONFIG_BYTES = 256 << 10


def _read_yaml(path: Path, label: str) -> dict:
    """rapport.yaml's keys and values; raise with the problems of the text itself (YAML errors, keys written twice)."""
    raw, problems = _read_yaml_partly(path, label)
    if problems:
        raise ReporterError(problems)
    return raw


def _read_yaml_partly(path: Path, label: str) -> tuple[dict, list[Problem]]:
    """rapport.yaml's keys and values, with its keys written twice as errors (YAML keeps the last one; it is read on
    so that the rest of the file is checked too). Raise when the file cannot be read as YAML at all."""
    if not path.is_file():
        raise ReporterError(error(f"{CONFIG_FILE} saknas i {path.parent}", file=label))
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ReporterError(error(f"filen är större än {MAX_CONFIG_BYTES >> 10} kB; är det rätt fil?", file=label))
        text = clean_text(path.read_text(encoding="utf-8"))
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()
        known = _PARSED.get(key)  # one look-up: another thread may drop the key meanwhile
        if known is not None:
            raw, duplicates = pickle.loads(known)  # a copy of its own: the caller may change it
        else:
            raw, duplicates = load_strictly(text)
    except UnicodeDecodeError:
        raise ReporterError(error("filen är inte sparad som UTF-8-text", file=label)) from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f"rad {where.line + 1}" if where else ""
        raise ReporterError(error(f"YAML-fel: {getattr(exc, 'problem', exc)}", file=label, cell=line)) from None
    if not isinstance(raw, dict):
        raise ReporterError(error("filen ska innehålla nycklar som rapport:, period: och dokument:", file=label))
    if known is None:
        kept = pickle.dumps((raw, duplicates), protocol=5)
        with _PARSED_LOCK:  # the server checks in several threads
            _PARSED[key] = kept
            while len(_PARSED) > 32:
                del _PARSED[next(iter(_PARSED))]
    problems = [
        error(f"står två gånger, på rad {twice.first} och rad {twice.second}; "
              f"YAML behåller bara den sista och tappar den första utan att säga något. Slå ihop dem till en, eller ta bort den ena",
              file=label, key=twice.path, cell=f"rad {twice.second}")
        for twice in duplicates
    ]
    return raw, problems


# rapport.yaml files read in this process, by their text: the same text again (every check of a period reads
# its rapport.yaml more than once, a tertial period its divisions' too; verify after build) is not parsed
# again. A YAML parse is 2–3 ms; a copy from here 0.01 ms. Only files that could be read as YAML.
_PARSED: dict[bytes, bytes] = {}
_PARSED_LOCK = threading.Lock()
