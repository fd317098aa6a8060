import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { TREND_PCT } from "../../src/functions/functions";

describe("KPI.TREND_PCT(current, previous)", () => {
  describe("works", () => {
    test.each([
      [660, 600, 10],
      [540, 600, -10],
      [600, 600, 0],
      [-50, -100, -50], // (-50 - -100) / -100 * 100
      [1, 3, -66.66666666666667],
    ])("TREND_PCT(%p, %p) = %p", (current, previous, expected) => {
      expect(TREND_PCT(current, previous)).toBeCloseTo(expected, 10);
    });
  });

  describe("use coercion", () => {
    test.each([
      ["1.500,5", "1.000", 50.05],
      ["17.835", 17835, 0],
      ["+15", "10", 50],
      ["1,5", 1, 50],
      ["\u00a01\u00a0100,0 ", "1.000", 10], // thousands with spaces, pasted from a PDF
    ])("TREND_PCT(%p, %p) = %p", (current, previous, expected) => {
      expect(TREND_PCT(current, previous)).toBeCloseTo(expected, 10);
    });

    test("a blank current value counts as 0, the same for null (web) and 0 (desktop)", () => {
      expect(TREND_PCT(null, 200)).toBe(-100);
      expect(TREND_PCT(0, 200)).toBe(-100);
    });
  });

  describe("errors", () => {
    test.each([0, null, "0", "0,0"])("previous = %p gives #DIV/0! without a message", (previous) => {
      expect(thrown(() => TREND_PCT(10, previous))).toEqual({ code: ErrorCode.divisionByZero, message: "" });
    });

    test.each([
      [true, "TRUE"],
      [false, "FALSE"],
    ])("a boolean (%p) is #VALUE!", (b, text) => {
      expect(thrown(() => TREND_PCT(b, 10))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("NOT_A_NUMBER", "en", { text }),
      });
      expect(thrown(() => TREND_PCT(10, b)).code).toBe(ErrorCode.invalidValue);
    });

    test("text that is not a number is #VALUE! naming the text", () => {
      const e = thrown(() => TREND_PCT("circa 10", 5));
      expect(e).toEqual({ code: ErrorCode.invalidValue, message: formatMessage("NOT_A_NUMBER", "en", { text: "circa 10" }) });
      expect(e.message).toContain("circa 10");
    });

    test.each(["---", "n.d.", ""])("%p (no value) is #N/A", (none) => {
      expect(thrown(() => TREND_PCT(none, 5))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_VALUE", "en") });
    });

    test("a range where one value is expected is #VALUE!", () => {
      expect(thrown(() => TREND_PCT([[1, 2]], 5)).code).toBe(ErrorCode.invalidValue);
    });

    test("an overflow is #NUM!, never Infinity", () => {
      expect(thrown(() => TREND_PCT(1e308, 1e-308))).toEqual({ code: ErrorCode.invalidNumber, message: "" });
    });
  });
});
