/**
 * Excel's size limits, as its documentation states them, on the adapter's reads and writes:
 * five million cells per get (past which `values` may come back null), a refused read chunk
 * on desktop (where the byte budget is unlimited), and a mark write too large for one
 * request on the web.
 */
import { runValidate } from "../../src/excel/actions/validate";
import { cellsUsable, MAX_CELLS_PER_GET } from "../../src/excel/payload-budget";
import { readWorkbook } from "../../src/excel/read-grids";
import { FakeExcel } from "../support/office";
import { expectedStatus, hostOf, kpiRows, markedCells } from "../support/excel-fixtures";

jest.setTimeout(120_000);

test("cellsUsable: over five million cells, or a null answer, means read in chunks", () => {
  expect(MAX_CELLS_PER_GET).toBe(5_000_000);
  expect(cellsUsable(1000, 16, [[1]], [["General"]])).toBe(true);
  // One stray value in P1048576: 1,048,576 rows x 16 columns = 16,777,216 cells.
  expect(cellsUsable(1_048_576, 16, [[1]], [["General"]])).toBe(false);
  expect(cellsUsable(10, 2, null, [["General"]])).toBe(false);
  expect(cellsUsable(10, 2, [[1]], null)).toBe(false);
});

describe("a used range of 16 million cells whose values come back null", () => {
  // 12 KPI rows at the top, one stray value at P1048576 (row 1,048,576, column 16).
  function stray(platform: "web" | "desktop"): FakeExcel {
    const fake = new FakeExcel({ platform, oversizeGet: "null" });
    fake.workbook.load({ name: "Area A", values: kpiRows(12) });
    const sheet = fake.workbook.sheet("Area A")!;
    sheet.rows[1_048_575] = [];
    sheet.rows[1_048_575][15] = "x";
    return fake;
  }

  test.each(["desktop", "web"] as const)("%s: Validate reads it in chunks and reports the KPIs, no TypeError", async (platform) => {
    const fake = stray(platform);
    const { report, marks, sheets } = await runValidate(hostOf(fake));
    expect(sheets[0].used).toMatchObject({ rows: 1_048_576, cols: 16 });
    // kpiRows(12): statuses cycle met, unmet, missing: 4 of each.
    expect(report.summary).toMatchObject({ met: 4, unmet: 4, missing: 4 });
    expect(marks.status).toBe("written");
    expect(fake.stats.perSync.filter((x) => x.rejected)).toEqual([]);
    if (platform === "desktop") {
      // Sync 1 (cells answered null), then chunks of 4,000,000 cells = 250,000 rows of 16:
      // 1,048,576 / 250,000 -> 5 chunks, then the marks: 1 + 5 + 1 = 7.
      expect(fake.stats.syncs).toBe(7);
    } else {
      // The web reads chunks under its 4 MB budget: more syncs, each response under 5 MB.
      expect(fake.stats.syncs).toBeGreaterThan(7);
      expect(fake.stats.perSync.every((x) => x.response <= 5 * 1024 * 1024)).toBe(true);
    }
  });
});

describe("a read chunk refused on desktop", () => {
  test("the same rows are read again in pieces of half the cells until they fit; the result is complete", async () => {
    // 20,000 KPI rows x 7 columns = 140,007 cells, about 2.6 MB of response; this desktop
    // host refuses any response over 600 kB. The adapter's desktop budget has no byte limit,
    // so only the cell cap can shrink: 4,000,000 -> (refused at 140,007) 70,003 -> 35,001 ...
    const fake = new FakeExcel({ platform: "desktop", payloadLimit: 600_000 });
    fake.workbook.load({ name: "Area A", values: kpiRows(20_000) });
    const read = await readWorkbook(hostOf(fake));
    expect(read.grids[0].values).toHaveLength(20_001);
    expect(read.grids[0].values[20_000][1]).toBe("Indicatore 20000");
    const refused = fake.stats.perSync.filter((s) => s.rejected);
    expect(refused.length).toBeGreaterThanOrEqual(2); // sync 1 with the cells, then the first chunk
    // Every refusal is followed by a smaller request for cells (it never repeats the same size).
    const responses = fake.stats.perSync.map((s) => s.response);
    for (let i = 1; i < fake.stats.perSync.length; i++) {
      if (fake.stats.perSync[i - 1].rejected && i > 1) expect(responses[i]).toBeLessThan(responses[i - 1]);
    }
    expect(fake.stats.syncs).toBeLessThan(40);
    expect(fake.stats.perSync.filter((s) => !s.rejected).every((s) => s.response <= 600_000)).toBe(true);
  });

  test("a single row still refused is the action's error, classified as too large", async () => {
    // One cell of 40,000 characters; the host refuses any response over 20,000 bytes.
    const fake = new FakeExcel({ platform: "desktop", payloadLimit: 20_000 });
    fake.workbook.load({ name: "A", values: [["x".repeat(40_000), "y"]] });
    await expect(readWorkbook(hostOf(fake))).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("a 100,000-row mark write on the web", () => {
  test("a request the host refuses as too large is split and written, not rolled back", async () => {
    // A host that refuses any request over 100 kB: the marks' request (about 500 kB for
    // 100,000 rows) is refused and sent again in halves until each part fits.
    const fake = new FakeExcel({ platform: "web", requestLimit: 100_000 });
    fake.workbook.load({ name: "Area A", values: kpiRows(100_000) });
    const { marks } = await runValidate(hostOf(fake));
    expect(marks.status).toBe("written");
    const cells = markedCells(fake);
    // Every data row is met, unmet or missing: 100,000 marked value cells, each its own kind.
    expect(cells.size).toBe(100_000);
    expect(cells.get("Area A!G2")).toBe(expectedStatus(0));
    expect(cells.get("Area A!G100001")).toBe(expectedStatus(99_999));
    const stats = fake.stats.perSync;
    expect(stats.some((s) => s.rejected && s.request > 100_000)).toBe(true);
    expect(stats.filter((s) => !s.rejected).every((s) => s.request <= 100_000)).toBe(true);
  });
});
