"""The division interim report as a document (templates/delarsrapport.docx): seed 003's structure, every figure computed.

The figures asserted here are seed 003's (Division Närsjukvård Övriga länet per April 2021), as the bundled
example inputs/2021-04-ovriga-lanet carries them; amounts below 100 mnkr have one decimal, so the seed's "20 mnkr" is 20,1.
"""

from __future__ import annotations

import shutil

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from helpers import dump_docx, header_xml, squash
from openpyxl import load_workbook

import reporter
from reporter.figures.delarsrapport import Faktor, Styrning
from reporter.figures.maluppfyllelse import Counts, Maluppfyllelse, MeasureGroup, MeasureRow, SuccessFactor
from reporter.formatting import har_uppnatts, nyckel, procent

FOLDER = "2021-04-ovriga-lanet"
NAME = "delarsrapport-narsjukvard-ovriga-lanet-2021-04.docx"


def _build(period_dir, out):
    from conftest import TEMPLATES

    return reporter.build(period_dir, out, TEMPLATES).out_dir / NAME


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    from conftest import ROOT, built_once

    return built_once(tmp_path_factory, "delarsrapport", lambda folder: _build(ROOT / "inputs" / FOLDER, folder))


@pytest.fixture(scope="module")
def text(document) -> str:
    """The report as text, non-breaking spaces as plain ones."""
    return squash(dump_docx(document))


def test_snapshot_of_the_division_report(document, file_regression):
    """Any change in wording, figures or layout of the text shows up here."""
    file_regression.check(dump_docx(document), extension=".txt", encoding="utf-8")


def _headings(text: str, level: int) -> list[str]:
    prefix = f"[Heading {level}] "
    return [line.removeprefix(prefix) for line in text.splitlines() if line.startswith(prefix)]


def test_the_sections_follow_seed_003(text):
    assert _headings(text, 1) == [
        "Sammanfattning", "Styrning och uppföljning", "Produktion och tillgänglighet", "Väsentliga personalförhållanden",
        "Ekonomiskt resultat", "Internkontroll", "Bilaga: Produktion och tillgänglighet", "Bilaga: Måluppfyllelse i perspektiv",
        "Bilaga: Kostnadsutveckling per kostnadsslag",
    ]
    second = _headings(text, 2)
    economy = ["Resultatutveckling", "Verksamhetens kostnader", "Kostnadsutveckling", "Nettokostnadsutveckling", "Årsprognos",
               "Hälsocentralernas resultat och prognos", "Riskanalys för årsprognosen", "Ekonomiska handlingsplaner",
               "Åtgärder för att uppnå ekonomi i balans", "Investeringar", "Särskilda kostnader"]
    start = second.index("Resultatutveckling")
    assert second[start:start + len(economy)] == economy
    assert second[:8] == ["Balanserad styrning", "Samhälle", "Medborgare", "Verksamhet", "Medarbetare", "Ekonomi",
                          "Anställda och arbetad tid", "Frånvaro"]
    # the group's text is placed under its table, not again as a subsection of its own
    assert second.count("Hälsocentralernas resultat och prognos") == 1


def test_the_summary_states_the_computed_figures(text):
    assert ("sänka kostnaderna med 37,0 mnkr under 2021; per april har åtgärderna gett 3,5 mnkr, 29 procent av uppdraget för perioden. "
            "Divisionens resultat per april 2021 är 2,2 mnkr, 7,2 mnkr bättre än budget och 20,1 mnkr bättre än samma period "
            "föregående år. Prognosen för helåret är −40,1 mnkr, 61,1 mnkr sämre än budget.") in text
    assert "Den arbetade tiden inklusive inhyrd personal har ökat med 3,5 procent" in text
    # one verb while the direction holds; the other direction keeps its own
    assert "Antalet tillsvidareanställda har minskat med 82 och antalet vikarier och tillfälligt anställda ökat med 49 sedan april 2020." in text
    # the perspectives that share an assessment named together, the verb once
    assert ("måluppfyllelse i perspektivet samhälle har uppnåtts, i perspektiven medborgare och medarbetare inte har uppnåtts och "
            "i perspektiven verksamhet och ekonomi delvis har uppnåtts per april.") in text


