"""docs/mallar.md, the template owners' guide, written from the template contract and the filters.

Every name a template may use (:class:`~reporter.context.TemplateContext`,
:class:`~reporter.context.AppendixContext`) with its type and an example
value from a period folder, every filter of :mod:`reporter.formatting` with
an example and what it gives, and how paragraph, row and cell tags work.
``tests/test_guide.py`` writes it again and fails when the committed file
differs, so it cannot drift from the code; ``--force-regen`` writes it.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

from .commands.check_templates import ANY, fields_of
from .context import DESCRIPTIONS, AppendixContext, CoverContext
from .documents import contract_for
from .formatting import FILTERS, antal_ord, manad
from .kinds import APPENDICES
from .kinds.manadsrapport import TEMPLATE as MAIN_TEMPLATE
from .pipeline import template_context
from .render import LAST_ROWS_TOGETHER, SHORT_TABLE_ROWS, jinja_environment

GUIDE = "docs/mallar.md"
PICTURES = {  # docs/bilder/<name>: what it shows (tools/make_guide_pictures.py draws them)
    "mall-inledning.png": "Huvudrapportens mall i LibreOffice Writer: inledningen visas bara när texten finns ({%p if %} … {%p endif %})",
    "mall-tabell.png": "Ekonomirapportens mall: en tabell vars rad mellan {%tr for %} och {%tr endfor %} upprepas per post",
}

# Filter → (what it does, an example in a template). The example is rendered with the period's context.
FILTER_GUIDE = {
    "tal": ("ett tal med mellanrum mellan tusental; `tal(1)` ger en decimal", "{{ personal.anstallda.antal|tal }}"),
    "signerat": ("en förändring med tecken, + eller −", "{{ personal.anstallda.mot_foregaende_manad|signerat }}"),
    "pct": ("en andel i procent för tabeller: alltid lika många decimaler i en kolumn (standard en)", "{{ produktion.belaggning[0].andel|pct }}"),
    "procent": ("en andel i procent för löptext, avrundad som i tabellen men utan ,0 (92 procent, 80,1 procent); "
                "`procent(1, signerat=true)` ger tecken", "{{ personal.sjukfranvaro.hittills|procent }}"),
    "prosa_tal": ("ett tal i löptext, avrundat som i tabellen men utan ,0", "{{ produktion.tillganglighet[1].andel|prosa_tal(1) }}"),
    "mnkr": ("ett belopp i tkr skrivet i mnkr i löptext, med enhet; `mnkr(1)` med de decimaler tabellen har (16 mnkr, 20,5 mnkr)",
             "{{ ekonomi.divisioner_totalt.avvikelse|mnkr(1) }}"),
    "mnkr_tal": ("ett belopp i tkr skrivet i mnkr, utan enhet, för en tabellkolumn: samma decimaler i hela kolumnen (`mnkr_tal(1)`)",
                 "{{ ekonomi.divisioner[0].utfall|mnkr_tal(1) }}"),
    "tkr": ("ett belopp i tkr för tabeller", "{{ ekonomi.periodens_resultat.utfall|tkr }}"),
    "jamfort": ("en skillnad i tkr jämförd med något: bättre/sämre än (eller egna ord); `decimaler=1` som i tabellen",
                "{{ ekonomi.periodens_resultat.avvikelse|jamfort('budget') }}"),
    "forandring": ("en förändring i ord, med enhet", "{{ personal.anstallda.mot_foregaende_manad|forandring('personer') }}"),
    "fler_farre": ("en skillnad i antal: så många fler eller färre än något, eller lika många som det",
                   "{{ personal.anstallda.mot_foregaende_ar|fler_farre('i ' ~ foregaende_ar|manad_ar) }}"),
    "fler_farre_antal": ("en skillnad i antal med vad som räknas, efter ”Jämfört med … är det”",
                         "{{ personal.anstallda.mot_foregaende_ar|fler_farre_antal('anställda') }}"),
    "forandringar": ("flera gruppers förändringar i en sats, verbet en gång så länge riktningen är densamma: fältet med "
                     "förändringen, orden före varje namn, (valfritt) fältet med förändringen i procent och (namn=) fältet med namnet",
                     "Antalet anställda {{ personal.yrkesgrupper[2:4]|forandringar('mot_foregaende_ar', 'bland') }}"),
    "forandring_procent": ("en förändring i procent, i ord", "{{ produktion.matt[0].hittills.procent|forandring_procent }}"),
    "procentenheter": ("storleken på en förändring av en andel", "{{ personal.sjukfranvaro.mot_foregaende_ar|procentenheter }}"),
    "forandring_pe": ("en förändring av en andel, i ord", "{{ produktion.tillganglighet[0].mot_foregaende_ar|forandring_pe }}"),
    "forandring_mnkr": ("en förändring av ett belopp i tkr, i ord och mnkr", "{{ ekonomi.skatteintakter.mot_foregaende_ar|forandring_mnkr }}"),
    "jamfort_pe": ("en skillnad mellan andelar jämförd med något: högre/lägre än",
                   "{{ produktion.tillganglighet[0].mot_foregaende_ar|jamfort_pe(foregaende_ar|manad_ar) }}"),
    "manad": ("månadens namn", "{{ period|manad }}"),
    "manad_ar": ("månad och år", "{{ period|manad_ar }}"),
    "hittills": ("månaderna från januari till och med månaden", "{{ period|hittills }}"),
    "hittills_kort": ("månaderna från januari till och med månaden, kort, som kolumnrubrik", "{{ period|hittills_kort }}"),
    "datum": ("ett datum som dokument-id-blocket skriver det", "{{ dokument.publiceringsdatum|datum }}"),
    "sep": ("skiljetecken mellan saker i en loop: komma, och, inget efter den sista",
            "{% for b in bilagor[:3] %}{{ b.nummer }}{{ loop|sep }}{% endfor %}"),
    "lista": ("en lista i löptext: kommatecken och \"och\" före det sista", "{{ ['Verksamhet', 'Medarbetare', 'Ekonomi']|map('lower')|lista }}"),
    "versal": ("texten med stor första bokstav", "{{ period|manad_ar|versal }}"),
    "manad_kod": ("månaden som sexsiffrig kod", "{{ period|manad_kod }}"),
    "antal_ord": ("ett antal i ord upp till tolv, sedan siffror", "{{ maluppfyllelse.antal.uppnatt|antal_ord }}"),
    "bedomningsfarg": ("cellfärgen för en bedömning (med {% cellbg %})", "{{ 'Delvis uppnått'|bedomningsfarg }}"),
    "bedomning": ("en bedömning för en tabellcell; Ej bedömd när den saknas", "{{ none|bedomning }}"),
    "pil": ("en utveckling som pil och ord", "{{ 'Förbättrad'|pil }}"),
    "malbedomning": ("meningen som sammanfattar styrkortets bedömningar", "{{ maluppfyllelse.antal|malbedomning }}"),
    "malet_ar": ("det som följer på ”att målet …”", "{{ 'Ej uppnått'|malet_ar }}"),
    "bedoms_vara": ("det som följer på ”bedöms målet …”", "{{ 'Ej uppnått'|bedoms_vara }}"),
    "samlad_bedomning": ("ett måls bedömning för perioden och vid årets slut: en mening när de är lika, annars två",
                         "{{ 'Delvis uppnått'|samlad_bedomning('Delvis uppnått') }}"),
    "har_uppnatts": ("en bedömning som verb i en att-sats", "{{ 'Delvis uppnått'|har_uppnatts }}"),
    "nyckel": ("en rubrik som nyckel till sin textdel (texter.X.delar[…])", "{{ 'Samhälle'|nyckel }}"),
    "avrundningsdifferens": ("sant när en tabells avrundade delar inte kan summera till dess avrundade summa; skriv då "
                             "”Avrundningsdifferenser kan förekomma.” under tabellen (raderna, summaraden, fälten; `decimaler`, "
                             "`skala=1000` för tkr som visas i mnkr)", "{{ [340, 340, 340]|avrundningsdifferens(1020, decimaler=1, skala=1000) }}"),
    "avrundning_forklarar": ("sant när delar givna avrundade (divisionens poster i hela mnkr) kan skilja sig från en "
                             "uträknad summa enbart genom sin avrundning, högst en halv enhet per del; annars är skillnaden "
                             "ingen avrundning och noten ska inte stå", "{{ [16000, -3000]|avrundning_forklarar(12700, skala=1000) }}"),
    "mot_budget": ("ett resultat mot sin budget, skrivet direkt efter resultatet: ”, 7,2 mnkr bättre än budget”, eller "
                   "”mot ett budgeterat nollresultat” när budgeten är noll",
                   "{{ ekonomi.periodens_resultat.avvikelse|mot_budget(ekonomi.periodens_resultat.budget) }}"),
    "storst_forst": ("flera måtts förändring mot samma period föregående år i en eller två meningar: störst förändring först, "
                     "mått som ändrats åt samma håll tillsammans (`falt` namnger talen, `under` perioden)",
                     "{{ produktion.matt|storst_forst('januari–mars 2021', falt='hittills') }}"),
}

# Types the guide does not open up: template owners use them whole.
OPAQUE = {"Block", "Chart"}
SWEDISH_TYPES = {str: "text", int: "heltal", float: "tal", bool: "sant eller falskt"}


def guide(period_dir: Path) -> str:
    """The guide's Markdown, with example values from the period folder."""

    context = template_context(period_dir)
    context["diagram"] = {}  # charts are pictures; their names come from the contract
    period = context["period"]
    hints = {**typing.get_type_hints(AppendixContext), **typing.get_type_hints(CoverContext)}
    external = next((b for b in context["bilagor"] if b.slag == "extern"), None)  # the cover page's names, from the example
    context["extern"], context["extern_fil"] = external, external.file_name(period) if external else None
    keys = contract_for(MAIN_TEMPLATE)[1]
    classes = _classes(list(hints.values()))
    examples = _instances(context)

    intro = _INTRO.replace("@PERIOD@", f"{_month(period)} {period.year}")
    intro = intro.replace("@KORT@", str(SHORT_TABLE_ROWS)).replace("@SISTA@", antal_ord(LAST_ROWS_TOGETHER))
    for picture, text in PICTURES.items():
        intro = intro.replace(f"@{picture}@", text)
    lines = intro.splitlines()
    lines += ["", "## Namn", "", f"Exemplen är värden för {_month(period)} {period.year} ur exempelperioden.", "",
              "| Namn | Typ | Exempel | Vad det är |", "|---|---|---|---|"]
    for name, hint in hints.items():
        value = context.get(name)
        kind = _type(hint)
        if name in keys:
            kind += " per namn: " + ", ".join(f"`{key}`" for key in keys[name])
        elif name == "diagram":
            kind += " per namn, se [Diagram](#diagram)"
        lines.append(f"| `{name}` | {kind} | {_example(value, hint)} | {DESCRIPTIONS[name]} |")
    lines += _charts()
    for klass in classes:
        lines += ["", f"### {klass.__name__}", "", "| Fält | Typ | Exempel |", "|---|---|---|"]
        instance = examples.get(klass)
        for field, hint in fields_of(klass).items():
            value = getattr(instance, field, None) if instance is not None else None
            lines.append(f"| `{field}` | {_type(hint)} | {_example(value, hint) if instance is not None else '–'} |")
    lines += _filters(FILTERS, context)
    lines += _OUTRO.splitlines()
    return "\n".join(lines).rstrip() + "\n"


