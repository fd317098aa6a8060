import { ErrorCode, thrown } from "../support/functions-setup";
import { ACHIEVEMENT, TARGET_MET, TARGET_VALUE } from "../../src/functions/functions";

/** Excel serial of a date, computed apart from the engine (1900 system, after 1900-03-01). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("custom functions on targets worded as other plans word them", () => {
  test("operator words and units", () => {
    expect(TARGET_MET(12, "almeno 10 gg.")).toBe(true);
    expect(TARGET_MET(9, "almeno 10 gg.")).toBe(false);
    expect(TARGET_MET(3, "non superiore a 2")).toBe(false);
    expect(TARGET_MET(1500, "€ 1.500")).toBe(true);
    // Lower is better, 12 days against at most 10: 10 / 12 = 83.33…
    expect(ACHIEVEMENT(12, "entro 10 giorni")).toBeCloseTo(83.3333, 3);
    expect(TARGET_VALUE("1.500 euro")).toBe(1500);
  });

  test("Italian dates", () => {
    expect(TARGET_MET(serial(2026, 6, 15), "entro giugno 2026")).toBe(true);
    expect(TARGET_MET("01/07/2026", "entro il 30 giugno 2026")).toBe(false);
    expect(TARGET_VALUE("II semestre 2026")).toBe(serial(2026, 12, 31));
    const e = thrown(() => TARGET_MET(serial(2026, 6, 15), "entro il 30/06"));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toContain("30/06");
  });

  test("bands: 100 inside, value/lower below, upper/value above", () => {
    expect(TARGET_MET(80, "tra 70% e 90%")).toBe(true);
    expect(TARGET_MET(95, "tra 70% e 90%")).toBe(false);
    expect(ACHIEVEMENT(56, "70%-90%")).toBeCloseTo(80, 12); // 56 / 70
    expect(ACHIEVEMENT(100, "da 70% a 90%")).toBeCloseTo(90, 12); // 90 / 100
    expect(TARGET_VALUE("tra 70% e 90%")).toBe(70); // the lower bound
  });

  test("SI / NO: TRUE, 1, SI and Sì are done; a blank is not done", () => {
    expect(TARGET_MET(true, "SI")).toBe(true);
    expect(TARGET_MET(1, "Sì")).toBe(true);
    expect(TARGET_MET("Sì", "SI")).toBe(true);
    expect(TARGET_MET("NO", "SI")).toBe(false);
    expect(TARGET_MET(null, "SI")).toBe(false);
    expect(TARGET_MET(false, "NO")).toBe(true);
    expect(ACHIEVEMENT("SI", "SI")).toBe(100);
    expect(ACHIEVEMENT(0, "SI")).toBe(0);
    const e = thrown(() => TARGET_MET("forse", "SI"));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toContain("forse");
  });

  test("per-year shapes, with an unreadable year failing alone", () => {
    const target = "Target 2026: 65% | Target 2027: circa 70%";
    expect(TARGET_MET(66, target, 2026)).toBe(true);
    const e = thrown(() => TARGET_MET(66, target, 2027));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toContain("circa 70%");
    expect(TARGET_MET(4, "2026: >= 5 2027: >= 3", 2027)).toBe(true);
  });
});
