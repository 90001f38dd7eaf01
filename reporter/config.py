"""``rapport.yaml``: its keys and values read strictly into a typed configuration. Touches no file: reading the
file and checking the files it names is :mod:`reporter.period_config`'s.

Unknown keys, missing keys and empty values are all errors naming the key path
and the file; every one of them is reported, not only the first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .errors import Problem, error
from .kinds import APPENDICES, INTERIM, MONTHLY, REPORTS
from .model import Month
from .text_normal import normal_text  # NFC, invisible characters out, white space folded: as every text read
from .values import ValueProblem, name_key, parse_month, slugify
from .yamlread import Plain, unwrap

CONFIG_FILE = "rapport.yaml"


# A value left as Word placeholder text, e.g. "[Publiceringsdatum Quickpart]".
_PLACEHOLDER = re.compile(r"^\[.*\]$|quickpart|^(xx+|\.\.\.+|tbd|todo)$", re.IGNORECASE)


def _text(value: Any) -> Any:
    """Text as written. An unquoted number or date (``version: 0.26``) is accepted only when it reads back as written:
    ``version: 1.10`` (1.1), ``dokument_id: 0012`` (10) and ``alias: [NO]`` (false) are errors at their line."""
    if isinstance(value, Plain):
        if not value.same_as_written:
            raise PydanticCustomError("yaml_type", value.explained(), {"line": value.line})
        value = value.text
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, str):
        value = normal_text(value)
        if _PLACEHOLDER.search(value):
            raise PydanticCustomError("placeholder", "ser ut som en ej ifylld platshållare: '{value}'", {"value": value})
    return value


Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(names: list[tuple[str, list[str]]], what: str) -> None:
    """Every name and alias names one thing only."""
    seen: dict[str, str] = {}
    for owner, others in names:
        for name in (owner, *others):
            key = name_key(name)
            if key in seen and seen[key] != owner:
                raise PydanticCustomError(
                    "duplicate", "namnet '{name}' används av både {a} och {b}", {"name": name, "a": seen[key], "b": owner}
                )
            seen[key] = owner


class Enhet(_Strict):
    """A verksamhetsområde of a division (v2), with the other names it goes by."""

    namn: Text
    alias: list[Text] = []


class Verksamhetsgrupp(_Strict):
    """Verksamheter added up into one row of the forecast table (v2): Primärvård = PV anslag + PV kapitering."""

    namn: Text
    verksamheter: list[Text] = Field(min_length=1)
    tabell: Text | None = None  # the group also gets a table per verksamhetsområde under this heading


class Division(_Strict):
    """A division of the organisation, with the other names it goes by (and, v2, its units and groups)."""

    namn: Text
    alias: list[Text] = []
    verksamhetsomraden: list[Enhet] = []
    verksamhetsgrupper: list[Verksamhetsgrupp] = []

    @field_validator("verksamhetsomraden")
    @classmethod
    def _units_unique(cls, units: list[Enhet]) -> list[Enhet]:
        _unique([(unit.namn, list(unit.alias)) for unit in units], "verksamhetsområde")
        return units

    @field_validator("verksamhetsgrupper")
    @classmethod
    def _one_group_each(cls, groups: list[Verksamhetsgrupp]) -> list[Verksamhetsgrupp]:
        owner: dict[str, str] = {}
        for group in groups:
            for verksamhet in group.verksamheter:
                key = name_key(verksamhet)
                if key in owner and owner[key] != group.namn:
                    raise PydanticCustomError(
                        "duplicate", "verksamheten '{name}' står i både {a} och {b}; den får höra till en grupp",
                        {"name": verksamhet, "a": owner[key], "b": group.namn},
                    )
                owner[key] = group.namn
        return groups


class Organisation(_Strict):
    """The region and its divisions, in report order."""

    namn: Text
    divisioner: list[Division] = Field(min_length=1)

    @field_validator("divisioner")
    @classmethod
    def _names_unique(cls, divisioner: list[Division]) -> list[Division]:
        _unique([(division.namn, list(division.alias)) for division in divisioner], "division")
        return divisioner

    def division(self, name: str) -> Division | None:
        """The division with this name or alias, case and spacing ignored."""
        key = name_key(name)
        return next((d for d in self.divisioner if key in {name_key(n) for n in (d.namn, *d.alias)}), None)


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
    if item not in APPENDICES:
        raise PydanticCustomError(
            "bilaga",
            "okänd bilaga '{item}'; skriv en av {known}, eller titel: (och fil:) för en extern bilaga",
            {"item": item, "known": ", ".join(APPENDICES)},
        )
    return item


class DelarsrapportBilaga(_Strict):
    """A division's interim report as an appendix (v2): built from its own folder, ``delarsrapporter/<division>``."""

    delarsrapport: Text  # the division, by name or alias
    mapp: Text | None = None


