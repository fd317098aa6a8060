import { formatNumberIt, isKpiError, parseNumber, parseNumberText, parseQuantityText, readYesNo } from "../../src/core";

describe("parseNumber: numbers as the plans write them", () => {
  it.each([
    ["1,5", 1.5],
    ["17.835", 17835],
    ["55.649", 55649],
    ["1.500,5", 1500.5],
    ["1.234.567", 1234567],
    ["1.5", 1.5],
    ["1.50", 1.5],
    ["0.850", 0.85],
    ["+15", 15],
    ["-2,5", -2.5],
    ["−3", -3],
    ["33,33", 33.33],
    ["1,234,567.25", 1234567.25],
    [" 12 345 ", 12345],
    ["12\u00a0345,5", 12345.5],
    ["15%", 15],
    [".5", 0.5],
  ])("%s -> %d", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(["---", "--", "-", "n.d.", "N/A", "", "   "])("%p means no value", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it("passes numbers through and treats null and undefined as no value", () => {
    expect(parseNumber(42.5)).toBe(42.5);
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
  });

  it.each(["circa 10", "abc", "1,2,3", "1..5", "12a", "%", "+", "1.5.2,3"])("%p is not a number", (text) => {
    const r = parseNumber(text);
    expect(isKpiError(r) && r.code).toBe("NOT_A_NUMBER");
    if (isKpiError(r)) expect(r.message.it).toContain(text.trim());
  });

  it("rejects booleans and non-finite numbers with an error value, never NaN", () => {
    const t = parseNumber(true);
    expect(isKpiError(t) && t.code).toBe("NOT_A_NUMBER");
    for (const bad of [NaN, Infinity, -Infinity]) {
      const r = parseNumber(bad);
      expect(isKpiError(r) && r.code).toBe("NOT_FINITE");
    }
  });

  it("keeps the percent sign as information", () => {
    expect(parseNumberText("+15%")).toEqual({ value: 15, percent: true });
    expect(parseNumberText("15")).toEqual({ value: 15, percent: false });
  });
});

describe("formatNumberIt", () => {
  it("writes a decimal comma and reads back exactly", () => {
    expect(formatNumberIt(1500.5)).toBe("1500,5");
    expect(formatNumberIt(2 / 3, 2)).toBe("0,67");
    for (const n of [1e-7, 123456789012, 0.1 + 0.2, -0.000123]) {
      expect(parseNumber(formatNumberIt(n))).toBe(n);
    }
  });
});

describe("parseQuantityText: a number with its unit of measure", () => {
  it.each([
    ["10 gg.", { value: 10, percent: false, measure: "gg." }],
    ["30 giorni", { value: 30, percent: false, measure: "giorni" }],
    ["€ 1.500", { value: 1500, percent: false, measure: "€" }],
    ["€1.500,50", { value: 1500.5, percent: false, measure: "€" }],
    ["1.500 euro", { value: 1500, percent: false, measure: "euro" }],
    ["95 %", { value: 95, percent: true }],
    ["n. 12", { value: 12, percent: false }],
    ["17.835", { value: 17835, percent: false }],
  ])("%p", (text, expected) => {
    expect(parseQuantityText(text)).toEqual(expected);
  });

  it("a text after the number that is not a unit keeps the number's error", () => {
    for (const text of ["10 gg. 5", "10 (stima)", "abc"]) {
      const r = parseQuantityText(text);
      expect(isKpiError(r) && r.code).toBe("NOT_A_NUMBER");
    }
    expect(parseQuantityText("---")).toBeNull();
  });
});

describe("readYesNo: a measured cell for a SI/NO target", () => {
  it.each([
    [true, 1],
    [false, 0],
    [1, 1],
    [0, 0],
    ["SI", 1],
    ["Sì", 1],
    ["sì.", 1],
    ["Realizzato", 1],
    ["NO", 0],
    ["falso", 0],
    [null, null],
    ["---", null],
  ])("%p is %p", (x, expected) => {
    expect(readYesNo(x)).toBe(expected);
  });
  it("anything else is an error that quotes it", () => {
    for (const x of [2, 0.5, "forse"]) {
      const r = readYesNo(x);
      expect(isKpiError(r) && r.code).toBe("VALUE_NOT_YES_NO");
      expect(isKpiError(r) && r.message.en).toContain(String(x));
    }
  });
});