def test_the_scorecard_summary_and_the_perspective_sentences(text, document):
    assert "| Perspektiv | Regionens strategiska mål | Bedömning | Framgångsfaktor |" in text
    assert "| Medborgare | Trygg norrbottning med god livskvalitet | Ej uppnått | En god vård med hög tillgänglighet |" in text
    assert "Den samlade bedömningen är att divisionens måluppfyllelse i perspektivet verksamhet delvis har uppnåtts per april." in text
    assert "En fullständig redovisning av måluppfyllelsen per framgångsfaktor och styrmått finns i bilagan" in text
    body = Document(document).element.xml
    for colour in ("A9D18E", "FFE08A", "F4A3A3", "D9D9D9"):  # uppnått, delvis, ej uppnått, ej mätt: the word is written too
        assert f'w:fill="{colour}"' in body
    assert 'w:vMerge w:val="restart"' in body  # perspective, goal and the division's goals span their rows


def test_production_and_its_appendix(text):
    assert "| Vårdtillfällen | jan–apr 2021 | jan–apr 2020 | Förändring % |" in text
    for line in ("| Totalt | 3 684 | 3 669 | 0,4 % |", "| Primärvård | 492 | 396 | 24,2 % |", "| Somatik | 2 849 | 2 895 | −1,6 % |",
                 "| Psykiatri | 343 | 378 | −9,3 % |"):
        assert line in text
    assert (f"Under januari–april 2021 har antalet distanskontakter ökat mest jämfört med samma period föregående år, med {procent(94.0)} "
            f"till 38 047. Även antalet besök övriga vårdgivare (+4,4 procent, 98 136) och antalet vårdtillfällen (+0,4 procent, 3 684) "
            f"har ökat, medan antalet läkarbesök har minskat med 4,4 procent till 44 932.") in text  # the largest change first, grouped
    assert "Antalet läkarbesök under" not in text and "Tillgänglighetsmåttet" not in text  # no longer one sentence per measure
    assert ("I genomsnitt under januari–april 2021 är andelen ”väntat högst 90 dagar till besök” 75,5 procent och andelen ”väntat "
            "högst 90 dagar till operation/åtgärd” 99,1 procent.") in text
    assert "Andelen distanskontakter av alla besök är 21,0 procent, 8,8 procentenheter högre än samma period föregående år." in text
    assert ("Andelen ligger i genomsnitt på 75,5 procent under januari–april 2021 och på 78,1 procent i april. Antalet väntande i "
            "slutet av april är 471 och har minskat med 25 procent sedan årsskiftet.") in text


def test_personnel(text):
    assert "i genomsnitt 1 715 årsarbetare. Den har ökat med 3,5 procent (+58 årsarbetare)" in text
    assert "Extratiden motsvarar i genomsnitt 67,0 årsarbetare och har ökat med 12,9 procent (+7,6 årsarbetare)" in text
    assert "Övertiden, som ingår i extratiden, har ökat med 29,9 procent, det vill säga +10,0 årsarbetare." in text
    assert "Inhyrd personal motsvarar 34,0 årsarbetare och är oförändrad" in text
    assert "läkare har minskat med 2,0 årsarbetare till 28,6, sjuksköterskor har ökat med 2,3 årsarbetare till 4,2" in text
    assert "| Tillsvidare | 1 998 | 2 080 | −82 | −3,9 % |" in text
    assert ("I slutet av april 2021 har divisionen 2 183 anställda, 33 färre än i april 2020. Antalet tillsvidareanställda har minskat "
            "med 82 (−3,9 procent) och antalet vikarier och tillfälligt anställda ökat med 49 (+36,0 procent).") in text
    assert "| Inhyrd personal | 34,0 | 34,0 | 0,0 | 0,0 % |" in text  # unchanged, but there was hired staff: the row stays
    assert "Sjukfrånvaron under januari–april 2021 är 6,2 procent av den ordinarie arbetstiden" in text
    assert "Korttidssjukfrånvaron (dag 1–14) är 2,0 procent mot 4,8 procent" in text
    assert "Långtidssjukfrånvaron (60 dagar eller mer) är 3,2 procent mot 3,7 procent" in text


