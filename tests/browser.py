"""The submission pages in a real browser: a uvicorn server on a free port, the system's Chromium driven by Playwright.

No browser is downloaded: Debian's ``chromium`` package (``.ci/run`` installs it). axe-core comes with the PyPI
package axe-playwright-python (its bundled axe.min.js; the version is printed in the file's first line).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from reporter.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
LOCALE = "sv-SE"  # as the users' browsers in Sweden: the file button says "Välj fil" (Debian's chromium-l10n holds the Swedish strings)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--lang={LOCALE}"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(inputs: Path) -> Iterator[tuple[str, object]]:
    """The pages served on 127.0.0.1 in a thread; (base address, app)."""
    app = create_app(inputs)
    port = free_port()
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        running.should_exit = True
        thread.join(10)


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # On Linux Chromium takes its own language (the file button's "Välj fil") from LANGUAGE/LANG, not from --lang.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                             env={**os.environ, "LANGUAGE": "sv_SE:sv", "LANG": "sv_SE.UTF-8"})
        try:
            yield browser
        finally:
            browser.close()


def axe_findings(page) -> list[str]:
    """axe-core's serious and critical findings on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]


def swedish_page(browser, **options):
    """A page in a context of its own with the Swedish locale (dates, numbers, Accept-Language)."""
    return browser.new_page(locale=LOCALE, **options)
