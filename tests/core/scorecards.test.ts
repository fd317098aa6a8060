/**
 * Unit scorecards on the sample plan: the import's workbook with the chosen 2021 values of
 * ../support/seed-values.ts, whose node results are worked out in ./rollup/seed.test.ts.
 * The units each node lists come from the plan's "Unità organizzative coinvolte", written
 * by the import into the Albero sheet.
 */
import { analyseWorkbook } from "../../src/core/analyse";
import { rulesSheet } from "../../src/core/rules";
import { unitName, unitScores, unitsJson, workbookUnitScores, type UnitScore } from "../../src/core/scorecards";
import { gridsOf, seedWorkbook } from "../support/seed-values";

const scores = (extra: Parameters<typeof seedWorkbook>[0] = []) => workbookUnitScores(analyseWorkbook(gridsOf(seedWorkbook(extra)), { year: 2021 }));
const get = (list: readonly UnitScore[], unit: string): UnitScore => {
  const s = list.find((x) => x.unit === unit);
  if (!s) throw new Error(`no unit ${unit}`);
  return s;
};
const nodes = (s: UnitScore) => s.items.map((i) => i.code);

describe("unit scorecards on the sample plan (2021 values of seed-values.ts)", () => {
  const all = scores();

  it("STAFF 1 takes part in several actions: the mean of those measured", () => {
    const s = get(all, "STAFF 1");
    // B.1.1, B.1.2 list STAFF 1 and so do their actions: only the actions count (most specific).
    expect(nodes(s)).toEqual(["A.1.5", "B.1.1.1", "B.1.1.2", "B.1.2.1", "B.1.2.2", "C.1.1.6", "C.1.2.3", "C.1.2.7"]);
    // Measured: B.1.1.1 88, B.1.1.2 80, B.1.2.1 90, B.1.2.2 62.5 (seed.test.ts); the rest have no value.
    // (88 + 80 + 90 + 62.5) / 4 = 320.5 / 4 = 80.125 -> amber (70 <= x < 90).
    expect(s.achievement).toBeCloseTo(80.125, 9);
    expect(s.band).toBe("amber");
  });

  it("S. 3.1: five measured actions", () => {
    const s = get(all, "S. 3.1");
    // B.2.1.1 96, B.2.1.2 87.5, B.2.1.3 50, C.1.1.1 87.5 (7/8), C.1.1.2 100 (66 >= 60);
    // C.1.2.1, C.1.2.3, C.1.2.7 not measured. (96 + 87.5 + 50 + 87.5 + 100) / 5 = 421 / 5 = 84.2.
    expect(s.achievement).toBeCloseTo(84.2, 9);
    expect(s.band).toBe("amber");
    // KPIs: B.2.1.1 2, B.2.1.2 2, B.2.1.3 1, C.1.1.1 1, C.1.1.2 1, C.1.2.1 1, C.1.2.3 1, C.1.2.7 1 = 10, of which 3 missing.
    expect([s.kpis, s.missing]).toEqual([10, 3]);
  });

  it("S. 2.2 and STAFF 3", () => {
    // S. 2.2: B.1.1.2 80, B.1.2.2 62.5, B.1.3 100 (4 >= 4) -> (80 + 62.5 + 100) / 3 = 80.8333...
    expect(get(all, "S. 2.2").achievement).toBeCloseTo(242.5 / 3, 9);
    // STAFF 3: only C.1.2.2 measured, adopted late -> 0 -> red.
    expect(get(all, "STAFF 3")).toMatchObject({ achievement: 0, band: "red" });
  });

  it("a unit with nothing measured has no result, and its KPIs are all missing", () => {
    // STAFF 8: C.1.1.7 (1 KPI) and C.1.2.7 (1 KPI), both blank in 2021.
    expect(get(all, "STAFF 8")).toMatchObject({ achievement: null, band: null, kpis: 2, missing: 2 });
  });

  it("capofila: a node counts only for the first unit it lists", () => {
    const lead = scores([rulesSheet({}, { unitRule: "lead" })]);
    // STAFF 1 leads B.1.1.1 (88) and B.1.2.1 (90) only: B.1.1.2 is led by S. 2.2, B.1.2.2 by S. 2.1.
    // (88 + 90) / 2 = 89.
    expect(get(lead, "STAFF 1").achievement).toBeCloseTo(89, 9);
    expect(get(lead, "STAFF 1").band).toBe("amber");
    // S. 2.2 leads B.1.1.2 (80) and B.1.3 (100): 90 -> green.
    expect(get(lead, "S. 2.2")).toMatchObject({ achievement: 90, band: "green" });
    // STAFF 7 is never listed first: no scorecard.
    expect(lead.find((s) => s.unit === "STAFF 7")).toBeUndefined();
    expect(all.find((s) => s.unit === "STAFF 7")).toBeDefined();
  });

  it("Valori mancanti: zero counts the unmeasured nodes as 0", () => {
    const zero = scores([rulesSheet({ missing: "zero" })]);
    // STAFF 1 with missing = zero: the nodes' own results change too. B.1.2.1 has one of its two
    // KPIs blank, which now counts 0: (90 + 0) / 2 = 45 (seed.test.ts: B.1.2 = (45 + 62.5) / 2
    // = 53.75). B.1.1.1 88, B.1.1.2 80 and B.1.2.2 62.5 are complete. The four nodes where nothing
    // was measured still have no result, and the unit counts them as 0:
    // (88 + 80 + 45 + 62.5 + 0 × 4) / 8 = 275.5 / 8 = 34.4375.
    expect(get(zero, "STAFF 1").achievement).toBeCloseTo(34.4375, 9);
    expect(get(zero, "STAFF 1").band).toBe("red");
  });

  it("check --json's units entries", () => {
    expect(unitsJson([get(all, "S. 2.2")])).toEqual([{ unit: "S. 2.2", achievement: 80.83, kpis: 16, missing: 11, band: "amber" }]);
  });
});