def _filters(filters, context) -> list[str]:

    missing = sorted(set(filters) - set(FILTER_GUIDE))
    if missing:
        raise ValueError(f"filters without an entry in FILTER_GUIDE: {', '.join(missing)}")
    env = jinja_environment()
    lines = ["", "## Filter", "", "Ett filter skrivs efter ett värde med `|`: `{{ period|manad_ar }}`. Flera kan följa "
             "på varandra: `{{ period|manad_ar|versal }}`. Reporters filter skriver tal och ord på svenska:", "",
             "| Filter | Vad det gör | I mallen | Blir |", "|---|---|---|---|"]
    for name in filters:
        what, example = FILTER_GUIDE[name]
        shown = env.from_string(example).render(context).replace("\u00a0", " ")
        lines.append(f"| `{name}` | {what} | `{_cell(example)}` | {_cell(shown)} |")
    lines += ["", "Jinjas vanliga filter finns också, till exempel `default`, `length`, `join`, `upper` och `round` "
              "(se Jinjas dokumentation, *List of Builtin Filters*)."]
    return lines


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a | would end the cell, even inside code."""
    return text.replace("|", "\\|")


def _classes(roots: list) -> list[type]:
    """Every class reachable from the context's types, in the order first met."""
    found: list[type] = []

    def visit(hint) -> None:
        for klass in _named(hint):
            if klass not in found and klass.__name__ not in OPAQUE:
                found.append(klass)
                for field_hint in fields_of(klass).values():
                    visit(field_hint)

    for hint in roots:
        visit(hint)
    return found


