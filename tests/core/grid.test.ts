import { isBlankCell, SheetCells } from "../../src/core/grid";
import type { SheetGrid } from "../../src/core/types";

// A used range B3:C4 as a host hands it over: the grid's [0][0] is the sheet's B3 (row 2, col 1).
const usedRange: SheetGrid = {
  name: "A",
  values: [
    ["Peso", 40],
    ["Target", ">= 15%"],
  ],
  formats: [[null, "0%"]],
  origin: { row: 2, col: 1 },
};

describe("SheetCells", () => {
  it("reads a cell by its sheet row and column, whatever the grid's origin", () => {
    const cells = new SheetCells(usedRange);
    expect(cells.value(2, 1)).toBe("Peso"); // B3
    expect(cells.value(3, 2)).toBe(">= 15%"); // C4: grid [3-2][2-1] = [1][1]
    expect(cells.format(2, 2)).toBe("0%"); // C3
  });

  it("answers blank outside the grid, above or left of its origin, and for a missing column", () => {
    const cells = new SheetCells(usedRange);
    expect(cells.value(0, 0)).toBeNull(); // A1: before the origin
    expect(cells.value(9, 1)).toBeNull(); // below the last row
    expect(cells.value(2, undefined)).toBeNull();
    expect(cells.format(3, 2)).toBeNull(); // a row without formats
  });

  it("treats a grid without origin as starting at A1", () => {
    const grid: SheetGrid = { name: "B", values: [[1, 2]] };
    const cells = new SheetCells(grid);
    expect([cells.rowOffset, cells.colOffset]).toEqual([0, 0]);
    expect(cells.value(0, 1)).toBe(2);
    const used = new SheetCells(usedRange);
    expect([used.rowOffset, used.colOffset]).toEqual([2, 1]);
  });
});

describe("isBlankCell", () => {
  it("is true for nothing typed: null, empty, spaces, a non-breaking space", () => {
    for (const cell of [null, undefined, "", "   ", "\u00a0", "\t\n"]) expect(isBlankCell(cell)).toBe(true);
  });
  it("is false for any value, zero and FALSE included", () => {
    for (const cell of [0, false, "x", " x", "\u00a0x", "-"]) expect(isBlankCell(cell)).toBe(false);
  });
});
