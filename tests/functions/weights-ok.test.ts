import { column, ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { WEIGHTS_OK } from "../../src/functions/functions";

describe("KPI.WEIGHTS_OK(weights)", () => {
  describe("works", () => {
    test.each([
      [[50, 30, 20], true],
      [[100], true],
      [[33.33, 33.33, 33.34], true],
      [[0.2, 0.3, 0.5], true],
      [[50, 30], false],
      [[60, 50], false],
      [[99.995], true], // within 0.01 of 100
      [[99.98], false],
      [[0.99995], true], // within 0.0001 of 1
      [[0.9998], false],
    ])("WEIGHTS_OK(%p) = %p", (weights, expected) => {
      expect(WEIGHTS_OK(column(...weights))).toBe(expected);
    });

    test("a row or a block works like a column", () => {
      expect(WEIGHTS_OK([[25, 25, 50]])).toBe(true);
      expect(WEIGHTS_OK([[25, 25], [25, 25]])).toBe(true);
    });
  });

  describe("use coercion", () => {
    test("Italian text", () => {
      expect(WEIGHTS_OK(column("33,33", "33,33", "33,34"))).toBe(true);
      expect(WEIGHTS_OK(column("0,5", "0,5"))).toBe(true);
    });

    test("blank cells are ignored, whether they arrive as null (web) or 0 (desktop)", () => {
      expect(WEIGHTS_OK(column(50, 30, 20, null, null))).toBe(true);
      expect(WEIGHTS_OK(column(50, 30, 20, 0, 0))).toBe(true);
      expect(WEIGHTS_OK(column(50, 30, 20, "", "---"))).toBe(true);
    });

    test("an empty range does not add up", () => {
      expect(WEIGHTS_OK(column(null, null))).toBe(false);
    });
  });

  describe("errors", () => {
    test("a negative weight makes the check fail", () => {
      expect(WEIGHTS_OK(column(60, 50, -10))).toBe(false);
    });

    test("a weight that is not a number is #VALUE! naming it", () => {
      expect(thrown(() => WEIGHTS_OK(column(50, "metà", 50)))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("WEIGHT_NOT_NUMBER", "en", { text: "metà" }),
      });
    });

    test("a boolean is #VALUE!", () => {
      expect(thrown(() => WEIGHTS_OK(column(100, true))).code).toBe(ErrorCode.invalidValue);
    });
  });
});