def _named(hint) -> list[type]:
    if hint is ANY or hint is None:
        return []
    arguments = typing.get_args(hint)
    if arguments:
        return [k for argument in arguments for k in _named(argument)]
    if isinstance(hint, type) and hint not in SWEDISH_TYPES and hint is not type(None) and hint.__module__.startswith("reporter"):
        return [hint]
    return []


def _instances(context) -> dict[type, object]:
    """The first value of each class in the context, for its examples."""
    found: dict[type, object] = {}

    def visit(value: object) -> None:
        kind: type = type(value)
        if isinstance(value, (list, tuple)):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)
        elif kind.__module__.startswith("reporter") and kind not in found:
            found[kind] = value
            for field in fields_of(kind):
                visit(getattr(value, field, None))

    visit(dict(context))
    return found


def _charts() -> list[str]:

    lines = ["", "### Diagram", "", "Bilagornas mallar visar diagram med `{{ diagram.namn }}` i ett eget stycke; bilden får "
             "alternativtext som säger vad den visar.", "", "| Bilaga | Diagram |", "|---|---|"]
    for kind in APPENDICES.values():
        if kind.charts:
            lines.append(f"| `{kind.template}` | " + ", ".join(f"`{{{{ diagram.{name} }}}}`" for name in kind.charts) + " |")
    return lines


