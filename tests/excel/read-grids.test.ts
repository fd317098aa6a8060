import { SHEETS_PER_ROUND } from "../../src/excel/discover";
import { cellsPerSync, measureBytes, nextGroup, WEB_BUDGET } from "../../src/excel/payload-budget";
import { localAddress, readWorkbook } from "../../src/excel/read-grids";
import { FakeExcel, type FakeOptions } from "../support/office";
import { hostOf, kpiRows } from "../support/excel-fixtures";

describe("nextGroup", () => {
  test("a range that fits is one chunk; empty sheets are skipped", () => {
    const { chunks, next } = nextGroup([null, { rows: 10, cols: 5 }, { rows: 0, cols: 3 }], { sheet: 0, row: 0 }, 1000);
    expect(chunks).toEqual([{ sheet: 1, rowStart: 0, rowCount: 10, cells: 50 }]);
    expect(next.sheet).toBe(3);
  });

  test("rows are cut at the cell budget and the cursor resumes where it stopped", () => {
    const ranges = [{ rows: 10, cols: 4 }, { rows: 3, cols: 4 }];
    const a = nextGroup(ranges, { sheet: 0, row: 0 }, 24);
    expect(a.chunks).toEqual([{ sheet: 0, rowStart: 0, rowCount: 6, cells: 24 }]);
    const b = nextGroup(ranges, a.next, 24);
    expect(b.chunks).toEqual([
      { sheet: 0, rowStart: 6, rowCount: 4, cells: 16 },
      { sheet: 1, rowStart: 0, rowCount: 2, cells: 8 },
    ]);
    const c = nextGroup(ranges, b.next, 24);
    expect(c.chunks).toEqual([{ sheet: 1, rowStart: 2, rowCount: 1, cells: 4 }]);
  });

  test("a row wider than the budget is still read, alone", () => {
    expect(nextGroup([{ rows: 2, cols: 100 }], { sheet: 0, row: 0 }, 10).chunks).toEqual([
      { sheet: 0, rowStart: 0, rowCount: 1, cells: 100 },
    ]);
  });

  test("budget helpers", () => {
    expect(cellsPerSync(WEB_BUDGET, 40)).toBe(100_000);
    expect(cellsPerSync({ maxBytes: Infinity, bytesPerCell: 1, maxCells: 7 }, 1)).toBe(7);
    expect(measureBytes([["ab", 12]], [["General", "0%"]])).toBe(2 + 5 + 3 + 2 + 10 + 5);
    expect(localAddress("'Area A'!B2:C3")).toBe("B2:C3");
  });
});

