"""Version 1 periods build the same documents under every later change of the contract.

The input contract is a public interface (INPUTS-v2.md, "Compatibility"): a
period folder valid under version 1 builds the same documents under version 2.
This test records, for the bundled example and for a v1 period written from
scratch, the sha256 of every part of every generated document (the XML and the
pictures, uncompressed, so that another zlib does not count as a change) and
compares each build with the record. A deliberate change of the documents
(a template edited, a figure corrected) regenerates the record with
``--force-regen``; the diff in git then shows which documents changed.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from conftest import TEMPLATES
from periods import write_other_period

import reporter


def _parts(folder: Path) -> dict[str, dict[str, str]]:
    """Every DOCX of a package: each zip member's sha256, shortened."""
    found = {}
    for document in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(document) as archive:
            found[document.name] = {name: hashlib.sha256(archive.read(name)).hexdigest()[:16] for name in sorted(archive.namelist())}
    return found


def test_the_bundled_v1_period_builds_the_same_documents(example_package, data_regression):
    data_regression.check(_parts(example_package))


def test_a_v1_period_from_elsewhere_builds_the_same_documents(tmp_path, data_regression):
    folder = tmp_path / "2022-02"
    write_other_period(folder)
    package = reporter.build(folder, tmp_path / "out", TEMPLATES).out_dir
    data_regression.check(_parts(package))
