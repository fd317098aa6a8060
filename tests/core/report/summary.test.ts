/**
 * The `Riepilogo` sheet (src/core/workbook/summary.ts) built from the seed plan's roll-up
 * (tests/support/seed-values.ts, figures computed by hand in seed.test.ts), written with
 * ExcelJS and opened by LibreOffice.
 */
import { findKpiTables } from "../../../src/core/reader/find-tables";
import { rollupWorkbook } from "../../../src/core/rollup";
import type { CellValue } from "../../../src/core/types";
import { validateWorkbook } from "../../../src/core/validate";
import type { CellSpec, FormulaSpec, SheetSpec } from "../../../src/core/workbook/description";
import { summarySheet } from "../../../src/core/workbook/summary";
import { readXlsx } from "../../../src/cli/xlsx-read";
import { writeXlsx } from "../../../src/cli/xlsx-write";
import { hasLibreOffice, xlsxToCsvSheets } from "../../support/libreoffice";
import { gridsOf, seedWorkbook } from "../../support/seed-values";

const sheets = gridsOf(seedWorkbook());
const report = validateWorkbook(sheets, { year: 2021 });
const roll = rollupWorkbook(report, sheets);
const spec = summarySheet({ year: 2021, nodes: roll.nodes, rules: roll.rules, generatedOn: "2022-03-31", body: "CCIAA di Lecce" });

const plain = (c: CellSpec | undefined): CellValue => (c !== null && c !== undefined && typeof c === "object" ? c.result : (c ?? null));

/** The rows of the tree block (after its header), by code. */
function treeRows(s: SheetSpec): Map<string, readonly CellSpec[]> {
  const headers = s.cells.map((r, i) => (r[0] === "Codice" ? i : -1)).filter((i) => i >= 0);
  const start = headers[headers.length - 1] + 1;
  return new Map(s.cells.slice(start).map((r) => [String(r[0]), r]));
}

describe("summarySheet", () => {
  it("names and heads the sheet", () => {
    expect(spec.name).toBe("Riepilogo");
    expect(spec.cells[0][0]).toBe("Riepilogo della performance 2021 – CCIAA di Lecce");
    expect(String(spec.cells[1][0])).toContain("Calcolato il 31/03/2022");
    expect(String(spec.cells[2][0])).toContain("semaforo rosso sotto 70, giallo sotto 90");
  });

  it("counts the KPIs: measured = met + unmet + missing", () => {
    const counts = spec.cells.slice(4, 8).map((r) => r[3]);
    const [kpis, met, unmet, missing] = counts as number[];
    expect(kpis).toBe(met + unmet + missing);
    expect(kpis).toBe(roll.nodes.reduce((s, n) => s + n.kpis, 0));
  });

  it("lists the strategic objectives first, with bars", () => {
    const codes = spec.cells.map((r) => r[0]);
    const first = codes.indexOf("Obiettivi strategici");
    expect(spec.cells.slice(first + 2, first + 7).map((r) => r[0])).toEqual(["A.1", "B.1", "B.2", "C.1", "C.2"]);
  });

  it("the tree with the hand-computed figures, bands in words and in-cell bars", () => {
    const rows = treeRows(spec);
    expect(rows.size).toBe(roll.nodes.length);
    // B = 81.7208333 (amber): 81.72/5 = 16.34 -> 16 blocks
    const b = rows.get("B") as readonly CellSpec[];
    expect(b[3]).toBeCloseTo(81.7208333, 6);
    expect(b[4]).toBe("Giallo");
    expect(plain(b[5])).toBe("█".repeat(16));
    // B.1.2.2 = 62.5 (red): 62.5/5 = 12.5 -> rounded half-up to 13 blocks, as Excel's ROUND does
    const b122 = rows.get("B.1.2.2") as readonly CellSpec[];
    expect(b122[3]).toBeCloseTo(62.5, 9);
    expect(b122[4]).toBe("Rosso");
    expect(plain(b122[5])).toBe("█".repeat(13));
    // its own KPIs: 1 met, 2 unmet, 0 missing
    expect(b122.slice(6, 9)).toEqual([1, 2, 0]);
    // B.1.3 = 100: 20 blocks, green
    expect(plain((rows.get("B.1.3") as readonly CellSpec[])[5])).toBe("█".repeat(20));
    // No data: n.d., empty bar
    const a13 = rows.get("A.1.3") as readonly CellSpec[];
    expect(a13[3]).toBeNull();
    expect(a13[4]).toBe("n.d.");
    expect(plain(a13[5])).toBe("");
    // The bar is a formula over the achievement cell of its own row.
    const r = spec.cells.indexOf(b) + 1;
    expect((b[5] as FormulaSpec).formula).toBe(`IF(D${r}="","",REPT("█",ROUND(D${r}/5,0)))`);
    // Indentation by depth: an action is three levels down.
    expect(String(b122[2]).startsWith("         Fascicolo")).toBe(true);
  });

  it("colours the band cells and also says the band in words", () => {
    const rows = treeRows(spec);
    const r = spec.cells.indexOf(rows.get("B.1.2.2") as readonly CellSpec[]) + 1;
    expect(spec.formats).toContainEqual({ range: `E${r}`, fill: "F8D4D1", fontColor: "B42318", bold: true, horizontal: "center" });
  });

  it("is not taken for a KPI table, so checking the workbook with it gives the same report", () => {
    const grid = gridsOf({ sheets: [spec] })[0];
    expect(findKpiTables(grid)).toEqual([]);
    const again = validateWorkbook([...sheets, grid], { year: 2021 });
    expect(again.kpis).toEqual(report.kpis);
  });

  it("English", () => {
    const en = summarySheet({ year: 2021, nodes: roll.nodes, rules: roll.rules, generatedOn: "2022-03-31" }, { lang: "en" });
    expect(en.name).toBe("Summary");
    expect(treeRows({ ...en, cells: en.cells.map((r) => (r[0] === "Code" ? ["Codice", ...r.slice(1)] : r)) }).get("B")?.[4]).toBe("Amber");
  });

  it("writes to .xlsx and reads back; LibreOffice computes the same bars from the formulas", async () => {
    const bytes = await writeXlsx({ sheets: [spec] });
    const [back] = await readXlsx(bytes);
    expect(back.name).toBe("Riepilogo");
    const row = back.values.find((r) => r[0] === "B.1.2.2");
    expect(row?.[3]).toBeCloseTo(62.5, 9);
    expect(row?.[5]).toBe("█".repeat(13));
    if (!hasLibreOffice()) return;
    // LibreOffice shows cached results as they are; without them it computes the formulas,
    // which proves that the formula itself draws the bar the cached result shows.
    const uncached: SheetSpec = {
      ...spec,
      cells: spec.cells.map((r) => r.map((c) => (c !== null && typeof c === "object" ? { formula: c.formula, result: null } : c))),
    };
    const csv = await xlsxToCsvSheets(await writeXlsx({ sheets: [uncached] }), false);
    const lo = [...csv.values()][0];
    const loRow = lo.find((r) => r[0] === "B.1.2.2");
    expect(loRow?.[4]).toBe("Rosso");
    expect(loRow?.[5]).toBe("█".repeat(13));
    expect(lo.find((r) => r[0] === "B")?.[5]).toBe("█".repeat(16));
    expect(lo.find((r) => r[0] === "A.1.3")?.[5]).toBe("");
  }, 120_000);
});
