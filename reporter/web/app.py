"""The submission pages: the office's and each division's, under a secret key in the address.

A thin layer over the library: pages show what ``check``, ``status``,
``scaffold`` and ``build`` say. Plain HTML forms, no script; every form
carries a CSRF token; every response a strict Content-Security-Policy. A
wrong or revoked key, and any address that is not a page, get the same 404.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import scaffold
from ..causes import Cause, by_cause, plural
from ..commands.scaffold import scaffold_report
from ..commands.status import INVALID, MISSING, NO_ROWS, NOT_APPLICABLE, REGION, SUBMITTED, Status
from ..config import CONFIG_FILE
from ..errors import Problem, ReporterError
from ..formatting import manad_ar
from ..period_config import load_config_partly
from ..periods import folder_month, previous_period_dir
from ..pipeline import Checked
from .builds import Build, Builds, package_zip
from .cells import STATE_WORDS, file_cell
from .handin import MAX_UPLOAD, Expected, Outcome, Periods, concerns, divisions, expected, line_of, open_periods, state_dir
from .interim import interim_book, interim_cell, interim_text_state
from .keys import Keys, digest, load_secret
from .matrix import INTERIM_COLUMN, Unchecked, unchecked
from .sections import body, division_names, find, rebuilt
from .store import DB_NAME, OFFICE, KeyRow, Store, Upload

HERE = Path(__file__).parent
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
NOT_FOUND = "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Sidan finns inte</title></head>" \
            "<body><main><h1>Sidan finns inte</h1><p>Kontrollera länken.</p></main></body></html>"


class TooLarge(Exception):
    """An upload went over MAX_UPLOAD while it was received."""


class SecurityHeaders:
    """Adds the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


