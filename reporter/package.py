"""The only module that writes build output: out/<period>/, atomically.

Documents are normalised to fixed zip timestamps and a stable member order,
so the same inputs give byte-identical files. Each file is written to a
temporary name beside its target and renamed, so a reader never sees half a
file and a failed build leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
import time
import zipfile
from pathlib import Path

from .errors import ReporterError, error

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def normalise_docx(data: bytes) -> bytes:
    """The same document with fixed timestamps and metadata in every zip entry."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(member.filename), compresslevel=6)
    return buffer.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_package(out_dir: Path, documents: dict[str, bytes]) -> list[Path]:
    """Write each named document, as given, into out_dir; return the paths written.

    Files the previous build listed in its manifest and this one does not
    make (an appendix taken out of rapport.yaml) are removed, so the folder
    holds exactly one build. The manifest is written last.
    """
    previous = set(_listed(out_dir / "manifest.json"))
    for name, data in sorted(documents.items(), key=lambda item: item[0] == "manifest.json"):
        write_atomic(out_dir / name, data)
    for name in sorted(previous - set(documents)):
        if "/" not in name and "\\" not in name:
            (out_dir / name).unlink(missing_ok=True)
    return [out_dir / name for name in documents]


def _listed(manifest_path: Path) -> list[str]:
    try:
        return [entry["fil"] for entry in json.loads(manifest_path.read_text(encoding="utf-8"))["utdata"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


LOCK_WAIT_SECONDS = 120


@contextlib.contextmanager
def output_lock(out_dir: Path, wait: float | None = None):
    """Hold the lock of one output folder: builds of one period write one at a time.

    A second build waits for the first to finish writing (``wait`` seconds at
    most) and then writes its own complete set, so a folder never holds a mix
    of two builds. The lock is ``.<period>.lock`` beside the folder, taken
    with ``flock``: the system releases it if a build dies.
    """
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock; writes are still atomic file by file
        yield
        return
    with open(out_dir.parent / f".{out_dir.name}.lock", "a+b") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ReporterError(
                        error(f"en annan körning skriver till {out_dir} sedan mer än {wait:.0f} s; vänta tills den är klar och försök igen", file=str(out_dir))
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def manifest(
    documents: dict[str, bytes], inputs: list[Path], period_dir: Path, templates: list[Path] = (), workspace: Path | None = None
) -> bytes:
    """``manifest.json``: every output and input with its sha256, and the tool's version.

    ``documents`` are the bytes as they will be written; there is no time in
    it, so the same inputs give the same manifest.
    """
    from . import __version__

    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def place(folder: Path) -> str:
        """A folder as the manifest names it: from the workspace when inside it, so a moved workspace still verifies."""
        try:
            return folder.resolve().relative_to((workspace or Path.cwd()).resolve()).as_posix()
        except ValueError:
            return folder.resolve().as_posix()

    record = {
        "verktyg": "reporter",
        "version": __version__,
        "period": period_dir.name,
        "indatamapp": place(period_dir),
        "mallmapp": place(templates[0].parent) if templates else "",
        "utdata": [
            {"fil": name, "sha256": digest(data), "byte": len(data)}
            for name, data in documents.items()
        ],
        "indata": [
            {"fil": path.relative_to(period_dir).as_posix(), "sha256": digest(path.read_bytes())}
            for path in inputs
        ],
        "mallar": [{"fil": path.name, "sha256": digest(path.read_bytes())} for path in templates],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
