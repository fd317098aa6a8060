/**
 * Every string of the task pane in Italian (the reference catalogue: en.ts must have the
 * same keys and the same `{placeholders}`; a test checks it). Engine messages (problems in
 * a report or a plan) are not here: they come from src/core/messages.ts already translated.
 */
export const it = {
  htmlLang: "it",
  appTitle: "KPI del Piano della Performance",
  appIntro: "Controlla pesi, target e valori di tutte le tabelle KPI della cartella ed evidenzia i risultati sul foglio.",

  // toolbar
  validate: "Valida",
  clear: "Rimuovi evidenziazioni",
  yearLabel: "Anno",
  yearAuto: "Ultimo anno con valori",

  // progress and outcome
  ready: "Pronto. Premi «Valida» per controllare la cartella.",
  busy: "Operazione in corso",
  phaseReading: "Lettura dei fogli… ({done} di {total})",
  phaseChecking: "Verifica dei KPI…",
  phaseMarking: "Scrittura delle evidenziazioni…",
  phaseClearing: "Rimozione delle evidenziazioni…",
  phaseSelecting: "Selezione della cella…",
  phaseImportParsing: "Lettura del piano…",
  phaseImportBuilding: "Preparazione dei fogli…",
  phaseImportWriting: "Scrittura dei fogli in Excel…",
  doneValidate: "Verifica completata: {rows} in {tables}.",
  // Counted nouns (see countText): one form for 1, the other for every other number.
  kpiRowsOne: "{n} riga KPI",
  kpiRowsMany: "{n} righe KPI",
  tablesOne: "{n} tabella",
  tablesMany: "{n} tabelle",
  doneClear: "Evidenziazioni rimosse: {count}.",
  doneClearNone: "Non c'erano evidenziazioni da rimuovere.",
  dismiss: "Chiudi il messaggio",

  // marks
  marksWritten: "Celle evidenziate sul foglio: {count}.",
  marksNone: "Nessuna cella da evidenziare.",
  marksUnsupported: "Questa versione di Excel non consente le evidenziazioni (serve ExcelApi 1.6): i risultati sono solo nell'elenco.",
  marksProtected: "Fogli protetti, lasciati senza evidenziazioni: {sheets}.",
  marksRolledBack: "Le evidenziazioni non sono state scritte e quelle precedenti sono state tolte: la cartella non ha evidenziazioni a metà.",
  marksMayRemain: "Alcune evidenziazioni potrebbero essere rimaste: premi «Rimuovi evidenziazioni».",

  // summary
  summaryTitle: "Riepilogo",
  summaryYear: "Anno verificato: {year}",
  summaryNoYear: "Target senza anno",
  sumRows: "Righe KPI",
  sumTables: "Tabelle",
  sumGroups: "Gruppi di pesi",
  sumGroupsBad: "Gruppi da correggere",
  sumMet: "Raggiunti",
  sumUnmet: "Non raggiunti",
  sumMissing: "Mancanti",
  sumNoTarget: "Senza target",
  sumInvalid: "Non leggibili",

  // legend (the three meanings come with the palette, src/core/marks.ts)
  legendTitle: "Colori sul foglio",

  // the roll-up tree and the summary sheet
  treeTitle: "Albero della performance",
  treeRulesSheet: "Regole di misurazione dal foglio «{sheet}».",
  treeRulesDefault: "Regole di misurazione predefinite: la cartella non ha un foglio Impostazioni.",
  treeFromSheet: "Albero dal foglio «{sheet}».",
  treeFromCodes: "Albero ricavato dai codici dei KPI.",
  treeExpand: "Mostra i livelli sotto {code}",
  treeGoTo: "Vai alle righe di {code}: {where}",
  treeCounts: "Raggiunti {met} · Non raggiunti {unmet} · Mancanti {missing}",
  treeAchievementLabel: "Grado di raggiungimento",
  // (node kinds, band words and "n.d." are the vocabulary's: src/core/vocabulary.ts)
  summaryButton: "Crea riepilogo",
  summaryHint: "Scrive l'albero con i gradi di raggiungimento in un foglio «Riepilogo» nuovo; aggiorna solo un riepilogo creato da questo riquadro e non modificato.",
  phaseSummaryWriting: "Scrittura del foglio di riepilogo…",
  summaryDone: "Riepilogo scritto nel nuovo foglio «{sheet}».",
  summaryReplaced: "Riepilogo aggiornato nel foglio «{sheet}», creato in precedenza da questo riquadro.",
  summaryNothing: "Nessuna tabella KPI nella cartella: non c'è niente da riepilogare.",
  summaryRolledBack: "Il riepilogo non è stato scritto: il foglio aggiunto è stato tolto, la cartella è come prima.",
  summaryIncomplete: "Il riepilogo non è stato scritto del tutto: il foglio «{sheet}» potrebbe essere incompleto. Eliminalo e premi di nuovo «Crea riepilogo».",

  // freeze monitoring (sheet Storico)
  freezeTitle: "Storico dei valori",
  freezeButton: "Congela monitoraggio",
  freezeHint: "Copia i valori del periodo, così come sono nelle celle, nel foglio nascosto «Storico» con data e ora; poi «Valida» elenca ogni valore modificato dopo il congelamento. Nessun'altra cella viene cambiata.",
  freezeConfirm: "Congelare i valori del periodo {period}? Verranno copiati nel foglio nascosto «Storico» con la data e l'ora di adesso. Un congelamento precedente dello stesso periodo resta nel foglio ma non conta più.",
  freezeConfirmYes: "Congela",
  freezeConfirmNo: "Annulla",
  freezePeriodAuto: "ultimo anno con valori",
  phaseFreezeWriting: "Scrittura del foglio «Storico»…",
  freezeDone: "Valori congelati: {count} del periodo {period}, nel foglio nascosto «{sheet}» ({at}).",
  freezeProtected: "Il foglio «{sheet}» è protetto: togli la protezione per congelare i valori.",
  secFrozen: "Modificati dopo il congelamento",
  // unit scorecards (Schede unità)
  secReasons: "Motivazioni dello scostamento mancanti",
  unitsButton: "Crea schede unità",
  unitsHint: "Scrive il risultato di ogni unità organizzativa (dall'albero e dalla colonna Struttura responsabile) in un foglio «Schede unità» nuovo; aggiorna solo un foglio creato da questo riquadro e non modificato.",
  phaseUnitsWriting: "Scrittura delle schede delle unità…",
  unitsDone: "Schede di {count} unità scritte nel nuovo foglio «{sheet}».",
  unitsReplaced: "Schede di {count} unità aggiornate nel foglio «{sheet}», creato in precedenza da questo riquadro.",
  unitsNone: "Nessuna unità organizzativa nella cartella: servono la colonna «Unità organizzative» del foglio Albero o una colonna «Struttura responsabile».",
  unitsRolledBack: "Le schede delle unità non sono state scritte: il foglio aggiunto è stato tolto, la cartella è come prima.",
  unitsIncomplete: "Le schede delle unità non sono state scritte del tutto: il foglio «{sheet}» potrebbe essere incompleto. Eliminalo e premi di nuovo «Crea schede unità».",

  // sections
  resultsTitle: "Risultati",
  secWeights: "Pesi che non sommano a 100",
  secBadWeights: "Pesi non validi",
  secTargets: "Target non leggibili",
  secValues: "Valori non leggibili",
  secMissing: "Valori mancanti",
  secUnmet: "Target non raggiunti",
  secMet: "Target raggiunti",
  secOther: "Altre segnalazioni",
  showMore: "Mostra altre {n} voci",
  groupTitle: "Somma {sum}, {gap}",
  groupOver: "{amount} in più",
  groupUnder: "{amount} in meno",
  groupTable: "Tabella",
  groupRows: "righe {first}–{last}",
  groupRow: "riga {first}",
  kpiResult: "Valore {value}, target {target}",
  kpiAchievement: "raggiungimento {pct}%",
  kpiMissing: "Nessun valore, target {target}",
  kpiMissingNoTarget: "Nessun valore",
  goTo: "Vai a {sheet}!{cell}",
  allClear: "Nessun errore in pesi e target.",

  // import
  importTitle: "Importa piano",
  importIntro: "Incolla il testo del Piano della Performance o scegli un file di testo. I fogli vengono aggiunti: nessun foglio esistente viene modificato.",
  importTextLabel: "Testo del piano",
  importFileLabel: "Oppure scegli un file (.txt, .md, .csv, .docx)",
  importButton: "Importa piano",
  importEmpty: "Incolla il testo del piano o scegli un file.",
  importFileRead: "File letto: {name} ({size} caratteri).",
  importFileError: "Il file non può essere letto: {detail}",
  importNotPlan: "Il testo non sembra un Piano della Performance: nessun foglio è stato creato.",
  importDone: "Fogli creati: {sheets}.",
  importRenamed: "Il foglio «{from}» esisteva già: il nuovo si chiama «{to}».",
  importProblems: "Segnalazioni sul piano: {count} (elencate anche nel foglio dei problemi).",
  importRolledBack: "Importazione non riuscita: i fogli aggiunti sono stati tolti, la cartella è come prima.",
  importMayRemain: "Importazione non riuscita e alcuni fogli nuovi potrebbero essere rimasti: {sheets}.",

  // host errors
  errCellEdit: "Excel sta modificando una cella. Premi Invio o Esc nel foglio e riprova.",
  errProtected: "Il foglio è protetto. Togli la protezione (Revisione › Rimuovi protezione foglio) e riprova.",
  errApiMissing: "Questa versione di Excel non ha una funzione necessaria. Aggiorna Excel o usa Excel per il web.",
  errNotFound: "Il foglio o la cella non esiste più (forse è stato rinominato o eliminato). Premi «Valida» di nuovo.",
  errHidden: "Il foglio «{sheet}» è nascosto: scoprilo (clic destro su una scheda › Scopri) per andare alla cella.",
  errExists: "Esiste già un elemento con lo stesso nome.",
  errTooLarge: "I dati sono troppo grandi per una sola richiesta a Excel.",
  errBusy: "Excel è occupato con un'altra operazione. Riprova tra qualche secondo.",
  errGeneric: "Excel non ha completato l'operazione.",
  errUnexpected: "Errore imprevisto nel riquadro.",
  errCode: "Codice: {code}",
  errNoExcel: "Il riquadro funziona dentro Excel: aprilo dalla scheda Home di Excel.",
  // Monitoring dates: the period selector and the statuses at an intermediate date
  periodLabel: "Periodo",
  periodYearEnd: "{year} (fine anno)",
  periodDate: "al {date}",
  summaryPeriod: "Verificato al {date}",
  sumAtRisk: "A rischio",
  sumOnTrack: "In linea",
  sumUnreachable: "Non raggiungibili",
  secUnreachable: "Non raggiungibili",
  secAtRisk: "A rischio",
  secOnTrack: "In linea",
  kpiNotDone: "Non ancora realizzato, target {target}",
  kpiExpected: "atteso alla data {expected}",
  // Office.js adapter: degraded features
  selectFirstAreaOnly: "Selezionato solo il primo gruppo di righe: questa versione di Excel non sa selezionare righe non adiacenti. Le altre righe del nodo sono elencate nell'albero.",
} as const;

/** The shape every catalogue has: the Italian keys, each a string. */
export type Strings = { readonly [K in keyof typeof it]: string };
