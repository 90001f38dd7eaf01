"""The part every interimpages template edit shares: a template's word/document.xml edited in place, the rest kept."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree


def edit_document(path: Path, edit: Callable[[etree._Element], None]) -> None:
    """Run ``edit`` on the document's XML root; write the template again only when something changed."""
    with zipfile.ZipFile(path) as source:
        root = etree.fromstring(source.read("word/document.xml"))
        before = etree.tostring(root)
        edit(root)
        if etree.tostring(root) == before:
            return
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "word/document.xml":
                    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                target.writestr(info, content)
    path.write_bytes(buffer.getvalue())
