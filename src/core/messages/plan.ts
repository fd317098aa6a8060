/**
 * Engine messages about reading a plan's text or .docx (src/core/plan/), Italian and English.
 * One domain of the catalogue (./catalogue.ts); placeholders are `{name}`.
 */
import type { Catalogue } from "./catalogue";

export const PLAN_MESSAGES = {
  // Plan parser (src/core/plan/): problems found while reading the plan text.
  PLAN_EMPTY: {
    it: "Nessun nodo del piano trovato (intestazioni come «Area strategica: A Titolo», «Obiettivo strategico 1.1 Titolo», «Obiettivo di valore pubblico: Titolo», «Obiettivo operativo», «Azione»): il testo non sembra un Piano della performance o un PIAO.{detail}",
    en: "No plan node found (headings such as “Area strategica: A Title”, “Obiettivo strategico 1.1 Title”, “Obiettivo di valore pubblico: Title”, “Obiettivo operativo”, “Azione”): the text does not look like a performance plan or a PIAO.{detail}",
  },
  PLAN_CODE_KIND: {
    it: "Il codice «{code}» non corrisponde a «{label}» (atteso come {example}).",
    en: "The code “{code}” does not fit “{label}” (expected like {example}).",
  },
  PLAN_DUPLICATE_NODE: {
    it: "Il codice «{code}» compare di nuovo (la prima volta alla riga {first}): le due parti sono unite.",
    en: "The code “{code}” appears again (first at line {first}): the two parts are merged.",
  },
  PLAN_PARENT_MISSING: {
    it: "Il nodo padre «{parent}» di «{code}» non è nel piano.",
    en: "The parent node “{parent}” of “{code}” is not in the plan.",
  },
  PLAN_PROGRAM_NO_PARENT: {
    it: "Il programma «{title}» non è preceduto da un obiettivo strategico.",
    en: "The program “{title}” is not preceded by a strategic objective.",
  },
  PLAN_UNITS_NO_NODE: {
    it: "Unità organizzative elencate prima di qualsiasi nodo: ignorate.",
    en: "Organisational units listed before any node: ignored.",
  },
  PLAN_UNIT_UNRECOGNISED: {
    it: "«{text}» non è un'unità organizzativa riconosciuta (STAFF n, S. n.n, AREA I, AREA STAFF): ignorata.",
    en: "“{text}” is not a recognised organisational unit (STAFF n, S. n.n, AREA I, AREA STAFF): ignored.",
  },
  PLAN_TABLE_NO_OWNER: {
    it: "Tabella KPI senza un obiettivo o un'azione valida prima: {rows|riga ignorata|righe ignorate}.",
    en: "KPI table with no valid objective or action before it: {rows|row ignored|rows ignored}.",
  },
  PLAN_ROW_CELLS: {
    it: "La riga KPI ha {count} celle invece di {expected} ({columns}, come nell'intestazione della tabella): ignorata.",
    en: "The KPI row has {count} cells instead of {expected} ({columns}, as in the table's header): ignored.",
  },
  PLAN_ROW_OUTSIDE_TABLE: {
    it: "Riga a colonne fuori da una tabella KPI (manca l'intestazione Indicatori testo, Algoritmo, Peso, Stato, Target): ignorata.",
    en: "Row with columns outside a KPI table (the header Indicatori testo, Algoritmo, Peso, Stato, Target is missing): ignored.",
  },
  PLAN_EMPTY_INDICATOR: {
    it: "Riga KPI senza testo dell'indicatore.",
    en: "KPI row without indicator text.",
  },
  PLAN_BAD_WEIGHT: {
    it: "Peso del KPI «{indicator}»: {detail}",
    en: "Weight of the KPI “{indicator}”: {detail}",
  },
  PLAN_BAD_BASELINE: {
    it: "Stato (valore base) del KPI «{indicator}»: {detail}",
    en: "Baseline (Stato) of the KPI “{indicator}”: {detail}",
  },
  PLAN_BAD_TARGET: {
    it: "Target del KPI «{indicator}»: {detail}",
    en: "Target of the KPI “{indicator}”: {detail}",
  },
  PLAN_WEIGHTS_SUM: {
    it: "Pesi dei KPI di {owner}: {detail}",
    en: "Weights of the KPIs of {owner}: {detail}",
  },
  PLAN_NO_YEARS: {
    it: "Anni del piano non trovati (nessun «Anno: AAAA» nei target, nessun titolo con gli anni, nessuna data): le colonne per anno non sono create.",
    en: "Plan years not found (no “Anno: YYYY” in the targets, no title with the years, no date): no per-year columns are made.",
  },
  // Plans of other bodies (src/core/plan/): other headings, other tables, .docx.
  PLAN_EMPTY_NEAR: {
    it: " Righe quasi riconosciute: {list}.",
    en: " Lines that almost matched: {list}.",
  },
  PLAN_EMPTY_NOTHING: {
    it: " Nessuna riga somiglia a un'intestazione (un'etichetta come «Obiettivo strategico» all'inizio della riga) o a una tabella KPI (una riga di intestazione con Indicatore e Target o Peso, separati da tabulazioni, «|», «;» o «,»).",
    en: " No line looks like a heading (a label such as “Obiettivo strategico” at the start of the line) or a KPI table (a header line with Indicatore and Target or Peso, separated by tabs, “|”, “;” or “,”).",
  },
  PLAN_NEAR_UNLABELLED: {
    it: "riga {line}: «{text}» è un titolo ma non inizia con un'etichetta del piano (es. «Obiettivo operativo 1.1: {text}»)",
    en: "line {line}: “{text}” is a title but does not start with a plan label (e.g. “Obiettivo operativo 1.1: {text}”)",
  },
  PLAN_EMPTY_TABLES: {
    it: " Tabelle KPI trovate alle righe {lines}, ma senza un'intestazione del piano sopra.",
    en: " KPI tables found at lines {lines}, but without a plan heading above them.",
  },
  PLAN_NEAR_NO_TITLE: {
    it: "riga {line}: «{text}» sembra un'intestazione ({label}) ma non ha un titolo",
    en: "line {line}: “{text}” looks like a heading ({label}) but has no title",
  },
  PLAN_NEAR_PROSE: {
    it: "riga {line}: «{text}» inizia con «{label}» ma non ha codice né due punti e non è marcata come titolo (scrivere «{label}: Titolo»)",
    en: "line {line}: “{text}” starts with “{label}” but has no code, no colon and no heading mark (write “{label}: Title”)",
  },
  PLAN_NEAR_TABLE: {
    it: "riga {line}: intestazione di tabella non riconosciuta, colonne trovate {found}, mancano {missing}",
    en: "line {line}: table header not recognised, columns found {found}, missing {missing}",
  },
  PLAN_HEADING_NO_TITLE: {
    it: "«{text}» sembra un'intestazione ({label}) ma non ha un titolo: non è letta come nodo. Scrivere il titolo sulla stessa riga (es. «{label} 1.1 Titolo»).",
    en: "“{text}” looks like a heading ({label}) but has no title: it is not read as a node. Write the title on the same line (e.g. “{label} 1.1 Title”).",
  },
  PLAN_TABLE_AFTER_BAD_HEADING: {
    it: "Tabella KPI dopo l'intestazione non compresa alla riga {heading} («{text}»): non è attribuita all'obiettivo precedente; righe ignorate: {rows}.",
    en: "KPI table after the heading not understood at line {heading} (“{text}”): it is not given to the objective above; rows ignored: {rows}.",
  },
  PLAN_TABLE_HEADER: {
    it: "Intestazione di tabella non riconosciuta: colonne trovate {found}; mancano {missing}. Righe ignorate: {rows}.",
    en: "Table header not recognised: columns found {found}; missing {missing}. Rows ignored: {rows}.",
  },
  PLAN_CODES_GENERATED: {
    it: "{count} intestazioni senza codice: codici generati ({examples}). Scrivere i codici nel piano per ritrovarli uguali a ogni importazione.",
    en: "{count} headings without a code: codes generated ({examples}). Write the codes in the plan to get the same ones at every import.",
  },
  PLAN_CODE_RENAMED: {
    it: "{count} codici già usati da un altro nodo (numerazione che riparte sotto ogni nodo): resi unici col codice del nodo superiore ({examples}).",
    en: "{count} codes already used by another node (numbering that restarts under each node): made unique with the code of the node above ({examples}).",
  },
  PLAN_CODE_REJECTED: {
    it: "«{code}» dopo «{label}» non è letto come codice (codici come 1.1, A.1, OS1, n. 3, II): resta nel titolo e il nodo prende il codice generato {generated}.",
    en: "“{code}” after “{label}” is not read as a code (codes such as 1.1, A.1, OS1, n. 3, II): it stays in the title and the node gets the generated code {generated}.",
  },
  PLAN_TABLE_UNDER_OTHER_HEADING: {
    it: "La tabella KPI segue il titolo «{text}» (riga {heading}), che non è un'intestazione del piano: è attribuita a «{owner}» sopra. Se appartiene a un altro obiettivo, scriverne l'etichetta (es. «Obiettivo operativo 1.2: {text}»).",
    en: "The KPI table follows the title “{text}” (line {heading}), which is not a plan heading: it is given to “{owner}” above. If it belongs to another objective, write its label (e.g. “Obiettivo operativo 1.2: {text}”).",
  },
  PLAN_TABLE_NO_WEIGHTS: {
    it: "Tabella KPI di {owner} senza pesi: la somma dei pesi non è controllata.",
    en: "KPI table of {owner} without weights: the weight sum is not checked.",
  },
  PLAN_TABLE_NO_TARGETS: {
    it: "Tabella KPI di {owner} senza colonna Target: i suoi KPI non hanno target.",
    en: "KPI table of {owner} without a Target column: its KPIs have no target.",
  },
  PLAN_BLANK_WEIGHT: {
    it: "Peso del KPI «{indicator}» vuoto mentre altri KPI della tabella hanno un peso.",
    en: "Weight of the KPI “{indicator}” is blank while other KPIs of the table have one.",
  },
  PLAN_BAD_TARGET_YEAR: {
    it: "Target {year} del KPI «{indicator}»: {detail} (gli altri anni restano validi)",
    en: "Target {year} of the KPI “{indicator}”: {detail} (the other years still count)",
  },
  PLAN_ORDINAL_NO_YEAR: {
    it: "La colonna «{column}» indica l'anno per posizione ma gli anni del piano non sono noti (nessun titolo con «AAAA-AAAA» prima del primo nodo): i suoi target sono ignorati.",
    en: "The column “{column}” gives the year by position but the plan's years are unknown (no title with “YYYY-YYYY” before the first node): its targets are ignored.",
  },
  DOCX_NOT_WORD: {
    it: "«{file}» non è un documento Word (.docx): non è un archivio ZIP o non ne contiene il testo principale.",
    en: "“{file}” is not a Word document (.docx): it is not a ZIP archive or holds no main text part.",
  },
  DOCX_DAMAGED: {
    it: "Il documento Word «{file}» è danneggiato e non si può leggere ({detail}).",
    en: "The Word document “{file}” is damaged and cannot be read ({detail}).",
  },
  DOCX_TOO_LARGE: {
    it: "Il documento Word «{file}» ha una parte di oltre {mb} MB: non viene letto.",
    en: "The Word document “{file}” has a part over {mb} MB: it is not read.",
  },
} as const satisfies Catalogue;
