import { a1, columnIndex, columnLetters, parseA1, rangeA1, sheetRef } from "../../src/core/a1";

describe("columnLetters / columnIndex", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it("round-trips every column", () => {
    for (let c = 0; c <= 16383; c++) expect(columnIndex(columnLetters(c))).toBe(c);
  });

  it("rejects what is not a column", () => {
    expect(columnIndex("")).toBeNull();
    expect(columnIndex("A1")).toBeNull();
    expect(columnIndex("XFE")).toBeNull();
    expect(columnIndex("ABCD")).toBeNull();
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
  });
});

describe("a1 / rangeA1 / parseA1", () => {
  it("writes addresses 1-based", () => {
    expect(a1(0, 0)).toBe("A1");
    expect(a1(4, 7)).toBe("H5");
    expect(rangeA1(1, 3, 5, 3)).toBe("D2:D6");
    expect(rangeA1(5, 4, 1, 2)).toBe("C2:E6");
    expect(rangeA1(2, 2, 2, 2)).toBe("C3");
  });

  it("reads addresses, with or without anchors", () => {
    expect(parseA1("H5")).toEqual({ row: 4, col: 7 });
    expect(parseA1("$h$5")).toEqual({ row: 4, col: 7 });
    expect(parseA1("XFD1048576")).toEqual({ row: 1048575, col: 16383 });
    expect(parseA1("A0")).toBeNull();
    expect(parseA1("A1048577")).toBeNull();
    expect(parseA1("5H")).toBeNull();
    expect(parseA1("A1:B2")).toBeNull();
  });
});

describe("sheetRef", () => {
  it("quotes sheet names as Excel does", () => {
    expect(sheetRef("A", "H5")).toBe("A!H5");
    expect(sheetRef("Area_A", "H5")).toBe("Area_A!H5");
    expect(sheetRef("Area A", "H5")).toBe("'Area A'!H5");
    expect(sheetRef("L'area", "B2")).toBe("'L''area'!B2");
    expect(sheetRef("2021", "B2")).toBe("'2021'!B2");
    expect(sheetRef("AB12", "B2")).toBe("'AB12'!B2");
  });
});
