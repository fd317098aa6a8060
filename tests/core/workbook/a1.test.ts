import { cellRef, columnLetter, rangeRef } from "../../../src/core/workbook/a1";
import { safeSheetName, safeTableName } from "../../../src/core/workbook/names";

describe("A1 addressing", () => {
  test("column letters", () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
  test("cells and ranges", () => {
    expect(cellRef(2, 5)).toBe("E2");
    expect(rangeRef(2, 5, 40, 5)).toBe("E2:E40");
    expect(rangeRef(3, 1, 3, 1)).toBe("A3");
  });
});

describe("safeSheetName", () => {
  test("forbidden characters, apostrophes at the ends, length", () => {
    expect(safeSheetName("Obiettivi: A/B [1]*?\\", new Set())).toBe("Obiettivi_ A_B _1____");
    expect(safeSheetName("'Albero'", new Set())).toBe("Albero");
    expect(safeSheetName("x".repeat(40), new Set())).toHaveLength(31);
  });
  test("unique, ignoring case", () => {
    expect(safeSheetName("A", new Set(["a"]))).toBe("A (2)");
    expect(safeSheetName("A", new Set(["A", "A (2)"]))).toBe("A (3)");
    expect(safeSheetName("y".repeat(31), new Set(["y".repeat(31)]))).toBe(`${"y".repeat(27)} (2)`);
  });
  test("never empty, never the reserved History", () => {
    expect(safeSheetName("", new Set())).not.toBe("");
    expect(safeSheetName("History", new Set()).toLowerCase()).not.toBe("history");
  });
});

describe("safeTableName", () => {
  test("letters, digits, underscores; never a cell reference", () => {
    expect(safeTableName("KPI_A")).toBe("KPI_A");
    expect(safeTableName("KPI A.1")).toBe("KPI_A_1");
    expect(safeTableName("A1")).toBe("_A1");
    expect(safeTableName("R1C1")).toBe("_R1C1");
    expect(safeTableName("C")).toBe("_C");
    expect(safeTableName("1abc")).toBe("_1abc");
  });
});
