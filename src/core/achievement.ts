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

/**
 * Rules as given (a Regole sheet, a caller's options) completed with the defaults, the bands
 * one by one: a sheet that sets only the red band keeps the default amber.
 * @example completeRules({ bands: { red: 60 } as MeasurementRules["bands"] }).bands // { red: 60, amber: 90 }
 * @example completeRules().missing // "skip"
 */
export function completeRules(rules: Partial<MeasurementRules> = {}): MeasurementRules {
  return { ...DEFAULT_RULES, ...rules, bands: { ...DEFAULT_RULES.bands, ...(rules.bands ?? {}) } };
}

/** Values this close count as equal: weights typed as 33,33 and float noise in ratios. */
const EPSILON = 1e-9;

/**
 * Whether a value meets a condition. Dates compare as Excel serials (day precision); a band
 * (`between`) is met inside its bounds, both included; a `SI`/`NO` target (`boolean`) is met by
 * exactly its value, 1 for done and 0 for not done (see `readYesNo` for the cells that give them).
 * @example isMet(16, { op: ">=", value: 15, unit: "percent" }) // true
 * @example isMet(95, { op: "between", value: 70, upper: 90, unit: "percent" }) // false
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
    case "between": {
      const upper = c.upper ?? t;
      return v >= t - tolerance && v <= upper + EPSILON * Math.max(1, Math.abs(upper));
    }
  }
}

/**
 * Degree of achievement, 0..100, at full precision (round only for display).
 * - higher is better (`>=`, `>`): min(value/target, 1) * 100;
 * - lower is better (`<=`, `<`): min(target/value, 1) * 100, or (2T - V)/T with `lowerIsBetter: "linear"`;
 * - `=`: the smaller over the larger of value and target;
 * - a band (`tra 70% e 90%`, `op: "between"`): 100 inside it, bounds included; below it as for
 *   `>= lower` (value/lower); above it as for `<= upper` (upper/value, or linear): overshooting
 *   a band is a miss of the same kind as undershooting it, measured from the bound passed;
 * - dates, `SI`/`NO` targets, and bounds of 0 or below: 100 when met, else 0;
 * - a `threshold` turns scores below it into 0; `partialCredit: false` makes every KPI all-or-nothing.
 * Never NaN or Infinity: a non-finite value scores 0.
 * @example achievement(12, { op: ">=", value: 15, unit: "percent" }) // 80
 * @example achievement(12, { op: "<=", value: 10, unit: "number" })  // 83.33…
 * @example achievement(60, { op: "between", value: 70, upper: 90, unit: "percent" }) // 85.71… (60/70)
 * @example achievement(100, { op: "between", value: 70, upper: 90, unit: "percent" }) // 90 (90/100)
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
  // A deadline missed is missed, and so is a thing not done.
  if (c.unit === "date" || c.unit === "boolean") return 0;
  if (c.op === "between") {
    const upper = c.upper ?? c.value;
    return value < c.value ? floorScore(value, c.value) : ceilingScore(value, upper, r);
  }
  switch (c.op) {
    case ">=":
    case ">":
      return floorScore(value, c.value);
    case "<=":
    case "<":
      return ceilingScore(value, c.value, r);
    case "=": {
      const t = c.value;
      return t <= 0 || value <= 0 ? 0 : (Math.min(value, t) / Math.max(value, t)) * 100;
    }
  }
}

/** Higher is better and `value` fell short of `t`: value/t. A target at or below zero gives no scale. */
function floorScore(value: number, t: number): number {
  return t <= 0 ? 0 : (value / t) * 100;
}

/** Lower is better and `value` went past `t`: t/value, or (2T - V)/T with `linear`. */
function ceilingScore(value: number, t: number, r: MeasurementRules): number {
  if (t <= 0) return 0;
  return r.lowerIsBetter === "linear" ? ((2 * t - value) / t) * 100 : (t / value) * 100;
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
