import { roundHalfUp } from "./achievement";
import { isKpiError, kpiError, type KpiError, type Result } from "./errors";
import type { MessageRef } from "./messages";
import { parseNumber } from "./numbers";
import type { CellValue } from "./types";

/** Tolerances for "sums to 100" and "sums to 1": two-decimal weights such as 33,33 + 33,33 + 33,34. */
const PERCENT_TOLERANCE = 0.01;
const FRACTION_TOLERANCE = 0.0001;

export interface WeightCheck {
  /** Sum of the weights that could be read. */
  readonly sum: number;
  /** The total the weights are written against: 1 when they look like fractions, else 100. */
  readonly expected: 100 | 1;
  /** True when there is no bad weight and the sum is the expected total. */
  readonly ok: boolean;
  /** `expected - sum`: positive when weight is missing. */
  readonly difference: number;
  /** Weights that are blank, negative or not numbers, by position in the input. */
  readonly errors: readonly { readonly index: number; readonly error: KpiError }[];
}

/**
 * Reads one weight: a non-negative number, Italian text allowed (`33,33`).
 * @example parseWeight("33,33") // 33.33
 * @example parseWeight(null)    // KpiError WEIGHT_BLANK
 */
export function parseWeight(x: CellValue | undefined): Result<number> {
  const n = parseNumber(x);
  if (n === null) return kpiError("WEIGHT_BLANK");
  if (isKpiError(n)) {
    return kpiError("WEIGHT_NOT_NUMBER", { text: typeof x === "string" ? x.trim() : String(x) });
  }
  if (n < 0) return kpiError("WEIGHT_NEGATIVE", { value: n });
  return n;
}

/**
 * Checks a group of weights: valid when they sum to 100 (within 0.01) or, written as
 * fractions, to 1 (within 0.0001), and none is blank, negative or not a number.
 * @example checkWeights([33.33, "33,33", 33.34]).ok // true
 * @example checkWeights([0.2, 0.3, 0.5]).expected   // 1
 */
export function checkWeights(weights: readonly (CellValue | undefined)[]): WeightCheck {
  let sum = 0;
  const errors: { index: number; error: KpiError }[] = [];
  weights.forEach((w, index) => {
    const n = parseWeight(w);
    if (isKpiError(n)) errors.push({ index, error: n });
    else sum += n;
  });
  const { expected, difference, sumOk } = judgeWeightSum(sum);
  return { sum, expected, ok: errors.length === 0 && sumOk, difference, errors };
}

/**
 * The verdict on a sum of readable weights (the part of `checkWeights` that does not look
 * at the cells): the total it is written against, the difference, and whether it is close
 * enough. For callers that have parsed the weights already.
 * @example judgeWeightSum(99.99999999999999) // { expected: 100, difference: 1.4e-14, sumOk: true }
 */
export function judgeWeightSum(sum: number): { expected: 100 | 1; difference: number; sumOk: boolean } {
  // Fractions: a sum near 1 can only come from weights written as shares of 1.
  const expected: 100 | 1 = Math.abs(sum - 1) <= 0.5 ? 1 : 100;
  const tolerance = expected === 1 ? FRACTION_TOLERANCE : PERCENT_TOLERANCE;
  const difference = expected - sum;
  // Float noise (33.33 + 33.33 + 33.34 = 99.99999999999999) must not count against the tolerance.
  return { expected, difference, sumOk: Math.abs(difference) <= tolerance + 1e-9 };
}

/** Dashes (`-`, `–`, `—`, `---`) and `X`: what plans write in the weight column of a prerequisite. */
const OUTSIDE_SUM = /^(?:[-\u2013\u2014]+|x)$/i;

/**
 * True for a weight cell that marks a KPI outside the weighted sum: a dash or an `X`, what
 * plans write for a prerequisite (an objective that must be met but carries no weight).
 * Such a cell is neither a weight nor a missing one.
 * @example isOutsideSumMark("–") // true
 * @example isOutsideSumMark("X") // true
 * @example isOutsideSumMark("")  // false (blank: a missing weight)
 */
export function isOutsideSumMark(x: CellValue | undefined): boolean {
  return typeof x === "string" && OUTSIDE_SUM.test(x.trim());
}

/**
 * The message for a group whose weights miss their total, with the gap in words ("5 in
 * più" for 105, "20 in meno" for 80): a bare signed difference was read the wrong way round.
 * `difference` is `expected - sum`, as `judgeWeightSum` gives it. Figures to 2 decimals,
 * written with the decimal separator of the language it is described in.
 * @example describe(weightsSumRef(105, 100, -5), "it") // "I pesi sommano a 105 invece di 100 (5 in più)."
 */
export function weightsSumRef(sum: number, expected: 100 | 1, difference: number): MessageRef {
  const figure = (x: number) => ({ decimal: Math.abs(x) < 1e12 ? roundHalfUp(x, 2) : x });
  const gap = { code: difference > 0 ? "WEIGHTS_UNDER" : "WEIGHTS_OVER", params: { amount: figure(Math.abs(difference)) } } as const;
  return { code: "WEIGHTS_SUM", params: { sum: figure(sum), expected, gap } };
}