def test_the_result_its_bridge_and_the_tables_per_verksamhet(text):
    assert "Divisionens resultat för januari–april 2021 är 2,2 mnkr, 7,2 mnkr bättre än budget och 20,1 mnkr bättre" in text
    assert "Det planerade resultatet för perioden (målresultatet) är −5,0 mnkr." in text  # the deviation is said once
    assert "avviker resultatet" not in text
    assert "har sänkt kostnaderna med 3,5 mnkr, 8,5 mnkr mindre än planerat för perioden (12,0 mnkr)" in text
    assert "påverkar resultatet med +15,7 mnkr." in text
    assert "| Planerat resultat (målresultat) | −5,0 | 21,0 |" in text and "| Oplanerade intäkter och kostnader | 15,7 | −33,1 |" in text
    assert "| Summa | 16,0 | −33,0 |" in text  # Resultatpåverkan: −25 − 46 + 17 + 75 − 5
    header = "| Verksamhet, tkr | Närsjukvård gemensamt | Närsjukvård Gällivare | Närsjukvård Kalix | Närsjukvård Kiruna | Närsjukvård Piteå | Totalt |"
    assert text.count(header) == 4
    for total in ("| Totalt | 12 619 | 1 225 | −12 651 | 1 261 | −230 | 2 224 |",  # Resultatuppföljning
                  "| Totalt | −6 054 | 1 896 | 13 553 | 7 227 | 3 464 | 20 086 |",  # Resultatförändring mellan åren
                  "| Totalt | 36 945 | −5 785 | −53 390 | −12 503 | −5 331 | −40 065 |",  # Prognostiserat resultat
                  "| Totalt | −61 214 | −2 123 | 10 329 | −884 | 30 089 | −23 804 |"):  # skillnad mot 2020
        assert total in text
    assert "| An/Op/IVA |  |  |  |  | −21 548 | −21 548 |" in text  # no such verksamhet in a VO: an empty cell, not 0
    assert text.count("Tom cell: verksamheten finns inte i verksamhetsområdet.") == 4  # and the captions say so
    assert ("Tabellerna visar resultatet per verksamhet och verksamhetsområde för januari–april 2021 och förändringen mot samma "
            "period föregående år.") in text
    assert "Sämre än föregående år är An/Op/IVA (−13,7 mnkr), Läns-psyk (−5,4 mnkr) och Div. gem (−11,2 mnkr)." in text
    assert "[Heading 3] Nettokostnad, resultat och prognos per verksamhet" in text


def test_costs_net_costs_and_the_forecast(text):
    assert "Verksamhetens kostnader för januari–april 2021 är 741 mnkr, 37,1 mnkr högre än samma period föregående år (+5,3 procent)." in text
    assert "redovisas i bilagan Kostnadsutveckling per kostnadsslag." in text
    # the cost appendix on a portrait page: the change columns' header says "i procent", the cells hold the figure alone
    assert "| Kostnadsslag | Mnkr jan–apr 2021 | Förändring i procent av ackumulerade kostnader mot samma period året innan |" in text
    assert "| Summa verksamhetens kostnader | 741,0 | 5,3 | 5,1 | 4,7 | −6,7 |" in text
    assert "| Personalkostnader | 447,0 | 5,8 | 7,1 |" in text
    assert "Nettokostnadsutvecklingen är därmed −1,9 procent: nettokostnaden är 8,4 mnkr lägre än samma period föregående år." in text
    assert "Divisionen prognostiserar ett resultat för 2021 på −40,1 mnkr, 61,1 mnkr sämre än budget och 23,8 mnkr sämre än 2020 års resultat." in text
    assert "sänka kostnaderna med 9,0 mnkr under året, 28,0 mnkr mindre än uppdraget (37,0 mnkr)" in text
    assert "påverkar prognosen med −33,1 mnkr." in text
    assert "| Akut omhänd | −93,0 | −100,0 | −7,0 % | −3,5 | −32,0 |" in text
    assert "| Primärvård | 3,5 | −21,6 | −116,0 % | 10,1 | 2,5 |" in text  # PV anslag + PV kapitering
    assert "| Totalt | −440,3 | −448,7 | −1,9 % | 2,2 | −40,1 |" in text
    assert "| Närsjukvård Kiruna | 1 963 | −835 | 860 | −698 |" in text
    assert "| Närsjukvård Övriga länet | 13 622 | 2 530 | 10 098 | −13 123 |" in text


