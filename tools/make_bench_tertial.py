"""Write a synthetic tertial period with N divisions, for the benchmark (benchmarks/bench.py --tertial).

    .venv/bin/python tools/make_bench_tertial.py 60 /tmp/tertial-60/2020-09

The bundled tertial example ``inputs/2020-09`` (written by
tools/make_example_tertial.py) has six divisions, each with its interim report
folder under ``delarsrapporter/``. This script copies it and repeats its
divisions until there are N: division *D* gets copies *D 2*, *D 3*, … (its
aliases and verksamhetsområden too, with the same suffix), taken round by
round (the six, then the six "2", …) so that N need not be a multiple of six.

- ``rapport.yaml``: ``organisation.divisioner`` lists the N divisions and
  ``bilagor:`` one ``- delarsrapport:`` item for each, in that order, then the
  production and personnel appendices as in the example.
- ``delarsrapporter/<slug>/``: each copy is its original's folder with every
  cell that names the division or one of its verksamhetsområden (by name or
  alias) renamed to the copy's name; its ``rapport.yaml`` names the copy in
  ``division:`` and ``dokument.galler_for``. No division folder keeps an
  ``organisation`` block: each inherits the report's.
- The month's own workbooks (``ekonomi``, ``produktion``, ``personal.xlsx``)
  repeat each division's rows for its copies, so the main report's tables per
  division grow with N too (``--no-rows`` leaves the copies without rows
  there; the completeness gate stops such a period: every division has its rows).

The figures of a copy are its original's, so the interim reports' sums are
N/6 times the example's and the main report's sums per division no longer
match the region's rows; nothing checks that and the period validates without
errors. The texts are the example's: ``texter/delarsrapporter.md`` speaks of
the six, the copies get no text of their own.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "inputs" / "2020-09"
NAME_COLUMNS = ("Division", "Verksamhetsområde")  # where the workbooks name a division or a verksamhetsområde


def _suffixed(entry: dict[str, Any], suffix: str) -> dict[str, Any]:
    """An organisation entry (division or verksamhetsområde) with its name, aliases and units renamed."""
    copy = dict(entry)
    copy["namn"] = f"{entry['namn']}{suffix}"
    if entry.get("alias"):
        copy["alias"] = [f"{alias}{suffix}" for alias in entry["alias"]]
    if entry.get("verksamhetsomraden"):
        copy["verksamhetsomraden"] = [_suffixed(unit, suffix) for unit in entry["verksamhetsomraden"]]
    if entry.get("verksamhetsgrupper"):
        raise SystemExit("make_bench_tertial: verksamhetsgrupper are not repeated; the example has none")
    return copy


def _renames(entry: dict[str, Any], suffix: str) -> dict[str, str]:
    """Each name and alias of a division and its units (compared by name_key) → the copy's."""
    from reporter.values import name_key

    names = {}
    for owner in (entry, *entry.get("verksamhetsomraden", [])):
        for name in (owner["namn"], *owner.get("alias", [])):
            names[name_key(name)] = f"{name}{suffix}"
    return names


def _copies(divisions: list[dict[str, Any]], count: int) -> list[tuple[dict[str, Any], int]]:
    """The first ``count`` of (original, copy number), round by round: copy 1 is the original itself."""
    result: list[tuple[dict[str, Any], int]] = []
    round_ = 1
    while len(result) < count:
        result += [(division, round_) for division in divisions][: count - len(result)]
        round_ += 1
    return result


def _rename_cells(path: Path, target: Path, copies: dict[str, list[str]]) -> int:
    """Rewrite a workbook. ``copies`` maps a name_key to its names in order (the first is the cell's own value):
    a row naming a division (NAME_COLUMNS) is written once for each name; returns the rows written."""
    from openpyxl import load_workbook

    from reporter.values import name_key

    book = load_workbook(path)
    written = 0
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        columns = [i for i, h in enumerate(header) if h in NAME_COLUMNS]
        if not columns:
            continue
        rows = [list(row) for row in sheet.iter_rows(min_row=2)]
        sheet.delete_rows(2, sheet.max_row)
        number = 2
        for row in rows:
            keys = {i: name_key(row[i].value) for i in columns if isinstance(row[i].value, str)}
            rounds = max((len(copies.get(key, [])) for key in keys.values()), default=0) or 1
            for round_ in range(rounds):
                for column, cell in enumerate(row, start=1):
                    value = cell.value
                    key = keys.get(column - 1)
                    if key is not None and key in copies:
                        value = copies[key][min(round_, len(copies[key]) - 1)]
                    new = sheet.cell(number, column, value)
                    new.number_format = cell.number_format
                number += 1
                written += 1
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return written


