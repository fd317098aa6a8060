/**
 * The number of context.sync() calls per action must not grow with the workbook. Validate is
 * list sheets + measure used ranges (and load existing rules) + read cells + write marks = 4;
 * Clear is list sheets + load rules + delete = 3 (2 when there is nothing to delete). On the
 * web, reading more than the 5 MB payload limit needs more read syncs: about one per 4 MB.
 */
import { measureActions, type Measured } from "./measure";

const SIZES = [10, 1_000, 100_000];
const WEB_LIMIT = 5 * 1024 * 1024;
const results: Measured[] = [];

describe.each(SIZES)("%i KPI rows", (rows) => {
  test("desktop: Validate 4 syncs, Validate again 4, Clear 3, Clear with nothing 2", async () => {
    const m = await measureActions(rows, "desktop");
    results.push(m);
    expect(m.validate.syncs).toBe(4);
    expect(m.revalidate.syncs).toBe(4);
    expect(m.clear.syncs).toBe(3);
    expect(m.clearNone.syncs).toBe(2);
  });

  test("web: the same counts while the cells fit one request, one more read per ~4 MB beyond", async () => {
    const m = await measureActions(rows, "web");
    results.push(m);
    // No sync may exceed the web's limit (the fake would have rejected it anyway).
    expect(m.validate.largestPayload).toBeLessThanOrEqual(WEB_LIMIT);
    expect(m.clear.syncs).toBe(3);
    expect(m.clearNone.syncs).toBe(2);
    const cells = (rows + 1) * 7;
    if (cells * 48 <= 4_000_000) {
      expect(m.validate.syncs).toBe(4);
      expect(m.revalidate.syncs).toBe(4);
    } else {
      // 3 fixed syncs (list, measure, write) + the reads: at least one per 5 MB of cells
      // actually loaded, at most one per 4 MB plus the first, conservatively sized, one.
      const reads = m.validate.syncs - 3;
      expect(reads).toBeGreaterThanOrEqual(Math.ceil(m.validate.responseBytes / WEB_LIMIT));
      expect(reads).toBeLessThanOrEqual(Math.ceil(m.validate.responseBytes / 4_000_000) + 2);
      expect(m.revalidate.syncs).toBe(m.validate.syncs);
    }
  });
});

afterAll(() => {
  const line = (m: Measured) =>
    `${String(m.rows).padStart(7)} ${m.platform.padEnd(7)} validate ${m.validate.syncs} syncs ` +
    `(req ${m.validate.requestBytes} B, resp ${m.validate.responseBytes} B, ${m.validate.ms} ms) | ` +
    `revalidate ${m.revalidate.syncs} | clear ${m.clear.syncs} syncs (req ${m.clear.requestBytes} B) | clear-none ${m.clearNone.syncs}`;
  // Kept in the test output: the figures the report and the benchmark quote.
  console.log(results.map(line).join("\n"));
});
