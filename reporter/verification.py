"""``reporter verify out/<period>``: does a package still match its inputs?

Reads the package's ``manifest.json``, checks that the inputs and templates
it names are unchanged, rebuilds the DOCX files from them into a temporary
folder and compares every output with its recorded sha256 and with the file
in the package. PDFs are listed but not compared: LibreOffice writes a new
document ID and time into every PDF.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReporterError, error

SAME, DIFFERENT, MISSING, NOT_COMPARED = "stämmer", "skiljer sig", "saknas", "jämförs inte (PDF)"


@dataclass
class Verification:
    """The outcome: each output and input with what was found, and whether all match."""

    package: Path
    outputs: list[tuple[str, str]] = field(default_factory=list)  # (file, finding)
    inputs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every output is rebuilt identically and no recorded input has changed.

        A file added to the period folder since the build is listed, but does
        not by itself fail: if it mattered, the rebuilt outputs differ.
        """
        return all(finding in (SAME, NOT_COMPARED) for _, finding in self.outputs) and not any(
            finding in (DIFFERENT, MISSING) for _, finding in self.inputs
        )


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _folder(recorded: str, given: Path | None, workspace: Path) -> Path:
    if given is not None:
        return given
    path = Path(recorded)
    return path if path.is_absolute() else workspace / path


def verify(package: Path, period_dir: Path | None = None, templates_dir: Path | None = None, workspace: Path | None = None) -> Verification:
    """Rebuild the package's DOCX files from the inputs its manifest names and compare."""
    from .pipeline import build

    workspace = workspace or Path.cwd()
    manifest_path = package / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        outputs, inputs = manifest["utdata"], manifest["indata"]
    except (OSError, ValueError, KeyError, TypeError):
        raise ReporterError(error("manifest.json saknas eller går inte att läsa; bygg perioden igen", file=str(manifest_path))) from None
    period_dir = _folder(manifest.get("indatamapp") or "", period_dir, workspace)
    templates_dir = _folder(manifest.get("mallmapp") or "templates", templates_dir, workspace)
    result = Verification(package)

    recorded_inputs = {entry["fil"]: entry["sha256"] for entry in inputs}
    for name, digest in recorded_inputs.items():
        actual = _sha256(period_dir / name)
        result.inputs.append((name, MISSING if actual is None else SAME if actual == digest else DIFFERENT))
    for entry in manifest.get("mallar", []):
        actual = _sha256(templates_dir / entry["fil"])
        result.inputs.append((f"mall {entry['fil']}", MISSING if actual is None else SAME if actual == entry["sha256"] else DIFFERENT))
    if period_dir.is_dir():
        for path in sorted(p for p in period_dir.rglob("*") if p.is_file() and not p.name.startswith((".", "~$"))):
            name = path.relative_to(period_dir).as_posix()
            if name not in recorded_inputs:
                result.inputs.append((name, "ny fil, inte i manifestet"))

    with tempfile.TemporaryDirectory(prefix="reporter-verify-") as folder:
        rebuilt = build(period_dir, Path(folder), templates_dir, workspace).out_dir
        for entry in outputs:
            name, digest = entry["fil"], entry["sha256"]
            if name.endswith(".pdf") and not (rebuilt / name).exists():
                result.outputs.append((name, NOT_COMPARED))
                continue
            if name == "manifest.json":
                continue  # it names itself; its content is what is being checked
            fresh, written = _sha256(rebuilt / name), _sha256(package / name)
            if written is None:
                result.outputs.append((name, MISSING))
            elif fresh == digest == written:
                result.outputs.append((name, SAME))
            else:
                result.outputs.append((name, DIFFERENT))
    return result
