"""The only module that writes build output: out/<period>/, atomically.

Documents are normalised to fixed zip timestamps and a stable member order,
so the same inputs give byte-identical files. The whole package is written
into a staging folder beside the target, which then takes the last package's
place in one swap: a reader never sees half a package, and a build that dies
(killed, power cut, full disk) leaves the previous package as it was.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import re
import shutil
import signal
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

from .errors import Problem, ReporterError, error, warning
from .inputs import file_sha256
from .render import write_entry
from .version import VERSION


def normalise_docx(data: bytes) -> bytes:
    """The same document with fixed timestamps and metadata in every zip entry (a rendered document has them
    already: :func:`reporter.render.word_native`)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            write_entry(target, member.filename, source.read(member.filename))
    return buffer.getvalue()


def staging_folder(out_dir: Path) -> Path:
    """Where a build writes its package before it takes the place of the last one."""
    return out_dir.parent / f".{out_dir.name}.ny"


def previous_folder(out_dir: Path) -> Path:
    """Where the last package waits while the new one takes its place (on systems without an atomic swap)."""
    return out_dir.parent / f".{out_dir.name}.forra"


def write_package(out_dir: Path, documents: dict[str, bytes]) -> tuple[list[Path], list[Problem]]:
    """Write the package: every document into a staging folder, then that folder in the last one's place.

    The folder holds one build or the one before, never a mix: a build that
    dies while writing (killed, out of disk) leaves the last package as it
    was, and the next build clears what it left and says so (the returned
    notes). Files in the folder that no build made (the last manifest does
    not list them) are carried over, unless they are named as the tool names
    its documents (:func:`looks_made_by_us`): those are an earlier build's,
    left by a lost manifest, and are dropped with a note. Call it holding
    :func:`output_lock`.
    """
    notes = recover(out_dir)
    staging = staging_folder(out_dir)
    try:
        staging.mkdir(parents=True)
        had_manifest = (out_dir / "manifest.json").is_file()
        carried = set(_listed(out_dir / "manifest.json")) | {"manifest.json"}
        stale = []
        if out_dir.is_dir():
            for path in sorted(out_dir.iterdir()):
                if not path.is_file() or path.name in carried or path.name in documents:
                    continue
                if looks_made_by_us(path.name, documents):
                    stale.append(path.name)  # an earlier build's, not listed in its manifest: not carried into the new package
                else:
                    shutil.copy2(path, staging / path.name)  # not ours: the user's own file stays
        if stale:
            notes.append(stale_note(stale, had_manifest, out_dir))
        for number, (name, data) in enumerate(sorted(documents.items(), key=lambda item: item[0] == "manifest.json"), 1):
            _write_file(staging / name, data)
            checkpoint(f"fil {number}")
        _sync_folder(staging)
        checkpoint("före bytet")
        _swap(staging, out_dir)
        checkpoint("efter bytet")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(previous_folder(out_dir), ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ReporterError(written_error(exc, out_dir)) from None
    return [out_dir / name for name in documents], notes


# A document's name as the tool makes it: the period (``2021-03``) and what follows it taken away, what is left is
# the kind's stem (``regiondirektorens-rapport-``); an appendix is ``bilaga-N-…`` whatever its kind.
PERIOD_IN_NAME = re.compile(r"\d{4}-\d{2}(?!.*\d{4}-\d{2}).*$")
APPENDIX_NAME = re.compile(r"bilaga-\d+-.+\.(docx|pdf)", re.IGNORECASE)


def looks_made_by_us(name: str, documents: dict[str, bytes]) -> bool:
    """True for a file name the tool's naming gives: an appendix (``bilaga-N-…``), a manifest, or a name
    that begins as one of the new package's documents before its period (an earlier month's report)."""
    if name == "manifest.json" or APPENDIX_NAME.fullmatch(name):
        return True
    if not name.lower().endswith((".docx", ".pdf")):
        return False
    stems = {PERIOD_IN_NAME.sub("", made) for made in documents if PERIOD_IN_NAME.search(made)}
    return any(stem and name.startswith(stem) and PERIOD_IN_NAME.search(name[len(stem):]) for stem in stems)


def stale_note(names: list[str], had_manifest: bool, out_dir: Path) -> Problem:
    """What the build says of the earlier builds' files it removed from the package folder."""
    why = (
        "manifest.json saknades, så mappens filer kunde inte jämföras med förra paketet; filer som är namngivna som "
        "verktygets egna men inte hör till det nya paketet togs bort"
        if not had_manifest
        else "filer som är namngivna som verktygets egna men inte hör till det nya paketet (och inte fanns i förra manifestet) togs bort"
    )
    return warning(f"{why}: {', '.join(names)}. Egna filer med andra namn ligger kvar", file=str(out_dir))


def written_error(exc: OSError, where: Path) -> Problem:
    """What a failed write means to the user, in Swedish, naming the path: never "an error in reporter"."""
    path = exc.filename or where
    reasons: dict[int | None, str] = {
        errno.ENOSPC: "disken är full",
        errno.EDQUOT: "diskkvoten är slut",
        errno.EACCES: "du har inte behörighet att skriva där",
        errno.EPERM: "du har inte behörighet att skriva där",
        errno.EROFS: "platsen går bara att läsa",
        errno.ENAMETOOLONG: "namnet är för långt för filsystemet",
        errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    }
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    return error(
        f"paketet kunde inte skrivas till {where}: {reason} ({path}). Förra paketet i mappen är orört; "
        f"åtgärda det och bygg igen, eller välj en annan utmapp med --out",
        file=str(where),
    )


def recover(out_dir: Path) -> list[Problem]:
    """Clear what a build that died while writing left beside ``out_dir``; say what was done."""
    notes = []
    previous, staging = previous_folder(out_dir), staging_folder(out_dir)
    if previous.is_dir():
        if out_dir.exists():
            shutil.rmtree(previous, ignore_errors=True)
        else:
            previous.rename(out_dir)
            notes.append(warning(f"en tidigare körning avbröts mitt i bytet; förra paketet lades tillbaka i {out_dir}", file=str(out_dir)))
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
        notes.append(warning(f"en tidigare körning avbröts medan den skrev; dess halvfärdiga mapp {staging.name} togs bort", file=str(out_dir)))
    return notes


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o644)


