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
