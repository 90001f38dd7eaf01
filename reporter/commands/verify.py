"""``reporter verify out/<period>``: does a package still match its inputs?

Reads the package's ``manifest.json`` and checks that every file of the
package is listed there with the sha256 it has (none missing, none extra),
that the inputs and templates it names are unchanged (file by file and as one
hash of the input folder), then rebuilds the package into a temporary folder
and compares: the same files, and every DOCX with the same bytes. A PDF is
compared with its recorded sha256 but not rebuilt: LibreOffice writes a new
document ID and time into every PDF.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReporterError, error
from ..package import file_sha256, folder_digest
from ..pdfcheck import package_mismatches
from ..pipeline import PeriodFolderMissing, build, input_files
from ..processes import temporary_folder

SAME, DIFFERENT, MISSING = "stämmer", "skiljer sig", "saknas"
CHANGED = "ändrad sedan bygget (sha256 stämmer inte med manifestet)"
EXTRA = "extra fil i paketet, inte i manifestet"
NOT_LISTED = "bygget gör filen men manifestet saknar den"
NOT_MADE = "manifestet nämner filen men bygget gör den inte"
PDF_CHECKED = "stämmer med manifestet (PDF byggs inte om: LibreOffice skriver tid och id i varje PDF)"
NEW_INPUT = "ny fil, inte i manifestet"
OTHER_INPUTS = "indatamappens innehåll stämmer inte med manifestets indata_sha256"
GOOD = (SAME, PDF_CHECKED)


@dataclass
class Verification:
    """The outcome: each output and input with what was found, and whether all match."""

    package: Path
    outputs: list[tuple[str, str]] = field(default_factory=list)  # (file, finding)
    inputs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the package is exactly what its manifest says and its inputs rebuild it.

        Every file of the package is listed in the manifest with the sha256 it
        has, no file is missing or extra, the rebuild makes the same files with
        the same bytes (a PDF is compared with its recorded sha256 only), and
        the inputs are those the package was built from.
        """
        return all(finding in GOOD for _, finding in self.outputs) and all(finding == SAME for _, finding in self.inputs)

    @property
    def differing(self) -> list[str]:
        """The package's files that are not what the manifest and the rebuild say they should be."""
        return [name for name, finding in self.outputs if finding not in GOOD]


def _sha256(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None


def _folder(recorded: str, given: Path | None, workspace: Path) -> Path:
    if given is not None:
        return given
    path = Path(recorded)
    return path if path.is_absolute() else workspace / path


def _not_found(what: str, folder: Path, given: Path | None, option: str, workspace: Path) -> str:
    """A folder verify needs that is not there: the manifest's (from the workspace) or the one given, and the option that names it."""
    if given is not None:
        return f"{what} {folder} finns inte; rätta {option}"
    return (
        f"{what} {folder}, som paketet byggdes från enligt manifest.json, finns inte (sökt från {workspace}); kör verify från "
        f"mappen där paketet byggdes, eller ange {what} med {option} MAPP"
    )


# What a part of a Word document is, for a reader: word/document.xml is the body, word/header1.xml a header …
DOCX_PARTS = (
    (re.compile(r"word/document\.xml"), "brödtext"),
    (re.compile(r"word/header\d*\.xml"), "sidhuvud"),
    (re.compile(r"word/footer\d*\.xml"), "sidfot"),
    (re.compile(r"word/styles\.xml|word/stylesWithEffects\.xml"), "formatmallar"),
    (re.compile(r"word/numbering\.xml"), "numrering"),
    (re.compile(r"word/media/.*"), "bilder"),
    (re.compile(r"word/(footnotes|endnotes)\.xml"), "fotnoter"),
    (re.compile(r"word/theme/.*"), "tema"),
    (re.compile(r"word/settings\.xml"), "inställningar"),
    (re.compile(r"word/fontTable\.xml"), "typsnitt"),
    (re.compile(r"docProps/.*"), "dokumentegenskaper"),
)


def _differs(written: Path, rebuilt: Path) -> str:
    """``skiljer sig``, and for a DOCX in which of its parts (brödtext, sidhuvud, formatmallar …)."""
    if written.suffix != ".docx":
        return DIFFERENT
    try:
        with zipfile.ZipFile(written) as first, zipfile.ZipFile(rebuilt) as second:
            one = {info.filename: info.CRC for info in first.infolist()}
            other = {info.filename: info.CRC for info in second.infolist()}
    except (OSError, zipfile.BadZipFile):
        return f"{DIFFERENT} (går inte att öppna som Word-dokument)"
    changed = sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))
    parts = list(dict.fromkeys(next((label for pattern, label in DOCX_PARTS if pattern.fullmatch(n)), n) for n in changed))
    return f"{DIFFERENT}: {', '.join(parts)}" if parts else DIFFERENT


