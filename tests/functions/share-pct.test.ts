import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { SHARE_PCT } from "../../src/functions/functions";

describe("KPI.SHARE_PCT(part, total)", () => {
  test.each([
    [40, 160, 25],
    [0, 10, 0],
    [3, 3, 100],
    [1, 3, 33.333333333333336],
  ])("works: SHARE_PCT(%p, %p) = %p", (part, total, expected) => {
    expect(SHARE_PCT(part, total)).toBeCloseTo(expected, 10);
  });

  test.each([
    ["1.234,5", "2.469", 50],
    ["40", "160", 25],
    [null, 7, 0],
    [0, "8", 0],
  ])("use coercion: SHARE_PCT(%p, %p) = %p", (part, total, expected) => {
    expect(SHARE_PCT(part, total)).toBeCloseTo(expected, 10);
  });

  test.each([0, null, "0,00"])("total = %p gives #DIV/0!", (total) => {
    expect(thrown(() => SHARE_PCT(1, total))).toEqual({ code: ErrorCode.divisionByZero, message: "" });
  });

  test("errors carry the engine's message", () => {
    expect(thrown(() => SHARE_PCT(false, 1))).toEqual({
      code: ErrorCode.invalidValue,
      message: formatMessage("NOT_A_NUMBER", "en", { text: "FALSE" }),
    });
    expect(thrown(() => SHARE_PCT("n.d.", 1))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_VALUE", "en") });
  });
});
