import type { Lang } from "../core";

/**
 * The CLI's own words (usage, report headings, input errors), Italian and English.
 * Engine messages (problems) come from src/core/messages.ts, never from here.
 */
/** "1 errore", "2 errori". */
function pl(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const CLI_TEXT = {
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
    unknownCommand: (c: string) => `Comando sconosciuto «${c}»: usare import, check, demo, report o snapshot (kpi --help).`,
    unknownOption: (o: string, cmd: string) => `Opzione sconosciuta «${o}» (kpi ${cmd} --help).`,
    missingValue: (o: string) => `L'opzione ${o} richiede un valore.`,
    missingInput: (cmd: string) => `Manca il file da leggere (kpi ${cmd} --help).`,
    extraArgument: (a: string, cmd: string) => `Argomento in più «${a}» (kpi ${cmd} --help).`,
    badYear: (y: string) => `Anno non valido «${y}»: indicare un anno di quattro cifre, es. --year 2022.`,
    badFormulas: (v: string) => `Valore non valido «${v}» per --formule: indicare native (predefinito) o kpi.`,
    badLang: (l: string) => `Lingua non valida «${l}»: usare it oppure en.`,
    notFound: (f: string) => `File non trovato: ${f}`,
    isDirectory: (f: string) => `${f} è una cartella, non un file.`,
    unreadable: (f: string, why: string) => `Impossibile leggere ${f}: ${why}`,
    empty: (f: string) => `Il file ${f} è vuoto.`,
    encrypted: (f: string) =>
      `${f} è protetto da password (cifrato) o è nel vecchio formato .xls: aprirlo in Excel e salvarlo come .xlsx senza password.`,
    notXlsx: (f: string) => `${f} non è un file .xlsx (non è un archivio Office Open XML).`,
    truncated: (f: string) => `${f} è troncato o danneggiato: il file .xlsx è incompleto.`,
    corrupt: (f: string, why: string) => `${f} non si può leggere come .xlsx: ${why}`,
    noSheets: (f: string) => `${f} non contiene fogli di lavoro.`,
    noTables: (f: string) =>
      `Nessuna tabella KPI in ${f}: serve una riga d'intestazione con almeno le colonne Indicatore e Peso o Target.`,
    notText: (f: string, kind: string) => `${f} non è un file di testo (${kind}): serve il testo del piano (.txt o .md).`,
    sameAsInput: (f: string) => `Il file di uscita ${f} è il file di ingresso: scegliere un altro nome, l'originale non si sovrascrive.`,
    outputExists: (f: string) => `${f} esiste già e non viene sovrascritto: scegliere un altro nome con -o, oppure aggiungere --force.`,
    demoKept: (f: string) => `${f} esiste già (da un'esecuzione precedente): lo controllo così com'è, con i valori scritti. Per ripartire dal piano, cancellarlo.`,
    cannotWrite: (f: string, why: string) => `Impossibile scrivere ${f}: ${why}`,
    cannotMark: (f: string, why: string) => `Impossibile evidenziare una copia di ${f}: ${why}`,
    seedMissing: (f: string) => `Il piano di esempio non è stato trovato: ${f}`,
    notRegular: (f: string) => `${f} non è un file (è un dispositivo, una coda o un socket): indicare un file .xlsx.`,
    tooLarge: (f: string, mb: number) => `${f} è troppo grande: oltre ${mb} MB (limite del comando kpi).`,
    tooLargeInside: (f: string, mb: number) => `${f} è troppo grande: i fogli, decompressi, superano ${mb} MB (limite del comando kpi; può essere un archivio costruito per esaurire la memoria).`,
    tooManyRows: (f: string, sheet: string) => `${f}: il foglio «${sheet}» supera le 1.048.576 righe o le 16.384 colonne di Excel.`,
    planTooLarge: (f: string, mb: number) => `${f} è troppo grande per un testo del piano: oltre ${mb} MB (limite del comando kpi).`,
    ods: (f: string) => `${f} è un foglio di calcolo OpenDocument (.ods): aprirlo in LibreOffice o in Excel e salvarlo come .xlsx.`,
    xls: (f: string) => `${f} è nel vecchio formato di Excel (.xls): aprirlo in Excel e salvarlo come .xlsx.`,
    csv: (f: string) => `${f} non è un file .xlsx ma un testo CSV: aprirlo in Excel e salvarlo come .xlsx.`,
    why: {
      no_workbook: "manca la parte principale (xl/workbook.xml)",
      missing_part: (p: string) => `il foglio «${p}» manca nell'archivio`,
      bad_xml: (p: string) => `il contenuto XML di ${p} è danneggiato`,
      zip_corrupt: "l'archivio ZIP è danneggiato",
      zip_unsupported: "archivio ZIP64, cifrato o con una compressione non supportata",
    },
    stdoutFailed: (why: string) => `Impossibile scrivere l'uscita: ${why}.`,
    stdoutClosed: "Uscita chiusa da chi la leggeva (pipe chiusa): il resto non è stato scritto.",
    os: {
      ENOSPC: "spazio esaurito sul disco",
      EACCES: "permesso negato",
      EPERM: "operazione non permessa",
      EROFS: "il disco è di sola lettura",
      ENOENT: "la cartella non esiste",
      ENOTDIR: "la cartella non esiste",
      EISDIR: "è una cartella",
      EIO: "errore di lettura/scrittura del dispositivo",
      EDQUOT: "quota del disco esaurita",
      EPIPE: "uscita chiusa",
      other: (code: string) => `errore del sistema (${code})`,
    },
    strippedChars: (n: number) => `avviso: ${pl(n, "carattere non ammesso", "caratteri non ammessi")} in un file Excel (controllo, U+FFFE, U+FFFF) ${n === 1 ? "è stato tolto" : "sono stati tolti"} dal testo del piano.`,
    cellsCut: (n: number) => `avviso: ${pl(n, "cella supera", "celle superano")} i 32.767 caratteri di Excel: il testo è stato tagliato a 32.767 caratteri.`,
    moreProblems: (n: number) => `  ... e altri ${n} problemi non elencati`,
    internal: (why: string) => `Errore interno: ${why} (KPI_DEBUG=1 per i dettagli).`,
    // Snapshot (sheet Storico)
    snapshotNeedsOutput: "Manca la copia da scrivere: indicarla con -o uscita.xlsx (il file di ingresso non viene mai modificato).",
    snapshotDone: (n: number, period: string, f: string, at: string) => `Valori congelati: ${n} del periodo ${period}, il ${at}, nel foglio nascosto «Storico» di ${f}`,
    frozenLine: (values: number, periods: readonly string[], changed: number) =>
      `Storico: ${pl(values, "valore congelato", "valori congelati")} (periodi ${periods.join(", ")}); modificati dopo il congelamento: ${changed}`,
    // Report
    reportTitle: (f: string) => `Controllo KPI: ${f}`,
    year: (y: number | null, years: readonly number[]) =>
      y === null ? "Anno: nessuno (i target non indicano anni)" : `Anno: ${y}${years.length > 0 ? ` (anni nella cartella di lavoro: ${years.join(", ")})` : ""}`,
    counts: (tables: number, rows: number, groups: number) => `Tabelle KPI: ${tables} · righe KPI: ${rows} · gruppi di pesi: ${groups}`,
    groupsTitle: (n: number, bad: number) => `Gruppi di pesi (${n}; ${bad === 0 ? "tutti validi" : pl(bad, "non valido", "non validi")})`,
    groupOk: "ok",
    groupBad: "NO",
    noOwner: "(tabella)",
    rows: (r: string) => (/^\d+$/.test(r) ? `riga ${r}` : `righe ${r}`),
    sum: (s: string, expected: number) => `somma ${s} su ${expected}`,
    // How far a group's sum is from the total: "5 in più" for 105, "20 in meno" for 80.
    gap: (amount: string, over: boolean) => (over ? `${amount} in più` : `${amount} in meno`),
    problemsTitle: (e: number, w: number, missing: number) =>
      `Problemi (${pl(e, "errore", "errori")}, ${pl(w, "avviso", "avvisi")}${missing > 0 ? `; valori mancanti: ${missing}, elencati sotto` : ""})`,
    severity: { error: "errore", warning: "avviso" },
    noProblems: "  nessuno",
    unmetTitle: (n: number) => `Target non raggiunti (${n})`,
    metTitle: (n: number) => `Target raggiunti (${n})`,
    // Monitoring dates
    period: (p: string, all: readonly string[]) => `Periodo: ${p} (data di monitoraggio; periodi nella cartella di lavoro: ${all.join(", ")})`,
    unreachableTitle: (n: number) => `Non raggiungibili (${n})`,
    atRiskTitle: (n: number) => `A rischio (${n})`,
    onTrackTitle: (n: number) => `In linea (${n})`,
    expected: (x: string) => `atteso alla data ${x}`,
    kpiNotDone: (target: string) => `non ancora realizzato · target ${target}`,
    badCheckpoint: (d: string) => `Data di monitoraggio non valida «${d}»: indicare giorno e mese, es. --monitoraggi 30/06,30/09.`,
    badPeriod: (p: string) => `Periodo non valido «${p}»: indicare una data, es. --periodo 2026-06-30 oppure --periodo 30/06/2026, o un anno (fine anno).`,
    missingTitle: (n: number) => `Valori mancanti (${n})`,
    kpiLine: (value: string, target: string, ach: string) => `valore ${value} · target ${target} · raggiungimento ${ach}`,
    kpiMissing: (target: string) => `target ${target}`,
    kpiReason: (text: string) => `motivazione: ${text}`,
    kpiReasonMissing: "MOTIVAZIONE MANCANTE (colonna Motivazione scostamento)",
    summary: (s: { rows: number; met: number; unmet: number; missing: number; noTarget: number; invalid: number }, e: number, w: number) =>
      `Riepilogo: ${s.rows} KPI · raggiunti ${s.met} · non raggiunti ${s.unmet} · mancanti ${s.missing} · senza target ${s.noTarget} · non validi ${s.invalid} · errori ${e} · avvisi ${w}`,
    marked: (f: string) => `Copia evidenziata scritta: ${f}`,
    legend:
      "Legenda: arancio-rosso in grassetto = target non raggiunto (o non raggiungibile) · azzurro con bordo punteggiato = a rischio (data intermedia) · verde-azzurro = raggiunto (o in linea) · giallo con bordo tratteggiato = valore mancante.",
    // Import
    imported: (nodes: number, kpis: number, problems: number) => `Piano letto: ${pl(nodes, "nodo", "nodi")}, ${kpis} KPI, ${pl(problems, "problema", "problemi")}.`,
    nodeCounts: (c: Record<string, number>) =>
      `  aree ${c.area ?? 0} · obiettivi strategici ${c.strategic ?? 0} · programmi ${c.program ?? 0} · obiettivi operativi ${c.operational ?? 0} · azioni ${c.action ?? 0}`,
    planYears: (y: readonly number[]) => `  anni del piano: ${y.length > 0 ? y.join(", ") : "nessuno"}`,
    line: (n: number | undefined) => (n === undefined ? "" : `riga ${n}`),
    written: (f: string) => `Cartella di lavoro scritta: ${f}`,
    demoNext: (f: string, y: number) =>
      `Passo successivo: scrivere i valori nelle colonne «Valore ${y}» (o le misure nelle colonne «Misura ${y}») di ${f} e controllare di nuovo con: npm run --silent kpi -- check ${f} -o ${f.replace(/\.xlsx$/i, "")}-evidenziato.xlsx`,
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
    unknownCommand: (c: string) => `Unknown command "${c}": use import, check, demo, report or snapshot (kpi --help).`,
    unknownOption: (o: string, cmd: string) => `Unknown option "${o}" (kpi ${cmd} --help).`,
    missingValue: (o: string) => `The option ${o} needs a value.`,
    missingInput: (cmd: string) => `The file to read is missing (kpi ${cmd} --help).`,
    extraArgument: (a: string, cmd: string) => `Unexpected argument "${a}" (kpi ${cmd} --help).`,
    badYear: (y: string) => `Invalid year "${y}": give a four-digit year, e.g. --year 2022.`,
    badFormulas: (v: string) => `Invalid value "${v}" for --formulas: give native (the default) or kpi.`,
    badLang: (l: string) => `Invalid language "${l}": use it or en.`,
    notFound: (f: string) => `File not found: ${f}`,
    isDirectory: (f: string) => `${f} is a folder, not a file.`,
    unreadable: (f: string, why: string) => `Cannot read ${f}: ${why}`,
    empty: (f: string) => `The file ${f} is empty.`,
    encrypted: (f: string) =>
      `${f} is password-protected (encrypted) or in the old .xls format: open it in Excel and save it as .xlsx without a password.`,
    notXlsx: (f: string) => `${f} is not an .xlsx file (not an Office Open XML package).`,
    truncated: (f: string) => `${f} is truncated or damaged: the .xlsx file is incomplete.`,
    corrupt: (f: string, why: string) => `${f} cannot be read as .xlsx: ${why}`,
    noSheets: (f: string) => `${f} has no worksheets.`,
    noTables: (f: string) => `No KPI table in ${f}: a header row with at least the columns Indicator and Weight or Target is needed.`,
    notText: (f: string, kind: string) => `${f} is not a text file (${kind}): the plan's text is needed (.txt or .md).`,
    sameAsInput: (f: string) => `The output file ${f} is the input file: choose another name, the original is never overwritten.`,
    outputExists: (f: string) => `${f} already exists and is not overwritten: choose another name with -o, or add --force.`,
    demoKept: (f: string) => `${f} already exists (from an earlier run): checking it as it is, with the values typed in. Delete it to start again from the plan.`,
    cannotWrite: (f: string, why: string) => `Cannot write ${f}: ${why}`,
    cannotMark: (f: string, why: string) => `Cannot write a highlighted copy of ${f}: ${why}`,
    seedMissing: (f: string) => `The sample plan was not found: ${f}`,
    notRegular: (f: string) => `${f} is not a file (a device, a FIFO or a socket): give an .xlsx file.`,
    tooLarge: (f: string, mb: number) => `${f} is too large: over ${mb} MB (a limit of the kpi command).`,
    tooLargeInside: (f: string, mb: number) => `${f} is too large: its sheets inflate to more than ${mb} MB (a limit of the kpi command; it may be an archive built to exhaust memory).`,
    tooManyRows: (f: string, sheet: string) => `${f}: the sheet "${sheet}" goes beyond Excel's 1,048,576 rows or 16,384 columns.`,
    planTooLarge: (f: string, mb: number) => `${f} is too large for a plan text: over ${mb} MB (a limit of the kpi command).`,
    ods: (f: string) => `${f} is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel and save it as .xlsx.`,
    xls: (f: string) => `${f} is in the old Excel format (.xls): open it in Excel and save it as .xlsx.`,
    csv: (f: string) => `${f} is not an .xlsx file but CSV text: open it in Excel and save it as .xlsx.`,
    why: {
      no_workbook: "the main part (xl/workbook.xml) is missing",
      missing_part: (p: string) => `the sheet "${p}" is missing from the archive`,
      bad_xml: (p: string) => `the XML of ${p} is damaged`,
      zip_corrupt: "the ZIP archive is damaged",
      zip_unsupported: "a ZIP64 or encrypted archive, or an unsupported compression",
    },
    stdoutFailed: (why: string) => `Cannot write the output: ${why}.`,
    stdoutClosed: "Output closed by its reader (closed pipe): the rest was not written.",
    os: {
      ENOSPC: "no space left on the disk",
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EROFS: "the disk is read-only",
      ENOENT: "the folder does not exist",
      ENOTDIR: "the folder does not exist",
      EISDIR: "it is a folder",
      EIO: "device input/output error",
      EDQUOT: "disk quota exceeded",
      EPIPE: "output closed",
      other: (code: string) => `system error (${code})`,
    },
    strippedChars: (n: number) => `warning: ${pl(n, "character", "characters")} not allowed in an Excel file (controls, U+FFFE, U+FFFF) removed from the plan text.`,
    cellsCut: (n: number) => `warning: ${pl(n, "cell goes", "cells go")} beyond Excel's 32,767 characters: the text was cut to 32,767 characters.`,
    moreProblems: (n: number) => `  ... and ${n} more problems not listed`,
    internal: (why: string) => `Internal error: ${why} (KPI_DEBUG=1 for details).`,
    snapshotNeedsOutput: "The copy to write is missing: give it with -o output.xlsx (the input file is never modified).",
    snapshotDone: (n: number, period: string, f: string, at: string) => `Values frozen: ${n} of the period ${period}, at ${at}, in the hidden "Storico" sheet of ${f}`,
    frozenLine: (values: number, periods: readonly string[], changed: number) =>
      `Storico: ${pl(values, "frozen value", "frozen values")} (periods ${periods.join(", ")}); changed after the freeze: ${changed}`,
    reportTitle: (f: string) => `KPI check: ${f}`,
    year: (y: number | null, years: readonly number[]) =>
      y === null ? "Year: none (the targets name no years)" : `Year: ${y}${years.length > 0 ? ` (years in the workbook: ${years.join(", ")})` : ""}`,
    counts: (tables: number, rows: number, groups: number) => `KPI tables: ${tables} · KPI rows: ${rows} · weight groups: ${groups}`,
    groupsTitle: (n: number, bad: number) => `Weight groups (${n}; ${bad === 0 ? "all valid" : `${bad} invalid`})`,
    groupOk: "ok",
    groupBad: "NO",
    noOwner: "(table)",
    rows: (r: string) => (/^\d+$/.test(r) ? `row ${r}` : `rows ${r}`),
    sum: (s: string, expected: number) => `sum ${s} of ${expected}`,
    gap: (amount: string, over: boolean) => (over ? `${amount} too many` : `${amount} short`),
    problemsTitle: (e: number, w: number, missing: number) =>
      `Problems (${pl(e, "error", "errors")}, ${pl(w, "warning", "warnings")}${missing > 0 ? `; missing values: ${missing}, listed below` : ""})`,
    severity: { error: "error", warning: "warning" },
    noProblems: "  none",
    unmetTitle: (n: number) => `Targets not met (${n})`,
    metTitle: (n: number) => `Targets met (${n})`,
    // Monitoring dates
    period: (p: string, all: readonly string[]) => `Period: ${p} (monitoring date; periods in the workbook: ${all.join(", ")})`,
    unreachableTitle: (n: number) => `Unreachable (${n})`,
    atRiskTitle: (n: number) => `At risk (${n})`,
    onTrackTitle: (n: number) => `On track (${n})`,
    expected: (x: string) => `expected by the date ${x}`,
    kpiNotDone: (target: string) => `not done yet · target ${target}`,
    badCheckpoint: (d: string) => `Invalid monitoring date "${d}": give day and month, e.g. --checkpoints 30/06,30/09.`,
    badPeriod: (p: string) => `Invalid period "${p}": give a date, e.g. --period 2026-06-30 or --period 30/06/2026, or a year (year end).`,
    missingTitle: (n: number) => `Missing values (${n})`,
    kpiLine: (value: string, target: string, ach: string) => `value ${value} · target ${target} · achievement ${ach}`,
    kpiMissing: (target: string) => `target ${target}`,
    kpiReason: (text: string) => `reason: ${text}`,
    kpiReasonMissing: "REASON MISSING (column Motivazione scostamento)",
    summary: (s: { rows: number; met: number; unmet: number; missing: number; noTarget: number; invalid: number }, e: number, w: number) =>
      `Summary: ${pl(s.rows, "KPI", "KPIs")} · met ${s.met} · not met ${s.unmet} · missing ${s.missing} · without target ${s.noTarget} · invalid ${s.invalid} · errors ${e} · warnings ${w}`,
    marked: (f: string) => `Highlighted copy written: ${f}`,
    legend: "Legend: bold vermillion = target not met (or unreachable) · sky blue with dotted border = at risk (intermediate date) · bluish green = met (or on track) · yellow with dashed border = missing value.",
    imported: (nodes: number, kpis: number, problems: number) => `Plan read: ${pl(nodes, "node", "nodes")}, ${pl(kpis, "KPI", "KPIs")}, ${pl(problems, "problem", "problems")}.`,
    nodeCounts: (c: Record<string, number>) =>
      `  areas ${c.area ?? 0} · strategic objectives ${c.strategic ?? 0} · programs ${c.program ?? 0} · operational objectives ${c.operational ?? 0} · actions ${c.action ?? 0}`,
    planYears: (y: readonly number[]) => `  plan years: ${y.length > 0 ? y.join(", ") : "none"}`,
    line: (n: number | undefined) => (n === undefined ? "" : `line ${n}`),
    written: (f: string) => `Workbook written: ${f}`,
    demoNext: (f: string, y: number) =>
      `Next step: type the values in the "Valore ${y}" columns (or the measures in the "Misura ${y}" columns) of ${f} and check again with: npm run --silent kpi -- check ${f} -o ${f.replace(/\.xlsx$/i, "")}-highlighted.xlsx`,
  },
} as const;

export type CliText = (typeof CLI_TEXT)[Lang];

/**
 * The language: `--lang` when given, else English when LANG starts with "en", else Italian.
 * @example defaultLang({ LANG: "en_GB.UTF-8" }) // "en"
 */
export function defaultLang(env: Readonly<Record<string, string | undefined>>): Lang {
  return (env.LANG ?? "").toLowerCase().startsWith("en") ? "en" : "it";
}