def make_tertial(divisions: int, target: Path, source: Path = BUNDLED, rows: bool = True) -> dict[str, int]:
    """Write the bundled tertial period with ``divisions`` divisions at ``target``; returns counts for the benchmark."""
    from reporter.config import CONFIG_FILE
    from reporter.values import name_key, slugify

    main = yaml.safe_load((source / CONFIG_FILE).read_text(encoding="utf-8"))
    originals = main["organisation"]["divisioner"]
    folders = {}  # an original's folder, as the example's bilagor name it
    for item in main["bilagor"]:
        if isinstance(item, dict) and "delarsrapport" in item:
            found = next(d for d in originals if name_key(item["delarsrapport"]) in {name_key(n) for n in (d["namn"], *d.get("alias", []))})
            folders[found["namn"]] = item.get("mapp") or f"delarsrapporter/{slugify(found['namn'], 'division')}"
    others = [item for item in main["bilagor"] if not (isinstance(item, dict) and "delarsrapport" in item)]
    chosen = _copies(originals, divisions)

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("delarsrapporter", "*.xlsx"))

    listed, bilagor = [], []
    by_original: dict[str, list[str]] = {}  # the month files' rows: a name_key → the names of its copies, original first
    interim_rows = 0
    for division, round_ in chosen:
        suffix = "" if round_ == 1 else f" {round_}"
        entry = _suffixed(division, suffix)
        listed.append(entry)
        folder = folders[division["namn"]] if round_ == 1 else f"delarsrapporter/{slugify(entry['namn'], 'division')}"
        bilagor.append({"delarsrapport": entry["namn"], "mapp": folder} if round_ == 1 and folder != f"delarsrapporter/{slugify(entry['namn'], 'division')}"
                       else {"delarsrapport": entry["namn"]})
        for key, name in _renames(division, suffix).items():
            by_original.setdefault(key, []).append(name)
        # the division's folder: its original's, renamed, without an organisation block of its own
        origin, copy = source / folders[division["namn"]], target / folder
        shutil.copytree(origin, copy, ignore=shutil.ignore_patterns("*.xlsx"))
        sub = yaml.safe_load((origin / CONFIG_FILE).read_text(encoding="utf-8"))
        sub.pop("organisation", None)
        sub["division"] = entry["namn"]
        sub.setdefault("dokument", {})["galler_for"] = f"Division {entry['namn']}"
        (copy / CONFIG_FILE).write_text(yaml.safe_dump(sub, allow_unicode=True, sort_keys=False), encoding="utf-8")
        names = {key: [name] for key, name in _renames(division, suffix).items()}
        for workbook in sorted(origin.glob("*.xlsx")):
            interim_rows += _rename_cells(workbook, copy / workbook.name, names)

    main["organisation"]["divisioner"] = listed
    main["bilagor"] = bilagor + others
    (target / CONFIG_FILE).write_text(yaml.safe_dump(main, allow_unicode=True, sort_keys=False), encoding="utf-8")
    month_rows = 0
    for workbook in sorted(source.glob("*.xlsx")):
        if rows:
            month_rows += _rename_cells(workbook, target / workbook.name, by_original)
        else:
            shutil.copy2(workbook, target / workbook.name)
    return {"divisions": len(listed), "interim_rows": interim_rows, "month_rows": month_rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("divisions", type=int, help="how many divisions (6 is the example's own)")
    parser.add_argument("target", type=Path, help="the period folder to write (replaced if it exists), e.g. /tmp/t60/2020-09")
    parser.add_argument("--no-rows", action="store_true", help="no rows for the copies in the month's own workbooks")
    args = parser.parse_args()
    counts = make_tertial(args.divisions, args.target, rows=not args.no_rows)
    print(f"{args.target}: {counts['divisions']} divisioner, {counts['interim_rows']} rader i delårsrapporternas mappar, "
          f"{counts['month_rows']} i månadens arbetsböcker")


if __name__ == "__main__":
    main()
