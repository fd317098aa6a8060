/**
 * Engine messages about monitoring: frozen values, deviation reasons, monitoring dates
 * (src/core/history.ts, reasons.ts, monitoring.ts), Italian and English.
 * One domain of the catalogue (./catalogue.ts); placeholders are `{name}`.
 */
import type { Catalogue } from "./catalogue";

export const MONITORING_MESSAGES = {
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
  // The parts of the FROZEN_* messages: a stored value and the time of a freeze.
  STORED_BLANK: { it: "(vuota)", en: "(blank)" },
  STORED_TRUE: { it: "VERO", en: "TRUE" },
  STORED_FALSE: { it: "FALSO", en: "FALSE" },
  FROZEN_AT: { it: "{day}/{month}/{year} {hour}:{minute}", en: "{year}-{month}-{day} {hour}:{minute}" },
} as const satisfies Catalogue;
