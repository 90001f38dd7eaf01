"""``rapport.yaml``: read strictly into a typed configuration.

Unknown keys, missing keys and empty values are all errors naming the key path
and the file; every one of them is reported, not only the first.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .errors import Problem, ReporterError, error
from .model import Month
from .values import ValueProblem, clean_text, name_key, parse_month, squash

CONFIG_FILE = "rapport.yaml"

GENERATED_BILAGOR = {
    "ekonomirapport": "Ekonomirapport",
    "produktionsrapport": "Produktionsrapport",
    "personalrapport": "Personalrapport",
    "maluppfyllelse": "Måluppfyllelse",
}

# A value left as Word placeholder text, e.g. "[Publiceringsdatum Quickpart]".
_PLACEHOLDER = re.compile(r"^\[.*\]$|quickpart|^(xx+|\.\.\.+|tbd|todo)$", re.IGNORECASE)


def _text(value: Any) -> Any:
    """Accept numbers and dates where text is expected (``version: 0.26``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, str):
        value = squash(value)
        if _PLACEHOLDER.search(value):
            raise PydanticCustomError("placeholder", "ser ut som en ej ifylld platshållare: '{value}'", {"value": value})
    return value


Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Division(_Strict):
    """A division of the organisation, with the other names it goes by."""

    namn: Text
    alias: list[Text] = []


class Organisation(_Strict):
    """The region and its divisions, in report order."""

    namn: Text
    divisioner: list[Division] = Field(min_length=1)

    @field_validator("divisioner")
    @classmethod
    def _names_unique(cls, divisioner: list[Division]) -> list[Division]:
        seen: dict[str, str] = {}
        for division in divisioner:
            for name in (division.namn, *division.alias):
                key = name_key(name)
                if key in seen and seen[key] != division.namn:
                    raise PydanticCustomError(
                        "duplicate", "namnet '{name}' används av både {a} och {b}",
                        {"name": name, "a": seen[key], "b": division.namn},
                    )
                seen[key] = division.namn
        return divisioner


class Dokument(_Strict):
    """The document-ID block printed in every page's header."""

    galler_for: Text
    dokument_id: Text
    version: Text
    publiceringsdatum: Text
    ansvarig: Text
    upprattad_av: Text


class Undertecknare(_Strict):
    """Who signs the introduction."""

    namn: Text
    titel: Text


class ExternBilaga(_Strict):
    """An appendix produced elsewhere: listed, and copied in when ``fil`` is given."""

    titel: Text
    fil: Text | None = None


def _generated_kind(item: str) -> str:
    if item not in GENERATED_BILAGOR:
        raise PydanticCustomError(
            "bilaga",
            "okänd bilaga '{item}'; skriv en av {known}, eller titel: (och fil:) för en extern bilaga",
            {"item": item, "known": ", ".join(GENERATED_BILAGOR)},
        )
    return item


# An appendix is either a generated kind (a word) or an external one (a mapping).
Bilaga = Annotated[
    Annotated[str, AfterValidator(_generated_kind), Tag("slag")] | Annotated[ExternBilaga, Tag("extern")],
    Discriminator(lambda item: "slag" if isinstance(item, str) else "extern"),
]


class Rapport(_Strict):
    """The whole of ``rapport.yaml``."""

    rapport: Literal["manadsrapport"]
    period: Month
    titel: Text = "Regiondirektörens rapport"
    organisation: Organisation
    dokument: Dokument
    undertecknare: Undertecknare  # required: v1 builds only the signed monthly report
    bilagor: list[Bilaga] = []

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, value: Any) -> Month:
        if isinstance(value, Month):
            return value
        try:
            return parse_month(value)
        except ValueProblem:
            raise PydanticCustomError("period", "'{value}' är ingen månad; skriv t.ex. 2021-03", {"value": value}) from None


_MESSAGES = {
    "missing": "saknas; nyckeln är obligatorisk",
    "extra_forbidden": "okänd nyckel (stavfel?)",
    "string_too_short": "får inte vara tom",
    "too_short": "får inte vara tom",
    "string_type": "ska vara text",
    "list_type": "ska vara en lista",
    "model_type": "ska vara en grupp av nycklar",
    "dict_type": "ska vara en grupp av nycklar",
}


def _key_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        elif part in ("slag", "extern") or not isinstance(part, str) or "[" in part:
            continue
        else:
            path += f".{part}" if path else str(part)
    return path


def _problems(exc: ValidationError, label: str) -> list[Problem]:
    problems = []
    seen = set()
    for item in exc.errors(include_url=False):
        key = _key_path(item["loc"])
        kind = item["type"]
        if kind == "literal_error":
            message = f"ogiltigt värde '{item.get('input')}'; tillåtet: {item['ctx']['expected']}"
        elif item.get("input", "") is None:
            message = "får inte vara tom"
        else:
            message = _MESSAGES.get(kind, item["msg"])
        if (key, message) not in seen:
            seen.add((key, message))
            problems.append(error(message, file=label, key=key))
    return problems


