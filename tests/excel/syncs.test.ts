/**
 * The number of context.sync() calls per action must not grow with the workbook (issue 6:
 * "at most 2 plus one per 4 MB of payload"). What the adapter does, exactly:
 *
 *   Validate = 1 (find every sheet, read its cells and the rules already there)
 *            + 1 (replace our marks; 0 when there is nothing to remove or add)
 *   Clear    = 1 (find every sheet and its rules) + 1 (delete ours; 0 when there are none)
 *
 * whatever the number of rows, when the cells fit in one response: always on desktop Excel,
 * up to 5 MB on the web. Beyond that (the web), sync 1 is refused, sent again without the
 * cells, and the cells come in chunks of about 4 MB (3 to 5 MB each but the last):
 *   Validate = 1 (refused) + 1 (sheets) + R (chunks) + 1 (marks) the first time,
 *            = 1 (sheets) + R' (chunks) + 1 (marks) on the next actions (the host is
 *              remembered), R' = R or R - 1 (the first time's first chunk is sized by a
 *              cautious guess, later ones by the density measured).
 */
import { measureActions, type Measured } from "../support/excel-measure";

const SIZES = [10, 1_000, 100_000];
const WEB_LIMIT = 5 * 1024 * 1024;
const results: Measured[] = [];

describe.each(SIZES)("%i KPI rows", (rows) => {
  test("desktop: Validate 2 syncs, Validate again 2, Clear 2, Clear with nothing 1", async () => {
    const m = await measureActions(rows, "desktop");
    results.push(m);
    expect([m.validate.syncs, m.revalidate.syncs, m.clear.syncs, m.clearNone.syncs]).toEqual([2, 2, 2, 1]);
    expect(m.validate.refused + m.revalidate.refused).toBe(0);
  });

  test("web: the same counts while the cells fit one response; beyond, one refused attempt, then one read per ~4 MB", async () => {
    const m = await measureActions(rows, "web");
    results.push(m);
    // No sync the host accepted exceeds the web's limit (the fake refuses any that would).
    for (const c of [m.validate, m.revalidate, m.clear, m.clearNone]) expect(c.largestPayload).toBeLessThanOrEqual(WEB_LIMIT);
    expect([m.clear.syncs, m.clearNone.syncs]).toEqual([2, 1]);
    // What the cells weigh in a response: the read that was not refused.
    const cellBytes = m.revalidate.responseBytes;
    if (cellBytes <= WEB_LIMIT) {
      expect([m.validate.syncs, m.revalidate.syncs]).toEqual([2, 2]);
      expect(m.validate.refused).toBe(0);
    } else {
      expect([m.validate.refused, m.revalidate.refused]).toEqual([1, 0]);
      const first = m.validate.syncs - 3;
      const later = m.revalidate.syncs - 2;
      expect(first - later).toBeGreaterThanOrEqual(0);
      expect(first - later).toBeLessThanOrEqual(1);
      // The later chunks: responses 2 .. n-1 of the re-validation; about 4 MB each but the last.
      const chunks = m.revalidate.responses.slice(1, -1);
      expect(chunks).toHaveLength(later);
      for (const bytes of chunks.slice(0, -1)) {
        expect(bytes).toBeGreaterThanOrEqual(3_000_000);
        expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
      }
      expect(later).toBeLessThanOrEqual(Math.ceil(cellBytes / 3_000_000));
      expect(later).toBeGreaterThanOrEqual(Math.ceil(cellBytes / WEB_LIMIT));
    }
  });
});

describe("a host that refuses to reach past the last sheet (the strict reading of null objects)", () => {
  test.each(["desktop", "web"] as const)("%s: one more sync to list the sheets, and one more the first time", async (platform) => {
    const m = await measureActions(1_000, platform, { nullParents: "fail" });
    results.push(m);
    expect([m.validate.syncs, m.revalidate.syncs, m.clear.syncs, m.clearNone.syncs]).toEqual([4, 3, 3, 2]);
  });
});

afterAll(() => {
  const line = (m: Measured) =>
    `${String(m.rows).padStart(7)} ${m.platform.padEnd(7)} validate ${m.validate.syncs} syncs ` +
    `(req ${m.validate.requestBytes} B, resp ${m.validate.responseBytes} B, refused ${m.validate.refused}, ${m.validate.ms} ms) | ` +
    `revalidate ${m.revalidate.syncs} | clear ${m.clear.syncs} syncs (req ${m.clear.requestBytes} B) | clear-none ${m.clearNone.syncs}`;
  // Kept in the test output: the figures the report and the benchmark quote.
  console.log(results.map(line).join("\n"));
});
