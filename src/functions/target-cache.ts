/**
 * Parse once, reuse: the parsed form of each target text, in the engine's bounded text cache.
 *
 * Why: Excel recalculates `=KPI.TARGET_MET(J2, H2)` for every row, and a workbook has
 * thousands of rows but only a few dozen distinct target texts (">= 15%", "<= 31/12/2021",
 * "Anno: 2021 >= +15% Anno: 2022 ---"). Parsing a text costs several regular expressions;
 * looking it up costs one Map probe. The cache is the core's `memoByText` (least recently
 * used, bounded in entries and in key length), the same policy validation uses, so a workbook
 * with millions of distinct (or huge) texts keeps memory flat and simply parses as before.
 *
 * What is cached is exactly what `parseTarget` returns for that text, errors included
 * (a `KpiError` carries both languages, so the same entry serves an Italian and an English
 * Excel). Callers share the entries, which the `readonly` types already forbid changing; they
 * are deliberately not `Object.freeze`d: V8 reads frozen arrays on a slower path, which made a
 * cached call three times slower in the benchmark.
 */
import { memoByText, parseTarget, type CellValue, type Result, type Target } from "../core";

/** Distinct target texts kept; a plan has tens, a large workbook a few hundred. */
export const TARGET_CACHE_ENTRIES = 1000;

/** Longer texts are not real targets (a pasted paragraph): parse them, do not keep them. */
export const TARGET_CACHE_MAX_KEY = 256;

const parsed = memoByText<Result<Target>>(parseTarget, TARGET_CACHE_ENTRIES, TARGET_CACHE_MAX_KEY);

/**
 * `parseTarget`, remembered for text cells. Numbers, booleans and blanks are parsed
 * directly (they need no regular expression).
 * @example cachedTarget(">= 15%") === cachedTarget(">= 15%") // true: the second call is a lookup
 */
export function cachedTarget(x: CellValue | undefined): Result<Target> {
  return typeof x === "string" ? parsed(x) : parseTarget(x);
}

/** Empties the cache (tests, and a host that wants its memory back). */
export function clearTargetCache(): void {
  parsed.clear();
}

/** Entries currently kept (for tests and the benchmark). */
export function targetCacheSize(): number {
  return parsed.size();
}
