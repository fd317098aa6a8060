/**
 * The engine's errors, Italian and English: what a function returns as a value (`KpiError`,
 * src/core/errors.ts) when it cannot read a target, a number, a weight, a value or a custom
 * function's argument. Kept apart from the problems' messages so that the custom functions'
 * bundle carries only these.
 * One domain of the catalogue (./catalogue.ts); placeholders are `{name}`.
 */
import type { Catalogue } from "./catalogue";

export const ERROR_MESSAGES = {
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
  // Errors of the workbook reader and of KPI.ROLLUP, KPI.AT_RISK: values too, not problems.
  VALUE_CELL_ERROR: {
    it: "La cella del valore mostra l'errore {text}.",
    en: "The value cell shows the error {text}.",
  },
  ROLLUP_UNKNOWN_CODE: {
    it: "Il codice {code} non è tra i codici dell'intervallo né è il prefisso di uno di essi.",
    en: "The code {code} is not among the range's codes, nor a prefix of one of them.",
  },
  ROLLUP_NO_DATA: {
    it: "Nessun dato per {code}: né i suoi KPI né i codici sottostanti hanno un grado di raggiungimento.",
    en: "No data for {code}: neither its KPIs nor the codes below it have an achievement.",
  },
  ROLLUP_BAD_MISSING: {
    it: "«{text}» non è una regola per i valori mancanti: usare «ignora» (skip) oppure «zero».",
    en: "“{text}” is not a rule for missing values: use “skip” (ignora) or “zero”.",
  },
  MONITORING_DATE_BAD: {
    it: "«{text}» non è una data di monitoraggio: indicare una data, es. 30/06/2026.",
    en: "“{text}” is not a monitoring date: give a date, e.g. 30/06/2026.",
  },
  MONITORING_RULE_BAD: {
    it: "Regola di monitoraggio «{text}» sconosciuta: usare «lineare» oppure «nessuno».",
    en: "Unknown monitoring rule “{text}”: use “linear” or “none”.",
  },
} as const satisfies Catalogue;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
