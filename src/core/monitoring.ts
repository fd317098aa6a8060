/**
 * The monitoring cycle: values recorded at intermediate dates (`Valore 2026 al 30/06`) and the
 * status of a KPI at such a date, before the year is over.
 *
 * At an intermediate date a KPI is
 * - `on_track` (*in linea*) when it is where it should be by now;
 * - `at_risk` (*a rischio*) when it is behind but the target can still be met by year end;
 * - `unreachable` (*non raggiungibile*) when the target can no longer be met.
 *
 * How each kind of KPI is judged (rule `Monitoraggio` of the `Impostazioni` sheet):
 * - a **cumulative** KPI (a count or an amount that grows through the year: algorithm kind
 *   `count`, or a plain number with a `>=`/`>` target and no ratio algorithm) is compared with
 *   the target pro rata of the elapsed year. With the `linear` rule (the default) the value
 *   expected at a date is `target × elapsed days / days in the year`, where the elapsed days
 *   count the monitoring day itself: 30/06 is day 181 of 365 (182 of 366 in a leap year), so
 *   `>= 200` expects 200 × 181 / 365 = 99.18 at 30/06/2026. With `none` no share is expected:
 *   a cumulative KPI is on track until it can no longer be met. A `<=` ceiling on a count
 *   already passed is `unreachable` (a cumulative value never goes down);
 * - a **deadline** (`<= 30/09/2026`) is compared with the date: done in time is on track, done
 *   late is unreachable; not done yet is on track before the deadline, unreachable on or after
 *   it (the values are as at the end of the monitoring day);
 * - every other KPI (ratios, percentages, times, `SI`/`NO`) is compared with the target
 *   directly: on track when it already meets it, at risk otherwise.
 */
import { isMet } from "./achievement";
import { dateToSerial, isValidDate, monthDay } from "./dates";
import type { AlgorithmKind, Condition, KpiStatus, MeasurementRules, Period } from "./types";

/** Algorithm kinds whose value is a ratio or a level, never a running total. */
const NOT_CUMULATIVE: ReadonlySet<AlgorithmKind> = new Set(["trend_pct", "ratio", "share_pct", "weighted_mean", "satisfaction", "deadline"]);

/**
 * True for a KPI whose value adds up through the year (see the module comment).
 * @example isCumulative("count", { op: ">=", value: 200, unit: "number" }) // true
 * @example isCumulative("share_pct", { op: ">=", value: 60, unit: "percent" }) // false
 */
