"""The tool's version, as installed (pyproject.toml): shown in each document's app.xml and in the manifest."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("reporter")
except PackageNotFoundError:  # run from a source tree that is not installed
    VERSION = "okänd"
