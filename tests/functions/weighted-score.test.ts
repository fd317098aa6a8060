import { column, ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { WEIGHTED_SCORE } from "../../src/functions/functions";

describe("KPI.WEIGHTED_SCORE(scores, weights)", () => {
  describe("works", () => {
    test("a column of scores and weights", () => {
      expect(WEIGHTED_SCORE(column(80, 100), column(50, 50))).toBe(90);
      expect(WEIGHTED_SCORE(column(100, 50, 0), column(20, 30, 50))).toBeCloseTo((2000 + 1500) / 100, 12);
    });

    test("rows and 2-D blocks pair cell by cell", () => {
      expect(WEIGHTED_SCORE([[80, 100]], [[50, 50]])).toBe(90);
      expect(WEIGHTED_SCORE([[100, 0], [50, 50]], [[1, 1], [2, 0]])).toBeCloseTo((100 + 0 + 100) / 4, 12);
    });

    test("weights need not sum to 100", () => {
      expect(WEIGHTED_SCORE(column(60, 90), column(1, 2))).toBeCloseTo(80, 12);
    });

    test("a single value (1x1 range or a constant) is its own mean", () => {
      expect(WEIGHTED_SCORE([[70]], [[3]])).toBe(70);
      expect(WEIGHTED_SCORE(70 as never, 3 as never)).toBe(70);
    });
  });

  describe("use coercion", () => {
    test("Italian text in both ranges", () => {
      expect(WEIGHTED_SCORE(column("85,5", "100"), column("33,33", "66,67"))).toBeCloseTo(
        (85.5 * 33.33 + 100 * 66.67) / 100,
        10,
      );
    });

    test("--- and blank (null) scores are skipped with their weights", () => {
      expect(WEIGHTED_SCORE(column(80, "---", 100), column(50, 30, 50))).toBe(90);
      expect(WEIGHTED_SCORE(column(80, null, 100), column(50, 30, 50))).toBe(90);
      expect(WEIGHTED_SCORE(column(80, "n.d.", 100), column(50, 30, 50))).toBe(90);
    });

    test("a blank weight (null on the web, 0 on desktop) gives its score no weight either way", () => {
      expect(WEIGHTED_SCORE(column(80, 40), column(1, null))).toBe(80);
      expect(WEIGHTED_SCORE(column(80, 40), column(1, 0))).toBe(80);
    });
  });

  describe("errors", () => {
    test("ranges of different shape are #VALUE! naming both shapes", () => {
      expect(thrown(() => WEIGHTED_SCORE(column(1, 2, 3), column(1, 2)))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("SHAPE_MISMATCH", "en", { a: "3x1", b: "2x1" }),
      });
      expect(thrown(() => WEIGHTED_SCORE([[1, 2, 3]], column(1, 2, 3))).code).toBe(ErrorCode.invalidValue);
      expect(thrown(() => WEIGHTED_SCORE([[1, 2], [3, 4]], [[1, 2], [3]])).code).toBe(ErrorCode.invalidValue);
    });

    test("no score with a weight is #DIV/0!", () => {
      expect(thrown(() => WEIGHTED_SCORE(column("---", null), column(50, 50)))).toEqual({
        code: ErrorCode.divisionByZero,
        message: "",
      });
      expect(thrown(() => WEIGHTED_SCORE(column(80, 90), column(0, 0))).code).toBe(ErrorCode.divisionByZero);
    });

    test("a boolean or a word in a range is #VALUE!", () => {
      expect(thrown(() => WEIGHTED_SCORE(column(80, true), column(50, 50)))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("NOT_A_NUMBER", "en", { text: "TRUE" }),
      });
      expect(thrown(() => WEIGHTED_SCORE(column(80, 90), column(50, "metà"))).code).toBe(ErrorCode.invalidValue);
    });
  });
});
