/**
 * The one catalogue of engine messages, Italian and English. Placeholders are `{name}`.
 * Adapters never write their own wording for an engine error: they look it up here.
 */
export const MESSAGES = {
  EMPTY: { it: "La cella è vuota.", en: "The cell is empty." },
  NOT_A_NUMBER: {
    it: "«{text}» non è un numero.",
    en: "“{text}” is not a number.",
  },
  NOT_FINITE: {
    it: "Il numero non è finito o è fuori scala.",
    en: "The number is not finite or is out of range.",
  },
  UNKNOWN_OPERATOR: {
    it: "Operatore sconosciuto «{op}» alla posizione {pos}: usare >=, <=, >, <, = oppure «entro».",
    en: "Unknown operator “{op}” at position {pos}: use >=, <=, >, <, = or “entro”.",
  },
  NOT_A_TARGET: {
    it: "«{text}» non è un target: atteso un operatore seguito da un numero o una data (es. >= 15%, <= 31/12/2021), alla posizione {pos}.",
    en: "“{text}” is not a target: expected an operator followed by a number or a date (e.g. >= 15%, <= 31/12/2021), at position {pos}.",
  },
  BAD_DATE: {
    it: "La data «{text}» non esiste.",
    en: "The date “{text}” does not exist.",
  },
  BAD_YEAR: {
    it: "Anno non valido «{text}» alla posizione {pos}.",
    en: "Invalid year “{text}” at position {pos}.",
  },
  DUPLICATE_YEAR: {
    it: "L'anno {year} compare due volte nel target.",
    en: "The year {year} appears twice in the target.",
  },
  YEAR_REQUIRED: {
    it: "Il target ha valori per più anni ({years}): indicare l'anno.",
    en: "The target has values for several years ({years}): give the year.",
  },
  NO_TARGET: {
    it: "Nessun target (---).",
    en: "No target (---).",
  },
  NO_TARGET_FOR_YEAR: {
    it: "Nessun target per l'anno {year}.",
    en: "No target for the year {year}.",
  },
  DIV_ZERO: {
    it: "Divisione per zero: il denominatore è 0.",
    en: "Division by zero: the denominator is 0.",
  },
  SHAPE_MISMATCH: {
    it: "Gli intervalli hanno forme diverse ({a} e {b}).",
    en: "The ranges have different shapes ({a} and {b}).",
  },
  NO_SCORES: {
    it: "Nessun punteggio numerico con peso.",
    en: "No numeric score with a weight.",
  },
  WEIGHT_BLANK: { it: "Peso mancante.", en: "Missing weight." },
  WEIGHT_NEGATIVE: {
    it: "Peso negativo ({value}).",
    en: "Negative weight ({value}).",
  },
  WEIGHT_NOT_NUMBER: {
    it: "Il peso «{text}» non è un numero.",
    en: "The weight “{text}” is not a number.",
  },
  WEIGHTS_SUM: {
    it: "I pesi sommano a {sum} invece di {expected} ({gap}).",
    en: "The weights add up to {sum} instead of {expected} ({gap}).",
  },
  // The {gap} of WEIGHTS_SUM: how far the sum is from the total, in words, never a bare sign.
  WEIGHTS_OVER: { it: "{amount} in più", en: "{amount} too many" },
  WEIGHTS_UNDER: { it: "{amount} in meno", en: "{amount} short" },
  VALUE_NOT_NUMBER: {
    it: "Il valore «{text}» non è un numero.",
    en: "The value “{text}” is not a number.",
  },
  VALUE_MISSING: {
    it: "Valore mancante per il {year}.",
    en: "Missing value for {year}.",
  },
  DATE_VALUE_REQUIRED: {
    it: "Il target è una scadenza: il valore deve essere una data.",
    en: "The target is a deadline: the value must be a date.",
  },
  BAD_ARGUMENT: {
    it: "Argomento non valido: {detail}.",
    en: "Invalid argument: {detail}.",
  },
  // Custom functions (src/functions/): a cell that says "no value", a bad year argument, a bug.
  NO_VALUE: {
    it: "Nessun valore (cella vuota, «---» o «n.d.»).",
    en: "No value (an empty cell, “---” or “n.d.”).",
  },
  NOT_A_YEAR: {
    it: "«{text}» non è un anno: indicare un anno di quattro cifre (es. 2022) o lasciare vuoto.",
    en: "“{text}” is not a year: give a four-digit year (e.g. 2022) or leave it empty.",
  },
  // KPI.PERCENT_POINTS (src/functions/number-format.ts): the cell's number format is read through Excel.
  FORMAT_NEEDS_ADDRESS: {
    it: "Excel non ha indicato la cella dell'argomento: KPI.PUNTI_PERCENTUALI richiede Excel con CustomFunctionsRuntime 1.3 (Microsoft 365, Excel 2021 o successivo, Excel sul web). In alternativa scrivere il valore come 16 o «16%».",
    en: "Excel did not give the argument's cell: KPI.PERCENT_POINTS needs Excel with CustomFunctionsRuntime 1.3 (Microsoft 365, Excel 2021 or later, Excel on the web). Otherwise write the value as 16 or “16%”.",
  },
  FORMAT_UNREADABLE: {
    it: "Formato numerico di {address} non leggibile: {detail}.",
    en: "Cannot read the number format of {address}: {detail}.",
  },
  UNEXPECTED: {
    it: "Errore imprevisto: {detail}.",
    en: "Unexpected error: {detail}.",
  },
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
  // Reading KPI tables from a workbook (src/core/validate/).
  TARGET_BLANK: {
    it: "Target mancante: scrivere --- se per quest'anno non c'è un target.",
    en: "Missing target: write --- when there is no target for this year.",
  },
  VALUE_CELL_ERROR: {
    it: "La cella del valore mostra l'errore {text}.",
    en: "The value cell shows the error {text}.",
  },
  NO_VALUE_COLUMN: {
    it: "La tabella non ha una colonna Valore per il {year}: i valori risultano mancanti.",
    en: "The table has no Value column for {year}: the values count as missing.",
  },
  NO_TARGET_COLUMN: {
    it: "La tabella non ha una colonna Target per il {year}.",
    en: "The table has no Target column for {year}.",
  },
  INDICATOR_BLANK: {
    it: "Riga KPI senza il nome dell'indicatore.",
    en: "KPI row without the indicator's name.",
  },
  // KPI sheets of other bodies (src/core/reader/, src/core/validate/): one note per table.
  TABLE_NO_WEIGHT_COLUMN: {
    it: "Tabella senza colonna Peso: i pesi non sono controllati.",
    en: "Table without a Weight column: the weights are not checked.",
  },
  TABLE_NO_TARGET_COLUMN: {
    it: "Tabella senza colonna Target: sono controllati solo i pesi.",
    en: "Table without a Target column: only the weights are checked.",
  },
  TABLE_WEIGHTS_BLANK: {
    it: "Nessun peso in questa tabella: i pesi non sono controllati.",
    en: "No weights in this table: the weights are not checked.",
  },
  TABLE_ORDINAL_YEARS: {
    it: "Le colonne {columns} indicano l'anno per posizione, ma l'anno iniziale non è noto (nessun titolo come «PIAO 2026-2028» sopra la tabella, nessuna colonna Baseline o Target con l'anno): la colonna del primo anno vale per ogni anno, le altre sono ignorate.",
    en: "The columns {columns} give the year by position, but the first year is not known (no title such as “PIAO 2026-2028” above the table, no Baseline or Target column with a year): the first year's column counts for every year, the others are ignored.",
  },
  HEADER_INCOMPLETE: {
    it: "La riga {row} sembra l'intestazione di una tabella KPI ma non è letta: colonne trovate {found}; manca {missing}.",
    en: "Row {row} looks like a KPI table header but is not read as one: columns found {found}; missing {missing}.",
  },
  // The parts of HEADER_INCOMPLETE: one column found, and what is missing.
  HEADER_FOUND_CELL: { it: "«{text}» ({cell})", en: "“{text}” ({cell})" },
  HEADER_NEEDS_INDICATOR: { it: "Indicatore", en: "Indicator" },
  HEADER_NEEDS_WEIGHT_OR_TARGET: { it: "Peso o Target", en: "Weight or Target" },
  HEADER_NEEDS_ALL: { it: "Indicatore e Peso o Target", en: "Indicator and Weight or Target" },
  NO_KPI_TABLES: {
    it: "Nessuna tabella KPI trovata: serve una riga d'intestazione con almeno le colonne Indicatore e Peso o Target.",
    en: "No KPI table found: a header row with at least the columns Indicator and Weight or Target is needed.",
  },
  // Roll-up through the plan's tree (src/core/rollup/).
  ROLLUP_CYCLE: {
    it: "L'albero contiene un ciclo ({cycle}): il legame di {code} con il padre {parent} è ignorato.",
    en: "The tree contains a cycle ({cycle}): the link from {code} to its parent {parent} is ignored.",
  },
  ROLLUP_ORPHAN_KPI: {
    it: "Il codice {code} di {count} KPI non è nell'albero: è riportato come nodo a sé.",
    en: "The code {code} of {count} KPI(s) is not in the tree: it is reported as a node of its own.",
  },
  ROLLUP_ORPHAN_NODE: {
    it: "Il padre {parent} di {code} non è nell'albero: {code} è riportato al primo livello.",
    en: "The parent {parent} of {code} is not in the tree: {code} is reported at the top level.",
  },
  ROLLUP_DUPLICATE_NODE: {
    it: "Il codice {code} compare più volte nell'albero: vale la prima riga.",
    en: "The code {code} appears more than once in the tree: the first row counts.",
  },
  ROLLUP_CHILD_SKIPPED: {
    it: "{child} non ha dati per l'anno: è escluso dalla media di {code} e i pesi sono ripartiti sugli altri.",
    en: "{child} has no data for the year: it is left out of the mean of {code} and the weights are renormalised.",
  },
  ROLLUP_CHILD_ZERO: {
    it: "{child} non ha dati per l'anno: nella media di {code} conta 0.",
    en: "{child} has no data for the year: it counts as 0 in the mean of {code}.",
  },
  ROLLUP_CHILDREN_NO_DATA: {
    it: "Il KPI «{indicator}» di {code} è la media dei nodi figli ({children}), ma nessuno ha dati per l'anno: il KPI risulta mancante.",
    en: "The KPI “{indicator}” of {code} is the mean of its child nodes ({children}), but none has data for the year: the KPI counts as missing.",
  },
  ROLLUP_NO_CHILDREN: {
    it: "Il KPI «{indicator}» di {code} è una media ponderata dei nodi figli, ma {code} non ha figli nell'albero e la cella del valore è vuota: il KPI risulta mancante.",
    en: "The KPI “{indicator}” of {code} is a weighted mean of its child nodes, but {code} has no children in the tree and the value cell is empty: the KPI counts as missing.",
  },
  ROLLUP_MIXED_WEIGHTS: {
    it: "Solo alcuni figli di {code} hanno un peso nell'albero: la media usa pesi uguali.",
    en: "Only some children of {code} have a weight in the tree: the mean uses equal weights.",
  },
  ROLLUP_ZERO_WEIGHTS: {
    it: "I pesi {what} di {code} sommano a 0: la media usa pesi uguali.",
    en: "The weights {what} of {code} add up to 0: the mean uses equal weights.",
  },
  ROLLUP_NO_DATA: {
    it: "Nessun dato per {code}: né i suoi KPI né i codici sottostanti hanno un grado di raggiungimento.",
    en: "No data for {code}: neither its KPIs nor the codes below it have an achievement.",
  },
  ROLLUP_UNKNOWN_CODE: {
    it: "Il codice {code} non è tra i codici dell'intervallo né è il prefisso di uno di essi.",
    en: "The code {code} is not among the range's codes, nor a prefix of one of them.",
  },
  ROLLUP_BAD_MISSING: {
    it: "«{text}» non è una regola per i valori mancanti: usare «ignora» (skip) oppure «zero».",
    en: "“{text}” is not a rule for missing values: use “skip” (ignora) or “zero”.",
  },
  TREE_NO_HEADER: {
    it: "Il foglio {sheet} non ha l'intestazione dell'albero (almeno Codice e Padre): ogni codice dei KPI è un nodo a sé.",
    en: "The sheet {sheet} has no tree header (at least Code and Parent): each KPI code is a node of its own.",
  },
  TREE_BAD_WEIGHT: {
    it: "Il peso «{text}» di {code} nell'albero non è un numero non negativo: ignorato.",
    en: "The weight “{text}” of {code} in the tree is not a non-negative number: ignored.",
  },
  // Measurement rules on the settings sheet (src/core/rules.ts).
  RULES_UNKNOWN_KEY: {
    it: "Impostazione sconosciuta «{key}»: ignorata (valide: {keys}).",
    en: "Unknown setting “{key}”: ignored (valid: {keys}).",
  },
  RULES_DUPLICATE_KEY: {
    it: "L'impostazione «{key}» compare di nuovo: vale la prima ({first}).",
    en: "The setting “{key}” appears again: the first one ({first}) counts.",
  },
  RULES_BAD_VALUE: {
    it: "«{text}» non è un valore valido per «{key}»: atteso {expected}; vale il predefinito ({default}).",
    en: "“{text}” is not a valid value for “{key}”: expected {expected}; the default ({default}) applies.",
  },
  RULES_BANDS_ORDER: {
    it: "La soglia del rosso ({red}) supera quella del giallo ({amber}): valgono le predefinite ({defaultRed} e {defaultAmber}).",
    en: "The red threshold ({red}) is above the amber one ({amber}): the defaults ({defaultRed} and {defaultAmber}) apply.",
  },
  // Target wording of other plans (dates without a year, bands, per-year conditions, SI/NO values).
  DATE_NEEDS_YEAR: {
    it: "La data «{text}» alla posizione {pos} non ha l'anno e l'anno non è noto: scriverlo (es. 30/06/2026).",
    en: "The date “{text}” at position {pos} has no year and the year is not known: write it (e.g. 30/06/2026).",
  },
  BAD_RANGE: {
    it: "Intervallo «{text}» alla posizione {pos}: il limite inferiore ({lower}) supera quello superiore ({upper}).",
    en: "Range “{text}” at position {pos}: the lower bound ({lower}) is above the upper one ({upper}).",
  },
  TARGET_YEAR_EMPTY: {
    it: "Per il {year} (posizione {pos}) manca la condizione: scriverla, oppure --- se quell'anno non ha target.",
    en: "The condition for {year} (position {pos}) is missing: write it, or --- if that year has no target.",
  },
  FIRST_YEAR_REQUIRED: {
    it: "Il target è scritto per anno del piano (primo, secondo anno...): per il {year} serve il primo anno del piano.",
    en: "The target is written by plan year (first, second year...): the plan's first year is needed for {year}.",
  },
  VALUE_NOT_YES_NO: {
    it: "Il valore «{text}» non dice se è fatto: per un target SI/NO usare SI, NO, 1, 0, VERO o FALSO.",
    en: "The value “{text}” does not say whether it is done: for a SI/NO target use SI, NO, 1, 0, TRUE or FALSE.",
  },
  // Reading workbooks written by other programs (kpi check / report).
  FORMULA_NOT_COMPUTED: {
    it: "Formula non calcolata: aprire e salvare il file in Excel (il file non contiene il risultato della formula).",
    en: "Formula not computed: open and save the file in Excel (the file holds no result for the formula).",
  },
  // Frozen monitoring values (sheet Storico): edits made after a freeze.
  FROZEN_VALUE_CHANGED: {
    it: "Valore modificato dopo il congelamento del {frozenAt} (periodo {period}): era «{old}», ora è «{now}».",
    en: "Value changed after the freeze of {frozenAt} (period {period}): it was “{old}”, it is now “{now}”.",
  },
  FROZEN_SHEET_GONE: {
    it: "Il foglio «{sheet}» di un valore congelato il {frozenAt} (periodo {period}, cella {cell}, «{indicator}») non esiste più.",
    en: "The sheet “{sheet}” of a value frozen on {frozenAt} (period {period}, cell {cell}, “{indicator}”) no longer exists.",
  },
  FROZEN_CELL_GONE: {
    it: "La cella {cell} non contiene più il valore di «{indicator}» congelato il {frozenAt} (periodo {period}): la riga o la tabella è stata spostata o eliminata. Era «{old}».",
    en: "The cell {cell} no longer holds the value of “{indicator}” frozen on {frozenAt} (period {period}): the row or the table was moved or deleted. It was “{old}”.",
  },
  HISTORY_SHEET_NOT_OURS: {
    it: "Il foglio «{sheet}» esiste già ma non è lo storico dei congelamenti scritto da questo strumento: non viene modificato. Rinominarlo per poter congelare i valori.",
    en: "The sheet “{sheet}” already exists but is not the freeze history written by this tool: it is left alone. Rename it to freeze the values.",
  },
  HISTORY_NOTHING_TO_FREEZE: {
    it: "Nessun valore da congelare: la cartella non ha tabelle KPI con una colonna dei valori per il periodo {period}.",
    en: "Nothing to freeze: the workbook has no KPI table with a value column for the period {period}.",
  },
  // Monitoring cycle: deviation reasons and unit scorecards (src/core/reasons.ts, src/core/units.ts).
  REASON_MISSING: {
    it: "Target non raggiunto (o a rischio) senza motivazione: scrivere la motivazione dello scostamento in questa cella (la Relazione la riporta).",
    en: "Target not met (or at risk) without a reason: write the reason for the deviation in this cell (the report prints it).",
  },
  // Monitoring dates and the at-risk status (src/core/monitoring.ts, KPI.AT_RISK).
  MONITORING_DATE_BAD: {
    it: "«{text}» non è una data di monitoraggio: indicare una data, es. 30/06/2026.",
    en: "“{text}” is not a monitoring date: give a date, e.g. 30/06/2026.",
  },
  MONITORING_RULE_BAD: {
    it: "Regola di monitoraggio «{text}» sconosciuta: usare «lineare» oppure «nessuno».",
    en: "Unknown monitoring rule “{text}”: use “linear” or “none”.",
  },
} as const;

