import { kpiError, type Result } from "./errors";

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and Excel keeps the fictitious
 * 1900-02-29 (serial 60), so every later date is one day ahead of a plain day count.
 * Counting from 1899-12-30 gives the right serial for every date from 1900-03-01 on,
 * which covers every plan.
 */
const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The Excel serial number of a calendar date.
 * @example dateToSerial(2021, 12, 31) // 44561
 */
export function dateToSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_UTC) / DAY_MS);
}

/**
 * The calendar date of an Excel serial (the fraction, a time of day, is dropped).
 * @example serialToDate(44561) // { y: 2021, m: 12, d: 31 }
 */
export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const date = new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/**
 * ISO text of an Excel serial, as the JSON outputs write dates.
 * @example serialToIso(44561) // "2021-12-31"
 */
export function serialToIso(serial: number): string {
  const { y, m, d } = serialToDate(serial);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Italian text of an Excel serial.
 * @example serialToItalian(44561) // "31/12/2021"
 */
export function serialToItalian(serial: number): string {
  const { y, m, d } = serialToDate(serial);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A day of the year as the engine keys monitoring dates, `MM-DD`: the same for every year, so
 * that `Valore 2026 al 30/06` and the pane's period selector name one date alike.
 * @example monthDay(6, 30) // "06-30"
 */
export function monthDay(month: number, day: number): string {
  return `${pad2(month)}-${pad2(day)}`;
}

/** True when y-m-d is a real calendar date (rejects 31/02, 29/02 of common years). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` or ISO `yyyy-mm-dd` as an Excel serial.
 * Returns `null` when the text does not look like a date at all, and a `BAD_DATE` error
 * when it looks like one that does not exist.
 * @example parseDateText("31/12/2021") // 44561
 * @example parseDateText("31/02/2021") // KpiError BAD_DATE
 */
export function parseDateText(text: string): Result<number> | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const dmy = DMY.exec(s);
  const ymd = dmy ? null : YMD.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return null;
  if (!isValidDate(y, m, d)) return kpiError("BAD_DATE", { text: s });
  return dateToSerial(y, m, d);
}

/** Italian month names and the abbreviations plans use, to month numbers. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ["gennaio", 1], ["gen", 1], ["febbraio", 2], ["feb", 2], ["marzo", 3], ["mar", 3],
  ["aprile", 4], ["apr", 4], ["maggio", 5], ["mag", 5], ["giugno", 6], ["giu", 6],
  ["luglio", 7], ["lug", 7], ["agosto", 8], ["ago", 8], ["settembre", 9], ["set", 9], ["sett", 9],
  ["ottobre", 10], ["ott", 10], ["novembre", 11], ["nov", 11], ["dicembre", 12], ["dic", 12],
]);

const MONTH = "([a-z]+)\\.?";
const YEAR_TAIL = "(?:\\s+(?:del\\s+|di\\s+)?(\\d{4}))?";
/** `30 giugno 2026`, `1° luglio`, `30 giu. 2026`. */
const DAY_MONTH = new RegExp(`^(\\d{1,2})\\s*[°º]?\\s+${MONTH}${YEAR_TAIL}$`);
/** `giugno 2026`: the end of the month. */
const MONTH_ONLY = new RegExp(`^${MONTH}${YEAR_TAIL}$`);
/** `30/06`: a day and a month; `30.06` and `30-06` only after `entro` (alone they are numbers or bands). */
const DAY_SLASH_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const DAY_DOT_MONTH = /^(\d{1,2})[.-](\d{1,2})$/;
/** `II semestre 2026`, `2° semestre`, `secondo semestre`, `I trimestre 2026`. */
const PART_OF_YEAR = new RegExp(`^(?:(iv|iii|ii|i|[1-4]\\s*[°º]?|primo|secondo|terzo|quarto)\\s+(semestre|trimestre)|(semestre|trimestre)\\s+(iv|iii|ii|i|[1-4]))${YEAR_TAIL}$`);
const ORDINALS: ReadonlyMap<string, number> = new Map([
  ["i", 1], ["ii", 2], ["iii", 3], ["iv", 4], ["primo", 1], ["secondo", 2], ["terzo", 3], ["quarto", 4],
]);
/** `fine anno`, `la fine dell'anno 2026`, `fine 2026`: 31 December. */
const YEAR_END = /^(?:la\s+)?fine\s+(?:(?:dell['’]\s*|del(?:l['’])?\s*)?anno(?:\s+(\d{4}))?|(?:del\s+)?(\d{4}))$/;
/** `entro il 2026`: only this century's and the last one's years, so `entro 1000` stays a number. */
const BARE_YEAR = /^((?:19|20)\d\d)$/;
/** `entro l'anno`, `entro l'anno 2026` (the article is the deadline word's). */
const THE_YEAR = /^anno(?:\s+(\d{4}))?$/;

