"""The commands beside build and validate, one module each, named for the library function it gives.

``scaffold`` (reporter scaffold), ``status`` (reporter status), ``check_templates``
(reporter mallar; build runs the same check on the templates it uses) and
``verify`` (reporter verify). build and validate are the pipeline itself
(:mod:`reporter.pipeline`), ändringar is :mod:`reporter.changes` (build reports
changes too) and serve is :mod:`reporter.web`. The package root re-exports each
command's function; nothing is re-exported here.
"""