class GenereradBilaga(_Strict):
    """A generated appendix in mapping form (v2): ``- produktionsrapport: {period: 2020-08}``, on an earlier month."""

    slag: Annotated[str, AfterValidator(_generated_kind)]
    period: Month | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _month(cls, value: Any) -> Month | None:
        if value is None or isinstance(value, Month):
            return value
        try:
            return parse_month(unwrap(value))
        except ValueProblem:
            raise PydanticCustomError("period", "'{value}' är ingen månad; skriv t.ex. 2020-08", {"value": str(value)}) from None


def _bilaga_form(item: Any) -> str:
    """Which form an item of bilagor: is: a word, a division's interim report, an external one, or a generated kind as a mapping."""
    if isinstance(item, str):
        return "slag"
    if isinstance(item, dict) and INTERIM.name in item:
        return INTERIM.name
    if isinstance(item, dict) and "titel" in item:
        return "extern"
    if isinstance(item, (dict, GenereradBilaga)) and not isinstance(item, ExternBilaga):
        return "genererad"
    return "extern"


def _as_generated(item: Any) -> Any:
    """``{produktionsrapport: {period: …}}`` or ``{produktionsrapport: null, period: …}`` as ``{slag:, period:}``."""
    if not isinstance(item, dict) or "slag" in item:
        return item
    kinds = [key for key in item if key != "period"]
    if len(kinds) != 1:
        return item  # pydantic says what is wrong
    kind = kinds[0]
    inner = item[kind] if isinstance(item[kind], dict) else {}
    rest = {key: value for key, value in item.items() if key not in (kind,)}
    return {"slag": kind, **inner, **rest}


# An appendix is a generated kind (a word, or a mapping with its own period), an external one
# (titel:, fil:), or a division's interim report (delarsrapport:).
Bilaga = Annotated[
    Annotated[str, AfterValidator(_generated_kind), Tag("slag")]
    | Annotated[ExternBilaga, Tag("extern")]
    | Annotated[DelarsrapportBilaga, Tag(INTERIM.name)]
    | Annotated[GenereradBilaga, BeforeValidator(_as_generated), Tag("genererad")],
    Discriminator(_bilaga_form),
]


REPORT_KINDS = {name: kind.title for name, kind in REPORTS.items()}  # rapport: → default titel


def _report_kind(value: Any) -> str:
    """``rapport:``: a declared report kind."""
    if isinstance(value, str) and value in REPORTS:
        return value
    names = [f"'{name}'" for name in REPORTS]
    expected = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]
    raise PydanticCustomError("literal_error", "ogiltigt värde", {"expected": expected})


