"""Running the submission pages: uvicorn on one address, the office's link printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import uvicorn

from .app import create_app

LOCAL = {"127.0.0.1", "localhost", "::1"}


def start_lines(host: str, port: int, office_key: str) -> list[str]:
    """What ``reporter serve`` says on start: the office's address with its key, how to stop, and a warning off this computer."""
    shown = f"[{host}]" if ":" in host else host
    lines = [f"Kontoret: http://{shown}:{port}/{office_key}/",
             "Länken är hemlig: den ger kontorets sida. Stoppa servern med Ctrl+C."]
    if host not in LOCAL:
        lines.append(f"VARNING: servern lyssnar på {host}, inte bara på den här datorn. Den måste stå bakom HTTPS "
                     "(en omvänd proxy med certifikat): annars kan nycklarna i länkarna läsas i nätet.")
    return lines


def serve(inputs: Path, host: str, port: int, echo: Callable[[str], None], pdf: bool = False) -> None:
    """Serve the submission pages over ``inputs`` until stopped."""
    app = create_app(inputs, pdf)
    for line in start_lines(host, port, app.state.web.keys.office()):
        echo(line)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