def load_config(period_dir: Path) -> Rapport:
    """Read ``rapport.yaml`` of a period folder; raise with every problem found."""
    config, problems = load_config_partly(period_dir)
    if problems:
        raise ReporterError(problems)
    assert config is not None, "rapport.yaml without problems is a configuration"
    return config


def load_config_partly(period_dir: Path) -> tuple[Rapport | None, list[Problem]]:
    """Read ``rapport.yaml``; with problems, still return what the workbooks need.

    When the file has errors but its period, organisation and bilagor are
    sound, a partial configuration is returned with the problems, so that the
    workbooks can be checked in the same run and every problem shown at once.
    """
    label = f"{period_dir.name}/{CONFIG_FILE}"
    try:
        raw = _read_yaml(period_dir / CONFIG_FILE, label)
    except ReporterError as exc:
        return None, exc.problems
    try:
        config = Rapport.model_validate(raw)
    except ValidationError as exc:
        return _partial(raw), _problems(exc, label)
    missing = [
        problem
        for i, b in enumerate(config.bilagor, 1)
        if isinstance(b, ExternBilaga) and b.fil and (problem := _check_appendix_file(period_dir, b.fil, label, f"bilagor[{i}].fil"))
    ]
    return config, _folder_problems(period_dir, config, label) + missing


_PERIOD_NAME = re.compile(r"(\d{4})-?(\d{2})")


def _folder_problems(period_dir: Path, config: Rapport, label: str) -> list[Problem]:
    """A folder named for one month whose rapport.yaml says another would build over that month's package."""
    match = _PERIOD_NAME.fullmatch(period_dir.name)
    if match and (int(match.group(1)), int(match.group(2))) != (config.period.year, config.period.month):
        return [
            error(
                f"mappen heter {period_dir.name} men rapport.yaml säger period: {config.period}; rätta perioden "
                f"eller byt namn på mappen (rapporten skulle annars skrivas till out/{config.period}/)",
                file=label, key="period",
            )
        ]
    return []


MAX_APPENDIX_BYTES = 200 << 20  # an external appendix is copied into the package as it is


def _check_appendix_file(period_dir: Path, fil: str, label: str, key: str) -> Problem | None:
    """An external appendix must be a file inside the period folder: no ``..``, no absolute path, no link out."""
    path = Path(fil)
    if path.is_absolute() or fil.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", fil):
        return error(f"fil: {fil} är en absolut sökväg; lägg filen i periodmappen och skriv sökvägen från den, t.ex. bilagor/vardval.pdf", file=label, key=key)
    if ".." in re.split(r"[\\/]", fil):
        return error(f"fil: {fil} pekar utanför periodmappen (..); lägg filen i periodmappen, t.ex. i bilagor/", file=label, key=key)
    target = period_dir / path
    try:
        inside = target.resolve().is_relative_to(period_dir.resolve())
    except OSError:
        inside = False
    if not inside:
        return error(f"fil: {fil} är en länk till en fil utanför periodmappen; kopiera in själva filen", file=label, key=key)
    if not target.is_file():
        return error(f"filen {fil} finns inte i periodmappen", file=label, key=key)
    if target.stat().st_size > MAX_APPENDIX_BYTES:
        return error(f"filen {fil} är större än {MAX_APPENDIX_BYTES >> 20} MB; minska den (t.ex. spara PDF:en för skärm)", file=label, key=key)
    return None


def _partial(raw: dict) -> Rapport | None:
    """The parts of an invalid configuration that checking the workbooks needs."""
    try:
        return Rapport.model_construct(
            period=Rapport._period(raw.get("period")),
            organisation=Organisation.model_validate(raw.get("organisation")),
            bilagor=[b for b in raw.get("bilagor") or [] if isinstance(b, str)],
        )
    except Exception:  # noqa: BLE001 - anything unreadable means: no partial config
        return None


MAX_CONFIG_BYTES = 256 << 10


class _Loader(yaml.SafeLoader):
    """YAML's safe loader without aliases: ``*namn`` can make a small file expand without bound."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(problem="alias (*namn) används inte i rapport.yaml; skriv ut värdet", problem_mark=event.start_mark)
        return super().compose_node(parent, index)


def _read_yaml(path: Path, label: str) -> dict:
    if not path.is_file():
        raise ReporterError(error(f"{CONFIG_FILE} saknas i {path.parent}", file=label))
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ReporterError(error(f"filen är större än {MAX_CONFIG_BYTES >> 10} kB; är det rätt fil?", file=label))
        raw = yaml.load(clean_text(path.read_text(encoding="utf-8")), Loader=_Loader)
    except UnicodeDecodeError:
        raise ReporterError(error("filen är inte sparad som UTF-8-text", file=label)) from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f"rad {where.line + 1}" if where else ""
        raise ReporterError(error(f"YAML-fel: {getattr(exc, 'problem', exc)}", file=label, cell=line)) from None
    if not isinstance(raw, dict):
        raise ReporterError(error("filen ska innehålla nycklar som rapport:, period: och dokument:", file=label))
    return raw
