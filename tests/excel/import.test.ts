import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { CellSpec, WorkbookSpec } from "../../src/core/workbook/description";
import { safeSheetName } from "../../src/core";
import { freeTableName, importWorkbook, ImportError } from "../../src/excel/actions/import";
import { rangeSize, textInput, widthInPoints } from "../../src/excel/cell-input";
import { coerceInput, FakeExcel, parseRect } from "../support/office";
import { hostOf } from "../support/excel-fixtures";

const SEED = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
const seedSpec = (): WorkbookSpec => buildWorkbook(parsePlan(SEED));
const snap = (fake: FakeExcel): string => JSON.stringify(fake.snapshot());

/** A workbook the user already works in: sheet "A" with a table KPI_A and a defined name. */
function usersBook(): FakeExcel {
  const fake = new FakeExcel({ platform: "web" });
  const s = fake.workbook.load({ name: "A", values: [["mio", 1], ["dato", 2]], fills: { A1: "#FFCC00" } });
  s.tables.push({ name: "KPI_A", rect: parseRect("A1:B2"), hasHeaders: true, style: "TableStyleLight1", showBandedRows: true });
  fake.workbook.names.push("Nodi");
  return fake;
}

/** What a cell of the description must read back as, once written to Excel. */
function expected(cell: CellSpec | undefined): { value: unknown; formula: string | null } {
  if (cell === null || cell === undefined) return { value: "", formula: null };
  if (typeof cell === "object") return { value: "", formula: `=${cell.formula}` };
  return { value: cell, formula: null };
}

describe("names and texts", () => {
  test("free names: the name itself, else a numbered one within 31 characters", () => {
    expect(safeSheetName("A", new Set())).toBe("A");
    expect(safeSheetName("A", new Set(["a", "a (2)"]))).toBe("A (3)");
    const long = "x".repeat(31);
    expect(safeSheetName(long, new Set([long]))).toBe(`${"x".repeat(27)} (2)`);
    expect(freeTableName("KPI_A", new Set(["kpi_a"]))).toBe("KPI_A_2");
  });

  test.each(["---", "= 6", "+15%", "-3", "15%", "1,5", "1.234,5", "31/12/2021", "TRUE", "'quoted", "@user", "#N/A", "1e5", "12:30"])(
    "%s stays text once Excel has parsed it",
    (text) => {
      expect(coerceInput(textInput(text))).toEqual({ value: text, formula: null });
    },
  );

  test("plain texts are written as they are", () => {
    for (const text of [">= 15%", "Anno: 2021 >= +15%", "Visite", "N. interventi 20%"]) expect(textInput(text)).toBe(text);
  });

  test("sizes and widths", () => {
    expect(rangeSize("E2:E40")).toEqual({ rows: 39, cols: 1 });
    expect(rangeSize("B3")).toEqual({ rows: 1, cols: 1 });
    expect(widthInPoints(8.43)).toBeCloseTo(48, 0);
  });
});

describe("importWorkbook", () => {
  test("the seed plan becomes new sheets, cell for cell, in 2 syncs, and the user's sheet is untouched", async () => {
    const fake = usersBook();
    const userSheet = JSON.stringify((fake.snapshot() as { sheets: unknown[] }).sheets[0]);
    const spec = seedSpec();
    const out = await importWorkbook(hostOf(fake), spec);
    expect(fake.stats.syncs).toBe(2);
    expect(out.sheets).toEqual(spec.sheets.map((s) => ({ from: s.name, to: s.name === "A" ? "A (2)" : s.name })));
    expect(out.tables.find((t) => t.from === "KPI_A")!.to).toBe("KPI_A_2");
    expect(out.tables.find((t) => t.from === "Nodi")!.to).toBe("Nodi_2");
    expect(JSON.stringify((fake.snapshot() as { sheets: unknown[] }).sheets[0])).toBe(userSheet);

    spec.sheets.forEach((s, i) => {
      const sheet = fake.workbook.sheet(out.sheets[i].to)!;
      s.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const want = expected(cell);
          expect([r, c, sheet.rows[r]?.[c] ?? ""]).toEqual([r, c, want.value]);
          expect(sheet.formulas.get(r * 16384 + c) ?? null).toBe(want.formula);
        }),
      );
      expect(sheet.freeze).toEqual({ rows: s.frozenRows, columns: 0 });
      expect(sheet.tables.map((t) => [t.style, t.rect])).toEqual(s.tables.map((t) => [t.style, parseRect(t.range)]));
      expect(sheet.validations.map((v) => v.rule)).toEqual(
        s.validations.map((v) => ({ decimal: { formula1: v.min, formula2: v.max, operator: "Between" } })),
      );
      s.columns.forEach((col, c) => expect(sheet.columnWidths.get(c)).toBe(widthInPoints(col.width)));
      for (const f of s.formats) {
        const rect = parseRect(f.range);
        const k = rect.r0 * 16384 + rect.c0;
        if (f.numberFormat) expect(sheet.numberFormats.get(k) ?? "General").toBe(f.numberFormat);
      }
    });
    // The header row of a KPI sheet is bold, and the first new sheet is the active one.
    const a2 = fake.workbook.sheet("A (2)")!;
    expect(a2.formats.get(0)?.bold).toBe(true);
    expect(fake.workbook.sheets[fake.workbook.activeSheet].name).toBe("A (2)");
  });

  test("a budget smaller than the plan splits the write into several syncs with the same result", async () => {
    const one = usersBook();
    await importWorkbook(hostOf(one), seedSpec());
    const many = usersBook();
    await importWorkbook(hostOf(many), seedSpec(), { budget: { maxBytes: 20_000, bytesPerCell: 48, maxCells: 1e6 } });
    expect(many.stats.syncs).toBeGreaterThan(3);
    const strip = (s: string) => s.replace(/"id":"[^"]*"/g, "");
    expect(strip(snap(many))).toBe(strip(snap(one)));
  });

  test("a failure while writing removes the added sheets: the workbook is as before", async () => {
    const probe = usersBook();
    await importWorkbook(hostOf(probe), seedSpec());
    const operations = probe.stats.perSync[1].operations;
    for (const applied of [0, 1, 2, 7, 50, Math.floor(operations / 2), operations - 1, operations]) {
      const fake = usersBook();
      const before = snap(fake);
      fake.failSync(2, "GeneralException", applied);
      const error = await importWorkbook(hostOf(fake), seedSpec()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(error).toMatchObject({ rolledBack: true, leftover: [] });
      expect(snap(fake)).toBe(before);
    }
  });

  test("when the rollback fails too, the error names the sheets that may be left", async () => {
    const fake = usersBook();
    fake.failSync(2, "GeneralException", 30);
    fake.failSync(3, "GeneralException", 0);
    const error = (await importWorkbook(hostOf(fake), seedSpec()).catch((e: unknown) => e)) as ImportError;
    expect(error.rolledBack).toBe(false);
    expect(error.leftover).toContain("A (2)");
  });
});
