/**
 * The `kpi` command's help: the usage screen and each command's `--help`, Italian and English.
 * Kept apart from the other words because it is most of their bulk and changes with the options.
 */
export const HELP_TEXT = {
  it: {
    usage: `Uso: kpi <comando> [opzioni]

Comandi:
  import <piano.txt|.md>   legge il testo del piano e scrive la cartella di lavoro KPI
  check <file.xlsx>        trova le tabelle KPI, controlla pesi, target e valori e stampa un rapporto
  demo                     importa il piano di esempio in out/, lo controlla e stampa il rapporto
  report <file.xlsx>       calcola la performance dell'albero e scrive la Relazione in HTML
  snapshot <file.xlsx>     congela i valori di un periodo nel foglio nascosto Storico di una copia

Opzioni comuni:
  --lang it|en             lingua dei messaggi (predefinita: italiano; inglese se LANG inizia con "en")
  -h, --help               aiuto (anche per ogni comando: kpi check --help)
  --version                versione

Codici di uscita: 0 nessun errore, 1 errori di validazione, 2 file o argomenti non utilizzabili.`,
    commandHelp: {
      import: `Uso: kpi import <piano.txt|.md|.csv|.docx> [-o uscita.xlsx] [--json] [--force] [--formule native|kpi] [--lang it|en]

Legge il testo del Piano della performance o del PIAO, o il suo documento Word (.docx): aree,
obiettivi, azioni, unità organizzative e tabelle KPI (tabulazioni, Markdown, CSV o tabelle Word) e scrive una cartella di lavoro .xlsx con una tabella Excel per area,
le colonne Target AAAA e Valore AAAA per ogni anno del piano e il foglio dell'albero.

Opzioni:
  -o, --output FILE   cartella di lavoro da scrivere (predefinita: <nome del piano>.xlsx
                      nella cartella corrente; con --json solo se indicata)
  --json              stampa il piano letto in JSON (nodi, KPI, problemi)
  --force             sovrascrive una cartella di lavoro già esistente (senza, il comando
                      si ferma: i valori già scritti non vanno persi)
  --formule native|kpi
                      formule di tendenze e rapporti: native (predefinito) calcolano in ogni
                      Excel, sul web e in LibreOffice anche senza il componente aggiuntivo;
                      kpi usa KPI.TREND_PCT ecc. (#NOME? dove il componente non è caricato).
                      Anche --formulas
  --monitoraggi 30/06,30/09
                      aggiunge per ogni anno le colonne «Valore AAAA al 30/06», «Valore AAAA
                      al 30/09» prima di «Valore AAAA» (fine anno). Anche --checkpoints
  --lang it|en        lingua di messaggi e intestazioni

Uscita: 0 piano letto senza errori, 1 il piano ha problemi o una tabella o riga non è stata letta
(elencati; la cartella di lavoro è scritta comunque), 2 file non utilizzabile.`,
      check: `Uso: kpi check <file.xlsx> [--year AAAA | --periodo AAAA-MM-GG] [--json] [-o evidenziato.xlsx] [--lang it|en]

Trova le tabelle KPI in ogni foglio (una riga d'intestazione con almeno Indicatore e Peso o
Target), controlla che i pesi di ogni gruppo (per Codice, altrimenti per tabella) sommino a
100 (o 1), legge target e valori dell'anno e stampa un rapporto. Il file non viene modificato.

Opzioni:
  --year AAAA         anno da controllare (predefinito: l'ultimo anno con almeno un valore,
                      altrimenti l'ultimo anno dei target)
  --periodo DATA      data di monitoraggio da controllare (2026-06-30 o 30/06/2026; colonne
                      «Valore 2026 al 30/06»): in linea, a rischio, non raggiungibile.
                      Predefinito: l'ultima data con almeno un valore. Anche --period
  --json              stampa il rapporto in JSON
  -o, --output FILE   scrive una copia con i valori evidenziati: non raggiunto (arancio-rosso,
                      grassetto), raggiunto (verde-azzurro), mancante (giallo, bordo
                      tratteggiato); sono regole di formattazione condizionale aggiunte sopra
                      la formattazione esistente, che resta intatta
  --force             sovrascrive la copia se esiste già
  --lang it|en        lingua del rapporto

Uscita: 0 nessun errore, 1 errori di validazione (pesi, target o valori non validi),
2 file non utilizzabile (non trovato, non .xlsx, vuoto, protetto da password, danneggiato,
senza tabelle KPI, oltre i limiti: 256 MB su disco o di fogli decompressi) o uscita non
scrivibile.`,
      demo: `Uso: kpi demo [-o uscita.xlsx] [--json] [--lang it|en]

Importa il piano di esempio (seeds/000_30336ea7c660fe63.txt, CCIAA di Lecce 2021-2023)
in out/piano-performance.xlsx (relativo alla cartella corrente), controlla la cartella di
lavoro scritta e stampa il rapporto. Non serve Excel né la rete.

Opzioni:
  -o, --output FILE   dove scrivere la cartella di lavoro (predefinita: out/piano-performance.xlsx)
  --json              stampa il rapporto del controllo in JSON
  --lang it|en        lingua

Uscita: come kpi check.`,
      snapshot: `Uso: kpi snapshot <file.xlsx> [--periodo P] -o uscita.xlsx [--force] [--lang it|en]

Congela il monitoraggio: scrive una copia della cartella di lavoro con i valori del periodo,
così come sono nelle celle, aggiunti al foglio nascosto «Storico» con data e ora. Un
congelamento precedente resta nel foglio; quello più recente dello stesso periodo lo sostituisce.
Dopo, kpi check (e «Valida» nel riquadro) elenca ogni valore modificato dopo il congelamento.
Il file di ingresso non viene modificato; il resto della copia è identico all'originale.
Un foglio «Storico» non scritto da questo strumento non viene toccato: il comando si ferma.

Opzioni:
  --periodo P         periodo da congelare: un anno (fine anno) o una data di monitoraggio
                      (2026-06-30 o 30/06/2026); predefinito: l'ultimo periodo con almeno un
                      valore. Anche --period
  -o, --output FILE   copia da scrivere (obbligatoria)
  --force             sovrascrive la copia se esiste già
  --lang it|en        lingua dei messaggi

Uscita: 0 valori congelati, 2 file non utilizzabile o niente da congelare.`,
      report: `Uso: kpi report <file.xlsx> [--year AAAA] [-o relazione.html] [--ente NOME] [--title TITOLO] [--date AAAA-MM-GG] [--unita] [--force] [--lang it|en]

Controlla la cartella di lavoro per l'anno, calcola il grado di raggiungimento di ogni nodo
dell'albero (azioni, obiettivi operativi, obiettivi strategici, aree) e scrive la Relazione
sulla performance come un unico file HTML stampabile (A4), in italiano: sintesi, grafico
degli obiettivi strategici, albero con semaforo e conteggi, scostamenti con la loro
motivazione (colonna Motivazione scostamento), criteri di misurazione, note.
Le regole di misurazione sono quelle del foglio Impostazioni (se manca, le predefinite);
l'albero è quello del foglio Albero (se manca, ogni Codice è un nodo a sé).

Opzioni:
  --year AAAA         anno (predefinito: l'ultimo anno con almeno un valore)
  -o, --output FILE   file HTML da scrivere (predefinito: relazione-AAAA.html)
  --ente NOME         nome dell'amministrazione (predefinito: la riga Ente di Impostazioni)
  --title TITOLO      titolo (predefinito: Relazione sulla performance)
  --unita             aggiunge le schede delle unità organizzative (risultato di ogni unità)
  --date AAAA-MM-GG   data di elaborazione stampata (predefinita: oggi)
  --force             sovrascrive il file di uscita se esiste già (senza, il comando si ferma)
  --lang it|en        lingua dei messaggi sul terminale (la relazione è in italiano)

Uscita: 0 relazione scritta, 1 relazione scritta ma la cartella di lavoro ha errori di
validazione (elencati nelle note), 2 file non utilizzabile.`,
    },
  },
  en: {
    usage: `Usage: kpi <command> [options]

Commands:
  import <plan.txt|.md>    reads the plan text and writes the KPI workbook
  check <file.xlsx>        finds the KPI tables, checks weights, targets and values, prints a report
  demo                     imports the sample plan into out/, checks it and prints the report
  report <file.xlsx>       rolls the performance up the tree and writes the Relazione as HTML
  snapshot <file.xlsx>     freezes a period's values into the hidden Storico sheet of a copy

Common options:
  --lang it|en             message language (default: Italian; English when LANG starts with "en")
  -h, --help               help (also per command: kpi check --help)
  --version                version

Exit codes: 0 no errors, 1 validation errors, 2 unusable file or arguments.`,
    commandHelp: {
      import: `Usage: kpi import <plan.txt|.md|.csv|.docx> [-o out.xlsx] [--json] [--force] [--formulas native|kpi] [--lang it|en]

Reads the text of the Piano della performance or of the PIAO, or its Word document (.docx):
areas, objectives, actions, organisational units and KPI tables (tabs, Markdown, CSV or Word tables) and writes an .xlsx workbook with one Excel table per area, Target YYYY
and Value YYYY columns for each plan year, and the tree sheet.

Options:
  -o, --output FILE   workbook to write (default: <plan name>.xlsx in the current folder;
                      with --json only when given)
  --json              print the parsed plan as JSON (nodes, KPIs, problems)
  --force             overwrite an existing workbook (without it the command stops: values
                      already typed are not lost)
  --formulas native|kpi
                      formulas for trends and ratios: native (default) compute in every
                      Excel, on the web and in LibreOffice, without the add-in; kpi uses
                      KPI.TREND_PCT etc. (#NAME? where the add-in is not loaded).
                      Also --formule
  --checkpoints 30/06,30/09
                      adds, for each year, the columns "Actual YYYY at 30/06", "Actual
                      YYYY at 30/09" before "Actual YYYY" (year end). Also --monitoraggi
  --lang it|en        language of messages and headers

Exit: 0 plan read without errors, 1 the plan has problems or a table or row was not read
(listed; the workbook is written anyway), 2 unusable file.`,
      check: `Usage: kpi check <file.xlsx> [--year YYYY | --period YYYY-MM-DD] [--json] [-o highlighted.xlsx] [--lang it|en]

Finds the KPI tables on every sheet (a header row with at least Indicator and Weight or Target),
checks that each group's weights (by Code, else by table) add up to 100 (or 1), reads the
year's targets and values and prints a report. The file is never modified.

Options:
  --year YYYY         year to check (default: the latest year with any value, else the
                      latest target year)
  --period DATE       monitoring date to check (2026-06-30 or 30/06/2026; columns
                      "Valore 2026 al 30/06"): on track, at risk, unreachable. Default:
                      the latest date with any value. Also --periodo
  --json              print the report as JSON
  -o, --output FILE   write a copy with the values highlighted: unmet (vermillion, bold),
                      met (bluish green), missing (yellow, dashed border); these are
                      conditional-formatting rules added on top of the existing formatting,
                      which stays intact
  --force             overwrite the copy if it exists
  --lang it|en        report language

Exit: 0 no errors, 1 validation errors (invalid weights, targets or values), 2 unusable file
(not found, not .xlsx, empty, password-protected, damaged, no KPI table, past the limits:
256 MB on disk or of inflated sheets) or an output that cannot be written.`,
      demo: `Usage: kpi demo [-o out.xlsx] [--json] [--lang it|en]

Imports the sample plan (seeds/000_30336ea7c660fe63.txt, CCIAA Lecce 2021-2023) into
out/piano-performance.xlsx (relative to the current folder), checks the written workbook and
prints the report. Needs neither Excel nor a network.

Options:
  -o, --output FILE   where to write the workbook (default: out/piano-performance.xlsx)
  --json              print the check report as JSON
  --lang it|en        language

Exit: as kpi check.`,
      snapshot: `Usage: kpi snapshot <file.xlsx> [--period P] -o output.xlsx [--force] [--lang it|en]

Freezes the monitoring: writes a copy of the workbook with the period's values, as they are
in their cells, appended to the hidden "Storico" sheet with the date and time. Earlier
freezes stay in the sheet; the latest freeze of a period supersedes the earlier ones.
Afterwards kpi check (and Validate in the pane) lists every value changed after the freeze.
The input file is never modified; the rest of the copy is identical to the original.
A "Storico" sheet not written by this tool is left alone: the command stops.

Options:
  --period P          the period to freeze: a year (year end) or a monitoring date
                      (2026-06-30 or 30/06/2026); default: the latest period with any
                      value. Also --periodo
  -o, --output FILE   the copy to write (required)
  --force             replace the copy if it exists
  --lang it|en        language of the messages

Exit: 0 values frozen, 2 unusable file or nothing to freeze.`,
      report: `Usage: kpi report <file.xlsx> [--year YYYY] [-o relazione.html] [--ente NAME] [--title TITLE] [--date YYYY-MM-DD] [--units] [--force] [--lang it|en]

Checks the workbook for the year, computes the achievement of every node of the tree
(actions, operational objectives, strategic objectives, areas) and writes the Relazione sulla
performance as one printable (A4) HTML file, in Italian: summary, chart of the strategic
objectives, tree with traffic lights and counts, deviations with their reasons (column
Motivazione scostamento), measurement rules, notes.
The measurement rules are those of the Impostazioni sheet (the defaults when it is missing);
the tree is the Albero sheet's (without it each Code is a node of its own).

Options:
  --year YYYY         year (default: the latest year with any value)
  -o, --output FILE   HTML file to write (default: relazione-YYYY.html)
  --ente NAME         the body's name (default: the Ente row of Impostazioni)
  --title TITLE       title (default: Relazione sulla performance)
  --units, --unita    add the organisational units' scorecards (each unit's result)
  --date YYYY-MM-DD   date of generation to print (default: today)
  --force             overwrite the output file if it exists (without it the command stops)
  --lang it|en        language of the terminal messages (the report is in Italian)

Exit: 0 report written, 1 report written but the workbook has validation errors (listed in
its notes), 2 unusable file.`,
    },
  },
} as const;
