import { isKpiError, kpiError, type Result } from "./errors";
import { parseNumber } from "./numbers";
import type { CellValue } from "./types";

/**
 * Percentage change from `previous` to `current`: the plans' `(X(t)-X(t-1))/X(t-1)*100`.
 * @example trendPct(660, 600) // 10
 */
export function trendPct(current: number, previous: number): Result<number> {
  if (previous === 0) return kpiError("DIV_ZERO");
  return finite(((current - previous) / previous) * 100);
}

/**
 * Ratio of `current` to `previous`: the plans' `X(t)/X(t-1)`.
 * @example trendRatio(12, 8) // 1.5
 */
export function trendRatio(current: number, previous: number): Result<number> {
  if (previous === 0) return kpiError("DIV_ZERO");
  return finite(current / previous);
}

/**
 * `part` as a percentage of `total`: the plans' `X/Y*100`.
 * @example sharePct(40, 363) // 11.019…
 */
export function sharePct(part: number, total: number): Result<number> {
  if (total === 0) return kpiError("DIV_ZERO");
  return finite((part / total) * 100);
}

function finite(x: number): Result<number> {
  return Number.isFinite(x) ? x : kpiError("NOT_FINITE");
}

/**
 * Weighted mean of scores: sum(score * weight) / sum(weight) over the pairs whose score
 * is a number; blank scores are skipped together with their weights.
 * @example weightedScore([[80], [100], [null]], [[50], [50], [0]]) // 90
 */
export function weightedScore(
  scores: readonly (readonly CellValue[])[],
  weights: readonly (readonly CellValue[])[],
): Result<number> {
  const shape = (m: readonly (readonly CellValue[])[]) => `${m.length}x${m[0]?.length ?? 0}`;
  const sameShape =
    scores.length === weights.length && scores.every((row, i) => row.length === weights[i].length);
  if (!sameShape) return kpiError("SHAPE_MISMATCH", { a: shape(scores), b: shape(weights) });
  let num = 0;
  let den = 0;
  for (let r = 0; r < scores.length; r++) {
    for (let c = 0; c < scores[r].length; c++) {
      const s = parseNumber(scores[r][c]);
      if (s === null) continue;
      if (isKpiError(s)) return s;
      const w = parseNumber(weights[r][c]);
      if (w === null) continue;
      if (isKpiError(w)) return w;
      num += s * w;
      den += w;
    }
  }
  if (den === 0) return kpiError("NO_SCORES");
  return finite(num / den);
}
