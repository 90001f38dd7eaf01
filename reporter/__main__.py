"""``python -m reporter``: the same command line as ``reporter``."""

from .cli import main

main()