def test_action_plan_investments_and_special_costs(text):
    assert ("sänka kostnaderna med 37,0 mnkr under 2021. Per april har åtgärderna gett 3,5 mnkr mot planerade 12,0 mnkr för perioden, "
            "en måluppfyllelse på 29 procent. Prognosen för helåret är 9,0 mnkr, 28,0 mnkr mindre än uppdraget.") in text
    assert "| Närsjukvård Kalix | 23,0 | 7,5 | 0,3 | 4 % | 1,0 |" in text
    assert "| Totalt | 37,0 | 12,0 | 3,5 | 29 % | 9,0 |" in text
    assert "Ekonomiska effekter av åtgärder för inhyrd sjukvårdspersonal" in text
    assert "| MT-utrustning | 2,3 | 0,3 | 2,6 | 25,0 |" in text and "| Totalt | 5,6 | 1,0 | 6,6 | 35,3 |" in text
    assert "Uppföljning av kostnader och förlorade intäkter pga. Covid-19" in text
    assert "| Kostnads-/intäktskategori | Utfall januari–april 2021, tkr |" in text
    assert "| Förlorade patientintäkter |  |" in text and "| Summa | 49 766 |" in text


def test_tables_state_their_unit_and_never_mnkr_over_tkr(text):
    headers = [line for line in text.splitlines() if line.startswith("| ") and ("tkr" in line.lower() or "mnkr" in line.lower())]
    assert headers
    assert not any("Mnkr" in line and "tkr" in line for line in headers)
    # the forecast table and the cost appendix's amounts are in mnkr, and say so
    assert "Mnkr" not in text.replace("| Mnkr | Nettokostnad", "").replace("| Kostnadsslag | Mnkr jan–apr 2021 |", "")


def test_the_goal_appendix(text):
    assert "| Divisionens mål (framgångsfaktorer) | Styrmått | Mål | Utfall | Måluppfyllelse | Utveckling |" in text.replace("\u00ad", "")
    assert "| Andel oplanerade återinskrivningar inom 30 dagar för personer ≥65 år och äldre | K: ≤ 16 % | K: 15,7 % | Uppnått | ↑ förbättrad |" in text
    assert "|  | M: ≤ 17,2 % | M: 22,6 % | Ej uppnått | ↓ försämrad |" in text
    assert "| Alla divisioner och regiongemensamt bedriver verksamhet inom budget | 0 mnkr | 2,2 mnkr | Uppnått |" in text
    assert "| 100 % | 29 % | Ej uppnått |" in text and "| −9 % | −1,9 % | Delvis uppnått |" in text
    assert "| Nytt mått |" in text


def test_the_division_header_on_every_page_and_the_cost_table_on_portrait_pages(document):
    for xml in header_xml(document):
        assert "ARBGRP870-1356963637-87" in xml and " PAGE " in xml and " NUMPAGES " in xml
        assert "Division Närsjukvård Övriga länet" in xml
        assert "Bilaga" not in xml  # built alone, not an appendix
    assert not Document(document).paragraphs[0].text.startswith("Bilaga")
    sections = Document(document).sections
    # the cost table is the last appendix, on portrait pages like the rest: no section break leaves the page before it near empty
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT]
    assert "[Heading 1] Bilaga: Kostnadsutveckling per kostnadsslag" in squash(dump_docx(document)).split("[Heading 1] Bilaga: Måluppfyllelse")[1]
    # the header spans the text width
    for section in sections:
        width = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
        header = section.header._element
        assert not section.header.is_linked_to_previous
        columns = sum(int(c.get(qn("w:w"))) for c in header.iter(qn("w:gridCol")))
        tab = max(int(t.get(qn("w:pos"))) for t in header.iter(qn("w:tab")) if t.get(qn("w:pos")))
        assert abs(columns - width) <= 2 and abs(tab - width) <= 2, (section.orientation, columns, tab, width)


