"""delarsrapport.docx: generated prose a person would write (issue 26, item 8).

Usage: python3 tools/template_edits/interimpages_02_prose.py templates/

- A result against a budget of zero reads "−25,1 mnkr mot ett budgeterat nollresultat", not "−25,1 mnkr, 25,1 mnkr
  sämre än budget" (filter mot_budget), in the summary, Resultatutveckling and Årsprognos.
- Resultatutveckling and Årsprognos said the deviation from budget twice (once in words, once as "avviker med +7,2");
  the bridge's sentence now gives the planned result only, and only when it is not zero.
- Produktion och tillgänglighet: the four "Antalet X under … är N och har ökat med P procent …" sentences become one
  or two that lead with the largest change and group the measures that moved the same way (filter storst_forst);
  the accessibility measures are one sentence.

Each text is found by its own words, inside one run; running it twice changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from interimpages_docx import edit_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEMPLATE = "delarsrapport.docx"
BRIDGE = ("{% if ekonomi.brygga.planerat|mnkr_tal(1) != '0,0' %}Det planerade resultatet för perioden (målresultatet) är "
          "{{ ekonomi.brygga.planerat|mnkr('auto') }}.{% endif %}")
BRIDGE_YEAR = ("{% if ekonomi.brygga_helar.planerat|mnkr_tal(1) != '0,0' %}Det planerade resultatet för året är "
               "{{ ekonomi.brygga_helar.planerat|mnkr('auto') }}.{% endif %}")
REPLACEMENTS = [  # (old, new, how many times the old text is in the template)
    (". Det är {{ ekonomi.resultat.avvikelse|jamfort('budget', decimaler='auto') }} och",
     "{{ ekonomi.resultat.avvikelse|mot_budget(ekonomi.resultat.budget, decimaler='auto') }} och", 1),
    (", {{ ekonomi.resultat.avvikelse|jamfort('budget', decimaler='auto') }}",
     "{{ ekonomi.resultat.avvikelse|mot_budget(ekonomi.resultat.budget, decimaler='auto') }}", 1),
    (", {{ ekonomi.resultat.prognosavvikelse|jamfort('budget', decimaler='auto') }}",
     "{{ ekonomi.resultat.prognosavvikelse|mot_budget(ekonomi.resultat.budget_helar, decimaler='auto') }}", 2),
    ("Utifrån det planerade resultatet för perioden ({{ ekonomi.brygga.planerat|mnkr('auto') }}) avviker resultatet med "
     "{{ '+' if ekonomi.resultat.avvikelse > 0 else '' }}{{ ekonomi.resultat.avvikelse|mnkr('auto') }}.", BRIDGE, 1),
    ("Utifrån det planerade resultatet för året ({{ ekonomi.brygga_helar.planerat|mnkr('auto') }}) avviker prognosen med "
     "{{ '+' if ekonomi.resultat.prognosavvikelse > 0 else '' }}{{ ekonomi.resultat.prognosavvikelse|mnkr('auto') }}.", BRIDGE_YEAR, 1),
    ("{% for m in produktion.matt %}Antalet {{ m.matt|lower }} under {{ period|hittills }} är {{ m.totalt.varde|tal }} och "
     "{{ m.totalt.procent|forandring_procent }} jämfört med samma period föregående år. {% endfor %}",
     "{{ produktion.matt|storst_forst(period|hittills) }} ", 1),
    ("{% for t in produktion.tillganglighet %}Tillgänglighetsmåttet ”{{ t.matt }}” ligger i genomsnitt på {{ t.medel.varde|procent }} "
     "under {{ period|hittills }}{% if t.medel.jamforelse is not none %}, mot {{ t.medel.jamforelse|procent }} samma period "
     "föregående år{% endif %}. {% endfor %}",
     "I genomsnitt under {{ period|hittills }} är {% for t in produktion.tillganglighet %}andelen ”{{ t.matt|lower }}” "
     "{{ t.medel.varde|procent }}{% if t.medel.jamforelse is not none %} ({{ t.medel.jamforelse|procent }} samma period "
     "föregående år){% endif %}{{ loop|sep }}{% endfor %}.", 1),
]


def edit(root) -> None:
    texts = list(root.iter(f"{W}t"))
    for old, new, times in REPLACEMENTS:
        found = sum((t.text or "").count(old) for t in texts)
        if found == 0 and any(new in (t.text or "") for t in texts):
            continue  # already done
        if found != times:
            raise SystemExit(f"{TEMPLATE}: texten {old[:60]!r}… finns {found} gånger i en och samma textbit, väntade {times}")
        for t in texts:
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)


def main(folder: Path) -> None:
    edit_document(folder / TEMPLATE, edit)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
