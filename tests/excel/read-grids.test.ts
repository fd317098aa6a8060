import { cellsPerSync, localAddress, measureBytes, nextGroup, readWorkbook, WEB_BUDGET } from "../../src/excel/read-grids";
import { FakeExcel } from "./fake-excel";
import { hostOf, kpiRows } from "./fixtures";

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

  function workbook(platform: "web" | "desktop" = "web", payloadLimit?: number): FakeExcel {
    const fake = new FakeExcel({ platform, payloadLimit });
    fake.workbook.load({ name: "Vuoto" });
    fake.workbook.load({
      name: HOSTILE,
      at: "C3",
      values: kpiRows(40),
      numberFormats: kpiRows(40).map((r, i) => r.map((_, j) => (i > 0 && j === 6 ? "0.00%" : null))),
    });
    fake.workbook.load({ name: "Nascosto", values: [["x", 1]], visibility: "Hidden", protected: true });
    return fake;
  }

  test("every sheet: values, number formats, origin of the used range; empty sheets are empty grids", async () => {
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
    expect(read.sheets[2]).toMatchObject({ visible: false, protected: true });
    expect(fake.stats.syncs).toBe(3);
  });

  test("cut into many syncs by a small budget, the grids are the same as read at once", async () => {
    const whole = await readWorkbook(hostOf(workbook("desktop")));
    const fake = workbook("web");
    const progress: number[] = [];
    const chunked = await readWorkbook(hostOf(fake), {
      budget: { maxBytes: 2_000, bytesPerCell: 48, maxCells: 1_000_000 },
      onProgress: (p) => progress.push(p.done),
    });
    expect(chunked.grids).toEqual(whole.grids);
    expect(fake.stats.syncs).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test("when the estimate is too low the host's payload rejection is survived by smaller reads", async () => {
    const whole = await readWorkbook(hostOf(workbook("desktop")));
    // A 3 KB limit with a 1-byte-per-cell estimate: the first read is refused as too large.
    const fake = workbook("web", 3_000);
    const read = await readWorkbook(hostOf(fake), { budget: { maxBytes: 2_500, bytesPerCell: 1, maxCells: 1_000_000 } });
    expect(read.grids).toEqual(whole.grids);
    const refused = fake.stats.perSync.filter((s) => s.response > 3_000);
    expect(refused.length).toBeGreaterThan(0);
  });

  test("a failure that is not about size is not retried", async () => {
    const fake = workbook();
    fake.failSync(3, "AccessDenied");
    await expect(readWorkbook(hostOf(fake))).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.stats.syncs).toBe(3);
  });
});