describe("unitScores: Struttura responsabile", () => {
  const node = (code: string, parent: string | null, units: string[] = []) => ({ code, kind: "action" as const, title: code, parent, units });
  const result = (code: string, achievement: number | null) => ({
    code, kind: "action" as const, title: code, parent: null, achievement, band: null, kpis: 1, missing: achievement === null ? 1 : 0, met: 0, unmet: 0, depth: 0, weight: null, basis: "kpis" as const,
  });
  const kpi = (owner: string, responsible: string | null, achievement: number | null, row: number) => ({
    sheet: "KPI", row, owner, indicator: `k${row}`, weight: 50, target: null, value: null, status: achievement === null ? ("missing" as const) : ("unmet" as const),
    achievement, valueCell: null, targetCell: "D1", algorithmKind: null, reason: null, reasonCell: null, responsible,
  });

  it("a KPI row counts for its responsible unit, unless its node already counts for it", () => {
    const s = unitScores({
      tree: [node("X.1", null, ["S.1.1"]), node("X.2", null)],
      nodes: [result("X.1", 60), result("X.2", 70)],
      kpis: [kpi("X.1", "S. 1.1 Ragioneria", 60, 2), kpi("X.2", "S. 1.1, Ufficio Studi", 40, 3), kpi("X.2", "Ufficio Studi", 100, 4)],
    });
    // S. 1.1: node X.1 (60; its KPI row 2 is inside it) and KPI row 3 (40): (60 + 40) / 2 = 50.
    // Ufficio Studi: KPI rows 3 (40) and 4 (100): 70.
    expect(s.map((u) => [u.unit, u.achievement, u.kpis])).toEqual([
      ["S. 1.1", 50, 2],
      ["Ufficio Studi", 70, 2],
    ]);
  });

  it("unit names: plan codes in their normal form, other names tidied", () => {
    expect(unitName("S.1.4")).toBe("S. 1.4");
    expect(unitName("staff6 Promozione")).toBe("STAFF 6");
    expect(unitName("  Ufficio   Studi ")).toBe("Ufficio Studi");
  });
});
