import { matchHeader } from "../../src/core/reader/headers";
import { missingReason, needsReason } from "../../src/core/reasons";
import type { CellValue, KpiStatus, SheetGrid } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/validate";
import { describe as describeIn } from "../../src/core";

const sheet = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });

describe("needsReason", () => {
  it("a target not met, or at a monitoring date one at risk or out of reach, needs a reason", () => {
    const all: KpiStatus[] = ["met", "unmet", "missing", "no_target", "invalid", "on_track", "at_risk", "unreachable"];
    expect(all.filter(needsReason)).toEqual(["unmet", "at_risk", "unreachable"]);
    expect(missingReason({ status: "at_risk", reason: null })).toBe(true);
    expect(missingReason({ status: "on_track", reason: null })).toBe(false);
    expect(missingReason({ status: "unmet", reason: "  " })).toBe(true);
    expect(missingReason({ status: "unmet", reason: "Blocco del portale" })).toBe(false);
    expect(missingReason({ status: "met", reason: null })).toBe(false);
  });
});

describe("the reason column", () => {
  it.each([
    "Motivazione scostamento",
    "Motivazione",
    "Motivazioni dello scostamento",
    "Cause dello scostamento",
    "Giustificazione",
    "Deviation reason",
    "MOTIVAZIONE  DELLO SCOSTAMENTO",
  ])("%s is the reason column", (text) => {
    expect(matchHeader(text)).toEqual({ role: "reason", year: null });
  });

  it("is not taken for another column", () => {
    expect(matchHeader("Motivo")).toBeNull();
    expect(matchHeader("Giugno")).toBeNull();
  });
});

describe("validateWorkbook: deviation reasons", () => {
  // Four KPIs: two unmet (one with a reason, one without), one met without a reason, one missing.
  const grid = sheet("Piano", [
    ["Codice", "Indicatore", "Peso", "Target", "Valore", "Struttura responsabile", "Motivazione scostamento"],
    ["A.1", "Pratiche evase", 25, ">= 20", 15, "STAFF 1", "Blocco del portale per 3 mesi"],
    ["A.1", "Visite", 25, ">= 20", 12, "STAFF 2", null],
    ["A.1", "Eventi", 25, ">= 4", 5, "STAFF 2", null],
    ["A.1", "Imprese", 25, ">= 10", null, null, null],
  ]);

  it("reads each row's reason and responsible unit, with the reason's cell", () => {
    const r = validateWorkbook([grid]);
    expect(r.kpis.map((k) => [k.indicator, k.status, k.reason, k.reasonCell, k.responsible])).toEqual([
      ["Pratiche evase", "unmet", "Blocco del portale per 3 mesi", "G2", "STAFF 1"],
      ["Visite", "unmet", null, "G3", "STAFF 2"],
      ["Eventi", "met", null, "G4", "STAFF 2"],
      ["Imprese", "missing", null, "G5", null],
    ]);
  });

  it("warns once per unmet KPI without a reason, at the reason cell, in Italian and English", () => {
    const it = validateWorkbook([grid]).problems.filter((p) => p.code === "REASON_MISSING");
    expect(it.map((p) => [p.severity, p.sheet, p.cell])).toEqual([["warning", "Piano", "G3"]]);
    expect(describeIn(it[0], "it")).toMatch(/Target non raggiunto \(o a rischio\) senza motivazione/);
    const en = validateWorkbook([grid]).problems.filter((p) => p.code === "REASON_MISSING");
    expect(describeIn(en[0], "en")).toMatch(/Target not met \(or at risk\) without a reason/);
  });

  it("at a monitoring date, a KPI at risk or out of reach needs a reason too; one on track does not", () => {
    // At 30/06/2026 (day 181 of 365) a count with target >= 200 is expected at
    // 200 × 181 / 365 = 99.18: 90 is at risk, 120 on track. A deadline of 31/03/2026 not
    // done by 30/06 is out of reach.
    const dated = sheet("Monitoraggio", [
      ["Codice", "Indicatore", "Peso", "Target", "Valore 2026 al 30/06", "Motivazione scostamento"],
      ["B.1", "Pratiche", 40, ">= 200", 90, null],
      ["B.1", "Visite", 30, ">= 200", 120, null],
      ["B.1", "Regolamento", 30, "entro il 31/03/2026", null, null],
    ]);
    const r = validateWorkbook([dated]);
    expect(r.period).toEqual({ year: 2026, date: "06-30" });
    expect(r.kpis.map((k) => k.status)).toEqual(["at_risk", "on_track", "unreachable"]);
    const warned = r.problems.filter((p) => p.code === "REASON_MISSING").map((p) => p.cell);
    expect(warned).toEqual(["F2", "F4"]);
  });

  it("a reason column in a table of its own: the warnings follow the reading order", () => {
    const r = validateWorkbook([grid]);
    const cells = r.problems.map((p) => p.cell);
    // E5 (missing value, row 5) comes after G3 (row 3).
    expect(cells.indexOf("G3")).toBeLessThan(cells.indexOf("E5"));
  });

  it("a table without a reason column gets no reason warnings (the reasons are kept elsewhere)", () => {
    const r = validateWorkbook([
      sheet("B", [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["Visite", 100, ">= 20", 12],
      ]),
    ]);
    expect(r.kpis[0].status).toBe("unmet");
    expect(r.kpis[0].reason).toBeNull();
    expect(r.kpis[0].reasonCell).toBeNull();
    expect(r.problems.filter((p) => p.code === "REASON_MISSING")).toEqual([]);
  });
});
