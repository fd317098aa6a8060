/**
 * Engine messages about reading and checking the KPI tables of a workbook
 * (src/core/reader/, src/core/validate/), Italian and English.
 * One domain of the catalogue (./catalogue.ts); placeholders are `{name}`.
 */
import type { Catalogue } from "./catalogue";

export const WORKBOOK_MESSAGES = {
  // Reading KPI tables from a workbook (src/core/validate/).
  TARGET_BLANK: {
    it: "Target mancante: scrivere --- se per quest'anno non c'è un target.",
    en: "Missing target: write --- when there is no target for this year.",
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
  // Reading workbooks written by other programs (kpi check / report).
  FORMULA_NOT_COMPUTED: {
    it: "Formula non calcolata: aprire e salvare il file in Excel (il file non contiene il risultato della formula).",
    en: "Formula not computed: open and save the file in Excel (the file holds no result for the formula).",
  },
  // The {year} of VALUE_MISSING when the workbook names no period.
  PERIOD_UNKNOWN: { it: "periodo", en: "the period" },
} as const satisfies Catalogue;