def verify(package: Path, period_dir: Path | None = None, templates_dir: Path | None = None, workspace: Path | None = None) -> Verification:
    """Check a package against its manifest and rebuild its DOCX files from the inputs the manifest names."""
    workspace = workspace or Path.cwd()
    manifest_path = package / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        outputs = {entry["fil"]: entry["sha256"] for entry in manifest["utdata"]}
        inputs = {entry["fil"]: entry["sha256"] for entry in manifest["indata"]}
    except (OSError, ValueError, KeyError, TypeError):
        raise ReporterError(error("manifest.json saknas eller går inte att läsa; bygg perioden igen", file=str(manifest_path))) from None
    given = period_dir, templates_dir
    period_dir = _folder(manifest.get("indatamapp") or "", period_dir, workspace)
    templates_dir = _folder(manifest.get("mallmapp") or "templates", templates_dir, workspace)
    if not period_dir.is_dir():
        raise PeriodFolderMissing(error(_not_found("periodmappen", period_dir, given[0], "--inputs", workspace), file=str(manifest_path)))
    if not templates_dir.is_dir():
        raise ReporterError(error(_not_found("mallmappen", templates_dir, given[1], "--templates", workspace), file=str(manifest_path)))
    result = Verification(package)

    for name, digest in inputs.items():
        actual = _sha256(period_dir / name)
        result.inputs.append((name, MISSING if actual is None else SAME if actual == digest else DIFFERENT))
    for entry in manifest.get("mallar", []):
        actual = _sha256(templates_dir / entry["fil"])
        result.inputs.append((f"mall {entry['fil']}", MISSING if actual is None else SAME if actual == entry["sha256"] else DIFFERENT))
    found = input_files(period_dir, inputs) if period_dir.is_dir() else []
    present = [{"fil": p.relative_to(period_dir).as_posix(), "sha256": _sha256(p) or ""} for p in found]
    for entry in present:
        if entry["fil"] not in inputs:
            result.inputs.append((entry["fil"], NEW_INPUT))
    recorded = manifest.get("indata_sha256")
    if recorded and folder_digest(present) != recorded:
        result.inputs.append(("indatamappen", OTHER_INPUTS))

    in_package = {p.name for p in package.iterdir() if p.is_file() and not p.name.startswith(".")} - {"manifest.json"}
    for name in sorted(in_package - set(outputs)):
        result.outputs.append((name, EXTRA))
    with temporary_folder("verify") as folder:
        rebuilt = build(period_dir, folder, templates_dir, workspace).out_dir
        made = {p.name for p in rebuilt.iterdir() if p.is_file()} - {"manifest.json"}
        for name, digest in outputs.items():
            if name == "manifest.json":
                continue  # it names itself; its content is what is being checked
            written = _sha256(package / name)
            if written is None:
                result.outputs.append((name, MISSING))
            elif written != digest:
                result.outputs.append((name, CHANGED))
            elif name not in made:
                result.outputs.append((name, PDF_CHECKED if name.endswith(".pdf") else NOT_MADE))
            elif _sha256(rebuilt / name) == digest:
                result.outputs.append((name, SAME))
            else:
                result.outputs.append((name, _differs(package / name, rebuilt / name)))
        for name in sorted(made - set(outputs)):
            result.outputs.append((name, NOT_LISTED))
    files = {name: (package / name).read_bytes() for name in outputs if name.endswith((".docx", ".pdf")) and (package / name).is_file()}
    wrong = dict(package_mismatches(files))
    result.outputs = [(name, wrong[name] if name in wrong and finding in GOOD else finding) for name, finding in result.outputs]
    return result
