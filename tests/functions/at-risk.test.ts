import { ErrorCode, thrown } from "../support/functions-setup";
import { AT_RISK } from "../../src/functions/functions";

/** Excel serial of a date, computed independently of the engine (1900 system, after 1900-03-01). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const JUNE = serial(2026, 6, 30);
const SEPTEMBER = serial(2026, 9, 30);

describe("KPI.AT_RISK(value, target, date, [rule])", () => {
  test("a count >= 200 at 30/06/2026 expects 200 × 181/365 = 99.18: 99 at risk, 100 on track", () => {
    expect(AT_RISK(99, ">= 200", JUNE)).toBe("a rischio");
    expect(AT_RISK(100, ">= 200", JUNE)).toBe("in linea");
    // The date as text, the Italian way.
    expect(AT_RISK(99, ">= 200", "30/06/2026")).toBe("a rischio");
  });

  test("at 30/09/2026 it expects 200 × 273/365 = 149.59: 149 at risk, 150 on track", () => {
    expect(AT_RISK(149, ">= 200", SEPTEMBER)).toBe("a rischio");
    expect(AT_RISK(150, ">= 200", SEPTEMBER)).toBe("in linea");
  });

  test("rule «nessuno»: no share expected", () => {
    expect(AT_RISK(10, ">= 200", JUNE, "nessuno")).toBe("in linea");
    expect(AT_RISK(10, ">= 200", JUNE, "lineare")).toBe("a rischio");
    expect(AT_RISK(10, ">= 200", JUNE, "none")).toBe("in linea");
  });

  test("a deadline <= 30/09/2026: blank at 30/06 on track, blank at 30/09 unreachable, done in time on track", () => {
    expect(AT_RISK(null, "<= 30/09/2026", JUNE)).toBe("in linea");
    expect(AT_RISK("", "<= 30/09/2026", SEPTEMBER)).toBe("non raggiungibile");
    expect(AT_RISK(serial(2026, 5, 15), "<= 30/09/2026", JUNE)).toBe("in linea");
  });

  test("a percentage is compared with the target directly; a per-year target takes the date's year", () => {
    expect(AT_RISK("55%", ">= 60%", JUNE)).toBe("a rischio");
    expect(AT_RISK(61, ">= 60%", JUNE)).toBe("in linea");
    expect(AT_RISK(61, "Anno: 2026 >= 60% Anno: 2027 >= 70%", serial(2027, 6, 30))).toBe("a rischio");
  });

  test("bad date and bad rule: #VALUE! with a message in words", () => {
    const date = thrown(() => AT_RISK(10, ">= 200", "giugno"));
    expect(date.code).toBe(ErrorCode.invalidValue);
    expect(date.message).toContain("giugno");
    const rule = thrown(() => AT_RISK(10, ">= 200", JUNE, "a occhio"));
    expect(rule.code).toBe(ErrorCode.invalidValue);
    expect(rule.message).toContain("a occhio");
  });

  test("no target: #N/A", () => {
    expect(thrown(() => AT_RISK(10, "---", JUNE)).code).toBe(ErrorCode.notAvailable);
  });
});