def _type(hint) -> str:
    if hint is ANY:
        return "–"
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, __import__("types").UnionType):
        rest = [a for a in arguments if a is not type(None)]
        return " eller ".join(_type(a) for a in rest) + (" eller tomt" if len(rest) < len(arguments) else "")
    if origin in (list, tuple):
        return f"lista av {_type(arguments[0])}" if arguments else "lista"
    if origin is dict:
        return _type(arguments[1])
    if hint in SWEDISH_TYPES:
        return SWEDISH_TYPES[hint]
    if isinstance(hint, type):
        if hint.__name__ in OPAQUE:
            return {"Block": "stycken", "Chart": "bild"}[hint.__name__]
        return f"[{hint.__name__}](#{hint.__name__.lower()})"
    return str(hint)


def _example(value, hint) -> str:
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return "sant" if value else "falskt"
    if isinstance(value, float):
        return f"`{round(value, 4)!r}`"
    if isinstance(value, int):
        return f"`{value}`"
    if isinstance(value, str):
        text = value if len(value) <= 50 else value[:47] + "…"
        return f"`{text}`" if text else "`''`"
    if isinstance(value, (list, tuple)):
        if value and type(value[0]).__name__ == "Block":
            return f"{len(value)} stycken"
        return f"{len(value)} st" + (f", den första {_example(value[0], None)}" if value and not dataclasses.is_dataclass(value[0]) else "")
    if isinstance(value, dict):
        return ", ".join(f"`{k}`" for k in value) or "–"
    if type(value).__name__ == "Month":
        return f"`{value}`"
    return "se nedan"


