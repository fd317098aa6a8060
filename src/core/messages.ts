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
    it: "I pesi sommano a {sum} invece di {expected} (differenza {difference}).",
    en: "The weights add up to {sum} instead of {expected} (difference {difference}).",
  },
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
    it: "Nessun valore («{text}»).",
    en: "No value (“{text}”).",
  },
  NOT_A_YEAR: {
    it: "«{text}» non è un anno: indicare un anno di quattro cifre (es. 2022) o lasciare vuoto.",
    en: "“{text}” is not a year: give a four-digit year (e.g. 2022) or leave it empty.",
  },
  UNEXPECTED: {
    it: "Errore imprevisto: {detail}.",
    en: "Unexpected error: {detail}.",
  },
} as const;

export type MessageCode = keyof typeof MESSAGES;
export type Lang = "it" | "en";

/** Fills a catalogue entry's placeholders. Unknown placeholders are left visible on purpose. */
export function formatMessage(
  code: MessageCode,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
