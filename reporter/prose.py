"""Generated sentences that vary with what is worth saying (issue 26 item 8).

Instead of one sentence per measure in the same pattern ("Läkarbesök har minskat med 7,9 procent …",
four or five times in a row), a paragraph leads with the largest change and groups the other
measures by direction in one sentence each ("… har minskat med 9,6, 7,9 respektive 2,3 procent").
Every figure is written by the formatting helpers, with the decimals the tables beside it use.
"""

from __future__ import annotations

from collections.abc import Sequence

from .figures.produktion import MeasureLine
from .formatting import lista, procent, tal


def _name(measure: MeasureLine) -> str:
    return measure.matt[:1].lower() + measure.matt[1:]


def _shown_change(measure: MeasureLine) -> float | None:
    """The change as the table shows it (one decimal); None when it cannot be compared."""
    value = measure.hittills.procent
    return None if value is None else round(float(value), 1)


def produktion_stycke(matt: Sequence[MeasureLine], period_text: str) -> str:
    """The production measures year to date in a few sentences: the largest change first, with its figures,
    then the others grouped by direction (``… har ökat med 10,7 procent``; ``antalet a, b och c har minskat
    med 9,6, 7,9 respektive 2,3 procent``), unchanged and incomparable measures last."""
    compared = sorted((m for m in matt if _shown_change(m)), key=lambda m: -abs(_shown_change(m) or 0))
    same = [m for m in matt if _shown_change(m) == 0]
    missing = [m for m in matt if _shown_change(m) is None]
    sentences: list[str] = []
    if compared:
        first, rest = compared[0], compared[1:]
        direction = "ökat" if (_shown_change(first) or 0) > 0 else "minskat"
        most = " mest" if rest else ""
        sentences.append(
            f"Jämfört med samma period föregående år har antalet {_name(first)} {direction}{most} under {period_text}, med "
            f"{procent(abs(first.hittills.procent or 0))} till {tal(first.hittills.varde)} ({tal(first.hittills.jamforelse)} året innan)."
        )
        for word in ("ökat", "minskat"):
            group = [m for m in rest if ((_shown_change(m) or 0) > 0) == (word == "ökat")]
            if not group:
                continue
            also = " också" if word == direction else ""
            if len(group) == 1:
                sentences.append(f"Antalet {_name(group[0])} har{also} {word} med {procent(abs(group[0].hittills.procent or 0))}.")
            else:
                sizes = [tal(abs(m.hittills.procent or 0), 1) for m in group]
                sentences.append(
                    f"Antalet {lista(_name(m) for m in group)} har{also} {word} med "
                    f"{', '.join(sizes[:-1])} respektive {sizes[-1]} procent."
                )
    if same:
        sentences.append(f"Antalet {lista(_name(m) for m in same)} är oförändrat.")
    if missing:
        sentences.append(f"{lista(m.matt for m in missing)} kan inte jämföras med föregående år.")
    return " ".join(sentences)
