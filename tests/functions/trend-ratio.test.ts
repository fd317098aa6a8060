import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { TREND_RATIO } from "../../src/functions/functions";

describe("KPI.TREND_RATIO(current, previous)", () => {
  test.each([
    [12, 8, 1.5],
    [0, 5, 0],
    [-3, 4, -0.75],
    [7, 7, 1],
  ])("works: TREND_RATIO(%p, %p) = %p", (current, previous, expected) => {
    expect(TREND_RATIO(current, previous)).toBeCloseTo(expected, 12);
  });

  test.each([
    ["1.200", "800", 1.5],
    ["2,5", "0,5", 5],
    [null, 4, 0],
    ["15%", "10%", 1.5],
  ])("use coercion: TREND_RATIO(%p, %p) = %p", (current, previous, expected) => {
    expect(TREND_RATIO(current, previous)).toBeCloseTo(expected, 12);
  });

  test.each([0, null, "0"])("previous = %p gives #DIV/0!", (previous) => {
    expect(thrown(() => TREND_RATIO(3, previous))).toEqual({ code: ErrorCode.divisionByZero, message: "" });
  });

  test("booleans and words are #VALUE!, --- is #N/A", () => {
    expect(thrown(() => TREND_RATIO(1, true))).toEqual({
      code: ErrorCode.invalidValue,
      message: formatMessage("NOT_A_NUMBER", "en", { text: "TRUE" }),
    });
    expect(thrown(() => TREND_RATIO("dieci", 1)).code).toBe(ErrorCode.invalidValue);
    expect(thrown(() => TREND_RATIO(1, "---")).code).toBe(ErrorCode.notAvailable);
  });
});