@functools.cache
def pages() -> Environment:
    """The pages' templates, compiled once per process: at the application's start, not on the first view (and an
    application made again in the same process, as each web test makes its own, compiles them no more)."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["plural"] = lambda count, one, many: plural(count, one, many)
    env.filters["period_name"] = period_name
    for name in ("office.html", "division.html", "check.html", "build.html"):
        env.get_template(name)
    period_name("2021-01")  # the Swedish month names (babel) loaded at start too
    return env


class Web:
    """The application's state: the inputs folder, the log, keys, builds."""

    def __init__(self, inputs: Path, pdf: bool = False) -> None:
        self.inputs = inputs.resolve()
        shutil.rmtree(state_dir(self.inputs) / "tmp", ignore_errors=True)  # what a killed server left half-received
        state_dir(self.inputs)
        self.store = Store(self.inputs / DB_NAME)
        self.keys = Keys(load_secret(self.inputs), self.store)
        self.periods = Periods(self.inputs, self.store)
        self.builds = Builds(self.inputs, self.inputs.parent, pdf)
        self.env = pages()

    # --- keys ------------------------------------------------------------------------------

    def who(self, request: Request) -> tuple[str, KeyRow]:
        key = request.path_params["key"]
        row = self.store.key(digest(key)) if re.fullmatch(r"[A-Za-z0-9_-]{20,64}", key) else None
        if row is None:
            raise HTTPException(404)
        return key, row

    def office(self, request: Request) -> str:
        key, row = self.who(request)
        if row.role != OFFICE:
            raise HTTPException(404)
        return key

    def division(self, request: Request) -> tuple[str, KeyRow]:
        key, row = self.who(request)
        if row.role != "division" or not (self.inputs / row.period / CONFIG_FILE).is_file():
            raise HTTPException(404)
        return key, row

    def period(self, request: Request) -> str:
        period = request.path_params["period"]
        if period not in self.periods_list():
            raise HTTPException(404)
        return period

    def periods_list(self) -> list[str]:
        return open_periods(self.inputs)

    async def form(self, request: Request, key: str) -> dict[str, str | UploadFile]:
        """The form's fields, an upload spooled to disk and refused once it passes MAX_UPLOAD; 403 without the CSRF token."""
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_UPLOAD + 64 * 1024:
            raise TooLarge
        received = 0

        async def limited() -> AsyncGenerator[bytes, None]:
            nonlocal received
            try:
                async for chunk in request.stream():
                    received += len(chunk)
                    if received > MAX_UPLOAD + 64 * 1024:
                        raise TooLarge
                    yield chunk
            except ClientDisconnect:  # the browser closed mid-upload: nothing was kept, nothing is answered
                raise HTTPException(400) from None

        content_type = request.headers.get("content-type", "")
        if content_type.startswith("multipart/form-data"):
            try:
                form = await MultiPartParser(request.headers, limited(), max_files=1, max_fields=8, max_part_size=64 * 1024).parse()
            except MultiPartException:
                raise HTTPException(400) from None
        else:
            body = b"".join([chunk async for chunk in limited()])
            form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))  # type: ignore[assignment]
        fields = dict(form.items())
        token = fields.get("csrf")
        if not isinstance(token, str) or not self.keys.csrf_ok(key, token):
            raise HTTPException(403)
        return fields

    def page(self, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status_code)

    # --- the office --------------------------------------------------------------------------

    def office_home(self, request: Request) -> Response:
        key = self.office(request)
        periods = self.periods_list()
        if periods:
            months = [p for p in periods if folder_month(self.inputs / p) is not None]  # the newest month, as build chooses
            return RedirectResponse(f"/{key}/period/{(months or periods)[-1]}", status_code=303)
        return self.page("office.html", key=key, csrf=self.keys.csrf(key), periods=[], chosen=None, notes=[])

    def office_context(self, request: Request, key: str, period: str, **extra) -> dict:
        """The office's page of a period: the matrix from the period's check when it is fresh, else at once from the files
        on disk and the log while the period is checked in the background (the page says so, and a link shows it again)."""
        uploads = self.store.uploads(period)
        known = self.periods.fresh(period)
        if known is None:
            matrix = unchecked(self.inputs / period, uploads)  # office_page starts the check once the page is sent
        else:
            matrix = self._checked_matrix(*known, uploads)
        ready = self.store.ready(period)
        deadline = self.store.deadline(period)
        late_after = deadline and date.today().isoformat() > deadline
        base = str(request.base_url)
        links = self.keys.divisions(period, [name for name in matrix.names if name != REGION])
        rows = []
        for division in matrix.names:
            done = ready.get(division, "")
            rows.append({
                "division": division,
                "cells": matrix.cells[division],
                "link": f"{base}{links[division]}/" if division in links else "",
                "ready": done,
                "late": bool(division != REGION and late_after and not done),
            })
        return dict(key=key, csrf=self.keys.csrf(key), periods=self.periods_list(), chosen=period, table=known[1] if known else None,
                    rows=rows, columns=matrix.columns, texts=matrix.texts, checking=known is None,
                    example_date=example_deadline(self.inputs / period),
                    deadline=deadline, late=[r["division"] for r in rows if r["late"]], build=self.builds.latest.get(period),
                    running=self.builds.running, **{"notes": [], **extra})

    def office_page(self, context: dict, status_code: int = 200) -> Response:
        """The office's page; when it shows the period unchecked, the check starts once the page is sent (not competing with it)."""
        response = self.page("office.html", status_code=status_code, **context)
        if context.get("checking"):
            response.background = BackgroundTask(self.periods.check_soon, context["chosen"])
        return response

    @staticmethod
    def _checked_matrix(checked: Checked, table: Status, uploads: list[Upload]) -> Unchecked:
        """The matrix as the period's check says it, each division's cells with its last hand-in."""
        matrix = Unchecked(table.kinds + ([INTERIM_COLUMN] if table.interim else []), [d for d, _ in table.rows], table.texts)
        for division, cells in table.rows:
            if division == REGION:
                matrix.cells[division] = [file_cell(cells.get(kind), None, []) for kind in table.kinds] + \
                    ([file_cell(None, None, [])] if table.interim else [])
                continue
            own = {e.kind: e for e in expected(checked.config, division) if not e.text}
            mine = [u for u in uploads if u.division == division]
            interim = next((i for i in table.interim if i.division == division), None)
            matrix.cells[division] = [file_cell(cells.get(kind), own.get(kind), mine) for kind in table.kinds] + \
                ([interim_cell(interim, mine)] if table.interim else [])
        return matrix

    def office_post(self, act: Callable[[Request, str, str, dict], Response]) -> Callable:
        """A form the office posts about a period: the key and period checked, the form read (limited, CSRF), then ``act``
        in a worker thread."""

        async def endpoint(request: Request) -> Response:
            key = self.office(request)
            period = self.period(request)
            fields = await self.form(request, key)
            return await run_in_threadpool(act, request, key, period, fields)

        return endpoint

    def office_period(self, request: Request) -> Response:
        key = self.office(request)
        period = self.period(request)
        return self.office_page(self.office_context(request, key, period))

    def set_deadline(self, request: Request, key: str, period: str, fields: dict) -> Response:
        written = str(fields.get("deadline", ""))
        deadline, problem = parse_deadline(written, example_deadline(self.inputs / period))
        if problem:
            context = self.office_context(request, key, period, notes=[problem])
            context["deadline"] = written.strip()  # what was written stays in the field, to be corrected
            return self.office_page(context, status_code=400)
        self.store.set_deadline(period, deadline)
        return RedirectResponse(f"/{key}/period/{period}", status_code=303)

    def new_link(self, request: Request, key: str, period: str, fields: dict) -> Response:
        division = str(fields.get("division", ""))
        if division not in divisions(self.inputs / period):
            raise HTTPException(404)
        self.keys.division(period, division, new=True)
        context = self.office_context(request, key, period, notes=[f"Ny länk för {division}: den gamla fungerar inte längre"])
        return self.office_page(context)

    def check_period(self, request: Request) -> Response:
        key = self.office(request)
        period = self.period(request)
        checked, _ = self.periods.status(period)
        return self.page("check.html", key=key, chosen=period, groups=_groups(checked.problems), errors=len(checked.errors),
                         warnings=len(checked.warnings))

    def start_build(self, request: Request, key: str, period: str, fields: dict) -> Response:
        job = self.builds.start(period, strict=fields.get("slutlig") == "1")
        if job is None:
            running = self.builds.running
            note = f"Ett bygge pågår redan ({running.period}); vänta tills det är klart" if running else "Ett bygge pågår redan"
            return self.office_page(self.office_context(request, key, period, notes=[note]), status_code=409)
        return RedirectResponse(f"/{key}/period/{period}/bygg", status_code=303)

    def build_page(self, request: Request) -> Response:
        key = self.office(request)
        period = self.period(request)
        job = self.builds.latest.get(period)
        if job is None:
            return RedirectResponse(f"/{key}/period/{period}", status_code=303)
        return self.page("build.html", key=key, chosen=period, job=job, files=_outputs(job), groups=_groups(job.problems))

    def build_file(self, request: Request) -> Response:
        self.office(request)
        period = self.period(request)
        job = self.builds.latest.get(period)
        name = request.path_params["name"]
        if job is None or job.running or job.out_dir is None:
            raise HTTPException(404)
        if name == "paket.zip":
            return Response(package_zip(job), media_type="application/zip",
                            headers={"content-disposition": f'attachment; filename="{job.out_dir.name}.zip"'})
        found = next((path for path in job.files if path.relative_to(job.out_dir).as_posix() == name), None)
        if found is None or not found.is_file():
            raise HTTPException(404)
        return FileResponse(found, filename=found.name)

    async def next_month(self, request: Request) -> Response:
        key = self.office(request)
        await self.form(request, key)
        return await run_in_threadpool(self._next_month, request, key)

    def _next_month(self, request: Request, key: str) -> Response:
        months = [p for p in self.periods_list() if folder_month(self.inputs / p) is not None]
        if not months:
            raise HTTPException(404)
        month = folder_month(self.inputs / months[-1])
        assert month is not None
        new = month.plus(1)
        try:
            made = scaffold(self.inputs / str(new), new)
            notes = scaffold_report(made, self.inputs / str(new))
        except ReporterError as exc:
            notes = [str(p) for p in exc.problems]
        return self.office_page(self.office_context(request, key, str(new) if (self.inputs / str(new)).is_dir() else months[-1], notes=notes))

    # --- a division ----------------------------------------------------------------------------

    def division_context(self, key: str, row: KeyRow, outcome: Outcome | None = None, notes: list[str] | None = None,
                         written: str | None = None) -> dict:
        """The division's page: its files and their states; ``outcome`` the upload just made, ``written`` a text just saved."""
        checked, table = self.periods.status(row.period)
        cells = dict(next((cells for name, cells in table.rows if name == row.division), {}))
        uploads = self.store.uploads(row.period, row.division)
        items = expected(checked.config, row.division)
        files: list[dict[str, Any]] = []
        texts: list[dict[str, Any]] = []
        ranges: dict[str, range] = {}  # a section text's lines that are the division's
        for item in items:
            mine = [u for u in uploads if u.file == item.file]
            if item.text:
                whole = self._text(row.period, item)
                names = division_names(checked.config, row.division)
                own = body(whole, names) if item.section else whole
                if item.folder:
                    state = interim_text_state(item, checked, table, bool(whole.strip()))
                else:
                    state = ("finns" if own.strip() else MISSING) if item.section else table.texts.get(item.file.split("/", 1)[1], MISSING)
                cell = _text_cell(state, mine)
                content = written if written is not None and outcome and outcome.upload.file == item.file else own
                first = rebuilt(whole, names, row.division, content or "-")[1].start if item.section else 1
                texts.append({"item": item, "cell": cell, "history": list(reversed(mine)), "content": content, "first": first})
                if item.section:
                    found = find(whole, names)
                    ranges[item.file] = range(found.start + 1, found.end + 1) if found.heading is not None else range(0)
            else:
                submission = interim_book(item, checked, self.inputs / row.period) if item.folder else cells.get(item.kind)
                files.append({"item": item, "cell": file_cell(submission, item, mine), "history": list(reversed(mine))})
        mine_problems = [p for p in checked.problems if any(concerns(p, item.file, row.division) and (item.file not in ranges or
                         line_of(p) is None or line_of(p) in ranges[item.file]) for item in items)]
        clean = not any(p.is_error for p in mine_problems) and all(f["cell"]["state"] in {SUBMITTED, NO_ROWS, NOT_APPLICABLE} for f in files) \
            and any(f["cell"]["state"] == SUBMITTED for f in files) \
            and all(t["cell"]["state"] in {SUBMITTED, NOT_APPLICABLE} or (t["item"].section and t["cell"]["state"] == MISSING) for t in texts)
        return dict(key=key, csrf=self.keys.csrf(key), period=row.period, division=row.division, files=files, texts=texts,
                    deadline=self.store.deadline(row.period), ready=self.store.ready(row.period).get(row.division, ""), clean=clean,
                    outcome=outcome, groups=_groups(outcome.problems) if outcome else [], notes=notes or [],
                    max_mb=MAX_UPLOAD // (1024 * 1024), version=sum(1 for u in uploads if outcome and u.file == outcome.upload.file))

    def _text(self, period: str, item: Expected) -> str:
        path = self.inputs / period / item.file
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def division_page(self, request: Request) -> Response:
        key, row = self.who(request)
        if row.role == OFFICE:
            return self.office_home(request)
        key, row = self.division(request)
        return self.page("division.html", **self.division_context(key, row))

    def _expected(self, request: Request, row: KeyRow, text: bool = False) -> Expected:
        config = self.periods.status(row.period)[0].config
        item = next((e for e in expected(config, row.division) if e.kind == request.path_params["kind"] and e.text == text), None)
        if item is None:
            raise HTTPException(404)
        return item

    def download(self, request: Request) -> Response:
        key, row = self.division(request)
        item = self._expected(request, row)
        current = self.inputs / row.period / item.file
        if current.is_file():
            return Response(current.read_bytes(), media_type=XLSX, headers={"content-disposition": f'attachment; filename="{item.name}"'})
        data = self._scaffolded(row, item)
        if data is None:
            raise HTTPException(404)
        return Response(data, media_type=XLSX, headers={"content-disposition": f'attachment; filename="{item.name}"'})

    def _scaffolded(self, row: KeyRow, item: Expected) -> bytes | None:
        """The division's workbook for the month, carried forward from the previous period by ``scaffold``."""
        period_dir = self.inputs / row.period / item.folder  # an interim report's folder: its own rapport.yaml
        config, _ = load_config_partly(period_dir)
        if config is None:
            return None
        with tempfile.TemporaryDirectory(dir=state_dir(self.inputs) / "tmp") as temp:
            target = Path(temp) / row.period / item.folder
            target.mkdir(parents=True)
            shutil.copyfile(period_dir / CONFIG_FILE, target / CONFIG_FILE)
            try:
                source = None if item.folder else previous_period_dir(period_dir, config.period)
                scaffold(target, config.period, division=row.division, source=source)
            except ReporterError:
                return None
            made = target / item.name
            return made.read_bytes() if made.is_file() else None

    async def _division_form(self, request: Request, key: str, row: KeyRow, what: str, refused: str) -> dict | Response:
        """The form's fields, or the division's page saying the upload was over the limit."""
        try:
            return await self.form(request, key)
        except TooLarge:
            context = await run_in_threadpool(self.division_context, key, row, notes=[f"{what} är större än {MAX_UPLOAD // (1024 * 1024)} MB och {refused}"])
            return self.page("division.html", status_code=413, **context)

    def division_post(self, act: Callable[[str, KeyRow, Expected, dict], Response], text: bool, what: str, refused: str) -> Callable:
        """A division's upload or text: the key and file checked, the form read (limited, CSRF), then ``act`` in a worker thread."""

        async def endpoint(request: Request) -> Response:
            key, row = self.division(request)
            item = self._expected(request, row, text=text)
            fields = await self._division_form(request, key, row, what, refused)
            if isinstance(fields, Response):
                return fields
            return await run_in_threadpool(act, key, row, item, fields)

        return endpoint

    def upload(self, key: str, row: KeyRow, item: Expected, fields: dict) -> Response:
        upload = fields.get("fil")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return self.page("division.html", status_code=400, **self.division_context(key, row, notes=["Välj en fil att lämna in"]))
        if not upload.filename.casefold().endswith(".xlsx"):
            note = f"Filen ska vara en Excel-arbetsbok (.xlsx); den som valdes heter {Path(upload.filename).name}. Spara som Excel-arbetsbok och försök igen"
            return self.page("division.html", status_code=400, **self.division_context(key, row, notes=[note]))
        with tempfile.NamedTemporaryFile(dir=state_dir(self.inputs) / "tmp", suffix=".xlsx") as received:
            upload.file.seek(0)
            shutil.copyfileobj(upload.file, received, 1 << 16)
            received.flush()
            outcome = self.periods.hand_in(row.period, row.division, item.file, Path(received.name))
        return self.page("division.html", status_code=200 if outcome.upload.accepted else 422, **self.division_context(key, row, outcome))

    def save_text(self, key: str, row: KeyRow, item: Expected, fields: dict) -> Response:
        content = fields.get("innehall")
        if not isinstance(content, str):
            raise HTTPException(400)
        return self._save_text(key, row, item, content)

    def upload_text(self, key: str, row: KeyRow, item: Expected, fields: dict) -> Response:
        """A text handed in as a Markdown file: read as UTF-8, then saved as if written in its text area."""
        upload = fields.get("fil")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return self.page("division.html", status_code=400, **self.division_context(key, row, notes=["Välj en fil att lämna in"]))
        name = Path(upload.filename).name
        upload.file.seek(0)
        content = _utf8_text(upload.file.read()) if name.casefold().endswith((".md", ".txt")) else None
        if content is None:
            note = (f"Filen ska vara en text i Markdown (.md, teckenkodning UTF-8); den som valdes, {name}, är det inte. "
                    "Spara texten som oformaterad text i UTF-8, eller klistra in den i textrutan")
            return self.page("division.html", status_code=400, **self.division_context(key, row, notes=[note]))
        return self._save_text(key, row, item, content)

    def _save_text(self, key: str, row: KeyRow, item: Expected, content: str) -> Response:
        content = content.replace("\r\n", "\n").replace("\r", "\n")
        if item.section:
            outcome = self.periods.hand_in_section(row.period, row.division, item.file, content)[0]
            context = self.division_context(key, row, outcome, written=content)
            return self.page("division.html", status_code=200 if outcome.upload.accepted else 422, **context)
        with tempfile.NamedTemporaryFile(dir=state_dir(self.inputs) / "tmp", suffix=".md") as received:
            received.write(content.encode("utf-8"))
            received.flush()
            outcome = self.periods.hand_in(row.period, row.division, item.file, Path(received.name))
        context = self.division_context(key, row, outcome, written=content)
        return self.page("division.html", status_code=200 if outcome.upload.accepted else 422, **context)

    def version(self, request: Request) -> Response:
        """A version the division handed in, as it was received."""
        key, row = self.division(request)
        wanted = request.path_params["number"]
        found = next((u for u in self.store.uploads(row.period, row.division) if str(u.id) == wanted), None)
        path = (self.inputs / found.version) if found is not None else None
        if path is None or not path.is_file() or state_dir(self.inputs) not in path.resolve().parents:
            raise HTTPException(404)
        media = XLSX if found.file.endswith(".xlsx") else "text/markdown; charset=utf-8"  # type: ignore[union-attr]
        return FileResponse(path, media_type=media, filename=path.name)

    async def mark_ready(self, request: Request) -> Response:
        key, row = self.division(request)
        await self.form(request, key)
        return await run_in_threadpool(self._mark_ready, request, key, row)

    def _mark_ready(self, request: Request, key: str, row: KeyRow) -> Response:
        context = self.division_context(key, row)
        if not context["clean"]:
            context["notes"] = ["Perioden kan markeras som klar först när alla filer är inlämnade utan fel"]
            return self.page("division.html", status_code=409, **context)
        self.store.mark_ready(row.period, row.division)
        return RedirectResponse(f"/{key}/", status_code=303)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _text_cell(state: str, uploads: list) -> dict:
    """A text's state: finns (handed in), saknas, ej ifylld, tom; ogiltig when its last save had errors."""
    if uploads and not uploads[-1].accepted:
        kept = "sin tidigare text"
        return {"state": INVALID, "words": STATE_WORDS[INVALID], "detail": f"{plural(uploads[-1].errors, 'fel', 'fel')} i version {len(uploads)}; "
                f"perioden behåller {kept}", "file": ""}
    if state == NOT_APPLICABLE:
        return {"state": NOT_APPLICABLE, "words": "behövs inte", "detail": "", "file": ""}
    if state == "finns":
        taken = [(number, u) for number, u in enumerate(uploads, 1) if u.accepted]
        detail = f"{taken[-1][1].time} UTC, version {taken[-1][0]}" if taken else ""
        return {"state": SUBMITTED, "words": STATE_WORDS[SUBMITTED], "detail": detail, "file": ""}
    return {"state": INVALID if state == "ej ifylld" else MISSING, "words": state, "detail": "", "file": ""}


def _utf8_text(data: bytes) -> str | None:
    """A text file's content (UTF-8, with or without a byte order mark), or None when it is not one."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _groups(problems: list[Problem]) -> list[dict]:
    """The findings grouped by cause, errors first, as the page shows them."""
    shown = []
    for item in by_cause(sorted(problems, key=lambda p: not p.is_error)):
        if isinstance(item, Cause):
            first = item.problems[0].where
            place = ", ".join(part for part in (first.file, f"blad {item.sheet}" if item.sheet else "") if part)
            shown.append({"error": item.is_error, "message": item.message, "count": len(item.problems), "examples": item.examples(), "place": place})
        else:
            shown.append({"error": item.is_error, "message": item.message, "count": 1, "place": str(item.where),
                          "examples": [f"även {other}" for other in item.also]})
    return shown


def _outputs(job: Build) -> list[str]:
    if job.out_dir is None or job.running:
        return []
    return [path.relative_to(job.out_dir).as_posix() for path in job.files]


def not_found(request: Request, exc: Exception) -> Response:
    code = getattr(exc, "status_code", 404)
    if code == 403:
        return HTMLResponse(NOT_FOUND.replace("Sidan finns inte", "Formuläret har gått ut").replace("Kontrollera länken.",
                            "Ladda om sidan och försök igen."), status_code=403)
    if code == 400:
        return HTMLResponse(NOT_FOUND.replace("Sidan finns inte", "Formuläret kunde inte läsas"), status_code=400)
    return HTMLResponse(NOT_FOUND, status_code=404)


def create_app(inputs: Path, pdf: bool = False) -> Starlette:
    """The web application over an inputs folder; ``app.state.web`` holds its state (the office key: ``web.keys.office()``)."""
    web = Web(inputs, pdf)
    routes = [
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/{key}/", web.division_page),
        Route("/{key}/period/{period}", web.office_period),
        Route("/{key}/period/{period}/sista-dag", web.office_post(web.set_deadline), methods=["POST"]),
        Route("/{key}/period/{period}/ny-lank", web.office_post(web.new_link), methods=["POST"]),
        Route("/{key}/period/{period}/kontroll", web.check_period),
        Route("/{key}/period/{period}/bygg", web.office_post(web.start_build), methods=["POST"]),
        Route("/{key}/period/{period}/bygg", web.build_page),
        Route("/{key}/period/{period}/fil/{name:path}", web.build_file),
        Route("/{key}/nasta-manad", web.next_month, methods=["POST"]),
        Route("/{key}/hamta/{kind}", web.download),
        Route("/{key}/lamna/{kind}", web.division_post(web.upload, False, "Filen", "togs inte emot"), methods=["POST"]),
        Route("/{key}/text/{kind}", web.division_post(web.save_text, True, "Texten", "sparades inte"), methods=["POST"]),
        Route("/{key}/textfil/{kind}", web.division_post(web.upload_text, True, "Filen", "togs inte emot"), methods=["POST"]),
        Route("/{key}/version/{number}", web.version),
        Route("/{key}/klar", web.mark_ready, methods=["POST"]),
    ]
    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        yield
        web.builds.stop()  # the server stops (SIGTERM, SIGINT): a build it started stops with it

    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found, 404: not_found, 405: not_found}, lifespan=lifespan)
    app.add_middleware(SecurityHeaders)
    app.state.web = web
    return app


def example_deadline(period_dir: Path) -> str:
    """A deadline to show as an example: the 10th of the month after the period's (today for a folder not named by month)."""
    month = folder_month(period_dir)
    return f"{month.plus(1)}-10" if month is not None else date.today().isoformat()


def parse_deadline(written: str, example: str) -> tuple[str, str]:
    """The deadline as ÅÅÅÅ-MM-DD, or what is wrong with what was written (in Swedish): the field is text, the same in every
    browser whatever its language."""
    shown = written.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown):
        return "", f"Sista dag ska skrivas som ÅÅÅÅ-MM-DD, t.ex. {example}" + (f", inte som {shown}" if shown else "")
    try:
        return date.fromisoformat(shown).isoformat(), ""
    except ValueError:
        return "", f"Sista dag {shown} finns inte i kalendern; skriv ett datum som finns, som ÅÅÅÅ-MM-DD, t.ex. {example}"


def period_name(folder: str) -> str:
    """A period folder as a reader names it: ``2021-04`` is ``april 2021``; ``2021-04-ovriga-lanet`` is ``april 2021 (ovriga-lanet)``."""
    match = re.fullmatch(r"(\d{4}-\d{2})(?:-(.+))?", str(folder))
    month = folder_month(Path(match.group(1))) if match else None
    if match is None or month is None:
        return str(folder)
    return manad_ar(month) + (f" ({match.group(2)})" if match.group(2) else "")