/**
 * Reads the dates plans write in words or without a year, as the Excel serial of the last day
 * they allow: `30 giugno 2026`, `giugno 2026` (end of June), `30/06` (`30.06`, `30-06` and a bare
 * `2026` only when `afterEntro`), `I semestre` (30/06), `II semestre` (31/12), `I`-`IV trimestre`,
 * `fine anno`. A date without its year takes `year`; with `year` null it is a `DATE_NEEDS_YEAR`
 * error. Returns `null` when the text is none of these (full `dd/mm/yyyy` dates are
 * `parseDateText`'s), and `BAD_DATE` for a day that does not exist.
 * @example parseDateWords("giugno 2026", null)               // 46203 (30/06/2026)
 * @example parseDateWords("II semestre", 2026)                  // 46387 (31/12/2026)
 * @example parseDateWords("30/06", null)                        // KpiError DATE_NEEDS_YEAR
 */
export function parseDateWords(text: string, year: number | null, afterEntro = false): Result<number> | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  const whole = (y: number | null, m: number, d: number | "end"): Result<number> => {
    const yy = y ?? year;
    if (yy === null) return kpiError("DATE_NEEDS_YEAR", { text: text.trim(), pos: 1 });
    if (d === "end") return isValidDate(yy, m, 1) ? dateToSerial(yy, m + 1, 0) : kpiError("BAD_DATE", { text: text.trim() });
    return isValidDate(yy, m, d) ? dateToSerial(yy, m, d) : kpiError("BAD_DATE", { text: text.trim() });
  };
  const yearOf = (g: string | undefined) => (g === undefined ? null : Number(g));

  let m = DAY_MONTH.exec(s);
  if (m && MONTHS.has(m[2])) return whole(yearOf(m[3]), MONTHS.get(m[2]) as number, Number(m[1]));
  m = MONTH_ONLY.exec(s);
  if (m && MONTHS.has(m[1])) return whole(yearOf(m[2]), MONTHS.get(m[1]) as number, "end");
  m = DAY_SLASH_MONTH.exec(s) ?? (afterEntro ? DAY_DOT_MONTH.exec(s) : null);
  if (m) return whole(null, Number(m[2]), Number(m[1]));
  m = PART_OF_YEAR.exec(s);
  if (m) {
    const kind = m[2] ?? m[3];
    const n = ORDINALS.get((m[1] ?? m[4]).replace(/\s*[°º]$/, "")) ?? Number.parseInt(m[1] ?? m[4], 10);
    const months = kind === "semestre" ? 6 : 3;
    if (n * months > 12) return null;
    return whole(yearOf(m[5]), n * months, "end");
  }
  m = YEAR_END.exec(s);
  if (m) return whole(yearOf(m[1] ?? m[2]), 12, 31);
  m = afterEntro ? (BARE_YEAR.exec(s) ?? THE_YEAR.exec(s)) : null;
  if (m) return whole(yearOf(m[1]), 12, 31);
  return null;
}

/**
 * A clock reading as the local calendar day, `yyyy-mm-dd` (the day the user sees, not UTC).
 * The caller reads the clock: the engine never does.
 * @example localIsoDate(new Date(2026, 5, 30, 23, 59)) // "2026-06-30"
 */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/**
 * A clock reading as local date and time, `yyyy-mm-dd hh:mm:ss` (sorts as text).
 * @example localIsoDateTime(new Date(2026, 5, 30, 9, 5, 7)) // "2026-06-30 09:05:07"
 */
export function localIsoDateTime(date: Date): string {
  return `${localIsoDate(date)} ${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}
