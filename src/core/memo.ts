/**
 * A bounded cache for a pure function of a text. Workbooks repeat the same few texts
 * thousands of times (a target written once per year column, one algorithm per indicator,
 * the same number format on every cell), so the engine reads each distinct text once.
 * The cache forgets everything when it reaches `limit` entries: a workbook of unique texts
 * costs what it would without a cache, and memory stays bounded across calls.
 * @example
 *   const classify = memoByText((s) => s.trim().toLowerCase(), 1000);
 *   classify(" A "); // "a", computed
 *   classify(" A "); // "a", from the cache
 */
export function memoByText<T>(fn: (text: string) => T, limit = 10_000): (text: string) => T {
  if (!(limit >= 1)) throw new RangeError(`Bad memo limit ${limit}`);
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}