def _month(month) -> str:

    return manad(month)


_INTRO = """# Mallarna: så skriver du taggar i Word

<!-- Skriven av reporter/guide.py ur mallkontraktet (reporter/context.py) och filtren
(reporter/formatting.py). Ändra inte för hand: `.venv/bin/python -m pytest tests/test_guide.py --force-regen`
skriver om den. -->

Rapporten byggs ur vanliga Word-dokument i `templates/`: `regiondirektorens-rapport.docx` för
huvudrapporten och `ekonomirapport.docx`, `produktionsrapport.docx`, `personalrapport.docx` och
`maluppfyllelse.docx` för bilagorna. Du ändrar text, formatmallar och layout i Word eller
LibreOffice Writer som i vilket dokument som helst. Där en siffra eller text ur indata ska stå
skriver du en *tagg* inom klamrar, till exempel `{{ period|manad_ar }}`, som i rapporten blir
*@PERIOD@*.

Kontrollera mallarna efter varje ändring, innan du bygger:

```sh
reporter mallar                      # alla mallar
reporter mallar ekonomirapport       # en mall
reporter mallar ~/Skrivbord/ny.docx  # en kopia någon annanstans
```

Varje fel visas med mall, del (brödtext, sidhuvud, sidfot), plats (stycke 14, tabell 2, rad 1,
kolumn 3 – stycken och tabeller räknas var för sig uppifrån, från 1, tomma stycken också) och taggen som den står i Word, och ofta
ett förslag: *menade du `period`?* `reporter build` gör samma kontroll först och bygger inget
förrän mallarna är felfria.

![@mall-inledning.png@](bilder/mall-inledning.png)

## Så skrivs en tagg

- `{{ namn }}` skriver ut ett värde: `{{ organisation }}`. Med punkt når du delar av ett värde:
  `{{ ekonomi.periodens_resultat.utfall }}`. Namnen står i tabellerna nedan.
- `|` skickar värdet genom ett filter som skriver det på svenska: `{{ ekonomi.periodens_resultat.utfall|mnkr }}`.
- `{% if villkor %} … {% endif %}` visar något bara när villkoret gäller, `{% for x in lista %} … {% endfor %}`
  upprepar det för varje sak i listan. Inom ett och samma stycke skrivs de så; över flera stycken,
  tabellrader eller celler skrivs de med `p`, `tr` eller `tc` (nästa avsnitt).
- Text sätts ihop med `~`: `{{ 'resultatet per ' ~ foregaende_manad|manad }}`; villkor med `and`, `or`, `not`.
- Skriv raka citattecken `'` och `"` i taggar. Word byter dem mot typografiska (’ ”) när
  *Ersätt raka citattecken med typografiska* är på i Autokorrigering; stäng av det, eller ångra
  direkt med Ctrl+Z. `&` fungerar inte i en tagg.
- Spårade ändringar i en mall godtas när rapporten byggs: rapporten blir som mallen med alla
  ändringar godkända. Stavningsmarkeringar, bokmärken och formatering mitt i en tagg gör inget.
- Taggar fungerar i brödtext, tabeller, sidhuvud och sidfot, men inte i kommentarer, textrutor
  eller fotnoter.

## Stycken, tabellrader och celler: `p`, `tr` och `tc`

Ett `if` eller `for` som ska visa eller upprepa hela stycken, tabellrader eller celler skrivs
med en bokstavskod direkt efter `{%`. Taggen står ensam i sitt stycke, sin rad eller sin cell, och
det stycket, den raden eller cellen försvinner när rapporten byggs – annan text där försvinner med den.

| Tagg | Verkan | Exempel |
|---|---|---|
| `{%p … %}` | styckena mellan `{%p if %}` och `{%p endif %}` visas bara när villkoret gäller; mellan `{%p for %}` och `{%p endfor %}` upprepas de | `{%p if texter.inledning %}` … `{%p endif %}` |
| `{%tr … %}` | tabellraderna mellan en rad med `{%tr for %}` och en rad med `{%tr endfor %}` upprepas; start och slut i samma tabell | `{%tr for r in ekonomi.rader %}` … `{%tr endfor %}` |
| `{%tc … %}` | cellerna mellan `{%tc for %}` och `{%tc endfor %}` upprepas som kolumner; start och slut i samma rad | `{%tc for m in ekonomi.kostnadsutveckling.manader %}` … `{%tc endfor %}` |
| `{{p … }}` | stycket ersätts av en texts stycken (rubriker, listor, fetstil) | `{{p texter.aktuella_handelser }}` |
| `{% cellbg … %}` | cellens bakgrundsfärg | `{% cellbg g.bedomning\\|bedomningsfarg %}` |
| `{% vm %}` | i en rad som `{%tr for %}` upprepar: cellen visas en gång, sammanslagen över loopens alla rader | `{% vm %}{{ s.styrmatt }}` |

Ett block börjar och slutar på samma nivå: `{%p if %}` stängs med `{%p endif %}` i samma
tabellcell eller utanför tabeller, `{%tr for %}` med `{%tr endfor %}` i samma tabell. Block inuti
varandra stängs i omvänd ordning.

![@mall-tabell.png@](bilder/mall-tabell.png)

Ingen tabellrad blir ensam överst på en sida: i det ifyllda dokumentet hålls en tabell med högst
@KORT@ rader ihop på en sida (alla rader utom den sista får *Håll ihop med nästa*), och en längre
tabell håller ihop sina @SISTA@ sista rader; det behöver inte göras i mallen. Markera rubrikraden
med *Upprepa som rubrikrad överst på varje sida* (Tabellegenskaper → Rad) så att den upprepas
när en tabell bryts.

Texterna i `texter/*.md` skrivs med mallens formatmallar *Heading 2*–*Heading 4*, *List Bullet*
1–3 och *List Number* 1–3; behåll dem (med sina namn) i mallar som visar texter.

Bredden på tabellerna sätter reporter när dokumentet byggs, en regel för alla: varje tabell blir
lika bred som texten på sidan (stående eller liggande), kolumner med tal lika breda, och
textkolumnerna delar på resten. En tabell utan tal behåller mallens proportioner.

## Innehållsförteckning

Ett dokument som blir längre än ungefär åtta sidor får en innehållsförteckning efter
försättssidan (rubriknivå 1 och 2, formatmallarna *Heading 1* och *Heading 2*). I PDF:en har den
rätt sidnummer. **Öppnar du Word-filen frågar Word om fälten ska uppdateras: svara Ja**, så får
förteckningen sidnumren från Words egen sidbrytning (eller högerklicka på den och välj
*Uppdatera fält*). Lägg inte in någon egen innehållsförteckning i mallen."""

_OUTRO = """
## När du har ändrat en mall

1. Spara mallen som .docx i `templates/`.
2. `reporter mallar` – rätta det som visas, tills det står *Inga fel*.
3. `reporter build` – och läs rapporten.
4. Den som checkar in ändringen kör testerna; ögonblicksbilderna i `tests/test_check_templates/`
   (mallens taggar) och `tests/test_build/`, `tests/test_appendices/` (rapportens text) visar
   exakt vad ändringen gjorde."""
