"""Property-based: whatever lands in a cell or a text, validate and build never crash.

Random values go into cells of a small period and random text into a text
file. Validation must return problems, never raise; a period it accepts must
build, and every DOCX built must open in python-docx.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

import pytest
from docx import Document
from helpers import edit_sheet
from periods import write_other_period

import reporter
from reporter.errors import ReporterError

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_OPENPYXL_REFUSES = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


# hypothesis is imported when this test runs, not when the suite is collected: it takes 0.5 s to import, and
# every test process collects every module. (Its pytest plugin is off in pyproject.toml for the same reason:
# it imports hypothesis in xdist's controller after the last test; a failing example is shown without it.)
@pytest.mark.slow  # 25 hypothesis examples, each a period written, validated and built (3.7 s CPU)
@pytest.mark.long
def test_no_input_makes_validate_or_build_crash():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    # CI runs with fixed examples, so that a run can be repeated exactly.
    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("REPORTER_PDF_TESTS") == "1" or os.environ.get("CI"):
        settings.load_profile("ci")
    cell_values = st.one_of(
        st.none(),
        st.integers(min_value=-10**12, max_value=10**12),
        st.floats(allow_nan=False, allow_infinity=False, width=32),
        st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
        st.text(max_size=60).map(lambda t: _OPENPYXL_REFUSES.sub("", t)),
        st.sampled_from(["#DIV/0!", "=1/0", "_x000B_", "Totalt", "PV", "2022-02", "−0", "1 234,5", "  ", "{{ x }}", "<w:p>"]),
    )
    edits = st.lists(
        st.tuples(st.sampled_from(["A", "B", "C", "D", "E", "F"]), st.integers(min_value=1, max_value=30), cell_values),
        min_size=1,
        max_size=6,
    )
    texts = st.text(max_size=400)

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(edits=edits, text=texts)
    def validate_and_build(edits, text):
        _validate_and_build(edits, text)

    validate_and_build()


def _validate_and_build(edits, text) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        period = root / "2022-02"
        write_other_period(period)

        def edit(sheet):
            for column, row, value in edits:
                sheet[f"{column}{row}"] = value

        edit_sheet(period / "personal.xlsx", "Anställda", edit)
        (period / "texter").mkdir(exist_ok=True)
        (period / "texter" / "inledning.md").write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates too
        checked = reporter.validate(period)  # never raises
        if checked.errors:
            try:
                reporter.build(period, root / "out", TEMPLATES)
            except ReporterError as exc:
                assert exc.errors
            else:
                raise AssertionError("a build went through a period that validate refused")
            return
        result = reporter.build(period, root / "out", TEMPLATES)
        for path in result.files:
            if path.suffix == ".docx":
                Document(path)