class Rapport(_Strict):
    """The whole of ``rapport.yaml``.

    ``rapport`` says which report to build; what each kind requires beyond
    this model (``division`` for a delarsrapport, ``undertecknare`` for the
    monthly report) is checked by :func:`_kind_problems`, so that every
    problem names its key.
    """

    rapport: Annotated[str, PlainValidator(_report_kind)]
    period: Month
    titel: Text = ""  # empty: the kind's own title (REPORT_KINDS)
    division: Text | None = None  # v2, delarsrapport: the division the report is about
    organisation: Organisation
    dokument: Dokument
    undertecknare: Undertecknare | None = None  # required for manadsrapport
    bilagor: list[Bilaga] = []

    @property
    def rubrik(self) -> str:
        """The report's title: ``titel``, or the kind's own."""
        return self.titel or REPORT_KINDS[self.rapport]

    @property
    def is_division_report(self) -> bool:
        """True for a division's interim report (``rapport: delarsrapport``)."""
        return REPORTS[self.rapport].division_report

    @property
    def generated(self) -> list[tuple[str, Month]]:
        """The generated appendices (kind, the month it reports on), in list order."""
        found = []
        for item in self.bilagor:
            if isinstance(item, str):
                found.append((item, self.period))
            elif isinstance(item, GenereradBilaga):
                found.append((item.slag, item.period or self.period))
        return found

    def period_of(self, appendix: str) -> Month:
        """The month a generated appendix kind reports on: its own ``period:``, else the report's."""
        return next((month for kind, month in self.generated if kind == appendix), self.period)

    @property
    def interim_reports(self) -> list[DelarsrapportBilaga]:
        """The divisions' interim reports among the appendices (v2)."""
        return [item for item in self.bilagor if isinstance(item, DelarsrapportBilaga)]

    @property
    def division_namn(self) -> str | None:
        """The report's division by its name in the organisation (a delarsrapport), or None."""
        found = self.organisation.division(self.division) if self.division else None
        return found.namn if found else None

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, value: Any) -> Month:
        if isinstance(value, Month):
            return value
        try:
            return parse_month(unwrap(value))
        except ValueProblem:
            raise PydanticCustomError("period", "'{value}' är ingen månad; skriv t.ex. 2021-03", {"value": str(value)}) from None


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


_OWN_ERRORS = {"placeholder", "duplicate", "period", "bilaga", "yaml_type"}  # raised here, with Swedish messages


_FORMS = ("slag", "extern", INTERIM.name, "genererad")  # the tags of bilagor:'s forms, as pydantic names them


def _key_path(loc: tuple[Any, ...]) -> str:
    path = ""
    previous: Any = None
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        elif (part in _FORMS and isinstance(previous, int)) or not isinstance(part, str) or "[" in part:
            pass  # a tag of a form, right after the item's index: not a key of the file
        elif part != "slag" or previous not in _FORMS:
            path += f".{part}" if path else str(part)
        previous = part
    return path


def problems_of(exc: ValidationError, label: str) -> list[Problem]:
    problems = []
    seen = set()
    for item in exc.errors(include_url=False):
        key = _key_path(item["loc"])
        kind = item["type"]
        line = (item.get("ctx") or {}).get("line")
        if kind == "literal_error":
            message = f"ogiltigt värde '{item.get('input')}'; tillåtet: {item['ctx']['expected']}"
        elif item.get("input", "") is None:
            message = "får inte vara tom"
        elif kind in _MESSAGES or kind in _OWN_ERRORS:
            message = _MESSAGES.get(kind, item["msg"])
        else:  # pydantic's own words are English and name its types: say it in Swedish, with the value
            message = f"värdet '{item.get('input')}' går inte att använda här; se docs/indata.md för vad nyckeln ska innehålla"
        if (key, message) not in seen:
            seen.add((key, message))
            problems.append(error(message, file=label, key=key, cell=f"rad {line}" if line else ""))
    return problems


def same_organisation(raw: Any, parent: Organisation, label: str) -> list[Problem]:
    """A division folder's own organisation block must be the tertial report's: an error names the first difference."""
    try:
        own = Organisation.model_validate(raw)
    except ValidationError:
        return []  # its own problems are reported when the whole file is read
    mine, theirs = own.model_dump(), parent.model_dump()
    difference = _first_difference(mine, theirs, "organisation")
    if difference is None:
        return []
    key, here, there = difference
    return [error(f"organisation skiljer sig från rapportens i den överordnade periodmappen: här {here!r}, där {there!r}. "
                  f"Ta bort organisation ur filen (då gäller rapportens) eller skriv samma", file=label, key=key)]


