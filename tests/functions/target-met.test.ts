import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { TARGET_MET } from "../../src/functions/functions";

/** Excel serial of a date, computed independently of the engine (1900 system, after 1900-03-01). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const PER_YEAR = "Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 ---";

describe("KPI.TARGET_MET(value, target, [year])", () => {
  describe("works", () => {
    test.each([
      [16, ">= 15%", true],
      [15, ">= 15%", true],
      [14.99, ">= 15%", false],
      [8, "<= 10", true],
      [12, "<= 10", false],
      [1.6, ">= 1,5", true],
      [1.4, ">= 1,5", false],
      [5, "> 5", false],
      [5, "= 5", true],
      [7, "≥ 7", true],
      [7, "=> 7", true],
      [3, "=< 2", false],
    ])("TARGET_MET(%p, %p) = %p", (value, target, expected) => {
      expect(TARGET_MET(value, target, null as never)).toBe(expected);
    });

    test("deadlines compare dates, as Excel date numbers or as text", () => {
      expect(TARGET_MET(serial(2021, 6, 30), "<= 31/12/2021")).toBe(true);
      expect(TARGET_MET(serial(2021, 12, 31), "<= 31/12/2021")).toBe(true);
      expect(TARGET_MET(serial(2022, 1, 1), "<= 31/12/2021")).toBe(false);
      expect(TARGET_MET("30/06/2021", "entro il 30/11/2021")).toBe(true);
      expect(TARGET_MET("2021-12-01", "<= 30/11/2021")).toBe(false);
      expect(TARGET_MET(serial(2021, 11, 30) + 0.75, "<= 30/11/2021")).toBe(true); // a time of day on the last day
    });

    test("per-year targets use the year given", () => {
      expect(TARGET_MET(12, PER_YEAR, 2021)).toBe(false);
      expect(TARGET_MET(12, PER_YEAR, 2022)).toBe(true);
      expect(TARGET_MET(12, "Anno: 2021 >= 7 Anno: 2022 >= 7 Anno: 2023 >= 7")).toBe(true); // same every year
    });

    test("a target without years applies to any year", () => {
      expect(TARGET_MET(4, ">= 4", 2023)).toBe(true);
    });

    test("a number as target means 'at least'", () => {
      expect(TARGET_MET(16, 15)).toBe(true);
      expect(TARGET_MET(14, 15)).toBe(false);
    });
  });

  describe("use coercion", () => {
    test("Italian text values", () => {
      expect(TARGET_MET("16%", ">= 15%")).toBe(true);
      expect(TARGET_MET("15,5", ">= +15%")).toBe(true);
      expect(TARGET_MET("17.835", ">= 17.000")).toBe(true);
    });

    test("Excel hands a number without its format: 0.16 is 0.16 percentage points (KPI.PERCENT_POINTS reads the format)", () => {
      expect(TARGET_MET(0.16, ">= 15%")).toBe(false);
      expect(TARGET_MET(16, ">= 15%")).toBe(true);
      expect(TARGET_MET("16%", ">= 15%")).toBe(true);
    });

    test("a data-type cell-value object is not something Excel sends any more: #VALUE! with a message", () => {
      const r = thrown(() => TARGET_MET({ type: "Double", basicValue: 0.16, numberFormat: "0%" }, ">= 15%"));
      expect(r.code).toBe(ErrorCode.invalidValue);
      expect(r.message).toBe("Invalid argument: not a cell value.");
    });

    test("year: omitted (null), blank (0) or empty mean 'no year'; text years are read", () => {
      const sameEveryYear = "Anno: 2021 >= 7 Anno: 2022 >= 7";
      expect(TARGET_MET(7, sameEveryYear, null as never)).toBe(true);
      expect(TARGET_MET(7, sameEveryYear, 0)).toBe(true);
      expect(TARGET_MET(12, PER_YEAR, "2022" as never)).toBe(true);
    });

    test("a blank value counts as 0, the same for null (web) and 0 (desktop)", () => {
      expect(TARGET_MET(null, ">= 15")).toBe(false);
      expect(TARGET_MET(0, ">= 15")).toBe(false);
      expect(TARGET_MET(null, "<= 10")).toBe(TARGET_MET(0, "<= 10"));
    });
  });

  describe("errors", () => {
    test.each(["---", "n.d.", "-", "n/a"])("target %p is #N/A 'no target'", (target) => {
      expect(thrown(() => TARGET_MET(5, target))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_TARGET", "en") });
    });

    test("a year with --- or without an entry is #N/A naming the year", () => {
      expect(thrown(() => TARGET_MET(5, PER_YEAR, 2023))).toEqual({
        code: ErrorCode.notAvailable,
        message: formatMessage("NO_TARGET_FOR_YEAR", "en", { year: 2023 }),
      });
      expect(thrown(() => TARGET_MET(5, PER_YEAR, 2024)).code).toBe(ErrorCode.notAvailable);
    });

    test("a per-year target without a year is #VALUE! asking for it", () => {
      const e = thrown(() => TARGET_MET(5, PER_YEAR));
      expect(e.code).toBe(ErrorCode.invalidValue);
      expect(e.message).toMatch(/2021, 2022, 2023/);
    });

    test.each([
      ["circa 10", "NOT_A_TARGET"],
      ["<= 31/02/2021", "BAD_DATE"],
      ["Anno: 2021 >= 1 Anno: 2021 >= 2", "DUPLICATE_YEAR"],
      ["!= 5", "UNKNOWN_OPERATOR"],
    ])("a bad target %p is #VALUE! with the parser's message", (target) => {
      const e = thrown(() => TARGET_MET(5, target));
      expect(e.code).toBe(ErrorCode.invalidValue);
      expect(e.message.length).toBeGreaterThan(10);
    });

    test("the bad-date message quotes the date", () => {
      expect(thrown(() => TARGET_MET(5, "<= 31/02/2021")).message).toContain("31/02/2021");
      expect(thrown(() => TARGET_MET(5, "Anno: 2021 >= 1 Anno: 2021 >= 2"))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("DUPLICATE_YEAR", "en", { year: 2021 }),
      });
    });

    test("an empty target (null) is #VALUE! 'the cell is empty'", () => {
      expect(thrown(() => TARGET_MET(5, null))).toEqual({ code: ErrorCode.invalidValue, message: formatMessage("EMPTY", "en") });
    });

    test("booleans are #VALUE!, as value or as target", () => {
      expect(thrown(() => TARGET_MET(true, ">= 1")).code).toBe(ErrorCode.invalidValue);
      expect(thrown(() => TARGET_MET(1, false)).code).toBe(ErrorCode.invalidValue);
    });

    test("a value of --- is #N/A", () => {
      expect(thrown(() => TARGET_MET("---", ">= 1"))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_VALUE", "en") });
    });

    test.each([21, 2021.5, -2021, 10000])("year %p is #VALUE!", (year) => {
      expect(thrown(() => TARGET_MET(5, ">= 1", year))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("NOT_A_YEAR", "en", { text: String(year) }),
      });
    });

    test("a deadline needs a date: blank is #N/A (not done), a word is #VALUE!", () => {
      expect(thrown(() => TARGET_MET(null, "<= 31/12/2021")).code).toBe(ErrorCode.notAvailable);
      expect(thrown(() => TARGET_MET(0, "<= 31/12/2021")).code).toBe(ErrorCode.notAvailable);
      expect(thrown(() => TARGET_MET("fatto", "<= 31/12/2021"))).toEqual({
        code: ErrorCode.invalidValue,
        message: formatMessage("DATE_VALUE_REQUIRED", "en"),
      });
      expect(thrown(() => TARGET_MET("30/02/2021", "<= 31/12/2021")).message).toContain("30/02/2021");
    });
  });
});
