"""The stages in order, each once: a document's figures are computed once per build, the checks are given them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import reporter
from reporter.documents import delarsrapport, manadsrapport

ROOT = Path(__file__).resolve().parent.parent
TERTIAL = ROOT / "inputs" / "2020-09"


@pytest.mark.slow  # large: the whole tertial period (nine documents and their charts) built again (3 s CPU)
def test_a_tertial_build_computes_each_documents_figures_once(monkeypatch, tmp_path):
    """The report's figures and each division's interim report's figures: once each, for the checks, the stale texts,
    the section Divisionernas delårsrapporter and the documents together."""
    calls: Counter[str] = Counter()

    def counted(module, label):
        original = module.compute_all

        def compute(inputs, config):
            calls[label(config)] += 1
            return original(inputs, config)

        monkeypatch.setattr(module, "compute_all", compute)

    counted(delarsrapport, lambda config: config.division)
    counted(manadsrapport, lambda config: "rapporten")
    result = reporter.build(TERTIAL, tmp_path / "out", ROOT / "templates", workspace=ROOT)
    divisions = [name for name in calls if name != "rapporten"]
    assert len(divisions) == 6 and len(result.files) > 6
    assert calls == Counter({name: 1 for name in [*divisions, "rapporten"]})


def test_a_rendered_documents_bytes_are_finished_in_one_function():
    """render_docx packs the document once, with fixed entry times: normalising it again changes no byte."""
    from reporter.kinds import ANALYSIS_TEXTS
    from reporter.package import normalise_docx
    from reporter.pipeline import template_context
    from reporter.render import render_docx

    context = template_context(ROOT / "inputs" / "2021-03")
    data = render_docx(ROOT / "templates" / "regiondirektorens-rapport.docx", context, {"titel": "Rapporten"}, ANALYSIS_TEXTS)
    assert normalise_docx(data) == data


def test_config_is_pure_the_folder_is_read_and_checked_by_period_config():
    """config.py parses rapport.yaml's values; reading the file and checking the files it names is period_config's."""
    import ast

    tree = ast.parse((ROOT / "reporter" / "config.py").read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom | ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"pathlib", "Path", "os", "shutil", "on_disk", "unicode_paths", "yaml", "pickle"}
