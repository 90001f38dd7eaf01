"""The extension point: an appendix kind from one module and one template, built into a package with the others."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from docx import Document
from helpers import dump_docx

import reporter
from reporter import documents, kinds

ROOT = Path(__file__).resolve().parent.parent

KIND_MODULE = '''"""Läkemedelsrapport: a small appendix kind of its own, showing the report's figures."""

from reporter.documents import AppendixKind
from reporter.kinds import AppendixDeclaration

KIND = AppendixKind(
    declaration=AppendixDeclaration(
        name="lakemedelsrapport", title="Läkemedelsrapport", description="läkemedelskostnaderna", reports_on=""
    ),
)
'''


def _template(target: Path) -> None:
    """The kind's template: the goal fulfilment appendix's styles, a heading and two tags of the contract."""
    document = Document(str(ROOT / "templates" / "maluppfyllelse.docx"))
    body = document.element.body
    for element in list(body):
        if not element.tag.endswith("sectPr"):
            body.remove(element)
    document.add_paragraph("Läkemedelsrapport {{ period|manad_ar }}", style="Heading 1")
    document.add_paragraph("{{ organisation }}: resultatet är {{ ekonomi.periodens_resultat.utfall|mnkr }} mnkr.")
    document.save(str(target))


@pytest.mark.slow  # builds March with a new appendix kind written in a temporary folder, 1.1 s CPU
def test_an_appendix_kind_from_one_module_and_one_template_is_built_with_the_others(tmp_path):
    module_path = tmp_path / "lakemedelsrapport.py"
    module_path.write_text(KIND_MODULE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("lakemedelsrapport", module_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    _template(templates / "lakemedelsrapport.docx")
    period = tmp_path / "2021-03"
    shutil.copytree(ROOT / "inputs" / "2021-03", period)
    config = period / "rapport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - maluppfyllelse\n", "  - maluppfyllelse\n  - lakemedelsrapport\n"), encoding="utf-8")

    documents.register_appendix(module.KIND)
    try:
        result = reporter.build(period, tmp_path / "out", templates, workspace=tmp_path)
    finally:
        del kinds.APPENDICES["lakemedelsrapport"], documents.APPENDICES["lakemedelsrapport"]
    names = [path.name for path in result.files]
    assert "bilaga-5-lakemedelsrapport-2021-03.docx" in names
    assert "bilaga-6-uppfoljning-vardval-primarvard-mars-2021.pdf" in names  # the external appendix is numbered after it
    text = dump_docx(result.out_dir / "bilaga-5-lakemedelsrapport-2021-03.docx")
    assert "Läkemedelsrapport mars 2021" in text and "Region" in text and "mnkr" in text
    assert "Läkemedelsrapport mars 2021" in dump_docx(result.out_dir / "regiondirektorens-rapport-2021-03.docx")  # in its Bilagor list
