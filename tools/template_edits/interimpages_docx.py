"""The part every interimpages template edit shares: a template's word/document.xml edited in place, the rest kept."""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere: the repository's reporter
from reporter.docxparts import with_part  # noqa: E402


def edit_document(path: Path, edit: Callable[[etree._Element], None]) -> None:
    """Run ``edit`` on the document's XML root; write the template again only when something changed."""
    with zipfile.ZipFile(path) as source:
        root = etree.fromstring(source.read("word/document.xml"))
    before = etree.tostring(root)
    edit(root)
    if etree.tostring(root) != before:
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        path.write_bytes(with_part(path.read_bytes(), "word/document.xml", data))
