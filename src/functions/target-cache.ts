/**
 * Parse once, reuse: the parsed form of each target text, kept in a small bounded cache.
 *
 * Why: Excel recalculates `=KPI.TARGET_MET(J2, H2)` for every row, and a workbook has
 * thousands of rows but only a few dozen distinct target texts (">= 15%", "<= 31/12/2021",
 * "Anno: 2021 >= +15% Anno: 2022 ---"). Parsing a text costs several regular expressions;
 * looking it up costs one Map probe. The cache is least-recently-used and bounded both in
 * entries and in key length, so a workbook with millions of distinct (or huge) texts keeps
 * memory flat and simply parses as before.
 *
 * What is cached is exactly what `parseTarget` returns for that text, errors included
 * (a `KpiError` carries both languages, so the same entry serves an Italian and an English
 * Excel). Callers share the entries, which the `readonly` types already forbid changing; they
 * are deliberately not `Object.freeze`d: V8 reads frozen arrays on a slower path, which made a
 * cached call three times slower in the benchmark.
 */
import { parseTarget, type CellValue, type Result, type Target } from "../core";

/** Distinct target texts kept; a plan has tens, a large workbook a few hundred. */
export const TARGET_CACHE_ENTRIES = 1000;

/** Longer texts are not real targets (a pasted paragraph): parse them, do not keep them. */
export const TARGET_CACHE_MAX_KEY = 256;

/** Insertion order of a Map is its recency order: the first key is the least recently used. */
const cache = new Map<string, Result<Target>>();

/**
 * `parseTarget`, remembered for text cells. Numbers, booleans and blanks are parsed
 * directly (they need no regular expression).
 * @example cachedTarget(">= 15%") === cachedTarget(">= 15%") // true: the second call is a lookup
 */
export function cachedTarget(x: CellValue | undefined): Result<Target> {
  if (typeof x !== "string" || x.length > TARGET_CACHE_MAX_KEY) return parseTarget(x);
  const hit = cache.get(x);
  if (hit !== undefined) {
    // Refresh recency only when eviction can happen: below the bound every entry stays,
    // and skipping the delete+set keeps a hit at one Map probe.
    if (cache.size >= TARGET_CACHE_ENTRIES) {
      cache.delete(x);
      cache.set(x, hit);
    }
    return hit;
  }
  const parsed = parseTarget(x);
  if (cache.size >= TARGET_CACHE_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(x, parsed);
  return parsed;
}

/** Empties the cache (tests, and a host that wants its memory back). */
export function clearTargetCache(): void {
  cache.clear();
}

/** Entries currently kept (for tests and the benchmark). */
export function targetCacheSize(): number {
  return cache.size;
}
