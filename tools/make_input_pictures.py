"""Draw docs/bilder/ifyllt-blad-divisioner.png: the example's sheet Divisioner as a spreadsheet shows it.

    python tools/make_input_pictures.py
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.patches

matplotlib.use("Agg")
from matplotlib.figure import Figure  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sheet = load_workbook(ROOT / "inputs" / "2021-03" / "ekonomi.xlsx", read_only=True)["Divisioner"]
    rows = [[("" if cell is None else str(cell)) for cell in row] for row in sheet.iter_rows(values_only=True)]
    columns = max(len(row) for row in rows)
    widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) * 0.085 + 0.3 for i in range(columns)]
    figure = Figure(figsize=(sum(widths) + 0.5, 0.3 * (len(rows) + 1) + 0.3), dpi=110)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    total = sum(widths) + 0.4
    height = len(rows) + 1
    axes.set_xlim(0, total)
    axes.set_ylim(height, 0)
    x = 0.4
    for index, width in enumerate(widths):  # column letters
        axes.add_patch(matplotlib.patches.Rectangle((x, 0), width, 1, facecolor="#EEEEEE", edgecolor="#BBBBBB"))
        axes.text(x + width / 2, 0.5, chr(ord("A") + index), ha="center", va="center", fontsize=8)
        x += width
    for number, row in enumerate(rows, 1):
        axes.add_patch(matplotlib.patches.Rectangle((0, number), 0.4, 1, facecolor="#EEEEEE", edgecolor="#BBBBBB"))
        axes.text(0.2, number + 0.5, str(number), ha="center", va="center", fontsize=8)
        x = 0.4
        for index, width in enumerate(widths):
            text = row[index] if index < len(row) else ""
            header = number == 1
            axes.add_patch(matplotlib.patches.Rectangle((x, number), width, 1, facecolor="#DCE3EC" if header else "white", edgecolor="#CCCCCC"))
            numeric = text.lstrip("-").replace(".", "").isdigit()
            axes.text(x + (width - 0.05 if numeric else 0.05), number + 0.5, text, ha="right" if numeric else "left", va="center",
                      fontsize=8, fontweight="bold" if header else "normal")
            x += width
    target = ROOT / "docs" / "bilder" / "ifyllt-blad-divisioner.png"
    figure.savefig(target, metadata={"Software": None})
    print(f"Skrev {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
