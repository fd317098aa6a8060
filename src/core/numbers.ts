import { isKpiError, kpiError, type Result } from "./errors";
import { roundHalfUp } from "./achievement";
import type { Lang } from "./messages";
import type { CellValue } from "./types";

/** Texts that mean "no value" in the plans (`Stato` = `---`, `n.d.` ...). */
const NONE_TEXTS = new Set(["", "-", "--", "---", "----", "n.d.", "n.d", "nd", "n/a", "na", "n.a."]);

/**
 * True when the text, trimmed and lower-cased, is one of the plans' ways of writing
 * "nothing here" (`---`, `n.d.`, `n/a`).
 * @example isNoneText(" --- ") // true
 */
export function isNoneText(text: string): boolean {
  return NONE_TEXTS.has(text.trim().toLowerCase());
}

// Italian thousands: 1.234 / 12.345.678, optionally with a decimal comma.
const IT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
// English thousands: 1,234,567.5 (needs a decimal point, or "1,500" would be ambiguous).
const EN_THOUSANDS = /^\d{1,3}(?:,\d{3})+\.\d+$/;
const IT_DECIMAL = /^\d+(?:,\d+)?$/;
const PLAIN_DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
// Scientific notation, as Excel shows very large or small numbers (1,5E+21).
const SCIENTIFIC = /^(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d{1,3}$/;

/**
 * Reads a number as the plans write it: decimal comma, dot as thousands separator when
 * it is followed by groups of exactly three digits, optional sign, optional `%`.
 * Returns `null` for "no value" texts and a `NOT_A_NUMBER` error for anything else.
 * @example parseNumberText("17.835")  // { value: 17835, percent: false }
 * @example parseNumberText("+15%")    // { value: 15, percent: true }
 * @example parseNumberText("1.500,5") // { value: 1500.5, percent: false }
 */
export function parseNumberText(text: string): Result<{ value: number; percent: boolean } | null> {
  // The common case, "12" or "12,5" as typed: no spaces, sign, percent or "---" to look for,
  // and no dot, so the thousands forms cannot apply (the same branch as below).
  if (IT_DECIMAL.test(text)) {
    const value = Number(text.replace(",", "."));
    return Number.isFinite(value) ? { value, percent: false } : kpiError("NOT_FINITE");
  }
  if (isNoneText(text)) return null;
  // NBSP and thin spaces come with text pasted from PDFs.
  let s = text.replace(/[\s\u00a0\u202f]+/g, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  let sign = 1;
  if (s.startsWith("+")) s = s.slice(1);
  else if (s.startsWith("-") || s.startsWith("\u2212")) {
    sign = -1;
    s = s.slice(1);
  }
  const digits = normaliseDigits(s);
  if (digits === null) return kpiError("NOT_A_NUMBER", { text: text.trim() });
  const value = sign * Number(digits);
  if (!Number.isFinite(value)) return kpiError("NOT_FINITE");
  return { value: value === 0 ? 0 : value, percent };
}

/** Turns the unsigned numeric text into JS number syntax, or null when it is not a number. */
function normaliseDigits(s: string): string | null {
  if (s === "") return null;
  // "0.850" is a decimal, not eight hundred and fifty thousandths grouped: a leading 0 group never groups.
  if (IT_THOUSANDS.test(s) && !s.startsWith("0.")) return s.replace(/\./g, "").replace(",", ".");
  if (EN_THOUSANDS.test(s)) return s.replace(/,/g, "");
  if (IT_DECIMAL.test(s)) return s.replace(",", ".");
  if (PLAIN_DECIMAL.test(s)) return s;
  if (SCIENTIFIC.test(s)) return s.replace(",", ".");
  return null;
}

/**
 * Reads a cell as a number: numbers pass through, texts are read the Italian way,
 * blanks and `---` give `null`. Booleans are not numbers here.
 * @example parseNumber("1,5") // 1.5
 * @example parseNumber(null)  // null
 */
export function parseNumber(x: CellValue | undefined): Result<number | null> {
  if (x === null || x === undefined) return null;
  if (typeof x === "number") return Number.isFinite(x) ? x : kpiError("NOT_FINITE");
  if (typeof x === "boolean") return kpiError("NOT_A_NUMBER", { text: String(x).toUpperCase() });
  const parsed = parseNumberText(x);
  if (parsed === null || isKpiError(parsed)) return parsed;
  return parsed.value;
}

/**
 * Writes a number the Italian way, with a decimal comma and no thousands separator, so
 * that `parseNumberText` reads it back exactly (extreme magnitudes keep the E notation).
 * @example formatNumberIt(1500.5) // "1500,5"
 * @example formatNumberIt(2 / 3, 2) // "0,67"
 */
export function formatNumberIt(n: number, decimals?: number): string {
  const text = decimals === undefined ? String(n) : n.toFixed(decimals);
  return text.replace(".", ",");
}

/**
 * A number in a message or a report line: Italian with a decimal comma (as `formatNumberIt`),
 * English as JavaScript writes it; rounded half-up to `decimals` when given, trailing zeros
 * not shown (`83,3`, not `83,30`).
 * @example numberText(1500.5, "it")      // "1500,5"
 * @example numberText(83.335, "en", 2)   // "83.34"
 */
export function numberText(n: number, lang: Lang, decimals?: number): string {
  const r = decimals === undefined ? n : roundHalfUp(n, decimals);
  return lang === "it" ? formatNumberIt(r) : String(r);
}

/** A number with what it counts: `10 gg.` is `{ value: 10, percent: false, measure: "gg." }`. */
export interface Quantity {
  readonly value: number;
  readonly percent: boolean;
  /** The unit of measure as written (`gg.`, `giorni`, `punti`, `€`, `euro`); absent when none. */
  readonly measure?: string;
}

/** A currency sign or word before the number: `€ 1.500`, `euro 200`. */
const MEASURE_FIRST = /^(€|euro|eur)\s*(?=[+\-\u2212]?\d)/i;
/** `n. 5`, `n° 5`, `nr. 5`: "number of", not a unit. */
const COUNT_PREFIX = /^(?:n\.|n°|nr\.?)\s*(?=\d)/i;
/** The number, then what follows it. */
const NUMBER_THEN_REST = /^([+\-\u2212]?[\d.,\s]*\d(?:[eE][+-]?\d{1,3})?\s*%?)\s*(.*)$/su;
/** A unit of measure: letters (and `.`, `/`, `'`, `°`, spaces), starting with a letter or a currency sign. */
const MEASURE = /^[\p{L}€$£][\p{L}\p{M}.'’°/ ]*$/u;

/**
 * Reads a number that may carry its unit of measure, before (`€ 1.500`) or after it (`10 gg.`,
 * `30 giorni`, `5 punti`, `1.500 euro`); the unit is kept as written and does not change the
 * number. `95 %` is a percentage, as in `parseNumberText`. Returns `null` for "no value" texts
 * and `NOT_A_NUMBER` when there is no number, or when what follows it is not a unit.
 * @example parseQuantityText("10 gg.")  // { value: 10, percent: false, measure: "gg." }
 * @example parseQuantityText("€ 1.500") // { value: 1500, percent: false, measure: "€" }
 */
export function parseQuantityText(text: string): Result<Quantity | null> {
  const whole = parseNumberText(text);
  if (whole === null || !isKpiError(whole)) return whole;
  const s = text.replace(/[\u00a0\u202f]/g, " ").trim().replace(COUNT_PREFIX, "");
  const first = MEASURE_FIRST.exec(s);
  if (first) {
    const n = parseNumberText(s.slice(first[0].length));
    return n === null || isKpiError(n) ? whole : { ...n, measure: first[1] };
  }
  const split = NUMBER_THEN_REST.exec(s);
  if (!split) return whole;
  const n = parseNumberText(split[1]);
  if (n === null || isKpiError(n)) return whole;
  const measure = split[2].replace(/\s+/g, " ").trim();
  if (measure === "") return n;
  return MEASURE.test(measure) ? { ...n, measure } : whole;
}