@pytest.mark.slow  # builds a division's interim report from a changed folder, 0.5 s CPU
def test_sections_without_data_are_left_out(tmp_path):
    """No production, no optional economy sheets, no texts: those parts vanish, no table stands empty."""
    from conftest import ROOT

    folder = tmp_path / FOLDER
    shutil.copytree(ROOT / "inputs" / FOLDER, folder)
    (folder / "produktion.xlsx").unlink()
    shutil.rmtree(folder / "texter")
    book = load_workbook(folder / "ekonomi.xlsx")
    for sheet in ("Handlingsplan", "Resultatpåverkan", "Investeringar", "Särskilda kostnader"):
        del book[sheet]
    book.save(folder / "ekonomi.xlsx")
    text = squash(dump_docx(_build(folder, tmp_path / "out")))
    assert _headings(text, 1) == ["Sammanfattning", "Styrning och uppföljning", "Väsentliga personalförhållanden", "Ekonomiskt resultat",
                                  "Bilaga: Måluppfyllelse i perspektiv", "Bilaga: Kostnadsutveckling per kostnadsslag"]
    second = _headings(text, 2)
    for gone in ("Ekonomiska handlingsplaner", "Investeringar", "Särskilda kostnader", "Riskanalys för årsprognosen", "Tillgänglighet"):
        assert gone not in second
    assert "Resultatbrygga" not in text and "handlingsplan" not in text.split("[Heading 1] Ekonomiskt resultat")[1].split("[Heading 1]")[0]
    tables: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    one_row = {"| Samhälle | Medborgare | Verksamhet | Medarbetare | Ekonomi |", "| Uppnått | Delvis uppnått | Ej uppnått | Ej mätt |"}
    assert all(len(t) > 1 or t[0] in one_row for t in tables if t)


# --- the small additions the template uses ------------------------------------------------------------


def test_an_assessment_as_the_verb_of_an_att_clause():
    assert [har_uppnatts(a) for a in ("Uppnått", "Delvis uppnått", "Ej uppnått", "Ej mätt", None)] == [
        "har uppnåtts", "delvis har uppnåtts", "inte har uppnåtts", "inte har mätts", "inte har bedömts"]


def test_a_heading_as_the_key_of_its_text_part():
    assert [nyckel(n) for n in ("Samhälle", "Övrig produktion", "Åtgärder för att uppnå ekonomi i balans")] == [
        "samhalle", "ovrig_produktion", "atgarder_for_att_uppna_ekonomi_i_balans"]


def test_the_summary_rows_grouped_by_goal_in_their_order():
    rows = [Faktor("Medborgare", "Trygg", "Ej uppnått", "A"), Faktor("Medborgare", "Trygg", "Uppnått", "B"),
            Faktor("Ekonomi", "Hållbar", None, None), Faktor("Medborgare", "Trygg", None, "C")]
    empty = Maluppfyllelse([], Counts(0, 0, 0, 0, 0), Counts(0, 0, 0, 0, 0))
    groups = Styrning(rows, [], empty).mal
    assert [(g.perspektiv, g.mal, [f.framgangsfaktor for f in g.faktorer]) for g in groups] == [
        ("Medborgare", "Trygg", ["A", "B"]), ("Ekonomi", "Hållbar", [None]), ("Medborgare", "Trygg", ["C"])]


def test_a_success_factor_as_rows_with_the_measure_named_once():
    k, m = MeasureRow("K", "≤ 16 %", "15,7 %", "Uppnått", None), MeasureRow("M", "≤ 17,2 %", "22,6 %", "Ej uppnått", None)
    alone = MeasureRow(None, "12", "2", "Ej uppnått", None)
    factor = SuccessFactor("Mål", [MeasureGroup("Återinskrivningar", None, [k, m]), MeasureGroup("Familjecentraler", None, [alone])])
    assert [(r.styrmatt, r.rad) for r in factor.rader] == [("Återinskrivningar", k), (None, m), ("Familjecentraler", alone)]