describe("readWorkbook", () => {
  const HOSTILE = "<img src=x onerror=alert(1)>";
  /** A payload limit and a budget small enough to cut 400 rows into several syncs. */
  const LIMIT = 20_000;
  const BUDGET = { maxBytes: 12_000, bytesPerCell: 48, maxCells: 1_000_000 };

  /** Three sheets; `rows` KPI rows (about 110 bytes of response each) on the second. */
  function workbook(platform: "web" | "desktop" = "web", payloadLimit?: number, options: FakeOptions = {}, rows = 40): FakeExcel {
    const fake = new FakeExcel({ platform, payloadLimit, ...options });
    fake.workbook.load({ name: "Vuoto" });
    fake.workbook.load({
      name: HOSTILE,
      at: "C3",
      values: kpiRows(rows),
      numberFormats: kpiRows(rows).map((r, i) => r.map((_, j) => (i > 0 && j === 6 ? "0.00%" : null))),
    });
    fake.workbook.load({ name: "Nascosto", values: [["x", 1]], visibility: "Hidden", protected: true });
    return fake;
  }

  test("every sheet: values, number formats, origin of the used range; empty sheets are empty grids; one sync", async () => {
    const fake = workbook();
    const read = await readWorkbook(hostOf(fake));
    expect(read.grids.map((g) => g.name)).toEqual(["Vuoto", HOSTILE, "Nascosto"]);
    expect(read.grids[0]).toEqual({ name: "Vuoto", values: [], formats: [], origin: { row: 0, col: 0 } });
    const g = read.grids[1];
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(g.values).toEqual(kpiRows(40).map((r) => r.map((v) => v ?? "")));
    expect(g.formats![1][6]).toBe("0.00%");
    expect(g.formats![1][0]).toBe("General");
    expect(read.sheets[1].used).toEqual({ address: "C3:I43", row: 2, col: 2, rows: 41, cols: 7 });
    expect(read.sheets.map((s) => s.position)).toEqual([0, 1, 2]);
    expect(read.sheets[2]).toMatchObject({ visible: false, protected: true });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.perSync[0].rejected).toBeUndefined();
  });

  test("the caller's loads ride on the same sync, one per sheet found", async () => {
    const fake = workbook();
    const read = await readWorkbook(hostOf(fake), { perSheet: (ws) => ws.getRange("A1").load("address") });
    expect(read.extras.map((r) => r.address)).toEqual(["Vuoto!A1", `'${HOSTILE}'!A1`, "Nascosto!A1"]);
    expect(fake.stats.syncs).toBe(1);
  });

  test("cells over the host's limit: sync 1 is refused, sent again without cells, and the cells come in chunks equal to one read", async () => {
    const whole = await readWorkbook(hostOf(workbook("desktop", undefined, {}, 400)));
    const fake = workbook("web", LIMIT, {}, 400);
    const progress: number[] = [];
    const chunked = await readWorkbook(hostOf(fake), {
      budget: BUDGET,
      onProgress: (p) => progress.push(p.done),
    });
    expect(chunked.grids).toEqual(whole.grids);
    expect(chunked.sheets).toEqual(whole.sheets);
    expect(fake.stats.syncs).toBeGreaterThan(5);
    // Only the optimistic first attempt was refused; no chunk was.
    expect(fake.stats.perSync.map((s) => s.rejected === true)).toEqual([true, ...new Array(fake.stats.syncs - 1).fill(false)]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress).size).toBeGreaterThan(3);
  });

  test("the next read on a host with a large workbook skips the refused attempt, until the cells fit again", async () => {
    const fake = workbook("web", LIMIT, {}, 400);
    const host = hostOf(fake);
    const budget = BUDGET;
    const first = await readWorkbook(host, { budget });
    const firstSyncs = fake.stats.syncs;
    fake.resetStats();
    const second = await readWorkbook(host, { budget });
    expect(second.grids).toEqual(first.grids);
    expect(fake.stats.perSync.some((s) => s.rejected)).toBe(false);
    // No refused attempt, and the first chunk sized by the density measured last time.
    expect(fake.stats.syncs).toBeLessThanOrEqual(firstSyncs - 1);
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(firstSyncs - 2);
    // The user deletes the big sheet: one chunked read shows it fits, then one sync again.
    fake.workbook.sheets.splice(1, 1);
    fake.resetStats();
    await readWorkbook(host, { budget });
    expect(fake.stats.syncs).toBe(2);
    fake.resetStats();
    const small = await readWorkbook(host, { budget });
    expect(fake.stats.syncs).toBe(1);
    expect(small.grids.map((g) => g.name)).toEqual(["Vuoto", "Nascosto"]);
  });

  test("when the estimate is too low the host's payload rejection is survived by smaller reads", async () => {
    const whole = await readWorkbook(hostOf(workbook("desktop", undefined, {}, 400)));
    // A 1-byte-per-cell estimate: the first chunk is refused as too large as well.
    const fake = workbook("web", LIMIT, {}, 400);
    const read = await readWorkbook(hostOf(fake), { budget: { maxBytes: 15_000, bytesPerCell: 1, maxCells: 1_000_000 } });
    expect(read.grids).toEqual(whole.grids);
    const refused = fake.stats.perSync.filter((s) => s.rejected);
    expect(refused.length).toBeGreaterThan(1);
    for (const s of refused) expect(s.response).toBeGreaterThan(LIMIT);
  });

  test("a failure that is not about size is not retried, on the first sync or on a chunk", async () => {
    const fake = workbook();
    fake.failSync(1, "AccessDenied");
    await expect(readWorkbook(hostOf(fake))).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.stats.syncs).toBe(1);
    const chunked = workbook("web", LIMIT, {}, 400);
    chunked.failSync(4, "RequestAborted");
    await expect(readWorkbook(hostOf(chunked), { budget: BUDGET })).rejects.toMatchObject({
      code: "RequestAborted",
    });
    expect(chunked.stats.syncs).toBe(4);
  });

  test("more sheets than one walk reaches: one more sync per round, every sheet in tab order", async () => {
    for (const count of [SHEETS_PER_ROUND - 1, SHEETS_PER_ROUND, SHEETS_PER_ROUND + 1, 2 * SHEETS_PER_ROUND + 5]) {
      const fake = new FakeExcel({ platform: "web" });
      for (let i = 0; i < count; i++) fake.workbook.load({ name: `F${i + 1}`, values: i % 3 === 0 ? [] : [[`v${i}`, i]] });
      const read = await readWorkbook(hostOf(fake));
      expect(read.grids.map((g) => g.name)).toEqual(Array.from({ length: count }, (_, i) => `F${i + 1}`));
      expect(read.grids.map((g) => g.values)).toEqual(Array.from({ length: count }, (_, i) => (i % 3 === 0 ? [] : [[`v${i}`, i]])));
      expect([count, fake.stats.syncs]).toEqual([count, Math.ceil(count / SHEETS_PER_ROUND)]);
    }
  });

  test("a host that refuses the walk past the last sheet: the sheets are listed first, the same grids, and remembered", async () => {
    const whole = await readWorkbook(hostOf(workbook("desktop")));
    const fake = workbook("web", undefined, { nullParents: "fail" });
    const host = hostOf(fake);
    const read = await readWorkbook(host);
    expect(read.grids).toEqual(whole.grids);
    expect(read.sheets).toEqual(whole.sheets);
    // The refused walk, the listing, the used ranges with their cells.
    expect(fake.stats.syncs).toBe(3);
    fake.resetStats();
    expect((await readWorkbook(host)).grids).toEqual(whole.grids);
    expect(fake.stats.syncs).toBe(2);
  });

  test("ExcelApi 1.4 (no getFirst): the sheets are listed first, then one sync reads them", async () => {
    const whole = await readWorkbook(hostOf(workbook("desktop")));
    const fake = workbook("web", undefined, { apiVersion: "1.4" });
    const read = await readWorkbook(hostOf(fake));
    expect(read.grids).toEqual(whole.grids);
    expect(fake.stats.syncs).toBe(2);
  });
});
