import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { TARGET_VALUE } from "../../src/functions/functions";

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("KPI.TARGET_VALUE(target, [year])", () => {
  test.each([
    [">= 15%", 15],
    [">= +15%", 15],
    [">= 1,5", 1.5],
    ["> 1.500", 1500],
    ["<= 10", 10],
    ["= 0", 0],
    [">= -3", -3],
  ])("works: TARGET_VALUE(%p) = %p", (target, expected) => {
    expect(TARGET_VALUE(target)).toBe(expected);
  });

  test("a deadline gives its date as an Excel date number", () => {
    expect(TARGET_VALUE("<= 31/12/2021")).toBe(serial(2021, 12, 31));
    expect(TARGET_VALUE("<= 31/12/2021")).toBe(44561); // as Excel shows =DATE(2021;12;31) in General format
    expect(TARGET_VALUE("entro il 30/06/2021")).toBe(serial(2021, 6, 30));
  });

  test("per-year targets", () => {
    const target = "Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 >= +5%";
    expect(TARGET_VALUE(target, 2021)).toBe(15);
    expect(TARGET_VALUE(target, 2022)).toBe(10);
    expect(TARGET_VALUE(target, 2023)).toBe(5);
    expect(TARGET_VALUE("Anno: 2021 >= 7 Anno: 2022 >= 7", null as never)).toBe(7);
  });

  test("use coercion: a number target, a text year, a blank (0) year", () => {
    expect(TARGET_VALUE(250)).toBe(250);
    expect(TARGET_VALUE("Anno: 2021 >= 3 Anno: 2022 >= 4", "2022" as never)).toBe(4);
    expect(TARGET_VALUE(">= 4", 0)).toBe(4);
  });

  test("errors", () => {
    expect(thrown(() => TARGET_VALUE("---"))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_TARGET", "en") });
    expect(thrown(() => TARGET_VALUE("Anno: 2021 >= 3 Anno: 2022 ---", 2022))).toEqual({
      code: ErrorCode.notAvailable,
      message: formatMessage("NO_TARGET_FOR_YEAR", "en", { year: 2022 }),
    });
    expect(thrown(() => TARGET_VALUE("Anno: 2021 >= 3 Anno: 2022 >= 4"))).toEqual({
      code: ErrorCode.invalidValue,
      message: formatMessage("YEAR_REQUIRED", "en", { years: "2021, 2022" }),
    });
    expect(thrown(() => TARGET_VALUE(null))).toEqual({ code: ErrorCode.invalidValue, message: formatMessage("EMPTY", "en") });
    expect(thrown(() => TARGET_VALUE(true)).code).toBe(ErrorCode.invalidValue);
    expect(thrown(() => TARGET_VALUE("circa 10")).code).toBe(ErrorCode.invalidValue);
  });
});
