import fc from "fast-check";
import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage } from "../../src/core";
import { ACHIEVEMENT } from "../../src/functions/functions";

const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("KPI.ACHIEVEMENT(value, target, [year])", () => {
  describe("works", () => {
    test.each([
      [12, ">= 15%", 80], // higher is better: 12/15
      [15, ">= 15%", 100],
      [30, ">= 15%", 100], // capped at 100
      [3, ">= 4", 75],
      [12, "<= 10", (10 / 12) * 100], // lower is better: target/value
      [8, "<= 10", 100],
      [0, "<= 0", 100], // target 0 with <=: met when value <= 0
      [3, "<= 0", 0],
      [0, ">= 15", 0],
      [-5, ">= 10", 0], // never below 0
    ])("ACHIEVEMENT(%p, %p) = %p", (value, target, expected) => {
      expect(ACHIEVEMENT(value, target)).toBeCloseTo(expected, 10);
    });

    test("keeps full precision (rounding is for display)", () => {
      expect(ACHIEVEMENT(2, ">= 3")).toBe((2 / 3) * 100);
    });

    test("deadlines score 100 on or before the date, else 0", () => {
      expect(ACHIEVEMENT(serial(2021, 11, 30), "<= 30/11/2021")).toBe(100);
      expect(ACHIEVEMENT(serial(2021, 12, 1), "<= 30/11/2021")).toBe(0);
      expect(ACHIEVEMENT("15/06/2021", "entro il 30/06/2021")).toBe(100);
    });

    test("per-year targets", () => {
      const target = "Anno: 2021 >= 15 Anno: 2022 >= 20";
      expect(ACHIEVEMENT(12, target, 2021)).toBeCloseTo(80, 10);
      expect(ACHIEVEMENT(12, target, 2022)).toBeCloseTo(60, 10);
    });
  });

  describe("use coercion", () => {
    test("Italian text and percentage-formatted values", () => {
      expect(ACHIEVEMENT("7,5", ">= 10")).toBeCloseTo(75, 10);
      expect(ACHIEVEMENT("12%", ">= 15%")).toBeCloseTo(80, 10);
      // 12 percentage points, as KPI.PERCENT_POINTS gives for a cell showing 12%.
      expect(ACHIEVEMENT(12, ">= 15%")).toBeCloseTo(80, 10);
      expect(ACHIEVEMENT(12, "Anno: 2021 >= 15 Anno: 2022 >= 20", "2022" as never)).toBeCloseTo(60, 10);
    });

    test("a blank value scores like 0 on every platform", () => {
      expect(ACHIEVEMENT(null, ">= 10")).toBe(ACHIEVEMENT(0, ">= 10"));
    });
  });

  describe("errors", () => {
    test("--- target is #N/A, a bad one #VALUE!", () => {
      expect(thrown(() => ACHIEVEMENT(5, "---"))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_TARGET", "en") });
      expect(thrown(() => ACHIEVEMENT(5, "circa 10")).code).toBe(ErrorCode.invalidValue);
      expect(thrown(() => ACHIEVEMENT(true, ">= 10")).code).toBe(ErrorCode.invalidValue);
      expect(thrown(() => ACHIEVEMENT(5, "Anno: 2021 >= 1 Anno: 2022 >= 2")).code).toBe(ErrorCode.invalidValue);
    });
  });

  test("property: any finite value against any simple target is a finite number in 0..100", () => {
    const op = fc.constantFrom(">=", "<=", ">", "<", "=");
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(num, op, num, fc.boolean(), (value, o, t, percent) => {
        const target = `${o} ${String(t).replace(".", ",")}${percent ? "%" : ""}`;
        const a = ACHIEVEMENT(value, target);
        return Number.isFinite(a) && a >= 0 && a <= 100;
      }),
      { numRuns: 500 },
    );
  });
});
