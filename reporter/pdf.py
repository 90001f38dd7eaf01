"""DOCX → PDF with LibreOffice, all documents in one process, and one merged PDF.

LibreOffice lays the documents out and fills in the page fields (Sida N (M));
pypdf joins the package into one PDF in the order of the appendix list.
Nothing here writes to the output folder: the PDFs come back as bytes.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ReporterError, error

SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT_SECONDS = 900


def find_soffice(given: Path | None = None) -> Path:
    """LibreOffice's soffice: the given path, or the first on PATH."""
    if given is not None:
        if given.is_file() and os.access(given, os.X_OK):
            return given
        raise ReporterError(error(f"--soffice {given}: filen finns inte eller går inte att köra"))
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ReporterError(
        error(
            "LibreOffice (soffice) hittas inte, så PDF kan inte skapas. Installera LibreOffice "
            "(t.ex. apt-get install libreoffice-writer-nogui) eller ange sökvägen med --soffice. "
            "Utan --pdf byggs DOCX-filerna som vanligt."
        )
    )


def convert(documents: dict[str, bytes], soffice: Path, to: str = "pdf") -> dict[str, bytes]:
    """Convert every DOCX (name → bytes) in one LibreOffice run; name.pdf → bytes.

    ``to`` is LibreOffice's target format: ``pdf``, or ``docx`` to have
    Writer open and save a document as a template owner's Writer would.
    """
    with tempfile.TemporaryDirectory(prefix="reporter-pdf-") as temporary:
        folder = Path(temporary)
        sources = []
        for name, data in documents.items():
            path = folder / name
            path.write_bytes(data)
            sources.append(path)
        profile = folder / "profil"  # its own profile: never disturbs an open LibreOffice
        command = [
            str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", to, "--outdir", str(folder / "ut"), *map(str, sources),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise ReporterError(error(f"LibreOffice blev inte klar med {to.upper()}-filerna på {TIMEOUT_SECONDS} sekunder")) from None
        except OSError as exc:
            raise ReporterError(error(f"LibreOffice kunde inte startas ({soffice}): {exc.strerror or exc}")) from None
        result = {}
        for source in sources:
            converted = folder / "ut" / f"{source.stem}.{to}"
            if not converted.is_file():
                detail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or ["inget meddelande"]
                raise ReporterError(error(f"LibreOffice gjorde ingen {to.upper()} av {source.name} ({detail[0]})"))
            data = converted.read_bytes()
            if to == "pdf" and not _opens(data):
                raise ReporterError(
                    error(f"LibreOffice ({soffice}) gjorde en trasig PDF av {source.name}; försök igen, eller uppdatera LibreOffice")
                )
            result[converted.name] = data
        return result


def _opens(data: bytes) -> bool:
    """True for a PDF that can be read and has pages."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return len(PdfReader(io.BytesIO(data)).pages) > 0
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return False


def merge(pdfs: list[bytes]) -> bytes:
    """One PDF of the given PDFs, in order."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(io.BytesIO(data))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