def _sync_folder(folder: Path) -> None:
    """Make the folder's entries durable (a power cut after the swap keeps every file)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _swap(staging: Path, out_dir: Path) -> None:
    """Put the staging folder in out_dir's place: one atomic exchange where the system has it."""
    if not out_dir.exists():
        staging.rename(out_dir)
    elif _exchange(staging, out_dir):
        pass  # staging now holds the last package, removed by the caller
    else:
        out_dir.rename(previous_folder(out_dir))
        checkpoint("mitt i bytet")
        staging.rename(out_dir)
    _sync_folder(out_dir.parent)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    if sys.platform != "linux" or os.environ.get("REPORTER_UTAN_ATOMISKT_BYTE"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def checkpoint(label: str) -> None:
    """A place where the tests stop a build: ``REPORTER_TEST_AVBRYT=<label>`` kills it there as
    ``kill -9`` would; ``REPORTER_TEST_AVBRYT=SIGINT@<label>`` sends that signal instead (Ctrl-C)."""
    wanted = os.environ.get("REPORTER_TEST_AVBRYT")
    if not wanted:
        return
    name, _, at = wanted.rpartition("@")
    if at == label:
        os.kill(os.getpid(), getattr(signal, name or "SIGKILL"))


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
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        handle = open(out_dir.parent / f".{out_dir.name}.lock", "a+b")
    except OSError as exc:
        raise ReporterError(written_error(exc, out_dir)) from None
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock; the package is still written whole or not at all
        with handle:
            yield
        return
    with handle:
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
    documents: dict[str, bytes], inputs: list[Path], period_dir: Path, templates: Sequence[Path] = (), workspace: Path | None = None
) -> bytes:
    """``manifest.json``: every output and input with its sha256, and the tool's version.

    ``documents`` are the bytes as they will be written; there is no time in
    it, so the same inputs give the same manifest.
    """
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def place(folder: Path) -> str:
        """A folder as the manifest names it: from the workspace when inside it, so a moved workspace still verifies."""
        try:
            return folder.resolve().relative_to((workspace or Path.cwd()).resolve()).as_posix()
        except ValueError:
            return folder.resolve().as_posix()

    read = [{"fil": path.relative_to(period_dir).as_posix(), "sha256": file_sha256(path)} for path in inputs]
    record = {
        "verktyg": "reporter",
        "version": VERSION,
        "period": period_dir.name,
        "indatamapp": place(period_dir),
        "mallmapp": place(templates[0].parent) if templates else "",
        "indata_sha256": folder_digest(read),
        "utdata": [
            {"fil": name, "sha256": digest(data), "byte": len(data)}
            for name, data in documents.items()
        ],
        "indata": read,
        "mallar": [{"fil": path.name, "sha256": file_sha256(path)} for path in templates],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def folder_digest(files: list[dict[str, str]]) -> str:
    """One sha256 for a folder's content: every file's path and sha256, in path order."""
    lines = "".join(f"{entry['fil']}\t{entry['sha256']}\n" for entry in sorted(files, key=lambda entry: entry["fil"]))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()
