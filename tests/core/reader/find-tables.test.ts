import { findKpiTables } from "../../../src/core/reader/find-tables";
import type { CellValue, SheetGrid } from "../../../src/core/types";

const grid = (values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: "S", values, ...extra });

describe("findKpiTables", () => {
  it("finds a table without Codice and maps its columns", () => {
    const tables = findKpiTables(
      grid([
        ["Indicatore", "Peso", "Target", "Valore"],
        ["Visite", 60, ">= 10", 12],
        ["Pratiche", 40, "<= 5", 3],
      ]),
    );
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t.sheet).toBe("S");
    expect([t.headerRow, t.firstRow, t.lastRow]).toEqual([0, 1, 2]);
    expect(t.columns.code).toBeUndefined();
    expect(t.columns.indicator).toBe(0);
    expect(t.columns.weight).toBe(1);
    expect([...t.columns.targets]).toEqual([[null, 2]]);
    expect([...t.columns.values]).toEqual([[null, 3]]);
  });

  it("needs an indicator column and a weight or a target column", () => {
    // Weights without targets (a service's objectives) and targets without weights are tables.
    const [weightsOnly] = findKpiTables(grid([["Indicatore", "Peso", "Valore"], ["x", 1, 2]]));
    expect([weightsOnly.columns.weight, weightsOnly.columns.targets.size]).toEqual([1, 0]);
    const [targetsOnly] = findKpiTables(grid([["Indicatore", "Target"], ["x", ">= 1"]]));
    expect([targetsOnly.columns.weight, [...targetsOnly.columns.targets]]).toEqual([undefined, [[null, 1]]]);
    // Without an indicator, or with an indicator and values only, there is no table.
    expect(findKpiTables(grid([["Peso", "Target"], [100, ">= 1"]]))).toEqual([]);
    expect(findKpiTables(grid([["Indicatore", "Valore"], ["x", 2]]))).toEqual([]);
  });

  it("returns nothing for a sheet with no KPI table", () => {
    expect(findKpiTables(grid([]))).toEqual([]);
    expect(findKpiTables(grid([["Nota"], ["Questo foglio contiene solo testo"], [null, 42]]))).toEqual([]);
  });

  it("ends a table at the first blank row and finds two tables on one sheet", () => {
    const tables = findKpiTables(
      grid([
        ["Titolo del foglio"],
        ["Codice", "Indicatore", "Peso", "Target"],
        ["A.1", "a", 50, ">= 1"],
        ["A.1", "b", 50, ">= 2"],
        [null, "  ", null, ""],
        ["Nota a piè di tabella"],
        [],
        ["Code", "KPI", "Weight", "Target 2022", "Actual 2022"],
        ["B.1", "c", 100, ">= 3", 4],
      ]),
    );
    expect(tables.map((t) => [t.headerRow, t.firstRow, t.lastRow])).toEqual([
      [1, 2, 3],
      [7, 8, 8],
    ]);
    expect(tables[0].columns.code).toBe(0);
    expect([...tables[1].columns.targets]).toEqual([[2022, 3]]);
    expect([...tables[1].columns.values]).toEqual([[2022, 4]]);
  });

  it("starts a new table at a repeated header, without a blank row between", () => {
    const tables = findKpiTables(
      grid([
        ["Indicatori testo", "Algoritmo", "Peso", "Stato", "Target"],
        ["a", "x", 50, 1, ">= 1"],
        ["Indicatori testo", "Algoritmo", "Peso", "Stato", "Target"],
        ["b", "y", 50, 2, ">= 2"],
        ["c", "y", 50, 2, ">= 2"],
      ]),
    );
    expect(tables.map((t) => [t.headerRow, t.firstRow, t.lastRow])).toEqual([
      [0, 1, 1],
      [2, 3, 4],
    ]);
    expect(tables[0].columns.algorithm).toBe(1);
    expect(tables[0].columns.baseline).toBe(3);
  });

  it("keeps extra and measure columns out of the roles, and reads yearly columns", () => {
    const [t] = findKpiTables(
      grid([
        ["Note", "Codice", "Indicatore", "Responsabile", "Peso %", "Target 2021", "Misura 2021", "Valore 2021", "Target 2022", "Valore 2022", "Commenti"],
        ["n", "A.1", "a", "Rossi", 100, ">= 1", 5, 6, ">= 2", null, "ok"],
      ]),
    );
    expect(t.columns.code).toBe(1);
    expect(t.columns.indicator).toBe(2);
    expect(t.columns.weight).toBe(4);
    expect([...t.columns.targets]).toEqual([
      [2021, 5],
      [2022, 8],
    ]);
    expect([...t.columns.values]).toEqual([
      [2021, 7],
      [2022, 9],
    ]);
  });

  it("takes the leftmost column when a role repeats", () => {
    const [t] = findKpiTables(grid([["Indicatore", "KPI", "Peso", "Weight", "Target", "Target"], ["a", "b", 1, 2, "x", "y"]]));
    expect(t.columns.indicator).toBe(0);
    expect(t.columns.weight).toBe(2);
    expect([...t.columns.targets]).toEqual([[null, 4]]);
  });

  it("reports sheet rows and columns when the grid does not start at A1", () => {
    const [t] = findKpiTables(
      grid(
        [
          ["Indicatore", "Peso", "Target"],
          ["a", 100, ">= 1"],
        ],
        { origin: { row: 4, col: 2 } },
      ),
    );
    expect([t.headerRow, t.firstRow, t.lastRow]).toEqual([4, 5, 5]);
    expect([t.columns.indicator, t.columns.weight]).toEqual([2, 3]);
    expect([...t.columns.targets]).toEqual([[null, 4]]);
  });

  it("counts a header with nothing under it as an empty table", () => {
    const [t] = findKpiTables(grid([["Indicatore", "Peso", "Target"], [], ["x"]]));
    expect(t.firstRow).toBe(1);
    expect(t.lastRow).toBe(0);
  });

  it("does not end a table at a row that only has cells outside the header's width", () => {
    const tables = findKpiTables(
      grid([
        ["Indicatore", "Peso", "Target"],
        ["a", 50, ">= 1"],
        [null, null, null, "nota a lato"],
        ["b", 50, ">= 1"],
      ]),
    );
    // The row with a side note is blank across the table: it ends the first table.
    expect(tables.map((t) => [t.firstRow, t.lastRow])).toEqual([[1, 1]]);
  });
});
