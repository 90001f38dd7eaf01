"""The only module that writes build output: out/<period>/, atomically.

Documents are normalised to fixed zip timestamps and a stable member order,
so the same inputs give byte-identical files. Each file is written to a
temporary name beside its target and renamed, so a reader never sees half a
file and a failed build leaves the previous output as it was.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

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
    """Write each named document, as given, into out_dir; return the paths written."""
    written = []
    for name, data in documents.items():
        path = out_dir / name
        write_atomic(path, data)
        written.append(path)
    return written


def manifest(documents: dict[str, bytes], inputs: list[Path], period_dir: Path) -> bytes:
    """``manifest.json``: every output and input with its sha256, and the tool's version.

    ``documents`` are the bytes as they will be written; there is no time in
    it, so the same inputs give the same manifest.
    """
    from . import __version__

    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    record = {
        "verktyg": "reporter",
        "version": __version__,
        "period": period_dir.name,
        "utdata": [
            {"fil": name, "sha256": digest(data), "byte": len(data)}
            for name, data in documents.items()
        ],
        "indata": [
            {"fil": path.relative_to(period_dir).as_posix(), "sha256": digest(path.read_bytes())}
            for path in inputs
        ],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