def _first_difference(mine: Any, theirs: Any, key: str) -> tuple[str, Any, Any] | None:
    """The first key where two dumped values differ, with both values."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for name in list(mine) + [k for k in theirs if k not in mine]:
            found = _first_difference(mine.get(name), theirs.get(name), f"{key}.{name}")
            if found:
                return found
        return None
    if isinstance(mine, list) and isinstance(theirs, list):
        for i, (a, b) in enumerate(zip(mine, theirs, strict=False)):
            found = _first_difference(a, b, f"{key}[{i + 1}]")
            if found:
                return found
        if len(mine) != len(theirs):
            return f"{key}[{min(len(mine), len(theirs)) + 1}]", mine[len(theirs):][:1] or None, theirs[len(mine):][:1] or None
        return None
    return None if mine == theirs else (key, mine, theirs)


def interim_folder(config: Rapport, item: DelarsrapportBilaga) -> str:
    """The folder of a division's interim report, from the period folder: ``mapp:``, or ``delarsrapporter/<slug>``."""
    if item.mapp:
        return item.mapp.replace("\\", "/").strip("/")
    division = config.organisation.division(item.delarsrapport)
    return f"delarsrapporter/{slugify(division.namn if division else item.delarsrapport, 'division')}"


def appendix_problems(config: Rapport, label: str, folder_problem: Callable[[str, str], Problem | None]) -> list[Problem]:
    """The v2 forms of bilagor: a known division once each, its folder inside the period folder, no month after the report's.

    ``folder_problem(folder, key)``: what is wrong with an interim report's folder on disk (the stage that reads the
    period folder says it), or None."""
    problems = []
    seen: dict[str, int] = {}
    for number, item in enumerate(config.bilagor, 1):
        key = f"bilagor[{number}]"
        if isinstance(item, GenereradBilaga) and item.period is not None and item.period > config.period:
            problems.append(error(f"period: {item.period} är efter rapportens period {config.period}; en bilaga kan gälla en tidigare månad, inte en senare",
                                  file=label, key=f"{key}.period"))
        if not isinstance(item, DelarsrapportBilaga):
            continue
        division = config.organisation.division(item.delarsrapport)
        if division is None:
            known = [d.namn for d in config.organisation.divisioner]
            close = difflib.get_close_matches(item.delarsrapport, known, n=1, cutoff=0.6)
            hint = f"menade du '{close[0]}'? " if close else ""
            problems.append(error(f"'{item.delarsrapport}' finns inte i organisation.divisioner; {hint}kända divisioner: {', '.join(known)}",
                                  file=label, key=f"{key}.delarsrapport"))
            continue
        if division.namn in seen:
            problems.append(error(f"{division.namn}s delårsrapport står redan som bilaga {seen[division.namn]}; en division har en delårsrapport",
                                  file=label, key=f"{key}.delarsrapport"))
            continue
        seen[division.namn] = number
        folder = interim_folder(config, item)
        found = folder_problem(folder, f"{key}.mapp")
        if found is not None:
            problems.append(found)
    return problems


def kind_problems(raw: dict, organisation: Organisation | None, label: str) -> list[Problem]:
    """What one kind of report requires of rapport.yaml and the other does not allow (read from the file as written)."""
    problems: list[Problem] = []
    kind = REPORTS.get(raw["rapport"]) if isinstance(raw.get("rapport"), str) else None
    if kind is None:
        return problems
    if not kind.division_report and raw.get("division") is not None:
        problems.append(error("division: används bara i delarsrapport (rapport: delarsrapport); ta bort nyckeln", file=label, key="division"))
    if kind.signed and raw.get("undertecknare") is None:
        said = _MESSAGES["missing"] if "undertecknare" not in raw else "får inte vara tom"
        problems.append(error(said, file=label, key="undertecknare"))
    if kind.division_report:
        division = raw.get("division")
        if division is None:
            problems.append(error("saknas; en delårsrapport gäller en division: skriv division: och divisionens namn", file=label, key="division"))
        elif organisation is not None and isinstance(division, str) and organisation.division(division) is None:
            known = [d.namn for d in organisation.divisioner]
            close = difflib.get_close_matches(division, known, n=1, cutoff=0.6)
            hint = f"menade du '{close[0]}'? " if close else ""
            problems.append(
                error(f"'{division}' finns inte i organisation.divisioner; {hint}kända divisioner: {', '.join(known)}", file=label, key="division")
            )
    if not kind.appendices and raw.get("bilagor"):
        problems.append(
            error("en delårsrapport har inga bilagor i listan: dess bilagedel (produktion och måluppfyllelse) ingår alltid; "
                  "ta bort bilagor:", file=label, key="bilagor")
        )
    return problems