export function isCumulative(kind: AlgorithmKind | null, condition: Condition): boolean {
  if (condition.unit !== "number") return false;
  if (kind === "count") return true;
  if (kind !== null && NOT_CUMULATIVE.has(kind)) return false;
  return condition.op === ">=" || condition.op === ">";
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Day of the year of a `MM-DD` date, counting the day itself (1 January is 1, 30 June 181 in
 * 2026), and the days of that year.
 * @example elapsedDays(2026, "06-30") // { elapsed: 181, days: 365 }
 */
export function elapsedDays(year: number, date: string): { elapsed: number; days: number } {
  const [m, d] = date.split("-").map(Number);
  const elapsed = dateToSerial(year, m, d) - dateToSerial(year, 1, 1) + 1;
  return { elapsed, days: isLeap(year) ? 366 : 365 };
}

/**
 * The value a cumulative KPI is expected to have reached at the date under the linear rule:
 * `target × elapsed days / days in the year`.
 * @example expectedAt(200, 2026, "06-30") // 200 × 181 / 365 = 99.178…
 */
export function expectedAt(target: number, year: number, date: string): number {
  const { elapsed, days } = elapsedDays(year, date);
  return (target * elapsed) / days;
}

/** What judging a KPI at a date gives: the status and, for a cumulative KPI, the expected value. */
export interface CheckpointJudgement {
  readonly status: Extract<KpiStatus, "on_track" | "at_risk" | "unreachable">;
  readonly expected?: number;
}

/**
 * The status of a KPI at an intermediate date. `value` is `null` when nothing is recorded:
 * only a deadline can be judged then (not done yet); callers treat other blanks as missing.
 * @example judgeAtDate(90, { op: ">=", value: 200, unit: "number" }, "count", { year: 2026, date: "06-30" })
 *   // { status: "at_risk", expected: 99.178… }
 */
export function judgeAtDate(
  value: number | null,
  condition: Condition,
  kind: AlgorithmKind | null,
  period: { readonly year: number; readonly date: string },
  rules: Pick<MeasurementRules, "monitoring"> = {},
): CheckpointJudgement {
  const rule = rules.monitoring ?? "linear";
  if (condition.unit === "date") {
    const today = dateToSerial(period.year, ...(period.date.split("-").map(Number) as [number, number]));
    if (value !== null) return { status: isMet(value, condition) ? "on_track" : "unreachable" };
    // Not done yet: there is still time before the deadline (`<` leaves one day less).
    const last = condition.op === "<" ? condition.value - 1 : condition.value;
    if (condition.op === "<=" || condition.op === "<") return { status: today < last ? "on_track" : "unreachable" };
    return { status: "on_track" };
  }
  if (value === null) return { status: "at_risk" };
  if (isCumulative(kind, condition)) {
    const ceiling = condition.op === "<=" || condition.op === "<" || condition.op === "=";
    if (ceiling && !isMet(value, { ...condition, op: condition.op === "=" ? "<=" : condition.op })) return { status: "unreachable" };
    if (condition.op === "<=" || condition.op === "<") return { status: "on_track" };
    if (rule === "none") return { status: "on_track" };
    const expected = expectedAt(condition.value, period.year, period.date);
    return { status: isMet(value, { op: ">=", value: expected, unit: "number" }) ? "on_track" : "at_risk", expected };
  }
  return { status: isMet(value, condition) ? "on_track" : "at_risk" };
}

/**
 * A monitoring date as `MM-DD` from `30/06`, `30/6`, `30 giugno`, `06-30`; `null` when it is
 * not a day of the year (29 February counts).
 * @example monitoringDate("30/06") // "06-30"
 */
export function monitoringDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{1,2})[/.\- ](\d{1,2})$/.exec(t);
  let day: number;
  let month: number;
  if (m && /^\d{2}-\d{2}$/.test(t)) {
    month = Number(m[1]);
    day = Number(m[2]);
  } else if (m) {
    day = Number(m[1]);
    month = Number(m[2]);
  } else {
    m = /^(\d{1,2}) ([a-z]+)$/.exec(t);
    if (!m) return null;
    const index = MONTHS.indexOf(m[2]);
    if (index < 0) return null;
    day = Number(m[1]);
    month = (index % 12) + 1;
  }
  if (!isValidDate(2028, month, day)) return null;
  return monthDay(month, day);
}

/** Italian months, then English ones (index modulo 12 is the month). */
const MONTHS = [
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/**
 * A period as the CLI and the pane take it: `2026-06-30`, `30/06/2026`, `2026` (year end),
 * `2026-12-31` (also year end); `null` when unreadable.
 * @example parsePeriod("30/06/2026") // { year: 2026, date: "06-30" }
 */
export function parsePeriod(text: string): Period | null {
  const t = text.trim();
  let m = /^((?:19|20)\d{2})$/.exec(t);
  if (m) return { year: Number(m[1]), date: null };
  let y: number;
  let mo: number;
  let d: number;
  m = /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})$/.exec(t);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!isValidDate(y, mo, d)) return null;
  if (mo === 12 && d === 31) return { year: y, date: null };
  return { year: y, date: monthDay(mo, d) };
}

/**
 * A period as people read it: `30/06/2026`, or `2026` for the year end.
 * @example periodLabel({ year: 2026, date: "06-30" }) // "30/06/2026"
 */
export function periodLabel(period: Period): string {
  if (period.date === null) return String(period.year);
  const [m, d] = period.date.split("-");
  return `${d}/${m}/${period.year}`;
}

/**
 * A period as the CLI's `--periodo` and `check --json` write it: `2026-06-30`, `2026`.
 * @example periodKey({ year: 2026, date: null }) // "2026"
 */
export function periodKey(period: Period): string {
  return period.date === null ? String(period.year) : `${period.year}-${period.date}`;
}

/** Orders periods in time: a year's dates, then its end. */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || (a.date ?? "12-31").localeCompare(b.date ?? "12-31") || (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0);
}
