import { analyseWorkbook } from "../../../src/core/analyse";
import { findKpiTables, type HeaderNearMiss } from "../../../src/core/reader/find-tables";
import { workbookUnitScores } from "../../../src/core/scorecards";
import type { CellValue, SheetGrid } from "../../../src/core/types";
import { validateWorkbook } from "../../../src/core/validate";
import type { CellSpec, SheetSpec } from "../../../src/core/workbook/description";
import { UNIT_SHEET, unitSheet } from "../../../src/core/workbook/unit-sheet";
import { gridsOf, seedWorkbook } from "../../support/seed-values";

const grid = (spec: SheetSpec): SheetGrid => ({
  name: spec.name,
  values: spec.cells.map((row) => row.map((c: CellSpec): CellValue => (c !== null && typeof c === "object" ? c.result : c))),
});

describe("the Schede unità sheet", () => {
  const sheets = gridsOf(seedWorkbook());
  const analysis = analyseWorkbook(sheets, { year: 2021 });
  const units = workbookUnitScores(analysis);
  const spec = unitSheet({ year: 2021, units, rules: analysis.rollup.rules, unitRule: "all", generatedOn: "2022-03-31", body: "CCIAA Lecce" });
  const rowOf = (unit: string) => spec.cells.find((r) => r[0] === unit) as CellSpec[];

  it("one row per unit with its result, band in words, bar, nodes measured, KPIs and missing", () => {
    expect(spec.name).toBe(UNIT_SHEET.it);
    expect(spec.cells[0][0]).toBe("Schede delle unità organizzative 2021 – CCIAA Lecce");
    expect(spec.cells[1][0]).toContain("31/03/2022");
    // STAFF 1: (88 + 80 + 90 + 62.5) / 4 = 80.125, amber; bar = round(80.125 / 5) = 16 blocks; 4 of 8 nodes measured.
    const staff1 = rowOf("STAFF 1");
    expect(staff1[1]).toBeCloseTo(80.125, 9);
    expect(staff1[2]).toBe("Giallo");
    expect((staff1[3] as { result: string }).result).toBe("█".repeat(16));
    expect(staff1.slice(4)).toEqual(["4 di 8", 18, 11]);
    // STAFF 8: nothing measured.
    expect(rowOf("STAFF 8").slice(1, 3)).toEqual([null, "n.d."]);
  });

  it("the detail lists each unit's nodes with their results", () => {
    const detail = spec.cells.filter((r) => r[0] === "S. 3.1" && r[2] === "Nodo").map((r) => [r[1], r[4]]);
    expect(detail).toEqual([
      ["B.2.1.1", 96],
      ["B.2.1.2", 87.5],
      ["B.2.1.3", 50],
      ["C.1.1.1", 87.5],
      ["C.1.1.2", 100],
      ["C.1.2.1", "n.d."],
      ["C.1.2.3", "n.d."],
      ["C.1.2.7", "n.d."],
    ]);
  });

  it("is not read as a KPI table, so a workbook with it validates as before", () => {
    const misses: HeaderNearMiss[] = [];
    expect(findKpiTables(grid(spec), misses)).toEqual([]);
    expect(misses).toEqual([]);
    const en = unitSheet({ year: 2021, units, rules: analysis.rollup.rules, unitRule: "lead", generatedOn: "2022-03-31" }, { lang: "en" });
    expect(findKpiTables(grid(en), misses)).toEqual([]);
    expect(misses).toEqual([]);
    const before = validateWorkbook(sheets, { year: 2021 });
    const after = validateWorkbook([...sheets, grid(spec)], { year: 2021 });
    expect(after.problems).toEqual(before.problems);
    expect(after.summary).toEqual(before.summary);
  });
});
