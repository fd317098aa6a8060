import type { Band, Condition, MeasurementRules } from "./types";

/**
 * The defaults, as most Camere di commercio measure (see README, "Regole di misurazione"):
 * target/value when lower is better, no minimum threshold, red below 70, amber below 90,
 * partial credit on, missing values skipped with the remaining weights renormalised.
 */
export const DEFAULT_RULES: MeasurementRules = Object.freeze({
  lowerIsBetter: "ratio",
  threshold: null,
  bands: Object.freeze({ red: 70, amber: 90 }),
  partialCredit: true,
  missing: "skip",
});

/** Values this close count as equal: weights typed as 33,33 and float noise in ratios. */
const EPSILON = 1e-9;

/**
 * Whether a value meets a condition. Dates compare as Excel serials (day precision).
 * @example isMet(16, { op: ">=", value: 15, unit: "percent" }) // true
 */
export function isMet(value: number, c: Condition): boolean {
  const v = c.unit === "date" ? Math.floor(value) : value;
  const t = c.value;
  const tolerance = EPSILON * Math.max(1, Math.abs(t));
  switch (c.op) {
    case ">=":
      return v >= t - tolerance;
    case "<=":
      return v <= t + tolerance;
    case ">":
      return v > t + tolerance;
    case "<":
      return v < t - tolerance;
    case "=":
      return Math.abs(v - t) <= tolerance;
  }
}

/**
 * Degree of achievement, 0..100, at full precision (round only for display).
 * - higher is better (`>=`, `>`): min(value/target, 1) * 100;
 * - lower is better (`<=`, `<`): min(target/value, 1) * 100, or (2T - V)/T with `lowerIsBetter: "linear"`;
 * - `=`: the smaller over the larger of value and target;
 * - dates, and targets of 0 or below: 100 when met, else 0;
 * - a `threshold` turns scores below it into 0; `partialCredit: false` makes every KPI all-or-nothing.
 * Never NaN or Infinity: a non-finite value scores 0.
 * @example achievement(12, { op: ">=", value: 15, unit: "percent" }) // 80
 * @example achievement(12, { op: "<=", value: 10, unit: "number" })  // 83.33…
 */
export function achievement(value: number, c: Condition, rules: Partial<MeasurementRules> = {}): number {
  return achievementUnder(value, c, { ...DEFAULT_RULES, ...rules });
}

/**
 * `achievement` with the rules already complete (merged over `DEFAULT_RULES` once), for
 * loops over many KPIs that would otherwise merge the same rules again for every row.
 * @example achievementUnder(12, { op: ">=", value: 15, unit: "percent" }, DEFAULT_RULES) // 80
 */
export function achievementUnder(value: number, c: Condition, r: MeasurementRules): number {
  if (!Number.isFinite(value) || !Number.isFinite(c.value)) return 0;
  const score = clamp(rawScore(value, c, r));
  if (!r.partialCredit && score < 100) return 0;
  if (r.threshold !== null && score < r.threshold) return 0;
  return score;
}

function rawScore(value: number, c: Condition, r: MeasurementRules): number {
  if (isMet(value, c)) return 100;
  const t = c.value;
  // A deadline missed is missed; a target at or below zero gives no scale for a ratio.
  if (c.unit === "date" || t <= 0) return 0;
  switch (c.op) {
    case ">=":
    case ">":
      return (value / t) * 100;
    case "<=":
    case "<":
      return r.lowerIsBetter === "linear" ? ((2 * t - value) / t) * 100 : (t / value) * 100;
    case "=":
      return value <= 0 ? 0 : (Math.min(value, t) / Math.max(value, t)) * 100;
  }
}

function clamp(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0;
  return x >= 100 ? 100 : x;
}

/**
 * The traffic light of an achievement.
 * @example bandOf(85) // "amber"
 */
export function bandOf(a: number, rules: Partial<MeasurementRules> = {}): Band {
  const { bands } = { ...DEFAULT_RULES, ...rules };
  if (a < bands.red) return "red";
  if (a < bands.amber) return "amber";
  return "green";
}

/**
 * Rounds half away from zero, as the Relazioni print (2,345 -> 2,35), correcting the
 * binary representation error that makes `Math.round(2.345 * 100)` give 234.
 * @example roundHalfUp(2.345) // 2.35
 */
export function roundHalfUp(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const shifted = Math.abs(x) * factor;
  // Past 2^53 a double has no fraction left to round; shifting could only overflow.
  if (!Number.isFinite(shifted) || shifted >= Number.MAX_SAFE_INTEGER) return x;
  // A whole number of at most 15 digits is what toPrecision(15) would give back: skip the
  // string round trip for the common case (a weight sum of exactly 100, a difference of 0).
  const rounded = Number.isInteger(shifted) && shifted < 1e15 ? shifted : Math.round(Number(shifted.toPrecision(15)));
  return (Math.sign(x) * rounded) / factor || 0;
}
