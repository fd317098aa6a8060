import { ErrorCode, thrown } from "../support/functions-setup";
import { formatMessage, kpiError, type KpiError } from "../../src/core";
import { displayLanguage, run, toExcelError } from "../../src/functions/excel-errors";
import { TREND_PCT } from "../../src/functions/functions";

type G = { Office?: unknown };
const g = globalThis as unknown as G;

afterEach(() => {
  delete g.Office;
});

describe("engine error -> Excel error", () => {
  test.each<[KpiError, ErrorCode, string]>([
    [kpiError("DIV_ZERO"), ErrorCode.divisionByZero, ""],
    [kpiError("NO_SCORES"), ErrorCode.divisionByZero, ""],
    [kpiError("NOT_FINITE"), ErrorCode.invalidNumber, ""],
    [kpiError("NO_TARGET"), ErrorCode.notAvailable, formatMessage("NO_TARGET", "en")],
    [kpiError("NO_TARGET_FOR_YEAR", { year: 2022 }), ErrorCode.notAvailable, formatMessage("NO_TARGET_FOR_YEAR", "en", { year: 2022 })],
    [kpiError("NO_VALUE"), ErrorCode.notAvailable, formatMessage("NO_VALUE", "en")],
    [kpiError("BAD_DATE", { text: "31/02/2021" }), ErrorCode.invalidValue, formatMessage("BAD_DATE", "en", { text: "31/02/2021" })],
    [kpiError("EMPTY"), ErrorCode.invalidValue, formatMessage("EMPTY", "en")],
  ])("%o -> %s", (error, code, message) => {
    const e = toExcelError(error, "en") as unknown as { code: ErrorCode; message: string };
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe("run", () => {
  test("passes results through", () => {
    expect(run(() => 42)).toBe(42);
    expect(run(() => false)).toBe(false);
  });

  test("throws engine errors as Excel errors", () => {
    expect(thrown(() => run(() => kpiError("NO_TARGET")))).toEqual({
      code: ErrorCode.notAvailable,
      message: formatMessage("NO_TARGET", "en"),
    });
  });

  test.each([NaN, Infinity, -Infinity])("never returns %p: #NUM!", (x) => {
    expect(thrown(() => run(() => x))).toEqual({ code: ErrorCode.invalidNumber, message: "" });
  });

  test("an unexpected exception becomes #VALUE! with its message, never a plain Error", () => {
    expect(
      thrown(() =>
        run(() => {
          throw new RangeError("boom");
        }),
      ),
    ).toEqual({ code: ErrorCode.invalidValue, message: formatMessage("UNEXPECTED", "en", { detail: "boom" }) });
  });
});

describe("message language follows Excel's display language", () => {
  test("English outside Office", () => {
    expect(displayLanguage()).toBe("en");
  });

  test("Italian when Excel's UI is Italian", () => {
    g.Office = { context: { displayLanguage: "it-IT" } };
    expect(displayLanguage()).toBe("it");
    expect(thrown(() => TREND_PCT("---", 1))).toEqual({ code: ErrorCode.notAvailable, message: formatMessage("NO_VALUE", "it") });
    expect(thrown(() => TREND_PCT("dieci", 1)).message).toBe(formatMessage("NOT_A_NUMBER", "it", { text: "dieci" }));
  });

  test("English for other languages and when Office.context is not ready", () => {
    g.Office = { context: { displayLanguage: "en-GB" } };
    expect(displayLanguage()).toBe("en");
    g.Office = {};
    expect(displayLanguage()).toBe("en");
    g.Office = {
      get context(): never {
        throw new Error("not initialised");
      },
    };
    expect(displayLanguage()).toBe("en");
  });
});
