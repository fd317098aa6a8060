/**
 * What a sync costs in bytes: the JSON size of what is written and loaded, and the limits Excel
 * on the web puts on one request or response.
 */

export const WEB_LIMIT = 5 * 1024 * 1024;
/** Rough per-operation overhead of Office's JSON request (action, object path, ids). */
export const OP_OVERHEAD = 40;

/**
 * JSON size without building the string (large grids would be slow to stringify); exact for
 * plain data without characters JSON escapes.
 */
export function jsonSize(x: unknown): number {
  if (x === null || x === undefined) return 4;
  switch (typeof x) {
    case "number":
      return Number.isFinite(x) ? String(x).length : 4;
    case "boolean":
      return x ? 4 : 5;
    case "string":
      return x.length + 2;
    case "object": {
      if (Array.isArray(x)) {
        let n = 2 + Math.max(0, x.length - 1);
        for (const v of x) n += jsonSize(v);
        return n;
      }
      const entries = Object.entries(x as Record<string, unknown>).filter(([, v]) => v !== undefined);
      let n = 2 + Math.max(0, entries.length - 1);
      for (const [k, v] of entries) n += k.length + 3 + jsonSize(v);
      return n;
    }
    default:
      return 0;
  }
}
