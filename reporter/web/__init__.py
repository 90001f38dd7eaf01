"""The submission pages (``reporter serve``): divisions hand in on the web, the office sees the month.

A thin layer over the library; nothing below this package imports it.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
