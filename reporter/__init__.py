"""reporter: builds Regiondirektörens rapport from a period's input workbooks.

The public API: :func:`build` a period into ``out/``, :func:`validate` a
period folder, :func:`check_templates` the Word templates. All report
problems as located :class:`Problem` values. Each function is the library's
own, re-exported here.
"""

from __future__ import annotations

from .changes import compare_folders
from .commands.scaffold import scaffold
from .commands.status import folder_status as status
from .commands.verify import verify
from .errors import Location, Problem, ReporterError, Severity
from .pipeline import build, check_templates, validate
from .version import VERSION as __version__

__all__ = [
    "Location", "Problem", "ReporterError", "Severity", "build", "check_templates", "compare_folders", "scaffold", "status", "validate",
    "verify",
    "__version__",
]
