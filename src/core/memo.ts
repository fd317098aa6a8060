/**
 * The engine's one cache of pure functions of a text. Workbooks repeat the same few texts
 * thousands of times (a target written once per year column and recalculated by every
 * `KPI.TARGET_MET` cell, one algorithm per indicator, the same number format on every cell),
 * so each distinct text is read once. Validation (`TextCache`) and the custom functions
 * (`cachedTarget`) share this one policy, so the engine remembers in one way only.
 *
 * Bounded twice: at most `limit` entries, least recently used first out, and texts longer
 * than `maxKey` (a pasted paragraph is no target) are computed each time and never kept.
 * A workbook of unique texts therefore costs what it would without a cache, and memory stays
 * flat across calls.
 */

/** A memoised function of a text, with its cache's size and a way to empty it. */
export interface TextMemo<T> {
  (text: string): T;
  /** Entries currently kept (tests and benchmarks look at it). */
  size(): number;
  /** Forgets every entry (tests, and a host that wants its memory back). */
  clear(): void;
}

/**
 * `fn`, remembered per text in a least-recently-used cache of `limit` entries.
 * @example
 *   const classify = memoByText((s) => s.trim().toLowerCase(), 1000);
 *   classify(" A "); // "a", computed
 *   classify(" A "); // "a", from the cache
 *   classify.size(); // 1
 */
export function memoByText<T>(fn: (text: string) => T, limit = 10_000, maxKey = Infinity): TextMemo<T> {
  if (!(limit >= 1)) throw new RangeError(`Bad memo limit ${limit}`);
  // A Map iterates in insertion order, so its first key is the least recently used one.
  const cache = new Map<string, T>();
  const memo = (text: string): T => {
    if (text.length > maxKey) return fn(text);
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) {
      // Refresh recency only when eviction can happen: below the bound every entry stays,
      // and skipping the delete+set keeps a hit at one Map probe (the hot path of a recalc).
      if (cache.size >= limit) {
        cache.delete(text);
        cache.set(text, hit as T);
      }
      return hit as T;
    }
    const value = fn(text);
    if (cache.size >= limit) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(text, value);
    return value;
  };
  return Object.assign(memo, { size: () => cache.size, clear: () => cache.clear() });
}
