import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { PARSE_NUMBER } from "../../src/functions/functions";

describe("KPI.PARSE_NUMBER(text)", () => {
  test.each([
    ["1,5", 1.5],
    ["17.835", 17835],
    ["1.500,5", 1500.5],
    ["1.5", 1.5],
    ["+15", 15],
    ["15%", 15],
    ["-3,25", -3.25],
    ["1.234.567", 1234567],
    [" 42 ", 42],
    ["1\u00a0234,5", 1234.5],
  ])("works: PARSE_NUMBER(%p) = %p", (text, expected) => {
    expect(PARSE_NUMBER(text)).toBe(expected);
  });

  test.each([
    [42, 42],
    [-0.5, -0.5],
    [null, 0],
    [0, 0],
  ])("use coercion: PARSE_NUMBER(%p) = %p", (x, expected) => {
    expect(PARSE_NUMBER(x)).toBe(expected);
  });

  test.each(["---", "n.d.", "n/a", "", "   "])("%p is #N/A (no value)", (text) => {
    expect(thrown(() => PARSE_NUMBER(text))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_VALUE", "en") });
  });

  test.each([
    ["abc", "abc"],
    ["1,2,3", "1,2,3"],
    [true, "TRUE"],
  ])("%p is #VALUE! with the text in the message", (x, text) => {
    expect(thrown(() => PARSE_NUMBER(x))).toEqual({
      code: ErrorCode.invalidValue,
      message: formatMessage("NOT_A_NUMBER", "en", { text }),
    });
  });
});