export type MessageCode = keyof typeof MESSAGES;
export type Lang = "it" | "en";

/**
 * Each template split once at its placeholders: `["Valore mancante per il ", "year", "."]`
 * (text, name, text, ...). Validation builds up to one message per row, so the template is
 * not searched again for every message.
 */
const SPLIT: Record<Lang, Map<MessageCode, readonly string[]>> = { it: new Map(), en: new Map() };

function splitTemplate(code: MessageCode, lang: Lang): readonly string[] {
  let parts = SPLIT[lang].get(code);
  if (parts === undefined) {
    parts = MESSAGES[code][lang].split(/\{(\w+(?:\|[^|{}]*\|[^|{}]*)?)\}/);
    SPLIT[lang].set(code, parts);
  }
  return parts;
}

/**
 * Fills a catalogue entry's placeholders. `{rows|riga|righe}` writes the count with the
 * singular or the plural word ("1 riga", "3 righe"), so that no message says "1 righe".
 * Unknown placeholders are left visible on purpose.
 * @example formatMessage("PLAN_TABLE_NO_OWNER", "en", { rows: 1 }) // "… before it: 1 row ignored."
 */
export function formatMessage(
  code: MessageCode,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const parts = splitTemplate(code, lang);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const [name, one, many] = parts[i].split("|");
    if (!(name in params)) text += `{${name}}`;
    else if (one === undefined) text += String(params[name]);
    else text += `${params[name]} ${params[name] === 1 ? one : many}`;
    text += parts[i + 1];
  }
  return text;
}