# A folder named for a month: 2021-03, 202103, or a name that starts with one (2021-04-ovriga-lanet).
_PERIOD_NAME = re.compile(r"(\d{4})-?(\d{2})(?![0-9])")


def folder_problems(folder_name: str, config: Rapport, label: str, parent: Rapport | None = None) -> list[Problem]:
    """``period:`` must agree with the folder's name and its place.

    A folder named for one month whose rapport.yaml says another would publish that month's figures (the
    accumulated ones carry no month) as the other's, and build over its package. A division's folder in a tertial
    report is the division's interim report for the tertial's last month before the report (its appendix month).
    """
    problems = []
    match = _PERIOD_NAME.match(folder_name)
    if match and 1 <= int(match.group(2)) <= 12 and (int(match.group(1)), int(match.group(2))) != (config.period.year, config.period.month):
        problems.append(
            error(
                f"mappen heter {folder_name} men rapport.yaml säger period: {config.period}; rätta perioden "
                f"eller byt namn på mappen (rapporten skulle annars skrivas till out/{config.period}/)",
                file=label, key="period",
            )
        )
    if parent is not None and not match:
        month = appendix_month(parent.period)
        if config.period != month and not config.period > parent.period:  # a later month is said where the report is checked
            problems.append(
                error(
                    f"period: {config.period}, men delårsrapporterna i rapporten för {parent.period} gäller tertialets sista månad, "
                    f"{month}; skriv period: {month} och lägg in arbetsböcker som gäller januari–{month}",
                    file=label, key="period",
                )
            )
    return problems


def appendix_month(period: Month) -> Month:
    """The month the divisions' interim reports in a tertial report cover: the last tertial's end (April, August,
    December) at or before the report's month (2020-08 for a report for 2020-09)."""
    end = max((m for m in (4, 8, 12) if m <= period.month), default=0)
    return Month(period.year, end) if end else Month(period.year - 1, 12)


def _generated_or_none(item: Any) -> str | GenereradBilaga | None:
    """An item of bilagor: as a generated appendix, or None (another form, or not valid)."""
    if isinstance(item, str):
        return item if item in APPENDICES else None
    if _bilaga_form(item) != "genererad":
        return None
    try:
        return GenereradBilaga.model_validate(_as_generated(item))
    except ValidationError:
        return None


def partial(raw: dict) -> Rapport | None:
    """The parts of an invalid configuration that checking the workbooks needs."""

    try:
        kind = str(raw["rapport"]) if raw.get("rapport") in REPORTS else MONTHLY.name
        organisation = Organisation.model_validate(raw.get("organisation"))
        division = raw.get("division") if isinstance(raw.get("division"), str) else None
        if REPORTS[kind].division_report and (division is None or organisation.division(division) is None):
            return None  # which division's rows count is not known: the workbooks cannot be checked
        return Rapport.model_construct(
            rapport=kind,
            period=Rapport._period(raw.get("period")),
            titel="",
            division=division,
            organisation=organisation,
            bilagor=[b for b in (_generated_or_none(item) for item in raw.get("bilagor") or []) if b is not None],
        )
    except Exception:  # noqa: BLE001 - anything unreadable means: no partial config
        return None
